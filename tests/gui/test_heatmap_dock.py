"""The case heatmap dock against a real store: its layers show exactly the cases the filter
selects (the same count the store gives), the three views switch renderers, a bad filter is
explained, and a case reported by someone else appears without a manual refresh."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import QgsGraduatedSymbolRenderer, QgsHeatmapRenderer, QgsProject, QgsSingleSymbolRenderer

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from tests.gui.test_live import make_case_store, wait_until

CST = timezone(timedelta(hours=8))


@pytest.fixture
def heat_store(cluster, fresh_db, qgis_connection):
    from citygrid_plugin.store import migrate, reference

    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    conn.close()
    make_case_store(dsn)
    conn = db.connect(dsn)
    now = datetime.now(CST)
    # 6 recent cases in the west grid, 2 in the east, one 0505 event, one 40 days old
    for k in range(6):
        report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 20 + k, 150, at=now - timedelta(days=1, hours=k))
    for k in range(2):
        report_case(conn, "12319热线", "event", "0102", "暴露垃圾", 250 + k, 50, at=now - timedelta(days=2))
    c = report_case(conn, "监督员上报", "event", "0505", "乱停车", 150, 50, at=now - timedelta(days=3))
    act(conn, c.id, "cancel", "operator", c.version, note="重复", at=now - timedelta(days=3) + timedelta(minutes=5))
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50, at=now - timedelta(days=40))
    yield conn, StoreTarget("connection", qgis_connection)
    conn.close()


@pytest.fixture
def dock(qgis_iface, heat_store):
    from citygrid_plugin.gui.docks.heatmap import HeatmapDock

    _conn, target = heat_store
    project = QgsProject.instance()
    d = HeatmapDock(qgis_iface, target, live=True, project=project)
    yield d
    d.shutdown(remove_layers=True)


def test_layers_show_exactly_the_filtered_cases_in_every_view(dock):
    assert dock.total == 9  # the last 30 days
    assert dock.points_layer.featureCount() == 9
    assert isinstance(dock.points_layer.renderer(), QgsHeatmapRenderer)
    assert dock.points_layer.renderer().radius() == 150
    counts = {f["code"]: f["cases"] for f in dock.grids_layer.getFeatures()}
    assert sum(counts.values()) == 9 and len(counts) == 6 and max(counts.values()) == 6

    dock.window.setCurrentIndex(2)  # 90 days: the old case comes in
    assert dock.total == 10 and dock.points_layer.featureCount() == 10
    dock.source.setCurrentIndex(dock.source.findData("12319热线"))
    assert dock.total == 2 and dock.points_layer.featureCount() == 2
    dock.source.setCurrentIndex(0)
    dock.state.setCurrentIndex(dock.state.findData("cancelled"))
    assert dock.total == 1 and {f["class_code"] for f in dock.points_layer.getFeatures()} == {"0505"}
    dock.state.setCurrentIndex(dock.state.findData("open"))
    assert dock.total == 9

    dock.set_mode("points")
    assert isinstance(dock.points_layer.renderer(), QgsSingleSymbolRenderer)
    dock.set_mode("grids")
    assert isinstance(dock.grids_layer.renderer(), QgsGraduatedSymbolRenderer)
    tree = QgsProject.instance().layerTreeRoot()
    assert tree.findLayer(dock.grids_layer.id()).isVisible()
    assert not tree.findLayer(dock.points_layer.id()).isVisible()


def test_a_bad_class_filter_is_explained_and_the_map_keeps_its_cases(dock):
    dock.classes.setText("01;DROP TABLE")
    dock.refresh()
    assert "is not a class code" in dock.status.text()
    assert dock.points_layer.featureCount() == 9  # unchanged
    dock.classes.setText("01")  # major class 01 (市容环境) holds 0102 but not 0505
    dock.refresh()
    assert dock.total == 8


def test_typed_html_is_quoted_as_text_in_the_status_line(dock):
    """Issue 12, item 5: the status line quotes what was typed; a QLabel would render it."""
    from qgis.PyQt.QtCore import Qt

    typed = '<a href="file:///etc/passwd">01</a><img src="file:///etc/passwd">'
    dock.classes.setText(typed)
    dock.classes.editingFinished.emit()
    assert dock.status.textFormat() == Qt.PlainText and dock.slider_label.textFormat() == Qt.PlainText
    assert "is not a class code" in dock.status.text() and typed in dock.status.text()
    assert dock.points_layer.featureCount() == 9  # unchanged


def test_the_slider_moves_the_window_back(dock):
    dock.slider.setValue(dock.slider.maximum() - 35)  # the window now ends 35 days ago
    dock.refresh()
    assert dock.total == 1 and "35" in dock.slider_label.text()


def test_a_case_reported_elsewhere_appears_without_refresh(dock, heat_store):
    conn, _target = heat_store
    report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 120, 120)  # another connection
    assert wait_until(lambda: dock.total == 10, 2.0)
    assert dock.points_layer.featureCount() == 10
