"""Protection as aid and coordinated party modifiers, on sentences written for these tests
(fictional countries; not taken from any gold set or corpus document). Each test fails
without the rule it names: ``events.protection`` (CAMEO 074 -> PLOVER AID) and
``events.args.coordinated_parties``."""
from __future__ import annotations

import pytest



def only(doc, etype):
    found = [e for e in doc.events if e.event == etype]
    assert len(found) == 1, [(e.event, e.event_text) for e in doc.events]
    return found[0]


def texts(parts):
    return [p["text"] for p in parts]


# ---------------------------------------------------------------- protection as aid

@pytest.mark.parametrize("text, protector, protected", [
    ("The rebel commanders remain under the protection of Ruritania.", "Ruritania",
     "rebel commanders"),
    ("The exiled ministers live under Freedonian protection.", "Freedonian", "ministers"),
    ("Freedonia's protection of the Ruritanian rebels angered the government.", "Freedonia",
     "Ruritanian rebels"),
    ("Ruritania provides protection to the rebel leaders.", "Ruritania", "rebel leaders"),
    ("Freedonia offered protection to the Ruritanian dissidents.", "Freedonia",
     "Ruritanian dissidents"),
    ("Freedonia provided the rebels with protection.", "Freedonia", "rebels"),
    # the protected ones, not the threat they are protected from
    ("Ruritanian troops protected the refugees from the Freedonian militia.",
     "Ruritanian troops", "refugees"),
    ("The rebels, who are protected by Freedonia, refused to talk.", "Freedonia", "rebels"),
    ("The rebel leaders enjoy Freedonian protection.", "Freedonian", "rebel leaders"),
    # a possessive pronoun: the speaker who reports it
    ("Ruritania says the rebels are under its protection.", "Ruritania", "rebels"),
])
def test_protection_is_aid(coded, text, protector, protected):
    event = only(coded(text), "AID")
    assert any(protector in t for t in texts(event.actor)), texts(event.actor)
    assert any(protected in t for t in texts(event.recipient)), texts(event.recipient)
    assert event.context == ["peacekeeping"] and event.mode is None


def test_protection_keeps_attribution_and_factuality(coded):
    doc = coded('A Freedonian envoy said, "We think the militia chiefs are still under '
                'Ruritanian protection."')
    event = only(doc, "AID")
    assert texts(event.actor) == ["Ruritanian"]
    assert any("militia chiefs" in t for t in texts(event.recipient))
    assert event.attributed_to and "Freedonia" in event.attributed_to, event.attributed_to
    assert event.factuality == "asserted"
    negated = only(coded("The guerrilla chiefs are not under Freedonian protection."), "AID")
    assert negated.factuality == "negated"


def test_coordinated_protectors(coded):
    event = only(coded("Officials said the rebels are under Ruritanian and Freedonian "
                       "protection."), "AID")
    assert texts(event.actor) == ["Ruritanian", "Freedonian"], texts(event.actor)


def test_ending_protection_is_a_sanction(coded):
    event = only(coded("Ruritania withdrew its protection of the rebel leaders."), "SANCTION")
    assert event.mode == "discontinue"
    assert any("rebel leaders" in t for t in texts(event.recipient))
    assert not [e for e in coded("Ruritania withdrew its protection of the rebel "
                                 "leaders.").events if e.event in ("AID", "RETREAT")]


@pytest.mark.parametrize("text", [
    "The Ruritanian parliament passed a new data protection law.",
    "Freedonia's environmental protection agency fined the company.",
    "The umbrella provided protection from the rain.",
    "The witness protection program moved the family to Freedonia.",
    # a domain premodifier: the kind of protection, though both sides are parties
    "The Ruritanian government's data protection for students is weak.",
    "The new law protects journalists.",
    "Ruritania has the right to protect itself.",
    "Environmental protection is a priority for the Ruritanian government.",
    # a pronoun nothing resolves names no party
    "Ruritania called its protection of the rebels a duty.",
])
def test_protection_without_two_parties_is_no_aid(coded, text):
    doc = coded(text)
    assert not [e for e in doc.events if e.event == "AID" or "protect" in e.event_text], \
        [(e.event, e.event_text) for e in doc.events]


def test_promised_protection_folds_into_agree(coded):
    doc = coded("Ruritania vowed to protect the Kurdish villagers.")
    assert [e.event for e in doc.events] == ["AGREE"]


# ---------------------------------------------------------------- coordinated modifiers

@pytest.mark.parametrize("text, etype, role, expected", [
    ("The Ruritanian and Freedonian forces are unlikely to withdraw from the valley.",
     "RETREAT", "actor", ["ruritanian", "freedonian"]),
    ("British and French troops attacked the rebel base.", "ASSAULT", "actor",
     ["british", "french"]),
    ("Russian and Chinese diplomats rejected the proposal.", "REJECT", "actor",
     ["russian", "chinese"]),
    ("The rebels attacked Iranian and Iraqi soldiers near the border.", "ASSAULT",
     "recipient", ["iranian", "iraqi"]),
    ("The US and NATO forces will pull out of the province.", "RETREAT", "actor",
     ["us", "nato"]),
])
def test_coordinated_party_modifiers_are_all_participants(coded, text, etype, role, expected):
    event = only(coded(text), etype)
    parts = getattr(event, role)
    entities = [p["entity"] or "" for p in parts]
    for word in expected:
        assert any(word in e for e in entities), entities
    # the text and offsets stay a span of the document and keep the head noun
    doc_text = text
    for p in parts:
        assert doc_text[p["start"]:p["end"]] == p["text"]


def test_a_non_party_conjunct_is_not_split(coded):
    # "allied" is no party: the phrase stays one participant
    event = only(coded("The Ruritanian and allied troops attacked the rebel base."), "ASSAULT")
    assert len(event.actor) == 1, texts(event.actor)
