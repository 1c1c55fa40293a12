"""A small NCBI E-utilities server of our own, on 127.0.0.1 with real sockets.

Used by the integration tests (``tests/test_eutils_server.py``) and by the benchmarks. It serves
``esearch.fcgi`` and ``efetch.fcgi`` (GET and POST) over a generated PubMed corpus, and behaves
like NCBI where it matters to a client:

- ESearch: ``Count`` is the true count, but only the first 9,999 ids can be reached
  (``retmax`` is clamped silently; ``retstart`` > 9998 gets NCBI's ``<ERROR>`` inside HTTP 200);
  ``datetype`` ``crdt``/``edat``/``mhda``/``mdat`` with ``mindate``/``maxdate``; most recent first.
- EFetch: ``id=`` comma list; a ``PubmedArticleSet`` with those records in the order asked,
  unknown ids left out (as NCBI does).
- Rate limit: more than 3 requests (10 with ``api_key``) in any 1-second window gets HTTP 429
  with NCBI's JSON body and no ``Retry-After``.
- Every request is recorded (time, endpoint, method, params, status, fault), so tests can check
  the busiest 1-second window and the number of 429s.
- Faults on demand: ``server.faults.add("efetch", "truncate", times=2)``.

Example::

    with FakeEutils() as server:
        server.add_records(25_000, start_pmid=30_000_000,
                           crdt_start=date(2015, 1, 1), crdt_end=date(2024, 12, 31))
        settings = Settings(eutils_url=server.url, backoff=0.01)
        ...
        assert server.max_in_window() <= 3 and server.count(status=429) == 0

Record XML follows the PubMed DTD (pubmed_250101.dtd); the text is generated from a small,
deterministic vocabulary so that tagging has something to find. Records are rendered when
asked, so a 40,000-record corpus costs a few MB.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import re
import socket
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

__all__ = ["RETSTART_ERROR", "FakeEutils", "Faults", "LoggedRequest", "max_in_window"]

#: NCBI's text for retstart over the cap (quoted in public issue threads, e.g. triplea's README)
RETSTART_ERROR = (
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
    "ESearch can only retrieve the first 9,999 records matching the query. To obtain more than "
    "9,999 PubMed records, consider using EDirect that contains additional logic to batch PubMed "
    "search results automatically so that an arbitrary number can be retrieved. For details see "
    "https://www.ncbi.nlm.nih.gov/books/NBK25499/"
)
ESEARCH_CAP = 9999

_ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
_EFETCH_HEAD = (
    b'<?xml version="1.0" ?>\n'
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)
_EFETCH_TAIL = b"</PubmedArticleSet>"
_DATE_FIELDS = {"crdt": "crdt", "edat": "edat", "mhda": "mhda", "mdat": "revised"}
_TRANSLATION_FIELD = {"crdt": "Date - Create", "edat": "Date - Entry", "mhda": "Date - MeSH", "mdat": "Date - Modification"}
_ERROR_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>{code} {reason}</title></head>\n"
    "<body><h1>{reason}</h1><p>The server encountered a temporary error and could not complete "
    "your request. Please try again later.</p><hr><address>NCBI</address></body></html>\n"
)
_REASONS = {429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}


# --------------------------------------------------------------------------- corpus


class FakeRecord:
    """One PubMed record of the fake corpus. Dates are ``date``s; change them (or any field)
    through :meth:`FakeEutils.modify` so the server's indexes stay right."""

    __slots__ = ("abstract", "crdt", "edat", "indexed", "keys", "mesh", "mhda", "pmid",
                 "publication_types", "retracted", "revised", "title", "xml")

    def __init__(self, pmid: int, keys: frozenset[str], crdt: date, edat: date, mhda: date,
                 indexed: bool) -> None:
        self.pmid = pmid
        self.keys = keys
        self.crdt = crdt
        self.edat = edat
        self.mhda = mhda
        self.revised = mhda
        self.indexed = indexed
        self.title: str | None = None
        self.abstract: list[tuple[str, str]] | None = None
        self.mesh: list[str] | None = None
        self.publication_types: list[str] | None = None
        self.retracted = False
        self.xml: bytes | None = None  # a complete <PubmedArticle> given by a test

    def render(self) -> bytes:
        return self.xml if self.xml is not None else _render(self)


# Vocabulary for generated text: (phrase in text, MeSH heading)
_CONDITIONS = [
    ("treatment-resistant depression", "Depressive Disorder, Treatment-Resistant"),
    ("major depressive disorder", "Depressive Disorder, Major"),
    ("bipolar depression", "Bipolar Disorder"),
    ("suicidal ideation", "Suicidal Ideation"),
    ("post-traumatic stress disorder", "Stress Disorders, Post-Traumatic"),
    ("obsessive-compulsive disorder", "Obsessive-Compulsive Disorder"),
    ("generalized anxiety disorder", "Anxiety Disorders"),
    ("fibromyalgia", "Fibromyalgia"),
    ("neuropathic pain", "Neuralgia"),
    ("complex regional pain syndrome", "Complex Regional Pain Syndromes"),
    ("postoperative pain", "Pain, Postoperative"),
    ("procedural sedation in the emergency department", "Conscious Sedation"),
    ("alcohol use disorder", "Alcoholism"),
    ("general anaesthesia induction", "Anesthesia, General"),
]
_ROUTES = [
    ("intravenous infusion", "Infusions, Intravenous"),
    ("intramuscular injection", "Injections, Intramuscular"),
    ("intranasal esketamine spray", "Administration, Intranasal"),
    ("oral ketamine", "Administration, Oral"),
    ("sublingual lozenge", "Administration, Sublingual"),
    ("subcutaneous injection", "Injections, Subcutaneous"),
    ("epidural administration", "Injections, Epidural"),
]
_DESIGNS = [
    ("randomized, double-blind, placebo-controlled trial", ["Randomized Controlled Trial", "Journal Article"]),
    ("systematic review and meta-analysis", ["Meta-Analysis", "Systematic Review", "Journal Article"]),
    ("open-label single-arm trial", ["Clinical Trial", "Journal Article"]),
    ("retrospective cohort study", ["Observational Study", "Journal Article"]),
    ("case report", ["Case Reports", "Journal Article"]),
    ("narrative review", ["Review", "Journal Article"]),
    ("study in rats", ["Journal Article"]),
]
_PT_UI = {"Randomized Controlled Trial": "D016449", "Journal Article": "D016428", "Meta-Analysis": "D017418",
          "Systematic Review": "D000078182", "Clinical Trial": "D016430", "Observational Study": "D064888",
          "Case Reports": "D002363", "Review": "D016454", "Retracted Publication": "D016441"}
_JOURNALS = [
    ("Journal of Affective Disorders", "J Affect Disord", "0165-0327", "7906073"),
    ("The American journal of psychiatry", "Am J Psychiatry", "0002-953X", "0370512"),
    ("Pain", "Pain", "0304-3959", "7508686"),
    ("Anesthesia and analgesia", "Anesth Analg", "0003-2999", "1310650"),
    ("Neuropsychopharmacology", "Neuropsychopharmacology", "0893-133X", "8904907"),
    ("BMC psychiatry", "BMC Psychiatry", "1471-244X", "100968559"),
]
_SURNAMES = ["Zarate", "Murrough", "Berman", "Sanacora", "Krystal", "Abdallah", "Daly", "Singh",
             "Fava", "Papakostas", "Schwartzman", "Sigtermans", "Müller", "García", "Nguyen", "Chen"]
_FORENAMES = [("Carlos A", "CA"), ("James W", "JW"), ("Robert M", "RM"), ("Gerard", "G"),
              ("John H", "JH"), ("Chadi G", "CG"), ("Ella J", "EJ"), ("Jaskaran B", "JB"),
              ("Maurizio", "M"), ("Ana", "A"), ("Wei", "W"), ("Lena", "L")]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _d(tag: str, d: date, attrs: str = "") -> str:
    return f"<{tag}{attrs}><Year>{d.year}</Year><Month>{d.month:02d}</Month><Day>{d.day:02d}</Day></{tag}>"


def _render(r: FakeRecord) -> bytes:
    rng = random.Random(r.pmid)
    cond, cond_mesh = rng.choice(_CONDITIONS)
    route, route_mesh = rng.choice(_ROUTES)
    design, pts = rng.choice(_DESIGNS)
    journal, iso, issn, nlmid = rng.choice(_JOURNALS)
    n = rng.randint(12, 480)
    title = r.title or f"Ketamine by {route} for {cond}: a {design}"
    sections = r.abstract or [
        ("BACKGROUND", f"Ketamine, an NMDA receptor antagonist, has rapid effects in {cond}."),
        ("METHODS", f"In this {design}, {n} adults received ketamine 0.5 mg/kg by {route} or placebo."),
        ("RESULTS", ("Response at 24 h was 52% with ketamine versus 18% with placebo (p&lt;0.001); "
                     "dissociation resolved within 2 h.")),
        ("CONCLUSIONS", f"Ketamine by {route} was well tolerated and effective for {cond}."),
    ]
    abstract = "".join(
        f'<AbstractText Label="{lab}" NlmCategory="{lab}">{txt}</AbstractText>'
        for lab, txt in sections
    )
    authors = []
    for k in range(rng.randint(1, 6)):
        fore, ini = rng.choice(_FORENAMES)
        aff = "" if k else "<AffiliationInfo><Affiliation>Department of Psychiatry, Example University, USA.</Affiliation></AffiliationInfo>"
        authors.append(f'<Author ValidYN="Y"><LastName>{rng.choice(_SURNAMES)}</LastName>'
                       f"<ForeName>{fore}</ForeName><Initials>{ini}</Initials>{aff}</Author>")
    ptypes = list(r.publication_types if r.publication_types is not None else pts)
    if r.retracted and "Retracted Publication" not in ptypes:
        ptypes.append("Retracted Publication")
    pt_xml = "".join(f'<PublicationType UI="{_PT_UI.get(p, "D016428")}">{escape(p)}</PublicationType>' for p in ptypes)
    pub = r.crdt - timedelta(days=rng.randint(0, 40))
    doi = f"10.1016/j.fake.{pub.year}.{r.pmid % 100000:05d}"
    if r.indexed:
        heads = r.mesh if r.mesh is not None else ["Ketamine", cond_mesh, route_mesh, "Humans", "Adult"]
        mesh = "<MeshHeadingList>" + "".join(
            f'<MeshHeading><DescriptorName UI="D{zlib.crc32(h.encode()) % 1000000:06d}" MajorTopicYN="{"Y" if i < 2 else "N"}">'
            f"{escape(h)}</DescriptorName>"
            + ('<QualifierName UI="Q000627" MajorTopicYN="N">therapeutic use</QualifierName>' if h == "Ketamine" else "")
            + "</MeshHeading>"
            for i, h in enumerate(heads)
        ) + "</MeshHeadingList>"
        status = 'Status="MEDLINE" Owner="NLM" IndexingMethod="Automated"'
        completed = _d("DateCompleted", r.mhda)
        medline = _d("PubMedPubDate", r.mhda, ' PubStatus="medline"')[:-len("</PubMedPubDate>")] + "<Hour>6</Hour><Minute>0</Minute></PubMedPubDate>"
        chem = '<ChemicalList><Chemical><RegistryNumber>690G0D6V8H</RegistryNumber><NameOfSubstance UI="D007649">Ketamine</NameOfSubstance></Chemical></ChemicalList><CitationSubset>IM</CitationSubset>'
    else:
        mesh, completed, medline, chem = "", "", "", ""
        status = 'Status="In-Process" Owner="NLM"' if rng.random() < 0.5 else 'Status="Publisher" Owner="NLM"'
    comments = (f'<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>{iso}. '
                f'{r.revised.year};1:1</RefSource><PMID Version="1">{r.pmid + 1}</PMID></CommentsCorrections>'
                "</CommentsCorrectionsList>") if r.retracted else ""
    page = rng.randint(1, 900)
    xml = (
        f'<PubmedArticle><MedlineCitation {status}><PMID Version="1">{r.pmid}</PMID>{completed}'
        f'{_d("DateRevised", r.revised)}<Article PubModel="Print-Electronic"><Journal>'
        f'<ISSN IssnType="Print">{issn}</ISSN><JournalIssue CitedMedium="Internet"><Volume>{pub.year - 1950}</Volume>'
        f"<Issue>{rng.randint(1, 12)}</Issue><PubDate><Year>{pub.year}</Year><Month>{_MONTHS[pub.month - 1]}</Month>"
        f"</PubDate></JournalIssue><Title>{journal}</Title><ISOAbbreviation>{iso}</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle><Pagination><StartPage>{page}</StartPage>"
        f"<EndPage>{page + 9}</EndPage><MedlinePgn>{page}-{page + 9}</MedlinePgn></Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{doi}</ELocationID><Abstract>{abstract}'
        f"<CopyrightInformation>Copyright © {pub.year} Elsevier B.V. All rights reserved.</CopyrightInformation>"
        f'</Abstract><AuthorList CompleteYN="Y">{"".join(authors)}</AuthorList><Language>eng</Language>'
        f"<PublicationTypeList>{pt_xml}</PublicationTypeList>"
        f'{_d("ArticleDate", pub, " DateType=" + chr(34) + "Electronic" + chr(34))}</Article>'
        f"<MedlineJournalInfo><Country>Netherlands</Country><MedlineTA>{iso}</MedlineTA>"
        f"<NlmUniqueID>{nlmid}</NlmUniqueID><ISSNLinking>{issn}</ISSNLinking></MedlineJournalInfo>"
        f"{chem}{comments}{mesh}<KeywordList Owner=\"NOTNLM\"><Keyword MajorTopicYN=\"N\">ketamine</Keyword>"
        f"<Keyword MajorTopicYN=\"N\">{escape(cond)}</Keyword></KeywordList></MedlineCitation>"
        f"<PubmedData><History>{_d('PubMedPubDate', pub - timedelta(days=90), ' PubStatus=' + chr(34) + 'received' + chr(34))}"
        f"{_d('PubMedPubDate', pub - timedelta(days=20), ' PubStatus=' + chr(34) + 'accepted' + chr(34))}"
        f"{_d('PubMedPubDate', r.edat, ' PubStatus=' + chr(34) + 'pubmed' + chr(34))}"
        f"{medline}{_d('PubMedPubDate', r.crdt, ' PubStatus=' + chr(34) + 'entrez' + chr(34))}</History>"
        f"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{r.pmid}</ArticleId><ArticleId IdType="doi">{doi}</ArticleId>'
        f"</ArticleIdList></PubmedData></PubmedArticle>\n"
    )
    return xml.encode("utf-8")


# --------------------------------------------------------------------------- request log, faults


@dataclass(slots=True)
class LoggedRequest:
    """One request as the server saw it. ``status`` is None when the connection was dropped."""

    t: float  # time.monotonic() when the request line was read
    endpoint: str
    method: str
    params: dict[str, str]
    status: int | None = None
    fault: str | None = None

    @property
    def keyed(self) -> bool:
        return bool(self.params.get("api_key"))


def max_in_window(times: Iterable[float], window: float = 1.0) -> int:
    """The largest number of ``times`` inside any half-open interval of ``window`` seconds."""
    ts = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(ts):
        while t - ts[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


_KINDS = {"http500", "http502", "http503", "http504", "http429", "status", "drop", "truncate",
          "cut", "error200", "empty", "slow", "drop_ids"}
_ALIASES = {"500": "http500", "502": "http502", "503": "http503", "504": "http504", "429": "http429",
            "reset": "drop", "error": "error200"}


@dataclass
class _Fault:
    endpoint: str  # "esearch", "efetch" or "*"
    kind: str
    times: int
    skip: int = 0
    when: Callable[[dict[str, str]], bool] | None = None
    opts: dict[str, Any] = field(default_factory=dict)
    applied: int = 0


class Faults:
    """A queue of faults, each applied to the next ``times`` matching requests.

    Kinds: ``http500``/``http502``/``http503``/``http504`` (HTML error page), ``http429`` (NCBI's
    JSON body; a burst with ``times=N``), ``status`` (``code=``), ``drop`` (close the socket
    without an answer), ``truncate`` (full Content-Length, half the body, close), ``cut`` (body
    cut mid-XML with a matching Content-Length), ``error200`` (``<ERROR>message</ERROR>`` in a
    200; ``message=``), ``empty`` (200, no body), ``slow`` (``delay=`` seconds, or until
    ``until=`` (a :class:`threading.Event`) is set, at most ``delay``; then the normal
    answer), ``drop_ids`` (esearch: ``n=`` ids left out, Count lowered to match).

    ``skip=k`` lets the first k matching requests through; ``when=lambda params: ...`` narrows
    the match. The first fault in the queue that matches wins.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[_Fault] = []

    def add(self, endpoint: str, kind: str, *, times: int = 1, skip: int = 0,
            when: Callable[[dict[str, str]], bool] | None = None, **opts: Any) -> None:
        kind = _ALIASES.get(kind, kind)
        if kind not in _KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {sorted(_KINDS)}")
        endpoint = endpoint.removesuffix(".fcgi")
        with self._lock:
            self._queue.append(_Fault(endpoint, kind, times, skip, when, opts))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    @property
    def pending(self) -> int:
        """Fault applications still to come."""
        with self._lock:
            return sum(f.times for f in self._queue)

    def take(self, endpoint: str, params: dict[str, str]) -> _Fault | None:
        with self._lock:
            for f in self._queue:
                if f.endpoint not in ("*", endpoint) or (f.when is not None and not f.when(params)):
                    continue
                if f.skip > 0:
                    f.skip -= 1
                    continue
                f.times -= 1
                f.applied += 1
                if f.times <= 0:
                    self._queue.remove(f)
                return f
        return None


# --------------------------------------------------------------------------- HTTP


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Finatra"
    sys_version = ""
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def setup(self) -> None:
        super().setup()
        # the first request of a connection arrived when the connection was accepted, not when
        # this thread got to run (which can be tens of ms later on a loaded machine)
        self._accepted_at: float | None = self.server.accepted.pop(id(self.request), None)

    def _handle(self, method: str) -> None:
        t = time.monotonic()
        if self._accepted_at is not None:
            t, self._accepted_at = min(t, self._accepted_at), None
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        endpoint = url.path.rsplit("/", 1)[-1].removesuffix(".fcgi")
        self.server.owner._serve(self, t, method, endpoint, params)

    def send(self, status: int, body: bytes, ctype: str = "text/xml; charset=UTF-8",
             headers: dict[str, str] | None = None, *, length: int | None = None) -> None:
        self.send_response(status, _REASONS.get(status))
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Cache-Control", "private")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    owner: FakeEutils

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.accepted: dict[int, float] = {}

    def process_request(self, request: Any, client_address: Any) -> None:
        self.accepted[id(request)] = time.monotonic()
        super().process_request(request, client_address)


class FakeEutils:
    """E-utilities on 127.0.0.1 over a generated PubMed corpus. See the module docstring.

    :param rate_limits: requests allowed in any 1 s window (without key, with key); None turns
        rate limiting off.
    :param matcher: ``matcher(term)`` -> term keys (records with any of them match), a predicate
        over a record's keys, or None to fall back to exact matching of ``term`` against keys.
    """

    def __init__(self, *, rate_limits: tuple[int, int] | None = (3, 10),
                 matcher: Callable[[str], Iterable[str] | Callable[[frozenset[str]], bool] | None] | None = None) -> None:
        self.rate_limits = rate_limits
        self.matcher = matcher
        self.faults = Faults()
        self.requests: list[LoggedRequest] = []
        self._records: dict[int, FakeRecord] = {}
        self._prerendered: set[int] = set()  # see prerender()
        self._by_key: dict[str, list[FakeRecord]] = {}
        self._unsorted: set[str] = set()
        self._lock = threading.RLock()
        self._arrivals: dict[str, deque[float]] = {}
        self._webenv = itertools.count(1)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    # -- lifecycle

    def start(self) -> FakeEutils:
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="FakeEutils", daemon=True)
        self._thread.start()
        host, port = httpd.server_address[:2]
        self.url = f"http://{host}:{port}/entrez/eutils/"
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- corpus

    def add_records(
        self,
        n: int,
        *,
        start_pmid: int | None = None,
        crdt_start: date = date(2000, 1, 1),
        crdt_end: date = date(2024, 12, 31),
        query: str | Iterable[str] = "ketamine",
        spread: str = "uniform",
        indexed: float = 0.9,
        mhda_lag_days: tuple[int, int] = (1, 60),
        seed: int = 0,
    ) -> list[str]:
        """Add ``n`` generated records; return their PMIDs (as strings, ascending).

        :param start_pmid: first PMID (default: one above the largest so far, or 30,000,000).
        :param crdt_start: create dates ([crdt], PubStatus="entrez") run from here...
        :param crdt_end: ...to here (inclusive), spread ``uniform``ly or denser to the
            ``recent`` end (quadratic), in PMID order.
        :param query: term key(s) the records match (see ``matcher``).
        :param indexed: share of records with MeSH (MEDLINE); the rest are in-process or
            publisher records without MeSH, whose [mhda] equals their [edat] (as in PubMed).
        :param mhda_lag_days: MeSH date = create date + a lag drawn from this range.
        """
        keys = frozenset([query] if isinstance(query, str) else query)
        rng = random.Random(seed)
        span = (crdt_end - crdt_start).days
        with self._lock:
            if start_pmid is None:
                start_pmid = max(self._records, default=29_999_999) + 1
            out = []
            for i in range(n):
                frac = i / max(1, n - 1)
                if spread == "recent":
                    frac = 1 - (1 - frac) ** 2
                elif spread != "uniform":
                    raise ValueError("spread is 'uniform' or 'recent'")
                crdt = crdt_start + timedelta(days=int(span * frac))
                edat = crdt + timedelta(days=rng.choice((0, 0, 0, 1)))
                is_indexed = rng.random() < indexed
                mhda = crdt + timedelta(days=rng.randint(*mhda_lag_days)) if is_indexed else edat
                rec = FakeRecord(start_pmid + i, keys, crdt, edat, mhda, is_indexed)
                self._put(rec)
                out.append(str(rec.pmid))
            return out

    def add_record(self, pmid: int | str, *, crdt: date, query: str | Iterable[str] = "ketamine",
                   xml: bytes | None = None, **changes: Any) -> FakeRecord:
        """Add one record; ``xml`` replaces the generated ``<PubmedArticle>`` element entirely."""
        keys = frozenset([query] if isinstance(query, str) else query)
        rec = FakeRecord(int(pmid), keys, crdt, crdt, crdt, True)
        rec.xml = xml
        with self._lock:
            self._put(rec)
        if changes:
            self.modify(pmid, **changes)
        return rec

    def _put(self, rec: FakeRecord) -> None:
        old = self._records.get(rec.pmid)
        if old is not None:
            for k in old.keys:
                self._by_key[k].remove(old)
        self._records[rec.pmid] = rec
        for k in rec.keys:
            self._by_key.setdefault(k, []).append(rec)
            self._unsorted.add(k)

    def modify(self, pmid: int | str, **changes: Any) -> FakeRecord:
        """Change a record: ``mhda``, ``crdt``, ``edat``, ``revised``, ``indexed``, ``title``,
        ``abstract`` (list of (label, text)), ``mesh`` (headings), ``publication_types``,
        ``retracted``, ``xml``, ``query`` (its term keys). ``revised`` defaults to today.

        ``title`` and abstract texts are XML fragments: inline markup (``<i>``, ``<sup>``) is
        kept as given, so escape ``&`` and ``<`` yourself."""
        with self._lock:
            rec = self._records[int(pmid)]
            if "query" in changes:
                q = changes.pop("query")
                for k in rec.keys:
                    self._by_key[k].remove(rec)
                rec.keys = frozenset([q] if isinstance(q, str) else q)
                for k in rec.keys:
                    self._by_key.setdefault(k, []).append(rec)
                    self._unsorted.add(k)
            changes.setdefault("revised", date.today())
            if changes.get("mesh"):
                changes.setdefault("indexed", True)  # MeSH arrives with indexing
            for name, value in changes.items():
                if name not in FakeRecord.__slots__ or name in ("pmid", "keys"):
                    raise ValueError(f"cannot change {name!r}")
                setattr(rec, name, value)
            if rec.pmid in self._prerendered and "xml" not in changes:
                rec.xml = None
                rec.xml = rec.render()
            return rec

    def prerender(self) -> None:
        """Render every record's XML now and serve those bytes from then on (a later
        :meth:`modify` renders the record again). For benchmarks: the server runs on the
        client's cores, and rendering ~4 KB per record at every efetch takes CPU that NCBI's
        servers would not take from the client."""
        with self._lock:
            for rec in self._records.values():
                if rec.xml is None:
                    rec.xml = rec.render()
                    self._prerendered.add(rec.pmid)

    def remove(self, pmid: int | str) -> None:
        with self._lock:
            rec = self._records.pop(int(pmid))
            for k in rec.keys:
                self._by_key[k].remove(rec)

    def record(self, pmid: int | str) -> FakeRecord:
        return self._records[int(pmid)]

    def __len__(self) -> int:
        return len(self._records)

    def ids(self, term: str = "ketamine") -> list[str]:
        """Every PMID matching ``term`` (no cap), most recent first, as the server orders them."""
        return [str(r.pmid) for r in reversed(self._match(term))]

    def article_xml(self, ids: Iterable[str | int]) -> bytes:
        """The efetch body for ``ids`` (what the server would send)."""
        parts = [_EFETCH_HEAD]
        for i in ids:
            rec = self._records.get(int(i))
            if rec is not None:
                parts.append(rec.render())
        parts.append(_EFETCH_TAIL)
        return b"".join(parts)

    # -- log

    def count(self, *, endpoint: str | None = None, status: int | None = -1) -> int:
        """Requests seen, optionally of one endpoint and/or one status (``None``: dropped)."""
        return sum(1 for r in list(self.requests)
                   if (endpoint is None or r.endpoint == endpoint) and (status == -1 or r.status == status))

    def max_in_window(self, window: float = 1.0, *, keyed: bool | None = None) -> int:
        """The most requests that arrived in any ``window`` seconds (as NCBI would count)."""
        return max_in_window([r.t for r in list(self.requests) if keyed is None or r.keyed == keyed], window)

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self._arrivals.clear()

    # -- serving

    def _match(self, term: str) -> list[FakeRecord]:
        with self._lock:
            keys: Any = None
            if self.matcher is not None:
                keys = self.matcher(term)
            if keys is None:
                keys = [term] if term in self._by_key else []
            if callable(keys):
                pred = keys
                return sorted((r for r in self._records.values() if pred(r.keys)), key=lambda r: r.pmid)
            keys = list(keys)
            for k in keys:
                if k in self._unsorted and k in self._by_key:
                    self._by_key[k].sort(key=lambda r: r.pmid)
                    self._unsorted.discard(k)
            if len(keys) == 1:
                return list(self._by_key.get(keys[0], []))
            merged = {r.pmid: r for k in keys for r in self._by_key.get(k, [])}
            return [merged[p] for p in sorted(merged)]

    def _rate_limited(self, t: float, params: dict[str, str]) -> tuple[bool, int, int]:
        if self.rate_limits is None:
            return False, 0, 0
        key = params.get("api_key") or ""
        limit = self.rate_limits[1] if key else self.rate_limits[0]
        with self._lock:
            q = self._arrivals.setdefault(key, deque())
            while q and q[0] <= t - 1.0:
                q.popleft()
            q.append(t)
            return len(q) > limit, len(q), limit

    def _serve(self, h: _Handler, t: float, method: str, endpoint: str, params: dict[str, str]) -> None:
        entry = LoggedRequest(t, endpoint, method, params)
        with self._lock:
            self.requests.append(entry)
        if endpoint not in ("esearch", "efetch"):
            entry.status = 404
            h.send(404, b"<html><body>Not Found</body></html>", "text/html")
            return
        limited, seen, limit = self._rate_limited(t, params)
        if limited:
            entry.status = 429
            body = json.dumps({"error": "API rate limit exceeded", "api-key": params.get("api_key") or h.client_address[0],
                               "count": str(seen), "limit": str(limit)}, separators=(",", ":")).encode()
            h.send(429, body, "application/json", {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": "0"})
            return
        rl = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(max(0, limit - seen))} if limit else {}
        fault = self.faults.take(endpoint, params)
        kind = fault.kind if fault else None
        entry.fault = kind
        if kind == "slow":
            delay = float(fault.opts.get("delay", 1.0))  # type: ignore[union-attr]
            until = fault.opts.get("until")  # type: ignore[union-attr]
            if until is not None:
                until.wait(delay)  # held until the test lets it go (at most ``delay``)
            else:
                time.sleep(delay)
        elif kind in ("http500", "http502", "http503", "http504", "status"):
            code = int(fault.opts.get("code", 500)) if kind == "status" else int(kind[4:])  # type: ignore[union-attr]
            entry.status = code
            reason = _REASONS.get(code, "Error")
            h.send(code, _ERROR_PAGE.format(code=code, reason=reason).encode(), "text/html", rl)
            return
        elif kind == "http429":
            entry.status = 429
            body = json.dumps({"error": "API rate limit exceeded", "api-key": params.get("api_key") or h.client_address[0],
                               "count": str(limit + 1), "limit": str(limit)}, separators=(",", ":")).encode()
            h.send(429, body, "application/json")
            return
        elif kind == "drop":
            entry.status = None
            h.drop()
            return
        elif kind == "empty":
            entry.status = 200
            h.send(200, b"", headers=rl)
            return
        elif kind == "error200":
            entry.status = 200
            msg = escape(str(fault.opts.get("message", "Search Backend failed: Unable to open connection to "  # type: ignore[union-attr]
                                                        "#PMQuerySrv?dbaf=pubmed")))
            root = "eSearchResult" if endpoint == "esearch" else "eFetchResult"
            head = _ESEARCH_HEAD if endpoint == "esearch" else '<?xml version="1.0" encoding="UTF-8" ?>\n'
            h.send(200, f"{head}<{root}>\n\t<ERROR>{msg}</ERROR>\n</{root}>\n".encode(), headers=rl)
            return
        if endpoint == "esearch":
            status, body = self._esearch(params, fault)
        else:
            status, body = self._efetch(params)
        entry.status = status
        if kind == "truncate":
            h.send(status, body[: len(body) // 2], headers=rl, length=len(body))
            h.drop()
        elif kind == "cut":
            h.send(status, body[: max(1, len(body) * 2 // 3)], headers=rl)
        else:
            h.send(status, body, headers=rl)

    def _esearch(self, params: dict[str, str], fault: _Fault | None) -> tuple[int, bytes]:
        term = params.get("term", "")
        retstart = int(params.get("retstart") or 0)
        retmax = int(params.get("retmax") or 20)
        if retstart > ESEARCH_CAP - 1:
            return 200, f"{_ESEARCH_HEAD}<eSearchResult>\n\t<ERROR>{escape(RETSTART_ERROR)}</ERROR>\n</eSearchResult>\n".encode()
        recs = self._match(term)
        translation = escape(term)
        datetype = params.get("datetype") or "edat"
        if params.get("mindate") or params.get("maxdate"):
            attr = _DATE_FIELDS.get(datetype, "edat")
            lo = _parse_date(params.get("mindate") or "1800", end=False)
            hi = _parse_date(params.get("maxdate") or "3000", end=True)
            recs = [r for r in recs if lo <= getattr(r, attr) <= hi]
            field_name = _TRANSLATION_FIELD.get(datetype, "Date - Entry")
            translation = f"({translation}) AND {lo:%Y/%m/%d}:{hi:%Y/%m/%d}[{field_name}]"
        ids = [str(r.pmid) for r in reversed(recs)]
        if fault is not None and fault.kind == "drop_ids":
            drop = int(fault.opts.get("n", 1))
            mid = len(ids) // 2
            del ids[mid: mid + drop]
        count = len(ids)
        page = ids[retstart: max(retstart, min(retstart + retmax, ESEARCH_CAP))]
        history = ""
        if params.get("usehistory") == "y":
            history = f"<QueryKey>1</QueryKey><WebEnv>MCID_{next(self._webenv):024x}</WebEnv>"
        idlist = "<IdList>\n" + "".join(f"<Id>{i}</Id>\n" for i in page) + "</IdList>" if page else "<IdList/>"
        notfound = "" if recs or term in self._by_key or self.matcher else (
            f"<ErrorList><PhraseNotFound>{escape(term)}</PhraseNotFound></ErrorList>"
            "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>")
        xml = (f"{_ESEARCH_HEAD}<eSearchResult><Count>{count}</Count><RetMax>{len(page)}</RetMax>"
               f"<RetStart>{retstart}</RetStart>{history}{idlist}<TranslationSet/>"
               f"<QueryTranslation>{translation}</QueryTranslation>{notfound}</eSearchResult>\n")
        return 200, xml.encode()

    def _efetch(self, params: dict[str, str]) -> tuple[int, bytes]:
        raw = params.get("id", "")
        ids = [i for i in re.split(r"[,\s]+", raw) if i.isdigit()]
        if not ids:
            return 200, (b'<?xml version="1.0" encoding="UTF-8" ?>\n<eFetchResult>\n\t<ERROR>Empty id list - '
                         b"nothing todo</ERROR>\n</eFetchResult>\n")
        with self._lock:
            return 200, self.article_xml(ids)


def _parse_date(text: str, *, end: bool) -> date:
    parts = [int(p) for p in re.split(r"[/-]", text.strip()) if p]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        return date(y, m, parts[2])
    if not end:
        return date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return nxt - timedelta(days=1)


def iter_windows(times: list[float], window: float = 1.0) -> Iterator[tuple[float, int]]:
    """(start, count) for each request time: how many arrived within ``window`` after it."""
    ts = sorted(times)
    for i, t in enumerate(ts):
        yield t, bisect.bisect_left(ts, t + window) - i
