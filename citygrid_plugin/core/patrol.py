"""Cleaning a patrol track (巡查轨迹) from the handheld before the store gets it.

QField's position tracking writes one line per tracking session, a vertex per fix, with the time
as M (milliseconds since 1970 UTC by default; the package format says seconds: both are read,
see :func:`time_unit`). A phone's track has faults the store refuses (citygrid.patrol_track_add:
time going backwards, a jump faster than 300 km/h, two places at the same second): one bad fix
would cost the whole day's track. So the sync cleans it here first, and says what it did:

* a point without a usable time is dropped;
* a point that breaks the track (time going back, or a jump faster than
  :data:`~citygrid_plugin.core.patrolformat.MAX_SPEED_KMH` from the point before) while the point
  after it follows on from the point before is one bad fix (a GPS outlier): dropped;
* otherwise the track is split there (the clock was reset, tracking resumed elsewhere): both
  parts are kept;
* a part left with a single point is dropped (a line needs two).

Pure Python (no QGIS, no database): the store module reads the points and sends the parts.
Distances are planar: the points are in the store's projected CRS (metres).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from .i18n import tr
from .patrolformat import MAX_SPEED_KMH

CST = timezone(timedelta(hours=8))   # Beijing time (no daylight saving): how times are shown
SAME_TIME_METRES = 50.0              # two fixes at the same second this far apart are a jump (the store's rule)
MILLISECONDS_ABOVE = 1e11            # an M this large is milliseconds (1e11 s is the year 5138)
EPS = 0.0005                         # times closer than this (seconds) are the same fix

BACKWARDS, JUMP, NO_TIME, ALONE = "backwards", "jump", "no_time", "alone"
DROPPED, SPLIT = "dropped", "split"

Point = tuple[float, float, float]   # x, y, time (seconds since 1970 UTC)


def beijing(seconds: float | None) -> str:
    """Epoch seconds as Beijing time, to the second ('?' when unknown)."""
    if seconds is None or not math.isfinite(seconds):
        return "?"
    return datetime.fromtimestamp(seconds, CST).strftime("%Y-%m-%d %H:%M:%S")


def time_unit(values: Sequence[float | None]) -> float:
    """The divisor that turns the track's M values into seconds: 1000 when they are milliseconds
    (QField's default), else 1. Decided on the median of the usable values, so one odd value does
    not flip a whole track."""
    usable = sorted(v for v in values if v is not None and math.isfinite(v) and v > 0)
    if not usable:
        return 1.0
    return 1000.0 if usable[len(usable) // 2] > MILLISECONDS_ABOVE else 1.0


@dataclass(frozen=True)
class TrackIssue:
    """Something the cleaning did at one point: *index* is the point's number in the track as
    recorded (from 1), *kind* one of backwards, jump, no_time, alone, *action* dropped or split."""

    index: int
    kind: str
    action: str
    at: float | None = None          # the point's time (seconds)
    before: float | None = None      # the time of the point it was compared with
    metres: float | None = None
    speed_kmh: float | None = None

    def message(self) -> str:
        """What happened, for the sync's log (times in Beijing time)."""
        where = tr("point {n} ({at})").format(n=self.index, at=beijing(self.at))
        if self.kind == NO_TIME:
            return tr("point {n} has no time (M value): dropped").format(n=self.index)
        if self.kind == ALONE:
            return tr("{where}: left alone between two breaks of the track: dropped").format(where=where)
        if self.kind == BACKWARDS:
            what = tr("{where}: the time goes back from {before}").format(where=where, before=beijing(self.before))
        elif self.speed_kmh is None or not math.isfinite(self.speed_kmh):
            what = tr("{where}: {metres:.0f} m from the point before at the same time").format(
                where=where, metres=self.metres or 0.0)
        else:
            what = tr("{where}: {metres:.0f} m in {seconds:.1f} s from the point before ({speed:.0f} km/h, "
                      "faster than {limit:.0f} km/h)").format(
                where=where, metres=self.metres or 0.0, seconds=(self.at or 0) - (self.before or 0),
                speed=self.speed_kmh, limit=MAX_SPEED_KMH)
        if self.action == DROPPED:
            return tr("{what}: a bad fix, dropped").format(what=what)
        return tr("{what}: the track is split there").format(what=what)


@dataclass
class CleanTrack:
    """A track after cleaning: its parts (each at least two points, time never going back, no
    jump) and what was done on the way."""

    segments: list[list[Point]] = field(default_factory=list)
    issues: list[TrackIssue] = field(default_factory=list)
    milliseconds: bool = False       # M was in milliseconds (converted to seconds)

    @property
    def dropped(self) -> int:
        return sum(1 for i in self.issues if i.action == DROPPED)

    @property
    def points(self) -> int:
        return sum(len(s) for s in self.segments)


def _fault(a: tuple, b: tuple, max_speed_kmh: float) -> tuple[str, float, float | None] | None:
    """Why *b* cannot follow *a* (kind, metres, km/h), or None. a, b: (index, x, y, t)."""
    dt = b[3] - a[3]
    metres = math.hypot(b[1] - a[1], b[2] - a[2])
    if dt < 0:
        return BACKWARDS, metres, None
    if dt == 0:
        return (JUMP, metres, math.inf) if metres > SAME_TIME_METRES else None
    speed = metres / dt * 3.6
    return (JUMP, metres, speed) if speed > max_speed_kmh else None


def clean_track(points: Sequence[tuple[float, float, float | None]],
                max_speed_kmh: float = MAX_SPEED_KMH) -> CleanTrack:
    """Clean the recorded *points* (x, y, M) as the module docstring says."""
    unit = time_unit([p[2] for p in points])
    out = CleanTrack(milliseconds=unit != 1.0)
    usable = []
    for i, (x, y, m) in enumerate(points, start=1):
        if m is None or not math.isfinite(m) or m <= 0 or not (math.isfinite(x) and math.isfinite(y)):
            out.issues.append(TrackIssue(i, NO_TIME, DROPPED))
            continue
        usable.append((i, float(x), float(y), m / unit))
    parts: list[list[tuple]] = []
    current: list[tuple] = []
    split_at: dict[int, TrackIssue] = {}
    for k, p in enumerate(usable):
        if not current:
            current.append(p)
            continue
        last = current[-1]
        fault = _fault(last, p, max_speed_kmh)
        if fault is None:
            current.append(p)
            continue
        kind, metres, speed = fault
        following = usable[k + 1] if k + 1 < len(usable) else None
        if following is not None and _fault(last, following, max_speed_kmh) is None:
            out.issues.append(TrackIssue(p[0], kind, DROPPED, p[3], last[3], metres, speed))
            continue
        issue = TrackIssue(p[0], kind, SPLIT, p[3], last[3], metres, speed)
        out.issues.append(issue)
        split_at[p[0]] = issue
        parts.append(current)
        current = [p]
    if current:
        parts.append(current)
    for part in parts:
        if len(part) >= 2:
            out.segments.append([(x, y, t) for _i, x, y, t in part])
            continue
        index, _x, _y, t = part[0]
        issue = split_at.get(index)
        if issue is not None:   # the break itself was the bad point: say it was dropped
            out.issues[out.issues.index(issue)] = TrackIssue(issue.index, issue.kind, DROPPED, issue.at,
                                                             issue.before, issue.metres, issue.speed_kmh)
        else:
            out.issues.append(TrackIssue(index, ALONE, DROPPED, t))
    out.issues.sort(key=lambda i: i.index)
    return out


def piece_id(track_uid: str, start: float) -> str:
    """The store's id of a part of track *track_uid* starting at *start* (seconds): the same
    part gets the same id at every sync (the store keeps one per id)."""
    return f"{track_uid}:{round(start * 1000)}"


def stored_until(segment: list[Point], track_uid: str, stored: dict[str, float]) -> float | None:
    """How far the store already holds *segment* (seconds), from the parts of its track it holds
    (*stored*: part id → end time): the part that starts where the segment starts, then the part
    that starts at the segment's last point up to that end (what :func:`unsent` sent), and so
    on. None: the store holds none of it."""
    until = None
    start = segment[0][2]
    seen = set()
    while True:
        key = piece_id(track_uid, start)
        if key not in stored or key in seen:
            return until
        seen.add(key)
        until = stored[key] if until is None else max(until, stored[key])
        joins = [p[2] for p in segment if p[2] <= until + EPS]
        start = joins[-1] if joins else start


def unsent(segment: list[Point], until: float | None) -> list[Point]:
    """The part of *segment* the store does not hold yet, given that it holds it up to *until*
    (seconds; None: nothing): the points after that time, joined to the last point before (so
    the line has no gap). Empty when nothing new is left. A tracking session keeps growing on
    the handheld after a sync at noon: its afternoon is sent as another part."""
    if until is None:
        return list(segment)
    later = [p for p in segment if p[2] > until + EPS]
    if not later:
        return []
    earlier = [p for p in segment if p[2] <= until + EPS]
    piece = ([earlier[-1]] if earlier else []) + later
    return piece if len(piece) >= 2 else []
