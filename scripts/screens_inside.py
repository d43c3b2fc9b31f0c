"""Runs inside QGIS desktop (`qgis --code`), started by scripts/screens.py: opens every CityGrid
screen through the plugin's actions and widgets, as a person would, and writes PNGs to
$CITYGRID_SCREENS_OUT. A step that fails is logged (screens.log) and the next one runs."""
from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayerUtils
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QWidget
from qgis.utils import iface, plugins

OUT = Path(os.environ.get("CITYGRID_SCREENS_OUT", "docs/screens"))
LOG = OUT / "screens.log"
STEPS = []


def step(fn):
    STEPS.append(fn)
    return fn


def log(text: str) -> None:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(text + "\n")


def pause(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(name: str, widget: QWidget | None = None) -> None:
    widget = widget or iface.mainWindow()
    pause(0.5)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    log(f"  {path.name}: {widget.width()} × {widget.height()}")


def plugin():
    return plugins["citygrid_plugin"]


def store_layer(table: str, geometry_type: int | None = None):
    for layer in QgsProject.instance().mapLayers().values():
        if layer.customProperty("citygrid/table") == table and (
                geometry_type is None or layer.geometryType() == geometry_type):
            return layer
    return None


def restore_map(extent) -> None:
    """The next screens see the whole district (the unit grids), else the map as it was."""
    canvas = iface.mapCanvas()
    grids = store_layer("grid")
    if grids is not None and grids.isValid() and not grids.extent().isEmpty():
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(grids, grids.extent()))
    else:
        canvas.setExtent(extent)
    canvas.refresh()
    pause(1)


# -- the screens -------------------------------------------------------------------------------------
@step
def main_window():
    window = iface.mainWindow()
    window.setGeometry(0, 0, 1920, 1080)
    pause(4)
    shoot("01_main_window")


@step
def case_queue():
    p = plugin()
    p.queue_action.trigger()
    pause(3)
    shoot("02_case_queue")
    dock = p.case_dock
    for role in ("operator", "dispatcher", "department"):
        if hasattr(dock, "show_roles"):
            dock.show_roles([role])
            pause(1.5)
            shoot(f"02_case_queue_{role}")
    if hasattr(dock, "show_roles"):
        dock.show_roles(None)
        pause(1)


@step
def case_detail():
    dock = plugin().case_dock
    table = dock.tabs.currentWidget()
    table.selectRow(0)
    pause(1.5)
    shoot("03_case_detail")
    shoot("03_case_detail_dock", dock)


@step
def action_dialog():
    """The confirmation a person answers before an irreversible action (shown, then cancelled)."""
    from qgis.PyQt.QtWidgets import QMessageBox, QPushButton

    dock = plugin().case_dock
    buttons = [b for b in dock.findChildren(QPushButton) if b.property("citygrid_action")]
    irreversible = [b for b in buttons if b.property("citygrid_irreversible")]
    if not irreversible:
        log("  (no irreversible action offered on the selected case)")
        return

    def grab_box():
        # the confirmation (QMessageBox) or, for an action that needs input, the action dialog
        box = QApplication.activeModalWidget()
        if box is None or not box.isVisible():
            QTimer.singleShot(200, grab_box)
            return
        shoot("04_action_confirmation" if isinstance(box, QMessageBox) else "04_action_dialog", box)
        box.reject()

    QTimer.singleShot(500, grab_box)
    irreversible[0].click()
    pause(1)


@step
def report_dialog():
    """受理登记 as an operator meets it: the toolbar button, a click on the map in a grid near
    earlier cases of the same class, a 12345 call with its caller, a class typed by its Chinese
    name, two photos; shown before saving (then discarded)."""
    import tempfile

    from qgis.PyQt.QtCore import QPoint
    from qgis.PyQt.QtGui import QColor, QImage
    from qgis.PyQt.QtTest import QTest

    p = plugin()
    p.report_action.trigger()
    pause(2)
    dialog = p.report_dialog
    if dialog is None:
        log("  (the report dialog did not open: no store session or no report role)")
        return
    dialog.move(960, 150)
    from citygrid_plugin.store import desk

    canvas = iface.mapCanvas()
    extent = canvas.extent()
    # beside an open 暴露垃圾 case, so that the dialog lists it as a possible duplicate
    found = desk.search(p.session.conn, class_code="0102", states=["dispatched", "registered", "accepted"], limit=1)
    target = found[0] if found else None
    if target is not None:
        canvas.setCenter(QgsPointXY(target["x"], target["y"]))
        canvas.zoomScale(2000)
        canvas.refresh()
        pause(2)
        pixel = canvas.getCoordinateTransform().transform(target["x"] + 8, target["y"] + 6)
    else:
        pixel = canvas.getCoordinateTransform().transform(canvas.extent().center().x(), canvas.extent().center().y())
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(round(pixel.x()), round(pixel.y())))
    pause(1.5)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("12345热线"))
    dialog.reporter_edit.setText("张先生")
    dialog.phone_edit.setText("13800138000")
    dialog.class_edit.setText("暴露垃圾")
    dialog.class_edit.editingFinished.emit()
    pause(1)
    dialog.description_edit.setPlainText("春熙路与红星路交叉口东北角垃圾堆放，约两立方，有异味，市民来电反映")
    folder = Path(tempfile.mkdtemp())
    paths = []
    for k, colour in enumerate(("#6b5a3c", "#4a6a8a"), 1):
        image = QImage(640, 480, QImage.Format_RGB32)
        image.fill(QColor(colour))
        path = folder / f"现场{k}.jpg"
        image.save(str(path), "JPG")
        paths.append(str(path))
    dialog.add_photo_files(paths)
    pause(1.5)
    shoot("13_report_dialog", dialog)
    shoot("13_report_dialog_map")
    dialog.done(0)
    restore_map(extent)
    pause(1)


@step
def case_desk_search():
    """The desk's 查询 tab: a case found by part of its description, selected, its photos by stage."""
    dock = plugin().case_dock
    panel = getattr(dock, "search_panel", None)
    if panel is None:
        log("  (no search tab)")
        return
    canvas = iface.mapCanvas()
    extent = canvas.extent()
    dock.tabs.setCurrentWidget(panel)
    panel.text.setText("垃圾堆放两天")
    panel.search_button.click()
    pause(2)
    if panel.table.rowCount():
        panel.table.selectRow(0)
    pause(3)
    shoot("14_case_desk_search", dock)
    restore_map(extent)   # selecting the case moved the map
    pause(1)


@step
def admin_dialog():
    """系统管理 as an administrator opens it from the toolbar: the command manual's page of 暴露垃圾
    (its time limits, then its situations) and the working calendar at the 国庆 holidays."""
    from datetime import date

    p = plugin()
    if not p.admin_action.isEnabled():
        log("  (the administration action is disabled: no store or no admin role)")
        return
    p.admin_action.trigger()
    pause(2)
    dialog = p.admin_dialog
    if dialog is None:
        log("  (the administration dialog did not open)")
        return
    dialog.move(60, 60)
    manual = dialog.show_tab("manual")
    pause(1.5)
    manual.select_class("event", "0102")
    for index, name in ((1, "15_admin_manual"), (2, "15_admin_manual_situations")):
        manual.pages.setCurrentIndex(index)
        pause(1)
        shoot(name, dialog)
    calendar = dialog.show_tab("calendar")
    pause(1.5)
    if not calendar.entries:   # another year than the demo's calendar (data_samples/calendar_2026.csv)
        calendar.year_spin.setValue(2026)
        pause(1.5)
    entries = sorted(calendar.entries)
    october = [d for d in entries if d.month == 10]
    if entries:
        calendar.select_date((october or entries)[0])
        calendar.table.selectRow(entries.index((october or entries)[0]))
    elif calendar.year == date.today().year:
        calendar.select_date(date.today())
    pause(1)
    shoot("16_admin_calendar", dialog)
    dialog.done(0)
    pause(1)


@step
def patrol_coverage():
    """巡查覆盖 of today: the demo supervisor's track through his grids (the demo's patrol step), and
    系统管理 ▸ 责任网格 with his grids and their roster."""
    p = plugin()
    p.coverage_action.trigger()
    pause(4)
    shoot("17_patrol_coverage")
    p.coverage_action.trigger()
    pause(1)
    if not p.admin_action.isEnabled():
        return
    p.admin_action.trigger()
    pause(2)
    dialog = p.admin_dialog
    if dialog is None:
        return
    dialog.move(60, 60)
    dialog.show_tab("responsibility")
    pause(2)
    shoot("18_admin_responsibility", dialog)
    dialog.done(0)
    pause(1)


@step
def leaders_view():
    """领导视窗 (issue 18): today's and the month's figures, overdue and urged cases, the worst
    departments; then the list behind the overdue figure."""
    p = plugin()
    p.leader_action.trigger()
    pause(4)
    shoot("19_leaders_view")
    p.leader_action.trigger()
    pause(1)


@step
def big_screen():
    p = plugin()
    p.bigscreen_action.trigger()
    pause(5)
    shoot("05_big_screen", p.big_screen)
    p.big_screen.close()
    pause(1)


@step
def heatmap():
    p = plugin()
    p.heatmap_action.trigger()
    pause(3)
    dock = p.heatmap_dock
    for index in range(dock.mode.count()):
        dock.mode.setCurrentIndex(index)
        pause(3)
        shoot(f"06_heatmap_{dock.mode.itemData(index)}")
    p.heatmap_action.trigger()   # closed: its layers go with it
    pause(1)


@step
def evaluation():
    p = plugin()
    p.evaluation_action.trigger()
    pause(5)
    shoot("07_evaluation")
    dock = p.evaluation_dock
    table = dock.indicators
    if table.rowCount() and table.columnCount() > 3:
        table.cellClicked.emit(0, 3)   # 处置率 of the best department: the cases it is computed over
        pause(3)
        shoot("07_evaluation_drill_down")
    p.evaluation_action.trigger()
    pause(1)


@step
def settings():
    from citygrid_plugin.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(iface.mainWindow())
    dialog.show()
    dialog.test_button.click()
    pause(2)
    shoot("08_settings", dialog)
    dialog.reject()


@step
def census_form():
    from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext

    layer = store_layer("component", 0)
    if layer is None:
        log("  no component layer in the project")
        return
    feature = next(layer.getFeatures())
    dialog = QgsAttributeDialog(layer, feature, False, iface.mainWindow(), True)
    dialog.show()
    pause(1.5)
    shoot("09_census_form_edit", dialog)
    dialog.reject()
    layer.startEditing()
    new = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromPointXY(feature.geometry().asPoint()), {},
                                            layer.createExpressionContext())
    dialog = QgsAttributeDialog(layer, new, False, iface.mainWindow(), True)
    dialog.setMode(QgsAttributeEditorContext.AddFeatureMode)
    dialog.show()
    pause(1.5)
    shoot("09_census_form_new", dialog)
    dialog.reject()
    layer.rollBack()


@step
def grid_split():
    from qgis.gui import QgsMapMouseEvent

    p = plugin()
    grids = store_layer("grid")
    canvas = iface.mapCanvas()
    canvas.setExtent(grids.extent().buffered(-grids.extent().width() * 0.45))
    pause(2)
    p.split_action.trigger()
    pause(1)
    tool = p.split_tool
    rect = canvas.extent()
    a = QgsPointXY(rect.xMinimum() + rect.width() * 0.3, rect.yMinimum() + rect.height() * 0.2)
    b = QgsPointXY(rect.xMinimum() + rect.width() * 0.45, rect.yMinimum() + rect.height() * 0.8)
    cursor = QgsPointXY(rect.xMinimum() + rect.width() * 0.7, rect.yMinimum() + rect.height() * 0.75)

    def pixel(pt):
        q = canvas.getCoordinateTransform().transform(pt)
        return QPoint(round(q.x()), round(q.y()))

    for pt, kind, button in ((a, QEvent.MouseButtonRelease, Qt.LeftButton), (b, QEvent.MouseButtonRelease,
                                                                             Qt.LeftButton),
                             (cursor, QEvent.MouseMove, Qt.NoButton)):
        event = QgsMapMouseEvent(canvas, kind, pixel(pt), button, button, Qt.NoModifier)
        (tool.canvasReleaseEvent if kind == QEvent.MouseButtonRelease else tool.canvasMoveEvent)(event)
    pause(1)
    shoot("10_grid_split")
    p.split_action.trigger()
    canvas.zoomToFullExtent()


@step
def toolbox():
    import processing

    dock = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
    if dock is not None:
        dock.show()
        search = dock.findChild(QWidget, "searchBox")
        if search is not None:
            search.setText("CityGrid")
    pause(2)
    shoot("11_toolbox")
    dialog = processing.createAlgorithmDialog("citygrid:partitiongrids", {})
    dialog.show()
    pause(2)
    shoot("12_algorithm_dialog", dialog)
    dialog.close()


@step
def every_algorithm_dialog():
    """Each CityGrid algorithm's dialog (in algorithms/); a label cut short is logged."""
    import processing
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QLabel

    folder = OUT / "algorithms"
    folder.mkdir(exist_ok=True)
    for alg in QgsApplication.processingRegistry().providerById("citygrid").algorithms():
        dialog = processing.createAlgorithmDialog(alg.id(), {})
        dialog.show()
        pause(1)
        dialog.grab().save(str(folder / f"{alg.name()}.png"))
        cut = [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisible() and not lab.wordWrap()
               and lab.text() and lab.sizeHint().width() > lab.width() + 2]
        log(f"  algorithms/{alg.name()}.png: {dialog.width()} × {dialog.height()}"
            + (f"; labels cut: {cut}" if cut else ""))
        dialog.close()


def run_all() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    LOG.write_text("", encoding="utf-8")
    for fn in STEPS:
        log(f"{fn.__name__}")
        try:
            fn()
        except Exception:  # noqa: BLE001 - log it and go on with the next screen
            log(traceback.format_exc())
    log("done")
    os._exit(0)  # QGIS 3.22 may crash while unloading under Xvfb: the PNGs are written


QTimer.singleShot(3000, run_all)
