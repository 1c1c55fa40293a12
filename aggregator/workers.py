"""CPU work of fetch and re-tag, run in this process or in a pool of worker processes.

Two jobs, each a pure function of its input and the vocabulary:

- :func:`process_efetch`: one efetch answer (XML bytes) -> its rows for
  :meth:`~aggregator.store.Store.upsert` (:func:`~aggregator.store.prepare`: JSON, hash,
  compressed raw), the tags of each record as JSON (:func:`~aggregator.store.tags_json`; none
  without a vocabulary) and the PMIDs of its ``DeleteCitation`` elements;
- :func:`tag_rows`: stored records (``(pmid, record JSON)``, or ``(pmid, (format, raw_z))`` to
  re-parse) -> ``(pmid, tags JSON)``.

:class:`WorkerPool` runs them in ``forkserver`` processes (never ``fork``: a forked worker would
inherit the store's ``flock`` fd and, outliving a killed parent, keep the write lock held). The
vocabulary is sent once per worker (pickled, at start); tasks and results are plain strings,
bytes and tuples, so that little crosses the process boundary. Only the calling process writes
SQLite. A pool can run at a lower CPU priority (``nice``): a fetch tags in such a pool, so that
tagging takes only the CPU time that parsing, storing and the network leave.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, NamedTuple, Self

from . import parse
from .errors import ParseError
from .models import Deletion, Record, decompress_raw
from .store import PreparedRecord, prepare, tags_json
from .store.values import load_record_data
from .tag import TAG_FIELDS, tag_record
from .vocabulary import Vocabulary

#: the most worker processes a fetch or re-tag starts by default
MAX_WORKERS = 4

_VOCAB: Vocabulary | None = None  # a worker's vocabulary, set by _init


class EfetchResult(NamedTuple):
    """What :func:`process_efetch` makes of one efetch answer."""

    rows: list[PreparedRecord]
    tags: list[tuple[str, str]]  # (pmid, tags JSON), in the order of rows
    deleted: list[str]


def _row_and_record(record: Record, raw: bytes, format: str) -> tuple[PreparedRecord, Record]:
    return prepare(record, raw, format), record


#: records parsed (or decoded), then tagged, in runs of this many: one stage at a time keeps
#: its code and data in the CPU's caches (process_efetch 331 instead of 375 us per record, on
#: 3,000 FakeEutils records; tag_rows ~2% faster); the run bounds the records held at once
_RUN = 128


def _tag_run(run: list[tuple[str, Record]], vocab: Vocabulary) -> list[tuple[str, str]]:
    """``(pmid, tags JSON)`` of a run of parsed records; empties ``run``."""
    out = [(pmid, tags_json(tag_record(record, vocab))) for pmid, record in run]
    run.clear()
    return out


def process_efetch(xml: bytes, source: str, vocab: Vocabulary | None) -> EfetchResult:
    """Parse, prepare and tag one efetch answer (parsed and tagged in runs of :data:`_RUN`
    records); without a vocabulary, parse and prepare only (``tags`` empty).

    :raises ParseError: malformed or truncated XML.
    """
    rows: list[PreparedRecord] = []
    tags: list[tuple[str, str]] = []
    deleted: list[str] = []
    items: Iterator[Any] = parse.iter_xml(io.BytesIO(xml), source=source, rows=_row_and_record)
    run: list[tuple[str, Record]] = []
    for item in items:
        if isinstance(item, Deletion):
            deleted.extend(item.pmids)
            continue
        row, record = item
        rows.append(row)
        if vocab is None:
            continue
        run.append((row.pmid, record))
        if len(run) == _RUN:
            tags.extend(_tag_run(run, vocab))
    if vocab is not None:
        tags.extend(_tag_run(run, vocab))
    return EfetchResult(rows, tags, deleted)


def tag_rows(items: Sequence[tuple[str, Any]], vocab: Vocabulary) -> list[tuple[str, str]]:
    """``(pmid, tags JSON)`` of stored records given as ``(pmid, data)`` (the stored
    ``records.data``: compressed JSON, or JSON text) or ``(pmid, (format, raw_z))`` (their
    original text, re-parsed)."""
    out: list[tuple[str, str]] = []
    run: list[tuple[str, Record]] = []
    for pmid, payload in items:  # decoded, then tagged, a run at a time
        if isinstance(payload, (str, bytes)):
            record = Record.from_dict(load_record_data(payload), only=TAG_FIELDS)
        else:
            fmt, raw_z = payload
            record = parse.parse_record_bytes(decompress_raw(raw_z), fmt)
        run.append((pmid, record))
        if len(run) == _RUN:
            out.extend(_tag_run(run, vocab))
    out.extend(_tag_run(run, vocab))
    return out


# -- in a worker process ------------------------------------------------------------------------


def _init(vocab: bytes, parent: int, nice: int) -> None:
    global _VOCAB
    # Ctrl-C reaches the whole process group: the parent handles it and stops the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parse.watch_parent(parent)  # and after a kill -9 of the parent, exit instead of waiting forever
    if nice:
        try:
            os.nice(nice)  # lowering one's own priority needs no privilege
        except OSError:  # pragma: no cover - a platform without it: run at normal priority
            pass
    _VOCAB = pickle.loads(vocab)


def _ready() -> int:
    return os.getpid()


def _efetch_task(xml: bytes, source: str) -> tuple[EfetchResult | None, dict[str, Any] | None]:
    # a ParseError comes back as data: exceptions with keyword-only fields do not unpickle
    try:
        return process_efetch(xml, source, _VOCAB), None
    except ParseError as exc:
        return None, {"message": exc.message, "line": exc.line, "pmid": exc.pmid}


def _tag_task(items: list[tuple[str, Any]]) -> tuple[list[tuple[str, str]] | None,
                                                    dict[str, Any] | None]:
    try:
        assert _VOCAB is not None
        return tag_rows(items, _VOCAB), None
    except ParseError as exc:
        return None, {"message": exc.message, "line": exc.line, "pmid": exc.pmid}


def _raise(error: dict[str, Any], source: str) -> None:
    raise ParseError(error["message"], path=source, line=error["line"], pmid=error["pmid"])


# -- in the calling process ---------------------------------------------------------------------


def default_workers() -> int:
    """Worker processes to start: one per core, up to :data:`MAX_WORKERS`; 0 on one core."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    return 0 if cpus < 2 else min(cpus, MAX_WORKERS)


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # only takes effect when the (per-process) fork server is first started
        ctx.set_forkserver_preload(["aggregator.parse", __name__])
        return ctx
    return multiprocessing.get_context("spawn")


class WorkerPool:
    """``workers`` processes holding ``vocab``; :meth:`efetch` and :meth:`tag` submit work.

    Without a vocabulary, :meth:`efetch` parses only and :meth:`tag` cannot be used. ``nice``
    is added to the workers' niceness (``os.nice``): 0 runs them at this process's priority.
    Use as a context manager: leaving it stops the workers (pending tasks are cancelled).
    """

    def __init__(self, vocab: Vocabulary | None, workers: int, *, nice: int = 0) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            workers, mp_context=_context(), initializer=_init,
            initargs=(pickle.dumps(vocab, protocol=pickle.HIGHEST_PROTOCOL), os.getpid(), nice),
        )
        # start every worker now (the executor starts them lazily, one per busy submit), so
        # that they load the vocabulary while the first answer is on its way
        for _ in range(workers):
            self._pool.submit(_ready)

    def efetch(self, xml: bytes, source: str) -> Future[tuple[Any, Any]]:
        """Submit :func:`process_efetch`; read the future with :func:`efetch_result`."""
        return self._pool.submit(_efetch_task, xml, source)

    def tag(self, items: list[tuple[str, Any]]) -> Future[tuple[Any, Any]]:
        """Submit :func:`tag_rows`; read the future with :func:`tag_result`."""
        return self._pool.submit(_tag_task, items)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def efetch_result(future: Future[tuple[Any, Any]], source: str) -> EfetchResult:
    """The result of :meth:`WorkerPool.efetch`; raises the worker's ParseError here."""
    result, error = future.result()
    if error:
        _raise(error, source)
    return result  # type: ignore[no-any-return]


def tag_result(future: Future[tuple[Any, Any]]) -> list[tuple[str, str]]:
    """The result of :meth:`WorkerPool.tag`; raises the worker's ParseError here."""
    result, error = future.result()
    if error:
        _raise(error, "<stored record>")
    return result  # type: ignore[no-any-return]


__all__ = [
    "EfetchResult",
    "WorkerPool",
    "default_workers",
    "efetch_result",
    "process_efetch",
    "tag_result",
    "tag_rows",
]
