"""The patrol coverage dock (巡查覆盖, issue 17 item 3) as the command centre uses it: a shift leader
signed in with his password picks yesterday, presses the button and reads per supervisor the grids
visited, the share, the time outside his grids, the gaps and the track length — the figures worked
out by hand in tests/db/test_coverage.py; clicking a supervisor lists what he missed and zooms to
his grids; the map shows the day's grids green, red and pale green; closing the dock takes the
layer away without marking the project changed. A supervisor opening it sees only his own tracks."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject
from qgis.PyQt.QtCore import QDate, QSize, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest

from citygrid_plugin.core.casefilter import centre_today
from tests.helpers.coverage import G, patrol_people, walk
from tests.helpers.desk import settle

SHOTS = Path("/tmp/issue17/shots")


@pytest.fixture
def people(qgis_app, cluster, store_dsn, conn_factory):
    with patrol_people(cluster, store_dsn, conn_factory, qgis=True) as found:
        yield found


def open_dock(qgis_iface, target):
    from citygrid_plugin.gui.docks.patrol import PatrolCoverageDock

    dock = PatrolCoverageDock(qgis_iface, target)
    dock.resize(435, 720)
    dock.show()
    settle()
    return dock


def set_day(edit, day: date) -> None:
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(edit, f"{day:%Y-%m-%d}")
    settle()
    assert edit.date() == QDate(day.year, day.month, day.day), edit.text()


def click_row(table, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    settle()


def cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def render(layer, path: Path) -> None:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.grow(20)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(600, 400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(path))


def test_the_shift_leader_reads_yesterdays_coverage(qgis_iface, people):
    owner, connect, names, targets = people
    day = centre_today() - timedelta(days=1)
    walk(connect("zhang"), names["zhang"], day)
    project = QgsProject.instance()
    project.setDirty(False)
    dock = open_dock(qgis_iface, targets["leader"])
    try:
        set_day(dock.day_edit, day)
        dock.run_button.click()
        settle()
        table = dock.table
        # the least covered first: 李巡查 walked nothing, 张巡查 three of his four grids
        assert cells(table, 0) == ["李巡查", "张巡查"]
        assert table.item(1, 0).toolTip() == f"张巡查（{names['zhang']}）"
        assert [cells(table, c)[1] for c in range(1, 5)] == ["3/4 · 75 %", "3", "2", "0.5"]
        assert [cells(table, c)[0] for c in range(1, 5)] == ["0/2 · 0 %", "0", "0", "0.0"]
        assert table.item(1, 3).toolTip() == "09:06–09:18、09:18–09:38"
        assert "2 supervisors" in dock.status.text() and "1 patrolled" in dock.status.text()

        # the map of the day: his grids visited green, missed red; li's 005 visited by zhang only
        layer = dock.layer
        assert layer is not None and project.mapLayer(layer.id()) is layer
        assert {f["code"]: f["status"] for f in layer.getFeatures()} == {
            G[1]: "visited", G[2]: "visited", G[3]: "missed", G[4]: "visited", G[5]: "missed", G[6]: "missed"}
        assert [c.label() for c in layer.renderer().categories()] == [
            "visited by its supervisor", "not visited by its supervisor", "visited by another supervisor"]
        assert not project.isDirty(), "the dock's layer is not the user's work"
        SHOTS.mkdir(parents=True, exist_ok=True)
        render(layer, SHOTS / "patrol_coverage_map.png")

        # a supervisor clicked: what he missed, his gaps, and the map on his grids
        click_row(table, 1)
        text = dock.detail.text()
        assert f"张巡查（{names['zhang']}）: 3 of 4 grids visited" in text
        assert f"Not visited: {G[3]}" in text and "Gaps: 09:06–09:18、09:18–09:38" in text
        assert f"Also visited: {G[5]}" in text
        assert {f["code"] for f in layer.selectedFeatures()} == {G[1], G[2], G[3], G[4], G[5]}
        extent = qgis_iface.mapCanvas().extent()
        assert extent.contains(layer.boundingBoxOfSelected()) or qgis_iface.mapCanvas().width() <= 1

        # sorted by another column a click still names the right person
        table.sortItems(4, Qt.DescendingOrder)
        click_row(table, 0)
        assert dock.selected().login == names["zhang"]

        dock.grab().save(str(SHOTS / "patrol_coverage_dock.png"))
    finally:
        dock.shutdown()
    assert dock.layer is None and not [lay for lay in project.mapLayers().values()
                                       if lay.customProperty("citygrid/role") == "patrol_coverage"]
    assert not project.isDirty()


def test_a_supervisor_sees_only_his_own_tracks(qgis_iface, people):
    _owner, connect, names, targets = people
    day = centre_today() - timedelta(days=1)
    walk(connect("zhang"), names["zhang"], day)
    dock = open_dock(qgis_iface, targets["li"])
    try:
        set_day(dock.day_edit, day)
        assert dock.refresh()
        zhang = next(d for d in dock.days if d.login == names["zhang"])
        assert zhang.tracks == 0 and zhang.visited == [] and len(zhang.grids) == 4
        assert {f["status"] for f in dock.layer.getFeatures()} == {"missed"}
    finally:
        dock.shutdown()


def test_a_day_without_tracks_says_so(qgis_iface, people):
    _owner, _connect, names, targets = people
    dock = open_dock(qgis_iface, targets["analyst"])
    try:
        dock.run_button.click()
        settle()
        assert dock.table.rowCount() == 2 and "0 patrolled" in dock.status.text()
        click_row(dock.table, 0)
        assert "No track this day." in dock.detail.text()
    finally:
        dock.shutdown()
