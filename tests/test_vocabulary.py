"""vocabulary.py: the project vocabulary loads; bad entries name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.errors import VocabularyError
from aggregator.vocabulary import CONDITIONS, ROUTES, Matcher, load_vocabulary, parse_number

ROOT = Path(__file__).resolve().parent.parent

SMALL = """\
[macros]
drug = '(?:es)?ketamine'

[conditions.depression]
title = "Depression"
mesh = [{ ui = "D003866", name = "Depressive Disorder" }]
patterns = ['\\bdepress(?:ion|ive)\\b']

[routes.iv]
strong = ['\\bintravenous\\b', '\\b{drug} infusion']

[design]
default = "other"

[[design.rule]]
design = "rct"
scope = "title"
patterns = ['\\brandomi[sz]ed\\b']
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vocabulary.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_vocabulary_project_file_covers_the_labels() -> None:
    vocab = load_vocabulary(ROOT / "queries")
    assert {r.label for r in vocab.conditions} == CONDITIONS
    assert {r.label for r in vocab.routes} == ROUTES
    assert len(vocab.version) == 12
    trd = next(r for r in vocab.conditions if r.label == "trd")
    assert "D061218" in trd.mesh_uis and trd.implies == ("depression",)


def test_project_label_patterns_are_tried_only_where_their_words_start() -> None:
    # A pattern that may start at a non-word character ("(s)-ketamine" from {drug}) cannot be
    # indexed by its first word: the patterns bucketed with it are then scanned over every
    # text. One such IV pattern cost 10% of the tagging time; the label lists that are
    # scanned whole on purpose are these three (a fallback, a case-sensitive exclusion, "≥").
    vocab = load_vocabulary(ROOT / "queries")
    whole = set()
    for topic in ("conditions", "routes", "age_groups"):
        for rule in getattr(vocab, topic):
            for kind in ("patterns", "strong", "exclude", "fallback"):
                matcher = getattr(rule, kind)
                for group in matcher._groups if matcher is not None else ():
                    if group.owner is None:
                        whole.add((rule.label, kind, group.alts[0]))
    assert whole == {("anesthesia", "fallback", r"\w+ectomy\b"),
                     ("iv", "exclude", r"[A-Z][A-Z0-9]+-IV\b"),
                     ("older_adult", "patterns", "\u2265 ?65 years")}, whole


def test_load_vocabulary_small_file(tmp_path: Path) -> None:
    vocab = load_vocabulary(write(tmp_path, SMALL))
    assert [r.label for r in vocab.routes] == ["iv"]
    assert load_vocabulary(tmp_path).version == vocab.version


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("'\\bdepress(?:ion|ive)\\b'", "'\\bdepress(?:ion|ive\\b'", 7,
         "conditions.depression.patterns[0]", "bad regular expression"),
        ("[conditions.depression]", "[conditions.schizophrenia]", 4,
         "conditions.schizophrenia", "unknown conditions label"),
        ('title = "Depression"', 'colour = "blue"', 5, "conditions.depression.colour",
         "unknown key"),
        ("'\\b{drug} infusion'", "'\\b{drg} infusion'", 10, "routes.iv.strong[1]",
         "unknown macro {drg}"),
        ('design = "rct"', 'design = "trial"', 16, "design.rule[0].design", "unknown design"),
        ('scope = "title"', 'scope = "anywhere"', 17, "design.rule[0].scope", "unknown scope"),
        ('ui = "D003866"', 'ui = "3866"', 6, "conditions.depression.mesh[0]", "bad MeSH UI"),
        ("patterns = ['\\bdepress(?:ion|ive)\\b']", "patterns = 'depress'", 7,
         "conditions.depression.patterns", "expected list"),
        # generic_unless names a label of the same topic that does not yield itself
        ('title = "Depression"',
         'title = "Depression"\ngeneric = [\'\\bmood\\b\']\ngeneric_unless = ["anxiety"]', 7,
         "conditions.depression.generic_unless[0]", "expected a conditions label of this file"),
        ('title = "Depression"',
         'title = "Depression"\ngeneric = [\'\\bmood\\b\']\ngeneric_unless = ["depression"]',
         7, "conditions.depression.generic_unless[0]", "no generic_unless of its own"),
    ],
)
def test_load_vocabulary_errors_name_file_line_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in SMALL
    path = write(tmp_path, SMALL.replace(old, new, 1))
    with pytest.raises(VocabularyError) as exc:
        load_vocabulary(path)
    err = exc.value
    assert err.path == str(path)
    assert err.line == line, str(err)
    assert err.field == field, str(err)
    assert message in str(err)


def test_reloading_an_edited_vocabulary_sees_every_edit(tmp_path: Path) -> None:
    # pattern checks, analyses and compiled groups are memoised per source for the process:
    # a reload must still fail on a bad pattern each time, and see a fixed or changed one
    bad = SMALL.replace("'\\bdepress(?:ion|ive)\\b'", "'\\bdepress(?:ion|ive\\b'")
    for _ in range(2):
        with pytest.raises(VocabularyError, match="missing \\), unterminated subpattern"):
            load_vocabulary(write(tmp_path, bad))
    first = load_vocabulary(write(tmp_path, SMALL))
    edited = load_vocabulary(write(tmp_path, SMALL.replace("depress(?:ion|ive)", "melanchol\\w*")))
    text, lower = "Melancholic depression.", "melancholic depression."
    assert first.conditions[0].patterns is not None and edited.conditions[0].patterns is not None
    assert [m.group(0) for m in first.conditions[0].patterns.finditer(text, lower)] == [
        "depression"]
    assert [m.group(0).lower() for m in edited.conditions[0].patterns.finditer(text, lower)] == [
        "melancholic"]
    assert edited.version != first.version


def test_load_vocabulary_generic_patterns_yield_to_other_labels(tmp_path: Path) -> None:
    text = SMALL.replace("[routes.iv]", (
        "[conditions.anxiety]\npatterns = ['\\banxiety\\b']\n"
        "generic = ['\\bworry\\b']\ngeneric_unless = [\"depression\"]\n\n[routes.iv]"))
    vocab = load_vocabulary(write(tmp_path, text))
    anxiety = vocab.conditions[1]
    assert anxiety.generic is not None and anxiety.generic_unless == ("depression",)
    with pytest.raises(VocabularyError, match="generic_unless without generic patterns"):
        load_vocabulary(write(tmp_path, text.replace("generic = ['\\bworry\\b']\n", "")))


def test_load_vocabulary_bad_toml_names_line(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError) as exc:
        load_vocabulary(write(tmp_path, SMALL.replace('title = "Depression"', "title = ")))
    assert exc.value.line == 5


def test_load_vocabulary_sample_size_rule_needs_group(tmp_path: Path) -> None:
    text = SMALL + "\n[[sample_size.rule]]\npattern = '\\d+ patients'\n"
    with pytest.raises(VocabularyError, match=r"sample_size.rule\[0\].pattern.*\(\?P<n>"):
        load_vocabulary(write(tmp_path, text))


@pytest.mark.parametrize(("text", "n"), [("67", 67), ("1,234", 1234), ("sixty-seven", 67),
                                         ("one hundred and twenty", 120), ("Twelve", 12),
                                         ("2'148", 2148), ("2\u2019148", 2148),
                                         ("1.876", 1876), ("a hundred and twenty", 120),
                                         ("Two thousand three hundred and sixty-four", 2364),
                                         ("one thousand, twenty-two", 1022), ("many", None)])
def test_parse_number(text: str, n: int | None) -> None:
    assert parse_number(text) == n


@pytest.mark.parametrize(("text", "found"), [
    ("A total of 2'148 patients", "2'148"),  # Swiss separator: never "148"
    ("A total of 1.876 patients", "1.876"),  # a dot before people: a thousands separator
    ("ketamine 1.876 mg was given to 12 patients", "12"),  # before a unit: a decimal
    ("In 2,460 adults", "2,460"), ("In 1 234 adults", "1 234"),
    # number words (the patterns run on the lower-cased text): never "two" alone
    ("two thousand three hundred and sixty-four patients",
     "two thousand three hundred and sixty-four"),
    ("a hundred and twenty patients", "a hundred and twenty"),
])
def test_num_macro_reads_thousands_separators(text: str, found: str) -> None:
    import re

    from aggregator.regex_source import NUM

    m = re.search(rf"(?P<n>{NUM})\s+(?:[\w-]+\s+)?(?:patients|adults)\b", text)
    assert m is not None and m.group("n") == found


def test_matcher_same_matches_as_plain_ignorecase_regex() -> None:
    import re

    sources = [r"\bdepress(?:ion|ive)\b", r"\b(?:treatment[- ])?resistant depression",
               r"(?-i:\bIM\b)", r"\bketamine\s+(?:\w+\s+){0,2}?infusions?\b"]
    text = "Treatment-resistant Depression: IM and im; ketamine IV infusion; antidepressive."
    m = Matcher(sources)
    got = {(x.start(), x.end()) for x in m.finditer(text, text.lower())}
    joined = {x.span() for x in re.finditer("|".join(sources), text, re.IGNORECASE)}
    each = {x.span() for s in sources for x in re.finditer(s, text, re.IGNORECASE)}
    # what one joined case-insensitive regex finds, and nothing no pattern would find
    assert joined <= got <= each
    assert (32, 34) in got and (37, 39) not in got  # (?-i:IM) stays case-sensitive


@pytest.mark.parametrize("text", [
    "In 12 patients, 40 mg esketamine; 30 patients were randomized; 5 ml ketamine given epidurally.",
    "In 12 adults, 40 mg esketamine, 30 adults and 5 ml of ketamine in 7 days.",  # gates fail
])
def test_scanner_groups_sharing_prefixes_keep_their_own_gates(text: str) -> None:
    import re

    from aggregator.matcher import Scanner, lower_text

    # the first two index the same word starts (the digits) and need different words after
    # them; the third is found by substring ("esketamine" holds "ketamine"), behind its gate
    sources = [r"\b\d+\s+patients\s+were\s+randomi[sz]ed\b", r"\b\d+\s+(?:mg|ml)\b",
               r"ketamine\s+(?:\w+\s+){0,2}?epidurally\b"]
    matchers = [Matcher([s]) for s in sources]
    scanner = Scanner(matchers)
    lower = lower_text(text)
    index = scanner.index(lower, text)
    for matcher, src in zip(matchers, sources, strict=True):
        got = [m.group() for m in matcher.finditer(text, lower, index=index)]
        assert got == [m.group() for m in re.finditer(src, text, re.IGNORECASE)], src
    assert [m.group() for m in matchers[1].finditer(text, lower, index=index)] == ["40 mg",
                                                                                  "5 ml"]


def test_load_vocabulary_no_sample_cues(tmp_path: Path) -> None:
    text = SMALL + "\n[sample_size]\nno_sample_cues = ['\\\\bmarkov models?\\\\b']\n"
    vocab = load_vocabulary(write(tmp_path, text))
    assert vocab.no_sample_cues is not None
    assert vocab.no_sample_cues in vocab.matchers()
    with pytest.raises(VocabularyError, match=r"sample_size.*no_sample_cues"):
        load_vocabulary(write(tmp_path, text.replace("models?", "models(")))


def test_load_vocabulary_exclude_unless_needs_exclude(tmp_path: Path) -> None:
    text = SMALL.replace("[routes.iv]", (
        "[conditions.anxiety]\npatterns = ['\\banxiety\\b']\nexclude = ['\\banxiety scale\\b']\n"
        "exclude_unless = ['\\bsocial anxiety scale\\b']\n\n[routes.iv]"))
    vocab = load_vocabulary(write(tmp_path, text))
    assert vocab.conditions[1].exclude_unless is not None
    with pytest.raises(VocabularyError, match="exclude_unless without exclude patterns") as exc:
        load_vocabulary(write(tmp_path, text.replace("exclude = ['\\banxiety scale\\b']\n", "")))
    assert exc.value.field == "conditions.anxiety.exclude_unless"
