"""Work-group members are protected personal data: masked for users who may not see names, never
in the audit log, never in a bundle to a team (tested with sync). And the schema: the models and
the migrations describe the same tables."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from app.domain.campaign import CampaignRefused, MemberRole, mask_name, mask_phone
from app.domain.vocabulary import Role
from app.services.campaign import plan, proposals, reads
from app.storage import migrate
from app.storage.engine import make_engine
from tests.unit.services.campaign.conftest import Office, all_audit_text


def test_members_are_masked_for_users_who_may_not_see_names(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = office
    proposals.decide(
        o.ws, decided_on=date(2026, 12, 5), doc_number="淮发〔2026〕31号", added={o.good: "理由"}
    )
    (row,) = reads.campaign_rows(o.ws)
    with pytest.raises(CampaignRefused, match="电话号码"):
        plan.add_member(o.ws, row.campaign_id, role=MemberRole.LEADER, name="欧阳明远", phone="x")
    plan.add_member(
        o.ws, row.campaign_id, role=MemberRole.LEADER, name="欧阳明远", phone="13903941234"
    )
    (m,) = reads.campaign_detail(o.ws, row.campaign_id).members
    assert (m.name, m.phone) == ("欧阳明远", "13903941234")
    monkeypatch.setattr(o.ws, "role", Role.MEMBER)
    (m,) = reads.campaign_detail(o.ws, row.campaign_id).members
    assert (m.name, m.phone) == ("欧***", "139****1234")
    assert "欧阳明远" not in all_audit_text(o.ws)


def test_masks() -> None:
    assert mask_name("张三") == "张*" and mask_name("") == ""
    assert mask_phone("0394-4321234") == "039*****1234"
    assert mask_phone("110") == "*10"


def test_team_laptops_cannot_take_office_decisions(ws) -> None:
    with pytest.raises(CampaignRefused, match="由巡察办办理"):
        proposals.propose(ws)
    with pytest.raises(CampaignRefused, match="由巡察办办理"):
        proposals.decide(ws, decided_on=date(2026, 12, 5), doc_number="x", added={"v": "r"})


def test_models_and_migrations_describe_the_same_tables(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.db", secrets.token_bytes(32), create=True)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    # the search index is a derived object of its own (not a model)
    real = [d for d in diff if "search_" not in str(d)]
    assert real == []
