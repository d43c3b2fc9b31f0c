"""Fixtures of the store tests."""
from __future__ import annotations

import uuid

import pytest

from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store


@pytest.fixture
def secured(cluster, store_dsn, conn_factory):
    """A case store with the roles set up and one login per role (dropped afterwards):
    yields (owner connection, login(role) -> a password connection of that role's login, logins)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    logins = {}
    for role, dept in (("admin", None), ("gis_editor", None), ("surveyor", None), ("operator", None),
                       ("shift_leader", None), ("dispatcher", None), ("department", "HW"), ("supervisor", None),
                       ("analyst", None), ("bigscreen", None)):
        login = f"cgt_{tag}_{role}"
        save_user(owner, login, [role], f"测试{role}", department=dept, password=PASSWORD)
        logins[role] = login
    logins["department_jg"] = f"cgt_{tag}_dept_jg"
    save_user(owner, logins["department_jg"], ["department"], "交管处置员", department="JG", password=PASSWORD)
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def login(role: str):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} "
                            f"user={logins[role]} password={PASSWORD}")

    yield owner, login, logins
    owner.rollback()
    with owner.cursor() as cur:
        for name in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()
