"""Patrol packages in tests, written and edited with GDAL/OGR as QField would leave them.

:func:`make_package` registers a package in the store and writes its folder in the layout of
:mod:`citygrid_plugin.core.patrolformat` (the tables the sync reads; no project, no base map:
the builder's own tests cover those); the supervisor's open tasks come from the store as the
builder takes them. Then, as QField does in the field: :func:`add_report` adds a report feature
with its photos saved under DCIM/ (paths relative to the project), :func:`set_verdict` records a
verdict on a task (with a note and a photo), :func:`add_track` writes a tracking session (a
LineStringM whose M is the time, milliseconds since 1970 as QField's default or seconds).
"""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

from osgeo import ogr, osr

from citygrid_plugin.core import patrolformat as pf
from citygrid_plugin.store import patrol

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "data_samples"))
from qfield_edits import _attach, _open, _set, add_report, add_track, set_verdict  # noqa: E402,F401 - re-exported

UTC = dt.UTC
_TYPES = {"String": ogr.OFTString, "Integer": ogr.OFTInteger, "Integer64": ogr.OFTInteger64, "Real": ogr.OFTReal,
          "DateTime": ogr.OFTDateTime}


def _layer(ds, name, geom_type, fields, srs=None):
    layer = ds.CreateLayer(name, srs if geom_type != ogr.wkbNone else None, geom_type, ["FID=fid"])
    for column, kind in fields:
        layer.CreateField(ogr.FieldDefn(column, _TYPES[kind]))
    return layer


def make_package(folder: Path, conn, login: str, grids: list[str], srid: int = 4544, register: bool = True,
                 package_id: str | None = None, store_id: str | None = None) -> Path:
    """A registered patrol package of *login* in *folder* (registered through *conn*: the
    supervisor himself, a shift leader or an administrator), holding his open tasks."""
    ogr.UseExceptions()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / pf.DCIM).mkdir(exist_ok=True)
    (folder / pf.PHOTOS).mkdir(exist_ok=True)
    package_id = package_id or str(uuid.uuid4())
    sid = patrol.register_package(conn, package_id, login, grids) if register else patrol.store_id(conn)
    open_tasks = patrol.tasks(conn, login)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(srid)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(folder / pf.GPKG))
    try:
        ds.StartTransaction()
        meta = _layer(ds, pf.PACKAGE_TABLE, ogr.wkbNone, pf.PACKAGE_FIELDS)
        f = ogr.Feature(meta.GetLayerDefn())
        for (name, kind), value in zip(pf.PACKAGE_FIELDS, (package_id, store_id or sid, login, dt.datetime.now(UTC),
                                                           ",".join(grids), pf.FORMAT)):
            _set(f, name, kind, value)
        meta.CreateFeature(f)
        _layer(ds, pf.REPORTS, ogr.wkbPoint, pf.REPORT_FIELDS, srs)
        tasks = _layer(ds, pf.TASKS, ogr.wkbPoint, pf.TASK_FIELDS, srs)
        kinds = dict(pf.TASK_FIELDS)
        for t in open_tasks:
            f = ogr.Feature(tasks.GetLayerDefn())
            for name in ("case_id", "case_no", "task", "class_code", "class_name", "description", "address",
                         "deadline", "version"):
                _set(f, name, kinds[name], t[name])
            _set(f, "uid", "String", str(uuid.uuid4()))
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(t["x"], t["y"])
            f.SetGeometry(point)
            tasks.CreateFeature(f)
        _layer(ds, pf.TRACKS, ogr.wkbLineStringM, pf.TRACK_FIELDS, srs)
        _layer(ds, pf.SYNCED_TABLE, ogr.wkbNone, pf.SYNCED_FIELDS)
        ds.CommitTransaction()
    finally:
        ds = None
    return folder


def set_meta(folder: Path, **values) -> None:
    """Change the package table (a package of another store, of someone else)."""
    with sqlite3.connect(Path(folder) / pf.GPKG) as con:
        for key, value in values.items():
            con.execute(f"UPDATE {pf.PACKAGE_TABLE} SET {key} = ?", (value,))


def rows(folder: Path, table: str) -> list[dict]:
    with sqlite3.connect(Path(folder) / pf.GPKG) as con:
        con.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in con.execute(f'SELECT * FROM "{table}" ORDER BY fid')]
        except sqlite3.OperationalError:
            return []


def copy_package(folder: Path, target: Path) -> Path:
    """A copy of the package folder (the handheld's backup, synced later out of order)."""
    shutil.copytree(folder, target)
    return target
