"""Settings: options, then environment, then defaults, built once into a frozen object.

Library modules never read ``os.environ``: the CLI (or a test) builds one :class:`Settings`
and passes it down.

Example::

    settings = Settings.from_env(db_path="data/test.sqlite")
    client = EutilsClient(settings)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

NCBI_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

#: environment variable -> Settings field
ENV_VARS: dict[str, str] = {
    "NCBI_API_KEY": "api_key",
    "NCBI_EMAIL": "email",
    "NCBI_TOOL": "tool",
    "NCBI_EUTILS_URL": "eutils_url",
    "AGGREGATOR_DB": "db_path",
    "AGGREGATOR_QUERIES": "queries_dir",
    "AGGREGATOR_REPORTS": "reports_dir",
    "AGGREGATOR_SUBSCRIBERS": "subscribers_path",
    "SMTP_HOST": "smtp_host",
    "SMTP_PORT": "smtp_port",
    "SMTP_USER": "smtp_user",
    "SMTP_PASSWORD": "smtp_password",
    "SMTP_STARTTLS": "smtp_starttls",
    "SMTP_ALLOW_PLAINTEXT_LOCALHOST": "smtp_allow_plaintext_localhost",
    "DIGEST_FROM": "digest_from",
    "DIGEST_TO": "digest_to",
    "DIGEST_EMPTY": "digest_empty",
}

_SECRETS = frozenset({"api_key", "smtp_password"})
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Settings:
    """Everything configurable, in one frozen value. Secrets are redacted from ``repr``."""

    api_key: str | None = field(default=None, repr=False)
    email: str | None = None
    tool: str = "aggregator"
    eutils_url: str = NCBI_EUTILS_URL
    db_path: Path = Path("data/aggregator.sqlite")
    queries_dir: Path = Path("queries")
    reports_dir: Path = Path("reports")
    subscribers_path: Path = Path("subscribers.toml")
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_starttls: bool = True
    smtp_allow_plaintext_localhost: bool = False
    smtp_timeout: float = 30.0
    digest_from: str | None = None
    digest_to: str | None = None
    #: an empty week's digest: "note" (a short "nothing new" message) or "skip" (nothing)
    digest_empty: str = "note"
    #: requests per second allowed by NCBI: 3 without an API key, 10 with one.
    requests_per_second: float | None = None
    #: seconds for connect and for each read of an E-utilities request
    timeout: float = 30.0
    #: attempts per request before giving up (first try included)
    max_attempts: int = 6
    #: first back-off delay in seconds; doubles per attempt, with full jitter
    backoff: float = 1.0
    #: longest single back-off delay in seconds
    backoff_max: float = 30.0
    #: when PubMed cannot be reached at all, give up after this many seconds (exit 3 within a minute)
    unreachable_after: float = 45.0
    #: records per efetch call
    batch_size: int = 500
    #: days by which incremental [crdt] windows overlap the stored watermark
    overlap_days: int = 7

    @property
    def rate(self) -> float:
        """Requests per second to stay under: explicit, else NCBI's 10 with a key, 3 without."""
        if self.requests_per_second:
            return self.requests_per_second
        return 10.0 if self.api_key else 3.0

    def secrets(self) -> list[str]:
        """The secret values in force, for redaction."""
        return [s for s in (self.api_key, self.smtp_password) if s]

    def redact(self, text: str) -> str:
        """Replace every secret in ``text`` by ``***``."""
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (coerced like environment values)."""
        return dataclasses.replace(self, **_coerce_all(changes, source="option"))

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **options: Any) -> Settings:
        """Build settings from ``options`` (None means unset), then ``env``, then defaults.

        :param env: the environment; ``os.environ`` when None.
        :raises InputError: a value cannot be read (names the variable).
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for var, name in ENV_VARS.items():
            raw = env.get(var)
            if raw is not None and raw != "":
                values[name] = _coerce(name, raw, source=var)
        for name, value in options.items():
            if value is not None:
                values[name] = _coerce(name, value, source=f"--{name.replace('_', '-')}")
        return cls(**values)


def _coerce_all(values: Mapping[str, Any], *, source: str) -> dict[str, Any]:
    return {k: _coerce(k, v, source=source) for k, v in values.items()}


_FIELD_TYPES = {f.name: f.type for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any, *, source: str) -> Any:
    if name not in _FIELD_TYPES:
        raise InputError(f"unknown setting {name!r}", field=source)
    kind = str(_FIELD_TYPES[name])
    if not isinstance(value, str):
        if kind == "Path" and not isinstance(value, Path):
            return Path(value)
        return value
    text = value.strip()
    try:
        if kind == "Path":
            return Path(text)
        if kind == "bool":
            low = text.lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError(f"expected true/false, got {text!r}")
        if kind == "int":
            return int(text)
        if kind in ("float", "float | None"):
            return float(text)
    except ValueError as exc:
        shown = "***" if name in _SECRETS else repr(text)
        raise InputError(f"cannot read {shown}: {exc}", field=source) from None
    return text
