"""The DuckDB store: atomic, idempotent by content hash, records round-trip."""
import datetime as dt

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.model import Entity, Mention, Timex
from newsgraph.store.duckdb_store import Store


def make_doc(text="The envoy met the delegation on Monday.", **kw):
    doc = from_text(text, "<test>", IngestOptions(published=dt.date(2020, 3, 4)))
    doc.entities = [Entity("person:envoy", "Envoy", "PERSON", [Mention(4, 9, "envoy")])]
    doc.timexes = [Timex("Monday", 32, 38, "DATE", "2020-03-02")]
    for key, value in kw.items():
        setattr(doc, key, value)
    return doc


def test_add_is_idempotent_and_record_round_trips(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        doc = make_doc()
        assert store.add(doc) is True
        assert store.add(make_doc()) is False  # same text, same hash
        record = store.record(doc.id[:8])
        stats = store.stats()
    assert record["document"]["published"] == "2020-03-04"
    assert record["timexes"][0]["value"] == "2020-03-02"
    assert stats["documents"] == 1 and stats["timexes"] == 1 and stats["mentions"] == 1


def test_failed_write_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
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


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add(make_doc())
    with Store(path, read_only=True) as store:
        assert store.stats()["documents"] == 1
