"""evaluate.py: the tagger meets issue 3's bars on the labelled records in ../shared/labels
(skipped cleanly when absent), with and without MeSH; the CLI prints the tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.evaluate import BARS, evaluate, load_labelled, main, record_from_json
from aggregator.vocabulary import load_vocabulary
from tests.conftest import ROOT, shared_path


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return load_labelled(shared_path("labels", "ketamine_dev.jsonl").parent)


@pytest.mark.parametrize("with_mesh", [True, False], ids=["as-is", "no-mesh"])
def test_evaluate_meets_bars(rows: list[dict[str, object]], with_mesh: bool) -> None:
    ev = evaluate(rows, load_vocabulary(ROOT / "queries"), with_mesh=with_mesh)
    bars = ev.bars()
    assert {k.split(".", 1)[1] for k in bars} == set(BARS)
    below = {k: v for k, (v, _, ok) in bars.items() if not ok}
    assert not below, below
    assert ev.ours.sample_size.total > 0 and ev.ours.design.total > 0


def test_record_from_json_without_mesh() -> None:
    row = {"pmid": "1", "title": "T", "abstract": "A", "year": "2024", "keywords": ["k"],
           "publication_types": ["Review"], "mesh": ["Ketamine"]}
    full, bare = record_from_json(row), record_from_json(row, with_mesh=False)
    assert full.pub_year == 2024 and full.publication_type_names == ["Review"]
    assert full.mesh[0].name == "Ketamine"
    assert bare.mesh == [] and bare.publication_types == []


def test_evaluate_cli_prints_tables(capsys: pytest.CaptureFixture[str]) -> None:
    labels = shared_path("labels")
    assert main(["--labels", str(labels)]) == 0
    out = capsys.readouterr().out
    assert str(labels / "ketamine_dev.jsonl") in out
    assert out.count("== Pass:") == 2
    assert "MeSH and publication types removed" in out
    for heading in ("precision", "recall", "F1", "micro", "macro", "design accuracy",
                    "sample size exact", "-- ours labels --", "-- psynamic labels --"):
        assert heading in out


def test_evaluate_cli_misses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--labels", str(shared_path("labels")), "--misses"]) == 0
    assert "misses (" in capsys.readouterr().out


def test_evaluate_cli_skips_when_labels_absent(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--labels", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("skipped:") and "not found" in out and "nowhere" in out
