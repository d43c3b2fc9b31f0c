"""The GeoPackage of a supervisor's patrol package (巡查数据包, :mod:`citygrid_plugin.core.patrolformat`):
what the store gives one supervisor — his grids and their neighbours, the components and the 1:500
base map around them, the class lists, his open verify (核实) and check (核查) tasks with their report
photos — written with GDAL/OGR, so it runs headless. The QGIS project beside it is written by
``citygrid:patrolpackage``; the sync (:func:`citygrid_plugin.store.patrol.sync`) refreshes the tasks.

Reading is separate from writing (:func:`read_content`, then :func:`write_gpkg`): the store is
read in one short transaction per supervisor and nothing of the store is held open while files
are written.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import ogr, osr

from ..core.casefilter import CST
from ..core.exif import image_type
from ..core.i18n import tr
from ..core.patrolformat import (
    BASEMAP_FIELDS,
    BASEMAP_LAYERS,
    CLASS_FIELDS,
    CLASSES,
    COMPONENT_FIELDS,
    COMPONENTS,
    FORMAT,
    GRID_FIELDS,
    GRIDS,
    MARGIN_M,
    PACKAGE_FIELDS,
    PACKAGE_TABLE,
    PHOTOS,
    REPORT_FIELDS,
    REPORTS,
    SYNCED_FIELDS,
    SYNCED_TABLE,
    TASK_FIELDS,
    TASKS,
    TRACK_FIELDS,
    TRACKS,
)
from . import patrol
from .components import store_profile
from .db import StoreError, reading
from .photos import PhotoError, photo_content

_OGR_TYPES = {"String": ogr.OFTString, "Integer": ogr.OFTInteger, "Integer64": ogr.OFTInteger64,
              "Real": ogr.OFTReal, "DateTime": ogr.OFTDateTime, "Date": ogr.OFTDate}
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


@dataclass
class PatrolContent:
    """What one supervisor's package holds, read from the store. Geometries are WKB in the
    store's CRS; ``extent`` is his grids' extent grown by the margin (xmin, ymin, xmax, ymax)."""

    login: str
    grids: list[str]                                   # his own, today
    extent: tuple[float, float, float, float]
    grid_rows: list[dict] = field(default_factory=list)
    components: list[dict] = field(default_factory=list)
    basemap: dict[str, list[dict]] = field(default_factory=dict)
    classes: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)


def read_content(conn, login: str, grids: list[str], margin: float = MARGIN_M) -> PatrolContent:
    """The package content of supervisor *login* answering for *grids*: those grids and every
    active grid touching them (``mine`` tells which), the components and base map within the
    grids' extent plus *margin* metres, the event and component classes of the store's profile,
    and his open tasks (:func:`citygrid_plugin.store.patrol.tasks`)."""
    profile = store_profile(conn)
    with reading(conn) as cur:
        cur.execute("""SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                         FROM (SELECT ST_Expand(ST_Extent(geom)::geometry, %s) AS e FROM citygrid.grid
                                WHERE code = ANY(%s) AND retired_at IS NULL) x""", (float(margin), list(grids)))
        extent = cur.fetchone()
        if extent is None or extent[0] is None:
            raise StoreError(tr("none of the grids of {login} ({grids}) is an active unit grid in the store").format(
                login=login, grids=", ".join(grids) or "-"))
        extent = tuple(float(v) for v in extent)
        cur.execute("""
            WITH mine AS (SELECT ST_Union(geom) AS g FROM citygrid.grid WHERE code = ANY(%(grids)s)
                                                                          AND retired_at IS NULL)
            SELECT g.code, s.name, c.name, (g.code = ANY(%(grids)s))::int, ST_AsBinary(g.geom, 'NDR')
              FROM citygrid.grid g CROSS JOIN mine
              LEFT JOIN citygrid.street s ON s.district_code = g.district_code AND s.code = g.street_code
              LEFT JOIN citygrid.community c ON c.district_code = g.district_code AND c.street_code = g.street_code
                                            AND c.code = g.community_code
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL AND ST_DWithin(g.geom, mine.g, 0.5)
             ORDER BY g.code""", {"grids": list(grids)})
        grid_rows = [dict(zip(("code", "street", "community", "mine", "geom"), (*r[:4], bytes(r[4]))))
                     for r in cur.fetchall()]
        cur.execute("""
            SELECT c.code, c.class_code, k.name, c.name, c.state, c.grid_code,
                   ST_AsBinary(CASE WHEN GeometryType(c.geom) = 'POINT' THEN c.geom
                                    ELSE ST_PointOnSurface(c.geom) END, 'NDR')
              FROM citygrid.component c
              LEFT JOIN citygrid.component_class k ON k.profile = c.profile AND k.code = c.class_code
             WHERE c.retired_at IS NULL AND c.geom && ST_MakeEnvelope(%s, %s, %s, %s, citygrid.store_srid())
             ORDER BY c.code NULLS LAST, c.id""", extent)
        components = [dict(zip([n for n, _t in COMPONENT_FIELDS] + ["geom"], (*r[:6], bytes(r[6]))))
                      for r in cur.fetchall()]
        basemap = {}
        for table in BASEMAP_LAYERS:
            columns = [n for n, _t in BASEMAP_FIELDS[table]]
            cur.execute(f"SELECT {', '.join(columns)}, ST_AsBinary(geom, 'NDR') FROM citygrid.{table} "  # nosec B608
                        "WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, citygrid.store_srid()) ORDER BY id",
                        extent)   # the table and its columns come from patrolformat, never from a caller
            basemap[table] = [dict(zip([*columns, "geom"], (*r[:-1], bytes(r[-1])))) for r in cur.fetchall()]
        cur.execute("""SELECT 'event', code, name, major_name FROM citygrid.event_class WHERE profile = %(p)s AND active
                       UNION ALL
                       SELECT 'component', code, name, major_name FROM citygrid.component_class
                        WHERE profile = %(p)s AND active
                       ORDER BY 1 DESC, 2""", {"p": profile})
        classes = [dict(zip([n for n, _t in CLASS_FIELDS], r)) for r in cur.fetchall()]
    tasks = patrol.tasks(conn, login)
    return PatrolContent(login, list(grids), extent, grid_rows, components, basemap, classes, tasks)


# -- photos ---------------------------------------------------------------------------------------
def export_photos(conn, tasks: list[dict], folder: Path) -> dict[int, str]:
    """Write each task's first report photo to ``<folder>/photos/<case_no>.jpg`` (``.png`` for a
    PNG); return case id → the path relative to the package folder, as the tasks layer keeps it.
    A photo the login may not see is left out (the task stays, without its photo)."""
    out: dict[int, str] = {}
    target = Path(folder) / PHOTOS
    for task in tasks:
        if not task.get("photo_id"):
            continue
        try:
            content = photo_content(conn, task["photo_id"])
        except PhotoError:
            continue
        suffix = ".png" if image_type(content) == "image/png" else ".jpg"
        name = (_UNSAFE.sub("_", str(task["case_no"] or task["case_id"])).strip("._") or str(task["case_id"])) + suffix
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(content)
        out[task["case_id"]] = f"{PHOTOS}/{name}"
    return out


# -- the GeoPackage ---------------------------------------------------------------------------------
def _srs(srid: int):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(srid))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _layer(ds, name: str, srs, geom_type, fields: list[tuple[str, str]], unique: tuple[str, ...] = ()):
    options = ["FID=fid"] + (["GEOMETRY_NAME=geom"] if geom_type != ogr.wkbNone else [])
    layer = ds.CreateLayer(name, srs if geom_type != ogr.wkbNone else None, geom_type, options)
    for column, kind in fields:
        defn = ogr.FieldDefn(column, _OGR_TYPES[kind])
        if column in unique:
            defn.SetUnique(True)
        layer.CreateField(defn)
    return layer


def _set(feature, column: str, kind: str, value) -> None:
    if value is None:
        feature.SetFieldNull(column)
    elif kind == "DateTime":
        # Beijing wall time with its offset (+08:00): the exact instant, and the clock a person
        # reads in QGIS and QField alike (QGIS 3.22 drops a UTC "Z" and would show the UTC clock).
        # OGR's time zone flag: 100 + offset in quarter hours; 0 = unknown (a naive time)
        value = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        flag = 0
        if value.tzinfo is not None:
            value = value.astimezone(CST)
            flag = 100 + 8 * 4
        feature.SetField(column, value.year, value.month, value.day, value.hour, value.minute,
                         value.second + value.microsecond / 1e6, flag)
    elif kind in ("Integer", "Integer64"):
        feature.SetField(column, int(value))
    elif kind == "Real":
        feature.SetField(column, float(value))
    else:
        feature.SetField(column, str(value))


def _add(layer, fields: list[tuple[str, str]], values: dict, wkb: bytes | None = None) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for column, kind in fields:
        if column in values:
            _set(feature, column, kind, values[column])
    if wkb is not None:
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
    layer.CreateFeature(feature)


def task_rows(tasks: list[dict], photos: dict[int, str]) -> list[dict]:
    """The tasks layer's rows: the store's task, its report photo's relative path, and a fresh uid
    (the id of the verdict recorded on it, sent to the store as ``field_id``)."""
    rows = []
    for t in tasks:
        row = {name: t.get(name) for name, _kind in TASK_FIELDS}
        row.update(report_photo=photos.get(t["case_id"]), uid=str(uuidlib.uuid4()), verdict=None, note=None,
                   photo=None, done_at=None)
        rows.append(row)
    return rows


def _write_tasks(layer, tasks: list[dict], photos: dict[int, str]) -> None:
    for t, row in zip(tasks, task_rows(tasks, photos)):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(t["x"]), float(t["y"]))
        _add(layer, TASK_FIELDS, row, point.ExportToIsoWkb())


def write_gpkg(path: Path, content: PatrolContent, package_id: str, store_id: str, srid: int,
               photos: dict[int, str], created_at: dt.datetime | None = None) -> None:
    """Write the package's GeoPackage at *path* (which must not exist: a package may hold field
    work not yet synced) in one transaction: every layer and table of the format, the empty
    ``reports`` and ``tracks`` (LineStringM) ready for QField, and the ``_citygrid_patrol`` row."""
    path = Path(path)
    if path.exists():
        raise StoreError(tr("{path} already exists; a patrol package may hold reports and verdicts not yet synced, "
                            "so it is never overwritten: sync it, or choose another folder").format(path=path))
    ogr.UseExceptions()
    srs = _srs(srid)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    try:
        ds.StartTransaction()
        grids = _layer(ds, GRIDS, srs, ogr.wkbPolygon, GRID_FIELDS)
        for row in content.grid_rows:
            _add(grids, GRID_FIELDS, row, row["geom"])
        components = _layer(ds, COMPONENTS, srs, ogr.wkbPoint, COMPONENT_FIELDS)
        for row in content.components:
            _add(components, COMPONENT_FIELDS, row, row["geom"])
        geom_types = {"basemap_polygon": ogr.wkbMultiPolygon, "basemap_line": ogr.wkbMultiLineString,
                      "basemap_text": ogr.wkbPoint}
        for table in BASEMAP_LAYERS:
            layer = _layer(ds, table, srs, geom_types[table], BASEMAP_FIELDS[table])
            for row in content.basemap.get(table, []):
                _add(layer, BASEMAP_FIELDS[table], row, row["geom"])
        _layer(ds, REPORTS, srs, ogr.wkbPoint, REPORT_FIELDS, unique=("uid",))
        _write_tasks(_layer(ds, TASKS, srs, ogr.wkbPoint, TASK_FIELDS, unique=("uid",)), content.tasks, photos)
        _layer(ds, TRACKS, srs, ogr.wkbLineStringM, TRACK_FIELDS, unique=("uid",))
        classes = _layer(ds, CLASSES, None, ogr.wkbNone, CLASS_FIELDS)
        for row in content.classes:
            _add(classes, CLASS_FIELDS, row)
        meta = _layer(ds, PACKAGE_TABLE, None, ogr.wkbNone, PACKAGE_FIELDS)
        _add(meta, PACKAGE_FIELDS, {"package_id": package_id, "store_id": store_id, "login": content.login,
                                    "created_at": created_at or dt.datetime.now(dt.UTC),
                                    "grids": ",".join(content.grids), "format": FORMAT})
        _layer(ds, SYNCED_TABLE, None, ogr.wkbNone, SYNCED_FIELDS)
        ds.CommitTransaction()
    finally:
        ds = None  # noqa: F841 - closing writes the file

