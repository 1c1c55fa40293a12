"""queries.py: the query file loads, every condition has a query, and each mistake is named
with its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.errors import QueryDefinitionError
from aggregator.queries import check_term, load_queries
from aggregator.vocabulary import CONDITIONS

ROOT = Path(__file__).resolve().parent.parent

VALID = '''\
[drug]
term = '"Ketamine"[Mesh] OR ketamin*[tiab] OR "(s)-ketamine"[tiab]'

[[indication]]
name = "depression"
label = "Depression"
term = '"Depressive Disorder"[Mesh] OR depress*[tiab]'

[[indication]]
name = "ptsd"
label = "PTSD"
term = '"Stress Disorders, Post-Traumatic"[Mesh] OR PTSD[tiab]'
notes = "two entries are enough for a test"
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ketamine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_queries_project_file_has_every_condition() -> None:
    qs = load_queries(ROOT / "queries")
    assert set(qs.names) == CONDITIONS
    assert len(qs.indications) == len(CONDITIONS)
    assert len(qs.version) == 12
    assert qs.source == ROOT / "queries" / "ketamine.toml"
    for ind in qs.indications:
        assert ind.query == f"({qs.drug_term}) AND ({ind.term})"
        assert check_term(ind.query) is None
    assert qs.topic_term.startswith(f"({qs.drug_term}) AND (")
    assert check_term(qs.topic_term) is None
    assert '"Ketamine"[Mesh]' in qs.drug_term
    for spelling in ("esketamin*", "arketamin*", "spravato", "ketalar", "ketanest"):
        assert spelling in qs.drug_term.lower()
    assert '"Depressive Disorder, Treatment-Resistant"[Mesh]' in qs.get("trd").term


def test_load_queries_accepts_file_and_directory(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    by_file, by_dir = load_queries(path), load_queries(tmp_path)
    assert by_file == by_dir
    assert by_file.names == ("depression", "ptsd")
    assert by_file.get("ptsd").notes == "two entries are enough for a test"
    assert by_file.topic_term == (
        f"({by_file.drug_term}) AND (({by_file.indications[0].term}) OR "
        f"({by_file.indications[1].term}))")


def test_load_queries_version_changes_with_content(tmp_path: Path) -> None:
    first = load_queries(write(tmp_path, VALID)).version
    second = load_queries(write(tmp_path, VALID.replace("PTSD[tiab]", "PTSD[tiab] OR "
                                                         "posttraumatic[tiab]"))).version
    assert first != second


def test_load_queries_bad_toml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('label = "PTSD"', 'label = "PTSD'))
    with pytest.raises(QueryDefinitionError) as exc:
        load_queries(path)
    assert exc.value.line == 11
    assert str(path) in str(exc.value)
    assert "invalid TOML" in str(exc.value)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ('notes = "two', 'colour = "two', 13, "indication[1].colour", "unknown key 'colour'"),
        ('label = "PTSD"\n', "", 9, "indication[1].label", "missing required key"),
        ('label = "PTSD"', "label = 3", 11, "indication[1].label", "expected a string"),
        ('name = "ptsd"', 'name = "depression"', 10, "indication 'depression'.name",
         "duplicate"),
        ('name = "ptsd"', 'name = "schizophrenia"', 10, "indication 'schizophrenia'.name",
         "unknown condition"),
        ("OR PTSD[tiab]'", "OR (PTSD[tiab]'", 12, "indication 'ptsd'.term",
         "unbalanced parentheses"),
        ("OR PTSD[tiab]'", "OR \"PTSD[tiab]'", 12, "indication 'ptsd'.term",
         "unbalanced double quotes"),
        ("OR PTSD[tiab]'", "OR PTSD[tiabs]'", 12, "indication 'ptsd'.term",
         "unknown field tag [tiabs]"),
        ("term = '\"Stress Disorders, Post-Traumatic\"[Mesh] OR PTSD[tiab]'", "term = '  '",
         12, "indication 'ptsd'.term", "empty term"),
        ("ketamin*[tiab] OR", "ketamin*[tiab] OR OR", 2, "drug.term", "without an operand"),
    ],
)
def test_load_queries_validation_names_file_line_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(QueryDefinitionError) as exc:
        load_queries(path)
    err = exc.value
    assert err.path == str(path)
    assert err.line == line, str(err)
    assert field in str(err)
    assert message in str(err)
    assert err.exit_code == 2


def test_load_queries_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QueryDefinitionError, match="not found") as info:
        load_queries(tmp_path)
    assert info.value.path == str(tmp_path / "ketamine.toml")  # the file looked for, absolute
    # a folder that is not there: the file looked for, and that the folder is missing
    with pytest.raises(QueryDefinitionError) as info:
        load_queries(tmp_path / "nowhere")
    assert str(info.value) == (f"{tmp_path}/nowhere/ketamine.toml: query file not found "
                               f"(there is no folder {tmp_path}/nowhere)")


@pytest.mark.parametrize(
    "term",
    ['"(s)-ketamine"[tiab]', 'depress*[tiab] AND ("a"[tiab] OR b[Mesh:NoExp])',
     '"pain"[tiab:~3]', '"Review"[pt] NOT "Letter"[Publication Type]'],
)
def test_check_term_accepts_pubmed_syntax(term: str) -> None:
    assert check_term(term) is None


@pytest.mark.parametrize(
    "term",
    ['ketamine[tiab] AND ("2020/01/01"[Date - Publication] : "3000"[Date - Publication])',
     '"2024"[Date - Create] OR "2024"[Date - Completion] OR "2024"[Date - Modification]',
     '"2024"[Date - Entry] OR "2024"[Date - Entrez] OR "2024"[Date - MeSH]',
     'smith j[Author - Last] OR "zarate ca"[Author - First] OR x[Investigator - Full]',
     '"2024"[Date-Publication] OR "2024"[date -  completion] OR "2024"[Modification Date]'],
)
def test_check_term_accepts_advanced_search_builder_names(term: str) -> None:
    # what PubMed's Advanced Search builder writes, so a query copied from it loads as is
    assert check_term(term) is None


@pytest.mark.parametrize("tag", ["Date - Foo", "Date", "Author - Middle", "date publication"])
def test_check_term_still_rejects_unknown_long_names(tag: str) -> None:
    assert check_term(f'"2024"[{tag}]') == f"unknown field tag [{tag}]"


def test_check_term_error_is_one_line_when_the_tag_spans_lines() -> None:
    # found by test_fuzz: a line break inside the brackets made a two-line error message
    assert check_term("anxiety[t\niab]") == "unknown field tag [t iab]"
