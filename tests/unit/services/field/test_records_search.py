from __future__ import annotations

import pytest

from app.domain.vocabulary import VisitMethod
from app.services.field import records
from app.storage.models import Township, Village
from app.storage.workspace import Workspace
from tests.records import save_visit

OPEN, CLOSE = records.HIGHLIGHT_OPEN, records.HIGHLIGHT_CLOSE
LONG = (
    "在村委会召开群众座谈会，参会群众十二人，重点听取对村务公开的意见。" * 3
    + "另有群众反映集体鱼塘承包款去向不明。"
)


@pytest.mark.parametrize("query", ["集体", "鱼塘承包款"])
def test_snippet_shows_the_match_even_far_into_the_text(ws: Workspace, query: str) -> None:
    with ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.commit()
        vid = village.id
    save_visit(ws, vid, LONG, method=VisitMethod.KEY)
    (hit,) = records.search(ws, query)
    assert f"{OPEN}{query}{CLOSE}" in hit.snippet
    assert len(hit.snippet) < len(LONG) / 2
    assert hit.snippet.startswith("…")
