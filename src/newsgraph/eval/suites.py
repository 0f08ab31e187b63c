"""Evaluation suites: each scores a stage against a public gold set read from ../shared."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import NewsgraphError


@dataclass(frozen=True)
class Suite:
    """A named evaluation: its default data (relative to ../shared) and its scorer."""

    name: str
    data: tuple[str, ...]
    run: Callable[..., dict[str, Any]]  # (data dirs, compare=None) -> metrics
    description: str
    gated: tuple[str, ...] = ()  # metrics whose floors the baseline keeps
    in_repo: bool = False  # data ships in this repository (our own gold), not in ../shared
    repo_data: tuple[str, ...] = ()  # data in this repository, before ``data`` (from ../shared)
    options: tuple[str, ...] = ()  # extra CLI options ``run`` takes: "split", "errors"


REPO = Path(__file__).resolve().parents[3]  # the checkout, for gold sets we ship ourselves
NEWS_CORPUS = "corpus/wikinews-sample-2019-2020/wikinews_2019_2020.jsonl.gz"  # under ../shared
TEST_ERRORS_REFUSED = ("eval news: --errors lists the errors of dev articles only; test articles "
                       "are scored, never studied (use --split dev)")


def shared_dir() -> Path:
    """Where the public gold sets live: $NEWSGRAPH_SHARED, else ../shared beside the checkout."""
    env = os.environ.get("NEWSGRAPH_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def _timex(dirs: list[Path], compare: str | None = None) -> dict[str, Any]:
    from .timex_eval import evaluate_timex

    return evaluate_timex(dirs, compare=compare)


def _meantime(dirs: list[Path]) -> dict[str, Any]:
    from .meantime import evaluate_meantime

    return evaluate_meantime(dirs)


def _quotes(dirs: list[Path]) -> dict[str, Any]:
    from .quotes_eval import evaluate_quotes

    return evaluate_quotes(dirs)


def _plover(dirs: list[Path]) -> dict[str, Any]:
    from .events_eval import evaluate_plover

    return evaluate_plover(dirs[0])


def _petrarch(dirs: list[Path]) -> dict[str, Any]:
    from .events_eval import evaluate_petrarch

    return evaluate_petrarch(dirs[0])


def _gum(dirs: list[Path]) -> dict[str, Any]:
    from .gum import evaluate_gum
    from .quotes_eval import evaluate_gum_quotes

    metrics = evaluate_gum(dirs[0])
    quotes = evaluate_gum_quotes(dirs[0], baseline=False)
    metrics.update({f"quote_{k}": v for k, v in quotes.items() if isinstance(v, (int, float))})
    return metrics


def _news(dirs: list[Path], split: str = "both", errors: bool = False) -> dict[str, Any]:
    if errors and split == "test":  # before anything is read
        raise NewsgraphError(TEST_ERRORS_REFUSED)
    from .news_gold.suite import evaluate_news

    return evaluate_news(dirs[0], dirs[1] if len(dirs) > 1 else None, split=split, errors=errors)


SUITES: dict[str, Suite] = {
    suite.name: suite
    for suite in [
        Suite("timex", ("corpus/tempeval3-platinum/te3-platinum",), _timex,
              "TIMEX3 spans and values on TempEval-3 platinum (20 news articles)",
              gated=("relaxed_span_f1", "strict_span_f1", "value_f1")),
        Suite("meantime", ("corpus/meantime-en/intra-doc_annotation",), _meantime,
              "MEANTIME (120 Wikinews articles): entity mentions, timex values, event mentions; "
              "bare spaCy NER scored in the same run (spacy_*)",
              gated=("entity_f1", "timex_value_f1")),
        Suite("events-plover", ("peers/PLOVER/PLOVER_GSR_CAMEO.txt",), _plover,
              "PLOVER gold sentences (322): event type accuracy and macro-F1, actor/recipient "
              "match; dev and held-out halves",
              gated=("accuracy", "macro_f1", "actor_match", "recipient_match")),
        Suite("events-petrarch", ("peers/petrarch2/PETR.UnitTest.gold.jsonl",), _petrarch,
              "PETRARCH2 unit-test records (CAMEO mapped to PLOVER): event P/R/F1, actor codes",
              gated=("event_f1", "actor_code_match", "recipient_code_match")),
        Suite("quotes", ("eval/quotes_gold.jsonl",), _quotes,
              "our own quote gold set (texts we wrote): direct/indirect span F1 and speakers, "
              "beside textacy's direct_quotations when textacy is installed",
              gated=("direct_speaker_f1", "indirect_f1", "all_f1"), in_repo=True),
        Suite("gum", ("corpus/gum-wikinews-news",), _gum,
              "GUM news (24 Wikinews articles): named-entity mentions, coreference links, dates, quotes",
              gated=("entity_f1", "coref_e2e_muc_f1", "date_value_f1", "quote_annotated_f1")),
        Suite("news", (NEWS_CORPUS,), _news,
              "our real-news gold set (72 Wikinews articles, eval/news_gold): entities, quotes "
              "and speakers, PLOVER events, relations, commitments; dev_ and test_ figures",
              gated=("test_entity_f1", "test_quote_f1", "test_speaker_accuracy",
                     "test_event_type_f1", "test_event_f1", "test_relation_f1",
                     "test_commitment_f1"),
              repo_data=("eval/news_gold",), options=("split", "errors")),
    ]
}


def resolve_data(suite: Suite, data: tuple[str, ...] = ()) -> list[Path]:
    """The data folders of a suite: given ones, else its defaults under ../shared."""
    base = REPO if suite.in_repo else shared_dir()
    paths = [Path(d) for d in data] or ([REPO / d for d in suite.repo_data]
                                        + [base / d for d in suite.data])
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise NewsgraphError(f"eval {suite.name}: data not found: {', '.join(missing)} "
                             "(the gold sets are read from ../shared; give --data DIR)")
    return paths
