"""Stage 2 (E-utilities): the shared sliding-window rate limiter.

NCBI allows 3 requests/s without an API key and 10/s with one, counted per IP or key over any
1-second window. :class:`Throttle` enforces that for every client and thread of the process:
:func:`throttle_for` hands out one throttle per base URL (and clock), and
:class:`aggregator.eutils.EutilsClient` passes each attempt, retries included, through it. No
HTTP here; re-exported by :mod:`aggregator.eutils`.

Example::

    from aggregator.eutils_throttle import throttle_for

    throttle = throttle_for("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")
    waited = throttle.acquire(settings.rate)   # sleeps until a request may start
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["WINDOW", "WINDOW_MARGIN", "Throttle", "throttle_for"]

#: the window NCBI counts requests in, plus a margin for the variable delay between our clock
#: reading and the request reaching the server. Measured on loopback: ~1 ms usually, up to
#: ~30 ms on a loaded machine or a new connection; 50 ms keeps a 20 ms reserve and costs 5 % of
#: the rate (10 requests per 1.05 s).
WINDOW = 1.0
WINDOW_MARGIN = 0.05


class Throttle:
    """Sliding-window limiter: at most ``floor(rate)`` request starts in any ``window`` seconds.

    Each :meth:`acquire` reserves the earliest start that keeps the window legal (the moment the
    oldest of the last ``n`` starts leaves it) and sleeps until then, outside the lock, so
    threads queue fairly and the budget is used in full rather than spread by a fixed gap
    (Bio.Entrez sleeps 0.37 s between calls, i.e. 2.7/s for a limit of 3/s).

    :param clock: monotonic seconds; injectable for tests.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        window: float = WINDOW,
        margin: float = WINDOW_MARGIN,
    ) -> None:
        self._clock = clock
        self._window = window
        self._margin = margin
        self._lock = threading.Lock()
        self._starts: deque[float] = deque()

    def reserve(self, rate: float) -> float:
        """Reserve a start time for one request at ``rate`` per window; return it."""
        n, span = self._shape(rate)
        with self._lock:
            now = self._clock()
            starts = self._starts
            slot = now
            if len(starts) >= n:
                slot = max(now, starts[-n] + span)
            starts.append(slot)
            # keep only what a later window can still see (clients of any rate share this)
            while len(starts) > 64 and starts[0] < slot - 10 * span:
                starts.popleft()
            return slot

    def delay(self, rate: float) -> float:
        """Seconds a request starting now would wait (a peek: nothing is reserved)."""
        n, span = self._shape(rate)
        with self._lock:
            if len(self._starts) < n:
                return 0.0
            return max(0.0, self._starts[-n] + span - self._clock())

    def _shape(self, rate: float) -> tuple[int, float]:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if rate >= 1:
            return math.floor(rate), self._window + self._margin
        # fewer than one per second: one request per 1/rate seconds
        return 1, self._window / rate + self._margin

    def acquire(self, rate: float, sleep: Callable[[float], None] = time.sleep) -> float:
        """Wait until a request may start; return the seconds waited."""
        slot = self.reserve(rate)
        wait = slot - self._clock()
        if wait > 0:
            sleep(wait)
            return wait
        return 0.0


_THROTTLES: dict[tuple[str, Callable[[], float]], Throttle] = {}
_THROTTLES_LOCK = threading.Lock()


def throttle_for(base_url: str, clock: Callable[[], float] = time.monotonic) -> Throttle:
    """The process-wide throttle of ``base_url`` (one per server: NCBI counts per IP or key)."""
    key = (base_url, clock)
    with _THROTTLES_LOCK:
        throttle = _THROTTLES.get(key)
        if throttle is None:
            throttle = _THROTTLES[key] = Throttle(clock=clock)
        return throttle
