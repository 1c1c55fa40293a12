"""Issue 5: the weekly job is incremental, self-healing and safe under faults.

Against our own E-utilities server on 127.0.0.1 (tests/eutils_server.py) with the real query
file (tests/_weekly_helpers.query_matcher maps its queries to record keys) and an SMTP server on
loopback (aiosmtpd):

- a >= 20,000-record fetch through every kind of fault ends with exactly the server's PMIDs,
  never over the rate limit;
- PubMed down or refusing: a typed error (exit 3, one line) within the settings' budget, store
  unchanged, the run recorded ``offline``;
- a week: new records, records that gained MeSH, a retraction -> re-tagged, retraction in the
  report, digest and CSV; a second run the same week changes and sends nothing; few requests;
- SMTP refusing or timing out: the digest is delivered on the next run, never twice.
"""

from __future__ import annotations

import csv
import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator import vocab_cache
from aggregator.cli import cli
from aggregator.config import Settings
from aggregator.digest import iso_week_key
from aggregator.errors import (
    EutilsError,
    EutilsHTTPError,
    EutilsResponseError,
    EutilsUnavailable,
    MailError,
)
from aggregator.pipeline import fetch, weekly
from aggregator.report import write_report
from aggregator.store import Store
from tests._weekly_helpers import (
    API_KEY,
    SMTPCollector,
    SMTPServer,
    now_in_one_week,
    populate,
    query_matcher,
    real_queries,
    real_vocab,
    runs,
    server_settings,
    snapshot,
    write_subscribers,
)
from tests.eutils_server import FakeEutils

pytestmark = pytest.mark.timeout(180)

QUERIES = real_queries()
VOCAB = real_vocab()


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    with FakeEutils(matcher=query_matcher(QUERIES)) as srv:
        yield srv


def closed_port() -> int:
    """A loopback port nothing listens on (connection refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- 1. a large fetch through every kind of fault ------------------------------------------------


@pytest.mark.slow
def test_fetch_20000_records_through_faults(settings: Settings, server: FakeEutils) -> None:
    ids = populate(server, QUERIES, 900, big="anesthesia", big_n=10_500)  # anesthesia > 9,999
    assert len(ids) >= 20_000
    s = server_settings(settings, server, batch_size=1000)
    f = server.faults
    # esearch: every transient kind once, and a 429 burst
    for kind, skip in [("http503", 0), ("drop", 1), ("empty", 2), ("truncate", 3),
                       ("cut", 4), ("http500", 5)]:
        f.add("esearch", kind, skip=skip)
    f.add("esearch", "error200", skip=6, message="Search Backend failed: Unable to open "
          "connection to #PMQuerySrv?dbaf=pubmed")
    f.add("esearch", "http429", times=3, skip=7)
    # efetch: spread over the batches; two in a row on one batch; a slow answer; a 429 burst
    plan = [("http500", 1), ("http502", 2), ("http503", 3), ("drop", 4), ("truncate", 5),
            ("cut", 6), ("empty", 7), ("http504", 8)]
    for kind, skip in plan:
        f.add("efetch", kind, skip=skip)
    f.add("efetch", "http503", times=2, skip=9)
    f.add("efetch", "error200", skip=10, message="Unable to open connection to #EFetchSrv")
    f.add("efetch", "slow", skip=11, delay=1.5)
    f.add("efetch", "http429", times=4, skip=12)
    injected = f.pending

    started = time.monotonic()
    with Store(s.db_path) as store:
        result = fetch(s, store, QUERIES, VOCAB)
        stored = store.pmids()
        status = store.status()
    elapsed = time.monotonic() - started

    assert f.pending == 0, "every injected fault was served"
    assert stored == set(ids) == set(server.ids(QUERIES.topic_term))
    assert result.status == "ok"
    c = result.counts
    assert c["found"] == len(ids) and c["to_fetch"] == len(ids)
    assert c["fetched"] == c["new"] == len(ids)
    assert c["changed"] == c["unchanged"] == c["missing"] == c["deleted"] == 0
    # the client counted every attempt the server saw (faulted ones included)
    assert c["requests"] == server.count()
    assert server.count() >= 21 + 11 + injected  # 21 batches, 11 queries, every fault retried
    assert status["tagged"] == len(ids)
    # never over NCBI's 10/s with a key, in any 1-second window; only injected 429s
    assert server.max_in_window(keyed=True) <= 10
    assert all(r.keyed for r in server.requests)
    real_429 = [r for r in server.requests if r.status == 429 and r.fault is None]
    assert real_429 == []
    # each record was committed once: no efetch asked for a stored batch twice after success
    ok_fetches = [r for r in server.requests if r.endpoint == "efetch" and r.status == 200
                  and r.fault in (None, "slow")]
    asked = [i for r in ok_fetches for i in r.params["id"].split(",")]
    assert len(asked) == len(set(asked)) == len(ids)
    last = runs(s.db_path)[-1]
    assert last["status"] == "ok" and last["kind"] == "fetch"
    assert elapsed < 90


# -- 2. PubMed stays down ------------------------------------------------------------------------


def _seed(settings: Settings, server: FakeEutils) -> Settings:
    populate(server, QUERIES, 20)
    s = server_settings(settings, server, unreachable_after=1.5)
    with Store(s.db_path) as store:
        fetch(s, store, QUERIES, VOCAB)
    return s


@pytest.mark.parametrize("outage", ["refused", "http503", "drop", "permanent_error"])
def test_pubmed_down_keeps_store_and_records_offline(
    settings: Settings, server: FakeEutils, outage: str, caplog: pytest.LogCaptureFixture
) -> None:
    s = _seed(settings, server)
    before = snapshot(s.db_path)
    assert len(before["records"]) > 100
    if outage == "refused":
        s = s.replace(eutils_url=f"http://127.0.0.1:{closed_port()}/entrez/eutils/")
        expected: type[EutilsError] = EutilsUnavailable
    elif outage == "http503":
        server.faults.add("*", "http503", times=10_000)
        expected = EutilsHTTPError
    elif outage == "drop":
        server.faults.add("*", "drop", times=10_000)
        expected = EutilsUnavailable
    else:  # an NCBI outage that answers inside HTTP 200 (biopython#5025): fail at once
        server.faults.add("*", "error200", times=10_000,
                          message="Search Backend failed: Database is not supported: pubmed")
        expected = EutilsResponseError
    budget = max(s.unreachable_after, s.max_attempts * (s.backoff_max + 0.2)) + 2.0
    for job in (fetch, weekly):
        started = time.monotonic()
        with Store(s.db_path) as store, pytest.raises(expected) as info:
            job(s, store, QUERIES, VOCAB)
        assert time.monotonic() - started < budget, f"{job.__name__} exceeded its budget"
        message = str(info.value)
        assert "\n" not in message and API_KEY not in message
        assert snapshot(s.db_path) == before, f"{job.__name__} changed the store"
        last = runs(s.db_path)[-1]
        assert last["kind"] == job.__name__ and last["status"] == "offline"
        assert API_KEY not in (last["error"] or "")
    assert API_KEY not in caplog.text


def test_cli_exit_3_one_line_when_pubmed_down(
    settings: Settings, server: FakeEutils, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    s = _seed(settings, server)
    before = snapshot(s.db_path)
    original = Settings.from_env.__func__  # type: ignore[attr-defined]

    def quick(cls: type[Settings], env: object = None, **options: object) -> Settings:
        return original(cls, env, **options).replace(backoff=0.01, backoff_max=0.05,
                                                     unreachable_after=1.5)

    monkeypatch.setattr(Settings, "from_env", classmethod(quick))
    env = {"NCBI_EUTILS_URL": f"http://127.0.0.1:{closed_port()}/entrez/eutils/",
           "AGGREGATOR_DB": str(s.db_path), "NCBI_API_KEY": API_KEY,
           "AGGREGATOR_QUERIES": str(s.queries_dir), "AGGREGATOR_REPORTS": str(tmp_path / "r"),
           "AGGREGATOR_SUBSCRIBERS": str(tmp_path / "none.toml")}
    # the vocabulary compiled and cached first (~10 s on a cold cache): the bound below is on
    # giving up when PubMed is down, not on compiling
    vocab_cache.load(s.queries_dir)
    for command in (["fetch"], ["weekly", "--no-send"]):
        started = time.monotonic()
        result = CliRunner().invoke(cli, command, env=env)
        assert time.monotonic() - started < 10
        assert result.exit_code == 3, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("aggregator: error:") and "could not be reached" in lines[0]
        assert API_KEY not in result.output
        assert snapshot(s.db_path) == before
        assert runs(s.db_path)[-1]["status"] == "offline"


# -- 5. a week ----------------------------------------------------------------------------------


def _mesh_sources(tags: object) -> set[str]:
    out = set()
    for group in ("conditions", "routes"):
        for tag in getattr(tags, group):
            out.add(tag.source)
    return out


@pytest.mark.slow
def test_a_week_new_changed_retracted_and_idempotent(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    t1 = now_in_one_week(timedelta(hours=1))  # the same week again an hour later
    today = t1.date()
    t0 = t1 - timedelta(days=7)
    populate(server, QUERIES, 200, crdt_end=today - timedelta(days=150), indexed=0.8)
    collector = SMTPCollector()
    address = "reader@example.org"
    with SMTPServer(collector) as smtp:
        s = server_settings(
            settings, server, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_starttls=False,
            digest_from="digest@example.org", smtp_timeout=5.0,
            subscribers_path=write_subscribers(tmp_path / "subscribers.toml", [address]),
        )
        clock = [t0]
        with Store(s.db_path, now=lambda: clock[0]) as store:
            first = weekly(s, store, QUERIES, VOCAB, now=t0)
            assert first.status == "ok" and first.counts["new"] == len(server)
            assert len(collector.messages) == 1
            reported = store.reported_pmids()
            stored_before = store.pmids()

            # upstream, during the week: 299 stored records get MeSH, one is retracted, and
            # 100 new records appear
            waiting = sorted(p for p in stored_before if not server.record(p).indexed)
            gained = waiting[:299]
            assert len(gained) == 299
            for p in gained:
                assert "mesh" not in _mesh_sources(store.get_tags(p))
                server.modify(p, indexed=True, mhda=today)
            retracted = next(p for p in sorted(reported, key=int)
                             if server.record(p).indexed and p not in gained)
            server.modify(retracted, retracted=True)
            names = [ind.name for ind in QUERIES.indications]
            new = server.add_records(100, query=names[:3], crdt_start=today - timedelta(days=1),
                                     crdt_end=today, seed=7)

            clock[0] = t1
            mark = len(server.requests)
            week = weekly(s, store, QUERIES, VOCAB, now=t1)
            week_requests = len(server.requests) - mark
            c = week.counts
            assert week.status == "ok"
            assert c["new_upstream"] == 100 and c["new"] == 100
            assert c["changed_upstream"] == 300 and c["changed"] == 300
            assert c["requests"] == week_requests
            # issue 6: 100 new + 300 changed in at most 10 requests
            assert week_requests <= 10, week_requests
            assert store.pmids() == stored_before | set(new) == set(server.ids(QUERIES.topic_term))

            for p in gained:  # re-tagged: tags from MeSH provenance now
                assert "mesh" in _mesh_sources(store.get_tags(p)), p
            record = store.get(retracted)
            assert record is not None and record.retracted

            # the digest: the 100 new records, and the retraction called out
            assert len(collector.messages) == 2
            mail = collector.messages[1]
            html = mail.get_body(("html",)).get_content()
            text = mail.get_body(("plain",)).get_content()
            assert "Retracted since an earlier digest" in html
            assert f"pubmed.ncbi.nlm.nih.gov/{retracted}" in html
            assert "RETRACTED SINCE AN EARLIER DIGEST" in text
            assert week.digest.digest.retractions[0].pmid == retracted
            assert {i.pmid for i in week.digest.digest.items} == set(new)

            # the report and its CSV flag it
            out = write_report(store, s, out_dir=tmp_path / "report", queries=QUERIES, now=t1)
            page = out.html_path.read_text(encoding="utf-8")
            assert "RETRACTED" in page and retracted in page
            with out.csv_path.open(encoding="utf-8", newline="") as fh:
                rows = {row["pmid"]: row for row in csv.DictReader(fh)}
            assert rows[retracted]["retracted"].lower() == "true"
            assert sum(r["retracted"].lower() == "true" for r in rows.values()) == 1

            # the same week again: nothing changes, nothing is sent
            before = snapshot(s.db_path)
            clock[0] = t1 + timedelta(hours=1)
            again = weekly(s, store, QUERIES, VOCAB, now=t1 + timedelta(hours=1))
            assert again.status == "ok"
            assert again.counts["new"] == 0 and again.counts["changed"] == 0
            assert again.counts.get("digest_sent", 0) == 0
            assert again.digest.delivery.already_sent == [address]
            assert snapshot(s.db_path) == before
            assert len(collector.messages) == 2
            print(f"weekly run: {week_requests} requests for 100 new + 300 changed "
                  f"(+{c['waiting_for_mesh']} waiting for MeSH)")


# -- 6. SMTP faults ------------------------------------------------------------------------------


def _silent_server() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    return s


@pytest.mark.parametrize("fault", ["refused_connection", "refused_reply", "timeout"])
def test_digest_unsent_on_smtp_fault_then_delivered_once(
    settings: Settings, server: FakeEutils, tmp_path: Path, fault: str
) -> None:
    populate(server, QUERIES, 10)
    now = now_in_one_week(timedelta(hours=3))  # runs again 2 and 3 hours later
    address = "reader@example.org"
    subs = write_subscribers(tmp_path / "subscribers.toml", [address])
    s = server_settings(settings, server, smtp_host="127.0.0.1", smtp_starttls=False,
                        digest_from="digest@example.org", smtp_timeout=1.0,
                        subscribers_path=subs)
    silent = None
    refusing = None
    if fault == "refused_connection":
        bad = s.replace(smtp_port=closed_port())
    elif fault == "timeout":
        silent = _silent_server()
        bad = s.replace(smtp_port=silent.getsockname()[1])
    else:
        refusing = SMTPServer(SMTPCollector(reply="451 4.3.0 try again later")).__enter__()
        bad = s.replace(smtp_port=refusing.port)
    try:
        with Store(s.db_path, now=lambda: now) as store:
            started = time.monotonic()
            with pytest.raises(MailError) as info:
                weekly(bad, store, QUERIES, VOCAB, now=now)
            assert time.monotonic() - started < 15
            assert "\n" not in str(info.value)
            key = iso_week_key(now)
            last = store.last_runs(1)[0]
            # the records were refreshed: the run is ok, the failed delivery its error
            assert last["kind"] == "weekly" and last["status"] == "ok"
            assert last["counts"]["digest_failed"] == 1 and last["counts"]["digest_sent"] == 0
            assert "retried on the next run" in (last["error"] or "")
            assert store.delivery_status(key, address) == "failed"
            assert store.count() == len(server)  # the records are kept all the same
    finally:
        if silent is not None:
            silent.close()
        if refusing is not None:
            refusing.__exit__(None, None, None)

    collector = SMTPCollector()
    with SMTPServer(collector) as good, Store(s.db_path, now=lambda: now) as store:
        ok = s.replace(smtp_port=good.port)
        later = now + timedelta(hours=2)
        done = weekly(ok, store, QUERIES, VOCAB, now=later)
        assert done.status == "ok" and done.digest.delivery.sent == [address]
        assert store.delivery_status(key, address) == "sent"
        again = weekly(ok, store, QUERIES, VOCAB, now=later + timedelta(hours=1))
        assert again.digest.delivery.sent == []
        assert again.digest.delivery.already_sent == [address]
        # next week: the old digest is not re-sent either
        nxt = weekly(ok, store, QUERIES, VOCAB, now=later + timedelta(days=7))
        assert address not in nxt.digest.delivery.failed
    subjects = [str(m["Subject"]) for m in collector.messages]
    assert sum(key in subject for subject in subjects) == 1, subjects  # delivered once
    assert len(subjects) == len(set(subjects)), subjects  # never the same digest twice
