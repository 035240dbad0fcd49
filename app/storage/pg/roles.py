"""Server login roles for the office's people: who may write, who only reads, who sees one district.

Run by the database owner. A person's login role joins one group role (see
:mod:`app.storage.pg.derived`): ``clerk`` reads and writes, ``reader`` only reads, ``district``
reads only the rows of one district (row-level security, from ``office_access``). The password is
turned into a SCRAM verifier on this machine (libpq's ``PQencryptPasswordConn``), so the plain
password never travels to the server nor lands in its statement log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from app.storage.errors import WorkspaceError
from app.storage.models import OfficeAccess
from app.storage.pg.derived import GROUP_ROLES

_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_ACCESS: sa.Table = OfficeAccess.__table__  # type: ignore[attr-defined]

ACCESS_LABELS = {"clerk": "读写", "reader": "只读", "district": "只读本区县"}


@dataclass(frozen=True)
class ServerRole:
    name: str
    access: str
    district_id: str

    @property
    def access_label(self) -> str:
        return ACCESS_LABELS.get(self.access, self.access)


def _check_owner(conn: sa.Connection) -> None:
    owner = conn.exec_driver_sql(
        "SELECT pg_has_role(current_user, d.datdba, 'USAGE') FROM pg_database d "
        "WHERE d.datname = current_database()"
    ).scalar_one()
    if not owner:
        raise WorkspaceError("只有数据库的所有者可以管理数据库用户。")


def add_role(
    conn: sa.Connection, name: str, password: str, access: str, district_id: str = ""
) -> ServerRole:
    """Create login role ``name`` in the group of ``access`` (in the caller's transaction)."""
    if not _ROLE.fullmatch(name):
        raise WorkspaceError("数据库用户名只能用小写英文字母、数字和下划线，且不以数字开头。")
    if access not in GROUP_ROLES:
        raise WorkspaceError(f"不认识的权限：{access}（可选 clerk、reader、district）")
    if access == "district" and not district_id:
        raise WorkspaceError("只读本区县的用户须指定区县（--district）。")
    if not password:
        raise WorkspaceError("数据库用户的密码不能为空。")
    _check_owner(conn)
    exists = conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists is not None:
        raise WorkspaceError(f"数据库中已有这个用户：{name}")
    raw: Any = conn.connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    quoted = verifier.decode("ascii").replace("'", "''")
    conn.exec_driver_sql(
        f"CREATE ROLE {name} LOGIN PASSWORD '{quoted}' IN ROLE {GROUP_ROLES[access]}"
    )
    dbname = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{dbname}" TO {name}')
    conn.execute(
        _ACCESS.insert().values(role_name=name, access=access, district_id=district_id or "")
    )
    return ServerRole(name, access, district_id)


def list_roles(conn: sa.Connection) -> list[ServerRole]:
    return [
        ServerRole(str(r.role_name), str(r.access), str(r.district_id))
        for r in conn.execute(sa.select(_ACCESS).order_by(_ACCESS.c.role_name))
    ]


def remove_role(conn: sa.Connection, name: str) -> None:
    _check_owner(conn)
    found = conn.execute(sa.select(_ACCESS).where(_ACCESS.c.role_name == name)).first()
    if found is None:
        raise WorkspaceError(f"没有这个数据库用户：{name}")
    conn.execute(_ACCESS.delete().where(_ACCESS.c.role_name == name))
    dbname = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    conn.exec_driver_sql(f'REVOKE CONNECT ON DATABASE "{dbname}" FROM {name}')
    conn.exec_driver_sql(f"DROP ROLE {name}")
