"""Parse stage, PubMed XML: one small pure function per field of a record element.

Each takes an lxml element from a ``<PubmedArticle>``/``<PubmedBookArticle>`` (``<AuthorList>``,
``<MeshHeadingList>``, ``<PubDate>``...) and returns its value, or fills the
:class:`~aggregator.models.Record` fields it owns; missing optional parts give ``None`` or empty
lists, never an error. :mod:`aggregator.pubmed_xml` calls them from its per-tag handler tables.

Text: :func:`_text` is the concatenation of every text node (``<i>``, ``<sup>``, MathML... kept
as text, the markup dropped), whitespace runs collapsed to one space (see :mod:`aggregator.parse`).

Children are walked as ``el[:]``, a list lxml builds in one C call, rather than ``for c in el``:
lxml's child iterator allocates an iterator and a tag matcher for every parent (~70 ns more per
parent; a record has ~50 parents, ~4.5 us of the ~87 us its extraction took). Values from small
vocabularies are shared between records (:func:`_interned`).

Example::

    from lxml import etree
    from aggregator.pubmed_fields import _authors

    el = etree.fromstring(b"<AuthorList><Author><LastName>Doe</LastName>"
                          b"<ForeName>Jane</ForeName></Author></AuthorList>")
    _authors(el)   # [Author(last_name='Doe', fore_name='Jane', ...)]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from lxml import etree

from .models import Author, Coded, Correction, MeshHeading, Qualifier, Record, Registration
from .parse_common import (
    _free_date,
    _int,
    _iso,
    _month,
    _norm,
    _normalise_doi,
    _normalise_orcid,
    _normalise_pmcid,
    normalise_registration,
)

_tostring = etree.tostring
_T = TypeVar("_T")

#: Interned values (see :func:`_interned`), by constructor arguments. Cleared when one reaches
#: :data:`_INTERN_MAX` entries, so that odd input cannot grow them without end (~3 MB each).
_QUALIFIERS: dict[tuple[Any, ...], Qualifier] = {}
_HEADINGS: dict[tuple[Any, ...], MeshHeading] = {}  # headings without qualifiers
_CODED: dict[tuple[Any, ...], Coded] = {}  # publication types, chemicals
_INTERN_MAX = 1 << 14


def _interned(cache: dict[tuple[Any, ...], _T], cls: Callable[..., _T], key: tuple[Any, ...]) -> _T:
    """``cls(*key)``, shared with earlier records that had the same value.

    MeSH qualifiers, qualifier-less headings ("Humans", "Female"...), publication types and
    chemicals come from small vocabularies, so most records repeat values seen before; a dict
    hit (~0.15 us) replaces a frozen dataclass's ``__init__`` (~0.3 us: one
    ``object.__setattr__`` per field), -3 us a record on the benchmark corpus. The values are
    frozen, so sharing them changes nothing that can be observed but ``is``.
    """
    value = cache.get(key)
    if value is None:
        if len(cache) >= _INTERN_MAX:
            cache.clear()
        value = cache[key] = cls(*key)
    return value


def _text(el: Any) -> str:
    """Full mixed-content text of an element: every text node, markup dropped."""
    if el is None:
        return ""
    if len(el):  # mixed content: libxml2's text serialiser is ~8x faster than itertext()
        return _norm(_tostring(el, method="text", encoding=str, with_tail=False))
    return _norm(el.text)


def _date_el(el: Any) -> str | None:
    """<DateCompleted>/<PubMedPubDate>...: Year, Month, Day children -> ISO."""
    year = month = day = None
    for c in el[:]:
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
    for c in el[:]:
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
    for c in el[:]:
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
    for a in el[:]:
        if a.tag != "Author" or a.get("ValidYN") == "N":
            continue
        last = fore = initials = collective = orcid = None
        affiliations: list[str] = []
        for c in a[:]:
            tag = c.tag
            if tag == "LastName":
                last = _text(c) or None
            elif tag == "ForeName":
                fore = _text(c) or None
            elif tag == "Initials":
                initials = _text(c) or None
            elif tag == "AffiliationInfo":
                for aff in c[:]:
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
    for c in el[:]:
        kind = c.get("IdType")
        if kind == "doi":
            if not rec.doi:
                rec.doi = _normalise_doi(c.text)
        elif kind == "pmc" and not rec.pmcid:
            rec.pmcid = _normalise_pmcid(c.text)


def _history(el: Any, rec: Record) -> None:
    history = rec.history
    for c in el[:]:
        status = c.get("PubStatus")
        if status and status not in history and c.tag == "PubMedPubDate":
            date = _date_el(c)
            if date:
                history[status] = date


def _mesh(el: Any) -> list[MeshHeading]:
    out = []
    for h in el[:]:
        if h.tag != "MeshHeading":
            continue
        ui = name = None
        major = False
        quals = []
        for c in h[:]:
            tag = c.tag
            if tag == "DescriptorName":
                ui, name, major = c.get("UI"), _text(c), c.get("MajorTopicYN") == "Y"
            elif tag == "QualifierName":
                key = (c.get("UI"), _text(c), c.get("MajorTopicYN") == "Y")
                quals.append(_interned(_QUALIFIERS, Qualifier, key))
        if quals and name:
            out.append(MeshHeading(ui, name, major, tuple(quals)))
        elif name:
            out.append(_interned(_HEADINGS, MeshHeading, (ui, name, major)))
    return out


def _coded_list(el: Any, child: str) -> list[Coded]:
    return [_interned(_CODED, Coded, (c.get("UI"), _text(c))) for c in el[:] if c.tag == child]


def _chemicals(el: Any) -> list[Coded]:
    out = []
    for chem in el[:]:
        for c in chem[:]:
            if c.tag == "NameOfSubstance":
                out.append(_interned(_CODED, Coded, (c.get("UI"), _text(c))))
    return out


def _databanks(el: Any) -> list[Registration]:
    out: list[Registration] = []
    for bank in el[:]:
        name = ""
        accessions: list[str] = []
        for c in bank[:]:
            if c.tag == "DataBankName":
                name = _text(c)
            elif c.tag == "AccessionNumberList":
                accessions.extend(_text(a) for a in c if a.tag == "AccessionNumber")
        out.extend(normalise_registration(name, acc) for acc in accessions if acc and name)
    return out


def _corrections(el: Any) -> list[Correction]:
    out = []
    for cc in el[:]:
        if cc.tag != "CommentsCorrections":
            continue
        pmid = source = None
        for c in cc[:]:
            tag = c.tag
            if tag == "PMID":
                pmid = _text(c) or None
            elif tag == "RefSource":
                source = _text(c) or None
        out.append(Correction(cc.get("RefType") or "", pmid, source))
    return out


def _keywords(el: Any) -> list[str]:
    out = []
    for k in el[:]:
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
