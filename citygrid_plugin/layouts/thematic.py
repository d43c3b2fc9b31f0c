"""Thematic map pages (专题图): a template's items filled with layers, texts, legend and scale.

:func:`thematic_layout` makes a one-page layout; the atlas (:mod:`.atlas`) and the report's map
pages (:mod:`.report`) fill their template items with the same ``_fill_thematic``, so every map
page looks alike. The map frames the layers with a 5 % margin at a round scale (1:12 000,
1:15 000 …); the date line is ISO ("制图日期：2026-12-01", unambiguous in both languages).

Layers passed in but not yet in the project are added to it without a layer-tree node (a layout
only keeps weak references to its layers). Layer order follows QGIS's: the first layer is drawn
on top. Layers without geometry (lookup tables), empty layers and the atlas mask are left out of
legends.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayerTreeLayer,
    QgsLayoutItem,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)

from ..core.i18n import tr
from ..core.textsafe import layout_text
from .templates import LayoutError, _link, load_template

MAP_MARGIN = 0.05  # share of the data extent added on each side of a thematic map
ATLAS_MASK = "citygrid/atlas_mask"  # custom property of the atlas mask: it never frames a map nor shows in a legend


def _ensure_in_project(project: QgsProject, layers: Iterable[QgsMapLayer]) -> None:
    for layer in layers:
        if layer is None or not layer.isValid():
            name = layer.name() if layer is not None else "None"
            raise LayoutError(tr("layer '{name}' is not valid (its source cannot be read): check the file or the "
                                 "database connection").format(name=name))
        if project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)


def _map_crs(project: QgsProject, layers: Sequence[QgsMapLayer]) -> QgsCoordinateReferenceSystem:
    if project.crs().isValid():
        return project.crs()
    for layer in layers:
        if layer.crs().isValid():
            return layer.crs()
    raise LayoutError(tr("neither the project nor the layers have a coordinate reference system: set the project "
                         "CRS (e.g. EPSG:4544) first"))


def _is_spatial(layer: QgsMapLayer) -> bool:
    return not (isinstance(layer, QgsVectorLayer) and not layer.isSpatial())


def _data_extent(project: QgsProject, layers: Sequence[QgsMapLayer], crs) -> QgsRectangle:
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        if not _is_spatial(layer) or layer.customProperty(ATLAS_MASK):
            continue
        rect = layer.extent()
        if rect.isNull():
            continue
        if layer.crs() != crs:
            try:
                rect = QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(rect)
            except Exception:  # noqa: BLE001 - a layer that cannot be transformed does not set the extent
                continue
        extent.combineExtentWith(rect)
    if extent.isNull():
        names = ", ".join(layer.name() for layer in layers)
        raise LayoutError(tr("the layers {names} have no features to frame the map: pass extent= or add data")
                          .format(names=names))
    if extent.width() <= 0 and extent.height() <= 0:  # a single point: show 200 m (or 0.002°) around it
        extent = extent.buffered(0.001 if crs.isGeographic() else 100.0)
    return extent


def _nice_scale(scale: float) -> float:
    """The smallest round scale denominator ≥ *scale* (1:12 000, 1:15 000, 1:20 000 …)."""
    if scale <= 0:
        return scale
    power = 10 ** int(f"{scale:e}".split("e")[1])
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= scale * 0.9999:
            return step * power
    return 10 * power


def _legend_layers(layers: Iterable[QgsMapLayer]) -> list[QgsMapLayer]:
    out = []
    for layer in layers:
        if layer.customProperty(ATLAS_MASK) or not _is_spatial(layer):
            continue
        if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
            continue
        out.append(layer)
    return out


def _fill_legend(legend: QgsLayoutItemLegend, layers: Sequence[QgsMapLayer]) -> None:
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addChildNode(QgsLayerTreeLayer(layer))
    legend.setTitle(tr("Legend"))
    legend.setLegendFilterByMapEnabled(True)  # categories absent from the map are not listed
    legend.adjustBoxSize()
    legend.updateLegend()


def _scalebar_units(scalebar: QgsLayoutItemScaleBar, map_item: QgsLayoutItemMap) -> None:
    """Kilometres when the map spans more than 8 km, metres otherwise; labels 米 / 千米 via tr()."""
    width_m = map_item.extent().width()
    if map_item.crs().mapUnits() != QgsUnitTypes.DistanceMeters:
        width_m = 0
    if width_m > 8000:
        scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
        scalebar.setUnitLabel(tr("km"))
    else:
        scalebar.setUnits(QgsUnitTypes.DistanceMeters)
        scalebar.setUnitLabel(tr("m"))
    scalebar.setLinkedMap(map_item)
    scalebar.update()


def _date_text(date: dt.date | str | None) -> str:
    if date is None:
        date = dt.date.today()
    text = date.isoformat() if isinstance(date, dt.date) else str(date)
    return tr("Map date: {date}").format(date=text)


def _source_text(source: str) -> str:
    return tr("Data source: {source}").format(source=source) if source else ""


def _fill_thematic(project: QgsProject, items: dict[str, QgsLayoutItem], layers: Sequence[QgsMapLayer], *,
                   title: str, subtitle: str, source: str, date, extent, legend_layers) -> None:
    layers = [layer for layer in layers]
    if not layers:
        raise LayoutError(tr("no layers given for the map '{title}': pass the layers to show").format(title=title))
    _ensure_in_project(project, layers)
    map_item: QgsLayoutItemMap = items["map"]
    crs = _map_crs(project, layers)
    map_item.setCrs(crs)
    map_item.setKeepLayerSet(True)
    map_item.setLayers(layers)
    if extent is None:
        extent = _data_extent(project, layers, crs)
        extent = extent.buffered(max(extent.width(), extent.height()) * MAP_MARGIN)
    elif isinstance(extent, QgsReferencedRectangle) and extent.crs().isValid() and extent.crs() != crs:
        extent = QgsCoordinateTransform(extent.crs(), crs, project).transformBoundingBox(extent)
    map_item.zoomToExtent(QgsRectangle(extent))  # keeps the frame's aspect: the extent grows to fit
    map_item.setScale(_nice_scale(map_item.scale()))
    items["title"].setText(title)   # texts as the callers prepared them (literal or templates)
    items["subtitle"].setText(subtitle or "")
    items["source"].setText(_source_text(source))
    items["date"].setText(_date_text(date))
    _link(items)
    _scalebar_units(items["scalebar"], map_item)
    chosen = _legend_layers(layers if legend_layers is None else legend_layers)
    _ensure_in_project(project, chosen)
    _fill_legend(items["legend"], chosen)
    items["legend"].setVisibility(bool(chosen))


def thematic_layout(project: QgsProject, layers: Sequence[QgsMapLayer], *, title: str, subtitle: str = "",
                    source: str, date: dt.date | str | None = None, paper: str = "A4",
                    orientation: str = "landscape", extent: QgsRectangle | None = None,
                    legend_layers: Sequence[QgsMapLayer] | None = None,
                    template: str | os.PathLike | None = None) -> QgsPrintLayout:
    """A one-page thematic map (专题图) of *layers* (first on top) from the CityGrid template.

    *extent* (map CRS, or a QgsReferencedRectangle) defaults to the union of the layers' extents
    plus 5 % on each side, grown to the map frame's aspect and rounded up to a round scale.
    *date* defaults to today (ISO, "制图日期：2026-12-01"); *source* is the data source line
    ("数据来源：…"). The legend shows *legend_layers* (default: *layers*) minus empty and
    non-spatial ones. The layout is not added to the project's layout manager (do it to keep
    it: ``project.layoutManager().addLayout(layout)``)."""
    layout, items = load_template(project, paper, orientation, template)
    layout.setName(title)
    # the texts print as they are: a title or a source naming a street may hold "[%"
    _fill_thematic(project, items, layers, title=layout_text(title), subtitle=layout_text(subtitle),
                   source=layout_text(source), date=date, extent=extent, legend_layers=legend_layers)
    layout.refresh()
    return layout
