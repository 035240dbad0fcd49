"""The 集中整治 view: the campaign villages and each one's plan under the four headings, the
制度推广 matrix by township with counts and a chart, and 未巡先改's self-check results.

At the office every step is here (建议, 区委决定, tasks, progress, checks, evaluations, the
progress report). On a team laptop the same view shows the campaigns of the villages the team
covers (the office's bundles bring only those) and lets the team add progress with photos, record
checks and verify what villages reported of themselves.

Reads and writes go through the context's operations (``ctx.ops``): a write's ChangeSet is
broadcast once and the view refreshes from :meth:`CampaignView.on_changes` only. A refusal is
shown in the dialog that asked for it (nothing typed is lost), any other failure in the view's
message line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.campaign import CampaignRefused, CampaignStatus, Heading, SystemStatus
from app.domain.vocabulary import WorkspaceKind
from app.services.campaign import evaluate, plan, progress, proposals, selfcheck
from app.services.campaign.reads import (
    CampaignDetail,
    CampaignRow,
    LinkChoices,
    campaign_detail,
    campaign_rows,
    link_choices,
)
from app.services.campaign.report import progress_report_pdf, write_matrix
from app.services.campaign.selfcheck import ResultRow, SelfCheckVillage
from app.services.campaign.systems import FocusRow, Matrix, focus_list, matrix
from app.storage.changes import ChangeSet
from app.ui.campaign.dialogs import (
    CheckDialog,
    DecideDialog,
    DraftListDialog,
    EvaluateDialog,
    FormDialog,
    OutcomeDialog,
    ProgressDialog,
    TaskDialog,
    VerifyDialog,
    WorkGroupDialog,
)
from app.ui.campaign.models import CampaignModel, MatrixModel, ResultModel, TaskModel
from app.ui.context import AppContext
from app.ui.pdf_preview import PdfPreviewDialog

BAR_COLOURS = (QColor("#70a13f"), QColor("#e5b82b"), QColor("#d9d9d9"))
WEAK_COLOUR = QColor("#c0504d")


def _table(parent: QWidget) -> QTableView:
    t = QTableView(parent)
    t.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    t.horizontalHeader().setStretchLastSection(True)
    t.setWordWrap(False)
    return t


class SystemChart(QWidget):
    """One bar per system: 已建立 (执行不力 marked), 推进中, 未建立 — counts inside the parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, int, int, int]] = []
        self.setMinimumHeight(150)

    def set_counts(self, bars: list[tuple[str, int, int, int, int]]) -> None:
        """(system, adopted, of which not carried out, in progress, not yet) per system."""
        self.bars = bars
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        label_w = max((fm.horizontalAdvance(b[0]) for b in self.bars), default=40) + 12
        total_w = max(10, self.width() - label_w - 16)
        n = max(1, len(self.bars))
        row_h = min(28.0, (self.height() - 8) / n)
        for i, (name, adopted, weak, in_progress, not_yet) in enumerate(self.bars):
            y = 4 + i * row_h
            p.setPen(QColor("#000000"))
            p.drawText(
                QRectF(0, y, label_w - 6, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            whole = adopted + in_progress + not_yet or 1
            x = float(label_w)
            for value, colour in zip((adopted, in_progress, not_yet), BAR_COLOURS, strict=True):
                w = total_w * value / whole
                rect = QRectF(x, y + 3, w, row_h - 6)
                p.fillRect(rect, colour)
                if value and w > fm.horizontalAdvance(str(value)) + 4:
                    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(value))
                x += w
            if weak:
                w = total_w * weak / whole
                p.fillRect(QRectF(label_w, y + row_h - 7, w, 4), WEAK_COLOUR)
        p.end()


@dataclass
class _Overview:
    rows: list[CampaignRow]
    recommended: list[tuple[str, str]]


CAMPAIGN_TABLES = (
    "campaign_proposal",
    "campaign_decision",
    "campaign_village",
    "campaign_member",
    "campaign_task",
    "campaign_progress",
    "campaign_case",
    "campaign_cadre_change",
    "campaign_check",
    "campaign_evaluation",
    "village_system",
    "village_tier_change",
    "typical_problem_list",
    "typical_problem",
    "selfcheck_result",
    "deadline_extension",
    "village",
    "township",
)
"""Kinds of record whose change alters what this view shows."""


class CampaignView(QWidget):
    """See the module docstring."""

    def __init__(
        self, ctx: AppContext, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.ops = ctx.ops
        self.today = today or date.today()
        self.office = ctx.ws.kind is WorkspaceKind.OFFICE
        self.detail: CampaignDetail | None = None
        self.grid: Matrix | None = None
        self.recommended: list[tuple[str, str]] = []
        self._resetting = False
        self.dialog: FormDialog | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._villages_tab(), self.tr("Villages under rectification"))
        self.tabs.addTab(self._systems_tab(), self.tr("Spreading the systems"))
        self.tabs.addTab(self._selfcheck_tab(), self.tr("Self-check before inspection"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _villages_tab(self) -> QWidget:
        page = QWidget(self)
        self.propose_button = QPushButton(self.tr("Propose rectification…"), page)
        self.decide_button = QPushButton(self.tr("Record the decision…"), page)
        self.report_button = QPushButton(self.tr("Progress report"), page)
        self.summary = QLabel(page)
        for b in (self.propose_button, self.decide_button):
            b.setVisible(self.office)
        top = QHBoxLayout()
        top.addWidget(self.propose_button)
        top.addWidget(self.decide_button)
        top.addWidget(self.report_button)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.model = CampaignModel(self)
        self.table = _table(page)
        self.table.setModel(self.model)

        self.header = QLabel(page)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.task_model = TaskModel(self)
        self.tasks = _table(page)
        self.tasks.setModel(self.task_model)
        self.group_button = QPushButton(self.tr("Work group…"), page)
        self.add_task_button = QPushButton(self.tr("New task…"), page)
        self.progress_button = QPushButton(self.tr("Add progress…"), page)
        self.outcome_button = QPushButton(self.tr("Case / cadre change…"), page)
        self.outcome_button.setVisible(self.office)
        self.check_button = QPushButton(self.tr("Monthly check…"), page)
        self.evaluate_button = QPushButton(self.tr("Evaluate…"), page)
        for b in (self.group_button, self.add_task_button, self.evaluate_button):
            b.setVisible(self.office)
        actions = QHBoxLayout()
        for b in (
            self.group_button,
            self.add_task_button,
            self.progress_button,
            self.outcome_button,
            self.check_button,
            self.evaluate_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        self.task_history = QTextBrowser(page)
        self.task_history.setMaximumHeight(110)
        self.history = QTextBrowser(page)

        right = QWidget(page)
        rl = QVBoxLayout(right)
        rl.addWidget(self.header)
        rl.addLayout(actions)
        rl.addWidget(self.tasks, 3)
        rl.addWidget(self.task_history, 1)
        rl.addWidget(self.history, 2)
        split = QSplitter(page)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        self.decide_button.clicked.connect(self._on_decide_button_clicked)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.group_button.clicked.connect(self._on_group_button_clicked)
        self.add_task_button.clicked.connect(self._on_add_task_button_clicked)
        self.progress_button.clicked.connect(self._on_progress_button_clicked)
        self.outcome_button.clicked.connect(self._on_outcome_button_clicked)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.evaluate_button.clicked.connect(self._on_evaluate_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.tasks.selectionModel().selectionChanged.connect(self._on_tasks_selection_changed)
        self._set_detail_enabled(False)
        return page

    def _systems_tab(self) -> QWidget:
        page = QWidget(self)
        self.township = QComboBox(page)
        self.township.addItem(self.tr("All townships"), None)
        self.counts = QLabel(page)
        self.counts.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Print table (PDF and Excel)…"), page)
        self.chart = SystemChart(page)
        self.matrix_model = MatrixModel(self)
        self.matrix_table = _table(page)
        self.matrix_table.setModel(self.matrix_model)
        self.matrix_table.horizontalHeader().setStretchLastSection(False)
        self.legend = QLabel(
            self.tr(
                "Green: adopted · yellow: in progress · grey: not yet · "
                "red line: adopted but not carried out"
            ),
            page,
        )
        self.legend.setStyleSheet("color: #555555")
        self.focus = QTextBrowser(page)
        self.focus.setMaximumHeight(140)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Township"), page))
        top.addWidget(self.township)
        top.addStretch(1)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(self.counts)
        lay.addWidget(self.chart)
        lay.addWidget(self.legend)
        lay.addWidget(self.matrix_table, 1)
        lay.addWidget(QLabel(self.tr("Focus of the third phase (systems on paper only)"), page))
        lay.addWidget(self.focus)
        self.township.currentIndexChanged.connect(self._on_township_current_index_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        return page

    def _selfcheck_tab(self) -> QWidget:
        page = QWidget(self)
        self.lists_label = QLabel(page)
        self.lists_label.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("Draw up a typical-problem list…"), page)
        self.publish_button = QPushButton(self.tr("Publish the list…"), page)
        self.publish_button.setEnabled(False)
        for b in (self.draft_button, self.publish_button):
            b.setVisible(self.office)
        self.lists: list[selfcheck.ListInfo] = []
        self.selfcheck_villages = QListWidget(page)
        self.result_model = ResultModel(self)
        self.results = _table(page)
        self.results.setModel(self.result_model)
        self.verify_button = QPushButton(self.tr("Verify…"), page)
        self.verify_button.setEnabled(False)
        right = QWidget(page)
        rl = QVBoxLayout(right)
        rl.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.verify_button)
        rl.addLayout(row)
        split = QSplitter(page)
        split.addWidget(self.selfcheck_villages)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.lists_label, 1)
        top.addWidget(self.draft_button)
        top.addWidget(self.publish_button)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.draft_button.clicked.connect(self._on_draft_button_clicked)
        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.selfcheck_villages.currentRowChanged.connect(self._on_selfcheck_villages_row_changed)
        self.results.selectionModel().selectionChanged.connect(self._on_results_selection_changed)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        return page

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.today

        def load() -> _Overview:
            rows = campaign_rows(self.ws, today, include_declined=False)
            return _Overview(
                rows,
                [(r.village_id, r.place) for r in rows if r.status is CampaignStatus.RECOMMENDED],
            )

        self.ops.query(load, self._on_overview_loaded, on_error=self._on_failed)
        if self.grid is not None:
            self.load_systems()
        if self.tabs.currentIndex() == 2:
            self.load_selfcheck()

    def _on_overview_loaded(self, o: _Overview) -> None:
        keep = self.detail.campaign_id if self.detail else None
        self.recommended = o.recommended
        self._resetting = True
        try:
            self.model.set_rows(o.rows)
            self.table.clearSelection()
        finally:
            self._resetting = False
        self.table.resizeColumnsToContents()
        in_force = sum(1 for r in o.rows if r.status is not CampaignStatus.RECOMMENDED)
        red = sum(r.red for r in o.rows)
        self.summary.setText(
            self.tr("%1 villages under rectification, %2 tasks overdue")
            .replace("%1", str(in_force))
            .replace("%2", str(red))
        )
        self.decide_button.setEnabled(bool(o.recommended))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.table.selectRow(self.model.row_of(keep))

    def select_village(self, village_name: str) -> bool:
        for i in range(self.model.rowCount()):
            r = self.model.row_at(i)
            if r is not None and r.village == village_name:
                self.table.selectRow(i)
                return True
        return False

    def _on_table_selection_changed(self, *_args: object) -> None:
        if self._resetting:
            return
        rows = self.table.selectionModel().selectedRows()
        r = self.model.row_at(rows[0].row()) if rows else None
        if r is not None:
            self.load_detail(r.campaign_id)

    # -- one village ------------------------------------------------------------------------
    def load_detail(self, campaign_id: str) -> None:
        today = self.today
        self.ops.query(
            lambda: campaign_detail(self.ws, campaign_id, today),
            self._on_detail_loaded,
            on_error=self._on_failed,
        )

    def _on_detail_loaded(self, d: CampaignDetail) -> None:
        keep = self.current_task_id()
        self.detail = d
        decision = self.tr("Decision: %1").replace("%1", d.decision)
        decided = decision if d.decision else self.tr("Not yet decided")
        members = "；".join(f"{m.role}{m.name}（{m.unit}{m.post}）" for m in d.members)
        lines = [
            f"{d.place}　{d.status.label}　"
            + self.tr("Tier: %1").replace("%1", d.tier.label if d.tier else "—"),
            decided,
            self.tr("Lead unit: %1").replace("%1", d.lead_unit)
            + "　"
            + self.tr("Member units: %1").replace("%1", d.member_units or "—"),
        ]
        if d.linked_leader_post:
            lines.append(self.tr("Linked leader: %1").replace("%1", d.linked_leader_post))
        if members:
            lines.append(self.tr("Work group: %1").replace("%1", members))
        self.header.setText("\n".join(lines))
        self.task_model.set_rows(d.tasks)
        self.tasks.resizeColumnsToContents()
        parts: list[str] = []
        for title, lines in (
            (self.tr("Reasons"), [x for x in (d.reasons, d.added_reason) if x]),
            (self.tr("Cases"), d.cases),
            (self.tr("Cadre changes"), d.cadre_changes),
            (self.tr("Systems"), d.systems),
            (self.tr("Monthly checks"), d.checks),
            (self.tr("Evaluations"), d.evaluations),
            (self.tr("Tier history"), [st.describe() for st in d.tier_history]),
        ):
            if lines:
                parts.append(f"<b>{title}</b><br>" + "<br>".join(lines))
        self.history.setHtml("<br>".join(parts))
        self._set_detail_enabled(True)
        active = d.status in (CampaignStatus.DECIDED, CampaignStatus.UNDER_WAY, CampaignStatus.KEPT)
        self.add_task_button.setEnabled(active)
        self.check_button.setEnabled(active)
        self.evaluate_button.setEnabled(
            d.status
            not in (CampaignStatus.RECOMMENDED, CampaignStatus.DECLINED, CampaignStatus.REVIEWED)
        )
        row = self.task_model.row_of(keep) if keep else -1
        if row >= 0:
            self.tasks.selectRow(row)
        else:
            self._show_task_history()

    def _set_detail_enabled(self, on: bool) -> None:
        for b in (self.group_button, self.add_task_button, self.check_button, self.evaluate_button):
            b.setEnabled(on)
        self.progress_button.setEnabled(False)
        self.outcome_button.setEnabled(False)

    def current_task_id(self) -> str | None:
        rows = self.tasks.selectionModel().selectedRows()
        r = self.task_model.row_at(rows[0].row()) if rows else None
        return r.task_id if r else None

    def select_task(self, number: str) -> bool:
        for i in range(self.task_model.rowCount()):
            r = self.task_model.row_at(i)
            if r is not None and r.number == number:
                self.tasks.selectRow(i)
                return True
        return False

    def _on_tasks_selection_changed(self, *_args: object) -> None:
        self._show_task_history()

    def _show_task_history(self) -> None:
        tid = self.current_task_id()
        d = self.detail
        task = next((t for t in d.tasks if t.task_id == tid), None) if d and tid else None
        running = task is not None and task.status.value != "done"
        active = d is not None and d.status in (
            CampaignStatus.DECIDED,
            CampaignStatus.UNDER_WAY,
            CampaignStatus.KEPT,
        )
        self.progress_button.setEnabled(bool(running and active))
        self.outcome_button.setEnabled(
            task is not None and task.heading in (Heading.CATCH, Heading.ORGANISE)
        )
        if task is None or d is None:
            self.task_history.clear()
            return
        lines = d.progress.get(task.task_id, [])
        self.task_history.setHtml(
            f"<b>{task.number} {task.title}</b><br>"
            + ("<br>".join(lines) if lines else self.tr("No progress yet."))
        )

    # -- writes -----------------------------------------------------------------------------
    def _write(
        self,
        job: Callable[[], Any],
        dialog: FormDialog | None = None,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        if dialog is not None:
            dialog.set_busy(True)

        def done(result: Any) -> None:
            if dialog is not None:
                dialog.set_busy(False)
                dialog.accept()
            self.message.setText(getattr(result, "message", "") or self.tr("Saved."))
            if after is not None:
                after(result)

        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.set_busy(False)
                if isinstance(exc, CampaignRefused):
                    dialog.show_error(str(exc))
                    return
            self._on_failed(exc)

        self.ops.write(job, done, source="campaign", on_error=failed)

    def _open(self, dialog: FormDialog, submit: Callable[[dict[str, Any]], Any]) -> FormDialog:
        self.dialog = dialog
        dialog.buttons.accepted.connect(lambda: self._write(lambda: submit(dialog.value()), dialog))
        dialog.show()
        return dialog

    def _on_propose_button_clicked(self) -> None:
        self.propose()

    def propose(self) -> None:
        """Gather every village whose report recommends 集中整治 into a 建议 and show it."""
        today = self.today

        def job() -> tuple[Any, tuple[bytes, str]]:
            changed = proposals.propose(self.ws, on=today)
            return changed, proposals.proposal_pdf(self.ws, changed.of("campaign_proposal")[0])

        def shown(result: tuple[Any, tuple[bytes, str]]) -> None:
            data, name = result[1]
            self.message.setText(result[0].message)
            preview = PdfPreviewDialog(data, name, self.tr("Proposal"), self)
            preview.show()

        self.ops.write(job, shown, source="campaign", on_error=self._on_failed)

    def _on_decide_button_clicked(self) -> None:
        self.open_decide()

    def open_decide(self) -> FormDialog:
        taken = {r.village_id for r in self.model.rows()}
        others = [(v.id, f"{v.township}{v.name}") for v in self.ctx.villages if v.id not in taken]
        dialog = DecideDialog(self.recommended, self.today, others, self)
        return self._open(dialog, lambda v: proposals.decide(self.ws, **v))

    def _on_group_button_clicked(self) -> None:
        self.open_work_group()

    def open_work_group(self) -> FormDialog | None:
        d = self.detail
        if d is None:
            return None
        cid = d.campaign_id
        return self._open(
            WorkGroupDialog(d, self), lambda v: plan.set_work_group(self.ws, cid, **v)
        )

    def _on_add_task_button_clicked(self) -> None:
        self.open_task()

    def open_task(self) -> FormDialog | None:
        """Read what a task may be tied to, then open the dialog (returned when it is open)."""
        d = self.detail
        if d is None:
            return None
        cid, vid, place = d.campaign_id, d.village_id, d.place
        self.dialog = None

        def ready(choices: LinkChoices) -> None:
            dialog = TaskDialog(place, choices, self.today, self)
            self._open(dialog, lambda v: plan.add_task(self.ws, cid, **v))

        self.ops.query(lambda: link_choices(self.ws, vid), ready, on_error=self._on_failed)
        return self.dialog

    def _on_progress_button_clicked(self) -> None:
        self.open_progress()

    def open_progress(self) -> ProgressDialog | None:
        tid = self.current_task_id()
        d = self.detail
        task = next((t for t in d.tasks if t.task_id == tid), None) if d and tid else None
        if task is None:
            return None
        dialog = ProgressDialog(self.ctx, f"{task.number} {task.title}", self.today, self)
        today = self.today
        self._open(
            dialog,
            lambda v: progress.add_progress(self.ws, task.task_id, today=today, **v),
        )
        return dialog

    def _on_outcome_button_clicked(self) -> None:
        self.open_outcome()

    def open_outcome(self) -> FormDialog | None:
        """A case under 抓坏人 or a 班子 change under 强组织, for the selected task."""
        tid = self.current_task_id()
        d = self.detail
        task = next((t for t in d.tasks if t.task_id == tid), None) if d and tid else None
        if task is None or task.heading not in (Heading.CATCH, Heading.ORGANISE):
            return None
        dialog = OutcomeDialog(f"{task.number} {task.title}", task.heading, self.today, self)
        if task.heading is Heading.CATCH:
            return self._open(dialog, lambda v: plan.add_case(self.ws, task.task_id, **v))
        return self._open(dialog, lambda v: plan.add_cadre_change(self.ws, task.task_id, **v))

    def _on_check_button_clicked(self) -> None:
        self.open_check()

    def open_check(self) -> FormDialog | None:
        d = self.detail
        if d is None:
            return None
        today = self.today
        cid = d.campaign_id
        return self._open(
            CheckDialog(d.place, today, self),
            lambda v: progress.add_check(self.ws, cid, today=today, **v),
        )

    def _on_evaluate_button_clicked(self) -> None:
        self.open_evaluate()

    def open_evaluate(self) -> FormDialog | None:
        d = self.detail
        if d is None:
            return None
        today = self.today
        cid = d.campaign_id
        return self._open(
            EvaluateDialog(d.place, today, self),
            lambda v: evaluate.evaluate(self.ws, cid, today=today, **v),
        )

    def _on_report_button_clicked(self) -> None:
        today = self.today
        self.report_button.setEnabled(False)

        def shown(result: tuple[bytes, str]) -> None:
            self.report_button.setEnabled(True)
            PdfPreviewDialog(result[0], result[1], self.tr("Progress report"), self).show()

        self.ops.write(  # printing is audited: a write
            lambda: progress_report_pdf(self.ws, today),
            shown,
            source="campaign",
            on_error=self._on_failed,
        )

    # -- 制度推广 ------------------------------------------------------------------------------
    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1 and self.grid is None:
            self.load_systems()
        elif index == 2:
            self.load_selfcheck()

    def load_systems(self) -> None:
        self.ops.query(
            lambda: (matrix(self.ws), focus_list(self.ws)),
            self._on_systems_loaded,
            on_error=self._on_failed,
        )

    def _on_systems_loaded(self, result: tuple[Matrix, list[FocusRow]]) -> None:
        grid, focus = result
        self.grid = grid
        keep = self.township.currentData()
        self.township.blockSignals(True)
        self.township.clear()
        self.township.addItem(self.tr("All townships"), None)
        for tid, name in grid.townships:
            self.township.addItem(name, tid)
        i = self.township.findData(keep)
        self.township.setCurrentIndex(max(0, i))
        self.township.blockSignals(False)
        self._show_matrix()
        self.focus.setHtml(
            "<br>".join(
                f"第{f.batch}批 {f.township}{f.village}：" + "；".join(f.items) for f in focus
            )
            or self.tr("No village of the third phase has a system on paper only.")
        )

    def _on_township_current_index_changed(self, _index: int) -> None:
        self._show_matrix()

    def _show_matrix(self) -> None:
        grid = self.grid
        if grid is None:
            return
        tid = self.township.currentData()
        self.matrix_model.set_matrix(grid, tid)
        counts = grid.counts(tid)
        villages = self.matrix_model.rowCount()
        bars = []
        parts = []
        for d in grid.systems:
            c = counts[d.code]
            weak = sum(
                1
                for r in grid.rows
                if (tid is None or r.township_id == tid)
                and r.cell(d.code).status is SystemStatus.ADOPTED
                and r.cell(d.code).practice.value == "not_carried_out"
            )
            bars.append(
                (
                    d.label,
                    c[SystemStatus.ADOPTED],
                    weak,
                    c[SystemStatus.IN_PROGRESS],
                    c[SystemStatus.NOT_YET],
                )
            )
            parts.append(f"{d.label} {c[SystemStatus.ADOPTED]}")
        self.chart.set_counts(bars)
        self.counts.setText(
            self.tr("%1 villages; adopted: %2")
            .replace("%1", str(villages))
            .replace("%2", "、".join(parts))
        )
        self.matrix_table.resizeColumnsToContents()

    def _on_export_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.export_matrix(Path(folder))

    def export_matrix(self, folder: Path) -> None:
        today = self.today

        def done(paths: tuple[Path, Path]) -> None:
            self.message.setText(
                self.tr("Written: %1").replace("%1", "，".join(str(p) for p in paths))
            )

        self.ops.write(
            lambda: write_matrix(self.ws, folder, today),
            done,
            source="campaign",
            on_error=self._on_failed,
        )

    # -- 未巡先改 ------------------------------------------------------------------------------
    def load_selfcheck(self) -> None:
        self.ops.query(
            lambda: (selfcheck.lists(self.ws), selfcheck.selfcheck_villages(self.ws)),
            self._on_selfcheck_loaded,
            on_error=self._on_failed,
        )

    def _on_selfcheck_loaded(
        self, result: tuple[list[selfcheck.ListInfo], list[SelfCheckVillage]]
    ) -> None:
        lists, villages = result
        self.lists = lists
        self.publish_button.setEnabled(any(x.published_on is None and x.items for x in lists))
        keep = self._selfcheck_village()
        self.lists_label.setText(
            "<br>".join(
                f"{x.title}（{len(x.items)}条，"
                + (f"{x.published_on.isoformat()}印发" if x.published_on else "未印发")
                + f"，自查结果{x.results}条）"
                for x in lists
            )
            or self.tr("No typical-problem list yet.")
        )
        self.selfcheck_villages.blockSignals(True)
        self.selfcheck_villages.clear()
        for v in villages:
            text = self.tr("%1 (%2 answers, %3 to verify)")
            item = QListWidgetItem(
                text.replace("%1", v.place)
                .replace("%2", str(v.results))
                .replace("%3", str(v.pending)),
                self.selfcheck_villages,
            )
            item.setData(Qt.ItemDataRole.UserRole, v.village_id)
        self.selfcheck_villages.blockSignals(False)
        ids = [v.village_id for v in villages]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.selfcheck_villages.setCurrentRow(row)
        if row >= 0:
            self._load_results(ids[row])

    def _on_draft_button_clicked(self) -> None:
        self.open_draft()

    def open_draft(self) -> FormDialog:
        return self._open(
            DraftListDialog(self),
            lambda v: selfcheck.draft_list(self.ws, v["after_batch"], title=v["title"]),
        )

    def _on_publish_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.publish(Path(folder))

    def publish(self, folder: Path) -> None:
        """Publish the newest unpublished list: one packet per township of later batches."""
        drafts = [x for x in self.lists if x.published_on is None and x.items]
        if not drafts:
            return
        lid, today = drafts[-1].list_id, self.today

        def done(paths: list[Path]) -> None:
            self.message.setText(
                self.tr("Written: %1").replace("%1", "，".join(str(p) for p in paths))
            )

        self.ops.write(
            lambda: selfcheck.publish(self.ws, lid, folder, on=today),
            done,
            source="campaign",
            on_error=self._on_failed,
        )

    def _selfcheck_village(self) -> str | None:
        item = self.selfcheck_villages.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _on_selfcheck_villages_row_changed(self, _row: int) -> None:
        vid = self._selfcheck_village()
        if vid:
            self._load_results(vid)

    def _load_results(self, village_id: str) -> None:
        self.ops.query(
            lambda: selfcheck.village_results(self.ws, village_id),
            self._on_results_loaded,
            on_error=self._on_failed,
        )

    def _on_results_loaded(self, rows: list[ResultRow]) -> None:
        self.result_model.set_rows(rows)
        self.results.resizeColumnsToContents()
        self.verify_button.setEnabled(False)

    def _on_results_selection_changed(self, *_args: object) -> None:
        self.verify_button.setEnabled(self._current_result() is not None)

    def _current_result(self) -> ResultRow | None:
        rows = self.results.selectionModel().selectedRows()
        return self.result_model.row_at(rows[0].row()) if rows else None

    def _on_verify_button_clicked(self) -> None:
        self.open_verify()

    def open_verify(self) -> FormDialog | None:
        r = self._current_result()
        if r is None:
            return None
        rid = r.result_id
        return self._open(
            VerifyDialog(f"{r.number}. {r.text}", self.today, self),
            lambda v: selfcheck.verify(self.ws, rid, **v),
        )

    # -- shared -----------------------------------------------------------------------------
    def _on_failed(self, exc: BaseException) -> None:
        self.report_button.setEnabled(True)
        self.message.setText(str(exc) if str(exc) else self.tr("The work could not be done."))

    def on_changes(self, changes: ChangeSet) -> None:
        """A write (this view's own included) touched what the view shows: reload once."""
        if changes.touches(*CAMPAIGN_TABLES):
            self.refresh()

    def close_forms(self) -> None:
        """The window locks: close an open dialog (its input is not kept)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
