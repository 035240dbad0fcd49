"""The daily report (巡察日报) of a demo workspace, read back from the PDF: counts and lists, fonts,
禁则, GB/T 9704 geometry, the 草稿 mark, and no protected name anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlmodel import col, select

from app.documents.daily_report import render_daily_report
from app.documents.linebreak import CLOSING, OPENING
from app.domain.vocabulary import EntryChannel, SourceKind, Track
from app.services.demo.build import DemoOptions, fill_demo
from app.services.wrapup.report import daily_report_data
from app.storage.models import (
    DailyWrapup,
    Interview,
    OpinionEntry,
    Person,
    Problem,
    User,
    Village,
    Visit,
)
from app.storage.workspace import Workspace
from tests.records import add_entry, add_problem
from tests.unit.documents.pdfprobe import Glyph, Page, font_embedding, read_pages
from tests.unit.documents.test_page import BOTTOM, CELL_MM, LEFT, RIGHT, TOL, TOP, ink_x1, segments

CLOSED_DAY = date(2026, 11, 26)
OPEN_DAY = date(2026, 11, 27)
PLANTED = ("诸葛明慧", "司马青云")


@dataclass
class Demo:
    ws: Workspace
    closed_pdf: bytes
    open_pdf: bytes
    closed_pages: list[Page]
    open_pages: list[Page]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    root = tmp_path_factory.mktemp("report") / "ws"
    ws = Workspace.create(root, team_name="淮阳区委第一巡察组", leader="李明", password="demo")
    try:
        fill_demo(ws, DemoOptions(villages=12, days=5, until=OPEN_DAY))
        _plant_protected_names(ws)
        closed = render_daily_report(daily_report_data(ws, CLOSED_DAY))
        opened = render_daily_report(daily_report_data(ws, OPEN_DAY))
        yield Demo(ws, closed, opened, read_pages(closed), read_pages(opened))
    finally:
        ws.close()


def _plant_protected_names(ws: Workspace) -> None:
    """Informants whose names appear in a closed day's problem and in the open day's records."""
    with ws.session() as s:
        for name in PLANTED:
            s.add(Person(name=name, protected=True))
        wrap = s.exec(select(DailyWrapup).where(DailyWrapup.day == CLOSED_DAY)).one()
        fix = s.exec(
            select(Problem).where(Problem.wrapup_id == wrap.id, Problem.track == Track.FIX_NOW)
        ).first()
        assert fix is not None
        fix.description = f"{PLANTED[0]}反映：{fix.description}"
        s.add(fix)
        village = s.exec(select(Village)).first()
        assert village is not None
        s.commit()
        village_id = village.id
    entry = add_entry(
        ws,
        village_id=village_id,
        channel=EntryChannel.LETTER,
        received_at=datetime.combine(OPEN_DAY, time(9)),
        content=f"{PLANTED[1]}来信反映村道坑洼不平。",
    ).record_id
    add_problem(
        ws,
        village_id=village_id,
        description=f"{PLANTED[1]}反映村道坑洼不平，雨天无法通行。",
        raised_on=OPEN_DAY,
        source_kind=SourceKind.ENTRY,
        source_id=entry,
    )


def flat(pages: list[Page]) -> str:
    return "".join(g.text for p in pages for g in p.glyphs if g.size < 100).replace(" ", "")


def column_text(pages: list[Page], column: int, size: float = 12.0) -> str:
    """Table text of one column (0 = the first), found between the table's vertical rules."""
    out: list[str] = []
    for page in pages:
        picked: list[Glyph] = []
        for g in page.glyphs:
            if abs(g.size - size) >= 0.05:
                continue
            mid = (g.top + g.bottom) / 2
            inner = {
                round(r.x0, 1)
                for r in page.rules
                if not r.horizontal and r.top <= mid <= r.bottom and r.x0 > LEFT + 1
            }
            cuts = [LEFT, *sorted(inner)]
            if sum(1 for x in cuts if x <= g.x0) - 1 == column:
                picked.append(g)
        picked.sort(key=lambda g: (round(g.bottom, 1), g.x0))
        out.extend(g.text for g in picked)
    return "".join(out)


def test_text_holds_the_days_counts_and_lists(demo: Demo) -> None:
    with demo.ws.session() as s:
        start = datetime.combine(CLOSED_DAY, time())
        end = datetime.combine(date(2026, 11, 27), time())
        visits = len(
            s.exec(
                select(Visit).where(col(Visit.occurred_at) >= start, col(Visit.occurred_at) < end)
            ).all()
        )
        entries = len(
            s.exec(
                select(OpinionEntry).where(
                    col(OpinionEntry.received_at) >= start, col(OpinionEntry.received_at) < end
                )
            ).all()
        )
        talks = len(
            s.exec(
                select(Interview).where(
                    col(Interview.started_at) >= start, col(Interview.started_at) < end
                )
            ).all()
        )
        wrap = s.exec(select(DailyWrapup).where(DailyWrapup.day == CLOSED_DAY)).one()
        problems = s.exec(select(Problem).where(Problem.wrapup_id == wrap.id)).all()
        leader = s.exec(select(User).where(User.id == wrap.closed_by_id)).one()
    text = flat(demo.closed_pages)
    assert "巡察日报" in text and "2026年11月26日" in text
    assert f"形成走访记录{visits}条" in text
    assert f"收到意见箱信件{entries}件" in text and f"开展谈话{talks}人次" in text
    assert f"当晚梳理问题{len(problems)}个" in text
    by_track = {t: [p for p in problems if p.track is t] for t in Track}
    for track in (Track.FIX_NOW, Track.FAST_INVESTIGATION, Track.LEDGER):
        assert f"{track.label}（{len(by_track[track])}个）" in text
        if by_track[track]:
            assert f"{track.label}{len(by_track[track])}个" in text  # the summary sentence
    assert "待核实（0个）" in text
    # each problem of each track is listed, in the problem column of its table
    problem_col = column_text(demo.closed_pages, 1)
    for p in problems:
        description = p.description.replace(PLANTED[0], "某某")
        assert description in problem_col, description
    units = column_text(demo.closed_pages, 3)
    for p in by_track[Track.FIX_NOW]:
        assert p.responsible_unit in units
    assert "签结后更正事项" in text and "明日到期及逾期事项" in text
    assert f"组长签结：{leader.display_name}" in text
    assert "问题按处置方式统计" in text  # the chart's title


def test_an_open_day_prints_as_a_draft_with_its_unsorted_problems(demo: Demo) -> None:
    for page in demo.open_pages:
        assert sorted(g.text for g in page.glyphs if g.size > 100) == sorted("草稿")
    assert not [g for p in demo.closed_pages for g in p.glyphs if g.size > 100]
    text = flat(demo.open_pages)
    assert "组长签结：（未签结）" in text and "尚未研判" in text
    assert "某某反映村道坑洼不平" in text


def test_no_protected_name_appears(demo: Demo) -> None:
    with demo.ws.session() as s:
        users = set(s.exec(select(User.display_name)).all())
        names = set(s.exec(select(Person.name).where(col(Person.protected).is_(True))).all())
    names -= users
    assert set(PLANTED) <= names
    for pages in (demo.closed_pages, demo.open_pages):
        text = flat(pages)
        leaked = [n for n in names if n in text]
        assert not leaked


def test_every_font_is_embedded(demo: Demo) -> None:
    for pdf in (demo.closed_pdf, demo.open_pdf):
        fonts = font_embedding(pdf)
        assert fonts and all(fonts.values()), fonts
        assert not any("STSong" in n or "Helvetica" in n for n in fonts)


def _lines(pages: list[Page]) -> Iterator[tuple[int, str]]:
    for page in pages:
        for size in (22.0, 16.0, 12.0):
            for seg in segments(page, size):
                yield page.number, "".join(g.text for g in seg)


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(demo: Demo) -> None:
    checked = 0
    for pages in (demo.closed_pages, demo.open_pages):
        for number, text in _lines(pages):
            assert text[0] not in CLOSING, (number, text)
            assert text[-1] not in OPENING, (number, text)
            checked += 1
    assert checked > 60


def _body_rows(page: Page) -> list[list[Glyph]]:
    return [r for r in page.rows(16.0) if r and ink_x1(r[-1]) > RIGHT - CELL_MM / 2 - TOL]


def test_text_area_and_margins_match_gb_t_9704(demo: Demo) -> None:
    full_rows = 0
    for pages in (demo.closed_pages, demo.open_pages):
        for page in pages:
            assert page.width == pytest.approx(210, abs=0.5)
            assert page.height == pytest.approx(297, abs=0.5)
            numbers = []
            for g in page.glyphs:
                if g.size > 100:
                    continue  # the draft mark
                if g.bottom > BOTTOM + 1:
                    numbers.append(g)
                    continue
                assert g.x0 >= LEFT - 0.2 and ink_x1(g) <= RIGHT + 0.2, (page.number, g)
                assert g.top >= TOP - 0.2, (page.number, g)
            # the page number: 4号, 7 mm below the text area, odd right and even left
            assert numbers and all(g.size == pytest.approx(14) for g in numbers)
            numbers.sort(key=lambda g: g.x0)
            assert numbers[0].top == pytest.approx(BOTTOM + 7, abs=TOL)
            one_char = 14 / 72 * 25.4
            if page.number % 2:
                assert numbers[-1].x1 == pytest.approx(RIGHT - one_char, abs=TOL)
            else:
                assert numbers[0].x0 == pytest.approx(LEFT + one_char, abs=TOL)
            tops = [g.top for g in page.glyphs if g.size < 100 and g.top < BOTTOM]
            tops += [r.y for r in page.rules if r.horizontal]
            assert min(tops) == pytest.approx(TOP, abs=TOL), page.number
            for row in _body_rows(page):
                # full body lines run from the binding margin (or two characters in) to 184 mm
                assert row[0].x0 == pytest.approx(LEFT, abs=TOL) or row[0].x0 == pytest.approx(
                    LEFT + 2 * CELL_MM, abs=TOL
                )
                assert ink_x1(row[-1]) == pytest.approx(RIGHT, abs=CELL_MM / 2 + TOL)
                full_rows += 1
    assert full_rows >= 6


def test_written_atomically_to_a_path(demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "r" / "巡察日报.pdf"
    data = render_daily_report(daily_report_data(demo.ws, CLOSED_DAY), out)
    assert out.read_bytes() == data and data.startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["巡察日报.pdf"]
