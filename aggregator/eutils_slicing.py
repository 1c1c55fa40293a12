"""Stage 2 (E-utilities): date slicing past ESearch's 9,999-id cap.

ESearch lists at most :data:`ESEARCH_CAP` ids of a query. :meth:`EutilsClient.search_ids
<aggregator.eutils.EutilsClient.search_ids>` (with its helpers ``_collect`` and
``_check_count``) splits a larger query on date ranges; this module holds the pure parts: the
cap, the default range start :data:`EARLIEST` and end :func:`_default_maxdate`, where to cut a
range (:func:`_split_offsets`, weighted by PubMed's growth) and the ``YYYY/MM/DD`` format
(:func:`_fmt_date`). No I/O; the public names are re-exported by :mod:`aggregator.eutils`.

Example::

    import datetime as dt
    from aggregator.eutils_slicing import EARLIEST, _fmt_date, _split_offsets

    days = (dt.date(2024, 12, 31) - EARLIEST).days + 1
    cuts = [EARLIEST + dt.timedelta(days=off) for off in _split_offsets(days, 4)]
    [_fmt_date(day) for day in cuts]   # ['1800/01/01', ..., '2025/01/01']
"""

from __future__ import annotations

import datetime as dt
import math

__all__ = ["EARLIEST", "ESEARCH_CAP"]

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
