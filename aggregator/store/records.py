"""Store stage, records: the ``records`` table (one row per PMID with its JSON, original
text and bookkeeping), ``record_tags`` (its tags) and ``record_queries``. Mixed into
:class:`~aggregator.store.Store`; the rows it takes and gives are in :mod:`.rows`.

Example::

    counts = store.upsert(parsed_batch, run_id=run, query="trd")
    for stored in store.iter_tagged():
        print(stored.record.pmid, stored.tags)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from ..errors import StoreError
from ..models import Parsed, Record, Tags
from .rows import PreparedRecord, StoredRecord, UpsertCounts, _prepared
from .sources import SourceFiles
from .values import (
    _chunks,
    _normalise_ts,
    _pmid,
    _pmid_list,
    load_json,
    load_record_data,
    tags_json,
)

#: MedlineCitation/@Status values after which NLM still adds MeSH. ``PubMed-not-MEDLINE``
#: records are never indexed, and ``MEDLINE``/``OLDMEDLINE``/``Completed`` are final.
#: NULL (unknown, e.g. a MEDLINE export without STAT) counts as waiting.
WAITING_FOR_MESH_STATUSES = ("In-Process", "In-Data-Review", "Publisher")
#: rows per executemany / IN (...) list; under SQLite's oldest 999-variable limit
BATCH = 500
#: rows per page of the iterators (keyset pagination, see :meth:`RecordTable._pages`)
PAGE = 1000
_SEP = "\x1f"  # GROUP_CONCAT separator for query names: cannot occur in a TOML key


#: a record's tags are missing or were made with another vocabulary version (its two
#: parameters: the version, or None to select every record, twice)
_STALE = ("(? IS NULL OR NOT EXISTS (SELECT 1 FROM record_tags t"
          " WHERE t.pmid = records.pmid AND t.tags_version = ?))")


class RecordTable(SourceFiles):
    """Records, their tags and the queries that found them (methods of
    :class:`~aggregator.store.Store`)."""

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
                    if not row.raw_z and (row.raw_source is None or row.raw_offset is None
                                          or row.raw_length is None):
                        raise StoreError(f"PMID {row.pmid}: no original text to store")
                    ref = (row.raw_source, row.raw_offset, row.raw_length)
                    old = stored.get(pmid)
                    if old is None:
                        inserts.append(
                            (
                                pmid, row.kind, row.data, row.raw_z, fmt, row.content_hash,
                                row.has_mesh, row.retracted, row.pub_year,
                                row.citation_status, now, run_id, now, run_id, now, run_id, *ref,
                            )
                        )  # fmt: skip
                    elif old[0] != row.content_hash:
                        updates.append(
                            (
                                row.kind, row.data, row.raw_z, fmt, row.content_hash,
                                row.has_mesh, row.retracted, row.pub_year,
                                row.citation_status, now, run_id, now, run_id, *ref, pmid,
                            )
                        )  # fmt: skip
                    else:
                        touches.append((now, run_id, pmid))
                        if old[1] == "medline" and fmt == "xml":
                            upgrades.append((row.raw_z, fmt, *ref, pmid))
                new += len(inserts)
                changed += len(updates)
                unchanged += len(touches)
                if inserts:
                    conn.executemany(
                        "INSERT INTO records (pmid, kind, data, raw, format, content_hash,"
                        " has_mesh, retracted, pub_year, citation_status, first_seen,"
                        " first_seen_run, last_changed, last_changed_run, last_seen,"
                        " last_seen_run, raw_source, raw_offset, raw_length)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        inserts,
                    )
                if updates:
                    conn.executemany(
                        "UPDATE records SET kind = ?, data = ?, raw = ?, format = ?,"
                        " content_hash = ?, has_mesh = ?, retracted = ?, pub_year = ?,"
                        " citation_status = ?, last_changed = ?, last_changed_run = ?,"
                        " last_seen = ?, last_seen_run = ?, raw_source = ?, raw_offset = ?,"
                        " raw_length = ?, deleted = 0, deleted_at = NULL WHERE pmid = ?",
                        updates,
                    )
                    conn.executemany("DELETE FROM record_tags WHERE pmid = ?",
                                     [(u[-1],) for u in updates])
                if touches:
                    conn.executemany(
                        "UPDATE records SET last_seen = ?, last_seen_run = ?, deleted = 0,"
                        " deleted_at = NULL WHERE pmid = ?",
                        touches,
                    )
                if upgrades:
                    conn.executemany(
                        "UPDATE records SET raw = ?, format = ?, raw_source = ?, raw_offset = ?,"
                        " raw_length = ? WHERE pmid = ?",
                        upgrades,
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
        return Record.from_dict(load_record_data(row[0])) if row else None

    def get_tags(self, pmid: str) -> Tags | None:
        """The stored tags of a record, or None when untagged, stale or unknown."""
        with self._guard():
            row = self.conn.execute(
                "SELECT tags FROM record_tags WHERE pmid = ?", (_pmid(pmid),)
            ).fetchone()
        return Tags.from_dict(load_json(row[0])) if row and row[0] else None

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
            yield Record.from_dict(load_record_data(row[1]))

    def iter_raw(
        self,
        pmids: Iterable[str] | None = None,
        *,
        stale_for_version: str | None = None,
        include_deleted: bool = False,
    ) -> Iterator[tuple[str, str, bytes]]:
        """``(pmid, format, raw_z)`` of stored records, for re-parsing and re-tagging:
        ``raw_z`` is the stored compressed text, or, for a record kept in a stored source file
        (:mod:`.sources`), its original text read from that file; either way
        :func:`aggregator.models.decompress_raw` gives the text.

        :param pmids: only these (in the order given, unknown ones skipped); else all: the
            records stored on their own in PMID order, then those in source files in file
            order (each file is decompressed once, as a stream).
        :param stale_for_version: only records whose tags are NULL or were made with another
            vocabulary version.
        """
        cond = f"(? OR deleted = 0) AND {_STALE}"
        flags = (include_deleted, stale_for_version, stale_for_version)
        cols = "pmid, format, raw, raw_source, raw_offset, raw_length"
        if pmids is None:
            for row in self._pages(
                f"SELECT {cols} FROM records WHERE pmid > ? AND raw_source IS NULL AND {cond}"
                " ORDER BY pmid LIMIT ?",
                flags,
            ):
                yield str(row[0]), row[1], bytes(row[2])
            yield from self._read_sourced(self._sourced_rows(cond, flags, PAGE))
            return
        for chunk in _chunks(_pmid_list(pmids), BATCH):
            marks = ",".join("?" * len(chunk))
            with self._guard():
                found = {
                    r[0]: r
                    for r in self.conn.execute(
                        f"SELECT {cols} FROM records WHERE pmid IN ({marks}) AND {cond}",
                        (*chunk, *flags),
                    )
                }
            sourced = sorted((r[3], r[4], r[0], r[1], r[5]) for r in found.values()
                             if r[3] is not None)
            texts = {int(p): data for p, _, data in self._read_sourced(
                (pmid, fmt, src, off, n) for src, off, pmid, fmt, n in sourced)}
            for p in chunk:
                if p in found:
                    row = found[p]
                    raw = texts[p] if row[3] is not None else bytes(row[2])
                    yield str(row[0]), row[1], raw

    def iter_record_json(
        self, *, stale_for_version: str | None = None, include_deleted: bool = False,
        fetched_by_run: int | None = None,
    ) -> Iterator[tuple[str, str | bytes]]:
        """``(pmid, data)`` of stored records in PMID order, ``data`` being the record's JSON
        as stored (compressed, or text in older rows;
        ``Record.from_dict(load_record_data(data))`` reads it): the cheap input for
        re-tagging, with the same selection as :meth:`iter_raw`.

        :param stale_for_version: only records whose tags are NULL or were made with another
            vocabulary version.
        :param fetched_by_run: with ``stale_for_version``, only those of them that this run
            fetched (committed in its :meth:`mark_fetched` batches), plus records never tagged
            at all (left so by a run killed before it tagged them): what a fetch tags from the
            store when it has fetched.
        """
        cond = _STALE
        params: tuple[Any, ...] = (include_deleted, stale_for_version, stale_for_version)
        if fetched_by_run is not None:
            cond = (f"({_STALE} AND EXISTS (SELECT 1 FROM fetch_progress f WHERE f.run_id = ?"
                    " AND f.pmid = records.pmid AND f.fetched = 1) OR NOT EXISTS"
                    " (SELECT 1 FROM record_tags t WHERE t.pmid = records.pmid))")
            params = (*params, fetched_by_run)
        for row in self._pages(
            "SELECT pmid, data FROM records WHERE pmid > ? AND (? OR deleted = 0)"
            f" AND {cond} ORDER BY pmid LIMIT ?",
            params,
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
                rows = [(_pmid(p), t if isinstance(t, str) else tags_json(t), version, now)
                        for p, t in chunk]
                before = self.conn.total_changes
                self.conn.executemany(  # stored records only (WHERE EXISTS), as an UPDATE
                    "INSERT INTO record_tags (pmid, tags, tags_version, tagged_at)"
                    " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM records WHERE pmid = ?1)"
                    " ON CONFLICT (pmid) DO UPDATE SET tags = excluded.tags,"
                    " tags_version = excluded.tags_version, tagged_at = excluded.tagged_at",
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
            "SELECT r.pmid, r.data, t.tags, r.first_seen, r.last_changed, t.tags_version,"
            " r.deleted, (SELECT GROUP_CONCAT(q.query, char(31)) FROM record_queries q"
            "             WHERE q.pmid = r.pmid)"
            " FROM records r LEFT JOIN record_tags t ON t.pmid = r.pmid"
            " WHERE r.pmid > ? AND (? OR r.deleted = 0)"
            " ORDER BY r.pmid LIMIT ?",
            (include_deleted,),
        ):
            yield StoredRecord(
                record=Record.from_dict(load_record_data(row[1])),
                tags=Tags.from_dict(load_json(row[2])) if row[2] else None,
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
