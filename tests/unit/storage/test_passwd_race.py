"""Two ``passwd`` at once (issue 17, part 3): both used to print 密码已修改 (5 of 5) while only one
password worked. Now the key file is changed under a lock and re-read inside it: the second change
is refused (its old password no longer opens the file), never reported as done and lost."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.storage.errors import WorkspaceError, WrongPassword
from app.storage.workspace import Workspace
from tests.conftest import LEADER, PASSWORD


def _race(root: Path, old: str, new: list[str]) -> dict[int, str]:
    """Two logins of the same user change the password at the same moment."""
    opened = [Workspace.open(root, old, LEADER) for _ in new]
    outcome: dict[int, str] = {}
    start = threading.Barrier(len(new))

    def change(i: int) -> None:
        start.wait()
        try:
            opened[i].change_password(LEADER, old, new[i])
            outcome[i] = "ok"
        except WorkspaceError as exc:
            outcome[i] = str(exc)

    threads = [threading.Thread(target=change, args=(i,)) for i in range(len(new))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for w in opened:
        w.close()
    return outcome


def test_two_password_changes_at_once_never_report_a_lost_change(ws: Workspace) -> None:
    root = ws.paths.root
    ws.close()
    current = PASSWORD
    for round_ in range(3):
        new = [f"new-{round_}-0", f"new-{round_}-1"]
        outcome = _race(root, current, new)
        assert len(outcome) == 2, outcome
        succeeded = [i for i, what in outcome.items() if what == "ok"]
        assert len(succeeded) == 1, (
            f"each change reported done must be the one that stands: {outcome}"
        )
        current = new[succeeded[0]]
        Workspace.open(root, current, LEADER).close()
        lost = 1 - succeeded[0]
        assert "未生效" in outcome[lost]
        with pytest.raises(WrongPassword):
            Workspace.open(root, new[lost], LEADER)
