"""Builders and helpers shared by the tests (import with ``from helpers import ...``; the
tests folder is on sys.path through its conftest): reading inputs as ingest does, paths into
../shared, new stores, and a small hand-built corpus of three documents."""
from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest

from newsgraph.ingest.readers import content_hash
from newsgraph.model import Commitment, Document, Entity, Event, Mention, Quote, Relation, Timex
from newsgraph.store.database import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POSTGRES_ENV = "NEWSGRAPH_TEST_POSTGRES"
# The API token of the test servers (tests/interfaces/api), and its header.
API_TOKEN = "test-token-0123456789abcdef"
API_AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
SCHEMAS: list[str] = []  # PostgreSQL schemas made by new_store, dropped at the session's end


def read_inputs(paths, **options):
    """(documents, error lines, warnings) of reading PATHS as ``newsgraph ingest`` does."""
    from newsgraph.errors import InputError
    from newsgraph.ingest.readers import IngestOptions, iter_inputs

    opts = IngestOptions(**options)
    items = list(iter_inputs([str(p) for p in paths], opts))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    return docs, errors, opts.warnings


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the public gold sets live in ../shared)")
    return path


def new_store(kind: str, folder: Path, name: str = "store") -> str:
    """A new, empty store target of KIND: a DuckDB path in FOLDER or a PostgreSQL URL whose
    search_path is a schema of its own (dropped at the end of the session)."""
    if kind == "duckdb":
        return str(folder / f"{name}.duckdb")
    import psycopg

    url = os.environ[POSTGRES_ENV]
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    SCHEMAS.append(schema)
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def as_json(value):
    """A JSON column's value: DuckDB returns the text, psycopg the parsed value."""
    import json

    return json.loads(value) if isinstance(value, str) else value


# --- a hand-built corpus (no NLP pipeline): two reports of one meeting and one other article ---

def find(text, needle, after=0):
    start = text.index(needle, after)
    return start, start + len(needle)


def ent(text, eid, name, etype, surfaces, kb_id=None, code=None, aliases=()):
    mentions = [Mention(*find(text, s), s) for s in surfaces]
    return Entity(eid, name, etype, mentions, kb_id=kb_id, code=code, aliases=list(aliases))


def part(ent, text_as):
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
    zk = ent(text, "person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON",
              ["Zalmay Khalilzad"], kb_id="person:zalmay-khalilzad", code="USA GOV",
              aliases=["Khalilzad"])
    zk.mentions.append(Mention(*find(text, "Khalilzad said"), "Khalilzad"))
    zk.mentions[-1].end = zk.mentions[-1].start + len("Khalilzad")
    tal = ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    aq = ent(text, "org:al-qaeda", "al-Qaeda", "ORG", ["al-Qaeda"], kb_id="AQD", code="AQD REB")
    un = ent(text, "org:united-nations", "United Nations", "ORG", ["United Nations"], kb_id="UNO",
              code="UNO IGO", aliases=["UN"])
    doha = ent(text, "gpe:doha", "Doha", "GPE", ["Doha"])
    start, end = find(text, "met")
    meet = Event("e1", "CONSULT", start, end, "met", mode="visit", context=["diplomatic"],
                 actor=[part(zk, "US envoy Zalmay Khalilzad")], recipient=[part(tal, "Taliban leaders")],
                 date="2021-04-12", date_text="on Monday",
                 location={"name": "Doha", "country": "QAT", "lat": None, "lon": None,
                           "entity": "gpe:doha"})
    q_start, q_end = find(text, "The talks were constructive,")
    quote = Quote("q1", "direct", "The talks were constructive,", q_start, q_end, cue="said",
                  speaker=zk.id, speaker_text="Khalilzad", speaker_name="Zalmay Khalilzad",
                  medium="statement")
    r_start, r_end = find(text, "The Taliban remain allied with al-Qaeda")
    rel = Relation("org:taliban", "allied_with", "org:al-qaeda", r_start, r_end,
                   attributed_to="org:united-nations")
    com = Commitment("org:taliban", "cut ties with al-Qaeda", deadline="2021-05",
                     agreement="Doha agreement", agreement_date="2020-02-29",
                     status_claims=[{"status": "not fulfilled", "claimed_by": "United Nations",
                                     "date": "2021-04-13", "evidence": {"start": r_start, "end": r_end}}])
    return make_document(text, "2021-04-13", entities=[zk, tal, aq, un, doha],
                         timexes=[Timex("Monday", *find(text, "Monday"), "DATE", "2021-04-12")],
                         events=[meet], quotes=[quote], relations=[rel], commitments=[com])


def doc_doha_2():
    text = ("Taliban negotiators held talks with the American envoy in Doha on Tuesday. "
            "He said progress was slow. Later, Taliban fighters attacked Afghan soldiers in Kunduz.")
    zk = Entity("person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON",
                [Mention(*find(text, "the American envoy"), "the American envoy"),
                 Mention(*find(text, "He"), "He")], kb_id="person:zalmay-khalilzad", code="USA GOV")
    # A different entity id and type in this article, the same kb id: the same actor.
    tal = ent(text, "norp:taliban", "Taliban", "NORP", ["Taliban"], kb_id="TAL", code="TAL REB")
    afg = ent(text, "norp:afghan", "Afghan", "NORP", ["Afghan"], kb_id="AFG", code="AFG MIL")
    start, end = find(text, "held talks")
    talks = Event("e1", "CONSULT", start, end, "held talks",
                  actor=[part(zk, "the American envoy")], recipient=[part(tal, "Taliban negotiators")],
                  date="2021-04-13", date_text="on Tuesday",
                  location={"name": "Doha", "entity": "gpe:doha"})
    a_start, a_end = find(text, "attacked")
    attack = Event("e2", "ASSAULT", a_start, a_end, "attacked", actor=[part(tal, "Taliban fighters")],
                   recipient=[part(afg, "Afghan soldiers")], date="2021-04-14",
                   location={"name": "Kunduz"})
    q_start, q_end = find(text, "progress was slow")
    quote = Quote("q1", "indirect", "progress was slow", q_start, q_end, cue="said",
                  speaker=zk.id, speaker_text="He", speaker_name="Zalmay Khalilzad")
    return make_document(text, "2021-04-14", entities=[zk, tal, afg], events=[talks, attack],
                         quotes=[quote])


def doc_kabul():
    text = ("Khalilzad met Taliban representatives in Kabul on Wednesday. "
            "Officials said the Taliban rejected a ceasefire.")
    zk = ent(text, "person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON", ["Khalilzad"],
              kb_id="person:zalmay-khalilzad", code="USA GOV")
    tal = ent(text, "org:taliban", "Taliban", "ORG", ["Taliban"], kb_id="TAL", code="TAL REB")
    start, end = find(text, "met")
    meet = Event("e1", "CONSULT", start, end, "met", actor=[part(zk, "Khalilzad")],
                 recipient=[part(tal, "Taliban representatives")], date="2021-04-14",
                 location={"name": "Kabul"})
    r_start, r_end = find(text, "rejected")
    reject = Event("e2", "REJECT", r_start, r_end, "rejected", mode="yield",
                   actor=[part(tal, "the Taliban")], recipient=[], date="2021-04-15",
                   attributed_to="Officials")
    return make_document(text, "2021-04-15", entities=[zk, tal], events=[meet, reject])


def corpus():
    return [doc_doha_1(), doc_doha_2(), doc_kabul()]


def build_corpus(path):
    with Store(path) as store:
        for doc in corpus():
            assert store.add(doc)
    return path
