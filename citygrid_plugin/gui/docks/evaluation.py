"""The evaluation dock (综合评价): a period's indicators and reports, and the cases behind them.

Pick the kind of period — month, quarter or year (月/季/年) — and the period
(:mod:`citygrid_plugin.core.periods`: the running one, to now, then the complete ones, the last
complete one chosen), optionally a street or community, then:

- *Indicators*: one row per department, street, community, grid or person — for departments
  the rank, the name and the composite score first — then every figure and rate of
  :mod:`citygrid_plugin.core.evaluation`; the rank and name stay in place when the table is
  scrolled sideways;
- *Reports*: the reports of :mod:`citygrid_plugin.core.reports` for the period, the table above its
  chart (a splitter between them), the name of each row first.

A quarter or a year is evaluated as one period (:func:`~citygrid_plugin.store.evaluation.evaluate_period`
over its whole range), never as a sum of months: a case due in two of its months counts once.

The score weights are set per term, under their Chinese names, and checked by
:func:`citygrid_plugin.core.evaluation.check_weights`.

Clicking a figure drills down: the cases it counts (for a rate, the cases it is computed over)
appear in the *Drill-down cases* layer, zoomed to, and — through the plugin, ``drilled(ids,
title)`` — in the case queue, titled with the row's name and the figure. The figure and the
number of cases listed are the same by construction: both are the same set of case ids. The
layer is the dock's own (:func:`citygrid_plugin.layers.add_temporary_layer`, through
:func:`show_drill_layer`, which the leaders' dock shares): it does not mark the project changed
and goes when the dock closes. Nothing here computes a figure itself; the
dock shows what the store module and the core compute, as the Processing algorithms do.
"""
from __future__ import annotations

import re
import tempfile
import textwrap
from datetime import datetime
from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsMarkerSymbol, QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBoxBasic
from qgis.PyQt.QtCore import QEvent, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import evaluation as ev
from ...core.i18n import tr
from ...core.indicators import check_area
from ...core.labels import GROUPINGS, grouping_label
from ...core.periods import KINDS, Period, parse_period
from ...store.db import StoreError
from ..widgets import FrozenColumnsTable
from . import SessionDock

DRILL_ROLE = "drill_down"
LAYER_OWNER = "evaluation"     # the dock's temporary layers (layers.add_temporary_layer)
MONTHS_BACK = 24
PERIODS_BACK = {"month": MONTHS_BACK, "quarter": 12, "year": 6}   # complete periods offered per kind
CHART_DPI = 96
REPORT_ROWS = 10               # rows of a report a person sees without scrolling, at the dock's usual size

# how a report's table is shown: (display order of the table's columns, how many stay in place
# when scrolling sideways). The name of the row first; department performance: its score third.
_LAST = -1
REPORT_COLUMNS = {
    "most_frequent": ((0, 3, 4, 5, 1, 2), 2),           # rank, name, cases, share, kind, class code
    "by_source": (None, 1),
    "by_state": (None, 1),
    "by_department": (None, 1),
    "department_performance": ((0, 1, _LAST), 2),       # rank, department, score, then the figures
    "class_comparison": ((2, 3, 4, 5, 6, 7, 0, 1), 1),  # name, the counts and changes, kind, class code
    "handling_time": ((0, 2, 3, 4, 5, 6, 1), 2),        # grouping, name, the hours, the code last
}


def months(now: datetime | None = None, n: int = MONTHS_BACK) -> list[str]:
    """'YYYY-MM' of the last *n* months, the last complete month first."""
    return [p.key for p in periods("month", now, n)]


def periods(kind: str, now: datetime | None = None, n: int | None = None) -> list[Period]:
    """The last *n* complete periods of *kind* ("month", "quarter", "year"), the last one first."""
    last = parse_period("", now, kind)
    out = [last]
    for _ in range((PERIODS_BACK[kind] if n is None else n) - 1):
        out.append(out[-1].previous())
    return out


def running_period(kind: str, now: datetime | None = None) -> Period:
    """The period of *kind* running at *now* (evaluated up to now)."""
    last = parse_period("", now, kind)
    return Period(kind, last.end, ev.shift_months(last.end, {"month": 1, "quarter": 3, "year": 12}[kind]))


def kind_label(kind: str) -> str:
    """The kind of period as the selector names it: 月度, 季度, 年度."""
    return {"month": tr("Monthly"), "quarter": tr("Quarterly"), "year": tr("Yearly")}[kind]


def display_order(key: str, width: int) -> tuple[list[int], int]:
    """The order in which the *width* columns of report *key* are shown, and how many are frozen."""
    front, frozen = REPORT_COLUMNS.get(key, (None, 1))
    if front is None:
        return list(range(width)), frozen
    first = [c % width for c in front]
    return first + [c for c in range(width) if c not in first], frozen


def wrap_header(text: str, width: int = 6) -> str:
    """A column title on short lines, so that a column is about as wide as its figures: before an
    opening parenthesis, then every *width* Chinese characters or about twice as many Latin ones
    ("立案数（应结案）" → "立案数\n（应结案）", "On-time handling rate" → "On-time\nhandling rate")."""
    if text.isascii():   # about two lines
        return "\n".join(textwrap.wrap(text, max(2 * width + 2, len(text) // 2 + 3),
                                       break_long_words=False, break_on_hyphens=False)) or text
    if len(text) <= width + 1:
        return text
    lines: list[str] = []
    for part in re.split(r"\s*(?=[（(])", text):
        if not part:
            continue
        if len(part) <= width + 1:
            lines.append(part)
        else:
            lines.extend(part[i:i + width] for i in range(0, len(part), width))
    return "\n".join(lines)


def set_headers(table: QTableWidget, labels: list[str]) -> None:
    """Column titles wrapped onto short lines; the whole title in the tooltip."""
    table.setHorizontalHeaderLabels([wrap_header(label) for label in labels])
    for c, label in enumerate(labels):
        table.horizontalHeaderItem(c).setToolTip(label)


def term_label(term: str) -> str:
    """A score term as the formula reads: 处置率, or (1 − 返工率) for a rate where less is better."""
    label = ev.indicator_label(term)
    return label if ev.SCORE_TERMS[term] else tr("(1 − {rate})").format(rate=label)


class EvaluationDock(SessionDock):
    """``drilled(ids, title)`` when the user asks for the cases behind a figure.

    *store*: the plugin's shared :class:`~citygrid_plugin.gui.session.StoreSession`, or a
    :class:`~citygrid_plugin.connections.StoreTarget` for a session of the dock's own (then
    *live* says whether it listens to the store; the evaluation of a past month does not need to)."""

    drilled = pyqtSignal(list, str)

    def __init__(self, iface, store, parent=None, project: QgsProject | None = None, live: bool = False) -> None:
        super().__init__(tr("Evaluation"), store, parent, live=live)
        self.setObjectName("CityGridEvaluation")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.evaluation = None
        self.period = ""
        self.weights_used = dict(ev.DEFAULT_WEIGHTS)
        self.tables: list = []
        self.cells: dict[tuple[int, int], tuple[frozenset[int], str]] = {}
        self.drill_layer: QgsVectorLayer | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="citygrid-charts-")
        self._chart_key: tuple | None = None
        self._split_by_user = False
        self._split_timer = QTimer(self)     # the table's share of the splitter, once a resize settles
        self._split_timer.setSingleShot(True)
        self._split_timer.setInterval(0)
        self._split_timer.timeout.connect(self.fit_splitter)
        self._chart_timer = QTimer(self)     # the chart drawn again for its new size, once a resize settles
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(150)
        self._chart_timer.timeout.connect(self.show_chart)

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.kind = QComboBox()      # 月 / 季 / 年
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setToolTip(tr("Evaluate a month, a quarter or a year"))
        self.month = QComboBox()     # the period of that kind (its key as the item's data: 2026-11, 2026-Q4, 2026)
        self.month.setToolTip(tr("The period: the running one (to now), then the complete ones"))
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self._fill_periods()
        period_row = QHBoxLayout()
        period_row.addWidget(self.kind)
        period_row.addWidget(self.month, 1)
        form.addRow(tr("Period"), period_row)
        self.area = QLineEdit()
        self.area.setPlaceholderText(tr("street or community code (empty: the whole store)"))
        form.addRow(tr("Area"), self.area)
        layout.addLayout(form)
        layout.addWidget(self._weights_box())
        self.run_button = QPushButton(tr("Compute evaluation"))
        self.run_button.setToolTip(tr("Compute the indicators and reports of the period"))
        self.run_button.clicked.connect(self.refresh)
        layout.addWidget(self.run_button)

        self.tabs = QTabWidget()
        indicators = QWidget()
        ind_layout = QVBoxLayout(indicators)
        ind_layout.setContentsMargins(4, 4, 4, 4)
        by = QFormLayout()
        self.grouping = QComboBox()
        for g in GROUPINGS:
            self.grouping.addItem(grouping_label(g), g)
        self.grouping.currentIndexChanged.connect(self.show_indicators)
        self.grouping_label = QLabel(tr("Evaluated objects"))
        self.grouping_label.setBuddy(self.grouping)
        by.addRow(self.grouping_label, self.grouping)
        ind_layout.addLayout(by)
        self.indicators = FrozenColumnsTable(1)
        self.indicators.cellClicked.connect(self._indicator_clicked)
        ind_layout.addWidget(self.indicators, 1)
        self.tabs.addTab(indicators, tr("Indicators"))

        reports = QWidget()
        rep_layout = QVBoxLayout(reports)
        rep_layout.setContentsMargins(4, 4, 4, 4)
        self.report = QComboBox()
        self.report.currentIndexChanged.connect(self.show_report)
        rep_layout.addWidget(self.report)
        self.report_table = FrozenColumnsTable(1)
        self.report_table.cellClicked.connect(self._report_clicked)
        self.report_table.header_resized.connect(lambda _h: self._split_timer.start())
        self.chart = QLabel()
        self.chart.setTextFormat(Qt.PlainText)
        self.chart.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidget(self.chart)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setMinimumHeight(120)
        self.chart_scroll.viewport().installEventFilter(self)
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(self.report_table)
        self.splitter.addWidget(self.chart_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.installEventFilter(self)
        self.splitter.splitterMoved.connect(self._splitter_moved)
        rep_layout.addWidget(self.splitter, 1)
        self.report_note = QLabel()
        self.report_note.setTextFormat(Qt.PlainText)
        self.report_note.setWordWrap(True)
        rep_layout.addWidget(self.report_note)
        self.tabs.addTab(reports, tr("Reports"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.setWidget(body)

    def _fill_periods(self) -> None:
        """The periods of the chosen kind: the running one first (to now), then the complete
        ones, the last complete one chosen (a published period's figures no longer change)."""
        kind = self.kind.currentData() or "month"
        self.month.blockSignals(True)
        self.month.clear()
        running = running_period(kind)
        self.month.addItem(tr("{period} (to date)").format(period=running.label()), running.key)
        for period in periods(kind):
            self.month.addItem(period.label(), period.key)
        self.month.setCurrentIndex(1)
        self.month.blockSignals(False)

    def chosen_period(self) -> Period:
        """The period chosen (kind and period), checked (:func:`~citygrid_plugin.core.periods.parse_period`)."""
        return parse_period(self.month.currentData() or "", kind=self.kind.currentData() or "month")

    def _weights_box(self) -> QWidget:
        """One spin box per score term, under the term's Chinese name, folded away by default."""
        self.weights_box = QgsCollapsibleGroupBoxBasic()
        self.weights_box.setToolTip(tr("Composite score of departments: each rate times its weight; the weights "
                                       "usually add up to 100"))
        form = QFormLayout(self.weights_box)
        self.weights: dict[str, QDoubleSpinBox] = {}
        for term, weight in ev.DEFAULT_WEIGHTS.items():
            spin = QDoubleSpinBox()
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(5)
            spin.setValue(weight)
            spin.valueChanged.connect(self._weights_changed)
            form.addRow(term_label(term), spin)
            self.weights[term] = spin
        self._weights_changed()
        self.weights_box.setCollapsed(True)
        return self.weights_box

    def _weights_changed(self) -> None:
        total = sum(spin.value() for spin in self.weights.values())
        self.weights_box.setTitle(tr("Score weights (total {total})").format(total=f"{total:g}"))

    def weights_chosen(self) -> dict[str, float]:
        """The weights as set, checked (:func:`~citygrid_plugin.core.evaluation.check_weights`)."""
        return ev.check_weights({term: spin.value() for term, spin in self.weights.items()})

    # -- computing ---------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Evaluate the chosen month; False (with the reason shown) when it cannot be done."""
        from ...store.evaluation import evaluate_period, report_tables

        try:
            period = self.chosen_period()
            start, end = period.start, period.end
            if not getattr(self, "_store_weights_read", False):
                # the first time: the weights the administrators keep in the store (考核权重); the
                # person may then try others here without changing the store's
                from ...store.admin import weights as store_weights

                for term, points in store_weights(self.conn).items():
                    if term in self.weights:
                        self.weights[term].setValue(points)
                self._store_weights_read = True
            weights = self.weights_chosen()
            area = check_area(self.area.text())
            self.evaluation = evaluate_period(self.conn, start, end, area)
            self.tables = report_tables(self.conn, self.evaluation, weights)
            self.weights_used = weights
        except ev.EvaluationError as exc:
            self.status.setText(str(exc))
            return False
        except StoreError as exc:
            self.store_failed(exc)
            return False
        self.period = period.key   # in drill-down titles: 2026-11, 2026-Q4, 2026
        self.status.setText(tr("{month}: {n} cases evaluated (cut-off {as_of})").format(
            month=period.label(), n=len(self.evaluation.facts), as_of=f"{self.evaluation.as_of:%Y-%m-%d %H:%M}"))
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

    def _score_tip(self) -> str:
        terms = " + ".join(f"{term_label(term)} × {weight:g}" for term, weight in self.weights_used.items())
        return tr("composite score = {formula}").format(formula=terms)

    # -- indicators ----------------------------------------------------------------------------------
    def show_indicators(self) -> None:
        if self.evaluation is None:
            return
        grouping = self.grouping.currentData()
        rows = self.evaluation.figures(grouping)
        owned = ev.columns(rows)
        scored = grouping == "department"
        if scored:   # the rates the score is made of next to it, then the rest
            owned = [k for k in self.weights_used if k in owned] + [k for k in owned if k not in self.weights_used]
        table = self.indicators
        table.clear()
        self.cells = {}
        first = ([tr("Rank")] if scored else []) + [tr("Name")] + ([ev.indicator_label("score")] if scored else [])
        table.setColumnCount(len(first) + len(owned))
        set_headers(table, first + [ev.indicator_label(k) for k in owned])
        name_column = 1 if scored else 0
        table.set_frozen(name_column + 1)
        order = ev.ranked(rows, scored, self.weights_used)
        table.setRowCount(len(order))
        rank = 0
        for r, (key, score) in enumerate(order):
            name = self.evaluation.group_name(grouping, key)
            full = name if name == key else f"{name} ({key})"   # places and people: the code to type in Area
            item = QTableWidgetItem(name if scored else full)   # departments by their names, narrower
            item.setToolTip(full)
            table.setItem(r, name_column, item)
            if scored:
                rank += score is not None
                table.setItem(r, 0, _number_item(str(rank) if score is not None else "—"))
                item = _number_item("—" if score is None else f"{score:.1f}")
                item.setToolTip(self._score_tip())
                table.setItem(r, 2, item)
            for c, k in enumerate(owned, len(first)):
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
                item = _number_item(text)
                item.setToolTip(tip)
                table.setItem(r, c, item)
                self.cells[(r, c)] = (ids, f"{name} · {ev.indicator_label(k)} · {self.period}")
        table.fit_columns(name_column)

    def _indicator_clicked(self, row: int, column: int) -> None:
        if (row, column) in self.cells:
            ids, title = self.cells[(row, column)]
            self.drill_down(ids, title)

    # -- reports --------------------------------------------------------------------------------------
    def show_report(self) -> None:
        index = self.report.currentIndex()
        if not 0 <= index < len(self.tables):
            return
        table = self.tables[index]
        order, frozen = display_order(table.key, len(table.headers))
        widget = self.report_table
        widget.clear()
        widget.setColumnCount(len(order))
        set_headers(widget, [table.headers[c] for c in order])
        widget.set_frozen(frozen)
        widget.setRowCount(len(table.rows))
        for r, values in enumerate(table.rows):
            listed = tr("{n} cases — click to list them").format(n=len(table.ids[r])) if table.ids[r] else ""
            for shown, c in enumerate(order):
                value = values[c]
                tip = listed
                if value is None:
                    item = _number_item("—")
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    item = _number_item(f"{value:,}" if isinstance(value, int) else f"{value:.1f}")
                else:   # names may be elided: whole in the tooltip
                    item = QTableWidgetItem(str(value))
                    tip = "\n".join(t for t in (str(value), listed) if t)
                item.setToolTip(tip)
                widget.setItem(r, shown, item)
        widget.fit_columns(frozen - 1)
        self.report_note.setText(table.note)
        self._chart_key = None
        self.show_chart()

    def show_chart(self) -> None:
        """The current report's chart, as wide as the space under the table (drawn again when
        that changes), tall enough for every bar: names level on the left, the largest on top."""
        index = self.report.currentIndex()
        if not 0 <= index < len(self.tables):
            return
        from ...charts import ChartError, report_chart, report_chart_size

        table = self.tables[index]
        viewport = self.chart_scroll.viewport()
        width, height = max(viewport.width(), 320) - 2, max(viewport.height(), 120) - 2
        key = (table.key, id(table), width // 12, height // 12)
        if key == self._chart_key:
            return
        self._chart_key = key
        mm = 25.4 / CHART_DPI
        size = report_chart_size(table, width * mm, height * mm, title=False)
        if size[1] / mm > height + 1 and not self.chart_scroll.verticalScrollBar().isVisible():
            width -= self.chart_scroll.style().pixelMetric(QStyle.PM_ScrollBarExtent)   # to be scrolled: leave room
            size = report_chart_size(table, width * mm, height * mm, title=False)
        try:   # the report's name is in the selector above: no title inside the chart
            path = report_chart(table, Path(self._tmp.name) / f"{table.key}_{width}.png", dpi=CHART_DPI,
                                size_mm=size, title="")
        except ChartError as exc:
            path = None
            self.status.setText(str(exc))
        self.chart.setPixmap(QPixmap(str(path)) if path else QPixmap())
        if not path:
            self.chart.setText(tr("no chart for an empty report"))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Resize:
            if watched is self.chart_scroll.viewport():
                self._chart_timer.start()   # once the resizing (a dragged splitter, the dock) settles
            elif watched is self.splitter:
                self._split_timer.start()   # after the splitter has shared out its new size
        return super().eventFilter(watched, event)

    def _splitter_moved(self, *_args) -> None:
        self._split_by_user = True   # the person's choice stays

    def fit_splitter(self) -> None:
        """Room for :data:`REPORT_ROWS` rows of the report table, the rest for its chart (when
        that leaves the chart less than its minimum height, three fifths for the table); until the
        person moves the splitter."""
        total = sum(self.splitter.sizes())
        if self._split_by_user or total <= 0:
            return
        table = self.report_table
        wanted = table.horizontalHeader().height() + REPORT_ROWS * table.verticalHeader().defaultSectionSize() + \
            table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth() + 2
        if total - wanted < self.chart_scroll.minimumHeight():   # no room left for the chart's least
            wanted = int(total * 0.6)
        if self.splitter.sizes()[0] != wanted:
            self.splitter.setSizes([wanted, total - wanted])

    def _report_clicked(self, row: int, _column: int) -> None:
        index = self.report.currentIndex()
        if not 0 <= index < len(self.tables):
            return
        table = self.tables[index]
        if 0 <= row < len(table.ids) and table.ids[row]:
            self.drill_down(table.ids[row], self.report_title(table, row))

    def report_title(self, table, row: int) -> str:
        """What a drill-down from *row* lists: "高发问题 · 暴露垃圾 · 2026-11"; for department
        performance the cases due for handling: "区水务局 · 应处置数 · 2026-11"."""
        if table.key == "department_performance":
            return f"{table.name(row)} · {ev.indicator_label('due_handle')} · {self.period}"
        return f"{table.title} · {table.name(row)} · {self.period}"

    # -- drill-down -------------------------------------------------------------------------------------
    def drill_down(self, ids, title: str) -> QgsVectorLayer | None:
        """Show the cases *ids* in the drill-down layer, zoom to them and tell the plugin."""
        ids = sorted(int(i) for i in ids)
        self.drill_layer = show_drill_layer(self.project, self.target, self.drill_layer, ids, title, self.iface,
                                            LAYER_OWNER)
        self.status.setText(tr("{n} cases: {title}").format(n=len(ids), title=title))
        self.drilled.emit(ids, title)
        return self.drill_layer

    # -- lifetime -----------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Take the drill-down layer away (the project stays as it was), close the session when
        it is the dock's own and remove the chart files. Safe to call twice."""
        from ...layers import remove_temporary_layers

        self._chart_timer.stop()
        self._split_timer.stop()
        remove_temporary_layers(self.project, LAYER_OWNER)
        self.drill_layer = None
        super().shutdown()
        self._tmp.cleanup()


def show_drill_layer(project: QgsProject, target, layer: QgsVectorLayer | None, ids: list[int], title: str,
                     iface, owner: str) -> QgsVectorLayer:
    """The cases *ids* in a drill-down layer of *owner* (*layer*, or a new one when it is gone),
    named after *title*, and the map zoomed to them (when there is a map). The project is not
    marked changed: the layer is temporary (:func:`citygrid_plugin.layers.add_temporary_layer`)."""
    from ...layers import add_temporary_layer, store_uri

    subset = f'"id" IN ({", ".join(str(int(i)) for i in ids)})' if ids else "FALSE"
    if layer is None or project.mapLayer(layer.id()) is None:
        layer = QgsVectorLayer(store_uri(target, "work_case", "geom", "id", subset, "Point"),
                               tr("Drill-down cases"), "postgres")
        layer.setCustomProperty("citygrid/role", DRILL_ROLE)
        if layer.renderer() is not None:
            layer.renderer().setSymbol(QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": "#e53e3e", "outline_color": "#ffffff", "size": "2.4"}))
        layer = add_temporary_layer(project, layer, owner)
    else:
        dirty = project.isDirty()
        layer.setSubsetString(subset)
        project.setDirty(dirty)
    dirty = project.isDirty()
    layer.setName(f"{tr('Drill-down cases')}: {title}")
    project.setDirty(dirty)
    if iface is not None and ids:
        canvas = iface.mapCanvas()
        extent = layer.extent()
        extent.grow(max(extent.width(), extent.height()) * 0.1 + 50)
        crs = canvas.mapSettings().destinationCrs()
        if crs.isValid() and crs != layer.crs():
            extent = QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(extent)
        canvas.setExtent(extent)
        canvas.refresh()
    return layer


def _number_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
    return item
