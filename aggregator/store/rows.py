"""Store stage, rows: the values that cross :class:`~aggregator.store.Store`'s record API.

:func:`prepare` turns a parsed record into the row :meth:`Store.upsert` stores (JSON, its hash,
the compressed original), so that a parser's worker process can do that work;
:class:`UpsertCounts` is what an upsert did; :class:`StoredRecord` is what
:meth:`Store.iter_tagged` yields. Pure: no SQL here.

Example::

    row = prepare(record, raw_xml, "xml")      # in a worker
    counts = store.upsert([row], run_id=run)    # in the writing process
    counts.new, counts.changed, counts.unchanged
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Parsed, Record, Tags, compress_raw
from .values import record_data

__all__ = ["PreparedRecord", "StoredRecord", "UpsertCounts", "prepare", "prepare_sourced"]


class PreparedRecord(NamedTuple):
    """A record already serialised for :meth:`Store.upsert` (see :func:`prepare`): what a
    :class:`Parsed` becomes in ``upsert``, computed beforehand, e.g. in a parser's worker
    process, so that only these compact values cross the process boundary."""

    pmid: str
    kind: str
    data: bytes  # record_data(record): the record's JSON, compressed
    raw_z: bytes
    format: str
    content_hash: str  # SHA-1 of the JSON
    has_mesh: int
    retracted: int
    pub_year: int | None
    citation_status: str | None
    #: where the original text is when it is kept in a stored source file (``raw_z`` is then
    #: empty): the ``sources`` row, and the byte offset and length in the decompressed file
    raw_source: int | None = None
    raw_offset: int | None = None
    raw_length: int | None = None


def _row(record: Record, raw_z: bytes, format: str,
         raw_length: int | None = None) -> PreparedRecord:
    """The row of ``record``: its compressed JSON and that JSON's hash, the denormalised
    columns, and ``raw_z`` (its compressed text, or empty with ``raw_length`` for a kept
    file)."""
    data, utf8 = record_data(record)
    return PreparedRecord(
        record.pmid, record.kind, data, raw_z, format,
        hashlib.sha1(utf8).hexdigest(), int(record.has_mesh),
        int(record.retracted), record.pub_year, record.citation_status, None, None, raw_length,
    )  # fmt: skip


def prepare(record: Record, raw: bytes, format: str) -> PreparedRecord:
    """The row :meth:`Store.upsert` would store for ``record`` (``raw``: its original text,
    uncompressed; compressed here with :func:`aggregator.models.compress_raw`). Pure and
    picklable by name: ``parse.iter_file(path, workers=2, rows=prepare)`` runs it in the
    parser's workers."""
    return _row(record, compress_raw(raw), format)


def prepare_sourced(record: Record, raw: bytes, format: str) -> PreparedRecord:
    """Like :func:`prepare` for a record whose file is kept whole in the store
    (:meth:`Store.add_source`): nothing is compressed; the row keeps only the length of
    ``raw``, and the importer adds the source and the offset."""
    return _row(record, b"", format, len(raw))


def _prepared(item: Parsed | PreparedRecord) -> PreparedRecord:
    if isinstance(item, PreparedRecord):
        return item
    return _row(item.record, item.raw_z, item.format)


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
