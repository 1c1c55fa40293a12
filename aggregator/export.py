"""Export stage: the records frame -> files for analysis and screening tools.

Kinds (``aggregator export KIND PATH``):

- ``csv``: UTF-8, RFC 4180 (``\\r\\n``, minimal quoting), DESIGN.md's column order, then
  ``erratum, expression_of_concern, ketamine_treatment, queries, last_changed``; multi-valued
  cells joined by ``"; "``; booleans ``true``/``false``; missing values empty.
- ``asreview``: a CSV with the column names ASReview LAB reads (``title, abstract, authors,
  keywords, doi, url``), plus ``pmid, year, journal`` which it keeps as extra columns.
- ``ris``: RIS as Zotero, EndNote, Rayyan and Covidence import it (``TY`` ... ``ER``, one
  ``AU``/``KW``/``LA`` line per value, no line break inside a value).
- ``extraction``: a data-extraction template for R's metafor/meta: study label
  (``"FirstAuthor Year"``, suffixed a, b... when repeated), ids, design, labels, ``n`` and the
  empty effect-size columns ``n1i, m1i, sd1i, n2i, m2i, sd2i, yi, vi``.

Spreadsheet formula injection: in every CSV kind, a cell starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading ``'`` (OWASP "CSV Injection" advice), so record text
like ``=HYPERLINK(...)`` is shown, never evaluated.

Example::

    df = records_frame(store)
    n = export("ris", df, "reports/trd-rcts.ris", filters={"condition": "trd", "design": "rct"})
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InputError
from .table import CONDITIONS, DESIGNS, ROUTES

KINDS = ("csv", "asreview", "ris", "extraction")

#: DESIGN.md's CSV contract, in order
CSV_COLUMNS: tuple[str, ...] = (
    "pmid", "doi", "pmcid", "title", "abstract", "authors", "first_author", "journal", "year",
    "pub_date", "language", "publication_types", "design", "conditions", "routes", "population",
    "age_groups", "sample_size", "registrations", "retracted", "mesh", "keywords", "first_seen",
    "pubmed_url", "tag_evidence",
)
#: appended after the contract's columns (readers select by name)
CSV_EXTRA_COLUMNS: tuple[str, ...] = (
    "erratum", "expression_of_concern", "ketamine_treatment", "queries", "last_changed",
)
ASREVIEW_COLUMNS: tuple[str, ...] = (
    "pmid", "title", "abstract", "authors", "keywords", "doi", "url", "year", "journal",
)
EXTRACTION_COLUMNS: tuple[str, ...] = (
    "study", "pmid", "doi", "title", "year", "design", "conditions", "routes", "n", "retracted",
    "n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i", "yi", "vi",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


# -- filtering ------------------------------------------------------------------------------------
def filter_frame(
    df: pd.DataFrame,
    condition: str | Iterable[str] | None = None,
    route: str | Iterable[str] | None = None,
    design: str | Iterable[str] | None = None,
    since: str | date | datetime | None = None,
    exclude_retracted: bool = False,
) -> pd.DataFrame:
    """Rows of ``df`` matching every filter given (a list means any of its values).

    :param condition: condition label id(s) the record must carry.
    :param route: route label id(s) the record must carry.
    :param design: design label id(s).
    :param since: keep records first seen on or after this date (``YYYY-MM-DD``, UTC).
    :param exclude_retracted: drop retracted records.
    :raises InputError: an unknown label id or an unreadable date (names the option).
    """
    mask = pd.Series(True, index=df.index)
    if condition is not None:
        wanted = _labels(condition, "--condition", CONDITIONS, df["conditions"])
        mask &= df["conditions"].map(lambda c: not wanted.isdisjoint(c)).astype(bool)
    if route is not None:
        wanted = _labels(route, "--route", ROUTES, df["routes"])
        mask &= df["routes"].map(lambda c: not wanted.isdisjoint(c)).astype(bool)
    if design is not None:
        known = [*DESIGNS, *(str(c) for c in df["design"].cat.categories if c not in DESIGNS)]
        wanted = _labels(design, "--design", known, None)
        mask &= df["design"].isin(list(wanted)).fillna(False).astype(bool)
    if since is not None:
        mask &= (df["first_seen"] >= _utc_day(since)).fillna(False).astype(bool)
    if exclude_retracted:
        mask &= ~df["retracted"].astype(bool)
    return df[mask]


def _labels(value: str | Iterable[str], option: str, known: Iterable[str],
            present: pd.Series | None) -> set[str]:
    wanted = {value} if isinstance(value, str) else set(value)
    allowed = set(known)
    if present is not None:
        allowed.update(label for labels in present for label in labels)
    unknown = sorted(wanted - allowed)
    if unknown:
        raise InputError(
            f"unknown label {unknown[0]!r}; expected one of {', '.join(sorted(allowed))}",
            field=option,
        )
    return wanted


def _utc_day(since: str | date | datetime) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(since)
    except (ValueError, TypeError) as exc:
        raise InputError(f"cannot read date {since!r}: expected YYYY-MM-DD",
                         field="--since") from exc
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


# -- cells ----------------------------------------------------------------------------------------
def guard_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _is_na(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value)
    )


def _text(value: Any) -> str:
    """One cell's text: tuples joined by ``"; "``, booleans ``true``/``false``, NA empty."""
    if isinstance(value, (tuple, list)):
        return "; ".join(str(v) for v in value)
    if _is_na(value):
        return ""
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        return str(value.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ"))
    return str(value)


def _column_text(series: pd.Series) -> list[str]:
    return [guard_formula(_text(v)) for v in series.tolist()]


# -- writers --------------------------------------------------------------------------------------
def export(kind: str, df: pd.DataFrame, path: str | Path, *,
           filters: Mapping[str, Any] | None = None) -> int:
    """Write ``df`` (filtered by :func:`filter_frame` with ``filters``) as ``kind`` to ``path``.

    The file is written to a temporary name beside ``path`` and renamed, so a reader never sees
    half a file.

    :param kind: ``csv``, ``asreview``, ``ris`` or ``extraction``.
    :param df: a frame from :func:`aggregator.table.records_frame`.
    :param path: the file to write (parent directories are created).
    :param filters: keyword arguments of :func:`filter_frame`.
    :returns: the number of records written.
    :raises InputError: unknown kind or filter value.
    """
    writers: dict[str, Callable[[pd.DataFrame, Any], None]] = {
        "csv": _write_csv, "asreview": _write_asreview, "ris": _write_ris,
        "extraction": _write_extraction,
    }
    if kind not in writers:
        raise InputError(f"unknown export kind {kind!r}; expected one of {', '.join(KINDS)}",
                         field="kind")
    if filters:
        df = filter_frame(df, **filters)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkstemp: its 0600 mode would survive the rename; open() honours the umask.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        newline = "" if kind != "ris" else "\r\n"
        with tmp.open("w", encoding="utf-8", newline=newline) as fh:
            writers[kind](df, fh)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(df)


def _write_rows(fh: Any, header: Iterable[str], columns: list[list[str]]) -> None:
    writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(list(header))
    writer.writerows(zip(*columns))


def _write_csv(df: pd.DataFrame, fh: Any) -> None:
    names = [*CSV_COLUMNS, *CSV_EXTRA_COLUMNS]
    _write_rows(fh, names, [_column_text(df[c]) for c in names])


def _write_asreview(df: pd.DataFrame, fh: Any) -> None:
    source = {"url": "pubmed_url"}
    _write_rows(fh, ASREVIEW_COLUMNS,
                [_column_text(df[source.get(c, c)]) for c in ASREVIEW_COLUMNS])


def study_labels(df: pd.DataFrame) -> list[str]:
    """``"FirstAuthor Year"`` per row; repeated labels get a, b, c... in PMID order."""
    base = []
    for last, year, pmid in zip(df["first_author_last"].tolist(), df["year"].tolist(),
                                df["pmid"].tolist()):
        who = last if isinstance(last, str) and last else f"PMID {pmid}"
        base.append(f"{who} {year}" if not _is_na(year) else f"{who} n.d.")
    counts: dict[str, int] = {}
    for label in base:
        counts[label] = counts.get(label, 0) + 1
    order = sorted(range(len(base)), key=lambda i: (base[i], _pmid_key(df["pmid"].iat[i])))
    labels = list(base)
    seen: dict[str, int] = {}
    for i in order:
        if counts[base[i]] > 1:
            k = seen.get(base[i], 0)
            seen[base[i]] = k + 1
            labels[i] = base[i] + _suffix(k)
    return labels


def _pmid_key(pmid: str) -> tuple[int, str]:
    return (int(pmid), pmid) if pmid.isdigit() else (0, pmid)


def _suffix(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def _write_extraction(df: pd.DataFrame, fh: Any) -> None:
    n = len(df)
    columns = {
        "study": [guard_formula(s) for s in study_labels(df)],
        "pmid": _column_text(df["pmid"]),
        "doi": _column_text(df["doi"]),
        "title": _column_text(df["title"]),
        "year": _column_text(df["year"]),
        "design": _column_text(df["design"]),
        "conditions": _column_text(df["conditions"]),
        "routes": _column_text(df["routes"]),
        "n": _column_text(df["sample_size"]),
        "retracted": _column_text(df["retracted"]),
    }
    _write_rows(fh, EXTRACTION_COLUMNS,
                [columns.get(c, [""] * n) for c in EXTRACTION_COLUMNS])


# -- RIS ------------------------------------------------------------------------------------------
def _one_line(value: Any) -> str:
    """A value on one line: every run of whitespace (newlines included) becomes one space."""
    return _SPACE.sub(" ", _text(value)).strip()


def split_pages(pages: str | None) -> tuple[str | None, str | None]:
    """``"123-9"`` -> ``("123", "129")`` (MEDLINE abbreviates the end page); ``"e123"`` -> start only."""
    if not pages:
        return None, None
    first = pages.split(",")[0].strip()
    start, sep, end = first.partition("-")
    start, end = start.strip(), end.strip()
    if not sep or not end:
        return start or None, None
    if start.isdigit() and end.isdigit() and len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return start or None, end


def _ris_date(pub_date: Any) -> str | None:
    if not isinstance(pub_date, str):
        return None
    m = _ISO_DATE.match(pub_date)
    if not m:
        return None
    return "/".join(p for p in m.groups() if p)


def _adder(tags: list[tuple[str, str]]) -> Callable[[str, Any], None]:
    def add(tag: str, value: Any) -> None:
        text = _one_line(value)
        if text:
            tags.append((tag, text))

    return add


def ris_records(df: pd.DataFrame) -> Iterator[list[tuple[str, str]]]:
    """(tag, value) pairs per record, in RIS order, values already on one line."""
    for row in df.itertuples(index=False):
        r = row._asdict()
        tags: list[tuple[str, str]] = []
        add = _adder(tags)
        is_book = r["kind"] == "book"
        container = r["journal"] if isinstance(r["journal"], str) else ""
        if is_book:
            ty = "CHAP" if container and container != r["title"] else "BOOK"
        else:
            ty = "JOUR"
        add("TY", ty)
        add("TI", r["title"])
        for name in r["authors_full"]:
            add("AU", name)
        add("PY", r["year"])
        add("DA", _ris_date(r["pub_date"]))
        if ty == "JOUR":
            add("JO", container)
            add("T2", container)
            add("J2", r["journal_iso"])
        elif ty == "CHAP":
            add("T2", container)
        add("VL", r["volume"])
        add("IS", r["issue"])
        sp, ep = split_pages(r["pages"] if isinstance(r["pages"], str) else None)
        add("SP", sp)
        add("EP", ep)
        add("AB", r["abstract"])
        add("DO", r["doi"])
        seen: set[str] = set()
        for kw in (*r["keywords"], *r["mesh"]):
            key = _one_line(kw).casefold()
            if key and key not in seen:
                seen.add(key)
                add("KW", kw)
        for lang in (r["language"] or "").split("; ") if isinstance(r["language"], str) else ():
            add("LA", lang)
        add("AN", r["pmid"])
        add("ID", r["pmid"])
        add("UR", r["pubmed_url"])
        notes = []
        if not _is_na(r["design"]):
            notes.append(f"design: {r['design']}")
        if r["conditions"]:
            notes.append(f"conditions: {', '.join(r['conditions'])}")
        if r["routes"]:
            notes.append(f"routes: {', '.join(r['routes'])}")
        if r["retracted"]:
            notes.append("RETRACTED")
        if r["erratum"]:
            notes.append("erratum published")
        if r["expression_of_concern"]:
            notes.append("expression of concern")
        add("N1", "; ".join(notes))
        yield tags


def _write_ris(df: pd.DataFrame, fh: Any) -> None:
    # "TAG  - value", the file's newline is "\r\n" (set by the caller): EndNote's RIS reader
    # expects CRLF; Zotero, Rayyan, Covidence and rispy accept it.
    for tags in ris_records(df):
        for tag, value in tags:
            fh.write(f"{tag}  - {value}\n")
        fh.write("ER  - \n\n")

