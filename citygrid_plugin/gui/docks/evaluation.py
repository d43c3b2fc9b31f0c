"""The evaluation dock (综合评价): a month's indicators and reports, and the cases behind them.

Pick a month (and optionally a street or community), then:

- *Indicators*: one row per department, street, community, grid or person with every figure and
  rate of :mod:`citygrid_plugin.core.evaluation` (and the composite score for departments);
- *Reports*: the six monthly reports of :mod:`citygrid_plugin.core.reports`, each with its chart.

Clicking a figure drills down: the cases it counts (for a rate, the cases it is computed over)
appear in the project's *Drill-down cases* layer, zoomed to, and — through the plugin — in the
case queue. The figure and the number of cases listed are the same by construction: both are
the same set of case ids. Nothing here computes a figure itself; the dock shows what the store
module and the core compute, as the Processing algorithms do.
"""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import evaluation as ev
from ...core.i18n import tr
from ...store.db import StoreError, connect
from . import StoreConnectionMixin

GROUPINGS = ("department", "street", "community", "grid", "supervisor", "operator", "shift_leader", "dispatcher")
DRILL_ROLE = "drill_down"
MONTHS_BACK = 24


def months(now: datetime | None = None, n: int = MONTHS_BACK) -> list[str]:
    """'YYYY-MM' of the last *n* months, the last complete month first."""
    start, _end = ev.month_period("", now)
    return [f"{ev.shift_months(start, -k):%Y-%m}" for k in range(n)]


class EvaluationDock(StoreConnectionMixin, QgsDockWidget):
    """``drilled(ids, title)`` when the user asks for the cases behind a figure."""

    drilled = pyqtSignal(list, str)

    def __init__(self, iface, target, parent=None, project: QgsProject | None = None) -> None:
        super().__init__(tr("Evaluation"), parent)
        self.setObjectName("CityGridEvaluation")
        self.iface = iface
        self.target = target
        self.project = project or QgsProject.instance()
        self.dsn = target.dsn()
        self.conn = connect(self.dsn)
        self.evaluation = None
        self.weights_used = dict(ev.DEFAULT_WEIGHTS)
        self.tables: list = []
        self.cells: dict[tuple[int, int], tuple[frozenset[int], str]] = {}
        self.drill_layer: QgsVectorLayer | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="citygrid-charts-")

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.month = QComboBox()
        for m in months():
            self.month.addItem(m, m)
        form.addRow(tr("Month"), self.month)
        self.area = QLineEdit()
        self.area.setPlaceholderText(tr("street or community code (empty: the whole store)"))
        form.addRow(tr("Area"), self.area)
        self.weights = QLineEdit()
        self.weights.setPlaceholderText("handling_rate=30, on_time_handling_rate=20, …")
        form.addRow(tr("Score weights"), self.weights)
        layout.addLayout(form)
        self.run_button = QPushButton(tr("Evaluate"))
        self.run_button.clicked.connect(self.refresh)
        layout.addWidget(self.run_button)

        self.tabs = QTabWidget()
        indicators = QWidget()
        ind_layout = QVBoxLayout(indicators)
        self.grouping = QComboBox()
        from ...core.labels import grouping_label

        for g in GROUPINGS:
            self.grouping.addItem(grouping_label(g), g)
        self.grouping.currentIndexChanged.connect(self.show_indicators)
        ind_layout.addWidget(self.grouping)
        self.indicators = QTableWidget()
        self.indicators.setEditTriggers(QTableWidget.NoEditTriggers)
        self.indicators.cellClicked.connect(self._indicator_clicked)
        ind_layout.addWidget(self.indicators)
        self.tabs.addTab(indicators, tr("Indicators"))

        reports = QWidget()
        rep_layout = QVBoxLayout(reports)
        self.report = QComboBox()
        self.report.currentIndexChanged.connect(self.show_report)
        rep_layout.addWidget(self.report)
        self.chart = QLabel()
        self.chart.setTextFormat(Qt.PlainText)
        self.chart.setAlignment(Qt.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(220)
        rep_layout.addWidget(scroll)
        self.report_table = QTableWidget()
        self.report_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.report_table.cellClicked.connect(self._report_clicked)
        rep_layout.addWidget(self.report_table)
        self.report_note = QLabel()
        self.report_note.setTextFormat(Qt.PlainText)
        self.report_note.setWordWrap(True)
        rep_layout.addWidget(self.report_note)
        self.tabs.addTab(reports, tr("Reports"))
        layout.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)  # drill-down titles name departments, streets, people
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setWidget(body)

    # -- computing ---------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Evaluate the chosen month; False (with the reason shown) when it cannot be done."""
        from ...store.evaluation import evaluate_period, report_tables

        try:
            start, end = ev.month_period(self.month.currentData() or "")
            weights = ev.parse_weights(self.weights.text())
            area = self.area.text().strip()
            if area and (not area.isdigit() or len(area) not in (6, 9, 12)):
                raise ev.EvaluationError(tr("area '{area}' is not a district (6 digits), street (9) or community "
                                            "(12) code").format(area=area))
            self.evaluation = evaluate_period(self.conn, start, end, area)
            self.tables = report_tables(self.conn, self.evaluation, weights)
            self.weights_used = weights
        except ev.EvaluationError as exc:
            self.status.setText(str(exc))
            return False
        except StoreError as exc:
            self.store_failed(exc)
            return False
        self.status.setText(tr("{month}: {n} cases evaluated (cut-off {as_of})").format(
            month=f"{start:%Y-%m}", n=len(self.evaluation.facts), as_of=f"{self.evaluation.as_of:%Y-%m-%d %H:%M}"))
        current = self.report.currentIndex()
        self.report.blockSignals(True)
        self.report.clear()
        for table in self.tables:
            self.report.addItem(table.title, table.key)
        self.report.setCurrentIndex(max(current, 0))
        self.report.blockSignals(False)
        self.show_indicators()
        self.show_report()
        return True


    # -- indicators ----------------------------------------------------------------------------------
    def show_indicators(self) -> None:
        if self.evaluation is None:
            return
        grouping = self.grouping.currentData()
        rows = self.evaluation.figures(grouping)
        owned = ev.columns(rows)
        scored = grouping == "department"
        table = self.indicators
        table.clear()
        self.cells = {}
        headers = [tr("Name")] + [ev.indicator_label(k) for k in owned] + \
            ([ev.indicator_label("score")] if scored else [])
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        order = ev.ranked(rows, scored, self.weights_used)
        table.setRowCount(len(order))
        for r, (key, score) in enumerate(order):
            name = self.evaluation.group_name(grouping, key)
            table.setItem(r, 0, QTableWidgetItem(name if name == key else f"{name} ({key})"))
            for c, k in enumerate(owned, 1):
                figure = rows[key].get(k)
                if figure is None:
                    continue
                if figure.denominator is None:
                    text, ids = str(figure.count), figure.numerator
                    tip = tr("{n} cases — click to list them").format(n=figure.count)
                else:
                    value = figure.value
                    text = "—" if value is None else f"{100 * value:.1f} %"
                    ids = figure.denominator
                    tip = tr("{num} of {den} cases — click to list the {den}").format(
                        num=len(figure.numerator), den=len(figure.denominator))
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                table.setItem(r, c, item)
                self.cells[(r, c)] = (ids, f"{name} · {ev.indicator_label(k)}")
            if scored:
                item = QTableWidgetItem("—" if score is None else f"{score:.1f}")
                item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                table.setItem(r, len(headers) - 1, item)
        table.resizeColumnsToContents()

    def _indicator_clicked(self, row: int, column: int) -> None:
        if (row, column) in self.cells:
            ids, title = self.cells[(row, column)]
            self.drill_down(ids, title)

    # -- reports --------------------------------------------------------------------------------------
    def show_report(self) -> None:
        index = self.report.currentIndex()
        if not 0 <= index < len(self.tables):
            return
        from ...charts import ChartError, report_chart

        table = self.tables[index]
        try:
            path = report_chart(table, Path(self._tmp.name) / f"{table.key}.png", dpi=96, size_mm=(150, 85))
        except ChartError as exc:
            path = None
            self.status.setText(str(exc))
        self.chart.setPixmap(QPixmap(str(path)) if path else QPixmap())
        self.chart.setText("" if path else tr("no chart for an empty report"))
        widget = self.report_table
        widget.clear()
        widget.setColumnCount(len(table.headers))
        widget.setHorizontalHeaderLabels(table.headers)
        widget.setRowCount(len(table.rows))
        for r, values in enumerate(table.rows):
            for c, value in enumerate(values):
                widget.setItem(r, c, QTableWidgetItem("—" if value is None else str(value)))
        widget.resizeColumnsToContents()
        self.report_note.setText(table.note)

    def _report_clicked(self, row: int, _column: int) -> None:
        table = self.tables[self.report.currentIndex()]
        if 0 <= row < len(table.ids) and table.ids[row]:
            self.drill_down(table.ids[row], f"{table.title} · {table.rows[row][0]}")

    # -- drill-down -------------------------------------------------------------------------------------
    def drill_down(self, ids, title: str) -> QgsVectorLayer | None:
        """Show the cases *ids* in the drill-down layer, zoom to them and tell the plugin."""
        from ...layers import store_info

        ids = sorted(int(i) for i in ids)
        subset = f'"id" IN ({", ".join(str(i) for i in ids)})' if ids else "FALSE"
        if self.drill_layer is None or self.project.mapLayer(self.drill_layer.id()) is None:
            uri = self.target.layer_uri()
            uri.setDataSource("citygrid", "work_case", "geom", subset, "id")
            uri.setWkbType(QgsWkbTypes.Point)
            uri.setSrid(str(store_info(self.target)["srid"]))
            self.drill_layer = QgsVectorLayer(uri.uri(False), tr("Drill-down cases"), "postgres")
            self.drill_layer.setCustomProperty("citygrid/role", DRILL_ROLE)
            self.project.addMapLayer(self.drill_layer)
        else:
            self.drill_layer.setSubsetString(subset)
        self.drill_layer.setName(f"{tr('Drill-down cases')}: {title}")
        self.status.setText(tr("{n} cases: {title}").format(n=len(ids), title=title))
        if self.iface is not None and ids:
            canvas = self.iface.mapCanvas()
            extent = self.drill_layer.extent()
            extent.grow(max(extent.width(), extent.height()) * 0.1 + 50)
            canvas.setExtent(extent)
            canvas.refresh()
        self.drilled.emit(ids, title)
        return self.drill_layer

    # -- lifetime -----------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
        self._tmp.cleanup()
