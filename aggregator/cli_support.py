"""Command line (support): what the commands in :mod:`aggregator.cli` share.

:class:`AggregatorGroup` is the one place that turns an error into one line on stderr and
DESIGN.md's exit code (an :class:`~aggregator.errors.AggregatorError` its ``exit_code``: 2 bad
input, 3 PubMed unreachable; 130 interrupted; 1 anything else), with the traceback under
``--verbose`` and secrets redacted. :class:`ClickProgress` shows a run's progress on stderr. The
small helpers give a command its settings, store, queries and vocabulary (``_settings``,
``_store``, ``_queries``, ``_vocab``), read a ``YYYY-MM-DD`` option (``_date``) and tighten the
umask (``_safe_umask``); :func:`freshness` dates the data for the report's offline banner. No
commands here.

Example::

    import click
    from aggregator.cli_support import AggregatorGroup, ClickProgress, _settings, _store, _vocab
    from aggregator.config import Settings
    from aggregator.pipeline import retag

    @click.group(cls=AggregatorGroup)
    @click.pass_context
    def cli(ctx: click.Context) -> None:
        ctx.obj = {"settings": Settings.from_env()}

    @cli.command()
    @click.pass_context
    def tag(ctx: click.Context) -> None:
        settings = _settings(ctx)
        with _store(settings) as store:
            retag(store, _vocab(settings), progress=ClickProgress())
"""

from __future__ import annotations

import logging
import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import click

from .config import Settings
from .errors import AggregatorError, InputError

__all__ = ["AggregatorGroup", "ClickProgress", "freshness"]

logger = logging.getLogger("aggregator")


class AggregatorGroup(click.Group):
    """Runs a command and maps errors to DESIGN.md's exit codes, one line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AggregatorError as exc:
            _report_error(ctx, exc, str(exc))
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("aggregator: interrupted; committed batches are kept", err=True)
            ctx.exit(130)
        except BrokenPipeError as exc:
            if not _stdout_closed():  # a pipe of our own (a worker's) broke: a real failure
                _report_error(ctx, exc, f"unexpected {type(exc).__name__}: {exc}")
                ctx.exit(1)
            # the reader of our output went away (`aggregator status | head`): stop quietly,
            # as a process killed by SIGPIPE would (exit 141), without a second error at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except Exception as exc:  # noqa: BLE001 - the one place that turns crashes into exit 1
            _report_error(ctx, exc, f"unexpected {type(exc).__name__}: {exc}")
            ctx.exit(1)


def _stdout_closed() -> bool:
    """True when standard output is a pipe whose reader has gone (poll reports an error)."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll, no real file descriptor
        return False


def _report_error(ctx: click.Context, exc: BaseException, message: str) -> None:
    obj = ctx.obj or {}
    settings: Settings | None = obj.get("settings")
    if settings is not None:
        message = settings.redact(message)
    if obj.get("verbose"):
        import traceback

        text = "".join(traceback.format_exception(exc))
        click.echo(settings.redact(text) if settings else text, err=True)
    click.echo(f"aggregator: error: {message.splitlines()[0] if message else type(exc).__name__}",
               err=True)


class ClickProgress:
    """Progress on stderr when it is a terminal (a bar when the total is known, a running
    count when it is not); INFO log lines otherwise."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._label = ""
        self._count: int | None = None
        self._tty = sys.stderr.isatty()

    def start(self, label: str, total: int) -> None:
        self.finish()
        self._label = label
        if self._tty and total:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                          show_pos=True, show_eta=True)
            self._bar.__enter__()
        elif self._tty:
            self._count = 0
        elif total:
            logger.info("%s: %d", label, total)

    def advance(self, n: int) -> None:
        if self._bar is not None and n:
            self._bar.update(n)
        elif self._count is not None and n:
            self._count += n
            click.echo(f"\r{self._label}: {self._count:,} records", file=sys.stderr, nl=False)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
        if self._count is not None:
            if self._count:
                click.echo("", file=sys.stderr)
            self._count = None
        elif self._label and not self._tty:
            logger.info("%s: done", self._label)
        self._label = ""


def _safe_umask() -> None:
    """Never create group- or world-writable files (reports, digests, exports, folders), even
    when started with ``umask 000`` (cron, containers): add 022 to the process umask."""
    current = os.umask(0o022)
    os.umask(current | 0o022)


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


def _store(settings: Settings) -> Any:
    from .store import Store

    return Store(settings.db_path)


def _queries(settings: Settings) -> Any:
    from .queries import load_queries

    with _queries_hint():
        return load_queries(settings.queries_dir)


def _vocab(settings: Settings) -> Any:
    from . import vocab_cache  # compiled once per vocabulary and code, not once per command

    with _queries_hint():
        return vocab_cache.load(settings.queries_dir)


def _vocab_for_writing(settings: Settings, store: Any) -> Any:
    """The vocabulary for a run that will write ``store``, loaded (~2 s, ~10 s compiled) only
    after the store's lock was found free: a second run exits at once, naming the first."""
    store.ensure_unlocked()
    return _vocab(settings)


@contextmanager
def _queries_hint() -> Iterator[None]:
    """A definition file that is not there: say how to point at the right folder (the default,
    queries/, is relative to the current directory)."""
    try:
        yield
    except InputError as exc:
        # the one loader error about a file that is not there (others name a line of one)
        if exc.path and not Path(exc.path).exists():
            exc.message += ("; run from the project folder or give --queries "
                            "(or AGGREGATOR_QUERIES)")
            exc.args = (str(exc),)
        raise


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"expected a date YYYY-MM-DD, got {value!r}", field=option) from None


def freshness(store: Any) -> str | None:
    """When the last fetch did not reach PubMed: the time of the last good one ('never' when
    none), for the report's banner; None when the data are fresh."""
    runs = [r for r in store.last_runs(50) if r.get("kind") in ("fetch", "weekly")]
    if not runs or runs[0].get("status") != "offline":
        return None
    for run in runs:
        if run.get("status") == "ok":
            return str(run.get("finished_at") or run.get("started_at"))
    return "never"
