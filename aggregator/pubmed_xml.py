"""Parse stage, PubMed XML: one ``<PubmedArticle>``/``<PubmedBookArticle>`` element -> Record.

Pure. :func:`_record_from_element` walks the element's children once and hands each child tag
to its handler (tables ``_MEDLINE_CITATION`` and ``_ARTICLE``: a dict lookup per child instead
of an XPath per field); the handlers fill the :class:`~aggregator.models.Record` with the field
functions of :mod:`aggregator.pubmed_fields` (children walked as ``el[:]``, cheaper than lxml's
child iterator: see there). Cutting a byte stream into such elements is
:mod:`aggregator.xml_stream`'s job.

Example::

    from lxml import etree
    from aggregator.pubmed_xml import _record_from_element

    root = etree.fromstring(pubmed_article_bytes)   # one <PubmedArticle>
    record = _record_from_element(root)             # Record(pmid=..., title=..., mesh=...)
"""

from __future__ import annotations

from typing import Any

from .models import Coded, Record
from .parse_common import _int, _normalise_doi, _opt
from .pubmed_fields import (
    _abstract,
    _article_ids,
    _authors,
    _chemicals,
    _coded_list,
    _corrections,
    _databanks,
    _date_el,
    _history,
    _keywords,
    _language,
    _mesh,
    _pub_date,
    _text,
)

# -- MedlineCitation/Article: one handler per child tag -----------------------------------------
# ``state`` carries what is decided after the loop: [ELocationID doi, first ArticleDate]


def _journal(el: Any, rec: Record, state: list[Any]) -> None:
    for j in el[:]:
        jt = j.tag
        if jt == "JournalIssue":
            for ji in j[:]:
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
    for c in el[:]:
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
    for p in el[:]:
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
    for j in el[:]:
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
    for c in el[:]:
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
    for c in el[:]:
        tag = c.tag
        if tag == "History":
            _history(c, rec)
        elif tag == "ArticleIdList":
            _article_ids(c, rec)  # direct child only: ReferenceList holds other ArticleIdLists
        elif tag == "PublicationStatus":
            rec.publication_status = _text(c) or None


def _book_document(el: Any, rec: Record) -> None:
    book_title = ""
    for c in el[:]:
        tag = c.tag
        if tag == "PMID":
            rec.pmid = (c.text or "").strip()
            rec.version = _int(c.get("Version")) or 1
        elif tag == "ArticleIdList":
            _article_ids(c, rec)
        elif tag == "Book":
            for b in c[:]:
                bt = b.tag
                if bt == "Publisher":
                    for p in b[:]:
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
        elif (tag == "ELocationID" and c.get("EIdType") == "doi" and c.get("ValidYN") != "N"
              and not rec.doi):
            rec.doi = _normalise_doi(c.text)
    if not rec.title:
        rec.title = book_title


def _record_from_element(root: Any) -> Record:
    rec = Record(pmid="")
    if root.tag == "PubmedBookArticle":
        rec.kind = "book"
        for c in root[:]:
            if c.tag == "BookDocument":
                _book_document(c, rec)
            elif c.tag == "PubmedBookData":
                _pubmed_data(c, rec)
    else:
        for c in root[:]:
            if c.tag == "MedlineCitation":
                _medline_citation(c, rec)
            elif c.tag == "PubmedData":
                _pubmed_data(c, rec)
    if not rec.date_created:
        rec.date_created = rec.history.get("pubmed") or rec.history.get("entrez")
    return rec
