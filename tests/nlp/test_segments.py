"""Bounds on what one spaCy call sees (nlp/segments.py): absurd tokens are tokenised in
pieces, endless sentences are cut, long texts are parsed in parts with whole-text offsets.
Each hostile input is small; what would fail without the bound is a size, never a time."""
import pytest

from newsgraph.model import Document
from newsgraph.nlp import segments


class CountingTokenizer:
    """Stands for an ``nlp`` whose tokenizer records the length of every string it gets."""

    def __init__(self, nlp):
        self.real = nlp.tokenizer
        self.lengths: list[int] = []

    @property
    def tokenizer(self):
        def tokenize(text):
            self.lengths.append(len(text))
            return self.real(text)
        return tokenize


def test_an_absurd_token_is_tokenised_in_pieces_and_keeps_the_text(parse_stage):
    text = "He said " + '"' * 3_000 + " and left."
    counting = CountingTokenizer(parse_stage.nlp)
    sdoc = segments.tokenize(counting, text)
    assert sdoc.text == text
    # spaCy's affix search is quadratic in one string's length: no call sees the whole run
    assert max(counting.lengths) <= segments.PIECE_CHARS + len(" and left.")
    assert [t.idx for t in sdoc if t.text == "left"] == [text.index("left")]


def test_normal_text_is_tokenised_as_spacy_does(parse_stage):
    text = 'Officials said: "We will return to Geneva (next week)." https://example.org/a?b=1\n\nOK.'
    ours = segments.tokenize(parse_stage.nlp, text)
    theirs = parse_stage.nlp.make_doc(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]


def test_an_endless_sentence_is_cut_and_parsed_within_the_bound(parsed, monkeypatch):
    monkeypatch.setattr(segments, "MAX_SENTENCE_TOKENS", 120)
    doc = parsed('Iran said "' * 150)  # 450 tokens, no full stop, no line break
    lengths = [len(s) for s in doc.nlp.sents]
    assert sum(lengths) == len(doc.nlp)
    assert max(lengths) <= 120
    assert [(s.start, s.end) for s in doc.sentences][0][0] == 0


def test_sentences_of_normal_length_get_no_forced_start(parse_stage):
    sdoc = segments.tokenize(parse_stage.nlp, "The envoy met the minister. " * 400)
    assert segments.cap_sentences(sdoc) == 0


def test_part_ranges_cover_the_text_and_cut_after_paragraphs(parse_stage):
    text = "The envoy met the minister in Geneva on Monday.\n\n" * 30
    sdoc = segments.tokenize(parse_stage.nlp, text)
    ranges = segments.part_ranges(sdoc, limit=50)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(sdoc)
    assert all(a < b and b - a <= 50 for a, b in ranges)
    assert all(ranges[k][1] == ranges[k + 1][0] for k in range(len(ranges) - 1))
    assert all("\n" in sdoc[b - 1].text for a, b in ranges[:-1])


def test_a_text_over_the_parsers_limit_is_analysed_with_offsets_into_the_whole(
        parse_stage, parsed, monkeypatch):
    paragraph = "The minister met the envoy in Geneva on Monday, officials said.\n\n"
    text = paragraph * 40
    monkeypatch.setattr(parse_stage.nlp, "max_length", len(text) // 4)  # make_doc would refuse
    monkeypatch.setattr(segments, "MAX_PART_TOKENS", 100)
    doc = parsed(text)
    assert doc.errors == []
    assert doc.nlp.text == text and len(doc.sentences) >= 40
    genevas = [e for e in doc.nlp.ents if e.text == "Geneva"]
    assert len(genevas) == 40  # found in every part, at the right place in the whole text
    assert all(text[e.start_char:e.end_char] == "Geneva" for e in genevas)
    assert genevas[-1].start_char > len(text) - len(paragraph)


@pytest.mark.parametrize("limit", [30, 1_000])
def test_parsing_in_parts_keeps_every_token(parse_stage, limit):
    text = "Officials said the talks would resume. " * 20
    sdoc = segments.tokenize(parse_stage.nlp, text)
    joined = segments.parse_in_parts(parse_stage.nlp, sdoc, limit=limit)
    assert [t.idx for t in joined] == [t.idx for t in sdoc]
    assert all(t.dep_ for t in joined)  # parsed


def test_the_parse_stage_needs_no_retry_for_a_long_text(parse_stage, monkeypatch):
    monkeypatch.setattr(parse_stage.nlp, "max_length", 100)
    doc = Document(text="Talks resumed in Geneva on Monday. " * 10)
    doc.provided.update({"text", "metadata"})
    parse_stage.process_batch([doc])
    assert doc.errors == [] and "parse" in doc.provided
