"""Sense checks (``events.senses``), event checks (``events.event_checks``), one record per
event (``events.repeats``) and the lexicon entries added with them, on sentences written for
these tests (fictional countries and people; not taken from any gold set or corpus
document). Each "no event" case is a false positive the rule guards against; each "still an
event" case is the sense the rule must keep."""
from __future__ import annotations

import pytest


def types(doc):
    return [(e.event, e.mode, e.event_text) for e in doc.events]


def events_of(doc, etype):
    return [e for e in doc.events if e.event == etype]


def texts(parts):
    return [p["text"] for p in parts]


# ---------------------------------------------------------------- no PLOVER event

@pytest.mark.parametrize("text, rule", [
    # step "verb": the trigger is used in another sense
    ("The minister sought to explain the new tax rules to farmers.", "seek to attempt"),
    ("The broadcaster signed off at midnight.", "sign sense"),
    ("The governor signed an executive order on Monday.", "sign sense"),
    ("The two ministries met the deadline for the report.", "meeting a thing"),
    ("The band disbanded in 1990.", "routine dissolution"),
    ("The president dissolved parliament and called an election.", "routine dissolution"),
    ("The study found no evidence to support the claim.", "unsupported object"),
    ("The senators supported the claim.", "unsupported object"),
    ("The ministry denied the allegations.", "denial"),
    ("The agency released a statement on Tuesday.", "information release"),
    ("The names of the victims were released.", "information release"),
    ("The nurses prevented the spread of the disease.", "thing prevented"),
    ("The mayor said the police were fighting corruption.", "thing fought"),
    ("The old boiler exploded in the basement.", "self explosion"),
    ("The company accepted responsibility for the spill.", "admission"),
    ("The suspect pleaded guilty to fraud.", "admission"),
    ("The senators voted for the bill, as opposed to the governors.", "as opposed to"),
    ("The pilot flew the senator to Paris.", "transport"),
    ("The envoy said it was not much to ask.", "bare ask"),
    ("The party mobilized its supporters.", "non-military mobilization"),
    ("The president took to social media to announce the result.", "lexicon: take street"),
    ("The minister expressed his condolences to the families of the victims.",
     "lexicon: no condolences (guide 12.1)"),
    # step "event": the clause or the parties make it none
    ("How will the minister work with the opposition?", "question"),
    ("Will Ruritania withdraw its troops from the border?", "question"),
    ("The federation has always condemned violence.", "habitual"),
    ("The governor has a poor understanding of the budget.", "cognitive sense"),
    ("A fire killed five people in the old town.", "natural cause"),
    ("The earthquake injured dozens of villagers.", "natural cause"),
    ("The weather service issued a flood warning for the coast.", "natural cause"),
    ("The crash was investigated by the transport police.", "natural cause"),
    ("The proposed law would allow the police to detain suspects for a week.", "thing actor"),
    ("The minister spoke to reporters after the vote.", "consult counterpart"),
    ("The Ruritanian minister spoke to the press in Zenda.", "consult counterpart"),
    ("The senator discussed her background.", "consult counterpart"),
    ("The mayor went to bed early.", "consult counterpart"),
    ("Five people were rescued from the river.", "emergency routine"),
    ("Residents evacuated before the storm.", "emergency routine"),
    ("The new order was cancelled.", "recipient required"),
    ("The company funded the search for the missing plane.", "recipient required"),
    ('The minister said, "I must tell you that the talks failed."', "prescription to nobody"),
    ("The judge said no two people should get married in secret.", "prescription to nobody"),
    ("The director said the name had to be short and, to avoid offence, it must not cite any "
     "place.", "thing actor"),
])
def test_no_plover_event(coded, text, rule):
    doc = coded(text)
    assert doc.events == [], (rule, types(doc))


@pytest.mark.parametrize("text, etype", [
    ("Freedonia sought to extradite the banker from Ruritania.", "REQUEST"),
    ("Ruritania and Freedonia signed a border treaty.", "SUPPORT"),
    ("The Ruritanian minister met the Freedonian envoy.", "CONSULT"),
    ("The court banned the opposition party.", "COERCE"),
    ("The council supported the mayor.", "SUPPORT"),
    ("Ruritania rejected the Freedonian proposal.", "REJECT"),
    ("The rebels released the hostages.", "RETREAT"),
    ("The police prevented the rally.", "COERCE"),
    ("The police prevented the journalists from entering the building.", "COERCE"),
    ("The army fought the rebels near the border.", "ASSAULT"),
    ("A bomb exploded in the market.", "ASSAULT"),
    ("The rebels exploded a car bomb in the market.", "ASSAULT"),
    ("Ruritania warned Freedonia of serious consequences.", "THREATEN"),
    ("The minister flew to Freedonia on Monday.", "CONSULT"),
    ("The army deployed troops along the border.", "MOBILIZE"),
    ("Rocket fire killed two soldiers near the border.", "ASSAULT"),
    ("Officials said the resolution demands a full withdrawal.", "REQUEST"),
    ("An attempt to assassinate the governor was foiled.", "ASSAULT"),
    ("The two leaders discussed the border dispute.", "CONSULT"),
    ("The Ruritanian minister discussed trade with his Freedonian counterpart.", "CONSULT"),
    ("The envoys have never visited the region.", "CONSULT"),
    ("The army evacuated the wounded soldiers.", "RETREAT"),
    ("Freedonia sent food aid to the flooded province.", "AID"),
    ("The minister said the rebels must release the hostages.", "REQUEST"),
    ("The miners staged a walkout in protest against the new tax.", "PROTEST"),
])
def test_the_plover_sense_stays(coded, text, etype):
    doc = coded(text)
    assert events_of(doc, etype), types(doc)


def test_purpose_clause_keeps_the_act_done(coded):
    doc = coded("The government sent troops to protect the border.")
    assert [e.event for e in doc.events] == ["MOBILIZE"], types(doc)
    doc = coded("The rebels launched an attack to punish the villagers.")
    assert [e.event for e in doc.events] == ["ASSAULT"], types(doc)


def test_how_to_is_no_event(coded):
    doc = coded("The hostages tried to figure out how to free themselves.")
    assert events_of(doc, "RETREAT") == [], types(doc)


# ---------------------------------------------------------------- retyped

@pytest.mark.parametrize("text, etype, mode", [
    ("The activist was jailed for contempt of court.", "SANCTION", "convict"),
    ("The police jailed the activist.", "COERCE", "arrest"),
    ("Police warned residents to stay indoors.", "REQUEST", None),
    ("The Supreme Court rejected the appeal.", "ACCUSE", "disapprove"),
])
def test_retyped(coded, text, etype, mode):
    doc = coded(text)
    assert [(e.event, e.mode) for e in doc.events] == [(etype, mode)], types(doc)


def test_a_council_rejecting_stays_reject(coded):
    doc = coded("The council rejected the mayor's proposal.")
    assert [e.event for e in doc.events] == ["REJECT"], types(doc)


# ---------------------------------------------------------------- lexicon entries

@pytest.mark.parametrize("text, etype, mode", [
    ("Thousands took to the streets of Zenda.", "PROTEST", "demo"),
    ("The mayor was awarded a medal by the city council.", "SUPPORT", None),
    ("The court acquitted the journalist.", "CONCEDE", None),
    ("The minister quit after the scandal.", "RETREAT", "resign"),
    ("The general instructed his troops to leave the town.", "REQUEST", None),
    ("The mayor extended the city lockdown until May.", "COERCE", "restrict"),
    ("The governor declared a state of emergency for the region.", "COERCE", "martial-law"),
    ("The two countries expressed their willingness to cooperate.", "AGREE", None),
    ("The court overturned the conviction of the journalist.", "CONCEDE", None),
    ("Britain relinquished control of the island to Ruritania.", "RETREAT", "return"),
    ("The court ruled against the government.", "ACCUSE", "disapprove"),
    ("The two presidents spoke by telephone on Friday.", "CONSULT", "phone"),
    ("A mass stabbing killed three people and injured two others.", "ASSAULT", "primitive"),
])
def test_lexicon_entries(coded, text, etype, mode):
    doc = coded(text)
    assert [(e.event, e.mode) for e in doc.events] == [(etype, mode)], types(doc)


def test_a_date_is_no_phrasal_preposition(coded):
    # "marched ... on Saturday" is no "march on"
    doc = coded("The protesters marched in Zenda on Saturday.")
    assert [e.event_text for e in doc.events] == ["marched"], types(doc)


# ---------------------------------------------------------------- roles

def test_framing_object_is_no_recipient(coded):
    ev = coded("The governor declared a state of emergency for the region.").events[0]
    assert not any("state of emergency" in t for t in texts(ev.recipient)), texts(ev.recipient)


def test_possessor_of_an_arrest_is_its_recipient(coded):
    ev = coded("The journalist's arrest angered the union.").events[0]
    assert (ev.event, texts(ev.actor), texts(ev.recipient)) == ("COERCE", [], ["journalist"])


def test_passive_conjunct_patient_is_the_recipient(coded):
    ev = coded("The singer recorded an album and was awarded a prize.").events[0]
    assert (ev.event, texts(ev.actor), texts(ev.recipient)) == ("SUPPORT", [], ["singer"])


def test_gerund_after_for_is_done_by_the_object(coded):
    doc = coded("The judge sentenced the couple for torturing their children.")
    torture = events_of(doc, "ASSAULT")[0]
    assert texts(torture.actor) == ["couple"], texts(torture.actor)


def test_city_premodifier_is_no_actor(coded):
    ev = coded("The Chicago shooting left three people dead.").events[0]
    assert ev.event == "ASSAULT" and ev.actor == [], ev.actor
    ev = coded("The Freedonian attack on the port killed two sailors.").events[0]
    assert texts(ev.actor) == ["Freedonian"]


# ---------------------------------------------------------------- one record per event

@pytest.mark.parametrize("text", [
    "The Ruritanian army shelled the port on Monday. The shelling destroyed the harbour.",
    "A gunman shot five shoppers in the mall. Three people were killed in the attack and "
    "two were injured.",
    "A mass stabbing killed three people and injured two others.",
    "Police arrested the mayor on Monday. The arrest came after a long investigation.",
    "The protesters marched in Zenda on Saturday, protesting the new tax.",
])
def test_mentions_of_one_event_make_one_record(coded, text):
    doc = coded(text)
    assert len(doc.events) == 1, types(doc)


@pytest.mark.parametrize("text", [
    "Police arrested the mayor on Monday. Police detained the mayor's driver on Friday.",
    "Police arrested two protesters. The army banned the march.",
    "The rebels kidnapped the envoy. The rebels tortured the envoy.",
])
def test_distinct_events_stay_apart(coded, text):
    doc = coded(text)
    assert len(doc.events) == 2, types(doc)


def test_a_repeat_gives_the_roles_the_first_record_lacked(coded):
    doc = coded("Unknown attackers shelled the port. Three sailors were killed in the attack.")
    assert len(doc.events) == 1, types(doc)
    assert "Three sailors" in texts(doc.events[0].recipient), doc.events[0].recipient


def test_casualties_name_the_attack_they_count(coded):
    doc = coded("Four teenagers were injured in the shooting.")
    assert doc.events and "shooting" in doc.events[0].event_text, types(doc)
