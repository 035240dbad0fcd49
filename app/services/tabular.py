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

Control characters (NUL and the other C0 codes but tab and line breaks) are removed from every
cell: no table means them, and they would break the .xlsx files written from these names later.

A file sent by someone else may be built to exhaust the machine. Against :class:`Limits`: the
file's size, the number of rows and columns, the characters in a cell, and, for .xlsx, the
uncompressed size of each part and any XML entity declaration (refused outright) are checked; a
CSV is read line by line and a sheet row by row, never whole, and reading stops at the first limit
passed, with a Chinese line saying which.
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TextIO
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from app.domain.errors import UserError
from app.domain.limits import DEFAULT_LIMITS, Limits, megabytes
from app.domain.names import strip_control

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
OLD_SUFFIXES = frozenset({".xls", ".et", ".ett", ".xlt"})
_DELIMITERS = (",", "\t", ";")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_LINES = 50
_SNIFF_BYTES = 64 * 1024
_HEADER_SEARCH_ROWS = 20
_MAX_COLUMNS = 1000
_XLSX_PARTS = 10_000
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)")


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
    return strip_control(str(value)).strip()


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    """Read a CSV or .xlsx file; raise :class:`TableReadError` when it cannot be read or passes
    one of ``limits``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        raise TableReadError(path, "不支持旧版 Excel/WPS 格式，请另存为 .xlsx 或 CSV 后再导入")
    if suffix not in TEXT_SUFFIXES | EXCEL_SUFFIXES:
        raise TableReadError(path, "不支持的文件类型，请使用 .xlsx 或 CSV 文件")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(len(_OLE_SIGNATURE))
    except FileNotFoundError:
        raise TableReadError(path, "文件不存在") from None
    except OSError as error:
        raise TableReadError(path, f"文件无法打开（{error.strerror or error}）") from None
    if size > limits.import_file_bytes:
        raise TableReadError(
            path,
            f"文件过大（{megabytes(size)}，上限 {megabytes(limits.import_file_bytes)}），"
            "请分成几个文件导入",
        )
    if head.startswith(_OLE_SIGNATURE):
        raise TableReadError(path, "这是旧版 .xls 格式，请另存为 .xlsx 或 CSV 后再导入")
    if suffix in EXCEL_SUFFIXES:
        raw_rows, sheet_name = _excel_rows(path, sheet, limits)
        return _assemble(path, raw_rows, header_row, sheet=sheet_name)
    if head.startswith(b"PK\x03\x04"):
        raise TableReadError(path, "文件内容是 Excel 工作簿，请将扩展名改为 .xlsx")
    raw, encoding, delimiter = _csv_rows(path, suffix, limits)
    return _assemble(path, raw, header_row, encoding=encoding, delimiter=delimiter)


def _too_many_rows(path: Path, limits: Limits) -> TableReadError:
    return TableReadError(
        path, f"行数超过上限（{limits.import_rows} 行），请分成几个文件导入，或在设置中调高上限"
    )


def _too_long(path: Path, number: int, limits: Limits) -> TableReadError:
    return TableReadError(
        path, f"第 {number} 行有单元格超过 {limits.cell_chars} 字，请检查该行（是否有误粘贴的内容）"
    )


def _too_wide(path: Path, number: int) -> TableReadError:
    return TableReadError(path, f"第 {number} 行的列数超过 {_MAX_COLUMNS} 列，请检查文件")


def _encoding_of(path: Path, sample: bytes) -> str:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise TableReadError(path, "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）") from None


def _lines(text: TextIO, path: Path, limits: Limits) -> Iterator[str]:
    """The file's lines, none longer than a row can be (a line with no end is refused)."""
    cap = max(limits.cell_chars * 10, 1 << 20)
    number = 0
    while True:
        line = text.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap:
            raise TableReadError(path, f"第 {number} 行过长（超过 {cap} 字），请检查文件")
        yield line


def _csv_rows(
    path: Path, suffix: str, limits: Limits
) -> tuple[list[tuple[int, list[str]]], str, str]:
    with path.open("rb") as fh:
        sample = fh.read(_SNIFF_BYTES)
    encoding = _encoding_of(path, sample)
    tried = [encoding] + (["gb18030"] if encoding == "utf-8-sig" else [])
    for enc in tried:
        try:
            rows, delimiter = _csv_read(path, suffix, enc, limits)
            return rows, enc, delimiter
        except UnicodeDecodeError:
            continue
    if encoding == "utf-16":
        raise TableReadError(path, "UTF-16 编码有误")
    raise TableReadError(path, "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）")


def _csv_read(
    path: Path, suffix: str, encoding: str, limits: Limits
) -> tuple[list[tuple[int, list[str]]], str]:
    old_limit = csv.field_size_limit()
    csv.field_size_limit(limits.cell_chars)
    try:
        with path.open("r", encoding=encoding, newline="") as text:
            head = text.read(_SNIFF_BYTES)
            delimiter = _sniff_delimiter(head, suffix)
            text.seek(0)
            reader = csv.reader(_lines(text, path, limits), delimiter=delimiter)
            rows: list[tuple[int, list[str]]] = []
            number = 0
            kept = 0
            try:
                for record in reader:
                    number += 1
                    if len(record) > _MAX_COLUMNS:
                        raise _too_wide(path, number)
                    cells = [cell_text(cell) for cell in record]
                    if any(cells):
                        kept += 1
                        if kept > limits.import_rows + _HEADER_SEARCH_ROWS:
                            raise _too_many_rows(path, limits)
                    rows.append((number, cells))
            except csv.Error as error:
                if "field larger than field limit" in str(error):
                    raise _too_long(path, number + 1, limits) from None
                raise TableReadError(path, f"CSV 内容无法解析（第 {number + 1} 行）") from None
            return rows, delimiter
    finally:
        csv.field_size_limit(old_limit)


def _sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the most consistent column count."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    if not lines:
        return "\t" if suffix == ".tsv" else ","
    best = "\t" if suffix == ".tsv" else ","
    best_score: tuple[float, int] = (0.0, 1)
    for delimiter in _DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a cell over the limit: reading will say so, with its row
            continue
        mode, occurrences = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = (occurrences / len(counts), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _guard_xlsx(path: Path, limits: Limits) -> None:
    """Refuse a workbook built to explode: too many parts, a part too large once inflated, or any
    XML entity declaration (an "entity bomb"). Each XML part is inflated once, in pieces, with its
    size capped; nothing is kept."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > _XLSX_PARTS:
                raise TableReadError(path, "工作簿的组成部分过多，疑似恶意文件，已拒绝")
            for info in infos:
                if info.file_size > limits.sheet_bytes:
                    raise TableReadError(
                        path,
                        f"工作表过大（解开后 {megabytes(info.file_size)}，上限 "
                        f"{megabytes(limits.sheet_bytes)}），请分成几个文件导入",
                    )
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with zf.open(info) as part:
                    tail = b""
                    read = 0
                    while chunk := part.read(1 << 20):
                        read += len(chunk)
                        if read > limits.sheet_bytes:
                            raise TableReadError(path, "工作表过大，请分成几个文件导入")
                        if _ENTITY.search(tail + chunk):
                            raise TableReadError(
                                path, "文件含有 XML 实体声明（可能是恶意文件），已拒绝"
                            )
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise TableReadError(
            path, "不是有效的 .xlsx 文件，请用 Excel/WPS 打开后另存为 .xlsx"
        ) from None


def _excel_rows(
    path: Path, sheet: str | None, limits: Limits
) -> tuple[list[tuple[int, list[str]]], str]:
    _guard_xlsx(path, limits)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, ParseError):
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
        rows: list[tuple[int, list[str]]] = []
        kept = 0
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):
                if len(values) > _MAX_COLUMNS:
                    raise _too_wide(path, number)
                cells = [cell_text(value) for value in values]
                if any(len(c) > limits.cell_chars for c in cells):
                    raise _too_long(path, number, limits)
                if any(cells):
                    kept += 1
                    if kept > limits.import_rows + _HEADER_SEARCH_ROWS:
                        raise _too_many_rows(path, limits)
                rows.append((number, cells))
        except (ParseError, KeyError, ValueError, zipfile.BadZipFile) as error:
            raise TableReadError(
                path, "工作表内容无法解析，请用 Excel/WPS 打开后另存为 .xlsx"
            ) from error
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
