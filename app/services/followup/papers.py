"""What the follow-up papers say, gathered from the workspace; producing and recording them.

Every text that reaches a notice, a ledger or a report passes :func:`scrub`: the names of
protected persons (informants, ``Person.protected``) become 某某. A clue transfer may carry an
informant's name only when the user asks for it explicitly *and* their role may see protected
names; otherwise it is scrubbed like the rest. Printing a transfer is always written to the audit
log (who, which transfer, whether names were included); so are notices and ledgers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, func, select

from app.documents.clue_transfer import (
    TransferDoc,
    copy_number,
    is_classified,
    render_transfer,
    transfer_file_name,
)
from app.documents.ledger import LedgerDoc, LedgerRow, ledger_file_name, render_ledger
from app.documents.notice import NoticeDoc, notice_file_name, render_notice
from app.domain.deadlines import WarningColour
from app.domain.followup import ItemKind, TransitionRefused
from app.domain.formats import chinese_date
from app.domain.vocabulary import (
    LedgerStatus,
    ReceivingBody,
    SourceKind,
    TownshipKind,
    may_see_protected,
)
from app.services.followup.due import item_colour, warning_settings
from app.services.followup.numbering import own_team
from app.services.fonts import workspace_fonts
from app.services.settings import Settings, load_settings
from app.storage.models import (
    Batch,
    ClueTransfer,
    DeadlineExtension,
    Interview,
    LedgerItem,
    OpinionEntry,
    PaperCopy,
    Person,
    Problem,
    ProblemSource,
    RectificationNotice,
    Team,
    Township,
    User,
    Village,
    Visit,
)
from app.storage.session import WorkspaceSession
from app.storage.workspace import Workspace

__all__ = [
    "MASK",
    "DocRefused",
    "LedgerScope",
    "item_pdf",
    "ledger_doc",
    "ledger_pdf",
    "notice_addressee",
    "notice_doc",
    "notice_pdf",
    "office_name",
    "protected_names",
    "receiving_body_name",
    "scrub",
    "township_government",
    "transfer_doc",
    "transfer_pdf",
    "write_day_documents",
    "write_ledger_files",
    "write_notice",
    "write_transfer",
]

MASK = "某某"
OFFICE = "区委巡察办"


class DocRefused(TransitionRefused):
    """A paper that cannot be produced (Chinese message)."""


def protected_names(s: WorkspaceSession) -> list[str]:
    names = s.exec(select(Person.name).where(col(Person.protected).is_(True))).all()
    return sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)


def scrub(text: str, names: Sequence[str]) -> str:
    for name in names:
        if name in text:
            text = text.replace(name, MASK)
    return text


def _issuer(team: Team) -> str:
    return team.issuing_body or team.name


# -- addressees: real names, or no paper ---------------------------------------------------------
GENERIC_TOWNSHIP_UNITS = frozenset(
    {"乡镇人民政府", "乡镇政府", "镇人民政府", "乡人民政府", "乡镇（街道）", "街道办事处"}
)
"""Responsible units that stand for the village's own township government."""

_BODIES: dict[ReceivingBody, tuple[str, str, str, str]] = {
    ReceivingBody.DISCIPLINE_COMMISSION: (
        "discipline_body",
        "纪检监察机关名称",
        "--discipline",
        "中共淮阳区纪委 淮阳区监委",
    ),
    ReceivingBody.POLICE: ("police_body", "公安机关名称", "--police", "淮阳区公安局"),
    ReceivingBody.ORGANISATION: (
        "organisation_body",
        "组织部门名称",
        "--organisation",
        "中共淮阳区委组织部",
    ),
}


def township_government(town: Township) -> str:
    """The township's government by name: 城关镇人民政府 (a 街道: 东关街道办事处)."""
    name = town.name.strip()
    if not name:
        raise DocRefused("无法打印：该村所属乡镇（街道）在名录中没有名称，请先补全村（社区）名录。")
    if town.kind is TownshipKind.SUBDISTRICT:
        return name if name.endswith("办事处") else f"{name}办事处"
    return name if name.endswith("人民政府") else f"{name}人民政府"


def notice_addressee(unit: str, town: Township) -> str:
    """The 主送机关 of a notice: the responsible unit, the township government by its name."""
    name = unit.strip()
    if not name:
        raise DocRefused("无法打印：这份通知书没有责任单位，请在研判中填写责任单位。")
    return township_government(town) if name in GENERIC_TOWNSHIP_UNITS else name


def receiving_body_name(settings: Settings, body: ReceivingBody) -> str:
    """The configured full name of the body a clue goes to; refused, naming the setting, when
    it is not set."""
    field, label, flag, example = _BODIES[body]
    name = str(getattr(settings, field)).strip()
    if not name:
        raise DocRefused(
            f"无法打印：未设置{label}（设置项 {field}；"
            f"命令：python -m app papers {flag} {example}）。"
        )
    return name


def office_name(settings: Settings) -> str:
    return settings.office_name.strip() or OFFICE


def village_and_township(s: WorkspaceSession, village_id: str) -> tuple[Village, Township]:
    v = s.get(Village, village_id)
    if v is None:
        raise DocRefused("找不到这个村（社区）。")
    return v, s.get_one(Township, v.township_id)


def entered_on(s: WorkspaceSession, v: Village) -> date | None:
    """When the team entered the village: its batch's start, else the first visit there."""
    batch = s.get(Batch, v.batch_id) if v.batch_id else None
    if batch is not None and batch.starts_on is not None:
        return batch.starts_on
    first = s.exec(select(func.min(Visit.occurred_at)).where(Visit.village_id == v.id)).one()
    return first.date() if isinstance(first, datetime) else None


def _contact(s: WorkspaceSession, ws: Workspace, team: Team) -> tuple[str, str]:
    user = s.get(User, ws.user_id)
    return (user.display_name if user else ""), (team.phone or (user.phone if user else ""))


# -- 立行立改通知书 -----------------------------------------------------------------------------
def notice_doc(ws: Workspace, notice_id: str) -> NoticeDoc:
    """What the notice says; refused (DocRefused) when its addressee cannot be named."""
    settings = load_settings(ws)
    with ws.session() as s:
        n = s.get(RectificationNotice, notice_id)
        if n is None or n.retired_at is not None:
            raise DocRefused("找不到这份立行立改通知书。")
        names = protected_names(s)
        team = own_team(s, ws.user_id)
        v, town = village_and_township(s, n.village_id)
        problems = s.exec(
            select(Problem)
            .where(Problem.notice_id == n.id, col(Problem.retired_at).is_(None))
            .order_by(col(Problem.raised_on), col(Problem.created_at))
        ).all()
        texts = [scrub(p.description, names) for p in problems]
        reqs: list[str] = []
        for p in problems:
            r = scrub(p.requirement.strip(), names)
            if r and r not in reqs:
                reqs.append(r)
        if not reqs:
            reqs = ["立即组织力量核查处理，切实解决群众反映的问题，举一反三建立长效机制"]
        person, phone = _contact(s, ws, team)
        committee = town.party_committee or f"中共{town.name}委员会"
        return NoticeDoc(
            doc_number=n.doc_number,
            issuing_body=_issuer(team),
            team=team.name,
            recipient=notice_addressee(n.responsible_unit, town),
            township=town.name,
            village=v.name,
            entered_on=entered_on(s, v),
            issued_on=n.issued_on,
            problems=texts or ["（无）"],
            requirements=reqs,
            deadline=n.deadline,
            feedback_due=n.feedback_due or n.deadline,
            contact_person=scrub(n.contact_person or person, names),
            contact_phone=n.contact_phone or phone,
            cc=(committee, office_name(settings)),
        )


def notice_pdf(ws: Workspace, notice_id: str) -> bytes:
    """The notice as PDF bytes; the print is audited."""
    d = notice_doc(ws, notice_id)
    pdf = render_notice(d, fonts=workspace_fonts(ws))
    _audit(ws, "print_notice", RectificationNotice, notice_id, d.doc_number)
    return pdf


def write_notice(ws: Workspace, notice_id: str, out: Path) -> Path:
    d = notice_doc(ws, notice_id)
    path = out / notice_file_name(d) if out.is_dir() else out
    render_notice(d, path, fonts=workspace_fonts(ws))
    _audit(ws, "print_notice", RectificationNotice, notice_id, f"{d.doc_number} {path.name}")
    return path


def _audit(ws: Workspace, action: str, model: type, record_id: str, note: str) -> None:
    with ws.session() as s:
        row = s.get(model, record_id)
        s.audit(action, row, note=note)
        s.commit()


# -- 问题线索移交 -------------------------------------------------------------------------------
def _source_text(s: WorkspaceSession, problem_id: str, reveal: bool, names: list[str]) -> str:
    parts: list[str] = []
    for src in s.exec(select(ProblemSource).where(ProblemSource.problem_id == problem_id)).all():
        who_id: str | None = None
        if src.visit_id:
            visit = s.get(Visit, src.visit_id)
            parts.append(f"{SourceKind.VISIT.label}（{visit.method.label}）" if visit else "")
        elif src.entry_id:
            entry = s.get(OpinionEntry, src.entry_id)
            parts.append(entry.channel.label if entry else SourceKind.ENTRY.label)
            who_id = entry.writer_id if entry and not entry.anonymous else None
        elif src.interview_id:
            interview = s.get(Interview, src.interview_id)
            parts.append(SourceKind.INTERVIEW.label)
            who_id = interview.interviewee_id if interview else None
        if reveal and who_id:
            person = s.get(Person, who_id)
            if person is not None:
                parts[-1] += f"，反映人：{person.name}"
    text = "；".join(p for p in parts if p) or "巡察发现"
    return text if reveal else scrub(text, names)


def transfer_doc(
    ws: Workspace, transfer_id: str, *, include_protected: bool = False
) -> TransferDoc:
    """The transfer's paper. ``include_protected`` needs a role that may see protected names.

    Refused (DocRefused) when the receiving body's name is not configured.
    """
    if include_protected and not may_see_protected(ws.role):
        raise DocRefused("您的角色无权在移交材料中列出反映人姓名。")
    settings = load_settings(ws)
    with ws.session() as s:
        c = s.get(ClueTransfer, transfer_id)
        if c is None or c.retired_at is not None:
            raise DocRefused("找不到这件问题线索移交。")
        names = [] if include_protected else protected_names(s)
        team = own_team(s, ws.user_id)
        problem = s.get_one(Problem, c.problem_id)
        v, town = village_and_township(s, problem.village_id)
        source = _source_text(s, problem.id, include_protected, protected_names(s))
        pages = c.attachment_pages
        attachments = [("问题线索相关材料", pages)] if pages else []
        return TransferDoc(
            doc_number=c.doc_number,
            issuing_body=_issuer(team),
            team=team.name,
            receiving_body=receiving_body_name(settings, c.receiving_body),
            township=town.name,
            village=v.name,
            transferred_on=c.transferred_on,
            feedback_deadline=c.feedback_deadline,
            person_name=scrub(c.person_name, names),
            person_unit=c.person_unit,
            person_post=c.person_post,
            summary=scrub(c.summary or problem.description, names),
            source=source,
            attachments=attachments,
            classification=c.classification or "内部",
            urgency="" if c.urgency.value == "normal" else c.urgency.label,
            cc=(office_name(settings),),
            office=office_name(settings),
            secret_term=settings.secret_term.strip() if is_classified(c.classification) else "",
        )


def _next_copies(s: WorkspaceSession, table: str, doc_id: str, count: int) -> list[int]:
    used = s.exec(
        select(func.max(PaperCopy.copy_no)).where(
            PaperCopy.doc_table == table, PaperCopy.doc_id == doc_id
        )
    ).one()
    start = int(used or 0) + 1
    return list(range(start, start + count))


def _record_copies(
    ws: Workspace, d: TransferDoc, transfer_id: str, recipients: Sequence[str]
) -> list[tuple[TransferDoc, str]]:
    """Give each recipient a copy with its own 份号 (recorded with who received it, and audited);
    returns the copies' papers. An unclassified paper has no 份号: one paper, nothing recorded."""
    if not is_classified(d.classification):
        return [(d, "")]
    names = [r.strip() for r in recipients if r.strip()] or [d.receiving_body]
    out: list[tuple[TransferDoc, str]] = []
    with ws.session() as s:
        user = s.get(User, ws.user_id)
        row = s.get_one(ClueTransfer, transfer_id)
        for n, name in zip(
            _next_copies(s, "clue_transfer", transfer_id, len(names)), names, strict=True
        ):
            copy = copy_number(n)
            s.add(
                PaperCopy(
                    doc_table="clue_transfer",
                    doc_id=transfer_id,
                    doc_number=d.doc_number,
                    copy_no=n,
                    recipient=name,
                    classification=d.classification,
                    printed_on=date.today(),
                    printed_by=user.display_name if user else ws.username,
                )
            )
            s.audit("print_copy", row, note=f"{d.doc_number or '待编号'} 份号{copy} → {name}")
            out.append((replace(d, copy_no=copy), name))
        s.commit()
    return out


def transfer_pdf(ws: Workspace, transfer_id: str, *, include_protected: bool = False) -> bytes:
    """The transfer as PDF bytes (for preview and print in the window). A classified transfer is
    printed as one numbered copy for the receiving body (recorded); the print is audited."""
    d = transfer_doc(ws, transfer_id, include_protected=include_protected)
    [(paper, _)] = _record_copies(ws, d, transfer_id, [d.receiving_body])
    pdf = render_transfer(paper, fonts=workspace_fonts(ws))
    note = d.doc_number + ("（含反映人姓名）" if include_protected else "")
    _audit(ws, "print_clue_transfer", ClueTransfer, transfer_id, note)
    return pdf


def write_transfer(
    ws: Workspace,
    transfer_id: str,
    out: Path,
    *,
    include_protected: bool = False,
    recipients: Sequence[str] = (),
) -> list[Path]:
    """Write the transfer: one PDF per copy, each with its own 份号, for ``recipients`` (the
    receiving body when none is given) when the transfer is classified; which 份号 went to whom
    is recorded and audited. ``out`` is a folder (or, for a single paper, a file)."""
    d = transfer_doc(ws, transfer_id, include_protected=include_protected)
    copies = _record_copies(ws, d, transfer_id, recipients)
    paths: list[Path] = []
    for paper, _name in copies:
        path = out / transfer_file_name(paper) if out.is_dir() or len(copies) > 1 else out
        render_transfer(paper, path, fonts=workspace_fonts(ws))
        paths.append(path)
    names = " ".join(p.name for p in paths)
    note = f"{d.doc_number} {names}" + ("（含反映人姓名）" if include_protected else "")
    _audit(ws, "print_clue_transfer", ClueTransfer, transfer_id, note)
    return paths


# -- 整改台账 -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LedgerScope:
    village_id: str | None = None
    township_id: str | None = None
    wrapup_id: str | None = None
    """Only the items a given day's wrap-up added."""


def _ticked(item: LedgerItem) -> str:
    if item.status is LedgerStatus.TICKED_OFF and item.ticked_off_on is not None:
        who = f"，核查人：{item.verifier}" if item.verifier else ""
        return f"已销号（{chinese_date(item.ticked_off_on)}{who}）"
    return "未销号"


def _warning(item: LedgerItem, colour: WarningColour, today: date) -> str:
    """预警 as printed: the colour and the days left (or overdue) as of ``today``."""
    if item.status is LedgerStatus.TICKED_OFF:
        return "已销号"
    left = (item.deadline - today).days
    when = f"逾期{-left}天" if left < 0 else ("今日到期" if left == 0 else f"剩余{left}天")
    return f"{colour.label}（{when}）"


def ledger_doc(ws: Workspace, scope: LedgerScope, today: date | None = None) -> LedgerDoc:
    today = today or date.today()
    warn = warning_settings(load_settings(ws))
    with ws.session() as s:
        names = protected_names(s)
        team = own_team(s, ws.user_id)
        query = select(LedgerItem).where(col(LedgerItem.retired_at).is_(None))
        if scope.village_id:
            v, town = village_and_township(s, scope.village_id)
            title, by_village = f"{town.name}{v.name}", False
            query = query.where(LedgerItem.village_id == v.id)
        elif scope.township_id:
            town = s.get_one(Township, scope.township_id)
            title, by_village = town.name, True
            ids = select(Village.id).where(Village.township_id == town.id)
            query = query.where(col(LedgerItem.village_id).in_(ids))
        else:
            title, by_village = "", True
        if scope.wrapup_id:
            query = query.where(LedgerItem.wrapup_id == scope.wrapup_id)
        items = s.exec(query).all()
        villages = {v.id: v for v in s.exec(select(Village)).all()}
        problems = {
            p.id: p
            for p in s.exec(
                select(Problem).where(col(Problem.id).in_([i.problem_id for i in items]))
            ).all()
        }
        extensions: dict[str, list[DeadlineExtension]] = {}
        for e in s.exec(
            select(DeadlineExtension)
            .where(col(DeadlineExtension.item_id).in_([i.id for i in items]))
            .order_by(col(DeadlineExtension.created_at))
        ).all():
            extensions.setdefault(e.item_id, []).append(e)
        rows: list[LedgerRow] = []
        for item in items:
            village = villages[item.village_id].name if item.village_id in villages else ""
            p = problems.get(item.problem_id)
            progress = item.progress if item.progress.strip() else ""
            for e in extensions.get(item.id, []):
                progress += f"\n延期至{chinese_date(e.new_deadline)}：{e.reason}"
            colour = item_colour(ItemKind.LEDGER, item.status, item.deadline, today, warn)
            rows.append(
                LedgerRow(
                    village=village,
                    problem=scrub(p.description if p else "", names),
                    requirement=scrub(item.requirement, names),
                    unit=f"{village}党组织（{item.supervisor}督办）"
                    if item.supervisor
                    else f"{village}党组织",
                    deadline=item.deadline,
                    progress=scrub(progress.lstrip("\n") or "未报送进展", names),
                    ticked=_ticked(item),
                    overdue=colour is WarningColour.RED,
                    colour=colour.label if colour is not WarningColour.NONE else "",
                    responsible_person=scrub(item.responsible_person, names),
                    completed_on=item.completed_on
                    or (item.ticked_off_on if item.status is LedgerStatus.TICKED_OFF else None),
                    warning=_warning(item, colour, today),
                )
            )
        rows.sort(key=lambda r: (r.village, r.deadline, r.problem))
        user = s.get(User, ws.user_id)
        return LedgerDoc(
            scope=title or team.name,
            issuing_body=_issuer(team),
            as_of=today,
            rows=rows,
            by_village=by_village,
            filled_by=scrub(user.display_name, names) if user else "",
            filled_on=today,
        )


def ledger_pdf(ws: Workspace, scope: LedgerScope, today: date | None = None) -> bytes:
    d = ledger_doc(ws, scope, today)
    pdf = render_ledger(d, fonts=workspace_fonts(ws))
    _audit(ws, "print_ledger", LedgerItem, "", d.scope)
    return pdf


def write_ledger_files(
    ws: Workspace, scope: LedgerScope, folder: Path, today: date | None = None
) -> list[Path]:
    """The ledger as PDF and .xlsx in ``folder``."""
    from app.services.followup.ledger_xlsx import write_ledger_xlsx

    d = ledger_doc(ws, scope, today)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / ledger_file_name(d)
    render_ledger(d, pdf, fonts=workspace_fonts(ws))
    xlsx = write_ledger_xlsx(d, folder / ledger_file_name(d, "xlsx"))
    _audit(ws, "print_ledger", LedgerItem, "", f"{d.scope} {pdf.name}")
    return [pdf, xlsx]


def item_pdf(
    ws: Workspace, kind: ItemKind, item_id: str, today: date | None = None
) -> tuple[bytes, str]:
    """The paper of a followed item (a ledger item prints its village's ledger) and a file name."""
    if kind in (ItemKind.CAMPAIGN_TASK, ItemKind.CAMPAIGN_REVIEW):
        raise DocRefused("集中整治的材料请在“集中整治”中打印（进展情况报告）。")
    if kind is ItemKind.NOTICE:
        d = notice_doc(ws, item_id)
        return notice_pdf(ws, item_id), notice_file_name(d)
    if kind is ItemKind.CLUE:
        t = transfer_doc(ws, item_id)
        return transfer_pdf(ws, item_id), transfer_file_name(t)
    with ws.session() as s:
        item = s.get(LedgerItem, item_id)
        if item is None:
            raise DocRefused("找不到这一台账事项。")
        village_id = item.village_id
    scope = LedgerScope(village_id=village_id)
    d2 = ledger_doc(ws, scope, today)
    return ledger_pdf(ws, scope, today), ledger_file_name(d2)


def write_day_documents(ws: Workspace, day: date, folder: Path) -> list[Path]:
    """Write the papers a signed-off day produced: its notices, transfers (no informants' names)
    and its ledger additions (PDF and .xlsx). A day not signed off has none yet."""
    from app.domain.vocabulary import WrapupStatus
    from app.storage.models import DailyWrapup

    with ws.session() as s:
        team = own_team(s, ws.user_id)
        wrap = s.exec(
            select(DailyWrapup).where(DailyWrapup.team_id == team.id, DailyWrapup.day == day)
        ).first()
        if wrap is None or wrap.status is not WrapupStatus.CLOSED:
            return []
        live_n = col(RectificationNotice.retired_at).is_(None)
        notices = s.exec(
            select(RectificationNotice.id)
            .where(RectificationNotice.wrapup_id == wrap.id, live_n)
            .order_by(col(RectificationNotice.serial))
        ).all()
        clues = s.exec(
            select(ClueTransfer.id)
            .where(ClueTransfer.wrapup_id == wrap.id, col(ClueTransfer.retired_at).is_(None))
            .order_by(col(ClueTransfer.serial))
        ).all()
        has_ledger = (
            s.exec(
                select(LedgerItem.id).where(
                    LedgerItem.wrapup_id == wrap.id, col(LedgerItem.retired_at).is_(None)
                )
            ).first()
            is not None
        )
        wrap_id = wrap.id
    folder.mkdir(parents=True, exist_ok=True)
    paths = [write_notice(ws, n, folder) for n in notices]
    for c in clues:
        paths += write_transfer(ws, c, folder)
    if has_ledger:
        d = ledger_doc(ws, LedgerScope(wrapup_id=wrap_id), day)
        d = replace(d, scope=f"{chinese_date(day)}新增", as_of=day, by_village=True)
        from app.services.followup.ledger_xlsx import write_ledger_xlsx

        pdf = folder / ledger_file_name(d)
        render_ledger(d, pdf, fonts=workspace_fonts(ws))
        paths += [pdf, write_ledger_xlsx(d, folder / ledger_file_name(d, "xlsx"))]
        _audit(ws, "print_ledger", LedgerItem, "", f"{d.scope} {pdf.name}")
    return paths
