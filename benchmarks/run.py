"""`make bench`: parse, tag, fetch, weekly and report benchmarks, with their targets.

Builds its own corpora (benchmarks/corpus.py: ~12.5 KB real-format records with fresh PMIDs
and dates, gzipped; cached under .bench/), runs every measurement in its own subprocess (so
peak memory is that measurement's own) after a ``sync`` (so the previous one's writes are not
flushed during it), prints a table with PASS/FAIL against each target of
issue 6, and writes it with the command and the machine to docs/benchmarks.md.

Usage::

    .venv/bin/python benchmarks/run.py                 # full run (~6-10 min on 2 cores)
    .venv/bin/python benchmarks/run.py --repeat 5      # more repeats of the parse/tag pairs
    .venv/bin/python benchmarks/run.py --quick --out /tmp/bench.md   # smoke run, a few hundred records
    .venv/bin/python benchmarks/run.py --only parse,tag

Each figure is measured in the same run as its reference: the import and the bare lxml pass
over the same file are run back to back, ``--repeat`` times, and medians are reported (other
processes on the machine make single timings noisy; the load average is printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

# Targets (issue 6)
PARSE_VS_LXML = 0.6
PARSE_VS_ENTREZ = 8.0
IMPORT_PEAK_MB = 250.0
IMPORT_PEAK_GROWTH = 0.10
TAG_SHARE = 0.25
FETCH_WALL_RATIO = 1.15
FETCH_REQUEST_RATIO = 1.1
WEEKLY_MAX_REQUESTS = 10
REPORT_SECONDS = 15.0
REPORT_HTML_MB = 5.0
#: ESearch returns at most this many ids per query: bigger result sets are sliced by date
ESEARCH_CAP = 9999


# ================================================================================================
# Children: each measurement runs in its own process (``run.py --child NAME ARGS_JSON``)
# ================================================================================================


class TreeMemory:
    """Samples the summed RSS of this process and all its descendants (workers, forkserver).

    RSS sums over-count pages the processes share, so the figure is an upper bound.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        me = os.getpid()
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        tree = {me}
        grew = True
        while grew:
            grew = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        self.peak_kb = max(self.peak_kb, sum(rss.get(p, 0) for p in tree))


def _maxrss_mb() -> dict[str, float]:
    import resource

    return {
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def child_lxml(path: str) -> dict[str, Any]:
    from lxml import etree

    n = 0
    t = time.perf_counter()
    with gzip.open(path, "rb") as gz:
        for _, el in etree.iterparse(gz, tag="PubmedArticle"):
            n += 1
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
    return {"n": n, "s": time.perf_counter() - t}


def child_entrez(path: str) -> dict[str, Any]:
    from Bio import Entrez

    t = time.perf_counter()
    with gzip.open(path, "rb") as gz:
        data = Entrez.read(gz, validate=False)
    return {"n": len(data["PubmedArticle"]), "s": time.perf_counter() - t}


def child_import(path: str, db: str) -> dict[str, Any]:
    from aggregator.config import Settings
    from aggregator.pipeline import import_paths
    from aggregator.store import Store

    t = time.perf_counter()
    with Store(db) as store:
        result = import_paths(Settings(db_path=Path(db)), store, [path])
    s = time.perf_counter() - t
    return {"n": result.counts["new"] + result.counts["changed"], "s": s,
            "db_mb": Path(db).stat().st_size / 1e6}


def child_retag(db: str) -> dict[str, Any]:
    from aggregator.local import RETAG_POOL_MIN_RECORDS
    from aggregator.pipeline import retag
    from aggregator.store import Store
    from aggregator.vocabulary import load_vocabulary
    from aggregator.workers import default_workers, tag_rows

    vocab = load_vocabulary(ROOT / "queries")
    t = time.perf_counter()
    with Store(db) as store:
        n = retag(store, vocab, everything=True)
        s = time.perf_counter() - t
        # then, apart from the timing above: the CPU one worker spends per record (decoding
        # the stored JSON and tag_record), in this process, on the first 2,000 records
        sample = list(islice(store.iter_record_json(stale_for_version=None), 2000))
    tag_rows(sample[:200], vocab)  # warm
    t = time.process_time()
    tag_rows(sample, vocab)
    cpu_us = (time.process_time() - t) / len(sample) * 1e6
    # the workers retag used (it tags in this process below RETAG_POOL_MIN_RECORDS)
    workers = default_workers() if n >= RETAG_POOL_MIN_RECORDS else 1
    return {"n": n, "s": s, "cpu_us": cpu_us, "workers": workers}


def _server_main(conn: Any, n: int, limits: tuple[int, int]) -> None:
    """FakeEutils in its own process (so it does not share the client's GIL), driven by
    commands over a pipe."""
    sys.path[:0] = [str(ROOT)]
    from tests.eutils_server import FakeEutils

    server = FakeEutils(rate_limits=limits, matcher=lambda term: (lambda keys: True))
    # create dates growing towards the present, as PubMed's do (ESearch slicing assumes it)
    server.add_records(n, start_pmid=30_000_000, crdt_start=date(1970, 1, 1),
                       crdt_end=date(2024, 12, 31), spread="recent", seed=1)
    server.prerender()  # serving then costs copying bytes, not CPU taken from the client
    server.start()
    conn.send(server.url)
    while True:
        cmd, args = conn.recv()
        if cmd == "stop":
            server.stop()
            conn.send(None)
            return
        if cmd == "reset":
            server.reset_log()
            conn.send(None)
        elif cmd == "stats":
            reqs = list(server.requests)
            conn.send({
                "requests": len(reqs),
                "esearch": sum(1 for r in reqs if r.endpoint == "esearch"),
                "efetch": sum(1 for r in reqs if r.endpoint == "efetch"),
                "http429": sum(1 for r in reqs if r.status == 429),
                "max_in_1s": server.max_in_window(),
                "first": min((r.t for r in reqs), default=0.0),
                "last": max((r.t for r in reqs), default=0.0),
            })
        elif cmd == "weekly_changes":
            new_n, changed_n, day = args
            day = date.fromisoformat(day)
            added = server.add_records(new_n, crdt_start=day - timedelta(days=6),
                                       crdt_end=day - timedelta(days=1), seed=2)
            import random

            rng = random.Random(3)
            old = [p for p in server.ids() if p not in set(added)]
            for pmid in rng.sample(old, changed_n):
                server.modify(pmid, revised=day - timedelta(days=2),
                              publication_types=["Randomized Controlled Trial", "Journal Article"])
            conn.send(len(added))


class Server:
    def __init__(self, n: int, limits: tuple[int, int] = (3, 10)) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_server_main, args=(theirs, n, limits), daemon=True)
        self.proc.start()
        self.url = self.conn.recv()

    def call(self, cmd: str, *args: Any) -> Any:
        self.conn.send((cmd, args))
        return self.conn.recv()

    def stop(self) -> None:
        self.call("stop")
        self.proc.join(10)


def _one_indication() -> Any:
    """The real queries with one indication: "40,000 records for one query"."""
    import dataclasses

    from aggregator.queries import load_queries

    qs = load_queries(ROOT / "queries")
    return dataclasses.replace(qs, indications=qs.indications[:1])


def _fetch_settings(url: str, db: str, keyed: bool, batch: int, reports: str) -> Any:
    from aggregator.config import Settings

    return Settings(api_key="bench-key-0123456789" if keyed else None, email="bench@example.org",
                    tool="aggregator-bench", eutils_url=url, db_path=Path(db), batch_size=batch,
                    queries_dir=ROOT / "queries", reports_dir=Path(reports), timeout=60.0)


class StageClock:
    """A :class:`aggregator.run_common.Progress` that notes when each stage ends
    (``perf_counter``): the fetch's ``fetching records`` ends when its last batch is stored;
    ``tagging records`` is what its tagging workers had left then."""

    def __init__(self) -> None:
        self.ends: dict[str, float] = {}
        self._label = ""

    def start(self, label: str, total: int) -> None:
        self._label = label

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        self.ends[self._label] = time.perf_counter()


def child_fetch(n: int, keyed: bool, batch: int, db: str, weekly: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    from aggregator.eutils import EutilsClient
    from aggregator.pipeline import fetch
    from aggregator.store import Store
    from aggregator.vocabulary import load_vocabulary

    queries = _one_indication()
    vocab = load_vocabulary(ROOT / "queries")
    server = Server(n)
    try:
        settings = _fetch_settings(server.url, db, keyed, batch, str(Path(db).parent / "reports"))
        day0 = datetime(2025, 6, 2, 6, 0, tzinfo=UTC) if weekly else None
        store = Store(db, now=(lambda: day0) if day0 else None)
        client = EutilsClient(settings)
        clock = StageClock()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fetch(settings, store, queries, vocab, client=client, now=day0, progress=clock)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0
        stored = clock.ends["fetching records"] - t0
        with sqlite3.connect(db) as conn:
            untagged = conn.execute(
                "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_tags t"
                " WHERE t.pmid = r.pmid AND t.tags_version = ?)", (vocab.version,)).fetchone()[0]
        stats = server.call("stats")
        out = {"n": result.counts.get("fetched", 0), "wall": wall, "cpu": cpu, "stored": stored,
               "untagged": untagged,
               "throttle_wait": client.stats.throttle_wait, "rate": settings.rate,
               "batch": batch, "keyed": keyed, **stats,
               "tail": stored - (stats["last"] - stats["first"])}
        client.close()
        store.close()
        if weekly:
            out["weekly"] = _weekly(server, settings, db, queries, vocab, **weekly)
        return out
    finally:
        server.stop()


def _weekly(server: Server, settings: Any, db: str, queries: Any, vocab: Any, new: int,
            changed: int) -> dict[str, Any]:
    """One weekly run a week after the previous one, with ``new`` new and ``changed`` changed
    records upstream (changed: a new publication type, as when MEDLINE indexes a trial)."""
    from aggregator.eutils import EutilsClient
    from aggregator.pipeline import CRDT_KEY, MDAT_KEY, WEEKLY_KEY, weekly
    from aggregator.store import Store

    day = datetime(2025, 9, 15, 6, 0, tzinfo=UTC)  # > 90 days after the store was filled
    last = (day - timedelta(days=7)).date().isoformat()
    with Store(db, now=lambda: day - timedelta(days=7)) as store:  # last week's run
        for ind in queries.indications:
            store.set_watermark(CRDT_KEY.format(name=ind.name), last)
        store.set_watermark(WEEKLY_KEY, last)
        store.set_watermark(MDAT_KEY, last)
    server.call("weekly_changes", new, changed, day.date().isoformat())
    server.call("reset")
    store = Store(db, now=lambda: day)
    client = EutilsClient(settings)
    t0 = time.perf_counter()
    result = weekly(settings, store, queries, vocab, send=False, client=client, now=day)
    wall = time.perf_counter() - t0
    stats = server.call("stats")
    client.close()
    store.close()
    return {"wall": wall, **stats, "counts": {k: v for k, v in result.counts.items()
                                              if isinstance(v, (int, str))}}


def child_report(db: str, out: str) -> dict[str, Any]:
    from aggregator.config import Settings
    from aggregator.export import export
    from aggregator.report import write_report
    from aggregator.store import Store
    from aggregator.table import records_frame

    settings = Settings(db_path=Path(db), queries_dir=ROOT / "queries", reports_dir=Path(out))
    res: dict[str, Any] = {}
    with Store(db) as store:
        t = time.perf_counter()
        result = write_report(store, settings, out_dir=Path(out))
        res["report_s"] = time.perf_counter() - t
        res["html_mb"] = Path(result.html_path).stat().st_size / 1e6
        res["csv_mb"] = Path(result.csv_path).stat().st_size / 1e6
        res["n"] = store.count()
        res.update(_maxrss_mb())
        t = time.perf_counter()
        df = records_frame(store)
        res["frame_s"] = time.perf_counter() - t
    for kind in ("csv", "ris"):
        t = time.perf_counter()
        export(kind, df, Path(out) / f"export.{kind}")
        res[f"{kind}_s"] = time.perf_counter() - t
        res[f"{kind}_mb"] = (Path(out) / f"export.{kind}").stat().st_size / 1e6
    return res


CHILDREN = {"lxml": child_lxml, "entrez": child_entrez, "import": child_import,
            "retag": child_retag, "fetch": child_fetch, "report": child_report}


def child_main(name: str, args: str) -> None:
    kwargs = json.loads(args)
    with TreeMemory() as mem:
        res = CHILDREN[name](**kwargs)
    res.update(_maxrss_mb())
    res["tree_peak_mb"] = mem.peak_kb / 1024
    print("RESULT " + json.dumps(res))


def settle() -> None:
    """Let the previous measurement's writes reach the disk before the next one starts: an
    import leaves 100-600 MB of dirty pages whose write-back would otherwise run, and compete,
    during whatever is measured next."""
    os.sync()
    time.sleep(0.5)


def spawn(name: str, **kwargs: Any) -> dict[str, Any]:
    settle()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, json.dumps(kwargs)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
    if out.returncode or not lines:
        raise SystemExit(f"benchmark step {name} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(lines[-1][7:])  # type: ignore[no-any-return]


# ================================================================================================
# Orchestration
# ================================================================================================


@dataclass
class Row:
    section: str
    what: str
    value: str
    reference: str = ""
    target: str = ""
    ok: bool | None = None


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args: Any, **kw: Any) -> None:
        row = Row(*args, **kw)
        self.rows.append(row)
        verdict = "" if row.ok is None else ("PASS" if row.ok else "FAIL")
        print(f"  {row.what:<46} {row.value:>24}  {row.reference:<30} {row.target:<26} {verdict}",
              flush=True)


def corpus_file(n: int, where: Path = CACHE) -> Path:
    import corpus

    path = where / f"corpus-{n}.xml.gz"
    if not path.exists():
        print(f"  building {path} ({n:,} records)...", flush=True)
        corpus.write_corpus(path, n, start_pmid=40_000_000, seed=n)
    return path


def med(values: list[float]) -> float:
    return statistics.median(values)


def bench_parse(res: Results, sizes: list[int], entrez_n: int, repeat: int, tmp: Path
                ) -> dict[int, dict[str, Any]]:
    print("Parse + store (pipeline.import_paths, no tagging) vs bare lxml iterparse", flush=True)
    out: dict[int, dict[str, Any]] = {}
    entrez_path = corpus_file(entrez_n, CACHE if entrez_n >= 1000 else tmp)
    entrez: list[dict[str, Any]] = []  # Bio.Entrez.read runs, one after each import of sizes[0]
    first: list[dict[str, Any]] = []  # those imports
    for n in sizes:
        path = corpus_file(n, CACHE if n >= 1000 else tmp)
        runs: dict[str, list[dict[str, Any]]] = {"lxml": [], "import": []}
        for i in range(repeat):
            runs["lxml"].append(spawn("lxml", path=str(path)))
            db = tmp / f"import-{n}-{i}.sqlite"
            runs["import"].append(spawn("import", path=str(path), db=str(db)))
            if n == sizes[0]:
                # Bio.Entrez.read paired with each of these imports: a machine whose speed
                # drifts (shared cores) moves both figures of a pair alike
                first.append(runs["import"][-1])
                entrez.append(spawn("entrez", path=str(entrez_path)))
            if i < repeat - 1:
                _remove_db(db)
        lx = med([r["n"] / r["s"] for r in runs["lxml"]])
        im = med([r["n"] / r["s"] for r in runs["import"]])
        ratios = [b["n"] / b["s"] / (a["n"] / a["s"]) for a, b in zip(runs["lxml"], runs["import"])]
        peak = max(r["tree_peak_mb"] for r in runs["import"])
        out[n] = {"lxml": lx, "import": im, "ratio": med(ratios), "peak": peak,
                  "lxml_peak": max(r["tree_peak_mb"] for r in runs["lxml"]),
                  "import_s": med([r["s"] for r in runs["import"]]),
                  "db": str(tmp / f"import-{n}-{repeat - 1}.sqlite"),
                  "db_mb": runs["import"][-1]["db_mb"],
                  "gz_mb": path.stat().st_size / 1e6}
        res.add("parse", f"bare lxml iterparse, {n:,} records", f"{lx:,.0f} rec/s",
                f"peak {out[n]['lxml_peak']:.0f} MB")
        res.add("parse", f"import (parse + store), {n:,} records", f"{im:,.0f} rec/s",
                f"{med(ratios):.2f}x lxml (runs: " + ", ".join(f"{r:.2f}" for r in ratios) + ")",
                f">= {PARSE_VS_LXML}x lxml", med(ratios) >= PARSE_VS_LXML)
        res.add("parse", f"import peak memory, {n:,} records", f"{peak:.0f} MB",
                "RSS sum of process tree", f"< {IMPORT_PEAK_MB:.0f} MB", peak < IMPORT_PEAK_MB)
    er = med([r["n"] / r["s"] for r in entrez])
    vs = [(a["n"] / a["s"]) / (b["n"] / b["s"]) for a, b in zip(first, entrez)]
    res.add("parse", f"Bio.Entrez.read, {entrez_n:,} records", f"{er:,.0f} rec/s",
            f"peak {max(r['tree_peak_mb'] for r in entrez):.0f} MB")
    res.add("parse", "import vs Bio.Entrez.read", f"{med(vs):.1f}x",
            f"{sizes[0]:,}-record import (runs: " + ", ".join(f"{r:.1f}" for r in vs) + ")",
            f">= {PARSE_VS_ENTREZ:.0f}x", med(vs) >= PARSE_VS_ENTREZ)
    if len(sizes) > 1:
        small, big = out[sizes[0]]["peak"], out[sizes[-1]]["peak"]
        growth = big / small - 1
        res.add("parse", f"peak memory {sizes[-1]:,} vs {sizes[0]:,} records", f"{growth:+.0%}",
                f"{big:.0f} MB vs {small:.0f} MB", f"<= +{IMPORT_PEAK_GROWTH:.0%}",
                growth <= IMPORT_PEAK_GROWTH)
    for n in sizes:
        res.notes.append(f"corpus of {n:,} records: {out[n]['gz_mb']:.1f} MB gzipped; "
                         f"store after import {out[n]['db_mb']:.0f} MB")
    return out


def bench_tag(res: Results, parsed: dict[int, dict[str, Any]], repeat: int) -> None:
    print("Tagging from the store (pipeline.retag, every record)", flush=True)
    for n, info in parsed.items():
        runs = [spawn("retag", db=info["db"]) for _ in range(max(1, repeat // 2))]
        s = med([r["s"] for r in runs])
        share = s / info["import_s"]
        res.add("tag", f"retag {n:,} records", f"{runs[0]['n'] / s:,.0f} rec/s",
                f"{s:.1f} s vs import {info['import_s']:.1f} s",
                f"< {TAG_SHARE:.0%} of parse time", share < TAG_SHARE)
        res.add("tag", f"tagging share of parse time, {n:,}", f"{share:.0%}")
        # what the bar leaves per record: 25% of the import's wall time, on every worker
        workers = max(1, runs[0]["workers"])
        budget = TAG_SHARE * info["import_s"] * workers / runs[0]["n"] * 1e6
        res.add("tag", f"tagging CPU per record, {n:,}",
                f"{med([r['cpu_us'] for r in runs]):,.0f} us",
                f"bar leaves {budget:,.0f} us ({workers} workers, no other work)")


def bench_fetch(res: Results, n: int, tmp: Path, batches: dict[bool, int], weekly_changes: tuple[int, int]
                ) -> str:
    print(f"Fetch of {n:,} records for one query from FakeEutils (rate-limited like NCBI)",
          flush=True)
    keyed_db = ""
    for keyed in (False, True):
        batch = batches[keyed]
        db = tmp / f"fetch-{'key' if keyed else 'nokey'}.sqlite"
        r = spawn("fetch", n=n, keyed=keyed, batch=batch, db=str(db),
                  weekly=({"new": weekly_changes[0], "changed": weekly_changes[1]} if keyed else None))
        label = f"{'10/s with key' if keyed else '3/s, no key'}, batch {batch:,}"
        slices = 1 + (math.ceil(n / ESEARCH_CAP) if n > ESEARCH_CAP else 0)
        minimum = math.ceil(n / batch) + slices
        ideal = r["requests"] / r["rate"]
        res.add("fetch", f"requests ({label})", f"{r['requests']} ({r['esearch']} esearch)",
                f"minimum {minimum} ({slices} esearch)", f"<= {FETCH_REQUEST_RATIO}x minimum",
                r["requests"] <= FETCH_REQUEST_RATIO * minimum)
        res.add("fetch", f"wall time, all records stored ({label})", f"{r['stored']:.1f} s",
                f"{ideal:.1f} s = requests / rate ({r['stored'] / ideal:.2f}x)",
                f"<= {FETCH_WALL_RATIO}x", r["stored"] <= FETCH_WALL_RATIO * ideal)
        res.add("fetch", f"wall time, all records stored and tagged ({label})",
                f"{r['wall']:.1f} s",
                f"{ideal:.1f} s = requests / rate ({r['wall'] / ideal:.2f}x); "
                f"{r['untagged']} untagged after")
        res.add("fetch", f"429 answers / busiest 1 s ({label})",
                f"{r['http429']} / {r['max_in_1s']} requests", f"limit {int(r['rate'])}/s",
                "0 x 429", r["http429"] == 0)
        res.add("fetch", f"client CPU, storing after last request ({label})",
                f"{r['cpu']:.1f} s CPU", f"{r['tail']:.1f} s after the last request")
        if keyed:
            keyed_db = str(db)
            w = r["weekly"]
            res.add("weekly", f"weekly, {weekly_changes[0]} new + {weekly_changes[1]} changed "
                              f"in {n:,}", f"{w['requests']} requests ({w['esearch']} esearch)",
                    f"{w['wall']:.1f} s wall; fetched {w['counts'].get('fetched')}",
                    f"<= {WEEKLY_MAX_REQUESTS} requests",
                    w["requests"] <= WEEKLY_MAX_REQUESTS and w["http429"] == 0)
    return keyed_db


def bench_report(res: Results, db: str, tmp: Path) -> None:
    print("Report and exports from the store", flush=True)
    r = spawn("report", db=db, out=str(tmp / "reports"))
    res.add("report", f"write_report, {r['n']:,} records", f"{r['report_s']:.1f} s",
            f"peak {r['tree_peak_mb']:.0f} MB", f"< {REPORT_SECONDS:.0f} s",
            r["report_s"] < REPORT_SECONDS)
    res.add("report", "report HTML size", f"{r['html_mb']:.2f} MB", "", f"< {REPORT_HTML_MB:.0f} MB",
            r["html_mb"] < REPORT_HTML_MB)
    res.add("report", "records_frame (store -> DataFrame)", f"{r['frame_s']:.1f} s")
    res.add("report", "export csv", f"{r['csv_s']:.1f} s", f"{r['csv_mb']:.1f} MB")
    res.add("report", "export ris", f"{r['ris_s']:.1f} s", f"{r['ris_mb']:.1f} MB")


def _remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    from lxml import etree

    import aggregator

    return {"CPU": cpu, "cores": str(os.cpu_count()), "RAM": ram,
            "Python": platform.python_version(), "lxml": ".".join(map(str, etree.LXML_VERSION)),
            "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
            "OS": f"{platform.system()} {platform.release()}",
            "aggregator": getattr(aggregator, "__version__", "?"),
            # the subprocesses import aggregator as this process did: the same build
            "modules": aggregator.native.status()}


def write_markdown(path: Path, res: Results, args: argparse.Namespace, started: datetime,
                   seconds: float, loads: list[float]) -> None:
    m = machine()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`benchmarks/run.py`); do not edit by hand. Issue 6's targets,",
        "each figure measured in the same run as its reference (medians of the repeats).",
        "",
        f"- command: `{' '.join(shlex.quote(a) for a in [Path(sys.executable).name, 'benchmarks/run.py', *sys.argv[1:]])}`",
        (f"- run: {started:%Y-%m-%d %H:%M} UTC, {seconds / 60:.1f} min; load average before/after:"
         f" {loads[0]:.1f} / {loads[1]:.1f} (other processes share the cores)"),
        "- machine: " + ", ".join(f"{k} {v}" for k, v in m.items()),
        "",
        "| section | measurement | value | reference | target | |",
        "|---|---|---|---|---|---|",
    ]
    for r in res.rows:
        verdict = "" if r.ok is None else ("PASS" if r.ok else "**FAIL**")
        lines.append(f"| {r.section} | {r.what} | {r.value} | {r.reference} | {r.target} | {verdict} |")
    lines += ["", "Notes:", ""]
    lines += [f"- {n}" for n in res.notes]
    lines += ["", METHOD]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


METHOD = """How it is measured:

- Every measurement runs in its own subprocess, after `sync` and a 0.5 s pause (an import
  leaves 100-600 MB of dirty pages; their write-back would otherwise run during the next
  measurement). The parse section's stores are deleted before the fetch section.
- Code: what `make` installs, including the mypyc-compiled build of the tagging and XML
  field-extraction modules (`aggregator.native`; the machine line's `modules` says whether it
  ran). With `AGGREGATOR_PURE=1` the same code runs as plain Python, ~20% slower on tagging.
- Corpora: `benchmarks/corpus.py` renders real-format PubMed XML (pretty-printed like efetch
  output; structured abstract, authors with affiliations, MeSH with qualifiers, chemicals,
  grants, history, references) of ~12.5 KB per record, with fresh PMIDs and dates, gzipped
  (level 6), cached in `.bench/`.
- Parse: `aggregator.pipeline.import_paths` (what `aggregator import FILE` runs, without a
  vocabulary, so no tagging) into a new store, against a bare `lxml.etree.iterparse` pass over
  the same gzipped file (clearing each element and deleting previous siblings), each in its own
  subprocess, alternately, `--repeat` times; the ratio is the median of the per-pair ratios.
  Peak memory: the summed RSS of the subprocess and its descendants (parser workers and
  forkserver), sampled every 50 ms (an upper bound: shared pages are counted once per
  process). `Bio.Entrez.read(validate=False)` reads a 3,000-record file of the same records,
  once after each 20,000-record import; its ratio is the median of those pairs' ratios.
- Tag: `aggregator.pipeline.retag(store, vocab, everything=True)` on the imported store
  (from the stored records, no PubMed), compared with the import time of the same records.
  "Tagging CPU per record" is one worker's share of that work (`workers.tag_rows`: decode
  the stored JSON, `tag_record`), timed with the process clock on 2,000 stored records after
  the re-tag; the budget beside it is what the 25% bar leaves per record when the workers
  did nothing else (no store reads, no transfers, no writes).
- Fetch: `aggregator.pipeline.fetch` against `tests/eutils_server.FakeEutils` in its own
  process, holding 40,000 records (~4 KB each; create dates 1970-2024, denser towards the
  present like PubMed's) matched by one indication query, limiting
  requests like NCBI (3/s, 10/s with a key; a 429 beyond). The server renders its records'
  XML before the timing starts (``FakeEutils.prerender``): it shares the client's two cores,
  which NCBI's servers do not. Minimum requests: ceil(records /
  batch) efetch + 1 ESearch + ceil(records / 9,999) date slices (ESearch lists at most 9,999
  ids). Two wall times are compared with requests / allowed rate: until every record is
  stored (the end of the fetch's "fetching records" stage: parsed and stored, batch by batch,
  behind the network; the target) and until every record is also tagged (the end of the
  fetch). Tagging runs in lower-priority workers that use the CPU the fetch leaves and finish
  after it; its cost is the Tag section's. "after last request" is the storing not overlapped
  by the network (the last batch's parsing and storing), and "untagged after" counts the
  stored records without tags of the current vocabulary when the fetch returned (0: the
  fetch waits for its tagging).
- Weekly: `aggregator.pipeline.weekly(send=False)` one week after the previous run, on the
  keyed fetch's store, with 100 new records and 300 changed ones (new publication type, [mdat]
  in the week) upstream; the store was filled more than 90 days before, so no record is still
  re-fetched as waiting for MeSH.
- Report: `aggregator.report.write_report` (HTML + CSV) on the keyed fetch's store, then
  `records_frame` and `export` csv/ris."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", nargs=2, metavar=("NAME", "ARGS"), help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="a smoke run on a few hundred records")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each parse/lxml pair")
    ap.add_argument("--only", default="parse,tag,fetch,weekly,report",
                    help="comma-separated sections")
    ap.add_argument("--out", type=Path, default=None,
                    help="markdown file to write (default docs/benchmarks.md; --quick: none)")
    ap.add_argument("--keyless-batch", type=int, default=1000)
    ap.add_argument("--keyed-batch", type=int, default=500)
    args = ap.parse_args(argv)
    if args.child:
        child_main(*args.child)
        return 0
    sections = set(args.only.split(","))
    if args.quick:
        sizes, entrez_n, fetch_n, repeat, changes = [300, 600], 100, 600, 1, (10, 30)
        batches = {False: 200, True: 200}
    else:
        sizes, entrez_n, fetch_n, repeat, changes = [20_000, 100_000], 3_000, 40_000, args.repeat, (100, 300)
        batches = {False: args.keyless_batch, True: args.keyed_batch}
    out_path = args.out if args.out else (None if args.quick else ROOT / "docs" / "benchmarks.md")
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    loads = [os.getloadavg()[0]]
    res = Results()
    print(f"machine: {machine()}; load average {loads[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="aggregator-bench-") as tmpdir:
        tmp = Path(tmpdir)
        parsed: dict[int, dict[str, Any]] = {}
        if sections & {"parse", "tag"}:
            parsed = bench_parse(res, sizes, entrez_n, repeat, tmp)
        if "tag" in sections:
            bench_tag(res, parsed, repeat)
        for info in parsed.values():  # not needed any more: gone before the next section
            _remove_db(Path(info["db"]))
        db = ""
        if sections & {"fetch", "weekly", "report"}:
            db = bench_fetch(res, fetch_n, tmp, batches, changes)
        if "report" in sections and db:
            bench_report(res, db, tmp)
    loads.append(os.getloadavg()[0])
    if out_path is not None:
        write_markdown(out_path, res, args, started, time.perf_counter() - t0, loads)
        print(f"wrote {out_path}")
    failed = [r for r in res.rows if r.ok is False]
    print(f"{len(res.rows)} measurements, {sum(r.ok is True for r in res.rows)} PASS, "
          f"{len(failed)} FAIL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
