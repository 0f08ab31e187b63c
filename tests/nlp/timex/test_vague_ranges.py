"""Vague stretches and references ("in the coming months", "for the past year", "the near
future"), on sentences we wrote: TimeML DURATION PX<unit>, or PAST_REF/FUTURE_REF."""
from __future__ import annotations

import pytest





@pytest.mark.parametrize("text, expected", [
    ("Prices will rise in the coming months.", ("the coming months", "DURATION", "PXM")),
    ("Prices have risen for the past year.", ("the past year", "DURATION", "P1Y")),
    ("Prices have risen in recent weeks.", ("recent weeks", "DURATION", "PXW")),
    ("The talks will continue over the next few days.", ("the next few days", "DURATION", "PXD")),
    ("The firm has struggled over the last few years.", ("the last few years", "DURATION", "PXY")),
    ("More layoffs are likely in the months ahead.", ("the months ahead", "DURATION", "PXM")),
    ("Tension will grow in the weeks to come.", ("the weeks to come", "DURATION", "PXW")),
    ("The town has changed over the years.", ("the years", "DURATION", "PXY")),
    ("Talks will resume in the near future.", ("the near future", "DATE", "FUTURE_REF")),
    ("Troops will stay for the foreseeable future.", ("the foreseeable future", "DATE", "FUTURE_REF")),
    ("In the recent past, the bridge flooded twice.", ("the recent past", "DATE", "PAST_REF")),
])
def test_vague_ranges(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize("text", [
    "The years of war left scars.",
    "The months ahead of the vote were tense.",
])
def test_not_vague_ranges(timexes, text):
    assert not [t for t in timexes(text) if t[0].startswith(("The years", "The months"))]
