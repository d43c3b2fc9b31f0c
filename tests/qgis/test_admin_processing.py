"""系统管理 in batch through processing.run against a real store: each algorithm applied as the store's
owner and as an administrator login, refused by the store for a non-administrator login (a clear
message, nothing changed), a bad file changing nothing (every problem named), a dry run changing
nothing; the imported calendar moves the working days (a 调休 Saturday works, a holiday Monday does
not), and the demo's sample files import cleanly."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException

from citygrid_plugin.connections import delete_connection, save_connection
from citygrid_plugin.store import admin
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.qgis import auth_config
from tests.helpers.sample import SAMPLE_GPKG
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data_samples"


@pytest.fixture
def store(provider, qgis_connection, store_dsn, cluster, conn_factory):
    """The case store (street 001 春熙路街道 with community 001 红星路社区; HW, SZ, JG) plus street 002
    书院街街道 with community 001 大慈寺社区 and the street offices JD001, JD002; roles set up; QGIS
    connections for the owner, an administrator login and a dispatcher login (not an administrator)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    with owner.cursor() as cur:
        cur.execute("""
            INSERT INTO citygrid.street (district_code, code, name) VALUES ('510104', '002', '书院街街道');
            INSERT INTO citygrid.community (district_code, street_code, code, name, boundary)
            VALUES ('510104', '002', '001', '大慈寺社区', ST_Multi(ST_MakeEnvelope(300, 0, 600, 200, 4544)));""")
    owner.commit()
    for code, name in (("JD001", "春熙路街道办事处"), ("JD002", "书院街街道办事处"), ("CGJ", "锦江区城市管理局")):
        admin.save_department(owner, {"code": code, "name": name, "kind": "street" if code.startswith("JD")
                                      else "agency"})
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    logins = {"admin": f"cgt_{tag}_admin", "dispatcher": f"cgt_{tag}_dispatcher"}
    for role, login in logins.items():
        save_user(owner, login, [role], f"测试{role}", password=PASSWORD)
    p = cluster.client_params(store_dsn.split("dbname=")[1].split()[0])
    names = {}
    for role, login in logins.items():
        names[role] = f"citygrid-admin-test-{tag}-{role}"
        save_connection(names[role], p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
    yield {"owner": qgis_connection, "admin": names["admin"], "other": names["dispatcher"], "conn": owner,
           "logins": logins}
    for name in names.values():
        delete_connection(name)
    owner.rollback()
    with owner.cursor() as cur:
        for login in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
    owner.commit()


def csv(tmp_path: Path, name: str, text: str, encoding: str = "gbk") -> str:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return str(path)


def run(alg: str, connection: str, **params) -> dict:
    return processing.run(f"citygrid:{alg}", {"CONNECTION": connection, **params})


def rules(conn) -> list[tuple]:
    return [(r["kind"], r["class_code"], r["street_code"], r["community_code"], r["department_code"])
            for r in admin.rules(conn)]


ROUTING = ("类型,类别代码,街道,社区,部门\n事件,0102,,,HW\n事件,0102,春熙路街道,,SZ\n事件,0102,001,红星路社区,CGJ\n"
           "部件,0101,,,SZ\n")
CALENDAR = ("日期,类型,说明\n2026-10-01,休,国庆节\n2026/10/5,假日,国庆节（周一）\n"
            "2026年10月10日,调休,国庆节调休上班（周六）\n")
TERRITORIES = "部门,街道,社区\nJD001,春熙路街道,\nJD002,002,\n"
SOURCES = "名称,英文名称,可信,需登记举报人,上报角色,启用\n网格员上报,grid worker,是,否,监督员,是\n12345热线,,是,,,\n"
CLASSES = "类型,大类代码,大类名称,小类代码,名称,几何类型\n事件,01,,90,共享单车乱停放,\n部件,01,,90,智能井盖,点\n"
AUTHORITIES = ("事项,角色,最长延期小时,说明\n缓办,数字城管办,,\n解除挂账,office,,\n批准延期,值班长,24,\n"
               "批准延期,office,,\n驳回延期,office,,\n作废,office,,\n")
WEIGHTS = "处置率=40，按期处置率=20，返工率=20，超期待处置率=10，延期率=10"


def state(conn) -> dict:
    """Everything the administration algorithms can change (to compare before and after)."""
    return {"rules": rules(conn), "calendar": admin.calendar(conn, 2026), "periods": admin.work_periods(conn),
            "territories": admin.territories(conn), "sources": admin.sources(conn),
            "classes": admin.local_classes(conn), "authorities": admin.authorities(conn),
            "weights": admin.weights(conn)}


CASES = {   # algorithm → (its parameters for a good input, what it changes in state())
    "importrouting": (lambda tmp: {"INPUT": csv(tmp, "派遣规则.csv", ROUTING)}, "rules"),
    "importcalendar": (lambda tmp: {"INPUT": csv(tmp, "日历.csv", CALENDAR), "YEAR": 2026,
                                    "WORK_PERIODS": "08:00-12:00,14:00-18:00"}, "calendar"),
    "importterritories": (lambda tmp: {"INPUT": csv(tmp, "属地.csv", TERRITORIES)}, "territories"),
    "importsources": (lambda tmp: {"INPUT": csv(tmp, "来源.csv", SOURCES)}, "sources"),
    "importclasses": (lambda tmp: {"INPUT": csv(tmp, "扩展分类.csv", CLASSES)}, "classes"),
    "setweights": (lambda tmp: {"WEIGHTS": WEIGHTS}, "weights"),
    "setauthorities": (lambda tmp: {"INPUT": csv(tmp, "权限.csv", AUTHORITIES)}, "authorities"),
}


@pytest.mark.parametrize("alg", list(CASES))
def test_each_algorithm_is_refused_for_a_non_administrator_and_applied_for_an_administrator(store, tmp_path, alg):
    params, changed = CASES[alg]
    conn = store["conn"]
    before = state(conn)
    with pytest.raises(QgsProcessingException, match=r"nothing was changed.*only an administrator \(a login with "
                                                     r"the role citygrid_admin\) may change these rules"):
        run(alg, store["other"], **params(tmp_path))
    assert state(conn) == before

    dry = run(alg, store["admin"], DRY_RUN=True, **params(tmp_path))
    assert dry["CHANGES"] > 0 and dry["APPLIED"] == 0
    assert state(conn) == before

    result = run(alg, store["admin"], **params(tmp_path))
    assert result["APPLIED"] == 1 and result["CHANGES"] == dry["CHANGES"]
    after = state(conn)
    assert after[changed] != before[changed]
    assert {k: v for k, v in after.items() if k not in (changed, "periods")} == \
        {k: v for k, v in before.items() if k not in (changed, "periods")}
    # audited by the store: who made the change
    assert any(a["actor"] == store["logins"]["admin"] for a in admin.audit(conn, limit=50))

    again = run(alg, store["admin"], **params(tmp_path))    # the same file again changes nothing
    assert (again["CHANGES"], again["APPLIED"]) == (0, 0)


def test_routing_merge_and_replace_as_the_owner(store, tmp_path):
    conn = store["conn"]
    assert rules(conn) == [("event", "0102", None, None, "HW")]
    result = run("importrouting", store["owner"], INPUT=csv(tmp_path, "r.csv", ROUTING))
    assert result["CHANGES"] == 3          # the district-wide 0102 → HW is already there
    assert rules(conn) == [("component", "0101", None, None, "SZ"), ("event", "0102", None, None, "HW"),
                           ("event", "0102", "001", None, "SZ"), ("event", "0102", "001", "001", "CGJ")]
    merged = run("importrouting", store["owner"], INPUT=csv(tmp_path, "m.csv", "kind,class_code,department\n"
                                                            "event,0102,JG\nevent,0104,HW\n", "utf-8"))
    assert merged["CHANGES"] == 2
    assert ("event", "0102", None, None, "JG") in rules(conn) and len(rules(conn)) == 5
    replaced = run("importrouting", store["owner"], MODE=1, INPUT=csv(tmp_path, "x.csv", "类型,类别代码,部门\n"
                                                                      "事件,0104,HW\n"))
    assert replaced["CHANGES"] == 4
    assert rules(conn) == [("event", "0104", None, None, "HW")]


def test_a_bad_routing_file_changes_nothing_and_names_every_problem(store, tmp_path):
    conn = store["conn"]
    before = rules(conn)
    bad = csv(tmp_path, "派遣规则.csv", "类型,类别代码,街道,社区,部门\n"
              "事件,0102,,,HW\n"
              "事件,0102,,,SZ\n"            # row 3: overlaps row 2
              "事件,0104,,,环保局\n"         # row 4: no such department
              "事件,9999,,,HW\n"            # row 5: no such class
              "事件,0104,,红星路社区,HW\n")   # row 6: community without street
    with pytest.raises(QgsProcessingException) as exc:
        run("importrouting", store["owner"], INPUT=bad, MODE=1)
    message = str(exc.value)
    assert "4 problem(s), so nothing was changed (all or nothing)" in message
    assert "派遣规则.csv row 3, column 部门 “SZ”: row 2 routes the same class (事件 0102) in the same area" in message
    assert "派遣规则.csv row 4, column 部门 “环保局”: no such department" in message
    assert "派遣规则.csv row 5, column 类别代码 “9999”: no 事件 class with this code in profile 2013" in message
    assert "派遣规则.csv row 6, column 社区 “红星路社区”: a community needs its street" in message
    assert rules(conn) == before


def test_the_calendar_moves_working_days_and_hours(store, tmp_path):
    conn = store["conn"]
    saturday, monday = date(2026, 10, 10), date(2026, 10, 5)
    assert not admin.is_workday(conn, saturday) and admin.is_workday(conn, monday)
    path = csv(tmp_path, "日历.csv", CALENDAR)
    dry = run("importcalendar", store["owner"], INPUT=path, YEAR=2026, WORK_PERIODS="8:00-12:00，14:00-18:00",
              DRY_RUN=True)
    assert (dry["CHANGES"], dry["APPLIED"]) == (4, 0)        # three days and the working hours
    assert not admin.is_workday(conn, saturday) and admin.calendar(conn, 2026) == []
    result = run("importcalendar", store["owner"], INPUT=path, YEAR=2026, WORK_PERIODS="8:00-12:00，14:00-18:00")
    assert (result["CHANGES"], result["APPLIED"], result["WARNINGS"]) == (4, 1, 0)
    assert admin.is_workday(conn, saturday)                  # the 调休 Saturday works
    assert not admin.is_workday(conn, monday)                # the holiday Monday does not
    assert not admin.is_workday(conn, date(2026, 10, 1))
    assert admin.work_periods(conn) == "08:00-12:00,14:00-18:00"
    # it replaces the year: a file without 10-05 gives the Monday back
    run("importcalendar", store["owner"], YEAR=2026, INPUT=csv(tmp_path, "c2.csv", "日期,类型\n2026-10-01,休\n"))
    assert admin.is_workday(conn, monday) and not admin.is_workday(conn, saturday)


def test_a_bad_calendar_changes_nothing(store, tmp_path):
    conn = store["conn"]
    run("importcalendar", store["owner"], YEAR=2026, INPUT=csv(tmp_path, "ok.csv", CALENDAR))
    before = state(conn)
    bad = csv(tmp_path, "日历2026.csv", "日期,类型\n2026-10-01,休\n2025-12-31,休\n2026-02-30,班\n2026/10/1,休\n")
    with pytest.raises(QgsProcessingException) as exc:
        run("importcalendar", store["owner"], YEAR=2026, INPUT=bad, WORK_PERIODS="08:30-12:00,11:00-17:00")
    message = str(exc.value)
    assert "WORK_PERIODS: “11:00-17:00” overlaps the period before it (08:30-12:00)" in message
    assert "日历2026.csv row 3, column 日期 “2025-12-31”: the date is not in 2026, the year being imported" in message
    assert "日历2026.csv row 4, column 日期 “2026-02-30”: not a date" in message
    assert "日历2026.csv row 5, column 日期 “2026/10/1”: 2026-10-01 is already listed in row 2" in message
    assert state(conn) == before


def test_territories_one_department_per_area_and_replace(store, tmp_path):
    conn = store["conn"]
    run("importterritories", store["owner"], INPUT=csv(tmp_path, "t.csv", TERRITORIES))
    assert admin.territories(conn) == {"510104001": "JD001", "510104002": "JD002"}
    moving = csv(tmp_path, "move.csv", "部门,街道,社区\nJD002,春熙路街道,\nJD002,书院街街道,\nJD001,001,红星路社区\n")
    with pytest.raises(QgsProcessingException, match=r"move.csv row 2, column 部门 “JD002”: 春熙路街道 belongs to "
                                                     r"JD001 春熙路街道办事处 in the store; to move it run the import "
                                                     r"with MODE “replace”"):
        run("importterritories", store["owner"], INPUT=moving)
    assert admin.territories(conn) == {"510104001": "JD001", "510104002": "JD002"}
    run("importterritories", store["owner"], INPUT=moving, MODE=1)
    assert admin.territories(conn) == {"510104001": "JD002", "510104002": "JD002", "510104001001": "JD001"}
    two = csv(tmp_path, "two.csv", "部门,街道\nJD001,002\nJD002,书院街街道\n")
    with pytest.raises(QgsProcessingException, match=r"two.csv row 3, column 部门 “JD002”: row 2 gives 书院街街道 to "
                                                     r"JD001 春熙路街道办事处, this row to JD002 书院街街道办事处"):
        run("importterritories", store["owner"], INPUT=two, MODE=1)


def test_sources_and_classes_keep_what_is_not_in_the_file(store, tmp_path):
    conn = store["conn"]
    run("importsources", store["owner"], INPUT=csv(tmp_path, "s.csv", SOURCES))
    sources = {s["name"]: s for s in admin.sources(conn)}
    assert sources["网格员上报"]["trusted"] and sources["网格员上报"]["reporter_role"] == "supervisor"
    assert sources["12345热线"]["trusted"] and sources["12345热线"]["needs_reporter"]   # kept
    assert "监督员上报" in sources                                                         # not in the file: kept
    run("importclasses", store["owner"], INPUT=csv(tmp_path, "k.csv", CLASSES))
    local = {(c["kind"], c["code"]): c for c in admin.local_classes(conn)}
    assert local[("component", "0190")]["geometry_type"] == "point"
    assert local[("event", "0190")]["major_name"] == "市容环境"
    # a standard code is refused, with a free code to use
    with pytest.raises(QgsProcessingException, match=r"k2.csv row 2, column 小类代码 “02”: 事件 class 0102 is a "
                                                     r"standard class \(暴露垃圾\) and cannot be redefined; give the "
                                                     r"local class a free code, e.g. 0198"):
        run("importclasses", store["owner"], INPUT=csv(tmp_path, "k2.csv", "类型,大类代码,小类代码,名称\n"
                                                                           "事件,01,02,我的垃圾\n"))


def test_weights_and_authorities(store, tmp_path):
    conn = store["conn"]
    result = run("setweights", store["owner"], WEIGHTS=WEIGHTS)
    assert result["APPLIED"] == 1
    assert admin.weights(conn) == {"handling_rate": 40.0, "on_time_handling_rate": 20.0, "rework_rate": 20.0,
                                   "overdue_rate": 10.0, "extension_rate": 10.0, "satisfaction_rate": 0.0}
    with pytest.raises(QgsProcessingException, match="“速度” is not a score term"):
        run("setweights", store["owner"], WEIGHTS="速度=100")
    run("setauthorities", store["owner"], INPUT=csv(tmp_path, "a.csv", AUTHORITIES))
    got = {(a["action"], a["role"]): a["max_hours"] for a in admin.authorities(conn)}
    assert got == {("defer", "office"): None, ("release", "office"): None, ("approve_extension", "shift_leader"): 24.0,
                   ("approve_extension", "office"): None, ("refuse_extension", "office"): None,
                   ("cancel", "office"): None}
    with pytest.raises(QgsProcessingException, match=r"a.csv row 2, column 最长延期小时 “48”: a longest extension "
                                                     r"belongs to 批准延期"):
        run("setauthorities", store["owner"], INPUT=csv(tmp_path, "a.csv", "事项,角色,最长延期小时\n作废,office,48\n"))
    assert len(admin.authorities(conn)) == 6


def test_saveuser_sets_a_supervisors_grids(store):
    conn = store["conn"]
    login = f"cgt_{uuid.uuid4().hex[:6]}_sup"
    try:
        run("saveuser", store["owner"], LOGIN=login, NAME="网格监督员", ROLES=[7],
            GRIDS="510104001001001, 510104001001002")
        assert admin.supervisor_grids(conn, login) == ["510104001001001", "510104001001002"]
        run("saveuser", store["owner"], LOGIN=login, NAME="网格监督员", ROLES=[7])          # empty: unchanged
        assert admin.supervisor_grids(conn, login) == ["510104001001001", "510104001001002"]
        with pytest.raises(QgsProcessingException, match="GRIDS: “5101” is not a unit grid code"):
            run("saveuser", store["owner"], LOGIN=login, NAME="网格监督员", ROLES=[7], GRIDS="5101")
        with pytest.raises(QgsProcessingException, match="responsibility grids are a supervisor's"):
            run("saveuser", store["owner"], LOGIN=login, NAME="网格监督员", ROLES=[4], GRIDS="510104001001001")
        assert admin.supervisor_grids(conn, login) == ["510104001001001", "510104001001002"]
    finally:
        conn.rollback()
        with conn.cursor() as cur:
            cur.execute("DELETE FROM citygrid.supervisor_grid WHERE login = %s", (login,))
            cur.execute(f'DROP ROLE IF EXISTS "{login}"')
        conn.commit()


def test_the_demo_samples_import_cleanly(provider, qgis_connection, store_dsn, conn_factory, tmp_path):
    """The sample district's divisions and departments (plus the street offices the territories name),
    then routing_sample.csv, calendar_2026.csv and territories_sample.csv, with no warnings."""
    run("importdivisions", qgis_connection, DISTRICT_CODE="510104", DISTRICT_NAME="锦江区（示例）",
        STREETS=f"{SAMPLE_GPKG}|layername=streets", COMMUNITIES=f"{SAMPLE_GPKG}|layername=communities")
    run("importdepartments", qgis_connection, INPUT=str(SAMPLES / "departments_gbk.csv"))
    conn = conn_factory(store_dsn)
    known = {d["code"] for d in admin.departments(conn)}
    for code, name in (("JD001", "春熙路街道办事处"), ("JD002", "书院街街道办事处"), ("JD003", "督院街街道办事处")):
        if code not in known:        # until departments_gbk.csv holds the street offices
            admin.save_department(conn, {"code": code, "name": name, "kind": "street"})
    routing = run("importrouting", qgis_connection, INPUT=str(SAMPLES / "routing_sample.csv"), MODE=1)
    assert (routing["WARNINGS"], routing["APPLIED"]) == (0, 1)
    assert len(admin.rules(conn)) == 18
    calendar = run("importcalendar", qgis_connection, INPUT=str(SAMPLES / "calendar_2026.csv"), YEAR=2026)
    assert (calendar["CHANGES"], calendar["WARNINGS"]) == (25, 0)
    assert admin.is_workday(conn, date(2026, 2, 14)) and not admin.is_workday(conn, date(2026, 2, 23))
    territories = run("importterritories", qgis_connection, INPUT=str(SAMPLES / "territories_sample.csv"))
    assert territories["WARNINGS"] == 0
    assert admin.territories(conn) == {"510104001": "JD001", "510104002": "JD002", "510104003": "JD003"}
