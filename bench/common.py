"""What every benchmark prints and measures the same way: the machine it ran on (for
BENCHMARKS.md) and the median time of a few runs."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable


def machine(*extra: str) -> str:
    """'N cores, M GiB RAM, arch OS release; Python x.y.z', then *extra* (the versions of the
    libraries and the server the benchmark compares), separated by '; '."""
    mem = 0.0
    try:
        with open("/proc/meminfo") as fh:
            mem = int(next((line.split()[1] for line in fh if line.startswith("MemTotal")), "0")) / 1024 / 1024
    except OSError:
        pass
    return "; ".join([f"{os.cpu_count()} cores, {mem:.1f} GiB RAM, {platform.machine()} {platform.system()} "
                      f"{platform.release()}", f"Python {platform.python_version()}", *extra])


def psql_version() -> str:
    """'psql (PostgreSQL) 15.x' of the client tools on the PATH."""
    return subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()


def server_version(conn) -> str:
    """'PostgreSQL x + PostGIS y' of the server behind *conn* (the transaction is ended)."""
    with conn.cursor() as cur:
        cur.execute("SELECT current_setting('server_version'), postgis_lib_version()")
        pg, postgis = cur.fetchone()
    conn.rollback()
    return f"PostgreSQL {pg} + PostGIS {postgis}"


def timed(fn: Callable[[], object], runs: int = 1, warm: bool = False) -> tuple[float, list[float], object]:
    """(median seconds, every run's seconds, the last result) of *runs* calls of *fn*, after one
    uncounted warm-up call when *warm*."""
    if warm:
        fn()
    times, result = [], None
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result
