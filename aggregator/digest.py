"""Digest stage: the weekly e-mail of what is new, one edition per subscriber.

:func:`build_digest` selects the records *first seen* since the previous digest (or ``since``),
groups them by condition (psychiatric indications first, anaesthesia last), orders each group
strongest design first and then newest, calls out retractions of records an earlier digest
reported, and renders an e-mail-safe HTML edition (tables, inline CSS, no scripts, no images,
everything autoescaped) plus a plain-text alternative for the generic (all conditions)
audience and for each subscriber (their conditions and minimum design). Every edition's whole
message is kept under :data:`MAX_MESSAGE_BYTES` (Gmail clips at ~102 KB) by shortening the
longest groups ("and N more - see the full report").

:func:`write_digest` writes ``reports/digests/<key>[-<slug>].html/.txt/.eml``;
:func:`aggregator.mail.deliver_digest` sends.

Example::

    with Store(settings.db_path) as store:
        digest = build_digest(store, settings)
        write_digest(digest, settings.reports_dir)
"""

# Layout (the docstring above is kept as it was before the split): this module holds the entry
# point :func:`build_digest`. The rest lives beside it, one concern each: ``digest_model`` (the
# DigestItem, Section, Edition and Digest values), ``digest_select`` (items, ordering, grouping,
# per-subscriber selection), ``digest_render`` (Jinja environment, rendering within the size
# limit, writing .html/.txt/.eml) and ``digest_store`` (window, already-reported PMIDs,
# retractions, record_digest and its watermarks). None of them imports this module. Every public
# name that lived here before the split is re-exported (see __all__), so ``aggregator.digest``
# stays the one import for pipeline, mail, cli and the tests. ``inline_markup`` and ``plain``
# belong to :mod:`aggregator.markup`; they stay importable from here because tests check that
# the digest uses those very functions.

from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address
from typing import Any

from .config import Settings
from .digest_model import OTHER, ROUTE_NAMES, Digest, DigestItem, Edition, Section
from .digest_render import (
    MAX_MESSAGE_BYTES,
    MAX_RETRACTIONS,
    _edition,
    environment,
    write_digest,
)
from .digest_select import (
    OTHER_TITLE,
    group_items,
    iso_week_key,
    make_item,
    sort_items,
)
from .digest_store import (
    LAST_KEY,
    PREVIOUS_KEY,
    _aware,
    _default_since,
    _reported_elsewhere,
    _retractions,
    record_digest,
)
from .errors import InputError
from .markup import inline_markup, plain
from .subscribers import Subscriber, load_subscribers

__all__ = [
    "DEFAULT_SENDER",
    "EMPTY_POLICIES",
    "LAST_KEY",
    "MAX_MESSAGE_BYTES",
    "MAX_RETRACTIONS",
    "OTHER",
    "OTHER_TITLE",
    "PREVIOUS_KEY",
    "ROUTE_NAMES",
    "Digest",
    "DigestItem",
    "Edition",
    "Section",
    "build_digest",
    "environment",
    "group_items",
    "inline_markup",
    "iso_week_key",
    "make_item",
    "plain",
    "record_digest",
    "sort_items",
    "write_digest",
]

EMPTY_POLICIES = ("note", "skip")
DEFAULT_SENDER = "ketamine-digest@localhost"


# -- building ----------------------------------------------------------------------------------


def build_digest(
    store: Any,
    settings: Settings,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
    empty: str | None = None,
    subscribers: list[Subscriber] | None = None,
) -> Digest:
    """Build this week's digest from the store.

    :param since: include records first seen at or after this time (default: when the previous
        digest was made; a week before ``now`` for the first digest).
    :param now: the digest time (default: now, UTC); its ISO week is the digest key.
    :param empty: ``"note"`` (a short "nothing new" edition) or ``"skip"`` (nothing) when the
        week has nothing new; default ``settings.digest_empty`` if that exists, else ``"note"``.
    :param subscribers: default: :func:`~aggregator.subscribers.load_subscribers` from
        ``settings.subscribers_path`` and ``settings.digest_to``.
    :raises InputError: ``empty`` is not a known policy.
    :raises SubscriberError: the subscriber file is invalid.
    """
    now = _aware(now or datetime.now(UTC))
    key = iso_week_key(now)
    policy = empty or getattr(settings, "digest_empty", None) or "note"
    if policy not in EMPTY_POLICIES:
        raise InputError(f"expected one of {', '.join(EMPTY_POLICIES)}, got {policy!r}",
                         field="empty")
    if subscribers is None:
        subscribers = load_subscribers(settings.subscribers_path, digest_to=settings.digest_to)

    explicit = since is not None
    saved = store.get_digest(key)
    start = _aware(since) if since is not None else _default_since(store, saved, now)
    # a record first seen in an overlapping window (or during a concurrent fetch) was already
    # shown by another digest: never report it twice. Explicit --since means "show me again".
    reported_elsewhere = set() if explicit else _reported_elsewhere(store, saved)

    items: list[DigestItem] = []
    for pmid in store.pmids_first_seen_since(start):
        if pmid in reported_elsewhere:
            continue
        record = store.get(pmid)
        if record is not None:
            items.append(make_item(record, store.get_tags(pmid)))
    items = sort_items(items)
    retractions = sort_items(_retractions(store, saved, {i.pmid for i in items}))

    sender = settings.digest_from or DEFAULT_SENDER
    digest = Digest(
        key=key, since=start, until=now, items=items, retractions=retractions,
        subscribers=list(subscribers), editions=[], empty_policy=policy, since_explicit=explicit,
    )
    env = environment()
    generic_to = settings.digest_to or "undisclosed-recipients:;"
    digest.editions.append(_edition(env, digest, None, sender, generic_to))
    for sub in subscribers:
        to = str(Address(display_name=sub.name or "", addr_spec=sub.address))
        digest.editions.append(_edition(env, digest, sub, sender, to))
    return digest
