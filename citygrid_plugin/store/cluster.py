"""The private PostgreSQL + PostGIS cluster: the embedded default store for the demo and tests.

When no shared server is configured, CityGrid runs its own cluster in a project-local folder
(``.citygrid/pg`` next to the checkout, or ``$CITYGRID_HOME/pg``): created with ``initdb``,
listening on a Unix socket in that folder and on 127.0.0.1 only. Authentication:

* the cluster's owner role (``citygrid``, a superuser) only over the Unix socket, by ``peer``
  authentication mapped to the one operating-system account that runs CityGrid (the account that
  created the cluster); the socket's folder is readable by the server's account alone (mode 0700),
  so other local accounts cannot even reach it (root can, and is that account when it runs the tools);
* every other role (the store's staff) with its SCRAM password, on the socket or on 127.0.0.1;
* nothing is trusted: no ``trust`` line, and the owner has no password, so it cannot log in over TCP.

It is a developer and demo store; a city's shared server is configured with a QGIS connection or
a pg_service name instead.

PostgreSQL refuses to run as root, so when root calls this module the server runs as the
``postgres`` system user (created by Debian's postgresql package) and the folder is owned by
it. The port is derived from the folder path (two checkouts on one machine don't collide),
or taken from ``$CITYGRID_PGPORT``.
"""
from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql

DEFAULT_USER = "citygrid"
DEFAULT_DBNAME = "citygrid"


class ClusterError(RuntimeError):
    """The private cluster could not be created, started or stopped."""


def _pg_bindir() -> Path:
    """Directory of the PostgreSQL server binaries (initdb, pg_ctl, postgres)."""
    env = os.environ.get("CITYGRID_PG_BINDIR")
    if env:
        return Path(env)
    for version in ("17", "16", "15"):
        candidate = Path(f"/usr/lib/postgresql/{version}/bin")
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise ClusterError(
        "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH). "
        "Run `make setup` (installs postgresql-15-postgis-3) or set CITYGRID_PG_BINDIR."
    )


def default_home() -> Path:
    """Project-local state folder: ``$CITYGRID_HOME`` or ``<checkout>/.citygrid``."""
    env = os.environ.get("CITYGRID_HOME")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2] / ".citygrid"


def _reachable_by_postgres(root: Path) -> bool:
    """Can the postgres system user traverse every existing parent of *root*?"""
    try:
        pg = pwd.getpwnam("postgres")
    except KeyError:
        return True  # _run_as() reports the missing user
    path = root
    while not path.exists():
        path = path.parent
    for folder in [path, *path.parents]:
        st = folder.stat()
        if st.st_uid == pg.pw_uid:
            ok = st.st_mode & 0o100
        elif st.st_gid == pg.pw_gid:
            ok = st.st_mode & 0o010
        else:
            ok = st.st_mode & 0o001
        if not ok:
            return False
    return True


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def _port_for(path: Path) -> int:
    digest = hashlib.sha1(str(path).encode(), usedforsecurity=False).digest()
    return 54400 + int.from_bytes(digest[:2], "big") % 500


@dataclass
class PrivateCluster:
    """A PostgreSQL cluster in ``root`` (data/, run/ for the socket, postgres.log)."""

    root: Path
    port: int
    user: str = DEFAULT_USER

    @classmethod
    def default(cls) -> PrivateCluster:
        root = default_home() / "pg"
        derived = _port_for(root)
        if os.geteuid() == 0 and not _reachable_by_postgres(root):
            # e.g. a checkout under /root (mode 700): the server user cannot reach it, so the
            # cluster lives in /var/tmp under a name derived from the checkout instead
            tag = hashlib.sha1(str(root).encode(), usedforsecurity=False).hexdigest()[:10]
            root = Path("/var/tmp") / f"citygrid-{tag}" / "pg"  # nosec B108 - the postgres user must reach it
        port_file = root / "port"
        if os.environ.get("CITYGRID_PGPORT"):
            port = int(os.environ["CITYGRID_PGPORT"])
        elif port_file.exists():
            port = int(port_file.read_text().strip())
        else:
            port = derived
        return cls(root=root, port=port)

    # -- paths -------------------------------------------------------------------------
    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def sockdir(self) -> Path:
        return self.root / "run"

    @property
    def logfile(self) -> Path:
        return self.root / "postgres.log"

    def dsn(self, dbname: str = DEFAULT_DBNAME) -> str:
        """libpq connection string of the owner over the Unix socket (peer authentication)."""
        return f"host={self.sockdir} port={self.port} user={self.user} dbname={dbname}"

    def client_params(self, dbname: str = DEFAULT_DBNAME) -> dict[str, str]:
        """The owner's connection as written into QGIS projects and connections: the Unix socket's
        folder as host (libpq and QGIS take a folder for a host), no password."""
        return {"host": str(self.sockdir), "port": str(self.port), "user": self.user, "dbname": dbname}

    def os_user(self) -> str:
        """The operating-system account that may log in as the owner (peer authentication): the
        one running CityGrid now. A cluster is used by the account that created it."""
        return pwd.getpwuid(os.geteuid()).pw_name

    # -- running commands as the right OS user ------------------------------------------
    def _run_as(self) -> str | None:
        """OS user the server runs as: ``postgres`` when we are root, else ourselves."""
        if os.geteuid() != 0:
            return None
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise ClusterError(
                "running as root, but there is no 'postgres' system user to run the server as; "
                "install postgresql-15 (make setup) or run as a normal user"
            ) from exc
        return "postgres"

    def _cmd(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        user = self._run_as()
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"  # not on a user's PATH everywhere
        full = ([runuser, "-u", user, "--"] if user else []) + args
        proc = subprocess.run(full, capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise ClusterError(
                f"{' '.join(args[:2])} failed (exit {proc.returncode}): "
                f"{(proc.stderr or proc.stdout).strip()[-2000:]}\nlog: {self.logfile}"
            )
        return proc

    # -- lifecycle ---------------------------------------------------------------------
    def is_initialised(self) -> bool:
        return (self.datadir / "PG_VERSION").exists()

    def init(self) -> bool:
        """Create the cluster if absent; return True when it was created now."""
        if self.is_initialised():
            return False
        bindir = _pg_bindir()
        self.sockdir.mkdir(parents=True, exist_ok=True)
        self.datadir.mkdir(parents=True, exist_ok=True)
        user = self._run_as()
        if user:
            self._check_reachable(user)
            shutil.chown(self.root, user)
            for path in (self.datadir, self.sockdir):
                shutil.chown(path, user)
        os.chmod(self.datadir, 0o700)
        self._cmd([str(bindir / "initdb"), "-D", str(self.datadir), "-U", self.user,
                   "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
                   "--no-instructions"])
        conf = self.datadir / "postgresql.conf"
        with open(conf, "a", encoding="utf-8") as fh:
            fh.write(
                "\n# CityGrid private cluster: loopback and a Unix socket only\n"
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.port}\n"
                f"unix_socket_directories = '{self.sockdir}'\n"
                "unix_socket_permissions = 0700\n"
                "max_connections = 100\n"
                "shared_buffers = 256MB\n"
                "log_min_messages = warning\n"
                "timezone = 'Asia/Shanghai'\n"
            )
        self._ensure_replication_conf()
        self._secure()
        return True

    # what city and district platforms need (logical replication, store/platform.py): a city of ten
    # districts holds ten subscriptions (a worker each, plus one while a table is first copied),
    # and a district one slot for the city; WAL kept for a subscriber that is away is capped, so
    # a district offline for weeks cannot fill the city's disk (README, "City and district platforms")
    REPLICATION_CONF = {
        "wal_level": "logical",
        "max_replication_slots": "32",
        "max_wal_senders": "32",
        "max_logical_replication_workers": "24",
        "max_worker_processes": "32",
        "max_slot_wal_keep_size": "'20GB'",
        "wal_sender_timeout": "'30s'",
        "wal_receiver_timeout": "'30s'",
        "wal_retrieve_retry_interval": "'1s'",
    }

    def _ensure_replication_conf(self) -> bool:
        """Append the replication settings a cluster made by an older CityGrid lacks; True when the
        file changed (they take effect at the next start)."""
        conf = self.datadir / "postgresql.conf"
        text = conf.read_text(encoding="utf-8")
        missing = [k for k in self.REPLICATION_CONF if f"\n{k} = " not in text]
        if not missing:
            return False
        with open(conf, "a", encoding="utf-8") as fh:
            fh.write("\n# CityGrid: logical replication between city and district platforms\n")
            for key in missing:
                fh.write(f"{key} = {self.REPLICATION_CONF[key]}\n")
        return True

    def hba(self) -> str:
        """pg_hba.conf: only this machine, nothing trusted. The owner (the demo, the tests, the CLI)
        only on the Unix socket by peer authentication of the account in pg_ident.conf; every
        other user (store staff, the role tests) with a SCRAM password."""
        return ("# CityGrid private cluster: only this machine can connect, nothing is trusted.\n"
                "# The owner only on the Unix socket, as the operating-system account in pg_ident.conf;\n"
                "# everybody else (store users) with a password.\n"
                f"local all {self.user} peer map=citygrid\n"
                f"local all {self.user} reject\n"
                f"host  all {self.user} all reject\n"
                "local all all scram-sha-256\n"
                "host  all all 127.0.0.1/32 scram-sha-256\n")

    def ident(self) -> str:
        """pg_ident.conf: the one operating-system account that logs in as the owner."""
        return ("# CityGrid private cluster: operating-system account -> database role\n"
                f"citygrid {self.os_user()} {self.user}\n")

    def _secure(self) -> bool:
        """Write pg_hba.conf and pg_ident.conf where they differ (a cluster made by an older
        CityGrid trusted its owner) and close the cluster's folders to other accounts; True when
        a file changed (the server must reload)."""
        changed = False
        user = self._run_as()
        for name, text in (("pg_hba.conf", self.hba()), ("pg_ident.conf", self.ident())):
            path = self.datadir / name
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            path.write_text(text, encoding="utf-8")
            os.chmod(path, 0o600)
            if user:
                shutil.chown(path, user)
            changed = True
        for folder in (self.root, self.sockdir):
            if folder.exists() and folder.stat().st_mode & 0o077:
                os.chmod(folder, 0o700)
        return changed

    def _check_reachable(self, user: str) -> None:
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        proc = subprocess.run([runuser, "-u", user, "--", "test", "-x", str(self.root.parent)])
        if proc.returncode != 0:
            raise ClusterError(
                f"the server runs as '{user}', which cannot reach {self.root.parent} "
                "(a parent folder is not traversable); set CITYGRID_HOME to a folder it can reach, "
                "e.g. CITYGRID_HOME=/var/tmp/citygrid"
            )

    def is_running(self) -> bool:
        if not self.is_initialised():
            return False
        proc = self._cmd([str(_pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "status"], check=False)
        return proc.returncode == 0

    def up(self) -> bool:
        """Create (if needed) and start the cluster; return True if it was started now.

        If the cluster's port is taken by another program (another checkout's cluster, a
        system PostgreSQL…), the next free port is used and remembered in ``<root>/port``."""
        self.init()
        changed = self._secure()
        self._ensure_replication_conf()  # read at the next start (`./citygrid db down` then `up`)
        if self.is_running():
            if changed:
                self._cmd([str(_pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "reload"])
            return False
        if not os.environ.get("CITYGRID_PGPORT") and _port_in_use(self.port):
            port = self.port + 1
            while _port_in_use(port):
                port += 1
            self.port = port
        (self.root / "port").write_text(f"{self.port}\n", encoding="utf-8")
        pidfile = self.datadir / "postmaster.pid"
        if pidfile.exists():  # stale after a crash or a machine restart
            pidfile.unlink()
        self._cmd([str(_pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.logfile),
                   "-w", "-t", "60", "-o", f"-p {self.port}", "start"])
        self._wait_ready()
        return True

    def _wait_ready(self, timeout: float = 30.0) -> None:
        isready = _pg_bindir() / "pg_isready"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc = subprocess.run([str(isready), "-h", str(self.sockdir), "-p", str(self.port)],
                                  capture_output=True)
            if proc.returncode == 0:
                return
            time.sleep(0.2)
        raise ClusterError(f"the private cluster did not accept connections within {timeout:.0f} s; "
                           f"see {self.logfile}")

    def down(self) -> bool:
        """Stop the cluster (fast shutdown); return True if it was running."""
        if not self.is_running():
            return False
        self._cmd([str(_pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "-w", "-m", "fast", "stop"])
        return True

    def restart(self) -> None:
        """Restart the server as an administrator or a failover would: a fast shutdown (every
        session is terminated, open transactions roll back), then start again on the same port
        and wait until it accepts connections. A stopped cluster is simply started."""
        if not self.is_running():
            self.up()
            return
        self._cmd([str(_pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.logfile), "-w",
                   "-t", "60", "-m", "fast", "-o", f"-p {self.port}", "restart"])
        self._wait_ready()

    def ensure_database(self, dbname: str = DEFAULT_DBNAME) -> bool:
        """Create database *dbname* if missing; return True when created."""
        conn = psycopg2.connect(self.dsn("postgres"))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
                if cur.fetchone():
                    return False
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
            return True
        finally:
            conn.close()

    def drop_database(self, dbname: str) -> None:
        """Drop database *dbname* with what would keep it (sessions, and a city or district
        platform's subscriptions and replication slots: PostgreSQL refuses to drop a database
        holding either). A dropped district leaves the city's subscription to it failing until
        the city unlinks it; this is the private cluster of the demo and the tests."""
        conn = psycopg2.connect(self.dsn("postgres"))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
                if not cur.fetchone():
                    return
                cur.execute("SELECT s.subname FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid "
                            "WHERE d.datname = %s", (dbname,))
                subscriptions = [r[0] for r in cur.fetchall()]
            if subscriptions:
                inner = psycopg2.connect(self.dsn(dbname))
                try:
                    inner.autocommit = True
                    with inner.cursor() as cur:
                        for name in subscriptions:
                            ident = sql.Identifier(name)
                            cur.execute(sql.SQL("ALTER SUBSCRIPTION {} DISABLE").format(ident))
                            cur.execute(sql.SQL("ALTER SUBSCRIPTION {} SET (slot_name = NONE)").format(ident))
                            # pointed nowhere, so DROP never waits on its publisher (store/platform.py)
                            cur.execute(sql.SQL("ALTER SUBSCRIPTION {} CONNECTION {}").format(
                                ident, sql.Literal("host=/nonexistent/citygrid dbname=none connect_timeout=1")))
                            cur.execute(sql.SQL("DROP SUBSCRIPTION {}").format(ident))
                finally:
                    inner.close()
            with conn.cursor() as cur:
                deadline = time.monotonic() + 20
                while True:
                    cur.execute("SELECT slot_name, active_pid FROM pg_replication_slots WHERE database = %s",
                                (dbname,))
                    slots = cur.fetchall()
                    if not slots:
                        break
                    for name, pid in slots:
                        if pid is None:
                            cur.execute("SELECT pg_drop_replication_slot(%s)", (name,))
                        else:
                            cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
                    if time.monotonic() > deadline:
                        raise ClusterError(f"replication slots of {dbname} stay in use: {slots}")
                    time.sleep(0.1)
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        finally:
            conn.close()
