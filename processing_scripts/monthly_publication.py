#!/usr/bin/env python3
"""Monthly publication (月度发布): everything a centre publishes for a month, internal and public.

Runs headless on the first working day of a month (cron), through the same algorithms as the
toolbox, for the last complete month unless --month is given:

    .venv/bin/python processing_scripts/monthly_publication.py --service citygrid --out /srv/reports
    .venv/bin/python processing_scripts/monthly_publication.py --month 2026-11   # the private cluster

Writes <out>/<YYYY-MM>/: indicators.xlsx (district, departments, streets, communities, people),
reports.xlsx (the six monthly reports), monthly_report.pdf and atlas.pdf (cases per unit grid,
one page per street) — the centre's internal files — and <out>/public/<YYYY-MM>/ the public
information of the month for the government website (citygrid:publishmonth: index.html, map.png,
publication.xlsx, streets.csv, departments.csv; aggregate figures only). The public pages have
their own folder beside the months, not inside them, so that a web server can publish
<out>/public as it is without ever serving an internal file. Exits 1 when a step fails, with its
message; files of the steps that succeeded are kept (each one is complete: they are written under
a temporary name, the public folder as a whole).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--service", help="pg_service name of the store (default: the private cluster)")
    parser.add_argument("--dbname", default="citygrid", help="database in the private cluster")
    parser.add_argument("--month", default="", help="YYYY-MM (default: the last complete month)")
    parser.add_argument("--out", default="output/publication", help="folder for the month's folder")
    args = parser.parse_args()

    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from citygrid_plugin.core.evaluation import EvaluationError
    from citygrid_plugin.core.periods import parse_period

    try:
        period = parse_period(args.month, kind="month")
        if period.kind != "month":
            raise EvaluationError(f"--month takes a month (YYYY-MM, e.g. 2026-11), not {period.key}")
    except EvaluationError as exc:
        print(exc, file=sys.stderr)
        return 1
    month = period.key
    if args.service:
        store = {"SERVICE": args.service}
    else:
        from citygrid_plugin.store.cluster import PrivateCluster

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
        from demo import write_service_file

        cluster = PrivateCluster.default()
        cluster.up()
        write_service_file(cluster, f"citygrid_{args.dbname}", args.dbname)
        store = {"SERVICE": f"citygrid_{args.dbname}"}
    folder = Path(args.out) / month
    folder.mkdir(parents=True, exist_ok=True)
    steps = [
        ("citygrid:evaluation", {"GROUPING": [0, 1, 2, 4, 7], "OUTPUT": str(folder / "indicators.xlsx")}),
        ("citygrid:casereports", {"OUTPUT": str(folder / "reports.xlsx")}),
        ("citygrid:monthlyreport", {"OUTPUT": str(folder / "monthly_report.pdf")}),
        ("citygrid:streetatlas", {"THEME": 0, "OUTPUT": str(folder / "atlas.pdf")}),
        ("citygrid:publishmonth", {"OUTPUT": str(Path(args.out) / "public")}),   # → public/<YYYY-MM>/
    ]
    failed = 0
    for algorithm, params in steps:
        try:
            result = processing.run(algorithm, {**store, "MONTH": month, **params}, feedback=QgsProcessingFeedback())
            print(f"{algorithm}: {result['OUTPUT']}")
        except QgsProcessingException as exc:
            failed += 1
            print(f"{algorithm} failed: {exc}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
