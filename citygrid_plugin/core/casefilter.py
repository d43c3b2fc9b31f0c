"""Which cases (案件) an analysis looks at: a time window and filters, validated once and turned
into SQL for the store and a subset string for QGIS layers.

Every analysis of cases (the heatmap dock, the density raster, Gi* hotspots, emerging hotspots,
the evaluation's drill-down) selects its cases through one :class:`CaseFilter`, so the dock's map
and an algorithm run with the same filter count exactly the same cases.

The window is half-open on the report time: ``start <= reported_at < end`` (timezone-aware
datetimes; the store keeps ``timestamptz``). Filters are lists; an empty list means "all":

- ``kinds``: 'event' (事件) and/or 'component' (部件);
- ``classes``: class codes (4 digits in the 2013 profile, 5 in 2026) or major classes (2 digits,
  matching every class that starts with them);
- ``sources``: of :data:`SOURCES`; ``states``: of :data:`STATES`;
- ``area``: one street (3 digits, or 9 = district + street), community (12) or grid (15) code.

Values are checked against these shapes before any SQL is written, so a filter can only ever
hold digits, the fixed vocabularies and dates: the SQL uses bound parameters, and the subset
string (which QGIS sends to PostgreSQL as text) holds only validated literals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .i18n import tr

CST = timezone(timedelta(hours=8))  # Asia/Shanghai (no daylight saving)


def centre_today() -> date:
    """Today as the centres and the store count days (Asia/Shanghai, the store sessions' time
    zone), whatever the machine's own zone: on a UTC machine ``date.today()`` is still yesterday
    from midnight to 08:00 in Shanghai, and a day's responsibility or coverage would be the wrong one."""
    return datetime.now(CST).date()

SOURCES = ("监督员上报", "公众举报", "12319热线", "领导批办", "媒体曝光", "视频监控", "部门上报")
# state → Chinese name, in workflow order (the store's citygrid.case_state holds the same)
STATES = {
    "reported": "待受理", "to_verify": "待核实", "accepted": "待立案", "registered": "待派遣",
    "dispatched": "处置中", "returned": "退回待派遣", "deferred": "挂账", "handled": "待核查",
    "checked": "待结案", "closed": "已结案", "cancelled": "已作废",
}
OPEN_STATES = tuple(s for s in STATES if s not in ("closed", "cancelled"))
KINDS = ("event", "component")
_CLASS = re.compile(r"^\d{2}(\d{2,3})?$")
_AREA = re.compile(r"^(\d{3}|\d{9}|\d{12}|\d{15})$")


class FilterError(ValueError):
    """A filter value that cannot select cases; the message names it and says what is allowed."""


@dataclass(frozen=True)
class CaseFilter:
    start: datetime
    end: datetime
    kinds: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    area: str = ""

    def __post_init__(self) -> None:
        for name in ("kinds", "classes", "sources", "states"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,) if value else ()
            object.__setattr__(self, name, tuple(v.strip() for v in value if v and v.strip()))
        object.__setattr__(self, "area", (self.area or "").strip())
        problems = self.problems()
        if problems:
            raise FilterError("; ".join(problems))

    @classmethod
    def last_days(cls, days: int, now: datetime | None = None, **filters) -> CaseFilter:
        """The *days* days up to *now* (default: the current time), e.g. the dock's 7/30/90 days."""
        if days <= 0:
            raise FilterError(tr("the window must be at least one day, got {days}").format(days=days))
        end = now or datetime.now(CST)
        return cls(end - timedelta(days=days), end, **filters)

    def problems(self) -> list[str]:
        out = []
        for name, value in (("start", self.start), ("end", self.end)):
            if not isinstance(value, datetime) or value.tzinfo is None:
                out.append(tr("the window's {name} must be a date and time with a time zone, got {value!r}").format(
                    name=name, value=value))
        if not out and self.end <= self.start:
            out.append(tr("the window is empty: it ends ({end}) before it starts ({start})").format(
                start=self.start.isoformat(timespec="minutes"), end=self.end.isoformat(timespec="minutes")))
        out += [tr("unknown case kind '{value}'; use event or component").format(value=v)
                for v in self.kinds if v not in KINDS]
        out += [tr("class '{value}' is not a class code (2-digit major class, 4 or 5-digit class)").format(value=v)
                for v in self.classes if not _CLASS.match(v)]
        out += [tr("unknown source '{value}'; sources are {allowed}").format(value=v, allowed="、".join(SOURCES))
                for v in self.sources if v not in SOURCES]
        out += [tr("unknown case state '{value}'; states are {allowed}").format(value=v, allowed=", ".join(STATES))
                for v in self.states if v not in STATES]
        if self.area and not _AREA.match(self.area):
            out.append(tr("area '{value}' is not a street (3 or 9 digits), community (12) or grid (15) code").format(
                value=self.area))
        return out

    # -- SQL ------------------------------------------------------------------------------
    def where(self, alias: str = "c") -> tuple[str, list]:
        """A WHERE condition on ``citygrid.work_case`` (aliased *alias*) and its parameters."""
        if not alias.isidentifier():
            raise FilterError(f"bad table alias {alias!r}")
        a = alias
        sql = [f"{a}.reported_at >= %s", f"{a}.reported_at < %s"]
        args: list = [self.start, self.end]
        if self.kinds:
            sql.append(f"{a}.kind = ANY(%s)")
            args.append(list(self.kinds))
        if self.classes:
            exact = [c for c in self.classes if len(c) > 2]
            majors = [c for c in self.classes if len(c) == 2]
            sql.append(f"({a}.class_code = ANY(%s) OR left({a}.class_code, 2) = ANY(%s))")
            args += [exact, majors]
        if self.sources:
            sql.append(f"{a}.source = ANY(%s)")
            args.append(list(self.sources))
        if self.states:
            sql.append(f"{a}.state = ANY(%s)")
            args.append(list(self.states))
        if self.area:
            column, value = self._area_column(a)
            sql.append(column)
            args += value
        return " AND ".join(sql), args

    def _area_column(self, a: str) -> tuple[str, list]:
        n = len(self.area)
        if n == 3:
            return f"{a}.street_code = %s", [self.area]
        if n == 9:
            return f"({a}.district_code = %s AND {a}.street_code = %s)", [self.area[:6], self.area[6:]]
        return f"left({a}.grid_code, {n}) = %s", [self.area]

    def subset(self, alias: str = "") -> str:
        """The same condition as SQL text with literals only, for a QGIS subset string on a
        PostgreSQL layer of ``citygrid.work_case`` (or, with *alias*, inside a query layer's SQL).
        Safe because every value was validated above (digits, fixed vocabularies, dates)."""
        if alias and not alias.isidentifier():
            raise FilterError(f"bad table alias {alias!r}")
        q = f"{alias}." if alias else ""

        def col(name: str) -> str:
            return f'{q}"{name}"'

        def lit(v: str) -> str:
            return "'" + v.replace("'", "''") + "'"

        def in_list(column: str, values) -> str:
            return f'{col(column)} IN ({", ".join(lit(v) for v in values)})'

        parts = [f"{col('reported_at')} >= {lit(self.start.isoformat())}",
                 f"{col('reported_at')} < {lit(self.end.isoformat())}"]
        if self.kinds:
            parts.append(in_list("kind", self.kinds))
        if self.classes:
            exact = [c for c in self.classes if len(c) > 2]
            majors = [c for c in self.classes if len(c) == 2]
            alts = [in_list("class_code", exact)] if exact else []
            if majors:
                alts.append(f"left({col('class_code')}, 2) IN ({', '.join(lit(m) for m in majors)})")
            parts.append("(" + " OR ".join(alts) + ")")
        if self.sources:
            parts.append(in_list("source", self.sources))
        if self.states:
            parts.append(in_list("state", self.states))
        if self.area:
            n = len(self.area)
            if n == 3:
                parts.append(f"{col('street_code')} = {lit(self.area)}")
            elif n == 9:
                parts.append(f"{col('district_code')} = {lit(self.area[:6])} AND {col('street_code')} = "
                             f"{lit(self.area[6:])}")
            else:
                parts.append(f"left({col('grid_code')}, {n}) = {lit(self.area)}")
        return " AND ".join(parts)

    def describe(self) -> str:
        """One line for titles and logs, e.g. '2026-11-01 – 2026-11-30, 事件, 监督员上报'."""
        bits = [f"{self.start.astimezone(CST):%Y-%m-%d} – {(self.end - timedelta(seconds=1)).astimezone(CST):%Y-%m-%d}"]
        bits += [{"event": "事件", "component": "部件"}[k] for k in self.kinds]
        bits += list(self.classes) + list(self.sources) + [STATES[s] for s in self.states]
        if self.area:
            bits.append(self.area)
        return ", ".join(bits)
