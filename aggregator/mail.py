"""Mail stage: build digest messages (pure) and send them over SMTP. The only module that
talks SMTP.

``build_message`` makes a ``multipart/alternative`` :class:`email.message.EmailMessage` (plain
text first, then HTML, as RFC 2046 wants the preferred part last); ``send`` delivers one
message through ``settings.smtp_host`` with STARTTLS (certificates verified) and refuses to
send a password in clear text to anything but a loopback relay that was explicitly allowed;
``deliver_digest`` sends each subscriber their edition once, recording every delivery in the
store so a re-run never mails anyone twice and a failed delivery is retried on the next run.

Example::

    msg = build_message(subject="Digest", sender="a@example.org", to="b@example.org",
                        html="<p>hi</p>", text="hi")
    send(msg, settings)                      # smtp_factory=smtplib.SMTP by default
    report = deliver_digest(store, settings, build_digest(store, settings))
"""

from __future__ import annotations

import email
import email.policy
import ipaddress
import logging
import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import MailError

if TYPE_CHECKING:
    from .digest import Digest
    from .store import Store

logger = logging.getLogger(__name__)

SMTPFactory = Callable[..., Any]

#: delivery states kept in the store (``pending`` is written before the SMTP conversation,
#: so a crash mid-send shows up as pending and is retried)
PENDING, SENT, FAILED = "pending", "sent", "failed"


class MessageRefused(MailError):
    """The server refused this one message (an error reply to MAIL, RCPT or DATA): the
    connection worked, so the next recipient is still worth trying."""


def build_message(
    *,
    subject: str,
    sender: str,
    to: str | Sequence[str],
    html: str,
    text: str,
    date: datetime | None = None,
    message_id: str | None = None,
    list_unsubscribe: str | None = None,
) -> EmailMessage:
    """A ``multipart/alternative`` message: UTF-8 text part first, then the HTML part.

    Pure: no clock or network when ``date`` and ``message_id`` are given.

    :param to: one address or several (``"Name <a@b>"`` forms are accepted).
    :param list_unsubscribe: value for ``List-Unsubscribe`` (``<mailto:...>`` or ``<https:...>``).
    :raises MailError: a header value is invalid (line breaks, malformed address).
    """
    msg = EmailMessage()
    recipients = [to] if isinstance(to, str) else list(to)
    try:
        msg["Subject"] = subject
        msg["From"] = sender
        msg["To"] = ", ".join(recipients)
        msg["Date"] = format_datetime(date or datetime.now(UTC))
        msg["Message-ID"] = message_id or make_msgid(domain=_domain(sender))
        if list_unsubscribe:
            msg["List-Unsubscribe"] = list_unsubscribe
    except (ValueError, TypeError, IndexError) as exc:
        # email.policy.default refuses CR/LF in header values: no header injection
        raise MailError(f"invalid e-mail header: {exc}") from exc
    # quoted-printable keeps mostly-ASCII HTML readable and ~3% larger, where base64 would add
    # a third; the size matters because Gmail clips messages above ~102 KB.
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg


def _domain(address: str) -> str:
    addr = address.rsplit("<", 1)[-1].rstrip(">").strip()
    return addr.rsplit("@", 1)[-1] if "@" in addr else "localhost"


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1. Names other than ``localhost`` are not resolved: a
    DNS answer is not proof that the connection stays on this machine."""
    h = host.strip().strip("[]").lower().rstrip(".")
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def send(
    message: EmailMessage,
    settings: Settings,
    *,
    smtp_factory: SMTPFactory = smtplib.SMTP,
    ssl_context: ssl.SSLContext | None = None,
) -> None:
    """Send ``message`` through ``settings.smtp_host:smtp_port``.

    STARTTLS when ``settings.smtp_starttls`` (certificates and host name verified with the
    system trust store unless ``ssl_context`` is given); ``login`` when ``smtp_user`` is set.

    :param smtp_factory: called as ``smtp_factory(host, port, timeout=...)``; tests pass fakes.
    :param ssl_context: the TLS context for STARTTLS (a test may trust its own certificate).
    :raises MailError: no host configured, a password would go out without TLS, or any SMTP
        error or timeout. The message never contains the password.
    """
    host = settings.smtp_host
    if not host:
        raise MailError("SMTP_HOST is not set: cannot send the digest")
    port = settings.smtp_port
    credentials = settings.smtp_user is not None or settings.smtp_password is not None
    if credentials and not settings.smtp_starttls and not (
        settings.smtp_allow_plaintext_localhost and is_loopback(host)
    ):
        raise MailError(
            f"refusing to send SMTP credentials to {host}:{port} without TLS: set "
            "SMTP_STARTTLS=true (SMTP_ALLOW_PLAINTEXT_LOCALHOST only covers a relay on "
            "127.0.0.1/::1/localhost)"
        )
    if credentials and (settings.smtp_user is None or settings.smtp_password is None):
        raise MailError("SMTP_USER and SMTP_PASSWORD must be set together")

    step = "connect"
    smtp: Any = None
    try:
        smtp = smtp_factory(host, port, timeout=settings.smtp_timeout)
        step = "EHLO"
        smtp.ehlo()
        if settings.smtp_starttls:
            if not smtp.has_extn("starttls"):
                raise MailError(
                    f"{host}:{port} does not offer STARTTLS; refusing to continue without TLS "
                    "(set SMTP_STARTTLS=false only for a trusted relay without credentials)"
                )
            step = "STARTTLS"
            smtp.starttls(context=ssl_context or ssl.create_default_context())
            smtp.ehlo()
        if credentials:
            step = "login"
            smtp.login(settings.smtp_user, settings.smtp_password)
        step = "send"
        refused = smtp.send_message(message)
        if refused:
            raise MessageRefused(
                settings.redact(f"{host}:{port} refused recipients: {_short(refused)}")
            )
        step = "QUIT"
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # the message is accepted; a rude goodbye does not undo that
        smtp = None
    except MailError:
        raise
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise _mail_error(exc, settings, host, port, step) from exc
    finally:
        if smtp is not None:
            try:
                smtp.close()  # not quit(): after a timeout, quit() would wait again
            except OSError:
                pass
    logger.info("mail sent to %s via %s:%s", message.get("To"), host, port)


def _short(value: object) -> str:
    return repr(value)[:300]


def _timed_out(exc: BaseException | None) -> bool:
    # smtplib re-raises a read timeout as SMTPServerDisconnected("... timed out")
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, (socket.timeout, TimeoutError)):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _mail_error(exc: BaseException, settings: Settings, host: str, port: int, step: str) -> MailError:
    if _timed_out(exc):
        why = f"timed out after {settings.smtp_timeout:g}s"
    elif isinstance(exc, smtplib.SMTPResponseException):
        why = f"server said {exc.smtp_code} {exc.smtp_error!r}"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        why = f"recipients refused: {_short(exc.recipients)}"
    else:
        why = f"{type(exc).__name__}: {exc}"
    message = settings.redact(f"SMTP {step} with {host}:{port} failed: {why}")
    # a refusal of this one message lets the next recipient be tried; a connection, TLS,
    # login or timeout failure would fail the same way for everyone
    refused = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)
    if step == "send" and isinstance(exc, refused):
        return MessageRefused(message)
    return MailError(message)


# -- digest delivery ----------------------------------------------------------------------------


@dataclass
class DeliveryReport:
    """What one :func:`deliver_digest` run did, per address (``key:address`` for retries of an
    earlier digest)."""

    key: str
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    #: deliveries left ``sending`` by a run that died mid-send: never re-sent automatically
    in_doubt: list[str] = field(default_factory=list)
    skipped_empty: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def deliver_digest(
    store: Store,
    settings: Settings,
    digest: Digest,
    *,
    smtp_factory: SMTPFactory = smtplib.SMTP,
    ssl_context: ssl.SSLContext | None = None,
    date: datetime | None = None,
    retry_previous: bool = True,
) -> DeliveryReport:
    """Send each subscriber their edition of ``digest``, at most once.

    The digest is saved first; every subscriber gets a ``pending`` delivery row, which
    ``Store.claim_delivery`` turns into ``sending`` just before SMTP and the outcome into
    ``sent`` or ``failed``. ``sent`` addresses are skipped, ``failed``/``pending`` ones tried
    again, ``sending`` ones (a run killed mid-send) left alone and reported, since the mail
    may have left. The pmids of each edition sent are marked reported.

    With ``retry_previous``, failed deliveries of the previous digest are retried first from
    their ``.eml`` under ``settings.reports_dir/digests/`` (written by ``write_digest``).

    After a connection-level failure (refused, timeout, TLS, login) the remaining addresses
    are marked failed without trying: they would fail the same way, each after a timeout.

    :raises SubscriberError: there are no subscribers (no file and no ``DIGEST_TO``).
    :raises MailError: no ``SMTP_HOST`` or ``DIGEST_FROM``.
    """
    from .digest import LAST_KEY, PREVIOUS_KEY, record_digest
    from .errors import SubscriberError
    from .subscribers import slugify

    if not digest.subscribers:
        raise SubscriberError(
            "no digest subscribers: the file does not exist and DIGEST_TO is not set "
            "(copy subscribers.example.toml or set DIGEST_TO=you@example.org)",
            path=settings.subscribers_path,
        )
    if not settings.smtp_host:
        raise MailError("SMTP_HOST is not set: cannot send the digest")
    if not settings.digest_from:
        raise MailError("DIGEST_FROM is not set: cannot send the digest")

    # the digest before this one (read before record_digest moves the watermarks)
    last = store.get_watermark(LAST_KEY)
    previous = last if last != digest.key else store.get_watermark(PREVIOUS_KEY)
    record_digest(store, digest)
    report = DeliveryReport(key=digest.key)
    sender = _Sender(settings, smtp_factory, ssl_context, report)

    if retry_previous and previous:
        folder = settings.reports_dir / "digests"
        for row in store.deliveries(previous):
            if row["status"] not in (PENDING, FAILED):
                continue
            address = row["address"]
            eml = folder / f"{previous}-{slugify(address)}.eml"
            if not eml.exists():
                logger.warning("cannot retry digest %s to %s: %s is missing", previous, address, eml)
                continue
            message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            # its edition's own pmids are not known here; the digest's are a superset, which
            # only means a few more records count as reported
            shown = (store.get_digest(previous) or {}).get("pmids", [])
            sender.deliver(store, previous, address, message, shown,
                           label=f"{previous}:{address}")

    for edition in digest.editions[1:]:
        sub = edition.subscriber
        assert sub is not None
        status = store.delivery_status(digest.key, sub.address)
        if status == SENT:
            report.already_sent.append(sub.address)
            continue
        if edition.empty and digest.empty_policy == "skip":
            report.skipped_empty.append(sub.address)
            continue
        if status is None:
            store.record_delivery(digest.key, sub.address, PENDING)
        sender.deliver(
            store, digest.key, sub.address, edition.message(date=date),
            (*edition.pmids, *edition.retraction_pmids), label=sub.address,
        )
    return report


class _Sender:
    """One delivery at a time, with the bookkeeping; stops trying after a connection failure."""

    def __init__(
        self, settings: Settings, smtp_factory: SMTPFactory, ssl_context: ssl.SSLContext | None,
        report: DeliveryReport,
    ) -> None:
        self.settings = settings
        self.smtp_factory = smtp_factory
        self.ssl_context = ssl_context
        self.report = report
        self.abort: str | None = None

    def deliver(
        self, store: Store, key: str, address: str, message: EmailMessage,
        pmids: Sequence[str], *, label: str,
    ) -> None:
        report = self.report
        if self.abort is not None:
            error = f"not tried: {self.abort}"
            store.record_delivery(key, address, FAILED, error=error)
            report.failed[label] = error
            return
        if not store.claim_delivery(key, address):
            status = store.delivery_status(key, address)
            (report.already_sent if status == SENT else report.in_doubt).append(label)
            return
        try:
            send(message, self.settings, smtp_factory=self.smtp_factory,
                 ssl_context=self.ssl_context)
        except MailError as exc:
            error = self.settings.redact(str(exc))
            store.record_delivery(key, address, FAILED, error=error)
            report.failed[label] = error
            logger.warning("digest %s to %s failed: %s", key, address, error)
            if not isinstance(exc, MessageRefused):
                self.abort = error
            return
        store.record_delivery(key, address, SENT)
        if pmids:
            store.mark_reported(key, list(pmids))
        report.sent.append(label)
