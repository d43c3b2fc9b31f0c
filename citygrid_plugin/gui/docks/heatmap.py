"""The case heatmap dock (案件热力图): where cases concentrate, live.

A time window (the last 7, 30 or 90 days, or a custom range) that a slider moves back through
the past year, filters by kind, class, source and state, and three views of the same selected
cases: a heatmap (QGIS's heatmap renderer, radius in metres on the map), the case points, or the
count per unit grid (graduated). The cases are chosen by one
:class:`~citygrid_plugin.core.casefilter.CaseFilter`, as the Processing algorithms choose theirs,
so the dock and ``citygrid:hotspots`` count the same cases.

The dock owns two layers in the project (a point layer on ``citygrid.work_case`` with the filter
as subset string, and a query layer of the active grids with their counts) and keeps them in
step with the store: a NOTIFY from the workflow (``case:<id>``) reloads them within a second,
and after a lost connection everything is re-read.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from qgis.core import (
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsMarkerSymbol,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QDate, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.casefilter import CST, OPEN_STATES, SOURCES, STATES, CaseFilter, FilterError
from ...core.i18n import tr
from ...store import analysis
from ...store.db import StoreError, connect
from . import StoreConnectionMixin

PRESETS = (7, 30, 90)          # days; the combo's last entry is a custom range
MODES = ("heatmap", "points", "grids")
ROLE_POINTS = "cases_heatmap"
ROLE_GRIDS = "grid_case_counts"
HISTORY_DAYS = 365             # how far back the slider moves the window


def heat_ramp() -> QgsGradientColorRamp:
    """Transparent → yellow → orange → red: the map below stays readable where nothing happens."""
    ramp = QgsGradientColorRamp(QColor(255, 255, 178, 0), QColor(189, 0, 38, 230))
    ramp.setStops([QgsGradientStop(0.25, QColor(254, 204, 92, 140)), QgsGradientStop(0.5, QColor(253, 141, 60, 180)),
                   QgsGradientStop(0.75, QColor(240, 59, 32, 210))])
    return ramp


class HeatmapDock(StoreConnectionMixin, QgsDockWidget):
    """``changed(total)`` after every refresh, with the number of cases selected (QgsDockWidget's
    own ``closed`` tells the plugin when the user closes it)."""

    changed = pyqtSignal(int)

    def __init__(self, iface, target, parent=None, live: bool = True, project: QgsProject | None = None) -> None:
        super().__init__(tr("Case heatmap"), parent)
        self.setObjectName("CityGridHeatmap")
        self.iface = iface
        self.target = target
        self.project = project or QgsProject.instance()
        self.dsn = target.dsn()
        self.conn = connect(self.dsn)
        self.listener = None
        self.total = 0
        self.points_layer: QgsVectorLayer | None = None
        self.grids_layer: QgsVectorLayer | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.window = QComboBox()
        for days in PRESETS:
            self.window.addItem(tr("last {days} days").format(days=days), days)
        self.window.addItem(tr("custom range"), 0)
        self.window.setCurrentIndex(1)
        form.addRow(tr("Window"), self.window)
        dates = QHBoxLayout()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            dates.addWidget(edit)
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-30))
        self.date_to.setDate(today)
        form.addRow(tr("From / to"), dates)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, HISTORY_DAYS)
        self.slider.setValue(HISTORY_DAYS)
        self.slider.setToolTip(tr("Move the window back in time"))
        self.slider_label = QLabel()
        self.slider_label.setTextFormat(Qt.PlainText)
        slide = QHBoxLayout()
        slide.addWidget(self.slider)
        slide.addWidget(self.slider_label)
        form.addRow(tr("Window ends"), slide)
        self.kind = QComboBox()
        self.kind.addItem(tr("events and components"), "")
        self.kind.addItem(tr("events"), "event")
        self.kind.addItem(tr("components"), "component")
        form.addRow(tr("Kind"), self.kind)
        self.classes = QLineEdit()
        self.classes.setPlaceholderText(tr("class codes, e.g. 0102, 01 (empty: all)"))
        form.addRow(tr("Classes"), self.classes)
        self.source = QComboBox()
        self.source.addItem(tr("all sources"), "")
        for source in SOURCES:
            self.source.addItem(source, source)
        form.addRow(tr("Source"), self.source)
        self.state = QComboBox()
        self.state.addItem(tr("all states"), "")
        self.state.addItem(tr("open cases"), "open")
        for state, name in STATES.items():
            self.state.addItem(name, state)
        form.addRow(tr("State"), self.state)
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for i, (mode, label) in enumerate(zip(MODES, (tr("Heatmap"), tr("Points"), tr("Cases per grid")))):
            button = QRadioButton(label)
            self.mode_group.addButton(button, i)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        self.mode_buttons["heatmap"].setChecked(True)
        form.addRow(tr("Show"), modes)
        self.radius = QSpinBox()
        self.radius.setRange(10, 2000)
        self.radius.setSingleStep(10)
        self.radius.setValue(150)
        self.radius.setSuffix(" m")
        form.addRow(tr("Heatmap radius"), self.radius)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)  # quotes what the user typed and store messages
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setWidget(body)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(300)
        self.debounce.timeout.connect(self.refresh)
        self.window.currentIndexChanged.connect(lambda _i: (self._window_changed(), self.refresh()))
        self.slider.valueChanged.connect(self._slider_moved)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(self.debounce.start)
        for combo in (self.kind, self.source, self.state):
            combo.currentIndexChanged.connect(self.refresh)
        self.classes.editingFinished.connect(self.refresh)
        self.mode_group.buttonClicked.connect(lambda _b: self.apply_mode())
        self.radius.valueChanged.connect(lambda _v: self.apply_mode())
        self._window_changed()
        if live:
            self._start_listener()
        self.refresh()

    # -- the filter --------------------------------------------------------------------------
    def mode(self) -> str:
        return MODES[max(self.mode_group.checkedId(), 0)]

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)
        self.apply_mode()

    def window_end(self) -> datetime:
        """End of the window: now, moved back by the slider (in whole days)."""
        back = HISTORY_DAYS - self.slider.value()
        return datetime.now(CST) - timedelta(days=back)

    def case_filter(self) -> CaseFilter:
        """The filter the widgets describe (raises FilterError with the reason)."""
        days = self.window.currentData()
        states: tuple[str, ...] = ()
        state = self.state.currentData()
        if state == "open":
            states = OPEN_STATES
        elif state:
            states = (state,)
        classes = tuple(c.strip() for c in self.classes.text().replace("，", ",").split(",") if c.strip())
        extra = {"kinds": (self.kind.currentData(),) if self.kind.currentData() else (),
                 "classes": classes, "sources": (self.source.currentData(),) if self.source.currentData() else (),
                 "states": states}
        if days:
            return CaseFilter.last_days(days, now=self.window_end(), **extra)
        start = datetime.combine(self.date_from.date().toPyDate(), time(0), CST)
        end = datetime.combine(self.date_to.date().toPyDate() + timedelta(days=1), time(0), CST)
        return CaseFilter(start, end, **extra)

    def _window_changed(self) -> None:
        custom = not self.window.currentData()
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.slider.setEnabled(not custom)
        self._label_slider()

    def _label_slider(self) -> None:
        back = HISTORY_DAYS - self.slider.value()
        self.slider_label.setText(tr("today") if back == 0 else tr("{days} days ago").format(days=back))

    def _slider_moved(self) -> None:
        self._label_slider()
        self.debounce.start()

    # -- layers ------------------------------------------------------------------------------
    def _uri(self, table: str, key: str, subset: str = ""):
        from ...layers import store_info

        uri = self.target.layer_uri()
        uri.setDataSource("citygrid" if not table.startswith("(") else "", table, "geom", subset, key)
        uri.setWkbType(QgsWkbTypes.Point if table == "work_case" else QgsWkbTypes.Polygon)
        uri.setSrid(str(store_info(self.target)["srid"]))
        return uri.uri(False)

    def _grids_sql(self, flt: CaseFilter) -> str:
        return ("(SELECT g.id, g.code, g.geom, count(c.id)::integer AS cases FROM citygrid.grid g "  # nosec B608
                f"LEFT JOIN citygrid.work_case c ON c.grid_code = g.code AND {flt.subset('c')} "
                "WHERE g.retired_at IS NULL AND g.code IS NOT NULL GROUP BY g.id, g.code, g.geom)")

    def _ensure_layers(self, flt: CaseFilter) -> None:
        if self.points_layer is None or self.project.mapLayer(self.points_layer.id()) is None:
            self.points_layer = QgsVectorLayer(self._uri("work_case", "id", flt.subset()), tr("Case heatmap"),
                                               "postgres")
            self.points_layer.setCustomProperty("citygrid/role", ROLE_POINTS)
            self.project.addMapLayer(self.points_layer)
        elif self.points_layer.subsetString() != flt.subset():
            self.points_layer.setSubsetString(flt.subset())
        else:
            self.points_layer.dataProvider().reloadData()
        grids_uri = self._uri(self._grids_sql(flt), "id")
        if self.grids_layer is None or self.project.mapLayer(self.grids_layer.id()) is None:
            self.grids_layer = QgsVectorLayer(grids_uri, tr("Cases per grid"), "postgres")
            self.grids_layer.setCustomProperty("citygrid/role", ROLE_GRIDS)
            self.project.addMapLayer(self.grids_layer)
        elif self.grids_layer.source() != grids_uri:
            self.grids_layer.setDataSource(grids_uri, tr("Cases per grid"), "postgres")
        else:
            self.grids_layer.dataProvider().reloadData()

    def apply_mode(self) -> None:
        """Renderer and visibility for the chosen view."""
        if self.points_layer is None or self.grids_layer is None:
            return
        mode = self.mode()
        if mode == "heatmap":
            renderer = QgsHeatmapRenderer()
            renderer.setRadius(float(self.radius.value()))
            renderer.setRadiusUnit(QgsUnitTypes.RenderMapUnits)
            renderer.setColorRamp(heat_ramp())
            renderer.setMaximumValue(0)  # automatic: the densest spot of the view is red
            self.points_layer.setRenderer(renderer)
        else:
            symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#d7301f", "size": "1.6",
                                                   "outline_color": "#ffffff", "outline_width": "0.2"})
            self.points_layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        if self.grids_layer.isValid() and (mode == "grids" or not isinstance(
                self.grids_layer.renderer(), QgsGraduatedSymbolRenderer)):
            renderer = QgsGraduatedSymbolRenderer("cases")
            renderer.setSourceColorRamp(QgsGradientColorRamp(QColor("#fff5f0"), QColor("#a50f15")))
            renderer.updateClasses(self.grids_layer, QgsGraduatedSymbolRenderer.Jenks, 5)
            self.grids_layer.setRenderer(renderer)
        tree = self.project.layerTreeRoot()
        for layer, visible in ((self.points_layer, mode != "grids"), (self.grids_layer, mode == "grids")):
            node = tree.findLayer(layer.id())
            if node is not None:
                node.setItemVisibilityChecked(visible)
            layer.triggerRepaint()

    # -- refresh -----------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            flt = self.case_filter()
        except FilterError as exc:
            self.status.setText(str(exc))
            return
        try:
            self.total = analysis.case_total(self.conn, flt)
        except StoreError as exc:
            self.store_failed(exc)
            return
        self._ensure_layers(flt)
        self.apply_mode()
        self.status.setText(tr("{n} cases, {window}").format(n=self.total, window=flt.describe()))
        self.changed.emit(self.total)


    # -- live --------------------------------------------------------------------------------
    def _start_listener(self) -> None:
        from ..live import StoreListener

        self.listener = StoreListener(self.dsn, "qgis", self, application="CityGrid heatmap")
        self.listener.notified.connect(self._notified)
        self.listener.connection_changed.connect(self._connection_changed)
        self.listener.start()

    def _notified(self, payload: str) -> None:
        if payload.startswith("case:"):
            self.debounce.start()

    def _connection_changed(self, connected: bool) -> None:
        if connected:
            self.reconnect()
            self.debounce.start()
        else:
            self.status.setText(tr("Connection to the store lost; reconnecting…"))

    # -- lifetime ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, remove_layers: bool = False) -> None:
        """Stop listening and close the connection; the layers stay in the project unless asked."""
        self.debounce.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if remove_layers:
            for layer in (self.points_layer, self.grids_layer):
                if layer is not None and self.project.mapLayer(layer.id()) is not None:
                    self.project.removeMapLayer(layer.id())
            self.points_layer = self.grids_layer = None
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
