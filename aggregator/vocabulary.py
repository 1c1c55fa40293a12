"""Load and validate the tagging vocabulary (``queries/vocabulary.toml``) into compiled rules.

The vocabulary is data: MeSH descriptors, title/abstract patterns, exclusions, design rules,
population and age cues and sample-size phrases, one place per topic. A researcher extends it
without touching code; a bad entry raises :class:`~aggregator.errors.VocabularyError` naming the
file, the line and the field (``conditions.trd.strong[2]``). All regexes are compiled once here,
so :func:`aggregator.tag.tag_record` only runs them.

Example::

    vocab = load_vocabulary(Path("queries"))
    tags = tag_record(record, vocab)
    print(vocab.version)   # short hash of the file: stored with the tags
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from .errors import VocabularyError
from .queries import TomlSource, definition_file

__all__ = [
    "AGE_GROUPS",
    "CONDITIONS",
    "DESIGNS",
    "POPULATIONS",
    "ROUTES",
    "DesignRule",
    "LabelRule",
    "Matcher",
    "Scanner",
    "SizeRule",
    "TextIndex",
    "Vocabulary",
    "load_vocabulary",
]

VOCABULARY_FILE = "vocabulary.toml"

#: Word prefixes indexed besides the patterns' own: the trial registries' accession prefixes,
#: so that :mod:`aggregator.tag` skips its registration scans when none starts a word.
INDEX_WORDS = ("nct", "isrctn", "actrn", "chictr", "drks", "ctri", "irct")

#: DESIGN.md's label ids: the contract of the table and the CSV.
CONDITIONS = frozenset({"depression", "trd", "bipolar", "suicidality", "anxiety", "ptsd", "ocd",
                        "chronic_pain", "acute_pain", "substance_use", "anesthesia"})
ROUTES = frozenset({"iv", "im", "intranasal", "oral", "sublingual", "subcutaneous", "neuraxial",
                    "rectal", "inhaled", "topical"})
DESIGNS = ("meta_analysis", "systematic_review", "rct", "nonrandomized_trial", "observational",
           "case_report", "review", "preclinical", "protocol", "guideline", "other")
POPULATIONS = ("human", "animal", "in_vitro")
AGE_GROUPS = ("child", "adult", "older_adult")
SECTION_KINDS = ("title", "keywords", "objective", "conclusion", "methods", "results", "body",
                 "background", "limitations")
SCOPES = ("title", "lead", "text")

_UNITS = ("one two three four five six seven eight nine").split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_UNITS)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
_WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
_SMALL = (f"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
          f"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})")
_WORDS = f"(?:{_SMALL}(?:\\s+hundred(?:\\s+(?:and\\s+)?{_SMALL})?)?)"
#: built-in macro {num}: "1,234", "1 234", "67", "sixty-seven", "one hundred and twenty"
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:\u00a0|\u2009| )\d{{3}}(?!\d)|\d+(?![.,]?\d)|{_WORDS})"


def parse_number(text: str) -> int | None:
    """The integer written in ``text`` (digits with thousands separators, or English words)."""
    t = text.strip().lower()
    digits = re.sub(r"[,\u00a0\u2009 ]", "", t)
    if digits.isdigit():
        return int(digits)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word == "and" or not word:
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        else:
            return None
    return total + current or None


def _lower_source(src: str) -> str:
    """Lower-case the literal characters of a regex source, leaving escapes (\\W, \\S, \\B,
    \\D...) and group syntax ((?P<name>...)) alone."""
    out: list[str] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\" and i + 1 < len(src):
            out.append(src[i:i + 2])
            i += 2
            continue
        if src.startswith("(?P", i):
            out.append("(?P")
            i += 3
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


def _cased_inner(src: str) -> str | None:
    """The body of a pattern that is wholly ``(?-i:...)``, else None."""
    if not src.startswith("(?-i:") or _close_paren(src, 0) != len(src) - 1:
        return None
    inner = src[5:-1]
    return None if "(?-i:" in inner or "(?i" in inner else inner


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _structure(src: str, i: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` of the grouping characters ``(``, ``)`` and ``|`` of the regex
    ``src`` from ``i`` on, skipping escapes and character classes; ``depth`` is the nesting
    after the character (one less after a ``)``)."""
    depth, in_class = 0, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth
        i += 1


def _close_paren(src: str, i: int) -> int:
    """Index of the ``)`` closing the ``(`` at ``src[i]``, or -1."""
    return next((j for j, c, depth in _structure(src, i) if c == ")" and depth == 0), -1)


def _split_top(src: str) -> list[str]:
    """``src`` cut at its top-level ``|``."""
    cuts = [j for j, c, depth in _structure(src) if c == "|" and depth == 0]
    return [src[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(src)])]


def _distribute(src: str, limit: int = 48) -> list[str]:
    """Alternatives that each start with a literal where possible: ``\\b(?:a|b)?c`` becomes
    ``\\bac``, ``\\bbc``, ``\\bc``. CPython's ``re`` skips quickly to candidate positions only
    when every branch of an alternation starts with a literal character."""
    if "(?P" in src:  # named groups must stay unique
        return [src]
    lead, body = ("\\b", src[2:]) if src.startswith("\\b") else ("", src)
    if not body.startswith("(?:"):
        return [src]
    close = _close_paren(body, 0)
    if close < 0:
        return [src]
    inner, rest = body[3:close], body[close + 1:]
    optional = False
    if rest[:1] in ("*", "+", "{"):
        return [src]
    if rest[:1] == "?":
        optional, rest = True, rest[1:].removeprefix("?")
    out: list[str] = []
    for part in _split_top(inner):
        out.extend(_distribute(lead + part + rest, limit))
    if optional:
        out.extend(_distribute(lead + rest, limit))
    return out if len(out) <= limit else [src]


_LITERAL_RUN = re.compile(r"[a-z0-9]+")


def _literal_prefix(alt: str) -> str:
    """The leading run of plain letters/digits of a pattern (not made optional by a
    quantifier), lower-cased; "" when the pattern does not start with one."""
    m = _LITERAL_RUN.match(alt.lower())
    if not m:
        return ""
    run = m.group(0)
    after = alt[m.end():m.end() + 1]
    if after in ("?", "*", "{"):
        run = run[:-1]
    return run


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

    def __init__(self, alts: list[str], keys: tuple[str, ...], flags: int, cased: bool,
                 boundary: bool) -> None:
        self.alts, self.keys, self.flags = tuple(alts), keys, flags
        self.cased, self.boundary = cased, boundary
        self.full = re.compile("|".join(alts), flags)
        self.cache: dict[tuple[int, ...], re.Pattern[str]] = {}
        #: set by :class:`Scanner`: this group is matched at the word starts it indexes
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

    def regex(self, index: frozenset[str] | None) -> re.Pattern[str] | None:
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

    def __init__(self, sources: list[str]) -> None:
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
        for (cased, mixed, boundary, _fast), alts in buckets.items():
            flags = re.IGNORECASE if mixed else 0
            keyed = [(a, p[:4]) for a, p in alts if len(p) >= 2]
            always = [a for a, p in alts if len(p) < 2]
            if always:
                groups.append(_Group(always, (), flags, cased, boundary))
            if keyed:
                groups.append(_Group([a for a, _ in keyed], tuple(k for _, k in keyed), flags,
                                     cased, boundary))
        self._groups = tuple(groups)

    def finditer(self, text: str, lower: str, start: int = 0, end: int | None = None,
                 index: frozenset[str] | None = None) -> list[re.Match[str]]:
        """Matches in ``text[start:end]`` (``lower`` is ``text`` lower-cased, same length),
        sorted by position. Match offsets index both strings. ``index``: the text's
        :func:`word_prefixes`, to skip alternatives whose first word does not occur."""
        end = len(text) if end is None else end
        if self.owner is not None and isinstance(index, TextIndex) \
                and index.owner is self.owner and self.word_starts.isdisjoint(index.keys):
            return []
        found: list[re.Match[str]] = []
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
               index: frozenset[str] | None = None) -> re.Match[str] | None:
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


def _leading_literals(src: str, longest: int = 6, most: int = 4000) -> frozenset[str]:
    """Literal prefixes (up to ``longest`` characters of the lower-cased text with every
    character other than an ASCII letter or digit written as a space, as in
    :meth:`Scanner.index`), one of which starts every match of ``src`` at a letter or digit;
    empty when some match may start otherwise (a class such as ``\\w``, punctuation, an
    empty match). Zero-width assertions are skipped: the prefixes are a superset."""
    c, sre_parse = _sre()

    def norm(code: int) -> str:
        ch = chr(code).lower()
        return ch if len(ch) == 1 and ch.isascii() and ch.isalnum() else " "

    def chars(op: Any, av: Any) -> set[str] | None:
        if op is c.LITERAL:
            return {norm(av)}
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(norm(iav))
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    out.update("0123456789")
                elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                    out.add(" ")
                else:
                    return None
            return out
        return None

    # states: (prefix, open); a closed prefix is final
    def walk(items: list[Any], states: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
        for op, av in items:
            opened = {st for st in states if st[1]}
            if not opened:
                return states
            if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
                continue
            got: set[tuple[str, bool]] | None
            if op is c.SUBPATTERN:
                got = walk(list(av[-1]), opened)
            elif op is c.BRANCH:
                got = set()
                for branch in av[1]:
                    sub = walk(list(branch), opened)
                    if sub is None:
                        return None
                    got |= sub
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                lo, _hi, item = av
                once = walk(list(item), opened)
                if once is None:
                    return None
                got = {(p, False) for p, _ in once}
                if lo == 0:
                    got |= opened
            else:
                cs = chars(op, av)
                if cs is None:
                    got = {(p, False) for p, _ in opened}
                else:
                    got = {(p + ch, len(p) + 1 < longest) for p, _ in opened for ch in cs}
            if got is None or len(got) > most:
                return None
            states = (states - opened) | got
        return states

    try:
        parsed = sre_parse.parse(src)
    except Exception:  # noqa: BLE001 - anything unusual: no prefixes, scan as before
        return frozenset()
    states = walk(list(parsed), {("", True)})
    if not states or any(not p or p[0] == " " for p, _ in states):
        return frozenset()
    return frozenset(p for p, _ in states)


def _sre() -> tuple[Any, Any]:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    return c, sre_parse


def _required_literals(src: str, flags: int = 0, skip_lead: bool = False,
                       most: int = 8) -> tuple[str, ...] | None:
    """Case-sensitive literals one of which every match of ``src`` contains verbatim (a
    necessary condition that costs a substring test), or None when there is nothing cheap.

    Per top-level alternative, the best of its literal runs and of its inner alternations
    whose every branch has one (at most ``most`` strings); longer strings are rarer, so
    better. ``skip_lead``: ignore what a match starts with (the word index has already
    found it)."""
    c, sre_parse = _sre()
    try:
        parsed = sre_parse.parse(src, flags)
    except Exception:  # noqa: BLE001
        return None

    def best(items: list[Any], icase: bool, skip: bool) -> tuple[str, ...] | None:
        options: list[tuple[str, ...]] = []
        cur: list[str] = []
        lead = [skip]

        def flush() -> None:
            if cur and not lead[0]:
                options.append(("".join(cur),))
            if cur:
                lead[0] = False
            cur.clear()

        def seq(items: list[Any], icase: bool) -> None:
            for op, av in items:
                if op is c.LITERAL and not icase:
                    cur.append(chr(av))
                    continue
                if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                    continue  # zero-width: the characters either side are adjacent
                if op is c.SUBPATTERN:  # contiguous with its neighbours
                    _, add, delete, sub = av
                    seq(list(sub), (icase or bool(add & re.IGNORECASE))
                        and not delete & re.IGNORECASE)
                    continue
                flush()
                if op is c.BRANCH and not lead[0]:
                    subs = [best(list(b), icase, False) for b in av[1]]
                    if all(subs):
                        options.append(tuple(x for sub in subs for x in sub))  # type: ignore[union-attr]
                lead[0] = False

        seq(items, icase)
        flush()
        good = [_minimal(o) for o in options]
        good = [o for o in good if len(o) <= most]
        if not good:
            return None
        return max(good, key=lambda o: (min(map(len, o)), -len(o)))

    items = list(parsed)
    icase = bool(parsed.state.flags & re.IGNORECASE)
    if len(items) == 1 and items[0][0] is c.BRANCH:
        out: list[str] = []
        for branch in items[0][1][1]:
            got = best(list(branch), icase, skip_lead)
            if got is None:
                return None
            out.extend(got)
        union = _minimal(tuple(out))
        return union if len(union) <= most else None
    return best(items, icase, skip_lead)


class _Gate:
    """A test that one of some literals occurs in a text (see :func:`_required_literals`);
    equal literal sets share one instance, so their result is memoised once per text."""

    __slots__ = ("literals", "rx")
    _interned: ClassVar[dict[tuple[str, ...], _Gate]] = {}

    def __init__(self, literals: tuple[str, ...]) -> None:
        self.literals = literals
        # a few substring tests are fastest; more, one regex pass (stops at the first hit)
        self.rx = re.compile("|".join(map(re.escape, literals))) if len(literals) > 3 else None

    @classmethod
    def of(cls, literals: tuple[str, ...] | None) -> _Gate | None:
        if not literals:
            return None
        gate = cls._interned.get(literals)
        if gate is None:
            gate = cls._interned[literals] = cls(literals)
        return gate

    def test(self, subject: str) -> bool:
        if self.rx is not None:
            return self.rx.search(subject) is not None
        return any(lit in subject for lit in self.literals)


def _minimal(strings: tuple[str, ...]) -> tuple[str, ...]:
    """``strings`` without those containing another (which then occurs too), order kept."""
    uniq = tuple(dict.fromkeys(strings))
    return tuple(a for a in uniq if not any(b != a and b in a for b in uniq))


def _word_start(src: str) -> bool:
    """Whether every match of ``src`` starts at a ``\\b`` (the first thing every alternative
    does is assert a word boundary)."""
    c, sre_parse = _sre()
    try:
        items = list(sre_parse.parse(src))
    except Exception:  # noqa: BLE001
        return False

    def first(items: list[Any]) -> bool:
        if not items:
            return False
        op, av = items[0]
        if op is c.AT:
            return av is c.AT_BOUNDARY
        if op is c.SUBPATTERN:
            return first(list(av[-1]))
        if op is c.BRANCH:
            return all(first(list(b)) for b in av[1])
        return False

    return first(items)


# ASCII letters and digits kept, everything else a space: word starts are " " + letter
_NORM = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


class TextIndex:
    """Where the vocabulary's literal word prefixes start words in one lower-cased text
    (see :class:`Scanner`). ``key in index`` is True when a word of the text starts with the
    key, as for :func:`word_prefixes`."""

    __slots__ = ("_gates", "_memo", "keys", "lower", "owner", "positions", "text")

    def __init__(self, owner: Scanner, positions: dict[str, list[int]], lower: str = "",
                 text: str | None = None) -> None:
        self.owner, self.positions, self.lower, self.text = owner, positions, lower, text
        self.keys = set(positions)
        self._memo: dict[int, list[int]] = {}
        self._gates: dict[int, bool] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.positions

    def candidates(self, group: _Group) -> list[int]:
        """Sorted word starts where one of ``group``'s prefixes starts a word."""
        got = self._memo.get(group.gid)
        if got is None and group.find:
            found: set[int] = set()
            low = self.lower
            for sub in group.starts:
                i = low.find(sub)
                while i >= 0:
                    found.add(i)
                    i = low.find(sub, i + 1)
            got = self._memo[group.gid] = self._gated(group, sorted(found))
        elif got is None:
            present = group.starts & self.keys
            if not present:
                got = []
            elif len(present) == 1:
                got = self.positions[next(iter(present))]
            else:
                pos = self.positions
                got = sorted({p for k in present for p in pos[k]})
            got = self._memo[group.gid] = self._gated(group, got)
        return got

    def _gated(self, group: _Group, cands: list[int]) -> list[int]:
        """``cands``, or none when the group's gate says no match can be there (tested only
        when it saves several regex calls; memoised per gate: groups share them)."""
        gate = group.gate
        if gate is None or len(cands) < 3:
            return cands
        subject = self.lower if not group.cased else self.text
        if subject is None:
            return cands
        key = id(gate) if not group.cased else -id(gate)
        ok = self._gates.get(key)
        if ok is None:
            ok = self._gates[key] = gate.test(subject)
        return cands if ok else []


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

    def __init__(self, matchers: list[Matcher], words: tuple[str, ...] = ()) -> None:
        import ahocorasick  # C automaton: one pass for all ~400 prefixes

        #: ``words``: extra word prefixes to index (the tagger asks about trial registries)
        keys: set[str] = set(words)
        gid = 0
        for matcher in matchers:
            indexed, word_starts = True, frozenset[str]()
            for group in matcher._groups:
                keys.update(group.keys)
                starts, find = _group_starts(group)
                if starts:
                    group.gid, group.owner, group.starts, group.find = gid, self, starts, find
                    # mixed case: the indexed prefix is lower-cased, the literal is not
                    # (only a few literals: a gate that almost always passes costs more than
                    # the regex calls it might save)
                    group.gate = _Gate.of(_required_literals(
                        "|".join(group.alts), group.flags,
                        skip_lead=not group.flags & re.IGNORECASE, most=3))
                    if not find:
                        keys.update(starts)
                        word_starts |= starts
                    gid += 1
                if find or not starts:
                    indexed = False
            if indexed:
                matcher.owner, matcher.word_starts = self, word_starts
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            self._automaton.add_word(" " + key, (len(key), key))
        self._automaton.make_automaton()

    def index(self, lower: str, text: str | None = None) -> TextIndex:
        """The :class:`TextIndex` of ``lower`` (``text`` lower-cased, offsets kept)."""
        # one character per code point ("?" for non-ASCII): offsets stay those of ``lower``
        norm = (" " + lower).encode("ascii", "replace").translate(_NORM).decode("ascii")
        positions: dict[str, list[int]] = {}
        get = positions.get
        for last, (n, key) in self._automaton.iter(norm):
            lst = get(key)
            if lst is None:
                positions[key] = [last - n]
            else:
                lst.append(last - n)
        return TextIndex(self, positions, lower, text)


def lower_text(text: str) -> str:
    """``text`` lower-cased with offsets kept (characters whose lower case is longer stay)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True)
class LabelRule:
    """How one label (a condition, route or age group) is recognised."""

    label: str
    title: str
    mesh_uis: frozenset[str] = frozenset()
    mesh_names: frozenset[str] = frozenset()
    patterns: Matcher | None = None
    strong: Matcher | None = None
    exclude: Matcher | None = None
    fallback: Matcher | None = None
    implies: tuple[str, ...] = ()
    min_score: float = 2.0
    strong_weight: float = 2.0


@dataclass(frozen=True)
class DesignRule:
    design: str
    scope: str
    patterns: Matcher
    exclude: Matcher | None = None
    population: tuple[str, ...] = ()


@dataclass(frozen=True)
class SizeRule:
    pattern: Matcher
    designs: tuple[str, ...] = ()
    not_designs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary. ``version`` is a short hash of the file's content."""

    version: str
    source: Path
    conditions: tuple[LabelRule, ...]
    routes: tuple[LabelRule, ...]
    age_groups: tuple[LabelRule, ...]
    weights: dict[str, float]
    mesh_weight: float
    section_keywords: tuple[tuple[str, str], ...]
    section_heading: re.Pattern[str]
    objective_cues: Matcher | None
    excluded_cues: Matcher | None
    design_order: tuple[str, ...]
    design_default: str
    design_with_sample_size: str | None
    publication_types: dict[str, str]
    design_rules: tuple[DesignRule, ...]
    population_default: str
    population_rules: tuple[tuple[str, Matcher, float], ...]
    size_rules: tuple[SizeRule, ...]
    ketamine_model: Matcher | None = None
    ketamine_tool: Matcher | None = None
    macros: dict[str, str] = field(default_factory=dict)
    scanner: Scanner | None = field(default=None, compare=False, repr=False)

    def matchers(self) -> list[Matcher]:
        """Every compiled pattern list of the vocabulary."""
        out: list[Matcher | None] = []
        for rules in (self.conditions, self.routes, self.age_groups):
            for r in rules:
                out += [r.patterns, r.strong, r.exclude, r.fallback]
        for d in self.design_rules:
            out += [d.patterns, d.exclude]
        out += [m for _, m, _ in self.population_rules]
        out += [r.pattern for r in self.size_rules]
        out += [self.objective_cues, self.excluded_cues, self.ketamine_model, self.ketamine_tool]
        return [m for m in out if m is not None]


_LABEL_KEYS: dict[str, type] = {"title": str, "mesh": list, "patterns": list, "strong": list,
                                "exclude": list, "fallback": list, "implies": list,
                                "min_score": float, "strong_weight": float}
_TOP = {"macros", "ketamine", "scoring", "weights", "sections", "conditions", "routes", "design",
        "population", "age_groups", "sample_size"}


class _Loader:
    def __init__(self, src: TomlSource) -> None:
        self.src = src
        self.macros: dict[str, str] = {"num": NUM}

    # -- helpers ----------------------------------------------------------------------------
    def fail(self, message: str, section: str, key: str = "", index: int = 0,
             field: str | None = None, value: str | None = None) -> VocabularyError:
        line = self.src.line(section, index, key)
        if value is not None and line is not None:
            line = self._value_line(line, value) or line
        return VocabularyError(message, path=self.src.path, line=line,
                               field=field or (f"{section}.{key}" if key else section))

    def _value_line(self, start: int, value: str) -> int | None:
        probe = value[:40]
        lines = self.src.text.splitlines()
        for no in range(start - 1, min(len(lines), start + 200)):
            if probe in lines[no]:
                return no + 1
        return None

    def table(self, data: Any, section: str, allowed: dict[str, type] | None,
              index: int = 0, where: str | None = None) -> dict[str, Any]:
        where = where or section
        if not isinstance(data, dict):
            raise self.fail(f"expected a table, got {type(data).__name__}", section, index=index,
                            field=where)
        if allowed is not None:
            for key, value in data.items():
                if key not in allowed:
                    raise self.fail(f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})",
                                    section, key, index, field=f"{where}.{key}")
                kind = allowed[key]
                ok = isinstance(value, kind) and not isinstance(value, bool)
                if kind is float:
                    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
                if not ok:
                    raise self.fail(f"expected {kind.__name__}, got {type(value).__name__}",
                                    section, key, index, field=f"{where}.{key}")
        return data

    def expand(self, pattern: str, section: str, key: str, index: int, where: str) -> str:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in self.macros:
                raise self.fail(f"unknown macro {{{name}}} (known: "
                                f"{', '.join(sorted(self.macros))})", section, key, index,
                                field=where, value=pattern)
            return self.macros[name]

        return re.sub(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", sub, pattern)

    def regex(self, patterns: Any, section: str, key: str, index: int = 0,
              where: str | None = None, flags: int = re.IGNORECASE) -> Matcher | None:
        """Check each pattern alone (to name the bad one), then compile the alternation."""
        where = where or f"{section}.{key}"
        if isinstance(patterns, str):
            patterns = [patterns]
            single = True
        else:
            single = False
        if not isinstance(patterns, list):
            raise self.fail("expected a list of patterns", section, key, index, field=where)
        parts = []
        for i, pat in enumerate(patterns):
            here = where if single else f"{where}[{i}]"
            if not isinstance(pat, str) or not pat.strip():
                raise self.fail("expected a non-empty pattern string", section, key, index,
                                field=here)
            expanded = self.expand(pat, section, key, index, here)
            try:
                re.compile(expanded, flags)
            except re.error as exc:
                raise self.fail(f"bad regular expression {pat!r}: {exc}", section, key, index,
                                field=here, value=pat) from None
            parts.append(expanded)
        if not parts:
            return None
        return Matcher(parts)

    def labels(self, data: Any, topic: str, known: frozenset[str] | tuple[str, ...],
               min_score: float, strong_weight: float) -> tuple[LabelRule, ...]:
        self.table(data, topic, None)
        rules = []
        for label, body in data.items():
            section = f"{topic}.{label}"
            if label not in known:
                raise self.fail(f"unknown {topic} label {label!r} (known: "
                                f"{', '.join(sorted(known))})", section, field=section)
            self.table(body, section, _LABEL_KEYS)
            uis: set[str] = set()
            names: set[str] = set()
            for i, m in enumerate(body.get("mesh", [])):
                where = f"{section}.mesh[{i}]"
                if not isinstance(m, dict) or not set(m) <= {"ui", "name"} or not m:
                    raise self.fail("expected { ui = \"D000000\", name = \"...\" }", section,
                                    "mesh", field=where)
                ui = m.get("ui")
                if ui is not None and (not isinstance(ui, str)
                                       or not re.fullmatch(r"D\d{6}(?:\d{3})?", ui)):
                    raise self.fail(f"bad MeSH UI {ui!r} (expected D + 6 or 9 digits)", section,
                                    "mesh", field=where, value=str(ui))
                name = m.get("name")
                if name is not None and not isinstance(name, str):
                    raise self.fail("MeSH name must be a string", section, "mesh", field=where)
                if ui:
                    uis.add(ui)
                if name:
                    names.add(name.lower())
            implies = body.get("implies", [])
            for i, other in enumerate(implies):
                if other not in known:
                    raise self.fail(f"implies unknown label {other!r}", section, "implies",
                                    field=f"{section}.implies[{i}]")
            patterns = self.regex(body.get("patterns", []), section, "patterns")
            strong = self.regex(body.get("strong", []), section, "strong")
            fallback = self.regex(body.get("fallback", []), section, "fallback")
            if not (patterns or strong or fallback or uis or names):
                raise self.fail("no mesh, patterns, strong or fallback: the label can never "
                                "be tagged", section, field=section)
            rules.append(LabelRule(
                label=label,
                title=body.get("title", label),
                mesh_uis=frozenset(uis),
                mesh_names=frozenset(names),
                patterns=patterns,
                strong=strong,
                exclude=self.regex(body.get("exclude", []), section, "exclude"),
                fallback=fallback,
                implies=tuple(implies),
                min_score=float(body.get("min_score", min_score)),
                strong_weight=float(body.get("strong_weight", strong_weight)),
            ))
        return tuple(rules)


def load_vocabulary(path: Path | str) -> Vocabulary:
    """Load, validate and compile the vocabulary.

    :param path: ``queries/`` (reads ``vocabulary.toml`` in it) or the file itself.
    :raises VocabularyError: naming file, line and field of the first mistake.
    """
    path = definition_file(path, VOCABULARY_FILE, VocabularyError, "vocabulary")
    src = TomlSource(path, VocabularyError)
    ld = _Loader(src)
    data = src.data
    for key in data:
        if key not in _TOP:
            raise ld.fail(f"unknown key {key!r} (allowed: {', '.join(sorted(_TOP))})", key)
    for key in ("conditions", "routes", "design"):
        if key not in data:
            raise ld.fail(f"missing [{key}]", "", field=key)

    macros = ld.table(data.get("macros", {}), "macros", None)
    for name, value in macros.items():
        if not isinstance(value, str):
            raise ld.fail("expected a pattern string", "macros", name)
    for name, value in macros.items():
        ld.macros[name] = ld.expand(value, "macros", name, 0, f"macros.{name}")
        ld.regex([ld.macros[name]], "macros", name, where=f"macros.{name}")

    scoring = ld.table(data.get("scoring", {}), "scoring",
                       {"conditions_min_score": float, "routes_min_score": float,
                        "age_groups_min_score": float, "strong_weight": float})
    strong_weight = float(scoring.get("strong_weight", 2.0))

    weights_in = ld.table(data.get("weights", {}), "weights",
                          {k: float for k in (*SECTION_KINDS, "excluded", "mesh_weight")})
    weights = {k: 1.0 for k in SECTION_KINDS}
    weights.update({"title": 3.0, "background": 0.5, "limitations": 0.0, "excluded": 0.0})
    weights.update({k: float(v) for k, v in weights_in.items()})
    mesh_weight = weights.pop("mesh_weight", 1.5)

    sec_allowed: dict[str, type] = {k: list for k in SECTION_KINDS}
    sec_allowed.update(objective_cues=list, excluded_cues=list)
    sections = ld.table(data.get("sections", {}), "sections", sec_allowed)
    keywords: list[tuple[str, str]] = []
    for kind in SECTION_KINDS:
        for i, word in enumerate(sections.get(kind, [])):
            if not isinstance(word, str) or not word.strip():
                raise ld.fail("expected a heading keyword", "sections", kind,
                              field=f"sections.{kind}[{i}]")
            keywords.append((word.upper(), kind))
    # "BACKGROUND: ", "DESIGN, SETTING, AND PARTICIPANTS: " (the caller checks that a heading
    # starts the abstract or follows a sentence end)
    heading = re.compile(r"([A-Z][A-Z ,&/()'-]{2,60}):\s")

    conditions = ld.labels(data["conditions"], "conditions", CONDITIONS,
                           float(scoring.get("conditions_min_score", 2.0)), strong_weight)
    routes = ld.labels(data["routes"], "routes", ROUTES,
                       float(scoring.get("routes_min_score", 1.5)), strong_weight)
    ages = ld.labels(data.get("age_groups", {}), "age_groups", AGE_GROUPS,
                     float(scoring.get("age_groups_min_score", 1.0)), strong_weight)

    # -- design -------------------------------------------------------------------------------
    design = ld.table(data["design"], "design",
                      {"order": list, "default": str, "publication_types": dict, "rule": list,
                       "with_sample_size": dict})
    order = design.get("order", list(DESIGNS))
    for i, d in enumerate(order):
        if d not in DESIGNS:
            raise ld.fail(f"unknown design {d!r}", "design", "order",
                          field=f"design.order[{i}]", value=f'"{d}"')
    order += [d for d in DESIGNS if d not in order]
    default = design.get("default", "other")
    if default not in DESIGNS:
        raise ld.fail(f"unknown design {default!r}", "design", "default")
    ptypes = ld.table(design.get("publication_types", {}), "design.publication_types", None)
    for name, d in ptypes.items():
        if d not in DESIGNS:
            raise ld.fail(f"unknown design {d!r} (known: {', '.join(DESIGNS)})",
                          "design.publication_types", name,
                          field=f"design.publication_types.{name}")
    rules = []
    for i, rule in enumerate(design.get("rule", [])):
        where = f"design.rule[{i}]"
        ld.table(rule, "design.rule", {"design": str, "scope": str, "patterns": list,
                                       "exclude": list, "population": list}, i, where)
        for req in ("design", "patterns"):
            if req not in rule:
                raise ld.fail(f"missing required key {req!r}", "design.rule", index=i,
                              field=f"{where}.{req}")
        if rule["design"] not in DESIGNS:
            raise ld.fail(f"unknown design {rule['design']!r} (known: {', '.join(DESIGNS)})",
                          "design.rule", "design", i, field=f"{where}.design")
        scope = rule.get("scope", "lead")
        if scope not in SCOPES:
            raise ld.fail(f"unknown scope {scope!r} (known: {', '.join(SCOPES)})",
                          "design.rule", "scope", i, field=f"{where}.scope")
        pops = rule.get("population", [])
        for j, p in enumerate(pops):
            if p not in POPULATIONS:
                raise ld.fail(f"unknown population {p!r}", "design.rule", "population", i,
                              field=f"{where}.population[{j}]")
        pat = ld.regex(rule["patterns"], "design.rule", "patterns", i, f"{where}.patterns")
        if pat is None:
            raise ld.fail("empty patterns", "design.rule", "patterns", i,
                          field=f"{where}.patterns")
        rules.append(DesignRule(
            design=rule["design"], scope=scope, patterns=pat,
            exclude=ld.regex(rule.get("exclude", []), "design.rule", "exclude", i,
                             f"{where}.exclude"),
            population=tuple(pops),
        ))
    wss = design.get("with_sample_size", {})
    ld.table(wss, "design.with_sample_size", {"design": str})
    with_size = wss.get("design")
    if with_size is not None and with_size not in DESIGNS:
        raise ld.fail(f"unknown design {with_size!r}", "design.with_sample_size", "design")

    # -- population ---------------------------------------------------------------------------
    pop = ld.table(data.get("population", {}), "population", None)
    pop_default = pop.get("default", "human")
    if pop_default not in POPULATIONS:
        raise ld.fail(f"unknown population {pop_default!r}", "population", "default")
    pop_rules = []
    for name, body in pop.items():
        if name == "default":
            continue
        section = f"population.{name}"
        if name not in POPULATIONS:
            raise ld.fail(f"unknown population {name!r} (known: {', '.join(POPULATIONS)})",
                          section, field=section)
        ld.table(body, section, {"patterns": list, "title_weight": float})
        pat = ld.regex(body.get("patterns", []), section, "patterns")
        if pat is not None:
            pop_rules.append((name, pat, float(body.get("title_weight", 3.0))))

    # -- sample size --------------------------------------------------------------------------
    size_rules = []
    ss = ld.table(data.get("sample_size", {}), "sample_size", {"rule": list})
    for i, rule in enumerate(ss.get("rule", [])):
        where = f"sample_size.rule[{i}]"
        ld.table(rule, "sample_size.rule", {"pattern": str, "designs": list,
                                            "not_designs": list}, i, where)
        if "pattern" not in rule:
            raise ld.fail("missing required key 'pattern'", "sample_size.rule", index=i,
                          field=f"{where}.pattern")
        for key in ("designs", "not_designs"):
            for j, d in enumerate(rule.get(key, [])):
                if d not in DESIGNS:
                    raise ld.fail(f"unknown design {d!r}", "sample_size.rule", key, i,
                                  field=f"{where}.{key}[{j}]")
        pat = ld.regex(rule["pattern"], "sample_size.rule", "pattern", i, f"{where}.pattern")
        assert pat is not None
        if "n" not in pat.groupindex:  # noqa: SIM102
            raise ld.fail("the pattern needs a (?P<n>...) group for the number",
                          "sample_size.rule", "pattern", i, field=f"{where}.pattern")
        size_rules.append(SizeRule(pat, tuple(rule.get("designs", ())),
                                   tuple(rule.get("not_designs", ()))))

    ket = ld.table(data.get("ketamine", {}), "ketamine",
                   {"model": list, "anaesthetic_tool": list})
    vocab = Vocabulary(
        version=src.version,
        source=path,
        conditions=conditions,
        routes=routes,
        age_groups=ages,
        weights=weights,
        mesh_weight=mesh_weight,
        section_keywords=tuple(keywords),
        section_heading=heading,
        objective_cues=ld.regex(sections.get("objective_cues", []), "sections",
                                "objective_cues"),
        excluded_cues=ld.regex(sections.get("excluded_cues", []), "sections", "excluded_cues"),
        design_order=tuple(order),
        design_default=default,
        design_with_sample_size=with_size,
        publication_types={k.lower(): v for k, v in ptypes.items()},
        design_rules=tuple(rules),
        population_default=pop_default,
        population_rules=tuple(pop_rules),
        size_rules=tuple(size_rules),
        ketamine_model=ld.regex(ket.get("model", []), "ketamine", "model"),
        ketamine_tool=ld.regex(ket.get("anaesthetic_tool", []), "ketamine", "anaesthetic_tool"),
        macros=dict(ld.macros),
    )
    object.__setattr__(vocab, "scanner", Scanner(vocab.matchers(), INDEX_WORDS))
    return vocab
