"""citygrid:patrolcoverage — the supervisors' patrol coverage (巡查覆盖) of a day or of several days
as a workbook (XLSX, or CSV files) and a layer of the grids by status, and the supervisors'
figures of the evaluation (监督员考核) over those days.

The figures are store.coverage's, the same the 巡查覆盖 dock shows: per supervisor and day his
responsibility grids, those visited (the store settings patrol_visit_seconds / patrol_visit_metres),
the share, the time inside and outside his grids, the gaps (patrol_gap_seconds) and the length of
his tracks (citygrid.patrol_coverage and the tracks, read with the login's rights).
"""
from __future__ import annotations

from datetime import date, timedelta

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
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ..core import evaluation as ev
from ..core.casefilter import centre_today
from ..core.coverage import coverage_table
from ..core.i18n import tr
from ..patrolmaps import COVERAGE_FIELDS, coverage_features
from ..store.coverage import coverage as day_coverage
from ..store.coverage import coverage_grids, supervisor_evaluation
from ..tables import TableError, write_tables
from .base import CityGridAlgorithm

MAX_DAYS = 92


class PatrolCoverageAlgorithm(CityGridAlgorithm):
    """citygrid:patrolcoverage."""

    _id = "patrolcoverage"
    _group_id = "evaluation"
    DAY = "DAY"
    END_DAY = "END_DAY"
    EVALUATION = "EVALUATION"
    GRIDS = "GRIDS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Patrol coverage of the supervisors")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "From the supervisors' patrol tracks (synced from their handhelds), per supervisor and day: his "
            "responsibility grids, the grids he visited (a grid counts after the store's patrol_visit_seconds or "
            "patrol_visit_metres inside it), the share of his grids covered and those he missed, the minutes inside "
            "and outside his grids, the gaps in his track (silences longer than patrol_gap_seconds, with their "
            "times) and the length of his tracks. Optionally also the supervisors' evaluation over the same days: "
            "reports he filed and how many were registered (valid-report rate), his verifications and checks and "
            "how many were on time (the store's verdict recorded with each action), and his coverage on the days "
            "he patrolled.\n\nWrites an XLSX workbook (a sheet per table) or CSV files, and optionally a layer of "
            "the grids per day: visited by its supervisor, not visited by its supervisor, visited by someone else. "
            "A day is a Beijing-time day; without a day, today.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterDateTime(
            self.DAY, tr("Day (empty: today)"), QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.END_DAY, tr("…to day (empty: the same day)"), QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.EVALUATION, tr("Add the supervisors' evaluation over these days"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Patrol coverage table"), fileFilter="Excel (*.xlsx);;CSV UTF-8 (*.csv)"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.GRIDS, tr("Grids by patrol status"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("SUPERVISORS", tr("Supervisors")))
        self.addOutput(QgsProcessingOutputNumber("COVERAGE", tr("Coverage of the patrolled days (%)")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def _day(self, parameters, name: str, context) -> date | None:
        if parameters.get(name) in (None, ""):
            return None
        value = self.parameterAsDateTime(parameters, name, context)   # QGIS 3.22 has no parameterAsDate
        if value is None or not value.isValid():
            raise QgsProcessingException(tr("{name}: “{value}” is not a day (write it 2026-12-01)").format(
                name=name, value=parameters.get(name)))
        day = value.date()
        return date(day.year(), day.month(), day.day())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        first = self._day(parameters, self.DAY, context) or centre_today()
        last = self._day(parameters, self.END_DAY, context) or first
        if last < first:
            raise QgsProcessingException(tr("the last day ({last}) is before the first ({first})").format(
                first=first.isoformat(), last=last.isoformat()))
        if (last - first).days >= MAX_DAYS:
            raise QgsProcessingException(tr("at most {n} days at a time; split the period").format(n=MAX_DAYS))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with self.store_session(parameters, context, feedback, errors=(ev.EvaluationError,)) as store:
            days = []
            day, n, total = first, 0, (last - first).days + 1
            while day <= last:
                if feedback.isCanceled():
                    return {}
                days += day_coverage(store.conn, day)
                n += 1
                feedback.setProgress(60 * n / total)
                day += timedelta(days=1)
            tables = [coverage_table(days)]
            if self.parameterAsBoolean(parameters, self.EVALUATION, context):
                tables.append(supervisor_evaluation(store.conn, first, last, days))
            feedback.setProgress(70)
            sink_id = None
            if parameters.get(self.GRIDS) not in (None, ""):
                fields = QgsFields()
                for name, kind in COVERAGE_FIELDS:
                    fields.append(QgsField(name, kind))
                sink, sink_id = self.parameterAsSink(parameters, self.GRIDS, context, fields, QgsWkbTypes.Polygon,
                                                     QgsCoordinateReferenceSystem(f"EPSG:{store.srid}"))
                if sink is not None:
                    day = first
                    while day <= last:
                        for attributes, wkb in coverage_features(coverage_grids(store.conn, day), day):
                            feature = QgsFeature(fields)
                            feature.setAttributes(attributes)
                            geom = QgsGeometry()
                            geom.fromWkb(wkb)
                            feature.setGeometry(geom)
                            sink.addFeature(feature, QgsFeatureSink.FastInsert)
                        day += timedelta(days=1)
        feedback.setProgress(90)
        try:
            written = write_tables(path, tables)
        except TableError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for p in written:
            feedback.pushInfo(tr("Written: {path}").format(path=p))
        patrolled = [d for d in days if d.tracks and d.grids]
        due = sum(len(d.grids) for d in patrolled)
        share = 100.0 * sum(len(d.visited) for d in patrolled) / due if due else None
        logins = {d.login for d in days}
        feedback.pushInfo(tr("{first} – {last}: {n} supervisors, {k} patrol days, coverage {share}").format(
            first=first.isoformat(), last=last.isoformat(), n=len(logins), k=len(patrolled),
            share="—" if share is None else f"{share:.1f} %"))
        out = {"SUPERVISORS": len(logins), "COVERAGE": share, "FILES": ";".join(str(p) for p in written),
               self.OUTPUT: str(written[0])}
        if sink_id is not None:
            out[self.GRIDS] = sink_id
        return out
