"""Integration tests: EutilsClient against our own E-utilities server (tests/eutils_server.py)
over real sockets on 127.0.0.1: the 9,999 cap, the rate limit, faults, outages."""

from __future__ import annotations

import logging
import re
import threading
import time
from datetime import date

import pytest
import requests

from aggregator.config import Settings
from aggregator.errors import (
    EutilsCountMismatch,
    EutilsHTTPError,
    EutilsResponseError,
    EutilsUnavailable,
)
from aggregator.eutils import EutilsClient
from tests.eutils_server import FakeEutils

pytestmark = pytest.mark.timeout(120)

KEY = "test-key-0123456789"
PMID_RE = re.compile(rb'<PMID Version="1">(\d+)</PMID>')


def make_settings(server: FakeEutils, *, keyed: bool = True, **changes) -> Settings:
    values = {
        "api_key": KEY if keyed else None,
        "email": "tests@example.org",
        "tool": "aggregator-tests",
        "eutils_url": server.url,
        "backoff": 0.02,
        "backoff_max": 0.1,
        "max_attempts": 6,
        "timeout": 5.0,
        "unreachable_after": 3.0,
        "batch_size": 500,
    }
    values.update(changes)
    return Settings(**values)


@pytest.fixture
def server():
    with FakeEutils() as srv:
        yield srv


@pytest.fixture
def small(server: FakeEutils) -> FakeEutils:
    server.add_records(60, start_pmid=38_000_000, crdt_start=date(2023, 1, 1), crdt_end=date(2023, 12, 31))
    return server


def assert_polite(server: FakeEutils, rate: int) -> None:
    reqs = list(server.requests)
    t0 = reqs[0].t if reqs else 0.0
    trace = [(round(r.t - t0, 4), r.endpoint, r.status) for r in reqs]
    assert server.count(status=429) == 0, trace
    assert server.max_in_window(1.0) <= rate, trace


# --------------------------------------------------------------------------- the 9,999 cap


@pytest.mark.parametrize("keyed,n,rate", [(True, 25_000, 10), (False, 12_000, 3)], ids=["keyed", "keyless"])
def test_search_ids_past_the_cap_then_efetch_everything(server, keyed, n, rate):
    expected = server.add_records(n, start_pmid=30_000_000, crdt_start=date(2005, 1, 1),
                                  crdt_end=date(2024, 12, 31), spread="recent")
    server.add_records(500, start_pmid=20_000_000, query="other topic")  # not part of the query
    settings = make_settings(server, keyed=keyed, batch_size=1000)
    start = time.monotonic()
    with EutilsClient(settings) as client:
        ids = client.search_ids("ketamine")
        assert len(ids) == n and len(set(ids)) == n
        assert set(ids) == set(expected)
        searches = client.stats.requests["esearch"]

        seen: list[bytes] = []
        for batch, xml in client.iter_efetch(ids):
            got = PMID_RE.findall(xml)
            assert [g.decode() for g in got] == batch  # every record, in the order asked
            seen.extend(got)
    elapsed = time.monotonic() - start
    assert len(seen) == n
    assert searches <= 8  # economical: a handful of slices, not a walk over the days
    assert_polite(server, rate)
    assert all(r.params.get("tool") == "aggregator-tests" for r in server.requests)
    assert all(bool(r.params.get("api_key")) is keyed for r in server.requests)
    assert elapsed < 30


def test_throttle_runs_near_the_rate_over_http(small):
    """Cheap requests back to back: the throttle, not the work, sets the pace, and it uses the
    budget (>= 85 % of the limit; the unit tests check >= 90 % on a fake clock)."""
    with EutilsClient(make_settings(small)) as client:
        for _ in range(31):
            client.esearch("ketamine", retmax=0)
    times = [r.t for r in small.requests]
    achieved = (len(times) - 1) / (times[-1] - times[0])
    assert 0.85 * 10 <= achieved <= 10 * 1.05, achieved
    assert_polite(small, 10)


def test_a_request_delayed_on_the_way_does_not_crowd_the_next_window(small):
    """The first request stalls 250 ms between the throttle and the wire (a descheduled thread,
    a GC pause, a lost packet), then ten more follow at the full rate. Counting each request
    until its answer came back keeps the server's windows legal: no 429, never 11 in a second.
    (Counted at its planned start plus the 50 ms margin, the 11th would land inside the
    stalled request's window.)"""
    with EutilsClient(make_settings(small)) as client:
        adapter = client.session.get_adapter(small.url)
        send = adapter.send
        stalls = [0.25]

        def late_send(request, **kwargs):
            if stalls:
                time.sleep(stalls.pop())
            return send(request, **kwargs)

        adapter.send = late_send  # type: ignore[method-assign]
        for _ in range(11):
            client.esearch("ketamine", retmax=0)
        assert client.stats.rate_limited == 0
    assert len(small.requests) == 11
    assert_polite(small, 10)
    ts = [r.t for r in small.requests]
    assert ts[10] - ts[0] >= 1.0


def test_search_ids_bisects_dense_slices(server):
    # 15,000 records in 10 days beside a sparse tail: slices over the cap are split again
    server.add_records(15_000, start_pmid=35_000_000, crdt_start=date(2024, 3, 1), crdt_end=date(2024, 3, 10))
    server.add_records(2_000, start_pmid=31_000_000, crdt_start=date(1990, 1, 1), crdt_end=date(2020, 1, 1))
    with EutilsClient(make_settings(server)) as client:
        ids = client.search_ids("ketamine")
    assert len(ids) == 17_000 == len(set(ids))
    assert_polite(server, 10)
    assert all(int(r.params.get("retstart", 0)) <= 9998 for r in server.requests)


def test_search_ids_single_day_over_cap(server):
    server.add_records(10_500, start_pmid=36_000_000, crdt_start=date(2024, 5, 5), crdt_end=date(2024, 5, 5))
    with EutilsClient(make_settings(server)) as client, pytest.raises(Exception, match="2024/05/05") as info:
        client.search_ids("ketamine")
    assert "narrow the query" in str(info.value)


def test_retstart_over_cap_is_ncbis_error(small):
    with EutilsClient(make_settings(small)) as client, pytest.raises(EutilsResponseError, match="9998"):
        client.esearch("ketamine", retstart=10_000)


def test_count_mismatch_when_a_slice_loses_ids(server):
    server.add_records(11_000, start_pmid=30_000_000, crdt_start=date(2018, 1, 1), crdt_end=date(2024, 1, 1))
    # every date slice silently loses 3 ids (Count lowered to match: each slice looks whole)
    server.faults.add("esearch", "drop_ids", n=3, times=100, when=lambda p: "mindate" in p)
    with EutilsClient(make_settings(server)) as client, pytest.raises(EutilsCountMismatch) as info:
        client.search_ids("ketamine")
    msg = str(info.value)
    received = int(re.search(r"received ([\d,]+) distinct ids", msg).group(1).replace(",", ""))
    assert "'ketamine'" in msg and "11,000" in msg
    assert 11_000 - received in (3, 6, 9)


def test_search_by_mhda_finds_modified_records(server):
    ids = server.add_records(100, start_pmid=39_000_000, crdt_start=date(2022, 1, 1), crdt_end=date(2022, 6, 1))
    for pmid in ids[:7]:
        server.modify(pmid, mhda=date(2025, 2, 3), mesh=["Ketamine", "Depression"])
    with EutilsClient(make_settings(server)) as client:
        got = client.search_ids("ketamine", mindate=date(2025, 2, 1), maxdate=date(2025, 2, 28), datetype="mhda")
        assert sorted(got) == sorted(ids[:7])
        xml = client.efetch(got)
    assert xml.count(b"<DescriptorName") == 14


def test_unknown_term_counts_zero(small):
    with EutilsClient(make_settings(small)) as client:
        res = client.esearch("no such thing")
        assert res.count == 0 and res.ids == []
        assert res.warnings == ["PhraseNotFound: no such thing", "OutputMessage: No items found."]
        assert client.search_ids("no such thing") == []


def test_efetch_posts_more_than_200_ids(small):
    ids = small.ids()[:50] + [str(n) for n in range(1, 200)]  # unknown ids are left out, as NCBI does
    with EutilsClient(make_settings(small)) as client:
        xml = client.efetch(ids)
    assert small.requests[-1].method == "POST"
    assert len(PMID_RE.findall(xml)) == 50


# --------------------------------------------------------------------------- faults

FAULTS = ["http500", "http502", "http503", "drop", "truncate", "cut", "error200", "empty", "http429"]


@pytest.mark.parametrize("endpoint", ["esearch", "efetch"])
@pytest.mark.parametrize("kind", FAULTS)
def test_faults_are_survived(small, endpoint, kind):
    small.faults.add(endpoint, kind, times=2)
    with EutilsClient(make_settings(small)) as client:
        if endpoint == "esearch":
            assert len(client.search_ids("ketamine")) == 60
        else:
            ids = small.ids()
            assert PMID_RE.findall(client.efetch(ids)) == [i.encode() for i in ids]
    assert small.faults.pending == 0
    assert client.stats.retries == 2
    faulted = [r for r in small.requests if r.fault == kind]
    assert len(faulted) == 2


def test_slow_answer_within_timeout_is_waited_for(small):
    small.faults.add("efetch", "slow", delay=0.5)
    with EutilsClient(make_settings(small, timeout=3.0)) as client:
        assert client.efetch(small.ids()[:5]).count(b"<PubmedArticle>") == 5
    assert client.stats.retries == 0


def test_slow_answer_past_timeout_is_retried(small):
    small.faults.add("esearch", "slow", delay=1.5)
    with EutilsClient(make_settings(small, timeout=0.3)) as client:
        assert len(client.search_ids("ketamine")) == 60
    assert client.stats.retries == 1


def test_429_burst_keyless(small):
    small.faults.add("*", "http429", times=4)
    with EutilsClient(make_settings(small, keyed=False)) as client:
        assert len(client.search_ids("ketamine")) == 60
    assert client.stats.rate_limited == 4
    assert small.count(status=429) == 4


def test_permanent_error_in_200_fails_at_once(small):
    small.faults.add("esearch", "error200", message="Search Backend failed: Database is not supported: pubmed")
    with EutilsClient(make_settings(small)) as client, pytest.raises(EutilsResponseError, match="not supported"):
        client.search_ids("ketamine")
    assert client.stats.retries == 0


# --------------------------------------------------------------------------- outages


def test_server_answering_503_forever(small):
    small.faults.add("*", "http503", times=1000)
    start = time.monotonic()
    with EutilsClient(make_settings(small, max_attempts=4)) as client, pytest.raises(EutilsHTTPError) as info:
        client.search_ids("ketamine")
    assert time.monotonic() - start < 3.0
    assert info.value.status == 503 and info.value.exit_code == 3
    assert KEY not in str(info.value) and KEY not in (info.value.url or "")
    assert small.count() == 4


def test_server_dropping_every_connection(small):
    small.faults.add("*", "drop", times=10_000)
    settings = make_settings(small, max_attempts=10_000, unreachable_after=1.5)
    start = time.monotonic()
    with EutilsClient(settings) as client, pytest.raises(EutilsUnavailable, match="stored data is unchanged"):
        client.efetch(small.ids())
    # the budget, plus slack for a loaded machine (the last attempt is bounded by the budget too)
    assert time.monotonic() - start < 1.5 + 1.0


def test_server_gone_is_unavailable_within_budget(server):
    settings = make_settings(server, max_attempts=10_000, unreachable_after=1.5)
    server.stop()  # nothing listens any more: connection refused
    start = time.monotonic()
    with EutilsClient(settings) as client, pytest.raises(EutilsUnavailable) as info:
        client.search_ids("ketamine")
    assert time.monotonic() - start < 2.5
    assert "check the network or NCBI_EUTILS_URL" in str(info.value)
    assert KEY not in str(info.value)


# --------------------------------------------------------------------------- politeness, secrecy


def test_two_clients_in_threads_share_the_throttle(small):
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with EutilsClient(make_settings(small, keyed=False)) as client:
                for _ in range(4):
                    client.esearch("ketamine", retmax=10)
        except Exception as exc:  # noqa: BLE001 - reported below, from the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert len(small.requests) == 8
    assert_polite(small, 3)


def test_server_rate_limit_answers_like_ncbi(small):
    with requests.Session() as s:
        answers = [s.get(small.url + "esearch.fcgi", params={"term": "ketamine"}) for _ in range(5)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    limited = answers[3]
    assert limited.status_code == 429
    assert "Retry-After" not in limited.headers
    body = limited.json()
    assert body["error"] == "API rate limit exceeded" and body["limit"] == "3" and body["count"] == "4"


def test_key_never_logged_over_real_http(small, caplog):
    caplog.set_level(logging.DEBUG)  # urllib3 logs full URLs at DEBUG
    small.faults.add("esearch", "http500")
    with EutilsClient(make_settings(small)) as client:
        client.search_ids("ketamine")
    messages = [r.getMessage() for r in caplog.records]
    assert any("urllib3" in r.name for r in caplog.records)
    assert any("api_key=***" in m for m in messages)
    assert all(KEY not in m for m in messages)


def test_prerendered_records_are_served_as_rendered_and_follow_modify() -> None:
    """prerender() (for benchmarks) serves the same bytes as rendering each time, and a
    record changed afterwards is served changed."""
    live, frozen = FakeEutils(), FakeEutils()
    for s in (live, frozen):
        s.add_records(20, start_pmid=100, seed=5)
    frozen.prerender()
    ids = live.ids()
    assert frozen.article_xml(ids) == live.article_xml(ids)
    for s in (live, frozen):
        s.modify(ids[0], title="Changed title", revised=date(2024, 5, 1))
    assert b"Changed title" in frozen.article_xml(ids[:1])
    assert frozen.article_xml(ids) == live.article_xml(ids)
