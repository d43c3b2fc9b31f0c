"""Helpers of the fault and bad-input tests: what "nothing changed" means, and how to kill a
backend in the middle of its work."""
from __future__ import annotations

import threading
import time

import psycopg2


def fingerprint(conn) -> dict[str, tuple]:
    """Every table of the store (row count and an MD5 of all its rows) and every sequence of the
    schema (last value): equal fingerprints mean the store holds exactly the same data, serials
    included. Ends its transaction. Left out: citygrid.internal_mode, the one-transaction tokens
    of the store's own writes (a row per backend, not data: migration 012)."""
    out: dict[str, tuple] = {}
    with conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'citygrid' "
                    "AND table_type = 'BASE TABLE' AND table_name <> 'internal_mode' ORDER BY 1")
        for (table,) in cur.fetchall():
            cur.execute(f'SELECT count(*), md5(COALESCE(string_agg(t::text, chr(10) ORDER BY t::text), \'\')) '
                        f'FROM citygrid."{table}" t')
            out[table] = tuple(cur.fetchone())
        cur.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'citygrid' ORDER BY 1")
        for name, value in cur.fetchall():
            out[f"sequence {name}"] = (value,)
    conn.rollback()
    return out


def tables(fp: dict[str, tuple]) -> dict[str, tuple]:
    """The tables of a fingerprint, without the sequences (which killed work advances: a gap)."""
    return {k: v for k, v in fp.items() if not k.startswith("sequence ")}


def waiting_backend(admin, exclude: set[int], seconds: float = 30.0) -> dict | None:
    """The backend of this database that waits on a lock (other than *exclude*), or None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with admin.cursor() as cur:
            cur.execute("""SELECT pid, wait_event_type, wait_event, state, query FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid()
                              AND wait_event_type = 'Lock' AND NOT (pid = ANY(%s))""", (sorted(exclude),))
            row = cur.fetchone()
        admin.rollback()
        if row:
            return dict(zip(("pid", "wait_event_type", "wait_event", "state", "query"), row))
        time.sleep(0.05)
    return None


def terminate(admin, pid: int) -> bool:
    with admin.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
        done = cur.fetchone()[0]
    admin.rollback()
    return done


class Killer(threading.Thread):
    """In the background: wait until a backend of *dsn*'s database waits on a lock (the victim,
    blocked inside its transaction), note what it was doing, and terminate it, as a DBA or a
    crashing server process would. ``victim`` holds what pg_stat_activity showed."""

    def __init__(self, dsn: str, exclude: set[int]) -> None:
        super().__init__(daemon=True)
        self.dsn = dsn
        self.exclude = set(exclude)
        self.victim: dict | None = None
        self.killed = False

    def run(self) -> None:
        admin = psycopg2.connect(self.dsn, application_name="CityGrid fault test")
        try:
            self.victim = waiting_backend(admin, self.exclude)
            if self.victim is not None:
                self.killed = terminate(admin, self.victim["pid"])
        finally:
            admin.close()
