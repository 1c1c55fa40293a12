"""Stage 2 (E-utilities): date slicing past ESearch's 9,999-id cap.

ESearch lists at most :data:`ESEARCH_CAP` ids of a query. :meth:`DateSlicing.search_ids` (a
mixin of :class:`aggregator.eutils.EutilsClient`, with its helpers ``_collect`` and
``_check_count``) splits a larger query on date ranges, asking the client's ``esearch`` for
each slice. The rest is pure: the cap, the default range start :data:`EARLIEST` and end
:func:`_default_maxdate`, where to cut a range (:func:`_split_offsets`, weighted by PubMed's
growth) and the ``YYYY/MM/DD`` format (:func:`_fmt_date`). No I/O here (the HTTP is the
client's); the public names are re-exported by :mod:`aggregator.eutils`.

Example::

    import datetime as dt
    from aggregator.eutils_slicing import EARLIEST, _fmt_date, _split_offsets

    days = (dt.date(2024, 12, 31) - EARLIEST).days + 1
    cuts = [EARLIEST + dt.timedelta(days=off) for off in _split_offsets(days, 4)]
    [_fmt_date(day) for day in cuts]   # ['1800/01/01', ..., '2025/01/01']
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
from typing import TYPE_CHECKING

from .errors import EutilsCountMismatch, EutilsError
from .eutils_responses import _short

if TYPE_CHECKING:
    from .eutils_results import SearchResult

__all__ = ["EARLIEST", "ESEARCH_CAP", "DateSlicing"]

logger = logging.getLogger(__name__)

#: ESearch returns at most the first 9,999 ids of a query (``'retstart' cannot be larger
#: than 9998``), history server included; ``Count`` is still the true count.
ESEARCH_CAP = 9999
#: default start of a date-sliced search: older than any PubMed record
EARLIEST = dt.date(1800, 1, 1)
#: fill ratio aimed at when a slice over the cap is split (uniform density would fit in one go)
_SPLIT_FILL = 0.7
#: assumed growth of PubMed per day (about 5 % a year), to place slice boundaries
_GROWTH_PER_DAY = 0.05 / 365.25


def _split_offsets(days: int, parts: int) -> list[int]:
    """Day offsets cutting ``days`` into ``parts`` slices of equal expected record count.

    PubMed grows about 5 % a year, so equal-length slices of a long range would leave the old
    ones nearly empty (a wasted request each) and the recent ones over the cap (another split).
    Slicing by an exponential density instead puts the cuts where the records are; on short
    ranges it is practically uniform.
    """
    a = _GROWTH_PER_DAY
    total = math.expm1(a * days)
    offs = [0]
    for k in range(1, parts):
        off = round(math.log1p(total * k / parts) / a)
        offs.append(min(max(off, offs[-1] + 1), days - (parts - k)))
    offs.append(days)
    return offs



def _fmt_date(value: str | dt.date) -> str:
    return value.strftime("%Y/%m/%d") if isinstance(value, dt.date) else value


def _default_maxdate() -> dt.date:
    # tomorrow: NCBI dates are US Eastern, which may be a day ahead of the local date
    return dt.date.today() + dt.timedelta(days=1)


class DateSlicing:
    """ESearch past its cap, by date slices (a mixin of :class:`aggregator.eutils.EutilsClient`,
    which provides ``esearch``)."""

    if TYPE_CHECKING:
        def esearch(
            self,
            term: str,
            *,
            retstart: int = 0,
            retmax: int = ESEARCH_CAP,
            mindate: str | dt.date | None = None,
            maxdate: str | dt.date | None = None,
            datetype: str = "crdt",
            usehistory: bool = False,
        ) -> SearchResult: ...

    def search_ids(
        self,
        term: str,
        *,
        mindate: dt.date | None = None,
        maxdate: dt.date | None = None,
        datetype: str = "crdt",
    ) -> list[str]:
        """All PubMed ids of ``term`` (optionally within a date range), past ESearch's cap.

        One call when ``Count`` fits in 9,999; otherwise the date range (default 1800/01/01 to
        tomorrow) is split in proportion to the count and any slice still over the cap is split
        again, each fitting slice's answer already carrying its ids. The union is checked
        against ``Count``.

        :raises EutilsCountMismatch: the ids received do not add up to ``Count``.
        :raises EutilsError: more than 9,999 records on a single day (cannot be sliced).
        """
        first = self.esearch(term, mindate=mindate, maxdate=maxdate, datetype=datetype)
        if first.count <= ESEARCH_CAP:
            ids = list(dict.fromkeys(first.ids))
            self._check_count(term, first.count, ids, mindate, maxdate, datetype)
            return ids
        lo = mindate or EARLIEST
        hi = maxdate or _default_maxdate()
        found: dict[str, None] = {}
        self._collect(term, lo, hi, first.count, datetype, found)
        ids = list(found)
        self._check_count(term, first.count, ids, mindate, maxdate, datetype)
        return ids

    def _collect(
        self, term: str, lo: dt.date, hi: dt.date, count: int, datetype: str, found: dict[str, None]
    ) -> None:
        """Add the ids of ``term`` within [lo, hi] (``count`` of them, over the cap) to ``found``."""
        days = (hi - lo).days + 1
        if days <= 1:
            raise EutilsError(
                f"more than {ESEARCH_CAP:,} records ({count:,}) on {lo:%Y/%m/%d} [{datetype}] for "
                f"query {_short(term)!r}: ESearch cannot list them; narrow the query"
            )
        parts = min(days, max(2, math.ceil(count / (ESEARCH_CAP * _SPLIT_FILL))))
        bounds = [lo + dt.timedelta(days=off) for off in _split_offsets(days, parts)]
        for a, b in itertools.pairwise(bounds):
            if b <= a:
                continue
            s_lo, s_hi = a, b - dt.timedelta(days=1)
            res = self.esearch(term, mindate=s_lo, maxdate=s_hi, datetype=datetype)
            if res.count <= ESEARCH_CAP:
                found.update(dict.fromkeys(res.ids))
                if len(res.ids) < res.count:
                    # NCBI silently clamps; say which slice, the total check will fail anyway
                    logger.warning(
                        "esearch slice %s..%s returned %d ids of %d", s_lo, s_hi, len(res.ids), res.count
                    )
            else:
                self._collect(term, s_lo, s_hi, res.count, datetype, found)

    def _check_count(
        self,
        term: str,
        count: int,
        ids: list[str],
        mindate: dt.date | None,
        maxdate: dt.date | None,
        datetype: str,
    ) -> None:
        if len(ids) == count:
            return
        # Records may be added while a long search runs: ask the count once more before failing.
        fresh = self.esearch(term, retmax=0, mindate=mindate, maxdate=maxdate, datetype=datetype).count
        if len(ids) == fresh:
            return
        raise EutilsCountMismatch(
            f"query {_short(term)!r}: received {len(ids):,} distinct ids but PubMed counts "
            f"{fresh:,} (first asked: {count:,}); not continuing with a partial result"
        )
