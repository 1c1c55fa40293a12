"""report.py: files written, banner, evidence map counts, ordering, escaping, accessibility."""

from __future__ import annotations

import itertools
import re
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from aggregator import report
from aggregator.config import Settings
from aggregator.models import Author, Correction, Parsed, Record, Registration, Tag, Tags
from aggregator.queries import load_queries
from aggregator.report import build_context, doi_url, pubmed_url, render_report, write_report
from aggregator.store import Store
from aggregator.table import records_frame
from tests._synthetic import ATTACKS, synthetic_items

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent


def _tags(conditions: list[str], routes: list[str], design: str, *, population: str = "human",
          treatment: bool = True, evidence: str = "term") -> Tags:
    return Tags(
        conditions=[Tag(c, "mesh", f"{evidence} {c}") for c in conditions],
        routes=[Tag(r, "text", f"{evidence} {r}") for r in routes],
        design=Tag(design, "publication_type", f"{evidence} {design}"),
        population=Tag(population, "mesh", "Humans"),
        ketamine_treatment=treatment,
    )


def _put(store: Store, rec: Record, tags: Tags | None, query: str | None = "trd") -> None:
    store.upsert([Parsed(rec, zlib.compress(b"<PubmedArticle/>"))], query=query)
    if tags is not None:
        store.save_tags([(rec.pmid, tags)], "test")


def _rec(pmid: str, year: int = 2020, **kw: Any) -> Record:
    return Record(pmid=pmid, title=kw.pop("title", f"Study {pmid}"), pub_year=year,
                  authors=kw.pop("authors", [Author("Smith", "Jo", "J")]),
                  journal=kw.pop("journal", "J Psych"), doi=kw.pop("doi", f"10.1000/{pmid}"), **kw)


@pytest.fixture
def small_store(tmp_path: Path) -> Store:
    """Hand-made: the evidence map counts are known."""
    clock = {"now": NOW - timedelta(days=30)}
    store = Store(tmp_path / "s.sqlite", now=lambda: clock["now"])
    _put(store, _rec("101", 2019), _tags(["trd", "depression"], ["iv"], "rct"))
    _put(store, _rec("102", 2021), _tags(["trd"], ["intranasal"], "meta_analysis"))
    _put(store, _rec("103", 2023), _tags(["trd"], ["intranasal"], "observational"))
    _put(store, _rec("104", 2022), _tags(["ptsd"], [], "rct"), query="ptsd")
    _put(store, _rec("105"), _tags(["anesthesia"], ["iv"], "rct", treatment=False), query=None)
    _put(store, _rec("106"), _tags(["depression"], ["iv"], "preclinical", population="animal"))
    _put(store, _rec("107", corrections=[Correction("RetractionIn", "1")]),
         _tags(["trd"], ["iv"], "case_report"))
    _put(store, _rec("108", corrections=[Correction("ExpressionOfConcernIn", "2")]), None)
    clock["now"] = NOW - timedelta(days=2)  # first seen this week
    _put(store, _rec("109", 2025), _tags(["trd"], ["iv"], "rct"))
    run = store.start_run("fetch")
    store.finish_run(run, "ok", {})
    return store


def _write(store: Any, settings: Settings, tmp_path: Path, **kw: Any) -> tuple[Any, str]:
    kw.setdefault("now", NOW)
    result = write_report(store, settings, out_dir=tmp_path / "out", **kw)
    return result, result.html_path.read_text(encoding="utf-8")


def _map_cells(html: str) -> dict[tuple[str, str], tuple[int, int]]:
    doc = lxml.html.fromstring(html)
    table = doc.xpath("//section[@id='evidence-map']//table[@class='map']")[0]
    heads = [th.text_content().strip() for th in table.xpath("./thead/tr/th")][1:]
    cells = {}
    for tr in table.xpath("./tbody/tr"):
        cond = tr.xpath("./th")[0].text_content().strip()
        for head, td in zip(heads, tr.xpath("./td")):
            links = td.xpath("./a")
            if head == "Any route":
                n, strong = re.match(r"(\d+) \((\d+)\)", td.text_content().strip()).groups()
            elif links:
                n = links[0].text.strip()
                strong = td.xpath(".//span[@class='strong']")[0].text.strip("() ")
            else:
                n, strong = "0", "0"
            cells[(cond, head)] = (int(n), int(strong))
    return cells


def test_write_report_files(small_store: Store, settings: Settings, tmp_path: Path) -> None:
    result, html = _write(small_store, settings, tmp_path)
    out = tmp_path / "out"
    assert result.html_path == out / "report-2025-06-02.html"
    assert result.latest_path == out / "latest.html" and not result.latest_path.is_symlink()
    assert result.latest_path.read_bytes() == result.html_path.read_bytes()
    assert result.csv_path == out / "ketamine-2025-06-02.csv"
    assert result.latest_csv_path.read_bytes() == result.csv_path.read_bytes()
    assert result.csv_path.read_text(encoding="utf-8").startswith("pmid,doi,pmcid,title,")
    assert result.counts["records"] == 9 and result.counts["included"] == 6
    assert result.counts["retracted"] == 1 and result.counts["new"] == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["report-2025-06-02.html", "latest.html", "ketamine-2025-06-02.csv", "latest.csv"])
    assert result.html_path.stat().st_mode & 0o044  # readable by others (not mkstemp's 0600)
    assert "<!DOCTYPE html>" in html and '<html lang="en">' in html


def test_write_report_defaults_to_settings_reports_dir(small_store: Store,
                                                       settings: Settings) -> None:
    result = write_report(small_store, settings, now=NOW)
    assert result.html_path.parent == settings.reports_dir


def test_report_banner_only_when_offline(small_store: Store, settings: Settings,
                                        tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    assert "PubMed could not be reached" not in html
    _, html = _write(small_store, settings, tmp_path, offline_since="2025-05-28")
    doc = lxml.html.fromstring(html)
    banner = doc.xpath("//div[@class='banner']")[0]
    assert banner.get("role") == "alert"
    assert "PubMed could not be reached; data as of 2025-05-28" in " ".join(
        banner.text_content().split())


def test_report_shows_data_date_from_last_fetch(small_store: Store, settings: Settings,
                                               tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    last = small_store.status()["last_fetch"]
    assert last and f"Data as of <strong>{last[:10]} {last[11:16]} UTC</strong>" in html


def test_evidence_map_counts(small_store: Store, settings: Settings, tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    cells = _map_cells(html)
    trd, dep, ptsd = "Treatment-resistant depression", "Depression", "PTSD"
    assert cells[(trd, "IV")] == (3, 2)          # 101 rct, 107 case report, 109 rct
    assert cells[(trd, "Intranasal")] == (2, 1)  # 102 meta-analysis, 103 observational
    assert cells[(trd, "Any route")] == (5, 3)
    assert cells[(dep, "IV")] == (1, 1)          # 106 is preclinical: not counted
    assert cells[(ptsd, "Route not stated")] == (1, 1)
    assert cells[(ptsd, "IV")] == (0, 0)
    assert not any(cond.startswith("Anaesthesia") for cond, _ in cells)  # 105 not treatment
    doc = lxml.html.fromstring(html)
    cell = doc.get_element_by_id("cell-trd-intranasal")
    assert re.findall(r"\b10[0-9]\b", cell.text_content()) == ["102", "103"]  # strongest first
    href = doc.xpath("//table[@class='map']//a[starts-with(@href, '#cell-trd-iv')]")[0]
    assert href.get("href") == "#cell-trd-iv"


def test_report_sections(small_store: Store, settings: Settings, tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    doc = lxml.html.fromstring(html)
    best = doc.get_element_by_id("best-trd")
    order = [m for m in re.findall(r"PMID (\d+)", best.text_content())]
    assert order == ["102", "109", "101", "103", "107"]  # MA, RCTs newest first, obs, case
    new = doc.get_element_by_id("new").text_content()
    assert "PMID 109" in new and "PMID 101" not in new
    flagged = doc.get_element_by_id("flagged")
    retracted = flagged.xpath(".//tr[@class='retracted']")
    assert len(retracted) == 1 and "RETRACTED" in retracted[0].text_content()
    assert "PMID 108" in flagged.text_content()  # expression of concern, even untagged
    # retracted records are flagged wherever they are listed
    assert "RETRACTED" in best.xpath(".//tr[@class='retracted']")[0].text_content()
    prisma = " ".join(doc.get_element_by_id("prisma").text_content().split())
    assert "After de-duplication by PMID: 9 records" in prisma
    assert "not studied as a treatment (anaesthetic tool, ketamine-induced models): 1." in prisma
    assert "preclinical (animal or in vitro): 1." in prisma
    assert "Included in the evidence sections: 6" in prisma
    why = best.xpath(".//details/ul[@class='evidence']/li/text()")
    assert "conditions=trd[mesh:term trd]" in why


def test_report_links(small_store: Store, settings: Settings, tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    doc = lxml.html.fromstring(html)
    external = [a for a in doc.iter("a") if not a.get("href", "").startswith("#")]
    assert external
    for a in external:
        assert re.match(r"^https://(pubmed\.ncbi\.nlm\.nih\.gov/\d+/|doi\.org/10\.)", a.get("href"))
        assert a.get("rel") == "noopener noreferrer"


def test_report_is_self_contained_and_accessible(small_store: Store, settings: Settings,
                                                 tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)
    doc = lxml.html.fromstring(html)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert csp.startswith("default-src 'none'; style-src 'unsafe-inline'; "
                          "script-src 'unsafe-inline'; img-src data:")
    assert not doc.xpath("//*[@src] | //link | //iframe | //object | //embed | //img")
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html
    # headings: one h1, no level skipped
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    for table in doc.iter("table"):
        assert table.xpath("./caption"), lxml.html.tostring(table)[:200]
        for th in table.iter("th"):
            assert th.get("scope") in ("col", "row")
    for inp in doc.iter("input"):
        assert doc.xpath(f"//label[@for='{inp.get('id')}']")
    for svg in doc.xpath("//svg"):
        assert svg.get("role") == "img" and svg.xpath("./title") and svg.get("aria-labelledby")
    # charts have a data-table fallback
    assert doc.xpath("//table[@class='trend-table']")


def test_report_prints_exact_queries(small_store: Store, settings: Settings,
                                     tmp_path: Path) -> None:
    queries = load_queries(ROOT / "queries")
    _, html = _write(small_store, settings, tmp_path, queries=queries)
    text = lxml.html.fromstring(html).get_element_by_id("method").text_content()
    for ind in queries.indications:
        assert ind.query in text and ind.label in text
    assert queries.drug_term in text and queries.version in text


def test_report_reads_queries_from_settings(small_store: Store, settings: Settings,
                                            tmp_path: Path) -> None:
    _, html = _write(small_store, settings, tmp_path)  # settings.queries_dir = ROOT/queries
    assert "Exact PubMed queries" in html
    _, html = _write(small_store, settings.replace(queries_dir=tmp_path / "none"), tmp_path)
    assert "query definitions were not available" in html


INLINE = "<i>italic</i> &amp; <sup>2</sup>"
ATTACK_TEXT = ATTACKS + ('"><svg onload=alert(1)>', "</textarea><script>x</script>", INLINE)


def test_report_escapes_untrusted_text(tmp_path: Path, settings: Settings) -> None:
    store = Store(tmp_path / "s.sqlite", now=lambda: NOW - timedelta(days=1))
    for i, bad in enumerate(ATTACK_TEXT):
        rec = Record(
            pmid=str(500 + i), title=f"{bad} title", abstract=f"{bad} abstract",
            journal=bad, authors=[Author(last_name=bad, initials=bad), Author(collective=bad)],
            pub_year=2024, doi=f'10.1000/x"{bad}', keywords=[bad],
            registrations=[Registration("NCT", bad)],
            corrections=[Correction("RetractionIn", "1")] if i % 2 else [],
        )
        tags = Tags(conditions=[Tag("trd", "text", bad)], routes=[Tag("iv", "text", bad)],
                    design=Tag("rct", "text", bad), registrations=[Registration("NCT", bad)],
                    sample_size=10, sample_size_evidence=bad, retracted=bool(i % 2))
        _put(store, rec, tags, query=bad)
    _, html = _write(store, settings, tmp_path)
    assert "<script>alert" not in html and "<img" not in html and "<svg onload" not in html
    assert "</textarea><script>" not in html
    doc = lxml.html.fromstring(html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "filter the study tables" in scripts[0].text
    assert not doc.xpath("//img | //iframe | //textarea | //object")
    # PubMed's bare inline tags become markup in titles only (journal, author, why-tagged: text)
    inline = doc.xpath("//i | //sup")
    where = "ancestor::span[@class='title'] | ancestor::ol[@class='compact']"
    assert inline and all(el.xpath(where) for el in inline)
    assert {el.text for el in inline} == {"italic", "2"}
    assert len(doc.xpath("//svg")) == 1  # the one trend chart (trd) is ours
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.startswith("on"), (el.tag, name)
            assert "javascript:" not in value.lower(), (el.tag, name, value)
            if name == "href":
                assert value.startswith(("#", "https://pubmed.ncbi.nlm.nih.gov/",
                                         "https://doi.org/10.1000/x%22")), value
    text = doc.text_content()
    for bad in ATTACKS + ATTACK_TEXT[len(ATTACKS):-1]:
        assert f"{bad} title" in text  # shown as text, exactly
    assert "italic &amp; 2 title" in text  # the inline tags rendered, the entity as text
    assert f"{INLINE} · PMID" in text  # the same string as the journal: text
    assert "=HYPERLINK" in text


MARKUP_TITLE = ('<i>N</i>-methyl-D-aspartate and Ca<sup>2+</sup> <script>alert(1)</script> '
                '<i onclick="x">y</i> done')


def test_report_renders_title_inline_markup_like_the_digest(tmp_path: Path,
                                                             settings: Settings) -> None:
    store = Store(tmp_path / "s.sqlite", now=lambda: NOW - timedelta(days=1))  # new this week
    retracted = [Correction("RetractionIn", "1")]
    _put(store, _rec("601", 2024, title=MARKUP_TITLE, corrections=retracted),
         _tags(["trd"], ["iv"], "rct"))
    _, html = _write(store, settings, tmp_path)
    doc = lxml.html.fromstring(html)
    # every place the title is listed: best evidence, new this week, retracted, the map's cell
    titles = [
        *doc.xpath("//section[@id='best']//span[@class='title']"),
        *doc.xpath("//section[@id='new']//span[@class='title']"),
        *doc.xpath("//section[@id='flagged']//span[@class='title']"),
        *doc.xpath("//section[@id='cell-trd-iv']//li/a"),
    ]
    assert len(titles) == 4
    shown = 'N-methyl-D-aspartate and Ca2+ <script>alert(1)</script> <i onclick="x">y</i> done'
    for title in titles:
        assert [(el.tag, el.text) for el in title] == [("i", "N"), ("sup", "2+")]
        assert title.text_content() == shown  # the script and the attribute tag: text, exactly
    markup = ("<i>N</i>-methyl-D-aspartate and Ca<sup>2+</sup> "
              "&lt;script&gt;alert(1)&lt;/script&gt; &lt;i onclick=&#34;x&#34;&gt;y&lt;/i&gt; done")
    assert html.count(markup) == 4
    assert len(doc.xpath("//script")) == 1  # ours
    assert not doc.xpath("//*[@onclick]") and len(doc.xpath("//i | //sup")) == 8


def test_report_title_filter_is_the_digests() -> None:
    from aggregator import digest, markup

    assert report.environment().filters["inline"] is markup.inline_markup
    assert digest.environment().filters["inline"] is markup.inline_markup


def test_doi_and_pubmed_url_filters() -> None:
    assert doi_url("10.1000/a b") is None and doi_url("javascript:alert(1)") is None
    assert doi_url(None) is None and doi_url("11.1/x") is None
    assert doi_url("10.1002/(SICI)1097<x>;2-#") == "https://doi.org/10.1002/%28SICI%291097%3Cx%3E%3B2-%23"
    assert pubmed_url("123") == "https://pubmed.ncbi.nlm.nih.gov/123/"
    assert pubmed_url("12a") is None


def test_report_caps_lists(small_store: Store, settings: Settings, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aggregator.report_data.MAX_PER_CONDITION", 2)
    monkeypatch.setattr("aggregator.report_data.MAX_PER_CELL", 1)
    _, html = _write(small_store, settings, tmp_path)
    doc = lxml.html.fromstring(html)
    best = doc.get_element_by_id("best-trd")
    assert len(best.xpath(".//tbody/tr")) == 2
    rest = " ".join(best.xpath(".//p[@class='rest']")[0].text_content().split())
    assert rest == "And 3 more not listed: RCT 1, Observational 1, Case report 1. All are in the CSV."
    cell = doc.get_element_by_id("cell-trd-iv")
    assert len(cell.xpath(".//ol/li")) == 1
    assert cell.xpath(".//p[@class='pmids']")[0].text == "109 101 107"


def test_report_empty_store(tmp_path: Path, settings: Settings) -> None:
    result, html = _write(Store(tmp_path / "empty.sqlite"), settings, tmp_path)
    assert result.counts["records"] == 0
    assert "No tagged clinical studies yet" in html
    lxml.html.fromstring(html)


def test_build_context_is_pure_and_counts(tmp_path: Path) -> None:
    df = records_frame(synthetic_items(300, now=NOW))
    ctx = build_context(df, now=NOW)
    html = render_report(ctx)
    assert ctx["counts"]["records"] == 300
    assert ctx["counts"]["new"] == int(
        (report.included(df)["first_seen"] >= NOW - timedelta(days=7)).sum())
    assert 'id="evidence-map"' in html


@pytest.mark.slow
def test_report_40000_records_size(tmp_path: Path, settings: Settings) -> None:
    # the HTML stays under 5 MB (a contract: it is mailed and opened offline); its wall time
    # is measured by `make bench`
    items = synthetic_items(40_000, now=NOW, attacks_every=997)
    result = write_report(items, settings, out_dir=tmp_path, now=NOW)
    size = result.html_path.stat().st_size
    assert size < 5_000_000


@pytest.mark.parametrize(
    ("given", "shown"),
    [("2025-05-28", "2025-05-28"), ("2025-05-28T06:30:00Z", "2025-05-28 06:30 UTC"),
     ("never", "no successful fetch yet")],
)
def test_report_banner_date_formats(small_store: Store, settings: Settings, tmp_path: Path,
                                    given: str, shown: str) -> None:
    _, html = _write(small_store, settings, tmp_path, offline_since=given)
    banner = lxml.html.fromstring(html).xpath("//div[@class='banner']")[0].text_content()
    assert f"data as of {shown}." in " ".join(banner.split())
