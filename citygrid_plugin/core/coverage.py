"""Patrol coverage (巡查覆盖) and the at-post check (在岗): what a supervisor's tracks of a day say
about his responsibility grids — which he visited, the share of them covered, how long he was
inside them and outside them, the gaps in his track — and the supervisors' figures of the
evaluation (监督员考核).

The measures come from the store (citygrid.patrol_coverage: the time and distance a day's tracks
spend inside each grid, and whether that counts as a visit; store.coverage reads it with the
tracks and their gaps); this module holds the day's result per supervisor and turns it into the
tables people read and write to a workbook. Pure Python.

Definitions, per supervisor and day (Asia/Shanghai):

- *grids*: his responsibility grids that day; *visited*: those his tracks visited (at least the
  store settings patrol_visit_seconds or patrol_visit_metres inside); *share* = visited / grids
  (None without grids); *elsewhere*: grids not his that he visited;
- *tracked seconds*: from the first to the last point of each of his tracks of the day, summed;
  *inside seconds*: the part inside his grids; *outside seconds* = tracked − inside;
- *gaps*: every interval between two consecutive points of his tracks (within a track or from
  one track to the next) longer than the store setting patrol_gap_seconds;
- *length*: his tracks' length.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from .evaluation import Figure
from .i18n import tr
from .reports import Table

CST = timezone(timedelta(hours=8))
SUPERVISOR_SETS = ("reported", "valid", "verified", "verified_on_time", "checked", "checked_on_time")
SUPERVISOR_RATES = ("valid_report_rate", "on_time_verify_rate", "on_time_check_rate")


@dataclass(frozen=True)
class Gap:
    """An interval without a track point longer than the store's gap setting."""

    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    def text(self) -> str:
        """"09:10–09:42" in Beijing time."""
        return f"{self.start.astimezone(CST):%H:%M}–{self.end.astimezone(CST):%H:%M}"


@dataclass
class SupervisorDay:
    """One supervisor's patrol of one day (see the module's definitions)."""

    login: str
    name: str | None
    day: date
    grids: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    tracks: int = 0
    tracked_seconds: float = 0.0
    inside_seconds: float = 0.0
    length_m: float = 0.0
    gaps: list[Gap] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return len(self.visited) / len(self.grids) if self.grids else None

    @property
    def outside_seconds(self) -> float:
        return max(0.0, self.tracked_seconds - self.inside_seconds)

    @property
    def missed(self) -> list[str]:
        """His grids he did not visit."""
        return [g for g in self.grids if g not in self.visited]

    @property
    def gap_seconds(self) -> float:
        return sum(g.seconds for g in self.gaps)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.login}）" if self.name else self.login


def _minutes(seconds: float) -> float:
    return round(seconds / 60.0, 1)


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100.0 * value, 1)


def coverage_headers() -> list[str]:
    return [tr("Day"), tr("Supervisor"), tr("Login"), tr("Responsibility grids"), tr("Grids visited"),
            tr("Coverage (%)"), tr("Grids not visited"), tr("Minutes inside his grids"),
            tr("Minutes outside his grids"), tr("Track length (m)"), tr("Tracks"), tr("Gaps"),
            tr("Gap minutes"), tr("Gap times"), tr("Other grids visited")]


def coverage_table(days: Iterable[SupervisorDay]) -> Table:
    """巡查覆盖: one row per supervisor and day, in day and login order."""
    table = Table("patrol_coverage", tr("Patrol coverage"), coverage_headers())
    rows = sorted(days, key=lambda d: (d.day, d.login))
    for d in rows:
        table.add([f"{d.day:%Y-%m-%d}", d.name or d.login, d.login, len(d.grids), len(d.visited),
                   _percent(d.share), "、".join(d.missed), _minutes(d.inside_seconds), _minutes(d.outside_seconds),
                   round(d.length_m, 1), d.tracks, len(d.gaps), _minutes(d.gap_seconds),
                   "、".join(g.text() for g in d.gaps), "、".join(d.elsewhere)])
    table.note = tr("a grid counts as visited after the store's patrol_visit_seconds or patrol_visit_metres "
                    "inside it; a gap is a silence longer than patrol_gap_seconds; outside = tracked time − time "
                    "inside his grids")
    return table


def period_share(days: Sequence[SupervisorDay]) -> tuple[int, float | None]:
    """(days patrolled, coverage share over them): his grids visited over his grids due, summed
    over the days he has a track (a day off does not count against him)."""
    patrolled = [d for d in days if d.tracks]
    due = sum(len(d.grids) for d in patrolled)
    visited = sum(len(d.visited) for d in patrolled)
    return len(patrolled), (visited / due if due else None)


def supervisor_headers() -> list[str]:
    from .evaluation import indicator_label

    return ([tr("Supervisor"), tr("Login")] + [indicator_label(k) for k in SUPERVISOR_SETS] +
            [indicator_label(k) + " (%)" for k in SUPERVISOR_RATES] + [tr("Days patrolled"),
                                                                        tr("Coverage on patrol days (%)")])


def supervisor_table(figures: dict[str, dict[str, Figure]], days: Iterable[SupervisorDay],
                     names: dict[str, str], supervisors: Iterable[str] = ()) -> Table:
    """监督员考核: per supervisor the reports he filed and how many were valid (registered), his
    verifications (核实) and checks (核查) and how many were on time (the store's verdict recorded
    with each action), and his patrol coverage over the days he patrolled. *figures*: the
    evaluation's ``figures(facts, "supervisor")``; *days*: his :class:`SupervisorDay` of the
    period; *supervisors*: the supervisors' logins — listed even without any figure, and the only
    ones listed besides those with a patrol day (the evaluation's reporters include the operators
    who registered hotline calls); empty: everyone with a figure. The drill-down lists the reports
    he filed."""
    by_login: dict[str, list[SupervisorDay]] = {}
    for d in days:
        by_login.setdefault(d.login, []).append(d)
        names.setdefault(d.login, d.name or d.login)
    listed = set(supervisors)
    logins = sorted((listed or set(figures)) | set(by_login))
    table = Table("supervisor_evaluation", tr("Supervisors' evaluation"), supervisor_headers())
    for login in logins:
        row = figures.get(login, {})
        counts = [row[k].count if k in row else 0 for k in SUPERVISOR_SETS]
        rates = [_percent(row[k].value) if k in row else None for k in SUPERVISOR_RATES]
        patrolled, share = period_share(by_login.get(login, []))
        reported = row["reported"].numerator if "reported" in row else ()
        table.add([names.get(login) or login, login] + counts + rates + [patrolled, _percent(share)], reported)
    table.note = tr("reports he filed and how many were registered; verifications and checks he made, on time as "
                    "the store recorded them; coverage = his grids visited / his grids, over the days he patrolled")
    return table
