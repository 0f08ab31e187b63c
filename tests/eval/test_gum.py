"""The GUM suite: CoNLL-U reading, entity/coreference/quote scoring, the real corpus."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import shared_path

from newsgraph.eval import gum
from newsgraph.model import Document, Entity, Mention, Quote, Timex

ROWS = [
    "# newdoc id = GUM_news_tiny",
    "# meta::title = Smith wins prize",
    "# meta::dateCreated = 2010-05-01",
    "# meta::sourceURL = https://example.org/tiny",
    "# newpar",
    "# sent_id = tiny-1",
    "1 Smith Smith PROPN NNP _ 2 nsubj _ Entity=(1-person-new-sssss-cf1-1-coref-Jane_Smith)",
    "2 wins win VERB VBZ _ 0 root _ _",
    "3 prize prize NOUN NN _ 2 obj _ Entity=(2-object-new-nnnnn-cf2-1-sgl)",
    "",
    "# newpar",
    "# sent_id = tiny-2",
    '1 Monday Monday PROPN NNP _ 0 root _ SpaceAfter=No|XML=<date when:::"2010-05-03">',
    "2 , , PUNCT , _ 3 punct _ _",
    "3 May May PROPN NNP _ 1 appos _ _",
    "4 3 3 NUM CD _ 3 nummod _ SpaceAfter=No",
    "5 , , PUNCT , _ 6 punct _ _",
    "6 2010 2010 NUM CD _ 3 nmod _ XML=</date>",
    "",
    "# newpar",
    "# sent_id = tiny-3",
    "1 Jane Jane PROPN NNP _ 2 compound _ Entity=(1-person-giv-sssss-cf1-2-coref-Jane_Smith",
    "2 Smith Smith PROPN NNP _ 3 nsubj _ Entity=1)",
    "3 said say VERB VBD _ 0 root _ _",
    '4 " " PUNCT `` _ 7 punct _ SpaceAfter=No|XML=<quote>',
    "5 she she PRON PRP _ 7 nsubj _ Entity=(1-person-giv-sssss-cf1-1-coref)",
    "6-7 won't _ _ _ _ _ _ _ SpaceAfter=No",
    "6 wo will AUX MD _ 7 aux _ _",
    "7 n't not PART RB _ 3 ccomp _ _",
    '8 " " PUNCT \'\' _ 7 punct _ SpaceAfter=No|XML=</quote>',
    "9 . . PUNCT . _ 3 punct _ _",
    "",
]
CONLLU = "\n".join(re.sub(r" ", "\t", row, count=9) if row and not row.startswith("#") else row
                   for row in ROWS) + "\n"
TEXT = 'Smith wins prize\n\nMonday, May 3, 2010\n\nJane Smith said "she won\'t".'


def _at(text: str, nth: int = 0) -> tuple[int, int]:
    m = list(re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", TEXT))[nth]
    return m.start(), m.end()


def test_reader_rebuilds_text_offsets_and_layers():
    [doc] = gum.parse_conllu(CONLLU)
    assert doc.text == TEXT
    assert doc.id == "GUM_news_tiny"
    assert doc.title == "Smith wins prize"
    assert doc.published == dt.date(2010, 5, 3)  # the dateline, not meta::dateCreated
    assert doc.body_start == TEXT.index("Jane")
    forms = [(t.form, doc.text[t.start:t.end]) for t in doc.tokens]
    assert ("wo", "wo") in forms and ("n't", "n't") in forms  # multi-word token split
    assert all(form == shown for form, shown in forms)
    mentions = [(m.text, m.type, m.chain, m.named) for m in doc.mentions]
    assert mentions == [("Smith", "person", "1", True), ("prize", "object", "2", False),
                        ("Jane Smith", "person", "1", True), ("she", "person", "1", False)]
    jane = doc.mentions[2]
    assert doc.text[jane.head_start:jane.head_end] == "Smith"
    [date] = doc.spans("date")
    assert (doc.text[date.start:date.end], date.attrs) == ("Monday, May 3, 2010",
                                                           {"when": "2010-05-03"})
    [quote] = doc.spans("quote")
    assert doc.text[quote.start:quote.end] == '"she won\'t"'


def _predicted(split_pronoun: bool) -> Document:
    d = Document(text=TEXT)
    smith = [Mention(*_at("Smith"), "Smith"), Mention(*_at("Jane Smith"), "Jane Smith")]
    she = Mention(*_at("she"), "she")
    if split_pronoun:
        d.entities = [Entity("person:jane-smith", "Jane Smith", "PERSON", smith),
                      Entity("person:she", "she", "PERSON", [she])]
    else:
        d.entities = [Entity("person:jane-smith", "Jane Smith", "PERSON", [*smith, she])]
    d.timexes = [Timex("Monday, May 3, 2010", *_at("Monday, May 3, 2010"), "DATE", "2010-05-03")]
    start = TEXT.index('"she')
    d.quotes = [Quote("q1", "direct", '"she won\'t"', start, start + len('"she won\'t"'))]
    return d


def test_scores_on_hand_made_predictions():
    [gold] = gum.parse_conllu(CONLLU)
    spacy = [(*_at("Smith"), "ORG"), (*_at("Jane Smith"), "PERSON"), (*_at("May 3"), "DATE")]
    r = gum.score_documents([gold], [_predicted(False)], [spacy])
    # both proper-name mentions found and typed; "she" falls in a don't-care mention
    assert (r["entity_tp"], r["entity_predicted"], r["entity_gold"]) == (2, 2, 2)
    assert r["entity_f1"] == pytest.approx(1.0)
    assert r["spacy_entity_f1"] == pytest.approx(0.5)  # headline Smith typed ORG
    assert r["spacy_entity_untyped_f1"] == pytest.approx(1.0)
    assert r["coref_mentions"] == 3
    assert r["coref_link_f1"] == pytest.approx(1.0) and r["coref_muc_f1"] == pytest.approx(1.0)
    assert r["date_value_f1"] == pytest.approx(1.0)

    r = gum.score_documents([gold], [_predicted(True)])
    # three gold links; we keep one (Smith - Jane Smith)
    assert (r["coref_link_tp"], r["coref_link_predicted"], r["coref_link_gold"]) == (1, 1, 3)
    assert r["coref_link_f1"] == pytest.approx(0.5)
    assert r["coref_muc_p"] == pytest.approx(1.0) and r["coref_muc_r"] == pytest.approx(0.5)


def test_real_corpus_entity_floor():
    data = shared_path("corpus", "gum-wikinews-news")
    r = gum.evaluate_gum(data)
    assert r["documents"] == 24
    assert r["entity_f1"] > 0.3
    assert r["spacy_entity_f1"] > 0.3
    assert r["coref_mentions"] > 0
