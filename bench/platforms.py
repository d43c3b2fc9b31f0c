#!/usr/bin/env python3
"""Benchmark of the city and district platforms (issue 19: 市、县分别建设; store/platform.py).

1. Visibility: how soon a case reported in a district is in the city's record. Two SEPARATE private
   clusters on this machine (``PrivateCluster(root=<temp>/city/pg, port=<free>)`` and
   ``…/district/pg``; both get ``wal_level = logical`` from ``init``), each with a fresh store: the
   district is the sample district (its unit grids and departments, bench/census.py's setup) with
   ``--history`` cases (bench/cases.py's COPY fill), the city an empty store; ``platform.init`` on
   both, then ``platform.link`` (the first copy of the district's feed is timed). Load:
   ``--threads`` connections in the district run ``--rate`` actions a second in all, paced, through
   the real store functions (``store.cases.report_case`` and ``store.cases.act``: a mix of reports
   and the actions of their lifecycle accept, register, dispatch, feedback, check_ok, close; one
   commit each; the check's evidence photo, ``--photo-kb`` KB, goes with check_ok, as does the
   result's with the feedback of the classes that ask for one); the achieved rate is printed. A
   probe: a case reported in the district by another connection (the time noted when its commit
   returns), then the city's ``citygrid_feed.work_case`` polled for it every 2 ms by a connection of
   the city; visibility = first seen − commit (median, p95, max over ``--probes``; goal < 2 s).
   Peer: one store, the same probe read by another connection of the same (loaded) store right after
   the commit (the probes alternate, so both see the same load). Both servers, the load and the
   replication share the machine's cores. At the end: how long the city takes to catch up, the WAL
   the district's slot holds; then ``platform.unlink``, both clusters down and their folders
   removed.

2. A city of ``--districts`` districts with ``--cases`` cases each (default 10 × 200,000 = 2,000,000
   cases with audit trails over the 24 months ending with the last complete month), on a private
   cluster of its own made for the run (its WAL, some 10 GB for the fill, reaches no other store's
   replication slots; with ``--keep-db`` the default private cluster, so the databases stay). The
   peer first: ONE store (the sample district) holding all
   the cases in citygrid.work_case / citygrid.case_action, filled as bench/evaluation.py's two-years
   fill does (``fill_years``: every case's trail like the workflow's, by COPY). Then the city: a
   fresh store made the city platform (``platform.init``, i.e. ``citygrid.platform_set('city', …)``),
   its ``platform_district`` rows inserted as the owner, and its citygrid_feed tables (divisions,
   departments, grids, cases, case actions) filled directly by COPY from the peer's rows: case *id*
   goes to district ``(id − 1) mod N`` under that district's code (grid codes re-prefixed), ids and
   audit order kept (the audit in time order, as replication delivers it). Replication itself is
   NOT used for this fill: what it costs is measured in (1). Measured on the same cases at the city
   and the peer: the city's queue across districts (``platform.city_queue(limit=500)``, also with
   ``district=`` and ``overdue=True``; median and p95 of 20 runs; goal < 500 ms) against the peer's
   ``case_queue`` view with the department's name, ordered the same way; the monthly indicators of
   the last complete month (``evaluation.evaluate_period`` on the city store, which reads every
   district's record from citygrid_feed, then ``.figures('district')`` and ``.figures('department')``;
   median of ``--runs``; goal < 10 s) against ``evaluate_period`` on the peer. Check: the city's
   headline figures summed over the districts equal the peer's, department by department. Fresh
   databases, dropped at the end unless ``--keep-db``.

3. Open311: measured by bench/open311.py (not here); its recorded figures are printed from
   BENCHMARKS.md.

Usage: .venv/bin/python bench/platforms.py [--quick] [--districts 10] [--cases 200000] [--probes 100]
       [--rate 500] [--threads 8] [--history 20000] [--runs 3] [--part 1|2] [--keep-db]
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), str(ROOT / "bench"), str(ROOT / "data_samples")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

import cases as cases_bench  # noqa: E402  (bench/cases.py: fill(), pct())
import census as census_bench  # noqa: E402  (bench/census.py: machine(), setup_store())
import evaluation as evaluation_bench  # noqa: E402  (bench/evaluation.py: fill_years(), fresh(), CHECKED)
import generate_cases  # noqa: E402
import patrol as patrol_bench  # noqa: E402  (bench/patrol.py: photo_bytes())
from common import server_version  # noqa: E402  (bench/common.py)

from citygrid_plugin.core.evaluation import shift_months  # noqa: E402
from citygrid_plugin.core.periods import parse_period  # noqa: E402
from citygrid_plugin.store import db, migrate, platform, reference  # noqa: E402
from citygrid_plugin.store.cases import CaseRefused, act, report_case  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.evaluation import evaluate_period  # noqa: E402
from citygrid_plugin.store.photos import Photo  # noqa: E402

CST = timezone(timedelta(hours=8))
GOAL_VISIBLE_S = 2.0
GOAL_QUEUE_MS = 500.0
GOAL_MONTH_S = 10.0
CITY = ("510100", "成都市")
# the city's districts (GB/T 2260, Chengdu); more than these get made-up codes 5190xx
DISTRICTS = [("510104", "锦江区"), ("510105", "青羊区"), ("510106", "金牛区"), ("510107", "武侯区"),
             ("510108", "成华区"), ("510112", "龙泉驿区"), ("510113", "青白江区"), ("510114", "新都区"),
             ("510115", "温江区"), ("510116", "双流区"), ("510117", "郫都区"), ("510118", "新津区"),
             ("510121", "金堂县"), ("510129", "大邑县"), ("510131", "蒲江县"), ("510181", "都江堰市"),
             ("510182", "彭州市"), ("510183", "邛崃市"), ("510184", "崇州市"), ("510185", "简阳市")]
# a trusted report's lifecycle after case_report (action, role, note), one transaction each
LIFECYCLE = (("accept", "operator", None), ("register", "shift_leader", None), ("dispatch", "dispatcher", None),
             ("feedback", "department", "已按处置标准处置完毕"), ("check_ok", "supervisor", "现场核查已处置"),
             ("close", "shift_leader", None))
SOURCE = "监督员上报"
POLL_S = 0.002
PROBE_TIMEOUT_S = 60.0

pct = cases_bench.pct


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def free_ports(n: int) -> list[int]:
    """*n* distinct free TCP ports of 127.0.0.1 (held open together while chosen)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def stats_line(values: list[float]) -> str:
    """'median x ms, p95 y ms, max z ms' of seconds."""
    return (f"median {1000 * statistics.median(values):7.1f} ms, p95 {1000 * pct(values, 0.95):7.1f} ms, "
            f"max {1000 * max(values):7.1f} ms")


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


# -- 1. visibility -------------------------------------------------------------------------------------
class Load:
    """*threads* connections of the district running *rate* actions a second in all, paced: each
    keeps a pool of its own open cases; a tick reports a new case (when the pool is small, else one
    time in seven: a case has seven actions) or takes the next action of one of its cases."""

    def __init__(self, dsn: str, threads: int, rate: float, points: list[tuple[float, float]], classes: list[str],
                 photo: Photo, after_photo: set[str]):
        self.dsn, self.threads, self.rate, self.points, self.classes = dsn, threads, rate, points, classes
        self.photo, self.after_photo = photo, after_photo
        self.done = [0] * threads
        self.reports = [0] * threads
        self.errors: list[str] = []
        self.stop = threading.Event()
        self._workers: list[threading.Thread] = []

    def start(self) -> None:
        self._workers = [threading.Thread(target=self._run, args=(k,), daemon=True) for k in range(self.threads)]
        for t in self._workers:
            t.start()

    def finish(self) -> None:
        self.stop.set()
        for t in self._workers:
            t.join()

    def total(self) -> int:
        return sum(self.done)

    def _run(self, k: int) -> None:
        rng = random.Random(20261206 + k)  # nosec B311 - the seeded benchmark workload
        interval = self.threads / self.rate
        mine: list[list] = []      # [CaseRow, next step, class]
        try:
            conn = db.connect(self.dsn)
        except Exception as exc:  # noqa: BLE001 - reported by the bench
            self.errors.append(f"connect: {exc!r}")
            return
        t_next = time.perf_counter() + rng.uniform(0, interval)
        try:
            while not self.stop.is_set():
                wait = t_next - time.perf_counter()
                if wait > 0 and self.stop.wait(wait):
                    break
                t_next = max(t_next + interval, time.perf_counter() - 0.5)   # no burst after a stall
                try:
                    if len(mine) < 4 or rng.random() < 1 / (len(LIFECYCLE) + 1):
                        x, y = self.points[rng.randrange(len(self.points))]
                        row_class = rng.choice(self.classes)
                        row = report_case(conn, SOURCE, "event", row_class, "平台基准负载",
                                          x + rng.uniform(-3, 3), y + rng.uniform(-3, 3))
                        mine.append([row, 0, row_class])
                        self.reports[k] += 1
                    else:
                        i = rng.randrange(len(mine))
                        row, step, row_class = mine[i]
                        action, role, note = LIFECYCLE[step]
                        # the evidence the store asks for: the check's photo, the result's where the class says so
                        photos = (self.photo,) if action == "check_ok" or (
                            action == "feedback" and row_class in self.after_photo) else ()
                        row = act(conn, row.id, action, role, row.version, note=note, photos=photos)
                        if step + 1 < len(LIFECYCLE):
                            mine[i] = [row, step + 1, row_class]
                        else:
                            mine[i] = mine[-1]
                            mine.pop()
                    self.done[k] += 1
                except CaseRefused as exc:
                    self.errors.append(str(exc))
                    if len(self.errors) > 1000:
                        break
        finally:
            conn.close()


def _poll(conn, query: str, args: tuple, timeout: float = PROBE_TIMEOUT_S) -> float | None:
    """perf_counter() when *query* (autocommit connection) first returns a row; None after *timeout*."""
    deadline = time.perf_counter() + timeout
    with conn.cursor() as cur:
        while True:
            cur.execute(query, args)
            if cur.fetchone() is not None:
                return time.perf_counter()
            if time.perf_counter() > deadline:
                return None
            time.sleep(POLL_S)


def _probe(prober, point: tuple[float, float], cls: str) -> tuple[int, float]:
    """Report a case (one transaction); its id and the moment the commit returned."""
    row = report_case(prober, SOURCE, "event", cls, "可见性探针", point[0], point[1], commit=False)
    prober.commit()
    return row.id, time.perf_counter()


def _temp_root() -> Path:
    """A folder the server's account can traverse (the clusters run as postgres when we are root)."""
    base = Path(tempfile.mkdtemp(prefix="cg-bench-platforms-", dir="/var/tmp"))  # nosec B108 - postgres must reach it
    os.chmod(base, 0o755)  # nosec B103 - only traversal: each cluster closes its own folder (0700)
    return base


def visibility(args) -> dict:
    """Part 1 (see the module doc)."""
    base = _temp_root()
    city_port, district_port = free_ports(2)
    clusters = {"city": PrivateCluster(root=base / "city" / "pg", port=city_port),
                "district": PrivateCluster(root=base / "district" / "pg", port=district_port)}
    conns: list = []
    city = district = load = None
    code = ""
    result: dict = {}
    try:
        t0 = time.perf_counter()
        for cluster in clusters.values():
            cluster.up()
        print(f"two private clusters: the city on port {clusters['city'].port}, the district on port "
              f"{clusters['district'].port} ({time.perf_counter() - t0:.1f} s to make and start)")
        # the district: the sample district and its history, made a district platform
        t0 = time.perf_counter()
        dname, district, info = census_bench.setup_store(clusters["district"])
        code = info["district"]
        print(f"  {server_version(district)} (the district's server)")
        if args.history:
            cases_bench.fill(district, args.history)
        _added, routed = generate_cases._ensure_routing(district)
        with district.cursor() as cur:
            cur.execute("SELECT name FROM citygrid.district WHERE code = %s", (code,))
            dist_name = cur.fetchone()[0]
            cur.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM citygrid.grid "
                        "WHERE retired_at IS NULL AND code IS NOT NULL) s")
            points = cur.fetchall()
            cur.execute("SELECT class_code FROM citygrid.case_class_rule WHERE kind = 'event' AND after_photo")
            after_photo = {r[0] for r in cur.fetchall()}
        district.rollback()
        platform.init(district, "district", code, dist_name)
        print(f"district {code} {dist_name}: {info['grids']} grids, {info['departments']} departments, "
              f"{args.history:,} cases of history (COPY), platform init ({time.perf_counter() - t0:.1f} s)")
        # the city: an empty store made the city platform, then the link
        t0 = time.perf_counter()
        cname = f"cg_bench_city_{uuid.uuid4().hex[:8]}"
        clusters["city"].ensure_database(cname)
        city = db.connect(clusters["city"].dsn(cname))
        migrate.upgrade(city)
        reference.load_standard_classes(city)
        platform.init(city, "city", *CITY)
        print(f"city {CITY[0]} {CITY[1]}: store and platform init ({time.perf_counter() - t0:.1f} s)")
        linked = platform.link(city, district)
        print(f"platform.link: the district's feed copied to the city ({linked.cases:,} cases) and both "
              f"subscriptions ready in {linked.seconds:.1f} s")
        result["link_s"], result["link_cases"] = linked.seconds, linked.cases

        district_dsn = clusters["district"].dsn(dname)
        classes = sorted(routed)
        city_poll = db.connect(clusters["city"].dsn(cname))
        peer_poll = db.connect(district_dsn)
        prober = db.connect(district_dsn)
        conns += [city_poll, peer_poll, prober]
        city_poll.autocommit = peer_poll.autocommit = True
        photo = Photo(patrol_bench.photo_bytes(args.photo_kb / 1024, 7), "image/jpeg", "check.jpg")
        load = Load(district_dsn, args.threads, args.rate, points, classes, photo, after_photo)
        load.start()
        time.sleep(3.0)    # let the load settle before probing
        rng = random.Random(19)  # nosec B311 - seeded probe timing
        seen_city: list[float] = []
        seen_peer: list[float] = []
        missed = 0
        done0, t_start, load_before = load.total(), time.perf_counter(), os.getloadavg()[0]
        for _ in range(args.probes):
            time.sleep(rng.uniform(0.05, 0.25))
            case_id, committed = _probe(prober, points[rng.randrange(len(points))], rng.choice(classes))
            seen = _poll(city_poll, "SELECT 1 FROM citygrid_feed.work_case WHERE district_code = %s AND id = %s",
                         (code, case_id))
            if seen is None:
                missed += 1
            else:
                seen_city.append(seen - committed)
            time.sleep(rng.uniform(0.05, 0.25))
            case_id, committed = _probe(prober, points[rng.randrange(len(points))], rng.choice(classes))
            seen = _poll(peer_poll, "SELECT 1 FROM citygrid.work_case WHERE id = %s", (case_id,))
            if seen is not None:
                seen_peer.append(seen - committed)
        window = time.perf_counter() - t_start
        done = load.total() - done0
        load.finish()
        rate = done / window
        reports = sum(load.reports)
        print(f"\n1. visibility, {args.probes} probes over {window:.0f} s while {args.threads} connections ran "
              f"case_report/case_act in the district: {done:,} actions = {rate:,.0f}/s (asked {args.rate:,.0f}/s; "
              f"{reports:,} reports and {load.total() - reports:,} actions of their lifecycles in the whole run; "
              f"load average {load_before:.2f} before the probes, {os.getloadavg()[0]:.2f} after)"
              + (f"; {len(load.errors)} refused, e.g. {load.errors[0]}" if load.errors else ""))
        if seen_city:
            ok = pct(seen_city, 0.5) < GOAL_VISIBLE_S
            print(f"   district → city (logical replication), commit → first seen at the city: {stats_line(seen_city)}"
                  f"   (goal median < {GOAL_VISIBLE_S:.0f} s: {verdict(ok)})"
                  + (f"; {missed} not seen within {PROBE_TIMEOUT_S:.0f} s" if missed else ""))
        else:
            print(f"   district → city: no probe seen at the city within {PROBE_TIMEOUT_S:.0f} s")
        print(f"   peer: another connection of the same store, commit → first seen:   {stats_line(seen_peer)}")
        if seen_city and seen_peer:
            print(f"   ratio city / peer (medians): {statistics.median(seen_city) / statistics.median(seen_peer):,.0f}")
        # how long until the city holds everything the district does, and the slot
        t0 = time.perf_counter()
        with district.cursor() as cur:
            cur.execute("SELECT count(*), sum(version) FROM citygrid.work_case")
            want = cur.fetchone()
        district.rollback()
        caught = None
        while time.perf_counter() - t0 < 120:
            with city_poll.cursor() as cur:
                cur.execute("SELECT count(*), sum(version) FROM citygrid_feed.work_case WHERE district_code = %s",
                            (code,))
                if cur.fetchone() == want:
                    caught = time.perf_counter() - t0
                    break
            time.sleep(0.05)
        slot = platform.feed_slot_status(district)
        held = f"; the district's slot holds {slot['retained_bytes'] / 1e6:.1f} MB of WAL for the city" if slot else ""
        print(f"   after the load: the city holds all {want[0]:,} cases at their last version "
              + (f"{caught:.2f} s after it stopped" if caught is not None else "NOT within 120 s") + held)
        result.update(city=seen_city, peer=seen_peer, rate=rate, missed=missed, window=window, done=done)
    finally:
        if load is not None:
            load.finish()
        for c in conns:
            c.close()
        if city is not None and district is not None and code:
            try:
                platform.unlink(city, code, district)
            except Exception as exc:  # noqa: BLE001 - teardown goes on
                print(f"   (unlink failed: {exc})")
        for c in (city, district):
            if c is not None and not c.closed:
                c.close()
        for cluster in clusters.values():
            try:
                cluster.down()
            except Exception as exc:  # noqa: BLE001 - teardown goes on
                print(f"   (stopping {cluster.root} failed: {exc})")
        shutil.rmtree(base, ignore_errors=True)
    return result


# -- 2. a city of districts -----------------------------------------------------------------------------
# the peer's rows into the city's feed: case id -> district (id - 1) mod N under its code
FEED_CASES_OUT = """
COPY (SELECT k.d, c.id, c.case_no, c.source, c.kind, c.profile, c.class_code, c.component_code, c.description,
             c.address, c.geom, k.d || substr(c.grid_code, 7), c.street_code, c.community_code, c.department_code,
             c.state, c.stage, c.stage_deadline, c.handle_deadline, c.close_category, c.urgent, c.external_id,
             c.rework_count, c.urge_count, c.revisit_pending, c.reported_at, c.updated_at, c.version
        FROM citygrid.work_case c
       CROSS JOIN LATERAL (SELECT (%(codes)s::text[])[(c.id - 1) %% %(n)s + 1] AS d) k
       ORDER BY c.id) TO STDOUT
"""
FEED_CASES_IN = """COPY citygrid_feed.work_case (district_code, id, case_no, source, kind, profile, class_code,
    component_code, description, address, geom, grid_code, street_code, community_code, department_code, state, stage,
    stage_deadline, handle_deadline, close_category, urgent, external_id, rework_count, urge_count, revisit_pending,
    reported_at, updated_at, version) FROM STDIN"""
FEED_ACTIONS_OUT = """
COPY (SELECT (%(codes)s::text[])[(a.case_id - 1) %% %(n)s + 1], a.id, a.case_id, a.action, a.from_state, a.to_state,
             COALESCE(a.actor, 'system'), a.role, a.at, a.data - 'note' - 'reporter' - 'phone'
        FROM citygrid.case_action a ORDER BY a.id) TO STDOUT
"""
FEED_ACTIONS_IN = ("COPY citygrid_feed.case_action (district_code, id, case_id, action, from_state, to_state, actor, "
                   "role, at, data) FROM STDIN")
FEED_DIVISIONS_OUT = """
COPY (SELECT x.d, 'district', x.d, x.name, (SELECT boundary FROM citygrid.district LIMIT 1)
        FROM unnest(%(codes)s::text[], %(names)s::text[]) x (d, name)
      UNION ALL
      SELECT x.d, 'street', x.d || s.code, s.name, s.boundary
        FROM citygrid.street s CROSS JOIN unnest(%(codes)s::text[]) x (d)
      UNION ALL
      SELECT x.d, 'community', x.d || c.street_code || c.code, c.name, c.boundary
        FROM citygrid.community c CROSS JOIN unnest(%(codes)s::text[]) x (d)) TO STDOUT
"""
FEED_DIVISIONS_IN = "COPY citygrid_feed.division (district_code, level, code, name, boundary) FROM STDIN"
FEED_DEPARTMENTS_OUT = """
COPY (SELECT x.d, p.code, p.name, p.kind, p.active
        FROM citygrid.department p CROSS JOIN unnest(%(codes)s::text[]) x (d)) TO STDOUT
"""
FEED_DEPARTMENTS_IN = "COPY citygrid_feed.department (district_code, code, name, kind, active) FROM STDIN"
FEED_GRIDS_OUT = """
COPY (SELECT x.d, g.id, x.d || substr(g.code, 7), g.geom, g.retired_at
        FROM citygrid.grid g CROSS JOIN unnest(%(codes)s::text[]) x (d)) TO STDOUT
"""
FEED_GRIDS_IN = "COPY citygrid_feed.grid (district_code, id, code, geom, retired_at) FROM STDIN"

# the peer's queue: its case_queue view (open cases) with the department's name, ordered as the city's
PEER_QUEUE_SQL = """
SELECT q.id, q.case_no, q.source, q.kind, q.class_code, q.description, q.address, q.grid_code, q.department_code,
       d.name, q.state, q.state_zh, q.stage, q.stage_deadline, q.urgent, q.reported_at, ST_X(q.geom), ST_Y(q.geom)
  FROM citygrid.case_queue q LEFT JOIN citygrid.department d ON d.code = q.department_code
 ORDER BY q.stage_deadline NULLS LAST, q.reported_at
 LIMIT 500
"""
PEER_OVERDUE_SQL = """
SELECT q.id, q.case_no, q.source, q.kind, q.class_code, q.description, q.address, q.grid_code, q.department_code,
       d.name, q.state, q.state_zh, q.stage, q.stage_deadline, q.urgent, q.reported_at, ST_X(q.geom), ST_Y(q.geom)
  FROM citygrid.case_queue q LEFT JOIN citygrid.department d ON d.code = q.department_code
 WHERE q.overdue
 ORDER BY q.stage_deadline NULLS LAST, q.reported_at
 LIMIT 500
"""


def districts(n: int) -> list[tuple[str, str]]:
    extra = [(f"5190{k:02d}", f"第{k}区") for k in range(1, max(0, n - len(DISTRICTS)) + 1)]
    return (DISTRICTS + extra)[:n]


def pipe_copy(src, out_sql: str, dst, in_sql: str) -> None:
    """COPY *out_sql* of *src* straight into *in_sql* of *dst* through a pipe (a thread writes, this
    one reads); *dst*'s transaction is left open for the caller to commit."""
    r, w = os.pipe()
    errors: list[BaseException] = []

    def produce() -> None:
        try:
            with os.fdopen(w, "wb", buffering=1 << 20) as fh, src.cursor() as cur:
                cur.copy_expert(out_sql, fh, size=1 << 16)
        except BaseException as exc:  # noqa: BLE001 - raised below in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    try:
        with os.fdopen(r, "rb", buffering=1 << 20) as fh, dst.cursor() as cur:
            cur.copy_expert(in_sql, fh, size=1 << 16)
    finally:
        thread.join()
        src.rollback()
    if errors:
        raise errors[0]


def vacuum(conn) -> None:
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    conn.autocommit = False


def setup_peer(args, cluster, month, now: datetime) -> tuple[str, object, dict]:
    """The one store holding every case (bench/evaluation.py's two-years fill)."""
    t0 = time.perf_counter()
    name, conn, info = census_bench.setup_store(cluster)
    print(f"peer store {name}: the sample district, {info['grids']} grids, {info['departments']} departments "
          f"({time.perf_counter() - t0:.1f} s)")
    try:
        n = args.districts * args.cases
        first = shift_months(month.start, -23)
        t0 = time.perf_counter()
        filled = evaluation_bench.fill_years(conn, n, first, (month.start, month.end), 0, min(month.end, now))
        print(f"  {n:,} cases with {filled['actions']:,} audit rows by COPY from {first:%Y-%m-%d} to the end of "
              f"{month.key} (bench/evaluation.py's fill_years, {time.perf_counter() - t0:.1f} s); open at the end: "
              + ", ".join(f"{s} {k:,}" for s, k in sorted(filled["states"].items(), key=lambda sk: -sk[1])
                          if s not in ("closed", "cancelled")))
        t0 = time.perf_counter()
        vacuum(conn)
        print(f"  VACUUM ANALYZE ({time.perf_counter() - t0:.1f} s)")
    except BaseException:
        conn.close()
        if not args.keep_db:
            cluster.drop_database(name)
        raise
    return name, conn, filled


def setup_city(args, cluster, peer, codes: list[tuple[str, str]]) -> tuple[str, object]:
    """The city platform with the peer's cases spread over *codes* in its citygrid_feed (COPY)."""
    t0 = time.perf_counter()
    name = f"cg_bench_city_{uuid.uuid4().hex[:8]}"
    cluster.ensure_database(name)
    conn = db.connect(cluster.dsn(name))
    try:
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
        platform.init(conn, "city", *CITY)
        version = platform.schema_version(conn)
        with conn.cursor() as cur:
            for code, dname in codes:
                cur.execute("INSERT INTO citygrid.platform_district (code, name, store_uid, conninfo, subscription, "
                            "publication, schema_version) VALUES (%s, %s, gen_random_uuid(), %s, %s, %s, %s)",
                            (code, dname, "bench: filled by COPY, not linked", f"citygrid_district_{code}",
                             f"citygrid_handover_{code}", version))
        conn.commit()
        print(f"city store {name}: platform {CITY[0]} {CITY[1]}, {len(codes)} platform_district rows "
              f"({time.perf_counter() - t0:.1f} s)")
        params = {"codes": [c for c, _n in codes], "names": [n for _c, n in codes], "n": len(codes)}
        with peer.cursor() as cur:
            steps = [(cur.mogrify(out_sql, params).decode(), in_sql, what) for out_sql, in_sql, what in (
                (FEED_DIVISIONS_OUT, FEED_DIVISIONS_IN, "divisions"), (FEED_DEPARTMENTS_OUT, FEED_DEPARTMENTS_IN,
                                                                       "departments"),
                (FEED_GRIDS_OUT, FEED_GRIDS_IN, "grids"), (FEED_CASES_OUT, FEED_CASES_IN, "cases"),
                (FEED_ACTIONS_OUT, FEED_ACTIONS_IN, "case actions"))]
        peer.rollback()
        for out_sql, in_sql, what in steps:
            t0 = time.perf_counter()
            pipe_copy(peer, out_sql, conn, in_sql)
            conn.commit()
            print(f"  citygrid_feed: {what} by COPY from the peer ({time.perf_counter() - t0:.1f} s)")
        t0 = time.perf_counter()
        vacuum(conn)
        print(f"  VACUUM ANALYZE ({time.perf_counter() - t0:.1f} s)")
    except BaseException:
        conn.close()
        if not args.keep_db:
            cluster.drop_database(name)
        raise
    return name, conn


def _fetch(conn, query: str) -> list:
    with conn.cursor() as cur:
        cur.execute(query)
        rows = cur.fetchall()
    conn.rollback()
    return rows


def queue_times(fn, runs: int = 20) -> tuple[list[float], int]:
    """Seconds of *runs* calls of *fn* after one uncounted warm-up, and its rows."""
    fn()
    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = len(fn())
        times.append(time.perf_counter() - t0)
    return times, rows


def month_indicators(conn, period, now: datetime):
    """What the monthly review needs: the evaluation, the districts' and the departments' figures."""
    evaluation = evaluate_period(conn, period.start, period.end, now=now)
    return evaluation, evaluation.figures("district"), evaluation.figures("department")


def department_totals(rows: dict) -> dict[tuple[str, str], int]:
    """The headline figures (bench/evaluation.py's CHECKED) by department code; at the city the
    districts' departments 'D/HW' add up under 'HW'."""
    out: dict[tuple[str, str], int] = {}
    for key, row in rows.items():
        dept = key.split("/", 1)[-1] if isinstance(key, str) else key
        for name in evaluation_bench.CHECKED:
            out[(dept, name)] = out.get((dept, name), 0) + row[name].count
    return {k: v for k, v in out.items() if v}


def city_part(args) -> dict:
    """Part 2 (see the module doc)."""
    own = not args.keep_db      # a cluster of its own: its 10 GB of WAL reach no other store's slots
    base = _temp_root() if own else None
    cluster = PrivateCluster(root=base / "pg", port=free_ports(1)[0]) if own else PrivateCluster.default()
    cluster.up()
    now = datetime.now(CST)
    month = parse_period("", now, "month")
    codes = districts(args.districts)
    names_kept: list[str] = []
    peer = city = None
    peer_name = city_name = ""
    result: dict = {}
    try:
        print(f"\n2. a city of {len(codes)} districts × {args.cases:,} cases, on "
              + (f"a private cluster of its own (port {cluster.port})" if own
                 else f"the private cluster (port {cluster.port}, --keep-db)"))
        peer_name, peer, filled = setup_peer(args, cluster, month, now)
        print(f"  {server_version(peer)}")
        city_name, city = setup_city(args, cluster, peer, codes)
        names_kept = [peer_name, city_name]
        with city.cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT district_code), "
                        "(SELECT count(*) FROM citygrid_feed.case_action), "
                        "count(*) FILTER (WHERE state NOT IN ('closed', 'cancelled')) FROM citygrid_feed.work_case")
            n_cases, n_districts, n_actions, n_open = cur.fetchone()
        city.rollback()
        print(f"  the city holds {n_cases:,} cases of {n_districts} districts ({n_open:,} open) with {n_actions:,} "
              f"audit rows; the peer the same {n_cases:,} cases in one store\n")

        # the queue across districts
        d0 = codes[0][0]
        variants = [
            ("city_queue(limit=500): open cases of every district", lambda: platform.city_queue(city, limit=500),
             "case_queue + department, by deadline", lambda: _fetch(peer, PEER_QUEUE_SQL)),
            (f"city_queue(district='{d0}', limit=500)",
             lambda: platform.city_queue(city, district=d0, limit=500),
             "the same (the peer's store is one district)", lambda: _fetch(peer, PEER_QUEUE_SQL)),
            ("city_queue(overdue=True, limit=500)", lambda: platform.city_queue(city, overdue=True, limit=500),
             "case_queue WHERE overdue", lambda: _fetch(peer, PEER_OVERDUE_SQL)),
        ]
        queues = []
        print("  the city's queue across districts (median / p95 of 20 runs, rows into Python):")
        for label, fn, peer_label, peer_fn in variants:
            times, rows = queue_times(fn)
            p_times, p_rows = queue_times(peer_fn)
            med, p_med = statistics.median(times), statistics.median(p_times)
            ok = pct(times, 0.95) < GOAL_QUEUE_MS / 1000
            print(f"    {label:<55} {rows:4d} rows  median {1000 * med:6.1f} ms  p95 {1000 * pct(times, 0.95):6.1f} ms"
                  f"  (goal < {GOAL_QUEUE_MS:.0f} ms: {verdict(ok)})")
            print(f"      peer: {peer_label:<49} {p_rows:4d} rows  median {1000 * p_med:6.1f} ms  p95 "
                  f"{1000 * pct(p_times, 0.95):6.1f} ms  (city / peer {med / p_med:.2f})")
            queues.append((label, rows, med, pct(times, 0.95), peer_label, p_med, ok))
        result["queues"] = queues

        # the month's indicators
        load_before = os.getloadavg()[0]
        t_city, city_runs, (ev_city, by_district, by_dept) = evaluation_bench.fresh(
            lambda: month_indicators(city, month, now), args.runs)
        t_peer, peer_runs, (ev_peer, _p_district, p_dept) = evaluation_bench.fresh(
            lambda: month_indicators(peer, month, now), args.runs)
        ok = t_city < GOAL_MONTH_S
        reported = {k: row["reported"].count for k, row in by_district.items()}
        print(f"\n  the monthly indicators of {month.key} (evaluate_period + figures('district') + "
              f"figures('department'), median of {args.runs}; load average {load_before:.2f} before, "
              f"{os.getloadavg()[0]:.2f} after):")
        print(f"    city, from citygrid_feed: {len(ev_city.facts):,} cases, {len(by_district)} districts, "
              f"{len(by_dept)} departments   {t_city:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in city_runs)}; goal < "
              f"{GOAL_MONTH_S:.0f} s: {verdict(ok)})")
        print(f"    peer, one store:          {len(ev_peer.facts):,} cases, {len(p_dept)} departments"
              f"{' ' * 17}{t_peer:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in peer_runs)}; city / peer "
              f"{t_city / t_peer:.2f})")
        print(f"    reported in {month.key} per district: {min(reported.values()):,} … {max(reported.values()):,}, "
              f"{sum(reported.values()):,} in all")
        ours, theirs = department_totals(by_dept), department_totals(p_dept)
        diffs = [f"{k[0]} {k[1]}: city {ours.get(k, 0)}, peer {theirs.get(k, 0)}"
                 for k in sorted(set(ours) | set(theirs)) if ours.get(k, 0) != theirs.get(k, 0)]
        same = not diffs and len(ev_city.facts) == len(ev_peer.facts)
        print(f"    check: the city's {len(evaluation_bench.CHECKED)} headline figures summed over the districts == "
              f"the peer's, for each of {len({k[0] for k in theirs})} departments: "
              + ("EQUAL" if same else f"{len(diffs)} DIFFERENCES: " + "; ".join(diffs[:10])))
        result.update(month=month.key, t_city=t_city, t_peer=t_peer, month_ok=ok, same=same, cases=n_cases,
                      actions=n_actions, month_cases=len(ev_city.facts), districts=len(by_district))
        ev_city = ev_peer = by_district = by_dept = p_dept = None
    finally:
        for c in (peer, city):
            if c is not None and not c.closed:
                c.close()
        if args.keep_db:
            if names_kept:
                print(f"  kept databases {', '.join(names_kept)}")
        elif not own:
            for name in (peer_name, city_name):
                if name:
                    cluster.drop_database(name)
        if own:
            cluster.down()
            shutil.rmtree(base, ignore_errors=True)
    return result


# -- 3. Open311 -----------------------------------------------------------------------------------------
def open311_lines() -> list[str]:
    """The Open311 rows recorded in BENCHMARKS.md by bench/open311.py (not measured here)."""
    try:
        text = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")
    except OSError:
        return []
    _before, _sep, section = text.partition("## Open311")
    section = section.split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith(("| POST", "| GET"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 10 districts × 5,000 cases, 20 probes at 100 actions/s, history 2,000 cases")
    parser.add_argument("--districts", type=int, default=10)
    parser.add_argument("--cases", type=int, default=200_000, help="cases per district (part 2)")
    parser.add_argument("--probes", type=int, default=100)
    parser.add_argument("--rate", type=float, default=500.0, help="actions a second in the district (part 1)")
    parser.add_argument("--threads", type=int, default=8, help="the district's loaded connections (part 1)")
    parser.add_argument("--history", type=int, default=20_000, help="the district's cases before the load (part 1)")
    parser.add_argument("--photo-kb", type=int, default=100, help="the size of the check's photo (part 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the monthly indicators (median)")
    parser.add_argument("--part", type=int, choices=(1, 2), default=0, help="only part 1 or 2")
    parser.add_argument("--keep-db", action="store_true", help="keep part 2's databases")
    args = parser.parse_args()
    if args.quick:
        for name, value in (("cases", 5_000), ("probes", 20), ("rate", 100.0), ("history", 2_000), ("runs", 2)):
            if f"--{name}" not in sys.argv:
                setattr(args, name, value)
    if args.districts < 1 or args.cases < 1 or args.probes < 1 or args.rate <= 0 or args.threads < 1:
        parser.error("--districts, --cases, --probes, --rate and --threads must be positive")
    started = time.perf_counter()
    print(f"machine: {cpu_model()}; {census_bench.machine()}")
    print(f"run {datetime.now(CST):%Y-%m-%d %H:%M} (UTC+8); load average {os.getloadavg()[0]:.2f}")
    vis = visibility(args) if args.part in (0, 1) else {}
    city = city_part(args) if args.part in (0, 2) else {}

    print("\n3. Open311 GeoReport v2: measured by bench/open311.py, not here; recorded in BENCHMARKS.md:")
    for line in open311_lines() or ["   (no Open311 figures in BENCHMARKS.md: run .venv/bin/python bench/open311.py)"]:
        print(f"   {line}")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {rss:,.0f} MB; {time.perf_counter() - started:,.0f} s in all")
    print("\n| measure | result | peer on the same input | goal |\n|---|---:|---|---:|")
    if vis.get("city"):
        c, p = vis["city"], vis["peer"]
        print(f"| a district's new case visible at the city ({args.probes} probes; {args.threads} connections running "
              f"{vis['rate']:,.0f} actions/s in the district) | median **{1000 * statistics.median(c):.0f} ms**, "
              f"p95 {1000 * pct(c, 0.95):.0f} ms, max {1000 * max(c):.0f} ms | another connection of one store: "
              f"median {1000 * statistics.median(p):.1f} ms, p95 {1000 * pct(p, 0.95):.1f} ms "
              f"(×{statistics.median(c) / statistics.median(p):,.0f}) | < 2 s |")
        print(f"| platform.link: first copy of the district's {vis['link_cases']:,} cases | {vis['link_s']:.1f} s "
              "| | |")
    if city:
        for label, rows, med, p95, peer_label, p_med, _ok in city["queues"]:
            print(f"| {label} ({city['cases']:,} cases, {city['districts']} districts; {rows} rows) | median "
                  f"**{1000 * med:.1f} ms**, p95 {1000 * p95:.1f} ms | {peer_label}: {1000 * p_med:.1f} ms "
                  f"(×{med / p_med:.2f}) | < 500 ms |")
        print(f"| the monthly indicators of {city['month']} at the city (evaluate_period + figures by district and by "
              f"department; {city['month_cases']:,} cases) | **{city['t_city']:.2f} s** | evaluate_period on one "
              f"store: {city['t_peer']:.2f} s (×{city['t_city'] / city['t_peer']:.2f}) | < 10 s |")
        print(f"\nthe city's figures equal the peer's: {'yes' if city['same'] else 'NO (see the check line)'}")
    return 0 if not city or city.get("same") else 1


if __name__ == "__main__":
    sys.exit(main())
