"""Orchestration: fetch, import, re-tag and the weekly job, over the stage modules.

Each function takes plain values (settings, an open :class:`~aggregator.store.Store`, the loaded
queries and vocabulary) and returns a :class:`RunResult`. They hold the store's write lock for
the whole run, commit one transaction per efetch batch (records, query hits and fetch progress
together; tags in the same transaction, or soon after in their own, see
:func:`fetch_and_store`), and record the run with its counts and outcome.

Example::

    with Store(settings.db_path) as store:
        result = fetch(settings, store, load_queries("queries"), load_vocabulary("queries"))
        print(result.counts)
"""

# Layout (the docstring above is kept as it was before the split): this module holds ``fetch``,
# ``fetch_and_store``, ``weekly`` and the run frame they share. The rest lives beside it:
# ``fetch_plan`` (the searches, watermarks and efetch order: ``_search_indications``,
# ``_search_changed``, ``_plan``, ``_advance_watermarks``...), ``run_common`` (``Progress``,
# ``NoProgress``, ``RunResult``, ``_fail_run``), ``local`` (``import_paths``, ``retag``: no
# PubMed) and ``digest_run`` (``run_digest``, ``delivery_error``, ``DigestOutcome``). Their names
# are re-exported here, so ``aggregator.pipeline`` stays the one import. Names that lived here but
# are not in __all__ (``DigestOutcome``, the watermark-key, date-field and import/re-tag
# constants) use ``from .x import X as X``, the explicit re-export form mypy --strict requires,
# which ruff's PLC0414 mistakes for a useless alias. Those constants are copies: ``fetch_plan``,
# ``import_paths`` and ``retag`` read them in their own modules, so a test or caller changing
# them must set them there.
# ruff: noqa: PLC0414

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .config import Settings
from .digest_run import DigestOutcome as DigestOutcome
from .digest_run import delivery_error, run_digest
from .errors import MailError
from .eutils import EutilsClient
from .fetch_plan import CRDT_KEY as CRDT_KEY
from .fetch_plan import DATE_CHANGED as DATE_CHANGED
from .fetch_plan import DATE_NEW as DATE_NEW
from .fetch_plan import MDAT_KEY as MDAT_KEY
from .fetch_plan import (
    _advance_watermarks,
    _plan,
    _recently_committed,
    _record_known_hits,
    _search_changed,
    _search_indications,
    _window_start,
)
from .local import FETCH_TAG_NICE, FetchTagger, import_paths, retag
from .local import IMPORT_CHUNK as IMPORT_CHUNK
from .local import PARALLEL_IMPORT_BYTES as PARALLEL_IMPORT_BYTES
from .local import RETAG_CHUNK as RETAG_CHUNK
from .local import RETAG_POOL_MIN_RECORDS as RETAG_POOL_MIN_RECORDS
from .queries import QuerySet
from .run_common import NoProgress, Progress, RunResult, _fail_run
from .store import Store
from .vocabulary import Vocabulary
from .workers import WorkerPool, default_workers, efetch_result, process_efetch

logger = logging.getLogger(__name__)

#: a fetch of at least this many efetch batches parses them in worker processes (and tags them
#: in a second, lower-priority pool); below it, starting the pools (~0.3 s) costs more than it
#: saves
FETCH_POOL_MIN_BATCHES = 3
#: the weekly job's watermark key (``CRDT_KEY`` and ``MDAT_KEY`` are in ``fetch_plan``)
WEEKLY_KEY = "crdt:topic"
#: the query name recorded for records found by the weekly topic query
TOPIC = "topic"
#: the refresh pass re-fetches stored records waiting for MeSH only when first seen this recently
WAITING_FOR_MESH_DAYS = 90


# -- helpers -----------------------------------------------------------------------------------


def _today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).date()


def fetch_and_store(
    client: EutilsClient,
    store: Store,
    vocab: Vocabulary,
    ids: Sequence[str],
    *,
    run_id: int,
    hits: dict[str, set[str]],
    progress: Progress,
    workers: int | None = None,
) -> dict[str, int]:
    """Efetch ``ids`` in batches and store each batch in one transaction, then tag them.

    Requests run one after another on a background thread, within the client's throttle.
    With at least :data:`FETCH_POOL_MIN_BATCHES` batches (and two cores), parsing and
    preparing each answer (JSON, hash, compressed raw: :func:`aggregator.workers.process_efetch`
    without a vocabulary) happen in worker processes, so that the network never waits for the
    CPU: the request thread keeps fetching while workers handle earlier answers, with at most
    ``workers + 2`` batches in flight. Tagging, the costliest part, happens in a second pool of
    workers at lower priority (:class:`aggregator.local.FetchTagger`): they tag stored batches
    with the CPU time the fetch leaves, never holding up a request, and what they have not
    tagged when the last batch is stored is tagged from the store after it. For fewer batches
    (or one core) each answer is parsed and tagged here, while the next batch is requested.
    Either way this process alone writes SQLite, batch by batch in request order: each batch's
    records, their query hits, the run's fetch progress and (when tagged here) their tags are
    committed together, so a run killed at any point resumes from the last committed batch;
    records it stored untagged are tagged at the end of the next fetch.

    :param hits: query name -> PMIDs it found, to record which query found each record.
    :param workers: worker processes (2+ forces the pool, 0 or 1 keeps the work here);
        default: :func:`aggregator.workers.default_workers` when the fetch is big enough.
    """
    counts = {"fetched": 0, "new": 0, "changed": 0, "unchanged": 0, "missing": 0, "deleted": 0}
    if not ids:
        return counts
    size = client.settings.batch_size
    batches = [list(ids[i : i + size]) for i in range(0, len(ids), size)]
    if workers is None:
        workers = default_workers() if len(batches) >= FETCH_POOL_MIN_BATCHES else 0
    progress.start("fetching records", len(ids))
    with ExitStack() as stack:
        pool = tagging = None
        if workers > 1:
            pool = stack.enter_context(WorkerPool(None, workers))
            tagging = stack.enter_context(WorkerPool(vocab, workers, nice=FETCH_TAG_NICE))
        tagger = FetchTagger(store, vocab, tagging, run_id)
        http = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="efetch"))
        window = workers + 2 if pool else 1  # batches requested and not yet committed

        def source(index: int) -> str:
            return f"efetch batch {index + 1}/{len(batches)}"

        def request(index: int) -> Any:
            xml = client.efetch(batches[index])
            return pool.efetch(xml, source(index)) if pool else xml

        pending: deque[Future[Any]] = deque(
            http.submit(request, i) for i in range(min(window, len(batches)))
        )
        try:
            for index, batch in enumerate(batches):
                answer = pending.popleft().result()
                if index + window < len(batches):
                    pending.append(http.submit(request, index + window))
                if pool:
                    rows, tags, deleted = efetch_result(answer, source(index))
                else:
                    rows, tags, deleted = process_efetch(answer, source(index), vocab)
                got = {row.pmid for row in rows}
                gone = set(deleted)
                missing = [p for p in batch if p not in got and p not in gone]
                if missing:
                    logger.warning(
                        "efetch returned no record for %d id(s) (e.g. %s): withdrawn from PubMed?",
                        len(missing),
                        ", ".join(missing[:5]),
                    )
                with store.transaction():
                    upserted = store.upsert(rows, run_id=run_id)
                    for name, found in hits.items():
                        mine = [p for p in got if p in found]
                        if mine:
                            store.record_hits(name, mine, run_id)
                    store.save_tags(tags, vocab.version)
                    if deleted:
                        counts["deleted"] += store.mark_deleted(deleted)
                    store.mark_fetched(run_id, batch)
                tagger.offer(rows)
                counts["fetched"] += len(rows)
                counts["missing"] += len(missing)
                counts["new"] += upserted.new
                counts["changed"] += upserted.changed
                counts["unchanged"] += upserted.unchanged
                progress.advance(len(batch))
        except BaseException:
            for future in pending:
                future.cancel()
            raise
        finally:
            progress.finish()
        tagger.finish(progress)
    return counts


# -- fetch -------------------------------------------------------------------------------------


def fetch(
    settings: Settings,
    store: Store,
    queries: QuerySet,
    vocab: Vocabulary,
    *,
    full: bool = False,
    since: date | None = None,
    client: EutilsClient | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> RunResult:
    """Query PubMed for every indication and store new and changed records.

    Incremental by default: each indication is searched on ``[crdt]`` from its stored watermark
    minus ``settings.overlap_days`` (records PubMed adds late are caught; PMIDs de-duplicate),
    and the topic query on ``[mdat]`` finds stored records that changed (new MeSH, publication
    types, retractions). A query never fetched before is searched in full. A record found by
    several queries is fetched once. A killed fetch's unfinished batches are fetched first.

    :param full: search every query over all dates and re-fetch every record found.
    :param since: search ``[crdt]`` from this date instead of the watermarks.
    :raises EutilsError: PubMed unreachable or refusing (exit code 3); stored data is kept.
    """
    progress = progress or NoProgress()
    today = _today(now)
    params = {"full": full, "since": since.isoformat() if since else None}
    with _fetching_run(settings, store, "fetch", params, client, today) as run:
        client, run_id, counts = run.client, run.result.run_id, run.result.counts
        hits = _search_indications(client, store, queries, settings, today,
                                   full=full, since=since)
        run.result.found = {name: len(ids) for name, ids in hits.items()}
        found, stored = _record_known_hits(store, hits, run_id)
        changed = set() if full else _search_changed(client, store, queries, settings,
                                                     today) - run.done
        to_fetch = _plan(run.carried, (found if full else (found - stored)) | changed)
        counts.update(found=len(found), already_stored=len(stored & found),
                      changed_upstream=len(changed), to_fetch=len(to_fetch))
        store.plan_fetch(run_id, to_fetch)
        counts.update(
            fetch_and_store(client, store, vocab, to_fetch, run_id=run_id, hits=hits,
                            progress=progress)
        )
        _advance_watermarks(store, [ind.name for ind in queries.indications], today)
    return run.result


@dataclass
class _FetchingRun:
    """What :func:`_fetching_run` hands to the body of a fetch or weekly run."""

    client: EutilsClient
    result: RunResult
    #: ids a killed run of the same kind left unfetched: fetched first
    carried: list[str] = field(default_factory=list)
    #: ids that killed run committed recently enough not to fetch again
    done: set[str] = field(default_factory=set)
    #: set by the body: the run ends ``ok`` with this error (the work is done, something
    #: after it, such as a digest delivery, failed and is retried next run)
    error: str | None = None


@contextmanager
def _fetching_run(
    settings: Settings, store: Store, kind: str, params: dict[str, Any],
    client: EutilsClient | None, today: date,
) -> Iterator[_FetchingRun]:
    """The frame of a run that fetches: the store's write lock, the run's record (``ok`` with
    its counts when the body returns, else ``offline``/``failed``/``interrupted`` with the
    error, re-raised), the pending ids of a killed run of the same ``kind`` taken over, and a
    client made (and closed) here unless one is given."""
    own_client = client is None
    client = client or EutilsClient(settings)
    try:
        with store.writer(kind):
            resumable = store.resumable_run(kind, statuses=("interrupted", "offline", "failed"))
            run_id = store.start_run(kind, params)
            run = _FetchingRun(client, RunResult(run_id, kind))
            counts = run.result.counts
            try:
                run.done = _recently_committed(store, resumable, settings, today)
                run.carried = store.resume_fetch(resumable, run_id) if resumable else []
                if run.carried:
                    logger.info("resuming %d id(s) left by interrupted run %s",
                                len(run.carried), resumable)
                yield run
                counts.setdefault("requests", client.stats.total_requests)
                store.finish_run(run_id, "ok", counts, error=run.error)
            except BaseException as exc:
                counts.setdefault("requests", client.stats.total_requests)
                _fail_run(store, run_id, exc, counts)
                run.result.status = "failed"
                raise
    finally:
        if own_client:
            client.close()


# -- the weekly job ----------------------------------------------------------------------------


def weekly(
    settings: Settings,
    store: Store,
    queries: QuerySet,
    vocab: Vocabulary,
    *,
    send: bool = True,
    client: EutilsClient | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
    smtp_factory: Any = None,
    ssl_context: Any = None,
) -> RunResult:
    """The scheduled job: new records, refresh of changed ones, tags, digest, delivery.

    New records: the topic query (every indication at once) on ``[crdt]`` from the last run's
    watermark minus ``settings.overlap_days``; the first run searches each indication in full
    instead. Changed records: the topic query on ``[mdat]`` (new MeSH, publication types,
    retractions, errata) plus recent stored records still waiting for MeSH, re-fetched and
    re-tagged. Every record is fetched once, one transaction per batch; a killed run's
    unfinished batches are fetched first by the next. Idempotent within a week: the second run
    stores nothing new and sends nothing (deliveries are recorded per subscriber).

    :param send: mail the digest when SMTP is configured (``SMTP_HOST`` and ``DIGEST_FROM``).
    :raises EutilsError: PubMed unreachable or refusing (exit 3); stored data is kept.
    :raises MailError: a delivery failed; it is retried next run. The records are refreshed
        all the same: the run is recorded ``ok``, with ``digest_failed`` in its counts and the
        failure as its error, so ``status`` and the report's freshness are not misled.
    """
    progress = progress or NoProgress()
    today = _today(now)
    undelivered: MailError | None = None
    with _fetching_run(settings, store, "weekly", {"send": send}, client, today) as run:
        client, run_id, counts = run.client, run.result.run_id, run.result.counts
        last_new = store.get_watermark(WEEKLY_KEY)
        if last_new is None:
            # first run: each indication from its own watermark (in full when never
            # fetched), as `fetch` would, so every record gets the queries that found it
            hits = _search_indications(client, store, queries, settings, today,
                                       full=False, since=None)
        else:  # one search for every indication at once: the weekly request budget
            start = _window_start(last_new, settings, False, None)
            hits = {TOPIC: set(client.search_ids(queries.topic_term, mindate=start,
                                                 maxdate=today, datetype=DATE_NEW))}
        found, stored = _record_known_hits(store, hits, run_id)
        new = found - stored
        changed = _search_changed(client, store, queries, settings, today) - new - run.done
        recent = set(store.pmids_first_seen_since(today - timedelta(days=WAITING_FOR_MESH_DAYS)))
        waiting = ({p for p in store.pmids_waiting_for_mesh() if p in recent}
                   - new - changed - run.done)
        to_fetch = _plan(run.carried, new | changed | waiting)
        counts.update(found=len(found), new_upstream=len(new), changed_upstream=len(changed),
                      waiting_for_mesh=len(waiting), to_fetch=len(to_fetch))
        store.plan_fetch(run_id, to_fetch)
        counts.update(fetch_and_store(client, store, vocab, to_fetch, run_id=run_id,
                                      hits=hits, progress=progress))
        counts["retagged"] = retag(store, vocab)  # records made stale by a vocabulary change
        if last_new is None:
            _advance_watermarks(store, [ind.name for ind in queries.indications], today)
        store.set_watermark(WEEKLY_KEY, today.isoformat())
        store.set_watermark(MDAT_KEY, today.isoformat())
        counts["requests"] = client.stats.total_requests  # the digest makes no request
        can_send = send and bool(settings.smtp_host and settings.digest_from)
        if send and not can_send:
            logger.warning("SMTP_HOST or DIGEST_FROM not set: the digest is written, not sent")
        outcome = run_digest(settings, store, send=can_send, now=now,
                             smtp_factory=smtp_factory, ssl_context=ssl_context,
                             raise_failed=False)
        run.result.digest = outcome
        counts["digest"] = outcome.digest.key
        counts["digest_items"] = len(outcome.digest.items)
        if outcome.delivery is not None:
            counts["digest_sent"] = len(outcome.delivery.sent)
            counts["digest_failed"] = len(outcome.delivery.failed)
        undelivered = delivery_error(outcome)
        run.error = str(undelivered) if undelivered is not None else None
    if undelivered is not None:
        raise undelivered
    return run.result

__all__ = [
    "NoProgress",
    "Progress",
    "RunResult",
    "delivery_error",
    "fetch",
    "fetch_and_store",
    "import_paths",
    "retag",
    "run_digest",
    "weekly",
]

