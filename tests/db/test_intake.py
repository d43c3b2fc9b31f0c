"""Case intake, photos and evidence, the desk's reads (issue 15), as real logins with passwords.

Each test is something a post relies on: the operator's report with its photos and EXIF, a public
channel's reporter (required, and hidden from everyone but the supervision centre), duplicates
attached rather than lost, an import that adds nothing twice and nothing at all when one row is
bad, photos refused with a reason, the evidence each workflow step now needs, assisting
departments, urgent limits, and finding any case again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from citygrid_plugin.store import desk, intake
from citygrid_plugin.store.cases import CaseRefused, act, allowed_actions
from citygrid_plugin.store.photos import Photo, PhotoError, add_photo, case_photos, photo_content, read_photo
from tests.helpers.photos import jpeg, photo, png
from tests.helpers.sql import count, denied, one

CST = timezone(timedelta(hours=8))


def public_report(**kw) -> intake.NewReport:
    base = dict(source="12345热线", kind="event", class_code="0102", description="小区门口暴露垃圾",
                x=50.0, y=150.0, address="红星路1号", reporter="王五", reporter_phone="13800138000")
    base.update(kw)
    return intake.NewReport(**base)


def to_dispatched(login, case_id, assist=()):
    """The public case of *case_id* through acceptance, verification (with its photo), register, dispatch."""
    op, sup, sl, dp = login("operator"), login("supervisor"), login("shift_leader"), login("dispatcher")
    c = act(op, case_id, "accept", "operator", 1)
    c = act(sup, case_id, "verify", "supervisor", c.version, note="现场属实", photos=[photo(name="核实.jpg")])
    c = act(sl, case_id, "register", "shift_leader", c.version)
    data = {"department": "HW"} | ({"assist": list(assist)} if assist else {})
    return act(dp, case_id, "dispatch", "dispatcher", c.version, data=data)


def test_an_operator_reports_a_public_case_with_photos_and_only_the_supervision_centre_sees_the_caller(secured):
    owner, login, logins = secured
    op = login("operator")
    shot = datetime(2026, 12, 5, 9, 30, tzinfo=CST)
    new = public_report(photos=(photo(taken_at=shot, lon=104.0812, lat=30.6571),
                                Photo.from_bytes(png(), "远景.png")))
    case = intake.report(op, new)
    assert case.state == "reported" and len(case.case_no) == 16
    photos = case_photos(op, case.id)
    assert [(p.stage, p.mime, p.name) for p in photos] == [("report", "image/jpeg", "现场.jpg"),
                                                          ("report", "image/png", "远景.png")]
    assert photos[0].taken_at == shot and photos[0].lon == pytest.approx(104.0812, abs=1e-5)
    assert photos[0].lat == pytest.approx(30.6571, abs=1e-5) and photos[1].taken_at is None
    assert {p.uploaded_by for p in photos} == {logins["operator"]}
    assert photo_content(op, photos[1].id) == png()
    # the caller: the supervision centre reads it, the command centre, departments and analysts do not
    assert desk.case_detail(op, case.id)["reporter_phone"] == "13800138000"
    assert desk.case_detail(login("supervisor"), case.id)["reporter"] == "王五"
    for role in ("dispatcher", "analyst", "admin"):
        detail = desk.case_detail(login(role), case.id)
        assert detail["reporter"] is None and detail["reporter_phone"] is None, role
        denied(login(role), "SELECT phone FROM citygrid.case_reporter")
    denied(login("bigscreen"), "SELECT content FROM citygrid.case_photo")
    # who and when are the store's: a client cannot write photos or reporters directly
    denied(op, "INSERT INTO citygrid.case_photo (case_id, stage, mime, size, content) VALUES (%s, 'report', "
               "'image/png', 1, '\\x00')", (case.id,))
    denied(owner, "UPDATE citygrid.case_photo SET uploaded_by = 'someone'", match="append-only")


def test_a_public_channel_without_its_reporter_is_refused_and_nothing_is_written(secured):
    _owner, login, _logins = secured
    op = login("operator")
    with pytest.raises(CaseRefused, match="needs the reporter's name and phone"):
        intake.report(op, public_report(reporter_phone=None, photos=(photo(),)))
    with pytest.raises(CaseRefused, match="is not a phone number"):
        intake.report(op, public_report(reporter_phone="call me"))
    assert count(op, "SELECT count(*) FROM citygrid.work_case") == 0
    assert count(op, "SELECT count(*) FROM citygrid.case_photo") == 0
    # a phone number in the description of a non-public channel is fine
    intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None,
                                    description="领导批示：请处理，联系人电话 13900000000"))
    # a point outside every grid and a class of another profile say so
    with pytest.raises(CaseRefused, match="outside every unit grid"):
        intake.report(op, public_report(x=5000, y=5000))
    with pytest.raises(CaseRefused, match="not in the district's code profile"):
        intake.report(op, public_report(class_code="9999"))
    with pytest.raises(CaseRefused, match="outside every unit grid"):
        intake.locate(op, 5000, 5000)


def test_photos_that_are_not_images_too_large_or_too_many_are_refused_by_name(secured, tmp_path):
    _owner, login, _logins = secured
    op = login("operator")
    fake = tmp_path / "现场.jpg"
    fake.write_bytes(b"%PDF-1.4 not a photo")
    with pytest.raises(PhotoError, match="现场.jpg is not a JPEG or PNG"):
        read_photo(fake)
    big = tmp_path / "大图.jpg"
    big.write_bytes(jpeg(padding=10 * 1024 * 1024))
    with pytest.raises(PhotoError, match=r"大图.jpg has 10.0 MB; at most 10 MB"):
        read_photo(big)
    case = intake.report(op, public_report())
    # the store checks again for every other client: a forged type, the size, the count
    with pytest.raises(PhotoError, match="not a JPEG or PNG"):
        add_photo(op, case.id, "report", Photo(b"GIF89a....", "image/jpeg", "x.gif"))
    for i in range(9):
        add_photo(op, case.id, "report", photo(name=f"{i}.jpg"))
    with pytest.raises(PhotoError, match="has 9 photos of stage report already; at most 9"):
        add_photo(op, case.id, "report", photo())
    # a department may not add photos to a case that is not its own
    with pytest.raises(PhotoError, match="may not add a handle photo"):
        add_photo(login("department"), case.id, "handle", photo())


def test_a_duplicate_is_suggested_and_attached_to_the_case_instead_of_being_lost(secured):
    owner, login, logins = secured
    op = login("operator")
    first = intake.report(op, public_report(photos=(photo(),)))
    near = intake.duplicates(op, "event", "0102", 70, 150)
    assert [(d["case_no"], d["state"], d["distance_m"]) for d in near] == [(first.case_no, "reported", 20.0)]
    assert near[0]["photo_id"] == case_photos(op, first.id)[0].id
    assert intake.duplicates(op, "event", "0102", 120, 150) == []          # 70 m: further than 50 m
    assert intake.duplicates(op, "event", "0102", 120, 150, metres=100)     # configurable
    assert intake.duplicates(op, "event", "0104", 70, 150) == []            # another class
    extra = intake.attach_report(op, first.id, public_report(x=70, reporter="赵六", reporter_phone="13700000000",
                                                             description="又有人反映垃圾没清",
                                                             photos=(photo(colour=(0, 90, 0)),)))
    again = public_report(x=70, reporter="赵六", reporter_phone="13700000000", description="又有人反映垃圾没清",
                          external_id="GD-2", photos=(photo(),))
    known = intake.attach_report(op, first.id, again)
    assert intake.attach_report(op, first.id, again) == known       # a re-run adds no report and no photo
    assert count(op, "SELECT count(*) FROM citygrid.case_photo") == 3
    detail = desk.case_detail(op, first.id)
    assert [(e["id"], e["description"], e["reporter"]) for e in detail["extra_reports"]][:1] == [
        (extra, "又有人反映垃圾没清", "赵六")]
    assert detail["photo_count"] == 3 and detail["version"] == 1      # the case itself is unchanged
    assert one(op, "SELECT action, actor FROM citygrid.case_action WHERE case_id = %s ORDER BY id DESC LIMIT 1",
               (first.id,)) == ("report_again", logins["operator"])
    assert count(op, "SELECT count(*) FROM citygrid.case_action WHERE action = 'report_again'") == 2
    # the dispatcher reads the extra report but not who made it
    assert desk.case_detail(login("dispatcher"), first.id)["extra_reports"][0]["reporter"] is None
    assert count(op, "SELECT count(*) FROM citygrid.work_case") == 1


def test_an_import_is_all_or_nothing_and_adds_nothing_the_second_time(secured):
    _owner, login, _logins = secured
    op = login("operator")
    rows = [public_report(external_id=f"GD2026{i:04d}", x=20 + 40 * i, y=50) for i in range(5)]
    with pytest.raises(CaseRefused, match="outside every unit grid") as refused:
        intake.report_many(op, rows + [public_report(external_id="GD20269999", x=-10, y=-10)] + rows[:1], page=2)
    assert refused.value.index == 5                                    # the import names the row refused
    assert count(op, "SELECT count(*) FROM citygrid.work_case") == 0
    first = intake.report_many(op, rows + [rows[2]], page=2)           # the same call twice in one file
    assert [created for _c, created in first] == [True] * 5 + [False] and first[5][0] == first[2][0]
    first = first[:5]
    again = intake.report_many(op, rows)
    assert [created for _c, created in again] == [False] * 5
    assert [c.id for c, _ in again] == [c.id for c, _ in first]
    assert count(op, "SELECT count(*) FROM citygrid.work_case") == 5
    assert intake.grid_codes(op, [(20, 50), (-10, -10)]) == ["510104001001004", None]
    # a department cannot learn about a case through a work-order number it is not given to record
    with pytest.raises(CaseRefused, match="work-order numbers .* are recorded by the supervision centre"):
        intake.report(login("department"), public_report(source="部门上报", reporter=None, reporter_phone=None,
                                                         external_id="GD20260000"))


def test_verify_check_and_handling_need_their_evidence(secured):
    _owner, login, logins = secured
    op, sup, hw = login("operator"), login("supervisor"), login("department")
    case = intake.report(op, public_report())
    with pytest.raises(PhotoError, match="takes no photo: take it without photos"):
        act(op, case.id, "accept", "operator", 1, photos=[photo()])
    c = act(op, case.id, "accept", "operator", 1)
    assert ("verify", "supervisor", {"note": True, "photo": "verify"}) in allowed_actions(sup, case.id)
    with pytest.raises(CaseRefused, match="verify needs a photo of stage verify"):
        act(sup, case.id, "verify", "supervisor", c.version, note="属实")
    with pytest.raises(CaseRefused, match="verify needs a note"):
        act(sup, case.id, "verify", "supervisor", c.version, photos=[photo()])
    assert count(sup, "SELECT count(*) FROM citygrid.case_photo WHERE stage = 'verify'") == 0  # refused: no photo kept
    c = act(sup, case.id, "verify", "supervisor", c.version, note="现场属实", photos=[photo(name="核实.jpg")])
    assert c.state == "accepted"
    audit = one(sup, "SELECT note, data -> 'photos' FROM citygrid.case_action WHERE case_id = %s AND action = 'verify'",
                (case.id,))
    assert audit[0] == "现场属实" and len(audit[1]) == 1
    c = to_dispatched_from_accepted(login, case.id, c.version)
    # 暴露垃圾 asks for an after photo (case_class_rule); the result note is always needed
    assert ("feedback", "department", {"note": True, "photo": "handle"}) in allowed_actions(hw, case.id)
    with pytest.raises(CaseRefused, match="feedback needs a note"):
        act(hw, case.id, "feedback", "department", c.version, photos=[photo()])
    with pytest.raises(CaseRefused, match="feedback needs a photo of stage handle"):
        act(hw, case.id, "feedback", "department", c.version, note="已清运")
    c = act(hw, case.id, "feedback", "department", c.version, note="已清运完毕", photos=[photo(colour=(0, 200, 0))])
    with pytest.raises(CaseRefused, match="check_ok needs a photo of stage check"):
        act(sup, case.id, "check_ok", "supervisor", c.version, note="已处置")
    c = act(sup, case.id, "check_ok", "supervisor", c.version, note="已处置到位", photos=[photo()])
    assert c.state == "checked"
    stages = [p.stage for p in case_photos(op, case.id)]
    assert stages == ["verify", "handle", "check"]
    assert {p.uploaded_by for p in case_photos(op, case.id) if p.stage == "handle"} == {logins["department"]}


def to_dispatched_from_accepted(login, case_id, version, assist=()):
    c = act(login("shift_leader"), case_id, "register", "shift_leader", version)
    data = {"department": "HW"} | ({"assist": list(assist)} if assist else {})
    return act(login("dispatcher"), case_id, "dispatch", "dispatcher", c.version, data=data)


def test_an_assisting_department_sees_the_case_adds_notes_until_the_lead_reports_back(secured):
    _owner, login, logins = secured
    op, hw, jg = login("operator"), login("department"), login("department_jg")
    case = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None))
    c = act(op, case.id, "accept", "operator", 1)
    c = act(login("supervisor"), case.id, "verify", "supervisor", c.version, note="属实", photos=[photo()])
    c = act(login("shift_leader"), case.id, "register", "shift_leader", c.version)
    dp = login("dispatcher")
    with pytest.raises(CaseRefused, match="leads the case; it cannot also assist"):
        act(dp, case.id, "dispatch", "dispatcher", c.version, data={"department": "HW", "assist": ["HW"]})
    with pytest.raises(CaseRefused, match="unknown or inactive assisting department XX"):
        act(dp, case.id, "dispatch", "dispatcher", c.version, data={"department": "HW", "assist": ["XX"]})
    c = act(dp, case.id, "dispatch", "dispatcher", c.version, data={"department": "HW", "assist": ["JG"]})
    assert [a["code"] for a in desk.case_detail(op, case.id)["assist"]] == ["JG"]
    assert [r["id"] for r in desk.search(jg, number=case.case_no)] == [case.id]
    assert [a for a, _r, _n in allowed_actions(jg, case.id)] == ["assist_note"]
    with pytest.raises(CaseRefused, match="assist_note needs a note"):
        act(jg, case.id, "assist_note", "department", c.version)
    c = act(jg, case.id, "assist_note", "department", c.version, note="已安排交警疏导", photos=[photo()])
    with pytest.raises(CaseRefused, match="does not exist or is not dispatched to your department"):
        act(jg, case.id, "feedback", "department", c.version, note="x")
    c = act(hw, case.id, "feedback", "department", c.version, note="已清运", photos=[photo()])
    assert desk.case_detail(op, case.id)["assist"][0]["done_at"] is not None
    assert allowed_actions(jg, case.id) == []
    assert count(jg, "SELECT count(*) FROM citygrid.case_action WHERE case_id = %s AND action = 'assist_note'",
                 (case.id,)) == 1
    assert logins["department_jg"] in {a for (a,) in _actors(op, case.id)}


def _actors(conn, case_id):
    with conn.cursor() as cur:
        cur.execute("SELECT actor FROM citygrid.case_action WHERE case_id = %s", (case_id,))
        rows = cur.fetchall()
    conn.rollback()
    return rows


def test_a_shift_leader_refuses_an_extension_and_cancels_a_registered_case(secured):
    _owner, login, _logins = secured
    op, sl, hw = login("operator"), login("shift_leader"), login("department")
    case = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None))
    c = to_dispatched(login, case.id)
    c = act(hw, case.id, "request_extension", "department", c.version, note="需要协调", data={"hours": 24})
    assert [r["id"] for r in desk.extension_requests(sl)] == [case.id]
    with pytest.raises(CaseRefused, match="refuse_extension needs a note"):
        act(sl, case.id, "refuse_extension", "shift_leader", c.version)
    c = act(sl, case.id, "refuse_extension", "shift_leader", c.version, note="不符合延期条件")
    assert desk.extension_requests(sl) == []
    assert "approve_extension" not in [a for a, _r, _n in allowed_actions(sl, case.id)]
    other = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None, x=250))
    o = act(op, other.id, "accept", "operator", 1)
    o = act(login("supervisor"), other.id, "verify", "supervisor", o.version, note="属实", photos=[photo()])
    o = act(sl, other.id, "register", "shift_leader", o.version)
    with pytest.raises(CaseRefused, match="cancel needs a note"):
        act(sl, other.id, "cancel", "shift_leader", o.version)
    o = act(sl, other.id, "cancel", "shift_leader", o.version, note="重复立案")
    assert o.state == "cancelled"


def test_an_urgent_case_runs_on_shorter_limits(secured):
    _owner, login, _logins = secured
    op = login("operator")
    normal = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None))
    urgent = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None, urgent=True))
    a, b = to_dispatched(login, normal.id), to_dispatched(login, urgent.id)
    with login("dispatcher").cursor() as cur:
        cur.execute("SELECT clock_timestamp()")
        now = cur.fetchone()[0]
    assert b.stage_deadline <= now + timedelta(hours=2, minutes=1)      # urgent: 2 clock hours
    assert b.stage_deadline < a.stage_deadline                            # normal: 4 working hours
    normal_limits, urgent_limits = intake.time_limits(op, "event", "0102")
    assert normal_limits["handle"] == "4 工作时" and urgent_limits["handle"] == "2 小时"
    assert desk.case_detail(op, urgent.id)["limits"]["handle"] == "2 小时"


def test_the_desk_finds_any_case_by_number_text_area_and_state_closed_ones_too(secured):
    owner, login, _logins = secured
    op, hw = login("operator"), login("department")
    mine = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None,
                                           address="春熙路18号（100% 纯_文本）"))
    other = intake.report(op, public_report(source="领导批办", reporter=None, reporter_phone=None, x=250, y=50,
                                            address="红星路二段", description="井盖缺失"))
    c = act(op, other.id, "cancel", "operator", 1, note="重复")
    assert [r["id"] for r in desk.search(op, number=mine.case_no)] == [mine.id]
    assert [r["id"] for r in desk.search(op, number=mine.case_no[-8:].lstrip("0"))] == [mine.id]
    assert [r["id"] for r in desk.search(op, text="春熙路18")] == [mine.id]
    assert [r["id"] for r in desk.search(op, text="100% 纯_")] == [mine.id]     # taken literally
    assert desk.search(op, text="100%纯") == []
    found = desk.search(op, text="井盖")
    assert [(r["id"], r["state"], r["closed_at"] is not None) for r in found] == [(other.id, "cancelled", True)]
    assert {r["id"] for r in desk.search(op, area="510104001001")} == {mine.id, other.id}
    assert [r["id"] for r in desk.search(op, area="510104001001006")] == [other.id]
    assert [r["id"] for r in desk.search(op, states=["reported"])] == [mine.id]
    today = datetime.now(CST).date()
    assert len(desk.search(op, start=today, end=today)) == 2
    assert desk.search(op, end=today - timedelta(days=1)) == []
    with pytest.raises(CaseRefused, match="A case number has digits only"):
        desk.search(op, number="12ab")
    # a department finds only what is its own
    assert desk.search(hw, text="春熙路") == []
    assert c.state == "cancelled"


def test_locate_classes_and_sources_feed_the_report_dialog(secured):
    owner, login, _logins = secured
    op = login("operator")
    with owner.cursor() as cur:
        cur.execute("INSERT INTO citygrid.basemap_text (kind, source_file, import_batch, text, geom) VALUES "
                    "('road', 'demo.dxf', gen_random_uuid(), '红星路', ST_SetSRID(ST_MakePoint(60, 160), 4544))")
    owner.commit()
    place = intake.locate(op, 50, 150)
    assert place["grid_code"] == "510104001001001" and place["community_name"] == "红星路社区"
    assert place["address"] == "春熙路街道红星路社区 红星路附近"
    assert intake.grid_point(op, "510104001001005")[0] == pytest.approx(150)
    assert intake.grid_point(op, "510104001001999") is None
    found = intake.classes(op, "event", "垃圾")
    assert ("0102", "暴露垃圾") in [(c["code"], c["name"]) for c in found]
    assert [c["code"] for c in intake.classes(op, "component", "0101")][0] == "0101"
    names = [s["name"] for s in intake.sources(op)]
    assert names[:3] == ["监督员上报", "12319热线", "12345热线"] and "110联动" in names
    assert {s["name"] for s in intake.sources(op) if s["needs_reporter"]} == {"12319热线", "12345热线", "公众举报"}
