"""citygrid:evaluation and citygrid:casereports — the indicators of a period (综合评价) and the
monthly reports (月度报表), as XLSX or CSV tables.

Both read the audit through :func:`citygrid_plugin.store.evaluation.evaluate_period`; every
figure is a count of cases defined once in :mod:`citygrid_plugin.core.evaluation`.
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..core import evaluation as ev
from ..core.i18n import tr
from ..core.indicators import indicator_table
from ..core.labels import GROUPINGS, grouping_label
from ..store.evaluation import report_tables
from .base import PeriodAlgorithm


class EvaluationAlgorithm(PeriodAlgorithm):
    _id = "evaluation"
    GROUPING = "GROUPING"

    def displayName(self) -> str:  # noqa: N802
        return tr("Evaluate a period (indicators)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The evaluation indicators of a month, a quarter or a year (or any period) per department, street, "
            "community, unit grid or person (supervisors, operators, shift leaders, dispatchers): reports, "
            "valid-report rate, handling and on-time handling rates, closing and on-time closing rates, rework, "
            "overdue-pending, extension, correct-dispatch, on-time verify and check rates, overdue counts, the "
            "external evaluation (return visits 回访: satisfaction and on-time return-visit rates), and for "
            "departments the composite score (the administrators' weights; default 30/20/20/20/10, satisfaction "
            "0). Computed from the audit of actions up to the period's end, so a month's figures never change "
            "afterwards. Every figure is a number of cases, defined in the README (Evaluation). Writes an XLSX "
            "workbook or a CSV file (UTF-8 with BOM).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.GROUPING, tr("Evaluate"),
                                                     options=[grouping_label(g) for g in GROUPINGS],
                                                     allowMultiple=True, defaultValue=[0, 1]))
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Indicators"), fileFilter="Excel (*.xlsx);;CSV UTF-8 (*.csv)"))
        for key, label in (("CASES", tr("Cases evaluated")), ("HANDLING_RATE", tr("Handling rate")),
                           ("ON_TIME_HANDLING_RATE", tr("On-time handling rate")),
                           ("CLOSING_RATE", tr("Closing rate"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self.weights(parameters, context)   # a bad WEIGHTS text is refused before the store is opened
        chosen = self.parameterAsEnums(parameters, self.GROUPING, context) or [0]
        start, end, area = self.period(parameters, context)
        with self.store_session(parameters, context, feedback, errors=(ev.EvaluationError,)) as store:
            weights = self.weights(parameters, context, store.conn)
            evaluation = self.evaluate(store.conn, start, end, area, feedback)
        tables = [indicator_table(evaluation, "district", weights)] + \
            [indicator_table(evaluation, GROUPINGS[i], weights) for i in chosen]
        files = self.write(parameters, context, feedback, tables)
        district = next(iter(evaluation.figures("district").values()), {})

        def rate(name):
            figure = district.get(name)
            return -1 if figure is None or figure.value is None else figure.value

        return {self.OUTPUT: files[0], "FILES": ";".join(files), "CASES": len(evaluation.facts),
                "HANDLING_RATE": rate("handling_rate"), "ON_TIME_HANDLING_RATE": rate("on_time_handling_rate"),
                "CLOSING_RATE": rate("closing_rate")}


class CaseReportsAlgorithm(PeriodAlgorithm):
    _id = "casereports"
    TOP = "TOP"

    def displayName(self) -> str:  # noqa: N802
        return tr("Monthly case reports (tables)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The reports the centres publish each month, quarter or year, as tables: most frequent problems, "
            "problems by source, cases by state, cases by department, department performance (indicators and "
            "composite score), problems by class (问题分类: events and components, major and minor classes), the "
            "average and median handling time in working hours per department and class (处置平均时长), and "
            "events and components compared with the same period a year before and the period before. One XLSX "
            "workbook (a sheet per report) or CSV files (UTF-8 with BOM, one per report).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_period_parameters()
        self.add_weights_parameter()
        self.addParameter(QgsProcessingParameterNumber(self.TOP, tr("Classes in the rankings"),
                                                       QgsProcessingParameterNumber.Integer, 10, minValue=1))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Reports"), fileFilter="Excel (*.xlsx);;CSV UTF-8 (*.csv)"))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self.weights(parameters, context)
        start, end, area = self.period(parameters, context)
        with self.store_session(parameters, context, feedback, errors=(ev.EvaluationError,)) as store:
            weights = self.weights(parameters, context, store.conn)
            evaluation = self.evaluate(store.conn, start, end, area, feedback)
            tables = report_tables(store.conn, evaluation, weights, self.parameterAsInt(parameters, self.TOP, context))
        files = self.write(parameters, context, feedback, tables)
        reported = sum(1 for f in evaluation.facts if "reported" in f.sets)
        if not reported:
            feedback.pushWarning(tr("no case was reported in the period: the reports are empty"))
        return {self.OUTPUT: files[0], "FILES": ";".join(files), "REPORTED": reported}
