"""The surname fold of entities.v1 (issue 14, "Actors"). Names are written for these tests."""
from __future__ import annotations

from newsgraph.model import Entity, Mention
from newsgraph.nlp.entities import merge_surnames


def test_a_surname_written_without_its_accent_joins_the_person():
    person = Entity("person:jan-kowalczyński", "Jan Kowalczyński", "PERSON", [Mention(0, 16, "Jan Kowalczyński")])
    bare = Entity("org:kowalczynski", "Kowalczynski", "ORG", [Mention(40, 52, "Kowalczynski")])
    out = merge_surnames([person, bare])
    assert out == [person] and [m.text for m in person.mentions] == ["Jan Kowalczyński", "Kowalczynski"]


def test_a_place_cut_off_the_organisation_it_names_is_joined_to_it():
    from newsgraph.nlp.entities import join_state_and_body

    text = "The Zenda Harbour Board met. Ruritania's Harbour Board did not."
    spans = [(4, 9, "GPE"), (10, 23, "ORG"), (29, 40, "GPE"), (41, 53, "ORG")]
    assert join_state_and_body(text, spans) == [(4, 23, "ORG"), (29, 40, "GPE"), (41, 53, "ORG")]


def test_a_place_before_a_force_spacy_calls_a_people_is_one_organisation():
    from newsgraph.nlp.entities import join_state_and_body

    text = "veterans of the Zenda Marines and Zenda Catholics"
    spans = [(16, 21, "GPE"), (22, 29, "NORP"), (34, 39, "GPE"), (40, 48, "NORP")]
    assert join_state_and_body(text, spans) == [(16, 29, "ORG"), (34, 39, "GPE"), (40, 48, "NORP")]


def test_a_name_in_apposition_to_a_role_is_a_person(parsed):
    from newsgraph.nlp.entities import role_apposition_names
    text = "The decision was announced by the university's chancellor, Pradeep Khosla, on Monday."
    doc = parsed(text)
    name = text.index("Pradeep Khosla")
    assert role_apposition_names(doc.nlp, []) == [(name, name + len("Pradeep Khosla"), "PERSON")]
    # a name the recogniser found already is left to it
    assert role_apposition_names(doc.nlp, [(name, name + 7, "PERSON")]) == []


def test_a_name_in_apposition_to_a_thing_is_not_a_person(parsed):
    from newsgraph.nlp.entities import role_apposition_names
    doc = parsed("The ship's new engine, Blue Falcon, was tested on Monday.")
    assert role_apposition_names(doc.nlp, []) == []
