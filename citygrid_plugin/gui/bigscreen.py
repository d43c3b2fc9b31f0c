"""The command centre's big screen (指挥大屏): a live map of the open cases and today's figures.

(Longer than 500 lines on purpose: one window whose map, panel and street tour share their
state; the map's legend and scale bar are in gui/maplegend.py.)

:class:`BigScreen` is a top-level window (full screen when opened from the plugin) with a map
canvas — the base layers the caller passes plus a live layer of the open cases
(:sql:`citygrid.case_queue`, styled by ``styles/cases_live.qml``: colour by state, overdue cases
ringed in red), a compact legend of the layers shown and a scale bar — and a panel of figures in
text large enough to read across a room: today's actions, the open cases by state (bars in the
map's state colours) and the departments holding the most open cases, with how many are overdue.

It sizes itself to its screen (the available area, or all of it in full screen — also without a
window manager, which would otherwise leave the window at its minimum size), and its text scales
with the window (sizes are set for 1920 × 1080).

Made to stay up for days, on one :class:`~citygrid_plugin.gui.session.StoreSession` (the
plugin's, or one of its own from a :class:`~citygrid_plugin.connections.StoreTarget`):

* its listener schedules one refresh per NOTIFY from the case workflow (throttled to one per
  ``debounce_ms``, 500 ms), and a timer refreshes every ``refresh_s`` (60 s) as the overdue flags
  change with time alone;
* the figures are read on the session's connection; when a read fails (database restarted) the
  session reconnects, the status line says “reconnecting…”, and the refresh is retried every 5 s;
* nothing grows: the labels and bars are created once, the live layer is created once and
  removed with the window; closing the window stops the timers (and closes its own session).

At the city platform (a store whose ``citygrid.platform`` is the city's, store/platform.py) the
same window shows every district, read-only: the live layer is :sql:`citygrid.city_case` (the
districts' open cases the city holds by replication, keyed ``uid``), the title names the city, the
scope says 全市, the tour goes through the districts and the panel adds the districts ranked by
their open cases, with how many are overdue. The city's store notifies ``'city:<district code>'``
on channel ``qgis`` when replication brings a district's change (citygrid.feed_notify, one per
district and transaction), which refreshes the window as a desk's NOTIFY does; the figures are also
re-read every ``CITY_REFRESH_S`` (15 s) at the city, in case a notification is missed while the
listener reconnects.

The figures come from :mod:`citygrid_plugin.store.kpi`, which reads only what the big screen's
role (``citygrid_bigscreen``) may read. The live layer is refreshed by this window (not
``setRefreshOnNotifyEnabled``: QGIS 3.22's listener thread does not survive a database restart,
see :mod:`.live`).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.core import (
    QgsRectangle,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QEvent, QObject, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QGuiApplication
from qgis.PyQt.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.workflow import state_label
from ..layers import TABLE_PROPERTY, TEMPORARY_PROPERTY, StoreLayer, store_layer
from ..store import kpi
from ..store import platform as store_platform
from .maplegend import CJK_FONT, MapLegend, ScaleBar, state_colors
from .session import StoreSession

APPLICATION = "CityGrid big screen"
CST = timezone(timedelta(hours=8))
KPI_RETRY_MS = 5000
DEPARTMENT_ROWS = 6            # the departments holding the most open cases
DESIGN_SIZE = (1920, 1080)     # the text sizes below are for this window size
CASES_LIVE = StoreLayer("case_queue", "geom", "id", "cases_live", "Open cases (live)", wkb_type="Point",
                        role="cases_live", key_unique=True)
# at the city platform: every district's open cases (citygrid.city_case), with the columns the
# style reads (state, state_zh, overdue); uid is unique across districts by construction
CITY_CASES_LIVE = StoreLayer(
    "(SELECT uid, district_code, district_name, case_no, state, state_name AS state_zh, "
    "stage_deadline < now() AS overdue, urgent, geom FROM citygrid.city_case WHERE is_open)",
    "geom", "uid", "cases_live", "Open cases (live)", wkb_type="Point", role="cases_live", key_unique=True)
_TITLES = (tr("Open cases (live)"),)  # for the translation catalogue
CITY_REFRESH_S = 15            # at the city: the figures are also re-read this often (besides each NOTIFY)
DISTRICT_ROWS = 8              # at the city: the districts holding the most open cases
DEPARTMENT_COLOR = "#5b8fd6"
DISTRICT_COLOR = "#e0a040"
MIN_SCALE = 0.45               # the smallest text, relative to the design size


def panel_style(k: float) -> str:
    """The panel's style sheet with its sizes multiplied by *k* (1 at 1920 × 1080)."""
    def px(size: float) -> int:
        return max(8, round(size * k))

    return f"""
QFrame#panel {{ background: #0b1a2e; }}
QLabel {{ color: #e8eef7; font-family: "{CJK_FONT}"; }}
QLabel[role="title"] {{ font-size: {px(36)}px; font-weight: bold; color: #ffffff; }}
QLabel[role="scope"] {{ font-size: {px(30)}px; color: #9cc3ff; }}
QLabel[role="clock"] {{ font-size: {px(30)}px; color: #9cc3ff; }}
QLabel[role="caption"] {{ font-size: {px(22)}px; color: #a9b8cc; }}
QLabel[role="section"] {{ font-size: {px(26)}px; color: #9cc3ff; padding: {px(10)}px 0px 0px 0px; margin: 0px; }}
QLabel[role="value"] {{ font-size: {px(60)}px; font-weight: bold; color: #ffffff; }}
QLabel[role="value"][alert="true"] {{ color: #ff4d4d; }}
QLabel[role="state"] {{ font-size: {px(23)}px; color: #c9d6e8; }}
QLabel[role="count"] {{ font-size: {px(25)}px; font-weight: bold; color: #ffffff; }}
QLabel[role="overdue"] {{ font-size: {px(21)}px; color: #ff6b6b; }}
QLabel[role="status"] {{ font-size: {px(20)}px; color: #7fd17f; }}
QLabel[role="status"][ok="false"] {{ color: #ffb347; }}
QProgressBar {{ background: #16304d; border: none; border-radius: {px(3)}px; min-height: {px(16)}px;
               max-height: {px(16)}px; }}
QPushButton#close {{ font-size: {px(28)}px; color: #e8eef7; background: transparent; border: 1px solid #3a5275;
                     padding: 2px {px(14)}px; }}
"""


PANEL_STYLE = panel_style(1.0)


def _label(text: str, role: str) -> QLabel:
    """A panel label; plain text, as street, state and department names come from the store (a
    QLabel would render anything that looks like HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setProperty("role", role)
    label.setIndent(0)
    return label


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _bar(color: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setRange(0, 1)
    bar.setValue(0)
    bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; border-radius: 3px; }}")
    return bar


# -- on the map ------------------------------------------------------------------------------------


class _Follow(QObject):
    """Keeps the legend and the scale bar in the canvas's corners when it is resized."""

    def __init__(self, screen: BigScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Resize:
            self.screen.place_overlays()
            self.screen.show_street(self.screen.street, refresh=False)  # the same place, fitted anew
        return False


# -- the window ------------------------------------------------------------------------------------
class BigScreen(QWidget):
    """``BigScreen(store, base_layers)``: *store* is the plugin's
    :class:`~citygrid_plugin.gui.session.StoreSession` or a
    :class:`~citygrid_plugin.connections.StoreTarget` (a session of its own, closed with the
    window); *base_layers* the layers under the cases, top first (e.g.
    ``iface.mapCanvas().layers()``; they stay owned by the caller; other windows' temporary
    layers and the project's own live-cases layer are left out, the screen has its own).
    ``cycle_s`` > 0 tours the streets: every ``cycle_s`` seconds the map zooms to the next street
    and the figures are those of that street, then the whole district again (at the city
    platform: the districts, then the whole city)."""

    closed = pyqtSignal()

    def __init__(self, store, base_layers=(), parent: QWidget | None = None, cycle_s: int = 0,
                 refresh_s: int = 60, debounce_ms: int = 500) -> None:
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(tr("CityGrid command centre"))
        if isinstance(store, StoreSession):
            self.session, self.own_session = store, False
        else:
            self.session, self.own_session = StoreSession(store, live=True, application=APPLICATION), True
        self.target = self.session.target
        self.dsn = self.session.dsn
        self.kpis: dict | None = None
        self.departments: list[tuple[str, str, int, int]] = []
        self.districts: list[tuple[str, str, int, int]] = []  # at the city: (code, name, open, overdue)
        self.platform = self._platform()
        self.city = self.platform is not None and self.platform.kind == "city"
        self.kpi_ok = True
        self.kpi_error = ""
        self.updated_at: datetime | None = None
        self.street: dict | None = None  # None: the whole district
        self._streets: list[dict] | None = None
        self._tour_index = -1
        self._shut = False
        self._k = 0.0

        # -- map ---------------------------------------------------------------------------
        self.canvas = QgsMapCanvas(self)
        self.canvas.setCanvasColor(QColor("#f2f2ee"))
        self.canvas.setCachingEnabled(True)  # a repaint of the cases does not redraw the base map
        self.canvas.setPreviewJobsEnabled(False)
        self.cases_layer = store_layer(self.target, CITY_CASES_LIVE if self.city else CASES_LIVE)
        self.base_layers = [layer for layer in base_layers if layer is not None and layer.isValid()
                            and not layer.customProperty(TEMPORARY_PROPERTY)
                            and layer.customProperty(TABLE_PROPERTY) != CASES_LIVE.table]
        layers = ([self.cases_layer] if self.cases_layer.isValid() else []) + self.base_layers
        if self.cases_layer.isValid():
            self.canvas.setDestinationCrs(self.cases_layer.crs())
        elif self.base_layers:
            self.canvas.setDestinationCrs(self.base_layers[0].crs())
        self.canvas.setLayers(layers)
        self.home_extent = QgsRectangle(self.canvas.fullExtent())  # every layer, whatever the window's shape
        if self.city:  # the whole city: every district, also those with no open case now
            for district in self.streets():
                self.home_extent.combineExtentWith(QgsRectangle(*district["extent"]))
        self.home_extent.scale(1.03)
        self.canvas.setExtent(self.home_extent)
        self.legend = MapLegend(self.canvas, self.cases_layer, self.base_layers)
        self.scale_bar = ScaleBar(self.canvas)
        self.canvas.installEventFilter(_Follow(self))

        # -- panel -------------------------------------------------------------------------
        self.panel = panel = QFrame(self)
        panel.setObjectName("panel")
        box = QVBoxLayout(panel)
        # the panel never makes the window taller than its screen: its text shrinks instead
        box.setSizeConstraint(QLayout.SetNoConstraint)
        panel.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.panel_box = box
        head = QHBoxLayout()
        if self.city:
            title = _label(tr("{city} city management command centre").format(city=self.platform.name), "title")
        else:
            title = _label(tr("City management command centre"), "title")
        title.setWordWrap(True)
        self.title_label = title
        head.addWidget(title, 1)
        self.close_button = QPushButton("✕")
        self.close_button.setObjectName("close")
        self.close_button.setToolTip(tr("Close the big screen (Esc leaves full screen)"))
        self.close_button.setCursor(Qt.PointingHandCursor)
        self.close_button.clicked.connect(self.close)
        head.addWidget(self.close_button, 0, Qt.AlignTop)
        box.addLayout(head)
        line = QHBoxLayout()
        self.scope_label = _label(self._whole(), "scope")
        self.clock_label = _label("", "clock")
        line.addWidget(self.scope_label, 1)
        line.addWidget(self.clock_label)
        box.addLayout(line)

        tiles = QGridLayout()
        tiles.setVerticalSpacing(0)
        captions = (("reported", tr("Reported today")), ("registered", tr("Registered today")),
                    ("closed", tr("Closed today")), ("on_time_rate", tr("On-time closing rate")),
                    ("overdue", tr("Overdue now")), ("open", tr("Open cases")))
        self.tiles = tiles
        self.values: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(captions):
            row, col = divmod(i, 3)
            label = _label(caption, "caption")
            label.setWordWrap(True)
            tiles.addWidget(label, row * 2, col, Qt.AlignBottom)
            value = _label("—", "value")
            tiles.addWidget(value, row * 2 + 1, col)
            self.values[key] = value
        for col in range(3):
            tiles.setColumnStretch(col, 1)
        self.values["overdue"].setProperty("alert", "true")
        box.addLayout(tiles)

        box.addWidget(_label(tr("Open cases by state"), "section"))
        self.state_grid = QGridLayout()
        self.state_grid.setColumnStretch(1, 1)
        self.state_colors = state_colors(self.cases_layer)
        # one (name, count, bar) per open state, made at the first reading
        self.state_labels: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        box.addLayout(self.state_grid)

        box.addWidget(_label(tr("Departments with the most open cases"), "section"))
        self.department_grid = QGridLayout()
        self.department_grid.setColumnStretch(1, 1)
        self.department_rows: list[tuple[QLabel, QProgressBar, QLabel, QLabel]] = []
        for row in range(DEPARTMENT_ROWS):
            parts = (_label("", "state"), _bar(DEPARTMENT_COLOR), _label("", "count"), _label("", "overdue"))
            for col, widget in enumerate(parts):
                self.department_grid.addWidget(widget, row, col, Qt.AlignVCenter if col == 1 else Qt.AlignLeft)
                widget.setVisible(False)
            parts[2].setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.department_rows.append(parts)
        self.no_department = _label(tr("No open case is with a department."), "state")
        self.no_department.setVisible(False)
        self.department_grid.addWidget(self.no_department, DEPARTMENT_ROWS, 0, 1, 4)
        box.addLayout(self.department_grid)

        # at the city: the districts, ranked by their open cases, with how many are overdue
        self.district_grid = QGridLayout()
        self.district_grid.setColumnStretch(1, 1)
        self.district_rows: list[tuple[QLabel, QProgressBar, QLabel, QLabel]] = []
        self.district_section = _label(tr("Open and overdue cases by district"), "section")
        self.district_section.setVisible(self.city)
        box.addWidget(self.district_section)
        for row in range(DISTRICT_ROWS if self.city else 0):
            parts = (_label("", "state"), _bar(DISTRICT_COLOR), _label("", "count"), _label("", "overdue"))
            for col, widget in enumerate(parts):
                self.district_grid.addWidget(widget, row, col, Qt.AlignVCenter if col == 1 else Qt.AlignLeft)
                widget.setVisible(False)
            parts[2].setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.district_rows.append(parts)
        box.addLayout(self.district_grid)
        box.addStretch(1)
        self.status_label = _label(tr("Connecting…"), "status")
        self.status_label.setWordWrap(True)
        box.addWidget(self.status_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 3)
        layout.addWidget(panel, 2)
        self._shrink = QTimer(self)
        self._shrink.setSingleShot(True)
        self._shrink.setInterval(0)
        self._shrink.timeout.connect(self._shrink_to_fit)
        self._rescale()

        # -- live updates ------------------------------------------------------------------
        self.session.notified.connect(self._on_notify)
        self.session.connection_changed.connect(self._on_listener_changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self.refresh)
        self.periodic = QTimer(self)
        self.periodic.setInterval((min(refresh_s, CITY_REFRESH_S) if self.city else refresh_s) * 1000)
        self.periodic.timeout.connect(self.refresh)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(KPI_RETRY_MS)
        self.retry.timeout.connect(self.refresh)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick_clock)
        self.tour = QTimer(self)
        self.tour.timeout.connect(self.next_street)
        self._tick_clock()
        self.refresh()
        self.periodic.start()
        self.clock.start()
        if cycle_s > 0:
            self.set_cycling(cycle_s)

    @property
    def listener(self):
        return self.session.listener

    @property
    def conn(self):
        return self.session.conn

    # -- opening, size and closing ---------------------------------------------------------
    def open(self, full_screen: bool = True) -> None:
        """Show the window over its screen's available area, or all of the screen in full
        screen. The geometry is set here rather than left to a window manager: without one
        (a kiosk, Xvfb) the window would otherwise open at its minimum size."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.setGeometry(screen.availableGeometry())
            self.showMaximized()
        self.raise_()
        self.activateWindow()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        """Text, bars and margins in proportion to the window (1 at 1920 × 1080); then, once the
        new sizes are applied, smaller if the panel does not fit the window's height (a window
        never grows past its screen)."""
        k = max(MIN_SCALE, min(2.0, self.width() / DESIGN_SIZE[0], self.height() / DESIGN_SIZE[1]))
        if abs(k - self._k) < 0.02:
            return
        self._k = k
        self._apply_scale(k)
        self._shrink.start()

    def _shrink_to_fit(self) -> None:
        needed = self.panel_box.minimumSize().height()
        k = self.legend.k
        if needed > self.panel.height() > 0 and k > MIN_SCALE:
            self._apply_scale(max(MIN_SCALE, k * 0.98 * self.panel.height() / needed))
            self._shrink.start()  # measured again once applied

    def _apply_scale(self, k: float) -> None:
        self.panel.setStyleSheet(panel_style(k))
        self.panel.setMinimumWidth(round(560 * k))
        self.panel_box.setContentsMargins(round(28 * k), round(18 * k), round(28 * k), round(14 * k))
        self.panel_box.setSpacing(round(6 * k))
        self.tiles.setHorizontalSpacing(round(20 * k))
        for grid in (self.state_grid, self.department_grid, self.district_grid):
            grid.setHorizontalSpacing(round(16 * k))
            grid.setVerticalSpacing(round(5 * k))
        self.legend.restyle(k)
        self.scale_bar.place(k)
        self.legend.place()

    def place_overlays(self) -> None:
        self.scale_bar.place(self.legend.k)
        self.legend.place()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

    def shutdown(self) -> None:
        """Stop every timer, stop listening, drop the live layer and close the session when it is
        the window's own (idempotent)."""
        if self._shut:
            return
        self._shut = True
        for timer in (self.debounce, self.periodic, self.retry, self.clock, self.tour, self._shrink):
            timer.stop()
        self.session.leave(self._on_notify, self._on_listener_changed, self.own_session)
        self.canvas.stopRendering()
        self.canvas.setLayers([])
        self.legend.entries.clear()
        self.cases_layer = None  # Python owns it: this deletes the layer and its provider

    # -- figures ---------------------------------------------------------------------------
    def _platform(self):
        """This store's platform (None: a store on its own, or one that cannot tell: its figures
        are then the store's own, as before platforms existed)."""
        import psycopg2

        from ..store.db import StoreError

        try:
            return store_platform.identity(self._connection())
        except (psycopg2.Error, StoreError):
            return None

    def _whole(self) -> str:
        return tr("Whole city") if self.city else tr("Whole district")

    def _connection(self):
        if self.session.conn is None or self.session.conn.closed:
            self.session.reconnect()
        return self.session.conn

    def refresh(self) -> None:
        """Re-read the figures (once; a failure reconnects and retries in 5 s) and repaint the
        live layer."""
        import psycopg2

        from ..store.db import StoreError

        if self._shut:
            return
        self.retry.stop()
        code = self.street["code"] if self.street else None
        try:
            conn = self._connection()
            self.kpis = kpi.today_kpis(conn, street_code=code, city=self.city)
            self.departments = kpi.open_by_department(conn, street_code=code, limit=DEPARTMENT_ROWS, city=self.city)
            if self.city:
                self.districts = kpi.open_by_district(conn, limit=DISTRICT_ROWS)
        except (psycopg2.Error, StoreError) as exc:
            # the server went away (the session reconnects) or refused: try afresh in a while
            self.kpi_ok = False
            self.kpi_error = self.session.failed(exc) if isinstance(exc, psycopg2.Error) else str(exc)
            self._show_status()
            self.retry.start()
            return
        self.kpi_ok = True
        self._show_kpis(self.kpis)
        self._show_departments(self.departments)
        self._show_districts(self.districts)
        self._show_status()
        if self.cases_layer is not None and self.cases_layer.isValid():
            self.cases_layer.triggerRepaint()

    def _show_kpis(self, k: dict) -> None:
        for key in ("reported", "registered", "closed", "overdue", "open"):
            self.values[key].setText(str(k[key]))
        rate = k["on_time_rate"]
        self.values["on_time_rate"].setText("—" if rate is None else f"{rate * 100:.1f}%")
        most = max([count for _state, _name, count in k["by_state"]] + [1])
        for state, _name, count in k["by_state"]:
            if state not in self.state_labels:
                row = len(self.state_labels)
                color = self.state_colors.get(state, QColor(DEPARTMENT_COLOR)).name()
                parts = (_label(state_label(state), "state"), _label("", "count"), _bar(color))
                self.state_grid.addWidget(parts[0], row, 0)
                self.state_grid.addWidget(parts[2], row, 1, Qt.AlignVCenter)
                self.state_grid.addWidget(parts[1], row, 2, Qt.AlignRight | Qt.AlignVCenter)
                self.state_labels[state] = parts
            name, number, bar = self.state_labels[state]
            number.setText(str(count))
            bar.setRange(0, most)
            bar.setValue(count)
        self.updated_at = datetime.now(CST)

    def _show_departments(self, rows) -> None:
        self._show_ranked(self.department_rows, rows)
        self.no_department.setVisible(not rows)

    def _show_districts(self, rows) -> None:
        self._show_ranked(self.district_rows, rows)

    @staticmethod
    def _show_ranked(widgets, rows) -> None:
        """(code, name, open, overdue) rows in a ranked list of (name, bar, count, overdue) labels."""
        most = max([n for _code, _name, n, _late in rows] + [1])
        for i, (name, bar, number, late) in enumerate(widgets):
            shown = i < len(rows)
            for widget in (name, bar, number, late):
                widget.setVisible(shown)
            if not shown:
                continue
            _code, title, n, overdue = rows[i]
            name.setText(title)
            number.setText(str(n))
            bar.setRange(0, most)
            bar.setValue(n)
            late.setText(tr("{n} overdue").format(n=overdue) if overdue else "")

    def _show_status(self) -> None:
        listening = self.listener is None or self.listener.connected
        ok = self.kpi_ok and listening
        if ok and self.updated_at is not None:
            text = tr("Connected · updated {time}").format(time=self.updated_at.strftime("%H:%M:%S"))
        elif ok:
            text = tr("Connected")
        else:
            text = tr("Connection to the store lost; reconnecting…")
        self.status_label.setText(text)
        self.status_label.setProperty("ok", "true" if ok else "false")
        _restyle(self.status_label)

    def _on_notify(self, _payload: str) -> None:
        if not self.debounce.isActive():  # a throttle: a steady stream still refreshes every interval
            self.debounce.start()

    def _on_listener_changed(self, connected: bool) -> None:
        if connected:
            self.refresh()  # notifications sent while disconnected are lost: re-read everything
            if self.cases_layer is not None and self.cases_layer.isValid():
                self.cases_layer.reload()
        else:
            self._show_status()

    def _tick_clock(self) -> None:
        text = datetime.now(CST).strftime("%Y-%m-%d %H:%M")
        if self.clock_label.text() != text:
            self.clock_label.setText(text)

    # -- street tour -----------------------------------------------------------------------
    def set_cycling(self, seconds: int) -> None:
        """Tour the streets (at the city: the districts) every *seconds* (0 stops and goes back to
        the whole district or city)."""
        if seconds <= 0:
            self.tour.stop()
            self._tour_index = -1
            self.show_street(None)
            return
        self.tour.start(seconds * 1000)

    def streets(self) -> list[dict]:
        if self._streets is None:
            import psycopg2

            from ..store.db import StoreError

            try:
                self._streets = [s for s in kpi.streets(self._connection(), city=self.city)
                                 if s["extent"] is not None]
            except (psycopg2.Error, StoreError) as exc:
                if isinstance(exc, psycopg2.Error):
                    self.session.failed(exc)
                return []
        return self._streets

    def next_street(self) -> None:
        """The next street (district) of the tour; after the last one, the whole district (city)."""
        streets = self.streets()
        if not streets:
            return
        self._tour_index = (self._tour_index + 1) % (len(streets) + 1)
        self.show_street(streets[self._tour_index] if self._tour_index < len(streets) else None)

    def fit(self, rect: QgsRectangle) -> None:
        """Show *rect* whole in the part of the map the legend leaves free (the band on its
        left), so the legend never covers the district or the street on show."""
        width, height = self.canvas.width(), self.canvas.height()
        band = self.legend.width() + 2 * self.legend.margin() if not self.legend.isHidden() else 0
        if rect.isEmpty() or width <= band or height <= 0:
            self.canvas.setExtent(rect)
            return
        per_pixel = max(rect.width() / (width - band), rect.height() / height)
        xmin = rect.center().x() - (band + (width - band) / 2) * per_pixel
        ymin = rect.center().y() - height / 2 * per_pixel
        self.canvas.setExtent(QgsRectangle(xmin, ymin, xmin + width * per_pixel, ymin + height * per_pixel))

    def show_street(self, street: dict | None, refresh: bool = True) -> None:
        self.street = street
        if street is None:
            self.scope_label.setText(self._whole())
            self.fit(self.home_extent)
        else:
            self.scope_label.setText(street["name"])
            rect = QgsRectangle(*street["extent"])
            rect.scale(1.1)
            self.fit(rect)
        self.canvas.refresh()
        if refresh:
            self.refresh()
