"""Nouns that name one person ("minister", "spokeswoman", "farmer"): the one list every stage
reads (``data/person_nouns.txt``) for pronoun agreement, speakers, office holders and names in
apposition to a role; and the pronouns of one person."""
from __future__ import annotations

from ...data import load_words

PERSON_NOUNS: frozenset[str] = load_words("person_nouns.txt")
# Pronouns that stand for one person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
