"""Fetch and re-tag in worker processes store exactly what the single-process paths store.

- re-tag from the stored record JSON makes the same tags as re-tag from the stored original
  XML / MEDLINE text re-parsed, in this process and in the worker pool;
- a fetch whose batches are parsed and prepared in the pool, and tagged in a second pool of
  lower priority, stores the same records (JSON, hash, raw text), tags, query hits, deletions
  and fetch progress, with the same counts, as the in-process fetch; a malformed answer fails
  the same way; batches the tagging workers could not keep up with are tagged from the store.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from aggregator import pipeline
from aggregator.config import Settings
from aggregator.errors import ParseError
from aggregator.local import FetchTagger
from aggregator.models import decompress_raw
from aggregator.parse import parse_articles
from aggregator.pipeline import NoProgress, fetch, fetch_and_store, import_paths, retag
from aggregator.store import Store, tags_json
from aggregator.tag import tag_record
from aggregator.workers import WorkerPool, process_efetch, tag_rows
from benchmarks import corpus
from tests._weekly_helpers import (
    populate,
    query_matcher,
    real_queries,
    real_vocab,
    server_settings,
)
from tests.conftest import DATA
from tests.eutils_server import FakeEutils

QUERIES = real_queries()
VOCAB = real_vocab()


def tags_of(store: Store) -> dict[int, tuple[str, str]]:
    rows = store.conn.execute("SELECT r.pmid, t.tags, t.tags_version FROM records r"
                              " LEFT JOIN record_tags t ON t.pmid = r.pmid ORDER BY r.pmid")
    return {r[0]: (r[1], r[2]) for r in rows}


def contents(db: Path) -> dict[str, Any]:
    """Everything a fetch writes, minus timestamps and run ids."""
    with sqlite3.connect(db) as conn:
        records = {
            r[0]: (r[1], r[2], r[3], decompress_raw(bytes(r[4])), r[5], r[6], r[7], r[8])
            for r in conn.execute(
                "SELECT r.pmid, kind, data, content_hash, raw, format, deleted, tags, tags_version"
                " FROM records r LEFT JOIN record_tags t ON t.pmid = r.pmid"
            )
        }
        hits = sorted(conn.execute("SELECT pmid, query FROM record_queries"))
        progress = sorted(conn.execute("SELECT pmid, fetched FROM fetch_progress"))
    conn.close()
    return {"records": records, "hits": hits, "progress": progress}


# -- re-tag --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 400 real-format records (structured abstracts, MeSH, chemicals...), an
    update file (with a DeleteCitation) and MEDLINE text, untagged."""
    tmp = tmp_path_factory.mktemp("retag")
    xml = corpus.write_corpus(tmp / "corpus.xml.gz", 400, start_pmid=41_000_000, seed=7)
    db = tmp / "store.sqlite"
    with Store(db) as store:
        import_paths(Settings(db_path=db), store,
                     [xml, DATA / "parse_update.xml", DATA / "parse_sample.nbib"], workers=0)
        assert store.conn.execute("SELECT COUNT(*) FROM records WHERE format = 'medline'"
                                  ).fetchone()[0] > 0
    return db


@pytest.mark.parametrize("workers", [0, 2])
def test_retag_from_json_equals_retag_from_xml(imported: Path, tmp_path: Path,
                                               workers: int) -> None:
    db = tmp_path / "store.sqlite"
    db.write_bytes(imported.read_bytes())
    with Store(db) as store:
        n = store.count()
        assert retag(store, VOCAB, everything=True, reparse=True, workers=0) == n
        from_xml = tags_of(store)
        assert retag(store, VOCAB, everything=True, workers=workers) == n
        from_json = tags_of(store)
        assert retag(store, VOCAB, everything=True, reparse=True, workers=workers) == n
        from_xml_again = tags_of(store)
    assert from_json == from_xml == from_xml_again
    tagged = [t for t, _v in from_json.values() if t]
    assert len(tagged) == n
    assert sum('"conditions":[{' in t for t in tagged) > n // 4  # tags with content


def test_retag_only_stale_records_in_the_pool(imported: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "store.sqlite"
    db.write_bytes(imported.read_bytes())
    monkeypatch.setattr("aggregator.local.RETAG_POOL_MIN_RECORDS", 10)  # the pool by default
    monkeypatch.setattr("aggregator.local.RETAG_CHUNK", 7)  # retag reads both there
    with Store(db) as store:
        assert retag(store, VOCAB) == store.count()
        before = tags_of(store)
        store.conn.execute("UPDATE record_tags SET tags_version = 'older' WHERE pmid % 3 = 0")
        stale = store.conn.execute("SELECT COUNT(*) FROM record_tags WHERE tags_version = 'older'"
                                   ).fetchone()[0]
        assert stale > 10
        assert retag(store, VOCAB) == stale
        assert retag(store, VOCAB) == 0
        assert tags_of(store) == before


# -- fetch ---------------------------------------------------------------------------------------


class StubClient:
    """``EutilsClient.efetch`` over FakeEutils' answers without HTTP; the last batch's answer
    also deletes ``delete`` (a DeleteCitation), and ``broken`` batches are malformed."""

    def __init__(self, server: FakeEutils, settings: Settings, delete: str = "",
                 broken: Sequence[int] = ()) -> None:
        self.server = server
        self.settings = settings
        self.delete = delete
        self.broken = set(broken)
        self.calls = 0
        self.plan: list[str] = []

    def efetch(self, ids: list[str]) -> bytes:
        self.calls += 1
        xml = self.server.article_xml(ids)
        if self.calls in self.broken:
            return xml[: len(xml) // 2]
        if self.delete and ids[-1] == self.plan[-1]:
            tail = b"</PubmedArticleSet>"
            xml = xml.replace(tail, b"<DeleteCitation><PMID Version=\"1\">"
                              + self.delete.encode() + b"</PMID></DeleteCitation>" + tail)
        return xml


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    with FakeEutils(matcher=query_matcher(QUERIES)) as srv:
        yield srv


def _fetch_into(db: Path, client: StubClient, ids: list[str], hits: dict[str, set[str]],
                workers: int) -> dict[str, int]:
    with Store(db) as store, store.writer("fetch"):
        run_id = store.start_run("fetch")
        store.plan_fetch(run_id, ids)
        return fetch_and_store(client, store, VOCAB, ids, run_id=run_id,  # type: ignore[arg-type]
                               hits=hits, progress=NoProgress(), workers=workers)


def test_fetch_in_workers_stores_what_one_process_stores(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    pmids = populate(server, QUERIES, 30, seed=3)
    ids = sorted(pmids, key=int)
    missing = str(int(ids[-1]) + 1)  # asked for, not returned: withdrawn
    ids.insert(len(ids) // 2, missing)
    hits = {ind.name: set(server.ids(ind.query)) for ind in QUERIES.indications}
    s = settings.replace(batch_size=37)
    results = {}
    for workers in (0, 2):
        client = StubClient(server, s, delete=ids[3])
        client.plan = ids
        db = tmp_path / f"store-{workers}.sqlite"
        results[workers] = (_fetch_into(db, client, ids, hits, workers), contents(db))
        assert client.calls == -(-len(ids) // 37)
    (one, stored_one), (pool, stored_pool) = results[0], results[2]
    assert one == pool
    assert one["missing"] == 1 and one["deleted"] == 1 and one["fetched"] == len(pmids)
    assert stored_one == stored_pool
    assert stored_one["records"][int(ids[3])][5] == 1  # deleted
    assert all(v[7] == VOCAB.version for v in stored_one["records"].values())
    assert all(f == 1 for _p, f in stored_one["progress"])


@pytest.mark.parametrize("workers", [0, 2])
def test_malformed_answer_fails_after_the_committed_batches(
    settings: Settings, server: FakeEutils, tmp_path: Path, workers: int
) -> None:
    ids = sorted(server.add_records(100, query="depression", seed=4), key=int)
    client = StubClient(server, settings.replace(batch_size=20), broken=[3])
    db = tmp_path / "store.sqlite"
    with pytest.raises(ParseError) as err:
        _fetch_into(db, client, ids, {}, workers)
    assert err.value.path == "efetch batch 3/5"
    with Store(db) as store:
        assert store.pmids() == set(ids[:40])
        assert store.committed_fetch(1) == set(ids[:40])


def test_fetch_end_to_end_with_the_pool_forced(
    settings: Settings, server: FakeEutils, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(server, QUERIES, 25, crdt_end=date(2024, 6, 30), seed=9)
    stored = {}
    for forced in (False, True):
        monkeypatch.setattr(pipeline, "FETCH_POOL_MIN_BATCHES", 1 if forced else 10**9)
        monkeypatch.setattr(pipeline, "default_workers", lambda: 2)
        db = tmp_path / f"store-{forced}.sqlite"
        s = server_settings(settings, server, db_path=db, batch_size=30)
        with Store(db) as store:
            result = fetch(s, store, QUERIES, VOCAB)
        assert result.status == "ok"
        stored[forced] = (result.counts, contents(db))
    assert stored[False] == stored[True]
    assert stored[True][0]["fetched"] == len(server.ids(QUERIES.topic_term))


class HeldPool:
    """A :class:`WorkerPool` stand-in with one worker that tags in this process and holds its
    answers back while ``held``: the tagging workers of a fetch that cannot keep up."""

    workers = 1

    def __init__(self) -> None:
        self.held = True
        self.sent: list[list[str]] = []
        self._waiting: list[tuple[Future[Any], list[tuple[str, Any]]]] = []

    def tag(self, items: list[tuple[str, Any]]) -> Future[Any]:
        self.sent.append([pmid for pmid, _ in items])
        future: Future[Any] = Future()
        if self.held:
            self._waiting.append((future, items))
        else:
            future.set_result((tag_rows(items, VOCAB), None))
        return future

    def release(self) -> None:
        self.held = False
        for future, items in self._waiting:
            future.set_result((tag_rows(items, VOCAB), None))
        self._waiting = []


def test_fetch_tagger_leaves_what_it_cannot_keep_up_with_in_the_store(tmp_path: Path) -> None:
    """Batches offered while the workers are behind are not sent (nor kept): finish() tags
    them from the store, with the records a killed run left untagged, and nothing else."""
    server = FakeEutils()
    ids = sorted(server.add_records(1202, crdt_start=date(2015, 1, 1),
                                    crdt_end=date(2024, 12, 31), seed=11), key=int)
    rows = process_efetch(server.article_xml(ids), "efetch", None).rows
    assert len(rows) == len(ids) and not process_efetch(server.article_xml(ids[:3]), "x", None
                                                        ).tags
    killed, stale, fetched = rows[:1], rows[1:2], rows[2:]
    pool = HeldPool()
    with Store(tmp_path / "store.sqlite") as store, store.writer("fetch"):
        earlier = store.start_run("fetch")
        store.upsert([*killed, *stale], run_id=earlier)  # stored, never tagged
        store.save_tags([(stale[0].pmid, "{}")], "older")  # another run's stale tags
        run_id = store.start_run("fetch")
        store.plan_fetch(run_id, [row.pmid for row in fetched])
        tagger = FetchTagger(store, VOCAB, pool, run_id)  # type: ignore[arg-type]
        for i in range(0, len(fetched), 300):
            batch = fetched[i : i + 300]
            store.upsert(batch, run_id=run_id)
            store.mark_fetched(run_id, [row.pmid for row in batch])
            tagger.offer(batch)
        # the first batch filled the two task slots (250 + 50); the rest was not sent
        assert [len(sent) for sent in pool.sent] == [250, 50]
        pool.release()
        assert tagger.finish(NoProgress()) == len(fetched) + 1
        got = tags_of(store)
    records = {r.pmid: r for r in parse_articles(server.article_xml(ids))}
    for row in [*killed, *fetched]:
        assert got[int(row.pmid)] == (tags_json(tag_record(records[row.pmid], VOCAB)),
                                      VOCAB.version)
    assert got[int(stale[0].pmid)] == ("{}", "older")  # not this run's: a retag's job
    assert sorted(pmid for sent in pool.sent for pmid in sent) == sorted(
        row.pmid for row in [*killed, *fetched])  # each record tagged once


def test_a_fetch_without_workers_tags_what_a_killed_run_left_untagged(tmp_path: Path) -> None:
    server = FakeEutils()
    ids = sorted(server.add_records(4, crdt_start=date(2015, 1, 1),
                                    crdt_end=date(2024, 12, 31), seed=12), key=int)
    done = process_efetch(server.article_xml(ids), "efetch", VOCAB)  # parsed and tagged here
    with Store(tmp_path / "store.sqlite") as store, store.writer("fetch"):
        store.upsert(done.rows[:1], run_id=store.start_run("fetch"))  # killed before tagging
        run_id = store.start_run("fetch")
        store.plan_fetch(run_id, ids[1:])
        with store.transaction():
            store.upsert(done.rows[1:], run_id=run_id)
            store.save_tags(done.tags[1:], VOCAB.version)
            store.mark_fetched(run_id, ids[1:])
        tagger = FetchTagger(store, VOCAB, None, run_id)
        tagger.offer(done.rows[1:])  # nothing to do: tagged as they were stored
        assert tagger.finish(NoProgress()) == 1
        got = tags_of(store)
    assert got == {int(pmid): (tags, VOCAB.version) for pmid, tags in done.tags}


def test_a_niced_pool_runs_its_workers_at_lower_priority() -> None:
    with WorkerPool(None, 1, nice=3) as pool:
        assert pool._pool.submit(os.nice, 0).result() == min(os.nice(0) + 3, 19)


def test_process_efetch_in_runs_tags_each_record_as_alone() -> None:
    """Records are parsed, then tagged, in runs of ``_RUN``: across run boundaries and a
    DeleteCitation in the middle, each row keeps its own record's tags, in order."""
    from aggregator import workers

    server = FakeEutils()
    server.add_records(2 * workers._RUN + 7, crdt_start=date(2015, 1, 1),
                       crdt_end=date(2024, 12, 31), spread="recent", seed=5)
    ids = server.ids()
    body = server.article_xml(ids)
    half = body.index(b"<PubmedArticle>", len(body) // 2)
    body = (body[:half] + b"<DeleteCitation><PMID Version=\"1\">123</PMID></DeleteCitation>\n"
            + body[half:])
    result = workers.process_efetch(body, "efetch batch 1/1", VOCAB)
    assert result.deleted == ["123"]
    assert [row.pmid for row in result.rows] == [p for p, _ in result.tags]
    alone = {r.pmid: tags_json(tag_record(r, VOCAB)) for r in parse_articles(body)}
    assert len(alone) == len(ids) == len(result.rows)
    assert dict(result.tags) == alone
