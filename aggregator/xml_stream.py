"""Parse stage, PubMed XML: a byte stream -> record chunks -> ``Parsed``/``Deletion``.

:func:`_blocks` reads the stream as UTF-8 bytes (transcoding a declared encoding),
:class:`_Cutter` cuts them on ``<PubmedArticle>``..``</PubmedArticle>`` (and book /
DeleteCitation) boundaries and checks the text between records, and :func:`_parse_chunk` parses
one chunk alone with ``lxml.etree.fromstring`` and builds its record
(:mod:`aggregator.pubmed_xml`). :func:`aggregator.parse.iter_xml` chains them in this process;
:mod:`aggregator.parse_workers` sends batches of chunks to worker processes. Why cutting on tags
is safe: see :mod:`aggregator.parse`.

Example::

    import io
    from aggregator.xml_stream import _blocks, _Cutter, _parse_chunk, _with_xmlns

    cutter = _Cutter(_blocks(io.BytesIO(efetch_body), "efetch"), "efetch")
    for name, chunk, line in cutter.chunks():
        item = _parse_chunk(name, _with_xmlns(name, chunk, cutter.xmlns), line, "efetch")
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from lxml import etree

from .errors import ParseError
from .models import Deletion, Parsed, compress_raw
from .parse_common import RowMaker
from .pubmed_fields import _text
from .pubmed_xml import _record_from_element

#: bytes read from a stream at a time
BLOCK_SIZE = 1 << 20
_PMID_IN_CHUNK = re.compile(rb"<PMID[^>]*>\s*(\d+)")

_parser: Any = None


def _xml_parser() -> Any:
    global _parser  # one parser per process; lxml parsers are reusable, not shareable
    if _parser is None:
        _parser = etree.XMLParser(
            remove_comments=True,
            remove_pis=True,
            resolve_entities=False,
            no_network=True,
            huge_tree=True,
            collect_ids=False,
        )
    return _parser


_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle|DeleteCitation)(?=[\s>/])")
_END = {
    b"PubmedArticle": b"</PubmedArticle>",
    b"PubmedBookArticle": b"</PubmedBookArticle>",
    b"DeleteCitation": b"</DeleteCitation>",
}
# what may stand between records: declaration, DOCTYPE, comments, PIs, the wrapper's tags
_GAP_TOKEN = re.compile(
    rb"\s*(?:(<\?[^>]*\?>)|(<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>)|(<!--.*?-->)"
    rb"|(<PubmedArticleSet(?:\s[^>]*)?>)|(</PubmedArticleSet\s*>))\s*",
    re.DOTALL,
)
_XMLNS = re.compile(rb"""\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}
#: the most bytes held between records before they are checked (prologs are a few hundred)
_MAX_GAP = 1 << 20
_TAG_NAME = re.compile(rb"<\s*/?\s*([\w:.-]+)")


class _Cutter:
    """Cuts a PubMed XML byte stream into (name, bytes, first line) record chunks."""

    def __init__(self, blocks: Iterable[bytes], source: str) -> None:
        self.blocks = iter(blocks)
        self.source = source
        self.root_open = False
        self.root_closed = False
        self.seen = False  # any record or wrapper seen
        self.xmlns = b""  # namespace declarations on the wrapper, copied into each record
        #: byte offset of the last chunk yielded in the stream of blocks (the decompressed
        #: file when the blocks are its bytes as they are: UTF-8, no byte-order mark)
        self.offset = 0

    def _error(self, message: str, line: int, pmid: str | None = None) -> ParseError:
        return ParseError(message, path=self.source, line=line, pmid=pmid)

    def _gap(self, gap: bytes, line: int) -> None:
        """Check the text between records; raise on anything that is not allowed there."""
        pos, end = 0, len(gap)
        while pos < end:
            m = _GAP_TOKEN.match(gap, pos)
            if m is None or m.end() == pos:
                rest = gap[pos:].lstrip()
                if not rest:
                    return
                where = line + gap.count(b"\n", 0, end - len(rest))
                name = _TAG_NAME.match(rest)
                what = f"<{name.group(1).decode('ascii', 'replace')}>" if name else repr(rest[:20])
                raise self._error(f"not PubMed XML: unexpected {what}", where)
            if m.group(4):
                if self.root_open:
                    raise self._error("nested <PubmedArticleSet>", line + gap.count(b"\n", 0, pos))
                self.root_open = self.seen = True
                self.root_closed = m.group(4).rstrip().endswith(b"/>")
                self.xmlns = b"".join(_XMLNS.findall(m.group(4)))
            elif m.group(5):
                if not self.root_open or self.root_closed:
                    raise self._error(
                        "unexpected </PubmedArticleSet>", line + gap.count(b"\n", 0, pos)
                    )
                self.root_closed = True
            pos = m.end()

    def chunks(self) -> Iterator[tuple[bytes, bytes, int]]:
        buf = b""
        pos = 0  # start of unconsumed bytes in buf
        base = 0  # offset of buf[0] in the stream
        line = 1  # line number at buf[pos]
        eof = False

        def fill() -> bool:
            nonlocal buf, pos, eof, base
            block = next(self.blocks, None)
            if block is None:
                eof = True
                return False
            base += pos  # the bytes before pos are consumed (pos never passes len(buf))
            buf = buf[pos:] + block if pos < len(buf) else block
            pos = 0
            return True

        while True:
            m = _START.search(buf, pos)
            if m is None:
                if eof:
                    self._gap(buf[pos:], line)
                    self._finish(line + buf.count(b"\n", pos))
                    return
                if len(buf) - pos > _MAX_GAP:
                    # a long stretch without any record: check it now rather than hold it all
                    keep = max(pos, buf.rfind(b">", pos) + 1)
                    self._gap(buf[pos:keep], line)
                    line += buf.count(b"\n", pos, keep)
                    pos = keep
                fill()
                continue
            start = m.start()
            self._gap(buf[pos:start], line)
            line += buf.count(b"\n", pos, start)
            if self.root_closed:
                raise self._error("content after </PubmedArticleSet>", line)
            name = m.group(1)
            end_tag = _END[name]
            gt = buf.find(b">", m.end())
            if gt >= 0 and buf[gt - 1 : gt] == b"/":  # <DeleteCitation/>
                end = gt + 1
            else:
                end = buf.find(end_tag, m.end())
                searched = m.end()
                while end < 0:
                    searched = max(searched, len(buf) - len(end_tag))
                    offset = pos
                    if not fill():
                        partial = _PMID_IN_CHUNK.search(buf, start)
                        last = line + buf.count(b"\n", start)
                        raise self._error(
                            f"truncated: <{name.decode()}> starting here is not closed before "
                            f"the end of the data (line {last})",
                            line,
                            partial.group(1).decode() if partial else None,
                        )
                    start -= offset
                    searched -= offset
                    end = buf.find(end_tag, searched)
                end += len(end_tag)
            self.seen = True
            chunk = buf[start:end]
            self.offset = base + start
            yield name, chunk, line
            line += chunk.count(b"\n")
            pos = end

    def _finish(self, last_line: int) -> None:
        if self.root_open and not self.root_closed:
            raise self._error("truncated: </PubmedArticleSet> missing at end of data", last_line)
        if not self.seen:
            raise self._error("not PubMed XML: no PubmedArticle found", 1)


def _blocks(stream: IO[Any], source: str = "<stream>") -> Iterator[bytes]:
    """Read a stream in blocks as UTF-8 bytes, transcoding other declared encodings.

    :raises ParseError: an unknown encoding, or bytes that are not in the declared one.
    """
    first = stream.read(BLOCK_SIZE)
    if isinstance(first, str):  # a text stream: encode what we are given
        yield first.encode("utf-8")
        while block := stream.read(BLOCK_SIZE):
            yield block.encode("utf-8")
        return
    encoding = None
    if first.startswith(codecs.BOM_UTF8):
        first = first[3:]
    elif first[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        encoding = "utf-32"
    elif first[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    else:
        m = _ENCODING.match(first.lstrip())
        if m and m.group(1).decode().lower() not in _UTF8_NAMES:
            encoding = m.group(1).decode()
    if encoding is None:
        if first:
            yield first
        while block := stream.read(BLOCK_SIZE):
            yield block
        return
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        raise ParseError(f"unknown encoding {encoding!r}", path=source) from None
    block = first
    try:
        while block:
            yield decoder.decode(block).encode("utf-8")
            block = stream.read(BLOCK_SIZE)
        yield decoder.decode(b"", final=True).encode("utf-8")
    except (UnicodeError, ValueError) as exc:  # e.g. "UTF-16 stream does not start with BOM"
        raise ParseError(f"not {encoding} text: {_one_line(str(exc))}", path=source) from None


def _one_line(text: str) -> str:
    """lxml's messages may hold newlines (``...range\n, line 1``): errors are one line."""
    return " ".join(str(text).split())


def _with_xmlns(name: bytes, chunk: bytes, xmlns: bytes) -> bytes:
    if not xmlns:
        return chunk
    cut = len(name) + 1
    return chunk[:cut] + xmlns + chunk[cut:]


def _parse_chunk(
    name: bytes, chunk: bytes, line: int, source: str, rows: RowMaker | None = None
) -> Any:
    """One record's bytes -> Parsed (or ``rows(...)``, or Deletion); lxml errors become
    ParseError."""
    try:
        root = etree.fromstring(chunk, _xml_parser())
    except etree.XMLSyntaxError as exc:
        partial = _PMID_IN_CHUNK.search(chunk)
        lineno = exc.lineno or 1
        raise ParseError(
            f"malformed XML: {_one_line(exc.msg)}",
            path=source,
            line=line + lineno - 1,
            pmid=partial.group(1).decode() if partial else None,
        ) from None
    if name == b"DeleteCitation":
        return Deletion(tuple(t for t in (_text(p) for p in root if p.tag == "PMID") if t))
    record = _record_from_element(root)
    if not record.pmid:
        raise ParseError(f"<{name.decode()}> without a PMID", path=source, line=line)
    if rows is not None:
        return rows(record, chunk, "xml")
    return Parsed(record, compress_raw(chunk), "xml")

