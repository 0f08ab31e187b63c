"""Pipelines: an ordered list of stages whose contracts are checked when it is built, and
``build``, the one place a pipeline is made from stage names."""
from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator, Sequence

from .. import config
from ..errors import PipelineError
from ..model import Document
from .budget import Budget, batch_meters
from .features import INITIAL_FEATURES
from .registry import stage_class
from .stage import Stage, check_declaration


class Pipeline:
    """An ordered list of stages whose requirements were checked at build time."""

    def __init__(self, stages: Sequence[Stage], budget: Budget | None = None):
        self.stages = list(stages)
        check_order(self.stages)
        self.budget = budget or Budget.from_env()  # per document (budget.py)
        self.seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}  # time per stage

    @classmethod
    def from_names(cls, names: Iterable[str], **options) -> Pipeline:
        """Build a pipeline from registered stage names; options go to each stage's ``create``."""
        return cls([stage_class(name).create(**options) for name in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, docs: Iterable[Document], batch_size: int = config.DEFAULT_BATCH_SIZE
            ) -> Iterator[Document]:
        """Process documents in batches, yielding each one when all stages have run."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)

    def run_batch(self, batch: list[Document], keep_parse: bool = False) -> list[Document]:
        """Run every stage over one batch; ``keep_parse`` keeps the spaCy Doc on ``doc.nlp``
        (for callers that read the parse afterwards), otherwise it is released."""
        for doc in batch:
            doc.provided.update(INITIAL_FEATURES)
        with batch_meters(batch, self.budget):
            for stage in self.stages:
                began = time.perf_counter()
                stage.process_batch(batch)
                self.seconds[stage.name] += time.perf_counter() - began
        if not keep_parse:
            for doc in batch:
                doc.nlp = None  # release the spaCy Doc: records are all we keep
        return batch

    def __call__(self, doc: Document) -> Document:
        return self.run_batch([doc])[0]


def check_order(stages: Sequence[Stage]) -> None:
    """Fail at build time when a stage declares an unknown feature, requires something no
    earlier stage provides, or reads something that only a later stage provides (it would
    never see it)."""
    have = set(INITIAL_FEATURES)
    names = ", ".join(s.name for s in stages)
    for n, stage in enumerate(stages):
        check_declaration(type(stage))
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage "
                f"provides (pipeline: {names})")
        later = {f: s.name for s in reversed(stages[n + 1:]) for f in s.provides}
        late = [f"{f} (from {later[f]})" for f in stage.reads if f not in have and f in later]
        if late:
            raise PipelineError(
                f"stage {stage.name} reads {', '.join(late)}, which runs after it; put it "
                f"earlier (pipeline: {names})")
        have.update(stage.provides)


@functools.lru_cache(maxsize=8)
def _cached(names: tuple[str, ...], kb_paths: tuple[str, ...]) -> Pipeline:
    return Pipeline.from_names(names, kb_paths=kb_paths)


def build(names: Sequence[str] | None = None, kb_paths: Sequence[str] = (), fresh: bool = False
          ) -> Pipeline:
    """The pipeline of ``names`` (default: the configured stages, ``config.stage_names``),
    checked, and built once per process unless ``fresh``. ``kb_paths`` are the user's own
    actor files, added to the built-in knowledge base."""
    key = tuple(names) if names is not None else tuple(config.stage_names())
    if fresh:
        return Pipeline.from_names(key, kb_paths=tuple(kb_paths))
    return _cached(key, tuple(kb_paths))


def runnable(names: Sequence[str]) -> tuple[list[str], list[str]]:
    """The ``names`` that can run, in order, and the others with why: not registered, or
    requiring what no earlier runnable stage provides. For evaluations that score whatever
    the configured pipeline still has."""
    have = set(INITIAL_FEATURES)
    kept: list[str] = []
    skipped: list[str] = []
    for name in names:
        try:
            cls = stage_class(name)
        except PipelineError:
            skipped.append(f"{name} (not registered)")
            continue
        missing = [r for r in cls.requires if r not in have]
        if missing:
            skipped.append(f"{name} (needs {', '.join(missing)})")
            continue
        kept.append(name)
        have.update(cls.provides)
    return kept, skipped
