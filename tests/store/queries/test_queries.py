"""The query commands (events, actors, timeline, dyad, quotes, search, sql) via CliRunner,
over a store written from hand-built Documents (see test_store_v2.build_corpus)."""
import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from newsgraph.errors import NewsgraphError
from newsgraph.interfaces.cli.query import register
from newsgraph.store import queries
from helpers import new_store
from helpers import build_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory, backend_kind):
    return build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("q"), "corpus"))


@pytest.fixture(scope="module")
def group():
    @click.group()
    def cli():
        pass

    register(cli)
    return cli


@pytest.fixture
def run(group, db):
    def invoke(*args):
        return CliRunner().invoke(group, [*args, "--db", db])

    return invoke


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_register_adds_every_command(group):
    assert {"events", "actors", "timeline", "dyad", "quotes", "search", "sql", "export"} <= set(group.commands)


def test_events_of_an_actor_are_deduplicated(run):
    found = _json(run("events", "--actor", "Taliban", "--format", "json"))
    assert [(e["event"], e["n_sources"]) for e in found] == [
        ("CONSULT", 2), ("CONSULT", 1), ("ASSAULT", 1), ("REJECT", 1)]
    table = run("events", "--actor", "taliban")
    assert table.exit_code == 0 and "Doha" in table.output and "n_sources" in table.output


@pytest.mark.parametrize("args, expected", [
    (["--actor", "Khalilzad", "--recipient", "TAL"], 2),       # alias and kb id
    (["--actor", "USA GOV"], 2),                               # code
    (["--actor", "TAL", "--type", "assault"], 1),
    (["--since", "2021-04-14"], 3),
    (["--until", "2021-04-12"], 1),
    (["--since", "2021-04-14", "--until", "2021-04-14", "--type", "CONSULT"], 1),
    (["--raw", "--type", "CONSULT"], 3),
    (["--window", "0", "--type", "CONSULT"], 3),
])
def test_event_filters(run, args, expected):
    assert len(_json(run("events", *args, "--format", "json"))) == expected


def test_unknown_actor_is_a_clear_error(run):
    result = run("events", "--actor", "Nobody At All")
    assert isinstance(result.exception, NewsgraphError)
    assert "no such actor" in str(result.exception)


def test_actors_lists_one_row_per_canonical_actor(run):
    found = _json(run("actors", "--format", "json"))
    ids = [a["actor_id"] for a in found]
    assert len(ids) == len(set(ids)) and ids[:2] == ["person:zalmay-khalilzad", "TAL"]
    tal = next(a for a in found if a["actor_id"] == "TAL")
    assert tal["doc_count"] == 3 and tal["events"] == 4
    people = _json(run("actors", "--type", "person", "--format", "json"))
    assert [a["name"] for a in people] == ["Zalmay Khalilzad"]


def test_actors_csv(run):
    result = run("actors", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[0]["actor_id"] == "person:zalmay-khalilzad" and "aliases" in rows[0]


def test_timeline_of_an_actor(run):
    found = _json(run("timeline", "Taliban", "--format", "json"))
    assert [f["day"] for f in found] == sorted(f["day"] for f in found)
    kinds = {f["kind"] for f in found}
    assert kinds == {"event", "relation", "commitment"}
    rel = next(f for f in found if f["kind"] == "relation")
    assert rel["what"] == "allied_with" and rel["counterpart"] == "al-Qaeda"
    speaker = _json(run("timeline", "Zalmay Khalilzad", "--format", "json"))
    assert sum(f["kind"] == "quote" for f in speaker) == 2


def test_dyad_timeline_and_weekly_index(run):
    out = _json(run("dyad", "Khalilzad", "Taliban", "--format", "json"))
    assert [e["what"] for e in out["timeline"]] == ["CONSULT", "CONSULT"]
    assert out["weekly"] == [{"week": "2021-04-12", "verbal_cooperation": 2, "material_cooperation": 0,
                              "verbal_conflict": 0, "material_conflict": 0, "events": 2,
                              "coop_conflict_index": 1.0}]
    conflict = _json(run("dyad", "TAL", "AFG", "--weekly", "--format", "json"))
    assert conflict[0]["material_conflict"] == 1 and conflict[0]["coop_conflict_index"] == -2.0
    assert _json(run("dyad", "AFG", "TAL", "--weekly", "--directed", "--format", "json")) == []
    table = run("dyad", "Khalilzad", "Taliban")
    assert table.exit_code == 0 and "coop_conflict_index" in table.output


def test_quad_class_covers_the_sixteen_plover_types():
    assert len(queries.PLOVER_QUAD) == 16
    classes = {}
    for event, quad in queries.PLOVER_QUAD.items():
        classes.setdefault(quad, []).append(event)
    assert {k: len(v) for k, v in classes.items()} == {
        "verbal_cooperation": 4, "material_cooperation": 3, "verbal_conflict": 4, "material_conflict": 5}


@pytest.mark.parametrize("speaker", ["Zalmay Khalilzad", "khalilzad", "person:zalmay-khalilzad"])
def test_quotes_by_canonical_name_alias_or_id(run, speaker):
    found = _json(run("quotes", "--speaker", speaker, "--format", "json"))
    assert [q["kind"] for q in found] == ["direct", "indirect"]
    assert found[0]["published"] == "2021-04-13" and found[0]["doc_id"]


def test_quotes_by_speaker_text_as_written(run):
    found = _json(run("quotes", "--speaker", "HE", "--format", "json"))
    assert [q["text"] for q in found] == ["progress was slow"]
    assert run("quotes", "--speaker", "Nobody").output.strip() == "(nothing found)"


def test_search_with_snippet(run):
    found = _json(run("search", "DOHA", "--format", "json"))
    assert len(found) == 2
    assert all("doha" in f["snippet"].lower() for f in found)
    assert _json(run("search", "Kunduz", "--format", "json"))[0]["snippet"].endswith("Kunduz.")
    assert _json(run("search", "no such words", "--format", "json")) == []


def test_sql_select_and_with(run):
    found = _json(run("sql", "SELECT event, count(*) AS n FROM events GROUP BY 1 ORDER BY 1",
                      "--format", "json"))
    assert found == [{"event": "ASSAULT", "n": 1}, {"event": "CONSULT", "n": 3}, {"event": "REJECT", "n": 1}]
    found = _json(run("sql", "WITH c AS (SELECT * FROM event_clusters) SELECT max(n_sources) AS m FROM c",
                      "--format", "json"))
    assert found == [{"m": 2}]


@pytest.mark.parametrize("statement", [
    "DELETE FROM events",
    "DROP TABLE actors",
    "INSERT INTO actors (actor_id) VALUES ('x')",
    "COPY events TO 'events.csv'",
    "ATTACH 'other.duckdb'",
    "SELECT 1; DELETE FROM events",
    "PRAGMA database_list",
])
def test_sql_refuses_anything_but_one_select(run, db, statement):
    result = run("sql", statement)
    assert isinstance(result.exception, NewsgraphError), result.output
    assert "SELECT" in str(result.exception)
    assert _json(run("sql", "SELECT count(*) AS n FROM events", "--format", "json")) == [{"n": 5}]


def test_sql_cannot_read_other_files(run, tmp_path):
    other = tmp_path / "secret.csv"
    other.write_text("a\n1\n")
    result = run("sql", f"SELECT * FROM read_csv('{other}')")
    assert isinstance(result.exception, NewsgraphError)


def test_commands_on_a_missing_database_say_so(group, tmp_path):
    result = CliRunner().invoke(group, ["actors", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, NewsgraphError)
    assert "no such database" in str(result.exception)


# --- the actor push-down (event_clusters_for) returns exactly the whole-store view's rows ----

def _dense_corpus():
    """Twelve articles over three weeks: the same few actors meet, attack and talk again and
    again, with and without a day, a place, a recipient or an id, so clusters chain, split on
    place and day gaps, and several partitions share actors."""
    from newsgraph.model import Entity, Event, Mention
    from helpers import make_document

    people = [("TAL", "Taliban", "ORG"), ("AFG", "Afghanistan", "GPE"),
              ("person:zalmay-khalilzad", "Zalmay Khalilzad", "PERSON"), ("UNO", "United Nations", "ORG")]
    places = [None, "Doha", "Kabul", "doha"]
    types = ["CONSULT", "ASSAULT", "ACCUSE", "AID"]
    docs = []
    for n in range(12):
        text = f"Article {n}. " + " ".join(name for _, name, _ in people) + " and officials."
        ents = []
        for kb, name, etype in people:
            start = text.index(name)
            ents.append(Entity(f"{etype.lower()}:{name.lower().replace(' ', '-')}", name, etype,
                               [Mention(start, start + len(name), name)], kb_id=kb, code=kb))
        part = [{"entity": e.id, "name": e.name, "code": e.code, "text": e.name} for e in ents]
        officials = {"name": "officials", "text": "officials"}
        events = []
        for k in range(6):
            i = (n * 7 + k * 3) % 11
            actor = [part[i % 4]] if i % 5 else [part[i % 4], part[(i + 1) % 4]]
            recipient = ([] if i == 3 else [officials] if i == 7 else [part[(i + 2) % 4]])
            day = None if (n + k) % 5 == 0 else f"2021-04-{1 + (n * 2 + k) % 20:02d}"
            place = places[(n + k) % 4]
            events.append(Event(f"e{k}", types[(n + k) % 3 if k < 4 else 3], 0, 7, f"did {n}.{k}",
                                actor=actor, recipient=recipient, date=day,
                                location={"name": place} if place else None,
                                factuality="negated" if (n + k) % 6 == 0 else "asserted"))
        docs.append(make_document(text, f"2021-04-{2 + n * 2 % 20:02d}", entities=ents, events=events))
    return docs


@pytest.fixture(scope="module")
def dense_db(tmp_path_factory, backend_kind):
    from newsgraph.store.database import Store

    path = new_store(backend_kind, tmp_path_factory.mktemp("dense"), "dense")
    with Store(path) as store:
        for doc in _dense_corpus():
            assert store.add(doc)
    return str(path)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, backend_kind):
    # Its own copy: the CLI tests above leave connections to `db` open with another config.
    return build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("small"), "corpus"))


@pytest.mark.parametrize("window", [0, 3, 10])
def test_pushdown_returns_the_same_rows_as_the_view(dense_db, small_db, window):
    for path in (dense_db, small_db):
        con = queries.connect(path, window_days=window)
        ids = [r[0] for r in con.execute("SELECT actor_id FROM actors ORDER BY 1").fetchall()]
        assert len(ids) >= 4
        n_clusters = con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
        assert con.execute("SELECT count(*) FROM event_members").fetchone()[0] >= n_clusters > 0
        for a in ids:
            for kwargs in ({}, {"event_type": "consult"}, {"since": "2021-04-10"},
                           {"until": "2021-04-08", "raw": True}, {"raw": True}):
                assert (queries.events(con, [a], **kwargs)
                        == queries.events(con, [a], **kwargs, pushdown=False)), (a, kwargs)
                assert (queries.events(con, None, [a], **kwargs)
                        == queries.events(con, None, [a], **kwargs, pushdown=False)), (a, kwargs)
            assert queries.timeline(con, [a]) == queries.timeline(con, [a], pushdown=False)
            for b in ids:
                assert queries.dyad(con, [a], [b]) == queries.dyad(con, [a], [b], pushdown=False)
                for directed in (False, True):
                    assert (queries.dyad_index(con, [a], [b], directed=directed)
                            == queries.dyad_index(con, [a], [b], directed=directed, pushdown=False))
                assert (queries.events(con, [a], [b]) == queries.events(con, [a], [b], pushdown=False))
        # Several ids at once (an ambiguous name), and every column of the clusters.
        assert queries.timeline(con, ids[:2]) == queries.timeline(con, ids[:2], pushdown=False)
        for a in ids:
            fast = con.execute(f"SELECT * FROM {queries.clusters_of(con, [a])} ORDER BY cluster_id",
                               {"_ids": [a]}).fetchall()
            view = con.execute("SELECT * FROM event_clusters WHERE $a = ANY(actor_ids)"
                               " OR $a = ANY(recipient_ids) ORDER BY cluster_id", {"a": a}).fetchall()
            assert fast == view, a
        con.close()


def test_dense_corpus_clusters_chain_and_split(dense_db):
    """The hand-made store exercises the clustering rule (so the comparison above means something)."""
    con = queries.connect(dense_db)
    sizes = [r[0] for r in con.execute("SELECT n_mentions FROM event_clusters").fetchall()]
    assert max(sizes) >= 3 and sizes.count(1) >= 5
    factualities = [r[0] for r in con.execute("SELECT factualities FROM event_clusters").fetchall()]
    assert any(len(f) > 1 for f in factualities)
    assert con.execute("SELECT count(*) FROM event_clusters WHERE place IS NULL").fetchone()[0] > 0

    def count(window):
        return queries.connect(dense_db, window_days=window).execute(
            "SELECT count(*) FROM event_clusters").fetchone()[0]

    assert count(0) > count(10)
