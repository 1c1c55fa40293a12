"""Orchestration, fetch planning: what a fetch or weekly run searches for and fetches.

Stage: orchestration (with :mod:`aggregator.pipeline`, whose ``fetch`` and ``weekly`` call
these). The helpers search PubMed through the :class:`~aggregator.eutils.EutilsClient` they are
given and read or write the store's watermarks and query hits; they hold no lock and commit
nothing themselves (the run's frame in :mod:`aggregator.pipeline` does). The indications are
searched on ``[crdt]`` (:data:`DATE_NEW`) from their watermark minus ``settings.overlap_days``
(:func:`_window_start`), the topic query on ``[mdat]`` (:data:`DATE_CHANGED`) for stored
records that changed; :func:`_plan` orders what to efetch, a killed run's unfinished ids
first, and :func:`_advance_watermarks` moves the marks after a successful run. The public
constants are re-exported by :mod:`aggregator.pipeline`.

Example::

    hits = _search_indications(client, store, queries, settings, today, full=False, since=None)
    found, stored = _record_known_hits(store, hits, run_id)
    changed = _search_changed(client, store, queries, settings, today)
    to_fetch = _plan(carried, (found - stored) | changed)
    ...                                         # fetch_and_store(..., to_fetch, ...)
    _advance_watermarks(store, [ind.name for ind in queries.indications], today)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from .config import Settings
from .eutils import EutilsClient
from .queries import QuerySet
from .store import Store

__all__ = ["CRDT_KEY", "DATE_CHANGED", "DATE_NEW", "MDAT_KEY"]

logger = logging.getLogger(__name__)

#: watermark keys
CRDT_KEY = "crdt:{name}"
MDAT_KEY = "mdat:topic"
#: PubMed's date fields: crdt (create date) finds new records, mdat (modification) changed ones
DATE_NEW = "crdt"
DATE_CHANGED = "mdat"


def _search_indications(
    client: EutilsClient, store: Store, queries: QuerySet, settings: Settings, today: date,
    *, full: bool, since: date | None,
) -> dict[str, set[str]]:
    """Each indication query on ``[crdt]`` from its watermark (see :func:`_window_start`):
    query name -> PMIDs found."""
    hits: dict[str, set[str]] = {}
    for ind in queries.indications:
        mark = store.get_watermark(CRDT_KEY.format(name=ind.name))
        mindate = _window_start(mark, settings, full, since)
        ids = client.search_ids(ind.query, mindate=mindate, maxdate=today if mindate else None,
                                datetype=DATE_NEW)
        hits[ind.name] = set(ids)
        logger.info("query %s: %d record(s)", ind.name, len(ids))
    return hits


def _record_known_hits(
    store: Store, hits: dict[str, set[str]], run_id: int
) -> tuple[set[str], set[str]]:
    """Record which query found the records already stored (new ones are recorded with their
    batch); returns (every PMID found, those already stored)."""
    found: set[str] = set().union(*hits.values()) if hits else set()
    stored = store.existing(found)
    for name, ids in hits.items():
        known = ids & stored
        if known:
            store.record_hits(name, known, run_id)
    return found, stored


def _search_changed(
    client: EutilsClient, store: Store, queries: QuerySet, settings: Settings, today: date
) -> set[str]:
    """Stored records the topic query finds on ``[mdat]`` since the last run (minus the
    overlap): new MeSH, publication types, retractions, errata. Empty before any run."""
    last = store.get_watermark(MDAT_KEY)
    if not last:
        return set()
    start = _window_start(last, settings, False, None)
    return store.existing(client.search_ids(queries.topic_term, mindate=start, maxdate=today,
                                            datetype=DATE_CHANGED))


def _advance_watermarks(store: Store, names: Sequence[str], today: date) -> None:
    """After a successful run: the indications' ``[crdt]`` and the topic's ``[mdat]`` marks."""
    for name in names:
        store.set_watermark(CRDT_KEY.format(name=name), today.isoformat())
    store.set_watermark(MDAT_KEY, today.isoformat())


def _plan(carried: Sequence[str], rest: Iterable[str]) -> list[str]:
    """The efetch order: a killed run's unfinished ids first, then the rest by PMID."""
    first = list(dict.fromkeys(carried))
    seen = set(first)
    return first + sorted((p for p in set(rest) if p not in seen), key=int)


def _recently_committed(
    store: Store, run_id: int | None, settings: Settings, today: date
) -> set[str]:
    """Ids a killed run committed, when it started recently enough that the next run's
    ``[mdat]`` window (overlapping by ``settings.overlap_days``) still covers any change made
    since: fetching them again now would only repeat that run's committed batches."""
    if run_id is None:
        return set()
    started = str((store.get_run(run_id) or {}).get("started_at") or "")[:10]
    try:
        day = date.fromisoformat(started)
    except ValueError:
        return set()
    if day < today - timedelta(days=settings.overlap_days):
        return set()
    return store.committed_fetch(run_id)


def _window_start(
    watermark: str | None, settings: Settings, full: bool, since: date | None
) -> date | None:
    """First ``[crdt]``/``[mdat]`` day to search: None means all dates."""
    if since is not None:
        return since
    if full or not watermark:
        return None
    try:
        mark = date.fromisoformat(watermark[:10])
    except ValueError:
        logger.warning("ignoring unreadable watermark %r: searching all dates", watermark)
        return None
    return mark - timedelta(days=settings.overlap_days)
