"""Hot spots through Processing on a real store (issue 6): a planted cluster of cases comes out as
a 99 % hot spot and an empty corner as a cold spot, a cluster that appears in the last weeks as a
new (or consecutive) hot spot and one present all year as persistent; the density raster equals
QGIS's own heatmap on the same cases; and every bad input is refused with its reason."""
from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import box

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.grids import replace_grids
from tests.stores import qgis_connection_to

N = 12          # a 12 × 12 lattice of 100 m grids in four communities
END = datetime.now(CST).replace(microsecond=0) - timedelta(hours=1)
HOT = {(i, j) for i in range(2, 5) for j in range(2, 5)}        # all year
NEW = {(i, j) for i in range(8, 11) for j in range(8, 11)}      # the last three weeks only
COLD = {(i, j) for i in range(7, 12) for j in range(0, 5)}      # never a case


def grid_of(i: int, j: int) -> tuple[str, int, int]:
    community = 1 + (i >= N // 2) + 2 * (j >= N // 2)
    return f"51010400100{community}", i * 100, j * 100


@pytest.fixture(scope="module")
def hot_store(cluster):
    import uuid

    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区'); "
                    "INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道')")
        for k in range(1, 5):
            x0, y0 = (0 if k in (1, 3) else 600), (0 if k in (1, 2) else 600)
            cur.execute("INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) VALUES "
                        "('510104', '001', %s, %s, ST_Multi(ST_MakeEnvelope(%s, %s, %s, %s, 4544)))",
                        (f"00{k}", f"社区{k}", x0, y0, x0 + 600, y0 + 600))
    conn.commit()
    shapes: dict[str, list[bytes]] = {}
    for i in range(N):
        for j in range(N):
            key, x, y = grid_of(i, j)
            shapes.setdefault(key, []).append(box(x, y, x + 100, y + 100).wkb)
    replace_grids(conn, shapes)
    rng = np.random.default_rng(7)
    rows = []
    for week in range(20):
        start = END - timedelta(weeks=20 - week)
        for i in range(N):
            for j in range(N):
                if (i, j) in COLD:
                    continue
                lam = 1.5 + (6.0 if (i, j) in HOT else 0) + (8.0 if (i, j) in NEW and week >= 17 else 0)
                for _ in range(rng.poisson(lam)):
                    at = start + timedelta(hours=float(rng.uniform(1, 160)))
                    rows.append((i * 100 + rng.uniform(5, 95), j * 100 + rng.uniform(5, 95), at,
                                 "0102" if rng.random() < 0.7 else "0505",
                                 "监督员上报" if rng.random() < 0.8 else "12319热线"))
    with conn.cursor() as cur:
        for x, y, at, cls, source in rows:
            cur.execute("SELECT citygrid.case_replay_report(NULL, %s, %s, 'event', %s, '测试', "
                        "ST_SetSRID(ST_MakePoint(%s, %s), 4544), NULL, '市民', NULL, NULL, NULL, '13800000000')",
                        (at, source, cls, x, y))
    conn.commit()
    conn.close()
    yield {"service_dsn": dsn, "db": name, "cases": len(rows)}
    cluster.drop_database(name)


@pytest.fixture
def store_params(qgis_app, hot_store, cluster):
    """Algorithm parameters pointing at the module's store (through a QGIS connection)."""
    with qgis_connection_to(cluster, hot_store["db"], "hot") as name:
        yield {"CONNECTION": name, "START": (END - timedelta(weeks=20)).isoformat(), "END": END.isoformat()}


def features(layer) -> dict[str, QgsFeature]:
    return {f["grid_code"]: f for f in layer.getFeatures()}


def code(i: int, j: int) -> str:
    """The code the store gave grid (i, j): serials run west→east in 100 m bands from the north."""
    key, x, y = grid_of(i, j)
    local_i, local_j = i % (N // 2), j % (N // 2)
    band = (N // 2 - 1) - local_j
    return f"{key}{band * (N // 2) + local_i + 1:03d}"


def test_a_planted_cluster_is_hot_and_an_empty_corner_cold(provider, store_params, hot_store):
    res = processing.run("citygrid:hotspots", {**store_params, "OUTPUT": "memory:"})
    assert res["GRIDS"] == N * N and res["CASES"] == hot_store["cases"] and res["BAND"] > 100
    out = features(res["OUTPUT"])
    assert sum(f["cases"] for f in out.values()) == hot_store["cases"]
    assert all(out[code(i, j)]["gi_bin"] == 3 for i, j in HOT - {(2, 2), (4, 4), (2, 4), (4, 2)})
    inner_cold = {(i, j) for i in range(8, 11) for j in range(1, 4)}  # the empty block's core
    assert all(out[code(i, j)]["gi_bin"] == -3 for i, j in inner_cold)
    assert all(f["gi_bin"] <= 0 for c, f in out.items() if c not in {code(i, j) for i, j in HOT | NEW}
               and f["gi_z"] < 1.0)
    assert out[code(3, 3)]["hotspot"].startswith(("热点", "Hot spot"))
    contiguity = processing.run("citygrid:hotspots", {**store_params, "WEIGHTS": 1, "OUTPUT": "memory:"})
    assert features(contiguity["OUTPUT"])[code(3, 3)]["neighbours"] == 9  # itself and its eight neighbours


def test_results_load_styled_red_to_blue(provider, store_params, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    res = processing.runAndLoadResults("citygrid:hotspots", {**store_params, "OUTPUT": str(tmp_path / "hot.gpkg")},
                                       context=context)
    layer = QgsProject.instance().mapLayer(res["OUTPUT"]) or next(
        lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(str(tmp_path)))
    try:
        assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "gi_bin"
        colours = {str(c.value()): c.symbol().color().name() for c in layer.renderer().categories()}
        assert colours["3"] == "#b2182b" and colours["-3"] == "#2166ac"
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_emerging_patterns_new_and_persistent(provider, store_params):
    res = processing.run("citygrid:emerginghotspots", {**store_params, "DAYS": 140, "START": None, "SLICE_DAYS": 7,
                                                       "OUTPUT": "memory:"})
    assert res["SLICES"] == 20
    out = features(res["OUTPUT"])
    assert out[code(3, 3)]["pattern"] in ("persistent_hot", "intensifying_hot", "diminishing_hot")
    assert out[code(9, 9)]["pattern"] in ("new_hot", "consecutive_hot")
    assert out[code(9, 9)]["hot_slices"] <= 4 and out[code(3, 3)]["hot_slices"] >= 18
    assert out[code(6, 6)]["pattern"] == "no_pattern"


def test_density_raster_equals_qgis_heatmap_on_the_same_cases(provider, store_params, hot_store, tmp_path):
    res = processing.run("citygrid:casedensity", {**store_params, "CLASSES": "0102", "RADIUS": 120,
                                                  "PIXEL_SIZE": 10, "OUTPUT": str(tmp_path / "ours.tif")})
    conn = db.connect(hot_store["service_dsn"])
    with conn.cursor() as cur:
        cur.execute("SELECT ST_X(geom), ST_Y(geom) FROM citygrid.work_case WHERE class_code = '0102' "
                    "AND reported_at >= %s AND reported_at < %s", (END - timedelta(weeks=20), END))
        points = cur.fetchall()
    conn.close()
    assert res["CASES"] == len(points) > 500
    layer = QgsVectorLayer("Point?crs=EPSG:4544", "cases", "memory")
    feats = []
    for x, y in points:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    processing.run("qgis:heatmapkerneldensityestimation", {"INPUT": layer, "RADIUS": 120, "PIXEL_SIZE": 10,
                                                           "KERNEL": 0, "OUTPUT_VALUE": 0,
                                                           "OUTPUT": str(tmp_path / "qgis.tif")})
    ours, theirs = gdal.Open(str(tmp_path / "ours.tif")), gdal.Open(str(tmp_path / "qgis.tif"))
    assert ours.GetGeoTransform() == pytest.approx(theirs.GetGeoTransform(), abs=1e-6)
    a, b = ours.ReadAsArray(), theirs.ReadAsArray()
    assert a.shape == b.shape and np.allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("extra, message", [
    ({"START": (END - timedelta(days=400)).isoformat(), "END": (END - timedelta(days=300)).isoformat()},
     "no cases match the window and filters"),
    ({"AREA": "510104001001001"}, "only 1 grids have cases"),
    ({"CLASSES": "01'--"}, "is not a class code"),
    ({"START": END.isoformat(), "END": (END - timedelta(days=1)).isoformat()}, "the window is empty"),
])
def test_bad_windows_and_filters_are_refused_with_the_reason(provider, store_params, extra, message):
    for algorithm in ("citygrid:hotspots", "citygrid:emerginghotspots"):
        with pytest.raises(QgsProcessingException, match=message.replace("(", r"\(")):
            processing.run(algorithm, {**store_params, **extra, "OUTPUT": "memory:"})


def test_too_few_slices_and_a_band_of_no_neighbours_are_explained(provider, store_params):
    with pytest.raises(QgsProcessingException, match="only 2 time slices"):
        processing.run("citygrid:emerginghotspots", {**store_params, "SLICE_DAYS": 70, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="no two grid centroids are within 10 m"):
        processing.run("citygrid:hotspots", {**store_params, "BAND": 10, "OUTPUT": "memory:"})
