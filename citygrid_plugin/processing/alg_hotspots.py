"""citygrid:casedensity, citygrid:hotspots, citygrid:emerginghotspots — where cases concentrate
(热点分析): a kernel density raster, Getis-Ord Gi* per unit grid, and emerging hot spots.

All three choose their cases with the same parameters (a window and filters, turned into one
:class:`~citygrid_plugin.core.casefilter.CaseFilter`), count in the store
(:mod:`citygrid_plugin.store.analysis`) and compute with the pure-Python engine
(:mod:`citygrid_plugin.core.hotspots`, :mod:`citygrid_plugin.core.kde`). Bad input (no cases,
too few grids with cases, all counts equal, a band that leaves every grid alone) stops with a
message that says what to change; nothing misleading is written.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import hotspots as hs
from ..core import kde
from ..core.casefilter import CST, KINDS, SOURCES, STATES, CaseFilter, FilterError
from ..core.i18n import tr
from ..store import analysis
from ..store.db import StoreError
from .base import CityGridAlgorithm

WEIGHTS = ("distance", "contiguity")


class StyleOutput(QgsProcessingLayerPostProcessorInterface):
    """Loads a CityGrid style (styles/<name>.qml) on an output layer when QGIS opens it."""

    def __init__(self, style: str) -> None:
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from ..layers import apply_style

        apply_style(layer, self.style)


_STYLERS: dict[str, StyleOutput] = {}  # one per style, kept for the session: QGIS calls them after the run


def style_output(context, dest: str, style: str) -> None:
    """Style output *dest* with *style* when QGIS loads it (toolbox, runAndLoadResults)."""
    if context.willLoadLayerOnCompletion(dest):
        styler = _STYLERS.setdefault(style, StyleOutput(style))
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler)


class CaseAnalysisAlgorithm(CityGridAlgorithm):
    """Shared parameters: the store, the window (start/end, or the last N days) and the filters."""

    _group_id = "hotspots"
    default_days = 30

    def add_case_parameters(self) -> None:
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            "DAYS", tr("Window: the last N days (when no start is given)"), QgsProcessingParameterNumber.Integer,
            defaultValue=self.default_days, minValue=1, maxValue=3660))
        self.addParameter(QgsProcessingParameterDateTime("START", tr("…or window start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("END", tr("Window end (default: now)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "KINDS", tr("Kinds (none: all)"), options=[tr("events"), tr("components")], allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CLASSES", tr("Class codes, comma-separated (2-digit major or 4/5-digit class; empty: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "SOURCES", tr("Sources (none: all)"), options=list(SOURCES), allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "STATES", tr("States (none: all)"), options=list(STATES.values()), allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "AREA", tr("Street, community or grid code (empty: the whole store)"), optional=True))

    def case_filter(self, parameters, context) -> CaseFilter:
        def when(name: str):
            return self.datetime_parameter(parameters, name, context)

        def chosen(name: str) -> list[int]:
            """The options chosen (QGIS 3.22 answers [0] for an optional enum left empty)."""
            if parameters.get(name) in (None, "", []):
                return []
            return self.parameterAsEnums(parameters, name, context)

        start, end = when("START"), when("END")
        filters = {
            "kinds": tuple(KINDS[i] for i in chosen("KINDS")),
            "classes": tuple(c.strip() for c in (self.parameterAsString(parameters, "CLASSES", context) or "")
                             .replace("，", ",").split(",") if c.strip()),
            "sources": tuple(SOURCES[i] for i in chosen("SOURCES")),
            "states": tuple(list(STATES)[i] for i in chosen("STATES")),
            "area": (self.parameterAsString(parameters, "AREA", context) or "").strip(),
        }
        try:
            if start is None:
                return CaseFilter.last_days(self.parameterAsInt(parameters, "DAYS", context),
                                            now=end or datetime.now(CST), **filters)
            return CaseFilter(start, end or datetime.now(CST), **filters)
        except FilterError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def add_weight_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterEnum(
            "WEIGHTS", tr("Neighbours"), options=[tr("distance band (grid centroids)"),
                                                  tr("contiguity (grids sharing an edge or a corner)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "BAND", tr("Distance band in metres (0: chosen automatically)"), QgsProcessingParameterNumber.Double,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "FDR", tr("Correct for multiple testing (false discovery rate)"), defaultValue=True))
        minimum = QgsProcessingParameterNumber(
            "MIN_GRIDS", tr("Minimum number of grids with cases"), QgsProcessingParameterNumber.Integer,
            defaultValue=hs.MIN_GRIDS, minValue=3)
        minimum.setFlags(minimum.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(minimum)

    def weights(self, parameters, context, feedback, conn, grids: analysis.GridSet):
        """(W, band or None, rule) from the parameters; says what it chose."""
        xy = np.asarray(grids.xy, dtype=float)
        if self.parameterAsEnum(parameters, "WEIGHTS", context) == 1:
            W = hs.contiguity_weights(len(grids.codes), analysis.grid_adjacency(conn, grids))
            feedback.pushInfo(tr("Neighbours: grids sharing an edge or a corner (queen contiguity)"))
            return W, None
        band = self.parameterAsDouble(parameters, "BAND", context)
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

    def check_data(self, counts: np.ndarray, flt: CaseFilter, minimum: int) -> None:
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

    def open(self, parameters, context, feedback):
        target, conn = self.open_store(parameters, context, feedback)
        srid = self.store_srid(conn, target)
        return conn, srid

    def sink(self, parameters, context, name: str, fields: QgsFields, srid: int):
        return self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.Polygon,
                                    QgsCoordinateReferenceSystem(f"EPSG:{srid}"))


def _feature(fields: QgsFields, attributes: list, wkb: bytes) -> QgsFeature:
    feature = QgsFeature(fields)
    feature.setAttributes(attributes)
    geom = QgsGeometry()
    geom.fromWkb(wkb)
    feature.setGeometry(geom)
    return feature


class CaseDensityAlgorithm(CaseAnalysisAlgorithm):
    _id = "casedensity"

    def displayName(self) -> str:  # noqa: N802
        return tr("Case density raster")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "A kernel density raster (热力图) of the cases reported in a window, with filters by kind, class, source, "
            "state and area. Computed exactly as QGIS's own “Heatmap (Kernel Density Estimation)” "
            "(qgis:heatmapkerneldensityestimation) computes it for the same points and parameters: same extent "
            "(the cases' extent grown by the radius), pixels, kernels and scaling — so the two can be compared or "
            "mixed. Note that QGIS 3.22's scaled quartic kernel sums to 7.25 times the case count (a constant in "
            "QGIS, kept here for consistency); raw values are counts weighted by the kernel.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_case_parameters()
        self.addParameter(QgsProcessingParameterNumber("RADIUS", tr("Radius (metres)"),
                                                       QgsProcessingParameterNumber.Double, 150, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("PIXEL_SIZE", tr("Pixel size (metres)"),
                                                       QgsProcessingParameterNumber.Double, 10, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum(
            "KERNEL", tr("Kernel shape"), options=[tr("quartic"), tr("triangular"), tr("uniform"), tr("triweight"),
                                                   tr("Epanechnikov")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("DECAY", tr("Decay ratio (triangular kernel)"),
                                                       QgsProcessingParameterNumber.Double, 0))
        self.addParameter(QgsProcessingParameterEnum("OUTPUT_VALUE", tr("Output values"),
                                                     options=[tr("raw"), tr("scaled")], defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", tr("Case density")))
        self.addOutput(QgsProcessingOutputNumber("CASES", tr("Cases")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        conn, srid = self.open(parameters, context, feedback)
        try:
            points = np.asarray(analysis.case_points(conn, flt), dtype=float).reshape(-1, 2)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        if len(points) == 0:
            raise QgsProcessingException(tr("no cases match the window and filters ({window}): nothing to map; "
                                            "widen the window or the filters").format(window=flt.describe()))
        radius = self.parameterAsDouble(parameters, "RADIUS", context)
        pixel = self.parameterAsDouble(parameters, "PIXEL_SIZE", context)
        try:
            layout = kde.kde_layout(points, radius, pixel)
            if layout.rows * layout.cols > 100_000_000:
                raise QgsProcessingException(tr("the raster would have {rows} × {cols} pixels; choose a larger pixel "
                                                "size").format(rows=layout.rows, cols=layout.cols))
            grid, geotransform = kde.kde_grid(
                points, radius, pixel, kernel=kde.KERNELS[self.parameterAsEnum(parameters, "KERNEL", context)],
                output=kde.OUTPUTS[self.parameterAsEnum(parameters, "OUTPUT_VALUE", context)],
                decay=self.parameterAsDouble(parameters, "DECAY", context))
        except hs.HotspotError as exc:
            raise QgsProcessingException(str(exc)) from exc
        path = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        kde.write_geotiff(path, grid, geotransform, srid)
        feedback.pushInfo(tr("{n} cases ({window}) → {rows} × {cols} pixels of {pixel:g} m").format(
            n=len(points), window=flt.describe(), rows=grid.shape[0], cols=grid.shape[1], pixel=pixel))
        return {"OUTPUT": path, "CASES": len(points)}


class HotspotsAlgorithm(CaseAnalysisAlgorithm):
    _id = "hotspots"

    def displayName(self) -> str:  # noqa: N802
        return tr("Hot spots per unit grid (Gi*)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Counts the cases of a window (with filters) in every active unit grid and computes Getis-Ord Gi*: "
            "a z-score and p-value per grid, and its class — hot or cold spot at 99, 95 or 90 % confidence, or not "
            "significant — with the false discovery rate correction by default (as ArcGIS's Optimized Hot Spot "
            "Analysis). Neighbours: grids whose centroids lie within a distance band (default: chosen "
            "automatically so that every grid has neighbours, after ArcGIS's rule) or grids sharing an edge or a "
            "corner. Results equal PySAL esda's G_Local(star=True) on the same counts and weights.\n\n"
            "Refused, with the reason: no cases, fewer than 30 grids with cases, all counts equal. Grids without "
            "neighbours are flagged (island) and reported.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_case_parameters()
        self.add_weight_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Hot spots"), QgsProcessing.TypeVectorPolygon))
        for key, label in (("GRIDS", tr("Grids")), ("WITH_CASES", tr("Grids with cases")), ("CASES", tr("Cases")),
                           ("HOT", tr("Hot spot grids")), ("COLD", tr("Cold spot grids")),
                           ("BAND", tr("Distance band (m)")), ("ISLANDS", tr("Grids without neighbours"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        conn, srid = self.open(parameters, context, feedback)
        try:
            grids = self.active_grids(conn, flt)
            counts = np.asarray(analysis.counts_per_grid(conn, flt, grids), dtype=float)
            self.check_data(counts, flt, self.parameterAsInt(parameters, "MIN_GRIDS", context))
            W, band = self.weights(parameters, context, feedback, conn, grids)
            result = hs.gi_star(counts, W, min_grids=self.parameterAsInt(parameters, "MIN_GRIDS", context))
            bins = hs.fdr_classes(result.z, result.p, fdr=self.parameterAsBoolean(parameters, "FDR", context))
        except hs.HotspotError as exc:
            raise QgsProcessingException(str(exc)) from exc
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        n_islands = int(result.islands.sum())
        if n_islands:
            feedback.pushWarning(tr("{n} grids have no neighbour (island): their class compares them only with "
                                    "the district average; choose a larger band or contiguity").format(n=n_islands))
        fields = QgsFields()
        for name, kind in (("grid_code", QVariant.String), ("cases", QVariant.Int), ("gi_z", QVariant.Double),
                           ("gi_p", QVariant.Double), ("gi_bin", QVariant.Int), ("hotspot", QVariant.String),
                           ("neighbours", QVariant.Int), ("island", QVariant.Bool)):
            fields.append(QgsField(name, kind))
        sink, dest = self.sink(parameters, context, "OUTPUT", fields, srid)
        for i, code in enumerate(grids.codes):
            sink.addFeature(_feature(fields, [code, int(counts[i]), float(result.z[i]), float(result.p[i]),
                                              int(bins[i]), hs.bin_label(int(bins[i])), int(result.neighbours[i]),
                                              bool(result.islands[i])], grids.wkb[i]), QgsFeatureSink.FastInsert)
        style_output(context, dest, "hotspots")
        hot, cold = int((bins > 0).sum()), int((bins < 0).sum())
        feedback.pushInfo(tr("{window}: {cases} cases in {with_cases} of {grids} grids; {hot} hot spot grids, {cold} "
                             "cold spot grids").format(window=flt.describe(), cases=int(counts.sum()),
                                                       with_cases=int((counts > 0).sum()), grids=len(grids.codes),
                                                       hot=hot, cold=cold))
        return {"OUTPUT": dest, "GRIDS": len(grids.codes), "WITH_CASES": int((counts > 0).sum()),
                "CASES": int(counts.sum()), "HOT": hot, "COLD": cold, "BAND": band or 0, "ISLANDS": n_islands}


class EmergingHotspotsAlgorithm(CaseAnalysisAlgorithm):
    _id = "emerginghotspots"
    default_days = 364

    def displayName(self) -> str:  # noqa: N802
        return tr("Emerging hot spots")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Where hot spots are appearing, growing, lasting or fading. The window is cut into time slices "
            "(default: 4 weeks, the last slice ending at the window's end — a unit grid sees a few cases a month, "
            "so weekly slices are mostly 0 or 1 and Gi* cannot tell them from noise; a year makes 13 slices); "
            "Gi* is computed for every grid and slice "
            "over the whole space-time cube (neighbours: the grid's spatial neighbours and itself in the same slice "
            "and the slices before it, as many as the neighbourhood time step), then a Mann-Kendall test gives the "
            "trend of each grid's z-scores, and each grid gets a pattern as ArcGIS's Emerging Hot Spot Analysis "
            "defines them: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or "
            "historical hot (or cold) spot, or no pattern. Needs at least 10 slices.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_case_parameters()
        self.addParameter(QgsProcessingParameterNumber("SLICE_DAYS", tr("Time slice (days)"),
                                                       QgsProcessingParameterNumber.Integer, 28, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("TIME_STEP", tr("Neighbourhood time step (slices)"),
                                                       QgsProcessingParameterNumber.Integer, 1, minValue=0))
        self.add_weight_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Emerging hot spots"),
                                                            QgsProcessing.TypeVectorPolygon))
        for key, label in (("GRIDS", tr("Grids")), ("SLICES", tr("Time slices")), ("CASES", tr("Cases")),
                           ("HOT", tr("Grids with a hot spot pattern")),
                           ("COLD", tr("Grids with a cold spot pattern"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        slice_days = self.parameterAsInt(parameters, "SLICE_DAYS", context)
        minimum = self.parameterAsInt(parameters, "MIN_GRIDS", context)
        conn, srid = self.open(parameters, context, feedback)
        try:
            grids = self.active_grids(conn, flt)
            matrix, cuts = analysis.counts_per_grid_and_slice(conn, flt, grids, slice_days)
            cube = np.asarray(matrix, dtype=float).reshape(len(grids.codes), len(cuts))
            if cuts and cuts[0][0] > flt.start:
                feedback.pushInfo(tr("The window is cut into whole slices from its end: the {days} days before "
                                     "{first} are left out").format(days=(cuts[0][0] - flt.start).days,
                                                                    first=f"{cuts[0][0]:%Y-%m-%d}"))
            self.check_data(cube.sum(axis=1), flt, minimum)
            W, _band = self.weights(parameters, context, feedback, conn, grids)
            result = hs.emerging_hotspots(cube, W, time_step=self.parameterAsInt(parameters, "TIME_STEP", context),
                                          fdr=self.parameterAsBoolean(parameters, "FDR", context), min_grids=minimum)
        except hs.HotspotError as exc:
            raise QgsProcessingException(str(exc)) from exc
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.pushInfo(tr("{slices} slices of {days} days, {first} – {last}").format(
            slices=len(cuts), days=slice_days, first=f"{cuts[0][0]:%Y-%m-%d}", last=f"{cuts[-1][1]:%Y-%m-%d}"))
        fields = QgsFields()
        for name, kind in (("grid_code", QVariant.String), ("cases", QVariant.Int), ("pattern", QVariant.String),
                           ("pattern_name", QVariant.String), ("trend_z", QVariant.Double),
                           ("trend_p", QVariant.Double), ("hot_slices", QVariant.Int), ("cold_slices", QVariant.Int),
                           ("island", QVariant.Bool)):
            fields.append(QgsField(name, kind))
        sink, dest = self.sink(parameters, context, "OUTPUT", fields, srid)
        totals = cube.sum(axis=1)
        trend_z = np.asarray(result.trend.z, dtype=float)
        trend_p = np.asarray(result.trend.p, dtype=float)
        for i, code in enumerate(grids.codes):
            pattern = str(result.category[i])
            sink.addFeature(_feature(fields, [code, int(totals[i]), pattern, hs.category_label(pattern),
                                              _finite(trend_z[i]), _finite(trend_p[i]), int(result.n_hot[i]),
                                              int(result.n_cold[i]), bool(result.islands[i])], grids.wkb[i]),
                            QgsFeatureSink.FastInsert)
        style_output(context, dest, "emerging_hotspots")
        categories = np.asarray(result.category).astype(str)
        hot = int(np.char.endswith(categories, "_hot").sum())
        cold = int(np.char.endswith(categories, "_cold").sum())
        for pattern in hs.CATEGORIES:
            n = int((categories == pattern).sum())
            if n:
                feedback.pushInfo(f"{hs.category_label(pattern)}: {n}")
        return {"OUTPUT": dest, "GRIDS": len(grids.codes), "SLICES": len(cuts), "CASES": int(cube.sum()),
                "HOT": hot, "COLD": cold}


def _finite(value: float):
    return float(value) if np.isfinite(value) else None
