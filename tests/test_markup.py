"""markup.py: PubMed's inline tags rendered (bare, properly nested) or dropped; nothing else."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator import digest
from aggregator.markup import INLINE_TAGS, decode_entities, inline_markup, plain


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<i>N</i>-methyl-D-aspartate", "<i>N</i>-methyl-D-aspartate"),
        ("Ca<sup>2+</sup> and H<sub>2</sub>O", "Ca<sup>2+</sup> and H<sub>2</sub>O"),
        ("<b><i>x</i></b> <u>y</u> <em>z</em> <strong>w</strong>",
         "<b><i>x</i></b> <u>y</u> <em>z</em> <strong>w</strong>"),
        ("<i>a</i> <i>b</i>", "<i>a</i> <i>b</i>"),
        # attributes, other tags, entities: text
        ('<i onclick="x">y</i>', "&lt;i onclick=&#34;x&#34;&gt;y&lt;/i&gt;"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<a href="javascript:x">l</a>', "&lt;a href=&#34;javascript:x&#34;&gt;l&lt;/a&gt;"),
        ("&lt;i&gt;x&lt;/i&gt; &amp;", "&amp;lt;i&amp;gt;x&amp;lt;/i&amp;gt; &amp;amp;"),
        ("<I>x</I> <i >y</i >", "&lt;I&gt;x&lt;/I&gt; &lt;i &gt;y&lt;/i &gt;"),
        # unbalanced or misnested: only the pairs that nest properly are markup
        ("<i>open", "&lt;i&gt;open"),
        ("close</i>", "close&lt;/i&gt;"),
        ("a</i>b<i>c", "a&lt;/i&gt;b&lt;i&gt;c"),  # counts match, order does not
        ('<i>N</i> <i onclick="x">y</i>', "<i>N</i> &lt;i onclick=&#34;x&#34;&gt;y&lt;/i&gt;"),
        ("<i><b>x</i></b>", "<i>&lt;b&gt;x</i>&lt;/b&gt;"),
        ("<i>a<b>b</i>", "<i>a&lt;b&gt;b</i>"),
        ("<b>a</i>b</b>", "<b>a&lt;/i&gt;b</b>"),
        # control characters removed
        ("a\x00b\x1f<i>c</i>\td\n", "ab<i>c</i>\td\n"),
        (None, ""),
    ],
)
def test_inline_markup(text: str | None, shown: str) -> None:
    assert inline_markup(text) == shown


def test_plain() -> None:
    assert plain("<i>N</i>-methyl-D-aspartate and Ca<SUP>2+</SUP>\x00") == (
        "N-methyl-D-aspartate and Ca2+")
    assert plain('<i onclick="x">y</i>  <script>') == '<i onclick="x">y <script>'
    assert plain(None) == ""


def test_digest_uses_the_same_functions() -> None:
    assert digest.inline_markup is inline_markup and digest.plain is plain


_TAG = re.compile(r"<(/?)([a-z]+)>")
_PIECES = [*(f"<{t}>" for t in INLINE_TAGS[:3]), *(f"</{t}>" for t in INLINE_TAGS[:3]),
           "<sup>", "</sup>", "<i x>", "</i x>", "<I>", "<script>", "</script>", "&", "&lt;", "<",
           ">", '"', "'", "a", " ", "\x00"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_inline_markup_never_leaks(pieces: list[str]) -> None:
    text = "".join(pieces)
    out = str(inline_markup(text))
    # nothing is lost: the output reads back as the input (control characters removed)
    assert html.unescape(out) == text.replace("\x00", "")
    # the only markup is bare inline tags, each closed, properly nested
    assert "<" not in _TAG.sub("", out) and ">" not in _TAG.sub("", out)
    stack: list[str] = []
    for m in _TAG.finditer(out):
        closing, tag = m.groups()
        assert tag in INLINE_TAGS
        if closing:
            assert stack and stack.pop() == tag, out
        else:
            stack.append(tag)
    assert stack == [], out


def test_strip_inline_drops_only_the_inline_tags() -> None:
    from aggregator.markup import strip_inline

    assert strip_inline("(<i>N</i> = 120), mg kg<SUP>-1</SUP>, p < 0.05 and a<b") == (
        "(N = 120), mg kg-1, p < 0.05 and a<b")
    text = "p < 0.05, no tags"
    assert strip_inline(text) is text  # nothing to do: the same string


@pytest.mark.parametrize(("text", "decoded"), [
    ("Materials &amp; Methods:", "Materials & Methods:"),
    ("aged &#8805;65 years, &ge;18 and &#x2264;80", "aged \u226565 years, \u226518 and \u226480"),
    ("A&E attendances, R&D; AT&T", "A&E attendances, R&D; AT&T"),   # no reference: kept
    ("&notaref; and &not", "&notaref; and &not"),                      # unknown or bare: kept
    ("&lt;i&gt;N&lt;/i&gt; = 120", "<i>N</i> = 120"),
    ("no entities", "no entities"),
])
def test_decode_entities(text: str, decoded: str) -> None:
    assert decode_entities(text) == decoded
