"""Expressions anchored on the story's reference time ("the following day", "three days
later", "the day before"), on sentences we wrote. The anchor is Tuesday 2021-04-13."""
from __future__ import annotations

import pytest

from newsgraph.nlp.timex.stage import normalise




@pytest.mark.parametrize("text, expected", [
    # the last date named is the reference time
    ("The army entered the town on May 5. The following day, rebels retreated.",
     ("The following day", "DATE", "2020-05-06")),
    ("The fire started on March 2. Three days later, it was contained.",
     ("Three days later", "DATE", "2021-03-05")),
    ("The treaty was signed on June 1, 2019. A week later the troops left.",
     ("A week later", "DATE", "2019-W23")),
    ("The ceasefire collapsed in March 2018. Two months later, talks resumed.",
     ("Two months later", "DATE", "2018-05")),
    ("The plant closed in 2015. Two years later it was sold.",
     ("Two years later", "DATE", "2017")),
    ("The vote was held on Monday. That night, crowds gathered outside.",
     ("That night", "TIME", "2021-04-12TNI")),
    ("The storm hit on Friday, April 9. The next morning, the roads were closed.",
     ("The next morning", "TIME", "2021-04-10TMO")),
    ("The suspect was arrested on March 4. The day before, police had searched his flat.",
     ("The day before", "DATE", "2021-03-03")),
    ("The strike began on March 1. The following week, the port reopened.",
     ("The following week", "DATE", "2021-W10")),
    ("The firm's profit rose in 2019, after losses the previous year.",
     ("the previous year", "DATE", "2018")),
    # no date named yet: the creation time is the reference
    ("The next day, the minister resigned.", ("The next day", "DATE", "2021-04-14")),
    ("He was released two days later.", ("two days later", "DATE", "2021-04-15")),
])
def test_value_relative_to_the_reference_time(timexes, text, expected):
    assert expected in timexes(text)


def test_a_flashback_does_not_move_the_reference_time(timexes):
    got = timexes("The fire started on March 2. The day before, police had warned "
                           "residents. Three days later, it was contained.")
    assert ("The day before", "DATE", "2021-03-01") in got
    assert ("Three days later", "DATE", "2021-03-05") in got


def test_a_chain_of_following_days_moves_on(timexes):
    got = timexes("The talks opened on May 3. The following day, they stalled. "
                           "The following day, they collapsed.")
    assert [v for t, _, v in got if t == "The following day"] == ["2020-05-04", "2020-05-05"]


def test_the_day_before_an_event_is_the_span_the_day(timexes):
    got = timexes("The man vanished on July 20. The day before he vanished, he called his son.")
    assert ("The day", "DATE", "2020-07-19") in got


def test_a_month_precise_reference_gives_only_the_year(timexes):
    got = timexes("The man vanished in late July. The day before he vanished, he called his son.")
    assert ("The day", "DATE", "2020-XX-XX") in got


@pytest.mark.parametrize("text, expected", [
    # TempEval-3 marks "N units after/before X" as the duration
    ("Two weeks after the vote, the president resigned.", ("Two weeks", "DURATION", "P2W")),
    ("Prices were a month earlier than usual.", ("a month", "DURATION", "P1M")),
    ("Rescuers arrived days later.", ("days", "DURATION", "PXD")),
    ("Rescuers arrived a few days later.", ("a few days later", "DURATION", "PXD")),
    ("Growth will slow over the following year.", ("the following year", "DURATION", "P1Y")),
])
def test_durations_stay_durations(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text", [
    "He said that night patrols would resume.",
    "The firm offers next-day delivery.",
])
def test_not_reference_times(timexes, text):
    assert timexes(text) == []


def test_normalise_resolves_against_the_anchor():
    import datetime as dt
    assert normalise("the following day", dt.date(2021, 4, 13)) == ("DATE", "2021-04-14", None)
    assert normalise("three days later", None) == ("DURATION", "P3D", None)


@pytest.mark.parametrize("text, expected", [
    ("The talks opened on Friday, April 2. They resumed the following Monday.",
     ("the following Monday", "DATE", "2021-04-05")),
    ("The vote was on March 10. The previous Friday, police raided the office.",
     ("The previous Friday", "DATE", "2021-03-05")),
    ("The vote was on March 10. That same day, protests began.", ("That same day", "DATE", "2021-03-10")),
    ("The ship docked on May 2. Later that day, the crew left.", ("Later that day", "DATE", "2020-05-02")),
    # these two count from the creation time, not from the story
    ("The troops leave the day after tomorrow.", ("the day after tomorrow", "DATE", "2021-04-15")),
    ("The troops arrived the day before yesterday.", ("the day before yesterday", "DATE", "2021-04-11")),
])
def test_weekdays_and_days_around_the_reference_time(timexes, text, expected):
    assert expected in timexes(text)


def test_a_title_is_not_the_day_after(timexes):
    got = timexes("He watched The Day After Tomorrow on television.")
    assert not [t for t in got if t[0].startswith("The Day")]


def test_a_clock_time_with_no_day_is_on_the_reference_day(timexes):
    found = timexes("On Saturday, a gunman opened fire at a store. The shooting began at "
                    "10:39 a.m.")
    assert found[-1] == ("10:39 a.m.", "TIME", "2021-04-10T10:39")


def test_a_clock_time_with_its_own_day_keeps_it(timexes):
    found = timexes("On Saturday, a gunman opened fire at a store. The vigil starts at 9 a.m. "
                    "tomorrow.")
    assert found[-1] == ("9 a.m. tomorrow", "TIME", "2021-04-14T09")


def test_a_clock_time_alone_is_on_the_creation_day(timexes):
    assert timexes("The shop closed at 18:00.") == [("18:00", "TIME", "2021-04-13T18:00")]
