"""Named holidays and month abbreviations without their period, on sentences we wrote."""
import datetime as dt

import pytest

from newsgraph.model import Document
from newsgraph.pipeline import build

PUBLISHED = dt.date(2020, 9, 10)


def timexes(text: str) -> list[tuple[str, str]]:
    doc = build(["parse.v1", "entities.v1", "actors.v1", "timex.v1"]).run_batch(
        [Document(text=text, id="t", published=PUBLISHED)])[0]
    assert not doc.errors, doc.errors
    return [(t.text, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Jan 5th 2021 Officials met in Zenda.", ("Jan 5th 2021", "2021-01-05")),
    ("ZENDA, Sept 3 - The talks resumed.", ("Sept 3", "2020-09-03")),
    ("The markets were closed on Christmas Day.", ("Christmas Day", "2019-12-25")),
    ("The shops will open again on New Year's Eve.", ("New Year's Eve", "2020-12-31")),
    ("The vote was held on Thanksgiving.", ("Thanksgiving", "2019-11-28")),
    ("The church will reopen on Easter Sunday.", ("Easter Sunday", "2021-04-04")),
    ("Christmas 2018 was quiet in Zenda.", ("Christmas 2018", "2018-12-25")),
])
def test_a_holiday_or_abbreviated_date_gets_its_day(text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text", [
    "Shops reported strong Christmas and New Year sales.",
    "The Easter parade drew thousands.",
    "Jan Kowalski met the envoy.",
    "The novel was drawn by the illustrator Johnnie Christmas.",
])
def test_a_holiday_naming_a_kind_or_a_first_name_is_no_date(text):
    assert timexes(text) == []
