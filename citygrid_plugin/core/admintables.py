"""The administrator's batch tables (系统管理批量表): routing rules (派遣规则), the working calendar
(工作日历), territories (属地范围), case sources (问题来源), local extension classes (扩展分类),
the evaluation weights (考核权重) and the approval authorities (审批权限), read from the CSV files a
city keeps in Excel and checked before anything reaches the store.

Every check runs over the whole file and reports *every* problem at once, each with the file, the
row as the spreadsheet shows it (the header is row 1; a blank row counts, a cell spanning lines does
not), the column as the file writes it, the value and what to do, so an administrator corrects the
file in one pass. What the store knows (classes of its profile, departments, streets and
communities, roles, the current rows) comes in as plain data (:class:`Reference`), so this module
stays pure Python (no QGIS, no database) and the same checks serve the Processing algorithms and
their tests. The store checks again when it writes (store/admin.py), all or nothing.

Files are UTF-8 or GBK (Excel's “CSV” on a Chinese Windows; see :mod:`core.textio`), with Chinese
headers or their English aliases.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import evaluation as ev
from .classes import CLASS_DIGITS
from .i18n import tr
from .textio import decode, read_table

KIND_WORDS = {"事件": "event", "event": "event", "事项": "event", "部件": "component", "component": "component"}
KIND_ZH = {"event": "事件", "component": "部件"}
GEOMETRY_WORDS = {"点": "point", "point": "point", "线": "line", "line": "line", "面": "polygon",
                  "polygon": "polygon", "多边形": "polygon"}
GEOMETRY_ZH = {"point": "点", "line": "线", "polygon": "面"}
YES = {"是", "y", "yes", "true", "1", "√", "✓", "对", "启用", "可信"}
NO = {"否", "n", "no", "false", "0", "×", "✗", "不", "停用", "不可信"}
# calendar entry types: False = not a working day (holiday), True = a working day (调休 weekend)
DAY_WORDS = {
    "休": False, "假": False, "假日": False, "节假日": False, "放假": False, "休息": False, "休息日": False,
    "holiday": False, "off": False, "rest": False,
    "班": True, "调休": True, "上班": True, "补班": True, "调休上班": True, "工作日": True, "workday": True,
    "work": True, "working": True,
}
# approval authorities (审批权限): action → the Chinese names people write
AUTHORITY_ACTIONS = {
    "defer": ("缓办",), "release": ("解除挂账", "解除缓办"), "approve_extension": ("批准延期", "延期审批"),
    "refuse_extension": ("驳回延期",), "cancel": ("作废",),
    "reopen": ("回访不满意重办", "重办"),
}
AUTHORITY_ZH = {k: v[0] for k, v in AUTHORITY_ACTIONS.items()}
# evaluation score terms by their Chinese names (the evaluation tables' column titles)
WEIGHT_NAMES = {"处置率": "handling_rate", "按期处置率": "on_time_handling_rate", "返工率": "rework_rate",
                "超期待处置率": "overdue_rate", "超期率": "overdue_rate", "延期率": "extension_rate",
                "满意率": "satisfaction_rate"}
MAX_EXTENSION_HOURS = 2160   # the store's bound on case_authority.max_hours (90 days)
SHOWN_CHOICES = 8
MIN_YEAR, MAX_YEAR = 2000, 2100
EXCEL_EPOCH = date(1899, 12, 30)   # Excel's day 0 (its 1900 leap-year bug included)
SOURCE_NAME = re.compile(r"^\S{1,20}$")  # the store's check on case_source.name
GRID_CODE = re.compile(r"^[0-9]{15}$")

# column key → the header spellings accepted (the first is the one messages use when it is missing)
ROUTING_COLUMNS = {
    "kind": ("类型", "案件类型", "kind", "type"),
    "class": ("类别代码", "小类代码", "类别", "小类", "class_code", "class"),
    "street": ("街道", "街道代码", "街道名称", "street", "street_code"),
    "community": ("社区", "社区代码", "社区名称", "community", "community_code"),
    "department": ("部门", "处置部门", "专业部门", "部门代码", "department", "department_code"),
    "note": ("说明", "备注", "note"),          # read and ignored: the administrator's own remarks
}
CALENDAR_COLUMNS = {
    "date": ("日期", "date", "day"),
    "type": ("类型", "type", "kind"),
    "note": ("说明", "备注", "note"),
}
TERRITORY_COLUMNS = {
    "department": ("部门", "属地部门", "部门代码", "department", "department_code"),
    "street": ("街道", "街道代码", "街道名称", "street", "street_code"),
    "community": ("社区", "社区代码", "社区名称", "community", "community_code"),
    "note": ("说明", "备注", "note"),
}
SOURCE_COLUMNS = {
    "name": ("名称", "来源", "来源名称", "name"),
    "name_en": ("英文名称", "英文名", "name_en", "english"),
    "trusted": ("可信", "是否可信", "trusted"),
    "needs_reporter": ("需登记举报人", "需登记反映人", "需登记", "needs_reporter"),
    "reporter_role": ("上报角色", "角色", "reporter_role", "role"),
    "active": ("启用", "是否启用", "active"),
    "ord": ("顺序", "排序", "ord", "order"),
}
CLASS_COLUMNS = {
    "kind": ("类型", "kind", "type"),
    "major_code": ("大类代码", "major_code"),
    "major_name": ("大类名称", "大类", "major_name"),
    "minor_code": ("小类代码", "minor_code"),
    "name": ("名称", "小类名称", "name"),
    "geometry": ("几何类型", "几何", "geometry_type", "geometry"),
    "active": ("启用", "是否启用", "active"),
}
AUTHORITY_COLUMNS = {
    "action": ("事项", "审批事项", "action"),
    "role": ("角色", "role"),
    "max_hours": ("最长延期小时", "最长延期（小时）", "最长延期(小时)", "max_hours"),
    "note": ("说明", "备注", "note"),
}


# -- problems -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, with *warning*, worth knowing) in an input: where (file or parameter,
    spreadsheet row, column as written), the value, and what is wrong and what to do."""

    source: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        if self.row is None and self.column is None:
            return tr("{source}: {what}").format(source=self.source, what=self.message)
        if self.row is None:
            return tr("{source}, column {column}: {what}").format(source=self.source, column=self.column,
                                                                   what=self.message)
        if self.column is None:
            return tr("{source} row {row}: {what}").format(source=self.source, row=self.row, what=self.message)
        if self.value in (None, ""):
            return tr("{source} row {row}, column {column} (empty): {what}").format(
                source=self.source, row=self.row, column=self.column, what=self.message)
        return tr("{source} row {row}, column {column} “{value}”: {what}").format(
            source=self.source, row=self.row, column=self.column, value=self.value, what=self.message)


class AdminTableError(ValueError):
    """An input that cannot be applied: every problem found (:attr:`problems`), one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Checked:
    """What a check found good (*items*, in the store's terms) and the warnings on the way."""

    items: object
    warnings: list[Problem] = field(default_factory=list)


class _Collector:
    """Problems of one input, errors and warnings apart; :meth:`done` raises when there are errors."""

    def __init__(self, source: str, headers: dict[str, str] | None = None, columns: dict | None = None):
        self.source = source
        self.headers = headers or {}
        self.columns = columns or {}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def column(self, key: str | None) -> str | None:
        if key is None:
            return None
        return self.headers.get(key) or (self.columns.get(key) or (key,))[0]

    def error(self, row: int | None, key: str | None, value: str | None, message: str) -> None:
        self.errors.append(Problem(self.source, row, self.column(key), value, message))

    def warn(self, row: int | None, key: str | None, value: str | None, message: str) -> None:
        self.warnings.append(Problem(self.source, row, self.column(key), value, message, warning=True))

    def done(self, items) -> Checked:
        if self.errors:
            raise AdminTableError(self.errors + self.warnings)
        return Checked(items, self.warnings)


# -- reading a sheet ----------------------------------------------------------------------------
@dataclass
class Sheet:
    """A CSV table as the administrator sees it in a spreadsheet: ``rows[i]`` (values by column
    key, trimmed) is on spreadsheet row ``numbers[i]`` (header = row 1); ``headers`` maps a column
    key to the header as the file writes it; blank rows are left out (but counted)."""

    source: str
    rows: list[dict[str, str]]
    numbers: list[int]
    headers: dict[str, str]
    encoding: str
    unknown: list[str] = field(default_factory=list)   # headers that match no column

    def has(self, key: str) -> bool:
        return key in self.headers


def _fold(text: str) -> str:
    """Key for header and word matching: NFKC (full-width → half-width), no spaces, casefolded."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def read_sheet(path: str | Path, columns: dict[str, tuple[str, ...]], required: tuple[str, ...] = (),
               encoding: str = "auto") -> Sheet:
    """Read the CSV *path* (UTF-8 or GBK, see :func:`core.textio.read_table`, which also refuses
    UTF-16, binary files and rows with the wrong number of values) into a :class:`Sheet` whose
    columns are the keys of *columns*. A missing *required* column, or two columns meaning the
    same, raise :class:`AdminTableError`; :class:`core.textio.TextInputError` for unreadable files."""
    path = Path(path)
    table = read_table(path, encoding)          # decoding and shape checks, with their messages
    data = path.read_bytes()
    text, _ = decode(data, "gb18030" if table.encoding == "gbk" else table.encoding, source=path.name)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    lookup = {_fold(alias): key for key, aliases in columns.items() for alias in aliases}
    problems = _Collector(path.name, columns=columns)
    keys: list[str | None] = []
    headers: dict[str, str] = {}
    unknown = []
    for name in header:
        key = lookup.get(_fold(name))
        if key is not None and key in headers:
            problems.error(1, None, None, tr("columns “{first}” and “{second}” both give {key}; keep one of "
                                             "them").format(first=headers[key], second=name.strip(), key=key))
            key = None
        elif key is not None:
            headers[key] = name.strip()
        elif name.strip():
            unknown.append(name.strip())
        keys.append(key)
    for key in required:
        if key not in headers:
            problems.error(None, key, None, tr("the column is missing; the header row has {found}; name the "
                                               "column {names}").format(
                found=", ".join(h.strip() for h in header if h.strip()) or tr("nothing"),
                names=" / ".join(columns[key][:2])))
    rows, numbers = [], []
    for number, values in enumerate(reader, 2):
        if not any(v.strip() for v in values):
            continue
        rows.append({k: v.strip() for k, v in zip(keys, values) if k is not None})
        numbers.append(number)
    if problems.errors:
        raise AdminTableError(problems.errors)
    sheet = Sheet(path.name, rows, numbers, headers, table.encoding, unknown)
    return sheet


def _unknown_columns(sheet: Sheet, out: _Collector) -> None:
    for name in sheet.unknown:
        out.warn(1, None, None, tr("column “{column}” is not used (a misspelt header?); the columns read are "
                                   "{known}").format(column=name, known=", ".join(sheet.headers.values())))


def _not_empty(sheet: Sheet, out: _Collector) -> bool:
    if not sheet.rows:
        out.error(None, None, None, tr("the file holds no rows under its header; nothing to apply"))
        return False
    return True


def _choices(values: Iterable[str]) -> str:
    values = list(values)
    shown = ", ".join(values[:SHOWN_CHOICES])
    return shown + (tr(" … ({n} in all)").format(n=len(values)) if len(values) > SHOWN_CHOICES else "")


def _excel_hint(value: str, width: int) -> str:
    """A hint when *value* looks like a code whose leading zeros Excel dropped."""
    if value.isascii() and value.isdigit() and len(value) < width:
        return tr(" (Excel drops leading zeros: format the column as text and write {code})").format(
            code=value.zfill(width))
    return ""


def parse_yes_no(value: str) -> bool | None:
    """是/否 (yes/no, true/false, 1/0, √/×) as a bool; None when empty; ValueError otherwise."""
    folded = _fold(value)
    if not folded:
        return None
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise ValueError(value)


# -- what the store knows -----------------------------------------------------------------------
@dataclass
class Reference:
    """The store's data the checks need, as plain values (filled by the caller from store/admin.py).

    *classes*: (kind, code) → name of every class of the store's *profile* (standard and local);
    *majors*: (kind, major code) → major class name; *standard*: the (kind, code) of the standard
    classes; *departments*: code → name (active ones); *streets*: 9-digit street code → name;
    *communities*: 12-digit code → name; *roles*: short name → Chinese name (the logins' roles);
    *case_roles*: the roles a source may be limited to; *work_week*: ISO weekdays that are working
    days by default.
    """

    profile: str = "2013"
    classes: dict[tuple[str, str], str] = field(default_factory=dict)
    majors: dict[tuple[str, str], str] = field(default_factory=dict)
    standard: set[tuple[str, str]] = field(default_factory=set)
    departments: dict[str, str] = field(default_factory=dict)
    inactive_departments: set[str] = field(default_factory=set)
    streets: dict[str, str] = field(default_factory=dict)
    communities: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    case_roles: tuple[str, ...] = ()
    work_week: tuple[int, ...] = (1, 2, 3, 4, 5)

    @staticmethod
    def split_areas(areas: Iterable[tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
        """(streets, communities) from store.admin.areas' (code, "街道名 / 社区名") pairs."""
        streets, communities = {}, {}
        for code, label in areas:
            name = (label or "").split(" / ")[-1].strip()
            if len(code) == 9:
                streets[code] = name
            elif len(code) == 12:
                communities[code] = name
        return streets, communities

    def department(self, value: str) -> str | None:
        """The department code of *value* (a code or a name), None when unknown."""
        if value in self.departments or value in self.inactive_departments:
            return value
        folded = _fold(value)
        for code, name in self.departments.items():
            if _fold(name) == folded or code.casefold() == folded:
                return code
        return None

    def department_label(self, code: str | None) -> str:
        if not code:
            return "—"
        name = self.departments.get(code)
        return f"{code} {name}" if name else code

    def area_label(self, code: str | None) -> str:
        if not code:
            return tr("the whole district")
        if len(code) == 12:
            return f"{self.streets.get(code[:9], code[:9])} / {self.communities.get(code, code)}"
        return self.streets.get(code, code)


def _department(ref: Reference, value: str, row: int, key: str, out: _Collector) -> str | None:
    if not value:
        out.error(row, key, value, tr("give the department (its code or name)"))
        return None
    code = ref.department(value)
    if code is None:
        out.error(row, key, value, tr("no such department (code or name); use one of the store's departments "
                                      "({choices}) or add it first (Import departments)").format(
            choices=_choices(sorted(ref.departments))))
        return None
    if code in ref.inactive_departments:
        out.error(row, key, value, tr("the department is not active; choose an active one or activate it "
                                      "first"))
        return None
    return code


def _area(ref: Reference, street: str, community: str, row: int, out: _Collector, street_key: str = "street",
          community_key: str = "community") -> tuple[bool, str | None]:
    """(ok, area code) of a street and community cell: a street alone → 9 digits, both → 12 digits,
    neither → None (the whole district). A street is its 3- or 9-digit code or its name; a community
    its 3-digit code within the street, its 12-digit code or its name within the street."""
    if not street and not community:
        return True, None
    if not street:
        out.error(row, community_key, community, tr("a community needs its street: fill in the street column "
                                                    "of this row"))
        return False, None
    matches = [c for c in ref.streets if street in (c, c[6:]) or _fold(ref.streets[c]) == _fold(street)]
    if len(matches) != 1:
        if len(matches) > 1:
            message = tr("the street code is ambiguous ({codes}); write the 9-digit code").format(
                codes=", ".join(matches))
        else:
            message = tr("no such street; use a 3-digit street code or a street name of the store ({choices})"
                         "{hint}").format(choices=_choices(f"{c[6:]} {n}" for c, n in sorted(ref.streets.items())),
                                          hint=_excel_hint(street, 3))
        out.error(row, street_key, street, message)
        return False, None
    street_code = matches[0]
    if not community:
        return True, street_code
    inside = {c: n for c, n in ref.communities.items() if c.startswith(street_code)}
    found = [c for c in inside if community in (c, c[9:]) or _fold(inside[c]) == _fold(community)]
    if len(found) != 1:
        elsewhere = [c for c, n in ref.communities.items() if _fold(n) == _fold(community) or community == c]
        if elsewhere:
            message = tr("this community is not in street {street} but in {where}; correct the street or the "
                         "community").format(street=ref.area_label(street_code),
                                             where=", ".join(ref.area_label(c[:9]) for c in elsewhere))
        else:
            message = tr("no such community in street {street}; its communities are {choices}{hint}").format(
                street=ref.area_label(street_code),
                choices=_choices(f"{c[9:]} {n}" for c, n in sorted(inside.items())) or tr("none"),
                hint=_excel_hint(community, 3))
        out.error(row, community_key, community, message)
        return False, None
    return True, found[0]


def _class_code(ref: Reference, kind: str, value: str, row: int, key: str, out: _Collector) -> str | None:
    """The class code of *value* (a code, or a class name) among the *kind* classes of the profile."""
    kind_zh = KIND_ZH[kind]
    if not value:
        out.error(row, key, value, tr("give the class code"))
        return None
    if (kind, value) in ref.classes:
        return value
    named = [code for (k, code), name in ref.classes.items() if k == kind and _fold(name) == _fold(value)]
    if len(named) == 1:
        return named[0]
    major, minor = CLASS_DIGITS.get(ref.profile, (2, 2))
    other = "component" if kind == "event" else "event"
    if (other, value) in ref.classes:
        hint = tr("; it is a {other} class ({name}): check the type column").format(
            other=KIND_ZH[other], name=ref.classes[(other, value)])
    else:
        hint = _excel_hint(value, major + minor)
    out.error(row, key, value, tr("no {kind} class with this code in profile {profile} (codes are {digits} "
                                  "digits){hint}; use a class of the store's class table or add it first as "
                                  "a local class (Import local classes)").format(
        kind=kind_zh, profile=ref.profile, digits=major + minor, hint=hint))
    return None


def _kind(value: str, row: int, key: str, out: _Collector) -> str | None:
    kind = KIND_WORDS.get(_fold(value))
    if kind is None:
        out.error(row, key, value, tr("the type is 事件 (event) or 部件 (component)"))
    return kind


# -- routing rules (派遣规则) --------------------------------------------------------------------
@dataclass(frozen=True)
class RoutingRule:
    """A rule 先属地: a case of (kind, class) in the area (a street, a community of it, or the whole
    district when both are None) goes to *department_code*."""

    kind: str
    class_code: str
    street_code: str | None
    community_code: str | None
    department_code: str
    row: int | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        return self.kind, self.class_code, self.street_code, self.community_code

    def as_dict(self) -> dict:
        return {"kind": self.kind, "class_code": self.class_code, "street_code": self.street_code,
                "community_code": self.community_code, "department_code": self.department_code}


def routing_rules(sheet: Sheet, ref: Reference) -> Checked:
    """The rules of a routing sheet (columns 类型, 类别代码, 街道, 社区, 部门); items: [RoutingRule].
    Refused: an unknown type, class (of the store's profile), street, community or department, a
    community without its street, and two rows for the same class and area with different
    departments (both rows named). The same rule twice is a warning."""
    out = _Collector(sheet.source, sheet.headers, ROUTING_COLUMNS)
    _unknown_columns(sheet, out)
    rules: list[RoutingRule] = []
    if not _not_empty(sheet, out):
        return out.done(rules)
    seen: dict[tuple, RoutingRule] = {}
    for row, number in zip(sheet.rows, sheet.numbers):
        kind = _kind(row.get("kind", ""), number, "kind", out)
        code = _class_code(ref, kind, row.get("class", ""), number, "class", out) if kind else None
        ok, area = _area(ref, row.get("street", ""), row.get("community", ""), number, out)
        department = _department(ref, row.get("department", ""), number, "department", out)
        if not (kind and code and ok and department):
            continue
        rule = RoutingRule(kind, code, area[6:9] if area else None, area[9:12] if area and len(area) == 12 else None,
                           department, number)
        before = seen.get(rule.key)
        if before is None:
            seen[rule.key] = rule
            rules.append(rule)
        elif before.department_code != department:
            out.error(number, "department", row.get("department", ""), tr(
                "row {other} routes the same class ({kind} {code}) in the same area ({area}) to {first}, this row "
                "to {second}: one department per class and area; delete one of the two rows").format(
                other=before.row, kind=KIND_ZH[kind], code=code, area=ref.area_label(area),
                first=ref.department_label(before.department_code), second=ref.department_label(department)))
        else:
            out.warn(number, None, None, tr("the same rule as row {other}; the row is read once").format(
                other=before.row))
    return out.done(rules)


# -- changes (what an import would do) ----------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One change an import makes: ``add``, ``change`` or ``remove`` of *subject*."""

    action: str
    subject: str
    old: str | None = None
    new: str | None = None

    def __str__(self) -> str:
        if self.action == "add":
            return tr("add {subject}: {new}").format(subject=self.subject, new=self.new)
        if self.action == "remove":
            return tr("remove {subject} ({old})").format(subject=self.subject, old=self.old)
        return tr("change {subject}: {old} → {new}").format(subject=self.subject, old=self.old, new=self.new)


def _diff(old: dict, new: dict, replace: bool, subject, label) -> list[Change]:
    """Changes from *old* to *new* (both key → value); without *replace* nothing is removed."""
    changes = []
    for key, value in new.items():
        if key not in old:
            changes.append(Change("add", subject(key), None, label(value)))
        elif old[key] != value:
            changes.append(Change("change", subject(key), label(old[key]), label(value)))
    if replace:
        changes += [Change("remove", subject(key), label(value), None) for key, value in old.items()
                    if key not in new]
    return changes


def routing_changes(current: list[dict], rules: list[RoutingRule], replace: bool, ref: Reference) -> list[Change]:
    """What saving *rules* over the store's *current* rules (store.admin.rules) changes."""
    def key(r: dict) -> tuple:
        return (r.get("kind") or "event", r["class_code"], r.get("street_code"), r.get("community_code"))

    def subject(k: tuple) -> str:
        kind, code, street, community = k
        name = ref.classes.get((kind, code), "")
        area = None
        if street:
            area = next((c for c in ref.streets if c[6:] == street), street)
            if community:
                area = area + community
        return tr("rule {kind} {code} {name} in {area}").format(kind=KIND_ZH.get(kind, kind), code=code, name=name,
                                                                   area=ref.area_label(area)).replace("  ", " ")

    old = {key(r): r["department_code"] for r in current}
    new = {r.key: r.department_code for r in rules}
    return _diff(old, new, replace, subject, ref.department_label)


# -- working calendar (工作日历) -----------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WEEKDAYS_ZH = "一二三四五六日"


def parse_date(value: str) -> date:
    """A calendar date as people and Excel write it: 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日,
    20261001, Excel's day number (46296) or any of these followed by a time (Excel's “2026/10/1 0:00”).
    ValueError otherwise."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    m = _DATE.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    raise ValueError(value)


def weekday_zh(day: date) -> str:
    return "周" + _WEEKDAYS_ZH[day.weekday()]


def calendar_entries(sheet: Sheet, year: int, work_week: Iterable[int] = (1, 2, 3, 4, 5)) -> Checked:
    """The entries of a calendar sheet for *year* (columns 日期, 类型, 说明); items: sorted
    [(date, is_workday, note)]. Refused: an unreadable date, a date outside *year*, a date listed
    twice (both rows named), an unknown type. Warned, and kept: a working day (班) that is a working
    day of the week anyway, a holiday (休) that falls on a day off anyway — the State Council's notice
    lists whole holiday periods, weekends included, so such rows are expected and harmless; kept,
    they still say the right thing if the work week changes."""
    out = _Collector(sheet.source, sheet.headers, CALENDAR_COLUMNS)
    _unknown_columns(sheet, out)
    entries: list[tuple[date, bool, str | None]] = []
    if not MIN_YEAR <= year <= MAX_YEAR:
        out.error(None, None, None, tr("the year {year} is not between {low} and {high}").format(
            year=year, low=MIN_YEAR, high=MAX_YEAR))
        return out.done(entries)
    if not _not_empty(sheet, out):
        return out.done(entries)
    week = set(work_week)
    seen: dict[date, int] = {}
    for row, number in zip(sheet.rows, sheet.numbers):
        raw = row.get("date", "")
        try:
            day = parse_date(raw)
        except ValueError:
            out.error(number, "date", raw, tr("not a date; write it as {year}-10-01, {year}/10/1 or "
                                              "{year}年10月1日").format(year=year) if raw else
                      tr("give the date"))
            day = None
        if day is not None and day.year != year:
            out.error(number, "date", raw, tr("the date is not in {year}, the year being imported; correct it or "
                                              "import it with the calendar of {other}").format(
                year=year, other=day.year))
            day = None
        kind_raw = row.get("type", "")
        workday = DAY_WORDS.get(_fold(kind_raw))
        if workday is None:
            out.error(number, "type", kind_raw, tr("the type is 休 / 假日 / holiday (not a working day) or 班 / 调休 / "
                                                   "上班 / workday (a working day)"))
        if day is None or workday is None:
            continue
        if day in seen:
            out.error(number, "date", raw, tr("{day} is already listed in row {other}; keep one of the two rows")
                      .format(day=day.isoformat(), other=seen[day]))
            continue
        seen[day] = number
        in_week = day.isoweekday() in week
        if workday and in_week:
            out.warn(number, "type", kind_raw, tr("{day} ({weekday}) is a working day of the week anyway; the "
                                                  "row changes nothing today").format(
                day=day.isoformat(), weekday=weekday_zh(day)))
        elif not workday and not in_week:
            out.warn(number, "type", kind_raw, tr("{day} ({weekday}) is a day off of the week anyway; the row "
                                                  "changes nothing today").format(
                day=day.isoformat(), weekday=weekday_zh(day)))
        entries.append((day, workday, row.get("note") or None))
    return out.done(sorted(entries))


def calendar_changes(current: list[tuple[date, bool, str | None]], entries: list[tuple[date, bool, str | None]]
                     ) -> list[Change]:
    """What replacing a year's *current* entries (store.admin.calendar) by *entries* changes."""
    def label(v: tuple[bool, str | None]) -> str:
        return (tr("working day") if v[0] else tr("day off")) + (f" ({v[1]})" if v[1] else "")

    def subject(day: date) -> str:
        return f"{day.isoformat()} {weekday_zh(day)}"

    return _diff({d: (w, n) for d, w, n in current}, {d: (w, n) for d, w, n in entries}, True, subject, label)


def parse_work_periods(text: str, source: str = "WORK_PERIODS") -> str:
    """The working hours of a working day, “08:30-12:00,13:30-17:30”, checked (times HH:MM, each
    period ending after it starts, in the order of the day, not overlapping) and written canonically.
    Raises :class:`AdminTableError`."""
    out = _Collector(source)
    raw = unicodedata.normalize("NFKC", text or "").strip()
    periods = []
    if not raw:
        out.error(None, None, None, tr("give the working hours, e.g. 08:30-12:00,13:30-17:30"))
    for part in filter(None, (p.strip() for p in re.split(r"[,;、]", raw))):
        m = re.fullmatch(r"(\d{1,2}):(\d{2})\s*[-~–—至]\s*(\d{1,2}):(\d{2})", part)
        if not m:
            out.error(None, None, None, tr("“{part}” is not a period; write start-end as HH:MM-HH:MM, periods "
                                           "separated by commas (08:30-12:00,13:30-17:30)").format(part=part))
            continue
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            out.error(None, None, None, tr("“{part}” holds a time that does not exist (hours 00–24, minutes "
                                           "00–59)").format(part=part))
            continue
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end <= start:
            out.error(None, None, None, tr("“{part}” ends before it starts; write the earlier time first")
                      .format(part=part))
            continue
        if periods and start < periods[-1][1]:
            before = periods[-1]
            what = (tr("“{part}” overlaps the period before it ({before}); periods must not overlap")
                    if start >= before[0] else
                    tr("“{part}” comes before the period written ahead of it ({before}); write the periods in "
                       "the order of the day"))
            out.error(None, None, None, what.format(part=part, before=_period(before)))
            continue
        periods.append((start, end))
    out.done(periods)
    return ",".join(_period(p) for p in periods)


def _period(p: tuple[int, int]) -> str:
    return f"{p[0] // 60:02d}:{p[0] % 60:02d}-{p[1] // 60:02d}:{p[1] % 60:02d}"


# -- territories (属地范围) ----------------------------------------------------------------------
def territories(sheet: Sheet, ref: Reference, current: dict[str, str], replace: bool) -> Checked:
    """Area code → department of a territory sheet (columns 部门, 街道, 社区); items: dict with the
    row of each area in ``rows`` of the result (``Checked.items`` is (areas, rows)). One department
    per area: two rows giving one area to two departments are refused (both rows named); an area the
    store gives to another department (*current*, store.admin.territories) is refused unless
    *replace* (the file then becomes the store's whole territory table)."""
    out = _Collector(sheet.source, sheet.headers, TERRITORY_COLUMNS)
    _unknown_columns(sheet, out)
    areas: dict[str, str] = {}
    rows: dict[str, int] = {}
    if not _not_empty(sheet, out):
        return out.done((areas, rows))
    for row, number in zip(sheet.rows, sheet.numbers):
        department = _department(ref, row.get("department", ""), number, "department", out)
        street = row.get("street", "")
        if not street and not row.get("community"):
            out.error(number, "street", street, tr("give the street (and the community for a community's "
                                                   "territory)"))
            continue
        ok, area = _area(ref, street, row.get("community", ""), number, out)
        if not (ok and area and department):
            continue
        if area in areas:
            if areas[area] != department:
                out.error(number, "department", row.get("department", ""), tr(
                    "row {other} gives {area} to {first}, this row to {second}: one department per area; delete "
                    "one of the two rows").format(other=rows[area], area=ref.area_label(area),
                                                 first=ref.department_label(areas[area]),
                                                 second=ref.department_label(department)))
            else:
                out.warn(number, None, None, tr("the same area and department as row {other}; the row is read "
                                                "once").format(other=rows[area]))
            continue
        held = current.get(area)
        if held and held != department and not replace:
            out.error(number, "department", row.get("department", ""), tr(
                "{area} belongs to {holder} in the store; to move it run the import with MODE “replace” (the "
                "file becomes the whole territory table), or delete the row").format(
                area=ref.area_label(area), holder=ref.department_label(held)))
            continue
        areas[area] = department
        rows[area] = number
    return out.done((areas, rows))


def territory_changes(current: dict[str, str], areas: dict[str, str], replace: bool, ref: Reference) -> list[Change]:
    return _diff(current, areas, replace, lambda a: tr("territory {area}").format(area=ref.area_label(a)),
                 ref.department_label)


# -- case sources (问题来源) ---------------------------------------------------------------------
SOURCE_FIELDS = ("name_en", "ord", "trusted", "needs_reporter", "reporter_role", "active")
# the store's own role: the source 市级转办 (migration 019), reported from the city's hand-overs only
SYSTEM_ROLE = "system"


def _role(ref_roles: dict[str, str], allowed: Iterable[str], value: str) -> str | None:
    """The role short name of *value* (short name, citygrid_<short name> or Chinese name)."""
    folded = _fold(value).removeprefix("citygrid_")
    for role in allowed:
        if folded == role.casefold() or folded == _fold(ref_roles.get(role, "")):
            return role
    return None


def sources(sheet: Sheet, ref: Reference, current: list[dict]) -> Checked:
    """The case sources of a sources sheet (columns 名称, 英文名称, 可信, 需登记举报人, 上报角色, 启用,
    optional 顺序); items: [dict] in the keys of store.admin.save_source. A cell left empty keeps the
    store's value of an existing source (a new one: not trusted, no reporter needed, active, after the
    others) — except 上报角色, whose empty cell means any role may report under the source. Sources
    missing from the file stay as they are (cases refer to them: disable one with 启用 = 否)."""
    out = _Collector(sheet.source, sheet.headers, SOURCE_COLUMNS)
    _unknown_columns(sheet, out)
    items: list[dict] = []
    if not _not_empty(sheet, out):
        return out.done(items)
    known = {s["name"]: s for s in current}
    next_ord = max((s.get("ord") or 0 for s in current), default=0) + 1
    seen: dict[str, int] = {}
    case_roles = ref.case_roles or tuple(ref.roles)
    for row, number in zip(sheet.rows, sheet.numbers):
        name = unicodedata.normalize("NFC", row.get("name", ""))
        if not SOURCE_NAME.match(name):
            out.error(number, "name", name, tr("a source name is 1 to 20 characters without spaces") if name else
                      tr("give the source's name"))
            continue
        if name in seen:
            out.error(number, "name", name, tr("the source is already in row {other}; keep one of the two rows")
                      .format(other=seen[name]))
            continue
        seen[name] = number
        before = known.get(name, {})
        item = {"name": name}
        item["name_en"] = row.get("name_en") or before.get("name_en")
        if not item["name_en"]:
            out.error(number, "name_en", "", tr("a new source needs its English name (shown in the English "
                                                "interface)"))
        for key, default in (("trusted", False), ("needs_reporter", False), ("active", True)):
            raw = row.get(key, "")
            try:
                value = parse_yes_no(raw)
            except ValueError:
                out.error(number, key, raw, tr("write 是 or 否 (yes or no)"))
                value = None
            item[key] = value if value is not None else before.get(key, default)
        raw = row.get("ord", "")
        if raw:
            try:
                item["ord"] = int(raw)
            except ValueError:
                out.error(number, "ord", raw, tr("the order is a whole number (smaller first)"))
        else:
            item["ord"] = before.get("ord") if before else None
            if item["ord"] is None:
                item["ord"], next_ord = next_ord, next_ord + 1
        raw = row.get("reporter_role", "") if sheet.has("reporter_role") else ""
        if before.get("reporter_role") == SYSTEM_ROLE:   # the store's own source (市级转办): kept as it is
            if raw and _role(ref.roles, (SYSTEM_ROLE,), raw) is None:
                out.error(number, "reporter_role", raw, tr("only the store itself reports under {name} (the "
                                                           "city's hand-overs); leave its role as it is").format(
                    name=name))
            item["reporter_role"] = SYSTEM_ROLE
        elif raw:
            item["reporter_role"] = _role(ref.roles, case_roles, raw)
            if item["reporter_role"] is None:
                out.error(number, "reporter_role", raw, tr("not a role that reports cases; use one of {choices} "
                                                           "(short or Chinese name), or leave it empty for any "
                                                           "role").format(
                    choices=_choices(f"{r} {ref.roles.get(r, '')}".strip() for r in case_roles)))
        elif sheet.has("reporter_role"):
            item["reporter_role"] = None
        else:
            item["reporter_role"] = before.get("reporter_role")
        items.append(item)
    return out.done(items)


def source_changes(current: list[dict], items: list[dict]) -> list[Change]:
    def label(v: dict) -> str:
        def yn(b):
            return tr("yes") if b else tr("no")
        return tr("{name_en}; trusted {trusted}; reporter needed {needs}; role {role}; active {active}").format(
            name_en=v.get("name_en"), trusted=yn(v.get("trusted")), needs=yn(v.get("needs_reporter")),
            role=v.get("reporter_role") or tr("any"), active=yn(v.get("active")))

    old = {s["name"]: {k: s.get(k) for k in SOURCE_FIELDS} for s in current}
    new = {s["name"]: {k: s.get(k) for k in SOURCE_FIELDS} for s in items}
    return _diff(old, new, False, lambda n: tr("source {name}").format(name=n), label)


# -- local extension classes (扩展部件/事件) ------------------------------------------------------
def local_classes(sheet: Sheet, ref: Reference, current: list[dict]) -> Checked:
    """The local classes of a class sheet (columns 类型, 大类代码, 大类名称, 小类代码, 名称, 几何类型, optional
    启用); items: [dict] in the keys of store.admin.save_local_class. Codes have the digits of the
    store's profile (2013: 2 + 2); a code of a standard class is refused (with a free code of the same
    major class to use instead); names are unique per kind; a component needs its geometry type
    (点/线/面), an event has none. An existing local class with the same code is updated."""
    out = _Collector(sheet.source, sheet.headers, CLASS_COLUMNS)
    _unknown_columns(sheet, out)
    items: list[dict] = []
    if not _not_empty(sheet, out):
        return out.done(items)
    major_digits, minor_digits = CLASS_DIGITS.get(ref.profile, (2, 2))
    local = {(c["kind"], c["code"]): c for c in current if c.get("profile", ref.profile) == ref.profile}
    majors: dict[tuple[str, str], str] = {}
    for c in current:
        if c.get("major_name"):
            majors.setdefault((c["kind"], c["major_code"]), c["major_name"])
    names = {(k, _fold(n)): code for (k, code), n in ref.classes.items()}
    standard_majors = {(k, c[:major_digits]) for k, c in ref.standard}
    seen_codes: dict[tuple[str, str], int] = {}
    seen_names: dict[tuple[str, str], int] = {}
    file_majors: dict[tuple[str, str], tuple[str, int]] = {}
    for row, number in zip(sheet.rows, sheet.numbers):
        kind = _kind(row.get("kind", ""), number, "kind", out)
        major, minor = row.get("major_code", ""), row.get("minor_code", "")
        good = kind is not None
        for key, value, width, what in (("major_code", major, major_digits, tr("major class code")),
                                        ("minor_code", minor, minor_digits, tr("minor class code"))):
            if not (value.isascii() and value.isdigit() and len(value) == width):
                out.error(number, key, value, tr("the {what} has {width} digits in profile {profile}{hint}").format(
                    what=what, width=width, profile=ref.profile, hint=_excel_hint(value, width)))
                good = False
        name = row.get("name", "")
        if not name:
            out.error(number, "name", name, tr("give the class's name"))
            good = False
        geometry_raw = row.get("geometry", "")
        geometry = GEOMETRY_WORDS.get(_fold(geometry_raw))
        if kind == "component" and geometry is None:
            out.error(number, "geometry", geometry_raw, tr("a component class is drawn as 点, 线 or 面 (point, "
                                                           "line, polygon)"))
            good = False
        elif kind == "event" and geometry_raw:
            out.error(number, "geometry", geometry_raw, tr("an event class has no geometry type; leave the cell "
                                                           "empty"))
            good = False
        raw_active = row.get("active", "")
        try:
            active = parse_yes_no(raw_active)
        except ValueError:
            out.error(number, "active", raw_active, tr("write 是 or 否 (yes or no)"))
            good = False
            active = None
        if not good:
            continue
        code = major + minor
        if (kind, code) in ref.standard:
            free = next((major + str(m).zfill(minor_digits) for m in range(10 ** minor_digits - 1, 0, -1)
                         if (kind, major + str(m).zfill(minor_digits)) not in ref.classes
                         and (kind, major + str(m).zfill(minor_digits)) not in seen_codes), None)
            out.error(number, "minor_code", minor, tr(
                "{kind} class {code} is a standard class ({name}) and cannot be redefined; give the local class a "
                "free code{free}").format(kind=KIND_ZH[kind], code=code, name=ref.classes.get((kind, code), ""),
                                          free=tr(", e.g. {code}").format(code=free) if free else ""))
            continue
        if (kind, code) in seen_codes:
            out.error(number, "minor_code", minor, tr("{kind} class {code} is already in row {other}; keep one of "
                                                      "the two rows").format(kind=KIND_ZH[kind], code=code,
                                                                             other=seen_codes[(kind, code)]))
            continue
        seen_codes[(kind, code)] = number
        holder = names.get((kind, _fold(name)))
        if holder is not None and holder != code:
            out.error(number, "name", name, tr("the {kind} class {other} already has this name; class names are "
                                               "unique, choose another").format(kind=KIND_ZH[kind], other=holder))
            continue
        if (kind, _fold(name)) in seen_names:
            out.error(number, "name", name, tr("the name is already used in row {other}; class names are unique")
                      .format(other=seen_names[(kind, _fold(name))]))
            continue
        seen_names[(kind, _fold(name))] = number
        major_name = row.get("major_name", "")
        known_major = ref.majors.get((kind, major)) or majors.get((kind, major))
        if (kind, major) in file_majors and major_name and _fold(file_majors[(kind, major)][0]) != _fold(major_name):
            first, other = file_majors[(kind, major)]
            out.error(number, "major_name", major_name, tr("row {other} names major class {major} “{first}”; one "
                                                           "name per major class").format(
                other=other, major=major, first=first))
            continue
        if known_major and major_name and _fold(known_major) != _fold(major_name):
            if (kind, major) in standard_majors:
                out.error(number, "major_name", major_name, tr("major class {major} is “{name}” in the standard; "
                                                               "write that name or leave the cell empty").format(
                    major=major, name=known_major))
                continue
            out.warn(number, "major_name", major_name, tr("major class {major} is “{name}” in the store; the other "
                                                          "local classes of it keep that name").format(
                major=major, name=known_major))
        major_name = major_name or (file_majors.get((kind, major)) or ("",))[0] or known_major or ""
        if not major_name:
            out.error(number, "major_name", "", tr("{major} is a new major class: give its name").format(
                major=major))
            continue
        file_majors.setdefault((kind, major), (major_name, number))
        before = local.get((kind, code), {})
        items.append({"kind": kind, "profile": ref.profile, "code": code, "major_code": major,
                      "major_name": major_name, "minor_code": minor, "name": name,
                      "geometry_type": geometry if kind == "component" else None,
                      "active": active if active is not None else before.get("active", True)})
    return out.done(items)


def class_changes(current: list[dict], items: list[dict]) -> list[Change]:
    def label(c: dict) -> str:
        geometry = GEOMETRY_ZH.get(c.get("geometry_type") or "", "")
        state = "" if c.get("active", True) else tr(" (inactive)")
        return f"{c['major_code']} {c['major_name']} / {c['name']}" + (f" {geometry}" if geometry else "") + state

    keys = ("major_code", "major_name", "name", "geometry_type", "active")
    old = {(c["kind"], c["code"]): {k: c.get(k) for k in keys} for c in current}
    new = {(c["kind"], c["code"]): {k: c.get(k) for k in keys} for c in items}
    return _diff(old, new, False, lambda k: tr("local {kind} class {code}").format(kind=KIND_ZH[k[0]], code=k[1]),
                 label)


# -- evaluation weights (考核权重) ---------------------------------------------------------------
def parse_weights(text: str, source: str = "WEIGHTS") -> Checked:
    """Score weights written “handling_rate=30, on_time_handling_rate=20, …” or with the Chinese term
    names (处置率=30，按期处置率=20，返工率=20，超期待处置率=20，延期率=10; = or ：); a term not written
    keeps its default weight (as the evaluation's WEIGHTS parameter does). items: {term: weight}.
    Weights that do not add up to 100 are a warning (the score is then not out of 100)."""
    out = _Collector(source)
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        out.error(None, None, None, tr("give the weights, e.g. handling_rate=30, on_time_handling_rate=20"))
        return out.done({})
    parts = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;、]", raw))):
        name, sep, value = part.replace(":", "=").partition("=")
        name = name.strip()
        name = WEIGHT_NAMES.get(name, name)
        if sep and name not in ev.SCORE_TERMS:
            out.error(None, None, None, tr("“{term}” is not a score term; the terms are {terms} (or {names})")
                      .format(term=name, terms=", ".join(ev.SCORE_TERMS), names="、".join(WEIGHT_NAMES)))
            continue
        parts.append(f"{name}{sep}{value}")
    if out.errors:
        return out.done({})
    try:
        weights = ev.parse_weights(",".join(parts))
    except ev.EvaluationError as exc:
        out.error(None, None, None, str(exc))
        return out.done({})
    total = sum(weights.values())
    if abs(total - 100) > 1e-9:
        out.warn(None, None, None, tr("the weights add up to {total:g}, not 100: the composite score is then "
                                      "not out of 100").format(total=total))
    return out.done(weights)


def weight_changes(current: dict[str, float], weights: dict[str, float]) -> list[Change]:
    return _diff(current, weights, True, lambda t: tr("weight of {term}").format(term=t), lambda w: f"{w:g}")


# -- approval authorities (审批权限) -------------------------------------------------------------
def authorities(sheet: Sheet, ref: Reference) -> Checked:
    """Who may approve what (columns 事项, 角色, 最长延期小时, 说明); items: [dict] (action, role,
    max_hours, note) for store.admin.save_authorities, which replaces them all. 最长延期小时 is for
    批准延期 (approve_extension) only (empty: any length). Refused: an unknown action or role, a
    maximum that is not a positive number of hours or is given for another action, the same action
    and role twice. An action left to nobody is a warning (nobody could then do it)."""
    out = _Collector(sheet.source, sheet.headers, AUTHORITY_COLUMNS)
    _unknown_columns(sheet, out)
    items: list[dict] = []
    if not _not_empty(sheet, out):
        return out.done(items)
    words = {_fold(w): a for a, names in AUTHORITY_ACTIONS.items() for w in (a, *names)}
    seen: dict[tuple[str, str], int] = {}
    for row, number in zip(sheet.rows, sheet.numbers):
        raw_action = row.get("action", "")
        action = words.get(_fold(raw_action))
        if action is None:
            out.error(number, "action", raw_action, tr("the action is one of {choices}").format(
                choices=", ".join(f"{names[0]} ({a})" for a, names in AUTHORITY_ACTIONS.items())))
        raw_role = row.get("role", "")
        role = _role(ref.roles, ref.roles, raw_role) if raw_role else None
        if role is None:
            out.error(number, "role", raw_role, tr("not a role; use one of {choices} (short or Chinese name)").format(
                choices=_choices(f"{r} {n}" for r, n in ref.roles.items())) if raw_role else tr("give the role"))
        raw_max = row.get("max_hours", "")
        max_hours = None
        if raw_max:
            try:
                max_hours = float(raw_max)
                if not 0 < max_hours <= MAX_EXTENSION_HOURS:
                    raise ValueError(raw_max)
            except ValueError:
                out.error(number, "max_hours", raw_max, tr("the longest extension is a number of hours above 0 and "
                                                           "at most {most}; leave it empty for any length").format(
                    most=MAX_EXTENSION_HOURS))
                max_hours = None
                action = None
            else:
                if action is not None and action != "approve_extension":
                    out.error(number, "max_hours", raw_max, tr("a longest extension belongs to 批准延期 "
                                                               "(approve_extension) only; leave the cell empty"))
                    action = None
        if action is None or role is None:
            continue
        if (action, role) in seen:
            out.error(number, "role", raw_role, tr("row {other} already gives {action} to this role; keep one "
                                                   "of the two rows").format(
                other=seen[(action, role)], action=AUTHORITY_ZH[action]))
            continue
        seen[(action, role)] = number
        items.append({"action": action, "role": role, "max_hours": max_hours, "note": row.get("note") or None})
    if not out.errors:
        for action in AUTHORITY_ACTIONS:
            if not any(i["action"] == action for i in items):
                out.warn(None, None, None, tr("no role may {action} ({key}) after this import: nobody could do it")
                         .format(action=AUTHORITY_ZH[action], key=action))
    return out.done(items)


def authority_changes(current: list[dict], items: list[dict]) -> list[Change]:
    def label(v) -> str:
        max_hours, note = v
        text = tr("up to {hours:g} h").format(hours=max_hours) if max_hours else tr("allowed")
        return text + (f" ({note})" if note else "")

    old = {(a["action"], a["role"]): (a.get("max_hours"), a.get("note")) for a in current}
    new = {(a["action"], a["role"]): (a.get("max_hours"), a.get("note")) for a in items}
    return _diff(old, new, True, lambda k: tr("{action} by {role}").format(action=AUTHORITY_ZH.get(k[0], k[0]),
                                                                           role=k[1]), label)


# -- supervisors' grids ---------------------------------------------------------------------------
def parse_grid_codes(text: str, source: str = "GRIDS") -> list[str]:
    """Unit grid codes (15 digits) separated by commas, semicolons or spaces; every bad one named."""
    out = _Collector(source)
    codes = []
    for code in filter(None, re.split(r"[\s,;，；、]+", unicodedata.normalize("NFKC", text or ""))):
        if not GRID_CODE.match(code):
            out.error(None, None, None, tr("“{code}” is not a unit grid code (15 digits)").format(code=code))
        elif code not in codes:
            codes.append(code)
    out.done(codes)
    return codes
