"""Runs that need no PubMed: import files into the store, and re-tag stored records.

Stage: orchestration over parse -> store -> tag. :func:`import_paths` loads PubMed XML (plain
or gzipped) or MEDLINE files in one transaction; :func:`retag` tags stored records whose tags
are missing or stale, from their stored JSON or (``reparse``) their stored original text. Both
hold the store's write lock, use worker processes for big jobs and return or count what they
did. They are re-exported by :mod:`aggregator.pipeline`, whose weekly job also calls
:func:`retag` after fetching.

Example::

    with Store(settings.db_path) as store:
        result = import_paths(settings, store, ["pubmed24n0001.xml.gz"], vocab)
        print(result.counts)                    # new, changed, unchanged, deleted, tagged
        retag(store, vocab, everything=True)    # after a vocabulary change
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from itertools import chain, islice
from pathlib import Path
from typing import Any

from . import parse
from .config import Settings
from .errors import InputError
from .models import Deletion
from .run_common import NoProgress, Progress, RunResult, _fail_run
from .store import PreparedRecord, Store, UpsertCounts, prepare, prepare_sourced
from .vocabulary import Vocabulary
from .workers import WorkerPool, default_workers, tag_result, tag_rows

#: how many records are parsed and upserted together during an import
IMPORT_CHUNK = 1000
#: files whose content is at least this big (gzip counted 4x) are parsed in worker processes
#: by default: below it, starting the pool (~0.2 s) costs more than it saves
PARALLEL_IMPORT_BYTES = 32 << 20
#: a re-tag of at least this many stale records tags them in worker processes
RETAG_POOL_MIN_RECORDS = 3000
#: records per re-tag task sent to a worker (and per save_tags transaction)
RETAG_CHUNK = 500
#: records per tag task a fetch sends while it fetches: small, so that the records of a batch
#: spread over the workers
FETCH_TAG_CHUNK = 250
#: niceness added to the workers that tag during a fetch: the kernel then gives the CPU to
#: parsing, storing and the network first (nice 10 weighs ~1/10 of nice 0 in Linux's scheduler)
FETCH_TAG_NICE = 10


# -- import ------------------------------------------------------------------------------------


def check_import_paths(paths: Sequence[str | Path]) -> list[Path]:
    """``paths`` as Paths, each an existing file (what :func:`import_paths` checks first).

    :raises InputError: a path is missing or a directory.
    """
    files = [Path(p) for p in paths]
    for path in files:
        if not path.exists():
            raise InputError("no such file", path=path)
        if path.is_dir():
            raise InputError("is a directory, expected a PubMed XML or MEDLINE file", path=path)
    return files


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

    A gzipped PubMed XML file is stored whole, once (``sources``), and each record points
    into it, instead of each record's XML being compressed on its own (see
    :mod:`aggregator.store.sources`).

    Big files are parsed in worker processes (``workers``; default:
    :func:`aggregator.workers.default_workers` for files over :data:`PARALLEL_IMPORT_BYTES`):
    each worker parses, serialises, hashes and (unless the file is kept whole) compresses its
    records (:func:`aggregator.store.prepare`), so this process only cuts the byte stream and
    writes SQLite.

    :raises InputError: a path is missing, a directory, of unknown type, or malformed.
    """
    progress = progress or NoProgress()
    files = check_import_paths(paths)  # fail before touching anything
    totals = UpsertCounts()
    deleted = 0
    with store.writer("import"):
        run_id = store.start_run("import", {"paths": [str(p) for p in files]})
        result = RunResult(run_id, "import")
        try:
            with store.transaction():
                for path in files:
                    progress.start(f"importing {path.name}", 0)  # records: total unknown
                    for chunk in _import_chunks(store, path, _import_workers(path, workers)):
                        records = [p for p in chunk if isinstance(p, PreparedRecord)]
                        gone = [pm for d in chunk if isinstance(d, Deletion) for pm in d.pmids]
                        totals = totals.merge(store.upsert(records, run_id=run_id))
                        if gone:
                            deleted += store.mark_deleted(gone)
                        progress.advance(len(chunk))
                    progress.finish()
                store.drop_unused_sources()  # a file imported again: its records were unchanged
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


def _import_chunks(store: Store, path: Path, workers: int | None) -> Iterator[list[Any]]:
    """The items of one file, :data:`IMPORT_CHUNK` at a time: rows for :meth:`Store.upsert`
    and Deletions. A gzipped PubMed XML file (:func:`aggregator.parse.file_keeps_offsets`) is
    stored whole, once, and its rows point into it (nothing compressed per record: the file
    already is); any other file's rows carry their record's text compressed."""
    if not (parse.file_keeps_offsets(path) and store.source_fits(path)):
        yield from _chunked(parse.iter_file(path, workers=workers, rows=prepare), IMPORT_CHUNK)
        return
    source = store.add_source(path)
    items = parse.iter_file(path, workers=workers, rows=prepare_sourced, spans=True)
    for chunk in _chunked(items, IMPORT_CHUNK):
        yield [item._replace(raw_source=source, raw_offset=offset)
               if isinstance(item, PreparedRecord) else item for item, offset in chunk]


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
            done = _tag_chunks(store, vocab, None, chunks, progress)
        else:
            with WorkerPool(vocab, workers) as pool:
                done = _tag_chunks(store, vocab, pool, chunks, progress)
    progress.finish()
    return done


def _tag_chunks(store: Store, vocab: Vocabulary, pool: WorkerPool | None,
                chunks: Iterable[list[tuple[str, Any]]], progress: Progress) -> int:
    """Tag ``chunks`` of stored records, here or in ``pool`` (a few in flight), and save each
    chunk's tags in its own transaction; returns how many were saved."""
    done = 0
    if pool is None:
        for chunk in chunks:
            done += store.save_tags(tag_rows(chunk, vocab), vocab.version)
            progress.advance(len(chunk))
        return done
    pending: deque[tuple[Future[Any], int]] = deque()
    for chunk in chunks:
        pending.append((pool.tag(chunk), len(chunk)))
        if len(pending) >= 2 * pool.workers:
            done += _save_tagged(store, vocab, pending.popleft(), progress)
    while pending:
        done += _save_tagged(store, vocab, pending.popleft(), progress)
    return done


def _save_tagged(store: Store, vocab: Vocabulary, task: tuple[Future[Any], int],
                 progress: Progress) -> int:
    future, n = task
    saved = store.save_tags(tag_result(future), vocab.version)
    progress.advance(n)
    return saved


class FetchTagger:
    """Tags what a fetch stores, in worker processes of lower priority, while it fetches.

    :meth:`offer` sends a stored batch's records to ``pool`` (whose workers should run niced,
    :data:`FETCH_TAG_NICE`) when fewer than ``2 * pool.workers`` tasks wait, and saves the tags
    of tasks already done; records offered while the workers are behind are not kept in memory
    but left in the store. :meth:`finish` waits for the tasks sent, then tags from the store
    what the run fetched and is not tagged with ``vocab`` yet (:meth:`Store.iter_record_json`
    with ``fetched_by_run``), and records never tagged. So the network never waits for tagging,
    memory stays bounded however far tagging falls behind, and a run killed before its tags
    were saved leaves untagged records that the next fetch tags. Without a pool (a fetch that
    tags each batch as it stores it), :meth:`offer` does nothing and :meth:`finish` tags, here,
    what a killed run left untagged.
    """

    def __init__(self, store: Store, vocab: Vocabulary, pool: WorkerPool | None,
                 run_id: int) -> None:
        self.store, self.vocab, self.pool, self.run_id = store, vocab, pool, run_id
        self.tagged = 0
        self._pending: list[Future[Any]] = []

    def offer(self, rows: Sequence[PreparedRecord]) -> None:
        """Send ``rows`` (just committed) to be tagged if the workers keep up; save done tags."""
        if self.pool is None:
            return
        self._save(wait=False)
        for chunk in _chunked(((row.pmid, row.data) for row in rows), FETCH_TAG_CHUNK):
            if len(self._pending) >= 2 * self.pool.workers:
                break
            self._pending.append(self.pool.tag(chunk))

    def finish(self, progress: Progress) -> int:
        """Tag the rest; returns how many records this tagger saved tags for in all."""
        self._save(wait=True)
        items = self.store.iter_record_json(stale_for_version=self.vocab.version,
                                            fetched_by_run=self.run_id)
        progress.start("tagging records", 0)
        self.tagged += _tag_chunks(self.store, self.vocab, self.pool,
                                   _chunked(items, RETAG_CHUNK), progress)
        progress.finish()
        return self.tagged

    def _save(self, *, wait: bool) -> None:
        still: list[Future[Any]] = []
        for future in self._pending:
            if wait or future.done():
                self.tagged += self.store.save_tags(tag_result(future), self.vocab.version)
            else:
                still.append(future)
        self._pending = still


__all__ = ["FetchTagger", "import_paths", "retag"]
