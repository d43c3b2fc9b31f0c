"""citygrid:thematicmap and citygrid:streetatlas — thematic maps (专题图) of a period as PDF or
PNG, one page for the district (or a street or community) or one page per street (图集).

The themes are :mod:`citygrid_plugin.themes` (built from the store alone), the pages
:mod:`citygrid_plugin.layouts`' CityGrid template: a Chinese title from the place, period and
theme, a subtitle with the figures behind it, legend, scale bar, north arrow, "制图日期" and
"数据来源"; street and community boundaries with their names over the theme, the store's 1:500
base map optionally under it.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingException

from ..core.i18n import tr
from ..layouts import export_atlas, export_layout, thematic_layout
from ..maps import atlas_coverage, fit_text, map_layers, theme_extent
from .base import MapAlgorithm


class ThematicMapAlgorithm(MapAlgorithm):
    _id = "thematicmap"

    def displayName(self) -> str:  # noqa: N802
        return tr("Thematic map (PDF/PNG)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "A printed thematic map of a month (or any period) of the store, for the whole store or one district, "
            "street or community: case density per unit grid (graduated, Jenks natural breaks or quantiles, counts "
            "labelled at large scales), the on-time handling rate of the cases in each community or street (all "
            "departments, or one; communities with nothing due hatched grey), the component census coverage, or "
            "the hot spots of the period (Gi*, computed by “Hot spots per unit grid”). A4 or A3, landscape or "
            "portrait, PDF (vector, fonts embedded, Chinese text searchable) or PNG at the chosen resolution "
            "(default 300 dpi). Title, subtitle, legend, scale bar, north arrow, map date and data source on the "
            "page; street and community boundaries with their names; the store's 1:500 base map optional. The "
            "map is built from the store alone, not from the current project. Refused with the reason when "
            "there is nothing to map (no case reported in the period, nothing due for handling).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_map_parameters(tr("Map file"))

    def draw(self, themed, ctx, project, path: Path, paper: tuple[str, str, int], feedback) -> dict:
        size, orientation, dpi = paper
        layout = thematic_layout(project, map_layers(ctx, themed), title=themed.title, subtitle=themed.subtitle,
                                 source=ctx.source, paper=size, orientation=orientation,
                                 extent=theme_extent(themed), legend_layers=themed.legend_layers())
        fit_text(layout)
        feedback.setProgress(60)
        if feedback.isCanceled():
            return {}
        export_layout(layout, path, dpi)
        feedback.setProgress(100)
        feedback.pushInfo(tr("Written: {path}").format(path=path))
        return {self.OUTPUT: str(path), "TITLE": themed.title, "PAGES": 1, "FILES": str(path)}


class StreetAtlasAlgorithm(MapAlgorithm):
    _id = "streetatlas"

    def displayName(self) -> str:  # noqa: N802
        return tr("Atlas: one page per street")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The thematic map of a period (case density per unit grid, on-time handling rate by community or "
            "street, census coverage or hot spots — as in “Thematic map”) with one page per street (街道) of the "
            "store (or of the district or street given as area), in street code order: the map zooms to the "
            "street, dims everything around it and titles the page with the street's name. One multi-page PDF, "
            "or with a .png file name one PNG per street in a folder of that name (atlas.png → atlas/01_<street>"
            ".png …). Classes and colours are the same on every page, computed over the whole area.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_map_parameters(tr("Atlas file (PDF, or PNG pages)"))

    def draw(self, themed, ctx, project, path: Path, paper: tuple[str, str, int], feedback) -> dict:
        size, orientation, dpi = paper
        streets = atlas_coverage(ctx, themed)  # of the area (a community's atlas: its street's page)
        if not streets.featureCount():
            raise QgsProcessingException(tr("no street of {place} has a boundary: import the divisions with their "
                                            "boundaries first").format(place=ctx.place))
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix("")
        pages = streets.featureCount()
        feedback.pushInfo(tr("{n} pages, one per street").format(n=pages))
        written = export_atlas(project, map_layers(ctx, themed), streets, name_expression='"name"',
                               title_template=themed.atlas_title, path=target, paper=size,
                               orientation=orientation, dpi=dpi, sort_expression='"code"',
                               subtitle='[% "note" %]', source=ctx.source,
                               legend_layers=themed.legend_layers())
        feedback.setProgress(100)
        for p in written:
            feedback.pushInfo(tr("Written: {path}").format(path=p))
        return {self.OUTPUT: str(target), "TITLE": themed.atlas_title, "PAGES": pages,
                "FILES": ";".join(str(p) for p in written)}
