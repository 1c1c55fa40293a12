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

Layout: this module holds the Jinja environment and its filters, rendering and writing. What
the page shows is computed, purely, by :mod:`aggregator.report_data` (:func:`build_context`,
and :func:`included`: which records the evidence sections count); the names used elsewhere are
re-exported here, so ``aggregator.report`` stays the one import.

Example::

    with Store(settings.db_path) as store:
        result = write_report(store, settings)
    print(result.html_path, result.counts["included"])
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

# Besides what this module uses, the names other modules and tests reach through
# ``aggregator.report`` are re-exported from ``report_data`` (``X as X``: an explicit re-export,
# PEP 484, which mypy --strict requires and ruff's PLC0414 mistakes for a useless alias). The list
# caps (MAX_PER_CONDITION...) are not: they are read in report_data, so patch them there.
# ruff: noqa: PLC0414
from .config import Settings
from .export import export
from .markup import inline_markup
from .report_data import anchor, label
from .report_data import build_context as build_context
from .report_data import included as included
from .table import records_frame

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


# -- rendering and writing ----------------------------------------------------------------------
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
