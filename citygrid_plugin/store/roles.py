"""Store users and roles: least-privilege PostgreSQL roles, the people who log in with them, and
what the logged-in user may do.

:func:`setup_roles` applies ``roles.sql`` (group roles ``citygrid_<role>``, grants, row-level
security policies) to a store, re-runnably. :func:`save_user` creates or changes a login role,
its group memberships and its staff record (display name, department). :func:`my_roles` tells
the plugin which case roles the connected user holds, so a dock offers only what the store
would accept.

Passwords: :func:`save_user` never sends a password in clear. It computes the SCRAM-SHA-256
verifier on the client (RFC 5802/7677, as PostgreSQL stores it) and sends only that, so the
password is neither in the server log (even with ``log_statement = all``) nor in
``pg_stat_activity``. People then connect through a QGIS authentication configuration or a
pg_service entry with ``~/.pgpass``; the plugin never stores a password.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql

from ..core.i18n import tr
from ..core.workflow import CASE_ROLES  # noqa: F401 - the case roles, named once (core.workflow)
from .db import StoreError, primary_message

ROLES_SQL = Path(__file__).with_name("roles.sql")
# short name → Chinese name; the group role is citygrid_<short name>
ROLES = {
    "admin": "管理员", "gis_editor": "网格编辑员", "surveyor": "普查员", "operator": "受理员",
    "shift_leader": "值班长", "dispatcher": "派遣员", "department": "专业部门", "supervisor": "监督员",
    "analyst": "分析员（只读）", "bigscreen": "大屏（只读）", "office": "数字城管办",
    "leader": "领导（只读）",
}
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(StoreError):
    """A user or role request that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class UserInfo:
    login: str
    name: str
    department_code: str | None
    roles: tuple[str, ...]


def group(role: str) -> str:
    if role not in ROLES:
        raise RoleError(tr("unknown role '{role}'; roles are {roles}").format(role=role, roles=", ".join(ROLES)))
    return f"citygrid_{role}"


def setup_roles(conn) -> None:
    """Create the group roles if missing and grant exactly the privileges of roles.sql in this
    store (one transaction). Needs a user with CREATEROLE who owns the store's objects."""
    try:
        with conn.cursor() as cur:
            cur.execute(ROLES_SQL.read_text(encoding="utf-8"))
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise RoleError(tr("roles not set up: {error} (run as the store owner with the CREATEROLE privilege)").format(
            error=primary_message(exc))) from exc


def scram_verifier(password: str, salt: bytes | None = None, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for *password*
    (``SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>``)."""
    if not password:
        raise RoleError(tr("the password is empty"))
    salt = salt or os.urandom(16)
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")  # SASLprep, close enough for passwords
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations, 32)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def save_user(conn, login: str, roles: list[str], name: str, department: str | None = None,
              password: str | None = None) -> UserInfo:
    """Create or change the login *login*: exactly *roles* (short names), the display *name*
    and, for a department handler, its *department* (required then). Other logins are never
    touched; group roles outside CityGrid's are left as they are. One transaction.

    Run by the store owner (or any login with CREATEROLE) it creates and grants directly; run by an
    administrator's login (citygrid_admin, no CREATEROLE) it goes through ``citygrid.staff_save``,
    which does the same as the store owner and refuses roles CityGrid did not make."""
    login = (login or "").strip()
    if not _LOGIN.match(login) or login.startswith(("pg_", "citygrid_")):
        raise RoleError(tr("login '{login}' must be lower-case letters, digits and _ (at most 63, not starting "
                           "with pg_ or citygrid_)").format(login=login))
    wanted = [group(r) for r in dict.fromkeys(roles)]
    if not wanted:
        raise RoleError(tr("give the user at least one role"))
    if "department" in roles and not department:
        raise RoleError(tr("a department handler needs a department (its code)"))
    if not (name or "").strip():
        raise RoleError(tr("give the user a display name"))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user")
            if not cur.fetchone()[0]:
                # an administrator's login: through the store's function (it creates and grants as the
                # store owner, and only CityGrid staff logins); the password as a verifier only
                if department:
                    cur.execute("SELECT 1 FROM citygrid.department WHERE code = %s AND active", (department,))
                    if cur.fetchone() is None:
                        raise RoleError(tr("there is no active department '{code}'").format(code=department))
                cur.execute("SELECT citygrid.staff_save(%s, %s, %s, %s, %s)",
                            (login, list(dict.fromkeys(roles)), name.strip(), department or None,
                             scram_verifier(password) if password else None))
                conn.commit()
                return UserInfo(login, name.strip(), department or None, tuple(dict.fromkeys(roles)))
            cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", (login,))
            row = cur.fetchone()
            if row and row[0]:
                raise RoleError(tr("'{login}' is a superuser; CityGrid does not manage superusers").format(
                    login=login))
            missing = [g for g in wanted if not _role_exists(cur, g)]
            if missing:
                raise RoleError(tr("the CityGrid roles are not set up in this server (missing {roles}); run "
                                   "“Set up store roles” first").format(roles=", ".join(missing)))
            if department:
                cur.execute("SELECT 1 FROM citygrid.department WHERE code = %s AND active", (department,))
                if cur.fetchone() is None:
                    raise RoleError(tr("there is no active department '{code}'").format(code=department))
            ident = sql.Identifier(login)
            if row is None:
                cur.execute(sql.SQL("CREATE ROLE {} LOGIN").format(ident))
            if password:
                cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(scram_verifier(password))))
            for g in (group(r) for r in ROLES):
                if g in wanted:
                    cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(g), ident))
                else:
                    cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(g), ident))
            cur.execute("""INSERT INTO citygrid.staff (login, name, department_code) VALUES (%s, %s, %s)
                           ON CONFLICT (login) DO UPDATE SET name = EXCLUDED.name,
                                                             department_code = EXCLUDED.department_code""",
                        (login, name.strip(), department or None))
        conn.commit()
    except psycopg2.Error as exc:
        conn.rollback()
        raise RoleError(tr("user '{login}' not saved: {error}").format(
            login=login, error=primary_message(exc))) from exc
    except RoleError:
        conn.rollback()
        raise
    return UserInfo(login, name.strip(), department or None, tuple(dict.fromkeys(roles)))


def _role_exists(cur, role: str) -> bool:
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    return cur.fetchone() is not None


def login_of(conn) -> str:
    """The logged-in user (session_user). Read-only; ends its transaction."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT session_user")
            return cur.fetchone()[0]
    finally:
        if not conn.closed:
            conn.rollback()


def my_roles(conn) -> tuple[list[str], str | None]:
    """(short role names the logged-in user holds, their department code). A superuser holds
    every role. Read-only; ends its transaction."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
            row = cur.fetchone()
            if row and row[0]:
                return list(ROLES), None
            cur.execute("""SELECT substr(r.rolname, 10) FROM pg_roles r
                            WHERE r.rolname LIKE 'citygrid\\_%%' AND pg_has_role(session_user, r.oid, 'MEMBER')
                            ORDER BY 1""")
            held = [r[0] for r in cur.fetchall() if r[0] in ROLES]
            department = None
            cur.execute("SELECT to_regclass('citygrid.staff') IS NOT NULL")
            if cur.fetchone()[0]:
                cur.execute("SELECT citygrid.my_department()")
                department = cur.fetchone()[0]
    finally:
        if not conn.closed:
            conn.rollback()
    return [r for r in ROLES if r in held], department


def users(conn) -> list[UserInfo]:
    """The store's staff with their CityGrid roles (from the server's memberships)."""
    try:
        with conn.cursor() as cur:
            cur.execute("""SELECT s.login, s.name, s.department_code,
                                  ARRAY(SELECT substr(g.rolname, 10) FROM pg_roles g JOIN pg_auth_members m
                                           ON m.roleid = g.oid JOIN pg_roles u ON u.oid = m.member
                                         WHERE u.rolname = s.login AND g.rolname LIKE 'citygrid\\_%%' ORDER BY 1)
                             FROM citygrid.staff s ORDER BY s.login""")
            rows = cur.fetchall()
    finally:
        if not conn.closed:
            conn.rollback()
    return [UserInfo(login, name, dept, tuple(r for r in ROLES if r in held)) for login, name, dept, held in rows]
