"""Event-type rules (``events.rules.TYPE_RULES``) and lexicon entries (``data/event_*.yaml``),
on sentences written for these tests (fictional countries; not
taken from any gold set or corpus document). Each test fails without the rule or entry it
names."""
from __future__ import annotations

import pytest


def types(doc):
    return [(e.event, e.mode, e.event_text) for e in doc.events]


def find(doc, etype):
    found = [e for e in doc.events if e.event == etype]
    assert found, types(doc)
    return found[0]


def texts(parts):
    return [p["text"] for p in parts]


# ---------------------------------------------------------------- "call for X to do Y"

@pytest.mark.parametrize("text", [
    "Ruritania called for Freedonia to withdraw its troops from the border.",
    "The opposition pushed for the government to release the detained journalists.",
    "The council appealed for the rebels to lay down their arms.",
])
def test_for_clause_is_request(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events] == ["REQUEST"], types(doc)
    assert doc.events[0].factuality == "asserted"


def test_for_clause_recipient_is_clause_subject(coded):
    ev = find(coded("Ruritania called for Freedonia to withdraw its troops."), "REQUEST")
    assert "Freedonia" in texts(ev.recipient)
    assert texts(ev.actor) == ["Ruritania"]


# ---------------------------------------------------------------- military movement

@pytest.mark.parametrize("text", [
    "Hundreds of Ruritanian troops arrived in the border town on Monday.",
    "Freedonian warships arrived in the northern port.",
    "The first deployment of Ruritanian peacekeeping troops has arrived in the capital.",
])
def test_forces_arriving_are_mobilization(coded, text):
    doc = coded(text)
    assert "CONSULT" not in [e.event for e in doc.events], types(doc)
    assert find(doc, "MOBILIZE").mode == "troops"


def test_officials_arriving_still_visit(coded):
    doc = coded("The Ruritanian foreign minister arrived in Freedonia on Monday.")
    assert find(doc, "CONSULT").mode == "visit"


# ---------------------------------------------------------------- mobilize / help

def test_mobilizing_supporters_is_no_military_mobilization(coded):
    doc = coded("The party mobilized its supporters to help support the new constitution.")
    assert [e.event for e in doc.events] == ["SUPPORT"], types(doc)


def test_mobilizing_troops_still_mobilization(coded):
    doc = coded("Ruritania mobilized its troops along the border.")
    assert find(doc, "MOBILIZE")


def test_help_without_event_content_is_aid(coded):
    doc = coded("Freedonia helped rebuild the schools in the flooded province.")
    assert find(doc, "AID")


# ---------------------------------------------------------------- joint exercises

@pytest.mark.parametrize("text", [
    "Ruritanian and Freedonian warships launched ten days of war games in the gulf.",
    "The navies of Ruritania and Freedonia held joint exercises off the coast.",
    "Ruritania held military exercises with Freedonia last week.",
])
def test_joint_exercises_are_cooperation(coded, text):
    doc = coded(text)
    assert find(doc, "COOPERATE")
    assert "MOBILIZE" not in [e.event for e in doc.events], types(doc)


def test_single_side_exercises_stay_mobilization(coded):
    doc = coded("The Ruritanian army held large exercises near the border.")
    assert find(doc, "MOBILIZE")


def test_war_games_is_an_event_noun(coded):
    doc = coded("The Ruritanian navy staged war games in the gulf.")
    assert find(doc, "MOBILIZE")


# ---------------------------------------------------------------- ordered acts

@pytest.mark.parametrize("text, etype", [
    ("The governor ordered patrols by police in the old city.", "MOBILIZE"),
    ("The president ordered the release of the political prisoners.", "RETREAT"),
    ("The minister ordered an investigation into the shooting.", "ACCUSE"),
])
def test_ordered_event_noun_gives_type(coded, text, etype):
    doc = coded(text)
    assert doc.events and doc.events[0].event == etype, types(doc)


def test_order_with_clause_stays_request(coded):
    doc = coded("The general ordered the rebels to leave the town.")
    assert find(doc, "REQUEST")


# ---------------------------------------------------------------- refusals, expulsions

def test_out_of_the_question_is_reject(coded):
    doc = coded("Ruritania said that lifting the sanctions on Freedonia is out of the question.")
    assert find(doc, "REJECT")
    assert "RETREAT" not in [e.event for e in doc.events], types(doc)


def test_forced_out_organisation_is_expulsion(coded):
    doc = coded("Ruritania forced the aid agency out of the country.")
    ev = find(doc, "SANCTION")
    assert ev.mode == "expel"


@pytest.mark.parametrize("text", [
    "The army forced out more than 2,000 villagers from their homes.",
    "The militia expelled thousands of residents from the valley.",
])
def test_mass_expulsion_of_civilians_is_assault(coded, text):
    ev = find(coded(text), "ASSAULT")
    assert ev.mode == "cleansing"


def test_expelling_diplomats_stays_sanction(coded):
    ev = find(coded("Ruritania expelled two Freedonian diplomats."), "SANCTION")
    assert ev.mode == "expel"


# ---------------------------------------------------------------- lexicon entries

@pytest.mark.parametrize("text, etype, mode", [
    ("The agency dispatched inspectors to the plant to check the reactor.", "ACCUSE",
     "investigate"),
    ("The government received weapons inspectors from the agency.", "RETREAT", "access"),
    ("Ruritania allowed inspectors into the country.", "RETREAT", "access"),
    ("Rebels exploded a car bomb in the market.", "ASSAULT", "explosives"),
    ("The government curbed the activities of foreign newspapers.", "COERCE", "restrict"),
    ("The court barred the opposition leader from the election.", "COERCE", "ban"),
    ("Ruritania annexed the disputed island.", "COERCE", "seize"),
    ("The villagers resisted the new land law.", "REJECT", None),
    ("The rebels handed back the seized weapons.", "RETREAT", "return"),
    ("Freedonia expressed solidarity with the flood victims.", "SUPPORT", None),
    ("The prisoners began a hunger strike on Monday.", "PROTEST", "hunger"),
    ("The Ruritanian incursion into Freedonia began on Monday.", "ASSAULT", None),
])
def test_new_lexicon_entries(coded, text, etype, mode):
    doc = coded(text)
    assert doc.events, text
    ev = doc.events[0]
    assert (ev.event, ev.mode) == (etype, mode), types(doc)


def test_passive_conjunct_shares_subject(coded):
    doc = coded("The Ruritanian minister was charged by the court and will resign.")
    ev = find(doc, "RETREAT")
    assert texts(ev.actor) == ["Ruritanian minister"]


# ---------------------------------------------------------------- quoted prescriptions

def test_prescription_below_an_indirect_quote_keeps_its_reporter(coded):
    # the quotes stage marked the clause; the prescribed act ("help") sits below the
    # quoted clause's verb, and the reporting verb is still found above it
    from newsgraph.model import Quote

    text = ("The Ruritanian council concluded on Monday that Freedonia and other rich nations "
            "must allocate greater financial resources to help with the fight against the "
            "drought.")
    start = text.index("Freedonia")
    quote = Quote("q1", "indirect", text[start:-1], start, len(text) - 1, "concluded", None,
                  "The Ruritanian council")
    doc = coded(text, quotes=[quote])
    ev = find(doc, "REQUEST")
    assert "Ruritanian council" in texts(ev.actor)[0]
