"""Parse stage, shared part: the value normalisers and hooks every reader uses.

Pure. The PubMed XML reader (:mod:`aggregator.pubmed_fields`, :mod:`aggregator.pubmed_xml`) and
the MEDLINE reader (:mod:`aggregator.medline`) turn free text into the same values: collapsed
whitespace, ISO dates from PubMed's many date forms, DOIs, PMCIDs, ORCIDs and trial
registrations. Also here: the :data:`RowMaker` hook type that
:func:`aggregator.parse.iter_file` accepts.

Example::

    from aggregator.parse_common import _free_date, normalise_registration

    normalise_registration("ISRCTN", "12345678")   # Registration('ISRCTN', 'ISRCTN12345678', ...)
    _free_date("1998 Dec-1999 Jan")                # (1998, '1998-12')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .models import Deletion, Parsed, Record, Registration

__all__ = ["Item", "RowMaker", "normalise_registration"]

Item = Parsed | Deletion
#: ``rows(record, raw, format)``: what to yield for a record instead of a :class:`Parsed` (see
#: :func:`aggregator.parse.iter_file`); a module-level function, so that worker processes can
#: unpickle it
RowMaker = Callable[[Record, bytes, str], Any]

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_YEAR = re.compile(r"(\d{4})")
_RANGE_START = re.compile(r"^\s*(\d{4})(?:\s+([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2})(?!\d))?)?")
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def _norm(text: str | None) -> str:
    """Collapse whitespace runs (incl. newlines, NBSP) to one space and strip.

    Fast path: most text is already normal. ``isprintable()`` is False for every character
    ``str.split()`` splits on except the ASCII space (they are all control or separator
    characters), so a printable text with no double, leading or trailing space is returned
    as is: a C scan instead of splitting into words and joining them again. ``strip()``
    returns the very same object when there is nothing to strip (CPython), one C call where
    indexing both ends took four steps (~25 ns a text, 65 texts a record); where it would
    not, the slow path gives the same text.
    """
    if not text:
        return ""
    if text.isprintable() and "  " not in text and text.strip() is text:
        return text
    return " ".join(text.split())


def _opt(text: str) -> str | None:
    return text or None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _month(text: str | None) -> int | None:
    """'Jan', 'January', '1', '01' -> 1; anything else (seasons) -> None."""
    if not text:
        return None
    text = text.strip()
    if text.isdecimal():  # what int() reads: isdigit() also accepts "²", which int() rejects
        n = int(text)
        return n if 1 <= n <= 12 else None
    return _MONTHS.get(text[:3].lower())


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _free_date(text: str) -> tuple[int | None, str | None]:
    """A free-text date ('1998 Dec-1999 Jan', '2019 Spring', '2006 Mar 1') -> (year, ISO).

    The ISO date is the start of the range, as precise as the text allows.
    """
    m = _RANGE_START.match(text)
    if not m:
        y = _YEAR.search(text)
        year = int(y.group(1)) if y else None
        return year, _iso(year)
    year = int(m.group(1))
    month = _month(m.group(2))
    day = _int(m.group(3)) if month else None
    return year, _iso(year, month, day)


def _normalise_doi(text: str | None) -> str | None:
    text = _DOI_PREFIX.sub("", (text or "").strip())
    return text or None


def _normalise_pmcid(text: str | None) -> str | None:
    text = (text or "").strip().upper()
    if not text:
        return None
    return text if text.startswith("PMC") else f"PMC{text}"


def _normalise_orcid(text: str | None) -> str | None:
    if not text:
        return None
    m = _ORCID.search(text)
    if not m:
        return text.strip() or None
    return "-".join(m.groups()).upper()


# DataBankName (PubMed) / SI prefix (MEDLINE) -> registry id used across the project
_REGISTRIES = {
    "clinicaltrials.gov": "NCT",
    "isrctn": "ISRCTN",
    "anzctr": "ACTRN",
    "eudract": "EudraCT",
    "chictr": "ChiCTR",
    "drks": "DRKS",
    "ctri": "CTRI",
    "irct": "IRCT",
    "cris": "KCT",
    "pactr": "PACTR",
    "tctr": "TCTR",
    "jrct": "jRCT",
    "umin ctr": "UMIN",
    "umin-ctr": "UMIN",
}
_DIGITS_PREFIXED = {"NCT", "ISRCTN", "ACTRN", "DRKS", "KCT", "PACTR", "TCTR", "UMIN"}


def normalise_registration(databank: str, accession: str, source: str = "databank") -> Registration:
    """Map a DataBankName and accession to a :class:`Registration`.

    ``ClinicalTrials.gov`` -> ``NCT``, ``ISRCTN``, ``ANZCTR`` -> ``ACTRN``, ``EudraCT``,
    ``ChiCTR``, ``DRKS``, ``CTRI``, ``IRCT``, ``CRiS`` -> ``KCT``, ``PACTR``, ``TCTR``, ``jRCT``,
    ``UMIN CTR`` -> ``UMIN``; other data banks (GENBANK, PDB...) keep their
    name. Trial accessions are upper-cased without spaces, with the registry prefix added when
    only digits were given (``12345678`` in ISRCTN -> ``ISRCTN12345678``).
    """
    name = _norm(databank)
    registry = _REGISTRIES.get(name.lower())
    acc = "".join(accession.split())
    if registry is None:
        return Registration(registry=name, accession=acc, source=source)
    acc = acc.upper()
    if registry in _DIGITS_PREFIXED and acc.isdigit():
        acc = registry + acc
    elif registry == "ChiCTR" and acc.startswith("CHICTR"):
        acc = "ChiCTR" + acc[6:]
    elif registry == "jRCT" and acc.startswith("JRCT"):
        acc = "jRCT" + acc[4:].lower()
    elif registry == "EudraCT" and acc.startswith("EUDRACT"):
        acc = acc[7:].lstrip(":-/ ")
    return Registration(registry=registry, accession=acc, source=source)
