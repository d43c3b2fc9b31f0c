"""Splitting and merging unit grids in QGIS against the real store: one undo step each, and on
save the store retires the old codes and issues new ones."""
from __future__ import annotations

import pytest
from qgis.core import QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.gui.maptools.grid_edit import GridEditError, SplitGridTool, merge_grids, split_grids
from citygrid_plugin.layers import GRIDS, STORE_LAYERS, store_layer
from citygrid_plugin.store import db
from citygrid_plugin.store.grids import replace_grids

PREFIX = "510104001001"


@pytest.fixture
def grid_layer(qgis_app, qgis_connection, store_dsn_for_connection):
    layer = store_layer(StoreTarget("connection", qgis_connection), next(s for s in STORE_LAYERS if s.table == GRIDS))
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    if layer.isEditable():
        layer.rollBack()
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture
def store_dsn_for_connection(cluster, fresh_db):
    """The fresh database behind qgis_connection, with a store, one community and 3 × 2 grids."""
    from shapely.geometry import box

    from citygrid_plugin.store import migrate

    dsn = cluster.dsn(fresh_db)
    conn = db.connect(dsn)
    try:
        migrate.upgrade(conn)
        with conn.cursor() as cur:
            cur.execute("""
                INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
                INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '街道');
                INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
                VALUES ('510104', '001', '001', '社区', ST_Multi(ST_MakeEnvelope(0, 0, 300, 200, 4544)));""")
        conn.commit()
        replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]})
    finally:
        conn.close()
    return dsn


def codes(layer):
    return sorted(f["code"] for f in layer.getFeatures())


def history(dsn, code):
    conn = db.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT retired_at IS NOT NULL, successors FROM citygrid.grid WHERE code = %s", (code,))
            return cur.fetchone()
    finally:
        conn.close()


def test_split_undo_redo_and_save_issues_new_codes(grid_layer, store_dsn_for_connection):
    assert codes(grid_layer) == [f"{PREFIX}{n:03d}" for n in range(1, 7)]
    # a vertical cut through grid 001 (x 0–100, y 100–200)
    gained = split_grids(grid_layer, [QgsPointXY(50, 90), QgsPointXY(50, 210)])
    assert gained == 1 and grid_layer.featureCount() == 7
    grid_layer.undoStack().undo()
    assert grid_layer.featureCount() == 6
    grid_layer.undoStack().redo()
    assert grid_layer.featureCount() == 7
    assert grid_layer.commitChanges(), grid_layer.commitErrors()
    assert codes(grid_layer) == [f"{PREFIX}{n:03d}" for n in range(2, 9)]
    assert history(store_dsn_for_connection, f"{PREFIX}001") == (True, [f"{PREFIX}007", f"{PREFIX}008"])


def test_merge_selected_and_save(grid_layer, store_dsn_for_connection):
    ids = [f.id() for f in grid_layer.getFeatures() if f["code"] in (f"{PREFIX}002", f"{PREFIX}003")]
    merge_grids(grid_layer, ids)
    assert grid_layer.featureCount() == 5
    assert grid_layer.commitChanges(), grid_layer.commitErrors()
    assert codes(grid_layer) == [f"{PREFIX}001", f"{PREFIX}004", f"{PREFIX}005", f"{PREFIX}006", f"{PREFIX}007"]
    assert history(store_dsn_for_connection, f"{PREFIX}002") == (True, [f"{PREFIX}007"])
    assert history(store_dsn_for_connection, f"{PREFIX}003") == (True, [f"{PREFIX}007"])


def test_refused_edits_say_why(grid_layer):
    by_code = {f["code"]: f.id() for f in grid_layer.getFeatures()}
    with pytest.raises(GridEditError, match="not adjacent"):
        merge_grids(grid_layer, [by_code[f"{PREFIX}001"], by_code[f"{PREFIX}003"]])
    with pytest.raises(GridEditError, match="at least two"):
        merge_grids(grid_layer, [by_code[f"{PREFIX}001"]])
    with pytest.raises(GridEditError, match="does not cut any grid"):
        split_grids(grid_layer, [QgsPointXY(500, 500), QgsPointXY(600, 600)])
    assert grid_layer.featureCount() == 6 and not grid_layer.undoStack().canUndo()


def test_the_split_tool_says_how_and_its_line_follows_the_cursor(grid_layer, qgis_canvas):
    """A person picks the tool, reads the hint, clicks two points across grid 001 — the line
    follows the mouse from the last point — and right-clicks: the grid is cut."""
    canvas = qgis_canvas
    canvas.setLayers([grid_layer])
    canvas.setDestinationCrs(grid_layer.crs())
    canvas.resize(600, 400)
    canvas.setExtent(QgsRectangle(0, 0, 300, 200))
    canvas.refresh()
    tool = SplitGridTool(canvas, lambda: grid_layer)
    hints, cut = [], []
    tool.hint.connect(hints.append)
    tool.done.connect(cut.append)
    canvas.setMapTool(tool)
    assert hints and "right-click" in hints[0] and canvas.cursor().shape() == Qt.CrossCursor

    def pixel(x, y) -> QPoint:
        p = canvas.getCoordinateTransform().transform(x, y)
        return QPoint(round(p.x()), round(p.y()))

    def event(kind, x, y, button=Qt.NoButton):
        return QgsMapMouseEvent(canvas, kind, pixel(x, y), button, button, Qt.NoModifier)

    tool.canvasReleaseEvent(event(QEvent.MouseButtonRelease, 50, 90, Qt.LeftButton))
    tool.canvasMoveEvent(event(QEvent.MouseMove, 52, 150))
    assert tool.band.numberOfVertices() == 2
    moving, pixel_size = tool.band.getPoint(0, 1), canvas.mapUnitsPerPixel()
    assert abs(moving.x() - 52) <= pixel_size and abs(moving.y() - 150) <= pixel_size  # at the cursor
    tool.canvasReleaseEvent(event(QEvent.MouseButtonRelease, 50, 210, Qt.LeftButton))
    tool.canvasMoveEvent(event(QEvent.MouseMove, 80, 230))
    assert tool.band.numberOfVertices() == 3 and abs(tool.band.getPoint(0, 2).x() - 80) <= pixel_size
    tool.canvasReleaseEvent(event(QEvent.MouseButtonRelease, 80, 230, Qt.RightButton))
    assert cut == [1] and grid_layer.featureCount() == 7 and tool.band.numberOfVertices() == 0
    canvas.unsetMapTool(tool)
