"""Several clerks at once: two processes import at the same moment, on both stores."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import func, select

from app.services.demo.build import DemoOptions, fill_demo
from app.storage.models import AuditEvent, SyncBundle, Visit
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from tests.e2e.cli_helpers import REPO, app_env
from tests.unit.office.conftest import PASSWORD, OfficeStore
from tests.unit.sync.conftest import KIT_PASSWORD


def _bundle(office: Workspace, tmp_path: Path, team: str, seed: int) -> tuple[Path, int]:
    kit = tmp_path / f"{seed}.kit"
    issue_team_kit(office, team, KIT_PASSWORD, kit)
    laptop = join_with_kit(tmp_path / f"t{seed}", kit, KIT_PASSWORD, leader="李", password=PASSWORD)
    try:
        fill_demo(laptop, DemoOptions(villages=4, days=3, until=date(2026, 11, 27), seed=seed))
        with laptop.session() as s:
            visits = s.exec(select(func.count()).select_from(Visit)).one()
        return export_bundle(laptop, tmp_path / f"b{seed}.xdsb").path, visits
    finally:
        laptop.close()


def _import_at_once(store: OfficeStore, office: Path, bundles: list[Path]) -> list[str]:
    """Start one ``import-bundle`` process per bundle, all at once; their outputs."""
    extra = {"XUNCHA_DB_PASSWORD": str(store.db_password())} if store.on_server else {}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(office), "import-bundle", str(b)],
            cwd=REPO,
            env=app_env(PASSWORD, **extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for b in bundles
    ]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        outs.append(out)
    return outs


def test_two_clerks_import_at_once(
    store: OfficeStore, offices: Callable[..., Workspace], tmp_path: Path
) -> None:
    office = offices()
    root = office.paths.root
    a, visits_a = _bundle(office, tmp_path, "第一巡察组", 1)
    b, visits_b = _bundle(office, tmp_path, "第二巡察组", 2)
    office.close()

    # different bundles at the same moment: both applied
    _import_at_once(store, root, [a, b])
    # the same bundle by two clerks at the same moment: applied exactly once
    with Workspace.open(root, PASSWORD, db_password=store.db_password()) as again:
        c, visits_c = _bundle(again, tmp_path, "第三巡察组", 3)
    outs = _import_at_once(store, root, [c, c])
    fresh = [o for o in outs if "此前已导入过" not in o]
    assert len(fresh) == 1 and "新增 0，" not in fresh[0], outs

    with Workspace.open(root, PASSWORD, db_password=store.db_password()) as ws, ws.session() as s:
        assert (
            s.exec(select(func.count()).select_from(Visit)).one() == visits_a + visits_b + visits_c
        )
        assert s.exec(select(func.count()).select_from(SyncBundle)).one() == 3
        imports = s.exec(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "import_bundle")
        ).one()
        assert imports == 3
