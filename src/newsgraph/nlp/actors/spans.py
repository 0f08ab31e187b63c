"""Splitting spaCy spans that run two names together (``entities.v1`` asks before it makes a
mention of a span):

* two places joined by "and" ("Zenda and Ruritania" tagged as one ORG), when one side is a
  country or state and the whole is no place ("Trinidad and Tobago" stays);
* a place before a person ("Senator from Ruritania Ada Lind" tagged "Ruritania Ada Lind"):
  the place is GPE, the rest a person when it opens with a common given name;
* a surname before "the" and an organisation's name ("Lind the Ruritanian Party's" in "...
  Lind the Ruritanian Party's first ..."): two mentions, the surname kept for the surname
  fold ("Stop the Steal" stays one name).
"""
from __future__ import annotations

import re

from .gazetteer import BIG, is_place

Piece = tuple[int, int, str]  # start, end (relative to the span text), label


def _looks_like_person(words: list[str]) -> bool:
    from .types import looks_like_person, type_words

    return looks_like_person(" ".join(words), type_words())


def split_span(text: str, label: str) -> list[Piece]:
    """The pieces of a span's text, or ``[(0, len(text), label)]`` when it is one name."""
    whole = [(0, len(text), label)]
    if label not in ("ORG", "GPE", "PERSON", "FAC", "LOC", "NORP"):
        return whole
    found = re.fullmatch(r"(?:the )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?) and ([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)", text)
    if found and not is_place(text):
        left, right = found.group(1), found.group(2)
        if (is_place(left, BIG) or is_place(right, BIG)) and (is_place(left) or is_place(right)):
            return [(found.start(1), found.end(1), "GPE"), (found.start(2), found.end(2), "GPE")]
    words = text.split()
    for k in (1, 2):
        if len(words) - k in (2, 3) and is_place(" ".join(words[:k]), BIG) and _looks_like_person(words[k:]):
            cut = len(" ".join(words[:k]))
            return [(0, cut, "GPE"), (cut + 1, len(text), "PERSON")]
    found = re.fullmatch(r"([A-Z][\w'’-]+) (the [A-Z].*)", text)
    if found and _organisation(found.group(2)):
        return [(0, found.end(1), label), (found.start(2), len(text), label)]
    return whole


def _organisation(name: str) -> bool:
    from .types import type_by_head, type_words

    return type_by_head(re.sub(r"['’]s?$", "", name), type_words()) == "ORG"
