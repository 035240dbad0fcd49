"""Errors that tell the truth and leak nothing: each failure the issue found, forced as a user
meets it (``python -m app`` in a fresh process), ends in exit status 1, one line of Chinese on
stderr, no traceback, no data — a name planted in the workspace or the file never appears — and
one entry in the workspace's own encrypted log.

Disk-full cases run on a real full file system: a small tmpfs mounted for the test (CI runs as
root; elsewhere these tests are skipped, saying why).
"""

from __future__ import annotations

import contextlib
import csv
import shutil
import subprocess
import uuid
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import app.sync.kit as kitmod
from app.domain.vocabulary import VisitMethod
from app.storage import keyfile
from app.storage.engine import connect_raw
from app.storage.models import Person, Township, Village, Visit, VisitPerson
from app.storage.workspace import Workspace
from app.sync.export import export_bundle
from app.sync.identity import issue_team_kit, join_with_kit
from tests.e2e.cli_helpers import run_app
from tests.unit.sync.conftest import CheapKdf, make_office

PLANTED = "欧阳秘密人"
"""A name that must never be printed or logged: it is in the workspace and in the files."""
PW = "pw"


def _one_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "parameters" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), done.stderr
    assert PLANTED not in done.stderr and PLANTED not in done.stdout
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def _logged(root: Path, line: str) -> dict[str, Any]:
    """The failure is the last entry of the workspace's log; the file holds no plain text."""
    from app.storage.errorlog import log_path, read_log

    raw = log_path(root).read_bytes()
    assert PLANTED.encode() not in raw and line.removeprefix("错误：").encode() not in raw
    with contextlib.ExitStack() as stack:
        ws = stack.enter_context(Workspace.open(root, PW))
        got = read_log(root, ws.db_key)
    assert got.complete and got.records
    last = got.records[-1]
    assert last["message"] == line.removeprefix("错误："), last
    assert PLANTED not in repr(got.records)
    return last


def _init(root: Path) -> None:
    assert run_app("--data-dir", root, "init", "--team", "一组", "--leader", "李").returncode == 0


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def ws_dir(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    _init(root)
    _plant(root)
    return root


def _plant(root: Path) -> None:
    """A village and a protected person with the planted name."""
    with Workspace.open(root, PW) as ws, ws.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name=f"{PLANTED}村")
        s.add(village)
        s.flush()
        s.add(Person(name=PLANTED, village_id=village.id, protected=True))
        s.commit()


# -- files built to break the reader --------------------------------------------------------------


def test_a_million_character_cell(ws_dir: Path, tmp_path: Path):
    big = _csv(
        tmp_path / "big.csv", [["乡镇", "村名", "备注"], ["城关镇", PLANTED, "x" * 1_000_000]]
    )
    line = _one_line(run_app("--data-dir", ws_dir, "villages", "import", big), "超过 10000 字")
    _logged(ws_dir, line)
    _one_line(
        run_app("--data-dir", ws_dir, "channels", "import", big, "--channel", "信访"),
        "超过 10000 字",
    )


def test_an_xlsx_entity_bomb(ws_dir: Path, tmp_path: Path):
    path = tmp_path / "bomb.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["乡镇", "村名"])
    wb.save(path)
    entities = "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a0 "{PLANTED}">{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts["xl/worksheets/sheet1.xml"] = bomb.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    line = _one_line(run_app("--data-dir", ws_dir, "villages", "import", path), "XML 实体声明")
    _logged(ws_dir, line)


def test_a_nul_in_a_village_name_never_breaks_plan_xlsx(ws_dir: Path, tmp_path: Path):
    nul = _csv(tmp_path / "nul.csv", [["乡镇", "村名"], ["城关镇", "王\x00庄村"]])
    done = run_app("--data-dir", ws_dir, "villages", "import", nul)
    assert done.returncode == 0, done.stderr
    # and a name stored with a NUL before this fix (raw SQL: the old importer let it through)
    with Workspace.open(ws_dir, PW) as ws, ws.raw_connection() as conn:
        conn.execute("UPDATE village SET name = ? WHERE name LIKE '%欧阳%'", ("李\x00庄村",))
    out = tmp_path / "plan.xlsx"
    done = run_app("--data-dir", ws_dir, "plan", "--suggest", "--save", "--xlsx", out)
    assert done.returncode == 0, done.stderr
    cells = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    names = " ".join(str(c) for c in cells if c)
    assert "王庄村" in names and "李庄村" in names and "\x00" not in names


# -- the registry lists ---------------------------------------------------------------------------


def test_a_channel_list_that_matches_nothing_is_refused_unless_asked(ws_dir: Path, tmp_path: Path):
    skipped = _csv(
        tmp_path / "skip.csv", [["乡镇", "村名", "渠道"], ["", "", "信访"], ["合计", "", ""]]
    )
    line = _one_line(
        run_app("--data-dir", ws_dir, "channels", "import", skipped, "--channel", "信访"),
        "没有一行能列入",
        "--allow-empty",
    )
    _logged(ws_dir, line)
    history = run_app("--data-dir", ws_dir, "channels", "history")
    assert "尚未导入任何名单" in history.stdout
    done = run_app(
        "--data-dir", ws_dir, "channels", "import", skipped, "--channel", "信访", "--allow-empty"
    )
    assert done.returncode == 0, done.stderr


def test_duplicated_headers_say_which_column_was_used(ws_dir: Path, tmp_path: Path):
    dup = _csv(tmp_path / "dup.csv", [["乡镇", "村名", "村名"], ["城关镇", "王庄村", "李庄村"]])
    done = run_app("--data-dir", ws_dir, "villages", "import", dup, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "表头有 2 列都表示村名（第 2 列“村名”、第 3 列“村名”），使用第 2 列“村名”" in done.stdout
    done = run_app(
        "--data-dir", ws_dir, "channels", "import", dup, "--channel", "信访", "--dry-run"
    )
    assert done.returncode == 0, done.stderr
    assert "使用第 2 列“村名”，其余列未读取" in done.stdout


# -- a lock held by another program ---------------------------------------------------------------


@pytest.mark.slow
def test_a_locked_database_is_one_line(ws_dir: Path, tmp_path: Path):
    names = _csv(tmp_path / "v.csv", [["乡镇", "村名"], ["城关镇", f"{PLANTED}新村"]])
    with Workspace.open(ws_dir, PW) as ws:
        key = ws.db_key
    holder = connect_raw(ws_dir / "workspace.db", key)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE township SET code = code")
    try:
        done = run_app("--data-dir", ws_dir, "villages", "import", names)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = _one_line(done)
    assert "另一个" in line or "锁" in line, line
    _logged(ws_dir, line)


# -- an unexpected error --------------------------------------------------------------------------


def test_an_internal_error_is_one_line_and_its_message_is_not_kept(
    ws_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    import sqlalchemy.exc
    import sqlcipher3

    from app import cli
    from app.services import stats

    def boom(*_a: object, **_k: object) -> None:
        raise sqlalchemy.exc.IntegrityError(
            "INSERT INTO person (name) VALUES (?)",
            (PLANTED,),
            sqlcipher3.IntegrityError("NOT NULL constraint failed: person.name"),
        )

    monkeypatch.setenv("XUNCHA_PASSWORD", PW)
    monkeypatch.setattr(stats, "row_counts", boom)
    assert cli.main(["--data-dir", str(ws_dir), "stats"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("错误：") and PLANTED not in err, err
    assert "约束" in err
    last = _logged(ws_dir, err.strip())
    assert last["sqlite"] == "SQLITE_CONSTRAINT" and "sqlalchemy.exc.IntegrityError" in str(
        last["types"]
    )

    def crash(*_a: object, **_k: object) -> None:
        raise RuntimeError(f"unexpected {PLANTED}")

    monkeypatch.setattr(stats, "row_counts", crash)
    assert cli.main(["--data-dir", str(ws_dir), "stats"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：程序内部错误") and PLANTED not in err
    assert _logged(ws_dir, err.strip())["types"] == ["builtins.RuntimeError"]


# -- a full disk ----------------------------------------------------------------------------------


@contextlib.contextmanager
def _tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"a small file system cannot be mounted here (needs root): {done.stderr}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(fs: Path, leave: int = 0) -> Path:
    """Fill ``fs`` but ``leave`` bytes."""
    filler = fs / "filler"
    free = shutil.disk_usage(fs).free - leave
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        while free > 0:
            n = min(free, 1 << 20)
            fh.write(b"\0" * n)
            free -= n
        fh.flush()
    return filler


def test_zero_bytes_free_at_open_says_disk_full(ws_dir: Path, tmp_path: Path):
    size = sum(p.stat().st_size for p in ws_dir.rglob("*") if p.is_file()) // 1024 + 512
    with _tmpfs(tmp_path / "full", size) as fs:
        shutil.copytree(ws_dir, fs / "ws")
        filler = _fill(fs)
        assert shutil.disk_usage(fs).free < 4096
        line = _one_line(run_app("--data-dir", fs / "ws", "stats"), "磁盘已满", "腾出")
        assert "损坏" not in line.replace("没有损坏", "")
        filler.unlink()
        assert run_app("--data-dir", fs / "ws", "stats").returncode == 0  # nothing was damaged
        _logged(fs / "ws", line)


def test_disk_full_during_backup(ws_dir: Path, tmp_path: Path):
    with _tmpfs(tmp_path / "usb", 256) as usb:
        out = usb / "backup.db"
        line = _one_line(run_app("--data-dir", ws_dir, "backup", "--out", out), "磁盘已满")
        assert not out.exists() and not list(usb.glob("*.part"))
        _logged(ws_dir, line)


@pytest.fixture
def office_and_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """An office, and a bundle from one of its teams with many rows naming the planted person."""
    monkeypatch.setattr(keyfile, "KdfParams", CheapKdf)
    monkeypatch.setattr(kitmod, "KdfParams", CheapKdf)
    office = make_office(tmp_path / "office")
    issue_team_kit(office, "第一巡察组", "kit", tmp_path / "k.kit")
    office.close()
    team = join_with_kit(tmp_path / "team", tmp_path / "k.kit", "kit", leader="李", password=PW)
    with team.session() as s:
        town = Township(name="城关镇")
        s.add(town)
        s.flush()
        village = Village(township_id=town.id, name="王庄村")
        s.add(village)
        s.flush()
        person = Person(name=PLANTED, village_id=village.id, protected=True)
        s.add(person)
        s.flush()
        for i in range(400):
            visit = Visit(
                village_id=village.id,
                occurred_at=datetime(2026, 11, 20, 9, 30),
                method=VisitMethod.GENERAL,
                place="村委会",
                notes=f"{PLANTED}反映的情况 {i} " + uuid.uuid4().hex * 20,
            )
            s.add(visit)
            s.flush()
            s.add(VisitPerson(visit_id=visit.id, person_id=person.id, role="反映人"))
        s.commit()
    bundle = export_bundle(team, tmp_path / "b.xdsb").path
    team.close()
    return tmp_path / "office", bundle


def test_disk_full_during_import(office_and_bundle: tuple[Path, Path], tmp_path: Path):
    office, bundle = office_and_bundle
    size = sum(p.stat().st_size for p in office.rglob("*") if p.is_file()) // 1024 + 1024
    with _tmpfs(tmp_path / "full", size) as fs:
        shutil.copytree(office, fs / "office")
        # room to open the workspace (its WAL index), not to take the bundle's rows
        filler = _fill(fs, leave=160 * 1024)
        line = _one_line(run_app("--data-dir", fs / "office", "import-bundle", bundle), "磁盘已满")
        filler.unlink()
        check = run_app("--data-dir", fs / "office", "check")
        assert check.returncode == 0, check.stderr  # all or nothing: nothing was written
        stats = run_app("--data-dir", fs / "office", "stats", "--json")
        assert '"visit": 0' in stats.stdout
        last = _logged(fs / "office", line)
        assert any("app.sync.merge" in f for f in last["frames"]), last  # during the import
        assert last["sqlite"] == "SQLITE_FULL" or last["errno"] == "ENOSPC", last


def test_the_log_is_sealed_and_chained(ws_dir: Path):
    from app.storage import errorlog
    from app.storage.errorlog import log_path, read_log

    with Workspace.open(ws_dir, PW) as ws:
        key = ws.db_key
    for i in range(3):
        assert errorlog.log_failure(f"第{i}次失败", RuntimeError(PLANTED), command="test")
    raw = log_path(ws_dir).read_bytes()
    assert "第0次失败".encode() not in raw and PLANTED.encode() not in raw
    got = read_log(ws_dir, key)
    assert [r["message"] for r in got.records] == ["第0次失败", "第1次失败", "第2次失败"]
    assert got.complete and all(PLANTED not in repr(r) for r in got.records)
    # a record changed: the chain stops there and says so
    damaged = bytearray(raw)
    damaged[40] ^= 1
    log_path(ws_dir).write_bytes(bytes(damaged))
    assert read_log(ws_dir, key).records == [] and not read_log(ws_dir, key).complete
    # another workspace's key reads nothing
    assert read_log(ws_dir, bytes(32)).records == []
