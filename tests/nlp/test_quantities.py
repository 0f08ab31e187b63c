"""The quantities stage on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.nlp.quantities import QuantityStage
from newsgraph.pipeline import build, registered


@pytest.fixture
def quantities(parsed):
    """Run parse + quantities over ``text`` and return the Quantity list."""

    def run(text: str):
        doc = parsed(text)
        QuantityStage()(doc)
        for q in doc.quantities:  # every quantity points back at its evidence
            assert doc.text[q.start:q.end] == q.text
        return doc.quantities

    return run


def only(qs, containing: str):
    found = [q for q in qs if containing in q.text]
    assert len(found) == 1, f"expected one quantity containing {containing!r}, got {qs}"
    return found[0]


def test_stage_is_registered():
    assert registered()["quantities.v1"] is QuantityStage
    assert QuantityStage.requires == ("parse",)
    assert QuantityStage.provides == ("quantities",)


def test_runs_in_a_pipeline():
    from newsgraph.model import Document

    pipeline = build(["parse.v1", "quantities.v1"])
    doc = pipeline(Document(text="The ministry said 120 inspectors arrived."))
    assert not doc.errors
    assert [(q.value, q.unit) for q in doc.quantities] == [(120, "inspectors")]


@pytest.mark.parametrize(
    ("text", "needle", "value", "unit"),
    [
        ("The mission employs 8,000 staff across the region.", "8,000", 8000, "staff"),
        ("Officials counted 2.5 million refugees in the camps.", "2.5 million", 2_500_000, "refugees"),
        ("Two dozen observers crossed the border on foot.", "dozen", 24, "observers"),
        ("Police detained three organisers outside the hall.", "three", 3, "organisers"),
        ("The fund will release $1.2bn for reconstruction.", "1.2bn", 1.2e9, "USD"),
        ("Turnout reached 40% in the northern provinces.", "40%", 40, "percent"),
        ("Support fell to 12 percent among young voters.", "12 percent", 12, "percent"),
        ("The convoy drove 1,500 km through the desert.", "1,500", 1500, "km"),
        ("The bank approved €750 million in emergency loans.", "750", 7.5e8, "EUR"),
        ("The donors pledged 300 million euros to the agency.", "300 million", 3e8, "EUR"),
        ("A 4,000-strong brigade moved to the river.", "4,000", 4000, "brigade"),
        ("Forty-two families were moved to a school.", "Forty", 42, "families"),
        ("Half a million residents lost power overnight.", "Half", 500_000, "residents"),
        ("One hundred and fifty delegates signed the appeal.", "fifty", 150, "delegates"),
        ("Organisers expected 10k marchers in the square.", "10k", 10_000, "marchers"),
    ],
)
def test_values_and_units(quantities, text, needle, value, unit):
    q = only(quantities(text), needle)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The agency registered about 900 volunteers.", "about 900 volunteers"),
        ("Rescuers reached around 60 villages by noon.", "around 60 villages"),
        ("The fighting displaced some 7,000 residents.", "some 7,000 residents"),
        ("Nearly 300 inspectors signed the letter.", "Nearly 300 inspectors"),
        ("The strike halted almost 90 flights.", "almost 90 flights"),
        ("Roughly 1,200 workers joined the protest.", "Roughly 1,200 workers"),
        ("The plan covers approximately 450 schools.", "approximately 450 schools"),
        ("Officials said an estimated 6,000 families had fled.", "an estimated 6,000 families"),
        ("More than 70 journalists attended the briefing.", "More than 70 journalists"),
        ("The storm damaged over 500 homes.", "over 500 homes"),
        ("The shelter can take up to 250 children.", "up to 250 children"),
        ("At least 14 patients were evacuated.", "At least 14 patients"),
        ("Fewer than 30 monitors remain in the zone.", "Fewer than 30 monitors"),
        ("Dozens of residents gathered at the gate.", "Dozens of residents"),
        ("Hundreds of students marched to parliament.", "Hundreds of students"),
        ("Tens of thousands of farmers blocked the roads.", "Tens of thousands of farmers"),
        ("Between 200 and 300 fishermen lost their boats.", "Between 200 and 300 fishermen"),
    ],
)
def test_approximators(quantities, text, span):
    q = only(quantities(text), span)  # the span includes the approximator and the noun
    assert q.approximate is True
    assert q.unit == span.split()[-1]


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Thousands of protesters filled the square.", "Thousands", 1000),
        ("Dozens of residents gathered at the gate.", "Dozens", 12),
        ("Tens of thousands of farmers blocked the roads.", "Tens", 10_000),
        ("Between 200 and 300 fishermen lost their boats.", "200", 200),
        ("Two or three dozen trucks waited at the crossing.", "dozen", 24),
    ],
)
def test_vague_amounts_take_the_lower_bound(quantities, text, needle, value):
    q = only(quantities(text), needle)
    assert q.value == value
    assert q.approximate is True


def test_between_without_a_range_is_exact(quantities):
    q = only(quantities("Talks between two delegations resumed in the capital."), "two")
    assert (q.text, q.approximate) == ("two delegations", False)


@pytest.mark.parametrize(
    ("text", "needle", "value", "unit"),
    [
        ("Relief reached 5m people in the north.", "5m", 5e6, "people"),
        ("Workers built a 5m wall around the depot.", "5m", 5, "m"),
    ],
)
def test_attached_m_is_million_or_metres(quantities, text, needle, value, unit):
    q = only(quantities(text), needle)
    assert (q.value, q.unit) == (value, unit)


def test_exact_numbers_are_not_approximate(quantities):
    q = only(quantities("The court sentenced 11 officers on Friday."), "11")
    assert q.approximate is False
    assert q.text == "11 officers"


@pytest.mark.parametrize(
    ("text", "needle", "unit"),
    [
        ("The alliance keeps 3,200 German troops near the border.", "3,200", "troops"),
        ("Engineers counted 900 private security contractors.", "900", "contractors"),
        ("There are an estimated 4,000 contractor forces in the province.", "4,000", "forces"),
        ("Residents reported 80 air strikes overnight.", "80", "strikes"),
    ],
)
def test_unit_is_the_head_noun(quantities, text, needle, unit):
    assert only(quantities(text), needle).unit == unit


@pytest.mark.parametrize(
    ("text", "needle", "owner"),
    [
        # subject of have / deploy / keep / send / station
        ("The alliance said Canada has about 900 soldiers in the region.", "900", "Canada"),
        ("Japan deployed 350 engineers to the port last month.", "350", "Japan"),
        ("Brazil kept 1,100 peacekeepers in the capital.", "1,100", "Brazil"),
        ("The government said Kenya will send 400 police officers.", "400", "Kenya"),
        ("Spain stationed 600 sailors on the island.", "600", "Spain"),
        ("Poland plans to send 2,000 more soldiers.", "2,000", "Poland"),
        # premodifier naming an actor
        ("The talks covered 2,500 US troops still in the country.", "2,500", "US"),
        ("Officials confirmed 300 Russian soldiers had left.", "300", "Russian"),
        ("The report listed 45 UN observers.", "45", "UN"),
        # possessive
        ("France's 5,000 soldiers will leave by summer.", "5,000", "France"),
        ("The plan keeps Germany's 1,800 trainers in place.", "1,800", "Germany"),
        # agent of a deploying verb, origin of the counted people
        ("The mission relies on 700 troops sent by Ghana.", "700", "Ghana"),
        ("The force includes 40 medics from Chad.", "40", "Chad"),
        # relative clause: the noun the clause is about
        ("The UN mission, which has 9,000 peacekeepers, will expand.", "9,000", "UN"),
    ],
)
def test_owner(quantities, text, needle, owner):
    assert only(quantities(text), needle).of == owner


def test_no_owner_without_an_actor(quantities):
    qs = quantities("There are an estimated 15,000 volunteers working in the camps.")
    assert only(qs, "15,000").of is None


@pytest.mark.parametrize(
    "text",
    [
        "The accord was signed in 2021 in the capital.",
        "The 2019 election was postponed twice.",
        "Talks resumed on March 12 after a pause.",
        "The ceasefire has held for three years.",
        "The envoy arrived at 3 p.m. on Tuesday.",
        "It was the first meeting since the 1980s.",
        "The second round of talks begins soon.",
        "She is one of the key stakeholders in the process.",
        "The council adopted Resolution 2334 without a vote.",
        "Members invoked Article 5 of the treaty.",
        "The COVID-19 pandemic delayed the summit.",
        "No one was hurt in the blast.",
    ],
)
def test_exclusions(quantities, text):
    assert quantities(text) == []


def test_years_next_to_counts(quantities):
    qs = quantities("In 2020, 2,000 soldiers left and 2000 more followed in 2021.")
    assert [q.value for q in qs] == [2000, 2000]


def test_offsets_point_at_the_evidence(parsed):
    text = ("NATO currently has about 8,000 troops in Afghanistan in addition to 2,500 US "
            "troops. There are an estimated 15,000 contractor forces deployed in the country.")
    doc = parsed(text)
    QuantityStage()(doc)
    got = [(q.text, q.value, q.unit, q.approximate, q.of) for q in doc.quantities]
    assert got == [
        ("about 8,000 troops", 8000, "troops", True, "NATO"),
        ("2,500 US troops", 2500, "troops", False, "US"),
        ("an estimated 15,000 contractor forces", 15000, "forces", True, None),
    ]
    for q in doc.quantities:
        assert doc.text[q.start:q.end] == q.text
