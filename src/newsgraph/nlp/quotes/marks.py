"""Quotation marks: pair opening and closing marks (curly, straight, guillemets, single
marks inside or outside double ones) into quoted stretches, paragraph by paragraph, and the
quote candidate record the direct and indirect extractors share."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
_PARA = re.compile(r"\n\s*")
_SINGLE_MARK = re.compile("[‘’']")


@dataclass(slots=True)
class MarkSpan:
    """A quoted stretch: positions of its marks and its content (marks excluded)."""

    open: int
    close: int  # index of the closing mark, or the paragraph end when unclosed
    closed: bool
    double: bool
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Candidate:
    """A quote before speaker resolution (shared by the direct and indirect extractors)."""

    kind: str
    start: int
    end: int
    cue: str | None = None
    cue_lemma: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_tokens: list = field(default_factory=list)  # head tokens naming the speaker(s)
    medium: str | None = None
    source: str = "cue"  # cue | standalone | continuation | according | framed | fragment | block


def _content_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """Content between marks without surrounding blanks or a trailing comma."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def pair_double_marks(text: str) -> list[MarkSpan]:
    """Top-level double-quote spans, tolerant of unbalanced and straight marks."""
    spans: list[MarkSpan] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if open_at is not None:
                if j < n and text[j] in OPEN_DOUBLE + STRAIGHT:
                    i = j + 1  # the quote runs on into the next paragraph
                    continue
                spans.append(MarkSpan(open_at, i, False, True))  # unclosed: ends here
                open_at = None
                if closes_first(text, j):
                    # the quote goes on in the next paragraph, which has only its closing
                    # mark: that paragraph up to the mark is a quoted stretch of its own
                    open_at = j - 1
            i = j
            continue
        if ch in OPEN_DOUBLE:
            open_at = i  # a second opening mark means the first was stray
        elif ch in CLOSE_DOUBLE:
            if open_at is not None:
                spans.append(MarkSpan(open_at, i, True, True))
                open_at = None
        elif ch == STRAIGHT:
            if open_at is None:
                open_at = i
            else:
                spans.append(MarkSpan(open_at, i, True, True))
                open_at = None
        i += 1
    if open_at is not None:
        spans.append(MarkSpan(open_at, n, False, True))
    for span in spans:
        span.start, span.end = _content_bounds(text, span.open + 1, span.close)
    return [s for s in spans if s.end > s.start]


def closes_first(text: str, start: int) -> bool:
    """The first double mark of the paragraph starting at ``start`` closes a quote: a
    closing curly mark, or a straight one right after a word and not before one."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE:
            return False
        if ch in CLOSE_DOUBLE:
            return True
        if ch == STRAIGHT:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            return not before.isspace() and not after.isalnum()
    return False


def pair_single_marks(text: str, outside: list[MarkSpan]) -> list[MarkSpan]:
    """Single-quote spans outside any double quote (British style speech, headline quotes)."""
    spans = []
    opens, closes = _covered(outside)
    marks = [m.start() for m in _SINGLE_MARK.finditer(text)]
    k = 0
    for para in paragraphs(text):
        a, b = para
        open_at = None
        while k < len(marks) and marks[k] < a:
            k += 1
        while k < len(marks) and marks[k] < b:
            i = marks[k]
            k += 1
            ch = text[i]
            j = bisect_right(opens, i) - 1
            if j >= 0 and i <= closes[j]:
                continue
            prev = text[i - 1] if i > a else " "
            nxt = text[i + 1] if i + 1 < b else " "
            if ch in "‘'" and open_at is None and (prev.isspace() or prev in "([—–-:") \
                    and (nxt.isalnum() or nxt in "…."):
                open_at = i
            elif ch in "’'" and open_at is not None and not nxt.isalpha() and not prev.isspace():
                if prev.lower() == "s" and ch == "'" and nxt == " " and i - open_at < 3:
                    continue
                spans.append(MarkSpan(open_at, i, True, False))
                open_at = None
    for span in spans:
        span.start, span.end = _content_bounds(text, span.open + 1, span.close)
    return [s for s in spans if s.end > s.start]


def _covered(spans: list[MarkSpan]) -> tuple[list[int], list[int]]:
    """The positions ``open..close`` (inclusive) of the spans as sorted disjoint intervals
    (starts, ends): a position is covered iff the last start at or before it has its end
    at or after it."""
    opens: list[int] = []
    closes: list[int] = []
    for span in sorted(spans, key=lambda s: s.open):
        if opens and span.open <= closes[-1] + 1:
            closes[-1] = max(closes[-1], span.close)
        else:
            opens.append(span.open)
            closes.append(span.close)
    return opens, closes


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of the text, without the line breaks and blank lines
    between them."""
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def quote_mark_spans(text: str) -> list[MarkSpan]:
    doubles = pair_double_marks(text)
    return sorted(doubles + pair_single_marks(text, doubles), key=lambda s: s.open)


# --- cue and speaker around one quote ---------------------------------------------------
