"""Parse stage: PubMed XML and MEDLINE (nbib) text -> :class:`~aggregator.models.Record`.

Pure: no I/O beyond the stream or file it is given. Reads efetch output, baseline and update
files (``PubmedArticleSet`` with ``PubmedArticle``, ``PubmedBookArticle`` and
``DeleteCitation``), bare ``<PubmedArticle>`` documents, and the MEDLINE text the PubMed website
exports (``.txt``/``.nbib``).

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
import copyreg
import dataclasses
import gzip
import io
import multiprocessing
import os
import pickle
import re
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from Bio import Medline
from lxml import etree

from .errors import InputError, ParseError
from .models import (
    Author,
    Coded,
    Correction,
    Deletion,
    MeshHeading,
    Parsed,
    Qualifier,
    Record,
    Registration,
)

__all__ = [
    "iter_file",
    "iter_medline",
    "iter_xml",
    "normalise_registration",
    "parse_articles",
    "parse_record_bytes",
]

#: bytes read from a stream at a time
BLOCK_SIZE = 1 << 20
#: records per task sent to a worker process, and tasks in flight per worker (sent, not yet read
#: back): 100 x 3 holds 40% fewer records in flight than 250 x 2 at the same speed, and each
#: worker's heap peaks ~8 MB lower (20,000-record import: 177 MB summed RSS instead of 200 MB)
WORKER_BATCH = 100
WORKER_IN_FLIGHT = 3
#: zlib level for raw_z: level 6 (the default) costs 2.5x the time of level 1 for ~10% less size;
#: compressing is the largest single cost of parsing, so speed wins (benchmarks/parse_probe.py)
ZLIB_LEVEL = 1

Item = Parsed | Deletion
#: ``rows(record, raw, format)``: what to yield for a record instead of a :class:`Parsed` (see
#: :func:`iter_file`); a module-level function, so that worker processes can unpickle it
RowMaker = Callable[[Record, bytes, str], Any]

# ================================================================================================
# Small value helpers
# ================================================================================================

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_YEAR = re.compile(r"(\d{4})")
_RANGE_START = re.compile(r"^\s*(\d{4})(?:\s+([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2})(?!\d))?)?")
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_PMID_IN_CHUNK = re.compile(rb"<PMID[^>]*>\s*(\d+)")
_tostring = etree.tostring


def _norm(text: str | None) -> str:
    """Collapse whitespace runs (incl. newlines, NBSP) to one space and strip.

    Fast path: most text is already normal. ``isprintable()`` is False for every character
    ``str.split()`` splits on except the ASCII space (they are all control or separator
    characters), so a printable text with no double, leading or trailing space is returned
    as is: a C scan instead of splitting into words and joining them again.
    """
    if not text:
        return ""
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return " ".join(text.split())


def _text(el: Any) -> str:
    """Full mixed-content text of an element: every text node, markup dropped."""
    if el is None:
        return ""
    if len(el):  # mixed content: libxml2's text serialiser is ~8x faster than itertext()
        return _norm(_tostring(el, method="text", encoding=str, with_tail=False))
    return _norm(el.text)


def _opt(text: str) -> str | None:
    return text or None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _month(text: str | None) -> int | None:
    """'Jan', 'January', '1', '01' -> 1; anything else (seasons) -> None."""
    if not text:
        return None
    text = text.strip()
    if text.isdecimal():  # what int() reads: isdigit() also accepts "²", which int() rejects
        n = int(text)
        return n if 1 <= n <= 12 else None
    return _MONTHS.get(text[:3].lower())


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _free_date(text: str) -> tuple[int | None, str | None]:
    """A free-text date ('1998 Dec-1999 Jan', '2019 Spring', '2006 Mar 1') -> (year, ISO).

    The ISO date is the start of the range, as precise as the text allows.
    """
    m = _RANGE_START.match(text)
    if not m:
        y = _YEAR.search(text)
        year = int(y.group(1)) if y else None
        return year, _iso(year)
    year = int(m.group(1))
    month = _month(m.group(2))
    day = _int(m.group(3)) if month else None
    return year, _iso(year, month, day)


def _normalise_doi(text: str | None) -> str | None:
    text = _DOI_PREFIX.sub("", (text or "").strip())
    return text or None


def _normalise_pmcid(text: str | None) -> str | None:
    text = (text or "").strip().upper()
    if not text:
        return None
    return text if text.startswith("PMC") else f"PMC{text}"


def _normalise_orcid(text: str | None) -> str | None:
    if not text:
        return None
    m = _ORCID.search(text)
    if not m:
        return text.strip() or None
    return "-".join(m.groups()).upper()


# DataBankName (PubMed) / SI prefix (MEDLINE) -> registry id used across the project
_REGISTRIES = {
    "clinicaltrials.gov": "NCT",
    "isrctn": "ISRCTN",
    "anzctr": "ACTRN",
    "eudract": "EudraCT",
    "chictr": "ChiCTR",
    "drks": "DRKS",
    "ctri": "CTRI",
    "irct": "IRCT",
}
_DIGITS_PREFIXED = {"NCT", "ISRCTN", "ACTRN", "DRKS"}


def normalise_registration(databank: str, accession: str, source: str = "databank") -> Registration:
    """Map a DataBankName and accession to a :class:`Registration`.

    ``ClinicalTrials.gov`` -> ``NCT``, ``ISRCTN``, ``ANZCTR`` -> ``ACTRN``, ``EudraCT``,
    ``ChiCTR``, ``DRKS``, ``CTRI``, ``IRCT``; other data banks (GENBANK, PDB...) keep their
    name. Trial accessions are upper-cased without spaces, with the registry prefix added when
    only digits were given (``12345678`` in ISRCTN -> ``ISRCTN12345678``).
    """
    name = _norm(databank)
    registry = _REGISTRIES.get(name.lower())
    acc = "".join(accession.split())
    if registry is None:
        return Registration(registry=name, accession=acc, source=source)
    acc = acc.upper()
    if registry in _DIGITS_PREFIXED and acc.isdigit():
        acc = registry + acc
    elif registry == "ChiCTR" and acc.startswith("CHICTR"):
        acc = "ChiCTR" + acc[6:]
    elif registry == "EudraCT" and acc.startswith("EUDRACT"):
        acc = acc[7:].lstrip(":-/ ")
    return Registration(registry=registry, accession=acc, source=source)


# ================================================================================================
# PubMed XML: one record element -> Record
# ================================================================================================


def _date_el(el: Any) -> str | None:
    """<DateCompleted>/<PubMedPubDate>...: Year, Month, Day children -> ISO."""
    year = month = day = None
    for c in el:
        tag = c.tag
        if tag == "Year":
            year = c.text
        elif tag == "Month":
            month = c.text
        elif tag == "Day":
            day = c.text
    if (
        year is not None
        and month is not None
        and day is not None
        and len(year) == 4
        and len(month) == 2
        and len(day) == 2
        and (ymd := year + month + day).isdigit()
        and ymd.isascii()
        and "01" <= month <= "12"
        and "01" <= day <= "31"
    ):  # the usual 2024/01/02 (ASCII digits, month and day in range): already ISO
        return f"{year}-{month}-{day}"
    return _iso(_int(year), _month(month), _int(day))


def _pub_date(el: Any, rec: Record) -> None:
    """<PubDate>: Year/Month/Day, Year/Season or MedlineDate -> pub_year, pub_date, medline_date."""
    year = month = day = None
    season = medline = None
    for c in el:
        tag = c.tag
        if tag == "Year":
            year = _int(c.text)
        elif tag == "Month":
            text = c.text
            month = _month(text)
            if month is None and text:  # "Spring" sometimes arrives as Month
                season = text.strip()
        elif tag == "Day":
            day = _int(c.text)
        elif tag == "Season":
            season = _norm(c.text)
        elif tag == "MedlineDate":
            medline = _norm(c.text)
    if year is not None:
        rec.pub_year = year
        rec.pub_date = _iso(year, month, day)
        if season:
            rec.medline_date = f"{year} {season}"
    elif medline:
        rec.pub_year, rec.pub_date = _free_date(medline)
        rec.medline_date = medline


def _abstract(el: Any) -> str:
    """<Abstract>/<OtherAbstract>: paragraphs 'LABEL: text' joined by newlines."""
    parts = []
    for c in el:
        if c.tag != "AbstractText":
            continue  # CopyrightInformation is not abstract text
        text = _text(c)
        label = c.get("Label")
        if label:
            label = _norm(label)
        if label and text:
            parts.append(f"{label}: {text}")
        elif text or label:
            parts.append(text or f"{label}:")
    return "\n".join(parts)


def _authors(el: Any) -> list[Author]:
    out = []
    for a in el:
        if a.tag != "Author" or a.get("ValidYN") == "N":
            continue
        last = fore = initials = collective = orcid = None
        affiliations: list[str] = []
        for c in a:
            tag = c.tag
            if tag == "LastName":
                last = _text(c) or None
            elif tag == "ForeName":
                fore = _text(c) or None
            elif tag == "Initials":
                initials = _text(c) or None
            elif tag == "AffiliationInfo":
                for aff in c:
                    if aff.tag == "Affiliation":
                        text = _text(aff)
                        if text:
                            affiliations.append(text)
            elif tag == "CollectiveName":
                collective = _text(c) or None
            elif tag == "Identifier" and (c.get("Source") or "").upper() == "ORCID":
                orcid = orcid or _normalise_orcid(c.text)
        out.append(Author(last, fore, initials, collective, orcid, tuple(affiliations)))
    return out


def _article_ids(el: Any, rec: Record) -> None:
    for c in el:
        kind = c.get("IdType")
        if kind == "doi":
            if not rec.doi:
                rec.doi = _normalise_doi(c.text)
        elif kind == "pmc" and not rec.pmcid:
            rec.pmcid = _normalise_pmcid(c.text)


def _history(el: Any, rec: Record) -> None:
    history = rec.history
    for c in el:
        status = c.get("PubStatus")
        if status and status not in history and c.tag == "PubMedPubDate":
            date = _date_el(c)
            if date:
                history[status] = date


def _mesh(el: Any) -> list[MeshHeading]:
    out = []
    for h in el:
        if h.tag != "MeshHeading":
            continue
        ui = name = None
        major = False
        quals = []
        for c in h:
            tag = c.tag
            if tag == "DescriptorName":
                ui, name, major = c.get("UI"), _text(c), c.get("MajorTopicYN") == "Y"
            elif tag == "QualifierName":
                quals.append(Qualifier(c.get("UI"), _text(c), c.get("MajorTopicYN") == "Y"))
        if name:
            out.append(MeshHeading(ui, name, major, tuple(quals)))
    return out


def _coded_list(el: Any, child: str) -> list[Coded]:
    return [Coded(c.get("UI"), _text(c)) for c in el if c.tag == child]


def _chemicals(el: Any) -> list[Coded]:
    out = []
    for chem in el:
        for c in chem:
            if c.tag == "NameOfSubstance":
                out.append(Coded(c.get("UI"), _text(c)))
    return out


def _databanks(el: Any) -> list[Registration]:
    out = []
    for bank in el:
        name = ""
        accessions: list[str] = []
        for c in bank:
            if c.tag == "DataBankName":
                name = _text(c)
            elif c.tag == "AccessionNumberList":
                accessions.extend(_text(a) for a in c if a.tag == "AccessionNumber")
        out.extend(normalise_registration(name, acc) for acc in accessions if acc and name)
    return out


def _corrections(el: Any) -> list[Correction]:
    out = []
    for cc in el:
        if cc.tag != "CommentsCorrections":
            continue
        pmid = source = None
        for c in cc:
            tag = c.tag
            if tag == "PMID":
                pmid = _text(c) or None
            elif tag == "RefSource":
                source = _text(c) or None
        out.append(Correction(cc.get("RefType") or "", pmid, source))
    return out


def _keywords(el: Any) -> list[str]:
    out = []
    for k in el:
        if k.tag == "Keyword":
            text = _text(k)
            if text:
                out.append(text)
    return out


def _language(el: Any, rec: Record) -> None:
    text = el.text
    if text:
        text = text.strip()
        if text:
            rec.languages.append(text)


# -- MedlineCitation/Article: one handler per child tag -----------------------------------------
# ``state`` carries what is decided after the loop: [ELocationID doi, first ArticleDate]


def _journal(el: Any, rec: Record, state: list[Any]) -> None:
    for j in el:
        jt = j.tag
        if jt == "JournalIssue":
            for ji in j:
                t = ji.tag
                if t == "Volume":
                    rec.volume = _text(ji) or None
                elif t == "Issue":
                    rec.issue = _text(ji) or None
                elif t == "PubDate":
                    _pub_date(ji, rec)
        elif jt == "Title":
            rec.journal = _text(j) or None
        elif jt == "ISOAbbreviation":
            rec.journal_iso = _text(j) or None


def _a_title(el: Any, rec: Record, state: list[Any]) -> None:
    rec.title = _text(el)


def _a_vernacular(el: Any, rec: Record, state: list[Any]) -> None:
    rec.vernacular_title = _text(el) or None


def _a_pagination(el: Any, rec: Record, state: list[Any]) -> None:
    _pagination(el, rec)


def _a_elocation(el: Any, rec: Record, state: list[Any]) -> None:
    if el.get("EIdType") == "doi" and el.get("ValidYN") != "N" and not state[0]:
        state[0] = _normalise_doi(el.text)


def _a_abstract(el: Any, rec: Record, state: list[Any]) -> None:
    rec.abstract = _abstract(el)


def _a_authors(el: Any, rec: Record, state: list[Any]) -> None:
    if el.get("Type") != "editors":
        rec.authors.extend(_authors(el))


def _a_language(el: Any, rec: Record, state: list[Any]) -> None:
    _language(el, rec)


def _a_databanks(el: Any, rec: Record, state: list[Any]) -> None:
    rec.registrations.extend(_databanks(el))


def _a_pubtypes(el: Any, rec: Record, state: list[Any]) -> None:
    rec.publication_types = _coded_list(el, "PublicationType")


def _a_article_date(el: Any, rec: Record, state: list[Any]) -> None:
    if state[1] is None:
        state[1] = el


_ARTICLE = {
    "Journal": _journal,
    "ArticleTitle": _a_title,
    "VernacularTitle": _a_vernacular,
    "Pagination": _a_pagination,
    "ELocationID": _a_elocation,
    "Abstract": _a_abstract,
    "AuthorList": _a_authors,
    "Language": _a_language,
    "DataBankList": _a_databanks,
    "PublicationTypeList": _a_pubtypes,
    "ArticleDate": _a_article_date,
}


def _article(el: Any, rec: Record) -> None:
    """MedlineCitation/Article."""
    state: list[Any] = [None, None]  # ELocationID doi, first ArticleDate
    handlers = _ARTICLE
    for c in el:
        handler = handlers.get(c.tag)
        if handler is not None:
            handler(c, rec, state)
    elocation_doi, article_date = state
    if elocation_doi and not rec.doi:
        rec.doi = elocation_doi
    if rec.pub_year is None and article_date is not None:
        iso = _date_el(article_date)
        if iso:
            rec.pub_year, rec.pub_date = int(iso[:4]), iso


def _pagination(el: Any, rec: Record) -> None:
    start = end = None
    for p in el:
        tag = p.tag
        if tag == "MedlinePgn":
            rec.pages = _text(p) or None
        elif tag == "StartPage":
            start = _text(p) or None
        elif tag == "EndPage":
            end = _text(p) or None
    if not rec.pages and start:
        rec.pages = f"{start}-{end}" if end else start


# -- MedlineCitation: one handler per child tag; ``state``: [MedlineTA] --------------------------


def _mc_pmid(el: Any, rec: Record, state: list[Any]) -> None:
    rec.pmid = (el.text or "").strip()
    rec.version = _int(el.get("Version")) or 1


def _mc_article(el: Any, rec: Record, state: list[Any]) -> None:
    _article(el, rec)


def _mc_mesh(el: Any, rec: Record, state: list[Any]) -> None:
    rec.mesh = _mesh(el)


def _mc_chemicals(el: Any, rec: Record, state: list[Any]) -> None:
    rec.chemicals = _chemicals(el)


def _mc_keywords(el: Any, rec: Record, state: list[Any]) -> None:
    rec.keywords.extend(_keywords(el))


def _mc_corrections(el: Any, rec: Record, state: list[Any]) -> None:
    rec.corrections = _corrections(el)


def _mc_other_abstract(el: Any, rec: Record, state: list[Any]) -> None:
    text = _abstract(el)
    if text:
        rec.other_abstracts.append(text)


def _mc_completed(el: Any, rec: Record, state: list[Any]) -> None:
    rec.date_completed = _date_el(el)


def _mc_revised(el: Any, rec: Record, state: list[Any]) -> None:
    rec.date_revised = _date_el(el)


def _mc_created(el: Any, rec: Record, state: list[Any]) -> None:
    rec.date_created = _date_el(el)


def _mc_journal_info(el: Any, rec: Record, state: list[Any]) -> None:
    for j in el:
        if j.tag == "MedlineTA":
            state[0] = _text(j) or None


_MEDLINE_CITATION = {
    "PMID": _mc_pmid,
    "Article": _mc_article,
    "MeshHeadingList": _mc_mesh,
    "ChemicalList": _mc_chemicals,
    "KeywordList": _mc_keywords,
    "CommentsCorrectionsList": _mc_corrections,
    "OtherAbstract": _mc_other_abstract,
    "DateCompleted": _mc_completed,
    "DateRevised": _mc_revised,
    "DateCreated": _mc_created,
    "MedlineJournalInfo": _mc_journal_info,
}


def _medline_citation(el: Any, rec: Record) -> None:
    rec.citation_status = el.get("Status")
    rec.indexing_method = el.get("IndexingMethod")
    state: list[Any] = [None]  # MedlineTA
    handlers = _MEDLINE_CITATION
    for c in el:
        handler = handlers.get(c.tag)
        if handler is not None:
            handler(c, rec, state)
    journal_ta = state[0]
    if not rec.journal_iso:
        rec.journal_iso = journal_ta
    if not rec.journal:
        rec.journal = journal_ta


def _pubmed_data(el: Any, rec: Record) -> None:
    """PubmedData / PubmedBookData: History, PublicationStatus, ArticleIdList."""
    for c in el:
        tag = c.tag
        if tag == "History":
            _history(c, rec)
        elif tag == "ArticleIdList":
            _article_ids(c, rec)  # direct child only: ReferenceList holds other ArticleIdLists
        elif tag == "PublicationStatus":
            rec.publication_status = _text(c) or None


def _book_document(el: Any, rec: Record) -> None:
    book_title = ""
    for c in el:
        tag = c.tag
        if tag == "PMID":
            rec.pmid = (c.text or "").strip()
            rec.version = _int(c.get("Version")) or 1
        elif tag == "ArticleIdList":
            _article_ids(c, rec)
        elif tag == "Book":
            for b in c:
                bt = b.tag
                if bt == "Publisher":
                    for p in b:
                        if p.tag == "PublisherName":
                            rec.journal = _opt(_text(p))
                elif bt == "BookTitle":
                    book_title = _text(b)
                elif bt == "PubDate":
                    _pub_date(b, rec)
                elif bt == "Volume":
                    rec.volume = _opt(_text(b))
                elif bt == "AuthorList" and b.get("Type") != "editors" and not rec.authors:
                    rec.authors.extend(_authors(b))
        elif tag == "ArticleTitle":
            rec.title = _text(c)
        elif tag == "VernacularTitle":
            rec.vernacular_title = _opt(_text(c))
        elif tag == "Language":
            if c.text and c.text.strip():
                rec.languages.append(c.text.strip())
        elif tag == "AuthorList":
            if c.get("Type") != "editors":
                rec.authors = _authors(c)  # the chapter's authors win over the book's
        elif tag == "PublicationType":
            rec.publication_types.append(Coded(c.get("UI"), _text(c)))
        elif tag == "Abstract":
            rec.abstract = _abstract(c)
        elif tag == "KeywordList":
            rec.keywords.extend(_keywords(c))
        elif tag == "DateRevised":
            rec.date_revised = _date_el(c)
        elif tag == "DataBankList":
            rec.registrations.extend(_databanks(c))
        elif tag == "ELocationID":
            if c.get("EIdType") == "doi" and c.get("ValidYN") != "N" and not rec.doi:
                rec.doi = _normalise_doi(c.text)
    if not rec.title:
        rec.title = book_title


def _record_from_element(root: Any) -> Record:
    rec = Record(pmid="")
    if root.tag == "PubmedBookArticle":
        rec.kind = "book"
        for c in root:
            if c.tag == "BookDocument":
                _book_document(c, rec)
            elif c.tag == "PubmedBookData":
                _pubmed_data(c, rec)
    else:
        for c in root:
            if c.tag == "MedlineCitation":
                _medline_citation(c, rec)
            elif c.tag == "PubmedData":
                _pubmed_data(c, rec)
    if not rec.date_created:
        rec.date_created = rec.history.get("pubmed") or rec.history.get("entrez")
    return rec


# ================================================================================================
# PubMed XML: cutting a byte stream into records
# ================================================================================================

_PARSER_OPTIONS = dict(
    remove_comments=True,
    remove_pis=True,
    resolve_entities=False,
    no_network=True,
    huge_tree=True,
    collect_ids=False,
)
_parser: Any = None


def _xml_parser() -> Any:
    global _parser  # one parser per process; lxml parsers are reusable, not shareable
    if _parser is None:
        _parser = etree.XMLParser(**_PARSER_OPTIONS)
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
        line = 1  # line number at buf[pos]
        eof = False

        def fill() -> bool:
            nonlocal buf, pos, eof
            block = next(self.blocks, None)
            if block is None:
                eof = True
                return False
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
    return Parsed(record, zlib.compress(chunk, ZLIB_LEVEL), "xml")


def iter_xml(
    stream: BinaryIO, *, source: str = "<stream>", rows: RowMaker | None = None
) -> Iterator[Parsed | Deletion]:
    """Stream records from PubMed XML, one at a time, in flat memory.

    :param stream: a binary stream of efetch output, a baseline/update file or a bare
        ``<PubmedArticle>`` document (already decompressed).
    :param source: a name for error messages (the file path).
    :param rows: yield ``rows(record, raw_bytes, "xml")`` instead of each Parsed (see
        :func:`iter_file`).
    :raises ParseError: malformed or truncated XML, or not PubMed XML (names source and line).
    """
    cutter = _Cutter(_blocks(stream, source), source)
    for name, chunk, line in cutter.chunks():
        yield _parse_chunk(name, _with_xmlns(name, chunk, cutter.xmlns), line, source, rows)


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
# Worker processes
# ================================================================================================


def _by_fields(cls: type) -> Any:
    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, n) for n in names)

    return reduce


# Pickle the models as constructor calls: the default route for slotted dataclasses
# (copyreg + __setstate__) made unpickling in the main process cost 2.5x more, and the main
# process is the bottleneck once parsing runs in workers.
_DISPATCH = copyreg.dispatch_table.copy()
for _cls in (Author, Qualifier, MeshHeading, Coded, Registration, Correction, Record, Parsed):
    _DISPATCH[_cls] = _by_fields(_cls)


def _parse_batch(
    batch: list[tuple[bytes, bytes, int]], source: str, rows: RowMaker | None = None
) -> bytes:
    """Run in a worker: parse a batch into pickled ``(items, error)``.

    A ParseError comes back as data (its fields), so the main process can raise it itself.
    """
    out: list[Any] = []
    error = None
    try:
        for name, chunk, line in batch:
            out.append(_parse_chunk(name, chunk, line, source, rows))
    except ParseError as exc:
        error = {"message": exc.message, "line": exc.line, "pmid": exc.pmid}
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump((out, error))
    return buf.getvalue()


def _parent_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a killed, not yet reaped one is a zombie: dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True  # no /proc: trust kill(0)


def watch_parent(pid: int, interval: float = 0.5) -> None:
    """In a worker process: exit as soon as process ``pid`` (the one that started the pool) is
    gone. A pool's workers block reading a queue whose write end they hold themselves, so when
    the parent is killed (``kill -9``) they would otherwise wait forever, and keep their fork
    server alive too."""
    import threading
    import time

    def watch() -> None:
        while _parent_alive(pid):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _pool_context() -> Any:
    """``forkserver`` where available (else ``spawn``): workers start from a clean server
    process, so they never inherit the caller's open files, such as the store's ``flock``
    lock fd (a forked worker outliving a killed parent would keep the lock held), nor its
    threads. The server preloads this module, so each worker starts in milliseconds."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__])
        return ctx
    return multiprocessing.get_context("spawn")


def _iter_xml_parallel(
    stream: BinaryIO, source: str, workers: int, rows: RowMaker | None = None
) -> Iterator[Any]:
    """Like :func:`iter_xml`, with the lxml work done in ``workers`` processes.

    The main process only cuts bytes; at most ``WORKER_IN_FLIGHT * workers`` batches are in
    flight, so memory stays bounded and results come back in file order.
    """
    cutter = _Cutter(_blocks(stream, source), source)
    pool = _pool_context().Pool(workers, initializer=watch_parent, initargs=(os.getpid(),))
    pending: deque[Any] = deque()

    def drain(result: Any) -> Iterator[Item]:
        items, error = pickle.loads(result.get())
        yield from items
        if error:
            raise ParseError(error["message"], path=source, line=error["line"], pmid=error["pmid"])

    try:
        batch: list[tuple[bytes, bytes, int]] = []
        for name, chunk, line in cutter.chunks():
            batch.append((name, _with_xmlns(name, chunk, cutter.xmlns), line))
            if len(batch) >= WORKER_BATCH:
                pending.append(pool.apply_async(_parse_batch, (batch, source, rows)))
                batch = []
                while len(pending) >= WORKER_IN_FLIGHT * workers:
                    yield from drain(pending.popleft())
        if batch:
            pending.append(pool.apply_async(_parse_batch, (batch, source, rows)))
        while pending:
            yield from drain(pending.popleft())
    finally:
        pool.terminate()
        pool.join()


# ================================================================================================
# MEDLINE / nbib text
# ================================================================================================

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
        if raw.startswith("      ") or raw.startswith("\t"):
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
    for number, line in enumerate(stream, 1):
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
            yield Parsed(record, zlib.compress(text.encode("utf-8"), ZLIB_LEVEL), "medline")


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
    path: str | Path, *, workers: int | None = None, rows: RowMaker | None = None
) -> Iterator[Parsed | Deletion]:
    """Stream records from a file: ``.xml``, ``.xml.gz`` (gzip sniffed by magic bytes), or
    MEDLINE ``.txt``/``.nbib`` (sniffed by content, not by name).

    :param workers: parse XML in this many worker processes (2+); None or 1 parses here.
    :param rows: a module-level function ``rows(record, raw, format)`` whose result is yielded
        instead of each :class:`Parsed` (``raw``: the record's own bytes, uncompressed).
        With workers it runs in them, so what the consumer would do next with each record
        (serialise, hash, compress: :func:`aggregator.store.prepare`) is done in parallel
        and only its compact result crosses the process boundary.
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
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gzipped else raw  # type: ignore[assignment]
        try:
            yield from _iter_stream(stream, path, workers, rows)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise ParseError(f"truncated or corrupt gzip data: {exc}", path=path) from None


def _iter_stream(
    stream: BinaryIO, path: Path, workers: int | None, rows: RowMaker | None = None
) -> Iterator[Any]:
    peek = io.BufferedReader(stream, buffer_size=BLOCK_SIZE)  # type: ignore[arg-type]
    kind = _sniff(peek.peek(512)[:512])
    if kind is None:
        raise InputError(
            "unknown file type: expected PubMed XML or MEDLINE text (PMID- ...)", path=path
        )
    if kind == "medline":
        yield from iter_medline(peek, source=str(path), rows=rows)
    elif workers and workers > 1:
        yield from _iter_xml_parallel(peek, str(path), workers, rows)  # type: ignore[arg-type]
    else:
        yield from iter_xml(peek, source=str(path), rows=rows)  # type: ignore[arg-type]


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
