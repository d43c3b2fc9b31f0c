"""The report point tool (受理登记): a click on the map is where the problem is.

The click is taken in the canvas CRS and transformed to the store's CRS (explicitly: the map may
be shown in another CRS, e.g. Web Mercator over an online base map), then handed to the report
dialog (:class:`~citygrid_plugin.gui.dialogs.report_dialog.ReportDialog`), opened if needed. The
census components within a few pixels of the click (that distance in metres at the map's scale)
are offered there to pick. The dialog stays open, so a second click moves the point; a marker
shows it, also when the point came from a typed grid code.
"""
from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsPointXY, QgsProject
from qgis.gui import QgsMapTool, QgsVertexMarker
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ...core.i18n import tr

PICK_PIXELS = 8   # a component this close to the click (on screen) is offered


class ReportPointTool(QgsMapTool):
    """*open_dialog*: returns the report dialog, opening it when needed. ``failed(text)`` when a
    click cannot be placed in the store's CRS."""

    failed = pyqtSignal(str)

    def __init__(self, canvas, store_crs, open_dialog: Callable) -> None:
        super().__init__(canvas)
        self.store_crs = store_crs
        self.open_dialog = open_dialog
        self.marker: QgsVertexMarker | None = None
        self.followed = None
        self.setCursor(Qt.CrossCursor)

    def _transform(self, reverse: bool = False) -> QgsCoordinateTransform:
        canvas_crs = self.canvas().mapSettings().destinationCrs()
        source, target = (self.store_crs, canvas_crs) if reverse else (canvas_crs, self.store_crs)
        return QgsCoordinateTransform(source, target, QgsProject.instance())

    def to_store(self, point: QgsPointXY) -> QgsPointXY:
        """*point* (canvas CRS) in the store's CRS."""
        return self._transform().transform(point)

    def pick_metres(self, point: QgsPointXY) -> float:
        """The ground distance (store CRS, metres) of :data:`PICK_PIXELS` on screen at *point*."""
        offset = QgsPointXY(point.x() + PICK_PIXELS * self.canvas().mapUnitsPerPixel(), point.y())
        return max(0.5, self.to_store(point).distance(self.to_store(offset)))

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.LeftButton:
            return
        point = event.mapPoint()
        try:
            store_point, metres = self.to_store(point), self.pick_metres(point)
        except QgsCsException as exc:
            self.failed.emit(tr("The point clicked cannot be placed in the store's CRS: {error}").format(error=exc))
            return
        dialog = self.open_dialog()
        if dialog is None:
            return
        self.follow(dialog)
        dialog.set_point(store_point.x(), store_point.y(), metres)
        dialog.show()
        dialog.raise_()

    def follow(self, dialog) -> None:
        """Show *dialog*'s point with a marker until it closes."""
        if dialog is self.followed:
            return
        self.followed = dialog
        dialog.point_changed.connect(self.show_point)
        dialog.finished.connect(lambda _r: self.clear_marker())
        if dialog.point is not None:
            self.show_point(*dialog.point)

    def show_point(self, x: float, y: float) -> None:
        """The marker at (*x*, *y*) in the store's CRS."""
        try:
            point = self._transform(reverse=True).transform(QgsPointXY(x, y))
        except QgsCsException:
            return
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas())
            self.marker.setIconType(QgsVertexMarker.ICON_CIRCLE)
            self.marker.setColor(QColor(214, 39, 40))
            self.marker.setFillColor(QColor(214, 39, 40, 90))
            self.marker.setIconSize(16)
            self.marker.setPenWidth(3)
        self.marker.setCenter(point)
        self.marker.show()

    def clear_marker(self) -> None:
        if self.marker is not None:
            self.canvas().scene().removeItem(self.marker)
            self.marker = None
        self.followed = None
