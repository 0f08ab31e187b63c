"""newsgraph.dates: the one parser of input dates."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.dates import iso_date


@pytest.mark.parametrize("value, partial, expected", [
    ("2021-04-13", False, dt.date(2021, 4, 13)),
    ("2021-04-13T09:30:00+04:30", False, dt.date(2021, 4, 13)),
    (dt.datetime(2021, 4, 13, 23, 59), False, dt.date(2021, 4, 13)),
    (dt.date(2020, 2, 29), False, dt.date(2020, 2, 29)),
    ("2021-02-30", False, None),
    ("2021-04", False, None),
    ("2021-04", True, dt.date(2021, 4, 1)),
    ("2021", True, dt.date(2021, 1, 1)),
    ("April 13, 2021", True, None),
    (None, True, None),
    ("", False, None),
])
def test_iso_date(value, partial, expected):
    assert iso_date(value, partial=partial) == expected
