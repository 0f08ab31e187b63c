"""Splitting spaCy spans that run two names together (``entities.v1`` asks before it makes a
mention of a span):

* two places joined by "and" ("Zenda and Ruritania" tagged as one ORG), when one side is a
  country or state and the whole is no place ("Trinidad and Tobago" stays);
* a place before a person ("Senator from Ruritania Ada Lind" tagged "Ruritania Ada Lind"):
  the place (a country, a US state or county, or a first-level region such as "Bavaria") is
  GPE, the rest a person when it opens with a common given name;
* a country or state before a government noun ("the Ruritanian Government's" spelled "the
  Ruritania Government's"; "the UK Government"): the place alone, GPE (a state's name
  modifying its government stands for the state; "the Zenda Harbour Board" stays);
* a capitalised title before a person ("the Presidential Spokesperson Ada Lind"): the title
  is no name (a job title alone is no entity), the rest a person when it opens with a common
  given name;
* (``join_name_pieces``, the other way) an organisation's name that spaCy cut at "and": "the
  School of Marine" + "Atmospheric Science", "the Port Authority of Zenda" + "Kessel" (a
  country after "and" only when the name's own "of" part is a place too: "the Ministry of
  Defence and Ruritania" stays two), "National Union of Rail, Maritime" + "Transport
  Workers"; a given name before "and" and a foundation ("Bill" + "Ada Lind Foundation");
* a surname before "the" and an organisation's name ("Lind the Ruritanian Party's" in "...
  Lind the Ruritanian Party's first ..."): two mentions, the surname kept for the surname
  fold ("Stop the Steal" stays one name).
"""
from __future__ import annotations

import re

import functools

from .gazetteer import BIG, is_place, is_region

Piece = tuple[int, int, str]  # start, end (relative to the span text), label
# Nouns for a state's government as one actor (not "team"/"side": sports).
_GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "regime", "cabinet"})


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
        if len(words) - k in (2, 3) and _state_like(" ".join(words[:k])) and _looks_like_person(words[k:]):
            cut = len(" ".join(words[:k]))
            return [(0, cut, "GPE"), (cut + 1, len(text), "PERSON")]
    lead = 1 if words and words[0].lower() == "the" else 0
    if len(words) - lead == 2 and _state_like(words[lead]) \
            and re.sub(r"['’]s?$", "", words[-1]).lower() in _GOVERNMENT_NOUNS:
        at = len(" ".join(words[:lead])) + (1 if lead else 0)
        return [(at, at + len(words[lead]), "GPE")]
    for k in (1, 2, 3):
        title = words[lead:lead + k]
        if (len(words) - lead - k in (2, 3) and all(w[:1].isupper() for w in title)
                and title[-1].lower() in role_words() and _looks_like_person(words[lead + k:])):
            return [(len(" ".join(words[:lead + k])) + 1, len(text), "PERSON")]
    found = re.fullmatch(r"([A-Z][\w'’-]+) (the [A-Z].*)", text)
    if found and _organisation(found.group(2)):
        return [(0, found.end(1), label), (found.start(2), len(text), label)]
    return whole


_AND_GAP = re.compile(r"(?:, [A-Z][\w-]+)*,? and ")
_PIECE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")


def join_name_pieces(text: str, spans: list[Piece]) -> list[Piece]:
    """NER spans ``(start, end, label)`` (offsets into ``text``) with the pieces of an
    organisation's name cut at "and" joined into one ORG span (see the module docstring)."""
    from .types import type_by_head, type_words

    out: list[Piece] = []
    for start, end, label in spans:
        if out and label in ("ORG", "PERSON", "GPE", "LOC", "NORP"):
            a_start, a_end, a_label = out[-1]
            left, gap, right = text[a_start:a_end], text[a_end:start], text[start:end]
            if _AND_GAP.fullmatch(gap) and _PIECE.fullmatch(right) and not right.endswith(("'s", "’s")):
                of_part = left.split(" of ", 1)[1] if " of " in left else ""
                continues = (a_label == "ORG" and of_part and " and " not in left
                             and not _looks_like_person(right.split())  # "... of Zenda and Ada Lind"
                             and type_by_head(right, type_words()) != "ORG"  # "... and Zenda College"
                             and (not is_place(right, BIG) or is_place(of_part)))
                foundation = (a_label == "PERSON" and " " not in left and label == "ORG"
                              and left.lower() in type_words()["given_names"]
                              and type_by_head(right, type_words()) == "ORG")
                if continues or foundation:
                    out[-1] = (a_start, end, "ORG")
                    continue
        out.append((start, end, label))
    return out


def _state_like(name: str) -> bool:
    return is_place(name, BIG) or is_region(name)


@functools.lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Nouns of job titles: the role heads of ``data/actor_words.yaml`` (one word each) and
    the title words of ``data/entity_filters.yaml`` ("Detective Inspector")."""
    from ..entity_filters import filter_words
    from .kb import words

    heads = {w for ws in words()["role_heads"].values() for w in ws if " " not in w}
    return frozenset(heads | (filter_words()["title_words"] - {"the", "of", "first", "former", "acting"}))


def _organisation(name: str) -> bool:
    from .types import type_by_head, type_words

    return type_by_head(re.sub(r"['’]s?$", "", name), type_words()) == "ORG"
