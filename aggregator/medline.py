"""Parse stage, MEDLINE text: efetch ``rettype=medline`` and PubMed's ``.nbib`` -> Records.

Pure: reads only the stream it is given. Records are separated by blank lines; each record's
tagged lines (continuation lines joined) are read with ``Bio.Medline`` and mapped to the same
:class:`~aggregator.models.Record` the XML reader builds, through the value normalisers of
:mod:`aggregator.parse_common`. ``raw_z`` holds the record's own text, ``format`` is
``"medline"``.

Example::

    from aggregator.medline import iter_medline

    with open("pubmed-ketamine.nbib", "rb") as fh:
        for parsed in iter_medline(fh, source="pubmed-ketamine.nbib"):
            print(parsed.record.pmid, parsed.record.title)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, TextIO

from Bio import Medline

from .errors import ParseError
from .models import (
    Author,
    Coded,
    Correction,
    MeshHeading,
    Parsed,
    Qualifier,
    Record,
    compress_raw,
)
from .parse_common import (
    RowMaker,
    _free_date,
    _int,
    _iso,
    _month,
    _norm,
    _normalise_doi,
    _normalise_orcid,
    _normalise_pmcid,
    _opt,
    normalise_registration,
)

__all__ = ["iter_medline"]

_MEDLINE_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$")
_CORRECTION_TAGS = {
    "CON": "CommentOn",
    "CIN": "CommentIn",
    "EIN": "ErratumIn",
    "EFR": "ErratumFor",
    "CRI": "CorrectedandRepublishedIn",
    "CRF": "CorrectedandRepublishedFrom",
    "PRIN": "PartialRetractionIn",
    "PROF": "PartialRetractionOf",
    "RPI": "RepublishedIn",
    "RPF": "RepublishedFrom",
    "RIN": "RetractionIn",
    "ROF": "RetractionOf",
    "UIN": "UpdateIn",
    "UOF": "UpdateOf",
    "SPIN": "SummaryForPatientsIn",
    "ORI": "OriginalReportIn",
    "ECI": "ExpressionOfConcernIn",
    "ECF": "ExpressionOfConcernFor",
}
_CORRECTION_PMID = re.compile(r"\s*PMID:\s*(\d+)\s*$")
_ID_SUFFIX = re.compile(r"^(.*?)\s*\[([a-z-]+)\]\s*$")
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})")
_SIMPLE_DP = re.compile(r"^\d{4}(?: [A-Z][a-z]{2}(?: \d{1,2})?)?$")


def _medline_fields(text: str, source: str, line: int) -> list[tuple[str, str]]:
    """One record's text -> ordered (tag, value) pairs, continuation lines joined."""
    pairs: list[tuple[str, str]] = []
    for offset, raw in enumerate(text.splitlines()):
        if not raw.strip():
            continue
        if raw.startswith(("      ", "\t")):
            if not pairs:
                raise ParseError("continuation line before any tag", path=source, line=line + offset)
            tag, value = pairs[-1]
            pairs[-1] = (tag, f"{value} {raw.strip()}".strip())
            continue
        m = _MEDLINE_TAG.match(raw.rstrip())
        if m is None:
            raise ParseError(
                f"not MEDLINE text: {raw[:30]!r}", path=source, line=line + offset
            )
        pairs.append((m.group(1), m.group(2).strip()))
    return pairs


def _medline_date(text: str | None) -> str | None:
    """'2002/09/17 10:00' or '20030606' -> ISO date."""
    if not text:
        return None
    m = _SLASH_DATE.match(text) or _COMPACT_DATE.match(text)
    if not m:
        return None
    return _iso(int(m.group(1)), _month(m.group(2)), _int(m.group(3)))


def _medline_authors(pairs: list[tuple[str, str]]) -> list[Author]:
    """FAU/AU/AUID/AD in order: AD and AUID belong to the author above them."""
    people: list[dict[str, Any]] = []
    collectives: list[str] = []
    early_ad: list[str] = []  # older records give AD before the authors: the first author's
    for tag, value in pairs:
        if tag == "FAU" or (tag == "AU" and (not people or people[-1].get("au") is not None)):
            people.append({"fau": None, "au": None, "orcid": None, "ad": []})
        if tag == "FAU":
            people[-1]["fau"] = value
        elif tag == "AU":
            people[-1]["au"] = value
        elif tag == "AUID" and people and "orcid" in value.lower():
            people[-1]["orcid"] = _normalise_orcid(value)
        elif tag == "AD":
            (people[-1]["ad"] if people else early_ad).append(value)
        elif tag == "CN":
            collectives.append(value)
    if people and early_ad:
        people[0]["ad"][:0] = early_ad
    out = []
    for p in people:
        last = fore = initials = None
        if p["fau"]:
            last, _, fore = (s.strip() for s in p["fau"].partition(","))
        if p["au"]:
            name, _, ini = p["au"].rpartition(" ")
            last = last or name or p["au"]
            initials = ini if name else None
        out.append(Author(last or None, fore or None, initials, None, p["orcid"], tuple(p["ad"])))
    out.extend(Author(collective=c) for c in collectives)
    return out


def _medline_mesh(term: str) -> MeshHeading:
    """'Ketamine/*therapeutic use' or '*Depression' -> MeshHeading."""
    parts = term.split("/")
    head = parts[0].strip()
    quals = tuple(
        Qualifier(None, q.strip().lstrip("*"), q.strip().startswith("*")) for q in parts[1:]
    )
    return MeshHeading(None, head.lstrip("*"), head.startswith("*"), quals)


def _medline_record(text: str, source: str, line: int) -> Record:
    pairs = _medline_fields(text, source, line)
    # Bio.Medline gives the tag -> value(s) dict; our joined lines keep its list tags whole.
    med = Medline.read([f"{tag:<4}- {value}\n" for tag, value in pairs])
    pmid = (med.get("PMID") or "").strip()
    if not pmid.isdigit():
        raise ParseError("MEDLINE record without a PMID", path=source, line=line)

    def many(tag: str) -> list[str]:
        value = med.get(tag, [])
        return [value] if isinstance(value, str) else [v for v in value if v]

    def one(tag: str) -> str | None:
        values = many(tag)
        return _norm(" ".join(values)) or None

    rec = Record(pmid=pmid)
    rec.kind = "book" if one("BTI") else "article"
    rec.title = one("TI") or one("BTI") or ""
    rec.vernacular_title = one("TT")
    rec.abstract = one("AB") or ""
    rec.other_abstracts = [_norm(v) for v in many("OAB")]
    rec.authors = _medline_authors(pairs)
    rec.journal = one("JT") or one("PB")
    rec.journal_iso = one("TA")
    rec.volume, rec.issue, rec.pages = one("VI"), one("IP"), one("PG")
    dp = one("DP")
    if dp:
        rec.pub_year, rec.pub_date = _free_date(dp)
        if not _SIMPLE_DP.match(dp):
            rec.medline_date = dp
    rec.languages = many("LA")
    for value in many("LID") + many("AID"):
        m = _ID_SUFFIX.match(value)
        if m and m.group(2) == "doi" and not rec.doi:
            rec.doi = _normalise_doi(m.group(1))
    rec.pmcid = _normalise_pmcid(one("PMC"))
    rec.publication_types = [Coded(None, _norm(v)) for v in many("PT")]
    rec.mesh = [_medline_mesh(v) for v in many("MH")]
    rec.keywords = [_norm(v) for v in many("OT")]
    for value in many("RN"):
        code, _, name = value.partition(" (")
        rec.chemicals.append(Coded(None, name.rstrip(")").strip() or code.strip()))
    for value in many("SI"):
        bank, sep, acc = value.partition("/")
        if sep and acc.strip():
            rec.registrations.append(normalise_registration(bank, acc))
    for tag, value in pairs:
        ref_type = _CORRECTION_TAGS.get(tag)
        if ref_type:
            m = _CORRECTION_PMID.search(value)
            src = value[: m.start()] if m else value
            rec.corrections.append(
                Correction(ref_type, m.group(1) if m else None, _opt(src.strip().rstrip(".")))
            )
    rec.citation_status = one("STAT")
    rec.date_completed = _medline_date(one("DCOM"))
    rec.date_revised = _medline_date(one("LR"))
    for value in many("PHST"):
        m = _ID_SUFFIX.match(value)
        date = _medline_date(m.group(1)) if m else None
        if m and date:
            rec.history.setdefault(m.group(2), date)
    for tag, status in (("EDAT", "entrez"), ("MHDA", "medline"), ("CRDT", "pubmed")):
        date = _medline_date(one(tag))
        if date:
            rec.history.setdefault(status, date)
    rec.date_created = (
        _medline_date(one("DA"))
        or _medline_date(one("CRDT"))
        or rec.history.get("pubmed")
        or rec.history.get("entrez")
    )
    rec.publication_status = one("PST")
    return rec


def _medline_texts(stream: TextIO | BinaryIO, source: str) -> Iterator[tuple[str, int]]:
    """Split MEDLINE text on blank lines: (record text, first line number)."""
    lines: list[str] = []
    first = 0
    for number, line in enumerate(_text_lines(stream, source), 1):
        if line.strip():
            if not lines:
                first = number
            lines.append(line if line.endswith("\n") else line + "\n")
        elif lines:
            yield "".join(lines), first
            lines = []
    if lines:
        yield "".join(lines), first


def _text_lines(stream: TextIO | BinaryIO, source: str) -> Iterator[str]:
    lines: Iterable[str | bytes] = stream
    for number, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ParseError(f"not UTF-8 text: {exc.reason}", path=source, line=number) from None
        else:
            text = line
        if number == 1:
            text = text.lstrip("\ufeff")
        yield text


def iter_medline(
    stream: TextIO | BinaryIO, *, source: str, rows: RowMaker | None = None
) -> Iterator[Parsed]:
    """Stream records from MEDLINE text (efetch ``rettype=medline``, PubMed's ``.nbib``).

    ``raw_z`` holds the record's own MEDLINE text; ``format`` is ``"medline"``. What the format
    lacks stays empty: MeSH and publication-type UIs, chemical UIs, indexing method, PMID
    version, abstract section structure (MEDLINE flattens labels into the text).

    :raises ParseError: text that is not MEDLINE, or a record without PMID (names line).
    """
    for text, line in _medline_texts(stream, source):
        record = _medline_record(text, source, line)
        if rows is not None:
            yield rows(record, text.encode("utf-8"), "medline")
        else:
            yield Parsed(record, compress_raw(text.encode("utf-8")), "medline")
