"""End-to-end: the pages in headless Chromium (Debian's ``chromium`` driven by Playwright) over
a live server on loopback, on a store of the sample articles (and the seed editorial when
../shared is present). Screenshots go to build/test-artifacts/web/ (or $NEWSGRAPH_TEST_ARTIFACTS).

Skipped, with the reason, only where Chromium cannot be installed: ``make install-browser``
installs the Debian package (it needs apt and root)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import SHARED

from newsgraph.interfaces.api import create_app
from newsgraph.interfaces.web.site import vendor_missing
from newsgraph.store import queries

ROOT = Path(__file__).resolve().parents[3]
SEED = SHARED / "corpus" / "seed" / "2021-04-13-troop-pullout-editorial.txt"
TOKEN = "browser-test-token-0123456789"
ARTIFACTS = Path(os.environ.get("NEWSGRAPH_TEST_ARTIFACTS") or ROOT / "build" / "test-artifacts") / "web"


def chromium_path() -> str:
    found = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("Debian's chromium is not installed (make install-browser installs it; it needs apt and root)")
    return found


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make install-dev)")
    if vendor_missing():
        pytest.fail(f"the web pages' libraries are missing ({', '.join(vendor_missing())}): run make install-web")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """The sample articles, plus the seed editorial when ../shared is present, ingested by the CLI."""
    db = str(tmp_path_factory.mktemp("browser") / "store.duckdb")
    inputs = [str(ROOT / "examples")] + ([str(SEED)] if SEED.is_file() else [])
    done = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", *inputs, "--db", db],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def server(store):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def script_errors() -> list[str]:
    """What the page logged as errors (a test expecting one removes it)."""
    return []


@pytest.fixture
def page(browser, server, script_errors):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors = script_errors
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def wait_until(page, expression: str, timeout: float = 20.0):
    """Poll EXPRESSION in the page until it is truthy (Playwright's wait_for_function evaluates
    a string, which the pages' Content-Security-Policy forbids, rightly)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.1)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def seed_id(store: str) -> str:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent (the seed editorial lives in ../shared)")
    con = queries.connect(store)
    try:
        hits = [d for d in queries.list_documents(con, 50, 0) if d["source"] and SEED.name in d["source"]]
    finally:
        con.close()
    assert len(hits) == 1
    return hits[0]["id"]


def test_seed_article_shows_its_direct_quotes_with_speakers_and_highlights_on_click(page, server, store):
    page.goto(f"{server}/article/{seed_id(store)}")
    direct = page.locator('.quote-record[data-kind="direct"]')
    assert direct.count() == 4
    speakers = [direct.nth(i).locator(".speaker").inner_text() for i in range(direct.count())]
    assert all(s and s != "unattributed" for s in speakers), speakers
    first = direct.nth(0)
    ref = first.get_attribute("data-ref")
    quote_text = first.locator("q").inner_text()
    first.click()
    marked = page.locator(f'.seg.highlight[data-refs~="{ref}"]')
    assert marked.count() >= 1
    assert first.evaluate("el => el.classList.contains('selected')")
    highlighted = "".join(marked.nth(i).inner_text() for i in range(marked.count()))
    assert " ".join(highlighted.split()) == " ".join(quote_text.split())
    assert page.locator(".seg.highlight").count() == marked.count()  # nothing else lit
    shot(page, "article-seed")


def test_taliban_actor_page_has_a_chart_and_the_claims_with_claimants(page, server, store):
    seed_id(store)
    page.goto(f"{server}/actor/Taliban")
    wait_until(page, "window.newsgraphChart !== undefined")
    bars = page.evaluate("window.newsgraphChart.data.datasets.reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)")
    assert bars >= 1
    assert page.locator("#timeline-chart").bounding_box()["height"] > 100
    rows = page.locator("tr.claim")
    linked = {}
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        linked.setdefault(cells.nth(2).inner_text().strip(), cells.nth(3).inner_text().strip())
    for group in ("al-Qaeda", "Jamaat Ansarullah"):
        assert group in linked, sorted(linked)
        assert linked[group] and linked[group] != "the text"  # who makes the claim
    shot(page, "actor-taliban")


def test_network_page_draws_edges(page, server):
    page.goto(f"{server}/network")
    wait_until(page, "window.newsgraphNetwork !== undefined")
    assert page.evaluate("window.newsgraphNetwork.edges().length") >= 1
    assert page.evaluate("window.newsgraphNetwork.nodes().length") >= 2
    assert "edges" in page.locator("#network-status").inner_text()
    shot(page, "network")


def test_analyse_page_returns_records_for_a_pasted_text_and_stores_nothing(page, server, store):
    con = queries.connect(store)
    before = queries.count_documents(con)
    con.close()
    page.goto(f"{server}/analyse#token={TOKEN}")
    page.fill('textarea[name="text"]', "The Foreign Minister of Norway met the Colombian president in Oslo"
                                       " on Friday. \"We will support the ceasefire,\" the minister said.")
    page.click('button[type="submit"]')
    page.wait_for_selector("#analyse-result .record")
    assert page.locator("#analyse-result .entity-record").count() >= 1
    assert page.locator("#analyse-result .quote-record").count() >= 1
    assert "Not stored." in page.locator("#analyse-result").inner_text()
    shot(page, "analyse")
    con = queries.connect(store)
    assert queries.count_documents(con) == before
    con.close()


def test_analyse_page_without_the_token_says_so(page, server, script_errors):
    page.goto(f"{server}/analyse")
    page.evaluate("sessionStorage.clear()")
    page.fill('input[name="token"]', "")
    page.fill('textarea[name="text"]', "A short text.")
    page.click('button[type="submit"]')
    wait_until(page, "document.getElementById('analyse-status').textContent.startsWith('Error')")
    assert "401" in page.locator("#analyse-status").inner_text()
    assert script_errors == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
    script_errors.clear()
