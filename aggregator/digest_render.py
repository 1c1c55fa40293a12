"""Digest stage: rendering editions and writing them to disk.

``_edition`` renders one edition (generic or a subscriber's) through the digest's own Jinja2
:func:`environment` (templates ``digest.html.j2`` / ``digest.txt.j2`` from the ``aggregator``
package, autoescaped, filters from :mod:`aggregator.markup`) into e-mail-safe HTML and plain
text, and keeps the whole encoded message under :data:`MAX_MESSAGE_BYTES` (Gmail clips at
~102 KB) by shortening the longest groups. :func:`write_digest` writes the ``.html``, ``.txt``
and ``.eml`` files. Re-exported by :mod:`aggregator.digest`.

Example::

    from aggregator.digest import build_digest, write_digest

    digest = build_digest(store, settings)          # renders every edition
    paths = write_digest(digest, settings.reports_dir)
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .digest_model import Digest, Edition, Section
from .digest_select import _edition_items
from .markup import inline_markup, plain
from .subscribers import CONDITION_NAMES, DESIGN_NAMES, Subscriber

__all__ = ["MAX_MESSAGE_BYTES", "MAX_RETRACTIONS", "environment", "write_digest"]

#: the whole encoded message (headers, text and HTML parts) stays under this many bytes
MAX_MESSAGE_BYTES = 100_000
#: retractions listed before "and N more"
MAX_RETRACTIONS = 50


# -- rendering ---------------------------------------------------------------------------------


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
