"""Census field packages in tests: export, edit as QGIS/QField would, sync, and read both sides."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import processing
from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer, QgsVectorLayerUtils

ROOT = Path(__file__).resolve().parents[2]
KEY = 'district_code || street_code || community_code'


def export(census, folder, name="pkg", grids=None):
    return processing.run("citygrid:exportpackage", {
        "CONNECTION": census["connection"], "GRIDS": grids or ",".join(census["grids"][:2]),
        "OUTPUT_DIR": str(folder), "NAME": name})


def sync(census, gpkg):
    return processing.run("citygrid:syncpackage", {"CONNECTION": census["connection"], "PACKAGE": str(gpkg)})


def store_row(census, uid, columns="code, version, state, note, retired_at IS NOT NULL"):
    conn = census["conn"]
    with conn.cursor() as cur:
        cur.execute(f"SELECT {columns} FROM citygrid.component WHERE uid = %s", (uid,))
        row = cur.fetchone()
    conn.commit()
    return row


def store_sql(census, sql, args=()):
    conn = census["conn"]
    with conn.cursor() as cur:
        cur.execute(sql, args)
        out = cur.fetchall() if cur.description else None
    conn.commit()
    return out


def package_rows(gpkg, table="components_point"):
    with sqlite3.connect(gpkg) as con:
        con.row_factory = sqlite3.Row
        return {r["uid"]: dict(r) for r in con.execute(f"SELECT * FROM {table}")}


def conflicts(gpkg):
    with sqlite3.connect(gpkg) as con:
        return con.execute("SELECT uid, code, local_change, remote_change, resolution FROM _citygrid_conflicts"
                           ).fetchall()


def edit_in_project(qgz, edit):
    """Open the package project as QGIS/QField would, edit the point layer, save, close."""
    project = QgsProject()
    assert project.read(str(qgz))
    layer = next(lyr for lyr in project.mapLayers().values()
                 if isinstance(lyr, QgsVectorLayer) and lyr.source().endswith("layername=components_point"))
    assert layer.isValid()
    layer.startEditing()
    result = edit(layer)
    assert layer.commitChanges(), layer.commitErrors()
    project.clear()
    return result


def new_point(layer, x, y, **values):
    fields = layer.fields()
    attrs = {fields.indexOf(k): v for k, v in {"class_code": "0101", "dept1_code": "SZ", **values}.items()}
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromPointXY(QgsPointXY(x, y)), attrs)
    assert layer.addFeature(feature)
    return feature


def by_uid(layer, uid):
    return next(f for f in layer.getFeatures() if f["uid"] == uid)


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
