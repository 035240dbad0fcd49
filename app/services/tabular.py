"""Reading the tables users bring: CSV or .xlsx as saved by Excel or WPS.

* CSV (``.csv``, ``.txt``, ``.tsv``): UTF-16 with BOM (Excel's "Unicode text"), else UTF-8 with or
  without BOM, else GB18030 (a superset of GBK and GB2312); the delimiter (comma, tab or semicolon)
  is the one that splits the first lines into the most consistent number of columns.
* Excel (``.xlsx``, ``.xlsm``): openpyxl in read-only mode with cached values (``data_only``), the
  first worksheet or a named one.
* Old ``.xls`` and WPS ``.et`` files are refused with a message asking to save as .xlsx or CSV.

Every cell comes back as ``str``: empty cells ``""``, whole numbers without ``.0`` (3.0 → ``"3"``,
village codes such as 411626100201 intact), dates as ``2024-04-29``, text stripped of surrounding
spaces. Fully empty rows are skipped. The header is the first non-empty row that has at least two
non-empty cells (so a title line above the table is skipped), or the first non-empty row if none
has two; ``header_row`` forces it. Data rows are padded with ``""`` to the header's width (longer
rows are kept whole). ``row_numbers`` are the 1-based rows as Excel/WPS shows them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from app.domain.errors import UserError

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
OLD_SUFFIXES = frozenset({".xls", ".et", ".ett", ".xlt"})
_DELIMITERS = (",", "\t", ";")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_LINES = 50
_HEADER_SEARCH_ROWS = 20


class TableReadError(UserError):
    """A table could not be read; ``str(error)`` is a Chinese message naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"无法读取文件“{path.name}”：{reason}")


@dataclass(frozen=True, slots=True)
class Table:
    """A table read from a file: the header, the data rows and where each row came from."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    header_row_number: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def cell_text(value: object) -> str:
    """A cell value as clean text (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Table:
    """Read a CSV or .xlsx file; raise :class:`TableReadError` when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        raise TableReadError(path, "不支持旧版 Excel/WPS 格式，请另存为 .xlsx 或 CSV 后再导入")
    if suffix not in TEXT_SUFFIXES | EXCEL_SUFFIXES:
        raise TableReadError(path, "不支持的文件类型，请使用 .xlsx 或 CSV 文件")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TableReadError(path, "文件不存在") from None
    except OSError as error:
        raise TableReadError(path, f"文件无法打开（{error.strerror or error}）") from None
    if data.startswith(_OLE_SIGNATURE):
        raise TableReadError(path, "这是旧版 .xls 格式，请另存为 .xlsx 或 CSV 后再导入")
    if suffix in EXCEL_SUFFIXES:
        raw_rows, sheet_name = _excel_rows(path, data, sheet)
        return _assemble(path, raw_rows, header_row, sheet=sheet_name)
    if data.startswith(b"PK\x03\x04"):
        raise TableReadError(path, "文件内容是 Excel 工作簿，请将扩展名改为 .xlsx")
    text, encoding = _decode(path, data)
    delimiter = _sniff_delimiter(text, suffix)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise TableReadError(path, f"CSV 内容无法解析（{error}）") from None
    raw = [
        (number, [cell_text(cell) for cell in record]) for number, record in enumerate(records, 1)
    ]
    return _assemble(path, raw, header_row, encoding=encoding, delimiter=delimiter)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise TableReadError(path, "UTF-16 编码有误") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise TableReadError(path, "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）")


def _sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the most consistent column count."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    if not lines:
        return "\t" if suffix == ".tsv" else ","
    best = "\t" if suffix == ".tsv" else ","
    best_score: tuple[float, int] = (0.0, 1)
    for delimiter in _DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        mode, occurrences = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = (occurrences / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _excel_rows(
    path: Path, data: bytes, sheet: str | None
) -> tuple[list[tuple[int, list[str]]], str]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TableReadError(
            path, "不是有效的 .xlsx 文件，请用 Excel/WPS 打开后另存为 .xlsx"
        ) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            names = "、".join(workbook.sheetnames)
            raise TableReadError(path, f"找不到工作表“{sheet}”（现有：{names}）")
        if not hasattr(worksheet, "iter_rows"):
            raise TableReadError(path, f"“{worksheet.title}”不是工作表")
        if hasattr(worksheet, "reset_dimensions"):
            # Some writers (WPS among them) store a wrong sheet size; read all cells instead.
            worksheet.reset_dimensions()
        rows = [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), 1)
        ]
        return rows, str(worksheet.title)
    finally:
        workbook.close()


def _non_empty(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell)


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _assemble(
    path: Path,
    raw_rows: Iterable[tuple[int, list[str]]],
    header_row: int | None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    rows = [(number, _trim(cells)) for number, cells in raw_rows]
    rows = [(number, cells) for number, cells in rows if _non_empty(cells)]
    if not rows:
        raise TableReadError(path, "文件中没有任何数据")
    if header_row is not None:
        positions = [i for i, (number, _) in enumerate(rows) if number == header_row]
        if not positions:
            raise TableReadError(path, f"第 {header_row} 行是空行，不能作为表头")
        start = positions[0]
    else:
        candidates = [
            i for i, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]) if _non_empty(cells) >= 2
        ]
        start = candidates[0] if candidates else 0
    header_number, header = rows[start]
    width = len(header)
    data = rows[start + 1 :]
    return Table(
        path=path,
        header=header,
        rows=[cells + [""] * (width - len(cells)) for _, cells in data],
        row_numbers=[number for number, _ in data],
        header_row_number=header_number,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
    )
