"""Where a workspace's files are (light: no database code, so start-up can look before it loads).

<folder>/
  workspace.db      SQLCipher database (raw 256-bit key)
  workspace.key     the database key, wrapped per user
  media/            photos, encrypted, stored once per content
  backups/          automatic backups taken before an upgrade
  server.json       (an office on PostgreSQL, instead of workspace.db) where the database is
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "workspace.db"
KEY_NAME = "workspace.key"
MEDIA_DIR = "media"
BACKUPS_DIR = "backups"
SERVER_NAME = "server.json"


@dataclass(frozen=True)
class WorkspacePaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def key(self) -> Path:
        return self.root / KEY_NAME

    @property
    def media(self) -> Path:
        return self.root / MEDIA_DIR

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_DIR

    @property
    def server(self) -> Path:
        """Connection settings of an office whose records live on a database server."""
        return self.root / SERVER_NAME

    def has_workspace(self) -> bool:
        return self.db.exists() or self.key.exists() or self.server.exists()
