"""The command manual (指挥手册) where people work: its standards and time limits as the report
dialog, the action dialog and the case detail show them.

A standard (立案标准, 处置标准, 结案标准, 管理要点) is a paragraph or more of the city's text, so it
is shown in a :class:`StandardBox`: a heading over a read-only text that wraps and scrolls, never
a one-line label that cuts it. A standard the manual leaves empty says so ("指挥手册未规定")
instead of showing nothing, so a person can tell "no rule" from "not loaded". The texts are
plain text (QPlainTextEdit): whatever the city typed is shown as it is, never as markup.

Everything shown here comes from store.manual (ClassEntry, the limits of core.manual); the
helpers below only word it.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from ..core.i18n import tr
from ..core.manual import STAGES  # workflow order (the return visit last)

# which standard a person needs at each action, and in each state of a case (the case detail)
ACTION_STANDARD = {
    "register": "register",
    "dispatch": "handling", "feedback": "handling", "request_extension": "handling", "return": "handling",
    "check_ok": "close", "rework": "close", "close": "close",
}
STATE_STANDARD = {
    "reported": "register", "to_verify": "register", "accepted": "register",
    "registered": "handling", "returned": "handling", "dispatched": "handling", "deferred": "handling",
    "handled": "close", "checked": "close", "closed": "close",
}
# the actions whose dialog shows the handling limit in force for the case
HANDLING_ACTIONS = frozenset({"dispatch", "feedback", "request_extension", "return"})


def not_set() -> str:
    """What an empty standard shows."""
    return tr("Not set in the command manual")


def standard_title(field: str) -> str:
    """The heading of a standard (a ClassEntry field)."""
    return {"register": tr("Registration standard"), "handling": tr("Handling standard"),
            "close": tr("Closing standard"), "points": tr("Management points")}[field]


def stage_label(stage: str) -> str:
    return {"accept": tr("acceptance"), "verify": tr("verification"), "register": tr("registration"),
            "dispatch": tr("dispatch"), "handle": tr("handling"), "check": tr("check"),
            "close": tr("closing"), "revisit": tr("return visit")}.get(stage, stage)


def limit_text(limit) -> str:
    """A limit as the manual writes it ("4 工作时", "90 分钟"): a core.manual.Limit, or a text
    already worded by the store."""
    if limit is None:
        return ""
    return limit.text() if hasattr(limit, "text") and callable(limit.text) else str(limit)


def limits_text(limits: dict, stages=STAGES) -> str:
    """"处置 4 工作时 · 核查 30 分钟 …" in workflow order ("" without any)."""
    return " · ".join(f"{stage_label(s)} {limit_text(limits[s])}" for s in stages if limits.get(s))


def variant_text(name: str, limits: dict) -> str:
    """A situation with its own limits, as the shift leader picks it: "5吨以上 · 处置 24 小时"."""
    own = limits_text(limits or {})
    return f"{name} · {own}" if own else name


def general_variant() -> str:
    """The choice of no situation (the class's normal limits)."""
    return tr("General (no situation)")


def variant_name(variant: str | None) -> str:
    """A case's situation as the detail and the work form show it ('' is the general case)."""
    return variant or tr("General case")


def entry_text(entry, field: str) -> str:
    """The text of *field* of a ClassEntry (None: no entry), or :func:`not_set`."""
    value = getattr(entry, field, None) if entry is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else not_set()


class StandardBox(QWidget):
    """A heading and a standard's text: read-only, wrapping, scrolling beyond *lines* lines.
    :meth:`set_text` with None or "" shows :func:`not_set` (greyed)."""

    def __init__(self, title: str, name: str, lines: int = 4, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.heading = QLabel(title)
        self.heading.setObjectName(f"{name}_title")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"{name}_text")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.text.setFrameShape(QFrame.StyledPanel)
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # Chinese text comes from a fallback font whose lines are taller than the widget font's
        self.text.setFixedHeight(lines * (self.text.fontMetrics().lineSpacing() + 4) + 12)
        self.text.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        layout.addWidget(self.text)
        self.empty = True
        self.set_text(None)

    def set_title(self, title: str) -> None:
        self.heading.setText(title)

    def set_text(self, text: str | None) -> None:
        value = text.strip() if isinstance(text, str) else ""
        self.empty = not value
        self.text.setPlainText(value or not_set())
        self.text.setStyleSheet("color: #777777" if self.empty else "")
        self.text.setToolTip(value)

    def plain(self) -> str:
        """What a person reads in the box."""
        return self.text.toPlainText()
