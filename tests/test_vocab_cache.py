"""The compiled vocabulary kept between command-line runs (aggregator.vocab_cache)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aggregator import vocab_cache
from aggregator.errors import VocabularyError
from aggregator.models import Record
from aggregator.tag import tag_record
from aggregator.vocabulary import load_vocabulary

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
