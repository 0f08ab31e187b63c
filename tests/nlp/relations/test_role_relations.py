"""Role relations and "person of a body" on sentences written for these tests: which
predicate a role implies, former roles, the affiliation named in the role's own phrase."""
import pytest

from newsgraph.model import Document
from newsgraph.pipeline import build


def relations(text: str) -> set[tuple[str, str, str, bool]]:
    doc = build().run_batch([Document(text=text, id="t")])[0]
    assert not doc.errors, doc.errors
    names = {e.id: e.name for e in doc.entities}
    return {(names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object), r.former)
            for r in doc.relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("Norwegian Prime Minister Ada Lindqvist opened the new bridge on Monday.",
     ("Ada Lindqvist", "leads", "Norway", False)),
    ("Ada Lindqvist, the prime minister of Norway, opened the new bridge on Monday.",
     ("Ada Lindqvist", "leads", "Norway", False)),
    ("Former Norwegian Prime Minister Ada Lindqvist opened the new bridge on Monday.",
     ("Ada Lindqvist", "leads", "Norway", True)),
    ("Oslo police chief Ada Lindqvist said the road would stay closed.",
     ("Ada Lindqvist", "member_of", "Oslo", False)),
    ("Ada Lindqvist, the former mayor of Oslo, said the road would stay closed.",
     ("Ada Lindqvist", "leads", "Oslo", True)),
    ("Ada Lindqvist of the Red Cross said the road would stay closed.",
     ("Ada Lindqvist", "member_of", "International Committee of the Red Cross", False)),
    ("Ada Lindqvist, the deputy head of the Red Cross, said the road would stay closed.",
     ("Ada Lindqvist", "member_of", "International Committee of the Red Cross", False)),
])
def test_a_role_gives_the_relation_its_words_imply(text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    # no state named in the role's phrase: the title alone says nothing about which state
    ("Prime Minister Ada Lindqvist opened the new bridge on Monday.", "leads"),
    # an opposition leader leads no part of the state
    ("Russian opposition leader Ada Lindqvist was detained in Moscow.", "leads"),
    # where someone is from is no membership
    ("Ada Lindqvist of Oslo won the race on Sunday.", "member_of"),
    # a police chief heads the police, not the city
    ("Oslo police chief Ada Lindqvist said the road would stay closed.", "leads"),
])
def test_what_a_role_does_not_imply(text, unwanted):
    assert [r for r in relations(text) if r[0] == "Ada Lindqvist" and r[1] == unwanted] == []


def test_joining_a_person_is_no_membership():
    found = relations("Ada Lindqvist was joined on the podium by Berit Holm of the Red Cross.")
    assert [r for r in found if r[1] == "member_of" and r[2] == "Ada Lindqvist"] == []


def test_a_deputy_before_a_compound_title_is_a_member_not_the_leader():
    found = relations("Ada Lindqvist, then the deputy executive director of the Red Cross, "
                      "approved the plan.")
    assert ("Ada Lindqvist", "member_of", "International Committee of the Red Cross", True) in found
    assert not any(p == "leads" for _, p, _, _ in found)


def test_nobody_leads_a_person():
    found = relations("Ada Lindqvist, Governor Tomas Berg's chief of staff, sent the email.")
    assert not any(p == "leads" and o == "Tomas Berg" for _, p, o, _ in found)


def test_an_office_in_apposition_to_an_organisation_binds_nobody():
    # the parse hangs the office on the source named before it
    found = relations("According to NPR, former Vice President of the United States Joe Biden "
                      "has won 1,217 delegates.")
    assert not any(s == "NPR" for s, _p, _o, _f in found), found


@pytest.mark.parametrize("text, expected", [
    ("Wendy Parmet, a professor of law at Northwestern University, said the name was fine.",
     ("Wendy Parmet", "member_of", "Northwestern University", False)),
    ("Ada Lind, a researcher at the Zenda Institute, led the study.",
     ("Ada Lind", "member_of", "Zenda Institute", False)),
])
def test_an_office_at_a_body(text, expected):
    assert expected in relations(text)


def test_a_state_s_own_body_is_member_of_it():
    found = relations("Indonesia's National Transportation Safety Committee said the recorder "
                      "was found.")
    assert ("National Transportation Safety Committee", "member_of", "Indonesia", False) in found


def test_a_company_s_committee_belongs_to_no_state():
    found = relations("Google's Safety Committee met on Monday.")
    assert not any(p == "member_of" for _s, p, _o, _f in found), found
