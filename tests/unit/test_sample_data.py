"""Properties of the committed sample district (data_samples/sample_district.gpkg).

The sample is derived by data_samples/derive_sample.py; these tests check what users of the sample
rely on: layer/field layout, CRS, sizes, codes, exact tiling of the administrative levels and the
synthetic labelling. No QGIS needed.
"""
from __future__ import annotations

import itertools
import re
import sqlite3
from pathlib import Path

import fiona
import geopandas as gpd
import pytest
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

GPKG = Path(__file__).resolve().parents[2] / "data_samples" / "sample_district.gpkg"
EPSG = 4544
LAYERS = {
    "district": ("MultiPolygon", {"district_code", "name", "synthetic", "note"}),
    "streets": ("MultiPolygon", {"district_code", "street_code", "name", "synthetic"}),
    "communities": ("MultiPolygon",
                    {"district_code", "street_code", "community_code", "name", "synthetic"}),
    "roads": ("LineString", {"edge_id", "road_class", "road_class_en", "width_m", "source"}),
    "road_surfaces": ("MultiPolygon", {"road_class", "synthetic"}),
    "buildings": ("Polygon", {"floors", "synthetic", "note"}),
    "provenance": (None, {"layer", "real_or_generated", "description"}),
}
CLASSES = {"主干路": "arterial", "次干路": "secondary", "支路": "branch", "街巷": "lane"}
CODE = re.compile(r"^\d{3}$")


@pytest.fixture(scope="module")
def layers() -> dict[str, gpd.GeoDataFrame]:
    assert GPKG.is_file(), f"missing {GPKG}"
    return {name: gpd.read_file(GPKG, layer=name) for name in LAYERS if name != "provenance"}


def test_file_is_small() -> None:
    assert GPKG.stat().st_size < 5_000_000


def test_layers_fields_and_geometry_types() -> None:
    assert set(fiona.listlayers(GPKG)) == set(LAYERS)
    for name, (geom_type, fields) in LAYERS.items():
        with fiona.open(GPKG, layer=name) as src:
            assert set(src.schema["properties"]) == fields, name
            assert src.schema["geometry"] == (geom_type or "None"), name


def test_every_spatial_layer_is_epsg_4544(layers: dict[str, gpd.GeoDataFrame]) -> None:
    with sqlite3.connect(GPKG) as con:
        rows = con.execute(
            "SELECT g.table_name, s.organization, s.organization_coordsys_id "
            "FROM gpkg_geometry_columns g JOIN gpkg_spatial_ref_sys s ON g.srs_id = s.srs_id"
        ).fetchall()
    assert {r[0] for r in rows} == {n for n, (g, _) in LAYERS.items() if g}
    assert all(org.upper() == "EPSG" and code == EPSG for _, org, code in rows)
    assert all(gdf.crs.to_epsg() == EPSG for gdf in layers.values())


def test_district(layers: dict[str, gpd.GeoDataFrame]) -> None:
    district = layers["district"]
    assert len(district) == 1
    row = district.iloc[0]
    assert row["district_code"] == "510104" and row["synthetic"] == 1
    assert "锦江区" in row["name"]
    assert 6e6 <= row.geometry.area <= 10e6
    assert not list(row.geometry.geoms)[0].interiors  # no holes


def test_codes(layers: dict[str, gpd.GeoDataFrame]) -> None:
    streets, comms = layers["streets"], layers["communities"]
    assert 2 <= len(streets) <= 3
    assert 10 <= len(comms) <= 20
    assert streets["street_code"].map(CODE.match).all()
    assert streets["street_code"].is_unique
    assert comms["street_code"].map(CODE.match).all()
    assert comms["community_code"].map(CODE.match).all()
    assert not comms.duplicated(["street_code", "community_code"]).any()
    assert set(comms["street_code"]) <= set(streets["street_code"])
    assert (streets["district_code"] == "510104").all() and (comms["district_code"] == "510104").all()
    assert comms["name"].str.endswith("社区").all() and streets["name"].str.endswith("街道").all()
    assert (streets["synthetic"] == 1).all() and (comms["synthetic"] == 1).all()


@pytest.mark.parametrize("level", ["streets", "communities"])
def test_level_tiles_district(layers: dict[str, gpd.GeoDataFrame], level: str) -> None:
    district = layers["district"].geometry.iloc[0]
    parts = list(layers[level].geometry)
    assert abs(sum(p.area for p in parts) - district.area) < 1.0
    for a, b in itertools.combinations(parts, 2):
        assert a.intersection(b).area < 0.01
    assert unary_union(parts).symmetric_difference(district).area < 1.0


def test_each_community_in_exactly_one_street(layers: dict[str, gpd.GeoDataFrame]) -> None:
    streets = layers["streets"].set_index("street_code").geometry
    for comm in layers["communities"].itertuples():
        hosts = [code for code, s in streets.items() if s.intersection(comm.geometry).area > 0.01]
        assert hosts == [comm.street_code]
        assert abs(streets[comm.street_code].intersection(comm.geometry).area - comm.geometry.area) < 0.01


def test_geometries_valid_and_single_part(layers: dict[str, gpd.GeoDataFrame]) -> None:
    for name, gdf in layers.items():
        assert gdf.geometry.is_valid.all(), name
        assert not gdf.geometry.is_empty.any(), name
    for name in ("district", "streets", "communities"):
        assert all(isinstance(g, MultiPolygon) and len(g.geoms) == 1 for g in layers[name].geometry)
    assert all(isinstance(g, Polygon) for g in layers["buildings"].geometry)


def test_buildings_are_synthetic_and_inside(layers: dict[str, gpd.GeoDataFrame]) -> None:
    buildings = layers["buildings"]
    assert len(buildings) > 100
    assert (buildings["synthetic"] == 1).all()
    assert (buildings["floors"] >= 1).all()
    district = layers["district"].geometry.iloc[0]
    assert buildings.geometry.within(district).all()
    assert buildings.geometry.intersects(unary_union(list(layers["road_surfaces"].geometry))).sum() == 0


def test_roads_and_surfaces(layers: dict[str, gpd.GeoDataFrame]) -> None:
    roads, surfaces = layers["roads"], layers["road_surfaces"]
    assert len(roads) > 100
    assert set(roads["road_class"]) <= set(CLASSES)
    assert (roads["road_class"].map(CLASSES) == roads["road_class_en"]).all()
    assert (roads["width_m"] > 0).all()
    district = layers["district"].geometry.iloc[0].buffer(1.5)
    assert roads.geometry.within(district).all()
    assert set(surfaces["road_class"]) <= set(CLASSES) and (surfaces["synthetic"] == 1).all()


def test_provenance_labels_real_and_generated() -> None:
    with fiona.open(GPKG, layer="provenance") as src:
        rows = [f["properties"] for f in src]
    kinds = {r["layer"]: r["real_or_generated"] for r in rows}
    assert kinds["roads"] == "real"
    assert all(kinds[n] == "generated" for n in ("district", "streets", "communities", "buildings"))
