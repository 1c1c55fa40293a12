"""tag.py: table-driven cases written from realistic sentences (not copied from any record)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from aggregator.models import Coded, Correction, MeshHeading, Record, Registration, Tag, Tags
from aggregator.tag import find_registrations, normalise_registration, tag_record
from aggregator.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary(ROOT / "queries")


def rec(title: str = "", abstract: str = "", **kw: object) -> Record:
    return Record(pmid="1", title=title, abstract=abstract, **kw)  # type: ignore[arg-type]


# -- conditions --------------------------------------------------------------------------------
CONDITION_CASES = [
    ("trd implies depression",
     "Repeated ketamine infusions for treatment-resistant depression",
     ("OBJECTIVE: To test repeated infusions. METHODS: Adults were randomized. RESULTS: MADRS "
      "scores fell. CONCLUSIONS: Ketamine was effective."),
     {"trd", "depression"}, set()),
    ("exclusion criterion is not the condition",
     "Esketamine nasal spray in major depressive disorder: an open-label study",
     ("METHODS: Adults with major depressive disorder were enrolled. Patients with PTSD or "
      "bipolar disorder were excluded. RESULTS: Response rates were high."),
     {"depression"}, {"ptsd", "bipolar"}),
    ("background mention is not the condition",
     "Ketamine for acute suicidal ideation in the emergency department",
     ("BACKGROUND: Ketamine has been studied in treatment-resistant depression and chronic pain. "
      "METHODS: Emergency patients with suicidal ideation received ketamine. RESULTS: Suicidal "
      "ideation decreased within hours. CONCLUSIONS: Ketamine rapidly reduced suicidal ideation."),
     {"suicidality"}, {"trd", "chronic_pain"}),
    ("bipolar depression tags bipolar and depression",
     "Ketamine in bipolar depression: a randomized trial",
     "Patients with bipolar I or II depression received ketamine or midazolam.",
     {"bipolar", "depression"}, set()),
    ("respiratory depression is no depression",
     "Ketamine versus fentanyl for procedural sedation in children",
     ("METHODS: Children undergoing fracture reduction received ketamine or fentanyl for "
      "procedural sedation. RESULTS: Respiratory depression occurred in two patients."),
     {"anesthesia"}, {"depression"}),
    ("ptsd in title", "Ketamine infusion for chronic posttraumatic stress disorder",
     "Veterans with PTSD received six infusions.", {"ptsd"}, set()),
    ("ocd", "Ketamine in obsessive-compulsive disorder: a crossover trial",
     "Unmedicated adults with OCD received ketamine and saline.", {"ocd"}, set()),
    ("chronic pain: CRPS", "Outpatient ketamine infusions for complex regional pain syndrome",
     "We reviewed 40 patients with CRPS treated with ketamine infusions.",
     {"chronic_pain"}, set()),
    ("acute postoperative pain",
     "Low-dose ketamine and postoperative pain after spinal fusion",
     ("OBJECTIVE: To assess postoperative pain and opioid consumption. RESULTS: Pain scores "
      "were lower with ketamine."), {"acute_pain"}, set()),
    ("substance use", "Ketamine-assisted psychotherapy for alcohol use disorder",
     "Adults with alcohol use disorder received three ketamine sessions.",
     {"substance_use"}, set()),
    ("anxiety", "Ketamine for treatment-refractory generalized anxiety disorder",
     "Patients with GAD received weekly ketamine.", {"anxiety"}, set()),
    ("postoperative delirium in anaesthesia context tags anesthesia only",
     "Intraoperative esketamine and postoperative delirium in older patients",
     ("METHODS: Older patients undergoing hip surgery received esketamine during surgery. "
      "RESULTS: Delirium incidence did not differ."), {"anesthesia"}, {"depression"}),
    ("sickle cell pain crisis is acute pain", "Ketamine in sickle cell disease vaso-occlusive crisis",
     "METHODS: Adults with a vaso-occlusive pain crisis received low-dose ketamine.",
     {"acute_pain"}, {"chronic_pain"}),
    ("procedural pain of dressing changes", "Intranasal ketamine for burn dressing changes",
     "METHODS: Children undergoing dressing changes received intranasal ketamine.",
     {"acute_pain"}, set()),
    ("recreational use in nightlife", "Ketamine use among young adults attending nightclubs",
     "METHODS: 1,200 young adults completed an online survey about recreational ketamine use.",
     {"substance_use"}, set()),
    ("a side effect is not the condition", "Ketamine infusion for fibromyalgia: a randomized trial",
     ("METHODS: 40 women with fibromyalgia were randomized to ketamine or midazolam. RESULTS: "
      "Adverse events included nausea, dizziness, anxiety and dissociation."),
     {"chronic_pain"}, {"anxiety"}),
]


@pytest.mark.parametrize(("case", "title", "abstract", "expected", "absent"), CONDITION_CASES,
                         ids=[c[0] for c in CONDITION_CASES])
def test_tag_conditions_from_text(vocab: Vocabulary, case: str, title: str, abstract: str,
                                  expected: set[str], absent: set[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    got = set(tags.labels("conditions"))
    assert expected <= got, got
    assert not (absent & got), got
    assert all(t.source == "text" and t.term for t in tags.conditions)


def test_tag_condition_provenance_mesh_vs_text(vocab: Vocabulary) -> None:
    title = "Ketamine for treatment-resistant depression"
    text_tags = tag_record(rec(title), vocab)
    trd = next(t for t in text_tags.conditions if t.label == "trd")
    assert trd == Tag("trd", "text", "treatment-resistant depression")
    mesh = [MeshHeading("D061218", "Depressive Disorder, Treatment-Resistant", major=True)]
    mesh_tags = tag_record(rec("Ketamine infusions: a clinical study", mesh=mesh), vocab)
    assert Tag("trd", "mesh", "Depressive Disorder, Treatment-Resistant") in mesh_tags.conditions
    assert "depression" in mesh_tags.labels("conditions")


# -- routes ------------------------------------------------------------------------------------
ROUTE_CASES = [
    ("iv infusion", "Ketamine 0.5 mg/kg over 40 minutes for depression",
     "Patients received a single infusion of ketamine.", "iv", "mg/kg over 40 min"),
    ("intravenous", "Intravenous ketamine for suicidal ideation", "", "iv", "Intravenous"),
    ("spravato without the word nasal", "Esketamine (Spravato) in routine care",
     "Patients started Spravato twice weekly.", "intranasal", "Spravato"),
    ("esketamine 56/84 mg", "Esketamine 56 or 84 mg plus an oral antidepressant",
     "A flexible-dose study in adults.", "intranasal", None),
    ("nasal spray", "Esketamine nasal spray versus quetiapine", "", "intranasal", None),
    ("intramuscular", "Intramuscular ketamine for agitation in the emergency department", "",
     "im", "Intramuscular"),
    ("IM abbreviation", "Ketamine for depression",
     "METHODS: Patients received ketamine 0.5 mg/kg IM weekly.", "im", "IM"),
    ("oral", "Oral ketamine for chronic pain in palliative care", "", "oral", "Oral ketamine"),
    ("sublingual", "Sublingual ketamine for depression: a case series", "", "sublingual",
     "Sublingual"),
    ("lozenge", "Ketamine lozenges in home-based treatment",
     "METHODS: Patients took ketamine lozenges twice weekly.", "sublingual", "lozenges"),
    ("troche", "Compounded ketamine troches for depression",
     "METHODS: Patients used a ketamine troche.", "sublingual", None),
    ("subcutaneous", "Subcutaneous ketamine for depression in older adults", "",
     "subcutaneous", "Subcutaneous"),
    ("epidural", "Epidural ketamine for labour analgesia",
     "METHODS: Parturients received epidural ketamine with ropivacaine.", "neuraxial", None),
    ("intrathecal", "Intrathecal ketamine in caesarean section",
     "METHODS: Women received intrathecal ketamine added to bupivacaine.", "neuraxial", None),
    ("caudal", "Caudal ketamine for postoperative analgesia in children",
     "METHODS: Children received a caudal block with ketamine.", "neuraxial", None),
    ("rectal", "Rectal ketamine premedication in children", "", "rectal", "Rectal"),
    ("nebulized", "Nebulized ketamine for acute pain in the emergency department", "",
     "inhaled", "Nebulized"),
    ("topical", "Topical ketamine cream for neuropathic pain", "", "topical", "Topical"),
]


@pytest.mark.parametrize(("case", "title", "abstract", "route", "term"), ROUTE_CASES,
                         ids=[c[0] for c in ROUTE_CASES])
def test_tag_routes_from_text(vocab: Vocabulary, case: str, title: str, abstract: str,
                              route: str, term: str | None) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert route in tags.labels("routes"), tags.routes
    if term:
        assert Tag(route, "text", term) in tags.routes


@pytest.mark.parametrize("abstract", [
    "METHODS: Patients received a 5-day continuous subcutaneous ketamine infusion.",
    "METHODS: Ketamine was infused subcutaneously over 24 hours.",
    "METHODS: Women received an epidural infusion of ketamine and ropivacaine.",
    "METHODS: Patients received a continuous subcutaneous infusion of ketamine 0.1 mg/kg/h.",
    "METHODS: Patients received ketamine 0.1 mg/kg/h subcutaneously for 5 days.",
    "METHODS: Women received epidural ketamine 0.1 mg/kg/h with bupivacaine.",
])
def test_tag_an_infusion_by_another_route_is_not_intravenous(vocab: Vocabulary,
                                                             abstract: str) -> None:
    tags = tag_record(rec("Ketamine for pain", abstract), vocab)
    assert "iv" not in tags.labels("routes"), tags.routes
    assert tags.labels("routes") in (["subcutaneous"], ["neuraxial"])


@pytest.mark.parametrize(("abstract", "term"), [
    ("METHODS: Patients received esketamine 0.25 mg/kg/h or saline during surgery.",
     "esketamine 0.25 mg/kg/h"),
    ("METHODS: Ketamine at a rate of 0.3 mg/kg per hour was given until skin closure.",
     "Ketamine at a rate of 0.3 mg/kg per hour"),
    ("METHODS: Patients received (S)-ketamine 0.5 mg\u00b7kg\u22121\u00b7h\u22121.",
     "ketamine 0.5 mg\u00b7kg\u22121\u00b7h\u22121"),
])
def test_tag_a_ketamine_dose_per_hour_is_an_intravenous_infusion(vocab: Vocabulary,
                                                                 abstract: str,
                                                                 term: str) -> None:
    # a dose per kilogram per hour is a continuous infusion, though the word is not there
    tags = tag_record(rec("Esketamine and postoperative delirium", abstract), vocab)
    assert tags.routes == [Tag("iv", "text", term)]


def test_tag_another_drug_s_dose_rate_is_no_ketamine_route(vocab: Vocabulary) -> None:
    abstract = ("METHODS: Children received oral ketamine 0.5 mg/kg and dexmedetomidine "
                "0.5 \u00b5g/kg/h.")
    assert tag_record(rec("Ketamine premedication", abstract), vocab).labels("routes") == [
        "oral"]


def test_tag_routes_phase_iv_is_not_intravenous(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Esketamine: results of a phase IV study of DSM-IV depression"), vocab)
    assert "iv" not in tags.labels("routes")


def test_tag_routes_from_mesh(vocab: Vocabulary) -> None:
    mesh = [MeshHeading("D000281", "Administration, Intranasal")]
    tags = tag_record(rec("Esketamine in depression", mesh=mesh), vocab)
    assert Tag("intranasal", "mesh", "Administration, Intranasal") in tags.routes


# -- design ------------------------------------------------------------------------------------
DESIGN_PT_CASES = [
    (["Journal Article", "Meta-Analysis", "Systematic Review"], "meta_analysis"),
    (["Systematic Review"], "systematic_review"),
    (["Randomized Controlled Trial", "Multicenter Study"], "rct"),
    (["Clinical Trial, Phase II"], "nonrandomized_trial"),
    (["Controlled Clinical Trial"], "nonrandomized_trial"),
    (["Observational Study"], "observational"),
    (["Case Reports"], "case_report"),
    (["Review"], "review"),
    (["Practice Guideline"], "guideline"),
    (["Consensus Development Conference"], "guideline"),
    (["Editorial"], "other"),
    (["Letter", "Comment"], "other"),
]


@pytest.mark.parametrize(("ptypes", "design"), DESIGN_PT_CASES)
def test_tag_design_from_publication_types(vocab: Vocabulary, ptypes: list[str],
                                           design: str) -> None:
    record = rec("Ketamine and depression", publication_types=[Coded(None, p) for p in ptypes])
    tags = tag_record(record, vocab)
    assert tags.design is not None
    assert tags.design.label == design
    assert tags.design.source == "publication_type"


def test_tag_design_rct_as_topic_mesh_is_not_an_rct(vocab: Vocabulary) -> None:
    mesh = [MeshHeading("D016032", "Randomized Controlled Trials as Topic", major=True)]
    record = rec("How ketamine trials are reported: a narrative review",
                 "This article reviews reporting practices.", mesh=mesh,
                 publication_types=[Coded("D016454", "Review")])
    tags = tag_record(record, vocab)
    assert tags.design == Tag("review", "publication_type", "Review")


DESIGN_TEXT_CASES = [
    ("Ketamine for depression: a randomized, double-blind, placebo-controlled trial", "", "rct"),
    ("Ketamine for suicidal ideation: a systematic review and meta-analysis", "",
     "meta_analysis"),
    ("Esketamine in adolescents: a systematic review", "", "systematic_review"),
    ("Ketamine-induced cystitis: a case report",
     "We report a 24-year-old man with ketamine uropathy.", "case_report"),
    ("Open-label ketamine infusions in bipolar depression",
     "METHODS: Twenty patients received six open-label infusions.", "nonrandomized_trial"),
    ("Ketamine outcomes in a community clinic: a retrospective cohort study", "",
     "observational"),
    ("Esketamine for postpartum depression: study protocol for a randomised controlled trial",
     "METHODS: 300 women will be randomly allocated.", "protocol"),
    ("Ketamine reverses depression-like behaviour in rats",
     "Male Sprague-Dawley rats received ketamine 10 mg/kg. Mice were also tested.",
     "preclinical"),
    ("Ketamine and the brain: a narrative review",
     "This review summarises mechanisms of ketamine action.", "review"),
    ("A bibliometric analysis of ketamine research", "", "other"),
    # drug-pipeline language names other trials; this paper's own phase still counts
    ("Emerging drugs in phase II and III clinical development for alcohol use disorder",
     "Several glutamatergic agents, ketamine among them, are reviewed.", "review"),
    ("Ketamine in phase 2 clinical development for depression: an update",
     "We summarize the evidence from phase 1 to phase 3 programmes.", "review"),
    ("Intranasal ketamine in suicidal adults: a phase II study",
     "METHODS: Seventeen adults received intranasal ketamine twice weekly.", "nonrandomized_trial"),
    # an unstructured abstract whose first sentence says what the paper is, ending in APA's
    # notice (no "Database" registry study from it)
    ("Intranasal ketamine and exposure therapy for refractory OCD",
     ("The letter presents a case report of a man in his twenties with refractory OCD. He was "
     "treated for 8 weeks. Symptoms improved. Further trials are warranted. (PsycINFO Database "
     "Record (c) 2017 APA, all rights reserved)"), "case_report"),
    # an economic model is no review, whatever its "payer perspective"
    ("Cost-effectiveness of esketamine nasal spray for treatment-resistant depression",
     "We built a Markov model from a payer perspective over five years.", "other"),
    # a crossover "in random order" is randomised
    ("Pharmacokinetics of oral and intranasal esketamine in healthy volunteers",
     "Twelve volunteers received esketamine orally and intranasally in random order.", "rct"),
    ("Ketamine infusions for depression: a series of 28 patients treated in an ECT clinic",
     ("METHOD: Twenty-eight patients received up to six infusions. CONCLUSION: The response rate "
     "was comparable to that found in RCTs of single doses of ketamine."), "case_report"),
    # Mendelian randomisation is genetic epidemiology, not a randomised trial
    ("Genetically predicted depression and ketamine response: a Mendelian randomization study",
     "METHODS: We performed a two-sample Mendelian randomization analysis of GWAS data.",
     "observational"),
    # "may guide clinical practice" in a conclusion makes no observational study
    ("Ketamine for treatment-resistant depression: a Delphi consensus of experts",
     ("METHODS: Thirty-five experts completed three Delphi rounds. CONCLUSIONS: These "
      "statements may guide clinical practice."), "guideline"),
    ("Ketamine in routine clinical practice: outcomes of 200 patients", "", "observational"),
    # an umbrella review of meta-analyses reviews them; one that pools again is a meta-analysis
    ("Ketamine for depression: an umbrella review of meta-analyses",
     ("METHODS: We searched for meta-analyses of ketamine trials. RESULTS: Twenty-one "
      "meta-analyses were included."), "systematic_review"),
    ("Ketamine for depression: an umbrella review and meta-analysis of randomized trials",
     "RESULTS: Effects were pooled with random-effects models.", "meta_analysis"),
]


@pytest.mark.parametrize(("title", "abstract", "design"), DESIGN_TEXT_CASES)
def test_tag_design_from_text(vocab: Vocabulary, title: str, abstract: str,
                              design: str) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.design is not None and tags.design.label == design, tags.design
    assert tags.design.source == "text"


def test_unstructured_abstract_opening_with_methods(vocab: Vocabulary) -> None:
    """An abstract that opens with what was done: that sentence is methods, not background,
    so its design, route and sample size count."""
    tags = tag_record(rec(
        "Ketamine-assisted psychotherapy for alcohol use disorder",
        "Ninety-six adults with severe alcohol use disorder were randomized to three ketamine "
        "infusions or saline, each with psychological therapy. Days abstinent at 6 months were "
        "higher with ketamine. Ketamine was well tolerated."), vocab)
    assert tags.design is not None and tags.design.label == "rct"
    assert tags.labels("routes") == ["iv"] and tags.sample_size == 96
    tags = tag_record(rec(
        "Ketamine versus etomidate for intubation in critically ill adults",
        "In this multicentre randomized trial, 801 critically ill adults undergoing intubation "
        "were assigned to ketamine or etomidate. Survival at day 28 did not differ. "
        "Cardiovascular collapse was more frequent with ketamine."), vocab)
    assert tags.design is not None and tags.design.label == "rct" and tags.sample_size == 801
    # "received <drug> ... or saline": the comparison makes the trial; the opening sentence
    # that says so is methods
    tags = tag_record(rec(
        "Epidural ketamine for analgesia after caesarean section",
        "Sixty women scheduled for caesarean delivery received epidural ketamine 30 mg or "
        "saline. Time to first analgesic request was longer with ketamine. Nausea was rare."),
        vocab)
    assert tags.design is not None and tags.design.label == "rct" and tags.sample_size == 60
    assert tags.labels("routes") == ["neuraxial"]
    # an opening sentence without such a cue is still background: a trial named there is
    # someone else's
    tags = tag_record(rec(
        "Ketamine in a community clinic",
        "A randomized trial in 2013 showed rapid effects of ketamine. We describe outcomes in "
        "routine care. Most patients improved."), vocab)
    assert tags.design is None or tags.design.label != "rct"


def test_a_sentence_about_other_measures_weighs_little_whole(vocab: Vocabulary) -> None:
    """A cue of ``secondary_sentence_cues`` mutes its whole sentence, the words before the cue
    too ("Depressive symptoms (PHQ-9) ... were secondary measures"), to ``weights.secondary``;
    the sentences around it keep their weight."""
    from aggregator.document import segment

    abstract = ("METHODS: Adults with chronic low back pain took oral ketamine. Depressive "
                "symptoms (PHQ-9) and sleep were secondary measures. Pain was the primary "
                "outcome.")
    text, _, _, sentences, muted = segment(rec("A title", abstract), vocab)
    second = next(s for s in sentences if text[s.start:s.end].startswith("Depressive"))
    assert (second.start, second.end, vocab.weights["secondary"]) in muted
    assert not any(s <= text.index("Pain was") < e for s, e, _ in muted)
    assert not any(s <= text.index("oral ketamine") < e for s, e, _ in muted)


def test_section_headings_in_mixed_case_and_aims_in_the_background(vocab: Vocabulary) -> None:
    """"Background: ... Methods: ..." written into the text are headings when there are two or
    more of them (one "The results were as follows:" is a sentence); an aim stated inside a
    BACKGROUND section counts as the objective."""
    from aggregator.document import segment

    def kinds(abstract: str) -> list[str]:
        _, _, _, sentences, _ = segment(rec("A title", abstract), vocab)
        return [s.kind for s in sentences if s.kind != "title"]

    assert kinds("Objective: To describe esketamine. Methods: We pooled two trials. "
                 "Results: Dizziness was common. Conclusions: It was tolerated.") == [
        "objective", "methods", "results", "conclusion"]
    assert kinds("Ketamine is used widely. The results were as follows: most improved. "
                 "Ketamine works.") == ["background", "body", "conclusion"]
    assert kinds("BACKGROUND: Ketamine is used widely. We aimed to assess esketamine nasal "
                 "spray in bipolar depression.\nMETHODS: Ten adults were treated.") == [
        "background", "objective", "methods"]
    # only background sections look for aims (a cue may run on past the section's end)
    assert kinds("OBJECTIVE: To test esketamine.\nMETHODS: We aimed to treat ten adults."
                 "\nRESULTS: All improved.") == ["objective", "methods", "results"]
    assert kinds("METHODS: Ten adults were treated.\nBACKGROUND: Ketamine is used widely. "
                 "Here, in a pilot, we\nRESULTS: assessed esketamine in 10 adults.") == [
        "methods", "background", "objective", "results"]


def test_section_headings_without_colons(vocab: Vocabulary) -> None:
    """Headings some journals print without a colon ("Objective To assess ... Design
    Randomised controlled trial. Participants 120 adults ...") are headings when there are two
    or more of them; a sentence that merely starts with such a word is none ("Results were
    mixed")."""
    from aggregator.document import segment

    def kinds(abstract: str) -> list[str]:
        _, _, _, sentences, _ = segment(rec("A title", abstract), vocab)
        return [s.kind for s in sentences if s.kind != "title"]

    assert kinds("Objective To assess whether esketamine reduces delirium. Design Randomised "
                 "controlled trial. Participants 120 adults aged 65 years or older. Results "
                 "Delirium occurred in 8% and 20%. Conclusions Esketamine reduced delirium.") == [
        "objective", "methods", "methods", "results", "conclusion"]
    assert kinds("Objective Delirium is common. To assess esketamine in older adults. Methods "
                 "We randomised 120 adults.") == ["background", "objective", "methods"]
    assert kinds("Results were mixed. Methods are described. Ketamine was given.") == [
        "background", "body", "conclusion"]
    # each on a line of its own; funding counts for nothing
    assert kinds("Background\nECT is effective.\nMethods\nInpatients were randomly assigned."
                 "\nFindings\n403 patients were randomly assigned.\nInterpretation\nKetamine "
                 "was not non-inferior.\nFunding\nSwedish Research Council.") == [
        "background", "background", "methods", "methods", "results", "results", "conclusion",
        "conclusion", "limitations", "limitations"]
    # one such word is no structure ("Design The study ...")
    assert kinds("Ketamine is used widely. Design The study was small. Ketamine works.") == [
        "background", "body", "conclusion"]
    # the aim in an objective section counts twice the results' weight
    tags = tag_record(rec("Esketamine after caesarean delivery", (
        "Objective To assess esketamine for postpartum depression after caesarean delivery. "
        "Methods We randomised 300 women. Results Scores were lower.")), vocab)
    assert "depression" in tags.labels("conditions")


@pytest.mark.parametrize("abstract", [
    ("METHODS: We reviewed the charts of 300 children who received ketamine or midazolam for "
    "procedural sedation. RESULTS: Adverse events were rare."),
    ("METHODS: Charts of children who received ketamine or saline flushes were reviewed. "
    "RESULTS: Adverse events were rare."),
])
def test_tag_chart_review_comparing_drugs_is_observational(vocab: Vocabulary,
                                                            abstract: str) -> None:
    tags = tag_record(rec("Ketamine for procedural sedation in the emergency department",
                          abstract), vocab)
    assert tags.design is not None and tags.design.label == "observational", tags.design


def test_tag_design_results_set_beside_other_rcts_are_not_an_rct(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine infusions in an ECT clinic",
                          "METHOD: Twenty-eight patients received open-label infusions. "
                          "CONCLUSION: The response rate was comparable to that found in RCTs of "
                          "single doses."), vocab)
    assert tags.design is not None and tags.design.label == "nonrandomized_trial", tags.design


@pytest.mark.parametrize(("abstract", "kept"), [
    ("Mood improved. (PsycINFO Database Record (c) 2016 APA, all rights reserved)", "Mood improved."),
    ("Mood improved. (PsycInfo Database Record (c) 2024 APA, all rights reserved).", "Mood improved."),
    ("Mood improved. Copyright (c) 2019 Elsevier Inc. All rights reserved.", "Mood improved."),
    ("Mood improved. Copyright 2015 by the APA.", "Mood improved."),
    ("Mood improved. \u00a9 Springer Nature Singapore Pte Ltd. 2020.", "Mood improved."),
    ("Mood improved.\n\u00a9 2021 The Authors.", "Mood improved."),
    # not a notice: kept whole
    ("We searched the PsycINFO database. Records were screened.", None),
    ("Patients completed the Copyright-free scale. Mood improved.", None),
    ("The database record of each patient was read (copyright waived).", None),
])
def test_publisher_notice_is_left_out_of_tagging(abstract: str, kept: str | None) -> None:
    from aggregator.document import _without_notice

    assert _without_notice(abstract) == (abstract if kept is None else kept)


def test_tag_design_rct_needed_in_conclusion_is_not_an_rct(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine in a private clinic: a retrospective chart review",
                          "RESULTS: 80 patients improved. CONCLUSIONS: Randomized controlled "
                          "trials are needed."), vocab)
    assert tags.design is not None and tags.design.label == "observational"


@pytest.mark.parametrize(
    ("title", "abstract", "design"),
    [
        # the blinding was the parent studies'
        ("Long-term safety of esketamine nasal spray: an open-label extension study",
         ("METHODS: Patients who completed the parent double-blind studies could enter this "
          "open-label extension. A total of 1,148 patients were enrolled."),
         "nonrandomized_trial"),
        ("Ketamine-induced cystitis: report of three cases",
         ("Three young men with a history of daily ketamine use presented with urinary "
          "frequency. Two patients required augmentation cystoplasty."), "case_report"),
        # rodents in the background of a trial in adults: a human study
        (("Arketamine for treatment-resistant depression: a randomized, double-blind, "
         "placebo-controlled crossover trial"),
         ("BACKGROUND: (R)-ketamine showed antidepressant effects without dissociation in "
          "rodents. METHODS: Ten adults with TRD received arketamine and placebo in random "
          "order."), "rct"),
        ("Esketamine: hype or hope?",
         ("In this editorial, we reflect on the evidence for esketamine nasal spray in "
          "treatment-resistant depression. Open questions remain."), "other"),
        ("Reply to: Ketamine and the risk of cystitis",
         ("We thank the authors for their comments. In our cohort, no participant developed "
          "cystitis."), "other"),
        # a review by its title, whatever trials it discusses
        ("Ketamine for late-life depression: a narrative review",
         ("Evidence from case series and 2 randomized trials, including a crossover study, "
          "suggests benefit. Randomized trials in older adults are few."), "review"),
        # results set beside meta-analyses do not make one
        ("Intravenous ketamine in adolescents with depression: a retrospective study",
         ("Medical records of 120 adolescents treated with ketamine were reviewed. CONCLUSIONS: "
          "Response rates were consistent with previous pediatric and adult meta-analyses."),
         "observational"),
        # allocation phrases of Chinese-English abstracts
        ("Esketamine and postoperative delirium after hip surgery in elderly patients",
         ("Total 120 cases of elderly patients were divided into two groups by random number "
          "table method. Delirium was less frequent with esketamine."), "rct"),
        # a case report "and literature review" is no systematic review
        (("Ketamine for super-refractory status epilepticus in a child: a case report and "
         "literature review"),
         ("A 6-year-old boy with status epilepticus received a ketamine infusion. We also "
          "reviewed 22 published cases."), "case_report"),
        # a trial the conclusion asks for
        ("Lamotrigine for ketamine dependence: a single-arm open-label pilot study",
         ("METHODS: Twelve adults with ketamine dependence received lamotrigine. CONCLUSIONS: "
          "Lamotrigine merits evaluation in a randomised trial."), "nonrandomized_trial"),
        # records reviewed are an observational study, not a review
        ("Ketamine-related presentations of adolescents to emergency departments",
         ("We reviewed presentations of adolescents to two emergency departments from 2015 to "
          "2022. Ninety-one adolescents were identified."), "observational"),
        # a registry's results set beside trials' do not make it a trial
        ("Esketamine nasal spray in routine care: a national registry study",
         ("METHODS: We analysed a national registry of patients treated with esketamine. "
          "CONCLUSIONS: Outcomes were consistent with clinical trial data."), "observational"),
        # the extension of an earlier double-blind study
        ("Repeated esketamine in elderly TRD: a 12-month extension",
         ("METHODS: Patients who completed a prior double-blind study received open-label "
          "esketamine for 12 months."), "nonrandomized_trial"),
        # a title that says the study is observational, or a ten-year review of records
        ("Ketamine infusion therapy in a private clinic: a retrospective cohort study",
         "METHODS: Patients received six infusions over 2 weeks and were followed for a year.",
         "observational"),
        ("Ketamine sedation in a pediatric emergency department: a 10-year review",
         "We reviewed 4,126 sedation events in 3,802 children.", "observational"),
        ("Emergency department visits related to ketamine misuse",
         "METHODS: We analysed a nationwide sample of emergency department visits.",
         "observational"),
        # a quality-improvement study's guideline is no guideline design; a retrospective case
        # series is a case series
        ("Ketamine for agitation in the emergency department: a before-and-after study",
         ("METHODS: We introduced a clinical guideline, order set and education for ketamine. "
          "We compared 212 patients before with 240 patients after implementation of the "
          "guideline."), "observational"),
        ("Ketamine for refractory status epilepticus: a retrospective case series",
         "We describe eight patients who received ketamine.", "case_report"),
        # a title that names a trial as well is the trial's
        ("Ketamine in a nationwide cohort of veterans: a double-blind placebo-controlled trial",
         "METHODS: Veterans with TRD were randomized to ketamine or midazolam.", "rct"),
        ("Dissociation and response: a retrospective analysis of the TRANSFORM-2 trial",
         "METHODS: Patients had been randomized to esketamine or placebo.", "rct"),
        # a case report that reviews the literature, or a study that reviews its experience
        ("Ketamine-induced cholangiopathy",
         "We report a case of a 25-year-old man. Here, we review the literature.", "case_report"),
        ("Ketamine infusions in a community clinic",
         ("This article reviews our experience with 64 patients whose records were "
          "retrospectively reviewed."), "observational"),
        # titles that mention guidelines without being one
        ("Guideline-discordant ketamine dosing in emergency departments: a retrospective study",
         "METHODS: We reviewed records of 512 patients.", "observational"),
        (("Low-dose ketamine as recommended by current guidelines versus morphine: a randomized "
         "trial"), "METHODS: Adults were randomized to ketamine or morphine.", "rct"),
        # older phrasing: the design in the first sentence, "allocated randomly"
        ("Low-dose ketamine does not improve analgesia after tonsillectomy in adults",
         ("The study was of randomised, double-blind, placebo-controlled design. Fifty adults "
          "received ketamine 0.2 mg/kg i.v. or saline. Pain scores were similar. Ketamine "
          "offered no benefit."), "rct"),
        ("Ketamine and postoperative pain after hernia repair",
         ("Forty ASA I-II patients were allocated randomly to ketamine or saline. Pain scores "
          "were recorded. Ketamine reduced pain."), "rct"),
        # a data set split at random is no trial
        ("Prediction of ketamine response from genome-wide data",
         ("A total of 83 patients were divided randomly into training and validation sets. "
          "The model predicted response."), "observational"),
        # a review that did not pool
        ("Ketamine for chronic pain: a systematic review",
         "We searched MEDLINE. Owing to heterogeneity, no meta-analysis was performed.",
         "systematic_review"),
        # a Cochrane review's pooled results make it a meta-analysis
        ("Ketamine for depression in bipolar disorder",
         ("SEARCH METHODS: We searched CENTRAL, MEDLINE and Embase. MAIN RESULTS: We included "
          "10 studies (647 participants). Ketamine reduced depression scores at 24 hours (MD "
          "-11.81, 95% CI -20.01 to -3.61; 2 studies, 33 participants)."), "meta_analysis"),
        # a review of animal work, or one that mentions case series, is a review
        ("Ketamine and synaptic plasticity",
         ("In this review, we summarise evidence from rodent models: in mice, ketamine restores "
          "spine density within 24 hours."), "review"),
        ("Psychosocial care for ketamine uropathy",
         ("This narrative review describes the care of people with ketamine uropathy. Evidence "
          "is limited to small case series."), "review"),
        # an editorial about a study in the same issue
        ("Ketamine clinics: promise and caution",
         ("In this issue, a large observational study describes outcomes in more than 2,000 "
          "patients treated in ketamine clinics."), "other"),
        # randomisation denied, emulated, hoped for or cited as past evidence
        ("Intravenous ketamine for suicidal ideation: an open-label pilot study",
         ("METHODS: Single-group, open-label pilot study of 16 adults. CONCLUSIONS: The results "
          "support a definitive randomized controlled trial."), "nonrandomized_trial"),
        ("Ketamine versus ECT for depression: a non-randomised controlled study",
         ("METHODS: Patients chose ketamine or ECT; allocation was by patient preference "
          "rather than randomisation."), "nonrandomized_trial"),
        ("Ketamine and opioid use after surgery: a target trial emulation",
         ("METHODS: Using claims data, we emulated a hypothetical randomized trial of "
          "intraoperative ketamine. Patients were not randomized."), "observational"),
        ("Open-label ketamine infusions in adolescents",
         ("OBJECTIVES: Randomized controlled trials have established the rapid effect of "
          "ketamine in adults. Adolescents received open-label intravenous ketamine."),
         "nonrandomized_trial"),
        ("Esketamine in a single-centre, non-randomised, dose-escalation study",
         "METHODS: Eighteen adults received esketamine.", "nonrandomized_trial"),
        # a guideline's title wins over the evidence it weighed
        ("Chinese expert consensus on the perioperative use of esketamine",
         ("Evidence from randomized controlled trials and meta-analyses published up to 2023 "
          "was reviewed, and recommendations were agreed."), "guideline"),
        ("Consensus guidelines on the use of intravenous ketamine infusions for chronic pain",
         "We searched for randomized controlled trials and observational studies.", "guideline"),
        ("Adherence to REMS guidelines in esketamine clinics: a retrospective study",
         "METHODS: We reviewed records of 212 patients treated with esketamine.",
         "observational"),
        # a review that says so, whatever trials it describes
        ("Esketamine nasal spray: a review of the clinical trial program",
         ("This article reviews the phase 2 and phase 3 randomized controlled trials of "
          "esketamine."), "review"),
        ("Ketamine for depression: current evidence and future directions",
         ("This article summarizes the results of randomized controlled trials of ketamine in "
          "depression."), "review"),
        ("Ketamine clinics in the United States",
         ("In this perspective, we argue that randomized trials do not reflect the patients "
          "treated in ketamine clinics."), "review"),
    ],
)
def test_tag_design_general_rules(vocab: Vocabulary, title: str, abstract: str,
                                  design: str) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.design is not None and tags.design.label == design, tags.design


# -- population, ketamine's role, age ------------------------------------------------------------
def test_tag_population_animal_and_anaesthetic_tool(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Hippocampal plasticity after stress in rats",
                          "Rats were anesthetized with ketamine/xylazine before surgery."), vocab)
    assert tags.population is not None and tags.population.label == "animal"
    assert tags.ketamine_treatment is False


def test_tag_veterinary_species_are_animals_and_ventilatory_depression_no_condition(
        vocab: Vocabulary) -> None:
    tags = tag_record(rec(
        "Hypoxic ventilatory response in cats lightly anesthetized with ketamine",
        "The effect of low concentration halothane on the ventilatory response to hypoxia was "
        "studied in sixteen cats. Halothane depressed the hypoxic ventilatory responses. The "
        "depression of hypoxic ventilatory response could cause hypoventilation."), vocab)
    assert tags.population == Tag("animal", "text", "cats")
    assert "depression" not in tags.labels("conditions")
    assert tags.design is not None and tags.design.label == "preclinical"
    assert tags.ketamine_treatment is False  # the anaesthetic of the experiment
    # CATS in capitals is a rating scale, not cats
    scale = tag_record(rec("Ketamine for PTSD in adolescents",
                           "Symptoms were rated with the CATS in 40 patients."), vocab)
    assert scale.population is not None and scale.population.label == "human"


def test_tag_cultured_animal_cells_are_in_vitro(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Hydroxynorketamine activates AMPA receptors in cultured hippocampal "
                          "neurons", "Using primary cultures of rat hippocampal neurons, we show "
                          "that the metabolite potentiates AMPA currents."), vocab)
    assert tags.population is not None and tags.population.label == "in_vitro"
    assert tags.design is not None and tags.design.label == "preclinical"


def test_tag_ketamine_induced_model_is_not_treatment(vocab: Vocabulary) -> None:
    tags = tag_record(rec("A new mGlu2 modulator reverses ketamine-induced hyperlocomotion in "
                          "mice"), vocab)
    assert tags.ketamine_treatment is False
    assert tags.design is not None and tags.design.label == "preclinical"


def test_tag_ketamine_antidepressant_in_mice_is_treatment(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine's antidepressant effect in chronically stressed mice"), vocab)
    assert tags.population == Tag("animal", "text", "mice")
    assert tags.ketamine_treatment is True


def test_tag_population_in_vitro(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine and BDNF release in cultured cortical neurons",
                          "In vitro, SH-SY5Y cells and cultured neurons were exposed."), vocab)
    assert tags.population is not None and tags.population.label == "in_vitro"
    # human cells and receptors are still in vitro
    for title, abstract in [
        ("Esketamine binding to human NMDA receptors",
         ("METHODS: Radioligand binding assays used membranes of HEK293 cells expressing human "
         "GluN1/GluN2B receptors. RESULTS: Esketamine displaced the ligand.")),
        ("Ketamine and dendritic growth in human iPSC-derived cortical neurons",
         ("METHODS: Human induced pluripotent stem cell-derived neurons were exposed to "
         "ketamine. RESULTS: Human neurons grew longer dendrites."))]:
        tags = tag_record(rec(title, abstract), vocab)
        assert tags.population.label == "in_vitro", (title, tags.population)


def test_tag_veterinary_clinics_name_no_animals(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Diversion of ketamine and seizures in users",
                          ("METHODS: We studied users who obtained ketamine stolen from "
                           "veterinary clinics. RESULTS: Seizures occurred in users.")), vocab)
    assert tags.population.label == "human"


def test_tag_ketamine_sedating_animals_is_no_treatment(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Adrenaline dosing in a porcine model of cardiac arrest",
                          ("METHODS: Pigs were sedated with intramuscular ketamine and midazolam "
                           "before ventricular fibrillation was induced.")), vocab)
    assert tags.population.label == "animal" and tags.ketamine_treatment is False


def test_tag_cell_lines_and_membranes_are_in_vitro(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine suppresses LPS-induced inflammation in BV2 microglial cells",
                          ("METHODS: BV2 murine microglial cells were treated with ketamine. "
                           "Radioligand binding used rat brain membranes.")), vocab)
    assert tags.population.label == "in_vitro"


def test_tag_ketamine_in_paediatric_anaesthesia_is_no_animal_anaesthetic(vocab: Vocabulary
                                                                         ) -> None:
    tags = tag_record(rec("Neonatal ketamine exposure and neurodegeneration in rats",
                          ("METHODS: Neonatal rats received ketamine 20 mg/kg. CONCLUSIONS: The "
                           "use of ketamine in pediatric anesthesia warrants caution.")), vocab)
    assert tags.population.label == "animal" and tags.ketamine_treatment is True


def test_tag_ketamine_as_the_anaesthetic_of_an_animal_experiment(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Fluoxetine and hippocampal neurogenesis after spinal cord injury in rats",
                          ("METHODS: Anaesthesia was induced with intraperitoneal ketamine and "
                           "xylazine before laminectomy. Rats then received fluoxetine.")), vocab)
    assert tags.population.label == "animal" and tags.ketamine_treatment is False


@pytest.mark.parametrize(
    ("text", "ages"),
    [("Intranasal ketamine in children and adolescents with depression", {"child"}),
     ("Ketamine for depression in elderly patients aged 65 years and older", {"older_adult"}),
     ("Ketamine infusions in adults with treatment-resistant depression", {"adult"}),
     ("Ketamine infusions for treatment-resistant depression", set()),
     ("Patients aged 65-80 years undergoing spine surgery", {"older_adult"}),
     ("Children aged under 12 years undergoing tonsillectomy", {"child"}),
     ("Adults received esketamine after cesarean delivery; mother-infant bonding was assessed",
      {"adult"}),
     ("Ketamine for fibromyalgia in middle-aged women", {"adult"}),
     ("Ketamine in adults aged eighteen to sixty-five years", {"adult"}),
     ("Topical ketamine in patients aged 50 years or older", {"adult"}),
     ("Intranasal ketamine sedation for a 9-year-old boy", {"child"}),
     # a case's age, written before "year-old"
     ("CASE: A 34-year-old woman with depression received ketamine infusions", {"adult"}),
     ("CASE: A 72-year-old man received oral ketamine for cancer pain", {"older_adult"}),
     ("CASE: A 15 year old received intranasal ketamine", {"child"}),
     # ranges written without "aged", and durations that are no ages
     ("METHODS: Patients (18-65 years, ASA I-II) received esketamine", {"adult"}),
     ("METHODS: Patients aged between 18 and 60 years received esketamine", {"adult"}),
     ("METHODS: Patients aged 65~80 years received esketamine", {"older_adult"}),
     ("METHODS: Users reported 20-30 years of use of ketamine", set()),
     # the top of a range is no one's age
     ("METHODS: Patients 18\u201365-year-old received ketamine", set()),
     ("METHODS: Forty 18- to 70-year-old patients received ketamine", set()),
     (("Women after caesarean delivery received esketamine; breastfed infants were not "
      "assessed"), set()),
     # the mothers are the participants: their newborns are no child group
     (("Women undergoing cesarean delivery received esketamine after delivery of the infant; "
      "neonatal outcomes and Apgar scores were recorded"), set())],
)
def test_tag_age_groups_only_when_stated(vocab: Vocabulary, text: str, ages: set[str]) -> None:
    assert set(tag_record(rec(text), vocab).labels("age_groups")) == ages


def test_tag_evidence_is_the_whole_hyphenated_word(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine in a case", "CASE: A 72-year-old man received ketamine."),
                      vocab)
    assert [(t.label, t.term) for t in tags.age_groups] == [("older_adult", "72-year-old")]


def test_tag_evidence_includes_the_range_before_it(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Esketamine in surgery", "METHODS: Patients (18-65 years) received "
                          "esketamine."), vocab)
    assert [(t.label, t.term) for t in tags.age_groups] == [("adult", "18-65 years")]


# -- sample size -------------------------------------------------------------------------------
SIZE_CASES = [
    ("METHODS: A total of 120 patients were randomized to ketamine or midazolam.", 120),
    ("RESULTS: Sixty-seven patients were enrolled and 60 completed the study.", 67),
    ("METHODS: In this trial, 120 participants were enrolled at three sites.", 120),
    ("METHODS: We randomized 48 adults with TRD to two arms.", 48),
    ("METHODS: Outpatients with depression (N=120) received ketamine.", 120),
    ("RESULTS: A total of 1,234 patients were included.", 1234),
    ("METHODS: Forty adults were randomly assigned to ketamine or placebo.", 40),
    ("RESULTS: Ketamine reduced MADRS scores by 12 points at 24 hours.", None),
    (("RESULTS: Response rates were 45% and 20%; 3 patients discontinued due to dizziness "
      "and 24 hours later scores improved."), None),
    # a number per arm is not the study's: unknown unless the total is written too, or the
    # allocation states how many groups ("randomly assigned to three groups of 52 each",
    # "randomized (1:1:1) ... (n = 50 per group)"), when the groups are multiplied out
    ("METHODS: Patients were divided into two groups of eight subjects each.", None),
    ("METHODS: Patients were assigned to arms of 12 patients (n = 12 per group).", None),
    ("METHODS: Patients were randomly assigned to three groups of 52 each.", 156),
    ("METHODS: Patients were randomized (1:1:1) to three doses (n = 50 per group).", 150),
    ("METHODS: Patients were randomized (2:1) to ketamine or saline (n = 40 per group).", None),
    ("METHODS: Sixteen patients were allocated to two groups (n = 8 each).", 16),
    ("METHODS: 50 infants received intramuscular ketamine before MRI.", 50),
    ("METHODS: 50 infants under 1 year received intramuscular ketamine before MRI.", 50),
    ("METHODS: Ketamine was given to 20 volunteers under double-blind conditions.", 20),
    # a count of people screened is no sample size; the randomised count after it is, with or
    # without a noun of its own
    ("METHODS: Of 150 patients screened, 120 were randomized to ketamine or midazolam.", 120),
    ("METHODS: Out of 150 patients screened, 120 were randomized.", 120),
    ("METHODS: Of 150 patients assessed for eligibility, 84 were enrolled.", 84),
    ("METHODS: Of 150 patients screened, most were excluded.", None),
    (("METHODS: 80 patients were assessed for eligibility; 60 patients were randomized to "
      "ketamine or placebo."), 60),
    ("METHODS: Twelve boys and girls were enrolled in the pilot.", 12),
    # "... and 2021 were reviewed": a year after "and" is no second arm
    (("METHODS: Medical records of 62 inpatients with severe depression who received ketamine "
     "before ECT between 2016 and 2021 were reviewed."), 62),
]


@pytest.mark.parametrize(("abstract", "n"), SIZE_CASES)
def test_tag_sample_size(vocab: Vocabulary, abstract: str, n: int | None) -> None:
    tags = tag_record(rec("Ketamine for depression: a randomized trial", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence
    if n is None:
        assert tags.sample_size_evidence is None
    else:
        assert tags.sample_size_evidence and str(tags.sample_size_evidence)


def test_tag_sample_size_meta_analysis_pooled_total(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine for depression: a meta-analysis",
                          "RESULTS: We included 14 studies with 1,234 participants."), vocab)
    assert tags.design is not None and tags.design.label == "meta_analysis"
    assert tags.sample_size == 1234
    assert tags.sample_size_evidence == "14 studies with 1,234 participants"


def test_tag_sample_size_meta_analysis_without_total_is_none(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine for depression: a meta-analysis",
                          "RESULTS: Fourteen randomized trials were included."), vocab)
    assert tags.sample_size is None


# -- registrations -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "registry", "accession"),
    [("ClinicalTrials.gov NCT 01234567", "NCT", "NCT01234567"),
     ("registered (ISRCTN12345678)", "ISRCTN", "ISRCTN12345678"),
     ("ACTRN12619000123456", "ACTRN", "ACTRN12619000123456"),
     ("EudraCT 2019-001234-56", "EudraCT", "2019-001234-56"),
     ("ChiCTR-IOR-17012345", "ChiCTR", "ChiCTR-IOR-17012345"),
     ("chictr 2000012345", "ChiCTR", "ChiCTR2000012345"),
     ("DRKS00012345", "DRKS", "DRKS00012345"),
     ("CTRI/2019/05/019234", "CTRI", "CTRI/2019/05/019234"),
     ("irct20180916041049n1", "IRCT", "IRCT20180916041049N1"),
     ("Clinical Research Information Service (KCT0006543)", "KCT", "KCT0006543"),
     ("PACTR202101123456789", "PACTR", "PACTR202101123456789"),
     ("Thai Clinical Trials Registry TCTR20210512001", "TCTR", "TCTR20210512001"),
     ("JRCTs031180123", "jRCT", "jRCTs031180123"),
     ("UMIN-CTR: UMIN000012345", "UMIN", "UMIN000012345")],
)
def test_registration_formats(text: str, registry: str, accession: str) -> None:
    assert normalise_registration(text) == (registry, accession)
    assert find_registrations(f"Trial registration: {text}.") == [
        Registration(registry, accession, "abstract")]


def test_tag_registrations_of_every_registry_are_found_through_the_word_index(
        vocab: Vocabulary) -> None:
    """The tagger scans only for registries whose prefix its word index holds: each one's
    accession is found in a record's abstract."""
    abstract = ("TRIAL REGISTRATION: NCT01234567, ISRCTN12345678, ACTRN12619000123456, "
                "ChiCTR2000012345, DRKS00012345, CTRI/2019/05/019234, IRCT20180916041049N1, "
                "KCT0006543, PACTR202101123456789, TCTR20210512001, jRCT1031200123, "
                "UMIN000012345 and EudraCT 2019-001234-56.")
    regs = tag_record(rec("Ketamine trial", abstract), vocab).registrations
    assert {r.registry for r in regs} == {
        "NCT", "ISRCTN", "ACTRN", "ChiCTR", "DRKS", "CTRI", "IRCT", "KCT", "PACTR", "TCTR",
        "jRCT", "UMIN", "EudraCT"}


def test_tag_registrations_databank_and_text_deduplicated(vocab: Vocabulary) -> None:
    record = rec("Ketamine trial", "TRIAL REGISTRATION: NCT01234567; ChiCTR2000012345.",
                 registrations=[Registration("ClinicalTrials.gov", "NCT01234567")])
    regs = tag_record(record, vocab).registrations
    assert [r.accession for r in regs] == ["NCT01234567", "ChiCTR2000012345"]
    assert regs[0].source == "databank"


# -- corrections -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("corrections", "ptypes", "flags"),
    [([Correction("RetractionIn", "999")], [], (True, False, False)),
     ([], ["Retracted Publication"], (True, False, False)),
     ([Correction("ErratumIn", "998")], [], (False, True, False)),
     ([], ["Published Erratum"], (False, True, False)),
     ([Correction("ExpressionOfConcernIn", "997")], [], (False, False, True)),
     ([], ["Expression of Concern"], (False, False, True)),
     ([Correction("CommentIn", "996")], ["Journal Article"], (False, False, False))],
)
def test_tag_correction_flags(vocab: Vocabulary, corrections: list[Correction],
                              ptypes: list[str], flags: tuple[bool, bool, bool]) -> None:
    record = rec("Ketamine", corrections=corrections,
                 publication_types=[Coded(None, p) for p in ptypes])
    tags = tag_record(record, vocab)
    assert (tags.retracted, tags.erratum, tags.expression_of_concern) == flags


@pytest.mark.parametrize(
    ("ptypes", "abstract", "design"),
    [(["Letter"], ("To the Editor: We describe a 71-year-old woman with treatment-resistant "
                   "depression who received intravenous ketamine."), "case_report"),
     (["Letter"], ("In this research letter, 40 adult hospice patients were randomized to oral "
                   "ketamine or placebo."), "rct"),
     (["Letter"], ("To the Editor: We read with interest the recent randomized trial of ketamine. "
                   "No active placebo was used."), "other"),
     (["Comment"], "We describe a 71-year-old woman who received intravenous ketamine.", "other"),
     (["Systematic Review"], ("We searched five databases. Data were pooled using random-effects "
                              "meta-analyses."), "meta_analysis"),
     (["Review"], "A task force developed a consensus statement on ketamine use.", "guideline")],
)
def test_text_upgrades_a_lagging_publication_type(vocab: Vocabulary, ptypes: list[str],
                                                  abstract: str, design: str) -> None:
    record = rec("Ketamine", abstract, publication_types=[Coded(None, p) for p in ptypes])
    tags = tag_record(record, vocab)
    assert tags.design is not None and tags.design.label == design, tags.design


@pytest.mark.parametrize(
    ("ptypes", "n"),
    [(["Editorial"], None), (["News"], None), (["Comment"], None),
     (["Letter"], 40), (["Journal Article"], 40)],
)
def test_no_sample_size_from_an_editorial_or_news_item(vocab: Vocabulary, ptypes: list[str],
                                                       n: int | None) -> None:
    # an editorial or a news item tells of others' trials: their counts are not its own
    abstract = ("In one such trial, 40 surgical patients with depression were randomised to "
                "intravenous esketamine or saline.")
    record = rec("Ketamine before surgery", abstract,
                 publication_types=[Coded(None, p) for p in ptypes])
    assert tag_record(record, vocab).sample_size == n


@pytest.mark.parametrize(
    ("ptypes", "abstract", "n"),
    [(["Letter", "Comment"], ("To the Editor: We read with interest the trial by Smith et al. "
                              "Although the trial enrolled 318 patients, no active placebo was "
                              "used."), None),
     (["Comment", "Letter"], "Although the trial enrolled 318 patients, it was unblinded.", None),
     # its own trial, told in a letter, is counted
     (["Letter", "Comment"], ("In this research letter, 40 adult hospice patients were "
                              "randomized to oral ketamine or placebo."), 40)],
)
def test_no_sample_size_from_a_letter_commenting_on_another_trial(
        vocab: Vocabulary, ptypes: list[str], abstract: str, n: int | None) -> None:
    # a letter typed "Comment" too tells of the trial it comments on (hp192-17), whichever of
    # the two types comes first
    record = rec("Ketamine before surgery", abstract,
                 publication_types=[Coded(None, p) for p in ptypes])
    assert tag_record(record, vocab).sample_size == n


def test_tag_record_is_pure_and_round_trips(vocab: Vocabulary) -> None:
    record = rec("Intravenous ketamine for TRD: a randomized trial",
                 "METHODS: A total of 40 patients were randomized. NCT01234567.")
    first, second = tag_record(record, vocab), tag_record(record, vocab)
    assert first == second
    assert Tags.from_dict(first.to_dict()) == first


def test_tag_record_speed(vocab: Vocabulary) -> None:
    """A loose floor: tagging must stay a small fraction of parse time (see docs)."""
    records = [rec(t, a * 4) for _, t, a, _, _ in CONDITION_CASES] * 20
    start = time.perf_counter()
    for r in records:
        tag_record(r, vocab)
    rate = len(records) / (time.perf_counter() - start)
    assert rate > 200, f"{rate:.0f} records/s"


# -- MeSH and publication types (records indexed by MEDLINE) ------------------------------------
def test_tag_mesh_trd_and_publication_type_rct(vocab: Vocabulary) -> None:
    record = rec("Repeated infusions in adults with depression",
                 "METHODS: Participants received six infusions over two weeks.",
                 mesh=[MeshHeading("D061218", "Depressive Disorder, Treatment-Resistant",
                                   major=True),
                       MeshHeading(None, "Ketamine")],
                 publication_types=[Coded(None, "Journal Article"),
                                    Coded("D016449", "Randomized Controlled Trial")])
    tags = tag_record(record, vocab)
    assert Tag("trd", "mesh", "Depressive Disorder, Treatment-Resistant") in tags.conditions
    depression = next(t for t in tags.conditions if t.label == "depression")
    assert depression.source in ("mesh", "text")
    assert tags.design == Tag("rct", "publication_type", "Randomized Controlled Trial")


def test_animal_study_typed_as_a_trial_is_preclinical(vocab: Vocabulary) -> None:
    # veterinary trials are often typed "Randomized Controlled Trial"; the guide makes every
    # animal study preclinical, as the text alone does. An animal review keeps its type.
    types = [Coded(None, "Journal Article"), Coded("D016449", "Randomized Controlled Trial")]
    record = rec("Intramuscular ketamine and dexmedetomidine for sedation in Beagle dogs",
                 "Twelve healthy Beagle dogs were randomly assigned to receive ketamine "
                 "(5 mg/kg) or saline intramuscularly in a blinded crossover design. Sedation "
                 "scores and heart rate were recorded in the dogs for 60 minutes.",
                 publication_types=types)
    tags = tag_record(record, vocab)
    assert tags.population.label == "animal"
    assert tags.design is not None and tags.design.label == "preclinical"
    review = rec("Ketamine in canine anaesthesia: a review", "Ketamine is used in dogs.",
                 publication_types=[Coded("D016454", "Review")])
    assert tag_record(review, vocab).design == Tag("review", "publication_type", "Review")


def test_tag_mesh_heading_not_major_needs_some_text(vocab: Vocabulary) -> None:
    mesh = [MeshHeading("D061218", "Depressive Disorder, Treatment-Resistant")]
    bare = tag_record(rec("Ketamine pharmacokinetics in adults", mesh=mesh), vocab)
    assert "trd" not in bare.labels("conditions")
    backed = tag_record(rec("Ketamine in adults with refractory depression", mesh=mesh), vocab)
    assert "trd" in backed.labels("conditions")


def test_tag_rct_as_topic_mesh_alone_is_not_an_rct(vocab: Vocabulary) -> None:
    mesh = [MeshHeading("D016032", "Randomized Controlled Trials as Topic", major=True)]
    tags = tag_record(rec("Reporting quality of ketamine studies in psychiatry",
                          "We appraised how outcomes are described.", mesh=mesh), vocab)
    assert tags.design is not None and tags.design.label != "rct"


def test_tag_same_output_with_and_without_the_text_index(vocab: Vocabulary) -> None:
    """The scanner only narrows where patterns are tried: tagging is unchanged when the
    matchers scan the whole text instead."""
    from dataclasses import replace

    plain = replace(vocab, scanner=None)
    for _, title, abstract, _, _ in CONDITION_CASES:
        record = rec(title, abstract + " Trial registration: NCT01234567.")
        assert tag_record(record, vocab) == tag_record(record, plain)


@pytest.mark.parametrize(
    ("abstract", "n"),
    [(("METHODS: Ketamine response was examined in two independent cohorts of depressed "
       "outpatients. RESULTS: A total of 64 patients completed treatment."), 64),
     ("METHODS: We compared outcomes in three groups of adults receiving ketamine.", None)],
)
def test_tag_sample_size_count_of_groups_is_not_people(vocab: Vocabulary, abstract: str,
                                                       n: int | None) -> None:
    tags = tag_record(rec("Ketamine response in depression: an observational study", abstract),
                      vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


# -- general rules: perioperative context, routes of other drugs, totals ------------------------
@pytest.mark.parametrize(
    ("title", "abstract", "expected", "absent"),
    [
        # intraoperative drugs and timing are context: the target here is depression
        ("Intraoperative esketamine to prevent postnatal depression after caesarean section",
         ("METHODS: Women having elective caesarean section under spinal anaesthesia with "
          "intraoperative propofol rescue were randomised to esketamine or saline. RESULTS: "
          "Postnatal depression at 6 weeks was less frequent with esketamine."),
         {"depression"}, {"anesthesia"}),
        # ketamine as the anaesthetic for electroconvulsive therapy is anaesthesia
        ("Ketamine-assisted ECT for severe depression: a randomised comparison",
         ("METHODS: Inpatients with severe depression received ketamine or methohexital before "
          "each ECT session. RESULTS: Seizure quality and depression scores were compared."),
         {"anesthesia", "depression"}, set()),
        # "analgesic doses" describes the dose, not a pain study
        ("Simulated driving after analgesic doses of ketamine in healthy volunteers",
         ("METHODS: Twenty healthy volunteers drove a simulator after analgesic-range doses of "
          "ketamine. RESULTS: Lane weaving increased with dose."),
         set(), {"acute_pain"}),
        # "with anxious distress" specifies a depressive episode: no anxiety disorder
        ("Predictors of response to esketamine nasal spray: a post hoc analysis",
         ("OBJECTIVE: To examine whether anxious distress predicts response to esketamine "
          "in adults with TRD. RESULTS: Anxious distress did not predict differential "
          "response to esketamine."),
         {"depression", "trd"}, {"anxiety"}),
        # an opening sentence saying what the study was is methods: its population counts
        ("Long-term safety of esketamine nasal spray: final results of an extension study",
         ("SUSTAIN-3 was a phase 3, open-label, long-term extension study of esketamine nasal "
          "spray in adults with TRD. A total of 1148 patients were enrolled. No new safety "
          "signals emerged."), {"depression", "trd"}, set()),
        # anaesthesia papers: "perioperative neurocognitive disorders (PND)" is no postnatal
        # depression, cardiorespiratory depression no mood, rescue opioids no opioid use
        ("Esketamine and perioperative neurocognitive disorders in elderly patients",
         ("METHODS: Elderly patients undergoing laparoscopic surgery under general anaesthesia "
          "received esketamine or saline. The primary outcome was the incidence of PND. "
          "Cardiorespiratory depression and rescue opioid use were recorded."),
         set(), {"depression", "substance_use"}),
        # pain and emergency medicine: sedation terms, the setting, avoided intubation, opioids
        # prescribed for pain
        ("Ketofol versus ketamine for emergency department procedural sedation",
         ("METHODS: Adults needing procedural sedation and analgesia for fracture reduction "
          "were randomized to ketofol or ketamine. RESULTS: Recovery was faster with ketofol."),
         {"anesthesia"}, {"acute_pain"}),
        ("Perioperative ketamine to prevent chronic pain after breast cancer surgery",
         ("METHODS: Women were randomized to ketamine or saline. RESULTS: Chronic pain after "
          "breast cancer surgery at 3 months was similar."), {"chronic_pain"}, {"acute_pain"}),
        # pain scores, analgesia and pain relief are measures any pain study reports: in a
        # chronic-pain study they are no acute pain
        ("Ketamine infusion for complex regional pain syndrome",
         ("METHODS: Adults with CRPS received ketamine infusions. Pain intensity was rated on "
          "the NRS. RESULTS: 12 patients had at least 30% pain relief and analgesia lasted "
          "weeks."), {"chronic_pain"}, {"acute_pain"}),
        ("Oral ketamine for neuropathic pain after spinal cord injury",
         "METHODS: Patients received oral ketamine. RESULTS: Pain scores fell.",
         {"chronic_pain"}, {"acute_pain"}),
        ("Ketamine for pain after knee arthroplasty",
         ("METHODS: Patients received ketamine or saline. RESULTS: Pain scores and opioid "
          "consumption were lower with ketamine."), {"acute_pain"}, {"chronic_pain"}),
        # sedation as what esketamine's safety programme watches for, or an adverse event
        ("Esketamine nasal spray in routine practice",
         ("METHODS: Adults with TRD received esketamine nasal spray and were observed for "
          "sedation and dissociation for 2 hours. RESULTS: The most common adverse events "
          "were dissociation (41%), nausea (18%) and sedation (16%)."),
         {"depression", "trd"}, {"anesthesia"}),
        # self-administration of ketamine
        ("Sex differences in ketamine self-administration and relapse-like behaviour in rats",
         "METHODS: Rats self-administered ketamine for 14 days.", {"substance_use"}, set()),
        # a scale among the secondary outcomes is not what the study is about
        ("Esketamine and postoperative delirium after spine surgery in older adults",
         ("METHODS: Older adults undergoing spine surgery received esketamine or saline. The "
          "primary outcome was postoperative delirium. Secondary outcomes were NRS pain "
          "scores, sleep quality and length of stay. RESULTS: Pain scores at 24 h were "
          "similar."), {"anesthesia"}, {"acute_pain"}),
        # perioperative outcomes (delirium, sleep) are the anaesthetist's, beside another target
        ("Esketamine for sleep and anxiety in patients undergoing hysteroscopy",
         ("METHODS: Women received esketamine 0.3 mg/kg or saline. Outcomes were postoperative "
          "sleep quality and anxiety scores. RESULTS: Anxiety and postoperative sleep "
          "improved."), {"anesthesia", "anxiety"}, set()),
        # "POD" is also a postoperative day
        ("Esketamine and postpartum depression after caesarean section",
         ("METHODS: Women received esketamine or saline after delivery. RESULTS: EPDS scores "
          "on postoperative days (POD) 1 and 2 and on POD 3 were lower with esketamine."),
         {"depression"}, {"anesthesia"}),
        # a negated clause ends where a new item begins
        ("Esketamine for suicidal ideation in adolescents",
         ("METHODS: Adults without a history of psychosis and with treatment-resistant "
          "depression were randomized. RESULTS: Treatment-resistant depression improved."),
         {"trd", "depression"}, set()),
        # the primary outcome stated before the secondary ones counts as usual
        ("Esketamine and recovery after thoracoscopic surgery",
         ("METHODS: The primary outcome was pain intensity at rest 24 h after surgery, and "
          "secondary outcomes were sleep quality and depressive symptoms. RESULTS: Pain "
          "intensity was lower with esketamine."), {"acute_pain"}, {"depression"}),
        # "PND" is also postnatal depression, "PSD" post-stroke depression
        ("Esketamine for post-stroke depression",
         ("METHODS: Patients with PSD received esketamine or saline. RESULTS: PSD improved. "
          "Depression scores fell."), {"depression"}, {"anesthesia"}),
        # opioid consumption after surgery in chronic-pain patients is acute pain too
        ("Intraoperative ketamine in opioid-tolerant patients undergoing lumbar fusion",
         ("OBJECTIVE: To test ketamine in patients with chronic low back pain. RESULTS: "
          "Cumulative morphine consumption at 48 h was lower with ketamine. CONCLUSIONS: "
          "Ketamine reduces total opioid consumption after surgery."),
         {"chronic_pain", "acute_pain"}, set()),
        # a negated clause mutes only itself, not the sentence it is in
        ("Ketamine in a community clinic",
         ("METHODS: Sixty adults with treatment-resistant depression without a history of "
          "psychosis received six intravenous ketamine infusions. RESULTS: Scores improved."),
         {"depression", "trd"}, set()),
        ("Esketamine in routine care: a case report",
         ("CASE: A 34-year-old woman with treatment-resistant depression and no prior history "
          "of bipolar disorder started esketamine nasal spray 56 mg twice weekly. OUTCOME: "
          "Her mood improved within four weeks."), {"depression", "trd"}, {"bipolar"}),
        # a condition named only in the conclusion is an implication, not the study's
        ("Ketamine reduces amygdala reactivity to emotional faces in healthy volunteers",
         ("METHODS: Healthy volunteers received ketamine or placebo before fMRI. RESULTS: "
          "Amygdala reactivity fell. CONCLUSIONS: Ketamine alters emotional processing, a "
          "mechanism relevant to its effects in depression and anxiety disorders."),
         set(), {"depression", "anxiety"}),
        # a scale named after a condition is no condition of the study
        ("Intravenous ketamine in a community clinic: a chart review",
         ("METHODS: Records of adults with major depressive disorder treated with ketamine were "
          "reviewed. Outcomes were PHQ-9 and GAD-7 scores. RESULTS: Depression improved."),
         {"depression"}, {"anxiety"}),
        # sore throat and opioid-induced hyperalgesia are acute pain
        ("Ketamine gargle for postoperative sore throat after double-lumen intubation",
         "METHODS: Patients gargled ketamine or saline before induction.", {"acute_pain"},
         set()),
        ("Ketamine and remifentanil-induced hyperalgesia in gynaecologic surgery",
         "METHODS: Women received ketamine or saline during remifentanil anaesthesia.",
         {"acute_pain"}, set()),
        # ketamine uropathy is a harm of ketamine misuse
        ("Ketamine-induced uropathy in a young adult: a case report",
         "A 24-year-old man presented with ketamine cystitis after two years of use.",
         {"substance_use"}, set()),
        # ketamine as premedication is anaesthesia; a benzodiazepine premedication is not
        ("Rectal ketamine and midazolam premedication in preschool children",
         "METHODS: Children received rectal premedication before surgery.", {"anesthesia"},
         set()),
        ("Ketamine and lorazepam in healthy volunteers",
         ("METHODS: Healthy volunteers received ketamine and lorazepam. The effects of ketamine "
          "are reportedly reduced by benzodiazepine premedication."), set(), {"anesthesia"}),
        # intubation as an outcome of a withdrawal study is no anaesthesia
        ("Ketamine for severe alcohol withdrawal: a single-arm pilot study",
         ("METHODS: Adults with severe alcohol withdrawal received ketamine. RESULTS: The need "
          "for intubation was 5% and 2 patients required intubation."), {"substance_use"},
         {"anesthesia"}),
        # opioid use as painkiller consumption is no substance use
        ("Ketamine infusion after spinal fusion",
         ("METHODS: Adults were randomized to ketamine or saline. The primary outcome was opioid "
          "use at 48 h. RESULTS: Ketamine was associated with reduced pain and opioid use."),
         set(), {"substance_use"}),
        # analgosedation is sedation; postoperative opiate consumption is acute pain
        ("Ketamine-based analgosedation in the intensive care unit",
         "METHODS: Ventilated adults received ketamine-based analgosedation or fentanyl.",
         {"anesthesia"}, set()),
        ("Ketamine in opioid-tolerant patients undergoing back surgery",
         ("OBJECTIVE: To test ketamine in patients with chronic back pain. METHODS: Patients "
          "received ketamine or placebo. RESULTS: Ketamine reduced postoperative opiate "
          "consumption at 48 hours. CONCLUSIONS: Ketamine reduces postoperative opiate "
          "consumption."),
         {"chronic_pain", "acute_pain"}, set()),
        # shivering after anaesthesia is an anaesthesia topic; "PSD-95" is a synaptic protein
        ("Efficacy of ketamine for prevention of postoperative shivering: a meta-analysis",
         "We searched PubMed. Ketamine reduced shivering.", {"anesthesia"}, set()),
        ("Ketamine restores synaptic proteins in chronically stressed mice",
         ("METHODS: Mice received ketamine. RESULTS: Ketamine increased BDNF and PSD-95 "
          "expression. PSD-95 levels correlated with behaviour."), set(), {"anesthesia"}),
        # premedication in older phrasing; breakthrough pain of labour is no cancer pain
        ("Rectal ketamine for premedication in children",
         ("One hundred children were premedicated with rectal ketamine before surgery. "
          "Acceptance of the mask was better."), {"anesthesia"}, set()),
        ("Epidural esketamine for labour analgesia",
         ("METHODS: Parturients received epidural esketamine. RESULTS: Breakthrough pain was "
          "less frequent. CONCLUSIONS: Breakthrough pain fell."), set(), {"chronic_pain"}),
        # the surgery's anaesthesia is no ketamine anaesthesia
        ("Epidural ketamine for analgesia after major abdominal surgery",
         ("METHODS: Patients undergoing surgery under combined general and epidural anaesthesia "
          "received epidural ketamine for 72 hours. RESULTS: Postoperative pain was lower."),
         {"acute_pain"}, {"anesthesia"}),
        # cancer pain with words between; pain after cancer surgery is acute
        ("Oral ketamine for pain in patients with advanced cancer: an open-label study",
         ("METHODS: Forty patients with pain due to metastatic cancer received oral "
          "ketamine. RESULTS: Pain scores fell."), {"chronic_pain"}, set()),
        ("Esketamine for pain in patients undergoing lung cancer surgery",
         ("METHODS: Patients were randomized to esketamine or saline during thoracoscopic lung "
          "cancer surgery. RESULTS: Pain in patients with cancer surgery was lower."),
         set(), {"chronic_pain"}),
        ("Intranasal ketamine for pain in children with suspected extremity fractures",
         ("METHODS: Children with fracture pain received ketamine via a mucosal atomization "
          "device. RESULTS: Pain scores fell within 15 minutes."), {"acute_pain"}, set()),
        ("Ketamine for pain after laparoscopic cholecystectomy",
         ("METHODS: Patients undergoing laparoscopic cholecystectomy under general anesthesia "
          "received ketamine or saline. RESULTS: Postoperative pain scores were lower."),
         {"acute_pain"}, {"anesthesia"}),
        ("Ketamine for status asthmaticus in a child: a case report",
         ("A child with status asthmaticus received a ketamine infusion to avoid intubation and "
          "recovered without intubation."), set(), {"anesthesia"}),
        ("Low-dose ketamine for pain in trauma inpatients on long-term opioid therapy",
         ("METHODS: Trauma inpatients with chronic opioid use received ketamine or placebo. "
          "RESULTS: Pain scores were lower with ketamine."), {"acute_pain"}, {"substance_use"}),
        # misuse of a named drug is substance use
        ("Abuse and misuse of esketamine nasal spray: a pharmacovigilance study",
         ("METHODS: We analysed reports of misuse of esketamine in FAERS. RESULTS: Reports "
          "of abuse were rare."), {"substance_use"}, set()),
        # drinking in people and in rats
        ("Can ketamine help people stop drinking? A randomised trial",
         ("METHODS: Adults with alcohol use disorder were randomised to ketamine or midazolam. "
          "RESULTS: Heavy drinking days fell with ketamine."), {"substance_use"}, set()),
        ("Ketamine reduces alcohol self-administration in rats",
         ("METHODS: Rats trained to self-administer ethanol received ketamine. RESULTS: Ethanol "
          "intake and relapse-like drinking decreased."), {"substance_use"}, set()),
        # painful neuropathy and the rodent models of neuropathic pain
        ("Topical amitriptyline-ketamine cream for painful diabetic neuropathy",
         "METHODS: Adults with painful diabetic peripheral neuropathy applied the cream.",
         {"chronic_pain"}, set()),
        ("Intrathecal ketamine after spinal nerve ligation in rats",
         ("METHODS: Rats with spinal nerve ligation received intrathecal ketamine. RESULTS: "
          "Mechanical allodynia was reversed."), {"chronic_pain"}, set()),
        # organisations named after a field
        (("Canadian Network for Mood and Anxiety Treatments (CANMAT) 2023 update on ketamine "
         "for major depressive disorder"),
         "Recommendations on ketamine and esketamine for major depressive disorder are given.",
         {"depression"}, {"anxiety"}),
        (("Consensus guidelines of the American Society of Regional Anesthesia on intravenous "
         "ketamine for chronic pain"),
         "Recommendations on ketamine infusions for chronic pain conditions are given.",
         {"chronic_pain"}, {"anesthesia"}),
        # mechanism talk in a healthy-volunteer study names no condition
        (("Effects of subanaesthetic ketamine on resting-state connectivity in healthy "
         "volunteers"),
         ("METHODS: Twenty-four healthy volunteers received ketamine and saline infusions. "
          "CONCLUSIONS: These findings may inform models of ketamine's antidepressant "
          "mechanism."), set(), {"depression"}),
        # mixed unipolar and bipolar samples include bipolar depression
        ("Repeated ketamine infusions in unipolar and bipolar depression: an open-label study",
         "METHODS: Outpatients in a major depressive episode received six infusions.",
         {"bipolar", "depression"}, set()),
    ],
)
def test_tag_conditions_general_rules(vocab: Vocabulary, title: str, abstract: str,
                                      expected: set[str], absent: set[str]) -> None:
    got = set(tag_record(rec(title, abstract), vocab).labels("conditions"))
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize(
    ("title", "abstract", "expected", "absent"),
    [
        # the route of a co-administered drug is not ketamine's route
        ("Oral ketamine premedication in preschool children: a randomised trial",
         ("METHODS: Children received oral ketamine 5 mg/kg or intranasal dexmedetomidine "
          "2 mcg/kg 30 minutes before induction."), {"oral"}, {"intranasal"}),
        ("Lorazepam pretreatment and the psychotomimetic effects of ketamine",
         ("METHODS: Healthy men received oral administration of lorazepam 2 mg or placebo "
          "two hours before an intravenous ketamine infusion."), {"iv"}, {"oral"}),
        ("Ketamine for depression in adults with diabetes",
         ("METHODS: Participants taking DPP-IV inhibitors or metformin received ketamine "
          "tablets twice weekly."), {"oral"}, {"iv"}),
        # the comparator's dose, however close ketamine follows
        ("Psilocybin versus ketamine for treatment-resistant depression",
         ("METHODS: Adults received either a single 25 mg oral dose of psilocybin or six "
          "intravenous ketamine infusions over three weeks."), {"iv"}, {"oral"}),
        # sublingual tablets are sublingual only
        ("At-home sublingual ketamine for anxiety and depression",
         ("METHODS: Patients were treated via telehealth with at-home sublingual rapid "
          "dissolve ketamine tablets."), {"sublingual"}, {"oral"}),
        # the anaesthetic technique is not ketamine's route, nor is a temperature probe
        ("Intraoperative esketamine and postpartum depression after cesarean delivery",
         ("METHODS: Women scheduled for cesarean delivery under combined spinal-epidural "
          "anesthesia were randomized; esketamine or placebo was infused intravenously."),
         {"iv"}, {"neuraxial"}),
        ("Ketamine-xylazine anaesthesia in dogs",
         ("METHODS: Dogs received ketamine by intramuscular injection. Heart rate and rectal "
          "temperature were recorded."), {"im"}, {"rectal"}),
        # snorted ketamine is intranasal; the surgeon's CO2 insufflation is not
        ("Ketamine uropathy in young adults",
         ("A woman who had snorted ketamine daily for 3 years presented with cystitis. Ketamine "
          "insufflation was stopped."), {"intranasal"}, set()),
        ("Esketamine and shoulder pain after laparoscopic cholecystectomy",
         ("METHODS: Patients received intravenous esketamine or saline before CO2 insufflation "
          "of the abdomen."), {"iv"}, {"intranasal"}),
        # another drug infused into the brain of a rat
        ("Rapamycin and ketamine's effect on alcohol seeking in rats",
         ("METHODS: Rats received ketamine 10 mg/kg intraperitoneally and an intra-mPFC "
          "infusion of rapamycin."), set(), {"iv"}),
        # an emergency-department comparator's route
        ("Intranasal ketamine versus intravenous metoclopramide for migraine",
         ("METHODS: Adults with migraine were randomized to intranasal ketamine or intravenous "
          "metoclopramide."), {"intranasal"}, {"iv"}),
        # what a nasal spray stands in for
        ("Racemic ketamine nasal spray for depression: an open-label trial",
         ("We gave intranasal racemic ketamine 50 mg to 30 patients with major depressive "
          "disorder. Scores decreased. Intranasal ketamine may be a feasible alternative "
          "where IV administration is impractical."), {"intranasal"}, {"iv"}),
        # perioperative trials: what else is given, and where, around IV esketamine
        ("Esketamine and hypotension after induction in elderly patients",
         ("METHODS: Patients (ASA I\u2013IV) received esketamine 0.3 mg/kg iv or propofol. "
          "Oxygen was given via a nasal catheter."), {"iv"}, {"intranasal"}),
        ("Esketamine and postoperative cognitive dysfunction after lobectomy",
         ("METHODS: Patients were randomly allocated to esketamine 0.25 mg/kg followed by "
          "0.125 mg/kg/h or saline during anesthesia."), {"iv"}, set()),
        ("Esketamine and postpartum depression: a retrospective study",
         ("METHODS: Women undergoing caesarean delivery under neuraxial anesthesia who received "
          "intravenous esketamine were compared with controls."), {"iv"}, {"neuraxial"}),
        ("Esketamine after delivery and postpartum depression",
         ("METHODS: Women had spinal anesthesia (bupivacaine plus intrathecal morphine 100 ug) "
          "and were randomized to esketamine or saline."), set(), {"neuraxial"}),
        ("Ketamine for emergence agitation after hypospadias repair",
         ("METHODS: Children under sevoflurane anaesthesia combined with caudal block (0.2% "
          "ropivacaine 1 ml/kg) were randomized to intravenous ketamine or saline."),
         {"iv"}, {"neuraxial"}),
        ("Intranasal esketamine premedication in children undergoing strabismus surgery",
         ("METHODS: Children were randomized to intranasal esketamine or saline. All received "
          "patient-controlled intravenous analgesia (PCIA) with sufentanil after surgery."),
         {"intranasal"}, {"iv"}),
        ("Esketamine in multimodal analgesia after knee arthroplasty",
         ("METHODS: Patients received an esketamine infusion or saline, and celecoxib 200 mg "
          "orally twice daily. Subcutaneous emphysema and transdermal fentanyl use were "
          "recorded after rectal resection."),
         {"iv"}, {"oral", "subcutaneous", "topical", "rectal"}),
        ("Esketamine for emergence agitation after nasal endoscopic surgery",
         ("METHODS: Adults scheduled for nasal septoplasty received intravenous esketamine or "
          "saline; nasal packing was placed at the end of surgery."), {"iv"}, {"intranasal"}),
        # ... while ketamine given that way still counts
        ("Esketamine in patient-controlled epidural analgesia after surgery",
         "METHODS: Patients received epidural analgesia with esketamine 0.5 mg/kg or saline.",
         {"neuraxial"}, set()),
        # ketamine given with another drug by that route: still neuraxial
        ("Ketamine for analgesia after surgery",
         ("METHODS: Patients received epidural ketamine and morphine or epidural morphine "
          "alone."), {"neuraxial"}, set()),
        ("Ketamine for analgesia after caesarean section",
         "METHODS: Patients received intrathecal S-ketamine with bupivacaine or bupivacaine alone.",
         {"neuraxial"}, set()),
        ("Esketamine-based PCIA after caesarean section",
         ("METHODS: Women received patient-controlled intravenous analgesia with esketamine and "
          "sufentanil or sufentanil alone."), {"iv"}, set()),
        ("Oral ketamine and midazolam premedication in children",
         "METHODS: Children received oral administration of ketamine and midazolam or placebo.",
         {"oral"}, set()),
        ("Routes of ketamine administration for depression: a systematic review",
         ("Most studies used intravenous infusion; others used intranasal, oral, sublingual, "
          "intramuscular or subcutaneous administration."),
         {"iv", "intranasal", "oral", "sublingual", "im", "subcutaneous"}, set()),
        ("Oral ketamine for depression in palliative care",
         "METHODS: Patients received oral administration of 0.5 mg/kg ketamine daily.",
         {"oral"}, set()),
        # ketamine as the adjuvant of a neuraxial local anaesthetic is neuraxial
        ("Caudal block in children undergoing orchiopexy",
         ("METHODS: Children were randomised to caudal bupivacaine 0.25% 1 mL/kg with or "
          "without preservative-free ketamine 0.5 mg/kg."), {"neuraxial"}, {"iv"}),
        ("Analgesia after caesarean section",
         ("METHODS: Women had spinal anaesthesia with hyperbaric bupivacaine (7.5 mg) combined "
          "with ketamine or bupivacaine alone."), {"neuraxial"}, set()),
        ("Ketamine added to caudal bupivacaine for paediatric hernia repair", "", {"neuraxial"},
         set()),
        ("Analgesia after thoracotomy",
         "METHODS: Patients received epidural ropivacaine and intravenous ketamine.", {"iv"},
         {"neuraxial"}),
        # esketamine in the epidural solution of labour analgesia; the pump's bolus is no iv
        ("Esketamine in labour analgesia and postpartum depression",
         ("METHODS: Parturients received esketamine-containing epidural analgesia (esketamine "
          "0.5 mg/mL mixed with ropivacaine), delivered by programmed intermittent bolus."),
         {"neuraxial"}, {"iv"}),
        ("Epidural labour analgesia and postpartum depression",
         ("METHODS: Women received epidural analgesia with ropivacaine and intravenous "
          "esketamine."), {"iv"}, {"neuraxial"}),
        # the line and the anaesthetic technique, and a comparator's dose then route
        ("Intramuscular ketamine premedication in children",
         ("METHODS: Children received intramuscular ketamine; after sedation, IV access was "
          "placed and intravenous induction with propofol followed."), {"im"}, {"iv"}),
        ("Intranasal ketamine for pain in the emergency department",
         ("METHODS: Children were randomized to intranasal ketamine or morphine 0.1 mg/kg "
          "intravenously."), {"intranasal"}, {"iv"}),
        ("Intravenous induction with ketamine for emergency intubation",
         "METHODS: Intravenous induction with ketamine 2 mg/kg was used.", {"iv"}, set()),
        # the anaesthetic technique after which something happened
        ("Ketamine for prevention of postoperative shivering",
         ("METHODS: We included trials of ketamine for shivering after general or neuraxial "
          "anaesthesia."), set(), {"neuraxial"}),
        # a negated clause mutes only itself
        ("Ketamine in a community clinic",
         ("METHODS: Sixty adults with treatment-resistant depression without a history of "
          "psychosis received six intravenous ketamine infusions."), {"iv"}, set()),
        # a case report that opens with the patient: that sentence is the case, no background
        ("Esketamine-induced hypomania: a case report",
         ("A 34-year-old woman with treatment-resistant depression and no prior history of "
          "mania started esketamine nasal spray 56 mg twice weekly. After the fifth session "
          "she became hypomanic. Esketamine was stopped. Clinicians should monitor mood."),
         {"intranasal"}, set()),
        # neuraxial labour analgesia and neuraxial morphine are no ketamine route
        ("Esketamine after vaginal delivery and postpartum depression",
         ("METHODS: Women who received neuraxial labour analgesia were given esketamine by "
          "infusion over 40 min. CONCLUSIONS: Esketamine after delivery with neuraxial "
          "morphine was safe."), {"iv"}, {"neuraxial"}),
        # "a ketamine infusion of 0.25 mg/kg/h" beside a caudal block
        ("Caudal block and ketamine infusion in children",
         ("METHODS: Children received caudal bupivacaine plus a ketamine infusion of 0.25 "
          "mg/kg/h."), {"iv", "neuraxial"}, set()),
        # an infusion is intravenous unless ketamine was infused another way
        ("Ketamine for refractory cancer pain in palliative care",
         ("METHODS: Patients received a continuous subcutaneous ketamine infusion via a "
          "syringe driver. RESULTS: The infusion was well tolerated."), {"subcutaneous"},
         {"iv"}),
        ("Ketamine for refractory cancer pain",
         ("METHODS: Ketamine was given as an IV infusion for 24 hours, then as a "
          "subcutaneous infusion at home."), {"iv", "subcutaneous"}, set()),
        # a route named only in the conclusion is the study's own
        ("Esketamine at induction and postoperative delirium",
         ("METHODS: Older adults received esketamine 0.25 mg/kg or saline at induction of "
          "anaesthesia. RESULTS: Delirium was less frequent. CONCLUSIONS: A single intravenous "
          "dose of esketamine reduced postoperative delirium."), {"iv"}, set()),
        ("Sublingual buprenorphine after ketamine for opioid use disorder",
         ("METHODS: Patients received intravenous ketamine and were discharged on sublingual "
          "buprenorphine."), {"iv"}, {"sublingual"}),
        # infusions into the brain in animal work are no iv
        ("Ketamine and the lateral habenula in depressed mice",
         ("METHODS: Mice received ketamine 10 mg/kg i.p. Local infusion of the NMDA receptor "
          "antagonist AP5 into the LHb blocked the effect. AAV was infused at 100 nl/min."),
         set(), {"iv"}),
        # nebulised bronchodilators are no ketamine route
        ("Ketamine infusion for status asthmaticus in children",
         ("METHODS: Children not responding to three doses of nebulized salbutamol received a "
          "ketamine infusion."), {"iv"}, {"inhaled"}),
        # "into each nostril" is intranasal
        ("Ketamine for renal colic in the emergency department",
         "METHODS: Ketamine 1 mg/kg was sprayed into each nostril with an atomiser.",
         {"intranasal"}, set()),
        # rates, drips, syrups, "po"
        ("Ketamine for refractory status epilepticus",
         ("METHODS: Ketamine was started at 0.5 mg/kg/h and titrated to a maximum of 2 "
          "mg/kg/h."), {"iv"}, set()),
        ("Ketamine in the ICU", "METHODS: Patients received a ketamine drip for sedation.",
         {"iv"}, set()),
        ("Premedication before dental surgery in children",
         "METHODS: Children received ketamine oral syrup 5 mg/kg or midazolam.", {"oral"}, set()),
        ("Compounded ketamine for depression",
         "METHODS: Patients took compounded ketamine syrup daily.", {"oral"}, set()),
    ],
)
def test_tag_routes_of_other_drugs_are_not_ketamine_routes(
        vocab: Vocabulary, title: str, abstract: str, expected: set[str],
        absent: set[str]) -> None:
    got = set(tag_record(rec(title, abstract), vocab).labels("routes"))
    assert expected <= got, got
    assert not (absent & got), got


@pytest.mark.parametrize(
    ("abstract", "n"),
    [
        # both arms stated in one phrase: their sum is the total
        (("RESULTS: 212 patients were randomized to ketamine and 208 to midazolam; 198 and "
          "201 completed the first week."), 420),
        (("METHODS: Ninety patients with chronic depression received ketamine infusions, "
          "while 45 received electroconvulsive therapy."), 135),
        # a parenthetical description between the count and the verb
        (("METHODS: Eighty-four outpatients (mean age 41.2 years, 55% women) were treated "
          "with twice-weekly ketamine."), 84),
        (("RESULTS: Thirty-one adults (58% female) received at least one infusion and 26 "
          "completed all six."), 31),
        # "nine of 72" is a subset of the 72
        ("RESULTS: Nine of 72 participants (12.5%) were treated with rescue medication.", 72),
        # counts of hospitals, of sedation events and of patients with an adverse event are
        # not the sample
        (("METHODS: In this pragmatic randomised trial at 7 French hospitals, 156 adults with "
          "suicidal ideation were randomly allocated to ketamine or placebo."), 156),
        (("METHODS: A total of 1,042 sedation events in 987 children were analysed."), 987),
        (("METHODS: 18 patients aged 65 years or older received subcutaneous ketamine. "
          "RESULTS: Transient blood pressure elevation was observed in 5 participants."), 18),
        # "(n = 32; 16 women)", in a first sentence that says what was done
        (("Healthy volunteers (n = 32; 16 women) aged 20-40 years participated in a "
          "randomized, placebo-controlled crossover study. Working memory decreased during "
          "ketamine. Ketamine transiently impairs working memory."), 32),
        # a parenthesis between the people and what they had
        (("METHODS: We describe eight adolescents (aged 14-17 years) with treatment-resistant "
          "depression who received esketamine."), 8),
        # an opening sentence stating what was characterised is the objective, not background
        (("We characterized the pharmacokinetics of sublingual ketamine in 16 healthy "
          "volunteers. Bioavailability was 30%. Sublingual dosing is feasible."), 16),
        # the people described, not those in whom something happened
        (("We describe 6 hospitalized adults with opioid use disorder who received ketamine. "
          "Buprenorphine was started in five of six patients."), 6),
        # verbs and people of surveys and record studies
        ("METHODS: We identified 287 patients presenting with ketamine toxicity.", 287),
        ("METHODS: The survey was completed by 3,604 undergraduate students.", 3604),
        ("METHODS: We recruited 1,018 adult MSM through dating applications.", 1018),
        # an opening sentence saying what was done is methods: its count is the sample
        (("Using national pharmacy data, we identified 1,024 veterans who received esketamine. "
          "Most continued treatment. Adherence was high."), 1024),
        (("Twenty-five healthy volunteers received a 40-min intravenous infusion of ketamine "
          "and saline. Glutamate rose. Ketamine models psychosis."), 25),
        # the randomised count after the screened ones, with words between
        (("METHODS: Of 2,514 adults screened, 212 with comorbid depression were randomized to "
          "ketamine or placebo."), 212),
        # what the people were, listed between the count and the verb
        (("METHODS: One hundred and twenty patients, ASA I-II, aged 18-64 years, scheduled for "
          "laparoscopic cholecystectomy were randomly divided into two groups."), 120),
        (("METHODS: Totally 120 elderly patients, aged 60-80 years, ASA II or III, were "
          "randomly divided into group S and group C."), 120),
        # arms without a total add up (as the labelled records count them: "two cohorts of 24"
        # are 48), but not four arms of which only three are given
        (("METHODS: Patients were randomized into group E (n = 62) and group C (n = 61). "
          "RESULTS: Sleep improved."), 123),
        (("METHODS: Patients were randomized to A (n = 20), B (n = 21), C (n = 22) or D (n = 20). "
          "RESULTS: Sleep improved."), None),
        # a frequency is no count of people
        (("METHODS: Patients received esketamine three times in MDD patients with suicidal "
          "ideation. RESULTS: Scores improved."), None),
        # a section heading is no part of the phrase
        (("PARTICIPANTS: Adults attending community ketamine clinics (n = 312). "
          "MEASUREMENTS: Dissociation and blood pressure."), 312),
        # completers and the analysed come after the enrolled
        (("METHODS: A total of 28 patients were included in the final analysis; thirty-two "
          "patients were randomized to esketamine or placebo."), 32),
        (("METHODS: In total, 28 patients completed the trial and were analysed; thirty-four "
          "patients were randomised."), 34),
        # one arm's group is no total
        (("METHODS: The esketamine group consisted of 150 women and the control group of 148 "
          "women."), None),
        (("METHODS: The ketamine group comprised 45 patients and the control group 44 "
          "patients."), None),
        (("RESULTS: Of the 223 randomized patients (esketamine, n = 116; placebo, n = 107), "
          "198 completed the study."), 223),
        # "in 8 of 14 patients" is a subset of the 14
        ("RESULTS: Depression improved in 8 of 14 patients.", 14),
        (("METHODS: We randomly assigned 822 patients to ketamine or placebo. RESULTS: Relapse "
          "occurred in 73 of 411 patients assigned to placebo."), 822),
        # a dose written like a thousands group ("R-107 120 mg") is no count
        ("METHODS: After open-label R-107 120 mg, 168 patients were randomized.", 168),
        # Chinese-English: "cases" are the patients, and what they were is listed first
        ("METHODS: Totally 90 cases were enrolled and randomly divided into three groups.", 90),
        # the count of a retrospective study's sample; an eligible count before randomisation
        # is none, nor a count per group
        ("METHODS: Forty-four patients met inclusion criteria. Ketamine was given IV.", 44),
        ("METHODS: 150 patients were eligible, and 120 were randomized to ketamine.", 120),
        ("METHODS: 236 patients met the inclusion criteria. 200 were randomized.", None),
        (("METHODS: Ninety children (n = 45 per group) were randomly assigned to ketamine or "
          "midazolam."), 90),
        ("METHODS: 308 patients 65 years or older were randomized to esketamine or saline.", 308),
        ("METHODS: 96 adults 18-60 years of age were enrolled.", 96),
        (("METHODS: Of 1,245 children, 38 cases were identified as laryngospasm. Ketamine was "
          "given IV."), 1245),
        (("METHODS: In this multicentre randomised trial in 14 intensive care units, adults "
          "aged 18 years or older undergoing tracheal intubation were randomly assigned."),
         None),
        ("METHODS: A total of 45 patients per group were enrolled.", None),
        # what the people were, without a comma or "aged" first
        (("METHODS: Sixty elderly male patients above 65 years, ASA II-III, were enrolled in "
          "this randomized study."), 60),
        (("METHODS: 84 uncooperative children aged 1-6 years requiring CT imaging were "
          "randomized to IM ketamine 4 mg/kg (n=42) or IM midazolam 0.2 mg/kg (n=42)."), 84),
        # a percentage is no count
        ("RESULTS: Sedation was adequate in 78 per cent of all patients.", None),
        # outcome counts are no sample
        (("METHODS: Thirty patients with burns received ketamine. RESULTS: Pain was lower in "
          "12 patients and improved in 8 patients."), 30),
        ("METHODS: Heroin addicts (n = 70) were randomized to ketamine or placebo.", 70),
        # a duration is no count ("26 months, no cases of ... were identified")
        (("METHODS: Adults received esketamine. RESULTS: Over 26 months, no cases of drug "
          "seeking were identified."), None),
        (("METHODS: 100 patients, female, aged 18-65 years, ASA I-II, scheduled for "
          "hysterectomy were randomized."), 100),
        ("METHODS: This pilot randomized study allocated 40 patients to esketamine or saline.",
         40),
        ("METHODS: A total of 160 primiparas were randomly assigned to two groups.", 160),
        # the responders of a subgroup are no sample
        (("METHODS: Resting-state EEG was recorded in 42 patients with TRD. RESULTS: "
          "Responders (n = 19) and non-responders (n = 23) differed."), 42),
        ("METHODS: At nightlife venues, 1,204 attendees were surveyed.", 1204),
        # counts of infusions or events, not people
        ("METHODS: We analysed 2,314 infusions administered to 312 patients.", 312),
        # screened, then ", and N were randomized" or ", of whom N were included"
        (("METHODS: A total of 212 children were assessed for eligibility, and 180 were "
          "randomized."), 180),
        ("METHODS: Ninety-one patients were screened, of whom 60 were included.", 60),
        # how the count is introduced
        ("METHODS: Retrospective analysis of 424 patients with depression who received ketamine.",
         424),
        ("METHODS: Ketamine was administered intramuscularly to 135 agitated patients.", 135),
        ("METHODS: Participants were 60 adults (mean age 38 years) with alcohol use disorder.", 60),
        ("METHODS: Ninety hazardous drinkers were randomly assigned to ketamine or midazolam.",
         90),
        (("METHODS: A questionnaire was sent to 1,500 anaesthetists; 412 anaesthetists were "
          "included."), 412),
    ],
)
def test_tag_sample_size_totals(vocab: Vocabulary, abstract: str, n: int | None) -> None:
    tags = tag_record(rec("Ketamine for depression: a clinical study", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


@pytest.mark.parametrize(
    ("abstract", "n"),
    [("RESULTS: Eleven RCTs (1,046 patients) met the inclusion criteria.", 1046),
     ("RESULTS: Of nine eligible trials, seven studies (n = 7/9) reported a benefit.", None),
     ("RESULTS: We included k = 7 studies, N = 1,488 participants.", 1488),
     ("RESULTS: Response rates were pooled (k = 12; N = 980).", 980),
     ("RESULTS: We analysed data from 1,234 participants across 12 randomized trials.", 1234),
     ("RESULTS: In total, 1,530 patients from 24 RCTs were included.", 1530),
     ("RESULTS: The pooled sample comprised 845 participants.", 845),
     ("RESULTS: Fifteen trials met the inclusion criteria (n = 1,032).", 1032),
     ("RESULTS: Eighteen RCTs were eligible (total N = 1,965).", 1965),
     ("RESULTS: Response rates were pooled (total N = 156).", 156),
     ("RESULTS: Data were pooled from 3,412 patients enrolled in 19 RCTs.", 3412),
     ("RESULTS: Data from 167 participants with suicidal ideation were analyzed.", 167),
     ("RESULTS: The analysis set consisted of 1,708 participants (1,163 women).", 1708),
     # the sizes of single trials are no pooled total
     ("RESULTS: Two randomized controlled trials (n = 17 and n = 54) were included.", None),
     ("RESULTS: Eight studies were included, comprising 5 RCTs with 346 patients.", 346),
     # Cochrane's "k studies, N participants"
     (("MAIN RESULTS: Ketamine reduced relapse (RR 0.35, 95% CI 0.26 to 0.47; 15 studies, "
      "1,120 participants)."), 1120)],
)
def test_tag_sample_size_meta_analysis_studies_and_patients(vocab: Vocabulary, abstract: str,
                                                            n: int | None) -> None:
    tags = tag_record(rec("Ketamine for bipolar depression: a meta-analysis", abstract), vocab)
    assert tags.design.label == "meta_analysis"
    assert tags.sample_size == n, tags.sample_size_evidence


# -- what the tagger reads -----------------------------------------------------------------------
def test_tagger_reads_only_tag_fields() -> None:
    """Re-tagging loads only TAG_FIELDS of each stored record (Record.from_dict(only=...)), so
    the tagger's modules must read no other Record field: every Record parameter is named
    ``record`` there, and every ``record.<field>`` is in TAG_FIELDS."""
    import ast

    from aggregator.models import Record as RecordType
    from aggregator.tag import TAG_FIELDS

    fields = set(RecordType.__dataclass_fields__)
    read: set[str] = set()
    for module in ("tag.py", "document.py", "registrations.py"):
        tree = ast.parse((ROOT / "aggregator" / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.arg) and ast.unparse(node.annotation or ast.Constant(None)) == "Record":
                assert node.arg == "record", f"{module}: a Record parameter named {node.arg!r}"
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "record" and node.attr in fields):
                read.add(node.attr)
    assert read and read <= TAG_FIELDS, read - TAG_FIELDS
    assert TAG_FIELDS <= fields


def test_tags_from_a_partly_loaded_record_are_the_same(vocab: Vocabulary) -> None:
    """Records with every field (authors, chemicals, dates...) tag the same loaded whole or
    with only TAG_FIELDS; the labelled real records too when ../shared is there."""
    import json
    import random

    from aggregator.tag import TAG_FIELDS
    from tests._synthetic import make_record

    rng = random.Random(5)
    records = [make_record(30_000_000 + i, rng) for i in range(200)]
    labels = ROOT.parent / "shared" / "labels"
    if labels.is_dir():
        from aggregator.evaluate import load_labelled, record_from_json

        records += [record_from_json(row) for row in load_labelled(labels)]
    assert any(r.authors for r in records) and any(r.mesh for r in records)
    for record in records:
        data = json.loads(json.dumps(record.to_dict()))
        slim = Record.from_dict(data, only=TAG_FIELDS)
        assert not slim.authors and slim.title == record.title
        assert tag_record(slim, vocab) == tag_record(Record.from_dict(data), vocab), record.pmid
    assert Record.from_dict(json.loads(json.dumps(records[0].to_dict()))) == records[0]


# -- non-trial genres: economic models, surveys, recreational use, veterinary, letters ------------
@pytest.mark.parametrize(("title", "abstract", "n"), [
    # a decision model has no participants: neither its hypothetical cohort nor its inputs
    ("Cost-effectiveness of esketamine nasal spray for treatment-resistant depression",
     ("METHODS: A Markov model simulated a hypothetical cohort of 1,000 patients over 5 years, "
     "with inputs from a network meta-analysis including 6,231 patients.\nRESULTS: The ICER "
     "was $78,000 per QALY."), None),
    ("Intravenous ketamine versus esketamine nasal spray: a cost-utility analysis",
     ("METHODS: We compared three strategies for adults with treatment-resistant depression "
     "using 10,000 simulated patients.\nRESULTS: Ketamine dominated."), None),
    # a survey's respondents
    ("Ketamine use by palliative care physicians: an international survey",
     ("METHODS: An online questionnaire was distributed through two societies.\nRESULTS: "
     "Ninety-six physicians from 17 countries completed the survey."), 96),
    ("Barriers to esketamine access: a survey of psychiatrists",
     "RESULTS: Of 1,540 invited psychiatrists, 388 completed the survey (25.2%).", 388),
    ("Anaesthetists' views on ketamine: a national survey",
     ("METHODS: An anonymous online survey was sent to 5,310 members in 2021, and 687 "
     "responded (12.9%)."), 687),
    ("Clarithromycin and oral ketamine: a pharmacokinetic interaction study",
     ("METHODS: In a randomized crossover study, 10 healthy volunteers ingested clarithromycin "
     "or placebo before 0.3 mg/kg oral ketamine."), 10),
])
def test_sample_size_in_economic_models_and_surveys(vocab: Vocabulary, title: str, abstract: str,
                                                    n: int | None) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


@pytest.mark.parametrize(("title", "abstract", "label", "tagged"), [
    ("Ketamine adulterants found by community drug checking, 2019-2023",
     ("METHODS: We analysed samples sold as ketamine at harm reduction services. RESULTS: Of "
     "412 samples, 9% contained other drugs."), "substance_use", True),
    ("Ketamine-associated cholangiopathy: a case series",
     ("Five patients with ketamine-associated cholangiopathy presented with abdominal pain and "
     "dilated bile ducts."), "substance_use", True),
    ("Ketamine use by palliative care physicians for refractory pain: a survey",
     ("We describe ketamine use among palliative care physicians in 17 countries. Most used it "
     "for refractory pain."), "substance_use", False),
    ("Public views on ketamine for depression: a survey",
     ("RESULTS: Most respondents would accept ketamine; their main concerns were addiction "
     "(64%) and side effects."), "substance_use", False),
    ("Ketamine-medetomidine immobilisation of captive African lions",
     ("Thirty lions were darted with ketamine and medetomidine for chemical restraint; induction "
     "took 8 minutes."), "anesthesia", True),
])
def test_conditions_in_recreational_survey_and_veterinary_records(
        vocab: Vocabulary, title: str, abstract: str, label: str, tagged: bool) -> None:
    assert (label in tag_record(rec(title, abstract), vocab).labels("conditions")) is tagged


@pytest.mark.parametrize(("title", "abstract", "route"), [
    # another drug's dose and route
    ("Ketamine constant rate infusion in dogs undergoing orthopaedic surgery",
     ("Dogs received premedication with methadone (0.2 mg/kg IM) and a ketamine infusion of "
     "10 ug/kg/min intravenously during surgery."), "im"),
    # how a nasal dose is absorbed, and others' data compared with
    ("Population pharmacokinetics of esketamine nasal spray",
     ("Esketamine nasal spray was given to 30 healthy subjects; a fraction of the dose was "
     "swallowed and absorbed orally."), "oral"),
    ("Pharmacokinetics of subcutaneous esketamine",
     ("Twelve patients received subcutaneous esketamine 0.5 mg/kg. Bioavailability was high "
     "compared with published intravenous data."), "iv"),
])
def test_route_of_another_drug_or_of_absorption_is_not_tagged(vocab: Vocabulary, title: str,
                                                               abstract: str, route: str) -> None:
    assert route not in tag_record(rec(title, abstract), vocab).labels("routes")


@pytest.mark.parametrize(("title", "abstract"), [
    ("Esketamine after caesarean delivery: authors' reply",
     ("We thank the correspondents. In our multicentre trial, 308 parturients were randomized "
     "to esketamine or saline.")),
    ("Police and paramedics on ketamine sedation: a qualitative study",
     ("METHODS: Four focus groups with paramedics and law enforcement officers were analysed "
     "by thematic analysis.")),
])
def test_replies_and_qualitative_studies_are_other(vocab: Vocabulary, title: str,
                                                    abstract: str) -> None:
    design = tag_record(rec(title, abstract), vocab).design
    assert design is not None and design.label == "other", design


@pytest.mark.parametrize(("abstract", "n"), [
    (("Methods: Twenty unmedicated patients with major depressive disorder and 20 matched "
     "healthy controls underwent 7T MRS before and during a ketamine infusion."), 40),
    (("In this open-label study, 16 healthy elderly subjects aged 65 to 80 years and 8 healthy "
     "young adults aged 18 to 40 years received 28 mg of esketamine nasal spray."), 24),
    (("Methods: Twenty-nine medication-free patients with MDD and 25 healthy comparison "
     "subjects received a 40-minute intravenous infusion of ketamine."), 54),
    (("Method: Fifty-one current ketamine users, 49 ex-ketamine users, and 100 healthy controls "
     "were recruited from counseling centers in this cross-sectional study."), 200),
    # arms of one trial, as before
    ("METHODS: 12 patients received ketamine and 8 patients received placebo.", 20),
])
def test_sample_size_adds_up_the_groups_of_one_study(vocab: Vocabulary, abstract: str,
                                                     n: int) -> None:
    tags = tag_record(rec("Ketamine in depression", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


# -- formats and wording from two more probe rounds (PubMed format quirks; ketamine clinics) ----
def test_purpose_of_review_heading_makes_a_review(vocab: Vocabulary) -> None:
    """A heading's words count in its section ("PURPOSE OF REVIEW" is Current Opinion's
    first heading); the trials the review discusses are not its design."""
    tags = tag_record(rec("Ketamine for depression: where are we now?",
                          "PURPOSE OF REVIEW: Ketamine is increasingly used for depression.\n"
                          "RECENT FINDINGS: Randomized trials showed rapid effects of "
                          "intravenous ketamine.\nSUMMARY: More trials are needed."), vocab)
    assert tags.design is not None and tags.design.label == "review", tags.design


@pytest.mark.parametrize(("abstract", "n"), [
    # publishers' inline tags kept as text
    ("METHODS: Adults with TRD (<i>N</i> = 120) were randomized to ketamine or midazolam.", 120),
    (("RESULTS: 1,560 patients were screened and 482 were randomised to esketamine or "
     "placebo."), 482),
    ("RESULTS: 1,482 psychiatrists were invited and 614 responded.", 614),
    # an outcome's count is no enrolment
    (("METHODS: We analysed data from 160 outpatients treated with ketamine infusions. "
     "RESULTS: Suicidal ideation fell; three patients were referred for inpatient care."), 160),
    (("METHODS: Twelve participants (mean age 41 years) enrolled and all completed six "
     "sessions of ketamine-assisted psychotherapy."), 12),
    (("METHODS: In three EDs, adults aged 18-64 years with suicidal ideation were assigned to "
     "ketamine or placebo. RESULTS: Eighty-four patients were randomized."), 84),
])
def test_sample_size_wordings_from_format_and_clinic_rounds(vocab: Vocabulary, abstract: str,
                                                           n: int) -> None:
    tags = tag_record(rec("Ketamine for depression", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


@pytest.mark.parametrize(("title", "abstract", "topic", "label", "tagged"), [
    ("Oral ketamine for chronic pain: a case series",
     "Five patients took oral ketamine 0.5 mg/kg daily. LEVEL OF EVIDENCE: IV.",
     "routes", "iv", False),
    ("Ketamine infusion in major depression",
     "METHODS: Patients received ketamine 0.5 mg·kg<sup>−1</sup>·h<sup>−1</sup> for 40 min.",
     "routes", "iv", True),
    ("Ketamine premedication in children",
     "Children received intranasal ketamine or midazolam 30 mg oral solution before surgery.",
     "routes", "oral", False),
    ("Intramuscular ketamine for depression in a community practice",
     ("Intramuscular ketamine is an inexpensive alternative to intravenous infusion. Forty "
     "patients received intramuscular ketamine 0.5 mg/kg."), "routes", "iv", False),
    ("Esketamine for postpartum depression after caesarean delivery: a randomized trial",
     ("METHODS: Women received esketamine 0.2 mg/kg or saline after anesthesia induction. The "
     "primary outcome was depression at 42 days."), "conditions", "anesthesia", False),
    ("Ketamine and postoperative pain after spine surgery",
     ("Randomisation was stratified by centre and preoperative opioid use. Pain did not differ "
     "by preoperative opioid use."), "conditions", "substance_use", False),
    ("Ketamine for depression in a psychiatric clinic",
     ("Adults (mean age 46 years, range 19-74) received intramuscular ketamine for "
     "depression."), "age_groups", "adult", True),
    ("Ketamine for postpartum depression",
     ("Women with postpartum depression received ketamine infusions; no adverse effects were "
     "seen in their infants."), "age_groups", "child", False),
])
def test_labels_from_format_and_clinic_rounds(vocab: Vocabulary, title: str, abstract: str,
                                              topic: str, label: str, tagged: bool) -> None:
    assert (label in tag_record(rec(title, abstract), vocab).labels(topic)) is tagged


@pytest.mark.parametrize(("title", "abstract", "design"), [
    ("Ketamine for depression with suicidal ideation: an open-label pilot study",
     ("DESIGN: Open-label, single-arm study of 20 adults given six ketamine infusions. "
     "SIGNIFICANCE: The results justify supporting a randomised controlled trial."),
     "nonrandomized_trial"),
    ("Safety of oral ketamine prescribed through a telehealth platform",
     ("A total of 4,541 patients were treated in this retrospective cohort. Eight cases of "
     "suspected misuse were identified."), "observational"),
])
def test_design_from_format_and_clinic_rounds(vocab: Vocabulary, title: str, abstract: str,
                                              design: str) -> None:
    got = tag_record(rec(title, abstract), vocab).design
    assert got is not None and got.label == design, got


def test_trial_journal_dosing_and_a_planned_trial(vocab: Vocabulary) -> None:
    """From a representative mixed probe round: NEJM's "mg per kilogram of body weight over 40
    minutes" is an infusion; "a randomized trial is planned" is no rct of its own."""
    tags = tag_record(rec("Ketamine versus ECT for depression",
                          "METHODS: Patients received ketamine (0.5 mg per kilogram of body "
                          "weight over 40 minutes) three times weekly."), vocab)
    assert "iv" in tags.labels("routes"), tags.routes
    tags = tag_record(rec("Ketamine for OCD: an open-label pilot study",
                          "We conducted an open-label pilot study of ketamine in 10 adults "
                          "with OCD. A randomized trial is planned."), vocab)
    assert tags.design is not None and tags.design.label == "nonrandomized_trial", tags.design


@pytest.mark.parametrize(("title", "abstract", "treatment"), [
    # named only aside: in the background, or as an exclusion
    ("Single-dose psilocybin for treatment-resistant depression: a randomized trial",
     ("BACKGROUND: Ketamine and esketamine act rapidly, but other options are needed.\nMETHODS: "
     "We randomized 233 adults to psilocybin 25 mg, 10 mg or 1 mg.\nRESULTS: Depression scores "
     "fell more with 25 mg."), False),
    ("Intravenous lidocaine and quality of recovery after colorectal surgery",
     ("METHODS: Adults were randomized to lidocaine or saline infusion. Patients with planned "
     "intraoperative ketamine were excluded.\nRESULTS: QoR-15 scores were higher with "
     "lidocaine."), False),
    # studied: named in the title or methods
    ("Ketamine for treatment-resistant depression: a randomized trial",
     "METHODS: Adults received six infusions.\nRESULTS: Response was 50%.", True),
    ("A randomized trial in treatment-resistant depression",
     "METHODS: Adults received ketamine 0.5 mg/kg or midazolam.\nRESULTS: Response was 50%.",
     True),
    # never named in the text (found through its MeSH): not set aside
    ("Rapid-acting antidepressants in the emergency department", "", True),
    # named where it is no study drug: rescue, a regimen all got, treatment history, a comparison
    ("Magnesium sulfate for analgesia after lumbar fusion: a randomized trial",
     ("METHODS: Patients were randomized to magnesium or saline. Patients with pain despite PCA "
      "received rescue intravenous ketamine 0.15 mg/kg.\nRESULTS: Rescue ketamine was required "
      "in 4 of 45 patients with magnesium."), False),
    ("Intraoperative methadone versus morphine after spine fusion",
     ("METHODS: As per institutional protocol, all patients received a ketamine bolus of 0.5 "
      "mg/kg.\nRESULTS: Opioid use was lower with methadone."), False),
    ("Accelerated theta-burst stimulation for treatment-resistant depression",
     ("METHODS: We randomized 60 adults. Twenty percent had previously received ketamine "
      "without sustained benefit.\nRESULTS: Remission was 40%."), False),
    ("Inhaled nitrous oxide for major depression: a crossover trial",
     ("Nitrous oxide may act rapidly. Unlike ketamine, it needs no intravenous access. We "
      "randomized 24 patients to 25% nitrous oxide or placebo. Depression improved."), False),
    ("Perioperative melatonin and delirium after cardiac surgery",
     ("METHODS: Anaesthesia was standardised for all patients: induction with midazolam 0.05 "
      "mg/kg, sufentanil 1 ug/kg, ketamine 1 mg/kg and rocuronium.\nRESULTS: Delirium was "
      "less frequent with melatonin."), False),
    ("Theta-burst stimulation for treatment-resistant depression: an open-label study",
     ("METHODS: Fourteen participants had previously received ketamine infusions or esketamine "
      "nasal spray.\nRESULTS: Outcomes did not differ with prior ketamine or esketamine "
      "exposure."), False),
    ("Isoflurane versus propofol for sedation of ventilated adults",
     ("METHODS: Analgesia could include opioid, ketamine or clonidine infusions at the "
      "clinician's discretion.\nRESULTS: Sedation targets were met more often."), False),
    # studied, where the same words stand elsewhere
    ("A randomized trial in treatment-resistant depression",
     ("METHODS: Adults were randomized to ketamine 0.5 mg/kg or midazolam; lorazepam was the "
      "rescue medication.\nRESULTS: Response was 50%."), True),
])
def test_ketamine_named_only_aside_is_no_treatment_study(vocab: Vocabulary, title: str,
                                                         abstract: str, treatment: bool) -> None:
    assert tag_record(rec(title, abstract), vocab).ketamine_treatment is treatment


@pytest.mark.parametrize(("title", "abstract", "routes"), [
    # ketamine named only aside: the routes are the study drug's
    ("Intravenous lidocaine and quality of recovery after colorectal surgery",
     ("METHODS: Adults were randomized to lidocaine or saline infusion. Patients with planned "
      "intraoperative ketamine were excluded.\nRESULTS: QoR-15 scores were higher with "
      "lidocaine."), []),
    ("Oral psilocybin for treatment-resistant depression: a randomized trial",
     ("BACKGROUND: Intravenous ketamine acts rapidly, but other options are needed.\nMETHODS: "
      "We randomized 233 adults to psilocybin 25 mg or 1 mg, taken orally.\nRESULTS: "
      "Depression scores fell more with 25 mg."), []),
    # ketamine studied: its routes stay
    ("A randomized trial in treatment-resistant depression",
     ("METHODS: Adults received intravenous ketamine 0.5 mg/kg or midazolam.\nRESULTS: "
      "Response was 50%."), ["iv"]),
])
def test_no_route_when_ketamine_is_named_only_aside(vocab: Vocabulary, title: str,
                                                     abstract: str, routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("abstract", "n", "routes"), [
    # a time point before "in patients" is no count
    (("OBJECTIVE: To assess response at day 28 in patients with treatment-resistant depression."
     "\nMETHODS: Adults with TRD (n = 223) were randomized to esketamine nasal spray."),
     223, ["intranasal"]),
    # a count of people excluded is the study's flow, no exclusion criterion
    (("METHODS: 150 patients were assessed for eligibility, 12 were excluded, and 138 were "
     "randomized to receive esketamine 0.5 mg/kg intravenously."), 138, ["iv"]),
    ("METHODS: Of 150 patients, 12 were excluded and 138 were randomized to ketamine.", 138, []),
    # a heading's count with no verb, with or without its colon
    ("PARTICIPANTS: Thirty-six adult daily smokers (>= 10 cigarettes per day) motivated to quit.",
     36, []),
    (("Setting Smoking cessation clinic.\nParticipants Thirty-six adult daily smokers motivated "
     "to quit."), 36, []),
    # a long description with a duration between the count and its verb
    (("METHODS: 301 adults requiring invasive ventilation with an anticipated need for sedation "
     "of more than 12 h were randomised 2:1 to isoflurane or propofol."), 301, []),
    # an infusion rate after a bolus "at induction,"
    (("METHODS: 64 patients were randomised to esketamine (0.3 mg/kg at induction, then 0.15 "
     "mg/kg/h for 120 min) or saline."), 64, ["iv"]),
])
def test_size_and_route_wordings_from_a_world_formats_round(vocab: Vocabulary, abstract: str,
                                                           n: int | None,
                                                           routes: list[str]) -> None:
    tags = tag_record(rec("Esketamine in adults", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("abstract", "ages"), [
    ("We report two men in their forties treated with ketamine.", ["adult"]),
    ("A woman in her eighties received ketamine for depression.", ["older_adult"]),
    ("In the nineties ketamine was used as a club drug.", []),
])
def test_age_from_decades_of_life(vocab: Vocabulary, abstract: str, ages: list[str]) -> None:
    assert tag_record(rec("Ketamine", abstract), vocab).labels("age_groups") == ages


def test_intubation_as_an_outcome_is_no_anaesthesia(vocab: Vocabulary) -> None:
    tags = tag_record(rec(
        "Ketamine for severe alcohol withdrawal syndrome in the intensive care unit",
        "BACKGROUND: Refractory alcohol withdrawal is associated with intubation.\nRESULTS: "
        "Ketamine was associated with a lower rate of intubation."), vocab)
    assert "anesthesia" not in tags.labels("conditions"), tags.conditions


@pytest.mark.parametrize(("title", "abstract", "routes"), [
    # future work is a side issue
    ("Oral ketamine in adolescents with depression: a pilot study",
     ("METHODS: Twelve adolescents took oral ketamine weekly.\nCONCLUSIONS: Future randomised "
      "trials should compare it against intravenous ketamine."), ["oral"]),
    # "non-intravenous" is no intravenous
    ("Non-intravenous ketamine for depression: a systematic review",
     "We reviewed studies of oral and intranasal ketamine.", ["intranasal", "oral"]),
    # an infusion's duration after two drugs' doses
    ("Ketamine for treatment-resistant depression: a randomized trial",
     ("METHODS: Patients received ketamine 0.5 mg/kg or midazolam 0.045 mg/kg, each given over "
      "40 minutes."), ["iv"]),
    # the comparator's route: "by IM injection", "or placebo orally"
    ("Ketamine for agitation in the emergency department: a randomized trial",
     ("METHODS: Adults were randomized to ketamine 1 mg/kg given intravenously or to haloperidol "
      "5 mg plus midazolam 5 mg by IM injection."), ["iv"]),
    ("Lamotrigine and ketamine's effects in healthy volunteers",
     ("METHODS: Participants received lamotrigine 300 mg or placebo orally 2 hours before an "
      "intravenous ketamine infusion."), ["iv"]),
    # a measuring device is no route
    ("Ketamine for alcohol use disorder: a randomized trial",
     ("METHODS: Adults received intravenous ketamine. Abstinence was verified by transdermal "
      "alcohol monitoring."), ["iv"]),
])
def test_routes_from_a_routes_breadth_round(vocab: Vocabulary, title: str, abstract: str,
                                            routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("title", "abstract", "label", "tagged"), [
    ("Ketamine infusion to facilitate buprenorphine induction: a case series",
     ("Buprenorphine induction is difficult in patients who use fentanyl. We describe three "
      "adults with severe fentanyl use disorder who underwent buprenorphine induction with a "
      "ketamine infusion."), "substance_use", True),
    ("Ketamine for bipolar depression: an open-label study",
     "METHODS: Adults with treatment-resistant bipolar I or II depression received ketamine.",
     "trd", True),
    # anxiety as an effect of the infusion, in healthy volunteers
    ("Ketamine-induced dissociative effects in healthy volunteers",
     ("METHODS: Twenty-four healthy volunteers received ketamine. We measured state anxiety "
      "during infusion.\nRESULTS: Ketamine produced marked anxiety during infusion."),
     "anxiety", False),
])
def test_conditions_from_a_conditions_breadth_round(vocab: Vocabulary, title: str,
                                                    abstract: str, label: str,
                                                    tagged: bool) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert (label in tags.labels("conditions")) is tagged, tags.conditions


def test_size_per_arm_and_observed_cohorts(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine versus morphine: a randomized trial",
                          "RESULTS: Forty-five patients were randomized to each arm (n = 90)."),
                      vocab)
    assert tags.sample_size == 90, tags.sample_size_evidence
    tags = tag_record(rec("Subcutaneous ketamine in palliative care: an audit",
                          ("METHODS: We prospectively audited 43 consecutive patients.\nRESULTS: "
                           "Hallucinations occurred in five patients.")), vocab)
    assert tags.sample_size == 43, tags.sample_size_evidence


def test_age_range_across_eighteen_is_child_and_adult(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Ketamine use", "We surveyed participants aged 16-35 years."), vocab)
    assert tags.labels("age_groups") == ["child", "adult"], tags.age_groups


def test_ketamine_as_a_model_and_topical_anaesthesia_of_the_throat(vocab: Vocabulary) -> None:
    tags = tag_record(rec("Subanaesthetic intravenous ketamine as a model of psychosis",
                          "METHODS: Twenty healthy volunteers received ketamine infusions."), vocab)
    assert tags.ketamine_treatment is False
    assert tags.labels("routes") == ["iv"], tags.routes  # the model's ketamine is given iv
    tags = tag_record(rec("Esketamine-propofol sedation for gastroscopy",
                          ("METHODS: After topical pharyngeal anaesthesia with lidocaine spray, "
                           "patients received esketamine 0.2 mg/kg intravenously.")), vocab)
    assert tags.labels("routes") == ["iv"], tags.routes


@pytest.mark.parametrize(("title", "abstract", "routes"), [
    # ketamine the anaesthetic or the model: the routes of the drugs under study do not count
    ("Dynamic contrast-enhanced MRI with a gadolinium agent in rat gliomas",
     ("METHODS: Rats were anaesthetised with an intraperitoneal injection of ketamine (80 "
      "mg/kg) and xylazine (10 mg/kg) and imaged on a 7 T scanner before and after intravenous "
      "administration of the contrast agent."), []),
    ("Resveratrol attenuates ketamine-induced schizophrenia-like behaviours in mice",
     ("METHODS: Mice received ketamine (30 mg/kg, i.p.) or saline daily for 7 days, and "
      "resveratrol (20 or 40 mg/kg, orally) or vehicle was given 1 h before each ketamine "
      "injection."), []),
    # ... but ketamine's own route does
    ("Cardiorespiratory effects of sedation in rhesus macaques",
     ("METHODS: Monkeys were sedated with ketamine (10 mg/kg) injected intramuscularly before "
      "blood sampling."), ["im"]),
    ("Ketamine-induced psychotic symptoms in healthy men",
     ("METHODS: The effect of a subanaesthetic ketamine infusion on dopamine release was "
      "studied in healthy male subjects."), ["iv"]),
])
def test_routes_near_ketamine_when_it_is_a_tool_or_model(vocab: Vocabulary, title: str,
                                                         abstract: str,
                                                         routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.ketamine_treatment is False
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("title", "abstract", "treatment", "routes"), [
    # given without being studied (an adjunct): no treatment study; the routes near it are its
    ("Intranasal dexmedetomidine premedication and emergence delirium in children",
     ("METHODS: Children were randomized to intranasal dexmedetomidine or saline. All children "
      "received intravenous ketamine 0.5 mg/kg and fentanyl 1 microg/kg after cannulation "
      "according to the institutional protocol."), False, ["iv"]),
    # studied, in words an aside phrase also uses (the title does not name it)
    ("Six infusions for treatment-resistant depression: an open-label study",
     ("METHODS: Adults who had previously failed at least two adequate antidepressant trials "
      "received six intravenous ketamine infusions."), True, ["iv"]),
    ("A rapid-acting antidepressant in treatment-resistant depression: an open-label study",
     ("METHODS: The study drug was infused intravenously over 40 minutes in all patients: "
      "ketamine 0.5 mg/kg in all patients."), True, ["iv"]),
    ("Adjunctive infusion for severe alcohol withdrawal in the intensive care unit",
     ("METHODS: Adults who received an adjunctive ketamine infusion (0.15-0.3 mg/kg/h) at the "
      "intensivist's discretion were matched to controls.\nCONCLUSIONS: Adjunctive ketamine was "
      "associated with lower benzodiazepine requirements."), True, ["iv"]),
    # a conclusion that names it first but did not study it
    ("Etomidate versus propofol for electroconvulsive therapy",
     ("METHODS: Patients who had received ketamine in the preceding 3 months were excluded. We "
      "compared seizure duration.\nCONCLUSIONS: Ketamine, proposed as an alternative, was not "
      "evaluated and warrants comparison in future trials."), False, []),
])
def test_ketamine_adjunct_aside_and_studied(vocab: Vocabulary, title: str, abstract: str,
                                            treatment: bool, routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.ketamine_treatment is treatment
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("abstract", "routes"), [
    # a route after ketamine's and another drug's doses is ketamine's too
    ("METHODS: Children received ketamine 1 mg/kg or codeine 1 mg/kg orally.", ["oral"]),
    (("METHODS: Patients received esketamine 0.25 mg/kg plus dexmedetomidine 0.5 ug/kg "
     "intravenously."), ["iv"]),
    (("METHODS: Cats received ketamine 5 mg/kg, midazolam 0.2 mg/kg and butorphanol 0.2 mg/kg "
     "IM."), ["im"]),
    # ... not when ketamine has its own
    ("METHODS: Patients received ketamine 0.5 mg/kg IV and midazolam 2 mg orally.", ["iv"]),
    # future work, from its cue on: the result before it counts
    (("RESULTS: Daily oral ketamine was well tolerated, and future trials should compare it with "
     "intravenous ketamine."), ["oral"]),
])
def test_routes_shared_with_other_drugs_and_future_work(vocab: Vocabulary, abstract: str,
                                                        routes: list[str]) -> None:
    tags = tag_record(rec("Ketamine: a randomized trial", abstract), vocab)
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("abstract", "n"), [
    (("METHODS: 75 adults were screened; 9 were excluded (4 with bipolar disorder, 3 with "
     "psychosis, 2 with substance use), and 66 were randomised to esketamine."), 66),
    # those included after exclusions are analysed, not randomised
    (("METHODS: A total of 150 participants were randomly allocated to esketamine or saline. "
     "Since 27 participants were excluded due to loss to follow-up, 123 patients were included."),
     150),
])
def test_sample_size_after_exclusions(vocab: Vocabulary, abstract: str, n: int) -> None:
    tags = tag_record(rec("Esketamine: a randomized trial", abstract), vocab)
    assert tags.sample_size == n, tags.sample_size_evidence


@pytest.mark.parametrize(("abstract", "ages"), [
    ("We surveyed people aged 10-24 years.", ["child", "adult"]),
    ("We surveyed students aged 17-19 years.", ["child", "adult"]),
    ("We surveyed children aged 8-16 years.", ["child"]),
])
def test_age_ranges_that_reach_adulthood(vocab: Vocabulary, abstract: str,
                                         ages: list[str]) -> None:
    assert tag_record(rec("Ketamine use", abstract), vocab).labels("age_groups") == ages


@pytest.mark.parametrize(("title", "abstract", "routes"), [
    # ketamine as a drug of misuse or a toxin: no treatment study; the text's routes are its
    ("Experiences of the 'K-hole' among people who use ketamine recreationally",
     ("We interviewed 32 adults who reported recreational ketamine use. Routes included "
      "snorting and, less commonly, intramuscular injection."), ["im", "intranasal"]),
    ("Ketamine-induced uropathy with bilateral hydronephrosis in a young recreational user",
     "A 24-year-old woman presented with urinary frequency after daily ketamine use.", []),
    ("Ketamine induces ferroptosis in SH-SY5Y neuroblastoma cells",
     "Cells were exposed to ketamine for 24 h.", []),
])
def test_ketamine_as_a_drug_of_misuse_or_a_toxin(vocab: Vocabulary, title: str, abstract: str,
                                                routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.ketamine_treatment is False
    assert tags.labels("routes") == routes, tags.routes
    # a treatment for it is a study of the other drug
    tags = tag_record(rec("Naltrexone for ketamine dependence with severe craving: a case report",
                          "A man with ketamine dependence received naltrexone 50 mg daily."),
                      vocab)
    assert tags.ketamine_treatment is False


def test_wordings_from_a_representative_round(vocab: Vocabulary) -> None:
    """hp33: a representative sample of 2023-2025 records."""
    tags = tag_record(rec("Esketamine and postoperative cognition in older patients",
                          "METHODS: Patients received 0.5 mg/kg esketamine iv at induction."), vocab)
    assert tags.labels("routes") == ["iv"], tags.routes
    tags = tag_record(rec("Intranasal ketamine versus opioids for acute pain: a meta-analysis",
                          ("METHODS: We included RCTs comparing intranasal ketamine with opioids "
                           "(IN fentanyl, IV or IM morphine).")), vocab)
    assert tags.labels("routes") == ["intranasal"], tags.routes
    tags = tag_record(rec("Ketamine for acute pain in older adults: a protocol",
                          "We will include adults aged 65 years or older."), vocab)
    assert tags.labels("age_groups") == ["older_adult"], tags.age_groups
    tags = tag_record(rec("Esketamine for rebound pain after interscalene block: a randomized trial",
                          "METHODS: The primary outcome was the incidence of rebound pain."), vocab)
    assert "acute_pain" in tags.labels("conditions"), tags.conditions
    tags = tag_record(rec("Ketamine-related deaths in England and Wales",
                          "We reviewed coroners' reports. Most deaths involved polysubstance use."),
                      vocab)
    assert "substance_use" in tags.labels("conditions"), tags.conditions
    tags = tag_record(rec("Esketamine nasal spray in older adults: a post hoc pooled analysis of "
                          "phase 3 studies", ("METHODS: Post hoc analysis of data from one "
                                              "randomized trial and two open-label extension "
                                              "studies.")), vocab)
    assert tags.design is not None and tags.design.label == "rct", tags.design


@pytest.mark.parametrize(("title", "abstract", "treatment", "routes"), [
    # the title names ketamine only as history
    (("ECT in patients with treatment-resistant depression who previously received intravenous "
     "ketamine"), ("METHODS: We reviewed 184 patients treated with ECT; 57 had previously received "
                  "ketamine infusions.\nRESULTS: Response was similar in ketamine-exposed and "
                  "ketamine-naive patients."), False, []),
    # misuse as a safety outcome of a treatment study (a human study's objective)
    ("Esketamine nasal spray: a long-term safety extension study",
     ("OBJECTIVE: To assess safety, including signs of esketamine abuse or misuse.\nMETHODS: "
      "Adults received esketamine nasal spray twice weekly."), True, ["intranasal"]),
    # the subject of a conclusion after "Compared with placebo,", not one of two drugs named
    ("A rapid-acting antidepressant in bipolar depression: a randomized trial",
     ("BACKGROUND: Ketamine acts rapidly.\nMETHODS: We randomized 40 adults to an infusion or "
      "placebo.\nCONCLUSIONS: Compared with placebo, ketamine reduced depressive symptoms."),
     True, ["iv"]),
    ("Psilocybin for treatment-resistant depression: a randomized trial",
     ("METHODS: We randomized 60 adults to psilocybin 25 mg or 1 mg, taken orally.\n"
      "CONCLUSIONS: Ketamine and psilocybin may act on shared pathways."), False, []),
])
def test_ketamine_role_edges(vocab: Vocabulary, title: str, abstract: str, treatment: bool,
                             routes: list[str]) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    assert tags.ketamine_treatment is treatment
    assert tags.labels("routes") == routes, tags.routes


@pytest.mark.parametrize(("abstract", "routes", "n"), [
    # ketamine's own route before it: the comparator's route after the doses stays the comparator's
    ("METHODS: Children received intranasal ketamine 1 mg/kg and midazolam 0.5 mg/kg orally.",
     ["intranasal"], None),
    # future work ends where the study speaks of itself again
    (("METHODS: To inform whether future trials should use oral ketamine, we randomised 24 "
     "adolescents to weekly oral ketamine or placebo."), ["oral"], 24),
    # one arm after the exclusions is no sample size
    (("METHODS: 300 women were enrolled; 14 were excluded, and 143 were allocated to the "
     "esketamine group and 143 to the control group."), [], 300),
])
def test_shared_routes_future_clauses_and_arms(vocab: Vocabulary, abstract: str,
                                               routes: list[str], n: int | None) -> None:
    tags = tag_record(rec("Ketamine: a randomized trial", abstract), vocab)
    assert tags.labels("routes") == routes, tags.routes
    assert tags.sample_size == n, tags.sample_size_evidence


def test_wordings_from_a_second_representative_round(vocab: Vocabulary) -> None:
    """hp36: a second representative sample, measured before these fixes."""
    tags = tag_record(rec("Opioid-free anaesthesia for laparoscopic cholecystectomy: a trial",
                          ("METHODS: Patients received esketamine, dexmedetomidine and lidocaine "
                           "infusions.")), vocab)
    assert tags.labels("routes") == ["iv"], tags.routes
    tags = tag_record(rec("Ketamine for anxiety disorders: an open-label study",
                          ("METHODS: We enrolled adults with GAD and/or SAD, who were not "
                           "depressed, and gave them ketamine.")), vocab)
    assert "depression" not in tags.labels("conditions"), tags.conditions
    tags = tag_record(rec("Neonatal ketamine exposure induces neuroapoptosis in rat pups",
                          "Rat pups received ketamine on postnatal day 7."), vocab)
    assert tags.ketamine_treatment is False
    tags = tag_record(rec("Attitudes towards esketamine nasal spray: a patient survey",
                          ("METHODS: Patients of three clinics were invited to an online "
                           "questionnaire.\nRESULTS: 412 patients responded (response rate "
                           "78%).")), vocab)
    assert tags.sample_size == 412, tags.sample_size_evidence


@pytest.mark.parametrize(("title", "abstract", "routes"), [
    # a comparison of the study's arms keeps both routes; a contrast in passing does not
    ("Intravenous ketamine versus esketamine nasal spray for suicidal ideation",
     ("RESULTS: Unlike esketamine nasal spray, IV ketamine was associated with a greater "
     "reduction in suicidal ideation."), ["iv", "intranasal"]),
    ("Oral ketamine for depression in rural clinics",
     ("METHODS: Patients took oral ketamine weekly. CONCLUSIONS: Oral ketamine may be a useful "
     "option in regions where IV ketamine clinics are unavailable."), ["oral"]),
    # an OBJECTIVE section: "To evaluate ..." is the aim, and a sentence that tells what this
    # study gave is no context
    ("Esketamine and delirium after hip fracture surgery",
     ("AIMS: To evaluate whether intravenous esketamine reduces delirium in older adults. We "
     "also examined its effects on sleep quality.\nMETHODS: Patients were randomised."), ["iv"]),
    ("Esketamine after delivery and postpartum depression",
     ("OBJECTIVE: Women with prenatal depressive symptoms received a single intravenous dose of "
     "esketamine or placebo after delivery. The aim was to determine whether it prevents "
     "postpartum depression.\nMETHODS: A randomised trial."), ["iv"]),
    ("Oral ketamine for depression: a feasibility study",
     ("OBJECTIVE: Intravenous ketamine is effective but requires repeated visits. To assess the "
     "feasibility of oral ketamine in outpatients.\nMETHODS: Outpatients took oral ketamine."),
     ["oral"]),
    # future work ends where a contrast or the main clause begins
    ("Adjunctive oral ketamine in older adults with depression: a pilot study",
     ("METHODS: Patients took oral ketamine.\nCONCLUSIONS: Further trials are needed to confirm "
     "these findings, but adjunctive oral ketamine appears feasible."), ["oral"]),
    ("Ketamine for suicidal ideation in the emergency department",
     ("CONCLUSIONS: Although further studies are needed to confirm durability, a single "
     "intravenous ketamine infusion rapidly reduced suicidal ideation."), ["iv"]),
    ("Oral ketamine for depression in older adults: a case series",
     ("METHODS: Five patients took oral ketamine.\nCONCLUSIONS: More research is needed to "
     "establish whether oral dosing is as effective as intravenous infusions."), ["oral"]),
    # a route near ketamine in a model study: within the mention's sentence only
    ("PDE-318 reverses deficits in a ketamine model of schizophrenia",
     ("Social interaction deficits were measured in the ketamine model. Male rats were "
     "pretreated orally with PDE-318 before each subcutaneous ketamine injection."),
     ["subcutaneous"]),
])
def test_routes_from_an_adversarial_round(vocab: Vocabulary, title: str, abstract: str,
                                          routes: list[str]) -> None:
    """hp41: rounds written against this session's rules, where they over- or under-reach."""
    assert sorted(tag_record(rec(title, abstract), vocab).labels("routes")) == sorted(routes)


@pytest.mark.parametrize(("title", "abstract", "n"), [
    ("Ketamine-propofol induction in adults", ("METHODS: Among 212 adults, anaesthesia was "
     "induced with ketamine combined with propofol (n = 58) or propofol alone."), 212),
    ("Ketamine for depression: a randomised trial", ("RESULTS: Of 403 randomized patients, 365 "
     "patients contributed data to the primary analysis."), None),
    ("Ketamine-assisted psychotherapy: a randomised trial", ("METHODS: A purposive subsample of "
     "15 participants were interviewed after the final session. In total, 64 participants "
     "were randomized."), 64),
    ("Ketamine infusions for sickle cell pain: a retrospective review", ("METHODS: Forty-five "
     "patients representing 412 infusion sessions were included."), 45),
    ("Patients' views on esketamine: a survey", ("METHODS: Of 487 patients approached, 402 "
     "(82.5%) completed the survey."), 402),
])
def test_sizes_from_an_adversarial_round(vocab: Vocabulary, title: str, abstract: str,
                                         n: int | None) -> None:
    tags = tag_record(rec(title, abstract), vocab)
    if n is None:  # not the count the rules in question used to take
        assert tags.sample_size not in (58, 365, 15), tags.sample_size_evidence
    else:
        assert tags.sample_size == n, tags.sample_size_evidence


@pytest.mark.parametrize(("title", "treatment"), [
    ("Mortality and drug-related deaths among patients treated with ketamine for depression",
     True),
    ("Ketamine for sedation of agitated patients: cases reported to a regional poison center",
     True),
    ("Ketamine-involved overdose deaths in the United States, 2015-2022", False),
    ("Fatalities involving ketamine in Hong Kong", False),
    ("Bladder symptoms in women who use ketamine", False),
    ("Trends in ketamine-related emergency department visits in Taiwan", False),
])
def test_misuse_titles_from_an_adversarial_round(vocab: Vocabulary, title: str,
                                                 treatment: bool) -> None:
    assert tag_record(rec(title, "We analysed records."), vocab).ketamine_treatment is treatment


def test_designs_ages_and_intubation_from_an_adversarial_round(vocab: Vocabulary) -> None:
    for title, design in (
            (("Ketamine for depression: a randomized controlled trial with a nested qualitative "
             "study"), "rct"),
            (("Patients' experiences of ketamine: a systematic review and thematic synthesis of "
             "qualitative studies"), "systematic_review")):
        tags = tag_record(rec(title, "We analysed interviews."), vocab)
        assert tags.design is not None and tags.design.label == design, (title, tags.design)
    tags = tag_record(rec("Ketamine for suicidal ideation: a meta-analysis",
                          ("METHODS: We searched MEDLINE for randomized trials. Both trials "
                           "were pooled using a random-effects model.")), vocab)
    assert tags.design is not None and tags.design.label == "meta_analysis", tags.design
    tags = tag_record(rec("Esketamine in breast milk",
                          ("Lactating women received esketamine. The calculated relative infant "
                           "doses were below 1%. Esketamine reduced pain without affecting "
                           "neonates.")), vocab)
    assert "child" not in tags.labels("age_groups"), tags.age_groups
    tags = tag_record(rec("Ketamine for severe alcohol withdrawal: a cohort study",
                          ("Outcomes were benzodiazepine doses and rates of endotracheal "
                           "intubation. Intubation was necessary in 9 patients.")), vocab)
    assert "anesthesia" not in tags.labels("conditions"), tags.conditions


# -- wordings from this session's probe rounds ----------------------------------------------------
# Synthetic abstracts written by probe rounds hp37-hp43 (labels fixed before the rules were
# changed); each row names what its wording must give. Checks: "routes", "conditions", "ages"
# (the exact labels), "no_condition", "no_age" (a label that must be absent), "n" (the sample
# size, None for none), "design", "not_design", "treatment" (ketamine_treatment), "term" (the
# first condition's evidence).
PROBE_ROUND_CASES = [
    # hp37: a third representative sample (2020-2025)
    ("hp37", "Oral ketamine for treatment-resistant depression: a chart review",
     ("METHODS: Outpatients took oral ketamine three times weekly.\nCONCLUSIONS: Oral ketamine "
     "was tolerable and may be a pragmatic option where intravenous or intranasal formulations "
     "are unavailable."), {"routes": ["oral"]}),
    ("hp37", ("Esketamine nasal spray in depression with suicidal ideation: pooled results of two "
     "phase 3 trials"),
     ("METHODS: Both studies were double-blind, randomized and placebo-controlled. Adults were "
     "randomized to esketamine or placebo. Data from both studies were pooled (n = 451)."),
     {"n": 451, "design": "rct"}),
    ("hp37", ("Ketamine infusion for vaso-occlusive pain in sickle cell disease: a retrospective "
     "study"), "METHODS: Thirty-three patients accounting for 51 admissions were included.",
     {"n": 33}),
    ("hp37", "Ketamine for severe alcohol withdrawal in the intensive care unit",
     ("PURPOSE: Severe alcohol withdrawal often needs escalating benzodiazepine doses, which can "
     "lead to intubation. We describe adjunctive ketamine infusions in 60 patients."),
     {"no_condition": "anesthesia"}),
    ("hp37", "Ketamine exposures reported to poison centers, 2019-2023",
     ("METHODS: We reviewed exposures reported to the National Poison Data System. RESULTS: A "
     "total of 4,512 ketamine exposures were reported."), {"treatment": False}),
    # hp38: under-represented journals and item types
    ("hp38", "Esketamine for sedation in hysteroscopy",
     ("METHODS: Sixty patients aged 20-60 years were enrolled. The patients were divided into "
     "two groups randomly (n=30 each)."), {"design": "rct"}),
    ("hp38", "Bladder dysfunction among young adults who use ketamine in Hong Kong",
     "We analysed national records.", {"treatment": False}),
    ("hp38", "Deaths involving ketamine in England and Wales, 1999-2022",
     "We analysed national records.", {"treatment": False}),
    ("hp38", "Ketamine-assisted psychotherapy for burnout: a pilot study",
     "METHODS: Twenty-four healthcare workers enrolled and 22 completed all dosing sessions.",
     {"n": 24}),
    ("hp38", "Population pharmacokinetics of intranasal ketamine in children",
     "Forty-two children (median age 4.5 years) contributed 131 plasma samples.", {"n": 42}),
    ("hp38", "Correction to: Esketamine for emergence delirium in children",
     ('In the Results, the sentence "Ninety-six children were randomised" should read "Ninety '
     'children were randomised".'), {"n": None}),
    ("hp38", "Transfer of esketamine into human milk",
     ("METHODS: Twelve lactating women who received esketamine gave milk samples. RESULTS: The "
     "estimated relative infant dose (RID) was 0.38%."), {"no_age": "child"}),
    ("hp38", "Intranasal ketamine versus intravenous morphine for renal colic",
     ("METHODS: Patients were randomised to IN ketamine (1 mg/kg) plus IV normal saline or IV "
     "morphine (0.1 mg/kg) plus IN normal saline."), {"routes": ["intranasal"]}),
    ("hp38", ("'Like pressing a reset button': a qualitative study of patients' experiences of "
     "ketamine-assisted psychotherapy"),
     ("Twelve adults who had received three sessions in a clinical trial were interviewed; "
     "transcripts were analysed with interpretative phenomenological analysis."),
     {"design": "other"}),
    ("hp38", "Ketofol for procedural sedation in the emergency department",
     "METHODS: Patients received a 1:1 mixture of ketamine and propofol intravenously.",
     {"routes": ["iv"]}),
    # an OBJECTIVE section's context before its aim is background; a lone aim is the objective
    ("hp38", "Oral ketamine as an adjunct to sertraline: a randomized trial",
     ("Objective: Intravenous ketamine produces rapid antidepressant effects, but its use is "
     "limited by the need for monitoring. We evaluated oral ketamine as an adjunct to "
     "sertraline.\nMethods: Seventy outpatients were randomly assigned to oral ketamine or "
     "placebo.\nConclusion: Oral ketamine was effective."), {"routes": ["oral"]}),
    ("hp38", "Ketamine in depression",
     ("Objective: To compare intravenous ketamine with midazolam.\nMethods: Adults were "
     "randomised."), {"routes": ["iv"]}),
    # hp39: a sample shaped like ../shared's labelled records
    ("hp39", "Synaptic density after ketamine in healthy volunteers: a PET study",
     ("Healthy adults received one intravenous ketamine infusion before a second scan. Studies "
     "in patients with depression are needed to determine whether the effects depend on "
     "baseline deficits."), {"conditions": []}),
    ("hp39", "Ketamine clinics and the evidence: an editorial",
     ("Unlike esketamine nasal spray, which is subject to a risk evaluation and mitigation "
     "strategy, ketamine clinics operate with little oversight."), {"no_route": "intranasal"}),
    ("hp39", "Ketamine for depression in pregnancy: a case series",
     ("Three pregnant women with severe depression received ketamine. All three women delivered "
     "at term, and the neonates had normal Apgar scores."), {"no_age": "child"}),
    ("hp39", "Patients' experiences of ketamine treatment: a qualitative study",
     "METHODS: Eighteen patients (11 women; aged 24-67 years) were interviewed.", {"n": 18}),
    ("hp39", "Ketamine detected in drug-related deaths in England and Wales",
     "We reviewed coroners' toxicology records.", {"treatment": False}),
    ("hp39", "Intramuscular ketamine in agitated adults in the emergency department",
     ("METHODS: Agitated adults received intramuscular ketamine. RESULTS: Median time to "
     "sedation was 5 min. Intubation occurred in 7% of patients."),
     {"conditions": ["anesthesia"], "term": "time to sedation"}),
    # hp42: the session's last representative round
    ("hp42", "Ketamine for alcohol use disorder: a randomised trial",
     "METHODS: Craving was rated with the Obsessive Compulsive Drinking Scale.",
     {"no_condition": "ocd"}),
    ("hp42", "Esketamine nasal spray in treatment-resistant depression",
     ("METHODS: Safety included sedation (Modified Observer's Assessment of Alertness/Sedation, "
     "MOAA/S). RESULTS: Sedation (MOAA/S of 3 or less) was rare."),
     {"no_condition": "anesthesia"}),
    ("hp42", "Esketamine and postpartum depression after caesarean delivery",
     ("METHODS: Women were randomised to esketamine or saline. Anaesthesia and postoperative "
     "analgesia were otherwise standardized."), {"no_condition": "acute_pain"}),
    ("hp42", "Intranasal ketamine for cluster headache: an open-label study",
     ("BACKGROUND: Case reports have suggested that ketamine may abort attacks. METHODS: Twenty "
     "patients received intranasal ketamine in this open-label study."),
     {"design": "nonrandomized_trial"}),
    ("hp42", "Ketamine and suicide in veterans: a target trial emulation",
     ("METHODS: We emulated a target trial with national cohort data.\nCONCLUSIONS: These "
     "findings justify pragmatic randomized trials."), {"not_design": "rct"}),
    ("hp42", "Esketamine for emergence agitation in adults",
     ("PATIENTS: Ninety adults aged 18 to 64 years scheduled for nasal surgery. RESULTS: "
     "Recovery was good or excellent in 40 patients in the esketamine group."), {"n": 90}),
    ("hp42", "Repeated ketamine infusions for depression: a case series",
     ("METHODS: 52 patients with treatment-resistant depression received six infusions. "
     "RESULTS: Overall, 25 patients (48%) responded."), {"n": 52}),
    ("hp42", "Subcutaneous ketamine for depression: a randomised trial",
     ("CONCLUSIONS: Subcutaneous ketamine is an alternative to intranasal and intravenous "
     "formulations."), {"routes": ["subcutaneous"]}),
    # hp43: measured on the session's final rules
    ("hp43", "Esketamine for postpartum depression",
     ("Esketamine reduced postpartum depression. Infant exposure via breast milk should be "
     "evaluated."), {"no_age": "child"}),
    ("hp43", "Esketamine for analgesia after caesarean delivery",
     "The trial was not powered for neonatal or addiction outcomes.", {"no_age": "child"}),
    ("hp43", "Esketamine pharmacokinetics in liver disease",
     "Patients with cirrhosis (Child-Pugh A, n = 8) received esketamine.", {"no_age": "child"}),
    ("hp43", "Ketamine for depression in pregnancy: a case report",
     "She received ketamine in the third trimester and delivered a healthy infant.",
     {"no_age": "child"}),
    ("hp43", "Intranasal ketamine in adolescents with depression",
     ("METHODS: Adolescents aged 13-17 years received intranasal ketamine. RESULTS: Adverse "
     "effects were similar to those reported in adults."), {"ages": ["child"]}),
    ("hp43", "Intranasal esketamine premedication in children: a randomised trial",
     "RESULTS: Of 148 children assessed, 140 were randomised.", {"n": 140}),
    ("hp43", "Ketamine-assisted psychotherapy for PTSD in first responders",
     "METHODS: Twenty adult first responders with chronic PTSD were enrolled.", {"n": 20}),
    ("hp43", "Esketamine in treatment-resistant depression: a consensus statement",
     "An expert panel of 16 psychiatrists reviewed the evidence and agreed recommendations.",
     {"n": None}),
    ("hp43", "Ketamine for depression in Parkinson's disease: a narrative review",
     ("We review the evidence: two small randomized trials of intravenous ketamine, open-label "
     "studies and case series."), {"design": "review"}),
    ("hp43", "Long-term ketamine administration induces bladder fibrosis in mice",
     "Mice received ketamine daily for 16 weeks.", {"treatment": False}),
    # hp44: long realistic abstracts (41 clear errors in 80 at its first run)
    ("hp44", "Ketamine infusions for depression: a registry study",
     ("METHODS: Models were adjusted for age, sex, baseline severity and current posttraumatic "
     "stress symptoms (PCL-5). RESULTS: Response was 48%."), {"no_condition": "ptsd"}),
    ("hp44", "Ketamine for pain after cataract surgery",
     ("METHODS: All patients received topical proparacaine before ketamine was given "
     "intravenously."), {"routes": ["iv"]}),
    ("hp44", "Rapamycin and ketamine's antidepressant effects in rats",
     ("Rats received ketamine intraperitoneally after local infusion of the mTORC1 inhibitor "
     "rapamycin into the BLA."), {"routes": []}),
    ("hp44", "Oral ketamine prodrug in healthy volunteers",
     ("The prodrug achieves rapid systemic exposure without nasal administration. Volunteers "
     "took it orally."), {"routes": ["oral"]}),
    ("hp44", "Routes of ketamine for depression: a systematic review",
     ("RESULTS: Routes included intravenous (12 trials), subcutaneous (2), oral (3) and "
     "intranasal (4)."), {"routes": ["iv", "intranasal", "oral", "subcutaneous"]}),
    ("hp44", "Esketamine during caesarean delivery and postpartum depression",
     ("METHODS: Women received esketamine or saline. Neonatal outcomes included Apgar scores and "
     "neonatal intensive care admissions; no adverse infant effects were observed."),
     {"no_age": "child"}),
    ("hp44", "Intranasal ketamine for migraine in adolescents: a review",
     "Adverse events resembled those in adults.", {"no_age": "adult"}),
    ("hp44", "Oral ketamine for depression in palliative care: an open-label study",
     ("METHODS: Twenty patients took oral ketamine in this open-label study. CONCLUSIONS: A "
     "placebo-controlled study of longer duration is planned."),
     {"design": "nonrandomized_trial"}),
    ("hp44", "Ketamine and fractures in older adults: a self-controlled case series",
     "We used a self-controlled case series of 412 patients from national records.",
     {"not_design": "case_report"}),
    ("hp44", "Ketamine use in sexualised drug use (chemsex) among men in London",
     "We surveyed attendees of sexual health clinics.", {"treatment": False}),
    ("hp44", "Accidental ingestion of ketamine by young children",
     "We reviewed calls to a regional centre.", {"treatment": False}),
    ("hp44", "Ketamine for post-dural-puncture headache",
     ("Epidural blood patch is effective but invasive. Patients received intravenous ketamine "
     "under neuraxial or general anaesthesia."), {"routes": ["iv"]}),
    ("hp43", "Esketamine nasal spray in treatment-resistant depression: a randomized trial",
     "RESULTS: In total, 202 were randomized (28 mg, n = 67; 56 mg, n = 68; placebo, n = 67).",
     {"n": 202}),
    ("hp44", "Internet CBT after ketamine for depression: a randomized trial",
     "RESULTS: Eighty-eight were randomized (ICBT n = 44; control n = 44).", {"n": 88}),
    ("hp42", "Maintenance ketamine and cognition: a cohort study",
     ("METHODS: Sixty-two patients receiving maintenance ketamine and 48 comparison patients "
     "were included."), {"n": 110}),
    ("hp42", "Ketamine for depression: an open-label study",
     "METHODS: The protocol was approved and 48 patients were enrolled.", {"n": 48}),
    # hp45: the session's closing measurement (31 clear errors in 80 at its first run)
    ("hp45", "Ketamine routes for depression: a systematic review",
     ("RESULTS: Routes included intravenous (n = 9), intranasal (n = 6), subcutaneous (n = 4) "
     "and oral (n = 3)."), {"routes": ["iv", "intranasal", "oral", "subcutaneous"]}),
    ("hp45", "Esketamine versus intravenous ketamine in a clinic cohort",
     ("METHODS: A retrospective cohort study. CONCLUSIONS: Randomized head-to-head trials are "
     "ongoing."), {"design": "observational"}),
    ("hp45", "Esketamine nasal spray in adolescents with depression",
     ("RESULTS: Its safety profile was consistent with that in adults. Emergence phenomena are "
     "less frequent than in adults."), {"no_age": "adult"}),
    ("hp45", "Esketamine adverse event reports in a pharmacovigilance database",
     ("RESULTS: The most frequent events were dissociation (22.6%), sedation (12.4%) and "
     "increased blood pressure."), {"no_condition": "anesthesia"}),
    ("hp45", "ECT after ketamine: a Swedish national register study",
     "We used a national quality register.", {"design": "observational"}),
    ("hp45", "Prehospital ketamine analgesia in military casualties",
     "RESULTS: Of 9,146 casualties receiving analgesia, 1,210 received ketamine.", {"n": 9146}),
    # hp46: long abstracts shaped like the labelled set, on this session's rules
    ("hp46", "Sublingual ketamine wafers for social anxiety disorder: an open pilot study",
     ("METHODS: Eighteen adults took sublingual ketamine twice weekly for six weeks. "
     "CONCLUSIONS: Randomized placebo-controlled trials should examine this formulation."),
     {"not_design": "rct"}),
    ("hp46", "Intramuscular ketamine in anorexia nervosa: a feasibility study",
     ("METHODS: Ten women received weekly intramuscular ketamine without a control group. "
     "CONCLUSIONS: Tolerability was acceptable. A randomized controlled trial is justified."),
     {"not_design": "rct"}),
    ("hp46", "Esketamine added to an SSRI in late-life depression: a randomized trial",
     ("RESULTS: In all, 260 patients were screened and 118 randomized (esketamine n = 60; "
     "placebo n = 58); 101 completed the study."), {"n": 118}),
    ("hp46", "Ketamine for substance use disorders: a meta-analysis",
     ("RESULTS: Eleven studies were included: alcohol use disorder (n = 6) and opioid use "
     "disorder (n = 5). Across all studies, 806 participants were enrolled."), {"n": 806}),
    ("hp46", "Esketamine in resistant depression: concerns about a comparative trial",
     ("We read the trial report with interest. The primary outcome was response at week 8 but "
     "patients who withdrew were counted as non-responders."), {"n": None}),
    ("hp46", "Compounded ketamine for depression in palliative care: a case series",
     ("METHODS: Ketamine oral solution (0.5 mg/kg) was administered sublingually twice daily in "
     "five patients."), {"routes": ["sublingual"]}),
    # hp47 (perioperative, pain and psychiatry, long abstracts) and hp48 (shaped like PsyNamic)
    ("hp47", "Maintenance esketamine in treatment-resistant depression: a meta-analysis",
     ("RESULTS: Esketamine nasal spray reduced relapse. CONCLUSIONS: Trials comparing esketamine "
     "maintenance with intravenous ketamine maintenance are also needed."),
     {"routes": ["intranasal"]}),
    ("hp47", "Ketamine for bipolar depression: a systematic review and meta-analysis",
     ("METHODS: We searched five databases for randomized trials in adults. RESULTS: Six trials "
     "were included. No trials in children or adolescents were identified."), {"no_age": "child"}),
    ("hp48", ("Lithium continuation after response to ketamine in bipolar depression: a "
     "naturalistic follow-up"), ("METHODS: We followed 61 responders for 6 months. CONCLUSIONS: "
     "Randomized trials of maintenance strategies should include bipolar patients."),
     {"not_design": "rct"}),
    ("hp48", "Ketamine-assisted naltrexone induction in opioid use disorder: a pilot trial",
     ("METHODS: In this double-blind pilot trial, 40 adults with OUD were randomized to ketamine "
     "or midazolam. RESULTS: Induction was completed by 15 of 20 participants receiving "
     "ketamine."), {"n": 40}),
    ("hp48", "Oral ketamine for chronic PTSD: an open-label study",
     ("METHODS: Twenty adults aged 22-64 with chronic PTSD who had not responded to "
     "psychotherapy took oral ketamine daily; comorbid depression was permitted and present in 14 "
     "participants."), {"n": 20}),
    ("hp48", "Ketamine infusions in veterans with PTSD: a clinic cohort",
     ("RESULTS: PCL-5 scores decreased by a mean of 12 points among veterans with PTSD and "
     "comorbid depression."), {"n": None}),
    ("hp47", "Ketamine versus ECT in inpatients with severe depression: a randomized trial",
     ("METHODS: Inpatients aged 18-80 years with a major depressive episode were eligible; "
     "patients with psychotic features or dementia were excluded."), {"ages": ["adult"]}),
    ("hp48", "Ketamine for chronic neuropathic pain: a systematic review",
     ("RESULTS: Intravenous ketamine was given in 14 trials, oral in four and intranasal in "
     "two."), {"routes": ["iv", "intranasal", "oral"]}),
    ("hp48", "Esketamine nasal spray in a community mental health service",
     ("METHODS: Adults with treatment-resistant depression started esketamine nasal spray. "
     "Patients who had previously received intravenous ketamine (n = 19) were included."),
     {"routes": ["intranasal"]}),
    ("hp48", "Sublingual ketamine at home for depression: a cohort study",
     ("RESULTS: Dissociation with sublingual ketamine was lower than those reported after "
     "intravenous infusion in clinic cohorts."), {"no_route": "iv"}),
    ("hp46", "Intravenous ketamine for treatment-resistant depression: a chart review",
     ("RESULTS: Response occurred in 48% of 212 patients. Comorbid post-traumatic stress "
     "disorder (n = 71) was not associated with lower response. Relapse was as frequent with "
     "comorbid PTSD."), {"no_condition": "ptsd"}),
    ("hp46", "Ketamine for suicidal ideation in the emergency department: a randomized trial",
     ("RESULTS: Suicidal ideation fell in patients with and without an alcohol use disorder. "
     "Alcohol use disorder was present in 31%."), {"no_condition": "substance_use"}),
    # hp49 (measurement round: 19 clear errors on its first run)
    ("hp49", "Intramuscular ketamine for depression in a rural clinic: a pilot study",
     ("METHODS: Twelve adults received weekly intramuscular ketamine. CONCLUSIONS: This "
     "approach warrants comparison with intravenous and intranasal formulations in a "
     "randomized trial."), {"not_design": "rct"}),
    ("hp49", "Ketamine-assisted psychotherapy for PTSD in first responders: an open trial",
     ("METHODS: Twenty responders received six sessions. CONCLUSIONS: A randomized controlled "
     "trial comparing KAP with psychotherapy plus active placebo is planned."),
     {"not_design": "rct"}),
    ("hp49", "Esketamine nasal spray for depression in pregnancy: a case report",
     ("A 31-year-old woman with treatment-resistant depression received esketamine nasal spray. "
     "She delivered a healthy boy at 39 weeks."), {"ages": ["adult"]}),
    ("hp49", "Ketamine for pain in a child with neuroblastoma and epidural metastases",
     ("A 6-year-old boy with extensive bone and epidural involvement received intravenous and "
     "then subcutaneous ketamine."), {"no_route": "neuraxial"}),
    ("hp49", "Ketamine versus propofol for paediatric procedural sedation: a cohort study",
     ("RESULTS: Of 1,188 children screened, 624 met the inclusion criteria (ketamine 412, "
     "propofol 212)."), {"n": 624}),
    # hp50 (measurement round on this session's rules: 16 clear errors on its first run)
    ("hp50", "Esketamine and emergence delirium after thoracoscopic surgery",
     ("METHODS: After exclusion of those with uncontrolled hypertension, 160 patients were "
     "randomly allocated to receive intravenous esketamine 0.3 mg/kg or saline."),
     {"routes": ["iv"]}),
    ("hp50", "Esketamine and emergence delirium after thoracoscopic surgery",
     ("After exclusion of those with uncontrolled hypertension, 160 patients were randomly "
     "allocated to receive intravenous esketamine 0.3 mg/kg or saline."), {"routes": ["iv"]}),
    ("hp50", "Ketamine-assisted psychotherapy for veterans with PTSD: an open-label trial",
     "METHODS: We enrolled 30 veterans aged 18-70 with chronic PTSD.", {"ages": ["adult"]}),
    ("hp50", "Ketamine-assisted psychotherapy in a community clinic: outcomes of 1,247 patients",
     ("RESULTS: Of 1,612 patients who completed intake, 1,247 received at least one session and "
     "were included in the analysis."), {"n": 1247}),
    ("hp46", "Esketamine nasal spray and health care use: a claims study",
     ("METHODS: A subgroup analysis examined patients with comorbid anxiety disorders. RESULTS: "
     "Anxiety disorders were recorded in 40%."), {"no_condition": "anxiety"}),
    ("hp47", "Epidural ketamine for phantom limb pain after amputation: a randomized trial",
     ("METHODS: Sixty adults undergoing lower-limb amputation were randomized to epidural "
     "ketamine or saline. All patients received general anaesthesia."),
     {"no_condition": "anesthesia"}),
    # hp51 (80 long abstracts shaped like the labelled set: 28 clear errors on its first run,
    # ~3 of them the helper's own labelling) and hp52 (recent literature: 13)
    ("hp51", "Intravenous ketamine versus midazolam for treatment-resistant depression",
     ("CONCLUSIONS: Repeated intravenous ketamine was superior to midazolam. Longer maintenance "
     "studies, including comparisons with oral or intranasal formulations, are warranted."),
     {"routes": ["iv"]}),
    ("hp52", "Home-administered oral ketamine for depression: a randomized trial",
     ("CONCLUSIONS: Oral ketamine at home was safe and effective. Trials with longer follow-up "
     "and head-to-head comparison with esketamine nasal spray should follow."),
     {"routes": ["oral"]}),
    ("hp51", "EEG predictors of response to esketamine nasal spray",
     ("CONCLUSIONS: Baseline gamma power predicted response to esketamine nasal spray; these "
     "findings require replication in larger samples and comparison with intravenous "
     "ketamine."), {"routes": ["intranasal"]}),
    ("hp51", "Ketamine and suicide deaths in veterans: a target trial emulation",
     ("METHODS: This cohort study emulated a target trial in veterans with depression. "
     "CONCLUSIONS: Randomised trials powered for suicide outcomes remain necessary."),
     {"not_design": "rct"}),
    ("hp52", "Ketamine-assisted psychotherapy for PTSD: a single-arm pilot study",
     ("METHODS: Twenty veterans received six sessions of ketamine-assisted psychotherapy in this "
     "open-label pilot. CONCLUSIONS: A randomized trial comparing ketamine-assisted "
     "psychotherapy with psychotherapy plus active placebo is under way."),
     {"not_design": "rct"}),
    ("hp51", "Sublingual ketamine troches for social anxiety disorder: an open-label study",
     ("Ketamine has shown anxiolytic effects in small trials of intravenous dosing. We treated "
     "20 adults with sublingual ketamine troches weekly for 8 weeks."), {"no_route": "iv"}),
    ("hp51", "Esketamine nasal spray in major depressive disorder with suicidal ideation",
     ("RESULTS: Dissociation was transient, with a profile similar to that in "
     "treatment-resistant depression studies."), {"no_condition": "trd"}),
    ("hp51", "Clinical practice recommendations for ketamine in adults with depression",
     ("RESULTS: The panel recommended intravenous ketamine for adults with treatment-resistant "
     "depression. Consensus was not reached on the use of ketamine in adolescents."),
     {"no_age": "child"}),
    ("hp51", "Dissociation and blood-pressure elevation with esketamine: a meta-analysis",
     ("RESULTS: Sedation occurred in 8.9% of esketamine-treated patients. CONCLUSIONS: "
     "Dissociation is common, whereas significant sedation and hypertensive responses are "
     "infrequent."), {"no_condition": "anesthesia"}),
    ("hp52", "Intraoperative esketamine and depressive symptoms after mastectomy",
     ("METHODS: Women with breast cancer were randomized to esketamine 0.2 mg/kg or saline. "
     "General anaesthesia was standardized with propofol, sufentanil and sevoflurane. The "
     "primary outcome was depression at 3 days."), {"no_condition": "anesthesia"}),
    ("hp51", "Single intraoperative dose of esketamine for prevention of postpartum depression",
     ("METHODS: Women undergoing caesarean delivery were randomized to esketamine 0.2 mg/kg or "
     "saline. All women received standardised patient-controlled intravenous analgesia with "
     "sufentanil. RESULTS: Pain scores did not differ."),
     {"no_condition": "acute_pain"}),
    ("hp51", "Prehospital ketamine versus fentanyl for traumatic pain",
     ("METHODS: Adults received ketamine intramuscularly or fentanyl (intravenous or "
     "intranasal) at the paramedic's discretion."), {"no_route": "intranasal"}),
    ("hp51", "Intranasal ketamine for acute pain in children: a meta-analysis",
     ("RESULTS: Comparators were intravenous or oral morphine (two trials) and intranasal "
     "fentanyl (five trials)."), {"no_route": "iv"}),
    ("hp52", "Esketamine nasal spray in a real-world cohort",
     "RESULTS: Of 402 patients identified, 371 met inclusion criteria.", {"n": 371}),
    ("hp51", "Intranasal ketamine for suicidal adolescents: an open-label study",
     ("RESULTS: Of 58 eligible adolescents approached, 24 (41%) consented and were enrolled."),
     {"n": 24}),
    ("hp51", "Recreational ketamine use among festival attendees: a survey",
     ("RESULTS: Of 1,402 people who started the survey, 1,215 eligible respondents provided "
     "complete data."), {"n": 1215}),
    ("hp51", "Adverse effects of esketamine nasal spray: a meta-analysis",
     ("RESULTS: Seven trials contributing 1,960 participants (esketamine 1,153; placebo 807) "
     "were included."), {"n": 1960}),
    ("hp52", "Population pharmacokinetics of intravenous esketamine in children",
     "RESULTS: Eighty-four children contributed 462 concentrations.", {"n": 84}),
    ("hp52", "Intranasal ketamine versus fentanyl for fracture pain in children",
     ("METHODS: In three Canadian paediatric emergency departments, children aged 8 to 17 years "
     "with a suspected limb fracture were randomly assigned to intranasal ketamine or fentanyl. "
     "RESULTS: Of 180 children randomized, 172 completed follow-up."), {"n": 180}),
    ("hp22", "Ketamine versus etomidate for rapid sequence intubation",
     "We enrolled 655 patients at 77 sites.", {"n": 655}),
    ("hp52", "Oral ketamine plus midazolam as premedication for children with autism",
     ("METHODS: Children were randomized to oral ketamine plus midazolam or oral midazolam alone "
     "as premedication before dental treatment."), {"conditions": ["anesthesia"]}),
    # hp53 (perioperative, pain, emergency and ICU literature: 17 clear errors on its first run,
    # ~5 of them the helper's own labelling)
    ("hp53", "Epidural ketamine for post-thoracotomy pain: a randomized trial",
     ("METHODS: Seventy-two adults undergoing elective thoracotomy received a thoracic epidural "
     "catheter. They were randomly assigned to bupivacaine-fentanyl with or without ketamine. "
     "RESULTS: At 3 months, 8 of 34 patients in group BFK and 12 of 33 in group BF reported "
     "persistent pain."), {"n": 72}),
    ("hp53", "Ketamine for agitation in the emergency department: a retrospective cohort",
     ("RESULTS: Of 612 patients who received ketamine during the study period, 188 received it "
     "for agitation and were included."), {"n": 188}),
    ("hp53", "Ketamine and mTORC1 signalling in the prefrontal cortex of rats",
     ("Rats received ketamine (10 mg/kg, intraperitoneally). Pretreatment with rapamycin, infused "
     "into the medial prefrontal cortex, abolished the antidepressant-like effect of ketamine."),
     {"no_route": "iv"}),
    ("hp53", "Epidural ketamine for the prevention of phantom limb pain: a randomized trial",
     ("METHODS: Adults undergoing lower-limb amputation were randomized to epidural ketamine or "
     "saline. Surgery was performed under epidural anaesthesia supplemented with propofol "
     "sedation. RESULTS: Sedation scores were slightly higher with ketamine."),
     {"no_condition": "anesthesia"}),
    ("hp53", "Population pharmacokinetics of ketamine in children",
     ("METHODS: Sixty-one children were studied. RESULTS: Clearance reached 50% of adult values "
     "by 7 months of age."), {"ages": ["child"]}),
    # a negated list goes on past its commas
    ("hp52", "Esketamine nasal spray in treatment-resistant depression: a consensus statement",
     ("RESULTS: The panel recommended esketamine for adults with treatment-resistant depression. "
     "The panel did not reach consensus on use in bipolar depression, adolescents or patients "
     "with active substance use disorders."), {"ages": ["adult"]}),
    ("hp53", "Intravenous ketamine in healthy volunteers: effects on sleep",
     ("METHODS: Healthy volunteers with no history of depression, anxiety, or post-traumatic "
     "stress disorder received intravenous ketamine 0.5 mg/kg."), {"no_condition": "ptsd"}),
    ("hp53", "Intramuscular dexmedetomidine-ketamine-butorphanol versus alfaxalone for cats",
     ("METHODS: Forty cats were randomly assigned to intramuscular dexmedetomidine (15 ug/kg), "
     "ketamine (5 mg/kg) and butorphanol (0.2 mg/kg) or alfaxalone and butorphanol."),
     {"routes": ["im"]}),
    ("hp53", "Sedation of cats for radiography",
     "METHODS: Cats received intramuscular dexmedetomidine-ketamine before radiography.",
     {"routes": ["im"]}),
    ("hp53", "Midazolam for agitation in the emergency department",
     "METHODS: Patients received intramuscular midazolam or ketamine orally.", {"no_route": "im"}),
    # hp54 (measurement round on this session's first fixes: 31 clear errors on its first run,
    # ~4 of them the helper's own labelling) and hp55 (unstructured abstracts, letters,
    # veterinary and in-vitro work: 35, ~5 of them labelling)
    ("hp54", "Ketamine for depression: a randomized trial",
     "RESULTS: 150 patients were randomized to ketamine or placebo, and 143 were analysed.",
     {"n": 150}),
    ("hp55", "Ketamine-medetomidine immobilisation of captive white-tailed deer",
     ("Twenty deer were darted with ketamine and medetomidine; induction times and heart rates "
     "were recorded."), {"design": "preclinical"}),
    ("hp55", "Ketamine induces oxidative damage in urothelial cells",
     "Normal human urothelial cells were cultured and exposed to ketamine for 48 h.",
     {"design": "preclinical"}),
    ("hp55", "Affinity of ketamine enantiomers to human NMDA, opioid and sigma receptors",
     "We measured radioligand binding of esketamine and arketamine.", {"design": "preclinical"}),
    ("hp54", "Ketamine for obsessive-compulsive disorder: a systematic review",
     "RESULTS: Seven studies used intravenous ketamine. No study evaluated intranasal esketamine.",
     {"routes": ["iv"]}),
    ("hp54", "Intravenous ketamine for depression in an open-label study",
     ("METHODS: Twenty adults received six infusions of ketamine in this open-label study. "
     "CONCLUSIONS: These open-label findings must be confirmed in a placebo-controlled trial "
     "before clinical use."), {"design": "nonrandomized_trial"}),
    ("hp54", "Ketamine on two psychiatric wards: a prospective, non-randomised, controlled study",
     ("METHODS: Patients on one ward received ketamine. CONCLUSIONS: Allocation by ward rather "
     "than by randomisation may have introduced bias."), {"design": "nonrandomized_trial"}),
    ("hp54", "Recreational ketamine use: epidemiology, harms and treatment",
     ("Non-medical use of ketamine has increased. This narrative review summarises the "
     "epidemiology of recreational ketamine use and the limited evidence on treatment. No "
     "pharmacotherapy has been evaluated in controlled trials for ketamine use disorder; case "
     "reports and small series describe the use of psychosocial interventions, lamotrigine and "
     "naltrexone."), {"design": "review"}),
    ("hp54", "Ketamine for refractory status epilepticus: a systematic review",
     ("RESULTS: Twenty-seven studies describing 248 patients (71 children and 177 adults) were "
     "included."), {"n": 248}),
    ("hp54", "Intravenous ketamine versus esketamine in veterans",
     ("OBJECTIVE: To compare the effectiveness of the two treatments among veterans. RESULTS: Of "
     "215 veterans included, 127 received intravenous ketamine and 88 esketamine."), {"n": 215}),
    ("hp55", "Esketamine and postoperative sleep",
     ("METHODS: Patients were recruited, and 124 were randomized into the esketamine group or the "
     "control group."), {"n": 124}),
    ("hp55", "Esketamine and postoperative sleep",
     ("RESULTS: Finally 126 patients completed the study (group S 62, group C 64) out of 130 "
     "randomized."), {"n": 130}),
    ("hp55", "Ketamine exposures reported to poison centres, 2010-2020",
     ("METHODS: We analysed ketamine exposures reported to US poison centres. RESULTS: Most "
     "exposures were intentional misuse or abuse (62%). CONCLUSIONS: Misuse or abuse accounted "
     "for most exposures."), {"conditions": ["substance_use"]}),
    ("hp54", "Dexmedetomidine attenuates ketamine-induced neuroapoptosis in neonatal rats",
     "Neonatal rats received ketamine with or without dexmedetomidine.", {"treatment": False}),
    ("hp55", "Intramuscular ketamine for agitation",
     ("To the Editor: The recent retrospective study of 1,250 patients who received "
     "intramuscular ketamine raises questions."), {"design": "other"}),
    ("hp54", "Ketamine versus electroconvulsive therapy for treatment-resistant depression",
     ("BACKGROUND: ECT requires repeated general anesthesia. METHODS: Inpatients with "
     "treatment-resistant depression were randomized to six ketamine infusions or ECT under "
     "methohexital and succinylcholine anesthesia."), {"no_condition": "anesthesia"}),
    ("hp54", "Prehospital intramuscular ketamine for severe agitation",
     ("METHODS: Models were adjusted for age, sex and suspected intoxication. RESULTS: Suspected "
     "alcohol or stimulant intoxication was documented in 58%. Hypersalivation was more frequent "
     "among patients with suspected alcohol intoxication. CONCLUSIONS: Dose reduction for "
     "intoxicated patients may be considered."), {"no_condition": "substance_use"}),
    ("hp54", "Laryngospasm after intramuscular ketamine in an agitated adult",
     ("A 34-year-old man was brought to the emergency department in a state of extreme agitation "
     "after reported methamphetamine use. He received intramuscular ketamine. Laryngospasm has "
     "been described in patients with stimulant intoxication."),
     {"no_condition": "substance_use"}),
    ("hp53", "Ketamine infusion for sedation in COVID-19 acute respiratory distress syndrome",
     ("BACKGROUND: We describe the effect of ketamine on sedative and opioid requirements in "
     "ventilated patients. RESULTS: Ketamine infusion was associated with lower sedative and "
     "opioid requirements."), {"conditions": ["anesthesia"]}),
    # hp56 (final measurement round: 20 clear errors on its first run, ~3 of them the helper's
    # own labelling) and hp57 (psychiatric literature: 14, ~3 labelling)
    ("hp56", "Intravenous ketamine for suicidal ideation in the emergency department: a randomized trial",
     ("METHODS: Adults were randomized to intravenous ketamine 0.5 mg/kg or midazolam. "
     "CONCLUSIONS: Strategies to extend the effect, such as repeated dosing or the oral "
     "esketamine formulations currently under development, deserve study."), {"routes": ["iv"]}),
    ("hp56", "Intramuscular ketamine for treatment-resistant depression: an open-label study",
     ("METHODS: Eighteen adults received weekly intramuscular ketamine for six weeks in this "
     "open-label study. CONCLUSIONS: A randomized comparison with intravenous ketamine and "
     "intranasal esketamine would establish its relative effectiveness and cost."),
     {"routes": ["im"], "design": "nonrandomized_trial"}),
    ("hp56", "Arketamine for depression: a narrative review",
     ("In this review, we summarize the preclinical and clinical data on arketamine and propose"
     " priorities for future research, including dose-finding studies and trials in other "
     "psychiatric conditions such as post-traumatic stress disorder and substance use "
     "disorders."), {"no_condition": "ptsd"}),
    ("hp56", "Prehospital ketamine in combat casualties: a registry study",
     ("METHODS: We analysed casualties who received ketamine intravenously or intramuscularly. "
     "Fentanyl was given to 412 casualties (mostly as oral transmucosal fentanyl citrate "
     "lozenges)."), {"no_route": "sublingual"}),
    ("hp56", "Intramuscular ketamine-dexmedetomidine for castration in cats",
     ("METHODS: Sixty cats received intramuscular ketamine and dexmedetomidine, with meloxicam "
     "given subcutaneously to all cats."), {"routes": ["im"]}),
    ("hp56", "Esketamine nasal spray during pregnancy: a case report",
     ("A 32-year-old woman with treatment-resistant depression received esketamine nasal spray."
     " She delivered a healthy male infant at 38 weeks."), {"ages": ["adult"]}),
    ("hp56", "Esketamine for the prevention of postpartum depression: a randomized trial",
     ("METHODS: Women were randomized to esketamine 0.2 mg/kg or saline after delivery. "
     "CONCLUSIONS: Longer follow-up of infants is needed."), {"no_age": "child"}),
    ("hp56", "Drugs for preventing emergence delirium in children: a network meta-analysis",
     ("RESULTS: Ketamine given as oral premedication reduced emergence delirium compared with "
     "placebo."), {"routes": ["oral"]}),
    ("hp57", "Esketamine for the prevention of postpartum depression after caesarean delivery",
     ("METHODS: Women were randomized to esketamine 0.2 mg/kg or saline. All deliveries were "
     "performed under combined spinal-epidural anesthesia, and postoperative analgesia was "
     "provided with patient-controlled epidural sufentanil. RESULTS: Pain scores did not "
     "differ."), {"no_condition": "acute_pain"}),
    ("hp57", "Ketamine and reward processing in healthy volunteers: an fMRI study",
     ("RESULTS: Data from two participants were excluded because of excessive head motion, "
     "leaving 22 for analysis."), {"not_n": 2}),
    ("hp57", "Sublingual ketamine lozenges for depression: an open-label study",
     ("RESULTS: Of 52 patients referred, 41 met inclusion criteria and 36 commenced treatment; "
     "29 completed 12 weeks."), {"n": 41}),
    ("hp57", "Glutamate response to ketamine in healthy volunteers: a single-blind 7 Tesla MRS study",
     ("METHODS: Twenty volunteers were studied in a single-blind design. Spectra were acquired "
     "during a saline infusion followed by an intravenous infusion of ketamine."),
     {"design": "nonrandomized_trial"}),
    ("hp57", "Oral ketamine maintenance for treatment-resistant depression",
     ("METHODS: We describe the outcomes of patients with treatment-resistant depression who "
     "were switched to oral ketamine maintenance. RESULTS: Fifty-one patients were followed "
     "for a median of 14 months. Adverse events included two cases of lower urinary tract "
     "symptoms."), {"not_design": "case_report"}),
    ("hp57", "Oral ketamine for PTSD: a protocol for a randomized trial",
     ("Intravenous ketamine has shown rapid effects on PTSD symptoms in randomised trials, but "
     "repeated infusions are expensive and difficult to deliver over long periods. We will "
     "randomize 120 veterans to oral ketamine or placebo."), {"routes": ["oral"]}),
    ("hp56", "Intramuscular ketamine for treatment-resistant depression: an open-label study",
     ("METHODS: Twenty adults received weekly intramuscular ketamine. Suicidal ideation was "
     "monitored at every visit with the Columbia scale. RESULTS: One patient was hospitalized "
     "for worsening depression and suicidal thoughts judged unrelated to treatment."),
     {"no_condition": "suicidality"}),
    ("hp56", "Psychiatrists' attitudes to ketamine for depression: a national survey",
     ("RESULTS: The most frequently cited concerns were the risk of misuse and addiction (64%),"
     " uncertainty about long-term safety (61%) and cost (55%). Respondents were less "
     "supportive of ketamine for anxiety disorders or substance use disorders."),
     {"no_condition": "substance_use"}),
    ("hp56", "Patients' experiences of intravenous ketamine for treatment-resistant depression: a qualitative study",
     ("METHODS: Participants were purposively sampled to include people with and without "
     "comorbid anxiety and post-traumatic stress disorder. CONCLUSIONS: Patients' experiences "
     "include perceived psychological insights and anxieties about durability."),
     {"no_condition": "anxiety"}),
    # hp58 (final measurement round: 18 clear errors on its first run, ~3 of them the
    # helper's own labelling)
    ("hp58", "Ketamine versus electroconvulsive therapy for treatment-resistant depression: a randomized trial",
     ("BACKGROUND: ECT requires the need for repeated general anaesthesia. METHODS: Patients "
     "were randomized to six ketamine infusions or right unilateral ultrabrief ECT under "
     "anaesthesia with methohexital or propofol and succinylcholine."),
     {"no_condition": "anesthesia"}),
    ("hp58", "Telehealth sublingual ketamine for depression and anxiety: a cohort study",
     ("METHODS: Outcomes were PHQ-9 and GAD-7 scores. RESULTS: Depression and anxiety scores "
     "fell by half at 10 weeks. Improvement in suicidal ideation on PHQ-9 item 9 was also "
     "observed. CONCLUSIONS: Sublingual ketamine improved depression, anxiety and suicidal "
     "ideation on PHQ-9 item 9."),
     {"no_condition": "suicidality"}),
    ("hp58", "Ketamine for alcohol use disorder: a randomized trial",
     ("METHODS: Adults with alcohol use disorder were randomized to ketamine or midazolam. "
     "Depression, anxiety and craving were assessed as secondary outcomes. RESULTS: Depression"
     " scores did not differ."),
     {"no_condition": "depression"}),
    ("hp58", "Esketamine in a randomized trial",
     "RESULTS: Of 403 patients who underwent screening, 186 were randomized.",
     {"n": 186}),
    ("hp58", "Oral ketamine maintenance for depression: a cohort study",
     ("METHODS: Fifty-four patients (aged 24-71 years; mean 48.9) were followed; 47 had "
     "complete 12-month data."),
     {"n": 54}),
    ("hp58", "(R)-ketamine in the medial prefrontal cortex and social defeat stress in mice",
     ("Mice received a local infusion of (R)-ketamine into the medial prefrontal cortex after "
     "social defeat stress."),
     {"no_route": "iv"}),
    ("hp58", "Fatal mixed-drug intoxication involving ketamine: a forensic case",
     "A 27-year-old man was found dead at home. Toxicology showed ketamine and alcohol.",
     {"treatment": False}),
    ("hp58", "Nonmedical use of ketamine among US adults, 2015-2022",
     "METHODS: We analysed a national survey of adults.",
     {"treatment": False}),
    # hp60-hp62: pooled and post hoc analyses of a sponsor's trials, dose-finding designs
    ("hp60", ("Esketamine nasal spray in Asian patients with depression and suicidal ideation: post "
     "hoc analysis of pooled phase 3 data"),
     ("METHODS: In this post hoc analysis, we analysed patients enrolled in Japan and Korea. "
     "CONCLUSIONS: In this pooled analysis, esketamine reduced depressive symptoms."),
     {"design": "rct"}),
    ("hp62", "Esketamine nasal spray in treatment-resistant depression with anxious distress",
     ("METHODS: Data were pooled from two 4-week, double-blind, randomised, placebo-controlled "
     "phase 3 trials. RESULTS: Of 560 randomised patients, 372 (66.4%) met the anxious distress "
     "criterion."),
     {"design": "rct", "n": 560}),
    ("hp61", ("Esketamine with propofol for gastroscopy in children: an up-and-down sequential "
     "allocation study"),
     ("METHODS: Children were enrolled in this prospective dose-finding study using Dixon's "
     "up-and-down method."),
     {"design": "nonrandomized_trial"}),
    # sample sizes: the total after the groups, all those randomised, the events' people
    ("hp62", "Ketamine in the emergency department for suicidal ideation: a matched cohort study",
     ("RESULTS: The cohort comprised 96 ketamine-treated patients and 192 matched controls (288 "
     "patients in total; mean age 36.2 years)."),
     {"n": 288}),
    ("hp61", "Intraoperative ketamine and persistent pain after spine surgery",
     ("METHODS: All 127 randomised patients were included in the analysis. RESULTS: Follow-up "
     "data were available for 98 patients."),
     {"n": 127}),
    ("hp61", "Prehospital ketamine for traumatic pain in older adults: a secondary analysis",
     ("RESULTS: The parent trial randomised 1,021 patients, of whom 214 were aged 65 years or "
     "older (ketamine n = 109; morphine n = 105) and were included in this analysis."),
     {"n": 214}),
    ("hp61", "Recreational ketamine intoxication in the emergency department: a five-year study",
     "RESULTS: We identified 212 attendances by 189 patients (median age 24 years).",
     {"n": 189}),
    ("hp62", "Ketamine misuse among high school students: a national survey",
     "RESULTS: Of 9,876 eligible students, 9,214 (93.3%) returned valid questionnaires.",
     {"n": 9214}),
    ("hp60", "Esketamine nasal spray in treatment-resistant depression: a consensus statement",
     "METHODS: A task force of 18 psychiatrists, pharmacists and nurses reviewed the evidence.",
     {"n": None}),
    ("hp61", "Oral ketamine for chronic suicidal ideation: protocol for a randomised trial",
     ("METHODS: Adults will be randomised to oral ketamine or placebo. The planned sample size "
     "is 120 participants."),
     {"n": 120}),
    # conditions: a threshold before "were excluded", the analgesia every patient got, pain as
    # one null result, anaesthesia as the setting or the dose's timing, sedation as a side
    # effect, antidepressants kept, TRD negated, a ketamine-use study's pain scores
    ("hp60", "Low-dose esketamine and postoperative delirium in older patients",
     ("METHODS: Patients with preoperative dementia, severe depression or a Mini-Mental State "
     "Examination score below 20 were excluded. Secondary outcomes included Geriatric "
     "Depression Scale scores. RESULTS: Delirium was less frequent with esketamine."),
     {"no_condition": "depression"}),
    ("hp60", "Intraoperative esketamine and postoperative sleep after gynaecological surgery",
     ("METHODS: All patients received standardized propofol-remifentanil anaesthesia and "
     "sufentanil patient-controlled intravenous analgesia. The primary outcome was the Athens "
     "Insomnia Scale score. Secondary outcomes included NRS pain scores."),
     {"no_condition": "acute_pain"}),
    ("hp60", "Intraoperative esketamine and postoperative depressive symptoms after lung surgery",
     ("OBJECTIVE: This study investigated whether esketamine given during anaesthesia reduces "
     "postoperative depressive symptoms. RESULTS: Depressive symptoms were less frequent. GAD-7 "
     "scores and pain scores did not differ significantly between the groups."),
     {"conditions": ["depression"]}),
    ("hp60", "Esketamine and rebound pain after interscalene brachial plexus block",
     ("METHODS: Patients undergoing arthroscopic shoulder surgery with interscalene block and "
     "general anaesthesia were randomized to esketamine or saline. RESULTS: Rebound pain was "
     "less frequent."),
     {"conditions": ["acute_pain"]}),
    ("hp61", "Caudal ketamine as an adjuvant to bupivacaine in children",
     ("METHODS: Ninety boys scheduled for hypospadias repair under sevoflurane general "
     "anaesthesia were randomised to caudal bupivacaine with or without ketamine. RESULTS: "
     "Postoperative analgesia lasted longer."),
     {"no_condition": "anesthesia"}),
    ("hp60", "Caudal S-ketamine added to ropivacaine for hypospadias repair in children",
     ("RESULTS: Sedation scores were higher with the larger dose. CONCLUSIONS: Caudal S-ketamine "
     "prolonged postoperative analgesia; the higher dose caused more sedation."),
     {"no_condition": "anesthesia"}),
    ("hp62", "Ketamine for anorexia nervosa: an open-label pilot study",
     ("METHODS: Twelve adults received four ketamine infusions. Concomitant antidepressants "
     "(taken by 7 of 12 participants) were continued. Secondary outcomes included depressive "
     "symptoms. RESULTS: Eating disorder scores improved."),
     {"no_condition": "depression"}),
    ("hp62", "Ketamine augmentation of escitalopram in major depression",
     ("METHODS: Patients with treatment-resistant depression were excluded. CONCLUSIONS: Ketamine "
     "enhanced the response to escitalopram in non-resistant major depression."),
     {"no_condition": "trd"}),
    # hp60-hp62: ages of someone other than the participants, cells from rat embryos
    ("hp60", ("Effect of a single dose of esketamine after neonatal delivery on postpartum "
     "depressive symptoms"),
     "METHODS: Parturients aged 20-40 years were randomized to esketamine or saline.",
     {"ages": ["adult"]}),
    ("hp60", "Ketamine and esketamine for perinatal depression: a narrative review",
     ("Data on breastfeeding are scarce. This review highlights the limited data on infant "
     "neurodevelopment and infant development after exposure."),
     {"no_age": "child"}),
    ("hp61", "Repeated ketamine infusions for late-life treatment-resistant depression",
     ("METHODS: In this open-label pilot trial, 25 adults aged 60 to 88 years with major "
     "depression received six infusions."),
     {"ages": ["older_adult"]}),
    ("hp61", ("Esketamine nasal spray in patients aged 65 years and older with treatment-resistant "
     "depression"),
     ("RESULTS: Response rates improved. CONCLUSIONS: Esketamine was tolerated, with a profile "
     "consistent with that in younger adults."),
     {"ages": ["older_adult"]}),
    ("hp61", ("(2R,6R)-hydroxynorketamine and ketamine regulate BDNF release in cultured rat "
     "cortical neurons"),
     ("Primary cortical neuron cultures were prepared from embryonic day 18 rat embryos and "
     "treated with ketamine or vehicle for 24 hours."),
     {"population": "in_vitro"}),
    # other drugs' routes: a class of drugs, a list of routes after another drug, another
    # drug's infusion technique, the moment of the spinal block
    ("hp61", "Recreational ketamine intoxication in the emergency department: a five-year study",
     ("RESULTS: Sedation with intravenous or oral benzodiazepines was required in 17% of "
     "attendances."),
     {"routes": []}),
    ("hp61", "Sedative premedication for preoperative anxiety in children: a network meta-analysis",
     ("RESULTS: Ketamine was administered orally or intranasally, midazolam orally, intranasally "
     "or rectally, and dexmedetomidine intranasally or buccally."),
     {"routes": ["intranasal", "oral"]}),
    ("hp60", "Esketamine versus sufentanil during anaesthesia induction in elderly patients",
     ("METHODS: Patients received esketamine 0.5 mg/kg together with propofol target-controlled "
     "infusion for induction."),
     {"routes": []}),
    ("hp60", "Prophylactic esketamine for shivering during caesarean delivery",
     ("METHODS: Esketamine was given intravenously. The primary outcome was shivering within 60 "
     "min after intrathecal injection."),
     {"routes": ["iv"]}),
    ("hp60", "Intramuscular ketamine for treatment-resistant depression: an open-label study",
     ("METHODS: Patients received intramuscular ketamine twice weekly. CONCLUSIONS: IM ketamine "
     "was tolerated, supporting its use where infusion services are not available."),
     {"routes": ["im"]}),
    ("hp62", "Ketamine for post-traumatic stress disorder: a systematic review",
     ("RESULTS: Routes were intravenous (14 studies), intranasal (4 studies), intramuscular (2 "
     "studies) and oral (1 study)."),
     {"routes": ["iv", "im", "intranasal", "oral"]}),
    # what a guideline advises against, what later work should clarify or compare
    ("hp62", "Ketamine for depression: a consensus statement",
     ("RESULTS: Intravenous ketamine and esketamine nasal spray were recommended for TRD. Oral, "
     "sublingual and intramuscular ketamine were not recommended outside research settings."),
     {"routes": ["iv", "intranasal"]}),
    ("hp62", "Sublingual ketamine troches for depression in a community clinic",
     ("METHODS: Patients took sublingual troches. CONCLUSIONS: Its place relative to intravenous "
     "ketamine and intranasal esketamine should be clarified in prospective comparative "
     "studies."),
     {"routes": ["sublingual"]}),
    ("hp61", "Oral ketamine for burn dressing changes in children: a chart review",
     ("METHODS: Children received oral ketamine. CONCLUSIONS: Oral ketamine was effective. "
     "Prospective comparison with intranasal or inhaled alternatives is warranted."),
     {"routes": ["oral"]}),
    # pain scores in a study of ketamine use are no acute pain
    ("hp61", "Management of ketamine-associated uropathy: a systematic review",
     ("METHODS: We searched MEDLINE. RESULTS: Intravesical treatment gave improvements in "
     "bladder capacity and pain scores. Pain relief followed cessation of ketamine use."),
     {"no_condition": "acute_pain"}),
    # hp62: a study in healthy volunteers names conditions only as its motive and implication
    ("hp62", "Ketamine and reward processing in healthy volunteers: a crossover fMRI study",
     ("BACKGROUND: Anhedonia is a core symptom of depression. METHODS: Forty healthy "
     "volunteers without psychiatric illness received ketamine and placebo. RESULTS: Striatal "
     "responses increased. CONCLUSIONS: These findings may explain ketamine's anti-anhedonic "
     "effects in patients with depression."),
     {"conditions": []}),
    # ... while patients' condition named in the same places stays theirs
    ("hp62", "Ketamine for patients in a community clinic: an open-label study",
     ("BACKGROUND: Depression is common and disabling. METHODS: Forty adults received ketamine "
     "infusions. RESULTS: Scores improved. CONCLUSIONS: Ketamine reduced depression."),
     {"conditions": ["depression"]}),
    # hp60, hp61: ketamine as the animals' anaesthetic makes no condition of its own, but a title
    # that names ketamine's anaesthesia as its subject studies it
    ("hp60", ("Intrathecal Nav1.7 inhibitor alleviates mechanical allodynia in a rat model of "
     "spared nerve injury"),
     ("METHODS: Rats were anaesthetized with an intraperitoneal injection of ketamine (80 mg/kg) "
     "and xylazine before spared nerve injury surgery. RESULTS: Allodynia and neuropathic pain "
     "behaviour were reduced in chronic pain model rats."),
     {"conditions": [], "treatment": False}),
    ("hp61", "Neonatal ketamine anaesthesia causes long-lasting deficits in hippocampal neurogenesis",
     ("METHODS: Postnatal day 7 rat pups received ketamine anaesthesia for 6 hours. RESULTS: "
     "Neurogenesis was reduced in adulthood."),
     {"treatment": True}),
    ("hp61", ("Oral transmucosal versus intramuscular administration of a "
     "ketamine-dexmedetomidine combination for sedation in cats"),
     "METHODS: Twenty cats received the combination by each route in random order.",
     {"treatment": True}),
    # hp63, hp64: covariates and side measures written subject first, parents' anxiety, usual
    # care, another drug's premedication, the recovery unit, the moment of induction
    ("hp64", "Repeated ketamine infusions for treatment-resistant depression: a cohort study",
     ("METHODS: Adults with TRD received six infusions. Comorbid generalized anxiety disorder "
     "(41%) and PTSD (12%) were recorded and entered as covariates. RESULTS: Response was 52%."),
     {"no_condition": "ptsd"}),
    ("hp64", "Ketamine for suicidal ideation in the emergency department: a randomised trial",
     ("OBJECTIVE: To test ketamine beside usual care, which could include oral benzodiazepines "
     "and initiation of antidepressants. METHODS: Adults with suicidal ideation were randomised "
     "to ketamine or midazolam. RESULTS: Ideation fell with ketamine."),
     {"no_condition": "depression"}),
    ("hp64", "Intranasal ketamine for dental sedation in children: a randomised trial",
     ("METHODS: Children were randomised to intranasal ketamine or placebo. Parental anxiety was "
     "measured with the State-Trait Anxiety Inventory. RESULTS: Sedation was adequate in 84%. "
     "Parental anxiety was lower with ketamine."),
     {"no_condition": "anxiety"}),
    ("hp64", "Caudal ketamine for analgesia after orchidopexy in children",
     ("METHODS: All children were premedicated with oral midazolam 0.5 mg/kg. Children were "
     "randomised to caudal bupivacaine with or without ketamine. RESULTS: Analgesia lasted "
     "longer after premedicated with midazolam."),
     {"no_condition": "anesthesia"}),
    ("hp63", "Esketamine and perioperative anxiety and depression in breast cancer surgery",
     ("METHODS: Women received esketamine 0.2 mg/kg intravenously over 40 minutes after "
     "induction of anesthesia. RESULTS: Anxiety and depression scores were lower. CONCLUSIONS: "
     "Esketamine after induction of anesthesia reduced anxiety."),
     {"no_condition": "anesthesia"}),
    ("hp64", "Esketamine for chronic postsurgical pain: a meta-analysis",
     ("METHODS: Trials of perioperative esketamine were pooled. RESULTS: Chronic postsurgical "
     "pain was less frequent. Opioid consumption in the post-anaesthesia care unit was lower. "
     "Stays in the post-anaesthesia care unit were shorter."),
     {"no_condition": "anesthesia"}),
    ("hp64", "Esketamine for postpartum depression after caesarean delivery: a meta-analysis",
     ("RESULTS: Esketamine reduced postpartum depression; administration by bolus (>= 0.2 "
     "mg/kg) or in PCIA were both effective. Doses given as a bolus or via PCIA were equally "
     "safe."),
     {"no_condition": "acute_pain"}),
    ("hp64", "Ketamine for depression in adults: a randomised trial",
     ("METHODS: Adults were randomised to ketamine or midazolam. Suicidal ideation (PHQ-9 item "
     "9) was monitored. Depression was the primary outcome. RESULTS: Suicidal ideation "
     "(C-SSRS) was monitored at follow-up."),
     {"no_condition": "suicidality"}),
    ("hp63", "Ketamine for obsessive-compulsive disorder: an open-label pilot study",
     ("METHODS: Adults with OCD received two infusions. Moderate or severe alcohol or cannabis "
     "use disorder in the prior 3 months were exclusionary. RESULTS: Obsessions improved. No "
     "participant developed a new substance use problem."),
     {"conditions": ["ocd"]}),
    ("hp63", "Esketamine nasal spray and hypomania in unipolar depression: a case report",
     ("A woman without personal or family history of bipolar disorder developed hypomania "
     "during esketamine treatment for depression. She had no personal or family history of "
     "bipolar disorder or psychosis."),
     {"no_condition": "bipolar"}),
    # other drugs' routes, and ketamine's routes before or outside the study
    ("hp64", "Nebulised ketamine versus intravenous morphine for acute pain in the ED",
     ("METHODS: Adults received nebulised ketamine or morphine. Fentanyl 1 microgram/kg "
     "intravenously was available as rescue analgesia."),
     {"no_route": "iv"}),
    ("hp64", "Ketamine infusion for cocaine use disorder: a randomised trial",
     ("METHODS: Adults who were actively using cocaine (predominantly by intranasal or smoked "
     "routes) were randomised to a ketamine or midazolam infusion."),
     {"no_route": "intranasal"}),
    ("hp64", "Intravenous ketamine for treatment-resistant depression in a university clinic",
     ("METHODS: Adults received six infusions; some had previously been prescribed esketamine "
     "nasal spray elsewhere. RESULTS: Response was 48%."),
     {"routes": ["iv"]}),
    ("hp64", "Esketamine nasal spray for TRD: lessons from a registry",
     ("The findings cannot be extrapolated to intravenous racemic ketamine, oral ketamine, or "
     "electroconvulsive therapy, which were not studied. Esketamine nasal spray was effective."),
     {"routes": ["intranasal"]}),
    # ages: a group left out, a separate study, research priorities, others' relations
    ("hp64", "Ketamine for depression in a community clinic: a cohort study",
     ("METHODS: Adults received infusions; older adults (65 years and over) were not included in "
     "this cohort. A separate study in adolescents with depression is ongoing."),
     {"ages": ["adult"]}),
    ("hp64", "Ketamine-assisted therapy for depression in older adults aged 65 to 85 years",
     ("METHODS: Twenty patients aged 65 to 85 years received ketamine. Family caregivers, most "
     "of whom were the participants' adult children, completed the Zarit Burden Interview."),
     {"ages": ["older_adult"]}),
    ("hp63", "Intranasal esketamine for premedication in children: a randomised trial",
     ("METHODS: Children aged 3-7 years were randomised. RESULTS: The safety profile was "
     "consistent with adult studies."),
     {"ages": ["child"]}),
    ("hp64", "Ketamine for postpartum depression: a randomised trial",
     ("METHODS: Mothers aged 20-40 years were randomised. Outcomes were similar in the 31% who "
     "were parents of children younger than 12 years."),
     {"no_age": "child"}),
    # hp65, hp66: a drug's approval is background; trials "against" a comparator are future
    # work; wastewater epidemiology; a review of mortality data; intoxication among causes
    ("hp66", "Arketamine as a rapid-acting antidepressant: a narrative review",
     ("Ketamine is a racemic mixture of esketamine and arketamine. Although esketamine has been "
     "approved as a nasal spray for treatment-resistant depression, preclinical evidence "
     "suggests that arketamine has longer-lasting antidepressant-like effects. Arketamine "
     "trials in depression have begun."),
     {"no_condition": "trd", "no_route": "intranasal"}),
    ("hp65", "Esketamine nasal spray for treatment-resistant depression: a meta-analysis",
     ("RESULTS: Esketamine nasal spray improved MADRS scores. CONCLUSIONS: Esketamine nasal spray "
     "is effective. Head-to-head trials against intravenous racemic ketamine and "
     "electroconvulsive therapy are needed."),
     {"routes": ["intranasal"]}),
    ("hp65", ("Spatiotemporal trends of ketamine and norketamine in municipal wastewater across 22 "
     "Chinese cities"),
     "Ketamine was detected in 97% of samples. Loads rose over the study period.",
     {"treatment": False}),
    ("hp65", "Ketamine-related deaths in England: a review of coroners' and national mortality data",
     "Cases were identified from a national database of drug-related deaths.",
     {"not_design": "review"}),
    ("hp66", "Intramuscular ketamine for prehospital agitation: a retrospective cohort",
     ("METHODS: We recorded the suspected aetiology (including alcohol or stimulant intoxication "
     "and psychiatric illness). RESULTS: Agitation resolved in 88%, including in alcohol or "
     "stimulant intoxication."),
     {"no_condition": "substance_use"}),
    ("hp66", "Intravenous ketamine for treatment-resistant depression: a consensus statement",
     ("METHODS: A panel of 28 experts in psychiatry, anaesthesiology, pharmacology and addiction "
     "medicine met. RESULTS: Ketamine was recommended; experts in addiction medicine advised "
     "monitoring."),
     {"no_condition": "substance_use"}),
    # hp65: future comparisons in the plural (a guard for the cue written from "comparison")
    ("hp65", "Intramuscular ketamine for treatment-resistant depression: an open-label study",
     ("METHODS: Outpatients received intramuscular ketamine weekly. CONCLUSIONS: Intramuscular "
     "ketamine was well tolerated. Randomised comparisons with intravenous and intranasal "
     "formulations are required."),
     {"routes": ["im"]}),
    # hp67: a condition the participants did not have; future work without "to ..."
    ("hp67", "Ketamine for generalised and social anxiety disorder: a randomised trial",
     ("METHODS: Adults with GAD and/or SAD who did not have current major depression were "
     "enrolled and randomised to ketamine or midazolam. RESULTS: Anxiety improved. Adults who "
     "did not have current major depression responded as well."),
     {"conditions": ["anxiety"]}),
    ("hp67", "Ketamine in the emergency department: a narrative review",
     ("Ketamine is used for procedural sedation in children and adults. Further research is "
     "needed, including the use of ketamine in older adults. Knowledge gaps include its role in "
     "older adults with delirium."),
     {"no_age": "older_adult"}),
    # hp60, hp67: sedation scores as a side effect of a caudal analgesic, not anaesthesia; a
    # sedation study keeps its label
    ("hp67", "Caudal ketamine added to bupivacaine for analgesia after inguinal herniotomy",
     ("METHODS: Children received caudal bupivacaine with or without ketamine. Sedation scores "
     "were recorded hourly. RESULTS: Postoperative analgesia lasted longer. Sedation scores were "
     "higher in the ketamine group."),
     {"conditions": ["acute_pain"]}),
    ("hp67", "Intranasal ketamine for procedural sedation in children: a randomised trial",
     ("METHODS: Children were randomised to intranasal ketamine or midazolam for procedural "
     "sedation. RESULTS: Ramsay sedation scores were higher with ketamine."),
     {"conditions": ["anesthesia"]}),
    # hp63, hp67: what a panel did not agree on or found too little evidence for
    ("hp67", "Recommendations for ketamine and esketamine in depressive disorders: a consensus",
     ("METHODS: A panel of psychiatrists reviewed the evidence on adults. RESULTS: Intravenous "
     "ketamine was recommended for adults. The panel did not reach consensus on the use of oral "
     "or sublingual formulations, or on ketamine in adolescents."),
     {"ages": ["adult"], "routes": ["iv"]}),
    ("hp63", "Clinical practice recommendations for intravenous ketamine in depression",
     ("RESULTS: Recommendations cover adults. For bipolar depression and for patients under 18 "
     "years, the task force concluded that evidence was insufficient to make recommendations."),
     {"ages": ["adult"]}),
    # review of ca7b21f: a title with animals under ketamine anaesthesia names a tool, whether
    # the drug comes first ("in ketamine anesthetized cats") or after "under"
    ("hp61", "Hippocampal place-cell firing under ketamine anesthesia in rats given a novel compound",
     "METHODS: Rats were recorded after a novel compound was given. RESULTS: Firing rates fell.",
     {"treatment": False}),
    ("hp61", "Visual cortex responses in ketamine anesthetized cats",
     "METHODS: Cats were recorded. RESULTS: Responses fell.",
     {"treatment": False}),
    # hp68: a measurement round shaped like the labelled set; hp69: a weekly search's mix
    ("hp68", "Low-dose ketamine infusion for complex regional pain syndrome in a 14-year-old girl",
     ("We describe a 14-year-old girl with complex regional pain syndrome of the left foot. After "
      "a ketamine infusion her pain fell and she was able to bear weight by day 4."),
     {"population": "human", "ages": ["child"]}),
    ("hp68", "Esketamine at induction and emergence delirium after tonsillectomy in children",
     ("METHODS: Children were randomised to esketamine (n=90) or saline (n=90). RESULTS: All 180 "
      "children completed the study. Emergence delirium occurred in 18 of 90 children given "
      "esketamine."), {"n": 180}),
    ("hp68", "Oral ketamine for depression in palliative care: a randomised trial",
     ("RESULTS: The trial was stopped early for slow recruitment after 74 of a planned 120 "
      "participants had been randomised."), {"n": 74}),
    ("hp68", "Oral ketamine for generalised anxiety disorder: an open-label study",
     ("BACKGROUND: We previously reported rapid anxiolytic effects of subcutaneous ketamine; here "
      "we examined an oral formulation. METHODS: Adults took oral ketamine for 12 weeks."),
     {"routes": ["oral"]}),
    ("hp69", "Intravenous ketamine in a community clinic: a cohort study",
     ("METHODS: We reviewed adults treated with intravenous ketamine. RESULTS: Of 418 patients, 61 "
      "(14.6%) reported prior intranasal esketamine use."), {"routes": ["iv"]}),
    ("hp69", "Ketamine and dendritic spines in neurons derived from induced pluripotent stem cells",
     ("METHODS: Neurons were derived from six donors with depression, three of whom had responded "
      "clinically to a course of intravenous ketamine. Cultures were exposed to ketamine 1 uM."),
     {"no_route": "iv"}),
    ("hp69", "Intravenous ketamine for depression in inpatients: a naturalistic study",
     ("METHODS: Inpatients received six intravenous ketamine infusions. CONCLUSIONS: Strategies to "
      "maintain benefit after discharge, including oral or intranasal maintenance, should be "
      "explored."), {"routes": ["iv"]}),
    ("hp69", "Intranasal ketamine for pre-hospital analgesia: a registry study",
     ("METHODS: Paramedics gave intranasal ketamine. RESULTS: Co-administration of oral "
      "transmucosal fentanyl citrate occurred in 12%."), {"routes": ["intranasal"]}),
    ("hp69", "Esketamine for postpartum depression after caesarean delivery: a randomised trial",
     ("METHODS: Women aged 20-35 years were randomised to esketamine or placebo. CONCLUSIONS: "
      "Esketamine was safe, without adverse effects on mothers or neonates."), {"ages": ["adult"]}),
    ("hp69", "Esketamine nasal spray during pregnancy: a case report",
     ("A 33-year-old woman with depression received esketamine nasal spray until week 20. She "
      "delivered at term with no neonatal adaptation problems."), {"ages": ["adult"]}),
    ("hp69", "Ketamine for depression with anxious distress: a randomised trial",
     ("METHODS: Adults were randomised to ketamine or midazolam. CONCLUSIONS: Longer follow-up and "
      "assessment of effects on infants are needed."), {"no_age": "child"}),
    ("hp69", "Ketamine for agitation in the emergency department: a meta-analysis in adults",
     ("METHODS: We pooled trials in adults. RESULTS: In patients aged 65 years or older, data were "
      "too sparse for firm conclusions."), {"ages": ["adult"]}),
    ("hp69", "Intranasal esketamine for acute pain in sickle cell disease: a trial protocol",
     "METHODS: Patients aged 12 years and older with sickle cell disease will be randomised.",
     {"ages": ["child", "adult"]}),
    ("hp69", "Oral ketamine for post-traumatic stress disorder: a randomised trial",
     ("METHODS: Veterans were randomised to oral ketamine or placebo. Depressive symptoms (PHQ-9) "
      "and sleep were exploratory outcomes. RESULTS: PTSD symptoms fell. Depressive symptoms also "
      "improved."),
     {"no_condition": "depression"}),
    ("hp69", "Ketamine for suicidal ideation: protocol for an individual participant data meta-analysis",
     ("METHODS: We will examine potential moderators including diagnosis (unipolar depression, "
      "bipolar depression, post-traumatic stress disorder), age and sex."),
     {"no_condition": "ptsd"}),
    ("hp69", "Oral ketamine for depression in palliative care: a pilot study",
     ("METHODS: In this single-arm, open-label pilot trial, 20 patients took oral ketamine. "
      "CONCLUSIONS: The effect warrants evaluation in an adequately powered, placebo-controlled "
      "trial."), {"design": "nonrandomized_trial"}),
    ("hp68", "Esketamine versus quetiapine in treatment-resistant depression: is the comparator fair?",
     ("To the Editor: The recent trial comparing esketamine nasal spray with quetiapine reported "
      "more remissions with esketamine. We are concerned that the open-label design, the primary "
      "outcome and the slow titration of quetiapine may have favoured esketamine. Rater blinding "
      "does not offset dropout. We suggest further sensitivity analyses."),
     {"design": "other"}),
    ("hp68", "Esketamine at induction and emergence delirium in children: a randomised trial",
     ("BACKGROUND: Preoperative anxiety and postoperative pain are risk factors for emergence "
      "delirium. METHODS: Children were randomised to esketamine or saline. Secondary outcomes "
      "included pain scores. RESULTS: Emergence delirium was less frequent, and fewer children "
      "required rescue analgesia (12% vs 27%)."),
     {"no_condition": "acute_pain"}),
    ("hp68", "Intraoperative esketamine and nausea after gynaecological surgery: a cohort study",
     ("METHODS: Outcomes included nausea and postoperative pain scores. RESULTS: Nausea was less "
      "frequent with esketamine. Postoperative pain scores and dizziness were similar."),
     {"no_condition": "acute_pain"}),
    ("hp69", "Esketamine and sleep after hip fracture surgery in older adults: a randomised trial",
     ("METHODS: All patients received a fascia iliaca block and epidural analgesia with ropivacaine "
      "for 48 hours. Patients were randomised to esketamine or saline. RESULTS: Sleep quality "
      "improved. Pain scores did not differ."), {"no_condition": "acute_pain"}),
    ("hp68", "Esketamine and preoperative anxiety before breast cancer surgery: a randomised trial",
     ("BACKGROUND: Benzodiazepines are often used as premedication but can impair recovery. "
      "METHODS: Women were "
      "randomised to esketamine or saline before surgery. The primary outcome "
      "was anxiety. Secondary outcomes were remifentanil use, quality of recovery (QoR-15) and pain "
      "scores. RESULTS: Anxiety fell. Esketamine also reduced remifentanil use and improved QoR-15 "
      "scores on day 1."), {"no_condition": "anesthesia"}),
    ("hp68", "Adjunctive ketamine for severe alcohol withdrawal in the intensive care unit",
     ("PURPOSE: Severe alcohol withdrawal often needs escalating benzodiazepine doses, which may "
      "lead to oversedation, respiratory depression and intubation. METHODS: Patients given a "
      "ketamine infusion were compared with those given benzodiazepines alone. Outcomes included "
      "benzodiazepine requirements and intubation rates."),
     {"no_condition": "anesthesia"}),
    ("hp69", "Epidural esketamine added to labour analgesia and postpartum depression: a randomised trial",
     ("METHODS: Nulliparous women aged 20-35 years requesting epidural labour analgesia at a "
      "Maternity and Child Healthcare Hospital were randomised to esketamine or saline."),
     {"ages": ["adult"]}),
    ("hp68", "Ketamine-positive deaths in Scotland, 2010-2022: toxicology and circumstances",
     ("METHODS: We reviewed post-mortem toxicology of deaths in which ketamine was detected. Deaths "
      "in which ketamine had been administered for medical purposes were excluded. RESULTS: "
      "Ketamine was detected in 212 deaths."), {"treatment": False}),
    ("hp68", "Low-dose ketamine infusion versus hydromorphone for rib fractures: a randomised trial",
     ("METHODS: Adults with three or more rib fractures were randomised to a ketamine infusion or "
      "hydromorphone, within a multimodal regimen including acetaminophen and, when feasible, "
      "epidural or paravertebral analgesia."), {"routes": ["iv"]}),
    # hp70: the psychiatric literature 2012-2024; hp71: anaesthesia, analgesia and sedation
    ("hp71", "Ketamine-propofol co-induction versus propofol alone in dogs undergoing ovariohysterectomy",
     ("METHODS: Forty dogs were randomized. Anaesthesia was induced with intravenous ketamine "
      "1 mg/kg followed by propofol, or with propofol alone."),
     {"treatment": True, "conditions": ["anesthesia"]}),
    ("hp71", "Remote immobilization of brown bears with medetomidine-ketamine versus medetomidine-tiletamine-zolazepam",
     ("METHODS: Bears were darted with medetomidine-ketamine or medetomidine-tiletamine-zolazepam, "
      "delivered intramuscularly. Anaesthesia was induced with medetomidine and ketamine."),
     {"treatment": True, "routes": ["im"]}),
    ("hp67", "Quality of anaesthetic induction with ketamine-midazolam versus propofol in healthy dogs",
     ("METHODS: Dogs were anaesthetised with ketamine and midazolam or with propofol. RESULTS: "
      "Induction quality was similar."), {"treatment": True}),
    # hp70 and hp71: vocabulary
    ("hp70", "Intranasal esketamine before breast cancer surgery and preoperative anxiety: a randomized trial",
     ("BACKGROUND: Benzodiazepines such as midazolam are often used as premedication but may cause "
      "sedation. METHODS: Women were randomized to intranasal esketamine or saline before surgery. "
      "General anaesthesia was induced with propofol, sufentanil and cisatracurium and maintained "
      "with sevoflurane in both groups. The primary outcome was anxiety. Secondary outcomes "
      "included postoperative nausea and vomiting."), {"conditions": ["anxiety"]}),
    ("hp71", "Caudal ketamine added to bupivacaine for analgesia after hypospadias repair in children",
     ("METHODS: Children were randomized to caudal bupivacaine with or without ketamine. General "
      "anaesthesia was induced and maintained with sevoflurane. The primary outcome was the time to "
      "first rescue analgesia. RESULTS: Pain scores were lower with ketamine."),
     {"no_condition": "anesthesia"}),
    ("hp71", "Perioperative ketamine and chronic postsurgical pain after thoracotomy: a randomized trial",
     ("METHODS: Patients were randomized to an intravenous ketamine infusion or saline. Anaesthesia "
      "and postoperative analgesia otherwise followed local practice, including epidural or "
      "regional techniques where indicated. The primary outcome was chronic pain at 3 months."),
     {"routes": ["iv"], "no_condition": "anesthesia"}),
    ("hp71", "Esketamine and quality of recovery after laparoscopic surgery: a randomized trial",
     ("BACKGROUND: Esketamine has opioid-sparing properties. METHODS: Patients were randomized to "
      "esketamine or saline. Every patient had a standard anaesthetic: induction with propofol, "
      "maintenance with sevoflurane, and postoperative patient-controlled intravenous analgesia with "
      "sufentanil. The primary outcome was QoR-15 on day 1. Secondary outcomes included pain "
      "scores."),
     {"no_condition": "acute_pain"}),
    ("hp71", "Perioperative esketamine and postoperative depression: a meta-analysis",
     ("METHODS: We included randomized trials of esketamine given as a single dose, an "
      "intraoperative infusion or an addition to patient-controlled analgesia. RESULTS: Esketamine "
      "reduced postoperative depression, and also lowered postoperative pain scores."),
     {"no_condition": "acute_pain"}),
    ("hp71", "Intravenous lidocaine and recovery after colorectal surgery: a randomized trial",
     ("METHODS: Patients were randomized to lidocaine or saline. Of 842 patients randomised, 801 "
      "were included in the modified intention-to-treat analysis."), {"n": 842}),
    ("hp71", "Erector spinae plane block versus sham block for analgesia after cardiac surgery",
     ("METHODS: Patients were randomized to an erector spinae plane block or a sham block. All "
      "patients received a standardized enhanced recovery regimen, including paracetamol and an "
      "intraoperative intravenous ketamine infusion of 0.15 mg/kg/h."), {"treatment": False}),
    ("hp70", "Intranasal esketamine for suicidal ideation in an emergency department: a pilot study",
     ("METHODS: Adults with suicidal ideation received intranasal esketamine. Existing treatment, "
      "including antidepressants and psychotherapy, was continued. RESULTS: 38 patients were "
      "enrolled, 27 with major depressive disorder."), {"conditions": ["suicidality"]}),
    ("hp70", "Esketamine nasal spray for treatment-resistant depression: a long-term safety study",
     ("METHODS: Adults with treatment-resistant depression received esketamine. Safety assessments "
      "included vital signs and the Columbia Suicide Severity Rating Scale. RESULTS: There were two "
      "suicide attempts judged unrelated to esketamine."), {"no_condition": "suicidality"}),
    ("hp70", "Ketamine for heroin dependence: a randomized trial",
     ("METHODS: Patients with heroin dependence were randomized to ketamine or placebo. The primary "
      "outcome was abstinence; other outcomes included craving, depression (Zung scale) and anxiety "
      "(Spielberger State-Trait Anxiety Inventory). RESULTS: Depression and anxiety scores fell."),
     {"conditions": ["substance_use"]}),
    ("hp70", "Ketamine for obsessive-compulsive disorder: an open-label pilot study",
     ("Obsessive-compulsive disorder often responds poorly to medication. Glutamatergic modulation "
      "with N-acetylcysteine has shown mixed results in adolescents and adults. Eight adults with "
      "OCD received intravenous ketamine. Symptoms improved in five of them."),
     {"ages": ["adult"]}),
    ("hp70", "A single ketamine infusion to promote abstinence in cocaine dependence: a randomized trial",
     ("METHODS: Fifty-five cocaine-dependent adults (DSM-IV) were admitted to an inpatient research "
      "unit and randomly assigned to a single infusion of ketamine or midazolam."), {"n": 55}),
    ("hp70", "Ketamine and brain glutamate in depression: a crossover study",
     ("METHODS: We conducted a crossover study in 33 unmedicated patients with MDD and 25 matched "
      "healthy controls. Each participant received ketamine and placebo."), {"n": 58}),
    ("hp70", "Sex differences in the rewarding effects of ketamine and its enantiomers in rats",
     ("METHODS: Rats received intraperitoneal ketamine or saline during conditioning sessions. "
      "RESULTS: Ketamine produced place preference."), {"treatment": False}),
    ("hp71", "Medetomidine-ketamine for immobilization of brown bears",
     ("METHODS: Bears were darted intramuscularly with medetomidine-ketamine. RESULTS: Hypoxaemia "
      "was treated with intranasal oxygen."), {"routes": ["im"]}),
    # hp73: records that are not primary trials (reviews, protocols, letters, case reports, models)
    ("hp73", "Statistical analysis plan for a randomised, open-label trial of ketamine versus electroconvulsive therapy",
     ("BACKGROUND: Serial intravenous ketamine infusions may be an alternative to ECT. METHODS: "
      "Adults were randomised to ketamine or ECT. This plan describes the primary and secondary "
      "analyses before database lock."), {"design": "protocol"}),
    ("hp73", "Rationale and design of a prospective multinational registry of esketamine nasal spray",
     ("BACKGROUND: Registration trials enrolled selected patients, complementing randomized "
      "trials. OBJECTIVES: This paper describes the design of a non-interventional registry."),
     {"design": "protocol"}),
    ("hp73", "Model-informed dosing of intramuscular ketamine for procedural sedation in children: a simulation study",
     ("We simulated 10,000 virtual children with a published pharmacokinetic model. Doses of 4 mg/kg "
      "produced excessive exposure in heavier children. Prospective validation in clinical "
      "sedation cohorts is needed before changing practice."), {"design": "other"}),
    ("hp73", "Esketamine nasal spray in late pregnancy: a case report",
     ("A 31-year-old woman with depression received esketamine nasal spray. At 39 weeks she gave "
      "birth by spontaneous vaginal delivery to a healthy boy weighing 3,340 g."),
     {"ages": ["adult"]}),
    ("hp73", "Inflammatory markers and suicidal ideation after ketamine: secondary analysis of a randomized trial",
     ("METHODS: This secondary analysis used data from a randomized trial of ketamine or midazolam. "
      "RESULTS: Of the 80 participants randomized in the parent trial, 62 with stored blood samples "
      "were included in the present analysis."), {"n": 62}),
    ("hp73", "Telehealth ketamine for depression: an editorial",
     ("Companies now prescribe ketamine for depression via telemedicine and mail sublingual "
      "tablets. Cases of ketamine-associated cystitis and diversion have begun to appear. Safeguards "
      "should include limits on quantities dispensed, periodic urine drug screening and "
      "adverse-event reporting. Regulators should act."), {"no_condition": "substance_use"}),
    ("hp73", "Nebulised ketamine for fracture pain in the emergency department: a case series",
     ("We report three adults with painful fractures given nebulised ketamine. RESULTS: Pain fell "
      "from 8/10 to 2/10, facilitating reduction under brief procedural sedation with propofol. "
      "CONCLUSIONS: Nebulised ketamine relieved fracture pain."), {"no_condition": "anesthesia"}),
    # hp72: a second round shaped like the labelled set
    ("hp72", "Intraoperative esketamine and postoperative depression after hysterectomy: a randomized trial",
     ("METHODS: Women were randomized to esketamine or saline at induction. Anaesthesia was "
      "maintained with propofol and remifentanil in both groups, and postoperative analgesia "
      "consisted of oral celecoxib and rescue tramadol. The primary outcome was depression on day "
      "3. RESULTS: Depression scores were lower with esketamine. Pain scores were recorded."),
     {"conditions": ["depression"]}),
    ("hp72", "Esketamine nasal spray in primary care: a practical review",
     ("We describe patient selection for esketamine nasal spray in depression. Clinicians should "
      "review contraindications, including uncontrolled hypertension and active substance use "
      "disorders. We discuss the role of primary care in monitoring blood pressure, urinary "
      "symptoms and suicidality after treatment."), {"conditions": ["depression"]}),
    ("hp72", "Ketamine for treatment-resistant depression: a meta-analysis",
     ("METHODS: We pooled randomized trials of ketamine in depression. RESULTS: Ketamine reduced "
      "depression scores. Effects were similar in trials that also enrolled patients with other "
      "conditions, including post-traumatic stress disorder."), {"no_condition": "ptsd"}),
    ("hp72", "Ketamine in prehospital trauma analgesia: a registry study",
     ("METHODS: We analysed a national registry of injured adults given ketamine for analgesia. "
      "RESULTS: Pain fell. Subsequent development of post-traumatic stress disorder could not be "
      "evaluated in this registry."), {"no_condition": "ptsd"}),
    ("hp72", "Ketamine or propofol for electroconvulsive therapy anaesthesia: a randomized trial",
     ("METHODS: Patients were randomized to ketamine (0.8-1.0 mg/kg) or propofol (1.0-1.5 mg/kg "
      "intravenously) for anaesthesia during ECT. RESULTS: Seizures were longer with ketamine."),
     {"routes": []}),
    ("hp72", "Esketamine nasal spray for treatment-resistant depression: a narrative review",
     ("We review the trials of esketamine nasal spray in adults with treatment-resistant "
      "depression. Gaps remain, notably the absence of trials in adolescents and older adults "
      "with treatment-resistant depression."), {"no_age": "child"}),
    ("hp72", "Intraoperative esketamine and depressive symptoms after mastectomy: a randomised trial",
     ("METHODS: Women were randomised to esketamine or saline. Anaesthesia was maintained with "
      "propofol and remifentanil. Secondary outcomes included sleep and postoperative nausea and "
      "vomiting. RESULTS: Depressive symptoms were fewer with esketamine."),
     {"conditions": ["depression"]}),
    # hp75: mania as an adverse event or a safety scale is no bipolar disorder; measures other
    # than the target, named in a sentence whose cue comes last; baseline comorbidity
    ("hp75", "Esketamine nasal spray in treatment-resistant depression: a 12-week open-label study",
     ("METHODS: Adults with treatment-resistant depression received esketamine twice weekly. "
      "Safety assessments included the Young Mania Rating Scale and blood pressure. RESULTS: Of "
      "64 patients, 41 responded. One patient had a manic switch that resolved. Mania ratings did "
      "not change overall. CONCLUSIONS: Esketamine was effective; emergent mania was rare."),
     {"no_condition": "bipolar"}),
    ("hp75", "Oral ketamine for chronic low back pain: an open-label trial",
     ("METHODS: Adults with chronic low back pain took oral ketamine for 8 weeks. Pain intensity was "
      "the primary outcome. Depressive symptoms (PHQ-9), sleep (Insomnia Severity Index) and "
      "dissociation were secondary measures. RESULTS: Pain fell by 2.1 points. Depressive symptoms "
      "improved modestly."), {"conditions": ["chronic_pain"]}),
    ("hp75", "Ketamine-assisted psychotherapy for alcohol use disorder: a randomized trial",
     ("METHODS: Adults with alcohol use disorder were randomized to ketamine or midazolam with "
      "psychotherapy. At baseline, 38% screened positive for current depression and 29% for "
      "generalized anxiety. RESULTS: Abstinence was higher with ketamine. Depression and anxiety "
      "scores declined in both groups."), {"conditions": ["substance_use"]}),
    ("hp75", "Ketamine infusions for refractory chronic pain: a registry study",
     ("METHODS: We analysed 140 patients with chronic pain treated with ketamine infusions. "
      "RESULTS: Overall, 45% had a comorbid depressive disorder, 38% an anxiety disorder and 9% "
      "PTSD. Pain scores fell after infusions."), {"no_condition": "ptsd"}),
    ("hp75", "Maintenance esketamine nasal spray in treatment-resistant depression: a 3-year cohort",
     ("METHODS: Patients with treatment-resistant depression on maintenance esketamine were followed. "
      "Assessments included blood pressure, cognition, dissociation and emergent suicidal ideation. "
      "RESULTS: Emergent suicidal ideation was recorded in 7 patients during relapses. Response "
      "was maintained in most patients."), {"no_condition": "suicidality"}),
    ("hp75", "Esketamine and postoperative anxiety after mastectomy: a randomized trial",
     ("BACKGROUND: Esketamine has antidepressant effects. METHODS: Women were randomized to "
      "esketamine or saline. The primary outcome was anxiety. "
      "Secondary outcomes included pain and HADS depression subscale scores. RESULTS: Anxiety was "
      "lower with esketamine. HADS depression subscores were also lower with esketamine."),
     {"conditions": ["anxiety"]}),
    ("hp75", "Intravenous ketamine for chronic PTSD in veterans: a randomized trial",
     ("METHODS: Veterans with chronic PTSD were randomized to ketamine or midazolam infusions. "
      "Concurrent antidepressants and psychotherapy were permitted if stable. RESULTS: PTSD "
      "symptoms improved more with ketamine, as did depressive symptoms."), {"no_condition": "depression"}),
    # hp74: future work that names a condition before its cue ("Whether ... requires a larger trial")
    ("hp74", "Ketamine and pain after thoracotomy",
     ("Sixty patients received ketamine or saline with epidural analgesia. Pain at rest was lower "
      "with ketamine for 48 hours. Secondary outcomes included persistent pain at 3 months. Whether this translates into a lower incidence of persistent "
      "postsurgical pain requires a larger trial with long follow-up."), {"conditions": ["acute_pain"]}),
    # hp74: another drug named before its route, with its dose written as abstracts write it
    ("hp75", "Caudal ketamine with bupivacaine in children: a randomised trial",
     ("Forty children received caudal bupivacaine with or without ketamine 0.5 mg/kg. Rescue "
      "paracetamol 20 mg kg-1 was given rectally when the pain score exceeded 4. Analgesia lasted "
      "longer with caudal ketamine."), {"routes": ["neuraxial"]}),
    ("hp74", "Subcutaneous ketamine for cancer pain in palliative care",
     ("Twenty patients received subcutaneous ketamine infusions for refractory cancer pain. Regular "
      "opioids, given orally or by subcutaneous syringe driver, were continued. Pain improved in "
      "twelve patients."), {"routes": ["subcutaneous"]}),
    ("hp74", "Ketamine prevents fentanyl-induced hyperalgesia in rats",
     ("Rats received four injections of fentanyl (60 ug/kg each, subcutaneously) and ketamine "
      "10 mg/kg intraperitoneally. Ketamine prevented the delayed hyperalgesia."), {"routes": []}),
    ("hp74", "Antidepressant-like effects of ketamine in the mouse forced swimming test",
     ("Mice received a single intraperitoneal injection of ketamine 10 mg/kg. Imipramine (20 mg/kg "
      "per day, given orally in drinking water for 14 days) served as a comparator. Immobility fell "
      "with ketamine."), {"routes": []}),
    ("hp74", "Ketamine and propofol for induction of anaesthesia in dogs",
     ("Dogs were premedicated with acepromazine (0.03 mg/kg) and morphine (0.5 mg/kg) given "
      "intramuscularly. Anaesthesia was induced with ketamine-diazepam or propofol given "
      "intravenously. Induction quality was similar."), {"no_route": "im"}),
    ("hp74", "Intravenous ketamine and experimental muscle pain in volunteers",
     ("Healthy volunteers received intravenous ketamine or saline. Pain was induced by "
      "intramuscular injection of hypertonic saline into the tibialis anterior muscle. Ketamine "
      "reduced the area of referred pain."), {"routes": ["iv"]}),
    # design, population
    ("hp74", "Ketamine-midazolam or propofol sedation for cardiac catheterisation in children",
     ("We compared ketamine-midazolam with propofol in 40 children. Twenty children received "
      "ketamine 1 mg/kg with midazolam 0.05 mg/kg, and twenty received propofol 2 mg/kg; "
      "allocation followed a computer-generated random list. Propofol reduced arterial pressure."),
     {"design": "rct", "n": 40}),
    ("hp74", "Fatal intoxication involving ketamine: three cases",
     ("We report three fatalities in which ketamine was detected at post-mortem examination. Blood "
      "concentrations ranged from 1.2 to 6.9 mg/l."), {"design": "case_report", "n": 3}),
    ("hp74", "Ketamine inhibits lipopolysaccharide-induced cytokine production in human whole blood in vitro",
     ("Blood obtained from healthy donors was incubated with LPS in the presence of ketamine. "
      "Ketamine reduced TNF-alpha production by 34%."), {"population": "in_vitro"}),
    # sample size
    ("hp74", "Dilatation of the common bile duct in chronic ketamine users: a case series",
     ("We report four patients, aged 19 to 26 years, who used street ketamine daily. "
      "Cholangiopancreatography in two patients showed no obstruction."), {"n": 4}),
    ("hp74", "Ketamine for depression: not yet ready for the clinic",
     ("The published trials of ketamine in depression involved fewer than 100 patients in total, "
      "and most followed patients for a week."), {"n": None}),
    # ketamine's role: a human psychosis model, a review of misuse
    ("hp74", "Subanesthetic doses of ketamine stimulate psychosis in schizophrenia",
     ("Thirteen volunteers with schizophrenia received intravenous ketamine and placebo infusions in "
      "random order. Ketamine produced a short-lasting increase in positive symptoms."),
     {"treatment": False}),
    ("hp74", "Ketamine: from anaesthetic to drug of abuse",
     ("This review describes the history of non-medical ketamine use, its pharmacology and its "
      "acute and chronic harms."), {"treatment": False}),
    ("hp74", "Consequences of chronic ketamine use upon cognition and wellbeing: a longitudinal study",
     ("METHODS: Frequent, infrequent and abstinent ketamine users were compared with controls. "
      "Measurements: working memory, schizotypal symptoms, dissociation and depression. RESULTS: "
      "Depressive symptoms were elevated in former users."), {"no_condition": "depression"}),
    # session 23 (hp75/hp76/hp77): TRD by its definition, without its name
    ("s23", "Esketamine nasal spray plus a new oral antidepressant: a randomized trial",
     ("METHODS: Adults with major depressive disorder whose current episode had not responded to "
      "two antidepressants were randomized to esketamine nasal spray or placebo spray. RESULTS: "
      "A total of 120 patients were randomized. MADRS scores fell more with esketamine."),
     {"conditions": ["depression", "trd"]}),
    # other drugs' routes: written after the drug, with a form, a verb or "as an"
    ("s23", "Intramuscular ketamine for laceration repair in children: a randomized trial",
     ("METHODS: Children aged 2-10 years received intramuscular ketamine 4 mg/kg or midazolam. A "
      "eutectic lidocaine-prilocaine cream was applied topically before repair. RESULTS: Sedation "
      "was adequate in most children."), {"routes": ["im"]}),
    ("s23", "Intranasal ketamine-dexmedetomidine versus oral midazolam for dental sedation in children",
     ("METHODS: Children were randomized to intranasal ketamine 2 mg/kg with dexmedetomidine via a "
      "mucosal atomizer; the other group received midazolam 0.5 mg/kg as an oral syrup. RESULTS: "
      "Sedation was more often successful with the intranasal combination."),
     {"routes": ["intranasal"]}),
    ("s23", "Intravenous esketamine after caesarean delivery under spinal anaesthesia: a randomized trial",
     ("METHODS: Parturients under spinal anaesthesia (hyperbaric bupivacaine 10-12 mg injected "
      "intrathecally) were randomized to intravenous esketamine 0.2 mg/kg or saline after delivery. "
      "RESULTS: Pain scores were lower with esketamine."), {"routes": ["iv"]}),
    ("s23", "Caudal versus intravenous ketamine in boys undergoing hernia repair",
     ("METHODS: Boys received caudal ropivacaine with caudal ketamine or intravenous ketamine. Rescue "
      "analgesia consisted of paracetamol suppositories given per rectum. RESULTS: Analgesia "
      "lasted longer after caudal ketamine."), {"no_route": "rectal"}),
    ("s23", "Ketamine mouthwash for oral mucositis pain in children: a crossover pilot trial",
     ("BACKGROUND: Systemic opioids, usually given by intravenous patient-controlled analgesia, "
      "cause sedation. METHODS: Children rinsed with a ketamine mouthwash or saline. Existing "
      "opioid analgesia via intravenous infusion was continued. RESULTS: Pain scores fell after "
      "the ketamine mouthwash."), {"routes": ["topical"]}),
    ("s23", "Inpatient ketamine infusions for refractory chronic migraine",
     ("METHODS: Adults with chronic migraine received intravenous ketamine infusions over 5 days. "
      "Co-treatments included intravenous ketorolac; nasal sumatriptan and oral triptans were "
      "withheld during the infusion. RESULTS: Headache intensity fell by discharge."),
     {"no_route": "intranasal"}),
    ("s23", "Route of administration and efficacy of ketamine for depression: a meta-analysis",
     ("METHODS: We searched for trials of ketamine for depression. RESULTS: Trials used intravenous "
      "(20 studies) and intranasal (9 studies) ketamine; no eligible study of intramuscular or "
      "subcutaneous ketamine reported extractable data. CONCLUSIONS: Both routes were effective."),
     {"no_route": "subcutaneous"}),
    # (a guard: ketamine's own route, shared with the other drug's, stays)
    ("s23", "Ketamine versus propofol anaesthesia for electroconvulsive therapy: a randomised trial",
     ("METHODS: Patients were randomly assigned to ketamine 1.0 mg/kg or propofol 1.0 mg/kg as an "
      "intravenous bolus for anaesthesia induction. RESULTS: Seizure duration was longer with "
      "ketamine."), {"routes": ["iv"]}),
    # ketamine studied as a drug of misuse or a toxin, or as a model
    ("s23", "Fatal intoxications involving 2-fluorodeschloroketamine and ketamine: three autopsy cases",
     ("We describe three deaths investigated at an institute of forensic medicine. Femoral blood "
      "was analysed by LC-MS/MS. Ketamine was co-detected with MDMA in two cases."),
     {"treatment": False}),
    ("s23", "Trends in past-year ketamine use and misuse among adults, 2015-2023: a national survey",
     ("Objective: To estimate trends in non-medical ketamine use. Design: Repeated cross-sectional "
      "analysis of a national survey. Results: Past-year misuse rose from 0.1% to 0.3%."),
     {"treatment": False}),
    ("s23", "Acute ketamine disrupts working memory in rhesus macaques: a primate model of NMDA receptor hypofunction in schizophrenia",
     ("Four macaques received ketamine (0.25-1.0 mg/kg) or saline by intramuscular injection before "
      "testing. Ketamine impaired delayed responses dose-dependently."), {"treatment": False}),
    # future work, whole: "Comparison with ... is needed", "A randomised trial would strengthen"
    ("s23", "Nebulized ketamine for acute pain in the emergency department: a dose-ranging trial",
     ("METHODS: Adults with acute pain received nebulized ketamine at one of three doses. RESULTS: "
      "Pain fell at all doses. CONCLUSIONS: Comparison with intravenous or intranasal "
      "administration in a head-to-head trial is needed."), {"routes": ["inhaled"]}),
    ("s23", "Ketamine for depression in a community clinic: a prospective non-randomised controlled trial",
     ("METHODS: This prospective non-randomised controlled trial allocated patients by alternating "
      "calendar weeks to ketamine infusions or usual care. RESULTS: Remission was more frequent with "
      "ketamine. CONCLUSIONS: A randomised trial would strengthen these findings."),
     {"not_design": "rct"}),
    # sample size: arms without a total add up; "104 were randomised, 52 per group"; cohorts
    ("s23", "Intramuscular ketamine versus haloperidol-midazolam for agitation: a randomized trial",
     ("METHODS: Adults with agitation were allocated by sealed envelopes to ketamine or haloperidol "
      "plus midazolam. RESULTS: The ketamine group (n = 56) and the haloperidol-midazolam group "
      "(n = 54) were similar at baseline. Sedation was faster with ketamine."), {"n": 110}),
    ("s23", "Two doses of short-infusion ketamine versus morphine in older emergency patients",
     ("METHODS: Participants were randomized to ketamine 0.3 mg/kg (n = 31), ketamine 0.15 mg/kg "
      "(n = 30) or morphine 0.1 mg/kg (n = 32). RESULTS: Pain fell in all groups."), {"n": 93}),
    ("s23", "Short infusion versus push dose of ketamine for renal colic: a randomized trial",
     ("RESULTS: A total of 168 patients were assessed for eligibility; 104 were randomised, 52 per "
      "group, and 100 were analysed per protocol. Pain scores fell in both groups."), {"n": 104}),
    ("s23", "Ketamine infusions for alcohol use disorder: a four-arm randomized trial",
     ("METHODS: In this double-blind, placebo-controlled, 2 x 2 factorial trial, adults with alcohol "
      "use disorder were randomized to ketamine or placebo infusions with therapy. RESULTS: "
      "Ninety-six participants were randomized to one of four arms."), {"n": 96}),
    ("s23", "Ketamine as an adjunct sedative in mechanically ventilated adults: a cohort study",
     ("Results: Of 3,018 ventilated patients screened, 214 received a ketamine infusion and formed "
      "the cohort. Ketamine was stopped for hypertension in 5 patients."), {"n": 214}),
    # conditions: a negated clause, a moderator, a passing adverse effect, a dose level, both poles
    ("s23", "Intranasal ketamine for social anxiety disorder: a randomized trial",
     ("BACKGROUND: Ketamine has shown anxiolytic effects in anxious depression. METHODS: Adults "
      "with social anxiety disorder and no current major depressive episode were "
      "randomised to intranasal ketamine or placebo. RESULTS: Social anxiety scores fell more with "
      "ketamine."), {"conditions": ["anxiety"]}),
    ("s23", "Intravenous ketamine for depression in Parkinson disease: a case series",
     ("We report five patients with Parkinson disease and a major depressive episode who received "
      "intravenous ketamine. Depression was rated with the HAMD-17, and anxiety with the Parkinson "
      "Anxiety Scale. One patient reported a transient increase in anxiety during the first "
      "infusion. Depression improved in four patients."), {"conditions": ["depression"]}),
    ("s23", "Ketamine and platelet aggregation in human blood in vitro",
     ("Blood from healthy donors was incubated with ketamine at concentrations corresponding to "
      "analgesic, anaesthetic and supratherapeutic plasma levels. Aggregation fell only at "
      "concentrations exceeding those achieved with analgesic or standard anaesthetic dosing."),
     {"no_condition": "acute_pain"}),
    ("s23", "Intravenous ketamine for suicidal ideation in depression: a systematic review and meta-analysis",
     ("METHODS: We included randomised trials of intravenous ketamine in patients with unipolar or "
      "bipolar depression and baseline suicidal ideation. RESULTS: Ketamine reduced suicidal "
      "ideation within 24 hours."), {"conditions": ["depression", "bipolar", "suicidality"]}),
    # a letter about local guidelines is no guideline
    ("s23", "Nebulized ketamine for emergency department analgesia: promising, but where is the comparator?",
     ("Editor: The growing interest in nebulized ketamine is understandable. Recent trials compared "
      "three doses without a placebo arm. The deposited dose is also uncertain. Until then, "
      "nebulized ketamine should be used within research protocols rather than routine "
      "departmental guidelines."),
     {"not_design": "guideline"}),
    # sessions counted before the patients
    ("s23", "Intravenous ketamine and intranasal esketamine in a university depression clinic: 5-year outcomes",
     ("METHODS: We reviewed records of the clinic from 2019 to 2024. RESULTS: Over five years, 3,172 "
      "treatment sessions were delivered to 286 patients. Response rates were similar for the two "
      "treatments."), {"n": 286}),
    # drug-related deaths are substance use
    ("s23", "Ketamine in drug-related deaths in Scotland, 2012-2022: a toxicological review",
     ("We reviewed post-mortem toxicology of deaths in Scotland. Ketamine was detected in 212 "
      "deaths, mostly with opioids and benzodiazepines."), {"conditions": ["substance_use"]}),
    # session 23 (hp78/hp79): an extension's own count and design, not its parent trial's
    ("s23", "Long-term esketamine nasal spray in treatment-resistant depression: an open-label extension study",
     ("METHODS: Participants who completed the 4-week randomized parent study could enrol in this "
      "48-week, open-label extension. RESULTS: Of the 138 participants randomized in the parent "
      "study, 82 enrolled in the extension. Response was maintained in 61%."),
     {"n": 82, "not_design": "rct"}),
    ("s23", "Intranasal esketamine for depression with suicidal ideation: a randomized trial",
     ("RESULTS: Of 1,046 patients screened, 403 underwent randomization and 365 received the "
      "assigned treatment. MADRS scores fell more with esketamine."), {"n": 403}),
    ("s23", "Oral ketamine for chronic neuropathic pain: a single-arm pilot trial",
     ("METHODS: In this 12-week, single-arm, open-label trial, adults with neuropathic pain took "
      "oral ketamine daily. RESULTS: Pain fell by 2 points. CONCLUSIONS: Oral ketamine was "
      "tolerated, justifying a randomised controlled trial."), {"not_design": "rct"}),
    # routes of work to come, and of other drugs
    ("s23", "Serial intravenous ketamine infusions for refractory depression: a cohort",
     ("METHODS: Adults with depression received six intravenous ketamine infusions. RESULTS: "
      "Response occurred in 48%. CONCLUSIONS: Maintenance strategies, including oral or intranasal "
      "booster dosing, deserve evaluation."), {"routes": ["iv"]}),
    ("s23", "Epidural ketamine for refractory cancer pain: a case series",
     ("We describe nine patients with cancer pain given epidural ketamine through a tunnelled "
      "catheter. Pain scores fell in eight, and oral and intravenous breakthrough opioid use "
      "decreased in seven patients."), {"routes": ["neuraxial"]}),
    ("s23", "Perioperative ketamine and chronic postsurgical pain: a meta-analysis",
     ("METHODS: We pooled randomised trials of perioperative ketamine. RESULTS: Ketamine was "
      "administered intravenously in 21 trials and epidurally in 3. Chronic pain at 3 months was "
      "less frequent with ketamine."), {"routes": ["iv", "neuraxial"]}),
    # conditions: screens, safety measures, correlates, denials, what a review leaves out
    ("s23", "Ketamine use disorder among people who use ketamine: an online survey",
     ("METHODS: Respondents completed questions on ketamine use disorder and the Patient Health "
      "Questionnaire-4 screening items for anxiety and depression. RESULTS: Positive anxiety or "
      "depression screens were more common among those with the disorder."),
     {"conditions": ["substance_use"]}),
    ("s23", "Oral ketamine for depression and anxiety in hospice patients: an open-label trial",
     ("METHODS: Hospice patients with depression and anxiety took oral ketamine for 28 days. Pain "
      "intensity was recorded on a numerical rating scale as a safety measure, since many "
      "participants had cancer-related pain. RESULTS: Depression and anxiety scores fell. Pain "
      "intensity did not change."), {"no_condition": "acute_pain"}),
    ("s23", "Correlates of ketamine misuse among adults: a national survey",
     ("METHODS: Depressive symptoms (PHQ-9) and self-harm were also assessed as correlates. "
      "RESULTS: Misuse was more likely with moderate-to-severe depressive symptoms (aOR 1.54, 95% "
      "CI 1.2-2.0) and recent self-harm (aOR 1.93)."), {"no_condition": "depression"}),
    ("s23", "Ketamine cholangiopathy after infusions for complex regional pain syndrome: a case report",
     ("A woman with complex regional pain syndrome had received ketamine infusions for three years. "
      "She presented with jaundice. She denied alcohol or recreational drug use. Imaging showed "
      "biliary dilatation, resembling that seen in recreational users. Liver tests normalised "
      "after the infusions were stopped."), {"no_condition": "substance_use"}),
    ("s23", "Ketamine for acute pain in the emergency department: a narrative review",
     ("This review summarises trials of ketamine for acute pain in the emergency department. We do "
      "not address the use of ketamine for chronic pain, procedural sedation or depression, which "
      "are covered elsewhere."), {"no_condition": "anesthesia"}),
    ("s23", "Cognitive function in frequent recreational ketamine users: a case-control study",
     ("METHODS: Frequent recreational ketamine users and controls completed cognitive tests and the "
      "Beck Depression Inventory. RESULTS: Depressive symptom scores were higher in frequent users "
      "but did not account for the cognitive differences."), {"no_condition": "depression"}),
    ("s23", "Public attitudes toward ketamine for depression: a national survey",
     ("METHODS: Adults rated ketamine treatments for depression on their perceived safety and "
      "addictiveness. RESULTS: Ratings of addictiveness were higher among older respondents."),
     {"no_condition": "substance_use"}),
    # ages: the study's population is no comorbidity; future analyses are no population
    ("s23", "Veterans' experiences of ketamine infusions for PTSD: a qualitative study",
     ("Methods: We conducted six focus groups with veterans aged 26-58 years who had a PTSD "
      "diagnosis and were receiving ketamine infusions. Results: Veterans described relief."),
     {"ages": ["adult"]}),
    ("s23", "Esketamine nasal spray in adults with treatment-resistant depression: a pooled analysis",
     ("METHODS: We pooled data from adults aged 18-64 years in three trials of esketamine. RESULTS: "
      "Remission rates were similar across trials. CONCLUSIONS: Future pooled analyses should "
      "include older adults and adolescents."), {"ages": ["adult"]}),
    # session 23 (hp78/hp79): painful chronic pancreatitis is chronic pain
    ("s23", "S-ketamine infusion for painful chronic pancreatitis: a randomised, placebo-controlled study",
     ("METHODS: Adults with chronic pancreatitis were randomised to S-ketamine or placebo infusion; "
      "secondary outcomes were daily VAS pain scores. RESULTS: Daily pain scores were lower with "
      "S-ketamine in the first week. CONCLUSIONS: S-ketamine produced short-lived pain relief."),
     {"conditions": ["chronic_pain"]}),
    # cells exposed in culture are in vitro, whoever the conclusion speaks of
    ("s23", "Ketamine induces apoptosis in human urothelial cells via oxidative stress",
     ("In this study, we exposed immortalised human urothelial cells (SV-HUC-1) to ketamine at "
      "concentrations measured in the urine of heavy users. Ketamine reduced cell viability. These "
      "findings identify antioxidants as candidate treatments for patients with ketamine-induced "
      "cystitis."), {"population": "in_vitro"}),
    # a continuation after a trial's randomised phase, and pooled open-label studies, are no RCT
    ("s23", "Open-label continuation of repeated ketamine infusions after a randomized trial in PTSD",
     ("METHODS: Participants who remained symptomatic after the trial were offered six open-label "
      "ketamine infusions. RESULTS: Of the 30 participants randomized in the parent trial, 22 "
      "entered the open-label phase. CONCLUSIONS: Response occurred in half of those who remained "
      "symptomatic after the randomized phase."), {"not_design": "rct", "n": 22}),
    # session 23 (hp81): "school-aged" is no older adult; "aged 75 years or older" is
    ("s23", "Intranasal ketamine for laceration repair in a school-aged child: a case report",
     ("We describe intranasal ketamine sedation in a school-aged child with a facial laceration. "
      "Sedation was adequate within 10 minutes."), {"no_age": "older_adult"}),
    ("s23", "Ketamine-propofol sedation for ERCP in the very old: a prospective cohort",
     ("METHODS: We enrolled patients aged 75 years or older undergoing ERCP with ketamine-propofol "
      "sedation. RESULTS: Hypoxaemia occurred in 8%."), {"ages": ["older_adult"]}),
    # chronic postsurgical pain is not acute pain
    ("s23", "Thoracic epidural ketamine for the prevention of chronic post-thoracotomy pain: a randomised trial",
     ("METHODS: Adults having thoracotomy were randomised to epidural ketamine or saline. The "
      "primary outcome was chronic post-thoracotomy pain at 6 months. RESULTS: Chronic "
      "post-thoracotomy pain was less frequent with ketamine."), {"no_condition": "acute_pain"}),
    # routes: ketamine's induction dose; another drug's rescue; an animal's premedication
    ("s23", "Ketamine versus etomidate for rapid sequence intubation in the emergency department",
     ("METHODS: We included adults who underwent RSI with a single intravenous induction dose of "
      "ketamine or etomidate. RESULTS: Hypotension was similar."), {"routes": ["iv"]}),
    ("s23", "Oral ketamine premedication for MRI in children with autism: an open-label study",
     ("METHODS: Children received oral ketamine 6 mg/kg before MRI. The primary outcome was "
      "completion of MRI without intravenous rescue sedation. RESULTS: MRI was completed without "
      "intravenous rescue sedation in 80%."), {"routes": ["oral"]}),
    ("s23", "Intravenous ketamine constant rate infusion in pigs premedicated with azaperone",
     ("Twelve pigs were premedicated with intramuscular azaperone and received intravenous ketamine "
      "by constant rate infusion during surgery."), {"routes": ["iv"]}),
    # what a review leaves out, or a study did not record, is not its condition
    ("s23", "Ketamine in paediatric anaesthesia: a narrative review",
     ("This review covers ketamine for induction, sedation and emergence delirium in children. "
      "Ketamine is also increasingly used in adolescents with treatment-resistant depression, but "
      "this indication is outside the perioperative setting and is not discussed in detail."),
     {"no_condition": "trd"}),
    ("s23", "Ketamine sedation in the ICU and long-term outcomes: a cohort",
     ("METHODS: We followed adults sedated with ketamine in the ICU. RESULTS: Mortality at one "
      "year was 21%. Post-traumatic stress symptoms at follow-up were not recorded."),
     {"no_condition": "ptsd"}),
    # the mother's newborn is no child in her study
    ("s23", "Ketamine for general anaesthesia during emergency caesarean delivery: a case report",
     ("A 31-year-old woman received ketamine for induction of general anaesthesia. A healthy "
      "2,150 g infant was delivered. Data regarding neonatal neurobehavioural outcomes after "
      "ketamine are limited."), {"no_age": "child"}),
    # session 23 (hp80): where earlier trials were done is not this trial's population
    ("s23", "Sublingual ketamine wafer for major depression in primary care: a randomised trial",
     ("Ketamine is a rapid-acting antidepressant. Most earlier trials were done in "
      "treatment-resistant depression, and evidence in primary care is absent. We randomised 180 "
      "adults with major depression in primary care to sublingual ketamine or placebo. Depression "
      "scores fell more with ketamine."), {"conditions": ["depression"]}),
    # evidence judged insufficient for a group or a route is no recommendation for it
    ("s23", "Ketamine for procedural sedation in the emergency department: a clinical practice guideline",
     ("METHODS: A panel graded the evidence for intravenous and intramuscular ketamine. RESULTS: "
      "Intranasal ketamine for sedation was considered, but the evidence was judged insufficient to "
      "make a recommendation. Evidence for use in adolescents was judged insufficient."),
     {"no_route": "intranasal"}),
    # covariates of a matched comparison
    ("s23", "Intraoperative ketamine and opioid consumption after knee arthroplasty: a matched cohort",
     ("METHODS: Patients given intraoperative ketamine were matched on age, sex, the use of spinal "
      "anaesthesia and adductor canal block to patients not given ketamine. RESULTS: Opioid "
      "consumption at 24 h was lower with ketamine. Postoperative delirium did not differ. "
      "CONCLUSIONS: Intraoperative ketamine was "
      "associated with less opioid use after knee arthroplasty."),
     {"conditions": ["acute_pain"]}),
    # patients prescribed oral ketamine are no users of a drug of misuse
    ("s23", "Long-term oral ketamine for chronic pain and urinary tract toxicity: a cohort study",
     ("METHODS: We compared 496 long-term oral ketamine users with chronic non-cancer pain and "
      "2,452 matched comparators. RESULTS: Cystitis was more common in oral ketamine users."),
     {"conditions": ["chronic_pain"]}),
    # a review's account of the literature is not its design
    ("s23", "Ketamine for acute pain in the emergency department: an update",
     ("Purpose of review: To summarise recent evidence on ketamine for acute pain. Recent findings: "
      "Randomized trials and meta-analyses published since 2020 indicate that low-dose ketamine "
      "is as effective as morphine. Summary: Ketamine is a useful opioid alternative."),
     {"not_design": "meta_analysis"}),
    # session 23 (hp82/hp83): other drugs' spinal doses and rescue routes, written the old way
    ("s23", "Intravenous ketamine and shivering after spinal anaesthesia for caesarean section",
     ("Sixty parturients ASA I-II received spinal anaesthesia with hyperbaric bupivacaine 0.5% "
      "10 mg and fentanyl 10 microg intrathecally. Ketamine 0.25 mg/kg was given intravenously at "
      "the onset of shivering. In the control group, bupivacaine 0.5% 12 mg was injected "
      "intrathecally as well. Shivering stopped within 5 minutes in 90%."), {"routes": ["iv"]}),
    ("s23", "Caudal ketamine in children undergoing orchidopexy",
     ("Forty boys received caudal bupivacaine with ketamine 0.5 mg/kg. Rescue analgesia was given "
      "orally with paracetamol 15 mg/kg. Analgesia lasted 10 hours."), {"routes": ["neuraxial"]}),
    ("s23", "Extended-release naltrexone after ketamine infusions for alcohol use disorder",
     ("Patients received three intravenous ketamine infusions before the first XR-NTX intramuscular "
      "injection. Abstinence at 12 weeks was 60%."), {"routes": ["iv"]}),
    ("s23", "Routes of ketamine for depression: a meta-analysis",
     ("METHODS: We pooled randomised trials. RESULTS: Routes of administration were intravenous "
      "(eight trials), oral (three), subcutaneous (two) and intranasal (one)."),
     {"routes": ["iv", "intranasal", "oral", "subcutaneous"]}),
    # design: an open study; allocation not random; a quantitative systematic review; a trial
    # that should be done; a qualitative study nested in a trial
    ("s23", "Epidural ketamine for postoperative pain relief: a preliminary study",
     ("In this open study we have given ketamine by epidural way to 30 patients after abdominal "
      "surgery. Pain scores decreased in 24 of 30 patients."), {"design": "nonrandomized_trial"}),
    ("s23", "Ketamine psychedelic therapy of alcoholism: results of a controlled study",
     ("Patients with alcohol dependence were treated with ketamine psychotherapy or usual care; "
      "the allocation was not random. Abstinence at one year was higher with ketamine."),
     {"design": "nonrandomized_trial"}),
    ("s23", "Ketamine and postoperative morphine consumption: a quantitative systematic review",
     ("We searched MEDLINE and Embase for trials of perioperative ketamine. Ketamine reduced "
      "morphine consumption at 24 h."), {"design": "meta_analysis"}),
    ("s23", "Ketamine for migraine with prolonged aura: an open-label study",
     ("Eleven patients with prolonged aura received intranasal ketamine. Aura duration was shorter "
      "in five. A randomized controlled study in migraine with typical aura should be done."),
     {"not_design": "rct"}),
    ("s23", "Patients' experiences of ketamine-assisted therapy for alcohol use disorder",
     ("This was a qualitative interview study nested in a randomised trial of ketamine-assisted "
      "therapy. Twenty participants were interviewed and transcripts were analysed thematically."),
     {"design": "other"}),
    # population: neurons in dissociated culture are in vitro
    ("s23", "Ketamine blocks NMDA currents in hippocampal neurons: a patch clamp study",
     ("Hippocampal neurons in dissociated culture were prepared from embryonic rats. Whole-cell "
      "patch clamp recordings showed that ketamine blocked NMDA currents."),
     {"population": "in_vitro"}),
    # conditions: a licence for another indication is background
    ("s23", "Intranasal esketamine for bipolar II depression: an open-label pilot study",
     ("Bipolar II depression is often hard to treat. Intranasal esketamine is licensed for "
      "unipolar treatment-resistant depression. We gave esketamine twice weekly to adults with "
      "bipolar II depression. Depression scores fell by 12 points."), {"no_condition": "trd"}),
    # hp84-86: psychiatric, pain and perioperative literature; design, population and role
    ("hp84", "Intravenous ketamine for PTSD with comorbid depression: an open-label study",
     ("METHODS: Veterans with PTSD received six ketamine infusions. Suicidal ideation was "
      "captured with the Columbia-Suicide Severity Rating Scale screener but was not analysed as "
      "an outcome.\nRESULTS: PTSD symptoms improved, and no suicidal behaviour occurred."),
     {"no_condition": "suicidality"}),
    ("hp84", "Intravenous ketamine for depression in adolescents: a chart review",
     ("METHODS: Adolescents with depression received ketamine infusions in our clinic. Esketamine "
      "nasal spray is not approved for patients younger than 18 years.\nRESULTS: Depression "
      "improved after the infusions."), {"routes": ["iv"]}),
    ("hp84", "Intravenous versus intramuscular ketamine for depression: a cohort study",
     ("METHODS: Adults with depression received intravenous or intramuscular ketamine. Oral and "
      "intranasal formulations were outside the scope of this study.\nRESULTS: Response was "
      "similar."), {"routes": ["iv", "im"]}),
    ("hp84", "Sublingual ketamine for depression in primary care: a cohort study",
     ("METHODS: Patients with depression took sublingual ketamine at home. Unlike clinic-based "
      "intravenous ketamine or esketamine nasal spray given under a risk management programme, "
      "sublingual dosing needs no monitoring.\nRESULTS: Depression improved."),
     {"routes": ["sublingual"]}),
    ("hp84", "Ketamine use among secondary school students: a national survey",
     ("METHODS: Students completed a questionnaire on ketamine use. Survey-weighted logistic "
      "regression estimated trends and associations with sex, grade, cannabis use and "
      "self-reported depressive symptoms. Medical ketamine use, such as for sedation or "
      "depression treatment, was not counted.\nRESULTS: Ketamine use increased."),
     {"no_condition": "depression"}),
    ("hp84", "A single ketamine infusion in unmedicated depression: an open-label study",
     ("METHODS: Fourteen unmedicated adults with depression received a single open-label "
      "infusion of ketamine 0.5 mg/kg. Imaging was done in a subgroup of 9 participants.\n"
      "CONCLUSIONS: Randomized placebo-controlled trials with repeated infusions and maintenance "
      "strategies, including oral or intranasal formulations, should now be undertaken."),
     {"n": 14, "design": "nonrandomized_trial"}),
    ("hp85", "Intranasal ketamine for refractory migraine: a retrospective chart review",
     ("RESULTS: Of 242 patients prescribed intranasal ketamine, 169 were included. Overall, 84 "
      "patients (49.7%) rated intranasal ketamine as effective."), {"n": 169}),
    # comparators' and co-analgesics' routes, the anaesthetic technique
    ("hp85", "Oral ketamine for refractory neuropathic pain: a case series",
     ("METHODS: Patients with neuropathic pain had failed gabapentinoids, tricyclic "
      "antidepressants or topical capsaicin. Oral ketamine was started at 10 mg."),
     {"routes": ["oral"]}),
    ("hp85", "Intravenous esketamine during paediatric tonsillectomy: a randomised trial",
     ("METHODS: Children received intravenous esketamine 0.2 mg/kg or saline. Intraoperative "
      "analgesia included intravenous sufentanil 0.2 micrograms/kg and rectal paracetamol 40 "
      "mg/kg."), {"routes": ["iv"], "no_condition": "acute_pain"}),
    ("hp85", "Esketamine after caesarean delivery and postpartum depression: a randomised trial",
     ("METHODS: Women scheduled for caesarean delivery under combined spinal-epidural "
      "anaesthesia were randomised to esketamine 0.2 mg/kg infused intravenously or saline. All "
      "patients received epidural patient-controlled analgesia after surgery. The primary "
      "outcome was postpartum depression."), {"routes": ["iv"]}),
    ("hp85", "Esketamine and postoperative depression after gastrectomy: a randomised trial",
     ("METHODS: Patients with depressive symptoms were randomised to esketamine or saline. "
      "Postoperative analgesia was provided with intravenous sufentanil patient-controlled "
      "analgesia. The primary outcome was depression at 3 days. Secondary outcomes included pain "
      "scores."),
     {"no_condition": "acute_pain"}),
    ("hp85", "Esketamine after vaginal delivery with epidural labour analgesia and maternal depressive symptoms",
     ("METHODS: We enrolled women who requested epidural labour analgesia. Labour analgesia was "
      "provided in all participants by programmed boluses. Esketamine or saline was given after "
      "delivery. The primary outcome was depression at 6 weeks."),
     {"no_condition": "acute_pain"}),
    ("hp85", "Ketamine for chronic non-cancer pain: a narrative review",
     ("We review ketamine in complex regional pain syndrome, fibromyalgia, spinal cord injury "
      "pain and phantom limb pain."), {"no_condition": "acute_pain"}),
    ("hp85", "Epidural ketamine added to ropivacaine for post-thoracotomy analgesia: a randomised controlled study",
     ("METHODS: Patients received a thoracic epidural catheter before general anaesthesia and "
      "were randomised to epidural ketamine or saline. Chronic post-thoracotomy pain was "
      "assessed at 3 months."), {"no_condition": "anesthesia"}),
    ("hp85", "Epidural ketamine for post-thoracotomy analgesia: a randomised study",
     ("METHODS: Patients were randomised to epidural ketamine or saline with ropivacaine to "
      "reduce chronic post-thoracotomy pain. The primary outcome was chronic post-thoracotomy "
      "pain at 3 months."),
     {"conditions": ["chronic_pain", "acute_pain"]}),
    ("hp85", "Ketamine for chronic pain: recommendations from professional societies of pain medicine, regional anaesthesia and anaesthesiology",
     "Ketamine infusions for chronic pain are reviewed.", {"no_condition": "anesthesia"}),
    ("hp85", "Nebulised ketamine for postoperative sore throat after tracheal intubation: a randomised trial",
     ("METHODS: Adults scheduled for surgery under general anaesthesia with tracheal intubation "
      "were randomised to nebulised ketamine or saline. The primary outcome was sore throat."),
     {"conditions": ["acute_pain"]}),
    ("hp85", "Ketamine in paediatric analgesia: a meta-analysis",
     ("METHODS: We pooled trials by route (intravenous, caudal, intranasal).\nRESULTS: The "
      "largest effect was for caudal administration."), {"routes": ["iv", "intranasal", "neuraxial"]}),
    ("hp85", "Ketamine blocks human Nav1.7 channels expressed in HEK293 cells",
     ("METHODS: Human Nav1.7 channels were stably expressed in HEK293 cells and studied with "
      "patch-clamp recording."), {"population": "in_vitro"}),
    # conditions from the setting, the scope and toxicology
    ("hp86", "Perioperative esketamine for preventing postoperative depression: protocol for a systematic review",
     ("METHODS: We will include randomised controlled trials in adults undergoing surgery under "
      "general or neuraxial anaesthesia that gave ketamine to prevent depression. Obstetric "
      "patients receiving neuraxial anaesthesia will also be eligible."),
     {"conditions": ["depression"]}),
    ("hp86", "Guideline on sub-dissociative ketamine for acute pain in adult emergency department patients",
     ("Intravenous ketamine is recommended for acute pain. Recommendations for children, for "
      "procedural sedation and for agitation management are outside the scope of this "
      "document."), {"conditions": ["acute_pain"], "no_age": "child"}),
    ("hp86", "Ketamine and norketamine in post-mortem blood: a review of medicolegal deaths",
     ("Ketamine is used both as a drug of abuse and as an anaesthetic. The manner of death was "
      "accidental drug toxicity in 21 cases. Ketamine was the sole intoxicant in only four "
      "deaths."), {"conditions": ["substance_use"]}),
    ("hp86", "Ketamine exposures reported to US poison centers",
     ("RESULTS: Intentional abuse or misuse accounted for 63.8% of exposures.\nCONCLUSIONS: "
      "Ketamine exposures have risen, predominantly due to intentional misuse."),
     {"conditions": ["substance_use"]}),
    ("hp86", "Ketamine increases dendritic arborisation in human iPSC-derived neurons",
     ("Neurons were exposed to ketamine at concentrations comparable to those achieved during a "
      "0.5 mg/kg infusion in patients."), {"routes": []}),
    ("hp85", "Ketamine-associated cholangiopathy after prolonged infusion for analgosedation: a case report",
     ("A man received a continuous ketamine infusion in intensive care for 18 days. Cholangiopathy "
      "of this kind has been described in recreational users. He developed jaundice."),
     {"treatment": True, "no_condition": "substance_use"}),
    ("hp84", "Ketamine-assisted psychotherapy for veterans with PTSD: a cohort study",
     ("RESULTS: Two hundred and twelve adult veterans completed intake (82% male; mean age 44.8 "
      "years); 171 completed all three dosing sessions."), {"n": 212}),
    # hp87-89: perioperative esketamine, sample sizes and ages, routes
    ("hp87", "Esketamine and postoperative depression after caesarean delivery: a randomised trial",
     ("METHODS: Women received combined spinal-epidural anaesthesia (intrathecal 0.5% ropivacaine "
      "2.5 mL, with epidural ropivacaine analgesia thereafter) and were randomised to esketamine "
      "0.2 mg/kg intravenously or saline. The primary outcome was postpartum depression."),
     {"routes": ["iv"], "conditions": ["depression"]}),
    ("hp87", "Esketamine sedation during hip arthroplasty: a randomised trial",
     ("METHODS: Patients had spinal anaesthesia with intrathecal 0.5% hyperbaric bupivacaine 10 mg "
      "and were randomised to esketamine 0.1 mg/kg intravenously or propofol for sedation."),
     {"routes": ["iv"]}),
    ("hp87", "Esketamine for preoperative anxiety in children: a randomised trial",
     ("METHODS: Children were randomised to esketamine or saline. Anaesthesia was induced "
      "intravenously with propofol and fentanyl. The primary outcome was anxiety at induction."),
     {"routes": []}),
    ("hp87", "Esketamine and anxiety after thyroidectomy: a randomised trial",
     ("METHODS: Patients with anxiety were randomised to esketamine or saline. Secondary outcomes "
      "included QoR-15, pain scores and adverse events.\nRESULTS: PHQ-9 scores, pain scores and "
      "QoR-15 were not significantly different at 24 hours. Pain scores and nausea were not "
      "significantly different at 48 hours."), {"no_condition": "acute_pain"}),
    ("hp87", "Esketamine for depression: a pilot trial",
     ("METHODS: Patients with depression received esketamine. Exploratory efficacy outcomes were "
      "changes in the MADRS, the Oswestry Disability Index, and pain intensity.\nRESULTS: Pain "
      "intensity fell."), {"no_condition": "acute_pain"}),
    ("hp87", "Esketamine for pain after video-assisted thoracic surgery: a randomised trial",
     ("RESULTS: Pain at rest was lower with esketamine. Chronic postsurgical pain at 3 months did "
      "not differ.\nCONCLUSIONS: Esketamine reduced acute pain. Its role in preventing chronic "
      "postsurgical pain requires a larger trial."), {"no_condition": "chronic_pain"}),
    ("hp87", "Esketamine for pain after video-assisted thoracic surgery: a randomised trial",
     ("METHODS: We randomised 288 patients aged 18 years or older to esketamine or saline.\n"
      "RESULTS: Follow-up at 3 months was completed by 275 patients."), {"n": 288}),
    ("hp88", "Ketamine for suicidal ideation in adolescents: a randomised trial",
     ("METHODS: Adolescents received a single intravenous infusion of ketamine 0.5 mg/kg (n = 27) "
      "or midazolam 0.045 mg/kg (n = 26)."), {"n": 53}),
    ("hp88", "Ketamine exposure and psychosis: a case-control study",
     "METHODS: The study included 138 cases and 276 matched controls.", {"n": 414}),
    ("hp88", "Esketamine for depression after stroke: a randomised trial",
     ("METHODS: We assessed 340 patients for eligibility, randomised 252, and analysed 240."),
     {"not_n": 340}),
    ("hp88", "Esketamine in older adults with depression: a pooled analysis",
     ("METHODS: We pooled patients aged 65 years or older from three trials. The pooled "
      "older-adult population comprised 214 patients."), {"ages": ["older_adult"]}),
    ("hp88", "Intranasal ketamine for fracture pain in children: a randomised trial",
     ("METHODS: Children aged 4 to 15 years received intranasal ketamine.\nCONCLUSIONS: "
      "Implementation research in rural hospitals and in adults is planned."), {"ages": ["child"]}),
    ("hp88", "Ketamine and anhedonia: a randomised trial",
     ("METHODS: Patients received intravenous ketamine or midazolam.\nCONCLUSIONS: Studies in "
      "patients with depression and anhedonia, and of oral or intranasal formulations, should "
      "test these findings."), {"routes": ["iv"]}),
    ("hp88", "Nebulised ketamine versus intranasal fentanyl for fracture pain: a randomised trial",
     ("METHODS: Children received nebulised ketamine 0.75 mg/kg with an intranasal saline "
      "placebo."), {"routes": ["inhaled"]}),
    ("hp88", "Ketamine metabolism by human liver enzymes",
     ("We incubated racemic ketamine with pooled human liver microsomes from 50 donors and with "
      "13 recombinant cytochrome P450 isoforms. Differences could alter exposure in patients."),
     {"population": "in_vitro"}),
    ("hp88", "Ketamine and propofol as anaesthetic agents for electroconvulsive therapy in depression",
     "METHODS: Patients with depression were randomised to ketamine or propofol.",
     {"conditions": ["depression", "anesthesia"]}),
    ("hp88", "Prehospital ketamine analgesia: a registry study",
     ("METHODS: Adults with trauma received ketamine for analgesia. Outcomes were unplanned "
      "intubation in the emergency department and agitation.\nRESULTS: Unplanned intubation was "
      "rare."), {"no_condition": "anesthesia"}),
    ("hp89", "Rectal ketamine premedication in children: a randomised trial",
     ("METHODS: Children received rectal ketamine. Anaesthesia was induced intravenously with "
      "propofol once a cannula had been placed.\nCONCLUSIONS: The combination is a useful option "
      "when the oral route is refused."), {"routes": ["rectal"]}),
    ("hp89", "Epidural ketamine for labour analgesia: a randomised trial",
     ("METHODS: Women received epidural ketamine with ropivacaine, followed by programmed "
      "intermittent epidural boluses of 0.1% ropivacaine. Breakthrough pain required a clinician "
      "bolus in 12 women."), {"routes": ["neuraxial"]}),
    ("hp89", "Ketamine infusions for complex regional pain syndrome: a chart review",
     ("METHODS: Pain scores and use of oral opioids, gabapentinoids and antidepressants were "
      "extracted.\nRESULTS: Anxiety and depressive symptoms were not systematically recorded."),
     {"conditions": ["chronic_pain"]}),
    ("hp89", "Oral ketamine for burn dressing changes: a pilot study",
     ("BACKGROUND: Dressing changes often need procedural sedation in theatre.\nMETHODS: Adults "
      "received oral ketamine before dressing changes.\nCONCLUSIONS: Oral ketamine "
      "could reduce the need for procedural sedation in theatre."),
     {"no_condition": "anesthesia"}),
    ("hp89", "Clinical predictors of response to ketamine in a naturalistic cohort of outpatients with depression",
     ("METHODS: Patients received up to six sessions of ketamine over 2-3 weeks."),
     {"design": "observational"}),
    ("hp89", "Consensus guidelines on intravenous ketamine infusions for acute pain management",
     ("Background: The use of ketamine infusions for acute pain has increased. These guidelines "
      "were developed to provide recommendations for the use of ketamine in adults with acute "
      "pain. Methods: A committee reviewed the evidence. Results: Seven recommendations were "
      "made."), {"ages": ["adult"]}),
    # hp90-92: a representative sample, short records, psychiatric conditions
    ("hp88", "Prehospital ketamine analgesia and in-hospital outcomes after major trauma: a registry study",
     ("METHODS: Adults with trauma received ketamine for analgesia. Outcomes were mortality and "
      "agitation requiring sedation.\nRESULTS: Emergency department intubation was slightly more "
      "frequent (6.1% vs 5.3%), and agitation requiring sedation occurred in 3.4%."),
     {"no_condition": "anesthesia"}),
    ("hp88", "Ketamine use, harms and harm-reduction practices among young adult festival attendees: a cross-sectional survey",
     "RESULTS: Past-year ketamine use was reported by 38.6% of 1,204 respondents.",
     {"treatment": False}),
    ("hp91", "Ketamine use, polysubstance use and mental health among dance music event attendees: a survey",
     "RESULTS: Past-year ketamine use was reported by 41.3%.", {"treatment": False}),
    # (a guard: clinicians' use of ketamine is no misuse)
    ("hp85", "Perioperative ketamine use for analgesia among anaesthesiologists: a national survey",
     "RESULTS: Most respondents used ketamine for postoperative pain.", {"treatment": True}),
    ("hp91", "Intranasal racemic ketamine for migraine with prolonged aura: an open-label pilot study",
     ("Twenty adults aged 18-55 years with migraine with prolonged aura self-administered "
      "intranasal ketamine 25 mg at aura onset. Aura duration fell. Adverse effects were "
      "transient. Randomised confirmation is warranted."), {"ages": ["adult"]}),
    ("hp91", "Ketamine in palliative care: a narrative review",
     ("This review summarises oral and subcutaneous ketamine in palliative care. We also note "
      "emerging interest in intranasal esketamine, although no study has yet addressed it in "
      "palliative populations."), {"no_route": "intranasal"}),
    ("hp90", "Ketamine for treatment-resistant depression in adults: a consensus statement",
     ("This consensus statement covers adults with depression. We identify key evidence gaps, "
      "particularly on long-term maintenance, cognitive safety and use in adolescents and older "
      "adults."), {"ages": ["adult"]}),
    ("hp90", "Ketamine infusion for refractory cancer pain: a randomised trial",
     ("METHODS: Patients with cancer pain on at least one adjuvant (gabapentinoid or "
      "antidepressant) were randomised to ketamine or saline. Antidepressant doses were "
      "stable."), {"no_condition": "depression"}),
    ("hp90", "Ketamine for agitation in the emergency department: a retrospective study",
     ("RESULTS: Intubation followed in 9%, with higher doses and alcohol intoxication associated "
      "with greater risk.\nCONCLUSIONS: Concurrent alcohol intoxication raised the risk."),
     {"no_condition": "substance_use"}),
    ("hp92", "Esketamine and postoperative anxiety after mastectomy: a randomised trial",
     ("METHODS: Secondary outcomes were the Hospital Anxiety and Depression Scale depression "
      "subscale and pain.\nRESULTS: Depression subscale scores were similar between groups at 24 "
      "hours. At 48 hours, depression subscale scores were also similar. Esketamine reduced "
      "anxiety without affecting analgesia.\nCONCLUSIONS: Esketamine reduced postoperative "
      "anxiety without affecting analgesia or recovery quality."), {"conditions": ["anxiety"]}),
    ("hp92", "Esketamine for preventing postpartum depression: a meta-analysis",
     ("METHODS: In all trials esketamine was given intravenously, as a bolus after delivery, as a "
      "continuous intraoperative infusion or within patient-controlled intravenous analgesia. "
      "The outcome was postpartum depression.\nRESULTS: Postpartum depression was less "
      "frequent. Trials gave esketamine as a bolus or within patient-controlled intravenous "
      "analgesia."), {"conditions": ["depression"]}),
    ("hp92", "Ketamine and mania in bipolar depression: a cohort study",
     ("RESULTS: A history of substance use disorder, particularly cannabis use, was associated "
      "with increased risk.\nCONCLUSIONS: Screening for cannabis use and bipolarity is "
      "advisable before initiation."), {"no_condition": "substance_use"}),
    ("hp92", "Oral ketamine for depression in hospice patients: an open-label trial",
     ("METHODS: In this single-arm, open-label trial, 14 adult hospice patients took oral "
      "ketamine.\nCONCLUSIONS: A randomized, placebo-controlled trial in this population is "
      "feasible and warranted."), {"design": "nonrandomized_trial"}),
    ("hp92", "Ketamine for suicidal ideation: a pooled secondary analysis of two randomized trials",
     ("METHODS: We pooled individual data from two randomized, placebo-controlled trials. Across "
      "both trials, 136 participants were randomized."), {"design": "rct"}),
    ("hp92", "Ketamine with buprenorphine for opioid withdrawal: a case series",
     ("Patients received a continuous low-dose intravenous ketamine infusion. Buprenorphine was "
      "given as sublingual tablets or films."), {"routes": ["iv"]}),
    ("hp92", "Ketamine and esketamine in depression: a guideline",
     ("The panel recommends intravenous ketamine and intranasal esketamine. The panel advises "
      "against the routine use of compounded oral or sublingual formulations outside research "
      "settings."), {"routes": ["iv", "intranasal"]}),
    ("hp92", "Ketamine and cognitive control in healthy volunteers: a crossover study",
     ("Methods: Twenty-eight healthy adult volunteers (18-45 years, no personal or first-degree "
      "family history of psychotic or bipolar disorder, no lifetime illicit drug dependence) "
      "participated in a "
      "randomized, double-blind, placebo-controlled, crossover study."), {"n": 28}),
    # hp93-95: non-native phrasing, paediatric and emergency, preclinical
    ("hp93", "Nebulized ketamine for acute asthma in children: a randomized trial",
     ("METHODS: Children received nebulized ketamine in addition to salbutamol nebulization and "
      "intravenous methylprednisolone.\nRESULTS: The need for intravenous magnesium sulfate was "
      "lower."), {"routes": ["inhaled"]}),
    ("hp93", "Esketamine and anxiety after breast surgery: a randomized trial",
     ("METHODS: The primary outcome was the HADS-A score. Secondary outcomes included NRS pain "
      "scores.\nRESULTS: Anxiety was lower with esketamine. There was no difference in pain "
      "scores at 24 hours. There was no difference in pain scores at 48 hours."),
     {"conditions": ["anxiety"]}),
    ("hp93", "Intraoperative esketamine and postpartum depression: a letter",
     ("To the Editor: The trial did not adjust for important confounders such as breastfeeding "
      "status, social support and infant health. Infant health may matter most."),
     {"ages": []}),
    ("hp94", "Nebulised ketamine versus oral midazolam for premedication in children: a randomised trial",
     ("METHODS: Children received nebulised ketamine or oral midazolam 0.5 mg/kg.\n"
      "CONCLUSIONS: Nebulisation is a practical alternative to the oral route for premedication."),
     {"routes": ["inhaled"]}),
    ("hp94", "Intranasal ketamine for procedural sedation in children: a meta-analysis",
     ("METHODS: Trials of intranasal ketamine compared with other intranasal or oral sedatives "
      "were pooled."), {"routes": ["intranasal"]}),
    ("hp94", "Ketamine versus etomidate for rapid sequence intubation in trauma: a cohort study",
     ("METHODS: Adults received either ketamine or etomidate as the intravenous induction agent."),
     {"routes": ["iv"]}),
    ("hp94", "Ketamine in children: a narrative review",
     ("We review ketamine given by the intravenous, intramuscular, intranasal, oral and caudal "
      "routes."), {"routes": ["iv", "im", "intranasal", "oral", "neuraxial"]}),
    ("hp94", "Ketamine sedation in a paediatric registry",
     ("METHODS: Multivariable logistic regression with hospital as a random effect was used.\n"
      "RESULTS: 5,112 children were sedated."), {"design": "observational"}),
    ("hp94", "Intranasal ketamine for fracture pain in children: a quasi-randomised controlled study",
     ("METHODS: Allocation was by week of admission. Because allocation was not truly random, "
      "groups were compared with adjustment."), {"design": "nonrandomized_trial"}),
    ("hp94", "Ketamine relaxes human airway smooth muscle: an ex vivo study",
     ("METHODS: Bronchial rings from resected lung were mounted in organ baths and exposed to "
      "ketamine."), {"population": "in_vitro"}),
    ("hp94", "Intranasal esketamine for depression in a 16-year-old boy: a case report",
     ("A 16-year-old boy received intranasal esketamine. Adolescents may be given adult fixed "
      "doses."), {"ages": ["child"]}),
    ("hp95", "Ketamine's sustained anti-anhedonic effect requires mTOR in rats",
     ("METHODS: Rats were exposed to 21 days of chronic unpredictable mild stress (CUMS). "
      "Anhedonia was assessed with the sucrose preference test and despair with the forced swim "
      "test. Rapamycin (0.2 nmol) was infused intracerebroventricularly before ketamine (10 "
      "mg/kg, i.p.)."), {"conditions": ["depression"], "routes": []}),
    ("hp95", "Ketamine in the lateral habenula: a rat study",
     ("METHODS: Ketamine infused into the adjacent thalamus had no effect."), {"routes": []}),
    ("hp95", "Ketamine and morphine withdrawal in rats",
     ("METHODS: Rats received escalating subcutaneous injections of morphine, then ketamine "
      "intraperitoneally."), {"routes": []}),
    ("hp95", "Intramuscular ketamine in healthy volunteers: a pharmacokinetic study",
     ("METHODS: Volunteers received intramuscular ketamine as an alternative to intravenous "
      "infusion.\nRESULTS: Concentrations were similar to those reported after intravenous "
      "infusion."), {"routes": ["im"]}),
    ("hp95", "mGluR5 availability after ketamine in healthy volunteers: a PET study",
     ("METHODS: Ten healthy male volunteers without psychiatric history underwent two PET scans "
      "on the same day, the second during an intravenous infusion of ketamine. Volumes of "
      "distribution were estimated, and an additional scan 24 h later was obtained in six "
      "participants."),
     {"not_n": 6}),
    ("hp96", "Ketamine anaesthesia for dressing changes in burned children",
     ("Forty pts aged 2-12 yr were studied. Ketamine 2 mg/kg was given iv before each dressing "
      "change."),
     {"n": 40, "routes": ["iv"], "ages": ["child"]}),
    ("hp96", "Ketamine in a 6-yr-old boy with burns",
     "A 6-yr-old boy received ketamine 4 mg/kg im before each of 12 dressing changes.",
     {"routes": ["im"], "ages": ["child"]}),
    ("hp96", "Psychotomimetic effects of ketamine in volunteers",
     "Twelve healthy 24-yr-old men were given ketamine 0.5 mg/kg iv over 1 min.",
     {"routes": ["iv"], "ages": ["adult"]}),
    ("hp96", "Ketamine for induction in the elderly",
     ("Thirty 72-yr-old pts scheduled for hip surgery were induced with ketamine 1 mg/kg "
      "administered iv."),
     {"routes": ["iv"], "ages": ["older_adult"], "n": 30}),
    # "pts" as points is no sample
    ("hp96", "Ketamine and mood ratings",
     "Ratings fell by 12 pts after ketamine; the scale ranges from 0 to 60 pts.",
     {"n": None}),
    ("hp99", "Subanaesthetic ketamine and experimental ischaemic pain in man",
     ("The effect of ketamine on tourniquet pain was studied in eight healthy Ss aged 20-32 yr. "
      "Each received ketamine 0.15 mg/kg, ketamine 0.3 mg/kg and saline iv in random order."),
     {"n": 8, "routes": ["iv"], "ages": ["adult"]}),
    ("hp99", "Repeated ketamine anaesthesia in burned patients",
     "Fifteen adult pts with burns received ketamine 2 mg kg-1 iv for each dressing change.",
     {"routes": ["iv"], "n": 15}),
    ("hp99", "Ketamine anaesthesia in a field hospital",
     ("Ketamine was the principal anaesthetic in 400 pts. It was given iv (1-2 mg/kg) or, when "
      "venous access was difficult, im (5-10 mg/kg)."), {"routes": ["iv", "im"]}),
    ("hp99", "Emergence reactions after ketamine: effect of premedication",
     ("One hundred and twenty women were allocated randomly to no premedication, diazepam 10 mg "
      "p.o. or droperidol 5 mg i.m. Anaesthesia was induced with ketamine 2 mg/kg given iv."),
     {"routes": ["iv"], "design": "rct"}),
    ("hp99", "Ketamine and opioid tolerance in the rat",
     "Rats received ketamine 10 mg/kg i.p. and naloxone 1 mg/kg s.c. before testing.",
     {"no_route": "subcutaneous"}),
    ("hp99", "Oral ketamine for central pain after stroke",
     ("A 54-yr-old man with central post-stroke pain was given ketamine 0.5 mg/kg p.o. three "
      "times daily."),
     {"routes": ["oral"], "design": "case_report"}),
    ("hp99", "Laryngospasm after intramuscular ketamine in an infant",
     ("An 8-mo-old boy received ketamine 4 mg kg-1 i.m. for sedation before computed tomography. "
      "Twelve min later he developed stridor."),
     {"ages": ["child"], "design": "case_report", "routes": ["im"], "conditions": ["anesthesia"]}),
    ("hp99", "Ketamine or thiopentone in the poor-risk patient",
     ("Sixty pts presenting for emergency surgery were allocated at random to receive ketamine 2 "
      "mg kg-1 or thiopentone 4 mg kg-1 iv for induction."), {"design": "rct", "n": 60}),
    ("hp99", "Ketamine in children and adults: a comparison",
     ("The recovery-room notes of 400 pts who received ketamine between 1974 and 1978 were "
      "reviewed. Unpleasant emergence reactions were recorded in 11% of adults and 2% of children. "
      "Emergence phenomena were more frequent in women."), {"conditions": ["anesthesia"]}),
    # guard: a case's safety note is no anaesthesia study
    ("hp99", "Ketamine infusion in a child with life-threatening asthma",
     ("A 7-yr-old girl with status asthmaticus received ketamine 2 mg kg-1 iv followed by an "
      "infusion. She recovered without emergence phenomena. Emergence phenomena were absent."),
     {"no_condition": "anesthesia"}),
    ("hp99", "Xylazine-ketamine anaesthesia in ponies",
     ("Anaesthesia was induced in 12 healthy ponies with xylazine 1.1 mg kg-1 iv followed 3 min "
      "later by ketamine 2.2 mg kg-1 iv. Arterial pressure was maintained."), {"routes": ["iv"]}),
    ("hp100", "Ketamine for depression: a meta-analysis",
     ("METHODS: We searched MEDLINE and Embase. RESULTS: Seven trials randomising 1,204 adults "
      "were included."), {"n": 1204}),
    ("hp100", "Ketamine for agitation: a meta-analysis",
     "RESULTS: Eleven retrospective cohorts contributed 980 patients to the pooled estimate.",
     {"n": 980}),
    ("hp100", "Ketamine for acute pain: a meta-analysis",
     ("RESULTS: Fifty-two trials were included, with a median sample size of 30 participants per "
      "trial."), {"not_n": 30}),
    ("hp100", "Intranasal ketamine premedication in children: a systematic review",
     "RESULTS: Intranasal ketamine was compared with melatonin given orally in three trials.",
     {"routes": ["intranasal"]}),
    ("hp100", "Esketamine in treatment-resistant depression: where are we now?",
     ("In this narrative review we summarise the evidence. A meta-analysis of five phase III "
      "trials including 1,488 patients indicated a modest benefit."),
     {"design": "review", "n": None}),
    ("hp101", "Ketamine infusions for depression in two cohorts",
     "METHODS: Cohort A included 64 patients and cohort B 87.", {"n": 151}),
    ("hp101", "Esketamine in adolescents: a two-part study",
     "METHODS: Forty-two participants were enrolled in part A and 16 in part B.", {"n": 58}),
    ("hp101", "Dose escalation of subcutaneous ketamine in depression",
     ("METHODS: The first cohort (n = 16) received 0.5 mg/kg; after a safety review, a second "
      "cohort (n = 17) received 0.75 mg/kg."), {"n": 33}),
    ("hp101", "Long-term esketamine: an open-label extension of two phase 3 trials",
     ("METHODS: Patients who completed the 4-week double-blind phase of either parent study "
      "could enter this extension. All participants self-administered esketamine 56 or 84 mg "
      "under supervision.\nRESULTS: Of 512 patients who completed the parent studies, 458 "
      "entered the extension."),
     {"n": 458, "design": "nonrandomized_trial", "no_condition": "substance_use"}),
    ("hp101", "Ketamine continuation in veterans with PTSD",
     ("METHODS: Veterans who responded to ketamine during the randomized phase were eligible for "
      "an open-label continuation phase.\nRESULTS: Twenty-two veterans entered the continuation "
      "phase."), {"n": 22, "design": "nonrandomized_trial"}),
    ("hp101", "Population pharmacokinetics of intranasal ketamine in children",
     "METHODS: Forty-eight children provided 291 plasma samples.", {"n": 48}),
    ("hp101", "Esketamine versus antipsychotic augmentation: a claims study",
     ("METHODS: The matched cohort comprised 1,214 esketamine initiators and 3,642 antipsychotic "
      "initiators."), {"n": 4856}),
    ("hp100", "Ketamine for the suicidal patient in the emergency department",
     ("Emergency physicians often see patients in crisis. This narrative review summarises "
      "evidence that a single ketamine infusion rapidly reduces suicidal ideation in depressed "
      "patients."), {"conditions": ["depression", "suicidality"]}),
    ("hp100", "Ketamine as an adjuvant to opioids for cancer pain",
     ("Objectives: To assess ketamine as an adjuvant to opioids for cancer pain.\nSelection "
      "criteria: Randomised controlled trials of ketamine given with morphine to adults.\nMain "
      "results: Three studies (n = 216) were included."),
     {"design": "systematic_review", "n": 216}),
    ("hp100", "Ketamine for severe alcohol withdrawal",
     ("Purpose of review: Severe alcohol withdrawal often needs escalating benzodiazepines and "
      "frequent intubation. Recent findings: Adjunctive ketamine was associated with a lower rate "
      "of intubation."), {"no_condition": "anesthesia"}),
    ("hp101", "Esketamine and suicidal thinking: a post hoc pooled analysis",
     ("Two identically designed phase 3 trials evaluated esketamine nasal spray 84 mg twice weekly "
      "in adults with major depressive disorder. In this post hoc analysis we pooled data from "
      "both trials (N = 451; esketamine n = 227, placebo n = 224)."),
     {"routes": ["intranasal"], "ages": ["adult"], "n": 451}),
    ("hp101", "Ketamine infusions for suicidal ideation across three settings",
     ("We describe intravenous ketamine in three naturalistic cohorts of patients with major "
      "depression: 41 psychiatric inpatients, 38 outpatients attending a ketamine clinic and 25 "
      "patients treated at a veterans' medical centre."), {"n": 104}),
    ("hp101", "Esketamine dosing in major depression",
     ("METHODS: Patients received esketamine 56 or 84 mg in adults with major depressive disorder "
      "across 20 sites."), {"n": None}),
    ("hp102", "Intramuscular ketamine for agitation in a child: a case report",
     ("We describe a 15-year-old boy who received 4 mg/kg intramuscular ketamine for severe "
      "agitation. He recovered within 2 hours."), {"design": "case_report", "n": 1}),
    ("hp102", "Fatal ketamine intoxication: a case report",
     "We present the case of a man found dead at home. Toxicology showed ketamine and ethanol.",
     {"design": "case_report", "n": 1}),
    ("hp102", "Ketamine infusion in a 7-yr-old girl with status asthmaticus: a case report",
     "A 7-yr-old girl with status asthmaticus received ketamine. The 7-year-old recovered.",
     {"design": "case_report", "n": 1}),
    # two patients of two ages are a series whose count is not given
    ("hp102", "Ketamine-induced cystitis: two case reports",
     ("A 24-year-old man and a 31-year-old woman presented with urinary frequency after daily "
      "ketamine use."), {"n": None}),
    ("hp104", "Nebulised ketamine premedication in children",
     ("METHODS: Children were randomized to four groups; Group IV received nebulized ketamine 25 "
      "mg."), {"routes": ["inhaled"]}),
    ("hp104", "Esketamine nasal spray in routine care: a Phase IV study",
     "METHODS: Adults with TRD received esketamine nasal spray.", {"routes": ["intranasal"]}),
    ("hp104", "Ketamine uropathy: a cohort study",
     ("METHODS: Ketamine users underwent intravenous urography. Concurrent intravenous drug use "
      "was recorded."), {"no_route": "iv"}),
    ("hp104", "Intramuscular ketamine for agitation in the emergency department",
     ("METHODS: Ventilation was monitored with nasal capnography after intramuscular ketamine "
      "5 mg/kg."), {"routes": ["im"]}),
    ("hp104", "Sedation for dental treatment in children",
     "METHODS: Intranasal midazolam and ketamine provided sedation for dental treatment.",
     {"routes": ["intranasal"]}),
    ("hp104", "Esketamine for treatment-resistant depression in routine care",
     ("METHODS: Esketamine was started at 28 mg and titrated to 56 or 84 mg twice weekly."),
     {"routes": ["intranasal"]}),
    ("hp104", "Subcutaneous ketamine for depression in older adults",
     ("METHODS: Ketamine was given subcutaneously. RESULTS: Plasma concentrations were comparable "
      "to those reported for intravenous infusions in younger adults."),
     {"routes": ["subcutaneous"]}),
    ("hp104", "Continuous subcutaneous ketamine in palliative care",
     ("METHODS: Ketamine was given by continuous subcutaneous infusion. CONCLUSIONS: It is a "
      "practical option when the oral route is no longer available."),
     {"routes": ["subcutaneous"]}),
    ("hp104", "Sublingual ketamine troches for depression: a case report",
     ("A 45-year-old woman had obtained temporary relief from intravenous ketamine infusions that "
      "could not be repeated. She was started on sublingual ketamine troches."),
     {"routes": ["sublingual"]}),
    ("hp104", "Oral ketamine in depression: a systematic review and meta-analysis",
     ("Objective: Previous meta-analyses focused on the intravenous route and on intranasal "
      "esketamine. We synthesised the evidence for oral ketamine. Conclusions: Compared with the "
      "intravenous route evaluated in earlier reviews, effects emerged more gradually."),
     {"routes": ["oral"]}),
    # guard: the route the two induction agents share is ketamine's ("ASA grade III or IV" is none)
    ("hp99", "Ketamine or thiopentone for induction in the poor-risk patient",
     ("Sixty pts of ASA grade III or IV were allocated at random to receive either ketamine 2 mg "
      "kg-1 or thiopentone 4 mg kg-1 iv for induction of anaesthesia."), {"routes": ["iv"]}),
    ("hp103", "Ketamine or lidocaine infusion after sleeve gastrectomy",
     ("METHODS: Adults were randomized to a ketamine infusion (0.3 mg/kg bolus followed by 0.2 "
      "mg/kg/h; n = 34), a lidocaine infusion (1.5 mg/kg bolus followed by 2 mg/kg/h; n = 33), or "
      "saline (n = 35)."), {"n": 102}),
    ("hp103", "Ketamine, dexmedetomidine or saline for post-spinal shivering",
     ("METHODS: Patients were allocated to Group K (n=30), receiving ketamine 0.25 mg/kg; Group D "
      "(n=30), receiving dexmedetomidine 0.5 ug/kg; or Group C (n=30), receiving saline."),
     {"n": 90}),
    ("hp103", "Sex differences in the subjective effects of ketamine",
     ("METHODS: Healthy adults aged 21 to 45 years (n = 31 female, n = 29 male) received a "
      "ketamine infusion and saline in counterbalanced order."), {"n": 60}),
    ("hp103", "Esketamine nasal spray in a tertiary service",
     ("METHODS: This retrospective study included all adults who started esketamine: 48 women "
      "and 37 men, with a mean of 4.2 previous antidepressant trials."), {"n": 85}),
    ("hp103", "Cognition in ketamine use disorder",
     ("METHODS: We recruited 58 individuals meeting DSM-5 criteria for ketamine use disorder and "
      "116 age- and education-matched non-users."), {"n": 174}),
    ("hp103", "Ketamine for severe alcohol withdrawal in intensive care",
     ("METHODS: Thirty-eight ketamine-treated patients with severe alcohol withdrawal were "
      "compared with 76 propensity-matched controls. Outcomes were benzodiazepine requirements, "
      "intubation and ICU length of stay."),
     {"n": 114, "no_condition": "anesthesia"}),
    ("hp103", "Ketamine for alcohol use disorder: a randomized trial",
     ("METHODS: Adults with AUD were randomly assigned to ketamine or saline. Of the 60 "
      "randomized, nine discontinued before the final infusion."), {"n": 60}),
    ("hp103", "Esketamine after hip fracture surgery in older adults",
     ("RESULTS: The intention-to-treat population (n = 98) included 49 patients per group; the "
      "per-protocol population (n = 87) excluded patients with protocol deviations."), {"n": 98}),
    ("hp103", "Ketamine for cocaine use disorder",
     "Participants: 45 (ketamine 23, midazolam 22). Age, mean (SD): 42.6 (8.9) years.",
     {"n": 45}),
    ("hp103", "Oral ketamine in palliative care depression",
     ("Twelve patients (eight women) with advanced cancer and a diagnosis of major depression "
      "received oral ketamine 0.5 mg/kg daily. Adverse effects were limited to mild sedation in "
      "two patients."), {"n": 12}),
    ("hp103", "Oral ketamine for neuropathic pain after spinal cord injury",
     ("METHODS: Thirty of 44 eligible patients consented and were randomised to oral ketamine or "
      "placebo for 8 weeks."), {"n": 30}),
    ("hp103", "Trajectories of response to esketamine",
     ("METHODS: We pooled data from three randomized, double-blind, 4-week phase 3 trials (N = "
      "1,134) comparing esketamine with placebo."), {"n": 1134}),
    ("hp103", "Ketamine for obsessive-compulsive disorder: a systematic review",
     ("RESULTS: Eight studies met inclusion criteria. Sample sizes ranged from 1 to 30 "
      "participants, for a total of 98."), {"n": 98}),
    ("hp103", "Ketamine for depression: a letter",
     ("We read with interest the recent trial. In their trial of 40 patients, the authors report "
      "a benefit."),
     {"n": None}),
    ("hp106", "Ketamine in the Flinders Sensitive Line rat",
     ("METHODS: We used the Flinders Sensitive Line rat, a genetic model of depression. Rats "
      "received ketamine 10 mg/kg."), {"conditions": ["depression"], "population": "animal"}),
    ("hp106", "Intrathecal ketamine and the formalin test in rats",
     "METHODS: Rats received intrathecal ketamine before the formalin test; flinching was counted.",
     {"conditions": ["acute_pain"]}),
    ("hp106", "Ketamine and complete Freund's adjuvant-induced pain in mice",
     ("METHODS: Mice received an intraplantar injection of complete Freund's adjuvant, then "
      "ketamine 10 mg/kg."), {"conditions": ["chronic_pain"]}),
    ("hp106", "Ketamine-induced conditioned place preference in rats",
     ("METHODS: Rats underwent ketamine-induced conditioned place preference. Ketamine is a widely "
      "abused drug."), {"conditions": ["substance_use"]}),
    ("hp106", "Binding of ketamine enantiomers to the NMDA receptor: a docking study",
     ("METHODS: Molecular docking and molecular dynamics simulations of esketamine and arketamine "
      "in the GluN1/GluN2B pore were performed."),
     {"population": "in_vitro", "design": "preclinical"}),
    ("hp106", "Brain exposure after intranasal ketamine in rats",
     ("METHODS: Rats received intranasal ketamine. RESULTS: Brain-to-plasma ratios were higher "
      "than after subcutaneous dosing in earlier work."), {"routes": ["intranasal"]}),
    ("hp107", "Oral prolonged-release esketamine tablets: a pharmacokinetic study",
     ("METHODS: Healthy volunteers received an oral prolonged-release esketamine tablet. "
      "Esketamine tablets were well tolerated."), {"routes": ["oral"]}),
    ("hp107", "Ketofol versus propofol for electroconvulsive therapy",
     ("METHODS: Patients were randomised to intravenous anaesthesia with ketofol (ketamine 0.5 "
      "mg/kg plus propofol 0.5 mg/kg) or propofol alone."), {"routes": ["iv"]}),
    ("hp107", "Intramuscular ketamine for depression: a case series",
     ("Nine patients received intramuscular ketamine weekly. CONCLUSIONS: Intramuscular ketamine "
      "may be a practical alternative to infusions."), {"routes": ["im"]}),
    ("hp107", "Intravenous ketamine in pharmacoresistant depression",
     ("METHODS: Patients with pharmacoresistant unipolar depression received six infusions."),
     {"conditions": ["depression", "trd"]}),
    ("hp107", "Ketamine in depression after the failure of two antidepressants",
     ("METHODS: Adults with major depression and the failure of at least two antidepressants "
      "received ketamine."), {"conditions": ["depression", "trd"]}),
    ("hp107", "Ketamine for depression with suicidal ideation: a naturalistic report of 9 cases",
     "Nine patients received ketamine.", {"design": "case_report"}),
    ("hp107", "Ketamine and usual care in depressed inpatients",
     ("METHODS: Fifty-six patients received ketamine and were matched to 112 usual-care patients."),
     {"n": 168}),
    ("hp107", "Ketamine to disrupt alcohol memories in hazardous drinkers",
     ("BACKGROUND: NMDA receptor antagonists block reconsolidation in animal models. METHODS: "
      "Hazardous drinkers were randomised to ketamine or placebo."),
     {"population": "human", "design": "rct"}),
    ("hp107", "Esketamine exposure in labour and postpartum depression: a cohort study",
     ("METHODS: We used linked anaesthesia records. Weighting accounted for maternal age and "
      "general versus neuraxial anaesthesia."), {"no_condition": "anesthesia"}),
    ("hp105", "Caudal esketamine for postoperative analgesia after hypospadias repair in children",
     ("METHODS: Children were randomized to caudal ropivacaine with or without esketamine. FLACC "
      "pain scores, emergence agitation and adverse events were recorded for 24 h. RESULTS: No "
      "significant differences were found in emergence agitation, PONV or urinary retention."),
     {"no_condition": "anesthesia"}),
    ("hp105", "Esketamine for positioning for spinal anesthesia in older patients with hip fracture",
     ("METHODS: Patients received esketamine before positioning. Time to perform spinal anesthesia "
      "was recorded."), {"no_condition": "anesthesia"}),
    ("hp105", "Esketamine-based opioid-sparing anesthesia and nausea after thyroidectomy",
     ("METHODS: Patients were randomized to esketamine-based opioid-sparing anesthesia or "
      "opioid-based anesthesia. The primary outcome was postoperative nausea and vomiting."),
     {"no_condition": "acute_pain"}),
    # guard: the primary outcome's anxiety, with the premedication's anaesthesia
    ("hp105", "Intranasal esketamine premedication in preschool children",
     ("Preoperative anxiety is common in children. Children were randomized to intranasal "
      "esketamine or saline. The primary outcome was anxiety at parental separation, assessed with "
      "the Parental Separation Anxiety Scale."), {"conditions": ["anxiety", "anesthesia"]}),
    ("hp110", "Ketamine for depression: a review",
     "Ketamine acts within hours. Randomised trials showed rapid effects in 2019.",
     {"design": "review"}),
    ("hp110", "Oral ketamine for depression in older adults (OKTAS): protocol",
     "A randomised trial of oral ketamine in 200 older adults with depression.",
     {"design": "protocol"}),
    ("hp110", "Commentary on: Ketamine versus midazolam for depression",
     "The commented trial randomised 226 adults with depression to ketamine or midazolam.",
     {"design": "other", "n": None}),
    ("hp110", "Retraction notice to: Ketamine reverses depression-like behaviour in rats",
     "This article has been retracted at the request of the authors.", {"design": "other"}),
    ("hp110", "Low-dose ketamine for postoperative pain-Reply",
     ("In Reply We thank the authors for their interest. Among the 600 patients enrolled, results "
      "held."),
     {"design": "other", "n": None}),
    ("hp110", "Intravenous esketamine for postpartum depression after caesarean delivery",
     ("We assigned 308 parturients aged 20 to 40 years to esketamine 0.2 mg/kg given "
      "intravenously or saline. Depression was lower with esketamine. Esketamine may help."),
     {"routes": ["iv"], "ages": ["adult"], "n": 308}),
    ("hp110", "Esketamine for depression in older adults: a phase 2, open-label, single-arm study",
     ("METHODS: Thirty adults received esketamine. CONCLUSIONS: Response was rapid, supporting its "
      "evaluation in a randomized controlled trial."), {"design": "nonrandomized_trial"}),
    ("hp109", "Epidural ketamine with bupivacaine after thoracotomy",
     ("METHODS: Patients received an epidural infusion of bupivacaine with ketamine (0.5 mg/kg "
      "bolus, then 0.1 mg/kg/h)."), {"no_route": "iv"}),
    ("hp109", "Intranasal ketamine for migraine in the emergency department",
     ("METHODS: Intranasal ketamine was compared with standard intravenous therapy and a normal "
      "saline bolus."), {"routes": ["intranasal"]}),
    ("hp109", "Ketofol versus propofol for emergency department sedation",
     ("METHODS: Adults received 1:1 ketofol (0.75 mg/kg each of ketamine and propofol) or "
      "propofol 1.5 mg/kg intravenously."), {"routes": ["iv"]}),
    ("hp109", "Ketamine for sickle cell crisis",
     ("METHODS: We retrospectively reviewed 75 hospitalizations in 33 patients who received "
      "ketamine."),
     {"n": 33}),
    ("hp109", "Intramuscular ketamine for prehospital management of severe agitation",
     ("METHODS: Paramedics gave ketamine 4 mg/kg intramuscularly for profound agitation. RESULTS: "
      "Adequate sedation was documented in 91%."), {"conditions": ["anesthesia"]}),
    ("hp108", "Deaths involving ketamine in Scotland",
     "We analysed deaths involving ketamine recorded by the national registry.",
     {"conditions": ["substance_use"]}),
    ("hp108", "Telehealth ketamine: a commentary",
     ("We are concerned about the absence of in-person assessment of suicide risk, psychosis and "
      "substance use history."), {"no_condition": "suicidality"}),
    ("hp108", "Esketamine for postoperative sore throat after thyroidectomy",
     ("Postoperative sore throat is a common complaint after tracheal intubation. Patients "
      "scheduled for surgery under general anaesthesia with endotracheal intubation were "
      "randomized to nebulized esketamine or saline."), {"no_condition": "anesthesia"}),
    ("hp113", "Ketamine and memory in aged mice",
     ("METHODS: Aged (18-month-old) and young adult (3-month-old) male C57BL/6 mice received "
      "ketamine 10 mg/kg."), {"design": "preclinical"}),
    ("hp113", "Intranasal ketamine for laceration repair",
     "METHODS: Patients between 2 and 12 years of age received intranasal ketamine.",
     {"ages": ["child"]}),
    ("hp113", "Oral ketamine for depression in outpatients",
     "METHODS: Outpatients (12-25 years) with depression received oral ketamine.",
     {"ages": ["child", "adult"]}),
    ("hp113", "Esketamine and delirium after hip surgery",
     "METHODS: Patients aged 60-70 years scheduled for hip surgery received esketamine.",
     {"ages": ["adult"]}),
    ("hp113", "Esketamine during caesarean delivery and maternal mood",
     ("METHODS: Parturients received esketamine after delivery. RESULTS: No neonates required "
      "resuscitation; the need for neonatal naloxone did not differ. A male neonate weighing "
      "1,720 g was delivered."), {"no_age": "child"}),
    ("hp113", "Oral ketamine for depression in a rural patient: a case report",
     ("A 54-year-old man lived far from the nearest infusion clinic. Because of limited access to "
      "intravenous treatment, he was started on oral ketamine."), {"routes": ["oral"]}),
    ("hp113", "Intramuscular ketamine for prehospital analgesia in trauma",
     ("RESULTS: Emergence reactions requiring midazolam occurred in 2.1%. No patients required "
      "prehospital intubation because of ketamine."), {"no_condition": "anesthesia"}),
    ("hp113", "Sedation for fracture reduction in the emergency department",
     "METHODS: Sedation used a 1:1 ketamine-propofol admixture titrated to effect.",
     {"routes": ["iv"]}),
    ("hp112", "Esketamine versus augmentation in treatment-resistant depression",
     ("METHODS: Of 1,034 eligible patients, propensity score matching yielded 456 matched "
      "patients (228 per group)."), {"n": 456}),
    ("hp112", "Dissociation across esketamine sessions in routine care",
     ("METHODS: Eighty-nine patients (mean age 47.9 years) contributed 681 treatment sessions. "
      "RESULTS: Hypertension occurred in at least one session in 31 patients."), {"n": 89}),
    ("hp112", "Glutamate in treatment-resistant depression during esketamine treatment",
     ("METHODS: Thirty-two patients with treatment-resistant depression receiving esketamine as "
      "part of routine clinical care and 25 age- and sex-matched healthy controls were "
      "recruited."), {"n": 57}),
    ("hp112", "Suicidal ideation with esketamine: a pooled post hoc analysis",
     "METHODS: In this pooled post hoc analysis (N = 451), suicidal ideation was rated daily.",
     {"n": 451}),
    ("hp112", "Psychotherapists' views of ketamine-assisted psychotherapy",
     "METHODS: We conducted interviews with 15 licensed psychotherapists.", {"n": 15}),
    ("hp112", "Oral ketamine to maintain response in depression",
     ("OBJECTIVE: Oral ketamine is sometimes used to maintain the response to intravenous "
      "ketamine. METHODS: Patients who had responded to an acute course of intravenous infusions "
      "received oral ketamine for 12 weeks."), {"routes": ["oral"]}),
    ("hp112", "Psychiatrists' attitudes to esketamine: a national survey",
     ("RESULTS: Only 23% had referred a patient for intravenous ketamine and 18% had prescribed "
      "esketamine nasal spray."), {"routes": []}),
    ("hp112", "Esketamine restarted after hypomania: a case report",
     ("A 38-year-old woman developed hypomania after her first 56 mg dose. Esketamine was resumed "
      "at 28 mg without recurrence."), {"routes": ["intranasal"]}),
    ("hp112", "Dissociation with esketamine: a pooled analysis of randomised trials",
     ("METHODS: We pooled individual patient data from two randomised, double-blind, "
      "placebo-controlled trials."), {"design": "rct"}),
    ("hp111", "Single-dose psilocybin for treatment-resistant depression: a randomized trial",
     ("BACKGROUND: Ketamine acts rapidly but needs repeated dosing. METHODS: We randomized 120 "
      "adults with treatment-resistant depression to psilocybin 25 mg or 1 mg, taken orally."),
     {"conditions": [], "routes": [], "treatment": False, "design": "rct"}),
    ("hp111", "Theta-burst stimulation in depression with prior nonresponse to ketamine",
     ("METHODS: Outpatients with treatment-resistant depression and documented nonresponse to at "
      "least four intravenous ketamine infusions or eight esketamine nasal spray sessions "
      "received 10 daily sessions of iTBS."), {"routes": [], "treatment": False}),
    ("hp111", "The TrkB antagonist ANA-12 and ketamine's effects in the prefrontal cortex",
     ("METHODS: Rats were implanted with guide cannulae for local infusion of ANA-12 in the "
      "prelimbic area before ketamine 10 mg/kg i.p."), {"no_route": "iv"}),
    ("hp111", "Ketamine for depression: is functional unblinding the elephant in the room?",
     ("We read with interest the trial comparing ketamine with midazolam in patients with "
      "depression."),
     {"population": "human"}),
    ("hp111", "Esketamine in suicidal ideation: 1-year outcomes of an open-label extension",
     ("METHODS: Adults who had completed a double-blind study of esketamine entered this "
      "extension."), {"design": "nonrandomized_trial"}),
    ("hp114", "Ketamine versus morphine for renal colic in the emergency department",
     ("METHODS: Adults were randomized to ketamine 0.3 mg/kg or morphine 0.1 mg/kg by "
      "intravenous push over 5 minutes."), {"routes": ["iv"]}),
    ("hp114", "Patients' experience of esketamine treatment: a qualitative study",
     "METHODS: We interviewed 18 adults after at least eight sessions of esketamine.",
     {"routes": ["intranasal"]}),
    ("hp114", "Repeated ketamine infusions for depression in routine care",
     ("Design: Retrospective cohort study.\nMethods: 63 patients received 412 infusion sessions "
      "at one clinic."), {"design": "observational"}),
    ("hp114", "Global research on esketamine: a bibliometric analysis",
     ("RESULTS: Research hotspots included esketamine, treatment-resistant depression and "
      "suicidal ideation."), {"no_condition": "trd"}),
    ("hp116", "Heroin-dependent patients and ketamine-assisted psychotherapy",
     "METHODS: Heroin-dependent patients received ketamine-assisted psychotherapy.",
     {"conditions": ["substance_use"]}),
    ("hp116", "Intranasal ketamine use among nightclub attendees: a survey",
     ("RESULTS: Escalating intranasal ketamine use was reported by 40%; 62% snorted ketamine as "
      "their main route."), {"routes": []}),
    ("hp116", "Ketamine and cocaine self-administration in rats",
     ("METHODS: Rats learned to self-administer cocaine (0.5 mg/kg/infusion); ketamine was given "
      "i.p. before sessions."), {"no_route": "iv"}),
    ("hp116", "Anesthesia-assisted rapid opioid detoxification with ketamine",
     "METHODS: Patients underwent anesthesia-assisted rapid opioid detoxification.",
     {"no_condition": "anesthesia"}),
    ("hp116", "Mortality after ketamine uropathy: a cohort study",
     ("RESULTS: Excess mortality was greatest for suicide (SMR 9.12). CONCLUSIONS: Deaths from "
      "suicide call for follow-up."),
     {"no_condition": "suicidality"}),
    ("hp115", "Esketamine and suicide prevention: where do we stand?",
     ("We review the evidence on esketamine for suicidal ideation. A small randomised trial of "
      "adolescents with suicidal ideation presenting to a paediatric emergency department found "
      "rapid benefit at 24 hours."),
     {"design": "review"}),
    ("hp115", "Ketamine in palliative care",
     ("In this special article we describe the uses of ketamine in palliative care. Robust "
      "randomised evidence exists only for depression."), {"design": "review"}),
    ("hp115", "Ketamine for refractory status asthmaticus in children",
     ("This review examines ketamine in severe asthma. Case series in paediatric intensive care "
      "describe improvements in gas exchange."), {"design": "review"}),
    ("hp115", "Routes of ketamine administration: a review of pharmacokinetics",
     ("We discuss bioavailability across routes and the implications of these data for choosing "
      "a route and dose for anaesthesia, analgesia and depression treatment."),
     {"no_condition": "depression"}),
    # guard: "Areas covered" with a known "Expert opinion" heading still states the review's topic
    ("hp115", "Esketamine and arketamine for depression: pharmacology and future directions",
     ("Introduction: Esketamine has changed the treatment of depression.\nAreas covered: This review "
      "covers the pharmacokinetics and clinical trial evidence for intranasal esketamine.\nExpert "
      "opinion: Dissociation and monitoring limit its use in adults."),
     {"routes": ["intranasal"]}),
    ("hp123", ("Serum interleukin-6 after intraoperative esketamine in women undergoing "
      "caesarean delivery"),
     ("Methods: Serum IL-6 was measured before surgery and on postoperative day 1 in a secondary "
      "analysis of a randomised trial."),
     {"n": None}),
    ("hp123", "Mismatch negativity under S-ketamine in healthy men",
     ("We recorded EEG in 16 healthy male subjects during a stepwise target-controlled infusion "
      "of S-ketamine. These data support low-dose S-ketamine as a pharmacological model of "
      "psychosis."),
     {"routes": ["iv"], "design": "nonrandomized_trial"}),
    ("hp123", "Plasma concentrations of nebulised ketamine in healthy volunteers",
     ("Ten healthy volunteers inhaled nebulised ketamine 0.75 mg/kg through a breath-actuated "
      "nebuliser. Peak plasma concentrations were reached at 20 minutes."),
     {"n": 10, "design": "nonrandomized_trial"}),
    ("hp123", "Glutamate and ketamine in depression and health",
     ("Methods: Twenty-two unmedicated patients with major depression and 18 age- and sex-matched "
      "healthy control subjects underwent magnetic resonance spectroscopy before and after a "
      "ketamine infusion."),
     {"n": 40}),
    ("hp123", "Ketamine suppresses cytokine release in human whole blood ex vivo",
     ("Anti-inflammatory actions may contribute to the antidepressant effects of ketamine. Blood "
      "from 12 healthy donors was incubated with ketamine. These results may help explain the "
      "antidepressant effect of ketamine."),
     {"no_condition": "depression"}),
    ("hp119", "Ketamine for anxiety: a meta-analysis",
     ("Results: Eight trials were included. Subgroup analyses suggested similar effects for "
      "intravenous and intranasal administration."),
     {"routes": ["iv", "intranasal"]}),
    ("hp119", "Subcutaneous ketamine in refractory generalized anxiety disorder",
     ("Methods: Twelve adults with generalized anxiety disorder who had failed at least two prior "
      "pharmacological treatments received ascending doses of subcutaneous ketamine."),
     {"no_condition": "trd"}),
    ("hp119", ("The effect of a single dose of intravenous ketamine on suicidal ideation: a "
      "systematic review and individual participant data meta-analysis"),
     ("OBJECTIVE: Suicide is a leading cause of death worldwide, and treatments that rapidly "
      "reduce suicidal thoughts are urgently needed. The authors examined whether a single dose "
      "of ketamine reduces suicidal ideation, and whether effects are independent of improvement "
      "in mood.\nMETHOD: Individual participant data were obtained from 10 comparison "
      "intervention studies in which a single dose of intravenous ketamine was compared with "
      "saline or midazolam in participants with suicidal ideation. Suicidal ideation was assessed "
      "with clinician-rated items from depression rating scales and with the Beck Scale for "
      "Suicidal Ideation. Random-effects models were used.\nRESULTS: Data from 167 participants "
      "were pooled. Ketamine rapidly reduced suicidal ideation within 1 day and for up to 1 week "
      "relative to control treatments, with moderate to large effect sizes. Effects on suicidal "
      "ideation remained significant after adjustment for concurrent change in depressive symptom "
      "severity.\nCONCLUSIONS: Ketamine rapidly reduced suicidal thoughts, within 1 day and for "
      "up to 1 week, in patients with suicidal ideation, partially independently of mood."),
     {"no_condition": "depression"}),
    ("hp119", "Sublingual ketamine lozenges in a community practice: a chart review",
     ("Methods: One hundred and nine patients were prescribed sublingual ketamine lozenges. "
      "Results: Among 84 patients with follow-up data, 40% responded."),
     {"n": 109}),
    ("hp119", ("Ketamine for treatment-resistant depression: a task force report of clinical "
      "recommendations"),
     ("Objective: To provide recommendations. Method: The task force reviewed the evidence from "
      "randomized controlled trials, meta-analyses and observational studies."),
     {"design": "guideline"}),
    ("hp122", ("Subcutaneous esketamine for treatment-resistant depression in a Brazilian public "
      "psychiatric service: a case series"),
     ("Objective: To describe the effectiveness and tolerability of subcutaneous (SC) esketamine "
      "in patients with treatment-resistant depression (TRD) treated in a public mental health "
      "service in Sao Paulo. Methods: We describe 11 consecutive adult outpatients (8 women; age "
      "range 24-63 years) with unipolar or bipolar TRD who received weekly SC esketamine 0.5-1.0 "
      "mg/kg for four to twelve sessions. Depression severity was rated with the "
      "Montgomery-Asberg Depression Rating Scale (MADRS) at baseline and 24 hours after each "
      "session. Results: Seven patients (63.6%) responded and four (36.4%) remitted. Dissociative "
      "symptoms were transient and resolved within 2 hours. Blood pressure increases were mild. "
      "No patient discontinued due to adverse effects. Conclusion: SC esketamine appeared "
      "effective and well tolerated in this series, supporting its feasibility as a lower-cost "
      "alternative in low-resource settings."),
     {"conditions": ["depression", "trd", "bipolar"]}),
    ("hp122", "Esketamine and postpartum depression in women receiving labor epidural analgesia",
     ("Background: The benefit of perioperative esketamine for postpartum depression is unclear. "
      "Methods: We reviewed 1,034 women who received intravenous esketamine after delivery."),
     {"no_condition": "acute_pain"}),
    ("hp122", "Nebulized ketamine for postoperative sore throat",
     ("Methods: One hundred and fifty adult patients (aged 21-60 years) of ASA physical status I "
      "and II scheduled for elective surgery under general anesthesia with endotracheal "
      "intubation were randomly assigned to two groups."),
     {"n": 150}),
    ("hp122", "Esketamine and sleep after gynaecological surgery",
     ("Methods: Esketamine 0.3 mg/kg was given at anesthesia induction and 0.2 mg/kg/h was "
      "continuously pumped until the end of surgery."),
     {"routes": ["iv"]}),
    ("hp121", "Early improvement with esketamine nasal spray: a post hoc analysis",
     ("Methods: The parent trial randomized 435 adults. This post hoc analysis included the 227 "
      "patients randomized to esketamine."),
     {"n": 227}),
    ("hp121", "Costs of esketamine initiators: a matched claims study",
     ("Methods: 1,085 esketamine initiators were matched to 3,255 comparators on age and sex."),
     {"n": 4340}),
    ("hp121", "Budget impact of esketamine nasal spray in Japan",
     ("An estimated 98,000 adults with treatment-resistant depression were assumed to be eligible "
      "for esketamine. The 5-year budget impact was estimated."),
     {"n": None}),
    ("hp121", "Analgesic response to ketamine versus morphine by sex",
     ("Methods: Adults with acute pain were randomized to 0.3 mg/kg ketamine or 0.1 mg/kg "
      "morphine intravenously."),
     {"routes": ["iv"]}),
    ("hp118", "Age and adverse events during emergency department ketamine sedation",
     ("Objective: To determine whether adverse events during ketamine procedural sedation vary "
      "with age. Results: 2,140 patients were sedated with ketamine."),
     {"conditions": ["anesthesia"], "n": 2140}),
    ("hp118", "Oral ketamine for laceration repair in children",
     ("To assess oral ketamine we conducted an open, uncontrolled prospective study. Thirty "
      "children aged 2 to 10 years were enrolled. Sedation was rated as adequate by the physician "
      "in 26 children (87%)."),
     {"design": "nonrandomized_trial", "n": 30}),
    ("hp118", "Intranasal ketamine for migraine in children",
     ("Conclusions: Intranasal ketamine may reduce the need for intravenous therapy in children "
      "with migraine."),
     {"routes": ["intranasal"]}),
    ("hp120", ("Intrathecal ketamine in a patient with intractable pain from pancreatic "
      "adenocarcinoma"),
     ("A 61-year-old man received ketamine added to his intrathecal morphine pump."),
     {"conditions": ["chronic_pain"]}),
    ("hp120", "Intramuscular ketamine in women with myofascial temporomandibular disorder",
     ("Methods: Women received ketamine or saline injected into the masseter muscle."),
     {"conditions": ["chronic_pain"]}),
    ("hp120", "Resolution of phantom limb pain after ketamine: case report",
     ("We report a 34-year-old veteran with phantom limb pain. His history was notable for "
      "post-traumatic stress disorder treated with sertraline. He received a ketamine infusion."),
     {"no_condition": "ptsd"}),
    ("hp120", "Rectal ketamine for cancer pain at home",
     ("A woman with cancer pain who refused further subcutaneous lines received rectal ketamine."),
     {"routes": ["rectal"]}),
    ("hp120", "Topical ketamine prescriptions in a pain clinic",
     ("Methods: A total of 1,108 prescriptions were dispensed to 634 patients."),
     {"n": 634}),
    ("hp120", "Ketamine in cancer pain: an update",
     ("Its use rests largely on case reports, case series and small trials. In this narrative "
      "review we summarise the evidence."),
     {"design": "review"}),
    ("hp117", "Ketamine in refractory convulsive status epilepticus: a case series",
     ("Refractory status epilepticus (RSE) carries high mortality, and prolonged seizures are "
      "associated with a shift from GABAergic to NMDA receptor-mediated excitation. We report 7 "
      "patients aged 22-58 years with RSE who received intravenous ketamine after failure of "
      "benzodiazepines, phenytoin and at least one anaesthetic agent (midazolam, propofol or "
      "thiopental). Ketamine was given as a bolus of 1.5 mg/kg followed by infusion at up to 5 "
      "mg/kg/h. Seizures were controlled in 5 patients within 24 h of starting ketamine, allowing "
      "the withdrawal of other anaesthetic infusions. No ketamine-related adverse effects were "
      "observed. Two patients died of their underlying conditions. Ketamine may be a useful "
      "option in RSE when GABAergic agents have failed."),
     {"no_condition": "anesthesia"}),
    ("hp117", "S(+)-ketamine reduces neuronal injury after incomplete cerebral ischaemia in rats",
     ("The neuroprotective effects of the S(+)-enantiomer of ketamine were investigated in a "
      "model of incomplete cerebral ischaemia. Forty-eight fasted male Sprague-Dawley rats were "
      "anaesthetized with isoflurane and randomly assigned to receive S(+)-ketamine (1 mg/kg/min "
      "i.v.), racemic ketamine (2 mg/kg/min i.v.) or saline (control) starting 30 min before "
      "ischaemia. Ischaemia was induced by unilateral carotid artery ligation combined with "
      "haemorrhagic hypotension (mean arterial pressure 35 mmHg) for 30 min. Neurological deficit "
      "was scored daily and histopathological damage in the hippocampus was evaluated after 4 "
      "days. Neurological outcome was improved and the number of damaged neurons in the CA1 "
      "region was reduced in both ketamine groups compared with controls (P < 0.05), with no "
      "difference between S(+)-ketamine and racemic ketamine. S(+)-ketamine at half the dose of "
      "the racemate provides equivalent neuroprotection after incomplete cerebral ischaemia."),
     {"no_condition": "anesthesia"}),
    ("hp117", "Epidural S(+)-ketamine after knee arthroplasty",
     ("Patients received epidural ropivacaine with or without S(+)-ketamine. Supplemental "
      "analgesia was provided with i.v. piritramide."),
     {"no_route": "iv"}),
    ("hp117", "Ketamine-xylazine anaesthesia with atipamezole reversal in rabbits",
     ("Rabbits were given ketamine and xylazine intramuscularly. After 30 minutes rabbits "
      "received atipamezole (1 mg/kg) or saline intravenously."),
     {"no_route": "iv"}),
    ("hp117", ("Airway adverse events with ketamine sedation: an individual-patient data "
      "meta-analysis"),
     ("Methods: Data from 32 studies were pooled. Results: The pooled database comprised 7,630 "
      "sedations in children."),
     {"n": 7630}),
    ("hp117", "Ketamine for paediatric sedation in UK emergency departments: a national survey",
     ("Questionnaires were returned by 176 of 219 departments (80%)."),
     {"n": 176}),
    ("hp117", "Patterns of ketamine use among young drug users: a cross-sectional survey",
     ("Methods: 300 young people were interviewed. Results: Most ketamine users took the drug by "
      "snorting, usually at discos."),
     {"no_route": "intranasal"}),
    ("hp117", "Ketamine for depression: a glimpse of the future?",
     ("The report in this issue of a rapid antidepressant response to ketamine in patients with "
      "treatment-resistant depression adds to a small but growing literature suggesting that "
      "modulation of glutamatergic neurotransmission can relieve depressive symptoms within "
      "hours. In this editorial we consider the implications of these findings, the difficulties "
      "of maintaining blinding with a drug that has prominent dissociative effects, the short "
      "duration of response after a single infusion, and concerns about abuse liability. Before "
      "ketamine can be recommended for clinical use, trials of repeated dosing and of orally "
      "active NMDA antagonists with fewer side effects are needed."),
     {"conditions": ["depression", "trd"]}),
    ("hp126", ("Ketamine versus propofol for sedation in ventilated adults: a randomized, "
      "double-blind trial"),
     ("Background: Better sedation strategies are needed and analgosedation is recommended. "
      "Methods: Adults expected to require invasive mechanical ventilation for more than 48 hours "
      "were assigned to ketamine or propofol."),
     {"design": "rct"}),
    ("hp126", "Ketamine for status asthmaticus in children",
     ("Design: Prospective, open-label, single-arm study. Setting: A paediatric intensive care "
      "unit. Patients: Twenty children received a ketamine infusion."),
     {"design": "nonrandomized_trial"}),
    ("hp126", "Ketamine infusion to avert intubation in severe asthma: a case report",
     ("A 24-year-old woman with severe asthma received a ketamine infusion, and intubation was "
      "avoided."),
     {"no_condition": "anesthesia"}),
    ("hp126", "Ketamine for delirium tremens in the intensive care unit",
     ("Objective: To describe adjunctive ketamine for delirium tremens. Methods: We reviewed 40 "
      "adults treated with ketamine infusions."),
     {"conditions": ["substance_use"]}),
    ("hp124", "Esketamine and chronic postsurgical pain after thoracic surgery: a randomized trial",
     ("Methods: Patients received esketamine (0.5 mg/kg intravenous bolus and 0.03 mg/kg/h via "
      "patient-controlled analgesia for 48 h) or saline. The primary outcome was chronic "
      "postsurgical pain at 3 months. Results: Acute pain scores at rest were lower with "
      "esketamine."),
     {"no_condition": "acute_pain"}),
    ("hp124", "Nebulized ketamine for sore throat after double-lumen intubation",
     ("Background: Nebulized ketamine has shown benefit after single-lumen intubation. "
      "Conclusions: Nebulized ketamine may reduce POST after double-lumen intubation."),
     {"no_condition": "anesthesia"}),
    ("hp124", "Ketamine for status epilepticus in a child: case report",
     ("A previously healthy 6-year-old boy with refractory status epilepticus received "
      "intravenous ketamine."),
     {"n": 1}),
    ("hp124", "Ketamine and esketamine in depression: a clinical practice guideline",
     ("Recommendations are given for adults with treatment-resistant depression. Areas of "
      "uncertainty include maintenance treatment and use in adolescents and older adults."),
     {"ages": ["adult"]}),
    ("hp125", "Ketamine for alcohol use disorder: a randomized clinical trial",
     ("DESIGN, SETTING, AND PARTICIPANTS: In this trial done at 9 addiction services in the UK, "
      "adults aged 18-65 years with severe alcohol use disorder were randomly assigned. RESULTS: "
      "280 participants were randomised."),
     {"n": 280}),
    ("hp125", "Repeated ketamine infusions in treatment-resistant depression",
     ("Objective: Depression is associated with substantial morbidity and suicide risk. The "
      "authors evaluated the antidepressant effect of repeated ketamine infusions. Method: Adults "
      "with treatment-resistant depression received six infusions."),
     {"no_condition": "suicidality"}),
    ("hp125", "Intranasal ketamine in outpatients with depression",
     ("Methods: Of 242 patients prescribed intranasal ketamine, 169 were reached and included."),
     {"n": 169}),
    ("hp125", ("Ketamine infusion as an adjunct to multimodal analgesia for patients with "
      "multiple rib fractures: a randomised controlled trial"),
     ("Background: Rib fractures are painful and associated with pulmonary complications, "
      "particularly in older patients. We hypothesised that a low-dose ketamine infusion added to "
      "multimodal analgesia would reduce pain and opioid consumption.\nMethods: In this "
      "single-centre, double-blind, placebo-controlled trial, adults admitted to a level I trauma "
      "centre with three or more rib fractures were randomised to ketamine 0.1 mg/kg/h or saline "
      "infused for 24 h, in addition to scheduled paracetamol and patient-controlled intravenous "
      "analgesia with hydromorphone. The primary outcome was the change in numeric pain score "
      "over 24 h; secondary outcomes were opioid consumption, incentive spirometry volumes and "
      "pulmonary complications.\nResults: A total of 96 patients were randomised (median age 57 "
      "yr, 74% male; 43 aged 65 yr or older). Pain scores did not differ between groups at 24 h "
      "(mean difference -0.3, 95% CI -1.1 to 0.5). In the subgroup with an Injury Severity Score "
      "above 15, ketamine reduced oral morphine equivalent consumption by 26%. Pulmonary "
      "complications and adverse events were similar.\nConclusions: A low-dose ketamine infusion "
      "did not reduce pain in patients with multiple rib fractures overall, although it may be "
      "opioid sparing in more severely injured patients.\nClinical trial registration: "
      "NCT02432456."),
     {"ages": ["adult", "older_adult"]}),
    ("hp125", "Ketamine during cardiac surgery and postoperative outcomes",
     ("Results: There were no significant differences in postoperative pain or opioid "
      "consumption. Ketamine might reduce postoperative pain. Secondary outcomes were "
      "postoperative pain and opioid consumption."),
     {"no_condition": "acute_pain"}),
    ("hp125", "Ketamine anaesthesia for electroconvulsive therapy: a randomized trial",
     ("Methods: Anaesthesia was induced with ketamine (1-1.5 mg/kg) or propofol (1-1.5 mg/kg) "
      "intravenously."),
     {"routes": ["iv"]}),
    ("hp125", "Buprenorphine induction after ketamine in the emergency department",
     ("Methods: Thirty-six patients (median age 38 years) were included. Results: Buprenorphine "
      "initiation was completed by 33 patients."),
     {"n": 36}),
    ("hp125", "Ketamine and other NMDA antagonists for chronic pain",
     ("Main results: We included 130 studies with 8341 participants. Ketamine reduced pain (mean "
      "difference -0.69 on a 0 to 10 scale, 95% CI -0.82 to -0.56; moderate-certainty evidence)."),
     {"design": "meta_analysis"}),
    ("hp125", "Predictors of intubation after ketamine sedation in the emergency department",
     ("Results: Hypoxia and age older than 65 years were independently associated with intubation "
      "in 1,200 adults."),
     {"ages": ["adult"]}),
    ("hp128", "Zuranolone for postpartum depression: a randomized trial",
     ("Methods: Use of ketamine, esketamine or electroconvulsive therapy during the trial was "
      "prohibited. Women with postpartum depression were randomized to zuranolone or placebo."),
     {"conditions": []}),
    ("hp128", "Lidocaine infusion after spine surgery: a randomized trial",
     ("Methods: Intraoperative ketamine, lidocaine and dexmedetomidine were not permitted. "
      "Patients received intravenous lidocaine or saline for postoperative pain."),
     {"conditions": [], "routes": []}),
    ("hp128", "Ketamine-positive deaths in Scotland: toxicology and circumstances",
     ("Methods: We reviewed post-mortem toxicology reports of 212 deaths."),
     {"conditions": ["substance_use"]}),
    ("hp128", "Ketamine in blood samples of drivers suspected of impaired driving",
     ("Methods: We analysed blood samples from 4,512 drivers."),
     {"n": 4512}),
    ("hp128", ("Stability of ketamine in polypropylene syringes for subcutaneous infusion in "
      "palliative care"),
     ("Ketamine solutions were stored in polypropylene syringes at 25 C and analysed by a "
      "stability-indicating HPLC method over 30 days."),
     {"routes": [], "population": "in_vitro"}),
    ("hp128", ("Intentional exposures to dissociative drugs among adolescents reported to US "
      "poison centers"),
     ("Methods: We analysed exposures reported between 2010 and 2022."),
     {"conditions": ["substance_use"]}),
    ("hp129", "Ketamine for postoperative analgesia after spinal fusion",
     ("Introduction: Pain after spinal fusion is severe. Materials &amp; Methods: One hundred and "
      "twenty patients aged 18-65 years received ketamine or saline intravenously. Results: Pain "
      "was lower. Conclusion: Ketamine helps."),
     {"n": 120, "routes": ["iv"]}),
    ("hp129", "Ketamine and depression in older inpatients",
     ("Methods: Adults aged &#8805;65 years with depression received ketamine."),
     {"ages": ["older_adult"]}),
    ("hp129", "Intranasal ketamine for status migrainosus in the emergency department",
     ("Methods: Adults received intranasal ketamine or placebo."),
     {"conditions": ["chronic_pain"]}),
    ("hp129", "Oral ketamine for chronic pain",
     ("Methods: Patients ≥ 18 years with chronic pain received oral ketamine."),
     {"ages": ["adult"]}),
    ("hp129", "Sedation for paediatric MRI: a cohort study",
     ("Results: Of 3,218 children, ketamine was administered to 702 patients (21.8%). Sedation "
      "succeeded in most children."),
     {"not_n": 702}),
    ("hp130", "Midazolam plus ketamine for paediatric dental sedation: a randomized trial",
     ("Methods: Children were randomized to intravenous midazolam 0.05 mg/kg plus ketamine 1 "
      "mg/kg or intravenous midazolam alone."),
     {"routes": ["iv"]}),
    ("hp130", "Ketamine for placenta accreta surgery",
     ("Methods: Women undergoing caesarean hysterectomy for placenta accreta were studied. "
      "Results: The placenta was removed successfully in 147 women."),
     {"n": None}),
    ("hp130", "Esketamine and acute and chronic postsurgical pain after caesarean delivery",
     ("Methods: Women received esketamine or saline."),
     {"conditions": ["chronic_pain", "acute_pain"]}),
    ("hp130", ("Ketamine infusion and quality of the surgical field during functional endoscopic "
      "sinus surgery under controlled hypotension."),
     ("Bleeding impairs visibility during functional endoscopic sinus surgery (FESS). We tested "
      "the hypothesis that a low-dose ketamine infusion, through its opioid-sparing effect and "
      "attenuation of remifentanil-induced hyperalgesia, improves surgical field quality during "
      "controlled hypotension. Seventy patients aged 20 to 55 years with chronic rhinosinusitis "
      "were randomly allocated to receive ketamine (bolus 0.3 mg/kg followed by an infusion of "
      "0.2 mg/kg/h) or normal saline, in addition to propofol-remifentanil anaesthesia targeting "
      "a mean arterial pressure of 60-70 mmHg. The surgeon, blinded to group allocation, rated "
      "the surgical field every 15 min using the Fromme-Boezaart scale. Surgical field scores "
      "were similar between groups (median 2 vs 2), as were blood loss and remifentanil "
      "consumption. Patients receiving ketamine had lower pain scores and less morphine use in "
      "the first postoperative hour. Low-dose ketamine does not improve the surgical field during "
      "FESS, but may improve early postoperative analgesia."),
     {"conditions": ["acute_pain", "anesthesia"]}),
    ("hp127", "Bioavailability of an oral ketamine tablet",
     ("Methods: Twelve volunteers took oral ketamine. Absolute bioavailability was estimated "
      "against a historical intravenous reference."),
     {"routes": ["oral"]}),
    ("hp136", "Ketamine for central post-stroke pain: a case series",
     ("We describe five patients with central post-stroke pain refractory to amitriptyline who "
      "received ketamine infusions."),
     {"conditions": ["chronic_pain"]}),
    ("hp136", "Oral (R)-ketamine attenuates mechanical allodynia after spared nerve injury in mice",
     ("METHODS: Mice were treated with (R)-ketamine (10 or 20 mg/kg) or vehicle by oral gavage "
      "once daily from day 7 to day 21."),
     {"routes": ["oral"]}),
    ("hp106", "Intranasal esketamine in a corticosterone model of depression in mice",
     ("METHODS: Mice received corticosterone (35 ug/ml) in drinking water for 6 weeks. Esketamine "
      "(5 mg/kg) was delivered intranasally once daily."),
     {"no_route": "oral"}),
    ("hp136", "Ketamine in paediatric analgesia: a pooled analysis",
     ("METHODS: We pooled trials of ketamine in children. RESULTS: Intravenous, intranasal and "
      "caudal administration were all effective."),
     {"routes": ["iv", "intranasal", "neuraxial"]}),
    ("hp137", "Esketamine and sleep quality after hysterectomy: a randomised trial",
     ("METHODS: Patients received esketamine or saline at induction. All received "
      "sufentanil-based PCIA after surgery. RESULTS: Sleep quality improved."),
     {"no_route": "iv"}),
    ("hp137", "Ketamine infusion after open colectomy: a randomised trial",
     ("METHODS: In addition to epidural or wound catheter analgesia, patients received ketamine "
      "or saline for 48 h. RESULTS: Pain scores were lower."),
     {"no_route": "neuraxial"}),
    ("hp137", ("Ketamine infusion replacing epidural analgesia after liver resection: a "
      "before-and-after study"),
     ("METHODS: We compared the 2 years before the change (epidural cohort, n = 86) and the 2 "
      "years after (infusion cohort, n = 91). RESULTS: Length of stay was shorter."),
     {"n": 177}),
    ("hp137", ("Racemic ketamine versus esketamine during total intravenous anaesthesia for "
      "spine surgery"),
     ("METHODS: Patients received total intravenous anaesthesia with propofol combined with "
      "either racemic ketamine (induction 1 mg/kg, then 1 mg/kg/h) or esketamine (0.5 mg/kg, then "
      "0.5 mg/kg/h)."),
     {"routes": ["iv"]}),
    ("hp137", "Ketamine and postoperative pain after spine surgery: a randomised trial",
     ("METHODS: Seventy-five adult male patients scheduled for lumbar discectomy were randomised "
      "to ketamine or saline."),
     {"ages": ["adult"]}),
    ("hp137", ("Magnesium and ketamine infusion as adjuncts to general anesthesia for "
      "postoperative analgesia after laparoscopic cholecystectomy"),
     ("METHODS: Patients were randomised to magnesium, ketamine or saline. RESULTS: Pain scores "
      "were lower with ketamine."),
     {"no_condition": "anesthesia"}),
    ("hp137", "Nebulised versus intravenous ketamine before surgery: pharmacokinetics in adults",
     ("METHODS: In an open-label crossover study, ten patients received nebulised ketamine the "
      "day before surgery and intravenous ketamine after induction."),
     {"not_design": "rct"}),
    ("hp137", "Ketamine infusion for refractory pain after multilevel spinal fusion: a case series",
     ("We describe six adolescents with refractory pain after posterior spinal fusion who "
      "received ketamine infusions on the ward."),
     {"conditions": ["acute_pain"]}),
    ("hp137", "Ketamine for perioperative pain control in spine surgery: a chart review",
     ("METHODS: We reviewed 40 patients who received ketamine."),
     {"conditions": ["acute_pain"]}),
    ("hp137", ("Intraoperative ketamine and opioid use after arthroplasty: a propensity-matched "
      "cohort"),
     ("METHODS: A total of 412 patients were included; after propensity matching, 103 "
      "ketamine-treated patients were compared with 103 controls."),
     {"n": 412}),
    ("hp133", "Ketamine in neurology: beyond anesthesia",
     ("This review summarises the use of ketamine for migraine, status epilepticus and "
      "neuropathic pain."),
     {"no_condition": "anesthesia"}),
    ("hp133", "Intranasal ketamine for migraine in the paediatric emergency department",
     ("METHODS: Children received intranasal ketamine. RESULTS: Fewer children needed an "
      "intravenous migraine cocktail afterwards."),
     {"routes": ["intranasal"]}),
    ("hp133", "Intravenous ketamine for depression in an adolescent",
     ("We present a 16-year-old girl with major depression who had not responded to adequate "
      "trials of fluoxetine, sertraline and aripiprazole augmentation. She received six ketamine "
      "infusions."),
     {"conditions": ["depression", "trd"]}),
    ("hp133", "Round window application of S-ketamine gel and salicylate-induced tinnitus in rats",
     ("METHODS: Rats received round window application of S-ketamine gel or vehicle gel after "
      "salicylate injections."),
     {"no_route": "topical"}),
    ("hp135", "Ketamine for PTSD: a meta-analysis",
     ("METHODS: We pooled randomised trials. RESULTS: The review included 28 trials; 1,098 "
      "participants were randomized."),
     {"n": 1098}),
    ("hp135", "Prehospital ketamine for trauma analgesia: a systematic review and meta-analysis",
     ("RESULTS: Seventeen studies including 4,093 casualties were included."),
     {"n": 4093}),
    ("hp135", "Ketamine for depression: a meta-analysis",
     ("RESULTS: The analysis included 1,235 participants from 16 trials; 10 trials (n = 612) "
      "reported outcomes at day 7."),
     {"n": 1235}),
    ("hp135", "Ketamine for postoperative pain in children: a systematic review",
     ("This is a protocol for a Cochrane Review (intervention). The objectives are as follows: to "
      "assess ketamine for pain after surgery in children."),
     {"design": "protocol"}),
    ("hp135", "Esketamine nasal spray for depression: a narrative review",
     ("Esketamine nasal spray is approved for adults with TRD. Unresolved questions include "
      "long-term safety and its use in adolescents."),
     {"no_age": "child"}),
    ("hp136", "Nebulised ketamine and sore throat after intubation: a randomised trial",
     ("METHODS: Eighty-two patients were screened; 64 met inclusion criteria and were randomized "
      "to ketamine or saline."),
     {"n": 64}),
    ("hp136", "Ketamine and pain after strabismus surgery in children",
     ("METHODS: We studied ketamine in 64 eyes of 32 children undergoing strabismus surgery."),
     {"n": 32}),
    ("hp136", "Ketamine-assisted psychotherapy versus treatment as usual",
     ("METHODS: Thirty-one patients received ketamine-assisted psychotherapy and 29 patients "
      "formed the comparison group."),
     {"n": 60}),
    ("hp136", "Preoperative depressive symptoms and intraoperative ketamine: a secondary analysis",
     ("METHODS: Of the 672 patients enrolled in the parent trial, 641 with a baseline Geriatric "
      "Depression Scale score and postoperative pain data were included."),
     {"n": 641}),
    ("hp131", "Ketamine for smoking cessation: a pilot trial",
     ("METHODS: Smokers received ketamine or midazolam, and all received transdermal nicotine "
      "patches for 8 weeks."),
     {"no_route": "topical"}),
    ("hp131", "Ketamine exposures reported to a regional poison centre",
     ("RESULTS: Of the exposures, 14% of patients were younger than 18 years."),
     {"ages": ["child"]}),
    ("hp131", "Outcomes of ketamine uropathy after cessation of use",
     ("METHODS: We followed 97 patients (median age 24 years, range 17-38) for two years."),
     {"ages": ["child", "adult"]}),
    ("hp131", "Ketamine use among young adults in the night-time economy: a qualitative study",
     ("METHODS: We interviewed people aged 18-29 years. CONCLUSIONS: Youth-oriented support "
      "services should address ketamine use."),
     {"no_age": "child"}),
    ("hp131", ("Management of ketamine-associated lower urinary tract dysfunction: a Delphi "
      "consensus"),
     ("Experts rated statements on the assessment and management of KLUTD."),
     {"conditions": ["substance_use"]}),
    ("hp131", "Ketamine for alcohol use disorder: an open-label study",
     ("METHODS: Patients received ketamine infusions. CONCLUSIONS: The absence of random "
      "allocation limits the conclusions."),
     {"not_design": "rct"}),
    ("hp134", "Outcomes of a ketamine clinic for depression: a retrospective cohort",
     ("RESULTS: Comorbidities included anxiety (45%), PTSD (31%) and OCD (8%)."),
     {"no_condition": "ptsd"}),
    ("hp134", "Direct-to-consumer ketamine providers in the United States",
     ("METHODS: We identified providers through systematic Google searches of the 50 largest "
      "metropolitan areas."),
     {"not_design": "systematic_review"}),
    ("hp135", "Misuse and dependence in the clinical use of esketamine: a case series",
     ("We describe three patients with esketamine misuse after treatment for depression."),
     {"conditions": ["depression", "substance_use"]}),
    ("hp132", "Esketamine nasal spray in pregnancy: a case series",
     ("We describe four pregnant women treated with esketamine. All four delivered live infants "
      "at term."),
     {"no_age": "child"}),
    ("hp132", "Esketamine in adolescents with depression: an open-label study",
     ("OBJECTIVE: Ketamine has rapid antidepressant effects in adults, but controlled data in "
      "adolescents are scarce."),
     {"no_age": "adult"}),
    ("hp134", "Use of ECT and ketamine among adults with TRD: a claims analysis",
     ("RESULTS: Among 214,602 patients, fewer than 1 in 15 adults with TRD received any of these "
      "treatments."),
     {"not_n": 15}),
    ("hp134", "At-home sublingual ketamine via telehealth: a retrospective cohort",
     ("RESULTS: Over 12 months, 3,871 patients initiated treatment and completed at least one "
      "dosing session."),
     {"n": 3871}),
    ("hp134", "Oral ketamine maintenance after intravenous induction: a chart review",
     ("METHODS: Thirty-eight patients were transitioned to oral ketamine after response."),
     {"n": 38}),
    ("hp132", "Esketamine among Medicare beneficiaries: a claims study",
     ("METHODS: We identified beneficiaries aged 65 years or older with depression who initiated "
      "esketamine nasal spray."),
     {"conditions": ["depression"]}),
    ("hp132", ("Pharmacokinetics of esketamine nasal spray in adolescents with depression: an "
      "open-label phase 1 study"),
     ("Twenty-four adolescents with major depressive disorder received a single 28-mg dose of "
      "esketamine nasal spray. Plasma concentrations were measured for 24 hours."),
     {"n": 24}),
    ("hp132", "Ketamine-induced cystitis: report of three cases",
     ("Three young men with a history of daily ketamine use presented with urinary frequency. Two "
      "patients required augmentation cystoplasty."),
     {"n": 3}),
    ("hp141", "Ketamine and synaptic proteins in a mouse model of depression",
     ("METHODS: Mice exposed to chronic stress received ketamine 10 mg/kg intraperitoneally. "
      "Post-mortem brain tissue from 20 patients with depression was also examined."),
     {"n": None}),
    ("hp144", "Field anaesthesia with xylazine-ketamine in horses: 120 procedures",
     ("Horses were premedicated with xylazine and anaesthesia was induced with ketamine. "
      "Recoveries were calm."),
     {"conditions": ["anesthesia"], "treatment": True}),
    ("hp144", "Immobilisation of free-ranging moose",
     ("Thirty moose were darted from a helicopter with ketamine and medetomidine. Induction took "
      "6 minutes."),
     {"routes": ["im"]}),
    ("hp142", "S-ketamine and piritramide consumption after spine surgery: a randomised trial",
     ("OBJECTIVE: To assess whether S-ketamine reduces cumulative piritramide consumption after "
      "lumbar fusion. RESULTS: Cumulative piritramide consumption at 48 h was lower with "
      "S-ketamine."),
     {"conditions": ["acute_pain"]}),
    ("hp138", "Ketamine for caesarean section under general anaesthesia",
     ("METHODS: Sixty parturients received ketamine. We recorded the effects on mother and "
      "neonate."),
     {"no_age": "child"}),
    ("hp138", "Ketamine in day-case anaesthesia: recommendations of a working party",
     ("The working party reviewed the use of ketamine in day-case anaesthesia."),
     {"design": "guideline"}),
    ("hp138", "Ketamine versus thiopentone for induction",
     ("METHODS: Two hundred patients were allocated alternately to ketamine or thiopentone."),
     {"design": "nonrandomized_trial"}),
    ("hp138", "Ketamine and NMDA currents in cultured rat hippocampal neurones",
     ("Whole-cell currents were recorded from cultured neurones exposed to ketamine."),
     {"population": "in_vitro"}),
    ("hp144", "Ketamine diversion in veterinary practices: a survey",
     ("RESULTS: Ketamine diversion was suspected by 12% of respondents, and diverted ketamine was "
      "rarely recovered."),
     {"conditions": ["substance_use"]}),
    ("hp144", "Ketamine restraint of captive macaques for health checks",
     ("Macaques were restrained under ketamine restraint for physical examination."),
     {"conditions": ["anesthesia"]}),
    ("hp144", "Ketamine-medetomidine in cats",
     ("Cats received ketamine and medetomidine intramuscularly. CONCLUSIONS: Topical lubrication "
      "of the eyes is advised."),
     {"no_route": "topical"}),
    ("hp143", "Correction: Esketamine for depression in older adults: a naturalistic cohort study",
     ("[This corrects the article DOI: 10.1000/xyz.]"),
     {"design": "other"}),
    ("hp143", "Retracted: Ketamine for postoperative pain: a randomized controlled trial",
     ("This article has been retracted at the request of the editor."),
     {"design": "other"}),
    ("hp143", "Ketamine infusions for refractory migraine: a case series",
     ("This case series describes 5 consecutive patients treated with ketamine infusions."),
     {"n": 5}),
    ("hp143", "Ketamine for tonsillectomy pain: a pilot trial",
     ("Pilot double-blind RCT; N = 42 (21 ketamine, 21 saline). Pain scores were lower with "
      "ketamine."),
     {"n": 42}),
    ("hp143", "Esketamine after breast surgery: a randomized trial in progress",
     ("Women undergoing mastectomy are randomized to esketamine or saline."),
     {"design": "protocol"}),
    ("hp144", "Ketamine constant rate infusion in dogs undergoing surgery",
     ("Study design: Prospective observational study. Twenty dogs received ketamine."),
     {"design": "preclinical"}),
    ("hp139", "Prehospital ketamine use among combat casualties: a registry study",
     ("METHODS: We analysed casualties who received ketamine intramuscularly or intravenously for "
      "analgesia."),
     {"no_condition": "substance_use", "treatment": True}),
    ("hp139", "Sublingual ketamine tablets for acute pain in the emergency department",
     ("METHODS: Patients received a single 25 mg ketamine tablet placed under the tongue."),
     {"no_route": "oral"}),
    ("hp139", ("Ketamine infusion for vaso-occlusive pain in sickle cell disease: a "
      "retrospective study"),
     ("METHODS: Thirty-three patients accounting for 51 admissions were included."),
     {"conditions": ["acute_pain"]}),
    ("hp139", "Experiences of military medics with battlefield ketamine: a qualitative study",
     ("METHODS: We conducted semi-structured interviews with 18 medics."),
     {"n": 18}),
    ("hp139", "Intranasal ketamine versus morphine for acute pain in the emergency department",
     ("METHODS: Patients were assigned by alternating calendar weeks to intranasal ketamine or "
      "intravenous morphine."),
     {"design": "nonrandomized_trial"}),
    ("hp139", "Intranasal ketamine in rural emergency care",
     ("METHODS: We studied intranasal ketamine for trauma pain where intravenous analgesia is not "
      "readily available."),
     {"routes": ["intranasal"]}),
    ("hp139", "Prehospital ketamine analgesia and emergency department intubation in trauma",
     ("METHODS: We compared trauma patients given ketamine or fentanyl for analgesia by "
      "paramedics."),
     {"no_condition": "anesthesia"}),
    ("hp143", "Ketamine for depression: a case report",
     ("A 52 y/o man with major depression received ketamine infusions."),
     {"ages": ["adult"]}),
    ("hp148", "Nebulized ketamine for chronic headache: a pilot study",
     ("METHODS: Twelve patients received nebulized ketamine. RESULTS: Headache days fell."),
     {"conditions": ["chronic_pain"]}),
    ("hp147", "Ketamine in the emergency department: a randomized trial",
     ("METHODS: Depressed patients with suicidal ideation (n = 40) were randomized to ketamine or "
      "midazolam. The primary outcome was suicidal ideation at 24 hours."),
     {"conditions": ["depression", "suicidality"]}),
    ("hp147", "Serial ketamine infusions and cognition in depression",
     ("METHODS: Participants with major depressive disorder or bipolar depression received six "
      "infusions."),
     {"conditions": ["depression", "bipolar"]}),
    ("hp145", "Maintenance esketamine after intravenous ketamine induction course: a cohort",
     ("METHODS: We followed 40 patients with TRD. RESULTS: Most maintained response."),
     {"no_condition": "anesthesia"}),
    ("hp145", "Moderators of response to ketamine in TRD: a secondary analysis",
     ("METHODS: Candidate moderators included age, sex, comorbid post-traumatic stress disorder "
      "(PTSD) and benzodiazepine use. RESULTS: None moderated response."),
     {"no_condition": "ptsd"}),
    ("hp146", "Esketamine and postoperative sleep after sinus surgery: a randomized trial",
     ("METHODS: Patients were randomized into the esketamine group (0.5 mg/kg at induction, then "
      "0.25 mg/kg/h) or the control group."),
     {"routes": ["iv"]}),
    ("hp149", "Esketamine dry powder inhaler in healthy volunteers",
     ("METHODS: Twelve volunteers received esketamine by a dry powder inhaler (DPI)."),
     {"routes": ["inhaled"]}),
    ("hp149", "Ketamine for pain in hospice: a case series",
     ("Patients received ketamine 10-25 mg PO every 8 hours."),
     {"routes": ["oral"]}),
    ("hp149", "Ketamine for fracture pain in children",
     ("METHODS: Children received ketamine 1 mg/kg IN. RESULTS: Pain scores fell."),
     {"routes": ["intranasal"]}),
    ("hp149", "Ketamine lollipops for procedural pain in children",
     ("METHODS: Children received a ketamine lollipop before the procedure."),
     {"routes": ["sublingual"]}),
    ("hp149", "Oral transmucosal ketamine for breakthrough pain",
     ("METHODS: Patients used oral transmucosal ketamine for breakthrough pain."),
     {"no_route": "oral"}),
    ("hp149", "Ketamine for pain in knee osteoarthritis",
     ("METHODS: Patients with painful knee osteoarthritis received ketamine infusions."),
     {"conditions": ["chronic_pain"]}),
    ("hp149", "Ketamine maintenance in depression",
     ("METHODS: After response to intravenous ketamine, 41 patients started sublingual ketamine "
      "lozenges. RESULTS: Most sustained response."),
     {"no_route": "iv"}),
    ("hp149", "Ketamine maintenance in depression: a chart review",
     ("METHODS: Twenty patients who discontinued esketamine nasal spray started oral ketamine. "
      "RESULTS: Most improved."),
     {"no_route": "intranasal"}),
    ("hp148", ("Ketamine for refractory CRPS: a report of two cases treated with an outpatient "
      "infusion protocol"),
     ("We describe two women with CRPS who received ketamine infusions."),
     {"not_design": "protocol"}),
    # hp151: anxiety disorders, PTSD and OCD; anxiety as an outcome, comorbidity or experiment
    ("hp151", ("Clinical predictors of response to intravenous ketamine in treatment-resistant "
      "depression: a naturalistic study"),
     ("Identifying which patients are likely to benefit from ketamine would help clinicians "
      "allocate a resource-intensive treatment. We conducted a naturalistic study of 235 adults "
      "with treatment-resistant major depression who received a course of six intravenous "
      "ketamine infusions (0.5 mg/kg over 40 minutes) at an academic mood disorders clinic. "
      "Response was defined as a 50% or greater reduction in Quick Inventory of Depressive "
      "Symptomatology (QIDS-SR16) score after the sixth infusion. Candidate predictors included "
      "age, sex, body mass index, illness duration, number of failed antidepressant trials, "
      "baseline severity, comorbid anxiety disorders, and baseline anxiety measured with the "
      "GAD-7. Overall, 44% of patients responded. Higher body mass index and a family history of "
      "alcohol use disorder were associated with greater likelihood of response, whereas neither "
      "comorbid anxiety disorders nor baseline anxiety severity predicted outcome. Ketamine "
      "appears to be similarly effective in anxious and non-anxious depression."),
     {"no_condition": "anxiety"}),
    ("hp151", ("Subanesthetic ketamine reduces anticipatory anxiety to unpredictable threat in "
      "healthy volunteers: a randomized crossover study"),
     ("Twenty-four healthy adults completed the NPU threat task during an intravenous infusion of "
      "ketamine or saline. Anxiety-potentiated startle and subjective anxiety ratings were "
      "recorded. Subjective anxiety ratings were also lower during ketamine."),
     {"no_condition": "anxiety", "n": 24}),
    ("hp151", ("Arketamine attenuates anxiety-like behaviours in mice exposed to chronic "
      "restraint stress"),
     ("Male mice were subjected to chronic restraint stress for 21 days and then received "
      "arketamine. Anxiety-like behaviour was evaluated with the elevated plus maze. Arketamine "
      "has sustained anxiolytic-like effects."),
     {"conditions": ["anxiety"]}),
    ("hp151", ("Intramuscular ketamine in major depressive disorder with anxious distress: a "
      "randomized controlled trial"),
     ("METHODS: Sixty patients with major depressive disorder were randomized to intramuscular "
      "ketamine or midazolam. Depression was rated with the Hamilton Depression Rating Scale and "
      "anxiety with the Hamilton Anxiety Rating Scale (HAM-A) at 2 h, 24 h and 72 h.\nRESULTS: "
      "Ketamine reduced HAM-D and HAM-A scores.\nCONCLUSIONS: Intramuscular ketamine rapidly "
      "reduced depressive and anxiety symptoms."),
     {"conditions": ["depression", "anxiety"]}),
    ("hp151", "Trends in ketamine prescribing for anxiety disorders in a claims database",
     ("Methods: Using a commercial claims database, we identified adults aged 18-64 years with an "
      "anxiety disorder who received ketamine, excluding those with anesthesia claims on the same "
      "day."),
     {"ages": ["adult"]}),
    # hp152-hp153: children and adolescents; reviews, editorials and commentaries
    ("hp152", ("Enteral ketamine for weaning of anaesthetic infusions in an infant with status "
      "epilepticus"),
     ("An intravenous ketamine infusion achieved seizure control. To allow weaning of intravenous "
      "anaesthetics, ketamine was converted to oral (enteral) administration at 3 mg/kg every 8 "
      "hours via nasogastric tube."),
     {"routes": ["iv", "oral"]}),
    ("hp152", "Oral ketamine, oral midazolam, or their combination for premedication in children",
     ("Ninety children aged 2 to 8 years were randomly allocated to oral midazolam, oral ketamine "
      "or both, 30 min before induction of anaesthesia. Preoperative anxiety was assessed with "
      "the modified Yale Preoperative Anxiety Scale at separation from parents and at mask "
      "application. Satisfactory anxiolysis at separation was achieved in 63% of the midazolam "
      "group and 87% of the combination group."),
     {"conditions": ["anxiety", "anesthesia"]}),
    ("hp152", "Rectal ketamine and midazolam as premedication in young children",
     ("The efficacy of rectally administered ketamine combined with midazolam as premedication "
      "was evaluated in 60 children, aged 1 to 6 years, undergoing elective minor surgery. In a "
      "randomized double-blind design, the children received either midazolam 0.3 mg/kg with "
      "ketamine 3 mg/kg, or midazolam 0.3 mg/kg alone, rectally 20-30 min before induction. The "
      "combination produced a more rapid onset of sedation, and more children were asleep or calm "
      "at the time of transfer to the operating theatre (90% vs 63%)."),
     {"n": 60}),
    ("hp152", ("Intramuscular ketamine for procedural sedation in the paediatric emergency "
      "department"),
     ("Methods: Prospective study of consecutive patients younger than 16 years sedated with IM "
      "ketamine.\nResults: A total of 1,022 sedations were recorded in 1,005 children (median age "
      "3.9 years). Vomiting was more common in children aged 5 years and older."),
     {"ages": ["child"], "n": 1005}),
    ("hp152", "Ketamine analgesia and sedation for laser treatment of retinopathy of prematurity",
     ("Objective: Laser treatment for retinopathy of prematurity is often performed under general "
      "anaesthesia. We reviewed our experience with intravenous ketamine sedation in preterm "
      "infants."),
     {"conditions": ["anesthesia"]}),
    ("hp152", ("Patterns of ketamine use and harms among young people attending electronic dance "
      "music events"),
     ("Aims: To describe patterns of ketamine use and self-reported harms among young people in "
      "the night-time economy.\nDesign: Cross-sectional intercept survey."),
     {"conditions": ["substance_use"]}),
    ("hp152", "Ketamine sedation in infants and toddlers: a paediatric sedation registry",
     ("Methods: We analysed data from 38 institutions.\nResults: Of 22,645 ketamine sedations, "
      "1,128 were in infants under 12 months and 2,304 in toddlers aged 12-23 months."),
     {"n": None}),
    ("hp152", "Intravenous ketamine for treatment-resistant depression in transitional-age youth",
     ("Methods: We retrospectively analysed patients aged 16-25 years who received six IV "
      "ketamine infusions for treatment-resistant depression. Depressive symptoms were measured "
      "with the QIDS-SR16 and suicidal ideation with item 12.\nResults: Reductions in suicidal "
      "ideation were comparable."),
     {"conditions": ["depression", "trd"]}),
    ("hp152", "Ketamine and esketamine for depressed adolescents: proceed with caution",
     ("In this editorial we argue that enthusiasm should be tempered: the long-term effects are "
      "unknown, and the risk of misuse in a population already exposed to recreational ketamine "
      "is not trivial."),
     {"conditions": ["depression"]}),
    ("hp153", "Esketamine nasal spray and the limits of regulatory evidence: a commentary",
     ("The maintenance-of-effect study used a randomised withdrawal design. The withdrawal trial, "
      "which randomised 297 stable remitters and responders, may overestimate benefit."),
     {"design": "review"}),
    ("hp153", "Sub-dissociative ketamine for acute pain in the emergency department",
     ("RECENT FINDINGS: Randomised trials in adults with renal colic show that intravenous "
      "ketamine provides analgesia comparable to morphine. Evidence in older adults and in "
      "patients with chronic opioid use or opioid use disorder is limited."),
     {"ages": ["adult"]}),
    ("hp153", "Ketamine uropathy: a review of pathophysiology, diagnosis and management",
     ("Patients present with frequency, urgency, nocturia, painful haematuria and reduced bladder "
      "capacity, and upper tract involvement with hydronephrosis can lead to renal impairment. In "
      "a community survey of 1,285 ketamine users, more than a quarter reported urinary symptoms, "
      "with risk related to dose and frequency of use. Rodent models given daily intraperitoneal "
      "ketamine reproduce many of the histological features."),
     {"population": "human"}),
    ("hp153", "Ketamine for bipolar depression: an expert opinion",
     ("AREAS COVERED: The authors review randomised and open-label studies of intravenous "
      "ketamine in bipolar depression.\nEXPERT OPINION: Available data, from fewer than 150 "
      "randomised patients in total, suggest rapid but transient effects."),
     {"design": "review"}),
    ("hp153", "Practical guidance for initiating esketamine nasal spray in outpatient psychiatry",
     ("This practice update describes patient selection and pre-treatment assessment. Finally, we "
      "discuss special populations, including older adults, patients with substance use disorders "
      "and those with suicidal ideation, in whom evidence is limited."),
     {"conditions": [], "ages": []}),
    ("hp153", "Ketamine in palliative care: an update",
     ("This update reviews the use of ketamine for pain and depression. For depression, oral "
      "ketamine has shown rapid responses in open-label studies in hospice patients."),
     {"design": "review"}),
    ("hp153", "Ketamine and esketamine for depression in late life",
     ("In a randomised trial of intranasal esketamine in patients aged 65 years and older with "
      "treatment-resistant depression, the difference from placebo did not reach statistical "
      "significance. Small open-label studies and case series of intravenous and subcutaneous "
      "ketamine in older adults report responses comparable to those in younger patients. We "
      "discuss cardiovascular screening."),
     {"design": "review"}),
    ("hp153", ("Oral ketamine for depression in patients receiving hospice care: three cases and "
      "a practice review"),
     ("We describe three patients (aged 67, 72 and 81 years) with advanced cancer and major "
      "depressive episodes who were treated with oral ketamine in a hospice. We review the "
      "published experience with oral ketamine in palliative care."),
     {"design": "case_report", "n": 3}),
    ("hp153", "Ketamine for prehospital and battlefield analgesia: a review",
     ("Paramedic-administered ketamine provides analgesia comparable to morphine. We highlight "
      "its distinct role from that of ketamine for prehospital rapid sequence intubation."),
     {"conditions": ["acute_pain"]}),
    ("hp153", ("Novel pharmacological approaches to anorexia nervosa: ketamine, psilocybin and "
      "beyond"),
     ("Early case series described improvements after serial intravenous ketamine infusions, and "
      "a recent open-label study of intramuscular ketamine combined with psychotherapy in 12 "
      "women reported reductions in eating disorder symptoms. We review the rationale, the "
      "preliminary evidence and the specific medical risks in underweight patients."),
     {"design": "review", "n": None}),
    ("hp153", "The role of ketamine in the acute management of suicidal crisis: expert opinion",
     ("AREAS COVERED: This article reviews randomised trials of intravenous ketamine in patients "
      "with suicidal ideation, and meta-analytic evidence from individual participant data."),
     {"design": "review"}),
    ("hp153", ("Does dissociation predict the antidepressant response to ketamine? Commentary on "
      "a secondary analysis"),
     ("In a secondary analysis of pooled data from 235 participants in four randomised trials of "
      "intravenous ketamine, greater dissociation was associated with larger reductions in "
      "depressive symptoms. This commentary places the findings in context."),
     {"design": "review", "n": None}),
    ("hp153", ("Recommendations for ketamine and esketamine in major depressive disorder: a task "
      "force report"),
     ("RESULTS: Intranasal esketamine is recommended as a third-line treatment. Intravenous "
      "racemic ketamine is recommended for treatment-resistant depression. Evidence for oral and "
      "intramuscular ketamine is insufficient to support recommendations."),
     {"routes": ["iv", "intranasal"]}),
    ("hp153", "Real-world evidence for esketamine: what can observational data tell us? Commentary",
     ("In the largest study so far, the authors followed 1,112 patients with treatment-resistant "
      "depression treated at 27 sites. We comment on the strengths and limitations of this study."),
     {"design": "review", "n": None}),
    ("hp153", ("Anaesthetic neurotoxicity and the developing brain: what is the evidence for "
      "ketamine?"),
     ("A large randomised trial in infants and several matched cohort studies found no difference "
      "in neurodevelopmental outcomes. We review the preclinical and clinical evidence for "
      "paediatric anaesthetic practice."),
     {"design": "review"}),
    ("hp153", "Ketamine for depression in low- and middle-income countries",
     ("Ketamine could be a pragmatic option for depression, particularly when administered orally "
      "or intramuscularly, routes that do not require infusion pumps."),
     {"routes": ["im", "oral"]}),
    ("hp153", ("Sublingual ketamine for neuropathic pain in hospice patients: four cases and a "
      "review of practice"),
     ("Sublingual ketamine offers a non-invasive option that avoids the need for infusions. We "
      "report four hospice patients, aged 58 to 84 years, with neuropathic pain who were given "
      "sublingual ketamine."),
     {"routes": ["sublingual"], "design": "case_report", "n": 4}),
    # earlier rounds' records that the same changes fixed
    ("hp112", "Task force recommendations for ketamine and esketamine in major depressive disorder",
     ("Results: Intranasal esketamine is recommended as a second-line treatment for "
      "treatment-resistant depression, and intravenous racemic ketamine as a third-line "
      "treatment. Evidence for oral, sublingual and intramuscular ketamine is insufficient to "
      "support routine use."),
     {"routes": ["iv", "intranasal"]}),
    ("hp126", ("Enteral ketamine as a sedation adjunct during prolonged mechanical ventilation: "
      "a case series"),
     ("We describe six adults receiving mechanical ventilation in whom ketamine solution was "
      "administered enterally via nasogastric tube to facilitate weaning from intravenous "
      "midazolam infusions. Enteral ketamine may be a practical option."),
     {"routes": ["oral"]}),
    ("hp132", "Esketamine nasal spray in treatment-resistant depression: a Delphi consensus",
     ("Results: Consensus was reached on statements covering patient selection, management of "
      "dissociation, and use in special populations such as older adults and patients with "
      "comorbid substance use disorders."),
     {"ages": []}),
    # hp150, hp154, hp156-hp159: designs at the boundaries, ketamine as a tool, sample sizes,
    # routes in anaesthesia, case reports
    ("hp111", ("Effect of intravenous esketamine on postpartum depression in women receiving "
      "epidural labour analgesia: a randomised controlled trial"),
     ("Methods: Nulliparous women who requested neuraxial labour analgesia were randomised to "
      "esketamine 0.2 mg/kg or saline infused intravenously after the epidural catheter was "
      "placed. Epidural analgesia was maintained with programmed intermittent boluses of 0.08% "
      "ropivacaine with sufentanil. The primary outcome was postpartum depression at 6 weeks."),
     {"conditions": ["depression"]}),
    ("hp127", "Prehospital ketamine analgesia for traumatic injury: a multicentre registry study",
     ("Results: Of 1,203 patients, 409 received ketamine and 794 received fentanyl. Emergence "
      "reactions occurred in 3.9% of ketamine patients.\nConclusions: Prehospital ketamine "
      "provided at least equivalent analgesia to fentanyl for trauma patients, with a low rate of "
      "emergence reactions."),
     {"conditions": ["acute_pain"]}),
    ("hp129", "Ketamine clinics and the regulation of off-label psychiatric infusions",
     ("The number of private clinics offering intravenous ketamine infusions for depression has "
      "grown rapidly. In this editorial, we argue that professional bodies should define minimum "
      "standards."),
     {"conditions": ["depression"]}),
    ("hp130", ("Ketamine gargle or nebulisation for the prevention of postoperative sore throat "
      "after tracheal intubation: a meta-analysis"),
     ("Methods: We searched for randomised controlled trials comparing ketamine gargle or "
      "nebulised ketamine with placebo in adults undergoing elective surgery with tracheal "
      "intubation."),
     {"conditions": ["acute_pain"]}),
    ("hp131", "Ketamine injection among people who inject drugs",
     ("We interviewed 1,312 PWID recruited through needle and syringe programmes in four cities "
      "using a structured questionnaire."),
     {"n": 1312}),
    ("hp139", ("Midazolam co-administration to prevent psychoperceptual reactions with "
      "analgesic-dose ketamine in the emergency department: a randomized, double-blind, "
      "placebo-controlled trial"),
     ("Background: Psychoperceptual reactions are the most frequently reported adverse effects of "
      "low-dose ketamine for acute pain and may limit its acceptance. Methods: Adults aged 18 to "
      "60 years receiving intravenous ketamine 0.3 mg/kg for acute pain in the ED were randomized "
      "to intravenous midazolam 0.03 mg/kg or saline placebo given immediately before ketamine. "
      "The primary outcome was the proportion of patients with moderate or severe "
      "psychoperceptual reactions (emergence reactions) within 60 minutes, assessed with a "
      "structured checklist. Sedation (RASS ≤ -2) was more frequent with midazolam (15.3% vs "
      "3.4%), with no difference in pain reduction."),
     {"conditions": ["acute_pain"]}),
    ("hp142", ("[Ketamine in the emergency medical service: analysis of 1.248 prehospital "
      "administrations]"),
     ("Results: Data from 1.248 patients were analysed. S-ketamine was used for analgesia in "
      "1.037 cases (83,1%)."),
     {"n": 1248}),
    ("hp146", ("Esketamine for the prevention of postpartum depression in women with antenatal "
      "depressive symptoms undergoing vaginal delivery with labour epidural analgesia: "
      "protocol for a randomised controlled trial"),
     ("Introduction: Most trials of esketamine for postpartum depression have enrolled women "
      "undergoing caesarean delivery. Methods and analysis: This double-blind, placebo-controlled "
      "trial will randomise 300 women aged 18 years or older with antenatal depressive symptoms "
      "(EPDS >= 10) who request labour epidural analgesia to receive esketamine 0.2 mg/kg or "
      "normal saline as an intravenous infusion over 40 min within 1 h after delivery of the "
      "placenta."),
     {"routes": ["iv"]}),
    ("hp149", ("Oral transmucosal ketamine for breakthrough pain in palliative care: a "
      "prospective audit"),
     ("Results: Twenty-two patients used 314 doses. Median pain score fell from 7 to 3 at 20 min."),
     {"n": 22}),
    ("hp150", "Trends in ketamine exposures reported to US poison centers, 2010-2019",
     ("Results: There were 3,791 ketamine exposures during the study period. Adolescents aged "
      "13-19 years accounted for 23% of exposures."),
     {"ages": []}),
    ("hp154", ("Use of perioperative ketamine for opioid-sparing analgesia: a survey of members "
      "of a national anaesthesia society."),
     ("An electronic questionnaire was distributed to 925 consultant and trainee members; 287 "
      "responded (31%)."),
     {"conditions": ["acute_pain"], "n": 287}),
    ("hp154", ("Intranasal ketamine versus intranasal fentanyl for prehospital analgesia: a "
      "decision-analytic cost-consequence model."),
     ("Methods: A decision tree modelled a hypothetical cohort of 1,000 patients. Probabilities "
      "were taken from published trials and a systematic review."),
     {"design": "other"}),
    ("hp154", ("A randomised n-of-1 trial to guide esketamine dosing interval in a patient with "
      "treatment-resistant depression."),
     ("We report a randomised, blinded n-of-1 trial conducted in a 34-year-old woman with "
      "treatment-resistant depression who had responded to esketamine nasal spray."),
     {"design": "rct", "n": 1}),
    ("hp154", ("Barriers and facilitators to implementing esketamine nasal spray: a qualitative "
      "study of clinicians and managers."),
     ("METHODS: We interviewed 22 psychiatrists, nurses, pharmacists and service managers from "
      "nine services in England and Wales."),
     {"n": 22}),
    ("hp154", ("Ketamine for acute pain management in the emergency department: a modified "
      "Delphi consensus statement."),
     ("Results: The panel agreed that intravenous ketamine 0.1-0.3 mg/kg is appropriate for "
      "moderate to severe acute pain, that intranasal ketamine is a reasonable alternative when "
      "intravenous access is unavailable, and that routine co-administration of benzodiazepines "
      "is not recommended."),
     {"routes": ["iv", "intranasal"]}),
    ("hp154", ("Patient-reported outcomes and experiences at a ketamine infusion clinic: a "
      "mixed-methods service evaluation."),
     ("METHODS: All patients who started a course of intravenous ketamine for depression between "
      "2020 and 2022 were invited to complete a questionnaire."),
     {"conditions": ["depression"]}),
    ("hp154", ("Ketamine use trajectories among young people in Hong Kong: an in-depth interview "
      "study."),
     ("Participants: Thirty-five people aged 18-29 years who had used ketamine at least weekly "
      "for 6 months or more."),
     {"conditions": ["substance_use"]}),
    ("hp154", ("A randomized, blinded pilot study of ketamine on post-stroke depressive-like "
      "behavior in rats."),
     ("Methods: Adult male Sprague-Dawley rats were randomly allocated to a single "
      "intraperitoneal injection of ketamine (10 mg/kg) or saline. Results: Ketamine increased "
      "sucrose preference (standardized mean difference 1.1)."),
     {"design": "preclinical"}),
    ("hp154", ("Health care costs after initiation of esketamine versus electroconvulsive "
      "therapy: a retrospective claims analysis."),
     ("Methods: Adults with TRD initiating esketamine or ECT were matched 1:1 using propensity "
      "scores. Results: After matching, 1,026 patients were included in each cohort."),
     {"not_n": 1026}),
    ("hp154", "Esketamine nasal spray in routine care: a nationwide register-based cohort study.",
     ("METHODS: We identified all patients who started esketamine nasal spray for depression "
      "between 2020 and 2023. Outcomes were response, psychiatric hospitalisation, and suicide "
      "attempts in the following year."),
     {"conditions": ["depression"]}),
    ("hp154", ("Acceptability of intravenous ketamine for late-life depression: qualitative "
      "interviews with participants and carers in a pilot trial."),
     ("SETTING AND PARTICIPANTS: Eleven trial participants aged 66-81 years and seven carers were "
      "interviewed after the final infusion."),
     {"n": 18}),
    ("hp156", "Esketamine nasal spray in bipolar depression: a retrospective multicentre cohort",
     ("Methods: We retrospectively reviewed charts of patients with bipolar I or II disorder and "
      "a current depressive episode who failed at least two adequate treatments and received "
      "esketamine."),
     {"conditions": ["depression", "trd", "bipolar"]}),
    ("hp156", "Ketamine in severe and enduring anorexia nervosa: a case series",
     ("Glutamatergic dysfunction and obsessive-compulsive features have led to interest in NMDA "
      "receptor antagonists. We describe four women with severe and enduring anorexia nervosa who "
      "received intravenous ketamine infusions."),
     {"no_condition": "ocd"}),
    ("hp156", ("Ketamine for comorbid treatment-resistant depression in patients with eating "
      "disorders: a retrospective chart review"),
     ("Results: Thirty-one patients (29 female; mean age 27.4 years) met criteria. PHQ-9 scores "
      "fell from 19.6 to 11.2, and 14 patients (45%) met response criteria."),
     {"n": 31}),
    ("hp156", "Recreational ketamine use and risk of psychosis in young people in Hong Kong",
     ("Methods: In this case-control study, a total of 598 participants were included: 212 "
      "patients with first-episode psychosis and 386 community controls."),
     {"design": "observational"}),
    ("hp156", ("Are ketamine-induced psychotomimetic and dissociative symptoms associated with "
      "antidepressant response? A secondary analysis of a randomized trial in "
      "treatment-resistant depression"),
     ("Methods: 99 patients with treatment-resistant major depression received a single "
      "intravenous infusion of ketamine or midazolam."),
     {"conditions": ["depression", "trd"], "treatment": True}),
    ("hp156", ("Ketamine increases state anxiety and amygdala reactivity to fearful faces in "
      "healthy volunteers"),
     ("Results: Ketamine increased STAI-S scores and amygdala responses to fearful faces. "
      "Ketamine-induced anxiety correlated with amygdala-insula connectivity. Participants with "
      "higher trait anxiety showed larger responses."),
     {"no_condition": "anxiety"}),
    ("hp156", "Ketamine alters hierarchical belief updating in healthy volunteers",
     ("Thirty-one healthy participants (mean age 24.3 years; 15 female) completed a probabilistic "
      "reversal learning task on two occasions, once during intravenous S-ketamine and once "
      "during placebo."),
     {"n": 31}),
    ("hp156", ("Age-related differences in the psychotomimetic effects of ketamine: a comparison "
      "of young and older healthy adults"),
     ("METHODS: Forty healthy participants, young adults (aged 20-35 years; n = 20) and older "
      "adults (aged 65-80 years; n = 20), received intravenous ketamine 0.5 mg/kg and saline on "
      "separate days in randomized order."),
     {"n": 40}),
    ("hp156", ("Ketamine-induced increases in global brain connectivity resemble "
      "hyperconnectivity in early-course schizophrenia"),
     ("Methods: Resting-state fMRI data were obtained from 40 healthy volunteers during "
      "intravenous ketamine and saline infusion in a single-blind, placebo-controlled, "
      "fixed-order design."),
     {"design": "nonrandomized_trial"}),
    ("hp157", ("Adverse events during ketamine procedural sedation in a paediatric emergency "
      "department: a retrospective cohort study"),
     ("RESULTS: Of 2,314 sedation encounters screened, 1,876 met inclusion criteria, "
      "corresponding to 1,702 unique children (median age 6.1 years)."),
     {"n": 1702}),
    ("hp157", ("Prehospital ketamine versus fentanyl for trauma analgesia: a registry-based "
      "comparison"),
     ("Results: Of 5,102 eligible patients, 1,034 received ketamine. Emergence phenomena were "
      "recorded in 2.9% of ketamine patients.\nConclusions: Prehospital ketamine provided "
      "superior analgesia to fentanyl in injured adults, with few emergence reactions."),
     {"conditions": ["acute_pain"]}),
    ("hp157", ("Efficacy of ketamine in older adults with treatment-resistant depression: a "
      "secondary analysis of a randomized trial"),
     ("Methods: Secondary analysis of a randomized trial in which 312 participants were "
      "randomized to intravenous ketamine or ECT. Of these, 89 participants aged 65 years or "
      "older were included in the present analysis."),
     {"n": 89}),
    ("hp157", ("Ketamine for analgosedation in mechanically ventilated ICU patients: results "
      "from a Swiss multicentre ICU registry"),
     ("RESULTS: Of 41'362 ventilated patients in the registry, 2'148 (5.2%) received ketamine and "
      "formed the study cohort."),
     {"n": 2148}),
    ("hp157", ("Sublingual ketamine as premedication for bilateral impacted third molar surgery: "
      "a randomised, split-mouth, double-blind trial"),
     ("Materials and methods: Sixty patients requiring bilateral removal of symmetrically "
      "impacted mandibular third molars (120 extractions) were enrolled. Results: Fifty-four "
      "patients completed both sessions."),
     {"n": 60}),
    ("hp157", ("Nebulised ketamine for prevention of postoperative sore throat after tracheal "
      "intubation: a randomised controlled trial"),
     ("METHODS: Adults aged 18-60 years undergoing elective surgery with tracheal intubation were "
      "randomly allocated to two groups of 75 patients each, receiving nebulised ketamine 50 mg "
      "in 5 ml saline or 5 ml saline alone for 15 minutes before induction. Sedation, "
      "hallucinations and hemodynamic changes did not differ between groups."),
     {"conditions": ["acute_pain"]}),
    ("hp157", "Rapid antisuicidal effects of ketamine: an updated meta-analysis",
     ("Results: Thirty-six trials were included (k = 36; N = 2 871). In individual participant "
      "data from 11 trials (n = 642), effects remained significant."),
     {"n": 2871}),
    ("hp157", ("Ketamine-propofol versus propofol alone for sedation during ERCP in elderly "
      "patients"),
     ("Results: A total of 1.876 patients were included (ketofol group: 942; propofol group: "
      "934)."),
     {"n": 1876}),
    ("hp157", ("Ketamine infusion for critical asthma in children: a multicentre retrospective "
      "cohort from an administrative database"),
     ("Design: Retrospective cohort study using an administrative database of 45 US children's "
      "hospitals. Results: Of 21,468 eligible admissions, 19,937 met final inclusion criteria, "
      "representing 16,520 unique patients."),
     {"n": 16520}),
    ("hp157", ("Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover "
      "trial"),
     ("Methods: Adults with SAD (n=20; 55% female; mean age 29.7 years) received intravenous "
      "ketamine and midazolam in randomized order. Results: Eighteen of the 20 participants "
      "completed both infusions."),
     {"n": 20}),
    ("hp158", ("Effect of adding low-dose ketamine to intrathecal hyperbaric bupivacaine in "
      "elective caesarean delivery"),
     ("Methods: Eighty parturients were randomised to receive hyperbaric bupivacaine with either "
      "0.1 mg/kg ketamine or normal saline intrathecally. Ondansetron 4 mg and phenylephrine "
      "boluses were given intravenously as required."),
     {"routes": ["neuraxial"]}),
    ("hp158", ("Intramuscular ketamine versus intranasal midazolam before induction of "
      "anaesthesia in uncooperative children with autism spectrum disorder"),
     ("METHODS: The primary outcome was the need for physical restraint during intravenous "
      "cannulation or mask induction.\nCONCLUSIONS: IM ketamine was associated with smoother "
      "induction than intranasal midazolam in uncooperative children with autism."),
     {"conditions": ["anesthesia"]}),
    ("hp158", ("Oral ketamine after a positive intravenous ketamine challenge in chronic "
      "neuropathic pain: a retrospective review"),
     ("METHODS: We reviewed the records of 68 patients with chronic neuropathic pain who "
      "underwent an intravenous ketamine challenge. Responders were offered oral ketamine."),
     {"conditions": ["chronic_pain"], "treatment": True}),
    ("hp158", ("Ketamine added to ropivacaine in ultrasound-guided transversus abdominis plane "
      "block after caesarean section"),
     ("Methods: Seventy parturients undergoing elective caesarean section received bilateral TAP "
      "blocks with 0.375% ropivacaine, to which ketamine 0.5 mg/kg (divided between sides) or "
      "saline was added."),
     {"design": "rct"}),
    ("hp158", ("Neuraxial ketamine as an adjunct to local anaesthetics and opioids: a "
      "quantitative systematic review"),
     ("Randomized trials of epidural or intrathecal ketamine given with local anaesthetics or "
      "opioids for perioperative analgesia in adults were identified through systematic searches "
      "of MEDLINE, Embase and the Cochrane Library. Data on rescue analgesic consumption, time to "
      "first analgesic request and adverse effects were combined using a random-effects model. "
      "Nineteen trials with a total of 1048 patients met the inclusion criteria."),
     {"conditions": ["acute_pain"]}),
    ("hp158", ("Low-dose intravenous esketamine during epidural labour analgesia and postpartum "
      "depressive symptoms: a randomised controlled trial"),
     ("Methods: 164 women requesting epidural labour analgesia were randomised to esketamine 0.2 "
      "mg/kg infused intravenously, or saline. Epidural analgesia was maintained with ropivacaine "
      "0.08% and sufentanil 0.3 microg/mL by programmed intermittent epidural bolus."),
     {"conditions": ["depression"], "routes": ["iv"]}),
    ("hp158", ("Esketamine added to epidural ropivacaine-sufentanil for labour analgesia: a "
      "dose-finding randomised trial"),
     ("METHODS: Parturients were randomly assigned to an epidural maintenance solution that "
      "contained esketamine 0, 0.05, 0.1 or 0.2 mg/mL. Oxytocin was infused intravenously per "
      "institutional protocol."),
     {"routes": ["neuraxial"]}),
    ("hp158", ("Esketamine-based patient-controlled intravenous analgesia combined with erector "
      "spinae plane block for chronic post-surgical pain after video-assisted "
      "thoracoscopic surgery: protocol for a randomised trial"),
     ("Methods and analysis: 396 adults scheduled for VATS lobectomy will be randomised to "
      "patient-controlled intravenous analgesia with sufentanil plus esketamine or sufentanil "
      "alone."),
     {"conditions": ["chronic_pain"]}),
    ("hp158", ("Ketamine added to transforaminal epidural steroid injection for lumbar radicular "
      "pain: a randomized double-blind trial"),
     ("Methods: Eighty adults with lumbar radicular pain of more than 3 months' duration were "
      "randomized to epidural dexamethasone with or without ketamine."),
     {"conditions": ["chronic_pain"]}),
    ("hp158", "Sublingual ketamine lozenges for breakthrough pain in palliative care",
     ("Results: Thirty-two patients used 411 lozenges over a median of 9 days."),
     {"n": 32}),
    ("hp158", ("Intravenous subdissociative ketamine versus nebulized fentanyl for acute "
      "abdominal pain in the emergency department"),
     ("Methods: 110 adults were assigned to intravenous ketamine 0.3 mg/kg with nebulized saline, "
      "or nebulized fentanyl 4 microg/kg with intravenous saline."),
     {"routes": ["iv"]}),
    ("hp159", ("Ketamine for depression at the end of life: three cases from a palliative care "
      "unit."),
     ("METHODS: Three inpatients (aged 58, 71 and 79 years) with terminal malignancy and a major "
      "depressive episode received oral ketamine 0.5 mg/kg once daily."),
     {"design": "case_report"}),
    ("hp159", ("End-stage ketamine uropathy requiring augmentation ileocystoplasty: outcomes in "
      "four patients."),
     ("We describe four patients who underwent augmentation ileocystoplasty for intractable pain "
      "and frequency after a history of heavy ketamine misuse."),
     {"conditions": ["substance_use"]}),
    ("hp159", ("Long-term ketamine administration induces bladder fibrosis through "
      "TGF-beta1/Smad signalling in rats."),
     ("Ketamine-associated cystitis is a common complication among chronic ketamine abusers, but "
      "its pathogenesis remains unclear. Male Sprague-Dawley rats received intraperitoneal "
      "ketamine (30 mg/kg/day) or saline for 16 weeks."),
     {"conditions": ["substance_use"]}),
    ("hp159", "Sublingual ketamine for refractory pain in home palliative care: a case series.",
     ("Sublingual ketamine was commenced at 10 mg four times daily. Sublingual ketamine may be "
      "useful when the oral route is compromised."),
     {"routes": ["sublingual"]}),
    ("hp159", ("'K-cramps': recurrent severe abdominal pain in a man in his forties with chronic "
      "ketamine use."),
     ("A man in his forties presented to the emergency department eleven times over 12 months "
      "with episodic epigastric pain."),
     {"design": "case_report", "n": 1}),
    ("hp159", ("Anaesthetic management of radical cystectomy in a young woman with end-stage "
      "ketamine uropathy."),
     ("We describe a 27-year-old woman with a 7-year history of heavy ketamine use who underwent "
      "radical cystectomy. Ketamine was deliberately avoided to reduce the risk of relapse."),
     {"conditions": ["substance_use"]}),
    # hp160-hp164: 2015-2019 sample, ECT, protocols, dense numbers
    ("hp121", ("Rationale and design of a prospective, multinational, observational registry of "
      "esketamine nasal spray in routine clinical practice"),
     ("Purpose: This paper describes the design of a prospective, non-interventional "
      "registry.\nMethods: Approximately 1,000 adult patients with treatment-resistant depression "
      "who initiate esketamine as part of routine care will be enrolled at around 120 sites in 10 "
      "European countries and followed for up to 24 months."),
     {"n": 1000}),
    ("hp123", ("Kynurenine pathway metabolites and response to serial ketamine infusions in a "
      "naturalistic outpatient sample."),
     ("We collected serum from 41 outpatients with major depressive disorder or bipolar "
      "depression who received six ketamine infusions over 2-3 weeks as part of routine clinical "
      "care."),
     {"conditions": ["depression", "bipolar"]}),
    ("hp127", "Acute effects of ketamine on probabilistic reward learning in healthy volunteers.",
     ("Anhedonia and impaired reward learning are core features of depression, and ketamine has "
      "been reported to improve anhedonia rapidly. To examine whether these effects are present "
      "independently of depression, 40 healthy volunteers aged 18 to 45 years took part in a "
      "double-blind, placebo-controlled crossover study."),
     {"conditions": []}),
    ("hp138", ("Ketamine sedation for pediatric procedures in the emergency department: a 5-year "
      "experience."),
     ("DESIGN: Retrospective review of all ketamine sedations performed from 1991 to "
      "1995.\nPARTICIPANTS: One thousand twenty-two children aged 2 months to 15 "
      "years.\nMEASUREMENTS AND MAIN RESULTS: Transient airway complications occurred in 1.4%, "
      "including laryngospasm in 4 children."),
     {"n": 1022}),
    ("hp140", ("Perioperative esketamine and chronic postsurgical pain and depression after "
      "total knee arthroplasty in older patients: a randomized trial"),
     ("METHODS: Patients aged 65 to 85 years scheduled for unilateral TKA were randomized to "
      "esketamine (0.2 mg/kg intravenous bolus at induction followed by 0.1 mg/kg/h until the end "
      "of surgery and 1 mg/kg/48 h in the postoperative analgesia pump) or placebo. Postoperative "
      "pain scores and opioid consumption during the first 48 h were also lower in the esketamine "
      "group."),
     {"conditions": ["depression", "chronic_pain"]}),
    ("hp153", "The role of ketamine in the acute management of suicidal crisis: expert opinion",
     ("AREAS COVERED: This article reviews randomised trials of intravenous ketamine and "
      "intranasal esketamine in patients with suicidal ideation. It also considers the "
      "relationship between antisuicidal and antidepressant effects, the durability of benefit, "
      "and safety.\nEXPERT OPINION: Ketamine reduces suicidal ideation rapidly, partly "
      "independently of its effect on depressive symptoms, but whether this translates into "
      "reduced suicidal behaviour is unknown."),
     {"conditions": ["suicidality"]}),
    ("hp160", ("Ketamine and rapid reduction of suicidal thoughts in depression: a systematic "
      "review and individual participant data meta-analysis"),
     ("Method: A systematic literature search identified ten comparison-intervention studies of "
      "single-dose intravenous ketamine versus saline or midazolam. Individual participant data "
      "were obtained for participants with suicidal ideation at baseline (n=167)."),
     {"n": 167}),
    ("hp160", ("Caudal ketamine added to bupivacaine prolongs postoperative analgesia in "
      "children undergoing inguinal herniotomy"),
     ("Methods: Children undergoing unilateral inguinal herniotomy under sevoflurane anaesthesia "
      "received a caudal block with either 0.25% bupivacaine 1 ml/kg or the same volume with "
      "preservative-free ketamine 0.5 mg/kg. The duration of analgesia, FLACC pain scores, rescue "
      "paracetamol requirements and sedation were recorded for 24 h. Results: There were no "
      "differences in sedation scores, emergence agitation, motor block or vomiting."),
     {"conditions": ["acute_pain"]}),
    ("hp160", ("Use of subanaesthetic ketamine for acute perioperative pain: recommendations of "
      "a multidisciplinary expert panel"),
     ("Methods: A multidisciplinary panel was convened. A systematic literature review was "
      "performed, and recommendations were developed using a modified Delphi process."),
     {"design": "guideline"}),
    ("hp160", ("Oral midazolam-ketamine versus oral midazolam for premedication in preschool "
      "children"),
     ("Methods: A hundred children aged 2-6 years, ASA I-II, scheduled for elective surgery under "
      "general anaesthesia were randomly allocated to receive either oral midazolam or oral "
      "midazolam combined with oral ketamine."),
     {"n": 100}),
    ("hp160", ("Comparison of intramuscular alfaxalone-dexmedetomidine and "
      "ketamine-dexmedetomidine for anaesthesia during castration in cats"),
     ("Methods: Cats were randomly allocated to receive intramuscular alfaxalone (3 mg/kg) or "
      "ketamine (5 mg/kg), each combined with dexmedetomidine (10 ug/kg)."),
     {"routes": ["im"]}),
    ("hp160", ("Abuse liability of ketamine and esketamine: implications for the treatment of "
      "depression"),
     ("In this review, we summarise epidemiological data on recreational ketamine use and its "
      "consequences, including ketamine-induced uropathy and cognitive impairment. We then "
      "examine the available clinical trial data for signals of craving in patients with "
      "depression treated with repeated ketamine or esketamine."),
     {"conditions": ["depression", "substance_use"]}),
    ("hp161", ("Repeated intravenous ketamine in patients with depression who did not respond to "
      "electroconvulsive therapy: an open-label pilot study"),
     ("We conducted an open-label study of six ketamine infusions in 16 adults with major "
      "depressive disorder."),
     {"conditions": ["depression", "trd"]}),
    ("hp161", ("Seizure threshold and duration with etomidate, methohexital and ketamine in "
      "electroconvulsive therapy: a within-subject comparison"),
     ("Twenty-two patients with medication-resistant depression received three consecutive ECT "
      "sessions, each with a different anesthetic (etomidate 0.2 mg/kg, methohexital 1 mg/kg and "
      "ketamine 1 mg/kg, all intravenous) in randomized order."),
     {"conditions": ["depression", "trd", "anesthesia"]}),
    ("hp161", ("Patient preferences for ketamine, esketamine or electroconvulsive therapy in "
      "treatment-resistant depression: a discrete choice experiment"),
     ("Methods: Attributes included probability of response, memory side effects, need for "
      "general anaesthesia and cost. Results: A latent class analysis identified a group (38%) "
      "strongly averse to general anaesthesia."),
     {"conditions": ["depression", "trd"]}),
    ("hp161", ("Magnetic seizure therapy versus electroconvulsive therapy under ketamine "
      "anesthesia: a randomized pilot study"),
     ("METHODS: Twenty patients with a major depressive episode were randomized to MST or right "
      "unilateral ultrabrief ECT, both administered under ketamine anesthesia (0.8-1.0 mg/kg IV)."),
     {"conditions": ["depression", "anesthesia"]}),
    ("hp161", ("Current practice of anaesthesia for electroconvulsive therapy: a national survey "
      "of anaesthetists"),
     ("Methods: An online questionnaire was sent to lead anaesthetists at all ECT clinics in the "
      "country. Results: Responses were received from 143 of 176 anaesthetists (81%)."),
     {"n": 143}),
    ("hp161", ("Seizure quality with ketamine anesthesia in ultrabrief pulse right unilateral "
      "ECT: a prospective observational study"),
     ("Consecutive patients with unipolar or bipolar depression referred for ECT at two hospitals "
      "received ketamine as the sole induction agent."),
     {"conditions": ["depression", "bipolar", "anesthesia"]}),
    ("hp161", ("[Ketamine as an anaesthetic agent for electroconvulsive therapy: experience with "
      "three patients]"),
     ("We report three patients with pharmacoresistant severe depression in whom ECT under "
      "propofol produced insufficient seizures. After switching to ketamine as the anaesthetic "
      "agent, seizure durations increased."),
     {"conditions": ["depression", "trd", "anesthesia"]}),
    ("hp161", ("Ketamine augmentation of ECT: no effect on efficacy or cognitive outcomes in a "
      "randomized trial"),
     ("Objective: Small studies have suggested that ketamine used at anesthetic induction "
      "accelerates response to ECT.\nMethod: Patients with major depressive disorder referred for "
      "ECT at three Scottish hospitals were randomly assigned to ketamine (0.5 mg/kg) or saline, "
      "given intravenously immediately before propofol induction.\nConclusions: Adding ketamine "
      "at induction does not enhance ECT efficacy and cannot be recommended."),
     {"conditions": ["depression", "anesthesia"]}),
    ("hp161", "Ketamine anesthesia for ECT: a double-blind comparison with thiopental",
     ("Twelve patients with endogenous depression scheduled for electroconvulsive therapy were "
      "studied."),
     {"conditions": ["depression", "anesthesia"]}),
    ("hp163", ("Safety, tolerability and pharmacokinetics of single ascending oral doses of "
      "arketamine in healthy adults: a randomized, double-blind, placebo-controlled "
      "phase 1 study"),
     ("In this first-in-human study, 32 healthy adults (aged 18-55 years) were enrolled in four "
      "sequential cohorts of eight; within each cohort, six participants were randomized to oral "
      "arketamine (20, 60, 120 or 240 mg) and two to placebo."),
     {"n": 32}),
    ("hp163", ("Antidepressant efficacy of ketamine in major depressive disorder without "
      "treatment resistance: a randomized, double-blind, saline-controlled trial"),
     ("Objectives: Most ketamine trials have enrolled patients with treatment-resistant "
      "depression; we examined patients with non-resistant major depressive disorder (MDD)."),
     {"conditions": ["depression"]}),
    ("hp163", ("Ketamine for rapid reduction of suicidal ideation: an individual participant "
      "data meta-analysis"),
     ("Objective: To determine whether a single dose of ketamine rapidly reduces suicidal "
      "ideation, independent of its effects on depressive symptoms.\nMethod: Individual "
      "participant data were obtained from 10 comparison-intervention studies of a single "
      "intravenous ketamine dose (0.2-0.5 mg/kg) versus placebo or midazolam (n = 167 "
      "participants with suicidal ideation at baseline)."),
     {"conditions": ["suicidality"], "n": 167}),
    ("hp163", "Dose matters: comment on a dose-ranging trial of ketamine for depression",
     ("We read with interest the recent report of a multisite trial in which 99 patients with "
      "treatment-resistant depression were randomized to one of four doses of intravenous "
      "ketamine (0.1-1.0 mg/kg) or midazolam."),
     {"n": None}),
    ("hp164", ("Rationale and design of the ESK-REAL registry: a prospective, multinational, "
      "observational registry of esketamine nasal spray in patients with "
      "treatment-resistant depression"),
     ("Methods: ESK-REAL is a prospective, multinational, non-interventional registry that aims "
      "to enrol approximately 1000 adult patients with treatment-resistant depression who "
      "initiate esketamine nasal spray as part of routine care."),
     {"n": 1000}),
    ("hp164", ("A phase 2a, randomized, double-blind, placebo-controlled study of arketamine in "
      "patients with treatment-resistant depression: study design and rationale"),
     ("Approximately 100 patients aged 18 to 64 years with a current major depressive episode and "
      "an inadequate response to at least two antidepressants will be randomized in a 1:1:1 ratio "
      "to a single 40-minute intravenous infusion of arketamine 60 mg, arketamine 120 mg, or "
      "placebo."),
     {"n": 100}),
    ("hp164", ("Maintenance subcutaneous ketamine for treatment-refractory generalised and "
      "social anxiety disorders: study protocol for a randomised withdrawal trial"),
     ("Methods: Adults with GAD and/or SAD will receive weekly subcutaneous ketamine. "
      "Approximately 140 participants will enter the open-label phase."),
     {"n": 140}),
    ("hp164", ("Statistical analysis plan for a randomised trial of esketamine and "
      "neurocognitive recovery after major abdominal surgery in older patients"),
     ("Background: We are conducting a multicentre, double-blind, placebo-controlled trial to "
      "determine whether low-dose esketamine reduces delayed neurocognitive recovery in older "
      "patients. The trial will enrol 1,086 patients.\nMethods/design: This paper details the "
      "statistical analysis plan."),
     {"n": 1086}),
    ("hp164", ("Design of the phase 3 clinical development programme of esketamine nasal spray "
      "in Japanese patients with treatment-resistant depression"),
     ("Methods: The programme comprises a 4-week, randomised, double-blind, placebo-controlled "
      "induction study, in which 202 patients are to be randomised to esketamine or placebo."),
     {"design": "protocol"}),
    ("hp164", ("Protocol for a prospective cohort study of outcomes of ketamine treatment in "
      "community ketamine clinics: the KETCOHORT study"),
     ("Methods and analysis: KETCOHORT is a prospective, multisite cohort study that will recruit "
      "approximately 500 patients starting ketamine treatment at 12 community clinics. "
      "Participants will complete electronic assessments of depression (PHQ-9), anxiety (GAD-7), "
      "PTSD symptoms (PCL-5), suicidal ideation and substance use at baseline and 1, 3, 6 and 12 "
      "months."),
     {"no_condition": "ptsd", "n": 500}),
    ("hp164", ("Ketamine versus etomidate for emergency tracheal intubation in critically ill "
      "adults: protocol of a multicentre randomised trial"),
     ("Methods: This trial will randomise critically ill adults to intravenous ketamine or "
      "intravenous etomidate for induction. Two thousand three hundred and sixty-four patients "
      "will be randomised."),
     {"n": 2364}),
    ("hp164", ("Intranasal ketamine versus intranasal fentanyl for pain in children with "
      "suspected limb fractures: protocol of a non-inferiority randomised trial"),
     ("Methods: Children aged 3 to 17 years will receive intranasal ketamine 1.5 mg/kg or "
      "intranasal fentanyl 2 micrograms/kg. The sample size is 2 x 78 children, for a total of "
      "156."),
     {"n": 156}),
    ("hp164", ("Low-dose esketamine for depressive symptoms in older patients after hip "
      "arthroplasty: a study protocol"),
     ("Objectives: Depressive symptoms after joint replacement in older adults are associated "
      "with poor rehabilitation and prolonged hospital stay.\nPatients will be randomly divided "
      "into an esketamine group (0.2 mg/kg intravenous bolus after induction followed by "
      "esketamine in the postoperative analgesia pump) and a control group (saline). The "
      "estimated sample size is 168 patients.\nConclusions: This trial will provide evidence on "
      "the perioperative use of esketamine to prevent worsening depression in older orthopaedic "
      "patients."),
     {"conditions": ["depression"], "n": 168}),
    ("hp164", ("Ketamine combined with dexmedetomidine for awake fibreoptic intubation: protocol "
      "for a prospective randomised study"),
     ("Methods: Adult patients will be randomised to dexmedetomidine with or without a ketamine "
      "bolus of 0.5 mg/kg intravenously. Sixty-four patients are planned (32 in each group)."),
     {"n": 64}),
    # hp162: human pharmacology (pharmacokinetics, interactions, volunteers)
    ("hp123", ("Pharmacokinetics of esketamine nasal spray in elderly and younger healthy "
      "subjects: an open-label, parallel-group phase 1 study."),
     ("METHODS: Healthy elderly subjects (aged 65 years or older, n = 12) and healthy younger "
      "adults (18-55 years, n = 12) received a single 28-mg dose of esketamine nasal spray."),
     {"n": 24}),
    ("hp123", ("Ketamine increases visual gamma power in magnetoencephalography in major "
      "depressive disorder."),
     ("METHODS: Medication-free participants with major depressive disorder (n = 31) and healthy "
      "controls (n = 25) took part in a double-blind, placebo-controlled crossover study in which "
      "they received an intravenous infusion of ketamine hydrochloride (0.5 mg/kg) and an "
      "infusion of saline two weeks apart."),
     {"n": 56}),
    ("hp149", ("Transdermal delivery of ketamine: pharmacokinetics of a 72-hour patch compared "
      "with intravenous administration in healthy volunteers"),
     ("A drug-in-adhesive ketamine patch was applied to the upper arm of 14 healthy adult "
      "volunteers for 72 h. On a separate occasion, subjects received ketamine 10 mg "
      "intravenously to calculate bioavailability. Norketamine/ketamine ratios were lower than "
      "reported after oral dosing."),
     {"routes": ["iv", "topical"]}),
    ("hp162", "Pharmacokinetics of ketamine and norketamine after oral administration in man",
     ("Ketamine hydrochloride 0.5 mg/kg was given orally and, on a separate occasion at least one "
      "week later, intravenously to six healthy male volunteers."),
     {"design": "nonrandomized_trial", "n": 6}),
    ("hp162", ("Clarithromycin markedly increases plasma concentrations of orally administered "
      "S-ketamine"),
     ("Methods: In a randomized, placebo-controlled crossover study with two phases, 10 healthy "
      "volunteers took clarithromycin 500 mg or placebo twice daily for 4 days. Behavioural and "
      "analgesic effects were monitored for 12 h.\nResults: The analgesic effect on cold pressor "
      "pain was not altered."),
     {"conditions": [], "n": 10}),
    ("hp162", ("The CYP2B6 inhibitor ticlopidine increases the exposure to oral S-ketamine: a "
      "randomized, double-blind crossover study"),
     ("METHODS: Eleven healthy volunteers took ticlopidine 250 mg or placebo twice daily for 6 "
      "days in a randomized, double-blind, two-phase crossover design."),
     {"n": 11}),
    ("hp162", ("Ketamine toxicity after initiation of clarithromycin in a patient receiving oral "
      "ketamine for neuropathic pain: a case report"),
     ("Oral ketamine is occasionally prescribed for refractory neuropathic pain."),
     {"conditions": ["chronic_pain"], "treatment": True}),
    ("hp162", ("Pharmacokinetics of a rapidly dissolving sublingual ketamine wafer in healthy "
      "volunteers: an open-label, single-dose study"),
     ("Aims: Sublingual delivery may bypass part of the first-pass metabolism that limits oral "
      "ketamine. We characterized the pharmacokinetics of a novel 25-mg sublingual ketamine "
      "wafer.\nMethods: Eight healthy adult volunteers received the 25-mg wafer sublingually and, "
      "on a separate day in fixed sequence, ketamine 10 mg as an intravenous bolus.\nConclusions: "
      "The sublingual wafer provides bioavailability modestly higher than expected for oral "
      "ketamine."),
     {"routes": ["iv", "sublingual"]}),
    ("hp162", ("Pharmacokinetics, safety and tolerability of esketamine nasal spray in healthy "
      "elderly and younger adult subjects: an open-label phase 1 study"),
     ("Methods: In this open-label, single-dose, parallel-group phase 1 study, healthy elderly "
      "subjects aged 65 to 80 years (n = 12) and younger adults aged 18 to 55 years (n = 12) "
      "self-administered a single 28-mg dose of esketamine nasal spray."),
     {"n": 24}),
    ("hp162", ("Effect of hepatic impairment on the pharmacokinetics of esketamine administered "
      "as a nasal spray"),
     ("This open-label, parallel-group study enrolled subjects with mild (Child-Pugh class A, n = "
      "8) or moderate (Child-Pugh class B, n = 8) hepatic impairment and 16 demographically "
      "matched subjects with normal hepatic function."),
     {"n": 32}),
    ("hp162", ("Contribution of norketamine to S-ketamine analgesia in healthy volunteers: a "
      "population pharmacokinetic-pharmacodynamic modelling study"),
     ("BACKGROUND: Norketamine is the main active metabolite of ketamine, but its contribution to "
      "analgesia is unclear.\nMETHODS: Twenty healthy male volunteers received escalating "
      "S-ketamine infusions or placebo in a randomized, double-blind, crossover design. Pain "
      "responses to transcutaneous electrical stimulation and heat were measured repeatedly."),
     {"conditions": []}),
    ("hp162", ("Systemic absorption of topical amitriptyline-ketamine cream in patients with "
      "painful diabetic peripheral neuropathy"),
     ("In this open-label study, 22 patients with painful diabetic peripheral neuropathy applied "
      "4 g of a cream containing 2% amitriptyline and 1% ketamine to both feet three times daily "
      "for 7 days. Plasma ketamine was below the lower limit of quantification (1 ng/mL) in 18 "
      "patients and did not exceed 6 ng/mL in any patient; norketamine was detectable in 5."),
     {"n": 22}),
    ("hp162", ("Concentration-dependent effects of S-ketamine on the electroencephalogram: a "
      "pharmacokinetic-pharmacodynamic analysis"),
     ("The effects of S-ketamine on the electroencephalogram (EEG) were characterized in twelve "
      "healthy volunteers using a stepwise increasing target-controlled infusion to plasma "
      "concentrations of 0.25, 0.5, 1.0 and 2.0 microg/mL. S-ketamine produced a "
      "concentration-dependent increase in gamma and theta power and a decrease in alpha power, "
      "while the bispectral index increased paradoxically at sedative concentrations. Processed "
      "EEG indices designed for GABAergic anaesthetics are unsuitable for monitoring the depth of "
      "ketamine anaesthesia."),
     {"conditions": [], "routes": ["iv"], "design": "nonrandomized_trial", "n": 12}),
    ("hp162", ("Population pharmacokinetics of esketamine nasal spray and its metabolite "
      "noresketamine in healthy subjects and patients with treatment-resistant "
      "depression"),
     ("Methods: Data from 8 phase 1 and 2 phase 3 studies were pooled (N = 820 subjects; 7893 "
      "esketamine and 7548 noresketamine concentrations), including healthy subjects and patients "
      "with treatment-resistant depression aged 18 to 86 years."),
     {"design": "other"}),
    ("hp162", ("Buccal ketamine in palliative care: plasma concentrations and analgesic effect "
      "in patients with cancer pain"),
     ("Methods: Twelve patients received a single 25-mg dose of buccal ketamine, and plasma "
      "ketamine and norketamine were measured up to 6 h.\nResults: Median buccal bioavailability, "
      "estimated against published intravenous clearance, was 24%.\nConclusion: Buccal ketamine "
      "is absorbed with bioavailability similar to oral administration."),
     {"routes": ["sublingual"]}),
    ("hp162", ("Intranasal ketamine for analgesia in children with acute limb injuries: plasma "
      "concentrations with a sparse sampling design"),
     ("Methods: Open-label study in a paediatric emergency department. Two venous samples per "
      "child were drawn at randomly assigned times within 90 minutes, and a population model was "
      "fitted."),
     {"design": "nonrandomized_trial"}),
    ("hp162", ("Impact of CYP2B6*6 on the pharmacokinetics and pharmacodynamics of oral "
      "S-ketamine in healthy volunteers: a genotype-stratified study"),
     ("METHODS: Healthy volunteers were recruited according to genotype (CYP2B6*1/*1, n = 12; "
      "*1/*6, n = 10; *6/*6, n = 8) and received a single oral dose of S-ketamine 0.3 mg/kg."),
     {"design": "nonrandomized_trial"}),
    # hp165-169: a 2005-2011 sample; palliative care and geriatrics; emergency medicine;
    # obstetrics and dentistry; human mechanistic studies
    ("hp165", ("Does ketamine reduce postoperative pain and opioid consumption? A quantitative "
      "systematic review of randomized trials."),
     ("We searched MEDLINE, EMBASE and the Cochrane Library (to March 2005) for randomized, "
      "double-blind trials that compared perioperative ketamine with placebo in adults undergoing "
      "surgery. Fifty-three trials were retrieved; 37 trials (2,385 patients) provided data that "
      "could be combined. Ketamine was given intravenously as a bolus, as a continuous infusion, "
      "or added to morphine for patient-controlled analgesia; trials of epidural or caudal "
      "ketamine were excluded."),
     {"ages": ["adult"]}),
    ("hp165", "Ketamine as an adjuvant to opioids for cancer pain.",
     ("SEARCH METHODS: We searched CENTRAL, MEDLINE, EMBASE and CANCERLIT to June 2011, and "
      "reference lists of retrieved articles. Data were insufficient for meta-analysis."),
     {"design": "systematic_review"}),
    ("hp165", ("Use of ketamine for chronic non-cancer pain: a postal survey of pain clinics in "
      "the United Kingdom."),
     ("We received 174 replies (response rate 70%)."),
     {"n": 174}),
    ("hp165", ("S(+)-ketamine prevents remifentanil-induced postoperative hyperalgesia after "
      "gynaecological laparoscopy."),
     ("METHODS: Women undergoing laparoscopic hysterectomy under propofol-remifentanil "
      "anaesthesia were randomized to S(+)-ketamine 0.5 mg kg(-1) i.v. at induction followed by 2 "
      "microg kg(-1) min(-1) until the end of surgery (n = 30) or the same volume of saline (n = "
      "30)."),
     {"n": 60}),
    ("hp166", ("'Burst' ketamine for intractable pain from pancreatic cancer in a hospice "
      "inpatient: a case report"),
     ("We describe a 58-year-old man admitted to an inpatient hospice with severe epigastric and "
      "back pain despite hydromorphone 60 mg/24 h by continuous subcutaneous infusion and a "
      "previous coeliac plexus block. A 3-day 'burst' of intravenous ketamine, starting at 100 "
      "mg/24 h and increased to 300 mg/24 h, was given through his implanted port. He was then "
      "converted to oral ketamine 25 mg three times daily and discharged home, where his pain "
      "remained controlled until his death five weeks later."),
     {"routes": ["iv", "oral"]}),
    ("hp166", ("Ketamine as an adjuvant to opioids for cancer pain in adults: a systematic "
      "review and meta-analysis of randomised controlled trials"),
     ("Results: Nine trials (n = 438) met the inclusion criteria; ketamine was given "
      "intravenously in four, subcutaneously in two, orally in two and intrathecally in one."),
     {"routes": ["iv", "oral", "subcutaneous", "neuraxial"]}),
    ("hp166", ("Single-dose intravenous ketamine for depression in terminally ill patients: a "
      "case series"),
     ("We report three patients receiving palliative care (aged 54, 71 and 77 years) with "
      "metastatic cancer and a major depressive episode who received a single infusion of "
      "ketamine 0.5 mg/kg over 40 minutes."),
     {"ages": ["adult", "older_adult"]}),
    ("hp166", ("Ketamine for pain in adult palliative care: clinical practice guideline from a "
      "regional palliative care network"),
     ("Purpose: To provide evidence-informed recommendations on the use of ketamine in adults "
      "receiving palliative care who have pain not adequately controlled by opioids.\nMethods: A "
      "multidisciplinary working group of palliative medicine physicians, pharmacists and nurses "
      "reviewed the literature to June 2019 and developed recommendations using a modified Delphi "
      "process with two rounds."),
     {"conditions": ["chronic_pain"]}),
    ("hp166", ("An audit of ketamine prescribing against local guidance in a community "
      "specialist palliative care service"),
     ("Results: Fifty-two patients were prescribed ketamine, 47 for cancer-related neuropathic "
      "pain."),
     {"conditions": ["chronic_pain"]}),
    ("hp166", ("Reversal of opioid-induced hyperalgesia with low-dose ketamine in a patient with "
      "metastatic breast cancer"),
     ("A 46-year-old woman with metastatic breast cancer developed escalating, diffuse allodynia "
      "while her morphine infusion was rapidly increased to 240 mg/24 h."),
     {"conditions": ["chronic_pain"]}),
    ("hp166", ("Ketamine enhances mu-opioid receptor signalling and attenuates morphine-induced "
      "desensitisation in human neuroblastoma SH-SY5Y cells"),
     ("Ketamine is used clinically to reduce opioid requirements and reverse opioid tolerance, "
      "but the cellular basis of this interaction is unclear. These findings suggest a direct "
      "cellular mechanism for the opioid-sparing effect of ketamine."),
     {"conditions": []}),
    ("hp166", ("Ketamine-induced hallucinations and delirium in an elderly palliative care "
      "patient: a case report"),
     ("An 82-year-old woman with metastatic colorectal cancer and neuropathic pelvic pain was "
      "started on oral ketamine 10 mg four times daily as an adjuvant to oxycodone."),
     {"conditions": ["chronic_pain"]}),
    ("hp166", ("Intraoperative ketamine infusion and chronic postsurgical pain after mastectomy "
      "for breast cancer: a randomized controlled trial"),
     ("We evaluated whether intraoperative ketamine reduces chronic postsurgical pain and acute "
      "opioid requirements after mastectomy."),
     {"conditions": ["chronic_pain", "acute_pain"]}),
    ("hp166", ("Ketamine as an adjunct sedative in mechanically ventilated older adults: a "
      "propensity-matched cohort study"),
     ("Conclusions: Adjunctive ketamine infusion reduced sedative and opioid exposure in older "
      "ventilated adults without affecting delirium."),
     {"ages": ["older_adult"]}),
    ("hp166", ("Pharmacokinetics of ketamine and norketamine after oral and subcutaneous "
      "administration in palliative care patients with cancer pain"),
     ("Methods: Twelve patients with cancer pain receiving palliative care were given a single "
      "subcutaneous dose of ketamine 25 mg and, after a washout of 48 h, a single oral dose of 50 "
      "mg, in an open sequential design."),
     {"design": "nonrandomized_trial"}),
    ("hp166", ("Expert consensus on the perioperative use of esketamine in elderly patients "
      "(2023 edition)"),
     ("Recommended doses for elderly patients are generally 30-50% lower than those for younger "
      "adults."),
     {"ages": ["older_adult"]}),
    ("hp167", ("Ketamine versus etomidate for rapid sequence intubation in critically ill "
      "adults: a multicentre randomised controlled trial."),
     ("Findings: Of 801 patients screened, 655 underwent randomisation; 328 were assigned to "
      "ketamine and 327 to etomidate."),
     {"n": 655}),
    ("hp167", ("Emergency department presentations related to recreational ketamine use: a "
      "five-year retrospective review."),
     ("A total of 233 patients were included; median age was 24 years (range 16-41) and 68% were "
      "male."),
     {"ages": ["child", "adult"]}),
    ("hp167", ("Shock index and peri-intubation cardiac arrest in emergency department patients "
      "intubated with ketamine."),
     ("We examined the relationship between pre-intubation shock index (SI) and peri-intubation "
      "cardiac arrest in patients induced with ketamine."),
     {"conditions": ["anesthesia"]}),
    ("hp167", ("Predictors of airway and respiratory adverse events with ketamine sedation in "
      "the emergency department: an individual-patient data analysis."),
     ("Independent predictors of airway and respiratory adverse events were high intravenous dose "
      "(initial dose >=2.5 mg/kg or total dose >=5.0 mg/kg), administration to children younger "
      "than 2 years or aged 13 years or older, and use of coadministered anticholinergics or "
      "benzodiazepines."),
     {"ages": ["child"]}),
    ("hp168", ("Pre-emptive intravenous ketamine for pain control after surgical removal of "
      "impacted mandibular third molars: a double-blind randomized trial"),
     ("Purpose: The purpose of this study was to assess whether a single pre-emptive dose of "
      "ketamine reduces postoperative pain after third molar surgery performed under intravenous "
      "sedation."),
     {"conditions": ["acute_pain"]}),
    ("hp168", ("Submucosal infiltration of ketamine versus dexamethasone for postoperative pain, "
      "swelling and trismus after third molar surgery"),
     ("This split-mouth randomized clinical trial compared the effects of submucosal ketamine and "
      "submucosal dexamethasone on postoperative sequelae of mandibular third molar surgery. "
      "Thirty patients with bilateral, symmetrically impacted lower third molars were enrolled. "
      "On one side, ketamine 0.5 mg/kg was infiltrated submucosally in the vestibule adjacent to "
      "the surgical site before incision; on the contralateral side, dexamethasone 4 mg was "
      "infiltrated in the same way."),
     {"design": "rct"}),
    ("hp168", ("Esketamine-based patient-controlled intravenous analgesia after cesarean "
      "delivery: effects on pain, sleep and early postpartum depressive symptoms"),
     ("This randomized, double-blinded trial enrolled 240 parturients undergoing cesarean "
      "delivery under spinal anesthesia. After surgery, patients were assigned to "
      "patient-controlled intravenous analgesia (PCIA) with sufentanil 2 ug/kg (group S) or "
      "sufentanil 2 ug/kg plus esketamine 1.5 mg/kg (group E) for 48 h. Pain was assessed with "
      "the numerical rating scale, sleep with the Pittsburgh Sleep Quality Index and depressive "
      "symptoms with the EPDS."),
     {"n": 240, "design": "rct"}),
    ("hp168", ("Topical ketamine mouth rinse for refractory burning mouth syndrome: report of "
      "three cases"),
     ("Burning mouth syndrome (BMS) is a chronic orofacial pain condition, predominantly "
      "affecting peri- and postmenopausal women, for which treatment options are limited."),
     {"conditions": ["chronic_pain"]}),
    ("hp168", ("Compounded topical amitriptyline-ketamine cream for provoked vestibulodynia: a "
      "retrospective chart review"),
     ("Objective: To evaluate patient-reported outcomes with a compounded topical cream "
      "containing amitriptyline 2% and ketamine 1% for provoked vestibulodynia."),
     {"conditions": ["chronic_pain"]}),
    ("hp168", ("Intraoperative ketamine for breakthrough pain during caesarean delivery under "
      "neuraxial anaesthesia: a retrospective analysis"),
     ("Methods: We identified all caesarean deliveries performed under spinal, epidural or "
      "combined spinal-epidural anaesthesia between 2016 and 2022 in which intravenous ketamine "
      "was administered for intraoperative pain, using our anaesthesia information management "
      "system."),
     {"routes": ["iv"]}),
    ("hp168", ("Effects of ketamine, propofol and thiopental on the contractility of isolated "
      "pregnant human myometrium"),
     ("We compared the direct effects of ketamine, propofol and thiopental on oxytocin-induced "
      "contractions of pregnant human myometrium in vitro. Myometrial biopsies were obtained from "
      "18 women undergoing elective caesarean delivery at term. Strips were mounted in organ "
      "baths and exposed to cumulative concentrations (10^-6 to 10^-3 M) of each agent after "
      "oxytocin pre-stimulation."),
     {"n": None, "design": "preclinical", "population": "in_vitro"}),
    ("hp168", ("Sedation failure with oral midazolam-ketamine in paediatric dentistry: a "
      "ten-year retrospective cohort"),
     ("BACKGROUND: Identifying predictors of failed oral sedation could help clinicians select "
      "children who should be referred directly for general anaesthesia."),
     {"routes": ["oral"]}),
    ("hp169", ("BDNF Val66Met genotype and antidepressant response to ketamine: a pooled "
      "analysis of three randomized controlled trials"),
     ("Methods: We genotyped rs6265 in participants from three placebo-controlled crossover "
      "trials of intravenous ketamine (0.5 mg/kg) in treatment-resistant major depression and "
      "treatment-resistant bipolar depression (total N = 118)."),
     {"conditions": ["depression", "trd", "bipolar"]}),
    ("hp169", ("Ketamine-induced reduction in metabotropic glutamate receptor 5 availability is "
      "associated with treatment response: a [11C]ABP688 PET study"),
     ("METHODS: Ten patients with major depressive disorder and ten matched healthy control "
      "subjects underwent [11C]ABP688 positron emission tomography scans before and 24 hours "
      "after a single intravenous ketamine administration (0.5 mg/kg over 40 min)."),
     {"n": 20}),
    ("hp169", ("CYP2B6*6 genotype, noresketamine exposure and clinical outcomes of esketamine "
      "nasal spray in routine practice"),
     ("Methods: In this prospective cohort study, 74 adult patients starting esketamine nasal "
      "spray for treatment-resistant depression at two university hospitals were genotyped for "
      "CYP2B6*6."),
     {"n": 74}),
    ("hp169", ("Synaptic density and ketamine response in depression and PTSD: an [11C]UCB-J PET "
      "study"),
     ("Methods: Twenty-six unmedicated individuals with major depressive disorder or "
      "post-traumatic stress disorder underwent [11C]UCB-J PET before and 24 hours after a single "
      "open-label ketamine infusion (0.5 mg/kg over 40 min); 21 healthy comparison subjects were "
      "scanned once."),
     {"n": 47}),
    ("hp169", "Genome-wide association study of antidepressant response to ketamine and esketamine",
     ("Methods: We performed a GWAS meta-analysis of response in 1020 individuals of European "
      "ancestry with depression treated with intravenous ketamine or intranasal esketamine in "
      "clinical trials and naturalistic cohorts from seven sites."),
     {"n": 1020, "design": "observational"}),
    ("hp169", "Altered thalamocortical connectivity in chronic recreational ketamine users",
     ("We used resting-state functional MRI to examine thalamocortical connectivity in 41 chronic "
      "ketamine users (use at least four times a week for at least 12 months) and 44 age- and "
      "sex-matched drug-naive healthy controls."),
     {"n": 85}),
    ("hp169", ("Is dissociation necessary for the antidepressant effect of ketamine? An "
      "individual participant data meta-analysis"),
     ("Methods: We pooled individual participant data from eight randomized controlled trials of "
      "intravenous ketamine in major depressive disorder or bipolar depression (N = 590)."),
     {"n": 590}),
    ("hp169", ("Family history of alcohol use disorder and antidepressant response to ketamine: "
      "a pooled analysis of four randomized controlled trials"),
     ("Background: Several small studies have reported that a family history of alcohol use "
      "disorder (AUD) in a first-degree relative is associated with a better antidepressant "
      "response to ketamine, possibly reflecting shared NMDA receptor-related "
      "vulnerability.\nMethods: We pooled data from four double-blind, placebo-controlled "
      "crossover trials of a single intravenous ketamine infusion (0.5 mg/kg) in patients with "
      "treatment-resistant major depressive disorder (n = 120). Family history of AUD was "
      "ascertained with the Family Interview for Genetic Studies."),
     {"conditions": ["depression", "trd"]}),
    # older probe rounds: records whose tags changed with the same fixes
    ("hp109", ("Oral ketamine for opioid-induced hyperalgesia in a patient with metastatic "
      "pancreatic cancer"),
     ("Opioid-induced hyperalgesia (OIH) is a paradoxical increase in pain sensitivity during "
      "opioid therapy that can be mistaken for disease progression."),
     {"conditions": ["chronic_pain"]}),
    ("hp131", ("Deaths involving ketamine in England and Wales, 1999-2019: an analysis of "
      "coroners' reports."),
     ("We identified 224 deaths; the median age was 30 years (range 16-64) and 79% were male."),
     {"ages": ["child", "adult"]}),
    ("hp139", ("Comparative efficacy of analgesics for renal colic in the emergency department: "
      "a systematic review and network meta-analysis"),
     ("We searched PubMed, Embase and the Cochrane Library for randomized controlled trials "
      "comparing parenteral, intranasal or nebulized analgesics for adults with renal colic in "
      "the emergency department. Sixty-five trials involving 8,633 patients were included in a "
      "Bayesian network meta-analysis of 14 interventions, including NSAIDs, opioids, "
      "paracetamol, lidocaine, intravenous ketamine and intranasal ketamine. NSAIDs ranked "
      "highest for pain reduction at 30 minutes (SUCRA 0.83)."),
     {"ages": ["adult"]}),
    ("hp141", "Transport of ketamine across the human placenta: an ex vivo dual perfusion study.",
     ("Methods: Term placentas were obtained after uncomplicated caesarean deliveries from 9 "
      "women who gave written consent."),
     {"n": None, "design": "preclinical", "population": "in_vitro"}),
    ("hp159", ("Ketamine for depression at the end of life: three cases from a palliative care "
      "unit."),
     ("METHODS: Three inpatients (aged 58, 71 and 79 years) with terminal malignancy and a DSM-5 "
      "major depressive episode received oral ketamine 0.5 mg/kg once daily."),
     {"ages": ["adult", "older_adult"]}),
    # hp170-174: a 2020-2023 sample; suicidality and bipolar disorder; chronic pain; substance use;
    # unusual report structures
    ("hp170", ("Ketamine-associated uropathy with bilateral hydronephrosis in a young man: a "
      "case report"),
     ("We report a 26-year-old man with a 5-year history of daily recreational ketamine "
      "insufflation who presented with urinary frequency every 15 minutes, dysuria, haematuria "
      "and flank pain."),
     {"routes": []}),
    ("hp171", ("Suicidal ideation and behavior reported with esketamine: a pharmacovigilance "
      "study using the FDA Adverse Event Reporting System."),
     ("METHODS: We conducted a disproportionality analysis of FAERS reports from March 2019 to "
      "March 2022 in which esketamine was the primary suspect drug. Esketamine was associated "
      "with disproportionate reporting of suicidal ideation (ROR 6.7) and completed suicide (ROR "
      "3.3) versus all other drugs, but not versus venlafaxine or other antidepressants used for "
      "resistant depression."),
     {"conditions": ["suicidality"]}),
    ("hp171", ("Manic switch after esketamine nasal spray in a patient with unipolar "
      "treatment-resistant depression."),
     ("After the sixth session he developed elevated mood, decreased need for sleep, pressured "
      "speech and grandiosity meeting criteria for a manic episode. Clinicians should monitor for "
      "affective switches during esketamine treatment, even in patients without a bipolar "
      "diathesis."),
     {"conditions": ["depression", "trd"]}),
    ("hp171", ("Ketamine and suicidal ideation: a narrative review of mechanisms and clinical "
      "evidence."),
     ("In this review, we summarise evidence from randomized trials of intravenous ketamine and "
      "intranasal esketamine, discuss whether the anti-suicidal effect is independent of the "
      "antidepressant effect, and consider proposed mechanisms, including glutamatergic "
      "modulation, reduced psychological pain, and effects on inflammatory and sleep pathways."),
     {"conditions": ["suicidality"]}),
    ("hp171", ("Anti-suicidal response following ketamine infusion is associated with decreased "
      "nighttime wakefulness in major depressive disorder and bipolar disorder."),
     ("Methods: Participants were 29 medication-free patients with treatment-resistant major "
      "depressive disorder and 28 patients with treatment-resistant bipolar depression maintained "
      "on lithium or valproate, who received a single open-label infusion of ketamine (0.5 mg/kg "
      "over 40 min)."),
     {"n": 57}),
    ("hp171", ("Arketamine produces antidepressant-like effects in a chronic social defeat "
      "stress model without inducing suicidal-like behaviours or psychotomimetic "
      "effects in mice."),
     ("The R-enantiomer of ketamine (arketamine) has been proposed to have longer-lasting "
      "antidepressant actions and fewer side effects than (S)-ketamine."),
     {"conditions": ["depression"]}),
    ("hp171", ("Serum brain-derived neurotrophic factor and anti-suicidal response to ketamine: "
      "an exploratory analysis."),
     ("Methods: In an open-label study, 44 inpatients with major depressive episode (34 unipolar "
      "and 10 bipolar) and current suicidal ideation received three intravenous infusions of "
      "ketamine 0.5 mg/kg over one week."),
     {"conditions": ["depression", "bipolar", "suicidality"]}),
    ("hp171", ("Ketamine for depression: a letter on the limits of the evidence for suicide "
      "prevention."),
     ("The recent enthusiasm for ketamine as a 'rescue' treatment in suicidal crises deserves a "
      "measure of caution."),
     {"design": "other"}),
    ("hp171", ("Electroencephalographic gamma power as a marker of ketamine target engagement in "
      "bipolar depression and healthy volunteers."),
     ("We recorded resting-state EEG in 22 patients with bipolar depression and 19 healthy "
      "volunteers before and during a 40-minute infusion of ketamine (0.5 mg/kg) in a randomized, "
      "placebo-controlled crossover design."),
     {"n": 41}),
    ("hp172", ("Ketamine for refractory pain crisis and opioid-induced hyperalgesia in an "
      "adolescent with sickle cell disease."),
     ("We describe a 16-year-old girl with homozygous sickle cell disease admitted with a severe "
      "pain crisis involving the back and lower limbs."),
     {"conditions": ["acute_pain"]}),
    ("hp172", ("Oral ketamine in a tertiary pain clinic: an audit of prescribing, effectiveness "
      "and discontinuation."),
     ("Results: Fifty-one patients were commenced on oral ketamine, most commonly for neuropathic "
      "pain (63%) and complex regional pain syndrome (16%)."),
     {"n": 51}),
    ("hp172", ("S-ketamine reverses widespread muscle hyperalgesia and depressive-like behavior "
      "in a reserpine-induced rat model of fibromyalgia."),
     ("Reserpine (1 mg/kg, subcutaneous, once daily for 3 days) was administered to adult female "
      "Wistar rats to induce a fibromyalgia-like syndrome."),
     {"routes": []}),
    ("hp172", ("Ketamine and norketamine inhibit HCN1 channels expressed in HEK293 cells: "
      "implications for analgesic mechanisms."),
     ("Hyperpolarization-activated cyclic nucleotide-gated (HCN) channels regulate neuronal "
      "excitability and have been implicated in the hypnotic and analgesic actions of ketamine."),
     {"conditions": []}),
    ("hp172", ("Long-term outcomes of repeated ketamine infusions in a multidisciplinary pain "
      "clinic: a prospective registry study."),
     ("Results: Of 204 patients invited, 176 (mean age 47 years, 68% female) were enrolled."),
     {"conditions": ["chronic_pain"], "n": 176}),
    ("hp173", ("Patterns of recreational ketamine use and self-reported harms in a large online "
      "survey of people who use drugs."),
     ("Most used ketamine intranasally (92%), typically in nightclubs, festivals or private "
      "parties."),
     {"routes": []}),
    ("hp173", "Ketamine exposures reported to United States poison centers, 2011-2021.",
     ("METHODS: We retrospectively analyzed single-substance ketamine exposures reported to the "
      "National Poison Data System from 2011 through 2021. Most involved individuals aged 20 "
      "years or older (78%)."),
     {"ages": []}),
    ("hp173", ("Ketamine-related lower urinary tract dysfunction: a retrospective review of 319 "
      "patients at a single urology centre."),
     ("RESULTS: The mean age was 26.4 years (range 16-41) and 70% were men."),
     {"ages": ["child", "adult"]}),
    ("hp173", ("Esketamine nasal spray in treatment-resistant depression: no signal of abuse or "
      "withdrawal in a long-term open-label safety study."),
     ("OBJECTIVE: To evaluate the long-term safety of esketamine nasal spray plus an oral "
      "antidepressant in adults with treatment-resistant depression, including potential for "
      "abuse, misuse and withdrawal."),
     {"conditions": ["depression", "trd"]}),
    ("hp173", ("Trends in ketamine-related emergency department visits in the United States, "
      "2005-2020."),
     ("Patients aged 18 to 34 years accounted for 61% of visits."),
     {"ages": []}),
    ("hp173", ("Ketamine's effects on smoking behaviour in daily smokers: a randomized "
      "placebo-controlled laboratory study"),
     ("Rationale: NMDA receptor antagonists might reduce nicotine reinforcement.\nObjectives: To "
      "investigate the effects of ketamine on cigarette smoking and craving."),
     {"conditions": ["substance_use"]}),
    ("hp173", ("Oral ketamine for depression in a patient with a history of ketamine dependence: "
      "a cautionary case."),
     ("After initial improvement in mood, he began taking additional doses, sourcing ketamine "
      "illicitly and escalating to daily intranasal use of up to 3 g."),
     {"routes": ["oral"]}),
    ("hp173", ("Naltrexone and ketamine for opioid use disorder: a randomized pilot of ketamine "
      "to improve initiation of extended-release naltrexone"),
     ("METHODS: Adults with opioid dependence undergoing inpatient detoxification (n = 20) were "
      "randomized to a single 40-min infusion of ketamine (0.5 mg/kg) or midazolam (0.05 mg/kg) "
      "on day 2, followed by a naltrexone induction procedure and injection of XR-NTX. XR-NTX was "
      "administered to 9 of 10 participants in the ketamine group and 5 of 10 in the midazolam "
      "group."),
     {"n": 20}),
    ("hp173", ("Esketamine for depression in patients with comorbid substance use: real-world "
      "effectiveness in a Veterans Affairs cohort."),
     ("OBJECTIVE: To compare the effectiveness of esketamine nasal spray in veterans with "
      "treatment-resistant depression with and without comorbid substance use disorders (SUD)."),
     {"routes": ["intranasal"], "conditions": ["depression", "trd", "substance_use"]}),
    ("hp173", ("[Ketamine dependence: clinical features and course in patients admitted to a "
      "psychiatric hospital]"),
     ("The mean duration of ketamine use was 4.3 years and mean daily dose 2.1 g, taken by "
      "snorting."),
     {"routes": []}),
    ("hp173", ("Long-term cognitive effects of ketamine: a comparison of people treated for "
      "depression and recreational users"),
     ("Methods: We compared neurocognitive performance across three groups: 35 patients with "
      "depression who had received at least 12 ketamine infusions in a clinical service, 35 "
      "frequent recreational ketamine users, and 35 healthy controls matched for age and "
      "education."),
     {"n": 105}),
    ("hp173", ("Pediatric ketamine ingestions reported to a regional poison centre: a 10-year "
      "review"),
     ("Methods: We reviewed all calls to a regional poison information centre from 2013 to 2022 "
      "involving ketamine exposure in children younger than 6 years. Sources were a family "
      "member's prescribed ketamine in 25 cases (mostly troches or compounded oral solutions) and "
      "illicit ketamine in 18."),
     {"routes": []}),
    ("hp173", ("Emergency department presentations for ketamine intoxication in Taiwan: clinical "
      "features and outcomes"),
     ("A total of 233 patients were identified; their mean age was 25.2 years (range 15-52), and "
      "71% were male."),
     {"ages": ["child", "adult"]}),
    ("hp174", ("Intranasal esketamine versus intranasal dexmedetomidine premedication for "
      "preoperative anxiety in children undergoing tonsillectomy"),
     ("Objective: To compare two intranasal premedicants. Methods: 120 children aged 3-7 years "
      "were randomly allocated to intranasal esketamine 0.5 mg/kg (n=60) or intranasal "
      "dexmedetomidine 1 microg/kg (n=60) 30 min before induction."),
     {"conditions": ["anxiety", "anesthesia"]}),
    ("hp174", ("ESK NS + OAD in TRD pts with vs without anxious distress: a post hoc analysis of "
      "TRANSFORM-2"),
     ("BACKGROUND: Anxious distress (AD) is common in TRD and predicts poor OAD response."),
     {"routes": ["intranasal"]}),
    ("hp174", "Ketamine-induced uropathy in a 19-year-old recreational user",
     ("A 19-year-old man with a two-year history of daily recreational ketamine insufflation "
      "presented with dysuria, frequency and haematuria."),
     {"routes": []}),
    ("hp174", "Outpatient IV ketamine for CRPS-1: outcomes of a 5-day protocol in a tertiary PMC",
     ("Results: 58 pts (F:M 44:14; mean age 43 y)."),
     {"n": 58}),
    ("hp174", "Reply to: 'Is the antidepressant effect of ketamine just active placebo?'",
     ("We thank Dr. Müller for his interest in our trial of intravenous ketamine in 64 patients "
      "with bipolar depression. He argues that functional unblinding explains our findings."),
     {"n": None}),
    ("hp174", ("Early improvement in SI with ESK NS in MDD pts with active SI with intent: "
      "pooled post hoc analysis of ASPIRE I and II"),
     ("OBJECTIVE: To assess time course of SI improvement with ESK 84 mg NS + SOC vs PBO + SOC in "
      "adults with MDD and active SI with intent."),
     {"routes": ["intranasal"]}),
    ("hp174", "Editorial: Esketamine and the FDA - lessons from an accelerated path",
     ("The approval of esketamine nasal spray for treatment-resistant depression was based on one "
      "positive short-term trial and a randomised withdrawal study. In this editorial we discuss "
      "the implications of this precedent for future regulatory decisions, the interpretation of "
      "the failed trials in older adults, and the need for post-marketing studies on long-term "
      "safety, abuse potential and suicidality."),
     {"conditions": ["depression", "trd"]}),
    ("hp174", ("Efficacy of low-dose esketamine in maintenance hemodialysis patients with "
      "depression: a prospective self-controlled study"),
     ("Objective To explore the efficacy and safety of low-dose esketamine in maintenance "
      "hemodialysis (MHD) patients with depression."),
     {"design": "nonrandomized_trial"}),
    ("hp174", ("Exploratory analysis of a randomized trial: single-dose esketamine after "
      "childbirth and maternal suicidal ideation"),
     ("Objective: In a previously reported RCT of 364 mothers with prenatal depression, a single "
      "low dose of esketamine (0.2 mg/kg IV over 40 min) after childbirth reduced major "
      "depressive episodes at 42 days. This exploratory analysis assessed its effects on suicidal "
      "ideation. Methods: SI was assessed with the MINI suicidality module and EPDS item 10 at 7 "
      "and 42 days postpartum."),
     {"routes": ["iv"], "n": 364}),
    # older probe rounds: records whose tags changed with the same fixes
    ("hp116", ("Deaths involving ketamine in England and Wales: analysis of coroners' data, "
      "1999-2019"),
     ("Decedents were predominantly male (81%) with a mean age of 31.6 years (range 16-64)."),
     {"ages": ["child", "adult"]}),
    ("hp116", ("Gray matter volume reductions and cognitive deficits in chronic ketamine users: "
      "a voxel-based morphometry study"),
     ("Method: High-resolution T1-weighted MRI scans were obtained from 21 chronic ketamine users "
      "and 21 matched healthy subjects."),
     {"n": 42}),
    ("hp120", ("Prescribing patterns of compounded topical analgesics containing ketamine in a "
      "tertiary pain clinic: a retrospective review"),
     ("Compounded topical analgesics are commonly prescribed for localised neuropathic and "
      "musculoskeletal pain, although evidence is limited."),
     {"conditions": ["chronic_pain"]}),
    ("hp146", ("Intraoperative ketamine and depressive symptoms after major surgery in older "
      "adults: a secondary analysis of the PODCAST trial"),
     ("Results: The analysis included 597 of the 672 patients enrolled in the parent trial."),
     {"n": 672}),
    ("hp147", ("Ketamine for the acute treatment of suicidality: promise, pitfalls and the path "
      "forward"),
     ("In this review we summarize the clinical trial evidence, discuss whether anti-suicidal "
      "effects are independent of antidepressant effects, and consider candidate mechanisms "
      "including synaptic plasticity, anti-anhedonic effects and modulation of inflammatory "
      "pathways."),
     {"conditions": ["suicidality"]}),
    ("hp157", ("Rapid antisuicidal effects of ketamine: an updated individual and aggregate data "
      "meta-analysis"),
     ("Methods: We updated a previous meta-analysis by searching databases to December 2023 for "
      "controlled trials of ketamine or esketamine reporting suicidal ideation. In individual "
      "participant data from 11 trials (n = 642), effects on suicidal ideation remained "
      "significant after controlling for change in depressive symptoms.\nConclusions: Ketamine "
      "has rapid antisuicidal effects that are partly independent of its antidepressant effects."),
     {"conditions": ["suicidality"]}),
    # hp175-179 (rows, part 1): a 1990-2004 sample; paediatrics; earlier rounds
    ("hp100", ("Perioperative ketamine: an umbrella review of meta-analyses with re-analysis of "
      "the randomised evidence"),
     ("METHODS: We searched for meta-analyses of randomised controlled trials evaluating "
      "perioperative ketamine in surgical patients. For each outcome we re-pooled the primary "
      "trials using random-effects models, calculated prediction intervals and graded the "
      "credibility of the evidence."),
     {"design": "meta_analysis"}),
    ("hp104", ("A randomized, double-blind, crossover trial of intranasal ketamine in major "
      "depressive disorder"),
     ("METHODS: Twenty patients with major depression diagnosed by the Structured Clinical "
      "Interview for DSM-IV-TR (SCID-IV) and failure of at least one adequate antidepressant "
      "trial were randomized to receive intranasal ketamine 50 mg or saline solution in a "
      "crossover design, with sessions separated by 7 days. Response criteria were met by 8 of 18 "
      "patients after ketamine and 1 of 18 after saline."),
     {"n": 20}),
    ("hp127", ("Perioperative esketamine and postoperative depressive symptoms: a systematic "
      "review."),
     ("Methods: Eight databases were searched from inception to October 2023 for randomized "
      "controlled trials of intravenous esketamine administered during the perioperative period "
      "in adults undergoing surgery. Data were pooled using random-effects meta-analyses; "
      "certainty of evidence was rated with GRADE."),
     {"design": "meta_analysis"}),
    ("hp129", ("Oral ketamine for refractory pain in older palliative care patients: a "
      "retrospective review"),
     ("PATIENTS AND METHODS: We retrospectively reviewed the records of all patients aged ≥65 "
      "years who were started on oral ketamine for refractory neuropathic or cancer-related pain "
      "in our palliative care unit between 2012 and 2020 (N = 63).\nRESULTS: Thirty-four patients "
      "(54%) were classified as responders."),
     {"n": 63}),
    ("hp135", ("Ketamine and esketamine for psychiatric disorders: an umbrella review of "
      "meta-analyses of randomized controlled trials."),
     ("Methods: We systematically searched for meta-analyses of randomized controlled trials of "
      "intravenous ketamine or intranasal esketamine in any psychiatric disorder. Summary effects "
      "were recalculated using random-effects models, and the credibility of each association was "
      "graded with established umbrella review criteria."),
     {"design": "meta_analysis"}),
    ("hp138", "Negative inotropic action of ketamine on isolated guinea-pig papillary muscle.",
     ("The direct myocardial effect of ketamine was examined in isolated papillary muscles from "
      "guinea-pig hearts, superfused with Krebs solution at 30 degrees C and stimulated "
      "electrically at 1 Hz."),
     {"population": "in_vitro"}),
    ("hp138", "Immobilization of free-ranging black bears with ketamine-xylazine.",
     ("Ninety-four black bears captured in foot snares were immobilized with a mixture of "
      "ketamine hydrochloride (mean 7.1 mg/kg) and xylazine (mean 1.8 mg/kg) delivered "
      "intramuscularly by projectile dart."),
     {"conditions": ["anesthesia"]}),
    ("hp139", ("Implementation of an opioid-sparing ketamine pathway for renal colic in the "
      "emergency department: a before-and-after study"),
     ("We compared adult ED patients with renal colic treated during the 12 months before "
      "(pre-implementation, n = 212) and the 12 months after (post-implementation, n = 198) "
      "protocol introduction."),
     {"n": 410}),
    ("hp175", ("Rectal premedication with midazolam and ketamine in children undergoing "
      "adenotonsillectomy"),
     ("Sixty children, 1 to 6 yr of age, scheduled for adenotonsillectomy were randomly allocated "
      "to receive rectal midazolam 0.3 mg/kg alone or combined with ketamine 5 mg/kg. A smooth "
      "induction was obtained in 26 of 30 children compared with 17 of 30 given midazolam alone."),
     {"routes": ["rectal"], "n": 60}),
    ("hp175", "Recovery after S(+)-ketamine or racemic ketamine for induction of anaesthesia",
     ("In a randomized, double-blind study, 30 ASA physical status I or II patients aged 18-60 yr "
      "scheduled for minor orthopaedic surgery received either S(+)-ketamine 1 mg/kg or racemic "
      "ketamine 2 mg/kg intravenously for induction of anaesthesia."),
     {"n": 30}),
    ("hp175", "Midazolam premedication reduces emergence reactions after ketamine anaesthesia",
     ("In a randomised, double-blind, placebo-controlled study, 120 adult patients undergoing "
      "short gynaecological procedures under ketamine anaesthesia (2 mg/kg i.v.) received "
      "midazolam 0.07 mg/kg or saline intramuscularly 30 min before induction. Unpleasant dreams "
      "occurred in 4 of 60 patients given midazolam compared with 18 of 60 given placebo."),
     {"routes": ["iv"], "n": 120}),
    ("hp175", "Ketamine reduces stump and phantom pain: a double-blind placebo-controlled study",
     ("Eleven amputees with stump and phantom limb pain of more than 6 months' duration took part "
      "in a randomized, double-blind, crossover comparison of ketamine (0.1 mg/kg bolus followed "
      "by 7 ug/kg/min infusion) and saline given intravenously over 45 min. Pain intensity was "
      "rated on a visual analogue scale, and pressure-pain thresholds and wind-up-like pain were "
      "measured on the stump. Ketamine reduced pain intensity, increased pressure-pain thresholds "
      "and abolished wind-up-like pain in nine of 11 patients."),
     {"routes": ["iv"]}),
    ("hp175", "Ketamine psychedelic therapy of alcoholism: a controlled clinical study",
     ("Ketamine psychedelic therapy (KPT), combining intramuscular ketamine with existentially "
      "oriented psychotherapy, was given to 111 alcohol-dependent patients after detoxification. "
      "A control group of 100 alcoholic patients treated in the same hospital with conventional "
      "methods was followed for comparison; allocation was by patient choice, not by "
      "randomization."),
     {"design": "nonrandomized_trial"}),
    ("hp175", ("Cognitive, dissociative and psychotogenic effects of ketamine in recreational "
      "users on the night of drug use and 3 days later"),
     ("PARTICIPANTS AND SETTING: Twenty ketamine users and 20 polydrug users who did not use "
      "ketamine were recruited through contacts in the London dance scene and tested in their own "
      "homes on the night of drug use and 3 days later."),
     {"n": 40}),
    ("hp175", ("Pre-injury versus post-injury administration of ketamine on formalin-induced "
      "nociception in the rat"),
     ("Rats received ketamine (10 mg/kg i.p.) or saline 15 min before or 5 min after subcutaneous "
      "injection of 5% formalin into the hind paw. Flinching behaviour was counted in 5-min "
      "intervals for 60 min."),
     {"conditions": ["acute_pain"], "routes": []}),
    ("hp175", "Immobilization of free-ranging white-tailed deer with ketamine and xylazine",
     ("Forty-two free-ranging white-tailed deer (Odocoileus virginianus) were immobilized with a "
      "combination of ketamine hydrochloride (mean 5.5 mg/kg) and xylazine hydrochloride (mean "
      "2.2 mg/kg) delivered intramuscularly by projectile dart."),
     {"conditions": ["anesthesia"]}),
    ("hp175", ("Negative inotropic effects of ketamine enantiomers in isolated guinea-pig "
      "papillary muscle"),
     ("The direct myocardial effects of racemic ketamine and its S(+) and R(-) enantiomers were "
      "compared in isolated right ventricular papillary muscles from guinea pigs superfused with "
      "oxygenated Tyrode solution at 35 C and stimulated at 1 Hz."),
     {"population": "in_vitro"}),
    ("hp177", ("Premedication with ketamine and atropine for non-emergency tracheal intubation "
      "in the neonatal intensive care unit: a before-and-after study"),
     ("Methods: We compared neonates intubated non-emergently in a level III unit during the 18 "
      "months before (morphine 100 µg/kg, n = 47) and the 18 months after (atropine 20 µg/kg and "
      "ketamine 1-2 mg/kg intravenously, n = 52) the protocol change."),
     {"n": 99}),
    ("hp177", ("Caudal S(+)-ketamine with bupivacaine for postoperative analgesia in children "
      "undergoing inguinal herniotomy"),
     ("Background: Preservative-free S(+)-ketamine has been proposed as an adjunct to prolong "
      "caudal analgesia.\nConclusion: Caudal S(+)-ketamine 0.5 mg/kg added to bupivacaine more "
      "than doubled the duration of postoperative analgesia in children."),
     {"routes": ["neuraxial"]}),
    ("hp177", ("Ketamine and esketamine for depression in children and adolescents: a narrative "
      "review of efficacy, safety and ethical considerations"),
     ("Ketamine and its S-enantiomer esketamine have rapid antidepressant and anti-suicidal "
      "effects in adults, and interest in their use in younger patients is growing. In this "
      "narrative review, we summarize the available evidence in youth with treatment-resistant "
      "depression."),
     {"ages": ["child"]}),
    ("hp177", ("Prevalence and correlates of ketamine use among secondary school students in "
      "Hong Kong"),
     ("Methods: A total of 11,862 students aged 12 to 18 years completed an anonymous "
      "self-administered questionnaire assessing substance use, family functioning, depressive "
      "symptoms and peer influences.\nResults: Ketamine use was associated with having drug-using "
      "friends and depressive symptoms (OR 1.8)."),
     {"conditions": ["substance_use"]}),
    ("hp177", ("Low-dose ketamine infusion for refractory vaso-occlusive pain crisis in children "
      "with sickle cell disease: a retrospective cohort"),
     ("Results: Thirty-three patients (mean age 15.8 years) accounted for 52 hospitalizations. "
      "Mean pain scores decreased from 8.4 to 7.1."),
     {"n": 33}),
    ("hp177", ("Ketamine infusion for children with refractory status asthmaticus in the "
      "pediatric intensive care unit"),
     ("We retrospectively reviewed 41 children aged 2 to 17 years with status asthmaticus who "
      "received a continuous intravenous ketamine infusion. Eleven patients (27%) were intubated; "
      "in 6 of them ketamine was used as the induction agent. Emergence reactions were documented "
      "in 3 patients."),
     {"conditions": []}),
    ("hp177", ("Dissociative symptoms and antidepressant response to ketamine in adolescents: "
      "secondary analysis of a randomized clinical trial"),
     ("Methods: This secondary analysis used data from a randomized, midazolam-controlled "
      "crossover trial in which 17 adolescents aged 13-17 years received intravenous ketamine 0.5 "
      "mg/kg.\nConclusions: In adolescents, acute dissociation during ketamine infusion was "
      "associated with short-term antidepressant response, consistent with some adult findings."),
     {"ages": ["child"]}),
    ("hp177", ("Ketamine versus etomidate for rapid sequence intubation in critically ill "
      "children: a propensity-matched cohort study"),
     ("Measurements and Main Results: Of 3,284 eligible patients, 1,012 matched pairs were "
      "analysed. Among children with sepsis, etomidate was associated with a greater requirement "
      "for vasoactive infusions."),
     {"routes": []}),
    # hp175-179 (rows, part 2): intensive care; anxiety, PTSD and OCD; evidence syntheses
    ("hp176", ("Adjunctive low-dose ketamine infusion for analgosedation in mechanically "
      "ventilated adults: a randomized, double-blind, placebo-controlled trial."),
     ("BACKGROUND: Opioid-centred analgosedation is standard in the intensive care unit (ICU), "
      "but high opioid exposure is associated with ileus, tolerance and prolonged ventilation. We "
      "assessed whether adding a low-dose ketamine infusion reduces opioid consumption in "
      "mechanically ventilated adults."),
     {"conditions": ["anesthesia"]}),
    ("hp176", ("Efficacy and safety of ketamine in refractory status epilepticus: a systematic "
      "review."),
     ("Results: Twenty-nine studies were included (no randomised trials): 8 retrospective "
      "cohorts, 6 case series and 15 case reports, comprising 462 episodes of status epilepticus "
      "in 448 patients (231 children)."),
     {"n": 448}),
    ("hp176", ("Ketamine for life-threatening bronchospasm in a mechanically ventilated patient "
      "with near-fatal asthma."),
     ("We describe a 46-year-old man with near-fatal asthma who developed severe dynamic "
      "hyperinflation and peak airway pressures above 50 cmH2O after intubation despite nebulised "
      "salbutamol, ipratropium, intravenous magnesium and methylprednisolone."),
     {"conditions": []}),
    ("hp176", ("Ketamine inhibits neutrophil extracellular trap formation in blood from patients "
      "with septic shock in vitro."),
     ("Neutrophils isolated from blood of 14 patients with septic shock and 10 healthy volunteers "
      "were incubated with ketamine (1-100 µM), propofol or midazolam at clinically relevant "
      "concentrations, and NET formation was quantified by immunofluorescence and MPO-DNA ELISA."),
     {"design": "preclinical", "population": "in_vitro", "n": None}),
    ("hp176", ("Recommendations on analgosedation in mechanically ventilated adults: a consensus "
      "statement of a national intensive care society."),
     ("Purpose: To provide practical recommendations on analgesia and sedation for adult ICU "
      "patients receiving invasive mechanical ventilation. Results: Consensus was reached on 29 "
      "statements. The panel recommends an analgesia-first approach with light sedation targets "
      "(RASS -1 to 0) for most patients, propofol or dexmedetomidine in preference to "
      "benzodiazepines, and daily assessment of pain, agitation and delirium. Ketamine is "
      "suggested as an opioid-sparing adjunct in patients with high opioid requirements."),
     {"conditions": ["anesthesia"]}),
    ("hp176", ("Secondary sclerosing cholangitis after prolonged ketamine sedation in COVID-19: "
      "report of three cases."),
     ("We report three men aged 48, 55 and 61 years who developed progressive cholestatic liver "
      "injury during ICU stays of 34-58 days, during which they received ketamine at 1.5-3.5 "
      "mg/kg/h for 14-26 days."),
     {"routes": ["iv"]}),
    ("hp176", ("Ketamine infusion for pain management in critically ill patients with opioid use "
      "disorder: a retrospective matched cohort study."),
     ("Objective: Pain control in critically ill patients with opioid use disorder (OUD), "
      "including those on buprenorphine or methadone maintenance, is challenging."),
     {"conditions": ["acute_pain", "substance_use"]}),
    ("hp176", ("Implementation of a ketamine-inclusive analgosedation protocol in a medical ICU: "
      "a before-and-after quality improvement study."),
     ("Methods: This quality improvement project compared mechanically ventilated adults admitted "
      "in the 12 months before (pre-implementation, n = 214) and 12 months after "
      "(post-implementation, n = 236) protocol introduction."),
     {"n": 450}),
    ("hp176", ("Ketamine as an adjunct for alcohol withdrawal syndrome: a systematic review and "
      "meta-analysis."),
     ("Background and aims: Ketamine has been proposed as a benzodiazepine-sparing adjunct for "
      "severe alcohol withdrawal syndrome (AWS). We aimed to summarise its effects on "
      "benzodiazepine requirements, intubation and length of stay."),
     {"conditions": ["substance_use"]}),
    ("hp176", ("Ketamine for sedation during critical care interhospital transfer of ventilated "
      "patients: a five-year service evaluation."),
     ("Results: Of 1,412 transfers of ventilated adults, 603 used ketamine-based sedation and 809 "
      "used propofol."),
     {"n": None}),
    ("hp176", ("Use of ketamine for sedation and analgesia in intensive care: an international "
      "survey of intensivists."),
     ("Methods: An online questionnaire was distributed through national societies of intensive "
      "care medicine in 23 countries between May and August 2022. It addressed indications, "
      "dosing, monitoring and perceived barriers to ketamine use in adult ICUs. Results: A total "
      "of 1,129 physicians responded."),
     {"ages": []}),
    ("hp176", "Ketamine in the treatment of bronchospasm during mechanical ventilation.",
     ("Ten patients with severe bronchospasm during mechanical ventilation, unresponsive to "
      "aminophylline, beta-agonists and steroids, were given ketamine intravenously in a dose of "
      "1 mg/kg followed by an infusion of 1 mg/kg/h. PaO2 rose in eight patients."),
     {"n": 10}),
    ("hp176", ("Ketamine for sedation in critically ill adults and the risk of delirium: a "
      "systematic review and meta-analysis."),
     ("Purpose: To evaluate whether ketamine used for sedation or analgesia in mechanically "
      "ventilated adults affects the incidence of delirium. Results: Twelve trials enrolling "
      "1,517 participants were included. Ketamine was not associated with delirium incidence (RR "
      "0.92, 95% CI 0.78-1.09; I2 = 31%) or coma. Ketamine reduced opioid consumption "
      "(standardized mean difference -0.41) without increasing hemodynamic adverse events."),
     {"conditions": ["anesthesia"]}),
    ("hp176", ("Ketamine in post-anoxic status epilepticus after cardiac arrest: a retrospective "
      "single-centre study."),
     ("We reviewed all comatose adults resuscitated from cardiac arrest between 2015 and 2022 in "
      "whom PASE was diagnosed on continuous EEG and who received ketamine in addition to at "
      "least two antiseizure drugs and propofol or midazolam."),
     {"conditions": []}),
    ("hp176", ("Rapid remission of severe depression following ketamine for mechanical "
      "ventilation: a case report."),
     ("A 63-year-old woman with a 10-year history of treatment-resistant major depressive "
      "disorder, unresponsive to four antidepressants and electroconvulsive therapy, was admitted "
      "to the intensive care unit after a deliberate overdose of amitriptyline and required "
      "mechanical ventilation for 5 days. After extubation, she reported marked improvement in "
      "mood, and her Montgomery-Åsberg Depression Rating Scale score fell from 38 before "
      "admission to 12 on day 9, with resolution of suicidal ideation."),
     {"conditions": ["depression", "trd", "suicidality"]}),
    ("hp176", ("Ketamine and peri-intubation adverse haemodynamic events in critically ill "
      "children: a multicentre registry study."),
     ("MEASUREMENTS AND MAIN RESULTS: Of 12,466 intubations, ketamine was used as an induction "
      "agent in 4,120 (33%). Among children with septic shock (n = 1,087), peri-intubation "
      "hypotension or cardiac arrest occurred in 11.6% of ketamine intubations versus 15.9% of "
      "non-ketamine intubations."),
     {"n": None}),
    ("hp178", ("Does baseline anxiety moderate the antidepressant response to ketamine? A "
      "secondary analysis of a randomized trial in treatment-resistant depression"),
     ("BACKGROUND: Anxious depression is associated with poorer outcomes with conventional "
      "antidepressants. Whether anxiety predicts response to ketamine is uncertain."),
     {"conditions": ["depression", "trd"]}),
    ("hp178", ("Ketamine attenuates persistent fear and anxiety-like behavior in the single "
      "prolonged stress model of posttraumatic stress disorder in rats"),
     ("Single prolonged stress (SPS) is a validated rodent model of posttraumatic stress disorder "
      "(PTSD) that produces impaired fear extinction retention and enhanced anxiety-like "
      "behavior."),
     {"conditions": ["ptsd"]}),
    ("hp178", ("Ketamine-assisted psychotherapy for posttraumatic stress disorder in a community "
      "clinic: a retrospective chart review"),
     ("We reviewed the records of all adults with a primary diagnosis of PTSD who began KAP at a "
      "community clinic between 2019 and 2022 (n = 83). Among the 71 patients completing at least "
      "three sessions, mean PCL-5 scores decreased from 52.3 to 34.6 (p < 0.001)."),
     {"n": 83}),
    ("hp178", ("Ketamine reduces amygdala reactivity to threatening faces in healthy volunteers: "
      "a placebo-controlled fMRI study"),
     ("Ketamine's rapid anxiolytic and antidepressant effects may be mediated by changes in "
      "emotional processing. State anxiety ratings did not differ between sessions."),
     {"conditions": []}),
    ("hp178", ("Ketamine and its metabolite hydroxynorketamine increase BDNF release in cultured "
      "rat hippocampal neurons"),
     ("We examined the effects of ketamine and (2R,6R)-hydroxynorketamine on brain-derived "
      "neurotrophic factor (BDNF) release in primary hippocampal neuronal cultures from embryonic "
      "rats."),
     {"population": "in_vitro"}),
    ("hp178", ("Panic attacks during esketamine nasal spray treatment for treatment-resistant "
      "depression: a case report"),
     ("We report a 52-year-old man with TRD and no previous history of anxiety disorder who "
      "developed recurrent panic attacks during the post-administration observation period after "
      "his fourth and fifth esketamine 84 mg sessions."),
     {"conditions": ["depression", "trd"]}),
    ("hp178", ("Resolution of obsessive-compulsive symptoms after ketamine anaesthesia: a case "
      "report"),
     ("A 27-year-old man with long-standing obsessive-compulsive disorder (Y-BOCS 31) underwent "
      "orthopaedic surgery under general anaesthesia induced with intravenous ketamine 2 mg/kg."),
     {"conditions": ["ocd"]}),
    ("hp179", ("Predictors of response to esketamine nasal spray in treatment-resistant "
      "depression: an individual participant data meta-analysis of phase 3 trials."),
     ("METHODS: We pooled individual participant data from four randomised, double-blind phase 3 "
      "trials of flexibly or fixed-dosed esketamine nasal spray plus a newly initiated oral "
      "antidepressant versus placebo nasal spray plus antidepressant."),
     {"design": "meta_analysis"}),
    ("hp179", ("Ketamine and esketamine for depression: an umbrella review of meta-analyses with "
      "credibility assessment."),
     ("We performed an umbrella review of meta-analyses of randomized controlled trials examining "
      "racemic ketamine or esketamine for depressive disorders. For each eligible meta-analysis, "
      "we re-estimated summary effects with random-effects models, evaluated heterogeneity, "
      "small-study effects and excess significance, and graded credibility of evidence."),
     {"design": "meta_analysis"}),
    ("hp179", ("Sub-dissociative ketamine for acute pain in the emergency department: a "
      "consensus statement of the Society for Academic Emergency Medicine clinical "
      "practice panel."),
     ("Monitoring requirements are lower than for procedural sedation because the doses used do "
      "not produce dissociation."),
     {"conditions": ["acute_pain"]}),
    ("hp179", ("Ketamine and rapid reduction of suicidal thoughts: individual participant data "
      "meta-analysis."),
     ("Method:\nIndividual participant data were obtained from 10 comparison intervention studies "
      "in which a single subanesthetic dose of intravenous ketamine was compared with saline "
      "placebo or midazolam. Only participants with suicidal ideation at baseline were included "
      "(n = 167)."),
     {"n": 167}),
    ("hp179", "Oral ketamine for depression: a systematic review.",
     ("Results: Thirteen studies were included, comprising four RCTs (n = 242), three open-label "
      "trials and six case series or reports."),
     {"n": None}),
    ("hp179", ("Ketamine for refractory and super-refractory status epilepticus: a systematic "
      "review and meta-analysis."),
     ("Results: Twenty-seven studies encompassing 812 episodes of status epilepticus in 779 "
      "patients (adults and children) were included."),
     {"n": 779}),
    ("hp179", ("Cost-effectiveness of esketamine nasal spray for treatment-resistant depression: "
      "a systematic review of economic evaluations."),
     ("Objectives: To systematically review and appraise economic evaluations of esketamine nasal "
      "spray for treatment-resistant depression (TRD)."),
     {"design": "systematic_review"}),
    # hp180-183 (rows, part 1): records without an abstract; neurology; earlier rounds
    ("hp110", "Ketamine-induced ulcerative cystitis in a recreational user: a case report",
     "",
     {"n": 1}),
    ("hp129", ("[Ketamine sedation in the paediatric emergency department: a retrospective "
      "analysis of 312 cases]."),
     "",
     {"n": 312}),
    ("hp129", "Ketamine infusion for refractory cancer pain: a case report.",
     "",
     {"n": 1}),
    ("hp180", "Reply to: Ketamine and postoperative delirium in older surgical patients.",
     "",
     {"ages": ["older_adult"]}),
    ("hp180", "Ketamine-induced ulcerative cystitis: a case report.",
     "",
     {"n": 1}),
    ("hp180", "Sublingual ketamine for cancer pain in a child.",
     "",
     {"design": "case_report"}),
    ("hp180", "Effects of ketamine on NMDA receptor currents in cultured rat hippocampal neurons.",
     "",
     {"population": "in_vitro"}),
    ("hp180", "Ketamine in geriatric anaesthesia: a retrospective analysis of 40 cases.",
     "",
     {"n": 40}),
    ("hp180", ("Single-dose intravenous ketamine in adolescents with treatment-resistant "
      "depression: preliminary results."),
     ("Seventeen adolescents aged 13-17 years with treatment-resistant depression received a "
      "single 0.5 mg/kg infusion of ketamine over 40 minutes. MADRS scores fell by 42% at 24 "
      "hours."),
     {"design": "nonrandomized_trial"}),
    ("hp180", "Caudal ketamine with bupivacaine for hypospadias repair.",
     ("Eighty boys aged 1-8 years were randomized to caudal bupivacaine with or without ketamine "
      "0.5 mg/kg. The duration of postoperative analgesia was longer with ketamine (9.8 vs 5.1 h, "
      "p<0.001)."),
     {"conditions": ["acute_pain"]}),
    ("hp181", ("Glutamatergic approaches to eating disorders: a narrative review of ketamine and "
      "related compounds"),
     ("We discuss open-label studies of ketamine in anorexia nervosa, a case series combining "
      "ketamine with psychotherapy, and the frequent co-occurrence of depression, anxiety and "
      "obsessive-compulsive symptoms in these populations."),
     {"conditions": []}),
    ("hp181", ("Early childhood exposure to ketamine-based anaesthesia and later "
      "neurodevelopmental outcomes: a population-based cohort study"),
     ("METHODS: Using linked health and education databases, we identified 1,108 children who "
      "received ketamine as part of general anaesthesia before the age of 3 years and 4,432 "
      "unexposed children matched for birth year, sex and socioeconomic status."),
     {"n": 5540}),
    ("hp181", ("White matter abnormalities in chronic ketamine users: a diffusion tensor imaging "
      "study"),
     ("We used diffusion tensor imaging to compare 41 individuals with ketamine dependence (mean "
      "duration of use 5.2 years) and 44 age- and sex-matched drug-free healthy controls."),
     {"n": 85}),
    ("hp181", ("Ketamine suppresses cortical spreading depression and its hemodynamic response "
      "in the rat: implications for migraine aura"),
     ("CSD was elicited by topical KCl application, and propagation was recorded with "
      "intracortical electrodes. Intravenous ketamine (10-30 mg/kg) dose-dependently reduced CSD "
      "frequency."),
     {"routes": ["iv"]}),
    ("hp181", ("Ketamine sedation and spreading depolarizations after aneurysmal subarachnoid "
      "haemorrhage and traumatic brain injury: a multicentre observational study"),
     ("METHODS: We analysed electrocorticographic recordings from 115 patients with aneurysmal "
      "subarachnoid haemorrhage or traumatic brain injury. Periods with and without continuous "
      "ketamine infusion for sedation were compared within patients."),
     {"routes": ["iv"]}),
    ("hp181", ("Adjunctive ketamine for depressive symptoms in schizophrenia: an open-label "
      "pilot study"),
     ("In this open-label pilot study, 12 clinically stable outpatients with schizophrenia and "
      "comorbid depressive symptoms (Calgary Depression Scale for Schizophrenia >=6) received a "
      "single intravenous infusion of ketamine 0.5 mg/kg. Positive symptoms increased transiently "
      "during the infusion in three patients."),
     {"n": 12}),
    ("hp181", ("Differential psychotomimetic effects of esketamine and arketamine in healthy "
      "volunteers"),
     ("METHODS: In a double-blind, randomized, three-period crossover study, 15 healthy male "
      "volunteers aged 22 to 45 received intravenous esketamine (0.15 mg/kg), arketamine (0.15 "
      "mg/kg) and placebo over 40 minutes."),
     {"ages": ["adult"]}),
    ("hp181", ("Management of convulsive status epilepticus in adults: consensus guideline of "
      "the national neurocritical care society"),
     ("For refractory status epilepticus, continuous infusions of midazolam, propofol or ketamine "
      "are suggested, with the choice guided by hemodynamic status and comorbidities."),
     {"routes": ["iv"]}),
    ("hp181", ("Acute effects of ketamine on the mismatch negativity in healthy participants: "
      "relevance to schizophrenia"),
     ("We recorded MMN in 26 healthy participants (age 19-37; 13 female) during placebo and "
      "ketamine infusions administered in a counterbalanced, double-blind, randomised order."),
     {"ages": ["adult"]}),
    ("hp181", ("Ketamine in autism spectrum disorder: a systematic review of clinical and "
      "preclinical evidence"),
     ("Results: Eighteen preclinical studies and five clinical reports (one randomized trial, one "
      "open-label study and three case reports; 34 participants in total) met inclusion criteria."),
     {"n": 34}),
    ("hp181", ("Ketamine abuse and persistent psychotic symptoms: a 1-year longitudinal study of "
      "users in Hong Kong"),
     ("DESIGN: Prospective cohort with baseline and 12-month assessments. PARTICIPANTS: 150 young "
      "people (aged 16-30 years) who used ketamine at least weekly, and 50 non-using controls. "
      "FINDINGS: Of the 200 participants, 171 were re-assessed."),
     {"n": 200}),
    ("hp112", ("Disproportionality analysis of dissociative and cardiovascular adverse events "
      "associated with esketamine: a pharmacovigilance study of the FDA Adverse Event "
      "Reporting System"),
     ("Methods: Reports submitted to the FDA Adverse Event Reporting System (FAERS) in which "
      "esketamine was the primary suspect drug were extracted. Results: Hypertensive events were "
      "more frequently reported in patients aged 65 years or older."),
     {"ages": []}),
    ("hp147", ("Beck Scale for Suicide Ideation outcomes after serial ketamine infusions in "
      "treatment-resistant depression: post-hoc analysis of an open-label trial."),
     ("Methods: This post-hoc analysis used data from a single-arm open-label study in which 57 "
      "adults with TRD (mean age 46.3 years) received six infusions of ketamine 0.5 mg/kg over 40 "
      "min.\nResults: Among the 30 participants with baseline BSS >0, mean BSS fell from 9.9 to "
      "3.1."),
     {"n": 57}),
    ("hp166", ("Perioperative ketamine for the prevention of postoperative delirium: a "
      "meta-analysis of randomized controlled trials with trial sequential analysis"),
     ("Objective: To determine whether perioperative ketamine or esketamine reduces the incidence "
      "of postoperative delirium in adult surgical patients.\nResults: In the subgroup of trials "
      "enrolling elderly patients, the effect was not significant.\nConclusions: The evidence is "
      "not conclusive, particularly in older patients."),
     {"ages": ["adult"]}),
    # hp180-183 (rows, part 2): real-world data; preclinical research
    ("hp182", ("Post-marketing safety of esketamine nasal spray: a disproportionality analysis "
      "of the FDA Adverse Event Reporting System (FAERS)"),
     ("RESULTS: We identified 7,412 reports describing 19,806 adverse events. Reports most often "
      "concerned women (61.2%) and patients aged 18-64 years."),
     {"ages": []}),
    ("hp182", ("Ketamine abuse and dependence signals in the European pharmacovigilance database "
      "EudraVigilance, 2005-2022"),
     ("RESULTS: Of 9,874 ketamine-related reports, 1,311 (13.3%) were abuse-related. Most abuse "
      "cases involved men aged 18-44 years."),
     {"ages": []}),
    ("hp182", ("Ketamine for depression in a Veterans Health Administration cohort: "
      "retrospective evaluation of IV ketamine and esketamine"),
     ("METHODS: We conducted a retrospective cohort study using national VHA electronic health "
      "records. Veterans who initiated IV ketamine (n = 215) or esketamine (n = 507) for TRD were "
      "compared on PHQ-9 change over 6 months using inverse-probability weighting."),
     {"n": 722}),
    ("hp182", ("Healthcare resource utilization and costs before and after esketamine "
      "initiation: a US claims analysis"),
     ("Methods: Adults with major depressive disorder and at least one esketamine claim were "
      "identified in the Optum Clinformatics Data Mart (March 2019-June 2022)."),
     {"conditions": ["depression"]}),
    ("hp182", ("Esketamine-associated cardiovascular adverse events: a pharmacovigilance study "
      "based on FAERS"),
     ("Results: Among 8,105 esketamine reports, 614 cardiovascular cases were identified. Cases "
      "were more frequent in patients aged 65 years and older."),
     {"ages": []}),
    ("hp182", ("Ketamine infusion therapy in a Canadian publicly funded program: a prospective "
      "registry"),
     ("RESULTS: Three hundred and twelve patients consented to the registry, of whom 278 "
      "completed the acute course. CONCLUSIONS: A publicly funded IV ketamine service achieved "
      "outcomes comparable to those of randomized trials."),
     {"design": "observational", "n": 312}),
    ("hp182", ("Prescription of esketamine in Spain after reimbursement: a nationwide "
      "drug-utilization study"),
     ("A total of 3,114 patients received at least one esketamine dispensation during the study "
      "period. Most patients were women aged 40-64 years, and 28% discontinued within 8 weeks."),
     {"ages": []}),
    ("hp182", "Ketamine in prehospital care: a 10-year review of a national air ambulance database",
     ("RESULTS: Ketamine was administered during 6,871 missions to 6,702 patients. Indications "
      "were analgesia (58.4%), induction for prehospital emergency anaesthesia (34.9%) and "
      "agitation (6.7%)."),
     {"n": 6702}),
    ("hp182", ("Ketamine-related deaths in England and Wales: analysis of Office for National "
      "Statistics mortality data"),
     ("There were 314 such deaths, with the annual number increasing from fewer than 5 before "
      "2006 to 53 in 2022. Most deaths involved men (78%) aged 20-39 years."),
     {"ages": []}),
    ("hp182", ("Disproportionality analysis of ketamine-induced liver injury in the FDA adverse "
      "event reporting system"),
     ("Background: Cholestatic liver injury has been associated with repeated ketamine exposure, "
      "particularly among recreational users and patients receiving prolonged infusions for "
      "sedation."),
     {"no_condition": "substance_use"}),
    ("hp182", ("Ketamine and esketamine prescribing in Australia: analysis of Pharmaceutical "
      "Benefits Scheme and state monitoring data"),
     ("Methods: Population-level dispensing data from the Pharmaceutical Benefits Scheme and a "
      "state-based real-time prescription monitoring system were analysed from 2016 to 2023."),
     {"design": "observational"}),
    ("hp182", ("Emergency department visits involving ketamine misuse in the Drug Abuse Warning "
      "Network, 2022"),
     ("This report uses data from the Drug Abuse Warning Network (DAWN), a public health "
      "surveillance system that monitors drug-related emergency department visits from a sample "
      "of US hospitals. Most visits involved young adults aged 18-25 years."),
     {"design": "observational", "ages": []}),
    ("hp182", ("National survey of ketamine use for depression by psychiatrists in the United "
      "Kingdom"),
     ("Aims and method: We conducted an online survey of consultant psychiatrists registered with "
      "the Royal College of Psychiatrists. An invitation was sent to 4,200 members, and 512 "
      "responded."),
     {"n": 512}),
    ("hp182", ("Abuse potential of esketamine: a review of post-marketing data from multiple "
      "surveillance systems"),
     ("Across systems, only 47 cases suggestive of abuse or misuse were identified, no diversion "
      "events were confirmed, and poison centre calls involving esketamine were rare relative to "
      "racemic ketamine."),
     {"conditions": ["substance_use"], "n": None}),
    ("hp182", ("Effectiveness of ketamine versus electroconvulsive therapy in routine practice: "
      "a target trial emulation using Danish registers"),
     ("Results: In total, 5,877 patients initiated ECT and 441 initiated ketamine."),
     {"n": 6318}),
    ("hp182", ("Bladder and kidney complications in chronic ketamine users in Hong Kong: a "
      "territory-wide cohort study"),
     ("RESULTS: We identified 4,367 individuals with ketamine use disorder (median age at "
      "diagnosis 22 years) and 43,670 matched comparators."),
     {"n": 48037}),
    ("hp182", ("Esketamine and the risk of falls and fractures in older adults: a Medicare "
      "cohort study"),
     ("The cohort included 2,214 esketamine initiators and 8,856 comparators."),
     {"n": 11070}),
    ("hp182", ("Esketamine nasal spray: signal of hypertension-related events in the Canadian "
      "Vigilance database and literature"),
     ("The review examined 12 Canadian and 96 international cases from the Canada Vigilance "
      "database, the manufacturer's safety database and the published literature. Of these, 23 "
      "cases were assessed as probably linked to esketamine."),
     {"n": None}),
    ("hp182", ("Comparison of bipolar and unipolar depression outcomes with IV ketamine in a "
      "real-world infusion program"),
     ("Methods: Data were drawn from a prospectively maintained clinical database of a "
      "hospital-based ketamine program. Patients received six IV ketamine infusions (0.5 mg/kg "
      "over 40 min) over 2-3 weeks."),
     {"design": "observational"}),
    ("hp183", ("Preventive ketamine blocks remifentanil-induced hyperalgesia after plantar "
      "incision in rats."),
     ("METHODS: Rats underwent plantar incision under sevoflurane anaesthesia while receiving a "
      "remifentanil infusion (1 mug/kg/min) or saline via a tail vein catheter for 60 min. "
      "Ketamine (10 mg/kg) or saline was injected subcutaneously 30 min before incision."),
     {"routes": ["subcutaneous"]}),
    ("hp183", ("Subanesthetic intravenous ketamine alters resting-state functional connectivity "
      "in rhesus macaques."),
     ("PURPOSE: Non-human primates offer a translational bridge for neuroimaging studies of "
      "rapid-acting antidepressants."),
     {"conditions": []}),
    ("hp183", ("Oral transmucosal administration of ketamine and detomidine for sedation of "
      "feral cats."),
     ("Adequate sedation for handling was achieved in 19 of 24 cats within 20 minutes; the "
      "remaining cats required intramuscular supplementation."),
     {"routes": ["sublingual"]}),
    ("hp183", ("Effects of ketamine on ouabain-induced hyperlocomotion and oxidative stress in "
      "an animal model of mania."),
     ("Because ketamine may induce manic switching in patients with bipolar depression, we "
      "investigated whether ketamine alters ouabain-induced behaviour."),
     {"conditions": ["bipolar"]}),
    ("hp183", ("Ketamine reverses anhedonia induced by prefrontal overactivation in the common "
      "marmoset."),
     ("We examined whether ketamine reverses anhedonia-like behaviour induced by experimental "
      "sgACC overactivation in marmosets (Callithrix jacchus)."),
     {"conditions": ["depression"]}),
    ("hp183", ("Comparison of ketamine and buprenorphine added to a dexmedetomidine protocol for "
      "postoperative analgesia in cats undergoing ovariohysterectomy: a randomised "
      "clinical trial."),
     ("Methods: Sixty female cats were randomly assigned to receive intramuscular dexmedetomidine "
      "(20 mug/kg) combined with either ketamine (5 mg/kg) or buprenorphine (20 mug/kg)."),
     {"routes": ["im"]}),
    ("hp183", ("Ketamine attenuates naloxone-precipitated opioid withdrawal and anxiety-like "
      "behaviour in morphine-dependent rats."),
     ("Male Wistar rats were made dependent on morphine by escalating subcutaneous injections for "
      "7 days. Ketamine (5 or 10 mg/kg, i.p.) or saline was administered 30 min before "
      "naloxone-precipitated withdrawal."),
     {"routes": []}),
    # hp184-187 (rows, part 1): conditions: PCIA as a vehicle, ketamine for ECT, sedation as an
    # adverse effect
    ("hp140", ("Esketamine-based patient-controlled intravenous analgesia for pain and "
      "depression in patients with advanced pancreatic cancer: a randomized controlled "
      "trial"),
     ("Methods: Sixty-four patients with advanced pancreatic cancer, moderate-to-severe cancer "
      "pain (numerical rating scale >= 4) and depressive symptoms (HAMD-17 >= 17) were randomly "
      "allocated to patient-controlled intravenous analgesia (PCIA) with sufentanil plus "
      "esketamine (esketamine group, n = 32) or sufentanil alone (control group, n = 32) for 7 "
      "days.\nConclusion: Adding esketamine to PCIA relieved cancer pain and depressive symptoms "
      "in patients with advanced pancreatic cancer."),
     {"conditions": ["depression", "chronic_pain"]}),
    ("hp142", ("[A case of severe emergence agitation after ketamine anesthesia for burn "
      "dressing change in a patient with schizophrenia]"),
     ("We report a case of severe emergence agitation after ketamine anesthesia. A 45-year-old "
      "man with schizophrenia sustained flame burns to 18% of his body surface area. Dressing "
      "changes were performed under general anesthesia induced with intravenous ketamine 1 mg/kg "
      "and maintained with additional boluses."),
     {"conditions": ["anesthesia"]}),
    ("hp160", ("Safety of ketamine sedation for burn dressing changes in children: a "
      "retrospective review of 1,016 procedures"),
     ("Introduction: Burn dressing changes are painful and distressing for children and often "
      "require procedural sedation. We reviewed the safety of ketamine-based sedation "
      "administered by a dedicated paediatric sedation team on a burns unit.\nConclusions: "
      "Ketamine sedation for burn dressing changes in children has a low rate of serious adverse "
      "events when delivered by a dedicated team."),
     {"conditions": ["anesthesia"]}),
    ("hp177", "Safety of repeated ketamine sedation for burn dressing changes in children",
     ("Children with major burns often require repeated dressing changes under sedation over many "
      "weeks, raising concerns about tolerance and cumulative adverse effects. We prospectively "
      "followed 47 children who underwent a total of 611 dressing changes under intravenous "
      "ketamine sedation in the burn unit."),
     {"conditions": ["anesthesia"]}),
    ("hp184", ("Perioperative esketamine and chronic postsurgical pain after modified radical "
      "mastectomy: a randomized controlled trial"),
     ("Purpose: Chronic postsurgical pain (CPSP) develops in 25%-60% of women after breast cancer "
      "surgery. We investigated whether perioperative esketamine reduces the incidence of "
      "CPSP.\nMethods: Women scheduled for modified radical mastectomy were randomly assigned to "
      "esketamine (0.5 mg/kg intravenous bolus before incision, 0.12 mg/kg/h intraoperatively and "
      "1.25 mg/kg added to a 48-h patient-controlled intravenous analgesia pump) or placebo. "
      "Secondary outcomes were CPSP at 6 months, acute pain scores and neuropathic pain "
      "characteristics (DN4)."),
     {"conditions": ["chronic_pain"]}),
    ("hp184", ("Esketamine for the prevention of postpartum depression: a Bayesian network "
      "meta-analysis of dose and timing"),
     ("Objectives: To compare different doses and timings of esketamine for preventing postpartum "
      "depression (PPD) after caesarean delivery.\nMethods: Regimens were classified by dose and "
      "timing (intraoperative, postoperative patient-controlled intravenous analgesia, or "
      "both).\nConclusion: Moderate-dose intraoperative esketamine combined with esketamine-based "
      "PCIA may be the optimal strategy for PPD prevention."),
     {"conditions": ["depression"]}),
    ("hp184", "Ketamine clinics at a crossroads: the case for national standards",
     ("In this editorial, we argue that the rapid growth of for-profit ketamine clinics in North "
      "America and Europe has outpaced the evidence and the regulatory framework. Off-label "
      "intravenous ketamine for depression is now offered by providers with widely variable "
      "psychiatric training, screening procedures and monitoring."),
     {"conditions": ["depression"]}),
    ("hp184", ("Early intravenous ketamine for super-refractory status epilepticus in adults: a "
      "case series from a neurocritical care unit"),
     ("Results: Ketamine was started at a median of 31 h after seizure onset, at doses of 1-5 "
      "mg/kg/h, in combination with midazolam and propofol. Electrographic seizure control was "
      "achieved within 24 h in four of five patients, allowing weaning of propofol."),
     {"conditions": []}),
    ("hp184", ("Psychiatric adverse events associated with esketamine nasal spray: a "
      "disproportionality analysis of the FDA Adverse Event Reporting System"),
     ("Results: Strong signals were detected for dissociation (ROR 201.3), sedation (ROR 47.6), "
      "suicidal ideation (ROR 19.8), completed suicide (ROR 4.2) and increased blood "
      "pressure.\nConclusions: This analysis confirmed known dissociative and sedative effects "
      "and identified suicide-related events as signals warranting clinical vigilance."),
     {"conditions": ["suicidality"]}),
    ("hp184", ("Beyond NMDA receptor blockade: ketamine metabolites, enantiomers and the search "
      "for the next rapid-acting antidepressant"),
     ("The discovery that a single subanaesthetic dose of ketamine produces rapid antidepressant "
      "effects has transformed psychiatric drug development. We discuss the differing "
      "pharmacology of esketamine and arketamine, the disappointing results of the first "
      "arketamine trial in treatment-resistant depression, and the lateral habenula burst-firing "
      "hypothesis."),
     {"conditions": ["depression"]}),
    ("hp184", ("Subcutaneous esketamine patient-controlled analgesia for refractory cancer pain "
      "with comorbid depression: a randomized controlled trial"),
     ("Objective: Patients with advanced cancer frequently experience both refractory pain and "
      "depression. This study evaluated whether adding esketamine to subcutaneous hydromorphone "
      "patient-controlled analgesia (PCSA) improves pain and depressive symptoms.\nMethods: "
      "Patients with moderate-to-severe cancer pain (NRS >=4) despite opioid therapy were "
      "randomly assigned to hydromorphone PCSA with esketamine or hydromorphone PCSA alone for 7 "
      "days."),
     {"conditions": ["depression", "chronic_pain"]}),
    ("hp185", ("Esketamine-based patient-controlled intravenous analgesia in surgical patients "
      "with preoperative depressive symptoms: an open-label, single-arm pilot trial"),
     ("Purpose: Preoperative depressive symptoms are common in patients undergoing spine surgery "
      "and predict poor outcomes. We explored the feasibility and preliminary antidepressant "
      "effect of esketamine delivered through postoperative patient-controlled intravenous "
      "analgesia (PCIA).\nConclusion: Esketamine-based PCIA was feasible and associated with "
      "rapid improvement in depressive symptoms after spine surgery."),
     {"conditions": ["depression"]}),
    ("hp185", ("Chinese expert consensus on the perioperative application of esketamine in adult "
      "patients (2023)"),
     ("Esketamine has been widely used in clinical anaesthesia in China since its approval in "
      "2019. The panel formulated 18 recommendations covering: (1) induction of general "
      "anaesthesia, particularly in elderly and haemodynamically unstable patients (intravenous "
      "0.2-0.5 mg/kg); (2) maintenance of anaesthesia and opioid-sparing multimodal analgesia, "
      "including addition to patient-controlled intravenous analgesia; (3) prevention of "
      "postoperative and postpartum depressive symptoms; (4) procedural sedation; and (5) "
      "contraindications and management of adverse effects."),
     {"conditions": ["depression", "acute_pain", "anesthesia"]}),
    ("hp185", ("Esketamine-supplemented patient-controlled intravenous analgesia and sleep "
      "quality after breast cancer surgery: a randomized trial"),
     ("Purpose: Sleep disturbance after breast cancer surgery is common and may persist. We "
      "investigated whether adding esketamine to postoperative patient-controlled intravenous "
      "analgesia (PCIA) improves sleep quality.\nConclusion: Esketamine-supplemented PCIA "
      "improved sleep quality after breast cancer surgery."),
     {"conditions": ["anesthesia"]}),
    ("hp185", ("Esketamine-based patient-controlled intravenous analgesia and postpartum "
      "depression after caesarean delivery: a retrospective cohort study"),
     ("Objective: To evaluate the association between esketamine-based patient-controlled "
      "intravenous analgesia (PCIA) and the incidence of postpartum depression (PPD) in a "
      "real-world setting.\nMethods: Women who received esketamine-containing PCIA were compared "
      "with those who received conventional sufentanil PCIA."),
     {"conditions": ["depression"]}),
    ("hp186", ("Ketofol versus ketamine alone for procedural sedation during paediatric burn "
      "dressing changes: a randomised double-blind trial from North India."),
     ("Background: Children with burns require repeated painful dressing changes. We compared a "
      "ketamine-propofol mixture (ketofol) with ketamine alone for procedural "
      "sedation.\nConclusion: Ketofol provides faster recovery and less vomiting than ketamine "
      "alone for paediatric burn dressings."),
     {"conditions": ["anesthesia"]}),
    ("hp186", "Ketamine administered after blast exposure attenuates PTSD-like behaviour in rats.",
     ("Blast exposure is frequently followed by post-traumatic stress disorder (PTSD). Adult male "
      "Long-Evans rats were exposed to three low-level blasts and received ketamine or saline 1 "
      "hour later. Anxiety-like behaviour, fear conditioning and extinction, and social "
      "interaction were assessed 8 weeks later. Blast-exposed rats receiving saline showed "
      "increased anxiety-like behaviour and impaired fear extinction."),
     {"conditions": ["ptsd"]}),
    ("hp186", ("Ketamine and the WHO Model List of Essential Medicines: history, access and the "
      "threat of international control."),
     ("Ketamine was first synthesised in 1962 and introduced into clinical practice in 1970 as a "
      "short-acting dissociative anaesthetic. In this review we trace the history of ketamine as "
      "an anaesthetic for low-resource and battlefield settings. We also discuss how the recent "
      "approval of esketamine for treatment-resistant depression and the growth of ketamine "
      "clinics in high-income countries have changed the policy debate. We conclude that "
      "safeguarding access to ketamine for anaesthesia in low- and middle-income countries must "
      "remain a priority of any regulatory decision."),
     {"conditions": ["depression", "trd", "anesthesia"]}),
    ("hp187", ("Etomidate versus ketamine as anesthetic for electroconvulsive therapy in "
      "treatment-resistant depression: a randomized crossover study"),
     ("Methods: Thirty patients with treatment-resistant depression received ECT sessions "
      "alternately under etomidate (0.2 mg/kg) and ketamine (1 mg/kg) in randomized "
      "order.\nConclusions: Etomidate and ketamine produce comparable seizure quality."),
     {"conditions": ["depression", "trd", "anesthesia"]}),
    ("hp187", ("Strategies for maintaining response after ketamine or esketamine treatment in "
      "depression: a systematic review"),
     ("Methods: We searched four databases for studies of continuation or maintenance treatment "
      "after response to ketamine in unipolar or bipolar depression."),
     {"conditions": ["depression", "bipolar"]}),
    ("hp187", ("Electroconvulsive therapy under ketamine anesthesia in adolescents with severe "
      "mood disorders: a 10-year retrospective study"),
     ("Results: Twenty-nine adolescents (mean age 16.2 years) received 412 treatments; diagnoses "
      "were major depressive disorder (n=17), bipolar disorder (n=8) and catatonia "
      "(n=4).\nConclusions: Ketamine anesthesia for ECT was well tolerated in adolescents with "
      "severe mood disorders."),
     {"conditions": ["depression", "bipolar", "anesthesia"]}),
    ("hp187", "Ketamine as an alternative to thiopentone for electroconvulsive therapy",
     ("Twenty depressed patients receiving a course of electroconvulsive therapy were "
      "anaesthetised on alternate occasions with ketamine 2 mg/kg and thiopentone 3 mg/kg. "
      "Seizures lasted longer after ketamine (mean 46 s) than after thiopentone (mean 33 s)."),
     {"conditions": ["depression", "anesthesia"]}),
    # hp184-187 (rows, part 2): design, population, sample size, ages and routes
    ("hp132", ("Intranasal esketamine versus antipsychotic augmentation for treatment-resistant "
      "depression: a target trial emulation using nationwide claims data"),
     ("Methods: We emulated a target trial using US commercial and Medicare Advantage claims "
      "(2019-2023). New users of esketamine (n=2,450) were compared with new users of "
      "aripiprazole, brexpiprazole or quetiapine augmentation (n=24,812) after inverse "
      "probability of treatment weighting."),
     {"n": 27262}),
    ("hp149", ("Intranasal racemic ketamine for acute suicidal ideation in the emergency "
      "department: a pilot randomized placebo-controlled trial"),
     ("OBJECTIVES: Rapid reduction of suicidal ideation is a priority in emergency care, where "
      "intravenous infusion may be impractical. METHODS: Thirty adults with depression presenting "
      "to the emergency department with suicidal ideation were randomized to ketamine 40 mg or "
      "saline delivered through a mucosal atomization device into each nostril."),
     {"routes": ["intranasal"]}),
    ("hp184", ("Ketamine, psilocybin and MDMA: how do psychedelic-assisted therapies compare for "
      "depression and PTSD?"),
     ("This narrative review compares the three compounds with the largest evidence base: "
      "ketamine, psilocybin and 3,4-methylenedioxymethamphetamine (MDMA). We summarise their "
      "pharmacology and the evidence from randomized trials for major depression, "
      "treatment-resistant depression and post-traumatic stress disorder."),
     {"design": "review"}),
    ("hp184", ("Ketamine combined with relapse-prevention psychotherapy for severe alcohol use "
      "disorder: protocol for a multicentre, randomised, double-blind, active "
      "placebo-controlled trial"),
     ("Introduction\nRelapse rates after alcohol detoxification exceed 60% within 6 "
      "months.\nMethods and analysis\nWe will recruit 280 adults with severe alcohol use disorder "
      "(DSM-5) who have completed detoxification at eight addiction services in Germany and "
      "Austria. Participants will be randomised to three intravenous infusions of ketamine (0.8 "
      "mg/kg over 40 min) or midazolam (0.05 mg/kg) as active placebo.\nTrial "
      "registration\nDRKS00034567."),
     {"routes": ["iv"], "ages": ["adult"]}),
    ("hp184", ("Esketamine attenuates lipopolysaccharide-induced depressive-like behaviour by "
      "inhibiting microglial NLRP3 inflammasome activation in the hippocampus"),
     ("Methods: Male C57BL/6 mice received lipopolysaccharide (LPS, 0.83 mg/kg, "
      "intraperitoneally) to induce depressive-like behaviour, followed by esketamine (5 mg/kg) "
      "30 min later. Behaviour was evaluated with the open field, tail suspension and forced "
      "swimming tests. In parallel, BV2 microglial cells were stimulated with LPS and treated "
      "with esketamine in vitro."),
     {"population": "animal"}),
    ("hp184", ("Intranasal ketamine for acute attacks of cluster headache: a retrospective "
      "single-centre study"),
     ("Results: Thirty-three patients (29 men; mean age 44 years) treated 842 attacks. Pain "
      "freedom at 15 min was reported in 36% of attacks and meaningful pain relief in 71%."),
     {"n": 33}),
    ("hp185", ("Current practice of perioperative esketamine use among anesthesiologists in "
      "China: a nationwide cross-sectional survey"),
     ("Results: A total of 2,314 anesthesiologists from 31 provinces completed the survey. "
      "Overall, 86.4% reported using esketamine in their practice, most commonly for induction of "
      "anesthesia (72.1%), pediatric sedation (48.5%) and painless endoscopy (44.0%)."),
     {"ages": []}),
    ("hp186", ("Safety of ketamine anaesthesia delivered by nurse anaesthetists in rural Sierra "
      "Leone: a prospective cohort study."),
     ("RESULTS: During the study period, 1,027 ketamine anaesthetics were given to 985 patients. "
      "The most common procedures were caesarean section (38%), hernia repair (21%) and "
      "laparotomy (14%)."),
     {"n": 985}),
    ("hp186", ("Maternal and neonatal outcomes after ketamine general anaesthesia for emergency "
      "caesarean section in rural Rwanda."),
     ("Of 2,218 caesarean deliveries, 587 (26.5%) were performed under intravenous ketamine "
      "anaesthesia. After adjustment for indication and urgency, ketamine anaesthesia was "
      "associated with a higher rate of neonatal resuscitation (adjusted OR 1.7, 95% CI 1.2-2.4) "
      "but not with maternal mortality. Improving access to spinal anaesthesia could reduce "
      "neonatal morbidity, but ketamine remains indispensable for unstable mothers in rural "
      "settings."),
     {"ages": []}),
    ("hp186", ("Prehospital analgesia practices among emergency medical technicians in Brazil: a "
      "cross-sectional survey."),
     ("Methods: An online questionnaire was sent to SAMU teams in 11 states between August and "
      "October 2021. Results: Three hundred fifty-six professionals responded. Dipyrone was the "
      "most frequently used analgesic (92%), followed by morphine (48%), tramadol (41%), fentanyl "
      "(22%) and ketamine (18%)."),
     {"n": 356}),
    ("hp186", ("Low-dose ketamine infusion for refractory vaso-occlusive crisis in sickle cell "
      "disease: a case series from Lagos."),
     ("We describe 12 patients aged 14 to 32 years with severe VOC unresponsive to intramuscular "
      "pentazocine and oral morphine who were treated with a low-dose intravenous ketamine "
      "infusion (0.1-0.2 mg/kg/h) on the medical ward of a teaching hospital in Lagos."),
     {"routes": ["iv"]}),
    ("hp186", ("Surgery and anaesthesia in a field hospital during the Rohingya refugee crisis: "
      "a clinical audit."),
     ("Methods: Clinical audit of the operating theatre logbook and anaesthetic charts from "
      "December 2017 to November 2018. Results: A total of 1,240 surgical procedures were "
      "performed. Spinal anaesthesia was used for 52% of procedures and ketamine-based general "
      "anaesthesia for 33%."),
     {"design": "observational"}),
    ("hp186", ("Task-sharing in anaesthesia: a survey of ketamine practice among nurse "
      "anaesthetists in Rwanda."),
     ("Results: Of 180 nurse anaesthetists invited, 152 responded (84%). Most respondents (87%) "
      "used ketamine at least weekly, most commonly for caesarean section under general "
      "anaesthesia, burns dressing and paediatric surgery. Respondents requested further training "
      "in paediatric dosing and airway management."),
     {"ages": []}),
    ("hp186", ("WHO-WFSA International Standards for a Safe Practice of Anesthesia: implications "
      "for ketamine use in low-resource settings."),
     ("At the most basic level, ketamine is designated as a highly recommended medication for "
      "general anaesthesia. We summarise the recommendations relevant to the use of ketamine as "
      "sole anaesthetic agent, the monitoring required, and the training of non-physician "
      "anaesthesia providers."),
     {"design": "guideline"}),
    ("hp187", ("Intravenous ketamine versus electroconvulsive therapy for late-life depression: "
      "a propensity-matched retrospective cohort study"),
     ("RESULTS: After matching, 68 ketamine-treated and 68 ECT-treated patients were compared "
      "(mean age 73.4 years). Response rates were 38% and 62%, respectively (OR 0.37, p=0.006)."),
     {"n": 136}),
    ("hp187", "Ketamine as an alternative to thiopentone for electroconvulsive therapy",
     ("Twenty depressed patients receiving a course of electroconvulsive therapy were "
      "anaesthetised on alternate occasions with ketamine 2 mg/kg and thiopentone 3 mg/kg. "
      "Seizures lasted longer after ketamine (mean 46 s) than after thiopentone (mean 33 s)."),
     {"design": "nonrandomized_trial"}),
    ("hp187", ("Use of ketamine in electroconvulsive therapy practice: a national survey of ECT "
      "services"),
     ("Methods: An online questionnaire was sent to the lead clinicians of all 96 accredited ECT "
      "clinics in the United Kingdom and Ireland in 2022. Results: Seventy-one clinics responded "
      "(74%). Ketamine was available in 46 clinics and was used mainly when seizures were "
      "inadequate (n = 39) and less often to augment clinical response (n = 8)."),
     {"n": 71}),
    ("hp187", ("Group ketamine-assisted therapy for depression and burnout in frontline "
      "healthcare workers: a single-arm pilot trial"),
     ("Methods: In this single-arm pilot trial, 24 physicians, nurses and paramedics with "
      "moderate to severe depressive symptoms (PHQ-9 ≥ 10) attended preparatory groups followed "
      "by three group dosing sessions of intramuscular ketamine (0.4-0.75 mg/kg). Results: "
      "Twenty-two participants completed all sessions."),
     {"n": 24}),
    ("hp187", ("Subcutaneous ketamine as a bridge to electroconvulsive therapy in severely "
      "suicidal depressed inpatients: a case series"),
     ("We describe seven inpatients (four women; aged 27-58 years) with major depression and high "
      "suicide risk who received subcutaneous ketamine 0.5 mg/kg twice weekly while awaiting ECT. "
      "Subcutaneous ketamine may offer a practical bridge to ECT in settings where intravenous "
      "administration is difficult."),
     {"routes": ["subcutaneous"]}),
    ("hp187", ("Combining esketamine nasal spray with electroconvulsive therapy in severely "
      "depressed inpatients: a retrospective comparison with ECT alone"),
     ("Methods: Medical records of inpatients with severe major depressive disorder treated with "
      "ECT between 2021 and 2023 were reviewed. Patients who additionally received esketamine "
      "nasal spray (56 or 84 mg twice weekly) on non-ECT days (combination group, n = 31) were "
      "compared with patients treated with ECT alone (n = 62) matched for age, sex and severity."),
     {"n": 93}),
    # hp188-191 (rows, part 1): conditions, ages, routes, population (health services, comorbidity)
    ("hp141", ("In vitro permeation of ketamine and amitriptyline from compounded topical creams "
      "through human skin."),
     ("BACKGROUND: Compounded topical creams containing ketamine and amitriptyline are prescribed "
      "for neuropathic pain. METHODS: Dermatomed human abdominal skin obtained from cosmetic "
      "surgery was mounted in Franz diffusion cells. Creams containing ketamine 5% and "
      "amitriptyline 2% in a lipophilic base, an emulsion base and a pluronic lecithin organogel "
      "were applied at finite dose."),
     {"routes": [], "population": "in_vitro"}),
    ("hp188", ("Monitoring standards for outpatient subanaesthetic ketamine treatment: a "
      "modified Delphi consensus of nurses, psychiatrists and anaesthetists"),
     ("Methods: A three-round modified Delphi process was conducted with a panel of 31 "
      "clinicians. Results: Consensus was reached on 46 of 58 statements, including a minimum "
      "observation period of 60 minutes after intravenous or subcutaneous dosing, and criteria "
      "for discharge with a responsible adult."),
     {"ages": []}),
    ("hp188", ("Patient-reported experiences of care in a private intravenous ketamine clinic: a "
      "cross-sectional survey"),
     ("An anonymous online survey was emailed to all patients who had received at least one "
      "ketamine infusion for depression, post-traumatic stress disorder or an anxiety disorder at "
      "a private clinic in Texas between 2018 and 2022. Of 688 eligible patients, 203 (29.5%) "
      "completed the survey. Perceived benefit was rated as substantial by 58% of respondents "
      "treated for depression and 49% of those treated for PTSD."),
     {"conditions": ["depression", "anxiety", "ptsd"]}),
    ("hp188", ("Drug use evaluation of ketamine across a tertiary teaching hospital: "
      "indications, dosing and adherence to institutional criteria"),
     ("Results: Overall, 214 ketamine orders for 187 patients were reviewed. Indications were "
      "acute pain (58.3%), procedural sedation (17.6%), sedation in the intensive care unit "
      "(14.4%), refractory status epilepticus (3.2%) and depression (2.7%). Most orders were for "
      "intravenous infusion or bolus (79.4%), followed by subcutaneous (12.1%) and oral (8.5%) "
      "administration."),
     {"no_condition": "substance_use", "routes": ["iv", "oral", "subcutaneous"]}),
    ("hp188", ("Intranasal ketamine versus intravenous morphine for children with acute limb "
      "fractures in the emergency department: an economic evaluation alongside a "
      "randomised trial"),
     ("Methods: A within-trial cost-effectiveness analysis was performed alongside a randomised "
      "trial in which children aged 6 to 17 years with suspected isolated limb fractures were "
      "randomly assigned to intranasal ketamine (1.5 mg/kg) or intravenous morphine (0.1 mg/kg)."),
     {"conditions": ["acute_pain"]}),
    ("hp188", ("Blood pressure elevations during esketamine treatment sessions: analysis of "
      "nursing monitoring records from an outpatient clinic"),
     ("RESULTS: In total, 2,311 sessions in 118 patients (mean age 47.6 years; 9 aged 65 years or "
      "older) were analysed. Older age, pre-existing hypertension and the 84 mg dose were "
      "associated with larger peak increases."),
     {"ages": []}),
    ("hp188", ("Tenfold ketamine overdose during procedural sedation in a child: a medication "
      "error case report"),
     ("Medication errors involving ketamine are often associated with the availability of "
      "multiple vial concentrations. We describe a 4-year-old boy who received 100 mg of "
      "intravenous ketamine instead of 10 mg for procedural sedation for laceration repair in the "
      "emergency department."),
     {"conditions": ["anesthesia"]}),
    ("hp188", ("Ketamine prescribing for cancer pain in UK hospices: a national survey of "
      "palliative medicine consultants"),
     ("Methods: An online survey was sent to all consultant members of the Association for "
      "Palliative Medicine of Great Britain and Ireland working in adult hospices in 2022. "
      "Results: A total of 147 consultants responded from 112 hospices."),
     {"ages": []}),
    ("hp188", ("Marketing claims on the websites of US ketamine clinics: a cross-sectional "
      "content analysis"),
     ("Results: Clinics advertised ketamine for depression (97%), anxiety (81%), post-traumatic "
      "stress disorder (79%), chronic pain (64%) and substance use disorders (37%). Prices were "
      "listed on 52% of websites (median US$500 per infusion)."),
     {"routes": []}),
    ("hp188", ("Off-label use of esketamine in Chinese tertiary hospitals: a multicentre "
      "retrospective prescription review"),
     ("Results: A total of 9,826 prescriptions were evaluated. Doses exceeding the recommended "
      "range were found in 11.7% of prescriptions, more often in patients aged 65 years and "
      "older."),
     {"ages": []}),
    ("hp188", ("Acceptability of intraoperative esketamine to prevent postpartum depression: a "
      "qualitative study of women undergoing caesarean delivery"),
     ("Methods: Semi-structured interviews were conducted with 20 women aged 23-38 years within 3 "
      "days after caesarean delivery. Results: Concerns centred on effects on breastfeeding and "
      "the infant, and on transient dizziness."),
     {"ages": ["adult"]}),
    ("hp190", ("Esketamine nasal spray in treatment-resistant depression with comorbid chronic "
      "pain: a retrospective real-world analysis"),
     ("Chronic pain conditions are common among patients with treatment-resistant depression "
      "(TRD). We retrospectively reviewed charts of patients who initiated esketamine nasal spray "
      "and who had a documented chronic pain diagnosis (fibromyalgia, chronic neuropathic pain, "
      "chronic migraine or chronic musculoskeletal pain). Mean pain ratings decreased modestly "
      "from 6.8 to 5.9 (p = 0.02). A small concurrent reduction in pain intensity was observed."),
     {"conditions": ["depression", "trd", "chronic_pain"]}),
    ("hp190", ("Anxious distress as a moderator of response to esketamine nasal spray in "
      "treatment-resistant depression: a pooled post hoc analysis of three phase 3 "
      "trials"),
     ("RESULTS: The treatment difference for esketamine versus active comparator was similar in "
      "anxious (-4.1) and non-anxious (-3.8) patients (interaction p = 0.79). CONCLUSIONS: "
      "Anxious distress did not moderate the efficacy of esketamine nasal spray in TRD, "
      "suggesting that it can be considered regardless of anxiety burden at baseline."),
     {"conditions": ["depression", "trd"]}),
    ("hp190", "Ketamine for agitation in dementia: promising signal or premature enthusiasm?",
     ("To the Editor: We read with interest the recent case series describing low-dose ketamine "
      "for refractory agitation in patients with advanced dementia. We also note that the "
      "pharmacokinetics of ketamine and norketamine are altered in the elderly, raising concerns "
      "about accumulation with continuous infusion."),
     {"conditions": []}),
    ("hp191", ("Bioavailability and pharmacokinetics of oral and intravenous racemic ketamine "
      "and norketamine in healthy volunteers"),
     ("Aims: Oral ketamine is increasingly prescribed for pain and depression, but its absolute "
      "bioavailability after oral dosing has been incompletely characterised. Methods: Ten "
      "healthy male volunteers aged 21-34 years received 0.3 mg/kg ketamine intravenously and 0.5 "
      "mg/kg ketamine orally."),
     {"conditions": []}),
    ("hp191", ("Routes of administration of ketamine: pharmacokinetic considerations for "
      "clinical practice"),
     ("This narrative review summarises the absorption and bioavailability of ketamine. We "
      "discuss formulation developments, including prolonged-release tablets and dry powder for "
      "inhalation."),
     {"routes": ["inhaled"]}),
    ("hp191", ("Rectal ketamine-midazolam sedation for computed tomography in young children: a "
      "10-year retrospective review"),
     ("Results: A total of 214 children were sedated (median age 2.4 years). Imaging was "
      "completed in 201 (93.9%) after a single dose; nine required a second dose and four "
      "required intravenous sedation."),
     {"routes": ["rectal"]}),
    ("hp191", ("In vitro permeation of ketamine from compounded topical formulations through "
      "human skin"),
     ("Compounded topical creams containing ketamine are widely prescribed for localised "
      "neuropathic pain. Using Franz diffusion cells and dermatomed human cadaver skin, we "
      "compared the permeation of ketamine from four formulations."),
     {"population": "in_vitro"}),
    ("hp191", ("Epidural esketamine for postpartum depression after caesarean delivery: a "
      "randomised, double-blind, placebo-controlled trial"),
     ("Methods: Women undergoing elective caesarean delivery were randomised to epidural "
      "esketamine 0.25 mg/kg or normal saline, added to the epidural analgesia pump after "
      "delivery. The primary outcome was the incidence of PPD. Secondary outcomes included pain "
      "scores and adverse events."),
     {"conditions": ["depression"]}),
    ("hp191", "At-home ketamine: convenience at what cost?",
     ("To the Editor: The rapid growth of telehealth companies that mail oral and sublingual "
      "ketamine tablets directly to patients' homes raises concerns. In contrast with esketamine "
      "nasal spray, which can be administered only in certified healthcare settings, home-dosed "
      "ketamine is often prescribed after a brief video consultation."),
     {"no_route": "intranasal"}),
    # hp188-191 (rows, part 2): design and sample size (CONSORT counts, planned enrolment)
    ("hp188", ("Effect of a simulation-based education programme on nurses' competence in "
      "monitoring patients receiving ketamine infusions for acute pain: a "
      "quasi-experimental study"),
     ("Methods: A single-group pretest-posttest design was used at a university hospital. "
      "Results: Of 74 nurses invited, 58 participated and 51 completed the 3-month follow-up."),
     {"design": "nonrandomized_trial", "n": 58}),
    ("hp188", ("Inpatient versus outpatient ketamine infusion protocols for complex regional "
      "pain syndrome: comparison of costs and outcomes"),
     ("Methods: Records of patients with CRPS type I treated with a 5-day inpatient continuous "
      "ketamine infusion protocol (2014-2017, n = 31) or a 10-day outpatient 4-hour infusion "
      "protocol (2018-2021, n = 33) at a university pain service were compared."),
     {"design": "observational", "n": 64}),
    ("hp188", ("Paramedic-administered ketamine analgesia: a 4-year audit of ambulance patient "
      "care records"),
     ("Results: Ketamine was administered on 2,146 occasions to 2,089 patients (median age 54 "
      "years; range 16-97). Ketamine was given intravenously in 81.4% of cases."),
     {"n": 2089}),
    ("hp188", ("Drug use evaluation of ketamine across a tertiary teaching hospital: "
      "indications, dosing and adherence to institutional criteria"),
     ("Results: Overall, 214 ketamine orders for 187 patients were reviewed. Indications were "
      "acute pain (58.3%) and procedural sedation (17.6%)."),
     {"n": 187}),
    ("hp188", ("'We got him back, for a while': family members' experiences of a relative's "
      "ketamine treatment for depression"),
     ("Method: Semi-structured interviews were conducted with 12 family members (partners, "
      "parents and adult children) of patients who had received serial intravenous ketamine "
      "infusions at an academic mood disorders clinic."),
     {"n": 12}),
    ("hp188", ("Compliance with national guidance on ketamine procedural sedation in children: a "
      "re-audit in a district general hospital emergency department"),
     ("Results: Sixty-eight sedations were included in the re-audit, compared with 54 in the "
      "initial audit. Documented pre-sedation fasting assessment improved from 61% to 88%, the "
      "presence of two appropriately trained clinicians from 74% to 97%, and use of capnography "
      "from 39% to 82%."),
     {"n": None}),
    ("hp188", ("Ketamine prescribing for cancer pain in UK hospices: a national survey of "
      "palliative medicine consultants"),
     ("Results: A total of 147 consultants responded from 112 hospices. Most (89%) had prescribed "
      "ketamine for cancer pain in the previous year."),
     {"n": 147}),
    ("hp188", ("Off-label use of esketamine in Chinese tertiary hospitals: a multicentre "
      "retrospective prescription review"),
     ("Methods: Inpatient esketamine prescriptions issued in 16 tertiary hospitals during 2022 "
      "were extracted from hospital information systems and evaluated by clinical pharmacists "
      "against the approved labelling."),
     {"design": "observational"}),
    ("hp189", ("Ketamine versus electroconvulsive therapy for severe depression: prespecified "
      "interim analysis of a randomized noninferiority trial"),
     ("METHODS: In an ongoing open-label noninferiority trial with a planned enrollment of 400 "
      "inpatients, participants with severe major depressive episodes are randomized to "
      "thrice-weekly ketamine infusions (0.5 mg/kg) or ECT. RESULTS: The interim analysis "
      "included the first 200 randomized patients (ketamine, 101; ECT, 99)."),
     {"n": 200}),
    ("hp189", ("Response to ketamine in bipolar versus unipolar depression: pooled analysis of "
      "individual participant data from four randomised trials"),
     ("Methods: We pooled individual participant data from four randomised, placebo-controlled "
      "crossover trials of a single intravenous ketamine infusion (0.5 mg/kg) conducted at one "
      "research centre. Results: Data from 235 participants (bipolar depression, n = 86; unipolar "
      "major depression, n = 149) were analysed."),
     {"design": "rct", "n": 235}),
    ("hp189", ("Ketamine for prevention of emergence agitation after sevoflurane anesthesia in "
      "children and adults: a meta-analysis"),
     ("Results: Thirty-one studies were included: 18 trials in children (n = 1,220) and 13 trials "
      "in adults (n = 970). Ketamine reduced the incidence of EA in children and in adults."),
     {"n": 2190}),
    ("hp191", ("Pharmacokinetics of a novel buccal ketamine wafer compared with an oral ketamine "
      "solution: a crossover study in healthy volunteers"),
     ("In this open-label, two-period, fixed-sequence crossover study, eight healthy volunteers "
      "(four women; aged 23-41 years) received ketamine 50 mg as a buccal wafer and, after a "
      "7-day washout, 50 mg as an oral solution that was swallowed."),
     {"design": "nonrandomized_trial"}),
    ("hp191", ("Esketamine nasal spray versus intravenous ketamine for treatment-resistant "
      "depression: a randomized, open-label, noninferiority trial"),
     ("Methods: In this open-label, rater-blinded noninferiority trial at four academic centres, "
      "220 adults with TRD were randomized to twice-weekly intravenous ketamine or esketamine "
      "nasal spray for 4 weeks. Results: A total of 214 patients received at least one dose."),
     {"n": 220}),
    # hp192: a 2025-2026 sample
    ("hp192", ("Esketamine-sufentanil patient-controlled intravenous analgesia after "
      "video-assisted thoracoscopic lobectomy: a randomized trial"),
     ("Objective To investigate the analgesic efficacy of adding esketamine to sufentanil-based "
      "patient-controlled intravenous analgesia (PCIA) after thoracoscopic lobectomy. Methods "
      "Rescue analgesia, cumulative PCIA presses, PONV, and psychotomimetic adverse events were "
      "recorded. Results The incidence of PONV was similar; one patient in group ES reported "
      "vivid dreams."),
     {"conditions": ["acute_pain"]}),
    ("hp192", ("Epidural esketamine as an adjuvant to ropivacaine-sufentanil for labour "
      "analgesia: a randomised controlled trial"),
     ("Methods: Nulliparous parturients requesting epidural labour analgesia (n = 180) were "
      "randomised to programmed intermittent epidural boluses of 0.08% ropivacaine with "
      "sufentanil 0.3 ug/ml, with or without esketamine 0.1 mg/ml. The primary outcome was the "
      "incidence of breakthrough pain requiring a manual bolus."),
     {"routes": ["neuraxial"]}),
    ("hp192", ("Pharmacokinetics, safety and tolerability of inhaled esketamine dry powder in "
      "healthy Chinese adults: a randomized, double-blind, placebo-controlled, single ascending "
      "dose phase 1 study"),
     ("Results: Esketamine was rapidly absorbed (median Tmax 2-5 min), and Cmax and AUC "
      "increased approximately dose-proportionally. Absolute bioavailability estimated from a "
      "previous intravenous study was about 65%."),
     {"routes": ["inhaled"]}),
    # hp193: perioperative trials
    ("hp193", ("Prophylactic esketamine for shivering during caesarean delivery under spinal "
      "anaesthesia: a randomised, double-blind, placebo-controlled trial"),
     ("Methods: A total of 180 parturients scheduled for elective caesarean delivery under "
      "spinal anaesthesia were randomised to receive intravenous esketamine 0.125 mg/kg, 0.25 "
      "mg/kg or saline (60 per group) immediately after delivery of the baby. The primary "
      "outcome was the incidence of shivering from intrathecal injection to the end of "
      "surgery."),
     {"routes": ["iv"]}),
    ("hp193", ("Recreational ketamine use among anaesthesia residents and nurse anaesthetists: a "
      "national anonymous survey"),
     ("We conducted a national anonymous online survey of anaesthesia residents and nurse "
      "anaesthetists on the use of ketamine outside clinical practice. Strategies to prevent "
      "ketamine misuse in anaesthesia departments are discussed."),
     {"conditions": ["substance_use"]}),
    ("hp193", ("Ketamine and esketamine do not promote proliferation or migration of human "
      "breast cancer cells in vitro"),
     ("Anaesthetic drugs may influence cancer recurrence after surgery. We studied the effects "
      "of racemic ketamine and esketamine at clinically relevant concentrations (1-100 uM) on "
      "the proliferation, migration and invasion of MCF-7 and MDA-MB-231 human breast cancer "
      "cell lines. These findings provide no in vitro evidence against the use of ketamine or "
      "esketamine during breast cancer surgery."),
     {"conditions": []}),
    ("hp193", ("Ketamine for general anaesthesia in caesarean delivery and neonatal outcomes: a "
      "population-based registry study"),
     ("Methods: Using the national obstetric anaesthesia registry (2010-2021), we identified "
      "12,406 caesarean deliveries under general anaesthesia in 11,872 women. Conclusions: "
      "Ketamine induction for caesarean delivery appears safe for the neonate."),
     {"ages": []}),
    # hp194: psychiatry
    ("hp194", ("A single ketamine infusion combined with mindfulness-based behavioral "
      "modification to treat cocaine dependence"),
     ("In this randomized, midazolam-controlled trial, 55 cocaine-dependent participants "
      "seeking treatment were admitted for a 5-day inpatient stay, during which they received a "
      "single 40-minute intravenous infusion of ketamine (0.5 mg/kg) or midazolam (0.025 "
      "mg/kg)."),
     {"n": 55}),
    ("hp194", ("Outcomes of intravenous ketamine at a community ketamine clinic: a retrospective "
      "chart review"),
     ("Primary outcomes were changes in the Patient Health Questionnaire-9 (PHQ-9) and "
      "Generalized Anxiety Disorder-7 (GAD-7) scores from baseline to after the sixth infusion. "
      "Conclusions: In a naturalistic community setting, ketamine infusions were associated "
      "with improvements in depressive and anxiety symptoms similar to those reported in "
      "clinical trials."),
     {"conditions": ["depression", "anxiety"]}),
    ("hp194", ("Dissociative symptoms and antidepressant response to ketamine: a pooled "
      "secondary analysis of three randomized clinical trials"),
     ("We pooled participant-level data from three double-blind, randomized, "
      "placebo-controlled trials of a single 0.5 mg/kg intravenous ketamine infusion in "
      "treatment-resistant depression (N = 188)."),
     {"n": 188}),
    ("hp194", ("Blood pressure changes with Spravato in routine practice: an observational "
      "safety study"),
     ("Methods: Adults with treatment-resistant depression starting Spravato (56 or 84 mg) had "
      "BP measured before dosing and at 40 and 120 minutes post-dose. Results: BP >= 180/110 "
      "mmHg occurred in 1.1% of sessions, and was more likely in patients with pre-existing "
      "hypertension and in those aged over 60."),
     {"ages": ["adult"]}),
    # hp195: pain, emergency and non-clinical
    ("hp195", ("Sublingual ketamine lozenges for refractory paediatric complex regional pain "
     "syndrome: a case report"),
     ("We describe a 14-year-old girl with CRPS of the left foot after an ankle sprain. She was "
     "started on sublingual ketamine lozenges 10 mg three times daily. Her pain scores decreased "
     "from 9/10 to 4/10, and she was able to return to school and weight-bear without "
     "crutches."),
     {"design": "case_report", "population": "human", "ages": ["child"], "n": 1}),
    ("hp195", ("Continuous subcutaneous ketamine for refractory cancer pain in a hospice: a "
     "retrospective case note review"),
     ("Methods: Retrospective review of case notes of all hospice inpatients started on CSCI "
     "ketamine between 2015 and 2022. Results: Forty-one patients were identified; most had "
     "neuropathic or mixed pain from advanced pancreatic, lung or head and neck cancer."),
     {"design": "observational", "n": 41}),
    ("hp195", ("Ketamine analgesia by helicopter emergency medical services: a 10-year registry "
     "analysis"),
     ("METHODS: We analysed the HEMS registry of a national air ambulance operator. Both adults "
     "and children were included. RESULTS: Ketamine was given to 2,345 patients (210 children "
     "under 16 years) during 2,402 missions, most commonly for trauma (87%)."),
     {"n": 2345}),
    ("hp195", ("Ketamine versus etomidate for rapid sequence intubation in trauma patients: "
     "analysis of a multicentre airway registry"),
     ("Methods: Observational study using the national emergency airway registry (13 EDs, "
     "2016-2022). Results: 3,212 intubations were recorded in 2,980 unique patients; 1,911 "
     "received ketamine and 1,069 etomidate."),
     {"n": 2980}),
    ("hp195", "Prehospital ketamine for analgesia in adults and children: a systematic review",
     ("Methods: We searched MEDLINE, Embase, CINAHL and the Cochrane Library for studies of "
     "prehospital ketamine analgesia in adults or children. Results: Fourteen studies with a "
     "total of 10,421 patients were included."),
     {"ages": ["child", "adult"]}),
    ("hp195", ("Population pharmacokinetics of intravenous ketamine for sedation in children "
     "undergoing cardiac catheterisation"),
     ("Methods: Prospective observational study of 52 children (age 3 months to 12 years) "
     "receiving an IV ketamine bolus. Results: Clearance, scaled allometrically to a 70-kg "
     "adult, was 79 L/h and increased with postmenstrual age, reaching 90% of adult values by "
     "1 year."),
     {"ages": ["child"]}),
    ("hp195", ("Pharmacokinetics and tolerability of a sublingual ketamine wafer: a phase 1, "
     "open-label, single-ascending-dose study"),
     ("In this phase 1, open-label, single-ascending-dose study, 12 healthy adults received "
     "sublingual ketamine wafers of 25 mg, 50 mg and 75 mg. Bioavailability relative to "
     "historical IV data was estimated at 29%."),
     {"routes": ["sublingual"]}),
    ("hp195", ("Simultaneous determination of ketamine, norketamine and dehydronorketamine in "
     "hair by UHPLC-MS/MS: method validation and application to forensic cases"),
     ("A sensitive UHPLC-MS/MS method was developed for the simultaneous quantification of "
     "ketamine, norketamine and dehydronorketamine in human hair. The method was applied to 48 "
     "authentic hair samples from forensic cases. The method is suitable for routine forensic "
     "hair analysis."),
     {"design": "other"}),
    ("hp195", "Ketamine-related deaths in England and Wales, 1999-2019: analysis of coroners' data",
     ("Methods: We analysed deaths reported to the National Programme on Substance Abuse Deaths "
     "between 1999 and 2019 in which ketamine was detected at post-mortem. Results: A total of "
     "157 deaths were identified; ketamine was implicated in 93 (59%)."),
     {"n": 157}),
    ("hp195", "What's in the 'K'? Results from a community drug checking service, 2019-2023",
     ("Drug checking services allow people who use drugs to learn the contents of their "
     "substances. We analysed 412 samples submitted as 'ketamine' to a community drug checking "
     "service. Ketamine was detected as the sole active component in 71% of samples."),
     {"treatment": False}),
    ("hp195", ("Prevalence of ketamine among drivers suspected of driving under the influence in "
     "Taiwan, 2016-2021"),
     ("Methods: Retrospective study of blood samples from 1,203 drivers submitted to a forensic "
     "toxicology laboratory by police. Results: Ketamine was detected in 104 drivers (8.6%)."),
     {"treatment": False}),
    ("hp195", ("Predictors of ketamine initiation among adolescents in Hong Kong: a 3-year "
     "prospective cohort study"),
     ("Background: Ketamine has been among the most commonly used illicit drugs among young "
     "people in Hong Kong. Results: Over 3 years, 96 students (2.0%) reported initiating "
     "ketamine."),
     {"treatment": False}),
    ("hp195", ("Lower urinary tract symptoms in patients receiving repeated ketamine infusions "
     "for chronic pain: a prospective cohort study"),
     ("Methods: In this prospective cohort study, 410 patients receiving repeated outpatient "
     "intravenous ketamine infusions for chronic pain (CRPS, neuropathic pain, fibromyalgia) at "
     "two pain centres were followed for 12 months. Results: New moderate-to-severe LUTS "
     "developed in 14 patients (3.4%). Symptoms resolved in 11 of 14 patients after dose "
     "reduction or discontinuation."),
     {"n": 410}),
    # hp195: an animal study's premedication before ketamine
    ("hp195", ("Comparison of romifidine and detomidine premedication before ketamine-diazepam "
     "induction for field castration in horses"),
     ("Horses were premedicated with romifidine or detomidine, followed by induction with "
     "ketamine (2.2 mg/kg IV) and diazepam (0.05 mg/kg IV)."), {"treatment": False}),
    # hp196: MEDLINE-indexed records
    ("hp196", ("Ketamine (CI-581) versus halothane for cardiac catheterization in children: a "
      "controlled clinical trial"),
     "", {"conditions": ["anesthesia"]}),
    ("hp196", ("Ketamine modulates default mode network connectivity in healthy adults: a "
      "randomized, placebo-controlled crossover fMRI study"),
     ("To characterise neural mechanisms relevant to the rapid antidepressant action of "
      "ketamine, we examined resting-state functional connectivity after a subanaesthetic dose in "
      "healthy volunteers. Thirty healthy adults (15 women; aged 20-45 years) without "
      "psychiatric history received ketamine (0.5 mg/kg over 40 min, intravenously) and saline "
      "in randomized order, one week apart, under double-blind conditions."),
     {"n": 30}),
    # hp199: age groups
    ("hp199", ("Prehospital intramuscular ketamine for severe agitation across the age spectrum: "
      "intubation and adverse events by age stratum"),
     ("Methods: Retrospective cohort study of all patients who received IM ketamine (target 4-5 "
      "mg/kg) for severe agitation from a regional EMS agency between 2017 and 2022. Results: 640 "
      "patients were included: <18 years (n=41), 18-64 years (n=512) and >=65 years (n=87). "
      "Intubation was more frequent in patients >=65 years (24.1%) than in those aged 18-64 "
      "(13.5%) or <18 (7.3%)."),
     {"ages": ["child", "adult", "older_adult"]}),
    ("hp199", ("Intraoperative ketamine infusion and opioid consumption after posterior lumbar "
      "spinal fusion: a randomized controlled trial"),
     ("OBJECTIVE: To evaluate whether intraoperative ketamine reduces postoperative opioid "
      "consumption after lumbar fusion. METHODS: ASA I-III patients aged 18-80 years undergoing "
      "elective one- to three-level posterior lumbar fusion were randomized to ketamine (0.5 "
      "mg/kg bolus at induction, then 0.25 mg/kg/h until wound closure) or saline. All received "
      "standardized general anaesthesia and postoperative hydromorphone PCA."),
     {"conditions": ["acute_pain"]}),
    ("hp199", ("Intranasal dexmedetomidine versus oral chloral hydrate for sedation during "
      "electroencephalography in children: a retrospective comparison"),
     ("Methods: We reviewed 268 children aged 1-10 years who underwent sedated EEG between 2019 "
      "and 2022 and received either intranasal dexmedetomidine 2-3 microg/kg (n=132) or oral "
      "chloral hydrate 50-75 mg/kg (n=136). Results: Three children in whom both agents failed "
      "were sedated with ketamine, and their EEGs were excluded from analysis."),
     {"n": 268}),
    # hp198: evidence syntheses
    ("hp198", ("Perioperative ketamine for postoperative pain and opioid consumption: an umbrella "
     "review with re-analysis of pooled data"),
     ("Background: Dozens of meta-analyses have examined perioperative ketamine with conflicting "
     "conclusions. We performed an umbrella review and re-pooled the unique primary trials."),
     {"design": "meta_analysis"}),
    ("hp198", ("Rapid reduction of suicidal ideation with a single ketamine infusion: an "
     "individual participant data meta-analysis"),
     ("METHODS: We obtained individual participant data (IPD) from 10 randomised studies of "
     "intravenous ketamine versus saline or midazolam. RESULTS: Data were obtained for 167 of 172 "
     "eligible participants (ketamine n = 90; control n = 77)."),
     {"n": 167}),
    ("hp198", ("From NMDA receptor blockade to synaptogenesis: how does ketamine work as an "
     "antidepressant?"),
     ("In this review we summarise the competing hypotheses for ketamine's antidepressant "
     "mechanism. We discuss evidence from rodent models and from human studies using magnetic "
     "resonance spectroscopy, EEG gamma power and PET imaging of synaptic density."),
     {"population": "human"}),
    ("hp198", ("Caudal adjuvants for postoperative analgesia in children: a Bayesian network "
     "meta-analysis"),
     ("Methods: We included RCTs of children (<=12 years) that compared caudal ketamine, "
     "dexmedetomidine or clonidine with local anaesthetic alone. Results: Seventy-four trials "
     "randomised 4,980 children."),
     {"n": 4980}),
    ("hp198", ("Ketamine for prevention of emergence agitation after sevoflurane anaesthesia in "
     "children: a meta-analysis"),
     ("Twenty-three RCTs with 1,988 children were included. Ketamine was administered "
     "intravenously near the end of surgery (0.25-0.5 mg/kg) in 17 trials and as an intranasal or "
     "oral premedication in 6."),
     {"routes": ["iv", "intranasal", "oral"]}),
    ("hp198", "Esketamine and neuroinflammation: a narrative review of preclinical evidence",
     ("This review summarises findings from cultured microglia and astrocytes and from rodent "
     "models of lipopolysaccharide-induced neuroinflammation, chronic stress, surgery and "
     "sepsis."),
     {"no_condition": "anesthesia"}),
    ("hp198", ("Psilocybin for depressive symptoms: a systematic review and meta-analysis of "
     "randomized placebo-controlled trials"),
     ("Objective: To estimate the efficacy of psilocybin for depressive symptoms in adults. "
     "Results: Nine RCTs with 598 participants were pooled. Psilocybin reduced depressive "
     "symptoms (Hedges g 1.04). The effect size exceeds those reported for esketamine, although "
     "functional unblinding likely inflates estimates in both literatures."),
     {"treatment": False, "no_condition": "depression"}),
    ("hp198", ("Esketamine nasal spray in patients with major depressive disorder and active "
     "suicidal ideation with intent: pooled analysis of ASPIRE I and II"),
     ("Background: ASPIRE I and II were identically designed, double-blind RCTs of esketamine "
     "nasal spray versus placebo. Methods: In this post hoc analysis, data were pooled and "
     "stratified by lifetime history of suicide attempt."),
     {"design": "rct"}),
    ("hp198", ("Esketamine nasal spray in patients with major depressive disorder and active "
     "suicidal ideation with intent: pooled analysis of ASPIRE I and II"),
     ("Background: ASPIRE I and II were double-blind RCTs of esketamine 84 mg nasal spray plus "
     "standard of care versus placebo plus standard of care in adults aged 18-64 years with MDD "
     "and active suicidal ideation with intent. Methods: Data were stratified by lifetime "
     "history of suicide attempt."),
     {"ages": ["adult"]}),
    ("hp198", ("Real-world outcomes of intravenous ketamine in community clinics: a pooled "
     "analysis of four registries"),
     ("Methods: We pooled de-identified data from four North American outpatient ketamine clinic "
     "registries (2017-2024)."),
     {"design": "observational"}),
    ("hp198", ("Real-world outcomes of intravenous ketamine in community clinics: a pooled "
     "analysis of four registries"),
     ("Results: 2,611 patients received at least one infusion (depression, n = 2,034; PTSD, "
     "n = 318; GAD, n = 259), for a total of 11,840 infusions."),
     {"n": 2611}),
    ("hp198", ("Subcutaneous, intramuscular and sublingual ketamine for depression: a systematic "
     "review of alternative routes"),
     ("We systematically reviewed studies using non-intravenous, non-intranasal routes of "
     "racemic ketamine for depressive disorders; studies of intravenous ketamine were excluded, "
     "as were studies of intranasal esketamine."),
     {"no_route": "intranasal"}),
    ("hp198", ("Ketamine-related cholangiopathy and liver injury: a disproportionality analysis "
     "of VigiBase"),
     ("Methods: We performed a case/non-case analysis of VigiBase, the WHO global database of "
     "individual case safety reports. Reports of therapeutic use of ketamine or esketamine were "
     "included; reports related to recreational use were excluded."),
     {"treatment": True}),
    ("hp198", ("Dose-response of the acute dissociative and psychotomimetic effects of ketamine "
     "in healthy volunteers: pooled analysis of five placebo-controlled crossover studies"),
     ("We pooled individual data from five randomised, double-blind, placebo-controlled "
     "crossover studies in which healthy volunteers received intravenous ketamine and placebo."),
     {"design": "rct"}),
    # hp197: the older literature
    ("hp197", ("Oral ketamine for chronic neuropathic pain: a retrospective review of 21 patients "
     "treated in a pain clinic"),
     ("Twenty-one patients (13 women), median age 54 yr (range 31-78), had neuropathic pain of a "
     "median of 6 years' duration."),
     {"ages": ["adult"]}),
    ("hp197", ("Ketamine anaesthesia in a district hospital in Malawi: a review of 1200 "
     "anaesthetics"),
     ("The records of 1200 ketamine anaesthetics given to 1046 patients were reviewed. Patients "
     "ranged in age from 2 days to 82 years."),
     {"ages": ["child", "adult"]}),
    ("hp197", "Ketamine as an adjuvant to opioids for cancer pain: a systematic review",
     ("MAIN RESULTS: Two RCTs met the inclusion criteria; both found that ketamine, given "
     "intravenously or intrathecally, improved the analgesic effect of morphine."),
     {"routes": ["iv", "neuraxial"]}),
    ("hp197", ("Psychotomimetic and cognitive effects of subanaesthetic ketamine in healthy "
     "volunteers: a model of schizophrenia?"),
     ("Eighteen healthy male volunteers received a 40-min i.v. infusion of saline, ketamine "
     "0.1 mg/kg or ketamine 0.5 mg/kg."),
     {"treatment": False}),
    ("hp197", ("Wound infiltration with bupivacaine versus ilioinguinal nerve block for analgesia "
     "after inguinal herniotomy in children"),
     ("Eighty children were randomized to wound infiltration or nerve block. All children "
     "received a standard anaesthetic of ketamine 6 mg/kg im with atropine, supplemented with "
     "ketamine 1 mg/kg iv as required."),
     {"treatment": False}),
    # hp193: perioperative trials
    ("hp193", ("Dose-response of intraoperative esketamine for postoperative pain after "
     "laparoscopic cholecystectomy"),
     ("METHODS: Adult patients scheduled for laparoscopic cholecystectomy were randomised to "
     "saline or esketamine 0.15 or 0.3 mg/kg given intravenously after induction (n = 40 per "
     "group). RESULTS: Sufentanil consumption was 34.2 +- 8.1, 27.5 +- 7.6 and 22.8 +- 6.9 ug "
     "in the three groups (P<0.001 for trend)."), {"n": 120}),
    # hp200: other specialties
    ("hp200", ("Ketamine infusions for sedation in the paediatric intensive care unit: a "
     "single-centre retrospective review"),
     ("We reviewed all children admitted to our PICU between 2018 and 2023 who received a "
     "continuous intravenous ketamine infusion for sedation for at least 12 hours. Fifty-six "
     "children (median age 2.3 years, IQR 0.6-8.1) accounting for 1,284 infusion-hours were "
     "identified."), {"n": 56}),
    ("hp200", ("Prenatal exposure to recreational ketamine and neonatal outcomes: a retrospective "
     "matched cohort study"),
     ("Results: A total of 872 mother-infant pairs were analysed (218 exposed, 654 unexposed). "
     "Maternal ketamine uropathy was documented in 19 women."), {"n": 872}),
    ("hp200", ("Oral health and dental status of chronic recreational ketamine users: a "
     "cross-sectional comparative study"),
     ("Methods: We recruited 96 chronic ketamine users (use >= 3 days/week for >= 1 year) from a "
     "community drug rehabilitation centre and 96 age- and sex-matched non-users. Participants "
     "were aged 18 to 45 years."), {"n": 192}),
    # hp202: perioperative trials in detail
    ("hp202", ("Intranasal dexmedetomidine combined with two doses of intranasal esketamine for "
     "sedation during magnetic resonance imaging in children: a randomized trial"),
     ("Methods: Children aged 1-8 years requiring sedation for elective MRI were randomly "
     "assigned to three groups of 52 each: dexmedetomidine 2 ug/kg (group D), dexmedetomidine "
     "1 ug/kg plus esketamine 0.5 mg/kg (group DE1), or dexmedetomidine 1 ug/kg plus "
     "esketamine 1 mg/kg (group DE2)."), {"n": 156}),
    ("hp202", ("Prophylactic esketamine for shivering during cesarean delivery under spinal "
     "anesthesia: a randomized, double-blind, placebo-controlled trial"),
     ("Methods: Parturients aged 18-40 years undergoing elective cesarean delivery were "
     "randomized (1:1:1) to receive intravenous esketamine 0.15 mg/kg (group E1), esketamine "
     "0.25 mg/kg (group E2) or normal saline (group C) immediately after umbilical cord "
     "clamping (n = 50 per group)."), {"n": 150}),
    ("hp202", ("Effect of esketamine on postoperative cognitive dysfunction in elderly patients "
     "undergoing cardiac surgery with cardiopulmonary bypass: a three-arm randomized trial"),
     ("Methods: Elderly patients (>= 65 years) scheduled for valve or CABG surgery with "
     "cardiopulmonary bypass were randomized to saline, low-dose esketamine (0.15 mg/kg/h) or "
     "high-dose esketamine (0.3 mg/kg/h) infused from induction to the end of surgery, 70 "
     "patients per arm."), {"n": 210}),
    ("hp202", ("Dose-response of esketamine given at the end of surgery for emergence delirium "
     "after sevoflurane anaesthesia in children undergoing adenotonsillectomy"),
     ("METHODS: In this randomised, double-blind trial, children aged 3-7 years undergoing "
     "adenotonsillectomy were assigned to four groups of 40 children each to receive saline or "
     "esketamine 0.1, 0.2 or 0.3 mg/kg intravenously at the end of surgery."), {"n": 160}),
    # hp203: psychotherapy, access and policy
    ("hp203", ("Patient-reported experiences with esketamine nasal spray in certified treatment "
     "centres: a mixed-methods study"),
     ("METHODS: Convergent mixed-methods design. Adults receiving ESK at 11 certified centres in "
     "Germany completed a cross-sectional questionnaire on satisfaction, burden and side "
     "effects (n = 143). A purposive subsample of 15 respondents took part in semi-structured "
     "interviews, analysed thematically."), {"n": 143}),
    ("hp203", ("Esketamine initiation and discontinuation among older adults with "
     "treatment-resistant depression: a Medicare Part D and Part B analysis"),
     ("Design: Retrospective cohort using a 20% sample of Medicare fee-for-service claims, "
     "2019-2022. Participants: Beneficiaries aged 65 years or older with treatment-resistant "
     "depression who initiated esketamine nasal spray (n=1,406; mean age 71.8 years)."),
     {"n": 1406}),
    ("hp203", ("Racial and ethnic differences in esketamine initiation among commercially insured "
     "adults with treatment-resistant depression"),
     ("Methods: Retrospective cohort of adults with treatment-resistant depression identified "
     "in Optum's de-identified Clinformatics Data Mart between 2019 and 2022 (n = 21,406). "
     "Results: Overall, 612 patients (2.9%) initiated esketamine."), {"n": 21406}),
    ("hp203", ("Use of ketamine as an anaesthetic agent for electroconvulsive therapy in "
     "depression: a national survey of ECT practitioners in England"),
     ("Method: Online survey of psychiatrists and anaesthetists working in ECT services "
     "accredited by the ECT Accreditation Service (ECTAS), conducted in 2023. Results: 157 "
     "practitioners from 68 ECT services responded."), {"n": 157}),
    # hp201: negation and comparison
    ("hp201", ("Intravenous magnesium sulfate for post-tonsillectomy pain in children: a "
     "double-blind placebo-controlled trial"),
     ("NMDA-receptor antagonists such as ketamine and magnesium have been proposed as adjuncts, "
     "but trials of ketamine have yielded conflicting results and its psychotomimetic effects "
     "limit its acceptance by parents. We randomized 96 children aged 4-12 years undergoing "
     "tonsillectomy to magnesium sulfate 30 mg/kg iv after induction followed by 10 mg/kg/h, or "
     "an equal volume of saline."),
     {"treatment": False, "routes": [], "conditions": []}),
    ("hp201", ("Intranasal dexmedetomidine for sedation during paediatric computed tomography: a "
     "retrospective review of 212 children"),
     ("We reviewed the records of 212 children who received intranasal dexmedetomidine (2-3 "
     "microg/kg via mucosal atomisation device) for non-painful CT imaging. Our departmental "
     "protocol specified intramuscular ketamine as a third-line rescue, but no patient required "
     "ketamine; the remaining 7 scans were rescheduled under general anaesthesia."),
     {"treatment": False, "routes": [], "conditions": []}),
    ("hp201", ("Refractory status epilepticus after autoimmune encephalitis responding to "
     "propofol and immunotherapy: a case report"),
     ("Because of breakthrough electrographic seizures, a propofol infusion was added on day 2. "
     "Continuous intravenous ketamine was considered as the next step, but was not given "
     "because EEG burst-suppression was achieved with propofol."),
     {"treatment": False, "routes": []}),
    ("hp201", ("Psilocybin-assisted therapy for treatment-resistant depression after failure of "
     "esketamine: an open-label pilot study"),
     ("Methods: In this single-arm, open-label pilot study, adults with TRD who had failed at "
     "least two antidepressants were enrolled; prior nonresponse to esketamine nasal spray was "
     "permitted but not required. Participants received a single 25 mg dose of psilocybin with "
     "preparation and integration sessions."),
     {"treatment": False, "routes": [], "conditions": []}),
    ("hp201", ("Parenteral treatment of migraine in an urban emergency department: a 5-year "
     "retrospective chart review"),
     ("Metoclopramide was given in 61% of visits, prochlorperazine in 22% and ketorolac in 48%. "
     "Less commonly used agents included valproate (3%), magnesium (3%) and ketamine (2%); these "
     "were not analysed further because of small numbers."),
     {"treatment": False, "conditions": []}),
    ("hp201", ("Electroconvulsive therapy in adolescents with treatment-resistant depression: a "
     "10-year retrospective review"),
     ("Results: Thirty-seven adolescents received a median of 11 sessions, most commonly for "
     "treatment-resistant depression (n=29). All were anaesthetised with propofol or "
     "methohexital; none had received ketamine or esketamine, which were unavailable for this "
     "age group at our centre."),
     {"treatment": False, "conditions": []}),
    ("hp201", ("Lidocaine inhibits proliferation and invasion of triple-negative breast cancer "
     "cells in vitro"),
     ("Retrospective studies suggest that anaesthetic technique might influence cancer "
     "recurrence, and agents such as lidocaine, propofol, ketamine and opioids have been proposed "
     "to act directly on tumour cells. We investigated the effects of lidocaine on MDA-MB-231 and "
     "MDA-MB-468 triple-negative breast cancer cells. Lidocaine at clinically relevant "
     "concentrations (1-100 microM) reduced proliferation by up to 31%, and at 100 microM "
     "inhibited Transwell invasion by 44% and MMP-9 secretion by 38%."),
     {"treatment": False}),
    ("hp201", ("Dexmedetomidine for prevention of delirium in older adults undergoing major "
     "non-cardiac surgery (DEX-POD): study protocol for a randomised placebo-controlled trial"),
     ("500 patients aged 65 years or older undergoing major non-cardiac surgery will be "
     "randomised to intraoperative and overnight dexmedetomidine (0.3 microg/kg/h) or saline. To "
     "avoid confounding, intraoperative ketamine, benzodiazepines and gabapentinoids are "
     "prohibited."),
     {"treatment": False, "conditions": []}),
    ("hp201", "Electroconvulsive therapy after failure of serial ketamine infusions: a case series",
     ("We describe three patients aged 34 to 58 years with TRD who had not responded to a course "
     "of six intravenous ketamine infusions administered at outside clinics in the preceding "
     "year. All three received right unilateral ultrabrief ECT under methohexital anaesthesia."),
     {"treatment": False, "routes": [], "conditions": []}),
    # hp202: perioperative trials in detail
    ("hp202", ("Dexmedetomidine as an adjuvant to ropivacaine in transversus abdominis plane "
     "block for laparoscopic colectomy: a randomized controlled trial"),
     ("Methods: Ninety-six adults undergoing laparoscopic colectomy were randomized to TAP block "
     "with ropivacaine with or without dexmedetomidine 1 ug/kg. In all patients, anaesthesia was "
     "induced with propofol 2 mg/kg, sufentanil 0.3 ug/kg, esketamine 0.3 mg/kg and rocuronium, "
     "and maintained with sevoflurane and remifentanil."),
     {"treatment": False}),
    ("hp202", ("Compatibility and stability of esketamine hydrochloride and hydromorphone "
     "hydrochloride admixtures in 0.9% sodium chloride for patient-controlled intravenous "
     "analgesia"),
     ("Objective: Esketamine and hydromorphone are often combined in the same reservoir for "
     "patient-controlled intravenous analgesia (PCIA), but their compatibility has not been "
     "reported. Methods: Admixtures of esketamine hydrochloride 0.5, 1.0 and 1.5 mg/mL with "
     "hydromorphone hydrochloride 0.05 and 0.1 mg/mL in 0.9% sodium chloride were prepared in "
     "polyvinyl chloride PCIA cassettes and polypropylene syringes and stored at 4 C and 25 C "
     "for 14 days. Conclusion: Esketamine-hydromorphone admixtures are physically and chemically "
     "stable for at least 14 days, supporting their use in PCIA."),
     {"design": "preclinical", "population": "in_vitro", "routes": [], "conditions": []}),
]

# probe-round records with their MeSH headings and publication types, as MEDLINE indexes
# them: (round, title, abstract, MeSH names, publication types, expected)
INDEXED_PROBE_ROUND_CASES = [
    # hp196: MEDLINE-indexed records, with their MeSH headings and publication types
    ("hp196", ("Intravenous ketamine for postoperative analgesia in adults: an updated systematic "
      "review and meta-analysis of randomized controlled trials with trial sequential analysis"),
     ("Methods: We searched MEDLINE, Embase, CENTRAL and Web of Science to March 2023 for "
      "randomized controlled trials (RCTs) comparing intravenous ketamine (bolus and/or "
      "infusion) with placebo or no intervention in adults undergoing surgery under general "
      "anaesthesia. Results: Thirty-two RCTs including 2481 patients were eligible. "
      "Hallucinations were more frequent with ketamine (RR 1.54, 95% CI 1.04-2.28) whereas PONV "
      "was less frequent."),
     ["Adult", "Anesthesia, General", "Humans", "Ketamine", "Pain, Postoperative"],
     ["Journal Article", "Meta-Analysis", "Systematic Review"],
     {"no_condition": "anesthesia"}),
    ("hp196", ("Real-world effectiveness and tolerability of esketamine nasal spray in "
      "treatment-resistant depression: a 6-month multicentre Italian cohort"),
     ("Methods: This retrospective, observational study included all adult outpatients with "
      "treatment-resistant depression (TRD) who started ESK-NS between March 2021 and June 2022 "
      "at 12 Italian psychiatric centres. Results: A total of 116 patients were included. At T3, "
      "54.5% of patients were responders and 36.4% were remitters. Suicidal ideation scores "
      "also decreased."),
     ["Administration, Intranasal", "Adult", "Depressive Disorder, Treatment-Resistant",
      "Humans", "Ketamine", "Suicidal Ideation"],
     ["Journal Article", "Multicenter Study", "Observational Study"],
     {"no_condition": "suicidality"}),
    ("hp196", ("Intramuscular ketamine versus intravenous midazolam for sedation during "
      "laceration repair in children: a randomized trial"),
     ("STUDY OBJECTIVE: To compare the efficacy and safety of intramuscular (IM) ketamine with "
      "intravenous (IV) midazolam for procedural sedation in children undergoing laceration "
      "repair in the emergency department (ED). METHODS: Children aged 2 to 10 years were "
      "randomly assigned to receive ketamine 4 mg/kg IM or midazolam 0.1 mg/kg IV (repeated to a "
      "maximum of 0.3 mg/kg)."),
     ["Child", "Conscious Sedation", "Humans", "Injections, Intramuscular",
      "Injections, Intravenous", "Ketamine", "Midazolam"],
     ["Clinical Trial", "Journal Article", "Randomized Controlled Trial"],
     {"routes": ["im"]}),
    ("hp196", ("Ketamine combined with mindfulness-based relapse prevention for alcohol use "
      "disorder: a randomized, double-blind, placebo-controlled phase 2 trial"),
     ("Design, Setting and Participants: Double-blind, placebo-controlled 2x2 factorial trial in "
      "a UK university clinic; 96 adults with severe AUD who had recently stopped drinking. "
      "Findings: Ketamine increased PDA at 6 months compared with placebo. Depressive symptoms "
      "(BDI-II) did not differ between groups."),
     ["Adult", "Alcoholism", "Depression", "Humans", "Ketamine", "Mindfulness"],
     ["Journal Article", "Randomized Controlled Trial"],
     {"no_condition": "depression"}),
    ("hp196", ("Meta-analysis of esketamine for the prevention of postpartum depression in women "
      "undergoing caesarean delivery"),
     ("Methods: Randomized controlled trials published until May 2024 were identified in eight "
      "databases. The primary outcome was the incidence of PPD; secondary outcomes included EPDS "
      "scores, postoperative pain and adverse events. Results: Postoperative pain scores at 24 h "
      "were also slightly lower."),
     ["Cesarean Section", "Depression, Postpartum", "Female", "Humans", "Ketamine",
      "Pain, Postoperative"],
     ["Journal Article", "Meta-Analysis", "Systematic Review"],
     {"no_condition": "acute_pain"}),
    ("hp196", ("Open-label serial ketamine infusions in adolescents with treatment-resistant "
      "depression"),
     ("METHOD: Seventeen adolescents aged 13-17 years with MDD who had failed at least two "
      "antidepressant trials received six intravenous ketamine infusions (0.5 mg/kg over 40 min) "
      "over 2 weeks. Depression was assessed with the Children's Depression Rating "
      "Scale-Revised (CDRS-R); the Columbia Suicide Severity Rating Scale was administered at "
      "each visit. RESULTS: Suicidal ideation scores decreased in a subset."),
     ["Adolescent", "Depressive Disorder, Treatment-Resistant", "Humans", "Ketamine",
      "Suicidal Ideation"],
     ["Clinical Trial", "Journal Article"],
     {"no_condition": "suicidality"}),
    # hp201: negation and comparison
    ("hp201", "Prehospital ketamine for agitation: time to pause",
     ("The recent cohort study of intramuscular ketamine for severe prehospital agitation "
     "reports rapid sedation, but its findings deserve cautious interpretation. Intubation rates "
     "of 10-30% after ketamine sedation in earlier series, deaths in police custody and the "
     "absence of any randomised comparison with droperidol or midazolam all argue for restraint. "
     "We urge ambulance services to audit every use of ketamine for agitation and to participate "
     "in randomised trials before it becomes routine practice."),
     [], ["Comment", "Letter"], {"routes": ["im"]}),
    # hp202: perioperative trials in detail
    ("hp202", ("Esketamine after delivery for mothers with prenatal depression: questions about "
     "blinding"),
     ("We read with interest the recent multicentre trial showing that a single intravenous dose "
     "of esketamine after delivery reduced postpartum major depressive episodes in women with "
     "prenatal depression. However, more than 45% of women receiving esketamine reported "
     "dizziness, diplopia or a feeling of unreality, which could have unmasked allocation. We ask "
     "the authors to report a blinding index and a sensitivity analysis restricted to "
     "participants who guessed incorrectly."),
     [], ["Letter", "Comment"], {"routes": ["iv"]}),
    # hp203: psychotherapy, access and policy
    ("hp203", "At-home ketamine for depression: promising, but not yet proven",
     ("The open-label trial by Patel and colleagues reports that 48 participants with depression "
     "and comorbid anxiety improved substantially with twice-weekly sublingual ketamine taken at "
     "home under video supervision."),
     [], ["Comment", "Journal Article"], {"routes": ["sublingual"]}),
]


@pytest.mark.parametrize(("round_", "title", "abstract", "expect"), PROBE_ROUND_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(PROBE_ROUND_CASES)])
def test_wordings_from_probe_rounds(vocab: Vocabulary, round_: str, title: str, abstract: str,
                                    expect: dict[str, object]) -> None:
    _check_probe_case(tag_record(rec(title, abstract), vocab), round_, expect)


@pytest.mark.parametrize(("round_", "title", "abstract", "mesh", "ptypes", "expect"),
                         INDEXED_PROBE_ROUND_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(INDEXED_PROBE_ROUND_CASES)])
def test_indexed_records_from_probe_rounds(vocab: Vocabulary, round_: str, title: str,
                                           abstract: str, mesh: list[str], ptypes: list[str],
                                           expect: dict[str, object]) -> None:
    record = rec(title, abstract, mesh=[MeshHeading(None, m) for m in mesh],
                 publication_types=[Coded(None, p) for p in ptypes])
    _check_probe_case(tag_record(record, vocab), round_, expect)


def _check_probe_case(tags: Tags, round_: str, expect: dict[str, object]) -> None:
    design = tags.design.label if tags.design is not None else None
    got: dict[str, object] = {
        "routes": tags.labels("routes"), "conditions": tags.labels("conditions"),
        "ages": tags.labels("age_groups"), "n": tags.sample_size, "design": design,
        "treatment": tags.ketamine_treatment,
        "population": tags.population.label if tags.population is not None else None,
        "term": tags.conditions[0].term if tags.conditions else None}
    for what, want in expect.items():
        if what == "no_condition":
            assert want not in got["conditions"], (round_, tags.conditions)
        elif what == "no_route":
            assert want not in got["routes"], (round_, tags.routes)
        elif what == "no_age":
            assert want not in got["ages"], (round_, tags.age_groups)
        elif what == "not_design":
            assert design != want, (round_, tags.design)
        elif what == "not_n":
            assert got["n"] != want, (round_, tags.sample_size_evidence)
        else:
            assert got[what] == want, (round_, what, got[what], tags.sample_size_evidence)
