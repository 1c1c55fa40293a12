"""Every PubmedArticle in ../shared/fixtures/eutils imports with the values the file holds.

Each recorded PubMed document is imported through the real import path (parse, store) into a
fresh store, then each stored record is compared with an independent lxml reading of the same
element: PMID, complete title (every inline text node kept), abstract text, year, DOI, MeSH
descriptors (UI, name, major flag) and publication types.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from aggregator.config import Settings
from aggregator.pipeline import import_paths
from aggregator.store import Store
from tests.conftest import SHARED_FIXTURES, shared_path


def _names() -> list[str]:
    if not SHARED_FIXTURES.exists():
        return ["<absent>"]
    return sorted(p.name for p in SHARED_FIXTURES.glob("*.xml")
                  if re.search(rb"<PubmedArticle[\s>]", p.read_bytes()))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _year(el: etree._Element) -> int | None:
    date = el.find("MedlineCitation/Article/Journal/JournalIssue/PubDate")
    if date is None:
        return None
    year = date.findtext("Year")
    if year:
        return int(year)
    medline = date.findtext("MedlineDate") or ""
    found = re.search(r"\d{4}", medline)
    return int(found.group()) if found else None


def _doi(el: etree._Element) -> str | None:
    for node in el.xpath("PubmedData/ArticleIdList/ArticleId[@IdType='doi']"):
        if (node.text or "").strip():
            return node.text.strip()
    for node in el.xpath("MedlineCitation/Article/ELocationID[@EIdType='doi']"):
        if node.get("ValidYN", "Y") != "N" and (node.text or "").strip():
            return node.text.strip()
    return None


@pytest.mark.parametrize("name", _names())
def test_import_every_fixture_article_as_in_the_file(name, tmp_path):
    path = shared_path("fixtures", "eutils", name)
    articles = etree.parse(str(path)).xpath("//PubmedArticle")
    settings = Settings(db_path=tmp_path / "s.sqlite")
    with Store(settings.db_path) as store:
        import_paths(settings, store, [path])
        for el in articles:
            pmid = el.findtext("MedlineCitation/PMID").strip()
            rec = store.get(pmid)
            assert rec is not None, pmid
            # title: every text node of ArticleTitle, inline markup included
            title = el.find("MedlineCitation/Article/ArticleTitle")
            for node in title.xpath(".//text()"):
                if node.strip():
                    assert _norm(node) in rec.title, (pmid, node)
            assert _norm("".join(title.itertext())).replace(" ", "") == \
                rec.title.replace(" ", "")
            # abstract: every section's full text, and its label
            for section in el.xpath("MedlineCitation/Article/Abstract/AbstractText"):
                text = _norm("".join(section.itertext()))
                if text:
                    assert text.replace(" ", "") in rec.abstract.replace(" ", ""), pmid
                if section.get("Label"):
                    assert section.get("Label") in rec.abstract
            assert rec.pub_year == _year(el), pmid
            doi = _doi(el)
            assert (rec.doi or "").lower() == (doi or "").lower(), pmid
            mesh = [(d.get("UI"), _norm(d.text or ""), d.get("MajorTopicYN") == "Y")
                    for d in el.xpath("MedlineCitation/MeshHeadingList/MeshHeading/"
                                      "DescriptorName")]
            assert [(m.ui, m.name, m.major) for m in rec.mesh] == mesh, pmid
            types = [_norm(p.text or "") for p in
                     el.xpath("MedlineCitation/Article/PublicationTypeList/PublicationType")]
            assert rec.publication_type_names == types, pmid
