"""``python -m app suggest``: JSON lines with Chinese track labels, pairs, the workspace's model,
one Chinese line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.e2e.cli_helpers import REPO, app_env, run_app

TEXTS = [
    "发票写三万，实际只用了八千",
    "村口的路灯坏了半年",
    "三会一课不正常",
    "",
    "你们来了好",
]


def test_one_json_line_per_problem_with_chinese_labels(tmp_path: Path) -> None:
    f = tmp_path / "问题.txt"
    f.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    result = run_app("suggest", f, password=None)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["track"] for r in rows] == ["直查快办", "立行立改", "对账销号", "待核实", "待核实"]
    assert rows[0]["category"] == "违纪违法问题线索" and rows[0]["subcategory"] is None
    assert "虚报（3万/8千）" in rows[0]["reason"] and rows[0]["receiving_body"] == "区纪委监委"
    assert rows[1]["subcategory"] == "电" and rows[1]["responsible_unit"] == "国网供电公司"
    assert rows[2]["category"] == "一般性问题" and rows[2]["subcategory"] == "党员教育"
    assert rows[4]["reason"].startswith("待核实：")
    assert result.stderr == ""


def test_standard_input_and_pairs() -> None:
    pairs = "三组的水渠漏水\t一组的水渠漏水\n村里水渠漏水严重\t那条渠道到处渗水\n"
    result = subprocess.run(
        [sys.executable, "-m", "app", "suggest", "--pairs", "-"],
        cwd=REPO,
        env=app_env(None),
        input=pairs,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"same": False, "reason": "不是同一问题：地点不同（3组/1组）"},
        {"same": True, "reason": "同一水渠、同一问题（渗漏）"},
    ]


def test_bad_input_gets_one_chinese_line(tmp_path: Path) -> None:
    missing = run_app("suggest", tmp_path / "none.txt", password=None)
    assert missing.returncode == 1 and missing.stderr.startswith("错误：找不到文件")
    assert len(missing.stderr.strip().splitlines()) == 1
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("路灯坏了".encode("gbk"))
    wrong = run_app("suggest", gbk, password=None)
    assert wrong.returncode == 1 and wrong.stderr.strip() == "错误：输入不是 UTF-8 编码的文本。"
    no_tab = tmp_path / "pairs.txt"
    no_tab.write_text("王某家的事情很复杂\n", encoding="utf-8")
    bad = run_app("suggest", "--pairs", no_tab, password=None)
    assert bad.returncode == 1 and "第1行" in bad.stderr and "王某" not in bad.stderr
    forget = run_app("suggest", "--forget", password=None)
    assert forget.returncode == 1 and "--data-dir" in forget.stderr


def test_with_a_workspace_its_learned_model_is_used_and_can_be_forgotten(tmp_path: Path) -> None:
    from datetime import date, datetime, time, timedelta

    from app.domain.vocabulary import SourceKind, Track, VisitMethod
    from app.services.settings import load_settings
    from app.services.wrapup.board import default_decision, load_board
    from app.services.wrapup.close import close_day, sort_problem
    from app.storage.models import Township, Village
    from app.storage.workspace import Workspace
    from tests.records import add_problem, add_visit

    root = tmp_path / "ws"
    day = date(2026, 11, 2)
    with Workspace.create(root, team_name="第一巡察组", leader="李组长", password="pw") as ws:
        with ws.session() as s:
            town = Township(code="01", name="城关镇", party_committee="城关镇党委")
            s.add(town)
            s.flush()
            v = Village(township_id=town.id, code="01001", name="甲村")
            s.add(v)
            s.commit()
            vid = v.id
        texts = ["垃圾池满了没人清", "垃圾堆在路边好几天", "垃圾没人拉走，臭得很"]
        settings = load_settings(ws)
        for n in range(2):
            d = day + timedelta(days=n)
            for text in texts:
                visit = add_visit(
                    ws,
                    village_id=vid,
                    occurred_at=datetime.combine(d, time(9)),
                    method=VisitMethod.GENERAL,
                    notes="走访。",
                ).record_id
                add_problem(
                    ws,
                    village_id=vid,
                    description=text,
                    raised_on=d,
                    source_kind=SourceKind.VISIT,
                    source_id=visit,
                )
            for row in load_board(ws, d).rows():
                decision = default_decision(
                    row.suggestion, d, settings, party_committee="城关镇党委", track=Track.LEDGER
                )
                sort_problem(ws, row.id, decision)
            close_day(ws, d, "pw")
    f = tmp_path / "new.txt"
    f.write_text("村西头的垃圾池满了，苍蝇成堆\n", encoding="utf-8")
    shipped = json.loads(run_app("suggest", f, password=None).stdout)
    learned = json.loads(run_app("--data-dir", root, "suggest", f).stdout)
    assert shipped["track"] == "立行立改"
    assert learned["track"] == "对账销号" and learned["learned"] is True
    assert learned["reason"].startswith("本组此前")
    forgot = run_app("--data-dir", root, "suggest", "--forget")
    assert forgot.returncode == 0 and "已清除研判学习记录6条" in forgot.stdout
    again = json.loads(run_app("--data-dir", root, "suggest", f).stdout)
    assert again == shipped
