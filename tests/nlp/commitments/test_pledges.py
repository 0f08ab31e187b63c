"""commitments.v1 beyond agreement provisions: a party's own statements of what it will do,
promise nouns, promise verbs with a clause or a noun, arrangements and obligations; and the
statements that are no commitment (plain futures, predictions, hopes, demands, acts done).

Every sentence here is invented for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.pipeline import build


@pytest.fixture(scope="module")
def run():
    pipe = build()

    def analyse(text: str, published: str = "2021-06-10"):
        doc = from_text(text, "<test>", IngestOptions(published=dt.date.fromisoformat(published)))
        return pipe(doc)

    return analyse


# (sentence, party id or None for a description, party text, action, deadline)
FOUND = [
    # a party's own statement, reported: the pronoun is the speaker
    ("Acme Corp said on Tuesday it would close the plant from July 1.",
     "org:acme-corp", "it", "close", "2021-07-01"),
    # the day of the statement is no deadline of the act
    ("Acme Corp said on Tuesday it would close the plant.", "org:acme-corp", "it", "close", None),
    ("General Motors announced that it will cut 5,000 jobs in Europe next year.",
     "org:general-motors", "it", "cut", "2022"),
    # "we" of a body in its own quote
    ('"We will release the prisoners by Friday," the Taliban said in a statement.',
     "org:taliban", "We", "release", "2021-06-11"),
    ('"We are ready to release the hostages," Hamas said.',
     "org:hamas", "We", "release", None),
    # "we" of a person who speaks for no named body: a description
    ('"We are going to rebuild every school," said President Joe Biden.',
     None, "We", "rebuild", None),
    # a body the speaker speaks for ("Norway's Foreign Minister X")
    ("Norway's Foreign Minister Ine Eriksen Soreide said the Norwegian government would send "
     "a rescue team to the island.", "gpe:norway", "the Norwegian government", "send", None),
    ("Ine Eriksen Soreide, Norway's foreign minister, said the Norwegian government would "
     "send a team to the island.", "gpe:norway", "the Norwegian government", "send", None),
    # an authority arranging an act with no agent, or a rule
    ("Governor Ann Ruiz declared that schools would be closed from Monday.",
     "person:ann-ruiz", "Governor Ann Ruiz", "close", "2021-06-14"),
    ("Health Minister Jan Berg announced that from 1 May masks would become mandatory in shops.",
     "person:jan-berg", "Health Minister Jan Berg", "become", "2022-05-01"),
    # promise nouns, promise verbs with a clause or an action noun
    ("The mayor rejected Police Chief Ann Lowe's offer to resign.",
     "person:ann-lowe", "Police Chief Ann Lowe", "resign", None),
    ('"I promise that I will cut taxes," said Governor Bill Hart.',
     "person:bill-hart", "I", "cut", None),
    ("The two delegations agreed to a second round of talks in Geneva.",
     None, "The two delegations", "negotiate", None),
    # an arrangement reported by a source, a stated obligation
    ("According to the club, Garcia is to coach the team until the end of the season.",
     "person:garcia", "Garcia", "coach", None),
    ("Under the treaty, Iran is obliged to inform the agency of any new site.",
     "gpe:iran", "Iran", "inform", None),
]


@pytest.mark.parametrize("text,party,party_text,action,deadline", FOUND)
def test_commitment_found(run, text, party, party_text, action, deadline):
    found = run(text).commitments
    assert len(found) == 1, found
    c = found[0]
    assert c.party == (party or party_text)
    assert c.party_text == party_text
    assert c.action == action
    assert c.deadline == deadline


@pytest.mark.parametrize("text,marker,condition", [
    ("Senator Tom Blake said he would only support the bill if the tax cuts were removed.",
     "if", "if the tax cuts were removed"),
    ('"Once the ports reopen, we will resume exports," Boeing said.',
     "once", "Once the ports reopen"),
    # a promise not to act, until something happens
    ("Ajax said it would refrain from signing new players until the appeal is decided.",
     "until", "until the appeal is decided"),
])
def test_condition_of_an_own_statement(run, text, marker, condition):
    found = run(text).commitments
    assert len(found) == 1, found
    assert (found[0].condition_marker, found[0].condition) == (marker, condition)


def test_negative_own_statement_keeps_the_act(run):
    found = run("The Russian government said it would not raise fuel prices.").commitments
    assert [(c.party, c.action, c.negative) for c in found] == [("gpe:russia", "raise", True)]


def test_a_positive_statement_is_not_negative(run):
    found = run("The Russian government said it would raise fuel prices.").commitments
    assert [c.negative for c in found] == [False]


NOT_COMMITMENTS = [
    # plain future statements in the author's voice: no obligation, no speaker
    "The envoy will visit Zenda on Friday.",
    "Russia will hold talks with Ukraine next week.",
    # predictions by third parties, also by a named one about another party
    "Analysts said Russia would withdraw its troops by May.",
    "Ukrainian President Volodymyr Zelensky said Russia would attack again.",
    "The Taliban said the United States would withdraw its troops.",
    # hopes, denials, warnings: the reporting verb announces nothing
    "Boris Johnson said he hoped the envoy would return soon.",
    "Acme Corp denied it would close the plant.",
    "Boris Johnson warned that Iran would face consequences.",
    # demands on others, also as a subjunctive after insist
    "The minister said the rebels must free the hostages.",
    "The union insisted that the company agree to raise wages.",
    # acts already done, possible acts, hypotheticals, questions
    "Acme Corp said it had closed the plant.",
    "Acme Corp said it might close the plant.",
    '"If I were president, I would close the border," said Ada Lind.',
    "Did Acme Corp say it would close the plant?",
    # states and outcomes are no acts
    "Acme Corp said it would be difficult to meet the deadline.",
    "Donald Trump said he would win the election.",
    # a habit or motto, a relative clause, a third-person pronoun inside a quote
    "Tom Smith has always said he would never leave the club.",
    '"It is a question that I will not answer," said Ada Lind.',
    '"It will change everything," said Ada Lind.',
    # a nationality is its people, not the state
    "Prime Minister Erna Solberg said Norwegians would keep their jobs.",
    # a promise noun with no owner; an agreement clause with no party
    "The mayor declined the offer to resign.",
    "The deal includes firm orders for ten aircraft.",
    "The agreement allows for the reinstating of the suspension if the company is convicted.",
]


@pytest.mark.parametrize("text", NOT_COMMITMENTS)
def test_no_commitment(run, text):
    assert run(text).commitments == []


def test_a_released_product_is_no_release(run):
    found = run("Acme Corp said it would release a new phone in May.").commitments
    assert [(c.party, c.action) for c in found] == [("org:acme-corp", "other")]


def test_a_restated_undertaking_is_a_status_claim(run):
    doc = run("The Russia-Ukraine accord of March 2021 envisaged the withdrawal of all Russian "
              "troops by August this year in exchange for Ukraine agreeing to release all "
              "prisoners. Russian Foreign Minister Sergei Lavrov said Russia would withdraw its "
              "troops by August.")
    withdraw = [c for c in doc.commitments if c.action == "withdraw"]
    assert len(withdraw) == 1
    assert [(s["status"], s["claimed_by"]) for s in withdraw[0].status_claims] == [
        ("reaffirmed", "person:sergei-lavrov")]
