"""Scorers of the event evaluation on tiny hand-made gold/prediction pairs."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from helpers import shared_path

from newsgraph.eval import events_eval as ee


def ev(event, actor=(), recipient=(), factuality="asserted"):
    part = lambda items: [{"name": t, "text": t, "start": s, "end": s + len(t)} for t, s in items]
    return SimpleNamespace(event=event, actor=part(actor), recipient=part(recipient),
                           factuality=factuality)


def test_classification_report_known_numbers():
    pairs = [("AGREE", "AGREE"), ("AGREE", "CONSULT"), ("ASSAULT", "ASSAULT"),
             ("ASSAULT", "NONE")]
    rep = ee.classification_report(pairs)
    assert rep["accuracy"] == 0.5
    # AGREE: P=1, R=.5, F=.6667; ASSAULT: same -> macro .6667
    assert rep["per_type"]["AGREE"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert rep["macro_f1"] == pytest.approx(0.6667, abs=1e-4)
    assert rep["confusion"]["AGREE"] == {"AGREE": 1, "CONSULT": 1}


def test_score_plover_actor_recipient_and_coverage():
    text = "Chile met Peru."
    gold = [{"id": "1", "text": text, "event": "CONSULT", "actors": ["Chile"],
             "recipients": ["Peru"]},
            {"id": "2", "text": "Nothing here.", "event": "AGREE", "actors": ["X"],
             "recipients": []}]
    preds = [ev("CONSULT", [("Chile", 0)], [("Peru", 10)]), None]
    rep = ee.score_plover(gold, preds)
    assert rep["accuracy"] == 0.5
    assert rep["coverage"] == 0.5
    assert rep["actor_match"] == 0.5 and rep["actor_n"] == 2
    assert rep["recipient_match"] == 1.0 and rep["recipient_n"] == 1


def test_strict_recipient_match_takes_only_the_first_recipient():
    text = "Chile met Peru and Bolivia."
    gold = [{"id": "1", "text": text, "event": "CONSULT", "actors": ["Chile"],
             "recipients": ["Bolivia"]}]
    rep = ee.score_plover(gold, [ev("CONSULT", [("Chile", 0)], [("Peru", 10), ("Bolivia", 19)])])
    assert rep["recipient_match"] == 1.0  # any overlap
    assert rep["recipient_match_strict"] == 0.0  # the main recipient is Peru


def test_overlap_by_span_and_by_word():
    s = "Senior Hungarian officials agreed."
    assert ee.text_overlap({"start": 0, "end": 26, "text": s[:26]}, "Hungarian", s)
    assert not ee.text_overlap({"start": 27, "end": 33, "text": "agreed"}, "Hungarian", s)
    assert ee.text_overlap({"name": "the Hungarian side"}, "Hungarian officials", "other")


def test_plover_label_conventions():
    assert ee.plover_label(ev("CONSULT", factuality="future")) == "AGREE"
    assert ee.plover_label(ev("ASSAULT", factuality="future")) == "THREATEN"
    assert ee.plover_label(ev("ASSAULT")) == "ASSAULT"


def test_cameo_mapping(tmp_path):
    table = tmp_path / "c2p.txt"
    table.write_text("03: AGREE\n036: AGREE, , diplomatic\n04: CONSULT\n163: COERCE, x\n"
                     "16: SANCTION\n", encoding="utf-8")
    m = ee.load_cameo_map(table)
    assert ee.cameo_to_plover("0361", m) == "AGREE"
    assert ee.cameo_to_plover("163", m) == "COERCE"
    assert ee.cameo_to_plover("161", m) == "SANCTION"
    assert ee.cameo_to_plover("022", m) == "REQUEST"
    assert ee.cameo_to_plover("903", m) is None


def test_actor_dictionary(tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text("<!-- x -->\nARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n", encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\n",
                      encoding="utf-8")
    d = ee.ActorDictionary(actors, agents)
    assert d.code("Arnor") == "ARN"
    assert d.code("the Minas Tirith police") == "GONCOP"
    assert d.code("Gondorian congressmen") == "GONLEG"


def test_real_plover_gold_floor():
    path = shared_path("peers", "PLOVER", "PLOVER_GSR_CAMEO.txt")
    rep = ee.evaluate_plover(path, limit=80)
    assert rep["n"] == 80
    assert rep["accuracy"] > 0.5
    assert rep["coverage"] > 0.7


def test_evaluator_runs_the_configured_pipeline(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STAGES", "parse.v1,entities.v1")
    (doc, top), = ee.code_texts(["Chile attacked Peru on Monday."])
    assert top is None and doc.events == []  # events.v1 disabled: nothing to score
    monkeypatch.delenv("NEWSGRAPH_STAGES")
    pipe = ee.configured_pipeline()
    assert "actors.v1" in pipe.names and "events.v1" in pipe.names
    pairs = ee.code_texts(["Chile attacked Peru on Monday.", "Norway praised Ghana."])
    assert [top.event for _doc, top in pairs] == ["ASSAULT", "SUPPORT"]
    assert all(doc.nlp is None for doc, _ in pairs)  # batched through Pipeline.run
