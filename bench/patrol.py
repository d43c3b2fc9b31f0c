#!/usr/bin/env python3
"""Benchmark: a day of patrol on the handheld (issue 17) — building the supervisors' packages, syncing
their day back, and the day's coverage.

Setup (not measured): a fresh store with the sample district (bench/census.py's setup_store), the
store roles, S supervisor logins (default 50) each answering for an equal share of the 825 grids,
and T verify tasks (default 2,000) — public reports accepted by an operator, each the task of its
grid's supervisor.

1. building the S packages (citygrid:patrolpackage through QGIS: GeoPackage, project, forms, task
   photos, the QField check of every package) — goal < 60 s;
2. the field day, written as QField leaves it (data_samples/qfield_edits.py; not measured): R
   reports (default 5,000, spread over the packages) with one photo each of P MB (default 3), a
   verdict on every task, and per supervisor an 8-hour track at one point per second (28,800 points);
3. syncing every package (store.patrol.sync: reports → cases with their photos, verdicts → actions
   in the supervisor's name, tracks → the store), with W connections in parallel (default: the
   cores) — goal < 60 s in all; then a second sync of all (nothing added);
4. the day's coverage (store.coverage.coverage) — goal < 5 s;
5. peer: the same photo bytes written by a plain INSERT into a bytea table (no checks, no case,
   no audit) with the same connections: what the photos alone cost on this machine's disk.

Usage: .venv/bin/python bench/patrol.py [--supervisors 50] [--reports 5000] [--tasks 2000]
       [--photo-mb 3] [--hours 8] [--workers N]
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "data_samples"))

from common import machine, server_version  # noqa: E402

from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402

CST = dt.timezone(dt.timedelta(hours=8))


def photo_bytes(mb: float, seed: int) -> bytes:
    """A real JPEG of about *mb* MB (a small picture, then random bytes in an APP segment chain is
    not needed: JPEG readers stop at EOI; the store checks the first bytes and the size)."""
    from PIL import Image

    image = Image.new("RGB", (64, 48), (seed % 255, 90, 60))
    out = io.BytesIO()
    image.save(out, "JPEG")
    head = out.getvalue()
    rest = int(mb * 1024 * 1024) - len(head)
    return head + random.Random(seed).randbytes(max(0, rest))


def setup(cluster, n_supervisors: int, n_tasks: int):
    from census import setup_store

    from citygrid_plugin.store import admin
    from citygrid_plugin.store.cases import act, report_case
    from citygrid_plugin.store.roles import save_user, setup_roles

    dbname, conn, _info = setup_store(cluster)
    setup_roles(conn)
    with conn.cursor() as cur:
        cur.execute("SELECT code, ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM citygrid.grid "
                    "WHERE retired_at IS NULL AND code IS NOT NULL ORDER BY code")
        grids = cur.fetchall()
    conn.rollback()
    logins = [f"bench_sup_{k:02d}" for k in range(n_supervisors)]
    share = {}
    for k, login in enumerate(logins):
        save_user(conn, login, ["supervisor"], f"监督员{k:02d}")
        mine = grids[k * len(grids) // n_supervisors:(k + 1) * len(grids) // n_supervisors]
        admin.set_supervisor_grids(conn, login, [g[0] for g in mine])
        share[login] = mine
    with conn.cursor() as cur:   # their grids since last month (the coverage of yesterday counts them)
        cur.execute("UPDATE citygrid.supervisor_grid SET valid_from = current_date - 30")
    conn.commit()
    save_user(conn, "bench_operator", ["operator"], "受理员")
    t0 = time.perf_counter()
    for i in range(n_tasks):
        code, x, y = grids[i % len(grids)]
        c = report_case(conn, "12319热线", "event", "0102", f"暴露垃圾 {i}", x, y, reporter="王",
                        reporter_phone="13800000000", commit=False)
        act(conn, c.id, "accept", "operator", c.version, commit=False)
    conn.commit()
    print(f"setup: {n_supervisors} supervisors, {n_tasks} verify tasks ({time.perf_counter() - t0:.1f} s)")
    return dbname, conn, logins, share


def field_day(folder: Path, login: str, grids, n_reports: int, photo: bytes, hours: float, seed: int) -> dict:
    """The supervisor's day written into his package as QField leaves it."""
    import qfield_edits
    from osgeo import ogr

    rng = random.Random(seed)
    start = dt.datetime.now(CST).replace(hour=8, minute=30, second=0, microsecond=0) - dt.timedelta(days=1)
    for i in range(n_reports):
        _code, x, y = grids[i % len(grids)]
        qfield_edits.add_report(folder, x + rng.uniform(-20, 20), y + rng.uniform(-20, 20),
                                description=f"巡查发现暴露垃圾 {i}", photos=(photo,),
                                observed_at=start + dt.timedelta(minutes=i), accuracy_m=4.0, author=login)
    ds = ogr.Open(str(folder / "patrol.gpkg"))
    cases = [f.GetField("case_id") for f in ds.GetLayerByName("tasks")]
    ds = None
    for case_id in cases:
        qfield_edits.set_verdict(folder, case_id, "confirmed", note="现场属实", photo=photo[:200_000])
    # an 8-hour walk round his grids, one fix a second, about 1.2 m/s
    path = [(x, y) for _c, x, y in grids] + [(grids[0][1], grids[0][2])]
    points, t, seconds = [], start.timestamp(), int(hours * 3600)
    k = 0
    while len(points) < seconds:
        (x0, y0), (x1, y1) = path[k % (len(path) - 1)], path[k % (len(path) - 1) + 1]
        steps = max(2, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / 1.2))
        for i in range(steps):
            points.append((x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, t))
            t += 1
            if len(points) >= seconds:
                break
        k += 1
    qfield_edits.add_track(folder, points, author=login)
    return {"verdicts": len(cases), "points": len(points)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--supervisors", type=int, default=50)
    ap.add_argument("--reports", type=int, default=5000)
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--photo-mb", type=float, default=3.0)
    ap.add_argument("--hours", type=float, default=8.0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    import processing

    from citygrid_plugin.store import coverage, db, patrol

    cluster = PrivateCluster.default()
    cluster.up()
    dbname, conn, logins, share = setup(cluster, args.supervisors, args.tasks)
    dsn = cluster.dsn(dbname)
    print(f"machine: {machine(server_version(conn))}")
    with tempfile.TemporaryDirectory(prefix="citygrid-patrol-") as tmp:
        root = Path(tmp)
        from qgis.core import QgsProcessingFeedback

        t0 = time.perf_counter()
        params = {"SUPERVISORS": ",".join(logins), "OUTPUT": str(root)}
        params.update(_store_params(cluster, dbname))
        built = processing.run("citygrid:patrolpackage", params, feedback=QgsProcessingFeedback())
        build_s = time.perf_counter() - t0
        print(f"1. {int(built['PACKAGES'])} packages built ({int(built['TASKS'])} tasks): {build_s:.1f} s "
              f"({build_s / len(logins):.2f} s each; goal < 60 s)")

        photo = photo_bytes(args.photo_mb, 1)
        per = args.reports // len(logins)
        t0 = time.perf_counter()
        points = verdicts = 0
        for k, login in enumerate(logins):
            got = field_day(root / login, login, share[login], per + (1 if k < args.reports % len(logins) else 0),
                            photo, args.hours, k)
            points += got["points"]
            verdicts += got["verdicts"]
        print(f"2. the field day written as QField leaves it: {args.reports} reports with a {args.photo_mb:g} MB "
              f"photo each, {verdicts} verdicts, {len(logins)} tracks of {points // len(logins)} points "
              f"({time.perf_counter() - t0:.0f} s, not measured)")

        def sync_one(login):
            c = db.connect(dsn)
            try:
                return patrol.sync(c, root / login)
            finally:
                c.close()
        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(args.workers) as pool:
            reports = list(pool.map(sync_one, logins))
        sync_s = time.perf_counter() - t0
        filed = sum(r.reports_filed for r in reports)
        applied = sum(r.verdicts_applied for r in reports)
        stored = sum(r.tracks_stored for r in reports)
        problems = sum(len(r.problems) for r in reports)
        print(f"3. sync of {len(logins)} packages with {args.workers} connections: {sync_s:.1f} s "
              f"({filed} reports filed, {applied} verdicts applied, {stored} track parts, {problems} problems; "
              f"{filed * args.photo_mb / sync_s:.0f} MB of photos/s; goal < 60 s)")
        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(args.workers) as pool:
            again = list(pool.map(sync_one, logins))
        print(f"   again: {time.perf_counter() - t0:.1f} s, {sum(r.reports_filed for r in again)} filed, "
              f"{sum(r.reports_known for r in again)} known")

        day = (dt.datetime.now(CST) - dt.timedelta(days=1)).date()
        t0 = time.perf_counter()
        days = coverage.coverage(conn, day)
        cov_s = time.perf_counter() - t0
        shares = [d.share for d in days if d.share is not None]
        print(f"4. coverage of {day}: {cov_s:.2f} s for {len(days)} supervisors (mean share "
              f"{sum(shares) / max(1, len(shares)):.0%}; goal < 5 s)")

        # peer: the photo bytes alone, plain INSERTs into a bytea table, same connections
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS public.bench_photo (id serial, content bytea)")
            cur.execute("ALTER TABLE public.bench_photo ALTER COLUMN content SET STORAGE EXTERNAL")
        conn.commit()

        def insert_many(n):
            c = db.connect(dsn)
            try:
                with c.cursor() as cur:
                    for _ in range(n):
                        cur.execute("INSERT INTO public.bench_photo (content) VALUES (%s)", (photo,))
                        c.commit()
            finally:
                c.close()
        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(insert_many, [args.reports // args.workers] * args.workers))
        peer_s = time.perf_counter() - t0
        print(f"5. peer: the same {args.reports} photos by plain INSERT: {peer_s:.1f} s; the sync costs "
              f"{sync_s / peer_s:.2f}× the photo bytes alone")
    conn.close()
    admin_conn = db.connect(cluster.dsn("postgres"))
    admin_conn.autocommit = True
    with admin_conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        for login in [*logins, "bench_operator"]:
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    admin_conn.close()
    return 0


def _store_params(cluster, dbname: str) -> dict:
    """The algorithms' store parameters: a pg_service entry for the bench's database, written as the
    demo writes its own (scripts/demo.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from demo import write_service_file

    service = f"citygrid_{dbname}"
    write_service_file(cluster, service, dbname)
    return {"SERVICE": service}


if __name__ == "__main__":
    sys.exit(main())
