"""Connection settings of a PostgreSQL office, the engine over them, and how the link is secured.

The office folder keeps ``server.json``: host, port, database, user and libpq options (``sslmode``,
``service`` …) — never a password. The password comes from ``XUNCHA_DB_PASSWORD``, a prompt, or
libpq's own ``.pgpass`` / service file (libpq reads those itself when no password is given).

TLS: libpq's default ``sslmode=prefer`` uses TLS whenever the server offers it; :func:`link_notice`
says, in one Chinese line, when a connection over the network is not encrypted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from app.files import atomic_write_bytes
from app.storage.errors import DatabaseDamaged, WorkspaceError
from app.storage.protect import FieldCipher, attach_cipher

SERVER_FILE = "server.json"
FORMAT = "xunchadesk-server"
MIN_SERVER_VERSION = 150000

ALLOWED_OPTIONS = (
    "host",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "service",
    "connect_timeout",
    "target_session_attrs",
)
"""libpq options a connection address may carry (query part of the URL)."""

PasswordSource = str | Callable[[], str] | None
"""A password, a function that asks for one (called only when the server wants one), or None."""


class ServerUnavailable(WorkspaceError):
    """The database server cannot be reached or refuses the login."""


class PasswordNeeded(ServerUnavailable):
    """The server asks for a password and none was given."""


@dataclass(frozen=True)
class ServerSettings:
    """Where the office's database is. Holds no password."""

    database: str
    user: str | None = None
    host: str | None = None
    port: int | None = None
    options: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, url: str) -> ServerSettings:
        """Read ``postgresql://user@host:port/dbname?sslmode=…``; a password in it is refused."""
        try:
            u = make_url(url)
        except ArgumentError as exc:
            raise WorkspaceError(
                "数据库地址格式不对，应为 postgresql://用户@主机:端口/库名"
            ) from exc
        if u.get_backend_name() not in ("postgresql", "postgres"):
            raise WorkspaceError("数据库地址须以 postgresql:// 开头。")
        if u.password is not None:
            raise WorkspaceError(
                "数据库密码不能写在地址里（会留在命令历史和磁盘上）：请用 XUNCHA_DB_PASSWORD、"
                "输入，或 .pgpass 文件。"
            )
        options: dict[str, str] = {}
        for k, v in u.query.items():
            if k not in ALLOWED_OPTIONS:
                raise WorkspaceError(f"数据库地址中有不支持的参数：{k}")
            options[k] = v if isinstance(v, str) else v[-1]
        if not u.database and "service" not in options:
            raise WorkspaceError("数据库地址须写明库名（…/库名）或 service。")
        return cls(
            database=u.database or "",
            user=u.username,
            host=u.host,
            port=u.port,
            options=options,
        )

    def display(self) -> str:
        """The address for people (no password, ever)."""
        who = f"{self.user}@" if self.user else ""
        where = self.host or self.options.get("host", "") or "本机"
        port = f":{self.port}" if self.port else ""
        extra = f"（service={self.options['service']}）" if "service" in self.options else ""
        return f"postgresql://{who}{where}{port}/{self.database}{extra}"

    def with_user(self, user: str | None) -> ServerSettings:
        return ServerSettings(self.database, user, self.host, self.port, dict(self.options))

    def url(self, password: str | None = None) -> sa.URL:
        query = dict(self.options)
        query.setdefault("sslmode", "prefer")
        return sa.URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database or None,
            query=query,
        )

    # -- the file --------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, **asdict(self)}

    def save(self, path: Path) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write_bytes(path, text.encode("utf-8") + b"\n")

    @classmethod
    def load(cls, path: Path) -> ServerSettings:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != 1:
                raise ValueError("format")
            port = doc.get("port")
            return cls(
                database=str(doc["database"]),
                user=None if doc.get("user") is None else str(doc["user"]),
                host=None if doc.get("host") is None else str(doc["host"]),
                port=None if port is None else int(port),
                options={str(k): str(v) for k, v in dict(doc.get("options") or {}).items()},
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DatabaseDamaged(f"数据库连接设置文件 {SERVER_FILE} 无法读取。") from exc


def _reason(exc: BaseException) -> str:
    """A short reason from a driver error, without any parameters or data."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _asks_password(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", None) or exc)
    return "no password supplied" in text or "password authentication failed" in text


def make_server_engine(
    settings: ServerSettings,
    password: PasswordSource,
    workspace_key: bytes | None,
    *,
    pool_size: int = 4,
) -> Engine:
    """An engine over the office's database, connected once to prove the login works.

    Without a password libpq may still find one in ``.pgpass`` or a service file; only when the
    server asks and none was found is ``password`` called (when it is a function).
    """
    given = password if isinstance(password, str) else None
    engine = _engine(settings, given, workspace_key, pool_size)
    try:
        with engine.connect() as conn:
            version = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
    except sa.exc.OperationalError as exc:
        engine.dispose()
        if _asks_password(exc) and given is None and callable(password):
            return make_server_engine(settings, password(), workspace_key, pool_size=pool_size)
        if _asks_password(exc):
            if given is None:
                raise PasswordNeeded(
                    "数据库服务器要求密码：请设置 XUNCHA_DB_PASSWORD，或在终端中运行以便输入，"
                    "或使用 .pgpass 文件。"
                ) from exc
            raise ServerUnavailable("数据库用户名或密码不正确。") from exc
        raise ServerUnavailable(
            f"无法连接数据库服务器 {settings.display()}：{_reason(exc)}"
        ) from exc
    if version < MIN_SERVER_VERSION:
        engine.dispose()
        raise ServerUnavailable("数据库服务器版本过低：需要 PostgreSQL 15 或更新版本。")
    return engine


def _engine(
    settings: ServerSettings, password: str | None, workspace_key: bytes | None, pool_size: int
) -> Engine:
    engine = sa.create_engine(
        settings.url(password),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        hide_parameters=True,  # never print a row's values in an error
        connect_args={"application_name": "xunchadesk"},
    )
    if workspace_key is not None:
        attach_cipher(engine.dialect, FieldCipher(workspace_key))
    # bulk inserts (a bundle's rows, their audit events) as multi-row INSERTs, not one per row
    engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


@dataclass(frozen=True)
class LinkStatus:
    """How this program's connection to the server is carried."""

    tls: bool
    local_socket: bool
    cipher: str = ""

    @property
    def notice(self) -> str | None:
        """One Chinese line when the link crosses a network unencrypted; None when all is well."""
        if self.tls or self.local_socket:
            return None
        return (
            "注意：与数据库服务器的连接未加密（服务器未提供 TLS，或地址中写了 sslmode=disable）。"
        )

    @property
    def label(self) -> str:
        if self.tls:
            return f"TLS 加密（{self.cipher}）" if self.cipher else "TLS 加密"
        if self.local_socket:
            return "本机套接字（不经网络）"
        return "未加密"


def link_status(engine: Engine) -> LinkStatus:
    """Asked of the server itself (``pg_stat_ssl``): whether this session's link is TLS."""
    with engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        host = raw.info.host or ""
        row = conn.exec_driver_sql(
            "SELECT ssl, coalesce(version, ''), coalesce(cipher, '') FROM pg_stat_ssl "
            "WHERE pid = pg_backend_pid()"
        ).first()
    tls = bool(row and row[0])
    cipher = f"{row[1]} {row[2]}".strip() if row and tls else ""
    return LinkStatus(tls=tls, local_socket=host.startswith("/"), cipher=cipher)
