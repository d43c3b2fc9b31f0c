"""The command centre's big screen (指挥大屏): a live map of the open cases and today's figures.

:class:`BigScreen` is a top-level window (full screen when opened from the plugin) with a map
canvas — the base layers the caller passes plus a live layer of the open cases
(:sql:`citygrid.case_queue`, styled by ``styles/cases_live.qml``: colour by state, overdue cases
ringed in red) — and a panel of today's figures in text large enough to read across a room.

Made to stay up for days:

* one :class:`~citygrid_plugin.gui.live.StoreListener` (its own connection); every NOTIFY from
  the case workflow schedules one refresh (throttled to one per ``debounce_ms``, 500 ms), and a
  timer refreshes every ``refresh_s`` (60 s) as the overdue flags change with time alone;
* one psycopg2 connection for the figures, reused; when a query fails (database restarted) it is
  closed, the status line says “reconnecting…”, and the refresh is retried every 5 s with a new
  connection;
* nothing grows: the labels are created once, the live layer is created once and removed with
  the window; closing the window stops the timers and closes both connections.

The live layer is refreshed by this window (not ``setRefreshOnNotifyEnabled``: QGIS 3.22's
listener thread does not survive a database restart, see :mod:`.live`).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.core import QgsRectangle
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.i18n import tr
from ..layers import StoreLayer, store_layer
from ..store import kpi
from .live import StoreListener

APPLICATION = "CityGrid big screen"
CJK_FONT = "Noto Sans CJK SC"
CST = timezone(timedelta(hours=8))
KPI_RETRY_MS = 5000
CASES_LIVE = StoreLayer("case_queue", "geom", "id", "cases_live", "Open cases (live)", wkb_type="Point",
                        role="cases_live")
_TITLES = (tr("Open cases (live)"),)  # for the translation catalogue

PANEL_STYLE = f"""
QFrame#panel {{ background: #0b1a2e; }}
QLabel {{ color: #e8eef7; font-family: "{CJK_FONT}"; }}
QLabel[role="title"] {{ font-size: 40px; font-weight: bold; color: #ffffff; }}
QLabel[role="scope"] {{ font-size: 30px; color: #9cc3ff; }}
QLabel[role="clock"] {{ font-size: 30px; color: #9cc3ff; }}
QLabel[role="caption"] {{ font-size: 26px; color: #a9b8cc; }}
QLabel[role="value"] {{ font-size: 68px; font-weight: bold; color: #ffffff; }}
QLabel[role="value"][alert="true"] {{ color: #ff4d4d; }}
QLabel[role="state"] {{ font-size: 24px; color: #c9d6e8; }}
QLabel[role="count"] {{ font-size: 30px; font-weight: bold; color: #ffffff; }}
QLabel[role="status"] {{ font-size: 20px; color: #7fd17f; }}
QLabel[role="status"][ok="false"] {{ color: #ffb347; }}
QPushButton#close {{ font-size: 28px; color: #e8eef7; background: transparent; border: 1px solid #3a5275;
                     padding: 2px 14px; }}
"""


def _label(text: str, role: str) -> QLabel:
    """A panel label; plain text, as street and state names come from the store (a QLabel would
    render anything that looks like HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setProperty("role", role)
    return label


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class BigScreen(QWidget):
    """``BigScreen(target, base_layers)``: *target* is the store (a
    :class:`~citygrid_plugin.connections.StoreTarget`), *base_layers* the layers under the cases,
    top first (e.g. ``iface.mapCanvas().layers()``; they stay owned by the caller).
    ``cycle_s`` > 0 tours the streets: every ``cycle_s`` seconds the map zooms to the next street
    and the figures are those of that street, then the whole district again."""

    closed = pyqtSignal()

    def __init__(self, target, base_layers=(), parent: QWidget | None = None, cycle_s: int = 0,
                 refresh_s: int = 60, debounce_ms: int = 500) -> None:
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(tr("CityGrid command centre"))
        self.target = target
        self.dsn = target.dsn()
        self.conn = None
        self.kpis: dict | None = None
        self.kpi_ok = True
        self.kpi_error = ""
        self.updated_at: datetime | None = None
        self.street: dict | None = None  # None: the whole district
        self._streets: list[dict] | None = None
        self._tour_index = -1
        self._shut = False

        # -- map ---------------------------------------------------------------------------
        self.canvas = QgsMapCanvas(self)
        self.canvas.setCanvasColor(QColor("#f2f2ee"))
        self.canvas.setCachingEnabled(True)  # a repaint of the cases does not redraw the base map
        self.canvas.setPreviewJobsEnabled(False)
        self.cases_layer = store_layer(target, CASES_LIVE)
        self.base_layers = [layer for layer in base_layers if layer is not None and layer.isValid()]
        layers = ([self.cases_layer] if self.cases_layer.isValid() else []) + self.base_layers
        if self.cases_layer.isValid():
            self.canvas.setDestinationCrs(self.cases_layer.crs())
        elif self.base_layers:
            self.canvas.setDestinationCrs(self.base_layers[0].crs())
        self.canvas.setLayers(layers)
        self.canvas.zoomToFullExtent()
        self.home_extent = QgsRectangle(self.canvas.extent())

        # -- panel -------------------------------------------------------------------------
        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setStyleSheet(PANEL_STYLE)
        panel.setMinimumWidth(620)
        box = QVBoxLayout(panel)
        box.setContentsMargins(28, 20, 28, 16)
        head = QHBoxLayout()
        title = _label(tr("City management command centre"), "title")
        title.setWordWrap(True)
        head.addWidget(title, 1)
        self.close_button = QPushButton("✕")
        self.close_button.setObjectName("close")
        self.close_button.setToolTip(tr("Close the big screen (Esc leaves full screen)"))
        self.close_button.setCursor(Qt.PointingHandCursor)
        self.close_button.clicked.connect(self.close)
        head.addWidget(self.close_button)
        box.addLayout(head)
        line = QHBoxLayout()
        self.scope_label = _label(tr("Whole district"), "scope")
        self.clock_label = _label("", "clock")
        line.addWidget(self.scope_label, 1)
        line.addWidget(self.clock_label)
        box.addLayout(line)

        tiles = QGridLayout()
        tiles.setHorizontalSpacing(24)
        tiles.setVerticalSpacing(4)
        captions = (("reported", tr("Reported today")), ("registered", tr("Registered today")),
                    ("closed", tr("Closed today")), ("on_time_rate", tr("On-time closing rate")),
                    ("overdue", tr("Overdue now")), ("open", tr("Open cases")))
        self.values: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(captions):
            row, col = divmod(i, 2)
            tiles.addWidget(_label(caption, "caption"), row * 2, col)
            value = _label("—", "value")
            tiles.addWidget(value, row * 2 + 1, col)
            self.values[key] = value
        self.values["overdue"].setProperty("alert", "true")
        box.addLayout(tiles)

        box.addSpacing(12)
        box.addWidget(_label(tr("Open cases by state"), "caption"))
        self.state_grid = QGridLayout()
        self.state_grid.setVerticalSpacing(2)
        self.state_grid.setHorizontalSpacing(18)
        self.state_labels: dict[str, tuple[QLabel, QLabel]] = {}  # one pair per open state, made once
        box.addLayout(self.state_grid)
        box.addStretch(1)
        self.status_label = _label(tr("Connecting…"), "status")
        self.status_label.setWordWrap(True)
        box.addWidget(self.status_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 3)
        layout.addWidget(panel, 2)

        # -- live updates ------------------------------------------------------------------
        self.listener = StoreListener(self.dsn, "qgis", self, application=APPLICATION)
        self.listener.notified.connect(self._on_notify)
        self.listener.connection_changed.connect(self._on_listener_changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self.refresh)
        self.periodic = QTimer(self)
        self.periodic.setInterval(refresh_s * 1000)
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
        self.listener.start()
        self.refresh()
        self.periodic.start()
        self.clock.start()
        if cycle_s > 0:
            self.set_cycling(cycle_s)

    # -- opening and closing ---------------------------------------------------------------
    def open(self, full_screen: bool = True) -> None:
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

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
        """Stop every timer, close both connections and drop the live layer (idempotent)."""
        if self._shut:
            return
        self._shut = True
        for timer in (self.debounce, self.periodic, self.retry, self.clock, self.tour):
            timer.stop()
        self.listener.stop()
        self._close_conn()
        self.canvas.stopRendering()
        self.canvas.setLayers([])
        self.cases_layer = None  # Python owns it: this deletes the layer and its provider

    # -- figures ---------------------------------------------------------------------------
    def _connection(self):
        if self.conn is None or self.conn.closed:
            import psycopg2

            conn = psycopg2.connect(self.dsn, application_name=APPLICATION, connect_timeout=3, keepalives=1,
                                    keepalives_idle=30, keepalives_interval=10, keepalives_count=3)
            with conn.cursor() as cur:
                cur.execute("SET TIME ZONE 'Asia/Shanghai'")
            conn.commit()
            self.conn = conn
        return self.conn

    def _close_conn(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a broken connection may refuse even this
                pass
            self.conn = None

    def refresh(self) -> None:
        """Re-read the figures (once; failures close the connection and retry in 5 s) and
        repaint the live layer."""
        import psycopg2

        if self._shut:
            return
        self.retry.stop()
        code = self.street["code"] if self.street else None
        try:
            self.kpis = kpi.today_kpis(self._connection(), street_code=code)
        except psycopg2.Error as exc:
            # OperationalError/InterfaceError: the server went away; anything else: try afresh too
            self._close_conn()
            self.kpi_ok = False
            self.kpi_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self._show_status()
            self.retry.start()
            return
        self.kpi_ok = True
        self._show_kpis(self.kpis)
        self._show_status()
        if self.cases_layer is not None and self.cases_layer.isValid():
            self.cases_layer.triggerRepaint()

    def _show_kpis(self, k: dict) -> None:
        for key in ("reported", "registered", "closed", "overdue", "open"):
            self.values[key].setText(str(k[key]))
        rate = k["on_time_rate"]
        self.values["on_time_rate"].setText("—" if rate is None else f"{rate * 100:.1f}%")
        row = len(self.state_labels)
        for state, name, count in k["by_state"]:
            if state not in self.state_labels:
                pair = (_label(name, "state"), _label("", "count"))
                self.state_grid.addWidget(pair[0], row // 3, (row % 3) * 2)
                self.state_grid.addWidget(pair[1], row // 3, (row % 3) * 2 + 1)
                self.state_labels[state] = pair
                row += 1
            self.state_labels[state][1].setText(str(count))
        self.updated_at = datetime.now(CST)

    def _show_status(self) -> None:
        ok = self.kpi_ok and self.listener.connected
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
        """Tour the streets every *seconds* (0 stops and goes back to the whole district)."""
        if seconds <= 0:
            self.tour.stop()
            self._tour_index = -1
            self.show_street(None)
            return
        self.tour.start(seconds * 1000)

    def streets(self) -> list[dict]:
        if self._streets is None:
            import psycopg2

            try:
                self._streets = [s for s in kpi.streets(self._connection()) if s["extent"] is not None]
            except psycopg2.Error:
                self._close_conn()
                return []
        return self._streets

    def next_street(self) -> None:
        """The next street of the tour; after the last one, the whole district."""
        streets = self.streets()
        if not streets:
            return
        self._tour_index = (self._tour_index + 1) % (len(streets) + 1)
        self.show_street(streets[self._tour_index] if self._tour_index < len(streets) else None)

    def show_street(self, street: dict | None) -> None:
        self.street = street
        if street is None:
            self.scope_label.setText(tr("Whole district"))
            self.canvas.setExtent(self.home_extent)
        else:
            self.scope_label.setText(street["name"])
            rect = QgsRectangle(*street["extent"])
            rect.scale(1.1)
            self.canvas.setExtent(rect)
        self.canvas.refresh()
        self.refresh()
