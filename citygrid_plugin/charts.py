"""Charts for reports (the monthly evaluation report, 月度综合评价报告): matplotlib figures
with Chinese text, written as PNG or SVG for :meth:`citygrid_plugin.layouts.ReportBuilder.add_image`.

(Longer than 500 lines on purpose: the chart kinds share one set of fonts, axes and fitting
rules, and the CJK font set-up must run once before any of them.)

Pure matplotlib (no qgis import), so it runs in ``qgis_process``, in scripts and in unit tests
alike. Every chart is its own :class:`matplotlib.figure.Figure` on an Agg canvas; pyplot is never
used and rcParams are only changed inside :func:`matplotlib.rc_context`, so nothing leaks
between calls or into the caller's plots.

Functions (all return the written :class:`~pathlib.Path`; the format follows the suffix:
``.png``, ``.svg`` or ``.pdf``)::

    bar_chart(path, labels, values, title, xlabel="", ylabel="", horizontal=False, highlight=None,
              baseline=None)                                            # rankings: horizontal=True
    grouped_bar_chart(path, labels, series, title, xlabel="", ylabel="", horizontal=False)  # 同比 / 环比
    report_chart(table, path, title=None)                                 # the chart of a monthly report
    line_chart(path, x_labels, series, title, xlabel="", ylabel="")        # trends by month
    pie_chart(path, labels, values, title)                                  # shares, legend beside

Keyword options common to all: ``dpi`` (PNG resolution, default 150), ``size_mm`` (figure size,
default 160 × 90 mm: a PNG is round(mm / 25.4 × dpi) pixels each way, e.g. 254 × 127 mm at
100 dpi is 1000 × 500 px), ``value_format`` (a ``str.format`` template for value labels such as
``"{:.1%}"``; default thousands separators, decimals only when the values have them).

Readable defaults: value labels on bars, thousands separators on axes, tick labels rotated
(30°, then 90°, then thinned) only when they would overlap, the highlighted bars in red. Names
(departments, classes, states) read best on horizontal bars: whole, level, first on top — the
report charts use them. Scores and rates that lie close together (94–97 of 100) look alike on an
axis from 0: ``baseline="auto"`` starts the value axis at a round number below the smallest
value and marks the cut with a break (two slanted strokes on the axis); the value is printed on
every bar either way.

Fonts: the first of Noto Sans CJK SC, WenQuanYi Micro Hei, another CJK font matplotlib knows.
Debian's fonts-noto-cjk ships Noto as a font collection (.ttc) whose first face is the Japanese
one, and matplotlib 3.6 only reads a collection's first face: Japanese glyph forms differ from
the Simplified Chinese ones (户, 骨, 直 …), so the SC face is extracted once with fontTools into
``$XDG_CACHE_HOME/citygrid/fonts`` and registered. :class:`ChartError` names the package to
install when no CJK font is found.
"""
from __future__ import annotations

import functools
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from matplotlib import font_manager, rc_context, ticker, transforms
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .core.i18n import tr

__all__ = ["ChartError", "auto_baseline", "bar_chart", "cjk_font", "grouped_bar_chart", "line_chart",
           "pie_chart", "report_chart", "report_chart_size"]

PRIMARY = "#2b6cb0"
HIGHLIGHT = "#e53e3e"
PALETTE = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d69e2e", "#319795", "#e53e3e", "#718096",
           "#b83280", "#2c7a7b")
DEFAULT_SIZE_MM = (160.0, 90.0)
DEFAULT_DPI = 150
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
SC_NAMES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN")
FALLBACK_NAMES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Droid Sans Fallback")


class ChartError(RuntimeError):
    """A chart cannot be drawn: bad input (the message says which) or no Chinese font."""


# -- font -------------------------------------------------------------------------------------------
def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citygrid" / "fonts"


def _extract_face(ttc: Path, family: str, target: Path) -> bool:
    """Write the face *family* of the collection *ttc* as a standalone font *target*."""
    try:
        from fontTools.ttLib import TTCollection
    except ImportError:
        return False
    try:
        collection = TTCollection(str(ttc), lazy=True)
        try:
            for face in collection.fonts:
                if face["name"].getDebugName(1) == family:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
                    os.close(fd)
                    try:
                        face.save(tmp)
                        os.replace(tmp, target)
                    finally:
                        if os.path.exists(tmp):
                            os.unlink(tmp)
                    return True
        finally:
            collection.close()  # the collection keeps the .ttc open (a ResourceWarning at exit otherwise)
    except Exception:  # noqa: BLE001 - an unreadable collection or cache: fall back to another font
        return False
    return False


def _register_sc_face() -> str | None:
    """Register Noto Sans CJK SC from Debian's collection files; its family name, or None."""
    regular = [e for e in font_manager.fontManager.ttflist
               if e.fname.endswith(".ttc") and Path(e.fname).name.startswith("NotoSansCJK")]
    found = None
    for entry in {e.fname: e for e in regular}.values():
        ttc = Path(entry.fname)
        target = _cache_dir() / (ttc.stem + "-SC.otf")
        if target.exists() or _extract_face(ttc, "Noto Sans CJK SC", target):
            try:
                font_manager.fontManager.addfont(str(target))
            except (OSError, RuntimeError):
                continue
            found = "Noto Sans CJK SC"
    return found


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The family name of the Chinese font charts use (registered with matplotlib)."""
    names = {e.name for e in font_manager.fontManager.ttflist}
    for name in SC_NAMES:
        if name in names:
            return name
    registered = _register_sc_face()
    if registered:
        return registered
    for name in FALLBACK_NAMES:
        if name in names:
            return name
    for name in sorted(names):
        if "CJK" in name or "Hei" in name:
            return name
    raise ChartError(tr("no Chinese font found for charts (looked for Noto Sans CJK SC and WenQuanYi Micro Hei): "
                        "install the Debian package fonts-noto-cjk (scripts/bootstrap.sh does) and run again"))


def _rc() -> dict:
    return {"font.family": "sans-serif", "font.sans-serif": [cjk_font(), "DejaVu Sans"],
            "axes.unicode_minus": False, "svg.fonttype": "path", "svg.hashsalt": "citygrid",
            "axes.titlesize": 13, "axes.titleweight": "bold", "axes.labelsize": 10,
            "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False}


# -- shared helpers ---------------------------------------------------------------------------------
def _figure(size_mm: Sequence[float], dpi: int) -> Figure:
    width, height = (float(v) for v in size_mm)
    if width <= 0 or height <= 0:
        raise ChartError(tr("chart size {width} × {height} mm must be positive").format(width=width, height=height))
    fig = Figure(figsize=(width / 25.4, height / 25.4), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, path: str | os.PathLike, dpi: int) -> Path:
    """Write *fig* by the suffix of *path*, through a temporary file (no half-written chart)."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ChartError(tr("cannot write chart {path}: use a .png, .svg or .pdf file name").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".citygrid-chart-", suffix=path.suffix)
        os.close(fd)
    except OSError as exc:
        raise ChartError(tr("cannot write chart {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc
    try:
        fig.savefig(tmp, dpi=dpi, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _number_format(values: Iterable[float | None], value_format: str | None):
    if value_format:
        return value_format.format
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if all(float(v).is_integer() for v in finite):
        return "{:,.0f}".format
    if finite and max(abs(v) for v in finite) < 10:
        return "{:,.2f}".format
    return "{:,.1f}".format


def _axis_formatter(values: Iterable[float | None]) -> ticker.Formatter:
    integral = all(v is None or float(v).is_integer() for v in values)
    return ticker.FuncFormatter(lambda v, _pos: f"{v:,.0f}" if integral or abs(v) >= 100 else f"{v:,.10g}")


def _check(labels: Sequence, values: Sequence, what: str) -> None:
    if len(labels) != len(values):
        raise ChartError(tr("{what}: {labels} labels but {values} values; give one value per label").format(
            what=what, labels=len(labels), values=len(values)))


def _style_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def _overlapping(fig: Figure, labels) -> bool:
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer).expanded(1.05, 1.0) for t in labels if t.get_visible() and t.get_text()]
    return any(a.overlaps(b) for a, b in zip(boxes, boxes[1:]))


def _fit_x_ticks(fig: Figure, ax) -> None:
    """Rotate the x tick labels only when they would overlap; thin them if even 90° is not enough."""
    fig.canvas.draw()
    labels = ax.get_xticklabels()
    if not _overlapping(fig, labels):
        return
    for angle in (30, 90):
        for t in labels:
            t.set_rotation(angle)
            t.set_horizontalalignment("right" if angle < 90 else "center")
            t.set_rotation_mode("anchor" if angle < 90 else "default")
        fig.canvas.draw()
        if not _overlapping(fig, labels):
            return
    for step in range(2, len(labels) + 1):
        for i, t in enumerate(labels):
            t.set_visible(i % step == 0)
        fig.canvas.draw()
        if not _overlapping(fig, labels):
            return


def _highlighted(labels: Sequence[str], highlight) -> set[int]:
    if highlight is None:
        return set()
    items = [highlight] if isinstance(highlight, str | int) else list(highlight)
    out = set()
    for item in items:
        if isinstance(item, int) and 0 <= item < len(labels):
            out.add(item)
        else:
            out.update(i for i, label in enumerate(labels) if label == item)
    return out


def auto_baseline(values: Iterable[float | None]) -> float:
    """Where a value axis starts so that close values differ visibly: 0 when a value is 0 or less
    or the smallest is under half the largest (the bars already differ); otherwise a round number
    (a multiple of 1, 2 or 5 × 10ⁿ) at or below the point where the smallest bar is a third of the
    largest, e.g. 88 for scores from 92.1 to 96.5, 92 for 94 to 97."""
    finite = [float(v) for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return 0.0
    low, high = min(finite), max(finite)
    if low <= 0 or low < 0.5 * high:
        return 0.0
    start = min((3 * low - high) / 2, low - 0.02 * high)   # equal values: a short bar each, not none
    if start <= 0:
        return 0.0
    room = (high - start) / 2
    exponent = math.floor(math.log10(room))
    step = max(m * 10.0 ** e for e in (exponent - 1, exponent) for m in (1, 2, 5) if m * 10.0 ** e <= room)
    return max(0.0, round(math.floor(start / step) * step, 10))


def _baseline(values: Sequence[float], baseline) -> float:
    if baseline is None:
        return 0.0
    if baseline == "auto":
        return auto_baseline(values)
    try:
        value = float(baseline)
    except (TypeError, ValueError) as exc:
        raise ChartError(tr("baseline must be a number or 'auto', got '{value}'").format(value=baseline)) from exc
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if finite and value >= min(finite):
        raise ChartError(tr("baseline {value} must be below the smallest value {low}").format(
            value=value, low=min(finite)))
    return value


def _mark_axis_break(ax, horizontal: bool) -> None:
    """Two slanted strokes across the value axis just after its start (the axis does not begin
    at 0), a fixed size in points whatever the chart's size; ``gid`` axis-break-0/1."""
    fig = ax.figure
    stroke = [(-1, -1.6), (1, 1.6)] if horizontal else [(-1.6, -1), (1.6, 1)]
    gap = [(-1, 0), (1, 0)] if horizontal else [(0, -1), (0, 1)]
    for offset, marker, size, width, color, gid in ((7, gap, 4.5, 3, "white", "axis-break-gap"),
                                                    (5, stroke, 8, 1, "#333333", "axis-break-0"),
                                                    (9, stroke, 8, 1, "#333333", "axis-break-1")):
        shift = transforms.offset_copy(ax.transAxes, fig=fig, x=offset if horizontal else 0,
                                       y=0 if horizontal else offset, units="points")
        ax.plot([0], [0], transform=shift, marker=marker, markersize=size, markeredgewidth=width, color=color,
                markeredgecolor=color, linestyle="none", clip_on=False, zorder=5, gid=gid)


# -- charts -----------------------------------------------------------------------------------------
def _bar_figure(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str = "", ylabel: str = "",
                horizontal: bool = False, highlight=None, *, dpi: int = DEFAULT_DPI,
                size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
                baseline=None) -> Figure:
    _check(labels, values, title)
    labels = [str(v) for v in labels]
    fig = _figure(size_mm, dpi)
    ax = fig.subplots()
    marked = _highlighted(labels, highlight)
    colors = [HIGHLIGHT if i in marked else PRIMARY for i in range(len(labels))]
    fmt = _number_format(values, value_format)
    if horizontal:
        bars = ax.barh(range(len(labels)), values, color=colors, height=0.65)
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()  # first label on top, as read
        ax.xaxis.set_major_formatter(_axis_formatter(values))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.margins(x=0.12)
    else:
        bars = ax.bar(range(len(labels)), values, color=colors, width=0.65)
        ax.set_xticks(range(len(labels)), labels)
        ax.yaxis.set_major_formatter(_axis_formatter(values))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.margins(y=0.12)
    ax.bar_label(bars, labels=[fmt(v) for v in values], padding=2, fontsize=8)
    start = _baseline(values, baseline)
    if start > 0:   # zoomed: the axis from a round number below the smallest value, the cut marked
        high = max(float(v) for v in values)
        limits = (start, high + 0.14 * (high - start))
        (ax.set_xlim if horizontal else ax.set_ylim)(*limits)
        axis = ax.xaxis if horizontal else ax.yaxis
        ticks = [t for t in ticker.MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]).tick_values(*limits)
                 if limits[0] <= t <= limits[1]]
        step = ticks[1] - ticks[0] if len(ticks) > 1 else limits[1] - limits[0]
        axis.set_major_locator(ticker.FixedLocator(   # the start is labelled: the reader sees where bars begin
            [start] + [t for t in ticks if t - start > 0.4 * step]))
        _mark_axis_break(ax, horizontal)
    _style_axes(ax, title, xlabel, ylabel)
    if not horizontal:
        _fit_x_ticks(fig, ax)
    return fig


def bar_chart(path: str | os.PathLike, labels: Sequence[str], values: Sequence[float], title: str,
              xlabel: str = "", ylabel: str = "", horizontal: bool = False, highlight=None, *,
              dpi: int = DEFAULT_DPI, size_mm: Sequence[float] = DEFAULT_SIZE_MM,
              value_format: str | None = None, baseline: float | str | None = None) -> Path:
    """A bar chart with a value on each bar, e.g. cases per street (街道) or a department ranking.

    *highlight*: a label, an index or a list of them, drawn in red (e.g. the worst department).
    *horizontal* suits long names and rankings (first label on top). *baseline*: where the value
    axis starts — None for 0, a number below the smallest value, or ``"auto"``
    (:func:`auto_baseline`, for scores and rates close together); a cut axis is marked."""
    with rc_context(_rc()):
        fig = _bar_figure(labels, values, title, xlabel, ylabel, horizontal, highlight, dpi=dpi, size_mm=size_mm,
                          value_format=value_format, baseline=baseline)
        return _save(fig, path, dpi)


def _grouped_figure(labels: Sequence[str], series: Mapping[str, Sequence[float]], title: str, xlabel: str = "",
                    ylabel: str = "", *, dpi: int = DEFAULT_DPI, size_mm: Sequence[float] = DEFAULT_SIZE_MM,
                    value_format: str | None = None, value_labels: bool | None = None,
                    horizontal: bool = False) -> Figure:
    if not series:
        raise ChartError(tr("{what}: no series to draw").format(what=title))
    for values in series.values():
        _check(labels, values, title)
    labels = [str(v) for v in labels]
    fig = _figure(size_mm, dpi)
    ax = fig.subplots()
    n = len(series)
    width = 0.8 / n
    every = [v for values in series.values() for v in values]
    fmt = _number_format(every, value_format)
    if value_labels is None:
        value_labels = len(every) <= 36
    for k, (name, values) in enumerate(series.items()):
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
        draw = ax.barh if horizontal else ax.bar
        bars = draw(xs, values, width * 0.92, color=PALETTE[k % len(PALETTE)], label=str(name))
        if value_labels:
            ax.bar_label(bars, labels=[fmt(v) for v in values], padding=1.5, fontsize=7)
    if horizontal:   # names level on the left, the first (largest) on top, the legend where the bars are short
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(_axis_formatter(every))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.margins(x=0.12, y=0.01)
        if title:   # the short bars are at the bottom: room for the legend there
            ax.legend(loc="lower right", frameon=True, framealpha=0.9, edgecolor="none")
        else:       # no title above: the legend there, seen first
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=len(series), borderaxespad=0.3,
                      handlelength=1.2, columnspacing=1.2)
    else:
        ax.set_xticks(range(len(labels)), labels)
        ax.yaxis.set_major_formatter(_axis_formatter(every))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.margins(y=0.12)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _style_axes(ax, title, xlabel, ylabel)
    if not horizontal:
        _fit_x_ticks(fig, ax)
    return fig


def grouped_bar_chart(path: str | os.PathLike, labels: Sequence[str], series: Mapping[str, Sequence[float]],
                      title: str, xlabel: str = "", ylabel: str = "", *, dpi: int = DEFAULT_DPI,
                      size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
                      value_labels: bool | None = None, horizontal: bool = False) -> Path:
    """Bars side by side per label, one colour per series: this month against last month (环比)
    or last year (同比) per case class. *series* maps the legend name to one value per label;
    value labels are drawn when there are at most 36 bars unless *value_labels* says otherwise.
    *horizontal*: the labels level on the left, the first on top (long names, rankings)."""
    with rc_context(_rc()):
        fig = _grouped_figure(labels, series, title, xlabel, ylabel, dpi=dpi, size_mm=size_mm,
                              value_format=value_format, value_labels=value_labels, horizontal=horizontal)
        return _save(fig, path, dpi)


def _line_figure(x_labels: Sequence[str], series: Mapping[str, Sequence[float | None]], title: str,
                 xlabel: str = "", ylabel: str = "", *, dpi: int = DEFAULT_DPI,
                 size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
                 markers: bool = True, value_labels: bool = False) -> Figure:
    if not series:
        raise ChartError(tr("{what}: no series to draw").format(what=title))
    for values in series.values():
        _check(x_labels, values, title)
    x_labels = [str(v) for v in x_labels]
    fig = _figure(size_mm, dpi)
    ax = fig.subplots()
    every = [v for values in series.values() for v in values if v is not None]
    fmt = _number_format(every, value_format)
    xs = list(range(len(x_labels)))
    for k, (name, values) in enumerate(series.items()):
        ys = [math.nan if v is None else v for v in values]  # None leaves a gap
        ax.plot(xs, ys, color=PALETTE[k % len(PALETTE)], marker="o" if markers else None, markersize=4,
                linewidth=1.8, label=str(name))
        if value_labels:
            for x, y in zip(xs, ys):
                if math.isfinite(y):
                    ax.annotate(fmt(y), (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
    ax.set_xticks(xs, x_labels)
    ax.yaxis.set_major_formatter(_axis_formatter(every))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.margins(y=0.12)
    if len(series) > 1 or next(iter(series)):
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _style_axes(ax, title, xlabel, ylabel)
    _fit_x_ticks(fig, ax)
    return fig


def line_chart(path: str | os.PathLike, x_labels: Sequence[str], series: Mapping[str, Sequence[float | None]],
               title: str, xlabel: str = "", ylabel: str = "", *, dpi: int = DEFAULT_DPI,
               size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None, markers: bool = True,
               value_labels: bool = False) -> Path:
    """Lines over *x_labels* (e.g. months), one per series (e.g. reported / closed cases); a None
    value leaves a gap instead of a false zero."""
    with rc_context(_rc()):
        fig = _line_figure(x_labels, series, title, xlabel, ylabel, dpi=dpi, size_mm=size_mm,
                           value_format=value_format, markers=markers, value_labels=value_labels)
        return _save(fig, path, dpi)


def _pie_figure(labels: Sequence[str], values: Sequence[float], title: str, *, dpi: int = DEFAULT_DPI,
                size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
                other_below: float = 0.02) -> Figure:
    _check(labels, values, title)
    if any(v < 0 for v in values):
        raise ChartError(tr("{what}: a pie chart cannot show negative values").format(what=title))
    total = float(sum(values))
    if total <= 0:
        raise ChartError(tr("{what}: all values are zero, nothing to show").format(what=title))
    pairs = [(str(label), float(v)) for label, v in zip(labels, values)]
    if len(pairs) > 6:  # fold slivers into one slice so labels stay readable
        small = [p for p in pairs if p[1] / total < other_below]
        if len(small) > 1:
            pairs = [p for p in pairs if p[1] / total >= other_below] + [(tr("Other"), sum(v for _, v in small))]
    fmt = _number_format([v for _, v in pairs], value_format)
    fig = _figure(size_mm, dpi)
    ax = fig.subplots()
    wedges, _texts, autotexts = ax.pie(
        [v for _, v in pairs], colors=[PALETTE[i % len(PALETTE)] for i in range(len(pairs))], startangle=90,
        counterclock=False, autopct=lambda pct: f"{pct:.1f}%" if pct >= 5 else "", pctdistance=0.78,
        wedgeprops={"width": 0.45, "edgecolor": "white", "linewidth": 1})
    for t in autotexts:
        t.set_color("white")
        t.set_fontsize(8)
    ax.legend(wedges, [f"{label}  {fmt(v)}（{100 * v / total:.1f}%）" for label, v in pairs],
              loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.set_title(title)
    ax.set_aspect("equal")
    return fig


def pie_chart(path: str | os.PathLike, labels: Sequence[str], values: Sequence[float], title: str, *,
              dpi: int = DEFAULT_DPI, size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
              other_below: float = 0.02) -> Path:
    """A ring (donut) chart of shares, e.g. cases by source (公众举报, 监督员上报 …), with a legend
    giving each value and percentage; with more than six slices, those under *other_below* of the
    total are folded into one "Other" (其他) slice."""
    with rc_context(_rc()):
        fig = _pie_figure(labels, values, title, dpi=dpi, size_mm=size_mm, value_format=value_format,
                          other_below=other_below)
        return _save(fig, path, dpi)


# the report charts: the label column, the value column(s) and how each is drawn
_RANKED = {"most_frequent": 4, "by_state": 1, "by_department": 2}


def _report_figure(table, title: str, *, dpi: int, size_mm: Sequence[float]) -> Figure | None:
    rows = [(i, r) for i, r in enumerate(table.rows) if r]
    if not rows:
        return None
    key = table.key
    options = {"dpi": dpi, "size_mm": size_mm}
    if key in _RANKED:   # rankings, most first: horizontal bars, the largest on top, names whole and level
        value = _RANKED[key]
        pairs = [(table.name(i), float(r[value])) for i, r in rows if r[value] is not None]
        return _bar_figure([p[0] for p in pairs], [p[1] for p in pairs], title, horizontal=True, **options)
    if key == "by_source":
        pairs = [(table.name(i), float(r[1])) for i, r in rows if r[1] is not None]
        return _pie_figure([p[0] for p in pairs], [p[1] for p in pairs], title, **options)
    if key == "department_performance":   # scores lie close together: the axis starts near them
        pairs = [(table.name(i), float(r[-1])) for i, r in rows if r[-1] is not None]
        if not pairs:
            return None
        return _bar_figure([p[0] for p in pairs], [p[1] for p in pairs], title, horizontal=True,
                           highlight=len(pairs) - 1, value_format="{:.1f}", baseline="auto", **options)
    if key == "class_comparison":
        series = {table.headers[c]: [float(r[c]) for _, r in rows] for c in (3, 4, 6)}
        return _grouped_figure([table.name(i) for i, _ in rows], series, title, horizontal=True, **options)
    if key in _SUBTOTALS:   # tables with subtotals: the bars of one level only, never a sum of sums
        pairs = _subtotal_bars(table)
        if not pairs:
            return None
        value_format = "{:.1f}" if key == "handling_time" else None
        return _bar_figure([p[0] for p in pairs], [p[1] for p in pairs], title, horizontal=True,
                           value_format=value_format, **options)
    return None


# tables with subtotals: the level charted (Table.marks), its value column, and the order of the bars
_SUBTOTALS = {"problem_classification": ("major", 4), "handling_time": ("department", 4)}


def _subtotal_bars(table) -> list[tuple[str, float]]:
    """(label, value) of the rows a table with subtotals is charted by, largest first: the major
    classes of 问题分类 by cases ("市容环境（事件）": events and components share major names), the
    departments of 处置平均时长 by average working hours."""
    mark, column = _SUBTOTALS[table.key]
    pairs = []
    for i in table.marked(mark):
        row = table.rows[i]
        if row[column] is None:
            continue
        label = table.name(i)
        if table.key == "problem_classification":
            label = tr("{name} ({kind})").format(name=label, kind=row[0])
        pairs.append((label, float(row[column])))
    return sorted(pairs, key=lambda p: -p[1])


def report_chart(table, path: str | os.PathLike, *, dpi: int = DEFAULT_DPI,
                 size_mm: Sequence[float] = DEFAULT_SIZE_MM, title: str | None = None) -> Path | None:
    """The chart that goes with one of the monthly reports (a
    :class:`citygrid_plugin.core.reports.Table`, by its ``key``): rankings (most frequent problems,
    states, departments) as horizontal bars with the largest on top; the department scores as
    horizontal bars on an axis starting near them, the worst in red; sources as a ring; the
    comparison of classes as grouped horizontal bars; problems by class as its major classes and
    the handling time as the departments' averages (horizontal bars, largest on top). *title*: the
    chart's title (default the table's; "" for none, e.g. under a heading that says it). None when the table is empty or
    has no chart; :func:`report_chart_size` gives a size that leaves each bar room."""
    with rc_context(_rc()):
        fig = _report_figure(table, table.title if title is None else title, dpi=dpi, size_mm=size_mm)
        return None if fig is None else _save(fig, path, dpi)


def report_chart_size(table, width_mm: float, height_mm: float = 0.0, title: bool = True) -> tuple[float, float]:
    """(width, height) in mm for :func:`report_chart` of *table* in a space *width_mm* × *height_mm*:
    that space when every bar keeps a readable row in it (about 4.6 mm a bar, 2.4 mm a bar in
    groups), taller otherwise (to be scrolled); a ring needs 50 mm."""
    rows = len(_subtotal_bars(table)) if table.key in _SUBTOTALS else len([r for r in table.rows if r])
    if table.key == "by_source":
        needed = 50.0
    elif table.key == "class_comparison":
        needed = 18 + rows * (3 * 2.4 + 1.2)
    else:
        needed = 12 + rows * 4.6
    return float(width_mm), max(float(height_mm), needed + (9 if title else 0))
