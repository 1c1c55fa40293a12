"""Store stage: the SQLite database of records, tags, runs, watermarks and digests.

The only module that imports :mod:`sqlite3` (STYLE.md section 1). Model: sqlite-utils
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
  ``deliveries(key)``, ``mark_reported(key, pmids)``, ``reported_pmids()``,
  ``retracted_since_reported()``
- ``status() -> dict``; ``record_json(record)`` / ``tags_json(tags)`` (the stored JSON of a
  record / of its tags)

Connection: WAL journal (readers never block the writer), ``foreign_keys=ON``,
``synchronous=NORMAL`` (durable at each checkpoint; a power cut can lose the last commits but
never corrupts), a busy timeout. Autocommit mode: every transaction is an explicit
``BEGIN IMMEDIATE`` in :meth:`Store.transaction`, so a killed process leaves either all of a
batch or none of it. No state is kept outside the database except the lock file, which
carries no data (its contents only say who holds it).

Tables (schema version = highest ``migrations.number``):

``migrations``
    number, name, applied_at: one row per applied migration (:data:`MIGRATIONS`).
``records``
    One row per PMID (``INTEGER PRIMARY KEY``). ``data`` is the compact JSON of
    :meth:`Record.to_dict`; ``raw`` the record's original XML or MEDLINE text, compressed
    (``Parsed.raw_z`` stored as given, zlib; or zstd from a bulk import through
    :func:`prepare`; read either with :func:`aggregator.models.decompress_raw`); ``format`` ``xml`` | ``medline``; ``content_hash`` the
    SHA-1 of ``data`` (a re-fetched record is "changed" when it differs). Denormalised for
    queries: ``kind``, ``has_mesh``, ``retracted``, ``pub_year``, ``citation_status``.
    Bookkeeping: ``first_seen``/``first_seen_run``, ``last_changed``/``last_changed_run``,
    ``last_seen``/``last_seen_run``; ``deleted`` (+ ``deleted_at``) marks PubMed's
    ``DeleteCitation`` (rows are never dropped). ``tags`` is the JSON of
    :meth:`Tags.to_dict`, NULL when untagged or when the record changed since tagging;
    ``tags_version`` the vocabulary version the tags were made with; ``tagged_at``.
``record_queries``
    (pmid, query) with ``first_run``/``first_seen``: which indication query found a record.
    No foreign key to ``records``: hits may be recorded from esearch before the record is
    fetched; readers join on pmid.
``runs``
    id (never reused), kind (``fetch``, ``import``, ``weekly``, ``retag``...), started_at,
    finished_at, status (``running``, ``ok``, ``failed``, ``offline``, ``interrupted``),
    params and counts (JSON), error, pid and host of the process. A ``running`` row whose
    process died is turned into ``interrupted`` when the next writer takes the lock or the next
    run starts (while nobody holds the lock).
``watermarks``
    key, value, updated_at: e.g. the last ``[crdt]`` date fetched per query.
``fetch_progress``
    (run_id, pmid, fetched): a run's planned efetch ids and which were committed, so the
    successor of a killed run fetches only the rest (:meth:`Store.resumable_run`).
``digests``
    id, key (``2026-W48``, unique), period_start, period_end, created_at, pmids (JSON list),
    html_path, txt_path, eml_path.
``deliveries``
    One row per (digest_key, address), UNIQUE: status (``pending``, ``sending``, ``sent``,
    ``failed``), attempts, last_error, sent_at, updated_at. ``sent`` is final: a digest is
    never sent twice to one address.
``reported_pmids``
    (pmid, digest_key, reported_at, was_retracted): what readers have already seen, so the
    next digest skips it and can call out later retractions.

Timestamps are ISO 8601 UTC strings to the second (``2026-05-09T07:35:25Z``), so they sort
as text. PMIDs are ``str`` in the API and ``INTEGER`` in the database.

Errors: every :class:`sqlite3.Error` surfaces as :class:`StoreError` with the database path
and a plain message; the write lock held elsewhere raises :class:`StoreLockedError`.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import UTC, date, datetime
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple, Self, TypeVar

import orjson

from .errors import StoreError, StoreLockedError
from .models import Parsed, Record, Tags, compress_raw

logger = logging.getLogger(__name__)

MEMORY = ":memory:"
#: mode of the database and lock files the store creates, whatever the umask
FILE_MODE = 0o600
RUN_STATUSES = ("running", "ok", "failed", "offline", "interrupted")
DELIVERY_STATUSES = ("pending", "sending", "sent", "failed")
#: MedlineCitation/@Status values after which NLM still adds MeSH. ``PubMed-not-MEDLINE``
#: records are never indexed, and ``MEDLINE``/``OLDMEDLINE``/``Completed`` are final.
#: NULL (unknown, e.g. a MEDLINE export without STAT) counts as waiting.
WAITING_FOR_MESH_STATUSES = ("In-Process", "In-Data-Review", "Publisher")
#: rows per executemany / IN (...) list; under SQLite's oldest 999-variable limit
BATCH = 500
#: rows per page of the iterators (keyset pagination, see :meth:`Store._pages`)
PAGE = 1000
_SEP = "\x1f"  # GROUP_CONCAT separator for query names: cannot occur in a TOML key

_T = TypeVar("_T")

#: (number, name, sql): applied in order, each in its own transaction. Append, never edit.
#: One statement per ``;``-terminated chunk (split by :func:`sqlite3.complete_statement`).
MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "records, runs, watermarks, fetch progress",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'ok', 'failed', 'offline', 'interrupted')),
            params TEXT,
            counts TEXT,
            error TEXT,
            pid INTEGER,
            host TEXT
        );
        CREATE INDEX runs_kind_status ON runs (kind, status);
        CREATE TABLE records (
            pmid INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'article',
            data TEXT NOT NULL,
            raw BLOB NOT NULL,
            format TEXT NOT NULL CHECK (format IN ('xml', 'medline')),
            content_hash TEXT NOT NULL,
            has_mesh INTEGER NOT NULL DEFAULT 0,
            retracted INTEGER NOT NULL DEFAULT 0,
            pub_year INTEGER,
            citation_status TEXT,
            first_seen TEXT NOT NULL,
            first_seen_run INTEGER REFERENCES runs (id),
            last_changed TEXT NOT NULL,
            last_changed_run INTEGER REFERENCES runs (id),
            last_seen TEXT NOT NULL,
            last_seen_run INTEGER REFERENCES runs (id),
            deleted INTEGER NOT NULL DEFAULT 0,
            deleted_at TEXT,
            tags TEXT,
            tags_version TEXT,
            tagged_at TEXT
        );
        CREATE INDEX records_first_seen ON records (first_seen);
        CREATE INDEX records_no_mesh ON records (pmid) WHERE has_mesh = 0 AND deleted = 0;
        CREATE TABLE record_queries (
            pmid INTEGER NOT NULL,
            query TEXT NOT NULL,
            first_run INTEGER REFERENCES runs (id),
            first_seen TEXT NOT NULL,
            PRIMARY KEY (pmid, query)
        ) WITHOUT ROWID;
        CREATE INDEX record_queries_query ON record_queries (query);
        CREATE TABLE watermarks (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE fetch_progress (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            pmid INTEGER NOT NULL,
            fetched INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (run_id, pmid)
        ) WITHOUT ROWID;
        """,
    ),
    (
        2,
        "digests, deliveries, reported pmids",
        """
        CREATE TABLE digests (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            period_start TEXT,
            period_end TEXT,
            created_at TEXT NOT NULL,
            pmids TEXT NOT NULL DEFAULT '[]',
            html_path TEXT,
            txt_path TEXT,
            eml_path TEXT
        );
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            digest_key TEXT NOT NULL REFERENCES digests (key),
            address TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            sent_at TEXT,
            updated_at TEXT NOT NULL,
            UNIQUE (digest_key, address)
        );
        CREATE TABLE reported_pmids (
            pmid INTEGER NOT NULL,
            digest_key TEXT NOT NULL REFERENCES digests (key),
            reported_at TEXT NOT NULL,
            was_retracted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (pmid, digest_key)
        ) WITHOUT ROWID;
        """,
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


class PreparedRecord(NamedTuple):
    """A record already serialised for :meth:`Store.upsert` (see :func:`prepare`): what a
    :class:`Parsed` becomes in ``upsert``, computed beforehand, e.g. in a parser's worker
    process, so that only these compact values cross the process boundary."""

    pmid: str
    kind: str
    data: str  # record_json(record)
    raw_z: bytes
    format: str
    content_hash: str  # SHA-1 of data
    has_mesh: int
    retracted: int
    pub_year: int | None
    citation_status: str | None


def prepare(record: Record, raw: bytes, format: str) -> PreparedRecord:
    """The row :meth:`Store.upsert` would store for ``record`` (``raw``: its original text,
    uncompressed; compressed here with :func:`aggregator.models.compress_raw`). Pure and
    picklable by name: ``parse.iter_file(path, workers=2, rows=prepare)`` runs it in the
    parser's workers."""
    data = record_json(record)
    return PreparedRecord(
        record.pmid, record.kind, data, compress_raw(raw), format,
        hashlib.sha1(data.encode("utf-8")).hexdigest(), int(record.has_mesh),
        int(record.retracted), record.pub_year, record.citation_status,
    )  # fmt: skip


def _prepared(item: Parsed | PreparedRecord) -> PreparedRecord:
    if isinstance(item, PreparedRecord):
        return item
    rec = item.record
    data = record_json(rec)
    return PreparedRecord(
        rec.pmid, rec.kind, data, item.raw_z, item.format,
        hashlib.sha1(data.encode("utf-8")).hexdigest(), int(rec.has_mesh), int(rec.retracted),
        rec.pub_year, rec.citation_status,
    )  # fmt: skip


class UpsertCounts(NamedTuple):
    """What :meth:`Store.upsert` did: PMIDs new to the store, changed, seen again unchanged."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged

    def merge(self, other: UpsertCounts) -> UpsertCounts:
        """The sum of two counts (``+`` on a tuple concatenates, hence a method)."""
        return UpsertCounts(
            self.new + other.new, self.changed + other.changed, self.unchanged + other.unchanged
        )


@dataclass(slots=True)
class StoredRecord:
    """A record with its tags and bookkeeping, as :meth:`Store.iter_tagged` yields it.

    ``tags`` is None when the record is untagged or changed since tagging; ``queries`` are the
    names of the indication queries that found it, sorted.
    """

    record: Record
    tags: Tags | None
    first_seen: str
    last_changed: str
    queries: list[str] = field(default_factory=list)
    tags_version: str | None = None
    deleted: bool = False


class Store:
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
                _create_private(db)
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
            _release_lock(self._lock_fd)
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
            with self.transaction():
                # Another process may have applied it while we waited for BEGIN IMMEDIATE.
                if conn.execute("SELECT 1 FROM migrations WHERE number = ?", (number,)).fetchone():
                    continue
                for statement in _statements(sql):
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

    # -- locking and transactions ------------------------------------------------------------
    @contextmanager
    def writer(self, owner: str) -> Iterator[None]:
        """Hold the store's exclusive write lock (``<db>.lock``) for a run.

        ``fcntl.flock``, non-blocking: the OS drops it when the process ends, even on
        ``kill -9``, so a stale lock cannot outlive its holder. The holder's pid, owner, host
        and start time are written into the lock file for the message of the next comer. On
        taking the lock, runs left ``running`` by a dead process become ``interrupted``.
        Re-entrant within one Store; ``:memory:`` stores take no file lock.

        :param owner: what is writing (``fetch``, ``import``...), shown to the second process.
        :raises StoreLockedError: another process (or another Store) holds the lock.
        """
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        fd = None if self.lock_path is None else self._acquire_lock(owner)
        self._lock_fd, self._lock_depth = fd, 1
        try:
            self._reap_interrupted()
            yield
        finally:
            self._lock_fd, self._lock_depth = None, 0
            if fd is not None:
                _release_lock(fd)

    def _acquire_lock(self, owner: str) -> int:
        assert self.lock_path is not None
        try:
            fd = _open_private(self.lock_path)
        except OSError as exc:
            raise StoreError(f"cannot open lock file {self.lock_path}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _read_holder(fd)
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StoreError(f"cannot lock {self.lock_path}: {exc.strerror}") from exc
            raise _locked_error(self.lock_path, holder) from None
        info = {
            "pid": os.getpid(),
            "owner": owner,
            "host": socket.gethostname(),
            "started_at": self._ts(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        return fd

    def _lock_is_free(self) -> bool:
        """True when no process holds the write lock (probed, not kept)."""
        if self.lock_path is None or self._lock_depth:
            return True
        try:
            fd = _open_private(self.lock_path)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        finally:
            os.close(fd)  # closing releases the probe's lock
        return True

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

    # -- runs ----------------------------------------------------------------------------------
    def _reap_interrupted(self) -> int:
        """Mark ``running`` runs of dead processes ``interrupted``. Call only when no other
        process can be running one: with the lock held by us, or free."""
        now = self._ts()
        active = sorted(self._active_runs)
        marks = ",".join("?" * len(active))
        sql = (
            "UPDATE runs SET status = 'interrupted', error = COALESCE(error, ?)"
            " WHERE status = 'running'"
        )
        if active:
            sql += f" AND id NOT IN ({marks})"
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                sql, (f"the process ended without finishing the run (noticed {now})", *active)
            )
        if cur.rowcount:
            logger.warning("store %s: %d interrupted run(s) found", self.path, cur.rowcount)
        return cur.rowcount

    def _reap_if_safe(self) -> None:
        if self._lock_is_free():
            self._reap_interrupted()

    def start_run(self, kind: str, params: Mapping[str, Any] | None = None) -> int:
        """Record a run as ``running`` and return its id.

        Runs left ``running`` by a killed process are first marked ``interrupted`` (unless
        another process holds the write lock: then they may be alive).
        """
        self._reap_if_safe()
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (kind, started_at, status, params, pid, host)"
                " VALUES (?, ?, 'running', ?, ?, ?)",
                (kind, self._ts(), _dumps(params or {}), os.getpid(), socket.gethostname()),
            )
        run_id = int(cur.lastrowid or 0)
        self._active_runs.add(run_id)
        return run_id

    def finish_run(
        self,
        run_id: int,
        status: str,
        counts: Mapping[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        """Close a run with ``ok``, ``failed``, ``offline`` or ``interrupted``.

        An ``ok`` run's fetch plan is dropped (nothing is left to resume). ``error`` is stored
        as given: redact secrets before passing it.

        :raises StoreError: unknown run or status.
        """
        if status not in RUN_STATUSES or status == "running":
            raise StoreError(f"invalid run status {status!r} (expected ok, failed, offline...)")
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "UPDATE runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?",
                (status, self._ts(), _dumps(counts) if counts is not None else None, error, run_id),
            )
            if cur.rowcount == 0:
                raise StoreError(f"{self.path}: no run with id {run_id}")
            if status == "ok":
                self.conn.execute("DELETE FROM fetch_progress WHERE run_id = ?", (run_id,))
        self._active_runs.discard(run_id)

    _RUN_COLUMNS = "id, kind, started_at, finished_at, status, params, counts, error, pid, host"

    def _run_dict(self, row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
        keys = [c.strip() for c in self._RUN_COLUMNS.split(",")]
        d = dict(zip(keys, row))
        for key in ("params", "counts"):
            d[key] = json.loads(d[key]) if d[key] else None
        return d

    def last_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The latest runs, newest first, as dicts (``params``/``counts`` decoded)."""
        with self._guard():
            rows = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [self._run_dict(r) for r in rows]

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """One run as a dict, or None."""
        with self._guard():
            row = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        return self._run_dict(row) if row else None

    def last_successful_run(self, kind: str) -> dict[str, Any] | None:
        """The latest ``ok`` run of ``kind``, or None."""
        with self._guard():
            row = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs WHERE kind = ? AND status = 'ok'"
                " ORDER BY id DESC LIMIT 1",
                (kind,),
            ).fetchone()
        return self._run_dict(row) if row else None

    # -- resumable fetches -------------------------------------------------------------------
    def plan_fetch(self, run_id: int, pmids: Iterable[str]) -> int:
        """Record the ids ``run_id`` means to efetch; returns how many were new to the plan."""
        rows = [(run_id, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO fetch_progress (run_id, pmid, fetched) VALUES (?, ?, 0)",
                rows,
            )
            return self.conn.total_changes - before

    def pending_fetch(self, run_id: int) -> list[str]:
        """Planned ids of ``run_id`` not yet committed, in PMID order."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM fetch_progress WHERE run_id = ? AND fetched = 0 ORDER BY pmid",
                (run_id,),
            ).fetchall()
        return [str(r[0]) for r in rows]

    def committed_fetch(self, run_id: int) -> set[str]:
        """Planned ids of ``run_id`` already committed (e.g. by a run that was killed later)."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM fetch_progress WHERE run_id = ? AND fetched = 1", (run_id,)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def mark_fetched(self, run_id: int, pmids: Iterable[str]) -> None:
        """Mark planned ids committed. Call inside the batch's :meth:`transaction`, with the
        :meth:`upsert`, so both are committed or neither (ids efetch did not return, e.g.
        deleted in PubMed, are marked too: they were asked)."""
        rows = [(run_id, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            self.conn.executemany(
                "UPDATE fetch_progress SET fetched = 1 WHERE run_id = ? AND pmid = ?", rows
            )

    def resumable_run(self, kind: str, statuses: Sequence[str] = ("interrupted",)) -> int | None:
        """The latest run of ``kind`` that ended in ``statuses`` with planned ids not fetched,
        and no ``ok`` run of the same kind after it; else None.

        Pass ``statuses=("interrupted", "offline")`` to resume after PubMed went away too.
        """
        self._reap_if_safe()
        marks = ",".join("?" * len(statuses))
        with self._guard():
            row = self.conn.execute(
                f"SELECT r.id FROM runs r WHERE r.kind = ? AND r.status IN ({marks})"
                " AND r.id > COALESCE((SELECT MAX(id) FROM runs"
                "                      WHERE kind = ? AND status = 'ok'), 0)"
                " AND EXISTS (SELECT 1 FROM fetch_progress f"
                "             WHERE f.run_id = r.id AND f.fetched = 0)"
                " ORDER BY r.id DESC LIMIT 1",
                (kind, *statuses, kind),
            ).fetchone()
        return int(row[0]) if row else None

    def resume_fetch(self, from_run: int, to_run: int) -> list[str]:
        """Move ``from_run``'s pending ids into ``to_run``'s plan and return them, so the old
        run is no longer resumable and the new one records its own progress."""
        with self._guard(), self.transaction():
            pending = self.pending_fetch(from_run)
            self.conn.execute(
                "INSERT OR IGNORE INTO fetch_progress (run_id, pmid, fetched)"
                " SELECT ?, pmid, 0 FROM fetch_progress WHERE run_id = ? AND fetched = 0",
                (to_run, from_run),
            )
            self.conn.execute(
                "DELETE FROM fetch_progress WHERE run_id = ? AND fetched = 0", (from_run,)
            )
        return pending

    # -- records -------------------------------------------------------------------------------
    def upsert(
        self,
        items: Iterable[Parsed | PreparedRecord],
        *,
        run_id: int | None = None,
        query: str | None = None,
    ) -> UpsertCounts:
        """Insert or update records by PMID; idempotent.

        A record whose JSON differs from the stored one (``content_hash``) is "changed": its
        data and raw text are replaced, ``last_changed`` set and its tags cleared so it is
        re-tagged. An unchanged one only gets ``last_seen`` (and, if stored from MEDLINE text,
        its raw text upgraded to XML). Seeing a record again un-deletes it (latest action wins).
        Within one call, a PMID given twice counts once (the last one wins).

        Runs inside the current :meth:`transaction` if any, else in its own: a failure anywhere
        in ``items`` (a parse error in a generator...) stores nothing of this call.

        :param items: :class:`Parsed` records, or rows made by :func:`prepare` (the same
            values, computed beforehand), in any mix.
        :param run_id: the run that read the records (stored as first/last seen/changed run).
        :param query: the indication query that found them (see :meth:`record_hits`).
        """
        new = changed = unchanged = 0
        now = self._ts()
        conn = self.conn
        with self._guard(), self.transaction():
            for chunk in _chunks(items, BATCH):
                batch: dict[int, PreparedRecord] = {}
                for item in chunk:
                    row = _prepared(item)
                    batch[_pmid(row.pmid)] = row
                marks = ",".join("?" * len(batch))
                stored = {
                    row[0]: (row[1], row[2])
                    for row in conn.execute(
                        f"SELECT pmid, content_hash, format FROM records WHERE pmid IN ({marks})",
                        list(batch),
                    )
                }
                inserts: list[tuple[Any, ...]] = []
                updates: list[tuple[Any, ...]] = []
                touches: list[tuple[Any, ...]] = []
                upgrades: list[tuple[Any, ...]] = []
                for pmid, row in batch.items():
                    fmt = row.format
                    if fmt not in ("xml", "medline"):
                        raise StoreError(f"PMID {row.pmid}: unknown raw format {fmt!r}")
                    old = stored.get(pmid)
                    if old is None:
                        inserts.append(
                            (
                                pmid, row.kind, row.data, row.raw_z, fmt, row.content_hash,
                                row.has_mesh, row.retracted, row.pub_year,
                                row.citation_status, now, run_id, now, run_id, now, run_id,
                            )
                        )  # fmt: skip
                    elif old[0] != row.content_hash:
                        updates.append(
                            (
                                row.kind, row.data, row.raw_z, fmt, row.content_hash,
                                row.has_mesh, row.retracted, row.pub_year,
                                row.citation_status, now, run_id, now, run_id, pmid,
                            )
                        )  # fmt: skip
                    else:
                        touches.append((now, run_id, pmid))
                        if old[1] == "medline" and fmt == "xml":
                            upgrades.append((row.raw_z, fmt, pmid))
                new += len(inserts)
                changed += len(updates)
                unchanged += len(touches)
                if inserts:
                    conn.executemany(
                        "INSERT INTO records (pmid, kind, data, raw, format, content_hash,"
                        " has_mesh, retracted, pub_year, citation_status, first_seen,"
                        " first_seen_run, last_changed, last_changed_run, last_seen,"
                        " last_seen_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        inserts,
                    )
                if updates:
                    conn.executemany(
                        "UPDATE records SET kind = ?, data = ?, raw = ?, format = ?,"
                        " content_hash = ?, has_mesh = ?, retracted = ?, pub_year = ?,"
                        " citation_status = ?, last_changed = ?, last_changed_run = ?,"
                        " last_seen = ?, last_seen_run = ?, deleted = 0, deleted_at = NULL,"
                        " tags = NULL, tags_version = NULL, tagged_at = NULL WHERE pmid = ?",
                        updates,
                    )
                if touches:
                    conn.executemany(
                        "UPDATE records SET last_seen = ?, last_seen_run = ?, deleted = 0,"
                        " deleted_at = NULL WHERE pmid = ?",
                        touches,
                    )
                if upgrades:
                    conn.executemany(
                        "UPDATE records SET raw = ?, format = ? WHERE pmid = ?", upgrades
                    )
                if query is not None:
                    self._insert_hits(query, list(batch), run_id, now)
        return UpsertCounts(new, changed, unchanged)

    def _insert_hits(self, query: str, pmids: list[int], run_id: int | None, now: str) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO record_queries (pmid, query, first_run, first_seen)"
            " VALUES (?, ?, ?, ?)",
            [(p, query, run_id, now) for p in pmids],
        )

    def record_hits(self, query: str, pmids: Iterable[str], run_id: int | None = None) -> None:
        """Record that ``query`` found ``pmids`` (first run and time kept; repeats ignored).
        The records need not be stored yet."""
        ids = _pmid_list(pmids)
        with self._guard(), self.transaction():
            self._insert_hits(query, ids, run_id, self._ts())

    def mark_deleted(self, pmids: Iterable[str]) -> int:
        """Mark records PubMed deleted (``DeleteCitation``); returns how many were newly
        marked. Unknown PMIDs are ignored. Rows stay, with their history."""
        now = self._ts()
        rows = [(now, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "UPDATE records SET deleted = 1, deleted_at = ? WHERE pmid = ? AND deleted = 0",
                rows,
            )
            return self.conn.total_changes - before

    def get(self, pmid: str) -> Record | None:
        """The stored record (deleted or not), or None."""
        with self._guard():
            row = self.conn.execute(
                "SELECT data FROM records WHERE pmid = ?", (_pmid(pmid),)
            ).fetchone()
        return Record.from_dict(json.loads(row[0])) if row else None

    def get_tags(self, pmid: str) -> Tags | None:
        """The stored tags of a record, or None when untagged, stale or unknown."""
        with self._guard():
            row = self.conn.execute(
                "SELECT tags FROM records WHERE pmid = ?", (_pmid(pmid),)
            ).fetchone()
        return Tags.from_dict(json.loads(row[0])) if row and row[0] else None

    def pmids(self, include_deleted: bool = False) -> set[str]:
        """All stored PMIDs."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM records WHERE ? OR deleted = 0", (include_deleted,)
            )
            return {str(r[0]) for r in rows}

    def existing(self, pmids: Iterable[str], include_deleted: bool = False) -> set[str]:
        """Those of ``pmids`` already stored (deleted ones only with ``include_deleted``:
        a deleted id PubMed returns again is worth fetching)."""
        found: set[str] = set()
        with self._guard():
            for chunk in _chunks(_pmid_list(pmids), BATCH):
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT pmid FROM records WHERE pmid IN ({marks}) AND (? OR deleted = 0)",
                    (*chunk, include_deleted),
                )
                found.update(str(r[0]) for r in rows)
        return found

    def count(self, include_deleted: bool = False) -> int:
        """Number of stored records."""
        with self._guard():
            row = self.conn.execute(
                "SELECT COUNT(*) FROM records WHERE ? OR deleted = 0", (include_deleted,)
            ).fetchone()
        return int(row[0])

    def _pages(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (which selects pmid first and has ``pmid > ?`` as its first
        parameter and ``LIMIT ?`` last) page by page, keyed on pmid.

        Keyset pages, not one long cursor: the caller may write (save tags, commit) between
        rows, and each page is a short read that never pins an old WAL snapshot.
        """
        last = 0
        while True:
            with self._guard():
                rows = self.conn.execute(sql, (last, *params, PAGE)).fetchall()
            yield from rows
            if len(rows) < PAGE:
                return
            last = rows[-1][0]

    def iter_records(self, include_deleted: bool = False) -> Iterator[Record]:
        """Every stored record, in PMID order."""
        for row in self._pages(
            "SELECT pmid, data FROM records WHERE pmid > ? AND (? OR deleted = 0)"
            " ORDER BY pmid LIMIT ?",
            (include_deleted,),
        ):
            yield Record.from_dict(json.loads(row[1]))

    def iter_raw(
        self,
        pmids: Iterable[str] | None = None,
        *,
        stale_for_version: str | None = None,
        include_deleted: bool = False,
    ) -> Iterator[tuple[str, str, bytes]]:
        """``(pmid, format, raw_z)`` of stored records, for re-parsing and re-tagging.

        :param pmids: only these (in the order given, unknown ones skipped); else all.
        :param stale_for_version: only records whose tags are NULL or were made with another
            vocabulary version.
        """
        cond = "(? OR deleted = 0) AND (? IS NULL OR tags IS NULL OR tags_version IS NOT ?)"
        flags = (include_deleted, stale_for_version, stale_for_version)
        if pmids is None:
            for row in self._pages(
                f"SELECT pmid, format, raw FROM records WHERE pmid > ? AND {cond}"
                " ORDER BY pmid LIMIT ?",
                flags,
            ):
                yield str(row[0]), row[1], bytes(row[2])
            return
        for chunk in _chunks(_pmid_list(pmids), BATCH):
            marks = ",".join("?" * len(chunk))
            with self._guard():
                found = {
                    r[0]: r
                    for r in self.conn.execute(
                        f"SELECT pmid, format, raw FROM records WHERE pmid IN ({marks}) AND {cond}",
                        (*chunk, *flags),
                    )
                }
            for p in chunk:
                if p in found:
                    row = found[p]
                    yield str(row[0]), row[1], bytes(row[2])

    def iter_record_json(
        self, *, stale_for_version: str | None = None, include_deleted: bool = False
    ) -> Iterator[tuple[str, str]]:
        """``(pmid, data)`` of stored records in PMID order, ``data`` being the record's JSON
        as stored (:func:`record_json`; ``Record.from_dict(json.loads(data))`` reads it): the
        cheap input for re-tagging, with the same selection as :meth:`iter_raw`.

        :param stale_for_version: only records whose tags are NULL or were made with another
            vocabulary version.
        """
        for row in self._pages(
            "SELECT pmid, data FROM records WHERE pmid > ? AND (? OR deleted = 0)"
            " AND (? IS NULL OR tags IS NULL OR tags_version IS NOT ?) ORDER BY pmid LIMIT ?",
            (include_deleted, stale_for_version, stale_for_version),
        ):
            yield str(row[0]), row[1]

    def save_tags(self, items: Iterable[tuple[str, Tags | str]], version: str) -> int:
        """Store tags made with vocabulary ``version``; one transaction. Returns rows updated.

        :param items: ``(pmid, tags)``; tags as :class:`Tags` or already as their JSON
            (:func:`tags_json`, e.g. made in a worker process).
        """
        now = self._ts()
        total = 0
        with self._guard(), self.transaction():
            for chunk in _chunks(items, BATCH):
                rows = [(t if isinstance(t, str) else tags_json(t), version, now, _pmid(p))
                        for p, t in chunk]
                before = self.conn.total_changes
                self.conn.executemany(
                    "UPDATE records SET tags = ?, tags_version = ?, tagged_at = ? WHERE pmid = ?",
                    rows,
                )
                total += self.conn.total_changes - before
        return total

    def iter_tagged(self, include_deleted: bool = False) -> Iterator[StoredRecord]:
        """Every record with its tags, first seen, last changed and queries, in PMID order.

        One query per page of :data:`PAGE` records; the query names come from a correlated
        ``GROUP_CONCAT`` over ``record_queries``' primary key (no query per record).
        """
        for row in self._pages(
            "SELECT r.pmid, r.data, r.tags, r.first_seen, r.last_changed, r.tags_version,"
            " r.deleted, (SELECT GROUP_CONCAT(q.query, char(31)) FROM record_queries q"
            "             WHERE q.pmid = r.pmid)"
            " FROM records r WHERE r.pmid > ? AND (? OR r.deleted = 0)"
            " ORDER BY r.pmid LIMIT ?",
            (include_deleted,),
        ):
            yield StoredRecord(
                record=Record.from_dict(json.loads(row[1])),
                tags=Tags.from_dict(json.loads(row[2])) if row[2] else None,
                first_seen=row[3],
                last_changed=row[4],
                queries=sorted(row[7].split(_SEP)) if row[7] else [],
                tags_version=row[5],
                deleted=bool(row[6]),
            )

    def pmids_waiting_for_mesh(self) -> list[str]:
        """Articles not deleted, without MeSH, whose citation status says NLM will still index
        them (:data:`WAITING_FOR_MESH_STATUSES`, or unknown): re-fetch these to tag from MeSH."""
        marks = ",".join("?" * len(WAITING_FOR_MESH_STATUSES))
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM records WHERE has_mesh = 0 AND deleted = 0"
                " AND kind = 'article'"
                f" AND (citation_status IS NULL OR citation_status IN ({marks})) ORDER BY pmid",
                WAITING_FOR_MESH_STATUSES,
            ).fetchall()
        return [str(r[0]) for r in rows]

    def pmids_first_seen_since(self, ts: str | datetime | date) -> list[str]:
        """Records (not deleted) first stored at or after ``ts``, oldest first.

        :param ts: an ISO date or datetime (aware, or naive meaning UTC), or a string of one.
        """
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM records WHERE first_seen >= ? AND deleted = 0"
                " ORDER BY first_seen, pmid",
                (_normalise_ts(ts),),
            ).fetchall()
        return [str(r[0]) for r in rows]

    # -- watermarks ----------------------------------------------------------------------------
    def get_watermark(self, key: str) -> str | None:
        with self._guard():
            row = self.conn.execute("SELECT value FROM watermarks WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_watermark(self, key: str, value: str) -> None:
        """Set a watermark (joins the current transaction: commit it with the batch it covers)."""
        with self._guard(), self.transaction():
            self.conn.execute(
                "INSERT INTO watermarks (key, value, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                " updated_at = excluded.updated_at",
                (key, str(value), self._ts()),
            )

    def watermarks(self) -> dict[str, str]:
        with self._guard():
            return dict(self.conn.execute("SELECT key, value FROM watermarks ORDER BY key"))

    # -- digests -------------------------------------------------------------------------------
    def save_digest(
        self,
        key: str,
        *,
        period_start: str | date | None,
        period_end: str | date | None,
        pmids: Sequence[str],
        html_path: str | Path | None = None,
        txt_path: str | Path | None = None,
        eml_path: str | Path | None = None,
    ) -> int:
        """Create or update (same ``key``) a digest; returns its id. ``created_at`` is kept
        from the first save; deliveries already recorded are untouched."""
        params = (
            key,
            _opt_str(period_start),
            _opt_str(period_end),
            self._ts(),
            json.dumps([str(p) for p in pmids]),
            _opt_str(html_path),
            _opt_str(txt_path),
            _opt_str(eml_path),
        )
        with self._guard(), self.transaction():
            self.conn.execute(
                "INSERT INTO digests (key, period_start, period_end, created_at, pmids,"
                " html_path, txt_path, eml_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET period_start = excluded.period_start,"
                " period_end = excluded.period_end, pmids = excluded.pmids,"
                " html_path = excluded.html_path, txt_path = excluded.txt_path,"
                " eml_path = excluded.eml_path",
                params,
            )
            row = self.conn.execute("SELECT id FROM digests WHERE key = ?", (key,)).fetchone()
        return int(row[0])

    def get_digest(self, key: str) -> dict[str, Any] | None:
        """A digest as a dict (``pmids`` decoded), or None."""
        with self._guard():
            cur = self.conn.execute(
                "SELECT id, key, period_start, period_end, created_at, pmids, html_path,"
                " txt_path, eml_path FROM digests WHERE key = ?",
                (key,),
            )
            row = cur.fetchone()
            names = [d[0] for d in cur.description]
        if not row:
            return None
        d = dict(zip(names, row))
        d["pmids"] = json.loads(d["pmids"])
        return d

    def _require_digest(self, key: str) -> None:
        if not self.conn.execute("SELECT 1 FROM digests WHERE key = ?", (key,)).fetchone():
            raise StoreError(f"{self.path}: no digest {key!r} (save_digest first)")

    def delivery_status(self, key: str, address: str) -> str | None:
        """``pending``, ``sending``, ``sent``, ``failed``, or None when never recorded."""
        with self._guard():
            row = self.conn.execute(
                "SELECT status FROM deliveries WHERE digest_key = ? AND address = ?",
                (key, _address(address)),
            ).fetchone()
        return row[0] if row else None

    def deliveries(self, key: str) -> list[dict[str, Any]]:
        """Every delivery row of a digest, by address."""
        with self._guard():
            cur = self.conn.execute(
                "SELECT address, status, attempts, last_error, sent_at, updated_at"
                " FROM deliveries WHERE digest_key = ? ORDER BY address",
                (key,),
            )
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def claim_delivery(self, key: str, address: str) -> bool:
        """Mark a delivery ``sending`` before handing the message to SMTP; False (send nothing)
        when it is already ``sent`` or ``sending``.

        A process killed between SMTP and :meth:`record_delivery` leaves ``sending``: whether
        the mail left is unknown, and the rule is never to send twice, so it is not retried
        automatically (set it ``failed`` by hand to retry).
        """
        address = _address(address)
        with self._guard(), self.transaction():
            self._require_digest(key)
            row = self.conn.execute(
                "SELECT status FROM deliveries WHERE digest_key = ? AND address = ?",
                (key, address),
            ).fetchone()
            if row and row[0] in ("sent", "sending"):
                return False
            self._upsert_delivery(key, address, "sending", None)
        return True

    def record_delivery(
        self, key: str, address: str, status: str, error: str | None = None
    ) -> None:
        """Record a delivery outcome for (digest ``key``, ``address``): one row per pair.

        ``sent`` and ``failed`` count an attempt. ``sent`` is final: later calls for the same
        pair change nothing (so a digest is never shown as unsent, hence never re-sent).
        Addresses are compared stripped and lower-cased.

        :raises StoreError: unknown digest or status.
        """
        if status not in DELIVERY_STATUSES:
            raise StoreError(f"invalid delivery status {status!r}")
        with self._guard(), self.transaction():
            self._require_digest(key)
            self._upsert_delivery(key, _address(address), status, error)

    def _upsert_delivery(self, key: str, address: str, status: str, error: str | None) -> None:
        now = self._ts()
        self.conn.execute(
            "INSERT INTO deliveries (digest_key, address, status, attempts, last_error,"
            " sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (digest_key, address) DO UPDATE SET status = excluded.status,"
            " attempts = deliveries.attempts + excluded.attempts,"
            " last_error = excluded.last_error, sent_at = excluded.sent_at,"
            " updated_at = excluded.updated_at WHERE deliveries.status != 'sent'",
            (
                key,
                address,
                status,
                1 if status in ("sent", "failed") else 0,
                error,
                now if status == "sent" else None,
                now,
            ),
        )

    def reported_pmids(self) -> set[str]:
        """Every PMID some digest has already shown."""
        with self._guard():
            return {
                str(r[0]) for r in self.conn.execute("SELECT DISTINCT pmid FROM reported_pmids")
            }

    def mark_reported(self, key: str, pmids: Iterable[str]) -> None:
        """Record that digest ``key`` showed ``pmids``, with their retraction state now."""
        now = self._ts()
        rows = [(p, key, now, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            self._require_digest(key)
            self.conn.executemany(
                "INSERT OR IGNORE INTO reported_pmids (pmid, digest_key, reported_at,"
                " was_retracted) SELECT ?, ?, ?,"
                " COALESCE((SELECT retracted FROM records WHERE pmid = ?), 0)",
                rows,
            )

    def retracted_since_reported(self) -> list[str]:
        """Records now retracted that a digest showed while not retracted, and whose
        retraction no digest has shown yet (mark them reported again once called out)."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT r.pmid FROM records r WHERE r.retracted = 1 AND r.deleted = 0"
                " AND EXISTS (SELECT 1 FROM reported_pmids p"
                "             WHERE p.pmid = r.pmid AND p.was_retracted = 0)"
                " AND NOT EXISTS (SELECT 1 FROM reported_pmids p"
                "                 WHERE p.pmid = r.pmid AND p.was_retracted = 1)"
                " ORDER BY r.pmid"
            ).fetchall()
        return [str(r[0]) for r in rows]

    # -- status --------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """Summary for ``aggregator status``: ``records`` (not deleted), ``with_mesh``,
        ``retracted``, ``deleted``, ``tagged``, ``stale_tags``, ``waiting_for_mesh``,
        ``last_fetch`` (finished_at of the last ok fetch or weekly run), ``last_runs``,
        ``watermarks``, ``queries`` (records per query), ``db_path``, ``schema_version``."""
        with self._guard():
            row = self.conn.execute(
                "SELECT COALESCE(SUM(deleted = 0), 0),"
                " COALESCE(SUM(deleted = 0 AND has_mesh = 1), 0),"
                " COALESCE(SUM(deleted = 0 AND retracted = 1), 0),"
                " COALESCE(SUM(deleted = 1), 0),"
                " COALESCE(SUM(deleted = 0 AND tags IS NOT NULL), 0)"
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
        return {
            "records": row[0],
            "with_mesh": row[1],
            "retracted": row[2],
            "deleted": row[3],
            "tagged": row[4],
            "untagged": row[0] - row[4],
            "waiting_for_mesh": len(self.pmids_waiting_for_mesh()),
            "last_fetch": last[0] if last else None,
            "last_runs": self.last_runs(5),
            "watermarks": self.watermarks(),
            "queries": queries,
            "db_path": self.path,
            "schema_version": self.schema_version(),
        }


# -- helpers ---------------------------------------------------------------------------------
_FIELD_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _dataclass_fields(obj: Any) -> dict[str, Any]:
    """``json`` hook: a dataclass instance as its fields, in declaration order (not
    recursive: the C encoder recurses, which is what makes this fast)."""
    cls = type(obj)
    entry = _FIELD_GETTERS.get(cls)
    if entry is None:
        if not is_dataclass(cls):
            raise TypeError(f"{cls.__name__} is not JSON serialisable")
        names = tuple(f.name for f in fields(cls))
        getter: Callable[[Any], Any] = attrgetter(*names)
        if len(names) == 1:  # attrgetter of one name returns the value, not a tuple
            single = getter

            def getter(o: Any) -> tuple[Any]:
                return (single(o),)

        entry = _FIELD_GETTERS[cls] = (names, getter)
    names, getter = entry
    return dict(zip(names, getter(obj)))


#: Same text as ``json.dumps(x.to_dict(), ensure_ascii=False, separators=(",", ":"))`` for
#: Record and Tags (``to_dict`` is ``dataclasses.asdict``), about 4x faster: ``asdict``
#: deep-copies every value and took ~200 us of the ~210 us a 5 KB record cost in
#: :meth:`Store.upsert`; this encoder takes ~45 us (plain ``json.dumps`` of the dict ~32 us).
#: ``tests/test_store.py`` checks the two stay identical.
_COMPACT = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), default=_dataclass_fields, check_circular=False
)


def _compact(obj: Record | Tags) -> str:
    """``obj``'s compact JSON: orjson writes the same text as :data:`_COMPACT` (dataclass
    fields in order, no spaces, non-ASCII kept, the same escapes) in half the time (~20 us
    for a 5 KB record). What orjson refuses (a lone surrogate, an integer beyond 64 bits)
    goes through :data:`_COMPACT`, which writes it as ``json`` always did."""
    try:
        return orjson.dumps(obj).decode("utf-8")
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return _COMPACT.encode(obj)


def record_json(record: Record) -> str:
    """The compact JSON of :meth:`Record.to_dict`, as stored in ``records.data``."""
    return _compact(record)


def tags_json(tags: Tags) -> str:
    """The compact JSON of :meth:`Tags.to_dict`, as stored in ``records.tags``."""
    return _compact(tags)


def _format_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _normalise_ts(ts: str | datetime | date) -> str:
    """A timestamp comparable as text with the stored ones (dates stay ``YYYY-MM-DD``, which
    sorts before every time of that day)."""
    if isinstance(ts, datetime):
        return _format_ts(ts)
    if isinstance(ts, date):
        return ts.isoformat()
    text = str(ts).strip()
    if len(text) > 10:
        try:
            return _format_ts(datetime.fromisoformat(text))  # 3.11 reads "Z"
        except ValueError as exc:
            raise StoreError(f"cannot read timestamp {text!r}") from exc
    return text


def _pmid(value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number <= 0:
        raise StoreError(f"invalid PMID {value!r}")
    return number


def _pmid_list(values: Iterable[str]) -> list[int]:
    """PMIDs as ints, duplicates dropped, order kept."""
    return list(dict.fromkeys(_pmid(v) for v in values))


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:60]}")


def _json_default(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if hasattr(obj, "_asdict"):
        return obj._asdict()
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    return str(obj)


def _dumps(obj: Any) -> str:
    if hasattr(obj, "_asdict"):  # a NamedTuple such as UpsertCounts: keep its field names
        obj = obj._asdict()
    return json.dumps(obj, default=_json_default, separators=(",", ":"), sort_keys=True)


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _address(address: str) -> str:
    return address.strip().lower()


def _create_private(path: Path) -> bool:
    """Create ``path`` empty with :data:`FILE_MODE` if absent (an empty file is a valid empty
    SQLite database; SQLite gives its -wal and -shm files the database file's mode)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)  # the umask may have removed bits we need (or left others)
    finally:
        os.close(fd)
    return True


def _open_private(path: Path) -> int:
    """Open (creating with :data:`FILE_MODE`) the lock file for reading and writing."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return os.open(path, os.O_RDWR)
    os.fchmod(fd, FILE_MODE)
    return fd


def _read_holder(fd: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _locked_error(lock_path: Path, holder: Mapping[str, Any]) -> StoreLockedError:
    who = []
    if holder.get("pid"):
        who.append(f"pid {holder['pid']}")
    if holder.get("host"):
        who.append(f"on {holder['host']}")
    if holder.get("owner"):
        who.append(f"running {holder['owner']!r}")
    if holder.get("started_at"):
        who.append(f"since {holder['started_at']}")
    detail = f" ({', '.join(who)})" if who else ""
    exc = StoreLockedError(
        f"another aggregator process holds the store lock {lock_path}{detail}; "
        "try again when it has finished (the lock is released when that process exits)"
    )
    exc.lock_path = lock_path  # type: ignore[attr-defined]
    exc.holder = dict(holder)  # type: ignore[attr-defined]
    return exc


def _release_lock(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)  # forget the holder; the file itself stays (deleting races)
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
