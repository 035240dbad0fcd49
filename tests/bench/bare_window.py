"""A bare PySide6 window: shown, then the process exits (the yardstick for start-up)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("巡察台")
label.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
