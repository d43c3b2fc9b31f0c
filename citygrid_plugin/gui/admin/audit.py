"""变更记录: every change of the city's rules as the store recorded it (citygrid.admin_audit), newest
first — when, which login, which table, insert/update/delete, the row's key, and only the fields
that changed (old → new). Filterable by table. Read-only: nobody changes the audit.
"""
from __future__ import annotations

import json

from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout

from ...core.i18n import tr
from ...store import admin
from .common import AdminTab, cell, fill, hint, label, table

COLUMNS = ("at", "actor", "table", "op", "key", "change")
LIMIT = 500
NOISE = ("created_at", "updated_at", "updated_by")   # who and when: the row's own columns say it


def column_title(column: str) -> str:
    return {"at": tr("Time"), "actor": tr("By"), "table": tr("What"), "op": tr("Operation"), "key": tr("Key"),
            "change": tr("Change (old → new)")}[column]


def table_label(name: str | None) -> str:
    """A table of the store as the administrator knows it (its name when unknown)."""
    labels = {   # the tables whose changes the store audits (migration 015's admin_audit_row triggers)
        "department": tr("Departments"), "department_territory": tr("Territories"), "staff": tr("Staff"),
        "supervisor_grid": tr("Responsibility grids"), "routing_rule": tr("Routing rules"),
        "work_calendar": tr("Working calendar"), "store_setting": tr("Settings"), "case_source": tr("Case sources"),
        "event_class": tr("Event classes"), "component_class": tr("Component classes"),
        "case_authority": tr("Approvals"), "evaluation_weight": tr("Evaluation weights"),
        "case_class_rule": tr("Evidence rules of classes"), "grid_roster": tr("Grid roster (一格六员)"),
    }
    return labels.get(name or "", name or "")


def op_label(op: str | None) -> str:
    key = (op or "").upper()
    return {"INSERT": tr("added"), "UPDATE": tr("changed"), "DELETE": tr("removed")}.get(key, op or "")


def value_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def changes(old: dict | None, new: dict | None) -> str:
    """The fields that differ, "field: old → new; …"; a row added or removed: its fields."""
    old, new = old or {}, new or {}
    if not old or not new:
        return "; ".join(f"{k}: {value_text(v)}" for k, v in (new or old).items()
                         if v not in (None, [], {}, "") and k not in NOISE)
    return "; ".join(f"{k}: {value_text(old.get(k))} → {value_text(new.get(k))}"
                     for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k) and k not in NOISE)


def key_text(key) -> str:
    if isinstance(key, dict):
        return ", ".join(f"{value_text(v)}" for v in key.values())
    if isinstance(key, list | tuple):
        return ", ".join(value_text(v) for v in key)
    return value_text(key) if key is not None else ""


class AuditTab(AdminTab):
    key = "audit"

    def title(self) -> str:
        return tr("Change log")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.rows: list[dict] = []
        self.tables: set[str] = set()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(label(tr("Show changes of")))
        self.table_filter = QComboBox()
        self.table_filter.setObjectName("audit_table")
        self.table_filter.addItem(tr("every change"), None)
        self.table_filter.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.table_filter.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.table_filter)
        self.refresh_button = QPushButton(tr("Read again"))
        self.refresh_button.setObjectName("audit_refresh")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        latest = hint(tr("The latest {n} changes, newest first.").format(n=LIMIT))
        latest.setWordWrap(False)
        top.addWidget(latest)
        layout.addLayout(top)
        self.table = table([column_title(c) for c in COLUMNS], stretch=COLUMNS.index("change"), name="audit")
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        chosen_table = self.table_filter.currentData()
        self.rows = admin.audit(self.conn, limit=LIMIT, table=chosen_table)
        self.rows.sort(key=lambda r: (r.get("at") is not None, r.get("at"), r.get("id") or 0), reverse=True)
        rows = []
        for r in self.rows:
            at = r.get("at")
            change = changes(r.get("old"), r.get("new"))
            rows.append([f"{at:%Y-%m-%d %H:%M:%S}" if at else "", r.get("actor") or "",
                         cell(table_label(r.get("table")), tooltip=r.get("table") or ""), op_label(r.get("op")),
                         key_text(r.get("key")), cell(change, tooltip=change.replace("; ", "\n"))])
        fill(self.table, rows, data=[r.get("id") for r in self.rows])
        new_tables = {r.get("table") for r in self.rows if r.get("table")} - self.tables
        if new_tables:
            self.tables |= new_tables
            self.table_filter.blockSignals(True)
            keep = self.table_filter.currentData()
            while self.table_filter.count() > 1:
                self.table_filter.removeItem(1)
            for name in sorted(self.tables, key=table_label):
                self.table_filter.addItem(table_label(name), name)
            index = self.table_filter.findData(keep)
            self.table_filter.setCurrentIndex(max(index, 0))
            self.table_filter.blockSignals(False)
