"""受理登记 as an operator does it (issue 15, item 1): an operator signs in with a password, clicks
the map, chooses the source, types a class name in Chinese and picks it, attaches a photo file,
presses OK and reads the case number; the case is in the store with its photo. Before saving,
a case of the same class nearby is listed and the report can be attached to it instead; a public
source without its reporter and a point outside every grid are refused, and nothing is saved.

Every step goes through the widgets a person uses (the map canvas, the combo, the class field and
its list, the buttons, the file picker and the message boxes they open)."""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from itertools import groupby

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage, QInputMethodEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.store import db
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store


@pytest.fixture
def operator(qgis_app, cluster, store_dsn, conn_factory):
    """A case store with one component (a 上水井盖 owned by 市政所) and an operator who signs in
    with a password from QGIS's authentication database: (owner connection, target, login DSN)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    with owner.cursor() as cur:
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                    "VALUES ('0101', 'SZ', ST_SetSRID(ST_MakePoint(250, 50), 4544))")
    owner.commit()
    login = f"cgt_{uuid.uuid4().hex[:6]}_operator"
    save_user(owner, login, ["operator"], "王受理", password=PASSWORD)
    p = cluster.client_params(store_dsn.split("dbname=")[1].split()[0])
    name = f"citygrid-report-{login}"
    save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
    login_dsn = f"host={p['host']} port={p['port']} dbname={p['dbname']} user={login} password={PASSWORD}"
    yield owner, StoreTarget("connection", name), login_dsn
    delete_connection(name)
    owner.rollback()
    with owner.cursor() as cur:
        cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    owner.commit()


@pytest.fixture
def canvas(qgis_app):
    """The map: the sample community (300 × 200 m, store CRS) in the middle of a 600 × 400 canvas."""
    from qgis.gui import QgsMapCanvas

    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
    canvas.resize(600, 400)
    canvas.show()
    canvas.setExtent(QgsRectangle(-150, -100, 450, 300))
    canvas.refresh()
    settle()
    yield canvas
    canvas.hide()
    canvas.deleteLater()


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def jpeg(path, colour="#3a7") -> str:
    image = QImage(320, 240, QImage.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPEG")
    return str(path)


def open_dialog(target, canvas):
    from citygrid_plugin.gui.dialogs.report_dialog import ReportDialog
    from citygrid_plugin.gui.maptools.report_point import ReportPointTool

    dialog = ReportDialog(target)
    dialog.show()
    tool = ReportPointTool(canvas, dialog.crs, lambda: dialog)
    tool.follow(dialog)             # as the plugin does when it opens the dialog
    canvas.setMapTool(tool)
    settle()
    return dialog, tool


def click_map(canvas, x: float, y: float) -> None:
    """A left click on the canvas where the store point (x, y) is shown."""
    pixel = canvas.getCoordinateTransform().transform(x, y)
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(round(pixel.x()), round(pixel.y())))
    settle()


def choose_source(dialog, name: str) -> None:
    combo = dialog.source_combo
    index = combo.findText(name)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    settle()


def pick_class(dialog, typed: str, shown: str) -> None:
    """Type *typed* into the class field and click the entry *shown* in the list it opens."""
    dialog.class_edit.clear()
    type_text(dialog.class_edit, typed)
    popup = dialog.completer.popup()
    assert popup.isVisible(), "typing a class name opens the list of matching classes"
    model = popup.model()
    entries = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown in entries, entries
    index = model.index(entries.index(shown), 0)
    popup.scrollTo(index)
    QTest.mouseClick(popup.viewport(), Qt.LeftButton, Qt.NoModifier, popup.visualRect(index).center())
    settle()


def type_text(widget, text: str) -> None:
    """Type *text* as a person does: ASCII on the keyboard, Chinese through the input method
    (which commits each word it composed)."""
    widget.setFocus()
    for ascii_run, run in groupby(text, key=str.isascii):
        run = "".join(run)
        if ascii_run:
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
    settle()


def choose_files(monkeypatch, *paths: str) -> None:
    """The file picker answers with *paths* (as if the person chose them)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (list(paths), "")))


@contextmanager
def reading_message_box(answer=QMessageBox.Ok):
    """Presses *answer* on the message box that opens and keeps what it said."""
    seen: list[tuple[str, str, bool]] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            selectable = bool(box.textInteractionFlags() & Qt.TextSelectableByMouse)
            seen.append((box.windowTitle(), box.text(), selectable))
            box.button(answer).click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()


def count(conn, sql: str, args: tuple = ()) -> int:
    with conn.cursor() as cur:
        cur.execute(sql, args)
        value = cur.fetchone()[0]
    conn.rollback()
    return value


def bar_text(dialog) -> str:
    return " ".join(dialog.messages())


def test_an_operator_clicks_the_map_picks_the_class_attaches_a_photo_and_reads_the_number(
        operator, canvas, tmp_path, monkeypatch):
    owner, target, _dsn = operator
    dialog, tool = open_dialog(target, canvas)
    try:
        # the sources in the store's order; 监督员上报 is the supervisors' own
        sources = [dialog.source_combo.itemText(i) for i in range(dialog.source_combo.count())]
        assert sources[:3] == ["监督员上报", "12319热线", "12345热线"] and "110联动" in sources
        assert not dialog.source_combo.model().item(0).isEnabled()
        assert dialog.source_combo.currentText() != "监督员上报"

        # where: a click on the map; the point in the store CRS, the address proposed, a marker
        click_map(canvas, 150, 150)
        x, y = dialog.point
        assert abs(x - 150) <= 1 and abs(y - 150) <= 1
        assert "510104001001002" in dialog.place_label.text()
        assert "红星路社区" in dialog.address_edit.text()
        assert tool.marker is not None and tool.marker.isVisible()
        assert not dialog.pick_button.isEnabled()          # no component near that click

        # who: a leader's instruction has no reporter; the 12345 hotline needs name and phone
        choose_source(dialog, "领导批办")
        assert not dialog.reporter_edit.isVisibleTo(dialog)
        choose_source(dialog, "12345热线")
        assert dialog.reporter_edit.isVisibleTo(dialog) and dialog.phone_edit.isVisibleTo(dialog)
        assert "*" in dialog.reporter_label.text() and "*" in dialog.phone_label.text()

        # what: a class found by its Chinese name, its time limits, the urgent ones
        pick_class(dialog, "暴露", "暴露垃圾（0102）")
        assert dialog.cls["code"] == "0102"
        normal = dialog.limits_label.text()
        assert "暴露垃圾" in normal and "4" in normal
        dialog.urgent_check.click()
        assert dialog.limits_label.text() != normal and "urgent" in dialog.limits_label.text()
        type_text(dialog.description_edit, "春熙路口垃圾堆放，约两立方")

        # photos: a JPEG is added with its thumbnail; a text file is refused by name
        photo = jpeg(tmp_path / "现场.jpg")
        (tmp_path / "notes.txt").write_text("not a photo")
        choose_files(monkeypatch, photo, str(tmp_path / "notes.txt"))
        dialog.add_photo_button.click()
        settle()
        assert dialog.photo_list.count() == 1 and not dialog.photo_list.item(0).icon().isNull()
        assert "notes.txt" in bar_text(dialog) and "JPEG" in bar_text(dialog)

        # OK without the reporter: refused, saying what is missing; nothing saved, nothing lost
        dialog.ok_button.click()
        settle()
        assert "reporter" in bar_text(dialog) and "12345热线" in bar_text(dialog)
        assert count(owner, "SELECT count(*) FROM citygrid.work_case") == 0
        assert dialog.isVisible() and dialog.photo_list.count() == 1 and dialog.cls["code"] == "0102"

        type_text(dialog.reporter_edit, "张先生")
        type_text(dialog.phone_edit, "13800138000")
        reported = []
        dialog.reported.connect(lambda case_id, case_no: reported.append((case_id, case_no)))
        with reading_message_box() as seen:
            dialog.ok_button.click()
            settle()
        assert not dialog.isVisible()
        [(case_id, case_no)] = reported
        [(title, text, selectable)] = seen
        assert case_no in text and selectable, "the number is shown and can be copied"
        with owner.cursor() as cur:
            cur.execute("SELECT case_no, source, kind, class_code, urgent, description, address "
                        "FROM citygrid.work_case WHERE id = %s", (case_id,))
            row = cur.fetchone()
            cur.execute("SELECT name, phone FROM citygrid.case_reporter WHERE case_id = %s", (case_id,))
            reporter = cur.fetchone()
            cur.execute("SELECT stage, mime, name FROM citygrid.case_photo WHERE case_id = %s", (case_id,))
            stored = cur.fetchall()
        owner.rollback()
        assert row[:6] == (case_no, "12345热线", "event", "0102", True, "春熙路口垃圾堆放，约两立方")
        assert "红星路社区" in row[6]
        assert reporter == ("张先生", "13800138000")
        assert stored == [("report", "image/jpeg", "现场.jpg")]
    finally:
        dialog.done(0)
        canvas.unsetMapTool(tool)


def test_a_component_near_the_click_is_offered_and_fills_kind_class_and_owner(operator, canvas):
    _owner, target, _dsn = operator
    dialog, tool = open_dialog(target, canvas)
    try:
        click_map(canvas, 252, 52)                           # a few pixels from the manhole cover
        assert dialog.pick_button.isEnabled()
        assert "上水井盖" in dialog.component_combo.currentText()
        dialog.pick_button.click()
        settle()
        assert dialog.kind() == "component" and dialog.cls["code"] == "0101"
        assert dialog.component is not None and dialog.point == (250.0, 50.0)
        assert "市政所" in dialog.owner_label.text() and dialog.owner_label.isVisibleTo(dialog)
        # closing a filled form asks first; "Go back" keeps everything
        with reading_message_box(QMessageBox.No) as seen:
            dialog.buttons.button(QDialogButtonBox.Close).click()
            settle()
        assert seen and "Discard" in seen[0][1]
        assert dialog.isVisible() and dialog.component is not None
    finally:
        dialog.done(0)
        canvas.unsetMapTool(tool)


def test_a_caller_who_names_the_grid_is_placed_in_it_and_an_unknown_grid_is_named(operator, canvas):
    _owner, target, _dsn = operator
    dialog, tool = open_dialog(target, canvas)
    try:
        type_text(dialog.grid_edit, "510104001001999")
        QTest.keyClick(dialog.grid_edit, Qt.Key_Return)
        settle()
        assert dialog.point is None and "510104001001999" in bar_text(dialog)
        dialog.grid_edit.clear()
        type_text(dialog.grid_edit, "510104001001004")
        dialog.grid_button.click()
        settle()
        x, y = dialog.point
        assert 0 < x < 100 and 0 < y < 100                    # inside grid 004, the lower left one
        assert "510104001001004" in dialog.place_label.text() and "红星路社区" in dialog.address_edit.text()
        assert tool.marker is not None and tool.marker.isVisible()   # the map shows where
    finally:
        dialog.done(0)
        canvas.unsetMapTool(tool)


def test_an_earlier_case_of_the_same_class_nearby_is_listed_and_the_report_attached_to_it(
        operator, canvas, tmp_path):
    from citygrid_plugin.store import intake, photos

    owner, target, login_dsn = operator
    earlier_conn = db.connect(login_dsn)
    try:
        earlier = intake.report(earlier_conn, intake.NewReport(
            source="12319热线", kind="event", class_code="0102", description="路口垃圾", x=160, y=150,
            reporter="李女士", reporter_phone="13900139000",
            photos=(photos.read_photo(jpeg(tmp_path / "earlier.jpg", "#a33")),)))
    finally:
        earlier_conn.close()
    dialog, tool = open_dialog(target, canvas)
    try:
        choose_source(dialog, "公众举报")
        click_map(canvas, 150, 150)
        pick_class(dialog, "0102", "暴露垃圾（0102）")
        table = dialog.duplicate_table
        assert table.isVisibleTo(dialog) and table.rowCount() == 1
        assert table.item(0, 1).text() == earlier.case_no
        assert table.item(0, 2).text() == "Awaiting acceptance"
        assert table.item(0, 3).text() == "10 m"
        assert not table.item(0, 0).icon().isNull(), "the earlier case's photo is shown"
        assert dialog.ok_button.text() == "Report as a new case"
        assert not dialog.attach_button.isEnabled()
        type_text(dialog.description_edit, "又有人反映路口垃圾")
        type_text(dialog.reporter_edit, "赵先生")
        type_text(dialog.phone_edit, "13700137000")
        rect = table.visualRect(table.model().index(0, 1))
        QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
        settle()
        assert dialog.attach_button.isEnabled()
        with reading_message_box() as seen:
            dialog.attach_button.click()
            settle()
        assert seen and earlier.case_no in seen[0][1]
        assert count(owner, "SELECT count(*) FROM citygrid.work_case") == 1
        with owner.cursor() as cur:
            cur.execute("SELECT source, description, reporter FROM citygrid.case_extra_report WHERE case_id = %s",
                        (earlier.id,))
            extra = cur.fetchall()
        owner.rollback()
        assert extra == [("公众举报", "又有人反映路口垃圾", "赵先生")]
    finally:
        dialog.done(0)
        canvas.unsetMapTool(tool)


def test_a_point_outside_every_grid_is_refused_and_nothing_is_saved(operator, canvas):
    owner, target, _dsn = operator
    dialog, tool = open_dialog(target, canvas)
    try:
        choose_source(dialog, "领导批办")
        click_map(canvas, 400, 250)                           # beyond the district's grids
        assert "grid" in bar_text(dialog)
        assert "outside every grid" in dialog.place_label.text()
        pick_class(dialog, "暴露", "暴露垃圾（0102）")
        type_text(dialog.description_edit, "垃圾")
        dialog.ok_button.click()
        settle()
        assert dialog.isVisible() and "grid" in bar_text(dialog)
        assert count(owner, "SELECT count(*) FROM citygrid.work_case") == 0
        # moved into the district by a second click, the same form is saved
        click_map(canvas, 50, 50)
        with reading_message_box() as seen:
            dialog.ok_button.click()
            settle()
        assert seen and count(owner, "SELECT count(*) FROM citygrid.work_case") == 1
    finally:
        dialog.done(0)
        canvas.unsetMapTool(tool)


def test_a_work_order_taken_before_is_named_and_not_registered_twice(operator, canvas):
    owner, target, _dsn = operator
    seen_all = []
    for _ in range(2):   # the same hotline work order typed in twice
        dialog, tool = open_dialog(target, canvas)
        try:
            choose_source(dialog, "领导批办")
            click_map(canvas, 150, 150)
            pick_class(dialog, "暴露", "暴露垃圾（0102）")
            type_text(dialog.description_edit, "垃圾")
            type_text(dialog.external_edit, "GD-20261206-07")
            with reading_message_box() as seen:
                dialog.ok_button.click()
                settle()
            seen_all += seen
        finally:
            dialog.done(0)
            canvas.unsetMapTool(tool)
    assert count(owner, "SELECT count(*) FROM citygrid.work_case WHERE external_id = 'GD-20261206-07'") == 1
    number = seen_all[0][1].rsplit(" ", 1)[-1]
    assert seen_all[1][0] == "Work order already registered" and "GD-20261206-07" in seen_all[1][1]
    assert number in seen_all[1][1] and "nothing was added" in seen_all[1][1]


def test_the_toolbar_action_is_the_supervision_centres(qgis_iface):
    from citygrid_plugin.plugin import CityGridPlugin

    plugin = CityGridPlugin(qgis_iface)
    plugin.initGui()
    try:
        plugin.store_version = 14
        plugin.my_roles = ["dispatcher"]
        plugin.refresh_state()
        assert not plugin.report_action.isEnabled()
        assert "operator" in plugin.report_action.toolTip()
        for role in ("operator", "shift_leader", "supervisor"):
            plugin.my_roles = [role]
            plugin.refresh_state()
            assert plugin.report_action.isEnabled(), role
        assert not plugin.report_action.icon().isNull()
    finally:
        plugin.unload()


def test_the_toolbar_action_opens_the_dialog_and_its_map_tool_on_the_shared_session(qgis_iface, operator):
    from citygrid_plugin.connections import configured_target, save_target
    from citygrid_plugin.plugin import CityGridPlugin

    _owner, target, _dsn = operator
    before = configured_target()
    save_target(target)
    plugin = CityGridPlugin(qgis_iface)
    plugin.initGui()
    try:
        plugin.check_store()
        assert plugin.report_action.isEnabled(), plugin.report_action.toolTip()
        plugin.report_action.trigger()
        settle()
        dialog, canvas = plugin.report_dialog, qgis_iface.mapCanvas()
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert dialog.session is plugin.session and canvas.mapTool() is plugin.report_tool
        dialog.close()
        settle()
        assert plugin.report_dialog is None and plugin.session is None
        assert canvas.mapTool() is not plugin.report_tool and not plugin.report_action.isChecked()
    finally:
        plugin.unload()
        save_target(before)
