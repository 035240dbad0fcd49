"""A workspace's limits (:class:`~app.domain.limits.Limits`), as its settings set them."""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.limits import Limits
from app.storage.workspace import Workspace

SETTINGS_KEY = "settings"
"""The ``workspace_meta`` key of the typed settings (see ``app.services.settings``)."""


def load_limits(source: Workspace | Session | sa.Connection) -> Limits:
    """The defaults, with what the workspace's settings (``limits``) change."""
    sql = sa.text("SELECT value FROM workspace_meta WHERE key = :key")
    if isinstance(source, Workspace):
        with source.engine.connect() as conn:
            raw = conn.execute(sql, {"key": SETTINGS_KEY}).scalar()
            conn.rollback()
    else:
        conn = source.connection() if isinstance(source, Session) else source
        raw = conn.execute(sql, {"key": SETTINGS_KEY}).scalar()
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return Limits.from_settings(data.get("limits") if isinstance(data, dict) else None)
