"""Store stage, schema: the numbered migrations that build the database, applied in order by
:class:`~aggregator.store.Store` when it opens a file (each in its own transaction, recorded in
the ``migrations`` table).

Tables (schema version = highest ``migrations.number``):

``migrations``
    number, name, applied_at: one row per applied migration (:data:`MIGRATIONS`).
``records``
    One row per PMID (``INTEGER PRIMARY KEY``). ``data`` is the compact JSON of
    :meth:`Record.to_dict`, as UTF-8 compressed with zstd (a BLOB; JSON text in rows written
    before migration 5; read either with :func:`aggregator.store.values.load_record_data`);
    ``raw`` the record's original XML or MEDLINE text, compressed
    (``Parsed.raw_z`` stored as given: zstd, or zlib in rows stored before zstd; read either
    with :func:`aggregator.models.decompress_raw`), or empty when the record was imported from
    a gzipped file kept whole in ``sources``: then ``raw_source``, ``raw_offset`` and
    ``raw_length`` say where its bytes are in that file, decompressed (read through
    :meth:`Store.iter_raw`); ``format`` ``xml`` | ``medline``; ``content_hash`` the
    SHA-1 of the uncompressed JSON (a re-fetched record is "changed" when it differs).
    Denormalised for queries: ``kind``, ``has_mesh``, ``retracted``, ``pub_year``, ``citation_status``.
    Bookkeeping: ``first_seen``/``first_seen_run``, ``last_changed``/``last_changed_run``,
    ``last_seen``/``last_seen_run``; ``deleted`` (+ ``deleted_at``) marks PubMed's
    ``DeleteCitation`` (rows are never dropped).
``record_tags``
    A record's tags: pmid (``records.pmid``), ``tags`` the JSON of :meth:`Tags.to_dict`,
    ``tags_version`` the vocabulary version they were made with, ``tagged_at``. No row when
    the record is untagged or changed since tagging. A table of its own (migration 4; they
    were columns of ``records`` before): SQLite rewrites a whole row on any update, and a
    record's row holds its JSON and original text (~6 KB), so re-tagging 20,000 records
    spent 0.54 s of CPU saving tags there, against 0.05 s here.
``sources``
    id, name (the file's path as given), codec (``gzip``: ``data`` is the file's own bytes,
    kept as they were, so an import compresses nothing per record), size, created_at, data.
    Dropped when no record points into it any more.
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

Example::

    from aggregator.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

    number, name, sql = MIGRATIONS[-1]
    assert number == SCHEMA_VERSION
    for statement in statements(sql):
        conn.execute(statement)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

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
    (
        3,
        "sources: imported files kept once, records pointing into them",
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            codec TEXT NOT NULL CHECK (codec IN ('gzip')),
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            data BLOB NOT NULL
        );
        ALTER TABLE records ADD COLUMN raw_source INTEGER REFERENCES sources (id);
        ALTER TABLE records ADD COLUMN raw_offset INTEGER;
        ALTER TABLE records ADD COLUMN raw_length INTEGER;
        CREATE INDEX records_raw_source ON records (raw_source, raw_offset)
            WHERE raw_source IS NOT NULL;
        """,
    ),
    (
        4,
        "tags in their own table: a re-tag rewrites small rows, not whole records",
        """
        CREATE TABLE record_tags (
            pmid INTEGER PRIMARY KEY REFERENCES records (pmid),
            tags TEXT NOT NULL,
            tags_version TEXT,
            tagged_at TEXT
        );
        INSERT INTO record_tags (pmid, tags, tags_version, tagged_at)
            SELECT pmid, tags, tags_version, tagged_at FROM records WHERE tags IS NOT NULL;
        ALTER TABLE records DROP COLUMN tags;
        ALTER TABLE records DROP COLUMN tags_version;
        ALTER TABLE records DROP COLUMN tagged_at;
        """,
    ),
    (
        5,
        "records.data compressed with zstd (rows already stored keep their JSON text)",
        # Nothing to change in the tables (a TEXT column keeps a BLOB as it is); the number
        # stops an older aggregator, which would read the compressed rows as text.
        "",
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
#: the oldest SQLite the migrations run on (number 4 drops columns: ``ALTER TABLE ... DROP
#: COLUMN``, SQLite 3.35, 2021)
MIN_SQLITE = (3, 35, 0)


def statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:60]}")
