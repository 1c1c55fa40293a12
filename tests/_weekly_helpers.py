"""Helpers for the weekly-job, crash, fuzz and security tests (issue 5).

- :func:`query_matcher`: a ``FakeEutils.matcher`` mapping the real QuerySet's queries to record
  keys (each indication query -> its condition name; the topic query -> every record);
- :func:`populate`: a corpus spread over the real indications (optionally one over ESearch's
  9,999 cap);
- :func:`server_settings`: Settings for a FakeEutils, with a key and fast back-off;
- :func:`snapshot`: what a store holds (pmid -> content hash, tags, deleted), to prove a run
  left it unchanged;
- :class:`SMTPCollector` / :class:`SMTPServer`: an aiosmtpd server on 127.0.0.1 that keeps
  messages (or refuses them);
- :func:`run_cli`, :func:`start_cli`: the ``aggregator`` command as a subprocess with the
  environment a test gives it.
"""

from __future__ import annotations

import email
import email.policy
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aggregator.config import Settings
from aggregator.queries import QuerySet, load_queries
from aggregator.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
AGGREGATOR = Path(sys.executable).with_name("aggregator")
API_KEY = "test-key-0123456789abcdef"
SMTP_PASSWORD = "smtp-pass-S3cr3t-do-not-leak"


def real_queries() -> QuerySet:
    return load_queries(QUERIES_DIR)


def real_vocab() -> Any:
    return load_vocabulary(QUERIES_DIR)


def query_matcher(queries: QuerySet) -> Callable[[str], Any]:
    """``FakeEutils.matcher`` for the real queries: ``indication.query`` -> ``[name]``, the
    topic query -> every record, anything else -> exact key match (None)."""
    by_query = {ind.query.strip(): [ind.name] for ind in queries.indications}
    topic = queries.topic_term.strip()

    def match(term: str) -> Any:
        term = term.strip()
        if term == topic:
            return lambda keys: True
        return by_query.get(term)

    return match


def populate(server: Any, queries: QuerySet, n_per_indication: int, *, big: str | None = None,
             big_n: int = 0, crdt_start: date = date(2000, 1, 1),
             crdt_end: date = date(2024, 6, 30), indexed: float = 0.9, seed: int = 0) -> list[str]:
    """Add records for every indication (a fifth of them found by two indications) and, with
    ``big``, ``big_n`` more for that one indication. Returns every PMID added."""
    names = [ind.name for ind in queries.indications]
    out: list[str] = []
    for i, name in enumerate(names):
        pair = (name, names[(i + 1) % len(names)])
        two = n_per_indication // 5
        out += server.add_records(n_per_indication - two, query=name, crdt_start=crdt_start,
                                  crdt_end=crdt_end, indexed=indexed, seed=seed + i)
        if two:
            out += server.add_records(two, query=pair, crdt_start=crdt_start, crdt_end=crdt_end,
                                      indexed=indexed, seed=seed + 100 + i)
    if big:
        out += server.add_records(big_n, query=big, crdt_start=crdt_start, crdt_end=crdt_end,
                                  indexed=indexed, seed=seed + 999)
    return out


def server_settings(base: Settings, server: Any, **changes: Any) -> Settings:
    """``base`` (the conftest ``settings``) pointed at ``server`` with a key and quick retries."""
    values: dict[str, Any] = {"api_key": API_KEY, "eutils_url": server.url, "backoff": 0.01,
                              "backoff_max": 0.05, "max_attempts": 6, "timeout": 10.0,
                              "queries_dir": QUERIES_DIR}
    values.update(changes)
    return base.replace(**values)


# -- the store, read directly (for checks only) ------------------------------------------------


def connect_ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)


def snapshot(db: Path) -> dict[str, Any]:
    """What the store holds: records (pmid -> hash, tags, deleted, retracted), watermarks."""
    if not Path(db).exists():
        return {}
    with connect_ro(db) as conn:
        rows = conn.execute("SELECT r.pmid, r.content_hash, t.tags, r.deleted, r.retracted"
                            " FROM records r LEFT JOIN record_tags t ON t.pmid = r.pmid"
                            " ORDER BY r.pmid").fetchall()
        marks = conn.execute("SELECT key, value FROM watermarks ORDER BY key").fetchall()
    conn.close()
    return {"records": {str(r[0]): tuple(r[1:]) for r in rows}, "watermarks": dict(marks)}


def stored_pmids(db: Path) -> list[str]:
    """Every stored PMID, duplicates kept (there must be none)."""
    with connect_ro(db) as conn:
        rows = conn.execute("SELECT pmid FROM records").fetchall()
    conn.close()
    return [str(r[0]) for r in rows]


def runs(db: Path) -> list[dict[str, Any]]:
    with connect_ro(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM runs ORDER BY id")]
    conn.close()
    return rows


def fetched_progress(db: Path) -> int:
    """Rows of fetch_progress marked fetched (0 when the table is not there yet)."""
    try:
        with connect_ro(db) as conn:
            n = conn.execute("SELECT COUNT(*) FROM fetch_progress WHERE fetched = 1").fetchone()[0]
        conn.close()
        return int(n)
    except sqlite3.Error:
        return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return str(result)


# -- SMTP on loopback --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SMTPCollector:
    """aiosmtpd handler keeping every message; set ``reply`` to refuse each DATA with it."""

    def __init__(self, reply: str | None = None) -> None:
        self.reply = reply
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.reply:
            return self.reply
        self.raw.append(bytes(envelope.content))
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(msg)
        return "250 OK"


class PasswordCheck:
    """aiosmtpd authenticator accepting ``user``/``password``; records what it saw."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()
        self.seen: list[bool] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = isinstance(auth_data, LoginPassword) and auth_data.login == self.user and (
            auth_data.password == self.password)
        self.seen.append(ok)
        return AuthResult(success=ok)


class SMTPServer:
    """An aiosmtpd Controller on 127.0.0.1 (context manager)."""

    def __init__(self, handler: SMTPCollector, **kwargs: Any) -> None:
        from aiosmtpd.controller import Controller

        self.handler = handler
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> SMTPServer:  # noqa: PYI034
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def now_in_one_week(room: timedelta) -> datetime:
    """The current time (UTC, whole seconds), moved back when needed so that ``now + room``
    still falls on the same day, and so in the same ISO week. The digest is keyed by week and
    the watermarks by day: a test that runs the job again an hour later, to see that nothing
    changes and nothing is re-sent, would otherwise meet the next day's watermarks when it runs
    late in the evening (UTC), or next week's digest late on a Sunday."""
    now = datetime.now(UTC).replace(microsecond=0)
    midnight = now.replace(hour=0, minute=0, second=0) + timedelta(days=1)
    return min(now, midnight - room - timedelta(seconds=1))


def write_subscribers(path: Path, addresses: Iterable[str]) -> Path:
    path.write_text("".join(f'[[subscriber]]\naddress = "{a}"\n\n' for a in addresses),
                    encoding="utf-8")
    return path


# -- the CLI as a subprocess ---------------------------------------------------------------------


def cli_env(server_url: str | None, db: Path, tmp: Path, **extra: str) -> dict[str, str]:
    """A clean environment for ``aggregator``: only what the test sets (plus PATH/HOME)."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL",
                                                          "TMPDIR", "SYSTEMROOT")}
    env.update({
        "AGGREGATOR_DB": str(db),
        "AGGREGATOR_QUERIES": str(QUERIES_DIR),
        "AGGREGATOR_REPORTS": str(tmp / "reports"),
        "AGGREGATOR_SUBSCRIBERS": str(tmp / "subscribers.toml"),
        "NCBI_API_KEY": API_KEY,
        "NCBI_EMAIL": "tests@example.org",
        "NCBI_TOOL": "aggregator-tests",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    if server_url:
        env["NCBI_EUTILS_URL"] = server_url
    env.update(extra)
    return env


def start_cli(args: list[str], env: Mapping[str, str], *, umask: int | None = None,
              cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([str(AGGREGATOR), *args], env=dict(env), cwd=cwd or ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            umask=-1 if umask is None else umask)


def run_cli(args: list[str], env: Mapping[str, str], *, timeout: float = 120,
            umask: int | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = start_cli(args, env, umask=umask, cwd=cwd)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"aggregator {args} did not finish in {timeout}s: {err[-2000:]}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def wait_for(cond: Callable[[], Any], timeout: float, what: str, interval: float = 0.02) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = cond()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def efetch_ids(server: Any, since_index: int = 0) -> list[list[str]]:
    """The id lists of the efetch requests in the server's log (from ``since_index``)."""
    out = []
    for r in list(server.requests)[since_index:]:
        if r.endpoint == "efetch":
            out.append([i for i in r.params.get("id", "").split(",") if i])
    return out
