"""Rows in bundles: every column of a synced table as JSON, read and written by column type.

A row travels as a list of values in the table's column order (the list of names heads the
member). Instants are ISO 8601 with their UTC offset, wall-clock times and dates plain ISO 8601,
enums their English code, booleans and numbers as themselves. ``META`` columns are the sync stamp;
the rest is the row's content, compared to tell an unchanged row from a changed one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlmodel.sql.sqltypes import AutoString

from app.storage.models import SYNCED_MODELS, Synced
from app.storage.models.base import CodeEnum, UtcDateTime
from app.storage.protect import Protected

META = ("origin", "version", "created_at", "updated_at")
"""The stamp: not content. (``created_at`` never changes; it is kept out of content anyway.)"""

MODELS: dict[str, type[Synced]] = {str(m.__tablename__): m for m in SYNCED_MODELS}
ORDER: tuple[str, ...] = tuple(MODELS)


def table_of(model: type[Synced]) -> sa.Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, sa.Table)
    return table


def columns(name: str) -> list[str]:
    return [c.name for c in table_of(MODELS[name]).columns]


def encode_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def _instant(v: Any) -> Any:
    if v is None:
        return None
    d = datetime.fromisoformat(v)
    if d.utcoffset() is None:
        raise ValueError("instant without offset")
    return d


def _boolean(v: Any) -> Any:
    if v is not None and not isinstance(v, bool):
        raise ValueError("not a boolean")
    return v


def _integer(v: Any) -> Any:
    if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
        raise ValueError("not an integer")
    return v


def _text(v: Any) -> Any:
    if v is not None and not isinstance(v, str):
        raise ValueError("not text")
    return v


def _decoder(col: sa.Column[Any]) -> Callable[[Any], Any]:
    t = col.type
    if isinstance(t, CodeEnum):
        enum_type = t.enum_type
        return lambda v: None if v is None else enum_type(v)
    if isinstance(t, UtcDateTime):
        return _instant
    if isinstance(t, sa.DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(t, sa.Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(t, sa.Boolean):
        return _boolean
    if isinstance(t, sa.Integer):
        return _integer
    return _text


def decoders(name: str) -> list[Callable[[Any], Any]]:
    return [_decoder(c) for c in table_of(MODELS[name]).columns]


ColumnEncoder = Callable[[Sequence[Any]], Sequence[Any]]


def _raw_encoder(col: sa.Column[Any]) -> ColumnEncoder | None:
    """From the values SQLite stores in a column to those :func:`encode_value` gives for what
    SQLAlchemy would read (None: the stored values are already them), a whole column at a time.
    Instants and wall-clock times are stored as ``YYYY-MM-DD HH:MM:SS.ffffff`` text, dates as ISO
    text, booleans as 0/1, enums by code."""
    t = col.type
    if isinstance(t, CodeEnum):
        enum_type = t.enum_type
        valid = {m.value for m in enum_type} | {None}

        def codes(values: Sequence[Any]) -> Sequence[Any]:
            if valid.issuperset(values):
                return values
            return [None if v is None else enum_type(v).value for v in values]  # raises

        return codes
    if isinstance(t, UtcDateTime):
        return partial(_iso_column, zone="+00:00")
    if isinstance(t, sa.DateTime):
        return partial(_iso_column, zone="")
    if isinstance(t, sa.Date):
        return lambda values: [
            v if v is None or len(v) == 10 else date.fromisoformat(v).isoformat() for v in values
        ]
    if isinstance(t, sa.Boolean):
        return lambda values: [None if v is None else bool(v) for v in values]
    if isinstance(t, sa.Integer | sa.String | sa.Text | AutoString | Protected):
        return None  # a protected text is plain inside SQLCipher (sealed only on a server)
    raise TypeError(f"no raw encoder for {type(t).__name__}")  # pragma: no cover - new types


def _as_utc(d: datetime) -> datetime:
    return d.replace(tzinfo=UTC) if d.tzinfo is None else d.astimezone(UTC)


def _iso_slow(stored: str, zone: str) -> str:
    d = datetime.fromisoformat(stored)
    return (_as_utc(d) if zone else d).isoformat()


def _iso_column(values: Sequence[Any], zone: str) -> list[Any]:
    """``datetime.isoformat()`` of stored ``YYYY-MM-DD HH:MM:SS.ffffff`` texts (naive; ``zone``
    is "+00:00" for instants), by slicing the text when it has exactly that shape."""
    return [
        None
        if v is None
        else (
            f"{v[:10]}T{v[11:19]}{'' if v[20:] == '000000' else v[19:]}{zone}"
            if len(v) == 26 and v[10] == " " and v[19] == "."
            else _iso_slow(v, zone)
        )
        for v in values
    ]


_ENCODERS: dict[str, list[tuple[int, ColumnEncoder]]] = {}
_SCAN_FROM = 2000


def _encoders(name: str) -> list[tuple[int, ColumnEncoder]]:
    found = _ENCODERS.get(name)
    if found is None:
        cols = list(table_of(MODELS[name]).columns)
        found = [(i, f) for i, c in enumerate(cols) if (f := _raw_encoder(c)) is not None]
        _ENCODERS[name] = found
    return found


def read_rows(conn: sa.Connection, name: str, ids: Iterable[str] | None) -> dict[str, list[Any]]:
    """Encoded rows of table ``name`` by id (all rows when ``ids`` is None).

    Read as SQLite stores them and encoded a column at a time (:func:`_raw_encoder`): the same
    values as SQLAlchemy's typed read through :func:`encode_value`, several times faster. On a
    database server (typed values, sealed columns) the typed read is used."""
    if conn.dialect.name != "sqlite":
        return read_rows_typed(conn, name, ids)
    names = columns(name)
    cols = ", ".join(f'"{c}"' for c in names)
    encoders = _encoders(name)
    out: dict[str, list[Any]] = {}
    keep: set[str] | None = None
    if ids is None:
        chunks: list[list[str] | None] = [None]
    else:
        wanted = sorted(set(ids))
        chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
        if len(wanted) > _SCAN_FROM:  # many ids: one pass over the table beats many lookups
            keep, chunks = set(wanted), [None]
    for chunk in chunks:
        if chunk is None:
            result = conn.exec_driver_sql(f'SELECT {cols} FROM "{name}"')
        else:
            result = conn.execute(
                sa.text(f'SELECT {cols} FROM "{name}" WHERE id IN :ids').bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"ids": list(chunk)},
            )
        found = result.fetchall()
        if keep is not None:
            found = [r for r in found if r[0] in keep]
        if not found:
            continue
        by_column: list[Sequence[Any]] = list(zip(*found, strict=True))
        for i, encode in encoders:
            by_column[i] = encode(by_column[i])
        for values in zip(*by_column, strict=True):
            out[str(values[0])] = list(values)
    return out


def read_rows_typed(
    conn: sa.Connection, name: str, ids: Iterable[str] | None
) -> dict[str, list[Any]]:
    """:func:`read_rows` through SQLAlchemy's types (slower; the reference the tests compare)."""
    table = table_of(MODELS[name])
    out: dict[str, list[Any]] = {}
    if ids is None:
        chunks: list[list[str] | None] = [None]
    else:
        wanted = sorted(set(ids))
        chunks = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
    for chunk in chunks:
        stmt = sa.select(table)
        if chunk is not None:
            stmt = stmt.where(table.c.id.in_(chunk))
        for row in conn.execute(stmt):
            values = [encode_value(v) for v in row]
            out[str(values[0])] = values
    return out


def content_sha(cols: list[str], values: list[Any]) -> str:
    """SHA-256 of a row's content (every column but the stamp)."""
    content = {c: v for c, v in zip(cols, values, strict=True) if c not in META}
    raw = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def as_dict(cols: list[str], values: list[Any]) -> dict[str, Any]:
    return dict(zip(cols, values, strict=True))
