"""Measuring and breaking layout text the way QGIS lays it out.

QGIS measures layout text with font metrics at a pixel size of 0.1 mm; :func:`text_width_mm`
measures the same way, so a width computed here is the width a label or table cell prints. Use
it to fit text into a box: a table column sized to its longest cell (:mod:`.report`), a title
shrunk until it fits its label.

QGIS 3.22's table text wraps at spaces only, so Chinese cells (no spaces) would overflow their
column: ``_wrap`` breaks the lines itself, between any two CJK characters, at spaces in Latin
text, and never before closing punctuation (，。、） …).
"""
from __future__ import annotations

import re

from qgis.PyQt.QtGui import QFont, QFontMetricsF

from .templates import _font


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, font: QFont | None = None) -> float:
    """Width in mm of the widest line of *text* set at *size_pt* points, as a layout prints it.

    The font is the layouts' Chinese font (:func:`~.templates.cjk_font_family`), or *font* (e.g.
    a label's ``item.font()``: its family, weight and style; its own size is ignored); *bold*
    makes either bold. *text* may hold several lines."""
    metrics = _metrics(size_pt, bold, font)
    return max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) / 10


def _metrics(size_pt: float, bold: bool = False, font: QFont | None = None) -> QFontMetricsF:
    """Font metrics in units of 0.1 mm, as QGIS measures layout text."""
    if font is None:
        probe = _font(size_pt, bold)
    else:
        probe = QFont(font)
        if bold:
            probe.setBold(True)
    probe.setPixelSize(max(1, round(size_pt * 0.352778 * 10)))
    return QFontMetricsF(probe)


_NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)%・…—")


def _wrap(text: str, width_mm: float, size_pt: float, bold: bool = False) -> str:
    """*text* with line breaks so that no line is wider than *width_mm* at *size_pt*.

    QGIS 3.22's table wrapping splits at spaces only, so Chinese (no spaces) would overflow its
    column: lines break between any two CJK characters here, at spaces in Latin text, and never
    before closing punctuation (，。、） …)."""
    metrics = _metrics(size_pt, bold)
    limit = width_mm * 10 * 0.97
    out = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in re.findall(r"[A-Za-z0-9_.,:;%/+\-]+ ?|\s|.", paragraph):
            candidate = line + token
            if line and metrics.horizontalAdvance(candidate.rstrip()) > limit and token[0] not in _NO_LINE_START:
                out.append(line.rstrip())
                line = token.lstrip() if token.strip() else ""
            else:
                line = candidate
        out.append(line.rstrip())
    return "\n".join(out)
