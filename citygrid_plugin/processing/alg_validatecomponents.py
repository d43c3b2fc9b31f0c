"""citygrid:validatecomponents — Validate the component census (部件检查)."""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.i18n import tr
from ..features import make_fields, wkb_feature
from ..store.components import CHECKS, validate_components
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
        self.add_check_parameters(tr("Component problems"), QgsProcessing.TypeVectorPoint)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        with self.store_session(parameters, context, feedback) as store:
            problems = validate_components(
                store.conn, progress=lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1])
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
        fields = make_fields([(name, QVariant.String) for name in ("check", "severity", "code", "message")])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point,
                                          QgsCoordinateReferenceSystem(f"EPSG:{store.srid}"))
        if sink is not None:
            for check, sev, code, message, wkb in problems:
                sink.addFeature(wkb_feature(fields, [check, sev, code, message], wkb), QgsFeatureSink.FastInsert)
            out[self.OUTPUT] = dest
        if errors and self.parameterAsBoolean(parameters, self.FAIL_ON_ERROR, context):
            raise QgsProcessingException("\n".join(lines))
        return out
