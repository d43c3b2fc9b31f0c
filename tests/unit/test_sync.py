"""The three-way diff of field-work packages (core/sync.py), case by case."""
from __future__ import annotations

import datetime

import pytest

from citygrid_plugin.core import sync
from citygrid_plugin.core.sync import (
    ADD,
    CONFLICT,
    FORGET,
    INSERT,
    REFRESH,
    REMOVE,
    RETIRE,
    SAME,
    UPDATE,
    diff,
    normalise,
    row_hash,
    same_content,
)

A = {"class_code": "0101", "state": "完好", "note": None, "geom": "0101000000"}
B = {**A, "state": "破损"}                 # a change
C = {**A, "note": "井盖松动"}               # another change
A_FILLED = {**A, "name": "上水井盖"}        # A after the store filled in the class name
A_LOCAL = {**A, "name": None}


def st(version, values):
    return (version, row_hash(values), values)


U = "11111111-1111-1111-1111-111111111111"

# (case, base, local, remote, retired, expected action, local side, remote side)
CASES = [
    ("local new, unknown to the store → insert", None, st(None, A), None, False, INSERT, "new", ""),
    ("local new, already in the store with equal values (interrupted sync) → same",
     None, st(None, A), st(1, A), False, SAME, "new", "exists"),
    ("local new, store filled the name (interrupted sync) → same", None, st(None, A_LOCAL), st(1, A_FILLED), False,
     SAME, "new", "exists"),
    ("local new, uid in the store with other values → conflict", None, st(None, A), st(1, B), False, CONFLICT,
     "new", "exists"),
    ("local new, uid of a retired component → conflict", None, st(None, A), None, True, CONFLICT, "new", "retired"),
    ("unchanged on both sides → nothing", st(3, A), st(3, A), st(3, A), False, None, "", ""),
    ("local changed, store unchanged → update", st(3, A), st(3, B), st(3, A), False, UPDATE, "changed", "unchanged"),
    ("local deleted, store unchanged → retire", st(3, A), None, st(3, A), False, RETIRE, "deleted", "unchanged"),
    ("store changed, local unchanged → refresh", st(3, A), st(3, A), st(4, B), False, REFRESH, "unchanged",
     "changed"),
    ("store retired, local unchanged → remove from the package", st(3, A), st(3, A), None, True, REMOVE,
     "unchanged", "retired"),
    ("changed on both sides → conflict", st(3, A), st(3, B), st(4, C), False, CONFLICT, "changed", "changed"),
    ("changed on both sides to the same content (interrupted sync) → same", st(3, A), st(3, B), st(4, B), False,
     SAME, "changed", "changed"),
    ("changed locally, retired in the store → conflict", st(3, A), st(3, B), None, True, CONFLICT, "changed",
     "retired"),
    ("deleted locally, changed in the store → conflict", st(3, A), None, st(4, B), False, CONFLICT, "deleted",
     "changed"),
    ("deleted on both sides → forget", st(3, A), None, None, True, FORGET, "deleted", "retired"),
    ("new in the store inside the package's grids → add", None, None, st(1, A), False, ADD, "", "exists"),
]


@pytest.mark.parametrize("case, base, local, remote, retired, action, local_side, remote_side", CASES,
                         ids=[c[0] for c in CASES])
def test_every_case(case, base, local, remote, retired, action, local_side, remote_side):
    pick = (lambda s: {U: s} if s is not None else {})
    result = diff(pick(base), pick(local), pick(remote), retired={U} if retired else set(),
                  defaulted=("name", "accuracy"))
    if action is None:
        assert result.changes == [] and result.is_empty()
        return
    assert len(result.changes) == 1, result.changes
    change = result.changes[0]
    assert (change.uid, change.action, change.local, change.remote) == (U, action, local_side, remote_side)
    if action in (UPDATE, RETIRE, REFRESH, SAME):
        assert change.expected_version == remote[0]


def test_defaulted_fields_only_match_when_declared():
    assert not same_content(A_LOCAL, A_FILLED)
    assert same_content(A_LOCAL, A_FILLED, defaulted=("name",))
    # a value set locally must be equal, even in a defaulted field
    assert not same_content({**A, "name": "井盖"}, A_FILLED, defaulted=("name",))


def test_many_components_at_once():
    base = {"a": st(1, A), "b": st(1, A), "c": st(1, A), "d": st(1, A)}
    local = {"a": st(1, B), "b": st(1, A), "c": st(1, C), "n": st(None, A)}
    remote = {"a": st(1, A), "b": st(2, C), "c": st(2, B), "d": st(1, A), "r": st(1, A)}
    result = diff(base, local, remote)
    got = {c.uid: c.action for c in result.changes}
    assert got == {"a": UPDATE, "b": REFRESH, "c": CONFLICT, "d": RETIRE, "n": INSERT, "r": ADD}
    assert result.counts() == {UPDATE: 1, REFRESH: 1, CONFLICT: 1, RETIRE: 1, INSERT: 1, ADD: 1}
    assert [c.uid for c in result.conflicts] == ["c"] and not result.is_empty()


def test_a_rerun_after_a_complete_sync_is_empty():
    state = {"a": st(2, B), "b": st(5, C)}
    result = diff({k: v for k, v in state.items()}, state, state)
    assert result.is_empty() and result.changes == []


def test_only_conflicts_pending_is_empty():
    result = diff({"c": st(1, A)}, {"c": st(1, B)}, {"c": st(2, C)})
    assert result.is_empty() and len(result.conflicts) == 1


@pytest.mark.parametrize("base, local, remote, choice, seen, action", [
    (st(3, A), st(3, B), st(4, C), "remote", 4, REFRESH),
    (st(3, A), st(3, B), st(4, C), "local", 4, UPDATE),
    (st(3, A), None, st(4, B), "local", 4, RETIRE),
    (st(3, A), None, st(4, B), "remote", 4, ADD),
    (st(3, A), st(3, B), None, "remote", None, REMOVE),
    (st(3, A), st(3, B), None, "local", None, CONFLICT),       # a retired component is not revived
    (st(3, A), st(3, B), st(5, C), "local", 4, CONFLICT),      # the store moved on since: ask again
    (None, st(None, A), st(1, B), "local", 1, UPDATE),
])
def test_resolutions(base, local, remote, choice, seen, action):
    pick = (lambda s: {U: s} if s is not None else {})
    result = diff(pick(base), pick(local), pick(remote), retired={U} if remote is None else set(),
                  resolutions={U: (choice, seen)})
    assert [c.action for c in result.changes] == [action]


@pytest.mark.parametrize("value, expected", [
    ("", None), ("  ", None), ("x", "x"), (3.0, 3), (2.5, 2.5), (datetime.date(2024, 5, 1), "2024-05-01"),
    (b"\x01\x02", "0102"), (None, None), (True, True),
])
def test_normalise(value, expected):
    assert normalise(value) == expected


def test_hash_ignores_representation_not_content():
    assert row_hash({"a": "", "b": 1.0, "d": datetime.date(2024, 1, 2)}) == \
        row_hash({"d": "2024-01-02", "b": 1, "a": None})
    assert row_hash(A) != row_hash(B)
    assert len(row_hash(A)) == 64


def test_module_stays_pure():
    import sys

    assert "qgis" not in sync.__dict__ and "psycopg2" not in sys.modules.get(sync.__name__).__dict__
