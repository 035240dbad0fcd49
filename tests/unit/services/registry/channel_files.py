"""Messy list files as departments send them, made by the tests, and a small registry."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

from app.services.registry.villages import apply_village_import
from app.storage.workspace import Workspace

REGISTRY = (
    ("乡镇", "乡镇代码", "村名", "村代码"),
    ("城关镇", "411601", "王庄村", "411601001"),
    ("城关镇", "411601", "李庄村", "411601002"),
    ("城关镇", "411601", "东关社区", "411601003"),
    ("城关镇", "411601", "新村", "411601004"),
    ("王店乡", "411602", "王庄村", "411602001"),
    ("王店乡", "411602", "张庄村", "411602002"),
)


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8-sig") -> Path:
    """A CSV as Excel saves it: CRLF line ends, the given encoding (gbk or utf-8-sig)."""
    text = "\r\n".join(",".join("" if c is None else str(c) for c in row) for row in rows)
    path.write_bytes((text + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], title: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(list(row))
    wb.save(path)
    return path


def write_table(path: Path, rows: Sequence[Sequence[object]], kind: str) -> Path:
    """kind: "gbk" / "utf-8-sig" (CSV) or "xlsx" (with a title line above the header)."""
    if kind == "xlsx":
        return write_xlsx(path.with_suffix(".xlsx"), rows, title="2026年名单（盖章）")
    return write_csv(path.with_suffix(".csv"), rows, kind)


def make_registry(ws: Workspace, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    apply_village_import(ws, write_csv(folder / "名录.csv", REGISTRY, "gbk"))
