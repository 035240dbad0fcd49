"""A writer for the crash test: opens a workspace and writes records until it is killed.

Prints ``ready`` once open, then one line ``<kind> <id> <version>`` after each transaction has
committed, flushed at once: a line on stdout is a transaction that reported success.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.storage.models import Visit
from app.storage.workspace import Workspace
from tests.records import save_visit


def main() -> None:
    root, password, village_id, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ws = Workspace.open(root, password)
    print("ready", flush=True)
    i = 0
    last_visit = ""
    while True:
        i += 1
        if i % 4 == 0 and last_visit:  # an edit of the last visit
            done = save_visit(
                ws, village_id, f"改写 {run}-{i} 村民反映水井已修复", record_id=last_visit
            )
        elif i % 3 == 0:  # a visit raising a problem
            done = save_visit(
                ws, village_id, f"走访 {run}-{i} 道路", problems=[f"问题 {run}-{i} 道路坑洼不平"]
            )
        else:
            done = save_visit(ws, village_id, f"走访 {run}-{i} 群众反映饮水困难" + "。" * (i % 50))
            last_visit = done.record_id
        with ws.session() as s:  # the version the transaction committed
            version = s.get_one(Visit, done.record_id).version
        print("visit", done.record_id, version, flush=True)
        for pid in done.problem_ids:
            print("problem", pid, 1, flush=True)


if __name__ == "__main__":
    main()
