"""citygrid:createstore — Create or upgrade the CityGrid store (创建或升级 CityGrid 数据库)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
)

from ..core.i18n import tr
from ..store import migrate, reference, summary
from .base import CityGridAlgorithm


class CreateStoreAlgorithm(CityGridAlgorithm):
    _id = "createstore"
    CRS = "CRS"
    LOAD_CLASSES = "LOAD_CLASSES"

    def displayName(self) -> str:  # noqa: N802
        return tr("Create or upgrade the CityGrid store")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Creates the CityGrid schema (citygrid) in the database of the chosen connection, or "
            "upgrades it to this plugin's version by applying the pending SQL migrations in one "
            "transaction. Running it on an up-to-date store changes nothing. A migration that was "
            "changed after it was applied is refused.\n\n"
            "CRS: the projected CRS in metres for all geometries of a new store, normally the "
            "CGCS2000 3-degree Gauss-Krüger zone of the city (EPSG:4544 for 105°E). It cannot be "
            "changed later.\n\n"
            "Also loads the standard component and event class tables (profiles 2013 and 2026); "
            "classes the city added itself are left alone.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, tr("CRS of a new store (projected, metres)"),
            defaultValue=f"EPSG:{migrate.DEFAULT_SRID}", optional=True))
        # optional only because QGIS 3.22 rejects a missing CRS value despite the default
        self.addParameter(QgsProcessingParameterBoolean(
            self.LOAD_CLASSES, tr("Load the standard class tables"), defaultValue=True))
        self.addOutput(QgsProcessingOutputNumber("VERSION", tr("Store version")))
        self.addOutput(QgsProcessingOutputNumber("APPLIED", tr("Migrations applied")))
        self.addOutput(QgsProcessingOutputNumber("SRID", tr("Store CRS (EPSG code)")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.CRS, context)
        srid = _epsg(crs) if crs.isValid() else migrate.DEFAULT_SRID
        with self.store_session(parameters, context, feedback, errors=(migrate.MigrationError,), srid=False) as store:
            conn = store.conn
            existing = migrate.store_srid(conn)
            result = migrate.upgrade(conn, srid=None if existing else srid)
            if existing and existing != srid:
                feedback.pushWarning(tr("The store already uses EPSG:{srid}; the CRS parameter is ignored.")
                                     .format(srid=existing))
            if result.applied:
                for m in result.applied:
                    feedback.pushInfo(tr("Applied migration {file}").format(file=m.filename))
            else:
                feedback.pushInfo(tr("The store is up to date (version {version}).").format(
                    version=result.version_after))
            if self.parameterAsBoolean(parameters, self.LOAD_CLASSES, context):
                for key, rep in reference.load_standard_classes(conn).items():
                    feedback.pushInfo(tr("{table}: {new} new, {updated} updated, {same} unchanged").format(
                        table=key, new=rep.inserted, updated=rep.updated, same=rep.unchanged))
            counts = summary.counts(conn)
        text = "; ".join(f"{k}: {v}" for k, v in counts.items())
        feedback.pushInfo(text)
        return {"VERSION": result.version_after, "APPLIED": len(result.applied),
                "SRID": result.srid, "SUMMARY": text}


def _epsg(crs: QgsCoordinateReferenceSystem) -> int:
    authid = crs.authid() if crs.isValid() else ""
    if not authid.upper().startswith("EPSG:"):
        raise QgsProcessingException(tr("the store CRS must be an EPSG CRS, got '{crs}'").format(
            crs=authid or crs.description()))
    if crs.isGeographic():
        raise QgsProcessingException(tr(
            "the store CRS {crs} is geographic (degrees); choose the CGCS2000 3-degree Gauss-Krüger "
            "zone of the district, e.g. EPSG:4544 for 105°E").format(crs=authid))
    return int(authid.split(":")[1])
