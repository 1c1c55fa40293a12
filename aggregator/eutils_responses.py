"""Stage 2 (E-utilities): judging answers and failures: value, retry, or typed error.

What :class:`aggregator.eutils.EutilsClient` retries and what it raises at once is decided here:
the HTTP statuses worth retrying (:data:`_RETRY_STATUSES`, 429 and 5xx), NCBI ``<ERROR>`` texts
inside HTTP 200 (:func:`classify_error`: :data:`TRANSIENT_ERRORS` vs :data:`PERMANENT_ERRORS`),
empty, truncated or malformed bodies (:func:`_parse_esearch` -> :class:`SearchResult`,
:func:`_check_efetch`), a URL-free reason for a dropped connection (:func:`_network_reason`)
and the ``Retry-After`` header (:func:`_retry_after`). A retryable failure is raised as
:class:`_Transient`; the rest as :class:`~aggregator.errors.EutilsResponseError`. Pure: the
bodies and exceptions come from the client, which alone talks HTTP. The public names are
re-exported by :mod:`aggregator.eutils`.

Example::

    from aggregator.eutils_responses import _Transient, _parse_esearch, classify_error

    classify_error("Search Backend failed: Unable to open connection")   # True: retry
    try:
        result = _parse_esearch(body)      # SearchResult, or raises
    except _Transient as exc:              # worth another attempt (exc.kind, exc.status)
        ...
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

from lxml import etree

from .errors import EutilsResponseError
from .eutils_results import SearchResult

__all__ = ["PERMANENT_ERRORS", "TRANSIENT_ERRORS", "classify_error"]

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


def classify_error(message: str) -> bool:
    """True when an ``<ERROR>`` text inside HTTP 200 is transient (worth retrying).

    See :data:`TRANSIENT_ERRORS` and :data:`PERMANENT_ERRORS`; unknown texts are permanent.
    """
    low = message.lower()
    if any(p in low for p in PERMANENT_ERRORS):
        return False
    return any(t in low for t in TRANSIENT_ERRORS)


class _Transient(Exception):
    """A failure worth retrying; ``kind`` decides which error is raised once retries run out."""

    def __init__(self, message: str, *, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # "unreachable" | "http" | "response"
        self.status = status
        self.retry_after: float | None = None


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
