"""citygrid:publishmonth — public information (公众信息发布): what a city puts on its government
website each month, one folder per month, ready to upload as it is.

``<OUTPUT>/<YYYY-MM>/`` holds:

- ``index.html`` — the page (:func:`citygrid_plugin.core.publication.page_html`): static, UTF-8,
  no script and nothing fetched from another site, a print style sheet;
- ``map.png`` — the on-time handling rate by street (the street table's ranking figure), or the
  cases per unit grid when nothing fell due; the CityGrid map page (title, legend, scale bar,
  north arrow, date, source) from :mod:`citygrid_plugin.themes` and :mod:`citygrid_plugin.layouts`,
  A4 landscape at :data:`WEB_DPI` (1286 × 909 px: a web page's width, legible without zooming);
  none in a month with nothing to map (the page says why);
- ``publication.xlsx`` — the two tables, one sheet each, Chinese headers (:mod:`citygrid_plugin.core.xlsx`);
- ``streets.csv`` and ``departments.csv`` — the same tables as UTF-8 **with a byte-order mark**, so
  that Excel on a Chinese Windows opens them as Chinese, not as mojibake; a name a spreadsheet
  would run as a formula is written as text (:func:`citygrid_plugin.tables.write_tables`).

Only aggregate figures and the names of streets and departments are published (the module
docstring of :mod:`citygrid_plugin.core.publication` says which and why): the algorithm reads the
evaluation, never the reporters, staff or case texts.

**Complete or nothing.** Everything is written into a hidden folder beside the target
(``.<YYYY-MM>-….partial``) and renamed into place when every file is written; a failure removes
it and leaves a previous publication of the month as it was. A previous publication is replaced
(a month republished after a correction); a month folder holding other files is refused, never
emptied. The folder and its files get the permissions of the user's umask (0755 and 0644 under the
usual 022: a web server serves them).
"""
from __future__ import annotations

import os
import shutil
import struct
import uuid
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..core import evaluation as ev
from ..core import publication as pb
from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.indicators import check_area
from ..core.periods import parse_period
from ..core.xlsx import Sheet, XlsxError, write_xlsx
from ..layouts import LayoutError, export_layout, thematic_layout
from ..maps import MapError, fit_text, load_context, map_layers, prepare_project, theme_extent
from ..store.evaluation import evaluate_period
from ..tables import TableError, write_tables
from ..themes import case_counts_map, on_time_map
from .base import PeriodAlgorithm

WEB_DPI = 110
PUBLIC_FILES = ("index.html", "map.png", "publication.xlsx", "streets.csv", "departments.csv")


class PublishMonthAlgorithm(PeriodAlgorithm):
    _id = "publishmonth"
    FOLDER = "FOLDER"
    FILES = "FILES"

    def flags(self):
        # the map is a print layout, rendered in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self) -> str:  # noqa: N802
        return tr("Public information of a month (web page)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "What the city publishes on its government website each month (公众信息发布), in a folder named after "
            "the month (YYYY-MM) inside the output folder: index.html, a static page with the month's summary, "
            "the figures of every street and every department (reported or dispatched, registered, closed, due "
            "for handling, handled on time, on-time handling and closing rates, satisfaction rate; streets ranked "
            "by on-time handling rate, departments by composite score), a map and the definitions of the figures; "
            "map.png (on-time handling rate by street); publication.xlsx (the two tables); streets.csv and "
            "departments.csv (UTF-8 with BOM, so that Excel opens them in Chinese). Only aggregate figures and "
            "the names of streets and departments are published: no reporter, phone, staff name or case text. "
            "The folder is written completely or not at all; a previous publication of the month is replaced.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.MONTH, tr("Month (YYYY-MM; empty: the last complete month)"), optional=True))
        self.add_area_parameter()
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT, tr("Folder of the public pages (the month's folder is made inside)")))
        self.addOutput(QgsProcessingOutputFolder(self.FOLDER, tr("Folder of the month")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("REPORTED", tr("Cases reported in the period")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            month = parse_period(self.parameterAsString(parameters, self.MONTH, context) or "", kind="month")
            if month.kind != "month":
                raise ev.EvaluationError(tr("the public page is published for a month: give the month as YYYY-MM "
                                            "(e.g. 2026-11), not '{period}'").format(period=month.key))
            area = check_area(self.parameterAsString(parameters, self.AREA, context))
            now = datetime.now(CST)
            ev.period_cutoff(month.start, month.end, now)   # a month still to come
            if month.end > now:
                raise ev.EvaluationError(tr("{month} is not over yet: a month's public figures are published once "
                                            "it is complete, so that they never change afterwards").format(
                    month=month.label()))
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc
        root = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        target = root / month.key
        self.check_target(target)
        published = datetime.now(CST).date()
        with self.store_session(parameters, context, feedback, errors=(MapError, ev.EvaluationError)) as store:
            weights = self.weights(parameters, context, store.conn)   # the administrators' weights
            ctx = load_context(store.conn, store.srid, area)
            evaluation = evaluate_period(store.conn, month.start, month.end, area)
            feedback.pushInfo(tr("{month}: {n} cases with actions in or open during the month (cut-off {as_of})")
                              .format(month=month.label(), n=len(evaluation.facts),
                                      as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}"))
            pub = pb.build_publication(evaluation.facts, evaluation.names, place=ctx.place, month=month.label(),
                                       as_of=evaluation.as_of, published=published, weights=weights)
            feedback.setProgress(30)
            themed, reason = None, ""
            if pub.empty:
                reason = tr("no case was reported or handled in the month")
            else:
                themed, reason = self.theme(store.conn, ctx, evaluation, month, feedback)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)
        root.mkdir(parents=True, exist_ok=True)
        staging = root / f".{month.key}-{uuid.uuid4().hex[:8]}.partial"
        try:
            os.mkdir(staging)
            page_map = self.draw_map(themed, ctx, pub, staging, published) if themed is not None else \
                pb.PageMap(reason=reason)
            feedback.setProgress(75)
            self.write_tables(pub, staging)
            (staging / "index.html").write_text(pb.page_html(pub, page_map, ctx.source), encoding="utf-8")
            written = sorted(p.name for p in staging.iterdir())
            mode = staging.stat().st_mode & 0o666   # the folder's, from the umask (0644 under the usual 022)
            for name in written:   # the workbook was made by mkstemp (0600): readable as the CSV files are
                os.chmod(staging / name, mode)
            if feedback.isCanceled():
                return {}
            self.move_into_place(staging, target)
        except (OSError, LayoutError, XlsxError, TableError) as exc:
            message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise QgsProcessingException(tr("cannot write the public information of {month} to {folder}: {error}")
                                         .format(month=month.key, folder=target, error=message)) from exc
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        files = [str(target / name) for name in PUBLIC_FILES if name in written]
        for path in files:
            feedback.pushInfo(tr("Written: {path}").format(path=path))
        if pub.empty:
            feedback.pushWarning(tr("nothing happened in {month}: the page says so and has no tables or map").format(
                month=month.label()))
        feedback.setProgress(100)
        return {self.OUTPUT: str(target), self.FOLDER: str(target), self.FILES: ";".join(files),
                "REPORTED": int(pub.totals["reported"])}

    # -- steps --------------------------------------------------------------------------------------
    @staticmethod
    def check_target(target: Path) -> None:
        """Refuse a month folder that holds anything but a previous publication (it is replaced
        as a whole): nobody's other files are ever deleted."""
        if target.exists() and not target.is_dir():
            raise QgsProcessingException(tr("{path} is a file, not a folder: choose another output folder").format(
                path=target))
        if target.is_dir():
            others = sorted(p.name for p in target.iterdir() if p.name not in PUBLIC_FILES)
            if others:
                raise QgsProcessingException(tr(
                    "{folder} holds other files ({names}); the public information of the month replaces the whole "
                    "folder: choose another output folder or move those files").format(
                    folder=target, names=", ".join(others[:5]) + (" …" if len(others) > 5 else "")))

    @staticmethod
    def theme(conn, ctx, evaluation, month, feedback):
        """(theme map, "") of the on-time rate by street, else of the cases per grid; (None, why)
        when neither can be drawn."""
        reasons = []
        for build in (lambda: on_time_map(evaluation, ctx, "street"),
                      lambda: case_counts_map(conn, ctx, month.start, month.end)):
            try:
                return build(), ""
            except MapError as exc:
                feedback.pushInfo(str(exc))
                reasons.append(str(exc))
        return None, reasons[-1]

    @staticmethod
    def draw_map(themed, ctx, pub: pb.Publication, folder: Path, published) -> pb.PageMap:
        project = prepare_project(ctx)
        try:
            layout = thematic_layout(project, map_layers(ctx, themed), title=themed.title, subtitle=themed.subtitle,
                                     source=ctx.source, date=published, paper="A4", orientation="landscape",
                                     extent=theme_extent(themed), legend_layers=themed.legend_layers())
            fit_text(layout)
            path = export_layout(layout, folder / "map.png", WEB_DPI)
        finally:
            project.clear()
        width, height = png_size(path)
        return pb.PageMap(title=f"{themed.title}: {themed.subtitle}", src=path.name,
                          alt=pb.map_alt(themed.title, themed.subtitle, themed.theme, pub), width=width,
                          height=height)

    @staticmethod
    def write_tables(pub: pb.Publication, folder: Path) -> None:
        write_xlsx(folder / "publication.xlsx", [Sheet(pub.streets.title, pub.streets.sheet_rows()),
                                                 Sheet(pub.departments.title, pub.departments.sheet_rows())])
        write_tables(folder / "streets.csv", [pub.streets.as_table()])
        write_tables(folder / "departments.csv", [pub.departments.as_table()])

    @staticmethod
    def move_into_place(staging: Path, target: Path) -> None:
        """Rename the complete *staging* folder to *target*; a previous *target* is set aside
        first, put back if the rename fails, and removed after."""
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}-{uuid.uuid4().hex[:8]}.old")
            os.replace(target, old)
        try:
            os.replace(staging, target)
        except OSError:
            if old is not None:
                os.replace(old, target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's header."""
    with open(path, "rb") as fh:
        head = fh.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    width, height = struct.unpack(">II", head[16:24])
    return width, height
