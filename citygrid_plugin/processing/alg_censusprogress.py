"""citygrid:censusprogress — Census progress per unit grid (部件普查进度)."""
from __future__ import annotations

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.codes import CodeError, grid_code_list
from ..core.i18n import tr
from ..features import make_fields, wkb_feature
from ..store.census import mark_surveyed
from .base import CityGridAlgorithm


class CensusProgressAlgorithm(CityGridAlgorithm):
    _id = "censusprogress"
    _group_id = "census"
    MARK_SURVEYED = "MARK_SURVEYED"
    UNMARK = "UNMARK"

    def displayName(self) -> str:  # noqa: N802
        return tr("Census progress")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Shows how far the component census has come: for every active unit grid, the number of components "
            "by class and whether the grid has been declared surveyed. Optionally marks grids as surveyed (or not "
            "surveyed) first — grid codes separated by commas; the mark records who and when. Writes a coverage "
            "layer (styled: surveyed grids green) and returns the counts.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(self.MARK_SURVEYED, tr("Mark these grids surveyed"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.UNMARK, tr("Mark these grids not surveyed"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Census coverage"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True))
        for key, label in (("GRIDS", tr("Active grids")), ("SURVEYED", tr("Grids surveyed")),
                           ("WITH_COMPONENTS", tr("Grids with components")), ("COMPONENTS", tr("Components"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def grid_codes(self, parameters, name: str, context) -> list[str]:
        try:
            return grid_code_list(self.parameterAsString(parameters, name, context))
        except CodeError as exc:
            raise QgsProcessingException("\n".join(p.message for p in exc.problems)) from exc

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        mark = self.grid_codes(parameters, self.MARK_SURVEYED, context)
        unmark = self.grid_codes(parameters, self.UNMARK, context)
        with self.store_session(parameters, context, feedback) as store:
            rows = mark_surveyed(store.conn, mark, unmark)
        out = {"GRIDS": len(rows), "SURVEYED": sum(1 for r in rows if r[3]),
               "WITH_COMPONENTS": sum(1 for r in rows if r[1]), "COMPONENTS": sum(r[1] for r in rows)}
        feedback.pushInfo(tr("{grids} grids: {surveyed} surveyed, {with_components} with components, "
                             "{components} components").format(
            grids=out["GRIDS"], surveyed=out["SURVEYED"], with_components=out["WITH_COMPONENTS"],
            components=out["COMPONENTS"]))
        fields = make_fields([("grid_code", QVariant.String), ("components", QVariant.Int),
                              ("by_class", QVariant.String), ("surveyed", QVariant.Bool)])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon,
                                          QgsCoordinateReferenceSystem(f"EPSG:{store.srid}"))
        if sink is not None:
            for code, n, by_class, surveyed, wkb in rows:
                sink.addFeature(wkb_feature(fields, [code, n, json.dumps(by_class, ensure_ascii=False, sort_keys=True),
                                                     bool(surveyed)], wkb), QgsFeatureSink.FastInsert)
            out[self.OUTPUT] = dest
        return out
