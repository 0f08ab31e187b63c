"""Findings of documents and inquiries as reported content (issue 14): "the study found that
..."; a journal a study appeared in is not its author; a person finding something says nothing."""
from __future__ import annotations


def _quote(found, fragment):
    for quote, _details in found:
        if fragment in quote.text:
            return quote
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q, _ in found]}")


def test_a_report_finding_is_reported_content_of_its_author(quotes):
    _, found = quotes("The report, published by the Zenda Climate Institute, found that "
                      "emissions rose by 4 per cent.")
    quote = _quote(found, "emissions rose by 4 per cent")
    assert quote.cue == "found"
    assert quote.speaker_name == "Zenda Climate Institute"


def test_the_journal_of_a_study_is_not_its_author(quotes):
    _, found = quotes("Scientists published a study in Marine Letters Quarterly on Monday. The "
                      "study found that the sharks had moved north.")
    assert _quote(found, "the sharks had moved north").speaker is None


def test_a_person_finding_something_is_no_report(quotes):
    _, found = quotes("Tomas Berg found that the door was locked.")
    assert not [q for q, _ in found if "the door was locked" in q.text]
