"""Report charts with Chinese text: real files of the promised size, Chinese glyphs from a CJK
font (no "Glyph … missing" warnings, no font fallback), readable labels, clear errors."""
from __future__ import annotations

import logging
import struct
import warnings
from pathlib import Path

import matplotlib
import pytest

from citygrid_plugin import charts
from citygrid_plugin.charts import ChartError, bar_chart, grouped_bar_chart, line_chart, pie_chart

STREETS = ["春熙路街道", "书院街街道", "督院街街道"]
CLASSES = ["暴露垃圾", "乱堆物堆料", "道路破损", "违法小广告", "占道经营", "井盖破损", "绿地脏乱", "非机动车乱停放"]
MONTHS = [f"{m}月" for m in range(1, 13)]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def draw_all(folder: Path, suffix: str, dpi: int = 100, size_mm=(254, 127)) -> list[Path]:
    kw = {"dpi": dpi, "size_mm": size_mm}
    return [
        bar_chart(folder / f"bar{suffix}", STREETS, [1234, 5678, 910], "各街道案件数量", "街道", "案件数（件）",
                  highlight="书院街街道", **kw),
        bar_chart(folder / f"barh{suffix}", CLASSES, [120, 95, 80, 60, 42, 30, 12, 5], "案件类别排名",
                  horizontal=True, **kw),
        grouped_bar_chart(folder / f"grouped{suffix}", CLASSES[:5], {"本月": [120, 95, 80, 60, 42],
                          "上月": [110, 99, 70, 66, 40], "去年同期": [90, 80, 85, 50, 30]}, "案件数量同比环比", **kw),
        line_chart(folder / f"line{suffix}", MONTHS, {"上报": [300 + 10 * i for i in range(12)],
                   "结案": [280 + 9 * i for i in range(11)] + [None]}, "月度案件趋势", "月份", "件", **kw),
        pie_chart(folder / f"pie{suffix}", ["监督员上报", "公众举报", "12345热线", "视频巡查", "媒体曝光", "领导批示",
                                            "其他部门转办", "网格员"],
                  [5200, 2100, 1300, 800, 60, 20, 15, 10], "案件来源构成", **kw),
    ]


def test_png_charts_have_the_promised_size_and_no_missing_glyphs(tmp_path, caplog):
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        paths = draw_all(tmp_path, ".png", dpi=100, size_mm=(254, 127))
        small = bar_chart(tmp_path / "small.png", STREETS, [1, 2, 3], "小图", dpi=200, size_mm=(127, 63.5))
    assert [str(w.message) for w in caught if "missing from current font" in str(w.message)] == []
    assert [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()] == []
    for path in paths:
        assert path.exists() and png_size(path) == (1000, 500), path.name
    assert png_size(small) == (1000, 500)
    assert not list(tmp_path.glob(".citygrid-chart-*"))  # temporary files renamed or removed


def test_chinese_text_is_drawn_with_the_simplified_chinese_font(tmp_path):
    family = charts.cjk_font()
    if Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists():
        assert family == "Noto Sans CJK SC"  # the SC face of Debian's collection, not its first (JP) face
    svg = bar_chart(tmp_path / "bar.svg", STREETS, [12345, 678, 9], "各街道案件数量").read_text(encoding="utf-8")
    # text is drawn as glyph outlines, each string announced in a comment, glyphs named after the font
    assert "<!-- 各街道案件数量 -->" in svg and "<!-- 春熙路街道 -->" in svg
    assert "<!-- 12,345 -->" in svg  # value labels with thousands separators
    glyph_font = "NotoSansCJKsc" if family == "Noto Sans CJK SC" else family.replace(" ", "")
    assert glyph_font in svg


def test_svg_charts_are_written_for_every_kind(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = draw_all(tmp_path, ".svg")
    assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []
    titles = ["各街道案件数量", "案件类别排名", "案件数量同比环比", "月度案件趋势", "案件来源构成"]
    for path, title in zip(paths, titles):
        text = path.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml") and f"<!-- {title} -->" in text, path.name
    pie = paths[-1].read_text(encoding="utf-8")
    assert "<!-- 其他  105（1.1%） -->" in pie or "<!-- Other  105（1.1%） -->" in pie  # slivers folded


def test_highlighted_bar_is_red(tmp_path):
    svg = bar_chart(tmp_path / "h.svg", STREETS, [3, 2, 1], "排名", highlight=["督院街街道"]).read_text("utf-8")
    assert svg.count(charts.HIGHLIGHT) >= 1 and svg.count(charts.PRIMARY) >= 2


def test_long_chinese_labels_are_rotated_not_overlapping():
    labels = [f"{name}（第{i}网格）" for i, name in enumerate(CLASSES * 2)]
    with matplotlib.rc_context(charts._rc()):
        fig = charts._bar_figure(labels, list(range(len(labels))), "长标签", dpi=100, size_mm=(160, 90))
        fig.canvas.draw()
        ticks = [t for t in fig.axes[0].get_xticklabels() if t.get_visible()]
        assert ticks and all(t.get_rotation() > 0 for t in ticks)
        assert not charts._overlapping(fig, ticks)
        short = charts._bar_figure(STREETS, [1, 2, 3], "短标签", dpi=100, size_mm=(160, 90))
        assert all(t.get_rotation() == 0 for t in short.axes[0].get_xticklabels())


def test_rc_params_do_not_leak(tmp_path):
    before = (list(matplotlib.rcParams["font.sans-serif"]), matplotlib.rcParams["axes.unicode_minus"])
    bar_chart(tmp_path / "x.png", STREETS, [1, 2, 3], "x")
    assert (list(matplotlib.rcParams["font.sans-serif"]), matplotlib.rcParams["axes.unicode_minus"]) == before


def test_bad_input_is_refused_with_what_to_fix(tmp_path):
    with pytest.raises(ChartError, match="3 labels but 2 values"):
        bar_chart(tmp_path / "x.png", STREETS, [1, 2], "案件")
    with pytest.raises(ChartError, match=r"\.png, \.svg or \.pdf"):
        bar_chart(tmp_path / "x.jpg", STREETS, [1, 2, 3], "案件")
    with pytest.raises(ChartError, match="negative"):
        pie_chart(tmp_path / "p.png", ["a", "b"], [1, -1], "来源")
    with pytest.raises(ChartError, match="no series"):
        line_chart(tmp_path / "l.png", MONTHS, {}, "趋势")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ChartError, match="cannot write chart .*file/x.png"):
        bar_chart(blocker / "x.png", STREETS, [1, 2, 3], "案件")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


# -- the report charts (the evaluation dock and the monthly PDF) ---------------------------------------
DEPARTMENTS = ["区水务局", "区交通管理大队", "国网锦江供电中心", "锦江区城市管理局", "区住房和城乡建设局"]
SCORES = [96.5, 96.3, 96.0, 95.9, 92.1]


def report(key: str, rows: list[list], headers: list[str] | None = None):
    from citygrid_plugin.core.reports import Table

    table = Table(key, {"most_frequent": "高发问题", "department_performance": "专业部门处理情况",
                        "by_department": "专业部门案卷分布", "class_comparison": "事部件同期对比"}.get(key, key),
                  headers or [f"c{i}" for i in range(len(rows[0]))])
    for row in rows:
        table.add(row, [1])
    return table


def figure_of(table, size_mm=(110, 70)):
    with matplotlib.rc_context(charts._rc()):
        fig = charts._report_figure(table, "", dpi=96, size_mm=size_mm)
        fig.canvas.draw()
    return fig


def labels_top_down(fig) -> list[str]:
    """The y tick labels as read, top first (screen y grows upwards in matplotlib)."""
    renderer = fig.canvas.get_renderer()
    ticks = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    return [t.get_text() for t in sorted(ticks, key=lambda t: -t.get_window_extent(renderer).y0)]


def assert_whole_and_level(fig) -> None:
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in fig.axes[0].get_yticklabels():
        if t.get_text():
            extent = t.get_window_extent(renderer)
            assert t.get_rotation() == 0 and extent.x0 >= box.x0 - 0.5 and extent.x1 <= box.x1 + 0.5, t.get_text()


def test_most_frequent_problems_have_the_largest_on_top():
    """Issue 13, item 10: the largest bars were at the bottom, scrolled out of view in the dock."""
    rows = [[i + 1, "事件", f"01{i:02d}", name, n, None] for i, (name, n) in
            enumerate(zip(CLASSES, [188, 154, 151, 137, 132, 102, 96, 53]))]
    fig = figure_of(report("most_frequent", rows))
    assert labels_top_down(fig) == CLASSES
    assert_whole_and_level(fig)
    nameless = report("most_frequent", [[1, "部件", "0305", "", 48, None]])   # a class without a name: its code
    assert labels_top_down(figure_of(nameless)) == ["0305"]


def test_department_charts_are_horizontal_with_whole_names():
    """Issue 13, item 10: department names were vertical and cut."""
    counts = [425, 406, 233, 65, 6]
    by_department = report("by_department", [[name, "X", n, None] for name, n in zip(DEPARTMENTS, counts)])
    fig = figure_of(by_department, size_mm=(100, 60))
    assert labels_top_down(fig) == DEPARTMENTS
    assert_whole_and_level(fig)
    assert not fig.axes[0].get_xticklabels() or all(t.get_rotation() == 0 for t in fig.axes[0].get_xticklabels())


def test_department_scores_start_near_the_data_with_the_cut_marked_and_values_printed():
    """Issue 13, item 10: on an axis from 0, 94–97 look alike."""
    rows = [[k + 1, name] + [0] * 14 + [score] for k, (name, score) in enumerate(zip(DEPARTMENTS, SCORES))]
    fig = figure_of(report("department_performance", rows))
    ax = fig.axes[0]
    start = ax.get_xlim()[0]
    assert start == charts.auto_baseline(SCORES) and 80 <= start < min(SCORES)
    assert (max(SCORES) - start) / (min(SCORES) - start) >= 1.5   # the best bar visibly longer than the worst
    assert {line.get_gid() for line in ax.lines} >= {"axis-break-0", "axis-break-1"}
    assert ax.get_xticks()[0] == start   # where the bars begin is labelled
    assert [t.get_text() for t in ax.texts] == ["96.5", "96.3", "96.0", "95.9", "92.1"]
    assert labels_top_down(fig) == DEPARTMENTS and labels_top_down(fig)[-1] == "区住房和城乡建设局"
    assert [p.get_facecolor() for p in ax.patches][-1] == matplotlib.colors.to_rgba(charts.HIGHLIGHT)
    assert_whole_and_level(fig)


def test_auto_baseline():
    assert charts.auto_baseline([94, 95, 97]) == 92
    assert charts.auto_baseline([92.1, 96.5]) == 88
    assert 0 < charts.auto_baseline([95, 95]) < 95           # equal values: short bars, not none
    assert charts.auto_baseline([0.941, 0.969]) == 0.92       # rates as fractions
    assert charts.auto_baseline([30, 97]) == 0                # spread enough: from 0
    assert charts.auto_baseline([0, 5]) == charts.auto_baseline([]) == 0


def test_a_baseline_is_refused_above_the_data_and_a_zero_axis_is_not_marked(tmp_path):
    with pytest.raises(ChartError, match="below the smallest value"):
        bar_chart(tmp_path / "x.png", STREETS, [95, 96, 97], "得分", baseline=96)
    with pytest.raises(ChartError, match="a number or 'auto'"):
        bar_chart(tmp_path / "x.png", STREETS, [95, 96, 97], "得分", baseline="low")
    with matplotlib.rc_context(charts._rc()):
        fig = charts._bar_figure(STREETS, [95, 96, 97], "得分", horizontal=True)
    assert fig.axes[0].get_xlim()[0] == 0 and not [line for line in fig.axes[0].lines if line.get_gid()]
    svg = bar_chart(tmp_path / "z.svg", STREETS, [95, 96, 97], "得分", baseline="auto", horizontal=True)
    assert 'id="axis-break-0"' in svg.read_text("utf-8")


def test_class_comparison_is_horizontal_with_its_legend_in_view():
    headers = ["类型", "类别", "名称", "本期", "去年同期", "同比", "上期", "环比"]
    rows = [["事件", f"01{i:02d}", name, 100 - 5 * i, 90 - 4 * i, None, 95 - 5 * i, None]
            for i, name in enumerate(CLASSES)]
    table = report("class_comparison", rows, headers)
    fig = figure_of(table, size_mm=charts.report_chart_size(table, 110, 60, title=False))
    assert labels_top_down(fig) == CLASSES
    assert_whole_and_level(fig)
    renderer = fig.canvas.get_renderer()
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["本期", "去年同期", "上期"]
    assert fig.bbox.contains(*legend.get_window_extent(renderer).p0) and \
        fig.bbox.contains(*legend.get_window_extent(renderer).p1)


def test_report_chart_size_fills_the_space_or_asks_to_scroll():
    ten = report("most_frequent", [[i, "事件", "0101", f"类{i}", 10 - i, None] for i in range(10)])
    assert charts.report_chart_size(ten, 100, 80, title=False) == (100, 80)        # fits: fills the space
    width, height = charts.report_chart_size(ten, 100, 30, title=False)
    assert width == 100 and height > 50                                             # too short: taller, scrolled
    assert charts.report_chart_size(ten, 100, 30)[1] > height                       # a title takes room too
