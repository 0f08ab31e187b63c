"""Word lists and word forms of ``relations.v1`` (also used by ``commitments.v1``).

``patterns()`` loads ``data/relation_patterns.yaml``; the parse runs without spaCy's
lemmatizer, so words are matched through candidate base forms (``base_forms``).
"""
from __future__ import annotations

import functools
from importlib import resources

import yaml

_IRREGULAR = {
    "led": "lead", "met": "meet", "gave": "give", "given": "give", "fought": "fight",
    "held": "hold", "broke": "break", "broken": "break", "kept": "keep", "built": "build",
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "took": "take",
    "taken": "take", "began": "begin", "begun": "begin", "left": "leave", "thought": "think",
    "brought": "bring", "sought": "seek", "forged": "forge", "had": "have", "has": "have",
    "shed": "shed", "cut": "cut", "undertook": "undertake", "undertaken": "undertake",
    "withdrew": "withdraw", "withdrawn": "withdraw", "drew": "draw", "drawn": "draw",
    "made": "make", "ran": "run", "went": "go", "gone": "go", "is": "be", "are": "be",
    "was": "be", "were": "be", "been": "be", "'s": "be", "am": "be",
}
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "am",
                      "remain", "remains", "remained"})


@functools.lru_cache(maxsize=1)
def patterns() -> dict:
    """The word lists of ``data/relation_patterns.yaml``, as sets where that helps."""
    text = resources.files("newsgraph.data").joinpath("relation_patterns.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key in ("designation_verbs", "designation_words", "provision_verbs", "tie_nouns",
                "tie_keep_verbs", "tie_cut_verbs", "protection_nouns", "member_nouns",
                "group_nouns", "stance_nouns", "reporting_verbs"):
        data[key] = frozenset(data[key])
    data["provision_noun_predicate"] = {w: p for p, ws in data["provision_nouns"].items() for w in ws}
    data["copula_predicate"] = {w: p for p, ws in data["copula_nouns"].items() for w in ws}
    data["role_predicate"] = {w: p for p, ws in data["role_predicates"].items() for w in ws}
    return data


# ------------------------------------------------------------------ word forms

@functools.lru_cache(maxsize=8192)
def base_forms(word: str) -> frozenset[str]:
    """Candidate base forms of an English word ("hosted" -> host, "harbours" -> harbour);
    the parse runs without spaCy's lemmatizer, so matching uses these."""
    w = word.lower().strip("’'")
    forms = {w}
    if w in _IRREGULAR:
        forms.add(_IRREGULAR[w])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: len(w) - len(suffix)] + repl
            forms.add(stem)
            if not repl and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                forms.add(stem[:-1])  # "cutting" -> "cut"
    return frozenset(forms)


def lemma_of(tok) -> str:
    """spaCy's lemma when there is one, else the word in lower case."""
    return (tok.lemma_ or tok.lower_).lower()


def is_word(tok, vocab) -> bool:
    """True when the token is an inflected form of a word in ``vocab``."""
    if tok.lemma_ and tok.lemma_.lower() in vocab:
        return True
    return any(f in vocab for f in base_forms(tok.lower_))


def base_in(tok, vocab) -> str | None:
    """The base form of ``tok`` found in ``vocab`` (a dict or set), or None."""
    if tok.lemma_ and tok.lemma_.lower() in vocab:
        return tok.lemma_.lower()
    for f in sorted(base_forms(tok.lower_), key=len, reverse=True):
        if f in vocab:
            return f
    return None
