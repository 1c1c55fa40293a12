"""Stage 2 (E-utilities): the shared sliding-window rate limiter.

NCBI allows 3 requests/s without an API key and 10/s with one, counted per IP or key over any
1-second window, by when each request *reaches* NCBI. :class:`Throttle` enforces that for every
client and thread of the process: :func:`throttle_for` hands out one throttle per base URL (and
clock), and :class:`aggregator.eutils.EutilsClient` passes each attempt, retries included,
through it. No HTTP here; re-exported by :mod:`aggregator.eutils`.

When a request reached the server is never known, only bounded: not before it was sent, and not
after its answer came back. A request still waiting for its answer is counted at its start plus
:data:`WINDOW_MARGIN` (an estimate of the trip); once answered, at the moment the answer arrived
(plus :data:`ANSWER_MARGIN`), a bound no delay can break. A request sent late (a stalled thread,
a garbage-collection pause, a retransmitted packet) therefore cannot make a later one land in
its window.

Example::

    from aggregator.eutils_throttle import throttle_for

    throttle = throttle_for("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")
    ticket = throttle.acquire(settings.rate)   # sleeps until a request may start
    try:
        ...                                     # send it
    finally:
        throttle.answered(ticket)               # when the answer (or the failure) came back
"""

from __future__ import annotations

import heapq
import math
import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["ANSWER_MARGIN", "WINDOW", "WINDOW_MARGIN", "Throttle", "Ticket", "throttle_for"]

#: the window NCBI counts requests in
WINDOW = 1.0
#: for a request not yet answered: how much later than its start it may reach the server.
#: Measured on loopback: ~1 ms usually, up to ~30 ms on a loaded machine or a new connection;
#: 50 ms costs 5 % of the rate (10 requests per 1.05 s) while several are in flight.
WINDOW_MARGIN = 0.05
#: for an answered request: its answer arrived after it reached the server, so only clock
#: granularity is left to cover
ANSWER_MARGIN = 0.005


class Ticket:
    """One request's place in the window: ``slot`` (when it may start), ``waited`` (seconds
    :meth:`Throttle.acquire` slept for it) and ``bound`` (the latest it can have reached the
    server; final once ``answered``)."""

    __slots__ = ("answered", "bound", "slot", "waited")

    def __init__(self, slot: float, margin: float) -> None:
        self.slot = slot
        self.bound = slot + margin
        self.waited = 0.0
        self.answered = False

    def __repr__(self) -> str:
        state = "answered" if self.answered else "in flight"
        return f"Ticket(slot={self.slot:.3f}, bound={self.bound:.3f}, {state})"


class Throttle:
    """Sliding-window limiter: at most ``floor(rate)`` requests reach the server in any
    ``window`` seconds.

    Each :meth:`acquire` reserves the earliest start that keeps the window legal (the moment the
    ``n``-th latest arrival bound leaves it) and sleeps until then, outside the lock, so threads
    queue fairly and the budget is used in full rather than spread by a fixed gap (Bio.Entrez
    sleeps 0.37 s between calls, i.e. 2.7/s for a limit of 3/s). :meth:`answered` tightens a
    request's bound to when its answer arrived.

    :param clock: monotonic seconds; injectable for tests.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        window: float = WINDOW,
        margin: float = WINDOW_MARGIN,
        answer_margin: float = ANSWER_MARGIN,
    ) -> None:
        self._clock = clock
        self._window = window
        self._margin = margin
        self._answer_margin = answer_margin
        self._lock = threading.Lock()
        self._tickets: deque[Ticket] = deque()

    def reserve(self, rate: float) -> Ticket:
        """Reserve a start for one request at ``rate`` per window; nothing sleeps."""
        n, span = self._shape(rate)
        with self._lock:
            now = self._clock()
            ticket = Ticket(max(now, self._earliest(n, span)), self._margin)
            tickets = self._tickets
            tickets.append(ticket)
            # keep only what a later window can still see (clients of any rate share this)
            while len(tickets) > 64 and tickets[0].bound < ticket.slot - 10 * span:
                tickets.popleft()
            return ticket

    def answered(self, ticket: Ticket, at: float | None = None) -> None:
        """The answer to ``ticket``'s request (or its failure) came back ``at`` (default: now).
        The first call counts; later ones (a redirect's second answer) change nothing."""
        with self._lock:
            if ticket.answered:
                return
            ticket.answered = True
            ticket.bound = max(ticket.slot, self._clock() if at is None else at) + self._answer_margin

    def delay(self, rate: float) -> float:
        """Seconds a request starting now would wait (a peek: nothing is reserved)."""
        n, span = self._shape(rate)
        with self._lock:
            return max(0.0, self._earliest(n, span) - self._clock())

    def _earliest(self, n: int, span: float) -> float:
        """The earliest start that leaves fewer than ``n`` bounds within ``span`` before it."""
        if len(self._tickets) < n:
            return -math.inf
        return heapq.nlargest(n, (t.bound for t in self._tickets))[-1] + span

    def _shape(self, rate: float) -> tuple[int, float]:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if rate >= 1:
            return math.floor(rate), self._window
        # fewer than one per second: one request per 1/rate seconds
        return 1, self._window / rate

    def acquire(self, rate: float, sleep: Callable[[float], None] = time.sleep) -> Ticket:
        """Wait until a request may start; return its ticket (``waited``: the seconds slept).
        Pass it to :meth:`answered` when the answer comes back."""
        ticket = self.reserve(rate)
        wait = ticket.slot - self._clock()
        if wait > 0:
            sleep(wait)
            ticket.waited = wait
        return ticket


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
