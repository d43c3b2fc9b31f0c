#!/usr/bin/env python3
"""Benchmark: the Open311 GeoReport v2 service (``./citygrid serve open311``) over real HTTP.

Setup: a fresh database on the private cluster with one district (锦江区), one community of
600 × 400 m in 24 unit grids, three departments, the standard class tables, the store roles,
the service's own password login (citygrid_open311 only) and one client app (rate limit high
enough not to interfere). The service runs in this process (waitress, --threads worker threads,
one store connection each) on a free port of 127.0.0.1.

1. POST requests: --posts new public reports (E0102 暴露垃圾 at random points of the grids), sent
   by --clients concurrent HTTP clients; each goes through open311_report (key, rate, case_report:
   checks, grid, number, deadline, audit, NOTIFY); rate in requests/s (goal >= 100/s);
2. GET requests.json (the default query: last 90 days, at most 1,000 requests, the newest first),
   --runs times: median and p95 latency (goal < 300 ms), also requests.xml;
3. peer: the same query in psycopg2 directly (the view open311_request_public as the service's
   login, 1,000 rows fetched), and the bare table (work_case, no view, no transform, as the owner).

Usage: .venv/bin/python bench/open311.py [--posts 2000] [--clients 8] [--threads 8] [--runs 30]
"""
from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), str(ROOT / "bench")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

from common import machine, server_version  # noqa: E402
from shapely.geometry import box  # noqa: E402

from citygrid_plugin.core.open311 import CST  # noqa: E402
from citygrid_plugin.open311.server import make_server  # noqa: E402
from citygrid_plugin.store import db, migrate, reference  # noqa: E402
from citygrid_plugin.store import open311 as store  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.grids import replace_grids  # noqa: E402
from citygrid_plugin.store.roles import setup_roles  # noqa: E402

PASSWORD = "Bench-Open311-2026!"
PREFIX = "510104001001"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def setup(cluster: PrivateCluster, dbname: str) -> tuple[str, str, str]:
    """(owner DSN, service DSN, API key) of a fresh store ready for Open311."""
    cluster.ensure_database(dbname)
    owner_dsn = cluster.dsn(dbname)
    conn = db.connect(owner_dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(0, 0, 600, 400, 4544)));
            INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '市政所'), ('JG', '交管');
            INSERT INTO citygrid.routing_rule (class_code, street_code, department_code)
            VALUES ('0102', NULL, 'HW');""")
    conn.commit()
    replace_grids(conn, {PREFIX: [box(x, y, x + 100, y + 100).wkb for y in (300, 200, 100, 0)
                                  for x in range(0, 600, 100)]})
    setup_roles(conn)
    login = f"bench_o311_{uuid.uuid4().hex[:6]}"
    store.save_service_login(conn, login, PASSWORD)
    key = store.save_client(conn, "bench-app", rate_per_minute=100000)
    conn.close()
    svc_dsn = f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={login} password={PASSWORD}"
    return owner_dsn, svc_dsn, key


def wgs84_points(owner_dsn: str, n: int, seed: int = 19) -> list[tuple[float, float]]:
    rnd = Random(seed)
    pts = [(rnd.uniform(5, 595), rnd.uniform(5, 395)) for _ in range(n)]
    conn = db.connect(owner_dsn)
    with conn.cursor() as cur:
        cur.execute("""SELECT ST_Y(p), ST_X(p) FROM unnest(%s::float8[], %s::float8[]) WITH ORDINALITY u(x, y, i),
                              ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 4544), 4326) p ORDER BY i""",
                    ([p[0] for p in pts], [p[1] for p in pts]))
        out = cur.fetchall()
    conn.close()
    return out


def http(method: str, url: str, form: dict | None = None) -> tuple[int, bytes]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method), timeout=60) as r:  # nosec
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth" under load
    cluster = PrivateCluster.default()
    cluster.up()
    dbname = f"cg_bench_o311_{uuid.uuid4().hex[:6]}"
    owner_dsn, svc_dsn, key = setup(cluster, dbname)
    owner = db.connect(owner_dsn)
    print(machine(server_version(owner), f"falcon + waitress, {args.threads} threads"))
    server, pool = make_server(svc_dsn, port=0, threads=args.threads)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.effective_port}"
    try:
        points = wgs84_points(owner_dsn, args.posts)

        def post(i: int) -> int:
            lat, lon = points[i]
            return http("POST", f"{base}/requests.json", {
                "api_key": key, "service_code": "E0102", "lat": f"{lat:.9f}", "long": f"{lon:.9f}",
                "description": f"路边垃圾 {i}", "first_name": "三", "last_name": "张", "phone": "13800000000"})[0]

        post(0)  # warm-up (connections, plans)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as ex:
            statuses = list(ex.map(post, range(1, args.posts)))
        elapsed = time.perf_counter() - t0
        ok = statuses.count(200)
        print(f"POST requests.json: {ok}/{len(statuses)} accepted in {elapsed:.2f} s = {ok / elapsed:.0f}/s "
              f"with {args.clients} clients (goal >= 100/s)")

        for fmt in ("json", "xml"):
            times = []
            for _ in range(args.runs + 1):
                t = time.perf_counter()
                status, body = http("GET", f"{base}/requests.{fmt}")
                times.append(time.perf_counter() - t)
                assert status == 200, body[:300]
            times = times[1:]
            n = len(json.loads(body)) if fmt == "json" else body.count(b"<request>")
            print(f"GET requests.{fmt} (last 90 days, {n} requests, {len(body) // 1024} KB): median "
                  f"{statistics.median(times) * 1000:.0f} ms, p95 {pct(times, 0.95) * 1000:.0f} ms (goal < 300 ms)")

        svc = db.connect(svc_dsn)
        since = datetime.now(CST) - timedelta(days=90)

        def view_query():
            with svc.cursor() as cur:
                cur.execute("""SELECT service_request_id, state, service_code, service_name, description, lat, long,
                                      requested_datetime, updated_datetime, expected_datetime, agency_responsible,
                                      address FROM citygrid.open311_request_public WHERE requested_datetime >= %s
                                ORDER BY requested_datetime DESC, id DESC LIMIT 1000""", (since,))
                rows = cur.fetchall()
            svc.rollback()
            return rows

        def table_query():
            with owner.cursor() as cur:
                cur.execute("""SELECT case_no, state, kind, class_code, description, ST_X(geom), ST_Y(geom),
                                      reported_at, updated_at, handle_deadline, department_code, address
                                 FROM citygrid.work_case
                                WHERE reported_at >= %s ORDER BY reported_at DESC, id DESC LIMIT 1000""", (since,))
                rows = cur.fetchall()
            owner.rollback()
            return rows

        for label, fn in (("psycopg2, the view as the service login", view_query),
                          ("psycopg2, work_case bare as the owner", table_query)):
            fn()
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                rows = fn()
                times.append(time.perf_counter() - t)
            print(f"peer {label} ({len(rows)} rows): median {statistics.median(times) * 1000:.1f} ms, "
                  f"p95 {pct(times, 0.95) * 1000:.1f} ms")
        svc.close()
    finally:
        server.close()
        thread.join(5)
        pool.close()
        with owner.cursor() as cur:
            cur.execute("SELECT session_user")
        owner.close()
        logins = svc_dsn.split("user=")[1].split()[0]
        cluster.drop_database(dbname)
        conn = db.connect(cluster.dsn("postgres"))
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP ROLE IF EXISTS "{logins}"')  # nosec B608 - our own generated name
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
