"""Reading the audit for the evaluation (综合评价) and the centres' monthly reports.

:func:`load_cases` fetches, for a period, every case that can count in it — the cases with an
action in the period (before the cut-off) and the cases still open when the period began — with
their whole audit trail up to the cut-off, in one query, ready for
:func:`citygrid_plugin.core.evaluation.facts_for`. The verdicts come from the audit rows
(migration 008), never from the cases' current state.

:func:`monthly_counts` gives the report-time counts by class for the year-on-year and
month-on-month comparison (a report time never changes, so the case table is the source).

At the city platform (store/platform.py) every function reads the districts' record instead
(citygrid_feed, kept by replication): the cases of every district, the districts named and ranked
(grouping ``district``), each department keyed ``<district code>/<department code>`` and each
login ``<district code>/<login>``, since two districts may use the same codes and logins. A case's
key there is ``district code × 10¹² + its id in the district``.

Every function ends its read transaction before returning.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from ..core import reports
from ..core.casefilter import CST
from ..core.evaluation import Action, Case, facts_for, figures, paused_gc, period_cutoff
from ..core.periods import month_range
from ..core.workcalendar import WorkCalendar
from .db import reading
from .workcalendar import load_calendar

# The cases that can count in the period: reported before the cut-off and either acted on since
# the period began or still open. A case's updated_at is the time of its last action, and closed
# and cancelled are final states, so this one scan of the cases finds every case with an action
# in the period and every case open when it began (the facts themselves come from the audit).
#
# Speed (bench/evaluation.py, BENCHMARKS.md): both queries stream as COPY text and are parsed
# here while the server still sends, so the server works on one core and this process on the
# other; no row waits for psycopg2 to build a tuple of typed values (five timestamptz each). The
# audit comes in (case, id) order from the case_action_case index, so each case's actions arrive
# together; an action's small fields travel as one text (action, states, actor, role,
# on_time, department, close_category, satisfaction, reached; \x1f between them, \x1e for NULL),
# of which a period has a few hundred distinct ones, each turned into values once; its time as
# epoch seconds (float8, printed exactly: extra_float_digits); its deadlines as the JSON text the
# store wrote, each distinct text parsed once (a case's next action repeats its deadlines).
_CASES_SQL = """
COPY (SELECT c.id, c.case_no, c.kind, c.class_code, c.source, c.grid_code, date_part('epoch', c.reported_at)
        FROM citygrid.work_case c
       WHERE c.reported_at < %(as_of)s AND (c.updated_at >= %(start)s OR c.state NOT IN ('closed', 'cancelled'))
             {area}) TO STDOUT
"""
_ACTIONS_SQL = r"""
COPY (SELECT a.case_id,
             a.action || E'\x1f' || coalesce(a.from_state, E'\x1e') || E'\x1f' || a.to_state || E'\x1f' || a.actor
             || E'\x1f' || a.role || E'\x1f' || coalesce((a.data ->> 'on_time')::boolean::text, E'\x1e') || E'\x1f'
             || coalesce(a.data ->> 'department', E'\x1e') || E'\x1f' || coalesce(a.data ->> 'close_category', E'\x1e')
             || E'\x1f' || coalesce(a.data ->> 'satisfaction', E'\x1e') || E'\x1f'
             || coalesce((a.data ->> 'reached')::boolean::text, E'\x1e'),
             date_part('epoch', a.at), a.data ->> 'handle_deadline', a.data ->> 'stage_deadline', a.data ->> 'due',
             a.data ->> 'revisit_due'
        FROM citygrid.case_action a
       WHERE a.case_id = ANY(%(ids)s::bigint[]) AND a.at < %(as_of)s
       ORDER BY a.case_id, a.id) TO STDOUT
"""
# the audit typed by the server, for the rare store whose text fields hold the separators above
_TYPED_SQL = """
SELECT a.case_id, a.action, a.from_state, a.to_state, a.actor, a.role, a.at,
       (a.data ->> 'on_time')::boolean, a.data ->> 'department', (a.data ->> 'handle_deadline')::timestamptz,
       (a.data ->> 'stage_deadline')::timestamptz, (a.data ->> 'due')::timestamptz, a.data ->> 'close_category',
       a.data ->> 'satisfaction', (a.data ->> 'reached')::boolean, (a.data ->> 'revisit_due')::timestamptz
  FROM citygrid.case_action a
 WHERE a.case_id = ANY(%(ids)s) AND a.at < %(as_of)s
 ORDER BY a.case_id, a.id
"""
# the same at the city platform: every district's cases and audit (citygrid_feed), keyed as above
_CITY_KEY = 1_000_000_000_000
_CITY_CASES_SQL = """
COPY (SELECT c.district_code::bigint * 1000000000000 + c.id, c.case_no, c.kind, c.class_code, c.source, c.grid_code,
             date_part('epoch', c.reported_at)
        FROM citygrid_feed.work_case c
       WHERE c.reported_at < %(as_of)s AND (c.updated_at >= %(start)s OR c.state NOT IN ('closed', 'cancelled'))
             {area}) TO STDOUT
"""
_CITY_ACTIONS_SQL = r"""
COPY (SELECT a.district_code::bigint * 1000000000000 + a.case_id,
             a.action || E'\x1f' || coalesce(a.from_state, E'\x1e') || E'\x1f' || a.to_state || E'\x1f'
             || a.district_code || '/' || a.actor
             || E'\x1f' || a.role || E'\x1f' || coalesce((a.data ->> 'on_time')::boolean::text, E'\x1e') || E'\x1f'
             || coalesce(a.district_code || '/' || (a.data ->> 'department'), E'\x1e') || E'\x1f'
             || coalesce(a.data ->> 'close_category', E'\x1e')
             || E'\x1f' || coalesce(a.data ->> 'satisfaction', E'\x1e') || E'\x1f'
             || coalesce((a.data ->> 'reached')::boolean::text, E'\x1e'),
             date_part('epoch', a.at), a.data ->> 'handle_deadline', a.data ->> 'stage_deadline', a.data ->> 'due',
             a.data ->> 'revisit_due'
        FROM citygrid_feed.work_case c
        JOIN citygrid_feed.case_action a ON a.district_code = c.district_code AND a.case_id = c.id
       WHERE c.reported_at < %(as_of)s AND (c.updated_at >= %(start)s OR c.state NOT IN ('closed', 'cancelled'))
             {area} AND a.at < %(as_of)s
       ORDER BY a.district_code, a.case_id, a.id) TO STDOUT
"""
_CITY_TYPED_SQL = """
SELECT a.district_code::bigint * 1000000000000 + a.case_id, a.action, a.from_state, a.to_state,
       a.district_code || '/' || a.actor, a.role, a.at, (a.data ->> 'on_time')::boolean,
       a.district_code || '/' || (a.data ->> 'department'), (a.data ->> 'handle_deadline')::timestamptz,
       (a.data ->> 'stage_deadline')::timestamptz, (a.data ->> 'due')::timestamptz, a.data ->> 'close_category',
       a.data ->> 'satisfaction', (a.data ->> 'reached')::boolean, (a.data ->> 'revisit_due')::timestamptz
  FROM citygrid_feed.case_action a
 WHERE (a.district_code::bigint, a.case_id) IN (SELECT k / 1000000000000, k % 1000000000000
                                                  FROM unnest(%(ids)s::bigint[]) k)
   AND a.at < %(as_of)s
 ORDER BY a.district_code, a.case_id, a.id
"""
# for the read's transaction: float8 printed exactly; the audit by case from its index even for a
# large share of the cases (the pages are in memory: random reads cost little more than sequential
# ones, and the rows then need no sort); no JIT (its compile time is all it would change here)
_READ_SETTINGS = ("SET LOCAL extra_float_digits = 3", "SET LOCAL random_page_cost = 1.1", "SET LOCAL jit = off")
_COPY_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.DOTALL)
_COPY_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_NULL_TIMES = {"\\N": None, "\\N\n": None}
_TIMES_KEPT = 100_000    # deadlines remembered while reading (a case's next action repeats its own)
_FLAGS = {"true": True, "false": False}


def _unescape(text: str) -> str:
    """A COPY text field as the value it stands for (backslash escapes resolved)."""
    if "\\" not in text:
        return text

    def one(m: re.Match) -> str:
        if m.group(1):
            return chr(int(m.group(1), 8))
        if m.group(2):
            return chr(int(m.group(2), 16))
        return _COPY_CHARS.get(m.group(3), m.group(3))

    return _COPY_ESCAPE.sub(one, text)


class _Kinds(dict):
    """The texts of an action's small fields (see _ACTIONS_SQL) → the tuple of their ten values,
    made once for each distinct text."""

    ambiguous = False

    def __missing__(self, key: str) -> tuple:
        parts = [None if v == "\x1e" else v for v in _unescape(key).split("\x1f")]
        if len(parts) != 10:     # a value held a separator (or was NULL): read the typed way
            self.ambiguous = True
            parts = [None] * 10
        for k in (5, 9):
            parts[k] = _FLAGS.get(parts[k], parts[k])
        value = self[key] = tuple(parts)
        return value


class _Pending:
    """A deadline this module does not parse itself: the server's cast decides (after the COPY)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class _Times(dict):
    """The audit's JSON deadlines (as ``to_jsonb(timestamptz)`` writes them) → aware datetimes in
    Asia/Shanghai. Anything but that ISO form is left to the server's own cast, as before."""

    def __init__(self):
        super().__init__(_NULL_TIMES)
        self.pending: dict[str, _Pending] = {}

    def __missing__(self, key: str):
        text = key[:-1] if key[-1] == "\n" else key
        if "\\" in text:
            text = _unescape(text)
        value = None
        if 19 <= len(text) <= 32 and text[10] == "T" and text[-6] in "+-" and text[-3] == ":":
            try:
                value = datetime.fromisoformat(text).astimezone(CST)
            except ValueError:
                value = None
        if value is None:
            value = self.pending.setdefault(text, _Pending(text))
        if len(self) >= _TIMES_KEPT:
            self.clear()
            self.update(_NULL_TIMES)
        self[key] = value
        return value


class _Sink(io.TextIOBase):
    """A COPY … TO STDOUT target: psycopg2 calls ``write`` with each row (text, newline kept)."""

    def __init__(self, write):
        super().__init__()
        self.write = write


def _audit_reader(groups: dict[str, list], kinds: _Kinds, times: _Times):
    """The function psycopg2 hands each audit row to: files it as an :class:`Action` under its
    case in *groups* (rows come by case, then id)."""
    current, actions = None, None
    new, action_type, fromts = tuple.__new__, Action, datetime.fromtimestamp

    def write(line: str) -> None:
        nonlocal current, actions
        f = line.split("\t")
        if f[0] != current:
            current = f[0]
            actions = groups[current] = []
        k = kinds[f[1]]
        actions.append(new(action_type, (k[0], k[1], k[2], k[3], k[4], fromts(float(f[2]), CST), k[5], k[6],
                                         times[f[3]], times[f[4]], times[f[5]], k[7], k[8], k[9], times[f[6]])))

    return write


def _case_reader(rows: dict[str, tuple]):
    """The function psycopg2 hands each case row to: rows[id text] = (case_no, kind, class_code,
    source, grid_code, reported_at)."""
    codes: dict[str, str] = {}
    fromts = datetime.fromtimestamp

    def write(line: str) -> None:
        f = line[:-1].split("\t")
        if "\\" in line:    # no field is NULL: a backslash is an escape
            f = [_unescape(v) for v in f]
        rows[f[0]] = (f[1], codes.setdefault(f[2], f[2]), codes.setdefault(f[3], f[3]), codes.setdefault(f[4], f[4]),
                      codes.setdefault(f[5], f[5]), fromts(float(f[6]), CST))

    return write


def is_city(conn) -> bool:
    """Is this store the city platform (its evaluation reads every district's record)?"""
    with reading(conn) as cur:
        cur.execute("SELECT to_regclass('citygrid.platform') IS NOT NULL "
                    "AND EXISTS (SELECT 1 FROM citygrid.platform WHERE kind = 'city')")
        return bool(cur.fetchone()[0])


def load_cases(conn, start: datetime, as_of: datetime, area: str = "", city: bool | None = None) -> list[Case]:
    """The cases that can count in a period starting at *start* with cut-off *as_of*, with their
    audit up to the cut-off (*city*: every district's, at the city platform; None: as the store
    is); *area* restricts to a street/community/grid code prefix (9/12/15).
    Two queries (the cases, then their audit by case id), so each case's fixed attributes
    travel once, not once per action. Times come in Asia/Shanghai (core.casefilter.CST)."""
    if city is None:
        city = is_city(conn)
    params = {"start": start, "as_of": as_of}
    area_sql = ""
    if area:
        area_sql = "AND left(c.grid_code, %(n)s) = %(area)s"
        params.update(n=len(area), area=area)
    rows: dict[str, tuple] = {}
    groups: dict[str, list] = {}
    kinds, times = _Kinds(), _Times()
    with paused_gc(), reading(conn) as cur:
        for setting in _READ_SETTINGS:
            cur.execute(setting)
        cases_sql = _CITY_CASES_SQL if city else _CASES_SQL
        cur.copy_expert(cur.mogrify(cases_sql.format(area=area_sql), params), _Sink(_case_reader(rows)))
        ids = "{" + ",".join(rows) + "}"
        if city:    # the audit of the same cases, joined in the server (no list of keys sent)
            actions_sql = cur.mogrify(_CITY_ACTIONS_SQL.format(area=area_sql), params)
        else:
            actions_sql = cur.mogrify(_ACTIONS_SQL, {"ids": ids, "as_of": as_of})
        cur.copy_expert(actions_sql, _Sink(_audit_reader(groups, kinds, times)))
        if kinds.ambiguous:
            groups.clear()
            cur.execute(_CITY_TYPED_SQL if city else _TYPED_SQL, {"ids": [int(k) for k in rows], "as_of": as_of})
            for row in cur.fetchall():
                groups.setdefault(str(row[0]), []).append(Action(*(_local(v) for v in row[1:])))
        pending = times.pending
        if pending:
            cur.execute("SELECT t, t::timestamptz FROM unnest(%s::text[]) t", (list(pending),))
            resolved = {t: _local(v) for t, v in cur.fetchall()}
        # by case id: the audit came in that order
        out = [Case(int(key), *rows[key], actions) for key, actions in groups.items()]
        if pending:
            for case in out:
                if any(isinstance(v, _Pending) for a in case.actions for v in a):
                    case.actions[:] = [Action(*(resolved[v.text] if isinstance(v, _Pending) else v for v in a))
                                       for a in case.actions]
    return out


def _local(value):
    """A datetime from psycopg2 in Asia/Shanghai like every other time load_cases gives; any other value as is."""
    return value.astimezone(CST) if isinstance(value, datetime) else value


def monthly_counts(conn, start: datetime, end: datetime, area: str = "", city: bool | None = None
                   ) -> dict[tuple[str, str], int]:
    """Cases reported in [start, end) by (kind, class code) (*city*: of every district)."""
    table = "citygrid_feed.work_case" if (is_city(conn) if city is None else city) else "citygrid.work_case"
    where, params = "reported_at >= %s AND reported_at < %s", [start, end]
    if area:
        where += " AND left(grid_code, %s) = %s"
        params += [len(area), area]
    with reading(conn) as cur:
        cur.execute(f"SELECT kind, class_code, count(*) FROM {table} WHERE {where} GROUP BY 1, 2",  # nosec B608
                    params)  # table: one of two constants
        return {(k, c): n for k, c, n in cur.fetchall()}


def names(conn, city: bool | None = None) -> dict[str, dict[str, str]]:
    """Display names: departments, streets (9 digits), communities (12), staff logins, classes
    (keyed 'event:0102' / 'component:0101' in the districts' profile). At the city (*city*; None:
    as the store is): the districts by code, each district's departments and logins under
    ``<district>/``, its streets and communities from the feed, the classes of every profile."""
    if city is None:
        city = is_city(conn)
    out: dict[str, dict[str, str]] = {"department": {}, "street": {}, "community": {}, "person": {}, "class": {},
                                      "major": {}, "district": {}}
    # the code profiles whose class names count: the districts' (at the city: every profile)
    profiles = ("(SELECT profile FROM citygrid.code_profile)" if city
                else "(SELECT DISTINCT profile FROM citygrid.district)")
    with reading(conn) as cur:
        if city:
            cur.execute("SELECT code, name FROM citygrid.platform_district")
            out["district"] = dict(cur.fetchall())
            cur.execute("""SELECT f.district_code || '/' || f.code, COALESCE(d.name || ' ', '') || f.name
                             FROM citygrid_feed.department f
                             LEFT JOIN citygrid.platform_district d ON d.code = f.district_code""")
            out["department"] = dict(cur.fetchall())
            cur.execute("SELECT code, name FROM citygrid_feed.division WHERE level = 'street'")
            out["street"] = dict(cur.fetchall())
            cur.execute("SELECT code, name FROM citygrid_feed.division WHERE level = 'community'")
            out["community"] = dict(cur.fetchall())
        else:
            cur.execute("SELECT code, name FROM citygrid.district")
            out["district"] = dict(cur.fetchall())
            cur.execute("SELECT code, name FROM citygrid.department")
            out["department"] = dict(cur.fetchall())
            cur.execute("SELECT district_code || code, name FROM citygrid.street")
            out["street"] = dict(cur.fetchall())
            cur.execute("SELECT district_code || street_code || code, name FROM citygrid.community")
            out["community"] = dict(cur.fetchall())
            cur.execute("SELECT to_regclass('citygrid.staff') IS NOT NULL")
            if cur.fetchone()[0]:
                cur.execute("SELECT login, name FROM citygrid.staff")
                out["person"] = dict(cur.fetchall())
        # profiles: one of two constant subqueries above
        cur.execute(f"""SELECT 'event:' || e.code, e.name FROM citygrid.event_class e
                         WHERE e.profile IN {profiles}
                        UNION ALL
                        SELECT 'component:' || k.code, k.name FROM citygrid.component_class k
                         WHERE k.profile IN {profiles}""")  # nosec B608
        out["class"] = dict(cur.fetchall())
        # major classes (大类), keyed 'event:01' / 'component:01': one name per major in a profile
        cur.execute(f"""SELECT DISTINCT ON (1) 'event:' || e.major_code, e.major_name FROM citygrid.event_class e
                         WHERE e.profile IN {profiles}
                         ORDER BY 1, e.origin DESC, e.code""")  # nosec B608
        out["major"] = dict(cur.fetchall())
        cur.execute(f"""SELECT DISTINCT ON (1) 'component:' || k.major_code, k.major_name
                          FROM citygrid.component_class k
                         WHERE k.profile IN {profiles}
                         ORDER BY 1, k.origin DESC, k.code""")  # nosec B608
        out["major"].update(cur.fetchall())
    return out


@dataclass
class PeriodEvaluation:
    """A period's case facts with everything needed to name them (see :func:`evaluate_period`)."""

    start: datetime
    end: datetime
    as_of: datetime
    area: str
    facts: list
    names: dict[str, dict[str, str]]

    def figures(self, grouping: str) -> dict:
        return figures(self.facts, grouping)

    def group_name(self, grouping: str, key: str) -> str:
        kind = {"department": "department", "street": "street", "community": "community",
                "district": "district"}.get(grouping, "person")
        if grouping == "grid":
            return key
        return self.names.get(kind, {}).get(key, key)


def evaluate_period(conn, start: datetime, end: datetime, area: str = "", now: datetime | None = None
                    ) -> PeriodEvaluation:
    """Load and evaluate the period [start, end) (cut-off: the end, or now if earlier)."""
    as_of = period_cutoff(start, end, now or datetime.now(start.tzinfo))
    cases = load_cases(conn, start, as_of, area)
    return PeriodEvaluation(start, end, as_of, area, facts_for(cases, start, end, as_of), names(conn))


def report_tables(conn, evaluation: PeriodEvaluation, weights: dict[str, float] | None = None,
                  top: int = 10) -> list:
    """The eight reports of :mod:`citygrid_plugin.core.reports` for *evaluation*: the six monthly
    ones, then 问题分类 (problem_classification) and 处置平均时长 (handling_time, on the working
    calendar read once for the days its cases span). The comparisons take the period of the same
    kind just before and a year before (a month, a quarter, a year; any other span: the same
    length just before, and the same dates a year before)."""
    period = month_range(evaluation.start, evaluation.end)
    before, year_ago = period.previous(), period.year_before()
    year_before = monthly_counts(conn, year_ago.start, year_ago.end, evaluation.area)
    period_before = monthly_counts(conn, before.start, before.end, evaluation.area)
    classes = evaluation.names["class"]
    departments = evaluation.names["department"]
    handled = reports.handlings(evaluation.facts, evaluation.start, evaluation.end, evaluation.as_of)
    if handled:
        calendar = load_calendar(conn, min(h.dispatched for h in handled), max(h.fed_back for h in handled))
    else:
        calendar = WorkCalendar()   # nothing to measure: no read
    return [reports.most_frequent(evaluation.facts, classes, top), reports.by_source(evaluation.facts),
            reports.by_state(evaluation.facts), reports.by_department(evaluation.facts, departments),
            reports.department_performance(evaluation.facts, departments, weights),
            reports.class_comparison(evaluation.facts, year_before, period_before, classes),
            reports.problem_classification(evaluation.facts, classes, evaluation.names.get("major", {})),
            reports.handling_time(evaluation.facts, calendar, evaluation.start, evaluation.end, evaluation.as_of,
                                  departments, classes)]
