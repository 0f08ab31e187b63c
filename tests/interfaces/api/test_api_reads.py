"""Every read endpoint with the in-process client, on DuckDB and on PostgreSQL, over the
hand-built corpus (helpers.build_corpus): what each gives, its pagination, its bad filters
(400) and unknown ids (404). The API gives what the CLI's query functions give."""
import pytest
from helpers import API_TOKEN as TOKEN
from fastapi.testclient import TestClient
from helpers import build_corpus, new_store

from newsgraph.interfaces.api import create_app


@pytest.fixture(scope="module")
def api(tmp_path_factory, backend_kind):
    db = build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("reads"), "corpus"))
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as client:
        yield client


def ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


def error(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["error"], str) and body["error"] and "Traceback" not in body["error"]
    return body["error"]


def test_about(api):
    body = ok(api.get("/api"))
    assert body["name"] == "newsgraph" and body["read_only"] is False
    assert body["token_required_for_reads"] is False


def test_documents_newest_first_with_the_total(api):
    body = ok(api.get("/api/documents"))
    assert body["total"] == 3 and body["limit"] == 100 and body["offset"] == 0
    assert [d["published"] for d in body["items"]] == ["2021-04-15", "2021-04-14", "2021-04-13"]
    assert "text" not in body["items"][0] and body["items"][0]["source"] == "Test Wire"


def test_documents_page_by_page(api):
    every = [d["id"] for d in ok(api.get("/api/documents"))["items"]]
    second = ok(api.get("/api/documents", params={"limit": 1, "offset": 1}))
    assert second["total"] == 3 and [d["id"] for d in second["items"]] == every[1:2]
    assert ok(api.get("/api/documents", params={"offset": 5}))["items"] == []
    ranged = ok(api.get("/api/documents", params={"since": "2021-04-14", "until": "2021-04-14"}))
    assert ranged["total"] == 1 and ranged["items"][0]["published"] == "2021-04-14"


@pytest.mark.parametrize("params", [{"limit": -1}, {"limit": 1001}, {"offset": -3}, {"limit": "many"},
                                    {"since": "2021-13-01"}, {"until": "yesterday"},
                                    {"since": "2021-04-15", "until": "2021-04-13"}])
def test_bad_document_filters_are_400(api, params):
    error(api.get("/api/documents", params=params), 400)


def test_one_document_by_id_or_prefix(api):
    doc_id = ok(api.get("/api/documents"))["items"][-1]["id"]
    record = ok(api.get(f"/api/documents/{doc_id}"))
    assert record["document"]["id"] == doc_id and record["document"]["text"].startswith("US envoy")
    quote = record["quotes"][0]
    assert record["document"]["text"][quote["start"]:quote["end"]] == quote["text"]
    assert [e["event"] for e in record["events"]] == ["CONSULT"]
    assert record["relations"][0]["predicate"] == "allied_with"
    assert ok(api.get(f"/api/documents/{doc_id[:8]}"))["document"]["id"] == doc_id
    assert "text" not in ok(api.get(f"/api/documents/{doc_id}", params={"include_text": "false"}))["document"]


def test_an_unknown_document_is_404(api):
    assert "no such document" in error(api.get("/api/documents/ffffffffffffffff0"), 404)


def test_search(api):
    body = ok(api.get("/api/search", params={"q": "DOHA"}))
    assert body["total"] == 2 and all("Doha" in hit["snippet"] for hit in body["items"])
    assert ok(api.get("/api/search", params={"q": "doha", "limit": 1, "offset": 1}))["total"] == 2
    assert ok(api.get("/api/search", params={"q": "no such words"}))["total"] == 0
    error(api.get("/api/search", params={"q": "   "}), 400)
    error(api.get("/api/search"), 400)


def test_actors(api):
    body = ok(api.get("/api/actors"))
    ids = [a["actor_id"] for a in body["items"]]
    assert body["total"] == len(ids) and {"TAL", "person:zalmay-khalilzad"} <= set(ids)
    people = ok(api.get("/api/actors", params={"type": "person"}))
    assert [a["actor_id"] for a in people["items"]] == ["person:zalmay-khalilzad"]
    assert people["items"][0]["quotes"] == 2
    page = ok(api.get("/api/actors", params={"limit": 2, "offset": 1}))
    assert page["total"] == len(ids) and [a["actor_id"] for a in page["items"]] == ids[1:3]


@pytest.mark.parametrize("name", ["TAL", "Taliban", "taliban", "TAL REB"])
def test_one_actor_by_id_name_or_code(api, name):
    actor = ok(api.get(f"/api/actors/{name}"))
    assert actor["actor_id"] == "TAL" and actor["aliases"] == ["Taliban"]
    assert actor["codes"] == [{"value": "TAL REB", "documents": 3}]
    assert actor["entity_ids"] == ["norp:taliban", "org:taliban"]
    assert actor["counts"]["relations"] == 1 and actor["counts"]["commitments"] == 1


def test_an_actor_id_with_a_colon(api):
    assert ok(api.get("/api/actors/person:zalmay-khalilzad"))["code"] == "USA GOV"


def test_an_unknown_actor_is_404(api):
    assert "no such actor" in error(api.get("/api/actors/Nobody"), 404)
    error(api.get("/api/timeline/Nobody"), 404)


def test_timeline(api):
    body = ok(api.get("/api/timeline/Taliban"))
    assert body["actor_ids"] == ["TAL"]
    kinds = {row["kind"] for row in body["items"]}
    assert {"event", "relation", "commitment"} <= kinds and body["total"] == len(body["items"])
    page = ok(api.get("/api/timeline/TAL", params={"limit": 2, "offset": 1}))
    assert page["items"] == body["items"][1:3]


def test_dyad_with_the_weekly_index(api):
    body = ok(api.get("/api/dyad", params={"a": "Khalilzad", "b": "Taliban"}))
    assert body["a"] == ["person:zalmay-khalilzad"] and body["b"] == ["TAL"]
    assert [row["what"] for row in body["items"]] == ["CONSULT", "CONSULT"]
    assert all(row["direction"] == "A->B" for row in body["items"])
    assert [w["events"] for w in body["weekly"]] == [2]
    assert body["weekly"][0]["coop_conflict_index"] == 1.0
    directed = ok(api.get("/api/dyad", params={"a": "Taliban", "b": "Khalilzad", "directed": "true"}))
    assert directed["weekly"] == []
    error(api.get("/api/dyad", params={"a": "Taliban", "b": "Nobody"}), 404)
    error(api.get("/api/dyad", params={"a": "Taliban"}), 400)


def test_quotes_of_a_speaker(api):
    body = ok(api.get("/api/quotes", params={"speaker": "Khalilzad"}))
    assert body["total"] == 2 and [q["kind"] for q in body["items"]] == ["direct", "indirect"]
    assert body["items"][0]["text"] == "The talks were constructive,"
    assert ok(api.get("/api/quotes", params={"speaker": "Nobody"}))["total"] == 0
    error(api.get("/api/quotes"), 400)


def test_claims_about_an_actor(api):
    body = ok(api.get("/api/claims", params={"about": "Taliban"}))
    assert body["total"] == 1
    claim = body["items"][0]
    assert claim["predicate"] == "allied_with" and claim["as"] == ["subject"]
    assert claim["attributed_to"] == "org:united-nations"
    assert ok(api.get("/api/claims", params={"about": "United Nations"}))["items"][0]["as"] == ["source"]
    error(api.get("/api/claims"), 400)


def test_commitments(api):
    body = ok(api.get("/api/commitments"))
    assert body["total"] == 1 and body["items"][0]["action"] == "cut ties with al-Qaeda"
    assert body["items"][0]["latest_status"] == "not fulfilled"
    assert ok(api.get("/api/commitments", params={"party": "Taliban"}))["total"] == 1
    assert ok(api.get("/api/commitments", params={"party": "Khalilzad"}))["total"] == 0
    assert ok(api.get("/api/commitments", params={"due_before": "2021-06-01"}))["total"] == 1
    assert ok(api.get("/api/commitments", params={"due_before": "2021-05-01"}))["total"] == 0
    error(api.get("/api/commitments", params={"due_before": "May"}), 400)


def test_events_deduplicated_as_in_the_cli(api):
    body = ok(api.get("/api/events", params={"actor": "Taliban"}))
    assert [(e["event"], e["n_sources"]) for e in body["items"]] == [
        ("CONSULT", 2), ("CONSULT", 1), ("ASSAULT", 1), ("REJECT", 1)]
    assert body["items"][0]["quad_class"] == "verbal_cooperation" and body["items"][0]["place"] == "Doha"
    last = ok(api.get("/api/events", params={"actor": "Taliban", "limit": 1, "offset": 3}))
    assert [e["event"] for e in last["items"]] == ["REJECT"] and last["total"] == 4


def test_events_filters(api):
    def events(**params):
        return ok(api.get("/api/events", params=params))

    assert events()["total"] == 4
    assert events(actor="Khalilzad", recipient="TAL")["total"] == 2
    assert [e["event"] for e in events(type="assault")["items"]] == ["ASSAULT"]
    assert events(since="2021-04-15")["total"] == 1 and events(until="2021-04-11")["total"] == 0
    raw = events(raw="true")
    assert raw["total"] == 5 and {"doc_id", "event_id", "day"} <= set(raw["items"][0])
    assert events(window=0)["total"] >= events()["total"]


@pytest.mark.parametrize("params", [{"type": "PARTY"}, {"actor": "Nobody"}, {"recipient": "Nobody"},
                                    {"since": "2021-04-31"}, {"window": -1}, {"window": 400},
                                    {"raw": "perhaps"}])
def test_bad_event_filters_are_400(api, params):
    error(api.get("/api/events", params=params), 400)


def test_graph(api):
    body = ok(api.get("/api/graph"))
    edges = {(e["source"], e["target"], e["kind"], e["label"]): e for e in body["edges"]}
    assert edges[("TAL", "AQD", "relation", "allied_with")]["doc_ids"]
    consult = edges[("person:zalmay-khalilzad", "TAL", "event", "CONSULT")]
    assert consult["count"] == 2 and consult["polarity"] == "cooperation"
    assert edges[("TAL", "AFG", "event", "ASSAULT")]["polarity"] == "conflict"
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes["TAL"]["label"] == "Taliban" and nodes["TAL"]["degree"] == 3
    assert {end for key in edges for end in key[:2]} == set(nodes)
    assert body["total_edges"] == len(body["edges"])


def test_graph_filters(api):
    only = ok(api.get("/api/graph", params={"kind": "relation"}))
    assert [e["label"] for e in only["edges"]] == ["allied_with"] and len(only["nodes"]) == 2
    assault = ok(api.get("/api/graph", params={"kind": "event", "type": "ASSAULT"}))
    assert [e["label"] for e in assault["edges"]] == ["ASSAULT"]
    assert ok(api.get("/api/graph", params={"since": "2021-04-16"}))["edges"] == []
    strongest = ok(api.get("/api/graph", params={"limit": 1}))
    assert len(strongest["edges"]) == 1 and strongest["total_edges"] > 1
    assert strongest["edges"][0]["count"] == 2
    error(api.get("/api/graph", params={"kind": "friendship"}), 400)
    error(api.get("/api/graph", params={"type": "PARTY"}), 400)


def test_stats(api):
    body = ok(api.get("/api/stats"))
    assert body["documents"] == 3 and body["events"] == 5 and body["quotes"] == 2
    assert body["published_from"] == "2021-04-13" and body["published_to"] == "2021-04-15"


def test_unknown_routes_and_methods_are_json(api):
    assert "/api" in error(api.get("/api/nothing"), 404)
    error(api.get("/nothing"), 404)
    error(api.put("/api/stats", headers={"Authorization": f"Bearer {TOKEN}"}), 405)


def test_feeds_lists_the_watched_feeds_with_their_last_poll(fresh_db, make_client):
    import datetime as dt

    from newsgraph.store import queries
    from newsgraph.store.database import Store

    client = make_client(fresh_db)
    assert client.get("/api/feeds").json() == []
    with Store(fresh_db) as store:
        queries.save_feed_state(store.con, "http://127.0.0.1:9/wire.rss", etag='"v1"', last_modified=None,
                                seen=["a", "b"], last_poll=dt.datetime(2021, 4, 13, 8, 30), name="Wire",
                                tags=["afghanistan"])
    found = client.get("/api/feeds").json()
    assert found == [{"feed_url": "http://127.0.0.1:9/wire.rss", "name": "Wire", "tags": ["afghanistan"],
                      "last_poll": "2021-04-13T08:30:00", "seen": 2}]
