"""Stage 2 (E-utilities): the plain values the client returns and counts.

:class:`SearchResult` is one parsed ESearch answer (built by
:func:`aggregator.eutils_responses._parse_esearch`); :class:`EutilsStats` holds the counters an
:class:`aggregator.eutils.EutilsClient` keeps for tests and benchmarks. Pure dataclasses;
re-exported by :mod:`aggregator.eutils`.

Example::

    from aggregator.eutils import EutilsClient

    with EutilsClient(settings) as client:
        result = client.esearch("ketamine[tiab]", retmax=20)   # a SearchResult
        print(result.count, result.ids[:3], client.stats.total_requests)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["EutilsStats", "SearchResult"]

@dataclass(frozen=True, slots=True)
class SearchResult:
    """One ESearch answer (``retmode=xml``).

    ``warnings`` holds ``ErrorList`` and ``WarningList`` entries (``PhraseNotFound: abcXYZ``,
    ``OutputMessage: No items found.``): NCBI reports them beside a valid result.
    """

    count: int
    ids: list[str]
    retstart: int = 0
    retmax: int = 0
    query_translation: str | None = None
    webenv: str | None = None
    query_key: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EutilsStats:
    """Counters for tests and benchmarks. ``requests`` counts every attempt sent, per endpoint
    (``esearch``, ``efetch``); ``retries`` the attempts after a first one; ``rate_limited`` the
    HTTP 429 answers; ``throttle_wait`` the seconds spent waiting for the throttle."""

    requests: Counter[str] = field(default_factory=Counter)
    retries: int = 0
    rate_limited: int = 0
    bytes_received: int = 0
    throttle_wait: float = 0.0

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())
