"""The case desk of issue 15, as each post works it through the dock's widgets, over real logins
with passwords (QGIS connections whose passwords sit in QGIS's authentication database):

- each role's tabs: the shift leader's 挂账 and 延期申请, everyone's 查询;
- a search by number and by address text finds a closed case;
- a shift leader releases a deferred case from the 挂账 tab and refuses an extension, with a note,
  from the 延期申请 tab;
- a department's 处置完成 with a result note and an after photo (a file that is not an image is
  refused by name first), and the same without a note not sent;
- a supervisor's 核实 with a photo; the detail shows the photos by stage and a click opens the
  full photo; the reporter's phone only for the supervision centre;
- a dispatch with an assisting department (协办), which then sees the case and adds its note.

Every step clicks, types and picks as a person does and reads what the dock shows and what the
store holds."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QGuiApplication, QImage
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox

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
    dispatched,
    note,
    press,
    settle,
    state_of,
    type_text,
)
from tests.helpers.qgis import auth_config
from tests.helpers.qt import wait_until
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store

DEFAULT_WIDTH = 435
POSTS = {  # key: (roles, name, department)
    "op": (["operator"], "王受理", None),
    "sl": (["shift_leader"], "李值班", None),
    "sv": (["supervisor"], "赵监督", None),
    "dp": (["dispatcher"], "陈派遣", None),
    "hw": (["department"], "环卫所处置员", "HW"),
    "sz": (["department"], "市政所处置员", "SZ"),
}


@pytest.fixture
def desk(qgis_app, cluster, fresh_db):
    """A case store, one login per post (with its password in QGIS's auth database) and a QGIS
    connection for each; yields (owner connection, targets by post, logins by post)."""
    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    make_case_store(dsn)
    setup_roles(conn)
    tag = uuid.uuid4().hex[:5]
    logins, targets = {}, {}
    p = cluster.client_params(fresh_db)
    for key, (roles, name, department) in POSTS.items():
        logins[key] = f"cgk_{tag}_{key}"
        save_user(conn, logins[key], roles, name, department=department, password=PASSWORD)
        connection = f"citygrid-desk-{key}-{tag}"
        save_connection(connection, p["host"], p["port"], p["dbname"], logins[key],
                        authcfg=auth_config(logins[key], PASSWORD))
        targets[key] = StoreTarget("connection", connection)
    yield conn, targets, logins
    for target in targets.values():
        delete_connection(target.name)
    conn.rollback()
    with conn.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    conn.commit()
    conn.close()


def dock_as(qgis_iface, target, roles=None):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    dock = CaseQueueDock(qgis_iface, target, roles=roles, live=False)
    dock.resize(DEFAULT_WIDTH, 900)
    dock.show()
    settle()
    return dock


def titles(dock) -> list[str]:
    return [dock.tabs.tabText(i) for i in range(dock.tabs.count())]


def open_tab(dock, tab: str):
    dock.tabs.setCurrentWidget(dock.pages[tab])
    settle()
    return dock.tables[tab]


def photo_file(path, colour="#3a7d44", size=(640, 480)) -> str:
    image = QImage(size[0], size[1], QImage.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return str(path)


def one(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    conn.rollback()
    return row


def last_action(conn, case_id):
    return one(conn, "SELECT action, actor, role, note FROM citygrid.case_action WHERE case_id = %s "
                     "ORDER BY id DESC LIMIT 1", (case_id,))


def photo_stages(conn, case_id) -> list[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT stage FROM citygrid.case_photo WHERE case_id = %s ORDER BY id", (case_id,))
        stages = [r[0] for r in cur.fetchall()]
    conn.rollback()
    return stages


# -- answers to the action dialog ------------------------------------------------------------------
def typed(text):
    """Type the note; then the next answer works the same dialog."""
    def answer(dialog, dialogs):
        from citygrid_plugin.gui.dialogs.action_dialog import ActionDialog

        assert isinstance(dialog, ActionDialog), dialog
        dialogs.asked.append(("missing", dialog.missing.text()))
        assert not dialog.ok_button.isEnabled()          # nothing typed yet: OK cannot be pressed
        type_text(dialog.note_edit, text)
        assert dialog.note_edit.toPlainText() == text
        QTimer.singleShot(0, dialog.picker.add_button.click)   # 添加照片… opens the file chooser
    return answer


def choose(path):
    """Pick *path* in the file chooser 添加照片… opened."""
    def answer(chooser, dialogs):
        assert isinstance(chooser, QFileDialog), chooser
        dialogs.asked.append(("chooser", chooser.windowTitle()))
        name = chooser.findChild(QLineEdit, "fileNameEdit")     # the file name field: paste the path, Enter
        name.setText(path)
        QTest.keyClick(name, Qt.Key_Return)
        assert not chooser.isVisible()
    return answer


def then(check, add_more: bool = False):
    """Back in the action dialog: *check* it, then add another file or press OK."""
    def answer(dialog, dialogs):
        check(dialog)
        if add_more:
            QTimer.singleShot(0, dialog.picker.add_button.click)
        else:
            assert dialog.ok_button.isEnabled(), dialog.missing.text()
            dialog.ok_button.click()
    return answer


def with_photos(n):
    def check(dialog):
        assert dialog.picker.list.count() == n and len(dialog.photos) == n
        assert not dialog.picker.list.item(0).icon().isNull()    # the thumbnail of the file
        assert not dialog.picker.error.isVisible()
    return check


# -- the tabs of each post ---------------------------------------------------------------------------
def test_each_post_sees_its_tabs_and_everyone_searches(qgis_iface, desk):
    _conn, targets, _logins = desk
    expected = {
        "op": ["To accept (0)", "To call back (回访) (0)", "Search"],
        "sl": ["To register (0)", "To close (0)", "Overdue (0)", "Deferred (挂账) (0)", "Extension requests (0)",
               "Search"],
        "sv": ["To verify (0)", "To check (0)", "Search"],
        "dp": ["To dispatch (0)", "Overdue (0)", "Search"],
        "hw": ["To handle (0)", "Search"],
    }
    for key, tabs in expected.items():
        dock = dock_as(qgis_iface, targets[key])
        try:
            assert titles(dock) == tabs, key
            # the search tab has its own form: the queues' filters are hidden there
            open_tab(dock, "search")
            assert not dock.filter_bar.isVisible() and dock.search_panel.number.isVisible()
            open_tab(dock, next(iter(dock.tables)))
            assert dock.filter_bar.isVisible()
        finally:
            dock.shutdown()


# -- 查询 -------------------------------------------------------------------------------------------------
def test_a_search_by_number_or_address_finds_a_closed_case(qgis_iface, desk):
    conn, targets, _logins = desk
    at = datetime.now(CST) - timedelta(days=3)
    closed = report_case(conn, "监督员上报", "event", "0102", "人行道暴露垃圾", 50, 150, address="红星路二段 88 号",
                         at=at)
    for action, role, minutes, extra in (
            ("accept", "operator", 5, {}), ("register", "shift_leader", 10, {}),
            ("dispatch", "dispatcher", 15, {"data": {"department": "HW"}}),
            ("feedback", "department", 60, {"note": "已清运"}),
            ("check_ok", "supervisor", 70, {"note": "现场已清理"}), ("close", "shift_leader", 120, {})):
        closed = act(conn, closed.id, action, role, closed.version, at=at + timedelta(minutes=minutes), **extra)
    other = report_case(conn, "监督员上报", "event", "0505", "乱停车", 250, 50, address="东大街 1 号")
    dock = dock_as(qgis_iface, targets["op"])
    try:
        assert titles(dock) == ["To accept (1)", "To call back (回访) (0)", "Search"]
        table = open_tab(dock, "search")
        panel = dock.search_panel
        # by the number's last digits, Enter in the field
        QTest.keyClicks(panel.number, closed.case_no[-4:])
        QTest.keyClick(panel.number, Qt.Key_Return)
        settle()
        assert closed.case_no in cells(table, "case_no")
        row = cells(table, "case_no").index(closed.case_no)
        assert cells(table, "state")[row] == "Case closed"
        assert dock.tabs.tabText(dock.tabs.currentIndex()).startswith("Search (")
        # by part of the address, the 查询 button
        panel.clear_button.click()
        type_text(panel.text, "红星路二段")
        panel.search_button.click()
        settle()
        assert cells(table, "case_no") == [closed.case_no]
        assert other.case_no not in cells(table, "case_no")
        # the closed case opens like any other: its history, no action
        click_row(table, 0)
        assert dock.current["id"] == closed.id
        text = dock.detail.toPlainText()
        assert "红星路二段 88 号" in text and "现场已清理" in text
        assert action_buttons(dock) == {}
        # only open cases: the closed one is not found
        panel.state_box.setCurrentIndex(panel.state_box.findText("open cases"))
        panel.search_button.click()
        settle()
        assert cells(table, "case_no") == []
    finally:
        dock.shutdown()


# -- 挂账 and 延期申请 ---------------------------------------------------------------------------------------
def test_a_shift_leader_releases_a_deferred_case_and_refuses_an_extension(qgis_iface, desk):
    conn, targets, logins = desk
    now = datetime.now(CST)
    deferred = dispatched(conn, "违章搭建，待规划认定", "0505", 50, 150, days_ago=1)
    deferred = act(conn, deferred.id, "defer", "shift_leader", deferred.version, note="等待规划部门认定",
                   at=now - timedelta(hours=2))
    asking = dispatched(conn, "暴露垃圾量大", "0102", 150, 150, days_ago=0.1)
    asking = act(conn, asking.id, "request_extension", "department", asking.version, note="需要调车",
                 data={"hours": 24}, at=now - timedelta(minutes=30))
    dock = dock_as(qgis_iface, targets["sl"])
    try:
        assert "Deferred (挂账) (1)" in titles(dock) and "Extension requests (1)" in titles(dock)
        # 挂账: release, reachable from the tab
        table = open_tab(dock, "deferred")
        assert cells(table, "case_no") == [deferred.case_no]
        click_row(table, 0)
        buttons = action_buttons(dock)
        assert "release" in buttons
        with answering():          # 解除挂账 takes nothing back: no question
            buttons["release"].click()
        assert state_of(conn, deferred.id)[0] == "dispatched"
        assert last_action(conn, deferred.id)[:3] == ("release", logins["sl"], "shift_leader")
        assert "Deferred (挂账) (0)" in titles(dock)

        # 延期申请: refuse, with a note
        table = open_tab(dock, "extension")
        assert cells(table, "case_no") == [asking.case_no]
        click_row(table, 0)
        buttons = action_buttons(dock)
        assert {"approve_extension", "refuse_extension"} <= set(buttons)
        with answering(note("垃圾量可当日清运完毕")) as dialogs:
            buttons["refuse_extension"].click()
        assert dialogs.asked[0][0] == "input"
        assert last_action(conn, asking.id) == ("refuse_extension", logins["sl"], "shift_leader",
                                                "垃圾量可当日清运完毕")
        assert "Extension requests (0)" in titles(dock)
        assert one(conn, "SELECT state FROM citygrid.work_case WHERE id = %s", (asking.id,)) == ("dispatched",)
    finally:
        dock.shutdown()


# -- 处置完成 with evidence ---------------------------------------------------------------------------------
def test_a_department_reports_handled_with_a_result_and_an_after_photo(qgis_iface, desk, tmp_path):
    conn, targets, logins = desk
    garbage = dispatched(conn, "暴露垃圾", "0102", 50, 150, days_ago=0.1)   # 0102: an after photo is asked
    parking = dispatched(conn, "乱停车", "0505", 150, 150, days_ago=0.1)    # 0505: a note is enough
    bad = tmp_path / "现场说明.jpg"
    bad.write_text("这不是照片", encoding="utf-8")
    good = photo_file(tmp_path / "处置后.png")
    dock = dock_as(qgis_iface, targets["hw"])
    try:
        table = open_tab(dock, "handle")
        click_row(table, cells(table, "case_no").index(garbage.case_no))
        buttons = action_buttons(dock)
        assert "feedback" in buttons

        def refused_file(dialog):
            assert dialog.picker.error.isVisible() and "现场说明.jpg" in dialog.picker.error.text()
            assert dialog.photos == [] and not dialog.ok_button.isEnabled()
            assert "at least one photo" in dialog.missing.text()

        with answering(typed("垃圾已清运，地面已冲洗"), choose(str(bad)), then(refused_file, add_more=True),
                       choose(good), then(with_photos(1)), press(QMessageBox.Yes)) as dialogs:
            buttons["feedback"].click()
        assert "Result of the handling" in dialogs.asked[0][1] and "at least one photo" in dialogs.asked[0][1]
        assert state_of(conn, garbage.id)[0] == "handled"
        assert last_action(conn, garbage.id) == ("feedback", logins["hw"], "department", "垃圾已清运，地面已冲洗")
        assert photo_stages(conn, garbage.id) == ["handle"]

        # without a note, 处置完成 cannot be sent: the dialog says what is missing, and the store refuses it too
        table = open_tab(dock, "handle")
        click_row(table, cells(table, "case_no").index(parking.case_no))

        def nothing_typed(dialog, dialogs):
            dialogs.asked.append(("missing", dialog.missing.text()))
            assert not dialog.ok_button.isEnabled() and dialog.missing.isVisible()
            assert not dialog.picker.required           # no after photo asked for this class
            dialog.buttons.button(dialog.buttons.Cancel).click()

        with answering(nothing_typed) as dialogs:
            action_buttons(dock)["feedback"].click()
        assert dialogs.asked == [("missing", "Still needed: Result of the handling")]
        assert state_of(conn, parking.id) == ("dispatched", 4)
        assert dock.perform("feedback", "department") is False
        assert dock.status.text() and state_of(conn, parking.id) == ("dispatched", 4)
    finally:
        dock.shutdown()


# -- 核实 with a photo; the photos by stage -----------------------------------------------------------------
def test_a_supervisor_verifies_with_a_photo_and_the_detail_shows_photos_by_stage(qgis_iface, desk, tmp_path,
                                                                                 monkeypatch):
    from citygrid_plugin.gui.docks import case_detail as detail_module
    from citygrid_plugin.gui.photos import THUMB, PhotoViewer
    from citygrid_plugin.store import photos

    opened = []

    class Desktop:  # what QDesktopServices would hand to the PDF viewer
        @staticmethod
        def openUrl(url):  # noqa: N802
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(detail_module, "QDesktopServices", Desktop)

    conn, targets, logins = desk
    c = report_case(conn, "12319热线", "event", "0102", "小区门口垃圾堆放", 50, 150, reporter="刘先生",
                    reporter_phone="13800138000")
    photos.add_photo(conn, c.id, "report", photos.Photo.from_bytes(open(photo_file(tmp_path / "r.png", "#884422"),
                                                                         "rb").read(), "群众拍摄.png"))
    act(conn, c.id, "accept", "operator", c.version)   # a public report: to be verified on site
    dock = dock_as(qgis_iface, targets["sv"])
    try:
        table = open_tab(dock, "verify")
        click_row(table, 0)
        assert "13800138000" in dock.detail.toPlainText()   # the supervision centre reads the reporter
        on_site = photo_file(tmp_path / "v.png", "#2255aa", (1600, 1200))
        with answering(typed("现场确有垃圾堆放约 2 方"), choose(on_site), then(with_photos(1))):
            action_buttons(dock)["verify"].click()
        assert state_of(conn, c.id)[0] == "accepted"
        assert last_action(conn, c.id) == ("verify", logins["sv"], "supervisor", "现场确有垃圾堆放约 2 方")
        assert photo_stages(conn, c.id) == ["report", "verify"]
    finally:
        dock.shutdown()

    dock = dock_as(qgis_iface, targets["sl"])
    try:
        table = open_tab(dock, "register")
        click_row(table, 0)
        strip = dock.case_view.photos
        assert strip.isVisible()
        assert wait_until(strip.loaded, 5)
        buttons = list(strip.buttons.values())
        assert [b.property("citygrid_stage") for b in buttons] == ["report", "verify"]
        assert strip.findChild(QLabel, "stage_report").text() == "At report\n(1)"
        assert strip.findChild(QLabel, "stage_verify").text() == "Verification\n(1)"
        assert all(not b.icon().isNull() and b.isVisible() for b in buttons)
        verify_photo = buttons[1]
        shown = {}

        def look(viewer, dialogs):
            assert isinstance(viewer, PhotoViewer), viewer
            pixmap = viewer.image.pixmap()
            screen = QGuiApplication.primaryScreen().availableGeometry()
            shown.update(w=pixmap.width(), h=pixmap.height(), caption=viewer.caption.text())
            assert pixmap.width() <= screen.width() and pixmap.height() <= screen.height()
            viewer.reject()

        with answering(look):
            QTest.mouseClick(verify_photo, Qt.LeftButton)
        assert shown["w"] > THUMB and shown["w"] / shown["h"] == pytest.approx(4 / 3, rel=0.01)
        assert "Verification" in shown["caption"]
        text = dock.detail.toPlainText()
        assert "13800138000" in text and "刘先生" in text
        # 打印派遣单: the work form as a PDF, opened
        dock.case_view.print_button.click()
        assert len(opened) == 1 and opened[0].endswith(f"{c.case_no}.pdf")
        with open(opened[0], "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
    finally:
        dock.shutdown()


# -- 主办 / 协办 --------------------------------------------------------------------------------------------
def test_a_dispatch_names_an_assisting_department_which_sees_the_case_and_adds_a_note(qgis_iface, desk):
    from qgis.PyQt.QtCore import Qt as QtCore

    from citygrid_plugin.store.desk import case_detail

    conn, targets, logins = desk
    at = datetime.now(CST) - timedelta(hours=1)
    c = report_case(conn, "12319热线", "event", "0102", "垃圾堵塞雨水口", 50, 150, reporter="张女士",
                    reporter_phone="13900139000", at=at)
    for action, role, minutes in (("accept", "operator", 5), ("verify", "supervisor", 20),
                                  ("register", "shift_leader", 25)):
        c = act(conn, c.id, action, role, c.version, note="属实" if action == "verify" else None,
                at=at + timedelta(minutes=minutes))
    dock = dock_as(qgis_iface, targets["dp"])
    try:
        table = open_tab(dock, "dispatch")
        click_row(table, 0)

        def dispatch(dialog, dialogs):
            assert dialog.department_box.currentData() == "HW"      # the routing rule's department first
            items = [dialog.assist_list.item(i) for i in range(dialog.assist_list.count())]
            lead = next(i for i in items if i.data(QtCore.UserRole) == "HW")
            assert not lead.flags() & QtCore.ItemIsUserCheckable   # the lead cannot assist itself
            helper = next(i for i in items if i.data(QtCore.UserRole) == "SZ")
            dialog.assist_list.setFocus()
            dialog.assist_list.setCurrentItem(helper)
            QTest.keyClick(dialog.assist_list, QtCore.Key_Space)       # tick 市政所
            assert helper.checkState() == QtCore.Checked
            dialog.ok_button.click()

        with answering(dispatch):
            action_buttons(dock)["dispatch"].click()
        assert state_of(conn, c.id)[0] == "dispatched"
        assert "13900139000" not in dock.detail.toPlainText()  # not for the dispatcher
    finally:
        dock.shutdown()
    detail = case_detail(conn, c.id)
    assert detail["department_code"] == "HW" and [a["code"] for a in detail["assist"]] == ["SZ"]

    helper = dock_as(qgis_iface, targets["sz"])
    try:
        table = open_tab(helper, "handle")
        assert cells(table, "case_no") == [c.case_no]   # the assisting department sees the case
        click_row(table, 0)
        text = helper.detail.toPlainText()
        assert "13900139000" not in text and "张女士" not in text   # nor the reporter
        assert "市政所" in text                                     # named as assisting
        buttons = action_buttons(helper)
        assert set(buttons) == {"assist_note"}                      # only its note: the lead handles
        with answering(note("已疏通雨水口")):
            buttons["assist_note"].click()
        assert last_action(conn, c.id) == ("assist_note", logins["sz"], "department", "已疏通雨水口")
        assert "已疏通雨水口" in helper.detail.toPlainText()
    finally:
        helper.shutdown()
