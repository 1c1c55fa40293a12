"""Synthetic records and tags for table/export/report tests and the 40,000-record measurement.

Made up here (no PubMed data): deterministic for a seed.

Measure the report on a synthetic store (prints seconds and MB)::

    .venv/bin/python -m tests._synthetic --records 40000 --out /tmp/report-bench
"""

from __future__ import annotations

import argparse
import random
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aggregator.models import (
    Author,
    Coded,
    Correction,
    MeshHeading,
    Parsed,
    Record,
    Registration,
    Tag,
    Tags,
)
from aggregator.table import CONDITIONS, DESIGNS, ROUTES

ATTACKS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '=HYPERLINK("http://evil","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\tTAB",
)

_WORDS = ["ketamine", "esketamine", "infusion", "depression", "randomized", "placebo", "controlled", "trial", "efficacy", "safety", "suicidal", "ideation", "nasal", "spray", "intravenous", "response", "remission", "week", "dose", "patients", "anxiety", "pain", "chronic", "neuropathic", "single", "double", "blind", "open", "label", "outcome", "scale", "score", "Montgomery-Åsberg", "rating", "improvement", "adverse", "dissociation", "blood", "pressure", "follow-up"]
_PT = {
    "meta_analysis": "Meta-Analysis", "systematic_review": "Systematic Review",
    "rct": "Randomized Controlled Trial", "nonrandomized_trial": "Clinical Trial",
    "observational": "Observational Study", "case_report": "Case Reports", "review": "Review",
    "preclinical": "Journal Article", "protocol": "Clinical Trial Protocol",
    "guideline": "Practice Guideline", "other": "Journal Article",
}


@dataclass
class FakeStored:
    """The shape of ``store.StoredRecord``, for pure table/export tests."""

    record: Record
    tags: Tags | None
    first_seen: str
    last_changed: str
    queries: list[str] = field(default_factory=list)


def make_record(pmid: int | str, rng: random.Random, *, title: str | None = None,
                abstract: str | None = None, journal: str | None = None,
                author: str | None = None, retracted: bool = False) -> Record:
    words = lambda n: " ".join(rng.choice(_WORDS) for _ in range(n))
    n_auth = rng.randint(0, 6)
    authors = [Author(last_name=f"Author{rng.randint(1, 500)}", fore_name="Ann Marie",
                      initials="AM") for _ in range(n_auth)]
    if author is not None:
        authors.insert(0, Author(last_name=author, fore_name=author, initials="X"))
    year = rng.randint(1995, 2025)
    corrections = [Correction("RetractionIn", "999")] if retracted else []
    return Record(
        pmid=str(pmid),
        title=title if title is not None else words(12).capitalize() + ".",
        abstract=abstract if abstract is not None else
        "BACKGROUND: " + words(60) + "\nRESULTS: " + words(80),
        authors=authors,
        journal=journal if journal is not None else f"Journal of {rng.choice(_WORDS).title()}",
        journal_iso="J Test",
        volume=str(rng.randint(1, 90)), issue=str(rng.randint(1, 12)), pages="123-9",
        pub_year=year, pub_date=f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        languages=["eng"],
        doi=f"10.{1000 + rng.randint(0, 8999)}/test.{pmid}" if rng.random() < 0.9 else None,
        pmcid=f"PMC{pmid}" if rng.random() < 0.3 else None,
        publication_types=[Coded("D016428", "Journal Article")],
        mesh=[MeshHeading("D007649", "Ketamine"), MeshHeading(None, "Humans")],
        keywords=["ketamine", rng.choice(_WORDS)],
        registrations=[Registration("NCT", f"NCT0{rng.randint(1000000, 9999999)}")]
        if rng.random() < 0.1 else [],
        corrections=corrections,
        history={"entrez": f"{year}-02-03"},
    )


def make_tags(rng: random.Random, *, conditions: list[str] | None = None,
              routes: list[str] | None = None, design: str | None = None,
              population: str = "human", treatment: bool | None = None,
              retracted: bool = False) -> Tags:
    conds = conditions if conditions is not None else rng.sample(CONDITIONS, rng.randint(0, 2))
    rts = routes if routes is not None else rng.sample(ROUTES, rng.choice((0, 1, 1, 2)))
    des = design if design is not None else rng.choice(DESIGNS)
    return Tags(
        conditions=[Tag(c, "mesh", f"MeSH for {c}") for c in conds],
        routes=[Tag(r, "text", f"phrase for {r}") for r in rts],
        design=Tag(des, "publication_type", _PT[des]),
        population=Tag(population, "mesh", "Humans"),
        age_groups=[Tag("adult", "mesh", "Adult")],
        sample_size=rng.randint(8, 400) if rng.random() < 0.6 else None,
        sample_size_evidence="n = 42 patients",
        retracted=retracted,
        erratum=rng.random() < 0.01,
        ketamine_treatment=treatment if treatment is not None else rng.random() > 0.15,
    )


def synthetic_items(n: int, *, seed: int = 7, now: datetime | None = None,
                    attacks_every: int = 0) -> list[FakeStored]:
    """``n`` records with tags; every ``attacks_every``-th record carries attack strings."""
    rng = random.Random(seed)
    now = now or datetime(2025, 6, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        pmid = 30_000_000 + i
        attack = attacks_every and i % attacks_every == 0
        bad = ATTACKS[(i // max(attacks_every, 1)) % len(ATTACKS)] if attack else None
        retracted = rng.random() < 0.005
        rec = make_record(pmid, rng, title=bad and f"{bad} title {i}",
                          abstract=bad and f"{bad} abstract", journal=bad, author=bad,
                          retracted=retracted)
        tags = make_tags(rng, retracted=retracted) if rng.random() < 0.97 else None
        seen = now - timedelta(days=rng.randint(0, 700), seconds=rng.randint(0, 86399))
        out.append(FakeStored(rec, tags, seen.isoformat(), seen.isoformat(),
                              rng.sample(["depression", "trd", "anxiety", "chronic_pain"], 1)))
    return out


def fill_store(store: Any, items: list[FakeStored], *, batch: int = 2000) -> None:
    """Write ``items`` through the public Store API (first_seen is the store's clock)."""
    run = store.start_run("import")
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        store.upsert([Parsed(it.record, zlib.compress(b"<PubmedArticle/>")) for it in chunk],
                     run_id=run)
        by_query: dict[str, list[str]] = {}
        for it in chunk:
            for q in it.queries:
                by_query.setdefault(q, []).append(it.record.pmid)
        for q, pmids in by_query.items():
            store.record_hits(q, pmids, run)
        store.save_tags([(it.record.pmid, it.tags) for it in chunk if it.tags is not None],
                        "test-vocab-1")
    store.finish_run(run, "ok", {"records": len(items)})


def main() -> None:  # pragma: no cover - a measurement, not a test
    from aggregator.config import Settings
    from aggregator.report import write_report
    from aggregator.store import Store

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, default=40_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/report-bench"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "bench.sqlite"
    if not db.exists():
        t = time.perf_counter()
        store = Store(db)
        fill_store(store, synthetic_items(args.records, attacks_every=997))
        print(f"store filled with {args.records} records in {time.perf_counter() - t:.1f} s")
    store = Store(db)
    settings = Settings(reports_dir=args.out / "reports", db_path=db)
    t = time.perf_counter()
    result = write_report(store, settings)
    took = time.perf_counter() - t
    size = result.html_path.stat().st_size / 1e6
    csv_size = result.csv_path.stat().st_size / 1e6
    print(f"report: {took:.1f} s, HTML {size:.2f} MB, CSV {csv_size:.1f} MB -> {result.html_path}")
    print(result.timings if hasattr(result, "timings") else "")


if __name__ == "__main__":  # pragma: no cover
    main()
