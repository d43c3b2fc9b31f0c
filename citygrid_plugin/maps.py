"""What a printed map of the store is made of (专题图): the place and its boundaries, the store's
1:500 base map, memory layers styled from styles/, and the steps that put a theme on a page.

Every layer is built from the store, never from the user's project, so a map is the same
whoever prints it, in QGIS or in ``qgis_process``. The themes themselves are
:mod:`citygrid_plugin.themes`; the page is :mod:`citygrid_plugin.layouts`'.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsPalLayerSettings,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant
from qgis.PyQt.QtGui import QFont, QFontMetricsF

from .core.i18n import tr
from .layers import apply_style
from .store.basemap import basemap_in_box
from .store.divisions import area_divisions

PAPERS = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")
BASEMAP_THEME_OPACITY = 0.7


class MapError(RuntimeError):
    """A map that cannot be drawn or would mislead; the message says why and what to change."""


def qdatetime(value: datetime) -> QDateTime:
    """A QDateTime at the same instant with the same UTC offset (what Processing parameters take)."""
    offset = int(value.utcoffset().total_seconds()) if value.utcoffset() is not None else 8 * 3600
    return QDateTime.fromMSecsSinceEpoch(int(round(value.timestamp() * 1000)), Qt.OffsetFromUTC, offset)


@dataclass
class MapContext:
    """What every map of one store and area needs, loaded once: the CRS, the place name, the
    source line, the street and community boundaries (memory layers) and the optional base map."""

    srid: int
    area: str
    place: str
    district: str
    source: str
    streets: QgsVectorLayer
    communities: QgsVectorLayer
    basemap: list[QgsVectorLayer] = field(default_factory=list)

    @property
    def crs(self) -> QgsCoordinateReferenceSystem:
        return QgsCoordinateReferenceSystem(f"EPSG:{self.srid}")


@dataclass
class ThemeMap:
    """One theme ready for a layout: the styled layer, titles and the figures behind it."""

    theme: str
    layer: QgsVectorLayer
    title: str                 # e.g. "锦江区 2026年11月 案件密度（按单元网格）"
    atlas_title: str           # the same with "{name}" standing for the street's name
    subtitle: str
    context: list[QgsVectorLayer]
    figures: dict = field(default_factory=dict)
    street_notes: dict[str, str] = field(default_factory=dict)  # street code → the atlas page's subtitle

    def legend_layers(self) -> list[QgsVectorLayer]:
        return [self.layer] + self.context


def memory_layer(geometry: str, srid: int, name: str, fields: Sequence[tuple[str, QVariant.Type]],
                 rows: Iterable[tuple[Sequence, bytes | QgsGeometry | None]]) -> QgsVectorLayer:
    """A memory layer in EPSG:*srid* with *fields* and one feature per (attributes, geometry) row,
    the geometry as WKB (from the store) or a QgsGeometry."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:{srid}", name, "memory")
    layer.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{srid}"))
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, kind) for n, kind in fields])
    layer.updateFields()
    qfields = layer.fields()
    features = []
    for attributes, wkb in rows:
        feature = QgsFeature(qfields)
        feature.setAttributes(list(attributes))
        if isinstance(wkb, QgsGeometry):
            feature.setGeometry(wkb)
        elif wkb is not None:
            geom = QgsGeometry()
            geom.fromWkb(bytes(wkb))
            feature.setGeometry(geom)
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def styled(layer: QgsVectorLayer, style: str) -> QgsVectorLayer:
    apply_style(layer, style)
    return layer


def _prioritise_labels(layer: QgsVectorLayer, priority: int) -> None:
    """Street and community names win over the theme's labels (grid counts) where they collide."""
    labeling = layer.labeling()
    if isinstance(labeling, QgsVectorLayerSimpleLabeling):
        settings = QgsPalLayerSettings(labeling.settings())
        settings.priority = priority
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def load_context(conn, srid: int, area: str = "", basemap: bool = False) -> MapContext:
    """Street and community boundaries of *area* (a 6-digit district, 9-digit street or 12-digit
    community code; empty: the whole store), the place name and the source line. Refuses an area
    the store does not hold."""
    divisions = area_divisions(conn, area)
    districts, streets, communities = divisions.districts, divisions.streets, divisions.communities
    if not districts:
        raise MapError(tr("the store holds no district yet: import the divisions first (Import administrative "
                          "divisions)"))
    district_names = [districts[c] for c in sorted(districts) if not area or c == area[:6]]
    if area and (not district_names or (len(area) >= 9 and not streets)
                 or (len(area) == 12 and not communities)):
        raise MapError(tr("area {area} is not a district, street or community of this store; leave it empty for "
                          "the whole store or give one of the codes in the store's streets and communities").format(
            area=area))
    place = "、".join(district_names)
    if len(area) >= 9:
        place += next(r[1] for r in streets)
    if len(area) == 12:
        place += next(r[1] for r in communities)
    street_layer = memory_layer("MultiPolygon", srid, tr("Street boundaries"),
                                [("code", QVariant.String), ("name", QVariant.String),
                                 ("district", QVariant.String)],
                                ((r[:3], r[3]) for r in streets))
    community_layer = memory_layer("MultiPolygon", srid, tr("Community boundaries"),
                                   [("code", QVariant.String), ("name", QVariant.String),
                                    ("street", QVariant.String)],
                                   ((r[:3], r[3]) for r in communities))
    _prioritise_labels(styled(street_layer, "street"), 10)
    _prioritise_labels(styled(community_layer, "community_outline"), 9)
    district = "、".join(district_names)
    ctx = MapContext(srid, area, place, district,
                     tr("{district} digital urban management store (CityGrid)").format(district=district),
                     street_layer, community_layer)
    if basemap:
        ctx.basemap = _basemap_layers(conn, srid, community_layer)
    return ctx


def _basemap_layers(conn, srid: int, frame: QgsVectorLayer) -> list[QgsVectorLayer]:
    """The store's 1:500 base map (areas and lines imported from CAD) inside *frame*'s extent."""
    extent = frame.extent()
    if extent.isNull():
        return []
    box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    out = []
    for table, geometry, style, title in (("basemap_polygon", "MultiPolygon", "basemap_polygon", tr("Base map areas")),
                                          ("basemap_line", "MultiLineString", "basemap_line", tr("Base map lines"))):
        rows = basemap_in_box(conn, table, box, srid)
        if rows:
            layer = memory_layer(geometry, srid, title, [("kind", QVariant.String)], (([k], g) for k, g in rows))
            out.append(styled(layer, style))
    return out


def map_layers(ctx: MapContext, theme: ThemeMap) -> list[QgsVectorLayer]:
    """The layers of a map, top first: boundaries and names, the theme, the base map (under a
    theme made translucent so that the base map shows through)."""
    if ctx.basemap:
        theme.layer.setOpacity(BASEMAP_THEME_OPACITY)
    return list(theme.context) + [theme.layer] + list(ctx.basemap)


def atlas_coverage(ctx: MapContext, theme: ThemeMap) -> QgsVectorLayer:
    """The atlas's pages: the streets of the area, each with its figures as ``note`` (the page's
    subtitle). Not drawn: the map shows the boundaries layer."""
    rows = [([f["code"], f["name"], theme.street_notes.get(f["code"], "")], QgsGeometry(f.geometry()))
            for f in ctx.streets.getFeatures()]
    return memory_layer("MultiPolygon", ctx.srid, ctx.streets.name(),
                        [("code", QVariant.String), ("name", QVariant.String), ("note", QVariant.String)], rows)


def theme_extent(theme: ThemeMap):
    """The map's extent: the theme's features with 5 % around them (the base map and boundaries
    reach further and must not widen the map)."""
    extent = theme.layer.extent()
    return extent.buffered(max(extent.width(), extent.height()) * 0.05)


def prepare_project(ctx: MapContext) -> QgsProject:
    """A private project in the store's CRS for the layouts (never the user's project)."""
    project = QgsProject()
    project.setCrs(ctx.crs)
    return project


_FITTED_IDS = re.compile(r"^(title|subtitle|source)(_\d+)?$")


# TODO(issue 14): use layouts' text measuring
def _text_mm(font: QFont, size_pt: float, text: str) -> float:
    """Width in mm of the widest line of *text* in *font* at *size_pt* (measured in 0.1 mm units,
    as the layouts module does)."""
    probe = QFont(font)
    probe.setPixelSize(max(1, round(size_pt * 0.352778 * 10)))
    return max(QFontMetricsF(probe).horizontalAdvance(line) for line in text.split("\n")) / 10


def fit_text(layout) -> None:
    """Shrink the title, subtitle and source labels of *layout* whose text is wider than their box
    (down to 60 % of the template's size), so a long place name or an English subtitle stays on
    one line instead of spilling over the map."""
    for item in layout.items():
        if not isinstance(item, QgsLayoutItemLabel) or not _FITTED_IDS.match(item.id() or ""):
            continue
        text = item.text()
        if not text or "[%" in text:
            continue
        font = item.font()
        size = original = font.pointSizeF()
        width = item.rect().width() * 0.98

        while _text_mm(font, size, text) > width and size > original * 0.6:
            size *= 0.95
        if size != original:
            font.setPointSizeF(size)
            item.setFont(font)
