"""citygrid:validategrids — Validate unit grids (单元网格检查), the gate before publishing."""
from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import gridcheck
from ..core.i18n import tr
from ..features import make_fields, shapes, to_qgs, working_crs
from .base import CityGridAlgorithm


class ValidateGridsAlgorithm(CityGridAlgorithm):
    _id = "validategrids"
    _group_id = "grids"
    CODE = "CODE"
    GRID_COMMUNITY = "GRID_COMMUNITY"
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_KEY = "COMMUNITY_KEY"
    TARGET_AREA = "TARGET_AREA"

    def displayName(self) -> str:  # noqa: N802
        return tr("Validate unit grids")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Checks a set of unit grids before publishing: gaps and overlaps, invalid, empty or multipart "
            "geometry, grids crossing community boundaries or outside every community, missing, malformed or "
            "duplicate codes, codes whose first 12 digits are not the grid's community, and area outliers "
            "(below 0.4× or above 2× the target: warnings). Writes one feature per problem with its message, "
            "where it is, and prints a summary. Errors fail the gate; warnings don't. With “Fail on errors” the "
            "algorithm itself fails, so a script or a model stops before publishing bad grids.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Unit grids"),
                                                              [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(self.CODE, tr("Grid code"), '"code"', self.INPUT,
                                                           optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.GRID_COMMUNITY, tr("Community code of a grid (12 digits)"), 'left("code", 12)', self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.COMMUNITIES, tr("Communities"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.COMMUNITY_KEY, tr("Community code (12 digits)"), '"full_code"', self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_AREA, tr("Target area (m²)"), QgsProcessingParameterNumber.Double, 10000.0, minValue=100.0))
        self.add_check_parameters(tr("Grid problems"), QgsProcessing.TypeVectorPolygon)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        crs = working_crs(source, context, feedback)
        code_expr = QgsExpression(self.parameterAsExpression(parameters, self.CODE, context) or '"code"')
        grid_key_text = self.parameterAsExpression(parameters, self.GRID_COMMUNITY, context) or 'left("code", 12)'
        records = []
        grid_keys = {}
        for fid, shape, code in shapes(source, crs, context, feedback, code_expr):
            code = None if code is None or str(code) in ("", "NULL") else str(code)
            records.append((fid, code, shape))
        key_expr = QgsExpression(grid_key_text)
        for fid, _shape, key in shapes(source, crs, context, feedback, key_expr):
            grid_keys[fid] = None if key is None or str(key) in ("", "NULL") else str(key)
        grids = [gridcheck.GridRecord(code or tr("feature {fid}").format(fid=fid), code, grid_keys.get(fid), shape)
                 for fid, code, shape in records]
        communities = []
        community_src = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if community_src is not None:
            ckey = QgsExpression(self.parameterAsExpression(parameters, self.COMMUNITY_KEY, context) or '"full_code"')
            for _fid, shape, key in shapes(community_src, crs, context, feedback, ckey):
                if shape is not None:
                    communities.append(gridcheck.CommunityRecord(str(key), shape))
        params = gridcheck.GridCheckParams(target_area=self.parameterAsDouble(parameters, self.TARGET_AREA, context))
        report = gridcheck.validate(grids, communities, params,
                                    progress=lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1])
        lines = report.summary_lines()
        for line in lines:
            (feedback.pushInfo if report.passed else feedback.reportError)(line)
        fields = make_fields([("check", QVariant.String), ("severity", QVariant.String), ("grids", QVariant.String),
                              ("message", QVariant.String)])
        out = {"ERRORS": report.errors(), "WARNINGS": report.warnings(), "PASSED": int(report.passed),
               "SUMMARY": "\n".join(lines)}
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is not None:
            for problem in report.problems:
                feature = QgsFeature(fields)
                feature.setAttributes([problem.check, problem.severity, ", ".join(problem.refs), problem.message])
                geometry = problem.geometry
                if geometry is not None and not geometry.is_empty:
                    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
                        geometry = geometry.buffer(0.5)  # points and lines shown as small areas
                    qgs = to_qgs(geometry)
                    qgs.convertToMultiType()
                    feature.setGeometry(qgs)
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            out[self.OUTPUT] = dest_id
        if self.parameterAsBoolean(parameters, self.FAIL_ON_ERROR, context) and not report.passed:
            raise QgsProcessingException("\n".join(lines))
        return out
