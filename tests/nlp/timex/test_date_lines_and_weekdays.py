"""Newspaper date lines and weekdays, on sentences we wrote. The anchor (the creation
time) is Tuesday 2021-04-13, ISO week 15."""
from __future__ import annotations

import pytest





@pytest.mark.parametrize("text, expected", [
    ("ZENDA, Sept. 4 - The talks resumed.", ("Sept. 4", "DATE", "2020-09-04")),
    ("The deal was signed Aug 12 in Zenda.", ("Aug 12", "DATE", "2020-08-12")),
    ("The vote was held on March 3rd.", ("March 3rd", "DATE", "2021-03-03")),
    ("Fireworks were set off on the 4th of July.", ("the 4th of July", "DATE", "2020-07-04")),
    ("The law took effect June 5 2019 in all states.", ("June 5 2019", "DATE", "2019-06-05")),
    ("The summit opened on Tuesday, Dec. 3 2019, in Zenda.", ("Tuesday, Dec. 3 2019", "DATE", "2019-12-03")),
    # the weekday picks the year a date line leaves out: Dec. 3 was a Thursday in 2020 ...
    ("The summit opened Thursday, Dec. 3, in Zenda.", ("Thursday, Dec. 3", "DATE", "2020-12-03")),
    # ... and a Tuesday in 2019
    ("The summit opened Tuesday, Dec. 3, in Zenda.", ("Tuesday, Dec. 3", "DATE", "2019-12-03")),
    ("The court will rule on Wed., April 21.", ("Wed., April 21", "DATE", "2021-04-21")),
    ("The court met Tues., Dec. 3, in Zenda.", ("Tues., Dec. 3", "DATE", "2019-12-03")),
    ("The deal was signed on 4 Sept 2019 in Zenda.", ("4 Sept 2019", "DATE", "2019-09-04")),
    ("The deal was signed on 12 Aug in Zenda.", ("12 Aug", "DATE", "2020-08-12")),
    ("The court met on Thu, 3 Dec 2020.", ("Thu, 3 Dec 2020", "DATE", "2020-12-03")),
    # July 4 was a Sunday in 2021, but a past verb cannot mean a day after the anchor
    ("The festival opened on Sunday 4th July.", ("Sunday 4th July", "DATE", "2020-07-04")),
])
def test_date_line_forms(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text, expected", [
    ("The minister resigned on Friday last week.", ("Friday last week", "DATE", "2021-04-09")),
    ("The minister will resign on Friday this week.", ("Friday this week", "DATE", "2021-04-16")),
    ("Talks resume on Monday of next week.", ("Monday of next week", "DATE", "2021-04-19")),
    ("The vote on Monday last week failed.", ("Monday last week", "DATE", "2021-04-05")),
])
def test_a_weekday_of_a_named_week(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text, expected", [
    # a past narrative: the weekday of the week just gone (or today)
    ("The strike began on Thursday.", ("Thursday", "DATE", "2021-04-08")),
    ("Police said on Tuesday that two men were held.", ("Tuesday", "DATE", "2021-04-13")),
    ("Wednesday's vote was postponed.", ("Wednesday", "DATE", "2021-04-07")),
    # the future tense looks ahead
    ("The strike will begin on Thursday.", ("Thursday", "DATE", "2021-04-15")),
    ("Ministers are due to meet on Saturday.", ("Saturday", "DATE", "2021-04-17")),
])
def test_a_bare_weekday_follows_the_tense(timexes, text, expected):
    assert expected in timexes(text)
