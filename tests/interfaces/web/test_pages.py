"""The web pages through the in-process client, over the hand-built three-document corpus:
every page renders what the store holds, unknown ids are 404 pages, text from the store is
escaped, the Analyse page's POST needs the token, and the pages carry their security headers."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from helpers import build_corpus, corpus, new_store

from newsgraph.interfaces.api import create_app
from newsgraph.store import queries
from newsgraph.store.database import Store

TOKEN = "web-test-token-0123456789"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    return build_corpus(new_store("duckdb", tmp_path_factory.mktemp("web"), "corpus"))


@pytest.fixture
def client(corpus_db):
    with TestClient(create_app(corpus_db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def doc_ids(db):
    con = queries.connect(db)
    try:
        return [d["id"] for d in queries.list_documents(con, 10, 0)]
    finally:
        con.close()


def test_home_lists_documents_and_actors_with_links(client, corpus_db):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for doc_id in doc_ids(corpus_db):
        assert f'href="/article/{doc_id}"' in page.text
    assert 'href="/actor/TAL"' in page.text


def test_article_page_marks_each_record_and_lists_it_beside_the_text(client):
    doc = corpus()[0]
    page = client.get(f"/article/{doc.id}")
    assert page.status_code == 200
    html = page.text
    assert 'data-ref="q-q1"' in html and 'data-refs="' in html
    # The quote's words are inside segments that carry its reference.
    assert "q-q1" in html.split("The talks were constructive")[0].rsplit("<span", 1)[-1]
    assert 'class="record event-record" data-ref="ev-0"' in html
    # The speaker links to the actor page of the store's actor for that entity.
    assert '<a class="actor-link" href="/actor/person%3Azalmay-khalilzad">Zalmay Khalilzad</a>' in html \
        or 'href="/actor/person:zalmay-khalilzad"' in html


def test_article_page_unknown_and_ambiguous_ids(client):
    missing = client.get("/article/no-such-document")
    assert missing.status_code == 404 and "no such document" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_actor_page_shows_codes_claims_with_claimants_and_commitments(client):
    page = client.get("/actor/Taliban")
    assert page.status_code == 200
    html = page.text
    assert "TAL REB" in html
    assert 'id="timeline-data"' in html and "CONSULT" in html  # the chart's data
    claim_rows = [row for row in html.split('<tr class="claim">')[1:]]
    assert any("allied_with" in row and "al-Qaeda" in row and "org:united-nations" in row for row in claim_rows)
    assert "cut ties with al-Qaeda" in html and "not fulfilled" in html
    assert client.get("/actor/Nobody-at-all").status_code == 404


def test_events_page_filters_and_csv_has_the_same_rows(client):
    page = client.get("/events", params={"type": "consult"})
    assert page.status_code == 200
    assert page.text.count("<b>CONSULT</b>") >= 1 and "<b>ASSAULT</b>" not in page.text
    table = client.get("/events.csv", params={"type": "CONSULT"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert rows and {r["event"] for r in rows} == {"CONSULT"}
    bad = client.get("/events", params={"type": "NOT-A-TYPE"})
    assert bad.status_code == 400 and "CONSULT" in bad.text  # names the valid types
    assert client.get("/events", params={"since": "yesterday"}).status_code == 400


def test_commitments_and_search_pages(client):
    page = client.get("/commitments")
    assert page.status_code == 200 and "cut ties with al-Qaeda" in page.text and "2021-05" in page.text
    hits = client.get("/search", params={"q": "ceasefire"})
    assert hits.status_code == 200 and "rejected a ceasefire" in hits.text
    none = client.get("/search", params={"q": "zzzz-not-there"})
    assert "nothing found" in none.text


def test_network_page_loads_its_libraries_from_this_server(client):
    page = client.get("/network")
    assert page.status_code == 200
    assert 'src="http' not in page.text and "/static/vendor/cytoscape.min.js" in page.text
    graph = client.get("/api/graph", params={"claimant": "United Nations"})
    assert graph.status_code == 200
    edges = graph.json()["edges"]
    assert edges and all(e["kind"] == "relation" for e in edges)  # only what the UN asserts


def test_pages_send_a_content_security_policy(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_text_from_the_store_is_escaped(tmp_path, corpus_db):
    from helpers import make_document

    db = new_store("duckdb", tmp_path, "hostile")
    doc = make_document('<script>alert("x")</script> said nothing.', "2021-01-01")
    with Store(db) as store:
        store.add(doc)
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        html = c.get(f"/article/{doc.id}").text
        assert '<script>alert("x")</script>' not in html and "&lt;script&gt;" in html
        assert "&lt;script&gt;" in c.get("/").text or "<script>alert" not in c.get("/").text


def test_analyse_needs_the_token_and_stores_only_when_asked(client, corpus_db):
    body = {"text": "The foreign minister met the envoy in Geneva on Monday.", "published": "2021-03-01"}
    assert client.post("/analyse", json=body).status_code == 401
    page = client.post("/analyse", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert page.status_code == 200 and 'class="article-view"' in page.text
    assert "Not stored." in page.text and 'data-ref="ent-0"' in page.text
    assert len(doc_ids(corpus_db)) == 3
    too_long = client.post("/analyse", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert too_long.status_code == 422
