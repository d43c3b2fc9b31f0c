"""The grid roster's checks (一格六员, core.roster) and the coverage tables (core.coverage), pure
Python: every problem of a roster file at once with its row and column, the changes an import
makes, and the day's figures as a person reads them."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from citygrid_plugin.core.admintables import AdminTableError, Sheet
from citygrid_plugin.core.coverage import Gap, SupervisorDay, coverage_table, period_share
from citygrid_plugin.core.roster import DUTIES, Member, duty_of, roster_changes, roster_rows

GRID = "510104001001001"
CST = timezone(timedelta(hours=8))


def sheet(*rows: dict) -> Sheet:
    headers = {"grid": "网格", "duty": "职责", "name": "姓名", "phone": "电话", "note": "说明"}
    return Sheet("roster.csv", list(rows), list(range(2, 2 + len(rows))), headers, "gbk")


def test_duties_are_read_as_people_write_them():
    assert duty_of("领导") == "领导员" and duty_of(" 城管员 ") == "城管员" and duty_of("志愿 员") == "志愿员"
    assert duty_of("厨师") is None and duty_of("") is None
    assert len(DUTIES) == 6


def test_every_problem_of_a_roster_file_at_once():
    with pytest.raises(AdminTableError) as caught:
        roster_rows(sheet({"grid": GRID, "duty": "城管员", "name": "赵"},
                          {"grid": "5.10104E+14", "duty": "城管员", "name": "钱"},
                          {"grid": "510104001001999", "duty": "外卖员", "name": ""},
                          {"grid": GRID, "duty": "城管", "name": "赵", "phone": "13800000000"}), [GRID])
    lines = str(caught.value).splitlines()
    assert lines == [
        "roster.csv row 3, column 网格 “5.10104E+14”: a unit grid code has 15 digits (Excel shows a long number "
        "as 5.10104E+14: format the column as text)",
        "roster.csv row 4, column 网格 “510104001001999”: there is no active unit grid with this code in the store",
        "roster.csv row 4, column 职责 “外卖员”: the duty is one of 领导员、城管员、环卫员、社区员、巡查员、志愿员",
        "roster.csv row 4, column 姓名 (empty): give the person's name",
        "roster.csv row 5, column 姓名 “赵”: row 2 gives the same person for this grid and duty; keep one of the "
        "two rows"]


def test_the_changes_of_an_import():
    current = [{"grid_code": GRID, "duty": "城管员", "name": "赵", "phone": "1380", "note": None},
               {"grid_code": GRID, "duty": "志愿员", "name": "周", "phone": None, "note": None}]
    members = roster_rows(sheet({"grid": GRID, "duty": "城管员", "name": "赵", "phone": "1390"},
                                {"grid": GRID, "duty": "领导员", "name": "钱"}), [GRID]).items
    assert members[1] == Member(GRID, "领导员", "钱")
    merge = [str(c) for c in roster_changes(current, members, replace=False)]
    assert merge == [f"change 城管员 赵 of grid {GRID}: 1380 → 1390", f"add 领导员 钱 of grid {GRID}: —"]
    replace = roster_changes(current, members, replace=True)
    assert [c.action for c in replace] == ["change", "add", "remove"]


def test_a_supervisor_day_in_a_table():
    t0 = datetime(2026, 12, 1, 9, tzinfo=CST)
    day = SupervisorDay("zhang", "张巡查", date(2026, 12, 1), grids=["A", "B", "C", "D"], visited=["A", "B", "D"],
                        elsewhere=["E"], tracks=2, tracked_seconds=1170, inside_seconds=1010, length_m=475,
                        gaps=[Gap(t0 + timedelta(seconds=380), t0 + timedelta(seconds=1080))])
    assert day.share == 0.75 and day.missed == ["C"] and day.outside_seconds == 160 and day.gap_seconds == 700
    assert day.gaps[0].text() == "09:06–09:18"
    table = coverage_table([day, SupervisorDay("li", None, date(2026, 12, 1))])
    assert [r[2] for r in table.rows] == ["li", "zhang"]
    assert table.rows[0][1] == "li" and table.rows[0][5] is None, "no grids: no share"
    assert table.rows[1][3:] == [4, 3, 75.0, "C", 16.8, 2.7, 475, 2, 1, 11.7, "09:06–09:18", "E"]
    idle = SupervisorDay("zhang", None, date(2026, 12, 2), grids=["A", "B"])
    assert period_share([day, idle]) == (1, 0.75), "a day off does not count against him"
    assert period_share([idle]) == (0, None)
