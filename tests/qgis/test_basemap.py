"""The 1:500 base map: citygrid:importdxf on the sample CAD drawing against a real store, the
layer mapping, reprojection, repairs, damaged files, the styles, GeoTIFF and XYZ layers."""
from __future__ import annotations

import importlib.util
import math
import shutil
from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from citygrid_plugin.store import db

ROOT = Path(__file__).resolve().parents[2]
from tests.helpers.sample import SAMPLE_GPKG as SAMPLE  # noqa: E402  (a copy: QGIS touches GeoPackages)

SAMPLE_DXF = ROOT / "data_samples" / "basemap_sample.dxf"


def _make_sample_dxf():
    spec = importlib.util.spec_from_file_location("make_sample_dxf", ROOT / "scripts" / "make_sample_dxf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos: list[str] = []
        self.warnings: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def import_dxf(params: dict) -> tuple[dict, Feedback]:
    """Run citygrid:importdxf as the toolbox would (the provider registers it for real)."""
    from citygrid_plugin.processing.alg_importdxf import ImportDxfAlgorithm

    alg = ImportDxfAlgorithm()
    alg.initAlgorithm()
    feedback = Feedback()
    results, ok = alg.run(params, QgsProcessingContext(), feedback, {}, False)
    assert ok
    return results, feedback


@pytest.fixture
def store(provider, qgis_connection, cluster, fresh_db):
    """(connection name, psycopg2 connection) of a fresh store in EPSG:4544."""
    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection, "CRS": "EPSG:4544"})
    conn = db.connect(cluster.dsn(fresh_db))
    yield qgis_connection, conn
    conn.close()


def query(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args or None)
        rows = cur.fetchall()
    conn.rollback()
    return rows


def table_counts(conn) -> dict[str, int]:
    return {t: query(conn, f"SELECT count(*) FROM citygrid.{t}")[0][0]
            for t in ("basemap_line", "basemap_polygon", "basemap_text")}


def write_dxf(path: Path, entities) -> Path:
    """A small DXF: entities are (CAD layer, WKT, OGR style or None); polygons become closed
    polylines (as CAD draws outlines), not hatches. Saved as Chinese CAD saves it: code page
    ANSI_936, GBK bytes (GDAL's writer would put UTF-8 layer names under ANSI_1252)."""
    from osgeo import gdal, ogr

    before = gdal.GetConfigOption("DXF_WRITE_HATCH")
    gdal.SetConfigOption("DXF_WRITE_HATCH", "FALSE")
    try:
        ds = ogr.GetDriverByName("DXF").CreateDataSource(str(path))
        layer = ds.CreateLayer("entities")
        for cad_layer, wkt, style in entities:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("Layer", cad_layer)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            if style:
                feature.SetStyleString(style)
            assert layer.CreateFeature(feature) == 0
        ds = None
    finally:
        gdal.SetConfigOption("DXF_WRITE_HATCH", before)
    text = path.read_text(encoding="utf-8").replace("ANSI_1252", "ANSI_936")
    path.write_bytes(text.encode("gbk"))
    return path


def test_sample_dxf_is_what_the_script_writes(tmp_path):
    fresh = tmp_path / "basemap_sample.dxf"
    _make_sample_dxf().write_sample_dxf(fresh)
    assert fresh.read_bytes() == SAMPLE_DXF.read_bytes(), "run scripts/make_sample_dxf.py"
    assert SAMPLE_DXF.stat().st_size < 3e6


def test_import_sample_dxf_counts_texts_and_replace(store, tmp_path):
    name, conn = store
    written = _make_sample_dxf().write_sample_dxf(tmp_path / "check.dxf")
    res, feedback = import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF)})

    assert res["BUILDING"] == res["POLYGONS"] == written[("JMD", "closed")]
    assert res["ROAD"] == written[("DLSS", "closed")] + written[("DLSS_ZX", "polyline")]
    assert res["BOUNDARY"] == written[("JJ", "closed")]
    assert res["ANNOTATION"] == written[("ZJ", "text")]
    assert res["OTHER"] == written[("TK", "closed")] + written[("TK", "text")]
    assert res["WATER"] == res["VEGETATION"] == 0
    assert res["TEXTS"] == written[("ZJ", "text")] + written[("TK", "text")]
    assert res["LINES"] + res["POLYGONS"] + res["TEXTS"] == sum(written.values())
    assert res["REPLACED"] == 0 and res["SKIPPED"] == 0 and res["REPAIRED"] == 0
    # the unmapped map frame layer is reported
    assert res["UNMAPPED_LAYERS"] == "TK"
    assert any("imported as 'other': TK" in w for w in feedback.warnings)

    assert query(conn, "SELECT count(*) FROM citygrid.basemap_polygon WHERE NOT ST_IsValid(geom)")[0][0] == 0
    assert query(conn, "SELECT DISTINCT ST_SRID(geom) FROM citygrid.basemap_polygon") == [(4544,)]
    assert query(conn, "SELECT DISTINCT source_file FROM citygrid.basemap_line") == [("basemap_sample.dxf",)]
    # buildings sit where the sample's buildings are (no reprojection: same CRS)
    gpkg = QgsVectorLayer(f"{SAMPLE}|layername=buildings", "b", "ogr")
    x0, y0, x1, y1 = query(conn, "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                                 "(SELECT ST_Extent(geom) e FROM citygrid.basemap_polygon) s")[0]
    ext = gpkg.extent()
    assert max(abs(x0 - ext.xMinimum()), abs(y0 - ext.yMinimum()), abs(x1 - ext.xMaximum()),
               abs(y1 - ext.yMaximum())) < 0.01
    # annotations keep their Chinese text, height and angle
    streets = dict(query(conn, "SELECT text, height FROM citygrid.basemap_text WHERE height = 3"))
    assert streets == {"春熙路街道": 3.0, "书院街街道": 3.0, "督院街街道": 3.0}
    angles = [a for (a,) in query(conn, "SELECT angle FROM citygrid.basemap_text WHERE text = '主干路'")]
    assert len(angles) == 5 and any(abs(a) > 10 for a in angles) and all(-90 < a <= 90 for a in angles)
    title = query(conn, "SELECT kind, source_layer FROM citygrid.basemap_text WHERE text LIKE '%1:500 地形图%'")
    assert title == [("other", "TK")]

    # re-importing the same drawing replaces it; another drawing stays
    before = table_counts(conn)
    sheet2 = tmp_path / "sheet2.dxf"
    shutil.copyfile(SAMPLE_DXF, sheet2)
    import_dxf({"CONNECTION": name, "INPUT": str(sheet2)})
    again, _ = import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF)})
    assert again["REPLACED"] == sum(before.values())
    assert {k: again[k] for k in ("LINES", "POLYGONS", "TEXTS")} == {k: res[k] for k in ("LINES", "POLYGONS", "TEXTS")}
    assert table_counts(conn) == {t: 2 * n for t, n in before.items()}
    per_file = dict(query(conn, "SELECT source_file, count(DISTINCT import_batch) FROM citygrid.basemap_polygon "
                                "GROUP BY source_file"))
    assert per_file == {"basemap_sample.dxf": 1, "sheet2.dxf": 1}
    # REPLACE off: a second copy is added
    added, _ = import_dxf({"CONNECTION": name, "INPUT": str(sheet2), "REPLACE": False})
    assert added["REPLACED"] == 0
    assert table_counts(conn)["basemap_polygon"] == 3 * before["basemap_polygon"]


def test_drawing_in_another_crs_is_reprojected(store, tmp_path):
    """The same sheet in UTM 48N (WGS 84) coordinates lands on the EPSG:4544 sample once its CRS
    is given: same central meridian, but the scale factor 0.9996 moves it ~1.4 km north-south."""
    name, conn = store
    utm = tmp_path / "utm48n.dxf"
    _make_sample_dxf().write_sample_dxf(utm, epsg=32648)
    res, feedback = import_dxf({"CONNECTION": name, "INPUT": str(utm), "SOURCE_CRS": "EPSG:32648"})
    assert any("reprojecting from EPSG:32648 to the store CRS EPSG:4544" in m for m in feedback.infos)
    gpkg = QgsVectorLayer(f"{SAMPLE}|layername=buildings", "b", "ogr").extent()
    x0, y0, x1, y1 = query(conn, "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                                 "(SELECT ST_Extent(geom) e FROM citygrid.basemap_polygon) s")[0]
    assert max(abs(x0 - gpkg.xMinimum()), abs(y0 - gpkg.yMinimum()), abs(x1 - gpkg.xMaximum()),
               abs(y1 - gpkg.yMaximum())) < 0.05  # mm rounding in the drawing, sub-mm transformation
    # the drawing's own coordinates really are elsewhere: without the CRS the sheet would miss
    from osgeo import ogr

    raw_ds = ogr.Open(str(utm))  # keep the datasource alive while its layer is used
    raw = raw_ds.GetLayer(0).GetExtent()
    assert abs(raw[2] - gpkg.yMinimum()) > 1000
    # texts follow: height kept (both CRS in metres), position on the sample's street centroid
    (h, x, y), = query(conn, "SELECT height, ST_X(geom), ST_Y(geom) FROM citygrid.basemap_text "
                             "WHERE text = '春熙路街道'")
    streets = QgsVectorLayer(f"{SAMPLE}|layername=streets", "s", "ogr")
    centroid = next(f for f in streets.getFeatures() if f["name"] == "春熙路街道").geometry().centroid().asPoint()
    assert math.hypot(x - centroid.x(), y - centroid.y()) < 0.05
    assert h == pytest.approx(3.0, abs=0.01)
    assert res["BUILDING"] == res["POLYGONS"]


def test_layer_mapping_chinese_layers_and_repairs(store, tmp_path):
    name, conn = store
    square = "POLYGON (({x} 3392000, {x2} 3392000, {x2} 3392010, {x} 3392010, {x} 3392000))"
    dxf = write_dxf(tmp_path / "mixed.dxf", [
        ("房屋", square.format(x=411000, x2=411010), None),           # Chinese name → building
        ("水系面", square.format(x=411020, x2=411030), None),          # 水 → water
        ("绿地", square.format(x=411040, x2=411050), None),           # → vegetation
        ("FW", square.format(x=411060, x2=411070), None),             # mapping FW=building
        ("sxss_hx", "LINESTRING (411000 3392100, 411100 3392150)", None),  # prefix, any case → water line
        ("JMD", "POLYGON ((411100 3392000, 411110 3392010, 411110 3392000, 411100 3392010, 411100 3392000))",
         None),                                                       # bow-tie → repaired
        ("JMD", "LINESTRING (411200 3392000, 411210 3392000)", None),  # open polyline: stays a line
        ("注记", "POINT (411005 3392005)", 'LABEL(f:"SimSun",t:"幸福里 3 号",s:1.5g,a:90)'),
        ("KZD", "POINT (411300 3392300)", None),                      # a control point symbol: not imported
        ("JZX", "LINESTRING (411000 3392200, 411100 3392200)", None),  # unknown layer
    ])
    res, feedback = import_dxf({"CONNECTION": name, "INPUT": str(dxf), "LAYER_MAPPING": "FW=building; jzx=boundary"})
    kinds = dict(query(conn, "SELECT source_layer, kind FROM citygrid.basemap_polygon"))
    assert kinds == {"房屋": "building", "水系面": "water", "绿地": "vegetation", "FW": "building", "JMD": "building"}
    lines = sorted(query(conn, "SELECT source_layer, kind FROM citygrid.basemap_line"))
    assert lines == [("JMD", "building"), ("JZX", "boundary"), ("sxss_hx", "water")]
    assert query(conn, "SELECT text, height, angle, kind FROM citygrid.basemap_text") == [
        ("幸福里 3 号", 1.5, 90.0, "annotation")]
    assert res["REPAIRED"] == 1 and res["SKIPPED"] == 1 and res["UNMAPPED_LAYERS"] == ""
    assert any("repaired" in w and "on layer JMD" in w for w in feedback.warnings)
    assert query(conn, "SELECT count(*) FROM citygrid.basemap_polygon WHERE NOT ST_IsValid(geom)")[0][0] == 0
    bowtie = query(conn, "SELECT ST_Area(geom) FROM citygrid.basemap_polygon WHERE source_layer = 'JMD'")[0][0]
    assert bowtie == pytest.approx(50.0)

    with pytest.raises(QgsProcessingException, match="unknown kind 'house'"):
        import_dxf({"CONNECTION": name, "INPUT": str(dxf), "LAYER_MAPPING": "FW=house"})
    with pytest.raises(QgsProcessingException, match="must look like CADLAYER=kind"):
        import_dxf({"CONNECTION": name, "INPUT": str(dxf), "LAYER_MAPPING": "FW building"})


def test_damaged_and_wrong_files_are_refused_clearly(store, tmp_path):
    name, conn = store
    truncated = tmp_path / "truncated.dxf"
    truncated.write_bytes(SAMPLE_DXF.read_bytes()[:700_000])
    with pytest.raises(QgsProcessingException, match=r"truncated.dxf is damaged: reading stopped .*nothing was"):
        import_dxf({"CONNECTION": name, "INPUT": str(truncated)})
    junk = tmp_path / "junk.dxf"
    junk.write_text("这不是 CAD 图\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="junk.dxf cannot be read as a DXF drawing"):
        import_dxf({"CONNECTION": name, "INPUT": str(junk)})
    dwg = tmp_path / "sheet.dwg"
    dwg.write_bytes(b"AC1032")
    with pytest.raises(QgsProcessingException, match="DWG drawing; save it as DXF"):
        import_dxf({"CONNECTION": name, "INPUT": str(dwg)})
    # a wrong CRS for the drawing: refused, not stored in the wrong place
    with pytest.raises(QgsProcessingException, match="lands outside the area of use of the store CRS EPSG:4544"):
        import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF), "SOURCE_CRS": "EPSG:4545"})  # CM 108°E
    with pytest.raises(QgsProcessingException, match="none of its .* entities could be placed"):
        import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF), "SOURCE_CRS": "EPSG:4326"})  # metres as degrees
    assert table_counts(conn) == {"basemap_line": 0, "basemap_polygon": 0, "basemap_text": 0}


def test_failure_in_the_store_writes_nothing(store):
    from citygrid_plugin.store.basemap import BasemapRow, import_basemap
    from citygrid_plugin.store.db import StoreError

    name, conn = store
    import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF)})
    before = table_counts(conn)
    # a row the database refuses (a point in the line table) after the deletion of the old rows
    bad = BasemapRow("basemap_line", "road", bytes.fromhex("0101000000000000000000f03f000000000000f03f"))
    with pytest.raises(StoreError, match="nothing was written"):
        import_basemap(conn, [bad], "basemap_sample.dxf")
    assert table_counts(conn) == before


def test_store_layers_take_the_basemap_styles(store):
    from citygrid_plugin.connections import StoreTarget
    from citygrid_plugin.layers import apply_style, store_uri

    name, _conn = store
    import_dxf({"CONNECTION": name, "INPUT": str(SAMPLE_DXF)})
    target = StoreTarget("connection", name)
    for table in ("basemap_line", "basemap_polygon", "basemap_text"):
        layer = QgsVectorLayer(store_uri(target, table, "geom", "id"), table, "postgres")
        assert layer.isValid() and layer.featureCount() > 0
        assert apply_style(layer, table), f"styles/{table}.qml (run make styles)"
        if table == "basemap_text":
            assert layer.labelsEnabled()
            settings = layer.labeling().settings()
            assert settings.fieldName == "text" and settings.format().font().family() == "Noto Sans CJK SC"
            assert layer.hasScaleBasedVisibility() and layer.minimumScale() >= 1000
        else:
            cats = {c.value() for c in layer.renderer().categories()}
            assert {"road", "building", "water", "boundary"} <= cats


def test_geotiff_and_tile_service_layers(qgis_app, tmp_path):
    from osgeo import gdal, osr

    from citygrid_plugin.basemap_layers import BasemapLayerError, raster_layer, xyz_layer

    tif = tmp_path / "ortho.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(tif), 20, 10, 3, gdal.GDT_Byte)
    ds.SetGeoTransform((410000.0, 0.05, 0.0, 3393000.0, 0.0, -0.05))  # 5 cm pixels
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4544)
    ds.SetProjection(srs.ExportToWkt())
    for band in range(1, 4):
        ds.GetRasterBand(band).Fill(100 + band)
    ds = None
    layer = raster_layer(tif, "正射影像")
    assert layer.isValid() and layer.providerType() == "gdal"
    assert layer.crs().authid() == "EPSG:4544" and layer.bandCount() == 3
    assert layer.extent().width() == pytest.approx(1.0)
    with pytest.raises(BasemapLayerError, match="cannot be opened as a raster"):
        bad = tmp_path / "bad.tif"
        bad.write_text("no image")
        raster_layer(bad)

    tiles = xyz_layer("https://tiles.city.example/jinjiang/{z}/{x}/{y}.png", "城市底图", zmax=21)
    assert tiles.providerType() == "wms" and tiles.name() == "城市底图"
    source = tiles.source()
    assert "type=xyz" in source and "zmax=21" in source
    assert "tiles.city.example" in source and "%7Bz%7D" in source  # the URL, encoded as QGIS does
    with pytest.raises(BasemapLayerError, match="placeholders"):
        xyz_layer("https://tiles.city.example/map.png", "x")
