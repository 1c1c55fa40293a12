"""Store stage: the SQLite database of records, tags, runs, watermarks and digests.

The only package that imports :mod:`sqlite3` (STYLE.md section 1). :class:`Store` (here: open,
migrate, transactions, status) is assembled from one mixin per group of tables:
:mod:`.records` (records, record_queries), :mod:`.runs` (runs, fetch_progress, watermarks),
:mod:`.ledger` (digests, deliveries, reported_pmids), :mod:`.sources` (files kept whole,
used by the records mixin); :mod:`.rows` holds the values the
record API takes and gives (:func:`prepare`...), :mod:`.schema` the migrations,
:mod:`.values` the conversions of PMIDs, timestamps and JSON, :mod:`.lockfile` the write lock.
Model: sqlite-utils
``Table.upsert_all`` (idempotent by primary key) and ``sqlite_utils/migrations.py`` (numbered,
transactional migrations recorded in a table). Parameters are always bound (``?``).

Example::

    with Store("data/aggregator.sqlite") as store, store.writer("fetch"):
        run = store.start_run("fetch", {"full": False})
        with store.transaction():                 # one efetch batch = one transaction
            counts = store.upsert(parsed_batch, run_id=run, query="trd")
            store.mark_fetched(run, [p.record.pmid for p in parsed_batch])
        store.finish_run(run, "ok", counts={"new": counts.new})

API (PMIDs as ``str``; every method joins the current transaction if one is open):

- open/close: ``Store(path, *, timeout=10.0, now=None)``, context manager, ``close()``,
  ``schema_version()``, ``path``, ``lock_path``, ``conn`` (tests only)
- concurrency: ``writer(owner)`` (inter-process lock), ``transaction()``
- runs: ``start_run(kind, params=None) -> int``, ``finish_run(run_id, status, counts=None,
  error=None)``, ``get_run(id)``, ``last_runs(limit=10)``, ``last_successful_run(kind)``
- resumable fetches: ``plan_fetch(run_id, pmids)``, ``pending_fetch(run_id)``,
  ``mark_fetched(run_id, pmids)``, ``committed_fetch(run_id)``,
  ``resumable_run(kind, statuses=("interrupted",))``,
  ``resume_fetch(from_run, to_run) -> list[str]``
- source files: ``add_source(path) -> int``, ``drop_unused_sources()``
- records: ``upsert(parsed, *, run_id=None, query=None) -> UpsertCounts``,
  ``record_hits(query, pmids, run_id=None)``, ``mark_deleted(pmids)``, ``get(pmid)``,
  ``get_tags(pmid)``, ``pmids()``, ``existing(pmids)``, ``count()``, ``iter_records()``,
  ``iter_raw(pmids=None, *, stale_for_version=None)``,
  ``iter_record_json(*, stale_for_version=None)``, ``save_tags(items, version)``,
  ``iter_tagged() -> Iterator[StoredRecord]``, ``pmids_waiting_for_mesh()``,
  ``pmids_first_seen_since(ts)``
- watermarks: ``get_watermark(key)``, ``set_watermark(key, value)``, ``watermarks()``
- digests: ``save_digest(key, *, period_start, period_end, pmids, html_path=None,
  txt_path=None, eml_path=None)``, ``get_digest(key)``, ``claim_delivery(key, address)``,
  ``record_delivery(key, address, status, error=None)``, ``delivery_status(key, address)``,
  ``deliveries(key)``, ``deliveries_in_doubt()``, ``release_in_doubt(key=None)``,
  ``mark_reported(key, pmids)``, ``reported_pmids()``,
  ``retracted_since_reported()``
- ``status() -> dict``; ``record_json(record)`` / ``tags_json(tags)`` (the stored JSON of a
  record / of its tags)

Connection: WAL journal (readers never block the writer), ``foreign_keys=ON``,
``synchronous=NORMAL`` (durable at each checkpoint; a power cut can lose the last commits but
never corrupts), a busy timeout. Autocommit mode: every transaction is an explicit
``BEGIN IMMEDIATE`` in :meth:`Store.transaction`, so a killed process leaves either all of a
batch or none of it. No state is kept outside the database except the lock file, which
carries no data (its contents only say who holds it).

Tables: see :mod:`.schema` (what each table and column holds, and the migrations).

Timestamps are ISO 8601 UTC strings to the second (``2026-05-09T07:35:25Z``), so they sort
as text. PMIDs are ``str`` in the API and ``INTEGER`` in the database.

Errors: every :class:`sqlite3.Error` surfaces as :class:`StoreError` with the database path
and a plain message; the write lock held elsewhere raises :class:`StoreLockedError`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError, StoreLockedError
from .ledger import DELIVERY_STATUSES, DigestLedger
from .lockfile import FILE_MODE, WriteLock, create_private, release_lock
from .records import BATCH, PAGE, WAITING_FOR_MESH_STATUSES, RecordTable
from .rows import PreparedRecord, StoredRecord, UpsertCounts, prepare, prepare_sourced
from .runs import RUN_STATUSES, RunLog
from .schema import MIGRATIONS, MIN_SQLITE, SCHEMA_VERSION, statements
from .values import _format_ts, record_json, tags_json

__all__ = [
    "BATCH", "DELIVERY_STATUSES", "FILE_MODE", "MEMORY", "MIGRATIONS", "PAGE", "PAGE_SIZE",
    "RUN_STATUSES", "SCHEMA_VERSION", "WAITING_FOR_MESH_STATUSES", "PreparedRecord", "Store",
    "StoreError", "StoreLockedError", "StoredRecord", "UpsertCounts", "prepare",
    "prepare_sourced", "record_json", "tags_json",
]

logger = logging.getLogger(__name__)

MEMORY = ":memory:"
#: SQLite page size of a new store (SQLite's default is 4 KB). A record's row (its JSON, ~2-5
#: KB, and compressed text) fits in one 16 KB page instead of spilling into a chain of
#: overflow pages: importing 20,000 bench records into a fresh table took 0.25 s of CPU
#: instead of 0.39-0.49 s and its commit 0.17 s instead of 0.25 s, for a file as big (108 MB
#: instead of 102; 8 KB pages made it 156 MB). An existing store keeps the size it has.
PAGE_SIZE = 16384


class Store(RecordTable, RunLog, DigestLedger, WriteLock):
    """The aggregator's SQLite database.

    :param path: database file (its directory is created), or ``":memory:"`` for tests.
    :param timeout: seconds to wait for another connection's write transaction.
    :param now: clock returning an aware ``datetime`` (tests inject a fixed one).
    :raises StoreError: the file is not an aggregator store, its schema is newer than this
        code, or it cannot be opened.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        timeout: float = 10.0,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._memory = str(path) == MEMORY
        self.path: str = str(path)
        self.lock_path: Path | None = None if self._memory else Path(f"{path}.lock")
        self._timeout = timeout
        self._now = now or (lambda: datetime.now(UTC))
        self._conn: sqlite3.Connection | None = None
        self._tx_depth = 0
        self._lock_fd: int | None = None
        self._lock_depth = 0
        self._active_runs: set[int] = set()
        if not self._memory:
            db = Path(path)
            try:
                db.parent.mkdir(parents=True, exist_ok=True)
                create_private(db)
            except OSError as exc:
                raise StoreError(f"cannot create store {db}: {exc.strerror or exc}") from exc
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._configure()
            self._migrate()
        except sqlite3.Error as exc:
            self.close()
            raise self._wrap(exc) from exc
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection and release the write lock if held. Idempotent."""
        if self._lock_fd is not None:
            release_lock(self._lock_fd)
            self._lock_fd = None
            self._lock_depth = 0
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def _configure(self) -> None:
        conn = self.conn
        # PRAGMA values cannot be bound; this one is an int we computed.
        conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
        # a new store's page size (an existing one keeps its own): see PAGE_SIZE
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = WAL")  # 'memory' for :memory:, which is fine
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        conn = self.conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "migrations" not in tables:
            raise StoreError(
                f"{self.path} is not an aggregator store "
                f"(it has tables {', '.join(sorted(tables)[:5])} but no migrations table)"
            )
        with self.transaction():
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations ("
                " number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        applied = {r[0] for r in conn.execute("SELECT number FROM migrations")}
        newest = max(applied, default=0)
        if newest > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {newest}, newer than this aggregator "
                f"understands ({SCHEMA_VERSION}): upgrade aggregator"
            )
        for number, name, sql in MIGRATIONS:
            if number in applied:
                continue
            if sqlite3.sqlite_version_info < MIN_SQLITE:
                raise StoreError(
                    f"{self.path}: this Python's SQLite is {sqlite3.sqlite_version}; the store"
                    f" needs {'.'.join(map(str, MIN_SQLITE))} or newer to set up its tables"
                )
            with self.transaction():
                # Another process may have applied it while we waited for BEGIN IMMEDIATE.
                if conn.execute("SELECT 1 FROM migrations WHERE number = ?", (number,)).fetchone():
                    continue
                for statement in statements(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                    (number, name, self._ts()),
                )
            logger.info("store %s: applied migration %d (%s)", self.path, number, name)

    def schema_version(self) -> int:
        """Highest applied migration number."""
        with self._guard():
            row = self.conn.execute("SELECT MAX(number) FROM migrations").fetchone()
        return int(row[0] or 0)

    # -- errors, time ------------------------------------------------------------------------
    def _wrap(self, exc: sqlite3.Error) -> StoreError:
        msg = str(exc)
        low = msg.lower()
        if "file is not a database" in low or "malformed" in low:
            return StoreError(f"{self.path} is not an aggregator store ({msg})")
        if "locked" in low or "busy" in low:
            return StoreError(
                f"{self.path}: database is locked: another process kept it busy for more than "
                f"{self._timeout:g} s"
            )
        if "foreign key" in low:
            return StoreError(f"{self.path}: {msg} (unknown run id or digest key?)")
        if "unable to open" in low:
            return StoreError(f"{self.path}: cannot open the store ({msg})")
        return StoreError(f"{self.path}: {msg}")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc

    def _ts(self) -> str:
        return _format_ts(self._now())

    # -- transactions (the write lock: lockfile.WriteLock) -----------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` on any exception.

        Nested use joins the outer transaction through a SAVEPOINT: an exception rolls back the
        inner block (and, if not caught, the whole transaction); nothing is committed before
        the outermost block ends.

        :raises StoreError: the database stayed locked past the busy timeout, or the commit
            failed.
        """
        conn = self.conn
        if self._tx_depth:
            name = f"aggregator_sp{self._tx_depth}"  # our own identifier, not user data
            with self._guard():
                conn.execute(f"SAVEPOINT {name}")
            self._tx_depth += 1
            try:
                yield
            except BaseException:
                with self._guard():
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            else:
                with self._guard():
                    conn.execute(f"RELEASE {name}")
            finally:
                self._tx_depth -= 1
            return
        with self._guard():
            conn.execute("BEGIN IMMEDIATE")
        self._tx_depth = 1
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:  # SQLite may have rolled back already (disk full...)
                    pass
            if isinstance(exc, sqlite3.Error):
                raise self._wrap(exc) from exc
            raise
        finally:
            self._tx_depth = 0

    # -- status --------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """Summary for ``aggregator status``: ``records`` (not deleted), ``with_mesh``,
        ``retracted``, ``deleted``, ``tagged``, ``untagged``, ``waiting_for_mesh``,
        ``last_fetch`` (finished_at of the last ok fetch or weekly run), ``last_runs``,
        ``deliveries_in_doubt`` (see :meth:`deliveries_in_doubt`),
        ``watermarks``, ``queries`` (records per query), ``kept_files`` (gzipped files kept
        whole: ``files``, ``bytes``, ``records`` pointing into them), ``db_path``,
        ``schema_version``."""
        with self._guard():
            row = self.conn.execute(
                "SELECT COALESCE(SUM(deleted = 0), 0),"
                " COALESCE(SUM(deleted = 0 AND has_mesh = 1), 0),"
                " COALESCE(SUM(deleted = 0 AND retracted = 1), 0),"
                " COALESCE(SUM(deleted = 1), 0),"
                " (SELECT COUNT(*) FROM record_tags t JOIN records r ON r.pmid = t.pmid"
                "  WHERE r.deleted = 0)"
                " FROM records"
            ).fetchone()
            last = self.conn.execute(
                "SELECT finished_at FROM runs WHERE status = 'ok' AND kind IN ('fetch', 'weekly')"
                " ORDER BY id DESC LIMIT 1"
            ).fetchone()
            queries = dict(
                self.conn.execute(
                    "SELECT q.query, COUNT(*) FROM record_queries q"
                    " JOIN records r ON r.pmid = q.pmid AND r.deleted = 0"
                    " GROUP BY q.query ORDER BY q.query"
                )
            )
            kept = self.conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(size), 0),"
                " (SELECT COUNT(*) FROM records WHERE raw_source IS NOT NULL) FROM sources"
            ).fetchone()
        return {
            "records": row[0],
            "with_mesh": row[1],
            "retracted": row[2],
            "deleted": row[3],
            "tagged": row[4],
            "untagged": row[0] - row[4],
            "waiting_for_mesh": len(self.pmids_waiting_for_mesh()),
            "deliveries_in_doubt": self.deliveries_in_doubt(),
            "last_fetch": last[0] if last else None,
            "last_runs": self.last_runs(5),
            "watermarks": self.watermarks(),
            "queries": queries,
            "kept_files": {"files": kept[0], "bytes": kept[1], "records": kept[2]},
            "db_path": self.path,
            "schema_version": self.schema_version(),
        }
