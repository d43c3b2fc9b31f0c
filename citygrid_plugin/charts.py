"""Charts for reports (the monthly evaluation report, 月度综合评价报告): matplotlib figures
with Chinese text, written as PNG or SVG for :meth:`citygrid_plugin.layouts.ReportBuilder.add_image`.

Pure matplotlib (no qgis import), so it runs in ``qgis_process``, in scripts and in unit tests
alike. Every chart is its own :class:`matplotlib.figure.Figure` on an Agg canvas; pyplot is never
used and rcParams are only changed inside :func:`matplotlib.rc_context`, so nothing leaks
between calls or into the caller's plots.

Functions (all return the written :class:`~pathlib.Path`; the format follows the suffix:
``.png``, ``.svg`` or ``.pdf``)::

    bar_chart(path, labels, values, title, xlabel="", ylabel="", horizontal=False, highlight=None)
    grouped_bar_chart(path, labels, series, title, xlabel="", ylabel="")   # 同比 / 环比 by class
    line_chart(path, x_labels, series, title, xlabel="", ylabel="")        # trends by month
    pie_chart(path, labels, values, title)                                  # shares, legend beside

Keyword options common to all: ``dpi`` (PNG resolution, default 150), ``size_mm`` (figure size,
default 160 × 90 mm: a PNG is round(mm / 25.4 × dpi) pixels each way, e.g. 254 × 127 mm at
100 dpi is 1000 × 500 px), ``value_format`` (a ``str.format`` template for value labels such as
``"{:.1%}"``; default thousands separators, decimals only when the values have them).

Readable defaults: value labels on bars, thousands separators on axes, tick labels rotated
(30°, then 90°, then thinned) only when they would overlap, the highlighted bars in red.

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

from matplotlib import font_manager, rc_context, ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .core.i18n import tr

__all__ = ["ChartError", "bar_chart", "cjk_font", "grouped_bar_chart", "line_chart", "pie_chart"]

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


# -- charts -----------------------------------------------------------------------------------------
def _bar_figure(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str = "", ylabel: str = "",
                horizontal: bool = False, highlight=None, *, dpi: int = DEFAULT_DPI,
                size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None) -> Figure:
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
    _style_axes(ax, title, xlabel, ylabel)
    if not horizontal:
        _fit_x_ticks(fig, ax)
    return fig


def bar_chart(path: str | os.PathLike, labels: Sequence[str], values: Sequence[float], title: str,
              xlabel: str = "", ylabel: str = "", horizontal: bool = False, highlight=None, *,
              dpi: int = DEFAULT_DPI, size_mm: Sequence[float] = DEFAULT_SIZE_MM,
              value_format: str | None = None) -> Path:
    """A bar chart with a value on each bar, e.g. cases per street (街道) or a department ranking.

    *highlight*: a label, an index or a list of them, drawn in red (e.g. the worst department).
    *horizontal* suits long names and rankings (first label on top)."""
    with rc_context(_rc()):
        fig = _bar_figure(labels, values, title, xlabel, ylabel, horizontal, highlight, dpi=dpi, size_mm=size_mm,
                          value_format=value_format)
        return _save(fig, path, dpi)


def _grouped_figure(labels: Sequence[str], series: Mapping[str, Sequence[float]], title: str, xlabel: str = "",
                    ylabel: str = "", *, dpi: int = DEFAULT_DPI, size_mm: Sequence[float] = DEFAULT_SIZE_MM,
                    value_format: str | None = None, value_labels: bool | None = None) -> Figure:
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
        bars = ax.bar(xs, values, width=width * 0.92, color=PALETTE[k % len(PALETTE)], label=str(name))
        if value_labels:
            ax.bar_label(bars, labels=[fmt(v) for v in values], padding=1.5, fontsize=7)
    ax.set_xticks(range(len(labels)), labels)
    ax.yaxis.set_major_formatter(_axis_formatter(every))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.margins(y=0.12)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _style_axes(ax, title, xlabel, ylabel)
    _fit_x_ticks(fig, ax)
    return fig


def grouped_bar_chart(path: str | os.PathLike, labels: Sequence[str], series: Mapping[str, Sequence[float]],
                      title: str, xlabel: str = "", ylabel: str = "", *, dpi: int = DEFAULT_DPI,
                      size_mm: Sequence[float] = DEFAULT_SIZE_MM, value_format: str | None = None,
                      value_labels: bool | None = None) -> Path:
    """Bars side by side per label, one colour per series: this month against last month (环比)
    or last year (同比) per case class. *series* maps the legend name to one value per label;
    value labels are drawn when there are at most 36 bars unless *value_labels* says otherwise."""
    with rc_context(_rc()):
        fig = _grouped_figure(labels, series, title, xlabel, ylabel, dpi=dpi, size_mm=size_mm,
                              value_format=value_format, value_labels=value_labels)
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


def report_chart(table, path: str | os.PathLike, *, dpi: int = DEFAULT_DPI,
                 size_mm: Sequence[float] = DEFAULT_SIZE_MM) -> Path | None:
    """The chart that goes with one of the monthly reports (a
    :class:`citygrid_plugin.core.reports.Table`, by its ``key``): rankings as bars, sources as a
    ring, the comparison as grouped bars. None when the table is empty or has no chart."""
    rows = [r for r in table.rows if r]
    if not rows:
        return None
    key, title = table.key, table.title
    options = {"dpi": dpi, "size_mm": size_mm}

    def column(name_index: int, value_index: int, skip_none: bool = True):
        pairs = [(str(r[name_index]), r[value_index]) for r in rows if not (skip_none and r[value_index] is None)]
        return [p[0] for p in pairs], [float(p[1]) for p in pairs]

    if key == "most_frequent":
        labels, values = column(3, 4)
        return bar_chart(path, labels[::-1], values[::-1], title, horizontal=True, **options)
    if key == "by_source":
        labels, values = column(0, 1)
        return pie_chart(path, labels, values, title, **options)
    if key in ("by_state", "by_department"):
        labels, values = column(0, 1 if key == "by_state" else 2)
        return bar_chart(path, labels, values, title, **options)
    if key == "department_performance":
        labels, values = column(1, len(table.headers) - 1)
        return bar_chart(path, labels, values, title, value_format="{:.1f}", **options) if labels else None
    if key == "class_comparison":
        labels = [str(r[2] or r[1]) for r in rows]
        series = {table.headers[3]: [float(r[3]) for r in rows], table.headers[4]: [float(r[4]) for r in rows],
                  table.headers[6]: [float(r[6]) for r in rows]}
        return grouped_bar_chart(path, labels, series, title, **options)
    return None
