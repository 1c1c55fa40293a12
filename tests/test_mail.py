"""Tests for aggregator.mail: message building, SMTP sending, digest delivery bookkeeping.

Delivery runs against real SMTP servers on 127.0.0.1 (aiosmtpd), a silent socket for
timeouts, and fake SMTP factories for what must never reach a server (passwords in clear).
No network beyond loopback.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import smtplib
import socket
import ssl
import subprocess
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any, ClassVar, Self

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from aggregator.config import Settings
from aggregator.digest import build_digest, write_digest
from aggregator.errors import MailError, SubscriberError
from aggregator.mail import build_message, deliver_digest, is_loopback, send
from aggregator.models import Author, Parsed, Record, Tag, Tags
from aggregator.store import Store
from aggregator.subscribers import Subscriber

NOW = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
PASSWORD = "hunter2-very-secret"
SUBS = [
    Subscriber("ana@example.org", name="Ana", conditions=("trd",)),
    Subscriber("bob@example.org"),
]


# -- helpers and fixtures -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Collector:
    """aiosmtpd handler keeping every message; ``reply`` set to refuse with that reply."""

    def __init__(self, reply: str | None = None) -> None:
        self.reply = reply
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.reply:
            return self.reply
        self.envelopes.append(envelope)
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(msg)
        return "250 OK"


class Server:
    def __init__(self, handler: Collector, **kwargs: Any) -> None:
        self.handler = handler
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> Self:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A listening socket that accepts connections (kernel backlog) and never says a word."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        yield int(s.getsockname()[1])


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:", now=lambda: NOW - timedelta(days=1))
    add(s, 1, ("trd",))
    add(s, 2, ("chronic_pain",))
    yield s
    s.close()


def add(store: Store, pmid: int, conditions: tuple[str, ...]) -> None:
    record = Record(pmid=str(pmid), title=f"Ketamine study {pmid} — ÅÖ", doi=f"10.1000/k.{pmid}",
                    authors=[Author(last_name="Smith", initials="J")], journal="J Test",
                    pub_year=2026)
    with store.transaction():
        store.upsert([Parsed(record=record, raw_z=zlib.compress(b"<x/>"))])
        store.save_tags([(str(pmid), Tags(conditions=[Tag(c, "mesh", c) for c in conditions],
                                          design=Tag("rct", "publication_type", "RCT")))], "t")


def mail_settings(settings: Settings, port: int, **changes: Any) -> Settings:
    base = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False,
            "digest_from": "digest@example.org", "smtp_timeout": 5.0}
    base.update(changes)
    return settings.replace(**base)


def digest_for(store: Store, settings: Settings, now: datetime = NOW) -> Any:
    return build_digest(store, settings, now=now, subscribers=list(SUBS))


class FakeSMTP:
    """Records the SMTP conversation; never touches a socket."""

    calls: ClassVar[list[Any]] = []
    extensions: ClassVar[set[str]] = {"starttls", "auth"}
    login_error: Exception | None = None

    def __init__(self, host: str, port: int, timeout: float | None = None) -> None:
        FakeSMTP.calls.append(("connect", host, port, timeout))

    def ehlo(self) -> None:
        FakeSMTP.calls.append("ehlo")

    def has_extn(self, name: str) -> bool:
        return name.lower() in self.extensions

    def starttls(self, context: ssl.SSLContext | None = None) -> None:
        FakeSMTP.calls.append(("starttls", context))

    def login(self, user: str, password: str) -> None:
        FakeSMTP.calls.append(("login", user, password))
        if FakeSMTP.login_error:
            raise FakeSMTP.login_error

    def send_message(self, msg: EmailMessage) -> dict[str, Any]:
        FakeSMTP.calls.append("send")
        return {}

    def quit(self) -> None:
        FakeSMTP.calls.append("quit")

    def close(self) -> None:
        FakeSMTP.calls.append("close")


@pytest.fixture
def fake() -> Iterator[type[FakeSMTP]]:
    FakeSMTP.calls = []
    FakeSMTP.extensions = {"starttls", "auth"}
    FakeSMTP.login_error = None
    yield FakeSMTP


def simple_message() -> EmailMessage:
    return build_message(subject="Test", sender="digest@example.org", to="ana@example.org",
                         html="<p>Hello</p>", text="Hello", date=NOW,
                         message_id="<test@example.org>")


# -- build_message ------------------------------------------------------------------------------


def test_build_message_multipart_alternative_text_first() -> None:
    msg = build_message(
        subject="Ketamine digest — 2026-W48", sender="Digest <digest@example.org>",
        to=["Ana López <ana@example.org>", "bob@example.org"], html="<p>Å <b>x</b></p>",
        text="Å x", date=NOW, message_id="<abc@example.org>",
        list_unsubscribe="<mailto:digest@example.org?subject=unsubscribe>",
    )
    back = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    assert back.get_content_type() == "multipart/alternative"
    text, html = list(back.iter_parts())
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    assert text.get_content() == "Å x\n" and "<b>x</b>" in html.get_content()
    assert back["Subject"] == "Ketamine digest — 2026-W48"
    assert back["Date"].datetime == NOW
    assert back["Message-ID"] == "<abc@example.org>"
    assert back["MIME-Version"] == "1.0"
    assert back["List-Unsubscribe"] == "<mailto:digest@example.org?subject=unsubscribe>"
    assert [a.addr_spec for a in back["To"].addresses] == ["ana@example.org", "bob@example.org"]
    assert back["To"].addresses[0].display_name == "Ana López"


def test_build_message_defaults_date_and_message_id() -> None:
    msg = build_message(subject="s", sender="d@example.org", to="a@example.org", html="h",
                        text="t")
    assert msg["Date"] is not None
    assert msg["Message-ID"].endswith("@example.org>")
    assert msg["List-Unsubscribe"] is None


def test_build_message_refuses_header_injection() -> None:
    with pytest.raises(MailError):
        build_message(subject="hi\r\nBcc: victim@example.org", sender="d@example.org",
                      to="a@example.org", html="h", text="t")


# -- send: transport policy ---------------------------------------------------------------------


@pytest.mark.parametrize("host", ["smtp.example.org", "10.0.0.1", "localhost.evil.test",
                                  "127.0.0.1.nip.io"])
@pytest.mark.parametrize("allow", [False, True])
def test_send_refuses_password_without_tls(
    settings: Settings, fake: type[FakeSMTP], host: str, allow: bool
) -> None:
    s = settings.replace(smtp_host=host, smtp_starttls=False, smtp_user="bot",
                         smtp_password=PASSWORD, smtp_allow_plaintext_localhost=allow)
    with pytest.raises(MailError, match="without TLS") as info:
        send(simple_message(), s, smtp_factory=fake)
    assert fake.calls == []  # not even a connection
    assert PASSWORD not in str(info.value)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])
def test_send_plaintext_login_allowed_only_to_loopback_when_enabled(
    settings: Settings, fake: type[FakeSMTP], host: str
) -> None:
    assert is_loopback(host)
    s = settings.replace(smtp_host=host, smtp_starttls=False, smtp_user="bot",
                         smtp_password=PASSWORD, smtp_allow_plaintext_localhost=True)
    send(simple_message(), s, smtp_factory=fake)
    assert ("login", "bot", PASSWORD) in fake.calls
    assert not any(isinstance(c, tuple) and c[0] == "starttls" for c in fake.calls)


def test_send_starttls_before_login_with_verifying_context(
    settings: Settings, fake: type[FakeSMTP]
) -> None:
    s = settings.replace(smtp_host="smtp.example.org", smtp_port=587, smtp_user="bot",
                         smtp_password=PASSWORD, smtp_timeout=7.0)
    send(simple_message(), s, smtp_factory=fake)
    names = [c if isinstance(c, str) else c[0] for c in fake.calls]
    assert names == ["connect", "ehlo", "starttls", "ehlo", "login", "send", "quit"]
    assert fake.calls[0] == ("connect", "smtp.example.org", 587, 7.0)
    context = fake.calls[2][1]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_send_requires_starttls_offer(settings: Settings, fake: type[FakeSMTP]) -> None:
    fake.extensions = set()
    s = settings.replace(smtp_host="smtp.example.org", smtp_user="bot", smtp_password=PASSWORD)
    with pytest.raises(MailError, match="does not offer STARTTLS"):
        send(simple_message(), s, smtp_factory=fake)
    assert not any(isinstance(c, tuple) and c[0] == "login" for c in fake.calls)
    assert "close" in fake.calls


def test_send_error_never_contains_password(settings: Settings, fake: type[FakeSMTP]) -> None:
    fake.login_error = smtplib.SMTPAuthenticationError(535, f"bad password {PASSWORD}".encode())
    s = settings.replace(smtp_host="smtp.example.org", smtp_user="bot", smtp_password=PASSWORD)
    with pytest.raises(MailError) as info:
        send(simple_message(), s, smtp_factory=fake)
    assert PASSWORD not in str(info.value)
    assert "535" in str(info.value) and "login" in str(info.value)


def test_send_without_host(settings: Settings) -> None:
    with pytest.raises(MailError, match="SMTP_HOST"):
        send(simple_message(), settings)


# -- send: real loopback servers ----------------------------------------------------------------


def test_send_to_loopback_smtp_server(settings: Settings) -> None:
    with Server(Collector()) as server:
        send(simple_message(), mail_settings(settings, server.port))
    (msg,) = server.handler.messages
    assert msg["Subject"] == "Test"
    assert server.handler.envelopes[0].rcpt_tos == ["ana@example.org"]


def test_send_timeout_is_mail_error(settings: Settings, silent_port: int) -> None:
    s = mail_settings(settings, silent_port, smtp_timeout=0.5)
    with pytest.raises(MailError, match="timed out after 0.5s"):
        send(simple_message(), s)


def test_send_connection_refused_is_mail_error(settings: Settings) -> None:
    with pytest.raises(MailError, match="connect with 127.0.0.1"):
        send(simple_message(), mail_settings(settings, free_port()))


def test_send_requires_starttls_from_real_server(settings: Settings) -> None:
    with Server(Collector()) as server:
        s = mail_settings(settings, server.port, smtp_starttls=True)
        with pytest.raises(MailError, match="does not offer STARTTLS"):
            send(simple_message(), s)
    assert server.handler.messages == []


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: cannot make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    done = subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"openssl could not make a certificate: {done.stderr.strip()[:200]}")
    return cert, key


class Auth:
    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"bot" and (
            auth_data.password == PASSWORD.encode())
        self.seen.append((mechanism, session.ssl is not None))
        return AuthResult(success=ok)


def test_send_starttls_and_login_against_real_server(
    settings: Settings, tls_files: tuple[Path, Path]
) -> None:
    cert, key = tls_files
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    auth = Auth()
    handler = Collector()
    with Server(handler, tls_context=server_ctx, require_starttls=True, authenticator=auth,
                auth_require_tls=True) as server:
        s = mail_settings(settings, server.port, smtp_starttls=True, smtp_user="bot",
                          smtp_password=PASSWORD)
        client_ctx = ssl.create_default_context(cafile=str(cert))
        send(simple_message(), s, ssl_context=client_ctx)
        # the system trust store does not know the test certificate: verification is on
        with pytest.raises(MailError, match="STARTTLS") as info:
            send(simple_message(), s)
    assert PASSWORD not in str(info.value)
    assert len(handler.messages) == 1
    assert auth.seen and all(tls for _, tls in auth.seen)  # credentials only inside TLS


# -- deliver_digest -----------------------------------------------------------------------------


def test_deliver_digest_one_message_per_subscriber_once(
    store: Store, settings: Settings
) -> None:
    with Server(Collector()) as server:
        s = mail_settings(settings, server.port)
        report = deliver_digest(store, s, digest_for(store, s))
        assert sorted(report.sent) == ["ana@example.org", "bob@example.org"] and report.ok
        again = deliver_digest(store, s, digest_for(store, s, NOW + timedelta(hours=2)))
    assert again.sent == [] and sorted(again.already_sent) == ["ana@example.org",
                                                               "bob@example.org"]
    messages = {m["To"].addresses[0].addr_spec: m for m in server.handler.messages}
    assert sorted(messages) == ["ana@example.org", "bob@example.org"]
    for msg in messages.values():
        assert msg.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
        assert msg["From"] == "digest@example.org"
        assert msg["List-Unsubscribe"] == "<mailto:digest@example.org?subject=unsubscribe>"
    ana_html = messages["ana@example.org"].get_body(("html",)).get_content()
    assert "pubmed.ncbi.nlm.nih.gov/1/" in ana_html and "pubmed.ncbi.nlm.nih.gov/2/" not in ana_html
    assert messages["ana@example.org"]["To"].addresses[0].display_name == "Ana"
    assert {d["status"] for d in store.deliveries("2026-W48")} == {"sent"}
    assert store.reported_pmids() == {"1", "2"}


@pytest.mark.parametrize("reply", ["550 5.7.1 Rejected by test policy",
                                   "421 4.3.2 Service shutting down"])
def test_deliver_digest_refused_then_retried(store: Store, settings: Settings, reply: str) -> None:
    with Server(Collector(reply=reply)) as bad:
        s = mail_settings(settings, bad.port)
        report = deliver_digest(store, s, digest_for(store, s))
    assert report.sent == [] and not report.ok
    assert reply.split()[0] in report.failed["ana@example.org"]
    rows = {d["address"]: d for d in store.deliveries("2026-W48")}
    assert {r["status"] for r in rows.values()} == {"failed"}
    assert reply.split()[0] in rows["ana@example.org"]["last_error"]
    assert store.reported_pmids() == set()
    with Server(Collector()) as good:
        s = mail_settings(settings, good.port)
        later = deliver_digest(store, s, digest_for(store, s, NOW + timedelta(hours=1)))
    assert sorted(later.sent) == ["ana@example.org", "bob@example.org"]
    assert len(good.handler.messages) == 2
    assert {d["status"] for d in store.deliveries("2026-W48")} == {"sent"}


def test_deliver_digest_timeout_then_retried(
    store: Store, settings: Settings, silent_port: int
) -> None:
    s = mail_settings(settings, silent_port, smtp_timeout=0.5)
    report = deliver_digest(store, s, digest_for(store, s))
    assert "timed out" in report.failed["ana@example.org"]
    # the connection failed: the next subscriber is not tried (it would time out again)
    assert report.failed["bob@example.org"].startswith("not tried")
    assert {d["status"] for d in store.deliveries("2026-W48")} == {"failed"}
    with Server(Collector()) as good:
        s = mail_settings(settings, good.port)
        later = deliver_digest(store, s, digest_for(store, s))
    assert sorted(later.sent) == ["ana@example.org", "bob@example.org"]


def test_deliver_digest_retries_previous_week_from_eml(store: Store, settings: Settings) -> None:
    with Server(Collector(reply="550 no")) as bad:
        s = mail_settings(settings, bad.port)
        week48 = digest_for(store, s)
        write_digest(week48, s.reports_dir)
        deliver_digest(store, s, week48)
    add(store, 3, ("trd",))
    with Server(Collector()) as good:
        s = mail_settings(settings, good.port)
        week49 = digest_for(store, s, NOW + timedelta(days=7))
        assert week49.key == "2026-W49"
        report = deliver_digest(store, s, week49)
    subjects = sorted((m["To"].addresses[0].addr_spec, m["Subject"].split(":")[0])
                      for m in good.handler.messages)
    assert subjects == [
        ("ana@example.org", "Ketamine evidence digest 2026-W48"),
        ("ana@example.org", "Ketamine evidence digest 2026-W49"),
        ("bob@example.org", "Ketamine evidence digest 2026-W48"),
        ("bob@example.org", "Ketamine evidence digest 2026-W49"),
    ]
    assert "2026-W48:ana@example.org" in report.sent
    assert {d["status"] for d in store.deliveries("2026-W48")} == {"sent"}


def test_deliver_digest_in_doubt_is_not_resent(store: Store, settings: Settings) -> None:
    with Server(Collector()) as server:
        s = mail_settings(settings, server.port)
        digest = digest_for(store, s)
        store.save_digest(digest.key, period_start=None, period_end=None, pmids=[])
        assert store.claim_delivery(digest.key, "ana@example.org")  # a run died mid-send
        report = deliver_digest(store, s, digest)
    assert report.in_doubt == ["ana@example.org"] and report.sent == ["bob@example.org"]
    assert len(server.handler.messages) == 1


def test_deliver_digest_needs_subscribers_host_and_sender(
    store: Store, settings: Settings
) -> None:
    s = mail_settings(settings, 25)
    digest = build_digest(store, s.replace(subscribers_path=settings.reports_dir / "no.toml"),
                          now=NOW)
    with pytest.raises(SubscriberError, match="DIGEST_TO") as info:
        deliver_digest(store, s, digest)
    assert info.value.exit_code == 2
    with_subs = digest_for(store, s)
    with pytest.raises(MailError, match="SMTP_HOST"):
        deliver_digest(store, settings.replace(digest_from="d@example.org"), with_subs)
    with pytest.raises(MailError, match="DIGEST_FROM"):
        deliver_digest(store, settings.replace(smtp_host="127.0.0.1"), with_subs)


def test_deliver_digest_empty_week_skip_sends_nothing(settings: Settings) -> None:
    empty_store = Store(":memory:")
    with Server(Collector()) as server:
        s = mail_settings(settings, server.port)
        digest = build_digest(empty_store, s, now=NOW, empty="skip", subscribers=list(SUBS))
        report = deliver_digest(empty_store, s, digest)
    assert report.sent == [] and sorted(report.skipped_empty) == ["ana@example.org",
                                                                  "bob@example.org"]
    assert server.handler.messages == []
    empty_store.close()
