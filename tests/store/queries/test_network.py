"""The network's merged edges, aggregated in SQL, on both stores: each edge the sum of the
claims or events it stands for, filtered by date, type and claimant, strongest first."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import build_corpus

from newsgraph.store import queries


@pytest.fixture(scope="module")
def con(tmp_path_factory, backend_kind):
    from helpers import new_store

    db = build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("network"), "corpus"))
    connection = queries.connect(db)
    yield connection
    connection.close()


def test_event_edges_merge_the_reports_of_one_pair_and_type(con):
    total, edges = queries.event_edges(con)
    by_key = {(e["source"], e["target"], e["label"]): e for e in edges}
    assert total == len(edges)
    consult = by_key[("person:zalmay-khalilzad", "TAL", "CONSULT")]
    # Three reports of meetings: the two of Doha (one event) and the one in Kabul.
    clusters = {c["cluster_id"] for c in queries.events(con, ["person:zalmay-khalilzad"], ["TAL"], "CONSULT")}
    assert consult["count"] == len(clusters) == 2
    assert consult["quad_class"] == "verbal_cooperation"
    assert consult["first_day"] == dt.date(2021, 4, 12) and consult["last_day"] == dt.date(2021, 4, 14)
    assert len(consult["doc_ids"]) == 3 and consult["doc_ids"] == sorted(consult["doc_ids"])
    assert ("TAL", "AFG", "ASSAULT") in by_key
    assert edges == sorted(edges, key=lambda e: (-e["count"], e["label"], e["source"], e["target"]))


def test_event_edges_filters(con):
    assert {e["label"] for e in queries.event_edges(con, event_type="assault")[1]} == {"ASSAULT"}
    later = queries.event_edges(con, since=dt.date(2021, 4, 14))[1]
    assert later and all(e["first_day"] >= dt.date(2021, 4, 14) for e in later)
    assert queries.event_edges(con, claimed_by=["nobody"]) == (0, [])
    total, top = queries.event_edges(con, limit=1)
    assert len(top) == 1 and total == len(queries.event_edges(con)[1])


def test_relation_edges_carry_their_claimant(con):
    total, edges = queries.relation_edges(con)
    assert total == 1
    edge = edges[0]
    assert (edge["source"], edge["target"], edge["label"], edge["count"]) == ("TAL", "AQD", "allied_with", 1)
    assert edge["attributed_to"] == ["UNO"] and edge["source_name"] == "Taliban"
    assert queries.relation_edges(con, claimed_by=["uno"])[0] == 1
    assert queries.relation_edges(con, claimed_by=["someone else"])[0] == 0
    assert queries.relation_edges(con, until=dt.date(2021, 4, 1))[0] == 0
