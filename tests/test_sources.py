"""Gzipped files kept whole in the store (``sources``): an import that points into the file
stores the same records, and gives back the same original text, as one that compresses each
record on its own; files whose offsets would not address a record's own bytes are not kept;
nothing of a failed import stays; files no record points into are dropped.
"""

from __future__ import annotations

import gzip
import random
import sqlite3
import zlib
from pathlib import Path

import pytest

from aggregator import parse
from aggregator.config import Settings
from aggregator.errors import InputError, StoreError
from aggregator.models import Parsed, Record, compress_raw, decompress_raw
from aggregator.pipeline import import_paths
from aggregator.store import PreparedRecord, Store
from aggregator.xml_stream import _blocks, _Cutter
from benchmarks import corpus
from tests.conftest import DATA

UPDATE = DATA / "parse_update.xml"  # a record and a DeleteCitation


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 real-format records, gzipped, with PubMed's prolog (no BOM, no xmlns)."""
    return corpus.write_corpus(tmp_path_factory.mktemp("src") / "corpus.xml.gz", 300,
                               start_pmid=42_000_000, seed=3)


def _import(tmp: Path, name: str, paths: list[Path], *, keep: bool, workers: int,
            monkeypatch: pytest.MonkeyPatch) -> Store:
    if not keep:
        monkeypatch.setattr(parse, "file_keeps_offsets", lambda path: False)
    store = Store(tmp / name)
    import_paths(Settings(db_path=tmp / name), store, paths, workers=workers)
    monkeypatch.undo()
    return store


def _rows(store: Store) -> dict[int, tuple[object, ...]]:
    return {r[0]: r[1:] for r in store.conn.execute(
        "SELECT pmid, kind, data, content_hash, format, deleted FROM records")}


def _texts(store: Store) -> dict[str, bytes]:
    return {p: decompress_raw(raw) for p, _fmt, raw in store.iter_raw(include_deleted=True)}


def _sources(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0])


@pytest.mark.parametrize("workers", [0, 2])
def test_kept_file_stores_what_compressing_each_record_stores(
    gz: Path, tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _import(tmp_path, "kept.sqlite", [gz, UPDATE], keep=True, workers=workers,
                   monkeypatch=monkeypatch)
    each = _import(tmp_path, "each.sqlite", [gz, UPDATE], keep=False, workers=workers,
                   monkeypatch=monkeypatch)
    assert _sources(kept) == 1 and _sources(each) == 0
    assert _rows(kept) == _rows(each)
    texts = _texts(kept)
    assert texts == _texts(each) and len(texts) == 301
    original = gzip.decompress(gz.read_bytes())
    assert all(t in original for p, t in texts.items() if int(p) >= 42_000_000)
    # the kept file's records have no text of their own; the plain file's record has
    pointing = kept.conn.execute(
        "SELECT COUNT(*) FROM records WHERE raw_source IS NOT NULL AND length(raw) = 0"
    ).fetchone()[0]
    assert pointing == 300
    assert kept.conn.execute("SELECT size, codec FROM sources").fetchone() == (
        gz.stat().st_size, "gzip")


@pytest.mark.parametrize("workers", [0, 2])
def test_a_kept_update_file_applies_its_deletions(
    tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    update = _gzip(tmp_path / "update.xml.gz", UPDATE.read_bytes())
    assert parse.file_keeps_offsets(update)
    kept = _import(tmp_path, "kept.sqlite", [update], keep=True, workers=workers,
                   monkeypatch=monkeypatch)
    each = _import(tmp_path, "each.sqlite", [update], keep=False, workers=workers,
                   monkeypatch=monkeypatch)
    assert _sources(kept) == 1
    assert _rows(kept) == _rows(each) and _texts(kept) == _texts(each)


def test_iter_raw_by_pmids_reads_kept_records_in_the_order_given(
    gz: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _import(tmp_path, "kept.sqlite", [gz, UPDATE], keep=True, workers=0,
                   monkeypatch=monkeypatch)
    texts = _texts(kept)
    asked = list(texts)
    random.Random(1).shuffle(asked)
    asked.insert(5, "999")  # unknown: skipped
    got = [(p, decompress_raw(raw)) for p, _fmt, raw in kept.iter_raw(asked)]
    assert got == [(p, texts[p]) for p in asked if p != "999"]


def test_importing_a_file_again_keeps_one_copy(
    gz: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _import(tmp_path, "s.sqlite", [gz], keep=True, workers=0, monkeypatch=monkeypatch)
    before = _texts(store)
    result = import_paths(Settings(), store, [gz], workers=0)
    assert result.counts["unchanged"] == 300 and result.counts["new"] == 0
    assert _sources(store) == 1  # the second copy pointed at by nothing: dropped
    assert _texts(store) == before


def test_a_record_stored_again_on_its_own_leaves_the_file_once_nothing_points_into_it(
    gz: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _import(tmp_path, "s.sqlite", [gz], keep=True, workers=0, monkeypatch=monkeypatch)
    pmids = [p for p, _f, _r in store.iter_raw()]
    first = Record.from_dict({**store.get(pmids[0]).to_dict(), "title": "Changed"})  # type: ignore[union-attr]
    store.upsert([Parsed(first, compress_raw(b"<PubmedArticle>changed</PubmedArticle>"))])
    assert store.conn.execute("SELECT raw_source FROM records WHERE pmid = ?",
                              (int(pmids[0]),)).fetchone() == (None,)
    assert {p: decompress_raw(r) for p, _f, r in store.iter_raw([pmids[0]])} == {
        pmids[0]: b"<PubmedArticle>changed</PubmedArticle>"}
    assert store.drop_unused_sources() == 0
    rows = [Parsed(Record.from_dict({**store.get(p).to_dict(), "title": f"New {p}"}),  # type: ignore[union-attr]
                   zlib.compress(b"<PubmedArticle/>")) for p in pmids]
    store.upsert(rows)
    assert store.drop_unused_sources() == 1 and _sources(store) == 0
    assert {decompress_raw(r) for _p, _f, r in store.iter_raw()} == {b"<PubmedArticle/>"}


def test_a_failed_import_keeps_no_file(tmp_path: Path, gz: Path) -> None:
    broken = tmp_path / "broken.xml.gz"
    text = gzip.decompress(gz.read_bytes())
    broken.write_bytes(gzip.compress(text[: len(text) // 2]))  # truncated mid-record
    assert parse.file_keeps_offsets(broken)
    with Store(tmp_path / "s.sqlite") as store:
        with pytest.raises(InputError, match="truncated"):
            import_paths(Settings(), store, [gz, broken], workers=0)
        assert _sources(store) == 0 and store.count() == 0


def _gzip(path: Path, text: bytes) -> Path:
    path.write_bytes(gzip.compress(text))
    return path


def test_files_whose_offsets_are_not_the_records_own_bytes_are_not_kept(
    tmp_path: Path, gz: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = gzip.decompress(gz.read_bytes())
    assert parse.file_keeps_offsets(gz)
    root = b"<PubmedArticleSet>"
    plain = tmp_path / "plain.xml"
    plain.write_bytes(text)
    cases = {
        "plain": plain,
        "bom": _gzip(tmp_path / "bom.xml.gz", b"\xef\xbb\xbf" + text),
        "xmlns": _gzip(tmp_path / "ns.xml.gz",
                       text.replace(root, b'<PubmedArticleSet xmlns:m="http://m">', 1)),
        "latin1": _gzip(tmp_path / "l1.xml.gz", text.replace(
            b'<?xml version="1.0" ?>', b'<?xml version="1.0" encoding="ISO-8859-1"?>', 1)),
        "medline": _gzip(tmp_path / "m.nbib.gz", (DATA / "parse_sample.nbib").read_bytes()),
    }
    for name, path in cases.items():
        assert not parse.file_keeps_offsets(path), name
    # and they still import with each record's own text
    for name in ("bom", "xmlns"):
        with Store(tmp_path / f"{name}.sqlite") as store:
            import_paths(Settings(), store, [cases[name]], workers=0)
            assert _sources(store) == 0
            texts = list(_texts(store).values())
            assert len(texts) == 300 and all(t.startswith(b"<PubmedArticle") for t in texts)


@pytest.mark.parametrize("block", [977, 4096, 1 << 20])
def test_cutter_offsets_address_each_record_in_the_stream(
    gz: Path, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("aggregator.xml_stream.BLOCK_SIZE", block)
    text = gzip.decompress(gz.read_bytes())
    with gzip.open(gz) as fh:
        cutter = _Cutter(_blocks(fh, "x"), "x")
        n = 0
        for _name, chunk, _line in cutter.chunks():
            assert text[cutter.offset: cutter.offset + len(chunk)] == chunk
            n += 1
    assert n == 300


def test_spans_are_for_xml_only(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PubMed XML only"):
        list(parse.iter_file(DATA / "parse_sample.nbib", spans=True))


def test_decompress_raw_gives_text_as_it_is() -> None:
    xml = b"<PubmedArticle><MedlineCitation/></PubmedArticle>"
    assert decompress_raw(xml) == xml
    assert decompress_raw(b"PMID- 1\nTI  - x\n") == b"PMID- 1\nTI  - x\n"
    assert decompress_raw(b"") == b""
    for level in range(10):
        assert decompress_raw(zlib.compress(xml, level)) == xml
    assert decompress_raw(compress_raw(xml)) == xml


def test_upsert_refuses_a_row_with_no_text(tmp_path: Path) -> None:
    row = PreparedRecord("5", "article", "{}", b"", "xml", "h", 0, 0, None, None)
    with Store(tmp_path / "s.sqlite") as store:
        with pytest.raises(StoreError, match="PMID 5: no original text"):
            store.upsert([row])
        assert store.count() == 0


def test_a_damaged_file_is_named(gz: Path, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = _import(tmp_path, "s.sqlite", [gz], keep=True, workers=0, monkeypatch=monkeypatch)
    size = gz.stat().st_size
    with store.transaction():
        store.conn.execute("UPDATE sources SET data = zeroblob(?)", (size,))
    with pytest.raises(StoreError, match="stored source 1 is damaged"):
        list(store.iter_raw())
    # a gzip header, then deflate data that is not: the inflater's own error, named the same way
    with store.transaction():
        store.conn.execute("UPDATE sources SET data = ?",
                           (gz.read_bytes()[:20] + b"\xff" * (size - 20),))
    with pytest.raises(StoreError, match="stored source 1 is damaged"):
        list(store.iter_raw())


def test_a_store_of_schema_2_gains_the_sources_table(tmp_path: Path) -> None:
    from aggregator.store.schema import MIGRATIONS
    from tests._old_store import store_at_schema

    db = tmp_path / "old.sqlite"
    conn = store_at_schema(db, 2)
    conn.execute(
        "INSERT INTO records (pmid, data, raw, format, content_hash, first_seen, last_changed,"
        " last_seen) VALUES (7, '{\"pmid\":\"7\"}', ?, 'xml', 'h', 'x', 'x', 'x')",
        (zlib.compress(b"<PubmedArticle>7</PubmedArticle>"),))
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert list(store.iter_raw()) == [
            ("7", "xml", zlib.compress(b"<PubmedArticle>7</PubmedArticle>"))]
        assert _sources(store) == 0


def test_kept_records_are_read_in_file_order_page_by_page(
    gz: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _import(tmp_path, "s.sqlite", [gz], keep=True, workers=0, monkeypatch=monkeypatch)
    whole = [(p, decompress_raw(r)) for p, _f, r in store.iter_raw()]
    monkeypatch.setattr("aggregator.store.records.PAGE", 7)  # keyset pages of 7 rows
    assert [(p, decompress_raw(r)) for p, _f, r in store.iter_raw()] == whole
    assert [p for p, _t in whole] == [str(42_000_000 + i) for i in range(300)]  # file order


def test_a_file_too_big_for_one_sqlite_value_is_not_kept(
    gz: Path, tmp_path: Path
) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, gz.stat().st_size - 1)
        assert not store.source_fits(gz)
        import_paths(Settings(), store, [gz], workers=0)
        assert _sources(store) == 0 and store.count() == 300
        assert all(t.startswith(b"<PubmedArticle") for t in _texts(store).values())
