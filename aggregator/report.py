"""Report stage: the store -> one self-contained HTML evidence report (+ the CSV beside it).

:func:`write_report` writes ``reports/report-YYYY-MM-DD.html`` and a copy at
``reports/latest.html``, plus ``reports/ketamine-YYYY-MM-DD.csv`` and ``reports/latest.csv``
(:func:`aggregator.export.export`, kind ``csv``).

The page makes no network request when opened: CSS and the small (optional) filter script are
inline, charts are inline SVG, there are no images or fonts, and a Content-Security-Policy
meta forbids everything else. External links (PubMed, doi.org) are plain ``<a href>`` built
here from a numeric PMID or a url-quoted DOI. All PubMed text is untrusted: one
:func:`environment` with ``autoescape=True`` renders it, and record text is never marked safe
as a whole. Titles render their inline markup as the digest does: the ``inline`` filter
(:func:`aggregator.markup.inline_markup`) escapes everything and gives back only PubMed's bare,
properly nested inline tags (``<i>N</i>-methyl``, ``Ca<sup>2+</sup>``).

Which records the report's evidence sections count (:func:`included`): ketamine as a treatment
(``ketamine_treatment`` not False) in humans or an unstated population (not ``animal`` /
``in_vitro``, not ``preclinical``). The PRISMA-style box shows what was set aside and why.

Example::

    with Store(settings.db_path) as store:
        result = write_report(store, settings)
    print(result.html_path, result.counts["included"])
"""

from __future__ import annotations

import math
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from .config import Settings
from .export import export
from .markup import inline_markup
from .subscribers import CONDITION_NAMES, DESIGN_NAMES
from .table import CONDITIONS, DESIGNS, ROUTES, long_frame, records_frame

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
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass(frozen=True)
class ReportResult:
    """What :func:`write_report` wrote, and the headline counts."""

    html_path: Path
    latest_path: Path
    csv_path: Path
    counts: dict[str, int]
    latest_csv_path: Path
    timings: dict[str, float] = field(default_factory=dict)


# -- the one Jinja environment ------------------------------------------------------------------
def pubmed_url(pmid: Any) -> str | None:
    """PubMed link for a numeric PMID, else None."""
    text = str(pmid)
    return f"https://pubmed.ncbi.nlm.nih.gov/{text}/" if text.isdigit() else None


def doi_url(doi: Any) -> str | None:
    """``https://doi.org/<url-quoted DOI>`` for something shaped like a DOI, else None."""
    if not isinstance(doi, str) or not _DOI.match(doi.strip()):
        return None
    return "https://doi.org/" + quote(doi.strip(), safe="/")


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


def thousands(value: Any) -> str:
    return f"{int(value):,}"


_FILTERS = {
    "pubmed_url": pubmed_url, "doi_url": doi_url, "anchor": anchor, "label": label,
    "thousands": thousands, "inline": inline_markup,
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report's Jinja environment: autoescape on, strict undefined, filters in one place."""
    env = Environment(
        loader=PackageLoader("aggregator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_FILTERS)
    return env


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


# -- assembling and writing ---------------------------------------------------------------------
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


def render_report(context: dict[str, Any]) -> str:
    """The report's HTML for a :func:`build_context` result."""
    return environment().get_template("report.html.j2").render(context)


def _tmp(path: Path) -> Path:
    # Not tempfile.mkstemp: its 0600 mode would survive the rename; open() honours the umask.
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _write_atomic(path: Path, text: str) -> None:
    tmp = _tmp(path)
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _copy_atomic(src: Path, dst: Path) -> None:
    # A copy, not a symlink: latest.html must survive being mailed, synced or served alone.
    tmp = _tmp(dst)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _load_queries(settings: Settings) -> Any:
    from .queries import load_queries

    path = Path(settings.queries_dir)
    return load_queries(path) if path.exists() else None


def write_report(store: Any, settings: Settings, *, out_dir: Path | None = None,
                 queries: Any = None, now: datetime | None = None,
                 offline_since: str | None = None) -> ReportResult:
    """Write the dated HTML report, ``latest.html`` and the CSV (dated + ``latest.csv``).

    :param store: a ``Store`` (or anything :func:`aggregator.table.records_frame` reads).
    :param settings: ``reports_dir`` (default output) and ``queries_dir`` are used.
    :param out_dir: write here instead of ``settings.reports_dir``.
    :param queries: the ``QuerySet`` to print; read from ``settings.queries_dir`` when None.
    :param now: the report's clock (aware datetime; default: now, UTC).
    :param offline_since: when PubMed could not be reached: the date the data dates from,
        shown in a banner.
    :raises QueryDefinitionError: the queries file cannot be read.
    """
    import time

    clock = time.perf_counter
    timings: dict[str, float] = {}
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    out = Path(out_dir) if out_dir is not None else Path(settings.reports_dir)
    out.mkdir(parents=True, exist_ok=True)
    if queries is None:
        queries = _load_queries(settings)
    t = clock()
    df = records_frame(store)
    timings["frame"] = clock() - t
    status = store.status() if hasattr(store, "status") else {}

    t = clock()
    context = build_context(df, now=now, status=status, queries=queries,
                            offline_since=offline_since)
    html = render_report(context)
    timings["html"] = clock() - t
    day = now.astimezone(UTC).strftime("%Y-%m-%d")
    html_path, latest = out / f"report-{day}.html", out / "latest.html"
    _write_atomic(html_path, html)
    _copy_atomic(html_path, latest)

    t = clock()
    csv_path, latest_csv = out / f"ketamine-{day}.csv", out / "latest.csv"
    export("csv", df, csv_path)
    _copy_atomic(csv_path, latest_csv)
    timings["csv"] = clock() - t
    return ReportResult(html_path, latest, csv_path, context["counts"], latest_csv, timings)
