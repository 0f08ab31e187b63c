"""Quotes on a text without sentence ends: the medium of each quote is looked for around it,
not across the whole text for every quote (which made such texts quadratic)."""
from newsgraph.model import Document
from newsgraph.nlp.quotes import stage as quote_stage
from newsgraph.pipeline import build


def test_the_medium_window_is_bounded_on_a_text_without_punctuation(monkeypatch):
    text = 'Iran said "' * 1_200  # 13,200 characters, no full stop, no line break
    windows = []
    real = quote_stage.find_medium
    monkeypatch.setattr(quote_stage, "find_medium", lambda w: windows.append(len(w)) or real(w))
    doc = build(["parse.v1", "entities.v1", "quotes.v1"], fresh=True)(Document(text=text))
    assert doc.errors == [] and len(windows) == len(doc.quotes) > 100
    # the reach on each side, plus the attribution outside the quote ("Iran said")
    assert max(windows) <= 2 * quote_stage.MEDIUM_REACH + 50 < len(text)


def test_the_medium_is_still_found_in_the_quotes_sentence():
    text = "In a statement on Monday, the ministry said the talks would resume."
    doc = build(["parse.v1", "entities.v1", "quotes.v1"], fresh=True)(Document(text=text))
    assert [q.medium for q in doc.quotes] == ["statement"]
