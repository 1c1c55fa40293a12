"""The report in a real headless Chromium, driven over the DevTools protocol.

Opens ``latest.html`` from a file URL and records every network request, console message,
log entry (CSP violations land there) and uncaught exception; checks the DOM; saves a
screenshot and a PDF (print layout) under the test's tmp dir.

Skipped with a reason when Chromium (``/usr/bin/chromium`` or ``chromium`` on PATH) or the
``websocket-client`` package is missing (CI installs Chromium in ``.ci/run``).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import queue
import shutil
import subprocess
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.models import Author, Parsed, Record, Tag, Tags
from aggregator.report import write_report
from aggregator.store import Store
from tests._synthetic import ATTACKS, fill_store, synthetic_items

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


def _chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("Chromium is not installed (apt-get install chromium)")


class DevTools:
    """A minimal DevTools-protocol client: one browser, one page session (flattened)."""

    def __init__(self, binary: str, profile: Path) -> None:
        websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")
        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--mute-audio",
             "--disable-default-apps", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.stderr: list[str] = []
        url = self._devtools_url(timeout=60)
        self.timeout_error = websocket.WebSocketTimeoutException
        self.ws = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self.replies: dict[int, dict[str, Any]] = {}
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]

    def _devtools_url(self, timeout: float) -> str:
        assert self.proc.stderr is not None
        lines: queue.Queue[str] = queue.Queue()

        def pump() -> None:
            assert self.proc.stderr is not None
            for line in self.proc.stderr:
                lines.put(line)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            self.stderr.append(line)
            if "DevTools listening on " in line:
                return line.split("DevTools listening on ", 1)[1].strip()
        self.close()
        pytest.fail("Chromium did not start its DevTools endpoint:\n" + "".join(self.stderr[-20:]))

    def call(self, method: str, params: dict[str, Any] | None = None, *,
             session: bool = False, timeout: float = 60) -> dict[str, Any]:
        msg_id = next(self.ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while msg_id not in self.replies:
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self._read()
        reply = self.replies.pop(msg_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def page(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.call(method, params, session=True)

    def _read(self) -> None:
        data = json.loads(self.ws.recv())
        if "id" in data:
            self.replies[data["id"]] = data
        else:
            self.events.append(data)

    def wait_for(self, method: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method:
                    return event
            seen = len(self.events)
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self._read()

    def evaluate(self, expression: str) -> Any:
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        try:
            if hasattr(self, "ws"):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    binary = _chromium()
    tools = DevTools(binary, tmp_path / "chromium-profile")
    try:
        yield tools
    finally:
        tools.close()


def _open(tools: DevTools, html: Path) -> None:
    for domain in ("Page", "Runtime", "Log", "Network"):
        tools.page(f"{domain}.enable")
    tools.page("Page.navigate", {"url": html.resolve().as_uri()})
    tools.wait_for("Page.loadEventFired")
    # let late console messages, CSP reports and any stray request arrive
    deadline = time.monotonic() + 1.0
    tools.ws.settimeout(0.2)
    while time.monotonic() < deadline:
        with contextlib.suppress(tools.timeout_error):  # nothing more to read yet
            tools._read()
    tools.ws.settimeout(60)


def _report(tmp_path: Path, settings: Any) -> Path:
    store = Store(tmp_path / "s.sqlite", now=lambda: NOW - timedelta(days=1))
    items = synthetic_items(600, attacks_every=11)
    extra = Record(pmid="999", title="<i>Italic</i> claim " + ATTACKS[1],
                   authors=[Author(last_name="javascript:alert(1)")], journal=ATTACKS[0],
                   doi='10.1000/"><script>alert(2)</script>', pub_year=2024)
    fill_store(store, items)
    store.upsert([Parsed(extra, zlib.compress(b"<PubmedArticle/>"))])
    store.save_tags([("999", Tags(conditions=[Tag("trd", "text", ATTACKS[0])],
                                  routes=[Tag("iv", "text", ATTACKS[1])],
                                  design=Tag("rct", "text", "randomized")))], "v")
    result = write_report(store, settings, out_dir=tmp_path / "reports", now=NOW,
                          offline_since="2025-06-01")
    return result.latest_path


def test_report_in_headless_chromium(browser: DevTools, tmp_path: Path, settings: Any) -> None:
    html = _report(tmp_path, settings)
    _open(browser, html)

    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent"]
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests
    remote = [u for u in requests if not u.startswith("file:")]
    assert remote == []

    exceptions = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert exceptions == []
    console_errors = [e["params"] for e in browser.events
                      if e.get("method") == "Runtime.consoleAPICalled"
                      and e["params"].get("type") in ("error", "assert", "warning")]
    assert console_errors == []
    log_errors = [e["params"]["entry"] for e in browser.events
                  if e.get("method") == "Log.entryAdded"
                  and e["params"]["entry"].get("level") in ("error", "warning")]
    assert log_errors == [], log_errors  # CSP violations would be logged here

    # the page rendered: evidence map with its cells, charts, banner, the filter script ran
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("document.querySelectorAll('#evidence-map table.map tbody tr').length") >= 5
    assert browser.evaluate("document.querySelectorAll('#trends svg[role=img] title').length") >= 5
    assert "PubMed could not be reached" in browser.evaluate(
        "document.querySelector('.banner').textContent")
    assert browser.evaluate("document.getElementById('filter-box').hidden") is False
    # record text never became markup: no script element but ours, no handler attributes
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate(
        "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
        ".some(a => a.name.startsWith('on'))).length") == 0
    assert browser.evaluate(
        "[...document.querySelectorAll('[href]')].filter(e => !/^(https:|#)/.test("
        "e.getAttribute('href'))).length") == 0
    assert browser.evaluate("document.querySelectorAll('[src]').length") == 0
    assert browser.evaluate("document.body.textContent.includes('<script>alert(1)</script>')")

    # the optional filter works and is reversible
    total = browser.evaluate("document.querySelectorAll('#best table.records tbody tr').length")
    shown = browser.evaluate(
        "(() => { const i = document.getElementById('filter'); i.value = 'Italic';"
        " i.dispatchEvent(new Event('input'));"
        " return [...document.querySelectorAll('#best table.records tbody tr')]"
        ".filter(r => !r.hidden).length; })()")
    assert 1 <= shown < total
    # a map cell link leads to an existing anchor
    assert browser.evaluate(
        "(() => { const a = document.querySelector('#evidence-map td a');"
        " return !!document.getElementById(a.getAttribute('href').slice(1)); })()")

    shot = browser.page("Page.captureScreenshot", {"format": "png"})
    png = tmp_path / "report.png"
    png.write_bytes(base64.b64decode(shot["data"]))
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = browser.page("Page.printToPDF", {"printBackground": True})
    (tmp_path / "report.pdf").write_bytes(base64.b64decode(pdf["data"]))
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"


def test_report_dump_dom_without_devtools(tmp_path: Path, settings: Any) -> None:
    """The simpler route, kept as a cross-check: --dump-dom shows the rendered evidence map."""
    binary = _chromium()
    html = _report(tmp_path, settings)
    proc = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", html.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert 'id="evidence-map"' in proc.stdout and "<table class=\"map\">" in proc.stdout
    noisy = [line for line in proc.stderr.splitlines()
             if ":CONSOLE" in line or "Uncaught" in line or "Content Security Policy" in line]
    assert noisy == []
