"""Unit tests of aggregator.eutils with ``responses`` (no network, no sockets except one closed
port). Recorded NCBI bodies are read from ../shared/fixtures/eutils at run time (see SOURCES.md
there for the call behind each file); tests that need them skip cleanly when ../shared is absent.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from datetime import date

import pytest
import requests
import responses
from responses import matchers, registries

from aggregator.config import Settings
from aggregator.errors import (
    EutilsCountMismatch,
    EutilsError,
    EutilsHTTPError,
    EutilsResponseError,
    EutilsUnavailable,
)
from aggregator.eutils import (
    ESEARCH_CAP,
    EutilsClient,
    Throttle,
    classify_error,
    throttle_for,
)
from tests.conftest import shared_path

KEY = "test-key-0123456789"
BASE = "http://127.0.0.1:9/entrez/eutils/"
ESEARCH = BASE + "esearch.fcgi"
EFETCH = BASE + "efetch.fcgi"
FIX = ("fixtures", "eutils")


def fixture_bytes(name: str) -> bytes:
    return shared_path(*FIX, name).read_bytes()


ESEARCH_OK = (
    b'<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult><Count>2</Count><RetMax>2</RetMax>'
    b"<RetStart>0</RetStart><IdList>\n<Id>2</Id>\n<Id>1</Id>\n</IdList><TranslationSet/>"
    b"<QueryTranslation>ketamine[All Fields]</QueryTranslation></eSearchResult>\n"
)


def esearch_body(count: int, ids: list[str]) -> bytes:
    idl = "".join(f"<Id>{i}</Id>" for i in ids)
    return (
        f"<?xml version='1.0'?><eSearchResult><Count>{count}</Count><RetMax>{len(ids)}</RetMax>"
        f"<RetStart>0</RetStart><IdList>{idl}</IdList></eSearchResult>"
    ).encode()


def pubmed_set(*pmids: str) -> bytes:
    arts = "".join(
        f"<PubmedArticle><MedlineCitation><PMID Version='1'>{p}</PMID></MedlineCitation></PubmedArticle>\n"
        for p in pmids
    )
    return f'<?xml version="1.0" ?>\n<PubmedArticleSet>\n{arts}</PubmedArticleSet>\n'.encode()


@pytest.fixture
def fast(settings: Settings) -> Settings:
    """Conftest settings with the throttle opened wide, so unit tests do not wait on it."""
    return settings.replace(requests_per_second=1000.0, max_attempts=4)


def _requests_mock(request, **kwargs):
    """A RequestsMock that fails on unexpected or unused calls, except when the test was
    skipped (e.g. ../shared absent) after registering its responses."""
    rsps = responses.RequestsMock(assert_all_requests_are_fired=True, **kwargs)
    rsps.start()
    try:
        yield rsps
    finally:
        report = getattr(request.node, "rep_call", None)
        rsps.stop(allow_assert=bool(report is not None and report.passed))
        rsps.reset()


@pytest.fixture
def mocked(request):
    yield from _requests_mock(request)


@pytest.fixture
def ordered(request):
    yield from _requests_mock(request, registry=registries.OrderedRegistry)


def base_params(settings: Settings) -> dict[str, str]:
    return {"tool": settings.tool, "email": settings.email or "", "api_key": KEY}


# --------------------------------------------------------------------------- parameters, methods


def test_esearch_sends_tool_email_key_and_user_agent(settings, mocked):
    mocked.get(
        ESEARCH,
        body=ESEARCH_OK,
        match=[
            matchers.query_param_matcher(
                {"db": "pubmed", "term": "ketamine", "retstart": "0", "retmax": "9999",
                 "retmode": "xml", **base_params(settings)}
            ),
            matchers.header_matcher({"User-Agent": f"aggregator/0.1.0 ({settings.tool}) "
                                                   f"python-requests/{requests.__version__}"}),
        ],
    )
    with EutilsClient(settings) as client:
        result = client.search_ids("ketamine")
    assert result == ["2", "1"]


def test_efetch_sends_tool_email_key(fast, mocked):
    mocked.get(
        EFETCH,
        body=pubmed_set("1", "2"),
        match=[matchers.query_param_matcher(
            {"db": "pubmed", "id": "1,2", "retmode": "xml", **base_params(fast)})],
    )
    with EutilsClient(fast) as client:
        assert client.efetch(["1", "2"]).endswith(b"</PubmedArticleSet>\n")


def test_no_key_no_email_params_when_unset(fast, mocked):
    bare = fast.replace(api_key=None, email=None)
    mocked.get(
        ESEARCH,
        body=ESEARCH_OK,
        match=[matchers.query_param_matcher(
            {"db": "pubmed", "term": "k", "retstart": "0", "retmax": "5", "retmode": "xml",
             "tool": "aggregator-tests"})],
    )
    with EutilsClient(bare) as client:
        assert client.esearch("k", retmax=5).count == 2


def test_efetch_posts_above_200_ids(fast, mocked):
    ids = [str(i) for i in range(1000, 1201)]  # 201 ids
    mocked.post(
        EFETCH,
        body=pubmed_set(*ids),
        match=[matchers.urlencoded_params_matcher(
            {"db": "pubmed", "id": ",".join(ids), "retmode": "xml", **base_params(fast)})],
    )
    mocked.get(EFETCH, body=pubmed_set(*ids[:200]),
               match=[matchers.query_param_matcher({"id": ",".join(ids[:200])}, strict_match=False)])
    with EutilsClient(fast) as client:
        assert client.efetch(ids).count(b"<PubmedArticle>") == 201
        assert client.efetch(ids[:200]).count(b"<PubmedArticle>") == 200


def test_esearch_posts_long_term(fast, mocked):
    term = " OR ".join(f"term{i}[tiab]" for i in range(200))
    assert len(term) > 1500
    mocked.post(ESEARCH, body=ESEARCH_OK,
                match=[matchers.urlencoded_params_matcher({"term": term}, strict_match=False)])
    with EutilsClient(fast) as client:
        assert client.esearch(term).ids == ["2", "1"]


def test_esearch_date_params(fast, mocked):
    mocked.get(ESEARCH, body=ESEARCH_OK, match=[matchers.query_param_matcher(
        {"datetype": "mhda", "mindate": "2024/01/01", "maxdate": "2024/02/29"}, strict_match=False)])
    with EutilsClient(fast) as client:
        client.esearch("k", mindate=date(2024, 1, 1), maxdate=date(2024, 2, 29), datetype="mhda")


def test_iter_efetch_batches(fast, mocked):
    ids = [str(i) for i in range(1, 8)]
    for chunk in (ids[0:3], ids[3:6], ids[6:7]):
        mocked.get(EFETCH, body=pubmed_set(*chunk),
                   match=[matchers.query_param_matcher({"id": ",".join(chunk)}, strict_match=False)])
    with EutilsClient(fast) as client:
        batches = list(client.iter_efetch(ids, batch_size=3))
        assert [b for b, _ in batches] == [ids[0:3], ids[3:6], ids[6:7]]
        assert client.stats.requests["efetch"] == 3
        assert client.stats.bytes_received == sum(len(x) for _, x in batches)


def test_efetch_of_nothing_sends_nothing(fast, mocked):
    with EutilsClient(fast) as client:
        assert b"PubmedArticleSet" in client.efetch([])
    assert client.stats.total_requests == 0


# --------------------------------------------------------------------------- parsing real bodies

# Values below were read from the files themselves (see SOURCES.md for the call behind each).
ESEARCH_CASES = [
    # file, count, retstart, n ids, first id, last id, query_key, webenv prefix, translation, warnings
    ("biopython_esearch1.xml", 63, 0, 20, "41282813", "37810457", None, None,
     '"biopython"[All Fields]', []),
    ("biopython_esearch2.xml", 42249, 0, 100, "41297076", "41296368", "1",
     "MCID_6927d6e7fee3e90f880ec190", None, []),
    ("biopython_esearch3.xml", 2651, 6, 6, "11121077", "11121072", None, None,
     '"proc natl acad sci u s a"[Journal] AND "97"[Volume]', []),
    ("biopython_esearch4.xml", 177, 0, 20, "75", "875", None, None, "obstetrics[All Fields]", []),
    ("biopython_esearch8.xml", 0, 0, 0, None, None, None, None, "(abcXYZ[All Fields])",
     ["PhraseNotFound: abcXYZ", "OutputMessage: No items found."]),
    ("biopython_esearch9.xml", 2, 0, 2, "48526533", "22347799", "19", "NCID_1_214573425_", "#2", []),
    ("klortho_eutilsjson_esearch.pubmed.xml", 15169, 0, 100, "23175848", "23174999", "1",
     "NCID_1_18991374_130.14.18.48_5555_1353814292_87026138", None, []),
    ("klortho_eutilsjson_esearch.error.xml", 5163, 0, 20, "101595451", "101557580", None, None,
     '"obstetrics"[MeSH Terms]', ["PhraseNotFound: fleegle[MeSH Terms]"]),
    ("biocommons_eutils_test_esearchresult_1.body.xml", 34, 0, 34, "40455089", "6067859", "1",
     "MCID_6934533c4c5abba8c303da1d", "hart, rk[Author] OR hart rk[Author]", []),
]


@pytest.mark.parametrize(
    "name,count,retstart,n,first,last,query_key,webenv,translation,warnings", ESEARCH_CASES,
    ids=[c[0] for c in ESEARCH_CASES],
)
def test_esearch_parses_real_bodies(fast, mocked, caplog, name, count, retstart, n, first, last,
                                    query_key, webenv, translation, warnings):
    mocked.get(ESEARCH, body=fixture_bytes(name))
    with EutilsClient(fast) as client:
        res = client.esearch("x")
    assert res.count == count
    assert res.retstart == retstart
    assert len(res.ids) == n
    if n:
        assert (res.ids[0], res.ids[-1]) == (first, last)
    assert res.query_key == query_key
    if webenv is None:
        assert res.webenv is None
    else:
        assert res.webenv is not None and res.webenv.startswith(webenv)
    if translation is not None:
        assert res.query_translation == translation
    assert res.warnings == warnings
    # warnings are logged, not raised
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == len(warnings)


def test_efetch_accepts_real_bodies(fast, mocked):
    for name in ("biocommons_eutils_test_efetch.body.xml", "biopython_pubmed2.xml",
                 "metapub_pmid_xml_37909814.xml", "klortho_eutilsjson_efetch.pubmedbook.xml"):
        body = fixture_bytes(name)
        mocked.get(EFETCH, body=body, match=[matchers.query_param_matcher({"id": name}, strict_match=False)])
    with EutilsClient(fast) as client:
        for name in ("biocommons_eutils_test_efetch.body.xml", "biopython_pubmed2.xml",
                     "metapub_pmid_xml_37909814.xml", "klortho_eutilsjson_efetch.pubmedbook.xml"):
            assert client.efetch([name]) == fixture_bytes(name)
    assert client.stats.retries == 0


# --------------------------------------------------------------------------- <ERROR> inside 200


@pytest.mark.parametrize("name,endpoint,text", [
    ("klortho_eutilsjson_esearch.baderror.xml", "esearch", "Invalid db name specified: fleegle"),
    ("klortho_eutilsjson_esummary.error.xml", "efetch", "Invalid db name specified: fleegle"),
    ("biopython_esummary8.xml", "efetch", "Neither query_key nor id specified"),
    ("biopython_epost3.xml", "efetch", "Empty ID list; Nothing to store"),
    ("biopython_epost2.xml", "esearch", "Invalid db name specified: nothing"),
])
def test_error_in_200_is_permanent(fast, ordered, name, endpoint, text):
    ordered.get(BASE + endpoint + ".fcgi", body=fixture_bytes(name))  # exactly one call
    with EutilsClient(fast) as client, pytest.raises(EutilsResponseError, match=text) as info:
        client.esearch("x") if endpoint == "esearch" else client.efetch(["1"])
    assert KEY not in str(info.value)
    assert client.stats.retries == 0


def test_transient_error_in_200_is_retried(fast, ordered):
    # the message refinebio#1390 recorded from NCBI, for db=pubmed
    transient = (b'<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult>\n\t<ERROR>Search Backend failed: '
                 b"Unable to open connection to #PMQuerySrv?dbaf=pubmed</ERROR>\n</eSearchResult>\n")
    ordered.get(ESEARCH, body=transient)
    ordered.get(ESEARCH, body=fixture_bytes("biopython_esearch1.xml"))
    with EutilsClient(fast) as client:
        assert client.esearch("biopython").count == 63
    assert client.stats.retries == 1


def test_retstart_cap_error_is_not_retried(fast, ordered):
    from tests.eutils_server import RETSTART_ERROR

    body = f"<?xml version='1.0'?><eSearchResult><ERROR>{RETSTART_ERROR}</ERROR></eSearchResult>"
    ordered.get(ESEARCH, body=body.encode())
    with EutilsClient(fast) as client, pytest.raises(EutilsResponseError, match="cannot be larger than 9998"):
        client.esearch("x", retstart=10000)


@pytest.mark.parametrize("message,transient", [
    ("Search Backend failed: Unable to open connection to #PMQuerySrv?dbaf=taxonomy", True),
    ("Search Backend failed: read from backend failed", True),
    ("Service temporarily unavailable", True),
    ("Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed", False),
    ("Search Backend failed: Database is not supported: pubmed", False),
    ("Unable to obtain query #1", False),
    ("Invalid db name specified: fleegle", False),
    ("Empty ID list; Nothing to store", False),
    ("Some IDs have invalid value and were omitted. Maximum ID value 18446744073709551615", False),
    ("Search Backend failed: something nobody has seen", False),
])
def test_classify_error(message, transient):
    assert classify_error(message) is transient


# --------------------------------------------------------------------------- retries


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_then_success(fast, ordered, status):
    ordered.get(ESEARCH, status=status, body="<html><body>Bad</body></html>")
    ordered.get(ESEARCH, status=status, body="<html><body>Bad</body></html>")
    ordered.get(ESEARCH, body=ESEARCH_OK)
    with EutilsClient(fast) as client:
        assert client.esearch("k").ids == ["2", "1"]
    assert client.stats.retries == 2
    assert client.stats.requests["esearch"] == 3


def test_429_json_bodies_then_success(fast, ordered):
    ordered.get(ESEARCH, status=429, content_type="application/json",
                body=fixture_bytes("issue_rentrez156_http429_api_rate_limit_exceeded.json"))
    ordered.get(ESEARCH, status=429, content_type="application/json",
                body=fixture_bytes("issue_taxize856_http429_api_rate_limit_exceeded_keyed.json"))
    ordered.get(ESEARCH, body=ESEARCH_OK)
    with EutilsClient(fast) as client:
        assert client.esearch("k").count == 2
    assert client.stats.rate_limited == 2
    assert client.stats.retries == 2


def test_429_forever_is_an_http_error(fast, ordered):
    for _ in range(fast.max_attempts):
        ordered.get(ESEARCH, status=429, content_type="application/json",
                    body=fixture_bytes("issue_taxize856_http429_api_rate_limit_exceeded_keyed.json"))
    with EutilsClient(fast) as client, pytest.raises(EutilsHTTPError, match="rate limit") as info:
        client.esearch("k")
    assert info.value.status == 429
    assert info.value.exit_code == 3
    assert KEY not in str(info.value) and KEY not in (info.value.url or "")
    assert "api_key=***" in (info.value.url or "")


@pytest.mark.parametrize("status", [400, 404, 414])
def test_client_errors_fail_at_once(fast, ordered, status):
    ordered.get(ESEARCH, status=status, body="<html><body><h1>Bad Request</h1></body></html>")
    with EutilsClient(fast) as client, pytest.raises(EutilsHTTPError) as info:
        client.esearch("k")
    assert info.value.status == status
    assert KEY not in str(info.value) and KEY not in (info.value.url or "")
    assert client.stats.retries == 0


def test_truncated_efetch_is_retried(fast, ordered):
    full = fixture_bytes("biocommons_eutils_test_efetch.body.xml")
    ordered.get(EFETCH, body=full[: len(full) // 2])
    ordered.get(EFETCH, body=b"")
    ordered.get(EFETCH, body=full)
    with EutilsClient(fast) as client:
        assert client.efetch(["1234567"]) == full
    assert client.stats.retries == 2


def test_truncated_efetch_forever_is_a_response_error(fast, ordered):
    full = fixture_bytes("biopython_pubmed2.xml")
    for _ in range(fast.max_attempts):
        ordered.get(EFETCH, body=full[:-40])
    with EutilsClient(fast) as client, pytest.raises(EutilsResponseError, match="truncated"):
        client.efetch(["1"])


def test_chunked_encoding_error_is_retried(fast, ordered):
    ordered.get(EFETCH, body=requests.exceptions.ChunkedEncodingError("IncompleteRead(10 bytes read)"))
    ordered.get(EFETCH, body=pubmed_set("1"))
    with EutilsClient(fast) as client:
        assert b"<PMID" in client.efetch(["1"])


def test_malformed_esearch_is_retried(fast, ordered):
    ordered.get(ESEARCH, body=ESEARCH_OK[:-40])
    ordered.get(ESEARCH, body=b"<html><body>maintenance</body></html>")
    ordered.get(ESEARCH, body=ESEARCH_OK)
    with EutilsClient(fast) as client:
        assert client.esearch("k").count == 2


def test_connection_errors_then_unavailable(fast, ordered, caplog):
    caplog.set_level(logging.DEBUG)
    exc = requests.exceptions.ConnectionError(f"Max retries exceeded with url: /esearch.fcgi?api_key={KEY}")
    for _ in range(fast.max_attempts):
        ordered.get(ESEARCH, body=exc)
    with EutilsClient(fast) as client, pytest.raises(EutilsUnavailable) as info:
        client.esearch("k")
    msg = str(info.value)
    assert "check the network or NCBI_EUTILS_URL; stored data is unchanged" in msg
    assert KEY not in msg
    # nothing chained: requests exceptions carry the URL (and on GET the key)
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert all(KEY not in r.getMessage() for r in caplog.records)


def test_timeouts_are_retried(fast, ordered):
    ordered.get(ESEARCH, body=requests.exceptions.ReadTimeout("read timed out"))
    ordered.get(ESEARCH, body=requests.exceptions.ConnectTimeout("connect timed out"))
    ordered.get(ESEARCH, body=ESEARCH_OK)
    with EutilsClient(fast) as client:
        assert client.esearch("k").count == 2


def test_backoff_is_exponential_with_full_jitter(fast, ordered):
    s = fast.replace(backoff=1.0, backoff_max=5.0, max_attempts=5)
    for _ in range(4):
        ordered.get(ESEARCH, status=503)
    ordered.get(ESEARCH, body=ESEARCH_OK)
    sleeps: list[float] = []

    class MaxRandom(random.Random):
        def uniform(self, a: float, b: float) -> float:  # the top of the jitter range
            return b

    clock = [0.0]
    client = EutilsClient(s, clock=lambda: clock[0], sleep=sleeps.append, rng=MaxRandom())
    assert client.esearch("k").count == 2
    assert sleeps == [1.0, 2.0, 4.0, 5.0]  # doubling, capped at backoff_max

    jitter = EutilsClient(s, clock=lambda: clock[0], sleep=sleeps.append, rng=random.Random(1))
    for _ in range(3):
        ordered.get(ESEARCH, status=500)
    ordered.get(ESEARCH, body=ESEARCH_OK)
    sleeps.clear()
    jitter.esearch("k")
    assert len(sleeps) == 3 and all(0 <= d <= cap for d, cap in zip(sleeps, [1, 2, 4]))
    assert len(set(sleeps)) == 3


def test_retry_after_is_honoured(fast, ordered):
    s = fast.replace(backoff=0.01, backoff_max=10.0)
    ordered.get(ESEARCH, status=503, headers={"Retry-After": "3"})
    ordered.get(ESEARCH, body=ESEARCH_OK)
    sleeps: list[float] = []
    client = EutilsClient(s, sleep=sleeps.append)
    client.esearch("k")
    assert sleeps == [3.0]


def test_unavailable_on_closed_port_within_budget(settings):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now: connection refused
    s = settings.replace(eutils_url=f"http://127.0.0.1:{port}/entrez/eutils/", unreachable_after=1.0,
                         max_attempts=1000, backoff=0.05, backoff_max=0.2, requests_per_second=1000.0)
    start = time.monotonic()
    with EutilsClient(s) as client, pytest.raises(EutilsUnavailable, match="NCBI_EUTILS_URL") as info:
        client.esearch("ketamine")
    elapsed = time.monotonic() - start
    assert elapsed < 1.5
    assert client.stats.total_requests > 2  # it did retry
    assert KEY not in str(info.value)


def test_key_never_logged_nor_in_errors(settings, ordered, caplog):
    caplog.set_level(logging.DEBUG)
    s = settings.replace(requests_per_second=1000.0, max_attempts=2)
    ordered.get(ESEARCH, body=ESEARCH_OK)
    ordered.get(ESEARCH, status=500)
    ordered.get(ESEARCH, status=500)
    with EutilsClient(s) as client:
        client.esearch("k")
        with pytest.raises(EutilsHTTPError) as info:
            client.esearch("k")
    assert KEY not in str(info.value) and KEY not in repr(info.value.__dict__)
    messages = [r.getMessage() for r in caplog.records]
    assert any("HTTP GET esearch -> 200" in m for m in messages)  # one INFO line per request
    assert sum("HTTP GET esearch" in m for m in messages) == 3
    assert all(KEY not in m for m in messages)


# --------------------------------------------------------------------------- search_ids


def test_search_ids_single_call_when_under_cap(fast, mocked):
    mocked.get(ESEARCH, body=esearch_body(3, ["3", "2", "1"]),
               match=[matchers.query_param_matcher({"retmax": str(ESEARCH_CAP)}, strict_match=False)])
    with EutilsClient(fast) as client:
        assert client.search_ids("k") == ["3", "2", "1"]
    assert client.stats.requests["esearch"] == 1


def test_search_ids_shortfall_is_a_count_mismatch(fast, ordered):
    ordered.get(ESEARCH, body=esearch_body(5, ["5", "4", "3", "2"]))
    ordered.get(ESEARCH, body=esearch_body(5, []),
                match=[matchers.query_param_matcher({"retmax": "0"}, strict_match=False)])
    with EutilsClient(fast) as client, pytest.raises(EutilsCountMismatch) as info:
        client.search_ids("ketamine[tiab]")
    msg = str(info.value)
    assert "ketamine[tiab]" in msg and "4" in msg and "5" in msg
    assert info.value.exit_code == 3


def test_search_ids_single_day_over_cap_is_an_error(fast, mocked):
    mocked.get(ESEARCH, body=esearch_body(12000, ["1"]))
    day = date(2024, 3, 1)
    with EutilsClient(fast) as client, pytest.raises(EutilsError, match="2024/03/01"):
        client.search_ids("k", mindate=day, maxdate=day)


def test_search_ids_slices_and_bisects(fast, mocked):
    """A fake index: 30,000 ids, 2,000 a day over 15 days (2024-01-01..15): slices must fit."""
    from urllib.parse import parse_qs, urlsplit

    start = date(2024, 1, 1)
    day_ids = {start.toordinal() + d: [str(1_000_000 + d * 2000 + k) for k in range(2000)] for d in range(15)}

    def answer(request):
        q = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        if "mindate" in q:
            lo = date(*map(int, q["mindate"].split("/"))).toordinal()
            hi = date(*map(int, q["maxdate"].split("/"))).toordinal()
        else:
            lo, hi = 0, 10**7
        ids = [i for d, lst in sorted(day_ids.items()) if lo <= d <= hi for i in lst]
        return 200, {}, esearch_body(len(ids), ids[: min(int(q["retmax"]), ESEARCH_CAP)])

    mocked.add_callback(responses.GET, ESEARCH, callback=answer)
    with EutilsClient(fast) as client:
        ids = client.search_ids("k")
    assert len(ids) == 30_000 and len(set(ids)) == 30_000
    assert sorted(ids) == sorted(i for lst in day_ids.values() for i in lst)
    assert client.stats.requests["esearch"] < 40


# --------------------------------------------------------------------------- throttle


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.now += seconds


def windows_ok(stamps: list[float], rate: int, window: float = 1.0) -> bool:
    return all(stamps[i] - stamps[i - rate] >= window for i in range(rate, len(stamps)))


@pytest.mark.parametrize("rate", [3, 10])
def test_throttle_never_exceeds_rate_and_uses_budget(rate):
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    stamps = []
    for _ in range(200):
        throttle.acquire(rate, clock.sleep)
        stamps.append(clock())
        clock.now += 0.001  # a request takes a little time
    assert windows_ok(stamps, rate)
    # no 1-second window (anywhere) holds more than `rate` starts
    from tests.eutils_server import max_in_window

    assert max_in_window(stamps, 1.0) <= rate
    achieved = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    assert achieved >= 0.9 * rate, achieved


def test_throttle_slow_requests_do_not_wait():
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    for _ in range(10):
        assert throttle.acquire(3, clock.sleep).waited == 0.0
        clock.now += 0.5  # each request takes 0.5 s: never more than 3 in a window
    assert clock.now == pytest.approx(1005.0)


def test_throttle_burst_after_idle():
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    waits = [throttle.acquire(3, clock.sleep).waited for _ in range(4)]
    assert waits[:3] == [0.0, 0.0, 0.0]  # a full window's budget at once
    assert waits[3] == pytest.approx(1.05)  # then exactly until the oldest leaves the window


def test_throttle_counts_a_late_request_until_its_answer():
    """A request that reaches the server late (a stall before sending, a retransmitted packet)
    is bounded by its answer: the next window opens a full second after that, not after its
    planned start, so the server never sees rate + 1 in a window."""
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    first = throttle.acquire(10, clock.sleep)
    clock.now += 0.3  # stalled 300 ms on the way; the answer comes back then
    throttle.answered(first)
    others = []
    for _ in range(9):
        t = throttle.acquire(10, clock.sleep)
        throttle.answered(t)
        others.append(t)
    eleventh = throttle.acquire(10, clock.sleep)
    assert eleventh.slot >= first.slot + 0.3 + 1.0  # arrival <= answer, so the window is clear
    assert eleventh.slot == pytest.approx(first.slot + 0.3 + 1.0 + 0.005)


def test_throttle_prompt_answers_use_the_budget():
    """Answered within a few ms, requests run at nearly the full rate (the 50 ms margin is only
    for requests still in flight); a second answer (a redirect) changes nothing."""
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    stamps = []
    for _ in range(101):
        t = throttle.acquire(10, clock.sleep)
        stamps.append(clock())
        clock.now += 0.002
        throttle.answered(t)
        clock.now += 1.0
        throttle.answered(t)  # ignored
        clock.now -= 1.0
    from tests.eutils_server import max_in_window

    assert max_in_window(stamps, 1.0) <= 10
    achieved = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    assert 0.98 * 10 <= achieved <= 10, achieved


def test_throttle_unanswered_requests_keep_the_margin():
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    tickets = [throttle.acquire(3, clock.sleep) for _ in range(3)]  # all still in flight
    assert throttle.delay(3) == pytest.approx(1.05)
    throttle.answered(tickets[0], at=clock() + 0.01)
    assert throttle.delay(3) == pytest.approx(1.015)
    assert "answered" in repr(tickets[0]) and "in flight" in repr(tickets[1])


def test_throttle_threads_share_one_window():
    throttle = Throttle()
    stamps: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(8):
            throttle.acquire(20)
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    stamps.sort()
    assert len(stamps) == 32
    assert windows_ok(stamps, 20, window=1.0)


def test_throttle_is_shared_by_clients_of_one_url(fast):
    a, b = EutilsClient(fast), EutilsClient(fast)
    assert a.throttle is b.throttle is throttle_for(BASE)
    other = EutilsClient(fast.replace(eutils_url="http://127.0.0.1:10/entrez/eutils/"))
    assert other.throttle is not a.throttle


@pytest.mark.parametrize("msg, args", [
    ('"%s %s %s"', ("GET", "/esearch.fcgi?db=pubmed&api_key=SECRETKEY1&term=x", "HTTP/1.1")),
    ("api_key=%s&db=pubmed", ("SECRETKEY1",)),       # the key as the argument of the template
    ("url %(url)s", ({"url": "/efetch.fcgi?api_key=SECRETKEY1"},)),  # mapping-style arguments
])
def test_urllib3_log_lines_are_redacted_without_logging_errors(
    msg: str, args: tuple[object, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """The filter formats, then redacts: a template ending in 'api_key=%s' used to become
    'api_key=***' with an argument left over, a logging error that printed the key."""
    from aggregator.eutils_redact import _install_redaction

    _install_redaction()
    logger = logging.getLogger("urllib3.connectionpool")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger.addHandler(handler)
    old_level, logger.level = logger.level, logging.DEBUG
    try:
        logger.debug(msg, *args)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    assert len(records) == 1
    text = records[0].getMessage()
    assert "SECRETKEY1" not in text and "api_key=***" in text
    assert "SECRETKEY1" not in capsys.readouterr().err  # no "--- Logging error ---" report
