"""Reading CSV and .xlsx tables as saved by Excel and WPS."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.services.tabular import TableReadError, cell_text, read_table

ROWS = [
    ["乡镇（街道）", "村（社区）", "件数", "备注"],
    ["城关镇", "王庄村", "3", "反映集中，含“饮水”问题"],
    ["王店乡", "新村", "12", ""],
]


def _write_text(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _csv_text(delimiter: str, line_end: str = "\r\n") -> str:
    return line_end.join(delimiter.join(row) for row in ROWS) + line_end


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "detected"),
    [
        ("gbk.csv", "gbk", ",", "gb18030"),
        ("gb18030.csv", "gb18030", ",", "gb18030"),
        ("bom.csv", "utf-8-sig", ",", "utf-8-sig"),
        ("plain.csv", "utf-8", ",", "utf-8-sig"),
        ("tabs.txt", "utf-8", "\t", "utf-8-sig"),
        ("tabs_gbk.tsv", "gbk", "\t", "gb18030"),
        ("semicolon.csv", "utf-8-sig", ";", "utf-8-sig"),
        ("unicode_text.txt", "utf-16", "\t", "utf-16"),  # Excel "Unicode 文本"
    ],
)
def test_reads_text_tables(
    tmp_path: Path, name: str, encoding: str, delimiter: str, detected: str
) -> None:
    path = _write_text(tmp_path / name, _csv_text(delimiter), encoding)
    table = read_table(path)
    assert table.header == ROWS[0]
    assert table.rows == ROWS[1:]
    assert table.row_numbers == [2, 3]
    assert table.header_row_number == 1
    assert table.encoding == detected
    assert table.delimiter == delimiter
    assert table.path == path


def test_gbk_bytes_are_not_read_as_utf8(tmp_path: Path) -> None:
    path = _write_text(tmp_path / "a.csv", "乡镇,村名\n城关镇,王庄村\n", "gbk")
    assert read_table(path).rows == [["城关镇", "王庄村"]]


def test_utf8_that_is_also_valid_gb18030_is_read_as_utf8(tmp_path: Path) -> None:
    # These UTF-8 bytes also decode as GB18030 (to 鏉戝悕,浠舵暟): UTF-8 must be tried first.
    path = _write_text(tmp_path / "a.csv", "村名,件数\n新村,3\n", "utf-8")
    table = read_table(path)
    assert (table.header, table.rows, table.encoding) == (
        ["村名", "件数"],
        [["新村", "3"]],
        "utf-8-sig",
    )


def test_tab_file_with_commas_in_text(tmp_path: Path) -> None:
    text = "乡镇\t村名\t备注\n城关镇\t王庄村\t甲,乙,丙,丁\n王店乡\t新村\t无\n"
    table = read_table(_write_text(tmp_path / "a.txt", text, "utf-8"))
    assert table.delimiter == "\t"
    assert table.rows == [["城关镇", "王庄村", "甲,乙,丙,丁"], ["王店乡", "新村", "无"]]


def test_quoted_fields_and_multiline_cells_keep_excel_row_numbers(tmp_path: Path) -> None:
    text = '乡镇,村名,备注\r\n城关镇,王庄村,"第一行\r\n第二行, 有逗号"\r\n王店乡,新村,\r\n'
    table = read_table(_write_text(tmp_path / "a.csv", text, "utf-8-sig"))
    assert table.rows == [["城关镇", "王庄村", "第一行\r\n第二行, 有逗号"], ["王店乡", "新村", ""]]
    assert table.row_numbers == [2, 3]


def test_empty_rows_skipped_and_numbers_kept(tmp_path: Path) -> None:
    text = "\n乡镇,村名,件数\n,,\n城关镇, 王庄村 ,3\n\n  ,\t,\n王店乡,新村\n"
    table = read_table(_write_text(tmp_path / "a.csv", text, "utf-8"))
    assert table.header_row_number == 2
    assert table.rows == [["城关镇", "王庄村", "3"], ["王店乡", "新村", ""]]  # padded
    assert table.row_numbers == [4, 7]


def test_title_line_above_the_header_is_skipped(tmp_path: Path) -> None:
    text = "2024年信访问题集中村名单,,\n乡镇,村名,件数\n城关镇,王庄村,3\n"
    table = read_table(_write_text(tmp_path / "a.csv", text, "utf-8"))
    assert table.header == ["乡镇", "村名", "件数"]
    assert table.header_row_number == 2
    assert table.row_numbers == [3]


def test_header_row_can_be_forced(tmp_path: Path) -> None:
    text = "乡镇,村名\n城关镇,王庄村\n王店乡,新村\n"
    table = read_table(_write_text(tmp_path / "a.csv", text, "utf-8"), header_row=2)
    assert table.header == ["城关镇", "王庄村"]
    assert table.rows == [["王店乡", "新村"]]
    with pytest.raises(TableReadError, match="第 9 行"):
        read_table(tmp_path / "a.csv", header_row=9)


def test_single_column_file(tmp_path: Path) -> None:
    table = read_table(_write_text(tmp_path / "a.csv", "村名\n王庄村\n新村\n", "utf-8"))
    assert table.header == ["村名"]
    assert table.rows == [["王庄村"], ["新村"]]


def _write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = workbook.active if first else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_reads_xlsx_first_sheet_with_numbers_as_clean_text(tmp_path: Path) -> None:
    path = _write_xlsx(
        tmp_path / "名单.xlsx",
        {
            "Sheet1": [
                ["乡镇（街道）", "村（社区）", "件数", "村代码", "比例", "日期"],
                ["城关镇", "王庄村", 3.0, 411626100201, 0.25, datetime(2024, 4, 29)],
                [None, None, None, None, None, None],
                ["王店乡", " 新村 ", 12, "0012", None, date(2024, 5, 1)],
            ],
            "其他": [["乡镇", "村名"], ["白楼镇", "东关村"]],
        },
    )
    table = read_table(path)
    assert table.sheet == "Sheet1"
    assert table.header == ["乡镇（街道）", "村（社区）", "件数", "村代码", "比例", "日期"]
    assert table.rows == [
        ["城关镇", "王庄村", "3", "411626100201", "0.25", "2024-04-29"],
        ["王店乡", "新村", "12", "0012", "", "2024-05-01"],
    ]
    assert table.row_numbers == [2, 4]
    assert table.encoding is None and table.delimiter is None


def test_reads_named_xlsx_sheet(tmp_path: Path) -> None:
    path = _write_xlsx(
        tmp_path / "a.xlsx",
        {"Sheet1": [["x", "y"]], "其他": [["乡镇", "村名"], ["白楼镇", "东关村"]]},
    )
    table = read_table(path, sheet="其他")
    assert table.sheet == "其他"
    assert table.rows == [["白楼镇", "东关村"]]
    with pytest.raises(TableReadError, match="找不到工作表“无此表”"):
        read_table(path, sheet="无此表")


def test_xlsx_formula_cells_give_cached_values_not_formulas(tmp_path: Path) -> None:
    path = _write_xlsx(tmp_path / "a.xlsx", {"S": [["村名", "件数"], ["王庄村", "=1+2"]]})
    # openpyxl writes no cached value, so a formula reads as empty, never as "=1+2".
    assert read_table(path).rows == [["王庄村", ""]]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "请另存为 .xlsx 或 CSV"),
        ("wps.et", b"whatever", "请另存为 .xlsx 或 CSV"),
        ("renamed.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "旧版 .xls 格式"),
        ("broken.xlsx", b"PK\x03\x04not really a zip", "不是有效的 .xlsx 文件"),
        ("text.xlsx", "乡镇,村名\n".encode(), "不是有效的 .xlsx 文件"),
        ("zipped.csv", b"PK\x03\x04rest", "扩展名改为 .xlsx"),
        ("table.pdf", b"%PDF", "不支持的文件类型"),
        ("empty.csv", b"", "没有任何数据"),
        ("blank.csv", b",,\r\n \r\n", "没有任何数据"),
        ("binary.csv", b"\x81\x30\xff\xfe\x00", "无法识别文件编码"),
    ],
)
def test_unreadable_files_raise_a_chinese_message_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableReadError) as info:
        read_table(path)
    assert f"“{name}”" in str(info.value)
    assert message in str(info.value)
    assert info.value.path == path


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TableReadError, match=r"“nope\.csv”：文件不存在"):
        read_table(tmp_path / "nope.csv")


def test_accepts_str_path(tmp_path: Path) -> None:
    path = _write_text(tmp_path / "a.csv", "乡镇,村名\n城关镇,王庄村\n", "utf-8")
    assert read_table(str(path)).rows == [["城关镇", "王庄村"]]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (3.0, "3"),
        (3, "3"),
        (-2.0, "-2"),
        (0.5, "0.5"),
        (411626100201.0, "411626100201"),
        (True, "TRUE"),
        (datetime(2024, 4, 29), "2024-04-29"),
        (datetime(2024, 4, 29, 8, 30), "2024-04-29 08:30:00"),
        (date(2024, 4, 29), "2024-04-29"),
        ("  王庄　", "王庄"),
        (float("nan"), ""),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text
