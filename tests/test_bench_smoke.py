"""The benchmark script still runs (issue 6): `benchmarks/run.py --quick` on a few hundred
records, every section, writing its markdown table. No timing assertions: only that each
section produced its rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_mode_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        # (a hang guard: alone on the machine it takes about a minute; CI machines and
        # machines busy with other work are slower)
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text(encoding="utf-8")
    for section in ("| parse |", "| tag |", "| fetch |", "| weekly |", "| report |"):
        assert section in text, text
    assert "PASS" in text and "machine:" in text and "lxml" in text
    # Bio.Entrez.read is paired with each import, and the ratio says which runs it comes from
    entrez = next(line for line in text.splitlines() if "import vs Bio.Entrez.read" in line)
    assert "(runs: " in entrez, entrez
