"""Digest stage: choosing what goes into an edition. Pure: no store, no templates.

:func:`make_item` turns a stored record and its tags into a :class:`DigestItem`;
:func:`sort_items` orders items strongest design first, then newest; :func:`group_items` groups
them by condition (vocabulary order, then unknown ids, then "Other"); ``_edition_items`` narrows
the sections and retraction call-outs to what one subscriber asked for (conditions, minimum
design). :func:`iso_week_key` names the digest. Which records are new this week is read from
the store by :mod:`aggregator.digest_store`. Re-exported by :mod:`aggregator.digest`.

Example::

    from aggregator.digest import group_items, make_item, sort_items

    items = sort_items(make_item(store.get(p), store.get_tags(p)) for p in pmids)
    for section in group_items(items):
        print(section.title, [i.pmid for i in section.items])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .digest_model import OTHER, Digest, DigestItem, Section
from .models import Record, Tags
from .subscribers import CONDITION_NAMES, CONDITIONS, Subscriber, design_rank

__all__ = ["OTHER_TITLE", "group_items", "iso_week_key", "make_item", "sort_items"]

OTHER_TITLE = "Other or not yet classified"


def iso_week_key(now: datetime) -> str:
    """``2026-W48``: the ISO year and week of ``now``."""
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


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
