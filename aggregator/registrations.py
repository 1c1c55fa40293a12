"""Stage 5 (tag), trial registrations: find and normalise the registry accessions written in a
record's title or abstract (ClinicalTrials.gov, ISRCTN, ANZCTR, ChiCTR, DRKS, CTRI, IRCT and
EudraCT numbers, and those of more WHO primary registries that ketamine trials use: Korea's CRIS
(KCT), the Pan African (PACTR), Thai (TCTR) and Japanese (jRCT, UMIN) registries). Pure: no
I/O, no globals beyond the compiled patterns.

:func:`aggregator.tag.tag_record` merges these with the record's databank registrations; it
skips the scans of registries whose name the record's word index does not hold (see
``_possible_registries`` there), which is why :func:`find_registrations` takes ``registries``.
Both functions are re-exported by :mod:`aggregator.tag`.

Example::

    normalise_registration("nct 01234567")          # ('NCT', 'NCT01234567')
    find_registrations("Registered: ISRCTN-12345678; EudraCT 2015-001234-56.")
    # [Registration(registry='ISRCTN', accession='ISRCTN12345678', source='abstract'),
    #  Registration(registry='EudraCT', accession='2015-001234-56', source='abstract')]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .models import Registration

__all__ = ["find_registrations", "normalise_registration"]

# Each registry's accession format, with its canonical spelling. Upper-case, no spaces,
# canonical hyphens; "ChiCTR" and "jRCT" keep the registry's own mixed-case prefix.
_Canon = Callable[[re.Match[str]], str]


def _digits(prefix: str, digits: str) -> tuple[str, re.Pattern[str], _Canon]:
    """The common form: the prefix, an optional space or hyphen, a fixed count of digits
    (``digits``, a regex quantifier body such as ``8``); canonical: prefix + digits."""
    pattern = re.compile(rf"\b{prefix}\s?-?\s?(\d{{{digits}}})\b", re.IGNORECASE)
    return prefix, pattern, lambda m: f"{prefix}{m[1]}"


_REGISTRIES: tuple[tuple[str, re.Pattern[str], _Canon], ...] = (
    _digits("NCT", "8"),
    _digits("ISRCTN", "8"),
    _digits("ACTRN", "14"),
    ("ChiCTR", re.compile(r"\bChiCTR\s?-?\s?([A-Z]{3,4})\s?-\s?(\d{8})\b", re.IGNORECASE),
     lambda m: f"ChiCTR-{m[1].upper()}-{m[2]}"),
    _digits("ChiCTR", "10"),
    _digits("DRKS", "8"),
    ("CTRI", re.compile(r"\bCTRI\s?/\s?(\d{4})\s?/\s?(\d{2,3})\s?/\s?(\d{6})\b", re.IGNORECASE),
     lambda m: f"CTRI/{m[1]}/{m[2]}/{m[3]}"),
    ("IRCT", re.compile(r"\bIRCT\s?-?\s?(\d{6,}N\d{1,3})\b", re.IGNORECASE),
     lambda m: f"IRCT{m[1].upper()}"),
    ("EudraCT", re.compile(r"(?<![\d-])((?:19|20)\d{2})\s?-\s?(\d{6})\s?-\s?(\d{2})(?![\d-])"),
     lambda m: f"{m[1]}-{m[2]}-{m[3]}"),
    _digits("KCT", "7"),
    _digits("PACTR", "15"),
    _digits("TCTR", "11"),
    ("jRCT", re.compile(r"\bjRCT\s?-?\s?(s?\d{9,10})\b", re.IGNORECASE),
     lambda m: f"jRCT{m[1].lower()}"),
    _digits("UMIN", "9"),
)


def normalise_registration(text: str) -> tuple[str, str] | None:
    """``(registry, accession)`` for one accession in any spacing or case, or None."""
    for registry, pattern, canon in _REGISTRIES:
        m = pattern.search(text)
        if m:
            return registry, canon(m)
    return None


_REGISTRY_WORDS = ("nct0", "nct 0", "nct-0", "isrctn", "actrn", "chictr", "drks", "ctri/", "ctri /",
                   "irct1", "irct2", "irct ", "kct", "pactr", "tctr", "jrct", "umin")
_EUDRACT_HINT = re.compile(r"\d{4}\s?-\s?\d{6}")


def find_registrations(text: str, source: str = "abstract",
                       registries: frozenset[str] | None = None) -> list[Registration]:
    """Every trial registration written in ``text``, normalised, in order of appearance.
    ``registries``: only these can occur (the others are not scanned for)."""
    found: list[tuple[int, Registration]] = []
    taken: list[tuple[int, int]] = []
    for registry, pattern, canon in _REGISTRIES:
        if registries is not None and registry not in registries:
            continue
        for m in pattern.finditer(text):
            if registry == "EudraCT" and any(s <= m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), Registration(registry, canon(m), source)))
    if not found:
        return []
    # only texts naming a registry count (tested after the scans: nearly all find nothing)
    low = text.lower()
    if not any(w in low for w in _REGISTRY_WORDS) and not _EUDRACT_HINT.search(text):
        return []
    return [r for _, r in sorted(found, key=lambda x: x[0])]
