"""Tag stage, run time: the fast matching engine behind every vocabulary pattern list.

:class:`Matcher` runs a list of case-insensitive patterns as a few case-sensitive regexes over
the lower-cased text (see its docstring for why); :class:`Scanner`, built once per vocabulary,
indexes in one Aho-Corasick pass where the patterns' literal word prefixes start words of a
text (a :class:`~aggregator.text_index.TextIndex`), so that most pattern groups are tried only
there; literal gates (``_Gate``, also in :mod:`aggregator.text_index`) skip groups none of whose
required literals occur. :func:`lower_text` and
:func:`word_prefixes` prepare a text. The pattern sources are analysed by
:mod:`aggregator.regex_source`; :mod:`aggregator.vocabulary` compiles the vocabulary's
patterns into these objects (pickled with it to worker processes).

Example::

    from aggregator.matcher import Matcher, Scanner, lower_text

    m = Matcher([r"\\bketamine\\b", r"\\bnmda\\b"])
    scanner = Scanner([m])
    text = "Ketamine, an NMDA antagonist"
    lower = lower_text(text)
    index = scanner.index(lower, text)
    [x.group(0) for x in m.finditer(text, lower, index=index)]   # ['ketamine', 'nmda']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from .regex_source import (
    _LITERAL_RUN,
    _cased_inner,
    _close_paren,
    _distribute,
    _leading_literals,
    _literal_prefix,
    _lower_source,
    _required_literals,
    _split_top,
    _word_start,
    compiled,
)
from .text_index import _NORM, TextIndex, _Gate

__all__ = ["Matcher", "Scanner", "TextIndex", "lower_text", "word_prefixes"]


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def word_prefixes(lower: str) -> frozenset[str]:
    """2-, 3- and 4-letter prefixes of the words of a lower-cased text: the index that lets a
    :class:`Matcher` skip patterns whose first word cannot occur."""
    words = set(_LITERAL_RUN.findall(lower))
    return frozenset({w[:2] for w in words} | {w[:3] for w in words} | {w[:4] for w in words})


class _Group:
    """Alternatives compiled together. With ``keys`` (each alternative's first letters), only
    the alternatives whose first word occurs in the text are compiled into the regex that
    runs; the compiled subsets are cached."""

    __slots__ = ("alts", "boundary", "cache", "cased", "find", "flags", "full", "gate", "gid",
                 "keys", "needs", "owner", "starts")

    # every argument has a default: the compiled build (aggregator.native) unpickles an
    # instance by calling __init__() and then setting its attributes
    def __init__(self, alts: Sequence[str] = (), keys: tuple[str, ...] = (), flags: int = 0,
                 cased: bool = False, boundary: bool = False) -> None:
        self.alts, self.keys, self.flags = tuple(alts), keys, flags
        self.cased, self.boundary = cased, boundary
        self.full = compiled("|".join(alts), flags)
        self.cache: dict[tuple[int, ...], re.Pattern[str]] = {}
        #: set by :class:`Scanner`: this group is matched at the word starts it indexes;
        #: ``gid`` names its ``starts`` (groups with equal prefixes share their candidates)
        self.gid: int = -1
        self.owner: Scanner | None = None
        #: the literal word prefixes every match starts with (``keys``, or found by parsing)
        self.starts: frozenset[str] = frozenset()
        #: True when ``starts`` are plain substrings that may start mid-word (no ``\b``): the
        #: candidates are then every occurrence, not only word starts
        self.find = False
        #: literals of which one occurs in every match (one per alternative), or None: a group
        #: scanned as a whole is skipped when none occurs (a C substring test, no regex scan)
        self.needs = _Gate.of(_required_literals("|".join(self.alts), flags, most=24))
        #: set by :class:`Scanner`: the same for what follows the indexed prefix, tested
        #: before trying the regex at many word starts
        self.gate: _Gate | None = None

    def regex(self, index: TextIndex | frozenset[str] | None) -> re.Pattern[str] | None:
        if not self.keys or index is None:
            return self.full
        present = tuple(i for i, k in enumerate(self.keys) if k in index)
        if not present:
            return None
        if len(present) == len(self.keys):
            return self.full
        rx = self.cache.get(present)
        if rx is None:
            if len(self.cache) > 512:  # bounded: distinct subsets are few in practice
                self.cache.clear()
            rx = re.compile("|".join(self.alts[i] for i in present), self.flags)
            self.cache[present] = rx
        return rx


class Matcher:
    """A list of case-insensitive patterns compiled for speed.

    CPython's ``re`` jumps to candidate positions only for case-sensitive alternations whose
    every branch starts with a literal; ``re.IGNORECASE``, a leading ``\\b`` or a leading group
    make it try every position (10-15x slower, measured on the labelled abstracts). So:
    patterns run case-sensitively on the lower-cased text; leading groups are distributed
    into separate branches; a leading ``\\b`` is checked after the match; patterns written
    wholly as ``(?-i:...)`` run on the original text; and a pattern group whose first words
    cannot occur in the document (see :func:`word_prefixes`) is not run at all.
    """

    __slots__ = ("_groups", "owner", "sources", "word_starts")

    def __init__(self, sources: Sequence[str] = ()) -> None:  # () for unpickling, see _Group
        self.sources = tuple(sources)
        #: set by :class:`Scanner` when every group is tried only at word starts, the union of
        #: whose prefixes is ``word_starts`` (none of them in a text: no match, no work)
        self.owner: Scanner | None = None
        self.word_starts: frozenset[str] = frozenset()
        buckets: dict[tuple[bool, bool, bool, bool], list[tuple[str, str]]] = {}
        for src in sources:
            cased_inner = _cased_inner(src)
            if cased_inner is not None:
                cased, mixed, body = True, False, cased_inner
            elif "(?-i:" in src:
                cased, mixed, body = True, True, src
            else:
                cased, mixed, body = False, False, _lower_source(src)
            alts = [body] if mixed else [a for part in _split_top(body)
                                          for a in _distribute(part)]
            for alt in alts:
                boundary = False
                if not mixed and alt.startswith("\\b") and not alt.startswith("\\b{"):
                    boundary, alt = True, alt[2:]
                prefix = "" if mixed else _literal_prefix(alt)
                fast = bool(prefix) and not mixed
                buckets.setdefault((cased, mixed, boundary, fast), []).append((alt, prefix))
        groups = []
        for (cased, mixed, boundary, _fast), pairs in buckets.items():
            flags = re.IGNORECASE if mixed else 0
            keyed = [(a, p[:4]) for a, p in pairs if len(p) >= 2]
            always = [a for a, p in pairs if len(p) < 2]
            if always:
                groups.append(_Group(always, (), flags, cased, boundary))
            if keyed:
                groups.append(_Group([a for a, _ in keyed], tuple(k for _, k in keyed), flags,
                                     cased, boundary))
        self._groups = tuple(groups)

    def finditer(self, text: str, lower: str, start: int = 0, end: int | None = None,
                 index: TextIndex | frozenset[str] | None = None) -> list[re.Match[str]]:
        """Matches in ``text[start:end]`` (``lower`` is ``text`` lower-cased, same length),
        sorted by position. Match offsets index both strings. ``index``: the text's
        :func:`word_prefixes`, to skip alternatives whose first word does not occur."""
        end = len(text) if end is None else end
        found: list[re.Match[str]] = []
        if self.owner is not None and type(index) is TextIndex and index.owner is self.owner:
            # the common case, kept short: every group is tried at the word starts it indexes
            # (most matchers find none of theirs in a given text)
            if self.word_starts.isdisjoint(index.keys):
                return found
            for group in self._groups:
                cands = index.candidates(group)
                if cands:
                    _match_at(group, cands, text if group.cased else lower, start, end, found)
            if len(found) > 1 and len(self._groups) > 1:
                found.sort(key=lambda m: m.start())
            return found
        for group in self._groups:
            if group.owner is not None and isinstance(index, TextIndex) \
                    and index.owner is group.owner:
                # every alternative starts with \b + a literal word prefix: try the regex only
                # where one of those prefixes starts a word (same matches, no scan)
                cands = index.candidates(group)
                if cands:
                    _match_at(group, cands, text if group.cased else lower, start, end, found)
                continue
            subject = text if group.cased else lower
            if group.needs is not None and not group.needs.test(subject):
                continue
            rx = group.regex(index)
            if rx is None:
                continue
            for m in rx.finditer(subject, start, end):
                if group.boundary:
                    s = m.start()
                    first = subject[s] if s < len(subject) else ""
                    prev = subject[s - 1] if s > 0 else ""
                    if (prev != "" and _is_word(prev)) == (first != "" and _is_word(first)):
                        continue
                found.append(m)
        if len(self._groups) > 1:
            found.sort(key=lambda m: m.start())
        return found

    def search(self, text: str, lower: str, start: int = 0, end: int | None = None,
               index: TextIndex | frozenset[str] | None = None) -> re.Match[str] | None:
        matches = self.finditer(text, lower, start, end, index)
        return matches[0] if matches else None

    @property
    def groupindex(self) -> set[str]:
        names: set[str] = set()
        for group in self._groups:
            names |= set(group.full.groupindex)
        return names


def _match_at(group: _Group, cands: list[int], subject: str, start: int, end: int,
              found: list[re.Match[str]]) -> None:
    """``group.full`` tried at the candidate word starts in order, non-overlapping, keeping
    the matches that start at a word boundary: what scanning with a leading ``\\b`` finds."""
    match = group.full.match
    boundary = group.boundary
    last = start
    for q in cands:
        if q < last:
            continue
        if q >= end:
            break
        m = match(subject, q, end)
        if m is None:
            continue
        last = m.end()
        if not boundary:  # the regex asserts its own \b, or has none
            found.append(m)
            continue
        prev = subject[q - 1] if q > 0 else ""
        if prev and (prev.isalnum() or prev == "_"):
            continue
        found.append(m)


def _group_starts(group: _Group) -> tuple[frozenset[str], bool]:
    """``(prefixes, find)``: literal prefixes one of which starts every match of ``group``,
    so that the group need only be tried where one occurs. ``find`` False: the prefixes are
    word starts (the group has a leading ``\\b``: stripped, or asserted by the regex itself);
    True: plain substrings of the lower-cased text, wherever they occur. Empty when the
    group must be scanned as a whole."""
    joined = "|".join(group.alts)
    if group.flags & re.IGNORECASE:
        # mixed case, e.g. ``(?-i:\\bIN\\b)\\s+ketamine``: usable when every match starts
        # with a case-sensitive ``\\b`` + literal (case-insensitive letters such as "k" also
        # match the Kelvin sign, which the word index does not see)
        if len(group.alts) != 1 or not joined.startswith("(?-i:"):
            return frozenset(), False
        close = _close_paren(joined, 0)
        inner = joined[5:close]
        if close < 0 or not _word_start(inner):
            return frozenset(), False
        return _leading_literals(inner), False
    if group.boundary or _word_start(joined):
        return _leading_literals(joined), False
    if group.cased:
        return frozenset(), False
    # no \b: every occurrence of a literal prefix (cut at the first non-alphanumeric, which
    # the prefixes write as a space) is a candidate
    subs = {p.split(" ", 1)[0] for p in _leading_literals(joined)}
    if not subs or len(subs) > 8 or min(map(len, subs)) < 3:
        return frozenset(), False
    return frozenset(subs), True


class Scanner:
    """One pass over a text finds every word that starts with a literal prefix of any pattern
    of the vocabulary (Aho-Corasick on the text with non-alphanumerics as spaces). Pattern
    groups whose alternatives all start with ``\\b`` and a literal are then tried only at
    those word starts: a few ``match`` calls instead of one regex scan of the whole text per
    group (Python's ``re`` tries every alternative at nearly every position of an
    alternation). Built once per vocabulary; :meth:`index` keeps nothing between texts."""

    def __init__(self, matchers: Sequence[Matcher] = (), words: tuple[str, ...] = ()) -> None:
        # (no matchers: for unpickling, see _Group)
        import ahocorasick  # C automaton: one pass for all ~400 prefixes

        #: ``words``: extra word prefixes to index (the tagger asks about trial registries)
        keys: set[str] = set(words)
        #: groups with the same prefixes share one candidate list per text (their ``gid``);
        #: each applies its own gate to it
        gids: dict[tuple[frozenset[str], bool], int] = {}
        for matcher in matchers:
            indexed, word_starts = True, frozenset[str]()
            for group in matcher._groups:
                starts, find = _group_starts(group)
                if not starts:
                    # scanned as a whole: its alternatives' first letters pick which run
                    # (:meth:`_Group.regex`). Indexed groups never look at their keys, and
                    # short common ones ("an", "in", "c") would only add index hits.
                    keys.update(group.keys)
                    indexed = False
                    continue
                group.gid = gids.setdefault((starts, find), len(gids))
                group.owner, group.starts, group.find = self, starts, find
                # mixed case: the indexed prefix is lower-cased, the literal is not
                # (at most six literals, one regex pass, memoised per text: "randomi|
                # assigned|allocated|received|given" spares a sample-size rule its tries at
                # every number; more literals would almost always pass)
                group.gate = _Gate.of(_required_literals(
                    "|".join(group.alts), group.flags,
                    skip_lead=not group.flags & re.IGNORECASE, most=6))
                if find:
                    indexed = False
                else:
                    keys.update(starts)
                    word_starts |= starts
            if indexed:
                matcher.owner, matcher.word_starts = self, word_starts
        #: the automaton's value for a key is its number here, and ``_lens`` its length plus
        #: one (the leading space): a hit is then a pair of ints, which the compiled build
        #: reads without iterating over tuples (index() takes ~40% fewer instructions)
        self._keys: list[str] = sorted(keys)
        self._lens: list[int] = [len(k) + 1 for k in self._keys]
        self._automaton = ahocorasick.Automaton()
        for number, key in enumerate(self._keys):
            self._automaton.add_word(" " + key, number)
        self._automaton.make_automaton()

    def index(self, lower: str, text: str | None = None) -> TextIndex:
        """The :class:`TextIndex` of ``lower`` (``text`` lower-cased, offsets kept)."""
        # one character per code point ("?" for non-ASCII): offsets stay those of ``lower``
        norm = (" " + lower).encode("ascii", "replace").translate(_NORM).decode("ascii")
        positions: dict[str, list[int]] = {}
        keys, lens = self._keys, self._lens
        for item in self._automaton.iter(norm):
            hit = cast("tuple[int, int]", item)  # (offset of the key's last character, number)
            number = hit[1]
            key = keys[number]
            # the key's first letter, in ``lower``: ``norm`` has one more character in front
            at = hit[0] + 1 - lens[number]
            lst = positions.get(key)
            if lst is None:
                positions[key] = [at]
            else:
                lst.append(at)
        return TextIndex(self, positions, lower, text)


def lower_text(text: str) -> str:
    """``text`` lower-cased with offsets kept (characters whose lower case is longer stay)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
