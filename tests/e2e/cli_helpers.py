"""Run ``python -m app`` as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def app_env(password: str | None = "pw", **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if password is not None:
        env["XUNCHA_PASSWORD"] = password
    env.update(extra)
    return env


def run_app(
    *args: str | Path, password: str | None = "pw", timeout: float = 300, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO,
        env=app_env(password, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
