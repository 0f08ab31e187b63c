"""Store schema v2: migration from v1, quotes/events/relations/commitments, actors, event dedup
(on the hand-built corpus of ``helpers.build_corpus``)."""
import datetime as dt
import json

import pytest
from helpers import as_json, build_corpus, doc_doha_1, doc_doha_2, doc_kabul

from newsgraph.model import Relation
from newsgraph.record import to_record
from newsgraph.store import backend, schema
from newsgraph.store import queries
from newsgraph.store.database import Store


@pytest.fixture
def db(store_target):
    return build_corpus(store_target("corpus"))


# --- schema and migration ------------------------------------------------------------------

def test_new_database_is_at_the_current_version(db):
    con = backend.connect(db, read_only=True)
    assert schema.version(con) == schema.SCHEMA_VERSION == 5
    assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] == [1, 2, 3, 4, 5]
    con.close()


def _write_v1_database(path, docs):
    """A database as newsgraph 0.1 (schema v1) wrote it: no v2 tables, records in JSON."""
    con = backend.connect(path)
    con.execute(schema.V1)
    con.execute("INSERT INTO schema_version VALUES (1)")
    for doc in docs:
        con.execute("INSERT INTO documents (id, content_hash, title, published, text, record)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [doc.id, doc.content_hash, doc.title, doc.published, doc.text,
                     json.dumps(to_record(doc))])
        for e in doc.entities:
            con.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [doc.id, e.id, e.name, e.type, e.kb_id, e.code, len(e.mentions)])
    con.close()


def test_v1_database_upgrades_in_place_from_its_records(store_target):
    path = store_target("old")
    _write_v1_database(path, [doc_doha_1(), doc_doha_2()])
    with Store(path) as store:
        assert store.version == schema.SCHEMA_VERSION
        stats = store.stats()
        assert stats["documents"] == 2
        assert stats["events"] == 3 and stats["quotes"] == 2
        assert stats["relations"] == 1 and stats["commitments"] == 1
        assert store.con.execute("SELECT count(*) FROM entities WHERE actor_id IS NULL").fetchone()[0] == 0
        # New documents go on being added after the upgrade.
        assert store.add(doc_kabul())
        assert store.stats()["events"] == 5


def test_read_only_query_connection_upgrades_an_old_database(store_target):
    path = store_target("old")
    _write_v1_database(path, [doc_doha_1()])
    con = queries.connect(path)
    assert schema.version(con) == schema.SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM event_clusters").fetchone()[0] == 1
    con.close()


def test_newer_schema_is_refused(store_target):
    from newsgraph.errors import NewsgraphError

    path = store_target("new")
    Store(path).close()
    con = backend.connect(path)
    con.execute("INSERT INTO schema_version VALUES (99)")
    con.close()
    with pytest.raises(NewsgraphError, match="newer newsgraph"):
        Store(path)


# --- round trips ---------------------------------------------------------------------------

def test_quotes_round_trip(db):
    con = backend.connect(db, read_only=True)
    rows = queries.rows(con, "SELECT * FROM quotes ORDER BY kind")
    assert [r["kind"] for r in rows] == ["direct", "indirect"]
    direct = rows[0]
    assert direct["text"] == "The talks were constructive,"
    assert direct["speaker_actor"] == "person:zalmay-khalilzad" and direct["medium"] == "statement"
    assert direct["speaker_text"] == "Khalilzad" and direct["cue"] == "said"
    text = con.execute("SELECT text FROM documents WHERE id = ?", [direct["doc_id"]]).fetchone()[0]
    assert text[direct["start_char"]:direct["end_char"]] == direct["text"]
    assert rows[1]["speaker_text"] == "He" and rows[1]["speaker_name"] == "Zalmay Khalilzad"


def test_events_round_trip(db):
    con = backend.connect(db, read_only=True)
    ev = queries.rows(con, "SELECT * FROM events WHERE event = 'CONSULT' AND mode = 'visit'")[0]
    assert ev["actor_ids"] == ["person:zalmay-khalilzad"] and ev["recipient_ids"] == ["TAL"]
    assert ev["actor_codes"] == ["USA GOV"] and ev["recipient_names"] == ["Taliban"]
    assert ev["date"] == "2021-04-12" and ev["day"] == dt.date(2021, 4, 12)
    assert ev["date_text"] == "on Monday" and ev["location_name"] == "Doha"
    assert ev["location_country"] == "QAT" and ev["context"] == ["diplomatic"]
    assert ev["factuality"] == "asserted" and ev["event_text"] == "met"
    reject = queries.rows(con, "SELECT * FROM events WHERE event = 'REJECT'")[0]
    assert reject["attributed_to"] == "Officials" and reject["attributed_to_id"] is None
    assert reject["recipient_ids"] == []


def test_relations_and_commitments_round_trip(db):
    con = backend.connect(db, read_only=True)
    rel = queries.rows(con, "SELECT * FROM relations")[0]
    assert (rel["subject_id"], rel["predicate"], rel["object_id"]) == ("TAL", "allied_with", "AQD")
    assert rel["subject_name"] == "Taliban" and rel["attributed_to_id"] == "UNO"
    com = queries.rows(con, "SELECT * FROM commitments")[0]
    assert com["party_id"] == "TAL" and com["deadline"] == "2021-05"
    claims = as_json(com["status_claims"])
    assert claims[0]["status"] == "not fulfilled" and claims[0]["claimed_by"] == "United Nations"


def test_stored_record_keeps_the_new_fields(db):
    with Store(db, read_only=True) as store:
        doc_id = store.con.execute("SELECT doc_id FROM relations").fetchone()[0]
        record = store.record(doc_id)
    assert record["relations"][0]["predicate"] == "allied_with"
    assert record["commitments"][0]["status_claims"][0]["date"] == "2021-04-13"


def test_failed_v2_write_leaves_nothing(store_target):
    with Store(store_target()) as store:
        bad = doc_kabul()
        bad.events[0].actor = [{"entity": object()}]  # unserialisable: fails before/while writing
        with pytest.raises(Exception):
            store.add(bad)
        assert store.stats()["documents"] == 0 and store.stats()["events"] == 0
        bad2 = doc_kabul()
        bad2.events[0].location = {"name": "Kabul", "lat": "not a number", "lon": object()}
        bad2.relations = [Relation("a", "b", "c", "x", 2)]  # start is not an integer
        with pytest.raises(Exception):
            store.add(bad2)
        stats = store.stats()
        assert stats["documents"] == 0 and stats["events"] == 0 and stats["actors"] == 0


# --- cross-document identity and deduplication -----------------------------------------------

def test_same_actor_has_one_id_across_documents(db):
    con = backend.connect(db, read_only=True)
    tal = queries.rows(con, "SELECT * FROM actors WHERE actor_id = 'TAL'")[0]
    assert tal["doc_count"] == 3 and tal["name"] == "Taliban" and tal["type"] == "ORG"
    zk = queries.rows(con, "SELECT * FROM actors WHERE actor_id = 'person:zalmay-khalilzad'")[0]
    assert zk["doc_count"] == 3 and "Khalilzad" in zk["aliases"]
    assert zk["first_seen"] == dt.date(2021, 4, 13) and zk["last_seen"] == dt.date(2021, 4, 15)
    ids = {r[0] for r in con.execute("SELECT DISTINCT actor_id FROM entities WHERE name = 'Taliban'").fetchall()}
    assert ids == {"TAL"}


def test_two_reports_of_one_meeting_are_one_event_with_two_sources(db):
    con = queries.connect(db)
    clusters = queries.rows(con, "SELECT * FROM event_clusters WHERE event = 'CONSULT' ORDER BY first_day")
    assert len(clusters) == 2  # Doha (two reports) and Kabul (another place)
    doha, kabul = clusters
    assert doha["n_sources"] == 2 and doha["n_mentions"] == 2
    assert doha["first_day"] == dt.date(2021, 4, 12) and doha["last_day"] == dt.date(2021, 4, 13)
    assert sorted(m["event_text"] for m in doha["mentions"]) == ["held talks", "met"]
    assert kabul["n_sources"] == 1 and kabul["place"] == "Kabul"
    assert len({r[0] for r in con.execute("SELECT cluster_id FROM event_members").fetchall()}) == 4


def test_cluster_window_is_a_parameter(db):
    def consult_clusters(window):
        con = queries.connect(db, window_days=window)
        return con.execute("SELECT count(*) FROM event_clusters WHERE event = 'CONSULT'").fetchone()[0]

    assert consult_clusters(0) == 3  # 2021-04-12 and 2021-04-13 are a day apart
    assert consult_clusters(1) == 2


def test_cluster_ids_are_stable_across_connections(db):
    sql = "SELECT cluster_id FROM event_clusters ORDER BY cluster_id"
    first = queries.connect(db).execute(sql).fetchall()
    second = queries.connect(db).execute(sql).fetchall()
    assert first == second and len(first) == 4


def test_ended_relations_keep_former_through_every_migration(store_target):
    """A v1 file replays its records into v2 tables that have no `former` column yet; v4
    adds the column and fills it from the same records."""
    old = doc_doha_1()
    old.relations[0].former = True
    path = store_target("old")
    _write_v1_database(path, [old])
    with Store(path) as store:
        assert store.con.execute("SELECT former FROM relations").fetchall() == [(True,)]
        new = doc_kabul()
        new.relations = [Relation("org:taliban", "allied_with", "org:al-qaeda", 0, 4)]
        assert store.add(new)
        rows = store.con.execute("SELECT doc_id, former FROM relations ORDER BY former").fetchall()
    assert rows == [(new.id, False), (old.id, True)]
