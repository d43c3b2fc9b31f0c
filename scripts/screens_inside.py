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
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
                   None)
        if box is None:
            QTimer.singleShot(200, grab_box)
            return
        shoot("04_action_confirmation", box)
        box.reject()

    QTimer.singleShot(500, grab_box)
    irreversible[0].click()
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
