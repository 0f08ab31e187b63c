"""Bounds on what one spaCy call sees, so that no text makes the parse superlinear or huge.

* An absurd token (a whitespace-free run of hundreds of characters: 200,000 ``"``) is
  tokenised in pieces: spaCy's suffix search rescans the rest of a token for every affix
  it strips, which is quadratic in the token's length.
* An endless "sentence" (thousands of tokens without a full stop or line break) gets a
  sentence start every ``MAX_SENTENCE_TOKENS`` tokens: the parser keeps boundaries set
  before it runs, and every later stage that walks a sentence or a dependency subtree is
  then bounded by that length instead of the text's.
* A text of more than ``MAX_PART_TOKENS`` tokens (and so any text over spaCy's
  ``max_length``) is parsed in parts cut after a paragraph break or a sentence end, one part
  at a time (the parser's memory grows with the tokens of what it parses at once), and the
  parts are joined into one Doc whose offsets are offsets into the whole text.

Normal news text is far below every bound (the longest run without a sentence end in the
shared corpora is 360 words, the longest token 60 characters), so it is tokenised and
parsed exactly as before.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_TOKEN_CHARS = 300  # a whitespace-free run longer than this is tokenised in pieces
PIECE_CHARS = 100  # the size of those pieces (spaCy's affix search is near-linear below it)
MAX_SENTENCE_TOKENS = 1000  # a run this long with no sentence end gets a sentence start
MAX_PART_TOKENS = 50_000  # longer texts are parsed in parts of at most this many tokens
_SENTENCE_END = frozenset({".", "!", "?"})
_LONG_RUN = re.compile(r"\S{%d,}\s?" % (MAX_TOKEN_CHARS + 1))


def tokenize(nlp, text: str) -> Doc:
    """``text`` tokenised by ``nlp``'s tokenizer, at any length (``nlp.make_doc`` refuses
    texts over ``nlp.max_length``; parsing in parts is what bounds the cost); a run of more
    than ``MAX_TOKEN_CHARS`` non-space characters is tokenised ``PIECE_CHARS`` at a time.
    ``doc.text == text`` either way."""
    runs = [m.span() for m in _LONG_RUN.finditer(text)]
    if not runs:
        return nlp.tokenizer(text)
    segments: list[str] = []
    pos = 0
    for start, end in runs:
        if start > pos:
            segments.append(text[pos:start])
        # the run's trailing space (if any) stays on its last piece, as the tokenizer has it
        segments += [text[i:min(i + PIECE_CHARS, end)] for i in range(start, end, PIECE_CHARS)]
        pos = end
    if pos < len(text):
        segments.append(text[pos:])
    return Doc.from_docs([nlp.tokenizer(s) for s in segments], ensure_whitespace=False)


def _ends_sentence(tok) -> bool:
    return tok.text in _SENTENCE_END or (tok.is_space and "\n" in tok.text)


def cap_sentences(sdoc: Doc, limit: int | None = None) -> int:
    """Set a sentence start on the token after every ``limit`` (``MAX_SENTENCE_TOKENS``)
    tokens that have no sentence end (full stop, ``!``, ``?``, line break) and no sentence
    start set; the number set."""
    limit = limit or MAX_SENTENCE_TOKENS
    if len(sdoc) <= limit:
        return 0
    run = forced = 0
    for tok in sdoc:
        if tok.i > 0 and tok.is_sent_start:  # set before (header lines, dateline)
            run = 0
        if run >= limit:
            tok.is_sent_start = True
            run, forced = 0, forced + 1
        run = 0 if _ends_sentence(tok) else run + 1
    return forced


def part_ranges(sdoc: Doc, limit: int | None = None) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` covering ``sdoc`` in order, each at most ``limit``
    (``MAX_PART_TOKENS``) tokens, cut after the last line break in the range's second half, else after its last
    sentence end there, else at the limit."""
    limit = limit or MAX_PART_TOKENS
    n = len(sdoc)
    ranges = []
    start = 0
    while n - start > limit:
        end = start + limit
        low = start + limit // 2
        cut = next((i + 1 for i in range(end - 1, low, -1)
                    if sdoc[i].is_space and "\n" in sdoc[i].text), None)
        if cut is None:
            cut = next((i + 1 for i in range(end - 1, low, -1) if _ends_sentence(sdoc[i])), end)
        ranges.append((start, cut))
        start = cut
    ranges.append((start, n))
    return ranges


def parse_in_parts(nlp, sdoc: Doc, limit: int | None = None) -> Doc:
    """Run ``nlp``'s components over a tokenised Doc, in parts of at most ``limit``
    (``MAX_PART_TOKENS``) tokens one at a time, joined back into one Doc over the whole text (same offsets)."""
    ranges = part_ranges(sdoc, limit)
    if len(ranges) == 1:
        return next(iter(nlp.pipe([sdoc])))
    parsed = [next(iter(nlp.pipe([sdoc[a:b].as_doc()]))) for a, b in ranges]
    joined = Doc.from_docs(parsed, ensure_whitespace=False)
    if len(joined) != len(sdoc):  # pragma: no cover - from_docs keeps every token
        raise ValueError("parsing in parts lost tokens")
    return joined
