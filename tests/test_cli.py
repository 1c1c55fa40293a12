"""The command line: help, bad input (exit 2, one line, store unchanged), import, export."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import cli
from tests.conftest import ROOT, shared_path

COMMANDS = ["fetch", "import", "retag", "report", "digest", "export", "weekly", "status",
            "schedule"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"AGGREGATOR_DB": str(tmp_path / "store.sqlite"),
            "AGGREGATOR_QUERIES": str(ROOT / "queries"),
            "AGGREGATOR_REPORTS": str(tmp_path / "reports"),
            "NCBI_EUTILS_URL": "http://127.0.0.1:9/entrez/eutils/"}


def run(env: dict[str, str], *args: str):
    return CliRunner().invoke(cli, list(args), env=env)


def _status(env: dict[str, str]) -> dict:
    result = run(env, "status", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _one_line_error(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def _article(pmid: str, title: str = "Ketamine infusion for treatment-resistant depression") -> str:
    return (f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">'
            f'{pmid}</PMID><Article PubModel="Print"><Journal><JournalIssue><PubDate><Year>2020'
            f'</Year></PubDate></JournalIssue><Title>J</Title></Journal><ArticleTitle>{title}'
            f'</ArticleTitle><Language>eng</Language></Article></MedlineCitation>'
            f'<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>'
            f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData>'
            f'</PubmedArticle>')


def _xml(*pmids: str) -> bytes:
    body = "".join(_article(p) for p in pmids)
    return f'<?xml version="1.0"?>\n<PubmedArticleSet>{body}</PubmedArticleSet>\n'.encode()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_every_command_has_help_and_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_help_readme_mentions_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"aggregator {command}" in readme, command


def test_import_xml_and_gz_then_status_and_export(env, tmp_path):
    plain = tmp_path / "a.xml"
    plain.write_bytes(_xml("101", "102"))
    packed = tmp_path / "b.xml.gz"
    packed.write_bytes(gzip.compress(_xml("103")))

    result = run(env, "import", str(plain), str(packed))

    assert result.exit_code == 0, result.output
    info = _status(env)
    assert info["records"] == 3 and info["tagged"] == 3
    # the gzipped file is kept whole as its record's original text; the plain one is not
    assert info["kept_files"] == {"files": 1, "bytes": packed.stat().st_size, "records": 1}
    shown = run(env, "status")
    assert shown.exit_code == 0 and "kept files   1 (" in shown.output, shown.output
    assert "the original XML of 1 imported records" in shown.output
    # whether the compiled build of the hot modules runs, and if not, why (aggregator.native)
    assert "speed        compiled: o" in shown.output
    out = tmp_path / "out.csv"
    exported = run(env, "export", "csv", str(out))
    assert exported.exit_code == 0, exported.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("pmid,doi,pmcid,title")
    assert "trd" in text  # the tag columns are filled


def test_import_is_idempotent(env, tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(_xml("201", "202"))
    assert run(env, "import", str(path)).exit_code == 0
    result = run(env, "import", str(path))
    assert result.exit_code == 0
    assert "0 new" in result.output and "2 unchanged" in result.output
    assert _status(env)["records"] == 2


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("truncated.xml", _xml("301", "302")[:-60], "truncated"),
        ("malformed.xml", (b"<?xml version='1.0'?><PubmedArticleSet><PubmedArticle><Medline"
                           b"Citation><PMID>1</PMID></Oops></PubmedArticleSet>"), "malformed"),
        ("notes.txt", b"just some notes, not PubMed\n", "unknown file type"),
        ("empty.xml", b"", ""),
    ],
)
def test_import_bad_file_exits_2_and_store_unchanged(env, tmp_path, name, content, expected):
    good = tmp_path / "good.xml"
    good.write_bytes(_xml("401"))
    assert run(env, "import", str(good)).exit_code == 0
    db = Path(env["AGGREGATOR_DB"])
    before = _status(env)
    bad = tmp_path / name
    bad.write_bytes(content)
    newer = tmp_path / "newer.xml"
    newer.write_bytes(_xml("402", "403"))

    result = run(env, "import", str(newer), str(bad))

    assert result.exit_code == 2, result.output
    line = _one_line_error(result)
    assert name in line
    if expected:
        assert expected in line.lower()
    after = _status(env)
    assert after["records"] == before["records"] == 1  # newer.xml rolled back too
    assert db.exists()


def test_import_missing_path_exits_2(env, tmp_path):
    result = run(env, "import", str(tmp_path / "nope.xml"))
    assert result.exit_code == 2
    assert "nope.xml" in _one_line_error(result)


def test_import_directory_exits_2(env, tmp_path):
    result = run(env, "import", str(tmp_path))
    assert result.exit_code == 2
    assert str(tmp_path) in _one_line_error(result)


def test_malformed_query_toml_exits_2_naming_file_and_line(env, tmp_path):
    queries = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", queries)
    path = queries / "ketamine.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "this is = = not toml")
    path.write_text("\n".join(lines), encoding="utf-8")
    bad_env = {**env, "AGGREGATOR_QUERIES": str(queries)}

    result = run(bad_env, "fetch")

    assert result.exit_code == 2
    line = _one_line_error(result)
    assert "ketamine.toml:4" in line


def test_query_with_unbalanced_parenthesis_exits_2_naming_field(env, tmp_path):
    queries = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", queries)
    path = queries / "ketamine.toml"
    text = path.read_text(encoding="utf-8").replace('"Bipolar Disorder"[Mesh] OR',
                                                    '("Bipolar Disorder"[Mesh] OR', 1)
    path.write_text(text, encoding="utf-8")

    result = run({**env, "AGGREGATOR_QUERIES": str(queries)}, "fetch")

    assert result.exit_code == 2
    line = _one_line_error(result)
    assert "ketamine.toml:" in line and "term" in line


def test_bad_since_date_exits_2(env):
    result = run(env, "fetch", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "--since" in _one_line_error(result)


def test_unknown_export_kind_is_a_usage_error(env, tmp_path):
    result = run(env, "export", "xlsx", str(tmp_path / "x"))
    assert result.exit_code == 2


def test_not_a_store_exits_with_clear_error(env, tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("this is not a database", encoding="utf-8")
    result = run({**env, "AGGREGATOR_DB": str(bogus)}, "status")
    assert result.exit_code == 1
    assert "bogus.sqlite" in _one_line_error(result)
    assert bogus.read_text(encoding="utf-8") == "this is not a database"


def test_schedule_prints_cron_and_systemd(env):
    result = run(env, "schedule")
    assert result.exit_code == 0
    assert "0 2 * * 6" in result.output
    assert "OnCalendar=" in result.output


def test_import_real_fixtures_via_cli(env):
    files = [shared_path("fixtures", "eutils", "fatcat_pubmedsample_2019.xml"),
             shared_path("fixtures", "eutils", "biopython_medline_pubmed_result2.txt")]
    result = run(env, "import", *map(str, files))
    assert result.exit_code == 0, result.output
    assert _status(env)["records"] >= 176


def test_report_on_empty_store_writes_a_page(env, tmp_path):
    result = run(env, "report", "--out", str(tmp_path / "r"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "latest.html").exists()


def test_status_lists_deliveries_in_doubt_and_digest_releases_them(env):
    """A delivery left 'sending' by a killed run shows in 'status' with what to do, and
    'digest --release-in-doubt' makes it retryable (the send itself needs SMTP: not here)."""
    from aggregator.store import Store

    with Store(env["AGGREGATOR_DB"]) as store:
        store.save_digest("2026-W02", period_start=None, period_end=None, pmids=[])
        assert store.claim_delivery("2026-W02", "reader@example.org")
    shown = run(env, "status")
    assert shown.exit_code == 0, shown.output
    assert "deliveries in doubt: 1" in shown.output
    assert "2026-W02 to reader@example.org" in shown.output and "--release-in-doubt" in shown.output
    released = run(env, "digest", "--release-in-doubt")
    assert released.exit_code == 0, released.output
    assert "released 1 delivery(ies) in doubt" in released.output
    assert _status(env)["deliveries_in_doubt"] == []
    with Store(env["AGGREGATOR_DB"]) as store:
        assert store.delivery_status("2026-W02", "reader@example.org") == "failed"


def test_queries_folder_missing_says_where_and_how(env: dict[str, str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from another folder, the default queries/ is not there: the error names the file
    looked for, absolute, and how to point at the right folder; nothing is stored."""
    monkeypatch.chdir(tmp_path)
    del env["AGGREGATOR_QUERIES"]
    xml = tmp_path / "one.xml"
    xml.write_bytes(_xml("1"))
    result = run(env, "import", str(xml))
    assert result.exit_code == 2
    line = _one_line_error(result)
    assert f"{tmp_path}/queries/vocabulary.toml: vocabulary file not found" in line
    assert "--queries" in line and "AGGREGATOR_QUERIES" in line
    # --queries is a folder: a file given there is refused by name
    result = run(env, "--queries", str(ROOT / "queries" / "ketamine.toml"), "retag")
    assert result.exit_code == 2 and "is a file" in result.output
    env["AGGREGATOR_QUERIES"] = str(ROOT / "queries")
    assert _status(env)["records"] == 0


def test_reader_gone_stops_quietly(env: dict[str, str], tmp_path: Path) -> None:
    """`aggregator status | head -1`: the reader closes the pipe; the command stops without an
    error message, exit 141 (as if killed by SIGPIPE), and the store is untouched."""
    import os
    import subprocess
    import sys

    xml = tmp_path / "two.xml"
    xml.write_bytes(_xml("1", "2"))
    assert run(env, "import", str(xml)).exit_code == 0
    read, write = os.pipe()
    os.close(read)  # nobody will read what status prints
    proc = subprocess.run([sys.executable, "-m", "aggregator", "status"], stdout=write,
                          stderr=subprocess.PIPE, env={**os.environ, **env}, timeout=60,
                          check=False)
    os.close(write)
    assert proc.returncode == 141, proc.stderr
    assert proc.stderr == b""
    assert _status(env)["records"] == 2


def test_broken_pipe_of_our_own_is_an_error(env: dict[str, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A BrokenPipeError that is not about standard output (a worker's pipe) is reported."""
    from aggregator.store import Store

    def broken(self: Store) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(Store, "status", broken)
    result = run(env, "status")
    assert result.exit_code == 1
    assert "unexpected BrokenPipeError" in _one_line_error(result)
