"""Maps of the supervisors' patrol: who covers which grid (责任网格分布: the unit grids coloured by
their supervisor on a day) and a day's patrol coverage (巡查覆盖: each supervisor's grids visited
in green, missed in red, grids visited by someone else in pale green).

Memory layers built from store reads (store.admin.responsibility_map, store.coverage.coverage_grids),
so they show what the login may read and need no connection of their own; the categories are made
here because the supervisors are data. Used by the administration dialog's 责任网格 tab
("在地图上显示"), the 巡查覆盖 dock, citygrid:patrolcoverage (its output layer takes the same fields)
and the demo.
"""
from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .core.casefilter import centre_today
from .core.i18n import tr
from .maps import memory_layer

ROLE_PROPERTY = "citygrid/role"
RESPONSIBILITY_ROLE = "responsibility_map"
COVERAGE_ROLE = "patrol_coverage"
STATUSES = ("visited", "missed", "other")
STATUS_COLOURS = {"visited": "#2e9e44", "missed": "#d62728", "other": "#a6dba0"}
NOBODY_COLOUR = "#d9d9d9"
# a qualitative palette (ColorBrewer Set3 and Paired), repeated when there are more supervisors
PALETTE = ("#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#ffed6f", "#bc80bd",
           "#ccebc5", "#a6cee3", "#fb9a99", "#cab2d6", "#ffff99", "#b2df8a", "#fdbf6f")

RESPONSIBILITY_FIELDS = [("code", QVariant.String), ("supervisor", QVariant.String),
                         ("supervisor_name", QVariant.String)]
COVERAGE_FIELDS = [("day", QVariant.String), ("code", QVariant.String), ("status", QVariant.String),
                   ("status_zh", QVariant.String), ("supervisor", QVariant.String),
                   ("supervisor_name", QVariant.String), ("visitors", QVariant.String),
                   ("seconds", QVariant.Double), ("metres", QVariant.Double)]


def status_label(status: str) -> str:
    """How a grid's patrol status reads on the map and in the legend."""
    return {"visited": tr("visited by its supervisor"), "missed": tr("not visited by its supervisor"),
            "other": tr("visited by another supervisor")}.get(status, status)


def _fill(colour: str, outline: str = "#505050") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.2"})


def responsibility_layer(conn, srid: int, day: date | None = None) -> QgsVectorLayer:
    """The active unit grids coloured by the supervisor who answers for them on *day* (today by
    default); grids nobody answers for in grey."""
    from .store.admin import responsibility_map

    day = day or centre_today()
    rows = responsibility_map(conn, day)
    layer = memory_layer("Polygon", srid, tr("Responsibility grids {day}").format(day=f"{day:%Y-%m-%d}"),
                         RESPONSIBILITY_FIELDS,
                         (([r["code"], r["supervisor"] or "", r["supervisor_name"] or ""], r["wkb"]) for r in rows))
    people = sorted({(r["supervisor"], r["supervisor_name"]) for r in rows if r["supervisor"]})
    categories = []
    for i, (login, name) in enumerate(people):
        count = sum(1 for r in rows if r["supervisor"] == login)
        text = f"{name}（{login}）" if name else login
        categories.append(QgsRendererCategory(login, _fill(PALETTE[i % len(PALETTE)]),
                                              tr("{who}: {n} grids").format(who=text, n=count)))
    nobody = sum(1 for r in rows if not r["supervisor"])
    categories.append(QgsRendererCategory("", _fill(NOBODY_COLOUR, "#909090"),
                                          tr("no supervisor: {n} grids").format(n=nobody)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("supervisor", categories))
    layer.setCustomProperty(ROLE_PROPERTY, RESPONSIBILITY_ROLE)
    return layer


def coverage_features(grids: list[dict], day: date):
    """(attributes in :data:`COVERAGE_FIELDS` order, WKB) of store.coverage.coverage_grids rows."""
    for g in grids:
        yield ([f"{day:%Y-%m-%d}", g["code"], g["status"], status_label(g["status"]), g["supervisor"] or "",
                g["supervisor_name"] or "", "、".join(g["visitors"]), round(g["seconds"], 1),
                round(g["metres"], 1)], g["wkb"])


def style_coverage(layer: QgsVectorLayer) -> None:
    """Green, red and pale green by status (the legend says what each means)."""
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", [
        QgsRendererCategory(s, _fill(STATUS_COLOURS[s]), status_label(s)) for s in STATUSES]))
    layer.setOpacity(0.75)


def coverage_layer(conn, srid: int, day: date) -> QgsVectorLayer:
    """The patrol coverage of *day*: the grids someone answers for or visited, by status."""
    from .store.coverage import coverage_grids

    layer = memory_layer("Polygon", srid, tr("Patrol coverage {day}").format(day=f"{day:%Y-%m-%d}"),
                         COVERAGE_FIELDS, coverage_features(coverage_grids(conn, day), day))
    style_coverage(layer)
    layer.setCustomProperty(ROLE_PROPERTY, COVERAGE_ROLE)
    return layer


def add_responsibility_layer(project: QgsProject, conn, srid: int | None = None,
                             day: date | None = None) -> QgsVectorLayer:
    """Put the map of who covers which grid in *project* (the one added before is replaced, so the
    map shows the store as it is now)."""
    from .store.migrate import store_srid

    srid = srid or store_srid(conn)
    layer = responsibility_layer(conn, srid, day)
    old = [lay.id() for lay in project.mapLayers().values() if lay.customProperty(ROLE_PROPERTY) == RESPONSIBILITY_ROLE]
    if old:
        project.removeMapLayers(old)
    project.addMapLayer(layer)
    return layer
