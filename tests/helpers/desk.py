"""Driving the case queue dock as a person does (tests/gui): clicks on rows and headers, the action
buttons a person sees, the dialogs a click opens answered in order, Chinese typed through the input
method, and small stores of cases replayed at past times."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from qgis.PyQt.QtCore import QCoreApplication, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QPushButton

from citygrid_plugin.store.cases import act, report_case

CST = timezone(timedelta(hours=8))
DEFAULT_WIDTH = 435   # the dock's width when QGIS first docks it on the right


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def dock_for(qgis_iface, target, roles, width=DEFAULT_WIDTH, height=900):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    dock = CaseQueueDock(qgis_iface, target, roles=roles, live=False)
    dock.resize(width, height)
    dock.show()
    settle()
    return dock


def column(name: str) -> int:
    from citygrid_plugin.gui.docks.case_queue import COLUMNS

    return COLUMNS.index(name)


def cells(table, name: str) -> list[str]:
    return [table.item(r, column(name)).text() for r in range(table.rowCount())]


def click_header(table, name: str) -> None:
    header = table.horizontalHeader()
    c = column(name)
    x = header.sectionViewportPosition(c) + header.sectionSize(c) // 2
    QTest.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    settle()


def click_row(table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, column("case_no")))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    settle()


def action_buttons(dock) -> dict[str, QPushButton]:
    """The action buttons a person sees for the selected case, by the action their text names."""
    from citygrid_plugin.core.workflow import ACTIONS
    from citygrid_plugin.gui.docks.case_detail import action_title

    labels = {action_title(a): a for a in (*ACTIONS, "assist_note")}
    shown = [b for b in dock.findChildren(QPushButton) if b.isVisibleTo(dock) and b.text() in labels]
    actions = [labels[b.text()] for b in shown]
    assert len(actions) == len(set(actions)), f"one button per action: {actions}"
    return dict(zip(actions, shown))


class Dialogs:
    """Answers the dialogs a click opens, in order, as a person would, and notes what they asked."""

    def __init__(self, answers) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []
        self.error: BaseException | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        if self.error is not None:   # after a failed answer, close whatever opens (a dialog under it too)
            widget.reject()
            return
        try:  # an exception may not leave a Qt slot (PyQt aborts): keep it for the test, close the dialog
            if not self.answers:
                raise AssertionError(f"an unexpected dialog: {widget.windowTitle()!r} {widget}")
            self.answers.pop(0)(widget, self)
        except BaseException as exc:  # noqa: BLE001
            self.error = exc
            widget.reject()


def type_text(widget, text: str) -> None:
    """Type *text* into *widget* as a person does: Latin letters and digits on the keyboard, Chinese
    through the input method (its commit string; QTest's key clicks know ASCII only)."""
    from qgis.PyQt.QtGui import QInputMethodEvent

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget.focusProxy() or widget, event)


def note(text: str):
    """Type *text* as the action's note (作废原因, 处置结果 …) and press the dialog's OK."""
    def answer(dialog, dialogs):
        from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

        assert isinstance(dialog, ActionDialog), dialog
        assert dialog.note_edit is not None, "the action asks for no note"
        dialogs.asked.append(("input", dialog.windowTitle()))
        type_text(dialog.note_edit, text)
        assert dialog.note_edit.toPlainText() == text
        assert dialog.ok_button.isEnabled(), dialog.missing.text()
        dialog.ok_button.click()
    return answer


def proceed(dialog, dialogs):
    """Press OK in an action dialog that asks nothing more (立案 in the general case, 结案: the
    command manual's standard is read, nothing typed)."""
    from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

    assert isinstance(dialog, ActionDialog), dialog
    dialogs.asked.append(("input", dialog.windowTitle()))
    assert dialog.ok_button.isEnabled(), dialog.missing.text()
    dialog.ok_button.click()


def press(button):
    def answer(box, dialogs):
        assert isinstance(box, QMessageBox), box
        dialogs.asked.append(("question", box.text()))
        assert box.defaultButton() is box.button(QMessageBox.No), "No must be the default answer"
        box.button(button).click()
    return answer


@contextmanager
def answering(*answers):
    dialogs = Dialogs(answers)
    dialogs.timer.start()
    try:
        yield dialogs
    finally:
        dialogs.timer.stop()
    if dialogs.error is not None:
        raise dialogs.error
    assert dialogs.answers == [], "a dialog that should have been asked was not"


def state_of(conn, case_id: int) -> tuple[str, int]:
    with conn.cursor() as cur:
        cur.execute("SELECT state, (SELECT count(*) FROM citygrid.case_action a WHERE a.case_id = c.id) "
                    "FROM citygrid.work_case c WHERE id = %s", (case_id,))
        row = cur.fetchone()
    conn.rollback()
    return row


def replay(conn, description, cls, x, y, reported, steps, source="监督员上报"):
    """A case reported and acted at the given past times (the store owner replays history)."""
    c = report_case(conn, source, "event", cls, description, x, y, at=reported)
    for action, role, at, *extra in steps:
        c = act(conn, c.id, action, role, c.version, at=at, **(extra[0] if extra else {}))
    return c


def dispatched(conn, description, cls, x, y, days_ago: float):
    at = datetime.now(CST) - timedelta(days=days_ago, minutes=20)
    return replay(conn, description, cls, x, y, at, [
        ("accept", "operator", at + timedelta(minutes=5)), ("register", "shift_leader", at + timedelta(minutes=10)),
        ("dispatch", "dispatcher", at + timedelta(minutes=15), {"data": {"department": "HW"}})])
