"""The printed command manual (指挥手册) for the command centre's desk: one PDF, landscape A4.

A title page (the manual, its code profile and version, the print date), the default time limits,
then one section per class group (大类: 事件 01 市容环境, 部件 01 公用设施 …), each starting on a new
page and continued over as many pages as it needs with its header row repeated
(:class:`.report.ReportBuilder`). A section is a table of the group's classes that have a page in
the manual: code, name (and a component's topology), 管理要点, 监管单位 and 专业部门 by their
names (a shift leader reads names; the codes are in the system), 处置标准, 立案标准, 结案标准 and the
class's own limits ("处置 4 工作时"); stages without one take the default limits printed first.
Each situation (情形) and the urgent limits (紧急) follow their class as rows of their own, so the
desk reads a class and its variants together. Text stays text in the PDF (selectable and
searchable), Chinese set in the layouts' CJK font and wrapped between characters (:mod:`.text`).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from qgis.core import QgsProject

from ..core.casefilter import CST
from ..core.i18n import tr
from ..core.manual import KINDS, STAGES, TERRITORIAL, TOPOLOGY_ZH, Limit, Manual
from .report import ReportBuilder
from .templates import LayoutError

# relative column widths of a class group's table
WIDTHS = (1.1, 2.0, 4.0, 2.0, 2.2, 4.5, 3.2, 3.2, 3.0)


def _stage(stage: str) -> str:
    return {"accept": tr("Acceptance"), "verify": tr("Verification"), "register": tr("Registration"),
            "dispatch": tr("Dispatch"), "handle": tr("Handling"), "check": tr("Check"),
            "close": tr("Closing"), "revisit": tr("Return visit")}[stage]


def _kind(kind: str) -> str:
    return {"event": tr("Event"), "component": tr("Component")}[kind]


def limits_text(limits: Mapping[str, Limit]) -> str:
    """One line per stage with a limit: "处置 4 工作时"."""
    return "\n".join(f"{_stage(s)} {limits[s].text()}" for s in STAGES if s in limits)


def manual_sections(manual: Manual, classes: Mapping[tuple[str, str], Mapping],
                    department_names: Mapping[str, str]) -> list[tuple[str, list[list]]]:
    """(section title, rows) per class group of *manual*, events first, by major code; *classes*:
    (kind, code) → {"name", "major_code", "major_name"} (the store's class table)."""

    def department(code: str | None) -> str:
        if not code:
            return ""
        if code == TERRITORIAL:
            return TERRITORIAL
        return department_names.get(code) or code

    groups: dict[tuple[int, str], list] = {}
    majors: dict[tuple[int, str], str] = {}
    for (kind, code), entry in sorted(manual.classes.items()):
        info = classes.get((kind, code)) or {}
        major = info.get("major_code") or code[:2]
        key = (KINDS.index(kind), major)
        majors[key] = info.get("major_name") or entry.major_name or ""
        name = info.get("name") or entry.name or ""
        if entry.topology:
            name = f"{name}（{TOPOLOGY_ZH.get(entry.topology, entry.topology)}）"
        rows = groups.setdefault(key, [])
        rows.append([code, name, entry.points, department(entry.supervisor), department(entry.department),
                     entry.handling, entry.register, entry.close, limits_text(entry.limits)])
        for v in entry.variants:
            rows.append(["", tr("Situation: {name}").format(name=v.name), None, None, None, v.note, None, None,
                         limits_text(v.limits)])
        if entry.urgent:
            rows.append(["", tr("Urgent"), None, None, None, None, None, None, limits_text(entry.urgent)])
    out = []
    for key in sorted(groups):
        kind = KINDS[key[0]]
        title = f"{_kind(kind)} {key[1]} {majors[key]}".strip()
        out.append((title, groups[key]))
    return out


def write_manual_pdf(manual: Manual, path: str | os.PathLike, classes: Mapping[tuple[str, str], Mapping],
                     department_names: Mapping[str, str], title: str = "", feedback=None) -> int:
    """Write the printed manual to the PDF *path*; returns its number of pages (0: cancelled)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise LayoutError(tr("the printed manual goes to a .pdf file, not {path}: change the file name").format(
            path=path.name))
    title = title or tr("Command manual")
    project = QgsProject()
    try:
        builder = ReportBuilder(project, title, "A4", "landscape", source=tr("Command manual"))
        version = manual.version if manual.version is not None else "—"
        builder.add_cover(title, subtitle=tr("Code profile {profile}, version {version}").format(
            profile=manual.profile, version=version),
            lines=[tr("Printed {time}").format(time=datetime.now(CST).strftime("%Y-%m-%d %H:%M"))])
        stage_headers = [_stage(s) for s in STAGES]
        defaults = []
        for kind in KINDS:
            for urgent, limits in ((False, manual.defaults.get(kind, {})),
                                   (True, manual.urgent_defaults.get(kind, {}))):
                defaults.append([_kind(kind), tr("Urgent") if urgent else tr("Normal"),
                                 *[limits[s].text() if s in limits else "" for s in STAGES]])
        builder.add_table(tr("Default time limits"), [tr("Kind"), tr("Urgency"), *stage_headers], defaults,
                          note=tr("A class without its own limit for a stage takes the default limit of its kind."))
        headers = [tr("Class code"), tr("Class name"), tr("Management points"), tr("Supervising unit"),
                   tr("Handling department"), tr("Handling standard"), tr("Registration standard"),
                   tr("Closing standard"), tr("Time limits")]
        sections = manual_sections(manual, classes, department_names)
        for n, (section, rows) in enumerate(sections):
            if feedback is not None:
                if feedback.isCanceled():
                    return 0
                feedback.setProgress(10 + 70 * n / max(1, len(sections)))
            builder.add_table(section, headers, rows, column_widths=WIDTHS)
        builder.export(path)
        return builder.page_count
    finally:
        project.clear()
