"""Orchestration: fetch, import, re-tag and the weekly job, over the stage modules.

Each function takes plain values (settings, an open :class:`~aggregator.store.Store`, the loaded
queries and vocabulary) and returns a :class:`RunResult`. They hold the store's write lock for
the whole run, commit one transaction per efetch batch (records, query hits, tags and fetch
progress together), and record the run with its counts and outcome.

Example::

    with Store(settings.db_path) as store:
        result = fetch(settings, store, load_queries("queries"), load_vocabulary("queries"))
        print(result.counts)
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol

from . import parse
from .config import Settings
from .errors import AggregatorError, EutilsError, InputError, MailError
from .eutils import EutilsClient
from .models import Deletion
from .queries import QuerySet
from .store import PreparedRecord, Store, UpsertCounts, prepare
from .vocabulary import Vocabulary
from .workers import (
    WorkerPool,
    default_workers,
    efetch_result,
    process_efetch,
    tag_result,
    tag_rows,
)

logger = logging.getLogger(__name__)

#: how many records are parsed and upserted together during an import
IMPORT_CHUNK = 1000
#: files whose content is at least this big (gzip counted 4x) are parsed in worker processes
#: by default: below it, starting the pool (~0.2 s) costs more than it saves
PARALLEL_IMPORT_BYTES = 32 << 20
#: a fetch of at least this many efetch batches parses and tags them in worker processes; below
#: it, starting the pool (~0.3 s) costs more than it saves
FETCH_POOL_MIN_BATCHES = 3
#: a re-tag of at least this many stale records tags them in worker processes
RETAG_POOL_MIN_RECORDS = 3000
#: records per re-tag task sent to a worker (and per save_tags transaction)
RETAG_CHUNK = 500
#: watermark keys
CRDT_KEY = "crdt:{name}"
MDAT_KEY = "mdat:topic"
WEEKLY_KEY = "crdt:topic"
#: the query name recorded for records found by the weekly topic query
TOPIC = "topic"
#: the refresh pass re-fetches stored records waiting for MeSH only when first seen this recently
WAITING_FOR_MESH_DAYS = 90
#: PubMed's date fields: crdt (create date) finds new records, mdat (modification) changed ones
DATE_NEW = "crdt"
DATE_CHANGED = "mdat"


class Progress(Protocol):
    """What the pipeline reports progress to (the CLI draws a bar on stderr)."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, n: int) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """A :class:`Progress` that shows nothing."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass
class RunResult:
    """The outcome of one run: its id, status and counts (what ``status`` shows later)."""

    run_id: int
    kind: str
    status: str = "ok"
    counts: dict[str, Any] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    digest: Any = None


# -- helpers -----------------------------------------------------------------------------------


def _today(now: datetime | None) -> date:
    return (now or datetime.now(timezone.utc)).date()


def _fail_run(store: Store, run_id: int, exc: BaseException, counts: dict[str, Any]) -> None:
    # every E-utilities failure (unreachable, refusing after retries) means "not refreshed"
    status = "offline" if isinstance(exc, EutilsError) else "failed"
    if isinstance(exc, KeyboardInterrupt):
        status = "interrupted"
    message = str(exc) if isinstance(exc, AggregatorError) else f"{type(exc).__name__}: {exc}"
    try:
        store.finish_run(run_id, status, counts, error=message)
    except AggregatorError:  # the original error matters more than the bookkeeping
        logger.exception("could not record the end of run %s", run_id)


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
    """Efetch ``ids`` in batches and store each batch in one transaction.

    Requests run one after another on a background thread, within the client's throttle.
    Parsing, preparing (JSON, hash, compressed raw) and tagging each answer
    (:func:`aggregator.workers.process_efetch`) happen in worker processes when there are at
    least :data:`FETCH_POOL_MIN_BATCHES` batches, so that the network never waits for the CPU:
    the request thread keeps fetching while workers handle earlier answers, with at most
    ``workers + 2`` batches in flight. For fewer batches (or one core) they happen here, while
    the next batch is requested. Either way this process alone writes SQLite, batch by batch
    in request order: each batch's records, their query hits, tags and the run's fetch
    progress are committed together, so a run killed at any point resumes from the last
    committed batch.

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
        pool = stack.enter_context(WorkerPool(vocab, workers)) if workers > 1 else None
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


# -- import ------------------------------------------------------------------------------------


def import_paths(
    settings: Settings,
    store: Store,
    paths: Sequence[str | Path],
    vocab: Vocabulary | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Load PubMed XML (plain or gzipped) or MEDLINE/nbib files into the store.

    All files are read in one transaction: a malformed, truncated or unknown file stops the
    import with :class:`~aggregator.errors.InputError` (exit 2) and the store is unchanged.
    Records are tagged afterwards with ``vocab`` when given.

    Big files are parsed in worker processes (``workers``; default:
    :func:`aggregator.workers.default_workers` for files over :data:`PARALLEL_IMPORT_BYTES`):
    each worker parses, serialises, hashes and compresses its records (:func:`aggregator.store.prepare`),
    so this process only cuts the byte stream and writes SQLite.

    :raises InputError: a path is missing, a directory, of unknown type, or malformed.
    """
    progress = progress or NoProgress()
    files = [Path(p) for p in paths]
    for path in files:  # fail before touching anything
        if not path.exists():
            raise InputError("no such file", path=path)
        if path.is_dir():
            raise InputError("is a directory, expected a PubMed XML or MEDLINE file", path=path)
    totals = UpsertCounts()
    deleted = 0
    with store.writer("import"):
        run_id = store.start_run("import", {"paths": [str(p) for p in files]})
        result = RunResult(run_id, "import")
        try:
            with store.transaction():
                for path in files:
                    progress.start(f"importing {path.name}", 0)  # records: total unknown
                    items = parse.iter_file(path, workers=_import_workers(path, workers),
                                            rows=prepare)
                    for chunk in _chunked(items, IMPORT_CHUNK):
                        records = [p for p in chunk if isinstance(p, PreparedRecord)]
                        gone = [pm for d in chunk if isinstance(d, Deletion) for pm in d.pmids]
                        totals = totals.merge(store.upsert(records, run_id=run_id))
                        if gone:
                            deleted += store.mark_deleted(gone)
                        progress.advance(len(chunk))
                    progress.finish()
            result.counts = {"new": totals.new, "changed": totals.changed,
                             "unchanged": totals.unchanged, "deleted": deleted,
                             "files": len(files)}
            if vocab is not None:
                result.counts["tagged"] = retag(store, vocab)
            store.finish_run(run_id, "ok", result.counts)
        except BaseException as exc:
            _fail_run(store, run_id, exc, result.counts)
            result.status = "failed"
            raise
    return result


def _import_workers(path: Path, workers: int | None) -> int | None:
    """Parser processes for ``path``: ``workers`` if given, else by file size and cores."""
    if workers is not None:
        return workers
    available = default_workers()
    if not available:
        return None
    with path.open("rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    size = path.stat().st_size * (4 if gzipped else 1)
    return available if size >= PARALLEL_IMPORT_BYTES else None


def _chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- re-tagging --------------------------------------------------------------------------------


def retag(
    store: Store,
    vocab: Vocabulary,
    *,
    everything: bool = False,
    reparse: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Tag stored records whose tags are missing or were made with another vocabulary.

    Works from each record's stored JSON (what the parser made of its stored XML), no PubMed;
    with ``reparse``, from its stored original XML (or MEDLINE text) re-parsed instead, for
    when the parser itself changed. From :data:`RETAG_POOL_MIN_RECORDS` records on, tagging
    runs in worker processes (:class:`aggregator.workers.WorkerPool`, chunks of
    :data:`RETAG_CHUNK`, a few in flight) while this process reads the store and saves the
    tags; each chunk's tags are one transaction.

    :param everything: re-tag every record, not only stale ones.
    :param reparse: re-parse the original text instead of reading the stored JSON.
    :param workers: worker processes (2+ forces the pool, 0 or 1 tags here); default:
        :func:`aggregator.workers.default_workers` for big enough re-tags.
    :returns: how many records were tagged.
    """
    progress = progress or NoProgress()
    stale = None if everything else vocab.version
    done = 0
    progress.start("tagging records", 0)
    with store.writer("retag"):
        items: Iterator[tuple[str, Any]]
        if reparse:
            items = ((pmid, (fmt, raw_z))
                     for pmid, fmt, raw_z in store.iter_raw(stale_for_version=stale))
        else:
            items = store.iter_record_json(stale_for_version=stale)
        if workers is None:
            head = list(islice(items, RETAG_POOL_MIN_RECORDS))
            workers = default_workers() if len(head) >= RETAG_POOL_MIN_RECORDS else 0
            items = chain(head, items)
        chunks = _chunked(items, RETAG_CHUNK)
        if workers < 2:
            for chunk in chunks:
                done += store.save_tags(tag_rows(chunk, vocab), vocab.version)
                progress.advance(len(chunk))
            progress.finish()
            return done
        with WorkerPool(vocab, workers) as pool:
            pending: deque[tuple[Future[Any], int]] = deque()
            for chunk in chunks:
                pending.append((pool.tag(chunk), len(chunk)))
                if len(pending) >= 2 * workers:
                    done += _save_tagged(store, vocab, pending.popleft(), progress)
            while pending:
                done += _save_tagged(store, vocab, pending.popleft(), progress)
    progress.finish()
    return done


def _save_tagged(store: Store, vocab: Vocabulary, task: tuple[Future[Any], int],
                 progress: Progress) -> int:
    future, n = task
    saved = store.save_tags(tag_result(future), vocab.version)
    progress.advance(n)
    return saved


# -- digest and the weekly job -------------------------------------------------------------------


@dataclass
class DigestOutcome:
    """A digest written (and maybe sent): the digest, its files and the delivery report."""

    digest: Any
    files: list[Path]
    delivery: Any = None

    @property
    def summary(self) -> str:
        d = self.digest
        if d.skipped:
            return f"digest {d.key}: nothing new; nothing written (empty = skip)"
        text = (f"digest {d.key}: {len(d.items)} new record(s), {len(d.retractions)} "
                f"retraction(s); wrote {len(self.files)} file(s) under "
                f"{self.files[0].parent if self.files else '-'}")
        if self.delivery is not None:
            r = self.delivery
            text += (f"; sent {len(r.sent)}, already sent {len(r.already_sent)}, "
                     f"failed {len(r.failed)}")
        return text


def run_digest(
    settings: Settings,
    store: Store,
    *,
    since: date | datetime | None = None,
    send: bool = False,
    now: datetime | None = None,
    smtp_factory: Any = None,
    ssl_context: Any = None,
    raise_failed: bool = True,
) -> DigestOutcome:
    """Build this week's digest, write it under ``reports/digests/`` and, with ``send``, mail
    each subscriber their edition (never twice; failed deliveries are retried next time).

    :param raise_failed: raise :class:`MailError` when a delivery failed; False: the failures
        are only in ``outcome.delivery.failed`` (see :func:`delivery_error`).
    :raises MailError: a delivery failed (after recording it for retry), or SMTP is not set up.
    """
    from .digest import build_digest, record_digest, write_digest

    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime(since.year, since.month, since.day, tzinfo=timezone.utc)
    digest = build_digest(store, settings, since=since, now=now)
    files = write_digest(digest, settings.reports_dir)
    if files:
        record_digest(store, digest, files)
    outcome = DigestOutcome(digest, files)
    if send:  # even for a skipped (empty) week: last week's failed deliveries are retried
        from .mail import deliver_digest

        extra: dict[str, Any] = {}
        if smtp_factory is not None:
            extra["smtp_factory"] = smtp_factory
        if ssl_context is not None:
            extra["ssl_context"] = ssl_context
        outcome.delivery = deliver_digest(store, settings, digest, **extra)
        failure = delivery_error(outcome)
        if failure is not None and raise_failed:
            raise failure
    return outcome


def delivery_error(outcome: DigestOutcome) -> MailError | None:
    """The error that says which deliveries of ``outcome`` failed, or None when none did."""
    failed = outcome.delivery.failed if outcome.delivery is not None else {}
    if not failed:
        return None
    first = next(iter(failed.items()))
    return MailError(
        f"digest {outcome.digest.key}: delivery failed for {len(failed)} subscriber(s) "
        f"(first: {first[0]}: {first[1]}); they are retried on the next run"
    )


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
    "fetch",
    "fetch_and_store",
    "import_paths",
    "retag",
    "delivery_error",
    "run_digest",
    "weekly",
]

