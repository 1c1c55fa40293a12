"""Store stage, sources: gzipped files kept whole, and records that point into them (a mixin of
:class:`~aggregator.store.Store`).

A bulk import of a gzipped PubMed XML file stores the file itself, once, as it was (one
``sources`` row), and each record's position in it (``raw_source``, ``raw_offset``,
``raw_length``: bytes of the decompressed file) instead of compressing every record's XML on
its own: the file is already compressed, so the import spends nothing on it per record and
writes a third of the bytes. :meth:`Store.iter_raw` reads such records back by decompressing
their file as a stream, in file order.

Example::

    with store.transaction():
        source = store.add_source(Path("pubmed25n0001.xml.gz"))
        store.upsert([row._replace(raw_source=source, raw_offset=offset) for ...])
        store.drop_unused_sources()
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..gz import READ_ERRORS, open_gzip
from .parts import StoreParts

__all__ = ["SourceFiles"]

#: bytes copied into a source's blob per write, and read from it per read
_PIECE = 1 << 20


class _BlobFile(io.RawIOBase):
    """A SQLite blob as a readable file: the gzip reader reads with ``readinto``, which
    :class:`sqlite3.Blob` lacks."""

    def __init__(self, blob: sqlite3.Blob) -> None:
        self._blob = blob

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._blob.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _SourceReader:
    """One stored source decompressed as a stream; :meth:`read` takes non-decreasing offsets
    (going back re-opens it)."""

    def __init__(self, conn: sqlite3.Connection, source: int) -> None:
        self._conn, self.source = conn, source
        self._open()

    def _open(self) -> None:
        try:
            self._blob = self._conn.blobopen("sources", "data", self.source, readonly=True)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"stored source {self.source} is missing: {exc}") from exc
        self._gz = open_gzip(_BlobFile(self._blob))
        self._pos = 0

    def read(self, offset: int, length: int) -> bytes:
        if offset < self._pos:
            self.close()
            self._open()
        while self._pos < offset:  # skip to the record: decompress, do not keep
            step = self._gz.read(min(_PIECE, offset - self._pos))
            if not step:
                break
            self._pos += len(step)
        data = self._gz.read(length)
        self._pos += len(data)
        if len(data) != length:
            raise StoreError(
                f"stored source {self.source} ends before byte {offset + length:,}"
            )
        return data

    def close(self) -> None:
        self._gz.close()
        self._blob.close()


class SourceFiles(StoreParts):
    """Gzipped files kept whole (methods of :class:`~aggregator.store.Store`)."""

    def source_fits(self, path: Path) -> bool:
        """Whether ``path`` is small enough to be one value of this SQLite (its length limit,
        1 GB by default; PubMed's baseline files are tens of MB)."""
        return path.stat().st_size <= self.conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)

    def add_source(self, path: Path) -> int:
        """Store the gzipped file ``path`` as it is (streamed, never held in memory whole);
        returns its ``sources`` id. Joins the current transaction, or runs in its own."""
        size = path.stat().st_size
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "INSERT INTO sources (name, codec, size, created_at, data)"
                " VALUES (?, 'gzip', ?, ?, zeroblob(?))",
                (str(path), size, self._ts(), size),
            )
            source = int(cur.lastrowid or 0)
            with self.conn.blobopen("sources", "data", source) as blob, path.open("rb") as fh:
                written = 0
                while piece := fh.read(_PIECE):
                    if written + len(piece) > size:
                        raise StoreError(f"{path} grew while it was being stored")
                    blob.write(piece)
                    written += len(piece)
                if written != size:
                    raise StoreError(f"{path} shrank while it was being stored")
        return source

    def drop_unused_sources(self) -> int:
        """Delete the stored files no record points into any more; returns how many."""
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "DELETE FROM sources WHERE id NOT IN"
                " (SELECT DISTINCT raw_source FROM records WHERE raw_source IS NOT NULL)"
            )
            return cur.rowcount

    def _sourced_rows(self, cond: str, flags: Sequence[Any], page: int
                      ) -> Iterator[tuple[int, str, int, int, int]]:
        """``(pmid, format, source, offset, length)`` of the records kept in source files
        that match ``cond``, in source and file order (keyset pages of ``page`` rows, as
        ``RecordTable._pages``)."""
        last = (0, -1)
        while True:
            with self._guard():
                rows = self.conn.execute(
                    "SELECT pmid, format, raw_source, raw_offset, raw_length FROM records"
                    " WHERE raw_source IS NOT NULL AND (raw_source, raw_offset) > (?, ?)"
                    f" AND {cond} ORDER BY raw_source, raw_offset LIMIT ?",
                    (*last, *flags, page),
                ).fetchall()
            yield from rows
            if len(rows) < page:
                return
            last = (rows[-1][2], rows[-1][3])

    def _read_sourced(
        self, rows: Iterable[tuple[int, str, int, int, int]]
    ) -> Iterator[tuple[str, str, bytes]]:
        """``(pmid, format, original text)`` of ``(pmid, format, source, offset, length)``
        rows sorted by source and offset, each source decompressed once, as a stream."""
        reader: _SourceReader | None = None
        try:
            for pmid, fmt, source, offset, length in rows:
                if reader is None or reader.source != source:
                    if reader is not None:
                        reader.close()
                    reader = None
                    with self._guard():
                        reader = _SourceReader(self.conn, source)
                with self._guard():
                    try:
                        data = reader.read(offset, length)
                    except READ_ERRORS as exc:
                        raise StoreError(f"stored source {source} is damaged: {exc}") from exc
                yield str(pmid), fmt, data
        finally:
            if reader is not None:
                reader.close()
