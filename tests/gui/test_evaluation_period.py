"""The evaluation dock's period (统计周期): a month, a quarter or a year, picked with the kind (月度/季度/
年度) and the period, on the hand-built month (tests/helpers/evaluation.py: cases of October and
November 2026). A quarter and a year give the figures of
:func:`~citygrid_plugin.store.evaluation.evaluate_period` over their whole range — not a sum of
months — in the indicators, the reports and every drill-down."""
from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QMainWindow, QWidget

from citygrid_plugin.core.periods import parse_period
from citygrid_plugin.store import db
from tests.stores import qgis_connection_to

DOCK_SIZE = (430, 900)


@pytest.fixture
def target(qgis_app, month, cluster):
    from citygrid_plugin.connections import StoreTarget

    with qgis_connection_to(cluster, month[2], "evalperiod") as name:
        yield StoreTarget("connection", name)


@pytest.fixture
def dock(qgis_iface, target, qgis_app):
    from citygrid_plugin.gui.docks.evaluation import EvaluationDock

    main = QMainWindow()
    main.setCentralWidget(QWidget())
    main.resize(1400, DOCK_SIZE[1])
    d = EvaluationDock(qgis_iface, target)
    main.addDockWidget(Qt.RightDockWidgetArea, d)
    main.show()
    main.resizeDocks([d], [DOCK_SIZE[0]], Qt.Horizontal)
    QTest.qWait(200)
    yield d
    d.shutdown()
    main.close()
    main.deleteLater()


def choose(combo, data) -> None:
    """Pick the entry holding *data* as a person does: open the list, go to it, press Enter."""
    index = combo.findData(data)
    assert index >= 0, f"{data} is not offered: {[combo.itemData(i) for i in range(combo.count())]}"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key_Down)
    QTest.qWait(20)
    assert combo.currentData() == data


def headers(table) -> list[str]:
    return [" ".join(table.horizontalHeaderItem(c).text().split("\n")) for c in range(table.columnCount())]


def shown(table) -> dict[tuple[str, str], str]:
    """Every cell of the indicators as (row name, column title) → text."""
    titles = headers(table)
    names = titles.index("Name")
    out = {}
    for r in range(table.rowCount()):
        name = table.item(r, names).text()
        for c, title in enumerate(titles):
            item = table.item(r, c)
            if item is not None and c != names and title != "Rank":
                out[(name, title)] = item.text()
    return out


def expected(evaluation, grouping: str, weights) -> dict[tuple[str, str], str]:
    """The cells the dock must show for *grouping*, from the evaluation itself."""
    from citygrid_plugin.core import evaluation as ev

    rows = evaluation.figures(grouping)
    out = {}
    for key, row in rows.items():
        name = evaluation.group_name(grouping, key)
        if grouping != "department" and name != key:   # places and people with their code
            name = f"{name} ({key})"
        if grouping == "department":
            score = ev.composite(row, weights)
            out[(name, ev.indicator_label("score"))] = "—" if score is None else f"{score:.1f}"
        for k, figure in row.items():
            if figure.denominator is None:
                out[(name, ev.indicator_label(k))] = str(figure.count)
            else:
                out[(name, ev.indicator_label(k))] = "—" if figure.value is None else f"{100 * figure.value:.1f} %"
    return out


def test_the_kinds_and_their_periods(dock):
    assert [dock.kind.itemData(i) for i in range(dock.kind.count())] == ["month", "quarter", "year"]
    assert [dock.kind.itemText(i) for i in range(dock.kind.count())] == ["Monthly", "Quarterly", "Yearly"]
    assert dock.month.currentData() == parse_period("", kind="month").key   # the last complete month
    choose(dock.kind, "quarter")
    last = parse_period("", kind="quarter")
    assert dock.month.currentData() == last.key and dock.month.currentText() == last.label()
    running = f"{last.end.year}-Q{(last.end.month - 1) // 3 + 1}"   # the quarter after the last complete one
    assert dock.month.itemData(0) == running and dock.month.itemText(0).endswith("(to date)")
    assert dock.month.itemData(2) == last.previous().key
    choose(dock.kind, "year")
    assert dock.month.currentData() == parse_period("", kind="year").key


@pytest.mark.parametrize("kind, key", [("quarter", "2026-Q4"), ("year", "2026")])
def test_a_quarter_and_a_year_are_evaluated_over_their_whole_range(dock, month, kind, key):
    from citygrid_plugin.store.admin import weights as store_weights
    from citygrid_plugin.store.evaluation import evaluate_period, report_tables

    ids, _logins, dsn = month
    choose(dock.kind, kind)
    choose(dock.month, key)
    QTest.mouseClick(dock.run_button, Qt.LeftButton)
    QTest.qWait(100)
    period = parse_period(key)
    conn = db.connect(dsn)
    try:
        evaluation = evaluate_period(conn, period.start, period.end)
        weights = store_weights(conn)
        tables = report_tables(conn, evaluation, weights)
    finally:
        conn.close()
    assert f"{len(evaluation.facts)} cases evaluated" in dock.status.text(), dock.status.text()
    assert period.label() in dock.status.text()
    assert len(evaluation.facts) == len(ids), "October's and November's cases, each once"
    for grouping in ("department", "street", "supervisor"):
        choose(dock.grouping, grouping)
        assert shown(dock.indicators) == expected(evaluation, grouping, weights), grouping
    choose(dock.grouping, "department")
    hw = evaluation.figures("department")["HW"]
    assert hw["due_handle"].count == 5, "A, B, D, E and F (due in October) — the whole quarter"
    received = []
    dock.drilled.connect(lambda i, t: received.append((sorted(i), t)))
    titles = headers(dock.indicators)
    row = next(r for r in range(dock.indicators.rowCount()) if dock.indicators.item(r, 1).text() == "环卫所")
    column = titles.index("Handling rate")
    dock.indicators.scrollTo(dock.indicators.model().index(row, column))
    QTest.qWait(50)
    rect = dock.indicators.visualRect(dock.indicators.model().index(row, column))
    QTest.mouseClick(dock.indicators.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    assert received[-1] == (sorted(hw["handling_rate"].denominator), f"环卫所 · Handling rate · {key}")
    assert dock.drill_layer.featureCount() == hw["due_handle"].count
    assert [dock.report.itemData(i) for i in range(dock.report.count())] == [t.key for t in tables]
    for table, mine in zip(tables, dock.tables):
        assert mine.rows == table.rows and mine.ids == table.ids, table.key


def test_a_quarter_without_cases_says_so(dock):
    choose(dock.kind, "quarter")
    choose(dock.month, "2026-Q3")
    QTest.mouseClick(dock.run_button, Qt.LeftButton)
    QTest.qWait(50)
    assert "0 cases evaluated" in dock.status.text(), dock.status.text()
    assert dock.indicators.rowCount() == 0
