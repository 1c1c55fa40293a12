"""Tag stage, the text side: a record's title, keywords and abstract as one string, cut into
sentences that know their section and weight, with the lower-cased text and its word index.

:func:`segment` does the work; :class:`Doc` wraps its result for the tagger
(:mod:`aggregator.tag`), adding sentence lookup by offset and the record's MeSH headings in the
form the label rules test. Pure: no I/O, no globals. Section names, weights and the cue
patterns (exclusion criteria, objectives) come from the vocabulary.

Example::

    doc = Doc.of(record, vocab)
    doc.sentences[doc.sentence_at(120)].kind    # 'methods'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from .markup import decode_entities, strip_inline
from .models import Record
from .vocabulary import Matcher, TextIndex, Vocabulary, lower_text, word_prefixes

__all__ = ["Doc", "Sentence", "segment"]


class Sentence(NamedTuple):
    """A sentence of the record's text: offsets, section kind and weight (a named tuple:
    ~15 per record, made 4x faster than a frozen dataclass)."""

    start: int
    end: int
    kind: str
    weight: float


# ". " before a capital or digit, or a run of newlines. Written with one leading character
# class so that ``re`` skips ahead to the next [.!?\n] (a leading alternation makes it try
# every position: 3x slower); the look-behind tells the two kinds apart.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|\s+(?=[\"'(\[]?[A-Z0-9]))")


# Where a negated clause ("no prior history of mania", "without a history of psychosis") ends:
# at punctuation, at the verb of the sentence ("... of mania started esketamine", "participants
# with comorbid anxiety improved with sublingual ketamine"), or where a new item begins ("... of
# psychosis and with TRD", "... of bipolar disorder and a current major depressive episode").
_CLAUSE_END = re.compile(
    r"[,;:()]|\b(?:was|were|is|are|had|has|have|who|which|received|receiving|started|"
    r"starting|initiated|underwent|undergoing|treated|given|participated|completed|enrolled|"
    r"presented|reported|improved|responded|benefited|benefitted|but|"
    r"(?:and|or) (?:with|a|an|the|current|active|who|had|have|has|were|was|are|is))\b")
# ... but not at the comma of a list it negates ("no history of depression, anxiety, or PTSD",
# "did not reach consensus on bipolar depression, adolescents or patients with ..."): a comma
# followed by an item and another comma or "or"/"and"; once in such a list, also its last
# ", or"/", and"
_LIST_COMMA = re.compile(r",\s+(?:[\w-]+\s+){0,2}[\w-]+(?:,\s|\s+(?:or|and)\s)")
_LAST_ITEM = re.compile(r",\s+(?:or|and)\s")


# Where future work ends: at a semicolon or colon, where the study speaks of itself again ("To
# inform whether future trials should use oral ketamine, we randomised 24 adolescents to weekly
# oral ketamine": the second counts; not at "such as ..."), or where a contrast begins ("Further
# trials are needed to confirm these findings, but adjunctive oral ketamine appears feasible")
_FUTURE_END = re.compile(r"[;:]|,\s+(?:and\s+)?(?:we|our|this|these|the\s+present|but|yet|"
                         r"although|though|however|whereas)\b")
# ... and future work in a subordinate clause ends at its comma ("Although further studies are
# needed to confirm durability, a single intravenous infusion rapidly reduced ...")
_COMMA = re.compile(",")
_SUBORDINATE = re.compile(r"\b(?:although|though|while|whilst|even\s+if)\s+$")
# where the last of a list of "that" clauses begins (", and that ...")
_THAT_CLAUSE = re.compile(r",\s+(?:and\s+|but\s+)?that\s")
# what may come before an exclusion cue that opens a sentence as a phrase of its own ("After
# exclusion of ...,", "METHODS: Following the exclusion of ...,")
_LEADING_PHRASE = re.compile(
    r"\s*(?:[a-z][a-z ,/&-]{0,40}:\s*)?(?:after|following|upon|with)(?:\s+the)?\s+")

# In an OBJECTIVE section, a sentence that states the aim without a cue of
# ``vocab.objective_cues`` ("To evaluate whether ..."), and one that tells what this study did
# ("Women ... received a single intravenous dose of esketamine ..."): neither is context before
# the aim
_TO_AIM = re.compile(r"\s*(?:[a-z][a-z ]{0,40}:\s*|(?:objectives?|aims?|purpose)\s+)?"  # its heading
                     r"to\s+(?:evaluate|assess|determine|compare|investigate|examine|explore|"
                     r"test|estimate|describe|characteri[sz]e|quantify|identify|establish|"
                     r"measure|report|analy[sz]e|review|summari[sz]e)\b")
# (and, in a secondary analysis, the parent trial it analyses: "Objective: In a previously
# reported RCT of 364 mothers with prenatal depression, a single low dose of esketamine (0.2 mg/kg
# IV over 40 min) after childbirth reduced ... This exploratory analysis assessed ...")
_OWN_ACT = re.compile(r"\b(?:received|receiving|were\s+(?:randomi[sz]ed|randomly|enrolled|"
                      r"assigned|allocated|given|treated|included)|(?:in|from)\s+(?:a|an|the|our)\s+"
                      r"(?:previously\s+(?:reported|published)|parent|original)\s+(?:rct|"
                      r"randomi[sz]ed\s+(?:controlled\s+)?trial)\s+(?:of|in|involving)\s+\d+)\b")


# A publisher's notice that ends some abstracts in PubMed: APA's "(PsycINFO Database Record (c)
# 2016 APA, all rights reserved)", "Copyright (c) 2019 Elsevier Inc. All rights reserved.",
# "(c) Springer Nature ... 2020." It is no part of the study: as the last sentence it would
# count as the conclusion ("Database" reads as a registry study). Tagging leaves it out.
_NOTICE = re.compile(
    r"(?:(?<=[.!?)\]])\s+|\n|^)(?:\((?i:psyc(?:info|articles)) database record\b[^\n]*"
    r"|(?:copyright\s*)?\u00a9[^\n]*|copyright\s+(?:\(c\)\s*)?(?:\d{4}|by)\b[^\n]*)$",
    re.IGNORECASE)
_NOTICE_TAIL = 400  # characters searched, from the end
#: how far past a sentence an objective cue that starts in it may reach (its longest form, six
#: design words + 80 characters + a verb, is ~250 characters)
_CUE_REACH = 300
# A heading written without its colon, as some journals print their abstracts ("Objective To
# assess ... Design Randomised controlled trial. Participants 120 adults ... Results ...", or
# each on a line of its own): one of these words at the start of the abstract, a line or a
# sentence, before a capital, a digit or the line's end ("Results were ..." is a sentence).
# Used only when the abstract has no "LABEL:" heading, and only where two or more are found.
# Also a line of its own of up to four words, which may be joined by "and" or "&" ("Methods and
# analysis", "Ethics and dissemination", "METHODS AND ANALYSIS", as protocols print them): a
# heading when its words name a section kind (:func:`_section_kind`).
_BARE_HEADING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:Background|Introduction|Context|Importance|Objectives?|Aims?|"
    r"Purpose(?: of (?:the )?review)?|Question|Design|Setting|Participants|Patients|"
    r"Interventions?|Methods?|Main outcome measures?|Measurements|Evidence (?:review|acquisition|"
    r"synthesis)|Case (?:presentation|report)|Results|Findings|Recent findings|Conclusions?|"
    r"Interpretation|Meaning|Summary|Key points|Funding|Trial registration)"
    r"(?: and (?:[Mm]ethods|[Ss]etting|[Pp]articipants|[Rr]elevance))?"
    r"|(?<![^\n])(?:[A-Z][a-z]+(?: [a-z]+)?(?: (?:and|&) [a-z]+(?: [a-z]+)?)?"
    r"|[A-Z]{2,}(?: [A-Z]{2,})?(?: (?:AND|&) [A-Z]{2,}(?: [A-Z]{2,})?)?)(?=[ \t]*\n))"
    r"(?: (?=[A-Z0-9])|[ \t]*\n)")


def _without_notice(abstract: str) -> str:
    tail = abstract[-_NOTICE_TAIL:]
    if "\u00a9" not in tail and "atabase" not in tail and "opyright" not in tail.lower():
        return abstract
    m = _NOTICE.search(tail)
    return abstract[:len(abstract) - len(tail) + m.start()].rstrip() if m else abstract


def _split(text: str, offset: int) -> Iterable[tuple[int, int]]:
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if cut > pos:
            yield offset + pos, offset + cut
        pos = m.end()
    if pos < len(text):
        yield offset + pos, offset + len(text)


# (functions, not closures in segment(): a closure and its frame would make a reference cycle
# per record, which only the garbage collector frees)
def _cues(cues: Matcher | None, text: str, lower: str, index: TextIndex | frozenset[str],
          start: int, end: int) -> list[re.Match[str]]:
    if cues is None or end <= start:
        return []
    return cues.finditer(text, lower, start, end, index)


def _sentences_of(found: list[re.Match[str]], starts: list[int]) -> set[int]:
    """The sentences (indexes into ``starts``, their start offsets) where ``found`` start."""
    return {bisect_right(starts, m.start()) - 1 for m in found}


def _section_kind(heading: str, vocab: Vocabulary) -> str | None:
    known = vocab.heading_kinds
    found = known.get(heading, "")
    if found != "":
        return found
    head = heading.upper()
    found = None
    for word, kind in vocab.section_keywords:
        if word in head:
            found = kind
            break
    if len(known) < 4096:  # a few dozen in practice; a flood of odd headings stays bounded
        known[heading] = found
    return found


def segment(record: Record, vocab: Vocabulary
            ) -> tuple[str, str, TextIndex | frozenset[str], list[Sentence],
                       list[tuple[int, int, float]]]:
    """The record's text as one string (title, keywords, abstract), the same lower-cased, its
    word-prefix index, its sentences, each with its section kind and weight, and the spans that
    weigh less than their sentence, with their weight: negated clauses (``vocab.negation_cues``
    up to the clause's end), lists of secondary outcomes (``vocab.secondary_cues``, up to the
    sentence's end; ``vocab.secondary_sentence_cues``, the whole sentence) and future work
    (``vocab.future_cues``, up to where the study speaks of itself again)."""
    # inline tags kept as text (publishers' escaped markup) would split words and numbers
    # (and HTML character references left escaped: "Materials &amp; Methods:" is a heading)
    title = strip_inline(decode_entities((record.title or "").strip()))
    keywords = strip_inline(decode_entities("; ".join(k for k in record.keywords if k)))
    abstract = _without_notice(strip_inline(decode_entities((record.abstract or "").strip())))
    doc = f"{title}\n{keywords}\n{abstract}"
    w = vocab.weights
    sents: list[Sentence] = []
    if title:
        sents.append(Sentence(0, len(title), "title", w["title"]))
    if keywords:
        k0 = len(title) + 1
        sents.append(Sentence(k0, k0 + len(keywords), "keywords", w["keywords"]))
    a0 = len(title) + len(keywords) + 2
    # structured abstract: "LABEL: text" sections (inline or one per line)
    heads: list[tuple[int, int, str, bool]] = []
    for m in vocab.section_heading.finditer(abstract):
        before = abstract[:m.start()].rstrip(" ")
        if before and before[-1] not in ".\n?!)":
            continue
        k = _section_kind(m.group(1), vocab)
        if k is not None:
            heads.append((m.start(), m.end(), k, m.group(1).isupper()))
    if not heads and ("Results" in abstract or "Methods" in abstract or "Findings" in abstract
                      or "Conclusion" in abstract or "RESULTS" in abstract
                      or "METHODS" in abstract):  # (each such abstract has one of these)
        for m in _BARE_HEADING.finditer(abstract):
            k = _section_kind(m.group(1), vocab)
            if k is not None:
                heads.append((m.start(1), m.end(), k, False))
    # Headings in capitals are PubMed's. Others ("Background: ... Methods: ...", as some
    # publishers write them into the text) count when there are two or more of at most five
    # words: one "The main results were as follows:" is a sentence.
    inline = [h for h in heads if not h[3] and abstract.count(" ", h[0], h[1] - 2) < 5]
    heads = [h for h in heads if h[3]] + (inline if len(inline) >= 2 else [])
    heads.sort()
    # one heading over the whole abstract ("SUMMARY: ...") structures nothing: its sentences
    # are not all the conclusion
    if len(heads) == 1 and heads[0][0] == 0 and heads[0][2] == "conclusion":
        heads = []
    parts: list[tuple[int, int, str | None]] = []
    last, kind = 0, None
    for start, _end, k, _ in heads:
        if start > last:
            parts.append((last, start, kind))
        # the heading opens its section's first sentence: its words count there ("PURPOSE OF
        # REVIEW: ..." says what the article is)
        last, kind = start, k
    parts.append((last, len(abstract), kind))
    structured = any(k is not None for _, _, k in parts)
    raw: list[tuple[int, int, str | None]] = []
    section: list[int] = []  # each sentence's part
    for p, (s, e, k) in enumerate(parts):
        for ss, se in _split(abstract[s:e], a0 + s):
            raw.append((ss, se, k))
            section.append(p)
    lower = lower_text(doc)
    index = (vocab.scanner.index(lower, doc) if vocab.scanner is not None
             else word_prefixes(lower))
    starts = [s for s, _, _ in raw]
    end_all = len(doc) if raw else a0  # no sentences: no cue can match

    # sentences that state who was excluded weigh w["excluded"]; when the exclusion follows a
    # semicolon or is a trailing ", excluding ...", only from there ("Adults aged 18-80 were
    # eligible; those with psychosis were excluded": the adults are the study's), and when it
    # opens the sentence as a phrase of its own, only up to its comma ("After exclusion of
    # those with hypertension, 120 patients were randomized to intravenous esketamine")
    excluded: set[int] = set()
    excluded_part: dict[int, tuple[int, int]] = {}
    for m in _cues(vocab.excluded_cues, doc, lower, index, a0, end_all):
        i = bisect_right(starts, m.start()) - 1
        s0, e0 = raw[i][0], raw[i][1]
        semi = lower.rfind(";", s0, m.start())
        if semi < 0 and m.start() - 2 >= s0 and lower.startswith(", excluding", m.start() - 2):
            semi = m.start() - 2  # "adults aged 18-64 ..., excluding those with": from the comma
        if semi < 0:
            # in the last of a list of "that" clauses, from its comma ("The panel agreed that
            # intravenous ketamine ... is appropriate, and that routine co-administration of
            # benzodiazepines is not recommended")
            for t in _THAT_CLAUSE.finditer(lower, s0, m.start()):
                semi = t.start()
        comma = lower.find(",", m.end(), e0) if _LEADING_PHRASE.fullmatch(lower, s0, m.start()) \
            else -1
        if semi < 0 and comma < 0:
            excluded.add(i)
        elif i not in excluded:
            part = (semi, e0) if semi >= 0 else (s0, comma)
            old = excluded_part.get(i)
            excluded_part[i] = part if old is None else (min(old[0], part[0]), max(old[1], part[1]))
    # objective cues count in an unstructured abstract's sentences and in background and
    # objective sections: in a structured abstract, only up to the last sentence of those (a
    # cue is at most ~250 characters long: one starting there ends within _CUE_REACH)
    objective: set[int] = set()
    if not structured:
        objective = _sentences_of(
            _cues(vocab.objective_cues, doc, lower, index, a0, end_all), starts)
    elif any(k == "background" or k == "objective" for _, _, k in raw):
        last = max(e for _, e, k in raw if k == "background" or k == "objective")
        objective = _sentences_of(_cues(vocab.objective_cues, doc, lower, index, a0,
                                        min(len(doc), last + _CUE_REACH)), starts)
    # an objective section's sentences before its first aim are background ("OBJECTIVE:
    # Intravenous ketamine acts rapidly, but needs monitoring. We evaluated oral ketamine ...")
    # (the aim: the first sentence with an objective cue or opening "To evaluate ...")
    aim_at: dict[int, int] = {}
    for i, (ss, _, k) in enumerate(raw):
        if k == "objective" and section[i] not in aim_at and (
                i in objective or _TO_AIM.match(lower, ss)):
            aim_at[section[i]] = i
    # an unstructured abstract that opens with what was done: that sentence is no background
    opens_with_methods = bool(not structured and raw and vocab.methods_cues is not None
                              and vocab.methods_cues.finditer(doc, lower, raw[0][0], raw[0][1],
                                                              index))
    n = len(raw)
    for i, (s, e, k) in enumerate(raw):
        if k is None:
            if structured:
                k = "body"
            elif i in objective:
                k = "objective"
            elif i == 0 and n > 2:
                k = "methods" if opens_with_methods else "background"
            elif i == n - 1 and n > 2:
                k = "conclusion"
            else:
                k = "body"
        elif k == "background" and i in objective:
            k = "objective"  # "BACKGROUND: ... We aimed to assess esketamine in ..."
        elif k == "objective" and i < aim_at.get(section[i], -1) \
                and not _OWN_ACT.search(lower, s, e):
            k = "background"
        weight = w[k]
        if i in excluded:
            weight = min(weight, w["excluded"])
        sents.append(Sentence(s, e, k, weight))
    # spans that weigh less than their sentence, from the cue on: a negated clause to the
    # clause's end, the secondary outcomes to the end of their sentence ("The primary outcome
    # was pain intensity at 24 h, and secondary outcomes were ...": the primary one counts)
    muted: list[tuple[int, int, float]] = [
        (a, b, w["excluded"]) for i, (a, b) in excluded_part.items() if i not in excluded]
    ends = [e for _, e, _ in raw]
    for cues, clause_end, weight in ((vocab.negation_cues, _CLAUSE_END, w["excluded"]),
                                     (vocab.secondary_cues, None, w["secondary"]),
                                     (vocab.future_cues, _FUTURE_END, w["excluded"])):
        for m in _cues(cues, doc, lower, index, a0, end_all):
            end = ends[bisect_right(starts, m.start()) - 1]
            ender = clause_end
            if cues is vocab.future_cues and _SUBORDINATE.search(
                    lower, max(0, m.start() - 12), m.start()):
                ender = _COMMA
            stop = ender.search(lower, m.end(), end) if ender is not None else None
            if ender is _CLAUSE_END:
                in_list = False
                while stop is not None and lower[stop.start()] == "," and (
                        _LIST_COMMA.match(lower, stop.start(), end)
                        or (in_list and _LAST_ITEM.match(lower, stop.start(), end))):
                    in_list = True
                    stop = ender.search(lower, stop.end(), end)
            muted.append((m.start(), stop.start() if stop else end, weight))
    # a sentence about other measures, whole, wherever its cue stands ("Depressive symptoms
    # (PHQ-9), sleep and dissociation were secondary measures")
    for i in sorted(_sentences_of(
            _cues(vocab.secondary_sentence_cues, doc, lower, index, a0, end_all), starts)):
        muted.append((raw[i][0], raw[i][1], w["secondary"]))
    return doc, lower, index, sents, muted


class Doc:
    """A record's text with sentence lookup by offset: :meth:`of` a record, or made from the
    parts :func:`segment` returns and the record's MeSH headings as (ui, lower-cased name,
    name, major)."""

    def __init__(self, text: str, lower: str, index: TextIndex | frozenset[str],
                 sentences: list[Sentence], muted: list[tuple[int, int, float]],
                 mesh: tuple[tuple[str | None, str, str, bool], ...]) -> None:
        self.text, self.lower, self.index, self.sentences, self.muted = (
            text, lower, index, sentences, muted)
        #: where the muted spans begin and end: most matches are outside (one comparison)
        self.muted_lo = self.muted_hi = 0
        if self.muted:
            self.muted_lo = min(s for s, _, _ in self.muted)
            self.muted_hi = max(e for _, e, _ in self.muted)
        self.starts = [s.start for s in self.sentences]
        self.title_end = self.text.find("\n")  # the text is "title\nkeywords\nabstract"
        #: the MeSH headings, and the set of their UIs and lower-cased names: most labels have
        #: none of them (one set test)
        self.mesh = mesh
        self.mesh_keys = frozenset(k for m in self.mesh for k in m[:2] if k)

    @staticmethod
    def of(record: Record, vocab: Vocabulary) -> Doc:
        """The document of ``record`` (see :func:`segment`)."""
        return Doc(*segment(record, vocab),
                   tuple((h.ui, h.name.lower(), h.name, h.is_major) for h in record.mesh))

    def with_sentences(self, sentences: list[Sentence]) -> Doc:
        """The same document cut into other sentences (the same text, index and MeSH)."""
        return Doc(self.text, self.lower, self.index, sentences, self.muted, self.mesh)

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)
