"""Parse stage: PubMed XML and MEDLINE (nbib) text -> :class:`~aggregator.models.Record`.

Pure: no I/O beyond the stream or file it is given. Reads efetch output, baseline and update
files (``PubmedArticleSet`` with ``PubmedArticle``, ``PubmedBookArticle`` and
``DeleteCitation``), bare ``<PubmedArticle>`` documents, and the MEDLINE text the PubMed website
exports (``.txt``/``.nbib``).

Layout: this module holds the public entry points; the work is done in
:mod:`aggregator.parse_common` (value normalisers shared by both formats),
:mod:`aggregator.pubmed_fields` and :mod:`aggregator.pubmed_xml` (one XML element -> Record),
:mod:`aggregator.xml_stream` (byte stream -> record chunks), :mod:`aggregator.parse_workers`
(worker processes) and :mod:`aggregator.medline` (MEDLINE text). Their names used elsewhere are
re-exported here, so ``aggregator.parse`` stays the one import.

Example::

    from aggregator.parse import iter_file, parse_articles, parse_record_bytes

    for item in iter_file("pubmed24n0001.xml.gz", workers=2):
        if isinstance(item, Deletion):
            store.mark_deleted(item.pmids)
        else:
            store.upsert(item)                  # item.record, item.raw_z, item.format
    records = parse_articles(efetch_body)       # whole document in memory
    again = parse_record_bytes(item.raw(), item.format)   # re-tag without PubMed

How XML is streamed: the byte stream is cut on ``<PubmedArticle>``..``</PubmedArticle>`` (and
book / DeleteCitation) boundaries, and each record's bytes are parsed alone with
``lxml.etree.fromstring``. That keeps memory flat whatever the file size, gives each record's
original bytes for ``raw_z`` without re-serialising, and lets ``iter_file(workers=N)`` parse
batches of records in worker processes. The text between records may only be the XML
declaration, DOCTYPE, comments and the ``PubmedArticleSet`` wrapper; anything else, a record
that is not closed, or a wrapper that is not closed (a truncated efetch body) raises
:class:`ParseError` with the line. PubMed XML uses no CDATA and no named entities beyond XML's
own five, which is what makes cutting on tags safe.

Text: titles and abstracts are the concatenation of every text node (``<i>``, ``<sup>``,
MathML... kept as text, the markup dropped), whitespace runs collapsed to one space. Nothing is
inserted around inline tags: older efetch output has ``at the<i>TERT</i>gene``, which becomes
``at theTERTgene``, exactly what the XML says (current PubMed output has the spaces).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

# Besides what this module uses, the names other modules, tests and benchmarks reach through
# ``aggregator.parse`` are re-exported from where their code now lives (``X as X``: an explicit
# re-export, PEP 484, which mypy --strict requires and ruff's PLC0414 mistakes for a useless alias)
# ruff: noqa: PLC0414
from .errors import InputError, ParseError
from .gz import GZIP_ERRORS, READ_ERRORS, open_gzip
from .medline import _medline_record as _medline_record
from .medline import iter_medline
from .models import Parsed, Record
from .parse_common import Item as Item
from .parse_common import RowMaker as RowMaker
from .parse_common import normalise_registration
from .parse_workers import WORKER_BATCH as WORKER_BATCH
from .parse_workers import WORKER_IN_FLIGHT as WORKER_IN_FLIGHT
from .parse_workers import _iter_xml_parallel as _iter_xml_parallel
from .parse_workers import _parent_alive as _parent_alive
from .parse_workers import _parse_batch as _parse_batch
from .parse_workers import _pool_context as _pool_context
from .parse_workers import watch_parent as watch_parent
from .pubmed_xml import _record_from_element as _record_from_element
from .xml_stream import _ENCODING, _START, _UTF8_NAMES
from .xml_stream import BLOCK_SIZE as BLOCK_SIZE  # a copy: _blocks reads xml_stream.BLOCK_SIZE
from .xml_stream import _blocks as _blocks
from .xml_stream import _Cutter as _Cutter
from .xml_stream import _parse_chunk as _parse_chunk
from .xml_stream import _with_xmlns as _with_xmlns
from .xml_stream import _xml_parser as _xml_parser

__all__ = [
    "file_keeps_offsets",
    "iter_file",
    "iter_medline",
    "iter_xml",
    "normalise_registration",
    "parse_articles",
    "parse_record_bytes",
]


def iter_xml(
    stream: BinaryIO, *, source: str = "<stream>", rows: RowMaker | None = None,
    spans: bool = False,
) -> Iterator[Any]:
    """Stream records from PubMed XML, one at a time, in flat memory.

    :param stream: a binary stream of efetch output, a baseline/update file or a bare
        ``<PubmedArticle>`` document (already decompressed).
    :param source: a name for error messages (the file path).
    :param rows: yield ``rows(record, raw_bytes, "xml")`` instead of each Parsed (see
        :func:`iter_file`).
    :param spans: yield ``(item, offset)``: ``offset`` is where the item's element starts in
        the stream (see :func:`iter_file`).
    :raises ParseError: malformed or truncated XML, or not PubMed XML (names source and line).
    """
    cutter = _Cutter(_blocks(stream, source), source)
    for name, chunk, line in cutter.chunks():
        item = _parse_chunk(name, _with_xmlns(name, chunk, cutter.xmlns), line, source, rows)
        yield (item, cutter.offset) if spans else item


def parse_articles(xml: bytes) -> list[Record]:
    """Every ``PubmedArticle``/``PubmedBookArticle`` in a PubMed XML document, in order.

    ``DeleteCitation`` elements are skipped (use :func:`iter_xml` to see them).

    :raises ParseError: malformed, truncated or non-PubMed XML.
    """
    return [
        item.record
        for item in iter_xml(io.BytesIO(xml), source="<bytes>")
        if isinstance(item, Parsed)
    ]


# ================================================================================================
# Files and stored records
# ================================================================================================

_GZIP_MAGIC = b"\x1f\x8b"


def _sniff(head: bytes) -> str | None:
    text = head.lstrip(codecs.BOM_UTF8).lstrip()
    if text[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "xml"
    if text.startswith((b"<?xml", b"<!DOCTYPE", b"<PubmedArticle", b"<PubmedBookArticle", b"<!--")):
        return "xml"
    if text.startswith(b"PMID-"):
        return "medline"
    return None


def iter_file(
    path: str | Path, *, workers: int | None = None, rows: RowMaker | None = None,
    spans: bool = False,
) -> Iterator[Any]:
    """Stream records from a file: ``.xml``, ``.xml.gz`` (gzip sniffed by magic bytes), or
    MEDLINE ``.txt``/``.nbib`` (sniffed by content, not by name).

    :param workers: parse XML in this many worker processes (2+); None or 1 parses here.
    :param rows: a module-level function ``rows(record, raw, format)`` whose result is yielded
        instead of each :class:`Parsed` (``raw``: the record's own bytes, uncompressed).
        With workers it runs in them, so what the consumer would do next with each record
        (serialise, hash, compress: :func:`aggregator.store.prepare`) is done in parallel
        and only its compact result crosses the process boundary.
    :param spans: yield ``(item, offset)`` pairs, ``offset`` being where the item's element
        starts in the decompressed file, which then holds the item's raw bytes unchanged
        when :func:`file_keeps_offsets` says so (PubMed XML only).
    :raises InputError: missing path, a directory, or content of unknown type.
    :raises ParseError: malformed or truncated content (names path and line, PMID if known).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path=path)
    if not path.is_file():
        raise InputError("unknown file type (not a regular file)", path=path)
    with path.open("rb") as raw:
        gzipped = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        stream: io.BufferedIOBase = open_gzip(raw) if gzipped else raw
        try:
            yield from _iter_stream(stream, path, workers, rows, spans)
        except GZIP_ERRORS as exc:
            raise ParseError(f"truncated or corrupt gzip data: {exc}", path=path) from None


def file_keeps_offsets(path: str | Path) -> bool:
    """Whether ``iter_file(path, spans=True)`` gives, for every record, the offset of its own
    bytes, unchanged, in the decompressed file: a gzipped PubMed XML file in UTF-8 with no
    byte-order mark (the reader drops one) and no namespace declared before the first record
    (the reader copies it into each record). PubMed's baseline and update files are such."""
    with Path(path).open("rb") as fh:
        if fh.read(2) != _GZIP_MAGIC:
            return False
        fh.seek(0)
        try:
            head = open_gzip(fh).read(1 << 16)
        except READ_ERRORS:
            return False
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if _sniff(head[:512]) != "xml":
        return False
    declared = _ENCODING.match(head.lstrip())
    if declared and declared.group(1).decode().lower() not in _UTF8_NAMES:
        return False
    first = _START.search(head)
    return first is not None and b"xmlns" not in head[: first.start()]


def _iter_stream(
    stream: io.BufferedIOBase, path: Path, workers: int | None, rows: RowMaker | None = None,
    spans: bool = False,
) -> Iterator[Any]:
    peek = io.BufferedReader(stream, buffer_size=BLOCK_SIZE)
    kind = _sniff(peek.peek(512)[:512])
    if kind is None:
        raise InputError(
            "unknown file type: expected PubMed XML or MEDLINE text (PMID- ...)", path=path
        )
    if kind == "medline":
        if spans:
            raise InputError("byte offsets are given for PubMed XML only", path=path)
        yield from iter_medline(peek, source=str(path), rows=rows)
    elif workers and workers > 1:
        yield from _iter_xml_parallel(peek, str(path), workers, rows, spans)
    else:
        yield from iter_xml(peek, source=str(path), rows=rows, spans=spans)


def parse_record_bytes(raw: bytes, format: str) -> Record:
    """Re-parse one stored record (``Parsed.raw()``) of ``format`` ``"xml"`` or ``"medline"``.

    :raises ParseError: the bytes are not one record of that format.
    """
    if format == "xml":
        items = [i for i in iter_xml(io.BytesIO(raw), source="<stored record>")]
        records = [i.record for i in items if isinstance(i, Parsed)]
    elif format == "medline":
        records = [p.record for p in iter_medline(io.BytesIO(raw), source="<stored record>")]
    else:
        raise InputError(f"unknown record format {format!r}", field="format")
    if len(records) != 1:
        raise ParseError(f"expected one record, found {len(records)}", path="<stored record>")
    return records[0]
