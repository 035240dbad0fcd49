"""Typed settings and paths. Nothing else in the program reads the environment.

Settings that belong to a team's work (deadlines, document prefix, triage weights …) live in the
workspace itself so they travel with it; this module holds what belongs to the machine: where the
workspace is, and the few environment variables the command line honours.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from app import APP_NAME

PASSWORD_ENV = "XUNCHA_PASSWORD"
NEW_PASSWORD_ENV = "XUNCHA_NEW_PASSWORD"
USER_ENV = "XUNCHA_USER"
LOCK_WAIT_ENV = "XUNCHA_LOCK_WAIT"
"""Seconds a command waits for another program's write to finish (default 60)."""
RECOVERY_CODE_ENV = "XUNCHA_RECOVERY_CODE"
DB_PASSWORD_ENV = "XUNCHA_DB_PASSWORD"
"""The database server's password, for an office on PostgreSQL (else a prompt, or .pgpass)."""
KIT_PASSWORD_ENV = "XUNCHA_KIT_PASSWORD"

DEMO_PASSWORD = "demo"
"""Password of demo workspaces unless XUNCHA_PASSWORD says otherwise."""


def default_data_dir() -> Path:
    """The real workspace: the platform's per-user data folder for XunchaDesk (not created here)."""
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_demo_dir() -> Path:
    """The demo workspace: a folder of its own, never the real workspace."""
    return user_data_path(f"{APP_NAME}-Demo", appauthor=False, ensure_exists=False)


@dataclass(frozen=True)
class Environment:
    """What the command line may take from the environment (read once, at start)."""

    password: str | None
    new_password: str | None
    user: str | None
    db_password: str | None = None
    kit_password: str | None = None
    lock_wait: float | None = None
    recovery_code: str | None = None

    @classmethod
    def read(cls) -> Environment:
        return cls(
            password=os.environ.get(PASSWORD_ENV),
            new_password=os.environ.get(NEW_PASSWORD_ENV),
            user=os.environ.get(USER_ENV) or None,
            db_password=os.environ.get(DB_PASSWORD_ENV),
            kit_password=os.environ.get(KIT_PASSWORD_ENV),
            lock_wait=_seconds(os.environ.get(LOCK_WAIT_ENV)),
            recovery_code=os.environ.get(RECOVERY_CODE_ENV),
        )


def _seconds(text: str | None) -> float | None:
    """A non-negative number of seconds, or None when unset or not a number."""
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and 0 <= value < 86_400 else None
