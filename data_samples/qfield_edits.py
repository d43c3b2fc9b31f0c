"""Field edits of a patrol package as QField leaves them, written with GDAL/OGR (QField is not
installable here; it runs the same QGIS engine and writes the same GeoPackage): a report feature with
its photos saved under DCIM/ (paths relative to the project, as the attachment widget stores them),
a verdict recorded on a task (with a note and a photo), a tracking session (a LineStringM whose M is
the time: milliseconds since 1970, QField's default, or seconds).

Used by the demo (scripts/demo.py: the handheld's day), bench/patrol.py and the tests
(tests/helpers/patrol.py). The package's layout is citygrid_plugin.core.patrolformat.
"""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from osgeo import ogr

from citygrid_plugin.core import patrolformat as pf

UTC = dt.UTC


def _set(feature, name: str, kind: str, value) -> None:
    if value is None:
        feature.SetFieldNull(name)
    elif kind == "DateTime":
        value = value.astimezone(UTC)
        feature.SetField(name, value.year, value.month, value.day, value.hour, value.minute,
                         value.second + value.microsecond / 1e6, 100)
    else:
        feature.SetField(name, value)


def _open(folder: Path):
    ogr.UseExceptions()
    return ogr.Open(str(Path(folder) / pf.GPKG), 1)


def _attach(folder: Path, photo, name: str) -> str | None:
    """A photo as QField's attachment widget stores it: bytes are saved as DCIM/<name>; a str is
    taken as the stored path itself (a file that may not exist)."""
    if photo is None:
        return None
    if isinstance(photo, str):
        return photo
    (Path(folder) / pf.DCIM / name).write_bytes(photo)
    return f"{pf.DCIM}/{name}"


def add_report(folder: Path, x: float, y: float, uid: str | None = None, kind: str = "event",
               class_code: str = "0102", description: str = "路边暴露垃圾", photos=(),
               observed_at: dt.datetime | None = None, accuracy_m: float | None = 4.5, urgent: int = 0,
               author: str | None = None, component_code: str | None = None, braces: bool = False) -> str:
    """A new report feature; returns its uid (QField's uuid() gives braces: *braces*)."""
    uid = uid or str(uuid.uuid4())
    stored_uid = "{" + uid + "}" if braces else uid
    ds = _open(folder)
    try:
        layer = ds.GetLayerByName(pf.REPORTS)
        f = ogr.Feature(layer.GetLayerDefn())
        paths = [_attach(folder, p, f"report_{uid[:8]}_{i}.jpg") for i, p in enumerate(photos, start=1)]
        values = {"uid": stored_uid, "kind": kind, "class_code": class_code, "component_code": component_code,
                  "description": description, "observed_at": observed_at or dt.datetime.now(UTC) - dt.timedelta(
                      minutes=20), "author": author, "accuracy_m": accuracy_m, "urgent": urgent}
        values.update(zip(pf.PHOTO_FIELDS, paths))
        kinds = dict(pf.REPORT_FIELDS)
        for name, value in values.items():
            _set(f, name, kinds[name], value)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        f.SetGeometry(point)
        layer.CreateFeature(f)
    finally:
        ds = None
    return uid


def set_verdict(folder: Path, case_id: int, verdict: str, note: str | None = None, photo=None,
                done_at: dt.datetime | None = None) -> str:
    """Record *verdict* on the task of *case_id* (with a note and a photo); returns the task's uid."""
    ds = _open(folder)
    try:
        layer = ds.GetLayerByName(pf.TASKS)
        for f in layer:
            if f.GetField("case_id") == case_id:
                break
        else:
            raise AssertionError(f"no task of case {case_id} in the package")
        uid = f.GetField("uid")
        _set(f, "verdict", "String", verdict)
        _set(f, "note", "String", note)
        _set(f, "photo", "String", _attach(folder, photo, f"task_{case_id}_{uuid.uuid4().hex[:6]}.jpg"))
        _set(f, "done_at", "DateTime", done_at or dt.datetime.now(UTC))
        layer.SetFeature(f)
    finally:
        ds = None
    return uid


def add_track(folder: Path, points: list[tuple[float, float, float]], uid: str | None = None,
              milliseconds: bool = True, author: str | None = None) -> str:
    """A tracking session: *points* are (x, y, seconds since 1970); M is written in milliseconds
    (QField's default) unless *milliseconds* is False. An existing *uid* is replaced (the
    session grew)."""
    uid = uid or str(uuid.uuid4())
    ds = _open(folder)
    try:
        layer = ds.GetLayerByName(pf.TRACKS)
        feature = None
        for f in layer:
            if f.GetField("uid") == uid:
                feature = f
        line = ogr.Geometry(ogr.wkbLineStringM)
        for x, y, t in points:
            line.AddPointM(x, y, t * 1000 if milliseconds else t)
        if feature is None:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("uid", uid)
            if author:
                feature.SetField("author", author)
            feature.SetGeometry(line)
            layer.CreateFeature(feature)
        else:
            feature.SetGeometry(line)
            layer.SetFeature(feature)
    finally:
        ds = None
    return uid
