"""The time-expression stage: spans, TIMEX3 types and values resolved against the anchor."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.nlp.timex.stage import TimexStage, find_timexes, normalise
from newsgraph.pipeline import registered

ANCHOR = "2021-04-13"  # a Tuesday, ISO week 15


def _find(parsed, text, published=ANCHOR):
    doc = parsed(text, published)
    TimexStage()(doc)
    return doc.timexes


def _one(parsed, text, phrase, published=ANCHOR):
    timexes = _find(parsed, text, published)
    start = text.index(phrase)
    hits = [t for t in timexes if t.start == start and t.end == start + len(phrase)]
    assert hits, f"{phrase!r} not found as a span; got {[(t.text, t.value) for t in timexes]}"
    return hits[0]


@pytest.mark.parametrize("text, phrase, typ, value, mod", [
    ("The committee met this week to review the plan.", "this week", "DATE", "2021-W15", None),
    ("Officials said earlier this week that talks had stalled.", "earlier this week", "DATE", "2021-W15", None),
    ("The vote is expected in May this year.", "May this year", "DATE", "2021-05", None),
    ("The factory closed in September last year.", "September last year", "DATE", "2020-09", None),
    ("Sales fell sharply in February 2020.", "February 2020", "DATE", "2020-02", None),
    ("The strike lasted more than a month.", "more than a month", "DURATION", "P1M", "MORE_THAN"),
    ("Rents were lower in the 1980s than now.", "the 1980s", "DATE", "198", None),
    ("The minister resigned last Tuesday.", "last Tuesday", "DATE", "2021-04-06", None),
    ("The ship sank two days ago.", "two days ago", "DATE", "2021-04-11", None),
    ("Prices will rise next month.", "next month", "DATE", "2021-05", None),
    ("The company recently opened an office.", "recently", "DATE", "PAST_REF", None),
    ("The bridge is now closed to lorries.", "now", "DATE", "PRESENT_REF", None),
    ("She currently leads the union.", "currently", "DATE", "PRESENT_REF", None),
    ("Nobody can predict the future of the league.", "the future", "DATE", "FUTURE_REF", None),
    ("The mayor spoke on Monday about the budget.", "Monday", "DATE", "2021-04-12", None),
    ("The mayor will speak on Thursday about the budget.", "Thursday", "DATE", "2021-04-15", None),
    ("The treaty was signed in 2021 after long talks.", "2021", "DATE", "2021", None),
    ("The law took effect on April 13th, 2021, in all states.", "April 13th, 2021", "DATE", "2021-04-13", None),
    ("Exports grew last year despite the pandemic.", "last year", "DATE", "2020", None),
    ("Exports are growing this year.", "this year", "DATE", "2021", None),
    ("It was the worst storm in a decade.", "a decade", "DURATION", "P10Y", None),
    ("He spent three years in prison.", "three years", "DURATION", "P3Y", None),
    ("The rebels attacked the town yesterday.", "yesterday", "DATE", "2021-04-12", None),
    ("The rebels are attacking the town today.", "today", "DATE", "2021-04-13", None),
    ("The talks resume tomorrow.", "tomorrow", "DATE", "2021-04-14", None),
    ("Gunfire was heard last night near the port.", "last night", "TIME", "2021-04-12TNI", None),
    ("The minister arrived this morning.", "this morning", "TIME", "2021-04-13TMO", None),
    ("The council meets weekly in the town hall.", "weekly", "SET", "P1W", None),
    ("The festival is held every year in the old town.", "every year", "SET", "P1Y", None),
    ("Profits rose in the first quarter.", "the first quarter", "DATE", "2021-Q1", None),
    ("The stadium will open this summer.", "this summer", "DATE", "2021-SU", None),
    ("The town was founded in the 18th century.", "18th century", "DATE", "17", None),
    ("Growth stalled over the past five years.", "the past five years", "DURATION", "P5Y", None),
    ("Prices will keep rising in the next few months.", "the next few months", "DURATION", "PXM", None),
    ("Unemployment has risen in recent years.", "recent years", "DURATION", "PXY", None),
    ("The plant was shut late last year.", "late last year", "DATE", "2020", "END"),
    ("The plant reopened in early March.", "early March", "DATE", "2021-03", "START"),
    ("The bank reported losses in the third quarter of 2019.", "the third quarter of 2019", "DATE", "2019-Q3", None),
    ("Voting closes at 3 p.m. on Friday.", "3 p.m.", "TIME", "2021-04-13T15", None),
    ("The match kicked off at 19:30 GMT Saturday.", "19:30 GMT Saturday", "TIME", "2021-04-10T19:30", None),
    ("He takes the pills twice a day.", "twice a day", "SET", "P1D", None),
    ("The deadline passed four weeks ago.", "four weeks ago", "DATE", "2021-W11", None),
    ("The firm was founded six years ago.", "six years ago", "DATE", "2015", None),
    ("Turnout was higher last summer.", "last summer", "DATE", "2020-SU", None),
    ("The embassy will reopen next week.", "next week", "DATE", "2021-W16", None),
    ("The lease ends at the end of the year.", "the end of the year", "DATE", "2021", "END"),
    ("The airline posted a loss for the year ended March 31, 2020.", "March 31, 2020", "DATE", "2020-03-31", None),
    ("Inflation peaked in mid-2019.", "mid-2019", "DATE", "2019", "MID"),
    ("The deal was struck on 5 March 2020 in Geneva.", "5 March 2020", "DATE", "2020-03-05", None),
    ("The report is due out on Friday.", "Friday", "DATE", "2021-04-16", None),
    ("The quake struck on Sunday evening.", "Sunday evening", "TIME", "2021-04-11TEV", None),
    ("Talks stretched on for hours.", "hours", "DURATION", "PTXH", None),
    ("They waited almost seven years for a verdict.", "almost seven years", "DURATION", "P7Y", "LESS_THAN"),
    ("A two-week ceasefire began on Monday.", "two-week", "DURATION", "P2W", None),
    ("The clinic opens on Mondays.", "Mondays", "SET", "XXXX-WXX-1", None),
    ("Protests spread over the weekend.", "the weekend", "DATE", "2021-W14-WE", None),
    ("The firm said it would cut 2,000 jobs by 2025.", "2025", "DATE", "2025", None),
    ("The train left at 9:45 and arrived late.", "9:45", "TIME", "2021-04-13T09:45", None),
    ("The mine produces 40 tonnes a year.", "a year", "SET", "P1Y", None),
    ("Revenue for fiscal 2020 fell.", "fiscal 2020", "DATE", "2020", None),
    ("The treaty was signed in the spring of 1945.", "the spring of 1945", "DATE", "1945-SP", None),
])
def test_value(parsed, text, phrase, typ, value, mod):
    t = _one(parsed, text, phrase)
    assert (t.type, t.value, t.mod) == (typ, value, mod)


@pytest.mark.parametrize("text, phrase, published, value", [
    ("The vote took place on Tuesday.", "Tuesday", "2019-01-03", "2019-01-01"),
    ("The vote will take place on Tuesday.", "Tuesday", "2019-01-03", "2019-01-08"),
    ("The deal was signed in December.", "December", "2013-03-22", "2012-12"),
    ("The book will be published in January.", "January", "2020-11-02", "2021-01"),
    ("Markets slumped this week.", "this week", "2021-01-02", "2020-W53"),
    ("Markets slumped last month.", "last month", "2020-01-15", "2019-12"),
    ("The summit was held on May 3.", "May 3", "2016-02-10", "2015-05-03"),
    ("The firm had been struggling since October.", "October", "2013-03-22", "2012-10"),
])
def test_other_anchors(parsed, text, phrase, published, value):
    assert _one(parsed, text, phrase, published).value == value


@pytest.mark.parametrize("text, phrase, value", [
    ("The vote is expected in May this year.", "May this year", "XXXX-05"),
    ("The shop closed last year.", "last year", "PAST_REF"),
    ("The shop will reopen next month.", "next month", "FUTURE_REF"),
    ("The shop is busy this week.", "this week", "PRESENT_REF"),
    ("The shop closed on Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("The shop closed in 2019.", "2019", "2019"),
    ("The shop was open for three years.", "three years", "P3Y"),
    ("The shop closed two days ago.", "two days ago", "PAST_REF"),
])
def test_no_anchor(parsed, text, phrase, value):
    doc = parsed(text, None)
    TimexStage()(doc)
    hits = [t for t in doc.timexes if t.text == phrase]
    assert hits and hits[0].value == value


@pytest.mark.parametrize("text", [
    "Her 52-year-old brother runs the farm.",
    "The hospital treated 2010 patients.",
    "May I ask a question?",
    "Children aged 6 months and older can be vaccinated.",
    "Prices may march higher.",
    "He won a second term in office.",
    "In the first half, the visitors scored twice.",
    "The union represents about a quarter of the workers.",
])
def test_not_timexes(parsed, text):
    assert _find(parsed, text) == []


def test_offsets_point_at_the_text(parsed):
    text = "On Monday, the mayor said the bridge, closed since 2019, would reopen next month."
    timexes = _find(parsed, text)
    assert [t.text for t in timexes] == ["Monday", "2019", "next month"]
    for t in timexes:
        assert text[t.start:t.end] == t.text


def test_two_years_in_a_range_are_two_timexes(parsed):
    timexes = _find(parsed, "The 2009-10 season was the wettest on record.")
    assert [(t.text, t.value) for t in timexes] == [("2009", "2009"), ("10", "2010")]


@pytest.mark.parametrize("phrase, anchor, tense, expected", [
    ("next month", dt.date(2021, 4, 13), None, ("DATE", "2021-05", None)),
    ("Tuesday", dt.date(2021, 4, 15), "past", ("DATE", "2021-04-13", None)),
    ("Tuesday", dt.date(2021, 4, 15), "future", ("DATE", "2021-04-20", None)),
    ("about three weeks", dt.date(2021, 4, 13), None, ("DURATION", "P3W", "APPROX")),
    ("the 1990s", None, None, ("DATE", "199", None)),
    ("every Monday", None, None, ("SET", "XXXX-WXX-1", None)),
    ("on 2020-02-29", None, None, ("DATE", "2020-02-29", None)),
    ("the second half of 2020", None, None, ("DATE", "2020-H2", None)),
    ("the bridge", dt.date(2021, 4, 13), None, None),
])
def test_normalise(phrase, anchor, tense, expected):
    assert normalise(phrase, anchor, tense) == expected


def test_stage_is_registered():
    stage = registered().get("timex.v1") or TimexStage
    assert stage.requires == ("parse",) and stage.provides == ("timexes",)


def test_find_timexes_on_spacy_doc(parsed):
    doc = parsed("The market opened on Monday.", ANCHOR)
    assert [t.value for t in find_timexes(doc.nlp, dt.date(2021, 4, 13))] == ["2021-04-12"]
