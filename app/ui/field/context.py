"""What every view of the window is given: the open workspace, the task runner, the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.services.settings import Settings
from app.storage.workspace import Workspace
from app.ui.tasks import TaskRunner


@dataclass
class VillageChoice:
    id: str
    name: str
    township: str


@dataclass
class AppContext:
    """Handed to each view factory (``MainWindow.add_view``) when the window opens or unlocks.

    ``ws`` is valid until the window locks; views must not keep it past ``MainWindow.locked``.
    """

    ws: Workspace
    runner: TaskRunner
    settings: Settings
    root: Path
    villages: list[VillageChoice] = field(default_factory=list)
