"""CaseFilter: one validated description of the cases an analysis looks at, as SQL with bound
parameters and as a literal-only subset string; bad values are refused with the reason."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from citygrid_plugin.core.casefilter import CST, CaseFilter, FilterError

START = datetime(2026, 11, 1, tzinfo=CST)
END = datetime(2026, 12, 1, tzinfo=CST)


def test_sql_binds_every_value_and_subset_quotes_literals():
    """Every value reaches the SQL as a bound parameter, never as text (which cases the SQL selects
    is proved against a real store by tests/property and tests/qgis/test_hotspots_processing)."""
    f = CaseFilter(START, END, kinds=("event",), classes=("0102", "05"), sources=("12319热线",),
                   states=("closed",), area="510104001001")
    sql, args = f.where("c")
    assert sql.count("%s") == len(args) == 8
    for value in ("event", "0102", "05", "12319热线", "closed", "510104001001", "2026"):
        assert value not in sql
    assert args[:2] == [START, END] and ["0102"] in args and ["05"] in args and "510104001001" in args
    subset = f.subset()
    assert "\"kind\" IN ('event')" in subset and "left(\"class_code\", 2) IN ('05')" in subset
    assert "\"class_code\" IN ('0102')" in subset and "\"source\" IN ('12319热线')" in subset
    assert "\"reported_at\" >= '2026-11-01T00:00:00+08:00'" in subset
    assert f.subset("c").startswith('c."reported_at"')


@pytest.mark.parametrize("kwargs, message", [
    ({"classes": ("01'; DROP TABLE citygrid.work_case; --",)}, "is not a class code"),
    ({"sources": ("微信",)}, "unknown source '微信'"),
    ({"states": ("open",)}, "unknown case state 'open'"),
    ({"kinds": ("events",)}, "unknown case kind 'events'"),
    ({"area": "51010400"}, "is not a street (3 or 9 digits)"),
])
def test_bad_values_are_refused_with_the_reason(kwargs, message):
    with pytest.raises(FilterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        CaseFilter(START, END, **kwargs)


def test_the_window_must_be_aware_and_not_empty():
    with pytest.raises(FilterError, match="window is empty"):
        CaseFilter(END, START)
    with pytest.raises(FilterError, match="with a time zone"):
        CaseFilter(datetime(2026, 11, 1), END)
    with pytest.raises(FilterError, match="at least one day"):
        CaseFilter.last_days(0)


def test_last_days_ends_now_and_streets_match_by_code():
    now = datetime(2026, 12, 1, 10, tzinfo=UTC)
    f = CaseFilter.last_days(30, now=now, area="510104002")
    assert f.end == now and f.end - f.start == timedelta(days=30)
    sql, args = f.where("w")
    assert args[-2:] == ["510104", "002"] and "510104" not in sql
    assert f.describe().startswith("2026-11-01 – 2026-12-01")
    assert CaseFilter(START, END, area="002").where()[1][-1] == "002"
