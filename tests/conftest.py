"""Shared fixtures: settings with a fake key, paths to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from aggregator.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SHARED_FIXTURES = SHARED / "fixtures" / "eutils"
SHARED_LABELS = SHARED / "labels"

# compiled vocabularies (aggregator.vocab_cache) go to a folder of this test session, never to
# the user's cache; command-line runs in subprocesses inherit it
os.environ["AGGREGATOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="aggregator-test-cache-")
atexit.register(shutil.rmtree, os.environ["AGGREGATOR_CACHE_DIR"], ignore_errors=True)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the calling test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is not beside the project")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for tests: a fake API key, a store and reports under tmp_path, fast back-off."""
    return Settings(
        api_key="test-key-0123456789",
        email="tests@example.org",
        tool="aggregator-tests",
        eutils_url="http://127.0.0.1:9/entrez/eutils/",
        db_path=tmp_path / "store.sqlite",
        queries_dir=ROOT / "queries",
        reports_dir=tmp_path / "reports",
        backoff=0.01,
        backoff_max=0.05,
        unreachable_after=2.0,
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Keep each phase's report on the test item (``item.rep_call``), so fixtures can tell at
    teardown whether the test passed, failed or was skipped."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
