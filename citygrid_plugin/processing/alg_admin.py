"""系统管理 in batch: the administrator's tables as Processing algorithms — routing rules
(citygrid:importrouting), the working calendar (citygrid:importcalendar), territories
(citygrid:importterritories), case sources (citygrid:importsources), local extension classes
(citygrid:importclasses), the evaluation weights (citygrid:setweights) and the approval authorities
(citygrid:setauthorities).

Each is the batch version of a tab of the administration dialog: it reads a CSV file a city keeps
in Excel (GBK or UTF-8, Chinese headers or their English aliases), checks every row against the
store (core.admintables: all problems at once, each with the file, the spreadsheet row, the column,
the value and what to do), lists what would change, and applies the file through store.admin in
one transaction — all or nothing. DRY_RUN only lists the changes. The store itself refuses anyone
but an administrator (grants and row-level security) and audits every change (who and when); the
algorithm then fails with that reason and nothing is changed.
"""
from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import admintables as at
from ..core.i18n import tr
from ..core.workflow import CASE_ROLES
from ..store import admin, intake
from ..store.components import store_profile
from ..store.roles import ROLES
from .base import AdminAlgorithm


def reference(conn) -> at.Reference:
    """What the checks need to know of the store: its profile and classes, departments, streets and
    communities, roles and working week (read through store.admin and store.intake)."""
    profile = store_profile(conn)
    classes, majors = {}, {}
    for c in intake.class_table(conn):
        classes[(c["kind"], c["code"])] = c["name"]
        majors.setdefault((c["kind"], c["major_code"]), c["major_name"])
    local = {(c["kind"], c["code"]) for c in admin.local_classes(conn) if c["profile"] == profile}
    departments = admin.departments(conn)
    streets, communities = at.Reference.split_areas(admin.areas(conn))
    return at.Reference(
        profile=profile, classes=classes, majors=majors, standard=set(classes) - local,
        departments={d["code"]: d["name"] for d in departments if d["active"]},
        inactive_departments={d["code"] for d in departments if not d["active"]},
        streets=streets, communities=communities, roles={r: ROLES.get(r, r) for r in CASE_ROLES},
        case_roles=tuple(r for r in CASE_ROLES if r != "office"), work_week=tuple(admin.work_week(conn)))


class ImportRoutingAlgorithm(AdminAlgorithm):
    _id = "importrouting"
    columns = at.ROUTING_COLUMNS
    required = ("kind", "class", "department")

    def displayName(self) -> str:  # noqa: N802
        return tr("Import routing rules")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Routing rules (派遣规则, 先属地) from a CSV file (GBK or UTF-8) with the columns 类型 (事件/部件), "
            "类别代码 (the class code or name in the store's code profile), 街道 (3-digit street code or name; empty: "
            "the whole district), 社区 (optional: a community of that street) and 部门 (department code or name); "
            "English headers kind, class_code, street, community, department also work. A case of the class in the "
            "area goes to the department; a community's rule comes before its street's, a street's before the "
            "district's, and a component's owner (先属主) before any rule.\n\nMerge adds the file's rules and changes "
            "the department of those already there; replace makes the file the whole rule table. Every row is checked "
            "first: an unknown class, street, community or department, a community without its street, and two rows "
            "routing the same class and area to different departments are reported all at once with the row and "
            "column, and nothing is changed. Dry run lists the changes only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Routing rules CSV"))
        self.add_mode_parameter()
        self.add_outputs()

    def plan(self, parameters, context, conn):
        ref = reference(conn)
        checked = at.routing_rules(self.sheet(parameters, context), ref)
        replace = self.replace(parameters, context)
        changes = at.routing_changes(admin.rules(conn), checked.items, replace, ref)
        rules = [r.as_dict() for r in checked.items]
        return checked.warnings, changes, lambda c: admin.save_rules(c, rules, replace=replace)


class ImportCalendarAlgorithm(AdminAlgorithm):
    _id = "importcalendar"
    columns = at.CALENDAR_COLUMNS
    required = ("date", "type")
    YEAR = "YEAR"
    WORK_PERIODS = "WORK_PERIODS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import the working calendar")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The working calendar of a year (工作日历) from a CSV file (GBK or UTF-8) with the columns 日期 "
            "(2026-10-01, 2026/10/1, 2026年10月1日 or an Excel day number), 类型 (休 / 假日 / holiday: not a working "
            "day; 班 / 调休 / 上班 / workday: a working day, e.g. the weekends China's holiday schedule moves) and "
            "说明 (a note). It replaces that year's entries; days not listed follow the working week. The State "
            "Council publishes the holidays and 调休 working weekends every November for the next year.\n\nRefused, "
            "all rows at once: a date outside the year, a date that cannot be read, a date listed twice, an unknown "
            "type. A warning only (the row is kept): a 班 day that is a working day of the week anyway, a 休 day that "
            "is a day off anyway — the notice lists whole holiday periods, weekends included. Optionally the working "
            "hours of a working day too (08:30-12:00,13:30-17:30: times in order, not overlapping). Deadlines in "
            "working hours and working days follow the calendar from then on.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Calendar CSV"))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Year"), QgsProcessingParameterNumber.Integer, defaultValue=date.today().year,
            minValue=at.MIN_YEAR, maxValue=at.MAX_YEAR))
        self.addParameter(QgsProcessingParameterString(
            self.WORK_PERIODS, tr("Working hours of a working day (e.g. 08:30-12:00,13:30-17:30; empty: unchanged)"),
            optional=True))
        self.add_outputs()

    def plan(self, parameters, context, conn):
        year = self.parameterAsInt(parameters, self.YEAR, context)
        text = (self.parameterAsString(parameters, self.WORK_PERIODS, context) or "").strip()
        problems = []
        periods = None
        if text:
            try:
                periods = at.parse_work_periods(text)
            except at.AdminTableError as exc:
                problems += exc.problems
        try:
            checked = at.calendar_entries(self.sheet(parameters, context), year, admin.work_week(conn))
        except at.AdminTableError as exc:
            raise at.AdminTableError(problems + exc.problems) from exc
        if problems:
            raise at.AdminTableError(problems)
        changes = at.calendar_changes(admin.calendar(conn, year), checked.items)
        current = admin.work_periods(conn)
        if periods is not None and periods != current:
            changes.append(at.Change("change", tr("working hours"), current, periods))
        entries = checked.items
        new_periods = periods if periods is not None and periods != current else None
        # the calendar and the working hours in one store transaction
        return checked.warnings, changes, lambda c: admin.save_calendar(c, year, entries, work_periods=new_periods)


class ImportTerritoriesAlgorithm(AdminAlgorithm):
    _id = "importterritories"
    columns = at.TERRITORY_COLUMNS
    required = ("department", "street")

    def displayName(self) -> str:  # noqa: N802
        return tr("Import territories")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Territories (属地范围) from a CSV file (GBK or UTF-8) with the columns 部门 (department code or name), "
            "街道 (3-digit street code or name) and 社区 (optional: a community of that street); English headers "
            "department, street, community also work. A case routed 属地 goes to the department whose territory holds "
            "its community, else its street. One department per area: two rows giving one area to two departments are "
            "refused (both rows named); an area the store already gives to another department is refused in merge mode "
            "— run it in replace mode, where the file becomes the whole territory table. "
            "Every problem is reported at once and nothing is changed. Dry run lists the changes only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Territories CSV"))
        self.add_mode_parameter()
        self.add_outputs()

    def plan(self, parameters, context, conn):
        ref = reference(conn)
        replace = self.replace(parameters, context)
        current = admin.territories(conn)
        checked = at.territories(self.sheet(parameters, context), ref, current, replace)
        areas, _rows = checked.items
        changes = at.territory_changes(current, areas, replace, ref)
        return checked.warnings, changes, lambda c: admin.save_territories(c, areas, replace=replace)


class ImportSourcesAlgorithm(AdminAlgorithm):
    _id = "importsources"
    columns = at.SOURCE_COLUMNS
    required = ("name",)

    def displayName(self) -> str:  # noqa: N802
        return tr("Import case sources")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Case sources (问题来源) from a CSV file (GBK or UTF-8) with the columns 名称, 英文名称, 可信 (是/否: a "
            "trusted source's cases need no verification on site), 需登记举报人 (是/否: a report needs the "
            "reporter's name and phone), 上报角色 (the only role that may report under it, short or Chinese name; "
            "empty: any role), 启用 (是/否) and optionally 顺序 (the order in lists). A source already in the store "
            "is changed, a new one added; an empty cell keeps the store's value (a new source: not trusted, no "
            "reporter needed, active). Sources not in the file stay as they are: cases refer to them, so disable "
            "one with 启用 = 否. Every problem is reported at once and nothing is changed. Dry run lists the "
            "changes only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Sources CSV"))
        self.add_outputs()

    def plan(self, parameters, context, conn):
        current = admin.sources(conn)
        checked = at.sources(self.sheet(parameters, context), reference(conn), current)
        items = checked.items
        return checked.warnings, at.source_changes(current, items), lambda c: admin.save_sources(c, items)


class ImportClassesAlgorithm(AdminAlgorithm):
    _id = "importclasses"
    columns = at.CLASS_COLUMNS
    required = ("kind", "major_code", "minor_code", "name")

    def displayName(self) -> str:  # noqa: N802
        return tr("Import local classes")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Local extension classes (扩展部件/事件) from a CSV file (GBK or UTF-8) with the columns 类型 (事件/部件), "
            "大类代码, 大类名称 (may be empty for a major class the profile has), 小类代码, 名称, 几何类型 (部件: "
            "点/线/面; empty for events) and optionally 启用 (是/否). The codes have the digits of the store's code "
            "profile (2013: 2 + 2, 2026: 2 + 3); a code of a standard class is refused with a free code to use "
            "instead, and class names are unique. A local class already in the store is changed, a new one added. "
            "Every problem is reported at once and nothing is changed. Dry run lists the changes only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Local classes CSV"))
        self.add_outputs()

    def plan(self, parameters, context, conn):
        ref = reference(conn)
        current = [c for c in admin.local_classes(conn) if c["profile"] == ref.profile]
        checked = at.local_classes(self.sheet(parameters, context), ref, current)
        items = checked.items
        return checked.warnings, at.class_changes(current, items), lambda c: admin.save_local_classes(c, items)


class SetWeightsAlgorithm(AdminAlgorithm):
    _id = "setweights"
    WEIGHTS = "WEIGHTS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Set the evaluation weights")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The points of each term of the composite score (考核权重), saved in the store: "
            "handling_rate=30, on_time_handling_rate=20, rework_rate=20, overdue_rate=20, extension_rate=10, or with "
            "the Chinese names 处置率, 按期处置率, 返工率, 超期待处置率, 延期率 (= or ：, separated by commas). A term "
            "not written keeps its default. The evaluation algorithms and the monthly report use the store's "
            "weights when their own weights parameter is left empty. Weights that do not add up to 100 are "
            "saved with a warning (the score is then not out of 100).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, tr("Weights (term=points, …)"),
            defaultValue="handling_rate=30, on_time_handling_rate=20, rework_rate=20, overdue_rate=20, "
                         "extension_rate=10"))
        self.add_outputs()

    def plan(self, parameters, context, conn):
        checked = at.parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context) or "")
        weights = checked.items
        changes = at.weight_changes(admin.weights(conn), weights)
        return checked.warnings, changes, lambda c: admin.save_weights(c, weights)


class SetAuthoritiesAlgorithm(AdminAlgorithm):
    _id = "setauthorities"
    columns = at.AUTHORITY_COLUMNS
    required = ("action", "role")

    def displayName(self) -> str:  # noqa: N802
        return tr("Set the approval authorities")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Who may approve what (审批权限) from a CSV file (GBK or UTF-8) with the columns 事项 (缓办 defer, "
            "解除挂账 release, 批准延期 approve_extension, 驳回延期 refuse_extension, 作废 cancel), 角色 (a case role, "
            "short or Chinese name, e.g. office / 数字城管办, shift_leader / 值班长), 最长延期小时 (批准延期 only: the "
            "longest extension this role may grant; empty: any) and 说明. The file replaces all authorities; the "
            "workflow checks them at every approval. Refused, all rows at once: an unknown action or role, a longest "
            "extension that is not a positive number of hours or given for another action, the same action and role "
            "twice. An action the file leaves to nobody is a warning. Dry run lists the changes only.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_file_parameters(tr("Authorities CSV"))
        self.add_outputs()

    def plan(self, parameters, context, conn):
        checked = at.authorities(self.sheet(parameters, context), reference(conn))
        items = checked.items
        changes = at.authority_changes(admin.authorities(conn), items)
        return checked.warnings, changes, lambda c: admin.save_authorities(c, items)


ALGORITHMS = (ImportRoutingAlgorithm, ImportCalendarAlgorithm, ImportTerritoriesAlgorithm, ImportSourcesAlgorithm,
              ImportClassesAlgorithm, SetWeightsAlgorithm, SetAuthoritiesAlgorithm)
