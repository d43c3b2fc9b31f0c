"""Cleaning a handheld's track before the store gets it (core.patrol): a bad fix is dropped, a
clock reset or a resumed session splits the track, every part left is one the store accepts
(time never backwards, no jump, two points at least), and each thing done is said with its time."""
from __future__ import annotations

import math

import pytest

from citygrid_plugin.core.patrol import (
    ALONE,
    BACKWARDS,
    DROPPED,
    JUMP,
    NO_TIME,
    SPLIT,
    beijing,
    clean_track,
    piece_id,
    stored_until,
    time_unit,
    unsent,
)
from citygrid_plugin.core.patrolformat import MAX_SPEED_KMH

T0 = 1_767_225_600.0   # 2026-01-01 08:00 Beijing time


def walk(n: int, start: float = T0, x0: float = 0.0, step_m: float = 1.2, dt: float = 1.0):
    """n points walking east at step_m per dt seconds (4.3 km/h by default)."""
    return [(x0 + i * step_m, 100.0, start + i * dt) for i in range(n)]


def store_accepts(segment) -> bool:
    """citygrid.patrol_track_add's checks."""
    if len(segment) < 2:
        return False
    for (x0, y0, t0), (x1, y1, t1) in zip(segment, segment[1:]):
        metres = math.hypot(x1 - x0, y1 - y0)
        if t1 < t0 or (t1 > t0 and metres / (t1 - t0) * 3.6 > 300) or (t1 == t0 and metres > 50):
            return False
    return True


def test_a_good_walk_is_one_part_untouched():
    points = walk(10)
    clean = clean_track(points)
    assert clean.segments == [points] and clean.issues == [] and not clean.milliseconds


def test_milliseconds_as_qfield_writes_them_become_seconds():
    points = [(x, y, t * 1000) for x, y, t in walk(5)]
    clean = clean_track(points)
    assert clean.milliseconds
    assert [p[2] for p in clean.segments[0]] == [T0 + i for i in range(5)]
    assert time_unit([None, T0, T0 + 1]) == 1.0 and time_unit([T0 * 1000, float("nan")]) == 1000.0


def test_one_bad_fix_is_dropped_and_said_with_its_time_and_speed():
    points = walk(6)
    points[3] = (points[3][0] + 2000, 100.0, points[3][2])    # 2 km off for one second
    clean = clean_track(points)
    assert len(clean.segments) == 1 and len(clean.segments[0]) == 5
    [issue] = clean.issues
    assert (issue.index, issue.kind, issue.action) == (4, JUMP, DROPPED)
    assert issue.speed_kmh > MAX_SPEED_KMH and issue.at == T0 + 3
    assert "point 4 (2026-01-01 08:00:03)" in issue.message() and "km/h" in issue.message()
    assert "a bad fix, dropped" in issue.message()


def test_a_300_kmh_jump_that_stays_splits_the_track_and_both_parts_are_kept():
    first = walk(5)
    # 2.5 km in 30 s (300 km/h), then walking on from there: tracking resumed elsewhere
    second = walk(5, start=first[-1][2] + 30, x0=first[-1][0] + 2500)
    clean = clean_track(first + second)
    assert clean.segments == [first, second]
    [issue] = clean.issues
    assert (issue.index, issue.kind, issue.action) == (6, JUMP, SPLIT)
    assert issue.speed_kmh == pytest.approx(2500 / 30 * 3.6, rel=0.01)
    assert "the track is split there" in issue.message()
    assert all(store_accepts(s) for s in clean.segments)


def test_time_going_back_splits_the_track_when_the_clock_was_reset():
    first = walk(5)
    second = walk(5, start=T0 - 600, x0=first[-1][0] + 1)      # the clock set back ten minutes
    clean = clean_track(first + second)
    assert clean.segments == [first, second]
    [issue] = clean.issues
    assert (issue.kind, issue.action, issue.index) == (BACKWARDS, SPLIT, 6)
    assert f"the time goes back from {beijing(T0 + 4)}" in issue.message()


def test_a_single_point_back_in_time_is_a_bad_fix():
    points = walk(6)
    points[2] = (points[2][0], 100.0, T0 - 3600)
    clean = clean_track(points)
    assert [i.kind for i in clean.issues] == [BACKWARDS] and clean.issues[0].action == DROPPED
    assert len(clean.segments[0]) == 5


def test_points_without_time_and_parts_of_one_point_are_dropped():
    points = walk(4) + [(1e5, 100.0, T0 + 100)] + [(5, 100.0, None), (6, 100.0, float("nan"))]
    clean = clean_track(points)
    assert clean.segments == [walk(4)]
    kinds = [(i.index, i.kind, i.action) for i in clean.issues]
    assert (5, JUMP, DROPPED) in kinds and (6, NO_TIME, DROPPED) in kinds and (7, NO_TIME, DROPPED) in kinds
    assert clean.dropped == 3
    # a lone point between two real breaks
    a, b, c = walk(3), walk(1, start=T0 + 100, x0=1e4), walk(3, start=T0 + 200, x0=3e4)
    clean = clean_track(a + b + c)
    assert clean.segments == [a, c]
    assert any(i.kind in (ALONE, JUMP) and i.action == DROPPED and i.index == 4 for i in clean.issues)


def test_two_fixes_at_the_same_second_far_apart_are_a_jump_near_ones_are_kept():
    points = walk(3) + [(walk(3)[-1][0] + 1, 100.0, T0 + 2)] + walk(3, start=T0 + 3, x0=4)
    assert clean_track(points).issues == []
    points = walk(3) + [(500.0, 100.0, T0 + 2)] + walk(3, start=T0 + 3, x0=4)
    clean = clean_track(points)
    assert [(i.kind, i.action) for i in clean.issues] == [(JUMP, DROPPED)]
    assert "at the same time" in clean.issues[0].message()


def test_every_part_the_cleaning_keeps_is_one_the_store_accepts():
    import random

    rng = random.Random(17)
    for _ in range(200):
        points, t, x = [], T0, 0.0
        for _i in range(rng.randint(0, 60)):
            t += rng.choice([1, 1, 1, 0, -30, 5])
            x += rng.choice([1.0, 1.5, 2.0, 800.0, -3000.0])
            points.append((x, 0.0, t))
        clean = clean_track(points)
        assert all(store_accepts(s) for s in clean.segments)
        assert clean.points + clean.dropped == len(points)


def test_a_growing_session_sends_only_its_new_part_joined_to_the_old():
    morning = walk(5)
    stored = {piece_id("u", morning[0][2]): morning[-1][2]}
    assert stored_until(morning, "u", stored) == morning[-1][2]
    assert unsent(morning, stored_until(morning, "u", stored)) == []
    day = morning + walk(4, start=morning[-1][2] + 1, x0=morning[-1][0] + 1.2)
    tail = unsent(day, stored_until(day, "u", stored))
    assert tail[0] == morning[-1] and tail[1:] == day[5:]
    stored[piece_id("u", tail[0][2])] = tail[-1][2]
    assert unsent(day, stored_until(day, "u", stored)) == []
    assert unsent(day, None) == day
    assert piece_id("u", T0 + 0.25) == f"u:{int(T0 * 1000) + 250}"
