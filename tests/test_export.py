"""export.py: CSV, ASReview CSV, RIS and extraction files; filters; formula injection."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
import rispy

from aggregator.errors import InputError
from aggregator.export import (
    ASREVIEW_COLUMNS,
    CSV_COLUMNS,
    EXTRACTION_COLUMNS,
    export,
    filter_frame,
    guard_formula,
    split_pages,
    study_labels,
)
from aggregator.models import Author, Record, Tag, Tags
from aggregator.table import records_frame
from tests._synthetic import ATTACKS, FakeStored, synthetic_items

NOW = datetime(2025, 6, 1, tzinfo=UTC)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return records_frame(synthetic_items(2000, now=NOW, attacks_every=37))


def _expected(df: pd.DataFrame, col: str) -> list[str]:
    return [guard_formula(v) if isinstance(v, str) else "" for v in df[col]]


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _assert_no_formula(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            for cell in row:
                assert not cell.startswith(DANGEROUS), cell


def test_export_csv_round_trip(df: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert export("csv", df, path) == 2000
    raw = path.read_bytes()
    assert raw.startswith(b"pmid,doi,pmcid,title,")
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    back = _read_csv(path)
    assert list(back.columns[: len(CSV_COLUMNS)]) == list(CSV_COLUMNS)
    assert list(back["pmid"]) == list(df["pmid"])
    assert list(back["title"]) == _expected(df, "title")
    assert list(back["doi"]) == _expected(df, "doi")
    assert list(back["abstract"]) == _expected(df, "abstract")  # newlines survive quoting
    row = back.iloc[1]
    src = df.iloc[1]
    assert row["authors"] == "; ".join(src["authors"])
    assert row["conditions"] == "; ".join(src["conditions"])
    assert row["retracted"] in ("true", "false")
    assert row["first_seen"].endswith("Z")
    _assert_no_formula(path)


def test_export_csv_attack_strings_are_inert(df: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export("csv", df, path)
    back = _read_csv(path)
    titles = set(back["title"])
    assert "'=HYPERLINK(\"http://evil\",\"x\") title 148" in titles or any(
        t.startswith("'=HYPERLINK") for t in titles)
    assert any(t.startswith("'+cmd|") for t in titles)
    assert any(t.startswith("'@SUM(1)") for t in titles)
    assert any(t.startswith("'-2+3") for t in titles)
    assert any(j.startswith("'=HYPERLINK") for j in back["journal"])
    assert any(a.startswith("'@SUM") for a in back["authors"])
    # HTML attack text is data in a CSV: kept verbatim, never escaped or dropped
    assert any(t.startswith("<script>alert(1)</script>") for t in titles)


def test_export_asreview_columns(df: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "asreview.csv"
    assert export("asreview", df, path) == 2000
    back = _read_csv(path)
    assert tuple(back.columns) == ASREVIEW_COLUMNS
    assert {"title", "abstract", "authors", "keywords", "doi", "url"} <= set(back.columns)
    assert list(back["pmid"]) == list(df["pmid"])
    assert list(back["title"]) == _expected(df, "title")
    assert list(back["doi"]) == _expected(df, "doi")
    assert back["url"].iloc[0] == f"https://pubmed.ncbi.nlm.nih.gov/{df['pmid'].iloc[0]}/"
    _assert_no_formula(path)


def test_export_ris_round_trip_with_rispy(df: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "out.ris"
    assert export("ris", df, path) == 2000
    entries = rispy.load(path, encoding="utf-8")
    assert len(entries) == 2000
    assert [e["accession_number"] for e in entries] == list(df["pmid"])
    # RIS values are one line: compare with whitespace collapsed
    squash = lambda s: " ".join(s.split())
    assert [e.get("title") for e in entries] == [squash(t) for t in df["title"]]
    assert [e.get("doi") for e in entries] == [d if isinstance(d, str) else None for d in df["doi"]]
    first = entries[1]
    src = df.iloc[1]
    assert first["type_of_reference"] == "JOUR"
    assert first["authors"] == list(src["authors_full"])
    assert first["urls"] == [src["pubmed_url"]]
    assert first["start_page"] == "123" and first["end_page"] == "129"
    assert first["abstract"] == squash(src["abstract"])


def test_export_ris_lines_are_well_formed(tmp_path: Path) -> None:
    rec = Record(pmid="1", title="Line one\nline two\r\nER  - sneaky", abstract="a\n\nb",
                 authors=[Author("Ng", "Li", "L")], pub_year=2020, pub_date="2020-05",
                 journal="J", kind="article", keywords=["k1", "K1", "k2"])
    book = Record(pmid="2", kind="book", title="Chapter 3", journal="A Book")
    tags = Tags(conditions=[Tag("trd", "mesh", "x")], design=Tag("rct", "pt", "RCT"),
                retracted=True)
    df = records_frame([FakeStored(rec, tags, "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
                        (book, None)])
    path = tmp_path / "x.ris"
    export("ris", df, path)
    raw = path.read_bytes().decode("utf-8")
    lines = raw.split("\r\n")
    assert all(line == "" or line[:2].isalnum() and line[2:6] == "  - " for line in lines), lines
    assert "TI  - Line one line two ER - sneaky" in lines
    assert "DA  - 2020/05" in lines and "AU  - Ng, Li" in lines
    assert [line for line in lines if line.startswith("KW")] == ["KW  - k1", "KW  - k2"]
    assert "N1  - design: rct; conditions: trd; RETRACTED" in lines
    assert lines.count("ER  - ") == 2
    assert "TY  - CHAP" in lines and "T2  - A Book" in lines


def test_export_extraction_template(tmp_path: Path) -> None:
    items = [(Record(pmid=p, pub_year=2020, authors=[Author("Smith", "J", "J")]), Tags(
        design=Tag("rct", "pt", "RCT"), sample_size=40)) for p in ("3", "1")]
    items.append((Record(pmid="5", pub_year=None, authors=[Author(collective="=Group")]), None))
    df = records_frame(items)
    path = tmp_path / "x.csv"
    assert export("extraction", df, path) == 3
    back = _read_csv(path)
    assert tuple(back.columns) == EXTRACTION_COLUMNS
    assert list(back["study"]) == ["Smith 2020b", "Smith 2020a", "'=Group n.d."]
    assert list(back["n"]) == ["40", "40", ""]
    for col in ("n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i", "yi", "vi"):
        assert (back[col] == "").all()


def test_study_labels_many_repeats() -> None:
    items = [(Record(pmid=str(i), pub_year=2020, authors=[Author("Li")]), None) for i in range(28)]
    labels = study_labels(records_frame(items))
    assert labels[0] == "Li 2020a" and labels[25] == "Li 2020z" and labels[26] == "Li 2020aa"


@pytest.mark.parametrize("text", [*ATTACKS, "\rCR", "-1"])
def test_guard_formula_prefixes_dangerous_cells(text: str) -> None:
    out = guard_formula(text)
    if text.startswith(DANGEROUS):
        assert out == "'" + text
    else:
        assert out == text


@pytest.mark.parametrize(
    ("pages", "expected"),
    [("123-9", ("123", "129")), ("e123", ("e123", None)), ("1201-1210", ("1201", "1210")),
     ("S12-S19", ("S12", "S19")), ("12-5, 30", ("12", "15")), (None, (None, None))],
)
def test_split_pages(pages: str | None, expected: tuple[str | None, str | None]) -> None:
    assert split_pages(pages) == expected


def test_filter_frame(df: pd.DataFrame) -> None:
    trd = filter_frame(df, condition="trd")
    assert len(trd) > 0 and all("trd" in c for c in trd["conditions"])
    both = filter_frame(df, condition=["trd", "ptsd"], route="iv")
    assert all(("trd" in c or "ptsd" in c) and "iv" in r
               for c, r in zip(both["conditions"], both["routes"]))
    rct = filter_frame(df, design=["rct", "meta_analysis"])
    assert set(rct["design"].astype(str)) == {"rct", "meta_analysis"}
    since = filter_frame(df, since="2025-05-01")
    assert len(since) > 0 and (since["first_seen"] >= pd.Timestamp("2025-05-01", tz="UTC")).all()
    assert len(since) == int((df["first_seen"] >= pd.Timestamp("2025-05-01", tz="UTC")).sum())
    kept = filter_frame(df, exclude_retracted=True)
    assert df["retracted"].any() and not kept["retracted"].any()
    assert len(kept) == len(df) - int(df["retracted"].sum())


def test_export_with_filters_counts_rows(df: pd.DataFrame, tmp_path: Path) -> None:
    n = export("csv", df, tmp_path / "f.csv", filters={"condition": "ptsd", "design": "rct"})
    expected = filter_frame(df, condition="ptsd", design="rct")
    assert n == len(expected) > 0
    assert list(_read_csv(tmp_path / "f.csv")["pmid"]) == list(expected["pmid"])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"condition": "nope"}, "--condition"), ({"route": "ear"}, "--route"),
     ({"design": "anecdote"}, "--design"), ({"since": "last tuesday"}, "--since")],
)
def test_filter_frame_bad_values(df: pd.DataFrame, kwargs: dict[str, str], field: str) -> None:
    with pytest.raises(InputError) as err:
        filter_frame(df, **kwargs)
    assert err.value.field == field


def test_export_unknown_kind(df: pd.DataFrame, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown export kind"):
        export("bibtex", df, tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


def test_export_empty_frame(tmp_path: Path) -> None:
    df = records_frame([])
    for kind in ("csv", "asreview", "ris", "extraction"):
        assert export(kind, df, tmp_path / f"e.{kind}") == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("pmid,")
    assert (tmp_path / "e.ris").read_text(encoding="utf-8") == ""
