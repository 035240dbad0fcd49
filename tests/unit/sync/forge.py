"""Forged bundles: rows and members of one's choosing, sealed and signed with a real key.

An insider holding a team's kit (or the office's keys) can sign anything; these build what such an
insider could send, so the tests can show what the receiver does with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.storage.models import new_id, utcnow
from app.sync import container, rows
from app.sync.container import Member
from app.sync.export import CONTENTS_FORMAT, CONTENTS_VERSION
from app.sync.keys import KeyPair, PublicIdentity
from app.sync.seal import TO_OFFICE, write_sealed


def row_member(table: str, values: list[list[Any]], bases: list[list[Any]] | None = None) -> Member:
    cols = rows.columns(table)
    io, iv = cols.index("origin"), cols.index("version")
    doc = {
        "table": table,
        "columns": cols,
        "rows": values,
        "base": bases if bases is not None else [[v[io], v[iv]] for v in values],
    }
    return Member(f"rows/{table}.json", json.dumps(doc, ensure_ascii=False).encode(), compress=True)


def forge(
    out: Path,
    *,
    sender: KeyPair,
    recipient: PublicIdentity,
    team_id: str,
    device_id: str,
    members: list[Member],
    direction: str = TO_OFFICE,
    manifest_extra: dict[str, Any] | None = None,
    raw_container: bytes | None = None,
) -> Path:
    """Seal ``members`` (or ``raw_container``, bytes as they are) as a bundle signed by
    ``sender``."""
    bundle_id = new_id()
    counts = {
        m.name[len("rows/") : -len(".json")]: len(json.loads(m.data)["rows"])
        for m in members
        if m.name.startswith("rows/") and b'"rows"' in m.data
    }
    manifest = {
        "format": CONTENTS_FORMAT,
        "version": CONTENTS_VERSION,
        "bundle_id": bundle_id,
        "direction": direction,
        "team_id": team_id,
        "device_id": device_id,
        "seq_from": 1,
        "seq_to": 1,
        "all": False,
        "created_at": utcnow().isoformat(),
        "counts": counts,
        **(manifest_extra or {}),
    }
    payload = raw_container if raw_container is not None else container.build(manifest, members)
    return write_sealed(
        out,
        payload,
        direction=direction,
        bundle_id=bundle_id,
        team_id=team_id,
        device_id=device_id,
        created_at=utcnow().isoformat(),
        sender=sender,
        recipient=recipient,
    ).path


def bumped(values: list[Any], table: str, **changes: Any) -> list[Any]:
    """A row's values with ``changes`` and a version above the stored one (same origin): the
    merge sees it as a newer change of the same writer."""
    cols = rows.columns(table)
    out = list(values)
    for k, v in changes.items():
        out[cols.index(k)] = v
    out[cols.index("version")] = int(values[cols.index("version")]) + 98
    return out
