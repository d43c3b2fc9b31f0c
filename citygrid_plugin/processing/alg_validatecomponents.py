"""citygrid:validatecomponents — Validate the component census (部件检查)."""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.i18n import tr
from ..store.components import CHECKS, validate_components
from ..store.db import StoreError
from .base import CityGridAlgorithm

TITLES = {
    "code_malformed": tr("codes that do not parse"),
    "required_missing": tr("missing required fields"),
    "duplicate": tr("suspected duplicates"),
    "grid_mismatch": tr("location and grid disagree"),
    "outside_grids": tr("outside every unit grid"),
}


SEVERITY = {"error": tr("error"), "warning": tr("warning")}


class ValidateComponentsAlgorithm(CityGridAlgorithm):
    _id = "validatecomponents"
    _group_id = "census"

    def displayName(self) -> str:  # noqa: N802
        return tr("Validate components")


    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Checks the components in the store: codes that do not parse against the store's class table, "
            "missing required fields (a construction site's name, a bus stop's name…), components whose "
            "location and recorded grid disagree (e.g. after grids were split), components outside every "
            "unit grid (errors), and suspected duplicates: the same class within the store's duplicate "
            "tolerance (warnings). Writes one point per problem and a summary; with “Fail on errors” the "
            "algorithm fails when there are errors.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterBoolean("FAIL_ON_ERROR", tr("Fail on errors"), False))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Component problems"),
                                                            QgsProcessing.TypeVectorPoint, optional=True))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Warnings")))
        self.addOutput(QgsProcessingOutputNumber("PASSED", tr("Passed (1) or failed (0)")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target, conn = self.open_store(parameters, context, feedback)
        try:
            srid = self.store_srid(conn, target)
            problems = validate_components(
                conn, progress=lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1])
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        counts = Counter(p[0] for p in problems)
        severity = {"code_malformed": "error", **{c: s for c, s, _q in CHECKS}}
        errors = sum(n for c, n in counts.items() if severity[c] == "error")
        warnings = sum(n for c, n in counts.items() if severity[c] == "warning")
        lines = [tr("{title}: {count} ({severity})").format(title=TITLES[c], count=counts.get(c, 0),
                                                            severity=SEVERITY[severity[c]])
                 for c in TITLES]
        lines.append(tr("PASSED") if not errors else tr("FAILED: {errors} errors, {warnings} warnings").format(
            errors=errors, warnings=warnings))
        for line in lines:
            (feedback.pushInfo if not errors else feedback.reportError)(line)
        out = {"ERRORS": errors, "WARNINGS": warnings, "PASSED": int(not errors), "SUMMARY": "\n".join(lines)}
        fields = QgsFields()
        for name in ("check", "severity", "code", "message"):
            fields.append(QgsField(name, QVariant.String))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point,
                                          QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
        if sink is not None:
            for check, sev, code, message, wkb in problems:
                feature = QgsFeature(fields)
                feature.setAttributes([check, sev, code, message])
                if wkb:
                    geom = QgsGeometry()
                    geom.fromWkb(wkb)
                    feature.setGeometry(geom)
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            out["OUTPUT"] = dest
        if errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException("\n".join(lines))
        return out
