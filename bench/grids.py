#!/usr/bin/env python3
"""Benchmark: partitioning communities into unit grids (单元网格), CityGrid vs square-grid baselines.

    .venv/bin/python bench/grids.py [--quick] [--no-trace] [--no-postgis]

Inputs
  sample   the sample district: communities + roads of data_samples/sample_district.gpkg (8.3 km²)
  centre   the dense central 100 km² of the shared Chengdu network
           (/work/shared/data/chengdu_road_edgelist.csv, UTM 48N EPSG:32648, reprojected to
           EPSG:4544 by data_samples/derive_sample.load_network): a 10 km × 10 km window centred on
           104.0736 E, 30.6528 N (the sample's centre), every road edge touching it as a barrier, and
           100 synthetic communities: a 10 × 10 grid of 1 km squares covering the window (simple and
           deterministic; real community boundaries would follow roads). Skipped with a message when
           the CSV is absent. --quick runs the sample only.

Runs on the same input
  citygrid   core.grids.partition (noding, merging, splitting, invariant checks, quality figures)
  shapely    a regular 100 m square grid (aligned on multiples of 100 m) clipped to each community
  postgis    ST_SquareGrid(100, community) ∩ community in the private PostGIS cluster (when it runs)

and prints wall time, peak memory (tracemalloc peak of the Python heap — GEOS allocations are not
traced — and the process's peak RSS, reset before each run through /proc/self/clear_refs when the
kernel allows, else ru_maxrss), the quality figures of each result and the time ratio to the baselines,
with the machine it ran on.
"""
from __future__ import annotations

import argparse
import gc
import math
import resource
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data_samples"))
warnings.filterwarnings("ignore", message="Valid PROJ data directory not found")
warnings.filterwarnings("ignore", message="STRtree will be changed")
warnings.filterwarnings("ignore", message="The array interface is deprecated")  # pandas building a geometry column

import common  # noqa: E402  (bench/common.py)
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

GPKG = ROOT / "data_samples" / "sample_district.gpkg"
CSV = Path("/work/shared/data/chengdu_road_edgelist.csv")
CENTRE = (104.0736, 30.6528)
CELL = 100.0


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


# -- inputs -------------------------------------------------------------------------------------
def sample_input() -> tuple[list[CommunityInput], list]:
    import geopandas as gpd

    comm = gpd.read_file(GPKG, layer="communities")
    roads = gpd.read_file(GPKG, layer="roads")
    communities = [CommunityInput(d + s + c, g) for d, s, c, g in
                   zip(comm["district_code"], comm["street_code"], comm["community_code"], comm.geometry)]
    return communities, list(roads.geometry)


def centre_input(size: float = 10_000.0, n: int = 10) -> tuple[list[CommunityInput], list]:
    from derive_sample import CRS, load_network
    from pyproj import Transformer

    _, edges = load_network(CSV)  # EPSG:32648 -> EPSG:4544, parallel edges collapsed
    cx, cy = Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform(*CENTRE)
    x0, y0 = cx - size / 2, cy - size / 2
    window = box(x0, y0, x0 + size, y0 + size)
    win = prep(window)
    barriers = [g for g in edges["geometry"] if win.intersects(g)]
    side = size / n
    communities = [CommunityInput(f"510104{r + 1:03d}{c + 1:03d}",
                                  box(x0 + c * side, y0 + size - (r + 1) * side,
                                      x0 + (c + 1) * side, y0 + size - r * side).intersection(window))
                   for r in range(n) for c in range(n)]
    return communities, barriers


# -- baselines -------------------------------------------------------------------------------------
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


def square_grid_postgis(conn, communities: list[CommunityInput]) -> Callable[[], list[GridPart]]:
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_community")
        cur.execute("CREATE TABLE bench_community (key text PRIMARY KEY, geom geometry(MultiPolygon, 4544))")
        cur.executemany("INSERT INTO bench_community VALUES (%s, ST_Multi(ST_GeomFromWKB(%s, 4544)))",
                        [(c.key, wkb.dumps(c.geometry)) for c in communities])
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


# -- report -------------------------------------------------------------------------------------
def row(label: str, fig: QualityFigures, seconds: float, heap: float | None, rss: float) -> str:
    adh = "-" if fig.boundary_adherence is None else f"{fig.boundary_adherence:.1%}"
    heap_s = "-" if heap is None else f"{heap:,.1f}"
    return (f"  {label:<10} {fig.count:>7,} {seconds:>8.2f} {heap_s:>8} {rss:>8,.0f} {fig.area_median:>8,.0f} "
            f"{fig.area_p5:>8,.0f} {fig.area_p95:>8,.0f} {fig.share_within_bounds:>7.1%} "
            f"{fig.polsby_popper_median:>6.3f} {adh:>7}")


def run_input(name: str, communities: list[CommunityInput], barriers: list, trace: bool, conn) -> None:
    params = PartitionParams()
    area = sum(c.geometry.area for c in communities) / 1e6
    print(f"\n{name}: {len(communities)} communities, {area:.2f} km², {len(barriers):,} barrier lines")
    print(f"  {'method':<10} {'grids':>7} {'seconds':>8} {'heap MB':>8} {'RSS MB':>8} {'median':>8} "
          f"{'p5':>8} {'p95':>8} {'in 4-20k':>7} {'PP med':>6} {'adhere':>7}")
    result, seconds, heap, rss = measure(lambda: partition(communities, barriers, params), trace)
    t0 = time.perf_counter()
    quality_figures(result.grids, barriers, communities, params)
    fig_seconds = time.perf_counter() - t0
    print(row("citygrid", result.figures, seconds, heap, rss))
    timings = {"citygrid": seconds}
    grids, seconds, heap, rss = measure(lambda: square_grid_shapely(communities), trace)
    print(row("shapely", quality_figures(grids, barriers, communities, params), seconds, heap, rss))
    timings["shapely"] = seconds
    if conn is not None:
        run = square_grid_postgis(conn, communities)
        grids, seconds, heap, rss = measure(run, False)
        print(row("postgis", quality_figures(grids, barriers, communities, params), seconds, heap, rss)
              + "   (server time + transfer; client RSS)")
        timings["postgis"] = seconds
    for peer in ("shapely", "postgis"):
        if peer in timings:
            print(f"  time ratio citygrid / {peer}: {timings['citygrid'] / timings[peer]:.1f}x")
    print(f"  of the citygrid time, quality figures take {fig_seconds:.2f} s; "
          f"{len(result.warnings)} warnings; origins: "
          f"{sum(g.origin == 'block' for g in result.grids):,} block, "
          f"{sum(g.origin == 'split' for g in result.grids):,} split")
    for w in result.warnings[:5]:
        print(f"    warning: {w}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the sample district")
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc re-run")
    parser.add_argument("--no-postgis", action="store_true", help="skip the PostGIS baseline")
    args = parser.parse_args()
    print("machine: " + common.machine(f"shapely {shapely.__version__}", f"GEOS {shapely.geos.geos_version_string}",
                                       f"numpy {np.__version__}"))
    print("columns: wall seconds; heap MB = tracemalloc peak (Python objects only, separate run); "
          "RSS MB = peak resident set of the process during the run; areas in m²; "
          "in 4-20k = share of grids within [0.4, 2.0] × 10,000 m²; PP = Polsby-Popper 4πA/P²; "
          "adhere = share of the barrier length inside communities lying on grid edges (0.05 m)")
    conn, pg = (None, "skipped (--no-postgis)") if args.no_postgis else postgis_connection()
    print(f"postgis baseline: {pg if conn is not None else 'not run: ' + pg}")
    run_input("sample district (data_samples/sample_district.gpkg)", *sample_input(), not args.no_trace, conn)
    if not args.quick:
        if CSV.is_file():
            start = time.perf_counter()
            communities, barriers = centre_input()
            print(f"\n(centre input built in {time.perf_counter() - start:.1f} s from {CSV})")
            run_input("central Chengdu 10 km × 10 km (100 synthetic 1 km² communities)", communities, barriers,
                      not args.no_trace, conn)
        else:
            print(f"\ncentral Chengdu input skipped: {CSV} not found (copy the shared Chengdu edge list there)")
    if conn is not None:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
