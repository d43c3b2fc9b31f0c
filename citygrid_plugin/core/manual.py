"""The command manual (指挥手册): the city's rules per event and component class, as data.

For every class of a code profile the manual fixes 管理要点 (what is managed), the 监管单位
(supervising unit), the 专业部门 (the department that handles it by default), the 处置标准
(handling standard), the 立案标准 and 结案标准 (when a case is registered and when it is closed),
the topology of a component class, and the time limits of every stage of the workflow. A limit
may depend on the situation (情形, a *variant* the shift leader picks when registering: "5吨以下" /
"5吨以上" for 暴露垃圾), and an urgent case (紧急) runs on its own, shorter limits. Limits without
a class are the defaults of their kind.

This module is the manual's model (pure Python, no QGIS, no database): limits as a person writes
them ("4 工作时", "90 分钟", "15 工作日"), the manual as JSON (the form the store's
``citygrid.manual_apply`` takes), and the differences between two manuals (what an import would
change). The store keeps every version (store/manual.py); a case keeps the version it was reported
under, so a change of the manual never moves a running case's deadlines.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .i18n import tr

STAGES = ("accept", "verify", "register", "dispatch", "handle", "check", "close", "revisit")
UNITS = ("hours", "work_hours", "work_days")
KINDS = ("event", "component")
TOPOLOGIES = ("point", "line", "polygon")
TERRITORIAL = "属地"        # supervisor/department: the department whose territory holds the case
URGENT_VARIANT = "紧急"     # the reserved 情形 of a sheet row that holds the urgent limits
MAX_HOURS = 8760            # a limit is at most a year (the store's bound)

STAGE_ZH = {"accept": "受理", "verify": "核实", "register": "立案", "dispatch": "派遣", "handle": "处置",
            "check": "核查", "close": "结案",
            "revisit": "回访"}
UNIT_ZH = {"hours": "小时", "work_hours": "工作时", "work_days": "工作日"}
KIND_ZH = {"event": "事件", "component": "部件"}
TOPOLOGY_ZH = {"point": "点", "line": "线", "polygon": "面"}
TEXT_FIELDS = ("points", "supervisor", "department", "handling", "register", "close", "topology")
TEXT_LIMIT = 4000

# what a person writes for a unit (lower-cased, spaces removed)
_UNIT_WORDS = {
    "工作时": "work_hours", "工作小时": "work_hours", "工作日": "work_days", "工作天": "work_days",
    "小时": "hours", "h": "hours", "hours": "hours", "hour": "hours", "时": "hours",
    "wh": "work_hours", "workhours": "work_hours", "work_hours": "work_hours",
    "wd": "work_days", "workdays": "work_days", "work_days": "work_days",
    "分钟": "minutes", "分": "minutes", "min": "minutes", "minutes": "minutes",
    "天": "days", "日": "days", "d": "days", "days": "days",
}
_LIMIT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([^\s0-9.].*?)\s*$")
_NEGATIVE = re.compile(r"^\s*[-−－]\s*[0-9]")


class ManualError(ValueError):
    """A manual, a limit or a row that cannot be used; the message says what and how to fix it."""


@dataclass(frozen=True)
class Limit:
    """A time limit: *amount* in *unit* (hours, work_hours, work_days)."""
    amount: float
    unit: str

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ManualError(tr("unknown time unit '{unit}': use 小时, 工作时 or 工作日").format(unit=self.unit))
        if not isinstance(self.amount, int | float) or math.isnan(self.amount) or self.amount <= 0:
            raise ManualError(tr("a time limit must be a positive number, got {amount}").format(amount=self.amount))
        hours = self.amount * (24 if self.unit == "work_days" else 1)
        if hours > MAX_HOURS:
            raise ManualError(tr("a time limit of {limit} is more than a year; check the number and its unit").format(
                limit=f"{self.amount:g} {UNIT_ZH[self.unit]}"))

    def text(self) -> str:
        """As the manual prints it: "4 工作时", "90 分钟", "15 工作日", "24 小时"."""
        if self.unit == "hours" and self.amount < 1 or (self.unit == "hours" and self.amount * 60 % 60
                                                         and (self.amount * 60).is_integer()):
            return f"{self.amount * 60:g} 分钟"
        return f"{self.amount:g} {UNIT_ZH[self.unit]}"

    def as_json(self) -> dict:
        return {"amount": self.amount, "unit": self.unit}


def parse_limit(text) -> Limit:
    """A limit as a person writes it: "4工作时", "4 工作小时", "90分钟", "24小时", "15工作日", "1.5 h",
    "2天" (clock days = 48 小时). A bare number is refused (which unit?)."""
    if isinstance(text, Limit):
        return text
    raw = str(text if text is not None else "").strip()
    m = _LIMIT.match(raw.replace("．", ".").replace("，", ","))
    if not m and _NEGATIVE.match(raw):      # "-3小时": a number and a unit, but not a positive one
        raise ManualError(tr("a time limit must be a positive number, got {amount}").format(amount=raw))
    if not m:
        raise ManualError(tr("'{text}' is not a time limit: write a number and a unit, e.g. 4工作时, 90分钟, "
                             "24小时, 15工作日").format(text=raw))
    amount = float(m.group(1))
    word = re.sub(r"\s+", "", m.group(2)).lower()
    unit = _UNIT_WORDS.get(word)
    if unit is None:
        raise ManualError(tr("'{text}': unknown time unit '{unit}'; use 小时, 分钟, 工作时 or 工作日").format(
            text=raw, unit=m.group(2)))
    if unit == "minutes":
        amount, unit = amount / 60.0, "hours"
    elif unit == "days":
        amount, unit = amount * 24.0, "hours"
    return Limit(round(amount, 6), unit)


@dataclass(frozen=True)
class Variant:
    """A situation (情形) of a class with its own limits for some stages."""
    name: str
    limits: dict = field(default_factory=dict)   # stage -> Limit
    note: str | None = None


@dataclass(frozen=True)
class ClassEntry:
    """The manual's page of one class."""
    kind: str
    code: str
    name: str | None = None            # the class's name (informational: the class table names it)
    major_name: str | None = None
    points: str | None = None          # 管理要点
    supervisor: str | None = None      # 监管单位: a department code or 属地
    department: str | None = None      # 专业部门: a department code or 属地
    handling: str | None = None        # 处置标准
    register: str | None = None        # 立案标准
    close: str | None = None           # 结案标准
    topology: str | None = None        # point, line, polygon (components)
    limits: dict = field(default_factory=dict)     # stage -> Limit (normal)
    urgent: dict = field(default_factory=dict)     # stage -> Limit (紧急)
    variants: tuple = ()                           # Variant, …

    def variant(self, name: str) -> Variant | None:
        return next((v for v in self.variants if v.name == name), None)


@dataclass
class Manual:
    """A whole manual of one code profile."""
    profile: str
    version: int | None = None
    defaults: dict = field(default_factory=dict)          # kind -> stage -> Limit
    urgent_defaults: dict = field(default_factory=dict)   # kind -> stage -> Limit
    classes: dict = field(default_factory=dict)           # (kind, code) -> ClassEntry

    def entry(self, kind: str, code: str) -> ClassEntry | None:
        return self.classes.get((kind, code))

    def limits_for(self, kind: str, code: str, variant: str = "", urgent: bool = False) -> dict:
        """stage -> Limit in force for a case of this class, situation and urgency (the store's
        citygrid.case_deadline rule: variant, else the class, else the default; an urgent case takes
        the urgent limit when it is shorter — compared here by hours, as the store compares deadlines
        only approximately for the display)."""
        e = self.entry(kind, code)
        out = dict(self.defaults.get(kind, {}))
        if e:
            out.update(e.limits)
            v = e.variant(variant) if variant else None
            if v:
                out.update(v.limits)
        if urgent:
            fast = dict(self.urgent_defaults.get(kind, {}))
            if e:
                fast.update(e.urgent)
            for stage, lim in fast.items():
                if stage not in out or _hours(lim) < _hours(out[stage]):
                    out[stage] = lim
        return {s: out[s] for s in STAGES if s in out}

    # -- JSON (the store's citygrid.manual_apply) ---------------------------------------------
    def to_json(self) -> dict:
        def limits(d: dict) -> dict:
            return {s: d[s].as_json() for s in STAGES if s in d}
        return {
            "profile": self.profile,
            "defaults": {k: limits(v) for k, v in sorted(self.defaults.items())},
            "urgent_defaults": {k: limits(v) for k, v in sorted(self.urgent_defaults.items())},
            "classes": [{
                "kind": e.kind, "code": e.code,
                **{f: getattr(e, f) for f in TEXT_FIELDS},
                "limits": limits(e.limits), "urgent": limits(e.urgent),
                "variants": [{"name": v.name, "note": v.note, "limits": limits(v.limits)} for v in e.variants],
            } for _, e in sorted(self.classes.items())],
        }

    @classmethod
    def from_json(cls, d: dict, version: int | None = None) -> Manual:
        def limits(x) -> dict:
            return {s: Limit(float(v["amount"]), v["unit"]) for s, v in (x or {}).items()}
        classes = {}
        for c in d.get("classes", []):
            e = ClassEntry(kind=c["kind"], code=c["code"], name=c.get("name"), major_name=c.get("major_name"),
                           **{f: c.get(f) for f in TEXT_FIELDS},
                           limits=limits(c.get("limits")), urgent=limits(c.get("urgent")),
                           variants=tuple(Variant(v["name"], limits(v.get("limits")), v.get("note"))
                                          for v in c.get("variants") or ()))
            classes[(e.kind, e.code)] = e
        return cls(profile=d["profile"], version=version if version is not None else d.get("version"),
                   defaults={k: limits(v) for k, v in (d.get("defaults") or {}).items()},
                   urgent_defaults={k: limits(v) for k, v in (d.get("urgent_defaults") or {}).items()},
                   classes=classes)

    def with_entry(self, entry: ClassEntry) -> Manual:
        """A copy with *entry* put in (a new class or a changed one)."""
        classes = dict(self.classes)
        classes[(entry.kind, entry.code)] = entry
        return replace(self, classes=classes)


def _hours(lim: Limit) -> float:
    """A rough length for comparing two limits of different units (a working day ≈ 8 working
    hours ≈ 24 clock hours); the store compares real deadlines."""
    return lim.amount * {"hours": 1.0, "work_hours": 3.0, "work_days": 24.0}[lim.unit]


@dataclass(frozen=True)
class Change:
    """One difference between two manuals, as the import shows it before applying."""
    kind: str
    code: str | None          # None: the defaults
    what: str                 # a field (points, department, …), "limit <stage>", "urgent <stage>",
                              # "variant <name> <stage>", "variant <name> note", "variant <name>" and
                              # "class" (a situation or a class's page added or removed)
    old: str | None
    new: str | None

    def describe(self, class_names: Mapping | None = None, department_names: Mapping | None = None) -> str:
        """One line, as :func:`change_parts` words it: "事件 0102 暴露垃圾 · 处置时限 · 4 工作时 → 24 小时"."""
        where, what, old, new = change_parts(self, class_names, department_names)
        return f"{where} · {what} · {old} → {new}"


def field_label(name: str) -> str:
    """A field of a class's page as people name it: 管理要点, 监管单位, 专业部门, 处置标准, 立案标准,
    结案标准, 拓扑类型 (the Chinese term in either language)."""
    return {"points": tr("Management points (管理要点)"), "register": tr("Registering standard (立案标准)"),
            "handling": tr("Handling standard (处置标准)"), "close": tr("Closing standard (结案标准)"),
            "supervisor": tr("Supervising unit (监管单位)"), "department": tr("Handling department (专业部门)"),
            "topology": tr("Topology")}.get(name, name)


def department_label(code: str | None, department_names: Mapping | None = None) -> str:
    """A department as the manual's readers know it: "区环境卫生管理所（HW）", 属地, or the code
    alone when its name is not known."""
    if not code:
        return "—"
    name = (department_names or {}).get(code) if code != TERRITORIAL else None
    return f"{name}（{code}）" if name else code


def _what_label(what: str) -> tuple[str, bool]:
    """:attr:`Change.what` as read, and whether it names a whole class's page or situation (added
    or removed): "limit handle" → 处置时限, "urgent handle" → 紧急处置时限, "variant 5吨以上 handle" →
    情形 5吨以上 · 处置时限, "variant 5吨以上" → 情形 5吨以上 (whole), "class" → 分类条目 (whole). A
    situation's name may hold spaces: the stage (or "note") is its last word."""
    if what == "class":
        return tr("class entry (分类条目)"), True
    if what in TEXT_FIELDS:
        return field_label(what), False
    head, _, rest = what.partition(" ")
    if head in ("limit", "urgent") and rest in STAGES:
        stage = STAGE_ZH[rest]
        if head == "limit":
            return tr("{stage} time limit").format(stage=stage), False
        return tr("urgent {stage} time limit").format(stage=stage), False
    if head == "variant" and rest:
        name, _, last = rest.rpartition(" ")
        if name and last in STAGES:
            return tr("situation {name} · {stage} time limit").format(name=name, stage=STAGE_ZH[last]), False
        if name and last == "note":
            return tr("situation {name} · note").format(name=name), False
        return tr("situation {name}").format(name=rest), True
    return what, False


def change_parts(change: Change, class_names: Mapping | None = None,
                 department_names: Mapping | None = None) -> tuple[str, str, str, str]:
    """(where, what, old, new) of *change* as a person reads them in the import's table of
    differences: ("事件 0102 暴露垃圾", "处置时限", "4 工作时", "24 小时"). *class_names*: (kind, code) →
    the class's name; *department_names*: code → name (departments shown as "名称（编码）"). An
    absent value is "—"; a class or situation added reads "— → 新增", one removed "现有 → 删除"."""
    kind = KIND_ZH.get(change.kind, change.kind)
    if change.code:
        name = (class_names or {}).get((change.kind, change.code))
        where = f"{kind} {change.code} {name}" if name else f"{kind} {change.code}"
    else:
        where = tr("{kind} defaults").format(kind=kind)
    what, whole = _what_label(change.what)
    if whole:     # a class's page or a situation as a whole: added or removed
        return (where, what, "—" if change.old is None else tr("existing"),
                tr("added") if change.old is None else tr("removed"))

    def value(v: str | None) -> str:
        if v is None or v == "":
            return "—"
        if change.what in ("supervisor", "department"):
            return department_label(v, department_names)
        if change.what == "topology":
            return TOPOLOGY_ZH.get(v, v)
        return v
    return where, what, value(change.old), value(change.new)


def _limit_changes(kind, code, prefix, old: dict, new: dict) -> list[Change]:
    out = []
    for s in STAGES:
        a, b = old.get(s), new.get(s)
        if a != b:
            out.append(Change(kind, code, f"{prefix} {s}".strip(), a.text() if a else None, b.text() if b else None))
    return out


def diff(old: Manual | None, new: Manual) -> list[Change]:
    """What applying *new* over *old* changes (classes only in *old* are removed when the whole
    manual is replaced). Empty: nothing."""
    old = old or Manual(profile=new.profile)
    out: list[Change] = []
    for kind in KINDS:
        out += _limit_changes(kind, None, "limit", old.defaults.get(kind, {}), new.defaults.get(kind, {}))
        out += _limit_changes(kind, None, "urgent", old.urgent_defaults.get(kind, {}),
                              new.urgent_defaults.get(kind, {}))
    for key in sorted(set(old.classes) | set(new.classes)):
        a, b = old.classes.get(key), new.classes.get(key)
        kind, code = key
        if a is None or b is None:
            out.append(Change(kind, code, "class", None if a is None else code, None if b is None else code))
            if b is None:
                continue
            a = ClassEntry(kind, code)
        for f in TEXT_FIELDS:
            if (getattr(a, f) or None) != (getattr(b, f) or None):
                out.append(Change(kind, code, f, getattr(a, f), getattr(b, f)))
        out += _limit_changes(kind, code, "limit", a.limits, b.limits)
        out += _limit_changes(kind, code, "urgent", a.urgent, b.urgent)
        names = [v.name for v in a.variants] + [v.name for v in b.variants if not a.variant(v.name)]
        for name in names:
            va, vb = a.variant(name), b.variant(name)
            if va is None or vb is None:
                out.append(Change(kind, code, f"variant {name}", None if va is None else name,
                                  None if vb is None else name))
            out += _limit_changes(kind, code, f"variant {name}", va.limits if va else {}, vb.limits if vb else {})
            if va and vb and (va.note or None) != (vb.note or None):
                out.append(Change(kind, code, f"variant {name} note", va.note, vb.note))
    return out


def check(manual: Manual) -> None:
    """The rules every manual keeps whatever its source (the store checks them again): known kinds,
    stages and units, texts within 4,000 characters, a variant with a name and at least one limit,
    no two variants of one name, the reserved name 紧急 not used as a variant, a topology only
    point/line/polygon. Raises :class:`ManualError` naming the class."""
    for (kind, code), e in manual.classes.items():
        where = f"{KIND_ZH.get(kind, kind)} {code}"
        if kind not in KINDS:
            raise ManualError(tr("{where}: unknown kind '{kind}' (事件 or 部件)").format(where=where, kind=kind))
        for f in TEXT_FIELDS:
            v = getattr(e, f)
            if v is not None and len(v) > TEXT_LIMIT:
                raise ManualError(tr("{where}: {field} has {n} characters; at most 4000").format(
                    where=where, field=f, n=len(v)))
        if e.topology is not None and e.topology not in TOPOLOGIES:
            raise ManualError(tr("{where}: topology '{value}' is not 点, 线 or 面").format(
                where=where, value=e.topology))
        seen = set()
        for v in e.variants:
            if not (v.name or "").strip():
                raise ManualError(tr("{where}: a situation (情形) without a name").format(where=where))
            if v.name == URGENT_VARIANT:
                raise ManualError(tr("{where}: 紧急 is the urgent limits' row, not a situation").format(where=where))
            if v.name in seen:
                raise ManualError(tr("{where}: the situation '{name}' is given twice").format(where=where, name=v.name))
            seen.add(v.name)
            if not v.limits:
                raise ManualError(tr("{where}: the situation '{name}' has no time limit; give it at least one (or "
                                     "remove it)").format(where=where, name=v.name))
        for d in [e.limits, e.urgent] + [v.limits for v in e.variants]:
            for s in d:
                if s not in STAGES:
                    raise ManualError(tr("{where}: unknown stage '{stage}'").format(where=where, stage=s))
