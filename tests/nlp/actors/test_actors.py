"""actors.v1: knowledge-base linking, codes, metonymy, offices, label fixes, user KBs."""
from __future__ import annotations

import pytest

from helpers import shared_path
from newsgraph.errors import NewsgraphError
from newsgraph.nlp.actors.stage import ActorStage
from newsgraph.nlp.entities import EntityStage, normal_name
from newsgraph.nlp.actors.kb import default_kb, load_kb


def by_kb(doc, kb_id):
    found = [e for e in doc.entities if e.kb_id == kb_id]
    assert len(found) <= 1, f"{kb_id} split over {[e.name for e in found]}"
    return found[0] if found else None


def mention_texts(entity):
    return [m.text for m in entity.mentions]


@pytest.mark.parametrize("text, surface, kb_id, code_prefix", [
    ("The US said on Monday it would send more aid.", "US", "USA", "USA"),
    ("The U.S. has criticised the decision.", "U.S.", "USA", "USA"),
    ("Officials in America were not consulted about the plan.", "America", "USA", "USA"),
    ("Negotiators from Pakistan met their counterparts in Geneva.", "Pakistan", "PAK", "PAK"),
    ("Analysts said Russia would veto the resolution.", "Russia", "RUS", "RUS"),
])
def test_country_names(actors, text, surface, kb_id, code_prefix):
    entity = by_kb(actors(text), kb_id)
    assert entity is not None and any(surface in t for t in mention_texts(entity))
    assert entity.code.startswith(code_prefix) and entity.type == "GPE"


@pytest.mark.parametrize("text, phrase, kb_id", [
    ("The Afghan government rejected the proposal on Sunday.", "Afghan government", "AFG"),
    ("Pakistani officials denied the report.", "Pakistani officials", "PAK"),
    ("The talks stalled after the Iranian delegation walked out.", "Iranian delegation", "IRN"),
    ("The Kabul administration welcomed the decision.", "Kabul administration", "AFG"),
    ("A letter was sent to the Biden administration last week.", "Biden administration", "USA"),
])
def test_government_phrases(actors, text, phrase, kb_id):
    entity = by_kb(actors(text), kb_id)
    assert entity is not None and phrase in mention_texts(entity)
    assert entity.code == f"{kb_id} GOV"


@pytest.mark.parametrize("text, surface, kb_id", [
    ("Moscow said the sanctions were illegal.", "Moscow", "RUS"),
    ("Beijing has rejected the accusation.", "Beijing", "CHN"),
])
def test_capitals_as_agents(actors, text, surface, kb_id):
    entity = by_kb(actors(text), kb_id)
    assert entity is not None and any(surface in t for t in mention_texts(entity))
    assert entity.code == f"{kb_id} GOV"


@pytest.mark.parametrize("text, surface, code", [
    ("The Kremlin declined to comment on the report.", "Kremlin", "RUS GOV"),
    ("The White House announced new sanctions on Friday.", "White House", "USA GOV"),
    ("Reporters waited outside the White House on Friday.", "White House", "USA GOV"),
])
def test_seats_of_power_are_buildings_coded_as_their_government(actors, text, surface, code):
    doc = actors(text)
    seat = [e for e in doc.entities if e.name == surface]
    assert seat and seat[0].type == "FAC" and seat[0].code == code
    assert not any(e.kb_id in ("USA", "RUS") for e in doc.entities)  # not merged into the state


def test_capital_as_a_place_stays_a_city(actors):
    doc = actors("The delegates flew to Moscow for a conference on trade.")
    assert by_kb(doc, "RUS") is None
    city = [e for e in doc.entities if e.name == "Moscow"]
    assert city and city[0].type == "GPE" and city[0].kb_id is None


@pytest.mark.parametrize("text, surface, kb_id, code", [
    ("The United Nations called for a ceasefire.", "United Nations", "UNO", "UNO IGO"),
    ("NATO said it would review its mission.", "NATO", "NATO", "NAT IGO"),
    ("The EU imposed new tariffs on steel.", "EU", "EU", "EUR IGO"),
    ("Fighters loyal to ISIS seized the town.", "ISIS", "IS", "ISI REB"),
    ("The attack was claimed by ISIL on Tuesday.", "ISIL", "IS", "ISI REB"),
    ("Daesh has lost most of its territory.", "Daesh", "IS", "ISI REB"),
    ("Al-Qaida leaders are believed to be hiding in the mountains.", "Al-Qaida", "AQ", "AQD REB"),
    ("Hezbollah fired rockets across the border.", "Hezbollah", "HEZBOLLAH", "HZB REB"),
    ("The Talibs captured two districts overnight.", "Talibs", "TAL", "TAL REB"),
    ("The FBI opened an investigation into the leak.", "FBI", "USA.FBI", "USA COP"),
    ("The KGB archive was opened to historians.", "KGB", "SUN.KGB", "SUN SPY"),
])
def test_organisations_and_groups(actors, text, surface, kb_id, code):
    entity = by_kb(actors(text), kb_id)
    assert entity is not None and any(surface in t for t in mention_texts(entity))
    assert entity.code == code


def test_aliases_of_one_actor_merge(actors):
    doc = actors("The United States and Iran met in Oman. The US delegation left early, "
                 "and Washington said the talks would resume.")
    usa = by_kb(doc, "USA")
    assert {"United States", "US", "Washington"} <= {normal_name(t) for t in mention_texts(usa)}
    assert usa.code == "USA GOV" and "US" in usa.aliases


@pytest.mark.parametrize("text, kb_id", [
    ("Ansar Allah fighters fired missiles at ships off the coast of Yemen near Hodeidah.", "HOUTHIS"),
    ("Ansarullah, a group of Tajik militants, operates in northern Afghanistan near the Tajikistan border.",
     "JAMAAT_ANSARULLAH"),
    ("Officials said Ansar-Allah is a Central Asian militant outfit.", "JAMAAT_ANSARULLAH"),
])
def test_shared_alias_is_chosen_by_context(actors, text, kb_id):
    doc = actors(text)
    other = {"HOUTHIS": "JAMAAT_ANSARULLAH", "JAMAAT_ANSARULLAH": "HOUTHIS"}[kb_id]
    assert by_kb(doc, kb_id) is not None and by_kb(doc, other) is None


@pytest.mark.parametrize("text, surface, label", [
    ("Analysts said Ansar-Allah had recruited dozens of fighters.", "Ansar-Allah", "ORG"),
    ("The Mujahidin fought the Soviet army for a decade.", "Mujahidin", "NORP"),
])
def test_kb_fixes_spacy_labels(actors, text, surface, label):
    doc = actors(text)
    owner = [e for e in doc.entities if surface in mention_texts(e)]
    assert owner and owner[0].type == label and owner[0].type != "PERSON"


def test_headline_phrase_is_not_an_organisation(actors):
    doc = actors("Troop Pullout And Border Tensions\n\nThe army withdrew two brigades on Monday.")
    assert not [e for e in doc.entities if "Pullout" in e.name]


def test_alias_heading_a_longer_name_links_it(actors):
    doc = actors("The 116th U.S. Congress passed the bill.")
    congress = by_kb(doc, "USA.CONGRESS")
    assert congress is not None and "The 116th U.S. Congress" in mention_texts(congress)


def test_unknown_actors_keep_spacy_spans(actors):
    text = "Zorvex Dynamics signed a contract with Marlow Industries in Ohio."
    doc = actors(text)
    plain = {(s.start_char, s.end_char, s.label_) for s in doc.nlp.ents}
    kept = {(m.start, m.end, e.type) for e in doc.entities for m in e.mentions}
    assert plain <= kept
    assert all(e.kb_id is None for e in doc.entities if e.type == "ORG")


@pytest.mark.parametrize("text, published, holder", [
    ("The Afghan first vice president accused the militants of the attack.", "2021-04-13", "Amrullah Saleh"),
    ("The US president will travel to Europe next week.", "2018-06-01", "Donald Trump"),
    ("The US president will travel to Europe next week.", "2022-06-01", "Joe Biden"),
    ("The UN secretary-general urged both sides to show restraint.", "2015-03-01", "Ban Ki-moon"),
])
def test_unnamed_office_resolves_to_holder_on_the_date(actors, text, published, holder):
    doc = actors(text, published)
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert [p.name for p in people] == [holder]
    assert people[0].roles and people[0].affiliation


def test_unnamed_office_outside_the_term_stays_unresolved(actors):
    doc = actors("The Afghan first vice president accused the militants of the attack.", "2019-01-10")
    assert not [e for e in doc.entities if e.type == "PERSON"]


def test_named_office_holder_gets_kb_role_and_code(actors):
    doc = actors("Zalmay Khalilzad met the delegation in Doha.", "2020-03-01")
    person = next(e for e in doc.entities if e.type == "PERSON")
    assert person.kb_id == "person:zalmay-khalilzad" and person.code == "USA GOV"
    assert any("afghanistan reconciliation" in r.lower() for r in person.roles)


def test_user_kb_file_adds_actors(tmp_path, actors):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {id: ZRX, name: Zorvex Liberation Front, type: ORG, code: ZRX REB,\n"
                    "     aliases: [Zorvex Liberation Front, ZLF], descriptors: [group]}\n")
    kb = load_kb([path])
    assert kb.actors["ZRX"].code == "ZRX REB" and "USA" in kb.actors
    doc = actors("The ZLF said it had freed the hostages.", actor_stage=ActorStage(kb))
    entity = by_kb(doc, "ZRX")
    assert entity is not None and entity.name == "Zorvex Liberation Front" and entity.type == "ORG"


def test_user_kb_office_and_bad_reference(tmp_path, actors):
    good = tmp_path / "office.yaml"
    good.write_text("actors:\n  - {id: ZRX, name: Zorvex Liberation Front, type: ORG, code: ZRX REB,"
                    " aliases: [Zorvex Liberation Front, ZLF]}\n"
                    "offices:\n  - {id: ZRX.LEADER, title: leader, owner: ZRX, titles: [leader],"
                    " holders: [{name: Ada Zorin, from: 2019-03-01}]}\n")
    doc = actors("The ZLF leader said the talks had failed.", "2020-01-05", ActorStage(load_kb([good])))
    person = next(e for e in doc.entities if e.type == "PERSON")
    assert person.name == "Ada Zorin" and person.code == "ZRX REB"
    bad = tmp_path / "bad.yaml"
    bad.write_text("metonyms:\n  - {alias: Nowhere Palace, country: QQQ}\n")
    with pytest.raises(NewsgraphError, match="QQQ"):
        load_kb([bad])


def test_kb_codes_are_consistent():
    import pycountry

    kb = default_kb()
    iso3 = {c.alpha_3 for c in pycountry.countries} | {"SUN"}
    for actor in kb.actors.values():
        if actor.kind == "country":
            assert actor.code == actor.id and actor.id in iso3
        elif actor.code:
            head, sector = actor.code.split(" ")
            assert sector.isupper() and len(sector) == 3
            assert head in iso3 if actor.kind == "agency" or head == actor.country else head not in iso3, actor
    for office in kb.offices.values():
        assert office.owner in kb.actors, office.id
        for holder in office.holders:
            assert holder.end is None or holder.start < holder.end


def test_matchers_are_built_once_per_vocab(parsed, stage):
    doc = parsed("NATO met in Brussels.")
    first = stage.matchers(doc.nlp.vocab)
    second = stage.matchers(parsed("The EU met too.").nlp.vocab)
    assert first[0] is second[0]


def test_seed_article_general_properties(parsed, stage):
    import datetime as dt

    from newsgraph.ingest.readers import IngestOptions, from_text

    path = shared_path("corpus", "seed", "2021-04-13-troop-pullout-editorial.txt")
    ingested = from_text(path.read_text(encoding="utf-8"), str(path),
                         IngestOptions(published=dt.date(2021, 4, 13)))
    doc = parsed(ingested.text, "2021-04-13")
    doc.body_start, doc.people = ingested.body_start, ingested.people
    EntityStage()(doc)
    stage(doc)
    ents = doc.entities
    assert len({e.id for e in ents}) == len(ents)
    linked = [e for e in ents if e.kb_id]
    assert len({(e.kb_id, e.type) for e in linked}) == len(linked)  # one entity per KB actor
    assert all(e.code for e in linked if e.type in ("ORG", "GPE"))
    assert all(doc.text[m.start:m.end] == m.text for e in ents for m in e.mentions)
    header = {p.name for p in ingested.people}
    people = [e for e in ents if e.type == "PERSON" and e.name not in header]
    assert len(people) >= 4 and all(p.roles and p.affiliation and p.code for p in people)
    title_end = doc.text.index("\n", doc.text.index("Troop"))
    assert not [e for e in ents if e.type == "ORG" and not e.kb_id
                and all(m.start < title_end for m in e.mentions)]


# --- actors v2 ---------------------------------------------------------------------------

def _with_title(parsed, stage, text):
    doc = parsed(text, "2021-05-03")
    doc.body_start = text.index("\n\n") + 2
    EntityStage()(doc)
    doc.provided.add("entities")
    stage(doc)
    return doc


def test_headline_name_confirmed_by_the_body_is_kept(parsed, stage):
    doc = _with_title(parsed, stage, "Apple opens new store in Oslo\n\n"
                      "The maker of the iPhone, Apple Inc., opened a store in Oslo on Monday.")
    assert any(m.start == 0 and m.text == "Apple" for e in doc.entities for m in e.mentions)


def test_title_case_headline_phrase_is_not_a_name(parsed, stage):
    doc = _with_title(parsed, stage, "Troop Pullout Begins In The North\n\n"
                      "The troop pullout began on Monday, officials said.")
    assert not any(m.start == 0 for e in doc.entities for m in e.mentions)


@pytest.mark.parametrize("text, phrase, is_government", [
    ("The Afghan team won a silver medal at the robotics contest in Washington.", "Afghan team", False),
    ("The Afghan team walked out of the peace talks in Doha.", "Afghan team", True),
])
def test_team_is_a_government_only_in_negotiations(actors, text, phrase, is_government):
    doc = actors(text)
    afg = by_kb(doc, "AFG")
    texts = mention_texts(afg) if afg is not None and afg.type == "GPE" else []
    assert (phrase in texts) is is_government
