"""The linguistic layer: spaCy sentences, tokens, parse and named entities."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.attrs import IDX, LENGTH

from ..model import Document, Sentence
from ..pipeline import Stage, run_guarded
from . import segments
from .spacy_model import lemmatizer_for, load_model

# Components not run inside ``nlp.pipe``: the parse stage lemmatizes each Doc itself
# (``lemmatizer_for``: the same lemmas, memoised), which is part of the speed budget.
UNUSED_COMPONENTS = ("lemmatizer",)
# A line break inside a sentence of hard-wrapped text ("would leave\nby June"): spaCy makes
# it a token of its own and parses across it badly. Only breaks followed by a lower-case
# word or a number are joined, so titles and paragraph ends stay breaks.
_WRAPPED_BREAK = re.compile(r"(?<=[\w,;])[ \t]*\n(?=[ \t]*[a-z0-9(])")


def text_for_parse(text: str) -> str:
    """The text spaCy sees: hard wraps inside sentences become spaces, same length, so every
    offset into it is an offset into the original."""
    return _WRAPPED_BREAK.sub(lambda m: " " * len(m.group()), text)


# --- per-document indexes, built once per spaCy Doc and kept in its ``user_data`` ----------
# ``Doc.text`` is rebuilt from the tokens on every access, and finding the token at a
# character offset by walking the Doc is linear: stages that need either many times per
# document use these instead.
_TEXT_KEY = "newsgraph.text"
_OFFSETS_KEY = "newsgraph.token_offsets"


def doc_text(sdoc) -> str:
    """``sdoc.text``, computed once per Doc."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if text is None:
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return text


def token_offsets(sdoc) -> tuple[list[int], list[int]]:
    """(start, end) character offsets of every token, in token order, computed once per Doc.
    Both lists are sorted (tokens never overlap), so offsets map to tokens by bisection."""
    offsets = sdoc.user_data.get(_OFFSETS_KEY)
    if offsets is None or len(offsets[0]) != len(sdoc):
        columns = sdoc.to_array([IDX, LENGTH]).tolist() if len(sdoc) else []
        starts = [c[0] for c in columns]
        ends = [c[0] + c[1] for c in columns]
        offsets = sdoc.user_data[_OFFSETS_KEY] = (starts, ends)
    return offsets


def first_token_from(sdoc, char: int) -> int:
    """Index of the first token starting at or after ``char`` (``len(sdoc)`` when none)."""
    return bisect_left(token_offsets(sdoc)[0], char)


def last_token_before(sdoc, char: int) -> int:
    """Index of the last token ending at or before ``char`` (-1 when none)."""
    return bisect_right(token_offsets(sdoc)[1], char) - 1


def token_covering(sdoc, char: int) -> int:
    """Index of the token whose text covers character ``char``, or -1 (whitespace, out of range)."""
    starts, ends = token_offsets(sdoc)
    i = bisect_right(starts, char) - 1
    return i if i >= 0 and char < ends[i] else -1


class ParseStage(Stage):
    """Run spaCy over the batch with ``nlp.pipe`` and keep the Doc on ``doc.nlp``."""

    name = "parse.v1"
    requires = ("text",)
    provides = ("parse", "sentences", "ner")

    def __init__(self, nlp=None):
        self.nlp = nlp if nlp is not None else load_model(UNUSED_COMPONENTS)
        self.lemmatize = lemmatizer_for(self.nlp)

    def process_batch(self, docs: Sequence[Document]) -> None:
        try:
            texts = [text_for_parse(d.text) for d in docs]
            tokens = [self._tokens(d, t) for d, t in zip(docs, texts)]
            # long texts are parsed alone, in parts (segments.py), the others in one batch
            short = [i for i, t in enumerate(tokens) if len(t) <= segments.MAX_PART_TOKENS]
            parsed = dict(zip(short, self.nlp.pipe(tokens[i] for i in short)))
            for i, sdoc in enumerate(tokens):
                if i not in parsed:
                    parsed[i] = segments.parse_in_parts(self.nlp, sdoc)
        except Exception:  # one bad text must not lose the batch: retry one by one
            for doc in docs:
                run_guarded(self, doc, self)
            return
        for i, (doc, text) in enumerate(zip(docs, texts)):
            run_guarded(self, doc, lambda d, s=parsed[i], t=text: self._attach(d, s, t))

    def __call__(self, doc: Document) -> None:
        text = text_for_parse(doc.text)
        self._attach(doc, segments.parse_in_parts(self.nlp, self._tokens(doc, text)), text)

    def _tokens(self, doc: Document, text: str):
        """The tokenised text, with a sentence starting at each header line, at the body and
        after a dateline opening the body ("GENEVA, June 10 (Wire) -").

        The header (title, dateline, masthead) has no final punctuation, so the parser would
        run it into the first sentence of the body and hang it on the body's verb (or make
        the dateline city its subject). The parser keeps boundaries set before it runs."""
        sdoc = segments.tokenize(self.nlp, text)
        after_break = False
        for tok in sdoc if doc.body_start > 0 else ():
            if tok.is_space:
                after_break = after_break or "\n" in tok.text
                continue
            if tok.i > 0 and (after_break or tok.idx >= doc.body_start):
                tok.is_sent_start = True
            if tok.idx >= doc.body_start:
                break
            after_break = False
        if doc.dateline_end:
            first = first_token_from(sdoc, doc.dateline_end)
            while first < len(sdoc) and sdoc[first].is_space:
                first += 1
            if 0 < first < len(sdoc):
                sdoc[first].is_sent_start = True
        segments.cap_sentences(sdoc)  # after the header's starts, which it counts as sentence starts
        return sdoc

    def _attach(self, doc: Document, sdoc, text: str | None = None) -> None:
        self.lemmatize(sdoc)
        if text is not None:  # spaCy's tokenisation is lossless: sdoc.text == text
            sdoc.user_data[_TEXT_KEY] = text
        doc.nlp = sdoc
        doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
