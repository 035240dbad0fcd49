"""The field view: navigator, a village's records in four tabs, today, search, detail, forms.

It refreshes from the broadcast change sets only (:meth:`FieldView.on_changes`): a record saved
here, a village added in the registry view or a bundle imported all reach the navigator and the
lists the same way, once.

Signals: ``record_saved(SaveResult)`` after a form is saved here; ``lists_loaded(village_id)``
when a village's lists are shown; ``tree_loaded()`` when the navigator was read afresh.
Shortcuts: Ctrl+N new record (of the current tab's kind; a visit otherwise), Ctrl+F search,
Esc leaves the search results.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QPainter,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.field.drafts import Draft, discard_draft, pending_drafts
from app.services.field.forms import FormInvalid, SaveResult, load_payload
from app.services.field.navigator import TownshipNode, VillageRow, village_tree
from app.services.field.reads import (
    KINDS,
    SearchRow,
    VillageLists,
    day_keys,
    record_rows,
    search_records,
    village_lists,
)
from app.storage.changes import ChangeSet
from app.ui.context import AppContext
from app.ui.field.detail import DetailPane
from app.ui.field.forms import FormDialog
from app.ui.field.models import (
    HTML_ROLE,
    RecordTableModel,
    SearchResultModel,
    VillageTreeModel,
)
from app.ui.i18n import fill

SEARCH_DELAY_MS = 250


class HtmlDelegate(QStyledItemDelegate):
    """Paints the HTML of a cell (search snippets with highlighted matches)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setHtml(text)
        painter.save()
        painter.translate(opt.rect.left() + 3, opt.rect.top() + 2)
        painter.setClipRect(0, 0, opt.rect.width() - 3, opt.rect.height())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.setWordWrap(False)
    return view


RECORD_TABLES = (
    "visit",
    "opinion_entry",
    "interview",
    "problem",
    "problem_source",
    "person",
    "visit_person",
    "attachment",
)
"""Kinds of record whose change alters a village's lists or the navigator's counts."""
TREE_TABLES = ("village", "township", *RECORD_TABLES)


class FieldView(QWidget):
    record_saved = Signal(object)
    lists_loaded = Signal(str)
    tree_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.village_id: str | None = None
        self._lists_village: str | None = None
        self._search_seq = 0
        self.open_dialogs: list[FormDialog] = []

        # navigator
        self.tree_model = VillageTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setMinimumWidth(300)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.setToolTip(self.tr("Everything recorded today, in every village"))
        self.today_button.clicked.connect(self.show_today)
        nav = QWidget(self)
        nav_lay = QVBoxLayout(nav)
        nav_lay.setContentsMargins(0, 0, 0, 0)
        nav_lay.addWidget(self.today_button)
        nav_lay.addWidget(self.tree, 1)

        # lists
        fetch = partial(record_rows, ctx.ws)
        query = partial(ctx.ops.query, parent=self)
        self.tabs = QTabWidget(self)
        self.models: dict[str, RecordTableModel] = {}
        self.tables: dict[str, QTableView] = {}
        titles = {
            "visit": self.tr("Visits"),
            "opinion_entry": self.tr("Opinion-box entries"),
            "interview": self.tr("Interviews"),
            "problem": self.tr("Problems"),
        }
        for kind in KINDS:
            model = RecordTableModel(fetch, query, self)
            table = _table(self)
            table.setModel(model)
            for c in ("kind", "village"):
                table.hideColumn(RecordTableModel.COLUMNS.index(c))
            if kind == "problem":
                table.hideColumn(RecordTableModel.COLUMNS.index("person"))
            table.setColumnWidth(0, 130)
            table.setColumnWidth(3, 110)
            table.setColumnWidth(4, 120)
            table.selectionModel().currentRowChanged.connect(
                partial(self._on_table_current_changed, model)
            )
            table.doubleClicked.connect(partial(self._on_table_double_clicked, model))
            self.models[kind] = model
            self.tables[kind] = table
            self.tabs.addTab(table, titles[kind])
        self.today_model = RecordTableModel(fetch, query, self)
        self.today_table = _table(self)
        self.today_table.setModel(self.today_model)
        self.today_table.setColumnWidth(0, 130)
        self.today_table.selectionModel().currentRowChanged.connect(
            partial(self._on_table_current_changed, self.today_model)
        )
        self.search_model = SearchResultModel(self)
        self.search_table = _table(self)
        self.search_table.setModel(self.search_model)
        self.search_table.setItemDelegateForColumn(2, HtmlDelegate(self.search_table))
        self.search_table.setColumnWidth(0, 100)
        self.search_table.setColumnWidth(1, 120)
        self.search_table.selectionModel().currentRowChanged.connect(
            self._on_search_current_changed
        )
        self.heading = QLabel("", self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.today_table)
        self.stack.addWidget(self.search_table)
        middle = QWidget(self)
        mid_lay = QVBoxLayout(middle)
        mid_lay.setContentsMargins(0, 0, 0, 0)
        mid_lay.addWidget(self.heading)
        mid_lay.addWidget(self.stack, 1)

        # detail
        self.detail = DetailPane(ctx, self)
        self.detail.edit_requested.connect(self.edit_record)
        self.detail.problem_activated.connect(partial(self.detail.show_record, "problem"))

        # top bar
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search all records (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self.run_search)
        self.new_buttons = {
            "visit": QPushButton(self.tr("New visit"), self),
            "opinion_entry": QPushButton(self.tr("New entry"), self),
            "interview": QPushButton(self.tr("New interview"), self),
        }
        bar = QHBoxLayout()
        for kind, button in self.new_buttons.items():
            button.clicked.connect(partial(self.new_record, kind))
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.search)

        split = QSplitter(self)
        split.addWidget(nav)
        split.addWidget(middle)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([320, 620, 420])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

        QShortcut(QKeySequence.StandardKey.New, self, self._on_new_shortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self._on_find_shortcut)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self._on_search_escape)
        esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

    # -- loading --------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the navigator (and then select the first village)."""
        self.ctx.ops.query(partial(village_tree, self.ctx.ws), self._on_tree_loaded)

    def _on_tree_loaded(self, towns: list[TownshipNode]) -> None:
        self.ctx.villages.set_tree(towns)  # the forms' village list, from the same read
        self.tree_model.set_tree(towns)
        self.tree.expandAll()
        first = self.tree_model.first_village()
        if first.isValid() and self.village_id is None:
            self.tree.setCurrentIndex(first)
        self.tree_loaded.emit()

    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh what the change touches: the navigator and the current lists, once each."""
        if not changes.touches(*TREE_TABLES):
            return
        ws = self.ctx.ws
        self.ctx.ops.query(partial(village_tree, ws), self._on_tree_refreshed, parent=self)
        if changes.touches(*RECORD_TABLES) and self.village_id is not None:
            self._load_lists(self.village_id)

    def select_village(self, village_id: str) -> None:
        index = self.tree_model.index_of_village(village_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _on_tree_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        row = self.tree_model.village_at(current)
        if row is None:
            return
        self.village_id = row.id
        self._show_heading(row)
        self.stack.setCurrentWidget(self.tabs)
        self._load_lists(row.id)

    def _show_heading(self, row: VillageRow) -> None:
        tier = row.tier.label if row.tier else self.tr("Unsorted")
        style = row.style.label if row.style else ""
        self.heading.setText(f"{row.name}　{tier} · {style}")

    def _load_lists(self, village_id: str) -> None:
        self.ctx.ops.query(
            partial(village_lists, self.ctx.ws, village_id), self._on_lists_loaded, parent=self
        )

    def _on_lists_loaded(self, lists: VillageLists) -> None:
        if lists.village_id != self.village_id:
            return  # the user has moved on
        counts = {}
        for kind in KINDS:
            self.models[kind].set_keys(lists.keys[kind], lists.rows)
            counts[kind] = len(lists.keys[kind])
        titles = [
            self.tr("Visits (%1)"),
            self.tr("Opinion-box entries (%1)"),
            self.tr("Interviews (%1)"),
            self.tr("Problems (%1)"),
        ]
        for i, kind in enumerate(KINDS):
            self.tabs.setTabText(i, fill(titles[i], str(counts[kind])))
        if self._lists_village != lists.village_id:
            self.detail.clear()  # another village: its record is not shown any more
        self._lists_village = lists.village_id
        self.lists_loaded.emit(lists.village_id)

    def show_today(self, day: date | None = None) -> None:
        day = day if isinstance(day, date) else date.today()
        self.heading.setText(fill(self.tr("Today, %1"), day.isoformat()))
        self.stack.setCurrentWidget(self.today_table)

        def load() -> tuple[list[Any], dict[Any, Any]]:
            keys = day_keys(self.ctx.ws, day)
            return keys, record_rows(self.ctx.ws, keys[: RecordTableModel.PAGE])

        self.ctx.ops.query(load, lambda res: self.today_model.set_keys(*res))

    # -- selection ------------------------------------------------------------------------
    def _on_table_current_changed(
        self, model: RecordTableModel, current: QModelIndex, _prev: QModelIndex
    ) -> None:
        key = model.key_at(current.row())
        if key is not None:
            self.detail.show_record(*key)

    def _on_table_double_clicked(self, model: RecordTableModel, index: QModelIndex) -> None:
        key = model.key_at(index.row())
        if key is not None and key[0] != "problem":
            self.edit_record(*key)

    def _on_search_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        hit = self.search_model.hit_at(current.row())
        if hit is not None:
            self.detail.show_record(hit.kind, hit.id)

    # -- search ---------------------------------------------------------------------------
    def _on_search_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._on_search_escape()

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search.text().strip()
        if not query:
            return
        self._search_seq += 1
        seq = self._search_seq
        self.ctx.ops.query(
            partial(search_records, self.ctx.ws, query),
            partial(self._on_search_done, seq, query),
        )

    def _on_search_done(self, seq: int, query: str, hits: list[SearchRow]) -> None:
        if seq != self._search_seq:
            return
        self.search_model.set_hits(hits)
        self.heading.setText(fill(self.tr("Search “%1”: %2 found"), query, str(len(hits))))
        self.stack.setCurrentWidget(self.search_table)

    def _on_search_escape(self) -> None:
        self.search.clear()
        self.stack.setCurrentWidget(self.tabs)
        if self.village_id:
            self.select_village(self.village_id)

    def _on_find_shortcut(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- forms ----------------------------------------------------------------------------
    def _on_new_shortcut(self) -> None:
        kind = KINDS[self.tabs.currentIndex()]
        self.new_record(kind if kind in self.new_buttons else "visit")

    def new_record(self, kind: str, payload: dict[str, Any] | None = None) -> FormDialog:
        village = self.village_id or (self.ctx.villages[0].id if self.ctx.villages else "")
        return self._open(FormDialog(self.ctx, kind, village, None, payload, self))

    def edit_record(self, kind: str, record_id: str) -> None:
        self.ctx.ops.query(
            partial(load_payload, self.ctx.ws, kind, record_id),
            partial(self._on_edit_payload_loaded, kind, record_id),
            on_error=self._on_edit_refused,
        )

    def _on_edit_payload_loaded(self, kind: str, record_id: str, payload: dict[str, Any]) -> None:
        self._open(FormDialog(self.ctx, kind, payload["village_id"], record_id, payload, self))

    def _on_edit_refused(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, FormInvalid) else self.tr("Could not open the record.")
        QMessageBox.warning(self, self.tr("Edit"), text)

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self._on_form_saved)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.open_dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: FormDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
        dialog.deleteLater()

    def _on_form_saved(self, result: SaveResult) -> None:
        """Go to the saved record; the lists themselves refresh from the change broadcast."""
        self.record_saved.emit(result)
        self.stack.setCurrentWidget(self.tabs)
        self.village_id = result.village_id
        index = self.tree_model.index_of_village(result.village_id)
        if index.isValid():
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)
            row = self.tree_model.village_at(index)
            if row is not None:
                self._show_heading(row)
        self.tabs.setCurrentIndex(KINDS.index(result.kind))
        self.detail.show_record(result.kind, result.record_id)

    def _on_tree_refreshed(self, towns: list[TownshipNode]) -> None:
        self.ctx.villages.set_tree(towns)
        current = self.village_id
        self.tree.selectionModel().blockSignals(True)
        self.tree_model.set_tree(towns)
        self.tree.expandAll()
        if current:
            self.tree.setCurrentIndex(self.tree_model.index_of_village(current))
        self.tree.selectionModel().blockSignals(False)
        self.tree_loaded.emit()

    def close_forms(self) -> None:
        """Close every open form, keeping its draft (the window locks)."""
        for dialog in list(self.open_dialogs):
            dialog.keep_draft_and_close()

    # -- drafts ---------------------------------------------------------------------------
    def offer_drafts(self) -> None:
        """Offer back drafts left behind (the program was killed while a form was open)."""
        self.ctx.ops.query(partial(pending_drafts, self.ctx.ws), self._on_drafts_found)

    def _on_drafts_found(self, drafts: list[Draft]) -> None:
        for d in drafts:
            when = d.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            kinds = {
                "visit": self.tr("visit"),
                "opinion_entry": self.tr("opinion-box entry"),
                "interview": self.tr("interview"),
            }
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved draft"),
                fill(
                    self.tr("An unsaved %1 from %2 was found. Open it again?"),
                    kinds.get(d.kind, d.kind),
                    when,
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.recover(d)
            else:
                self.ctx.ops.write(
                    partial(discard_draft, self.ctx.ws, d.kind, d.record_id or None),
                    lambda _had: None,
                    source="field",
                )

    def recover(self, draft: Draft) -> FormDialog:
        village = draft.village_id or self.village_id or ""
        dialog = FormDialog(
            self.ctx, draft.kind, village, draft.record_id or None, draft.payload, self
        )
        return self._open(dialog)
