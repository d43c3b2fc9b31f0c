#!/usr/bin/env python3
"""Benchmark: hot spots (热点分析) of cases over unit grids — counts from the store, spatial weights,
Gi* with FDR confidence bins, emerging hot spots and the kernel density raster — against PySAL
(esda / libpysal) and QGIS's heatmap algorithm on the same input, in the same run.

    .venv/bin/python bench/hotspots.py [--cases 1000000] [--grids 10000] [--quick] [--runs 5] [--keep-db]

(--quick: 100,000 cases over 2,500 grids; about 80 s for the defaults on 2 cores, most of it the fill.)

Over 500 lines on purpose: one script per capability (GUIDE §5), its input and every peer in one
run — the shared timing and machine line are bench/common.py's.

Setup (not timed; the fill is timed and printed on its own): a fresh database on the private
PostGIS cluster with the store (migrations, standard class tables), the sample departments and
the routing rules of data_samples/generate_cases.py, one synthetic district 510104 of
side × side unit grids (100 m squares in EPSG:4544, 10 km × 10 km for 10,000 grids) in 16
communities of 25 × 25 grids (4 streets), coded by store.grids.replace_grids, and N cases
(default 1,000,000) reported over the year up to END, all closed. The cases are drawn in a child
process (so the fill's buffers do not count in this process's peak memory) and COPYed into
citygrid.work_case in the store's internal mode, bypassing case_report/case_act (as bench/cases.py
does; no audit rows: the analysis does not read them). The spatial pattern: a Poisson background
(uniform, plus a broad urban core) with four planted hot spots (Gaussian clusters with their own
time profiles: two persistent, one intensifying over the year, one new in the last four weeks)
and a cold area (a park: 88 % of its cases thinned away); reporting hours and weekdays follow the
demo's case generator.

Measured (median of --runs runs after one warm-up where it is cheap):

a. grids (store.analysis.active_grids) and counts per grid for the year (store.analysis.
   counts_per_grid: GROUP BY grid_code in SQL; the SQL share is the time spent in execute());
   peer: every case's grid code into Python and core.hotspots.counts_per_grid (np.bincount);
b. weights: core.hotspots.default_band + distance_band_weights; queen contiguity from the store
   (store.analysis.grid_adjacency + contiguity_weights), timed on its own; peers: libpysal
   DistanceBand and Queen on the same centroids / polygons (same neighbours checked);
c. gi_star + fdr_classes; peer: esda.getisord.G_Local(y, w, transform='B', star=True,
   permutations=0) + esda.fdr at the three levels, with the libpysal W built from the same sparse
   matrix (WSP(W).to_W(), timed apart); max |z − esda Zs| < 1e-6 is checked; then G_Local with
   999 permutations if its time (extrapolated from 99) stays under --perm-budget seconds, else 99.
   Headline: (a) + (b, distance band) + (c), goal < 2 s, as the sum of the parts and as one chain
   store → bins (median of --runs). Ours run before any peer, so the peak RSS printed with the
   headline is the engine's (ru_maxrss, the whole process, without QGIS);
d. emerging hot spots in 52 weekly slices (store.analysis.counts_per_grid_and_slice +
   core.hotspots.emerging_hotspots);
e. the density raster of the last 30 days at the district extent (radius 150 m, pixel 10 m,
   quartic, raw): store.analysis.case_points, core.kde.kde_grid (+ write_geotiff) against
   processing.run('qgis:heatmapkerneldensityestimation') on a memory layer of the same points
   (building the layer timed apart); rasters compared pixel by pixel; and end to end: the same
   algorithm on the store's postgres layer with the filter as subset string.

Exits 1 only when a correctness check fails (z against esda, FDR against esda.fdr, weights
against libpysal, KDE against QGIS, planted hot/cold spots not found), never on timing.
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
import traceback
import uuid
import warnings
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), str(ROOT / "data_samples")):
    if extra not in sys.path:
        sys.path.insert(0, extra)
warnings.filterwarnings("ignore", message="Valid PROJ data directory not found")
warnings.filterwarnings("ignore", message="Remote data sets not available")
# the same two for esda's permutation workers (separate processes)
os.environ["PYTHONWARNINGS"] = ",".join(filter(None, [os.environ.get("PYTHONWARNINGS", ""),
                                                      "ignore:Valid PROJ data directory not found",
                                                      "ignore:Remote data sets not available"]))

import common  # noqa: E402  (bench/common.py)
import generate_cases  # noqa: E402
import numpy as np  # noqa: E402
import psycopg2.extensions  # noqa: E402
import scipy  # noqa: E402
from common import timed  # noqa: E402

from citygrid_plugin.core import hotspots as hs  # noqa: E402
from citygrid_plugin.core.casefilter import CST, CaseFilter  # noqa: E402
from citygrid_plugin.core.kde import NODATA, kde_grid  # noqa: E402
from citygrid_plugin.rasters import write_geotiff  # noqa: E402
from citygrid_plugin.store import analysis, db, migrate, reference  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402

GOAL_S = 2.0
END = datetime(2026, 11, 21, tzinfo=CST)        # the year of cases ends here (fixed: same cases every run)
DAYS = 365
CELL = 100.0                                      # unit grid side, m
X0, Y0 = 400000.0, 3390000.0                      # south-west corner (EPSG:4544, west of Chengdu's centre)
DISTRICT = "510104"
DEPARTMENTS = ROOT / "data_samples" / "departments_gbk.csv"
# The store's internal mode for this session (migration 009): only the owner can read the token.
INTERNAL_ON = "SELECT set_config('citygrid.internal', (SELECT token FROM citygrid.internal_secret), false)"

# planted hot spots: name, centre (fraction of the district's side from the south-west corner),
# sigma (m), share of all cases, time profile, the emerging pattern expected at the centre
HOTSPOTS = (
    ("market street (persistent)", (0.27, 0.70), 150.0, 0.035, "flat", ("persistent_hot",)),
    ("metro station (intensifying)", (0.70, 0.74), 200.0, 0.030, "ramp", ("intensifying_hot",)),
    ("building site (new, last 4 weeks)", (0.62, 0.28), 150.0, 0.008, "new", ("new_hot", "consecutive_hot")),
    ("night market (persistent)", (0.20, 0.25), 250.0, 0.035, "flat", ("persistent_hot",)),
)
URBAN_CORE = ((0.45, 0.55), 0.28, 0.22)            # centre, sigma (fraction of the side), share
COLD = ((0.40, 0.44, 0.58, 0.56), 0.12)           # park: x0, y0, x1, y1 (fractions), share of cases kept
NEW_DAYS = 28


def machine(conn) -> str:
    """The machine, with the libraries and the server this benchmark compares."""
    import esda
    import libpysal

    return common.machine(f"numpy {np.__version__}, scipy {scipy.__version__}, esda {esda.__version__}, libpysal "
                          f"{libpysal.__version__}", common.server_version(conn))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class SqlTimer(psycopg2.extensions.cursor):
    """Cursor that adds the time spent in execute() (the server's work and the transfer) to a total."""

    spent = 0.0

    def execute(self, query, vars=None):  # noqa: A002 - psycopg2's name
        t0 = time.perf_counter()
        try:
            return super().execute(query, vars)
        finally:
            SqlTimer.spent += time.perf_counter() - t0


def with_sql_share(conn, fn):
    """fn() with the share of its wall time spent in SQL execute(); returns (seconds, sql seconds, result)."""
    old = conn.cursor_factory
    conn.cursor_factory = SqlTimer
    SqlTimer.spent = 0.0
    t0 = time.perf_counter()
    try:
        result = fn()
    finally:
        conn.cursor_factory = old
    return time.perf_counter() - t0, SqlTimer.spent, result


def plan_of(conn, sql: str, args) -> str:
    """The plan's node types, outermost first (e.g. 'Finalize HashAggregate < Gather < Parallel Seq Scan')."""
    with conn.cursor() as cur:
        cur.execute("EXPLAIN " + sql, args)
        lines = [r[0] for r in cur.fetchall()]
    conn.rollback()
    nodes = [line.strip().lstrip("-> ").split("  (")[0] for line in lines if "(cost=" in line]
    return " < ".join(nodes)


# -- setup ------------------------------------------------------------------------------------------
def layout(n_grids: int) -> tuple[int, int]:
    """(side, communities per side) of a square lattice of about *n_grids* grids, ≤ 999 grids per community."""
    side = max(10, int(round(math.sqrt(n_grids))))
    per_side = max(2, math.ceil(side / 31))
    return side, per_side


def setup_store(cluster: PrivateCluster, n_grids: int) -> tuple[str, object, dict]:
    """A fresh store with the synthetic district: divisions, departments, routing rules, coded grids."""


    name = f"cg_bench_{uuid.uuid4().hex[:8]}"
    cluster.ensure_database(name)
    conn = db.connect(cluster.dsn(name))
    try:
        return name, conn, _fill_store(conn, n_grids)
    except BaseException:
        conn.close()
        cluster.drop_database(name)
        raise


def _fill_store(conn, n_grids: int) -> dict:
    from shapely.geometry import box

    from citygrid_plugin.store.divisions import DivisionRecord, upsert_divisions
    from citygrid_plugin.store.grids import replace_grids

    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    side, k = layout(n_grids)
    length = side * CELL
    edges = [round(i * side / k) for i in range(k + 1)]           # community block edges in cells
    district = DivisionRecord((DISTRICT,), "示例区", box(X0, Y0, X0 + length, Y0 + length).wkb)
    streets, communities, shapes, cells = [], [], {}, {}
    for by in range(k):                                            # one street per row of blocks, north first
        street = f"{by + 1:03d}"
        r0, r1 = side - edges[by + 1], side - edges[by]            # rows counted from the south
        streets.append(DivisionRecord((DISTRICT, street), f"第{by + 1}街道",
                                      box(X0, Y0 + r0 * CELL, X0 + length, Y0 + r1 * CELL).wkb))
        for bx in range(k):
            community = f"{bx + 1:03d}"
            c0, c1 = edges[bx], edges[bx + 1]
            communities.append(DivisionRecord((DISTRICT, street, community), f"第{by + 1}街道第{bx + 1}社区",
                                              box(X0 + c0 * CELL, Y0 + r0 * CELL, X0 + c1 * CELL, Y0 + r1 * CELL).wkb))
            key = DISTRICT + street + community
            shapes[key] = []
            for row in range(r0, r1):
                for col in range(c0, c1):
                    cells[(key, len(shapes[key]))] = row * side + col
                    shapes[key].append(box(X0 + col * CELL, Y0 + row * CELL, X0 + (col + 1) * CELL,
                                           Y0 + (row + 1) * CELL).wkb)
    upsert_divisions(conn, district, streets, communities)
    t0 = time.perf_counter()
    coded = replace_grids(conn, shapes)
    t_codes = time.perf_counter() - t0
    cell_code = [""] * (side * side)
    for where, code in coded.codes.items():
        cell_code[cells[where]] = code
    with open(DEPARTMENTS, encoding="gbk", newline="") as fh:
        keys = ("code", "name", "kind", "parent_code", "phone", "note")
        rows = [dict(zip(keys, r)) for r in list(csv.reader(fh))[1:]]
    reference.upsert_departments(conn, rows, source=DEPARTMENTS.name)
    _added, routed = generate_cases._ensure_routing(conn)
    with conn.cursor() as cur:
        cur.execute("SELECT citygrid.store_srid(), (SELECT profile FROM citygrid.district LIMIT 1)")
        srid, profile = cur.fetchone()
    conn.rollback()
    return {"side": side, "per_side": k, "cell_code": cell_code, "routed": routed, "srid": srid,
                        "profile": profile or "2013", "departments": len(rows), "t_codes": t_codes,
                        "communities": len(communities), "streets": len(streets)}


def draw_cases(n: int, side: int, seed: int) -> dict[str, np.ndarray]:
    """*n* cases: x, y (m), cell (row-major from the south-west), reported_at (epoch s), component."""
    rng = np.random.default_rng(seed)
    length = side * CELL
    start = END - timedelta(days=DAYS)
    weekday = (start.weekday() + np.arange(DAYS)) % 7
    week_factor = np.asarray(generate_cases.WEEKDAY_FACTOR)[weekday]
    profiles = {"flat": np.ones(DAYS), "ramp": 0.25 + np.arange(DAYS) / (DAYS - 1),
                "new": (np.arange(DAYS) >= DAYS - NEW_DAYS).astype(float)}
    total = int(n * 1.12)                                          # the park thins some away; trimmed to n below
    parts = []                                                     # (x, y, profile, component)
    for k, (_name, (fx, fy), sigma, share, profile, _expected) in enumerate(HOTSPOTS):
        m = int(round(share * total))
        parts.append((rng.normal(X0 + fx * length, sigma, m), rng.normal(Y0 + fy * length, sigma, m), profile, k + 1))
    (cx, cy), csig, cshare = URBAN_CORE
    m = int(round(cshare * total))
    parts.append((rng.normal(X0 + cx * length, csig * length, m), rng.normal(Y0 + cy * length, csig * length, m),
                  "flat", 0))
    m = total - sum(len(p[0]) for p in parts)
    parts.append((rng.uniform(X0, X0 + length, m), rng.uniform(Y0, Y0 + length, m), "flat", 0))
    xs, ys, days, comp = [], [], [], []
    for x, y, profile, k in parts:
        pdf = profiles[profile] * week_factor
        xs.append(x)
        ys.append(y)
        days.append(rng.choice(DAYS, size=len(x), p=pdf / pdf.sum()))
        comp.append(np.full(len(x), k, dtype=np.int8))
    x, y = np.round(np.concatenate(xs), 2), np.round(np.concatenate(ys), 2)
    day, comp = np.concatenate(days), np.concatenate(comp)
    keep = (x >= X0) & (x < X0 + length) & (y >= Y0) & (y < Y0 + length)
    (px0, py0, px1, py1), kept = COLD
    park = (x >= X0 + px0 * length) & (x < X0 + px1 * length) & (y >= Y0 + py0 * length) & (y < Y0 + py1 * length)
    keep &= ~park | (rng.random(len(x)) < kept)
    idx = np.flatnonzero(keep)
    if len(idx) < n:
        raise RuntimeError(f"only {len(idx)} cases drawn for {n}: raise the oversampling")
    idx = np.sort(rng.choice(idx, size=n, replace=False))
    x, y, day, comp = x[idx], y[idx], day[idx], comp[idx]
    hours = np.asarray(generate_cases.HOURS, dtype=float)
    hour = 7 + rng.choice(len(hours), size=n, p=hours / hours.sum()) + rng.random(n)
    at = int(start.timestamp()) + day.astype(np.int64) * 86400 + (hour * 3600).astype(np.int64)
    order = np.argsort(at, kind="stable")                          # ids in report order, as a real table grows
    x, y, at, comp = x[order], y[order], at[order], comp[order]
    col = np.minimum(((x - X0) // CELL).astype(np.int64), side - 1)
    row = np.minimum(((y - Y0) // CELL).astype(np.int64), side - 1)
    return {"x": x, "y": y, "cell": row * side + col, "at": at, "comp": comp}


def fill(dsn: str, n: int, info: dict, seed: int) -> dict:
    """Draw *n* cases and COPY them into citygrid.work_case (internal mode, bypassing the workflow)."""
    t0 = time.perf_counter()
    cases = draw_cases(n, info["side"], seed)
    rng = np.random.default_rng(seed + 1)
    classes = sorted(generate_cases.EVENTS)
    cls_w = np.array([generate_cases.EVENTS[c][0] for c in classes], dtype=float)
    cls = np.asarray(classes, dtype=object)[rng.choice(len(classes), size=n, p=cls_w / cls_w.sum())]
    src_names = [s for s, _w in generate_cases.SOURCES]
    src_w = np.array([w for _s, w in generate_cases.SOURCES])
    src = np.asarray(src_names, dtype=object)[rng.choice(len(src_names), size=n, p=src_w / src_w.sum())]
    late = rng.random(n) < 0.12
    codes = np.asarray(info["cell_code"], dtype=object)[cases["cell"]]
    at = cases["at"]
    reported = (at.astype("datetime64[s]")).astype(str)
    handle = ((at + 3 * 86400).astype("datetime64[s]")).astype(str)
    updated = ((np.minimum(at + 20 * 3600, int(END.timestamp()))).astype("datetime64[s]")).astype(str)
    day_cst = ((at + 8 * 3600).astype("datetime64[D]")).astype(str)
    t_draw = time.perf_counter() - t0
    desc = {c: v[2] for c, v in generate_cases.EVENTS.items()}
    dept = {c: info["routed"].get(c, r"\N") for c in classes}
    srid, profile = info["srid"], info["profile"]
    conn = db.connect(dsn)
    t0 = time.perf_counter()
    chunk = 100_000
    with conn.cursor() as cur:
        cur.execute(INTERNAL_ON)
        for lo in range(0, n, chunk):
            buf = io.StringIO()
            buf.writelines(
                f"{i + 1}\tB{day_cst[i].replace('-', '')}{i + 1:07d}\t{src[i]}\tevent\t{profile}\t{cls[i]}\t"
                f"{desc[cls[i]]}\tSRID={srid};POINT({cases['x'][i]:.2f} {cases['y'][i]:.2f})\t{codes[i]}\t"
                f"{codes[i][:6]}\t{codes[i][6:9]}\t{codes[i][9:12]}\t{dept[cls[i]]}\tclosed\t\\N\t\\N\t"
                f"{handle[i]}+00\t{'超时结案' if late[i] else '正常结案'}\t{reported[i]}+00\t{updated[i]}+00\t7\n"
                for i in range(lo, min(n, lo + chunk)))
            buf.seek(0)
            cur.copy_expert("COPY citygrid.work_case (id, case_no, source, kind, profile, class_code, description, "
                            "geom, grid_code, district_code, street_code, community_code, department_code, state, "
                            "stage, stage_deadline, handle_deadline, close_category, reported_at, updated_at, "
                            "version) FROM STDIN", buf)
        cur.execute("SELECT setval('citygrid.work_case_id_seq', %s)", (n,))
        cur.execute("RESET citygrid.internal")
    conn.commit()
    t_copy = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE citygrid.work_case")
    t_vacuum = time.perf_counter() - t0
    conn.close()
    return {"t_draw": t_draw, "t_copy": t_copy, "t_vacuum": t_vacuum, "rss": rss_mb(),
            "per_component": Counter(cases["comp"].tolist())}


def _fill_child(pipe, dsn, n, info, seed) -> None:
    try:
        pipe.send(("ok", fill(dsn, n, info, seed)))
    except BaseException:  # noqa: BLE001 - reported by the parent
        pipe.send(("error", traceback.format_exc()))
    finally:
        pipe.close()


def fill_in_child(dsn: str, n: int, info: dict, seed: int) -> dict:
    """fill() in a forked child process, so the parent's peak RSS is the analysis's alone."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_fill_child, args=(child, dsn, n, info, seed))
    proc.start()
    child.close()
    status, payload = parent.recv()
    proc.join()
    if status != "ok":
        raise RuntimeError("the fill failed in the child process:\n" + payload)
    return payload


# -- peers ------------------------------------------------------------------------------------------
def pysal():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import esda
        import libpysal
        from esda.getisord import G_Local
    return esda, libpysal, G_Local


def pairs_of(w) -> set[tuple[int, int]]:
    """Neighbour pairs (i < j) of a libpysal W whose ids are 0..n-1."""
    return {(min(i, j), max(i, j)) for i, nb in w.neighbors.items() for j in nb if i != j}


def csr_pairs(W) -> set[tuple[int, int]]:
    coo = W.tocoo()
    return {(int(i), int(j)) for i, j in zip(coo.row, coo.col) if i < j}


def memory_layer(xy: np.ndarray):
    """The points as a QGIS memory layer in EPSG:4544 (what a plugin would hand the algorithm)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4544", "cases", "memory")
    features = []
    for x, y in xy:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        features.append(f)
    if not layer.dataProvider().addFeatures(features)[0]:
        raise RuntimeError("the memory layer refused the points")
    layer.updateExtents()
    return layer


def store_layer(cluster: PrivateCluster, dbname: str, flt: CaseFilter):
    """citygrid.work_case as a QGIS postgres layer with the filter's subset string (what a QGIS user would open)."""
    from qgis.core import QgsVectorLayer

    p = cluster.client_params(dbname)
    uri = (f"dbname='{p['dbname']}' host={p['host']} port={p['port']} user='{p['user']}' key='id' srid=4544 "
           f"type=Point checkPrimaryKeyUnicity='0' table=\"citygrid\".\"work_case\" (geom)")
    layer = QgsVectorLayer(uri, "cases", "postgres")
    if not layer.isValid() or not layer.setSubsetString(flt.subset()):
        raise RuntimeError(f"QGIS cannot open citygrid.work_case: {layer.error().summary()}")
    return layer


def qgis_heatmap(layer, radius: float, pixel: float, folder: str, runs: int):
    """qgis:heatmapkerneldensityestimation on *layer*: median seconds, array, geotransform, no-data value."""
    import processing
    from osgeo import gdal

    outputs = []

    def run():
        path = os.path.join(folder, f"qgis_heatmap_{len(os.listdir(folder))}.tif")
        outputs.append(processing.run("qgis:heatmapkerneldensityestimation", {
            "INPUT": layer, "RADIUS": radius, "RADIUS_FIELD": None, "PIXEL_SIZE": pixel, "WEIGHT_FIELD": None,
            "KERNEL": 0, "DECAY": 0.0, "OUTPUT_VALUE": 0, "OUTPUT": path})["OUTPUT"])

    seconds, _times, _ = timed(run, runs, warm=False)
    ds = gdal.Open(outputs[-1])
    band = ds.GetRasterBand(1)
    array, gt, nodata = band.ReadAsArray(), ds.GetGeoTransform(), band.GetNoDataValue()
    ds = None
    return seconds, array, gt, nodata


def kde_choice(xy: np.ndarray, radius: float, pixel: float) -> str:
    """The method kde_grid(method='auto') picks for quartic/raw (read from core.kde's private planner)."""
    from citygrid_plugin.core import kde

    try:
        plan = kde._Plan(kde.kde_layout(xy, radius, pixel), xy, np.full(len(xy), float(radius)), np.ones(len(xy)),
                         "quartic", "raw", 0.0)
        return "moments" if plan.moments_possible() and plan.moments_cost() < plan.direct_cost() else "direct"
    except (AttributeError, TypeError):  # the planner changed: say so rather than guess
        return "auto"


def compare_rasters(ours: np.ndarray, gt, theirs: np.ndarray, their_gt, their_nodata) -> dict:
    """Shape, geotransform, no-data pixels and values of two heatmaps (ours against QGIS's)."""
    out = {"shape": ours.shape == theirs.shape and np.allclose(gt, their_gt, rtol=0, atol=1e-6)
           and their_nodata == NODATA}
    out["mask"] = out["shape"] and bool(np.array_equal(ours == NODATA, theirs == NODATA))
    out["rel"] = out["worst"] = out["exact"] = float("nan")
    if out["mask"]:
        data = theirs != NODATA
        ref, mine = theirs[data].astype(float), ours[data].astype(float)
        diff = np.abs(mine - ref)
        out["rel"] = float((diff / np.abs(ref).clip(min=1e-30)).max())
        out["worst"] = float(diff.max() / np.abs(ref).max())
        out["exact"] = float((ours[data] == theirs[data]).mean())
    out["ok"] = out["mask"] and out["rel"] < 1e-4
    return out


# -- main -------------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--grids", type=int, default=10_000, help="about this many (a square lattice)")
    parser.add_argument("--quick", action="store_true", help="100,000 cases over 2,500 grids")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per cheap measurement (median)")
    parser.add_argument("--perm-budget", type=float, default=120.0,
                        help="run esda with 999 permutations only if it should finish within this many seconds")
    parser.add_argument("--kde-days", type=int, default=30)
    parser.add_argument("--radius", type=float, default=150.0)
    parser.add_argument("--pixel", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=generate_cases.SEED)
    parser.add_argument("--keep-db", action="store_true", help="keep the throw-away database (its DSN is printed)")
    args = parser.parse_args()
    n_cases, n_grids = (100_000, 2_500) if args.quick else (args.cases, args.grids)
    runs = max(1, args.runs)
    t_script = time.perf_counter()
    failures: list[str] = []
    table: list[tuple[str, str, str, str]] = []      # operation, time, peer, ratio

    def check(ok: bool, what: str) -> str:
        if not ok:
            failures.append(what)
        return "OK" if ok else "FAILED"

    cluster = PrivateCluster.default()
    cluster.up()
    t0 = time.perf_counter()
    dbname, conn, info = setup_store(cluster, n_grids)
    dsn = cluster.dsn(dbname)
    t_setup = time.perf_counter() - t0
    scratch = tempfile.TemporaryDirectory(prefix="cg_bench_kde_")    # the GeoTIFFs
    try:
        print(f"machine: {machine(conn)}")
        side = info["side"]
        print(f"setup: store + district {DISTRICT} ({info['streets']} streets, {info['communities']} communities, "
              f"{side * side:,} unit grids of {CELL:.0f} m, {side * CELL / 1000:g} km × {side * CELL / 1000:g} km; "
              f"codes issued in {info['t_codes']:.1f} s) + {info['departments']} departments in {t_setup:.1f} s")
        filled = fill_in_child(dsn, n_cases, info, args.seed)
        comp = filled["per_component"]
        print(f"fill (child process, not part of any figure): {n_cases:,} cases drawn in {filled['t_draw']:.1f} s, "
              f"COPY into citygrid.work_case (internal mode, through the guard trigger and 5 indexes) "
              f"{filled['t_copy']:.1f} s ({n_cases / filled['t_copy']:,.0f} rows/s), VACUUM ANALYZE "
              f"{filled['t_vacuum']:.1f} s; child peak RSS {filled['rss']:.0f} MB")
        print(f"   pattern: background + urban core {comp[0]:,}; " + "; ".join(
            f"{h[0]} {comp[k + 1]:,}" for k, h in enumerate(HOTSPOTS)) + f"; park keeps {COLD[1]:.0%} of its cases")
        start = END - timedelta(days=DAYS)
        year = CaseFilter(start, END)
        recent = CaseFilter(END - timedelta(days=args.kde_days), END)
        print(f"   window: {year.describe()} (the year); KDE window {recent.describe()}")

        # -- ours first (a, b, c), so that the peak memory up to the headline is the engine's alone ---
        t_grids, _t, grids = timed(lambda: analysis.active_grids(conn), runs, warm=True)
        xy = np.asarray(grids.xy, dtype=float)
        n = len(grids.codes)
        index = grids.index()
        cell_index = np.array([index[c] for c in info["cell_code"]])   # lattice cell → position in grids

        def counts():
            return np.asarray(analysis.counts_per_grid(conn, year, grids), dtype=float)

        counts()
        shares = [with_sql_share(conn, counts) for _ in range(runs)]
        t_counts = statistics.median(s[0] for s in shares)
        sql_share = statistics.median(s[1] / s[0] for s in shares)
        y = shares[-1][2]

        def band_weights():
            choice = hs.default_band(xy)
            return choice, hs.distance_band_weights(xy, choice.band)

        t_band, _t, (choice, W) = timed(band_weights, runs, warm=True)

        def ours():
            gi = hs.gi_star(y, W)
            return gi, hs.fdr_classes(gi.z, gi.p)

        t_gi, _t, (gi, bins) = timed(ours, runs, warm=True)

        def chain():  # the headline as one caller runs it: store → counts → weights → Gi* → bins
            g_set = analysis.active_grids(conn)
            values = np.asarray(analysis.counts_per_grid(conn, year, g_set), dtype=float)
            centroids = np.asarray(g_set.xy, dtype=float)
            weights = hs.distance_band_weights(centroids, hs.default_band(centroids).band)
            result = hs.gi_star(values, weights)
            return hs.fdr_classes(result.z, result.p)

        t_chain, _t, bins_chain = timed(chain, runs, warm=True)
        t_adj, _t, pairs = timed(lambda: analysis.grid_adjacency(conn, grids), max(1, runs // 2), warm=True)
        t_cont, _t, Wq = timed(lambda: hs.contiguity_weights(n, np.asarray(pairs)), runs, warm=True)
        t_gi_q, _t, (gi_q, bins_q) = timed(lambda: (lambda r: (r, hs.fdr_classes(r.z, r.p)))(hs.gi_star(y, Wq)), runs,
                                           warm=True)
        t_sum = t_grids + t_counts + t_band + t_gi
        rss_head = rss_mb()

        # -- a. grids and counts ----------------------------------------------------------------
        where, where_args = year.where("c")
        plan = plan_of(conn, f"SELECT c.grid_code, count(*) FROM citygrid.work_case c WHERE {where} GROUP BY 1",
                       where_args)

        def peer_counts():
            with conn.cursor() as cur:
                cur.execute(f"SELECT c.grid_code FROM citygrid.work_case c WHERE {where}", where_args)
                rows = cur.fetchall()
            conn.rollback()
            return hs.counts_per_grid(np.fromiter((index.get(r[0], -1) for r in rows), dtype=np.int64,
                                                  count=len(rows)), n)

        t_peer_counts, _t, y_peer = timed(peer_counts, max(1, runs // 2), warm=False)
        t_recent, _t, y_recent = timed(lambda: analysis.counts_per_grid(conn, recent, grids), runs, warm=True)
        plan_recent = plan_of(conn, "SELECT c.grid_code, count(*) FROM citygrid.work_case c WHERE "
                              + recent.where("c")[0] + " GROUP BY 1", recent.where("c")[1])
        print(f"\na. grids and counts ({n:,} grids, {int(y.sum()):,} cases in the year)")
        print(f"   active_grids (codes, centroids, WKB): {t_grids * 1000:8.1f} ms")
        print(f"   counts_per_grid, the year:          {t_counts * 1000:8.1f} ms   SQL {sql_share:.0%} "
              f"of it   plan: {plan}")
        print(f"   peer: every case's grid_code into Python + np.bincount: {t_peer_counts * 1000:8.1f} ms "
              f"(ratio {t_counts / t_peer_counts:.2f}); same counts: "
              f"{check(np.array_equal(y, y_peer), 'counts differ from the per-case peer')}")
        print(f"   counts_per_grid, last {args.kde_days} days ({int(sum(y_recent)):,} cases): {t_recent * 1000:8.1f} "
              f"ms   plan: {plan_recent}")
        table.append((f"active_grids ({n:,} grids)", f"{t_grids * 1000:.0f} ms", "", ""))
        table.append((f"counts_per_grid, {int(y.sum()):,} cases (SQL GROUP BY: {sql_share:.0%})",
                      f"{t_counts * 1000:.0f} ms", f"per-case fetch + bincount: {t_peer_counts * 1000:.0f} ms",
                      f"{t_counts / t_peer_counts:.2f}"))

        # -- b. weights ------------------------------------------------------------------------
        nbr = np.diff(W.indptr)
        esda, libpysal, G_Local = pysal()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t_db, _t, w_db = timed(lambda: libpysal.weights.DistanceBand(xy, threshold=choice.band, binary=True,
                                                                          silence_warnings=True), 1, warm=False)
            from shapely import wkb as shapely_wkb

            polygons = [shapely_wkb.loads(b) for b in grids.wkb]
            t_queen, _t, w_queen = timed(lambda: libpysal.weights.Queen.from_iterable(polygons), 1, warm=False)
        same_band = pairs_of(w_db) == csr_pairs(W)
        same_queen = pairs_of(w_queen) == csr_pairs(Wq)
        qn = np.diff(Wq.indptr)
        print("\nb. spatial weights")
        print(f"   default_band + distance_band_weights: {t_band * 1000:8.1f} ms   band {choice.band:.1f} m "
              f"(rule {choice.rule}, K={choice.k}), neighbours per grid {nbr.mean():.1f} (min {nbr.min()}, "
              f"max {nbr.max()}), {int((nbr == 0).sum())} islands")
        print(f"     peer: libpysal DistanceBand on the same centroids: {t_db * 1000:8.1f} ms (ratio "
              f"{t_band / t_db:.3f}); same neighbours: {check(same_band, 'distance band differs from libpysal')}")
        print(f"   queen: grid_adjacency (store, ST_DWithin 5 cm) {t_adj * 1000:8.1f} ms + contiguity_weights "
              f"{t_cont * 1000:.1f} ms; neighbours per grid {qn.mean():.2f} (min {qn.min()}, max {qn.max()})")
        print(f"     peer: libpysal Queen.from_iterable on the same polygons: {t_queen * 1000:8.1f} ms (ratio "
              f"{(t_adj + t_cont) / t_queen:.2f}); same neighbours: "
              f"{check(same_queen, 'queen contiguity differs from libpysal')}")
        table.append((f"default_band + distance_band_weights ({choice.band:.0f} m, {nbr.mean():.1f} neighbours)",
                      f"{t_band * 1000:.1f} ms", f"libpysal DistanceBand: {t_db * 1000:.0f} ms",
                      f"{t_band / t_db:.3f}"))
        table.append(("queen: grid_adjacency (store) + contiguity_weights", f"{(t_adj + t_cont) * 1000:.0f} ms",
                      f"libpysal Queen: {t_queen * 1000:.0f} ms", f"{(t_adj + t_cont) / t_queen:.2f}"))

        # -- c. Gi* + FDR ----------------------------------------------------------------------
        t_w_runs, t_g_runs, t_fdr_runs, g = [], [], [], None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(max(1, min(runs, 3))):
                t0 = time.perf_counter()
                w = libpysal.weights.WSP(W).to_W(silence_warnings=True)
                t_w_runs.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                g = G_Local(y, w, transform="B", star=True, permutations=0)
                t_g_runs.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                two_sided = 2 * g.p_norm
                esda_crit = [esda.fdr(two_sided, alpha) for _lvl, alpha in hs.CONFIDENCE_LEVELS]
                t_fdr_runs.append(time.perf_counter() - t0)
            g_q = G_Local(y, libpysal.weights.WSP(Wq).to_W(silence_warnings=True), transform="B", star=True,
                          permutations=0)
        t_w, t_g, t_fdr = (statistics.median(v) for v in (t_w_runs, t_g_runs, t_fdr_runs))
        dz = float(np.max(np.abs(gi.z - g.Zs)))
        dz_q = float(np.max(np.abs(gi_q.z - g_q.Zs)))
        dp = float(np.max(np.abs(gi.p - 2 * g.p_norm)))
        fdr_same = all(
            int((gi.p <= hs.bh_critical_p(gi.p, alpha)).sum()) == int((2 * g.p_norm < crit).sum())
            for (_lvl, alpha), crit in zip(hs.CONFIDENCE_LEVELS, esda_crit))
        level_counts = Counter(bins.tolist())
        print("\nc. Gi* + FDR bins")
        print(f"   gi_star + fdr_classes:              {t_gi * 1000:8.1f} ms   (with the queen weights "
              f"{t_gi_q * 1000:.1f} ms)")
        print(f"     peer: esda G_Local(transform='B', star=True, permutations=0) {t_g * 1000:8.1f} ms + esda.fdr "
              f"×3 {t_fdr * 1000:.1f} ms = {(t_g + t_fdr) * 1000:.1f} ms (ratio {t_gi / (t_g + t_fdr):.4f}: esda "
              f"takes {(t_g + t_fdr) / t_gi:.0f}× as long); its W from our sparse matrix (WSP.to_W) "
              f"{t_w * 1000:.0f} ms more")
        print(f"     max |z − esda Zs| = {dz:.2e} (< 1e-6: {check(dz < 1e-6, f'z differs from esda by {dz:.2e}')}; "
              f"queen weights {dz_q:.2e}: {check(dz_q < 1e-6, f'queen z differs from esda by {dz_q:.2e}')}); "
              f"max |p − 2·esda p_norm| = {dp:.2e}; FDR significant grids equal to esda.fdr's at 90/95/99 %: "
              f"{check(fdr_same, 'FDR differs from esda.fdr')}")
        print("   bins: " + ", ".join(f"{hs.bin_label(b)} {level_counts.get(b, 0):,}"
                                 for b in (3, 2, 1, 0, -1, -2, -3)))
        queen_counts = Counter(bins_q.tolist())
        print("   bins with the queen weights: " + ", ".join(f"{b:+d}: {queen_counts.get(b, 0):,}"
                                                       for b in (3, 2, 1, 0, -1, -2, -3)))
        print(f"\n   HEADLINE counts + weights (distance band) + Gi* + FDR, {int(y.sum()):,} cases over {n:,} grids: "
              f"{t_grids * 1000:.0f} + {t_counts * 1000:.0f} + {t_band * 1000:.0f} + {t_gi * 1000:.0f} ms = "
              f"{t_sum:.3f} s; run as one chain (median of {runs}) {t_chain:.3f} s, same bins: "
              f"{check(np.array_equal(bins, bins_chain), 'the chained run gives other bins')} "
              f"({'within' if max(t_sum, t_chain) < GOAL_S else 'OVER'} the goal of {GOAL_S:.0f} s); peak RSS of the "
              f"process up to here (no peer run yet, no QGIS) {rss_head:.0f} MB")
        table.append(("gi_star + fdr_classes", f"{t_gi * 1000:.1f} ms",
                      f"esda G_Local (0 perms) + esda.fdr: {(t_g + t_fdr) * 1000:.0f} ms",
                      f"{t_gi / (t_g + t_fdr):.4f}"))
        table.append(("  the peer's W from the same sparse matrix (WSP.to_W)", "", f"{t_w * 1000:.0f} ms", ""))

        # permutations
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            g99 = G_Local(y, libpysal.weights.WSP(W).to_W(silence_warnings=True), transform="B", star=True,
                          permutations=99, seed=args.seed)
            t99 = time.perf_counter() - t0
            estimate = t99 * 10
            if estimate <= args.perm_budget:
                t0 = time.perf_counter()
                gperm = G_Local(y, libpysal.weights.WSP(W).to_W(silence_warnings=True), transform="B", star=True,
                                permutations=999, seed=args.seed)
                perms, t_perm = 999, time.perf_counter() - t0
            else:
                gperm, perms, t_perm = g99, 99, t99
        hot99 = bins == 3
        agree = float((gperm.p_sim[hot99] <= 0.05).mean()) if hot99.any() else float("nan")
        note = "" if perms == 999 else (f" (999 permutations skipped: extrapolated {estimate:.0f} s > budget "
                                        f"{args.perm_budget:.0f} s)")
        print(f"   esda G_Local with {perms} permutations (n_jobs=-1): {t_perm:.1f} s{note}; the 99 % FDR hot "
              f"spots with pseudo p ≤ 0.05: {agree:.1%}")
        table.append((f"  esda G_Local with {perms} permutations{' (999 over budget)' if perms != 999 else ''}", "",
                      f"{t_perm:.1f} s", f"{t_gi / t_perm:.5f}"))
        table.append((f"**headline: counts + distance band + Gi* + FDR (goal < {GOAL_S:.0f} s)**",
                      f"**{t_chain:.3f} s** (sum of the parts {t_sum:.3f} s)",
                      f"esda chain (DistanceBand + G_Local + fdr): {t_db + t_g + t_fdr:.2f} s",
                      f"{(t_band + t_gi) / (t_db + t_g + t_fdr):.4f} (b+c)"))

        # planted spots
        length = side * CELL

        def centre_index(fx, fy) -> int:
            col, row = min(int(fx * side), side - 1), min(int(fy * side), side - 1)
            return int(cell_index[row * side + col])

        d_all = {}
        for k, (_name, (fx, fy), sigma, _share, _profile, _expected) in enumerate(HOTSPOTS):
            d = np.hypot(xy[:, 0] - (X0 + fx * length), xy[:, 1] - (Y0 + fy * length))
            d_all[k] = (centre_index(fx, fy), d <= sigma)
        (px0, py0, px1, py1), _kept = COLD
        park = ((xy[:, 0] > X0 + px0 * length) & (xy[:, 0] < X0 + px1 * length) & (xy[:, 1] > Y0 + py0 * length)
                & (xy[:, 1] < Y0 + py1 * length))
        park_centre = centre_index((px0 + px1) / 2, (py0 + py1) / 2)
        print("   planted spots (grid at the centre; grids within one sigma / inside the park):")
        for k, (name, *_rest) in enumerate(HOTSPOTS):
            c, near = d_all[k]
            found = bins[c] == 3
            print(f"     {name:36s} {grids.codes[c]} bin {bins[c]:+d} z {gi.z[c]:6.1f}; {int((bins[near] == 3).sum())}"
                  f"/{int(near.sum())} grids at 99 % hot: {check(found, f'planted hot spot {name} not found')}")
        found = bins[park_centre] == -3
        print(f"     {'park (cold)':36s} {grids.codes[park_centre]} bin {bins[park_centre]:+d} z "
              f"{gi.z[park_centre]:6.1f}; {int((bins[park] <= -2).sum())}/{int(park.sum())} grids cold at ≥ 95 %: "
              f"{check(found, 'planted cold area not found')}")

        # -- d. emerging hot spots -------------------------------------------------------------
        def cube():
            matrix, cuts = analysis.counts_per_grid_and_slice(conn, year, grids, 7)
            return np.asarray(matrix, dtype=float), cuts

        t_cube_runs = [with_sql_share(conn, cube) for _ in range(max(1, min(runs, 3)))]
        t_cube = statistics.median(r[0] for r in t_cube_runs)
        cube_sql = statistics.median(r[1] / r[0] for r in t_cube_runs)
        counts_cube, cuts = t_cube_runs[-1][2]
        t_em, _t, em = timed(lambda: hs.emerging_hotspots(counts_cube, W), max(1, min(runs, 3)), warm=True)
        categories = Counter(em.category.tolist())
        last_day = cuts[-1][1] - timedelta(seconds=1)
        print(f"\nd. emerging hot spots, {len(cuts)} weekly slices ({cuts[0][0]:%Y-%m-%d} – {last_day:%Y-%m-%d}), "
              f"{int(counts_cube.sum()):,} cases, cube {counts_cube.shape[0]:,} × {counts_cube.shape[1]}")
        print(f"   counts_per_grid_and_slice: {t_cube * 1000:8.1f} ms (SQL {cube_sql:.0%})   emerging_hotspots: "
              f"{t_em * 1000:8.1f} ms   total {(t_cube + t_em):.2f} s")
        print("   patterns: " + ", ".join(f"{c} {categories[c]:,}" for c in hs.CATEGORIES if categories.get(c)))
        for k, (name, *_rest, expected) in enumerate(HOTSPOTS):
            c, _near = d_all[k]
            print(f"     {name:36s} {em.category[c]:18s} (planted as {' or '.join(expected)}; hot in {em.n_hot[c]} "
                  f"of {len(cuts)} slices, trend z {em.trend.z[c]:+.1f}){'' if em.category[c] in expected else '  *'}")
        print(f"     {'park (cold)':36s} {em.category[park_centre]:18s} (planted as persistent_cold; cold in "
              f"{em.n_cold[park_centre]} of {len(cuts)} slices)")
        table.append((f"counts_per_grid_and_slice ({len(cuts)} weeks, SQL {cube_sql:.0%})", f"{t_cube * 1000:.0f} ms",
                      "", ""))
        table.append((f"emerging_hotspots ({counts_cube.shape[0]:,} × {counts_cube.shape[1]} cube)",
                      f"{t_em * 1000:.0f} ms", "", ""))

        # -- e. KDE ----------------------------------------------------------------------------
        kruns = max(1, min(runs, 3))
        extent = analysis.district_extent(conn)
        t_pts, _t, pts = timed(lambda: np.asarray(analysis.case_points(conn, recent), dtype=float), kruns,
                               warm=True)
        t_kde, _t, (ours_r, gt) = timed(lambda: kde_grid(pts, args.radius, args.pixel, "quartic", "raw"), kruns,
                                        warm=True)
        t_direct, _t, (direct_r, _gt) = timed(lambda: kde_grid(pts, args.radius, args.pixel, method="direct"), kruns,
                                              warm=True)
        t_moments, _t, (moments_r, _gt) = timed(lambda: kde_grid(pts, args.radius, args.pixel, method="moments"),
                                                kruns, warm=True)
        method = kde_choice(pts, args.radius, args.pixel)
        folder = scratch.name
        t_tif, _t, _ = timed(lambda: write_geotiff(os.path.join(folder, "citygrid.tif"), ours_r, gt, info["srid"]),
                             kruns, warm=False)

        from citygrid_plugin.standalone import start_qgis

        t0 = time.perf_counter()
        start_qgis()
        from qgis.core import Qgis

        t_qgis_start = time.perf_counter() - t0
        t0 = time.perf_counter()
        mem = memory_layer(pts)
        t_layer = time.perf_counter() - t0
        lext = mem.extent()
        lextent = (lext.xMinimum(), lext.yMinimum(), lext.xMaximum(), lext.yMaximum())
        t_alg, theirs, their_gt, their_nodata = qgis_heatmap(mem, args.radius, args.pixel, folder, kruns)
        cmp_auto = compare_rasters(ours_r, gt, theirs, their_gt, their_nodata)
        cmp_direct = compare_rasters(direct_r, gt, theirs, their_gt, their_nodata)
        cmp_moments = compare_rasters(moments_r, gt, theirs, their_gt, their_nodata)
        t0 = time.perf_counter()
        pg_layer = store_layer(cluster, dbname, recent)
        t_pg_open = time.perf_counter() - t0
        t_alg_pg, theirs_pg, pg_gt, pg_nodata = qgis_heatmap(pg_layer, args.radius, args.pixel, folder, kruns)
        cmp_pg = compare_rasters(ours_r, gt, theirs_pg, pg_gt, pg_nodata)
        print(f"\ne. density raster, last {args.kde_days} days: {len(pts):,} points, radius {args.radius:g} m, pixel "
              f"{args.pixel:g} m, quartic, raw; raster {ours_r.shape[0]:,} × {ours_r.shape[1]:,} "
              f"({ours_r.size / 1e6:.2f} Mpixel)")
        print(f"   district extent {extent[2] - extent[0]:.0f} m × {extent[3] - extent[1]:.0f} m; the points' extent "
              f"(QGIS uses the layer's) lies within {max(abs(a - b) for a, b in zip(extent, lextent)):.1f} m of it")
        print(f"   case_points (store → numpy):        {t_pts * 1000:8.1f} ms")
        print(f"   kde_grid (auto, i.e. {method}):       {t_kde * 1000:8.1f} ms   (method='direct' "
              f"{t_direct * 1000:.0f} ms, method='moments' {t_moments * 1000:.0f} ms)   + write_geotiff "
              f"{t_tif * 1000:.0f} ms")
        print(f"   peer: QGIS {Qgis.version()} qgis:heatmapkerneldensityestimation (writes its GeoTIFF) on a memory "
              f"layer of the same points: {t_alg * 1000:8.1f} ms; building that layer {t_layer * 1000:.0f} ms "
              f"(QGIS started in {t_qgis_start:.1f} s)")
        print(f"     ratio kde_grid + write_geotiff / QGIS = {(t_kde + t_tif) / t_alg:.3f} (QGIS takes "
              f"{t_alg / (t_kde + t_tif):.1f}× as long)")
        for label, c in (("auto", cmp_auto), ("direct", cmp_direct), ("moments", cmp_moments)):
            print(f"     {label:7s} vs QGIS: same shape, geotransform, no-data value: {c['shape']}; same no-data "
                  f"pixels: {c['mask']}; max relative difference {c['rel']:.2e} (largest absolute difference "
                  f"{c['worst']:.1e} of the maximum); {c['exact']:.1%} of the pixels bit-identical: "
                  f"{check(c['ok'], f'KDE ({label}) differs from QGIS')}")
        print(f"   end to end: case_points + kde_grid + write_geotiff {(t_pts + t_kde + t_tif) * 1000:.0f} ms against "
              f"QGIS's algorithm on the store's postgres layer with the filter as subset string "
              f"{t_alg_pg * 1000:.0f} ms (+ {t_pg_open * 1000:.0f} ms to open it): ratio "
              f"{(t_pts + t_kde + t_tif) / t_alg_pg:.3f}; its raster equals ours: {cmp_pg['ok']} (max relative "
              f"difference {cmp_pg['rel']:.1e})")
        table.append((f"case_points, {len(pts):,} points (last {args.kde_days} days)", f"{t_pts * 1000:.0f} ms",
                      f"QGIS memory layer of them: {t_layer * 1000:.0f} ms", ""))
        table.append((f"kde_grid ({method}) + write_geotiff, {ours_r.shape[0]:,} × {ours_r.shape[1]:,} px",
                      f"{(t_kde + t_tif) * 1000:.0f} ms", f"qgis:heatmapkerneldensityestimation: {t_alg * 1000:.0f} ms",
                      f"{(t_kde + t_tif) / t_alg:.3f}"))
        table.append(("  end to end from the store: case_points + kde_grid + write_geotiff",
                      f"{(t_pts + t_kde + t_tif) * 1000:.0f} ms", f"QGIS heatmap on the postgres layer: "
                      f"{t_alg_pg * 1000:.0f} ms", f"{(t_pts + t_kde + t_tif) / t_alg_pg:.3f}"))

        # -- summary ----------------------------------------------------------------------------
        print(f"\nsummary ({int(y.sum()):,} cases, {n:,} grids; ratio = ours / peer)\n")
        width = max(len(r[0]) for r in table)
        print(f"| {'operation':{width}s} | time | peer | ratio |")
        print(f"|{'-' * (width + 2)}|---:|---|---:|")
        for op, t, peer, ratio in table:
            print(f"| {op:{width}s} | {t} | {peer} | {ratio} |")
        print(f"\npeak RSS: {rss_head:.0f} MB up to the headline (no QGIS), {rss_mb():.0f} MB at the end (QGIS loaded)")
        print("checks: " + ("all passed" if not failures else "FAILED: " + "; ".join(failures)))
        print(f"whole script: {time.perf_counter() - t_script:.0f} s")
    finally:
        conn.close()
        scratch.cleanup()
        if args.keep_db:
            print(f"kept database {dbname}: {dsn}")
        else:
            cluster.drop_database(dbname)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
