"""The compiled vocabulary kept between command-line runs (aggregator.vocab_cache)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from aggregator import regex_source, vocab_cache
from aggregator.errors import VocabularyError
from aggregator.models import Record
from aggregator.tag import tag_record
from aggregator.vocabulary import Vocabulary, load_vocabulary
from tests.test_vocabulary import SMALL as BASE

ROOT = Path(__file__).resolve().parent.parent
RECORD = Record(pmid="1", title="Intranasal esketamine for treatment-resistant depression",
                abstract="METHODS: Forty adults were randomized to esketamine nasal spray or "
                         "placebo.")


@pytest.fixture
def queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of queries/ and an empty cache folder of this test's own."""
    monkeypatch.setenv("AGGREGATOR_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", folder)
    return folder


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record each real compile that vocab_cache.load asks for."""
    calls: list[Path] = []

    def counting(path: Path | str) -> object:
        calls.append(Path(path))
        return load_vocabulary(path)

    monkeypatch.setattr(vocab_cache, "load_vocabulary", counting)
    return calls


def entries() -> list[Path]:
    return sorted(vocab_cache.cache_dir().glob("vocabulary-*.pickle"))


def test_second_load_comes_from_the_cache_and_tags_the_same(
        queries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = compiles(monkeypatch)
    first = vocab_cache.load(queries)
    second = vocab_cache.load(queries)
    assert len(calls) == 1 and len(entries()) == 1
    assert entries()[0].stat().st_mode & 0o777 == 0o600
    assert second.version == first.version == load_vocabulary(queries).version
    assert tag_record(RECORD, second) == tag_record(RECORD, load_vocabulary(queries))


def test_a_changed_vocabulary_is_compiled_again(
        queries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = compiles(monkeypatch)
    vocab_cache.load(queries)
    file = queries / "vocabulary.toml"
    file.write_text(file.read_text() + "\n# a comment\n")
    vocab_cache.load(queries)
    assert len(calls) == 2 and len(entries()) == 2


def test_an_entry_others_can_write_or_a_damaged_one_is_not_read(
        queries: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = compiles(monkeypatch)
    vocab_cache.load(queries)
    [entry] = entries()
    entry.chmod(0o666)  # a pickle anyone can write could run their code: compile instead
    vocab_cache.load(queries)
    assert len(calls) == 2
    assert entry.stat().st_mode & 0o777 == 0o600  # replaced by a private one
    entry.write_bytes(b"not a pickle")
    assert tag_record(RECORD, vocab_cache.load(queries)).labels("routes") == ["intranasal"]
    assert len(calls) == 3


def test_a_vocabulary_with_a_mistake_fails_as_ever_and_is_not_cached(
        queries: Path) -> None:
    file = queries / "vocabulary.toml"
    file.write_text(file.read_text().replace("[routes.iv]", "[routes.iv]\nstrong = ['(']", 1))
    with pytest.raises(VocabularyError) as err:
        vocab_cache.load(queries)
    with pytest.raises(VocabularyError) as again:
        load_vocabulary(queries)
    assert str(err.value) == str(again.value)
    assert entries() == []


def test_a_cache_folder_that_cannot_be_made_only_costs_the_compile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("AGGREGATOR_CACHE_DIR", str(blocker / "cache"))
    vocab = vocab_cache.load(ROOT / "queries")
    assert tag_record(RECORD, vocab).labels("routes") == ["intranasal"]


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGGREGATOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert vocab_cache.cache_dir() == Path("/somewhere/aggregator")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert vocab_cache.cache_dir() == Path.home() / ".cache" / "aggregator"


# -- the pattern memo: each pattern's check and analyses, kept between runs ----------------------

# the small vocabulary of test_vocabulary, with a second route
SMALL = BASE + """
[routes.intranasal]
strong = ['\\bintranasal\\b', '\\bnasal\\s+spray\\b']
"""


@pytest.fixture
def new_process() -> Iterator[dict[str, dict[tuple[object, ...], object]]]:
    """The process memos of aggregator.regex_source emptied, as in a new process (what they
    held is put back afterwards: other tests need not analyse the project vocabulary again)."""
    saved = {name: dict(table) for name, table in regex_source._MEMOS.items()}
    for name, table in regex_source._MEMOS.items():
        table.clear()
        regex_source._SAVED[name].clear()
    yield regex_source._MEMOS
    for name, table in regex_source._MEMOS.items():
        table.clear()
        table.update(saved[name])
        regex_source._SAVED[name].clear()


def strong_words(vocab: Vocabulary, label: str, text: str) -> list[str]:
    """What the route ``label``'s strong patterns match in ``text``."""
    rule = next(r for r in vocab.routes if r.label == label)
    assert rule.strong is not None
    return [m.group(0).lower() for m in rule.strong.finditer(text, text.lower())]


def cached_small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with :data:`SMALL`, loaded once through the cache of this test's own."""
    monkeypatch.setenv("AGGREGATOR_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "vocabulary.toml").write_text(SMALL)
    vocab_cache.load(folder)
    return folder


def memo_file() -> Path:
    [memo] = vocab_cache.cache_dir().glob("regex-memo-*.json")
    return memo


def imports(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record how many saved results each load took from the memo file."""
    added: list[int] = []
    real = regex_source.memo_import

    def counting(data: object) -> int:
        added.append(real(data))
        return added[-1]

    monkeypatch.setattr(regex_source, "memo_import", counting)
    return added


def test_an_edited_vocabulary_takes_the_unchanged_patterns_analyses_from_the_memo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        new_process: dict[str, dict[tuple[object, ...], object]]) -> None:
    folder = cached_small(tmp_path, monkeypatch)
    assert memo_file().stat().st_mode & 0o777 == 0o600
    saved = {name: dict(table) for name, table in new_process.items()}
    assert saved["pattern_error"] and saved["_required_literals"]

    for table in new_process.values():  # the next run
        table.clear()
    added = imports(monkeypatch)
    (folder / "vocabulary.toml").write_text(SMALL.replace(
        "'\\bnasal\\s+spray\\b'", "'\\bnasal\\s+spray\\b', '\\bspravato\\b'"))
    vocab = vocab_cache.load(folder)
    assert added == [sum(len(t) for t in saved.values())]
    # what was taken from the file is what analysing again gives, and the new pattern counts
    for name, table in new_process.items():
        fn = getattr(regex_source, name).__wrapped__
        for key, value in table.items():
            assert fn(*key) == value, (name, key)
    assert any("spravato" in key[0] for key in new_process["pattern_error"])
    assert strong_words(vocab, "intranasal", "Spravato, a nasal spray") == [
        "spravato", "nasal spray"]


def test_a_damaged_or_unsafe_memo_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        new_process: dict[str, dict[tuple[object, ...], object]]) -> None:
    folder = cached_small(tmp_path, monkeypatch)
    memo = memo_file()
    good = memo.read_text()
    added = imports(monkeypatch)
    for n, (text, mode) in enumerate([
            ("{not json", 0o600),
            ('{"_word_start": [[["x"], "yes"]], "_leading_literals": 7, "nope": []}', 0o600),
            (good.replace("true", "false"), 0o666)]):  # anyone could have written it
        for table in new_process.values():
            table.clear()
        (folder / "vocabulary.toml").write_text(SMALL + f"\n# edit {n}\n")
        memo.write_text(text)
        memo.chmod(mode)
        vocab = vocab_cache.load(folder)
        assert strong_words(vocab, "iv", "an esketamine infusion") == ["esketamine infusion"]
        for name, table in new_process.items():
            fn = getattr(regex_source, name).__wrapped__
            assert all(fn(*key) == value for key, value in table.items()), name
    assert added == [0]  # bad JSON never reaches memo_import; the unsafe file is not read
    assert memo.stat().st_mode & 0o777 == 0o600  # and each run wrote a good one


def test_memo_round_trip_through_json(
        tmp_path: Path, new_process: dict[str, dict[tuple[object, ...], object]]) -> None:
    (tmp_path / "vocabulary.toml").write_text(SMALL)
    load_vocabulary(tmp_path)
    before = {name: dict(table) for name, table in new_process.items()}
    data = json.loads(json.dumps(regex_source.memo_export()))
    for table in new_process.values():
        table.clear()
    assert regex_source.memo_import(data) == sum(len(t) for t in before.values())
    assert {name: dict(table) for name, table in regex_source._SAVED.items()} == before
    load_vocabulary(tmp_path)  # takes each result it asks for from what was read
    assert {name: dict(table) for name, table in new_process.items()} == before
    assert not any(regex_source._SAVED.values())


def test_the_memo_saves_only_what_the_vocabulary_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        new_process: dict[str, dict[tuple[object, ...], object]]) -> None:
    monkeypatch.setenv("AGGREGATOR_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "vocabulary.toml").write_text(SMALL)
    vocab_cache.load(tmp_path)
    for table in new_process.values():  # the next run, without the spray pattern
        table.clear()
    (tmp_path / "vocabulary.toml").write_text(SMALL.replace(", '\\bnasal\\s+spray\\b'", ""))
    vocab_cache.load(tmp_path)
    saved = json.loads(memo_file().read_text())
    assert not any("spray" in json.dumps(rows) for rows in saved.values())
    assert any("intranasal" in json.dumps(rows) for rows in saved.values())


def test_only_the_most_recently_used_entries_are_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = cached_small(tmp_path, monkeypatch)
    [used] = entries()
    os.utime(used, (1, 1))
    old = []
    for i in range(vocab_cache.KEEP + 2):
        stale = used.with_name(f"vocabulary-{i:032x}.pickle")
        stale.write_bytes(b"old")
        os.utime(stale, (100 + i, 100 + i))
        old.append(stale)
    vocab_cache.load(folder)  # read from the cache: now the most recently used
    (folder / "vocabulary.toml").write_text(SMALL + "\n# edited\n")
    vocab_cache.load(folder)  # compiled: the cache is pruned
    kept = entries()
    assert len(kept) == vocab_cache.KEEP and used in kept
    assert set(kept) - {used} - set(old) != set()  # the new entry
    assert [p for p in old if p in kept] == old[-(vocab_cache.KEEP - 2):]
