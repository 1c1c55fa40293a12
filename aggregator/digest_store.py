"""Digest stage: the digest's bookkeeping in the store (adapters over ``Store``'s public methods).

Reading: ``_default_since`` (where this week's window starts), ``_reported_elsewhere``
(PMIDs an earlier digest already showed) and ``_retractions`` (earlier-reported records now
retracted, to call out). Writing: :func:`record_digest` saves the digest and moves the
:data:`LAST_KEY` / :data:`PREVIOUS_KEY` watermarks. Re-exported by :mod:`aggregator.digest`.

Example::

    from aggregator.digest import build_digest, record_digest, write_digest

    with Store(settings.db_path) as store:
        digest = build_digest(store, settings)
        record_digest(store, digest, write_digest(digest, settings.reports_dir))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .digest_model import Digest, DigestItem
from .digest_select import make_item

__all__ = ["LAST_KEY", "PREVIOUS_KEY", "record_digest"]


# -- store bookkeeping (adapters over Store's public methods) ---------------------------------
#
# The store keeps digests by key but has no "latest digest" query; the keys of the last two
# digests are kept as watermarks instead (``digest.last``, ``digest.previous``).

LAST_KEY = "digest.last"
PREVIOUS_KEY = "digest.previous"


def _aware(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def _parse_ts(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value)
    try:
        return _aware(datetime.fromisoformat(str(value)))  # 3.11 reads "Z"
    except ValueError:
        return None


def _ts(moment: datetime) -> str:
    return _aware(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def _default_since(store: Any, saved: dict[str, Any] | None, now: datetime) -> datetime:
    """The start of this digest's window: a re-run of the same week reuses its window; else
    the end of the latest earlier digest; else one week before ``now``."""
    if saved is not None:
        start = _parse_ts(saved.get("period_start"))
        if start is not None:
            return start
    last = store.get_watermark(LAST_KEY)
    previous = store.get_digest(last) if last else None
    if previous is not None:
        end = _parse_ts(previous.get("period_end"))
        if end is not None:
            return end
    return now - timedelta(days=7)


def _reported_elsewhere(store: Any, saved: dict[str, Any] | None) -> set[str]:
    """PMIDs reported by digests other than this one (a same-week re-run keeps its own)."""
    mine = set(saved["pmids"]) if saved is not None else set()
    return set(store.reported_pmids()) - mine


def _retractions(
    store: Any, saved: dict[str, Any] | None, new: set[str]
) -> list[DigestItem]:
    """Earlier-reported records now retracted and not yet called out, plus (on a re-run of the
    same week) those this digest already calls out, so a retried delivery still has them."""
    pmids = dict.fromkeys(store.retracted_since_reported())
    for pmid in saved["pmids"] if saved is not None else ():
        if pmid not in new and pmid not in pmids:
            record = store.get(pmid)
            if record is not None and record.retracted:
                pmids[pmid] = None
    out = []
    for pmid in pmids:
        record = store.get(pmid)
        if record is not None:
            out.append(make_item(record, store.get_tags(pmid)))
    return out


def record_digest(store: Any, digest: Digest, paths: Iterable[Path] = ()) -> None:
    """Save the digest (key, window, pmids shown and called out) so the next one starts where
    this one ended. Idempotent for a key.

    :param paths: files from :func:`write_digest`; the generic edition's are recorded.
    """
    generic: dict[str, Any] = {p.suffix: p for p in paths if p.stem == digest.key}
    if not generic:  # keep the paths an earlier save recorded
        saved = store.get_digest(digest.key) or {}
        generic = {s: saved.get(f"{n}_path") for s, n in ((".html", "html"), (".txt", "txt"),
                                                          (".eml", "eml"))}
    store.save_digest(
        digest.key,
        period_start=_ts(digest.since),
        period_end=_ts(digest.until),
        pmids=list(dict.fromkeys([*digest.pmids, *(r.pmid for r in digest.retractions)])),
        html_path=generic.get(".html"),
        txt_path=generic.get(".txt"),
        eml_path=generic.get(".eml"),
    )
    last = store.get_watermark(LAST_KEY)
    if last != digest.key and (last is None or last < digest.key):  # ISO week keys sort
        if last is not None:
            store.set_watermark(PREVIOUS_KEY, last)
        store.set_watermark(LAST_KEY, digest.key)
