"""The patrol coverage dock (巡查覆盖) of the command centre: for a day, per supervisor, his
responsibility grids and how many his tracks visited, the share covered, the time outside his
grids, the gaps in his track and its length — and on the map the day's grids, green where their
supervisor went, red where he did not, pale green where only someone else did.

Pick a day and press the button; a row selected lists the grids he missed and the times of his
gaps, and zooms to his grids. The figures are store.coverage's (the same as citygrid:patrolcoverage
writes, from citygrid.patrol_coverage and the tracks); the layer is the dock's own
(:func:`~citygrid_plugin.layers.add_temporary_layer`: it does not mark the project changed and
goes when the dock closes). A supervisor who opens the dock sees his own tracks only (the store's
row-level security).
"""
from __future__ import annotations

from datetime import date

from qgis.core import QgsCoordinateTransform, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.coverage import SupervisorDay
from ...core.i18n import tr
from ...store.db import StoreError
from . import SessionDock

LAYER_OWNER = "patrol_coverage"
COLUMNS = ("supervisor", "share", "outside", "gaps", "length")
LOGIN_ROLE = Qt.UserRole
SORT_ROLE = Qt.UserRole + 1


def column_title(column: str) -> str:
    """A column's title, short (the dock is narrow); :func:`column_tip` says it whole."""
    return {"supervisor": tr("Supervisor"), "share": tr("Grids visited"), "outside": tr("Outside (min)"),
            "gaps": tr("Gaps"), "length": tr("Track (km)")}[column]


def column_tip(column: str) -> str:
    return {"supervisor": tr("Supervisor"),
            "share": tr("His responsibility grids visited, of all his grids, and the share covered"),
            "outside": tr("Minutes outside his grids"),
            "gaps": tr("Gaps in the track longer than the store's patrol_gap_seconds"),
            "length": tr("Length of his tracks of the day (km)")}[column]


def two_lines(text: str) -> str:
    """A column title on two lines at its middle space (the dock is narrow): "Outside\n(min)"."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


class _Item(QTableWidgetItem):
    """A cell that sorts by its number (SORT_ROLE) when it has one."""

    def __lt__(self, other) -> bool:
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if a is not None and b is not None:
            return a < b
        if (a is None) != (b is None):
            return a is None
        return super().__lt__(other)


def _cell(text: str, value=None, tooltip: str = "") -> QTableWidgetItem:
    item = _Item(text)
    if value is not None:
        item.setData(SORT_ROLE, value)
        item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
    item.setToolTip(tooltip or text)
    return item


class PatrolCoverageDock(SessionDock):
    """巡查覆盖. *store*: the plugin's shared StoreSession, or a StoreTarget for a dock of its own.
    ``days`` holds the day's :class:`~citygrid_plugin.core.coverage.SupervisorDay` rows shown,
    ``layer`` the day's map layer."""

    def __init__(self, iface, store, parent=None, project: QgsProject | None = None, live: bool = False) -> None:
        super().__init__(tr("Patrol coverage"), store, parent, live=live)
        self.setObjectName("CityGridPatrolCoverage")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.days: list[SupervisorDay] = []
        self.layer: QgsVectorLayer | None = None
        self.day: date | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Day")))
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setObjectName("coverage_day")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMaximumDate(QDate.currentDate())
        top.addWidget(self.day_edit)
        self.run_button = QPushButton(tr("Show coverage"))
        self.run_button.setObjectName("show_coverage")
        self.run_button.setToolTip(tr("Read the day's tracks and show each supervisor's coverage"))
        self.run_button.clicked.connect(self.refresh)
        top.addWidget(self.run_button)
        top.addStretch(1)
        layout.addLayout(top)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("coverage_table")
        self.table.setHorizontalHeaderLabels([two_lines(column_title(c)) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for c in range(len(COLUMNS)):
            self.table.horizontalHeaderItem(c).setToolTip(column_tip(COLUMNS[c]))
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        self.detail = QLabel()
        self.detail.setObjectName("coverage_detail")
        self.detail.setTextFormat(Qt.PlainText)   # names come from the store
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.legend = QLabel(tr("Map: green — visited by its supervisor; red — not visited by its supervisor; pale "
                                "green — visited by another supervisor. A grid counts as visited after the time or "
                                "distance set in the store (patrol_visit_seconds, patrol_visit_metres)."))
        self.legend.setTextFormat(Qt.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555")
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        self.setWidget(body)

    # -- reading -----------------------------------------------------------------------------------
    def chosen_day(self) -> date:
        d = self.day_edit.date()
        return date(d.year(), d.month(), d.day())

    def refresh(self) -> bool:
        """Read the chosen day's coverage and show it (table and map); False when it could not be read."""
        from ...patrolmaps import coverage_layer
        from ...store.coverage import coverage
        from ...store.migrate import store_srid

        day = self.chosen_day()
        try:
            days = coverage(self.conn, day)
            layer = coverage_layer(self.conn, store_srid(self.conn), day)
        except StoreError as exc:
            self.store_failed(exc)
            return False
        self.day, self.days = day, days
        self._fill()
        self._show_layer(layer)
        patrolled = [d for d in days if d.tracks]
        self.status.setText(tr("{day}: {n} supervisors with responsibility grids or tracks, {k} patrolled").format(
            day=f"{day:%Y-%m-%d}", n=len(days), k=len(patrolled)))
        self.detail.setText("")
        return True

    def _fill(self) -> None:
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        table.setRowCount(len(self.days))
        for r, d in enumerate(self.days):
            share = d.share
            first = _cell(d.name or d.login, tooltip=d.label)
            first.setData(LOGIN_ROLE, d.login)
            covered = f"{len(d.visited)}/{len(d.grids)} · " + ("—" if share is None else f"{100 * share:.0f} %")
            cells = [first, _cell(covered, share),
                     _cell(f"{d.outside_seconds / 60:.0f}", d.outside_seconds),
                     _cell(str(len(d.gaps)), len(d.gaps), "、".join(g.text() for g in d.gaps)),
                     _cell(f"{d.length_m / 1000:.1f}", d.length_m, tr("{m:,.0f} m").format(m=d.length_m))]
            if not d.tracks:
                first.setToolTip(tr("{who}: no track this day").format(who=d.label))
            for c, item in enumerate(cells):
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicatorShown(False)   # its arrow takes a column's room; a click still sorts
        table.sortItems(COLUMNS.index("share"), Qt.AscendingOrder)   # the least covered first

    def _show_layer(self, layer: QgsVectorLayer) -> None:
        from ...layers import add_temporary_layer, project_unchanged, remove_temporary_layers

        remove_temporary_layers(self.project, LAYER_OWNER)
        self.layer = add_temporary_layer(self.project, layer, LAYER_OWNER)
        with project_unchanged(self.project):
            self.layer.triggerRepaint()

    # -- selection ---------------------------------------------------------------------------------
    def selected(self) -> SupervisorDay | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        login = self.table.item(rows[0].row(), 0).data(LOGIN_ROLE)
        return next((d for d in self.days if d.login == login), None)

    def _selected(self) -> None:
        d = self.selected()
        if d is None:
            self.detail.setText("")
            return
        lines = [tr("{who}: {n} of {m} grids visited").format(who=d.label, n=len(d.visited), m=len(d.grids))]
        if d.missed:
            lines.append(tr("Not visited: {grids}").format(grids="、".join(d.missed)))
        if d.gaps:
            lines.append(tr("Gaps: {times}").format(times="、".join(g.text() for g in d.gaps)))
        if d.elsewhere:
            lines.append(tr("Also visited: {grids}").format(grids="、".join(d.elsewhere)))
        if not d.tracks:
            lines.append(tr("No track this day."))
        self.detail.setText("\n".join(lines))
        self.zoom_to(d)

    def zoom_to(self, d: SupervisorDay) -> None:
        """Select his grids in the day's layer and zoom the map to them."""
        if self.layer is None or self.project.mapLayer(self.layer.id()) is None:
            return
        codes = set(d.grids) | set(d.elsewhere)
        ids = [f.id() for f in self.layer.getFeatures() if f["code"] in codes]
        self.layer.selectByIds(ids)
        if self.iface is None or not ids:
            return
        extent = self.layer.boundingBoxOfSelected()
        extent.grow(max(extent.width(), extent.height()) * 0.1 + 20)
        canvas = self.iface.mapCanvas()
        crs = canvas.mapSettings().destinationCrs()
        if crs.isValid() and crs != self.layer.crs():
            extent = QgsCoordinateTransform(self.layer.crs(), crs, self.project).transformBoundingBox(extent)
        canvas.setExtent(extent)
        canvas.refresh()

    # -- lifetime ------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Take the day's layer away (the project stays as it was) and close the session when it is
        the dock's own. Safe to call twice."""
        from ...layers import remove_temporary_layers

        remove_temporary_layers(self.project, LAYER_OWNER)
        self.layer = None
        super().shutdown()
