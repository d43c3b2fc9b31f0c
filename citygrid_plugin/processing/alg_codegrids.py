"""citygrid:codegrids — Code unit grids in the store (单元网格编码)."""
from __future__ import annotations

from collections import defaultdict

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.i18n import tr
from ..core.storemessages import translate
from ..features import make_fields, shapes, to_qgs
from ..store.db import StoreError, primary_message, store_fault
from ..store.grids import replace_grids
from .base import CityGridAlgorithm


class CodeGridsAlgorithm(CityGridAlgorithm):
    _id = "codegrids"
    _group_id = "grids"
    COMMUNITY_KEY = "COMMUNITY_KEY"

    def displayName(self) -> str:  # noqa: N802
        return tr("Code unit grids")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Stores a set of unit grids in the store and gives them their 15-digit codes (district 6 + street 3 "
            "+ community 3 + serial 3). For every community in the input, its grids in the store are replaced: "
            "an input grid that matches a stored grid (intersection over union ≥ 0.9) keeps that grid's code; "
            "stored grids matched by nothing are retired (kept as history with their successors); the other "
            "input grids get the next free serials, west→east and north→south: 100 m bands counted from the "
            "community's northern edge, west first within a band. A retired code is never reused, so a community "
            "has at most 999 serials in its life: a community whose grids would need more is refused with its "
            "count (split it first). Everything happens in one transaction: either all communities are coded or "
            "none.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Unit grids"),
                                                              [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            self.COMMUNITY_KEY, tr("Community code (12 digits)"), '"community"', self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Coded unit grids"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True))
        for key, label in (("KEPT", tr("Grids that kept their code")), ("NEW", tr("Grids given a new code")),
                           ("RESHAPED", tr("Grids reshaped, code kept")), ("RETIRED", tr("Grids retired"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        with self.store_session(parameters, context, feedback) as store:
            crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
            if source.sourceCrs() != crs:
                feedback.pushInfo(tr("{layer}: reprojecting from {src} to EPSG:{srid}").format(
                    layer=source.sourceName(), src=source.sourceCrs().authid(), srid=store.srid))
            expression = QgsExpression(self.parameterAsExpression(parameters, self.COMMUNITY_KEY, context)
                                       or '"community"')
            by_community: dict[str, list] = defaultdict(list)
            problems = []
            for fid, shape, key in shapes(source, crs, context, feedback, expression):
                key = "" if key is None else str(key).strip()
                if shape is None or shape.geom_type != "Polygon" or not shape.is_valid:
                    kind = "empty" if shape is None else shape.geom_type if shape.geom_type != "Polygon" else "invalid"
                    problems.append(tr("feature {fid}: a grid must be one valid polygon ({kind})").format(
                        fid=fid, kind=kind))
                    continue
                by_community[key].append(shape)
            if problems:
                raise QgsProcessingException("\n".join(problems))
            try:
                report = replace_grids(store.conn, {k: [s.wkb for s in v] for k, v in by_community.items()})
            except StoreError as exc:
                raise QgsProcessingException(refusal(exc)) from exc
        counts = report.counts()
        feedback.pushInfo(tr("{communities} communities: {new} new codes, {kept} kept, {reshaped} reshaped, "
                             "{retired} retired").format(communities=len(by_community), new=counts["new"],
                                                         kept=counts["kept"], reshaped=counts["reshaped"],
                                                         retired=report.retired))
        out = {"KEPT": counts["kept"], "NEW": counts["new"], "RESHAPED": counts["reshaped"],
               "RETIRED": report.retired}
        fields = make_fields([("code", QVariant.String), ("community", QVariant.String),
                              ("status", QVariant.String), ("area_m2", QVariant.Double)])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is not None:
            for key, shapes_ in by_community.items():
                for i, shape in enumerate(shapes_):
                    feature = QgsFeature(fields)
                    feature.setAttributes([report.codes[(key, i)], key, report.status[(key, i)],
                                           round(shape.area, 2)])
                    feature.setGeometry(to_qgs(shape))
                    sink.addFeature(feature, QgsFeatureSink.FastInsert)
            out[self.OUTPUT] = dest_id
        return out


def refusal(exc: StoreError) -> str:
    """The store's refusal of a batch as a technician reads it: the server's own sentence in the
    user's language (core.storemessages), without the PL/pgSQL CONTEXT lines that say where in
    the store's functions it was raised; faults of the store (read-only, lost connection) as
    :mod:`store.db` words them."""
    cause = exc.__cause__
    if cause is None or not hasattr(cause, "pgcode") or store_fault(cause):
        return str(exc)
    return tr("grids not coded, nothing was changed: {error}").format(error=translate(primary_message(cause)))
