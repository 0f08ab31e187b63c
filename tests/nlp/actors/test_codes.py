"""Person codes from roles (issue 14): city and regional leaders take their country, a
state's chief executive is its government, no role gives no code, codes never pass from one
person to another; "the party" only takes up a party. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.model import Entity
from newsgraph.nlp.actors.mentions import EntityInfo
from newsgraph.nlp.actors.roles import _person_code, _sector
from newsgraph.nlp.actors.kb import words



@pytest.fixture
def run(actors):
    return lambda text, published="2020-06-01": actors(text, published)


@pytest.mark.parametrize("role, sector", [
    ("foreign minister", "GOV"), ("police chief", "COP"), ("chief executive", "GOV"),
    ("solicitor general", "GOV"), ("general", "MIL"), ("journalist", "MED"), ("actress", None),
    ("", None),
])
def test_sector_of_a_role(role, sector):
    assert _sector(role, words()["role_sector"]) == sector


STATE = Entity("gpe:ruritania", "Ruritania", "GPE", [], kb_id="RUS", code="RUS GOV")
CITY = Entity("gpe:moscow", "Moscow", "GPE", [])
REGION = Entity("gpe:ohio", "Ohio", "GPE", [])
FIRM = Entity("org:zenda-mining", "Zenda Mining", "ORG", [], code="ZMC BUS")
MOTHER = Entity("person:ada-lind", "Ada Lind", "PERSON", [], code="RUS GOV")
INFO = {STATE.id: EntityInfo("state", actor_id="RUS"), FIRM.id: EntityInfo("org")}


@pytest.mark.parametrize("roles, affiliation, code", [
    (["mayor"], CITY, "RUS GOV"),           # a city's leader: the country's government
    (["governor"], REGION, "USA GOV"),
    (["police chief"], CITY, "RUS COP"),
    (["chief executive"], STATE, "RUS GOV"),  # a state's chief executive is no business
    (["foreign minister"], STATE, "RUS GOV"),
    ([], STATE, None),                        # an actress of some nationality: no code
    (["singer"], STATE, None),
    (["son"], MOTHER, None),                  # never through another person
    ([], FIRM, "ZMC BUS"),
    (["mayor"], None, None),                  # no body named: left uncoded
])
def test_person_codes(roles, affiliation, code):
    person = Entity("person:x", "Tomas Quill", "PERSON", [], roles=roles,
                    affiliation=affiliation.id if affiliation else None)
    everyone = [person, STATE, CITY, REGION, FIRM, MOTHER]
    assert _person_code(person, everyone, INFO, words()["role_sector"]) == code


def test_the_mayor_of_a_city_is_coded_from_its_country(run):
    doc = run("Sergio Valdano, the mayor of Moscow, extended the lockdown on Monday.")
    person = next(e for e in doc.entities if e.name == "Sergio Valdano")
    assert person.code == "RUS GOV"


@pytest.mark.parametrize("text, party_name", [
    ("The Zenda Liberal Party won the vote. The party promised lower taxes.", "Zenda Liberal Party"),
])
def test_the_party_takes_up_a_party(run, text, party_name):
    party = next(e for e in run(text).entities if e.name == party_name)
    assert "The party" in [m.text for m in party.mentions]


def test_the_party_does_not_take_up_a_website(run):  # guarded false positive
    doc = run("Kessel Media interviewed the candidate. The party had chosen her in May.")
    assert not any(m.text == "The party" for e in doc.entities for m in e.mentions)
