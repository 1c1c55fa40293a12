"""Digest subscribers: who gets which edition of the weekly digest.

Read from a TOML file (``subscribers.toml``, see ``subscribers.example.toml``)::

    [[subscriber]]
    address = "ana@example.org"
    name = "Ana"                       # optional
    conditions = ["trd", "suicidality"]  # condition ids, or "all" / omitted = everything
    min_design = "rct"                 # that design or stronger; omitted = every design

plus every address in ``DIGEST_TO`` (comma-separated), who get everything. Errors name the file,
the line and the field (:class:`~aggregator.errors.SubscriberError`, exit code 2).

Example::

    subs = load_subscribers(settings.subscribers_path, digest_to=settings.digest_to)
    [s.address for s in subs if s.wants(["ptsd"], "rct")]
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SubscriberError

#: condition ids (DESIGN.md "Label vocabularies"), in the order the digest shows them:
#: psychiatric indications first, anaesthesia last, so it never drowns the rest.
CONDITIONS: tuple[str, ...] = (
    "depression",
    "trd",
    "bipolar",
    "suicidality",
    "anxiety",
    "ptsd",
    "ocd",
    "chronic_pain",
    "acute_pain",
    "substance_use",
    "anesthesia",
)

CONDITION_NAMES: dict[str, str] = {
    "depression": "Depression",
    "trd": "Treatment-resistant depression",
    "bipolar": "Bipolar disorder",
    "suicidality": "Suicidal ideation and behaviour",
    "anxiety": "Anxiety disorders",
    "ptsd": "PTSD",
    "ocd": "OCD",
    "chronic_pain": "Chronic pain",
    "acute_pain": "Acute pain",
    "substance_use": "Substance use disorders",
    "anesthesia": "Anaesthesia and sedation",
}

#: a more specific condition implies the broader one (DESIGN.md: ``trd`` implies ``depression``)
IMPLIES: dict[str, str] = {"trd": "depression"}

#: design ids, strongest first (DESIGN.md)
DESIGNS: tuple[str, ...] = (
    "meta_analysis",
    "systematic_review",
    "rct",
    "nonrandomized_trial",
    "observational",
    "case_report",
    "review",
    "preclinical",
    "protocol",
    "guideline",
    "other",
)

DESIGN_NAMES: dict[str, str] = {
    "meta_analysis": "Meta-analysis",
    "systematic_review": "Systematic review",
    "rct": "RCT",
    "nonrandomized_trial": "Non-randomised trial",
    "observational": "Observational",
    "case_report": "Case report",
    "review": "Review",
    "preclinical": "Preclinical",
    "protocol": "Protocol",
    "guideline": "Guideline",
    "other": "Other",
}

_DESIGN_RANK = {d: i for i, d in enumerate(DESIGNS)}

# Deliberately strict (a subset of RFC 5321): one "@", no spaces, quotes, angle brackets, commas
# or line breaks (header injection), and a dotted domain. Exotic-but-legal quoted local parts
# are refused rather than risked in a header.
_ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_KEYS = frozenset({"address", "name", "conditions", "min_design"})


def design_rank(design: str | None) -> int:
    """0 for the strongest design (``meta_analysis``); unknown or missing ranks as ``other``."""
    return _DESIGN_RANK.get(design or "other", _DESIGN_RANK["other"])


def valid_address(address: str) -> bool:
    """True when ``address`` is a plain ``local@domain.tld`` address safe to put in a header."""
    return bool(_ADDRESS_RE.match(address)) and len(address) <= 254 and ".." not in address


def slugify(address: str) -> str:
    """A file-name-safe, collision-free slug of an address (case-insensitive):
    ``Ana.Lopez@example.org`` -> ``ana.lopez_at_example.org``.

    ``_at_`` is unambiguous because domains cannot contain ``_``; a local part with characters
    other than ``[a-z0-9._-]`` has them replaced and a short hash of the address appended.
    """
    text = address.strip().lower()
    local, _, domain = text.rpartition("@")
    if re.fullmatch(r"[a-z0-9._-]+", local) and re.fullmatch(r"[a-z0-9.-]+", domain):
        return f"{local}_at_{domain}"
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"{re.sub(r'[^a-z0-9._-]+', '-', text)}-{digest}"


@dataclass(frozen=True)
class Subscriber:
    """One recipient and the edition they want.

    :param conditions: condition ids wanted; ``None`` means all.
    :param min_design: weakest design wanted; ``None`` means every design.
    """

    address: str
    name: str | None = None
    conditions: tuple[str, ...] | None = None
    min_design: str | None = None

    @property
    def slug(self) -> str:
        return slugify(self.address)

    @property
    def wants_everything(self) -> bool:
        return self.conditions is None and self.min_design is None

    def wants_condition(self, condition: str) -> bool:
        """Whether a group of ``condition`` belongs in this subscriber's edition.

        A subscriber of a broad condition also gets the specific ones that imply it
        (``depression`` subscribers get the ``trd`` group).
        """
        if self.conditions is None:
            return True
        return condition in self.conditions or IMPLIES.get(condition) in self.conditions

    def wants_design(self, design: str | None) -> bool:
        if self.min_design is None:
            return True
        return design_rank(design) <= design_rank(self.min_design)

    def wants(self, conditions: Iterable[str], design: str | None) -> bool:
        """Whether a record with these condition ids and design is in this edition.

        A record without any condition is only in the all-conditions edition.
        """
        if not self.wants_design(design):
            return False
        if self.conditions is None:
            return True
        return any(self.wants_condition(c) for c in conditions)

    @property
    def display(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


def load_subscribers(
    path: Path | None, *, digest_to: str | None = None, required: bool = False
) -> list[Subscriber]:
    """Subscribers from ``path`` (when it exists) plus ``digest_to`` (all-conditions).

    An address listed in both keeps the file's preferences. A missing file is fine (the
    generic edition is still written) unless ``required`` and ``digest_to`` is empty too.

    :raises SubscriberError: the file is malformed, or none is configured and ``required``.
    """
    subscribers: list[Subscriber] = []
    if path is not None and Path(path).exists():
        text = Path(path).read_text(encoding="utf-8")
        subscribers = parse_subscribers(text, path=path)
    seen = {s.address.lower() for s in subscribers}
    for address in _split_digest_to(digest_to):
        if address.lower() not in seen:
            seen.add(address.lower())
            subscribers.append(Subscriber(address=address))
    if required and not subscribers:
        raise SubscriberError(
            "no digest subscribers: the file does not exist and DIGEST_TO is not set "
            "(copy subscribers.example.toml or set DIGEST_TO=you@example.org)",
            path=path,
        )
    return subscribers


def _split_digest_to(digest_to: str | None) -> list[str]:
    out: list[str] = []
    for part in (digest_to or "").split(","):
        address = part.strip()
        if not address:
            continue
        if not valid_address(address):
            raise SubscriberError(f"not a valid e-mail address: {address!r}", field="DIGEST_TO")
        out.append(address)
    return out


def parse_subscribers(text: str, *, path: str | Path = "<subscribers>") -> list[Subscriber]:
    """Parse and validate the TOML text of a subscriber file.

    :raises SubscriberError: naming ``path``, the line and the field at fault.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line L, column C)" in the message; Python 3.14 adds .lineno
        line = getattr(exc, "lineno", None)
        if line is None:
            m = re.search(r"at line (\d+)", str(exc))
            if m:
                line = int(m.group(1))
            elif "end of document" in str(exc):
                line = max(1, len(text.splitlines()))
        raise SubscriberError(f"invalid TOML: {exc}", path=path, line=line) from exc

    lines = text.splitlines()
    unknown = sorted(set(data) - {"subscriber"})
    if unknown:
        raise SubscriberError(
            "unknown top-level key (expected [[subscriber]] tables)",
            path=path,
            line=_key_line(lines, unknown[0], 0, len(lines)),
            field=unknown[0],
        )
    entries = data.get("subscriber", [])
    if not isinstance(entries, list):
        raise SubscriberError(
            "expected [[subscriber]] tables (an array of tables)", path=path, field="subscriber"
        )
    starts = [i for i, ln in enumerate(lines) if re.match(r"\s*\[\[\s*subscriber\s*\]\]", ln)]
    subscribers: list[Subscriber] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries):
        begin = starts[n] if n < len(starts) else 0
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        sub = _subscriber(entry, n, path, lines, begin, end)
        key = sub.address.lower()
        if key in seen:
            raise SubscriberError(
                f"duplicate address (also subscriber #{seen[key] + 1})",
                path=path,
                line=_key_line(lines, "address", begin, end),
                field=f"subscriber[{n}].address",
            )
        seen[key] = n
        subscribers.append(sub)
    return subscribers


def _key_line(lines: Sequence[str], key: str, begin: int, end: int) -> int:
    """1-based line of ``key = ...`` within lines[begin:end]; the block's header line if absent."""
    pattern = re.compile(rf"""\s*["']?{re.escape(key)}["']?\s*=""")
    for i in range(begin, min(end, len(lines))):
        if pattern.match(lines[i]):
            return i + 1
    return begin + 1


def _subscriber(
    entry: Any, n: int, path: str | Path, lines: Sequence[str], begin: int, end: int
) -> Subscriber:
    def fail(message: str, key: str) -> SubscriberError:
        return SubscriberError(
            message,
            path=path,
            line=_key_line(lines, key, begin, end),
            field=f"subscriber[{n}].{key}",
        )

    if not isinstance(entry, dict):
        raise SubscriberError("expected a table", path=path, line=begin + 1, field=f"subscriber[{n}]")
    for key in entry:
        if key not in _KEYS:
            raise fail(f"unknown key (expected one of {', '.join(sorted(_KEYS))})", key)

    address = entry.get("address")
    if address is None:
        raise fail("missing (every subscriber needs an address)", "address")
    if not isinstance(address, str) or not valid_address(address.strip()):
        raise fail(f"not a valid e-mail address: {address!r}", "address")
    address = address.strip()

    name = entry.get("name")
    if name is not None and (not isinstance(name, str) or re.search(r"[\r\n\x00]", name)):
        raise fail("must be a single-line string", "name")

    conditions: tuple[str, ...] | None
    raw = entry.get("conditions")
    if raw is None or raw == "all" or raw == ["all"]:
        conditions = None
    else:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw or not all(isinstance(c, str) for c in raw):
            raise fail('expected a list of condition ids or "all"', "conditions")
        for c in raw:
            if c not in CONDITIONS:
                raise fail(
                    f"unknown condition {c!r} (known: {', '.join(CONDITIONS)})", "conditions"
                )
        conditions = tuple(dict.fromkeys(raw))

    min_design = entry.get("min_design")
    if min_design is not None and min_design not in DESIGNS:
        raise fail(f"unknown design {min_design!r} (known: {', '.join(DESIGNS)})", "min_design")

    return Subscriber(
        address=address, name=name.strip() if name else None, conditions=conditions,
        min_design=min_design,
    )
