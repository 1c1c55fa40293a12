"""The tagging vocabulary's data model: DESIGN.md's label ids and the compiled rule dataclasses.

:func:`aggregator.vocabulary.load_vocabulary` reads ``queries/vocabulary.toml`` into these
(re-exported there, the one import for other modules); :mod:`aggregator.tag` applies them. The
label ids are the contract of the table and the CSV.

Example::

    from aggregator.rules import CONDITIONS, LabelRule

    rule = LabelRule("ptsd", "PTSD", mesh_uis=frozenset({"D013313"}))
    rule.label in CONDITIONS    # True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .matcher import Matcher, Scanner
from .registrations import _REGISTRIES

__all__ = [
    "AGE_GROUPS",
    "CONDITIONS",
    "DESIGNS",
    "INDEX_WORDS",
    "POPULATIONS",
    "ROUTES",
    "SCOPES",
    "SECTION_KINDS",
    "DesignRule",
    "LabelRule",
    "SizeRule",
    "TopicPlan",
    "Vocabulary",
    "topic_plan",
]

#: Word prefixes indexed besides the patterns' own: the trial registries' accession prefixes
#: (their names in :mod:`aggregator.registrations`; EudraCT numbers have none), so that
#: :mod:`aggregator.tag` skips its registration scans when none starts a word.
INDEX_WORDS = tuple(dict.fromkeys(name.lower() for name, _, _ in _REGISTRIES if name != "EudraCT"))

#: DESIGN.md's label ids: the contract of the table and the CSV.
CONDITIONS = frozenset({"depression", "trd", "bipolar", "suicidality", "anxiety", "ptsd", "ocd",
                        "chronic_pain", "acute_pain", "substance_use", "anesthesia"})
ROUTES = frozenset({"iv", "im", "intranasal", "oral", "sublingual", "subcutaneous", "neuraxial",
                    "rectal", "inhaled", "topical"})
DESIGNS = ("meta_analysis", "systematic_review", "rct", "nonrandomized_trial", "observational",
           "case_report", "review", "preclinical", "protocol", "guideline", "other")
POPULATIONS = ("human", "animal", "in_vitro")
AGE_GROUPS = ("child", "adult", "older_adult")
SECTION_KINDS = ("title", "keywords", "objective", "conclusion", "methods", "results", "body",
                 "background", "limitations")
SCOPES = ("title", "lead", "text")


@dataclass(frozen=True)
class LabelRule:
    """How one label (a condition, route or age group) is recognised."""

    label: str
    title: str
    mesh_uis: frozenset[str] = frozenset()
    mesh_names: frozenset[str] = frozenset()
    patterns: Matcher | None = None
    strong: Matcher | None = None
    exclude: Matcher | None = None
    #: an exclusion that lies wholly inside a match of these vetoes nothing (the comparator's
    #: "dexmedetomidine 0.5 ug/kg intravenously" inside "esketamine 0.25 mg/kg plus
    #: dexmedetomidine 0.5 ug/kg intravenously")
    exclude_unless: Matcher | None = None
    fallback: Matcher | None = None
    #: patterns that count (times ``generic_weight``) only when none of ``generic_unless``
    #: (labels of the topic decided first) was tagged: words any study of those uses too ("pain
    #: scores" in a chronic-pain trial, "infusion" in a subcutaneous one)
    generic: Matcher | None = None
    generic_unless: tuple[str, ...] = ()
    generic_weight: float = 1.0
    implies: tuple[str, ...] = ()
    min_score: float = 2.0
    strong_weight: float = 2.0
    #: a minor MeSH heading adds ``Vocabulary.mesh_weight`` only where the text names the label
    #: outside the results in a sentence (or clause) weighing at least this much: a condition
    #: a structured abstract names only in its results, or in its background or a list of
    #: secondary outcomes, is no target of the study's ("Suicidal ideation scores also
    #: decreased" in a TRD cohort indexed *Suicidal Ideation*); 0: anywhere
    mesh_lead: float = 0.0


#: a label rule as :mod:`aggregator.tag` decides it: the rule, the scanner that indexes every
#: word a text match of it (its patterns, strong and generic patterns) can start at and those
#: words' prefixes (a text whose index holds none of them scores 0 without trying a pattern;
#: ``(None, frozenset())`` when some pattern is not indexed), and its MeSH UIs and lower-cased
#: names together
Step = tuple[LabelRule, Scanner | None, frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class TopicPlan:
    """How one topic's labels (conditions, routes or age groups) are decided: labels whose
    generic patterns yield to others come after all the others (``steps``); tags are listed in
    the vocabulary's order (``rank``: label -> position)."""

    steps: tuple[Step, ...]
    rank: dict[str, int]


def _starts(rule: LabelRule) -> tuple[Scanner | None, frozenset[str]]:
    """The scanner and word prefixes of ``rule``'s :data:`Step` (see there)."""
    owner: Scanner | None = None
    starts: set[str] = set()
    for matcher in (rule.patterns, rule.strong, rule.generic):
        if matcher is None:
            continue
        if matcher.owner is None or (owner is not None and matcher.owner is not owner):
            return None, frozenset()
        owner = matcher.owner
        starts |= matcher.word_starts
    return owner, frozenset(starts)


def topic_plan(rules: tuple[LabelRule, ...]) -> TopicPlan:
    """The :class:`TopicPlan` of ``rules``, once their matchers are indexed by a
    :class:`~aggregator.matcher.Scanner` (:func:`aggregator.vocabulary.load_vocabulary`
    computes it once per vocabulary)."""
    steps = tuple((r, *_starts(r), r.mesh_uis | r.mesh_names)
                  for r in sorted(rules, key=lambda r: bool(r.generic_unless)))
    return TopicPlan(steps, {r.label: i for i, r in enumerate(rules)})


@dataclass(frozen=True)
class DesignRule:
    design: str
    scope: str
    patterns: Matcher
    exclude: Matcher | None = None
    population: tuple[str, ...] = ()


@dataclass(frozen=True)
class SizeRule:
    pattern: Matcher
    designs: tuple[str, ...] = ()
    not_designs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary. ``version`` is a short hash of the file's content."""

    version: str
    source: Path
    conditions: tuple[LabelRule, ...]
    routes: tuple[LabelRule, ...]
    age_groups: tuple[LabelRule, ...]
    weights: dict[str, float]
    mesh_weight: float
    section_keywords: tuple[tuple[str, str], ...]
    section_heading: re.Pattern[str]
    objective_cues: Matcher | None
    methods_cues: Matcher | None
    excluded_cues: Matcher | None
    design_order: tuple[str, ...]
    design_default: str
    design_with_sample_size: str | None
    publication_types: dict[str, str]
    design_rules: tuple[DesignRule, ...]
    population_default: str
    population_rules: tuple[tuple[str, Matcher, float], ...]
    size_rules: tuple[SizeRule, ...]
    ketamine_model: Matcher | None = None
    #: ketamine as a drug of misuse or a toxin (recreational use, uropathy, self-administration)
    ketamine_misuse: Matcher | None = None
    ketamine_tool: Matcher | None = None
    #: ketamine by name: where a human study names it says whether it studies it
    ketamine_named: Matcher | None = None
    #: in a study whose title does not name ketamine: mentions of ketamine not given in it
    #: (treatment history, a comparison in passing) ...
    ketamine_aside: Matcher | None = None
    #: ... and of ketamine given without being studied (rescue medication, a regimen all got)
    ketamine_adjunct: Matcher | None = None
    #: cues of a negated clause ("no prior history of mania"): matches in the clause count
    #: ``weights.excluded``, the rest of the sentence as usual
    negation_cues: Matcher | None = None
    #: cues of a sentence that lists secondary outcomes: it counts at most ``weights.secondary``
    secondary_cues: Matcher | None = None
    #: cues of a sentence about measures other than the study's target, wherever the cue
    #: stands in it ("Depressive symptoms (PHQ-9) and sleep were secondary measures", baseline
    #: comorbidity, subgroups): the whole sentence counts at most ``weights.secondary``
    secondary_sentence_cues: Matcher | None = None
    #: cues of future work ("future trials should compare ..."): from the cue to the end of its
    #: clause, matches count ``weights.excluded``
    future_cues: Matcher | None = None
    #: cues of a record with no participants of its own (a decision model): no sample size
    no_sample_cues: Matcher | None = None
    #: cues of a single patient in a case report ("a 34-year-old man", "the case of an
    #: infant"): its sample size is 1 when no rule finds a count and no second age is named
    single_case_cues: Matcher | None = None
    #: cues of a study in healthy volunteers (outside its background): a condition it names
    #: only in its background and conclusion is no condition of its own
    healthy_cues: Matcher | None = None
    macros: dict[str, str] = field(default_factory=dict)
    scanner: Scanner | None = field(default=None, compare=False, repr=False)
    #: set with ``scanner``: the word prefixes (of ``scanner``'s index) that start an aside or
    #: adjunct phrase, other than the drug's names ("previo", "rescue", "unlike"...); None when
    #: some of those phrases are not indexed
    ketamine_cues: frozenset[str] | None = field(default=None, compare=False, repr=False)
    #: set with ``scanner``: each label topic's :class:`TopicPlan`, by field name
    #: ("conditions", "routes", "age_groups"). Not copied by ``dataclasses.replace`` (a copy
    #: with other rules has none: the tagger then plans as it goes)
    plans: dict[str, TopicPlan] = field(default_factory=dict, init=False, compare=False,
                                        repr=False)
    #: section heading -> its kind by ``section_keywords`` (None: no section), filled as
    #: headings are met: abstracts repeat a few dozen ("BACKGROUND", "METHODS"), each looked up
    #: in ~40 keywords once. Not copied by ``dataclasses.replace`` either
    heading_kinds: dict[str, str | None] = field(default_factory=dict, init=False,
                                                 compare=False, repr=False)

    def matchers(self) -> list[Matcher]:
        """Every compiled pattern list of the vocabulary."""
        out: list[Matcher | None] = []
        for rules in (self.conditions, self.routes, self.age_groups):
            for r in rules:
                out += [r.patterns, r.strong, r.exclude, r.exclude_unless, r.fallback,
                        r.generic]
        for d in self.design_rules:
            out += [d.patterns, d.exclude]
        out += [m for _, m, _ in self.population_rules]
        out += [r.pattern for r in self.size_rules]
        out += [self.objective_cues, self.methods_cues, self.excluded_cues, self.negation_cues,
                self.secondary_cues, self.secondary_sentence_cues, self.future_cues,
                self.no_sample_cues, self.single_case_cues, self.healthy_cues,
                self.ketamine_model, self.ketamine_misuse, self.ketamine_tool,
                self.ketamine_named, self.ketamine_aside, self.ketamine_adjunct]
        return [m for m in out if m is not None]
