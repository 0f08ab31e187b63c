"""The MEANTIME suite: CAT XML reading, span scoring on hand-made output, the real corpus."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from newsgraph.eval import meantime
from newsgraph.eval.spans import Span, Tally, match, score_doc
from newsgraph.model import Document, Entity, Event, Mention, Timex

from helpers import shared_path

TOKENS = [
    # (sentence, text)
    (0, "Acme"), (0, "buys"), (0, "Widget"), (0, "Corp"),
    (1, "May"), (1, "5"), (1, ","), (1, "2010"),
    (2, "John"), (2, "Smith"), (2, "said"), (2, "``"), (2, "it"), (2, "is"), (2, "done"),
    (2, "''"), (2, "."),
    (3, "Nothing"), (3, "here"), (3, "."),
]


def _cat_xml() -> str:
    toks = "\n".join(f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{t}</token>'
                     for i, (s, t) in enumerate(TOKENS, start=1))

    def anchors(*ids: int) -> str:
        return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)

    return f"""<?xml version="1.0" ?>
<Document doc_id="42" doc_name="42_Acme_buys_Widget_Corp" lang="en" url="http://example.org/42">
{toks}
<Markables>
<ENTITY_MENTION m_id="1" head="" syntactic_type="NAM">{anchors(1)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="2" head="" syntactic_type="NAM">{anchors(3, 4)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="3" head="" syntactic_type="">{anchors(9, 10)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="4" head="it" syntactic_type="PRO">{anchors(13)}</ENTITY_MENTION>
<EVENT_MENTION m_id="5" pred="buy" pos="VERB">{anchors(2)}</EVENT_MENTION>
<EVENT_MENTION m_id="6" pred="say" pos="VERB">{anchors(11)}</EVENT_MENTION>
<TIMEX3 m_id="7" functionInDocument="CREATION_TIME" type="DATE" value="2010-05-05">{anchors(5, 6, 7, 8)}</TIMEX3>
<TIMEX3 m_id="8" functionInDocument="NONE" type="DATE" value="2011" TAG_DESCRIPTOR="x"/>
<ENTITY m_id="20" ent_type="ORG" TAG_DESCRIPTOR="Acme"/>
<ENTITY m_id="21" ent_type="ORG" TAG_DESCRIPTOR="Widget Corp"/>
<ENTITY m_id="22" ent_type="PER" TAG_DESCRIPTOR="John Smith"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="4"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="22"/></REFERS_TO>
</Relations>
</Document>
"""


TEXT = 'Acme buys Widget Corp\nMay 5, 2010\n\nJohn Smith said "it is done". Nothing here.'


def test_reader_rebuilds_text_and_offsets():
    doc = meantime.parse_meantime(_cat_xml())
    assert doc.text == TEXT
    assert doc.id == "42"
    assert doc.title == "Acme buys Widget Corp"
    assert doc.published == dt.date(2010, 5, 5)
    assert doc.body_start == TEXT.index("John")
    for tok in doc.tokens.values():  # every token maps back onto its own characters
        shown = {"``": '"', "''": '"'}.get(tok.text, tok.text)
        assert doc.text[tok.start:tok.end] == shown
    ents = [(g.text, g.type, g.named) for g in doc.entities]
    assert ents == [("Acme", "ORG", True), ("Widget Corp", "ORG", True),
                    ("John Smith", "PER", True), ("it", "ORG", False)]
    widget = doc.entities[1]
    assert doc.text[widget.head_start:widget.head_end] == "Corp"
    assert [(t.text, t.value) for t in doc.timexes] == [("May 5, 2010", "2010-05-05")]
    assert [e.text for e in doc.events] == ["buys", "said"]
    assert doc.scored_end == TEXT.index(" Nothing")  # sentence 3 holds no markable


def _at(text: str) -> tuple[int, int]:
    """Where the first whole-word occurrence of ``text`` is in TEXT."""
    m = re.search(rf"\b{re.escape(text)}\b", TEXT)
    assert m is not None
    return m.start(), m.end()


def _mention(text: str) -> Mention:
    return Mention(*_at(text), text)


def _predicted() -> Document:
    d = Document(text=TEXT)
    d.entities = [
        Entity("org:acme", "Acme", "ORG", [_mention("Acme"), _mention("it")]),
        Entity("person:widget", "Widget Corp", "PERSON", [_mention("Widget Corp")]),
        Entity("person:john", "John Smith", "PERSON", [_mention("John Smith")]),
        Entity("gpe:nothing", "Nothing", "GPE", [_mention("Nothing")]),  # out of scope
    ]
    d.timexes = [Timex("May 5, 2010", *_at("May 5, 2010"), "DATE", "2010-05-05")]
    d.events = [Event("e1", "buy", *_at("Acme buys"), "buys")]
    return d


def test_scores_on_hand_made_predictions():
    gold = meantime.parse_meantime(_cat_xml())
    pred = _predicted()
    spacy = [(*_at("Acme"), "ORG"), (*_at("Widget Corp"), "ORG"), (*_at("John"), "PERSON"),
             (*_at("done"), "DATE")]
    r = meantime.score_documents([gold], [pred], [spacy])
    # Acme and John Smith right; Widget Corp has the wrong type; "it" (ORG) is don't-care
    assert (r["entity_tp"], r["entity_predicted"], r["entity_gold"]) == (2, 3, 3)
    assert r["entity_f1"] == pytest.approx(2 / 3)
    assert r["entity_untyped_f1"] == pytest.approx(1.0)
    assert r["entity_strict_f1"] == pytest.approx(2 / 3)
    assert r["entity_by_type"]["PER"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3),
                                          "gold": 1, "predicted": 2}
    # bare spaCy: all three typed right, "John" overlaps John Smith but is not exact
    assert r["spacy_entity_f1"] == pytest.approx(1.0)
    assert r["spacy_entity_strict_f1"] == pytest.approx(2 / 3)
    assert r["spacy_entity_head_f1"] == pytest.approx(2 / 3)  # "John" misses the head "Smith"
    assert r["timex_value_f1"] == pytest.approx(1.0)
    assert (r["event_tp"], r["event_predicted"], r["event_gold"]) == (1, 1, 2)
    assert r["event_f1"] == pytest.approx(2 / 3)


def test_no_event_stage_means_zero_predictions():
    gold = meantime.parse_meantime(_cat_xml())
    r = meantime.score_documents([gold], [Document(text=TEXT)])
    assert r["event_predicted"] == 0 and r["event_f1"] == 0.0
    assert r["entity_predicted"] == 0 and "spacy_entity_f1" not in r


def test_span_matching_is_one_to_one_and_dont_care_excuses():
    gold = [Span(0, 10, "A"), Span(20, 30, "A", scored=False)]
    pred = [Span(0, 4, "A"), Span(5, 10, "A"), Span(22, 25, "A"), Span(22, 25, "B")]
    assert match(gold[:1], pred[:2]) == [(0, 0)] or match(gold[:1], pred[:2]) == [(0, 1)]
    t = score_doc(gold, pred)
    assert (t.tp, t.predicted, t.gold) == (1, 3, 1)  # second half FP, "A" excused, "B" not
    assert Tally(1, 2, 4).f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_real_corpus_entity_floor():
    data = shared_path("corpus", "meantime-en", "intra-doc_annotation")
    r = meantime.evaluate_meantime([data])
    assert r["documents"] >= 100
    assert r["entity_f1"] > 0.3
    assert r["spacy_entity_f1"] > 0.3
