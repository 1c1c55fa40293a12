"""Running the digest: build this week's digest, write it, record it, and maybe mail it.

Stage: orchestration over store -> report -> mail (:mod:`aggregator.digest`,
:mod:`aggregator.mail`). :func:`run_digest` is what ``aggregator digest`` and the weekly job
call; :func:`delivery_error` turns failed deliveries into one :class:`MailError`. Re-exported by
:mod:`aggregator.pipeline`.

Example::

    with Store(settings.db_path) as store:
        outcome = run_digest(settings, store, send=True, raise_failed=False)
        print(outcome.summary)
        failure = delivery_error(outcome)       # None when every delivery went out
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import MailError
from .store import Store


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
        since = datetime(since.year, since.month, since.day, tzinfo=UTC)
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


__all__ = ["DigestOutcome", "delivery_error", "run_digest"]
