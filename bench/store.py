#!/usr/bin/env python3
"""Benchmark: the store (private PostGIS cluster), against plain peers on the same input.

1. Create the store from empty (migrations + standard class tables, one transaction), against
   a peer: psql applying the same rendered SQL files with `psql -1 -f` (no checksums, no
   class tables), and a no-op re-run.
2. Store-issued grid codes: insert N unit grids through citygrid.replace_community_grids
   (triggers: community check, band ordering, history) against a peer: the same polygons
   inserted with COPY into a bare table with no rules.

Usage: .venv/bin/python bench/store.py [--grids 10000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import common  # noqa: E402  (bench/common.py)

from citygrid_plugin.store import db, migrate, reference  # noqa: E402
from citygrid_plugin.store.cluster import PrivateCluster  # noqa: E402
from citygrid_plugin.store.grids import replace_grids  # noqa: E402


def fresh(cluster: PrivateCluster) -> str:
    name = f"cg_bench_{uuid.uuid4().hex[:8]}"
    cluster.ensure_database(name)
    return name


def bench_create(cluster: PrivateCluster, repeat: int) -> None:
    names = []

    def ours():
        name = fresh(cluster)
        names.append(name)
        conn = db.connect(cluster.dsn(name))
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
        conn.close()

    def peer():
        name = fresh(cluster)
        names.append(name)
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as fh:
            fh.write("CREATE EXTENSION IF NOT EXISTS postgis; CREATE SCHEMA citygrid;\n")
            for m in migrate.discover():
                fh.write(m.render(4544) + "\n")
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", fh.name, cluster.dsn(name)],
                       check=True, capture_output=True)
        os.unlink(fh.name)

    t_ours = common.timed(ours, repeat)[0]
    t_peer = common.timed(peer, repeat)[0]
    conn = db.connect(cluster.dsn(names[0]))
    t_noop = common.timed(lambda: migrate.upgrade(conn), repeat)[0]
    t_classes = common.timed(lambda: reference.load_standard_classes(conn), repeat)[0]
    conn.close()
    for name in names:
        cluster.drop_database(name)
    print("store creation (median of %d)" % repeat)
    print(f"  citygrid store upgrade + 542 class rows   {t_ours * 1000:8.0f} ms")
    print(f"  peer: psql -1 -f same migrations           {t_peer * 1000:8.0f} ms   ratio {t_ours / t_peer:.2f}")
    print(f"  re-run (no-op upgrade)                     {t_noop * 1000:8.1f} ms")
    print(f"  re-load class tables (all unchanged)       {t_classes * 1000:8.1f} ms")


def bench_codes(cluster: PrivateCluster, n: int) -> None:
    from shapely.geometry import box

    side = int(n ** 0.5)
    size = 100.0
    name = fresh(cluster)
    conn = db.connect(cluster.dsn(name))
    migrate.upgrade(conn)
    # one community per 30 × 30 grids (999 serials at most per community)
    per = 30
    communities = {}
    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.district (code, name) VALUES ('510104', 'bench')")
        cur.execute("INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', 's')")
        k = 0
        for cy in range(0, side, per):
            for cx in range(0, side, per):
                k += 1
                code = f"{k:03d}"
                x0, y0 = cx * size, cy * size
                x1, y1 = min(side, cx + per) * size, min(side, cy + per) * size
                cur.execute("INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) "
                            "VALUES ('510104', '001', %s, %s, ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4544)))",
                            (code, code, x0, y0, x1, y1))
                communities[f"510104001{code}"] = [
                    box(x * size, y * size, (x + 1) * size, (y + 1) * size).wkb
                    for y in range(cy, min(side, cy + per)) for x in range(cx, min(side, cx + per))]
    conn.commit()
    total = sum(len(v) for v in communities.values())
    t0 = time.perf_counter()
    report = replace_grids(conn, communities)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = replace_grids(conn, communities)
    t_again = time.perf_counter() - t0
    assert again.counts()["kept"] == total
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE bare (id bigserial, code text, geom geometry(Polygon, 4544))")
        buf = io.StringIO()
        for key, wkbs in communities.items():
            for i, w in enumerate(wkbs):
                buf.write(f"{key}{i + 1:03d}\t{w.hex()}\n")
        buf.seek(0)
        t0 = time.perf_counter()
        cur.copy_expert("COPY bare (code, geom) FROM STDIN", buf)
        conn.commit()
        t_peer = time.perf_counter() - t0
    conn.close()
    cluster.drop_database(name)
    print(f"store-issued grid codes ({total} grids in {len(communities)} communities)")
    print(f"  replace_community_grids (rules, history)  {t_ours:8.2f} s   {total / t_ours:8.0f} grids/s")
    print(f"  re-code unchanged (all kept)              {t_again:8.2f} s   {total / t_again:8.0f} grids/s")
    print(f"  peer: COPY into a bare table              {t_peer:8.2f} s   {total / t_peer:8.0f} grids/s"
          f"   ratio {t_ours / t_peer:.1f}")
    assert report.counts()["new"] == total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grids", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cluster = PrivateCluster.default()
    cluster.up()
    print(f"machine: {common.machine(common.psql_version())}")
    bench_create(cluster, args.repeat)
    bench_codes(cluster, args.grids)
    return 0


if __name__ == "__main__":
    sys.exit(main())
