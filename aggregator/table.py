"""Table stage: stored, tagged records -> one typed pandas DataFrame.

The only library module that builds DataFrames (``report`` and ``export`` consume them).
One row per (non-deleted) record; untagged records have empty tag columns (NA, empty tuples).

Example::

    from aggregator.store import Store
    from aggregator.table import records_frame, long_frame

    df = records_frame(Store("data/aggregator.sqlite"))
    trd = df[df["conditions"].map(lambda c: "trd" in c)]
    pd.crosstab(long_frame(df)["condition"], long_frame(df)["route"])

Columns of :func:`records_frame` (``tuple`` columns hold tuples of ``str``, possibly empty):

=======================  ===================  ==========================================================
column                   dtype                meaning
=======================  ===================  ==========================================================
pmid                     str                  PubMed id (unique; the key)
doi                      str (NA)             DOI, bare (``10.xxxx/...``)
pmcid                    str (NA)             PubMed Central id (``PMC...``)
title                    str                  full title; inline markup kept as literal text
abstract                 str                  abstract; structured sections as ``LABEL: text`` lines
authors                  tuple                authors as ``Last FM`` (Vancouver) or collective names
authors_full             tuple                authors as ``Last, ForeName`` (for RIS ``AU``)
first_author             str (NA)             first entry of ``authors``
first_author_last        str (NA)             first author's family (or collective) name, for labels
journal                  str (NA)             journal title (book title for book records)
journal_iso              str (NA)             ISO abbreviation of the journal
volume, issue, pages     str (NA)             citation details (``pages`` as printed: ``123-9``)
kind                     category             ``article`` or ``book``
year                     Int64                publication year
pub_date                 str (NA)             publication date ``YYYY[-MM[-DD]]``
language                 str (NA)             language codes joined by ``"; "`` (``eng``)
publication_types        tuple                PubMed publication types
design                   ordered category     design label, strongest first (``meta_analysis`` < ... <
                                              ``other``); NA when untagged
conditions               tuple                condition label ids (``trd``, ``ptsd``...)
routes                   tuple                route label ids (``iv``, ``intranasal``...): ketamine's
                                              (none when it is named only aside)
population               category             ``human``, ``animal``, ``in_vitro``; NA when unknown
age_groups               tuple                ``child``, ``adult``, ``older_adult``
sample_size              Int64                number of participants found in the abstract
registrations            tuple                trial registrations (``NCT01234567``), tags and record
retracted                bool                 retracted (``RetractionIn`` link or publication type)
erratum                  bool                 an erratum was published (``ErratumIn``)
expression_of_concern    bool                 an expression of concern was published
ketamine_treatment       boolean (NA)         ketamine studied as a treatment (False: anaesthetic tool,
                                              "ketamine-induced" model, drug of misuse or toxin,
                                              adjunct given but not studied, or named only aside);
                                              NA when untagged
tagged                   bool                 tags are stored for the record
mesh                     tuple                MeSH descriptor names
keywords                 tuple                author keywords
queries                  tuple                names of the stored queries that found the record
first_seen               datetime64[UTC]      when the store first saw the record
last_changed             datetime64[UTC]      when the stored record last changed
entrez_date              str (NA)             PubMed entrez (create) date ``YYYY-MM-DD``
pubmed_url               str                  ``https://pubmed.ncbi.nlm.nih.gov/<pmid>/``
tag_evidence             str                  why each tag was given, e.g. ``conditions=trd[mesh:Depressive
                                              Disorder, Treatment-Resistant]; routes=intranasal[text:nasal
                                              spray]; design=rct[publication_type:Randomized Controlled
                                              Trial]``; empty when untagged
=======================  ===================  ==========================================================

:func:`long_frame` explodes ``conditions`` x ``routes`` into one row per record x condition x
route (``condition`` and ``route`` categoricals; NA when the record has none) for cross-tabs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from .models import Record, Tag, Tags

#: label ids in DESIGN.md order (used to order categoricals; unknown ids are appended)
CONDITIONS: tuple[str, ...] = (
    "depression", "trd", "bipolar", "suicidality", "anxiety", "ptsd", "ocd", "chronic_pain",
    "acute_pain", "substance_use", "anesthesia",
)
ROUTES: tuple[str, ...] = (
    "iv", "im", "intranasal", "oral", "sublingual", "subcutaneous", "neuraxial", "rectal",
    "inhaled", "topical",
)
#: strongest first
DESIGNS: tuple[str, ...] = (
    "meta_analysis", "systematic_review", "rct", "nonrandomized_trial", "observational",
    "case_report", "review", "preclinical", "protocol", "guideline", "other",
)
POPULATIONS: tuple[str, ...] = ("human", "animal", "in_vitro")
AGE_GROUPS: tuple[str, ...] = ("child", "adult", "older_adult")

#: columns holding tuples of str
MULTI_COLUMNS: tuple[str, ...] = (
    "authors", "authors_full", "publication_types", "conditions", "routes", "age_groups",
    "registrations", "mesh", "keywords", "queries",
)

#: column order of :func:`records_frame`
COLUMNS: tuple[str, ...] = (
    "pmid", "doi", "pmcid", "title", "abstract", "authors", "authors_full", "first_author",
    "first_author_last", "journal", "journal_iso", "volume", "issue", "pages", "kind", "year",
    "pub_date", "language", "publication_types", "design", "conditions", "routes", "population",
    "age_groups", "sample_size", "registrations", "retracted", "erratum",
    "expression_of_concern", "ketamine_treatment", "tagged", "mesh", "keywords", "queries",
    "first_seen", "last_changed", "entrez_date", "pubmed_url", "tag_evidence",
)

_STR_COLUMNS = (
    "pmid", "doi", "pmcid", "title", "abstract", "first_author", "first_author_last", "journal",
    "journal_iso", "volume", "issue", "pages", "pub_date", "language", "entrez_date",
    "pubmed_url", "tag_evidence",
)


def records_frame(store_or_items: Any) -> pd.DataFrame:
    """One typed row per record (see the module docstring for the columns).

    :param store_or_items: a ``Store`` (read through ``iter_tagged()``), or an iterable of
        ``StoredRecord``-like objects (``.record``, ``.tags``, ``.first_seen``,
        ``.last_changed``, ``.queries``), ``(Record, Tags | None)`` pairs or bare ``Record``.
        Items with a true ``deleted`` attribute are skipped.
    """
    items = store_or_items.iter_tagged() if hasattr(store_or_items, "iter_tagged") else store_or_items
    cols: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for rec, tags, first_seen, last_changed, queries in _normalised(items):
        _append(cols, rec, tags, first_seen, last_changed, queries)
    return _typed(cols)


def _normalised(
    items: Iterable[Any],
) -> Iterator[tuple[Record, Tags | None, str | None, str | None, list[str]]]:
    for item in items:
        if isinstance(item, Record):
            yield item, None, None, None, []
        elif isinstance(item, tuple):
            yield item[0], item[1], None, None, []
        else:
            if getattr(item, "deleted", False):
                continue
            yield (
                item.record,
                item.tags,
                getattr(item, "first_seen", None),
                getattr(item, "last_changed", None),
                list(getattr(item, "queries", None) or ()),
            )


def _append(
    cols: dict[str, list[Any]],
    rec: Record,
    tags: Tags | None,
    first_seen: str | None,
    last_changed: str | None,
    queries: list[str],
) -> None:
    authors = rec.authors
    a = cols
    a["pmid"].append(rec.pmid)
    a["doi"].append(rec.doi or None)
    a["pmcid"].append(rec.pmcid or None)
    a["title"].append(rec.title or "")
    a["abstract"].append(rec.abstract or "")
    a["authors"].append(tuple(x.display for x in authors))
    a["authors_full"].append(tuple(_ris_name(x.last_name, x.fore_name, x.initials, x.collective)
                                   for x in authors))
    a["first_author"].append(authors[0].display if authors else None)
    a["first_author_last"].append(
        (authors[0].collective or authors[0].last_name or authors[0].fore_name) if authors else None
    )
    a["journal"].append(rec.journal or None)
    a["journal_iso"].append(rec.journal_iso or None)
    a["volume"].append(rec.volume or None)
    a["issue"].append(rec.issue or None)
    a["pages"].append(rec.pages or None)
    a["kind"].append(rec.kind or "article")
    a["year"].append(rec.pub_year)
    a["pub_date"].append(rec.pub_date or rec.medline_date or None)
    a["language"].append("; ".join(rec.languages) or None)
    a["publication_types"].append(tuple(p.name for p in rec.publication_types))
    ref_types = {c.ref_type for c in rec.corrections}
    regs = {r.accession: None for r in rec.registrations}
    if tags is not None:
        for r in tags.registrations:
            regs.setdefault(r.accession, None)
        a["design"].append(tags.design.label if tags.design else None)
        a["conditions"].append(tuple(tags.labels("conditions")))
        a["routes"].append(tuple(tags.labels("routes")))
        a["population"].append(tags.population.label if tags.population else None)
        a["age_groups"].append(tuple(tags.labels("age_groups")))
        a["sample_size"].append(tags.sample_size)
        a["retracted"].append(bool(tags.retracted or rec.retracted))
        a["erratum"].append(bool(tags.erratum or "ErratumIn" in ref_types))
        a["expression_of_concern"].append(
            bool(tags.expression_of_concern or "ExpressionOfConcernIn" in ref_types)
        )
        a["ketamine_treatment"].append(bool(tags.ketamine_treatment))
        a["tagged"].append(True)
        a["tag_evidence"].append(tag_evidence(tags))
    else:
        a["design"].append(None)
        a["conditions"].append(())
        a["routes"].append(())
        a["population"].append(None)
        a["age_groups"].append(())
        a["sample_size"].append(None)
        a["retracted"].append(rec.retracted)
        a["erratum"].append("ErratumIn" in ref_types)
        a["expression_of_concern"].append("ExpressionOfConcernIn" in ref_types)
        a["ketamine_treatment"].append(None)
        a["tagged"].append(False)
        a["tag_evidence"].append("")
    a["registrations"].append(tuple(regs))
    a["mesh"].append(tuple(m.name for m in rec.mesh))
    a["keywords"].append(tuple(rec.keywords))
    a["queries"].append(tuple(queries))
    a["first_seen"].append(first_seen)
    a["last_changed"].append(last_changed)
    a["entrez_date"].append(rec.history.get("entrez") or rec.date_created or None)
    a["pubmed_url"].append(rec.pubmed_url)


def _ris_name(last: str | None, fore: str | None, initials: str | None,
              collective: str | None) -> str:
    if collective:
        return collective
    given = fore or initials
    if last and given:
        return f"{last}, {given}"
    return last or given or ""


def _evidence_item(kind: str, tag: Tag) -> str:
    return f"{kind}={tag.label}[{tag.source}:{tag.term}]"


def tag_evidence(tags: Tags) -> str:
    """A compact, one-line account of why each tag was given (see the module docstring)."""
    parts: list[str] = []
    for kind in ("conditions", "routes"):
        parts.extend(_evidence_item(kind, t) for t in getattr(tags, kind))
    if tags.design is not None:
        parts.append(_evidence_item("design", tags.design))
    if tags.population is not None:
        parts.append(_evidence_item("population", tags.population))
    parts.extend(_evidence_item("age_groups", t) for t in tags.age_groups)
    if tags.sample_size is not None:
        ev = f"[text:{tags.sample_size_evidence}]" if tags.sample_size_evidence else ""
        parts.append(f"sample_size={tags.sample_size}{ev}")
    if not tags.ketamine_treatment:
        parts.append("ketamine_treatment=false")
    # The separators are structural: keep them out of the matched terms so the string splits back.
    return "; ".join(p.replace("\n", " ") for p in parts)


def _categorical(values: list[Any], known: tuple[str, ...], *, ordered: bool) -> pd.Categorical:
    extra = sorted({v for v in values if v is not None and v not in known})
    return pd.Categorical(values, categories=[*known, *extra], ordered=ordered)


def _typed(cols: dict[str, list[Any]]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for name in COLUMNS:
        values = cols[name]
        if name in _STR_COLUMNS:
            data[name] = pd.array(values, dtype="str")
        elif name in MULTI_COLUMNS:
            arr = np.empty(len(values), dtype=object)
            arr[:] = values
            data[name] = arr
        elif name == "design":
            data[name] = _categorical(values, DESIGNS, ordered=True)
        elif name == "population":
            data[name] = _categorical(values, POPULATIONS, ordered=False)
        elif name == "kind":
            data[name] = _categorical(values, ("article", "book"), ordered=False)
        elif name in ("year", "sample_size"):
            data[name] = pd.array(values, dtype="Int64")
        elif name in ("retracted", "erratum", "expression_of_concern", "tagged"):
            data[name] = np.array(values, dtype=bool)
        elif name == "ketamine_treatment":
            data[name] = pd.array(values, dtype="boolean")
        else:  # first_seen, last_changed
            data[name] = pd.to_datetime(pd.Series(values, dtype=object), utc=True,
                                        format="ISO8601").array
    return pd.DataFrame(data, index=pd.RangeIndex(len(cols["pmid"])))


def long_frame(df: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per record x condition x route, for cross-tabs.

    Records without a condition (or route) keep one row with NA there.

    :param df: a frame from :func:`records_frame`.
    :param columns: scalar columns to carry along (default: pmid, year, design, population,
        sample_size, retracted, ketamine_treatment, first_seen).
    """
    keep = list(columns) if columns is not None else [
        "pmid", "year", "design", "population", "sample_size", "retracted",
        "ketamine_treatment", "first_seen",
    ]
    out = df[keep].copy()
    out["condition"] = df["conditions"].map(list)
    out["route"] = df["routes"].map(list)
    out = out.explode("condition").explode("route").reset_index(drop=True)
    out["condition"] = _categorical(
        [None if pd.isna(v) else v for v in out["condition"]], CONDITIONS, ordered=False)
    out["route"] = _categorical(
        [None if pd.isna(v) else v for v in out["route"]], ROUTES, ordered=False)
    return out
