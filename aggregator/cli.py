"""Command line: thin commands over the library (``aggregator --help``).

Each command builds :class:`~aggregator.config.Settings` (options, then environment, then
defaults), calls one library function and turns :class:`~aggregator.errors.AggregatorError`
into one line on stderr and its exit code (2 bad input, 3 PubMed unreachable, 1 other) in
one place, :class:`~aggregator.cli_support.AggregatorGroup`. ``--verbose`` adds logging and
tracebacks. The helpers the commands share (error reporting, progress display, settings, store,
queries, vocabulary and date options) are in :mod:`aggregator.cli_support`.

Example::

    aggregator fetch
    aggregator report --out reports/
    aggregator status --json
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__, native
from .cli_support import (
    AggregatorGroup,
    ClickProgress,
    _date,
    _queries,
    _safe_umask,
    _settings,
    _store,
    _vocab_for_writing,
    freshness,
)
from .config import Settings

EXPORT_KINDS = ("csv", "ris", "asreview", "extraction")


@click.group(cls=AggregatorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aggregator")
@click.option("-v", "--verbose", is_flag=True, help="Log each step (and HTTP request) to stderr; "
              "show tracebacks on errors.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite store [env AGGREGATOR_DB; default data/aggregator.sqlite].")
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Query and vocabulary folder [env AGGREGATOR_QUERIES; default queries/].")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, db_path: Path | None, queries_dir: Path | None) -> None:
    """Ketamine research evidence from PubMed: fetch, tag, report, digest, export.

    Settings come from options, then the environment (NCBI_API_KEY, NCBI_EMAIL, NCBI_TOOL,
    NCBI_EUTILS_URL, AGGREGATOR_DB, SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD,
    SMTP_STARTTLS, DIGEST_FROM, DIGEST_TO), then defaults.

    Exit codes: 0 success, 2 bad input or usage, 3 PubMed unreachable, 1 anything else
    (130 interrupted, 141 the reader of the output went away).
    """
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    _safe_umask()
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s" if verbose
        else "aggregator: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    settings = Settings.from_env(db_path=db_path, queries_dir=queries_dir)
    ctx.obj["settings"] = settings


@cli.command()
@click.option("--full", is_flag=True, help="Search all dates and re-fetch every record found.")
@click.option("--since", metavar="YYYY-MM-DD", help="Search records created ([crdt]) since this day.")
@click.pass_context
def fetch(ctx: click.Context, full: bool, since: str | None) -> None:
    """Query PubMed for every indication in queries/ and store new and changed records.

    Incremental by default: [crdt] windows overlapping the stored watermark, plus the records
    that changed upstream ([mdat]). Exits 3 when PubMed cannot be reached; nothing stored is
    harmed.

    Example:

        aggregator fetch
        aggregator fetch --since 2024-01-01
    """
    from .pipeline import fetch as run_fetch

    settings = _settings(ctx)
    start = _date(since, "--since")
    queries = _queries(settings)
    with _store(settings) as store:
        vocab = _vocab_for_writing(settings, store)
        result = run_fetch(settings, store, queries, vocab, full=full, since=start,
                           progress=ClickProgress())
    c = result.counts
    click.echo(
        f"fetched {c.get('fetched', 0)} record(s): {c.get('new', 0)} new, "
        f"{c.get('changed', 0)} changed, {c.get('unchanged', 0)} unchanged "
        f"({c.get('found', 0)} found by {len(result.found)} queries, "
        f"{c.get('requests', 0)} requests)"
    )


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Parser processes (default: one per core, up to 4, for files of 32 MB or more; "
                   "1 parses in this process).")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], workers: int | None) -> None:
    """Load PubMed XML (.xml, .xml.gz, efetch output, baseline files) or MEDLINE/nbib text.

    All files load in one transaction: a bad file (malformed, truncated, unknown type) exits 2
    and leaves the store unchanged.

    Example:

        aggregator import pubmed-ketamine-set.nbib
        aggregator import pubmed24n1219.xml.gz
    """
    from .local import check_import_paths
    from .pipeline import import_paths

    settings = _settings(ctx)
    check_import_paths(paths)  # bad input is reported before the lock is asked for
    with _store(settings) as store:
        vocab = _vocab_for_writing(settings, store)
        result = import_paths(settings, store, list(paths), vocab, workers=workers,
                              progress=ClickProgress())
    c = result.counts
    click.echo(f"imported {c['new'] + c['changed'] + c['unchanged']} record(s): {c['new']} new, "
               f"{c['changed']} changed, {c['unchanged']} unchanged, {c['deleted']} deleted")


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Re-tag every record, not only stale ones.")
@click.option(
    "--reparse", is_flag=True,
    help="Re-parse each record's stored original XML (or MEDLINE text) instead of reading its "
         "stored JSON: slower; use it after a change to the parser.",
)
@click.pass_context
def retag(ctx: click.Context, everything: bool, reparse: bool) -> None:
    """Re-tag stored records after a vocabulary change, from the stored records (no PubMed).

    Tags each record from its stored JSON (what the parser made of its XML); with --reparse,
    from its stored original XML re-parsed. Large re-tags run in worker processes.

    Example:

        aggregator retag
        aggregator retag --all --reparse
    """
    from .pipeline import retag as run_retag

    settings = _settings(ctx)
    with _store(settings) as store:
        vocab = _vocab_for_writing(settings, store)
        n = run_retag(store, vocab, everything=everything, reparse=reparse,
                      progress=ClickProgress())
    click.echo(f"tagged {n} record(s) with vocabulary {vocab.version}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """What is stored, the last runs and the watermarks.

    Example:

        aggregator status
        aggregator status --json | jq .records
    """
    settings = _settings(ctx)
    with _store(settings) as store:
        info = store.status()
    if as_json:
        click.echo(json.dumps(info, indent=2, default=str))
        return
    click.echo(f"store        {info.get('db_path')}")
    for key in ("records", "with_mesh", "tagged", "retracted", "deleted"):
        click.echo(f"{key:<12} {info.get(key)}")
    kept = info.get("kept_files") or {}
    if kept.get("files"):
        click.echo(f"kept files   {kept['files']} ({kept['bytes'] / 1e6:,.1f} MB): the original "
                   f"XML of {kept['records']:,} imported records")
    click.echo(f"last fetch   {info.get('last_fetch') or 'never'}")
    click.echo(f"speed        {native.status()}")
    runs = info.get("last_runs") or []
    if runs:
        click.echo("last runs:")
        for run in runs[:10]:
            counts = run.get("counts") or {}
            brief = ", ".join(f"{k} {v}" for k, v in counts.items() if isinstance(v, int))
            click.echo(f"  #{run.get('id')} {run.get('kind'):<7} {run.get('status'):<11} "
                       f"{run.get('started_at')}  {brief}"
                       + (f"  error: {run.get('error')}" if run.get("error") else ""))
    doubt = info.get("deliveries_in_doubt") or []
    if doubt:
        click.echo(f"deliveries in doubt: {len(doubt)} (a run was killed while sending; "
                   "never re-sent on their own)")
        for d in doubt[:10]:
            click.echo(f"  {d.get('digest_key')} to {d.get('address')} since {d.get('updated_at')}")
        click.echo("  check whether they arrived; 'aggregator digest --release-in-doubt --send' "
                   "sends them again")
    marks = info.get("watermarks") or {}
    if marks:
        click.echo("watermarks:")
        for key, value in sorted(marks.items()):
            click.echo(f"  {key:<24} {value}")


@cli.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder [default reports/].")
@click.pass_context
def report(ctx: click.Context, out_dir: Path | None) -> None:
    """Write the self-contained HTML evidence report (and its CSV) from the store.

    Writes reports/report-YYYY-MM-DD.html, reports/latest.html and the CSV beside them. When the
    last fetch could not reach PubMed, the report says so and as of when the data are.

    Example:

        aggregator report
        aggregator report --out /tmp/ketamine
    """
    from .report import write_report

    settings = _settings(ctx)
    queries = _queries(settings)
    with _store(settings) as store:
        result = write_report(store, settings, out_dir=out_dir or settings.reports_dir,
                              queries=queries, offline_since=freshness(store))
    click.echo(f"wrote {result.html_path} and {result.csv_path}")


@cli.command()
@click.argument("kind", type=click.Choice(EXPORT_KINDS))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--condition", multiple=True, help="Only records with this condition (repeatable).")
@click.option("--route", multiple=True, help="Only records with this route (repeatable).")
@click.option("--design", multiple=True, help="Only records of this design (repeatable).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only records first seen since this day.")
@click.option("--exclude-retracted", is_flag=True, help="Leave out retracted records.")
@click.pass_context
def export(ctx: click.Context, kind: str, path: Path, condition: tuple[str, ...],
           route: tuple[str, ...], design: tuple[str, ...], since: str | None,
           exclude_retracted: bool) -> None:
    """Export records for analysis and screening tools: csv, ris, asreview, extraction.

    Example:

        aggregator export csv ketamine.csv --condition trd --exclude-retracted
        aggregator export ris trd-rcts.ris --condition trd --design rct
    """
    from .export import export as run_export
    from .table import records_frame

    settings = _settings(ctx)
    _date(since, "--since")
    filters = {"condition": condition or None, "route": route or None, "design": design or None,
               "since": since, "exclude_retracted": exclude_retracted}
    with _store(settings) as store:
        n = run_export(kind, records_frame(store), path, filters=filters)
    click.echo(f"wrote {n} record(s) to {path}")


@cli.command()
@click.option("--since", metavar="YYYY-MM-DD", help="Include records first seen since this day "
              "(default: since the last digest).")
@click.option("--send", is_flag=True, help="Mail it to the subscribers over SMTP.")
@click.option("--release-in-doubt", is_flag=True,
              help="First let deliveries left in doubt by a killed run (see 'status') be sent "
              "again: only once you have checked those mails did not arrive.")
@click.option("--subscribers", type=click.Path(dir_okay=False, path_type=Path),
              help="Subscriber file [env AGGREGATOR_SUBSCRIBERS; default subscribers.toml].")
@click.pass_context
def digest(ctx: click.Context, since: str | None, send: bool, subscribers: Path | None,
           release_in_doubt: bool) -> None:
    """Write this week's digest (HTML, text, .eml under reports/digests/); --send mails it.

    Each delivery is recorded: a digest is never sent twice to the same subscriber, and a
    failed delivery is retried on the next run. A delivery whose run was killed mid-send is
    "in doubt" (listed by 'status') and never re-sent on its own: check whether it arrived,
    then --release-in-doubt --send sends it again.

    Example:

        aggregator digest
        aggregator digest --send
        aggregator digest --release-in-doubt --send
    """
    from .pipeline import run_digest

    settings = _settings(ctx)
    if subscribers is not None:
        settings = settings.replace(subscribers_path=subscribers)
    start = _date(since, "--since")
    with _store(settings) as store:
        if release_in_doubt:
            click.echo(f"released {store.release_in_doubt()} delivery(ies) in doubt for retry")
        outcome = run_digest(settings, store, since=start, send=send)
    click.echo(outcome.summary)


@cli.command()
@click.option("--no-send", is_flag=True, help="Write the digest but do not mail it.")
@click.pass_context
def weekly(ctx: click.Context, no_send: bool) -> None:
    """The scheduled job: incremental fetch, refresh of changed records, tag, digest, send.

    Idempotent: running it twice in a week changes nothing and sends nothing new. A second run
    started while one is going exits at once.

    Example:

        aggregator weekly
    """
    from .pipeline import weekly as run_weekly

    settings = _settings(ctx)
    queries = _queries(settings)
    with _store(settings) as store:
        vocab = _vocab_for_writing(settings, store)
        result = run_weekly(settings, store, queries, vocab, send=not no_send,
                            progress=ClickProgress())
    c = result.counts
    click.echo("weekly: " + ", ".join(f"{k} {v}" for k, v in c.items()
                                      if isinstance(v, (int, str))))


@cli.command()
@click.option("--when", default="Sat 02:00", show_default=True,
              help="Day and time of the weekly run (US Eastern).")
@click.pass_context
def schedule(ctx: click.Context, when: str) -> None:
    """Print a crontab line and a systemd service + timer for the weekly job.

    Default: Saturday 02:00 US Eastern, inside NCBI's window for large jobs (weekends or
    21:00-05:00 Eastern).

    Example:

        aggregator schedule > weekly-schedule.txt
    """
    from .schedule import render_schedule

    settings = _settings(ctx)
    files = render_schedule(settings, project_dir=Path.cwd(), python=Path(sys.executable),
                            when=when)
    click.echo(files.render() if hasattr(files, "render") else str(files))


def main() -> None:  # pragma: no cover - console entry point alias
    cli(prog_name="aggregator")

