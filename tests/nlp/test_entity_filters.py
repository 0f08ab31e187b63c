"""Names that are no actor or place, on sentences written for these tests."""
import pytest

from newsgraph.model import Document
from newsgraph.nlp.entity_filters import filter_words, is_not_an_entity
from newsgraph.pipeline import build


def names(text: str) -> set[str]:
    doc = build(["parse.v1", "entities.v1"]).run_batch([Document(text=text, id="t")])[0]
    return {e.name for e in doc.entities}


@pytest.mark.parametrize("name", ["Berwick Prize", "Bus Regulations", "Storm Barry",
                                  "Hurricane Ada", "COVID-19", "the Zenda Marathon"])
def test_awards_rules_events_and_diseases_are_no_entities(name):
    assert is_not_an_entity(name.removeprefix("the "), filter_words())


@pytest.mark.parametrize("name", ["Red Cross", "Ada Lindqvist", "Norway", "Supreme Court",
                                  "Zenda Airport"])
def test_actors_and_places_stay(name):
    assert not is_not_an_entity(name, filter_words())


def test_a_named_storm_is_no_person():
    found = names("Storm Barry reached the coast of Norway on Monday, the police said.")
    assert "Storm Barry" not in found and "Norway" in found


def test_a_person_named_like_a_word_stays_when_the_text_gives_the_full_name():
    found = names("Bill Lindqvist met the mayor. Bill said the bill would pass.")
    assert "Bill Lindqvist" in found
