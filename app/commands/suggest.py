"""``python -m app suggest FILE``: the evening reading for batch work (pre-sorting an imported
信访 list, office scripts).

- ``suggest FILE`` reads one problem text a line (UTF-8; ``-`` for standard input) and prints one
  JSON object a line: ``track`` (立行立改 / 直查快办 / 对账销号 / 待核实), ``category``,
  ``subcategory`` (null when there is none), ``reason`` (in words), and ``responsible_unit`` /
  ``receiving_body`` when the track has one. One output line per input line, empty ones included.
- ``suggest --pairs FILE`` reads ``text<TAB>text`` lines and prints ``{"same": true|false,
  "reason": …}`` for each.
- ``suggest --forget`` clears the workspace's learned model (the shipped knowledge again).

With ``--data-dir`` or ``--demo`` the workspace is opened (password from ``XUNCHA_PASSWORD`` or
asked) and its learned model is used; without, the shipped knowledge alone. Nothing is written
but standard output (and, for ``--forget``, the workspace).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from app.commands.common import EXIT_OK, Refused, open_workspace
from app.config import Environment


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "suggest",
        help="夜结研判：逐行读问题，输出建议的处置方式、类别和理由（JSON，每行一个）",
    )
    p.add_argument("file", nargs="?", help="UTF-8 文本文件，每行一个问题（- 为标准输入）")
    p.add_argument("--pairs", action="store_true", help="每行“文本<TAB>文本”，判断是否同一问题")
    p.add_argument(
        "--forget", action="store_true", help="清除工作区的研判学习记录（需 --data-dir）"
    )
    p.set_defaults(handler=cmd_suggest)


def _lines(name: str) -> Iterator[str]:
    stream: TextIO
    if name == "-":
        stream = sys.stdin
        close = False
    else:
        path = Path(name)
        if not path.is_file():
            raise Refused(f"找不到文件：{path}")
        stream = path.open(encoding="utf-8", newline="")
        close = True
    try:
        for line in stream:
            yield line.rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise Refused("输入不是 UTF-8 编码的文本。") from exc
    finally:
        if close:
            stream.close()


def _uses_workspace(args: argparse.Namespace) -> bool:
    return args.data_dir is not None or bool(args.demo)


def cmd_suggest(args: argparse.Namespace, env: Environment) -> int:
    from app.domain.learning import TeamModel
    from app.services.reading import load_reader, reset_learning, team_model

    if args.forget:
        if not _uses_workspace(args):
            raise Refused("清除学习记录需要工作区：请加 --data-dir 或 --demo。")
        with open_workspace(args, env) as ws:
            count = reset_learning(ws)
        print(f"已清除研判学习记录{count}条，此后按内置词库研判。")
        return EXIT_OK
    if not args.file:
        raise Refused("请给出要读的文件（- 为标准输入）。")
    model: TeamModel | None = None
    if _uses_workspace(args):
        with open_workspace(args, env) as ws:
            model = team_model(ws)
    reader = load_reader()
    out = sys.stdout
    if args.pairs:
        _pairs(args.file, reader, out)
    else:
        _suggestions(args.file, reader, model, out)
    return EXIT_OK


def _suggestions(name: str, reader: object, model: object, out: TextIO) -> None:
    from app.domain.learning import TeamModel
    from app.domain.reading import Reader
    from app.services.reading import suggestion_for

    assert isinstance(reader, Reader)
    assert model is None or isinstance(model, TeamModel)
    for line in _lines(name):
        s = suggestion_for(reader.read(line), model)
        record: dict[str, object] = {
            "track": s.track.label,
            "category": s.category.label if s.category is not None else None,
            "subcategory": s.subcategory.label if s.subcategory is not None else None,
            "reason": s.reason_zh,
        }
        if s.responsible_unit and s.track.value == "fix_now":
            record["responsible_unit"] = s.responsible_unit
        if s.receiving_body is not None:
            record["receiving_body"] = s.receiving_body.label
        if s.learned:
            record["learned"] = True
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def _pairs(name: str, reader: object, out: TextIO) -> None:
    from app.domain.merge import compare
    from app.domain.reading import Reader

    assert isinstance(reader, Reader)
    for number, line in enumerate(_lines(name), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise Refused(f"第{number}行应为用一个制表符隔开的两段文本。")
        result = compare(reader.read(parts[0]), reader.read(parts[1]))
        out.write(json.dumps({"same": result.same, "reason": result.reason}, ensure_ascii=False))
        out.write("\n")
        out.flush()
