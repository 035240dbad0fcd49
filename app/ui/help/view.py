"""The help page: a short manual in Chinese (``resources/help/help_zh_CN.html``) and the table of
keyboard shortcuts, kept here beside the code so that a new shortcut is listed (a test compares
this table with the shortcuts the window really has)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.storage.changes import ChangeSet
from app.ui.i18n import translations_dir

SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("全窗口", "F1", "打开帮助"),
    ("全窗口", "Ctrl+L", "锁定窗口"),
    ("全窗口", "Ctrl+Q", "退出"),
    ("外业记录", "Ctrl+N", "新建记录（当前标签页的类型，否则为走访）"),
    ("外业记录", "Ctrl+F", "搜索全部记录"),
    ("外业记录", "Esc", "离开搜索结果"),
    ("记录表单", "Ctrl+S", "保存"),
    ("记录表单", "Esc", "关闭（有改动时询问：保留草稿、放弃或继续填写）"),
    ("记录表单", "Alt+R", "添加人员，光标到姓名"),
    ("记录表单", "Alt+W", "提出问题，光标到问题描述"),
    ("记录表单", "Alt+Z", "添加照片"),
    ("昼巡夜结", "N", "下一个未研判的问题"),
    ("昼巡夜结", "J", "下一个问题"),
    ("昼巡夜结", "K", "上一个问题"),
    ("昼巡夜结", "A", "采纳建议并保存，转到下一个未研判的问题"),
    ("昼巡夜结", "1", "处置方式：立行立改"),
    ("昼巡夜结", "2", "处置方式：直查快办"),
    ("昼巡夜结", "3", "处置方式：对账销号"),
    ("昼巡夜结", "4", "处置方式：待核实"),
    ("昼巡夜结", "Ctrl+S", "保存研判，转到下一个未研判的问题"),
    ("昼巡夜结", "Ctrl+Return", "保存研判（同 Ctrl+S）"),
    ("昼巡夜结", "M", "合并相同问题（对话框中按 Enter 合并勾选的各组）"),
    ("昼巡夜结", "Ctrl+Shift+S", "组长签结（输入密码后按 Enter）"),
    ("昼巡夜结", "P", "当日文书：巡察日报、通知书、线索移交、台账，预览并全部打印"),
    ("跟踪督办", "Ctrl+S", "保存这一步"),
    ("日期框", "↑ / ↓", "加减一天"),
    ("日期框", "F4", "打开日历"),
)
"""(where, keys, what) — every shortcut of the window."""


def help_html() -> str:
    """The manual with the shortcut table appended."""
    path = translations_dir().parent / "help" / "help_zh_CN.html"
    text = path.read_text(encoding="utf-8").replace("\n", "")  # no stray spaces in Chinese
    rows = "".join(
        f"<tr><td>{html.escape(where)}</td><td><b>{html.escape(keys)}</b></td>"
        f"<td>{html.escape(what)}</td></tr>"
        for where, keys, what in SHORTCUTS
    )
    return (
        text
        + '<h3 id="keys">快捷键</h3><table cellpadding="4">'
        + "<tr><th align='left'>位置</th><th align='left'>按键</th><th align='left'>作用</th></tr>"
        + rows
        + "</table>"
    )


class HelpView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Help"), self)
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html())
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.browser, 1)

    def on_changes(self, changes: ChangeSet) -> None:
        """Nothing here depends on records."""

    def close_forms(self) -> None:
        """No forms here."""


__all__ = ["SHORTCUTS", "HelpView", "help_html"]
