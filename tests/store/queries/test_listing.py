"""The browsing queries (a page of documents with its total, one actor with its codes, types,
roles and counts) on both stores, over the hand-built corpus plus one document with roles."""
import datetime as dt

import pytest
from helpers import build_corpus, ent, make_document

from newsgraph.store import queries
from newsgraph.store.database import Store


def _roles_doc():
    text = "Taliban spokesman Zabihullah Mujahid said the group would talk."
    spokesman = ent(text, "person:zabihullah-mujahid", "Zabihullah Mujahid", "PERSON",
                    ["Zabihullah Mujahid"], kb_id="person:zabihullah-mujahid")
    spokesman.roles = ["spokesman"]
    spokesman.affiliation = "TAL"
    tal = ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    return make_document(text, "2021-04-16", entities=[spokesman, tal])


@pytest.fixture(scope="module")
def con(tmp_path_factory, backend_kind):
    from helpers import new_store

    db = build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("listing"), "corpus"))
    with Store(db) as store:
        assert store.add(_roles_doc())
    connection = queries.connect(db)
    yield connection
    connection.close()


def test_documents_are_listed_newest_first_without_their_text(con):
    found = queries.list_documents(con)
    assert [d["published"] for d in found] == [dt.date(2021, 4, d) for d in (16, 15, 14, 13)]
    assert "text" not in found[0] and "record" not in found[0]
    assert found[0]["chars"] == len("Taliban spokesman Zabihullah Mujahid said the group would talk.")
    assert found[1]["source"] == "Test Wire" and found[1]["url"] == "https://example.org/2021-04-15"
    assert queries.count_documents(con) == 4


def test_a_page_is_a_slice_of_the_whole_listing(con):
    every = [d["id"] for d in queries.list_documents(con, limit=100)]
    assert [d["id"] for d in queries.list_documents(con, limit=2, offset=1)] == every[1:3]
    assert queries.list_documents(con, limit=2, offset=10) == []
    assert queries.list_documents(con, limit=0) == []


def test_documents_by_publication_date(con):
    found = queries.list_documents(con, since="2021-04-14", until=dt.date(2021, 4, 15))
    assert [d["published"] for d in found] == [dt.date(2021, 4, 15), dt.date(2021, 4, 14)]
    assert queries.count_documents(con, since="2021-04-14", until="2021-04-15") == 2
    assert queries.count_documents(con, since="2022-01-01") == 0


def test_an_actor_with_its_codes_types_and_counts(con):
    tal = queries.actor(con, "TAL")
    assert tal["name"] == "Taliban" and tal["code"] == "TAL REB" and tal["aliases"] == ["Taliban"]
    assert tal["codes"] == [{"value": "TAL REB", "documents": 4}]
    assert tal["types"] == [{"value": "ORG", "documents": 3}, {"value": "NORP", "documents": 1}]
    assert tal["entity_ids"] == ["norp:taliban", "org:taliban"]
    # Five event mentions (three meetings as recipient, the attack and the rejection as actor),
    # the relation with al-Qaeda and the commitment to cut ties; the Taliban are quoted nowhere.
    assert tal["counts"] == {"event_mentions": 5, "quotes": 0, "relations": 1, "commitments": 1}


def test_an_actor_with_the_roles_its_entities_carry(con):
    person = queries.actor(con, "person:zabihullah-mujahid")
    assert person["roles"] == [{"role": "spokesman", "count": 1}]
    assert person["affiliations"] == [{"affiliation": "TAL", "count": 1}]
    khalilzad = queries.actor(con, "person:zalmay-khalilzad")
    assert khalilzad["counts"]["quotes"] == 2 and khalilzad["roles"] == []


def test_an_unknown_actor_is_none(con):
    assert queries.actor(con, "nobody") is None
    assert queries.actor(con, "taliban") is None  # the exact id only: names go through resolve_actor


@pytest.mark.parametrize("raw", [False, True])
def test_an_events_page_is_a_slice_of_the_whole_list_with_its_total(con, raw):
    whole = queries.events(con, raw=raw)
    assert len(whole) >= 3
    for limit, offset in ((2, 0), (2, 1), (1, len(whole) - 1), (5, 0)):
        total, page = queries.events_page(con, raw=raw, limit=limit, offset=offset)
        assert total == len(whole)
        assert page == whole[offset:offset + limit]
    assert queries.events_page(con, raw=raw, limit=3, offset=len(whole) + 5) == (len(whole), [])
    assert queries.events_page(con, raw=raw, limit=0, offset=0) == (len(whole), [])
    tal = queries.resolve_actor(con, "Taliban")
    filtered = queries.events(con, tal, None, "CONSULT", raw=raw)
    assert queries.events_page(con, tal, None, "CONSULT", raw=raw, limit=10) == (len(filtered), filtered)
    assert queries.events_page(con, tal, None, "AID", raw=raw) == (0, [])


def test_actors_without_event_counts_keep_their_order_and_other_counts(con):
    full = queries.actors(con)
    light = queries.actors(con, event_counts=False)
    assert [a["actor_id"] for a in light] == [a["actor_id"] for a in full]
    assert all(a["events"] is None for a in light) and any(a["events"] for a in full)
    assert [a["quotes"] for a in light] == [a["quotes"] for a in full]
