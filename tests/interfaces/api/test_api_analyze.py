"""POST /api/analyze through the real pipeline: one text or a batch gives records; nothing is
stored unless ?store=true, and storing twice adds nothing."""
from helpers import API_AUTH as AUTH

ARTICLE = ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
           "Tuesday. \"We agreed on a ceasefire,\" Putin said.")


def test_one_text_gives_its_record_and_stores_nothing(client):
    before = client.get("/api/stats").json()["documents"]
    response = client.post("/api/analyze", json={"text": ARTICLE, "published": "2021-03-02",
                                                  "title": "Putin meets Erdogan"}, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False and body["added"] == 0
    [record] = body["records"]
    document = record["document"]
    assert document["text"] == ARTICLE and document["published"] == "2021-03-02"
    assert document["title"] == "Putin meets Erdogan" and document["source"] is None
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= {e["name"] for e in record["entities"]}
    for item in record["quotes"] + record["entities"][0]["mentions"]:
        assert ARTICLE[item["start"]:item["end"]] == item["text"]
    assert record["events"] and all("evidence" in e for e in record["events"])
    assert client.get("/api/stats").json()["documents"] == before


def test_a_batch_gives_one_record_per_article_in_order(client):
    response = client.post("/api/analyze", params={"include_text": "false"}, headers=AUTH, json={"documents": [
        {"text": ARTICLE, "id": "mine-1", "published": "2021-03-02"},
        {"text": "Protesters marched in Paris on Saturday.", "id": "mine-2", "source": "Wire"}]})
    assert response.status_code == 200, response.text
    records = response.json()["records"]
    assert [r["document"]["external_id"] for r in records] == ["mine-1", "mine-2"]
    assert records[1]["document"]["source"] == "Wire"
    assert all("text" not in r["document"] for r in records)


def test_store_true_stores_once(fresh_db, make_client):
    client = make_client(fresh_db)
    first = client.post("/api/analyze", params={"store": "true"}, json={"text": ARTICLE}, headers=AUTH)
    assert first.status_code == 200, first.text
    assert first.json()["stored"] is True and first.json()["added"] == 1
    doc_id = first.json()["records"][0]["document"]["id"]
    stored = client.get(f"/api/documents/{doc_id}")
    assert stored.status_code == 200 and stored.json()["document"]["text"] == ARTICLE
    again = client.post("/api/analyze", params={"store": "true"}, json={"text": ARTICLE}, headers=AUTH).json()
    assert again["added"] == 0 and again["already_stored"] == 1
    assert client.get("/api/stats").json()["documents"] == 4
    assert client.get("/api/actors/Vladimir Putin").status_code == 200


def test_a_read_only_server_still_analyses(corpus_db, make_client):
    client = make_client(corpus_db, read_only=True)
    response = client.post("/api/analyze", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 200 and response.json()["stored"] is False


def test_html_is_read_as_a_page(client):
    page = ("<html><head><title>Talks in Sochi</title></head><body><article><p>" + ARTICLE +
            "</p><p>Both leaders spoke to reporters afterwards about the agreement they had reached.</p>"
            "</article></body></html>")
    response = client.post("/api/analyze", json={"text": page}, headers=AUTH)
    assert response.status_code == 200, response.text
    document = response.json()["records"][0]["document"]
    assert "<p>" not in document["text"] and "Putin" in document["text"]


def test_a_document_over_its_budget_is_returned_with_its_error_and_not_stored(fresh_db, make_client,
                                                                               monkeypatch):
    from newsgraph.pipeline import Budget, build

    client = make_client(fresh_db)
    monkeypatch.setattr(build(), "budget", Budget(units_per_char=2, base_units=0))
    before = client.get("/api/stats").json()["documents"]
    response = client.post("/api/analyze", params={"store": "true"}, headers=AUTH, json={"documents": [
        {"text": 'Iran said "' * 60, "id": "hostile"}, {"text": ARTICLE, "id": "fine"}]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["added"], body["already_stored"]) == (1, 0)
    errors = body["records"][0]["errors"]
    assert errors[0]["stage"] == "quotes.v1" and "budget" in errors[0]["message"]
    assert client.get("/api/stats").json()["documents"] == before + 1
