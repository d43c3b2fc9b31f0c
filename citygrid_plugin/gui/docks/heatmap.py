"""The case heatmap dock (案件热力图): where cases concentrate, live.

A time window (the last 7, 30 or 90 days, or a custom range) that a slider moves back through
the past year, filters by kind, class, source and state, and three views of the same selected
cases: a heatmap (QGIS's heatmap renderer, radius in metres on the map), the case points, or the
count per unit grid (graduated, in whole-number classes). The cases are chosen by one
:class:`~citygrid_plugin.core.casefilter.CaseFilter`, as the Processing algorithms choose theirs,
so the dock and ``citygrid:hotspots`` count the same cases.

The dock shows two layers while it is open (a point layer on ``citygrid.work_case`` with the
filter as subset string, and a query layer of the active grids with their counts), as
*temporary* layers (:func:`~citygrid_plugin.layers.add_temporary_layer`): below the layers people
edit, never marking the project changed, removed when the dock closes. It keeps them in step with
the store through its :class:`~citygrid_plugin.gui.session.StoreSession`: a NOTIFY from the
workflow (``case:<id>``) reloads them within a second, and after a lost connection everything
is re-read.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from qgis.core import (
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsMarkerSymbol,
    QgsProject,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDate, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.breaks import class_breaks
from ...core.casefilter import CST, OPEN_STATES, SOURCES, CaseFilter, FilterError
from ...core.i18n import tr
from ...core.workflow import STATES, state_label
from ...layers import (
    ROLE_PROPERTY,
    add_temporary_layer,
    project_unchanged,
    remove_temporary_layers,
    store_info,
    store_uri,
)
from ...store import analysis
from ...store.db import StoreError
from . import SessionDock

PRESETS = (7, 30, 90)          # days; the combo's last entry is a custom range
MODES = ("heatmap", "points", "grids")
ROLE_POINTS = "cases_heatmap"
ROLE_GRIDS = "grid_case_counts"
OWNER = "heatmap"              # the dock's temporary layers
HISTORY_DAYS = 365             # how far back the slider moves the window
GRID_CLASSES = 5               # at most; never more than the distinct counts
COUNT_RAMP = ("#fcbba1", "#a50f15")  # light to dark red; grids without a case are not filled
OPEN_END = 1e9                 # upper bound of the last class ("7+")
POINT_COLOR = "#1d2f8c"


def heat_ramp() -> QgsGradientColorRamp:
    """Transparent → yellow → orange → red: the map below stays readable where nothing happens."""
    ramp = QgsGradientColorRamp(QColor(255, 255, 178, 0), QColor(189, 0, 38, 230))
    ramp.setStops([QgsGradientStop(0.25, QColor(254, 204, 92, 140)), QgsGradientStop(0.5, QColor(253, 141, 60, 180)),
                   QgsGradientStop(0.75, QColor(240, 59, 32, 210))])
    return ramp


def count_classes(counts) -> list[tuple[int, float, str]]:
    """The classes of the cases-per-grid view as (lower, upper, label): whole numbers without
    gaps, duplicates or empty classes (exact Jenks on the distinct counts, :mod:`core.breaks`,
    the same as the thematic maps), e.g. 1, 2–3, 4–6, 7+; the last class is open-ended so a
    grid that gains a case before the next refresh stays in it. Zero is not among them."""
    ranges = class_breaks(counts, "jenks", GRID_CLASSES)
    out = []
    for i, (low, high) in enumerate(ranges):
        low_i, high_i = int(low), int(high)
        if i == len(ranges) - 1:
            out.append((low_i, OPEN_END, f"{low_i}+"))
        else:
            out.append((low_i, high_i, str(low_i) if low_i == high_i else f"{low_i}–{high_i}"))
    return out


def count_renderer(counts) -> QgsGraduatedSymbolRenderer:
    """Graduated renderer of field ``cases``: grids without a case outlined only (class
    "0 (no case)"), the others in :func:`count_classes`, light to dark red. The ranges are set
    one by one (no classification call: QGIS's Jenks works on floats and labels counts
    "0 - 0, 0 - 1, 1 - 2")."""
    renderer = QgsGraduatedSymbolRenderer("cases")
    ramp = QgsGradientColorRamp(QColor(COUNT_RAMP[0]), QColor(COUNT_RAMP[1]))
    renderer.setSourceColorRamp(ramp)
    zero = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#9a9a9a", "outline_width": "0.12"})
    renderer.addClassRange(QgsRendererRange(0, 0, zero, tr("0 (no case)")))
    classes = count_classes(counts)
    for i, (low, high, label) in enumerate(classes):
        t = i / (len(classes) - 1) if len(classes) > 1 else 1.0
        color = ramp.color(t)
        color.setAlpha(215)
        symbol = QgsFillSymbol.createSimple({"outline_color": "#7a0000", "outline_width": "0.12"})
        symbol.setColor(color)
        renderer.addClassRange(QgsRendererRange(low, high, symbol, label))
    return renderer


class HeatmapDock(SessionDock):
    """``HeatmapDock(iface, store, parent=None, live=True, project=None)``: *store* is the
    plugin's :class:`~citygrid_plugin.gui.session.StoreSession` or a
    :class:`~citygrid_plugin.connections.StoreTarget` (a session of its own, closed with the
    dock). ``changed(total)`` after every refresh, with the number of cases selected
    (QgsDockWidget's own ``closed`` tells the plugin when the user closes it)."""

    changed = pyqtSignal(int)

    def __init__(self, iface, store, parent=None, live: bool = True, project: QgsProject | None = None) -> None:
        super().__init__(tr("Case heatmap"), store, parent, live=live)
        self.setObjectName("CityGridHeatmap")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.total = 0
        self.points_layer: QgsVectorLayer | None = None
        self.grids_layer: QgsVectorLayer | None = None
        self._shut = False
        remove_temporary_layers(self.project, OWNER)  # left over in a project saved while the dock was open

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
        for state in STATES:
            self.state.addItem(state_label(state), state)
        form.addRow(tr("State"), self.state)
        self.mode = QComboBox()
        for mode, label in zip(MODES, (tr("Heatmap"), tr("Points"), tr("Cases per grid"))):
            self.mode.addItem(label, mode)
        form.addRow(tr("Show"), self.mode)
        self.radius = QSpinBox()
        self.radius.setRange(10, 2000)
        self.radius.setSingleStep(10)
        self.radius.setValue(150)
        self.radius.setSuffix(" m")
        self.radius.setToolTip(tr("How far each case spreads its heat (heatmap view only)"))
        form.addRow(tr("Heatmap radius"), self.radius)
        layout.addLayout(form)
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
        self.mode.currentIndexChanged.connect(lambda _i: self.apply_mode())
        self.radius.valueChanged.connect(lambda _v: self.apply_mode())
        self._window_changed()
        self.refresh()

    # -- the filter --------------------------------------------------------------------------
    def current_mode(self) -> str:
        """The view shown: 'heatmap', 'points' or 'grids'."""
        return self.mode.currentData() or MODES[0]

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))
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
        self._show_window_dates()

    def _show_window_dates(self) -> None:
        """A preset window shows its first and last day in the (greyed) date boxes, so switching
        to a custom range starts from what was on the map."""
        days = self.window.currentData()
        if not days:
            return
        end = self.window_end()
        for edit, day in ((self.date_from, (end - timedelta(days=days)).date()), (self.date_to, end.date())):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _label_slider(self) -> None:
        back = HISTORY_DAYS - self.slider.value()
        self.slider_label.setText(tr("today") if back == 0 else tr("{days} days ago").format(days=back))

    def _slider_moved(self) -> None:
        self._label_slider()
        self._show_window_dates()
        self.debounce.start()

    # -- layers ------------------------------------------------------------------------------
    def _alive(self, layer) -> bool:
        """Is *layer* still in the project (a person may remove it, a new project clears it)?"""
        return layer is not None and not sip.isdeleted(layer) and self.project.mapLayer(layer.id()) is not None

    def _grids_sql(self, flt: CaseFilter) -> str:
        return ("(SELECT g.id, g.code, g.geom, count(c.id)::integer AS cases FROM citygrid.grid g "  # nosec B608
                f"LEFT JOIN citygrid.work_case c ON c.grid_code = g.code AND {flt.subset('c')} "
                "WHERE g.retired_at IS NULL AND g.code IS NOT NULL GROUP BY g.id, g.code, g.geom)")

    def _ensure_layers(self, flt: CaseFilter) -> None:
        store_info(self.target)  # the store's CRS, looked up once
        points_uri = store_uri(self.target, "work_case", "geom", "id", flt.subset(), "Point")
        # one row per grid by construction (GROUP BY the grid's key): QGIS need not check the key
        grids_uri = store_uri(self.target, self._grids_sql(flt), "geom", "id", "", "Polygon", key_unique=True)
        with project_unchanged(self.project):
            if not self._alive(self.points_layer):
                self.points_layer = QgsVectorLayer(points_uri, tr("Case heatmap"), "postgres")
                self.points_layer.setCustomProperty(ROLE_PROPERTY, ROLE_POINTS)
                add_temporary_layer(self.project, self.points_layer, OWNER)
            elif self.points_layer.subsetString() != flt.subset():
                self.points_layer.setSubsetString(flt.subset())
            else:
                self.points_layer.dataProvider().reloadData()
            if not self._alive(self.grids_layer):
                self.grids_layer = QgsVectorLayer(grids_uri, tr("Cases per grid"), "postgres")
                self.grids_layer.setCustomProperty(ROLE_PROPERTY, ROLE_GRIDS)
                add_temporary_layer(self.project, self.grids_layer, OWNER)
            elif self.grids_layer.source() != grids_uri:
                self.grids_layer.setDataSource(grids_uri, tr("Cases per grid"), "postgres")
            else:
                self.grids_layer.dataProvider().reloadData()

    def _grid_counts(self) -> list[int]:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(["cases"], self.grids_layer.fields())
        return [int(f["cases"] or 0) for f in self.grids_layer.getFeatures(request)]

    def apply_mode(self) -> None:
        """Renderer and visibility for the chosen view; the radius only counts for the heatmap."""
        mode = self.current_mode()
        self.radius.setEnabled(mode == "heatmap")
        if not (self._alive(self.points_layer) and self._alive(self.grids_layer)):
            return
        with project_unchanged(self.project):
            if mode == "heatmap":
                renderer = QgsHeatmapRenderer()
                renderer.setRadius(float(self.radius.value()))
                renderer.setRadiusUnit(QgsUnitTypes.RenderMapUnits)
                renderer.setColorRamp(heat_ramp())
                renderer.setMaximumValue(0)  # automatic: the densest spot of the view is red
                self.points_layer.setRenderer(renderer)
            else:
                # dark blue ringed in white: seen on the red of hot spots and on the pale base map alike
                symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": POINT_COLOR, "size": "1.8",
                                                       "outline_color": "#ffffff", "outline_width": "0.25"})
                self.points_layer.setRenderer(QgsSingleSymbolRenderer(symbol))
            if self.grids_layer.isValid():
                self.grids_layer.setRenderer(count_renderer(self._grid_counts()))
            tree = self.project.layerTreeRoot()
            for layer, visible in ((self.points_layer, mode != "grids"), (self.grids_layer, mode == "grids")):
                node = tree.findLayer(layer.id())
                if node is not None:
                    node.setItemVisibilityChecked(visible)
                layer.triggerRepaint()

    # -- refresh -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._shut:
            return
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
    def on_notified(self, payload: str) -> None:
        if payload.startswith("case:"):
            self.debounce.start()

    def on_reconnected(self) -> None:
        self.debounce.start()

    # -- lifetime ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, remove_layers: bool = True) -> None:
        """Stop listening, take the dock's layers out of the project (unless *remove_layers* is
        False) and close the session when it is the dock's own. Safe to call twice."""
        self.debounce.stop()
        if remove_layers:
            remove_temporary_layers(self.project, OWNER)
            self.points_layer = self.grids_layer = None
        if not self._shut:
            self._shut = True
            super().shutdown()
