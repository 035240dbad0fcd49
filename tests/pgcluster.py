"""A throw-away PostgreSQL cluster for the tests: initdb into a temp folder, start, stop.

One cluster per test session. It listens on a Unix socket in its folder and on 127.0.0.1 (a free
port) with TLS (a self-signed certificate made here), and asks every role but the superuser for a
password (scram-sha-256), so the tests log in as a program would. A template database at the
program's schema (migrations and server objects) makes each test's own database quick to create.
When run as root (CI), the server runs as the ``postgres`` user: initdb refuses root.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

OWNER = "xd_owner"
OWNER_PASSWORD = "owner-密码-1"
TEMPLATE = "xd_template"


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server binaries (Debian layout, or on PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    crt, pem = folder / "server.crt", folder / "server.key"
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    return crt, pem


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path
    run_as: str | None
    _counter: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def superuser(self, dbname: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host=self.socket_dir, port=self.port, user="postgres", dbname=dbname, autocommit=True
        )

    def owner(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(
            host=self.socket_dir,
            port=self.port,
            user=OWNER,
            password=OWNER_PASSWORD,
            dbname=dbname,
            autocommit=True,
        )

    def login(self, role: str, password: str, dbname: str, **kw: object) -> psycopg.Connection:
        return psycopg.connect(
            host=self.socket_dir,
            port=self.port,
            user=role,
            password=password,
            dbname=dbname,
            autocommit=True,
            **kw,  # type: ignore[arg-type]
        )

    def url(self, dbname: str, *, tcp: bool = False, user: str = OWNER, **query: str) -> str:
        if tcp:
            base = f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"
        else:
            base = f"postgresql://{user}@:{self.port}/{dbname}?host={self.socket_dir}"
        if query:
            sep = "&" if "?" in base else "?"
            base += sep + "&".join(f"{k}={v}" for k, v in query.items())
        return base

    def new_database(self, *, template: str | None = TEMPLATE) -> str:
        with self._lock:
            self._counter += 1
            name = f"xd_{os.getpid()}_{self._counter}"
        with self.superuser() as conn:
            tpl = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name} OWNER {OWNER}{tpl}")
        return name

    def drop_database(self, name: str) -> None:
        with self.superuser() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def _pg(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self._pg(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    binaries = server_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL server binaries are not installed")
    folder = Path(tempfile.mkdtemp(prefix="xd-pg-"))
    run_as = None
    if os.geteuid() == 0:
        run_as = "postgres"
        entry = pwd.getpwnam(run_as)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o755)
    port = _free_port()
    cluster = Cluster(folder=folder, port=port, bin=binaries, run_as=run_as)
    data = folder / "data"
    cluster._pg(
        str(binaries / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
    )
    crt, key = _self_signed(folder)
    hba = data / "pg_hba.conf"
    hba_text = (
        "local all postgres trust\n"
        "local all all scram-sha-256\n"
        "host all all 127.0.0.1/32 scram-sha-256\n"
    )
    if run_as:
        entry = pwd.getpwnam(run_as)
        for p in (crt, key):
            os.chown(p, entry.pw_uid, entry.pw_gid)
    key.chmod(0o600)
    tmp_hba = folder / "hba.tmp"
    tmp_hba.write_text(hba_text)
    shutil.copyfile(tmp_hba, hba)
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(hba, entry.pw_uid, entry.pw_gid)
    options = " ".join(
        [
            f"-p {port}",
            f"-k {folder}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
            "-c ssl=on",
            f"-c ssl_cert_file={crt}",
            f"-c ssl_key_file={key}",
        ]
    )
    try:
        cluster._pg(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        )
        with cluster.superuser() as conn:
            conn.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'")
        _make_template(cluster)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _make_template(cluster: Cluster) -> None:
    """A database at the program's schema, server objects installed, no workspace in it."""
    from app.storage import migrate
    from app.storage.pg.server import ServerSettings, make_server_engine
    from app.storage.pg.workspace import _install

    name = TEMPLATE
    with cluster.superuser() as conn:
        conn.execute(f"CREATE DATABASE {name} OWNER {OWNER}")
    settings = ServerSettings.parse(cluster.url(name))
    engine = make_server_engine(settings, OWNER_PASSWORD, None)
    try:
        migrate.upgrade(engine)
        _install(engine)
    finally:
        engine.dispose()
    with cluster.superuser() as conn:
        conn.execute(f"ALTER DATABASE {name} WITH IS_TEMPLATE true")


@contextlib.contextmanager
def cluster_for_session() -> Iterator[Cluster]:
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()
