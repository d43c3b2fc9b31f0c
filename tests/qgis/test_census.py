"""The component census through Processing and the QGIS layers, against a real store built from
the sample district: GBK CSV import by Chinese names, rejects and duplicates, validation,
progress, and the editing form of the store layers."""
from __future__ import annotations

from pathlib import Path

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject, QgsVectorLayer

from citygrid_plugin.connections import StoreTarget
from citygrid_plugin.layers import add_store_layers

ROOT = Path(__file__).resolve().parents[2]
from tests.helpers.sample import SAMPLE_GPKG as SAMPLE  # noqa: E402  (a copy: QGIS touches GeoPackages)

DEPARTMENTS = ROOT / "data_samples" / "departments_gbk.csv"


@pytest.fixture
def district(provider, qgis_connection):
    """A store with the sample district, its grids and departments, for census tests."""
    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    processing.run("citygrid:importdivisions", {
        "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "锦江区（示例）",
        "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": f"{SAMPLE}|layername=communities"})
    processing.run("citygrid:importdepartments", {"CONNECTION": qgis_connection, "INPUT": str(DEPARTMENTS)})
    part = processing.run("citygrid:partitiongrids", {
        "BARRIERS": [f"{SAMPLE}|layername=roads"], "COMMUNITIES": f"{SAMPLE}|layername=communities",
        "COMMUNITY_KEY": "district_code || street_code || community_code", "OUTPUT": "memory:"})
    processing.run("citygrid:codegrids", {"CONNECTION": qgis_connection, "INPUT": part["OUTPUT"]})
    centre = QgsVectorLayer(f"{SAMPLE}|layername=district", "d", "ogr").extent().center()
    return qgis_connection, centre


def write_gbk_csv(path: Path, rows: list[list[str]]) -> Path:
    header = ["部件名称", "主管部门", "状态", "数据来源", "普查日期", "X", "Y", "备注"]
    text = "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode("gbk"))
    return path


def test_gbk_csv_by_chinese_names_with_rejects_and_duplicates(district, tmp_path):
    conn, c = district
    x, y = c.x(), c.y()
    csv = write_gbk_csv(tmp_path / "普查.csv", [
        ["路灯", "区市政设施管理所", "完好", "实测", "2026/05/01", f"{x:.2f}", f"{y:.2f}", "东侧"],
        ["雨水井盖", "SZ", "破损", "实测", "20260502", f"{x + 20:.2f}", f"{y:.2f}", ""],
        ["路灯", "区市政设施管理所", "完好", "实测", "2026-05-01", f"{x + 0.3:.2f}", f"{y:.2f}", "重复"],
        ["不存在的部件", "SZ", "完好", "实测", "2026-05-01", f"{x + 40:.2f}", f"{y:.2f}", ""],
        ["垃圾箱", "不存在的部门", "完好", "实测", "2026-05-01", f"{x + 60:.2f}", f"{y:.2f}", ""],
        ["垃圾箱", "HW", "完好", "实测", "2026-05-01", "1.0", "2.0", "far away"],
        ["垃圾箱", "HW", "完好", "实测", "2026-05-01", "abc", f"{y:.2f}", ""],
    ])
    res = processing.run("citygrid:importcomponents", {
        "CONNECTION": conn, "CSV": str(csv), "REJECTED": "memory:", "DUPLICATES": "memory:"})
    assert (res["IMPORTED"], res["REJECTED_COUNT"], res["DUPLICATE_COUNT"]) == (2, 4, 1)  # every row accounted
    reasons = sorted(f["reason"] for f in res["REJECTED"].getFeatures())
    assert any("不存在的部件" in r and "neither a class code nor a class name" in r for r in reasons)
    assert any("不存在的部门" in r for r in reasons)
    assert any("outside every unit grid" in r for r in reasons)
    assert any("coordinates that are not numbers" in r for r in reasons)
    dup = next(res["DUPLICATES"].getFeatures())
    assert dup["ref"] == "line 4" and dup["near"].startswith("line 2")


def test_all_or_nothing_and_a_layer_source_in_another_crs(district, tmp_path):
    conn, c = district
    layer = QgsVectorLayer("LineString?crs=EPSG:32648&field=class_code:string&field=dept1_code:string",
                           "guard rails", "memory")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform
    from qgis.core import QgsProject as P

    xf = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4544"), QgsCoordinateReferenceSystem("EPSG:32648"),
                                P.instance())
    a, b = xf.transform(QgsPointXY(c.x(), c.y())), xf.transform(QgsPointXY(c.x() + 30, c.y()))
    f = QgsFeature(layer.fields())
    f.setAttributes(["0211", "JG"])
    f.setGeometry(QgsGeometry.fromPolylineXY([a, b]))
    g = QgsFeature(layer.fields())
    g.setAttributes(["0211", "nobody"])
    g.setGeometry(QgsGeometry.fromPolylineXY([a, b]))
    layer.dataProvider().addFeatures([f, g])
    res = processing.run("citygrid:importcomponents", {"CONNECTION": conn, "INPUT": layer, "ALL_OR_NOTHING": True})
    assert (res["IMPORTED"], res["REJECTED_COUNT"]) == (0, 1)
    layer.dataProvider().deleteFeatures([2])
    res = processing.run("citygrid:importcomponents", {"CONNECTION": conn, "INPUT": layer})
    assert res["IMPORTED"] == 1  # reprojected from UTM 48N into the district


def test_validation_and_progress(district):
    conn, c = district
    res = processing.run("citygrid:validatecomponents", {"CONNECTION": conn, "OUTPUT": "memory:"})
    assert res["PASSED"] == 1 and res["ERRORS"] == 0
    progress = processing.run("citygrid:censusprogress", {"CONNECTION": conn, "OUTPUT": "memory:"})
    first = next(progress["OUTPUT"].getFeatures())["grid_code"]
    marked = processing.run("citygrid:censusprogress", {"CONNECTION": conn, "MARK_SURVEYED": first,
                                                        "OUTPUT": "memory:"})
    assert marked["SURVEYED"] == progress["SURVEYED"] + 1
    with pytest.raises(QgsProcessingException, match="grid code must be 15 digits"):
        processing.run("citygrid:censusprogress", {"CONNECTION": conn, "MARK_SURVEYED": "5101040010"})


def test_store_layers_have_the_census_form_and_save_a_component(district):
    conn, c = district
    project = QgsProject.instance()
    try:
        layers = add_store_layers(project, StoreTarget("connection", conn))
        assert all(layer.isValid() for layer in layers)
        points = next(lyr for lyr in layers if lyr.customProperty("citygrid/role") == "components"
                      and lyr.geometryType() == 0)
        fields = points.fields()
        setup = points.editorWidgetSetup(fields.indexOf("class_code"))
        assert setup.type() == "ValueRelation" and "current_value('major_code')" in setup.config()["FilterExpression"]
        assert points.editorWidgetSetup(fields.indexOf("dept1_code")).type() == "ValueRelation"
        assert points.editorWidgetSetup(fields.indexOf("state")).type() == "ValueMap"
        assert points.editFormConfig().readOnly(fields.indexOf("code"))
        # save one component as a surveyor would
        assert points.startEditing()
        feature = QgsFeature(fields)
        feature.setAttribute("class_code", "0118")
        feature.setAttribute("dept1_code", "SZ")
        feature.setAttribute("state", "完好")
        feature.setAttribute("data_source", "实测")
        feature.setAttribute("census_date", "2026-05-01")
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(c.x(), c.y())))
        assert points.addFeature(feature)
        assert points.commitChanges(), points.commitErrors()
        points.reload()
        saved = [f for f in points.getFeatures() if f["class_code"] == "0118"]
        assert len(saved) == 1 and saved[0]["code"].startswith("5101040118") and len(saved[0]["grid_code"]) == 15
    finally:
        project.clear()
