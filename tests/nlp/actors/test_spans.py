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

