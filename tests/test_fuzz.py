"""Issue 5: bad input never crashes the job; it raises a one-line InputError naming the problem.

Hypothesis mutates real-format input (truncations, byte flips, injected tags and entities,
swapped nesting, deleted and repeated stretches) for the PubMed XML reader, the MEDLINE reader,
the query and vocabulary loaders and the subscriber file, and feeds fuzzed files to
``aggregator import``: every outcome is a result or an
:class:`~aggregator.errors.AggregatorError` (an ``InputError`` for bad input) whose message is
one line; a failed import exits 2 and leaves the store unchanged. An XML bomb (billion laughs)
is refused without expanding. Bounded: a few dozen examples each, no deadline.
"""

from __future__ import annotations

import io
import resource
import time
import warnings
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from aggregator import parse
from aggregator.cli import cli
from aggregator.errors import AggregatorError, InputError
from aggregator.models import Deletion, Parsed
from aggregator.queries import load_queries
from aggregator.subscribers import parse_subscribers
from aggregator.vocabulary import load_vocabulary
from tests._weekly_helpers import QUERIES_DIR, snapshot
from tests.conftest import DATA
from tests.eutils_server import FakeEutils

pytestmark = pytest.mark.timeout(300)

FUZZ = settings(max_examples=250, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


def _corpus_xml() -> bytes:
    server = FakeEutils()  # not started: only its record renderer is used
    ids = server.add_records(3, crdt_start=date(2023, 1, 1), crdt_end=date(2023, 6, 1))
    server.modify(ids[1], retracted=True, title="Ketamine <i>in vivo</i> H<sub>2</sub>O &amp; more")
    return server.article_xml(ids)


XML = _corpus_xml()
NBIB = (DATA / "parse_sample.nbib").read_bytes()
QUERY_TEXT = (QUERIES_DIR / "ketamine.toml").read_text(encoding="utf-8")
VOCAB_TEXT = (QUERIES_DIR / "vocabulary.toml").read_text(encoding="utf-8")
SUBSCRIBERS_TEXT = (Path(__file__).resolve().parent.parent / "subscribers.example.toml").read_text(
    encoding="utf-8")

ENTITIES = ('<!ENTITY lol0 "lolololololololololo">'
            + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)))
XML_SNIPPETS = [
    b"<i>", b"</i>", b"<PubmedArticle>", b"</PubmedArticle>", b"<PubmedArticleSet>",
    b"</PubmedArticleSet>", b"<DeleteCitation><PMID>1</PMID></DeleteCitation>", b"<PMID>",
    b"</MedlineCitation>", b"&lol9;", b"&nbsp;", b"&#0;", b"&#xD800;", b"&#1114112;", b"&amp",
    b"<![CDATA[x]]>", b"]]>", b"<?pi x?>", b"<!--", b"-->", b"\x00", b"\xff\xfe", b"\xc3",
    b'<?xml version="1.0" encoding="x-bogus"?>', b'<?xml version="1.0" encoding="UTF-16"?>',
    b"<!DOCTYPE PubmedArticleSet [" + ENTITIES.encode() + b"]>",
    b'<!ENTITY xxe SYSTEM "file:///etc/passwd">', b"&xxe;",
    b'<PubmedArticle xmlns="urn:x">', b"<a:b xmlns:a='urn:a'>", b"<" * 50, b"\r\n", b"\t",
    b"<MedlineCitation Status='MEDLINE'>", b"<Year>99999999999999999999</Year>",
    b"<Month>Foo</Month>", b"<Day>0</Day>", b"<MedlineDate>1998 Dec-1999 Jan</MedlineDate>",
    b"<AbstractText Label='X'>", "Ünïcødé ✓ 🧪".encode(), b"<PMID Version='1'></PMID>",
    b"<PMID Version='1'>notanumber</PMID>", b"<PMID Version='1'>-5</PMID>",
]
TEXT_SNIPPETS = [
    "\n", "[", "]", "[[", "]]", "=", '"', "'", "'''", '"""', "\\", "\\u0000", "#", "{", "}",
    "[drug]", "[[indication]]", "[[subscriber]]", "name = 1", "term = []", "label = ''",
    "x = 1", "term = '''(ketamine[tiab]'''", "(", ")", "[tiab]", "[bogus]", "\"\"\"\n",
    "conditions = 'all'", "conditions = [1, 2]", "min_design = 'nope'", "address = 'a@b'",
    "mesh = [{ ui = 'D1', name = 2 }]", "patterns = ['(']", "patterns = ['(?P<n>']",
    "[macros]", "inf", "nan", "1979-05-27T07:32:00Z", "\x00", "\ud7ff", "é", "\t", "=\n",
    "key = { a = 1 }", "[conditions.trd]", "implies = ['nope']", "[design]", "order = []",
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes, snippets: list[bytes]) -> bytes:
    """``base`` after one to four random edits."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat", "swap"]))
        n = len(data)
        at = draw(st.integers(0, max(0, n)))
        if op == "truncate":
            del data[at:]
        elif op == "flip" and n:
            data[min(at, n - 1)] = draw(st.integers(0, 255))
        elif op == "insert":
            snippet = draw(st.sampled_from(snippets))
            if draw(st.booleans()) and snippet.startswith(b"<?xml"):
                at = 0
            data[at:at] = snippet
        elif op == "delete":
            del data[at: at + draw(st.integers(1, 200))]
        elif op == "repeat":
            span = bytes(data[at: at + draw(st.integers(1, 400))])
            data[at:at] = span * draw(st.integers(1, 3))
        elif op == "swap":  # wrong nesting: exchange two closing tags
            closes = [i for i in range(n) if data[i: i + 2] == b"</"]
            if len(closes) >= 2:
                i, j = sorted(draw(st.lists(st.sampled_from(closes), min_size=2, max_size=2,
                                            unique=True)))
                ei, ej = data.find(b">", i) + 1, data.find(b">", j) + 1
                if 0 < ei <= j and ej > 0:
                    a, b = bytes(data[i:ei]), bytes(data[j:ej])
                    data[j:ej] = a
                    data[i:ei] = b
    return bytes(data)


def mutated_text(base: str) -> st.SearchStrategy[str]:
    snippets = [s.encode("utf-8", "surrogatepass") for s in TEXT_SNIPPETS]
    return mutated(base.encode("utf-8"), snippets).map(
        lambda b: b.decode("utf-8", "replace"))


def check_error(exc: BaseException, *names: str) -> None:
    """An AggregatorError (InputError for bad input), one line, naming the source."""
    assert isinstance(exc, InputError), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert message.strip() and "\n" not in message and "\r" not in message, repr(message)
    assert any(name in message for name in names), f"{message!r} names none of {names}"


# -- PubMed XML ------------------------------------------------------------------------------------


@FUZZ
@given(mutated(XML, XML_SNIPPETS))
def test_fuzz_xml_reader(data: bytes) -> None:
    try:
        items = list(parse.iter_xml(io.BytesIO(data), source="fuzz.xml"))
    except AggregatorError as exc:
        check_error(exc, "fuzz.xml")
        return
    for item in items:
        assert isinstance(item, (Parsed, Deletion))
        if isinstance(item, Parsed):
            assert item.record.pmid
            again = parse.parse_record_bytes(item.raw(), item.format)  # re-tag path
            assert again.pmid == item.record.pmid


def test_xml_bomb_is_refused_without_expanding() -> None:
    """Billion laughs, declared in the prolog or inside a record; and an external entity."""
    bombs = [
        (f'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [{ENTITIES}]>\n<PubmedArticleSet>'
         '<PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article><ArticleTitle>'
         "&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"),
        (f'<PubmedArticle><!DOCTYPE x [{ENTITIES}]><MedlineCitation><PMID Version="1">1</PMID>'
         "<Article><ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation>"
         "</PubmedArticle>"),
        ('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM '
         '"file:///etc/passwd">]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>'
         '<PMID Version="1">1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle></Article>'
         "</MedlineCitation></PubmedArticle></PubmedArticleSet>"),
    ]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for bomb in bombs:
        started = time.monotonic()
        try:
            items = list(parse.iter_xml(io.BytesIO(bomb.encode()), source="bomb.xml"))
        except AggregatorError as exc:
            check_error(exc, "bomb.xml")
        else:
            for item in items:  # if accepted, nothing was expanded or read from disk
                text = repr(item.record) if isinstance(item, Parsed) else ""
                assert "lollol" not in text and "root:" not in text
        assert time.monotonic() - started < 2
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200_000


def test_esearch_bomb_is_refused() -> None:
    """A hostile E-utilities answer cannot expand entities either (the client's parser)."""
    import requests
    import responses

    from aggregator.config import Settings
    from aggregator.errors import EutilsError
    from aggregator.eutils import EutilsClient

    body = (f'<?xml version="1.0"?>\n<!DOCTYPE eSearchResult [{ENTITIES}]>\n<eSearchResult>'
            "<Count>1</Count><IdList><Id>&lol9;</Id></IdList></eSearchResult>")
    url = "http://127.0.0.1:9/bomb/"
    s = Settings(eutils_url=url, backoff=0.0, backoff_max=0.0, max_attempts=2)
    with responses.RequestsMock() as mock, EutilsClient(s, requests.Session()) as client:
        mock.add(responses.GET, url + "esearch.fcgi", body=body)
        started = time.monotonic()
        with pytest.raises(EutilsError) as info:
            client.esearch("ketamine")
        assert time.monotonic() - started < 2
    assert "\n" not in str(info.value)


# -- MEDLINE --------------------------------------------------------------------------------------


@FUZZ
@given(mutated(NBIB, [s.encode() for s in ["PMID- ", "PMID- x", "\n\n", "      ",
                                           "TI  - ", "XX  - y", "AU  -", "DP  - 2019 Foo",
                                           "FAU - ,", "MH  - */", "PT  - ", "\r", "\x00",
                                           "\xff", "CRDT- 2019/13/45 99:99", "\ufeff"]]
               + [b"\xff", b"\xc3"]))
def test_fuzz_medline_reader(data: bytes) -> None:
    try:
        items = list(parse.iter_medline(io.BytesIO(data), source="fuzz.nbib"))
    except AggregatorError as exc:
        check_error(exc, "fuzz.nbib")
        return
    for item in items:
        assert item.record.pmid
        again = parse.parse_record_bytes(item.raw(), item.format)
        assert again.pmid == item.record.pmid


# -- query, vocabulary and subscriber files ----------------------------------------------------------


@FUZZ
@given(mutated_text(QUERY_TEXT))
def test_fuzz_query_file(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("q")
    (folder / "ketamine.toml").write_text(text, encoding="utf-8")
    try:
        qs = load_queries(folder)
    except AggregatorError as exc:
        check_error(exc, "ketamine.toml")
        return
    assert qs.indications and qs.topic_term


# the first example loads the whole vocabulary (~8 s); the rest redo only what their edits
# changed (aggregator.regex_source memoises per pattern source: ~0.6 s each)
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(mutated_text(VOCAB_TEXT))
def test_fuzz_vocabulary_file(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("v")
    (folder / "vocabulary.toml").write_text(text, encoding="utf-8")
    try:
        with warnings.catch_warnings():  # re's FutureWarning ("possible nested set") is only
            warnings.simplefilter("ignore", FutureWarning)  # a warning for the user's pattern
            vocab = load_vocabulary(folder)
    except AggregatorError as exc:
        check_error(exc, "vocabulary.toml")
        return
    assert vocab.version


@FUZZ
@given(mutated_text(SUBSCRIBERS_TEXT))
def test_fuzz_subscriber_file(text: str) -> None:
    try:
        subs = parse_subscribers(text, path="subscribers.toml")
    except AggregatorError as exc:
        check_error(exc, "subscribers.toml")
        return
    assert all(s.address for s in subs)


# -- through the CLI -----------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: bounded time
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(st.one_of(mutated(XML, XML_SNIPPETS), mutated(NBIB, [b"PMID- ", b"\n\n", b"\xff"])))
def test_fuzz_cli_import(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("imp")
    db = folder / "store.sqlite"
    good = folder / "good.xml"
    good.write_bytes(XML)
    env = {"AGGREGATOR_DB": str(db), "AGGREGATOR_QUERIES": str(QUERIES_DIR),
           "AGGREGATOR_REPORTS": str(folder / "reports")}
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(good)], env=env)
    assert first.exit_code == 0, first.output
    before = snapshot(db)
    fuzzed = folder / "fuzzed.dat"
    fuzzed.write_bytes(data)
    result = runner.invoke(cli, ["import", str(fuzzed)], env=env)
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("aggregator: error:") and "fuzzed.dat" in lines[0]
        assert snapshot(db) == before
