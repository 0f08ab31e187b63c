"""The record format: to_record and from_record are inverses."""
from newsgraph.model import Document, Entity, Event, Mention, Person, Quote, Relation, Timex
from newsgraph.record import from_record, to_record


def test_record_round_trips_through_from_record():
    doc = Document(text="The envoy met the delegation on Monday.", id="abc", content_hash="abc123",
                   people=[Person("Pat Example", "editor")])
    doc.entities = [Entity("person:envoy", "Envoy", "PERSON", [Mention(4, 9, "envoy")], roles=["envoy"])]
    doc.timexes = [Timex("Monday", 32, 38, "DATE", "2020-03-02")]
    doc.quotes = [Quote("q1", "direct", "We will talk", 0, 12, cue="said", medium="tweet")]
    doc.events = [Event("ev1", "CONSULT", 4, 20, "met", actor=[{"entity": "person:envoy"}],
                        factuality="negated", date="2020-03-02")]
    doc.relations = [Relation("person:envoy", "represents", "gpe:x", 0, 9)]
    record = to_record(doc)
    again = from_record(record)
    assert to_record(again) == record
    assert again.events[0].start == 4 and again.relations[0].end == 9
