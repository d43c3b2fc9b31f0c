"""Return visits (回访, issue 18): the external evaluation. An operator calls back the reporter of a
closed public case and records whether he was reached and how satisfied he is; 不满意 may reopen
the case as rework. The store decides who may, when it is due and whether it was on time; the
evaluation turns the visits into satisfaction rates with known answers on hand-built cases."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from citygrid_plugin.core import evaluation as ev
from citygrid_plugin.store.cases import CaseRefused, act, report_case
from citygrid_plugin.store.evaluation import load_cases
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.evaluation import CST, DEC, NOV, t
from tests.helpers.photos import photo
from tests.helpers.sql import PASSWORD, count, denied
from tests.stores import make_case_store

PUBLIC = "12345热线"
NOTES = {"verify": "现场属实", "feedback": "已处置", "check_ok": "已处置到位"}


def _path_to_closed(conn, logins, source, start: datetime, step=timedelta(minutes=20), x=50, y=50):
    """Report a 暴露垃圾 case at *start* and replay it to 结案, one step every *step*."""
    public = source == PUBLIC
    c = report_case(conn, source, "event", "0102", "垃圾堆放", x, y, at=start,
                    as_user=logins["op" if public else "sup"],
                    reporter="市民" if public else None, reporter_phone="13800000000" if public else None)
    steps = [("accept", "operator", "op")] + ([("verify", "supervisor", "sup")] if public else []) + [
        ("register", "shift_leader", "sl"), ("dispatch", "dispatcher", "dp"), ("feedback", "department", "hw"),
        ("check_ok", "supervisor", "sup"), ("close", "shift_leader", "sl")]
    at = start
    for action, role, who in steps:
        at += step
        c = act(conn, c.id, action, role, c.version, at=at, as_user=logins[who], note=NOTES.get(action))
    return c, at


@pytest.fixture
def people(cluster, store_dsn, conn_factory):
    """A case store with the roles and one password login per person; yields (owner, login(key), logins)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    staff = {"op": ("operator", None), "sup": ("supervisor", None), "sl": ("shift_leader", None),
             "dp": ("dispatcher", None), "hw": ("department", "HW"), "lead": ("leader", None)}
    logins = {k: f"cgt_{tag}_{k}" for k in staff}
    for key, (role, dept) in staff.items():
        save_user(owner, logins[key], [role], key, department=dept, password=PASSWORD)
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def login(key: str):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} "
                            f"user={logins[key]} password={PASSWORD}")

    yield owner, login, logins
    owner.rollback()
    with owner.cursor() as cur:
        for name in logins.values():
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()


def _case(conn, case_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute("SELECT state, version, revisit_pending, revisit_due, rework_count, department_code, "
                    "handle_deadline FROM citygrid.work_case WHERE id = %s", (case_id,))
        row = cur.fetchone()
    conn.commit()
    return dict(zip(("state", "version", "pending", "due", "rework", "department", "handle_deadline"), row))


def _allowed(conn, case_id: int) -> set[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT action FROM citygrid.case_allowed_actions(%s)", (case_id,))
        out = {r[0] for r in cur.fetchall()}
    conn.commit()
    return out


def test_an_operator_calls_the_reporter_back_until_reached_and_the_store_judges_the_visit(people):
    owner, login, logins = people
    now = datetime.now(CST)
    public, closed_at = _path_to_closed(owner, logins, PUBLIC, now - timedelta(hours=3))
    trusted, _ = _path_to_closed(owner, logins, "监督员上报", now - timedelta(hours=3), x=150)
    state = _case(owner, public.id)
    assert state["state"] == "closed" and state["pending"]
    with owner.cursor() as cur:   # due: the manual's 回访 limit (2 working days) from closing
        cur.execute("SELECT citygrid.add_work_time(%s, 2, 'work_days')", (closed_at,))
        assert state["due"] == cur.fetchone()[0]
    owner.commit()
    assert not _case(owner, trusted.id)["pending"]

    op = login("op")
    assert "revisit" in _allowed(op, public.id) and "revisit" not in _allowed(op, trusted.id)
    with pytest.raises(CaseRefused, match="is not allowed"):
        act(op, trusted.id, "revisit", "operator", trusted.version, data={"reached": True, "satisfaction": "满意"})
    # the supervisor does not call reporters back
    with pytest.raises(CaseRefused):
        act(login("sup"), public.id, "revisit", "operator", public.version, data={"reached": False})
    # not reached: recorded, still waiting
    c = act(op, public.id, "revisit", "operator", public.version, data={"reached": False}, note="无人接听")
    assert _case(owner, public.id)["pending"] and "revisit" in _allowed(op, public.id)
    with pytest.raises(CaseRefused, match="records his satisfaction"):
        act(op, c.id, "revisit", "operator", c.version, data={"reached": True})
    with pytest.raises(CaseRefused, match="records no satisfaction"):
        act(op, c.id, "revisit", "operator", c.version, data={"reached": False, "satisfaction": "满意"})
    with pytest.raises(CaseRefused, match="into the note"):
        act(op, c.id, "revisit", "operator", c.version, data={"reached": True, "satisfaction": "不满意"})
    with pytest.raises(CaseRefused, match="only a return visit with 不满意"):
        act(op, c.id, "revisit", "operator", c.version, data={"reached": True, "satisfaction": "满意", "reopen": True})
    c = act(op, c.id, "revisit", "operator", c.version, data={"reached": True, "satisfaction": "基本满意"})
    assert not _case(owner, c.id)["pending"] and c.state == "closed"
    with pytest.raises(CaseRefused, match="awaits no return visit"):
        act(op, c.id, "revisit", "operator", c.version, data={"reached": True, "satisfaction": "满意"})
    with owner.cursor() as cur:
        cur.execute("SELECT actor, data ->> 'reached', data ->> 'satisfaction', (data ->> 'on_time')::boolean "
                    "FROM citygrid.case_action WHERE case_id = %s AND action = 'revisit' ORDER BY id", (c.id,))
        visits = cur.fetchall()
    owner.commit()
    assert visits == [(logins["op"], "false", None, True), (logins["op"], "true", "基本满意", True)]


def test_a_dissatisfied_reporter_reopens_the_case_when_the_authorisation_allows_it(people):
    owner, login, logins = people
    now = datetime.now(CST)
    c, _ = _path_to_closed(owner, logins, PUBLIC, now - timedelta(hours=3))
    before = _case(owner, c.id)
    op = login("op")
    with owner.cursor() as cur:
        cur.execute("DELETE FROM citygrid.case_authority WHERE action = 'reopen'")
    owner.commit()
    with pytest.raises(CaseRefused) as refused:
        act(op, c.id, "revisit", "operator", c.version, note="垃圾又堆起来了",
            data={"reached": True, "satisfaction": "不满意", "reopen": True})
    assert "reopen" in refused.value.store_message and "nobody" in refused.value.store_message
    assert _case(owner, c.id) == before          # refused: nothing changed
    with owner.cursor() as cur:
        cur.execute("INSERT INTO citygrid.case_authority (action, role) VALUES ('reopen', 'operator')")
    owner.commit()
    c = act(op, c.id, "revisit", "operator", c.version, note="垃圾又堆起来了",
            data={"reached": True, "satisfaction": "不满意", "reopen": True})
    after = _case(owner, c.id)
    assert after["state"] == "dispatched" and after["department"] == "HW" and after["rework"] == 1
    assert not after["pending"] and after["handle_deadline"] > now
    # the department works it again; the next closing waits for a new return visit
    hw = login("hw")
    c = act(hw, c.id, "feedback", "department", c.version, note="已再次清运", photos=[photo("清运后.jpg")])
    assert c.state == "handled"


def test_a_leader_reads_the_figures_but_no_reporter_and_acts_on_nothing(people):
    owner, login, logins = people
    c, _ = _path_to_closed(owner, logins, PUBLIC, datetime.now(CST) - timedelta(hours=3))
    lead = login("lead")
    assert count(lead, "SELECT count(*) FROM citygrid.work_case") == 1
    assert count(lead, "SELECT count(*) FROM citygrid.case_action WHERE case_id = %s", (c.id,)) >= 7
    denied(lead, "SELECT phone FROM citygrid.case_reporter")
    denied(lead, "SELECT phone FROM citygrid.case_extra_report")
    with pytest.raises(CaseRefused, match="permission denied for function case_act"):
        act(lead, c.id, "revisit", "operator", c.version, data={"reached": False})


@pytest.fixture
def november(people):
    """Five cases closed in November 2026 (four public, one trusted), visited in known ways."""
    owner, _login, logins = people
    ids = {}
    # P1: closed Tue 3 Nov, reporter reached the next day: 满意, on time
    c, _ = _path_to_closed(owner, logins, PUBLIC, t(11, 3, 9))
    c = act(owner, c.id, "revisit", "operator", c.version, at=t(11, 4, 10), as_user=logins["op"],
            data={"reached": True, "satisfaction": "满意"})
    ids["P1"] = c.id
    # P2: closed Thu 5 Nov (due: end of Mon 9 Nov), reached Thu 12 Nov: 基本满意, late
    c, _ = _path_to_closed(owner, logins, PUBLIC, t(11, 5, 9), x=150)
    c = act(owner, c.id, "revisit", "operator", c.version, at=t(11, 12, 10), as_user=logins["op"],
            data={"reached": True, "satisfaction": "基本满意"})
    ids["P2"] = c.id
    # P3: closed Tue 10 Nov; not reached, then 不满意 and reopened; handled and closed again, not visited since
    c, _ = _path_to_closed(owner, logins, PUBLIC, t(11, 10, 9), x=250)
    c = act(owner, c.id, "revisit", "operator", c.version, at=t(11, 11, 9), as_user=logins["op"],
            data={"reached": False}, note="关机")
    c = act(owner, c.id, "revisit", "operator", c.version, at=t(11, 11, 15), as_user=logins["op"],
            data={"reached": True, "satisfaction": "不满意", "reopen": True}, note="没有清理干净")
    for action, role, who, at in (("feedback", "department", "hw", t(11, 12, 9)),
                                  ("check_ok", "supervisor", "sup", t(11, 12, 10)),
                                  ("close", "shift_leader", "sl", t(11, 12, 11))):
        c = act(owner, c.id, action, role, c.version, at=at, as_user=logins[who], note=NOTES.get(action))
    ids["P3"] = c.id
    # P4: closed Fri 20 Nov (due: end of Tue 24 Nov), never reached
    c, _ = _path_to_closed(owner, logins, PUBLIC, t(11, 20, 9), y=150)
    ids["P4"] = c.id
    # T1: a supervisor's own report: nobody to call back
    c, _ = _path_to_closed(owner, logins, "监督员上报", t(11, 6, 9), x=150, y=150)
    ids["T1"] = c.id
    return owner, ids


def _figures(conn, grouping: str):
    as_of = ev.period_cutoff(NOV, DEC, datetime.now(CST))
    return ev.figures(ev.facts_for(load_cases(conn, NOV, as_of), NOV, DEC, as_of), grouping)


def test_november_satisfaction_is_the_hand_count(november):
    owner, ids = november

    def cases(*keys):
        return frozenset(ids[k] for k in keys)

    hw = _figures(owner, "department")["HW"]
    assert hw["revisit_due"].numerator == cases("P1", "P2", "P3", "P4")
    assert hw["revisited"].numerator == cases("P1", "P2", "P3")
    assert hw["satisfied"].numerator == cases("P1", "P2")          # 满意 and 基本满意
    assert hw["dissatisfied"].numerator == cases("P3")
    assert hw["revisited_on_time"].numerator == cases("P1", "P3")
    assert hw["satisfaction_rate"].value == pytest.approx(2 / 3)
    assert hw["revisit_on_time_rate"].value == pytest.approx(2 / 4)
    assert hw["reworked"].numerator == cases("P3")                # reopened after 不满意
    street = _figures(owner, "street")["510104001"]
    assert street["satisfaction_rate"].value == pytest.approx(2 / 3)
    # the score: satisfaction weighted 10 of 110 points, rescaled to 100
    weights = {**ev.DEFAULT_WEIGHTS, "satisfaction_rate": 10.0}
    without = ev.composite(hw)
    with_sat = ev.composite(hw, weights)
    assert with_sat == pytest.approx(without + 10 * 2 / 3)
    # a department nobody called back keeps its score: the term is left out, the others rescaled
    row = {k: v for k, v in hw.items() if k != "satisfaction_rate"}
    assert ev.composite(row, weights) == pytest.approx(without * 110 / 100)


def test_a_month_without_return_visits_has_no_satisfaction_rate_rather_than_zero(november):
    owner, _ids = november
    as_of = ev.period_cutoff(DEC, datetime(2027, 1, 1, tzinfo=CST), datetime(2027, 1, 2, tzinfo=CST))
    facts = ev.facts_for(load_cases(owner, DEC, as_of), DEC, datetime(2027, 1, 1, tzinfo=CST), as_of)
    rows = ev.figures(facts, "department")
    assert all(r["satisfaction_rate"].value is None for r in rows.values())


def test_the_return_visit_limit_is_the_manuals_and_a_new_manual_moves_only_new_cases(people):
    """回访 is a stage of the command manual: a manual that gives it 1 working day applies to the
    cases reported under it; a case reported before keeps the 2 days of its version."""
    from dataclasses import replace

    from citygrid_plugin.core.manual import Limit
    from citygrid_plugin.store import manual as store_manual

    owner, _login, logins = people
    now = datetime.now(CST)
    before, closed_before = _path_to_closed(owner, logins, PUBLIC, now - timedelta(hours=5))
    current = store_manual.current(owner)
    assert current.defaults["event"]["revisit"] == Limit(2, "work_days")
    faster = replace(current, defaults={**current.defaults,
                                        "event": {**current.defaults["event"], "revisit": Limit(1, "work_days")}})
    version, changes = store_manual.apply(owner, faster, "回访 1 个工作日")
    assert changes and store_manual.current(owner).defaults["event"]["revisit"] == Limit(1, "work_days")
    after, closed_after = _path_to_closed(owner, logins, PUBLIC, now - timedelta(hours=3), x=150)
    with owner.cursor() as cur:
        cur.execute("SELECT citygrid.add_work_time(%s, 2, 'work_days'), citygrid.add_work_time(%s, 1, 'work_days')",
                    (closed_before, closed_after))
        two_days, one_day = cur.fetchone()
    owner.commit()
    assert _case(owner, before.id)["due"] == two_days
    assert _case(owner, after.id)["due"] == one_day
