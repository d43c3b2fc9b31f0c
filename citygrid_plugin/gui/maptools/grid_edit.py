"""Editing unit grids in QGIS: split a grid with a drawn line, merge selected grids.

Both work in the layer's edit buffer as one undoable command (Ctrl+Z undoes them); nothing
reaches the store until the user saves. On save the store applies the coding rules
(migration 004): changed grids are retired with their code and the new shapes get the next
serials, successors and predecessors are linked, and the layer reloads to show the new codes.
"""
from __future__ import annotations

from qgis.core import QgsGeometry, QgsLineString, QgsPoint, QgsPointXY, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ...core.i18n import tr


class GridEditError(RuntimeError):
    """A split or merge was refused; the message tells the user why and what to do."""


def _ensure_editable(layer: QgsVectorLayer) -> None:
    if not layer.isEditable() and not layer.startEditing():
        raise GridEditError(tr("the grid layer cannot be edited (read-only connection?)"))


def split_grids(layer: QgsVectorLayer, points: list[QgsPointXY]) -> int:
    """Split the grids crossed by the line through *points* (layer CRS); return how many grids
    the layer gained. One undo step."""
    if len(points) < 2:
        raise GridEditError(tr("draw a line of at least two points across the grid"))
    _ensure_editable(layer)
    before = layer.featureCount()
    layer.beginEditCommand(tr("Split unit grid"))
    try:
        layer.splitFeatures(QgsLineString([QgsPoint(p) for p in points]), False, False)
    except Exception:
        layer.destroyEditCommand()
        raise
    gained = layer.featureCount() - before
    if gained <= 0:
        layer.destroyEditCommand()
        raise GridEditError(tr("the line does not cut any grid in two; draw it fully across the grid"))
    layer.endEditCommand()
    return gained


def merge_grids(layer: QgsVectorLayer, feature_ids: list[int]) -> int:
    """Merge the grids *feature_ids* into the largest of them; return the surviving feature id.
    The grids must be in one community and together form one polygon. One undo step."""
    if len(feature_ids) < 2:
        raise GridEditError(tr("select at least two adjacent grids to merge"))
    features = [layer.getFeature(fid) for fid in feature_ids]
    fields = layer.fields().names()
    key = [f for f in ("district_code", "street_code", "community_code") if f in fields]
    communities = {tuple(f[k] for k in key) for f in features}
    if len(communities) > 1:
        raise GridEditError(tr("the selected grids lie in {n} communities; a grid never crosses a community "
                               "boundary").format(n=len(communities)))
    union = QgsGeometry.unaryUnion([f.geometry() for f in features])
    if union.isMultipart() and len(union.asGeometryCollection()) > 1:
        raise GridEditError(tr("the selected grids are not adjacent: their union has {n} parts").format(
            n=len(union.asGeometryCollection())))
    union.convertToSingleType()
    keep = max(features, key=lambda f: f.geometry().area())
    _ensure_editable(layer)
    layer.beginEditCommand(tr("Merge unit grids"))
    try:
        layer.changeGeometry(keep.id(), union)
        for f in features:
            if f.id() != keep.id():
                layer.deleteFeature(f.id())
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    return keep.id()


class SplitGridTool(QgsMapTool):
    """Click to add points of the cutting line, right-click to cut, Esc to cancel. The line
    follows the cursor from the last point, and ``hint(text)`` says how when the tool starts."""

    failed = pyqtSignal(str)
    done = pyqtSignal(int)
    hint = pyqtSignal(str)

    def __init__(self, canvas, layer_getter) -> None:
        super().__init__(canvas)
        self.layer_getter = layer_getter
        self.points: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.LineGeometry)
        self.band.setColor(QColor(220, 30, 30))
        self.band.setWidth(2)
        self.setCursor(Qt.CrossCursor)

    def activate(self) -> None:
        super().activate()
        self.hint.emit(tr("Split unit grid: click the points of a line across the grid (snapping applies), "
                          "right-click to cut, Esc to start again"))

    def canvasMoveEvent(self, event) -> None:  # noqa: N802
        """The segment from the last point to the cursor (the band's last, moving vertex)."""
        if self.points:
            self.band.movePoint(event.snapPoint())

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        layer = self.layer_getter()
        if layer is None:
            self.failed.emit(tr("add the store layers first (CityGrid ▸ Add store layers)"))
            return
        if event.button() == Qt.RightButton:
            self.finish(layer)
            return
        snapped = event.snapPoint()
        self.points.append(self.toLayerCoordinates(layer, snapped))
        if len(self.points) == 1:
            self.band.addPoint(snapped)      # the first point, fixed
        else:
            self.band.movePoint(snapped)     # the moving vertex becomes this point
        self.band.addPoint(snapped)          # and a new moving vertex follows the cursor

    def finish(self, layer) -> None:
        points, self.points = self.points, []
        self.band.reset(QgsWkbTypes.LineGeometry)
        try:
            self.done.emit(split_grids(layer, points))
        except GridEditError as exc:
            self.failed.emit(str(exc))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.points = []
            self.band.reset(QgsWkbTypes.LineGeometry)

    def deactivate(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.LineGeometry)
        super().deactivate()
