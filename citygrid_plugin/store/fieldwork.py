"""Field-work packages (外业数据包) for the component census (部件普查): export the components of
some unit grids into a GeoPackage that surveyors take offline (QGIS or QField), and sync it back.

Everything the sync needs travels inside the GeoPackage, so no store table is involved:

* ``components_point`` / ``components_line`` / ``components_polygon``: the components, every
  column of ``citygrid.component`` except the internal ones (id, district, profile, audit);
  ``uid`` identifies a component on both sides (new features get a fresh UUID in the form);
* ``grids``: the chosen unit grids, for reference;
* ``_citygrid_base``: uid, version and content hash of every component as exported (and after
  each sync): the common ancestor of the three-way diff (:mod:`citygrid_plugin.core.sync`);
* ``_citygrid_package``: package id, export time and user, the store (no password), grids, CRS;
* ``_citygrid_conflicts``: the conflicts of the last sync, with a ``resolution`` column a
  person fills with ``local`` or ``remote``.

Store writes of a sync happen in one transaction (all or nothing); the package is rewritten
only after the store committed, itself in one GeoPackage transaction. A sync interrupted in
between is healed by the next one: the package's new and changed rows are found already in
the store with the same content and adopted.

GeoPackage access goes through GDAL/OGR (no QGIS), so this module runs headless too.

Over 500 lines on purpose: the package's side (OGR) and the store's side (SQL) of one three-way
sync, which must agree on every table above; should it grow, split it along that line.
"""
from __future__ import annotations

import datetime
import getpass
import json
import re
import shutil
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg2
from osgeo import gdal, ogr, osr

from ..core import sync
from ..core.i18n import tr
from .db import StoreError, describe_error, primary_message, store_fault, transaction

FORMAT = 1
LAYERS = {"point": "components_point", "line": "components_line", "polygon": "components_polygon"}
GRIDS_LAYER = "grids"
BASE_TABLE = "_citygrid_base"
PACKAGE_TABLE = "_citygrid_package"
CONFLICTS_TABLE = "_citygrid_conflicts"

# (column, kind) in package order; kinds: text, int, date
COLUMNS: list[tuple[str, str]] = [
    ("uid", "text"), ("code", "text"), ("version", "int"), ("grid_code", "text"),
    ("class_code", "text"), ("major_code", "text"), ("name", "text"), ("dept1_code", "text"), ("dept2_code", "text"),
    ("dept3_code", "text"), ("state", "text"), ("census_date", "date"), ("change_date", "date"),
    ("data_source", "text"), ("accuracy", "text"), ("material", "text"), ("site_name", "text"),
    ("stop_name", "text"), ("sculpture_name", "text"), ("equipment_count", "int"), ("spec", "text"),
    ("photo", "text"), ("note", "text"),
]
COLUMN_NAMES = [c for c, _k in COLUMNS]
READ_ONLY = ("uid", "code", "version", "grid_code", "change_date")   # maintained by the store
DERIVED = ("major_code",)     # set by the store from the class; in the package only to drive the class picker
EDITABLE = tuple(c for c in COLUMN_NAMES if c not in READ_ONLY and c not in DERIVED)
# filled in by the store when left empty: an empty value in the package keeps the store's
DEFAULTED = ("name", "accuracy", "state", "data_source", "census_date")

_GEOM_KIND = {"POINT": "point", "LINESTRING": "line", "POLYGON": "polygon"}
LOOKUP_TABLES = {  # package table: (store query, columns)
    "lookup_major": ("SELECT DISTINCT profile, major_code, major_name, geometry_type FROM citygrid.component_class "
                     "WHERE active AND profile = ANY(%(profiles)s) ORDER BY 1, 2, 4",
                     ("profile", "major_code", "major_name", "geometry_type")),
    "lookup_class": ("SELECT code, major_code, name, geometry_type, profile FROM citygrid.component_class "
                     "WHERE active AND profile = ANY(%(profiles)s) ORDER BY profile, code",
                     ("code", "major_code", "name", "geometry_type", "profile")),
    "lookup_department": ("SELECT code, name FROM citygrid.department WHERE active ORDER BY code", ("code", "name")),
}


def _select(cur) -> str:
    """SELECT of the package columns (a column the store lacks reads as NULL)."""
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'citygrid' "
                "AND table_name = 'component'")
    present = {r[0] for r in cur.fetchall()}
    columns = [f"c.{c}" if c in present else f"NULL AS {c}" for c in COLUMN_NAMES[1:]]
    return ("SELECT c.uid::text, " + ", ".join(columns)  # nosec B608 - column names from COLUMN_NAMES
            + ", ST_AsBinary(c.geom, 'NDR'), GeometryType(c.geom), c.retired_at IS NOT NULL"
            + " FROM citygrid.component c")


# -- rows --------------------------------------------------------------------------------------
@dataclass
class Row:
    """One component: ``values`` holds every package column plus ``geom`` (ISO WKB, little endian)."""

    uid: str
    values: dict[str, Any]
    kind: str = ""               # point | line | polygon
    retired: bool = False
    layer: str = ""              # package layer and feature id (local rows)
    fid: int | None = None

    @property
    def content(self) -> dict[str, Any]:
        """What the surveyor edits: the editable columns and the geometry (hashed and compared)."""
        out = {c: sync.normalise(self.values.get(c)) for c in EDITABLE}
        out["geom"] = sync.normalise(self.values.get("geom"))
        return out

    @property
    def hash(self) -> str:
        return sync.row_hash(self.content)

    def state(self, version: Any) -> tuple[Any, str, dict]:
        return (version, self.hash, self.content)

    def label(self) -> str:
        return tr("{layer} feature {fid} (uid {uid})").format(layer=self.layer, fid=self.fid, uid=self.uid)


def _remote_row(record) -> Row:
    values = dict(zip(COLUMN_NAMES, record[:len(COLUMN_NAMES)]))
    values["geom"] = bytes(record[len(COLUMN_NAMES)])
    geometry_type, retired = record[len(COLUMN_NAMES) + 1], record[len(COLUMN_NAMES) + 2]
    return Row(values["uid"], values, _GEOM_KIND.get(geometry_type, ""), retired)


def normalise_uid(value: Any) -> str:
    """A UUID as lowercase text without braces (QGIS's uuid() adds braces); '' if empty."""
    text = ("" if value is None else str(value)).strip().strip("{}").lower()
    return text


# -- grids -------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[\s,;，；、]+")


def parse_grid_selection(text: str) -> list[str]:
    """Grid codes or code prefixes (6 district, 9 street, 12 community, 15 grid digits)."""
    tokens = [t for t in _TOKEN.split(text or "") if t]
    bad = [t for t in tokens if not t.isdigit() or len(t) not in (6, 9, 12, 15)]
    if bad:
        raise StoreError(tr("not a grid code or prefix: {values} (give 15-digit grid codes, or 12-digit communities, "
                            "9-digit streets, 6-digit districts)").format(values=", ".join(bad)))
    return list(dict.fromkeys(tokens))


def select_grids(conn, tokens: list[str]) -> list[tuple[str, str | None, str, bytes]]:
    """Active coded grids matching *tokens*: (code, name, community 12 digits, WKB). Every token
    must match at least one grid."""
    if not tokens:
        raise StoreError(tr("no unit grids chosen: give grid codes or pick grids on the grid layer"))
    with conn.cursor() as cur:
        cur.execute("""
            SELECT DISTINCT g.code, g.name, g.district_code || g.street_code || g.community_code,
                   ST_AsBinary(g.geom, 'NDR')
              FROM citygrid.grid g JOIN unnest(%s::text[]) t(p) ON g.code LIKE t.p || '%%'
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL ORDER BY g.code""", (tokens,))
        rows = [(r[0], r[1], r[2], bytes(r[3])) for r in cur.fetchall()]
    conn.rollback()
    missing = [t for t in tokens if not any(code.startswith(t) for code, *_ in rows)]
    if missing:
        raise StoreError(tr("no active unit grid matches {values} in the store").format(values=", ".join(missing)))
    return rows


# -- export ------------------------------------------------------------------------------------
@dataclass
class ExportReport:
    path: Path
    package_id: str
    srid: int
    grids: list[str]
    counts: dict[str, int] = field(default_factory=dict)   # per geometry kind

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def export_package(conn, tokens: list[str], path: Path, store_label: str, srid: int) -> ExportReport:
    """Write the GeoPackage of the grids matching *tokens* (see :func:`select_grids`)."""
    path = Path(path)
    if path.exists():
        raise StoreError(tr("{path} already exists; a package may hold unsynced field work, so it is never "
                            "overwritten: choose another name or folder").format(path=path))
    grids = select_grids(conn, tokens)
    codes = [g[0] for g in grids]
    with conn.cursor() as cur:
        cur.execute(_select(cur) + " WHERE c.retired_at IS NULL AND c.grid_code = ANY(%s) ORDER BY c.code",
                    (codes,))
        rows = [_remote_row(r) for r in cur.fetchall()]
        cur.execute("SELECT current_user")
        db_user = cur.fetchone()[0]
        cur.execute("SELECT DISTINCT profile FROM citygrid.district WHERE code = ANY(%s)",
                    (sorted({c[:6] for c in codes}),))
        profiles = [r[0] for r in cur.fetchall()]
        lookups = {}
        for table, (query, columns) in LOOKUP_TABLES.items():
            cur.execute(query, {"profiles": profiles})
            lookups[table] = (columns, cur.fetchall())
    conn.rollback()
    report = ExportReport(path, str(uuidlib.uuid4()), srid, codes, {k: 0 for k in LAYERS})
    ds = None
    try:
        ds, ogr = _create_gpkg(path)
        srs = _srs(srid)
        layers = {kind: _create_component_layer(ds, name, kind, srs) for kind, name in LAYERS.items()}
        ds.StartTransaction()
        for row in rows:
            if row.kind not in layers:
                raise StoreError(tr("component {code} has an unexpected geometry type").format(
                    code=row.values.get("code")))
            _write_feature(layers[row.kind], None, row.values)
            report.counts[row.kind] += 1
        grid_layer = ds.CreateLayer(GRIDS_LAYER, srs, ogr.wkbPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
        for name in ("code", "name", "community"):
            grid_layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for code, name, community, wkb in grids:
            feature = ogr.Feature(grid_layer.GetLayerDefn())
            feature.SetField("code", code)
            if name:
                feature.SetField("name", name)
            feature.SetField("community", community)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            grid_layer.CreateFeature(feature)
        for table, (columns, records) in lookups.items():
            lookup = ds.CreateLayer(table, None, ogr.wkbNone, ["FID=fid"])
            for column in columns:
                lookup.CreateField(ogr.FieldDefn(column, ogr.OFTString))
            for record in records:
                feature = ogr.Feature(lookup.GetLayerDefn())
                for column, value in zip(columns, record):
                    if value is not None:
                        feature.SetField(column, str(value))
                lookup.CreateFeature(feature)
        _create_tables(ds)
        _write_base(ds, {row.uid: (row.values["version"], row.hash) for row in rows})
        meta = ds.GetLayerByName(PACKAGE_TABLE)
        feature = ogr.Feature(meta.GetLayerDefn())
        now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        for key, value in (("package_id", report.package_id), ("format", FORMAT), ("exported_at", now),
                           ("exported_by", f"{getpass.getuser()} ({db_user})"), ("store", store_label),
                           ("grids", ",".join(codes)), ("srid", srid)):
            feature.SetField(key, value)
        meta.CreateFeature(feature)
        ds.CommitTransaction()
        ds = None  # closing writes the last pages: a full disk can still fail here, silently
        _check_written(path, report)
    except BaseException as exc:
        ds = None
        message = write_failure(path, exc) if isinstance(exc, RuntimeError | OSError) else None
        remove_package_files(path)
        if message:
            raise StoreError(message) from exc
        raise
    return report


def write_failure(path: Path, exc: BaseException) -> str:
    """The message for a package file that could not be written (a full or write-protected disk)."""
    error = str(exc).strip() or _gdal_error() or type(exc).__name__
    return tr("cannot write the package {path} ({error}; {free}): is the disk full or write-protected? Nothing "
              "was kept, no half-written package is left behind").format(path=path, error=error, free=_free_kb(path))


def _free_kb(path: Path) -> str:
    """'N KB free on that disk' for the folder of *path* (what a full-disk message needs)."""
    try:
        free = str(shutil.disk_usage(Path(path).parent).free // 1024)
    except OSError:
        free = "?"
    return tr("{free} KB free on that disk").format(free=free)


def remove_package_files(path: Path) -> None:
    """Remove a GeoPackage and the SQLite files beside it (journal, WAL, shared memory)."""
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        candidate.unlink(missing_ok=True)


def _check_written(path: Path, report: ExportReport) -> None:
    """Read the package back: GDAL reports a failed final write (e.g. a full disk) only as a
    warning when the file is closed, so a package is trusted only once it reads back whole."""
    try:
        package = read_package(path)
    except StoreError as exc:
        raise RuntimeError(str(exc)) from exc
    if len(package.base) != report.total or len(package.local) != report.total:
        raise RuntimeError(tr("the package reads back with {found} of {total} components").format(
            found=len(package.local), total=report.total))


def _ogr():
    ogr.UseExceptions()
    return ogr


def _gdal_error() -> str:
    """GDAL's last error message (some GDAL errors raise RuntimeError without one)."""
    return gdal.GetLastErrorMsg().strip()


def _srs(srid: int):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(srid))
    return srs


def _create_gpkg(path: Path):
    ogr = _ogr()
    path.parent.mkdir(parents=True, exist_ok=True)
    return ogr.GetDriverByName("GPKG").CreateDataSource(str(path)), ogr


def _create_component_layer(ds, name: str, kind: str, srs):
    ogr = _ogr()
    geom_type = {"point": ogr.wkbPoint, "line": ogr.wkbLineString, "polygon": ogr.wkbPolygon}[kind]
    layer = ds.CreateLayer(name, srs, geom_type, ["FID=fid", "GEOMETRY_NAME=geom"])
    types = {"text": ogr.OFTString, "int": ogr.OFTInteger, "date": ogr.OFTDate}
    for column, column_kind in COLUMNS:
        defn = ogr.FieldDefn(column, types[column_kind])
        if column == "uid":
            defn.SetUnique(True)
        layer.CreateField(defn)
    return layer


def _create_tables(ds) -> None:
    ogr = _ogr()
    base = ds.CreateLayer(BASE_TABLE, None, ogr.wkbNone, ["FID=fid"])
    base.CreateField(ogr.FieldDefn("uid", ogr.OFTString))
    base.CreateField(ogr.FieldDefn("version", ogr.OFTInteger))
    base.CreateField(ogr.FieldDefn("row_hash", ogr.OFTString))
    meta = ds.CreateLayer(PACKAGE_TABLE, None, ogr.wkbNone, ["FID=fid"])
    for name, kind in (("package_id", ogr.OFTString), ("format", ogr.OFTInteger), ("exported_at", ogr.OFTString),
                       ("exported_by", ogr.OFTString), ("store", ogr.OFTString), ("grids", ogr.OFTString),
                       ("srid", ogr.OFTInteger), ("synced_at", ogr.OFTString)):
        meta.CreateField(ogr.FieldDefn(name, kind))
    conflicts = ds.CreateLayer(CONFLICTS_TABLE, None, ogr.wkbNone, ["FID=fid"])
    for name, kind in CONFLICT_FIELDS:
        conflicts.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if kind == "int" else ogr.OFTString))


CONFLICT_FIELDS = [("uid", "text"), ("code", "text"), ("layer", "text"), ("feature_id", "int"),
                   ("local_change", "text"), ("remote_change", "text"), ("remote_version", "int"),
                   ("differences", "text"), ("detail", "text"), ("detected_at", "text"), ("resolution", "text")]


def _write_base(ds, base: dict[str, tuple[int, str]]) -> None:
    ogr = _ogr()
    layer = ds.GetLayerByName(BASE_TABLE)
    for feature in list(layer):
        layer.DeleteFeature(feature.GetFID())
    for uid, (version, row_hash) in sorted(base.items()):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("uid", uid)
        feature.SetField("version", int(version))
        feature.SetField("row_hash", row_hash)
        layer.CreateFeature(feature)


def _write_feature(layer, feature, values: dict[str, Any]) -> None:
    """Create (feature None) or rewrite a package feature from store values."""
    ogr = _ogr()
    create = feature is None
    if create:
        feature = ogr.Feature(layer.GetLayerDefn())
    for column, kind in COLUMNS:
        value = values.get(column)
        if value is None:
            feature.SetFieldNull(column)
        elif kind == "date":
            feature.SetField(column, sync.normalise(value)[:10])
        elif kind == "int":
            feature.SetField(column, int(value))
        else:
            feature.SetField(column, str(value))
    feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(values["geom"])))
    if create:
        layer.CreateFeature(feature)
    else:
        layer.SetFeature(feature)


# -- reading a package -------------------------------------------------------------------------
@dataclass
class Package:
    path: Path
    meta: dict[str, Any]
    base: dict[str, tuple[int, str]]
    local: dict[str, Row]
    resolutions: dict[str, tuple[str, int | None]]
    new_uids: set[str] = field(default_factory=set)   # features without a uid, given one by this sync

    @property
    def grids(self) -> list[str]:
        return [g for g in (self.meta.get("grids") or "").split(",") if g]

    @property
    def srid(self) -> int:
        return int(self.meta.get("srid") or 0)


def _field_value(feature, index: int, kind: str):
    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind == "int":
        return feature.GetFieldAsInteger64(index)
    if kind == "date":
        y, m, d = feature.GetFieldAsDateTime(index)[:3]
        return datetime.date(y, m, d).isoformat()
    return feature.GetFieldAsString(index)


def read_package(path: Path) -> Package:
    """The package's metadata, base snapshot, local rows and conflict resolutions. Problems a
    sync cannot start with (no geometry, a malformed or duplicated uid) are all listed at once."""
    ogr = _ogr()
    path = Path(path)
    if not path.exists():
        raise StoreError(tr("{path} does not exist").format(path=path))
    try:
        ds = ogr.Open(str(path), 0)
    except RuntimeError as exc:
        raise StoreError(tr("{path} is not a GeoPackage: {error}").format(path=path, error=exc)) from exc
    names = {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
    if not {PACKAGE_TABLE, BASE_TABLE, *LAYERS.values()} <= names:
        raise StoreError(tr("{path} is not a CityGrid field-work package (tables {tables} are missing)").format(
            path=path, tables=", ".join(sorted({PACKAGE_TABLE, BASE_TABLE, *LAYERS.values()} - names))))
    meta_layer = ds.GetLayerByName(PACKAGE_TABLE)
    meta_layer.ResetReading()
    first = meta_layer.GetNextFeature()
    meta = {} if first is None else {first.GetFieldDefnRef(i).GetName(): first.GetField(i)
                                     for i in range(first.GetFieldCount())}
    base = {}
    for feature in ds.GetLayerByName(BASE_TABLE):
        base[normalise_uid(feature.GetField("uid"))] = (feature.GetField("version"), feature.GetField("row_hash"))
    resolutions = {}
    if CONFLICTS_TABLE in names:
        for feature in ds.GetLayerByName(CONFLICTS_TABLE):
            choice = (feature.GetField("resolution") or "").strip().lower()
            if choice in ("local", "remote"):
                version = feature.GetField("remote_version") if feature.IsFieldSetAndNotNull("remote_version") \
                    else None
                resolutions[normalise_uid(feature.GetField("uid"))] = (choice, version)
    package = Package(path, meta, base, {}, resolutions)
    problems = []
    seen: dict[str, str] = {}
    for kind, name in LAYERS.items():
        layer = ds.GetLayerByName(name)
        defn = layer.GetLayerDefn()
        index = {column: defn.GetFieldIndex(column) for column in COLUMN_NAMES}
        absent = [c for c, i in index.items() if i < 0]
        if absent:
            problems.append(tr("{layer}: columns {columns} are missing").format(layer=name, columns=", ".join(absent)))
            continue
        for feature in layer:
            values = {column: _field_value(feature, index[column], k) for column, k in COLUMNS}
            uid = normalise_uid(values["uid"])
            fid = feature.GetFID()
            if not uid:
                uid = str(uuidlib.uuid4())
                package.new_uids.add(uid)
            else:
                try:
                    uid = str(uuidlib.UUID(uid))
                except ValueError:
                    problems.append(tr("{layer} feature {fid}: uid '{uid}' is not a UUID; clear it and a new one is "
                                       "given").format(layer=name, fid=fid, uid=values["uid"]))
                    continue
            values["uid"] = uid
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                problems.append(tr("{layer} feature {fid} (uid {uid}): no geometry").format(
                    layer=name, fid=fid, uid=uid))
                continue
            values["geom"] = bytes(geom.ExportToIsoWkb(ogr.wkbNDR))
            where = f"{name} fid {fid}"
            if uid in seen:
                problems.append(tr("{first} and {second} share uid {uid} (a copied feature?); clear the uid of the "
                                   "copy and a new one is given").format(first=seen[uid], second=where, uid=uid))
                continue
            seen[uid] = where
            package.local[uid] = Row(uid, values, kind, False, name, fid)
    ds = None
    if problems:
        raise StoreError("\n".join(problems))
    return package


# -- sync --------------------------------------------------------------------------------------
@dataclass
class SyncReport:
    changes: sync.ChangeSet
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)        # uid -> code issued for inserted rows

    def count(self, *actions: str) -> int:
        return len(self.changes.by_action(*actions))

    @property
    def inserted(self) -> int:
        return self.count(sync.INSERT)

    @property
    def updated(self) -> int:
        return self.count(sync.UPDATE)

    @property
    def retired(self) -> int:
        return self.count(sync.RETIRE)

    @property
    def refreshed(self) -> int:
        return self.count(sync.REFRESH, sync.ADD, sync.REMOVE)

    @property
    def already_synced(self) -> int:
        return self.count(sync.SAME)

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.retired + self.refreshed


def _fetch_remote(cur, uids: list[str], grids: list[str], lock: bool) -> dict[str, Row]:
    cur.execute(_select(cur) + " WHERE c.uid = ANY(%s::uuid[]) OR (c.retired_at IS NULL AND c.grid_code = ANY(%s))"
                + (" FOR UPDATE" if lock else ""), (uids, grids))
    return {row.uid: row for row in (_remote_row(r) for r in cur.fetchall())}


def _db_message(exc) -> str:
    """The server's message and hint; store faults (read-only, a lost connection) as
    :func:`~citygrid_plugin.store.db.describe_error` words them."""
    if store_fault(exc):
        return describe_error(exc)
    primary = primary_message(exc)
    hint = getattr(getattr(exc, "diag", None), "message_hint", None)
    return f"{primary} ({hint})" if hint else primary


def sync_package(conn, path: Path, srid: int) -> SyncReport:
    """Three-way sync of the package at *path* with the store: see the module docstring."""
    package = read_package(path)
    if package.new_uids:
        # Features recorded without a uid get theirs in the package first: should the sync be
        # interrupted after the store commits, the next sync must find them by that uid.
        _assign_uids(package)
    if package.srid and package.srid != srid:
        raise StoreError(tr("the package is in EPSG:{package} but the store in EPSG:{store}: it comes from another "
                            "store").format(package=package.srid, store=srid))
    local = package.local
    uids = sorted(set(package.base) | set(local))
    failure = tr("sync failed, nothing was written to the store and the package is unchanged: {error}")
    with transaction(conn, failure) as cur:
        remote_all = _fetch_remote(cur, uids, package.grids, lock=True)
        if package.base and not any(uid in remote_all for uid in package.base):
            raise StoreError(tr("none of the package's components is in this store: the package was exported from "
                                "{store}").format(store=package.meta.get("store") or "?"))
        remote = {uid: row for uid, row in remote_all.items() if not row.retired}
        retired = {uid for uid, row in remote_all.items() if row.retired}
        changes = sync.diff(
            package.base,
            {uid: row.state(None) for uid, row in local.items()},
            {uid: row.state(row.values["version"]) for uid, row in remote.items()},
            retired=retired, defaulted=DEFAULTED, resolutions=package.resolutions)
        report = SyncReport(changes)
        for change in changes.by_action(sync.INSERT, sync.UPDATE, sync.RETIRE):
            row = local.get(change.uid)
            who = row.label() if row is not None else tr("component {code} (uid {uid}), deleted in the package").format(
                code=remote[change.uid].values.get("code"), uid=change.uid)
            try:
                _store_write(cur, change, row, srid)
            except psycopg2.Error as exc:
                raise StoreError(failure.format(error=f"{who}: {_db_message(exc)}")) from exc
            except StoreError as exc:
                raise StoreError(failure.format(error=f"{who}: {exc}")) from exc
        touched = [c.uid for c in changes.changes if c.action in (sync.INSERT, sync.UPDATE, sync.RETIRE)]
        after = dict(remote)
        if touched:
            after.update(_fetch_remote(cur, touched, [], lock=False))
    for change in changes.by_action(sync.INSERT):
        report.codes[change.uid] = after[change.uid].values.get("code")
    report.conflicts = [_conflict_record(c, local.get(c.uid), remote.get(c.uid)) for c in changes.conflicts]
    try:
        _update_package(package, changes, after, report.conflicts)
    except (RuntimeError, OSError) as exc:
        raise StoreError(tr("the store was updated, but the package could not be ({error}); run the sync again: "
                            "it recognises what is already in the store").format(
            error=f"{str(exc).strip() or _gdal_error()}; {_free_kb(package.path)}")) from exc
    return report


def _assign_uids(package: Package) -> None:
    ogr = _ogr()
    ds = ogr.Open(str(package.path), 1)
    try:
        ds.StartTransaction()
        for uid in sorted(package.new_uids):
            row = package.local[uid]
            layer = ds.GetLayerByName(row.layer)
            feature = layer.GetFeature(row.fid)
            feature.SetField("uid", uid)
            layer.SetFeature(feature)
        ds.CommitTransaction()
    finally:
        ds = None
    package.new_uids.clear()


def _store_write(cur, change: sync.Change, row: Row | None, srid: int) -> None:
    if change.action == sync.RETIRE:
        cur.execute("DELETE FROM citygrid.component WHERE uid = %s AND version = %s", (change.uid,
                                                                                      change.expected_version))
        cur.execute("SELECT retired_at IS NOT NULL FROM citygrid.component WHERE uid = %s", (change.uid,))
        done = cur.fetchone()
        if not done or not done[0]:
            raise StoreError(tr("the component changed in the store during the sync; run the sync again"))
        return
    if row is None:  # only a retirement comes without the package's row
        raise StoreError(tr("the component changed in the store during the sync; run the sync again"))
    content = row.content
    if change.action == sync.INSERT:
        columns = [c for c in EDITABLE if content[c] is not None]
        cur.execute(
            "INSERT INTO citygrid.component (uid, " + ", ".join(columns) + ", geom) VALUES (%s, "  # nosec B608
            + ", ".join(["%s"] * len(columns)) + ", ST_GeomFromWKB(%s, %s))",
            [change.uid, *[content[c] for c in columns], row.values["geom"], srid])
        return
    sets = [f"{c} = COALESCE(%s, {c})" if c in DEFAULTED else f"{c} = %s" for c in EDITABLE]
    cur.execute(
        "UPDATE citygrid.component SET " + ", ".join(sets) + ", geom = ST_GeomFromWKB(%s, %s)"  # nosec B608
        " WHERE uid = %s AND version = %s AND retired_at IS NULL",
        [*[content[c] for c in EDITABLE], row.values["geom"], srid, change.uid, change.expected_version])
    if cur.rowcount != 1:
        raise StoreError(tr("the component changed in the store during the sync; run the sync again"))


def _differences(local: Row | None, remote: Row | None) -> str:
    if local is None:
        return tr("deleted in the package")
    if remote is None:
        return tr("retired in the store")
    a, b = local.content, remote.content
    parts = []
    for key in [*EDITABLE, "geom"]:
        if a.get(key) == b.get(key):
            continue
        if key == "geom":
            parts.append(tr("geometry differs"))
        else:
            parts.append(tr("{field}: package {local}, store {remote}").format(
                field=key, local=json.dumps(a.get(key), ensure_ascii=False),
                remote=json.dumps(b.get(key), ensure_ascii=False)))
    return "; ".join(parts)


def _conflict_record(change: sync.Change, local: Row | None, remote: Row | None) -> dict[str, Any]:
    code = (remote or local).values.get("code") if (remote or local) else None
    return {"uid": change.uid, "code": code, "layer": local.layer if local else None,
            "feature_id": local.fid if local else None, "local_change": change.local, "remote_change": change.remote,
            "remote_version": remote.values.get("version") if remote else None,
            "differences": _differences(local, remote), "detail": change.detail or None}


def _update_package(package: Package, changes: sync.ChangeSet, after: dict[str, Row],
                    conflicts: list[dict[str, Any]]) -> None:
    """Bring the package to the synced state in one GeoPackage transaction."""
    ogr = _ogr()
    ds = ogr.Open(str(package.path), 1)
    try:
        ds.StartTransaction()
        layers = {kind: ds.GetLayerByName(name) for kind, name in LAYERS.items()}
        base = dict(package.base)
        for change in changes.changes:
            uid, action = change.uid, change.action
            local = package.local.get(uid)
            if action in (sync.INSERT, sync.UPDATE, sync.SAME, sync.REFRESH, sync.ADD):
                remote = after[uid]
                if local is not None and local.kind == remote.kind:
                    layer = layers[local.kind]
                    _write_feature(layer, layer.GetFeature(local.fid), remote.values)
                else:
                    if local is not None:
                        layers[local.kind].DeleteFeature(local.fid)
                    _write_feature(layers[remote.kind], None, remote.values)
                base[uid] = (remote.values["version"], remote.hash)
            elif action in (sync.RETIRE, sync.REMOVE, sync.FORGET):
                if action == sync.REMOVE and local is not None:
                    layers[local.kind].DeleteFeature(local.fid)
                base.pop(uid, None)
        _write_base(ds, base)
        table = ds.GetLayerByName(CONFLICTS_TABLE)
        if table is None:
            table = ds.CreateLayer(CONFLICTS_TABLE, None, ogr.wkbNone, ["FID=fid"])
            for name, kind in CONFLICT_FIELDS:
                table.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if kind == "int" else ogr.OFTString))
        for feature in list(table):
            table.DeleteFeature(feature.GetFID())
        now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        for record in conflicts:
            feature = ogr.Feature(table.GetLayerDefn())
            for key, value in {**record, "detected_at": now}.items():
                if value is not None:
                    feature.SetField(key, value)
            table.CreateFeature(feature)
        meta = ds.GetLayerByName(PACKAGE_TABLE)
        meta.ResetReading()
        first = meta.GetNextFeature()
        if first is not None:
            first.SetField("synced_at", now)
            meta.SetFeature(first)
        ds.CommitTransaction()
    except BaseException:
        try:
            ds.RollbackTransaction()
        except RuntimeError:
            pass
        raise
    finally:
        ds = None
