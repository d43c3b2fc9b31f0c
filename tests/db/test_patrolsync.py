"""The handheld's sync (城管通, issue 17 item 3) over the supervisor's real password login: a patrol
package edited as QField would (tests/helpers/patrol.py) becomes cases, photos, workflow actions
and tracks in the store, in his name; a second sync adds nothing; a sync interrupted between the
store and the package is healed by the next; a verdict on a case someone else moved is a
conflict that is said and kept; and the bad input of the issue (another store's package, a
photo that is not there, a track going back in time or jumping at 300 km/h, a report far
outside the district, an old report, a package synced out of order) each gets its message while
everything good in the package arrives."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.store import admin, patrol
from citygrid_plugin.store.cases import act, report_case
from citygrid_plugin.store.photos import Photo, add_photo
from citygrid_plugin.store.roles import save_user
from tests.helpers import patrol as field
from tests.helpers.photos import jpeg, photo
from tests.helpers.sql import PASSWORD, count, one

UTC = dt.UTC
CST = dt.timezone(dt.timedelta(hours=8))
# the case store's 100 m grids: 001 002 003 on the row y 100–200 (zhang's), 004 005 006 below (li's)
GRID = {n: f"510104001001{n:03d}" for n in range(1, 7)}


@pytest.fixture
def patrol_store(secured, cluster, store_dsn, conn_factory):
    """zhang answers for grids 001–003, li for 004–006; both log in with their passwords."""
    owner, login, logins = secured
    tag = uuid.uuid4().hex[:6]
    names = {"zhang": f"cgt_{tag}_zhang", "li": f"cgt_{tag}_li"}
    save_user(owner, names["zhang"], ["supervisor"], "张监督", password=PASSWORD)
    save_user(owner, names["li"], ["supervisor"], "李监督", password=PASSWORD)
    admin.set_supervisor_grids(owner, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    admin.set_supervisor_grids(owner, names["li"], [GRID[4], GRID[5], GRID[6]])
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def as_(key):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={names[key]} "
                            f"password={PASSWORD}")
    yield owner, login, names, as_
    owner.rollback()
    with owner.cursor() as cur:
        cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = ANY(%s)", (list(names.values()),))
    owner.commit()


def public_case(login, x=50.0, y=150.0):
    """A 12319 call accepted by the operator: a verify task of the grid's supervisor."""
    c = report_case(login("operator"), "12319热线", "event", "0102", "暴露垃圾", x, y, reporter="王",
                    reporter_phone="13800000000")
    return act(login("operator"), c.id, "accept", "operator", c.version)


def handled_case(login, as_, x=150.0, y=150.0):
    """A case verified by zhang, dispatched, handled by 环卫所: a check task of zhang's."""
    c = public_case(login, x, y)
    c = act(as_("zhang"), c.id, "verify", "supervisor", c.version, note="属实", photos=[photo(name="核实.jpg")])
    c = act(login("shift_leader"), c.id, "register", "shift_leader", c.version)
    c = act(login("dispatcher"), c.id, "dispatch", "dispatcher", c.version, data={"department": "HW"})
    return act(login("department"), c.id, "feedback", "department", c.version, note="已清运",
               photos=[photo(name="处置.jpg", colour=(0, 200, 0))])


def walk(n, start, x0=20.0, y=150.0, step=1.2):
    return [(x0 + i * step, y, start + i) for i in range(n)]


def totals(owner):
    """What the store holds of the patrol: cases, photos, actions, track parts."""
    return (count(owner, "SELECT count(*) FROM citygrid.work_case"),
            count(owner, "SELECT count(*) FROM citygrid.case_photo"),
            count(owner, "SELECT count(*) FROM citygrid.case_action"),
            count(owner, "SELECT count(*) FROM citygrid.patrol_track"))


def test_field_work_becomes_cases_photos_actions_and_tracks_in_the_supervisors_name(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    to_verify = public_case(login)
    to_check = handled_case(login, as_)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    assert {(r["case_id"], r["task"]) for r in field.rows(folder, "tasks")} == {(to_verify.id, "verify"),
                                                                               (to_check.id, "check")}
    seen = dt.datetime.now(UTC).replace(microsecond=0) - dt.timedelta(hours=2)
    first = field.add_report(folder, 60, 160, photos=[jpeg(), jpeg(colour=(10, 10, 200))], observed_at=seen,
                             accuracy_m=3.5, urgent=1, braces=True, description="人行道上堆放建筑垃圾")
    second = field.add_report(folder, 250, 120, class_code="0101", description="道路遗撒")
    v1 = field.set_verdict(folder, to_verify.id, "confirmed", "现场属实，垃圾约两吨", photo=jpeg(colour=(1, 2, 3)))
    v2 = field.set_verdict(folder, to_check.id, "fixed", "已清理干净", photo=jpeg(colour=(3, 2, 1)))
    start = dt.datetime.now(UTC).timestamp() - 3600
    track = field.add_track(folder, walk(120, start))

    result = patrol.sync(zhang, folder)

    assert (result.reports_filed, result.reports_known, result.photos_added) == (2, 0, 2)
    assert (result.verdicts_applied, result.verdicts_skipped, result.conflicts) == (2, 0, [])
    assert (result.tracks_stored, result.problems, result.switched) == (1, [], False)
    case = one(owner, """SELECT source, external_id, observed_at, accuracy_m, urgent, state, grid_code
                           FROM citygrid.work_case WHERE case_no = %s""", (result.cases[first],))
    assert case[:2] == ("监督员上报", first) and case[2] == seen and case[3] == pytest.approx(3.5)
    assert case[4] is True and case[6] == GRID[1]
    assert one(owner, "SELECT actor FROM citygrid.case_action a JOIN citygrid.work_case c ON c.id = a.case_id "
                      "WHERE c.external_id = %s AND a.action = 'report'", (second,))[0] == names["zhang"]
    assert count(owner, "SELECT count(*) FROM citygrid.case_photo p JOIN citygrid.work_case c ON c.id = p.case_id "
                        "WHERE c.external_id = %s AND p.stage = 'report' AND p.uploaded_by = %s",
                 (first, names["zhang"])) == 2
    for case_id, action, uid, stage, state in ((to_verify.id, "verify", v1, "verify", "accepted"),
                                               (to_check.id, "check_ok", v2, "check", "checked")):
        audit = one(owner, "SELECT actor, role, note, data ->> 'field_id' FROM citygrid.case_action "
                           "WHERE case_id = %s AND action = %s ORDER BY id DESC LIMIT 1", (case_id, action))
        assert audit[0] == names["zhang"] and audit[1] == "supervisor" and audit[3] == uid
        assert one(owner, "SELECT state FROM citygrid.work_case WHERE id = %s", (case_id,))[0] == state
        assert count(owner, "SELECT count(*) FROM citygrid.case_photo WHERE case_id = %s AND stage = %s "
                            "AND uploaded_by = %s", (case_id, stage, names["zhang"])) == 1
    stored = one(owner, "SELECT login, points, track_uid, started_at FROM citygrid.patrol_track")
    assert stored[0] == names["zhang"] and stored[1] == 120 and stored[2].startswith(track + ":")
    assert stored[3].timestamp() == pytest.approx(start, abs=0.001)
    synced = {(r["uid"], r["what"]) for r in field.rows(folder, "_citygrid_synced")}
    assert synced == {(first, "report"), (second, "report"), (v1, "verdict"), (v2, "verdict"), (track, "track")}
    assert field.rows(folder, "tasks") == []          # both tasks done: gone from his layer

    before = totals(owner)
    again = patrol.sync(zhang, folder)
    assert totals(owner) == before
    assert (again.reports_filed, again.reports_known, again.verdicts_applied, again.verdicts_skipped,
            again.tracks_stored, again.problems) == (0, 0, 0, 0, 0, [])
    assert len(field.rows(folder, "_citygrid_synced")) == 5


def test_a_new_task_comes_into_the_package_with_its_report_photo_and_his_unsent_verdict_stays(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    waiting = public_case(login, 40, 140)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    # a verdict he cannot send yet (its photo is not in the package), and a new public report with a photo
    uid = field.set_verdict(folder, waiting.id, "confirmed", "属实", photo="DCIM/lost.jpg")
    new = public_case(login, 250, 150)
    add_photo(login("operator"), new.id, "report", Photo.from_bytes(jpeg(colour=(9, 90, 9)), "市民.jpg"))
    result = patrol.sync(zhang, folder)
    assert result.verdicts_applied == 0 and [p.uid for p in result.problems] == [uid]
    assert "DCIM/lost.jpg" in result.problems[0].message and "stays in the package" in result.problems[0].message
    tasks = {r["case_id"]: r for r in field.rows(folder, "tasks")}
    assert tasks[waiting.id]["verdict"] == "confirmed" and tasks[waiting.id]["uid"] == uid   # his edit kept
    assert tasks[new.id]["verdict"] is None and tasks[new.id]["report_photo"].startswith("photos/")
    assert (folder / tasks[new.id]["report_photo"]).read_bytes() == jpeg(colour=(9, 90, 9))
    assert (result.tasks_added, result.tasks_kept) == (1, 1)
    # the photo found its way into DCIM: the next sync takes the verdict
    (folder / "DCIM" / "lost.jpg").write_bytes(jpeg())
    result = patrol.sync(zhang, folder)
    assert result.verdicts_applied == 1 and result.problems == []
    assert one(owner, "SELECT state FROM citygrid.work_case WHERE id = %s", (waiting.id,))[0] == "accepted"
    assert [r["case_id"] for r in field.rows(folder, "tasks")] == [new.id]


def test_an_interrupted_sync_is_healed_by_the_next(patrol_store, tmp_path, monkeypatch):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    task = public_case(login)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    report = field.add_report(folder, 60, 160, photos=[jpeg()])
    verdict = field.set_verdict(folder, task.id, "not_confirmed", "现场未见垃圾", photo=jpeg(colour=(5, 5, 5)))
    track = field.add_track(folder, walk(30, dt.datetime.now(UTC).timestamp() - 600), milliseconds=False)

    def crash(*_args, **_kwargs):
        raise RuntimeError("the handheld was unplugged")
    monkeypatch.setattr(patrol, "_write_package", crash)
    with pytest.raises(patrol.PatrolError, match="the handheld was unplugged.*sync it again"):
        patrol.sync(zhang, folder)
    monkeypatch.undo()
    after_crash = totals(owner)
    assert field.rows(folder, "_citygrid_synced") == []     # the package does not know
    assert one(owner, "SELECT state FROM citygrid.work_case WHERE id = %s", (task.id,))[0] == "cancelled"

    healed = patrol.sync(zhang, folder)
    assert totals(owner) == after_crash                      # nothing twice
    assert (healed.reports_filed, healed.reports_known, healed.photos_added) == (0, 1, 0)
    assert (healed.verdicts_applied, healed.verdicts_skipped, healed.tracks_stored, healed.tracks_known) == (0, 1, 0, 1)
    assert {(r["uid"], r["what"]) for r in field.rows(folder, "_citygrid_synced")} == {
        (report, "report"), (verdict, "verdict"), (track, "track")}
    assert count(owner, "SELECT count(*) FROM citygrid.case_photo WHERE case_id = %s AND stage = 'verify'",
                 (task.id,)) == 1                          # 不属实: his photo kept as the verification's evidence
    assert field.rows(folder, "tasks") == []


def test_a_verdict_on_a_case_someone_else_moved_is_a_conflict_said_and_kept(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang, li = as_("zhang"), as_("li")
    taken = public_case(login, 50, 150)
    urged = public_case(login, 150, 150)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    # while he is out: the shift leader gives one task to li, who verifies it; the other is reassigned back to him
    c = act(login("shift_leader"), taken.id, "reassign", "shift_leader", taken.version,
            data={"supervisor": names["li"]})
    act(li, taken.id, "verify", "supervisor", c.version, note="属实", photos=[photo()])
    c = act(login("shift_leader"), urged.id, "reassign", "shift_leader", urged.version,
            data={"supervisor": names["li"]})
    act(login("shift_leader"), urged.id, "reassign", "shift_leader", c.version, data={"supervisor": names["zhang"]})
    v1 = field.set_verdict(folder, taken.id, "not_confirmed", "没看到", photo=jpeg())
    v2 = field.set_verdict(folder, urged.id, "confirmed", "属实", photo=jpeg())
    before = totals(owner)
    result = patrol.sync(zhang, folder)
    assert result.verdicts_applied == 0 and len(result.conflicts) == 2
    assert totals(owner) == before
    conflict = next(c for c in result.conflicts if c.uid == v1)
    assert conflict.case_no == taken.case_no and conflict.verdict == "not_confirmed"
    assert f"reassigned it to {names['li']}" in conflict.detail and names["li"] in conflict.detail
    assert "Verified on site" in conflict.detail and "now Awaiting registration" in conflict.detail
    kept = {r["uid"]: r for r in field.rows(folder, "_citygrid_conflicts")}
    assert set(kept) == {v1, v2} and kept[v1]["note"] == "没看到" and kept[v1]["photo"].startswith("DCIM/")
    assert kept[v1]["detail"] == conflict.detail
    results = {r["uid"]: r["result"] for r in field.rows(folder, "_citygrid_synced")}
    assert results[v1].startswith("conflict: ") and results[v2].startswith("conflict: ")
    # the case that is still his comes back as a fresh task (its new version) for a new verdict
    tasks = field.rows(folder, "tasks")
    assert [(t["case_id"], t["verdict"]) for t in tasks] == [(urged.id, None)]
    assert tasks[0]["version"] == one(owner, "SELECT version FROM citygrid.work_case WHERE id = %s", (urged.id,))[0]
    v3 = field.set_verdict(folder, urged.id, "confirmed", "属实", photo=jpeg())
    again = patrol.sync(zhang, folder)
    assert again.verdicts_applied == 1 and again.conflicts == [] and v3 != v2
    assert len(field.rows(folder, "_citygrid_conflicts")) == 2


def test_a_package_of_another_store_of_someone_else_or_unregistered_is_refused(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang, li = as_("zhang"), as_("li")
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    field.add_report(folder, 60, 160)
    before = totals(owner)
    with pytest.raises(patrol.PatrolError, match=f"supervisor {names['zhang']}'s; you are logged in as "
                                                 f"{names['li']}: sync it with his login"):
        patrol.sync(li, folder)
    here = patrol.store_id(zhang)
    field.set_meta(folder, store_id="0123456789abcdef")
    with pytest.raises(patrol.PatrolError, match=f"another store \\(store id 0123456789abcdef\\); this store's id is "
                                                 f"{here}"):
        patrol.sync(zhang, folder)
    field.set_meta(folder, store_id=here, package_id=str(uuid.uuid4()))
    with pytest.raises(patrol.PatrolError, match="is not registered in this store"):
        patrol.sync(zhang, folder)
    with pytest.raises(patrol.PatrolError, match="is not a patrol package"):
        patrol.sync(zhang, tmp_path)
    assert totals(owner) == before


def test_the_store_owner_syncs_for_the_supervisor_and_the_audit_shows_the_supervisor(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    task = public_case(login)
    folder = field.make_package(tmp_path / "pkg", login("shift_leader"), names["zhang"], [GRID[1]])
    uid = field.add_report(folder, 60, 160)
    field.set_verdict(folder, task.id, "confirmed", "属实", photo=jpeg())
    result = patrol.sync(owner, folder)
    assert result.switched and result.reports_filed == 1 and result.verdicts_applied == 1
    assert one(owner, "SELECT session_user::text")[0] != names["zhang"]      # switched back
    assert one(owner, "SELECT a.actor FROM citygrid.case_action a JOIN citygrid.work_case c ON c.id = a.case_id "
                      "WHERE c.external_id = %s", (uid,))[0] == names["zhang"]
    assert one(owner, "SELECT actor FROM citygrid.case_action WHERE case_id = %s AND action = 'verify'",
               (task.id,))[0] == names["zhang"]


def test_missing_and_refused_photos_are_said_and_the_reports_filed_with_the_rest(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    task = public_case(login)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    uid = field.add_report(folder, 60, 160, photos=["DCIM/not_there.jpg", b"GIF89a not a photo", jpeg()])
    verdict = field.set_verdict(folder, task.id, "not_confirmed", photo="DCIM/gone.jpg")   # no note: 不属实 is it
    result = patrol.sync(zhang, folder)
    assert result.reports_filed == 1 and result.photos_added == 1 and result.verdicts_applied == 1
    assert one(owner, "SELECT note FROM citygrid.case_action WHERE case_id = %s AND action = 'cancel'",
               (task.id,))[0] == "不属实"
    [cancelled] = [p for p in result.problems if p.what == "verdict"]
    assert cancelled.uid == verdict and "DCIM/gone.jpg" in cancelled.message and "taken without it" in cancelled.message
    messages = [p.message for p in result.problems if p.what == "report"]
    assert len(messages) == 2 and all(p.uid == uid for p in result.problems if p.what == "report")
    assert "DCIM/not_there.jpg" in messages[0] and "there is no file" in messages[0]
    assert "is not a JPEG or PNG photo" in messages[1]
    assert all(f"case {result.cases[uid]} was filed" in m for m in messages)
    # the missing photo copied in later arrives with the next sync, the good one is not sent twice
    (folder / "DCIM" / "not_there.jpg").write_bytes(jpeg(colour=(0, 0, 0)))
    again = patrol.sync(zhang, folder)
    assert again.photos_added == 1 and again.reports_filed == 0
    assert count(owner, "SELECT count(*) FROM citygrid.case_photo p JOIN citygrid.work_case c ON c.id = p.case_id "
                        "WHERE c.external_id = %s", (uid,)) == 2


def test_a_photo_the_store_refuses_costs_neither_the_report_nor_its_other_photos(patrol_store, tmp_path):
    owner, _login, names, as_ = patrol_store
    zhang = as_("zhang")
    with owner.cursor() as cur:    # this store takes smaller photos than the plugin's own check (10 MB)
        cur.execute("INSERT INTO citygrid.store_setting (key, value) VALUES ('photo_max_bytes', '20000') "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
    owner.commit()
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    uid = field.add_report(folder, 60, 160, photos=[jpeg(), jpeg(padding=50_000), jpeg(colour=(0, 90, 0))],
                           accuracy_m=25_000)
    result = patrol.sync(zhang, folder)
    assert result.reports_filed == 1 and result.photos_added == 2
    messages = [p.message for p in result.problems]
    assert "position accuracy 25000.0 m is not plausible: filed without it" in messages[0]
    assert "report_" in messages[1] and "_2.jpg was not" in messages[1] and "MB" in messages[1]
    assert one(owner, "SELECT accuracy_m FROM citygrid.work_case WHERE external_id = %s", (uid,))[0] is None


def test_a_track_going_back_in_time_and_jumping_at_300_kmh_is_split_said_and_its_good_parts_stored(
        patrol_store, tmp_path):
    owner, _login, names, as_ = patrol_store
    zhang = as_("zhang")
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    t0 = dt.datetime.now(UTC).replace(microsecond=0).timestamp() - 7200
    part1 = walk(20, t0)
    # 250 m in 3 s = 300 km/h: tracking resumed after a ride (a jump that stays)
    part2 = walk(20, t0 + 22, x0=part1[-1][0] + 250)
    # the clock set back five minutes
    part3 = walk(20, t0 - 300, x0=part2[-1][0] + 1, y=120)
    points = part1 + part2 + part3
    points.insert(10, (280.0, 30.0, t0 + 9.5))            # one bad fix
    uid = field.add_track(folder, points)
    result = patrol.sync(zhang, folder)
    assert result.tracks_stored == 3 and result.problems == []
    said = [(i.kind, i.action, i.index) for _u, i in result.track_issues]
    assert said == [("jump", "dropped", 11), ("jump", "split", 22), ("backwards", "split", 42)]
    messages = [i.message() for _u, i in result.track_issues]
    assert "300 km/h" in messages[1] and "the track is split there" in messages[1]
    parts = [r for r in (one(owner, "SELECT array_agg(points ORDER BY started_at) FROM citygrid.patrol_track "
                                    "WHERE login = %s", (names["zhang"],))[0])]
    assert sorted(parts) == [20, 20, 20]
    # the session went on after the sync: only its new part is sent, joined to the stored one
    later = walk(10, part3[-1][2] + 1, x0=part3[-1][0] + 1.2, y=120)
    field.add_track(folder, points + later, uid=uid)
    again = patrol.sync(zhang, folder)
    assert again.tracks_stored == 1 and again.tracks_known == 2
    assert count(owner, "SELECT count(*) FROM citygrid.patrol_track WHERE login = %s", (names["zhang"],)) == 4
    assert count(owner, "SELECT max(points) FILTER (WHERE started_at = to_timestamp(%s)) FROM citygrid.patrol_track",
                 (part3[-1][2],)) == 11


def test_a_report_far_outside_the_district_or_too_old_is_said_and_the_others_are_filed(patrol_store, tmp_path):
    owner, _login, names, as_ = patrol_store
    zhang = as_("zhang")
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    far = field.add_report(folder, 40_000, 160)
    old = field.add_report(folder, 70, 170, observed_at=dt.datetime.now(UTC) - dt.timedelta(days=10))
    good = field.add_report(folder, 60, 160)
    result = patrol.sync(zhang, folder)
    assert result.reports_filed == 1 and set(result.cases) == {good}
    problems = {p.uid: p.message for p in result.problems}
    assert set(problems) == {far, old}
    assert "lies outside every unit grid" in problems[far] and "40000.0" in problems[far]
    assert "observed time" in problems[old] and "not plausible" in problems[old]
    assert {r["uid"] for r in field.rows(folder, "_citygrid_synced")} == {good}


def test_a_package_synced_out_of_order_adds_nothing_twice(patrol_store, tmp_path):
    owner, login, names, as_ = patrol_store
    zhang = as_("zhang")
    task = public_case(login)
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1]])
    first = field.add_report(folder, 60, 160, photos=[jpeg()])
    track = field.add_track(folder, walk(10, dt.datetime.now(UTC).timestamp() - 900))
    older = field.copy_package(folder, tmp_path / "backup")      # the morning's copy
    verdict = field.set_verdict(folder, task.id, "confirmed", "属实", photo=jpeg())
    second = field.add_report(folder, 70, 160)
    newer = patrol.sync(zhang, folder)
    assert newer.reports_filed == 2 and newer.verdicts_applied == 1
    before = totals(owner)
    stale = patrol.sync(zhang, older)
    assert totals(owner) == before
    assert (stale.reports_filed, stale.reports_known, stale.tracks_stored, stale.tracks_known) == (0, 1, 0, 1)
    assert stale.problems == [] and stale.conflicts == []
    assert {r["uid"] for r in field.rows(older, "_citygrid_synced")} == {first, track}
    assert field.rows(older, "tasks") == []        # the task done through the newer copy left the old one too
    assert second not in {r["uid"] for r in field.rows(older, "_citygrid_synced")} and verdict


def test_a_supervisor_who_lost_a_grid_is_told_and_his_reports_still_arrive(patrol_store, tmp_path):
    owner, _login, names, as_ = patrol_store
    zhang = as_("zhang")
    folder = field.make_package(tmp_path / "pkg", zhang, names["zhang"], [GRID[1], GRID[2], GRID[3]])
    admin.set_supervisor_grids(owner, names["zhang"], [GRID[1]], day=centre_today())
    field.add_report(folder, 150, 150)
    result = patrol.sync(zhang, folder)
    assert result.reports_filed == 1
    assert any(f"no longer answers for grids {GRID[2]}, {GRID[3]}" in n for n in result.notes)
