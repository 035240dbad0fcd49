"""Limits on what a bundle or an imported table may make the program do.

A signed bundle from a provisioned team, or a list sent by a department, can still be built to
exhaust the machine: millions of tiny members, members that inflate a thousandfold, a cell of a
million characters, a sheet of a million rows. Each limit below is checked before the work it
bounds, and each refusal says in Chinese which limit was hit and what the file held.

The defaults hold a prefecture (≈ 20,000 problems, 100,000 records, 10,000 photos) with room to
spare. A workspace may change them in its settings (``limits``: name → number).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # sync bundles
    bundle_members: int = 100_000
    """Members (row tables and photos) in one bundle."""
    bundle_total_bytes: int = 8 * 1024 * MB
    """All members together, uncompressed."""
    member_bytes: int = 64 * MB
    """One member, uncompressed (a row table's JSON, or one photo)."""
    compression_ratio: int = 100
    """Uncompressed size over stored size of a compressed member."""
    bundle_rows: int = 300_000
    """Rows in one bundle (all tables)."""
    photo_edge: int = 10_000
    """Width and height of a photo in a bundle, in pixels (the intake stores at most 2048)."""
    # tables users import (CSV, .xlsx)
    import_rows: int = 100_000
    """Data rows in one imported CSV or sheet."""
    cell_chars: int = 10_000
    """Characters in one cell of an imported table."""
    import_file_bytes: int = 64 * MB
    """Size of an imported CSV or .xlsx file."""
    sheet_bytes: int = 64 * MB
    """A worksheet (or its shared strings) of an .xlsx file, uncompressed."""

    @classmethod
    def from_settings(cls, data: Any) -> Limits:
        """Defaults, with the positive integers ``data`` (name → number) gives instead."""
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        changes = {
            k: v
            for k, v in data.items()
            if k in known and isinstance(v, int) and not isinstance(v, bool) and v > 0
        }
        return replace(cls(), **changes)


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A byte count as a person reads it (``12.5 MB``)."""
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{max(size, 0) / 1024:.0f} KB"
