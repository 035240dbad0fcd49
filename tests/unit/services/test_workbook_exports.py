"""Every workbook the program writes keeps text as text: values planted with =, +, -, @, tab and
CR starts in every text field that reaches a workbook read back as typed, and no cell is a formula.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from app.domain.vocabulary import LedgerStatus, Phase, ProblemCategory, Tier, Track
from app.services.followup.papers import LedgerScope, write_ledger_files
from app.services.registry.batch_plan import current_plan, export_plan_xlsx
from app.storage.models import (
    Batch,
    DeadlineExtension,
    InspectionRound,
    LedgerItem,
    Problem,
    Team,
    Township,
    User,
    Village,
)
from app.storage.workspace import Workspace
from tests.unit.documents.workbook_checks import (
    STARTS,
    check_no_formula,
    check_reads_as_typed,
    planted,
)

DAY = date(2026, 11, 20)


def _plant(ws: Workspace) -> tuple[str, list[str]]:
    """A township whose name, villages, ledger items and people all start dangerously."""
    texts: list[str] = []

    def p(payload: str, k: int) -> str:
        text = planted(payload, k)
        texts.append(text)
        return text

    with ws.session() as s:
        team = s.exec(select(Team)).one()
        team.doc_prefix = "淮巡立改"
        team.name = p("第一巡察组", 3)
        s.add(team)
        user = s.exec(select(User)).one()
        user.display_name = p("赵文静", 1)
        s.add(user)
        rnd = InspectionRound(name=p("2026年第二轮", 4), year=2026, starts_on=DAY)
        s.add(rnd)
        town = Township(name=p("城关镇", 0), party_committee="中共城关镇委员会")
        s.add(town)
        s.flush()
        batch = Batch(
            round_id=rnd.id,
            number=1,
            phase=Phase.TROUBLED_FIRST,
            team_id=team.id,
            starts_on=DAY,
            ends_on=DAY + timedelta(days=20),
        )
        s.add(batch)
        s.flush()
        for k in range(len(STARTS)):
            v = Village(
                township_id=town.id, name=p(f"王庄{k}村", k), tier=Tier.POOR, batch_id=batch.id
            )
            s.add(v)
            s.flush()
            prob = Problem(
                village_id=v.id,
                description=p(f"村务公开不及时{k}", k + 1),
                raised_on=DAY,
                category=ProblemCategory.GENERAL,
                track=Track.LEDGER,
                supervisor=p(f"镇党委{k}", k + 2),
                requirement=p(f"按月公开村务{k}", k + 3),
                deadline=DAY + timedelta(days=30),
            )
            s.add(prob)
            s.flush()
            item = LedgerItem(
                problem_id=prob.id,
                village_id=v.id,
                requirement=prob.requirement,
                supervisor=prob.supervisor,
                deadline=DAY + timedelta(days=30),
                progress=p(f"已制定方案{k}", k + 4),
                responsible_person=p(f"钱有福{k}", k + 5),
                status=LedgerStatus.TICKED_OFF if k % 2 else LedgerStatus.IN_PROGRESS,
                ticked_off_on=DAY + timedelta(days=9) if k % 2 else None,
                completed_on=DAY + timedelta(days=8) if k % 2 else None,
                verifier=p(f"孙核查{k}", k) if k % 2 else "",
            )
            s.add(item)
            s.flush()
            s.add(
                DeadlineExtension(
                    item_kind="ledger",
                    item_id=item.id,
                    old_deadline=item.deadline,
                    new_deadline=item.deadline + timedelta(days=10),
                    reason=p(f"需村民代表会议表决{k}", k + 1),
                    decided_on=DAY,
                )
            )
        s.commit()
        return town.id, texts


def test_ledger_workbooks_keep_text_as_text(ws: Workspace, tmp_path: Path) -> None:
    town_id, texts = _plant(ws)
    paths = write_ledger_files(ws, LedgerScope(township_id=town_id), tmp_path / "t", DAY)
    xlsx = next(p for p in paths if p.suffix == ".xlsx")
    check_no_formula(xlsx)
    ledger_texts = [t for t in texts if "巡察组" not in t and "2026年第二轮" not in t]
    check_reads_as_typed(xlsx, ledger_texts)
    with ws.session() as s:
        village = s.exec(select(Village)).first()
        assert village is not None
        vid = village.id
    paths = write_ledger_files(ws, LedgerScope(village_id=vid), tmp_path / "v", DAY)
    xlsx = next(p for p in paths if p.suffix == ".xlsx")
    check_no_formula(xlsx)


def test_batch_plan_workbook_keeps_text_as_text(ws: Workspace, tmp_path: Path) -> None:
    _, texts = _plant(ws)
    plan = current_plan(ws)
    path = export_plan_xlsx(plan, tmp_path / "plan.xlsx")
    check_no_formula(path)
    plan_texts = [t for t in texts if any(w in t for w in ("巡察组", "第二轮", "城关镇", "王庄"))]
    plan_texts = [t for t in plan_texts if "党委" not in t]
    assert len(plan_texts) == 2 + 1 + len(STARTS)
    check_reads_as_typed(path, plan_texts)
