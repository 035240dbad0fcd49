"""Run one import in a fresh process and report what happened and its peak memory.

    python -m tests.bomb_runner bundle WORKSPACE PASSWORD FILE
    python -m tests.bomb_runner table FILE

Prints one JSON object: ``refused`` (the Chinese reason, or null), ``peak_mb`` (the peak
resident memory of the process that did the work, from ``resource.getrusage``) and ``seconds``.

The work runs in a child of this small process: Linux carries a process's high-water mark across
``exec`` into its ``ru_maxrss``, so a worker started straight from a large test process would
report the test's memory, not its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv[0] != "--work":
        import subprocess

        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "tests.bomb_runner", "--work", *argv],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            return proc.returncode
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        got["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        got["seconds"] = round(time.perf_counter() - start, 2)
        print(json.dumps(got, ensure_ascii=False))
        return 0
    return _work(argv[1:])


def _work(argv: list[str]) -> int:
    start = time.perf_counter()
    refused: str | None = None
    if argv[0] == "bundle":
        from app.storage.errors import WorkspaceError
        from app.storage.workspace import Workspace
        from app.sync.merge import import_bundle

        with Workspace.open(Path(argv[1]), argv[2]) as ws:
            try:
                import_bundle(ws, Path(argv[3]))
            except WorkspaceError as exc:
                refused = str(exc)
    else:
        from app.services.tabular import TableReadError, read_table

        try:
            read_table(Path(argv[1]))
        except TableReadError as exc:
            refused = str(exc)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "refused": refused,
                "peak_mb": peak_kb / 1024,
                "seconds": round(time.perf_counter() - start, 2),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
