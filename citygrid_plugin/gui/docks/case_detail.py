"""The detail of the selected case in the case dock (案件详情): what the store lets this login read
of it (store.desk.case_detail: location, source, the reporter for the supervision centre only,
time limits, assisting departments, additional reports), its situation (情形) and the version of
the command manual (指挥手册) it runs under, the manual's standard for what happens to it next
(立案标准 before registering, 处置标准 while it is handled, 结案标准 when it is checked and closed,
store.manual.case_entry), its photos by stage as thumbnails (a click opens the full photo), its
history as a table in Chinese with who and when, and the button that prints its work form (派遣单).

Every text from the store or a person is escaped (core.textsafe.html_text): shown, never
rendered; the browser follows no link itself, and the only link it holds (a legacy photo link to
a local image file) is opened by :meth:`CaseDetailView._link_clicked` after checking it again.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.textsafe import html_text, local_image
from ...core.workflow import action_label, format_time_left, role_label, state_label, urgency
from ...store import photos
from ..manual_view import STATE_STANDARD, limit_text, not_set, standard_title, variant_name
from ..photos import PhotoStrip

PHOTO_LINK = "citygrid-photo:open"  # the only link of the detail view; never a link from case text
URGENCY_COLOURS = {   # countdown colours (text, background) by urgency
    "overdue": ("#a3161b", "#fbd9d7"),
    "urgent": ("#9a3c00", "#ffe2c2"),
    "soon": ("#6b4f00", "#fdefb8"),
    "ok": ("#1e6b2a", "#dcf0dd"),
    "none": ("#666666", None),
}


def when(at: datetime | None) -> str:
    """A time as a person at the desk reads it (the year only when it is not this one)."""
    if at is None:
        return ""
    return f"{at:%m-%d %H:%M}" if at.year == datetime.now().year else f"{at:%Y-%m-%d %H:%M}"


def action_title(action: str) -> str:
    """The name of *action* (core.workflow names it once for every screen)."""
    return action_label(action)


class CaseDetailView(QWidget):
    """The detail pane. *conn()* gives the session's connection (read when a photo or the work
    form is needed), *failed(exc)* reports a failed read, *message(text, level)* a result."""

    def __init__(self, conn: Callable, failed: Callable[[Exception], None], message: Callable, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.failed = failed
        self.message = message
        self.case: dict | None = None
        self.photo_path = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        strip = QHBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        self.photos = PhotoStrip(lambda photo_id: photos.photo_content(self.conn(), photo_id), failed)
        strip.addWidget(self.photos, 1)
        self.print_button = QPushButton(tr("Print work form"))
        self.print_button.setObjectName("print_workform")
        self.print_button.setToolTip(tr("The work form (派遣单) of this case as an A4 PDF"))
        self.print_button.clicked.connect(self.print_workform)
        strip.addWidget(self.print_button, 0, Qt.AlignVCenter)
        layout.addLayout(strip)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        layout.addWidget(self.browser, 1)
        self.clear()

    def clear(self) -> None:
        self.case = None
        self.photo_path = None
        self.photos.show_photos([])
        self.photos.hide()
        self.print_button.hide()
        hint = tr("Select a case to see its history and what you may do with it.")
        self.browser.setHtml(f"<p style='color:#666666'>{html_text(hint)}</p>")

    def show_case(self, row: dict, detail: dict | None, history: list[dict], photo_infos: list,
                  legacy_photo: str | None, manual: dict | None = None) -> None:
        """Show the case: *row* as the queue lists it, *detail* from store.desk.case_detail,
        *manual* its page of the command manual (store.manual.case_entry)."""
        self.case = row
        self.photos.show()
        self.photos.show_photos(photo_infos)
        self.print_button.show()
        self.browser.setHtml(self.html(row, detail or {}, history, self._photo_html(legacy_photo), manual))

    # -- the text ----------------------------------------------------------------------------------
    def html(self, row: dict, detail: dict, history: list[dict], photo: str, manual: dict | None = None) -> str:
        """The case, its facts, the manual's standard for its state and its history; every value
        escaped."""
        e = html_text
        facts = [state_label(row["state"])]
        if row.get("hours_left") is not None:
            facts.append(format_time_left(row["hours_left"]))
        if row.get("department_name"):
            facts.append(row["department_name"])
        colour = URGENCY_COLOURS[urgency(row.get("hours_left"))][0]
        urgent = (f" <span style='color:#a3161b'>[{e(tr('Urgent'))}]</span>"
                  if detail.get("urgent") or row.get("urgent") else "")
        lines = [f"<h3>{e(row['case_no'])} · {e(row['class_name'] or row['class_code'])}{urgent}</h3>",
                 f"<p><b>{e(facts[0])}</b>" + "".join(
                     f" · <span style='color:{colour}'>{e(f)}</span>" if i == 1 and row.get("hours_left") is not None
                     else f" · {e(f)}" for i, f in enumerate(facts[1:], 1)) + "</p>",
                 f"<p>{e(row['description'])}<br>{e(row['address'])}</p>",
                 self._facts_html(detail, manual), self._manual_html(row, manual), photo]
        lines.append("<table cellspacing='0' cellpadding='3' border='1' style='border-collapse: collapse; "
                     "border-color: #c8c8c8'><thead><tr>")
        for title in (tr("Time"), tr("Action"), tr("State"), tr("Person"), tr("Role"), tr("Note")):
            lines.append(f"<th align='left' bgcolor='#eeeeee' style='white-space: nowrap'>{e(title)}</th>")
        lines.append("</tr></thead>")
        for step in history:
            person = step["actor_name"] or step["actor"]
            # short cells on one line (a word is never broken); the note wraps
            cells = (when(step["at"]), action_title(step["action"]), state_label(step["to_state"]), person,
                     role_label(step["role"]))
            lines.append("<tr>" + "".join(f"<td style='white-space: nowrap'>{e(c)}</td>" for c in cells)
                         + f"<td>{e(step['note'])}</td></tr>")
        lines.append("</table>")
        return "".join(lines)

    def _facts_html(self, d: dict, manual: dict | None = None) -> str:
        """The facts of store.desk.case_detail, one line each, those the store returned (the
        current stage's limit as the manual gives it for this case: its situation and urgency)."""
        if not d:
            return ""
        e = html_text
        facts: list[tuple[str, str]] = []
        place = " ".join(p for p in (d.get("street_name"), d.get("community_name")) if p)
        if d.get("grid_code"):
            place = f"{place} · {tr('grid')} {d['grid_code']}".strip(" ·")
        if place:
            facts.append((tr("Location"), place))
        source = d.get("source") or ""
        if d.get("external_id"):
            source += f" ({d['external_id']})"
        reported = when(d.get("reported_at"))
        if d.get("observed_at"):
            reported += " · " + tr("seen {at}").format(at=when(d["observed_at"]))
        facts.append((tr("Source"), f"{source} · {reported}".strip(" ·")))
        if d.get("reporter") or d.get("reporter_phone"):
            facts.append((tr("Reporter"), " ".join(p for p in (d.get("reporter"), d.get("reporter_phone")) if p)))
        if d.get("component_code"):
            facts.append((tr("Component"), d["component_code"]))
        limit = limit_text(((manual or {}).get("limits") or {}).get(d.get("stage") or "")) or \
            (d.get("limits") or {}).get(d.get("stage") or "")
        if limit or d.get("stage_deadline"):
            text = limit or ""
            if d.get("stage_deadline"):
                text = tr("{limit}, due {at}").format(limit=text, at=when(d["stage_deadline"])).lstrip(", ，")
            facts.append((tr("Time limit"), text))
        if d.get("assist"):
            facts.append((tr("Assisting departments"), "、".join(a.get("name") or a.get("code") for a in d["assist"])))
        if d.get("extension_pending"):
            facts.append((tr("Extension"), tr("{hours} h requested, awaiting the shift leader").format(
                hours=f"{d['extension_pending']:g}")))
        if d.get("closed_at"):
            facts.append((tr("Finished"), when(d["closed_at"])))
        lines = [f"<span style='color:#555555'>{e(label)}：</span>{e(value)}" for label, value in facts]
        html = "<p>" + "<br>".join(lines) + "</p>"
        extra = d.get("extra_reports") or []
        if extra:
            html += f"<p><b>{e(tr('Additional reports ({n})').format(n=len(extra)))}</b>"
            for report in extra:
                html += (f"<br>{e(when(report.get('at')))} · {e(report.get('source') or '')} · "
                         f"{e(report.get('description') or '')} · {e(report.get('actor') or '')}")
            html += "</p>"
        return html

    @staticmethod
    def _manual_html(row: dict, manual: dict | None) -> str:
        """The case's situation, the manual version it runs under and the standard that matters
        in its state (a cancelled case: none); an empty standard says so."""
        field = STATE_STANDARD.get(row.get("state") or "")
        if manual is None and field is None:
            return ""
        e = html_text
        manual = manual or {}
        facts = [(tr("Situation"), variant_name(manual.get("variant")))]
        if manual.get("version") is not None:
            facts.append((tr("Command manual"),
                          tr("version {version} (in force when reported)").format(version=manual["version"])))
        if field == "handling" and row.get("state") != "dispatched":   # dispatched: the stage's limit above
            handle = limit_text((manual.get("limits") or {}).get("handle"))
            facts.append((tr("Handling time limit"), handle or not_set()))
        html = "<p>" + "<br>".join(f"<span style='color:#555555'>{e(k)}：</span>{e(v)}" for k, v in facts) + "</p>"
        if field is not None:
            entry = manual.get("entry")
            text = getattr(entry, field, None) if entry is not None else None
            text = text.strip() if isinstance(text, str) else ""
            body = e(text) if text else f"<span style='color:#777777'>{e(not_set())}</span>"
            html += f"<p><b>{e(standard_title(field))}</b><br>{body}</p>"
        return html

    # -- the legacy photo link -----------------------------------------------------------------------
    def _photo_html(self, photo: str | None) -> str:
        """The photo link as text; a link and a thumbnail only for a local image file that
        exists (core.textsafe.local_image), opened by :meth:`_link_clicked`, never by Qt."""
        self.photo_path = None
        if not photo:
            return ""
        self.photo_path = local_image(photo)
        if self.photo_path is None:
            return f"<p>{html_text(tr('Photo'))}: {html_text(photo)}</p>"
        src = html_text(QUrl.fromLocalFile(str(self.photo_path)).toString())
        return (f'<p><a href="{PHOTO_LINK}">{html_text(tr("Photo"))}</a>: {html_text(photo)}<br>'
                f'<img src="{src}" width="240"></p>')

    def _link_clicked(self, url: QUrl) -> bool:
        """Open the selected case's local photo (checked again now); any other link is ignored."""
        if url.toString() != PHOTO_LINK or self.photo_path is None:
            return False
        path = local_image(str(self.photo_path))
        if path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- the work form ---------------------------------------------------------------------------------
    def print_workform(self) -> Path | None:
        """Write the case's work form (派遣单) as a PDF in the temporary folder and open it."""
        if self.case is None:
            return None
        from qgis.core import Qgis

        try:
            from ...layouts import workform
        except ImportError:
            self.message(tr("The work form is not available in this version of the plugin"), Qgis.Warning)
            return None
        folder = Path(tempfile.gettempdir()) / "citygrid-workforms"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.case['case_no']}.pdf"
        try:
            workform.write_workform(self.conn(), [self.case["id"]], str(path))
        except Exception as exc:  # noqa: BLE001 - a store or layout failure is shown, not raised
            self.failed(exc)
            self.message(tr("The work form could not be written: {error}").format(error=exc), Qgis.Warning)
            return None
        self.message(tr("Work form written: {path}").format(path=path), Qgis.Info)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
