"""Shared by the runs: progress reporting, the run's outcome and how a failed run is recorded.

Stage: orchestration (with :mod:`aggregator.pipeline`, :mod:`aggregator.local` and
:mod:`aggregator.digest_run`). :class:`Progress` is what a run reports to (the CLI draws a bar),
:class:`RunResult` what it returns, and ``_fail_run`` ends a run's record in the store with the
status its error means (``offline``, ``failed`` or ``interrupted``).

Example::

    run_id = store.start_run("import", params)
    result = RunResult(run_id, "import")
    try:
        ...
    except BaseException as exc:
        _fail_run(store, run_id, exc, result.counts)
        raise
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import AggregatorError, EutilsError
from .store import Store

logger = logging.getLogger(__name__)


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


__all__ = ["NoProgress", "Progress", "RunResult"]
