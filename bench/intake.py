#!/usr/bin/env python3
"""Benchmark: case intake (受理登记) and the case desk with N cases in the store — the report
dialog's data, the duplicate suggestion, a report with two 3 MB photos, search by number and by
address text, and a bulk intake of 10,000 rows through store.intake.report_many (what
citygrid:importcases writes with) against a plain INSERT of the same rows.

Setup: a fresh database on the private cluster with the sample district, its unit grids and the
departments (bench/census.py's setup_store), then N historical cases (default 1,000,000) COPY-filled
as bench/cases.py does (internal mode, BYPASSING the workflow functions, with their audit trail),
plus an address for each (one UPDATE in internal mode: 40 roads × house numbers), VACUUM ANALYZE.
The store roles are set up and the measurements run as an operator login (受理员) over a password
connection, through row-level security, as the dialog and the desk do.

1. report dialog opens: intake.sources + intake.classes('event') + intake.locate(x, y) (goal < 300 ms);
2. duplicate suggestion: intake.duplicates(kind, class, x, y) at a busy spot (goal < 50 ms);
3. saving a report with two 3 MB photos: intake.report(NewReport(photos=(p1, p2))) (goal < 300 ms);
4. desk search: desk.search(number=<full case number>) and by its trailing digits (goal < 20 ms),
   desk.search(text=<road and house number>) (goal < 200 ms);
5. bulk intake of 10,000 rows: the checks citygrid:importcases makes before writing (sources,
   class_table, grid_codes of every point: one round trip each) + intake.report_many in one
   transaction (goal < 10 s), then the same file again (every row already known: adds nothing);
   with --qgis also processing.run('citygrid:importcases') on the same rows as a CSV file;
6. peer: a plain INSERT of the same 10,000 rows into citygrid.work_case (internal mode; the grid
   codes and case numbers computed beforehand; no checks, deadlines, audit or NOTIFY); ratio.

Usage: .venv/bin/python bench/intake.py [--cases 1000000] [--rows 10000] [--runs 20] [--qgis]
       (CITYGRID_BENCH_CASES overrides the default of --cases; e.g. --cases 20000 for a quick run)
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import struct
import sys
import tempfile
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), str(ROOT / "bench"), str(ROOT / "data_samples")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

import cases as cases_bench  # noqa: E402  (bench/cases.py: fill(), pct(), INTERNAL_ON)
import census as census_bench  # noqa: E402  (bench/census.py: machine(), setup_store())
from common import machine, server_version  # noqa: E402

from citygrid_plugin.store import db, desk, intake  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.photos import Photo  # noqa: E402
from citygrid_plugin.store.roles import save_user, setup_roles  # noqa: E402

CST = timezone(timedelta(hours=8))
GOALS_MS = {"dialog": 300.0, "duplicates": 50.0, "report": 300.0, "number": 20.0, "text": 200.0}
GOAL_BULK_S = 10.0
PASSWORD = "Bench-2026!"
ROADS = ["红星路", "春熙路", "东大街", "总府路", "盐市口", "东御街", "书院街", "大慈寺路", "中纱帽街", "下东大街",
         "上东大街", "青石桥", "暑袜街", "梓潼桥", "科甲巷", "纱帽街", "华兴街", "人民南路", "锦江路", "合江亭路",
         "水井坊", "九眼桥", "望平街", "一环路东", "二环路东", "牛王庙", "东门大桥", "天仙桥", "椒子街", "莲花池",
         "均隆街", "永兴巷", "镋钯街", "和平街", "惜字宫街", "玉双路", "双林路", "建设路", "府青路", "新华大道"]


def pct(values: list[float], q: float) -> float:
    return cases_bench.pct(values, q)


def ms(fn, runs: int) -> tuple[list[float], object]:
    """Times of *runs* calls of *fn* in ms, after one uncounted warm-up call; the last result."""
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def line(label: str, times: list[float], goal: float | None = None, extra: str = "") -> str:
    p95 = pct(times, 0.95)
    verdict = "" if goal is None else f"   ({'within' if p95 < goal else 'OVER'} the goal of {goal:.0f} ms)"
    return f"   {label}: median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms{verdict}{extra}"


def png(size: int, seed: int) -> bytes:
    """A valid PNG of about *size* bytes (random RGB pixels do not compress)."""
    rng = random.Random(seed)
    side = int((size / 3) ** 0.5)
    raw = b"".join(b"\x00" + rng.randbytes(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


# -- setup ---------------------------------------------------------------------------------------------
def add_addresses(conn) -> float:
    """An address for every case (a road of ROADS and a house number), in internal mode."""
    t0 = time.perf_counter()
    with conn.cursor() as cur:
        cur.execute(cases_bench.INTERNAL_ON)
        cur.execute("UPDATE citygrid.work_case SET address = (%s::text[])[1 + id %% %s] || (1 + (id / 7) %% 300) "
                    "|| '号'", (ROADS, len(ROADS)))
        cur.execute("SELECT citygrid.set_internal(false)")
    conn.commit()
    old = conn.autocommit
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE citygrid.work_case")
    conn.autocommit = old
    return time.perf_counter() - t0


def operator_login(conn, cluster, dbname: str):
    """A connection of a new operator login (受理员, supervision centre) with a password."""
    setup_roles(conn)
    login = f"bench_op_{time.time_ns() % 10**8}"
    save_user(conn, login, ["operator"], "operator", password=PASSWORD)
    conn.commit()
    staff = db.connect(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={login} "
                       f"password={PASSWORD}")
    return login, staff


def grid_points(conn) -> list[tuple[str, float, float]]:
    with conn.cursor() as cur:
        cur.execute("SELECT code, ST_X(p), ST_Y(p) FROM (SELECT code, ST_PointOnSurface(geom) AS p FROM citygrid.grid "
                    "WHERE retired_at IS NULL AND code IS NOT NULL) s ORDER BY code")
        rows = cur.fetchall()
    conn.rollback()
    return rows


def bulk_rows(grids, classes: list[str], n: int, tag: str) -> list[intake.NewReport]:
    """*n* hotline reports (12345热线 with reporter and phone) spread over the grids."""
    rng = random.Random(20261206)
    news = []
    for i in range(n):
        _code, x, y = grids[rng.randrange(len(grids))]
        news.append(intake.NewReport(
            source="12345热线", kind="event", class_code=classes[i % len(classes)],
            description=f"市民来电反映：{ROADS[i % len(ROADS)]}附近问题 {i}", x=x + rng.uniform(-3, 3),
            y=y + rng.uniform(-3, 3), address=f"{ROADS[i % len(ROADS)]}{1 + i % 300}号", reporter="张女士",
            reporter_phone=f"138{i:08d}", external_id=f"{tag}-{i:06d}"))
    return news


def peer_insert(conn, news: list[intake.NewReport], codes: list[str], profile: str) -> float:
    """A plain INSERT of the rows into work_case (internal mode; case numbers and grid codes given)."""
    from psycopg2.extras import execute_values

    now = datetime.now(CST)
    with conn.cursor() as cur:
        cur.execute("SELECT COALESCE(max(id), 0) FROM citygrid.work_case")
        base = cur.fetchone()[0]
    conn.rollback()
    values = [(f"P{now:%Y%m%d}{base + i + 1:07d}", n.source, n.kind, profile, n.class_code, n.description, n.address,
               f"SRID=4544;POINT({n.x} {n.y})", code, code[:6], code[6:9], code[9:12], "reported", now, now, 1,
               f"peer-{n.external_id}")
              for i, (n, code) in enumerate(zip(news, codes))]
    t0 = time.perf_counter()
    with conn.cursor() as cur:
        cur.execute(cases_bench.INTERNAL_ON)
        execute_values(cur, "INSERT INTO citygrid.work_case (case_no, source, kind, profile, class_code, description, "
                       "address, geom, grid_code, district_code, street_code, community_code, state, reported_at, "
                       "updated_at, version, external_id) VALUES %s", values, page_size=1000)
        cur.execute("SELECT citygrid.set_internal(false)")
    conn.commit()
    return time.perf_counter() - t0


def qgis_import(cluster, dbname: str, news: list[intake.NewReport], folder: str,
                bad_row: bool = False) -> tuple[float, dict]:
    """processing.run('citygrid:importcases') on the rows written as a UTF-8 CSV in the store CRS;
    with *bad_row* one more row of an unknown class makes it check everything and write nothing."""
    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    import processing

    from citygrid_plugin.connections import delete_connection, save_connection

    path = os.path.join(folder, "bulk.csv")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("工单编号,来源,案件类型,小类代码,问题描述,地址,反映人,联系电话,x,y\n")
        for n in news:
            fh.write(f"{n.external_id},{n.source},{n.kind},{n.class_code},{n.description},{n.address},{n.reporter},"
                     f"{n.reporter_phone},{n.x:.3f},{n.y:.3f}\n")
        if bad_row:
            n = news[0]
            fh.write(f"BAD-1,{n.source},{n.kind},9999,x,x,x,{n.reporter_phone},{n.x:.3f},{n.y:.3f}\n")
    p = cluster.client_params(dbname)
    name = f"citygrid-bench-{dbname}"
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    try:
        t0 = time.perf_counter()
        result = processing.run("citygrid:importcases", {"CONNECTION": name, "CSV": path, "COORDINATES": 0,
                                                         "REJECTED": "memory:"})
        return time.perf_counter() - t0, result
    finally:
        delete_connection(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=int(os.environ.get("CITYGRID_BENCH_CASES", 1_000_000)))
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the bulk intake")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--qgis", action="store_true", help="also run citygrid:importcases in QGIS on a CSV")
    args = parser.parse_args()
    n, runs = args.cases, args.runs

    cluster = PrivateCluster.default()
    cluster.up()
    t0 = time.perf_counter()
    dbname, conn, info = census_bench.setup_store(cluster)
    t_setup = time.perf_counter() - t0
    print(f"machine: {machine(server_version(conn))}")
    staff = None
    try:
        t0 = time.perf_counter()
        filled = cases_bench.fill(conn, n)
        t_fill = time.perf_counter() - t0
        t_addr = add_addresses(conn)
        print(f"setup: store + district {info['district']} ({info['grids']} grids, {info['departments']} departments) "
              f"in {t_setup:.1f} s; fill (COPY, bypassing the workflow functions) {n:,} cases + "
              f"{filled['actions']:,} audit rows in {t_fill:.1f} s; addresses in {t_addr:.1f} s")
        login, staff = operator_login(conn, cluster, dbname)
        grids = grid_points(conn)
        _code, gx, gy = grids[len(grids) // 2]

        # 1. the report dialog opens
        def dialog():
            return intake.sources(staff), intake.classes(staff, "event"), intake.locate(staff, gx, gy)

        times, (srcs, classes, located) = ms(dialog, runs)
        print(f"\n1. report dialog opens (sources + classes('event') + locate), as operator {login}: "
              f"{len(srcs)} sources, {len(classes)} classes, grid {located['grid_code']}")
        print(line("dialog data", times, GOALS_MS["dialog"]))
        for label, fn in (("sources", lambda: intake.sources(staff)),
                          ("classes('event')", lambda: intake.classes(staff, "event")),
                          ("classes('event', '垃圾')", lambda: intake.classes(staff, "event", "垃圾")),
                          ("locate(x, y)", lambda: intake.locate(staff, gx, gy))):
            print(line(f"  {label}", ms(fn, runs)[0]))

        # 2. the duplicate suggestion at the busiest spot
        with conn.cursor() as cur:
            cur.execute("SELECT class_code, grid_code, count(*) FROM citygrid.work_case WHERE reported_at > now() - "
                        "interval '30 days' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1")
            busy_class, busy_grid, busy_n = cur.fetchone()
        conn.rollback()
        bx, by = next((x, y) for code, x, y in grids if code == busy_grid)
        times, dups = ms(lambda: intake.duplicates(staff, "event", busy_class, bx, by), runs)
        print(f"\n2. duplicate suggestion (same class within 50 m, 30 days) at grid {busy_grid}, class {busy_class} "
              f"({busy_n} cases of it there in 30 days): {len(dups)} candidates")
        print(line("duplicates", times, GOALS_MS["duplicates"]))

        # 3. saving a report with two 3 MB photos
        photos = (Photo.from_bytes(png(3 * 1024 * 1024, 1), "现场1.png"),
                  Photo.from_bytes(png(3 * 1024 * 1024, 2), "现场2.png"))
        counter = iter(range(10**6))

        def save():
            k = next(counter)
            return intake.report(staff, intake.NewReport(
                source="12345热线", kind="event", class_code=busy_class, description=f"市民来电：垃圾堆放 {k}",
                x=bx + 1, y=by + 1, address="红星路 1号", reporter="王先生", reporter_phone="13800001111",
                photos=photos))

        times, row = ms(save, max(5, runs // 2))
        print(f"\n3. saving a report with two photos of {len(photos[0].content) / 2**20:.1f} MB "
              f"(case {row.case_no}; photos in the store):")
        print(line("report + 2 photos", times, GOALS_MS["report"]))

        # 4. the desk's search
        with conn.cursor() as cur:
            cur.execute("SELECT case_no, address FROM citygrid.work_case WHERE state = 'closed' ORDER BY id DESC "
                        "LIMIT 1 OFFSET %s", (n // 3,))
            number, address = cur.fetchone()
        conn.rollback()
        full = ms(lambda: desk.search(staff, number=number), runs)
        serial = number[-8:].lstrip("0") or number[-8:]
        tail = ms(lambda: desk.search(staff, number=serial), runs)
        text = ms(lambda: desk.search(staff, text=address), runs)
        print(f"\n4. case desk search, {n:,} cases:")
        print(line(f"number {number}", full[0], GOALS_MS["number"], f"   {len(full[1])} found"))
        print(line(f"serial (last 8 digits) {serial}", tail[0], GOALS_MS["number"],
                   f"   {len(tail[1])} found"))
        print(line(f"address text '{address}'", text[0], GOALS_MS["text"], f"   {len(text[1])} found (limit 200)"))

        # 5. bulk intake: the checks of citygrid:importcases + report_many, then the same rows again
        classes_event = sorted({c["code"] for c in intake.class_table(staff) if c["kind"] == "event"})[:60]
        news = bulk_rows(grids, classes_event, args.rows, f"B{time.time_ns() % 10**6}")
        t0 = time.perf_counter()
        intake.sources(staff)
        intake.class_table(staff)
        codes = intake.grid_codes(staff, [(r.x, r.y) for r in news])
        t_check = time.perf_counter() - t0
        t0 = time.perf_counter()
        results = intake.report_many(staff, news)
        t_many = time.perf_counter() - t0
        created = sum(1 for _r, new in results if new)
        t0 = time.perf_counter()
        again = intake.report_many(staff, news)
        t_again = time.perf_counter() - t0
        total = t_check + t_many
        print(f"\n5. bulk intake of {len(news):,} rows (12345热线, reporter and phone, external ids), as the operator:")
        print(f"   checks before writing (sources, class_table, grid_codes of {len(news):,} points): {t_check:.2f} s; "
              f"{sum(c is None for c in codes)} outside")
        print(f"   report_many (one transaction): {t_many:.2f} s = {len(news) / t_many:,.0f} rows/s; {created:,} "
              f"created")
        print(f"   together {total:.2f} s   ({'within' if total < GOAL_BULK_S else 'OVER'} the goal of "
              f"{GOAL_BULK_S:.0f} s)")
        print(f"   the same rows again: {t_again:.2f} s, {sum(1 for _r, new in again if new)} created "
              f"({len(again):,} already known)")
        if args.qgis:
            qnews = bulk_rows(grids, classes_event, args.rows, f"Q{time.time_ns() % 10**6}")
            with tempfile.TemporaryDirectory() as folder:
                t_check_alg, checked = qgis_import(cluster, dbname, qnews, folder, bad_row=True)
                t_alg, result = qgis_import(cluster, dbname, qnews, folder)
            print(f"   processing.run('citygrid:importcases'), checks only (one more row of an unknown class: "
                  f"{checked['REJECTED_COUNT']} rejected, {checked['CREATED']} created, nothing written): "
                  f"{t_check_alg:.2f} s")
            print(f"   processing.run('citygrid:importcases') on the same number of rows as a CSV (store CRS), as "
                  f"the owner: {t_alg:.2f} s ({result['CREATED']:,} created, {result['REJECTED_COUNT']} rejected)  "
                  f"({'within' if t_alg < GOAL_BULK_S else 'OVER'} the goal of {GOAL_BULK_S:.0f} s)")

        # 6. peer
        with conn.cursor() as cur:
            cur.execute("SELECT profile FROM citygrid.district LIMIT 1")
            profile = cur.fetchone()[0]
        conn.rollback()
        t_peer = peer_insert(conn, news, codes, profile)
        print(f"\n6. peer: plain INSERT of the same {len(news):,} rows into work_case (internal mode; numbers and grid "
              f"codes given; no checks, deadlines, audit, reporter table or NOTIFY): {t_peer:.2f} s = "
              f"{len(news) / t_peer:,.0f} rows/s; the intake (checks + report_many) costs {total / t_peer:.1f}× the "
              f"peer (report_many alone {t_many / t_peer:.1f}×)")
    finally:
        if staff is not None:
            staff.close()
            with conn.cursor() as cur:
                cur.execute(f'DROP OWNED BY "{login}"')
                cur.execute(f'DROP ROLE "{login}"')
            conn.commit()
        conn.close()
        cluster.drop_database(dbname)
    return 0


if __name__ == "__main__":
    sys.exit(main())
