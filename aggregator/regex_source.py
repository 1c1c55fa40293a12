"""Tag stage, compile time: reading regular-expression *sources* (not running them).

Pure string work on the vocabulary's pattern sources, done once when the vocabulary is loaded:
the built-in ``{num}`` macro (:data:`NUM`) and :func:`parse_number`, which reads what it
matched; lower-casing a source's literals (:func:`_lower_source`); walking its groups and
top-level alternatives (:func:`_structure`, :func:`_close_paren`, :func:`_split_top`);
distributing a leading group into branches that each start with a literal
(:func:`_distribute`); and the literals every match must start with or contain
(:func:`_literal_prefix`, :func:`_leading_literals`, :func:`_required_literals`,
:func:`_word_start`), read from CPython's own regex parser. :mod:`aggregator.matcher` builds
its fast matchers from these; nothing here imports another module of the package.

Example::

    import re

    from aggregator.regex_source import NUM, parse_number
    from aggregator.regex_source import _distribute, _required_literals, _split_top

    parse_number("one hundred and twenty")              # 120
    re.search(NUM, "n = 1,234 patients").group(0)       # '1,234'
    _split_top(r"a(?:b|c)|d")                           # ['a(?:b|c)', 'd']
    _distribute(r"\\b(?:es)?ketamine")                   # ['\\\\besketamine', '\\\\bketamine']
    _required_literals(r"\\b(?:es)?ketamine\\s+infusion")  # ('ketamine',)
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps
from typing import Any, TypeVar, cast

__all__ = ["NUM", "memo_export", "memo_import", "parse_number"]

_T = TypeVar("_T")

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_UNITS)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
_WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
_SMALL = (f"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
          f"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})")
# "two thousand three hundred and sixty-four", "a hundred and twenty", "one thousand, twenty-two"
# ("a hundred" and "a thousand" with one space: a literal prefix, so that the matcher's index
# does not try every article "a"); each part is written once, the lookbehinds say which may
# follow (the source is inlined into every sample-size rule: its length is their compile time);
# never a word before "thousand" or "million" alone ("Two thousand ..." is not 2)
_HUNDREDS = f"(?:{_SMALL}(?:\\s+hundred)?|a hundred)(?:(?<=hundred)\\s+(?:and\\s+)?{_SMALL})?"
_WORDS = (f"(?:{_HUNDREDS}|a thousand)(?:(?<!thousand)\\s+thousand)?"
          f"(?:(?<=thousand),?\\s+(?:and\\s+)?{_HUNDREDS})?"
          f"(?!(?:-\\w+)?[\\s-]+(?:thousand|million|billion)\\b)")
#: built-in macro {num}: "1,234", "1 234" (not before a unit: "R-107 120 mg" is a dose), "2'148"
#: (Swiss), "1.876 patients" (a dot only before people: "1.876 mg" is a dose), "67",
#: "sixty-seven", "one hundred and twenty"; not the digits after a decimal point or a thousands
#: separator ("0.5", "2,460", "2'148": tried there, the size rules' long tails cost ~2 us a
#: time), nor a bound ("fewer than 100 patients in total", "more than 1,000 patients": no exact
#: count), nor the number of a name ("interleukin-6", "COVID-19", "PHQ-9")
NUM = (r"(?<![.,])(?<!\d['\u2019])(?<![A-Za-z]-)(?<!than )(?<!over )(?<!under )(?<!up to )"
       r"(?<!at least )(?<!at most )(?<!approximately )(?<!about )(?<!around )(?<!nearly )"
       r"(?<!almost )(?<!roughly )"
       rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)"
       rf"|\d{{1,3}}(?:['\u2019]\d{{3}})+(?!\d)"
       rf"|\d{{1,3}}(?:\u00a0|\u2009| )\d{{3}}(?!\d)(?!\s?(?:mg|g|kg|ml|mcg|ug|\u00b5g|\u03bcg|%)\b)"
       rf"|\d{{1,3}}(?:\.\d{{3}})+(?!\d)(?=\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants"
       rf"|subjects|individuals|people|persons|adults|children|women|men|cases|respondents)\b)"
       rf"|\d+(?![.,'\u2019]?\d)|{_WORDS})")


def parse_number(text: str) -> int | None:
    """The integer written in ``text`` (digits with thousands separators, or English words)."""
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
        t = t.replace(".", "")  # "1.876 patients": NUM takes a dot only as a thousands separator
    digits = re.sub(r"[,\u00a0\u2009 '\u2019]", "", t)
    if digits.isdigit():
        return int(digits)
    total, current = 0, 0
    for word in re.split(r"[\s,-]+", t):
        if word == "and" or not word:
            continue
        if word == "a":
            current += 1  # "a hundred and twenty"
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word == "hundred":
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


# Loading the vocabulary checks ~1,900 pattern sources and analyses ~700, many of them tens of
# thousands of characters once macros are expanded, with CPython's pure-Python regex parser
# (~8 s). A matcher group's source is parsed for its word start, prefixes and gate in turn:
# the last parse tree is kept (read, never changed; keeping more made a load slower, measured:
# the garbage collector walks them). Each source's check and analyses are memoised for the
# process (:func:`_memoised`), and can be saved and restored (:func:`memo_export`,
# :func:`memo_import`: :mod:`aggregator.vocab_cache` keeps them between runs), and each
# group's compiled pattern is memoised for the process: loading an edited vocabulary redoes
# only what changed (~3 s; again in the same process, as the vocabulary fuzz test does, ~0.6 s).
_MEMO = 8192
#: memoised results: function name -> canonical arguments -> result
_MEMOS: dict[str, dict[tuple[Any, ...], Any]] = {}
#: results read back by :func:`memo_import`, moved to ``_MEMOS`` when asked for: what
#: :func:`memo_export` saves is what was used, so patterns deleted from the vocabulary drop out
_SAVED: dict[str, dict[tuple[Any, ...], Any]] = {}
#: for :func:`memo_import`: each function's parameter count and how a result read from JSON
#: becomes one (``_BAD`` when the JSON value has the wrong type)
_DECODE: dict[str, tuple[int, Callable[[Any], Any]]] = {}


def _memoised(decode: Callable[[Any], Any]) -> Callable[[Callable[..., _T]], Callable[..., _T]]:
    """Memoise a function of strings, ints and bools for the process, keyed by its arguments
    with defaults filled in; ``decode`` turns a result as JSON gives it back into one."""

    def wrap(fn: Callable[..., _T]) -> Callable[..., _T]:
        sig = inspect.signature(fn)
        table: dict[tuple[Any, ...], Any] = {}
        saved: dict[tuple[Any, ...], Any] = {}
        _MEMOS[fn.__name__], _SAVED[fn.__name__] = table, saved
        _DECODE[fn.__name__] = (len(sig.parameters), decode)

        @wraps(fn)
        def memo(*args: Any, **kwargs: Any) -> _T:
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            key = tuple(bound.arguments.values())
            try:
                return cast(_T, table[key])
            except KeyError:
                pass
            if len(table) >= _MEMO:
                table.clear()  # bounded: a process that loads many vocabularies
            out = table[key] = saved.pop(key) if key in saved else fn(*args, **kwargs)
            return out

        return memo

    return wrap


#: what a decoder returns for a JSON value of the wrong type
_BAD = object()


def _decode_literals(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    return _BAD


def _decode_required(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return _BAD


def _decode_bool(value: Any) -> Any:
    return value if isinstance(value, bool) else _BAD


def _decode_error(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else _BAD


def memo_export() -> dict[str, list[list[Any]]]:
    """The memoised checks and analyses as JSON-ready data (see :func:`memo_import`)."""
    out: dict[str, list[list[Any]]] = {}
    for name, table in _MEMOS.items():
        rows = []
        for key, value in table.items():
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, tuple):
                value = list(value)
            rows.append([list(key), value])
        out[name] = rows
    return out


def memo_import(data: Any) -> int:
    """Keep what :func:`memo_export` gave (read back from JSON) for the memos to use; entries
    of the wrong shape are skipped. Returns how many were kept."""
    added = 0
    if not isinstance(data, dict):
        return 0
    for name, rows in data.items():
        table, spec = _SAVED.get(name), _DECODE.get(name)
        if table is None or spec is None or not isinstance(rows, list):
            continue
        arity, decode = spec
        for row in rows:
            if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], list)
                    and len(row[0]) == arity and isinstance(row[0][0], str)
                    and all(isinstance(a, (str, int, bool)) for a in row[0])):
                continue
            value = decode(row[1])
            if value is _BAD:
                continue
            table[tuple(row[0])] = value
            added += 1
    return added


@lru_cache(maxsize=1)
def _parse(src: str, flags: int = 0) -> Any:
    """CPython's parse tree of ``src`` (raises ``re.error`` and the like)."""
    return _sre()[1].parse(src, flags)


@lru_cache(maxsize=_MEMO)
def compiled(src: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(src, flags)``, memoised for the process (``re``'s own cache holds 512)."""
    return re.compile(src, flags)


@_memoised(_decode_error)
def pattern_error(src: str, flags: int = 0) -> str | None:
    """Why ``src`` does not compile (``re.error``'s message), or None when it does."""
    try:
        re.compile(src, flags)
    except re.error as exc:
        return str(exc)
    return None


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


@_memoised(_decode_literals)
def _leading_literals(src: str, longest: int = 6, most: int = 4000) -> frozenset[str]:
    """Literal prefixes (up to ``longest`` characters of the lower-cased text with every
    character other than an ASCII letter or digit written as a space, as in
    :meth:`Scanner.index`), one of which starts every match of ``src`` at a letter or digit;
    empty when some match may start otherwise (a class such as ``\\w``, punctuation, an
    empty match). Zero-width assertions are skipped: the prefixes are a superset."""
    c, _ = _sre()

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
                lo, hi, item = av
                once = walk(list(item), opened)
                if once is None:
                    return None
                # after at most one repetition ("c?", "(?:a)?") the prefix goes on; after
                # more, where the item ends is unknown: the prefix stops there
                got = once if hi == 1 else {(p, False) for p, _ in once}
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
        parsed = _parse(src)
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
        import sre_constants as c
        import sre_parse
    return c, sre_parse


@_memoised(_decode_required)
def _required_literals(src: str, flags: int = 0, skip_lead: bool = False,
                       most: int = 8) -> tuple[str, ...] | None:
    """Case-sensitive literals one of which every match of ``src`` contains verbatim (a
    necessary condition that costs a substring test), or None when there is nothing cheap.

    Per top-level alternative, the best of its literal runs and of its inner alternations
    whose every branch has one (at most ``most`` strings); longer strings are rarer, so
    better. ``skip_lead``: ignore what a match starts with (the word index has already
    found it)."""
    c, _ = _sre()
    try:
        parsed = _parse(src, flags)
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


def _minimal(strings: tuple[str, ...]) -> tuple[str, ...]:
    """``strings`` without those containing another (which then occurs too), order kept."""
    uniq = tuple(dict.fromkeys(strings))
    return tuple(a for a in uniq if not any(b != a and b in a for b in uniq))


@_memoised(_decode_bool)
def _word_start(src: str) -> bool:
    """Whether every match of ``src`` starts at a ``\\b`` (the first thing every alternative
    does is assert a word boundary)."""
    c, _ = _sre()
    try:
        items = list(_parse(src))
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
