"""Claims and commitments read through SQL give what merging every stored record gives: the
text prefilter drops no document that names the actor, however it names it."""
import json

import pytest
from helpers import ent, find, make_document

from newsgraph.model import Commitment, Relation
from newsgraph.store import queries
from newsgraph.store.database import Store
from newsgraph.store.queries.merge import claims_about, list_commitments


def _alias_doc():
    text = ("Washington will withdraw its troops by May, officials said. "
            "The \"Lions\" brigade is allied with Washington.")
    us = ent(text, "gpe:united-states", "United States", "GPE", ["Washington"], kb_id="USA",
             code="USA GOV", aliases=["Washington"])
    lions = ent(text, "org:lions", 'The "Lions" brigade', "ORG", ['The "Lions" brigade'])
    com = Commitment("gpe:united-states", "withdraw", deadline="2021-05", agreement="Doha agreement",
                     status_claims=[{"status": "in_progress", "claimed_by": "officials",
                                     "date": "2021-04-10", "evidence": {"start": 0, "end": 10}}])
    start, end = find(text, "allied with")
    rel = Relation("org:lions", "allied_with", "gpe:united-states", start, end, attributed_to="author")
    return make_document(text, "2021-04-10", entities=[us, lions], commitments=[com], relations=[rel])


def _plain_doc():
    text = "The United States has not withdrawn its troops, the Taliban said. The Taliban will talk."
    us = ent(text, "gpe:united-states", "United States", "GPE", ["United States"], kb_id="USA",
             code="USA GOV")
    tal = ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    coms = [Commitment("gpe:united-states", "withdraw", deadline="2021-05", agreement="Doha agreement",
                       status_claims=[{"status": "not_fulfilled", "claimed_by": "Taliban",
                                       "date": "2021-04-12", "evidence": {"start": 0, "end": 20}}]),
            Commitment("org:taliban", "talk", agreement="Doha agreement")]
    start, end = find(text, "said")
    rel = Relation("org:taliban", "opposes", "gpe:united-states", start, end, attributed_to="author")
    return make_document(text, "2021-04-12", entities=[us, tal], commitments=coms, relations=[rel])


@pytest.fixture
def con(store_target):
    db = store_target("claims")
    with Store(db) as store:
        for doc in (_alias_doc(), _plain_doc()):
            assert store.add(doc)
    return queries.connect(db)


def _all_records(con):
    return [json.loads(r["record"]) for r in queries.articles(con)]


@pytest.mark.parametrize("party", ["Washington", "united states", "USA", "gpe:united-states",
                                   "Taliban", "nobody"])
def test_commitments_of_a_party_match_the_merge_of_every_record(con, party):
    everything = [r for r in _all_records(con) if r.get("commitments")]
    everything.sort(key=lambda r: (r["document"]["published"], r["document"]["id"]))
    assert queries.commitments(con, party=party) == list_commitments(everything, party=party)


def test_an_alias_in_one_document_brings_the_other_documents_claims(con):
    found = queries.commitments(con, party="Washington")
    assert len(found) == 1
    assert [c["status"] for c in found[0]["status_claims"]] == ["in_progress", "not_fulfilled"]


@pytest.mark.parametrize("actor", ['The "Lions" brigade', "Taliban", "USA", "Washington", "nobody"])
def test_claims_match_the_merge_of_every_record(con, actor):
    everything = [r for r in _all_records(con) if r.get("relations")]
    everything.sort(key=lambda r: (r["document"]["published"], r["document"]["id"]))
    assert queries.claims(con, actor) == claims_about(everything, actor)
    assert (queries.claims(con, actor) == []) == (actor == "nobody")
