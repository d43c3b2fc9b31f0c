#!/usr/bin/env python3
"""Build data_samples/realdata/grid_test_data.gpkg from the two sample datasets shipped in the momepy wheel.

    pip download --no-deps momepy==0.11.0 -d /tmp/momepy      # PyPI; nothing is installed
    unzip -o /tmp/momepy/momepy-0.11.0-py3-none-any.whl 'momepy/datasets/*' -d /tmp/momepy/x
    .venv/bin/python data_samples/realdata/make_grid_test_data.py /tmp/momepy/x/momepy/datasets

Layers written (sources and licences in README.md next to this script):
  prague_streets    LineString  street centrelines of part of Bubeneč, Prague (momepy bubenec.gpkg 'streets')
  prague_buildings  Polygon     building footprints there (bubenec.gpkg 'buildings'), field uID
  nyc_roads         LineString  drivable OSM street graph of the Upper West Side, Manhattan (nyc_graph.graphml),
                                one row per undirected street segment, with the OSM 'highway' text

Prague is reprojected from EPSG:3857 (Web Mercator, whose "metres" are ≈1.56× too long at 50° N) to
EPSG:32633 (WGS 84 / UTM 33N, true metres). NYC edge geometries are already in WGS 84 / UTM 18N
(the graph's crs attribute, "+proj=utm +zone=18 +ellps=WGS84"); they are written as EPSG:32618 unchanged.
Nothing else is altered, except that parallel NYC edges (the two directions of a two-way street) are kept once.
"""
from __future__ import annotations

import ast
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

warnings.filterwarnings("ignore", message="Valid PROJ data directory not found")

import geopandas as gpd  # noqa: E402
from shapely import wkt  # noqa: E402

OUT = Path(__file__).resolve().parent / "grid_test_data.gpkg"
PRAGUE_CRS = "EPSG:32633"
NYC_CRS = "EPSG:32618"
# OSM highway values from most to least major, to pick one when OSMnx merged ways with different classes
OSM_ORDER = ["motorway", "trunk", "primary", "secondary", "tertiary", "motorway_link", "trunk_link", "primary_link",
             "secondary_link", "tertiary_link", "unclassified", "residential", "living_street", "service"]


def most_major(value: str) -> str:
    """OSMnx writes a list of classes as "['primary', 'secondary']"; keep the most major one."""
    if value.startswith("["):
        items = ast.literal_eval(value)
        return min(items, key=lambda v: OSM_ORDER.index(v) if v in OSM_ORDER else len(OSM_ORDER))
    return value


def first(value: str | None) -> str | None:
    if value is not None and value.startswith("["):
        return ";".join(str(v) for v in ast.literal_eval(value))
    return value


def read_graphml(path: Path) -> tuple[str, list[dict[str, str]]]:
    """(graph crs, edge attribute dicts) of a GraphML file, with the standard library only."""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    crs = next((d.text or "" for d in graph.findall("g:data", ns) if names[d.get("key")] == "crs"), "")
    edges = [{names[d.get("key")]: d.text for d in e.findall("g:data", ns)} for e in graph.findall("g:edge", ns)]
    return crs, edges


def main(datasets: Path) -> int:
    bubenec = datasets / "bubenec.gpkg"
    streets = gpd.read_file(bubenec, layer="streets").to_crs(PRAGUE_CRS)
    streets.insert(0, "street_id", range(1, len(streets) + 1))
    buildings = gpd.read_file(bubenec, layer="buildings").to_crs(PRAGUE_CRS)[["uID", "geometry"]]

    graph_crs, edges = read_graphml(datasets / "nyc_graph.graphml")
    if "zone=18" not in graph_crs:
        raise SystemExit(f"unexpected CRS of the NYC graph: {graph_crs}")
    rows, seen = [], set()
    for d in edges:
        geom = wkt.loads(d["geometry"])
        ends = sorted([geom.coords[0], geom.coords[-1]])
        key = (tuple(ends), round(geom.length, 3))
        if key in seen:
            continue
        seen.add(key)
        rows.append({"osmid": first(d.get("osmid")), "highway": most_major(d["highway"]),
                     "name": first(d.get("name")), "oneway": d.get("oneway"), "lanes": first(d.get("lanes")),
                     "geometry": geom})
    roads = gpd.GeoDataFrame(rows, geometry="geometry", crs=NYC_CRS)

    OUT.unlink(missing_ok=True)
    streets.to_file(OUT, layer="prague_streets", driver="GPKG")
    buildings.to_file(OUT, layer="prague_buildings", driver="GPKG")
    roads.to_file(OUT, layer="nyc_roads", driver="GPKG")
    print(f"{OUT}: prague_streets {len(streets)}, prague_buildings {len(buildings)}, nyc_roads {len(roads)} "
          f"({roads['highway'].value_counts().to_dict()}); {OUT.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/momepy/x/momepy/datasets")))
