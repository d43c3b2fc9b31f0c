#!/usr/bin/env python3
"""Benchmark of the evaluation (综合评价): a month's indicators and the monthly PDF, 200,000 cases.

Setup: a fresh database on the private cluster with the sample district (825 unit grids), its
departments and the store roles. The store gets N cases (default 200,000) in two parts:

1. history: N − M cases filled by COPY the way bench/cases.py fills them (bypassing the workflow
   for speed, audit trail built from each state's path), moved 32 days back so that the last
   month is left to
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

Usage: .venv/bin/python bench/evaluation.py [--cases 200000] [--month-cases 15000] [--quick] [--keep-db]
"""
from __future__ import annotations

import argparse
import resource
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
from common import timed  # noqa: E402  (bench/common.py)

from citygrid_plugin.core import evaluation as ev  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.evaluation import evaluate_period, load_cases, report_tables  # noqa: E402
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
    args = parser.parse_args()
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
        shift_history(conn, 32)
        print(f"history: {history:,} cases, {fill.get('actions', 0):,} audit rows by COPY, moved 32 days back "
              f"({time.perf_counter() - t0:.1f} s)")
        start, end = ev.month_period("")
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


def _naive(conn, start: datetime, end: datetime) -> list:
    with conn.cursor() as cur:
        cur.execute(NAIVE_SQL, (start, end))
        rows = cur.fetchall()
    conn.rollback()
    return rows


if __name__ == "__main__":
    sys.exit(main())
