"""Digest stage: the values a weekly digest is made of. No I/O, no rendering.

:class:`DigestItem` is one record as the digest shows it (badges, citation, links, the condition
groups it is listed under); :class:`Section` is one condition's group of items with its
"and N more" cut; :class:`Edition` is one rendered edition (generic or a subscriber's) and
builds its e-mail; :class:`Digest` is the week: new items, retraction call-outs and editions.
Built by :mod:`aggregator.digest_select` and :mod:`aggregator.digest_render`; re-exported by
:mod:`aggregator.digest`.

Example::

    from aggregator.digest import build_digest

    digest = build_digest(store, settings)
    for item in digest.items:
        print(item.pmid, item.badges, item.citation, item.groups)
    message = digest.generic.message()      # an EmailMessage
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from urllib.parse import quote

from .mail import build_message
from .subscribers import DESIGN_NAMES, IMPLIES, Subscriber

__all__ = ["OTHER", "ROUTE_NAMES", "Digest", "DigestItem", "Edition", "Section"]

#: the group of records without a condition label
OTHER = "_other"

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

