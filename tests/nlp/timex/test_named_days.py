"""Named days and holidays, on sentences we wrote; the US holidays only in a text about
the United States. The anchor is 2021-04-13."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.nlp.timex.named_days import MOVABLE_HOLIDAYS, US_ONLY_MOVABLE, about_the_us




@pytest.mark.parametrize("text, expected", [
    ("Fireworks lit the sky over Texas on Independence Day.", ("Independence Day", "DATE", "2020-07-04")),
    ("Americans went to the polls on Election Day.", ("Election Day", "DATE", "2020-11-03")),
    ("The U.S. celebrated the nation's Independence Day quietly.", ("Independence Day", "DATE", "2020-07-04")),
    ("The parade was held on the Fourth of July.", ("Fourth of July", "DATE", "2020-07-04")),
    ("The shop closed on Memorial Day.", ("Memorial Day", "DATE", "2020-05-25")),
    ("Offices will close on Labor Day.", ("Labor Day", "DATE", "2021-09-06")),
    ("The church was full on Easter.", ("Easter", "DATE", "2021-04-04")),
    ("The market was shut on Good Friday 2019.", ("Good Friday 2019", "DATE", "2019-04-19")),
    ("Parties were held on New Year's Eve.", ("New Year's Eve", "DATE", "2020-12-31")),
    ("Families will gather on Thanksgiving.", ("Thanksgiving", "DATE", "2021-11-25")),
])
def test_a_named_day_gets_its_date(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text", [
    "Fireworks lit the sky over Delhi on Independence Day.",
    "Voters in Kenya went to the polls on Election Day.",
    "Americans watched the Election Day results.",
    "The U.S. envoy attended Kenya's Independence Day celebrations on Friday.",
])
def test_a_us_holiday_outside_a_us_text_or_as_a_modifier_is_no_date(timexes, text):
    assert not [t for t in timexes(text) if "Day" in t[0]]


@pytest.mark.parametrize("name, year, day", [
    ("easter", 2024, dt.date(2024, 3, 31)),
    ("good friday", 2025, dt.date(2025, 4, 18)),
    ("thanksgiving", 2019, dt.date(2019, 11, 28)),
    ("memorial day", 2021, dt.date(2021, 5, 31)),
    ("martin luther king jr. day", 2020, dt.date(2020, 1, 20)),
])
def test_movable_holidays_are_computed(name, year, day):
    assert MOVABLE_HOLIDAYS[name](year) == day


@pytest.mark.parametrize("year, day", [(2016, dt.date(2016, 11, 8)), (2020, dt.date(2020, 11, 3)),
                                       (2024, dt.date(2024, 11, 5)), (2022, dt.date(2022, 11, 8))])
def test_election_day_is_the_tuesday_after_the_first_monday_of_november(year, day):
    assert US_ONLY_MOVABLE["election day"](year) == day


def test_what_places_a_text_in_the_us():
    assert about_the_us("The U.S. Senate voted.") and about_the_us("Floods hit Ohio.")
    assert not about_the_us("Floods hit Bavaria.")
