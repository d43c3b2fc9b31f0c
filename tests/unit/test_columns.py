"""Census sheet columns (core.columns): which column holds which store field, and cell values
as the store wants them."""
from __future__ import annotations

import datetime

import pytest

from citygrid_plugin.core.columns import ColumnError, find_column, normalise_date, text


class Null:
    """What a QGIS layer hands out for an empty attribute (a null QVariant)."""

    def isNull(self) -> bool:  # noqa: N802
        return True


def test_columns_are_found_by_alias_or_chosen_by_name():
    names = ["ObjName", " 主管部门 ", "经度", "纬度", "备注"]
    assert find_column(names, "class") == "ObjName"
    assert find_column(names, "dept1") == " 主管部门 "
    assert (find_column(names, "x"), find_column(names, "y")) == ("经度", "纬度")
    assert find_column(names, "dept2") is None
    assert find_column(names, "class", "备注") == "备注"
    with pytest.raises(ColumnError, match="the input has no column '类别'"):
        find_column(names, "class", "类别")


@pytest.mark.parametrize("value, expected", [
    (None, None), ("", None), (Null(), None),
    (datetime.date(2026, 3, 9), "2026-03-09"), (datetime.datetime(2026, 3, 9, 17, 30), "2026-03-09"),
    ("2026-03-09", "2026-03-09"), ("2026/3/9", "2026-03-09"), ("20260309", "2026-03-09"),
    ("2026.03.09 08:00", "2026-03-09"), ("2026年3月9日", "2026-03-09"),
    ("下周", "下周"),  # not a date: passed on for the store's check to name it
])
def test_census_dates_become_iso(value, expected):
    assert normalise_date(value) == expected


def test_text_cells_are_trimmed_and_empty_is_none():
    assert text("  井盖 ") == "井盖"
    assert text("   ") is None and text(None) is None and text(Null()) is None
    assert text(12) == "12"
