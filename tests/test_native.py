"""The compiled build of the hot modules (aggregator.native): used only when it matches the
sources, and giving what the pure-Python modules give."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from aggregator import native
from aggregator.native_build import build

from .conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter (the build is chosen when aggregator is imported): parses XML
# and tags records, printing one JSON document of everything that came out
_RUN = r"""
import json, pickle, sys
from pathlib import Path
from aggregator import native, parse
from aggregator.errors import AggregatorError
from aggregator.models import Record
from aggregator.tag import tag_record
from aggregator.vocabulary import load_vocabulary

root, shared = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root))
from tests.eutils_server import FakeEutils
from tests.test_tag import PROBE_ROUND_CASES

# as a worker process gets it
vocab = pickle.loads(pickle.dumps(load_vocabulary(root / "queries")))
out = {"status": native.status(), "active": native.active(), "parsed": [], "tags": []}
xmls = [p.read_bytes() for p in sorted((root / "tests" / "data").glob("*.xml"))]
xmls += [p.read_bytes() for p in sorted((shared / "fixtures" / "eutils").glob("*.xml"))]
server = FakeEutils(rate_limits=None)
server.add_records(300, seed=5)
xmls.append(server.article_xml(server.ids()))
records = []
for xml in xmls:
    try:
        got = parse.parse_articles(xml)
    except AggregatorError as exc:
        out["parsed"].append(f"{type(exc).__name__}: {exc}")
        continue
    records += got
    out["parsed"].append([r.to_dict() for r in got])
labelled = shared / "labels" / "ketamine_dev.jsonl"
if labelled.is_file():
    for line in labelled.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        records.append(Record(pmid=str(row["pmid"]), title=row["title"], abstract=row["abstract"]))
records += [Record(pmid="1", title=c[1], abstract=c[2]) for c in PROBE_ROUND_CASES]
out["tags"] = [tag_record(r, vocab).to_dict() for r in records]
print(json.dumps(out, default=str))
"""


def _run(env: dict[str, str]) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", _RUN, str(ROOT), str(SHARED)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (native.PURE_ENV, native.DIR_ENV)}
    env.update(extra)
    return env


def _compiler() -> bool:
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(cc) is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of its own, from the sources as they are (~15 s of compiling)."""
    pytest.importorskip("mypyc")
    if not _compiler():
        pytest.skip("no C compiler: the compiled build cannot be made here")
    dest = tmp_path_factory.mktemp("native") / "build"
    assert build(dest).startswith("compiled ")
    return dest


def test_compiled_build_parses_and_tags_like_pure_python(built: Path) -> None:
    compiled = _run(_clean_env(AGGREGATOR_NATIVE_DIR=str(built)))
    pure = _run(_clean_env(AGGREGATOR_NATIVE_DIR=str(built), AGGREGATOR_PURE="1"))
    assert compiled["active"] is True, compiled["status"]
    assert pure["active"] is False
    assert "AGGREGATOR_PURE is set" in str(pure["status"])
    assert compiled["parsed"] == pure["parsed"]
    assert compiled["tags"] == pure["tags"]
    assert len(compiled["tags"]) > 300  # type: ignore[arg-type]
    # the malformed and truncated fixtures fail with the same message either way
    assert any(isinstance(p, str) for p in compiled["parsed"])  # type: ignore[union-attr]


def test_a_build_of_the_current_sources_is_not_rebuilt(built: Path) -> None:
    assert build(built).startswith("compiled modules up to date")


def test_stale_missing_or_broken_builds_are_not_used(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    monkeypatch.setenv(native.DIR_ENV, str(tmp_path))
    assert "not built" in (native._why_not() or "")
    manifest = tmp_path / native.MANIFEST
    manifest.write_text("{not json", encoding="utf-8")
    assert "unreadable" in (native._why_not() or "")
    good = native.fingerprint()
    manifest.write_text(json.dumps(good), encoding="utf-8")
    assert native._why_not() is None
    stale = json.loads(json.dumps(good))
    stale["modules"]["tag"] = "0" * 64
    manifest.write_text(json.dumps(stale), encoding="utf-8")
    assert native._why_not() == "stale (tag.py changed since the build; make rebuilds it)"
    other = dict(good, python="cpython-299")
    manifest.write_text(json.dumps(other), encoding="utf-8")
    assert "another Python" in (native._why_not() or "")
    path: list[str] = []
    assert native.activate(path) is False and path == []
    monkeypatch.setenv(native.PURE_ENV, "1")
    manifest.write_text(json.dumps(good), encoding="utf-8")
    assert native._why_not() == "AGGREGATOR_PURE is set"


def test_a_failed_compile_names_the_modules_and_keeps_the_old_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("mypyc")
    dest = tmp_path / "build"
    dest.mkdir()
    (dest / "kept").write_text("old build", encoding="utf-8")
    # a mypy option that does not exist makes the compiler stop before writing anything
    import mypyc.build

    real = mypyc.build.mypycify

    def broken(paths: list[str], **kw: object) -> object:
        return real(["--no-such-option", *paths], **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(mypyc.build, "mypycify", broken)
    with pytest.raises(RuntimeError, match="compiling matcher, text_index, tag"):
        build(dest, force=True)
    assert (dest / "kept").read_text(encoding="utf-8") == "old build"
