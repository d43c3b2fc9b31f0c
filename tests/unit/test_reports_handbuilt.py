"""The reports (core.reports) on a dozen hand-built cases whose figures are known: problems by
source, by department, the classes compared with a year and a month before, problems by class
(事部件分类) with their subtotals, and the handling time in working hours on a hand-built calendar
(a weekend, a holiday, a 调休 Saturday, a 挂账 suspension, a returned dispatch, a rework) — and a
period without a single case, which gives empty tables and divides nothing by zero."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from citygrid_plugin.core import reports
from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.evaluation import Action, Case, facts_for
from citygrid_plugin.core.workcalendar import WorkCalendar

START, END = datetime(2026, 11, 1, tzinfo=CST), datetime(2026, 12, 1, tzinfo=CST)
# Wednesday 11 November is a holiday, Saturday 14 November a working day (调休)
CALENDAR = WorkCalendar.from_settings("08:30-12:00,13:30-17:30", "1,2,3,4,5",
                                      [(date(2026, 11, 11), False), (date(2026, 11, 14), True)])
CLASSES = {"event:0102": "暴露垃圾", "event:0105": "乱堆物堆料", "event:0301": "无照经营游商",
           "component:0101": "上水井盖", "component:0201": "路灯"}
MAJORS = {"event:01": "市容环境", "event:03": "街面秩序", "component:01": "公用设施", "component:02": "道路交通"}
DEPARTMENTS = {"HW": "区环卫所", "SW": "区水务局", "JG": "区交管大队"}
ROLES = {"report": "supervisor", "accept": "operator", "register": "shift_leader", "dispatch": "dispatcher",
         "return": "department", "feedback": "department", "defer": "office", "release": "office",
         "rework": "supervisor", "cancel": "operator"}
STATES = {"report": (None, "reported"), "accept": ("reported", "accepted"), "register": ("accepted", "registered"),
          "dispatch": ("registered", "dispatched"), "return": ("dispatched", "returned"),
          "feedback": ("dispatched", "handled"), "defer": ("dispatched", "deferred"),
          "release": ("deferred", "dispatched"), "rework": ("handled", "dispatched"),
          "cancel": ("reported", "cancelled")}


def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


def act(action: str, at: datetime, department: str | None = None) -> Action:
    before, after = STATES[action]
    if action == "dispatch" and department is None:
        raise ValueError("a dispatch names its department")
    return Action(action, before, after, f"u_{ROLES[action]}", ROLES[action], at, on_time=True,
                  department=department)


def case(cid: int, kind: str, code: str, source: str, reported: datetime, *steps) -> Case:
    """A case reported at *reported*, accepted and registered 5 and 10 minutes later, then *steps*
    ((action, time[, department]), …)."""
    actions = [act("report", reported), act("accept", reported.replace(minute=5)),
               act("register", reported.replace(minute=10))]
    actions += [act(*s) for s in steps]
    return Case(cid, f"C{cid:02d}", kind, code, source, "510104001001001", reported, actions)


SUP, PUB, HOT = "监督员上报", "公众举报", "12319热线"
CASES = [
    # 1: dispatched Monday 09:30, fed back 11:30 — 2 working hours
    case(1, "event", "0102", SUP, t(11, 2, 9), ("dispatch", t(11, 2, 9, 30), "HW"), ("feedback", t(11, 2, 11, 30))),
    # 2: Tuesday 17:00 → Wednesday 15:00: 0.5 + 3.5 + 1.5 = 5.5
    case(2, "event", "0102", PUB, t(11, 3, 16), ("dispatch", t(11, 3, 17), "HW"), ("feedback", t(11, 4, 15))),
    # 3: over a weekend, Friday 16:30 → Monday 10:30: 1.0 + 2.0 = 3.0 (66 clock hours)
    case(3, "event", "0105", SUP, t(11, 6, 15), ("dispatch", t(11, 6, 16, 30), "SW"), ("feedback", t(11, 9, 10, 30))),
    # 4: over the Wednesday holiday, Tuesday 15:30 → Thursday 09:30: 2.0 + 0 + 1.0 = 3.0
    case(4, "component", "0101", HOT, t(11, 10, 14), ("dispatch", t(11, 10, 15, 30), "SW"),
         ("feedback", t(11, 12, 9, 30))),
    # 5: dispatched to JG, returned (wrong department), dispatched to HW 10:30, fed back 11:30 — 1.0 for HW
    case(5, "event", "0301", PUB, t(11, 16, 9), ("dispatch", t(11, 16, 9, 30), "JG"), ("return", t(11, 16, 10)),
         ("dispatch", t(11, 16, 10, 30), "HW"), ("feedback", t(11, 16, 11, 30))),
    # 6: 挂账 from Tuesday 10:30 to Thursday 10:30: 1.0 before, 1.0 after, the 15 hours between left out
    case(6, "component", "0201", SUP, t(11, 17, 9), ("dispatch", t(11, 17, 9, 30), "SW"), ("defer", t(11, 17, 10, 30)),
         ("release", t(11, 19, 10, 30)), ("feedback", t(11, 19, 11, 30))),
    # 7: over the 调休 Saturday, Friday 17:00 → Monday 09:00: 0.5 + 7.5 + 0.5 = 8.5
    case(7, "event", "0102", SUP, t(11, 13, 16), ("dispatch", t(11, 13, 17), "HW"), ("feedback", t(11, 16, 9))),
    # 8: cancelled, never registered
    Case(8, "C08", "event", "0102", PUB, "510104001001001", t(11, 20, 9),
         [act("report", t(11, 20, 9)), act("cancel", t(11, 20, 9, 30))]),
    # 9: reported in October, fed back in November: Friday 17:00 → Monday 09:30 = 0.5 + 1.0
    case(9, "event", "0105", SUP, t(10, 30, 16), ("dispatch", t(10, 30, 17), "HW"), ("feedback", t(11, 2, 9, 30))),
    # 10: dispatched, still with the department at the cut-off
    case(10, "component", "0101", SUP, t(11, 30, 10), ("dispatch", t(11, 30, 10, 30), "SW")),
    # 11: registered, not dispatched yet
    case(11, "event", "0102", HOT, t(11, 25, 9)),
    # 12: fed back after 1.0 h, reworked, fed back again the next day: the first feedback counts
    case(12, "event", "0301", PUB, t(11, 24, 9), ("dispatch", t(11, 24, 9, 30), "JG"), ("feedback", t(11, 24, 10, 30)),
         ("rework", t(11, 24, 14)), ("feedback", t(11, 25, 9))),
]


@pytest.fixture(scope="module")
def facts():
    return facts_for(CASES, START, END, END)


def rows_by(table, column: int = 0) -> dict:
    return {row[column]: (row, ids) for row, ids in zip(table.rows, table.ids)}


def test_the_calendar_of_the_cases_is_as_the_comments_say():
    assert CALENDAR.work_hours(t(11, 6, 16, 30), t(11, 9, 10, 30)) == 3.0
    assert CALENDAR.work_hours(t(11, 10, 15, 30), t(11, 12, 9, 30)) == 3.0
    assert CALENDAR.work_hours(t(11, 13, 17), t(11, 16, 9)) == 8.5
    assert CALENDAR.work_hours(t(11, 17, 10, 30), t(11, 19, 10, 30)) == 15.0


def test_by_source(facts):
    table = reports.by_source(facts)
    assert table.rows == [[SUP, 5, 45.5, 5, 100.0], [PUB, 4, 36.4, 3, 75.0], [HOT, 2, 18.2, 2, 100.0]]
    assert table.ids == [frozenset({1, 3, 6, 7, 10}), frozenset({2, 5, 8, 12}), frozenset({4, 11})]


def test_by_department(facts):
    table = reports.by_department(facts, DEPARTMENTS)
    assert table.rows == [["区环卫所", "HW", 4, 36.4], ["区水务局", "SW", 4, 36.4], ["区交管大队", "JG", 1, 9.1],
                          ["not dispatched", "", 2, 18.2]]
    # case 5 counts for HW, where it was dispatched after JG returned it
    assert table.ids == [frozenset({1, 2, 5, 7}), frozenset({3, 4, 6, 10}), frozenset({12}), frozenset({8, 11})]


def test_class_comparison_with_a_year_and_a_month_before(facts):
    year_before = {("event", "0102"): 4, ("event", "0105"): 2, ("component", "0101"): 1}
    month_before = {("event", "0102"): 10, ("event", "0301"): 1, ("component", "0999"): 3}
    table = reports.class_comparison(facts, year_before, month_before, CLASSES)
    assert table.rows == [
        ["event", "0102", "暴露垃圾", 5, 4, 25.0, 10, -50.0],
        ["component", "0101", "上水井盖", 2, 1, 100.0, 0, None],
        ["event", "0301", "无照经营游商", 2, 0, None, 1, 100.0],
        ["event", "0105", "乱堆物堆料", 1, 2, -50.0, 0, None],
        ["component", "0201", "路灯", 1, 0, None, 0, None],
        ["component", "0999", "", 0, 0, None, 3, -100.0],
    ]
    assert table.ids[0] == frozenset({1, 2, 7, 8, 11}) and table.ids[-1] == frozenset()


def test_problem_classification_with_kind_and_major_class_subtotals(facts):
    table = reports.problem_classification(facts, CLASSES, MAJORS)
    assert table.rows == [
        ["event", "", "", "All events", 8, 72.7, 72.7],
        ["event", "01", "", "市容环境", 6, 54.5, 75.0],
        ["event", "01", "0102", "暴露垃圾", 5, 45.5, 83.3],
        ["event", "01", "0105", "乱堆物堆料", 1, 9.1, 16.7],
        ["event", "03", "", "街面秩序", 2, 18.2, 25.0],
        ["event", "03", "0301", "无照经营游商", 2, 18.2, 100.0],
        ["component", "", "", "All components", 3, 27.3, 27.3],
        ["component", "01", "", "公用设施", 2, 18.2, 66.7],
        ["component", "01", "0101", "上水井盖", 2, 18.2, 100.0],
        ["component", "02", "", "道路交通", 1, 9.1, 33.3],
        ["component", "02", "0201", "路灯", 1, 9.1, 100.0],
    ]
    assert table.marks == ["kind", "major", "class", "class", "major", "class", "kind", "major", "class", "major",
                           "class"]
    assert table.ids[0] == frozenset({1, 2, 3, 5, 7, 8, 11, 12}) and table.ids[1] == frozenset({1, 2, 3, 7, 8, 11})
    assert table.ids[6] == frozenset({4, 6, 10})
    # a reader sums one level: the classes add up to all cases reported, and so do the kinds
    assert sum(table.rows[i][4] for i in table.marked("class")) == 11
    assert sum(table.rows[i][4] for i in table.marked("kind")) == 11
    assert [table.name(i) for i in table.marked("major")] == ["市容环境", "街面秩序", "公用设施", "道路交通"]


def test_handling_time_in_working_hours(facts):
    table = reports.handling_time(facts, CALENDAR, START, END, END, DEPARTMENTS, CLASSES)
    by_name = {(table.marks[i], table.rows[i][2]): (table.rows[i], table.ids[i]) for i in range(len(table.rows))}
    # all nine cases fed back in November: 2, 5.5, 3, 3, 1, 2, 8.5, 1.5, 1 (sum 27.5)
    row, ids = by_name[("total", "All departments")]
    assert row[3:] == [9, 3.06, 2.0, 8.5] and ids == frozenset({1, 2, 3, 4, 5, 6, 7, 9, 12})
    assert table.marks[0] == "total"
    # departments, the slowest average first
    departments = [table.rows[i] for i in table.marked("department")]
    assert departments == [["Department", "HW", "区环卫所", 5, 3.7, 2.0, 8.5],
                           ["Department", "SW", "区水务局", 3, 2.67, 3.0, 3.0],
                           ["Department", "JG", "区交管大队", 1, 1.0, 1.0, 1.0]]
    assert by_name[("department", "区水务局")][1] == frozenset({3, 4, 6})
    classes = [table.rows[i][1:] for i in table.marked("class")]
    assert classes == [["0102", "暴露垃圾", 3, 5.33, 5.5, 8.5], ["0101", "上水井盖", 1, 3.0, 3.0, 3.0],
                       ["0105", "乱堆物堆料", 2, 2.25, 2.25, 3.0], ["0201", "路灯", 1, 2.0, 2.0, 2.0],
                       ["0301", "无照经营游商", 2, 1.0, 1.0, 1.0]]
    assert [table.rows[i][0] for i in table.marked("class")][:2] == ["Class (event)", "Class (component)"]


def test_handling_time_follows_the_cut_off(facts):
    """Before the cut-off of 12 November, only the feedbacks before it count."""
    cut = t(11, 12, 9)
    table = reports.handling_time(facts_for(CASES, START, END, cut), CALENDAR, START, END, cut, DEPARTMENTS, CLASSES)
    assert table.ids[0] == frozenset({1, 2, 3, 9})   # case 4 was fed back at 09:30


def test_a_period_without_cases_gives_empty_tables():
    empty = facts_for([], START, END, END)
    tables = [reports.most_frequent(empty, CLASSES), reports.by_source(empty), reports.by_state(empty),
              reports.by_department(empty, DEPARTMENTS), reports.department_performance(empty, DEPARTMENTS),
              reports.class_comparison(empty, {}, {}, CLASSES), reports.problem_classification(empty, CLASSES, MAJORS),
              reports.handling_time(empty, CALENDAR, START, END, END, DEPARTMENTS, CLASSES)]
    assert [t.rows for t in tables] == [[]] * 8 and [t.ids for t in tables] == [[]] * 8
    # the same, with cases that count for nothing in the period (all in October)
    october = facts_for([CASES[8]], datetime(2026, 9, 1, tzinfo=CST), datetime(2026, 10, 1, tzinfo=CST), END)
    assert reports.handling_time(october, CALENDAR, datetime(2026, 9, 1, tzinfo=CST),
                                 datetime(2026, 10, 1, tzinfo=CST), END, DEPARTMENTS, CLASSES).rows == []
    assert reports.problem_classification(october, CLASSES, MAJORS).rows == []
    # with the comparison's other periods holding cases, this period's figures are 0 and the changes -100 %
    compared = reports.class_comparison(empty, {("event", "0102"): 3}, {}, CLASSES)
    assert compared.rows == [["event", "0102", "暴露垃圾", 0, 3, -100.0, 0, None]]


def test_the_new_reports_have_charts(facts, tmp_path):
    charts = pytest.importorskip("citygrid_plugin.charts")
    table = reports.problem_classification(facts, CLASSES, MAJORS)
    assert charts._subtotal_bars(table) == [("市容环境 (event)", 6.0), ("街面秩序 (event)", 2.0),
                                            ("公用设施 (component)", 2.0), ("道路交通 (component)", 1.0)]
    timing = reports.handling_time(facts, CALENDAR, START, END, END, DEPARTMENTS, CLASSES)
    assert charts._subtotal_bars(timing) == [("区环卫所", 3.7), ("区水务局", 2.67), ("区交管大队", 1.0)]
    for t_ in (table, timing):
        path = charts.report_chart(t_, tmp_path / f"{t_.key}.png", dpi=72)
        assert path is not None and path.stat().st_size > 1000
    assert charts.report_chart(reports.handling_time([], CALENDAR, START, END, END, {}, {}), tmp_path / "x.png") \
        is None
