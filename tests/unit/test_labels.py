"""Names shared by the algorithms, the docks and the report (core.labels) and the area of an
evaluation (core.indicators.check_area)."""
from __future__ import annotations

from datetime import datetime

import pytest

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.evaluation import EvaluationError
from citygrid_plugin.core.indicators import check_area
from citygrid_plugin.core.labels import GROUPINGS, THEMES, grouping_label, period_label, theme_label


def test_a_calendar_month_is_named_as_a_month_other_periods_by_their_days():
    assert period_label(datetime(2026, 11, 1, tzinfo=CST), datetime(2026, 12, 1, tzinfo=CST)) == "11/2026"
    assert period_label(datetime(2026, 12, 1, tzinfo=CST), datetime(2027, 1, 1, tzinfo=CST)) == "12/2026"
    assert period_label(datetime(2026, 11, 3, tzinfo=CST), datetime(2026, 11, 21, tzinfo=CST)) == \
        "2026-11-03 to 2026-11-20"  # the end is exclusive


def test_every_grouping_and_theme_has_a_name():
    assert all(grouping_label(g) for g in (*GROUPINGS, "district"))
    assert all(theme_label(t) for t in THEMES)


@pytest.mark.parametrize("area", ["", "  ", "510104", "510104001", "510104001002", " 510104001 "])
def test_areas_of_an_evaluation(area):
    assert check_area(area) == area.strip()


@pytest.mark.parametrize("area", ["5101", "51010400100", "51010400100A", "510104001002003"])
def test_other_areas_are_refused_with_the_lengths(area):
    with pytest.raises(EvaluationError, match=r"not a district \(6 digits\), street \(9\) or community \(12\)"):
        check_area(area)
