"""Roles and affiliations of people from premodifiers, appositions and copulas."""
from __future__ import annotations

import pytest

from newsgraph.nlp.actors.stage import ActorStage
from newsgraph.nlp.entities import EntityStage


@pytest.fixture(scope="module")
def stage():
    return ActorStage()


@pytest.fixture
def person(parsed, stage):
    def run(text, name, published="2019-07-01"):
        doc = parsed(text, published)
        EntityStage()(doc)
        doc.provided.add("entities")
        stage(doc)
        by_id = {e.id: e for e in doc.entities}
        found = [e for e in doc.entities if e.type == "PERSON" and name in e.name]
        assert found, [(e.name, e.type) for e in doc.entities]
        aff = by_id.get(found[0].affiliation)
        return found[0], (aff.name if aff else found[0].affiliation)

    return run


@pytest.mark.parametrize("text, name, role, affiliation, code", [
    # premodifiers: actor + title + name
    ("Hamas political spokesman Ismail Darwazeh denied the claim on Sunday.", "Darwazeh",
     "political spokesman", "Hamas", "HMS REB"),
    ("Pakistani Foreign Minister Rabia Saleemi arrived in Kabul on Monday.", "Saleemi",
     "foreign minister", "Pakistan", "PAK GOV"),
    ("A NATO official Brendan Oakes said the review was not finished.", "Oakes",
     "official", "NATO", "NAT IGO"),
    ("German Ambassador Klara Wendt met the mayor.", "Wendt", "ambassador", "Germany", "DEU GOV"),
    # apposition, both orders
    ("Idris Kamara, the foreign minister of Sierra Leone, rejected the report.", "Kamara",
     "foreign minister", "Sierra Leone", "SLE GOV"),
    ("The spokesman of Hezbollah, Mahdi Sabbagh, declined to comment.", "Sabbagh",
     "spokesman", "Hezbollah", "HZB REB"),
    # copula
    ("Police said Yusuf Bakri is commander of al-Shabaab in the region.", "Bakri",
     "commander", "al-Shabaab", "SHB REB"),
])
def test_role_patterns(person, text, name, role, affiliation, code):
    entity, aff = person(text, name)
    assert role in entity.roles
    assert aff == affiliation
    assert entity.code == code


def test_no_role_from_a_plain_premodifier(person):
    entity, aff = person("Neighbours said Tomas Berger was at home that night.", "Berger")
    assert entity.roles == [] and aff is None


def test_copula_role_through_a_definite_description(person):
    text = ("Boko Haram attacked the village at dawn. The army said Musa Adamu is commander "
            "of the group.")
    entity, aff = person(text, "Adamu")
    assert "commander" in entity.roles and aff == "Boko Haram"
