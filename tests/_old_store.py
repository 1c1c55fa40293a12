"""A store as an older aggregator left it, for the migration tests.

:func:`store_at_schema` creates a SQLite file with only the first migrations applied (and
recorded), so that a test can add rows in the old layout and check what opening it with the
current :class:`~aggregator.store.Store` makes of them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aggregator.store.schema import MIGRATIONS, statements


def store_at_schema(path: Path, number: int) -> sqlite3.Connection:
    """A new store at ``path`` with migrations 1..``number`` applied: an open connection, for
    the caller to add rows, commit and close."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for migration, name, sql in MIGRATIONS[:number]:
        for statement in statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, ?, '2026-01-01T00:00:00Z')",
                     (migration, name))
    return conn
