#!/usr/bin/env python3
"""Benchmark: partitioning communities into unit grids (单元网格): CityGrid vs its previous version and square grids.

    .venv/bin/python bench/grids.py [--quick] [--city] [--no-trace] [--no-postgis]

Inputs (data_samples/grid_inputs.py says what each is, how big and why)
  sample      the sample district (8.3 km², 14 communities): real Chengdu centrelines, synthetic classes and
              buildings (data_samples/sample_district.gpkg)
  centre      the dense central 100 km² of the shared Chengdu network (/work/shared/data/chengdu_road_edgelist.csv,
              no classes) with 100 synthetic 1 km² communities; skipped with a message when the CSV is absent
  prague      real streets and 144 real buildings of Bubeneč, Prague (OpenStreetMap via momepy), 2 communities
  nyc         real OSM streets with classes, Upper West Side, Manhattan (via momepy), 4 communities
  cloverleaf  synthetic: two dual carriageways with a cloverleaf interchange, local streets
  boulevard   synthetic: a boulevard ending 40 m and a primary ending 100 m short of the community edge
  superblock  synthetic: a road-free 400 m × 300 m block with 30 slab buildings
  city        (--city only) the whole shared Chengdu network with a synthetic community per 1 km cell
--quick runs every input except the Chengdu ones.

Runs on each input
  legacy        bench/legacy_grids.partition: the algorithm before issue 20 (frozen copy), plain geometries
                (it knows no road classes, dead ends or buildings)
  citygrid-1    core.grids.partition with classes and obstacles, workers=1 (one process)
  citygrid-2    the same with workers=2; its grids are checked to be identical (WKB, keys, order) to workers=1
  straight      (inputs with buildings) citygrid-2 without obstacles, measured against the buildings:
                "buildings crossed with straight cuts"
  shapely       a regular 100 m square grid (aligned on multiples of 100 m) clipped to each community
  postgis       ST_SquareGrid(100, community) ∩ community in the private PostGIS cluster (when it runs)
Every result is measured by the same, new core.grids.quality_figures with the same barriers (classes) and
obstacles. Printed: wall time, peak memory (tracemalloc peak of the Python heap in a separate run - GEOS
allocations are not traced - and the process's peak RSS, reset before each run through /proc/self/clear_refs
when the kernel allows, else ru_maxrss; worker processes are not included), the figures and time ratios,
with the machine it ran on.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import math
import resource
import sys
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data_samples"))
sys.path.insert(0, str(ROOT / "bench"))
warnings.filterwarnings("ignore", message="Valid PROJ data directory not found")
warnings.filterwarnings("ignore", message="STRtree will be changed")
warnings.filterwarnings("ignore", message="The array interface is deprecated")  # pandas building a geometry column

import common  # noqa: E402  (bench/common.py)
import grid_inputs  # noqa: E402  (data_samples/grid_inputs.py)
import legacy_grids  # noqa: E402  (bench/legacy_grids.py, frozen)
import numpy as np  # noqa: E402
import shapely  # noqa: E402
import shapely.geos  # noqa: E402
from shapely import wkb  # noqa: E402
from shapely.geometry import box  # noqa: E402
from shapely.prepared import prep  # noqa: E402

from citygrid_plugin.core.grids import (  # noqa: E402
    CommunityInput,
    GridPart,
    PartitionParams,
    QualityFigures,
    partition,
    quality_figures,
)

CELL = 100.0
SRID = {"sample": 4544, "centre": 4544, "city": 4544, "prague": 32633, "nyc": 32618,
        "cloverleaf": 4544, "boulevard": 4544, "superblock": 4544}  # synthetic cases sit in EPSG:4544 metres


# -- machine and memory -----------------------------------------------------------------------
def reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb(resettable: bool) -> float:
    if resettable:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(func: Callable[[], object], trace: bool) -> tuple[object, float, float | None, float]:
    """Run func; return (result, seconds, tracemalloc peak MB or None, peak RSS MB). With trace,
    func runs a second time under tracemalloc (which slows Python down) for the heap peak."""
    gc.collect()
    resettable = reset_peak_rss()
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    rss = peak_rss_mb(resettable)
    heap = None
    if trace:
        gc.collect()
        tracemalloc.start()
        func()
        heap = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return result, seconds, heap, rss


# -- baselines -------------------------------------------------------------------------------------
def legacy_run(communities: list[CommunityInput], barriers: list) -> list[GridPart]:
    """The pre-issue-20 algorithm on plain geometries; its grids as core GridParts (for the new figures)."""
    lines = [b.geometry for b in barriers]
    result = legacy_grids.partition(communities, lines, legacy_grids.PartitionParams())
    return [GridPart(g.community_key, g.geometry, g.origin) for g in result.grids]


def square_grid_shapely(communities: list[CommunityInput]) -> list[GridPart]:
    """100 m squares aligned on multiples of 100 m, clipped to each community (multi-part pieces
    are exploded so every grid is one polygon)."""
    out = []
    for c in communities:
        inside = prep(c.geometry)
        x0, y0, x1, y1 = c.geometry.bounds
        for i in range(math.floor(x0 / CELL), math.ceil(x1 / CELL)):
            for j in range(math.floor(y0 / CELL), math.ceil(y1 / CELL)):
                sq = box(i * CELL, j * CELL, (i + 1) * CELL, (j + 1) * CELL)
                if inside.contains(sq):
                    out.append(GridPart(c.key, sq, "block"))
                elif inside.intersects(sq):
                    piece = sq.intersection(c.geometry)
                    for p in getattr(piece, "geoms", [piece]):
                        if p.geom_type == "Polygon" and p.area > 0:
                            out.append(GridPart(c.key, p, "block"))
    return out


def postgis_connection():
    """A psycopg2 connection to database citygrid_bench in the private cluster, or (None, reason)."""
    try:
        import psycopg2

        from citygrid_plugin.store.cluster import PrivateCluster

        cluster = PrivateCluster.default()
        cluster.up()
        cluster.ensure_database("citygrid_bench")
        conn = psycopg2.connect(cluster.dsn("citygrid_bench"))
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            cur.execute("SELECT postgis_full_version()")
            version = cur.fetchone()[0].split('"')[1]
        return conn, f"PostGIS {version}"
    except Exception as exc:  # the baseline is optional: report why it is skipped
        return None, f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:200]}"


def square_grid_postgis(conn, communities: list[CommunityInput], srid: int) -> Callable[[], list[GridPart]]:
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_community")
        cur.execute(f"CREATE TABLE bench_community (key text PRIMARY KEY, geom geometry(MultiPolygon, {int(srid)}))")
        cur.executemany("INSERT INTO bench_community VALUES (%s, ST_Multi(ST_GeomFromWKB(%s, %s)))",
                        [(c.key, wkb.dumps(c.geometry), srid) for c in communities])
        cur.execute("ANALYZE bench_community")

    def run() -> list[GridPart]:
        with conn.cursor() as cur:
            cur.execute(f"""
                SELECT c.key, ST_AsBinary(d.geom)
                FROM bench_community c
                CROSS JOIN LATERAL ST_SquareGrid({CELL}, c.geom) AS g
                CROSS JOIN LATERAL ST_Dump(ST_Intersection(g.geom, c.geom)) AS d
                WHERE ST_Intersects(g.geom, c.geom) AND ST_Dimension(d.geom) = 2""")
            return [GridPart(key, wkb.loads(bytes(blob)), "block") for key, blob in cur.fetchall()]
    return run


def core_digest() -> str:
    """Digest of core/grids.py on disk: worker processes import it afresh, so an edit during a run shows."""
    return hashlib.sha256((ROOT / "citygrid_plugin" / "core" / "grids.py").read_bytes()).hexdigest()


CORE_DIGEST = core_digest()
DIFFERENCES: list[str] = []


def signature(grids: list[GridPart]) -> list[tuple[str, bytes, str]]:
    return [(g.community_key, wkb.dumps(g.geometry), g.origin) for g in grids]


# -- report -------------------------------------------------------------------------------------
HEADER = (f"  {'method':<11} {'grids':>7} {'seconds':>8} {'heap MB':>8} {'RSS MB':>7} {'median':>7} {'p5':>7} "
          f"{'p95':>7} {'in 4-20k':>8} {'PP med':>6} {'adhere':>6} {'straddle':>8} {'strips':>6} {'bld x':>6} "
          f"{'dead m':>7} {'off m':>7} {'bounded':>7}")


def row(label: str, fig: QualityFigures, seconds: float | None, heap: float | None, rss: float | None) -> str:
    adh = "-" if fig.boundary_adherence is None else f"{fig.boundary_adherence:.1%}"
    heap_s = "-" if heap is None else f"{heap:,.1f}"
    sec_s = "-" if seconds is None else f"{seconds:.2f}"
    rss_s = "-" if rss is None else f"{rss:,.0f}"
    bld = "-" if fig.buildings_crossed is None else f"{fig.buildings_crossed:,}"
    return (f"  {label:<11} {fig.count:>7,} {sec_s:>8} {heap_s:>8} {rss_s:>7} {fig.area_median:>7,.0f} "
            f"{fig.area_p5:>7,.0f} {fig.area_p95:>7,.0f} {fig.share_within_bounds:>8.1%} "
            f"{fig.polsby_popper_median:>6.3f} {adh:>6} {fig.straddling_major:>8,} {fig.corridor_strips:>6,} "
            f"{bld:>6} {fig.dead_end_length:>7,.0f} {fig.dead_end_off_edges:>7,.0f} {fig.share_barrier_bounded:>7.1%}")


def run_input(name: str, title: str, inputs: grid_inputs.Inputs, trace: bool, conn, serial: bool = True) -> dict:
    """Every method on one input; prints a table and returns the timings (seconds by method)."""
    communities, barriers, obstacles = inputs
    params = PartitionParams()
    area = sum(c.geometry.area for c in communities) / 1e6
    ranks = Counter(("ramp" if b.ramp else f"rank {b.rank}") for b in barriers)
    noun = "community" if len(communities) == 1 else "communities"
    print(f"\n{name} — {title}: {len(communities):,} {noun}, {area:,.2f} km², {len(barriers):,} barrier lines "
          f"({', '.join(f'{k}: {v:,}' for k, v in sorted(ranks.items())) or 'none'}), {len(obstacles):,} buildings")
    print(HEADER)
    timings: dict[str, float] = {}

    def figures(grids: list[GridPart]) -> QualityFigures:
        return quality_figures(grids, barriers, communities, params, obstacles=obstacles)

    grids, seconds, heap, rss = measure(lambda: legacy_run(communities, barriers), trace)
    print(row("legacy", figures(grids), seconds, heap, rss))
    timings["legacy"] = seconds

    results = {}
    for workers in ((1, 2) if serial else (2,)):
        result, seconds, heap, rss = measure(
            lambda w=workers: partition(communities, barriers, params, obstacles=obstacles, workers=w),
            trace and workers == 1)
        results[workers] = result
        timings[f"citygrid-{workers}"] = seconds
        print(row(f"citygrid-{workers}", result.figures, seconds, heap, rss))
    t0 = time.perf_counter()
    quality_figures(results[2].grids, barriers, communities, params, obstacles=obstacles)
    fig_seconds = time.perf_counter() - t0
    if obstacles:
        straight, seconds, _, rss = measure(lambda: partition(communities, barriers, params, workers=2), False)
        print(row("straight", figures(straight.grids), seconds, None, rss)
              + "   (citygrid-2 without obstacles, measured with them)")

    grids, seconds, heap, rss = measure(lambda: square_grid_shapely(communities), trace)
    print(row("shapely", figures(grids), seconds, heap, rss))
    timings["shapely"] = seconds
    if conn is not None:
        run = square_grid_postgis(conn, communities, SRID[name])
        grids, seconds, heap, rss = measure(run, False)
        print(row("postgis", figures(grids), seconds, heap, rss) + "   (server time + transfer; client RSS)")
        timings["postgis"] = seconds

    if 1 in results:
        one, two = signature(results[1].grids), signature(results[2].grids)
        if one == two:
            print(f"  workers=2 output IDENTICAL to workers=1 ({len(two):,} grids compared by community key, WKB "
                  "and order)")
        else:
            keys = sorted({k for k, *_ in set(one) ^ set(two)})
            changed = core_digest() != CORE_DIGEST
            print(f"  workers=2 output DIFFERS from workers=1: {len(one):,} vs {len(two):,} grids, {len(keys)} "
                  f"communities differ ({', '.join(keys[:5])}{' …' if len(keys) > 5 else ''})"
                  + ("; core/grids.py changed on disk during the run (workers import it afresh): rerun" if changed
                     else ""))
            DIFFERENCES.append(name)
        print(f"  speed-up workers=2 vs 1: {timings['citygrid-1'] / timings['citygrid-2']:.2f}x")
    best = timings["citygrid-2"]
    ratios = [f"{peer} {best / timings[peer]:.1f}x" for peer in ("legacy", "shapely", "postgis") if peer in timings]
    print("  time ratio citygrid-2 / " + ", ".join(ratios))
    res = results[2]
    print(f"  of the citygrid-2 time, quality figures take {fig_seconds:.2f} s (in this process); "
          f"{len(res.warnings)} warnings; origins: "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(Counter(g.origin for g in res.grids).items())))
    for w in res.warnings[:5]:
        print(f"    warning: {w}")
    if len(res.warnings) > 5:
        print(f"    … and {len(res.warnings) - 5} more")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the Chengdu 100 km² input")
    parser.add_argument("--city", action="store_true", help="also the whole Chengdu network (minutes)")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc re-runs")
    parser.add_argument("--no-postgis", action="store_true", help="skip the PostGIS baseline")
    args = parser.parse_args()
    print("machine: " + common.machine(f"shapely {shapely.__version__}", f"GEOS {shapely.geos.geos_version_string}",
                                       f"numpy {np.__version__}"))
    print("columns: wall seconds; heap MB = tracemalloc peak (Python objects only, separate run); RSS MB = peak "
          "resident set of this process (not of worker processes); areas in m²; in 4-20k = share of grids within "
          "[0.4, 2.0] × 10,000 m²; PP = Polsby-Popper 4πA/P²; adhere = share of the barrier length inside "
          "communities lying on grid edges (0.05 m); straddle = grids with land on both sides of a major road "
          "(primary and above, ramps excluded); strips = grids narrower than 25 m with aspect > 4 (not a whole "
          "community); bld x = buildings crossed by a grid edge that is not a barrier; dead m / off m = dangling "
          "barrier length and the part of it not on grid edges; bounded = share of grids whose whole boundary "
          "lies on barriers or the community boundary")
    conn, pg = (None, "skipped (--no-postgis)") if args.no_postgis else postgis_connection()
    print(f"postgis baseline: {pg if conn is not None else 'not run: ' + pg}")
    trace = not args.no_trace
    csv = grid_inputs.CHENGDU_CSV
    plan: list[tuple[str, str, Callable[[], grid_inputs.Inputs]]] = [
        ("sample", "data_samples/sample_district.gpkg, synthetic classes and buildings", grid_inputs.sample)]
    if not args.quick:
        if csv.is_file():
            plan.append(("centre", "central Chengdu 10 km × 10 km, 100 synthetic 1 km² communities",
                         grid_inputs.chengdu_centre))
        else:
            print(f"\ncentral Chengdu input skipped: {csv} not found (copy the shared Chengdu edge list there)")
    plan += [
        ("prague", "Bubeneč, Prague: real streets and buildings (OSM via momepy)", grid_inputs.prague),
        ("nyc", "Upper West Side, Manhattan: real OSM streets with classes (via momepy)", grid_inputs.nyc),
        ("cloverleaf", "synthetic: two dual carriageways and a cloverleaf", grid_inputs.cloverleaf),
        ("boulevard", "synthetic: boulevard 40 m and primary 100 m short of the edge", grid_inputs.boulevard_dead_end),
        ("superblock", "synthetic: road-free 400 m × 300 m block with 30 buildings",
         grid_inputs.superblock_with_buildings),
    ]
    summary = {}
    for name, title, load in plan:
        start = time.perf_counter()
        inputs = load()
        built = time.perf_counter() - start
        if built > 0.5:
            print(f"\n({name} input built in {built:.1f} s)")
        summary[name] = run_input(name, title, inputs, trace, conn)
    if args.city:
        if csv.is_file():
            start = time.perf_counter()
            inputs = grid_inputs.chengdu_city(csv)
            print(f"\n(city input built in {time.perf_counter() - start:.1f} s from {csv})")
            summary["city"] = run_input("city", "the whole shared Chengdu network, 1 km² synthetic communities",
                                        inputs, False, conn, serial=False)
        else:
            print(f"\ncity input skipped: {csv} not found")
    if "centre" in summary:
        t = summary["centre"]["citygrid-2"]
        print(f"\ngoal 100 km² of the Chengdu centre in < 5 s on 2 cores: {t:.2f} s with workers=2 "
              f"({'met' if t < 5 else 'NOT met'}; legacy {summary['centre']['legacy']:.2f} s)")
    if conn is not None:
        conn.close()
    if DIFFERENCES:
        print(f"\nworkers=2 differed from workers=1 on: {', '.join(DIFFERENCES)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
