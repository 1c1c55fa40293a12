"""Schedule: ready-to-install crontab entry and systemd service + timer for ``aggregator weekly``.

Nothing here installs anything or reads the environment: :func:`render_schedule` returns text
the user reviews and installs (``crontab -e``, or ``systemctl --user enable --now`` the timer).
The environment file it renders is a template: secret values are left blank, never copied from
the settings.

NCBI asks that large jobs run on weekends or between 21:00 and 05:00 US Eastern time; the
default (Saturday 02:00 America/New_York) is inside both.

Example::

    files = render_schedule(settings, project_dir=Path.cwd(), python=Path(".venv/bin/python"))
    print(files.crontab_line)
    files.write(Path("deploy"))    # aggregator-weekly.service, .timer, crontab.txt, aggregator.env
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .config import Settings
from .errors import InputError

UNIT_NAME = "aggregator-weekly"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: cron numbers days 0-6 from Sunday
_CRON_DAY = {"Sun": 0, "Mon": 1, "Tue": 2, "Wed": 3, "Thu": 4, "Fri": 5, "Sat": 6}
_WHEN_RE = re.compile(
    r"^\s*(?:(?P<days>[A-Za-z]{3}(?:\s*[-,]\s*[A-Za-z]{3})*|daily)\s+)?"
    r"(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*$"
)

NCBI_NOTE = (
    "NCBI asks that large E-utilities jobs run on weekends or between 21:00 and 05:00 "
    "US Eastern time (https://www.ncbi.nlm.nih.gov/books/NBK25497/)."
)


@dataclass(frozen=True)
class ScheduleFiles:
    """The rendered texts.

    :ivar crontab_line: a crontab snippet: comments, ``CRON_TZ=...`` and the job line.
    :ivar service_unit: ``aggregator-weekly.service`` (oneshot).
    :ivar timer_unit: ``aggregator-weekly.timer`` (``OnCalendar=``, ``Persistent=true``).
    :ivar env_file: environment file template (secrets blank).
    :ivar env_path: where the units and the crontab expect the environment file.
    """

    crontab_line: str
    service_unit: str
    timer_unit: str
    env_file: str
    env_path: Path

    @property
    def crontab_entry(self) -> str:
        """Just the job line of :attr:`crontab_line` (five time fields and the command)."""
        return next(
            ln for ln in self.crontab_line.splitlines()
            if ln and not ln.startswith("#") and "=" not in ln.split()[0]
        )

    def render(self) -> str:
        """All four texts in one printable document, each under a ``#####`` banner."""
        parts = [
            ("crontab (crontab -e)", self.crontab_line),
            (f"{UNIT_NAME}.service", self.service_unit),
            (f"{UNIT_NAME}.timer", self.timer_unit),
            (f"environment file ({self.env_path}; chmod 600)", self.env_file),
        ]
        return "\n".join(f"##### {title}\n{text}" for title, text in parts)

    def write(self, out_dir: Path) -> list[Path]:
        """Write the four files into ``out_dir``; the environment template gets mode 0600."""
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in (
            (f"{UNIT_NAME}.service", self.service_unit),
            (f"{UNIT_NAME}.timer", self.timer_unit),
            ("crontab.txt", self.crontab_line),
            ("aggregator.env.example", self.env_file),
        ):
            path = out_dir / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
        os.chmod(out_dir / "aggregator.env.example", 0o600)
        return written


@dataclass(frozen=True)
class When:
    """A parsed ``when``: days (``Mon``..``Sun``; all seven for daily), hour and minute."""

    days: tuple[str, ...]
    hour: int
    minute: int

    @property
    def cron(self) -> str:
        dow = "*" if len(self.days) == 7 else ",".join(str(_CRON_DAY[d]) for d in self.days)
        return f"{self.minute} {self.hour} * * {dow}"

    def on_calendar(self, tz: str) -> str:
        days = "" if len(self.days) == 7 else ",".join(self.days) + " "
        return f"{days}*-*-* {self.hour:02d}:{self.minute:02d}:00 {tz}"

    @property
    def within_ncbi_window(self) -> bool:
        """Weekend, or 21:00-05:00 (assuming the time zone is US Eastern)."""
        night = self.hour >= 21 or self.hour < 5
        return night or all(d in ("Sat", "Sun") for d in self.days)


def parse_when(when: str) -> When:
    """``"Sat 02:00"``, ``"Sat,Sun 23:30"``, ``"Mon-Fri 22:00"``, ``"daily 03:15"`` or ``"03:15"``.

    :raises InputError: anything else (names the ``when`` field).
    """
    m = _WHEN_RE.match(when)
    if not m:
        raise InputError(
            f"cannot read {when!r}: expected e.g. 'Sat 02:00', 'Mon-Fri 22:00' or 'daily 03:15'",
            field="when",
        )
    hour, minute = int(m["hh"]), int(m["mm"])
    if hour > 23 or minute > 59:
        raise InputError(f"no such time of day in {when!r}", field="when")
    spec = (m["days"] or "daily").replace(" ", "")
    if spec.lower() == "daily":
        return When(_DAYS, hour, minute)
    days: list[str] = []
    for part in spec.split(","):
        ends = [_day(d, when) for d in part.split("-")]
        if len(ends) == 1:
            days.append(ends[0])
        else:
            i, j = _DAYS.index(ends[0]), _DAYS.index(ends[1])
            if j < i:
                raise InputError(f"day range runs backwards in {when!r}", field="when")
            days.extend(_DAYS[i : j + 1])
    ordered = tuple(d for d in _DAYS if d in days)
    return When(ordered, hour, minute)


def _day(text: str, when: str) -> str:
    day = text[:1].upper() + text[1:].lower()
    if day not in _DAYS:
        raise InputError(f"unknown day {text!r} in {when!r} (use Mon..Sun)", field="when")
    return day


def render_schedule(
    settings: Settings,
    *,
    project_dir: Path,
    python: Path,
    when: str = "Sat 02:00",
    tz: str = "America/New_York",
    env_path: Path | None = None,
    log_path: Path | None = None,
) -> ScheduleFiles:
    """Render a crontab snippet, a systemd service + timer pair and an environment template.

    :param project_dir: the checkout to ``cd`` into (made absolute).
    :param python: the interpreter of the project's virtual environment.
    :param when: day(s) and time, see :func:`parse_when`.
    :param tz: an IANA time zone name, used by ``CRON_TZ`` and ``OnCalendar``.
    :param env_path: the environment file (default ``<project_dir>/aggregator.env``).
    :param log_path: the cron job's log (default ``<project_dir>/logs/weekly.log``).
    :raises InputError: ``when`` or ``tz`` cannot be read.
    """
    parsed = parse_when(when)
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(f"unknown time zone {tz!r}", field="tz") from exc
    project = Path(project_dir).absolute()
    py = Path(python) if Path(python).is_absolute() else project / python
    env = Path(env_path) if env_path else project / "aggregator.env"
    log = Path(log_path) if log_path else project / "logs" / "weekly.log"

    note = NCBI_NOTE
    if not (parsed.within_ncbi_window and tz == "America/New_York"):
        note += f" Check that {when!r} in {tz} falls inside that window."

    return ScheduleFiles(
        crontab_line=_crontab(parsed, tz, project, py, env, log, note),
        service_unit=_service(project, py, env, note),
        timer_unit=_timer(parsed, tz, note),
        env_file=_env_file(settings, project, note),
        env_path=env,
    )


def _cron_escape(text: str) -> str:
    # cron turns an unescaped % into a newline (crontab(5))
    return text.replace("%", r"\%")


def _crontab(
    when: When, tz: str, project: Path, py: Path, env: Path, log: Path, note: str
) -> str:
    q = shlex.quote
    command = (
        f"cd {q(str(project))} && mkdir -p {q(str(log.parent))} && "
        f"set -a && . {q(str(env))} && set +a && "
        f"{q(str(py))} -m aggregator weekly >> {q(str(log))} 2>&1"
    )
    return (
        f"# aggregator: weekly fetch, tag, digest and mail ({when.on_calendar(tz)}).\n"
        f"# {note}\n"
        "# CRON_TZ is honoured by cronie (Fedora, RHEL, Arch); Debian/Ubuntu cron ignores it and\n"
        "# uses the system time zone: there, convert the time or use the systemd timer instead.\n"
        "# No lock wrapper needed: the store refuses a second concurrent run with a clear error.\n"
        f"CRON_TZ={tz}\n"
        f"{when.cron} {_cron_escape(command)}\n"
    )


def _systemd_escape(text: str) -> str:
    # % starts a specifier in unit files; quote arguments containing spaces
    text = text.replace("%", "%%")
    if re.search(r'[\s"\\]', text):
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _service(project: Path, py: Path, env: Path, note: str) -> str:
    return (
        f"# {UNIT_NAME}.service: one run of the weekly job; started by {UNIT_NAME}.timer.\n"
        f"# Install: copy both units to ~/.config/systemd/user/ (or /etc/systemd/system/),\n"
        f"# then: systemctl --user daemon-reload && systemctl --user enable --now {UNIT_NAME}.timer\n"
        f"# Logs: journalctl --user -u {UNIT_NAME}.service\n"
        f"# {note}\n"
        "[Unit]\n"
        "Description=Ketamine evidence aggregator: weekly fetch, tag, digest and mail\n"
        "Wants=network-online.target\n"
        "After=network-online.target\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"WorkingDirectory={str(project).replace('%', '%%')}\n"
        f"EnvironmentFile={str(env).replace('%', '%%')}\n"
        f"ExecStart={_systemd_escape(str(py))} -m aggregator weekly\n"
        "Nice=10\n"
        "NoNewPrivileges=true\n"
    )


def _timer(when: When, tz: str, note: str) -> str:
    return (
        f"# {UNIT_NAME}.timer: runs {UNIT_NAME}.service {when.on_calendar(tz)}.\n"
        f"# {note}\n"
        "# Persistent=true runs a missed week at the next boot. Check the expression with:\n"
        f"#   systemd-analyze calendar '{when.on_calendar(tz)}'\n"
        "# (time zones in OnCalendar= need systemd 235 or later)\n"
        "[Unit]\n"
        "Description=Weekly run of the ketamine evidence aggregator\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={when.on_calendar(tz)}\n"
        "Persistent=true\n"
        "RandomizedDelaySec=300\n"
        f"Unit={UNIT_NAME}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def _env_value(value: object | None) -> str:
    if value is None:
        return ""
    text = str(value)
    if re.fullmatch(r"[A-Za-z0-9_@.,:/+=-]*", text):
        return text
    # double quotes are read the same way by systemd's EnvironmentFile= and by sh's "."
    return '"' + re.sub(r'(["\\$`])', r"\\\1", text) + '"'


def _env_file(settings: Settings, project: Path, note: str) -> str:
    """Non-secret values come from ``settings``; secrets are always left blank."""
    s = settings
    v = _env_value

    def path(p: Path) -> str:
        return v(p if p.is_absolute() else project / p)

    return (
        "# aggregator environment, read by the systemd service (EnvironmentFile=) and the cron\n"
        "# job (sourced by sh). Fill in the blanks, keep it out of git, and `chmod 600` it:\n"
        "# it holds secrets. Empty values mean unset.\n"
        f"# {note}\n"
        "\n"
        "# NCBI E-utilities. Key: https://account.ncbi.nlm.nih.gov/settings/ (10 req/s instead of 3)\n"
        "NCBI_API_KEY=\n"
        f"NCBI_EMAIL={v(s.email)}\n"
        f"NCBI_TOOL={v(s.tool)}\n"
        "\n"
        "# Files\n"
        f"AGGREGATOR_DB={path(s.db_path)}\n"
        f"AGGREGATOR_REPORTS={path(s.reports_dir)}\n"
        f"AGGREGATOR_SUBSCRIBERS={path(s.subscribers_path)}\n"
        "\n"
        "# Outgoing mail (STARTTLS on port 587; credentials are never sent without TLS)\n"
        f"SMTP_HOST={v(s.smtp_host)}\n"
        f"SMTP_PORT={v(s.smtp_port)}\n"
        f"SMTP_USER={v(s.smtp_user)}\n"
        "SMTP_PASSWORD=\n"
        f"SMTP_STARTTLS={'true' if s.smtp_starttls else 'false'}\n"
        "\n"
        "# Digest: sender, and comma-separated addresses that get the all-conditions edition\n"
        f"DIGEST_FROM={v(s.digest_from)}\n"
        f"DIGEST_TO={v(s.digest_to)}\n"
    )
