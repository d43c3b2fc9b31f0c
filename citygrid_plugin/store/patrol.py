"""The supervisor's patrol (巡查) in the store: his responsibility grids and open tasks (what a patrol
package carries out), the package's registration, and — below — the sync that brings the
handheld's reports, verdicts and tracks back (citygrid:patrolsync).

The rules are the store's (migration 016): a verify or check task is the supervisor's whose grid
the case lies in (``work_case.assignee``), he alone acts on it; a track is stored only by its
package's supervisor, with its time checked; a report's uid is its external id, so a re-sync adds
nothing. The package's layout is :mod:`citygrid_plugin.core.patrolformat`.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import struct
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg2
from osgeo import ogr, osr

from ..core.casefilter import centre_today
from ..core.exif import image_type
from ..core.i18n import tr
from ..core.patrol import CST, TrackIssue, beijing, clean_track, piece_id, stored_until, unsent
from ..core.patrolformat import (
    FORMAT,
    GPKG,
    PACKAGE_FIELDS,
    PACKAGE_TABLE,
    PHOTO_FIELDS,
    PHOTOS,
    REPORT_FIELDS,
    REPORTS,
    SYNCED_FIELDS,
    SYNCED_TABLE,
    TASK_FIELDS,
    TASKS,
    TASKS_BY_STATE,
    TRACK_FIELDS,
    TRACKS,
    VERDICT_ZH,
    VERDICTS,
)
from ..core.workflow import action_label, state_label
from .cases import CaseConflict, act, report_case
from .db import StoreError, describe_error, reading, rollback
from .migrate import store_srid
from .photos import Photo, PhotoError, add_photo, photo_content, read_photo


class PatrolError(StoreError):
    """A patrol package or sync the store refused or that cannot be carried out; says why."""


def store_id(conn) -> str:
    """The store's identity (a package remembers it, so a sync against another store is refused)."""
    with reading(conn) as cur:
        cur.execute("SELECT value FROM citygrid.store_setting WHERE key = 'store_id'")
        row = cur.fetchone()
    return row[0] if row else ""


def responsibility(conn, login: str, day: dt.date | None = None) -> list[str]:
    """The grid codes *login* answers for on *day* (today by default)."""
    with reading(conn) as cur:
        cur.execute("""SELECT grid_code FROM citygrid.supervisor_grid
                        WHERE login = %(l)s AND valid_from <= %(d)s AND (valid_to IS NULL OR valid_to >= %(d)s)
                        ORDER BY 1""", {"l": login, "d": day or centre_today()})
        return [r[0] for r in cur.fetchall()]


def supervisors(conn) -> list[tuple[str, str]]:
    """(login, display name) of every staff login holding the supervisor role."""
    with reading(conn) as cur:
        cur.execute("""SELECT s.login, s.name FROM citygrid.staff s
                        WHERE citygrid.user_acts_as(s.login, 'supervisor') ORDER BY s.login""")
        return cur.fetchall()


def tasks(conn, login: str) -> list[dict]:
    """The open verify (核实) and check (核查) tasks of *login*: the cases waiting for a supervisor
    whose assignee he is — or that nobody was assigned (reported before he had the grid, or with no
    one responsible then) and lie in his grids today — oldest deadline first: case_id, case_no, task, kind, class_code,
    class_name, description, address, deadline, version, x, y, photo_id (the first report photo)."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT c.id, c.case_no, c.state, c.kind, c.class_code,
                   COALESCE(e.name, k.name) AS class_name, c.description, c.address, c.stage_deadline, c.version,
                   ST_X(c.geom), ST_Y(c.geom),
                   (SELECT p.id FROM citygrid.case_photo p WHERE p.case_id = c.id AND p.stage = 'report'
                     ORDER BY p.id LIMIT 1) AS photo_id
              FROM citygrid.work_case c
              LEFT JOIN citygrid.event_class e ON c.kind = 'event' AND e.profile = c.profile AND e.code = c.class_code
              LEFT JOIN citygrid.component_class k ON c.kind = 'component' AND k.profile = c.profile
                                                  AND k.code = c.class_code
             WHERE c.state IN ('to_verify', 'handled')
               AND (c.assignee = %(l)s
                    OR (c.assignee IS NULL AND c.grid_code IN (
                        SELECT s.grid_code FROM citygrid.supervisor_grid s
                         WHERE s.login = %(l)s AND s.valid_from <= current_date
                           AND (s.valid_to IS NULL OR s.valid_to >= current_date))))
             ORDER BY c.stage_deadline NULLS LAST, c.id""", {"l": login})
        rows = cur.fetchall()
    keys = ("case_id", "case_no", "state", "kind", "class_code", "class_name", "description", "address", "deadline",
            "version", "x", "y", "photo_id")
    out = []
    for r in rows:
        d = dict(zip(keys, r))
        d["task"] = TASKS_BY_STATE[d.pop("state")]
        out.append(d)
    return out


def register_package(conn, package_id: str, login: str, grids: list[str]) -> str:
    """Record the package built for *login* and return the store's id it must carry. The store
    decides who may: administrators and shift leaders for anyone, a supervisor for himself."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT citygrid.patrol_package_register(%s::uuid, %s, %s)", (package_id, login, list(grids)))
            sid = cur.fetchone()[0]
        conn.commit()
    except psycopg2.Error as exc:
        rollback(conn)
        raise PatrolError(tr("the patrol package for {login} was not registered: {error}").format(
            login=login, error=describe_error(exc, conn))) from exc
    return sid


# == the sync (citygrid:patrolsync) =====================================================================
# What the handheld brought back becomes the store's, item by item, each in its own transaction
# (one refusal never costs the others): new reports become cases (source 监督员上报, the report's
# uid as the external id, so filing twice returns the same case), verdicts on tasks become the
# supervisor's workflow actions (the verdict's uid in the audit as field_id, so a verdict is
# taken once), tracks are cleaned (core.patrol) and stored in parts (each part once). The package
# is written only after the store committed: its _citygrid_synced table, the conflicts and the
# refreshed task layer. A sync interrupted in between is healed by the next one, which finds every
# item already in the store (the case by its external id, the verdict by its field id, the track
# part by its id) and records it. Who: the sync acts as the package's supervisor, so the audit
# shows him; a connection logged in as someone else is refused, except a PostgreSQL superuser
# (the store owner: the demo, a desk that syncs for the supervisors), for whom the sync switches
# to the supervisor's login (SET SESSION AUTHORIZATION) and back.
SOURCE = "监督员上报"
CONFLICTS_TABLE = "_citygrid_conflicts"
CONFLICT_FIELDS = [("uid", "String"), ("case_id", "Integer64"), ("case_no", "String"), ("task", "String"),
                   ("verdict", "String"), ("note", "String"), ("photo", "String"), ("done_at", "DateTime"),
                   ("detected_at", "DateTime"), ("detail", "String")]
_TASK_STATE = {task: state for state, task in TASKS_BY_STATE.items()}
_KINDS = {"event": "event", "component": "component", "事件": "event", "部件": "component"}
_VALUE_MAP_NULL = "{2839923c-8b7d-419e-b84b-ca2fe9b80ec7}"   # what a value map may store for NULL
_PHOTO_ACTIONS = ("verify", "check_ok", "rework")     # actions that need their photo (the store checks it)
UTC = dt.UTC


@dataclass(frozen=True)
class Problem:
    """Something of the package that did not reach the store (or reached it without a part):
    *what* is report, verdict, track or package, *uid* the item's id; the item stays in the
    package, so a later sync takes it when the cause is fixed."""

    what: str
    uid: str
    message: str

    def text(self) -> str:
        label = {"report": tr("patrol report"), "verdict": tr("task verdict"),
                 "track": tr("patrol track")}.get(self.what, "")
        return f"{label} {self.uid}: {self.message}" if label else self.message


@dataclass(frozen=True)
class Conflict:
    """A verdict on a case that moved on since the package was built: not applied, kept in the
    package's table _citygrid_conflicts; *detail* says who did what when."""

    uid: str
    case_id: int
    case_no: str
    task: str
    verdict: str
    detail: str

    def text(self) -> str:
        return tr("case {case} ({verdict}): not applied, the case moved on: {detail}").format(
            case=self.case_no, verdict=VERDICT_ZH.get(self.verdict, self.verdict), detail=self.detail)


@dataclass
class PackageReport:
    """A report feature of the package (layer reports)."""

    fid: int
    uid: str
    values: dict[str, Any]
    x: float | None
    y: float | None


@dataclass
class PackageTask:
    """A task feature of the package (layer tasks): the task as packed and what he recorded."""

    fid: int
    uid: str
    values: dict[str, Any]

    @property
    def verdict(self) -> str:
        """The verdict recorded ('' none; QGIS's value-map key for NULL counts as none)."""
        text = str(self.values.get("verdict") or "").strip().lower()
        return "" if text == _VALUE_MAP_NULL else text

    @property
    def key(self) -> tuple[int | None, str]:
        case_id = self.values.get("case_id")
        return (int(case_id) if case_id is not None else None, str(self.values.get("task") or ""))


@dataclass
class PackageTrack:
    """A track feature of the package (layer tracks): points (x, y, M) as recorded."""

    fid: int
    uid: str
    author: str | None
    points: list[tuple[float, float, float | None]]
    has_m: bool


@dataclass
class Package:
    """A patrol package as the sync reads it (:func:`read_package`)."""

    folder: Path
    meta: dict[str, Any]
    srid: int | None
    reports: list[PackageReport] = field(default_factory=list)
    tasks: list[PackageTask] = field(default_factory=list)
    tracks: list[PackageTrack] = field(default_factory=list)
    synced: dict[str, tuple[str, str]] = field(default_factory=dict)    # uid -> (what, result)
    conflicts: set[str] = field(default_factory=set)                     # uids in _citygrid_conflicts
    problems: list[Problem] = field(default_factory=list)
    new_uids: list[tuple[str, int, str]] = field(default_factory=list)  # (layer, fid, uid) to write first

    @property
    def gpkg(self) -> Path:
        return self.folder / GPKG

    @property
    def package_id(self) -> str:
        return str(self.meta.get("package_id") or "").strip()

    @property
    def store_id(self) -> str:
        return str(self.meta.get("store_id") or "").strip()

    @property
    def login(self) -> str:
        return str(self.meta.get("login") or "").strip()

    @property
    def grids(self) -> list[str]:
        return [g.strip() for g in str(self.meta.get("grids") or "").split(",") if g.strip()]

    @property
    def verdicts(self) -> list[PackageTask]:
        """The tasks he recorded a verdict on."""
        return [t for t in self.tasks if t.verdict]


@dataclass
class SyncReport:
    """What a sync did, for the log and the algorithm's outputs."""

    folder: Path
    package_id: str = ""
    login: str = ""
    reports_filed: int = 0
    reports_known: int = 0          # found in the store already (an interrupted sync, an older copy)
    photos_added: int = 0
    verdicts_applied: int = 0
    verdicts_skipped: int = 0       # found in the audit already (taken by an earlier sync)
    tracks_stored: int = 0          # track parts stored
    tracks_known: int = 0           # track parts the store held already
    cases: dict[str, str] = field(default_factory=dict)                # report uid -> case number (new)
    applied: dict[str, str] = field(default_factory=dict)              # verdict uid -> case number
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    track_issues: list[tuple[str, TrackIssue]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tasks_added: int = 0
    tasks_removed: int = 0
    tasks_kept: int = 0             # task rows with a verdict not taken yet, left as they are
    switched: bool = False          # the sync switched a superuser connection to the supervisor

    @property
    def points_dropped(self) -> int:
        return sum(1 for _uid, i in self.track_issues if i.action == "dropped")

    def summary(self) -> str:
        return tr("{filed} reports filed ({known} already in the store), {applied} verdicts taken ({skipped} taken "
                  "before), {conflicts} conflicts, {tracks} track parts stored, {problems} problems").format(
            filed=self.reports_filed, known=self.reports_known, applied=self.verdicts_applied,
            skipped=self.verdicts_skipped, conflicts=len(self.conflicts), tracks=self.tracks_stored,
            problems=len(self.problems))

    def lines(self) -> list[str]:
        """The log, a line per thing that happened, in the user's language."""
        out = [tr("patrol package {folder} of {login}:").format(folder=self.folder, login=self.login or "?")]
        out += [tr("new case {case} from report {uid}").format(case=no, uid=uid) for uid, no in self.cases.items()]
        out += [tr("verdict {uid} taken on case {case}").format(uid=uid, case=no) for uid, no in self.applied.items()]
        out += [tr("conflict: {text}").format(text=c.text()) for c in self.conflicts]
        out += [tr("problem: {text}").format(text=p.text()) for p in self.problems]
        out += [tr("track {uid}: {text}").format(uid=uid, text=i.message()) for uid, i in self.track_issues]
        out += self.notes
        out.append(tr("task layer: {added} tasks added, {removed} removed, {kept} with a verdict kept for the next "
                      "sync").format(added=self.tasks_added, removed=self.tasks_removed, kept=self.tasks_kept))
        out.append(self.summary())
        return out


# -- reading the package (OGR) ------------------------------------------------------------------------------
def _ogr():
    ogr.UseExceptions()
    return ogr


def _uid(value: Any) -> str:
    """A uid as lowercase text without braces (QGIS's uuid() adds braces); '' if empty."""
    return ("" if value is None else str(value)).strip().strip("{}").strip().lower()


def _datetime(feature, index: int) -> dt.datetime | None:
    """A DateTime field as an aware datetime. GeoPackage keeps UTC ('Z') or an offset; a time
    without either is the handheld's local time, taken as Beijing time."""
    if index < 0 or not feature.IsFieldSetAndNotNull(index):
        return None
    y, mo, d, h, mi, s, flag = feature.GetFieldAsDateTime(index)
    if not y:
        return None
    if flag >= 100:
        tz = dt.timezone(dt.timedelta(minutes=(flag - 100) * 15))
    else:
        tz = CST
    whole = int(s)
    return dt.datetime(y, mo, d, h, mi, whole, int(round((s - whole) * 1e6)) % 1000000, tzinfo=tz)


def _values(feature, fields: list[tuple[str, str]]) -> dict[str, Any]:
    defn = feature.GetDefnRef()
    out: dict[str, Any] = {}
    for name, kind in fields:
        i = defn.GetFieldIndex(name)
        if i < 0 or not feature.IsFieldSetAndNotNull(i):
            out[name] = None
        elif kind == "DateTime":
            out[name] = _datetime(feature, i)
        elif kind in ("Integer", "Integer64"):
            out[name] = feature.GetFieldAsInteger64(i)
        elif kind == "Real":
            out[name] = feature.GetFieldAsDouble(i)
        else:
            out[name] = feature.GetFieldAsString(i)
    return out


def _layer_srid(layer) -> int | None:
    srs = layer.GetSpatialRef()
    if srs is None:
        return None
    try:
        srs.AutoIdentifyEPSG()
    except RuntimeError:
        pass
    code = srs.GetAuthorityCode(None)
    return int(code) if code and code.isdigit() else None


def read_package(folder: Path) -> Package:
    """Read the patrol package in *folder* (see core.patrolformat): its identity, the reports,
    the tasks (with his verdicts), the tracks with their M values and what earlier syncs carried
    (_citygrid_synced). Refuses a folder that is not a patrol package; a feature the sync cannot
    use (no position, a uid shared by two features) becomes a problem of the package, the rest
    is read."""
    ogr_ = _ogr()
    folder = Path(folder)
    gpkg = folder / GPKG
    if not gpkg.exists():
        raise PatrolError(tr("{folder} is not a patrol package: {file} is missing").format(folder=folder, file=GPKG))
    try:
        ds = ogr_.Open(str(gpkg), 0)
    except RuntimeError as exc:
        raise PatrolError(tr("{path} is not a GeoPackage: {error}").format(path=gpkg, error=exc)) from exc
    try:
        names = {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
        missing = [n for n in (PACKAGE_TABLE, REPORTS, TASKS, TRACKS) if n not in names]
        if missing:
            raise PatrolError(tr("{path} is not a patrol package (tables {tables} are missing)").format(
                path=gpkg, tables=", ".join(missing)))
        meta_layer = ds.GetLayerByName(PACKAGE_TABLE)
        meta_layer.ResetReading()
        first = meta_layer.GetNextFeature()
        if first is None:
            raise PatrolError(tr("{path}: the package table {table} is empty; it was not built by "
                                 "citygrid:patrolpackage").format(path=gpkg, table=PACKAGE_TABLE))
        meta = _values(first, PACKAGE_FIELDS)
        if meta.get("format") and int(meta["format"]) > FORMAT:
            raise PatrolError(tr("{path} has package format {found}; this plugin reads format {known}: update the "
                                 "plugin").format(path=gpkg, found=meta["format"], known=FORMAT))
        reports_layer = ds.GetLayerByName(REPORTS)
        package = Package(folder, meta, _layer_srid(reports_layer))
        seen: dict[str, int] = {}
        for feature in reports_layer:
            values = _values(feature, REPORT_FIELDS)
            fid = feature.GetFID()
            uid = _uid(values.get("uid"))
            if not uid:
                uid = str(uuidlib.uuid4())
                package.new_uids.append((REPORTS, fid, uid))
            if uid in seen:
                package.problems.append(Problem("report", uid, tr(
                    "features {first} and {second} of the report layer share this uid (a copied feature?): the second "
                    "was not filed; clear its uid and sync again").format(first=seen[uid], second=fid)))
                continue
            seen[uid] = fid
            x = y = None
            geom = feature.GetGeometryRef()
            if geom is not None and not geom.IsEmpty():
                point = geom if geom.GetGeometryCount() == 0 else geom.GetGeometryRef(0)
                x, y = point.GetX(), point.GetY()
            package.reports.append(PackageReport(fid, uid, values, x, y))
        tasks_layer = ds.GetLayerByName(TASKS)
        for feature in tasks_layer:
            values = _values(feature, TASK_FIELDS)
            geom = feature.GetGeometryRef()
            values["x"], values["y"] = (geom.GetX(), geom.GetY()) if geom is not None and not geom.IsEmpty() \
                else (None, None)
            uid = _uid(values.get("uid"))
            task = PackageTask(feature.GetFID(), uid, values)
            if not uid and task.verdict:   # a verdict needs its id (the audit's field_id) before it is sent
                task.uid = str(uuidlib.uuid4())
                package.new_uids.append((TASKS, task.fid, task.uid))
            package.tasks.append(task)
        for feature in ds.GetLayerByName(TRACKS):
            values = _values(feature, TRACK_FIELDS)
            fid = feature.GetFID()
            uid = _uid(values.get("uid"))
            if not uid:
                uid = str(uuidlib.uuid4())
                package.new_uids.append((TRACKS, fid, uid))
            geom = feature.GetGeometryRef()
            points: list[tuple[float, float, float | None]] = []
            has_m = False
            if geom is not None and not geom.IsEmpty():
                has_m = bool(geom.IsMeasured())
                parts = [geom] if geom.GetGeometryCount() == 0 else \
                    [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
                for part in parts:
                    for i in range(part.GetPointCount()):
                        points.append((part.GetX(i), part.GetY(i), part.GetM(i) if has_m else None))
            package.tracks.append(PackageTrack(fid, uid, values.get("author"), points, has_m))
        if SYNCED_TABLE in names:
            for feature in ds.GetLayerByName(SYNCED_TABLE):
                values = _values(feature, SYNCED_FIELDS)
                uid = _uid(values.get("uid"))
                if uid:
                    package.synced[uid] = (str(values.get("what") or ""), str(values.get("result") or ""))
        if CONFLICTS_TABLE in names:
            for feature in ds.GetLayerByName(CONFLICTS_TABLE):
                package.conflicts.add(_uid(feature.GetField("uid")))
    finally:
        ds = None
    return package


def _assign_uids(package: Package) -> None:
    """Features recorded without a uid get theirs in the package before anything is sent, so a
    sync interrupted after the store committed finds them by that uid the next time."""
    ogr_ = _ogr()
    ds = ogr_.Open(str(package.gpkg), 1)
    try:
        ds.StartTransaction()
        for layer_name, fid, uid in package.new_uids:
            layer = ds.GetLayerByName(layer_name)
            feature = layer.GetFeature(fid)
            feature.SetField("uid", uid)
            layer.SetFeature(feature)
        ds.CommitTransaction()
    except RuntimeError as exc:
        raise PatrolError(tr("cannot write the new features' ids into {path} ({error}); nothing was sent to the "
                             "store").format(path=package.gpkg, error=exc)) from exc
    finally:
        ds = None
    package.new_uids.clear()


# -- who syncs --------------------------------------------------------------------------------------------------
def _check_package(conn, package: Package) -> bool:
    """Refuse a package of another store, of someone else or not registered here. Returns True
    when a superuser connection was switched to the supervisor (switch back afterwards)."""
    here = store_id(conn)
    if not package.store_id:
        raise PatrolError(tr("{folder}: the package names no store; it was not built by citygrid:patrolpackage").format(
            folder=package.folder))
    if package.store_id != here:
        raise PatrolError(tr("{folder} was built from another store (store id {package}); this store's id is {store}: "
                             "sync it against the store it came from").format(
            folder=package.folder, package=package.store_id, store=here or "?"))
    try:
        package_uuid = str(uuidlib.UUID(package.package_id))
    except ValueError as exc:
        raise PatrolError(tr("{folder}: the package id '{id}' is not a UUID; the package table was edited").format(
            folder=package.folder, id=package.package_id)) from exc
    if not package.login:
        raise PatrolError(tr("{folder}: the package names no supervisor").format(folder=package.folder))
    with reading(conn) as cur:
        cur.execute("SELECT session_user::text, citygrid.is_superuser()")
        me, superuser = cur.fetchone()
    switched = False
    if me != package.login:
        if not superuser:
            raise PatrolError(tr("the package is supervisor {login}'s; you are logged in as {me}: sync it with his "
                                 "login (the audit records who verified and checked)").format(
                login=package.login, me=me))
        try:
            with conn.cursor() as cur:
                cur.execute("SET SESSION AUTHORIZATION %s", (package.login,))
            conn.commit()
        except psycopg2.Error as exc:
            rollback(conn)
            raise PatrolError(tr("cannot act as supervisor {login}: {error}").format(
                login=package.login, error=describe_error(exc, conn))) from exc
        switched = True
    try:
        with reading(conn) as cur:
            cur.execute("SELECT login FROM citygrid.patrol_package WHERE id = %s::uuid", (package_uuid,))
            row = cur.fetchone()
        if row is None or row[0] != package.login:
            raise PatrolError(tr("patrol package {id} of {login} is not registered in this store: build the package "
                                 "with citygrid:patrolpackage").format(id=package_uuid, login=package.login))
    except BaseException:
        if switched:
            _switch_back(conn)
        raise
    return switched


def _switch_back(conn) -> None:
    if conn.closed:
        return
    try:
        rollback(conn)
        with conn.cursor() as cur:
            cur.execute("RESET SESSION AUTHORIZATION")
        conn.commit()
    except psycopg2.Error:
        rollback(conn)


# -- the sync -------------------------------------------------------------------------------------------------
def sync(conn, folder: Path, refresh: bool = True) -> SyncReport:
    """Bring the patrol package in *folder* into the store (see the section's comment above) and,
    with *refresh*, bring the supervisor's current tasks into the package. Raises
    :class:`PatrolError` for a package that cannot be synced at all (another store, another
    supervisor, not registered, unreadable); anything refused item by item is in the report."""
    package = read_package(folder)
    switched = _check_package(conn, package)
    report = SyncReport(package.folder, package.package_id, package.login, switched=switched)
    try:
        if package.new_uids:
            _assign_uids(package)
        report.problems += package.problems
        srid = store_srid(conn)
        transform = _transform(package.srid, srid)
        _note_lost_grids(conn, package, report)
        records: list[tuple[str, str, str]] = []      # (uid, what, result) the store committed
        _sync_reports(conn, package, report, records, transform)
        conflicts = _sync_verdicts(conn, package, report, records)
        _sync_tracks(conn, package, report, records, transform, srid)
        current = None
        if refresh:
            try:
                current = tasks(conn, package.login)
                _export_task_photos(conn, package.folder, current, report)
            except StoreError as exc:
                report.notes.append(tr("the task layer was not refreshed: {error}").format(error=exc))
                current = None
        try:
            _write_package(package, report, records, conflicts, current)
        except (RuntimeError, OSError) as exc:
            raise PatrolError(tr("the store took the package's work, but the package could not be updated ({error}); "
                                 "sync it again: what the store holds already is recognised and nothing is added "
                                 "twice").format(error=str(exc).strip() or type(exc).__name__)) from exc
    finally:
        if switched:
            _switch_back(conn)
    return report


def _transform(source: int | None, target: int | None):
    """A function (x, y) → (x, y) from the package's CRS into the store's (identity when they are
    the same or one is unknown: the package is written in the store's CRS)."""
    if not source or not target or source == target:
        return lambda x, y: (x, y)
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(int(source))
    b.ImportFromEPSG(int(target))
    for srs in (a, b):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(a, b)
    return lambda x, y: tuple(ct.TransformPoint(x, y)[:2])


def _note_lost_grids(conn, package: Package, report: SyncReport) -> None:
    """Grids the package was built for that are no longer his today: said, not refused (his
    reports are filed as anyone's; a task there went or goes to the grid's new supervisor)."""
    if not package.grids:
        return
    now = responsibility(conn, package.login)
    lost = [g for g in package.grids if g not in now]
    if lost:
        report.notes.append(tr("{login} no longer answers for grids {grids}: his reports there are filed as usual; "
                               "their tasks go to the grids' supervisor now (a verdict on one the shift leader "
                               "reassigned is a conflict)").format(login=package.login, grids=", ".join(lost)))


def _resolve(folder: Path, path: str) -> Path:
    """An attachment path of the package (relative to the project, e.g. DCIM/x.jpg) as a file."""
    text = str(path).strip().replace("\\", "/")
    if text.startswith("file://"):
        text = text[len("file://"):]
    candidate = Path(text)
    return candidate if candidate.is_absolute() else folder / candidate


def _photo(folder: Path, path: str) -> Photo:
    """The photo file at *path* (relative to the package), checked; PhotoError names it."""
    file = _resolve(folder, path)
    if not file.exists():
        raise PhotoError(tr("there is no file {file}").format(file=file))
    return read_photo(file)


# -- reports → cases ------------------------------------------------------------------------------------------------
def _known_cases(conn, uids: list[str]) -> dict[str, tuple[int, str, set[str]]]:
    """Reports already in the store, by external id: uid → (case id, case number, names of its report photos)."""
    if not uids:
        return {}
    with reading(conn) as cur:
        cur.execute("""
            SELECT w.external_id, w.id, w.case_no,
                   COALESCE(array_agg(p.name) FILTER (WHERE p.name IS NOT NULL), '{}')
              FROM citygrid.work_case w
              LEFT JOIN citygrid.case_photo p ON p.case_id = w.id AND p.stage = 'report'
             WHERE w.source = %s AND w.external_id = ANY(%s)
             GROUP BY w.external_id, w.id, w.case_no""", (SOURCE, uids))
        return {r[0]: (r[1], r[2], set(r[3])) for r in cur.fetchall()}


def _report_photos(folder: Path, values: dict, stored: set[str]) -> tuple[list[Photo], list[tuple[str, str]]]:
    """The report's photos not in the store yet (by file name), read and checked, and those that
    cannot be sent: (path, why) — a file that is not there, not a photo, too large."""
    photos, bad = [], []
    for key in PHOTO_FIELDS:
        path = str(values.get(key) or "").strip()
        if not path or Path(path.replace("\\", "/")).name in stored:
            continue
        try:
            photo = _photo(folder, path)
        except PhotoError as exc:
            bad.append((path, str(exc)))
            continue
        if photo.name not in {p.name for p in photos}:
            photos.append(photo)
    return photos, bad


def _file_report(conn, item: PackageReport, x: float, y: float, accuracy, photos: list[Photo]):
    """File the report with its photos in one transaction; returns (case, photos sent with it).
    Should the store refuse a photo the plugin's checks passed (its own limits may be
    stricter), the report is filed alone and the photos go one by one afterwards."""
    v = item.values
    kind = _KINDS.get(str(v.get("kind") or "").strip().lower(), str(v.get("kind") or "").strip())
    args = (conn, SOURCE, kind, str(v.get("class_code") or "").strip(), str(v.get("description") or ""), x, y)
    kwargs = {"component_code": str(v.get("component_code") or "").strip() or None,
              "observed_at": v.get("observed_at"), "urgent": bool(v.get("urgent")), "external_id": item.uid,
              "accuracy_m": accuracy}
    try:
        case = report_case(*args, commit=False, **kwargs)
        for photo in photos:
            add_photo(conn, case.id, "report", photo, commit=False)
        conn.commit()
        return case, photos
    except PhotoError:
        return report_case(*args, **kwargs), []
    except psycopg2.Error as exc:     # the COMMIT itself
        rollback(conn)
        raise StoreError(describe_error(exc, conn)) from exc


def _sync_reports(conn, package: Package, report: SyncReport, records: list, transform) -> None:
    known = _known_cases(conn, [r.uid for r in package.reports])
    for item in package.reports:
        found = known.get(item.uid)
        photos, bad = _report_photos(package.folder, item.values, found[2] if found else set())
        sent: list[Photo] = []
        if found is None:
            if item.x is None:
                report.problems.append(Problem("report", item.uid, tr("it has no position: place it on the map and "
                                                                       "sync again")))
                continue
            accuracy = item.values.get("accuracy_m")
            if accuracy is not None and not (math.isfinite(accuracy) and 0 <= accuracy <= 10000):
                report.problems.append(Problem("report", item.uid, tr(
                    "position accuracy {value} m is not plausible: filed without it").format(value=accuracy)))
                accuracy = None
            x, y = transform(item.x, item.y)
            try:
                case, sent = _file_report(conn, item, x, y, accuracy, photos)
            except StoreError as exc:
                report.problems.append(Problem("report", item.uid, tr("not filed ({x:.1f}, {y:.1f}): {error}").format(
                    x=x, y=y, error=exc)))
                continue
            found = (case.id, case.case_no, set())
            report.reports_filed += 1
            report.cases[item.uid] = case.case_no
            records.append((item.uid, "report", case.case_no))
        elif package.synced.get(item.uid, ("", ""))[0] != "report":
            report.reports_known += 1
            records.append((item.uid, "report", found[1]))
        case_id, case_no, _names = found
        report.photos_added += len(sent)
        for photo in [] if sent else photos:     # a known case, or the store refused one sent with it
            try:
                add_photo(conn, case_id, "report", photo)
            except StoreError as exc:
                bad.append((photo.name, str(exc)))
                continue
            report.photos_added += 1
        for path, error in bad:
            report.problems.append(Problem("report", item.uid, tr(
                "case {case} was filed, its photo {path} was not: {error}").format(case=case_no, path=path,
                                                                                     error=error)))


# -- verdicts → actions --------------------------------------------------------------------------------------------
def _taken_before(conn, uids: list[str]) -> dict[str, tuple[int, str, str]]:
    """Verdicts the audit holds already, by field id: uid → (case id, case number, action)."""
    if not uids:
        return {}
    with reading(conn) as cur:
        cur.execute("""SELECT a.data ->> 'field_id', a.case_id, c.case_no, a.action
                         FROM citygrid.case_action a JOIN citygrid.work_case c ON c.id = a.case_id
                        WHERE a.data ->> 'field_id' = ANY(%s)""", (uids,))
        return {r[0]: (r[1], r[2], r[3]) for r in cur.fetchall()}


def _moved_on(conn, case_id: int, version: int | None) -> str:
    """Who did what when to the case since *version* (what the package saw), in the user's words."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT a.at, a.action, a.actor, s.name, a.data ->> 'supervisor'
              FROM citygrid.case_action a LEFT JOIN citygrid.staff s ON s.login = a.actor
             WHERE a.case_id = %s AND COALESCE((a.data ->> 'version')::integer, 1) > %s
             ORDER BY a.id""", (case_id, version or 0))
        rows = cur.fetchall()
        cur.execute("SELECT state, assignee FROM citygrid.work_case WHERE id = %s", (case_id,))
        now = cur.fetchone()
    parts = []
    for at, action, actor, name, supervisor in rows:
        who = f"{name}（{actor}）" if name else actor
        what = tr("reassigned it to {login}").format(login=supervisor) if action == "reassign" \
            else action_label(action)
        parts.append(tr("{at} {who}: {what}").format(at=at.astimezone(CST).strftime("%Y-%m-%d %H:%M"), who=who,
                                                      what=what))
    if now is not None:
        state, assignee = now
        parts.append(tr("now {state}, task of {login}").format(state=state_label(state), login=assignee or "-")
                     if assignee else tr("now {state}").format(state=state_label(state)))
    return "; ".join(parts) or tr("the case is no longer visible")


def _sync_verdicts(conn, package: Package, report: SyncReport, records: list) -> list[tuple[PackageTask, Conflict]]:
    rows = [t for t in package.verdicts if package.synced.get(t.uid, ("", ""))[0] != "verdict"]
    before = _taken_before(conn, [t.uid for t in rows])
    conflicts = []
    for row in rows:
        v = row.values
        case_id, task = row.key
        case_no = str(v.get("case_no") or case_id)
        if row.uid in before:
            _cid, no, action = before[row.uid]
            report.verdicts_skipped += 1
            records.append((row.uid, "verdict", f"{no} {action}"))
            continue
        action = VERDICTS.get(task, {}).get(row.verdict)
        if action is None or case_id is None:
            choices = " / ".join(f"{k}（{VERDICT_ZH[k]}）" for k in VERDICTS.get(task, {}))
            report.problems.append(Problem("verdict", row.uid, tr(
                "case {case}: verdict '{verdict}' is not one of {choices}: correct it and sync again").format(
                case=case_no, verdict=v.get("verdict"), choices=choices or "?")))
            continue
        with reading(conn) as cur:
            cur.execute("SELECT state, version, assignee, case_no FROM citygrid.work_case WHERE id = %s", (case_id,))
            now = cur.fetchone()
        if now is None or now[0] != _TASK_STATE.get(task) or now[1] != v.get("version") \
                or (now[2] is not None and now[2] != package.login):
            conflicts.append((row, _conflict(conn, row, case_id, case_no if now is None else now[3], task, report,
                                             records)))
            continue
        # an empty note: the verdict itself is the reason (属实, 不属实 …); the store needs one for some actions
        note = str(v.get("note") or "").strip() or VERDICT_ZH.get(row.verdict, row.verdict)
        photos, without = [], []      # without: why the action goes without its photo (said once it is taken)
        if str(v.get("photo") or "").strip():
            try:
                photos = [_photo(package.folder, str(v["photo"]).strip())]
            except PhotoError as exc:
                if action in _PHOTO_ACTIONS:
                    report.problems.append(Problem("verdict", row.uid, tr(
                        "case {case}: {error}; the verdict needs its photo and stays in the package: take the photo "
                        "again and sync").format(case=case_no, error=exc)))
                    continue
                without.append(tr("case {case}: {error}; taken without it").format(case=case_no, error=exc))
        try:
            if action == "cancel" and photos:   # 不属实: the photo is kept as the verification's evidence
                try:
                    add_photo(conn, case_id, "verify", photos[0], commit=False)
                except PhotoError as exc:
                    without.append(tr("case {case}: the photo was refused ({error}); taken without it").format(
                        case=case_no, error=exc))
            act(conn, case_id, action, "supervisor", int(v.get("version")), note=note, data={"field_id": row.uid},
                photos=photos if action != "cancel" else ())
        except CaseConflict:
            conflicts.append((row, _conflict(conn, row, case_id, case_no, task, report, records)))
            continue
        except StoreError as exc:
            if "is the task of supervisor" in getattr(exc, "store_message", ""):
                conflicts.append((row, _conflict(conn, row, case_id, case_no, task, report, records)))
                continue
            report.problems.append(Problem("verdict", row.uid, tr(
                "case {case}: not taken ({error}); the verdict stays in the package").format(case=case_no, error=exc)))
            continue
        report.verdicts_applied += 1
        report.applied[row.uid] = case_no
        report.problems += [Problem("verdict", row.uid, text) for text in without]
        records.append((row.uid, "verdict", f"{case_no} {action}"))
    return conflicts


def _conflict(conn, row: PackageTask, case_id: int, case_no: str, task: str, report: SyncReport,
              records: list) -> Conflict:
    try:
        detail = _moved_on(conn, case_id, row.values.get("version"))
    except StoreError as exc:
        detail = str(exc)
    conflict = Conflict(row.uid, case_id, case_no, task, row.verdict, detail)
    report.conflicts.append(conflict)
    records.append((row.uid, "verdict", tr("conflict: {detail}").format(detail=detail)[:2000]))
    return conflict


# -- tracks -------------------------------------------------------------------------------------------------------
def _stored_parts(conn, package_id: str) -> dict[str, float]:
    """The track parts of the package the store holds: part id → end time (seconds)."""
    with reading(conn) as cur:
        cur.execute("SELECT track_uid, extract(epoch FROM ended_at)::float8 FROM citygrid.patrol_track "
                    "WHERE package_id = %s::uuid", (package_id,))
        return dict(cur.fetchall())


def _linestring_m(points: list[tuple[float, float, float]]) -> bytes:
    """ISO WKB of a LineString M (little endian)."""
    return struct.pack(f"<BII{len(points) * 3}d", 1, 2002, len(points), *(c for p in points for c in p))


def _sync_tracks(conn, package: Package, report: SyncReport, records: list, transform, srid) -> None:
    if not package.tracks:
        return
    stored = _stored_parts(conn, package.package_id)
    for track in package.tracks:
        if not track.points:
            report.problems.append(Problem("track", track.uid, tr("it has no points")))
            continue
        if not track.has_m:
            report.problems.append(Problem("track", track.uid, tr(
                "it has no time (M values): track with the package's track layer, which records them")))
            continue
        points = [(*transform(x, y), m) for x, y, m in track.points]
        clean = clean_track(points)
        report.track_issues += [(track.uid, issue) for issue in clean.issues]
        if not clean.segments:
            report.problems.append(Problem("track", track.uid, tr("no part of it has two usable points")))
            continue
        sent = failed = 0
        for segment in clean.segments:
            piece = unsent(segment, stored_until(segment, track.uid, stored))
            if not piece:
                report.tracks_known += 1
                continue
            part = piece_id(track.uid, piece[0][2])
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT citygrid.patrol_track_add(%s::uuid, %s, ST_GeomFromWKB(%s, %s))",
                                (package.package_id, part, psycopg2.Binary(_linestring_m(piece)), srid))
                conn.commit()
            except psycopg2.Error as exc:
                rollback(conn)
                failed += 1
                report.problems.append(Problem("track", track.uid, tr("part from {start} not stored: {error}").format(
                    start=beijing(piece[0][2]), error=describe_error(exc, conn))))
                continue
            stored[part] = piece[-1][2]
            sent += 1
        report.tracks_stored += sent
        if not failed and (sent or package.synced.get(track.uid, ("", ""))[0] != "track"):
            end = max(s[-1][2] for s in clean.segments)
            records.append((track.uid, "track", tr("{parts} parts, up to {end}").format(
                parts=len(clean.segments), end=beijing(end))))


# -- the package afterwards ----------------------------------------------------------------------------------------
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")   # as the package builder names the photos


def _export_task_photos(conn, folder: Path, current: list[dict], report: SyncReport) -> None:
    """Copy each current task's first report photo into the package's photos/ folder, named as
    the package builder names it (photos/<case number>.jpg or .png), once; the task's
    report_photo is set to that path (None without a photo or when it cannot be copied)."""
    for task in current:
        task["report_photo"] = None
        if not task.get("photo_id"):
            continue
        stem = _UNSAFE.sub("_", str(task["case_no"] or task["case_id"])).strip("._") or str(task["case_id"])
        try:
            existing = sorted((Path(folder) / PHOTOS).glob(f"{stem}.*"))
            if existing:
                task["report_photo"] = f"{PHOTOS}/{existing[0].name}"
                continue
            content = photo_content(conn, task["photo_id"])
            name = stem + (".png" if image_type(content) == "image/png" else ".jpg")
            (Path(folder) / PHOTOS).mkdir(parents=True, exist_ok=True)
            (Path(folder) / PHOTOS / name).write_bytes(content)
            task["report_photo"] = f"{PHOTOS}/{name}"
        except (OSError, StoreError) as exc:
            report.notes.append(tr("the report photo of case {case} was not copied into the package: {error}").format(
                case=task["case_no"], error=exc))


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=CST)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return str(value)


def _set(feature, name: str, value) -> None:
    if feature.GetDefnRef().GetFieldIndex(name) < 0:
        return
    if value is None:
        feature.SetFieldNull(name)
    elif isinstance(value, dt.datetime):
        feature.SetField(name, _iso(value))
    else:
        feature.SetField(name, value)


def _task_values(task: dict) -> dict[str, Any]:
    return {"case_id": task["case_id"], "case_no": task["case_no"], "task": task["task"],
            "class_code": task.get("class_code"), "class_name": task.get("class_name"),
            "description": task.get("description"), "address": task.get("address"), "deadline": task.get("deadline"),
            "report_photo": task.get("report_photo"), "version": task["version"]}


def _table(ds, name: str, fields: list[tuple[str, str]]):
    ogr_ = _ogr()
    layer = ds.GetLayerByName(name)
    if layer is None:
        layer = ds.CreateLayer(name, None, ogr_.wkbNone, ["FID=fid"])
        for field_name, kind in fields:
            layer.CreateField(ogr_.FieldDefn(field_name, getattr(ogr_, f"OFT{kind}")))
    return layer


def _write_package(package: Package, report: SyncReport, records: list[tuple[str, str, str]],
                   conflicts: list[tuple[PackageTask, Conflict]], current: list[dict] | None) -> None:
    """Record in the package, in one GeoPackage transaction, what the store took
    (_citygrid_synced), the conflicts (_citygrid_conflicts, with the verdict as recorded) and,
    when *current* is given, his current tasks: a task done (by him or, in a conflict, by
    someone else) leaves the layer, a task still his is refreshed, a new one is added; a task
    whose verdict did not get through stays as he left it."""
    ogr_ = _ogr()
    now = _iso(dt.datetime.now(UTC))
    ds = ogr_.Open(str(package.gpkg), 1)
    try:
        ds.StartTransaction()
        synced = _table(ds, SYNCED_TABLE, SYNCED_FIELDS)
        for uid, what, result in records:
            feature = ogr_.Feature(synced.GetLayerDefn())
            for name, value in (("uid", uid), ("what", what), ("synced_at", now), ("result", result)):
                feature.SetField(name, value)
            synced.CreateFeature(feature)
        if conflicts:
            table = _table(ds, CONFLICTS_TABLE, CONFLICT_FIELDS)
            for row, conflict in conflicts:
                if row.uid in package.conflicts:
                    continue
                feature = ogr_.Feature(table.GetLayerDefn())
                v = row.values
                for name, value in (("uid", row.uid), ("case_id", conflict.case_id), ("case_no", conflict.case_no),
                                    ("task", conflict.task), ("verdict", v.get("verdict")), ("note", v.get("note")),
                                    ("photo", v.get("photo")), ("done_at", v.get("done_at")), ("detected_at", now),
                                    ("detail", conflict.detail)):
                    _set(feature, name, value)
                table.CreateFeature(feature)
        if current is not None:
            _refresh_tasks(ds, package, report, records, conflicts, current)
        ds.CommitTransaction()
    except BaseException:
        try:
            ds.RollbackTransaction()
        except RuntimeError:
            pass
        raise
    finally:
        ds = None


def _refresh_tasks(ds, package: Package, report: SyncReport, records, conflicts, current: list[dict]) -> None:
    ogr_ = _ogr()
    layer = ds.GetLayerByName(TASKS)
    done = {uid for uid, what, _r in records if what == "verdict"} | {row.uid for row, _c in conflicts} \
        | {uid for uid, (what, _r) in package.synced.items() if what == "verdict"}
    by_key = {(t["case_id"], t["task"]): t for t in current}
    covered = set()
    for row in package.tasks:
        task = by_key.get(row.key)
        if row.verdict and row.uid not in done:          # not taken yet: his edit stays as it is
            report.tasks_kept += 1
            covered.add(row.key)
            continue
        if row.verdict or task is None or row.key in covered:
            layer.DeleteFeature(row.fid)
            report.tasks_removed += 1
            continue
        feature = layer.GetFeature(row.fid)           # still his, no verdict: refreshed from the store
        for name, value in _task_values(task).items():
            _set(feature, name, value)
        feature.SetGeometry(_point(task))
        layer.SetFeature(feature)
        covered.add(row.key)
    for key, task in by_key.items():
        if key in covered:
            continue
        feature = ogr_.Feature(layer.GetLayerDefn())
        for name, value in _task_values(task).items():
            _set(feature, name, value)
        _set(feature, "uid", str(uuidlib.uuid4()))
        feature.SetGeometry(_point(task))
        layer.CreateFeature(feature)
        report.tasks_added += 1


def _point(task: dict):
    ogr_ = _ogr()
    point = ogr_.Geometry(ogr_.wkbPoint)
    point.AddPoint_2D(float(task["x"]), float(task["y"]))
    return point
