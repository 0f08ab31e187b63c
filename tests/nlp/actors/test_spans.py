"""Splitting spaCy spans that run a region or a job title into a person's name, or a state
into its government's (issue 14, "Actors"). Every name is written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.nlp.actors.gazetteer import is_region
from newsgraph.nlp.actors.spans import split_span


@pytest.mark.parametrize("text, label, pieces", [
    ("Queensland Anna Kessel", "ORG", [("Queensland", "GPE"), ("Anna Kessel", "PERSON")]),
    ("the Presidential Spokesperson Harry Vell", "ORG", [("Harry Vell", "PERSON")]),
    ("Chief Inspector Maria Lindqvist", "PERSON", [("Maria Lindqvist", "PERSON")]),
    ("the UK Government's", "ORG", [("UK", "GPE")]),
    ("the Queensland Government", "ORG", [("Queensland", "GPE")]),
    ("the Zenda Harbour Board", "ORG", [("the Zenda Harbour Board", "ORG")]),
    ("the Kesselheim Government", "ORG", [("the Kesselheim Government", "ORG")]),  # no known state
    # no common given name after the title: left as spaCy says
    ("the Regional Commissioner Zorvath Kell", "ORG", [("the Regional Commissioner Zorvath Kell", "ORG")]),
    # a title word that is no job title: one name
    ("the Harbour Trust Anna Kessel", "ORG", [("the Harbour Trust Anna Kessel", "ORG")]),
])
def test_regions_and_titles_before_a_person(text, label, pieces):
    assert [(text[a:b], lab) for a, b, lab in split_span(text, label)] == pieces


def test_first_level_regions_are_known():
    assert is_region("Scotland") and is_region("Queensland") and not is_region("Kesselheim")



@pytest.mark.parametrize("text, spans, joined", [
    # an organisation's name cut at "and" (offsets of the pieces as NER gives them)
    ("the Harbour School of Marine and Coastal Science met", ["the Harbour School of Marine", "Coastal Science"],
     ["the Harbour School of Marine and Coastal Science"]),
    ("the Port Board of Zenda and Kessel met", ["the Port Board of Zenda", "Kessel"], ["the Port Board of Zenda and Kessel"]),
    ("the Union of Rail, Sea and Road Workers met", ["the Union of Rail", "Road Workers"],
     ["the Union of Rail, Sea and Road Workers"]),
    ("the Bill and Ada Lind Foundation gave", ["Bill", "Ada Lind Foundation"], ["Bill and Ada Lind Foundation"]),
    # two names each
    ("the Ministry of Defence and Germany met", ["the Ministry of Defence", "Germany"],
     ["the Ministry of Defence", "Germany"]),
    ("the University of Zenda and Anna Kessel met", ["the University of Zenda", "Anna Kessel"],
     ["the University of Zenda", "Anna Kessel"]),
    ("the University of Zenda and Kessel College met", ["the University of Zenda", "Kessel College"],
     ["the University of Zenda", "Kessel College"]),
    ("Bill and Ada Lind met", ["Bill", "Ada Lind"], ["Bill", "Ada Lind"]),
])
def test_pieces_of_an_organisations_name_are_joined(text, spans, joined):
    from newsgraph.nlp.actors.spans import join_name_pieces

    labels = {"Germany": "GPE", "Anna Kessel": "PERSON", "Ada Lind": "PERSON", "Bill": "PERSON",
              "Kessel": "GPE", "Coastal Science": "PERSON"}
    pieces = [(text.index(p), text.index(p) + len(p), labels.get(p, "ORG")) for p in spans]
    assert [text[a:b] for a, b, _ in join_name_pieces(text, pieces)] == joined
