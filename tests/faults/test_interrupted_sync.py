"""A field-package sync whose connection is killed in the middle of its store transaction.

tests/qgis/test_fieldwork.py::test_interrupted_sync_creates_no_duplicates covers the other
interruption (the store committed, the package was not updated). Here the sync is killed
*before* it commits, after it has already inserted, updated and retired components: it waits on
the unique uid of a component another, uncommitted transaction is inserting (the last write of
the sync, as changes are applied in uid order) and is terminated with pg_terminate_backend.

Promise: a clear message, nothing of the field work in the store, the package byte-for-byte as
it was; the re-run applies everything exactly once; a third run does nothing.
"""
from __future__ import annotations

from pathlib import Path

import psycopg2
import pytest
from qgis.core import QgsProcessingException

from tests.helpers.faults import Killer, fingerprint, tables
from tests.helpers.fieldwork import (
    by_uid,
    digest,
    edit_in_project,
    export,
    new_point,
    package_rows,
    store_row,
    store_sql,
    sync,
)

FIRST = "00000000-0000-4000-8000-000000000001"   # sorts first: written first
LAST = "ffffffff-ffff-4fff-bfff-fffffffffffe"    # sorts last: the write the sync is killed in


def test_a_sync_killed_before_it_commits_changes_nothing_and_the_rerun_completes(census, cluster, fresh_db, tmp_path):
    """Killed after writing three of its four changes: nothing applied, package untouched; the
    re-run inserts both new features once, updates and retires once."""
    comps = census["comps"]
    res = export(census, tmp_path)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])
    _code, x, y = census["xy"][0]

    def field_work(layer):
        new_point(layer, x + 2, y + 1, uid=FIRST, note="先")
        new_point(layer, x + 3, y + 1, uid=LAST, note="后")
        layer.changeAttributeValue(by_uid(layer, comps["p1"][0]).id(), layer.fields().indexOf("note"), "松动")
        layer.deleteFeature(by_uid(layer, comps["p2"][0]).id())

    edit_in_project(qgz, field_work)
    package_before = digest(gpkg)
    dsn = cluster.dsn(fresh_db)
    owner = census["conn"]
    store_before = fingerprint(owner)
    blocker = psycopg2.connect(dsn)
    try:
        _ocode, ox, oy = census["xy"][2]
        with blocker.cursor() as cur:  # someone else is inserting a component with that uid right now
            cur.execute("INSERT INTO citygrid.component (uid, class_code, dept1_code, geom) VALUES "
                        "(%s, '0101', 'SZ', ST_SetSRID(ST_MakePoint(%s, %s), 4544))", (LAST, ox + 1, oy))
        killer = Killer(dsn, {blocker.get_backend_pid(), owner.get_backend_pid()})
        killer.start()
        with pytest.raises(QgsProcessingException) as err:
            sync(census, gpkg)
        killer.join(10)
        assert killer.killed and "INSERT INTO citygrid.component" in killer.victim["query"], killer.victim
    finally:
        blocker.rollback()
        blocker.close()
    message = str(err.value)
    assert message.startswith("sync failed, nothing was written to the store and the package is unchanged"), message
    assert LAST in message and "the connection to the store was lost" in message
    # every table as it was (the killed writes drew serials and ids: a gap, never reused) …
    after = fingerprint(owner)
    assert tables(after) == tables(store_before)
    # … although the sync had written before it was killed: the insert of FIRST, the update and the
    # retirement (whose history rows took ids) were rolled back with it
    assert after["sequence component_history_id_seq"] != store_before["sequence component_history_id_seq"]
    assert digest(gpkg) == package_before

    again = sync(census, gpkg)
    assert (again["INSERTED"], again["UPDATED"], again["RETIRED"], again["CONFLICTS"]) == (2, 1, 1, 0)
    for uid, note in ((FIRST, "先"), (LAST, "后")):
        assert store_sql(census, "SELECT count(*), min(note) FROM citygrid.component WHERE uid = %s",
                         (uid,))[0] == (1, note)
    assert store_row(census, comps["p1"][0])[1:4:2] == (2, "松动")     # updated once
    assert store_row(census, comps["p2"][0])[4] is True               # retired
    rows = package_rows(gpkg)
    assert rows[FIRST]["code"] and rows[LAST]["code"] and comps["p2"][0] not in rows
    final = sync(census, gpkg)
    assert (final["INSERTED"], final["UPDATED"], final["RETIRED"], final["REFRESHED"], final["ALREADY_SYNCED"],
            final["CONFLICTS"]) == (0, 0, 0, 0, 0, 0)
