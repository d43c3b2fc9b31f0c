"""The command manual (指挥手册) where people work (issue 16, item 2), over real password logins
(QGIS connections whose passwords sit in QGIS's authentication database):

- the operator chooses a class in the report dialog and reads its 立案标准 (管理要点 folded away),
  its limits from the manual and its situations (情形);
- the shift leader registers a case reading the 立案标准 and choosing the situation 5吨以上: the
  store's case has that situation, its dispatch deadline follows the situation's 30 分钟 and,
  once dispatched, its handling deadline the situation's 24 小时;
- the dispatcher and the department read the 处置标准 and the handling limit in force for the case
  (派遣, 处置完成); the supervisor and the shift leader the 结案标准 (核查, 结案); the case detail
  shows the situation, the manual version and the standard of the case's state;
- a class the manual says nothing about shows "Not set in the command manual", offers no situation
  and registers the general case.

Every step clicks, types and picks as a person does and reads what the screens show and what the
store holds; the manual is put in through store.manual.apply (tests/helpers/manual.py)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.desk import (
    CST,
    action_buttons,
    answering,
    cells,
    click_row,
    press,
    settle,
    state_of,
    type_text,
)
from tests.helpers.manual import CLOSE, HANDLING, LARGE, POINTS, REGISTER, SMALL, apply_example_manual
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store

NOT_SET = "Not set in the command manual"
POSTS = {  # key: (roles, name, department)
    "op": (["operator"], "王受理", None),
    "sl": (["shift_leader"], "李值班", None),
    "sv": (["supervisor"], "赵监督", None),
    "dp": (["dispatcher"], "陈派遣", None),
    "hw": (["department"], "环卫所处置员", "HW"),
}


@pytest.fixture
def posts(qgis_app, cluster, fresh_db):
    """A case store holding the example's manual page (暴露垃圾), one login per post with its
    password in QGIS's auth database and a QGIS connection each: (owner connection, targets by
    post, logins by post, manual version)."""
    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    setup_roles(conn)
    version = apply_example_manual(conn)
    tag = uuid.uuid4().hex[:5]
    logins, targets = {}, {}
    p = cluster.client_params(fresh_db)
    for key, (roles, name, department) in POSTS.items():
        logins[key] = f"cgm_{tag}_{key}"
        save_user(conn, logins[key], roles, name, department=department, password=PASSWORD)
        connection = f"citygrid-manual-{key}-{tag}"
        save_connection(connection, p["host"], p["port"], p["dbname"], logins[key],
                        authcfg=auth_config(logins[key], PASSWORD))
        targets[key] = StoreTarget("connection", connection)
    yield conn, targets, logins, version
    for target in targets.values():
        delete_connection(target.name)
    conn.rollback()
    with conn.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()
    conn.close()


def dock_as(qgis_iface, target):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    dock = CaseQueueDock(qgis_iface, target, live=False)
    dock.resize(435, 900)
    dock.show()
    settle()
    return dock


def open_tab(dock, tab: str):
    dock.tabs.setCurrentWidget(dock.pages[tab])
    settle()
    return dock.tables[tab]


def one(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    conn.rollback()
    return row


def action_at(conn, case_id: int, action: str) -> datetime:
    return one(conn, "SELECT at FROM citygrid.case_action WHERE case_id = %s AND action = %s ORDER BY id DESC "
                     "LIMIT 1", (case_id, action))[0]


def accepted(conn, description: str, cls: str = "0102", x: float = 50, y: float = 150):
    """A supervisor's report (trusted), accepted by the operator: waiting to be registered."""
    c = report_case(conn, "监督员上报", "event", cls, description, x, y)
    return act(conn, c.id, "accept", "operator", c.version)


def photo_file(path) -> str:
    image = QImage(640, 480, QImage.Format_RGB32)
    image.fill(QColor("#3a7d44"))
    assert image.save(str(path), "PNG")
    return str(path)


def shows_standard(box, title: str, text: str) -> None:
    """A standard as a person reads it: a heading over a read-only text that wraps and scrolls."""
    assert box.isVisible() and box.heading.isVisible()
    assert box.heading.text() == title
    assert isinstance(box.text, QPlainTextEdit) and box.text.isReadOnly() and box.text.isVisible()
    assert box.text.lineWrapMode() == QPlainTextEdit.WidgetWidth
    assert box.plain() == text


def detail_text(dock) -> str:
    return " ".join(dock.detail.toPlainText().split())


# -- 受理登记: the class's 立案标准 ---------------------------------------------------------------------------
def pick_class(dialog, typed: str, shown: str) -> None:
    """Type *typed* into the class field and click the entry *shown* in the list it opens."""
    dialog.class_edit.clear()
    type_text(dialog.class_edit, typed)
    settle()
    popup = dialog.completer.popup()
    assert popup.isVisible(), "typing a class name opens the list of matching classes"
    model = popup.model()
    entries = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown in entries, entries
    index = model.index(entries.index(shown), 0)
    popup.scrollTo(index)
    QTest.mouseClick(popup.viewport(), Qt.LeftButton, Qt.NoModifier, popup.visualRect(index).center())
    settle()


def test_the_report_dialog_shows_the_registration_standard_of_the_class_chosen(posts):
    from citygrid_plugin.gui.dialogs.report_dialog import ReportDialog

    _conn, targets, _logins, _version = posts
    dialog = ReportDialog(targets["op"])
    dialog.show()
    settle()
    try:
        assert "Pick a class" in dialog.register_box.plain()
        pick_class(dialog, "暴露", "暴露垃圾（0102）")
        assert dialog.cls["code"] == "0102"
        assert dialog.messages() == []          # the class and its manual page were read
        shows_standard(dialog.register_box, "Registration standard", REGISTER)
        # the limits are the manual's (派遣 90 分钟, 处置 4 工作时), with its situations
        limits = dialog.limits_label.text()
        assert "dispatch 90 分钟" in limits and "handling 4 工作时" in limits, limits
        assert f"{SMALL} · handling 4 工作时" in limits and f"{LARGE} · dispatch 30 分钟 · handling 24 小时" in limits
        # 管理要点: folded away, in the tooltip; a click unfolds them
        assert not dialog.points_box.isVisible()
        assert dialog.points_button.isVisible() and dialog.points_button.text() == "Management points"
        assert dialog.points_button.toolTip() == POINTS
        QTest.mouseClick(dialog.points_button, Qt.LeftButton)
        settle()
        assert dialog.points_box.isVisible() and dialog.points_box.plain() == POINTS
        # a class the manual says nothing about: said so, not an empty box
        pick_class(dialog, "0505", "机动车乱停放（0505）")
        assert dialog.cls["code"] == "0505"
        shows_standard(dialog.register_box, "Registration standard", NOT_SET)
        assert dialog.points_box.plain() == NOT_SET
        assert "Situations" not in dialog.limits_label.text()
        # and back: the page of 暴露垃圾 again
        pick_class(dialog, "暴露", "暴露垃圾（0102）")
        assert dialog.register_box.plain() == REGISTER
    finally:
        dialog.reject()
        dialog.shutdown()


# -- 立案 with a situation, 派遣 ---------------------------------------------------------------------------
def test_the_shift_leader_registers_as_5_tonnes_and_over_and_the_deadlines_follow(qgis_iface, posts):
    conn, targets, _logins, version = posts
    c = accepted(conn, "路边倾倒建筑垃圾约 8 吨")
    dock = dock_as(qgis_iface, targets["sl"])
    try:
        table = open_tab(dock, "register")
        click_row(table, cells(table, "case_no").index(c.case_no))
        # the detail: general case so far, the manual version, the 立案标准 of a case not yet registered
        text = detail_text(dock)
        assert "Situation：General case" in text
        assert f"Command manual：version {version} (in force when reported)" in text
        assert "Registration standard" in text and REGISTER in text

        offered = {}

        def register(dialog, dialogs):
            from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

            assert isinstance(dialog, ActionDialog), dialog
            shows_standard(dialog.standard_box, "Registration standard", REGISTER)
            combo = dialog.variant_box
            assert combo.isVisible() and combo.isEnabled()
            offered["items"] = [combo.itemText(i) for i in range(combo.count())]
            assert combo.currentIndex() == 0                # the general case unless chosen
            combo.setFocus()
            combo.setCurrentIndex(combo.findData(LARGE))      # the shift leader picks 5吨以上
            assert dialog.data == {"variant": LARGE}
            dialog.ok_button.click()

        with answering(register, press(QMessageBox.Yes)) as dialogs:
            action_buttons(dock)["register"].click()
        assert offered["items"] == ["General (no situation)", f"{SMALL} · handling 4 工作时",
                                    f"{LARGE} · dispatch 30 分钟 · handling 24 小时"]
        assert dialogs.asked[-1][0] == "question"          # 立案 is still confirmed
        assert state_of(conn, c.id)[0] == "registered"
    finally:
        dock.shutdown()
    variant, stage, deadline = one(conn, "SELECT variant, stage, stage_deadline FROM citygrid.work_case "
                                         "WHERE id = %s", (c.id,))
    assert variant == LARGE and stage == "dispatch"
    registered_at = action_at(conn, c.id, "register")
    assert abs(deadline - (registered_at + timedelta(minutes=30))) < timedelta(seconds=1)  # 5吨以上: 30 分钟

    dock = dock_as(qgis_iface, targets["dp"])
    try:
        table = open_tab(dock, "dispatch")
        click_row(table, cells(table, "case_no").index(c.case_no))
        text = detail_text(dock)
        assert f"Situation：{LARGE}" in text and "Handling standard" in text and HANDLING in text
        assert "Handling time limit：24 小时" in text

        def dispatch(dialog, dialogs):
            shows_standard(dialog.standard_box, "Handling standard", HANDLING)
            assert dialog.variant_box is None
            limit = dialog.limit_label.text()
            assert dialog.limit_label.isVisible() and "24 小时" in limit and LARGE in limit, limit
            assert dialog.department_box.currentData() == "HW"
            dialog.ok_button.click()

        with answering(dispatch):
            action_buttons(dock)["dispatch"].click()
        assert state_of(conn, c.id)[0] == "dispatched"
    finally:
        dock.shutdown()
    handle_deadline, stage_deadline = one(conn, "SELECT handle_deadline, stage_deadline FROM citygrid.work_case "
                                                "WHERE id = %s", (c.id,))
    dispatched_at = action_at(conn, c.id, "dispatch")
    assert abs(handle_deadline - (dispatched_at + timedelta(hours=24))) < timedelta(seconds=1)  # 24 小时
    assert stage_deadline == handle_deadline


# -- 处置完成, 核查, 结案 --------------------------------------------------------------------------------------
def test_the_department_reads_the_handling_standard_and_the_check_and_close_the_closing_standard(qgis_iface, posts,
                                                                                                  tmp_path):
    conn, targets, _logins, _version = posts
    c = accepted(conn, "小区门口垃圾堆放约 6 吨")
    c = act(conn, c.id, "register", "shift_leader", c.version, data={"variant": LARGE})
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, data={"department": "HW"})
    deadline = one(conn, "SELECT handle_deadline FROM citygrid.work_case WHERE id = %s", (c.id,))[0]

    dock = dock_as(qgis_iface, targets["hw"])
    try:
        table = open_tab(dock, "handle")
        click_row(table, cells(table, "case_no").index(c.case_no))
        assert HANDLING in detail_text(dock)

        def feedback(dialog, dialogs):
            shows_standard(dialog.standard_box, "Handling standard", HANDLING)
            limit = dialog.limit_label.text()
            assert "24 小时" in limit and LARGE in limit, limit
            assert f"{deadline.astimezone(CST):%Y-%m-%d %H:%M}" in limit   # due when
            type_text(dialog.note_edit, "已清运并冲洗地面")
            QTimer.singleShot(0, dialog.picker.add_button.click)   # 添加照片…: the photo after handling

        def choose(chooser, dialogs):
            assert isinstance(chooser, QFileDialog), chooser
            name = chooser.findChild(QLineEdit, "fileNameEdit")
            name.setText(photo_file(tmp_path / "处置后.png"))
            QTest.keyClick(name, Qt.Key_Return)

        def send(dialog, dialogs):
            assert dialog.ok_button.isEnabled(), dialog.missing.text()
            dialog.ok_button.click()

        with answering(feedback, choose, send, press(QMessageBox.Yes)):
            action_buttons(dock)["feedback"].click()
        assert state_of(conn, c.id)[0] == "handled"
    finally:
        dock.shutdown()

    dock = dock_as(qgis_iface, targets["sv"])
    try:
        table = open_tab(dock, "check")
        click_row(table, cells(table, "case_no").index(c.case_no))
        text = detail_text(dock)
        assert "Closing standard" in text and CLOSE in text and HANDLING not in text

        def look(dialog, dialogs):   # the supervisor reads the standard and goes back to the site
            shows_standard(dialog.standard_box, "Closing standard", CLOSE)
            dialog.buttons.button(dialog.buttons.Cancel).click()

        with answering(look):
            action_buttons(dock)["check_ok"].click()
        with answering(look):
            action_buttons(dock)["rework"].click()
        assert state_of(conn, c.id)[0] == "handled"
    finally:
        dock.shutdown()
    version = one(conn, "SELECT version FROM citygrid.work_case WHERE id = %s", (c.id,))[0]
    act(conn, c.id, "check_ok", "supervisor", version, note="现场已清理", at=datetime.now(CST))

    dock = dock_as(qgis_iface, targets["sl"])
    try:
        table = open_tab(dock, "close")
        click_row(table, cells(table, "case_no").index(c.case_no))

        def close(dialog, dialogs):
            shows_standard(dialog.standard_box, "Closing standard", CLOSE)
            dialog.ok_button.click()

        with answering(close, press(QMessageBox.Yes)):
            action_buttons(dock)["close"].click()
        assert state_of(conn, c.id)[0] == "closed"
    finally:
        dock.shutdown()


# -- a class the manual says nothing about ----------------------------------------------------------------
def test_a_class_without_a_manual_page_says_so_and_registers_the_general_case(qgis_iface, posts):
    conn, targets, _logins, _version = posts
    c = accepted(conn, "人行道上机动车乱停放", cls="0505", x=250, y=50)
    dock = dock_as(qgis_iface, targets["sl"])
    try:
        table = open_tab(dock, "register")
        click_row(table, cells(table, "case_no").index(c.case_no))
        assert NOT_SET in detail_text(dock)

        def register(dialog, dialogs):
            shows_standard(dialog.standard_box, "Registration standard", NOT_SET)
            combo = dialog.variant_box
            assert [combo.itemText(i) for i in range(combo.count())] == ["General (no situation)"]
            assert not combo.isEnabled()
            assert dialog.data == {}
            dialog.ok_button.click()

        with answering(register, press(QMessageBox.Yes)):
            action_buttons(dock)["register"].click()
        assert state_of(conn, c.id)[0] == "registered"
    finally:
        dock.shutdown()
    assert one(conn, "SELECT variant FROM citygrid.work_case WHERE id = %s", (c.id,))[0] == ""
