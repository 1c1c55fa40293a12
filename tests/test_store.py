"""Tests for aggregator.store: migrations, upserts, locking, runs, resumable fetches, digests."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator import store as store_module
from aggregator.errors import StoreError, StoreLockedError
from aggregator.models import (
    Author,
    Coded,
    Correction,
    MeshHeading,
    Parsed,
    Qualifier,
    Record,
    Registration,
    Tag,
    Tags,
)
from aggregator.store import SCHEMA_VERSION, Store, StoredRecord, UpsertCounts, record_json
from aggregator.store.values import load_json

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    """A settable UTC clock for first_seen / last_changed assertions."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def make_record(pmid: str, title: str = "Ketamine for depression", **kw: object) -> Record:
    return Record(pmid=pmid, title=title, abstract="Background: ketamine.", **kw)  # type: ignore[arg-type]


def parsed(
    pmid: str, title: str = "Ketamine for depression", fmt: str = "xml", **kw: object
) -> Parsed:
    raw = f"<PubmedArticle><PMID>{pmid}</PMID><Title>{title}</Title></PubmedArticle>".encode()
    return Parsed(make_record(pmid, title, **kw), zlib.compress(raw), fmt)


def tags(*conditions: str) -> Tags:
    return Tags(conditions=[Tag(c, "text", c) for c in conditions])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> Iterator[Store]:
    with Store(":memory:", now=clock) as s:
        yield s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "store.sqlite"


# -- migrations, opening ---------------------------------------------------------------------
def test_migrations_apply_once_and_record_themselves(db_path: Path) -> None:
    with Store(db_path) as s:
        rows = s.conn.execute("SELECT number, name FROM migrations ORDER BY number").fetchall()
        assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))
        assert all(r[1] for r in rows)
        assert s.schema_version() == SCHEMA_VERSION
        s.upsert([parsed("1")])
    with Store(db_path) as s:  # reopening applies nothing again and keeps the data
        assert s.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == SCHEMA_VERSION
        assert s.count() == 1
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_new_store_uses_big_pages_and_an_old_store_keeps_its_own(tmp_path: Path) -> None:
    """A new store gets PAGE_SIZE pages (a record's row fits in one page); a store made with
    SQLite's default 4 KB pages keeps them, and reads and writes as before."""
    with Store(tmp_path / "new.sqlite") as s:
        assert s.conn.execute("PRAGMA page_size").fetchone()[0] == store_module.PAGE_SIZE
    from tests._old_store import store_at_schema

    old = tmp_path / "old.sqlite"
    conn = store_at_schema(old, 1)  # as an older aggregator made it: SQLite's 4 KB pages
    conn.commit()
    conn.close()
    with Store(old) as s:
        s.upsert([parsed("1"), parsed("2")])
    with Store(old) as s:
        assert s.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert s.count() == 2
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrations_failed_migration_rolls_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(db_path).close()
    broken = (SCHEMA_VERSION + 1, "broken", "CREATE TABLE half (x INTEGER);\nNOT SQL AT ALL;\n")
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError):
        Store(db_path)
    monkeypatch.undo()
    with Store(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables


def test_migration_4_moves_tags_out_of_records_and_keeps_them(db_path: Path) -> None:
    """A store made before migration 4 (tags as columns of ``records``) opens with the same
    tags, in ``record_tags``; untagged records stay untagged; the old columns are gone."""
    from tests._old_store import store_at_schema

    conn = store_at_schema(db_path, 3)
    old_tags = tags("ptsd")
    for pmid, tag_json, version in ((1, json.dumps(old_tags.to_dict()), "v1"), (2, None, None)):
        conn.execute(
            "INSERT INTO records (pmid, data, raw, format, content_hash, first_seen,"
            " last_changed, last_seen, tags, tags_version, tagged_at)"
            " VALUES (?, ?, ?, 'xml', 'h', 'x', 'x', 'x', ?, ?, 'then')",
            (pmid, record_json(parsed(str(pmid)).record), b"", tag_json, version))
    conn.commit()
    conn.close()
    with Store(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 4
        assert s.get_tags("1") == old_tags and s.get_tags("2") is None
        columns = {r[1] for r in s.conn.execute("PRAGMA table_info(records)")}
        assert not columns & {"tags", "tags_version", "tagged_at"}
        assert [r[0] for r in s.iter_record_json(stale_for_version="v1")] == ["2"]
        assert s.status()["tagged"] == 1


def test_records_data_is_compressed_and_rows_of_older_stores_still_read(db_path: Path) -> None:
    """``records.data`` holds the record's JSON compressed (migration 5); a row written as JSON
    text by an older aggregator reads the same everywhere, and the same record seen again is
    unchanged (its hash is of the JSON, not of what is stored)."""
    import hashlib

    from aggregator.models import decompress_raw
    from aggregator.store.values import load_record_data
    from aggregator.vocabulary import load_vocabulary
    from aggregator.workers import tag_rows
    from tests._old_store import store_at_schema

    old = parsed("1", "Ketamine for treatment-resistant depression").record
    text = record_json(old)
    conn = store_at_schema(db_path, 4)
    conn.execute(
        "INSERT INTO records (pmid, data, raw, format, content_hash, first_seen,"
        " last_changed, last_seen) VALUES (1, ?, ?, 'xml', ?, 'x', 'x', 'x')",
        (text, b"", hashlib.sha1(text.encode()).hexdigest()))
    conn.commit()
    conn.close()
    with Store(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 5
        new = parsed("2", "Intranasal esketamine for suicidal ideation")
        assert s.upsert([parsed("1", "Ketamine for treatment-resistant depression"), new]) \
            == UpsertCounts(new=1, unchanged=1)
        kinds = dict(s.conn.execute("SELECT pmid, typeof(data) FROM records").fetchall())
        assert kinds == {1: "text", 2: "blob"}
        blob = s.conn.execute("SELECT data FROM records WHERE pmid = 2").fetchone()[0]
        assert decompress_raw(blob) == record_json(new.record).encode()
        assert len(blob) < len(record_json(new.record).encode())
        assert s.get("1") == old and s.get("2") == new.record
        assert [r.pmid for r in s.iter_records()] == ["1", "2"]
        assert [r.record for r in s.iter_tagged()] == [old, new.record]
        stored = list(s.iter_record_json())
        assert [type(d) for _, d in stored] == [str, bytes]
        assert [Record.from_dict(load_record_data(d)) for _, d in stored] == [old, new.record]
        vocab = load_vocabulary(ROOT / "queries")
        tagged = dict(tag_rows(stored, vocab))
        assert '"trd"' in tagged["1"] and '"suicidality"' in tagged["2"]


def test_migrations_on_too_old_a_sqlite_say_so(db_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration 4 drops columns (SQLite 3.35+): an older SQLite gets a clear error before any
    migration runs, so no migration is left half done."""
    import sqlite3

    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(StoreError, match=r"SQLite is 3\.31\.1; the store needs 3\.35\.0 or newer"):
        Store(db_path)
    monkeypatch.undo()
    with Store(db_path) as s:  # the same file opens once SQLite is new enough
        assert s.schema_version() == SCHEMA_VERSION


def test_tags_cleared_when_the_record_changes_and_kept_when_unchanged(store: Store) -> None:
    store.upsert([parsed("1"), parsed("2")])
    store.save_tags([("1", tags("trd")), ("2", tags("ocd")), ("99", tags("ptsd"))], "v1")
    assert store.conn.execute("SELECT COUNT(*) FROM record_tags").fetchone()[0] == 2
    store.upsert([parsed("1", title="A new title"), parsed("2")])
    assert store.get_tags("1") is None and store.get_tags("2") == tags("ocd")
    assert [r[0] for r in store.iter_record_json(stale_for_version="v1")] == ["1"]


def test_migrations_newer_schema_raises_store_error(db_path: Path) -> None:
    with Store(db_path) as s:
        s.conn.execute(
            "INSERT INTO migrations (number, name, applied_at) VALUES (?, 'future', 'x')",
            (SCHEMA_VERSION + 5,),
        )
    with pytest.raises(StoreError, match="newer than this aggregator"):
        Store(db_path)


def test_store_creates_parent_directory(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "x.sqlite"
    with Store(path):
        assert path.exists()


def test_store_non_sqlite_file_raises_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "x.sqlite"
    bogus.write_text("this is a CSV file, not a database\n" * 100)
    with pytest.raises(StoreError, match=r"x\.sqlite is not an aggregator store"):
        Store(bogus)
    assert bogus.read_text().startswith("this is a CSV")  # left untouched


def test_store_foreign_sqlite_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with Store(path) as s:  # make a SQLite file with somebody else's table
        s.conn.execute("DROP TABLE migrations")
        s.conn.execute("DROP TABLE records")
    with pytest.raises(StoreError, match="not an aggregator store"):
        Store(path)


def test_store_directory_path_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path)


def test_store_files_are_not_world_writable(tmp_path: Path) -> None:
    path = tmp_path / "perm" / "store.sqlite"
    old = os.umask(0)
    try:
        with Store(path) as s, s.writer("test"):
            s.upsert([parsed("1")])
            files = [path, Path(f"{path}.lock"), Path(f"{path}-wal"), Path(f"{path}-shm")]
            for f in files:
                assert f.exists(), f
                mode = stat.S_IMODE(f.stat().st_mode)
                assert mode & 0o002 == 0, f"{f} is world-writable ({oct(mode)})"
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(Path(f"{path}.lock").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_store_closed_raises_store_error() -> None:
    s = Store(":memory:")
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.count()


# -- upsert ----------------------------------------------------------------------------------
def test_upsert_counts_new_changed_unchanged(store: Store) -> None:
    assert store.upsert([parsed("1"), parsed("2")]) == UpsertCounts(new=2, changed=0, unchanged=0)
    assert store.upsert([parsed("1"), parsed("2")]) == UpsertCounts(0, 0, 2)
    counts = store.upsert([parsed("1", "Ketamine, revised title"), parsed("2"), parsed("3")])
    assert counts == UpsertCounts(new=1, changed=1, unchanged=1)
    assert counts.total == 3
    assert store.count() == 3
    assert store.get("1").title == "Ketamine, revised title"  # type: ignore[union-attr]


def test_upsert_duplicate_pmid_in_one_call_counts_once(store: Store) -> None:
    counts = store.upsert([parsed("7", "first"), parsed("7", "second")])
    assert counts == UpsertCounts(1, 0, 0)
    assert store.get("7").title == "second"  # type: ignore[union-attr]


def test_upsert_change_clears_tags_and_updates_last_changed(store: Store, clock: Clock) -> None:
    run1 = store.start_run("fetch")
    store.upsert([parsed("1"), parsed("2")], run_id=run1)
    store.save_tags([("1", tags("depression")), ("2", tags("ptsd"))], "v1")
    clock.advance(days=1)
    run2 = store.start_run("fetch")
    store.upsert([parsed("1", "changed"), parsed("2")], run_id=run2)
    assert store.get_tags("1") is None
    assert store.get_tags("2") == tags("ptsd")
    row = store.conn.execute(
        "SELECT first_seen, first_seen_run, last_changed, last_changed_run, last_seen"
        " FROM records WHERE pmid = 1"
    ).fetchone()
    assert row == (
        "2026-01-05T12:00:00Z",
        run1,
        "2026-01-06T12:00:00Z",
        run2,
        "2026-01-06T12:00:00Z",
    )
    row2 = store.conn.execute(
        "SELECT last_changed, last_seen, last_seen_run FROM records WHERE pmid = 2"
    ).fetchone()
    assert row2 == ("2026-01-05T12:00:00Z", "2026-01-06T12:00:00Z", run2)
    assert [p for p, _, _ in store.iter_raw(stale_for_version="v1")] == ["1"]


def test_upsert_raw_round_trips(store: Store) -> None:
    xml = parsed("10")
    medline = Parsed(make_record("11"), zlib.compress(b"PMID- 11\nTI  - Ketamine\n"), "medline")
    store.upsert([xml, medline])
    got = {p: (fmt, raw) for p, fmt, raw in store.iter_raw()}
    assert got == {"10": ("xml", xml.raw_z), "11": ("medline", medline.raw_z)}
    assert zlib.decompress(got["11"][1]).startswith(b"PMID- 11")
    assert list(store.iter_raw(["11", "999", "10"])) == [
        ("11", "medline", medline.raw_z),
        ("10", "xml", xml.raw_z),
    ]


def test_upsert_unchanged_medline_record_upgraded_to_xml_raw(store: Store) -> None:
    store.upsert([Parsed(make_record("5"), zlib.compress(b"PMID- 5\n"), "medline")])
    assert store.upsert([parsed("5")]) == UpsertCounts(0, 0, 1)
    assert [fmt for _, fmt, _ in store.iter_raw()] == ["xml"]


def test_upsert_record_round_trips_rich_fields(store: Store) -> None:
    rec = make_record(
        "42",
        title="Kétamine <i>intranasal</i> — 𝛼 test",
        authors=[
            Author("Smith", "Ann", "A", affiliations=("Dept X", "Dept Y")),
            Author(collective="KET Group"),
        ],
        mesh=[
            MeshHeading(
                "D007649", "Ketamine", True, (Qualifier("Q000627", "therapeutic use", True),)
            )
        ],
        publication_types=[Coded("D016449", "Randomized Controlled Trial")],
        registrations=[Registration("NCT", "NCT01234567")],
        corrections=[Correction("RetractionIn", "99", "J X 2024")],
        history={"entrez": "2024-01-02"},
        pub_year=2024,
    )
    store.upsert([Parsed(rec, zlib.compress(b"<PubmedArticle/>"))])
    assert store.get("42") == rec
    assert store.status()["retracted"] == 1


def test_record_json_matches_to_dict() -> None:
    """The fast serialiser must give exactly json.dumps(Record.to_dict()) (models contract)."""
    rec = make_record(
        "42",
        title='Kétamine "quoted" \u2028 line',
        authors=[Author("Smith", "Ann", "A", "X", "0000-0001", ("Dept X",))],
        mesh=[MeshHeading(None, "Ketamine", False, (Qualifier(None, "q"),))],
        chemicals=[Coded("D1", "Ketamine")],
        keywords=["k"],
        history={"entrez": "2024-01-02"},
        pub_year=2024,
    )
    expected = json.dumps(rec.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert record_json(rec) == expected
    assert Record.from_dict(json.loads(record_json(rec))) == rec


_AWKWARD = st.text(st.characters(codec="utf-8") | st.sampled_from(
    ["\x00", "\x1f", "\x7f", "\u2028", "\u2029", "\ufeff", "\\", '"', "/", "\U0001f600"]))


@settings(max_examples=300, deadline=None)
@given(title=_AWKWARD, abstract=_AWKWARD, name=_AWKWARD, year=st.none() | st.integers(-2**63, 2**63 - 1))
def test_record_json_same_text_as_json_for_any_text(title: str, abstract: str, name: str,
                                                     year: int | None) -> None:
    """orjson writes records.data; its text must stay json's (content hashes compare it)."""
    rec = Record(pmid="7", title=title, abstract=abstract, keywords=[name],
                 authors=[Author(name, affiliations=(abstract,))], pub_year=year,
                 history={name: title} if name else {})
    assert record_json(rec) == json.dumps(rec.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert load_json(record_json(rec)) == json.loads(record_json(rec))  # how it is read back


def test_record_json_falls_back_to_json_for_what_orjson_refuses() -> None:
    """A lone surrogate or an integer beyond 64 bits: written as json writes it, not an error."""
    for rec in (make_record("7", title="a\ud800b"), make_record("7", pub_year=2**70)):
        assert record_json(rec) == json.dumps(rec.to_dict(), ensure_ascii=False,
                                              separators=(",", ":"))
        # ... and read back as json reads it (orjson refuses the big integer)
        assert load_json(record_json(rec)) == json.loads(record_json(rec))


def test_upsert_failure_midway_stores_nothing(store: Store) -> None:
    def items() -> Iterator[Parsed]:
        for i in range(1, 1200):
            yield parsed(str(i))
        raise ValueError("truncated XML")

    with pytest.raises(ValueError):
        store.upsert(items())
    assert store.count() == 0


def test_upsert_invalid_pmid_raises_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="invalid PMID"):
        store.upsert([parsed("abc")])


def test_upsert_thousands_of_records_in_one_call(store: Store) -> None:
    # speed is `make bench`'s business; this checks a bulk upsert stores every row once
    items = [parsed(str(i)) for i in range(1, 5001)]
    assert store.upsert(items).new == 5000
    assert store.count() == 5000
    assert store.upsert(items).unchanged == 5000


# -- hits, deletions, reads -----------------------------------------------------------------
def test_record_hits_keeps_first_run_and_feeds_queries(store: Store) -> None:
    run1 = store.start_run("fetch")
    store.upsert([parsed("1"), parsed("2")], run_id=run1, query="trd")
    run2 = store.start_run("fetch")
    store.record_hits("trd", ["1"], run2)
    store.record_hits("ptsd", ["1", "3"], run2)  # 3 is not stored yet: kept for later
    rows = store.conn.execute(
        "SELECT pmid, query, first_run FROM record_queries ORDER BY pmid, query"
    ).fetchall()
    assert rows == [(1, "ptsd", run2), (1, "trd", run1), (2, "trd", run1), (3, "ptsd", run2)]
    by_pmid = {s.record.pmid: s.queries for s in store.iter_tagged()}
    assert by_pmid == {"1": ["ptsd", "trd"], "2": ["trd"]}
    assert store.status()["queries"] == {"ptsd": 1, "trd": 2}


def test_mark_deleted_excluded_from_reads(store: Store) -> None:
    store.upsert([parsed("1"), parsed("2"), parsed("3")], query="trd")
    assert store.mark_deleted(["2", "999"]) == 1
    assert store.mark_deleted(["2"]) == 0
    assert store.pmids() == {"1", "3"}
    assert store.pmids(include_deleted=True) == {"1", "2", "3"}
    assert store.count() == 2 and store.count(include_deleted=True) == 3
    assert [r.pmid for r in store.iter_records()] == ["1", "3"]
    assert [s.record.pmid for s in store.iter_tagged()] == ["1", "3"]
    assert [s.deleted for s in store.iter_tagged(include_deleted=True)] == [False, True, False]
    assert [p for p, _, _ in store.iter_raw()] == ["1", "3"]
    assert store.existing(["1", "2", "4"]) == {"1"}
    assert store.existing(["1", "2", "4"], include_deleted=True) == {"1", "2"}
    assert store.get("2") is not None  # marked, not dropped
    st = store.status()
    assert (st["records"], st["deleted"], st["queries"]) == (2, 1, {"trd": 2})


def test_upsert_revives_deleted_record(store: Store) -> None:
    store.upsert([parsed("1")])
    store.mark_deleted(["1"])
    store.upsert([parsed("1")])
    assert store.pmids() == {"1"}


def test_iter_records_pages_past_page_size(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module.records, "PAGE", 3)
    store.upsert([parsed(str(i)) for i in range(1, 11)])
    assert [r.pmid for r in store.iter_records()] == [str(i) for i in range(1, 11)]
    assert len(list(store.iter_tagged())) == 10


def test_save_tags_and_iter_raw_stale_for_version(store: Store) -> None:
    store.upsert([parsed(str(i)) for i in range(1, 5)])
    assert store.save_tags([("1", tags("trd")), ("2", tags("ptsd")), ("3", tags())], "v1") == 3
    store.save_tags([("3", tags("ocd"))], "v2")
    stale = [p for p, _, _ in store.iter_raw(stale_for_version="v2")]
    assert stale == ["1", "2", "4"]
    items = {s.record.pmid: s for s in store.iter_tagged()}
    assert isinstance(items["1"], StoredRecord)
    assert items["1"].tags == tags("trd") and items["1"].tags_version == "v1"
    assert items["4"].tags is None
    assert items["1"].first_seen == "2026-01-05T12:00:00Z"
    assert store.status()["tagged"] == 3


def test_pmids_waiting_for_mesh(store: Store) -> None:
    mesh = [MeshHeading("D007649", "Ketamine")]
    store.upsert(
        [
            parsed("1", citation_status="In-Process"),
            parsed("2", citation_status="Publisher"),
            parsed("3", citation_status="MEDLINE", mesh=mesh),
            parsed("4", citation_status="PubMed-not-MEDLINE"),
            parsed("5", citation_status="In-Data-Review"),
            parsed("6"),  # status unknown
            parsed("7", citation_status="In-Process", mesh=mesh),
        ]
    )
    store.mark_deleted(["5"])
    assert store.pmids_waiting_for_mesh() == ["1", "2", "6"]


def test_pmids_first_seen_since(store: Store, clock: Clock) -> None:
    store.upsert([parsed("1")])
    clock.advance(days=7)
    store.upsert([parsed("2"), parsed("1")])
    assert store.pmids_first_seen_since("2026-01-10") == ["2"]
    assert store.pmids_first_seen_since(datetime(2026, 1, 5, 12, tzinfo=UTC)) == ["1", "2"]
    assert store.pmids_first_seen_since("2026-01-12T13:00:00+01:00") == ["2"]


def test_watermarks_set_get_and_in_status(store: Store) -> None:
    assert store.get_watermark("crdt:trd") is None
    store.set_watermark("crdt:trd", "2026/01/01")
    store.set_watermark("crdt:trd", "2026/01/08")
    assert store.get_watermark("crdt:trd") == "2026/01/08"
    assert store.status()["watermarks"] == {"crdt:trd": "2026/01/08"}


# -- transactions --------------------------------------------------------------------------
def test_transaction_rollback_leaves_store_unchanged(store: Store) -> None:
    store.upsert([parsed("1")])
    store.set_watermark("k", "old")
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert([parsed("1", "changed"), parsed("2")])
        store.set_watermark("k", "new")
        store.mark_deleted(["1"])
        raise RuntimeError("killed mid-batch")
    assert store.pmids() == {"1"}
    assert store.get("1").title == "Ketamine for depression"  # type: ignore[union-attr]
    assert store.get_watermark("k") == "old"


def test_transaction_nested_joins_outer(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction():
            store.upsert([parsed("1")])
        assert store.count() == 1  # visible inside, not yet committed
        raise RuntimeError
    assert store.count() == 0
    with store.transaction():
        store.upsert([parsed("1")])
        with pytest.raises(RuntimeError), store.transaction():
            store.upsert([parsed("2")])
            raise RuntimeError  # caught: only the inner block is undone
    assert store.pmids() == {"1"}


def test_transaction_busy_database_is_wrapped(db_path: Path) -> None:
    with Store(db_path) as first, Store(db_path, timeout=0.1) as second:
        with first.transaction():
            first.upsert([parsed("1")])
            with pytest.raises(StoreError, match="database is locked"):
                second.upsert([parsed("2")])
        assert second.pmids() == {"1"}


def test_transaction_killed_process_leaves_store_consistent(db_path: Path) -> None:
    Store(db_path).close()
    script = (
        "import sys, time, zlib\n"
        "from aggregator.store import Store\n"
        "from aggregator.models import Parsed, Record\n"
        "s = Store(sys.argv[1])\n"
        "s.upsert([Parsed(Record(pmid='1'), zlib.compress(b'<x/>'))])\n"
        "with s.transaction():\n"
        "    s.upsert([Parsed(Record(pmid=str(i)), zlib.compress(b'<x/>')) for i in range(2, 2000)])\n"
        "    print('in transaction', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = _spawn(script, db_path)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "in transaction"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
    with Store(db_path) as s:
        assert s.pmids() == {"1"}
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- lock, runs ------------------------------------------------------------------------------
def _spawn(script: str, db_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


HOLDER = (
    "import sys, time\n"
    "from aggregator.store import Store\n"
    "s = Store(sys.argv[1])\n"
    "with s.writer('fetch'):\n"
    "    print(s.start_run('fetch'), flush=True)\n"
    "    time.sleep(60)\n"
)


def test_writer_second_process_locked_out_until_holder_killed(db_path: Path) -> None:
    proc = _spawn(HOLDER, db_path)
    try:
        assert proc.stdout is not None
        run_id = int(proc.stdout.readline())
        with Store(db_path) as s:
            start = time.monotonic()
            with pytest.raises(StoreLockedError) as info, s.writer("import"):
                pass
            assert time.monotonic() - start < 1.0  # at once, not after a timeout
            message = str(info.value)
            assert f"{db_path}.lock" in message
            assert f"pid {proc.pid}" in message and "'fetch'" in message and "since 20" in message
            # a run started while the holder lives does not mark the holder's run interrupted
            other = s.start_run("report")
            assert s.get_run(run_id)["status"] == "running"  # type: ignore[index]
            s.finish_run(other, "ok")

            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with s.writer("import"):  # the OS released the dead holder's lock
                assert s.get_run(run_id)["status"] == "interrupted"  # type: ignore[index]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]


def test_writer_second_store_in_process_is_locked_and_reentrant(db_path: Path) -> None:
    with Store(db_path) as a, Store(db_path) as b:
        with a.writer("fetch"):
            with a.writer("nested"):  # re-entrant within one Store
                pass
            with (
                pytest.raises(StoreLockedError, match=f"pid {os.getpid()}"),
                b.writer("import"),
            ):
                pass
        with b.writer("import"):  # released on exit
            pass


def test_ensure_unlocked_probes_the_lock_without_taking_it(db_path: Path) -> None:
    # what a command asks before loading its vocabulary, so that a second run exits at once
    with Store(db_path) as a, Store(db_path) as b:
        b.ensure_unlocked()  # nobody holds it
        with a.writer("fetch"):
            a.ensure_unlocked()  # its own holder may
            with pytest.raises(StoreLockedError, match=f"pid {os.getpid()}.*'fetch'"):
                b.ensure_unlocked()
        b.ensure_unlocked()
        with b.writer("import"), pytest.raises(StoreLockedError, match="'import'"):
            a.ensure_unlocked()  # the probes took nothing: b could take the lock


def test_writer_memory_store_needs_no_lock_file(store: Store) -> None:
    with store.writer("test"):
        store.upsert([parsed("1")])
    assert store.lock_path is None


def test_start_run_marks_dead_running_runs_interrupted(db_path: Path) -> None:
    with Store(db_path) as s:
        dead = s.start_run("fetch", {"full": True})
    # the process "died" without finish_run; the next run notices
    with Store(db_path) as s:
        outer = s.start_run("weekly")
        inner = s.start_run("fetch")  # our own running runs are not touched
        runs = {r["id"]: r for r in s.last_runs()}
        assert runs[dead]["status"] == "interrupted"
        assert runs[dead]["params"] == {"full": True}
        assert "without finishing" in runs[dead]["error"]
        assert runs[outer]["status"] == runs[inner]["status"] == "running"
        s.finish_run(inner, "ok", counts=UpsertCounts(3, 1, 0))  # type: ignore[arg-type]
        s.finish_run(outer, "failed", error="boom")
        runs = {r["id"]: r for r in s.last_runs()}
        assert runs[inner]["counts"] == {"new": 3, "changed": 1, "unchanged": 0}
        assert runs[outer]["error"] == "boom" and runs[outer]["finished_at"]
        assert s.last_successful_run("fetch")["id"] == inner  # type: ignore[index]
        assert s.last_successful_run("import") is None


def test_finish_run_rejects_bad_status_and_unknown_run(store: Store) -> None:
    run = store.start_run("fetch")
    with pytest.raises(StoreError, match="invalid run status"):
        store.finish_run(run, "done")
    with pytest.raises(StoreError, match="no run"):
        store.finish_run(run + 100, "ok")


# -- resumable fetches -----------------------------------------------------------------------
def test_fetch_progress_resume_after_interruption(db_path: Path) -> None:
    with Store(db_path) as s:
        run = s.start_run("fetch")
        assert s.plan_fetch(run, ["3", "1", "2", "4", "1"]) == 4
        with s.transaction():  # one efetch batch: upsert and progress together
            s.upsert([parsed("1"), parsed("2")], run_id=run)
            s.mark_fetched(run, ["1", "2"])
        assert s.pending_fetch(run) == ["3", "4"]
        assert s.resumable_run("fetch") is None  # still running (it is ours)
    with Store(db_path) as s, s.writer("fetch"):
        assert s.resumable_run("fetch") == run
        assert s.resumable_run("import") is None
        new_run = s.start_run("fetch")
        assert s.resume_fetch(run, new_run) == ["3", "4"]
        assert s.pending_fetch(new_run) == ["3", "4"]
        assert s.resumable_run("fetch") is None  # the old plan was taken over
        with s.transaction():
            s.upsert([parsed("3")], run_id=new_run)
            s.mark_fetched(new_run, ["3"])
        assert s.pending_fetch(new_run) == ["4"]
        s.finish_run(new_run, "ok")
        assert s.pending_fetch(new_run) == []  # an ok run's plan is dropped


def test_fetch_progress_rolled_back_with_batch(store: Store) -> None:
    run = store.start_run("fetch")
    store.plan_fetch(run, ["1", "2"])
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert([parsed("1")], run_id=run)
        store.mark_fetched(run, ["1"])
        raise RuntimeError
    assert store.pending_fetch(run) == ["1", "2"]


def test_resumable_run_ignores_runs_before_a_successful_one(store: Store) -> None:
    old = store.start_run("fetch")
    store.plan_fetch(old, ["1"])
    store.finish_run(old, "interrupted")
    assert store.resumable_run("fetch") == old
    store.finish_run(store.start_run("fetch"), "ok")
    assert store.resumable_run("fetch") is None
    offline = store.start_run("fetch")
    store.plan_fetch(offline, ["2"])
    store.finish_run(offline, "offline")
    assert store.resumable_run("fetch") is None
    assert store.resumable_run("fetch", statuses=("interrupted", "offline")) == offline


# -- digests -------------------------------------------------------------------------------
def test_digests_save_and_get(store: Store) -> None:
    digest_id = store.save_digest(
        "2026-W02", period_start="2026-01-05", period_end="2026-01-11", pmids=["1", "2"],
        html_path=Path("reports/digest-2026-W02.html"),
    )  # fmt: skip
    again = store.save_digest(
        "2026-W02", period_start="2026-01-05", period_end="2026-01-11", pmids=["1", "2", "3"]
    )
    assert again == digest_id
    d = store.get_digest("2026-W02")
    assert d is not None and d["pmids"] == ["1", "2", "3"] and d["created_at"]
    assert store.get_digest("2026-W03") is None


def test_deliveries_unique_per_digest_and_address_and_sent_is_final(store: Store) -> None:
    store.save_digest("2026-W02", period_start=None, period_end=None, pmids=[])
    assert store.delivery_status("2026-W02", "a@example.org") is None
    store.record_delivery("2026-W02", "a@example.org", "failed", "connection refused")
    store.record_delivery("2026-W02", "A@Example.org ", "sent")
    store.record_delivery("2026-W02", "a@example.org", "failed", "late error")  # ignored: sent
    assert store.delivery_status("2026-W02", "a@example.org") == "sent"
    rows = store.deliveries("2026-W02")
    assert len(rows) == 1
    assert rows[0]["attempts"] == 2 and rows[0]["sent_at"] and rows[0]["last_error"] is None
    assert not store.claim_delivery("2026-W02", "a@example.org")
    assert store.claim_delivery("2026-W02", "b@example.org")
    assert not store.claim_delivery("2026-W02", "b@example.org")  # outcome unknown: never twice
    with pytest.raises(StoreError, match="no digest"):
        store.record_delivery("2026-W09", "a@example.org", "sent")
    with pytest.raises(StoreError, match="invalid delivery status"):
        store.record_delivery("2026-W02", "a@example.org", "bounced")


def test_deliveries_in_doubt_listed_and_released_for_retry_by_hand(db_path: Path) -> None:
    """A send interrupted between SMTP and recording the outcome stays 'sending': never re-sent
    on its own, listed in status, and released (failed, so retried) only on request, while no
    other process holds the store."""
    with Store(db_path) as store:
        for key in ("2026-W02", "2026-W03"):
            store.save_digest(key, period_start=None, period_end=None, pmids=[])
        assert store.claim_delivery("2026-W02", "a@example.org")   # then the run was killed
        assert store.claim_delivery("2026-W03", "b@example.org")
        store.record_delivery("2026-W03", "c@example.org", "sent")
        doubt = store.deliveries_in_doubt()
        assert [(d["digest_key"], d["address"]) for d in doubt] == [
            ("2026-W02", "a@example.org"), ("2026-W03", "b@example.org")]
        assert store.status()["deliveries_in_doubt"] == doubt
        assert not store.claim_delivery("2026-W02", "a@example.org")  # never twice on its own
        with (Store(db_path) as other, other.writer("weekly"),  # a run that may be sending
              pytest.raises(StoreLockedError)):
            store.release_in_doubt()
        assert len(store.deliveries_in_doubt()) == 2  # nothing released
        assert store.release_in_doubt("2026-W02") == 1
        assert store.delivery_status("2026-W02", "a@example.org") == "failed"
        assert "released for retry" in store.deliveries("2026-W02")[0]["last_error"]
        assert store.claim_delivery("2026-W02", "a@example.org")  # the next send retries it
        assert store.release_in_doubt() == 2  # W03's and the new W02 claim; 'sent' untouched
        assert store.delivery_status("2026-W03", "c@example.org") == "sent"
        assert store.deliveries_in_doubt() == []


def test_reported_pmids_and_retracted_since_reported(store: Store) -> None:
    store.upsert([parsed("1"), parsed("2")])
    store.save_digest("2026-W02", period_start=None, period_end=None, pmids=["1", "2"])
    store.mark_reported("2026-W02", ["1", "2"])
    assert store.reported_pmids() == {"1", "2"}
    assert store.retracted_since_reported() == []
    retracted = parsed("1", corrections=[Correction("RetractionIn", "9")])
    assert store.upsert([retracted]).changed == 1
    assert store.retracted_since_reported() == ["1"]
    store.save_digest("2026-W03", period_start=None, period_end=None, pmids=[])
    store.mark_reported("2026-W03", ["1"])  # the retraction has been called out
    assert store.retracted_since_reported() == []


# -- status ----------------------------------------------------------------------------------
def test_status_keys_and_last_fetch(store: Store) -> None:
    store.upsert([parsed("1", mesh=[MeshHeading("D1", "Ketamine")]), parsed("2")], query="trd")
    run = store.start_run("fetch")
    store.finish_run(run, "ok", counts={"new": 2})
    st = store.status()
    for key in (
        "records", "with_mesh", "retracted", "deleted", "tagged", "last_fetch",
        "last_runs", "watermarks", "queries", "db_path", "schema_version",
    ):  # fmt: skip
        assert key in st, key
    assert (st["records"], st["with_mesh"], st["retracted"], st["tagged"]) == (2, 1, 0, 0)
    assert st["last_fetch"] == "2026-01-05T12:00:00Z"
    assert st["last_runs"][0]["id"] == run
    assert st["schema_version"] == SCHEMA_VERSION and st["db_path"] == ":memory:"
    json.dumps(st)  # what `status --json` prints


def test_status_empty_store(store: Store) -> None:
    st = store.status()
    assert st["records"] == 0 and st["last_fetch"] is None and st["last_runs"] == []
