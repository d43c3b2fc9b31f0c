"""The case workflow in the store (migration 007): transitions by role and state, versions under
concurrency, deadlines on the working calendar, the append-only audit, NOTIFY."""
from __future__ import annotations

import select
import threading
from datetime import datetime, timedelta, timezone

import psycopg2
import pytest

from citygrid_plugin.store import db
from citygrid_plugin.store.cases import CaseConflict, CaseRefused, act, allowed_actions, report_case
from tests.stores import make_case_store

CST = timezone(timedelta(hours=8))


@pytest.fixture
def case_dsn(store_dsn):
    return make_case_store(store_dsn)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=CST)  # 2026-11-16 is a Monday


def test_supervisor_report_runs_the_whole_workflow_on_time(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾一堆", 50, 50, at=at(16, 9))
    assert c.state == "reported" and c.case_no.startswith("20261116")
    c = act(conn, c.id, "accept", "operator", c.version, at=at(16, 9, 5))
    assert c.state == "accepted"  # a supervisor's report needs no verification on site
    c = act(conn, c.id, "register", "shift_leader", c.version, at=at(16, 9, 20))
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, at=at(16, 9, 30))
    assert c.department_code == "HW"  # routing rule (先属地)
    assert c.stage_deadline == at(16, 15)  # 4 working hours: 09:30→12:00 (2.5 h), 13:30→15:00 (1.5 h)
    c = act(conn, c.id, "feedback", "department", c.version, note="已清运", at=at(16, 14))
    c = act(conn, c.id, "check_ok", "supervisor", c.version, note="已处置到位", at=at(16, 14, 20))
    c = act(conn, c.id, "close", "shift_leader", c.version, at=at(16, 15))
    assert c.state == "closed"
    with conn.cursor() as cur:
        cur.execute("SELECT close_category FROM citygrid.work_case WHERE id = %s", (c.id,))
        assert cur.fetchone()[0] == "正常结案"
        cur.execute("SELECT action, from_state, to_state, role FROM citygrid.case_action WHERE case_id = %s "
                    "ORDER BY id", (c.id,))
        assert [r[0] for r in cur.fetchall()] == ["report", "accept", "register", "dispatch", "feedback",
                                                   "check_ok", "close"]
    conn.rollback()


def test_public_reports_are_verified_and_late_handling_closes_late(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    c = report_case(conn, "领导批办", "event", "0102", "垃圾", 150, 150, at=at(20, 16))  # Friday
    c = act(conn, c.id, "accept", "operator", c.version, at=at(20, 16, 5))
    assert c.state == "to_verify"
    with pytest.raises(CaseRefused, match=r"is to_verify: register by shift_leader is not allowed; allowed: "
                                          r"cancel \(office\), cancel \(supervisor\), reassign \(shift_leader\), "
                                          r"verify \(supervisor\)"):
        act(conn, c.id, "register", "shift_leader", c.version)
    c = act(conn, c.id, "verify", "supervisor", c.version, note="现场属实", at=at(20, 16, 20))
    c = act(conn, c.id, "register", "shift_leader", c.version, at=at(20, 16, 30))
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, at=at(20, 17))
    assert c.stage_deadline == at(23, 12)  # 4 working hours: Fri 17:00–17:30, Mon 08:30–12:00
    c = act(conn, c.id, "feedback", "department", c.version, note="已清运", at=at(23, 15))
    c = act(conn, c.id, "rework", "supervisor", c.version, note="没清干净", at=at(23, 15, 30))
    assert c.state == "dispatched"
    c = act(conn, c.id, "feedback", "department", c.version, note="已清运", at=at(23, 16))
    c = act(conn, c.id, "check_ok", "supervisor", c.version, note="已处置到位", at=at(23, 16, 20))
    c = act(conn, c.id, "close", "shift_leader", c.version, at=at(23, 17))
    with conn.cursor() as cur:
        cur.execute("SELECT close_category, rework_count FROM citygrid.work_case WHERE id = %s", (c.id,))
        assert cur.fetchone() == ("正常结案", 1)  # the rework gave a new handling period


def test_side_paths_need_their_inputs(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0505", "乱停车", 250, 50, at=at(16, 9))
    c = act(conn, c.id, "accept", "operator", c.version)
    c = act(conn, c.id, "register", "shift_leader", c.version)
    with pytest.raises(CaseRefused, match="dispatch needs a department"):
        act(conn, c.id, "dispatch", "dispatcher", c.version)  # no routing rule for 0505
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, data={"department": "SZ"})
    with pytest.raises(CaseRefused, match="return needs a note"):
        act(conn, c.id, "return", "department", c.version)
    c = act(conn, c.id, "return", "department", c.version, note="不归我们管")
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, data={"department": "JG"})
    deadline = c.stage_deadline
    with pytest.raises(CaseRefused, match="no extension request"):
        act(conn, c.id, "approve_extension", "shift_leader", c.version)
    c = act(conn, c.id, "request_extension", "department", c.version, note="需要配件", data={"hours": 24})
    c = act(conn, c.id, "approve_extension", "shift_leader", c.version)
    assert c.stage_deadline - deadline == timedelta(hours=24)
    with pytest.raises(CaseRefused, match="not overdue"):
        act(conn, c.id, "urge", "dispatcher", c.version)
    assert ("feedback", "department", {"note": True}) in allowed_actions(conn, c.id)  # 0505 asks no after photo
    c = act(conn, c.id, "defer", "shift_leader", c.version, note="需协调多部门")
    assert c.state == "deferred" and c.stage_deadline is None  # 挂账: no clock runs, never "overdue"
    c = act(conn, c.id, "release", "shift_leader", c.version)
    assert c.state == "dispatched" and c.stage_deadline is not None
    assert len(c.case_no) == 16  # report date + at least 8 digits


def test_two_users_at_once_exactly_one_wins_and_the_other_is_told_who(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0102", "垃圾", 50, 150)
    results, errors = [], []
    barrier = threading.Barrier(8)

    def user():
        mine = db.connect(case_dsn)
        try:
            barrier.wait()
            results.append(act(mine, c.id, "accept", "operator", c.version))
        except CaseRefused as exc:
            errors.append(exc)
        finally:
            mine.close()

    threads = [threading.Thread(target=user) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 1 and len(errors) == 7
    assert all(isinstance(e, CaseConflict) and "was changed by" in str(e) and "refresh" in str(e) for e in errors)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM citygrid.case_action WHERE case_id = %s AND action = 'accept'", (c.id,))
        assert cur.fetchone()[0] == 1


def test_cases_and_audit_cannot_be_changed_behind_the_workflow(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0102", "垃圾", 50, 150)
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="only through citygrid.case_report"):
        cur.execute("UPDATE citygrid.work_case SET state = 'closed' WHERE id = %s", (c.id,))
    conn.rollback()
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match="append-only"):
        cur.execute("DELETE FROM citygrid.case_action")
    conn.rollback()
    with pytest.raises(CaseRefused, match="outside every unit grid"):
        report_case(conn, "监督员上报", "event", "0102", "垃圾", 900, 900)


def test_every_action_notifies_qgis_with_the_case(case_dsn, conn_factory):
    listener = conn_factory(case_dsn)
    listener.autocommit = True
    with listener.cursor() as cur:
        cur.execute("LISTEN qgis")
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0102", "垃圾", 50, 150)
    act(conn, c.id, "accept", "operator", c.version)
    payloads = []
    for _ in range(20):
        if select.select([listener], [], [], 0.5) != ([], [], []):
            listener.poll()
            payloads += [n.payload for n in listener.notifies]
            listener.notifies.clear()
        if len(payloads) >= 2:
            break
    assert payloads == [f"case:{c.id}", f"case:{c.id}"]


def test_working_calendar_holidays_move_deadlines(case_dsn, conn_factory):
    conn = conn_factory(case_dsn)
    with conn.cursor() as cur:
        cur.execute("SELECT citygrid.add_work_time(%s, 3, 'work_days')", (at(20, 10),))
        assert cur.fetchone()[0] == at(25, 17, 30)  # Fri → Mon, Tue, Wed
        cur.execute("INSERT INTO citygrid.work_calendar VALUES ('2026-11-24', false, '假日'), "
                    "('2026-11-22', true, '调休')")
        cur.execute("SELECT citygrid.add_work_time(%s, 3, 'work_days')", (at(20, 10),))
        assert cur.fetchone()[0] == at(25, 17, 30)  # Sun (调休), Mon, Wed
        cur.execute("SELECT citygrid.add_work_time(%s, 1, 'work_hours')", (at(23, 11, 30),))
        assert cur.fetchone()[0] == at(23, 14)  # across the lunch break
    conn.rollback()


def test_the_audit_records_each_verdict_as_given_at_the_time(case_dsn, conn_factory):
    """Migration 008: every action writes the deadline it was due by, whether it was on time, the
    deadlines after it and the department, so the evaluation never recomputes a past verdict."""
    conn = conn_factory(case_dsn)
    c = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 50, at=at(16, 9))
    c = act(conn, c.id, "accept", "operator", c.version, at=at(16, 9, 5))
    c = act(conn, c.id, "register", "shift_leader", c.version, at=at(16, 11))  # 1 working hour: due 10:05
    c = act(conn, c.id, "dispatch", "dispatcher", c.version, at=at(16, 11, 10))
    c = act(conn, c.id, "feedback", "department", c.version, note="已清运", at=at(17, 9))  # due 16 Nov 16:40: late
    c = act(conn, c.id, "check_ok", "supervisor", c.version, note="已处置到位", at=at(17, 9, 10))  # 30 minutes: on time
    c = act(conn, c.id, "close", "shift_leader", c.version, at=at(17, 9, 30))
    with conn.cursor() as cur:
        cur.execute("SELECT action, data FROM citygrid.case_action WHERE case_id = %s ORDER BY id", (c.id,))
        audit = dict(cur.fetchall())
    conn.rollback()
    assert audit["accept"]["on_time"] is None and audit["accept"]["due"] is None  # no limit on accepting
    assert audit["register"]["on_time"] is False
    assert datetime.fromisoformat(audit["register"]["due"]) == at(16, 10, 5)
    assert audit["dispatch"]["department"] == "HW" and audit["dispatch"]["on_time"] is True
    assert datetime.fromisoformat(audit["dispatch"]["handle_deadline"]) == at(16, 16, 40)
    assert audit["feedback"]["on_time"] is False and audit["feedback"]["department"] == "HW"
    assert audit["check_ok"]["on_time"] is True
    assert audit["close"]["close_category"] == "超时结案" and audit["close"]["stage_deadline"] is None
