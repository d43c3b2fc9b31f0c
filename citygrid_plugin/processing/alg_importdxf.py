"""citygrid:importdxf — Import a DXF base map (导入 DXF 地形图).

Survey offices deliver the 1:500 topographic map (1:500 地形图) as CAD drawings. This algorithm
reads a DXF with GDAL/OGR (the DXF driver gives one ``entities`` layer with the CAD ``Layer``,
``EntityHandle``, ``Text`` and the OGR style string per entity), maps the CAD layers to base map
kinds (:mod:`citygrid_plugin.core.cadlayers`), turns closed outlines on area layers into
polygons, keeps annotations with their text, height and angle, reprojects from the drawing's CRS
to the store CRS and writes everything in one transaction
(:func:`citygrid_plugin.store.basemap.import_basemap`).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsPolygon,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core.cadlayers import POLYGON_KINDS, LayerMappingError, classify_layer, parse_label_style, parse_layer_mapping
from ..core.i18n import tr
from ..store.basemap import BasemapRow, import_basemap
from .base import CityGridAlgorithm

_REPORT_MAX = 15
_GDAL_SOURCE = re.compile(r"^\S+\.(?:cpp|c), \d+: ")  # "./ogr/…/ogrdxflayer.cpp, 3367: " in GDAL messages


class ImportDxfAlgorithm(CityGridAlgorithm):
    _id = "importdxf"
    _group_id = "basemap"
    SOURCE_CRS = "SOURCE_CRS"
    LAYER_MAPPING = "LAYER_MAPPING"
    REPLACE = "REPLACE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import a DXF base map")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Converts a CAD drawing of the 1:500 topographic map (1:500 地形图, DXF from the survey office) "
            "into the store's base map layers: lines, polygons and annotations (注记), styled for reading at "
            "1:500. CAD layers are mapped to kinds by name: JMD 居民地 → building, DLSS 道路 → road, SXSS 水系 → "
            "water, ZBTZ 植被 → vegetation, JJ 境界 → boundary, ZJ 注记 → annotation (prefixes, any case); "
            "GXYZ, DMTZ, KZD, DLDW, GCD, DGX → other; Chinese layer names containing 房屋/建筑, 道路, 水 or "
            "注记 are recognised too. The layer mapping (e.g. “DLSS=road;FW=building”) is tried before the "
            "built-in names. Layers nobody knows are imported as 'other' and listed in a warning. Closed "
            "outlines on building, water and vegetation layers become polygons (invalid ones are repaired "
            "and reported by entity handle), other polylines stay lines, texts keep their string, height "
            "and angle. CAD drawings carry no CRS: give the CRS of the drawing's coordinates (default: the "
            "store CRS); the coordinates are reprojected to the store CRS, and a drawing that lands outside the "
            "store CRS's area of use is refused. Re-importing a drawing with the "
            "same file name replaces its earlier import; other drawings stay. Everything is written in one "
            "transaction: on any error nothing is written. DWG files must be saved as DXF in CAD first.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("DXF drawing"), QgsProcessingParameterFile.File, "dxf"))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, tr("CRS of the drawing's coordinates (default: the store CRS)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER_MAPPING, tr("CAD layer mapping, e.g. DLSS=road;JMD=building (optional)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLACE, tr("Replace an earlier import of the same drawing"), defaultValue=True))
        for table, title in (("LINES", tr("Lines imported")), ("POLYGONS", tr("Polygons imported")),
                             ("TEXTS", tr("Annotations imported"))):
            self.addOutput(QgsProcessingOutputNumber(table, title))
        for kind, title in (("road", tr("Road features")), ("building", tr("Building features")),
                            ("water", tr("Water features")), ("vegetation", tr("Vegetation features")),
                            ("boundary", tr("Boundary features")), ("annotation", tr("Annotation features")),
                            ("other", tr("Other features"))):
            self.addOutput(QgsProcessingOutputNumber(kind.upper(), title))
        self.addOutput(QgsProcessingOutputNumber("REPLACED", tr("Rows of earlier imports replaced")))
        self.addOutput(QgsProcessingOutputNumber("REPAIRED", tr("Invalid outlines repaired")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Entities skipped")))
        self.addOutput(QgsProcessingOutputString("UNMAPPED_LAYERS", tr("CAD layers not in the mapping")))

    # -- reading -----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = Path(self.parameterAsFile(parameters, self.INPUT, context) or "")
        try:
            rules = parse_layer_mapping(self.parameterAsString(parameters, self.LAYER_MAPPING, context))
        except LayerMappingError as exc:
            raise QgsProcessingException(str(exc)) from exc
        replace = self.parameterAsBoolean(parameters, self.REPLACE, context)
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        datasource = _open_dxf(path)  # before the store: a wrong file fails fast

        try:
            with self.store_session(parameters, context, feedback) as store:
                srid = store.srid
                dest = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
                if not source_crs.isValid():
                    source_crs = dest
                    feedback.pushInfo(tr("{file}: no CRS given, coordinates taken as the store CRS EPSG:{srid}")
                                      .format(file=path.name, srid=srid))
                xform = None
                if source_crs != dest:
                    feedback.pushInfo(tr("{file}: reprojecting from {src} to the store CRS EPSG:{srid}").format(
                        file=path.name, src=source_crs.authid() or source_crs.description(), srid=srid))
                    xform = QgsCoordinateTransform(source_crs, dest, context.transformContext())
                reader = _DxfReader(path, rules, xform, feedback)
                rows = reader.read(datasource)
                _check_area_of_use(reader.extent, dest, path.name, context)
                result = import_basemap(store.conn, rows, path.name, replace=replace)
        finally:
            datasource = None  # noqa: F841 - let go of the drawing

        for message in reader.warnings:
            feedback.pushWarning(message)
        if reader.unmapped:
            feedback.pushWarning(tr(
                "CAD layers not in the layer mapping, imported as 'other': {layers}. If they hold roads, "
                "buildings, water … add them to the layer mapping (e.g. {example}=road) and import again").format(
                layers=", ".join(sorted(reader.unmapped)), example=sorted(reader.unmapped)[0]))
        kinds = result.by_kind()
        tables = result.by_table()
        replaced = sum(result.replaced.values())
        feedback.pushInfo(tr("{file}: {lines} lines, {polygons} polygons, {texts} annotations imported "
                             "(batch {batch}); {replaced} rows of an earlier import replaced").format(
            file=path.name, lines=tables["basemap_line"], polygons=tables["basemap_polygon"],
            texts=tables["basemap_text"], batch=result.batch, replaced=replaced))
        feedback.pushInfo(tr("by kind: {counts}").format(
            counts=", ".join(f"{k} {n}" for k, n in kinds.items() if n)))
        out = {"LINES": tables["basemap_line"], "POLYGONS": tables["basemap_polygon"],
               "TEXTS": tables["basemap_text"], "REPLACED": replaced, "REPAIRED": reader.repaired,
               "SKIPPED": reader.skipped, "UNMAPPED_LAYERS": ", ".join(sorted(reader.unmapped))}
        out.update({k.upper(): n for k, n in kinds.items()})
        return out


def _open_dxf(path: Path):
    """The OGR datasource of a DXF drawing, or a QgsProcessingException saying what is wrong."""
    if path.suffix.lower() == ".dwg":
        raise QgsProcessingException(tr(
            "{file} is a DWG drawing; save it as DXF in CAD (Save As ▸ DXF) and import the DXF").format(file=path.name))
    if not path.is_file():
        raise QgsProcessingException(tr("{file} does not exist").format(file=str(path)))
    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        datasource = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["DXF"])
        error = _GDAL_SOURCE.sub("", gdal.GetLastErrorMsg())
    except RuntimeError as exc:  # GDAL with exceptions enabled
        datasource, error = None, str(exc)
    finally:
        gdal.PopErrorHandler()
    if datasource is None or datasource.GetLayerCount() == 0:
        raise QgsProcessingException(tr(
            "{file} cannot be read as a DXF drawing ({error}); export it again from CAD as an ASCII DXF "
            "(AutoCAD R12–2018)").format(file=path.name, error=error or tr("not a DXF file")))
    return datasource


class _DxfReader:
    """Turns the entities of a DXF into :class:`BasemapRow` s in the store CRS."""

    def __init__(self, path: Path, rules, xform, feedback):
        self.path = path
        self.rules = rules
        self.xform = xform
        self.feedback = feedback
        self.kinds: dict[str, tuple[str, bool]] = {}
        self.unmapped: set[str] = set()
        self.warnings: list[str] = []
        self.repaired = 0
        self.skipped = 0
        self.extent = QgsRectangle()
        self.extent.setMinimal()
        self._repaired_refs: list[str] = []
        self._dropped_refs: list[str] = []
        self._skipped_points = 0

    def kind(self, cad_layer: str) -> str:
        if cad_layer not in self.kinds:
            self.kinds[cad_layer] = classify_layer(cad_layer, self.rules)
            if not self.kinds[cad_layer][1]:
                self.unmapped.add(cad_layer)
        return self.kinds[cad_layer][0]

    def read(self, datasource) -> list[BasemapRow]:
        layer = datasource.GetLayerByName("entities") or datasource.GetLayer(0)
        total = layer.GetFeatureCount(0)
        rows: list[BasemapRow] = []
        gdal.ErrorReset()
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            layer.ResetReading()
            for n, feature in enumerate(layer, start=1):
                if self.feedback.isCanceled():
                    raise QgsProcessingException(tr("canceled; nothing was written"))
                rows.extend(self.entity(feature))
                if total > 0 and n % 500 == 0:
                    self.feedback.setProgress(80.0 * n / total)
            failed = gdal.GetLastErrorType() >= gdal.CE_Failure
            error = _GDAL_SOURCE.sub("", gdal.GetLastErrorMsg())
        except RuntimeError as exc:  # GDAL with exceptions enabled
            failed, error = True, str(exc)
        finally:
            gdal.PopErrorHandler()
        if failed:
            raise QgsProcessingException(tr(
                "{file} is damaged: reading stopped with “{error}” after {n} entities; nothing was written. "
                "Export it again from CAD").format(file=self.path.name, error=error, n=len(rows)))
        if not rows and self._dropped_refs:
            raise QgsProcessingException(tr(
                "{file}: none of its {n} entities could be placed (empty, or not reprojectable from the given "
                "CRS); check the CRS of the drawing's coordinates (SOURCE_CRS)").format(
                file=self.path.name, n=len(self._dropped_refs)))
        if not rows:
            raise QgsProcessingException(tr("{file} holds no lines, outlines or texts to import").format(
                file=self.path.name))
        self._summarise()
        return rows

    def _summarise(self) -> None:
        def listed(refs):
            more = len(refs) - _REPORT_MAX
            return ", ".join(refs[:_REPORT_MAX]) + (tr(" … and {n} more").format(n=more) if more > 0 else "")

        if self._repaired_refs:
            self.warnings.append(tr("{n} invalid outlines were repaired (make valid): {refs}").format(
                n=len(self._repaired_refs), refs=listed(self._repaired_refs)))
        if self._dropped_refs:
            self.warnings.append(tr("{n} entities could not be used (empty, zero length or not repairable) and "
                                    "were skipped: {refs}").format(n=len(self._dropped_refs),
                                                                   refs=listed(self._dropped_refs)))
        if self._skipped_points:
            self.warnings.append(tr("{n} point entities without text (symbols, spot heights …) were not "
                                    "imported").format(n=self._skipped_points))

    def entity(self, feature) -> list[BasemapRow]:
        cad_layer = (feature.GetField("Layer") or "0").strip()
        handle = feature.GetField("EntityHandle") or str(feature.GetFID())
        ref = tr("entity {handle} on layer {layer}").format(handle=handle, layer=cad_layer)
        kind = self.kind(cad_layer)
        ogr_geom = feature.GetGeometryRef()
        if ogr_geom is None or ogr_geom.IsEmpty():
            self.skipped += 1
            return []
        geom = QgsGeometry()
        geom.fromWkb(bytes(ogr_geom.ExportToIsoWkb()))
        geom = _flat(geom)
        style = feature.GetStyleString() or ""
        if QgsWkbTypes.geometryType(geom.wkbType()) == QgsWkbTypes.PointGeometry and "LABEL(" in style:
            return self.text(feature, geom, style, kind, cad_layer, ref)
        if self.xform is not None:
            try:
                geom.transform(self.xform)
            except QgsCsException:
                geom = None
            if geom is None or not _finite(geom.boundingBox()):
                self._drop(ref)
                return []
        return self.shapes(geom, kind, cad_layer, ref)

    def text(self, feature, geom, style, kind, cad_layer, ref) -> list[BasemapRow]:
        parsed_text, height, angle = parse_label_style(style)
        text = (feature.GetField("Text") or parsed_text or "").strip()
        if not text:
            self.skipped += 1
            return []
        point = geom.asPoint() if not geom.isMultipart() else geom.asMultiPoint()[0]
        if self.xform is not None:
            # height and angle follow the transformation: measure the text's baseline there
            size = height or 1.0
            tip = QgsPointXY(point.x() + size * math.cos(math.radians(angle)),
                             point.y() + size * math.sin(math.radians(angle)))
            try:
                a, b = self.xform.transform(QgsPointXY(point)), self.xform.transform(tip)
            except QgsCsException:
                self._drop(ref)
                return []
            if not _finite(QgsRectangle(a, b)):
                self._drop(ref)
                return []
            point = a
            angle = math.degrees(math.atan2(b.y() - a.y(), b.x() - a.x()))
            if height:
                height = math.hypot(b.x() - a.x(), b.y() - a.y())
        point = QgsGeometry.fromPointXY(QgsPointXY(point))
        self.extent.combineExtentWith(point.boundingBox())
        return [BasemapRow("basemap_text", kind, bytes(point.asWkb()), cad_layer, text=text,
                           height=height if height and height > 0 else None, angle=round(angle, 6), ref=ref)]

    def shapes(self, geom, kind, cad_layer, ref) -> list[BasemapRow]:
        gtype = QgsWkbTypes.geometryType(geom.wkbType())
        if gtype == QgsWkbTypes.PointGeometry:
            self._skipped_points += 1
            self.skipped += 1
            return []
        if gtype == QgsWkbTypes.LineGeometry:
            out = []
            for part in geom.asGeometryCollection() if geom.isMultipart() else [geom]:
                out.extend(self.line(part, kind, cad_layer, ref))
            return out
        if gtype == QgsWkbTypes.PolygonGeometry:
            return self.polygon(geom, kind, cad_layer, ref, fallback=None)
        # a geometry collection (a block inserted into the drawing): each part on its own
        out = []
        for part in geom.asGeometryCollection():
            out.extend(self.shapes(part, kind, cad_layer, ref))
        return out

    def line(self, geom, kind, cad_layer, ref) -> list[BasemapRow]:
        if geom.length() <= 0:
            self._drop(ref)
            return []
        curve = geom.constGet()
        if kind in POLYGON_KINDS and curve.isClosed() and curve.nCoordinates() >= 4:
            polygon = QgsPolygon()
            polygon.setExteriorRing(curve.clone())
            return self.polygon(QgsGeometry(polygon), kind, cad_layer, ref, fallback=geom)
        self.extent.combineExtentWith(geom.boundingBox())
        return [BasemapRow("basemap_line", kind, bytes(geom.asWkb()), cad_layer, ref=ref)]

    def polygon(self, geom, kind, cad_layer, ref, fallback) -> list[BasemapRow]:
        if not geom.isGeosValid():
            fixed = _polygonal(geom.makeValid())
            if fixed is None or not fixed.isGeosValid():
                if fallback is not None:  # a closed outline without area (e.g. a doubled-back line)
                    self.warnings.append(tr("{ref}: closed outline without area, kept as a line").format(ref=ref))
                    self.extent.combineExtentWith(fallback.boundingBox())
                    return [BasemapRow("basemap_line", kind, bytes(fallback.asWkb()), cad_layer, ref=ref)]
                self._drop(ref)
                return []
            geom = fixed
            self.repaired += 1
            self._repaired_refs.append(ref)
        if geom.area() <= 0:
            self._drop(ref)
            return []
        self.extent.combineExtentWith(geom.boundingBox())
        return [BasemapRow("basemap_polygon", kind, bytes(geom.asWkb()), cad_layer, ref=ref)]

    def _drop(self, ref: str) -> None:
        self.skipped += 1
        self._dropped_refs.append(ref)


def _flat(geom: QgsGeometry) -> QgsGeometry:
    """2D, straight-segment copy (CAD elevations and arcs are not kept in the base map)."""
    abstract = geom.constGet().clone()
    if QgsWkbTypes.isCurvedType(abstract.wkbType()):
        abstract = abstract.segmentize()
    abstract.dropZValue()
    abstract.dropMValue()
    return QgsGeometry(abstract)


def _polygonal(geom: QgsGeometry) -> QgsGeometry | None:
    """The polygon parts of a make-valid result (which may mix in lines and points)."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    if QgsWkbTypes.geometryType(geom.wkbType()) == QgsWkbTypes.PolygonGeometry:
        return geom
    parts = [p for p in geom.asGeometryCollection()
             if QgsWkbTypes.geometryType(p.wkbType()) == QgsWkbTypes.PolygonGeometry and not p.isEmpty()]
    if not parts:
        return None
    return QgsGeometry.collectGeometry(parts)


def _finite(box: QgsRectangle) -> bool:
    return all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))


def _check_area_of_use(extent: QgsRectangle, dest: QgsCoordinateReferenceSystem, name: str, context) -> None:
    """Refuse a drawing that lands entirely outside the store CRS's area of use: the sign of a
    wrong SOURCE_CRS (CAD files carry no CRS), and a store spans one zone."""
    if extent.isNull() or not _finite(extent):
        return
    bounds = dest.bounds()  # WGS 84 degrees
    if bounds.isEmpty():
        return
    try:
        wgs84 = QgsCoordinateTransform(dest, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        where = wgs84.transformBoundingBox(extent)
    except QgsCsException:
        where = None
    if where is None or not bounds.intersects(where):
        raise QgsProcessingException(tr(
            "{file} lands outside the area of use of the store CRS {crs} (extent {extent}); nothing was "
            "written. Give the CRS of the drawing's coordinates (SOURCE_CRS), e.g. the city's CGCS2000 "
            "Gauss-Krüger zone or its local survey CRS").format(
            file=name, crs=dest.authid(), extent=extent.toString(1)))
