"""Refusals of the sync layer: one line of Chinese each, like every workspace error."""

from __future__ import annotations

from app.storage.errors import WorkspaceError


class SyncError(WorkspaceError):
    """Sync refused (wrong workspace kind, no keys, unknown team …)."""


class BundleRefused(SyncError):
    """A bundle that is truncated, altered, forged, of an unknown team or a hostile archive."""


class KitRefused(SyncError):
    """A team kit that cannot be opened (wrong password, damaged, not a kit)."""
