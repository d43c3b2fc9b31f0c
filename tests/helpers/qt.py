"""Waiting in the Qt event loop, as a person waits for a window to update."""
from __future__ import annotations

import time

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtTest import QTest


def wait_until(predicate, seconds: float) -> bool:
    """Spin the Qt event loop until *predicate* holds or *seconds* pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if predicate():
            return True
        QTest.qWait(20)
    QCoreApplication.processEvents()
    return predicate()
