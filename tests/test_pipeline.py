"""End to end: `aggregator fetch` against our own E-utilities server on 127.0.0.1.

The server holds 25,000 records for one indication query (more than ESearch's 9,999 cap), with
some of them also found by a second query; the CLI runs in-process over real sockets, with
the server's rate limit on. The store must end with every record exactly once, each with the
queries that found it, and no request over the limit in any one-second window.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import cli
from aggregator.queries import load_queries
from aggregator.store import Store
from tests.conftest import ROOT
from tests.eutils_server import FakeEutils

QUERIES = load_queries(ROOT / "queries")


def _matcher(term: str) -> list[str] | None:
    """The server's view of our queries: each indication query finds its own key; the topic
    query (every indication at once) finds every key."""
    for ind in QUERIES.indications:
        if term == ind.query:
            return [ind.name]
    if term == QUERIES.topic_term:
        return [ind.name for ind in QUERIES.indications]
    return []


def _env(server: FakeEutils, db: Path, *, key: str | None = "k" * 36) -> dict[str, str]:
    env = {"NCBI_EUTILS_URL": server.url, "AGGREGATOR_DB": str(db),
           "AGGREGATOR_QUERIES": str(ROOT / "queries"), "NCBI_EMAIL": "tests@example.org"}
    if key:
        env["NCBI_API_KEY"] = key
    return env


@pytest.fixture
def server():
    with FakeEutils(matcher=_matcher) as srv:
        yield srv


@pytest.mark.slow
def test_fetch_cli_stores_25000_records_over_the_cap_exactly_once(server, tmp_path):
    depression = server.add_records(25_000, start_pmid=30_000_000, crdt_start=date(2001, 1, 1),
                                    crdt_end=date(2024, 12, 31), query="depression",
                                    spread="recent")
    # 2,000 of them are also found by the TRD query, plus 500 found only by it
    for pmid in depression[:2000]:
        server.modify(pmid, query=["depression", "trd"], revised=date(2024, 1, 1))
    trd_only = server.add_records(500, start_pmid=40_000_000, crdt_start=date(2015, 1, 1),
                                  crdt_end=date(2024, 6, 30), query="trd")
    db = tmp_path / "store.sqlite"

    result = CliRunner().invoke(cli, ["fetch"], env=_env(server, db), catch_exceptions=False)

    assert result.exit_code == 0, result.output
    assert "25500" in result.output.replace(",", "") or "fetched 25500" in result.output
    with sqlite3.connect(db) as conn:
        pmids = [str(r[0]) for r in conn.execute("SELECT pmid FROM records")]
        hits = dict(conn.execute("SELECT query, COUNT(*) FROM record_queries GROUP BY query"))
    assert len(pmids) == len(set(pmids)) == 25_500
    assert set(pmids) == set(depression) | set(trd_only)
    assert hits == {"depression": 25_000, "trd": 2_500}
    # every record fetched once: efetch asked for each id exactly once
    asked = [i for r in server.requests if r.endpoint == "efetch" and r.status == 200
             for i in r.params["id"].split(",")]
    assert len(asked) == len(set(asked)) == 25_500
    # NCBI's rule, as the server counts: never more than 10 requests in any 1-second window
    assert server.count(status=429) == 0
    assert server.max_in_window() <= 10
    # every request carried tool, email and the key
    assert all(r.params.get("tool") and r.params.get("email") and r.params.get("api_key")
               for r in server.requests)

    status = CliRunner().invoke(cli, ["status", "--json"], env=_env(server, db))
    info = json.loads(status.output)
    assert info["records"] == 25_500
    assert info["last_fetch"] is not None
    assert info["with_mesh"] > 0
    assert info["retracted"] == 0


def test_fetch_incremental_second_run_fetches_only_new_records(server, tmp_path):
    first = server.add_records(300, start_pmid=35_000_000, crdt_start=date(2023, 1, 1),
                               crdt_end=date(2023, 12, 31), query="ptsd")
    db = tmp_path / "store.sqlite"
    env = _env(server, db)
    assert CliRunner().invoke(cli, ["fetch"], env=env).exit_code == 0
    server.reset_log()
    today = date.today()
    new = server.add_records(20, start_pmid=36_000_000, crdt_start=today, crdt_end=today,
                             query="ptsd")

    result = CliRunner().invoke(cli, ["fetch"], env=env)

    assert result.exit_code == 0, result.output
    asked = [i for r in server.requests if r.endpoint == "efetch" and r.status == 200
             for i in r.params["id"].split(",")]
    assert sorted(asked) == sorted(new)
    searches = [r for r in server.requests if r.endpoint == "esearch"]
    assert searches and all(r.params.get("datetype") in ("crdt", "mdat") for r in searches)
    with Store(db) as store:
        assert store.pmids() == set(first) | set(new)


def test_fetch_unreachable_exits_3_with_store_unchanged(tmp_path):
    db = tmp_path / "store.sqlite"
    with FakeEutils(matcher=_matcher) as srv:
        srv.add_records(50, start_pmid=37_000_000, query="ocd")
        assert CliRunner().invoke(cli, ["fetch"], env=_env(srv, db)).exit_code == 0
        url = srv.url
    before = db.read_bytes()
    with Store(db) as store:
        stored = store.pmids()
    env = {"NCBI_EUTILS_URL": url, "AGGREGATOR_DB": str(db),
           "AGGREGATOR_QUERIES": str(ROOT / "queries")}

    result = CliRunner().invoke(cli, ["fetch"], env=env)

    assert result.exit_code == 3
    lines = [ln for ln in result.stderr.splitlines() if "error" in ln]
    assert len(lines) == 1 and "could not be reached" in lines[0]
    assert "Traceback" not in result.stderr
    with Store(db) as store:
        assert store.pmids() == stored
        runs = store.last_runs(1)
    assert runs[0]["status"] == "offline"
    assert len(before) > 0


def test_report_after_offline_fetch_shows_banner(tmp_path):
    db = tmp_path / "store.sqlite"
    with FakeEutils(matcher=_matcher) as srv:
        srv.add_records(30, start_pmid=38_000_000, query="anxiety")
        assert CliRunner().invoke(cli, ["fetch"], env=_env(srv, db)).exit_code == 0
        url = srv.url
    env = {"NCBI_EUTILS_URL": url, "AGGREGATOR_DB": str(db),
           "AGGREGATOR_QUERIES": str(ROOT / "queries")}
    assert CliRunner().invoke(cli, ["fetch"], env=env).exit_code == 3

    result = CliRunner().invoke(cli, ["report", "--out", str(tmp_path / "out")], env=env)

    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "latest.html").read_text(encoding="utf-8")
    assert "could not be reached" in html or "not refreshed" in html
