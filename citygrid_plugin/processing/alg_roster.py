"""The grid roster (一格六员) in batch: citygrid:importroster reads the roster a city keeps in Excel
(a CSV file, GBK or UTF-8: 网格, 职责, 姓名, 电话, 说明), checks every row (core.roster: all
problems at once, each with its row and column), lists what would change and applies the file
through store.admin in one transaction — all or nothing. The store refuses anyone but an
administrator and audits every change.

(The administration algorithms of alg_admin work the same way; an algorithm module does not import
another, so the few lines they share are repeated here.)
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..core import roster as rs
from ..core.admintables import AdminTableError, read_sheet
from ..core.i18n import tr
from ..core.textio import ENCODINGS, TextInputError
from ..store import admin
from ..store.db import StoreError
from .base import GROUPS, CityGridAlgorithm

SHOWN_CHANGES = 200
PERMISSION_DENIED = "42501"


def refused(exc: StoreError) -> str:
    """The store's refusal; a non-administrator is told who may."""
    cause = exc.__cause__
    if getattr(cause, "pgcode", None) == PERMISSION_DENIED or "permission denied" in str(exc):
        return tr("the store refused the change, nothing was changed: {error}; only an administrator (a login with "
                  "the role citygrid_admin) may change these rules: sign in as one").format(error=exc)
    return tr("the store refused the change, nothing was changed: {error}").format(error=exc)


class ImportRosterAlgorithm(CityGridAlgorithm):
    """citygrid:importroster — the grid roster (一格六员) from a CSV file, all or nothing."""

    _id = "importroster"
    _group_id = "administration"
    ENCODING = "ENCODING"
    MODE = "MODE"
    DRY_RUN = "DRY_RUN"

    def group(self) -> str:
        make = GROUPS.get(self._group_id)
        return make() if make else tr("Administration")

    def displayName(self) -> str:  # noqa: N802
        return tr("Import the grid roster (一格六员)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Who answers for each unit grid besides its supervisor (一格六员: 领导员, 城管员, 环卫员, 社区员, 巡查员, "
            "志愿员), from a CSV file (GBK or UTF-8) with the columns 网格 (the 15-digit grid code; format the column "
            "as text in Excel), 职责 (one of the six duties; 领导 for 领导员 works too), 姓名, 电话 (digits, spaces, "
            "+ - ( ), optional) and 说明 (optional); English headers grid, duty, name, phone, note also work. A "
            "person is known by grid, duty and name: a row for someone already there changes the phone and note.\n\n"
            "Merge adds the file's people and changes those already there; replace makes the file the whole roster. "
            "Every row is checked first — a code that is no active grid, an unknown duty, an empty name, a phone "
            "the store would refuse, a person given twice — and all problems are reported at once with the row and "
            "column; then nothing is changed. Dry run lists the changes only. The supervisors' responsibility "
            "grids are set in 系统管理 ▸ 责任网格 or with citygrid:saveuser.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Grid roster CSV"), extension="csv"))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("Encoding"), options=list(ENCODINGS),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, tr("Mode"), options=[tr("merge: add and change the file's rows, keep the others"),
                                            tr("replace: the file becomes the whole table")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run: only list what would change"), defaultValue=False))
        self.addOutput(QgsProcessingOutputNumber("CHANGES", tr("Changes")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Warnings")))
        self.addOutput(QgsProcessingOutputNumber("APPLIED", tr("Applied (1) or not (0)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        replace = self.parameterAsEnum(parameters, self.MODE, context) == 1
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        with self.store_session(parameters, context, feedback, errors=(TextInputError,)) as store:
            try:
                sheet = read_sheet(path, rs.ROSTER_COLUMNS, rs.REQUIRED, encoding)
                checked = rs.roster_rows(sheet, admin.active_grids(store.conn))
                changes = rs.roster_changes(admin.roster(store.conn), checked.items, replace)
            except StoreError as exc:
                raise QgsProcessingException(refused(exc)) from exc
            except AdminTableError as exc:
                errors = [p for p in exc.problems if not p.warning]
                for problem in exc.problems:
                    (feedback.pushWarning if problem.warning else feedback.reportError)(str(problem))
                raise QgsProcessingException(tr("{n} problem(s), so nothing was changed (all or nothing); correct "
                                                "them and run it again:\n{problems}").format(
                    n=len(errors), problems="\n".join(str(p) for p in errors))) from exc
            for warning in checked.warnings:
                feedback.pushWarning(str(warning))
            for change in changes[:SHOWN_CHANGES]:
                feedback.pushInfo(str(change))
            if len(changes) > SHOWN_CHANGES:
                feedback.pushInfo(tr("… and {n} more changes").format(n=len(changes) - SHOWN_CHANGES))
            applied = 0
            if not changes:
                feedback.pushInfo(tr("Nothing to change: the store already holds this"))
            elif dry_run:
                feedback.pushInfo(tr("Dry run: nothing was changed; {n} change(s) would be made").format(
                    n=len(changes)))
            else:
                try:
                    admin.save_roster(store.conn, [m.as_dict() for m in checked.items], replace=replace)
                except StoreError as exc:
                    raise QgsProcessingException(refused(exc)) from exc
                applied = 1
                feedback.pushInfo(tr("{n} change(s) applied").format(n=len(changes)))
        return {"CHANGES": len(changes), "WARNINGS": len(checked.warnings), "APPLIED": applied}
