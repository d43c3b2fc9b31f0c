"""The case heatmap dock against a real store: its layers show exactly the cases the filter
selects (the same count the store gives), the three views switch renderers, a bad filter is
explained, and a case reported by someone else appears without a manual refresh. Its layers are
the window's own: below the layers people edit, outside the group selected in the layers panel,
gone when it closes, and the project is never marked changed by them (issue 13, item 8)."""
from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta, timezone

import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsLayerTreeLayer,
    QgsLayerTreeRegistryBridge,
    QgsProject,
    QgsSingleSymbolRenderer,
)

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from tests.helpers.qt import wait_until
from tests.stores import make_case_store

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
        report_case(conn, "12319热线", "event", "0102", "暴露垃圾", 250 + k, 50, at=now - timedelta(days=2),
                    reporter="市民", reporter_phone="13800000000")
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

    dock.mode.setCurrentIndex(dock.mode.findData("points"))
    assert isinstance(dock.points_layer.renderer(), QgsSingleSymbolRenderer)
    dock.mode.setCurrentIndex(dock.mode.findData("grids"))
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


def test_preset_windows_show_their_dates_and_the_radius_only_counts_for_the_heatmap(dock):
    """Issue 13, item 9: the greyed From/To boxes follow the chosen window and the slider; the
    radius box is greyed out in the views that do not use it."""
    today = datetime.now(CST).date()

    def shown() -> tuple[date, date]:
        return dock.date_from.date().toPyDate(), dock.date_to.date().toPyDate()

    dock.window.setCurrentIndex(dock.window.findData(7))
    assert shown() == (today - timedelta(days=7), today)
    assert not dock.date_from.isEnabled() and not dock.date_to.isEnabled()
    dock.window.setCurrentIndex(dock.window.findData(90))
    assert shown() == (today - timedelta(days=90), today)
    dock.slider.setValue(dock.slider.maximum() - 10)  # the window now ends 10 days ago
    assert shown() == (today - timedelta(days=100), today - timedelta(days=10))
    dock.window.setCurrentIndex(dock.window.findData(0))  # custom: starts from what was shown
    assert dock.date_from.isEnabled() and dock.date_to.isEnabled()
    assert shown() == (today - timedelta(days=100), today - timedelta(days=10))

    assert dock.radius.isEnabled()
    for mode, enabled in (("points", False), ("grids", False), ("heatmap", True)):
        dock.mode.setCurrentIndex(dock.mode.findData(mode))
        assert dock.radius.isEnabled() == enabled, mode


def test_cases_per_grid_are_classed_in_whole_numbers_without_deprecated_calls(qgis_iface, heat_store):
    """Issue 13, item 9: the legend of the cases-per-grid view reads whole, distinct classes
    (never "0 - 0, 0 - 1, 1 - 2"), zero in a class of its own; opening the dock and switching
    views calls no deprecated QGIS API (``updateClasses(layer, mode, n)`` warned at every open)."""
    from citygrid_plugin.gui.docks.heatmap import HeatmapDock

    _conn, target = heat_store
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        d = HeatmapDock(qgis_iface, target, live=False, project=QgsProject.instance())
        try:
            for mode in ("points", "grids", "heatmap", "grids"):
                d.mode.setCurrentIndex(d.mode.findData(mode))
            ranges = d.grids_layer.renderer().ranges()
            # 30 days: 6 cases in one grid, 2 in another, 1 in a third, none in three
            assert [r.label() for r in ranges] == ["0 (no case)", "1", "2", "6+"]
            counts = [f["cases"] for f in d.grids_layer.getFeatures()]
            assert sorted(counts) == [0, 0, 0, 1, 2, 6]
            for n in counts:  # every grid in exactly one class
                assert sum(r.lowerValue() <= n <= r.upperValue() for r in ranges) == 1, n
            d.window.setCurrentIndex(d.window.findData(90))  # the 40-day-old case: a fourth grid with one
            assert sorted(f["cases"] for f in d.grids_layer.getFeatures()) == [0, 0, 1, 1, 2, 6]
            assert [r.label() for r in d.grids_layer.renderer().ranges()] == ["0 (no case)", "1", "2", "6+"]
        finally:
            d.shutdown()


def test_the_docks_layers_sit_below_the_edited_ones_and_leave_with_it(qgis_iface, heat_store):
    """Issue 13, item 8: the heatmap's layers go to the top level below the store's editable
    layers, not into the group selected in the layers panel; closing the dock takes them away;
    the project's changed flag is never touched by them."""
    from citygrid_plugin.gui.docks.heatmap import HeatmapDock
    from citygrid_plugin.layers import GRIDS, STORE_LAYERS, store_layer

    _conn, target = heat_store
    project = QgsProject.instance()
    project.clear()
    grids = store_layer(target, next(s for s in STORE_LAYERS if s.table == GRIDS))
    project.addMapLayer(grids, False)
    root = project.layerTreeRoot()
    store = root.addGroup("CityGrid store")
    store.addLayer(grids)
    analyses = root.addGroup("热点分析")
    # the group a person last clicked in the layers panel receives new layers
    project.layerTreeRegistryBridge().setLayerInsertionPoint(
        QgsLayerTreeRegistryBridge.InsertionPoint(analyses, 0))
    project.setDirty(False)
    before = set(project.mapLayers())

    d = HeatmapDock(qgis_iface, target, live=False, project=project)
    try:
        d.show()
        own = {d.points_layer.id(), d.grids_layer.id()}
        assert set(project.mapLayers()) == before | own
        assert analyses.children() == []
        top = [node.layerId() if isinstance(node, QgsLayerTreeLayer) else node.name() for node in root.children()]
        assert top[0] == "CityGrid store" and set(top[1:3]) == own and top[3] == "热点分析"
        for mode in ("points", "grids", "heatmap"):
            d.mode.setCurrentIndex(d.mode.findData(mode))
        d.window.setCurrentIndex(d.window.findData(90))
        d.radius.setValue(300)
        assert not project.isDirty()
        d.close()  # the dock's close button
        assert set(project.mapLayers()) == before
        assert not project.isDirty()
        assert [node.name() for node in root.children()] == ["CityGrid store", "热点分析"]
    finally:
        d.shutdown()
        # the insertion point would outlive the group it names (QGIS would then insert the next
        # layer anyone adds into freed memory): back to the root before the project is cleared
        project.layerTreeRegistryBridge().setLayerInsertionPoint(QgsLayerTreeRegistryBridge.InsertionPoint(root, 0))
        project.clear()
