"""Issue 5: secrets stay secret, SMTP credentials need TLS, files are not world-writable.

- The NCBI API key and the SMTP password never appear in log records (DEBUG, urllib3
  included), ``--verbose`` stderr (tracebacks included), error messages, reports, digests,
  ``.eml`` files, exports, the SQLite store (its bytes, WAL included, and the runs table).
- A password is never sent over SMTP without TLS, unless explicitly allowed for a loopback
  relay.
- Everything the job writes (store, lock, reports, digests, exports) is not world-writable,
  even under ``umask 000``.
"""

from __future__ import annotations

import base64
import logging
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aggregator.config import Settings
from aggregator.errors import EutilsError, MailError
from aggregator.mail import build_message, send
from aggregator.pipeline import fetch, weekly
from aggregator.report import write_report
from aggregator.store import Store
from tests._weekly_helpers import (
    API_KEY,
    SMTP_PASSWORD,
    PasswordCheck,
    SMTPCollector,
    SMTPServer,
    cli_env,
    populate,
    query_matcher,
    real_queries,
    real_vocab,
    run_cli,
    server_settings,
    write_subscribers,
)
from tests.eutils_server import FakeEutils

pytestmark = pytest.mark.timeout(180)

QUERIES = real_queries()
VOCAB = real_vocab()
SMTP_USER = "digest-bot"


def secret_forms() -> list[bytes]:
    """The secrets as they could leak: plain, and in SMTP AUTH's base64."""
    forms = [API_KEY.encode(), SMTP_PASSWORD.encode()]
    forms.append(base64.b64encode(f"\0{SMTP_USER}\0{SMTP_PASSWORD}".encode()))
    forms.append(base64.b64encode(SMTP_PASSWORD.encode()))
    return forms


def assert_clean(data: bytes | str, where: str) -> None:
    blob = data.encode("utf-8", "replace") if isinstance(data, str) else data
    for secret in secret_forms():
        assert secret not in blob, f"a secret leaked into {where}"


def assert_tree_clean(root: Path) -> int:
    n = 0
    for path in root.rglob("*"):
        if path.is_file():
            assert_clean(path.read_bytes(), str(path))
            n += 1
    return n


@pytest.fixture
def server() -> Iterator[FakeEutils]:
    with FakeEutils(matcher=query_matcher(QUERIES)) as srv:
        yield srv


# -- secrets -------------------------------------------------------------------------------------


def test_secrets_never_in_logs_errors_files_or_store(
    settings: Settings, server: FakeEutils, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # urllib3 logs every URL (with the key on GET) at DEBUG
    populate(server, QUERIES, 15)
    collector = SMTPCollector()
    auth = PasswordCheck(SMTP_USER, SMTP_PASSWORD)
    address = "reader@example.org"
    with SMTPServer(collector, authenticator=auth, auth_require_tls=False) as smtp:
        s = server_settings(
            settings, server, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_starttls=False,
            smtp_allow_plaintext_localhost=True, smtp_user=SMTP_USER,
            smtp_password=SMTP_PASSWORD, digest_from="digest@example.org", smtp_timeout=5.0,
            subscribers_path=write_subscribers(tmp_path / "subscribers.toml", [address]),
            batch_size=50,
        )
        # retries and failures log and raise: every path that could print a URL
        for kind in ("http500", "drop", "truncate", "http429"):
            server.faults.add("*", kind)
        errors: list[str] = []
        with Store(s.db_path) as store:
            result = weekly(s, store, QUERIES, VOCAB, now=datetime.now(UTC))
            assert result.status == "ok" and result.digest.delivery.sent == [address]
            assert auth.seen == [True]  # the password was used (over loopback, allowed)
            server.faults.add("*", "http503", times=1000)
            with pytest.raises(EutilsError) as info:
                fetch(s, store, QUERIES, VOCAB)
            errors.append(str(info.value))
            errors.append(repr(info.value))
            errors.append(str(getattr(info.value, "url", "")))
            server.faults.clear()
            # a wrong SMTP password: the server's refusal must not echo ours
            wrong = s.replace(smtp_password=SMTP_PASSWORD + "-wrong")
            with pytest.raises(MailError) as mail_info:
                send(build_message(subject="x", sender="a@example.org", to=address,
                                   html="<p>x</p>", text="x"), wrong)
            errors.append(str(mail_info.value))
            out = write_report(store, s, out_dir=tmp_path / "report", queries=QUERIES)
            runs_text = repr(store.last_runs(50))
        assert "api_key=***" in caplog.text  # urllib3 logged URLs, redacted
    assert collector.messages
    for raw in collector.raw:
        assert_clean(raw, "a sent message")
    assert_clean(caplog.text, "the log")
    for record in caplog.records:
        assert_clean(record.getMessage(), f"log record {record.name}")
    for text in errors:
        assert_clean(text, "an error message")
    assert_clean(runs_text, "the runs table")
    assert_clean(repr(s), "repr(settings)")
    assert out.html_path.exists()
    # the store: every byte of the database, its WAL and every table
    with sqlite3.connect(s.db_path) as conn:
        dump = "\n".join(conn.iterdump())
    conn.close()
    assert_clean(dump, "the store")
    files = assert_tree_clean(tmp_path)
    assert files >= 8  # store (+wal/shm), lock, report html/csv, digest html/txt/eml


def test_verbose_cli_never_prints_secrets(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    populate(server, QUERIES, 10)
    db = tmp_path / "store.sqlite"
    collector = SMTPCollector(reply="554 5.7.1 no thanks")
    auth = PasswordCheck(SMTP_USER, SMTP_PASSWORD)
    with SMTPServer(collector, authenticator=auth, auth_require_tls=False) as smtp:
        env = cli_env(server.url, db, tmp_path, SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp.port),
                      SMTP_USER=SMTP_USER, SMTP_PASSWORD=SMTP_PASSWORD, SMTP_STARTTLS="false",
                      SMTP_ALLOW_PLAINTEXT_LOCALHOST="true", DIGEST_FROM="digest@example.org",
                      DIGEST_TO="reader@example.org")
        server.faults.add("*", "http500")
        server.faults.add("*", "drop")
        runs_ = [run_cli(["--verbose", "weekly"], env)]  # the digest is refused: exit 1
        assert runs_[0].returncode == 1, runs_[0].stderr
        assert "Traceback" in runs_[0].stderr and "554" in runs_[0].stderr
        # PubMed refusing: a traceback with the failing request
        server.faults.add("*", "error200", times=1000,
                          message="Search Backend failed: Database is not supported: pubmed")
        runs_.append(run_cli(["--verbose", "fetch"], env))
        assert runs_[-1].returncode == 3
        server.faults.clear()
        runs_.append(run_cli(["--verbose", "status", "--json"], env))
        runs_.append(run_cli(["--verbose", "schedule"], env))
    assert auth.seen and all(auth.seen)
    for done in runs_:
        assert_clean(done.stdout + done.stderr, f"aggregator {done.args[1:]} output")
    assert "esearch" in runs_[0].stderr  # the verbose log did show requests
    assert_tree_clean(tmp_path)


# -- SMTP credentials need TLS -----------------------------------------------------------------------


class RecordingFactory:
    """An smtp_factory that must never be called (or records that it was)."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(args)
        raise AssertionError("SMTP connection attempted")


def _message() -> Any:
    return build_message(subject="digest", sender="a@example.org", to="b@example.org",
                         html="<p>x</p>", text="x")


@pytest.mark.parametrize("host,allow", [("127.0.0.1", False), ("localhost", False),
                                        ("smtp.example.org", False), ("smtp.example.org", True),
                                        ("10.1.2.3", True), ("127.0.0.1.example.org", True)])
def test_password_never_sent_without_tls(settings: Settings, host: str, allow: bool) -> None:
    s = settings.replace(smtp_host=host, smtp_port=2525, smtp_starttls=False,
                         smtp_allow_plaintext_localhost=allow, smtp_user=SMTP_USER,
                         smtp_password=SMTP_PASSWORD, digest_from="a@example.org")
    factory = RecordingFactory()
    with pytest.raises(MailError) as info:
        send(_message(), s, smtp_factory=factory)
    assert factory.calls == []
    assert "TLS" in str(info.value) and SMTP_PASSWORD not in str(info.value)


def test_password_without_tls_only_to_allowed_loopback(settings: Settings) -> None:
    auth = PasswordCheck(SMTP_USER, SMTP_PASSWORD)
    collector = SMTPCollector()
    with SMTPServer(collector, authenticator=auth, auth_require_tls=False) as smtp:
        base = settings.replace(smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_starttls=False,
                                smtp_user=SMTP_USER, smtp_password=SMTP_PASSWORD,
                                smtp_timeout=5.0)
        with pytest.raises(MailError):
            send(_message(), base)
        assert auth.seen == [] and collector.messages == []
        send(_message(), base.replace(smtp_allow_plaintext_localhost=True))
    assert auth.seen == [True] and len(collector.messages) == 1


def test_starttls_required_when_configured(settings: Settings) -> None:
    """SMTP_STARTTLS=true against a server without STARTTLS: refused before any AUTH."""
    auth = PasswordCheck(SMTP_USER, SMTP_PASSWORD)
    collector = SMTPCollector()
    with SMTPServer(collector, authenticator=auth, auth_require_tls=False) as smtp:
        s = settings.replace(smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_starttls=True,
                             smtp_user=SMTP_USER, smtp_password=SMTP_PASSWORD, smtp_timeout=5.0)
        with pytest.raises(MailError, match="STARTTLS"):
            send(_message(), s)
    assert auth.seen == [] and collector.messages == []


# -- file modes ------------------------------------------------------------------------------------


def test_files_not_world_writable_under_umask_000(
    settings: Settings, server: FakeEutils, tmp_path: Path
) -> None:
    populate(server, QUERIES, 10)
    work = tmp_path / "work"
    work.mkdir()
    work.chmod(0o755)
    db = work / "data" / "store.sqlite"
    env = cli_env(server.url, db, work, DIGEST_TO="reader@example.org")
    commands = [["fetch"], ["weekly", "--no-send"], ["report"], ["digest"],
                ["export", "csv", str(work / "exports" / "k.csv")],
                ["export", "ris", str(work / "exports" / "k.ris")],
                ["export", "asreview", str(work / "k-asreview.csv")],
                ["export", "extraction", str(work / "k-extraction.csv")],
                ["retag", "--all"], ["schedule"]]
    for args in commands:
        done = run_cli(args, env, umask=0o000, cwd=work)
        assert done.returncode == 0, (args, done.stderr)
    written = [p for p in work.rglob("*") if p.name != "subscribers.toml"]
    names = {p.name for p in written}
    assert {"store.sqlite", "store.sqlite.lock", "latest.html", "latest.csv", "k.csv",
            "k.ris"} <= names, names
    assert any(p.suffix == ".eml" for p in written)
    loose = {str(p.relative_to(work)): oct(stat.S_IMODE(p.stat().st_mode))
             for p in written if stat.S_IMODE(p.stat().st_mode) & stat.S_IWOTH}
    assert loose == {}, f"world-writable: {loose}"
    # the store and the digests hold unpublished data and addresses: not readable by others
    private = {str(p.relative_to(work)): oct(stat.S_IMODE(p.stat().st_mode))
               for p in written
               if p.name.startswith("store.sqlite") and stat.S_IMODE(p.stat().st_mode) & 0o077}
    assert private == {}, f"store files open to others: {private}"
