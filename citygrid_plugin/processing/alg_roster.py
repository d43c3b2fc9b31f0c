"""The grid roster (一格六员) in batch: citygrid:importroster reads the roster a city keeps in Excel
(a CSV file, GBK or UTF-8: 网格, 职责, 姓名, 电话, 说明), checks every row (core.roster: all
problems at once, each with its row and column), lists what would change and applies the file
through store.admin in one transaction — all or nothing (base.AdminAlgorithm, shared with the
administration algorithms of alg_admin). The store refuses anyone but an administrator and
audits every change.
"""
from __future__ import annotations

from ..core import roster as rs
from ..core.i18n import tr
from ..store import admin
from .base import AdminAlgorithm


class ImportRosterAlgorithm(AdminAlgorithm):
    """citygrid:importroster — the grid roster (一格六员) from a CSV file, all or nothing."""

    _id = "importroster"
    columns = rs.ROSTER_COLUMNS
    required = rs.REQUIRED

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
        self.add_file_parameters(tr("Grid roster CSV"))
        self.add_mode_parameter()
        self.add_outputs()

    def plan(self, parameters, context, conn):
        checked = rs.roster_rows(self.sheet(parameters, context), admin.active_grids(conn))
        replace = self.replace(parameters, context)
        changes = rs.roster_changes(admin.roster(conn), checked.items, replace)
        return checked.warnings, changes, lambda c: admin.save_roster(c, [m.as_dict() for m in checked.items],
                                                                     replace=replace)
