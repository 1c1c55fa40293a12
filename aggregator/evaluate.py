"""Score the tagger against labelled real records (``../shared/labels/ketamine_dev.jsonl``).

Run as ``python -m aggregator.evaluate [--labels DIR] [--misses]`` (``make eval``). Prints
precision, recall and F1 per label with micro/macro averages for conditions and routes, design
accuracy and sample-size exact agreement, for the ``ours`` records (DESIGN.md vocabulary) and
the ``psynamic`` records (mapped as ``labels/README.md`` says; only labels with a counterpart
are scored) -- twice: as the records are, and with MeSH and publication types removed (as on
brand-new PubMed records). Exits 0 with "skipped: ..." when the labels are absent.

Example::

    python -m aggregator.evaluate --misses
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Coded, MeshHeading, Record, Tags
from .tag import tag_record
from .vocabulary import CONDITIONS, ROUTES, Vocabulary, load_vocabulary

__all__ = ["Evaluation", "evaluate", "load_labelled", "main", "record_from_json"]

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = PROJECT.parent / "shared" / "labels"
LABEL_FILE = "ketamine_dev.jsonl"

# PsyNamic's values -> ours (labels/README.md); values not listed have no counterpart.
PSY_CONDITIONS = {
    "Depression": "depression",
    "Anxiety": "anxiety",
    "Post-traumatic stress disorder (PTSD)": "ptsd",
    "(Chronic) Pain": "pain",
    "Alcoholism": "substance_use",
    "Substance abuse": "substance_use",
    "Other addictions": "substance_use",
    "Recreational Drug Use": "substance_use",
}
#: ours -> the PsyNamic-side label it is scored as
OURS_TO_PSY_CONDITION = {"depression": "depression", "anxiety": "anxiety", "ptsd": "ptsd",
                         "chronic_pain": "pain", "acute_pain": "pain",
                         "substance_use": "substance_use"}
PSY_ROUTES = {"Intravenous": "iv", "Nasal": "intranasal", "Oral": "oral",
              "Subcutaneous": "subcutaneous"}
PSY_DESIGNS = {
    "Randomized-controlled trial (RCT)": {"rct"},
    "Systematic review/meta-analysis": {"systematic_review", "meta_analysis"},
    "Case report": {"case_report"},
    "Case series": {"case_report"},
    "Study protocol": {"protocol"},
    "Cohort study": {"observational"},
    "Real-world study": {"observational"},
}

BARS = {"conditions_micro_f1": 0.90, "routes_micro_f1": 0.92, "design_accuracy": 0.85,
        "sample_size_exact": 0.80}


def record_from_json(row: dict[str, Any], with_mesh: bool = True) -> Record:
    """A :class:`Record` from one labelled line (publication types and MeSH given by name)."""
    year = str(row.get("year") or "")
    return Record(
        pmid=str(row["pmid"]),
        title=row.get("title") or "",
        abstract=row.get("abstract") or "",
        journal=row.get("journal") or None,
        pub_year=int(year) if year.isdigit() else None,
        doi=row.get("doi") or None,
        keywords=list(row.get("keywords") or []),
        publication_types=[Coded(None, n) for n in row.get("publication_types") or []]
        if with_mesh else [],
        mesh=[MeshHeading(None, n) for n in row.get("mesh") or []] if with_mesh else [],
    )


def load_labelled(labels_dir: Path) -> list[dict[str, Any]]:
    """The labelled lines of ``labels_dir/ketamine_dev.jsonl``."""
    path = labels_dir / LABEL_FILE
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# -- scores ------------------------------------------------------------------------------------
@dataclass
class LabelCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if not self.tp and (self.fp or self.fn):
            return 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class MultiLabel:
    labels: Sequence[str]
    counts: dict[str, LabelCounts] = field(default_factory=dict)
    records: int = 0

    def add(self, gold: set[str], pred: set[str]) -> None:
        self.records += 1
        for label in self.labels:
            c = self.counts.setdefault(label, LabelCounts())
            if label in gold and label in pred:
                c.tp += 1
            elif label in pred:
                c.fp += 1
            elif label in gold:
                c.fn += 1

    @property
    def micro(self) -> LabelCounts:
        total = LabelCounts()
        for c in self.counts.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    @property
    def macro_f1(self) -> float:
        used = [c.f1 for c in self.counts.values() if c.tp + c.fp + c.fn]
        return sum(used) / len(used) if used else 1.0


@dataclass
class Agreement:
    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class SchemeScore:
    scheme: str
    conditions: MultiLabel
    routes: MultiLabel
    design: Agreement = field(default_factory=Agreement)
    sample_size: Agreement = field(default_factory=Agreement)
    misses: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    """Scores of one pass (``with_mesh`` True: records as they are)."""

    with_mesh: bool
    ours: SchemeScore
    psynamic: SchemeScore
    records: int
    seconds: float

    def bars(self) -> dict[str, tuple[float, float, bool]]:
        """Each bar of issue 3 for each scheme: (value, bar, met)."""
        out = {}
        for s in (self.ours, self.psynamic):
            values = {"conditions_micro_f1": s.conditions.micro.f1,
                      "routes_micro_f1": s.routes.micro.f1,
                      "design_accuracy": s.design.rate,
                      "sample_size_exact": s.sample_size.rate}
            for name, value in values.items():
                if name == "sample_size_exact" and s.scheme == "psynamic":
                    continue
                out[f"{s.scheme}.{name}"] = (value, BARS[name], value >= BARS[name])
        return out


def _fmt_tags(tags: Tags, kind: str) -> str:
    return ", ".join(f"{t.label}<{t.term}>" for t in getattr(tags, kind)) or "-"


def evaluate(rows: Iterable[dict[str, Any]], vocab: Vocabulary, with_mesh: bool = True
             ) -> Evaluation:
    """Tag every labelled row and score it against its labels."""
    ours = SchemeScore("ours", MultiLabel(sorted(CONDITIONS)), MultiLabel(sorted(ROUTES)))
    psy = SchemeScore("psynamic",
                      MultiLabel(sorted(set(OURS_TO_PSY_CONDITION.values()))),
                      MultiLabel(sorted(set(PSY_ROUTES.values()))))
    rows = list(rows)
    records = [record_from_json(r, with_mesh) for r in rows]
    start = time.perf_counter()
    tagged = [tag_record(rec, vocab) for rec in records]
    seconds = time.perf_counter() - start
    for row, tags in zip(rows, tagged):
        pmid = row["pmid"]
        conds = set(tags.labels("conditions"))
        routes = set(tags.labels("routes"))
        design = tags.design.label if tags.design else None
        miss: list[str] = []
        if row.get("label_source") == "ours":
            gold = row["labels"]
            g_c, g_r = set(gold["conditions"]), set(gold["routes"])
            ours.conditions.add(g_c, conds)
            ours.routes.add(g_r, routes)
            ours.design.total += 1
            ours.design.right += design == gold["design"]
            if g_c != conds:
                miss.append(f"conditions gold={sorted(g_c)} got {_fmt_tags(tags, 'conditions')}")
            if g_r != routes:
                miss.append(f"routes gold={sorted(g_r)} got {_fmt_tags(tags, 'routes')}")
            if design != gold["design"]:
                miss.append(f"design gold={gold['design']} got {design}"
                            f"<{tags.design.term if tags.design else ''}>")
            if gold.get("sample_size") is not None:
                ours.sample_size.total += 1
                ok = tags.sample_size == gold["sample_size"]
                ours.sample_size.right += ok
                if not ok:
                    miss.append(f"sample_size gold={gold['sample_size']} got "
                                f"{tags.sample_size} <{tags.sample_size_evidence}>")
            scheme = ours
        else:
            labels = row.get("psynamic_labels") or {}
            scheme = psy
            if "condition" in labels:
                g_c = {PSY_CONDITIONS[v] for v in labels["condition"] if v in PSY_CONDITIONS}
                p_c = {OURS_TO_PSY_CONDITION[c] for c in conds if c in OURS_TO_PSY_CONDITION}
                psy.conditions.add(g_c, p_c)
                if g_c != p_c:
                    miss.append(f"conditions gold={sorted(g_c)} ({labels['condition']}) got "
                                f"{_fmt_tags(tags, 'conditions')}")
            if "application_form" in labels:
                g_r = {PSY_ROUTES[v] for v in labels["application_form"] if v in PSY_ROUTES}
                p_r = routes & set(PSY_ROUTES.values())
                psy.routes.add(g_r, p_r)
                if g_r != p_r:
                    miss.append(f"routes gold={sorted(g_r)} ({labels['application_form']}) got "
                                f"{_fmt_tags(tags, 'routes')}")
            accepted: set[str] = set()
            for v in labels.get("study_type", []):
                accepted |= PSY_DESIGNS.get(v, set())
            if accepted:
                psy.design.total += 1
                psy.design.right += design in accepted
                if design not in accepted:
                    miss.append(f"design gold={sorted(accepted)} got {design}"
                                f"<{tags.design.term if tags.design else ''}>")
        if miss:
            scheme.misses.append(f"{pmid} {row['title'][:90]}\n    " + "\n    ".join(miss))
    return Evaluation(with_mesh, ours, psy, len(records), seconds)


# -- printing ----------------------------------------------------------------------------------
def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _multilabel_table(title: str, ml: MultiLabel) -> str:
    rows = []
    for label in ml.labels:
        c = ml.counts.get(label, LabelCounts())
        if not (c.tp + c.fp + c.fn):
            rows.append([label, "-", "-", "-", "0", "0", "0"])
            continue
        rows.append([label, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                     str(c.tp), str(c.fp), str(c.fn)])
    m = ml.micro
    rows.append(["micro", f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}",
                 str(m.tp), str(m.fp), str(m.fn)])
    rows.append(["macro", "", "", f"{ml.macro_f1:.3f}", "", "", ""])
    head = f"{title} ({ml.records} records)"
    return head + "\n" + _table([" label", "precision", "recall", "F1", "tp", "fp", "fn"], rows)


def format_evaluation(ev: Evaluation, misses: bool = False) -> str:
    name = ("records as they are (MeSH and publication types where present)" if ev.with_mesh
            else "MeSH and publication types removed")
    out = [f"== Pass: {name} ==",
           (f"tagged {ev.records} records in {ev.seconds:.3f} s "
            f"({ev.records / ev.seconds if ev.seconds else 0:,.0f} records/s)"), ""]
    for s in (ev.ours, ev.psynamic):
        out.append(f"-- {s.scheme} labels --")
        out.append(_multilabel_table("conditions", s.conditions))
        out.append("")
        out.append(_multilabel_table("routes", s.routes))
        out.append("")
        rows = [["design accuracy", f"{s.design.rate:.3f}", f"{s.design.right}/{s.design.total}"]]
        if s.scheme == "ours":
            rows.append(["sample size exact", f"{s.sample_size.rate:.3f}",
                         f"{s.sample_size.right}/{s.sample_size.total}"])
        out.append(_table([" measure", "value", "n"], rows))
        out.append("")
        if misses and s.misses:
            out.append(f"misses ({s.scheme}, {len(s.misses)} records):")
            out.extend(s.misses)
            out.append("")
    rows = [[k, f"{v:.3f}", f">= {b:.2f}", "ok" if ok else "BELOW"]
            for k, (v, b, ok) in ev.bars().items()]
    out.append(_table([" bar", "value", "target", ""], rows))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aggregator.evaluate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS,
                        help=f"folder holding {LABEL_FILE} (default: {DEFAULT_LABELS})")
    parser.add_argument("--queries", type=Path, default=PROJECT / "queries",
                        help="folder (or file) of the vocabulary (default: queries/)")
    parser.add_argument("--misses", action="store_true", help="print every record missed")
    args = parser.parse_args(argv)
    path = args.labels / LABEL_FILE if args.labels.is_dir() or not args.labels.suffix \
        else args.labels
    if not path.exists():
        print(f"skipped: {path} not found (looked for the labelled records there; "
              f"pass --labels DIR)")
        return 0
    from .errors import AggregatorError

    try:
        vocab = load_vocabulary(args.queries)
    except AggregatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    rows = load_labelled(path.parent) if path.name == LABEL_FILE else [
        json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    print(f"labels: {path} ({len(rows)} records); vocabulary {vocab.source} "
          f"version {vocab.version}\n")
    for with_mesh in (True, False):
        print(format_evaluation(evaluate(rows, vocab, with_mesh), misses=args.misses))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
