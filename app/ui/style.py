"""Colours and style sheets the views share (one place, so every message looks the same)."""

from __future__ import annotations

ERROR_STYLE = "color: #b00020;"
"""A refusal or failure shown next to what caused it."""

OK_STYLE = "color: #1b5e20;"
"""A job done."""
