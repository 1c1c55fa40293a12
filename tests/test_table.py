"""table.py: records -> typed DataFrame; long (exploded) frame for cross-tabs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from aggregator.models import Author, Coded, Correction, Record, Registration, Tag, Tags
from aggregator.table import COLUMNS, long_frame, records_frame, tag_evidence
from tests._synthetic import FakeStored, synthetic_items

DESIGN_CSV_COLUMNS = ["pmid", "doi", "pmcid", "title", "abstract", "authors", "first_author", "journal", "year", "pub_date", "language", "publication_types", "design", "conditions", "routes", "population", "age_groups", "sample_size", "registrations", "retracted", "mesh", "keywords", "first_seen", "pubmed_url", "tag_evidence"]


def _trd_tags() -> Tags:
    return Tags(
        conditions=[Tag("trd", "mesh", "Depressive Disorder, Treatment-Resistant"),
                    Tag("depression", "mesh", "Depressive Disorder, Treatment-Resistant"),
                    Tag("trd", "text", "treatment-resistant depression")],
        routes=[Tag("intranasal", "text", "esketamine nasal spray")],
        design=Tag("rct", "publication_type", "Randomized Controlled Trial"),
        population=Tag("human", "mesh", "Humans"),
        age_groups=[Tag("adult", "mesh", "Adult")],
        sample_size=227,
        registrations=[Registration("NCT", "NCT02418585", "abstract")],
    )


def _items() -> list[FakeStored]:
    rec = Record(
        pmid="31109201", title="Esketamine nasal spray in TRD", abstract="A: b\nC: d",
        authors=[Author("Popova", "Vanina", "V"), Author(collective="TRANSFORM-2 group")],
        journal="Am J Psychiatry", pub_year=2019, pub_date="2019-06-01", languages=["eng"],
        doi="10.1176/appi.ajp.2019.19020172",
        publication_types=[Coded("D016449", "Randomized Controlled Trial")],
        registrations=[Registration("NCT", "NCT02418585")],
        corrections=[Correction("ErratumIn", "1")], keywords=["esketamine"],
    )
    untagged = Record(pmid="2", title="Untagged", pub_year=None,
                      publication_types=[Coded(None, "Retracted Publication")])
    return [
        FakeStored(rec, _trd_tags(), "2024-01-02T03:04:05Z", "2024-02-01T00:00:00+00:00", ["trd"]),
        FakeStored(untagged, None, "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z", []),
    ]


def test_records_frame_columns_and_dtypes() -> None:
    df = records_frame(_items())
    assert list(df.columns) == list(COLUMNS)
    assert set(DESIGN_CSV_COLUMNS) <= set(df.columns)
    assert isinstance(df["design"].dtype, pd.CategoricalDtype) and df["design"].cat.ordered
    assert isinstance(df["population"].dtype, pd.CategoricalDtype)
    assert str(df["year"].dtype) == "Int64" and str(df["sample_size"].dtype) == "Int64"
    assert str(df["first_seen"].dtype).startswith("datetime64") and str(df["first_seen"].dt.tz) == "UTC"
    for col in ("retracted", "erratum", "expression_of_concern"):
        assert df[col].dtype == bool
    for col in ("conditions", "routes", "authors", "mesh", "keywords", "queries", "registrations"):
        assert all(isinstance(v, tuple) and all(isinstance(x, str) for x in v) for v in df[col])


def test_records_frame_values() -> None:
    df = records_frame(_items()).set_index("pmid")
    row = df.loc["31109201"]
    assert row["conditions"] == ("trd", "depression")  # de-duplicated, in tag order
    assert row["routes"] == ("intranasal",)
    assert row["design"] == "rct" and row["population"] == "human"
    assert row["sample_size"] == 227 and row["year"] == 2019
    assert row["authors"] == ("Popova V", "TRANSFORM-2 group")
    assert row["first_author"] == "Popova V" and row["first_author_last"] == "Popova"
    assert row["registrations"] == ("NCT02418585",)
    assert row["erratum"] and not row["retracted"]
    assert row["first_seen"] == pd.Timestamp("2024-01-02T03:04:05Z")
    assert row["queries"] == ("trd",)
    assert row["tag_evidence"].startswith(
        "conditions=trd[mesh:Depressive Disorder, Treatment-Resistant]; "
        "conditions=depression[mesh:Depressive Disorder, Treatment-Resistant]; "
        "conditions=trd[text:treatment-resistant depression]; "
        "routes=intranasal[text:esketamine nasal spray]; "
        "design=rct[publication_type:Randomized Controlled Trial]"
    )


def test_records_frame_untagged_has_empty_tag_columns() -> None:
    row = records_frame(_items()).set_index("pmid").loc["2"]
    assert row["conditions"] == () and row["routes"] == () and row["age_groups"] == ()
    assert pd.isna(row["design"]) and pd.isna(row["population"]) and pd.isna(row["sample_size"])
    assert pd.isna(row["ketamine_treatment"]) and row["tag_evidence"] == ""
    assert not row["tagged"]
    assert row["retracted"]  # from the record itself: publication type "Retracted Publication"
    assert pd.isna(row["year"])


def test_records_frame_accepts_pairs_records_and_skips_deleted() -> None:
    class Deleted(FakeStored):
        deleted = True

    items = [(Record(pmid="1"), _trd_tags()), Record(pmid="3"),
             Deleted(Record(pmid="4"), None, "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    df = records_frame(items)
    assert list(df["pmid"]) == ["1", "3"]
    assert df["first_seen"].isna().all()


def test_records_frame_empty() -> None:
    df = records_frame([])
    assert list(df.columns) == list(COLUMNS) and len(df) == 0
    assert len(long_frame(df)) == 0


def test_records_frame_from_store(tmp_path: Path) -> None:
    store_mod = pytest.importorskip("aggregator.store", reason="store.py not written yet")
    from tests._synthetic import fill_store

    store = store_mod.Store(tmp_path / "s.sqlite")
    items = synthetic_items(50)
    fill_store(store, items)
    df = records_frame(store)
    assert sorted(df["pmid"]) == sorted(i.record.pmid for i in items)
    tagged = {i.record.pmid: i.tags for i in items}
    row = df.set_index("pmid").loc[items[1].record.pmid]
    assert row["conditions"] == tuple(tagged[items[1].record.pmid].labels("conditions"))
    assert df["first_seen"].notna().all()
    assert df["queries"].map(len).sum() == sum(len(i.queries) for i in items)


def test_tag_evidence_sample_size_and_non_treatment() -> None:
    tags = Tags(sample_size=12, sample_size_evidence="12 patients", ketamine_treatment=False)
    assert tag_evidence(tags) == "sample_size=12[text:12 patients]; ketamine_treatment=false"


def test_long_frame_explodes_conditions_by_routes() -> None:
    items = [
        (Record(pmid="1"), Tags(conditions=[Tag("trd", "m", "x"), Tag("ptsd", "m", "y")],
                                routes=[Tag("iv", "t", "z"), Tag("im", "t", "w")])),
        (Record(pmid="2"), Tags(conditions=[Tag("ocd", "m", "x")])),
        (Record(pmid="3"), None),
    ]
    long = long_frame(records_frame(items))
    assert len(long) == 4 + 1 + 1
    pairs = {(p, c, r) for p, c, r in zip(long["pmid"], long["condition"].astype(object),
                                          long["route"].astype(object))}
    assert ("1", "trd", "iv") in pairs and ("1", "ptsd", "im") in pairs
    assert long[long["pmid"] == "2"]["route"].isna().all()
    assert long[long["pmid"] == "3"][["condition", "route"]].isna().all().all()
    table = pd.crosstab(long["condition"], long["route"])
    assert table.loc["trd", "iv"] == 1


def test_records_frame_40000_records() -> None:
    # how fast is `make bench`'s business (report section); here: one row per record, in order
    items = synthetic_items(40_000, seed=3)
    df = records_frame(items)
    assert len(df) == 40_000 and df["pmid"].is_unique
    assert list(df["pmid"][:3]) == [items[i].record.pmid for i in range(3)]
