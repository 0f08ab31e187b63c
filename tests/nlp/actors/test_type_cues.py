"""Types from a common noun next to a mention (issue 14, "Actors"): "the island of X" (LOC),
"the town of X", "east of X" (GPE), "the X gas pipeline" (FAC), "the X oil field" (LOC).
Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.nlp.actors.types import retype


def typed(parsed, text, name, label):
    doc = parsed(text)
    at = doc.text.index(name)
    entity = Entity(f"{label.lower()}:x", name, label, [Mention(at, at + len(name), name)])
    return retype(doc, [entity])[0].type


@pytest.mark.parametrize("text, name, label, expected", [
    ("Two people died on the small island of Velmora after the quake.", "Velmora", "GPE", "LOC"),
    ("Ministers will meet on their biggest island Velmora next week.", "Velmora", "ORG", "LOC"),
    ("The quake struck the town of Kessaro early on Sunday.", "Kessaro", "ORG", "GPE"),
    ("The epicentre lay nine kilometres east of Kessaro, officials said.", "Kessaro", "ORG", "GPE"),
    ("Voters in the electoral district of Brannock go to the polls.", "Brannock", "PERSON", "GPE"),
    ("The planned Velnor gas pipeline would cross the strait.", "Velnor", "ORG", "FAC"),
    ("Workers were flown back from the Anna Kessel oil field.", "Anna Kessel", "PERSON", "LOC"),
    ("He later joined the supergroup Silent Harbour with two friends.", "Silent Harbour", "PERSON", "ORG"),
    ("The story was first told by the broadcaster Velnor on Monday.", "Velnor", "GPE", "ORG"),
    ("The Liberal and Green parties held their primaries.", "Liberal", "NORP", "ORG"),
    ("Both the Unity and Harvest Parties lost seats.", "Unity", "PERSON", "ORG"),
    ("She ran for the Fair Velmora party in May.", "Fair Velmora", "GPE", "ORG"),
])
def test_a_noun_next_to_a_mention_gives_its_type(parsed, text, name, label, expected):
    assert typed(parsed, text, name, label) == expected


@pytest.mark.parametrize("text, name, label", [
    ("Protesters gathered on the island of Cyprus on Sunday.", "Cyprus", "GPE"),  # a state
    ("Anna Kessel said the field trip was cancelled.", "Anna Kessel", "PERSON"),  # no oil field
    ("The Velnor company built the bridge.", "Velnor", "ORG"),  # the noun is not next to it
    ("She left the party Anna Kessel had founded.", "Anna Kessel", "PERSON"),  # a person's name
    ("Liberal and Green voters disagreed.", "Liberal", "NORP"),  # no party noun
    ("Velmora party members met in Kessaro.", "Velmora", "NORP"),  # a people, not a name
])
def test_no_cue_no_change(parsed, text, name, label):
    assert typed(parsed, text, name, label) == label


def _listed(parsed, text, typed):
    from newsgraph.nlp.actors.types import listed_places

    doc = parsed(text)
    entities = []
    for name, label in typed.items():
        at = doc.text.index(name)
        entities.append(Entity(f"{label.lower()}:{name.lower()}", name, label, [Mention(at, at + len(name), name)]))
    return {e.name: e.type for e in listed_places(doc, entities)}


def test_a_name_listed_with_places_is_a_place(parsed):
    out = _listed(parsed, "The towns hit were Kessaro, Velmora, Brannock, Dunmere, Tulla, and Orvik.",
                  {"Kessaro": "GPE", "Velmora": "GPE", "Brannock": "GPE", "Dunmere": "GPE",
                   "Tulla": "PERSON", "Orvik": "ORG"})
    assert out["Tulla"] == "GPE" and out["Orvik"] == "GPE"


def test_a_list_of_people_with_one_place_stays(parsed):
    out = _listed(parsed, "Speakers were Ada Lind, Tom Vell, Kessaro and Anna Kessel.",
                  {"Ada Lind": "PERSON", "Tom Vell": "PERSON", "Kessaro": "GPE", "Anna Kessel": "PERSON"})
    assert out == {"Ada Lind": "PERSON", "Tom Vell": "PERSON", "Kessaro": "GPE", "Anna Kessel": "PERSON"}
