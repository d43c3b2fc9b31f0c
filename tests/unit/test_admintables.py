"""The administrator's batch tables (core.admintables): every bad input is reported with the file,
the spreadsheet row, the column as written, the value and what to do — all problems of a file at
once — and the good ones become exactly what the store is given. GBK and UTF-8 files, Chinese
headers and their English aliases; the sample files of data_samples pass."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citygrid_plugin.core import admintables as at
from citygrid_plugin.core.classes import ClassTable
from citygrid_plugin.core.textio import TextInputError

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data_samples"
STREETS = {"510104001": "春熙路街道", "510104002": "书院街街道", "510104003": "督院街街道"}
COMMUNITIES = {"510104001001": "红星路社区", "510104001002": "总府路社区", "510104002001": "大慈寺社区",
               "510104003001": "督院街社区", "510104003002": "上翔街社区"}
DEPARTMENTS = {"CGJ": "锦江区城市管理局", "SZ": "区市政设施管理所", "HW": "区环境卫生管理所", "JG": "区交通管理大队",
               "SW": "区水务局", "RQ": "成都燃气锦江分公司", "ZJ": "区住房和城乡建设局", "SCJ": "区市场监督管理局",
               "JD001": "春熙路街道办事处", "JD002": "书院街街道办事处", "JD003": "督院街街道办事处"}
ROLES = {"admin": "管理员", "operator": "受理员", "shift_leader": "值班长", "dispatcher": "派遣员",
         "department": "专业部门", "supervisor": "监督员", "office": "数字城管办"}


@pytest.fixture(scope="module")
def ref() -> at.Reference:
    """The store of the sample district, as the algorithms hand it to the checks."""
    classes, majors, standard = {}, {}, set()
    for kind in ("event", "component"):
        for entry in ClassTable.load(kind, "2013"):
            classes[(kind, entry.code)] = entry.name
            majors[(kind, entry.major_code)] = entry.major_name
            standard.add((kind, entry.code))
    classes[("event", "0190")] = "共享单车乱停放"          # a local class already in the store
    return at.Reference(profile="2013", classes=classes, majors=majors, standard=standard,
                        departments=dict(DEPARTMENTS), inactive_departments={"OLD"}, streets=dict(STREETS),
                        communities=dict(COMMUNITIES), roles=dict(ROLES),
                        case_roles=("operator", "supervisor", "shift_leader", "dispatcher", "department"))


def csv_file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def problems(exc: pytest.ExceptionInfo) -> list[str]:
    return [str(p) for p in exc.value.problems if not p.warning]


# -- reading ------------------------------------------------------------------------------------
def test_a_gbk_sheet_with_chinese_headers_keeps_the_spreadsheet_rows(tmp_path):
    path = csv_file(tmp_path, "派遣规则.csv", '类型,类别代码,街道,社区,部门\n事件,0102,,,HW\n\n'
                    '事件,0104,"春熙路\n街道",,环卫\n部件,0101,,,SW\n', "gbk")
    sheet = at.read_sheet(path, at.ROUTING_COLUMNS)
    assert sheet.encoding == "gbk" and sheet.source == "派遣规则.csv"
    assert [r["class"] for r in sheet.rows] == ["0102", "0104", "0101"]
    # row 3 is blank (Excel shows it), the cell of row 4 spans two lines of the file but one row
    assert sheet.numbers == [2, 4, 5]
    assert sheet.rows[1]["street"].split() == ["春熙路", "街道"] and sheet.headers["department"] == "部门"


def test_english_headers_are_aliases_and_messages_use_the_header_as_written(tmp_path, ref):
    path = csv_file(tmp_path, "rules.csv", "Kind,Class_Code,Street,Department\nevent,0102,,XX\n")
    sheet = at.read_sheet(path, at.ROUTING_COLUMNS)
    with pytest.raises(at.AdminTableError) as exc:
        at.routing_rules(sheet, ref)
    (message,) = problems(exc)
    assert message.startswith("rules.csv row 2, column Department “XX”: no such department")


def test_a_missing_column_is_named_with_what_the_header_holds(tmp_path):
    path = csv_file(tmp_path, "r.csv", "类型,类别,处室\n事件,0102,HW\n")
    with pytest.raises(at.AdminTableError) as exc:
        at.read_sheet(path, at.ROUTING_COLUMNS, required=("kind", "class", "department"))
    (message,) = problems(exc)
    assert message == ("r.csv, column 部门: the column is missing; the header row has 类型, 类别, 处室; name the "
                       "column 部门 / 处置部门")


def test_two_columns_meaning_the_same_are_refused(tmp_path):
    path = csv_file(tmp_path, "r.csv", "类型,类别代码,部门,department\n事件,0102,HW,SZ\n")
    with pytest.raises(at.AdminTableError, match=r"r.csv row 1: columns “部门” and “department” both give "
                                                 r"department; keep one of them"):
        at.read_sheet(path, at.ROUTING_COLUMNS)


def test_an_unknown_column_is_a_warning(tmp_path, ref):
    path = csv_file(tmp_path, "r.csv", "类型,类别代码,部 门x,部门\n事件,0102,,HW\n")
    checked = at.routing_rules(at.read_sheet(path, at.ROUTING_COLUMNS), ref)
    assert len(checked.items) == 1
    (warning,) = checked.warnings
    assert str(warning).startswith("r.csv row 1: column “部 门x” is not used (a misspelt header?)")


def test_a_utf16_file_is_refused_by_the_reader(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("类型,类别代码,部门\n".encode("utf-16"))
    with pytest.raises(TextInputError, match="UTF-16"):
        at.read_sheet(path, at.ROUTING_COLUMNS)


def test_an_empty_file_is_refused_not_taken_as_clear_everything(tmp_path, ref):
    path = csv_file(tmp_path, "r.csv", "类型,类别代码,部门\n\n")
    with pytest.raises(at.AdminTableError, match=r"^r.csv: the file holds no rows under its header; nothing to "
                                                 r"apply$"):
        at.routing_rules(at.read_sheet(path, at.ROUTING_COLUMNS), ref)


# -- routing rules --------------------------------------------------------------------------------
def test_routing_rules_by_code_and_name(tmp_path, ref):
    path = csv_file(tmp_path, "r.csv", "类型,类别代码,街道,社区,部门\n"
                    "事件,0102,,,HW\n"
                    "事件,暴露垃圾,春熙路街道,,区市政设施管理所\n"         # a class and a department by name
                    "事件,0102,001,总府路社区,CGJ\n"
                    "部件,0101,510104002,,SW\n", "gbk")
    checked = at.routing_rules(at.read_sheet(path, at.ROUTING_COLUMNS), ref)
    assert [r.as_dict() for r in checked.items] == [
        {"kind": "event", "class_code": "0102", "street_code": None, "community_code": None, "department_code": "HW"},
        {"kind": "event", "class_code": "0102", "street_code": "001", "community_code": None,
         "department_code": "SZ"},
        {"kind": "event", "class_code": "0102", "street_code": "001", "community_code": "002",
         "department_code": "CGJ"},
        {"kind": "component", "class_code": "0101", "street_code": "002", "community_code": None,
         "department_code": "SW"}]
    assert checked.warnings == []


def test_every_bad_routing_row_is_named_at_once(tmp_path, ref):
    path = csv_file(tmp_path, "派遣.csv", "类型,类别代码,街道,社区,部门\n"
                    "事件,0102,,,HW\n"          # 2 good
                    "事件,0199x,,,HW\n"         # 3 unknown class
                    "事件,0104,,,环保局\n"       # 4 unknown department
                    "事件,0102,,,SZ\n"          # 5 overlaps row 2 with another department
                    "事件,0104,,红星路社区,HW\n"  # 6 a community without its street
                    "事件,102,,,HW\n"           # 7 Excel dropped the leading zero
                    "部门,0102,,,HW\n"          # 8 not a kind
                    "事件,0102,004,,HW\n"       # 9 no such street
                    "事件,0102,002,红星路社区,HW\n"  # 10 the community is in another street
                    "事件,0104,,,OLD\n"         # 11 an inactive department
                    "部件,0199,,,SW\n", "gbk")  # 12 0199 is an event class, not a component class
    with pytest.raises(at.AdminTableError) as exc:
        at.routing_rules(at.read_sheet(path, at.ROUTING_COLUMNS), ref)
    got = problems(exc)
    assert len(got) == 10
    assert got[0].startswith("派遣.csv row 3, column 类别代码 “0199x”: no 事件 class with this code in profile 2013 "
                             "(codes are 4 digits); use a class of the store's class table")
    assert got[1].startswith("派遣.csv row 4, column 部门 “环保局”: no such department (code or name); use one of the "
                             "store's departments (CGJ, HW, JD001")
    assert got[2] == ("派遣.csv row 5, column 部门 “SZ”: row 2 routes the same class (事件 0102) in the same area "
                      "(the whole district) to HW 区环境卫生管理所, this row to SZ 区市政设施管理所: one department "
                      "per class and area; delete one of the two rows")
    assert got[3] == ("派遣.csv row 6, column 社区 “红星路社区”: a community needs its street: fill in the street "
                      "column of this row")
    assert got[4].startswith("派遣.csv row 7, column 类别代码 “102”: no 事件 class") and \
        "(Excel drops leading zeros: format the column as text and write 0102)" in got[4]
    assert got[5] == "派遣.csv row 8, column 类型 “部门”: the type is 事件 (event) or 部件 (component)"
    assert got[6].startswith("派遣.csv row 9, column 街道 “004”: no such street; use a 3-digit street code or a street "
                             "name of the store (001 春熙路街道, 002 书院街街道, 003 督院街街道)")
    assert got[7] == ("派遣.csv row 10, column 社区 “红星路社区”: this community is not in street 书院街街道 but in "
                      "春熙路街道; correct the street or the community")
    assert got[8].startswith("派遣.csv row 11, column 部门 “OLD”: the department is not active")
    assert got[9].startswith("派遣.csv row 12, column 类别代码 “0199”: no 部件 class") and \
        "it is a 事件 class (其他市容环境问题): check the type column" in got[9]


def test_the_same_rule_twice_is_a_warning_and_read_once(tmp_path, ref):
    path = csv_file(tmp_path, "r.csv", "类型,类别代码,部门\n事件,0102,HW\n事件,0102,区环境卫生管理所\n")
    checked = at.routing_rules(at.read_sheet(path, at.ROUTING_COLUMNS), ref)
    assert len(checked.items) == 1
    assert [str(w) for w in checked.warnings] == ["r.csv row 3: the same rule as row 2; the row is read once"]


def test_routing_changes_replace_and_merge(ref):
    current = [{"kind": "event", "class_code": "0102", "street_code": None, "community_code": None,
                "department_code": "HW"},
               {"kind": "event", "class_code": "0104", "street_code": None, "community_code": None,
                "department_code": "HW"}]
    new = [at.RoutingRule("event", "0102", None, None, "SZ"), at.RoutingRule("event", "0102", "001", "001", "CGJ")]
    merged = [str(c) for c in at.routing_changes(current, new, False, ref)]
    assert merged == ["change rule 事件 0102 暴露垃圾 in the whole district: HW 区环境卫生管理所 → SZ 区市政设施管理所",
                      "add rule 事件 0102 暴露垃圾 in 春熙路街道 / 红星路社区: CGJ 锦江区城市管理局"]
    replaced = [str(c) for c in at.routing_changes(current, new, True, ref)]
    assert replaced == merged + ["remove rule 事件 0104 道路不洁 in the whole district (HW 区环境卫生管理所)"]
    assert at.routing_changes(current, [at.RoutingRule(**current[0]), at.RoutingRule(**current[1])], True, ref) == []


def test_the_routing_sample_passes(ref):
    sheet = at.read_sheet(SAMPLES / "routing_sample.csv", at.ROUTING_COLUMNS, ("kind", "class", "department"))
    checked = at.routing_rules(sheet, ref)
    assert checked.warnings == []
    rules = {(r.kind, r.class_code, r.street_code, r.community_code): r.department_code for r in checked.items}
    assert rules[("event", "0102", None, None)] == "HW"
    assert rules[("event", "0501", "001", None)] == "CGJ" and rules[("event", "0501", None, None)] == "SCJ"
    assert rules[("event", "0504", "001", "001")] == "CGJ"
    assert rules[("component", "0101", None, None)] == "SW"


def test_the_sample_departments_hold_every_department_of_the_samples():
    """The routing sample names only departments of departments_gbk.csv; the territory sample names
    the street offices (街道办事处), which the lead adds to departments_gbk.csv (see the report)."""
    from citygrid_plugin.core.textio import read_table

    codes = {r["编码"] for r in read_table(SAMPLES / "departments_gbk.csv").rows}
    routing = at.read_sheet(SAMPLES / "routing_sample.csv", at.ROUTING_COLUMNS)
    assert {r["department"] for r in routing.rows} <= codes
    territories = at.read_sheet(SAMPLES / "territories_sample.csv", at.TERRITORY_COLUMNS)
    assert {r["department"] for r in territories.rows} == {"JD001", "JD002", "JD003"}


# -- working calendar -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("2026-10-01", date(2026, 10, 1)), ("2026/10/1", date(2026, 10, 1)), ("2026.1.4", date(2026, 1, 4)),
    ("2026年2月14日", date(2026, 2, 14)), ("20260509", date(2026, 5, 9)), ("2026/9/20 0:00", date(2026, 9, 20)),
    ("46296", date(2026, 10, 1)), ("46023", date(2026, 1, 1)), ("２０２６－１０－０１", date(2026, 10, 1)),
])
def test_dates_as_people_and_excel_write_them(text, expected):
    assert at.parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "2026-13-01", "2026-02-30", "10/01/2026", "国庆", "1234"])
def test_not_dates(text):
    with pytest.raises(ValueError):
        at.parse_date(text)


def test_the_2026_calendar_sample_holds_the_state_councils_schedule():
    sheet = at.read_sheet(SAMPLES / "calendar_2026.csv", at.CALENDAR_COLUMNS, ("date", "type"))
    checked = at.calendar_entries(sheet, 2026)
    assert checked.warnings == []                      # only days that change the Monday–Friday week
    entries = {d: w for d, w, _ in checked.items}
    working_weekends = sorted(d for d, w in entries.items() if w)
    assert working_weekends == [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                                date(2026, 9, 20), date(2026, 10, 10)]
    assert all(d.isoweekday() >= 6 for d in working_weekends)
    holidays = sorted(d for d, w in entries.items() if not w)
    assert len(holidays) == 19 and all(d.isoweekday() <= 5 for d in holidays)
    assert date(2026, 2, 23) in holidays and date(2026, 10, 7) in holidays and date(2026, 10, 8) not in holidays


def test_every_bad_calendar_row_is_named_at_once(tmp_path):
    path = csv_file(tmp_path, "日历2026.csv", "日期,类型,说明\n"
                    "2026-10-01,休,国庆\n"      # 2 good
                    "2025-12-31,休,元旦前\n"    # 3 outside the year
                    "2026-02-30,休,\n"         # 4 not a date
                    "2026/10/1,休,重复\n"       # 5 the same date as row 2
                    "2026-10-02,放个假,\n"      # 6 unknown type
                    ",班,\n", "gbk")           # 7 no date
    with pytest.raises(at.AdminTableError) as exc:
        at.calendar_entries(at.read_sheet(path, at.CALENDAR_COLUMNS), 2026)
    assert problems(exc) == [
        "日历2026.csv row 3, column 日期 “2025-12-31”: the date is not in 2026, the year being imported; correct it or "
        "import it with the calendar of 2025",
        "日历2026.csv row 4, column 日期 “2026-02-30”: not a date; write it as 2026-10-01, 2026/10/1 or 2026年10月1日",
        "日历2026.csv row 5, column 日期 “2026/10/1”: 2026-10-01 is already listed in row 2; keep one of the two rows",
        "日历2026.csv row 6, column 类型 “放个假”: the type is 休 / 假日 / holiday (not a working day) or 班 / 调休 / "
        "上班 / workday (a working day)",
        "日历2026.csv row 7, column 日期 (empty): give the date"]


def test_redundant_calendar_rows_are_warnings_and_kept(tmp_path):
    path = csv_file(tmp_path, "c.csv", "date,type,note\n2026-10-03,holiday,国庆（周六）\n2026-10-09,workday,周五\n"
                    "2026-10-10,调休,国庆调休上班\n2026-10-05,假日,\n")
    checked = at.calendar_entries(at.read_sheet(path, at.CALENDAR_COLUMNS), 2026)
    assert checked.items == [(date(2026, 10, 3), False, "国庆（周六）"), (date(2026, 10, 5), False, None),
                             (date(2026, 10, 9), True, "周五"), (date(2026, 10, 10), True, "国庆调休上班")]
    assert [str(w) for w in checked.warnings] == [
        "c.csv row 2, column type “holiday”: 2026-10-03 (周六) is a day off of the week anyway; the row changes "
        "nothing today",
        "c.csv row 3, column type “workday”: 2026-10-09 (周五) is a working day of the week anyway; the row changes "
        "nothing today"]
    # a six-day work week: the Saturday holiday changes something, the Saturday 调休 no longer
    six_days = at.calendar_entries(at.read_sheet(path, at.CALENDAR_COLUMNS), 2026, (1, 2, 3, 4, 5, 6))
    assert [w.row for w in six_days.warnings] == [3, 4]


def test_calendar_changes_replace_the_year():
    current = [(date(2026, 10, 1), False, "国庆"), (date(2026, 10, 8), False, "旧")]
    new = [(date(2026, 10, 1), False, "国庆"), (date(2026, 10, 10), True, "调休")]
    assert [str(c) for c in at.calendar_changes(current, new)] == [
        "add 2026-10-10 周六: working day (调休)", "remove 2026-10-08 周四 (day off (旧))"]


def test_a_year_out_of_range_is_refused(tmp_path):
    path = csv_file(tmp_path, "c.csv", "日期,类型\n1999-10-01,休\n")
    with pytest.raises(at.AdminTableError, match=r"c.csv: the year 1999 is not between 2000 and 2100"):
        at.calendar_entries(at.read_sheet(path, at.CALENDAR_COLUMNS), 1999)


@pytest.mark.parametrize("text, expected", [
    ("08:30-12:00,13:30-17:30", "08:30-12:00,13:30-17:30"), ("8:30-12:00， 13:30-17:30", "08:30-12:00,13:30-17:30"),
    ("09:00-12:00;12:00-18:00", "09:00-12:00,12:00-18:00"), ("00:00-24:00", "00:00-24:00"),
])
def test_work_periods(text, expected):
    assert at.parse_work_periods(text) == expected


@pytest.mark.parametrize("text, message", [
    ("08:30-12:00,13:30-25:00", "WORK_PERIODS: “13:30-25:00” holds a time that does not exist (hours 00–24, minutes "
                                "00–59)"),
    ("12:00-08:30", "WORK_PERIODS: “12:00-08:30” ends before it starts; write the earlier time first"),
    ("08:30-12:00,11:30-17:30", "WORK_PERIODS: “11:30-17:30” overlaps the period before it (08:30-12:00); periods "
                                "must not overlap"),
    ("13:30-17:30,08:30-12:00", "WORK_PERIODS: “08:30-12:00” comes before the period written ahead of it "
                                "(13:30-17:30); write the periods in the order of the day"),
    ("8.30-12", "WORK_PERIODS: “8.30-12” is not a period; write start-end as HH:MM-HH:MM, periods separated by commas "
                "(08:30-12:00,13:30-17:30)"),
    ("", "WORK_PERIODS: give the working hours, e.g. 08:30-12:00,13:30-17:30"),
])
def test_bad_work_periods(text, message):
    with pytest.raises(at.AdminTableError) as exc:
        at.parse_work_periods(text)
    assert problems(exc) == [message]


# -- territories ----------------------------------------------------------------------------------
def test_territories_and_their_conflicts(tmp_path, ref):
    path = csv_file(tmp_path, "属地.csv", "部门,街道,社区\n"
                    "JD001,春熙路街道,\n"            # 2
                    "JD002,002,\n"                  # 3
                    "JD003,督院街街道,上翔街社区\n"     # 4 a community of another street's office (allowed)
                    "JD001,001,\n"                  # 5 the same as row 2: a warning
                    "JD003,书院街街道,\n"             # 6 row 3 gives it to JD002
                    "JD003,,督院街社区\n"              # 7 a community without its street
                    "JD003,,\n", "gbk")             # 8 no area
    with pytest.raises(at.AdminTableError) as exc:
        at.territories(at.read_sheet(path, at.TERRITORY_COLUMNS), ref, {}, replace=False)
    assert problems(exc) == [
        "属地.csv row 6, column 部门 “JD003”: row 3 gives 书院街街道 to JD002 书院街街道办事处, this row to JD003 "
        "督院街街道办事处: one department per area; delete one of the two rows",
        "属地.csv row 7, column 社区 “督院街社区”: a community needs its street: fill in the street column of this row",
        "属地.csv row 8, column 街道 (empty): give the street (and the community for a community's territory)"]
    assert "属地.csv row 5: the same area and department as row 2; the row is read once" in \
        [str(p) for p in exc.value.problems if p.warning]


def test_an_area_held_by_another_department_needs_replace(tmp_path, ref):
    path = csv_file(tmp_path, "t.csv", "department,street,community\nJD001,001,\nJD001,001,002\n")
    current = {"510104001": "CGJ", "510104002": "JD002"}
    sheet = at.read_sheet(path, at.TERRITORY_COLUMNS)
    with pytest.raises(at.AdminTableError) as exc:
        at.territories(sheet, ref, current, replace=False)
    assert problems(exc) == [
        "t.csv row 2, column department “JD001”: 春熙路街道 belongs to CGJ 锦江区城市管理局 in the store; to move it "
        "run the import with MODE “replace” (the file becomes the whole territory table), or delete the row"]
    areas, rows = at.territories(sheet, ref, current, replace=True).items
    assert areas == {"510104001": "JD001", "510104001002": "JD001"} and rows == {"510104001": 2, "510104001002": 3}
    assert [str(c) for c in at.territory_changes(current, areas, True, ref)] == [
        "change territory 春熙路街道: CGJ 锦江区城市管理局 → JD001 春熙路街道办事处",
        "add territory 春熙路街道 / 总府路社区: JD001 春熙路街道办事处",
        "remove territory 书院街街道 (JD002 书院街街道办事处)"]


def test_the_territory_sample_passes(ref):
    sheet = at.read_sheet(SAMPLES / "territories_sample.csv", at.TERRITORY_COLUMNS, ("department", "street"))
    areas, _rows = at.territories(sheet, ref, {}, replace=True).items
    assert areas == {"510104001": "JD001", "510104002": "JD002", "510104003": "JD003"}


# -- sources --------------------------------------------------------------------------------------
CURRENT_SOURCES = [
    {"name": "监督员上报", "name_en": "supervisor report", "ord": 1, "trusted": True, "reporter_role": "supervisor",
     "needs_reporter": False, "active": True},
    {"name": "12345热线", "name_en": "12345 hotline", "ord": 3, "trusted": False, "reporter_role": None,
     "needs_reporter": True, "active": True}]


def test_sources_keep_what_a_cell_leaves_empty(tmp_path, ref):
    path = csv_file(tmp_path, "来源.csv", "名称,英文名称,可信,需登记举报人,上报角色,启用\n"
                    "12345热线,,是,,,\n"               # trusted now; the rest kept
                    "网格员上报,grid worker report,是,否,监督员,是\n"
                    "微信公众号,wechat,否,是,,\n", "gbk")
    checked = at.sources(at.read_sheet(path, at.SOURCE_COLUMNS), ref, CURRENT_SOURCES)
    assert checked.items == [
        {"name": "12345热线", "name_en": "12345 hotline", "trusted": True, "needs_reporter": True, "active": True,
         "ord": 3, "reporter_role": None},
        {"name": "网格员上报", "name_en": "grid worker report", "trusted": True, "needs_reporter": False,
         "active": True, "ord": 4, "reporter_role": "supervisor"},
        {"name": "微信公众号", "name_en": "wechat", "trusted": False, "needs_reporter": True, "active": True, "ord": 5,
         "reporter_role": None}]
    changes = [str(c) for c in at.source_changes(CURRENT_SOURCES, checked.items)]
    assert changes[0] == ("change source 12345热线: 12345 hotline; trusted no; reporter needed yes; role any; "
                          "active yes → 12345 hotline; trusted yes; reporter needed yes; role any; active yes")
    assert len(changes) == 3


def test_bad_source_rows(tmp_path, ref):
    path = csv_file(tmp_path, "s.csv", "名称,英文名称,可信,上报角色,启用\n"
                    "新 来源,new,是,,\n"          # 2 a space in the name
                    "公众号,,是,,\n"              # 3 a new source without English name
                    "公众号2,wx,也许,,\n"          # 4 not yes/no
                    "公众号3,wx3,否,管理员,\n"      # 5 admin does not report cases
                    "公众号3,wx3,否,,\n"          # 6 twice
                    ",x,是,,\n")                 # 7 no name
    with pytest.raises(at.AdminTableError) as exc:
        at.sources(at.read_sheet(path, at.SOURCE_COLUMNS), ref, CURRENT_SOURCES)
    got = problems(exc)
    assert got[0] == "s.csv row 2, column 名称 “新 来源”: a source name is 1 to 20 characters without spaces"
    assert got[1] == ("s.csv row 3, column 英文名称 (empty): a new source needs its English name (shown in the "
                      "English interface)")
    assert got[2] == "s.csv row 4, column 可信 “也许”: write 是 or 否 (yes or no)"
    assert got[3].startswith("s.csv row 5, column 上报角色 “管理员”: not a role that reports cases; use one of "
                             "operator 受理员, supervisor 监督员")
    assert got[4] == "s.csv row 6, column 名称 “公众号3”: the source is already in row 5; keep one of the two rows"
    assert got[5] == "s.csv row 7, column 名称 (empty): give the source's name"


# -- local classes --------------------------------------------------------------------------------
def test_local_classes(tmp_path, ref):
    path = csv_file(tmp_path, "扩展.csv", "类型,大类代码,大类名称,小类代码,名称,几何类型\n"
                    "部件,01,,90,智能井盖,点\n"             # major name from the standard
                    "事件,09,城市家具,01,共享设施损坏,\n"      # a new major class
                    "事件,09,,02,共享设施占道,\n"            # its name from the row above
                    "事件,01,市容环境,90,共享单车乱停放,\n", "gbk")  # the local class already in the store: updated
    current = [{"kind": "event", "profile": "2013", "code": "0190", "major_code": "01", "major_name": "市容环境",
                "minor_code": "90", "name": "共享单车乱停放", "geometry_type": None, "active": True}]
    checked = at.local_classes(at.read_sheet(path, at.CLASS_COLUMNS), ref, current)
    assert checked.items == [
        {"kind": "component", "profile": "2013", "code": "0190", "major_code": "01", "major_name": "公用设施",
         "minor_code": "90", "name": "智能井盖", "geometry_type": "point", "active": True},
        {"kind": "event", "profile": "2013", "code": "0901", "major_code": "09", "major_name": "城市家具",
         "minor_code": "01", "name": "共享设施损坏", "geometry_type": None, "active": True},
        {"kind": "event", "profile": "2013", "code": "0902", "major_code": "09", "major_name": "城市家具",
         "minor_code": "02", "name": "共享设施占道", "geometry_type": None, "active": True},
        {"kind": "event", "profile": "2013", "code": "0190", "major_code": "01", "major_name": "市容环境",
         "minor_code": "90", "name": "共享单车乱停放", "geometry_type": None, "active": True}]
    assert [str(c) for c in at.class_changes(current, checked.items)] == [
        "add local 部件 class 0190: 01 公用设施 / 智能井盖 点", "add local 事件 class 0901: 09 城市家具 / 共享设施损坏",
        "add local 事件 class 0902: 09 城市家具 / 共享设施占道"]


def test_bad_local_classes(tmp_path, ref):
    path = csv_file(tmp_path, "k.csv", "类型,大类代码,大类名称,小类代码,名称,几何类型\n"
                    "事件,01,,02,我的暴露垃圾,\n"        # 2 0102 is the standard 暴露垃圾
                    "事件,01,,9,短码,\n"                # 3 one digit (Excel)
                    "部件,01,,91,无几何,\n"              # 4 a component without geometry
                    "事件,01,,91,有几何,点\n"             # 5 an event with geometry
                    "事件,01,,92,暴露垃圾,\n"            # 6 the name of a standard class
                    "事件,01,街面,93,改大类名,\n"          # 7 another name for a standard major class
                    "事件,08,,01,新大类无名,\n"           # 8 a new major class without a name
                    "事件,01,,94,重复,\n"               # 9
                    "事件,01,,94,重复二,\n", "gbk")      # 10 the same code as row 9
    with pytest.raises(at.AdminTableError) as exc:
        at.local_classes(at.read_sheet(path, at.CLASS_COLUMNS), ref, [])
    got = problems(exc)
    assert got[0] == ("k.csv row 2, column 小类代码 “02”: 事件 class 0102 is a standard class (暴露垃圾) and cannot be "
                      "redefined; give the local class a free code, e.g. 0198")
    assert got[1] == ("k.csv row 3, column 小类代码 “9”: the minor class code has 2 digits in profile 2013 (Excel "
                      "drops leading zeros: format the column as text and write 09)")
    assert got[2] == ("k.csv row 4, column 几何类型 (empty): a component class is drawn as 点, 线 or 面 (point, line, "
                      "polygon)")
    assert got[3] == "k.csv row 5, column 几何类型 “点”: an event class has no geometry type; leave the cell empty"
    assert got[4] == ("k.csv row 6, column 名称 “暴露垃圾”: the 事件 class 0102 already has this name; class names are "
                      "unique, choose another")
    assert got[5] == ("k.csv row 7, column 大类名称 “街面”: major class 01 is “市容环境” in the standard; write that "
                      "name or leave the cell empty")
    assert got[6] == "k.csv row 8, column 大类名称 (empty): 08 is a new major class: give its name"
    assert got[7] == "k.csv row 10, column 小类代码 “94”: 事件 class 0194 is already in row 9; keep one of the two rows"
    assert len(got) == 8


def test_the_2026_profile_has_three_digit_minor_codes(tmp_path, ref):
    path = csv_file(tmp_path, "k.csv", "类型,大类代码,大类名称,小类代码,名称\n事件,09,新类,01,新事项\n")
    ref2026 = at.Reference(profile="2026")
    with pytest.raises(at.AdminTableError, match="the minor class code has 3 digits in profile 2026.*write 001"):
        at.local_classes(at.read_sheet(path, at.CLASS_COLUMNS), ref2026, [])


# -- weights --------------------------------------------------------------------------------------
def test_weights_in_english_or_chinese():
    english = at.parse_weights("handling_rate=40, on_time_handling_rate=20, rework_rate=20, overdue_rate=10, "
                               "extension_rate=10")
    chinese = at.parse_weights("处置率=40，按期处置率：20，返工率=20；超期待处置率=10、延期率=10")
    assert english.items == chinese.items == {"handling_rate": 40.0, "on_time_handling_rate": 20.0,
                                              "rework_rate": 20.0, "overdue_rate": 10.0, "extension_rate": 10.0,
                                              "satisfaction_rate": 0.0}   # 外评价: off until weighted
    assert english.warnings == []
    assert at.parse_weights("处置率=30, 满意率=10").items["satisfaction_rate"] == 10.0
    partial = at.parse_weights("处置率=50")          # the others keep their default weight
    assert partial.items["on_time_handling_rate"] == 20.0
    assert [str(w) for w in partial.warnings] == [
        "WEIGHTS: the weights add up to 120, not 100: the composite score is then not out of 100"]
    assert [str(c) for c in at.weight_changes(english.items, partial.items)] == [
        "change weight of handling_rate: 40 → 50", "change weight of overdue_rate: 10 → 20"]


@pytest.mark.parametrize("text, message", [
    ("速度=30", "WEIGHTS: “速度” is not a score term; the terms are handling_rate, on_time_handling_rate, "
               "rework_rate, overdue_rate, extension_rate, satisfaction_rate "
               "(or 处置率、按期处置率、返工率、超期待处置率、超期率、延期率、满意率)"),
    ("处置率=三十", "WEIGHTS: the weight of handling_rate must be a number, got '三十'"),
    ("handling_rate=-5", "WEIGHTS: score weights must be zero or more and not all zero"),
    ("", "WEIGHTS: give the weights, e.g. handling_rate=30, on_time_handling_rate=20"),
])
def test_bad_weights(text, message):
    with pytest.raises(at.AdminTableError) as exc:
        at.parse_weights(text)
    assert problems(exc) == [message]


# -- authorities ----------------------------------------------------------------------------------
def test_authorities(tmp_path, ref):
    path = csv_file(tmp_path, "权限.csv", "事项,角色,最长延期小时,说明\n"
                    "缓办,数字城管办,,\n解除挂账,office,,\n批准延期,值班长,24,一天以内\n批准延期,office,,不限\n"
                    "refuse_extension,shift_leader,,\n作废,citygrid_office,,\n回访不满意重办,受理员,,\n", "gbk")
    checked = at.authorities(at.read_sheet(path, at.AUTHORITY_COLUMNS), ref)
    assert checked.warnings == []
    assert checked.items == [
        {"action": "defer", "role": "office", "max_hours": None, "note": None},
        {"action": "release", "role": "office", "max_hours": None, "note": None},
        {"action": "approve_extension", "role": "shift_leader", "max_hours": 24.0, "note": "一天以内"},
        {"action": "approve_extension", "role": "office", "max_hours": None, "note": "不限"},
        {"action": "refuse_extension", "role": "shift_leader", "max_hours": None, "note": None},
        {"action": "cancel", "role": "office", "max_hours": None, "note": None},
        {"action": "reopen", "role": "operator", "max_hours": None, "note": None}]
    current = [{"action": "approve_extension", "role": "shift_leader", "max_hours": None, "note": None}]
    assert [str(c) for c in at.authority_changes(current, checked.items)][:3] == [
        "add 缓办 by office: allowed", "add 解除挂账 by office: allowed",
        "change 批准延期 by shift_leader: allowed → up to 24 h (一天以内)"]


def test_bad_authorities(tmp_path, ref):
    path = csv_file(tmp_path, "a.csv", "事项,角色,最长延期小时\n"
                    "催办,office,\n"          # 2 not an approval
                    "缓办,局长,\n"            # 3 not a role
                    "作废,office,48\n"        # 4 a maximum for another action
                    "批准延期,office,-3\n"     # 5 not positive
                    "缓办,office,\n"          # 6 good
                    "缓办,数字城管办,\n")       # 7 the same as row 6
    with pytest.raises(at.AdminTableError) as exc:
        at.authorities(at.read_sheet(path, at.AUTHORITY_COLUMNS), ref)
    got = problems(exc)
    assert got[0] == ("a.csv row 2, column 事项 “催办”: the action is one of 缓办 (defer), 解除挂账 (release), "
                      "批准延期 (approve_extension), 驳回延期 (refuse_extension), 作废 (cancel), "
                      "回访不满意重办 (reopen)")
    assert got[1].startswith("a.csv row 3, column 角色 “局长”: not a role; use one of admin 管理员, operator 受理员")
    assert got[2] == ("a.csv row 4, column 最长延期小时 “48”: a longest extension belongs to 批准延期 "
                      "(approve_extension) only; leave the cell empty")
    assert got[3] == ("a.csv row 5, column 最长延期小时 “-3”: the longest extension is a number of hours above 0 and "
                      "at most 2160; leave it empty for any length")
    assert got[4] == ("a.csv row 7, column 角色 “数字城管办”: row 6 already gives 缓办 to this role; keep one of "
                      "the two rows")
    assert len(got) == 5


def test_an_action_left_to_nobody_is_a_warning(tmp_path, ref):
    path = csv_file(tmp_path, "a.csv", "事项,角色\n缓办,office\n")
    checked = at.authorities(at.read_sheet(path, at.AUTHORITY_COLUMNS), ref)
    assert [str(w) for w in checked.warnings][0] == ("a.csv: no role may 解除挂账 (release) after this import: nobody "
                                                     "could do it")
    assert len(checked.warnings) == 5


# -- grids ----------------------------------------------------------------------------------------
def test_grid_codes():
    assert at.parse_grid_codes("510104001001001, 510104001001002；510104001001001") == [
        "510104001001001", "510104001001002"]
    with pytest.raises(at.AdminTableError) as exc:
        at.parse_grid_codes("510104001001001,51010400100100,abc")
    assert problems(exc) == ["GRIDS: “51010400100100” is not a unit grid code (15 digits)",
                             "GRIDS: “abc” is not a unit grid code (15 digits)"]


def test_the_city_handover_source_keeps_the_stores_own_role(tmp_path, ref):
    """市级转办 is reported by the store itself (role system, migration 019): a sheet that leaves its role
    empty, as an export re-imported does, keeps it; a sheet that gives it a desk's role is refused."""
    handover = {"name": "市级转办", "name_en": "city hand-over", "ord": 8, "trusted": False,
                "reporter_role": "system", "needs_reporter": False, "active": True}
    kept = csv_file(tmp_path, "kept.csv", "名称,英文名称,可信,上报角色,启用\n市级转办,,否,,是\n", "utf-8")
    checked = at.sources(at.read_sheet(kept, at.SOURCE_COLUMNS), ref, [*CURRENT_SOURCES, handover])
    assert checked.items[0]["reporter_role"] == "system"
    assert at.source_changes([*CURRENT_SOURCES, handover], checked.items) == []
    opened = csv_file(tmp_path, "opened.csv", "名称,英文名称,可信,上报角色,启用\n市级转办,,否,受理员,是\n", "utf-8")
    with pytest.raises(at.AdminTableError) as exc:
        at.sources(at.read_sheet(opened, at.SOURCE_COLUMNS), ref, [*CURRENT_SOURCES, handover])
    assert problems(exc) == ["opened.csv row 2, column 上报角色 “受理员”: only the store itself reports under 市级转办 "
                             "(the city's hand-overs); leave its role as it is"]
