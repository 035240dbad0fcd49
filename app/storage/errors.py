"""Errors of the storage layer. Each carries a one-line message in Chinese for the user."""

from __future__ import annotations

from app.domain.errors import UserError


class WorkspaceError(UserError):
    """A refusal the user must read: the message is one line of Simplified Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkspaceMissing(WorkspaceError):
    """There is no workspace in the folder."""


class WorkspaceExists(WorkspaceError):
    """A workspace (or other files) already stand where a new one was to be made."""


class WrongPassword(WorkspaceError):
    """The password opens none of the key file's entries."""


class KeyFileDamaged(WorkspaceError):
    """The key file cannot be read or fails its checksum."""


class DatabaseDamaged(WorkspaceError):
    """The database cannot be opened with the right key, or fails its integrity check."""


class ForeignWorkspace(WorkspaceError):
    """Key file and database belong to different workspaces."""


class NewerWorkspace(WorkspaceError):
    """The workspace was written by a newer program than this one."""


class RecordError(WorkspaceError):
    """A write that the rules refuse (deleting an audit event, hard-deleting a synced row …)."""
