"""Tests for aggregator.digest (building, rendering, writing) and aggregator.subscribers.

Records here are made up (no PubMed data).
"""

from __future__ import annotations

import email
import email.policy
import re
import zlib
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from aggregator.config import Settings
from aggregator.digest import (
    MAX_MESSAGE_BYTES,
    build_digest,
    inline_markup,
    iso_week_key,
    plain,
    record_digest,
    write_digest,
)
from aggregator.errors import InputError, SubscriberError
from aggregator.models import Author, Correction, Parsed, Record, Tag, Tags
from aggregator.store import Store
from aggregator.subscribers import Subscriber, load_subscribers, parse_subscribers

NOW = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)  # Saturday of ISO week 2026-W48
ATTACKS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)")
PUBMED_RE = re.compile(r"^https://pubmed\.ncbi\.nlm\.nih\.gov/\d+/$")
DOI_RE = re.compile(r"^https://doi\.org/10\.[A-Za-z0-9%./_-]+$")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW - timedelta(days=2))


@pytest.fixture
def store(clock: Clock) -> Any:
    s = Store(":memory:", now=clock)
    yield s
    s.close()


@pytest.fixture
def dsettings(settings: Settings, tmp_path: Path) -> Settings:
    """No subscriber file, no DIGEST_TO: the generic edition only."""
    return settings.replace(
        subscribers_path=tmp_path / "none.toml", digest_from="digest@example.org"
    )


def add(
    store: Store,
    pmid: int | str,
    *,
    conditions: tuple[str, ...] = ("trd",),
    design: str | None = "rct",
    title: str | None = None,
    abstract: str = "Ketamine infusion for depression.",
    pub_date: str = "2026-11-01",
    doi: str | None = None,
    retracted: bool = False,
    journal: str = "J Affect Disord",
    author: str = "Smith",
    tagged: bool = True,
) -> None:
    record = Record(
        pmid=str(pmid),
        title=title if title is not None else f"Ketamine study {pmid}",
        abstract=abstract,
        authors=[Author(last_name=author, initials="J"), Author(last_name="Doe", initials="A")],
        journal=journal,
        pub_year=int(pub_date[:4]),
        pub_date=pub_date,
        doi=doi if doi is not None else f"10.1000/ket.{pmid}",
        corrections=[Correction("RetractionIn", "1")] if retracted else [],
    )
    with store.transaction():
        store.upsert([Parsed(record=record, raw_z=zlib.compress(b"<PubmedArticle/>"))])
        if tagged:
            tags = Tags(
                conditions=[Tag(c, "mesh", c) for c in conditions],
                routes=[Tag("iv", "text", "infusion")],
                design=Tag(design, "publication_type", design) if design else None,
                sample_size=42,
                retracted=retracted,
            )
            store.save_tags([(str(pmid), tags)], "test")


def parse(raw: bytes) -> EmailMessage:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def parts(msg: EmailMessage) -> tuple[str, str]:
    assert msg.get_content_type() == "multipart/alternative"
    sub = list(msg.iter_parts())
    assert [p.get_content_type() for p in sub] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in sub)
    return sub[0].get_content(), sub[1].get_content()


def assert_email_safe(html: str) -> lxml.html.HtmlElement:
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //form | //link")
    assert not doc.xpath("//style | //@src | //@background")
    for el in doc.iter():
        for name in el.attrib:
            assert not name.lower().startswith("on"), (el.tag, name)
    for href in doc.xpath("//a/@href"):
        assert PUBMED_RE.match(href) or DOI_RE.match(href), href
    assert "<script" not in html.lower()
    return doc


# -- selection, grouping, order ---------------------------------------------------------------


def test_digest_key_is_iso_week() -> None:
    assert iso_week_key(NOW) == "2026-W48"
    assert iso_week_key(datetime(2027, 1, 1, tzinfo=UTC)) == "2026-W53"


def test_digest_groups_by_condition_strongest_design_then_newest(
    store: Store, dsettings: Settings
) -> None:
    add(store, 1, conditions=("depression",), design="observational", pub_date="2026-10-01")
    add(store, 2, conditions=("depression",), design="rct", pub_date="2025-01-01")
    add(store, 3, conditions=("depression",), design="rct", pub_date="2026-09-01")
    add(store, 4, conditions=("depression",), design="meta_analysis", pub_date="2020-01-01")
    add(store, 5, conditions=("trd", "depression"), design="rct")
    add(store, 6, conditions=("anesthesia",), design="rct")
    add(store, 7, conditions=(), design="case_report")
    add(store, 8, tagged=False)
    add(store, 9, conditions=("ptsd", "anxiety"), design="nonrandomized_trial")
    digest = build_digest(store, dsettings, now=NOW)
    text = digest.generic.text
    headings = re.findall(r"^== (.+) \(\d+\) ==$", text, re.MULTILINE)
    assert headings == [
        "Depression", "Treatment-resistant depression", "Anxiety disorders", "PTSD",
        "Anaesthesia and sedation", "Other or not yet classified",
    ]
    depression = text.split("== Depression")[1].split("==")[1]
    order = re.findall(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d+)/", depression)
    assert order == ["4", "3", "2", "1"]
    # a TRD record is listed under TRD only (it implies depression)
    assert text.count("pubmed.ncbi.nlm.nih.gov/5/") == 1
    assert text.count("pubmed.ncbi.nlm.nih.gov/9/") == 2
    assert digest.generic.pmids and set(digest.pmids) == {str(i) for i in range(1, 10)}
    assert digest.generic.subject == "Ketamine evidence digest 2026-W48: 9 new studies"


def test_digest_only_records_first_seen_since_last_digest(
    store: Store, dsettings: Settings, clock: Clock
) -> None:
    clock.now = NOW - timedelta(days=20)
    add(store, 1)
    clock.now = NOW - timedelta(days=10)
    add(store, 2)
    first = build_digest(store, dsettings, now=NOW - timedelta(days=7))
    assert first.pmids == ("2",)  # default window: one week
    record_digest(store, first)
    clock.now = NOW - timedelta(days=1)
    add(store, 3)
    second = build_digest(store, dsettings, now=NOW)
    assert second.since == NOW - timedelta(days=7)
    assert second.pmids == ("3",)
    again = build_digest(store, dsettings, since=NOW - timedelta(days=30), now=NOW)
    assert set(again.pmids) == {"1", "2", "3"}


def test_digest_same_week_rerun_keeps_window(store: Store, dsettings: Settings) -> None:
    add(store, 1)
    first = build_digest(store, dsettings, now=NOW)
    record_digest(store, first)
    store.mark_reported(first.key, ["1"])
    rerun = build_digest(store, dsettings, now=NOW + timedelta(hours=3))
    assert rerun.since == first.since
    assert rerun.pmids == ("1",)


def test_digest_calls_out_retractions_of_reported_records(
    store: Store, dsettings: Settings, clock: Clock
) -> None:
    clock.now = NOW - timedelta(days=10)
    add(store, 1, conditions=("ptsd",))
    add(store, 2, conditions=("chronic_pain",))
    first = build_digest(store, dsettings, now=NOW - timedelta(days=7))
    record_digest(store, first)
    store.mark_reported(first.key, ["1", "2"])
    clock.now = NOW - timedelta(days=1)
    add(store, 1, conditions=("ptsd",), retracted=True)  # the retraction arrives
    add(store, 3, conditions=("ptsd",))
    digest = build_digest(store, dsettings, now=NOW)
    assert [r.pmid for r in digest.retractions] == ["1"]
    assert digest.pmids == ("3",)
    text, html = digest.generic.text, digest.generic.html
    assert text.index("RETRACTED SINCE AN EARLIER DIGEST") < text.index("== PTSD")
    assert html.index("Retracted since an earlier digest") < html.index("PTSD (1)")
    assert "1 retraction" in digest.generic.subject
    pain = Subscriber("pain@example.org", conditions=("chronic_pain",))
    ptsd = Subscriber("ptsd@example.org", conditions=("ptsd",), min_design="meta_analysis")
    d2 = build_digest(store, dsettings, now=NOW, subscribers=[pain, ptsd])
    assert d2.editions[1].retraction_pmids == ()
    # a retraction is shown whatever the subscriber's minimum design
    assert d2.editions[2].retraction_pmids == ("1",)


def test_digest_subscriber_editions_filter_conditions_and_design(
    store: Store, dsettings: Settings
) -> None:
    add(store, 1, conditions=("depression",), design="observational")
    add(store, 2, conditions=("trd", "depression"), design="rct")
    add(store, 3, conditions=("chronic_pain",), design="meta_analysis")
    add(store, 4, conditions=(), design="rct")
    subs = [
        Subscriber("mood@example.org", name="Mood", conditions=("depression",), min_design="rct"),
        Subscriber("pain@example.org", conditions=("chronic_pain", "ptsd")),
        Subscriber("all@example.org"),
    ]
    digest = build_digest(store, dsettings, now=NOW, subscribers=subs)
    mood, pain, everyone = digest.editions[1:]
    assert mood.pmids == ("2",)  # depression subscribers get TRD; observational dropped
    assert pain.pmids == ("3",)
    assert set(everyone.pmids) == {"1", "2", "3", "4"}
    assert "Your conditions: Depression; RCT or stronger" in mood.text
    assert "For Mood" in mood.html
    assert mood.to == "Mood <mood@example.org>"
    assert mood.stem == "2026-W48-mood_at_example.org"


# -- size, links, safety ------------------------------------------------------------------------


def test_digest_500_records_under_100kb_and_truncated(store: Store, dsettings: Settings) -> None:
    conds = ("trd", "ptsd", "chronic_pain", "anesthesia", "suicidality")
    designs = ("meta_analysis", "rct", "observational", "case_report", "review")
    for i in range(500):
        add(store, 10_000 + i, conditions=(conds[i % 5],), design=designs[(i // 5) % 5],
            title=f"Ketamine esketamine randomised trial number {i} with a longish title "
                  "about infusions, nasal spray and response at 24 hours — ÅÄÖ",
            pub_date=f"2026-{1 + i % 12:02d}-01")
    subs = [Subscriber("all@example.org"), Subscriber("ptsd@example.org", conditions=("ptsd",))]
    digest = build_digest(store, dsettings, now=NOW, subscribers=subs)
    assert len(digest.items) == 500
    for edition in digest.editions:
        raw = edition.message(date=NOW).as_bytes()
        assert len(raw) < MAX_MESSAGE_BYTES
        _, html = parts(parse(raw))
        assert_email_safe(html)
        assert len(html.encode()) < MAX_MESSAGE_BYTES
    generic = digest.generic
    assert generic.truncated
    assert re.search(r"and \d+ more &mdash; see the full report", generic.html)
    assert re.search(r"and \d+ more - see the full report", generic.text)
    # strongest first survives the cut
    ptsd = generic.text.split("== PTSD")[1].split("\n== ")[0]
    assert "Meta-analysis" in ptsd and "Case report" not in ptsd
    assert len(generic.pmids) == 500  # all counted as in this digest


def test_digest_links_are_pubmed_and_doi(store: Store, dsettings: Settings) -> None:
    add(store, 123, doi="10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2")
    digest = build_digest(store, dsettings, now=NOW)
    text, html = parts(parse(digest.generic.message(date=NOW).as_bytes()))
    doc = assert_email_safe(html)
    hrefs = doc.xpath("//a/@href")
    assert "https://pubmed.ncbi.nlm.nih.gov/123/" in hrefs
    doi_url = ("https://doi.org/10.1002/%28SICI%291097-0258%2819980815/30%2917%3A15/16"
               "%3C1661%3A%3AAID-SIM968%3E3.0.CO%3B2-2")
    assert doi_url in hrefs
    assert "PubMed: https://pubmed.ncbi.nlm.nih.gov/123/" in text
    assert f"DOI: {doi_url}" in text


@pytest.mark.parametrize("attack", ATTACKS)
def test_digest_attack_strings_are_inert(store: Store, dsettings: Settings, attack: str) -> None:
    add(store, 7, title=f"Ketamine {attack} trial", abstract=f"Background {attack}",
        journal=f"J {attack}", author=attack, doi=attack)
    subs = [Subscriber("a@example.org", name="Ana")]
    digest = build_digest(store, dsettings, now=NOW, subscribers=subs)
    for edition in digest.editions:
        text, html = parts(parse(edition.message(date=NOW).as_bytes()))
        doc = assert_email_safe(html)
        # the attack is shown as text, never as markup or a link target
        assert attack in doc.text_content()
        assert attack.replace("<", "&lt;").replace(">", "&gt;") in html or "<" not in attack
        assert not any(h.startswith("javascript") for h in doc.xpath("//a/@href"))
        assert attack in text  # text/plain: inert by its content type


def test_inline_markup_keeps_only_balanced_bare_tags() -> None:
    assert inline_markup("A <i>in vivo</i> H<sub>2</sub>O") == "A <i>in vivo</i> H<sub>2</sub>O"
    assert inline_markup("<i>open") == "&lt;i&gt;open"
    assert inline_markup('<i class="x">y</i>') == "&lt;i class=&#34;x&#34;&gt;y&lt;/i&gt;"
    assert inline_markup("<b onclick=alert(1)>x</b>") == "&lt;b onclick=alert(1)&gt;x&lt;/b&gt;"
    assert plain("A <i>in vivo</i>\x00 study") == "A in vivo study"


# -- empty weeks, writing -----------------------------------------------------------------------


def test_digest_empty_week_note(store: Store, dsettings: Settings, tmp_path: Path) -> None:
    digest = build_digest(store, dsettings, now=NOW)
    assert digest.empty and not digest.skipped
    assert "No new studies" in digest.generic.text
    assert "No new studies" in digest.generic.html
    assert "nothing new" in digest.generic.subject
    assert len(write_digest(digest, tmp_path)) == 3


def test_digest_empty_week_skip(store: Store, dsettings: Settings, tmp_path: Path) -> None:
    digest = build_digest(store, dsettings, now=NOW, empty="skip",
                          subscribers=[Subscriber("a@example.org")])
    assert digest.skipped
    assert digest.subscriber_editions() == []
    assert write_digest(digest, tmp_path) == []
    with pytest.raises(InputError, match="empty"):
        build_digest(store, dsettings, now=NOW, empty="loud")


def test_digest_skip_leaves_out_only_empty_subscriber_editions(
    store: Store, dsettings: Settings
) -> None:
    add(store, 1, conditions=("ptsd",))
    subs = [Subscriber("p@example.org", conditions=("ptsd",)),
            Subscriber("o@example.org", conditions=("ocd",))]
    digest = build_digest(store, dsettings, now=NOW, empty="skip", subscribers=subs)
    assert [e.subscriber.address for e in digest.subscriber_editions()] == ["p@example.org"]


def test_write_digest_files(store: Store, dsettings: Settings, tmp_path: Path) -> None:
    add(store, 1)
    subs = [Subscriber("Ana.Lopez@example.org", name="Ana López")]
    digest = build_digest(store, dsettings, now=NOW, subscribers=subs)
    written = write_digest(digest, tmp_path / "reports")
    names = sorted(p.name for p in written)
    assert names == sorted([
        "2026-W48.html", "2026-W48.txt", "2026-W48.eml",
        "2026-W48-ana.lopez_at_example.org.html", "2026-W48-ana.lopez_at_example.org.txt",
        "2026-W48-ana.lopez_at_example.org.eml",
    ])
    assert all(p.parent == tmp_path / "reports" / "digests" for p in written)
    msg = parse((tmp_path / "reports/digests/2026-W48-ana.lopez_at_example.org.eml").read_bytes())
    assert msg["To"].addresses[0].display_name == "Ana López"
    assert msg["From"] == "digest@example.org"
    assert msg["Subject"] == digest.editions[1].subject
    text, html = parts(msg)
    assert "pubmed.ncbi.nlm.nih.gov/1/" in text and "pubmed.ncbi.nlm.nih.gov/1/" in html
    record_digest(store, digest, written)
    saved = store.get_digest("2026-W48")
    assert saved["html_path"].endswith("2026-W48.html")
    assert saved["pmids"] == ["1"]


def test_digest_without_subscribers_writes_generic_edition(
    store: Store, dsettings: Settings
) -> None:
    add(store, 1)
    digest = build_digest(store, dsettings, now=NOW)
    assert digest.subscribers == [] and len(digest.editions) == 1
    assert digest.generic.to == "undisclosed-recipients:;"


# -- subscriber files ---------------------------------------------------------------------------


GOOD = """\
# comment
[[subscriber]]
address = "a@example.org"
name = "Ana"
conditions = ["trd", "ptsd"]
min_design = "rct"

[[subscriber]]
address = "b@example.org"
conditions = "all"
"""


def test_subscribers_parse_good_file_and_digest_to(tmp_path: Path) -> None:
    path = tmp_path / "subscribers.toml"
    path.write_text(GOOD)
    subs = load_subscribers(path, digest_to="c@example.org, A@example.org")
    assert [s.address for s in subs] == ["a@example.org", "b@example.org", "c@example.org"]
    assert subs[0].conditions == ("trd", "ptsd") and subs[0].min_design == "rct"
    assert subs[1].conditions is None and subs[2].wants_everything


def test_subscribers_example_file_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "subscribers.example.toml"
    assert len(load_subscribers(example)) >= 1


def test_subscribers_missing_file(tmp_path: Path) -> None:
    assert load_subscribers(tmp_path / "nope.toml") == []
    with pytest.raises(SubscriberError, match="DIGEST_TO"):
        load_subscribers(tmp_path / "nope.toml", required=True)


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ('[[subscriber]]\naddress = "a@example.org"\nconditions = ["trd"\n', 3, None,
         "invalid TOML"),
        ('[[subscriber]]\naddress = a@example.org\n', 2, None, "invalid TOML"),
        ('[[subscriber]]\naddress = "a@example.org"\n\n[[subscriber]]\naddress = "not-an-email"\n',
         5, "subscriber[1].address", "not a valid e-mail address"),
        ('[[subscriber]]\naddress = "a@example.org\\r\\nBcc: x@evil.test"\n', 2,
         "subscriber[0].address", "not a valid e-mail address"),
        ('[[subscriber]]\naddress = "a@example.org"\nconditions = ["trd", "migraine"]\n', 3,
         "subscriber[0].conditions", "unknown condition 'migraine'"),
        ('[[subscriber]]\naddress = "a@example.org"\n\nmin_design = "anecdote"\n', 4,
         "subscriber[0].min_design", "unknown design 'anecdote'"),
        ('[[subscriber]]\naddress = "a@example.org"\nconditon = ["trd"]\n', 3,
         "subscriber[0].conditon", "unknown key"),
        ('[[subscriber]]\nname = "No address"\n', 1, "subscriber[0].address", "missing"),
        ('[[subscriber]]\naddress = "a@example.org"\n[[subscriber]]\naddress = "A@example.org"\n',
         4, "subscriber[1].address", "duplicate"),
        ('[[subscriber]]\naddress = "a@example.org"\nname = "x\\ny"\n', 3,
         "subscriber[0].name", "single-line"),
    ],
)
def test_subscribers_errors_name_file_line_field(
    tmp_path: Path, text: str, line: int, field: str | None, message: str
) -> None:
    path = tmp_path / "subscribers.toml"
    path.write_text(text)
    with pytest.raises(SubscriberError) as info:
        load_subscribers(path)
    err = info.value
    assert err.exit_code == 2
    assert err.path == str(path) and err.line == line and err.field == field
    assert message in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("address", "slug"),
    [
        ("Ana.Lopez@Example.org", "ana.lopez_at_example.org"),
        ("a-b@x.org", "a-b_at_x.org"),
        ("a.b@x.org", "a.b_at_x.org"),
    ],
)
def test_subscriber_slug(address: str, slug: str) -> None:
    assert Subscriber(address).slug == slug


def test_subscriber_slugs_do_not_collide() -> None:
    odd = ["a+b@x.org", "a=b@x.org", "a&b@x.org", "a-b@x.org"]
    assert len({Subscriber(a).slug for a in odd}) == len(odd)
    assert all(re.fullmatch(r"[a-z0-9._-]+", Subscriber(a).slug) for a in odd)


def test_subscribers_bad_digest_to() -> None:
    with pytest.raises(SubscriberError, match="DIGEST_TO"):
        load_subscribers(None, digest_to="ok@example.org, nope")


def test_parse_subscribers_from_text() -> None:
    subs = parse_subscribers(GOOD, path="x.toml")
    assert subs[0].wants(["ptsd"], "meta_analysis")
    assert not subs[0].wants(["ptsd"], "observational")
    assert not subs[0].wants(["ocd"], "rct")
    assert not subs[0].wants([], "rct")
    assert subs[1].wants([], None)
