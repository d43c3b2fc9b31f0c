"""citygrid:evaluation and citygrid:casereports — the indicators of a period (综合评价) and the
monthly reports (月度报表), as XLSX or CSV tables.

Both read the audit through :func:`citygrid_plugin.store.evaluation.evaluate_period`; every
figure is a count of cases defined once in :mod:`citygrid_plugin.core.evaluation`.
"""
from __future__ import annotations

from datetime import datetime

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import evaluation as ev
from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.reports import Table
from ..store.db import StoreError
from .base import CityGridAlgorithm

GROUPINGS = ("department", "street", "community", "grid", "supervisor", "operator", "shift_leader", "dispatcher")


def grouping_label(grouping: str) -> str:
    return {"department": tr("departments"), "street": tr("streets"), "community": tr("communities"),
            "grid": tr("unit grids"), "supervisor": tr("supervisors"), "operator": tr("operators"),
            "shift_leader": tr("shift leaders"), "dispatcher": tr("dispatchers"), "district": tr("district")}[grouping]


def indicator_table(evaluation, grouping: str, weights: dict[str, float] | None = None) -> Table:
    """One row per group of *grouping*: its counts, rates (%) and, for departments, the score."""
    rows = evaluation.figures(grouping)
    owned = ev.columns(rows)
    scored = grouping == "department"
    headers = [tr("Code"), tr("Name")] + [ev.indicator_label(k) + (" (%)" if k in ev.RATES else "") for k in owned]
    table = Table(f"indicators_{grouping}", tr("Indicators by {grouping}").format(grouping=grouping_label(grouping)),
                  headers + ([ev.indicator_label("score")] if scored else []))
    for key, score in ev.ranked(rows, scored, weights):
        row = rows[key]
        values = []
        for k in owned:
            figure = row.get(k)
            if figure is None:
                values.append(None)
            elif figure.denominator is None:
                values.append(figure.count)
            else:
                values.append(None if figure.value is None else round(100 * figure.value, 2))
        table.add([key, evaluation.group_name(grouping, key)] + values +
                  ([None if score is None else round(score, 2)] if scored else []),
                  row[next(iter(k for k in ("due_handle", "reported", "dispatched", "verified", "checked",
                                            "registered") if k in row))].numerator)
    table.note = tr("period {start} – {end}, cut-off {as_of}").format(
        start=f"{evaluation.start:%Y-%m-%d}", end=f"{evaluation.end:%Y-%m-%d}",
        as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}")
    return table


class PeriodAlgorithm(CityGridAlgorithm):
    _group_id = "evaluation"

    def add_period_parameters(self) -> None:
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            "MONTH", tr("Month (YYYY-MM; empty: the last complete month)"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("START", tr("…or period start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("END", tr("Period end"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "AREA", tr("Street or community code (9 or 12 digits; empty: the whole store)"), optional=True))

    def period(self, parameters, context) -> tuple[datetime, datetime, str]:
        def when(name: str):
            return self.datetime_parameter(parameters, name, context)

        area = (self.parameterAsString(parameters, "AREA", context) or "").strip()
        if area and (not area.isdigit() or len(area) not in (6, 9, 12)):
            raise QgsProcessingException(tr("area '{area}' is not a district (6 digits), street (9) or community "
                                            "(12) code").format(area=area))
        try:
            start, end = when("START"), when("END")
            if start is not None:
                return start, end or datetime.now(CST), area
            month_start, month_end = ev.month_period(self.parameterAsString(parameters, "MONTH", context))
            return month_start, month_end, area
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def weights(self, parameters, context) -> dict[str, float]:
        try:
            return ev.parse_weights(self.parameterAsString(parameters, "WEIGHTS", context) or "")
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def add_weights_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            "WEIGHTS", tr("Score weights (term=points, …; empty: handling_rate=30, on_time_handling_rate=20, "
                          "rework_rate=20, overdue_rate=20, extension_rate=10)"), optional=True))

    def evaluate(self, parameters, context, feedback):
        from ..store.evaluation import evaluate_period

        start, end, area = self.period(parameters, context)
        target, conn = self.open_store(parameters, context, feedback)
        try:
            self.store_srid(conn, target)
            evaluation = evaluate_period(conn, start, end, area)
        except (StoreError, ev.EvaluationError) as exc:
            conn.close()
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Period {start} – {end} (cut-off {as_of}): {n} cases with actions in or open during "
                             "it").format(start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}",
                                          as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}", n=len(evaluation.facts)))
        return conn, evaluation

    def write(self, parameters, context, feedback, tables: list[Table]) -> list[str]:
        from ..tables import TableError, write_tables

        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        try:
            written = write_tables(path, tables)
        except TableError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for p in written:
            feedback.pushInfo(tr("Written: {path}").format(path=p))
        return [str(p) for p in written]


class EvaluationAlgorithm(PeriodAlgorithm):
    _id = "evaluation"

    def displayName(self) -> str:  # noqa: N802
        return tr("Evaluate a period (indicators)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The evaluation indicators of a month (or any period) per department, street, community, unit grid or "
            "person (supervisors, operators, shift leaders, dispatchers): reports, valid-report rate, handling and "
            "on-time handling rates, closing and on-time closing rates, rework, overdue-pending, extension, "
            "correct-dispatch, on-time verify and check rates, overdue counts, and for departments the composite "
            "score (weights configurable; default 30/20/20/20/10). Computed from the audit of actions up to the "
            "period's end, so a month's figures never change afterwards. Every figure is a number of cases, "
            "defined in the README (Evaluation). Writes an XLSX workbook or a CSV file (UTF-8 with BOM).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterEnum("GROUPING", tr("Evaluate"),
                                                     options=[grouping_label(g) for g in GROUPINGS],
                                                     allowMultiple=True, defaultValue=[0, 1]))
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Indicators"), fileFilter="Excel (*.xlsx);;CSV UTF-8 (*.csv)"))
        for key, label in (("CASES", tr("Cases evaluated")), ("HANDLING_RATE", tr("Handling rate")),
                           ("ON_TIME_HANDLING_RATE", tr("On-time handling rate")),
                           ("CLOSING_RATE", tr("Closing rate"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        weights = self.weights(parameters, context)
        chosen = self.parameterAsEnums(parameters, "GROUPING", context) or [0]
        conn, evaluation = self.evaluate(parameters, context, feedback)
        conn.close()
        tables = [indicator_table(evaluation, "district", weights)] + \
            [indicator_table(evaluation, GROUPINGS[i], weights) for i in chosen]
        files = self.write(parameters, context, feedback, tables)
        district = next(iter(evaluation.figures("district").values()), {})

        def rate(name):
            figure = district.get(name)
            return -1 if figure is None or figure.value is None else figure.value

        return {"OUTPUT": files[0], "FILES": ";".join(files), "CASES": len(evaluation.facts),
                "HANDLING_RATE": rate("handling_rate"), "ON_TIME_HANDLING_RATE": rate("on_time_handling_rate"),
                "CLOSING_RATE": rate("closing_rate")}


class CaseReportsAlgorithm(PeriodAlgorithm):
    _id = "casereports"

    def displayName(self) -> str:  # noqa: N802
        return tr("Monthly case reports (tables)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The reports the centres publish each month, as tables: most frequent problems, problems by source, "
            "cases by state, cases by department, department performance (indicators and composite score) and "
            "events and components compared with the same month a year before and the month before. One XLSX "
            "workbook (a sheet per report) or CSV files (UTF-8 with BOM, one per report).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_period_parameters()
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterNumber("TOP", tr("Classes in the rankings"),
                                                       QgsProcessingParameterNumber.Integer, 10, minValue=1))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Reports"), fileFilter="Excel (*.xlsx);;CSV UTF-8 (*.csv)"))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..store.evaluation import report_tables

        weights = self.weights(parameters, context)
        conn, evaluation = self.evaluate(parameters, context, feedback)
        try:
            tables = report_tables(conn, evaluation, weights, self.parameterAsInt(parameters, "TOP", context))
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        files = self.write(parameters, context, feedback, tables)
        reported = sum(1 for f in evaluation.facts if "reported" in f.sets)
        if not reported:
            feedback.pushWarning(tr("no case was reported in the period: the reports are empty"))
        return {"OUTPUT": files[0], "FILES": ";".join(files), "REPORTED": reported}
