"""Stage 1: load and validate the PubMed query definitions in ``queries/ketamine.toml``.

The file holds one ``[drug]`` table and one ``[[indication]]`` entry per condition id of
DESIGN.md. Each indication's full query is ``(<drug>) AND (<term>)``; the topic query that
``fetch`` runs is ``(<drug>) AND (<term 1> OR <term 2> ...)``. Mistakes are reported as
:class:`~aggregator.errors.QueryDefinitionError` naming the file, line and field.

Example::

    qs = load_queries(Path("queries"))
    for ind in qs.indications:
        print(ind.name, ind.query)
    print(qs.version, qs.topic_term)
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, QueryDefinitionError

__all__ = [
    "FIELD_TAGS",
    "IndicationQuery",
    "QuerySet",
    "TomlSource",
    "check_term",
    "load_queries",
]

QUERY_FILE = "ketamine.toml"

#: PubMed search field tags accepted in a term (lower-case; PubMed itself is case-insensitive).
#: From PubMed's help ("Search Field Descriptions and Tags"); proximity forms such as
#: ``[tiab:~3]`` are accepted separately.
FIELD_TAGS = frozenset(
    {
        "ad", "affiliation", "all", "all fields", "aid", "au", "author", "1au", "lastau",
        "fau", "full author name", "cn", "corporate author", "book", "cois", "crdt",
        "create date", "dcom", "dp", "publication date", "edat", "entrez date", "ed", "editor",
        "filter", "sb", "subset", "gr", "grant number", "ip", "issue", "isbn", "ta", "journal",
        "jour", "la", "language", "lang", "lid", "location id", "lr", "majr", "mesh major topic",
        "majr:noexp", "mh", "mesh", "mesh terms", "mh:noexp", "mesh:noexp", "mesh terms:noexp",
        "mhda", "mesh date", "nm", "supplementary concept", "ot", "other term", "pg",
        "pagination", "pmid", "uid", "pt", "publication type", "pl", "place of publication",
        "pubn", "publisher", "pa", "pharmacological action", "rn", "ec/rn number", "si",
        "secondary source id", "sh", "subheading", "tw", "text word", "ti", "title", "tiab",
        "title/abstract", "tt", "transliterated title", "vi", "volume", "ps",
        "personal name as subject", "dso", "pdat", "conflict of interest",
        "orcid", "auid", "pmcid", "doi",
        # the names PubMed's Advanced Search builder writes ("2020"[Date - Publication]), and
        # the tags and long names for dates and investigators not listed above
        "author - corporate", "author - first", "author - full", "author - identifier",
        "author - last", "date - completion", "completion date", "date - create",
        "date - entrez", "date - entry", "date - mesh", "date - modification",
        "modification date", "date - publication", "ir", "investigator", "fir",
        "investigator - full", "full investigator name", "mesh subheading", "substance name",
        "grants and funding", "conflict of interest statements",
    }
)
_PROXIMITY_TAG = re.compile(r"^(tiab|ti|ad|title|title/abstract|affiliation):~\d+$")
_TAG = re.compile(r"\[([^\[\]]*)\]")
_DASH = re.compile(r"\s*-\s*")

_DRUG_KEYS = {"term": str, "label": str, "notes": str}
_INDICATION_KEYS = {"name": str, "label": str, "term": str, "notes": str}
_INDICATION_REQUIRED = ("name", "label", "term")
_TOP_KEYS = {"drug", "indication", "description"}


@dataclass(frozen=True)
class IndicationQuery:
    """One indication: its condition id, human title, indication term and full query."""

    name: str
    label: str
    term: str
    query: str
    notes: str | None = None


@dataclass(frozen=True)
class QuerySet:
    """Everything ``queries/ketamine.toml`` defines.

    ``version`` is a short hash of the file content: records store it so that a changed query
    can be told from an unchanged one.
    """

    drug_term: str
    indications: tuple[IndicationQuery, ...]
    topic_term: str
    version: str
    source: Path
    drug_label: str | None = None

    def get(self, name: str) -> IndicationQuery:
        """The indication called ``name``; :raises KeyError: when there is none."""
        for ind in self.indications:
            if ind.name == name:
                return ind
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(ind.name for ind in self.indications)


class TomlSource:
    """A TOML file's text and data, with the line of each key for error messages.

    tomllib reports the line of syntax errors (``TOMLDecodeError.lineno``) but keeps no
    positions for values, so semantic errors find the key's line by scanning the text:
    ``[table]`` / ``[[array]]`` headers and ``key =`` lines, skipping multi-line strings.
    Shared by :mod:`aggregator.queries` and :mod:`aggregator.vocabulary`.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")

    def __init__(self, path: Path, error: type[InputError]) -> None:
        self.path = path
        self.error = error
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise error(f"cannot read: {exc.strerror or exc}", path=path) from exc
        self.version = hashlib.sha256(raw).hexdigest()[:12]
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise error("not UTF-8 text", path=path, line=line) from exc
        try:
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            lineno = getattr(exc, "lineno", None)
            msg = getattr(exc, "msg", None) or str(exc)
            # Python 3.11's TOMLDecodeError has only the message "... (at line N, column M)".
            if lineno is None:
                m = re.search(r"at line (\d+), column (\d+)", msg)
                if m:
                    lineno = int(m.group(1))
                    msg = msg[: m.start()].rstrip(" (")
            raise error(f"invalid TOML: {msg}", path=path, line=lineno) from exc
        self._lines = self._index()

    def _index(self) -> dict[tuple[str, int, str], int]:
        """(section, index in its array, key) -> 1-based line; ``key == ""`` is the header."""
        lines: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        section, index = "", 0
        in_string: str | None = None
        for no, line in enumerate(self.text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            header = self._HEADER.match(line)
            if header:
                section = header.group(2).strip()
                if header.group(1) == "[[":
                    index = counts.get(section, -1) + 1
                    counts[section] = index
                else:
                    index = 0
                lines.setdefault((section, index, ""), no)
                continue
            key = self._KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                lines.setdefault((section, index, name), no)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_string = quote
                        break
        return lines

    def line(self, section: str, index: int = 0, key: str = "") -> int | None:
        """Line of ``key`` in the ``index``-th ``section`` (its header when the key is absent)."""
        return self._lines.get((section, index, key)) or self._lines.get((section, index, ""))

    def fail(self, message: str, section: str, index: int = 0, key: str = "",
             field: str | None = None) -> InputError:
        """An error of this source's kind, located at ``key``."""
        return self.error(message, path=self.path, line=self.line(section, index, key),
                          field=field)

    def check_keys(self, table: Any, allowed: Mapping[str, type], required: tuple[str, ...],
                   section: str, index: int, where: str) -> None:
        """Unknown, missing and wrongly typed keys of one table."""
        if not isinstance(table, dict):
            raise self.fail(f"expected a table, got {type(table).__name__}", section, index,
                            field=where)
        for key, value in table.items():
            if key not in allowed:
                raise self.fail(
                    f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})",
                    section, index, key, field=f"{where}.{key}",
                )
            kind = allowed[key]
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise self.fail(
                    f"expected {_type_name(kind)}, got {type(value).__name__}",
                    section, index, key, field=f"{where}.{key}",
                )
        for key in required:
            if key not in table:
                raise self.fail(f"missing required key {key!r}", section, index,
                                field=f"{where}.{key}")


def _type_name(kind: type) -> str:
    return {str: "a string", list: "an array", int: "an integer", bool: "true/false",
            dict: "a table"}.get(kind, kind.__name__)


def check_term(term: str) -> str | None:
    """What is wrong with a PubMed term, or None: empty, unbalanced quotes, parentheses or
    brackets, unknown field tags, dangling boolean operators."""
    text = term.strip()
    if not text:
        return "empty term"
    if text.count('"') % 2:
        return "unbalanced double quotes"
    # Parentheses and brackets count only outside quoted phrases: "(s)-ketamine"[tiab] is fine.
    outside = re.sub(r'"[^"]*"', '""', text)
    depth = 0
    for ch in outside:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return "unbalanced parentheses: ')' without '('"
    if depth:
        return f"unbalanced parentheses: {depth} '(' not closed"
    if outside.count("[") != outside.count("]"):
        return "unbalanced square brackets"
    for m in _TAG.finditer(outside):
        # "Date-Publication", "date -  publication": spaces around the dash do not matter
        shown = " ".join(m.group(1).split())  # one line, whatever the tag spans
        tag = _DASH.sub(" - ", shown).lower()
        if tag not in FIELD_TAGS and not _PROXIMITY_TAG.match(tag):
            return f"unknown field tag [{shown}]"
    bare = re.sub(r"\s+", " ", outside)
    if re.search(r"^(AND|OR|NOT)\b|\b(AND|OR|NOT)$|\(\s*(AND|OR|NOT)\b|\b(AND|OR|NOT)\s*\)",
                 bare.strip()):
        return "boolean operator without an operand"
    if re.search(r"\b(AND|OR|NOT)\s+(AND|OR|NOT)\b", bare):
        return "boolean operator without an operand"
    if re.search(r"\(\s*\)", outside):
        return "empty parentheses"
    return None


def _normalise(term: str) -> str:
    return re.sub(r"\s+", " ", term).strip()


def definition_file(path: Path | str, name: str, error: type[InputError], what: str) -> Path:
    """``path`` itself, or ``path/name`` when it is a folder (``queries/``).

    :raises InputError: (of type ``error``) the file does not exist.
    """
    path = Path(path)
    if path.is_dir() or (not path.exists() and not path.suffix):
        path = path / name  # a folder, or one that does not exist: name the file looked for
    if not path.exists():
        folder = path.parent.absolute()
        why = "" if folder.is_dir() else f" (there is no folder {folder})"
        raise error(f"{what} file not found{why}", path=path.absolute())
    return path


def load_queries(path: Path | str,
                 conditions: frozenset[str] | None = None) -> QuerySet:
    """Load and validate the query definitions.

    :param path: ``queries/`` (reads ``ketamine.toml`` in it) or the file itself.
    :param conditions: allowed indication names; DESIGN.md's condition ids by default.
    :raises QueryDefinitionError: naming file, line and field of the first mistake.
    """
    path = definition_file(path, QUERY_FILE, QueryDefinitionError, "query")
    if conditions is None:
        from .vocabulary import CONDITIONS

        conditions = CONDITIONS
    src = TomlSource(path, QueryDefinitionError)
    data = src.data
    for key in data:
        if key not in _TOP_KEYS:
            raise src.fail(f"unknown key {key!r} (allowed: drug, indication, description)",
                           key, 0, field=key)
    if "drug" not in data:
        raise src.fail("missing [drug] table", "", field="drug")
    drug = data["drug"]
    src.check_keys(drug, _DRUG_KEYS, ("term",), "drug", 0, "drug")
    drug_term = _checked_term(src, drug["term"], "drug", 0, "drug.term")

    entries = data.get("indication")
    if not isinstance(entries, list) or not entries:
        raise src.fail("expected one or more [[indication]] entries", "indication",
                       field="indication")
    seen: dict[str, int] = {}
    indications: list[IndicationQuery] = []
    for i, entry in enumerate(entries):
        where = f"indication[{i}]"
        src.check_keys(entry, _INDICATION_KEYS, _INDICATION_REQUIRED, "indication", i, where)
        name = entry["name"]
        where = f"indication {name!r}"
        if name not in conditions:
            raise src.fail(
                f"unknown condition {name!r} (known: {', '.join(sorted(conditions))})",
                "indication", i, "name", field=f"{where}.name",
            )
        if name in seen:
            raise src.fail(f"duplicate indication {name!r} (first at entry {seen[name] + 1})",
                           "indication", i, "name", field=f"{where}.name")
        seen[name] = i
        if not entry["label"].strip():
            raise src.fail("empty label", "indication", i, "label", field=f"{where}.label")
        term = _checked_term(src, entry["term"], "indication", i, f"{where}.term")
        indications.append(
            IndicationQuery(
                name=name,
                label=entry["label"].strip(),
                term=term,
                query=f"({drug_term}) AND ({term})",
                notes=_normalise(entry["notes"]) if "notes" in entry else None,
            )
        )
    topic = " OR ".join(f"({ind.term})" for ind in indications)
    return QuerySet(
        drug_term=drug_term,
        indications=tuple(indications),
        topic_term=f"({drug_term}) AND ({topic})",
        version=src.version,
        source=path,
        drug_label=drug.get("label"),
    )


def _checked_term(src: TomlSource, term: str, section: str, index: int, field: str) -> str:
    problem = check_term(term)
    if problem:
        raise src.fail(problem, section, index, "term", field=field)
    return _normalise(term)

