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

import numpy as np
from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)
from qgis.PyQt.QtCore import QVariant

from ..core import hotspots as hs
from ..core import kde
from ..core.i18n import tr
from ..features import make_fields, wkb_feature
from ..rasters import write_geotiff
from ..store import analysis
from .base import CaseAnalysisAlgorithm, style_output


class CaseDensityAlgorithm(CaseAnalysisAlgorithm):
    _id = "casedensity"
    RADIUS = "RADIUS"
    PIXEL_SIZE = "PIXEL_SIZE"
    KERNEL = "KERNEL"
    DECAY = "DECAY"
    OUTPUT_VALUE = "OUTPUT_VALUE"

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
        self.addParameter(QgsProcessingParameterNumber(self.RADIUS, tr("Radius (metres)"),
                                                       QgsProcessingParameterNumber.Double, 150, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.PIXEL_SIZE, tr("Pixel size (metres)"),
                                                       QgsProcessingParameterNumber.Double, 10, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum(
            self.KERNEL, tr("Kernel shape"), options=[tr("quartic"), tr("triangular"), tr("uniform"), tr("triweight"),
                                                   tr("Epanechnikov")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.DECAY, tr("Decay ratio (triangular kernel)"),
                                                       QgsProcessingParameterNumber.Double, 0))
        self.addParameter(QgsProcessingParameterEnum(self.OUTPUT_VALUE, tr("Output values"),
                                                     options=[tr("raw"), tr("scaled")], defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Case density")))
        self.addOutput(QgsProcessingOutputNumber("CASES", tr("Cases")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        with self.store_session(parameters, context, feedback) as store:
            points = np.asarray(analysis.case_points(store.conn, flt), dtype=float).reshape(-1, 2)
        if len(points) == 0:
            raise QgsProcessingException(tr("no cases match the window and filters ({window}): nothing to map; "
                                            "widen the window or the filters").format(window=flt.describe()))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        try:
            layout = kde.kde_layout(points, radius, pixel)
            if layout.rows * layout.cols > 100_000_000:
                raise QgsProcessingException(tr("the raster would have {rows} × {cols} pixels; choose a larger pixel "
                                                "size").format(rows=layout.rows, cols=layout.cols))
            grid, geotransform = kde.kde_grid(
                points, radius, pixel, kernel=kde.KERNELS[self.parameterAsEnum(parameters, self.KERNEL, context)],
                output=kde.OUTPUTS[self.parameterAsEnum(parameters, self.OUTPUT_VALUE, context)],
                decay=self.parameterAsDouble(parameters, self.DECAY, context))
        except hs.HotspotError as exc:
            raise QgsProcessingException(str(exc)) from exc
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        write_geotiff(path, grid, geotransform, store.srid)
        feedback.pushInfo(tr("{n} cases ({window}) → {rows} × {cols} pixels of {pixel:g} m").format(
            n=len(points), window=flt.describe(), rows=grid.shape[0], cols=grid.shape[1], pixel=pixel))
        return {self.OUTPUT: path, "CASES": len(points)}


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
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Hot spots"),
                                                            QgsProcessing.TypeVectorPolygon))
        for key, label in (("GRIDS", tr("Grids")), ("WITH_CASES", tr("Grids with cases")), ("CASES", tr("Cases")),
                           ("HOT", tr("Hot spot grids")), ("COLD", tr("Cold spot grids")),
                           ("BAND", tr("Distance band (m)")), ("ISLANDS", tr("Grids without neighbours"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        minimum = self.parameterAsInt(parameters, self.MIN_GRIDS, context)
        with self.store_session(parameters, context, feedback, errors=(hs.HotspotError,)) as store:
            grids = self.active_grids(store.conn, flt)
            counts = np.asarray(analysis.counts_per_grid(store.conn, flt, grids), dtype=float)
            self.check_data(counts, flt, minimum)
            W, band = self.weights(parameters, context, feedback, store.conn, grids)
            result = hs.gi_star(counts, W, min_grids=minimum)
            bins = hs.fdr_classes(result.z, result.p, fdr=self.parameterAsBoolean(parameters, self.FDR, context))
        n_islands = int(result.islands.sum())
        if n_islands:
            feedback.pushWarning(tr("{n} grids have no neighbour (island): their class compares them only with "
                                    "the district average; choose a larger band or contiguity").format(n=n_islands))
        fields = make_fields([("grid_code", QVariant.String), ("cases", QVariant.Int), ("gi_z", QVariant.Double),
                              ("gi_p", QVariant.Double), ("gi_bin", QVariant.Int), ("hotspot", QVariant.String),
                              ("neighbours", QVariant.Int), ("island", QVariant.Bool)])
        sink, dest = self.sink(parameters, context, fields, store.srid)
        for i, code in enumerate(grids.codes):
            sink.addFeature(wkb_feature(fields, [code, int(counts[i]), float(result.z[i]), float(result.p[i]),
                                                 int(bins[i]), hs.bin_label(int(bins[i])), int(result.neighbours[i]),
                                                 bool(result.islands[i])], grids.wkb[i]), QgsFeatureSink.FastInsert)
        style_output(context, dest, "hotspots")
        hot, cold = int((bins > 0).sum()), int((bins < 0).sum())
        feedback.pushInfo(tr("{window}: {cases} cases in {with_cases} of {grids} grids; {hot} hot spot grids, {cold} "
                             "cold spot grids").format(window=flt.describe(), cases=int(counts.sum()),
                                                       with_cases=int((counts > 0).sum()), grids=len(grids.codes),
                                                       hot=hot, cold=cold))
        return {self.OUTPUT: dest, "GRIDS": len(grids.codes), "WITH_CASES": int((counts > 0).sum()),
                "CASES": int(counts.sum()), "HOT": hot, "COLD": cold, "BAND": band or 0, "ISLANDS": n_islands}


class EmergingHotspotsAlgorithm(CaseAnalysisAlgorithm):
    _id = "emerginghotspots"
    SLICE_DAYS = "SLICE_DAYS"
    TIME_STEP = "TIME_STEP"
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
        self.addParameter(QgsProcessingParameterNumber(self.SLICE_DAYS, tr("Time slice (days)"),
                                                       QgsProcessingParameterNumber.Integer, 28, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.TIME_STEP, tr("Neighbourhood time step (slices)"),
                                                       QgsProcessingParameterNumber.Integer, 1, minValue=0))
        self.add_weight_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Emerging hot spots"),
                                                            QgsProcessing.TypeVectorPolygon))
        for key, label in (("GRIDS", tr("Grids")), ("SLICES", tr("Time slices")), ("CASES", tr("Cases")),
                           ("HOT", tr("Grids with a hot spot pattern")),
                           ("COLD", tr("Grids with a cold spot pattern"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        flt = self.case_filter(parameters, context)
        slice_days = self.parameterAsInt(parameters, self.SLICE_DAYS, context)
        minimum = self.parameterAsInt(parameters, self.MIN_GRIDS, context)
        with self.store_session(parameters, context, feedback, errors=(hs.HotspotError,)) as store:
            grids = self.active_grids(store.conn, flt)
            matrix, cuts = analysis.counts_per_grid_and_slice(store.conn, flt, grids, slice_days)
            cube = np.asarray(matrix, dtype=float).reshape(len(grids.codes), len(cuts))
            if cuts and cuts[0][0] > flt.start:
                feedback.pushInfo(tr("The window is cut into whole slices from its end: the {days} days before "
                                     "{first} are left out").format(days=(cuts[0][0] - flt.start).days,
                                                                    first=f"{cuts[0][0]:%Y-%m-%d}"))
            self.check_data(cube.sum(axis=1), flt, minimum)
            W, _band = self.weights(parameters, context, feedback, store.conn, grids)
            result = hs.emerging_hotspots(cube, W, time_step=self.parameterAsInt(parameters, self.TIME_STEP, context),
                                          fdr=self.parameterAsBoolean(parameters, self.FDR, context), min_grids=minimum)
        feedback.pushInfo(tr("{slices} slices of {days} days, {first} – {last}").format(
            slices=len(cuts), days=slice_days, first=f"{cuts[0][0]:%Y-%m-%d}", last=f"{cuts[-1][1]:%Y-%m-%d}"))
        fields = make_fields([("grid_code", QVariant.String), ("cases", QVariant.Int), ("pattern", QVariant.String),
                              ("pattern_name", QVariant.String), ("trend_z", QVariant.Double),
                              ("trend_p", QVariant.Double), ("hot_slices", QVariant.Int),
                              ("cold_slices", QVariant.Int), ("island", QVariant.Bool)])
        sink, dest = self.sink(parameters, context, fields, store.srid)
        totals = cube.sum(axis=1)
        trend_z = np.asarray(result.trend.z, dtype=float)
        trend_p = np.asarray(result.trend.p, dtype=float)
        for i, code in enumerate(grids.codes):
            pattern = str(result.category[i])
            sink.addFeature(wkb_feature(fields, [code, int(totals[i]), pattern, hs.category_label(pattern),
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
        return {self.OUTPUT: dest, "GRIDS": len(grids.codes), "SLICES": len(cuts), "CASES": int(cube.sum()),
                "HOT": hot, "COLD": cold}


def _finite(value: float):
    return float(value) if np.isfinite(value) else None
