"""Tag stage, run time: what the fast matcher knows about one text.

:class:`TextIndex` records where the vocabulary's literal word prefixes start words of a
lower-cased text (built by :meth:`aggregator.matcher.Scanner.index`, one Aho-Corasick pass) and
answers which word starts a pattern group need be tried at; :class:`_Gate` tests that one of a
group's required literals occurs at all. Both are used by :mod:`aggregator.matcher`.

Example::

    index = scanner.index(lower_text(text), text)
    "keta" in index                 # True when a word of the text starts with "keta"
    index.candidates(group)         # sorted offsets where the group's prefixes start words
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from .matcher import Scanner, _Group

__all__ = ["TextIndex"]


class _Gate:
    """A test that one of some literals occurs in a text (see :func:`_required_literals`);
    equal literal sets share one instance, so their result is memoised once per text."""

    __slots__ = ("literals",)
    _interned: ClassVar[dict[tuple[str, ...], _Gate]] = {}

    def __init__(self, literals: tuple[str, ...] = ()) -> None:  # (): unpickling, as _Group
        # substring tests, one after the other: 3x faster than one regex pass for the
        # alternation of them, even for 20 literals (re tries each at every position)
        self.literals = literals

    @classmethod
    def of(cls, literals: tuple[str, ...] | None) -> _Gate | None:
        if not literals:
            return None
        gate = cls._interned.get(literals)
        if gate is None:
            gate = cls._interned[literals] = cls(literals)
        return gate

    def test(self, subject: str) -> bool:
        for lit in self.literals:  # a loop: a generator in any() costs more than the tests
            if lit in subject:
                return True
        return False



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
        """Sorted word starts where one of ``group``'s prefixes starts a word (or, for a
        ``find`` group, where one occurs); none when the group's gate fails (tested when it
        can spare a substring search or several regex calls)."""
        got = self._memo.get(group.gid)  # shared by the groups with the same prefixes
        if got is None:
            if group.find:
                # finding substrings costs more than the gate's few tests: gate first
                if group.gate is not None and not self._gate_ok(group):
                    return []
                found: set[int] = set()
                low = self.lower
                for sub in group.starts:
                    i = low.find(sub)
                    while i >= 0:
                        found.add(i)
                        i = low.find(sub, i + 1)
                got = sorted(found)
            else:
                present = group.starts & self.keys
                if not present:
                    got = []
                elif len(present) == 1:
                    got = self.positions[next(iter(present))]
                else:
                    pos = self.positions
                    got = sorted(set().union(*[pos[k] for k in present]))
            self._memo[group.gid] = got
        # the gate is tested only when it saves several regex calls
        if group.gate is None or len(got) < 3 or self._gate_ok(group):
            return got
        return []

    def _gate_ok(self, group: _Group) -> bool:
        """Whether ``group``'s gate lets a match be in the text (memoised per gate: groups
        share them)."""
        gate = group.gate
        assert gate is not None
        subject = self.lower if not group.cased else self.text
        if subject is None:
            return True
        key = id(gate) if not group.cased else -id(gate)
        ok = self._gates.get(key)
        if ok is None:
            ok = self._gates[key] = gate.test(subject)
        return ok
