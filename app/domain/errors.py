"""The one base of every refusal a user reads.

A :class:`UserError` carries one line of Chinese that says what was refused and what to do, with
no data in it (no names, no record text). The command line prints it on stderr and exits 1; the
window shows it in a message. Anything else that escapes is a defect: it is logged, and the user
is told that something went wrong without its details.
"""

from __future__ import annotations


class UserError(Exception):
    """A refusal worded for the user (one line of Chinese); ``str(error)`` is that line."""
