"""citygrid:exportopen311 and citygrid:importopen311 — cases as Open311 GeoReport v2 files.

Export: the cases of a window (and filters) as a GeoReport *requests* file, and optionally the
store's classes as its *services* file, JSON or XML by the file's extension (as GeoReport chooses
the format by the URL's extension). Two files, because GeoReport has two resources: a system that
imports the requests needs only them, and the services file tells it what the codes mean. Only the
public fields are written (never the reporter's name or phone); coordinates are WGS84 (PostGIS
transforms the store CRS); media_url is always empty: the store has no flag marking a photo public.

Import: a GeoReport requests file from another system (the public's reports there) becomes cases of
source 公众举报 through citygrid.case_report, with the external id ``open311:<system>:<id>``, so a
re-import adds nothing. Every request is checked first — its fields, its service code (a class of the
store), its position (inside a unit grid of the district) — and the file goes into the store in one
transaction (``store.intake.report_many``), or nothing at all when one request is refused.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core import open311
from ..core.columns import PHONE
from ..core.i18n import tr
from ..store import intake
from ..store.db import StoreError
from ..store.open311 import export_requests, to_store_crs
from .base import CaseAnalysisAlgorithm, CityGridAlgorithm

SOURCE = "公众举报"                       # the public's channel (core.casefilter.SOURCES)
SHOWN_REJECTS = 50
KIND_NAMES = {"event": "事件", "component": "部件"}
FILE_FILTER = "GeoReport JSON (*.json);;GeoReport XML (*.xml)"


def file_format(path: str) -> str:
    """'json' or 'xml' from the file's extension; anything else is refused."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in open311.FORMATS:
        raise QgsProcessingException(tr("{file}: a GeoReport file ends in .json or .xml").format(
            file=Path(path).name))
    return suffix


def public_services(conn) -> list[open311.Service]:
    """The store's classes (its profile's active event classes and component classes) as services."""
    return [open311.Service(service_code=open311.service_code(c["kind"], c["code"]), service_name=c["name"],
                            description=f"{KIND_NAMES[c['kind']]} · {c['major_name']} · {c['name']}",
                            group=c["major_name"] or "")
            for c in intake.classes(conn, None, "", limit=None)]


class ExportOpen311Algorithm(CaseAnalysisAlgorithm):
    _id = "exportopen311"
    _group_id = "cases"
    default_days = 90       # GeoReport's default window of GET requests
    SERVICES = "SERVICES"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export cases as Open311 GeoReport")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes the cases of a window (the last N days, or a start and end; by default the last 90 days) and "
            "the chosen kinds, classes, sources, states and area as an Open311 GeoReport v2 requests file, and "
            "optionally the store's classes as its services file. The format follows the file's extension: .json "
            "or .xml (UTF-8).\n\n"
            "Each case is one request: its case number is service_request_id, its class the service_code (E + "
            "class code for an event, C + class code for a component), status open or closed (closed and "
            "cancelled cases), the state in Chinese as status_notes, the department handling it as "
            "agency_responsible, the handling deadline as expected_datetime, times ISO 8601 at +08:00, lat/long "
            "in WGS84 transformed from the store CRS. Only public fields are written: never the reporter's name "
            "or phone. media_url stays empty: the store does not mark photos public.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_case_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Requests file (.json or .xml)"), fileFilter=FILE_FILTER))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SERVICES, tr("Services file (.json or .xml; optional)"), fileFilter=FILE_FILTER, optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("REQUESTS", tr("Requests written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        fmt = file_format(path)
        services_path = self.parameterAsFileOutput(parameters, self.SERVICES, context) or ""
        services_fmt = file_format(services_path) if services_path else None
        with self.store_session(parameters, context, feedback) as store:
            where, args = flt.where("c")
            requests = export_requests(store.conn, where, args)
            services = public_services(store.conn) if services_path else []
        feedback.setProgress(70)
        text = open311.requests_json(requests) if fmt == "json" else open311.requests_xml(requests)
        Path(path).write_text(text, encoding="utf-8")
        feedback.pushInfo(tr("{n} requests written to {file} ({window})").format(
            n=len(requests), file=Path(path).name, window=flt.describe()))
        out = {self.OUTPUT: path, "REQUESTS": len(requests)}
        if services_path:
            text = open311.services_json(services) if services_fmt == "json" else open311.services_xml(services)
            Path(services_path).write_text(text, encoding="utf-8")
            feedback.pushInfo(tr("{n} services written to {file}").format(n=len(services),
                                                                          file=Path(services_path).name))
            out[self.SERVICES] = services_path
        return out


class ImportOpen311Algorithm(CityGridAlgorithm):
    _id = "importopen311"
    _group_id = "cases"
    SYSTEM = "SYSTEM"
    REPORTER = "REPORTER"
    REPORTER_PHONE = "REPORTER_PHONE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import Open311 GeoReport requests")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Imports a GeoReport v2 requests file (JSON or XML, UTF-8, by its extension) from another system: "
            "each open request becomes a case of source 公众举报 (public report) through the store's case_report, "
            "its external id open311:<system>:<service_request_id>, so importing the same file again adds "
            "nothing. Closed requests are skipped (finished where they came from).\n\n"
            "service_code is a service of this store (E + event class code, C + component class code: see the "
            "services file of “Export cases as Open311 GeoReport”); lat/long are WGS84 and must lie inside a "
            "unit grid of the district. GeoReport requests carry no reporter, but 公众举报 needs the reporter's "
            "name and phone: give the contact (name and phone) of the system or person the file came from. "
            "The case's report time is the store's clock at the import.\n\n"
            "All or nothing: every request is checked first and every problem listed with the request's id; "
            "when one is refused nothing is written. Correct the file and run it again.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("GeoReport requests file (.json or .xml)"),
            fileFilter="GeoReport (*.json *.xml);;JSON (*.json);;XML (*.xml)"))
        self.addParameter(QgsProcessingParameterString(
            self.SYSTEM, tr("Name of the system the file comes from (letters, digits, . _ -; part of the "
                            "external id)"), defaultValue="open311"))
        self.addParameter(QgsProcessingParameterString(
            self.REPORTER, tr("Reporter recorded for the requests (the contact of that system)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.REPORTER_PHONE, tr("Reporter's phone"), optional=True))
        for key, label in (("CREATED", tr("Cases created")), ("ALREADY_KNOWN", tr("Already known (re-import)")),
                           ("SKIPPED_CLOSED", tr("Closed requests skipped")),
                           ("PROBLEMS", tr("Problems found (nothing written when any)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("REPORT", tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        fmt = file_format(path)
        system = (self.parameterAsString(parameters, self.SYSTEM, context) or "").strip()
        try:
            open311.external_id(system, "x")
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from exc
        reporter = (self.parameterAsString(parameters, self.REPORTER, context) or "").strip() or None
        phone = (self.parameterAsString(parameters, self.REPORTER_PHONE, context) or "").strip() or None
        if phone is not None and not PHONE.fullmatch(phone):
            raise QgsProcessingException(tr("phone '{value}' is not a phone number (digits, + - ( ) and spaces, 3 "
                                            "to 40 characters)").format(value=phone))
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise QgsProcessingException(tr("{file} is not UTF-8 (GeoReport files are UTF-8): byte {at}").format(
                file=Path(path).name, at=exc.start)) from exc
        requests, problems = open311.parse_requests(text, fmt)
        feedback.pushInfo(tr("Read {n} requests from {file}").format(n=len(requests), file=Path(path).name))
        closed = [r for r in requests if r.status == "closed"]
        requests = [r for r in requests if r.status == "open"]
        created = known = 0
        with self.store_session(parameters, context, feedback) as store:
            conn = store.conn
            source = next((s for s in intake.sources(conn) if s["name"] == SOURCE), None)
            if source is None:
                raise QgsProcessingException(tr("the store has no active source {source}").format(source=SOURCE))
            if source["needs_reporter"] and (reporter is None or phone is None):
                raise QgsProcessingException(tr(
                    "{source} is a public channel: the store needs a reporter's name and phone for every case, and "
                    "GeoReport requests carry none; give the reporter and phone (the contact of the system the "
                    "file comes from)").format(source=SOURCE))
            news = self._check(conn, store.srid, requests, system, reporter, phone, problems)
            feedback.setProgress(50)
            if not problems and news:
                try:
                    results = intake.report_many(conn, news)
                except StoreError as exc:
                    index = getattr(exc, "index", None)
                    which = requests[index].service_request_id if isinstance(index, int) else "?"
                    raise QgsProcessingException(tr("the store refused request {id}, nothing was written: {error}")
                                                 .format(id=which, error=exc)) from exc
                created = sum(1 for _row, new in results if new)
                known = len(results) - created
        feedback.setProgress(90)
        if problems:
            report = tr("{n} problems, so nothing was imported (all or nothing): correct the file and import it "
                        "again").format(n=len(problems))
            feedback.reportError(report)
            for problem in problems[:SHOWN_REJECTS]:
                feedback.pushWarning(problem)
            if len(problems) > SHOWN_REJECTS:
                feedback.pushWarning(tr("… and {n} more problems").format(n=len(problems) - SHOWN_REJECTS))
            report = "\n".join([report, *problems])
        else:
            report = tr("{created} new, {known} already there, {closed} closed requests skipped").format(
                created=created, known=known, closed=len(closed))
            feedback.pushInfo(report)
            media = sum(1 for r in requests if r.media_url)
            if media:
                feedback.pushInfo(tr("{n} media links not imported: the store keeps photos, not links").format(
                    n=media))
        return {"CREATED": created, "ALREADY_KNOWN": known, "SKIPPED_CLOSED": len(closed),
                "PROBLEMS": len(problems), "REPORT": report}

    @staticmethod
    def _check(conn, srid: int, requests: list[open311.ServiceRequest], system: str, reporter: str | None,
               phone: str | None, problems: list[str]) -> list[intake.NewReport]:
        """The reports of *requests* (positions in the store CRS), or their problems added to *problems*."""
        classes = {(c["kind"], c["code"]) for c in intake.class_table(conn)}
        points = to_store_crs(conn, [(r.long, r.lat) for r in requests])
        codes = intake.grid_codes(conn, points) if points else []
        news = []
        for request, point, grid in zip(requests, points, codes):
            mine = []
            kind_class = open311.service_class(request.service_code)
            if kind_class is None or kind_class not in classes:
                mine.append(tr("unknown service_code '{value}': not a class of this store (E + event class code, "
                               "C + component class code; see the services file)").format(value=request.service_code))
            if not request.description:
                mine.append(tr("no description: the store needs one (what is wrong, where)"))
            lon, lat = request.long, request.lat
            if grid is None:
                mine.append(tr("the position (lat {lat}, long {long}, WGS84) lies outside the district: in no unit "
                               "grid").format(lat=lat, long=lon))
            if mine:
                problems.extend(tr("request {id}: {what}").format(id=request.service_request_id, what=p) for p in mine)
                continue
            news.append(intake.NewReport(
                source=SOURCE, kind=kind_class[0], class_code=kind_class[1], description=request.description,
                x=point[0], y=point[1], address=request.address, reporter=reporter, reporter_phone=phone,
                external_id=open311.external_id(system, request.service_request_id)))
        return news


ALGORITHMS = (ExportOpen311Algorithm, ImportOpen311Algorithm)
