"""Unit-grid rules in the store, exercised the way QGIS and psql clients write: codes issued by
the store in band order, splits and merges retire codes and link successors, codes never reused,
batch replacement, concurrent writers, at most 999 serials per community."""
from __future__ import annotations

import threading

import psycopg2
import pytest

from citygrid_plugin.store import db
from citygrid_plugin.store.db import primary_message
from citygrid_plugin.store.grids import replace_grids

COMMUNITY = ("510104", "001", "001")
PREFIX = "".join(COMMUNITY)


@pytest.fixture
def grid_dsn(store_dsn):
    conn = db.connect(store_dsn)
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区');
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '001', '春熙路街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '001', '001', '红星路社区', ST_Multi(ST_MakeEnvelope(0, 0, 300, 200, 4544)));""")
    conn.commit()
    conn.close()
    return store_dsn


def insert(cur, x0, y0, x1, y1, **extra):
    cols = ["district_code", "street_code", "community_code", "geom"] + list(extra)
    cur.execute(f"INSERT INTO citygrid.grid ({', '.join(cols)}) VALUES (%s, %s, %s, "
                f"ST_MakeEnvelope(%s, %s, %s, %s, 4544){''.join(', %s' for _ in extra)}) RETURNING id",
                (*COMMUNITY, x0, y0, x1, y1, *extra.values()))
    return cur.fetchone()[0]


def grids(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT code, retired_at IS NOT NULL, retire_reason, predecessors, successors, "
                    "round(ST_XMin(geom)), round(ST_YMin(geom)) FROM citygrid.grid ORDER BY code")
        rows = cur.fetchall()
    conn.rollback()
    return {r[0]: r[1:] for r in rows}


def six_squares(conn):
    """3 × 2 squares of 100 m; the northern row sits a little lower in its east half (same band)."""
    with conn.cursor() as cur:
        for x0, y0 in ((200, 100), (0, 100), (100, 100), (100, 0), (0, 0), (200, 0)):
            insert(cur, x0, y0, x0 + 100, y0 + 100)
    conn.commit()


def test_codes_run_west_to_east_then_north_to_south(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    six_squares(conn)
    by_code = grids(conn)
    order = [(v[4], v[5]) for k, v in sorted(by_code.items())]
    assert list(by_code) == [f"{PREFIX}{n:03d}" for n in range(1, 7)]
    assert order == [(0, 100), (100, 100), (200, 100), (0, 0), (100, 0), (200, 0)]


def test_client_cannot_choose_or_change_a_code(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    with conn.cursor() as cur:
        insert(cur, 0, 0, 100, 100, code=f"{PREFIX}777", serial=777)
    conn.commit()
    assert list(grids(conn)) == [f"{PREFIX}001"]  # the store issued its own
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="codes are issued by the store"):
        cur.execute("UPDATE citygrid.grid SET code = %s, serial = 2", (f"{PREFIX}002",))
    conn.rollback()


def test_split_as_qgis_does_retires_and_links(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    six_squares(conn)
    with conn.cursor() as cur:  # QGIS commits the shrunken original, then the new part, separately
        cur.execute("UPDATE citygrid.grid SET geom = ST_MakeEnvelope(0, 100, 50, 200, 4544) WHERE code = %s",
                    (f"{PREFIX}001",))
        conn.commit()
        insert(cur, 50, 100, 100, 200, code=f"{PREFIX}001", serial=1)  # attributes copied by the split
    conn.commit()
    g = grids(conn)
    assert g[f"{PREFIX}001"][:2] == (True, "reshaped")
    assert g[f"{PREFIX}001"][3] == [f"{PREFIX}007", f"{PREFIX}008"]
    assert g[f"{PREFIX}007"][2] == [f"{PREFIX}001"] and g[f"{PREFIX}008"][2] == [f"{PREFIX}001"]
    assert not g[f"{PREFIX}007"][0] and not g[f"{PREFIX}008"][0]


def test_merge_as_qgis_does_links_both_predecessors(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    six_squares(conn)
    with conn.cursor() as cur:  # geometry change first, then the delete: QGIS's commit order
        cur.execute("UPDATE citygrid.grid SET geom = ST_MakeEnvelope(100, 100, 300, 200, 4544) WHERE code = %s",
                    (f"{PREFIX}002",))
        conn.commit()
        cur.execute("DELETE FROM citygrid.grid WHERE code = %s", (f"{PREFIX}003",))
        assert cur.rowcount == 0  # not deleted: retired
    conn.commit()
    g = grids(conn)
    assert g[f"{PREFIX}002"][:2] == (True, "reshaped") and g[f"{PREFIX}003"][:2] == (True, "deleted")
    assert sorted(g[f"{PREFIX}007"][2]) == [f"{PREFIX}002", f"{PREFIX}003"]
    assert g[f"{PREFIX}003"][3] == [f"{PREFIX}007"]


def test_small_reshape_keeps_the_code_and_is_recorded(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    six_squares(conn)
    with conn.cursor() as cur:
        cur.execute("UPDATE citygrid.grid SET geom = ST_MakeEnvelope(0, 100, 96, 200, 4544) WHERE code = %s",
                    (f"{PREFIX}001",))
        conn.commit()
        cur.execute("SELECT action FROM citygrid.grid_history h JOIN citygrid.grid g ON g.id = h.grid_id "
                    "WHERE g.code = %s ORDER BY h.id", (f"{PREFIX}001",))
        assert [r[0] for r in cur.fetchall()] == ["created", "coded", "reshaped"]
    assert grids(conn)[f"{PREFIX}001"][0] is False


def test_retired_codes_are_never_reused(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    with conn.cursor() as cur:
        insert(cur, 0, 0, 100, 100)
        insert(cur, 100, 0, 200, 100)
        conn.commit()
        cur.execute("DELETE FROM citygrid.grid WHERE code = %s", (f"{PREFIX}002",))
        conn.commit()
        insert(cur, 100, 0, 200, 100)  # the same place again
    conn.commit()
    g = grids(conn)
    assert g[f"{PREFIX}002"][0] is True and f"{PREFIX}003" in g and not g[f"{PREFIX}003"][0]
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="retired"):
        cur.execute("DELETE FROM citygrid.grid WHERE code = %s", (f"{PREFIX}002",))
    conn.rollback()


def test_a_grid_crossing_its_community_is_refused(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="crosses the boundary of community"):
        insert(cur, 250, 0, 350, 100)
    conn.rollback()


def test_batch_replace_keeps_matches_retires_the_rest_and_is_idempotent(grid_dsn, conn_factory):
    from shapely.geometry import box

    conn = conn_factory(grid_dsn)
    six = [box(x, y, x + 100, y + 100) for y in (100, 0) for x in (0, 100, 200)]
    first = replace_grids(conn, {PREFIX: [g.wkb for g in six]})
    assert first.counts()["new"] == 6 and first.retired == 0
    again = replace_grids(conn, {PREFIX: [g.wkb for g in six]})
    assert again.counts()["kept"] == 6 and again.retired == 0
    assert again.codes == first.codes
    # the east column becomes one tall grid: two retired, one new, four kept
    changed = six[:2] + six[3:5] + [box(200, 0, 300, 200)]
    third = replace_grids(conn, {PREFIX: [g.wkb for g in changed]})
    assert third.counts() == {"kept": 4, "new": 1} and third.retired == 2
    assert third.codes[(PREFIX, 4)] == f"{PREFIX}007"
    # a failing community rolls back the whole batch
    with pytest.raises(db.StoreError, match="12 digits"):
        replace_grids(conn, {PREFIX: [six[0].wkb], "51010400100": [six[1].wkb]})
    assert sum(1 for v in grids(conn).values() if not v[0]) == 5


def test_concurrent_writers_never_collide(grid_dsn):
    errors = []

    def writer(x_offset):
        conn = db.connect(grid_dsn)
        try:
            with conn.cursor() as cur:
                for i in range(5):
                    insert(cur, x_offset + i * 10, 0, x_offset + i * 10 + 10, 50)
            conn.commit()
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=writer, args=(x,)) for x in (0, 50, 100, 150)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    conn = db.connect(grid_dsn)
    try:
        codes = sorted(grids(conn))
    finally:
        conn.close()
    assert codes == [f"{PREFIX}{n:03d}" for n in range(1, 21)]


def lattice(count: int) -> list:
    """*count* cells of 7.5 m × 8 m filling the 300 m × 200 m community row by row (1,000 at most)."""
    from shapely.geometry import box

    return [box(7.5 * (i % 40), 8.0 * (i // 40), 7.5 * (i % 40 + 1), 8.0 * (i // 40 + 1)) for i in range(count)]


def active_and_uncoded(conn) -> tuple[int, int]:
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FILTER (WHERE code IS NOT NULL AND retired_at IS NULL), "
                    "count(*) FILTER (WHERE code IS NULL) FROM citygrid.grid")
        counts = cur.fetchone()
    conn.rollback()
    return counts


def test_a_community_has_at_most_999_serials_and_is_refused_before_anything_is_coded(grid_dsn, conn_factory):
    conn = conn_factory(grid_dsn)
    cells = lattice(1000)
    with pytest.raises(db.StoreError) as err:
        replace_grids(conn, {PREFIX: [c.wkb for c in cells]})
    assert primary_message(err.value.__cause__) == \
        f"community {PREFIX} has 1000 grids; at most 999 per community: split it"
    assert "CONTEXT" not in primary_message(err.value.__cause__)
    assert active_and_uncoded(conn) == (0, 0)  # nothing stored, nothing coded

    first = replace_grids(conn, {PREFIX: [c.wkb for c in cells[:999]]})
    assert first.counts()["new"] == 999 and max(first.codes.values()) == f"{PREFIX}999"

    # one grid more: the 999 serials issued count, and the coded grids stay as they were
    with pytest.raises(db.StoreError) as err:
        replace_grids(conn, {PREFIX: [c.wkb for c in cells]})
    assert primary_message(err.value.__cause__) == (
        f"community {PREFIX} has 1000 grids; at most 999 per community: split it (999 serials already issued, "
        "codes are never reused)")
    assert active_and_uncoded(conn) == (999, 0)

    # a retired code is never reused: a grid drawn in QGIS (coded at commit) is refused the same way
    with conn.cursor() as cur:
        cur.execute("DELETE FROM citygrid.grid WHERE code = %s", (f"{PREFIX}999",))
    conn.commit()
    with conn.cursor() as cur:
        insert(cur, *cells[999].bounds)
        with pytest.raises(psycopg2.Error) as raw:
            conn.commit()
    assert primary_message(raw.value) == (
        f"community {PREFIX} has 1000 grids; at most 999 per community: split it (999 serials already issued, "
        "codes are never reused)")
    conn.rollback()
    assert active_and_uncoded(conn) == (998, 0)
