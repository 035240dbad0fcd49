"""`villages import`, `channels import`, `triage`, `plan`, `notice` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import snapshot
from tests.e2e.cli_helpers import run_app
from tests.unit.services.registry.channel_files import REGISTRY, write_csv, write_xlsx


@pytest.fixture(scope="module")
def ws_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("registry")
    data = root / "ws"
    done = run_app("--data-dir", data, "init", "--team", "第一巡察组", "--leader", "李组长")
    assert done.returncode == 0, done.stderr
    names = write_csv(root / "名录.csv", REGISTRY, "gbk")
    done = run_app("--data-dir", data, "villages", "import", names)
    assert done.returncode == 0, done.stderr
    assert "新增乡镇 2 个；村（社区）新增 6" in done.stdout
    return data


def _one_line_error(done: object) -> str:
    assert done.returncode == 1  # type: ignore[attr-defined]
    lines = done.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    return lines[0]


def test_ambiguity_refuses_until_chosen_and_dry_run_writes_nothing(
    ws_dir: Path, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "petition.csv",
        [("乡镇（街道）", "村（社区）", "数量"), ("城关", "王庄村委会", 3), ("", "王庄", 1)],
        "gbk",
    )
    before = snapshot(ws_dir)
    done = run_app("--data-dir", ws_dir, "channels", "import", path, "--channel", "信访")
    assert "有 1 行无法确定是哪个村" in _one_line_error(done)
    assert "第 3 行　有歧义　信访问题集中村　王庄　多个乡镇有同名村，需填写乡镇" in done.stdout
    assert "候选：城关镇王庄村（411601001）、王店乡王庄村（411602001）" in done.stdout
    done = run_app(
        "--data-dir", ws_dir, "channels", "import", path, "--channel", "信访",
        "--choose", "3=411602001", "--dry-run",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "（预览，未写入）" in done.stdout
    assert snapshot(ws_dir) == before
    done = run_app(
        "--data-dir", ws_dir, "channels", "import", path, "--channel", "petition",
        "--choose", "3=411602001",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "已导入：名单 1 份，列入 2 条" in done.stdout


def test_bad_arguments(ws_dir: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [("村名",), ("李庄",)])
    done = run_app("--data-dir", ws_dir, "channels", "import", path)
    assert "无法确定“list.csv”是哪个渠道的名单" in _one_line_error(done)
    done = run_app("--data-dir", ws_dir, "channels", "import", path, "--channel", "天气")
    assert _one_line_error(done) == "错误：无法识别渠道“天气”"
    done = run_app("--data-dir", ws_dir, "channels", "import", path, "--choose", "x")
    assert "--choose 应写作 行号=村代码" in _one_line_error(done)
    done = run_app("--data-dir", ws_dir, "channels")
    assert done.returncode == 2


def test_triage_json_plan_and_notice(
    ws_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In-process (the same ``main`` the subprocess runs), to keep the test set fast."""
    monkeypatch.setenv("XUNCHA_PASSWORD", "pw")

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main(["--data-dir", str(ws_dir), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    path = write_xlsx(
        tmp_path / "汇总.xlsx",
        [("渠道", "乡镇", "村名"), ("大数据", "城关镇", "新村"), ("返贫", "王店乡", "张庄")],
    )
    assert run("channels", "import", path)[0] == 0
    code, out, _ = run("triage", "--json")
    assert code == 0
    rows = {f"{r['township']}{r['village']}": r for r in json.loads(out)}
    assert rows["城关镇新村"]["tier"] == "差"
    assert rows["城关镇新村"]["style"] == "重点巡察"
    assert rows["城关镇新村"]["channels"] == ["大数据比对违规违纪问题线索明显村"]
    assert rows["王店乡张庄村"]["tier"] == "中"
    assert rows["城关镇李庄村"] == rows["城关镇李庄村"] | {"tier": "好", "batch": None}
    code, out, _ = run("triage")
    assert "城关镇\t新村\t差\t重点巡察\t未排批次\t大数据比对违规违纪问题线索明显村" in out
    xlsx, pdf = tmp_path / "plan.xlsx", tmp_path / "plan.pdf"
    code, out, err = run("plan", "--suggest", "--save", "--xlsx", xlsx, "--pdf", pdf)
    assert code == 0, err
    assert xlsx.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")
    code, out, _ = run("triage", "--json")
    assert json.loads(out)[0]["batch"] is not None
    out_pdf = tmp_path / "notice.pdf"
    code, _, err = run("notice", "--village", "城关镇新村", "--out", out_pdf)
    assert code == 1 and err.strip().count("\n") == 0
    assert "公告缺少联系电话" in err
    assert not out_pdf.exists()
