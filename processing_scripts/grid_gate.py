#!/usr/bin/env python3
"""Publishing gate for unit grids: validate the store's active grids, exit 1 on errors.

Runs headless (cron, CI of a city's GIS team), through the same algorithm as the toolbox:

    .venv/bin/python processing_scripts/grid_gate.py --service citygrid [--problems problems.gpkg]
    .venv/bin/python processing_scripts/grid_gate.py            # the private cluster's database

Prints the validation summary; with --problems writes one feature per problem.
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
    parser.add_argument("--problems", help="write the problems to this GeoPackage")
    args = parser.parse_args()

    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    import processing
    from qgis.core import QgsProcessingFeedback

    from citygrid_plugin.connections import StoreTarget
    from citygrid_plugin.layers import store_uri

    target = StoreTarget("service", args.service) if args.service else StoreTarget("private", args.dbname)
    params = {"INPUT": "postgres://" + store_uri(target, "grid", "geom", "id", '"retired_at" IS NULL'),
              "COMMUNITIES": "postgres://" + store_uri(target, "community", "boundary", "full_code")}
    if args.problems:
        params["OUTPUT"] = args.problems
    result = processing.run("citygrid:validategrids", params, feedback=QgsProcessingFeedback())
    print(result["SUMMARY"])
    return 0 if result["PASSED"] else 1


if __name__ == "__main__":
    sys.exit(main())
