"""Stage 5: derive conditions, routes, design, population, age groups, sample size,
registrations and correction flags from one record. Pure: no I/O, no globals.

MeSH and publication types are used where present; title/abstract text always (new,
in-process and publisher records have neither). The rules live in the vocabulary
(``queries/vocabulary.toml``, compiled once by :func:`aggregator.vocabulary.load_vocabulary`);
this module only applies them:

- the text is cut into sentences that know their section (title, objective, methods,
  results, conclusion, background...: :mod:`aggregator.document`, whose :func:`segment` is
  re-exported here), so a condition named in the background or as an
  exclusion criterion ("patients with PTSD were excluded") weighs little or nothing, while
  the title, the aims and the conclusions weigh most;
- each tag keeps its provenance: ``mesh``, ``publication_type`` or ``text`` and the exact
  heading or phrase matched.

The registry accession patterns live in :mod:`aggregator.registrations`
(:func:`find_registrations` and :func:`normalise_registration` are re-exported here); this module
keeps the part that needs the record's word index (which registries can occur at all).

Example::

    vocab = load_vocabulary(Path("queries"))
    tags = tag_record(record, vocab)
    tags.labels("conditions")    # ['depression', 'trd']
    tags.design                  # Tag(label='rct', source='text', term='randomized')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise

from .document import Doc, Sentence, segment
from .models import Record, Registration, Tag, Tags
from .registrations import _REGISTRIES, find_registrations, normalise_registration
from .vocabulary import (
    NUM,
    LabelRule,
    Matcher,
    TextIndex,
    Vocabulary,
    parse_number,
    topic_plan,
)

__all__ = ["TAG_FIELDS", "find_registrations", "normalise_registration", "segment", "tag_record"]

#: the :class:`~aggregator.models.Record` fields :func:`tag_record` reads (here and in
#: :mod:`aggregator.document`): re-tagging loads only these (``Record.from_dict(only=...)``).
#: A test checks the tagger's modules read no other field.
TAG_FIELDS = frozenset({"pmid", "title", "abstract", "keywords", "mesh", "publication_types",
                        "registrations", "corrections"})

# -- registrations ----------------------------------------------------------------------------
# (the patterns and scans are in aggregator.registrations; these gates need the tagger's Doc)
# Characters that ``re.IGNORECASE`` matches to an ASCII letter but that do not lower-case to
# one (so the word index cannot see them): İ ı ſ K (looked for one at a time: four substring
# searches take 1 us on a stored record, a regex scan for the class 8 us)
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
# every EudraCT number has this; a literal first character lets ``re`` skip ahead quickly
_EUDRACT_GATE = re.compile(r"-\s?\d{6}")
_REGISTRY_NAMES = tuple(dict.fromkeys((r, r.lower()) for r, _, _ in _REGISTRIES))


def _possible_registries(doc: Doc) -> frozenset[str] | None:
    """The registries whose pattern can match in the title or abstract (None: any). Each
    starts with ``\\b`` + its name, which the word index records (the names are in
    :data:`~aggregator.rules.INDEX_WORDS`); EudraCT numbers need ``-`` + six digits."""
    index = doc.index
    if not isinstance(index, TextIndex):
        return None
    text = doc.text
    if not text.isascii():
        for odd in _ODD_CASE:
            if odd in text:
                return None
    names = {r for r, low in _REGISTRY_NAMES if low in index.keys}
    if _EUDRACT_GATE.search(text):
        names.add("EudraCT")
    return frozenset(names)


def _registrations(record: Record, doc: Doc | None = None) -> list[Registration]:
    out: dict[str, Registration] = {}
    for reg in record.registrations:
        norm = normalise_registration(reg.accession)
        if norm:
            registry, acc = norm
        else:
            registry, acc = reg.registry, re.sub(r"\s+", "", reg.accession).upper()
        out.setdefault(acc.upper(), Registration(registry, acc, reg.source or "databank"))
    registries = _possible_registries(doc) if doc is not None else None
    if registries is not None and not registries:
        return list(out.values())
    for text, source in ((record.title, "text"), (record.abstract, "abstract")):
        for reg in find_registrations(text or "", source, registries):
            out.setdefault(reg.accession.upper(), reg)
    return list(out.values())


# -- labels (conditions, routes, age groups) --------------------------------------------------
def _spans(pattern: Matcher | None, doc: Doc, end: int | None = None
           ) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``doc.text`` (up to ``end``)."""
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(doc.text, doc.lower, 0, end, doc.index)]


def _overlaps(span: tuple[int, int], vetoes: list[tuple[int, int]]) -> bool:
    s, e = span
    return any(vs < e and s < ve for vs, ve in vetoes)


# a range of numbers just before a match ("18-65 " before "years")
_RANGE_BEFORE = re.compile(r"\b\d+(?:\s?[-\u2013~]\s?|\s(?:to|and)\s)\d+\s$")


def _term(text: str, start: int, end: int) -> str:
    """The matched text, widened to its whole hyphenated word when the match starts after a
    hyphen (the evidence for "year-old" in "a 72-year-old man" reads "72-year-old"), and to a
    range of numbers just before it ("years" in "aged 18-65 years" reads "18-65 years")."""
    while start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 1
        while start and text[start - 1].isalnum():
            start -= 1
    if start >= 2 and text[start - 1] == " " and text[start - 2].isdigit():
        m = _RANGE_BEFORE.search(text, max(0, start - 16), start)
        if m is not None:
            start = m.start()
    return text[start:end]


_NONE = (-1.0, 0, 0)


def _span_weight(pos: int, spans: list[tuple[int, int, float]], weight: float) -> float:
    """``weight``, or less where ``pos`` falls in a span that weighs less (``Doc.muted``)."""
    for s, e, w in spans:
        if s <= pos < e and w < weight:
            weight = w
    return weight


def _vetoes(rule: LabelRule, doc: Doc) -> list[tuple[int, int]]:
    """The spans of ``rule``'s exclusions in ``doc``, less those inside an ``exclude_unless``
    span."""
    vetoes = _spans(rule.exclude, doc)
    if vetoes and rule.exclude_unless is not None:
        keep = _spans(rule.exclude_unless, doc)
        vetoes = [(vs, ve) for vs, ve in vetoes
                  if not any(ks <= vs and ve <= ke for ks, ke in keep)]
    return vetoes


def _score(doc: Doc, rule: LabelRule, fallback: bool = False, generic: bool = True,
           implied: tuple[str, ...] = ()) -> tuple[float, str | None, float, float]:
    """(score, best term, best contribution, lead) of one label over the sentences, where
    ``lead`` is the highest weight of a sentence (or clause) outside the results that it is
    matched in. A label matched only in sentences of the ``implied`` kinds (say
    "conclusion") scores 0."""
    vetoes: list[tuple[int, int]] | None = None  # computed only once something matched
    #: sentence -> (best value, its match's start, end): the term is cut for the winner only
    best_per_sentence: dict[int, tuple[float, int, int]] = {}
    lead = 0.0
    groups: list[tuple[Matcher | None, float]] = [
        (rule.patterns, 1.0), (rule.strong, rule.strong_weight)]
    if fallback:
        groups.append((rule.fallback, 1.0))
    if generic and rule.generic is not None:
        groups.append((rule.generic, rule.generic_weight))
    # hot loop: the document's attributes as locals, the sentence lookup inlined
    starts, sentences, lo, hi = doc.starts, doc.sentences, doc.muted_lo, doc.muted_hi
    for pattern, factor in groups:
        if pattern is None:
            continue
        for m in pattern.finditer(doc.text, doc.lower, index=doc.index):
            if vetoes is None:
                vetoes = _vetoes(rule, doc)
            if vetoes and _overlaps(m.span(), vetoes):
                continue
            start = m.start()
            i = bisect_right(starts, start) - 1
            if i < 0:  # noqa: PLR1730 (a comparison: max() is a call, in the hot loop)
                i = 0
            weight = sentences[i].weight
            if lo <= start < hi:
                weight = _span_weight(start, doc.muted, weight)
            if weight > lead and sentences[i].kind != "results":
                lead = weight
            value = weight * factor
            if value > best_per_sentence.get(i, _NONE)[0]:
                best_per_sentence[i] = (value, start, m.end())
    total = sum(v for v, _, _ in best_per_sentence.values())
    if not best_per_sentence:
        return 0.0, None, 0.0, 0.0
    if implied:
        for i, (value, _, _) in best_per_sentence.items():  # a loop: all() costs more here
            # (a match that counts nothing, in an excluded sentence, is no mention)
            if value > 0 and sentences[i].kind not in implied:
                break
        else:
            return 0.0, None, 0.0, 0.0
    i, (value, start, end) = max(best_per_sentence.items(), key=lambda kv: (kv[1][0], -kv[0]))
    return total, _term(doc.text, start, end), value, lead


def _mesh_hits(doc: Doc, rule: LabelRule) -> tuple[str | None, bool]:
    """(heading name, major) of the best MeSH heading of this label."""
    keys = doc.mesh_keys
    if keys.isdisjoint(rule.mesh_uis) and keys.isdisjoint(rule.mesh_names):
        return None, False
    found: str | None = None
    for ui, low, name, major in doc.mesh:
        if (ui and ui in rule.mesh_uis) or low in rule.mesh_names:
            if major:
                return name, True
            found = found or name
    return found, False


def _named_only_excluded(doc: Doc, rule: LabelRule) -> bool:
    """Whether the text names ``rule``'s label and every mention is vetoed by its exclusions
    (the comparator's "intravenous (IV) midazolam", "midazolam 0.1 mg/kg IV")."""
    vetoes: list[tuple[int, int]] | None = None
    found = False
    for pattern in (rule.patterns, rule.strong, rule.generic):
        if pattern is None:
            continue
        for m in pattern.finditer(doc.text, doc.lower, index=doc.index):
            if vetoes is None:
                vetoes = _vetoes(rule, doc)
            if not _overlaps(m.span(), vetoes):
                return False
            found = True
    return found


def _tag_labels(record: Record, doc: Doc, topic: str, vocab: Vocabulary,
                implied: tuple[str, ...] = ()) -> list[Tag]:
    """The labels of one topic (``vocab``'s field name: "conditions", "routes",
    "age_groups"). ``implied``: sentence kinds that alone do not make a label. Conditions
    pass ("conclusion",): "relevant to its effects in mood disorders" at the end of a study is
    an implication, not the study's condition; a route there is the study's own ("A single
    intravenous dose of esketamine reduced ..."). A healthy-volunteer study adds "background"
    (:func:`_implied`)."""
    tags: dict[str, Tag] = {}
    pending: list[LabelRule] = []
    rules: tuple[LabelRule, ...] = getattr(vocab, topic)
    plan = vocab.plans.get(topic) or topic_plan(rules)  # a Vocabulary made by hand has none
    decide, order = plan.steps, plan.rank
    index, mesh_keys = doc.index, doc.mesh_keys
    scanner, keys = (index.owner, index.keys) if type(index) is TextIndex else (None, set())
    for rule, owner, starts, mesh in decide:
        if owner is not None and owner is scanner and starts.isdisjoint(keys):
            score, term, lead = 0.0, None, 0.0  # none of its patterns can match: most labels
        else:
            generic = not rule.generic_unless or tags.keys().isdisjoint(rule.generic_unless)
            score, term, _, lead = _score(doc, rule, False, generic, implied)
        heading, major = (None, False) if mesh.isdisjoint(mesh_keys) else _mesh_hits(doc, rule)
        if heading and major:
            tags[rule.label] = Tag(rule.label, "mesh", heading)
        elif score >= rule.min_score and term:
            tags[rule.label] = Tag(rule.label, "text", term)
        elif (heading and score + vocab.mesh_weight >= rule.min_score
              and lead >= rule.mesh_lead and not (
                  # a route's heading that is no major topic, where the text gives that route
                  # only to another drug (MeSH "Injections, Intravenous" for "intramuscular
                  # ketamine versus intravenous midazolam"): the heading is the comparator's
                  topic == "routes" and not score and _named_only_excluded(doc, rule))):
            tags[rule.label] = Tag(rule.label, "mesh", heading)
        elif rule.fallback is not None:
            pending.append(rule)
    if not tags:
        for rule in pending:
            score, term, _, _ = _score(doc, rule, fallback=True, implied=implied)
            if score >= rule.min_score and term:
                tags[rule.label] = Tag(rule.label, "text", term)
    for tag in list(tags.values()):
        for rule in rules:
            if rule.label == tag.label:
                for other in rule.implies:
                    tags.setdefault(other, Tag(other, tag.source, tag.term))
    if len(tags) < 2:
        return list(tags.values())
    return sorted(tags.values(), key=lambda t: order.get(t.label, 99))


def _implied(doc: Doc, vocab: Vocabulary) -> tuple[str, ...]:
    """The sentence kinds whose mentions of a condition alone do not make it the study's: the
    conclusion's, and in a study of healthy volunteers (``vocab.healthy_cues`` outside the
    background) the background's too ("Anhedonia is a core symptom of depression" before an
    imaging study in healthy adults)."""
    cues = vocab.healthy_cues
    if cues is not None:
        for m in cues.finditer(doc.text, doc.lower, index=doc.index):
            if doc.sentences[doc.sentence_at(m.start())].kind != "background":
                return _HEALTHY_IMPLIED
    return _IMPLIED


_IMPLIED = ("conclusion",)
_HEALTHY_IMPLIED = ("conclusion", "background")


# -- population, design, sample size ----------------------------------------------------------
def _population(doc: Doc, vocab: Vocabulary) -> Tag:
    """Human, animal or in vitro: the most mentions wins, a title's counting ``title_weight``
    each, and a background sentence's counting its weight ("effects without dissociation in
    rodents" before a trial in adults). Animals win a tie with people, unless every sentence
    that names animals names people too: evidence from both, as a review sets it out ("We
    discuss evidence from rodent models and from human studies"), is no animal study."""
    scores: dict[str, tuple[float, str]] = {}
    #: the sentences that name animals, and those that name people
    where: dict[str, set[int]] = {}
    background = vocab.weights["background"]
    for name, pattern, title_weight in vocab.population_rules:
        total, term = 0.0, ""
        for m in pattern.finditer(doc.text, doc.lower, index=doc.index):
            i = doc.sentence_at(m.start())
            if m.start() < doc.title_end:
                weight = title_weight
            elif doc.sentences[i].kind == "background":
                weight = background
            else:
                weight = 1.0
            if not term or (weight > 1.0 and total < title_weight):
                term = doc.text[m.start():m.end()]
            total += weight
            if name in ("animal", "human"):
                where.setdefault(name, set()).add(i)
        if total:
            scores[name] = (total, term)
    human = scores.get("human", (0.0, ""))[0]
    animal = scores.get("animal", (0.0, ""))[0]
    in_vitro = scores.get("in_vitro", (0.0, ""))[0]
    if animal and (animal > human or (animal == human and not where["animal"] <= where["human"])
                   ) and animal >= in_vitro:
        return Tag("animal", "text", scores["animal"][1])
    if in_vitro and in_vitro > human:  # and above animal: cultured rat neurons are in vitro
        return Tag("in_vitro", "text", scores["in_vitro"][1])
    if human:
        return Tag("human", "text", scores["human"][1])
    return Tag(vocab.population_default, "text", "")


def _in_scope(kind: str, scope: str) -> bool:
    if scope == "title":
        return kind == "title"
    if scope == "lead":
        return kind not in ("background", "limitations", "keywords")
    return kind != "keywords"


def _text_design(doc: Doc, vocab: Vocabulary, population: str,
                 only: tuple[str, ...] | None = None) -> Tag | None:
    for rule in vocab.design_rules:
        if only is not None and rule.design not in only:
            continue
        if rule.population and population not in rule.population:
            continue
        vetoed: set[int] | None = None  # computed only once a pattern matched
        for m in rule.patterns.finditer(doc.text, doc.lower, index=doc.index):
            if vetoed is None:
                vetoed = ({doc.sentence_at(s) for s, _ in _spans(rule.exclude, doc)}
                          if rule.exclude is not None else set())
            i = doc.sentence_at(m.start())
            sent = doc.sentences[i]
            if i in vetoed or not _in_scope(sent.kind, rule.scope):
                continue
            term = doc.text[m.start():m.end()].strip()
            if len(term) < 2:  # a catch-all rule such as preclinical = population
                term = f"{population} study"
            return Tag(rule.design, "text", term)
    return None


def _design(record: Record, doc: Doc, vocab: Vocabulary, population: str) -> Tag | None:
    rank = {d: i for i, d in enumerate(vocab.design_order)}
    best: Tag | None = None
    for pt in record.publication_types:
        design = vocab.publication_types.get(pt.name.lower())
        if design and (best is None or rank[design] < rank[best.label]):
            best = Tag(design, "publication_type", pt.name)
    if best is not None:
        if population != "human" and best.label in _ANIMAL_STUDY_TYPES:
            # an animal study typed as a trial is preclinical, as its text makes it (a
            # veterinary "Randomized Controlled Trial" of ketamine in six Beagle dogs)
            return _text_design(doc, vocab, population) or best
        # Publication types lag behind the text for older reviews typed only "Review" and
        # trials typed only "Clinical Trial": let explicit text upgrade them. So for a
        # systematic review that pools its data and a consensus statement typed "Review".
        if best.label == "other" and best.term == "Letter":
            # a letter that reports a case or a trial ("To the Editor: We describe a
            # 71-year-old woman ..."), when the text as a whole says so: one that discusses
            # another trial ("We read with interest the recent randomized trial ...") stays a
            # letter (not comments and editorials, which discuss others' cases)
            text = _text_design(doc, vocab, population)
            return text if text is not None and text.label in _LETTER_UPGRADE else best
        upgrade = {"review": ("meta_analysis", "systematic_review", "guideline"),
                   "systematic_review": ("meta_analysis",),
                   "nonrandomized_trial": ("rct",)}.get(best.label)
        if upgrade:
            better = _text_design(doc, vocab, population, only=upgrade)
            if better is not None:
                return better
        return best
    return _text_design(doc, vocab, population)


#: the publication types' designs of a primary study, which animal work's text makes preclinical
_ANIMAL_STUDY_TYPES = frozenset({"rct", "nonrandomized_trial", "observational", "case_report"})
#: what the text may make of a record typed only "Letter"
_LETTER_UPGRADE = ("case_report", "rct")
#: publication types whose record has no participants of its own: an editorial or a news item
#: tells of others' trials ("in one such trial, in which 40 surgical patients with depression
#: were randomised", "two phase 3 studies in which 456 patients were randomised")
_NO_SAMPLE_TYPES = frozenset({"Editorial", "News", "Comment"})
_YEAR = re.compile(r"19[5-9]\d|20\d\d")
#: designs whose conditions stand when ketamine is named only aside: a review's topic
_ASIDE_KEEPS_CONDITIONS = frozenset({"review", "systematic_review", "guideline", "other"})
#: the age in a phrase of ``vocab.single_case_cues`` ("34-year", "8-mo"): two different ones
#: are two patients
_AGE = re.compile(r"(\d+)\s?[- ]\s?([a-z])", re.IGNORECASE)
# a number per arm, not the study's ("two groups of eight subjects each", "n = 8 per group",
# "45 patients were randomized to each arm", "1,026 patients were included in each cohort")
_PER_GROUP_AFTER = re.compile(
    r"\s*(?:(?:to|into) )?(?:each|per (?:group|arm|cohort)|in each (?:group|arm|cohort))\b")
# ... or inside the phrase ("A total of 45 patients per group were enrolled")
_PER_GROUP_IN = re.compile(r"\b(?:per|in each|for each) (?:group|arm|cohort)\b")
# ("within each cohort, six participants were randomized to ... and two to placebo")
_PER_GROUP_BEFORE = re.compile(
    r"\b(?:(?:within|in|for)\s+each\s+(?:cohort|group|arm|dose\s+level|panel|block),?|"
    r"(?:groups|arms) of|(?:ketamine|esketamine|control|placebo|saline|intervention|"
    r"treatment|experimental|comparison|active|sham)\s+(?:group|arm)\s+(?:consisted\s+of|"
    r"comprised|included|contained|had|of))\s*$")


# how many groups a trial has, where a rule finds a group's size (named groups ``groups``: the
# number stated in the phrase, "three groups of 52 each"; ``per``: "70 patients per arm", the
# number of groups stated elsewhere in the record): "three-arm", "randomized into four groups",
# "randomly allocated (1:1:1)"; none when the record states more than one number
_GROUPS_STATED = re.compile(
    r"\b(?P<a>two|three|four|five|six|[2-6])[- ](?:arms?|groups?|armed)\b(?![- ](?:of|per)\b)|"
    r"\b(?:randomi[sz]ed|randomly|assigned|allocated|divided|stratified|distributed)\b"
    r"[^.;]{0,40}?\b(?:into|to|in|among)\s+(?:one\s+of\s+)?(?P<b>two|three|four|five|six|[2-6])"
    r"\s+(?:(?:equal|equally\s+sized|parallel|separate|treatment|study|dose|dosing)\s+)?"
    r"(?:groups|arms)\b|"
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\s*"
    r"(?:\(|,\s*|\s+(?:in\s+)?(?:an?\s+)?(?:ratio\s+of\s+)?)(?P<r>\d(?:\s?:\s?\d){1,5})\b")


def _group_count(found: dict[str, str | None], low: str) -> int | None:
    """The number of groups a rule's group size is to be multiplied by (see
    :data:`_GROUPS_STATED`), or None."""
    stated = found.get("groups")
    if stated is not None:
        count = parse_number(stated)
        return count if count is not None and 2 <= count <= 6 else None
    if found.get("per") is None:
        return None
    seen: set[int | None] = set()
    for m in _GROUPS_STATED.finditer(low):
        if m.group("r") is not None:
            parts = re.split(r"\s?:\s?", m.group("r"))
            if len(set(parts)) != 1:
                return None  # unequal arms: the size of one is not every arm's
            seen.add(len(parts))
        else:
            seen.add(parse_number(m.group("a") or m.group("b")))
    return seen.pop() if len(seen) == 1 else None


#: a trial in one patient, whose patient counts as a case report's when no count is given ("a
#: randomised n-of-1 trial conducted in a 34-year-old woman")
_N_OF_1 = re.compile(r"\bn-of-1\b")


#: a protocol's own planned count, which may stand in its background ("Background: We are
#: conducting a multicentre trial ... The trial will enrol 1,086 patients"): in the future tense
_FUTURE = re.compile(r"\bwill\b|\b(?:are|is)\s+to\s+be\b")


# a number that labels a time or a part, not a count ("at week 8", "phase 2", "Table 3")
_LABEL_BEFORE = re.compile(r"\b(?:week|day|month|hour|visit|session|cycle|phase|stage|grade|type|"
                           r"step|level|version|wave|item|figure|table)\s+$")
# ... or a grade of the ASA's physical status ("Forty ASA 1 or 2 patients", "ASA physical status
# 1 and 2 patients": 2 is a grade)
_ASA_BEFORE = re.compile(r"\basa\s+(?:physical\s+status\s+|ps\s+)?(?:class\s+|grade\s+)?"
                         r"(?:(?:[1-5]|i{1,3}|iv)\s?(?:-|to|or|and|\u2013|/)\s?)*$")
# a count after another and "of", where the sentence compares two such shares, is an arm's
# denominator, not the study's ("in 26 of 30 children compared with 17 of 30 given midazolam
# alone", "in 4 of 60 patients given midazolam (7%) compared with 18 of 60 given placebo")
_OF_BEFORE = re.compile(rf"{NUM}\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
_OF_SHARE = re.compile(rf"{NUM}\s+(?:out\s+)?of\s+(?:the\s+)?{NUM}", re.IGNORECASE)
# ... unless the denominator is those enrolled ("Data were available for 97 of 103 randomized
# participants", "597 of the 672 patients enrolled in the parent trial"; not an arm's "4 of 60
# patients randomized to midazolam")
_ENROLLED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:randomi[sz]ed|enrolled|recruited|"
                             r"included)\b(?!\s+(?:to|into)\b)")
_OF_TAIL = re.compile(r"of\s+(?:the\s+)?")


def _arm_denominator(low: str, at: int, end: int, sent: Sentence) -> bool:
    """Whether the count at ``low[at:end]`` is an arm's denominator (see :data:`_OF_BEFORE`).
    The "of" right before it is looked for first: searching the number-word regex back from
    every count cost ~4% of all tagging."""
    of = low.rfind("of", max(0, at - 60), at)
    if of < 0 or _OF_TAIL.fullmatch(low, of, at) is None:
        return False
    return (_OF_BEFORE.search(low, max(0, at - 60), at) is not None
            and _ENROLLED_AFTER.match(low, end) is None
            and len(_OF_SHARE.findall(low, sent.start, sent.end)) > 1)


def _single_case(doc: Doc, vocab: Vocabulary, skip: tuple[str, ...]) -> str | None:
    """The phrase that makes a case report's one patient ("a 34-year-old man", "the case of
    an infant"), or None: none is named, or two ages are ("a 45-year-old man and a 52-year-old
    woman" is a series whose count the text does not give)."""
    if vocab.single_case_cues is None:
        return None
    ages: set[str] = set()
    other: str | None = None
    for m in vocab.single_case_cues.finditer(doc.text, doc.lower, index=doc.index):
        if doc.sentences[doc.sentence_at(m.start())].kind in skip:
            continue
        phrase = doc.text[m.start():m.end()]
        age = _AGE.search(phrase)
        if age is not None:
            ages.add(age.group(1) + age.group(2).lower())  # "34-year", "34 yr": one age
        other = other or phrase
    return other if len(ages) <= 1 else None


def _in_sentences(doc: Doc, matcher: Matcher) -> Iterator[tuple[re.Match[str], Sentence]]:
    """The matches of ``matcher`` that end in the sentence they start in, each with that
    sentence. After one that runs on into the next sentence, the search starts again there: in
    "... an open-label phase 1 study\n\nTwenty-four adolescents with MDD received ...", "1
    study ... adolescents ... received" spans the title's end, and the count is the abstract's
    "Twenty-four"."""
    pos = 0
    while True:
        for m in matcher.finditer(doc.text, doc.lower, pos, index=doc.index):
            sent = doc.sentences[doc.sentence_at(m.start())]
            if m.end() > sent.end:
                pos = sent.end
                break
            yield m, sent
        else:
            return


def _sample_size(doc: Doc, vocab: Vocabulary, design: str | None
                 ) -> tuple[int | None, str | None]:
    """The first number a sample-size rule finds in a usable sentence (rules in order); none
    for a record that says it has no participants of its own (``vocab.no_sample_cues``); 1
    for a case report of one patient, or an n-of-1 trial, that gives no count
    (``vocab.single_case_cues``)."""
    skip = ("background", "limitations", "keywords")
    for rule in vocab.size_rules:
        if rule.designs and design not in rule.designs:
            continue
        if rule.not_designs and design in rule.not_designs:
            continue
        for m, sent in _in_sentences(doc, rule.pattern):
            if sent.kind in skip and not (design == "protocol" and sent.kind == "background"
                                          and _FUTURE.search(m.group(0))):
                continue
            if m.group("n") is None:
                continue  # an alternative of the pattern without the number
            n = parse_number(m.group("n"))
            found = m.groupdict()
            for more in (found.get("n2"), found.get("n3")):
                if n is not None and more and not _YEAR.fullmatch(more):
                    # "336 patients were randomised to A and 340 to B": the arms add up ("62
                    # patients ... between 2016 and 2021 were reviewed": a year is no arm)
                    add = parse_number(more)
                    n = n + add if add is not None else None
            if n is None:
                continue
            groups = _group_count(found, doc.lower)
            if groups is not None:
                # "three groups of 52 each", "(1:1:1) ... (n = 50 per group)", "70 patients
                # per arm" in a three-arm trial: the groups times the group's size
                n *= groups
            elif found.get("groups") is not None or found.get("per") is not None:
                continue  # a group's size, and how many groups is not clear
            if n < 2 or n > 5_000_000:
                continue
            low = doc.lower
            at = m.start("n")
            if _LABEL_BEFORE.search(low, max(0, at - 10), at):
                continue  # "remission at week 8 but patients who ...": a week's number
            if (low.find("asa", max(0, at - 40), at) >= 0
                    and _ASA_BEFORE.search(low, max(0, at - 40), at)) \
                    or _arm_denominator(low, at, m.end("n"), sent):
                continue  # "ASA 1 or 2 patients", "in 26 of 30 children": no study's count
            # "per group" in the phrase, before any parenthesis ("Ninety children (n = 45 per
            # group) were randomly assigned" is 90)
            paren = low.find("(", at, m.end())
            if groups is None and (
                    _PER_GROUP_AFTER.match(low, m.end())
                    or _PER_GROUP_BEFORE.search(low, max(0, at - 50), at)
                    or _PER_GROUP_IN.search(low, at, m.end() if paren < 0 else paren)):
                continue
            evidence = doc.text[m.start():m.end()].strip()
            if _YEAR.fullmatch(m.group("n")) and "=" not in evidence:
                continue  # "in 2019 to treat adults" is a year, not a sample
            # asked only once a number is found: most records that find none need not ask
            if vocab.no_sample_cues is not None and any(
                    doc.sentences[doc.sentence_at(c.start())].kind not in skip
                    for c in vocab.no_sample_cues.finditer(doc.text, doc.lower,
                                                           index=doc.index)):
                return None, None
            return n, evidence
    if design == "case_report" or (design == "rct" and _N_OF_1.search(doc.lower) is not None):
        one = _single_case(doc, vocab, skip)
        if one is not None:
            return 1, one.strip()
    return None, None


#: in a phrase of ``vocab.ketamine_tool``: what was done to the animals ...
_TOOL_VERB = re.compile(r"an(?:a)?esthe(?:tized|tised|sia\s)|sedated|premedicated|immobili")
#: ... or, just before it, the animals were under it ("under ketamine anesthesia")
_TOOL_BEFORE = re.compile(r"\b(?:under|during|in|using|with)\s+$")
#: ... but not when the title is about the anaesthesia itself ("Field anaesthesia with
#: xylazine-ketamine in wild boar", "Remote immobilisation of giraffes with medetomidine-ketamine")
_TOOL_SUBJECT = re.compile(r"(?:[\w-]+\s+){0,2}?(?:an(?:a)?esthesia|immobili[sz]ation|sedation|"
                           r"restraint|premedication|induction|capture)\b[^.:;\n]{0,80}?\bwith\s+$")
#: ... unless it is one side of a comparison ("with ketamine-midazolam versus propofol")
_COMPARED_AFTER = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:versus|vs\.?|compared\s+(?:with|to))\s")
_COMPARED_BEFORE = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to))\s+$")
#: ... and one that the premedication under study comes before ("Comparison of romifidine and
#: detomidine premedication before ketamine-diazepam induction for field castration in horses"):
#: ketamine is the anaesthetic every animal got, an adjunct of the anaesthesia studied
_PREMEDICATION_BEFORE = re.compile(
    r"\b(?:premedications?|premedicants?|pre-?an(?:a)?esthetic\s+(?:medication|sedation))\b"
    r"[^.:;\n]{0,40}?\b(?:before|prior\s+to|followed\s+by)\s+$")


def _tool_of_animals(lower: str, m: re.Match[str]) -> bool:
    """Whether a title's ``vocab.ketamine_tool`` phrase ``m`` says the animals were
    anaesthetised with ketamine, rather than naming ketamine's anaesthesia as the subject (or
    as one side of a comparison of anaesthetics)."""
    if (_COMPARED_AFTER.match(lower, m.end()) is not None
            or _COMPARED_BEFORE.search(lower, max(0, m.start() - 20), m.start()) is not None):
        return False
    if m.start() <= 100 and _TOOL_SUBJECT.match(lower, 0, m.start()) is not None:
        return False  # (the title's own opening words, up to the phrase)
    return (_TOOL_VERB.search(lower, m.start(), m.end()) is not None
            or _TOOL_BEFORE.search(lower, max(0, m.start() - 12), m.start()) is not None)


#: the conditions a study keeps where ketamine only makes its model or is the anaesthetic, and
#: an in-vitro study keeps (its harm to cells)
_MODEL_CONDITIONS = frozenset({"substance_use"})

# sections that may name ketamine without studying it
_ASIDE = frozenset({"background", "limitations", "conclusion"})
# what may stand before ketamine when it is the subject of a conclusion: a heading and up to
# three words ("Weekly maintenance ketamine infusions delayed relapse")
_CONCLUSION_SUBJECT = re.compile(
    r"\s*(?:[A-Za-z ]{1,30}:\s*)?(?:compared\s+(?:with|to)\s+[\w-]+(?:\s+[\w-]+)?,\s*)?"
    r"(?:(?!(?:aside|apart|from|like|unlike|than|including|with|"
    r"without|of|to|for|such|as|besides|after|before|in|on|by|and|or|vs|versus)\b)[\w-]+\s+)"
    r"{0,3}", re.IGNORECASE)
# ... and a subject of its own, not one of several ("Ketamine and psilocybin may act ...") nor
# a rescue ("Ketamine rescue was needed more often"), and unless that conclusion says it was
# not studied ("Ketamine ... was not evaluated and warrants comparison in future trials")
_NOT_SUBJECT = re.compile(r"\s*(?:,|(?:and|or|rescue)\b)")
_NOT_STUDIED = re.compile(r"\bnot\s+(?:been\s+)?(?:evaluated|assessed|studied|examined|"
                          r"investigated|tested|included)\b")


def _cue_in_title(doc: Doc, vocab: Vocabulary) -> bool:
    """Whether an aside or adjunct phrase may start in the title at a word other than the
    drug's name (one look at the word index: most titles have none, and their mention of
    ketamine is what they study). Phrases that start at the name itself ("ketamine-naive",
    "ketamine was used as rescue") are the text's, not a title's. True when the word index
    cannot tell."""
    cues, index = vocab.ketamine_cues, doc.index
    if cues is None or type(index) is not TextIndex or index.owner is not vocab.scanner:
        return True
    positions = index.positions
    return any(positions[k][0] < doc.title_end for k in cues & index.keys)


def _ketamine_role(doc: Doc, vocab: Vocabulary, population: str) -> str:
    """What ketamine is in the study: ``"treatment"`` (studied as one), ``"model"`` (it only
    makes a model), ``"misuse"`` (studied as a drug of misuse or a toxin,
    ``vocab.ketamine_misuse``), ``"tool"`` (an animal experiment's anaesthetic), ``"adjunct"``
    (given without being studied, ``vocab.ketamine_adjunct``: rescue medication, a regimen all
    patients got) or ``"aside"`` (named only aside: in the background, limitations or
    conclusion, an exclusion criterion, a negated clause or a phrase of
    ``vocab.ketamine_aside``: a psilocybin trial, a lidocaine trial whose exclusions name
    ketamine, treatment history). A text that never names it (a title-only record found
    through its MeSH) is a treatment study."""
    # a model anywhere in animal or cell work, else in the title or objective; misuse in the
    # title (in a human study's objective it is a safety outcome: "signs of esketamine abuse")
    for role, matcher, lead in (("model", vocab.ketamine_model, ("title", "objective")),
                                ("misuse", vocab.ketamine_misuse, ("title",))):
        if matcher is None:
            continue
        # (a human study's title alone, where only the title counts)
        end = doc.title_end if population == "human" and lead == ("title",) else None
        for m in matcher.finditer(doc.text, doc.lower, 0, end, doc.index):
            kind = doc.sentences[doc.sentence_at(m.start())].kind
            if kind in lead or (population != "human"
                                and (role == "model" or kind == "objective")):
                return role
    if population != "human" and vocab.ketamine_tool is not None:
        tools = vocab.ketamine_tool.finditer(doc.text, doc.lower, index=doc.index)
        # a title about the premedication before it: the anaesthetic all animals got (its
        # conditions are the anaesthesia's, and only the routes near it are ketamine's)
        if any(m.start() < doc.title_end and _PREMEDICATION_BEFORE.search(
                doc.lower, max(0, m.start() - 80), m.start()) is not None for m in tools):
            return "adjunct"
        # a title that names ketamine's anaesthesia as its subject studies it ("Neonatal
        # ketamine anaesthesia causes ...", "... a ketamine-dexmedetomidine combination for
        # sedation in dogs"); one about animals anaesthetised with it does not ("... in cats
        # lightly anesthetized with ketamine", "in ketamine anesthetized cats", "under ketamine
        # anesthesia")
        if any(m.start() < doc.title_end and not _tool_of_animals(doc.lower, m)
               for m in tools):
            return "treatment"
        if not tools:
            # no anaesthetic: ketamine studied, unless (in work whose title does not name it)
            # it is named only aside, as below ("agents such as lidocaine, propofol, ketamine
            # and opioids have been proposed to act on tumour cells" in a lidocaine cell study)
            if (vocab.ketamine_named is None
                    or vocab.ketamine_named.finditer(doc.text, doc.lower, 0, doc.title_end,
                                                     doc.index)):
                return "treatment"
        else:
            # ... as does a title that names ketamine outside such a phrase ("Ketamine-propofol
            # co-induction versus propofol alone in dogs", "Intraoperative ketamine constant
            # rate infusion during isoflurane anaesthesia in horses"): the animals' anaesthetic
            # is rarely in a title but in such a phrase ("in ketamine anesthetized cats")
            if vocab.ketamine_named is not None:
                in_tools = [(m.start(), m.end()) for m in tools if m.start() < doc.title_end]
                for m in vocab.ketamine_named.finditer(doc.text, doc.lower, 0, doc.title_end,
                                                       doc.index):
                    if not any(s <= m.start() < e for s, e in in_tools):
                        return "treatment"
            return "tool"
    if vocab.ketamine_named is None:
        return "treatment"
    # most titles name it as what they study: the title alone is searched first
    in_title = vocab.ketamine_named.finditer(doc.text, doc.lower, 0, doc.title_end, doc.index)
    if in_title:
        if not _cue_in_title(doc, vocab):
            return "treatment"
        besides = (_spans(vocab.ketamine_aside, doc, doc.title_end)
                   + _spans(vocab.ketamine_adjunct, doc, doc.title_end))
        if not besides or any(not any(s <= m.start() < e for s, e in besides)
                              for m in in_title):
            return "treatment"  # ("... in patients who previously received ketamine": not)
    # the title's mentions are decided above: the rest of the text from there
    named = vocab.ketamine_named.finditer(doc.text, doc.lower, doc.title_end, None, doc.index)
    if not named and not in_title:
        return "treatment"
    aside: list[tuple[int, int]] | None = None
    adjunct: list[tuple[int, int]] = []
    given = False  # some mention is ketamine given as an adjunct
    for m in named:
        pos = m.start()
        sent = doc.sentences[doc.sentence_at(pos)]
        # the subject of a conclusion ("CONCLUSIONS: Adjunctive ketamine was associated with
        # ...") is what was studied, as is a mention outside the asides
        subject = (sent.kind == "conclusion"
                   and _CONCLUSION_SUBJECT.fullmatch(doc.text, sent.start, pos) is not None
                   and _NOT_SUBJECT.match(doc.lower, m.end()) is None
                   and _NOT_STUDIED.search(doc.lower, pos, sent.end) is None)
        if not subject and (sent.kind in _ASIDE
                            or _span_weight(pos, doc.muted, sent.weight) <= 0):
            continue
        if aside is None:  # asked once a mention stands where a studied drug would
            aside = _spans(vocab.ketamine_aside, doc)
            adjunct = _spans(vocab.ketamine_adjunct, doc)
        # (a mention aside is not given, even as rescue: "... specified intramuscular ketamine
        # as a third-line rescue, but no patient required ketamine")
        if any(s <= pos < e for s, e in aside):
            continue
        if any(s <= pos < e for s, e in adjunct):
            given = True
        else:
            return "treatment"
    return "adjunct" if given else "aside"


#: how far a route word may stand before or after a mention of ketamine to be its route, in a
#: study where ketamine makes a model, is the anaesthetic or an adjunct ("intravenous infusion
#: of ketamine", "ketamine (10 mg/kg) was injected intramuscularly")
_NEAR_BEFORE, _NEAR_AFTER = 30, 60


def _routes_near_ketamine(record: Record, doc: Doc, vocab: Vocabulary,
                          routes: list[Tag]) -> list[Tag]:
    """The routes of a study where ketamine makes a model, is the anaesthetic or an adjunct,
    from the words near a mention of it: the others give the routes of the drugs under study
    ("resveratrol (20 mg/kg, orally) ... before each ketamine injection", "anaesthetised with
    ketamine and xylazine and imaged after intravenous administration of the contrast agent").
    Unchanged when the text never names ketamine."""
    if vocab.ketamine_named is None:
        return routes
    named = vocab.ketamine_named.finditer(doc.text, doc.lower, index=doc.index)
    if not named:
        return routes
    # within the mention's sentence ("... in the ketamine model. Rats were pretreated orally
    # with PDE-318": the next sentence's route is the other drug's)
    windows = []
    for m in named:
        sent = doc.sentences[doc.sentence_at(m.start())]
        windows.append((max(sent.start, m.start() - _NEAR_BEFORE),
                        min(sent.end, m.end() + _NEAR_AFTER)))
    # the sentences cut where the windows begin and end, weighing nothing outside them (a
    # match counts the weight of the piece it starts in)
    cuts = sorted({p for w in windows for p in w})
    pieces: list[Sentence] = []
    for sent in doc.sentences:
        bounds = [sent.start, *(c for c in cuts if sent.start < c < sent.end), sent.end]
        for a, b in pairwise(bounds):
            near = any(lo <= a < hi for lo, hi in windows)
            pieces.append(sent._replace(start=a, end=b, weight=sent.weight if near else 0.0))
    return _tag_labels(record, doc.with_sentences(pieces), "routes", vocab)


# -- entry point -------------------------------------------------------------------------------
def tag_record(record: Record, vocab: Vocabulary) -> Tags:
    """Everything the vocabulary says about ``record``.

    :param record: a parsed record (MeSH and publication types optional).
    :param vocab: the compiled vocabulary from :func:`aggregator.vocabulary.load_vocabulary`.
    :returns: :class:`~aggregator.models.Tags` with provenance on every tag.
    """
    doc = Doc.of(record, vocab)
    population = _population(doc, vocab)
    ages = (_tag_labels(record, doc, "age_groups", vocab)
            if population.label == "human" else [])
    design = _design(record, doc, vocab, population.label)
    if design is not None and (
            (design.source == "publication_type" and (
                design.term in _NO_SAMPLE_TYPES
                or (design.label == "other" and any(
                    pt.name in _NO_SAMPLE_TYPES for pt in record.publication_types))))
            or population.label != "human" or design.label == "preclinical"):
        # an editorial's design is its type's (the text found no better), and so is a letter's
        # also typed "Comment" (on another trial, whose count it gives: "although the trial
        # enrolled 318 patients"); animals, cells and tissue are not participants (below): no
        # count is looked for
        size, evidence = None, None
    else:
        size, evidence = _sample_size(doc, vocab, design.label if design else None)
    if design is None:
        if size is not None and vocab.design_with_sample_size:
            design = Tag(vocab.design_with_sample_size, "text", evidence or "")
        else:
            design = Tag(vocab.design_default, "text", "")
    if design.label == "preclinical" and population.label == "human":
        population = Tag("animal", "text", design.term)
    if population.label != "human":
        # animals, cells and tissue are not participants ("neurons derived from three
        # patients", "from 20 patients" in a mouse study)
        size, evidence = None, None
    role = _ketamine_role(doc, vocab, population.label)
    # ketamine named only aside: the routes the text gives are another drug's (a psilocybin
    # trial's "orally", the comparator's "intravenous" bolus); so are a study's conditions (a
    # psilocybin trial in TRD that excluded patients given ketamine), but not a narrative
    # review's, which may discuss ketamine among the treatments of its topic. Cells, slices,
    # a formulation's stability: no one was given the drug by any route ("esketamine for
    # nasal spray and injectable formulations" names products). Labels that would be dropped
    # are not looked for.
    conditions = ([] if role == "aside" and design.label not in _ASIDE_KEEPS_CONDITIONS
                  else _tag_labels(record, doc, "conditions", vocab, _implied(doc, vocab)))
    routes = ([] if role == "aside" or population.label == "in_vitro"
              else _tag_labels(record, doc, "routes", vocab))
    if role in ("model", "tool", "adjunct") and routes:
        # ketamine given beside the drugs under study: only the routes near it are its own
        routes = _routes_near_ketamine(record, doc, vocab, routes)
    if (role in ("model", "tool") or population.label == "in_vitro") and conditions:
        # ketamine only makes the model or is the animals' anaesthetic: the conditions studied
        # are not ketamine's (a Nav1.7 inhibitor in rats with nerve injury anaesthetised with
        # ketamine-xylazine), unless they are its misuse (a model of ketamine cystitis); nor
        # are they in cells, slices or a syringe: no one is treated ("stability of esketamine
        # and sufentanil admixtures for patient-controlled analgesia", breast cancer cells
        # "relevant to anaesthesia for cancer surgery"), but ketamine's harm to cells is its
        # misuse (urothelial cells as a model of ketamine cystitis)
        conditions = [c for c in conditions if c.label in _MODEL_CONDITIONS]
    ptypes = {p.name for p in record.publication_types}
    refs = {c.ref_type for c in record.corrections}
    return Tags(
        conditions=conditions,
        routes=routes,
        design=design,
        population=population,
        age_groups=ages,
        sample_size=size,
        sample_size_evidence=evidence,
        registrations=_registrations(record, doc),
        retracted="RetractionIn" in refs or "Retracted Publication" in ptypes,
        erratum="ErratumIn" in refs or "Published Erratum" in ptypes,
        expression_of_concern=("ExpressionOfConcernIn" in refs
                               or "Expression of Concern" in ptypes),
        ketamine_treatment=role == "treatment",
    )
