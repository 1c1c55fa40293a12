"""Load and validate the tagging vocabulary (``queries/vocabulary.toml``) into compiled rules.

The vocabulary is data: MeSH descriptors, title/abstract patterns, exclusions, design rules,
population and age cues and sample-size phrases, one place per topic. A researcher extends it
without touching code; a bad entry raises :class:`~aggregator.errors.VocabularyError` naming the
file, the line and the field (``conditions.trd.strong[2]``). All regexes are compiled once here,
so :func:`aggregator.tag.tag_record` only runs them.

Layout: this module holds the TOML loader; the label ids and the rule dataclasses
(:class:`LabelRule`, :class:`DesignRule`, :class:`SizeRule`, :class:`Vocabulary`) are in
:mod:`aggregator.rules`. The patterns
become :class:`~aggregator.matcher.Matcher` objects (:mod:`aggregator.matcher`, the fast
matching engine) built from what :mod:`aggregator.regex_source` reads in their sources; that
module also holds the ``{num}`` macro and :func:`~aggregator.regex_source.parse_number`. The
names other modules use are re-exported here, so ``aggregator.vocabulary`` stays the one import.

Example::

    vocab = load_vocabulary(Path("queries"))
    tags = tag_record(record, vocab)
    print(vocab.version)   # short hash of the file: stored with the tags
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import VocabularyError

# TextIndex, lower_text, word_prefixes: not used here, re-exported (__all__) for other modules
from .matcher import Matcher, Scanner, TextIndex, lower_text, word_prefixes
from .queries import TomlSource, definition_file
from .regex_source import NUM, parse_number, pattern_error
from .rules import (
    AGE_GROUPS,
    CONDITIONS,
    DESIGNS,
    INDEX_WORDS,
    POPULATIONS,
    ROUTES,
    SCOPES,
    SECTION_KINDS,
    DesignRule,
    LabelRule,
    SizeRule,
    Vocabulary,
    topic_plan,
)

__all__ = ["AGE_GROUPS", "CONDITIONS", "DESIGNS", "NUM", "POPULATIONS", "ROUTES", "DesignRule",
           "LabelRule", "Matcher", "Scanner", "SizeRule", "TextIndex", "Vocabulary",
           "load_vocabulary", "lower_text", "parse_number", "topic_plan", "word_prefixes"]

VOCABULARY_FILE = "vocabulary.toml"

_LABEL_KEYS: dict[str, type] = {"title": str, "mesh": list, "patterns": list, "strong": list,
                                "exclude": list, "exclude_unless": list, "fallback": list,
                                "implies": list,
                                "generic": list, "generic_unless": list,
                                "generic_weight": float,
                                "min_score": float, "strong_weight": float,
                                "mesh_lead": float}
_TOP = {"macros", "ketamine", "scoring", "weights", "sections", "conditions", "routes", "design",
        "population", "age_groups", "sample_size"}


class _Loader:
    def __init__(self, src: TomlSource) -> None:
        self.src = src
        self.macros: dict[str, str] = {"num": NUM}

    # -- helpers ----------------------------------------------------------------------------
    def fail(self, message: str, section: str, key: str = "", index: int = 0,
             field: str | None = None, value: str | None = None) -> VocabularyError:
        line = self.src.line(section, index, key)
        if value is not None and line is not None:
            line = self._value_line(line, value) or line
        return VocabularyError(message, path=self.src.path, line=line,
                               field=field or (f"{section}.{key}" if key else section))

    def _value_line(self, start: int, value: str) -> int | None:
        probe = value[:40]
        lines = self.src.text.splitlines()
        for no in range(start - 1, min(len(lines), start + 200)):
            if probe in lines[no]:
                return no + 1
        return None

    def table(self, data: Any, section: str, allowed: dict[str, type] | None,
              index: int = 0, where: str | None = None) -> dict[str, Any]:
        where = where or section
        if not isinstance(data, dict):
            raise self.fail(f"expected a table, got {type(data).__name__}", section, index=index,
                            field=where)
        if allowed is not None:
            for key, value in data.items():
                if key not in allowed:
                    raise self.fail(f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})",
                                    section, key, index, field=f"{where}.{key}")
                kind = allowed[key]
                ok = isinstance(value, kind) and not isinstance(value, bool)
                if kind is float:
                    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
                if not ok:
                    raise self.fail(f"expected {kind.__name__}, got {type(value).__name__}",
                                    section, key, index, field=f"{where}.{key}")
        return data

    def expand(self, pattern: str, section: str, key: str, index: int, where: str) -> str:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in self.macros:
                raise self.fail(f"unknown macro {{{name}}} (known: "
                                f"{', '.join(sorted(self.macros))})", section, key, index,
                                field=where, value=pattern)
            return self.macros[name]

        return re.sub(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", sub, pattern)

    def regex(self, patterns: Any, section: str, key: str, index: int = 0,
              where: str | None = None, flags: int = re.IGNORECASE) -> Matcher | None:
        """Check each pattern alone (to name the bad one), then compile the alternation."""
        where = where or f"{section}.{key}"
        if isinstance(patterns, str):
            patterns = [patterns]
            single = True
        else:
            single = False
        if not isinstance(patterns, list):
            raise self.fail("expected a list of patterns", section, key, index, field=where)
        parts = []
        for i, pat in enumerate(patterns):
            here = where if single else f"{where}[{i}]"
            if not isinstance(pat, str) or not pat.strip():
                raise self.fail("expected a non-empty pattern string", section, key, index,
                                field=here)
            expanded = self.expand(pat, section, key, index, here)
            error = pattern_error(expanded, flags)
            if error is not None:
                raise self.fail(f"bad regular expression {pat!r}: {error}", section, key, index,
                                field=here, value=pat)
            parts.append(expanded)
        if not parts:
            return None
        return Matcher(parts)

    def labels(self, data: Any, topic: str, known: frozenset[str] | tuple[str, ...],
               min_score: float, strong_weight: float, mesh_lead: float = 0.0
               ) -> tuple[LabelRule, ...]:
        self.table(data, topic, None)
        rules: list[LabelRule] = []
        for label, body in data.items():
            section = f"{topic}.{label}"
            if label not in known:
                raise self.fail(f"unknown {topic} label {label!r} (known: "
                                f"{', '.join(sorted(known))})", section, field=section)
            self.table(body, section, _LABEL_KEYS)
            uis: set[str] = set()
            names: set[str] = set()
            for i, m in enumerate(body.get("mesh", [])):
                where = f"{section}.mesh[{i}]"
                if not isinstance(m, dict) or not set(m) <= {"ui", "name"} or not m:
                    raise self.fail("expected { ui = \"D000000\", name = \"...\" }", section,
                                    "mesh", field=where)
                ui = m.get("ui")
                if ui is not None and (not isinstance(ui, str)
                                       or not re.fullmatch(r"D\d{6}(?:\d{3})?", ui)):
                    raise self.fail(f"bad MeSH UI {ui!r} (expected D + 6 or 9 digits)", section,
                                    "mesh", field=where, value=str(ui))
                name = m.get("name")
                if name is not None and not isinstance(name, str):
                    raise self.fail("MeSH name must be a string", section, "mesh", field=where)
                if ui:
                    uis.add(ui)
                if name:
                    names.add(name.lower())
            implies = body.get("implies", [])
            for i, other in enumerate(implies):
                if other not in known:
                    raise self.fail(f"implies unknown label {other!r}", section, "implies",
                                    field=f"{section}.implies[{i}]")
            patterns = self.regex(body.get("patterns", []), section, "patterns")
            strong = self.regex(body.get("strong", []), section, "strong")
            fallback = self.regex(body.get("fallback", []), section, "fallback")
            generic = self.regex(body.get("generic", []), section, "generic")
            unless = body.get("generic_unless", [])
            if unless and generic is None:
                raise self.fail("generic_unless without generic patterns", section,
                                "generic_unless", field=f"{section}.generic_unless")
            exclude = self.regex(body.get("exclude", []), section, "exclude")
            exclude_unless = self.regex(body.get("exclude_unless", []), section,
                                        "exclude_unless")
            if exclude_unless is not None and exclude is None:
                raise self.fail("exclude_unless without exclude patterns", section,
                                "exclude_unless", field=f"{section}.exclude_unless")
            if not (patterns or strong or fallback or generic or uis or names):
                raise self.fail("no mesh, patterns, strong, fallback or generic: the label can "
                                "never be tagged", section, field=section)
            rules.append(LabelRule(
                label=label,
                title=body.get("title", label),
                mesh_uis=frozenset(uis),
                mesh_names=frozenset(names),
                patterns=patterns,
                strong=strong,
                exclude=exclude,
                exclude_unless=exclude_unless,
                fallback=fallback,
                generic=generic,
                generic_unless=tuple(unless),
                generic_weight=float(body.get("generic_weight", 1.0)),
                implies=tuple(implies),
                min_score=float(body.get("min_score", min_score)),
                strong_weight=float(body.get("strong_weight", strong_weight)),
                mesh_lead=float(body.get("mesh_lead", mesh_lead)),
            ))
        # generic patterns yield to labels decided before them: labels of this topic that
        # have no generic_unless of their own
        decided = {r.label for r in rules if not r.generic_unless}
        for rule in rules:
            for i, other in enumerate(rule.generic_unless):
                if other not in decided:
                    section = f"{topic}.{rule.label}"
                    raise self.fail(f"generic_unless names {other!r}: expected a {topic} label "
                                    "of this file that has no generic_unless of its own",
                                    section, "generic_unless",
                                    field=f"{section}.generic_unless[{i}]")
        return tuple(rules)


def load_vocabulary(path: Path | str) -> Vocabulary:
    """Load, validate and compile the vocabulary.

    :param path: ``queries/`` (reads ``vocabulary.toml`` in it) or the file itself.
    :raises VocabularyError: naming file, line and field of the first mistake.
    """
    path = definition_file(path, VOCABULARY_FILE, VocabularyError, "vocabulary")
    src = TomlSource(path, VocabularyError)
    ld = _Loader(src)
    data = src.data
    for key in data:
        if key not in _TOP:
            raise ld.fail(f"unknown key {key!r} (allowed: {', '.join(sorted(_TOP))})", key)
    for key in ("conditions", "routes", "design"):
        if key not in data:
            raise ld.fail(f"missing [{key}]", "", field=key)

    macros = ld.table(data.get("macros", {}), "macros", None)
    for name, value in macros.items():
        if not isinstance(value, str):
            raise ld.fail("expected a pattern string", "macros", name)
    for name, value in macros.items():
        ld.macros[name] = ld.expand(value, "macros", name, 0, f"macros.{name}")
        ld.regex([ld.macros[name]], "macros", name, where=f"macros.{name}")

    scoring = ld.table(data.get("scoring", {}), "scoring",
                       {"conditions_min_score": float, "routes_min_score": float,
                        "age_groups_min_score": float, "strong_weight": float,
                        "conditions_mesh_lead": float, "routes_mesh_lead": float,
                        "age_groups_mesh_lead": float})
    strong_weight = float(scoring.get("strong_weight", 2.0))

    weights_in = ld.table(data.get("weights", {}), "weights",
                          {k: float for k in (*SECTION_KINDS, "excluded", "secondary",
                                              "mesh_weight")})
    weights = {k: 1.0 for k in SECTION_KINDS}
    weights.update({"title": 3.0, "background": 0.5, "limitations": 0.0, "excluded": 0.0})
    weights.update({k: float(v) for k, v in weights_in.items()})
    weights.setdefault("secondary", weights["methods"])
    mesh_weight = weights.pop("mesh_weight", 1.5)

    sec_allowed: dict[str, type] = {k: list for k in SECTION_KINDS}
    sec_allowed.update(objective_cues=list, methods_cues=list, excluded_cues=list,
                       negation_cues=list, secondary_cues=list, secondary_sentence_cues=list,
                       future_cues=list, healthy_cues=list)
    sections = ld.table(data.get("sections", {}), "sections", sec_allowed)
    keywords: list[tuple[str, str]] = []
    for kind in SECTION_KINDS:
        for i, word in enumerate(sections.get(kind, [])):
            if not isinstance(word, str) or not word.strip():
                raise ld.fail("expected a heading keyword", "sections", kind,
                              field=f"sections.{kind}[{i}]")
            keywords.append((word.upper(), kind))
    # phrases before single words ("CASE SUMMARY" is the case, not a "SUMMARY"; "MEASUREMENTS
    # AND MAIN RESULTS" is results, not a "MEASURE"), each in the order written
    keywords.sort(key=lambda kw: " " not in kw[0])
    # "BACKGROUND: ", "DESIGN, SETTING, AND PARTICIPANTS: ", "Methods: " (the caller checks
    # that a heading starts the abstract or follows a sentence end, and takes headings not in
    # capitals only from abstracts that have several). Possessive: tried at every capital
    # letter, a run that may be mixed case and does not end in ":" must fail at once, not
    # backtrack through up to 60 letters (tagging took ~15 us more per record).
    heading = re.compile(r"([A-Z][A-Za-z ,&/()'-]{2,60}+):\s")

    conditions = ld.labels(data["conditions"], "conditions", CONDITIONS,
                           float(scoring.get("conditions_min_score", 2.0)), strong_weight,
                           float(scoring.get("conditions_mesh_lead", 0.0)))
    routes = ld.labels(data["routes"], "routes", ROUTES,
                       float(scoring.get("routes_min_score", 1.5)), strong_weight,
                       float(scoring.get("routes_mesh_lead", 0.0)))
    ages = ld.labels(data.get("age_groups", {}), "age_groups", AGE_GROUPS,
                     float(scoring.get("age_groups_min_score", 1.0)), strong_weight,
                     float(scoring.get("age_groups_mesh_lead", 0.0)))

    # -- design -------------------------------------------------------------------------------
    design = ld.table(data["design"], "design",
                      {"order": list, "default": str, "publication_types": dict, "rule": list,
                       "with_sample_size": dict})
    order = design.get("order", list(DESIGNS))
    for i, d in enumerate(order):
        if d not in DESIGNS:
            raise ld.fail(f"unknown design {d!r}", "design", "order",
                          field=f"design.order[{i}]", value=f'"{d}"')
    order += [d for d in DESIGNS if d not in order]
    default = design.get("default", "other")
    if default not in DESIGNS:
        raise ld.fail(f"unknown design {default!r}", "design", "default")
    ptypes = ld.table(design.get("publication_types", {}), "design.publication_types", None)
    for name, d in ptypes.items():
        if d not in DESIGNS:
            raise ld.fail(f"unknown design {d!r} (known: {', '.join(DESIGNS)})",
                          "design.publication_types", name,
                          field=f"design.publication_types.{name}")
    rules = []
    for i, rule in enumerate(design.get("rule", [])):
        where = f"design.rule[{i}]"
        ld.table(rule, "design.rule", {"design": str, "scope": str, "patterns": list,
                                       "exclude": list, "population": list}, i, where)
        for req in ("design", "patterns"):
            if req not in rule:
                raise ld.fail(f"missing required key {req!r}", "design.rule", index=i,
                              field=f"{where}.{req}")
        if rule["design"] not in DESIGNS:
            raise ld.fail(f"unknown design {rule['design']!r} (known: {', '.join(DESIGNS)})",
                          "design.rule", "design", i, field=f"{where}.design")
        scope = rule.get("scope", "lead")
        if scope not in SCOPES:
            raise ld.fail(f"unknown scope {scope!r} (known: {', '.join(SCOPES)})",
                          "design.rule", "scope", i, field=f"{where}.scope")
        pops = rule.get("population", [])
        for j, p in enumerate(pops):
            if p not in POPULATIONS:
                raise ld.fail(f"unknown population {p!r}", "design.rule", "population", i,
                              field=f"{where}.population[{j}]")
        pat = ld.regex(rule["patterns"], "design.rule", "patterns", i, f"{where}.patterns")
        if pat is None:
            raise ld.fail("empty patterns", "design.rule", "patterns", i,
                          field=f"{where}.patterns")
        rules.append(DesignRule(
            design=rule["design"], scope=scope, patterns=pat,
            exclude=ld.regex(rule.get("exclude", []), "design.rule", "exclude", i,
                             f"{where}.exclude"),
            population=tuple(pops),
        ))
    wss = design.get("with_sample_size", {})
    ld.table(wss, "design.with_sample_size", {"design": str})
    with_size = wss.get("design")
    if with_size is not None and with_size not in DESIGNS:
        raise ld.fail(f"unknown design {with_size!r}", "design.with_sample_size", "design")

    # -- population ---------------------------------------------------------------------------
    pop = ld.table(data.get("population", {}), "population", None)
    pop_default = pop.get("default", "human")
    if pop_default not in POPULATIONS:
        raise ld.fail(f"unknown population {pop_default!r}", "population", "default")
    pop_rules = []
    for name, body in pop.items():
        if name == "default":
            continue
        section = f"population.{name}"
        if name not in POPULATIONS:
            raise ld.fail(f"unknown population {name!r} (known: {', '.join(POPULATIONS)})",
                          section, field=section)
        ld.table(body, section, {"patterns": list, "title_weight": float})
        pat = ld.regex(body.get("patterns", []), section, "patterns")
        if pat is not None:
            pop_rules.append((name, pat, float(body.get("title_weight", 3.0))))

    # -- sample size --------------------------------------------------------------------------
    size_rules = []
    ss = ld.table(data.get("sample_size", {}), "sample_size",
                  {"rule": list, "no_sample_cues": list, "single_case_cues": list})
    for i, rule in enumerate(ss.get("rule", [])):
        where = f"sample_size.rule[{i}]"
        ld.table(rule, "sample_size.rule", {"pattern": str, "designs": list,
                                            "not_designs": list}, i, where)
        if "pattern" not in rule:
            raise ld.fail("missing required key 'pattern'", "sample_size.rule", index=i,
                          field=f"{where}.pattern")
        for key in ("designs", "not_designs"):
            for j, d in enumerate(rule.get(key, [])):
                if d not in DESIGNS:
                    raise ld.fail(f"unknown design {d!r}", "sample_size.rule", key, i,
                                  field=f"{where}.{key}[{j}]")
        pat = ld.regex(rule["pattern"], "sample_size.rule", "pattern", i, f"{where}.pattern")
        assert pat is not None
        if "n" not in pat.groupindex:
            raise ld.fail("the pattern needs a (?P<n>...) group for the number",
                          "sample_size.rule", "pattern", i, field=f"{where}.pattern")
        size_rules.append(SizeRule(pat, tuple(rule.get("designs", ())),
                                   tuple(rule.get("not_designs", ()))))

    ket = ld.table(data.get("ketamine", {}), "ketamine",
                   {"model": list, "misuse": list, "anaesthetic_tool": list, "named": list,
                    "aside": list, "adjunct": list})

    def cues(name: str) -> Matcher | None:
        return ld.regex(sections.get(name, []), "sections", name)

    vocab = Vocabulary(
        version=src.version,
        source=path,
        conditions=conditions,
        routes=routes,
        age_groups=ages,
        weights=weights,
        mesh_weight=mesh_weight,
        section_keywords=tuple(keywords),
        section_heading=heading,
        objective_cues=cues("objective_cues"), methods_cues=cues("methods_cues"),
        excluded_cues=cues("excluded_cues"),
        negation_cues=cues("negation_cues"),
        secondary_cues=cues("secondary_cues"),
        secondary_sentence_cues=cues("secondary_sentence_cues"),
        future_cues=cues("future_cues"),
        healthy_cues=cues("healthy_cues"),
        design_order=tuple(order),
        design_default=default,
        design_with_sample_size=with_size,
        publication_types={k.lower(): v for k, v in ptypes.items()},
        design_rules=tuple(rules),
        population_default=pop_default,
        population_rules=tuple(pop_rules),
        size_rules=tuple(size_rules),
        no_sample_cues=ld.regex(ss.get("no_sample_cues", []), "sample_size", "no_sample_cues"),
        single_case_cues=ld.regex(ss.get("single_case_cues", []), "sample_size",
                                  "single_case_cues"),
        ketamine_model=ld.regex(ket.get("model", []), "ketamine", "model"),
        ketamine_misuse=ld.regex(ket.get("misuse", []), "ketamine", "misuse"),
        ketamine_tool=ld.regex(ket.get("anaesthetic_tool", []), "ketamine", "anaesthetic_tool"),
        ketamine_named=ld.regex(ket.get("named", []), "ketamine", "named"),
        ketamine_aside=ld.regex(ket.get("aside", []), "ketamine", "aside"),
        ketamine_adjunct=ld.regex(ket.get("adjunct", []), "ketamine", "adjunct"),
        macros=dict(ld.macros),
    )
    scanner = Scanner(vocab.matchers(), INDEX_WORDS)
    object.__setattr__(vocab, "scanner", scanner)
    vocab.plans.update((topic, topic_plan(getattr(vocab, topic)))
                       for topic in ("conditions", "routes", "age_groups"))
    aside, adjunct, named = vocab.ketamine_aside, vocab.ketamine_adjunct, vocab.ketamine_named
    if (aside is not None and adjunct is not None and named is not None
            and aside.owner is scanner and adjunct.owner is scanner and named.owner is scanner):
        # the words a title's aside or adjunct phrase may start at (see tag._cue_in_title)
        object.__setattr__(vocab, "ketamine_cues",
                           (aside.word_starts | adjunct.word_starts) - named.word_starts)
    return vocab
