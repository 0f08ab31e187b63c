"""The Article view's segments: every mark's span covered exactly, nested and overlapping
marks both kept, and the panel's references the same as the marks'."""
from __future__ import annotations

from newsgraph.interfaces.web.marks import Mark, marks, segments, speaker_colours
from newsgraph.interfaces.web.views import record_panel


def covering(segs, ref):
    return "".join(s.text for s in segs if ref in s.refs)


def test_segments_rebuild_the_text_and_cover_each_mark_exactly():
    text = "The minister said the talks would resume in May."
    found = [Mark(4, 12, "ent-0", "ent"), Mark(18, 47, "q-q1", "quote spk-0"), Mark(44, 47, "tx-0", "timex"),
             Mark(0, 12, "ev-0", "event")]
    segs = segments(text, found)
    assert "".join(s.text for s in segs) == text
    for mark in found:
        assert covering(segs, mark.ref) == text[mark.start:mark.end]
    inner = next(s for s in segs if s.text == "May")
    assert inner.refs == ["q-q1", "tx-0"] and {"quote", "timex", "spk-0"} <= set(inner.css)


def test_marks_outside_the_text_are_clipped_not_fatal():
    segs = segments("short", [Mark(2, 50, "q-x", "quote"), Mark(60, 70, "q-y", "quote")])
    assert "".join(s.text for s in segs) == "short"
    assert covering(segs, "q-x") == "ort" and covering(segs, "q-y") == ""


def record():
    return {
        "document": {"id": "d1", "text": "Ann Lee said: \"We will go.\" Bo Ray said \"No.\""},
        "entities": [{"id": "person:ann-lee", "name": "Ann Lee", "type": "PERSON",
                      "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}]}],
        "quotes": [{"id": "q1", "kind": "direct", "text": "We will go.", "start": 15, "end": 26,
                    "speaker": "person:ann-lee", "speaker_name": "Ann Lee"},
                   {"id": "q2", "kind": "direct", "text": "No.", "start": 41, "end": 44,
                    "speaker": "person:bo-ray", "speaker_name": "Bo Ray"},
                   {"id": "q3", "kind": "direct", "text": "go", "start": 23, "end": 25, "speaker": None}],
        "events": [{"event": "CONSULT", "event_text": "go", "evidence": {"start": 23, "end": 25},
                    "actor": [{"entity": "person:ann-lee", "name": "Ann Lee"}]}],
    }


def test_quotes_get_one_colour_per_speaker_and_none_when_unattributed():
    colours = speaker_colours(record())
    assert colours == {"person:ann-lee": 0, "person:bo-ray": 1}
    css = {m.ref: m.css for m in marks(record())}
    assert css["q-q1"].endswith("spk-0") and css["q-q2"].endswith("spk-1") and css["q-q3"].endswith("spk-none")


def test_panel_references_are_the_marks_references_and_link_known_actors():
    rec = record()
    panel = record_panel(rec, {"person:ann-lee": "ANN"})
    panel_refs = {item["ref"] for section in ("quotes", "events", "entities") for item in panel[section]}
    assert panel_refs == {m.ref for m in marks(rec)}
    assert panel["quotes"][0]["speaker"] == {"name": "Ann Lee", "actor": "ANN"}
    assert panel["quotes"][1]["speaker"]["actor"] is None  # not in the store's actors: no link
    assert panel["quotes"][2]["speaker"] is None
    assert panel["events"][0]["actors"][0]["actor"] == "ANN"
