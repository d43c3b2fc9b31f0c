#!/usr/bin/env python3
"""Benchmark: the command manual (指挥手册) and the rules the workflow computes with.

Setup: a fresh database on the private cluster with the sample district, its unit grids and the
departments (bench/census.py's setup_store); a generated manual for every event and component class
of the 2013 profile (standards, department, normal and urgent limits per stage, two situations each).

1. applying the whole manual the first time (citygrid.manual_apply: every check, a new version,
   every row written) against the peer: a plain INSERT of the same rows into the same tables (no
   checks, no comparison, one statement per table) — ratio;
2. applying the same manual again: nothing changed, no new version (the comparison alone);
3. changing one class (a new version that closes and rewrites one page) — what the administration
   dialog's "save" costs — after 20 versions exist;
4. deadlines: citygrid.case_deadline for 20,000 case rows (class, situation and urgency looked up in
   the case's manual version, then the working calendar) against the peer: add_work_time with the
   limit given directly (the lookup's cost is the difference) — ratio;
5. routing preview (citygrid.case_route: rules, manual, territory) per call;
6. the manual as an XLSX workbook: written and read back by core.xlsx (the plugin's pure-Python
   reader, no openpyxl in QGIS) against GDAL/OGR's XLSX driver reading the same file — ratio.

Usage: .venv/bin/python bench/manual.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import machine, server_version, timed  # noqa: E402

from citygrid_plugin.core.manual import STAGES, ClassEntry, Limit, Manual, Variant  # noqa: E402
from citygrid_plugin.store import manual as store_manual  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402


def make_manual(conn, department: str) -> Manual:
    with conn.cursor() as cur:
        cur.execute("SELECT 'event', code, name FROM citygrid.event_class WHERE profile = '2013' UNION ALL "
                    "SELECT 'component', code, name FROM citygrid.component_class WHERE profile = '2013'")
        rows = cur.fetchall()
    conn.rollback()
    classes = {}
    for i, (kind, code, name) in enumerate(rows):
        classes[(kind, code)] = ClassEntry(
            kind=kind, code=code, points=f"{name}：无缺失、无损坏、无乱堆乱放。" * 3, supervisor="属地",
            department=department, handling=f"接到派遣后到场处置{name}，处置完成拍照反馈。" * 2,
            register=f"发现{name}问题即予立案。", close=f"现场{name}问题已消除。",
            topology="point" if kind == "component" else None,
            limits={"dispatch": Limit(1, "work_hours"), "handle": Limit(2 + i % 5, "work_hours")},
            urgent={"handle": Limit(2, "hours")},
            variants=(Variant("一般情形", {"handle": Limit(4, "work_hours")}),
                      Variant("施工条件受限", {"handle": Limit(36, "hours")})))
    stages = {s: Limit(1, "work_hours") for s in STAGES if s != "accept"}
    return Manual(profile="2013", defaults={"event": stages, "component": stages},
                  urgent_defaults={"event": {"handle": Limit(2, "hours")}, "component": {"handle": Limit(2, "hours")}},
                  classes=classes)


def peer_insert(conn, m: Manual) -> float:
    """The same rows by plain INSERTs into the manual's tables, as version 9999 (no checks)."""
    limit_rows, class_rows, variant_rows = [], [], []
    for (kind, code), e in m.classes.items():
        class_rows.append((kind, "2013", code, e.points, e.supervisor, e.department, e.handling, e.register, e.close,
                           e.topology))
        for urgent, d in ((False, e.limits), (True, e.urgent)):
            limit_rows += [(kind, "2013", code, "", urgent, s, lim.amount, lim.unit) for s, lim in d.items()]
        for v in e.variants:
            variant_rows.append((kind, "2013", code, v.name, v.note))
            limit_rows += [(kind, "2013", code, v.name, False, s, lim.amount, lim.unit) for s, lim in v.limits.items()]
    t0 = time.perf_counter()
    from psycopg2.extras import execute_values

    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.manual_version (version, note) VALUES (9999, 'peer'), (10000, 'peer')")
        execute_values(cur, "INSERT INTO citygrid.manual_class (kind, profile, class_code, points, supervisor, "
                            "department, "
                        "handling, register, close, topology, from_version, to_version) "
                        "VALUES %s", [(*r, 9999, 10000) for r in class_rows])
        execute_values(cur, "INSERT INTO citygrid.manual_variant (kind, profile, class_code, name, note, from_version, "
                        "to_version) VALUES %s", [(*r, 9999, 10000) for r in variant_rows])
        execute_values(cur, "INSERT INTO citygrid.manual_limit (kind, profile, class_code, variant, urgent, stage, "
                            "amount, "
                        "unit, from_version, to_version) VALUES %s", [(*r, 9999, 10000) for r in limit_rows])
    elapsed = time.perf_counter() - t0
    conn.rollback()
    return elapsed


def drop(cluster: PrivateCluster, dbname: str) -> None:
    from citygrid_plugin.store import db

    admin = db.connect(cluster.dsn("postgres"))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
    admin.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from census import setup_store

    cluster = PrivateCluster.default()
    cluster.up()
    dbname, conn, _info = setup_store(cluster)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT code FROM citygrid.department ORDER BY code LIMIT 1")
            department = cur.fetchone()[0]
        conn.rollback()
        m = make_manual(conn, department)
        n_classes = len(m.classes)
        n_limits = sum(len(e.limits) + len(e.urgent) + sum(len(v.limits) for v in e.variants)
                       for e in m.classes.values())
        print(f"machine: {machine(server_version(conn))}")
        print(f"manual: {n_classes} classes, {n_limits} limits, {2 * n_classes} situations")

        t0 = time.perf_counter()
        version, changes = store_manual.apply(conn, m, "bench: the whole manual")
        first = time.perf_counter() - t0
        peer = statistics.median(peer_insert(conn, m) for _ in range(args.runs))
        print(f"1. apply the whole manual (version {version}, {len(changes)} changes): {first * 1000:.0f} ms; "
              f"peer: a plain multi-row INSERT of the same rows (execute_values) {peer * 1000:.0f} ms; "
              f"ratio {first / peer:.1f}×")
        same, _t, res = timed(lambda: store_manual.apply(conn, m, "bench: again"), runs=args.runs)
        print(f"2. apply it again (nothing changed, version stays {res[0]}): {same * 1000:.0f} ms")
        key = next(iter(m.classes))
        times = []
        for k in range(20):
            e = m.classes[key]
            changed = m.with_entry(ClassEntry(**{**e.__dict__, "limits": {"handle": Limit(10 + k, "hours")}}))
            page = Manual(profile="2013", classes={key: changed.classes[key]})
            t0 = time.perf_counter()
            store_manual.apply(conn, page, f"bench: one class {k}", replace=False)
            times.append(time.perf_counter() - t0)
        print(f"3. change one class (a new version each, 20 times): median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms; versions now {store_manual.version_in_force(conn)}")

        with conn.cursor() as cur:
            cur.execute("SELECT max(version) FROM citygrid.manual_version")
            v = cur.fetchone()[0]
            # 20,000 case rows of the store's own row type (a temporary copy of work_case's columns)
            cur.execute("CREATE TEMP TABLE bench_case (LIKE citygrid.work_case INCLUDING DEFAULTS)")
            cur.execute(f"""INSERT INTO bench_case (id, case_no, source, kind, profile, class_code, description, geom,
                                grid_code, district_code, street_code, community_code, state, urgent, manual_version,
                                variant)
                            SELECT g, 'C' || g, '监督员上报', k.kind, '2013', k.code, 'x',
                                   ST_SetSRID(ST_MakePoint(0, 0), citygrid.store_srid()), '1', '1', '1', '1',
                                   'dispatched', g % 7 = 0, {v} - g % 20,
                                   CASE WHEN g % 3 = 0 THEN '施工条件受限' ELSE '' END
                              FROM generate_series(1, 20000) g,
                                   LATERAL (SELECT kind, class_code AS code FROM citygrid.manual_class
                                             WHERE to_version IS NULL ORDER BY id
                                            OFFSET (g % {n_classes}) LIMIT 1) k""")

            def deadlines():
                cur.execute("SELECT count(citygrid.case_deadline(ROW(b.*)::citygrid.work_case, 'handle', now())) "
                            "FROM bench_case b")
                return cur.fetchone()[0]

            def peer_deadlines():
                cur.execute("SELECT count(citygrid.add_work_time(now(), 4, 'work_hours')) FROM bench_case b")
                return cur.fetchone()[0]
            ours, _t, n = timed(deadlines, runs=args.runs, warm=True)
            base, _t, _n = timed(peer_deadlines, runs=args.runs, warm=True)
            conn.rollback()
            print(f"4. deadlines of {n} cases under 20 manual versions: {ours * 1000:.0f} ms "
                  f"({ours / n * 1e6:.0f} µs each); peer add_work_time with the limit given "
                  f"{base * 1000:.0f} ms; ratio {ours / base:.2f}×")
            cur.execute("SELECT code FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL LIMIT 1")
            grid = cur.fetchone()[0]
            conn.rollback()

            def route():
                cur.execute("SELECT * FROM citygrid.case_route('event', '2013', '0102', %s, %s, %s, NULL, %s)",
                            (grid[:6], grid[6:9], grid[9:12], v))
                return cur.fetchall()
            r, times, found = timed(route, runs=200, warm=True)
            conn.rollback()
            print(f"5. routing preview: median {r * 1000:.2f} ms per call ({found})")

        try:
            from citygrid_plugin.core import manualsheet, xlsx
        except ImportError:
            print("6. XLSX: skipped (core.xlsx not present)")
            return 0
        names = {k: k[1] for k in m.classes}
        departments = {department}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "manual.xlsx"
            w, _t, _r = timed(lambda: manualsheet.write_manual_xlsx(path, m, names), runs=args.runs)
            raw, _t, sheets = timed(lambda: xlsx.read_xlsx(path), runs=args.runs)
            ours, _t, _r = timed(lambda: manualsheet.read_manual(path, "2013", names, departments), runs=args.runs)
            from osgeo import gdal, ogr
            gdal.UseExceptions()

            def ogr_read():
                ds = ogr.Open(str(path))
                n = 0
                for i in range(ds.GetLayerCount()):
                    for _f in ds.GetLayer(i):
                        n += 1
                return n
            peer_r, _t, rows = timed(ogr_read, runs=args.runs)
            print(f"6. the manual as XLSX, {sum(len(v) for v in sheets.values())} rows "
                  f"({path.stat().st_size // 1024} KiB): written {w * 1000:.0f} ms; read {raw * 1000:.0f} ms "
                  f"(read and checked into a manual {ours * 1000:.0f} ms); peer GDAL {gdal.__version__} XLSX driver "
                  f"read {peer_r * 1000:.0f} ms ({rows} features); ratio {raw / peer_r:.2f}×")
        print(json.dumps({"classes": n_classes, "limits": n_limits}))
    finally:
        conn.close()
        drop(cluster, dbname)
    return 0


if __name__ == "__main__":
    sys.exit(main())
