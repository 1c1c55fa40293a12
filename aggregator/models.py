"""Plain values shared by the stages: a PubMed record and its parts, and its tags.

Records are built by :mod:`aggregator.parse`, stored by :mod:`aggregator.store` (as JSON via
:meth:`Record.to_dict` / :meth:`Record.from_dict`, plus the original XML compressed) and tagged
by :mod:`aggregator.tag`.

Example::

    rec = Record(pmid="12345", title="Ketamine for TRD")
    assert Record.from_dict(rec.to_dict()) == rec
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Author:
    """One author, or a collective (group) name when ``collective`` is set."""

    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective: str | None = None
    orcid: str | None = None
    affiliations: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """"Last FM" (Vancouver style) or the collective name."""
        if self.collective:
            return self.collective
        if self.last_name and self.initials:
            return f"{self.last_name} {self.initials}"
        return self.last_name or self.fore_name or ""


@dataclass(frozen=True, slots=True)
class Qualifier:
    ui: str | None
    name: str
    major: bool = False


@dataclass(frozen=True, slots=True)
class MeshHeading:
    """A MeSH descriptor with its UI, major-topic flag and qualifiers."""

    ui: str | None
    name: str
    major: bool = False
    qualifiers: tuple[Qualifier, ...] = ()

    @property
    def is_major(self) -> bool:
        """Major topic on the descriptor or any of its qualifiers."""
        return self.major or any(q.major for q in self.qualifiers)


@dataclass(frozen=True, slots=True)
class Coded:
    """A (UI, name) pair: publication types, chemicals."""

    ui: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Registration:
    """A trial registration: registry (``NCT``, ``ISRCTN``, ``EudraCT``...) and normalised id.

    ``source`` is ``databank`` (DataBankList), ``abstract`` or ``text``.
    """

    registry: str
    accession: str
    source: str = "databank"


@dataclass(frozen=True, slots=True)
class Correction:
    """A CommentsCorrections link: ``RetractionIn``, ``ErratumIn``, ``ExpressionOfConcernIn``..."""

    ref_type: str
    pmid: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Record:
    """One PubMed citation (``PubmedArticle``) or book record (``PubmedBookArticle``).

    Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); text is full mixed-content
    text (inline markup kept as text; structured-abstract labels as ``LABEL: text`` paragraphs
    joined by newlines).
    """

    pmid: str
    kind: str = "article"  # "article" | "book"
    version: int = 1
    title: str = ""
    vernacular_title: str | None = None
    abstract: str = ""
    other_abstracts: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    journal: str | None = None
    journal_iso: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pub_year: int | None = None
    pub_date: str | None = None
    medline_date: str | None = None
    languages: list[str] = field(default_factory=list)
    doi: str | None = None
    pmcid: str | None = None
    publication_types: list[Coded] = field(default_factory=list)
    mesh: list[MeshHeading] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    chemicals: list[Coded] = field(default_factory=list)
    registrations: list[Registration] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    citation_status: str | None = None
    indexing_method: str | None = None
    date_created: str | None = None
    date_completed: str | None = None
    date_revised: str | None = None
    #: PubmedData/History: {"entrez": "2024-01-02", "pubmed": ..., "medline": ..., "received": ...}
    history: dict[str, str] = field(default_factory=dict)
    publication_status: str | None = None

    # -- derived views ------------------------------------------------------------------------
    @property
    def has_mesh(self) -> bool:
        return bool(self.mesh)

    @property
    def publication_type_names(self) -> list[str]:
        return [p.name for p in self.publication_types]

    @property
    def retracted(self) -> bool:
        """Retracted: a ``RetractionIn`` link or the ``Retracted Publication`` type."""
        return any(c.ref_type == "RetractionIn" for c in self.corrections) or any(
            p.name == "Retracted Publication" for p in self.publication_types
        )

    @property
    def first_author(self) -> str | None:
        return self.authors[0].display if self.authors else None

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"

    # -- serialisation ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; :meth:`from_dict` inverts it exactly."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, only: Collection[str] | None = None) -> Record:
        """The record :meth:`to_dict` made ``data`` from.

        :param only: build just these fields; the others keep their defaults (empty). For a
            reader that needs a few, such as the tagger (:data:`aggregator.tag.TAG_FIELDS`):
            an average stored record loads in about half the time without its authors.
        """
        known = _RECORD_FIELDS if only is None else only
        d = {k: v for k, v in data.items() if k in known}
        if "authors" in d:
            d["authors"] = [
                Author(**{**a, "affiliations": tuple(a.get("affiliations", ()))})
                for a in d["authors"]
            ]
        if "mesh" in d:
            d["mesh"] = [
                MeshHeading(
                    ui=m.get("ui"),
                    name=m["name"],
                    major=m.get("major", False),
                    qualifiers=tuple(Qualifier(**q) for q in m.get("qualifiers", ())),
                )
                for m in d["mesh"]
            ]
        for key, kind in _CODED_LISTS:
            if key in d:
                d[key] = [kind(**item) for item in d[key]]
        return cls(**d)


_RECORD_FIELDS = frozenset(f.name for f in fields(Record))
_CODED_LISTS: tuple[tuple[str, Any], ...] = (
    ("publication_types", Coded), ("chemicals", Coded), ("registrations", Registration),
    ("corrections", Correction))


@dataclass(frozen=True, slots=True)
class Deletion:
    """A ``DeleteCitation`` element: PMIDs PubMed has withdrawn."""

    pmids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tag:
    """One label with its provenance: ``source`` is ``mesh``, ``publication_type`` or ``text``;
    ``term`` is the MeSH heading, publication type or phrase that matched."""

    label: str
    source: str
    term: str


@dataclass(slots=True)
class Tags:
    """Everything :func:`aggregator.tag.tag_record` derives from one record."""

    conditions: list[Tag] = field(default_factory=list)
    routes: list[Tag] = field(default_factory=list)
    design: Tag | None = None
    population: Tag | None = None
    age_groups: list[Tag] = field(default_factory=list)
    sample_size: int | None = None
    sample_size_evidence: str | None = None
    registrations: list[Registration] = field(default_factory=list)
    retracted: bool = False
    erratum: bool = False
    expression_of_concern: bool = False
    #: False when ketamine is only an anaesthetic tool or a "ketamine-induced" model
    ketamine_treatment: bool = True

    def labels(self, kind: str) -> list[str]:
        """Label ids of ``kind`` (``conditions``, ``routes``, ``age_groups``), de-duplicated."""
        seen: dict[str, None] = {}
        for t in getattr(self, kind):
            seen.setdefault(t.label, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tags:
        d = dict(data)
        for key in ("conditions", "routes", "age_groups"):
            d[key] = [Tag(**t) for t in d.get(key, [])]
        for key in ("design", "population"):
            d[key] = Tag(**d[key]) if d.get(key) else None
        d["registrations"] = [Registration(**r) for r in d.get("registrations", [])]
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass(frozen=True, slots=True)
class Parsed:
    """A record as read, with its original text kept for re-tagging without PubMed.

    ``raw_z`` is the record's own source, compressed: the ``PubmedArticle`` /
    ``PubmedBookArticle`` element's bytes for ``format == "xml"``, the record's MEDLINE text
    for ``format == "medline"``, compressed with zstd (:func:`compress_raw`). Rows stored before
    zstd, and Parsed made by callers, may carry zlib: :func:`decompress_raw` reads both (by
    magic bytes).
    """

    record: Record
    raw_z: bytes
    format: str = "xml"

    def raw(self) -> bytes:
        return decompress_raw(self.raw_z)


#: zstd frame magic number (RFC 8878); zlib streams start with 0x78 (or 0x08-0x68 | 8)
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
#: zstd level for :func:`compress_raw`: level 1 is ~3x faster than zlib level 1 for the same
#: size on PubMed XML (docs/benchmarks.md)
ZSTD_LEVEL = 1
_zstd: Any = None


def _zstd_codec() -> Any:
    global _zstd  # per process: (compressor, decompressor); zstandard objects are not shareable
    if _zstd is None:
        import zstandard

        _zstd = (zstandard.ZstdCompressor(level=ZSTD_LEVEL), zstandard.ZstdDecompressor())
    return _zstd


def compress_raw(raw: bytes) -> bytes:
    """A record's original text compressed for the store (zstd level 1)."""
    return _zstd_codec()[0].compress(raw)  # type: ignore[no-any-return]


def _is_zlib(data: bytes) -> bool:
    """A zlib stream header (RFC 1950): deflate, a window up to 32 KB, a valid check. Never
    true of text: ``<`` (0x3C), ``P`` of ``PMID-`` and whitespace are not deflate."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and data[0] >> 4 <= 7 \
        and (data[0] << 8 | data[1]) % 31 == 0


def decompress_raw(raw_z: bytes) -> bytes:
    """The original text of a stored ``raw`` column or a ``Parsed.raw_z``: zstd (what the
    parser writes) or zlib (rows stored before zstd), told apart by magic; text that is
    neither (a record read from a stored source file, :meth:`Store.iter_raw`) is returned
    as it is."""
    if raw_z[:4] == ZSTD_MAGIC:
        return _zstd_codec()[1].decompress(raw_z)  # type: ignore[no-any-return]
    if not _is_zlib(raw_z):
        return raw_z
    import zlib

    return zlib.decompress(raw_z)
