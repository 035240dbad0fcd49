"""The office suite runs on both stores: SQLCipher (the default) and PostgreSQL (a real server).

``store`` is the fixture parameter; ``offices`` makes office workspaces on it. On PostgreSQL each
office gets its own database (from the session cluster's template) and logs in as the database
owner with its password from the environment, as an office's first machine would.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import app.sync.kit as kitmod
from app import cli
from app.domain.vocabulary import WorkspaceKind
from app.storage import keyfile
from app.storage.pg.server import ServerSettings
from app.storage.workspace import Workspace
from app.sync.identity import ensure_office_keys
from tests.unit.sync.conftest import CheapKdf

PASSWORD = "pw"


@dataclass
class OfficeStore:
    """How to make an office on this store (and reach its database directly)."""

    name: str
    cluster: Any = None

    @property
    def on_server(self) -> bool:
        return self.name == "postgresql"

    def db_password(self) -> str | None:
        from tests.pgcluster import OWNER_PASSWORD

        return OWNER_PASSWORD if self.on_server else None

    def new_database(self) -> str | None:
        return self.cluster.new_database() if self.on_server else None

    def settings(self, database: str | None) -> ServerSettings | None:
        return None if database is None else ServerSettings.parse(self.cluster.url(database))

    def init_args(self, database: str | None) -> list[str]:
        return [] if database is None else ["--db", self.cluster.url(database)]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> OfficeStore:
    if request.param == "postgresql":
        return OfficeStore("postgresql", request.getfixturevalue("pg_cluster"))
    return OfficeStore("sqlite")


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)


@pytest.fixture
def offices(store: OfficeStore, tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """``offices("city")``: a new office workspace on this store, open as its director."""
    opened: list[Workspace] = []
    databases: list[str] = []

    def make(name: str = "office", team_name: str = "区委巡察办") -> Workspace:
        db = store.new_database()
        if db is not None:
            databases.append(db)
        ws = Workspace.create(
            tmp_path / name,
            team_name=team_name,
            leader="王主任",
            password=PASSWORD,
            kind=WorkspaceKind.OFFICE,
            server=store.settings(db),
            db_password=store.db_password(),
        )
        ensure_office_keys(ws)
        opened.append(ws)
        return ws

    try:
        yield make
    finally:
        for ws in opened:
            ws.close()
        for db in databases:
            store.cluster.drop_database(db)


def reopen(ws: Workspace, store: OfficeStore) -> Workspace:
    """The same office opened again, as a second clerk's program would."""
    return Workspace.open(ws.paths.root, PASSWORD, db_password=store.db_password())


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: OfficeStore
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``python -m app …`` in this process (cheap Argon2), passwords from the environment."""

    def run(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        for k in ("XUNCHA_KIT_PASSWORD", "XUNCHA_USER", "XUNCHA_DB_PASSWORD"):
            monkeypatch.delenv(k, raising=False)
        monkeypatch.setenv("XUNCHA_PASSWORD", PASSWORD)
        if store.on_server:
            monkeypatch.setenv("XUNCHA_DB_PASSWORD", str(store.db_password()))
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    return run
