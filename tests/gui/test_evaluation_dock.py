"""The evaluation dock on the hand-built month (tests/helpers/evaluation.py): the figures it shows
are the hand counts, and a click on any figure lists exactly the cases it counts — in the
drill-down layer and, through the plugin, in the case queue. The dock is driven as a person
drives it (mouse clicks on the cells they see, the button, the spin boxes) at the size it has in
QGIS's main window, and what it shows is read back from the widgets."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLabel, QMainWindow, QWidget

from tests.helpers.qt import wait_until
from tests.stores import qgis_connection_to

DOCK_SIZE = (430, 900)   # the dock on the right of QGIS's main window


@pytest.fixture
def target(qgis_app, month, cluster):
    from citygrid_plugin.connections import StoreTarget

    with qgis_connection_to(cluster, month[2], "evaldock") as name:
        yield StoreTarget("connection", name)


@pytest.fixture
def window(qgis_app):
    """A main window the size of QGIS's, the dock in its right area 430 px wide."""
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    main.resize(1400, DOCK_SIZE[1])
    yield main
    main.close()
    main.deleteLater()


@pytest.fixture
def dock(qgis_iface, target, window):
    from citygrid_plugin.gui.docks.evaluation import EvaluationDock

    d = EvaluationDock(qgis_iface, target)
    window.addDockWidget(Qt.RightDockWidgetArea, d)
    window.show()
    window.resizeDocks([d], [DOCK_SIZE[0]], Qt.Horizontal)
    settle()
    d.month.setCurrentIndex(d.month.findData("2026-11"))
    d.run_button.click()
    settle()
    assert "cases evaluated" in d.status.text(), d.status.text()
    yield d
    d.shutdown()


def settle(ms: int = 250) -> None:
    QTest.qWait(ms)


def headers(table) -> list[str]:
    """Column titles as a person reads them (the dock wraps long titles onto two lines)."""
    return [" ".join(table.horizontalHeaderItem(c).text().split("\n")) for c in range(table.columnCount())]


def cell(table, row_name: str, header: str) -> tuple[int, int]:
    names = headers(table).index("Name")
    for r in range(table.rowCount()):
        if table.item(r, names).text().startswith(row_name):
            return r, headers(table).index(header)
    raise AssertionError(f"{row_name} not in the table")


def click(table, row: int, column: int) -> None:
    """A mouse click where the cell is on screen: on the frozen columns (rank, name) that is the
    view laid over them, elsewhere the table itself."""
    frozen = getattr(table, "frozen_count", 0)
    view = table.frozen if column < frozen else table
    index = table.model().index(row, column)
    if view is table:
        table.scrollTo(index)
        settle(50)
    rect = view.visualRect(index)
    assert view.viewport().rect().contains(rect.center()), "the cell is not on screen"
    if view is table and frozen:
        assert rect.left() >= table.frozen_width(), "the cell is under the frozen columns"
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def test_department_figures_and_their_drill_down(dock, month):
    ids, _logins, _dsn = month
    received = []
    dock.drilled.connect(lambda i, t: received.append((i, t)))
    r, c = cell(dock.indicators, "环卫所", "Handling rate")
    assert dock.indicators.item(r, c).text() == "75.0 %"
    assert dock.indicators.item(r, headers(dock.indicators).index("Composite score")).text() == "71.0"
    click(dock.indicators, r, c)  # a rate lists the cases it is computed over: the 4 due for handling
    layer = dock.drill_layer
    assert layer.featureCount() == 4 and {f["id"] for f in layer.getFeatures()} == {ids[x] for x in "ABDE"}
    assert received and sorted(received[-1][0]) == sorted(ids[x] for x in "ABDE")
    assert received[-1][1] == "环卫所 · Handling rate · 2026-11"
    r, c = cell(dock.indicators, "环卫所", "Overdue, not handled")
    assert dock.indicators.item(r, c).text() == "1"
    click(dock.indicators, r, c)
    assert [f["id"] for f in dock.drill_layer.getFeatures()] == [ids["E"]]


def test_rank_name_and_score_come_first_and_the_name_stays_when_scrolled(dock):
    """Issue 13, item 10: the score was the last of about 20 columns and the names scrolled away."""
    table = dock.indicators
    assert headers(table)[:3] == ["Rank", "Name", "Composite score"]
    ranks = [table.item(r, 0).text() for r in range(table.rowCount())]
    scores = [float(table.item(r, 2).text()) for r in range(table.rowCount()) if table.item(r, 2).text() != "—"]
    assert ranks[:len(scores)] == [str(k) for k in range(1, len(scores) + 1)] and scores == sorted(scores, reverse=True)
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0, "at the dock's width the figures do not all fit: the table scrolls sideways"
    name_rect = table.frozen.geometry()
    assert name_rect.width() >= table.columnWidth(0) + table.columnWidth(1)
    before = table.grab(name_rect).toImage()
    bar.setValue(bar.maximum())   # a person drags the scroll bar to the right end
    settle()
    last = table.model().index(0, table.columnCount() - 1)
    assert table.viewport().rect().contains(table.visualRect(last)), "the last figure is in view"
    assert table.visualRect(table.model().index(0, 1)).right() < name_rect.right(), "the table did scroll"
    assert table.frozen.isVisible() and table.grab(name_rect).toImage() == before  # rank and name where they were
    r, c = cell(table, "环卫所", "Overdue, not handled")
    received = []
    dock.drilled.connect(lambda i, t: received.append(t))
    click(table, r, 1)   # the name: no figure, nothing listed
    assert received == []


def test_report_tables_show_ten_rows_at_the_dock_size(dock):
    """Issue 13, item 10: the report table showed about two rows under its chart."""
    assert dock.width() == DOCK_SIZE[0] and dock.height() >= DOCK_SIZE[1] - 10
    tab_bar = dock.tabs.tabBar()
    QTest.mouseClick(tab_bar, Qt.LeftButton, Qt.NoModifier, tab_bar.tabRect(1).center())
    settle()
    assert dock.tabs.currentIndex() == 1
    table = dock.report_table
    for i in range(dock.report.count()):
        dock.report.setCurrentIndex(i)
        settle()
        row_height = table.verticalHeader().defaultSectionSize()
        assert table.viewport().height() >= 10 * row_height, (dock.report.itemText(i), table.viewport().height())
        scroll = dock.chart_scroll.viewport()
        pixmap = dock.chart.pixmap()
        assert pixmap is not None and not pixmap.isNull(), dock.report.itemText(i)
        assert pixmap.width() <= scroll.width(), "the chart is as wide as its space: nothing to scroll sideways"
        if dock.report.currentData() in ("most_frequent", "department_performance"):
            assert pixmap.height() <= scroll.height(), "the whole ranking is in view"


def test_a_report_row_drills_down_titled_with_its_name(dock):
    """Issue 13, item 10: the drill-down was titled with the rank ("高发问题 · 1")."""
    received = []
    dock.drilled.connect(lambda i, t: received.append((i, t)))
    dock.tabs.setCurrentIndex(1)
    dock.report.setCurrentIndex(dock.report.findData("most_frequent"))
    settle()
    table = dock.tables[dock.report.currentIndex()]
    assert headers(dock.report_table)[:3] == ["Rank", "Name", "Cases"]
    assert dock.report_table.item(0, 1).text() == table.name(0) != ""
    click(dock.report_table, 0, 1)   # on the name
    assert dock.drill_layer.featureCount() == table.rows[0][4] == len(table.ids[0])
    assert received[-1][1] == f"Most frequent problems · {table.name(0)} · 2026-11"
    assert received[-1][1] in dock.status.text()
    dock.report.setCurrentIndex(dock.report.findData("department_performance"))
    settle()
    table = dock.tables[dock.report.currentIndex()]
    assert headers(dock.report_table)[:3] == ["Rank", "Department", "Composite score"]
    row = next(r for r in range(len(table.rows)) if table.rows[r][1] == "环卫所")
    click(dock.report_table, row, 3)   # a figure of the row
    assert received[-1][1] == "环卫所 · Due for handling · 2026-11"
    assert sorted(received[-1][0]) == sorted(table.ids[row])


def test_reports_have_charts(dock):
    assert [dock.report.itemData(i) for i in range(dock.report.count())] == [
        "most_frequent", "by_source", "by_state", "by_department", "department_performance", "class_comparison",
        "problem_classification", "handling_time"]
    dock.tabs.setCurrentIndex(1)
    for i in range(dock.report.count()):
        dock.report.setCurrentIndex(i)
        settle(50)
        assert not dock.chart.pixmap().isNull(), dock.report.itemText(i)


def test_the_drill_down_layer_goes_with_the_dock_and_leaves_the_project_unchanged(dock):
    """Issue 13, item 10: the layer stayed after the dock closed and marked the project changed."""
    from citygrid_plugin.layers import TEMPORARY_PROPERTY

    project = QgsProject.instance()
    project.setDirty(False)
    r, c = cell(dock.indicators, "环卫所", "Handling rate")
    click(dock.indicators, r, c)
    layer = dock.drill_layer
    assert project.mapLayer(layer.id()) is layer and layer.featureCount() == 4
    click(dock.indicators, *cell(dock.indicators, "环卫所", "Overdue, not handled"))
    assert layer.featureCount() == 1
    assert not project.isDirty(), "showing cases is not a change to the project"
    assert layer.customProperty(TEMPORARY_PROPERTY) == "evaluation"   # the dock's (layers.add_temporary_layer)
    layer_id = layer.id()
    dock.close()   # the dock's close button
    settle()
    assert project.mapLayer(layer_id) is None, "the layer goes with the dock"
    assert not project.isDirty()


def test_weights_are_set_per_term_and_checked(dock, month):
    """Issue 13, item 10: the weights were typed as English keys (handling_rate=30, …)."""
    from citygrid_plugin.core import evaluation as ev
    from citygrid_plugin.gui.docks.evaluation import term_label

    box = dock.weights_box
    labels = [w.text() for w in box.findChildren(QLabel)]
    assert labels == [term_label(t) for t in ev.DEFAULT_WEIGHTS]
    assert not any("_" in text for text in labels + [box.title()])
    assert [dock.weights[t].value() for t in ev.DEFAULT_WEIGHTS] == list(ev.DEFAULT_WEIGHTS.values())
    assert box.isCollapsed() and "100" in box.title()
    box.setCollapsed(False)   # a person opens the box …
    settle()
    spin = dock.weights["handling_rate"]
    assert spin.isVisible()
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "0")   # … types 0 for the handling rate and computes again
    QTest.keyClick(spin.lineEdit(), Qt.Key_Enter)
    assert spin.value() == 0 and "70" in box.title()
    dock.run_button.click()
    row = dock.evaluation.figures("department")["HW"]
    expected = ev.composite(row, dict(ev.DEFAULT_WEIGHTS, handling_rate=0))
    r, c = cell(dock.indicators, "环卫所", "Composite score")
    assert dock.indicators.item(r, c).text() == f"{expected:.1f}" != "71.0"
    for s in dock.weights.values():
        s.setValue(0)
    dock.run_button.click()
    assert "score weights must be zero or more and not all zero" in dock.status.text()


def test_the_weights_read_in_chinese(qgis_iface, target):
    from citygrid_plugin import i18n
    from citygrid_plugin.core import evaluation as ev
    from citygrid_plugin.gui.docks.evaluation import EvaluationDock

    i18n.install("zh_CN")
    try:
        d = EvaluationDock(qgis_iface, target)
        try:
            labels = [w.text() for w in d.weights_box.findChildren(QLabel)]
            assert [labels[0], labels[1]] == ["处置率", "按期处置率"] and "返工率" in labels[2]
            assert all(ev.indicator_label(t) in label for t, label in zip(ev.DEFAULT_WEIGHTS, labels))
        finally:
            d.shutdown()
    finally:
        i18n.uninstall()


def test_the_button_says_what_it_does(dock):
    """Issue 13, item 10: the button read 评价对象, like a label for the grouping."""
    assert dock.run_button.text() == "Compute evaluation"
    assert dock.grouping_label.buddy() is dock.grouping and dock.grouping_label.text() == "Evaluated objects"


def test_a_drill_down_filters_the_case_queue(qgis_iface, target, month):
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    ids, _logins, _dsn = month
    queue = CaseQueueDock(qgis_iface, target, live=False)
    try:
        assert len(queue.rows["handle"]) == 1  # E (G is deferred)
        queue.set_drill_down([ids["A"], ids["B"]], "结案数")
        # both closed: nothing open to list but B's return visit (回访: a 12319 call, its reporter not yet reached)
        assert {tab: [r["id"] for r in rows] for tab, rows in queue.rows.items() if rows} == {"revisit": [ids["B"]]}
        assert "2 cases" in queue.drill_label.text()
        queue.set_drill_down([ids["E"], ids["H"]], "超期")
        assert [r["id"] for r in queue.rows["handle"]] == [ids["E"]] and [r["id"] for r in queue.rows["register"]] \
            == [ids["H"]]
        queue.set_drill_down(None)
        assert not queue.drill_label.isVisible()
    finally:
        queue.shutdown()


def test_a_bad_area_is_explained(dock):
    QTest.keyClicks(dock.area, "5101")
    dock.run_button.click()
    assert "is not a district" in dock.status.text()


LINK = '<a href="file:///etc/passwd">环卫所</a><img src="file:///etc/passwd">'


def test_names_and_typed_text_with_html_are_shown_as_text(dock, month):
    """Issue 12, item 5: a department named with HTML, and an area typed with it, are shown as
    they are written: the table cells, the drill-down title in the status line, the report note."""
    from citygrid_plugin.store import db

    assert {dock.status.textFormat(), dock.report_note.textFormat(), dock.chart.textFormat()} == {Qt.PlainText}
    conn = db.connect(month[2])
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = %s WHERE code = 'HW'", (LINK,))
        conn.commit()
        dock.run_button.click()
        r, c = cell(dock.indicators, LINK, "Handling rate")
        assert dock.indicators.item(r, 1).text() == LINK and dock.indicators.item(r, 1).toolTip() == f"{LINK} (HW)"
        assert dock.indicators.item(r, c).toolTip() and "<" not in dock.indicators.item(r, c).toolTip()
        click(dock.indicators, r, c)
        assert LINK in dock.status.text() and dock.status.textFormat() == Qt.PlainText
        dock.area.setText(LINK)
        dock.run_button.click()
        assert LINK in dock.status.text()
    finally:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = '环卫所' WHERE code = 'HW'")
        conn.commit()
        conn.close()


def test_the_frozen_columns_follow_the_table(dock):
    """The view over the rank and name keeps the table's widths, row heights and vertical scroll."""
    table = dock.indicators
    table.setColumnWidth(1, table.columnWidth(1) + 30)
    assert table.frozen.columnWidth(1) == table.columnWidth(1)
    assert table.frozen.geometry().width() == table.columnWidth(0) + table.columnWidth(1)
    assert table.frozen.horizontalHeader().height() == table.horizontalHeader().height()
    assert wait_until(lambda: table.frozen.rowHeight(0) == table.rowHeight(0), 1)
    index = table.model().index(0, 1)
    assert table.horizontalScrollBar().value() == 0 and table.frozen.visualRect(index) == table.visualRect(index)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert table.frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
