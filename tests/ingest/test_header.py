"""Header rules for plain-text articles, on layouts we write."""
import datetime as dt

import pytest

from newsgraph.ingest.header import find_date, parse_header


@pytest.mark.parametrize("line, expected", [
    ("Wednesday, March 4th, 2020", dt.date(2020, 3, 4)),
    ("Mon. Jan 6, 2020", dt.date(2020, 1, 6)),
    ("4 March 2020", dt.date(2020, 3, 4)),
    ("Sept. 21st 2019", dt.date(2019, 9, 21)),
    ("Posted 2019-11-30 08:15", dt.date(2019, 11, 30)),
])
def test_dates_written_in_headers(line, expected):
    assert find_date(line)[0] == expected


def test_impossible_date_is_not_a_date():
    assert find_date("February 30th, 2020") is None


def test_masthead_and_dateline_on_one_line_then_title():
    text = ("Managing Editor: Jane Q. Public Thursday, May 7th, 2020\n\n"
            "Ceasefire Holds in the North\n\n"
            "The ceasefire agreed last week held for a third day.\n")
    header = parse_header(text)
    assert header.published == dt.date(2020, 5, 7)
    assert header.has_masthead
    assert [(p.name, p.role) for p in header.people] == [("Jane Q. Public", "managing editor")]
    assert header.title == "Ceasefire Holds in the North"
    assert text[header.body_start:].startswith("The ceasefire agreed")


def test_byline_gives_authors_and_dateline_city():
    text = ("Rebels Agree to Talks\n"
            "By Ann Smith and Omar Aziz\n\n"
            "NAIROBI, June 3 (Wire) - Rebel leaders agreed on Tuesday to join talks.\n")
    header = parse_header(text)
    assert header.title == "Rebels Agree to Talks"
    assert header.authors == ["Ann Smith", "Omar Aziz"]
    assert header.dateline_city == "Nairobi"
    assert header.published is None


def test_body_sentence_with_a_date_is_not_a_header():
    text = "The talks that began on March 3rd, 2020 in the capital ended without agreement.\n"
    header = parse_header(text)
    assert header.published is None
    assert header.body_start == 0
    assert header.title is None


def test_a_lone_short_line_is_not_taken_as_title():
    header = parse_header("Talks resume")
    assert header.title is None
