"""Names shown to users that several parts of the plugin share: the evaluation's groupings, the
map themes and the period of a map or report (Chinese through the translator)."""
from __future__ import annotations

from datetime import datetime, timedelta

from .casefilter import CST
from .evaluation import shift_months
from .i18n import tr
from .workflow import role_label as case_role_label

# the groupings an evaluation is tabled by, in the order the algorithm and the dock offer them
GROUPINGS = ("department", "street", "community", "grid", "supervisor", "operator", "shift_leader", "dispatcher")
THEMES = ("cases", "on_time", "census", "hotspots")


def grouping_label(grouping: str) -> str:
    return {"department": tr("departments"), "street": tr("streets"), "community": tr("communities"),
            "grid": tr("unit grids"), "supervisor": tr("supervisors"), "operator": tr("operators"),
            "shift_leader": tr("shift leaders"), "dispatcher": tr("dispatchers"), "district": tr("district")}[grouping]


def theme_label(theme: str) -> str:
    return {"cases": tr("case density per unit grid"), "on_time": tr("on-time handling rate by territory"),
            "census": tr("component census coverage"), "hotspots": tr("hot spots (Gi*)")}[theme]


def period_label(start: datetime, end: datetime) -> str:
    """"2026年11月" for a calendar month, "2026-11-03 至 2026-11-20" otherwise (end exclusive)."""
    start, end = start.astimezone(CST), end.astimezone(CST)
    if (start.day, start.hour, start.minute, start.second) == (1, 0, 0, 0) and end == shift_months(start, 1):
        return tr("{month}/{year}").format(month=start.month, year=start.year)
    last = end - timedelta(microseconds=1)
    return tr("{start} to {end}").format(start=f"{start:%Y-%m-%d}", end=f"{last:%Y-%m-%d}")


def store_role_label(role: str) -> str:
    """A store role (citygrid_<role>) as a person reads it: the case roles of the workflow and the
    others (administrator, GIS editor, surveyor, analyst, big screen)."""
    return {"admin": tr("Administrator"), "gis_editor": tr("GIS editor"), "surveyor": tr("Surveyor"),
            "analyst": tr("Analyst (read-only)"), "bigscreen": tr("Big screen (read-only)"),
            "leader": tr("Leader (read-only)")}.get(
        role, case_role_label(role))
