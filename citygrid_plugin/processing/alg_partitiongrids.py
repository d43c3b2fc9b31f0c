"""citygrid:partitiongrids — Partition communities into unit grids (划分万米单元网格)."""
from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import grids
from ..core.i18n import tr
from ..features import make_fields, shapes, to_qgs, working_crs
from .base import CityGridAlgorithm


class PartitionGridsAlgorithm(CityGridAlgorithm):
    _id = "partitiongrids"
    _group_id = "grids"
    BARRIERS = "BARRIERS"
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_KEY = "COMMUNITY_KEY"
    TARGET_AREA = "TARGET_AREA"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"

    def displayName(self) -> str:  # noqa: N802
        return tr("Partition communities into unit grids")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Divides every community into unit grids (万米单元网格) of about the target area that exactly tile "
            "it. Barrier lines (roads, rivers, walls; any number of layers; polygon layers contribute their "
            "outlines) become grid edges: they are noded and polygonised inside each community. Blocks below "
            "the lower bound, and slivers, merge into the neighbour in the same community sharing the longest "
            "edge; blocks above the upper bound are cut into compact parts near the target by short straight "
            "cuts. A grid never crosses a community boundary. Lower and upper bounds of 0 mean 0.4× and 2× the "
            "target.\n\nThe community key is the 12-digit community code (district + street + community), "
            "e.g. the full_code field of the store's community layer. Layers in degrees are reprojected to "
            "the CGCS2000 Gauss-Krüger zone of their longitude. Overlapping or gapped communities are refused "
            "with a list of the places. The quality figures are printed in the log and returned as outputs. "
            "Run “Code unit grids” on the result to give the grids their codes in the store.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BARRIERS, tr("Barrier lines (roads, rivers, walls)"), QgsProcessing.TypeVectorAnyGeometry,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, tr("Communities"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            self.COMMUNITY_KEY, tr("Community code (12 digits)"), '"full_code"', self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_AREA, tr("Target area (m²)"), QgsProcessingParameterNumber.Double, 10000.0, minValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Lower bound (m², 0 = 0.4 × target)"), QgsProcessingParameterNumber.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_AREA, tr("Upper bound (m², 0 = 2 × target)"), QgsProcessingParameterNumber.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Unit grids"), QgsProcessing.TypeVectorPolygon))
        for key, label in FIGURE_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("FIGURES", tr("Quality figures")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        communities_src = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if communities_src is None:
            raise QgsProcessingException(tr("no communities layer"))
        crs = working_crs(communities_src, context, feedback)
        key_text = self.parameterAsExpression(parameters, self.COMMUNITY_KEY, context) or '"full_code"'
        expression = QgsExpression(key_text)
        communities = []
        problems = []
        for fid, shape, key in shapes(communities_src, crs, context, feedback, expression):
            key = "" if key is None else str(key).strip()
            if len(key) != 12 or not key.isdigit():
                problems.append(tr("community feature {fid}: community code '{key}' must be 12 digits "
                                   "(check the community code expression)").format(fid=fid, key=key))
                continue
            if shape is None:
                problems.append(tr("community {key} (feature {fid}) has no geometry").format(key=key, fid=fid))
                continue
            communities.append(grids.CommunityInput(key, shape))
        if problems:
            raise QgsProcessingException("\n".join(problems))

        barriers = []
        for layer in self.parameterAsLayerList(parameters, self.BARRIERS, context):
            skipped = []
            for fid, shape, _v in shapes(QgsProcessingFeatureSource(layer, context), crs, context, feedback):
                if shape is None:
                    skipped.append(fid)
                    continue
                if shape.geom_type in ("Polygon", "MultiPolygon"):
                    # walls of a water body, a park…: its outline is the barrier (repaired if invalid)
                    shape = (shape if shape.is_valid else shape.buffer(0)).boundary
                barriers.append(shape)
            if skipped:
                feedback.pushWarning(tr("{layer}: features without geometry skipped: {ids}").format(
                    layer=layer.name(), ids=", ".join(str(i) for i in skipped[:20])))
        feedback.pushInfo(tr("{n} communities, {m} barrier features").format(n=len(communities), m=len(barriers)))

        params = grids.PartitionParams(
            target_area=self.parameterAsDouble(parameters, self.TARGET_AREA, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context) or None,
            max_area=self.parameterAsDouble(parameters, self.MAX_AREA, context) or None)
        try:
            result = grids.partition(communities, barriers, params,
                                     progress=lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1])
        except grids.PartitionError as exc:
            raise QgsProcessingException(str(exc)) from exc
        except grids.PartitionCancelled as exc:
            raise QgsProcessingException(tr("canceled; nothing was written")) from exc
        for warning in result.warnings:
            feedback.pushWarning(warning)

        fields = make_fields([("community", QVariant.String), ("district_code", QVariant.String),
                              ("street_code", QVariant.String), ("community_code", QVariant.String),
                              ("area_m2", QVariant.Double), ("origin", QVariant.String)])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for part in result.grids:
            feature = QgsFeature(fields)
            key = part.community_key
            feature.setAttributes([key, key[:6], key[6:9], key[9:], round(part.geometry.area, 2), part.origin])
            feature.setGeometry(to_qgs(part.geometry))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        lines = result.figures.as_lines()
        for line in lines:
            feedback.pushInfo(line)
        out = {self.OUTPUT: dest_id, "FIGURES": "\n".join(lines)}
        for key, _label in FIGURE_OUTPUTS:
            out[key] = getattr(result.figures, key.lower())
        return out


FIGURE_OUTPUTS = [
    ("COUNT", tr("Number of grids")),
    ("AREA_MEDIAN", tr("Median area (m²)")),
    ("AREA_P5", tr("5th percentile area (m²)")),
    ("AREA_P95", tr("95th percentile area (m²)")),
    ("SHARE_WITHIN_BOUNDS", tr("Share of grids within the bounds")),
    ("POLSBY_POPPER_MEDIAN", tr("Compactness (Polsby-Popper median)")),
    ("BOUNDARY_ADHERENCE", tr("Boundary adherence (share of barrier length on grid edges)")),
]
