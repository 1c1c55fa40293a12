"""Report stage: the records frame -> the report template's context (pure; no I/O).

:func:`build_context` computes everything ``report.html.j2`` shows from
:func:`aggregator.table.records_frame`'s DataFrame: the headline counts, the evidence map
(conditions x routes, cells shaded on a log scale, :func:`evidence_map`), the per-year trend
charts as inline-SVG bar geometry (:func:`trends`), the strongest evidence per condition
(:func:`best_evidence`), the new and flagged (retracted, erratum, expression of concern) lists
and the PRISMA-style counts (:func:`prisma`). Values stay raw text: the template escapes them.
:func:`anchor` and :func:`label` live here because the context uses them too; the report's
Jinja environment (:mod:`aggregator.report`) registers them as filters. Re-exported by
:mod:`aggregator.report`, which renders the context and writes the files.

Which records the report's evidence sections count (:func:`included`): ketamine as a treatment
(``ketamine_treatment`` not False) in humans or an unstated population (not ``animal`` /
``in_vitro``, not ``preclinical``). The PRISMA-style box shows what was set aside and why.

Example::

    from datetime import UTC, datetime

    from aggregator.report_data import build_context
    from aggregator.table import records_frame

    context = build_context(records_frame(store), now=datetime.now(UTC),
                            status=store.status())
    print(context["counts"]["included"], [r["condition"] for r in context["map"]["rows"]])
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd

from .subscribers import CONDITION_NAMES, DESIGN_NAMES
from .table import CONDITIONS, DESIGNS, ROUTES, long_frame

__all__ = [
    "CSP",
    "MAX_FLAGGED",
    "MAX_NEW",
    "MAX_PER_CELL",
    "MAX_PER_CONDITION",
    "NEW_DAYS",
    "ROUTE_NAMES",
    "ROUTE_SHORT",
    "STRONG",
    "TREND_YEARS",
    "anchor",
    "best_evidence",
    "build_context",
    "evidence_map",
    "included",
    "label",
    "prisma",
    "ranked",
    "trends",
]

ROUTE_NAMES: dict[str, str] = {
    "iv": "Intravenous", "im": "Intramuscular", "intranasal": "Intranasal", "oral": "Oral",
    "sublingual": "Sublingual / buccal", "subcutaneous": "Subcutaneous",
    "neuraxial": "Neuraxial", "rectal": "Rectal", "inhaled": "Inhaled", "topical": "Topical",
}
#: column headers of the evidence map (full names in <abbr title>)
ROUTE_SHORT: dict[str, str] = {
    "iv": "IV", "im": "IM", "sublingual": "Sublingual", "subcutaneous": "SC",
}
#: records listed per condition (strongest first); the rest are counted by design
MAX_PER_CONDITION = 50
#: records named in each evidence-map cell list (all PMIDs are listed compactly after them)
MAX_PER_CELL = 10
MAX_NEW = 100
MAX_FLAGGED = 200
#: years shown in the trend charts (ending with the report's year)
TREND_YEARS = 30
NEW_DAYS = 7
STRONG = ("meta_analysis", "rct")
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


# -- ids and display names (also the report's Jinja filters) ------------------------------------
def anchor(*parts: Any) -> str:
    """An HTML id from label ids: lower-case letters, digits and hyphens only."""
    text = "-".join(str(p) for p in parts)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def label(value: Any, kind: str = "condition") -> str:
    """Display name of a label id (``trd`` -> "Treatment-resistant depression")."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "not stated"
    names = {"condition": CONDITION_NAMES, "route": ROUTE_NAMES, "design": DESIGN_NAMES,
             "route_short": {**ROUTE_NAMES, **ROUTE_SHORT}}[kind]
    return names.get(str(value), str(value).replace("_", " "))


# -- selecting and ordering ---------------------------------------------------------------------
def included(df: pd.DataFrame) -> pd.DataFrame:
    """Records the evidence sections count: tagged, ketamine as treatment, not preclinical."""
    treatment = df["ketamine_treatment"].fillna(False).astype(bool)
    preclinical = df["population"].isin(["animal", "in_vitro"]) | (df["design"] == "preclinical")
    return df[df["tagged"] & treatment & ~preclinical.fillna(False).astype(bool)]


def ranked(df: pd.DataFrame) -> pd.DataFrame:
    """Strongest design first (meta-analyses, systematic reviews, RCTs...), then newest."""
    codes = df["design"].cat.codes.to_numpy()
    key = pd.DataFrame({
        "rank": [c if c >= 0 else 999 for c in codes],
        "year": df["year"].fillna(0).astype("int64").to_numpy(),
        "pmid": [int(p) if p.isdigit() else 0 for p in df["pmid"]],
    }, index=df.index)
    order = key.sort_values(["rank", "year", "pmid"], ascending=[True, False, False]).index
    return df.loc[order]


def _views(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain dicts for the templates (values stay raw text: the template escapes them)."""
    out = []
    for r in df.itertuples(index=False):
        out.append({
            "pmid": r.pmid, "title": r.title or "(no title)",
            "first_author": r.first_author if isinstance(r.first_author, str) else None,
            "journal": r.journal if isinstance(r.journal, str) else None,
            "year": None if r.year is pd.NA else int(r.year),
            "design": None if pd.isna(r.design) else str(r.design),
            "conditions": r.conditions, "routes": r.routes,
            "n": None if r.sample_size is pd.NA else int(r.sample_size),
            "registrations": r.registrations, "retracted": bool(r.retracted),
            "erratum": bool(r.erratum), "eoc": bool(r.expression_of_concern),
            "doi": r.doi if isinstance(r.doi, str) else None,
            "evidence": r.tag_evidence.split("; ") if r.tag_evidence else [],
        })
    return out


def _known(values: Iterable[Any], order: tuple[str, ...]) -> list[str]:
    present = {str(v) for v in values if isinstance(v, str)}
    return [*order, *sorted(present - set(order))]


# -- sections -----------------------------------------------------------------------------------
def _level(n: int, low: int, top: int) -> int:
    """Shade 0 (none) to 5 (most): log scale between the smallest and largest non-empty cell,
    so a map dominated by one huge cell (anaesthesia x IV) still shows differences."""
    if n <= 0:
        return 0
    if top <= low:
        return 3
    return 1 + min(4, int(4 * math.log(n / low) / math.log(top / low) + 0.5))


def evidence_map(inc: pd.DataFrame, conditions: list[str], routes: list[str]) -> dict[str, Any]:
    """Conditions x routes: studies and RCTs + meta-analyses per cell, with the cell's records."""
    lf = long_frame(inc, columns=["pmid", "design"])
    lf = lf[lf["condition"].notna()]
    lf["route"] = lf["route"].astype(object).where(lf["route"].notna(), None)
    lf["strong"] = lf["design"].isin(STRONG).to_numpy()
    views = {v["pmid"]: v for v in _views(inc)}
    cols = [*routes, None]
    groups: dict[tuple[str, str | None], list[str]] = {}
    for c, r, p in zip(lf["condition"].astype(str), lf["route"], lf["pmid"]):
        groups.setdefault((c, r), []).append(p)
    strong = set(inc["pmid"][inc["design"].isin(STRONG).to_numpy()])
    top = max((len(v) for v in groups.values()), default=0)
    low = min((len(v) for v in groups.values()), default=0)
    rows: list[dict[str, Any]] = []
    cells: list[dict[str, Any]] = []
    for c in conditions:
        mask = inc["conditions"].map(lambda t, c=c: c in t).astype(bool)
        total = int(mask.sum())
        if not total:
            continue
        row_cells: list[dict[str, Any]] = []
        row = {"condition": c, "total": total,
               "total_strong": int(inc["pmid"][mask].isin(strong).sum()), "cells": row_cells}
        for r in cols:
            pmids = groups.get((c, r), [])
            n_strong = sum(p in strong for p in pmids)
            cell = {"route": r, "n": len(pmids), "strong": n_strong,
                    "level": _level(len(pmids), low, top), "anchor": anchor("cell", c, r or "none")}
            row_cells.append(cell)
            if pmids:
                cells.append({**cell, "condition": c,
                              "records": [views[p] for p in pmids[:MAX_PER_CELL]],
                              "pmids": pmids, "rest": max(0, len(pmids) - MAX_PER_CELL)})
        rows.append(row)
    return {"routes": cols, "rows": rows, "cells": cells, "top": top}


def trends(inc: pd.DataFrame, conditions: list[str], last_year: int) -> dict[str, Any]:
    """Studies per year and condition, as bar geometry for small inline SVG charts."""
    years = list(range(last_year - TREND_YEARS + 1, last_year + 1))
    width, height, pad = 300, 90, 14
    bar = width / len(years)
    lf = long_frame(inc, columns=["pmid", "year"])
    lf = lf[lf["condition"].notna() & lf["year"].notna()].drop_duplicates(["pmid", "condition"])
    counts = lf.groupby(["condition", "year"], observed=True).size()
    charts, table = [], []
    for c in conditions:
        per_year = {int(y): int(n) for (cc, y), n in counts.items() if cc == c}
        if not per_year:
            continue
        shown = [per_year.get(y, 0) for y in years]
        peak = max(shown) or 1
        bars = []
        for i, (y, n) in enumerate(zip(years, shown)):
            h = round((height - pad) * n / peak, 1)
            bars.append({"x": round(i * bar, 1), "w": round(bar * 0.8, 1),
                         "y": round(height - h, 1), "h": h, "year": y, "n": n})
        earlier = sum(n for y, n in per_year.items() if y < years[0])
        best = max(range(len(years)), key=lambda i: (shown[i], years[i]))
        charts.append({"condition": c, "bars": bars, "peak": max(shown), "earlier": earlier,
                       "peak_year": years[best], "total": sum(shown)})
        table.append({"condition": c, "counts": shown, "earlier": earlier})
    return {"years": years, "charts": charts, "table": table, "width": width, "height": height}


def best_evidence(inc_ranked: pd.DataFrame, conditions: list[str]) -> list[dict[str, Any]]:
    """Per condition, the strongest ``MAX_PER_CONDITION`` records and the rest counted by design."""
    out = []
    for c in conditions:
        sub = inc_ranked[inc_ranked["conditions"].map(lambda t, c=c: c in t).astype(bool)]
        if sub.empty:
            continue
        rest = sub.iloc[MAX_PER_CONDITION:]
        by_design = rest["design"].astype(object).fillna("untagged").value_counts(sort=False)
        out.append({
            "condition": c, "total": len(sub), "records": _views(sub.iloc[:MAX_PER_CONDITION]),
            "rest": len(rest),
            "rest_by_design": [(d, int(by_design[d])) for d in [*DESIGNS, "untagged"]
                               if d in by_design.index],
        })
    return out


def prisma(df: pd.DataFrame, inc: pd.DataFrame, query_labels: dict[str, str]) -> dict[str, Any]:
    """PRISMA-style flow: found per query, after de-duplication, set aside, included by design."""
    per_query: dict[str, int] = {}
    for qs in df["queries"]:
        for q in qs:
            per_query[q] = per_query.get(q, 0) + 1
    tagged = df[df["tagged"]]
    non_treatment = int(tagged["ketamine_treatment"].eq(False).sum())
    treat = tagged[tagged["ketamine_treatment"].fillna(True).astype(bool)]
    preclinical = len(treat) - int(treat["pmid"].isin(inc["pmid"]).sum())
    designs = inc["design"].astype(object).fillna("untagged").value_counts()
    return {
        "queries": [{"name": q, "label": query_labels.get(q, q), "n": n}
                    for q, n in sorted(per_query.items(), key=lambda kv: -kv[1])],
        "hits": sum(per_query.values()),
        "records": len(df),
        "untagged": int((~df["tagged"]).sum()),
        "non_treatment": non_treatment,
        "preclinical": preclinical,
        "included": len(inc),
        "no_condition": int((inc["conditions"].map(len) == 0).sum()),
        "by_design": [(d, int(designs[d])) for d in [*DESIGNS, "untagged"] if d in designs.index],
    }


def _flagged(df: pd.DataFrame, column: str) -> dict[str, Any]:
    sub = df[df[column]]
    sub = sub.assign(_y=sub["year"].fillna(0)).sort_values(["_y", "pmid"], ascending=False)
    return {"records": _views(sub.iloc[:MAX_FLAGGED]), "total": len(sub),
            "rest": max(0, len(sub) - MAX_FLAGGED)}


def _queries_view(queries: Any) -> dict[str, Any] | None:
    if queries is None:
        return None
    return {
        "version": getattr(queries, "version", None),
        "source": str(getattr(queries, "source", "") or ""),
        "drug_label": getattr(queries, "drug_label", None),
        "drug_term": getattr(queries, "drug_term", None),
        "topic_term": getattr(queries, "topic_term", None),
        "indications": [
            {"name": i.name, "label": i.label,
             "query": getattr(i, "query", None) or getattr(i, "term", "")}
            for i in getattr(queries, "indications", ())
        ],
    }


def _fmt_ts(value: Any) -> str | None:
    if value is None or value is pd.NaT:
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return str(value)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return str(ts.strftime("%Y-%m-%d %H:%M UTC"))


def _offline_text(offline_since: str | None) -> str | None:
    """The banner's date: a timestamp shown like the data date; "never" said in words."""
    if offline_since is None:
        return None
    if offline_since.strip().lower() == "never":
        return "no successful fetch yet"
    return _fmt_ts(offline_since) if len(offline_since) > 10 else offline_since


# -- assembling ---------------------------------------------------------------------------------
def build_context(df: pd.DataFrame, *, now: datetime, status: dict[str, Any] | None = None,
                  queries: Any = None, offline_since: str | None = None) -> dict[str, Any]:
    """Everything the template shows, computed from the records frame (pure; no I/O)."""
    status = status or {}
    inc = ranked(included(df))
    query_view = _queries_view(queries)
    query_labels = {i["name"]: i["label"] for i in (query_view or {}).get("indications", [])}
    conditions = _known((c for t in df["conditions"] for c in t), CONDITIONS)
    routes = _known((r for t in df["routes"] for r in t), ROUTES)
    since = pd.Timestamp(now - timedelta(days=NEW_DAYS))
    new = inc[(inc["first_seen"] >= since).fillna(False).astype(bool)]
    last_change = df["last_changed"].max() if len(df) else None
    counts = {
        "records": len(df),
        "included": len(inc),
        "meta_analyses": int((inc["design"] == "meta_analysis").sum()),
        "systematic_reviews": int((inc["design"] == "systematic_review").sum()),
        "rcts": int((inc["design"] == "rct").sum()),
        "new": len(new),
        "retracted": int(df["retracted"].sum()),
        "erratum": int(df["erratum"].sum()),
        "expression_of_concern": int(df["expression_of_concern"].sum()),
        "untagged": int((~df["tagged"]).sum()),
    }
    return {
        "csp": CSP,
        "generated": now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "data_date": _fmt_ts(status.get("last_fetch")),
        "last_change": _fmt_ts(last_change),
        "offline_since": _offline_text(offline_since),
        "counts": counts,
        "condition_names": {c: label(c) for c in conditions},
        "map": evidence_map(inc, conditions, routes),
        "trends": trends(inc, conditions, now.year),
        "best": best_evidence(inc, conditions),
        "max_per_condition": MAX_PER_CONDITION,
        "max_per_cell": MAX_PER_CELL,
        "new": {"records": _views(new.iloc[:MAX_NEW]), "total": len(new),
                "rest": max(0, len(new) - MAX_NEW), "days": NEW_DAYS},
        "retracted": _flagged(df, "retracted"),
        "erratum": _flagged(df, "erratum"),
        "eoc": _flagged(df, "expression_of_concern"),
        "prisma": prisma(df, inc, query_labels),
        "queries": query_view,
    }
