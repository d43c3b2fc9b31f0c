"""QGIS features for the algorithms: sources read as shapely geometries in a working CRS (a
projected CRS in metres; a geographic source is reprojected explicitly to its CGCS2000
Gauss-Krüger zone and the log says so), and output features built from attributes and WKB."""
from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb as shapely_wkb

from .core.crs import gk3_epsg
from .core.i18n import tr


def working_crs(source, context, feedback) -> QgsCoordinateReferenceSystem:
    crs = source.sourceCrs()
    if not crs.isValid():
        raise QgsProcessingException(tr("{layer} has no CRS; set the layer's CRS first").format(
            layer=source.sourceName()))
    if crs.isGeographic():
        extent = source.sourceExtent()
        epsg = gk3_epsg(extent.center().x())
        target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        feedback.pushWarning(tr("{layer} is in {crs} (degrees); working in EPSG:{epsg}, the CGCS2000 "
                                "Gauss-Krüger zone of its longitude").format(
            layer=source.sourceName(), crs=crs.authid(), epsg=epsg))
        return target
    if crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        raise QgsProcessingException(tr("{layer} is in {crs}, whose unit is not the metre; reproject it to the "
                                        "district's CGCS2000 Gauss-Krüger zone").format(
            layer=source.sourceName(), crs=crs.authid()))
    return crs


def shapes(source, dest: QgsCoordinateReferenceSystem, context, feedback, expression=None):
    """Yield (feature id, shapely geometry or None, expression value) in *dest*. Invalid
    geometries are passed through (callers report or repair them by feature id)."""
    xform = None
    if source.sourceCrs() != dest:
        xform = QgsCoordinateTransform(source.sourceCrs(), dest, context.transformContext())
    expr_context = None
    if expression is not None:
        expr_context = context.expressionContext()
        expr_context.setFields(source.fields())
        expression.prepare(expr_context)
    request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("canceled; nothing was written"))
        value = None
        if expression is not None:
            expr_context.setFeature(feature)
            value = expression.evaluate(expr_context)
            if expression.hasEvalError():
                raise QgsProcessingException(tr("{layer} feature {fid}: {error}").format(
                    layer=source.sourceName(), fid=feature.id(), error=expression.evalErrorString()))
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            yield feature.id(), None, value
            continue
        if xform is not None:
            geom.transform(xform)
        yield feature.id(), shapely_wkb.loads(bytes(geom.asWkb())), value


def to_qgs(shape) -> QgsGeometry:
    geom = QgsGeometry()
    geom.fromWkb(shape.wkb)
    return geom


def make_fields(specs: Sequence[tuple[str, QVariant.Type]]) -> QgsFields:
    """The fields of an output layer from (name, type) pairs."""
    fields = QgsFields()
    for name, kind in specs:
        fields.append(QgsField(name, kind))
    return fields


def wkb_feature(fields: QgsFields, attributes: Sequence, wkb: bytes | None = None) -> QgsFeature:
    """A feature with *attributes* and the geometry *wkb* (from the store; none when empty)."""
    feature = QgsFeature(fields)
    feature.setAttributes(list(attributes))
    if wkb:
        geom = QgsGeometry()
        geom.fromWkb(bytes(wkb))
        feature.setGeometry(geom)
    return feature
