"""The city's queue (全市案件): the open cases of every district at the city platform, read-only.

At the city platform (store/platform.py) the districts' cases arrive by replication; this dock
lists them with :func:`~citygrid_plugin.store.platform.city_queue` (the first deadline first):
district, case number, class, state, the time left on the stage's deadline (red once overdue),
the deadline, urgent cases marked. Filters: one district or all, overdue only, and a text filter
over what the table shows. A double-click zooms the map to the case (store CRS to the canvas's).
Nothing here acts on a case: the district handles it; the city hands a new case to a district
through the Processing algorithm ``citygrid:handovercase`` (市级转办…).

The dock re-reads every :data:`REFRESH_S` seconds and on its refresh button (the big screen also
follows the city's NOTIFY 'city:<district>'); each read ends its transaction (store.db.reading).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...core.workflow import format_time_left, state_label, urgency
from ...store import evaluation as store_evaluation
from ...store import platform as store_platform
from ...store.db import StoreError
from ..widgets import PILL_ROLE, SORT_ROLE, CountdownDelegate, SortItem
from . import SessionDock
from .case_detail import URGENCY_COLOURS
from .case_table import dense

# who opens the dock (plugin.py): every staff role of a command centre that reads the city's record
ROLES = ("operator", "shift_leader", "dispatcher", "supervisor", "analyst", "leader", "office", "bigscreen")
HANDOVER_ROLES = ("operator", "shift_leader")   # citygrid.handover_create is granted to these
HANDOVER_ALGORITHM = "citygrid:handovercase"
REFRESH_S = 30
ZOOM_M = 150.0                 # half the side of the map shown around a case (store CRS, metres)
COLUMNS = ("district", "case_no", "time_left", "class_name", "state", "deadline", "description")
KEY_ROLE = Qt.UserRole         # the case's (district code, id), on the case number's item
CST = timezone(timedelta(hours=8))
OVERDUE_COLOUR = URGENCY_COLOURS["overdue"][0]


def column_title(column: str) -> str:
    return {
        "district": tr("District"), "case_no": tr("Case no."), "time_left": tr("Time left"),
        "class_name": tr("Class"), "state": tr("State"), "deadline": tr("Deadline"),
        "description": tr("Description"),
    }[column]


class CityQueueDock(SessionDock):
    """全市案件. *store*: the plugin's shared StoreSession, or a StoreTarget for a dock with a
    session of its own. ``rows`` holds the cases read (the store's order), ``shown`` those the
    text filter lets through, in the table's rows; ``city`` whether the store is the city
    platform (else the dock says so and lists nothing)."""

    def __init__(self, iface, store, parent=None, live: bool = True) -> None:
        super().__init__(tr("City cases"), store, parent, live)
        self.setObjectName("CityGridCityQueue")
        self.iface = iface
        self.rows: list[store_platform.CityCase] = []
        self.shown: list[store_platform.CityCase] = []
        self.class_names: dict[str, str] = {}
        self.city = False
        self._closed = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(3, 3, 3, 3)
        filters = QHBoxLayout()
        self.district_filter = QComboBox()
        self.district_filter.addItem(tr("All districts"), "")
        self.overdue_filter = QCheckBox(tr("Overdue only"))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(tr("case no., class, address, description…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setToolTip(self.text_filter.placeholderText())
        filters.addWidget(self.district_filter)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.text_filter, 1)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.PlainText)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.handover_button = QPushButton(tr("Hand over to a district…"))
        self.handover_button.setObjectName("handover")
        may_hand_over = bool(set(self.session.roles) & set(HANDOVER_ROLES))
        self.handover_button.setEnabled(may_hand_over)
        self.handover_button.setToolTip(
            tr("Hand a case to a district (市级转办): the district's store makes it a case of its own")
            if may_hand_over else tr("Only an operator or a shift leader hands cases to districts"))
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.handover_button)
        layout.addLayout(buttons)

        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setWidget(body)

        self.district_filter.currentIndexChanged.connect(self.refresh)
        self.overdue_filter.toggled.connect(self.refresh)
        self.text_filter.textChanged.connect(self._fill)
        self.refresh_button.clicked.connect(self.refresh)
        self.handover_button.clicked.connect(self.hand_over)
        self.table.cellDoubleClicked.connect(self._double_clicked)

        self.ticker = QTimer(self)
        self.ticker.setInterval(REFRESH_S * 1000)
        self.ticker.timeout.connect(self.refresh)
        self._load_choices()
        self.refresh()
        self.ticker.start()

    # -- building ------------------------------------------------------------------------------
    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("city_queue")
        table.setHorizontalHeaderLabels([column_title(c) for c in COLUMNS])
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.ElideRight)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setFrameShape(QFrame.NoFrame)
        dense(table)   # as the case queue's tables: district, number and countdown side by side
        table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for index, column in enumerate(COLUMNS):
            header.setSectionResizeMode(index, QHeaderView.Stretch if column == "description"
                                        else QHeaderView.ResizeToContents)
        header.setMinimumSectionSize(40)
        table.setItemDelegateForColumn(COLUMNS.index("time_left"), CountdownDelegate(table))
        # the first deadline first, as the store orders them; a click on a header sorts by that column
        header.setSortIndicator(COLUMNS.index("time_left"), Qt.AscendingOrder)
        return table

    def _load_choices(self) -> None:
        """Is this the city platform; its districts for the filter; the class names."""
        if not self._connected():
            return
        try:
            self.city = store_evaluation.is_city(self.conn)
            names = store_evaluation.names(self.conn, city=True) if self.city else {}
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.class_names = names.get("class", {})
        self.district_filter.blockSignals(True)
        while self.district_filter.count() > 1:
            self.district_filter.removeItem(1)
        for code, name in sorted(names.get("district", {}).items()):
            self.district_filter.addItem(name, code)
        self.district_filter.blockSignals(False)
        if not self.city:
            self.status.setText(tr("This store is not the city platform: the city's cases are listed only at the "
                                   "city's store (`./citygrid platform init city …`)."))

    # -- data ------------------------------------------------------------------------------------
    def on_reconnected(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the queue again with the district and overdue filters (the text filter applies to
        what was read)."""
        if self._closed or not self._connected():
            return
        if not self.city:
            self._load_choices()
            if not self.city:
                return
        try:
            rows = store_platform.city_queue(self.conn, district=self.district_filter.currentData() or None,
                                             overdue=self.overdue_filter.isChecked())
        except StoreError as exc:
            self.store_failed(exc)
            return
        if self.status.text().startswith(tr("Connection to the store lost; reconnecting…")):
            self.status.setText("")
        self.rows = rows
        self._fill()

    def _passes(self, row: store_platform.CityCase, text: str) -> bool:
        if not text:
            return True
        fields = (row.case_no, row.district_name, row.district_code, row.class_code, self._class_name(row),
                  row.state_name, state_label(row.state), row.address, row.description, row.department_name,
                  row.grid_code)
        return any(text in (value or "").lower() for value in fields)

    def _class_name(self, row: store_platform.CityCase) -> str:
        return self.class_names.get(f"{row.kind}:{row.class_code}", "")

    def _fill(self) -> None:
        """The rows that pass the text filter, as cells; the selected case stays selected."""
        selected = self.selected()
        text = self.text_filter.text().strip().lower()
        self.shown = [r for r in self.rows if self._passes(r, text)]
        now = datetime.now(timezone.utc)  # noqa: UP017 - datetime.UTC is Python 3.11+; QGIS 3.22 ships 3.9 on Windows
        table = self.table
        table.blockSignals(True)
        table.setSortingEnabled(False)
        table.clearSelection()
        table.clearContents()
        table.setRowCount(len(self.shown))
        for r, row in enumerate(self.shown):
            deadline = row.stage_deadline
            hours = None if deadline is None else (deadline - now).total_seconds() / 3600.0
            overdue = hours is not None and hours < 0
            values = {
                "district": row.district_name or row.district_code,
                "case_no": f"{row.case_no} [{tr('Urgent')}]" if row.urgent else row.case_no,
                "time_left": format_time_left(hours),
                "class_name": self._class_name(row) or row.class_code,
                "state": state_label(row.state),   # in the interface's language, as the other docks
                "deadline": "—" if deadline is None else deadline.astimezone(CST).strftime("%m-%d %H:%M"),
                "description": " ".join(filter(None, (row.address, (row.description or "").replace("\n", " ")))),
            }
            for c, column in enumerate(COLUMNS):
                item = SortItem(str(values[column]))
                if column == "case_no":
                    item.setData(KEY_ROLE, (row.district_code, row.id))
                    if row.urgent:
                        item.setForeground(QColor(URGENCY_COLOURS["urgent"][0]))
                        font = QFont(item.font())
                        font.setBold(True)
                        item.setFont(font)
                elif column == "time_left":
                    text_colour, pill = URGENCY_COLOURS[urgency(hours)]
                    item.setForeground(QColor(text_colour))
                    item.setData(PILL_ROLE, pill)
                    item.setData(SORT_ROLE, None if hours is None else float(hours))
                elif column == "deadline" and overdue:
                    item.setForeground(QColor(OVERDUE_COLOUR))
                    item.setToolTip(tr("Overdue"))
                elif column == "description":
                    item.setToolTip(f"<qt>{html_text(values['description'])}</qt>")  # text, never markup
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.blockSignals(False)
        if selected is not None:
            self.select(selected)
        overdue_n = sum(1 for r in self.shown if r.stage_deadline is not None and r.stage_deadline < now)
        self.count_label.setText(tr("{n} open cases, {late} overdue").format(n=len(self.shown), late=overdue_n))

    # -- selection and the map -------------------------------------------------------------------
    def _row_case(self, index: int) -> store_platform.CityCase | None:
        item = self.table.item(index, COLUMNS.index("case_no"))
        key = item.data(KEY_ROLE) if item is not None else None
        return next((r for r in self.shown if (r.district_code, r.id) == tuple(key or ())), None)

    def selected(self) -> tuple[str, int] | None:
        """The selected case's (district code, id)."""
        picked = self.table.selectionModel().selectedRows()
        case = self._row_case(picked[0].row()) if picked else None
        return None if case is None else (case.district_code, case.id)

    def select(self, key: tuple[str, int]) -> bool:
        for index in range(self.table.rowCount()):
            case = self._row_case(index)
            if case is not None and (case.district_code, case.id) == tuple(key):
                self.table.selectRow(index)
                return True
        return False

    def _double_clicked(self, index: int, _column: int) -> None:
        case = self._row_case(index)
        if case is not None:
            self.zoom_to(case)

    def zoom_to(self, case: store_platform.CityCase) -> bool:
        """Show *case* in the middle of the map (a few hundred metres around it), from the store's
        CRS to the canvas's, and flash it."""
        if self.iface is None:
            return False
        canvas = self.iface.mapCanvas()
        try:
            from ...layers import store_info

            source = QgsCoordinateReferenceSystem.fromEpsgId(store_info(self.target)["srid"])
        except StoreError as exc:
            self.store_failed(exc)
            return False
        destination = canvas.mapSettings().destinationCrs()
        box = QgsRectangle(case.x - ZOOM_M, case.y - ZOOM_M, case.x + ZOOM_M, case.y + ZOOM_M)
        point = QgsPointXY(case.x, case.y)
        if destination.isValid() and source.isValid() and destination != source:
            transform = QgsCoordinateTransform(source, destination, QgsProject.instance())
            try:
                box = transform.transformBoundingBox(box)
                point = transform.transform(point)
            except QgsCsException:
                self.status.setText(tr("Case {case} cannot be shown in the map's CRS").format(case=case.case_no))
                return False
        canvas.setExtent(box)
        canvas.refresh()
        canvas.flashGeometries([QgsGeometry.fromPointXY(point)])
        return True

    # -- hand-over --------------------------------------------------------------------------------
    def hand_over(self) -> bool:
        """市级转办: the algorithm's dialog with this store filled in; False (and why) when the
        algorithm is not there."""
        if QgsApplication.processingRegistry().algorithmById(HANDOVER_ALGORITHM) is None:
            self._message(tr("Handing cases over needs the Processing algorithm {alg}, which is not available: "
                             "enable the CityGrid plugin's Processing provider (or update the plugin)").format(
                                 alg=HANDOVER_ALGORITHM), Qgis.Warning)
            return False
        from processing import execAlgorithmDialog

        params = {}
        if self.target.kind == "connection":
            params["CONNECTION"] = self.target.name
        elif self.target.kind == "service":
            params["SERVICE"] = self.target.name
        district = self.district_filter.currentData()
        if district:
            params["DISTRICT"] = district
        execAlgorithmDialog(HANDOVER_ALGORITHM, params)
        self.refresh()
        return True

    def _message(self, text: str, level) -> None:
        self.status.setText(text)
        if self.iface is not None:  # the message bar renders HTML: escape
            self.iface.messageBar().pushMessage("CityGrid", html_text(text), level, 8)

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the timer and listening; close the session when it is the dock's own. Safe twice."""
        self.ticker.stop()
        if self._closed:
            return
        self._closed = True
        super().shutdown()
