"""Cross-document timeline: three documents of our own about one agreement, months apart."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import config
from newsgraph.store.queries.merge import claims_about, commitment_timeline, list_commitments
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.record import to_record
from newsgraph.nlp import commitments, relations  # noqa: F401  (register the stages)
from newsgraph.pipeline import Pipeline

DEAL = ("The Russia-Ukraine accord of March 2021 envisaged the withdrawal of all Russian troops "
        "by August this year in exchange for Ukraine agreeing to release all prisoners.")
DOCS = [
    ("2021-04-02", DEAL + " Ukraine hosted Russian negotiators in Kyiv."),
    ("2021-06-15", DEAL + " However, the withdrawal is unlikely to take place on the due date. "
                   "According to the Russian government, Ukraine has not released the prisoners."),
    ("2021-09-01", "Under the Russia-Ukraine accord of March 2021, Russia pledged to withdraw its "
                   "troops. The Russian defence ministry said that Russia completed the "
                   "withdrawal on August 30."),
]


@pytest.fixture(scope="module")
def records():
    pipe = Pipeline.from_names(list(config.DEFAULT_STAGES) + ["relations.v1", "commitments.v1"])
    out = []
    for published, text in DOCS:
        doc = from_text(text, f"<{published}>", IngestOptions(published=dt.date.fromisoformat(published)))
        out.append(to_record(pipe(doc)))
    return out


def test_timeline_merges_and_orders_evidence(records):
    timeline = commitment_timeline(records)
    withdraw = [c for c in timeline if c["action"] == "withdraw"]
    assert len(withdraw) == 1, timeline
    w = withdraw[0]
    assert w["party"] == "gpe:russia" and w["deadline"] == "2021-08"
    assert len({s["document"] for s in w["sources"]}) == 3
    claims = w["status_claims"]
    assert [c["status"] for c in claims] == ["at_risk", "fulfilled"]
    assert [c["date"] for c in claims] == sorted(c["date"] for c in claims)
    ids = [r["document"]["id"] for r in records]
    assert claims[0]["document"] == ids[1] and claims[1]["document"] == ids[2]
    assert claims[1]["claimed_by"] == "gpe:russia"
    assert w["latest_status"] == "fulfilled"


def test_timeline_never_overwrites(records):
    release = [c for c in commitment_timeline(records) if c["action"] == "release"]
    assert len(release) == 1
    statuses = release[0]["status_claims"]
    assert [s["status"] for s in statuses] == ["not_fulfilled"]
    assert statuses[0]["text"] and "not released" in statuses[0]["text"]
    twice = commitment_timeline(records + records)
    assert len([c for c in twice if c["action"] == "withdraw"][0]["status_claims"]) == 2


def test_list_commitments_filters(records):
    assert {c["action"] for c in list_commitments(records, due_before="2021-09-01")} == {"withdraw"}
    assert list_commitments(records, due_before="2021-08-01") == []
    assert {c["action"] for c in list_commitments(records, party="Ukraine")} == {"release"}
    assert {c["action"] for c in list_commitments(records, party="RUS")} == {"withdraw"}


def test_claims_about(records):
    found = claims_about(records, "Ukraine")
    assert any(r["predicate"] == "hosts" and "subject" in r["as"] for r in found)
    assert all(r["document"] for r in found)


def test_pure_on_plain_dicts():
    rec = {"document": {"id": "a", "published": "2021-01-01", "text": "x"},
           "commitments": [{"party": "P", "action": "withdraw", "agreement": "P–Q agreement 2020-02",
                            "status_claims": [{"status": "at_risk", "claimed_by": "editorial",
                                               "date": "2021-01-01", "evidence": {"start": 0, "end": 1}}]}]}
    rec2 = {"document": {"id": "b", "published": "2020-12-01", "text": "y"},
            "commitments": [{"party": "P", "action": "withdraw", "agreement": "Q–P agreement",
                             "agreement_parties": [],
                             "status_claims": [{"status": "reaffirmed", "claimed_by": "Q",
                                                "date": "2020-12-01", "evidence": {"start": 0, "end": 1}}]}]}
    out = commitment_timeline([rec, rec2])
    assert len(out) == 1
    assert [(s["document"], s["status"]) for s in out[0]["status_claims"]] == [
        ("b", "reaffirmed"), ("a", "at_risk")]
