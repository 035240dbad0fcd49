"""The views of the main window, in the order of its left navigation: the one table of them.

Each row names the module and the factory that builds the view (``factory(ctx) -> QWidget``,
where the widget follows :class:`app.ui.context.View`). A view's module is imported only when the
view is first shown, so start-up pays only for the first view.

To add a view: write ``app/ui/<area>/`` with a ``create(ctx)`` factory and its
``<area>_zh_CN.ts``/``.qm``, and add one row here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import AppContext


def _tr(context: str, text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate(context, text)


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: Callable[[], str]
    """The navigation title, translated when the window is built."""
    module: str
    factory: str = "create"

    def build(self, ctx: AppContext) -> QWidget:
        make: Callable[[AppContext], QWidget] = getattr(
            importlib.import_module(self.module), self.factory
        )
        return make(ctx)


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("field", _tr("MainWindow", "Field work"), "app.ui.field"),
    ViewSpec("wrapup", _tr("Wrapup", "Evening wrap-up"), "app.ui.wrapup"),
    ViewSpec("sync", _tr("Sync", "Sync"), "app.ui.sync"),
    ViewSpec("registry", _tr("RegistryView", "Villages & triage"), "app.ui.registry"),
    ViewSpec("followup", _tr("Followup", "Follow-up"), "app.ui.followup"),
)
