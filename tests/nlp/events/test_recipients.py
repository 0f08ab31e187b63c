"""Event recipients and conditional cues on sentences written for these tests (not taken from
any gold set or corpus document): each test exercises one rule of ``events.recipients`` or
``factuality`` and fails without it."""
from __future__ import annotations

import pytest



def first(doc, etype):
    found = [e for e in doc.events if e.event == etype]
    assert found, [(e.event, e.event_text) for e in doc.events]
    return found[0]


def recipient_texts(event):
    return [r["text"] for r in event.recipient]


# ---------------------------------------------------------------- recipients

@pytest.mark.parametrize("text, etype, expected", [
    # two groups that share a nationality premodifier are different parties
    ("Ruritanian police seized rifles from Ruritanian armed groups in the capital.",
     "COERCE", "Ruritanian armed groups"),
    # a complement subject that is no party: the party named inside it
    ("Ruritania demanded that its NATO partners refuse to arm the militia.", "REQUEST", "NATO"),
    # the "that"-clause of a content noun taken as a prepositional object
    ("The union insisted on its demand that the Ruritanian government raise wages.",
     "REQUEST", "Ruritanian government"),
    # the complement of the complement ("refused to allow X to ...")
    ("The militia refused to allow Red Cross trucks to enter the camp.", "REJECT", "Red Cross"),
    # "deploy/send X": X are the actor's own people, the place is the recipient
    ("Freedonia refused to deploy soldiers in Ruritania.", "REJECT", "Ruritania"),
    # who is to withdraw is the one asked
    ("The council demanded the withdrawal of Ruritanian troops from Freedonia.",
     "REQUEST", "Ruritanian troops"),
    # "in defiance of X" names the one protested against
    ("Thousands of students marched through the capital in defiance of the Ruritanian "
     "authorities.", "PROTEST", "Ruritanian authorities"),
    # a nominal protest "against" a non-party phrase: the party named inside it
    ("Student protests against Ruritanian government policies continued for a week.",
     "PROTEST", "Ruritanian"),
    # a named apposition right after a common noun object
    ("The junta ordered the opposition radio station Radio Libertad to stop broadcasting.",
     "REQUEST", "Radio Libertad"),
])
def test_recipient_patterns(coded, text, etype, expected):
    event = first(coded(text), etype)
    assert expected in recipient_texts(event), recipient_texts(event)


def test_deployed_people_are_not_the_recipient(coded):
    event = first(coded("Freedonia refused to deploy soldiers in Ruritania."), "REJECT")
    assert "soldiers" not in recipient_texts(event)


def test_place_fallback_takes_a_region(coded):
    # a LOC entity (a region) is a place the act is aimed at, like a country or city
    doc = coded("The governor threatened to impose a curfew in the Rift Valley.")
    event = first(doc, "THREATEN")
    assert any("Rift Valley" in t for t in recipient_texts(event)), recipient_texts(event)


def test_nothing_inside_the_actor_phrase_is_the_recipient(coded):
    # "Rebels in Freedonia": Freedonia belongs to the actor, not to the one acted on
    event = first(coded("Rebels in Freedonia staged a protest on Monday."), "PROTEST")
    assert not any("Freedonia" in t for t in recipient_texts(event)), recipient_texts(event)


# ---------------------------------------------------------------- letters and appeals

@pytest.mark.parametrize("text, expected", [
    ("The union sent a letter to the Ruritanian government and urged an end to the curfew.",
     "Ruritanian government"),
    ("In a letter to the prime minister, the farmers urged lower taxes.", "prime minister"),
    ("The rebels wrote to the prime minister urging an end to the curfew.", "prime minister"),
    ("The union published a letter to the mayor calling for higher wages.", "mayor"),
])
def test_letter_addressee_is_the_recipient(coded, text, expected):
    event = first(coded(text), "REQUEST")
    assert any(expected in t for t in recipient_texts(event)), recipient_texts(event)


@pytest.mark.parametrize("text, expected", [
    ("The Ruritanian opposition appealed to the United Nations for help.", "United Nations"),
    ("The minister asked the European Union to lift the embargo.", "European Union"),
    ("The bishops urged Freedonia to free the prisoners.", "Freedonia"),
])
def test_appeal_addressee_is_the_recipient(coded, text, expected):
    event = first(coded(text), "REQUEST")
    assert any(expected in t for t in recipient_texts(event)), recipient_texts(event)


def test_finite_verb_parsed_as_noun_modifier_keeps_its_subject(coded):
    # spaCy attaches "called" to the root noun "envoy"; a finite verb still has it as subject
    event = first(coded("The envoy called on Freedonia to release the hostages."), "REQUEST")
    assert [a["text"] for a in event.actor] == ["envoy"]


# ---------------------------------------------------------------- conditional cues

@pytest.mark.parametrize("text, etype", [
    ("The government will lift the curfew provided that the protesters go home.", "RETREAT"),
    ("The army will withdraw from the valley provided the rebels disarm.", "RETREAT"),
    ("The army will withdraw as long as the rebels respect the truce.", "RETREAT"),
    ("The rebels agreed to free the hostages on the condition that the government releases "
     "prisoners.", "AGREE"),
])
def test_condition_phrase_makes_the_event_conditional(coded, text, etype):
    assert first(coded(text), etype).factuality == "conditional"


@pytest.mark.parametrize("text, trigger", [
    # what the condition phrase names has not happened either
    ("Ruritania released ten prisoners in exchange for Freedonia freeing two soldiers.",
     "freeing"),
    ("The deal lifts the sanctions in return for the junta agreeing to hold elections.",
     "agreeing"),
    ("The rebels agreed to free the hostages on the condition that the government releases "
     "prisoners.", "releases"),
])
def test_condition_content_is_conditional(coded, text, trigger):
    doc = coded(text)
    events = [e for e in doc.events if e.event_text.split()[0] == trigger]
    assert events, [(e.event, e.event_text) for e in doc.events]
    assert events[0].factuality == "conditional"


def test_real_providing_is_no_condition(coded):
    doc = coded("The United States helped Israel, providing arms and money.")
    assert first(doc, "AID").factuality == "asserted"


def test_a_party_noun_named_by_its_nationality_comes_before_prepositional_names(coded):
    doc = coded("Athens expelled the Libyan ambassador to Greece over the agreement.")
    assert [p["text"] for p in doc.events[0].recipient] == ["Libyan ambassador"]
