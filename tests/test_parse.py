"""Tests for aggregator.parse: PubMed XML and MEDLINE text -> Record.

Recorded responses are read from ../shared/fixtures/eutils (see SOURCES.md there; skipped when
absent). Hand-made files are tests/data/parse_*:

- parse_update.xml: an update-file shaped document (one citation, one DeleteCitation)
- parse_truncated.xml: parse_update.xml cut inside the record
- parse_truncated_wrapper.xml: cut after the record, </PubmedArticleSet> missing
- parse_malformed.xml: a mismatched end tag on line 38
- parse_gzipped.dat: parse_update.xml gzipped (named .dat so sniffing, not the name, decides)
- parse_sample.nbib: two MEDLINE records as exported by the PubMed website
"""

from __future__ import annotations

import gzip
import io
import re
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

from aggregator.errors import InputError, ParseError
from aggregator.models import (
    ZSTD_MAGIC,
    Author,
    Coded,
    Correction,
    Deletion,
    MeshHeading,
    Parsed,
    Qualifier,
    Registration,
)
from aggregator.parse import (
    iter_file,
    iter_medline,
    iter_xml,
    normalise_registration,
    parse_articles,
    parse_record_bytes,
)
from tests.conftest import DATA, SHARED_FIXTURES, shared_path

FIXTURES = "fixtures", "eutils"


def _pubmed_fixture_names() -> list[str]:
    """Every *.xml under ../shared/fixtures/eutils holding PubMed articles (or one placeholder)."""
    if not SHARED_FIXTURES.exists():
        return ["<absent>"]
    return sorted(
        p.name
        for p in SHARED_FIXTURES.glob("*.xml")
        if re.search(rb"<Pubmed(Book)?Article[\s>]", p.read_bytes())
    )


PUBMED_FIXTURES = _pubmed_fixture_names()


def _fixture(name: str) -> Path:
    return shared_path(*FIXTURES, name)


def _records(name: str) -> dict[str, Parsed]:
    return {i.record.pmid: i for i in iter_file(_fixture(name)) if isinstance(i, Parsed)}


# --------------------------------------------------------------------------------------------
# Conformance over every recorded PubMed document
# --------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PUBMED_FIXTURES)
def test_iter_file_conformance_every_fixture_record(name: str) -> None:
    path = _fixture(name)
    # an independent reading with lxml over the whole document
    tree = etree.parse(str(path))
    expected = tree.xpath("//PubmedArticle | //PubmedBookArticle")
    items = [i for i in iter_file(path) if isinstance(i, Parsed)]
    assert len(items) == len(expected) > 0
    for item, el in zip(items, expected):
        rec = item.record
        assert rec.pmid == el.xpath("string((MedlineCitation|BookDocument)/PMID)").strip()
        assert rec.pmid.isdigit()
        assert rec.title
        assert isinstance(rec.pub_year, int) and 1800 < rec.pub_year < 2100
        titles = el.xpath("(MedlineCitation/Article|BookDocument)/ArticleTitle")
        if titles:
            # no inline text lost: every text node of ArticleTitle is in the title
            for node in titles[0].xpath(".//text()"):
                assert _norm(node) in rec.title
        assert item.format == "xml"


@pytest.mark.parametrize("name", PUBMED_FIXTURES)
def test_parse_record_bytes_round_trip_every_fixture_record(name: str) -> None:
    for item in iter_file(_fixture(name)):
        if isinstance(item, Parsed):
            assert item.raw().lstrip().startswith((b"<PubmedArticle", b"<PubmedBookArticle"))
            assert parse_record_bytes(item.raw(), item.format) == item.record
            assert parse_articles(item.raw()) == [item.record]


@pytest.mark.parametrize("name", PUBMED_FIXTURES)
def test_iter_file_workers_same_as_in_process(name: str) -> None:
    path = _fixture(name)
    assert list(iter_file(path, workers=2)) == list(iter_file(path))


def test_worker_pool_pipes_are_widened_where_linux_allows() -> None:
    import fcntl
    import os

    from aggregator.parse_workers import PIPE_BUFFER, _pool_context, _widen_pipes, watch_parent

    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("F_SETPIPE_SZ is Linux-only")
    pool = _pool_context().Pool(1, initializer=watch_parent, initargs=(os.getpid(),))
    try:
        _widen_pipes(pool)
        for conn in (pool._inqueue._writer, pool._outqueue._reader):  # type: ignore[attr-defined]
            assert fcntl.fcntl(conn.fileno(), fcntl.F_GETPIPE_SZ) == PIPE_BUFFER
    finally:
        pool.terminate()
        pool.join()
    _widen_pipes(object())  # no such pipes (another Pool): nothing happens


# --------------------------------------------------------------------------------------------
# Hand-checked records (values read from the files)
# --------------------------------------------------------------------------------------------


def test_parse_title_with_inline_tags_keeps_text() -> None:
    # biopython Tests/Entrez/title_with_html_tags.xml: "at the<i>TERT</i>gene" with no spaces
    rec = _records("biopython_title_with_html_tags.xml")["27797938"].record
    assert rec.title == (
        "Leucocyte telomere length, genetic variants at theTERTgene region and risk of "
        "pancreatic cancer."
    )
    assert rec.doi == "10.1136/gutjnl-2016-312510"
    assert rec.pmcid == "PMC5442267"
    assert (rec.pub_year, rec.pub_date) == (2017, "2017-06")
    assert (rec.journal, rec.journal_iso, rec.volume, rec.issue) == ("Gut", "Gut", "66", "6")
    assert [line.split(":")[0] for line in rec.abstract.split("\n")] == [
        "OBJECTIVE",
        "DESIGN",
        "RESULTS",
        "CONCLUSIONS",
    ]
    mesh = {m.ui: m for m in rec.mesh}
    assert mesh["D059506"] == MeshHeading("D059506", "Telomere Shortening", True, ())
    assert mesh["D010190"].qualifiers == (
        Qualifier("Q000453", "epidemiology", True),
        Qualifier("Q000235", "genetics", True),
    )
    assert not mesh["D010190"].major and mesh["D010190"].is_major
    assert Coded("D064888", "Observational Study") in rec.publication_types
    assert rec.history["pubmed"] == "2016-11-01"
    assert rec.history["medline"] == "2017-08-05"
    assert rec.date_created == "2016-11-01"
    assert rec.publication_status == "ppublish"


def test_parse_medline_date_range() -> None:
    rec = _records("fatcat_pubmedsample_2019.xml")["10188493"].record
    assert rec.title == "Women's health osteopathy: an alternative view."
    assert (rec.pub_year, rec.pub_date, rec.medline_date) == (1998, "1998-12", "1998 Dec-1999 Jan")
    assert (rec.volume, rec.issue, rec.pages) == ("5", "8", "6-9")
    assert rec.authors == [Author("Hyne", "J", "J")]
    assert rec.date_completed == "1999-04-13"
    assert rec.date_revised == "2016-11-24"


@pytest.mark.parametrize(
    "pmid, year, pub_date, medline_date",
    [
        ("973217", 1976, "1976", "1976 Fall"),  # <Year>1976</Year><Season>Fall</Season>
        ("15228064", 2004, "2004", "2004 Summer"),
        ("21007460", 1944, "1944", "1944-1945"),  # <MedlineDate>1944-1945</MedlineDate>
        ("29635139", 2018, "2018-05", "2018 May - Jun"),
    ],
)
def test_parse_season_and_medline_dates(pmid: str, year: int, pub_date: str, medline_date: str) -> None:
    rec = _records("fatcat_pubmedsample_2019.xml")[pmid].record
    assert (rec.pub_year, rec.pub_date, rec.medline_date) == (year, pub_date, medline_date)


def test_parse_retraction_and_comment_links() -> None:
    rec = _records("fatcat_pubmedsample_2019.xml")["8655018"].record
    assert rec.corrections == [
        Correction("CommentIn", "9867475", "Ginekol Pol. 1998 Jul;69(7):561"),
        Correction("RetractionIn", "9867474", "Ginekol Pol. 1998 Jul;69(7):559-60"),
    ]
    assert rec.retracted
    assert rec.languages == ["pol"]
    assert rec.vernacular_title is not None and rec.vernacular_title.startswith("Wpływ przebiegu")
    assert Coded("D016441", "Retracted Publication") in rec.publication_types
    mesh = {m.ui: m for m in rec.mesh}
    assert mesh["D002318"].qualifiers == (
        Qualifier("Q000209", "etiology", False),
        Qualifier("Q000401", "mortality", True),
    )


def test_parse_erratum_in_and_retraction_of() -> None:
    recs = _records("fatcat_pubmedsample_2019.xml")
    retraction_notice = recs["11600210"].record
    assert [c.ref_type for c in retraction_notice.corrections] == ["RetractionOf"]
    assert retraction_notice.corrections[0].pmid == "11543891"
    assert not retraction_notice.retracted
    assert recs["11543891"].record.retracted
    errata = [r for r in recs.values() if any(c.ref_type == "ErratumIn" for c in r.record.corrections)]
    assert len(errata) >= 8


def test_parse_databank_registrations() -> None:
    recs = _records("fatcat_pubmedsample_2019.xml")
    assert recs["15968009"].record.registrations == [Registration("NCT", "NCT00000419", "databank")]
    assert recs["18719013"].record.registrations == [
        Registration("ISRCTN", "ISRCTN63718836", "databank")
    ]
    assert Registration("OMIM", "114500") in recs["11748856"].record.registrations


def test_parse_mathml_kept_as_text() -> None:
    rec = _records("fatcat_pubmedsample_2019.xml")["29869631"].record
    # <mml:msubsup> R, pre, 2 </mml:msubsup> = 0.9513 ... mg·g<sup>-1</sup>
    assert "R pre 2 = 0.9513, RMSEP = 0.1029 mg·g-1" in _norm(rec.abstract)
    assert "Radix Scrophulariae" in rec.abstract


def test_parse_other_abstract() -> None:
    rec = _records("fatcat_pubmedsample_2019.xml")["23326248"].record
    assert rec.abstract
    assert rec.other_abstracts[0].startswith("Obwohl die endovaskuläre Katheter-Embolisation")


def test_parse_book_article() -> None:
    # klortho Eutils-JSON samples/efetch.pubmedbook.xml: GeneReviews, no ArticleTitle
    item = _records("klortho_eutilsjson_efetch.pubmedbook.xml")["20301295"]
    rec = item.record
    assert rec.kind == "book"
    assert rec.title == "GeneReviews™"
    assert rec.journal == "University of Washington, Seattle"
    assert (rec.pub_year, rec.pub_date) == (1993, "1993")
    assert rec.abstract.startswith("GeneReviews are expert-authored")
    assert "Copyright" not in rec.abstract
    assert rec.authors == []  # the book lists only editors
    assert rec.languages == ["eng"]
    assert rec.history == {"pubmed": "2010-03-20", "medline": "2010-03-20", "entrez": "2010-03-20"}
    assert rec.date_created == "2010-03-20"
    assert rec.publication_status == "ppublish"


def test_parse_book_chapter_with_labels_and_inline_title() -> None:
    rec = _records("metapub_sample_article_20301577.xml")["20301577"].record
    assert rec.kind == "book"
    assert rec.title == "CACNA1C-Related Disorders"
    assert [a.last_name for a in rec.authors] == ["Napolitano", "Priori"]
    assert len(rec.authors[0].affiliations) == 2
    assert rec.abstract.split("\n")[1].startswith("DIAGNOSIS/TESTING: The diagnosis of a CACNA1C")
    assert rec.publication_types == [Coded("D016454", "Review")]
    assert rec.date_revised == "2024-12-19"


def test_parse_bare_pubmed_article_root() -> None:
    rec = _records("fatcat_pubmed_19129924.xml")["19129924"].record
    assert rec.title.startswith("PyMOOSE: Interoperable Scripting in Python")
    assert rec.citation_status == "PubMed-not-MEDLINE"


def test_parse_orcid_normalised() -> None:
    orcids = [
        a.orcid
        for item in iter_file(_fixture("metapub_pmid_xml_38147649.xml"))
        if isinstance(item, Parsed)
        for a in item.record.authors
        if a.orcid
    ] + [
        a.orcid
        for name in PUBMED_FIXTURES
        for item in iter_file(_fixture(name))
        if isinstance(item, Parsed)
        for a in item.record.authors
        if a.orcid
    ]
    assert orcids
    assert all(re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", o) for o in orcids)


# --------------------------------------------------------------------------------------------
# Hand-made XML
# --------------------------------------------------------------------------------------------


def test_iter_file_update_document_fields_and_deletion() -> None:
    items = list(iter_file(DATA / "parse_update.xml"))
    assert isinstance(items[1], Deletion)
    assert items[1].pmids == ("30000001", "30000002")
    rec = items[0].record
    assert (rec.pmid, rec.version) == ("39000001", 2)
    assert rec.title == "Intranasal S-ketamine and Ki values in treatment-resistant depression."
    assert rec.abstract == "BACKGROUND: Ketamine acts fast.\nMETHODS: We enrolled 40 adults (H2O control)."
    assert rec.doi == "10.9999/jhmr.2024.101"  # ValidYN="N" skipped, ReferenceList ignored
    assert rec.pmcid == "PMC1111111"
    assert rec.pages == "101-109"
    assert (rec.pub_year, rec.pub_date, rec.medline_date) == (2024, "2024-11-03", None)
    assert rec.authors == [
        Author(
            "Doe",
            "Jane Q",
            "JQ",
            None,
            "0000-0002-1825-009X",
            ("Dept A, Somewhere.", "Dept B, Elsewhere."),
        ),
        Author(collective="KETA Study Group"),
    ]
    assert rec.registrations == [
        Registration("NCT", "NCT01234567"),
        Registration("ACTRN", "ACTRN12610000123456"),
    ]
    assert rec.keywords == ["esketamine", "NMDA receptor"]
    assert (rec.citation_status, rec.indexing_method) == ("PubMed-not-MEDLINE", "Automated")
    assert rec.history == {"received": "2024-05-02", "entrez": "2024-10-02"}
    assert rec.date_created == "2024-10-02"  # no DateCreated, no "pubmed": falls back to entrez
    assert rec.publication_status == "aheadofprint"
    assert rec.mesh == [] and rec.chemicals == []


def test_parse_article_date_fallback_when_pubdate_missing() -> None:
    xml = (DATA / "parse_update.xml").read_bytes()
    xml = re.sub(rb"<PubDate>.*?</PubDate>", b"<PubDate></PubDate>", xml)
    (rec,) = parse_articles(xml)
    assert (rec.pub_year, rec.pub_date) == (2024, "2024-10-01")


def test_parse_missing_optional_fields_are_empty() -> None:
    (rec,) = parse_articles(
        b"<PubmedArticle><MedlineCitation><PMID>1</PMID><Article/></MedlineCitation></PubmedArticle>"
    )
    assert rec.pmid == "1" and rec.title == "" and rec.pub_year is None and rec.authors == []
    assert rec.doi is None and rec.history == {} and rec.date_created is None


def test_iter_file_gzip_sniffed_by_magic_bytes() -> None:
    assert list(iter_file(DATA / "parse_gzipped.dat")) == list(iter_file(DATA / "parse_update.xml"))


def test_iter_xml_latin1_declared_encoding_transcoded() -> None:
    text = (DATA / "parse_update.xml").read_text("utf-8").replace("UTF-8", "ISO-8859-1")
    text = text.replace("Jane Q", "Renée")
    (item, _deletion) = iter_xml(io.BytesIO(text.encode("latin-1")))
    assert item.record.authors[0].fore_name == "Renée"
    assert parse_record_bytes(item.raw(), "xml") == item.record


def test_iter_xml_wrapper_namespace_copied_into_record() -> None:
    xml = (
        b'<PubmedArticleSet xmlns:mml="http://www.w3.org/1998/Math/MathML"><PubmedArticle>'
        b"<MedlineCitation><PMID>5</PMID><Article><ArticleTitle>a <mml:mi>x</mml:mi> b"
        b"</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    (item,) = iter_xml(io.BytesIO(xml))
    assert item.record.title == "a x b"
    assert parse_record_bytes(item.raw(), "xml") == item.record


def test_iter_xml_record_split_across_read_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aggregator.parse.BLOCK_SIZE", 7)
    monkeypatch.setattr("aggregator.xml_stream.BLOCK_SIZE", 7)  # what _blocks reads
    small = list(iter_xml(io.BytesIO((DATA / "parse_update.xml").read_bytes())))
    assert small == list(iter_file(DATA / "parse_update.xml"))


def test_iter_xml_empty_efetch_result_yields_nothing() -> None:
    assert list(iter_xml(io.BytesIO(b'<?xml version="1.0" ?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n'))) == []


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def test_iter_file_truncated_record_raises_parse_error_with_line() -> None:
    path = DATA / "parse_truncated.xml"
    with pytest.raises(ParseError) as info:
        list(iter_file(path))
    err = info.value
    assert err.path == str(path) and err.line == 5 and err.pmid == "39000001"
    assert "truncated" in str(err) and str(path) in str(err)


def test_iter_file_truncated_between_records_raises() -> None:
    with pytest.raises(ParseError, match="truncated: </PubmedArticleSet> missing"):
        list(iter_file(DATA / "parse_truncated_wrapper.xml"))


def test_iter_file_malformed_raises_parse_error_with_line_and_pmid() -> None:
    for workers in (None, 2):
        with pytest.raises(ParseError) as info:
            list(iter_file(DATA / "parse_malformed.xml", workers=workers))
        assert info.value.line == 38
        assert info.value.pmid == "39000001"
        assert "malformed XML" in str(info.value)


def test_iter_xml_garbage_raises_parse_error() -> None:
    with pytest.raises(ParseError, match="not PubMed XML"):
        list(iter_xml(io.BytesIO(b"\x00\x01 hello, not xml at all")))


def test_iter_xml_other_eutils_document_raises_parse_error() -> None:
    with pytest.raises(ParseError, match="unexpected <eSearchResult>") as info:
        list(iter_xml(io.BytesIO(b'<?xml version="1.0"?>\n<eSearchResult><Count>0</Count></eSearchResult>')))
    assert info.value.line == 2


def test_iter_xml_content_after_wrapper_raises() -> None:
    xml = (DATA / "parse_update.xml").read_bytes() + b"<PubmedArticle></PubmedArticle>"
    with pytest.raises(ParseError, match="after </PubmedArticleSet>"):
        list(iter_xml(io.BytesIO(xml)))


def test_iter_file_missing_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.xml"
    with pytest.raises(InputError, match="no such file") as info:
        list(iter_file(missing))
    assert str(missing) in str(info.value) and not isinstance(info.value, ParseError)


def test_iter_file_directory_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown file type"):
        list(iter_file(tmp_path))


def test_iter_file_unknown_content_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n")
    with pytest.raises(InputError, match="unknown file type") as info:
        list(iter_file(path))
    assert str(path) in str(info.value)


def test_iter_file_truncated_gzip_raises_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(gzip.compress((DATA / "parse_update.xml").read_bytes())[:-30])
    with pytest.raises(ParseError):
        list(iter_file(path))


@pytest.mark.parametrize("damage", ["deflate", "crc"])
def test_iter_file_corrupt_gzip_raises_parse_error(tmp_path: Path, damage: str) -> None:
    """Bad deflate data (the inflater's own error) and a bad checksum are a ParseError that
    says so, like a truncated file."""
    data = bytearray(gzip.compress((DATA / "parse_update.xml").read_bytes()))
    if damage == "deflate":
        data[20:60] = b"\xff" * 40
    else:
        data[-8] ^= 0xFF  # the CRC-32 in the gzip trailer
    path = tmp_path / "bad.xml.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError, match="truncated or corrupt gzip data"):
        list(iter_file(path))


def test_parse_record_bytes_unknown_format_raises() -> None:
    with pytest.raises(InputError, match="unknown record format"):
        parse_record_bytes(b"", "json")


def test_parse_error_pickles_for_worker_processes() -> None:
    import pickle

    err = ParseError("bad", path="f.xml", line=3, pmid="9")
    again = pickle.loads(pickle.dumps(err))
    assert (str(again), again.line, again.pmid) == (str(err), 3, "9")


# --------------------------------------------------------------------------------------------
# Streaming
# --------------------------------------------------------------------------------------------


def _big_document(n: int) -> bytes:
    src = (DATA / "parse_update.xml").read_bytes()
    record = re.search(rb"<PubmedArticle>.*?</PubmedArticle>", src, re.DOTALL).group(0)  # type: ignore[union-attr]
    body = b"".join(record.replace(b"39000001", str(40_000_000 + i).encode()) for i in range(n))
    return b"<PubmedArticleSet>" + body + b"</PubmedArticleSet>"


def _streaming_peak(data: bytes) -> int:
    """Peak Python-heap bytes while streaming ``data`` and dropping each item."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for item in iter_xml(io.BytesIO(data)):
            del item  # the caller keeps nothing
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_iter_xml_streams_in_flat_memory() -> None:
    # lxml's own memory is invisible to tracemalloc, so compare against the input instead:
    # holding the document's records (or its bytes) would cost more than the input size.
    small, big = _big_document(1000), _big_document(5000)
    assert sum(1 for _ in iter_xml(io.BytesIO(big))) == 5000
    peak_small, peak_big = _streaming_peak(small), _streaming_peak(big)
    assert peak_big < len(big) / 3, (peak_big, len(big))
    assert peak_big < 1.5 * peak_small + 1_000_000, (peak_small, peak_big)


def test_iter_xml_is_lazy() -> None:
    data = _big_document(50)
    stream = io.BytesIO(data + b"<garbage")  # an error at the very end
    it = iter_xml(stream)
    first = next(it)
    assert isinstance(first, Parsed) and first.record.pmid == "40000000"


# --------------------------------------------------------------------------------------------
# MEDLINE / nbib
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, pmids",
    [
        ("biopython_medline_pubmed_result1.txt", ["12230038", "16403221", "16377612", "14871861", "14630660", "15007045"]),
        ("biopython_medline_pubmed_result2.txt", None),
        ("biopython_medline_pubmed_result3.txt", None),
    ],
)
def test_iter_medline_fixture_files(name: str, pmids: list[str] | None) -> None:
    path = _fixture(name)
    items = list(iter_file(path))
    assert items and all(isinstance(i, Parsed) and i.format == "medline" for i in items)
    for item in items:
        assert item.record.pmid.isdigit() and item.record.title and item.record.pub_year
        assert parse_record_bytes(item.raw(), "medline") == item.record
    if pmids:
        assert [i.record.pmid for i in items][: len(pmids)] == pmids[: len(items)]


def test_iter_medline_biopython_record_values() -> None:
    # biopython Tests/Medline/pubmed_result1.txt, first record (read by hand)
    with _fixture("biopython_medline_pubmed_result1.txt").open("rb") as fh:
        rec = next(iter_medline(fh, source="r1")).record
    assert rec.pmid == "12230038"
    assert rec.title == "The Bio* toolkits--a brief overview."
    assert rec.abstract.startswith("Bioinformatics research is often difficult to do with commercial software. The Open Source")
    assert rec.authors == [Author("Mangalam", "Harry", "H", None, None, ("tacg Informatics, Irvine, CA 92612, USA. hjm@tacgi.com",))]
    assert (rec.journal, rec.journal_iso, rec.volume, rec.issue, rec.pages) == (
        "Briefings in bioinformatics", "Brief Bioinform", "3", "3", "296-302",
    )
    assert (rec.pub_year, rec.pub_date) == (2002, "2002-09")
    assert MeshHeading(None, "Computational Biology", True) in rec.mesh
    assert MeshHeading(None, "Humans", False) in rec.mesh
    assert rec.publication_types == [Coded(None, "Journal Article")]
    assert (rec.date_created, rec.date_completed, rec.date_revised) == ("2002-09-16", "2003-06-06", "2004-11-17")
    assert rec.history == {"entrez": "2002-09-17", "medline": "2003-06-07"}
    assert (rec.citation_status, rec.publication_status) == ("MEDLINE", "ppublish")


def test_iter_medline_nbib_all_tags() -> None:
    items = list(iter_file(DATA / "parse_sample.nbib"))
    assert [i.record.pmid for i in items] == ["39000002", "39000003"]
    rec = items[0].record
    assert rec.title == (
        "Ketamine infusion for suicidal ideation: a hand-made nbib record with a long title that wraps."
    )
    assert rec.abstract.startswith("BACKGROUND: Ketamine reduces suicidal ideation. METHODS:")
    assert rec.authors == [
        Author(
            "Roe",
            "Richard A",
            "RA",
            None,
            "0000-0002-1825-0097",
            ("Department of Psychiatry, Example University, Example City, Country.", "Second affiliation of Roe."),
        ),
        Author("Poe", "Edgar", "E", None, None, ("Poe's affiliation.",)),
        Author(collective="Ketamine Trialists"),
    ]
    assert (rec.pub_year, rec.pub_date, rec.medline_date) == (2019, "2019", "2019 Spring")
    assert rec.doi == "10.9999/nbib.2019.33"
    assert rec.pmcid == "PMC7777777"
    assert rec.registrations == [Registration("NCT", "NCT07654321")]
    assert rec.mesh[1] == MeshHeading(
        None,
        "Ketamine",
        False,
        (Qualifier(None, "administration & dosage", True), Qualifier(None, "adverse effects", False)),
    )
    assert rec.mesh[2] == MeshHeading(None, "Suicidal Ideation", True)
    assert rec.keywords == ["ketamine", "suicide"]
    assert rec.chemicals == [Coded(None, "Ketamine")]
    assert rec.corrections == [
        Correction("RetractionIn", "39000009", "Hand Made J. 2020 Jan;8(1):1"),
        Correction("ErratumIn", None, "Hand Made J. 2019 Jun;7(3):99"),
    ]
    assert rec.retracted
    assert rec.history == {
        "received": "2018-12-01",
        "entrez": "2019-03-02",
        "medline": "2019-03-03",
        "pubmed": "2019-03-01",
    }
    assert rec.date_created == "2019-03-01"
    assert rec.date_revised == "2025-01-08"
    assert rec.citation_status == "Publisher"
    second = items[1].record
    assert (second.pub_date, second.languages, second.authors) == ("2020-03-05", ["fre"], [])
    assert items[0].raw().decode().startswith("PMID- 39000002\n")
    assert parse_record_bytes(items[0].raw(), "medline") == rec


def test_iter_medline_text_stream_and_garbage() -> None:
    text = (DATA / "parse_sample.nbib").read_text()
    assert len(list(iter_medline(io.StringIO(text), source="s"))) == 2
    with pytest.raises(ParseError) as info:
        list(iter_medline(io.StringIO("PMID- 1\nTI  - ok\nthis is not a tag line\n"), source="g.nbib"))
    assert info.value.line == 3 and info.value.path == "g.nbib"


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bank, acc, expected",
    [
        ("ClinicalTrials.gov", " nct 0123 4567", Registration("NCT", "NCT01234567")),
        ("ISRCTN", "63718836", Registration("ISRCTN", "ISRCTN63718836")),
        ("ANZCTR", "actrn12610000123456", Registration("ACTRN", "ACTRN12610000123456")),
        ("EudraCT", "2004-000446-20", Registration("EudraCT", "2004-000446-20")),
        ("ChiCTR", "chictr-trc-12002000", Registration("ChiCTR", "ChiCTR-TRC-12002000")),
        ("DRKS", "drks00012345", Registration("DRKS", "DRKS00012345")),
        ("CTRI", "ctri/2018/01/011234", Registration("CTRI", "CTRI/2018/01/011234")),
        ("IRCT", "irct2015051022241n1", Registration("IRCT", "IRCT2015051022241N1")),
        ("CRiS", "KCT0006543", Registration("KCT", "KCT0006543")),
        ("PACTR", "202101123456789", Registration("PACTR", "PACTR202101123456789")),
        ("TCTR", "tctr20210512001", Registration("TCTR", "TCTR20210512001")),
        ("jRCT", "JRCTS031180123", Registration("jRCT", "jRCTs031180123")),
        ("UMIN CTR", "000012345", Registration("UMIN", "UMIN000012345")),
        ("GENBANK", "Z93128", Registration("GENBANK", "Z93128")),
    ],
)
def test_normalise_registration_mapping(bank: str, acc: str, expected: Registration) -> None:
    assert normalise_registration(bank, acc) == expected


def test_parsed_raw_z_is_zstd_of_record_bytes() -> None:
    (item, _deletion) = iter_file(DATA / "parse_update.xml")
    assert item.raw_z[:4] == ZSTD_MAGIC
    raw = item.raw()
    assert raw.startswith(b"<PubmedArticle>") and raw.endswith(b"</PubmedArticle>")
    assert raw in (DATA / "parse_update.xml").read_bytes()
