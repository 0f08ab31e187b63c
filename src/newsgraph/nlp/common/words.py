"""The word-form policy of every stage: a token's base form is spaCy's lemma, which the parse
stage sets once on every Doc (``spacy_model.lemmatizer_for``); with a model that has no
lemmatizer it is the lower-case form. Lexicons list base forms ("attack", "withdraw"), and
words are tested with ``is_word`` or looked up with ``lemma``.
"""
from __future__ import annotations

import re
from collections.abc import Container

# Forms of "be" (and "remain") as written: copulas are tested on the surface, since "'s" is
# also a possessive whose lemma is "'s".
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "am",
                      "remain", "remains", "remained"})


# A time expression after one of these ends a period ("extended the lockdown until May 1"):
# it is not when the act happened.
_END_POINT = re.compile(r"\b(?:until|till|through|to)\s+$", re.I)


def ends_period(text: str, start: int) -> bool:
    """True when the time expression at ``start`` of ``text`` is the end of a period."""
    return bool(_END_POINT.search(text, max(0, start - 9), start))


def lemma(tok, known: Container[str] = frozenset()) -> str:
    """The token's lemma in lower case. spaCy's rule lemmatizer sometimes cuts a silent e
    ("staged" -> "stag", "fined" -> "fin"): when ``known`` (a lexicon) has the e-form and
    not the cut one, the e-form is the lemma."""
    lem = (tok.lemma_ or tok.lower_).lower()
    low = tok.lower_
    if low.endswith(("ed", "es")) and lem + "e" == low[:-1] and lem not in known \
            and lem + "e" in known:
        return lem + "e"
    return lem


def is_word(tok, vocab: Container[str]) -> bool:
    """True when the token is a form of a word in ``vocab`` (a set or dict of lemmas)."""
    return lemma(tok, vocab) in vocab


def base_in(tok, vocab: Container[str]) -> str | None:
    """The token's lemma when ``vocab`` has it, else None."""
    lem = lemma(tok, vocab)
    return lem if lem in vocab else None
