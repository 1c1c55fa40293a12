"""Issue 5: a run killed at any point resumes; a second run started meanwhile exits at once.

``aggregator fetch`` / ``weekly`` run as subprocesses against our E-utilities server in this
process (slowed with "slow" faults so there is time to kill them), and are killed with SIGKILL
at chosen points: during esearch, mid-batch (an efetch in flight, nothing committed), after a
batch was committed, and at random moments. The next run must finish the job: exactly the
server's PMIDs, each once, a sound database, the killed run marked ``interrupted``, its pending
ids fetched first and its committed batches never fetched again.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.config import Settings
from aggregator.pipeline import fetch
from aggregator.store import Store
from tests._weekly_helpers import (
    cli_env,
    connect_ro,
    efetch_ids,
    fetched_progress,
    integrity,
    populate,
    query_matcher,
    real_queries,
    real_vocab,
    run_cli,
    runs,
    server_settings,
    start_cli,
    stored_pmids,
    wait_for,
)
from tests.eutils_server import FakeEutils

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]

QUERIES = real_queries()
VOCAB = real_vocab()
BATCH = 500  # Settings.batch_size default: the CLI's batches


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    with FakeEutils(matcher=query_matcher(QUERIES)) as srv:
        yield srv


def kill(proc: object) -> None:
    proc.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
    proc.wait(timeout=10)  # type: ignore[attr-defined]
    assert proc.returncode == -signal.SIGKILL  # type: ignore[attr-defined]


def progress_rows(db: Path, run_id: int) -> tuple[set[str], set[str]]:
    """(committed, pending) ids of one run's fetch plan."""
    with connect_ro(db) as conn:
        rows = conn.execute("SELECT pmid, fetched FROM fetch_progress WHERE run_id = ?",
                            (run_id,)).fetchall()
    conn.close()
    return {str(p) for p, f in rows if f}, {str(p) for p, f in rows if not f}


def check_done(db: Path, server: FakeEutils) -> None:
    pmids = stored_pmids(db)
    assert len(pmids) == len(set(pmids)), "a PMID stored twice"
    assert set(pmids) == set(server.ids(QUERIES.topic_term))
    assert integrity(db) == "ok"
    history = runs(db)
    assert history[-1]["status"] == "ok", history[-1]
    assert not [r for r in history if r["status"] == "running"]


def _stored_runs(db: Path) -> list[dict[str, Any]]:
    """The store's runs, or none while the store or its tables are still being created."""
    if not db.exists():
        return []
    try:
        return runs(db)
    except sqlite3.Error:
        return []


def _has_run(db: Path, pid: int) -> bool:
    """Whether the process ``pid`` has started its run in the store."""
    return any(r["pid"] == pid for r in _stored_runs(db))


def running_run(db: Path) -> int | None:
    rows = [r for r in _stored_runs(db) if r["status"] == "running"]
    return int(rows[-1]["id"]) if rows else None


@pytest.mark.parametrize("command", ["fetch", "weekly"])
def test_kill_after_a_committed_batch_resumes_pending_first(
    settings: Settings, server: FakeEutils, tmp_path: Path, command: str
) -> None:
    today = date.today()
    # (fully indexed: no stored record is waiting for MeSH, which weekly re-fetches each run)
    old = populate(server, QUERIES, 60, crdt_end=today - timedelta(days=200), indexed=1.0)
    db = tmp_path / "store.sqlite"
    s = server_settings(settings, server, db_path=db)
    with Store(db) as store:  # an earlier complete run: watermarks are set
        if command == "fetch":
            fetch(s, store, QUERIES, VOCAB)
        else:
            from aggregator.pipeline import weekly

            weekly(s, store, QUERIES, VOCAB, send=False)
    new = populate(server, QUERIES, 200, crdt_start=today - timedelta(days=2), crdt_end=today,
                   seed=50)
    assert len(new) // BATCH >= 4
    server.faults.add("efetch", "slow", times=1000, delay=0.4)
    env = cli_env(server.url, db, tmp_path)
    args = [command] if command == "fetch" else [command, "--no-send"]

    proc = start_cli(args, env)
    run_id = wait_for(lambda: running_run(db), 20, "the run to start")
    wait_for(lambda: progress_rows(db, run_id)[0], 30, "a committed batch", interval=0.01)
    kill(proc)
    committed, pending = progress_rows(db, run_id)
    assert committed and pending, "killed between the first and the last batch"
    assert len(committed) % BATCH == 0
    assert committed <= set(stored_pmids(db))

    # while it was down, some old stored records changed upstream (new MeSH)
    changed = old[:7]
    for p in changed:
        server.modify(p, indexed=True, mhda=today)
    server.faults.clear()
    mark = len(server.requests)
    done = run_cli(args, env)
    assert done.returncode == 0, done.stderr

    check_done(db, server)
    history = {r["id"]: r for r in runs(db)}
    assert history[run_id]["status"] == "interrupted"
    resumed = efetch_ids(server, mark)
    order = [i for batch in resumed for i in batch]
    assert not committed & set(order), "a committed batch was fetched again"
    assert set(order[: len(pending)]) == pending, "the pending ids were not fetched first"
    assert set(changed) <= set(order[len(pending):])


@pytest.mark.parametrize("point", ["esearch", "mid_batch"])
def test_kill_before_anything_committed(
    settings: Settings, server: FakeEutils, tmp_path: Path, point: str
) -> None:
    populate(server, QUERIES, 120)
    db = tmp_path / "store.sqlite"
    env = cli_env(server.url, db, tmp_path)
    # the request is held until the kill (at most 25 s): a fixed delay could run out first on
    # a loaded machine, and the run would then commit what this test says it did not
    gate = threading.Event()
    if point == "esearch":
        server.faults.add("esearch", "slow", times=1000, skip=2, delay=25, until=gate)
    else:
        server.faults.add("efetch", "slow", times=1000, delay=25, until=gate)
    proc = start_cli(["fetch"], env)
    endpoint = "esearch" if point == "esearch" else "efetch"
    try:
        wait_for(lambda: any(r.endpoint == endpoint and r.fault == "slow"
                             for r in server.requests), 20, f"a slow {endpoint} in flight")
        time.sleep(0.1)
        kill(proc)
    finally:
        gate.set()
    run_id = running_run(db)
    assert run_id is not None  # left "running" by the dead process
    committed, pending = progress_rows(db, run_id)
    assert not committed and fetched_progress(db) == 0
    if point == "mid_batch":
        assert pending, "the plan was committed before the first efetch"
    assert stored_pmids(db) == []

    server.faults.clear()
    mark = len(server.requests)
    done = run_cli(["fetch"], env)
    assert done.returncode == 0, done.stderr
    check_done(db, server)
    assert {r["id"]: r for r in runs(db)}[run_id]["status"] == "interrupted"
    if point == "mid_batch":
        order = [i for batch in efetch_ids(server, mark) for i in batch]
        assert set(order[: len(pending)]) == pending


def test_killed_at_random_moments_still_converges(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    populate(server, QUERIES, 200)
    db = tmp_path / "store.sqlite"
    env = cli_env(server.url, db, tmp_path)
    server.faults.add("efetch", "slow", times=10_000, delay=0.15)
    rng = random.Random(5)
    killed: set[int] = set()
    for _ in range(4):
        proc = start_cli(["fetch"], env)
        # a random moment of the run, counted from when the run is in the store: the command's
        # start-up (imports, the vocabulary) alone can take seconds on a slow machine
        wait_for(lambda p=proc: p.poll() is not None or _has_run(db, p.pid), 60,
                 "the fetch run to start")
        time.sleep(rng.uniform(0.0, 2.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            # it may have finished between poll() and the signal: then it was not killed
            assert proc.returncode in (-signal.SIGKILL, 0), proc.returncode
            if proc.returncode == -signal.SIGKILL:
                killed.add(proc.pid)
        assert integrity(db) == "ok" if db.exists() else True
    server.faults.clear()
    done = run_cli(["fetch"], env)
    assert done.returncode == 0, done.stderr
    check_done(db, server)
    # every killed run is marked interrupted
    started = {r["pid"]: r["status"] for r in runs(db)}
    assert {pid for pid, status in started.items() if status == "interrupted"} \
        == killed & set(started)
    assert len(killed) == 0 or killed & set(started), "no killed run had started"
    # each id efetched successfully at most twice (once per run that got it, and only a
    # batch in flight at a kill is asked again)
    ok = [r for r in server.requests if r.endpoint == "efetch" and r.status == 200]
    asked = [i for r in ok for i in r.params["id"].split(",")]
    assert len(asked) - len(set(asked)) <= (len(killed) + 1) * 2 * BATCH


# -- 4. a second run while one holds the lock ------------------------------------------------------


def test_second_run_exits_at_once_naming_the_lock(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    populate(server, QUERIES, 100)
    db = tmp_path / "store.sqlite"
    env = cli_env(server.url, db, tmp_path)
    # the first run's efetch answers are held until the second runs are done (at most 25 s,
    # under the client's 30 s timeout): on a loaded machine, five Python start-ups can
    # outlast any fixed delay, and a second run would then find no lock at all
    gate = threading.Event()
    server.faults.add("efetch", "slow", times=1000, delay=25, until=gate)
    first = start_cli(["fetch"], env)
    try:
        run_id = wait_for(lambda: running_run(db), 20, "the first run to start")
        lock = Path(f"{db}.lock")
        holder = json.loads(lock.read_text() or "{}")
        assert holder.get("pid") == first.pid

        # "at once" measured against a command that takes no lock, in the same conditions (a
        # loaded machine starts Python slowly): the lock is asked for without blocking (LOCK_NB),
        # so each returns long before the first run's held answers (25 s)
        started = time.monotonic()
        assert run_cli(["status"], env, timeout=30).returncode == 0
        baseline = time.monotonic() - started
        for args in (["weekly"], ["fetch"], ["import", str(tmp_path / "nothing.xml")], ["retag"]):
            started = time.monotonic()
            second = run_cli(args, env, timeout=30)
            took = time.monotonic() - started
            assert took < max(5.0, 3 * baseline), (
                f"{args}: took {took:.2f}s (status: {baseline:.2f}s)")
            assert second.returncode not in (0, 3), second
            if args[0] == "import":  # bad input is reported before the lock is asked for
                assert second.returncode == 2
                continue
            assert second.returncode == 1
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1, second.stderr
            assert str(lock) in lines[0] and f"pid {first.pid}" in lines[0]
            assert "fetch" in lines[0]
            assert first.poll() is None and running_run(db) == run_id, "the first run was harmed"
    finally:
        gate.set()

    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    check_done(db, server)
    history = runs(db)
    assert [r["kind"] for r in history] == ["fetch"], "the second runs recorded nothing"


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, grandchildren...), from /proc."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = Path(f"/proc/{parent}/task").iterdir()
            kids = {int(c) for t in tasks
                    for c in (t / "children").read_text().split()}
        except OSError:
            continue
        todo.extend(kids - found)
        found |= kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[-1].split()[0]
    except OSError:
        return False
    return state != b"Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_worker_processes_exit_when_their_parent_is_killed(tmp_path):
    # a process holding both kinds of pool (the import parser's and the fetch/tag pool)
    script = tmp_path / "pools.py"
    script.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "from aggregator import parse\n"
        "from aggregator.vocabulary import load_vocabulary\n"
        "from aggregator.workers import WorkerPool\n"
        "if __name__ == '__main__':\n"
        "    pool = WorkerPool(load_vocabulary(Path(sys.argv[1])), 2)\n"
        "    pool.tag([]).result()\n"
        "    ctx = parse._pool_context()\n"
        "    p = ctx.Pool(2, initializer=parse.watch_parent, initargs=(__import__('os').getpid(),))\n"
        "    p.apply(len, ([],))\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n",
        encoding="utf-8",
    )
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, str(script), str(Path(__file__).parent.parent /
                                                             "queries")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        below = _descendants(proc.pid)
        assert len(below) >= 4  # fork server(s) and their workers
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in below):
            time.sleep(0.2)
        assert not [p for p in below if _alive(p)], "worker processes outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
