"""Probe: records/s and peak RSS of aggregator.parse against a bare lxml pass and Bio.Entrez.

Clones one real fixture record (../shared) into N records with fresh PMIDs in a gzipped
PubmedArticleSet, then runs each reader in its own subprocess (so ru_maxrss is its own).

Usage::

    .venv/bin/python benchmarks/parse_probe.py [--records 20000] [--entrez-records 3000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT.parent / "shared/fixtures/eutils/biocommons_eutils_test_eutils_xmlfacades_pubmedarticle_29915538.body.xml"

HEADER = (
    b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
    b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    b"<PubmedArticleSet>\n"
)

RUNNERS = {
    "lxml_iterparse": """
from lxml import etree
import gzip
n = 0
with gzip.open(PATH, "rb") as gz:
    for _, el in etree.iterparse(gz, tag="PubmedArticle"):
        n += 1
        el.clear()
""",
    "iter_file": """
from aggregator.parse import iter_file
n = sum(1 for _ in iter_file(PATH))
""",
    "iter_file_w2": """
from aggregator.parse import iter_file
n = sum(1 for _ in iter_file(PATH, workers=2))
""",
    "entrez_read": """
from Bio import Entrez
import gzip
with gzip.open(PATH, "rb") as gz:
    data = Entrez.read(gz, validate=False)
n = len(data["PubmedArticle"])
""",
}


def make_file(path: Path, n: int) -> None:
    text = FIXTURE.read_bytes()
    m = re.search(rb"<PubmedArticle>.*?</PubmedArticle>", text, re.DOTALL)
    assert m, FIXTURE
    record = m.group(0)
    pmid = re.search(rb"<PMID[^>]*>(\d+)</PMID>", record).group(1)  # type: ignore[union-attr]
    with gzip.open(path, "wb", compresslevel=6) as out:
        out.write(HEADER)
        for i in range(n):
            out.write(record.replace(pmid, str(40_000_000 + i).encode()) + b"\n")
        out.write(b"</PubmedArticleSet>\n")


def run(name: str, path: Path) -> dict[str, float]:
    code = (
        "import resource, time, sys, json\n"
        f"PATH = {str(path)!r}\n"
        "t0 = time.perf_counter()\n"
        + RUNNERS[name]
        + "\nt = time.perf_counter() - t0\n"
        "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'n': n, 's': t, 'rate': n / t, 'rss_mb': rss, 'child_rss_mb': kids}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--entrez-records", type=int, default=3_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp, "big.xml.gz"), Path(tmp, "small.xml.gz")
        make_file(big, args.records)
        make_file(small, args.entrez_records)
        print(f"record: {FIXTURE.name}, {big.stat().st_size / 1e6:.1f} MB gzipped")
        base = None
        for name in ("lxml_iterparse", "iter_file", "iter_file_w2", "entrez_read"):
            res = run(name, small if name == "entrez_read" else big)
            base = base or res["rate"]
            print(
                f"{name:16} {res['n']:>7} records {res['rate']:>9.0f} rec/s "
                f"({res['rate'] / base:4.2f}x lxml)  peak RSS {res['rss_mb']:.0f} MB"
                + (f" (workers {res['child_rss_mb']:.0f} MB)" if res["child_rss_mb"] else "")
            )


if __name__ == "__main__":
    main()
