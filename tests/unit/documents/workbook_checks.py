"""Checks shared by the tests of every workbook the program writes (read back with openpyxl)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell

STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The starts a spreadsheet may read as a formula or a command (tab and CR from CSV habits)."""


def planted(payload: str, k: int) -> str:
    """``payload`` behind one of the dangerous starts (chosen by ``k``)."""
    start = STARTS[k % len(STARTS)]
    if start == "=":
        return f'=HYPERLINK("http://example.invalid/{k}","{payload}")'
    if start == "@":
        return f"@SUM(1+1)*{payload}"
    return f"{start}{payload}"


def cells(path: Path) -> Iterator[Cell]:
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def check_no_formula(path: Path) -> None:
    """No cell is a formula, neither as openpyxl reads it nor in the sheets' XML."""
    for cell in cells(path):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert not re.search(r"<(\w+:)?f[ >]", xml), name


def check_reads_as_typed(path: Path, texts: list[str]) -> None:
    """Each planted text is a cell's value exactly (or inside a title), no apostrophe added."""
    values = [c.value for c in cells(path) if isinstance(c.value, str)]
    for text in texts:
        hits = [v for v in values if text in v]
        assert hits, repr(text)
        for v in hits:
            assert not v.startswith("'"), repr(v)
    by_value = {c.value: c for c in cells(path) if isinstance(c.value, str)}
    for text in texts:
        cell = by_value.get(text)
        if cell is not None and text[0] in "=+-@\t\r":
            assert cell.quotePrefix, (cell.coordinate, repr(text))
