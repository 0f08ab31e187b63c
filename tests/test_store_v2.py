"""Store schema v2: migration from v1, quotes/events/relations/commitments, actors, event dedup.

``build_corpus`` writes a small store from Documents built by hand (no NLP pipeline), and is
shared with test_queries.py and test_exports.py.
"""
import datetime as dt
import json

import pytest
from conftest import as_json

from newsgraph.ingest.readers import content_hash
from newsgraph.model import Commitment, Document, Entity, Event, Mention, Quote, Relation, Timex
from newsgraph.record import to_record
from newsgraph.store import backend, schema
from newsgraph.store import queries
from newsgraph.store.database import Store


def _find(text, needle, after=0):
    start = text.index(needle, after)
    return start, start + len(needle)


def _ent(text, eid, name, etype, surfaces, kb_id=None, code=None, aliases=()):
    mentions = [Mention(*_find(text, s), s) for s in surfaces]
    return Entity(eid, name, etype, mentions, kb_id=kb_id, code=code, aliases=list(aliases))


def _part(ent, text_as):
    return {"entity": ent.id, "name": ent.name, "code": ent.code, "text": text_as}


def make_document(text, published, **annotations):
    doc = Document(text=text, published=dt.date.fromisoformat(published), source="Test Wire",
                   url=f"https://example.org/{published}", title=text.split(".")[0][:60])
    doc.content_hash = content_hash(text)
    doc.id = doc.content_hash[:16]
    for key, value in annotations.items():
        setattr(doc, key, value)
    return doc


def doc_doha_1():
    text = ("US envoy Zalmay Khalilzad met Taliban leaders in Doha on Monday. "
            "\"The talks were constructive,\" Khalilzad said. "
            "The Taliban remain allied with al-Qaeda, the United Nations said. "
            "The Taliban promised to cut ties with al-Qaeda by May.")
    zk = _ent(text, "person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON",
              ["Zalmay Khalilzad"], kb_id="person:zalmay-khalilzad", code="USA GOV",
              aliases=["Khalilzad"])
    zk.mentions.append(Mention(*_find(text, "Khalilzad said"), "Khalilzad"))
    zk.mentions[-1].end = zk.mentions[-1].start + len("Khalilzad")
    tal = _ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    aq = _ent(text, "org:al-qaeda", "al-Qaeda", "ORG", ["al-Qaeda"], kb_id="AQD", code="AQD REB")
    un = _ent(text, "org:united-nations", "United Nations", "ORG", ["United Nations"], kb_id="UNO",
              code="UNO IGO", aliases=["UN"])
    doha = _ent(text, "gpe:doha", "Doha", "GPE", ["Doha"])
    start, end = _find(text, "met")
    meet = Event("e1", "CONSULT", start, end, "met", mode="visit", context=["diplomatic"],
                 actor=[_part(zk, "US envoy Zalmay Khalilzad")], recipient=[_part(tal, "Taliban leaders")],
                 date="2021-04-12", date_text="on Monday",
                 location={"name": "Doha", "country": "QAT", "lat": None, "lon": None,
                           "entity": "gpe:doha"})
    q_start, q_end = _find(text, "The talks were constructive,")
    quote = Quote("q1", "direct", "The talks were constructive,", q_start, q_end, cue="said",
                  speaker=zk.id, speaker_text="Khalilzad", speaker_name="Zalmay Khalilzad",
                  medium="statement")
    r_start, r_end = _find(text, "The Taliban remain allied with al-Qaeda")
    rel = Relation("org:taliban", "allied_with", "org:al-qaeda", r_start, r_end,
                   attributed_to="org:united-nations")
    com = Commitment("org:taliban", "cut ties with al-Qaeda", deadline="2021-05",
                     agreement="Doha agreement", agreement_date="2020-02-29",
                     status_claims=[{"status": "not fulfilled", "claimed_by": "United Nations",
                                     "date": "2021-04-13", "evidence": {"start": r_start, "end": r_end}}])
    return make_document(text, "2021-04-13", entities=[zk, tal, aq, un, doha],
                         timexes=[Timex("Monday", *_find(text, "Monday"), "DATE", "2021-04-12")],
                         events=[meet], quotes=[quote], relations=[rel], commitments=[com])


def doc_doha_2():
    text = ("Taliban negotiators held talks with the American envoy in Doha on Tuesday. "
            "He said progress was slow. Later, Taliban fighters attacked Afghan soldiers in Kunduz.")
    zk = Entity("person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON",
                [Mention(*_find(text, "the American envoy"), "the American envoy"),
                 Mention(*_find(text, "He"), "He")], kb_id="person:zalmay-khalilzad", code="USA GOV")
    # A different entity id and type in this article, the same kb id: the same actor.
    tal = _ent(text, "norp:taliban", "Taliban", "NORP", ["Taliban"], kb_id="TAL", code="TAL REB")
    afg = _ent(text, "norp:afghan", "Afghan", "NORP", ["Afghan"], kb_id="AFG", code="AFG MIL")
    start, end = _find(text, "held talks")
    talks = Event("e1", "CONSULT", start, end, "held talks",
                  actor=[_part(zk, "the American envoy")], recipient=[_part(tal, "Taliban negotiators")],
                  date="2021-04-13", date_text="on Tuesday",
                  location={"name": "Doha", "entity": "gpe:doha"})
    a_start, a_end = _find(text, "attacked")
    attack = Event("e2", "ASSAULT", a_start, a_end, "attacked", actor=[_part(tal, "Taliban fighters")],
                   recipient=[_part(afg, "Afghan soldiers")], date="2021-04-14",
                   location={"name": "Kunduz"})
    q_start, q_end = _find(text, "progress was slow")
    quote = Quote("q1", "indirect", "progress was slow", q_start, q_end, cue="said",
                  speaker=zk.id, speaker_text="He", speaker_name="Zalmay Khalilzad")
    return make_document(text, "2021-04-14", entities=[zk, tal, afg], events=[talks, attack],
                         quotes=[quote])


def doc_kabul():
    text = ("Khalilzad met Taliban representatives in Kabul on Wednesday. "
            "Officials said the Taliban rejected a ceasefire.")
    zk = _ent(text, "person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON", ["Khalilzad"],
              kb_id="person:zalmay-khalilzad", code="USA GOV")
    tal = _ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    start, end = _find(text, "met")
    meet = Event("e1", "CONSULT", start, end, "met", actor=[_part(zk, "Khalilzad")],
                 recipient=[_part(tal, "Taliban representatives")], date="2021-04-14",
                 location={"name": "Kabul"})
    r_start, r_end = _find(text, "rejected")
    reject = Event("e2", "REJECT", r_start, r_end, "rejected", mode="yield",
                   actor=[_part(tal, "the Taliban")], recipient=[], date="2021-04-15",
                   attributed_to="Officials")
    return make_document(text, "2021-04-15", entities=[zk, tal], events=[meet, reject])


def corpus():
    return [doc_doha_1(), doc_doha_2(), doc_kabul()]


def build_corpus(path):
    with Store(path) as store:
        for doc in corpus():
            assert store.add(doc)
    return path


@pytest.fixture
def db(store_target):
    return build_corpus(store_target("corpus"))


# --- schema and migration ------------------------------------------------------------------

def test_new_database_is_at_the_current_version(db):
    con = backend.connect(db, read_only=True)
    assert schema.version(con) == schema.SCHEMA_VERSION == 3
    assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] == [1, 2, 3]
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
        assert store.version == 3
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
    assert schema.version(con) == 3
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
