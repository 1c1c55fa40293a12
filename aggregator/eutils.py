"""Stage 2: NCBI E-utilities over HTTP. The only module that does HTTP.

``EutilsClient`` asks ESearch for PubMed ids and EFetch for PubMed XML, and returns plain values
(``SearchResult``, ``list[str]``, ``bytes``); parsing the XML is :mod:`aggregator.parse`'s job.
It honours NCBI's rules (DESIGN.md, "PubMed facts the client must honour"):

- one throttle per process and base URL: never more than ``settings.rate`` requests (3/s
  without a key, 10/s with one) reaching NCBI in any 1-second window, shared by every client
  and thread (each request counted until its answer comes back, so a late one cannot crowd the
  next window);
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

# Layout (the docstring above is kept as it was before the split): this module holds
# ``EutilsClient`` (transport, retry loop) and is the only one importing ``requests``. The
# rest lives beside it: ``eutils_throttle`` (the shared rate limiter), ``eutils_responses``
# (body checks, ``<ERROR>`` texts, what is retried), ``eutils_slicing`` (the 9,999 cap and the
# date-slicing driver ``search_ids``, a mixin of the client), ``eutils_results`` (``SearchResult``, ``EutilsStats``) and
# ``eutils_redact`` (API key out of urllib3's log lines). Their names used elsewhere are
# re-exported here, so ``aggregator.eutils`` stays the one import.
#
# Public names that lived here before the split but are not in __all__ (WINDOW, EARLIEST...)
# are re-exported with ``from .x import X as X``, the explicit re-export form mypy (strict, no
# implicit re-export) and ruff recognise, so ``aggregator.eutils.WINDOW`` keeps working. Pylint's
# useless-import-alias (PLC0414) would flag that form, hence the file-level exemption.
# ruff: noqa: PLC0414

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urljoin

import requests

from . import __version__
from .config import Settings
from .errors import (
    EutilsError,
    EutilsHTTPError,
    EutilsResponseError,
    EutilsUnavailable,
)
from .eutils_redact import _API_KEY_RE, _install_redaction
from .eutils_responses import (
    _RETRY_STATUSES,
    _body_excerpt,
    _check_efetch,
    _network_reason,
    _parse_esearch,
    _retry_after,
    _short,
    _Transient,
    classify_error,
)
from .eutils_responses import PERMANENT_ERRORS as PERMANENT_ERRORS
from .eutils_responses import TRANSIENT_ERRORS as TRANSIENT_ERRORS
from .eutils_results import EutilsStats, SearchResult
from .eutils_slicing import EARLIEST as EARLIEST
from .eutils_slicing import ESEARCH_CAP, DateSlicing, _default_maxdate, _fmt_date
from .eutils_throttle import WINDOW as WINDOW
from .eutils_throttle import WINDOW_MARGIN as WINDOW_MARGIN
from .eutils_throttle import Throttle, Ticket, throttle_for

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

#: above this many ids, send them in a POST body (long GETs fail with 414)
POST_IDS_OVER = 200
#: above this many characters of term, POST as well
POST_TERM_OVER = 1500

_T = TypeVar("_T")


# --------------------------------------------------------------------------- client


class EutilsClient(DateSlicing):
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
            ticket = self.throttle.acquire(s.rate, self._sleep)
            self.stats.throttle_wait += ticket.waited
            started = self._clock()
            self.stats.requests[endpoint] += 1
            try:
                result = self._attempt(method, url, endpoint, all_params, timeout, handle, started, ticket)
            except _Transient as exc:
                last = exc
                if exc.kind == "unreachable":
                    streak_start = started if streak_start is None else streak_start
                else:
                    streak_start = None
            else:
                return result
            finally:
                # no answer (refused, timed out, cut off): it is over now, which still bounds it
                self.throttle.answered(ticket)
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
        ticket: Ticket,
    ) -> _T:
        headers = {"User-Agent": self.user_agent}

        def answered(resp: requests.Response, *args: Any, **kwargs: Any) -> None:
            # runs when the status line and headers are in, before the body is read: the
            # request has reached the server by now, whatever delayed it on the way
            self.throttle.answered(ticket)

        hooks = {"response": answered}
        try:
            if method == "POST":
                resp = self.session.post(url, data=params, headers=headers, timeout=timeout, hooks=hooks)
            else:
                resp = self.session.get(url, params=params, headers=headers, timeout=timeout, hooks=hooks)
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
