"""The frozen one-folder program (PyInstaller): built once, then used as an inspector would.

Run alone with ``pytest -m frozen``. The build takes about a minute; CI runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO, app_env, run_app

pytestmark = [pytest.mark.frozen, pytest.mark.slow]

EXE = REPO / "dist" / "XunchaDesk" / ("xunchadesk-cli.exe" if os.name == "nt" else "XunchaDesk")
SIZE_LIMIT_MB = 180  # 150 before the office server (libpq, 10 MB) and jieba (dict, 5 MB)


@pytest.fixture(scope="module")
def frozen() -> Path:
    done = subprocess.run(
        [sys.executable, str(REPO / "build" / "build.py")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert EXE.exists()
    print(done.stdout.strip().splitlines()[-1])
    return EXE


def run_frozen(
    exe: Path, *args: str | Path, password: str = "pw", **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *map(str, args)],
        env=app_env(password, **extra),
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def test_frozen_program_works_and_shares_workspaces(frozen: Path, tmp_path: Path) -> None:
    kit_pw = {"XUNCHA_KIT_PASSWORD": "kit-pw"}
    office, team, kit = tmp_path / "office", tmp_path / "team", tmp_path / "team.kit"
    # the office is made and provisions a team with the frozen program …
    done = run_frozen(
        frozen,
        "--data-dir",
        office,
        "init",
        "--office",
        "--team",
        "区委巡察办",
        "--leader",
        "王主任",
    )
    assert done.returncode == 0, done.stderr
    done = run_frozen(
        frozen, "--data-dir", office, "team-kit", "--team", "第一巡察组", "--out", kit, **kit_pw
    )
    assert done.returncode == 0, done.stderr
    # … a team laptop fills a demo with python -m app (workspaces are shared both ways) …
    demo = run_app(
        "--data-dir",
        team,
        "demo",
        "--kit",
        kit,
        "--villages",
        "8",
        "--days",
        "3",
        "--until",
        "2026-11-27",
        XUNCHA_KIT_PASSWORD=kit_pw["XUNCHA_KIT_PASSWORD"],
    )
    assert demo.returncode == 0, demo.stderr

    # … and the frozen program opens the window on it, checks it, prints and exports
    smoke = run_frozen(frozen, "--data-dir", team, "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.strip().startswith("ready in ")
    check = run_frozen(frozen, "--data-dir", team, "check")
    assert check.returncode == 0 and "检查通过" in check.stdout, check.stderr
    out = tmp_path / "papers"
    report = run_frozen(frozen, "--data-dir", team, "wrapup", "--date", "2026-11-26", "--out", out)
    assert report.returncode == 0, report.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert pdfs and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    fonts = subprocess.run(["pdffonts", str(pdfs[0])], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in r for r in rows)  # every font embedded
    bundle = tmp_path / "team.xdsb"
    exported = run_frozen(frozen, "--data-dir", team, "export-bundle", "--out", bundle)
    assert exported.returncode == 0, exported.stderr
    imported = run_app("--data-dir", office, "import-bundle", bundle)
    assert imported.returncode == 0, imported.stderr
    assert "冲突 0" in imported.stdout

    # the frozen program fills a demo itself, with photos through Pillow, and refuses in one line
    own = tmp_path / "frozen-demo"
    demo2 = run_frozen(
        frozen, "--data-dir", own, "demo", "--villages", "6", "--days", "2", "--until", "2026-11-27"
    )
    assert demo2.returncode == 0, demo2.stderr
    assert "照片" in demo2.stdout
    stats = run_app("--data-dir", own, "stats", "--json")
    assert stats.returncode == 0 and '"attachment"' in stats.stdout
    wrong = run_frozen(frozen, "--data-dir", own, "stats", password="wrong")
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1


def test_frozen_folder_is_lean(frozen: Path) -> None:
    folder = frozen.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"one-folder build: {size / 1e6:.1f} MB")
    assert size / 1e6 < SIZE_LIMIT_MB
    translations = [p.name for p in folder.rglob("*.qm") if "PySide6" in str(p)]
    assert translations == ["qtbase_zh_CN.qm"]
    libs = {p.name for p in folder.rglob("libQt6*")}
    assert not {n for n in libs if "Qml" in n or "Quick" in n}
    if sys.platform.startswith("linux"):  # every Qt library a kept binary links is there
        present = {p.name for p in folder.rglob("*.so*")}
        for so in folder.rglob("*.so*"):
            if so.is_symlink():
                continue
            dyn = subprocess.run(["readelf", "-d", str(so)], capture_output=True, text=True)
            needed = {
                line.split("[", 1)[1].rstrip("]")
                for line in dyn.stdout.splitlines()
                if "(NEEDED)" in line
            }
            missing = {n for n in needed if n.startswith("libQt6") and n not in present}
            assert not missing, f"{so.name} needs {missing}"
