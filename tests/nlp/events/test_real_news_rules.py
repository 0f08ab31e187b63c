"""Rules for events that are right on real news (issue 18): senses, states and non-parties,
on sentences written for these tests (fictional names; not taken from any gold set or corpus
document). Each test fails without the rule it names."""
from __future__ import annotations

import pytest


def types(doc):
    return [(e.event, e.mode, e.event_text) for e in doc.events]


def texts(parts):
    return [p["text"] for p in parts]


# ---------------------------------------------------------------- standing description

@pytest.mark.parametrize("text, absent", [
    ("The mayor, who is backed by the ruling party, denied the report.", "SUPPORT"),
    ("Ruritania, which Zenda does not recognize, sent a letter.", "REJECT"),
    ("The charity, which provides food to refugees, opened a new office.", "AID"),
    ("The group that opposes the government hired a lawyer.", "ACCUSE"),
])
def test_present_relative_clause_is_a_state(coded, text, absent):
    doc = coded(text)
    assert absent not in [e.event for e in doc.events], types(doc)


def test_past_relative_clause_stays_an_event(coded):
    doc = coded("The rebels, who attacked the town last week, fled into the hills.")
    assert [e.event for e in doc.events] == ["ASSAULT"], types(doc)
    assert texts(doc.events[0].actor) == ["rebels"]


# ---------------------------------------------------------------- ability, right, chance

@pytest.mark.parametrize("text", [
    "She has the ability to support the new rules.",
    "They had the chance to meet the president.",
    "The envoy has the power to condemn the decision.",
])
def test_infinitive_on_an_ability_noun_is_no_event(coded, text):
    doc = coded(text)
    assert doc.events == [], types(doc)


def test_plan_to_act_stays(coded):
    doc = coded("Ruritania announced a plan to withdraw its troops.")
    assert [e.event for e in doc.events] == ["RETREAT"], types(doc)


# ---------------------------------------------------------------- verbal attack

@pytest.mark.parametrize("text", [
    "The senator attacked the president in a series of tweets.",
    "The senator attacked the president's decision to close the embassy.",
    "The senator attacked the president over his handling of the crisis.",
    "The minister attacked the newspaper for publishing the photos.",
    "The senator publicly attacked the mayor, saying he had lied.",
])
def test_attack_in_words_is_accuse(coded, text):
    doc = coded(text)
    assert doc.events and doc.events[0].event == "ACCUSE", types(doc)
    assert doc.events[0].mode == "disapprove"
    assert "ASSAULT" not in [e.event for e in doc.events]


@pytest.mark.parametrize("text", [
    "Gunmen attacked the president's convoy on Monday.",
    "Protesters attacked police officers during the march.",
    "Militants attacked the base in a series of raids.",
])
def test_physical_attack_stays_assault(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events][:1] == ["ASSAULT"], types(doc)


# ---------------------------------------------------------------- shared view

@pytest.mark.parametrize("text", [
    "Not everyone agreed there should be another referendum.",
    "Most experts agreed that the economy is weak.",
])
def test_agreeing_with_a_view_is_no_agree(coded, text):
    doc = coded(text)
    assert "AGREE" not in [e.event for e in doc.events], types(doc)


@pytest.mark.parametrize("text", [
    "The two countries agreed that they would withdraw their troops.",
    "Ruritania and Zenda agreed that talks should resume in May.",
    "They agreed that the border would be open to trade.",
])
def test_agreeing_on_an_act_stays_agree(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events][:1] == ["AGREE"], types(doc)


# ---------------------------------------------------------------- standing permission

@pytest.mark.parametrize("text", [
    "The ministry is allowed to provide the licence while the case is decided.",
    "Ruritania allows its citizens more freedom than Zenda.",
])
def test_present_permission_is_a_state(coded, text):
    doc = coded(text)
    assert "CONCEDE" not in [e.event for e in doc.events], types(doc)


def test_past_permission_stays_an_event(coded):
    doc = coded("The government allowed foreign journalists to enter the region.")
    assert [e.event for e in doc.events] == ["CONCEDE"], types(doc)
    assert texts(doc.events[0].recipient) == ["foreign journalists"]


# ---------------------------------------------------------------- vehicles and illnesses

@pytest.mark.parametrize("text", [
    "The cyclist was struck by a car on the main road.",
    "Jim Moss, a 19-year-old motorcyclist, was struck by a Ford Fiesta driving on the wrong "
    "side of the road.",
    "COVID-19 has killed more than 1,000 people in Zenda.",
])
def test_vehicle_or_illness_is_no_attacker(coded, text):
    doc = coded(text)
    assert "ASSAULT" not in [e.event for e in doc.events], types(doc)


@pytest.mark.parametrize("text", [
    "Gunmen attacked a bus carrying pilgrims.",
    "The soldier was shot by a sniper.",
])
def test_attack_on_or_by_a_party_stays(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events][:1] == ["ASSAULT"], types(doc)


# ---------------------------------------------------------------- non-party actors

@pytest.mark.parametrize("text", [
    "The new policy restricts protesters from entering the square.",
    "The decision barred journalists from the court.",
])
def test_plan_or_decision_is_no_actor(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events] == ["COERCE"], types(doc)
    assert doc.events[0].actor == []
    assert doc.events[0].recipient, types(doc)


def test_weapon_stays_actor(coded):
    doc = coded("A bomb exploded in the market, killing five people.")
    assert texts(doc.events[0].actor) == ["bomb"], types(doc)


# ---------------------------------------------------------------- prevented act

@pytest.mark.parametrize("text, absent", [
    ("The law aims to prevent protesters from blocking roads.", "PROTEST"),
    ("The measure is designed to stop rebels from attacking villages.", "ASSAULT"),
    ("Police prevented the protesters from marching to parliament.", "PROTEST"),
])
def test_act_prevented_is_no_event(coded, text, absent):
    doc = coded(text)
    assert absent not in [e.event for e in doc.events], types(doc)


def test_the_prevention_stays(coded):
    doc = coded("Police prevented the protesters from marching to parliament.")
    assert [e.event for e in doc.events] == ["COERCE"], types(doc)


# ---------------------------------------------------------------- document content

@pytest.mark.parametrize("text, absent", [
    ("The agreement would allow Ruritania to deploy troops in Zenda.", "CONCEDE"),
    ("The proposal would have granted amnesty to the rebels.", "CONCEDE"),
    ("The agreement allows Ruritania to deploy troops in Zenda.", "CONCEDE"),
    ("The bill bans companies from exporting weapons.", "COERCE"),
])
def test_what_a_document_would_do_is_no_event(coded, text, absent):
    doc = coded(text)
    assert absent not in [e.event for e in doc.events], types(doc)


def test_a_resolution_demand_stays(coded):
    doc = coded("The resolution demands that Zenda withdraw its troops.")
    assert [e.event for e in doc.events] == ["REQUEST"], types(doc)


# ---------------------------------------------------------------- definitions, visits, notices

def test_conjunct_of_a_present_relative_clause_is_a_state(coded):
    doc = coded("The group defines incidents where three or more people are killed or "
                "injured by gunfire as massacres.")
    assert doc.events == [], types(doc)


def test_visiting_a_place_named_by_a_relative_clause_is_no_consult(coded):
    doc = coded("The girls died at a museum the group was visiting in Zenda.")
    assert "CONSULT" not in [e.event for e in doc.events], types(doc)


def test_visiting_a_person_stays_consult(coded):
    doc = coded("The president, whom the envoy was visiting, fell ill.")
    assert [e.event for e in doc.events] == ["CONSULT"], types(doc)


def test_agentless_advice_is_a_notice(coded):
    doc = coded("Travellers were advised to contact their airlines.")
    assert doc.events == [], types(doc)


@pytest.mark.parametrize("text", [
    "Residents were advised by police to stay indoors.",
    "The minister advised Zenda to withdraw its troops.",
])
def test_advice_by_a_party_stays_request(coded, text):
    doc = coded(text)
    assert [e.event for e in doc.events] == ["REQUEST"], types(doc)


# ---------------------------------------------------------------- modifiers and offices

def test_participle_coordinated_with_an_adjective_is_no_trigger(coded):
    doc = coded("She was one of the most distinguished and honored scientists in the world.")
    assert doc.events == [], types(doc)


def test_taking_over_an_office_is_no_seizure(coded):
    doc = coded("If the president is incapacitated, the vice president could take over the "
                "duties of president.")
    assert "COERCE" not in [e.event for e in doc.events], types(doc)


def test_taking_over_a_city_stays_coerce(coded):
    doc = coded("Rebels took over the city on Monday.")
    assert [(e.event, e.mode) for e in doc.events] == [("COERCE", "seize")], types(doc)


# ---------------------------------------------------------------- people before places

@pytest.mark.parametrize("text, recipient", [
    ("The mayor thanked volunteers across London.", ["volunteers"]),
    ("The governor praised firefighters in Zenda.", ["firefighters"]),
])
def test_people_acted_on_before_a_place(coded, text, recipient):
    doc = coded(text)
    assert [e.event for e in doc.events] == ["SUPPORT"], types(doc)
    assert texts(doc.events[0].recipient) == recipient


def test_forces_moved_are_no_recipient(coded):
    doc = coded("Ruritania mobilized army reservists for a possible war against Zenda.")
    assert doc.events and doc.events[0].event == "MOBILIZE", types(doc)
    assert "army reservists" not in texts(doc.events[0].recipient)


# ---------------------------------------------------------------- hometown modifier

def test_hometown_of_an_individual_is_not_the_party(coded):
    doc = coded("Police arrested a 36-year-old Cheltenham man on Tuesday.")
    rec = doc.events[0].recipient
    assert rec and rec[0]["entity"] is None, rec
    assert rec[0]["text"] == "36-year-old Cheltenham man"


def test_police_of_a_state_keep_the_state(coded):
    doc = coded("Zenda police arrested two Ruritanian soldiers.")
    assert doc.events[0].actor[0]["entity"] == "gpe:zenda", doc.events[0].actor


# ---------------------------------------------------------------- endorsement withheld

def test_not_endorsing_a_party_is_no_refusal(coded):
    doc = coded("He did not endorse the senator in the primary.")
    assert [(e.event, e.factuality) for e in doc.events] == [("SUPPORT", "negated")], types(doc)


def test_not_accepting_a_proposal_stays_reject(coded):
    doc = coded("Zenda did not accept the proposal.")
    assert [e.event for e in doc.events] == ["REJECT"], types(doc)


# ---------------------------------------------------------------- a body's own business

def test_agentless_suspension_of_a_legislature_is_no_sanction(coded):
    doc = coded("Zenda's parliament was suspended indefinitely after the prime minister's death.")
    assert "SANCTION" not in [e.event for e in doc.events], types(doc)


def test_a_legislature_suspended_by_a_party_stays(coded):
    doc = coded("Parliament was suspended by the king.")
    assert [e.event for e in doc.events] == ["SANCTION"], types(doc)


# ---------------------------------------------------------------- event nouns with a named party

@pytest.mark.parametrize("text, etype, actor", [
    ("Voters will go to the polls after the resignation of Senator John Marrow.", "RETREAT",
     "Senator John Marrow"),
    ("The judge heard a lawsuit filed by the Zenda council over the new road.", "ACCUSE",
     "Zenda council"),
])
def test_event_noun_with_a_named_party_is_coded(coded, text, etype, actor):
    doc = coded(text)
    assert [e.event for e in doc.events] == [etype], types(doc)
    assert texts(doc.events[0].actor) == [actor]


def test_event_noun_of_a_description_stays_uncoded(coded):
    doc = coded("Voters will go to the polls after the resignation of the senator.")
    assert doc.events == [], types(doc)


# ---------------------------------------------------------------- wishes, instructions, illnesses

@pytest.mark.parametrize("text", [
    "May God protect the families of the victims.",
    "For more stories, please visit our front page.",
    "SARS-CoV-2 has killed more than 1,000 people.",
])
def test_no_act_of_a_party(coded, text):
    doc = coded(text)
    assert doc.events == [], types(doc)


# ---------------------------------------------------------------- verdicts in speech

@pytest.mark.parametrize("text, etype, recipient", [
    ('Senator Ada Lind called the prime minister\'s proposed deal "lousy".', "ACCUSE",
     "prime minister"),
    ('Sam Wang called Ivo Marrow "an incomparable mathematician and a kind neighbour".',
     "SUPPORT", "Ivo Marrow"),
    ('The senator described the governor as "a disgrace to the office".', "ACCUSE", "governor"),
    ('The astronomer tweeted that Ivo Marrow "was a warm and gentle soul".', "SUPPORT",
     "Ivo Marrow"),
])
def test_praise_and_criticism_in_speech(coded, text, etype, recipient):
    doc = coded(text)
    assert [e.event for e in doc.events] == [etype], types(doc)
    assert texts(doc.events[0].recipient) == [recipient]


@pytest.mark.parametrize("text", [
    'The minister called the ambassador on Monday.',        # a phone call, no judgement
    'The report said the weather was terrible.',            # the weather is no party
    'She said it was "a sad day for the city".',            # a situation
    'The diplomats called the agreement "null and void".',  # no polarity VADER can tell
])
def test_no_verdict(coded, text):
    assert not any(e.event in ("SUPPORT", "ACCUSE") for e in coded(text).events), types(coded(text))


# ---------------------------------------------------------------- running mates and nominees

@pytest.mark.parametrize("text, actor, recipient", [
    ("The senator selected the teacher Amar Patel as her running mate.", "senator",
     "teacher Amar Patel"),
    ("In 2008, Sarah Palin was chosen by John McCain as his running mate.", "John McCain",
     "Sarah Palin"),
])
def test_choosing_a_running_mate_is_support(coded, text, actor, recipient):
    doc = coded(text)
    assert [e.event for e in doc.events] == ["SUPPORT"], types(doc)
    assert texts(doc.events[0].actor) == [actor] and texts(doc.events[0].recipient) == [recipient]


def test_choosing_a_thing_is_no_event(coded):
    assert coded("She chose a red dress for the gala.").events == []


# ---------------------------------------------------------------- reduced relatives, light verbs, spans of time

@pytest.mark.parametrize("text, etype, actor", [
    ("The shutdown came during the martial law imposed by President Ivo Marrow in 1972.",
     "COERCE", "President Ivo Marrow"),
    ("The sanctions imposed by Ruritania hurt the economy of Zenda.", "SANCTION", "Ruritania"),
    ("Thailand will implement a curfew between 10 p.m. and 4 a.m.", "COERCE", "Thailand"),
])
def test_a_verb_and_its_object_in_other_forms(coded, text, etype, actor):
    doc = coded(text)
    assert [e.event for e in doc.events] == [etype], types(doc)
    assert texts(doc.events[0].actor) == [actor]


def test_an_event_noun_measured_in_time_happened(coded):
    doc = coded("The vote comes after weeks of protests against the new law.")
    assert [e.event for e in doc.events] == ["PROTEST"], types(doc)
