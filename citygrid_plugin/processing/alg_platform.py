"""citygrid:linkdistrict and citygrid:handovercase — the city platform and its districts
(市级平台与区级平台, issue 19; the design is in :mod:`citygrid_plugin.store.platform`).

Link: the city's store (this algorithm's store) subscribes to a district's store (a second
connection), and the district to the city's hand-overs; both stores must have been made platforms
first (``./citygrid platform init city|district CODE NAME``). Run as the owners of both stores
(making a subscription needs a superuser in PostgreSQL 15). Linking a linked, healthy district
changes nothing; *Copy again* starts from a whole copy (after the district was restored from a
backup).

Hand-over (市级转办): a case the city hands to the district it lies in (or to the district chosen);
the district's store makes it a case with source 市级转办 as soon as it is reached, and its progress
comes back to the city's views (citygrid.city_handover, citygrid.city_case).
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..connections import StoreTarget
from ..core.i18n import tr
from ..store import platform
from ..store.db import StoreError, connect
from .base import CityGridAlgorithm

KINDS = ("event", "component")


class LinkDistrictAlgorithm(CityGridAlgorithm):
    _id = "linkdistrict"
    _group_id = "administration"
    DISTRICT_CONNECTION = "DISTRICT_CONNECTION"
    DISTRICT_SERVICE = "DISTRICT_SERVICE"
    DISTRICT_HOST = "DISTRICT_HOST"
    DISTRICT_PORT = "DISTRICT_PORT"
    CITY_HOST = "CITY_HOST"
    CITY_PORT = "CITY_PORT"
    RESYNC = "RESYNC"

    def displayName(self) -> str:  # noqa: N802
        return tr("Link a district platform to the city")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The city platform's store (the store above) subscribes to a district platform's store through "
            "PostgreSQL logical replication: the district's divisions, unit grids, departments, cases, case "
            "actions and return visits reach the city live and read-only (never a reporter's name or phone, a "
            "photo or a note), and the district receives the city's hand-overs (市级转办). Both stores must be "
            "platforms first (`./citygrid platform init city|district CODE NAME`), of the same store version and "
            "CRS, on servers with wal_level = logical; run it as the owner of both stores. A district already "
            "linked and healthy is left as it is; “Copy again” starts the link from a whole copy (after the "
            "district was restored from a backup: nothing is counted twice). The addresses say how each server "
            "reaches the other when that is not how this computer reaches them.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.DISTRICT_CONNECTION, tr("PostgreSQL connection of the district's store"), "postgres",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT_SERVICE, tr("…or pg_service name of the district's store"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.RESYNC, tr("Copy again (after a restore)"), False))
        for name, label in ((self.DISTRICT_HOST, tr("Host the city's server reaches the district's at")),
                            (self.CITY_HOST, tr("Host the district's server reaches the city's at"))):
            p = QgsProcessingParameterString(name, label, optional=True)
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(p)
        for name, label in ((self.DISTRICT_PORT, tr("Port of the district's server (as the city reaches it)")),
                            (self.CITY_PORT, tr("Port of the city's server (as the district reaches it)"))):
            p = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Integer, optional=True,
                                             minValue=1, maxValue=65535)
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(p)
        self.addOutput(QgsProcessingOutputString("CODE", tr("District code")))
        self.addOutput(QgsProcessingOutputNumber("CASES", tr("The district's cases at the city")))
        self.addOutput(QgsProcessingOutputNumber("CREATED", tr("Linked now (1) or already linked (0)")))

    def _district_target(self, parameters, context) -> StoreTarget:
        connection = self.parameterAsConnectionName(parameters, self.DISTRICT_CONNECTION, context) or ""
        service = self.parameterAsString(parameters, self.DISTRICT_SERVICE, context) or ""
        if bool(connection) == bool(service):
            raise QgsProcessingException(tr("give the district's store: a PostgreSQL connection or a pg_service "
                                            "name (one of them)"))
        return StoreTarget("connection", connection) if connection else StoreTarget("service", service)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = self._district_target(parameters, context)
        district_port = parameters.get(self.DISTRICT_PORT)
        city_port = parameters.get(self.CITY_PORT)
        with self.store_session(parameters, context, feedback) as store:
            try:
                district = connect(target.dsn())
            except StoreError as exc:
                raise QgsProcessingException(str(exc)) from exc
            feedback.pushInfo(tr("District's store: {target}").format(target=target.label))
            try:
                result = platform.link(
                    store.conn, district,
                    district_address=platform.address_of(
                        district, self.parameterAsString(parameters, self.DISTRICT_HOST, context),
                        self.parameterAsInt(parameters, self.DISTRICT_PORT, context) if district_port else None),
                    city_address=platform.address_of(
                        store.conn, self.parameterAsString(parameters, self.CITY_HOST, context),
                        self.parameterAsInt(parameters, self.CITY_PORT, context) if city_port else None),
                    resync=self.parameterAsBool(parameters, self.RESYNC, context))
            finally:
                district.close()
        if result.created:
            feedback.pushInfo(tr("District {code} {name} linked in {s:.1f} s: {n} cases at the city").format(
                code=result.code, name=result.name, s=result.seconds, n=result.cases))
        else:
            feedback.pushInfo(tr("District {code} {name} is linked and up to date; nothing changed").format(
                code=result.code, name=result.name))
        for note in result.notes:
            feedback.pushInfo(note)
        return {"CODE": result.code, "CASES": result.cases, "CREATED": int(result.created)}


class HandoverCaseAlgorithm(CityGridAlgorithm):
    _id = "handovercase"
    _group_id = "cases"
    DISTRICT = "DISTRICT"
    KIND = "KIND"
    CLASS = "CLASS"
    DESCRIPTION = "DESCRIPTION"
    POINT = "POINT"
    ADDRESS = "ADDRESS"
    URGENT = "URGENT"
    REFERENCE = "REFERENCE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Hand a case to a district (city)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "At the city platform: hands a case (a 12345 complaint, a leader's instruction…) to the district it "
            "lies in (市级转办). The district's store makes it a case with source 市级转办 in its queue as soon as "
            "the district is reached (also after the network or the district was down: exactly once), and its "
            "progress comes back to the city (“Hand-overs” view: sent, accepted with the case number and its "
            "state, or refused with the reason). The position must lie in one of the district's unit grids; "
            "leave the district empty to use the district the position lies in. A work-order number already "
            "handed to the same district adds nothing. Operators and shift leaders of the city.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterPoint(self.POINT, tr("Position")))
        self.addParameter(QgsProcessingParameterEnum(self.KIND, tr("Kind"), options=[tr("Event"), tr("Component")],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.CLASS, tr("Class code (e.g. 0102)")))
        self.addParameter(QgsProcessingParameterString(self.DESCRIPTION, tr("Description"), multiLine=True))
        self.addParameter(QgsProcessingParameterString(self.ADDRESS, tr("Address"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.REFERENCE, tr("Work-order number (e.g. 12345)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.URGENT, tr("Urgent"), False))
        self.addParameter(QgsProcessingParameterString(
            self.DISTRICT, tr("District code (empty: the district the position lies in)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("HANDOVER", tr("Hand-over number")))
        self.addOutput(QgsProcessingOutputString("DISTRICT_CODE", tr("District")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        with self.store_session(parameters, context, feedback, errors=(platform.PlatformError,)) as store:
            crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
            point = self.parameterAsPoint(parameters, self.POINT, context, crs)
            district = (self.parameterAsString(parameters, self.DISTRICT, context) or "").strip()
            if not district:
                district = platform.district_at(store.conn, point.x(), point.y())
                if district is None:
                    raise QgsProcessingException(tr(
                        "the position ({x:.1f}, {y:.1f}) lies in no unit grid of a linked district: check the "
                        "position, or give the district").format(x=point.x(), y=point.y()))
            kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
            hid = platform.handover(store.conn, district, kind,
                                    self.parameterAsString(parameters, self.CLASS, context).strip(),
                                    self.parameterAsString(parameters, self.DESCRIPTION, context),
                                    point.x(), point.y(),
                                    address=self.parameterAsString(parameters, self.ADDRESS, context) or None,
                                    urgent=self.parameterAsBool(parameters, self.URGENT, context),
                                    reference=(self.parameterAsString(parameters, self.REFERENCE, context)
                                               or "").strip() or None)
        feedback.pushInfo(tr("Hand-over {id} to district {code} written; the district takes it as soon as it is "
                             "reached").format(id=hid, code=district))
        return {"HANDOVER": hid, "DISTRICT_CODE": district}


ALGORITHMS = (LinkDistrictAlgorithm, HandoverCaseAlgorithm)
