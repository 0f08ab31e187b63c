"""commitments.v1: agreements, provisions (deadline, condition, linked pairs), status claims."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import config
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.record import to_record
from newsgraph.nlp import commitments  # noqa: F401  (registers commitments.v1)
from newsgraph.nlp.commitments.stage import add_duration
from newsgraph.pipeline import Pipeline


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline.from_names(list(config.DEFAULT_STAGES) + ["commitments.v1"])

    def analyse(text: str, published: str = "2021-06-10"):
        doc = from_text(text, "<test>", IngestOptions(published=dt.date.fromisoformat(published)))
        return pipe(doc)

    return analyse


def by_action(doc, action):
    return [c for c in doc.commitments if c.action == action]


LINKED = ("The Russia-Ukraine accord of March 2021 envisaged the withdrawal of all Russian "
          "troops by August this year in exchange for Ukraine agreeing to release all prisoners.")


def test_two_linked_commitments_with_deadline_and_condition(run):
    doc = run(LINKED)
    withdraw = by_action(doc, "withdraw")
    release = by_action(doc, "release")
    assert len(withdraw) == 1 and len(release) == 1, doc.commitments
    w, r = withdraw[0], release[0]
    assert w.deadline == "2021-08"
    assert w.party == "gpe:russia"
    assert w.condition_marker == "in exchange for"
    assert "release" in w.condition
    assert w.condition_commitment == r.id and w.id in r.counterpart_of
    assert r.party == "gpe:ukraine"
    assert w.agreement == r.agreement and "2021-03" in w.agreement
    assert set(w.agreement_parties) == {"gpe:russia", "gpe:ukraine"}


def test_agreement_merged_across_mentions(run):
    doc = run(LINKED + " However, the withdrawal is unlikely to happen on time. Kyiv says the "
              "accord is fragile, and Ukraine has not released the prisoners.")
    agreements = {c.agreement for c in doc.commitments}
    assert len(agreements) == 1


def test_status_claims_at_risk_and_not_fulfilled(run):
    doc = run(LINKED + " However, the withdrawal is unlikely to take place on the due date. "
              "According to the Russian government, Ukraine has not released the prisoners.")
    w = by_action(doc, "withdraw")[0]
    r = by_action(doc, "release")[0]
    assert [s["status"] for s in w.status_claims] == ["at_risk"]
    assert w.status_claims[0]["claimed_by"] in ("author", "editorial")
    assert w.status_claims[0]["date"] == "2021-06-10"
    assert [s["status"] for s in r.status_claims] == ["not_fulfilled"]
    assert r.status_claims[0]["claimed_by"] == "gpe:russia"
    ev = r.status_claims[0]["evidence"]
    assert "not released" in doc.text[ev["start"]:ev["end"]]


def test_status_fulfilled_from_quote(run):
    doc = run(LINKED + ' The Russian defence minister Sergei Shoigu said: "We completed the '
              'withdrawal in July."', published="2021-08-02")
    w = by_action(doc, "withdraw")[0]
    statuses = [(s["status"], s["claimed_by"]) for s in w.status_claims]
    assert ("fulfilled", "person:sergei-shoigu") in statuses or (
        statuses and statuses[0][0] == "fulfilled"), statuses


def test_conditions_based(run):
    doc = run(LINKED + " Moscow said that the withdrawal would be conditions-based.")
    w = by_action(doc, "withdraw")[0]
    assert [s["status"] for s in w.status_claims] == ["conditional"]
    assert w.status_claims[0]["claimed_by"] == "gpe:russia"


def test_commit_verb_with_on_condition_and_deadline(run):
    doc = run("Under the ceasefire deal between Israel and Hamas, Hamas agreed to release the "
              "hostages by June 20, 2021 on condition that Israel reduces violence in Gaza.")
    rel = by_action(doc, "release")
    assert rel, doc.commitments
    c = rel[0]
    assert c.party == "org:hamas" or "Hamas" in (c.party_name or "")
    assert c.deadline == "2021-06-20"
    assert c.condition_marker and c.condition_marker.startswith("on condition")


def test_unless_marks_condition(run):
    doc = run("The Taliban pledged to cut their ties with al-Qaeda by December 2021 unless the "
              "United States resumes air strikes.")
    c = by_action(doc, "sever_ties")
    assert c and c[0].condition_marker == "unless" and "air strikes" in c[0].condition
    assert c[0].deadline == "2021-12"


def test_under_agreement_within_duration(run):
    doc = run("Under the US-Taliban agreement signed in February 2020, American troops will "
              "leave Afghanistan within 14 months.")
    c = by_action(doc, "withdraw")
    assert c and c[0].party == "gpe:united-states" and c[0].deadline == "2021-04"


def test_add_duration():
    assert add_duration("2020-02", "P14M") == "2021-04"
    assert add_duration("2020-02-29", "P2W") == "2020-03-14"
    assert add_duration(None, "P1Y") is None


def test_record_shape(run):
    rec = to_record(run(LINKED))["commitments"][0]
    assert {"party", "action", "deadline", "condition", "agreement", "agreement_date",
            "status_claims"} <= set(rec)


def test_an_unresolved_pronoun_binds_no_commitment():
    from newsgraph.analysis import analyze

    assert analyze("I promised to do the work after this, she said.",
                   published="2021-04-13").commitments == []
    resolved = analyze("The Health Ministry said on Monday it had promised to publish the report"
                       " by June.", published="2021-04-13").commitments
    assert [(c.party, c.action) for c in resolved] == [("org:health-ministry", "publish")]


@pytest.mark.parametrize("verb", ["signed an agreement", "reached a deal"])
def test_signatories_of_an_agreement_to_act_are_each_bound(run, verb):
    doc = run(f"Russia and Turkey {verb} to build the pipeline by 2025.")
    built = by_action(doc, "build")
    assert sorted(c.party for c in built) == ["gpe:russia", "gpe:turkey"]
    assert {c.party_text for c in built} == {"Russia", "Turkey"}
    assert all(c.deadline == "2025" for c in built)
    assert all(set(c.agreement_parties) == {"gpe:russia", "gpe:turkey"} for c in built)
    assert all(c.agreement and "2025" not in c.agreement for c in built)  # a deadline, not a date


def test_the_signing_date_dates_the_agreement(run):
    doc = run("Norway and Sweden signed a treaty in Oslo in March 2020 to open the border.")
    opened = by_action(doc, "open")
    assert len(opened) == 2 and all(c.agreement_date == "2020-03" for c in opened)


def test_coordinated_parties_of_a_promise_are_each_bound(run):
    doc = run("Norway and Sweden agreed to open the border in May.")
    opened = by_action(doc, "open")
    assert sorted(c.party for c in opened) == ["gpe:norway", "gpe:sweden"]
    assert len({c.deadline for c in opened}) == 1


def test_an_agreement_signed_without_a_provision_binds_nobody(run):
    doc = run("Norway and Sweden signed a treaty in 1990.")
    assert doc.commitments == []
