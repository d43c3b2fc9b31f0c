"""What every CityGrid algorithm shares: names, groups, the icon, the store target and one store
session, and the base classes of the three families of algorithms — a period's evaluation
(:class:`PeriodAlgorithm`), case analyses (:class:`CaseAnalysisAlgorithm`) and printed maps
(:class:`MapAlgorithm`). Parameter names are class constants (``self.OUTPUT``), written once."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from ..connections import StoreTarget
from ..core import casefilter
from ..core import evaluation as ev
from ..core import hotspots as hs
from ..core.admintables import AdminTableError, Sheet, read_sheet
from ..core.casefilter import CST, CaseFilter, FilterError
from ..core.i18n import tr
from ..core.indicators import check_area
from ..core.labels import THEMES, theme_label
from ..core.periods import Period, month_range, parse_period
from ..core.reports import Table
from ..core.textio import ENCODINGS, TextInputError
from ..layers import apply_style
from ..layouts import LayoutError
from ..maps import ORIENTATIONS, PAPERS, MapError, fit_text, load_context, prepare_project
from ..store import analysis
from ..store.db import StoreError, connect
from ..store.evaluation import evaluate_period
from ..store.migrate import store_srid
from ..tables import TableError, write_tables
from ..themes import CLASSIFICATIONS, UNITS, build_theme

ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "citygrid.svg"
# group id → translated group name (read when asked, so the installed translator applies)
GROUPS = {
    "store": lambda: tr("Store"),
    "grids": lambda: tr("Unit grids"),
    "census": lambda: tr("Component census"),
    "cases": lambda: tr("Case intake and work forms"),
    "basemap": lambda: tr("Base map"),
    "hotspots": lambda: tr("Hot spots"),
    "evaluation": lambda: tr("Evaluation and reports"),
    "administration": lambda: tr("Administration"),
}


@dataclass
class StoreSession:
    """An open store: where it is, the psycopg2 connection and its CRS (EPSG code)."""

    target: StoreTarget
    conn: object
    srid: int | None


class CityGridAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``_id`` and ``_group_id`` (a key of :data:`GROUPS`)."""

    CONNECTION = "CONNECTION"
    SERVICE = "SERVICE"
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    FAIL_ON_ERROR = "FAIL_ON_ERROR"

    _id = ""
    _group_id = "store"

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self) -> str:
        return self._id

    def groupId(self) -> str:  # noqa: N802
        return self._group_id

    def group(self) -> str:
        return GROUPS[self._group_id]()

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    # -- store target ---------------------------------------------------------------------
    def add_store_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.CONNECTION, tr("PostgreSQL connection of the store"), "postgres", optional=True))
        service = QgsProcessingParameterString(
            self.SERVICE, tr("…or pg_service name (instead of a QGIS connection)"), optional=True)
        service.setFlags(service.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(service)

    def add_check_parameters(self, problems: str, geometry: int) -> None:
        """A check's “Fail on errors” switch, its layer of *problems* (one feature per problem, of
        QgsProcessing type *geometry*) and its outputs: errors, warnings, passed, summary."""
        self.addParameter(QgsProcessingParameterBoolean(self.FAIL_ON_ERROR, tr("Fail on errors"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, problems, geometry, optional=True))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Warnings")))
        self.addOutput(QgsProcessingOutputNumber("PASSED", tr("Passed (1) or failed (0)")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def store_parameters(self, parameters: dict) -> dict:
        """The store parameters of *parameters*, to hand to a child algorithm."""
        return {k: parameters[k] for k in (self.CONNECTION, self.SERVICE) if parameters.get(k) not in (None, "")}

    def store_target(self, parameters, context) -> StoreTarget:
        connection = self.parameterAsConnectionName(parameters, self.CONNECTION, context) or ""
        service = self.parameterAsString(parameters, self.SERVICE, context) or ""
        if connection and service:
            raise QgsProcessingException(tr("give either a PostgreSQL connection or a pg_service name, not both"))
        if not connection and not service:
            raise QgsProcessingException(tr("no store given: choose a PostgreSQL connection or a pg_service name"))
        try:
            return StoreTarget("connection", connection) if connection else StoreTarget("service", service)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc

    @contextmanager
    def store_session(self, parameters, context, feedback, errors: tuple[type[Exception], ...] = (),
                      srid: bool = True) -> Iterator[StoreSession]:
        """The store of *parameters*, open for the ``with`` block and closed after it. With *srid*
        the database must hold a store (else the clear refusal of :meth:`store_srid`). A
        :class:`~citygrid_plugin.store.db.StoreError` — or one of *errors* — raised in the block
        becomes a QgsProcessingException with the same message."""
        target = self.store_target(parameters, context)
        try:
            conn = connect(target.dsn())
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Store: {target}").format(target=target.label))
        try:
            yield StoreSession(target, conn, self.store_srid(conn, target) if srid else None)
        except (StoreError, *errors) as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()

    def datetime_parameter(self, parameters, name: str, context):
        """A date-time parameter as an aware datetime (None when not given); a time without a
        zone is Asia/Shanghai wall time, as the centres write it."""
        value = self.parameterAsDateTime(parameters, name, context)
        if value is None or not value.isValid():
            return None
        if value.timeSpec() == Qt.LocalTime:
            return value.toPyDateTime().replace(tzinfo=CST)
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, CST)

    def store_srid(self, conn, target) -> int:
        """The store's CRS (EPSG code); a database without a store is a clear error."""
        srid = store_srid(conn)
        if srid is None:
            raise QgsProcessingException(tr("{target} holds no CityGrid store; run “Create or upgrade the "
                                            "CityGrid store” first").format(target=target.label))
        return srid


# -- a period's evaluation ------------------------------------------------------------------
class PeriodAlgorithm(CityGridAlgorithm):
    """A month (or any period) of an area: parameters, the evaluation and the tables written."""

    MONTH = "MONTH"
    START = "START"
    END = "END"
    AREA = "AREA"
    WEIGHTS = "WEIGHTS"

    _group_id = "evaluation"

    def add_month_parameters(self) -> None:
        """The store and the period: a month, a quarter or a year (:func:`core.periods.parse_period`;
        the parameter keeps its name MONTH so that existing models and scripts still run)."""
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.MONTH, tr("Period (YYYY-MM, YYYY-Qn or YYYY; empty: the last complete month)"), optional=True))

    def add_area_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.AREA, tr("Street or community code (9 or 12 digits; empty: the whole store)"), optional=True))

    def add_period_parameters(self) -> None:
        self.add_month_parameters()
        self.addParameter(QgsProcessingParameterDateTime(self.START, tr("…or period start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.END, tr("Period end"), optional=True))
        self.add_area_parameter()

    def period(self, parameters, context) -> tuple[datetime, datetime, str]:
        """(start, end, area) of the parameters: START/END when a start is given, else the month,
        quarter or year MONTH names (empty: the last complete month)."""
        reporting, area = self.reporting_period(parameters, context)
        return reporting.start, reporting.end, area

    def reporting_period(self, parameters, context) -> tuple[Period, str]:
        """The period as a :class:`core.periods.Period` (its label, key, the period before and a
        year before) and the area; a START without END runs until now."""
        try:
            area = check_area(self.parameterAsString(parameters, self.AREA, context))
            start = self.datetime_parameter(parameters, self.START, context)
            end = self.datetime_parameter(parameters, self.END, context)
            if start is not None:
                return month_range(start, end or datetime.now(CST)), area
            return parse_period(self.parameterAsString(parameters, self.MONTH, context) or ""), area
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def weights(self, parameters, context, conn=None) -> dict[str, float]:
        """The score weights of the WEIGHTS parameter; when it is empty, the store's (the
        administrators' 考核权重, citygrid.evaluation_weight) given *conn*, else the defaults."""
        text = self.parameterAsString(parameters, self.WEIGHTS, context) or ""
        try:
            if not text.strip() and conn is not None:
                from ..store.admin import weights as store_weights

                return ev.check_weights({**ev.DEFAULT_WEIGHTS, **store_weights(conn)})
            return ev.parse_weights(text)
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def add_weights_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, tr("Score weights (term=points, …; empty: the store's weights, set by the administrators)"),
            optional=True))

    @staticmethod
    def export_report(builder, path: Path, feedback) -> int:
        """Fit the texts of a report's layout and write its PDF (complete or not at all: the
        builder writes under a temporary name); the number of pages. A layout that cannot be
        written becomes the algorithm's error."""
        fit_text(builder.layout)
        feedback.setProgress(90)
        try:
            builder.export(path)
        except LayoutError as exc:
            raise QgsProcessingException(str(exc)) from exc
        return builder.page_count

    def evaluate(self, conn, start: datetime, end: datetime, area: str, feedback):
        """The evaluated period (:func:`citygrid_plugin.store.evaluation.evaluate_period`), logged."""
        evaluation = evaluate_period(conn, start, end, area)
        feedback.pushInfo(tr("Period {start} – {end} (cut-off {as_of}): {n} cases with actions in or open during "
                             "it").format(start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}",
                                          as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}", n=len(evaluation.facts)))
        return evaluation

    def write(self, parameters, context, feedback, tables: list[Table]) -> list[str]:
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            written = write_tables(path, tables)
        except TableError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for p in written:
            feedback.pushInfo(tr("Written: {path}").format(path=p))
        return [str(p) for p in written]


# -- case analyses --------------------------------------------------------------------------
class StyleOutput(QgsProcessingLayerPostProcessorInterface):
    """Loads a CityGrid style (styles/<name>.qml) on an output layer when QGIS opens it."""

    def __init__(self, style: str) -> None:
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_style(layer, self.style)


_STYLERS: dict[str, StyleOutput] = {}  # one per style, kept for the session: QGIS calls them after the run


def style_output(context, dest: str, style: str) -> None:
    """Style output *dest* with *style* when QGIS loads it (toolbox, runAndLoadResults)."""
    if context.willLoadLayerOnCompletion(dest):
        styler = _STYLERS.setdefault(style, StyleOutput(style))
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler)


class CaseAnalysisAlgorithm(CityGridAlgorithm):
    """Shared parameters: the store, the window (start/end, or the last N days) and the filters;
    for the hot spot analyses the neighbours."""

    DAYS = "DAYS"
    START = "START"
    END = "END"
    KINDS = "KINDS"
    CLASSES = "CLASSES"
    SOURCES = "SOURCES"
    STATES = "STATES"
    AREA = "AREA"
    WEIGHTS = "WEIGHTS"
    BAND = "BAND"
    FDR = "FDR"
    MIN_GRIDS = "MIN_GRIDS"

    _group_id = "hotspots"
    default_days = 30

    def add_case_parameters(self) -> None:
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.DAYS, tr("Window: the last N days (when no start is given)"), QgsProcessingParameterNumber.Integer,
            defaultValue=self.default_days, minValue=1, maxValue=3660))
        self.addParameter(QgsProcessingParameterDateTime(self.START, tr("…or window start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.END, tr("Window end (default: now)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.KINDS, tr("Kinds (none: all)"), options=[tr("events"), tr("components")], allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLASSES, tr("Class codes, comma-separated (2-digit major or 4/5-digit class; empty: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCES, tr("Sources (none: all)"), options=list(casefilter.SOURCES), allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.STATES, tr("States (none: all)"), options=list(casefilter.STATES.values()), allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AREA, tr("Street, community or grid code (empty: the whole store)"), optional=True))

    def case_filter(self, parameters, context) -> CaseFilter:
        def chosen(name: str) -> list[int]:
            """The options chosen (QGIS 3.22 answers [0] for an optional enum left empty)."""
            if parameters.get(name) in (None, "", []):
                return []
            return self.parameterAsEnums(parameters, name, context)

        start = self.datetime_parameter(parameters, self.START, context)
        end = self.datetime_parameter(parameters, self.END, context)
        filters = {
            "kinds": tuple(casefilter.KINDS[i] for i in chosen(self.KINDS)),
            "classes": tuple(c.strip() for c in (self.parameterAsString(parameters, self.CLASSES, context) or "")
                             .replace("，", ",").split(",") if c.strip()),
            "sources": tuple(casefilter.SOURCES[i] for i in chosen(self.SOURCES)),
            "states": tuple(list(casefilter.STATES)[i] for i in chosen(self.STATES)),
            "area": (self.parameterAsString(parameters, self.AREA, context) or "").strip(),
        }
        try:
            if start is None:
                return CaseFilter.last_days(self.parameterAsInt(parameters, self.DAYS, context),
                                            now=end or datetime.now(CST), **filters)
            return CaseFilter(start, end or datetime.now(CST), **filters)
        except FilterError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def add_weight_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, tr("Neighbours"), options=[tr("distance band (grid centroids)"),
                                                     tr("contiguity (grids sharing an edge or a corner)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BAND, tr("Distance band in metres (0: chosen automatically)"), QgsProcessingParameterNumber.Double,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FDR, tr("Correct for multiple testing (false discovery rate)"), defaultValue=True))
        minimum = QgsProcessingParameterNumber(
            self.MIN_GRIDS, tr("Minimum number of grids with cases"), QgsProcessingParameterNumber.Integer,
            defaultValue=hs.MIN_GRIDS, minValue=3)
        minimum.setFlags(minimum.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(minimum)

    def weights(self, parameters, context, feedback, conn, grids: analysis.GridSet):
        """(W, band or None) from the parameters; says what it chose."""
        xy = np.asarray(grids.xy, dtype=float)
        if self.parameterAsEnum(parameters, self.WEIGHTS, context) == 1:
            W = hs.contiguity_weights(len(grids.codes), analysis.grid_adjacency(conn, grids))
            feedback.pushInfo(tr("Neighbours: grids sharing an edge or a corner (queen contiguity)"))
            return W, None
        band = self.parameterAsDouble(parameters, self.BAND, context)
        if band <= 0:
            choice = hs.default_band(xy)
            band = choice.band
            feedback.pushInfo(tr("Distance band chosen automatically: {band:.0f} m (rule: {rule}; every grid has a "
                                 "neighbour within {one:.0f} m, the average distance to the {k} nearest is "
                                 "{kd:.0f} m)").format(band=band, rule=choice.rule, one=choice.one_neighbour,
                                                       k=choice.k, kd=choice.k_distance))
        else:
            feedback.pushInfo(tr("Distance band: {band:.0f} m").format(band=band))
        return hs.distance_band_weights(xy, band), band

    def active_grids(self, conn, flt: CaseFilter) -> analysis.GridSet:
        grids = analysis.active_grids(conn, flt.area)
        if not grids.codes:
            raise QgsProcessingException(tr("the store holds no active unit grids{where}: partition and code the "
                                            "grids first").format(where=f" ({flt.area})" if flt.area else ""))
        return grids

    def check_data(self, counts, flt: CaseFilter, minimum: int) -> None:
        """Refuse an analysis that would mislead: no cases, or too few grids with cases."""
        total = int(counts.sum())
        if total == 0:
            raise QgsProcessingException(tr("no cases match the window and filters ({window}): nothing to analyse; "
                                            "widen the window or the filters").format(window=flt.describe()))
        with_data = int((counts > 0).sum())
        if with_data < minimum:
            raise QgsProcessingException(tr(
                "only {n} grids have cases in the window and filters ({window}); a hot spot analysis needs at least "
                "{minimum} — widen the window or the filters").format(n=with_data, window=flt.describe(),
                                                                      minimum=minimum))

    def sink(self, parameters, context, fields, srid: int):
        return self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon,
                                    QgsCoordinateReferenceSystem(f"EPSG:{srid}"))


# -- printed maps ---------------------------------------------------------------------------
class MapAlgorithm(PeriodAlgorithm):
    """Shared parameters and steps of the thematic map and the atlas: the map is built from the
    parameters (:meth:`build`), then a subclass draws it (:meth:`draw`)."""

    THEME = "THEME"
    UNIT = "UNIT"
    DEPARTMENT = "DEPARTMENT"
    CLASSIFICATION = "CLASSIFICATION"
    CLASSES = "CLASSES"
    BASEMAP = "BASEMAP"
    PAPER = "PAPER"
    ORIENTATION = "ORIENTATION"
    DPI = "DPI"

    output_filter = "PDF (*.pdf);;PNG (*.png)"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def add_map_parameters(self, output_label: str) -> None:
        self.add_period_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.THEME, tr("Theme"),
                                                     options=[theme_label(t) for t in THEMES], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNIT, tr("Territory of the on-time rate"), options=[tr("communities"), tr("streets")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.DEPARTMENT, tr("On-time rate of one department only (department code; empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.CLASSIFICATION, tr("Classes of the case counts"),
            options=[tr("Jenks natural breaks"), tr("quantiles")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.CLASSES, tr("Number of classes"),
                                                       QgsProcessingParameterNumber.Integer, 5, minValue=2,
                                                       maxValue=9))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BASEMAP, tr("Draw the store's 1:500 base map underneath"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(self.PAPER, tr("Paper"), options=list(PAPERS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.ORIENTATION, tr("Orientation"),
                                                     options=[tr("landscape"), tr("portrait")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.DPI, tr("Resolution (dpi)"),
                                                       QgsProcessingParameterNumber.Integer, 300, minValue=72,
                                                       maxValue=1200))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, output_label,
                                                                fileFilter=self.output_filter))
        self.addOutput(QgsProcessingOutputString("TITLE", tr("Map title")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def output_path(self, parameters, context) -> Path:
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() not in (".pdf", ".png"):
            raise QgsProcessingException(tr("the map goes to a .pdf or .png file, not {path}: change the output file "
                                            "name").format(path=path))
        return path

    def build(self, parameters, context, feedback):
        """(theme map, map context, project) from the parameters; refusals as QgsProcessingException."""
        theme = THEMES[self.parameterAsEnum(parameters, self.THEME, context)]
        start, end, area = self.period(parameters, context)
        try:
            ev.period_cutoff(start, end, datetime.now(CST))  # an empty period or one in the future
        except ev.EvaluationError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(5)
        with self.store_session(parameters, context, feedback, errors=(MapError, ev.EvaluationError)) as store:
            ctx = load_context(store.conn, store.srid, area,
                               self.parameterAsBoolean(parameters, self.BASEMAP, context))
            if feedback.isCanceled():
                return None
            feedback.setProgress(15)
            themed = build_theme(
                theme, store.conn, ctx, start, end, unit=UNITS[self.parameterAsEnum(parameters, self.UNIT, context)],
                department=(self.parameterAsString(parameters, self.DEPARTMENT, context) or "").strip(),
                method=CLASSIFICATIONS[self.parameterAsEnum(parameters, self.CLASSIFICATION, context)],
                classes=self.parameterAsInt(parameters, self.CLASSES, context),
                store=self.store_parameters(parameters), context=context, feedback=feedback)
        feedback.setProgress(40)
        feedback.pushInfo(f"{themed.title}: {themed.subtitle}")
        return themed, ctx, prepare_project(ctx)

    def paper(self, parameters, context) -> tuple[str, str, int]:
        return (PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)],
                ORIENTATIONS[self.parameterAsEnum(parameters, self.ORIENTATION, context)],
                self.parameterAsInt(parameters, self.DPI, context))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.output_path(parameters, context)
        paper = self.paper(parameters, context)
        built = self.build(parameters, context, feedback)
        if built is None:
            return {}
        themed, ctx, project = built
        try:
            return self.draw(themed, ctx, project, path, paper, feedback)
        except LayoutError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            project.clear()

    def draw(self, themed, ctx, project, path: Path, paper: tuple[str, str, int], feedback) -> dict:
        """Lay the map out in *project*, write it to *path*, return the results."""
        raise NotImplementedError


# -- administration in batch (alg_admin, alg_roster) -----------------------------------------
SHOWN_CHANGES = 200
PERMISSION_DENIED = "42501"


def refused(exc: StoreError) -> str:
    """The store's refusal as the administrator needs it: a non-administrator is told who may."""
    cause = exc.__cause__
    if getattr(cause, "pgcode", None) == PERMISSION_DENIED or "permission denied" in str(exc):
        return tr("the store refused the change, nothing was changed: {error}; only an administrator (a login with "
                  "the role citygrid_admin) may change these rules: sign in as one").format(error=exc)
    return tr("the store refused the change, nothing was changed: {error}").format(error=exc)


class AdminAlgorithm(CityGridAlgorithm):
    """An administrator's batch change (系统管理 in batch: alg_admin, alg_roster): a file (or a
    parameter) checked against the store, the changes listed, then applied through store.admin all
    or nothing — or only listed (DRY_RUN).

    Subclasses implement :meth:`plan`: it returns (warnings, changes, apply) where *apply(conn)*
    writes everything in one store transaction; or raises :class:`AdminTableError`."""

    _group_id = "administration"
    ENCODING = "ENCODING"
    MODE = "MODE"
    DRY_RUN = "DRY_RUN"
    columns: dict[str, tuple[str, ...]] = {}
    required: tuple[str, ...] = ()

    def group(self) -> str:
        make = GROUPS.get(self._group_id)   # "administration" (系统管理), shared with the manual's algorithms
        return make() if make else tr("Administration")

    def add_file_parameters(self, label: str) -> None:
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFile(self.INPUT, label, extension="csv"))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("Encoding"), options=list(ENCODINGS),
                                                     defaultValue=0))

    def add_mode_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, tr("Mode"), options=[tr("merge: add and change the file's rows, keep the others"),
                                            tr("replace: the file becomes the whole table")], defaultValue=0))

    def add_outputs(self) -> None:
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run: only list what would change"), defaultValue=False))
        self.addOutput(QgsProcessingOutputNumber("CHANGES", tr("Changes")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", tr("Warnings")))
        self.addOutput(QgsProcessingOutputNumber("APPLIED", tr("Applied (1) or not (0)")))

    def sheet(self, parameters, context) -> Sheet:
        path = self.parameterAsFile(parameters, self.INPUT, context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        return read_sheet(path, self.columns, self.required, encoding)

    def replace(self, parameters, context) -> bool:
        return self.parameterAsEnum(parameters, self.MODE, context) == 1

    def plan(self, parameters, context, conn):
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        with self.store_session(parameters, context, feedback, errors=(TextInputError,)) as store:
            try:
                warnings, changes, apply = self.plan(parameters, context, store.conn)
            except StoreError as exc:
                raise QgsProcessingException(refused(exc)) from exc
            except AdminTableError as exc:
                errors = [p for p in exc.problems if not p.warning]
                for problem in exc.problems:
                    (feedback.pushWarning if problem.warning else feedback.reportError)(str(problem))
                raise QgsProcessingException(tr("{n} problem(s), so nothing was changed (all or nothing); correct "
                                                "them and run it again:\n{problems}").format(
                    n=len(errors), problems="\n".join(str(p) for p in errors))) from exc
            for warning in warnings:
                feedback.pushWarning(str(warning))
            for change in changes[:SHOWN_CHANGES]:
                feedback.pushInfo(str(change))
            if len(changes) > SHOWN_CHANGES:
                feedback.pushInfo(tr("… and {n} more changes").format(n=len(changes) - SHOWN_CHANGES))
            applied = 0
            if not changes:
                feedback.pushInfo(tr("Nothing to change: the store already holds this"))
            elif dry_run:
                feedback.pushInfo(tr("Dry run: nothing was changed; {n} change(s) would be made").format(
                    n=len(changes)))
            else:
                try:
                    apply(store.conn)
                except StoreError as exc:
                    raise QgsProcessingException(refused(exc)) from exc
                applied = 1
                feedback.pushInfo(tr("{n} change(s) applied").format(n=len(changes)))
        return {"CHANGES": len(changes), "WARNINGS": len(warnings), "APPLIED": applied}
