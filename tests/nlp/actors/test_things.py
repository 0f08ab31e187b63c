"""Mentions that name works, products and families, not actors (issue 14, "Actors"). Every
sentence is written for these tests."""
from __future__ import annotations

from newsgraph.model import Entity, Mention
from newsgraph.nlp.actors.things import drop_title_mentions, family_mention, kind_of_thing, split_things


def mention(doc, text, occurrence=1):
    at = -1
    for _ in range(occurrence):
        at = doc.text.index(text, at + 1)
    return Mention(at, at + len(text), text)


def entity(doc, typ, name, *texts):
    return Entity(f"{typ.lower()}:{name.lower()}", name, typ, [mention(doc, t) for t in texts])


def test_a_name_after_a_work_noun_is_a_title(parsed):
    doc = parsed("She starred in the 1962 comedy Harbour Lights, opposite Tom Vell.")
    assert kind_of_thing(doc, mention(doc, "Harbour Lights"), []) == "WORK_OF_ART"
    assert kind_of_thing(doc, mention(doc, "Tom Vell"), []) is None


def test_a_person_after_a_work_noun_who_does_something_stays(parsed):
    doc = parsed("The novel Ada Lind wrote in prison sold well.")
    assert kind_of_thing(doc, mention(doc, "Ada Lind"), []) is None


def test_a_verb_like_work_noun_is_no_cue(parsed):
    doc = parsed("New figures show Zenda ahead of its neighbours.")
    assert kind_of_thing(doc, mention(doc, "Zenda"), []) is None


def test_names_inside_a_quoted_title_after_or_before_a_work_noun(parsed):
    doc = parsed('Her first hit was a song called "Marrow and Vell," and the "Kessel Nights" '
                 'album followed. Marrow said she was proud.')
    people = entity(doc, "PERSON", "Ilse Marrow", "Marrow")
    people.mentions.append(mention(doc, "Marrow", 2))
    kessel = entity(doc, "GPE", "Kessel", "Kessel")
    out = split_things(doc, [people, kessel])
    kinds = {(e.type, m.text, m.start) for e in out for m in e.mentions}
    assert ("PERSON", "Marrow", doc.text.index("Marrow said")) in kinds
    assert ("WORK_OF_ART", "Marrow", doc.text.index("Marrow")) in kinds
    assert ("WORK_OF_ART", "Kessel", doc.text.index("Kessel")) in kinds
    assert not any(e.type == "GPE" for e in out)


def test_a_title_goes_on_after_a_possessive_name(parsed):
    doc = parsed("She hosted the talk show Ada Lind's Best Friends for a year.")
    out = split_things(doc, [entity(doc, "PERSON", "Ada Lind", "Ada Lind's"),
                             entity(doc, "ORG", "Best Friends", "Best Friends")])
    assert {e.type for e in out} == {"WORK_OF_ART"}


def test_a_brand_before_a_model_number_is_a_product(parsed):
    doc = parsed("A Zenvo X40 van hit the wall. Later a new Kestrel 520 Max crashed. "
                 "The Zenda Party 2020 ticket and Zenvo itself said nothing.")
    assert kind_of_thing(doc, mention(doc, "Zenvo"), []) == "PRODUCT"
    assert kind_of_thing(doc, mention(doc, "Max"), []) == "PRODUCT"
    assert kind_of_thing(doc, mention(doc, "Zenda Party"), []) is None  # a year, no model
    zenvo = entity(doc, "ORG", "Zenvo", "Zenvo")
    zenvo.mentions.append(mention(doc, "Zenvo", 2))
    out = split_things(doc, [zenvo])
    assert {(e.type, len(e.mentions)) for e in out} == {("ORG", 1), ("PRODUCT", 1)}


def test_a_family_is_no_person(parsed):
    doc = parsed("Ada Lind was arrested. The Linds had moved twice, and the Vell family "
                 "said Lind was kind. Oskar Vell declined to comment.")
    surnames = frozenset({"lind", "vell"})
    assert family_mention(doc, mention(doc, "Linds"), surnames)
    assert family_mention(doc, mention(doc, "Vell", 1), surnames)
    assert not family_mention(doc, mention(doc, "Lind", 3), surnames)
    out = split_things(doc, [entity(doc, "ORG", "Linds", "Linds"),
                             entity(doc, "PERSON", "Ada Lind", "Ada Lind")])
    assert [e.name for e in out] == ["Ada Lind"]


def test_mentions_added_later_inside_a_quoted_title_go(parsed):
    doc = parsed('Ada Lind sang a song called "Lind Forever" in 1950.')
    lind = entity(doc, "PERSON", "Ada Lind", "Ada Lind")
    lind.mentions.append(Mention(doc.text.index("Lind Forever"), doc.text.index("Lind Forever") + 4, "Lind"))
    out = drop_title_mentions(doc, [lind])
    assert [m.text for m in out[0].mentions] == ["Ada Lind"]


def test_end_to_end_a_film_title_is_no_organisation(actors):
    doc = actors("Ada Lind was nominated for the 1961 romantic comedy Blue Harbour, opposite Tom Vell.")
    assert not any(m.text == "Blue Harbour" for e in doc.entities
                   if e.type in ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP") for m in e.mentions)
    assert any(e.name == "Ada Lind" and e.type == "PERSON" for e in doc.entities)


def test_a_family_mention_added_later_goes(parsed):
    doc = parsed("Ada Lind resigned. The Lind family said nothing.")
    lind = entity(doc, "PERSON", "Ada Lind", "Ada Lind")
    lind.mentions.append(mention(doc, "Lind", 2))
    out = drop_title_mentions(doc, [lind])
    assert [m.text for m in out[0].mentions] == ["Ada Lind"]


def test_a_model_year_and_maker_make_a_product_and_a_model_number_names_it_again(parsed):
    doc = parsed("The fire started in a recalled 2005 Kestrel Vela. A new Kestrel 520 Max "
                 "crashed, and the 520 Max was grounded.")
    assert kind_of_thing(doc, mention(doc, "Vela"), []) == "PRODUCT"
    first = entity(doc, "PERSON", "Max", "Max")
    first.mentions.append(mention(doc, "Max", 2))
    out = split_things(doc, [first])
    assert [(e.type, len(e.mentions)) for e in out] == [("PRODUCT", 2)]


def test_a_place_inside_a_named_event_is_no_mention(parsed):
    doc = parsed("She ran in the 2016 Ruritanian presidential election and in the 2019 "
                 "Zenda referendum. Ruritania voted.")
    assert kind_of_thing(doc, mention(doc, "Ruritanian"), []) == "EVENT"
    assert kind_of_thing(doc, mention(doc, "Zenda"), []) == "EVENT"
    assert kind_of_thing(doc, mention(doc, "Ruritania", 2), []) is None
    country = entity(doc, "GPE", "Ruritania", "Ruritanian")
    at = doc.text.index("Ruritania voted")
    country.mentions.append(Mention(at, at + len("Ruritania"), "Ruritania"))
    out = drop_title_mentions(doc, [country])
    assert [m.start for m in out[0].mentions] == [doc.text.index("Ruritania voted")]


def test_a_name_ending_a_longer_title_after_a_work_noun_is_part_of_it(parsed):
    doc = parsed("Ada Lind still lived there when the 2012 documentary Beware of Mr. Lind was "
                 "filmed. In the film Ada Lind wrote, Tom Vell sang.")
    assert kind_of_thing(doc, mention(doc, "Lind", 2), []) == "WORK_OF_ART"
    assert kind_of_thing(doc, mention(doc, "Ada Lind", 2), []) is None
    assert kind_of_thing(doc, mention(doc, "Tom Vell"), []) is None


def test_a_place_naming_a_unit_after_an_amount_is_no_mention(parsed):
    doc = parsed("Bail was set at 100,000 Zendan lari, about 40 billion Zenda gallons of water. "
                 "Zenda paid.")
    assert kind_of_thing(doc, mention(doc, "Zendan"), []) == "QUANTITY"
    assert kind_of_thing(doc, mention(doc, "Zenda", 2), []) == "QUANTITY"
    at = doc.text.index("Zenda paid")
    assert kind_of_thing(doc, Mention(at, at + 5, "Zenda"), []) is None
