"""Print layouts: thematic maps (专题图), an atlas per street (街道), the monthly report PDF.

The building blocks Processing algorithms call; everything works offscreen (qgis_process,
tests) and needs no iface::

    layout = thematic_layout(project, [density, streets], title="锦江区案件密度",
                             subtitle="2026年11月", source="数字城管案件库")
    export_layout(layout, "out/density.pdf")                       # or .png, dpi=300
    export_atlas(project, [density, streets], streets, name_expression='"name"',
                 title_template="{name} 案件密度", path="out/streets.pdf")
    report = ReportBuilder(project, "锦江区数字城管月度综合评价报告（2026年11月）", source=...)
    report.add_cover(subtitle="2026年11月", lines=["编制单位：…"])
    report.add_table("各部门处置情况", headers, rows, note="注：…")
    report.add_image("案件趋势", charts.line_chart("out/trend.png", months, series, "月度案件趋势"))
    report.add_map("案件分布图", [density, streets])
    report.export("out/report.pdf")

One module per job; each imports only modules listed above it:

``templates``  paper sizes, the Chinese font, the .qpt templates and their item ids, LayoutError
``text``       measuring text as QGIS does (:func:`.text.text_width_mm`), CJK-aware line breaks
``pdftext``    the repair of the PDF text layer (pure bytes, no QGIS)
``thematic``   a one-page thematic map filled from a template
``export``     PDF / PNG export written in place atomically, exporter errors as messages
``atlas``      one page per coverage feature, as a PDF or PNGs
``report``     ReportBuilder, the multi-page report in one layout

Labels print the caller's text literally (a store name holding ``[%`` stays text, see
:func:`citygrid_plugin.core.textsafe.layout_text`); only the plugin's own templates use QGIS
expressions. Errors raise :class:`LayoutError` with what failed, where, and how to fix it.
"""
from __future__ import annotations

from .atlas import atlas_layout, export_atlas
from .export import export_layout
from .pdftext import fix_pdf_text
from .report import ReportBuilder
from .templates import (
    FONT_FAMILIES,
    GREY,
    INK,
    ITEM_IDS,
    MARGIN,
    MM,
    NORTH_ARROWS,
    ORIENTATIONS,
    PAD,
    PAPERS,
    LayoutError,
    build_template,
    cjk_font_family,
    load_template,
    page_size,
    template_path,
    write_templates,
)
from .thematic import ATLAS_MASK, MAP_MARGIN, thematic_layout

__all__ = [
    # the API
    "LayoutError", "ReportBuilder", "atlas_layout", "build_template", "cjk_font_family", "export_atlas",
    "export_layout", "fix_pdf_text", "load_template", "page_size", "template_path", "thematic_layout",
    "write_templates",
    # names of the design, importable from here as they were from the former layouts.py
    "ATLAS_MASK", "FONT_FAMILIES", "GREY", "INK", "ITEM_IDS", "MAP_MARGIN", "MARGIN", "MM", "NORTH_ARROWS",
    "ORIENTATIONS", "PAD", "PAPERS",
]
