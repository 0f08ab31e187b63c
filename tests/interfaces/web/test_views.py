"""What the pages are fed: the actor chart's counts and the events table's rows."""
from __future__ import annotations

import datetime as dt

from newsgraph.interfaces.web.views import actor_chart, events_rows


def test_actor_chart_counts_events_per_month_and_type_and_ignores_the_rest():
    timeline = [{"kind": "event", "what": "ASSAULT", "day": dt.date(2021, 4, 2)},
                {"kind": "event", "what": "ASSAULT", "day": dt.date(2021, 4, 20)},
                {"kind": "event", "what": "CONSULT", "day": dt.date(2021, 3, 1)},
                {"kind": "quote", "what": "direct", "day": dt.date(2021, 3, 1)},
                {"kind": "event", "what": "CONSULT", "day": None}]
    chart = actor_chart(timeline)
    assert chart["labels"] == ["2021-03", "2021-04"]
    by_type = {d["label"]: d["data"] for d in chart["datasets"]}
    assert by_type == {"ASSAULT": [0, 2], "CONSULT": [1, 0]}
    assert chart["datasets"][0]["label"] == "ASSAULT"  # the most frequent type first


def test_events_rows_pair_ids_with_names_and_keep_the_first_source():
    rows = events_rows([{"first_day": dt.date(2021, 1, 1), "event": "AID", "actor_ids": ["A", "B"],
                         "actor_names": ["Aland", None], "recipient_ids": [], "recipient_names": [],
                         "factualities": ["asserted", "possible"], "sources": ["d2", "d1"], "n_sources": 2}])
    row = rows[0]
    assert row["actor_links"] == [{"id": "A", "name": "Aland"}, {"id": "B", "name": "B"}]
    assert row["actors"] == "Aland" and row["factuality"] == "asserted,possible"
    assert row["first_source"] == "d2" and row["sources"] == "d2 d1"
