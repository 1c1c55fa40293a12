"""Tests for aggregator.schedule: crontab snippet, systemd service + timer, env template."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aggregator.config import Settings
from aggregator.errors import InputError
from aggregator.schedule import parse_when, render_schedule

PROJECT = Path("/srv/aggregator")
PYTHON = Path("/srv/aggregator/.venv/bin/python")


@pytest.fixture
def secret_settings(settings: Settings) -> Settings:
    return settings.replace(
        smtp_host="smtp.example.org",
        smtp_user="digest-bot",
        smtp_password="hunter2-SMTP-secret",
        digest_from="digest@example.org",
        digest_to="a@example.org, b@example.org",
    )


def _units(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser


def test_schedule_crontab_default_is_saturday_2am_eastern(secret_settings: Settings) -> None:
    files = render_schedule(secret_settings, project_dir=PROJECT, python=PYTHON)
    lines = files.crontab_line.splitlines()
    assert "CRON_TZ=America/New_York" in lines
    assert lines.index("CRON_TZ=America/New_York") < lines.index(files.crontab_entry)
    fields = files.crontab_entry.split(None, 5)
    assert fields[:5] == ["0", "2", "*", "*", "6"]
    command = fields[5]
    assert command.startswith("cd /srv/aggregator && ")
    assert "/srv/aggregator/.venv/bin/python -m aggregator weekly" in command
    assert re.search(r">> \S*weekly\.log 2>&1$", command)
    assert ". /srv/aggregator/aggregator.env" in command
    assert "21:00 and 05:00 US Eastern" in files.crontab_line


def test_schedule_crontab_quotes_paths_and_escapes_percent(settings: Settings) -> None:
    files = render_schedule(
        settings, project_dir=Path("/srv/my proj 100%"), python=Path(".venv/bin/python")
    )
    entry = files.crontab_entry
    assert "cd '/srv/my proj 100\\%'" in entry
    assert "'/srv/my proj 100\\%/.venv/bin/python' -m aggregator weekly" in entry
    assert "%" not in entry.replace("\\%", "")


def test_schedule_systemd_units_parse(secret_settings: Settings) -> None:
    files = render_schedule(secret_settings, project_dir=PROJECT, python=PYTHON)
    timer = _units(files.timer_unit)
    assert timer["Timer"]["OnCalendar"] == "Sat *-*-* 02:00:00 America/New_York"
    assert re.fullmatch(
        r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:,(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))* )?"
        r"\*-\*-\* \d{2}:\d{2}:\d{2} [A-Za-z_]+/[A-Za-z_]+",
        timer["Timer"]["OnCalendar"],
    )
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "aggregator-weekly.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    service = _units(files.service_unit)
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["WorkingDirectory"] == "/srv/aggregator"
    assert service["Service"]["EnvironmentFile"] == "/srv/aggregator/aggregator.env"
    assert service["Service"]["ExecStart"] == f"{PYTHON} -m aggregator weekly"
    for text in (files.service_unit, files.timer_unit):
        assert "NCBI asks" in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
@pytest.mark.parametrize("when", ["Sat 02:00", "Sat,Sun 23:30", "Mon-Fri 22:05", "daily 03:15"])
def test_schedule_on_calendar_accepted_by_systemd(settings: Settings, when: str) -> None:
    files = render_schedule(settings, project_dir=PROJECT, python=PYTHON, when=when)
    expr = _units(files.timer_unit)["Timer"]["OnCalendar"]
    done = subprocess.run(
        ["systemd-analyze", "calendar", expr], capture_output=True, text=True, timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_schedule_env_file_has_placeholders_never_secrets(secret_settings: Settings) -> None:
    files = render_schedule(secret_settings, project_dir=PROJECT, python=PYTHON)
    env = files.env_file
    for name in ("NCBI_API_KEY", "NCBI_EMAIL", "SMTP_HOST", "SMTP_PORT", "SMTP_USER",
                 "SMTP_PASSWORD", "SMTP_STARTTLS", "DIGEST_FROM", "DIGEST_TO", "AGGREGATOR_DB"):
        assert re.search(rf"^{name}=", env, re.MULTILINE), name
    assert re.search(r"^NCBI_API_KEY=$", env, re.MULTILINE)
    assert re.search(r"^SMTP_PASSWORD=$", env, re.MULTILINE)
    assert "SMTP_HOST=smtp.example.org" in env
    assert 'DIGEST_TO="a@example.org, b@example.org"' in env
    everything = (
        f"{files.crontab_line}\n{files.service_unit}\n{files.timer_unit}\n{files.env_file}"
    )
    for secret in secret_settings.secrets():
        assert secret not in everything


def test_schedule_env_file_is_sourceable_by_sh(secret_settings: Settings, tmp_path: Path) -> None:
    sh = shutil.which("sh")
    if sh is None:
        pytest.skip("no sh")
    relative = secret_settings.replace(db_path=Path("data/aggregator.sqlite"))
    files = render_schedule(relative, project_dir=Path("/srv/a b"), python=PYTHON)
    env = tmp_path / "aggregator.env"
    env.write_text(files.env_file)
    out = subprocess.run(
        [sh, "-c", f'set -a; . "{env}"; printf "%s|%s" "$DIGEST_TO" "$AGGREGATOR_DB"'],
        capture_output=True, text=True, timeout=30, env={}, check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == "a@example.org, b@example.org|/srv/a b/data/aggregator.sqlite"


def test_schedule_write_files(settings: Settings, tmp_path: Path) -> None:
    files = render_schedule(settings, project_dir=PROJECT, python=PYTHON)
    written = files.write(tmp_path / "deploy")
    names = sorted(p.name for p in written)
    assert names == ["aggregator-weekly.service", "aggregator-weekly.timer",
                     "aggregator.env.example", "crontab.txt"]
    assert (tmp_path / "deploy" / "aggregator.env.example").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("when", "cron", "calendar"),
    [
        ("Sat 02:00", "0 2 * * 6", "Sat *-*-* 02:00:00"),
        ("sat,sun 23:30", "30 23 * * 6,0", "Sat,Sun *-*-* 23:30:00"),
        ("Mon-Fri 22:05", "5 22 * * 1,2,3,4,5", "Mon,Tue,Wed,Thu,Fri *-*-* 22:05:00"),
        ("daily 3:15", "15 3 * * *", "*-*-* 03:15:00"),
        ("04:00", "0 4 * * *", "*-*-* 04:00:00"),
    ],
)
def test_schedule_parse_when(when: str, cron: str, calendar: str) -> None:
    parsed = parse_when(when)
    assert parsed.cron == cron
    assert parsed.on_calendar("UTC") == f"{calendar} UTC"


@pytest.mark.parametrize("when", ["Sat", "Sat 24:00", "Sat 02:60", "Funday 02:00", "Fri-Mon 1:00"])
def test_schedule_parse_when_rejects(when: str) -> None:
    with pytest.raises(InputError) as info:
        parse_when(when)
    assert info.value.exit_code == 2
    assert "when" in str(info.value)


def test_schedule_rejects_unknown_time_zone(settings: Settings) -> None:
    with pytest.raises(InputError, match="time zone"):
        render_schedule(settings, project_dir=PROJECT, python=PYTHON, tz="Mars/Olympus_Mons")


def test_schedule_flags_time_outside_ncbi_window(settings: Settings) -> None:
    files = render_schedule(settings, project_dir=PROJECT, python=PYTHON, when="Wed 12:00")
    assert "falls inside that window" in files.timer_unit
    ok = render_schedule(settings, project_dir=PROJECT, python=PYTHON)
    assert "falls inside that window" not in ok.timer_unit


def test_schedule_render_joins_all_four(settings: Settings) -> None:
    files = render_schedule(settings, project_dir=PROJECT, python=PYTHON)
    text = files.render()
    for part in (files.crontab_line, files.service_unit, files.timer_unit, files.env_file):
        assert part in text
    assert text.count("##### ") == 4
