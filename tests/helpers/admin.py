"""The administration dialog (系统管理) in GUI tests: a case store with an administrator and an
operator who sign in with passwords, and the dialog opened as a person opens it. Shared by the
tests of the dialog's tabs (a test module never imports another)."""
from __future__ import annotations

import uuid
from contextlib import contextmanager

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from citygrid_plugin.connections import StoreTarget, delete_connection, save_connection
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.desk import settle, type_text
from tests.helpers.qgis import auth_config
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store


@contextmanager
def admin_logins(cluster, store_dsn, conn_factory):
    """A case store with its roles, an administrator and an operator who sign in with passwords
    (QGIS connections with authentication configurations), and a connection as the store owner:
    (owner connection, {"admin": target, "operator": target, "owner": target}, {role: login}).
    The connections and the logins are removed afterwards."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    names = {"admin": f"cgt_{tag}_admin", "operator": f"cgt_{tag}_operator"}
    save_user(owner, names["admin"], ["admin"], "李管理", password=PASSWORD)
    save_user(owner, names["operator"], ["operator"], "王受理", password=PASSWORD)
    p = cluster.client_params(store_dsn.split("dbname=")[1].split()[0])
    targets, connections = {}, []
    for role, login in names.items():
        name = f"citygrid-admin-{login}"
        save_connection(name, p["host"], p["port"], p["dbname"], login, authcfg=auth_config(login, PASSWORD))
        targets[role] = StoreTarget("connection", name)
        connections.append(name)
    name = f"citygrid-admin-owner-{tag}"
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    targets["owner"] = StoreTarget("connection", name)
    connections.append(name)
    try:
        yield owner, targets, names
    finally:
        for name in connections:
            delete_connection(name)
        owner.rollback()
        with owner.cursor() as cur:
            cur.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"cgt_{tag}_%",))
            for (login,) in cur.fetchall():
                cur.execute(f'DROP OWNED BY "{login}"')
                cur.execute(f'DROP ROLE "{login}"')
        owner.commit()


def open_dialog(target, tab: str | None = None):
    """系统管理 opened and shown (on the tab *tab*)."""
    from citygrid_plugin.gui.admin.dialog import AdminDialog

    dialog = AdminDialog(target, tab=tab)
    dialog.show()
    settle()
    return dialog


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.LeftButton)
    settle()


def choose(combo, text: str) -> None:
    """Type *text* into a searchable combo and click the one entry of its list that holds it."""
    combo.lineEdit().clear()
    type_text(combo.lineEdit(), text)
    settle()
    popup = combo.completer().popup()
    model = popup.model()
    entries = [model.index(r, 0).data() for r in range(model.rowCount())]
    matching = [e for e in entries if text in e]
    assert popup.isVisible() and len(matching) == 1, entries
    index = model.index(entries.index(matching[0]), 0)
    popup.scrollTo(index)
    QTest.mouseClick(popup.viewport(), Qt.LeftButton, Qt.NoModifier, popup.visualRect(index).center())
    settle()
