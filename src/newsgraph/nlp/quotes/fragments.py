"""Quoted fragments placed by their marks, whatever the parse made of them: the verdict of a
framing verb ('called the deal "lousy"', a mixed quote) and words of the subject reproduced
as the object of an expressive verb ('gave its "deepest sympathies"', 'talked of her
"countless discoveries"', a direct quote of the fragment).

The parse often takes a quoted adjective for a modifier of the object, or hangs the quoted
noun phrase anywhere, so these look back from the opening mark over a noun phrase to the
verb. A fragment with no noun phrase between it and the verb ('a group called "X"') is a
name, and a fragment the subject's words do not own (no possessive, no "of/about" after a
verb of talking) is a scare quote: neither is speech.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..common.words import lemma as base_form
from ..parse import doc_text
from .direct import speaker_from_verb
from .lexicon import FRAGMENT_PREP_VERBS, FRAGMENT_VERBS, FRAMING_AS, FRAMING_COMPLEMENT
from .marks import Candidate, MarkSpan

_NAMED_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART"})
REACH = 12  # tokens between the verb and the quoted words (news: at most 9)
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my"})


@dataclass(slots=True)
class _Lead:
    """What stands between a verb and the opening mark of a fragment."""

    verb: object
    named: bool = False  # a noun or pronoun
    framed_as: bool = False  # "as"
    possessive: bool = False  # "its", "his" ...
    prep: str | None = None  # "of" / "about" right after the verb


def _lead(sdoc, mark) -> _Lead | None:
    """The verb the fragment opening at ``mark`` hangs on, over a noun phrase, or None."""
    found = None
    seen = []
    for tok in reversed(sdoc[max(0, mark.i - REACH):mark.i]):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            found = _Lead(tok)  # not a participle in the object ("the proposed deal")
            break
        if tok.pos_ not in _NAMED_POS and tok.lower_ not in ("of", "about", "as", "'s", "’s") \
                and tok.dep_ not in ("amod", "compound"):
            return None
        seen.append(tok)
    if found is None or not seen:
        return None
    for tok in seen:
        low = tok.lower_
        found.framed_as |= low == "as"
        found.possessive |= low in _POSSESSIVES or low in ("'s", "’s")
        found.named |= tok.pos_ in ("NOUN", "PROPN", "PRON") and low not in _POSSESSIVES
    first = seen[-1]
    found.prep = first.lower_ if first.lower_ in ("of", "about") else None
    return found


def _modifies_next(sdoc, marks: dict, span: MarkSpan) -> bool:
    """The quoted words only modify the noun right after them in their sentence ('its
    "premium" service'): a label of the writer's, not words of the subject."""
    close = marks.get(span.close)
    if close is None or close.i + 1 >= len(sdoc):
        return False
    after = sdoc[close.i + 1]
    ended = doc_text(sdoc)[span.start:span.end].rstrip()[-1:] in (".", "!", "?")
    return not ended and not after.is_sent_start and after.pos_ in ("NOUN", "PROPN")


def _speaker(cand: Candidate, verb) -> Candidate:
    found = speaker_from_verb(verb, stop_before=verb.idx)
    if found is not None and found[0] < verb.idx:
        cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
    return cand


def _coordinated(text: str, doubles: list[MarkSpan], n: int) -> int:
    """Index past the fragments coordinated with ``doubles[n]`` ('"A" and "B"')."""
    k = n + 1
    while k < len(doubles) and text[doubles[k - 1].close + 1:doubles[k].open].strip() in \
            ("and", ",", ", and", "or"):
        k += 1
    return k


def quoted_fragments(sdoc, spans: list[MarkSpan]) -> tuple[list[Candidate], list[Candidate]]:
    """(mixed verdict quotes, direct reproduced fragments) of a parsed text."""
    text = doc_text(sdoc)
    marks = {t.idx: t for t in sdoc if t.is_quote}
    doubles = sorted((s for s in spans if s.double and s.closed), key=lambda s: s.open)
    verdicts: list[Candidate] = []
    reproduced: list[Candidate] = []
    n = 0
    while n < len(doubles):
        span = doubles[n]
        mark = marks.get(span.open)
        lead = _lead(sdoc, mark) if mark is not None else None
        k = _coordinated(text, doubles, n)
        if lead is None or not lead.named and not lead.possessive:
            n += 1
            continue
        verb, lemma = lead.verb, base_form(lead.verb)
        if lead.named and (lemma in FRAMING_COMPLEMENT or lemma in FRAMING_AS and lead.framed_as):
            cand = Candidate("mixed", sdoc[verb.i + 1].idx, doubles[k - 1].close + 1, verb.text,
                             lemma, source="framed")
            verdicts.append(_speaker(cand, verb))
        elif (lemma in FRAGMENT_VERBS and lead.possessive or
              lead.prep is not None and lead.prep in FRAGMENT_PREP_VERBS.get(lemma, ())) and \
                not _modifies_next(sdoc, marks, doubles[k - 1]):
            for part in doubles[n:k]:
                cand = Candidate("direct", part.start, part.end, verb.text, lemma,
                                 source="fragment")
                cand = _speaker(cand, verb)
                if cand.speaker_start is not None:
                    reproduced.append(cand)
        else:
            n += 1
            continue
        n = k
    return verdicts, reproduced
