"""A backend killed in the middle of a workflow action or of a bulk import.

``pg_terminate_backend`` from another connection ends the victim's session as a DBA, a crashed
server process or a failover would. To kill it *in the middle*, the victim is first made to
wait inside its own transaction, and is killed while pg_stat_activity shows it waiting:

* the workflow action waits for the case's row lock, held by another transaction, inside
  ``citygrid.case_act``;
* the import waits on the unique uid of a component that another, uncommitted transaction is
  inserting: by then it has staged and checked the whole file and inserted every row before that
  one (their serials taken from the sequence, which is not transactional).

Promise: nothing of the killed work remains (no audit row, no state change, no component), the
case can still be acted on, the import can simply be run again, and a code is never reused —
the serials the killed import had drawn are a gap, as the README documents.
"""
from __future__ import annotations

import psycopg2
import pytest

from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from tests.helpers.faults import Killer, fingerprint
from tests.stores import make_case_store

UID = "7e57ab1e-0000-4000-8000-00000000c0de"


def kill_inside_act(store_dsn, conn_factory):
    """Report a case, hold its row lock elsewhere, run ``accept`` on a third connection and kill
    it while it waits. Returns (what act raised, the case, the store before, a connection)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    case = report_case(owner, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    before = fingerprint(owner)
    blocker, victim = conn_factory(store_dsn), conn_factory(store_dsn)
    with blocker.cursor() as cur:
        cur.execute("SELECT 1 FROM citygrid.work_case WHERE id = %s FOR UPDATE", (case.id,))
    killer = Killer(store_dsn, {blocker.get_backend_pid(), owner.get_backend_pid()})
    killer.start()
    raised = None
    try:
        act(victim, case.id, "accept", "operator", case.version, note="受理")
    except Exception as exc:  # noqa: BLE001 - which exception is the subject of the tests
        raised = exc
    killer.join(10)
    blocker.rollback()
    assert killer.killed and "case_act" in killer.victim["query"], killer.victim
    assert victim.closed
    return raised, case, before, owner


def test_a_workflow_action_killed_while_it_waits_leaves_no_trace(store_dsn, conn_factory):
    """The killed action wrote nothing (no audit row, case unchanged: same state, version and
    deadline) and the case is still actionable at the version the user saw."""
    raised, case, before, owner = kill_inside_act(store_dsn, conn_factory)
    assert raised is not None  # the caller learns that the action did not happen
    assert fingerprint(owner) == before
    done = act(owner, case.id, "accept", "operator", case.version, note="受理")
    assert (done.state, done.version) == ("accepted", case.version + 1)
    with owner.cursor() as cur:
        cur.execute("SELECT action, note FROM citygrid.case_action WHERE case_id = %s ORDER BY id", (case.id,))
        assert cur.fetchall() == [("report", None), ("accept", "受理")]  # exactly one accept
    owner.rollback()


def test_a_killed_workflow_action_says_the_connection_was_lost(store_dsn, conn_factory):
    """What the user is told: a StoreError saying the connection was lost and nothing changed."""
    raised, _case, _before, _owner = kill_inside_act(store_dsn, conn_factory)
    assert isinstance(raised, db.StoreError), repr(raised)
    assert "connection to the store was lost" in str(raised) and "nothing was changed" in str(raised)


def write_csv(path, n: int, uid_at: int):
    """*n* manhole covers (0101) on a 2.5 m lattice, 1 m apart at least; row *uid_at* carries UID."""
    lines = ["class_code,dept1_code,x,y,uid"]
    for i in range(n):
        x, y = 1.25 + 2.5 * (i % 112), 1.25 + 2.5 * (i // 112)
        lines.append(f"0101,SZ,{x},{y},{UID if i == uid_at else ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def serial(code: str) -> int:
    return int(code[-6:])


def test_an_import_killed_mid_way_imports_nothing_and_a_rerun_imports_all(provider, store_dsn, qgis_connection,
                                                                          conn_factory, tmp_path):
    """3000 rows; the import is killed after inserting the first 2000 (inside its transaction):
    a clear QgsProcessingException, not one component imported, the store as it was but for the
    serials drawn; the same file then imports completely, each row once, with fresh codes after
    the gap (a code is never reused)."""
    import processing
    from qgis.core import QgsProcessingException

    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    with owner.cursor() as cur:  # an existing component: the class's serial sequence exists
        cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                    "('0101', 'SZ', ST_SetSRID(ST_MakePoint(299, 199), 4544)) RETURNING code")
        first = cur.fetchone()[0]
    owner.commit()
    before = fingerprint(owner)
    csv = write_csv(tmp_path / "covers.csv", 3000, uid_at=2000)
    blocker = conn_factory(store_dsn)
    with blocker.cursor() as cur:  # someone else is inserting the component with that uid right now
        cur.execute("INSERT INTO citygrid.component (uid, class_code, dept1_code, geom) VALUES "
                    "(%s, '0101', 'SZ', ST_SetSRID(ST_MakePoint(298, 199), 4544))", (UID,))
    killer = Killer(store_dsn, {blocker.get_backend_pid(), owner.get_backend_pid()})
    killer.start()
    params = {"CONNECTION": qgis_connection, "CSV": str(csv)}
    with pytest.raises(QgsProcessingException) as err:
        processing.run("citygrid:importcomponents", params)
    killer.join(10)
    assert killer.killed and "INSERT INTO citygrid.component" in killer.victim["query"], killer.victim
    message = str(err.value)
    assert message.startswith("components not imported: the connection to the store was lost"), message
    assert "nothing was changed" in message and "Traceback" not in message
    blocker.rollback()
    after = fingerprint(owner)
    drawn = {name: after.pop(name)[0] - before.pop(name)[0]
             for name in ("sequence component_seq_510104_2013_0101", "sequence component_id_seq")}
    assert after == before                    # not one component, history row or other change
    # sequences are not transactional: the blocker's row, the 2000 rows inserted before the kill and
    # the one that was waiting drew their ids and serials, and those are never given out again
    assert set(drawn.values()) == {2002}
    drawn = drawn["sequence component_seq_510104_2013_0101"]

    res = processing.run("citygrid:importcomponents", params)
    assert (res["IMPORTED"], res["REJECTED_COUNT"], res["DUPLICATE_COUNT"]) == (3000, 0, 0)
    with owner.cursor() as cur:
        cur.execute("SELECT code FROM citygrid.component ORDER BY code")
        codes = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT count(*) FROM citygrid.component WHERE uid = %s", (UID,))
        assert cur.fetchone()[0] == 1
    owner.rollback()
    assert len(codes) == len(set(codes)) == 3001 and codes[0] == first
    new = sorted(serial(c) for c in codes[1:])
    assert new == list(range(serial(first) + drawn + 1, serial(first) + drawn + 3001))  # after the gap


def test_killed_connection_is_reported_by_transaction_as_lost(store_dsn, conn_factory):
    """db.transaction (every batch write of the store modules) turns a killed session into a
    StoreError that says the connection was lost and nothing was changed — not the
    InterfaceError of rolling back a closed connection."""
    make_case_store(store_dsn)
    victim, admin = conn_factory(store_dsn), conn_factory(store_dsn)
    with pytest.raises(db.StoreError, match=r"^batch failed: the connection to the store was lost \(.*\): "
                                            r"nothing was changed"):
        with db.transaction(victim, "batch failed: {error}") as cur:
            cur.execute("INSERT INTO citygrid.department (code, name) VALUES ('KX', '被杀')")
            with admin.cursor() as other:
                other.execute("SELECT pg_terminate_backend(%s)", (victim.get_backend_pid(),))
            admin.commit()
            cur.execute("SELECT 1")
    with admin.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.department WHERE code = 'KX'")
        assert cur.fetchone()[0] == 0
    admin.rollback()
    with pytest.raises(psycopg2.InterfaceError):
        victim.rollback()  # what db.rollback() spares the callers
