"""The linguistic layer: spaCy sentences, tokens, parse and named entities."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Document, Sentence
from ..pipeline import Stage, register, run_guarded
from .spacy_model import load_model

# Components newsgraph does not use; disabling them is part of the speed budget.
UNUSED_COMPONENTS = ("lemmatizer",)
# A line break inside a sentence of hard-wrapped text ("would leave\nby June"): spaCy makes
# it a token of its own and parses across it badly. Only breaks followed by a lower-case
# word or a number are joined, so titles and paragraph ends stay breaks.
_WRAPPED_BREAK = re.compile(r"(?<=[\w,;])[ \t]*\n(?=[ \t]*[a-z0-9(])")


def text_for_parse(text: str) -> str:
    """The text spaCy sees: hard wraps inside sentences become spaces, same length, so every
    offset into it is an offset into the original."""
    return _WRAPPED_BREAK.sub(lambda m: " " * len(m.group()), text)


@register
class ParseStage(Stage):
    """Run spaCy over the batch with ``nlp.pipe`` and keep the Doc on ``doc.nlp``."""

    name = "parse.v1"
    requires = ("text",)
    provides = ("parse", "sentences", "ner")

    def __init__(self, nlp=None):
        self.nlp = nlp if nlp is not None else load_model(UNUSED_COMPONENTS)

    def process_batch(self, docs: Sequence[Document]) -> None:
        try:
            parsed = list(self.nlp.pipe(text_for_parse(d.text) for d in docs))
        except Exception:  # one bad text must not lose the batch: retry one by one
            for doc in docs:
                run_guarded(self, doc, self)
            return
        for doc, sdoc in zip(docs, parsed):
            run_guarded(self, doc, lambda d, s=sdoc: self._attach(d, s))

    def __call__(self, doc: Document) -> None:
        self._attach(doc, self.nlp(text_for_parse(doc.text)))

    @staticmethod
    def _attach(doc: Document, sdoc) -> None:
        doc.nlp = sdoc
        doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
