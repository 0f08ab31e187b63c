"""The surname fold of entities.v1 (issue 14, "Actors"). Names are written for these tests."""
from __future__ import annotations

from newsgraph.model import Entity, Mention
from newsgraph.nlp.entities import merge_surnames


def test_a_surname_written_without_its_accent_joins_the_person():
    person = Entity("person:jan-kowalczyński", "Jan Kowalczyński", "PERSON", [Mention(0, 16, "Jan Kowalczyński")])
    bare = Entity("org:kowalczynski", "Kowalczynski", "ORG", [Mention(40, 52, "Kowalczynski")])
    out = merge_surnames([person, bare])
    assert out == [person] and [m.text for m in person.mentions] == ["Jan Kowalczyński", "Kowalczynski"]
