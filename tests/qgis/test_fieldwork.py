"""Census field packages end to end against a real store: export for two unit grids, edit the
package with the QGIS API as a surveyor would, change the store meanwhile, sync, and check both
sides; re-run; interrupted syncs; a refused sync leaves everything as it was."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]
from tests.helpers.fieldwork import (  # noqa: E402
    by_uid,
    conflicts,
    digest,
    edit_in_project,
    export,
    new_point,
    package_rows,
    store_row,
    store_sql,
    sync,
)
from tests.helpers.sample import SAMPLE_GPKG as SAMPLE  # noqa: E402  (a copy: QGIS touches GeoPackages)


def test_export_writes_an_offline_package(census, tmp_path):
    res = export(census, tmp_path)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])
    assert gpkg == tmp_path / "pkg.gpkg" and qgz == tmp_path / "pkg.qgz"
    assert res["COMPONENTS"] == 7 and res["GRID_COUNT"] == 2
    assert len(package_rows(gpkg)) == 5 and len(package_rows(gpkg, "components_line")) == 1
    assert len(package_rows(gpkg, "components_polygon")) == 1
    assert census["comps"]["other"][0] not in package_rows(gpkg)
    with sqlite3.connect(gpkg) as con:
        assert con.execute("SELECT count(*) FROM _citygrid_base").fetchone()[0] == 7
        meta = con.execute("SELECT package_id, srid, grids, store, exported_by FROM _citygrid_package").fetchone()
        assert len(meta[0]) == 36 and meta[1] == 4544 and meta[2] == ",".join(census["grids"][:2])
        assert "password" not in meta[3]
        assert sorted(r[0] for r in con.execute("SELECT code FROM grids")) == census["grids"][:2]
        assert con.execute("SELECT count(*) FROM lookup_department").fetchone()[0] >= 10
    with zipfile.ZipFile(qgz) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".qgs"))
    for forbidden in ("host=", "password", "service="):
        assert forbidden not in xml.lower()
    assert str(tmp_path) not in xml          # relative paths only
    # the project opens with the store gone: layers valid, forms ready, CRS of the store
    project = QgsProject()
    assert project.read(str(qgz))
    assert project.crs().authid() == "EPSG:4544"
    layers = {lyr.source().split("layername=")[-1].split("|")[0]: lyr for lyr in project.mapLayers().values()}
    assert all(lyr.isValid() for lyr in layers.values())
    points = layers["components_point"]
    fields = points.fields()
    form = points.editFormConfig()
    for name in ("uid", "code", "version", "grid_code"):
        assert form.readOnly(fields.indexOf(name)), name
    assert "uuid" in points.defaultValueDefinition(fields.indexOf("uid")).expression()
    assert points.editorWidgetSetup(fields.indexOf("state")).type() == "ValueMap"
    assert layers["grids"].readOnly()
    project.clear()
    # a package is never overwritten, unknown grids are named
    with pytest.raises(QgsProcessingException, match="already exists"):
        export(census, tmp_path)
    with pytest.raises(QgsProcessingException, match="510104999999999"):
        export(census, tmp_path, name="other", grids="510104999999999")


def test_export_by_picked_grids_with_a_base_map(census, tmp_path):
    picked = QgsVectorLayer("Polygon?crs=EPSG:4544&field=code:string", "picked", "memory")
    feature = QgsFeature(picked.fields())
    feature.setAttributes([census["grids"][2]])
    picked.dataProvider().addFeatures([feature])
    roads = QgsVectorLayer(f"{SAMPLE}|layername=roads", "道路", "ogr")
    res = processing.run("citygrid:exportpackage", {
        "CONNECTION": census["connection"], "GRID_LAYER": picked, "OUTPUT_DIR": str(tmp_path),
        "BASEMAP": [roads]})
    gpkg = Path(res["PACKAGE"])
    assert gpkg.name.startswith(f"census_{census['grids'][2]}_") and res["GRID_COUNT"] == 1
    assert list(package_rows(gpkg)) == [census["comps"]["other"][0]]
    with sqlite3.connect(gpkg) as con:
        copied = con.execute("SELECT count(*) FROM basemap_1").fetchone()[0]
    assert 0 < copied < roads.featureCount()          # clipped to the grid
    project = QgsProject()
    assert project.read(res["PROJECT"])
    assert any(lyr.name() == "道路" and lyr.isValid() for lyr in project.mapLayers().values())
    project.clear()


def test_edit_and_sync_both_ways(census, tmp_path):
    comps = census["comps"]
    res = export(census, tmp_path)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])
    _code, x, y = census["xy"][1]

    def field_work(layer):
        added = new_point(layer, x + 3, y, note="新井盖")
        changed = by_uid(layer, comps["p2"][0])
        layer.changeAttributeValue(changed.id(), layer.fields().indexOf("state"), "破损")
        layer.deleteFeature(by_uid(layer, comps["p3"][0]).id())
        both = by_uid(layer, comps["p4"][0])
        layer.changeAttributeValue(both.id(), layer.fields().indexOf("note"), "外业备注")
        return added["uid"]

    new_uid = edit_in_project(qgz, field_work)
    assert new_uid and len(new_uid) == 36
    # meanwhile in the store: one change, one change on the same component as the field, one new
    store_sql(census, "UPDATE citygrid.component SET state = '占用' WHERE uid = %s", (comps["p5"][0],))
    store_sql(census, "UPDATE citygrid.component SET note = '库内备注' WHERE uid = %s", (comps["p4"][0],))
    added_remote = store_sql(census, "INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                             "('0101', 'YL', ST_SetSRID(ST_Point(%s, %s), citygrid.store_srid())) "
                             "RETURNING uid::text", (x + 4, y))[0][0]

    out = sync(census, gpkg)
    assert (out["INSERTED"], out["UPDATED"], out["RETIRED"], out["REFRESHED"], out["CONFLICTS"]) == (1, 1, 1, 2, 1)
    assert out["ALREADY_SYNCED"] == 0
    # the store
    code, version, state, note, retired = store_row(census, new_uid)
    assert len(code) == 16 and code.startswith("5101040101") and version == 1 and note == "新井盖"
    assert not retired and code != comps["p1"][1]
    assert store_row(census, comps["p2"][0])[1:3] == (2, "破损")
    assert store_row(census, comps["p3"][0])[4] is True                               # retired, not deleted
    assert store_row(census, comps["p4"][0])[1:4] == (2, "完好", "库内备注")            # conflict: untouched
    assert store_sql(census, "SELECT count(*) FROM citygrid.component WHERE uid = %s", (new_uid,))[0][0] == 1
    # the package
    rows = package_rows(gpkg)
    assert rows[new_uid]["code"] == code and rows[new_uid]["version"] == 1
    assert rows[new_uid]["grid_code"] == census["grids"][1]
    assert rows[comps["p2"][0]]["version"] == 2
    assert comps["p3"][0] not in rows
    assert rows[comps["p5"][0]]["state"] == "占用" and rows[comps["p5"][0]]["version"] == 2
    assert added_remote in rows and rows[added_remote]["dept1_code"] == "YL"
    assert rows[comps["p4"][0]]["note"] == "外业备注"                                    # local value kept
    assert conflicts(gpkg) == [(comps["p4"][0], comps["p4"][1], "changed", "changed", None)]
    assert comps["p4"][0] in out["CONFLICT_LIST"] and comps["p4"][1] in out["CONFLICT_LIST"]

    # nothing left to do: a second sync changes nothing (the conflict stays pending)
    before = store_sql(census, "SELECT uid, version FROM citygrid.component ORDER BY uid")
    again = sync(census, gpkg)
    assert (again["INSERTED"], again["UPDATED"], again["RETIRED"], again["REFRESHED"],
            again["ALREADY_SYNCED"], again["CONFLICTS"]) == (0, 0, 0, 0, 0, 1)
    assert store_sql(census, "SELECT uid, version FROM citygrid.component ORDER BY uid") == before

    # a person decides the conflict: the store's value wins
    with sqlite3.connect(gpkg) as con:
        con.execute("UPDATE _citygrid_conflicts SET resolution = 'remote'")
    decided = sync(census, gpkg)
    assert decided["REFRESHED"] == 1 and decided["CONFLICTS"] == 0 and decided["UPDATED"] == 0
    assert package_rows(gpkg)[comps["p4"][0]]["note"] == "库内备注" and conflicts(gpkg) == []
    final = sync(census, gpkg)
    assert (final["INSERTED"], final["UPDATED"], final["RETIRED"], final["REFRESHED"], final["CONFLICTS"]) == \
        (0, 0, 0, 0, 0)


def test_interrupted_sync_creates_no_duplicates(census, tmp_path):
    comps = census["comps"]
    res = export(census, tmp_path)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])
    _code, x, y = census["xy"][0]

    def field_work(layer):
        added = new_point(layer, x + 2, y + 1, state="破损")
        layer.changeAttributeValue(by_uid(layer, comps["p1"][0]).id(), layer.fields().indexOf("note"), "松动")
        layer.deleteFeature(by_uid(layer, comps["p2"][0]).id())
        return added["uid"]

    new_uid = edit_in_project(qgz, field_work)
    copy = tmp_path / "before_sync.gpkg"
    shutil.copy(gpkg, copy)
    first = sync(census, gpkg)
    assert (first["INSERTED"], first["UPDATED"], first["RETIRED"]) == (1, 1, 1)
    code = store_row(census, new_uid)[0]
    # the store committed but the package was not updated (crash, lost copy…): restore the old file
    shutil.copy(copy, gpkg)
    second = sync(census, gpkg)
    assert (second["INSERTED"], second["UPDATED"], second["RETIRED"], second["CONFLICTS"]) == (0, 0, 0, 0)
    assert second["ALREADY_SYNCED"] == 2
    assert store_sql(census, "SELECT count(*) FROM citygrid.component WHERE uid = %s", (new_uid,))[0][0] == 1
    assert store_sql(census, "SELECT count(*) FROM citygrid.component WHERE note = '松动'")[0][0] == 1
    assert store_row(census, comps["p1"][0])[1] == 2                       # updated once, not twice
    rows = package_rows(gpkg)
    assert rows[new_uid]["code"] == code and comps["p2"][0] not in rows
    third = sync(census, gpkg)
    assert (third["INSERTED"], third["UPDATED"], third["RETIRED"], third["REFRESHED"], third["ALREADY_SYNCED"],
            third["CONFLICTS"]) == (0, 0, 0, 0, 0, 0)


def test_a_refused_feature_leaves_store_and_package_unchanged(census, tmp_path):
    comps = census["comps"]
    res = export(census, tmp_path)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])

    def field_work(layer):
        layer.changeAttributeValue(by_uid(layer, comps["p1"][0]).id(), layer.fields().indexOf("state"), "丢失")
        outside = new_point(layer, 100.0, 100.0)      # far outside every unit grid
        return outside["uid"]

    bad_uid = edit_in_project(qgz, field_work)
    with sqlite3.connect(gpkg) as con:
        bad_fid = con.execute("SELECT fid FROM components_point WHERE uid = ?", (bad_uid,)).fetchone()[0]
    before_store = store_sql(census, "SELECT uid, version, state FROM citygrid.component ORDER BY uid")
    before_package = digest(gpkg)
    with pytest.raises(QgsProcessingException) as err:
        sync(census, gpkg)
    message = str(err.value)
    assert "components_point" in message and f"feature {bad_fid}" in message and bad_uid in message
    assert "outside every unit grid" in message and "nothing was written" in message
    assert store_sql(census, "SELECT uid, version, state FROM citygrid.component ORDER BY uid") == before_store
    assert digest(gpkg) == before_package


def test_package_from_another_store_is_refused(census, tmp_path, cluster):
    res = export(census, tmp_path)
    # the same package against a store that never saw its components
    conn = census["conn"]
    with conn.cursor() as cur:
        cur.execute("SELECT citygrid.set_internal(true)")  # the owner's own internal mode (migration 009)
        cur.execute("DELETE FROM citygrid.component")
    conn.commit()
    with pytest.raises(QgsProcessingException, match="none of the package's components is in this store"):
        sync(census, res["PACKAGE"])
