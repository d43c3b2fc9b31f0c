#!/usr/bin/env python3
"""Benchmark: the component census (部件普查) in the store, against a plain INSERT peer.

    .venv/bin/python bench/census.py [--rows 100000] [--quick]

Setup (not timed): a fresh database in the private PostGIS cluster with the store (migrations,
standard class tables), the sample district's divisions (data_samples/sample_district.gpkg), its
unit grids (core.grids.partition along the sample roads, coded by store.grids.replace_grids) and
the sample departments (data_samples/departments_gbk.csv read with core.textio.read_csv).

Rows: the census of data_samples/generate_census.py (seed 20261121: ~21,700 valid points, ~200
lines and polygons, and its deliberately bad rows except the unknown class names, which an
importer stops before the store), topped up to --rows with random points over the district drawn
with the census's class mix and attributes. --quick: 10,000 rows (a seeded sample of the same).

1. store.components.import_components (checks in bulk, duplicates, codes and grid by location
   through the triggers, one transaction) into the empty component table: wall time, rows/s;
   then the same import again into the emptied table with every statement timed (a cursor
   subclass; components.py is not touched): checks vs the INSERT, and the slowest statements.
2. peer: COPY of the same rows (code precomputed in Python, class, geometry) into a bare table
   without rules or indexes; ratio.
3. a single-feature save from QGIS: citygrid.component opened as a postgres layer, startEditing,
   addFeature (a point with class_code and dept1_code), commitChanges; 20 saves, median and p95.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import uuid
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data_samples"))
warnings.filterwarnings("ignore", message="Valid PROJ data directory not found")
warnings.filterwarnings("ignore", message="STRtree will be changed")

import common  # noqa: E402  (bench/common.py)
import generate_census as gen  # noqa: E402
import numpy as np  # noqa: E402
import psycopg2.extensions  # noqa: E402
import shapely  # noqa: E402
import shapely.vectorized  # noqa: E402
from shapely.geometry import Point  # noqa: E402

from citygrid_plugin.store import db, migrate, reference  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.components import ComponentRow, ImportReport, import_components  # noqa: E402

GPKG = ROOT / "data_samples" / "sample_district.gpkg"
DEPARTMENTS = ROOT / "data_samples" / "departments_gbk.csv"
GOAL_IMPORT_S = 15.0
GOAL_SAVE_MS = 100.0


def machine() -> str:
    """The machine, with the client tools and libraries the store benchmarks use."""
    return common.machine(common.psql_version(), f"psycopg2 {psycopg2.__version__.split()[0]}",
                          f"shapely {shapely.__version__}")


# -- setup ------------------------------------------------------------------------------------------
def setup_store(cluster: PrivateCluster) -> tuple[str, object, dict]:
    """A fresh store with the sample district, its grids and the departments."""
    import fiona
    from shapely.geometry import shape

    from citygrid_plugin.core.columns import DEPARTMENT_ALIASES
    from citygrid_plugin.core.grids import CommunityInput, partition
    from citygrid_plugin.core.textio import read_csv
    from citygrid_plugin.store.divisions import DivisionRecord, upsert_divisions
    from citygrid_plugin.store.grids import replace_grids

    name = f"cg_bench_{uuid.uuid4().hex[:8]}"
    cluster.ensure_database(name)
    conn = db.connect(cluster.dsn(name))
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)

    def read(layer):
        with fiona.open(GPKG, layer=layer) as src:
            return [(dict(f["properties"]), shape(f["geometry"])) for f in src]

    (dprops, dgeom), = read("district")
    district = DivisionRecord((dprops["district_code"],), dprops["name"], dgeom.wkb)
    streets = read("streets")
    comms = read("communities")
    upsert_divisions(conn, district,
                     [DivisionRecord((p["district_code"], p["street_code"]), p["name"], g.wkb) for p, g in streets],
                     [DivisionRecord((p["district_code"], p["street_code"], p["community_code"]), p["name"], g.wkb)
                      for p, g in comms])
    roads = [g for _p, g in read("roads")]
    result = partition([CommunityInput(p["district_code"] + p["street_code"] + p["community_code"], g)
                        for p, g in comms], roads)
    shapes: dict[str, list[bytes]] = defaultdict(list)
    for grid in result.grids:
        shapes[grid.community_key].append(grid.geometry.wkb)
    coded = replace_grids(conn, dict(shapes))
    rows, _enc = read_csv(DEPARTMENTS, "auto", DEPARTMENT_ALIASES, required=("code", "name"))
    reference.upsert_departments(conn, rows, source=DEPARTMENTS.name)
    info = {"grids": len(coded.codes), "communities": len(comms), "streets": len(streets),
            "departments": len(rows), "district": dprops["district_code"]}
    return name, conn, info


def census_rows(n: int, seed: int = gen.SEED) -> tuple[list[ComponentRow], Counter]:
    """*n* rows: the generated census (valid + store-level bad rows) and random filler points."""
    census = gen.build(GPKG, seed)
    names = {v: k for k, v in census.departments.items()}
    rows: list[ComponentRow] = []
    kinds: Counter = Counter()

    def add(values: dict, geom, kind: str) -> None:
        rows.append(ComponentRow(f"row {len(rows) + 2}", values, geom.wkb))
        kinds[kind] += 1

    def values_of(p: dict) -> dict:
        keys = ("class_code", "dept1_code", "dept2_code", "dept3_code", "state", "data_source", "census_date",
                "stop_name", "site_name", "note")
        return {k: p.get(k) for k in keys}

    for p in census.points:
        add(values_of(p), Point(p["x"], p["y"]), "census")
    for s in census.shapes:
        add(values_of(s), s["geometry"], "census shape")
    for p in census.bad:
        if p["kind"] == "unknown_class":
            continue
        v = values_of(p)
        if p["kind"] == "unknown_department":
            v["dept1_code"] = names.get(p["dept1_name"], p["dept1_name"])
        add(v, Point(p["x"], p["y"]), "bad: " + p["kind"])
    rng = np.random.default_rng(seed + 7)
    if len(rows) < n:
        mix = Counter(p["class_code"] for p in census.points)
        codes = sorted(mix)
        weights = np.array([mix[c] for c in codes], dtype=float)
        site = gen.Site(GPKG)
        x0, y0, x1, y1 = site.inner.bounds
        bounds = (x0, x1)
        need = n - len(rows)
        while need > 0:
            xs, ys = rng.uniform(x0, x1, need * 2), rng.uniform(y0, y1, need * 2)
            ok = shapely.vectorized.contains(site.inner, xs, ys)
            for x, y in list(zip(xs[ok], ys[ok]))[:need]:
                code = codes[int(rng.choice(len(codes), p=weights / weights.sum()))]
                values = {"class_code": code, **gen.attributes(rng, code, x, bounds)}
                if code == "0203":
                    values["stop_name"] = "示例站"
                add(values, Point(round(x, 3), round(y, 3)), "random filler")
                need -= 1
    elif len(rows) > n:
        keep = np.sort(rng.choice(len(rows), size=n, replace=False))
        picked = [rows[i] for i in keep]
        kinds = Counter()
        rows = picked
        kinds["census sample"] = n
    return rows, kinds


# -- statement timing -------------------------------------------------------------------------------
class TimingCursor(psycopg2.extensions.cursor):
    log: list[tuple[str, float, int]] = []

    def execute(self, query, vars=None):  # noqa: A002 - psycopg2's name
        t0 = time.perf_counter()
        try:
            return super().execute(query, vars)
        finally:
            TimingCursor.log.append((_label(query), time.perf_counter() - t0, self.rowcount))

    def copy_expert(self, sql, file, size=8192):
        t0 = time.perf_counter()
        try:
            return super().copy_expert(sql, file, size)
        finally:
            TimingCursor.log.append((_label(sql), time.perf_counter() - t0, self.rowcount))


def _label(query) -> str:
    text = " ".join(str(query).split())
    return text[:110]


def empty_components(conn) -> None:
    """Empty the census between runs (the cases table refers to components, and the audit refuses
    TRUNCATE by trigger: both are empty here, so the triggers are bypassed for this statement)."""
    with conn.cursor() as cur:
        cur.execute("SET LOCAL session_replication_role = replica")
        cur.execute("TRUNCATE citygrid.component, citygrid.component_serial, citygrid.component_history CASCADE")
    conn.commit()


def summarise(report: ImportReport) -> str:
    reasons = Counter(r.split(":")[0].split("'")[0].split(" at (")[0][:48] for _ref, r, _w in report.rejected)
    top = "; ".join(f"{k.strip()} ×{v}" for k, v in reasons.most_common(6))
    return (f"{len(report.imported):,} imported, {len(report.rejected):,} rejected, "
            f"{len(report.duplicates):,} suspected duplicates" + (f"  [rejected: {top}]" if top else ""))


def bench_import(conn, rows: list[ComponentRow]) -> tuple[float, ImportReport]:
    empty_components(conn)
    t0 = time.perf_counter()
    report = import_components(conn, rows)
    seconds = time.perf_counter() - t0
    return seconds, report


def bench_statements(conn, rows: list[ComponentRow]) -> list[tuple[str, float, int]]:
    empty_components(conn)
    TimingCursor.log = []
    old = conn.cursor_factory
    conn.cursor_factory = TimingCursor
    t0 = time.perf_counter()
    try:
        import_components(conn, rows)
    finally:
        conn.cursor_factory = old
    total = time.perf_counter() - t0
    log = list(TimingCursor.log)
    log.append(("(python: building the COPY buffer, reading results, commit)", total - sum(t for _l, t, _n in log), -1))
    return log


def bench_peer(conn, rows: list[ComponentRow], district: str) -> float:
    serial: Counter = Counter()
    buf = io.StringIO()
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_bare_component")
        cur.execute("CREATE TABLE bench_bare_component (id bigserial PRIMARY KEY, code text, class_code text, "
                    "geom geometry(Geometry, 4544))")
    conn.commit()
    t0 = time.perf_counter()
    for row in rows:
        code = row.values["class_code"]
        serial[code] += 1
        buf.write(f"{district}{code}{serial[code]:06d}\t{code}\t{bytes(row.wkb).hex()}\n")
    buf.seek(0)
    with conn.cursor() as cur:
        cur.copy_expert("COPY bench_bare_component (code, class_code, geom) FROM STDIN", buf)
    conn.commit()
    seconds = time.perf_counter() - t0
    with conn.cursor() as cur:
        cur.execute("DROP TABLE bench_bare_component")
    conn.commit()
    return seconds


# -- QGIS single-feature save -----------------------------------------------------------------------
def bench_qgis_saves(cluster: PrivateCluster, dbname: str, conn, saves: int = 20) -> tuple[list[float], str]:
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer, QgsVectorLayerUtils

    params = cluster.client_params(dbname)
    uri = (f"dbname='{params['dbname']}' host={params['host']} port={params['port']} user='{params['user']}' "
           f"key='id' srid=4544 type=Point checkPrimaryKeyUnicity='0' table=\"citygrid\".\"component\" (geom)")
    layer = QgsVectorLayer(uri, "component", "postgres")
    if not layer.isValid():
        raise RuntimeError(f"QGIS cannot open citygrid.component: {layer.error().summary()}")
    with conn.cursor() as cur:  # places inside grids: the centres of the first grids
        cur.execute("SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_PointOnSurface(geom) AS c FROM citygrid.grid "
                    "WHERE retired_at IS NULL ORDER BY code LIMIT %s) s", (saves + 1,))
        places = cur.fetchall()
    conn.rollback()
    fields = layer.fields()
    times = []
    for k in range(saves + 1):  # the first save warms the provider's connection up; not counted
        x, y = places[k]
        t0 = time.perf_counter()
        layer.startEditing()
        feature = QgsVectorLayerUtils.createFeature(
            layer, QgsGeometry.fromPointXY(QgsPointXY(x + 0.5, y + 0.5)),
            {fields.indexOf("class_code"): "0118", fields.indexOf("dept1_code"): "SZ"})
        if not isinstance(feature, QgsFeature) or not layer.addFeature(feature):
            raise RuntimeError("addFeature failed")
        if not layer.commitChanges():
            raise RuntimeError("commitChanges failed: " + "; ".join(layer.commitErrors()))
        if k:
            times.append(time.perf_counter() - t0)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*), min(code), max(code) FROM citygrid.component WHERE created_at > now() - "
                    "interval '10 minutes' AND class_code = '0118' AND grid_code IS NOT NULL AND note IS NULL "
                    "AND id > (SELECT max(id) - %s FROM citygrid.component)", (saves + 1,))
        check = cur.fetchone()
    conn.rollback()
    return times, f"{check[0]} rows stored, codes {check[1]} … {check[2]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args()
    n = 10_000 if args.quick else args.rows

    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    from qgis.core import Qgis

    print(f"machine: {machine()}; QGIS {Qgis.version()}")
    cluster = PrivateCluster.default()
    cluster.up()
    t0 = time.perf_counter()
    dbname, conn, info = setup_store(cluster)
    t_setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows, kinds = census_rows(n)
    t_rows = time.perf_counter() - t0
    print(f"setup: store + district {info['district']} ({info['streets']} streets, {info['communities']} "
          f"communities, {info['grids']} grids) + {info['departments']} departments in {t_setup:.1f} s; "
          f"{len(rows):,} rows built in {t_rows:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in kinds.items()))
    try:
        seconds, report = bench_import(conn, rows)
        verdict = "within" if seconds <= GOAL_IMPORT_S * n / 100_000 else "OVER"
        print(f"\n1. import_components, {len(rows):,} rows into an empty component table")
        print(f"   {seconds:8.2f} s   {len(rows) / seconds:9,.0f} rows/s   ({verdict} the goal of "
              f"{GOAL_IMPORT_S * n / 100_000:.1f} s for {n:,} rows)")
        print(f"   report: {summarise(report)}")
        log = bench_statements(conn, rows)
        total = sum(t for _l, t, _n in log)
        insert = sum(t for label, t, _n in log if label.startswith("INSERT INTO citygrid.component "))
        dup = sum(t for label, t, _n in log if "dup_of" in label or "gist (geom)" in label or "ANALYZE" in label)
        stage = sum(t for label, t, _n in log if label.startswith(("COPY import_stage", "CREATE TEMP")))
        python = log[-1][1]
        checks = total - insert - dup - stage - python
        print(f"   split (second run, every statement timed, {total:.2f} s): staging COPY {stage:.2f} s, "
              f"checks {checks:.2f} s, duplicate search {dup:.2f} s, INSERT with triggers {insert:.2f} s, "
              f"python {python:.2f} s")
        print("   slowest statements:")
        for label, t, count in sorted(log, key=lambda e: -e[1])[:12]:
            print(f"     {t:7.3f} s  {count:>7}  {label}")

        t_peer = bench_peer(conn, rows, info["district"])
        print(f"\n2. peer: COPY (code precomputed, class, geometry) into a bare table, {len(rows):,} rows")
        print(f"   {t_peer:8.2f} s   {len(rows) / t_peer:9,.0f} rows/s   ratio import/peer {seconds / t_peer:.1f}")

        times, check = bench_qgis_saves(cluster, dbname, conn, args.saves)
        ms = sorted(t * 1000 for t in times)
        p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
        print(f"\n3. QGIS single-feature save (startEditing, addFeature, commitChanges) on the postgres layer, "
              f"{len(ms)} saves into a table of {len(report.imported):,}")
        print(f"   median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms   "
              f"({'within' if p95 <= GOAL_SAVE_MS else 'OVER'} the goal of {GOAL_SAVE_MS:.0f} ms); {check}")
    finally:
        conn.close()
        cluster.drop_database(dbname)
    return 0


if __name__ == "__main__":
    sys.exit(main())
