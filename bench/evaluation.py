#!/usr/bin/env python3
"""Benchmark of the evaluation (综合评价): a month's indicators and the monthly PDF, 200,000 cases.

Setup: a fresh database on the private cluster with the sample district (825 unit grids), its
departments and the store roles. The store gets N cases (default 200,000) in two parts:

1. history: N − M cases filled by COPY the way bench/cases.py fills them (bypassing the workflow
   for speed, audit trail built from each state's path), moved back to end before the last
   complete month, which is left to
2. the month: M cases (default about 15,000, i.e. a large district's month) run through the real
   workflow functions by demo staff logins with data_samples/generate_cases.py (``scale``), so
   their audit holds the verdicts the evaluation reads.

Measured (median of runs): ``evaluate_period`` for the month (the audit query, then the facts
in Python), the figures of every department with the composite score, every grouping, the six
report tables; the peer is the naive SQL a report writer would write from the cases' *current*
state (GROUP BY department over the month's cases: handled = state closed/handled/checked) — it
is faster, but it rewrites history whenever a case moves on and cannot say what fell due, when,
or whether it was on time. Then the monthly report PDF (``citygrid:monthlyreport``) if the
plugin has it. Goals: indicators for all departments under 2 s, the PDF under 30 s.

Two years (``--scale two-years``: 1,000,000 cases; or ``--years 2 --cases N``): the cases spread
over the 24 months ending with the last complete month. The last month first runs through the
real workflow (``--month-cases``, as above), then the rest is COPY-filled with audit trails that
look like the workflow's own (:class:`_Trail`: every row's version, department, due, on_time,
stage and handling deadlines, close_category and revisit_due on close, return visits of public
reports with reached/satisfaction and reopening as rework). Measured for the last complete
month, quarter and year (median of ``--runs``): the indicators of all departments (load + facts +
figures + composite), every report table; the peer: pandas on a full export of work_case and
case_action (the export timed on its own), the same headline figures per department, checked
equal to ours; then the annual report PDF (``citygrid:annualreport``). Goals: a month < 2 s, a
quarter < 4 s, a year < 10 s, the annual PDF < 60 s. ``--db NAME`` measures an existing bench
database again (kept by ``--keep-db``) without filling it.

Usage: .venv/bin/python bench/evaluation.py [--cases 200000] [--month-cases 15000] [--quick] [--keep-db]
       .venv/bin/python bench/evaluation.py --scale two-years [--runs 3] [--keep-db] [--db NAME] [--no-pdf]
"""
from __future__ import annotations

import argparse
import gc
import io
import math
import os
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), str(ROOT / "bench"), str(ROOT / "data_samples")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

import cases as cases_bench  # noqa: E402  (bench/cases.py: fill(), INTERNAL_ON)
import census as census_bench  # noqa: E402  (bench/census.py: machine(), setup_store())
import generate_cases  # noqa: E402
import numpy as np  # noqa: E402
from common import server_version, timed  # noqa: E402  (bench/common.py)

from citygrid_plugin.core import evaluation as ev  # noqa: E402
from citygrid_plugin.core.evaluation import shift_months  # noqa: E402
from citygrid_plugin.core.periods import Period, parse_period  # noqa: E402
from citygrid_plugin.store import db  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.evaluation import (  # noqa: E402
    PeriodEvaluation,
    evaluate_period,
    load_cases,
    names,
    report_tables,
)
from citygrid_plugin.store.roles import setup_roles  # noqa: E402

CST = timezone(timedelta(hours=8))
GOAL_INDICATORS_S = 2.0
GOAL_PDF_S = 30.0
PER_DAY = 45.0   # the sample's cases a day at scale 1 (data_samples/generate_cases.py)

NAIVE_SQL = """
SELECT department_code, count(*),
       count(*) FILTER (WHERE state IN ('handled', 'checked', 'closed')),
       count(*) FILTER (WHERE state = 'closed' AND close_category = '正常结案'),
       count(*) FILTER (WHERE rework_count > 0)
  FROM citygrid.work_case
 WHERE reported_at >= %s AND reported_at < %s AND department_code IS NOT NULL
 GROUP BY 1
"""


def shift_history(conn, days: int) -> None:
    """Move every case and audit row *days* back (internal mode, as the owner)."""
    with conn.cursor() as cur:
        cur.execute(cases_bench.INTERNAL_ON)
        cur.execute("ALTER TABLE citygrid.work_case DISABLE TRIGGER USER")
        cur.execute("ALTER TABLE citygrid.case_action DISABLE TRIGGER USER")
        cur.execute(f"""UPDATE citygrid.work_case SET reported_at = reported_at - interval '{days} days',
                            updated_at = updated_at - interval '{days} days',
                            stage_deadline = stage_deadline - interval '{days} days',
                            handle_deadline = handle_deadline - interval '{days} days'""")
        cur.execute(f"UPDATE citygrid.case_action SET at = at - interval '{days} days'")
        cur.execute("ALTER TABLE citygrid.work_case ENABLE TRIGGER USER")
        cur.execute("ALTER TABLE citygrid.case_action ENABLE TRIGGER USER")
        cur.execute("RESET citygrid.internal")
    conn.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--month-cases", type=int, default=15_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="20,000 cases, 2,000 in the month")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--scale", choices=("month", "two-years"), default="month",
                        help="two-years: 1,000,000 cases over 24 months (month, quarter, year and the annual PDF)")
    parser.add_argument("--years", type=int, default=0, help="spread --cases over this many years (two-years mode)")
    parser.add_argument("--db", default="", help="two-years mode: measure this kept bench database, no fill")
    parser.add_argument("--no-pdf", action="store_true", help="two-years mode: leave the annual PDF out")
    args = parser.parse_args()
    if args.scale == "two-years" or args.years or args.db:
        if args.scale == "two-years" and "--cases" not in sys.argv:
            args.cases = 1_000_000
        args.years = args.years or 2
        if "--runs" not in sys.argv:
            args.runs = 3
        return main_years(args)
    if args.quick:
        args.cases, args.month_cases, args.runs = 20_000, 2_000, 3
    print(census_bench.machine())
    cluster = PrivateCluster.default()
    cluster.up()
    t0 = time.perf_counter()
    name, conn, info = census_bench.setup_store(cluster)
    setup_roles(conn)
    dsn = cluster.dsn(name)
    print(f"setup: sample district, {info['grids']} grids, {info['departments']} departments, roles "
          f"({time.perf_counter() - t0:.1f} s)")
    try:
        t0 = time.perf_counter()
        history = args.cases - args.month_cases
        fill = cases_bench.fill(conn, history)
        start, end = ev.month_period("")
        back = (datetime.now(CST) - start).days + 1   # the history ends before the month begins
        shift_history(conn, back)
        print(f"history: {history:,} cases, {fill.get('actions', 0):,} audit rows by COPY, moved {back} days back "
              f"({time.perf_counter() - t0:.1f} s)")
        days = (end - start).days
        t0 = time.perf_counter()
        scale = args.month_cases / (PER_DAY * days)
        month = generate_cases.generate(dsn, year_start=start.date(), days=days, scale=scale, staff=True)
        print(f"the month {start:%Y-%m}: {month['cases']:,} cases, {month['actions']:,} actions through "
              f"case_report/case_act by {len(generate_cases.STAFF)} staff roles ({time.perf_counter() - t0:.1f} s)")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
        conn.autocommit = False
    except Exception:
        conn.close()
        if not args.keep_db:
            cluster.drop_database(name)
        raise
    with conn.cursor() as cur:
        cur.execute("SELECT count(*), (SELECT count(*) FROM citygrid.case_action) FROM citygrid.work_case")
        total, actions = cur.fetchone()
    conn.rollback()
    print(f"store: {total:,} cases, {actions:,} audit rows\n")

    as_of = ev.period_cutoff(start, end, datetime.now(CST))
    t_load, _t, loaded = timed(lambda: load_cases(conn, start, as_of), args.runs)
    t_facts, _t, facts = timed(lambda: ev.facts_for(loaded, start, end, as_of), args.runs)
    t_dept, _t, rows = timed(lambda: {k: (r, ev.composite(r)) for k, r in ev.figures(facts, "department").items()},
                         args.runs)
    t_all, _t, evaluation = timed(lambda: evaluate_period(conn, start, end), args.runs)
    t_groups, _t, _ = timed(lambda: [evaluation.figures(g) for g in ev.GROUPINGS], args.runs)
    t_reports, _t, tables = timed(lambda: report_tables(conn, evaluation), args.runs)
    t_naive, _t, naive = timed(lambda: _naive(conn, start, end), args.runs)
    headline = t_load + t_facts + t_dept
    print(f"the month's indicators ({len(loaded):,} cases loaded with {sum(len(c.actions) for c in loaded):,} "
          f"audit rows):")
    print(f"  load_cases (two queries: the cases that count, then their audit)              {1000 * t_load:8.1f} ms")
    print(f"  facts (every case's sets for the period)                                     {1000 * t_facts:8.1f} ms")
    print(f"  figures + composite, {len(rows)} departments                                  {1000 * t_dept:8.1f} ms")
    print(f"  = all departments' indicators                                                 {headline:8.2f} s  "
          f"(goal < {GOAL_INDICATORS_S:.0f} s: {'OK' if headline < GOAL_INDICATORS_S else 'MISSED'})")
    print(f"  evaluate_period (load + facts + names)                                        {t_all:8.2f} s")
    print(f"  every grouping ({len(ev.GROUPINGS)})                                                     "
          f"{1000 * t_groups:8.1f} ms")
    print(f"  the six report tables (incl. the year-before and month-before counts)       {1000 * t_reports:8.1f} ms")
    print(f"  peer: naive SQL on the current state, by department                         {1000 * t_naive:8.1f} ms "
          f"(ratio {headline / t_naive:.1f}; it cannot tell what fell due or was on time)")
    best = sorted(((s, k) for k, (_r, s) in rows.items() if s is not None), reverse=True)[:3]
    print("  top departments by score: " + ", ".join(f"{k} {s:.1f}" for s, k in best))
    reported = sum(1 for f in facts if "reported" in f.sets)
    print(f"  reported in the month {reported:,}; the naive query sees {sum(r[1] for r in naive):,} dispatched; "
          f"{len(tables)} report tables")

    pdf_s = None
    try:
        from citygrid_plugin.standalone import start_qgis

        start_qgis()
        import processing
        from qgis.core import QgsApplication

        if QgsApplication.processingRegistry().algorithmById("citygrid:monthlyreport") is not None:
            import os
            import tempfile

            service_file = Path(tempfile.mkdtemp()) / "pg_service.conf"
            service_file.write_text(f"[bench_eval]\nhost={cluster.sockdir}\nport={cluster.port}\n"
                                    f"user={cluster.user}\ndbname={name}\n", encoding="utf-8")
            os.environ["PGSERVICEFILE"] = str(service_file)
            out = Path(tempfile.mkdtemp()) / "report.pdf"
            t0 = time.perf_counter()
            processing.run("citygrid:monthlyreport", {"SERVICE": "bench_eval", "OUTPUT": str(out)})
            pdf_s = time.perf_counter() - t0
            print(f"\nmonthly report PDF (citygrid:monthlyreport): {pdf_s:.1f} s, {out.stat().st_size / 1e6:.1f} MB "
                  f"(goal < {GOAL_PDF_S:.0f} s: {'OK' if pdf_s < GOAL_PDF_S else 'MISSED'})")
        else:
            print("\nmonthly report PDF: citygrid:monthlyreport is not in this plugin version; not measured")
    finally:
        conn.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {rss:.0f} MB")
    print("\n| measure | result | goal |\n|---|---:|---:|")
    print(f"| the month's indicators, all departments ({total:,} cases in the store) | {headline:.2f} s | < 2 s |")
    print(f"| of which the audit query | {1000 * t_load:.0f} ms | |")
    print(f"| every grouping + the six reports | {1000 * (t_groups + t_reports):.0f} ms | |")
    print(f"| peer: naive current-state SQL | {1000 * t_naive:.0f} ms (ours ×{headline / t_naive:.1f}) | |")
    if pdf_s is not None:
        print(f"| monthly report PDF | {pdf_s:.1f} s | < 30 s |")
    if not args.keep_db:
        cluster.drop_database(name)
    else:
        print(f"kept database {name}")
    return 0


# -- two years: a million cases ------------------------------------------------------------------------
GOAL_PERIOD_S = {"month": 2.0, "quarter": 4.0, "year": 10.0}
GOAL_ANNUAL_PDF_S = 60.0
HANDLE_LIMITS_H = (4.0, 8.0, 24.0, 48.0, 120.0)      # handling limits of the classes (wall-clock hours)
STAGE_H = {"accept": 1.0, "verify": 4.0, "register": 1.0, "dispatch": 1.0, "check": 4.0, "close": 2.0,
           "revisit": 48.0}
STAGE_OF = {"reported": "accept", "to_verify": "verify", "accepted": "register", "registered": "dispatch",
            "returned": "dispatch", "dispatched": "handle", "deferred": "deferred", "handled": "check",
            "checked": "close"}
YEAR_SOURCES = (("监督员上报", 0.70), ("12319热线", 0.14), ("公众举报", 0.10), ("视频监控", 0.03), ("领导批办", 0.02),
                ("媒体曝光", 0.01))
UNIFORMS = 64          # random draws per case (the rare long trails reuse them cyclically)
CHUNK = 25_000         # cases per COPY round
NULL = r"\N"
_DAYS: dict[int, str] = {}
# the headline figures pandas recomputes (department grouping; "reported" over the district)
CHECKED = ("registered", "closed", "closed_on_time", "due_handle", "handled", "handled_on_time", "revisited",
           "satisfied")


class _Stop(Exception):
    """The trail's next action falls after the fill's anchor: the case stays open."""


def _ts(t: float) -> str:
    """Epoch seconds → '2026-11-03T10:22:33.123456+08:00' (as to_jsonb writes a timestamptz)."""
    us = round((t + 28800.0) * 1_000_000)
    d, rem = divmod(us, 86_400_000_000)
    day = _DAYS.get(d)
    if day is None:
        day = _DAYS[d] = (datetime(1970, 1, 1) + timedelta(days=d)).strftime("%Y-%m-%d")
    h, rem = divmod(rem, 3_600_000_000)
    m, rem = divmod(rem, 60_000_000)
    s, f = divmod(rem, 1_000_000)
    return f"{day}T{h:02d}:{m:02d}:{s:02d}.{f:06d}+08:00"


def _js(t: float | None) -> str:
    return "null" if t is None else f'"{_ts(t)}"'


def _copy(t: float | None) -> str:
    return NULL if t is None else _ts(t)


class _Trail:
    """One case's audit rows as case_act writes them (migrations 008 and 017: version, department,
    due, on_time, stage_deadline, handle_deadline; close_category and revisit_due on close; the
    inputs hours, reached, satisfaction, reopen), cut at *stop*. Wall-clock limits (:data:`STAGE_H`,
    the class's handling limit) stand in for the manual's working-time ones: the evaluation reads
    the verdicts, it never recomputes a deadline."""

    __slots__ = ("r", "k", "t", "stop", "state", "stage_dl", "handle_dl", "dept", "rows", "fed_back", "reworks",
                 "category", "revisit_due", "pending", "actor", "limit", "handler")

    def __init__(self, r: list[float], t0: float, stop: float, reporter: str, source: str, limit: float):
        self.r, self.k, self.t, self.stop, self.limit = r, 0, t0, stop, limit
        self.state, self.stage_dl, self.handle_dl, self.dept = "reported", t0 + 3600 * STAGE_H["accept"], None, None
        self.rows = [f"report\t{NULL}\treported\t{reporter}\tsystem\t{_ts(t0)}\t{NULL}\t{{\"source\": \"{source}\"}}"]
        self.fed_back, self.reworks, self.category, self.revisit_due, self.pending = None, 0, None, None, False
        self.actor, self.handler = reporter, ""

    def u(self) -> float:
        self.k += 1
        return self.r[self.k % UNIFORMS]

    def at(self, minutes: float) -> float:
        at = self.t + 60.0 * minutes
        if at >= self.stop:
            raise _Stop
        return at

    def write(self, action: str, to: str, actor: str, role: str, at: float, stage: str | None = "",
              handle: bool = False, extend: float = 0.0, dept: str | None = None, due: float | None = -1.0,
              extra: str = "", note: str = NULL) -> None:
        """*stage*: the stage whose deadline starts ('' keeps the deadline, None clears it);
        *handle*: a fresh handling period; *extend*: hours added to it; *due*: the deadline the
        action meets (default: the stage deadline in force)."""
        if due is not None and due < 0:
            due = self.stage_dl
        if dept is not None:
            self.dept = dept
        if handle:
            self.handle_dl = self.stage_dl = at + 3600.0 * self.limit
        elif extend:
            self.handle_dl += 3600.0 * extend
            self.stage_dl = self.handle_dl
        elif stage is None:
            self.stage_dl = None
        elif stage:
            self.stage_dl = at + 3600.0 * STAGE_H[stage]
        on_time = "null" if due is None else ("true" if at <= due else "false")
        department = "null" if self.dept is None else f'"{self.dept}"'
        self.rows.append(f'{action}\t{self.state}\t{to}\t{actor}\t{role}\t{_ts(at)}\t{note}\t{{"version": '
                         f'{len(self.rows) + 1}, "department": {department}, "due": {_js(due)}, "on_time": {on_time}, '
                         f'"stage_deadline": {_js(self.stage_dl)}, "handle_deadline": {_js(self.handle_dl)}{extra}}}')
        self.state, self.t, self.actor = to, at, actor

    def handling(self, people, reworked: bool) -> None:
        """From dispatch (release, rework) to the department's feedback."""
        u = self.u
        span = max(self.handle_dl - self.t, 1800.0)
        if not reworked and u() < 0.04:
            hours = 24 if span > 86400 else 4
            self.write("request_extension", "dispatched", self.handler, "department",
                       self.at(span * (0.3 + 0.4 * u()) / 60), extra=f', "hours": {hours}', note="工程量大，需协调施工")
            self.write("approve_extension", "dispatched", people.pick("shift_leader", u()), "shift_leader",
                       self.at(10 + 50 * u()), extend=hours)
        if u() < 0.85 or reworked and u() < 0.9:
            left = max(self.handle_dl - self.t, 600.0)
            feedback = self.t + left * (0.15 + 0.8 * u())
        else:
            feedback = self.handle_dl + 600.0 - math.log(1.0 - u() * 0.999) * 8 * 3600
            urge = max(self.t, self.handle_dl) + 60 * (30 + 150 * u())
            if u() < 0.6 and urge < feedback:
                self.write("urge", "dispatched", people.pick("dispatcher", u()), "dispatcher",
                           self.at((urge - self.t) / 60))
        self.write("feedback", "handled", self.handler, "department", self.at((feedback - self.t) / 60),
                   stage="check", note="已按处置标准处置完毕")
        self.fed_back = self.t

    def check_and_close(self, people, supervisor: str, public: bool) -> None:
        u = self.u
        late = u() < 0.05
        self.write("check_ok", "checked", supervisor, "supervisor", self.at(240 + 240 * u() if late else 10 + 30 * u()),
                   stage="close", note="现场核查已处置")
        at = self.at(10 + 80 * u())
        self.category = "正常结案" if self.fed_back <= self.handle_dl else "超时结案"
        self.revisit_due = at + 3600.0 * STAGE_H["revisit"] if public else None
        self.pending = public
        self.write("close", "closed", people.pick("shift_leader", u()), "shift_leader", at, stage=None,
                   extra=f', "close_category": "{self.category}", "revisit_due": {_js(self.revisit_due)}')


class _People:
    """The demo staff logins of data_samples/generate_cases.py (ensure_staff) by role."""

    def __init__(self, handlers: dict[str, str]):
        self.logins = {role: [f"demo_{role}_{k:02d}" for k in range(1, n + 1)]
                       for role, n in generate_cases.STAFF.items()}
        self.handlers = handlers

    def pick(self, role: str, u: float) -> str:
        people = self.logins[role]
        return people[int(u * len(people))]

    def supervisor(self, grid_code: str) -> str:   # a supervisor patrols the same street
        people = self.logins["supervisor"]
        return people[int(grid_code[6:9]) % len(people)]


def _lifecycle(tr: _Trail, people: _People, public: bool, supervisor: str, dept: str, wrong: str) -> None:
    """The workflow of data_samples/generate_cases.py (_Case.run): accept, verify (public), register,
    a wrong dispatch returned (3 %), dispatch, deferral (1 %), handling with extensions (4 %) and
    urging of the late, rework (6 %, up to three times), check, close; the return visit of a
    public report (80 % reached at the first call; 满意 70 %, 基本满意 20 %, 不满意 10 %, of which 40 %
    reopen the case as rework)."""
    u = tr.u
    operator = people.pick("operator", u())
    tr.write("accept", "to_verify" if public else "accepted", operator, "operator",
             tr.at(60 + 60 * u() if u() < 0.05 else 2 + 13 * u()), stage="verify" if public else "register")
    if public:
        if u() < 0.05:
            tr.write("cancel", "cancelled", supervisor, "supervisor", tr.at(10 + 30 * u()), stage=None,
                     note="现场核实未发现问题")
            return
        minutes = 240 + 240 * u() if u() < 0.08 else 10 + 200 * u()
        tr.write("verify", "accepted", supervisor, "supervisor", tr.at(minutes), stage="register", note="现场核实属实")
    leader = people.pick("shift_leader", u())
    if u() < 0.03:
        tr.write("cancel", "cancelled", leader, "shift_leader", tr.at(5 + 35 * u()), stage=None, note="不符合立案标准")
        return
    tr.write("register", "registered", leader, "shift_leader", tr.at(5 + 35 * u()), stage="dispatch")
    if u() < 0.03:
        tr.write("dispatch", "dispatched", people.pick("dispatcher", u()), "dispatcher", tr.at(5 + 45 * u()),
                 handle=True, dept=wrong)
        tr.write("return", "returned", people.handlers[wrong], "department", tr.at(30 + 210 * u()), stage="dispatch",
                 note="非本部门职责，申请退回")
    tr.write("dispatch", "dispatched", people.pick("dispatcher", u()), "dispatcher", tr.at(5 + 45 * u()), handle=True,
             dept=dept)
    tr.handler = people.handlers[dept]
    if u() < 0.01:
        tr.write("defer", "deferred", leader, "shift_leader", tr.at(120 + 1320 * u()), stage=None,
                 note="涉及多部门，需协调，挂账")
        tr.write("release", "dispatched", leader, "shift_leader", tr.at((3 + 17 * u()) * 1440), handle=True)
    tr.handling(people, False)
    for _ in range(3):
        if u() >= 0.06:
            break
        if u() < 0.7:
            tr.write("rework", "dispatched", supervisor, "supervisor", tr.at(10 + 30 * u()), handle=True,
                     note="现场核查未处置到位")
        else:
            tr.write("check_ok", "checked", supervisor, "supervisor", tr.at(10 + 30 * u()), stage="close",
                     note="现场核查已处置")
            tr.write("rework", "dispatched", leader, "shift_leader", tr.at(10 + 50 * u()), handle=True,
                     note="复核发现问题仍在")
        tr.reworks += 1
        tr.handling(people, True)
    tr.check_and_close(people, supervisor, public)
    if not public:
        return
    for _round in range(2):
        if u() >= 0.8:
            tr.write("revisit", "closed", operator, "operator", tr.at(60 + 1740 * u()), due=tr.revisit_due,
                     extra=', "reached": false', note="无人接听")
            if u() >= 0.85:
                return
            delay = 240 + 1560 * u()
        else:
            delay = 60 + 1740 * u()
        draw = u()
        level = "满意" if draw < 0.7 else "基本满意" if draw < 0.9 else "不满意"
        reopen = level == "不满意" and u() < 0.4
        at = tr.at(delay)
        tr.pending = False
        tr.write("revisit", "dispatched" if reopen else "closed", operator, "operator", at, due=tr.revisit_due,
                 handle=reopen, extra=f', "reached": true, "satisfaction": "{level}"' + (', "reopen": true' if reopen
                                                                                           else ""),
                 note="问题仍未彻底解决" if level == "不满意" else NULL)
        if not reopen:
            return
        tr.reworks += 1
        tr.handling(people, True)
        tr.check_and_close(people, supervisor, public)


def fill_years(conn, n: int, first: datetime, month: tuple[datetime, datetime], month_cases: int, stop: datetime,
               seed: int = 20261206) -> dict:
    """*n* cases by COPY over [first, month end): as many a day as the whole store will hold, less the
    *month_cases* the workflow already put into the last month; trails cut at *stop*."""
    rng = np.random.default_rng(seed)
    _added, routed = generate_cases._ensure_routing(conn)
    with conn.cursor() as cur:
        cur.execute("SELECT code, ST_X(p), ST_Y(p) FROM (SELECT code, ST_PointOnSurface(geom) AS p FROM citygrid.grid "
                    "WHERE retired_at IS NULL AND code IS NOT NULL) s ORDER BY code")
        grids = cur.fetchall()
        cur.execute("SELECT profile FROM citygrid.district LIMIT 1")
        profile = cur.fetchone()[0]
        cur.execute("SELECT max(version) FROM citygrid.manual_version")
        manual = cur.fetchone()[0]
        cur.execute("SELECT code FROM citygrid.department WHERE active ORDER BY code")
        departments = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT COALESCE(max(id), 0) FROM citygrid.work_case")
        base = cur.fetchone()[0]
        cur.execute("SELECT Find_SRID('citygrid', 'work_case', 'geom')")
        srid = cur.fetchone()[0]
    people = _People({d: f"demo_department_{d.lower()}" for d in departments})
    # arrivals: the days before the last month at the store's density; the last month topped up
    days = (month[0] - first).days
    month_days = (month[1] - month[0]).days
    per_day = (n + month_cases) / (days + month_days)
    in_month = max(0, int(round(per_day * month_days)) - month_cases)
    weekday = np.array([generate_cases.WEEKDAY_FACTOR[(first + timedelta(days=int(d))).weekday()]
                        for d in range(days + month_days)])
    before = weekday[:days] / weekday[:days].sum()
    during = weekday[days:] / weekday[days:].sum()
    n_before = n - in_month
    day = np.concatenate([rng.choice(days, size=n_before, p=before), days + rng.choice(month_days, size=in_month,
                                                                                         p=during)])
    hour_p = generate_cases.HOURS / generate_cases.HOURS.sum()
    t0 = (first.timestamp() + day * 86400.0 + 3600.0 * (7 + rng.choice(len(hour_p), size=n, p=hour_p))
          + rng.uniform(0, 3600, n))
    t0.sort()
    classes = sorted(routed)
    class_w = np.array([generate_cases.EVENTS[c][0] for c in classes], dtype=float)
    cls_idx = rng.choice(len(classes), size=n, p=class_w / class_w.sum())
    grid_w = rng.gamma(1.5, size=len(grids))
    grid_idx = rng.choice(len(grids), size=n, p=grid_w / grid_w.sum())
    src_idx = rng.choice(len(YEAR_SOURCES), size=n, p=[p for _s, p in YEAR_SOURCES])
    wrong_idx = rng.integers(len(departments) - 1, size=n)
    jitter = rng.uniform(-3, 3, size=(n, 2))
    limits = {c: HANDLE_LIMITS_H[k % len(HANDLE_LIMITS_H)] for k, c in enumerate(classes)}
    trusted = {s: s == "监督员上报" for s, _p in YEAR_SOURCES}
    stop_s = stop.timestamp()
    states: dict[str, int] = {}
    n_actions = 0
    with conn.cursor() as cur:
        cur.execute(cases_bench.INTERNAL_ON)
        cur.execute("SET LOCAL work_mem = '1GB'")
        cur.execute("CREATE TEMP TABLE bench_action (case_id bigint, action text, from_state text, to_state text, "
                    "actor text, role text, at timestamptz, note text, data jsonb)")
        for lo in range(0, n, CHUNK):
            hi = min(n, lo + CHUNK)
            uniforms = rng.random((hi - lo, UNIFORMS)).tolist()
            case_buf, action_buf = io.StringIO(), io.StringIO()
            for i in range(lo, hi):
                cid = base + i + 1
                cls = classes[cls_idx[i]]
                code, x, y = grids[grid_idx[i]]
                source = YEAR_SOURCES[src_idx[i]][0]
                public = not trusted[source]
                dept = routed[cls]
                others = [d for d in departments if d != dept]
                supervisor = people.supervisor(code)
                reporter = supervisor if not public else people.pick("operator", uniforms[i - lo][0])
                start = float(t0[i])
                tr = _Trail(uniforms[i - lo], start, stop_s, reporter, source, limits[cls])
                try:
                    _lifecycle(tr, people, public, supervisor, dept, others[wrong_idx[i]])
                except _Stop:
                    pass
                state = tr.state
                states[state] = states.get(state, 0) + 1
                n_actions += len(tr.rows)
                for row in tr.rows:
                    action_buf.write(f"{cid}\t{row}\n")
                case_buf.write(
                    f"{cid}\tB{_ts(start)[:10].replace('-', '')}{cid:08d}\t{source}\tevent\t{profile}\t{cls}\t"
                    f"{generate_cases.EVENTS[cls][2]}\tSRID={srid};POINT({x + jitter[i, 0]:.2f} {y + jitter[i, 1]:.2f})"
                    f"\t{code}\t{code[:6]}\t{code[6:9]}\t{code[9:12]}\t{tr.dept or NULL}\t{state}\t"
                    f"{STAGE_OF.get(state) or NULL}\t{_copy(tr.stage_dl)}\t{_copy(tr.handle_dl)}\t"
                    f"{tr.category or NULL}\t"
                    f"{_ts(start)}\t{_ts(tr.t)}\t{len(tr.rows)}\t{'t' if not public else 'f'}\t{manual}\t{tr.reworks}\t"
                    f"{'t' if tr.pending and state == 'closed' else 'f'}\t{_copy(tr.revisit_due)}\t{tr.actor}\n")
            case_buf.seek(0)
            action_buf.seek(0)
            cur.copy_expert("COPY citygrid.work_case (id, case_no, source, kind, profile, class_code, description, "
                            "geom, grid_code, district_code, street_code, community_code, department_code, state, "
                            "stage, stage_deadline, handle_deadline, close_category, reported_at, updated_at, "
                            "version, trusted, manual_version, rework_count, revisit_pending, revisit_due, "
                            "updated_by) FROM STDIN", case_buf)
            cur.copy_expert("COPY bench_action FROM STDIN", action_buf)
        # the audit in the order the workflow writes it (by time, every case's actions interleaved),
        # so that its ids and its pages lie as in a store that lived through the two years
        cur.execute("INSERT INTO citygrid.case_action (case_id, action, from_state, to_state, actor, role, at, note, "
                    "data) SELECT * FROM bench_action ORDER BY at")
        cur.execute("DROP TABLE bench_action")
        cur.execute("SELECT setval('citygrid.work_case_id_seq', %s)", (base + n,))
        cur.execute("SELECT citygrid.set_internal(false)")
    conn.commit()
    return {"states": states, "actions": n_actions, "in_month": in_month}


def _setup_years(args, cluster, now: datetime, month: Period) -> tuple[str, object]:
    """A fresh store with the last month through the workflow, then the COPY fill (see the doc)."""
    t0 = time.perf_counter()
    name, conn, info = census_bench.setup_store(cluster)
    setup_roles(conn)
    print(f"setup: sample district, {info['grids']} grids, {info['departments']} departments, roles "
          f"({time.perf_counter() - t0:.1f} s)")
    try:
        days = (month.end - month.start).days
        t0 = time.perf_counter()
        scale = args.month_cases / (PER_DAY * days)
        done = generate_cases.generate(cluster.dsn(name), year_start=month.start.date(), days=days, scale=scale,
                                       staff=True)
        print(f"the month {month.key}: {done['cases']:,} cases, {done['actions']:,} actions through "
              f"case_report/case_act by demo staff logins ({time.perf_counter() - t0:.1f} s)")
        first = shift_months(month.start, -12 * args.years + 1)
        t0 = time.perf_counter()
        n = args.cases - done["cases"]
        filled = fill_years(conn, n, first, (month.start, month.end), done["cases"], min(month.end, now))
        print(f"history: {n:,} cases ({filled['in_month']:,} of them in {month.key}), {filled['actions']:,} audit rows "
              f"by COPY from {first:%Y-%m-%d} ({time.perf_counter() - t0:.1f} s); open at the end: "
              + ", ".join(f"{s} {k:,}" for s, k in sorted(filled["states"].items(), key=lambda sk: -sk[1])
                          if s not in ("closed", "cancelled")))
        t0 = time.perf_counter()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
        conn.autocommit = False
        print(f"VACUUM ANALYZE ({time.perf_counter() - t0:.1f} s)")
    except BaseException:
        conn.close()
        if not args.keep_db:
            cluster.drop_database(name)
        raise
    return name, conn


# -- the peer: pandas on a full export --------------------------------------------------------------------
PEER_CASES_SQL = """COPY (SELECT id, kind, class_code, source, grid_code, extract(epoch FROM reported_at) AS reported,
       extract(epoch FROM updated_at) AS updated, state, department_code FROM citygrid.work_case ORDER BY id)
  TO STDOUT WITH (FORMAT csv, HEADER)"""
PEER_ACTIONS_SQL = """COPY (SELECT id, case_id, action, from_state, to_state, actor, role, extract(epoch FROM at) AS at,
       data ->> 'on_time' AS on_time, data ->> 'department' AS department,
       extract(epoch FROM (data ->> 'due')::timestamptz) AS due,
       extract(epoch FROM (data ->> 'handle_deadline')::timestamptz) AS handle_deadline,
       extract(epoch FROM (data ->> 'stage_deadline')::timestamptz) AS stage_deadline,
       data ->> 'close_category' AS close_category, data ->> 'satisfaction' AS satisfaction,
       data ->> 'reached' AS reached, extract(epoch FROM (data ->> 'revisit_due')::timestamptz) AS revisit_due
  FROM citygrid.case_action ORDER BY case_id, id) TO STDOUT WITH (FORMAT csv, HEADER)"""


def peer_export(conn, folder: Path) -> tuple[Path, Path]:
    """work_case and case_action (the verdicts out of data as columns, times as epoch seconds) as CSV."""
    cases_csv, actions_csv = folder / "work_case.csv", folder / "case_action.csv"
    with conn.cursor() as cur:
        for sql_text, path in ((PEER_CASES_SQL, cases_csv), (PEER_ACTIONS_SQL, actions_csv)):
            with open(path, "w", encoding="utf-8") as fh:
                cur.copy_expert(sql_text, fh)
    conn.rollback()
    return cases_csv, actions_csv


def peer_read(cases_csv: Path, actions_csv: Path):
    import pandas as pd

    cat = "category"
    cases = pd.read_csv(cases_csv, dtype={"id": "int64", "kind": cat, "class_code": cat, "source": cat,
                                          "grid_code": cat, "state": cat, "department_code": cat})
    actions = pd.read_csv(actions_csv, dtype={"id": "int64", "case_id": "int64", "action": cat, "from_state": cat,
                                              "to_state": cat, "actor": cat, "role": cat, "on_time": cat,
                                              "department": cat, "close_category": cat, "satisfaction": cat,
                                              "reached": cat})
    return cases, actions


def peer_figures(cases, actions, start: float, end: float, as_of: float) -> dict:
    """The headline figures of [start, end) with the cut-off *as_of*, computed with pandas from the
    export alone (the definitions of core/evaluation.py's docstring, written again in frames):
    {"reported": n, department: {figure: count}}."""
    import pandas as pd

    out: dict = {"reported": int(((cases["reported"] >= start) & (cases["reported"] < end)
                                  & (cases["reported"] < as_of)).sum())}
    # the cases that can count (as load_cases selects them: reported before the cut-off, and acted
    # on since the start or still open), and their audit before the cut-off
    relevant = cases.loc[(cases["reported"] < as_of).to_numpy()
                         & ((cases["updated"] >= start).to_numpy()
                            | ~cases["state"].isin(["closed", "cancelled"]).to_numpy()), "id"]
    a = actions[(actions["at"].to_numpy() < as_of) & actions["case_id"].isin(relevant).to_numpy()]
    # the accountable assignment: the last dispatch the department did not return (a return before
    # the case moved on: feedback, another dispatch, cancel or close)
    moves = a[a["action"].isin(["dispatch", "return", "feedback", "cancel", "close"])]
    following = moves.groupby("case_id", sort=False)["action"].shift(-1)
    dispatches = moves[(moves["action"] == "dispatch").to_numpy() & (following != "return").to_numpy()]
    acc = dispatches.drop_duplicates("case_id", keep="last").set_index("case_id")
    dept = acc["department"].astype(object)
    # registered in P (the first registration), closed (the first close) and its category
    first_register = a[a["action"] == "register"].drop_duplicates("case_id").set_index("case_id")["at"]
    registered = first_register.index[(first_register >= start) & (first_register < end)]
    closes = a[a["action"] == "close"].drop_duplicates("case_id").set_index("case_id")["close_category"]
    closed = registered.intersection(closes.index)
    closed_on_time = closed[(closes.loc[closed] == "正常结案").to_numpy()]
    # handling: what fell due in P
    later = a.merge(acc[["id"]].rename(columns={"id": "acc_id"}), left_on="case_id", right_index=True)
    later = later[later["id"] > later["acc_id"]]
    fb = later[later["action"] == "feedback"].drop_duplicates("case_id").set_index("case_id")
    deadline = fb["due"].fillna(fb["handle_deadline"])
    moment_fb = fb["at"].where(deadline.isna() | (fb["at"] <= deadline), deadline)
    open_ids = acc.index.difference(fb.index)
    last = later.drop_duplicates("case_id", keep="last").set_index("case_id")["to_state"]
    deferred = last.index[(last == "deferred").to_numpy()]
    open_ids = open_ids.difference(deferred)
    setters = pd.concat([acc.loc[open_ids, ["id", "handle_deadline"]].reset_index(),
                         later.loc[later["case_id"].isin(open_ids), ["case_id", "id", "handle_deadline"]]])
    setters = setters.dropna(subset=["handle_deadline"]).sort_values(["case_id", "id"])
    open_deadline = setters.drop_duplicates("case_id", keep="last").set_index("case_id")["handle_deadline"]
    moment_open = open_deadline[open_deadline < as_of]
    due_fb = moment_fb.index[((moment_fb >= start) & (moment_fb < end)).to_numpy()]
    due_open = moment_open.index[((moment_open >= start) & (moment_open < end)).to_numpy()]
    handled = due_fb
    handled_on_time = due_fb[(fb.loc[due_fb, "on_time"] == "true").to_numpy()]
    due_handle = due_fb.union(due_open)
    # return visits: the first in P that reached the reporter
    visits = a[(a["action"] == "revisit").to_numpy() & (a["reached"] == "true").to_numpy()
               & (a["at"] >= start).to_numpy() & (a["at"] < end).to_numpy()]
    visits = visits.drop_duplicates("case_id").set_index("case_id")["satisfaction"]
    revisited = visits.index
    satisfied = visits.index[visits.isin(["满意", "基本满意"]).to_numpy()]
    for figure, ids in (("registered", registered), ("closed", closed), ("closed_on_time", closed_on_time),
                        ("due_handle", due_handle), ("handled", handled), ("handled_on_time", handled_on_time),
                        ("revisited", revisited), ("satisfied", satisfied)):
        keyed = dept.reindex(ids).dropna()
        for group, count in keyed.value_counts().items():
            out.setdefault(group, {})[figure] = int(count)
    return out


def ours_checked(facts, rows: dict) -> dict:
    """Our figures in the shape of :func:`peer_figures` (the same headline figures)."""
    out: dict = {"reported": sum(1 for f in facts if "reported" in f.sets)}
    for group, row in rows.items():
        counts = {name: row[name].count for name in CHECKED if row[name].count}
        if counts:
            out[group] = counts
    return out


def compare(ours: dict, peer: dict) -> list[str]:
    """The differences between our figures and pandas' (empty: equal)."""
    diffs = []
    if ours["reported"] != peer["reported"]:
        diffs.append(f"reported: ours {ours['reported']}, pandas {peer['reported']}")
    for group in sorted(set(ours) | set(peer) - {"reported"}):
        if group == "reported":
            continue
        for name in CHECKED:
            a, b = ours.get(group, {}).get(name, 0), peer.get(group, {}).get(name, 0)
            if a != b:
                diffs.append(f"{group} {name}: ours {a}, pandas {b}")
    return diffs


def _rate(row: dict, num: str, den: str) -> str:
    return f"{row.get(num, 0) / row[den]:.1%}" if row.get(den) else "—"


# -- the measurements ------------------------------------------------------------------------------------
def fresh(fn, runs: int) -> tuple[float, list[float], object]:
    """Like common.timed, but each run starts with the previous result freed and collected outside
    the clock: freeing a year's four million audit rows takes seconds, which is not the next run's."""
    times, result = [], None
    for _ in range(max(1, runs)):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result


def measure_period(conn, period: Period, now: datetime, runs: int, labels: dict) -> dict:
    """Our indicators and report tables of *period* (median of *runs*)."""
    as_of = ev.period_cutoff(period.start, period.end, now)
    t_load, _t, loaded = fresh(lambda: load_cases(conn, period.start, as_of), runs)
    n_cases, n_actions = len(loaded), sum(len(c.actions) for c in loaded)
    t_facts, _t, facts = fresh(lambda: ev.facts_for(loaded, period.start, period.end, as_of), runs)
    t_rows, _t, scored = fresh(lambda: {k: (r, ev.composite(r)) for k, r in ev.figures(facts, "department").items()},
                               runs)
    evaluation = PeriodEvaluation(period.start, period.end, as_of, "", facts, labels)
    t_groups, _t, _g = fresh(lambda: [evaluation.figures(g) for g in ev.GROUPINGS], runs)
    t_reports, _t, tables = fresh(lambda: report_tables(conn, evaluation), runs)
    rows = {k: r for k, (r, _s) in scored.items()}
    return {"period": period, "as_of": as_of, "cases": n_cases, "actions": n_actions, "load": t_load,
            "facts": t_facts, "figures": t_rows, "indicators": t_load + t_facts + t_rows, "groupings": t_groups,
            "reports": t_reports, "tables": len(tables), "ours": ours_checked(facts, rows),
            "scores": {k: s for k, (_r, s) in scored.items()}}


def annual_pdf(cluster, name: str, year: Period) -> tuple[float | None, str]:
    """Seconds and a line on the annual report PDF (None: not measured, the line says why)."""
    try:
        from citygrid_plugin.standalone import start_qgis

        start_qgis()
        import processing
        from qgis.core import QgsApplication
    except ImportError as exc:
        return None, f"annual report PDF: not measured (QGIS cannot start here: {exc})"
    alg = QgsApplication.processingRegistry().algorithmById("citygrid:annualreport")
    how = "citygrid:annualreport"
    if alg is None:
        try:
            from citygrid_plugin.processing.alg_periodreport import AnnualReportAlgorithm
        except ImportError:
            return None, ("annual report PDF: not measured (citygrid:annualreport is not in this plugin version: "
                          "processing/alg_periodreport.py has no AnnualReportAlgorithm)")
        alg = AnnualReportAlgorithm().create()
        how = "AnnualReportAlgorithm (not yet registered in the provider: run through its class)"
    import tempfile

    service_file = Path(tempfile.mkdtemp()) / "pg_service.conf"
    service_file.write_text(f"[bench_eval]\nhost={cluster.sockdir}\nport={cluster.port}\nuser={cluster.user}\n"
                            f"dbname={name}\n", encoding="utf-8")
    os.environ["PGSERVICEFILE"] = str(service_file)
    out = Path(tempfile.mkdtemp()) / "annual.pdf"
    t0 = time.perf_counter()
    result = processing.run(alg, {"SERVICE": "bench_eval", "PERIOD": year.key, "OUTPUT": str(out)})
    seconds = time.perf_counter() - t0
    return seconds, (f"annual report PDF {year.key} ({how}): {seconds:.1f} s, {result.get('PAGES', 0):.0f} pages, "
                     f"{out.stat().st_size / 1e6:.1f} MB (goal < {GOAL_ANNUAL_PDF_S:.0f} s: "
                     f"{'OK' if seconds < GOAL_ANNUAL_PDF_S else 'MISSED'})")


def main_years(args) -> int:
    import tempfile

    print(census_bench.machine())
    cluster = PrivateCluster.default()
    cluster.up()
    now = datetime.now(CST)
    month, quarter, year = (parse_period("", now, kind) for kind in ("month", "quarter", "year"))
    if args.db:
        name = args.db
        conn = db.connect(cluster.dsn(name))
        print(f"measuring the kept database {name} again (no fill)")
    else:
        name, conn = _setup_years(args, cluster, now, month)
    print(server_version(conn))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*), min(reported_at), max(reported_at), "
                        "(SELECT count(*) FROM citygrid.case_action) FROM citygrid.work_case")
            total, first, last, n_actions = cur.fetchone()
        conn.rollback()
        print(f"store: {total:,} cases from {first:%Y-%m-%d} to {last:%Y-%m-%d}, {n_actions:,} audit rows\n")
        labels = names(conn)
        results = {}
        for period in (month, quarter, year):
            load_before = os.getloadavg()[0]
            r = results[period.kind] = measure_period(conn, period, now, args.runs, labels)
            goal = GOAL_PERIOD_S[period.kind]
            print(f"{period.kind} {period.key}: {r['cases']:,} cases loaded with {r['actions']:,} audit rows (load "
                  f"average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after)")
            print(f"  load_cases {r['load']:6.2f} s   facts {r['facts']:6.2f} s   figures + composite "
                  f"{r['figures']:6.2f} s   = all departments' indicators {r['indicators']:6.2f} s "
                  f"(goal < {goal:.0f} s: {'OK' if r['indicators'] < goal else 'MISSED'})")
            print(f"  every grouping ({len(ev.GROUPINGS)}) {r['groupings']:6.2f} s   the {r['tables']} report tables "
                  f"{r['reports']:6.2f} s")
        # the peer
        folder = Path(tempfile.mkdtemp(prefix="cg-bench-export-"))
        t_export, _t, (cases_csv, actions_csv) = timed(lambda: peer_export(conn, folder), 1)
        size = (cases_csv.stat().st_size + actions_csv.stat().st_size) / 1e6
        t_read, _t, frames = timed(lambda: peer_read(cases_csv, actions_csv), 1)
        print(f"\npeer: export of work_case + case_action as CSV {t_export:.1f} s ({size:,.0f} MB); pandas reads it "
              f"in {t_read:.1f} s")
        ok = True
        for kind, r in results.items():
            period = r["period"]
            bounds = (period.start.timestamp(), period.end.timestamp(), r["as_of"].timestamp())
            t_peer, _t, peer = fresh(lambda b=bounds, f=frames: peer_figures(*f, *b), args.runs)
            r["peer"], r["peer_figures"] = t_peer, peer
            diffs = compare(r["ours"], peer)
            ok = ok and not diffs
            departments = sorted(k for k in peer if k != "reported")
            print(f"  {kind} {period.key}: pandas {t_peer:.2f} s; check: ours == pandas for reported and "
                  f"{len(CHECKED)} figures × {len(departments)} departments: "
                  + ("EQUAL" if not diffs else f"{len(diffs)} DIFFERENCES: " + "; ".join(diffs[:12])))
            total_row = {name: sum(peer[d].get(name, 0) for d in departments) for name in CHECKED}
            print(f"    reported {peer['reported']:,}, registered {total_row['registered']:,}, closed "
                  f"{total_row['closed']:,} (on time {_rate(total_row, 'closed_on_time', 'registered')} of "
                  "registered), "
                  f"due {total_row['due_handle']:,}, handled {total_row['handled']:,} "
                  f"(on time {_rate(total_row, 'handled_on_time', 'due_handle')}), satisfaction "
                  f"{_rate(total_row, 'satisfied', 'revisited')} of {total_row['revisited']:,} reached")
        frames = None
        for path in (cases_csv, actions_csv):
            path.unlink()
        folder.rmdir()
        conn.close()
        pdf_s, pdf_line = (None, "annual report PDF: left out (--no-pdf)") if args.no_pdf else \
            annual_pdf(cluster, name, year)
        print("\n" + pdf_line)
    finally:
        if not conn.closed:
            conn.close()
        if not args.keep_db and not args.db:
            cluster.drop_database(name)
        elif not args.db:
            print(f"kept database {name}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {rss:,.0f} MB; {census_bench.machine()}")
    print(f"\n| measure ({total:,} cases, {n_actions:,} audit rows) | ours | pandas (in memory) | "
          f"pandas incl. reading the export | goal |\n|---|---:|---:|---:|---:|")
    for kind, r in results.items():
        ratio = r["indicators"] / r["peer"]
        print(f"| {kind} {r['period'].key}: all departments' indicators ({r['cases']:,} cases, {r['actions']:,} audit "
              f"rows) | {r['indicators']:.2f} s | {r['peer']:.2f} s (ours ×{ratio:.1f}) | {r['peer'] + t_read:.1f} s "
              f"(ours ×{r['indicators'] / (r['peer'] + t_read):.2f}) | < {GOAL_PERIOD_S[kind]:.0f} s |")
        print(f"| — of which load / facts / figures | {r['load']:.2f} / {r['facts']:.2f} / {r['figures']:.2f} s "
              "| | | |")
        print(f"| — every report table ({r['tables']}) | {r['reports']:.2f} s | | | |")
    print(f"| export of work_case + case_action for pandas (CSV, {size:,.0f} MB) | | {t_export:.1f} s | | |")
    print(f"| pandas reading the export | | {t_read:.1f} s | | |")
    if pdf_s is not None:
        print(f"| annual report PDF {year.key} | {pdf_s:.1f} s | | | < {GOAL_ANNUAL_PDF_S:.0f} s |")
    else:
        print(f"| annual report PDF {year.key} | not measured | | | < {GOAL_ANNUAL_PDF_S:.0f} s |")
    print(f"\nfigures equal to pandas' in every period: {'yes' if ok else 'NO (see the check lines)'}")
    return 0 if ok else 1


def _naive(conn, start: datetime, end: datetime) -> list:
    with conn.cursor() as cur:
        cur.execute(NAIVE_SQL, (start, end))
        rows = cur.fetchall()
    conn.rollback()
    return rows


if __name__ == "__main__":
    sys.exit(main())
