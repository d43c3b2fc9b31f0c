"""Small SQL helpers for tests that log in as real users."""
from __future__ import annotations

import psycopg2
import pytest

PASSWORD = "Chengdu-2026!"


def denied(conn, sql: str, args=(), match: str = "permission denied"):
    """Run *sql* on *conn* and assert the store refuses it with a message matching *match*."""
    with conn.cursor() as cur, pytest.raises(psycopg2.Error, match=match):
        cur.execute(sql, args)
    conn.rollback()


def count(conn, sql: str, args=()) -> int:
    """The first column of the first row of *sql* (a count), the transaction ended."""
    with conn.cursor() as cur:
        cur.execute(sql, args)
        n = cur.fetchone()[0]
    conn.rollback()
    return n


def one(conn, sql: str, args=()):
    """The first row of *sql*, the transaction ended."""
    with conn.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    conn.rollback()
    return row
