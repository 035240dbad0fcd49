"""Shared helpers of the field-window GUI tests: a small demo workspace, a photo file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PIL import Image

from app.services.demo.build import DemoOptions, fill_demo
from app.storage.workspace import Workspace
from tests.conftest import PASSWORD

LEADER = "甲组长"
DAY = date(2026, 11, 27)


def demo_template(folder: Path) -> Path:
    root = folder / "template"
    if not root.exists():
        with Workspace.create(
            root, team_name="第一巡察组", leader=LEADER, password=PASSWORD, demo=True
        ) as ws:
            fill_demo(ws, DemoOptions(villages=6, days=2, until=DAY, seed=5))
    return root


def copy_workspace(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def photo_file(
    folder: Path, name: str = "现场照片.jpg", colour: tuple[int, int, int] = (40, 120, 60)
) -> Path:
    path = folder / name
    image = Image.new("RGB", (640, 480), colour)
    image.paste((200, 40, 40), (0, 0, 80, 80))
    image.save(path, "JPEG", quality=90)
    return path
