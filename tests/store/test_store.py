"""The store (DuckDB and PostgreSQL): atomic, idempotent by content hash, records round-trip."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from newsgraph.errors import NewsgraphError
from newsgraph.interfaces.cli.main import cli
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.model import Entity, Mention, Timex
from newsgraph.store.database import Store


def make_doc(text="The envoy met the delegation on Monday.", **kw):
    doc = from_text(text, "<test>", IngestOptions(published=dt.date(2020, 3, 4)))
    doc.entities = [Entity("person:envoy", "Envoy", "PERSON", [Mention(4, 9, "envoy")])]
    doc.timexes = [Timex("Monday", 32, 38, "DATE", "2020-03-02")]
    for key, value in kw.items():
        setattr(doc, key, value)
    return doc


def test_add_is_idempotent_and_record_round_trips(store_target):
    with Store(store_target()) as store:
        doc = make_doc()
        assert store.add(doc) is True
        assert store.add(make_doc()) is False  # same text, same hash
        record = store.record(doc.id[:8])
        stats = store.stats()
    assert record["document"]["published"] == "2020-03-04"
    assert record["timexes"][0]["value"] == "2020-03-02"
    assert stats["documents"] == 1 and stats["timexes"] == 1 and stats["mentions"] == 1


def test_failed_write_leaves_nothing_half_written(store_target):
    with Store(store_target()) as store:
        store.add(make_doc("First article text."))
        bad = make_doc("Second article text.")
        bad.quantities = [object()]  # not a Quantity: the write fails midway
        with pytest.raises(Exception):
            store.add(bad)
        stats = store.stats()
        assert stats["documents"] == 1
        assert stats["timexes"] == 1  # only the first document's
        assert not store.has(bad.content_hash)


def test_read_only_open_of_missing_db_is_a_clear_error(tmp_path):
    with pytest.raises(NewsgraphError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_data_survives_reopening(store_target):
    path = store_target()
    with Store(path) as store:
        store.add(make_doc())
    with Store(path, read_only=True) as store:
        assert store.stats()["documents"] == 1


def test_read_only_open_of_an_empty_server_database_is_a_clear_error(store_target):
    target = store_target()
    if not target.startswith("postgresql"):
        pytest.skip("a DuckDB file that does not exist is the case above")
    with pytest.raises(NewsgraphError, match="no newsgraph store there"):
        Store(target, read_only=True)


def test_read_only_store_refuses_writes(store_target):
    path = store_target()
    with Store(path) as store:
        store.add(make_doc())
    with Store(path, read_only=True) as store:
        with pytest.raises(Exception):
            store.add(make_doc("Another article text."))
    with Store(path, read_only=True) as store:
        assert store.stats()["documents"] == 1


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(NewsgraphError, match="cannot connect"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


# --- near-duplicate articles ------------------------------------------------------------------

STORY = """The regional water board approved a plan on Tuesday to rebuild the old river dam at
Millbrook, after two winters of flooding damaged farms and closed the valley road for weeks.
The board's chair said work would begin in the spring and take about three years. Farmers who
lost crops asked for compensation before construction starts, and the board promised a hearing
next month. Engineers told the meeting that the dam's concrete had cracked in several places and
that a new spillway would let the river pass heavy rain without overflowing the fields below."""


def test_reprint_is_linked_to_the_original_and_other_stories_are_not(store_target):
    reprint = "Dam to be rebuilt\n\n" + " ".join(STORY.split()).replace("about three years", "three years")
    other = ("The city council voted on Monday to extend bus services to the new hospital, after"
             " residents complained that the nearest stop was a long walk away. The mayor said the"
             " first buses would run next week and that fares would not change this year.")
    target = store_target()
    with Store(target) as store:
        first, second, third = (make_doc(t) for t in (STORY, reprint, other))
        for doc in (first, second, third):
            assert store.add(doc)
        links = store.con.execute("SELECT doc_id, duplicate_of, similarity FROM near_duplicates").fetchall()
        assert [(a, b) for a, b, _ in links] == [(second.id, first.id)]
        assert 0.7 <= links[0][2] < 1.0
        assert store.stats()["near_duplicates"] == 1
    result = CliRunner().invoke(cli, ["duplicates", "--format", "json", "--db", target])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [(f["doc_id"], f["duplicate_of"]) for f in found] == [(second.id, first.id)]
    assert found[0]["title"] == "Dam to be rebuilt"
