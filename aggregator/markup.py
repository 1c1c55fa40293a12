"""PubMed's inline markup, shown the same way by the digest and the evidence report.

PubMed titles and abstracts are XML fragments that keep a few bare inline tags
(``<i>N</i>-methyl-D-aspartate``, ``Ca<sup>2+</sup>``); :class:`aggregator.models.Record`
keeps them as text. Both output channels use the two functions here, registered as Jinja
filters (:func:`aggregator.digest.environment`, :func:`aggregator.report.environment`):

- :func:`inline_markup` (filter ``inline``), for HTML: escapes everything, then gives back only
  the bare tags of :data:`INLINE_TAGS` (no attributes) that are properly nested, so untrusted
  text can never inject markup (``<script>``, ``<i onclick=...>``, ``<a href>``, entities) nor
  leave a tag open or close one it did not open: what is not given back stays escaped text.
- :func:`plain` (filter ``plain``), for text/plain: the inline tags dropped.

:func:`strip_inline` drops the tags and nothing else, for the tagger.

Example::

    >>> inline_markup("Ca<sup>2+</sup> and <script>x</script>")
    Markup('Ca<sup>2+</sup> and &lt;script&gt;x&lt;/script&gt;')
    >>> plain("<i>N</i>-methyl-D-aspartate")
    'N-methyl-D-aspartate'
"""

from __future__ import annotations

import html
import re
from html.entities import html5

from markupsafe import Markup, escape

#: PubMed's inline tags that :func:`inline_markup` renders (bare, lower case, properly nested)
INLINE_TAGS = ("i", "b", "u", "em", "strong", "sup", "sub")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG_NAMES = "|".join(INLINE_TAGS)
_ESCAPED_TAG = re.compile(rf"&lt;(/?)({_TAG_NAMES})&gt;")
_ANY_INLINE_TAG = re.compile(rf"</?(?:{_TAG_NAMES})>", re.IGNORECASE)


def inline_markup(text: str | None) -> Markup:
    """Escape everything, then give back only PubMed's bare inline tags (``<i>``, ``<sup>``...:
    no attributes), and only those that pair up properly nested, so nothing leaks out of the
    text: a stray ``</i>``, an unclosed ``<i>``, the ``<b>`` of ``<i><b></i></b>`` stay text."""
    escaped = str(escape(_CONTROL.sub("", text or "")))
    tokens = list(_ESCAPED_TAG.finditer(escaped))
    keep: set[int] = set()
    open_: list[tuple[str, int]] = []  # (tag, token index) of the tags not yet closed
    for i, m in enumerate(tokens):
        closing, tag = m.group(1), m.group(2)
        if not closing:
            open_.append((tag, i))
            continue
        depth = next((d for d in range(len(open_) - 1, -1, -1) if open_[d][0] == tag), None)
        if depth is None:
            continue  # closes nothing: stays text
        keep.update((open_[depth][1], i))
        del open_[depth:]  # tags opened inside it and never closed stay text
    parts: list[str] = []
    last = 0
    for i, m in enumerate(tokens):
        if i in keep:
            parts += [escaped[last:m.start()], f"<{m.group(1)}{m.group(2)}>"]
            last = m.end()
    parts.append(escaped[last:])
    return Markup("".join(parts))


def strip_inline(text: str) -> str:
    """``text`` without PubMed's inline tags, nothing else changed: ``(<i>N</i> = 120)`` reads
    ``(N = 120)`` and ``mg kg<sup>-1</sup>`` ``mg kg-1`` (for the tagger, which reads words)."""
    return _ANY_INLINE_TAG.sub("", text) if "</" in text else text


#: an HTML character reference written with its semicolon ("&amp;", "&#8805;", "&#x2265;")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def decode_entities(text: str) -> str:
    """``text`` with the HTML character references that some publishers leave escaped in
    PubMed's text decoded ("Materials &amp; Methods:", "aged &#8805;65 years" read "&" and
    "\u2265"); a bare "&" ("A&E") stays (for the tagger, which reads words and symbols)."""
    return _ENTITY.sub(_entity, text) if "&" in text else text


def _entity(m: re.Match[str]) -> str:
    ref = m.group(0)
    if ref[1] == "#":
        return html.unescape(ref)
    return html5.get(ref[1:], ref)  # a known name only ("&notaref;" is no "&not;")


def plain(text: str | None) -> str:
    """Text for the text/plain part: inline tags dropped, control characters removed."""
    return re.sub(r"[ \t]+", " ", _ANY_INLINE_TAG.sub("", _CONTROL.sub("", text or ""))).strip()
