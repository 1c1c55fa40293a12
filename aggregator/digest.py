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

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .config import Settings
from .errors import InputError
from .mail import build_message
from .markup import inline_markup, plain
from .models import Record, Tags
from .subscribers import (
    CONDITION_NAMES,
    CONDITIONS,
    DESIGN_NAMES,
    IMPLIES,
    Subscriber,
    design_rank,
    load_subscribers,
)

#: the whole encoded message (headers, text and HTML parts) stays under this many bytes
MAX_MESSAGE_BYTES = 100_000
#: retractions listed before "and N more"
MAX_RETRACTIONS = 50
EMPTY_POLICIES = ("note", "skip")
#: the group of records without a condition label
OTHER = "_other"
OTHER_TITLE = "Other or not yet classified"
DEFAULT_SENDER = "ketamine-digest@localhost"

_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")

ROUTE_NAMES = {
    "iv": "IV", "im": "IM", "intranasal": "intranasal", "oral": "oral",
    "sublingual": "sublingual", "subcutaneous": "subcutaneous", "neuraxial": "neuraxial",
    "rectal": "rectal", "inhaled": "inhaled", "topical": "topical",
}


# -- values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestItem:
    """One record as the digest shows it. Text fields are raw (untrusted) PubMed text."""

    pmid: str
    title: str
    conditions: tuple[str, ...] = ()
    design: str | None = None
    routes: tuple[str, ...] = ()
    sample_size: int | None = None
    registrations: tuple[str, ...] = ()
    first_author: str | None = None
    n_authors: int = 0
    journal: str | None = None
    year: int | None = None
    pub_date: str | None = None
    doi: str | None = None
    retracted: bool = False
    first_seen: str | None = None

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{quote(self.pmid, safe='')}/"

    @property
    def doi_url(self) -> str | None:
        # only something shaped like a DOI becomes a link; doi.org resolves percent-encoded
        # DOIs, and quoting keeps <>"#? and schemes out of the URL
        if not self.doi or not _DOI_RE.match(self.doi):
            return None
        return f"https://doi.org/{quote(self.doi, safe='/')}"

    @property
    def badges(self) -> str:
        parts = [DESIGN_NAMES.get(self.design or "other", self.design or "Other")]
        if self.sample_size:
            parts.append(f"n={self.sample_size}")
        if self.routes:
            parts.append(", ".join(ROUTE_NAMES.get(r, r) for r in self.routes))
        parts.extend(self.registrations[:3])
        return " | ".join(parts)

    @property
    def citation(self) -> str:
        who = self.first_author or ""
        if who and self.n_authors > 1:
            who += " et al."
        bits = [b.rstrip(". ") for b in (who, self.journal, str(self.year or "")) if b]
        return ". ".join(b for b in bits if b)

    @property
    def groups(self) -> tuple[str, ...]:
        """Condition groups the item is listed under: broader conditions implied by a more
        specific one are dropped (a TRD trial is listed under TRD, not also Depression)."""
        if not self.conditions:
            return (OTHER,)
        implied = {IMPLIES[c] for c in self.conditions if c in IMPLIES}
        return tuple(c for c in self.conditions if c not in implied)


@dataclass
class Section:
    condition: str
    title: str
    items: list[DigestItem]
    shown_count: int | None = None

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def shown(self) -> list[DigestItem]:
        return self.items if self.shown_count is None else self.items[: self.shown_count]

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


@dataclass
class Edition:
    """One rendered edition: the generic one (``subscriber`` None) or a subscriber's."""

    key: str
    subscriber: Subscriber | None
    subject: str
    html: str
    text: str
    sender: str
    to: str
    pmids: tuple[str, ...]
    retraction_pmids: tuple[str, ...]
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.pmids and not self.retraction_pmids

    @property
    def stem(self) -> str:
        return self.key if self.subscriber is None else f"{self.key}-{self.subscriber.slug}"

    @property
    def message_id(self) -> str:
        # stable per digest and recipient, so a retried delivery is recognisably the same mail
        who = self.subscriber.address if self.subscriber else "all"
        h = hashlib.sha256(f"{self.key}\0{who}\0{self.sender}".encode()).hexdigest()[:16]
        domain = self.sender.rsplit("@", 1)[-1].strip(">") if "@" in self.sender else "localhost"
        return f"<digest.{self.key}.{h}@{domain}>"

    def message(self, *, date: datetime | None = None) -> EmailMessage:
        unsubscribe = None
        if self.subscriber is not None and "@" in self.sender and not self.sender.endswith(
            "@localhost"
        ):
            unsubscribe = f"<mailto:{quote(self.sender, safe='@')}?subject=unsubscribe>"
        return build_message(
            subject=self.subject, sender=self.sender, to=self.to, html=self.html,
            text=self.text, date=date, message_id=self.message_id,
            list_unsubscribe=unsubscribe,
        )


@dataclass
class Digest:
    """A week's digest: the new items, the retractions, and the rendered editions.

    ``editions[0]`` is the generic (all conditions) edition; the rest are per subscriber.
    """

    key: str
    since: datetime
    until: datetime
    items: list[DigestItem]
    retractions: list[DigestItem]
    subscribers: list[Subscriber]
    editions: list[Edition]
    empty_policy: str = "note"
    since_explicit: bool = False

    @property
    def generic(self) -> Edition:
        return self.editions[0]

    @property
    def empty(self) -> bool:
        return not self.items and not self.retractions

    @property
    def skipped(self) -> bool:
        """Nothing new and ``empty = "skip"``: nothing is written or sent."""
        return self.empty and self.empty_policy == "skip"

    @property
    def pmids(self) -> tuple[str, ...]:
        return tuple(i.pmid for i in self.items)

    def subscriber_editions(self) -> list[Edition]:
        """Subscriber editions to deliver (empty ones left out under ``empty = "skip"``)."""
        return [
            e for e in self.editions[1:]
            if not (e.empty and self.empty_policy == "skip")
        ]

    def edition_for(self, address: str) -> Edition | None:
        for e in self.editions[1:]:
            if e.subscriber is not None and e.subscriber.address.lower() == address.lower():
                return e
        return None


# -- building ----------------------------------------------------------------------------------


def iso_week_key(now: datetime) -> str:
    """``2026-W48``: the ISO year and week of ``now``."""
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


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


def make_item(record: Record, tags: Tags | None, *, first_seen: str | None = None) -> DigestItem:
    """A :class:`DigestItem` from a stored record and its tags (None when untagged)."""
    regs: dict[str, None] = {r.accession: None for r in record.registrations}
    if tags is not None:
        for r in tags.registrations:
            regs.setdefault(r.accession, None)
    return DigestItem(
        pmid=record.pmid,
        title=record.title or record.vernacular_title or f"PMID {record.pmid}",
        conditions=tuple(tags.labels("conditions")) if tags else (),
        design=tags.design.label if tags and tags.design else None,
        routes=tuple(tags.labels("routes")) if tags else (),
        sample_size=tags.sample_size if tags else None,
        registrations=tuple(regs),
        first_author=record.first_author,
        n_authors=len(record.authors),
        journal=record.journal_iso or record.journal,
        year=record.pub_year,
        pub_date=record.pub_date or record.medline_date,
        doi=record.doi,
        retracted=bool(record.retracted or (tags is not None and tags.retracted)),
        first_seen=first_seen,
    )


def sort_items(items: Iterable[DigestItem]) -> list[DigestItem]:
    """Strongest design first, then newest (publication date, then PMID)."""
    newest = sorted(
        items,
        key=lambda i: (i.pub_date or str(i.year or ""), int(i.pmid) if i.pmid.isdigit() else 0),
        reverse=True,
    )
    return sorted(newest, key=lambda i: design_rank(i.design))  # stable: keeps newest first


def group_items(items: Iterable[DigestItem]) -> list[Section]:
    """Sections in vocabulary order (then unknown ids, then "Other"), items in given order."""
    by: dict[str, list[DigestItem]] = {}
    for item in items:
        for g in item.groups:
            by.setdefault(g, []).append(item)
    order = [c for c in CONDITIONS if c in by]
    order += sorted(c for c in by if c not in CONDITIONS and c != OTHER)
    order += [OTHER] if OTHER in by else []
    return [
        Section(c, OTHER_TITLE if c == OTHER else CONDITION_NAMES.get(c, c), by[c]) for c in order
    ]


def _edition_items(
    digest: Digest, sub: Subscriber | None
) -> tuple[list[Section], list[DigestItem]]:
    sections = group_items(digest.items)
    retractions = list(digest.retractions)
    if sub is None:
        return sections, retractions
    kept: list[Section] = []
    for s in sections:
        if s.condition == OTHER:
            if sub.conditions is not None:
                continue
        elif not sub.wants_condition(s.condition):
            continue
        s.items = [i for i in s.items if sub.wants_design(i.design)]
        if s.items:
            kept.append(s)
    # a retraction matters whatever its design: filter by condition only
    retractions = [
        r for r in retractions
        if sub.conditions is None or any(sub.wants_condition(c) for c in r.conditions)
    ]
    return kept, retractions


def _scope(sub: Subscriber | None) -> str:
    if sub is None or sub.wants_everything:
        return ""
    parts = []
    if sub.conditions is not None:
        parts.append("Your conditions: " + ", ".join(CONDITION_NAMES[c] for c in sub.conditions))
    if sub.min_design is not None:
        name = DESIGN_NAMES[sub.min_design]
        parts.append(f"{name} or stronger" if sub.min_design != "meta_analysis" else name)
    return "; ".join(parts)


def _subject(key: str, n: int, r: int) -> str:
    what = f"{n} new {'study' if n == 1 else 'studies'}" if n else "nothing new"
    if r:
        what += f", {r} {'retraction' if r == 1 else 'retractions'}"
    return f"Ketamine evidence digest {key}: {what}"


def _edition(
    env: Environment, digest: Digest, sub: Subscriber | None, sender: str, to: str
) -> Edition:
    sections, retractions = _edition_items(digest, sub)
    pmids = tuple(dict.fromkeys(i.pmid for s in sections for i in s.items))
    week = digest.until.isocalendar()
    context: dict[str, Any] = {
        "subject": _subject(digest.key, len(pmids), len(retractions)),
        "week_label": f"week {week[1]} of {week[0]}",
        "greeting": f"For {sub.name}" if sub is not None and sub.name else "",
        "period": f"{digest.since:%d %b %Y} to {digest.until:%d %b %Y} (UTC)",
        "scope": _scope(sub),
        "sections": sections,
        "total": len(pmids),
        "retractions": retractions[:MAX_RETRACTIONS],
        "retractions_more": max(0, len(retractions) - MAX_RETRACTIONS),
        "unsubscribe": sub is not None,
    }
    edition = Edition(
        key=digest.key, subscriber=sub, subject=context["subject"], html="", text="",
        sender=sender, to=to, pmids=pmids,
        retraction_pmids=tuple(r.pmid for r in retractions),
    )
    _fit(env, edition, context, sections)
    return edition


def _render(env: Environment, edition: Edition, context: dict[str, Any]) -> int:
    edition.html = env.get_template("digest.html.j2").render(context)
    edition.text = env.get_template("digest.txt.j2").render(context)
    fixed = datetime(2000, 1, 1, tzinfo=UTC)  # the Date header's length does not vary
    return len(edition.message(date=fixed).as_bytes())


def _fit(
    env: Environment, edition: Edition, context: dict[str, Any], sections: list[Section]
) -> None:
    """Render; if the message is too big, find the largest per-condition cap that fits."""
    if _render(env, edition, context) <= MAX_MESSAGE_BYTES:
        return
    edition.truncated = True
    lo, hi = 0, max(s.total for s in sections)  # invariant: cap lo fits (checked below)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        for s in sections:
            s.shown_count = mid
        if _render(env, edition, context) <= MAX_MESSAGE_BYTES:
            lo = mid
        else:
            hi = mid - 1
    for s in sections:
        s.shown_count = lo
    size = _render(env, edition, context)
    # with every list cut to its "and N more" line the message is a few KB; if not, a template
    # change broke the budget and must not ship a clipped e-mail
    assert size <= MAX_MESSAGE_BYTES, f"digest edition {edition.stem} is {size} bytes"


# -- writing -----------------------------------------------------------------------------------


def write_digest(
    digest: Digest, out_dir: Path, *, date: datetime | None = None
) -> list[Path]:
    """Write each edition as ``<out_dir>/digests/<key>[-<slug>].html``, ``.txt`` and ``.eml``.

    Writes nothing when the week is empty and the policy is ``skip``.

    :param out_dir: the reports directory (``settings.reports_dir``).
    :returns: the files written.
    """
    if digest.skipped:
        return []
    folder = Path(out_dir) / "digests"
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for edition in [digest.generic, *digest.subscriber_editions()]:
        for suffix, data in (
            (".html", edition.html.encode("utf-8")),
            (".txt", edition.text.encode("utf-8")),
            (".eml", edition.message(date=date or digest.until).as_bytes()),
        ):
            path = folder / f"{edition.stem}{suffix}"
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)  # atomic: a reader never sees half a file
            written.append(path)
    return written


# -- templates ---------------------------------------------------------------------------------


def environment() -> Environment:
    """The digest's own Jinja2 environment: autoescape on for everything but ``*.txt.j2``;
    filters ``inline`` and ``plain`` from :mod:`aggregator.markup`."""
    env = Environment(
        loader=PackageLoader("aggregator", "templates"),
        autoescape=select_autoescape(
            enabled_extensions=("html.j2", "html"), disabled_extensions=("txt.j2",),
            default_for_string=True, default=True,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline_markup
    env.filters["plain"] = plain
    return env


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
        return _aware(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
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
