"""Patrol coverage (巡查覆盖) read from the store: per supervisor and day his responsibility grids,
the grids his tracks visited (``citygrid.patrol_coverage``), the time inside and outside his
grids, the gaps in his tracks and their length (:class:`~citygrid_plugin.core.coverage.SupervisorDay`);
the grids' status for a map of the day; and the supervisors' figures of the evaluation (监督员考核).

What a login reads is what the store lets it read: a supervisor sees his own tracks only, the
supervision and command centres everybody's (row-level security of citygrid.patrol_track).

The gaps are computed in SQL over the tracks' segments (ST_DumpSegments: the two ends of each
segment carry their time as M), so a day of 50 eight-hour tracks at one point per second never
leaves the server as points; gaps between two tracks of the same day are found from the tracks'
start and end times. Every function ends its read transaction before returning.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from ..core.coverage import CST, Gap, SupervisorDay, supervisor_table
from ..core.reports import Table
from .db import reading

# the tracks of a day as citygrid.patrol_coverage takes them: overlapping the day (Asia/Shanghai)
_DAY_TRACKS = """t.started_at < ((%(day)s::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
                 AND t.ended_at >= (%(day)s::date::timestamp AT TIME ZONE 'Asia/Shanghai')"""


def coverage(conn, day: date) -> list[SupervisorDay]:
    """Every supervisor who has responsibility grids on *day* or a track of that day, by login,
    with his coverage of the day (see :mod:`citygrid_plugin.core.coverage`)."""
    args = {"day": day}
    out: dict[str, SupervisorDay] = {}
    with reading(conn) as cur:
        cur.execute("""SELECT s.login, st.name, array_agg(DISTINCT s.grid_code ORDER BY s.grid_code)
                         FROM citygrid.supervisor_grid s LEFT JOIN citygrid.staff st ON st.login = s.login
                        WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
                        GROUP BY 1, 2""", args)
        for login, name, grids in cur.fetchall():
            out[login] = SupervisorDay(login, name, day, grids=list(grids))
        cur.execute(f"""SELECT t.login, st.name, count(*), sum(extract(epoch FROM t.ended_at - t.started_at)),
                               sum(t.length_m), array_agg(t.started_at ORDER BY t.started_at),
                               array_agg(t.ended_at ORDER BY t.started_at)
                          FROM citygrid.patrol_track t LEFT JOIN citygrid.staff st ON st.login = t.login
                         WHERE {_DAY_TRACKS}
                         GROUP BY 1, 2""", args)  # nosec B608 - constant SQL, values bound
        spans: dict[str, list[tuple[datetime, datetime]]] = {}
        for login, name, n, seconds, metres, starts, ends in cur.fetchall():
            d = out.setdefault(login, SupervisorDay(login, name, day))
            d.tracks, d.tracked_seconds, d.length_m = int(n), float(seconds or 0), float(metres or 0)
            spans[login] = list(zip(starts, ends))
        cur.execute("""SELECT login, grid_code, seconds, visited, mine FROM citygrid.patrol_coverage(%(day)s)
                        ORDER BY login, grid_code""", args)
        for login, grid, seconds, visited, mine in cur.fetchall():
            d = out.setdefault(login, SupervisorDay(login, None, day))
            if mine:
                d.inside_seconds += float(seconds or 0)
                if visited:
                    d.visited.append(grid)
            elif visited:
                d.elsewhere.append(grid)
        # the silences inside the tracks, found when each track was stored (patrol_track_gap)
        cur.execute(f"""
            SELECT t.login, g.gap_start, g.gap_end
              FROM citygrid.patrol_track t JOIN citygrid.patrol_track_gap g ON g.track_id = t.id
             WHERE {_DAY_TRACKS}
               AND extract(epoch FROM g.gap_end - g.gap_start)
                   > citygrid.setting_float('patrol_gap_seconds', 600)""", args)  # nosec B608 - constant SQL
        gaps: dict[str, list[Gap]] = {}
        for login, start, end in cur.fetchall():
            gaps.setdefault(login, []).append(Gap(start, end))
        cur.execute("SELECT citygrid.setting_float('patrol_gap_seconds', 600)")
        threshold = float(cur.fetchone()[0])
    for login, tracks in spans.items():   # from the end of one track to the start of the next
        last_end = None
        for start, end in tracks:
            if last_end is not None and (start - last_end).total_seconds() > threshold:
                gaps.setdefault(login, []).append(Gap(last_end, start))
            last_end = end if last_end is None else max(last_end, end)
    for login, found in gaps.items():
        out[login].gaps = sorted(found, key=lambda g: g.start)
    for d in out.values():
        d.visited.sort()
        d.elsewhere.sort()
    return [out[k] for k in sorted(out)]


def coverage_days(conn, first: date, last: date) -> list[SupervisorDay]:
    """:func:`coverage` of every day from *first* to *last* (both included)."""
    out: list[SupervisorDay] = []
    day = first
    while day <= last:
        out += coverage(conn, day)
        day += timedelta(days=1)
    return out


def coverage_grids(conn, day: date) -> list[dict]:
    """The grids of a coverage map of *day*: every active grid someone answers for that day or
    someone's track visited, with its status — ``visited`` (its supervisor visited it),
    ``missed`` (it has a supervisor who did not) or ``other`` (visited by someone else only, or it
    has no supervisor) — and code, supervisor (login), supervisor_name, visitors (logins who
    visited it), seconds and metres (spent inside by its supervisor, or by the visitors when
    it is not his), wkb (the polygon in the store's CRS)."""
    with reading(conn) as cur:
        cur.execute("""
            WITH cov AS (SELECT * FROM citygrid.patrol_coverage(%(day)s)),
                 resp AS (SELECT DISTINCT ON (s.grid_code) s.grid_code, s.login FROM citygrid.supervisor_grid s
                           WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
                           ORDER BY s.grid_code, s.valid_from DESC, s.login)
            SELECT g.code, r.login, st.name,
                   ARRAY(SELECT c.login FROM cov c WHERE c.grid_code = g.code AND c.visited ORDER BY 1) AS visitors,
                   COALESCE((SELECT sum(c.seconds) FROM cov c WHERE c.grid_code = g.code
                              AND (c.login = r.login OR r.login IS NULL OR NOT EXISTS (
                                   SELECT 1 FROM cov m WHERE m.grid_code = g.code AND m.login = r.login))), 0),
                   COALESCE((SELECT sum(c.metres) FROM cov c WHERE c.grid_code = g.code
                              AND (c.login = r.login OR r.login IS NULL OR NOT EXISTS (
                                   SELECT 1 FROM cov m WHERE m.grid_code = g.code AND m.login = r.login))), 0),
                   EXISTS (SELECT 1 FROM cov c WHERE c.grid_code = g.code AND c.login = r.login AND c.visited),
                   ST_AsBinary(g.geom)
              FROM citygrid.grid g
              LEFT JOIN resp r ON r.grid_code = g.code
              LEFT JOIN citygrid.staff st ON st.login = r.login
             WHERE g.retired_at IS NULL AND g.code IS NOT NULL
               AND (r.login IS NOT NULL OR EXISTS (SELECT 1 FROM cov c WHERE c.grid_code = g.code AND c.visited))
             ORDER BY g.code""", {"day": day})
        rows = cur.fetchall()
    out = []
    for code, login, name, visitors, seconds, metres, by_him, wkb in rows:
        status = "visited" if by_him else ("missed" if login else "other")
        out.append({"code": code, "status": status, "supervisor": login, "supervisor_name": name,
                    "visitors": list(visitors), "seconds": float(seconds), "metres": float(metres),
                    "wkb": bytes(wkb)})
    return out


def supervisor_evaluation(conn, first: date, last: date, days: list[SupervisorDay] | None = None) -> Table:
    """监督员考核 of the days *first* to *last* (both included): the supervisors' figures of the
    evaluation (reports filed, valid-report rate, verify and check on time, from the audit) and
    their coverage on the days they patrolled (*days*: :func:`coverage_days` when already read)."""
    from .evaluation import evaluate_period

    start = datetime(first.year, first.month, first.day, tzinfo=CST)
    end = datetime(last.year, last.month, last.day, tzinfo=CST) + timedelta(days=1)
    evaluation = evaluate_period(conn, start, end)
    if days is None:
        days = coverage_days(conn, first, last)
    with reading(conn) as cur:
        cur.execute("""SELECT s.login FROM citygrid.staff s WHERE citygrid.user_acts_as(s.login, 'supervisor')
                          AND NOT citygrid.user_is_superuser(s.login) ORDER BY 1""")
        supervisors = [r[0] for r in cur.fetchall()]
    figures = evaluation.figures("supervisor")
    names = dict(evaluation.names.get("person", {}))
    return supervisor_table(figures, days, names, supervisors)
