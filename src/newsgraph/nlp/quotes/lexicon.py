"""The word lists only the quotes stage uses (``data/quote_words.yaml``)."""
from __future__ import annotations

from ...data import load_yaml, unique_words

_WORDS = load_yaml("quote_words.yaml")
_WHERE = "data/quote_words.yaml"


def _words(key: str) -> frozenset[str]:
    return unique_words(_WORDS[key], f"{_WHERE} {key}")


FRAMING_AS = _words("framing_as")
FRAMING_COMPLEMENT = _words("framing_complement")
FRAMING = FRAMING_AS | FRAMING_COMPLEMENT
FRAGMENT_VERBS = _words("fragment_verbs")
FRAGMENT_PREP_VERBS: dict[str, frozenset[str]] = {
    verb: unique_words(preps, f"{_WHERE} fragment_prep_verbs {verb}")
    for verb, preps in _WORDS["fragment_prep_verbs"].items()}
APPEAL_PREPS: dict[str, frozenset[str]] = {
    verb: unique_words(preps, f"{_WHERE} appeal_preps {verb}")
    for verb, preps in _WORDS["appeal_preps"].items()}
DOCUMENT_NOUNS = _words("document_nouns")
NAME_WORDS_OF: dict[str, frozenset[str]] = {
    noun: unique_words(words, f"{_WHERE} name_words_of {noun}")
    for noun, words in _WORDS["name_words_of"].items()}
ISSUE_VERBS = _words("issue_verbs")
UNNAMED_SPEAKERS = _words("unnamed_speakers")
SOURCELESS = _words("sourceless")
INFINITIVE_HEADS = _words("infinitive_heads")
TITLE_HEADS = _words("title_heads")
PLACE_NOUNS = _words("place_nouns")
MEDIA_NOUNS = _words("media_nouns")
FINDING_VERBS = _words("finding_verbs")
FINDING_SUBJECTS = _words("finding_subjects")
MEDIA_NAME_HEADS = _words("media_name_heads")
