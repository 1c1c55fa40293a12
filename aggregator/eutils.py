"""Stage 2: NCBI E-utilities over HTTP. The only module that does HTTP.

``EutilsClient`` asks ESearch for PubMed ids and EFetch for PubMed XML, and returns plain values
(``SearchResult``, ``list[str]``, ``bytes``); parsing the XML is :mod:`aggregator.parse`'s job.
It honours NCBI's rules (DESIGN.md, "PubMed facts the client must honour"):

- one throttle per process and base URL: never more than ``settings.rate`` requests (3/s
  without a key, 10/s with one) in any 1-second window, shared by every client and thread;
- ``tool``, ``email`` and ``api_key`` on every request; POST above 200 ids or a long term;
- retries with exponential back-off and full jitter on what is transient (429, 5xx, dropped
  connections, timeouts, empty or truncated bodies, some ``<ERROR>`` texts inside HTTP 200);
  a typed error at once for the rest; :class:`EutilsUnavailable` within
  ``settings.unreachable_after`` seconds when PubMed cannot be reached at all;
- ESearch's 9,999-id ceiling: :meth:`EutilsClient.search_ids` slices the query on date ranges
  and checks that the ids received add up to ``Count``.

The API key never reaches a log line or an error message: URLs are redacted and exceptions
from ``requests`` (whose text holds the URL) are re-raised with redacted text.

Example::

    with EutilsClient(Settings.from_env()) as client:
        ids = client.search_ids("ketamine[tiab] AND depression[tiab]")
        for batch, xml in client.iter_efetch(ids):
            records = parse_articles(xml)
"""

from __future__ import annotations

import datetime as dt
import email.utils
import itertools
import logging
import math
import random
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urljoin

import requests
from lxml import etree

from . import __version__
from .config import Settings
from .errors import (
    EutilsCountMismatch,
    EutilsError,
    EutilsHTTPError,
    EutilsResponseError,
    EutilsUnavailable,
)

__all__ = [
    "ESEARCH_CAP",
    "EutilsClient",
    "EutilsStats",
    "SearchResult",
    "Throttle",
    "classify_error",
    "throttle_for",
]

logger = logging.getLogger(__name__)

#: ESearch returns at most the first 9,999 ids of a query (``'retstart' cannot be larger
#: than 9998``), history server included; ``Count`` is still the true count.
ESEARCH_CAP = 9999
#: above this many ids, send them in a POST body (long GETs fail with 414)
POST_IDS_OVER = 200
#: above this many characters of term, POST as well
POST_TERM_OVER = 1500
#: the window NCBI counts requests in, plus a margin for the variable delay between our clock
#: reading and the request reaching the server. Measured on loopback: ~1 ms usually, up to
#: ~30 ms on a loaded machine or a new connection; 50 ms keeps a 20 ms reserve and costs 5 % of
#: the rate (10 requests per 1.05 s).
WINDOW = 1.0
WINDOW_MARGIN = 0.05
#: default start of a date-sliced search: older than any PubMed record
EARLIEST = dt.date(1800, 1, 1)
#: fill ratio aimed at when a slice over the cap is split (uniform density would fit in one go)
_SPLIT_FILL = 0.7
#: assumed growth of PubMed per day (about 5 % a year), to place slice boundaries
_GROWTH_PER_DAY = 0.05 / 365.25

# Statuses retried, and why (pip's session.py does the same):
#   429 NCBI's rate limit (JSON body, no Retry-After): another process shares our IP or key;
#   500/502/503/504 NCBI's front ends and proxies fail briefly under load.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# <ERROR> texts inside HTTP 200, decided per message. Matched case-insensitively as substrings;
# the permanent list is checked first. Unknown texts are permanent: retrying a request whose
# failure we do not understand only delays the clear error.
#: retried: a backend was briefly unreachable; the same request succeeds a moment later.
TRANSIENT_ERRORS: tuple[str, ...] = (
    "unable to open connection",  # "Search Backend failed: Unable to open connection to #PMQuerySrv?dbaf=..."
    "read from backend failed",
    "backend is not responding",
    "temporarily unavailable",
    "timed out",
    "timeout",
    "try again",
)
#: not retried: the same request will fail the same way.
PERMANENT_ERRORS: tuple[str, ...] = (
    "cannot be larger than 9998",  # retstart over ESearch's cap
    "unable to obtain query",  # "Unable to obtain query #1": history (WebEnv) gone; a new search is needed
    "database is not supported",  # "Search Backend failed: Database is not supported: pubmed": an
    #                               NCBI outage that lasted hours (biopython#5025); fail now, run later
    "invalid db name",
    "empty id list",
    "neither query_key nor id specified",
    "some ids have invalid value",
    "invalid uid",
    "invalid query",
    "syntax",
)

_T = TypeVar("_T")
_API_KEY_RE = re.compile(r"(api[_-]?key=)[^&\s'\"]*", re.IGNORECASE)


def classify_error(message: str) -> bool:
    """True when an ``<ERROR>`` text inside HTTP 200 is transient (worth retrying).

    See :data:`TRANSIENT_ERRORS` and :data:`PERMANENT_ERRORS`; unknown texts are permanent.
    """
    low = message.lower()
    if any(p in low for p in PERMANENT_ERRORS):
        return False
    return any(t in low for t in TRANSIENT_ERRORS)


# --------------------------------------------------------------------------- results, stats


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


# --------------------------------------------------------------------------- throttle


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


# --------------------------------------------------------------------------- redaction


class _RedactFilter(logging.Filter):
    """Redacts ``api_key=...`` in records of urllib3's logger, which logs full URLs at DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_API_KEY_RE.sub(r"\1***", a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = _API_KEY_RE.sub(r"\1***", record.msg)
        return True


_REDACT_FILTER = _RedactFilter()


def _install_redaction() -> None:
    for name in ("urllib3.connectionpool", "urllib3.connection"):
        lg = logging.getLogger(name)
        if _REDACT_FILTER not in lg.filters:
            lg.addFilter(_REDACT_FILTER)


# --------------------------------------------------------------------------- client


class _Transient(Exception):
    """A failure worth retrying; ``kind`` decides which error is raised once retries run out."""

    def __init__(self, message: str, *, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # "unreachable" | "http" | "response"
        self.status = status
        self.retry_after: float | None = None


class EutilsClient:
    """E-utilities client for PubMed: throttled, retried, typed errors.

    :param settings: ``api_key``, ``email``, ``tool``, ``eutils_url``, ``rate``, ``timeout``,
        ``max_attempts``, ``backoff``, ``backoff_max``, ``unreachable_after``, ``batch_size``.
    :param session: a ``requests.Session`` to use (tests inject one); closed by :meth:`close`
        only when the client created it.
    :param clock: monotonic clock (throttle, budgets); ``sleep``: how to wait. Both injectable.
    """

    def __init__(
        self,
        settings: Settings,
        session: requests.Session | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.base_url = settings.eutils_url if settings.eutils_url.endswith("/") else settings.eutils_url + "/"
        self._own_session = session is None
        if session is None:
            session = requests.Session()
            # Retries are ours, not urllib3's: each attempt must pass the throttle, and errors
            # inside HTTP 200 or truncated bodies are invisible to urllib3's Retry.
            adapter = requests.adapters.HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=8)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
        self.session = session
        self.user_agent = f"aggregator/{__version__} ({settings.tool}) python-requests/{requests.__version__}"
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.throttle = throttle_for(self.base_url, clock)
        self.stats = EutilsStats()
        _install_redaction()

    # -- lifecycle

    def close(self) -> None:
        """Close the session if this client created it."""
        if self._own_session:
            self.session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- public API

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
    ) -> SearchResult:
        """One ESearch call on PubMed.

        :param mindate: ``YYYY/MM/DD`` (or a date), inclusive, on ``datetype``
            (``crdt``, ``edat``, ``mhda``, ``pdat``...); ``maxdate`` likewise.
        :raises EutilsResponseError: ``<ERROR>`` in the answer (e.g. ``retstart`` over 9998).
        :raises EutilsHTTPError: a non-2xx status that retries did not cure.
        :raises EutilsUnavailable: PubMed could not be reached.
        """
        params: dict[str, Any] = {
            "db": "pubmed",
            "term": term,
            "retstart": retstart,
            "retmax": retmax,
            "retmode": "xml",
        }
        if mindate is not None or maxdate is not None:
            params["datetype"] = datetype
            params["mindate"] = _fmt_date(mindate if mindate is not None else EARLIEST)
            params["maxdate"] = _fmt_date(maxdate if maxdate is not None else _default_maxdate())
        if usehistory:
            params["usehistory"] = "y"
        result = self._request("esearch", params, _parse_esearch, post=len(term) > POST_TERM_OVER)
        for warning in result.warnings:
            logger.warning("esearch %r: %s", _short(term), warning)
        return result

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

    def efetch(self, ids: Sequence[str]) -> bytes:
        """PubMed XML (``PubmedArticleSet``) for ``ids``, checked complete.

        :raises EutilsResponseError: the body stayed empty, truncated or an ``<ERROR>``.
        """
        ids = [str(i).strip() for i in ids]
        if not ids:
            return b'<?xml version="1.0" ?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n'
        params = {"db": "pubmed", "id": ",".join(ids), "retmode": "xml"}
        return self._request("efetch", params, _check_efetch, post=len(ids) > POST_IDS_OVER)

    def iter_efetch(
        self, ids: Sequence[str], batch_size: int | None = None
    ) -> Iterator[tuple[list[str], bytes]]:
        """Yield ``(batch_ids, xml)`` for ``ids`` in batches of ``settings.batch_size``."""
        size = batch_size or self.settings.batch_size
        ids = list(ids)
        for start in range(0, len(ids), size):
            batch = ids[start : start + size]
            yield batch, self.efetch(batch)

    # -- slicing

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

    # -- transport

    def _base_params(self) -> dict[str, str]:
        params = {"tool": self.settings.tool}
        if self.settings.email:
            params["email"] = self.settings.email
        if self.settings.api_key:
            params["api_key"] = self.settings.api_key
        return params

    def _redact(self, text: str) -> str:
        return self.settings.redact(_API_KEY_RE.sub(r"\1***", text))

    def _request(
        self,
        endpoint: str,
        params: Mapping[str, Any],
        handle: Callable[[bytes], _T],
        *,
        post: bool = False,
    ) -> _T:
        """Send one logical request with retries; ``handle`` validates and converts the body,
        raising :class:`_Transient` for what is worth retrying."""
        s = self.settings
        url = urljoin(self.base_url, f"{endpoint}.fcgi")
        all_params = {**params, **self._base_params()}
        method = "POST" if post else "GET"
        shown_url = self._redact(url + "?" + "&".join(f"{k}={_short(str(v), 80)}" for k, v in all_params.items()))
        streak_start: float | None = None  # start of consecutive "unreachable" failures
        last: _Transient | None = None
        for attempt in range(1, max(1, s.max_attempts) + 1):
            if attempt > 1:
                self.stats.retries += 1
            timeout: tuple[float, float] = (min(s.timeout, s.unreachable_after), s.timeout)
            if streak_start is not None:
                left = streak_start + s.unreachable_after - self._clock()
                if left <= 0 or self.throttle.delay(s.rate) >= left:
                    break  # the budget would run out before this attempt could even start
                left -= self.throttle.delay(s.rate)
                timeout = (min(s.timeout, left), min(s.timeout, left))
            self.stats.throttle_wait += self.throttle.acquire(s.rate, self._sleep)
            started = self._clock()
            self.stats.requests[endpoint] += 1
            try:
                result = self._attempt(method, url, endpoint, all_params, timeout, handle, started)
            except _Transient as exc:
                last = exc
                if exc.kind == "unreachable":
                    streak_start = started if streak_start is None else streak_start
                else:
                    streak_start = None
            else:
                return result
            if attempt >= s.max_attempts:
                break
            delay = self._rng.uniform(0, min(s.backoff_max, s.backoff * 2 ** (attempt - 1)))
            if last.retry_after is not None:
                delay = max(delay, min(last.retry_after, s.backoff_max))
            if streak_start is not None:
                left = streak_start + s.unreachable_after - self._clock()
                if left <= 0.01:
                    break
                delay = min(delay, max(0.0, left - 0.01))
            logger.info("%s %s: %s; retry %d in %.2fs", method, endpoint, last, attempt, delay)
            self._sleep(delay)
        assert last is not None
        raise self._final_error(last, endpoint, shown_url)

    def _attempt(
        self,
        method: str,
        url: str,
        endpoint: str,
        params: Mapping[str, Any],
        timeout: tuple[float, float],
        handle: Callable[[bytes], _T],
        started: float,
    ) -> _T:
        headers = {"User-Agent": self.user_agent}
        try:
            if method == "POST":
                resp = self.session.post(url, data=params, headers=headers, timeout=timeout)
            else:
                resp = self.session.get(url, params=params, headers=headers, timeout=timeout)
            body = resp.content
        except requests.exceptions.ChunkedEncodingError as exc:
            # Content-Length promised more than arrived: a truncated body
            self._log(method, endpoint, "truncated", started, 0)
            raise _Transient(f"truncated body ({type(exc).__name__})", kind="response") from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            self._log(method, endpoint, type(exc).__name__, started, 0)
            # str(exc) holds the whole URL (and so the key on GET): keep only the reason
            raise _Transient(_network_reason(exc), kind="unreachable") from None
        self.stats.bytes_received += len(body)
        status = resp.status_code
        self._log(method, endpoint, status, started, len(body))
        if status == 429:
            self.stats.rate_limited += 1
        if status in _RETRY_STATUSES:
            err = _Transient(f"HTTP {status}", kind="http", status=status)
            err.retry_after = _retry_after(resp.headers.get("Retry-After"))
            raise err
        if status != 200:
            raise EutilsHTTPError(
                f"E-utilities {endpoint} answered HTTP {status} {resp.reason}: "
                f"{self._redact(_body_excerpt(body))}",
                status=status,
                url=self._redact(resp.url or url),
            )
        return handle(body)

    def _log(self, method: str, endpoint: str, status: object, started: float, size: int) -> None:
        logger.info(
            "HTTP %s %s -> %s in %.3fs (%d bytes)", method, endpoint, status, self._clock() - started, size
        )

    def _final_error(self, last: _Transient, endpoint: str, shown_url: str) -> EutilsError:
        s = self.settings
        if last.kind == "unreachable":
            return EutilsUnavailable(
                f"PubMed E-utilities at {self._redact(self.base_url)} could not be reached "
                f"({self._redact(str(last))}); check the network or NCBI_EUTILS_URL; "
                "stored data is unchanged"
            )
        if last.kind == "http":
            hint = (
                "NCBI kept refusing for the rate limit (429): another program may share this IP "
                "or API key"
                if last.status == 429
                else "NCBI is failing; try again later"
            )
            return EutilsHTTPError(
                f"E-utilities {endpoint} answered HTTP {last.status} after {s.max_attempts} "
                f"attempts; {hint}; stored data is unchanged",
                status=last.status,
                url=shown_url,
            )
        return EutilsResponseError(
            f"E-utilities {endpoint}: {self._redact(str(last))} after {s.max_attempts} attempts; "
            "stored data is unchanged"
        )


# --------------------------------------------------------------------------- bodies


def _text(el: Any) -> str:
    """All text of an element, whitespace collapsed."""
    return " ".join("".join(str(t) for t in el.itertext()).split())


def _error_texts(root: Any) -> list[str]:
    return [_text(e) for e in root.iter("ERROR")]


def _raise_for_errors(endpoint: str, errors: list[str]) -> None:
    if not errors:
        return
    text = "; ".join(errors)
    if all(classify_error(e) for e in errors):
        raise _Transient(f"<ERROR> {text}", kind="response")
    raise EutilsResponseError(f"E-utilities {endpoint} reported an error: {text}")


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _parse_esearch(body: bytes) -> SearchResult:
    if not body.strip():
        raise _Transient("empty body", kind="response")
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _Transient(f"incomplete or malformed XML ({exc})", kind="response") from None
    if root.tag != "eSearchResult":
        _raise_for_errors("esearch", _error_texts(root))
        raise _Transient(f"unexpected document <{root.tag}>", kind="response")
    _raise_for_errors("esearch", _error_texts(root))
    count_text = root.findtext("Count")
    if count_text is None:
        raise _Transient("eSearchResult without Count", kind="response")
    warnings = [
        f"{e.tag}: {_text(e)}"
        for lst in ("ErrorList", "WarningList")
        for e in root.iterfind(lst + "/*")
    ]
    return SearchResult(
        count=int(count_text),
        ids=[(i.text or "").strip() for i in root.iterfind("IdList/Id")],
        retstart=int(root.findtext("RetStart") or 0),
        retmax=int(root.findtext("RetMax") or 0),
        query_translation=root.findtext("QueryTranslation"),
        webenv=root.findtext("WebEnv"),
        query_key=root.findtext("QueryKey"),
        warnings=warnings,
    )


_ERROR_RE = re.compile(rb"<ERROR>(.*?)</ERROR>", re.DOTALL)
_CLOSE_RE = re.compile(rb"(</PubmedArticleSet>|<PubmedArticleSet\s*/>)\s*$")


def _check_efetch(body: bytes) -> bytes:
    """Accept only a complete ``PubmedArticleSet``; never half a batch."""
    if not body.strip():
        raise _Transient("empty body", kind="response")
    errors = [" ".join(m.decode("utf-8", "replace").split()) for m in _ERROR_RE.findall(body)]
    _raise_for_errors("efetch", errors)
    if b"<PubmedArticleSet" not in body[:4096]:
        raise _Transient(f"not PubMed XML: {_body_excerpt(body)!r}", kind="response")
    if not _CLOSE_RE.search(body[-256:]):
        raise _Transient("truncated PubMed XML (Premature end of data)", kind="response")
    return body


# --------------------------------------------------------------------------- helpers


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


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _body_excerpt(body: bytes, limit: int = 200) -> str:
    text = body[:2000].decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", " ", text)
    return _short(" ".join(text.split()), limit)


_ERRNO = re.compile(r"\[Errno -?\d+\] [^'\")]+")


def _network_reason(exc: BaseException) -> str:
    """A short, URL-free reason for a connection failure or timeout, e.g.
    ``ConnectionError: [Errno 111] Connection refused`` or ``ReadTimeout: read timed out``."""
    text = str(exc)
    found = _ERRNO.findall(text)
    if found:
        reason = found[-1].strip()
    elif "timed out" in text.lower():
        reason = "timed out"
    elif "RemoteDisconnected" in text or "Connection aborted" in text:
        reason = "connection closed by the server"
    else:
        reason = "network error"
    return f"{type(exc).__name__}: {reason}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (NCBI sends none; a proxy might)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
