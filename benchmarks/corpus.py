"""Benchmark corpora: realistic PubMed XML records with fresh PMIDs and dates.

Records follow the shape of current efetch output (pretty-printed with two-space indentation,
as NCBI sends it): a structured abstract, 2-8 authors with affiliations and some ORCIDs, grants,
publication types, chemicals, 6-12 MeSH headings with qualifiers, keywords, a CoiStatement, a
PubmedData History with hours and minutes, an ArticleIdList and a ReferenceList of 0-12
references. The mean size is about 11 KB, the size DESIGN.md's performance notes used; the text
comes from a small vocabulary of ketamine studies so that the tagger has something to find.

Nothing here reads ``../shared``: the template is our own.
"""

from __future__ import annotations

import gzip
import random
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = (
    b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
    b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    b"<PubmedArticleSet>\n"
)
FOOTER = b"</PubmedArticleSet>\n"

_CONDITIONS = [
    ("treatment-resistant depression", "Depressive Disorder, Treatment-Resistant", "D061218"),
    ("major depressive disorder", "Depressive Disorder, Major", "D003865"),
    ("bipolar depression", "Bipolar Disorder", "D001714"),
    ("suicidal ideation", "Suicidal Ideation", "D059020"),
    ("post-traumatic stress disorder", "Stress Disorders, Post-Traumatic", "D013313"),
    ("obsessive-compulsive disorder", "Obsessive-Compulsive Disorder", "D009771"),
    ("chronic neuropathic pain", "Neuralgia", "D009437"),
    ("complex regional pain syndrome", "Complex Regional Pain Syndromes", "D020918"),
    ("postoperative pain after spine surgery", "Pain, Postoperative", "D010149"),
    ("alcohol use disorder", "Alcoholism", "D000437"),
    ("procedural sedation of children", "Conscious Sedation", "D016292"),
]
_ROUTES = [
    ("intravenous infusion", "Infusions, Intravenous", "D007262"),
    ("intranasal esketamine spray", "Administration, Intranasal", "D000281"),
    ("oral administration", "Administration, Oral", "D000284"),
    ("intramuscular injection", "Injections, Intramuscular", "D007273"),
    ("subcutaneous injection", "Injections, Subcutaneous", "D007279"),
]
_DESIGNS = [
    ("randomized, double-blind, placebo-controlled trial",
     [("D016449", "Randomized Controlled Trial"), ("D016428", "Journal Article")]),
    ("systematic review and meta-analysis",
     [("D017418", "Meta-Analysis"), ("D000078182", "Systematic Review"),
      ("D016428", "Journal Article")]),
    ("open-label, single-arm trial",
     [("D016430", "Clinical Trial"), ("D016428", "Journal Article")]),
    ("retrospective cohort study",
     [("D064888", "Observational Study"), ("D016428", "Journal Article")]),
    ("case report", [("D002363", "Case Reports"), ("D016428", "Journal Article")]),
    ("narrative review", [("D016454", "Review"), ("D016428", "Journal Article")]),
]
_JOURNALS = [
    ("Journal of affective disorders", "J Affect Disord", "0165-0327", "7906073", "Netherlands"),
    ("The American journal of psychiatry", "Am J Psychiatry", "0002-953X", "0370512",
     "United States"),
    ("Pain", "Pain", "0304-3959", "7508686", "United States"),
    ("Anesthesia and analgesia", "Anesth Analg", "0003-2999", "1310650", "United States"),
    (("Neuropsychopharmacology : official publication of the American College of "
      "Neuropsychopharmacology"), "Neuropsychopharmacology", "0893-133X", "8904907", "England"),
    ("BMC psychiatry", "BMC Psychiatry", "1471-244X", "100968559", "England"),
    ("Translational psychiatry", "Transl Psychiatry", "2158-3188", "101562664", "United States"),
]
_SURNAMES = ["Zarate", "Murrough", "Berman", "Sanacora", "Krystal", "Abdallah", "Daly", "Singh",
             "Fava", "Papakostas", "Schwartzman", "Sigtermans", "Müller", "García", "Nguyen",
             "Chen", "Wang", "Li", "Kowalski", "O'Brien", "Johansson", "Rossi", "Tanaka", "Kim"]
_FORENAMES = [("Carlos A", "CA"), ("James W", "JW"), ("Robert M", "RM"), ("Gerard", "G"),
              ("John H", "JH"), ("Chadi G", "CG"), ("Ella J", "EJ"), ("Jaskaran B", "JB"),
              ("Maurizio", "M"), ("Ana", "A"), ("Wei", "W"), ("Lena", "L"), ("Yuki", "Y")]
_PLACES = [
    "Department of Psychiatry, Yale University School of Medicine, New Haven, CT, USA",
    ("Experimental Therapeutics and Pathophysiology Branch, National Institute of Mental Health, "
     "Bethesda, MD, USA"),
    "Department of Anesthesiology and Pain Medicine, University of Toronto, Toronto, ON, Canada",
    ("Department of Psychiatry and Psychotherapy, Charité - Universitätsmedizin Berlin, Berlin, "
     "Germany"),
    "Mental Health Center, West China Hospital, Sichuan University, Chengdu, China",
    ("Centre for Affective Disorders, Institute of Psychiatry, Psychology and Neuroscience, "
     "King's College London, London, UK"),
    "Department of Anaesthesia, Leiden University Medical Center, Leiden, The Netherlands",
]
_EXTRA_MESH = [
    ("D006801", "Humans"), ("D008297", "Male"), ("D005260", "Female"), ("D000328", "Adult"),
    ("D008875", "Middle Aged"), ("D004311", "Double-Blind Method"),
    ("D016896", "Treatment Outcome"), ("D000928", "Antidepressive Agents"),
    ("D018691", "Excitatory Amino Acid Antagonists"), ("D004305", "Dose-Response Relationship, Drug"),
    ("D013997", "Time Factors"), ("D010919", "Placebos"), ("D000368", "Aged"),
]
_QUALS = [("Q000008", "administration & dosage"), ("Q000627", "therapeutic use"),
          ("Q000009", "adverse effects"), ("Q000188", "drug therapy"),
          ("Q000494", "pharmacology"), ("Q000523", "psychology")]
_CHEMS = [("690G0D6V8H", "D007649", "Ketamine"), ("0", "D000928", "Antidepressive Agents"),
          ("0", "D018691", "Excitatory Amino Acid Antagonists"),
          ("50SG953SK6", "D000077549", "Esketamine"), ("0", "D016194", "Receptors, N-Methyl-D-Aspartate")]
_SENTENCES = [
    ("Ketamine, an N-methyl-D-aspartate receptor antagonist, produces rapid antidepressant effects "
     "within hours of a single subanaesthetic dose."),
    ("Glutamatergic signalling and synaptic plasticity in the prefrontal cortex have been proposed "
     "as mechanisms of this response."),
    ("Dissociative symptoms, transient increases in blood pressure and nausea were the most common "
     "adverse events and resolved within two hours."),
    ("The durability of response beyond one week remains uncertain and repeated dosing raises "
     "questions of safety and misuse."),
    ("Secondary outcomes included the Montgomery-Åsberg Depression Rating Scale, the Clinical Global "
     "Impression scale and the Columbia Suicide Severity Rating Scale."),
    "Plasma concentrations of ketamine and norketamine were measured at 40, 80 and 120 minutes.",
    "Mixed-effects models for repeated measures were used with an intention-to-treat population.",
]


def _ind(depth: int) -> str:
    return "\n" + "  " * depth


def _date(tag: str, d: date, depth: int, attrs: str = "", hm: bool = False) -> str:
    i, j = _ind(depth), _ind(depth + 1)
    extra = f"{j}<Hour>{d.day % 24}</Hour>{j}<Minute>{d.month}</Minute>" if hm else ""
    return (f"{i}<{tag}{attrs}>{j}<Year>{d.year}</Year>{j}<Month>{d.month:02d}</Month>"
            f"{j}<Day>{d.day:02d}</Day>{extra}{i}</{tag}>")


def render(pmid: int, crdt: date, rng: random.Random) -> bytes:
    """One ``<PubmedArticle>`` (pretty-printed like efetch output), ending in a newline."""
    cond, cond_mesh, cond_ui = rng.choice(_CONDITIONS)
    route, route_mesh, route_ui = rng.choice(_ROUTES)
    design, ptypes = rng.choice(_DESIGNS)
    journal, iso, issn, nlmid, country = rng.choice(_JOURNALS)
    n = rng.randint(12, 480)
    pub = crdt - timedelta(days=rng.randint(0, 40))
    completed = crdt + timedelta(days=rng.randint(20, 90))
    revised = completed + timedelta(days=rng.randint(0, 900))
    doi = f"10.1016/j.jad.{pub.year}.{pmid % 100000:05d}"
    page = rng.randint(1, 900)
    title = f"Ketamine by {route} for {cond}: a {design}."
    fill = rng.sample(_SENTENCES, k=len(_SENTENCES))
    sections = [
        ("BACKGROUND", f"{fill[0]} {fill[1]} Its place in {cond} is not settled."),
        ("OBJECTIVE", (f"To assess the efficacy and safety of ketamine by {route} in adults with "
                       f"{cond}.")),
        ("METHODS", (f"In this {design}, {n} participants were allocated to ketamine 0.5 mg/kg or "
                     f"an active placebo (midazolam 0.045 mg/kg) over 40 minutes. {fill[4]} "
                     f"{fill[5]} {fill[6]}")),
        ("RESULTS", (f"Of {n} participants randomised, {n - rng.randint(0, 10)} completed the "
                     "study. Response at 24 h was 52% with ketamine versus 18% with placebo "
                     "(odds ratio 4.9, 95% CI 2.1-11.3; p&lt;0.001), and remission 29% versus 7%. "
                     f"{fill[2]}")),
        ("CONCLUSIONS", (f"Ketamine by {route} was effective and well tolerated for {cond}. "
                         f"{fill[3]}")),
    ]
    i3, i4, i5, i6 = _ind(3), _ind(4), _ind(5), _ind(6)
    abstract = "".join(
        f'{i4}<AbstractText Label="{lab}" NlmCategory="{lab}">{txt}</AbstractText>'
        for lab, txt in sections
    )
    authors = []
    for k in range(rng.randint(2, 8)):
        fore, ini = rng.choice(_FORENAMES)
        orcid = (f'{i6}<Identifier Source="ORCID">0000-000{rng.randint(1, 3)}-{rng.randint(1000, 9999)}'
                 f"-{rng.randint(1000, 9999)}</Identifier>") if rng.random() < 0.3 else ""
        affs = "".join(
            f"{i6}<AffiliationInfo>{_ind(7)}<Affiliation>{escape(rng.choice(_PLACES))}."
            f"</Affiliation>{i6}</AffiliationInfo>"
            for _ in range(rng.choice((1, 1, 1, 2)))
        )
        authors.append(
            f'{i5}<Author ValidYN="Y">{i6}<LastName>{escape(rng.choice(_SURNAMES))}</LastName>'
            f"{i6}<ForeName>{fore}</ForeName>{i6}<Initials>{ini}</Initials>{orcid}{affs}"
            f"{i5}</Author>"
        )
    grants = "".join(
        f"{i5}<Grant>{i6}<GrantID>R01 MH{rng.randint(100000, 999999)}</GrantID>"
        f"{i6}<Acronym>MH</Acronym>{i6}<Agency>NIMH NIH HHS</Agency>{i6}<Country>United States"
        f"</Country>{i5}</Grant>"
        for _ in range(rng.randint(0, 3))
    )
    grant_list = f'{i4}<GrantList CompleteYN="Y">{grants}{i4}</GrantList>' if grants else ""
    pts = "".join(f'{i5}<PublicationType UI="{ui}">{name}</PublicationType>'
                  for ui, name in ptypes)
    databank = ""
    if design.startswith("randomized") and rng.random() < 0.6:
        databank = (f'{i4}<DataBankList CompleteYN="Y">{i5}<DataBank>{i6}<DataBankName>'
                    f"ClinicalTrials.gov</DataBankName>{i6}<AccessionNumberList>{_ind(7)}"
                    f"<AccessionNumber>NCT0{rng.randint(1000000, 9999999)}</AccessionNumber>"
                    f"{i6}</AccessionNumberList>{i5}</DataBank>{i4}</DataBankList>")
    chems = "".join(
        f"{i4}<Chemical>{i5}<RegistryNumber>{rn}</RegistryNumber>{i5}<NameOfSubstance "
        f'UI="{ui}">{name}</NameOfSubstance>{i4}</Chemical>'
        for rn, ui, name in rng.sample(_CHEMS, k=rng.randint(1, 4))
    )
    heads = [("D007649", "Ketamine"), (cond_ui, cond_mesh), (route_ui, route_mesh)]
    heads += rng.sample(_EXTRA_MESH, k=rng.randint(3, 9))
    heads.sort(key=lambda h: h[1])
    mesh = []
    for ui, name in heads:
        quals = "".join(
            f'{i5}<QualifierName UI="{qui}" MajorTopicYN="{rng.choice("NNY")}">{escape(q)}'
            f"</QualifierName>"
            for qui, q in rng.sample(_QUALS, k=rng.choice((0, 0, 1, 2)))
        )
        mesh.append(f'{i4}<MeshHeading>{i5}<DescriptorName UI="{ui}" MajorTopicYN='
                    f'"{"Y" if name in (cond_mesh, "Ketamine") else "N"}">{escape(name)}'
                    f"</DescriptorName>{quals}{i4}</MeshHeading>")
    keywords = "".join(f'{i4}<Keyword MajorTopicYN="N">{k}</Keyword>'
                       for k in ("ketamine", escape(cond), "NMDA receptor",
                                 "rapid-acting antidepressant", escape(route))[: rng.randint(2, 5)])
    refs = []
    for r in range(rng.randint(0, 12)):
        rp = 10_000_000 + rng.randint(0, 25_000_000)
        refs.append(
            f"{i4}<Reference>{i5}<Citation>{escape(rng.choice(_SURNAMES))} {rng.choice('ABCDEFGHJKLMN')}, "
            f"{escape(rng.choice(_SURNAMES))} {rng.choice('ABCDEFGHJKLMN')}, et al. "
            f"{rng.choice(_SENTENCES)[:rng.randint(40, 110)]}. {rng.choice(_JOURNALS)[1]}. "
            f"{rng.randint(1990, 2024)};{rng.randint(1, 90)}({rng.randint(1, 12)}):"
            f"{rng.randint(1, 900)}-{rng.randint(901, 999)}.</Citation>{i5}<ArticleIdList>"
            f'{i6}<ArticleId IdType="pubmed">{rp}</ArticleId>{i5}</ArticleIdList>{i4}</Reference>'
        )
    xml = (
        f'<PubmedArticle>{_ind(1)}<MedlineCitation Status="MEDLINE" Owner="NLM" '
        f'IndexingMethod="Automated">{_ind(2)}<PMID Version="1">{pmid}</PMID>'
        f"{_date('DateCompleted', completed, 2)}{_date('DateRevised', revised, 2)}"
        f'{_ind(2)}<Article PubModel="Print-Electronic">{i3}<Journal>{i4}<ISSN IssnType='
        f'"Electronic">{issn}</ISSN>{i4}<JournalIssue CitedMedium="Internet">{i5}<Volume>'
        f"{pub.year - 1950}</Volume>{i5}<Issue>{rng.randint(1, 12)}</Issue>{i5}<PubDate>{i6}"
        f"<Year>{pub.year}</Year>{i6}<Month>{pub.strftime('%b')}</Month>{i5}</PubDate>"
        f"{i4}</JournalIssue>{i4}<Title>{escape(journal)}</Title>{i4}<ISOAbbreviation>{iso}"
        f"</ISOAbbreviation>{i3}</Journal>{i3}<ArticleTitle>{title}</ArticleTitle>"
        f"{i3}<Pagination>{i4}<StartPage>{page}</StartPage>{i4}<EndPage>{page + 9}</EndPage>"
        f"{i4}<MedlinePgn>{page}-{page + 9}</MedlinePgn>{i3}</Pagination>"
        f'{i3}<ELocationID EIdType="pii" ValidYN="Y">S0165-0327({pub.year % 100})'
        f'{pmid % 100000:05d}-X</ELocationID>{i3}<ELocationID EIdType="doi" ValidYN="Y">{doi}'
        f"</ELocationID>{i3}<Abstract>{abstract}{i4}<CopyrightInformation>Copyright © "
        f"{pub.year} Elsevier B.V. All rights reserved.</CopyrightInformation>{i3}</Abstract>"
        f'{i3}<AuthorList CompleteYN="Y">{"".join(authors)}{i3}</AuthorList>'
        f"{i3}<Language>eng</Language>{databank.replace(i4, i3).replace(i5, i4)}"
        f"{grant_list.replace(i4, i3).replace(i5, i4)}"
        f"{i3}<PublicationTypeList>{pts.replace(i5, i4)}{i3}</PublicationTypeList>"
        f"{_date('ArticleDate', pub, 3, ' DateType=' + chr(34) + 'Electronic' + chr(34))}"
        f"{_ind(2)}</Article>{_ind(2)}<MedlineJournalInfo>{i3}<Country>{country}</Country>"
        f"{i3}<MedlineTA>{iso}</MedlineTA>{i3}<NlmUniqueID>{nlmid}</NlmUniqueID>"
        f"{i3}<ISSNLinking>{issn}</ISSNLinking>{_ind(2)}</MedlineJournalInfo>"
        f"{_ind(2)}<ChemicalList>{chems.replace(i4, i3)}"
        f"{_ind(2)}</ChemicalList>{_ind(2)}<CitationSubset>IM</CitationSubset>"
        f"{_ind(2)}<MeshHeadingList>{''.join(mesh).replace(i4, i3)}"
        f"{_ind(2)}</MeshHeadingList>"
        f'{_ind(2)}<KeywordList Owner="NOTNLM">{keywords.replace(i4, i3)}{_ind(2)}</KeywordList>'
        f"{_ind(2)}<CoiStatement>Dr {escape(rng.choice(_SURNAMES))} has received consulting fees "
        "from Janssen and research support from the National Institutes of Health; the other "
        f"authors report no financial relationships with commercial interests.</CoiStatement>"
        f"{_ind(1)}</MedlineCitation>{_ind(1)}<PubmedData>{_ind(2)}<History>"
        f"{_date('PubMedPubDate', pub - timedelta(days=120), 3, ' PubStatus=' + chr(34) + 'received' + chr(34))}"
        f"{_date('PubMedPubDate', pub - timedelta(days=60), 3, ' PubStatus=' + chr(34) + 'revised' + chr(34))}"
        f"{_date('PubMedPubDate', pub - timedelta(days=30), 3, ' PubStatus=' + chr(34) + 'accepted' + chr(34))}"
        f"{_date('PubMedPubDate', completed, 3, ' PubStatus=' + chr(34) + 'medline' + chr(34), hm=True)}"
        f"{_date('PubMedPubDate', crdt, 3, ' PubStatus=' + chr(34) + 'pubmed' + chr(34), hm=True)}"
        f"{_date('PubMedPubDate', crdt, 3, ' PubStatus=' + chr(34) + 'entrez' + chr(34), hm=True)}"
        f"{_ind(2)}</History>{_ind(2)}<PublicationStatus>ppublish</PublicationStatus>"
        f'{_ind(2)}<ArticleIdList>{i3}<ArticleId IdType="pubmed">{pmid}</ArticleId>'
        f'{i3}<ArticleId IdType="doi">{doi}</ArticleId>{i3}<ArticleId IdType="pii">'
        f"S0165-0327({pub.year % 100}){pmid % 100000:05d}-X</ArticleId>{_ind(2)}</ArticleIdList>"
        f"{_ind(2)}<ReferenceList>{''.join(refs).replace(i4, i3)}"
        f"{_ind(2)}</ReferenceList>{_ind(1)}</PubmedData>\n</PubmedArticle>\n"
    )
    return xml.encode("utf-8")


def records(n: int, *, start_pmid: int = 40_000_000, seed: int = 0,
            crdt_start: date = date(2005, 1, 1), crdt_end: date = date(2024, 12, 31)) -> list[bytes]:
    """``n`` records with PMIDs from ``start_pmid`` and create dates spread over the range."""
    rng = random.Random(seed)
    span = (crdt_end - crdt_start).days
    return [
        render(start_pmid + i, crdt_start + timedelta(days=span * i // max(1, n - 1)), rng)
        for i in range(n)
    ]


def write_corpus(path: Path, n: int, *, start_pmid: int = 40_000_000, seed: int = 0,
                 chunk: int = 2000) -> Path:
    """A gzipped ``PubmedArticleSet`` of ``n`` records (written to a temporary name first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    rng = random.Random(seed)
    span = (date(2024, 12, 31) - date(2005, 1, 1)).days
    with gzip.open(tmp, "wb", compresslevel=6) as out:
        out.write(HEADER)
        for lo in range(0, n, chunk):
            out.write(b"".join(
                render(start_pmid + i, date(2005, 1, 1) + timedelta(days=span * i // max(1, n - 1)),
                       rng)
                for i in range(lo, min(n, lo + chunk))
            ))
        out.write(FOOTER)
    tmp.replace(path)
    return path
