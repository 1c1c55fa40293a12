"""Stage 2 (E-utilities): keep the NCBI API key out of log lines.

urllib3 logs full request URLs at DEBUG, and a GET URL holds ``api_key=...``.
:func:`_install_redaction` adds one :class:`_RedactFilter` to urllib3's loggers (idempotent;
:class:`aggregator.eutils.EutilsClient` calls it on creation), and :data:`_API_KEY_RE` is the
pattern the client also uses to redact URLs in its own messages and errors. No HTTP here.

Example::

    import logging
    from aggregator.eutils_redact import _install_redaction

    _install_redaction()
    log = logging.getLogger("urllib3.connectionpool")
    log.debug('"%s %s"', "GET", f"/esearch.fcgi?db=pubmed&api_key={key}")  # as urllib3 does
    # logged as: "GET /esearch.fcgi?db=pubmed&api_key=***"
"""

from __future__ import annotations

import logging
import re

_API_KEY_RE = re.compile(r"(api[_-]?key=)[^&\s'\"]*", re.IGNORECASE)


class _RedactFilter(logging.Filter):
    """Redacts ``api_key=...`` in records of urllib3's logger, which logs full URLs at DEBUG.

    The message is formatted first and the result redacted (``args`` cleared): redacting the
    template and the arguments apart would turn ``"api_key=%s"`` into ``"api_key=***"`` with
    an argument left over, a logging error whose report prints the arguments, key included."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record: keep only its template, redacted
            message = str(record.msg)
        record.msg, record.args = _API_KEY_RE.sub(r"\1***", message), None
        return True


_REDACT_FILTER = _RedactFilter()


def _install_redaction() -> None:
    for name in ("urllib3.connectionpool", "urllib3.connection"):
        lg = logging.getLogger(name)
        if _REDACT_FILTER not in lg.filters:
            lg.addFilter(_REDACT_FILTER)
