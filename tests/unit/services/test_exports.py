"""Every list as an .xlsx: records, problems, follow-up, due, conflicts; text stays text; names
masked as on screen; audited."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.domain.vocabulary import Role
from app.services.exports import (
    conflicts_table,
    followup_table,
    problems_table,
    records_table,
    write_table,
)
from app.services.followup.due import Show
from app.storage.models import AuditEvent, Person, Problem, Township, Village
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD
from tests.gui.field_helpers import DAY, LEADER, demo_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory.mktemp("exports"))


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Workspace]:
    root = Path(shutil.copytree(template, tmp_path / "demo"))
    ws = Workspace.open(root, PASSWORD, LEADER)
    yield ws
    ws.close()


def _read(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_every_list_exports_with_its_rows(demo: Workspace, tmp_path: Path) -> None:
    tables = {
        "records": records_table(demo),
        "problems": problems_table(demo),
        "followup": followup_table(demo, DAY, Show.ALL),
        "due": followup_table(demo, date(2026, 12, 20), Show.DUE),
        "conflicts": conflicts_table(demo),
    }
    for key, table in tables.items():
        path = write_table(demo, table, tmp_path / f"{key}.xlsx")
        rows = _read(path)
        assert rows[1] == [c.header for c in table.columns], key
        assert len(rows) == 2 + len(table.rows), key
    assert len(tables["records"].rows) > 10 and len(tables["problems"].rows) > 10
    assert tables["due"].rows and all(r[6] for r in tables["due"].rows)
    with demo.session() as s:
        audited = s.exec(select(AuditEvent).where(AuditEvent.action == "export_xlsx")).all()
    assert len(audited) == 5


def test_text_that_looks_like_a_formula_stays_text(demo: Workspace, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://example.invalid","点此查看")'
    with demo.session() as s:
        p = s.exec(select(Problem)).first()
        assert p is not None
        p.description = evil
        s.add(p)
        s.commit()
    path = write_table(demo, problems_table(demo), tmp_path / "p.xlsx")
    sheet = load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == evil]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_member_gets_protected_names_masked(demo: Workspace, tmp_path: Path) -> None:
    with demo.session() as s:
        names = [p.name for p in s.exec(select(Person).where(Person.protected)).all()]
    assert names
    demo.add_user("组员乙", "组员乙", Role.MEMBER, "成员密码-456")
    with Workspace.open(demo.paths.root, "成员密码-456", "组员乙") as member:
        table = records_table(member)
    text = "\n".join(str(v) for row in table.rows for v in row)
    assert not any(n in text for n in names if len(n) > 1)
    assert "*" in text


def test_a_village_name_that_looks_like_a_formula_stays_text_in_the_title(
    demo: Workspace, tmp_path: Path
) -> None:
    """A one-village export's title starts with its township's name (from an imported list)."""
    evil = '=HYPERLINK("http://example.invalid","点此查看")'
    with demo.session() as s:
        v = s.exec(select(Village)).first()
        assert v is not None
        town = s.get(Township, v.township_id)
        assert town is not None
        town.name = evil
        s.add(town)
        s.commit()
        vid = v.id
    for table in (records_table(demo, vid), problems_table(demo, vid)):
        path = write_table(demo, table, tmp_path / f"{table.name}.xlsx")
        sheet = load_workbook(path).active
        assert sheet is not None
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert str(sheet["A1"].value).startswith(evil)
        assert all(c.data_type != "f" for c in cells)
        assert sheet["A1"].quotePrefix
