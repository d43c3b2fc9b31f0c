"""citygrid:exportmanual, citygrid:importmanual, citygrid:printmanual — the command manual (指挥手册)
out of the store as a workbook or CSV, back in after editing, and printed for the command centre.

The file's layout is :mod:`citygrid_plugin.core.manualsheet` (one sheet per kind with Chinese
headers, situations and 紧急 as rows under their class, the default limits, a help sheet; or one
CSV with a 类型 column); the printed manual is :mod:`citygrid_plugin.layouts.manual`.

The import reads and checks the whole file against the store's classes and departments first and
reports every problem (sheet, row, column, value, what to do) — then nothing is changed. With
DRY_RUN it only lists the differences with the version in force (:func:`core.manual.diff`).
Otherwise the manual replaces the one in force through ``store.manual.apply``: all or nothing,
checked again by the store, a new version only when something changed (administrators only: the
store refuses other logins). Running cases keep the version they were reported under.
"""
from __future__ import annotations

import time
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.i18n import tr
from ..core.manual import Manual, ManualError, diff
from ..core.manualsheet import ManualSheetError, department_lookup, read_manual, write_manual
from ..core.textio import ENCODINGS
from ..layouts import LayoutError
from ..layouts.manual import write_manual_pdf
from ..store import admin, intake
from ..store import manual as manual_store
from .base import GROUPS, CityGridAlgorithm

SHOWN_CHANGES = 500     # the log lists at most this many differences (the count is always right)


class _ManualAlgorithm(CityGridAlgorithm):
    """What the three share: the administration group, the store's classes and departments."""

    _group_id = "administration"
    VERSION = "VERSION"

    def group(self) -> str:
        make = GROUPS.get(self._group_id)
        return make() if make else tr("Administration")

    def add_version_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterNumber(
            self.VERSION, tr("Version of the manual (empty: the version in force)"),
            QgsProcessingParameterNumber.Integer, optional=True, minValue=1))

    def chosen_manual(self, parameters, context, conn) -> Manual:
        if parameters.get(self.VERSION) in (None, ""):
            return manual_store.current(conn)
        return manual_store.load(conn, self.parameterAsInt(parameters, self.VERSION, context))

    @staticmethod
    def classes(conn) -> dict[tuple[str, str], dict]:
        """(kind, code) → the class table's row (name, major_code, major_name) of the store's profile."""
        return {(r["kind"], r["code"]): r for r in intake.class_table(conn)}

    @staticmethod
    def departments(conn) -> tuple[dict[str, str], dict[str, str]]:
        """(code → name, name → code for the names that only one department has)."""
        return department_lookup(admin.departments(conn))


class ExportManualAlgorithm(_ManualAlgorithm):
    _id = "exportmanual"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export the command manual")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes the command manual (指挥手册) of the store as an Excel workbook (.xlsx) or a CSV file (.csv), by "
            "the output's extension. The workbook has a sheet per kind (事件, 部件) with Chinese headers — "
            "类别代码, 大类名称, 类别名称, 情形, 管理要点, 监管单位, 专业部门, 处置标准, 立案标准, 结案标准, "
            "拓扑类型 (部件) and one time limit per stage (受理时限 … 结案时限: 4工作时, 90分钟, 24小时, "
            "15工作日) — every class of the code profile on its own row, its situations (情形) and urgent "
            "limits (紧急) on rows below it; the sheet "
            "默认时限 with the default limits; and a sheet 说明 on how to fill it in. It is printed landscape A4 "
            "with the header on every page. The CSV (UTF-8 with BOM, opens in Excel) holds the same columns with a "
            "类型 column in front; its default limits are the rows whose 类别代码 is 默认. Edit the file and bring it "
            "back with “Import the command manual”.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.add_version_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Command manual file"), fileFilter="Excel (*.xlsx);;CSV (*.csv)"))
        self.addOutput(QgsProcessingOutputNumber("CLASSES", tr("Classes with a page in the manual")))
        self.addOutput(QgsProcessingOutputNumber("MANUAL_VERSION", tr("Version exported")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise QgsProcessingException(tr("the manual goes to an .xlsx or .csv file, not {path}: change the output "
                                            "file name").format(path=path.name))
        with self.store_session(parameters, context, feedback, errors=(ManualError,)) as store:
            manual = self.chosen_manual(parameters, context, store.conn)
            classes = self.classes(store.conn)
            names, _by_name = self.departments(store.conn)
            write_manual(path, manual, {k: r["name"] for k, r in classes.items()},
                         {k: r["major_name"] for k, r in classes.items()}, names)
        feedback.pushInfo(tr("Written: {path} (version {version}, {n} classes with a page)").format(
            path=path, version=manual.version, n=len(manual.classes)))
        return {self.OUTPUT: str(path), "CLASSES": len(manual.classes), "MANUAL_VERSION": manual.version}


class ImportManualAlgorithm(_ManualAlgorithm):
    _id = "importmanual"
    ENCODING = "ENCODING"
    DRY_RUN = "DRY_RUN"
    NOTE = "NOTE"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import the command manual")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Reads a command manual (指挥手册) from an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK) in the "
            "layout “Export the command manual” writes, and makes it the manual in force. Everything is checked "
            "first — departments (a code, a name or 属地), classes of the store's code profile, time limits (a "
            "positive number with its unit), situations with at least one limit, one row per class, situations "
            "and 紧急 below their class — and every problem is listed with its sheet, row, column and value; then "
            "nothing is changed. With “Dry run” the differences with the manual in force are listed and nothing "
            "is changed. Otherwise the whole manual is replaced at once, all or nothing (a class without a row "
            "loses its page): a new version when anything changed. Cases already reported keep the version they "
            "were reported under. Administrators only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Command manual file (.xlsx or .csv)"), fileFilter="Excel (*.xlsx);;CSV (*.csv)"))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("CSV encoding"), options=list(ENCODINGS),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run: list the differences, change nothing"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.NOTE, tr("Note on the new version (empty: the file's name)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("CHANGES", tr("Differences with the manual in force")))
        self.addOutput(QgsProcessingOutputNumber(self.VERSION, tr("Version in force afterwards")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.monotonic()
        path = Path(self.parameterAsFile(parameters, self.INPUT, context) or "")
        if not path.is_file():
            raise QgsProcessingException(tr("no manual file: choose the .xlsx or .csv file to import"))
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        note = (self.parameterAsString(parameters, self.NOTE, context) or "").strip() or \
            tr("Imported from {file}").format(file=path.name)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        with self.store_session(parameters, context, feedback, errors=(ManualError,)) as store:
            conn = store.conn
            before = manual_store.current(conn)
            classes = self.classes(conn)
            names, by_name = self.departments(conn)
            try:
                manual = read_manual(path, before.profile, {k: r["name"] for k, r in classes.items()}, set(names),
                                     by_name, encoding)
            except ManualSheetError as exc:
                for problem in exc.problems:
                    feedback.reportError(problem.describe())
                raise QgsProcessingException(tr("the command manual was not imported, nothing was changed: {error}")
                                             .format(error=exc)) from exc
            changes = diff(before, manual)
            self.log_changes(feedback, changes, before.version, {k: r["name"] for k, r in classes.items()}, names)
            if dry_run:
                feedback.pushInfo(tr("Dry run: nothing was changed (version {version} stays in force)").format(
                    version=before.version))
                return {"CHANGES": len(changes), self.VERSION: before.version}
            if not changes:
                return {"CHANGES": 0, self.VERSION: before.version}
            version, applied = manual_store.apply(conn, manual, note[:500], replace=True)
        feedback.pushInfo(tr("Version {version} of the command manual is in force: {n} changes ({seconds:.1f} s)")
                          .format(version=version, n=len(applied), seconds=time.monotonic() - started))
        return {"CHANGES": len(applied), self.VERSION: version}

    @staticmethod
    def log_changes(feedback, changes, version, class_names=None, department_names=None) -> None:
        """Each difference on a line of its own, worded as the administration dialog's import shows
        it (core.manual.change_parts): "事件 0102 暴露垃圾 · 处置时限 · 4 工作时 → 24 小时"."""
        if not changes:
            feedback.pushInfo(tr("The file holds the manual in force (version {version}): nothing to change").format(
                version=version))
            return
        feedback.pushInfo(tr("{n} differences with version {version} in force:").format(n=len(changes),
                                                                                       version=version))
        for change in changes[:SHOWN_CHANGES]:
            feedback.pushInfo("  " + change.describe(class_names, department_names))
        if len(changes) > SHOWN_CHANGES:
            feedback.pushInfo(tr("… and {n} more differences").format(n=len(changes) - SHOWN_CHANGES))


class PrintManualAlgorithm(_ManualAlgorithm):
    _id = "printmanual"
    TITLE = "TITLE"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self) -> str:  # noqa: N802
        return tr("Print the command manual (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The command manual (指挥手册) as a PDF for the command centre's desk, landscape A4: a title page, the "
            "default time limits, then one section per class group (大类), each starting on a new page, with a "
            "table of its classes — 管理要点, 监管单位 and 专业部门 (by name), 处置标准, 立案标准, 结案标准 and the "
            "class's time limits, its situations (情形) and urgent limits (紧急) on rows under it. The text is "
            "selectable and searchable. Only classes with a page in the manual are printed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.add_version_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, tr("Title (empty: 指挥手册)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Printed manual"), fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.monotonic()
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("the printed manual goes to a .pdf file, not {path}: change the output "
                                            "file name").format(path=path.name))
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        with self.store_session(parameters, context, feedback, errors=(LayoutError, ManualError)) as store:
            manual = self.chosen_manual(parameters, context, store.conn)
            classes = self.classes(store.conn)
            names, _by_name = self.departments(store.conn)
            feedback.setProgress(10)
            pages = write_manual_pdf(manual, path, classes, names, title, feedback)
        if feedback.isCanceled() or not pages:
            return {}
        feedback.pushInfo(tr("Written: {path} ({pages} pages, {seconds:.1f} s)").format(
            path=path, pages=pages, seconds=time.monotonic() - started))
        return {self.OUTPUT: str(path), "PAGES": pages}
