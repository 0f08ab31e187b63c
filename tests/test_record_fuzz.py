"""Hypothesis over the analysis record: for generated Documents with every kind of annotation,
``from_record(to_record(doc))`` gives the same Document (as far as the record describes one),
also when the record has been through JSON text, as the store and the exports keep it.

``NEWSGRAPH_FUZZ_EXAMPLES`` sets the number of examples (small by default, for CI)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import (Commitment, Document, Entity, Event, Mention, Person, Quantity, Quote,
                             Relation, StageError, Timex)
from newsgraph.record import from_record, to_record

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES * 8, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

TEXT = st.text(max_size=12)
MAYBE = st.none() | TEXT
OFFSET = st.integers(min_value=0, max_value=10_000)
NAMES = st.lists(TEXT, max_size=3)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | TEXT, lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(TEXT, inner, max_size=3), max_leaves=5)
OBJECTS = st.lists(st.dictionaries(TEXT, JSON, max_size=3), max_size=2)

MENTIONS = st.builds(Mention, OFFSET, OFFSET, TEXT)
ENTITIES = st.builds(Entity, TEXT, TEXT, TEXT, st.lists(MENTIONS, max_size=3), MAYBE, MAYBE, NAMES,
                     MAYBE, NAMES)
TIMEXES = st.builds(Timex, TEXT, OFFSET, OFFSET, TEXT, MAYBE, MAYBE)
QUANTITIES = st.builds(Quantity, TEXT, OFFSET, OFFSET, st.floats(allow_nan=False, allow_infinity=False),
                       MAYBE, st.booleans(), MAYBE)
QUOTES = st.builds(Quote, TEXT, TEXT, TEXT, OFFSET, OFFSET, MAYBE, MAYBE, MAYBE, MAYBE, MAYBE, NAMES)
EVENTS = st.builds(Event, TEXT, TEXT, OFFSET, OFFSET, TEXT, MAYBE, NAMES, OBJECTS, OBJECTS, MAYBE, MAYBE,
                   st.none() | st.dictionaries(TEXT, JSON, max_size=3), TEXT, MAYBE)
RELATIONS = st.builds(Relation, TEXT, TEXT, TEXT, OFFSET, OFFSET, MAYBE, TEXT, TEXT, MAYBE, MAYBE, MAYBE,
                      TEXT, MAYBE, NAMES, TEXT, TEXT, MAYBE, TEXT, st.booleans())
COMMITMENTS = st.builds(Commitment, TEXT, TEXT, MAYBE, MAYBE, MAYBE, MAYBE, OBJECTS, TEXT, MAYBE, MAYBE,
                        TEXT, MAYBE, NAMES, MAYBE, MAYBE, MAYBE, NAMES, NAMES, MAYBE, MAYBE, MAYBE,
                        st.dictionaries(TEXT, JSON, max_size=3), st.booleans(), st.booleans())
DOCUMENTS = st.builds(
    Document, text=st.text(max_size=80), id=TEXT, title=MAYBE,
    published=st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), source=MAYBE, url=MAYBE,
    authors=NAMES, people=st.lists(st.builds(Person, TEXT, MAYBE), max_size=2), genre=MAYBE,
    language=st.sampled_from(["en", "de", "fr"]), content_hash=TEXT, external_id=MAYBE,
    entities=st.lists(ENTITIES, max_size=3), timexes=st.lists(TIMEXES, max_size=2),
    quantities=st.lists(QUANTITIES, max_size=2), quotes=st.lists(QUOTES, max_size=2),
    events=st.lists(EVENTS, max_size=2), relations=st.lists(RELATIONS, max_size=2),
    commitments=st.lists(COMMITMENTS, max_size=2),
    errors=st.lists(st.builds(StageError, TEXT, TEXT), max_size=2))
# What a record describes: the metadata and the annotations (not the parse: sentences, header
# offsets and the spaCy Doc stay with the running pipeline).
RECORDED = ("text", "id", "title", "published", "source", "url", "authors", "people", "genre",
            "language", "content_hash", "external_id", "entities", "timexes", "quantities", "quotes",
            "events", "relations", "commitments", "errors")


def described(doc: Document) -> dict:
    return {name: getattr(doc, name) for name in RECORDED}


@FUZZ
@given(doc=DOCUMENTS)
def test_the_record_round_trip_is_lossless(doc):
    record = to_record(doc)
    back = from_record(record)
    assert described(back) == described(doc)
    assert to_record(back) == record


@FUZZ
@given(doc=DOCUMENTS)
def test_the_record_survives_json_text(doc):
    record = to_record(doc)
    text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    back = from_record(json.loads(text))
    assert described(back) == described(doc)
    assert json.loads(json.dumps(to_record(back))) == json.loads(text)


def test_every_annotation_field_is_generated():
    """The strategies above build every field of every annotation class, so a field added to
    the model without a place in the record fails here (build the classes with all fields)."""
    for cls, strategy in ((Entity, ENTITIES), (Quote, QUOTES), (Event, EVENTS), (Relation, RELATIONS),
                          (Commitment, COMMITMENTS), (Timex, TIMEXES), (Quantity, QUANTITIES)):
        assert len(strategy.wrapped_strategy.args) == len(dataclasses.fields(cls)), cls.__name__
