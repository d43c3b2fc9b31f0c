"""The command manual (指挥手册) as sheets and CSV: a round trip gives the same manual, and a bad
sheet is refused with every problem at once, each with its sheet, row (as Excel shows it),
column, value and what to do."""
from __future__ import annotations

from pathlib import Path

import pytest

from citygrid_plugin.core.manual import ClassEntry, Limit, Manual, ManualError, Variant, diff, parse_limit
from citygrid_plugin.core.manualsheet import (
    CSV_HEADERS,
    DEFAULT_HEADERS,
    SHEET_DEFAULTS,
    SHEET_HELP,
    ManualSheetError,
    class_headers,
    csv_to_manual,
    manual_to_csv_rows,
    manual_to_sheets,
    read_manual,
    sheets_to_manual,
    write_manual,
)
from citygrid_plugin.core.xlsx import Sheet, read_xlsx, write_xlsx

L = parse_limit
KNOWN = {("event", "0101"): "私搭乱建", ("event", "0102"): "暴露垃圾", ("event", "0104"): "道路不洁",
         ("component", "0101"): "上水井盖", ("component", "0118"): "路灯", ("component", "0305"): "垃圾箱"}
MAJOR = {("event", "0101"): "市容环境", ("event", "0102"): "市容环境", ("event", "0104"): "市容环境",
         ("component", "0101"): "公用设施", ("component", "0118"): "公用设施", ("component", "0305"): "市容环境"}
DEPARTMENTS = {"HW": "区环境卫生管理所", "CGJ": "锦江区城市管理局", "ZLS": "自来水公司", "SZ": "区市政设施管理所"}
BY_NAME = {v: k for k, v in DEPARTMENTS.items()}


def sample() -> Manual:
    return Manual(
        "2013",
        defaults={"event": {"verify": L("30分钟"), "register": L("1工作时"), "handle": L("3工作日")},
                  "component": {"verify": L("30分钟"), "handle": L("3工作日")}},
        urgent_defaults={"event": {"verify": L("15分钟"), "handle": L("2小时")}, "component": {"handle": L("2小时")}},
        classes={
            ("event", "0102"): ClassEntry(
                "event", "0102", points="主干道路、各类桥梁无乱堆乱放，无运输洒漏。", supervisor="属地",
                department="HW",
                handling="接到通知后 90 分钟内派人到现场，迅速组织清理。", register="垃圾暴露在公共场所",
                close="清理干净", limits={"dispatch": L("90分钟"), "handle": L("4工作时")},
                urgent={"handle": L("1小时")},
                variants=(Variant("5吨以下", {"handle": L("4工作时")}),
                          Variant("5吨以上", {"handle": L("24小时")}, "5 吨以上的暴露垃圾 24 小时内协调清理完毕"))),
            ("event", "0101"): ClassEntry("event", "0101", department="CGJ", limits={"handle": L("15工作日")}),
            ("component", "0101"): ClassEntry(
                "component", "0101", points="无缺失、损坏、盖框不平整、下陷、锁具损坏现象", supervisor="CGJ",
                department="ZLS", topology="point", limits={"handle": L("6小时")},
                variants=(Variant("施工条件受限", {"handle": L("36小时")}),)),
        })


def read(sheets, **kw):
    return sheets_to_manual(sheets, "2013", KNOWN, set(DEPARTMENTS), BY_NAME, **kw)


def problems(sheets) -> list[tuple]:
    with pytest.raises(ManualSheetError) as info:
        read(sheets)
    return [(p.sheet, p.row, p.column, p.value) for p in info.value.problems], info.value


def good_sheets() -> dict[str, list[list]]:
    return manual_to_sheets(sample(), KNOWN, MAJOR, DEPARTMENTS)


def row(kind: str, **cells) -> list:
    headers = class_headers(kind)
    out = [None] * len(headers)
    names = {"code": "类别代码", "name": "类别名称", "variant": "情形", "points": "管理要点", "supervisor": "监管单位",
             "department": "专业部门", "handling": "处置标准", "topology": "拓扑类型"}
    for key, value in cells.items():
        out[headers.index(names.get(key, key))] = value
    return out


# -- round trips -----------------------------------------------------------------------------------
def test_sheets_hold_every_class_of_the_profile_departments_by_name_and_limits_as_people_write_them():
    sheets = good_sheets()
    assert list(sheets) == ["事件", "部件", SHEET_DEFAULTS, SHEET_HELP]
    events = sheets["事件"]
    assert events[0] == class_headers("event") and "拓扑类型" not in events[0]
    assert sheets["部件"][0] == class_headers("component") and "拓扑类型" in sheets["部件"][0]
    assert [r[0] for r in events[1:]] == ["0101", "0102", "0102", "0102", "0102", "0104"]
    h = {name: i for i, name in enumerate(events[0])}
    cls, small, big, urgent = events[2:6]
    assert (cls[h["大类名称"]], cls[h["类别名称"]], cls[h["情形"]]) == ("市容环境", "暴露垃圾", None)
    assert (cls[h["监管单位"]], cls[h["专业部门"]]) == ("属地", "区环境卫生管理所")
    assert (cls[h["派遣时限"]], cls[h["处置时限"]]) == ("90 分钟", "4 工作时")
    assert (small[h["情形"]], small[h["处置时限"]], small[h["管理要点"]]) == ("5吨以下", "4 工作时", None)
    assert (big[h["情形"]], big[h["处置时限"]], big[h["处置标准"]]) == ("5吨以上", "24 小时",
                                                                     "5 吨以上的暴露垃圾 24 小时内协调清理完毕")
    assert (urgent[h["情形"]], urgent[h["处置时限"]]) == ("紧急", "1 小时")
    assert events[6][:3] == ["0104", "市容环境", "道路不洁"] and set(events[6][3:]) == {None}  # no entry yet
    parts = sheets["部件"]
    hp = {name: i for i, name in enumerate(parts[0])}
    assert parts[1][hp["拓扑类型"]] == "点" and parts[1][hp["监管单位"]] == "锦江区城市管理局"
    assert sheets[SHEET_DEFAULTS][0] == DEFAULT_HEADERS
    assert sheets[SHEET_DEFAULTS][1][:2] == ["事件", None] and sheets[SHEET_DEFAULTS][2][:2] == ["事件", "紧急"]


def test_round_trip_through_sheets_gives_the_same_manual():
    again = read(good_sheets())
    assert again == sample()
    assert diff(sample(), again) == []


def test_round_trip_through_an_xlsx_and_a_csv_file(tmp_path):
    for name in ("manual.xlsx", "manual.csv"):
        path = write_manual(tmp_path / name, sample(), KNOWN, MAJOR, DEPARTMENTS)
        assert read_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME) == sample()
    assert read_xlsx(tmp_path / "manual.xlsx")["事件"][3][3] == "5吨以下"
    assert (tmp_path / "manual.csv").read_bytes().startswith(b"\xef\xbb\xbf" + "类型,类别代码".encode())


def test_codes_are_read_back_when_the_names_of_departments_are_ambiguous():
    names = {**DEPARTMENTS, "SZ2": "区市政设施管理所", "X": "HW"}    # a shared name; a name that is a code
    manual = Manual("2013", defaults=sample().defaults,
                    classes={("event", "0101"): ClassEntry("event", "0101", department="SZ", supervisor="HW")})
    sheets = manual_to_sheets(manual, KNOWN, MAJOR, names)
    h = sheets["事件"][0]
    first = sheets["事件"][1]
    assert first[h.index("专业部门")] == "SZ" and first[h.index("监管单位")] == "区环境卫生管理所"


def test_a_gbk_csv_from_excel_is_read(tmp_path):
    rows = manual_to_csv_rows(sample(), KNOWN, MAJOR, DEPARTMENTS)
    text = "\r\n".join(",".join("" if v is None else str(v) for v in r) for r in rows) + "\r\n"
    path = tmp_path / "手册.csv"
    path.write_bytes(text.encode("gbk"))
    assert csv_to_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME) == sample()


def test_a_csv_mixing_utf8_and_gbk_is_refused(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(",".join(CSV_HEADERS).encode("utf-8") + b"\r\n"
                     + "事件,默认,,,,,,,,,,,,30分钟,,,,,\r\n".encode("gbk"))
    with pytest.raises(ManualError, match="mixed encodings: line 1 is UTF-8 but line 2 is GBK"):
        csv_to_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME)


def test_a_formula_like_text_is_neutralised_in_the_csv_and_read_back_as_written(tmp_path):
    manual = sample().with_entry(ClassEntry("event", "0104", handling="=HYPERLINK(\"x\")", department="HW"))
    path = write_manual(tmp_path / "m.csv", manual, KNOWN, MAJOR, DEPARTMENTS)
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
    assert read_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME) == manual


def test_a_code_excel_made_a_number_and_a_title_row_above_the_headers_are_read():
    sheets = good_sheets()
    sheets["事件"] = [["锦江区数字城管指挥手册（事件）"], *sheets["事件"]]
    for r in sheets["事件"][2:]:
        r[0] = int(r[0])           # 0102 → 102, as Excel does with a General cell
    assert read(sheets) == sample()


def test_departments_by_code_name_any_case_and_the_territorial_words():
    sheets = good_sheets()
    events = sheets["事件"]
    h = events[0]
    events[2][h.index("专业部门")], events[2][h.index("监管单位")] = "hw", "属地（管辖范围）"
    manual = read(sheets)
    assert manual.entry("event", "0102").department == "HW"
    assert manual.entry("event", "0102").supervisor == "属地"


def test_an_empty_class_row_is_no_entry_and_a_defaults_sheet_is_needed():
    manual = read(good_sheets())
    assert manual.entry("event", "0104") is None
    sheets = good_sheets()
    del sheets[SHEET_DEFAULTS]
    found, error = problems(sheets)
    assert found == [("the workbook", None, None, None)]
    assert "no default limits" in str(error)


# -- bad input: every problem at once, precisely -----------------------------------------------------
def test_every_problem_is_reported_with_sheet_row_column_value():
    sheets = good_sheets()
    events = sheets["事件"]
    h = events[0]
    # rows 2..: 0101, 0102, 0102 5吨以下, 0102 5吨以上, 0102 紧急, 0104
    events[1][h.index("专业部门")] = "环卫处"                                   # row 2: unknown department
    events[3][h.index("处置时限")] = "0工作时"                                  # row 4: not positive
    events[4][h.index("处置时限")] = "四小时"                                    # row 5: not parseable
    events[6][h.index("核实时限")] = 4                                          # row 7: a number without unit
    events.append(row("event", code="0999", name="不存在", department="HW"))     # row 8: not in the profile
    events.append(row("event", code="0102", department="HW"))                   # row 9: duplicate class row
    events.append(row("event", code="0104", variant="大面积"))                  # row 10: a variant without limits
    events.append(row("event", code="0108", variant="紧急", 处置时限="1小时"))  # row 11: 紧急 before its class
    events.append(row("event", code="0118", department="HW"))                   # row 12: a component class
    events.append(row("event", code="0104", variant="夜间", 处置时限="2小时", points="不属于情形行"))  # row 13
    events.append(row("event", code="0104", name="暴露垃圾", variant="雨天", 处置时限="3小时"))  # row 14: wrong name
    parts = sheets["部件"]
    hp = parts[0]
    parts[1][hp.index("监管单位")] = "市城管局"                                 # row 2: unknown department
    parts[1][hp.index("拓扑类型")] = "圆"                                       # row 2: bad topology
    # rows 2..: 0101, 0101 施工条件受限, 0118, 0305
    parts.insert(4, row("component", code="0305", variant="满溢", 处置时限="2小时"))  # row 5: before its class
    parts[5][hp.index("处置时限")] = "-3小时"                                   # row 6: not a limit
    parts.append(row("component", code="0101", variant="施工条件受限", 处置时限="48小时"))  # row 7: duplicate
    sheets[SHEET_DEFAULTS][3][DEFAULT_HEADERS.index("处置时限")] = "3周"       # row 4 of defaults: unknown unit
    found, error = problems(sheets)
    assert found == [
        ("事件", 2, "专业部门", "环卫处"),
        ("事件", 4, "处置时限", "0工作时"),
        ("事件", 5, "处置时限", "四小时"),
        ("事件", 7, "核实时限", "4"),
        ("事件", 8, "类别代码", "0999"),
        ("事件", 9, "类别代码", "0102"),
        ("事件", 10, "情形", "大面积"),
        ("事件", 11, "情形", "紧急"),
        ("事件", 12, "类别代码", "0118"),
        ("事件", 13, "管理要点", "不属于情形行"),
        ("事件", 14, "类别名称", "暴露垃圾"),
        ("部件", 2, "监管单位", "市城管局"),
        ("部件", 2, "拓扑类型", "圆"),
        ("部件", 5, "情形", "满溢"),
        ("部件", 6, "处置时限", "-3小时"),
        ("部件", 7, "情形", "施工条件受限"),
        ("默认时限", 4, "处置时限", "3周"),
    ]
    text = str(error)
    assert text.startswith("the manual has 17 problems; nothing is imported")
    for expected in (
            "事件, row 2, column 专业部门 “环卫处”: unknown department: write a department code (CGJ、HW、SZ、ZLS)",
            "事件, row 4, column 处置时限 “0工作时”: a time limit must be a positive number",
            "事件, row 5, column 处置时限 “四小时”: '四小时' is not a time limit",
            "事件, row 7, column 核实时限 “4”: a time limit needs its unit: write e.g. 4工作时",
            "事件, row 8, column 类别代码 “0999”: no 事件 class 0999 in the code profile 2013",
            "事件, row 9, column 类别代码 “0102”: class 0102 has a row already (row 3)",
            "事件, row 10, column 情形 “大面积”: the situation “大面积” of class 0104 has no time limit",
            "事件, row 11, column 情形 “紧急”: the 紧急 row of class 0108 comes before its class row",
            "事件, row 12, column 类别代码 “0118”: 0118 is a 部件 class (路灯), not a 事件 class: move the row to "
            "the sheet 部件",
            "事件, row 13, column 管理要点 “不属于情形行”: the situation “夜间” holds only time limits (and a note in "
            "处置标准): move this text to the class row",
            "事件, row 14, column 类别名称 “暴露垃圾”: class 0104 is 道路不洁, not 暴露垃圾",
            "部件, row 2, column 拓扑类型 “圆”: the topology is 点, 线 or 面",
            "部件, row 5, column 情形 “满溢”: the situation “满溢” of class 0305 comes before its class row",
            "部件, row 7, column 情形 “施工条件受限”: class 0101 has the situation “施工条件受限” already (row 3)",
            "默认时限, row 4, column 处置时限 “3周”: '3周': unknown time unit '周'"):
        assert expected in text, expected


def test_a_missing_sheet_an_unknown_column_and_an_unknown_sheet_are_reported():
    sheets = good_sheets()
    del sheets["部件"]
    sheets["事件"][0][sheets["事件"][0].index("处置标准")] = "处置标准 "   # a trailing space is fine
    sheets["事件"][0].append("处置时线")
    sheets["事件"][0].append("备注")                                      # ignored
    sheets["Sheet1"] = [["类别代码"], ["0102"]]
    sheets["Sheet2"] = [[], [None]]                                       # empty: ignored
    found, error = problems(sheets)
    assert found == [("事件", 1, "处置时线", None), ("the workbook", None, None, "部件"), ("Sheet1", None, None, None)]
    assert "no sheet 部件: the import replaces the whole manual" in str(error)
    assert "unknown column: the columns are 类别代码、大类名称" in str(error)
    assert "this sheet is not read" in str(error)


def test_csv_problems_name_the_file_and_its_lines(tmp_path):
    rows = manual_to_csv_rows(sample(), KNOWN, MAJOR, DEPARTMENTS)
    rows.append(["事件", "0102", None, None, "5吨以上", None, None, None, None, None, None, None,
                 None, None, None, None, "36小时", None, None, None])
    rows.append(["设施", "0101"] + [None] * (len(CSV_HEADERS) - 2))
    rows.append(["事件", "0101"] + [None] * 9 + ["点"] + [None] * 8)
    path = tmp_path / "manual.csv"
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows) + "\n",
                    encoding="utf-8")
    with pytest.raises(ManualSheetError) as info:
        csv_to_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME)
    n = len(rows)
    assert [(p.sheet, p.row, p.column, p.value) for p in info.value.problems] == [
        ("manual.csv", n - 2, "情形", "5吨以上"),
        ("manual.csv", n - 1, "类型", "设施"),
        ("manual.csv", n, "拓扑类型", "点"),
        ("manual.csv", n, "类别代码", "0101"),
    ]


def test_a_workbook_written_by_hand_in_another_column_order_is_read(tmp_path):
    headers = ["类别名称", "处置时限", "类别代码", "专业部门", "情形"]
    path = write_xlsx(tmp_path / "hand.xlsx", [
        Sheet("事件", [headers, ["暴露垃圾", "4工作时", "0102", "区环境卫生管理所", None],
                       [None, "24 小时", "0102", None, "5吨以上"]]),
        Sheet("部件", [["类别代码"]]),
        Sheet("默认时限", [["类型", "情形", "处置"], ["事件", None, "3工作日"], ["部件", None, "3工作日"]]),
    ])
    manual = read_manual(path, "2013", KNOWN, set(DEPARTMENTS), BY_NAME)
    assert manual.entry("event", "0102") == ClassEntry("event", "0102", department="HW",
                                                       limits={"handle": Limit(4, "work_hours")},
                                                       variants=(Variant("5吨以上", {"handle": Limit(24, "hours")}),))
    three_days = {"handle": Limit(3, "work_days")}
    assert manual.defaults == {"event": three_days, "component": three_days}


def test_other_files_are_refused_with_what_to_do(tmp_path):
    old = tmp_path / "manual.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ManualError, match="an old .xls: save it as .xlsx"):
        read_manual(old, "2013", KNOWN, set(DEPARTMENTS), BY_NAME)
    fake = tmp_path / "manual.xlsx"
    fake.write_text("类别代码\n0102\n", encoding="utf-8")
    with pytest.raises(ManualError, match="not an .xlsx workbook"):
        read_manual(fake, "2013", KNOWN, set(DEPARTMENTS), BY_NAME)
    with pytest.raises(ManualError, match="an .xlsx or .csv file"):
        write_manual(tmp_path / "manual.pdf", sample(), KNOWN)


# -- the sample district's manual (data_samples/make_manual.py) ------------------------------------------
def _sample_scripts():
    import sys

    folder = str(Path(__file__).resolve().parents[2] / "data_samples")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import generate_cases
    import make_manual

    return make_manual, generate_cases


def test_the_sample_workbook_is_what_make_manual_writes(tmp_path):
    make_manual, _ = _sample_scripts()
    assert make_manual.main(["--out", str(tmp_path / "m.xlsx")]) == 0
    assert (tmp_path / "m.xlsx").read_bytes() == make_manual.OUT.read_bytes(), \
        "data_samples/manual_sample.xlsx is stale: run python data_samples/make_manual.py"


def test_the_sample_manual_has_the_seeds_examples_and_every_class_the_demo_cases_use():
    make_manual, generate_cases = _sample_scripts()
    names, _majors = make_manual.class_table()
    departments = make_manual.departments()
    manual = read_manual(make_manual.OUT, "2013", names, set(departments), {v: k for k, v in departments.items()})
    assert manual == make_manual.sample_manual()
    assert {c for k, c in manual.classes if k == "event"} >= set(generate_cases.EVENTS)
    assert {c for k, c in manual.classes if k == "component"} >= set(generate_cases.COMPONENTS)
    refuse = manual.entry("event", "0102")
    assert refuse.points.startswith("主干道路、") and "无运输洒漏" in refuse.points
    assert (refuse.supervisor, refuse.department) == ("属地", "HW")
    assert refuse.handling.startswith("接到通知后 90 分钟内派人到现场，迅速组织清理")
    assert [(v.name, v.limits) for v in refuse.variants] == [("5吨以下", {"handle": Limit(4, "work_hours")}),
                                                            ("5吨以上", {"handle": Limit(24, "hours")})]
    cover = manual.entry("component", "0101")
    assert (cover.topology, cover.points, cover.supervisor, cover.department) == (
        "point", "无缺失、损坏、盖框不平整、下陷、锁具损坏现象", "CGJ", "ZLS")
    assert cover.limits == {"handle": Limit(6, "hours")}
    assert [(v.name, v.limits) for v in cover.variants] == [("施工条件受限", {"handle": Limit(36, "hours")})]
    today = {"verify": Limit(0.5, "hours"), "register": Limit(1, "work_hours"), "dispatch": Limit(1, "work_hours"),
             "handle": Limit(3, "work_days"), "check": Limit(0.5, "hours"), "close": Limit(2, "work_hours"),
             "revisit": Limit(2, "work_days")}   # 回访 (migration 017)
    urgent = {"verify": Limit(0.25, "hours"), "register": Limit(0.5, "hours"), "dispatch": Limit(0.5, "hours"),
              "handle": Limit(2, "hours"), "check": Limit(0.25, "hours"), "close": Limit(1, "hours")}
    assert manual.defaults == {"event": today, "component": today}
    assert manual.urgent_defaults == {"event": urgent, "component": urgent}


def test_every_department_of_the_sample_manual_is_a_sample_department():
    make_manual, _ = _sample_scripts()
    known = set(make_manual.departments())
    used = {d for e in make_manual.ENTRIES for d in (e.supervisor, e.department) if d and d != "属地"}
    assert used <= known, sorted(used - known)
