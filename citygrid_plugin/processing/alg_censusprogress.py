"""citygrid:censusprogress — Census progress per unit grid (部件普查进度)."""
from __future__ import annotations

import json

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
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.codes import validate_grid_code
from ..core.i18n import tr
from ..store.db import StoreError, transaction
from .base import CityGridAlgorithm


def grid_codes(text: str) -> list[str]:
    codes = [c.strip() for c in (text or "").replace("，", ",").replace(";", ",").split(",") if c.strip()]
    problems = [p.message for c in codes for p in validate_grid_code(c)]
    if problems:
        raise QgsProcessingException("\n".join(problems))
    return list(dict.fromkeys(codes))  # a code typed twice is marked once


class CensusProgressAlgorithm(CityGridAlgorithm):
    _id = "censusprogress"
    _group_id = "census"

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
        self.addParameter(QgsProcessingParameterString("MARK_SURVEYED", tr("Mark these grids surveyed"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString("UNMARK", tr("Mark these grids not surveyed"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Census coverage"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True))
        for key, label in (("GRIDS", tr("Active grids")), ("SURVEYED", tr("Grids surveyed")),
                           ("WITH_COMPONENTS", tr("Grids with components")), ("COMPONENTS", tr("Components"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        mark = grid_codes(self.parameterAsString(parameters, "MARK_SURVEYED", context))
        unmark = grid_codes(self.parameterAsString(parameters, "UNMARK", context))
        target, conn = self.open_store(parameters, context, feedback)
        try:
            srid = self.store_srid(conn, target)
            with transaction(conn, tr("census progress not updated: {error}")) as cur:
                for codes, flag in ((mark, True), (unmark, False)):
                    if not codes:
                        continue
                    cur.execute("SELECT c FROM unnest(%s::text[]) c WHERE NOT EXISTS (SELECT 1 FROM citygrid.grid g "
                                "WHERE g.code = c AND g.retired_at IS NULL)", (codes,))
                    unknown = [r[0] for r in cur.fetchall()]
                    if unknown:
                        raise QgsProcessingException(tr("not active unit grids: {codes}").format(
                            codes=", ".join(unknown)))
                    cur.execute("""
                        INSERT INTO citygrid.grid_census AS s (grid_code, surveyed, surveyed_at, surveyed_by)
                        SELECT c, %s, now(), current_user FROM unnest(%s::text[]) c
                        ON CONFLICT (grid_code) DO UPDATE SET surveyed = EXCLUDED.surveyed,
                            surveyed_at = EXCLUDED.surveyed_at, surveyed_by = EXCLUDED.surveyed_by""", (flag, codes))
                cur.execute("SELECT grid_code, components, by_class, surveyed, ST_AsBinary(geom) "
                            "FROM citygrid.grid_census_progress ORDER BY grid_code")
                rows = cur.fetchall()
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        out = {"GRIDS": len(rows), "SURVEYED": sum(1 for r in rows if r[3]),
               "WITH_COMPONENTS": sum(1 for r in rows if r[1]), "COMPONENTS": sum(r[1] for r in rows)}
        feedback.pushInfo(tr("{grids} grids: {surveyed} surveyed, {with_components} with components, "
                             "{components} components").format(
            grids=out["GRIDS"], surveyed=out["SURVEYED"], with_components=out["WITH_COMPONENTS"],
            components=out["COMPONENTS"]))
        fields = QgsFields()
        for name, kind in (("grid_code", QVariant.String), ("components", QVariant.Int),
                           ("by_class", QVariant.String), ("surveyed", QVariant.Bool)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon,
                                          QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
        if sink is not None:
            for code, n, by_class, surveyed, wkb in rows:
                feature = QgsFeature(fields)
                feature.setAttributes([code, n, json.dumps(by_class, ensure_ascii=False, sort_keys=True),
                                       bool(surveyed)])
                geom = QgsGeometry()
                geom.fromWkb(bytes(wkb))
                feature.setGeometry(geom)
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
            out["OUTPUT"] = dest
        return out
