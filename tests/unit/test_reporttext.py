"""The monthly report's words (core.reporttext): changes on the month before, section numbers
in English and in Chinese, the key figures table."""
from __future__ import annotations

from citygrid_plugin.core import evaluation as ev
from citygrid_plugin.core import reporttext as rt
from citygrid_plugin.core.i18n import set_translator


def test_changes_on_the_month_before():
    assert rt.count_change(0, 0) == "none the month before either"
    assert rt.count_change(5, 0) == "none the month before"
    assert rt.count_change(1000, 1000) == "the same as the month before (1,000)"
    assert rt.count_change(1052, 1000) == "up 5.2% on the month before (1,000)"
    assert rt.count_change(900, 1000) == "down 10.0% on the month before (1,000)"
    assert rt.rate_change(None, 0.5) == "no figure for the month before"
    assert rt.rate_change(0.870, 0.851) == "up 1.9 percentage points on the month before (85.1%)"
    assert rt.rate_change(0.5, 0.5) == "the same as the month before (50.0%)"


def test_sections_are_numbered_in_the_reader_s_language():
    assert rt.section(3, "Department performance") == "3. Department performance"
    set_translator(lambda text: {"{number}. {title}": "{number}、{title}"}.get(text, text))
    try:
        numbered = [rt.section(n, "x") for n in (1, 10, 11, 20, 23)]
        assert numbered == ["一、x", "十、x", "十一、x", "二十、x", "二十三、x"]
    finally:
        set_translator(None)


def test_key_figures_show_rates_in_percent_and_changes_in_points():
    now = dict.fromkeys(rt.KEY_FIGURES, 0) | {"reported": 110, "closing_rate": 0.9}
    prev = dict.fromkeys(rt.KEY_FIGURES, 0) | {"reported": 100, "closing_rate": 0.8}
    headers, rows = rt.key_figures(now, prev)
    assert len(headers) == 4 and len(rows) == len(rt.KEY_FIGURES)
    by_label = {r[0]: r for r in rows}
    assert by_label[ev.indicator_label("reported")][1:] == [110, 100, "+10.0%"]
    closing = by_label[ev.indicator_label("closing_rate") + " (%)"]
    assert f"{closing[1]:.2f}" == "90.0" and closing[3] == "+10.0 pp"
