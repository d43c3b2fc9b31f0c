"""The evaluation dock on the hand-built month (tests/db/test_evaluation.py): the figures it shows
are the hand counts, and a click on any figure lists exactly the cases it counts — in the
drill-down layer and, through the plugin, in the case queue."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject

from tests.db.test_evaluation import month  # noqa: F401 - the module-scoped store fixture
from tests.stores import qgis_connection_to


@pytest.fixture
def target(qgis_app, month, cluster):  # noqa: F811
    from citygrid_plugin.connections import StoreTarget

    with qgis_connection_to(cluster, month[2], "evaldock") as name:
        yield StoreTarget("connection", name)


@pytest.fixture
def dock(qgis_iface, target):
    from citygrid_plugin.gui.docks.evaluation import EvaluationDock

    d = EvaluationDock(qgis_iface, target)
    d.month.setCurrentIndex(d.month.findData("2026-11"))
    assert d.refresh()
    yield d
    if d.drill_layer is not None:
        QgsProject.instance().removeMapLayer(d.drill_layer.id())
    d.shutdown()


def cell(table, row_name: str, header: str):
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for r in range(table.rowCount()):
        if table.item(r, 0).text().startswith(row_name):
            return r, headers.index(header)
    raise AssertionError(f"{row_name} not in the table")


def test_department_figures_and_their_drill_down(dock, month):  # noqa: F811
    ids, _logins, _dsn = month
    assert "cases evaluated" in dock.status.text()
    r, c = cell(dock.indicators, "环卫所", "Handling rate")
    assert dock.indicators.item(r, c).text() == "75.0 %"
    assert dock.indicators.item(r, dock.indicators.columnCount() - 1).text() == "71.0"
    received = []
    dock.drilled.connect(lambda i, t: received.append((i, t)))
    dock._indicator_clicked(r, c)  # a rate lists the cases it is computed over: the 4 due for handling
    layer = dock.drill_layer
    assert layer.featureCount() == 4 and {f["id"] for f in layer.getFeatures()} == {ids[x] for x in "ABDE"}
    assert received and sorted(received[-1][0]) == sorted(ids[x] for x in "ABDE")
    r, c = cell(dock.indicators, "环卫所", "Overdue, not handled")
    assert dock.indicators.item(r, c).text() == "1"
    dock._indicator_clicked(r, c)
    assert [f["id"] for f in dock.drill_layer.getFeatures()] == [ids["E"]]


def test_reports_have_charts_and_rows_drill_down_to_their_cases(dock):
    assert [dock.report.itemData(i) for i in range(dock.report.count())] == [
        "most_frequent", "by_source", "by_state", "by_department", "department_performance", "class_comparison"]
    dock.report.setCurrentIndex(0)
    assert not dock.chart.pixmap().isNull()
    table = dock.tables[0]
    dock._report_clicked(0, 0)
    assert dock.drill_layer.featureCount() == table.rows[0][4] == len(table.ids[0])
    dock.report.setCurrentIndex(1)  # by source: a ring chart
    assert not dock.chart.pixmap().isNull()


def test_a_drill_down_filters_the_case_queue(qgis_iface, target, month):  # noqa: F811
    from citygrid_plugin.gui.docks.case_queue import CaseQueueDock

    ids, _logins, _dsn = month
    queue = CaseQueueDock(qgis_iface, target, live=False)
    try:
        assert len(queue.rows["handle"]) == 1  # E (G is deferred)
        queue.set_drill_down([ids["A"], ids["B"]], "结案数")
        assert all(not rows for rows in queue.rows.values())  # both closed: nothing open to list
        assert "2 cases" in queue.drill_label.text()
        queue.set_drill_down([ids["E"], ids["H"]], "超期")
        assert [r["id"] for r in queue.rows["handle"]] == [ids["E"]] and [r["id"] for r in queue.rows["register"]] \
            == [ids["H"]]
        queue.set_drill_down(None)
        assert not queue.drill_label.isVisible()
    finally:
        queue.shutdown()


def test_a_bad_area_is_explained(dock):
    dock.area.setText("5101")
    assert not dock.refresh()
    assert "is not a district" in dock.status.text()


LINK = '<a href="file:///etc/passwd">环卫所</a><img src="file:///etc/passwd">'


def test_names_and_typed_text_with_html_are_shown_as_text(dock, month):  # noqa: F811
    """Issue 12, item 5: a department named with HTML, and an area typed with it, are shown as
    they are written: the table cells, the drill-down title in the status line, the report note."""
    from qgis.PyQt.QtCore import Qt

    from citygrid_plugin.store import db

    assert {dock.status.textFormat(), dock.report_note.textFormat(), dock.chart.textFormat()} == {Qt.PlainText}
    conn = db.connect(month[2])
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = %s WHERE code = 'HW'", (LINK,))
        conn.commit()
        dock.run_button.click()
        r, c = cell(dock.indicators, LINK, "Handling rate")
        assert dock.indicators.item(r, 0).text() == f"{LINK} (HW)"
        assert dock.indicators.item(r, c).toolTip() and "<" not in dock.indicators.item(r, c).toolTip()
        dock.indicators.cellClicked.emit(r, c)
        assert LINK in dock.status.text() and dock.status.textFormat() == Qt.PlainText
        dock.area.setText(LINK)
        dock.run_button.click()
        assert LINK in dock.status.text()
    finally:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = '环卫所' WHERE code = 'HW'")
        conn.commit()
        conn.close()
