"""The ``news`` suite: the configured pipeline scored on the real-news gold set.

Every gold article's corpus row (``id``, ``title``, ``date``, ``text``, as ``load.article_texts``
reads it) goes through ingest's own record reader (``ingest.readers.from_record``), so the
Document gets what ``newsgraph ingest`` would give it: the corpus ``date`` as its published
date (the anchor of relative dates), the title, the header rules (date line, body start).
The configured pipeline (``NEWSGRAPH_STAGES`` or the defaults) runs over all of them and
``score.score_article`` matches each output against its annotation. Counts are summed over the
articles of a split (micro-averages) and every metric carries its split: ``dev_...``,
``test_...``.

Test articles are scored, never studied: ``errors=True`` returns the error items of dev
articles only (under ``errors``) and refuses the test split.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import config
from ...errors import NewsgraphError
from ...ingest.readers import IngestOptions, from_record
from ...model import Document
from ..spans import Tally, run_corpus
from ..suites import TEST_ERRORS_REFUSED
from .format import slug
from .load import article_texts, default_corpus, load_gold
from .score import STEMS, ArticleScore, score_article

SPLITS = ("dev", "test")
SPLIT_CHOICES = ("dev", "test", "both")
# Per layer, in order: the stems reported as _p, _r, _f1, _gold, _predicted ("prf"), as _f1
# only ("f1"), and the accuracies over matched pairs (stem -> name).
LAYERS: tuple[tuple[str, tuple[str, ...], dict[str, str]], ...] = (
    ("prf", ("entity",), {}), ("f1", ("entity_untyped",), {"entity_type": "entity_type_accuracy"}),
    ("prf", ("quote",), {"quote_speaker": "speaker_accuracy"}),
    ("f1", ("event_span", "event_type", "event_parties", "event_factuality"), {}),
    ("prf", ("event", "relation", "commitment"),
     {"commitment_terms": "commitment_term_accuracy",
      "commitment_deadline": "commitment_deadline_accuracy",
      "commitment_condition": "commitment_condition_accuracy"}),
)


@dataclass
class GoldArticle:
    """One annotation and its corpus row; ``document()`` is what ingest makes of the row."""

    annotation: dict
    article: dict

    @property
    def split(self) -> str:
        return self.annotation["split"]

    def document(self) -> Document:
        row = {"id": self.annotation["id"], "title": self.article.get("title") or None,
               "date": self.article.get("date") or self.annotation["published"],
               "text": self.article["text"]}
        return from_record(row, self.annotation["id"], IngestOptions())


def split_metrics(prefix: str, scores: list[ArticleScore]) -> dict[str, float | int]:
    """The metrics of one split from its articles' counts, each name starting ``prefix_``."""
    total = {stem: Tally() for stem in STEMS}
    for score in scores:
        for stem, tally in score.tallies.items():
            total[stem].add(tally)
    out: dict[str, float | int] = {f"{prefix}_articles": len(scores)}
    for kind, stems, accuracies in LAYERS:
        for stem in stems:
            t, name = total[stem], f"{prefix}_{stem}"
            out[f"{name}_f1"] = t.f1
            if kind == "prf":
                out.update({f"{name}_p": t.precision, f"{name}_r": t.recall,
                            f"{name}_gold": t.gold, f"{name}_predicted": t.predicted})
        for i, (stem, name) in enumerate(accuracies.items()):  # right of the matched pairs
            out[f"{prefix}_{name}"] = total[stem].precision
            if i == 0:  # how many pairs the accuracies are over
                out[f"{prefix}_{name.replace('accuracy', 'matched')}"] = total[stem].predicted
        if "event_type" in stems:
            out[f"{prefix}_event_type_precision"] = total["event_type"].precision
            out[f"{prefix}_event_type_recall"] = total["event_type"].recall
    out[f"{prefix}_relation_former_asserted"] = sum(s.former_asserted for s in scores)
    return out


def evaluate_news(gold_dir: str | Path, corpus: str | Path | None = None, split: str = "both",
                  errors: bool = False, stages: list[str] | None = None,
                  batch_size: int = config.DEFAULT_BATCH_SIZE) -> dict[str, Any]:
    """Run the pipeline on the gold articles of ``split`` (dev, test or both) and score it.

    With ``errors``, ``errors`` in the result lists every false positive, false negative and
    wrong attribute of the dev articles, one line each, named by the article's file stem;
    asking for them on the test split raises NewsgraphError."""
    if split not in SPLIT_CHOICES:
        raise NewsgraphError(f"eval news: unknown split {split!r} (one of {', '.join(SPLIT_CHOICES)})")
    if errors and split == "test":
        raise NewsgraphError(TEST_ERRORS_REFUSED)
    splits = SPLITS if split == "both" else (split,)
    corpus = corpus or default_corpus()
    rows = article_texts(corpus)
    golds = [GoldArticle(a, rows[a["id"]])
             for a in load_gold(gold_dir, corpus, split=None if split == "both" else split)
             if a["split"] in splits]
    if not golds:
        raise NewsgraphError(f"eval news: no gold articles in {gold_dir} for split {split}")

    def score(golds: list[GoldArticle], outputs: list[Document], _spacy: Any) -> dict[str, Any]:
        results = [score_article(g.annotation, doc) for g, doc in zip(golds, outputs)]
        out: dict[str, Any] = {}
        for name in splits:
            out.update(split_metrics(name, [r for g, r in zip(golds, results) if g.split == name]))
        if errors:  # dev only, whatever the split asked for
            out["errors"] = [f"{slug(g.annotation['id'])}: {line}"
                             for g, r in zip(golds, results) if g.split == "dev" for line in r.errors]
        return out

    return run_corpus(golds, stages, batch_size, score)
