"""citygrid:partitiongrids — Partition communities into unit grids (划分万米单元网格)."""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core import grids
from ..core.i18n import tr
from ..features import make_fields, shapes, to_qgs, working_crs
from .base import CityGridAlgorithm

SHOWN_VALUES = 20  # distinct unknown class values listed per layer
_ALL_ATTRIBUTES = "#!allattributes!#"  # QgsFeatureRequest.ALL_ATTRIBUTES: attribute('name') and the like


class PartitionGridsAlgorithm(CityGridAlgorithm):
    _id = "partitiongrids"
    _group_id = "grids"
    BARRIERS = "BARRIERS"
    BARRIER_CLASS = "BARRIER_CLASS"
    OBSTACLES = "OBSTACLES"
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_KEY = "COMMUNITY_KEY"
    TARGET_AREA = "TARGET_AREA"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"
    DEAD_END_REACH = "DEAD_END_REACH"
    WORKERS = "WORKERS"

    def displayName(self) -> str:  # noqa: N802
        return tr("Partition communities into unit grids")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Divides every community into unit grids (万米单元网格) of about the target area that exactly tile "
            "it. Barrier lines (roads, rivers, walls; any number of layers; polygon layers contribute their "
            "outlines) become grid edges: they are noded and polygonised inside each community. Blocks below "
            "the lower bound, and slivers, merge into a neighbour in the same community; blocks above the upper "
            "bound are cut into compact parts near the target. A grid never crosses a community boundary. Lower "
            "and upper bounds of 0 mean 0.4× and 2× the target.\n\n"
            "Road class: an expression evaluated on every barrier feature, e.g. \"highway\" (OpenStreetMap), "
            "\"fclass\", a road-class column, or @layer_name (a CASS/DXF layer per class). Known values: OSM "
            "highway values (motorway, trunk, primary, secondary, tertiary, residential, service, footway …; "
            "*_link are ramps), the Chinese classes and base-map names (快速路, 主干路, 次干路, 支路, 匝道, 街巷, "
            "小路, 围墙, 河道, 铁路 …), CASS layer names (DLSS, SXSS, TLSS …) and the ranks 0–4 (0 minor road, "
            "path or wall; 1 local road; 2 secondary road or ramp; 3 primary road or river; 4 expressway or "
            "railway). Features without a class, or with a value the plugin does not know, count as local roads "
            "(支路); the log lists the unknown values of each layer. Without a class expression every barrier "
            "is a local road. A small block, a sliver or a corridor strip (between the carriageways of a "
            "boulevard, inside an interchange) is merged into the neighbour across the lowest road class, then "
            "the longest shared edge: a merge crosses a primary road or expressway only when every neighbour "
            "is across one (the log names the place).\n\n"
            "Obstacles: polygon layers of buildings (the 1:500 base map's houses) or other footprints. Cuts "
            "through a large block follow minor roads, paths, walls and the gaps between buildings, and cross "
            "a building only when there is no other way; the figures say how many were crossed.\n\n"
            "Dead ends: a barrier ending within this distance of another barrier or of the community edge is "
            "extended to it and becomes a grid edge (0 = off).\n\n"
            "Processes: communities are partitioned in parallel; 0 uses every core, 1 runs in this process. "
            "The result does not depend on the number of processes.\n\n"
            "The community key is the 12-digit community code (district + street + community), e.g. the "
            "full_code field of the store's community layer. Layers in degrees are reprojected to the CGCS2000 "
            "Gauss-Krüger zone of their longitude. Overlapping or gapped communities are refused with a list "
            "of the places. A community that would get more than 999 grids (the most a 3-digit serial can "
            "number) is named in a warning: split it before coding. The quality figures (among them grids "
            "straddling a major road, corridor strips, buildings crossed by cuts, dead-end length not on grid "
            "edges, the share of grids bounded only by barriers) are printed in the log and returned as "
            "outputs. Run “Code unit grids” on the result to give the grids their codes in the store.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BARRIERS, tr("Barrier lines (roads, rivers, walls)"), QgsProcessing.TypeVectorAnyGeometry,
            optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.BARRIER_CLASS, tr("Road class of a barrier (expression, e.g. \"highway\" or @layer_name; empty = "
                                   "every barrier a local road)"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.OBSTACLES, tr("Obstacles that cuts avoid (buildings, footprints)"), QgsProcessing.TypeVectorPolygon,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, tr("Communities"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            self.COMMUNITY_KEY, tr("Community code (12 digits)"), '"full_code"', self.COMMUNITIES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_AREA, tr("Target area (m²)"), QgsProcessingParameterNumber.Double, 10000.0, minValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Lower bound (m², 0 = 0.4 × target)"), QgsProcessingParameterNumber.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_AREA, tr("Upper bound (m², 0 = 2 × target)"), QgsProcessingParameterNumber.Double, 0.0,
            minValue=0.0))
        reach = QgsProcessingParameterNumber(
            self.DEAD_END_REACH, tr("Extend dead ends reaching within (m, 0 = off)"),
            QgsProcessingParameterNumber.Double, grids.PartitionParams().dead_end_reach, minValue=0.0)
        workers = QgsProcessingParameterNumber(
            self.WORKERS, tr("Processes (0 = every core, 1 = this process only)"), QgsProcessingParameterNumber.Integer,
            0, minValue=0)
        for advanced in (reach, workers):
            advanced.setFlags(advanced.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(advanced)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Unit grids"), QgsProcessing.TypeVectorPolygon))
        for key, label in FIGURE_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("FIGURES", tr("Quality figures")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        communities_src = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if communities_src is None:
            raise QgsProcessingException(tr("no communities layer"))
        crs = working_crs(communities_src, context, feedback)
        key_text = self.parameterAsExpression(parameters, self.COMMUNITY_KEY, context) or '"full_code"'
        expression = QgsExpression(key_text)
        communities = []
        problems = []
        for fid, shape, key in shapes(communities_src, crs, context, feedback, expression):
            key = "" if key is None else str(key).strip()
            if len(key) != 12 or not key.isdigit():
                problems.append(tr("community feature {fid}: community code '{key}' must be 12 digits "
                                   "(check the community code expression)").format(fid=fid, key=key))
                continue
            if shape is None:
                problems.append(tr("community {key} (feature {fid}) has no geometry").format(key=key, fid=fid))
                continue
            communities.append(grids.CommunityInput(key, shape))
        if problems:
            raise QgsProcessingException("\n".join(problems))

        # as text: parameterAsExpression() turns an expression with a syntax error into '' silently
        class_text = (self.parameterAsString(parameters, self.BARRIER_CLASS, context) or "").strip()
        barriers = self.read_barriers(parameters, context, feedback, crs, class_text)
        obstacles = self.read_obstacles(parameters, context, feedback, crs)
        feedback.pushInfo(tr("{n} communities, {m} barrier features").format(n=len(communities), m=len(barriers)))

        params = grids.PartitionParams(
            target_area=self.parameterAsDouble(parameters, self.TARGET_AREA, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context) or None,
            max_area=self.parameterAsDouble(parameters, self.MAX_AREA, context) or None,
            dead_end_reach=self.parameterAsDouble(parameters, self.DEAD_END_REACH, context))
        try:
            result = grids.partition(communities, barriers, params,
                                     progress=lambda f: (feedback.setProgress(100 * f), not feedback.isCanceled())[1],
                                     obstacles=obstacles,
                                     workers=self.parameterAsInt(parameters, self.WORKERS, context))
        except grids.PartitionError as exc:
            raise QgsProcessingException(str(exc)) from exc
        except grids.PartitionCancelled as exc:
            raise QgsProcessingException(tr("canceled; nothing was written")) from exc
        for warning in result.warnings:
            feedback.pushWarning(warning)

        fields = make_fields([("community", QVariant.String), ("district_code", QVariant.String),
                              ("street_code", QVariant.String), ("community_code", QVariant.String),
                              ("area_m2", QVariant.Double), ("origin", QVariant.String)])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for part in result.grids:
            feature = QgsFeature(fields)
            key = part.community_key
            feature.setAttributes([key, key[:6], key[6:9], key[9:], round(part.geometry.area, 2), part.origin])
            feature.setGeometry(to_qgs(part.geometry))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        lines = result.figures.as_lines()
        for line in lines:
            feedback.pushInfo(line)
        out = {self.OUTPUT: dest_id, "FIGURES": "\n".join(lines)}
        for key, _label in FIGURE_OUTPUTS:
            value = getattr(result.figures, key.lower())
            out[key] = -1 if value is None and key in NONE_AS_MINUS_ONE else value
        return out

    def read_barriers(self, parameters, context, feedback, crs, class_text: str) -> list:
        """The barrier features as shapely geometries (polygons: their outline) — or, with a class
        expression, as :class:`grids.Barrier` with the rank and ramp flag of their class."""
        parsed = QgsExpression(class_text) if class_text else None
        if parsed is not None and parsed.hasParserError():
            raise QgsProcessingException(tr("the road class expression {expression} is not valid: {error}").format(
                expression=class_text, error=parsed.parserErrorString().strip()))
        barriers = []
        ranks: Counter = Counter()
        classes: dict = {}  # class value -> (rank, ramp) or None, looked up once per distinct value
        for layer in self.parameterAsLayerList(parameters, self.BARRIERS, context):
            expression = None if parsed is None else QgsExpression(class_text)
            skipped = []
            unknown: Counter = Counter()
            unclassed = 0
            scopes = context.expressionContext()
            scopes.appendScope(QgsExpressionContextUtils.layerScope(layer))  # @layer_name, @layer_id …
            try:
                if expression is not None:
                    self.check_class_expression(expression, class_text, layer, scopes)
                for fid, shape, value in shapes(QgsProcessingFeatureSource(layer, context), crs, context, feedback,
                                                expression):
                    if shape is None:
                        skipped.append(fid)
                        continue
                    if shape.geom_type in ("Polygon", "MultiPolygon"):
                        # walls of a water body, a park…: its outline is the barrier (repaired if invalid)
                        shape = (shape if shape.is_valid else shape.buffer(0)).boundary
                    if expression is None:
                        barriers.append(shape)
                        continue
                    blank = (value is None or (isinstance(value, QVariant) and value.isNull())  # NULL of a field
                             or (isinstance(value, str) and not value.strip()))
                    hashable = value if isinstance(value, str | int | float | bool) else str(value)
                    if hashable not in classes:
                        classes[hashable] = None if blank else grids.barrier_class(value)
                    found = classes[hashable]
                    if found is None:
                        if blank:
                            unclassed += 1
                        else:
                            unknown[str(value)] += 1
                        rank, ramp = grids.RANK_LOCAL, False
                    else:
                        rank, ramp = found
                    ranks[rank] += 1
                    ranks["ramp"] += bool(ramp)
                    barriers.append(grids.Barrier(shape, rank, ramp))
            finally:
                scopes.popScope()
            if skipped:
                feedback.pushWarning(tr("{layer}: features without geometry skipped: {ids}").format(
                    layer=layer.name(), ids=", ".join(str(i) for i in skipped[:20])))
            if unknown:
                shown = ", ".join(value for value, _n in unknown.most_common(SHOWN_VALUES))
                more = len(unknown) - SHOWN_VALUES
                feedback.pushWarning(tr("{layer}: {n} features have a road class the plugin does not know "
                                        "({k} distinct values: {values}{more}); they count as local roads "
                                        "(支路)").format(layer=layer.name(), n=sum(unknown.values()), k=len(unknown),
                                                       values=shown, more=" …" if more > 0 else ""))
            if unclassed:
                feedback.pushWarning(tr("{layer}: {n} features have no road class (the expression gives NULL or an "
                                        "empty text); they count as local roads (支路)").format(
                    layer=layer.name(), n=unclassed))
        if ranks:
            feedback.pushInfo(tr(
                "barriers by class: {express} expressways, {primary} primary, {secondary} secondary (of which {ramps} "
                "ramps), {local} local, {minor} minor roads, paths and walls").format(
                express=ranks[grids.RANK_EXPRESS], primary=ranks[grids.RANK_PRIMARY],
                secondary=ranks[grids.RANK_SECONDARY], ramps=ranks["ramp"], local=ranks[grids.RANK_LOCAL],
                minor=ranks[grids.RANK_MINOR]))
        return barriers

    @staticmethod
    def check_class_expression(expression, text: str, layer, scopes) -> None:
        """Refuse a class expression that names a field *layer* lacks (QGIS would give NULL silently)."""
        scopes.setFields(layer.fields())
        expression.prepare(scopes)
        names = set(layer.fields().names())
        missing = sorted(c for c in expression.referencedColumns() if c != _ALL_ATTRIBUTES and c not in names)
        if missing or expression.hasEvalError():
            error = expression.evalErrorString() or ", ".join(missing)
            raise QgsProcessingException(tr(
                "{layer}: the road class expression {expression} cannot be evaluated: {error}; the layer's fields: "
                "{fields} (for a field that only some layers have, write attribute('name'), which is NULL where "
                "the field is missing)").format(layer=layer.name(), expression=text, error=error,
                                                fields=", ".join(sorted(names)) or "-"))

    def read_obstacles(self, parameters, context, feedback, crs) -> list:
        """The obstacle polygons (buildings …), repaired when invalid, multi-polygons in parts."""
        obstacles = []
        for layer in self.parameterAsLayerList(parameters, self.OBSTACLES, context):
            count = len(obstacles)
            for _fid, shape, _v in shapes(QgsProcessingFeatureSource(layer, context), crs, context, feedback):
                if shape is None or shape.geom_type not in ("Polygon", "MultiPolygon"):
                    continue
                if not shape.is_valid:
                    shape = shape.buffer(0)
                parts = getattr(shape, "geoms", [shape])
                obstacles.extend(p for p in parts if p.geom_type == "Polygon" and not p.is_empty and p.area > 0)
            feedback.pushInfo(tr("{layer}: {n} obstacle polygons").format(layer=layer.name(), n=len(obstacles) - count))
        return obstacles


FIGURE_OUTPUTS = [
    ("COUNT", tr("Number of grids")),
    ("AREA_MEDIAN", tr("Median area (m²)")),
    ("AREA_P5", tr("5th percentile area (m²)")),
    ("AREA_P95", tr("95th percentile area (m²)")),
    ("SHARE_WITHIN_BOUNDS", tr("Share of grids within the bounds")),
    ("POLSBY_POPPER_MEDIAN", tr("Compactness (Polsby-Popper median)")),
    ("BOUNDARY_ADHERENCE", tr("Boundary adherence (share of barrier length on grid edges)")),
    ("STRADDLING_MAJOR", tr("Grids straddling a major road")),
    ("CORRIDOR_STRIPS", tr("Corridor strips (grids narrower than the corridor width and elongated)")),
    ("BUILDINGS_CROSSED", tr("Obstacles crossed by a cut (-1 = no obstacles given)")),
    ("DEAD_END_OFF_EDGES", tr("Dead-end length not on grid edges (m)")),
    ("SHARE_BARRIER_BOUNDED", tr("Share of grids bounded only by barriers and community edges")),
]
NONE_AS_MINUS_ONE = {"BUILDINGS_CROSSED"}
