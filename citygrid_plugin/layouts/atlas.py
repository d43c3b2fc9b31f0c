"""The atlas: one thematic page per coverage feature (e.g. per street 街道), as PDF or PNGs.

The page is the thematic template (:mod:`.thematic`) driven by QGIS's atlas: the map zooms to
each feature and a mask layer whitens everything outside it and outlines it. The mask is a
private memory layer marked with :data:`ATLAS_MASK`, drawn with geometry generators on
``@atlas_geometry``; :func:`export_atlas` removes it from the project afterwards.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsGeometryGeneratorSymbolLayer,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..core.i18n import tr
from .export import _image_settings, _pdf_settings, _publish, _quiet_gdal, _result_error, _staging
from .pdftext import fix_pdf_text
from .templates import LayoutError, load_template
from .thematic import ATLAS_MASK, _ensure_in_project, _fill_thematic


def _check_expression(expression: str, layer: QgsVectorLayer, what: str) -> None:
    expr = QgsExpression(expression)
    if expr.hasParserError():
        fields = ", ".join(layer.fields().names())
        error = " ".join(expr.parserErrorString().split())
        raise LayoutError(tr("the {what} expression '{expression}' is not valid ({error}); fields of {layer}: "
                             "{fields}").format(what=what, expression=expression, error=error, layer=layer.name(),
                                                fields=fields))


def _mask_layer(project: QgsProject, coverage: QgsVectorLayer) -> QgsVectorLayer:
    """A layer dimming everything but the current atlas feature and outlining that feature.

    One large polygon in the coverage layer's CRS drawn with geometry generators on
    ``@atlas_geometry``: the polygon minus the feature in translucent white, the feature's
    boundary in dark red. Outside an atlas render @atlas_geometry is NULL and nothing is drawn."""
    extent = coverage.extent()
    grow = max(extent.width(), extent.height()) * 3 or 1000.0
    world = extent.buffered(grow)
    layer = QgsVectorLayer(f"Polygon?crs={coverage.crs().authid() or 'EPSG:4326'}", tr("Atlas mask"), "memory")
    if not coverage.crs().authid():
        layer.setCrs(coverage.crs())
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(world))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    dim = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "difference($geometry, @atlas_geometry)",
                                                  "SymbolType": "Fill"})
    dim.setSubSymbol(QgsFillSymbol.createSimple({"color": "255,255,255,165", "outline_style": "no"}))
    edge = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "@atlas_geometry", "SymbolType": "Fill"})
    edge.setSubSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": "170,30,30,255",
                                                  "outline_width": "0.8"}))
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, dim)
    symbol.appendSymbolLayer(edge)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setCustomProperty(ATLAS_MASK, True)
    layer.setFlags(layer.flags() | QgsMapLayer.Private)
    project.addMapLayer(layer, False)
    return layer


def atlas_layout(project: QgsProject, layers: Sequence[QgsMapLayer], coverage_layer: QgsVectorLayer, *,
                 name_expression: str, title_template: str, paper: str = "A4", orientation: str = "landscape",
                 subtitle: str = "", source: str = "", date: dt.date | str | None = None,
                 filter_expression: str | None = None, sort_expression: str | None = None, margin: float = 0.1,
                 dim_outside: bool = True, legend_layers: Sequence[QgsMapLayer] | None = None,
                 template: str | os.PathLike | None = None) -> QgsPrintLayout:
    """A thematic layout whose atlas has one page per feature of *coverage_layer* (e.g. streets).

    *name_expression* names a page (e.g. ``"name"``); *title_template* is the page title with
    ``{name}`` standing for that name (e.g. ``"{name} 案件密度"``; QGIS ``[% … %]`` expressions also
    work). The map follows the feature with *margin* (share of its size) around it; with
    *dim_outside* a mask layer (custom property ``citygrid/atlas_mask``, private, added to the
    project) whitens what lies outside the feature and outlines it. *filter_expression* and
    *sort_expression* select and order the pages."""
    if not isinstance(coverage_layer, QgsVectorLayer) or not coverage_layer.isValid() or not coverage_layer.isSpatial():
        name = coverage_layer.name() if coverage_layer is not None else "None"
        raise LayoutError(tr("the atlas coverage layer '{name}' must be a valid layer with geometries (e.g. the "
                             "streets)").format(name=name))
    _check_expression(name_expression, coverage_layer, tr("page name"))
    for expression, what in ((filter_expression, tr("filter")), (sort_expression, tr("sort"))):
        if expression:
            _check_expression(expression, coverage_layer, what)
    _ensure_in_project(project, [coverage_layer])
    layout, items = load_template(project, paper, orientation, template)
    layout.setName(title_template.replace("{name}", "").strip() or coverage_layer.name())
    map_layers = list(layers)
    if dim_outside:
        map_layers.insert(0, _mask_layer(project, coverage_layer))
    _fill_thematic(project, items, map_layers, title=title_template.replace("{name}", f"[% {name_expression} %]"),
                   subtitle=subtitle, source=source, date=date, extent=None,
                   legend_layers=list(layers) if legend_layers is None else legend_layers)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage_layer)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression(name_expression)
    atlas.setFilterFeatures(bool(filter_expression))
    if filter_expression:
        atlas.setFilterExpression(filter_expression)
    atlas.setSortFeatures(bool(sort_expression))
    if sort_expression:
        atlas.setSortExpression(sort_expression)
        atlas.setSortAscending(True)
    atlas.setEnabled(True)
    map_item: QgsLayoutItemMap = items["map"]
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(margin)
    items["legend"].setLegendFilterOutAtlas(False)
    return layout


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "page"


def export_atlas(project: QgsProject, layers: Sequence[QgsMapLayer], coverage_layer: QgsVectorLayer, *,
                 name_expression: str, title_template: str, path: str | os.PathLike, paper: str = "A4",
                 orientation: str = "landscape", dpi: float = 150, filter_expression: str | None = None,
                 sort_expression: str | None = None, subtitle: str = "", source: str = "",
                 date: dt.date | str | None = None, margin: float = 0.1, dim_outside: bool = True,
                 legend_layers: Sequence[QgsMapLayer] | None = None) -> list[Path]:
    """Export one page per coverage feature (see :func:`atlas_layout`): *path* ending in .pdf gives
    one multi-page PDF (returns ``[path]``); any other *path* is a folder receiving one PNG per
    page named ``01_<name>.png``, ``02_<name>.png`` … in atlas order (returns them). The mask layer
    is removed from the project afterwards."""
    path = Path(path)
    as_pdf = path.suffix.lower() == ".pdf"
    if path.suffix and not as_pdf and not path.is_dir():
        raise LayoutError(tr("cannot export the atlas to {path}: give a .pdf file or a folder for PNG pages")
                          .format(path=path))
    before = {layer.id() for layer in project.mapLayers().values() if layer.customProperty(ATLAS_MASK)}
    try:
        layout = atlas_layout(project, layers, coverage_layer, name_expression=name_expression,
                              title_template=title_template, paper=paper, orientation=orientation, subtitle=subtitle,
                              source=source, date=date, filter_expression=filter_expression,
                              sort_expression=sort_expression, margin=margin, dim_outside=dim_outside,
                              legend_layers=legend_layers)
        atlas = layout.atlas()
        if not atlas.updateFeatures():
            raise LayoutError(tr("the atlas has no pages: no feature of '{layer}' matches the filter {filter}")
                              .format(layer=coverage_layer.name(), filter=filter_expression or "-"))
        if not as_pdf:
            return _export_atlas_pngs(layout, path, dpi)
        staging = _staging(path)
        try:
            target = staging / path.name
            result, error = QgsLayoutExporter.exportToPdf(atlas, str(target), _pdf_settings(dpi))
            if result != QgsLayoutExporter.Success or not target.exists():
                raise _result_error(result, path, dpi, error)
            fix_pdf_text(target)
            return _publish(staging, path.parent, [path.name])
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc
    finally:
        for layer in list(project.mapLayers().values()):
            if layer.customProperty(ATLAS_MASK) and layer.id() not in before:
                project.removeMapLayer(layer.id())


def _export_atlas_pngs(layout: QgsPrintLayout, folder: Path, dpi: float) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=folder, reason=exc.strerror or exc)) from exc
    staging = _staging(folder / "atlas.png")
    atlas = layout.atlas()
    names = []
    try:
        if not atlas.beginRender():
            raise _result_error(QgsLayoutExporter.IteratorError, folder, dpi)
        exporter = QgsLayoutExporter(layout)
        width = max(2, len(str(atlas.count())))
        for i in range(atlas.count()):
            atlas.seekTo(i)
            name = f"{i + 1:0{width}d}_{_safe_name(atlas.nameForPage(i))}.png"
            with _quiet_gdal():
                result = exporter.exportToImage(str(staging / name), _image_settings(dpi, layout))
            if result != QgsLayoutExporter.Success:
                raise _result_error(result, folder / name, dpi)
            names.append(name)
        atlas.endRender()
        return _publish(staging, folder, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
