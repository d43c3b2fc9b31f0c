"""Class breaks of the graduated case map (core.breaks): exact Jenks and quantiles on counts."""
from __future__ import annotations

import pytest

from citygrid_plugin.core.breaks import BreaksError, class_breaks


def test_class_breaks_are_exact_and_leave_zero_out():
    counts = [0, 0, 1, 1, 1, 2, 2, 3, 9, 10, 11, 30]
    assert class_breaks(counts, "jenks", 3) == [(1, 3), (9, 11), (30, 30)]
    assert class_breaks(counts, "quantile", 3) == [(1, 2), (3, 9), (10, 30)]
    assert class_breaks([0, 4, 4, 4], "jenks", 5) == [(4, 4)]  # never more classes than values
    assert class_breaks([0, 0], "jenks", 5) == []


def test_an_unknown_classification_says_which_there_are():
    with pytest.raises(BreaksError, match="use jenks or quantile"):
        class_breaks([1, 2, 3], "equal", 3)
