"""A writer for the crash test: opens a workspace and writes records until it is killed.

Prints ``ready`` once open, then one line ``<kind> <id> <version>`` after each transaction has
committed, flushed at once: a line on stdout is a transaction that reported success.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from app.domain.vocabulary import SourceKind, VisitMethod
from app.services.field import records
from app.storage.workspace import Workspace


def main() -> None:
    root, password, village_id, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ws = Workspace.open(root, password)
    print("ready", flush=True)
    i = 0
    last_visit = ""
    while True:
        i += 1
        if i % 4 == 0 and last_visit:
            ch = records.edit_text(ws, "visit", last_visit, f"改写 {run}-{i} 村民反映水井已修复")
        elif i % 3 == 0 and last_visit:
            ch = records.add_problem(
                ws,
                village_id=village_id,
                description=f"问题 {run}-{i} 道路坑洼不平",
                raised_on=date(2026, 11, 20),
                source_kind=SourceKind.VISIT,
                source_id=last_visit,
            )
        else:
            ch = records.add_visit(
                ws,
                village_id=village_id,
                occurred_at=datetime(2026, 11, 20, 9),
                method=VisitMethod.GENERAL,
                notes=f"走访 {run}-{i} 群众反映饮水困难" + "。" * (i % 50),
            )
            last_visit = ch.record_id
        print(ch.kind, ch.record_id, ch.version, flush=True)


if __name__ == "__main__":
    main()
