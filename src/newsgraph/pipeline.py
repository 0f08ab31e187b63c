"""Stages registered by versioned name, checked when the pipeline is built.

A stage is a class with ``name``, ``requires`` and ``provides`` and a ``__call__(doc)``
that extends the Document in place. Batch-capable stages (the spaCy parse) also implement
``process_batch(docs)``. A stage that raises on one document is recorded in
``doc.errors``; stages that need what it would have provided are skipped for that document,
and the rest of the batch goes on.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import ClassVar

from .errors import PipelineError
from .model import Document, StageError

# What a Document has before any stage runs.
INITIAL_FEATURES = frozenset({"text", "metadata"})

_REGISTRY: dict[str, type[Stage]] = {}


class Stage:
    """Base class for pipeline stages. Subclasses set the three class attributes."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_batch(self, docs: Sequence[Document]) -> None:
        """Run over several documents; the default is one at a time."""
        for doc in docs:
            run_guarded(self, doc, lambda d: self(d))


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available under its versioned ``name``."""
    if not cls.name or "." not in cls.name:
        raise PipelineError(f"stage {cls.__name__} needs a versioned name like 'timex.v1'")
    _REGISTRY[cls.name] = cls
    return cls


def registered() -> dict[str, type[Stage]]:
    """Every registered stage by name (imports the built-in stages first)."""
    from . import nlp  # noqa: F401  (registers the built-in stages)

    return dict(_REGISTRY)


def run_guarded(stage: Stage, doc: Document, func: Callable[[Document], None]) -> None:
    """Run ``func`` on ``doc`` unless a requirement is missing; record failures on the doc."""
    missing = [r for r in stage.requires if r not in doc.provided]
    if missing:
        doc.errors.append(StageError(stage.name, f"skipped: needs {', '.join(missing)}"))
        return
    try:
        func(doc)
    except Exception as exc:  # one stage failing must not sink the document or the batch
        doc.errors.append(StageError(stage.name, f"{type(exc).__name__}: {exc}"))
        return
    doc.provided.update(stage.provides)


class Pipeline:
    """An ordered list of stages whose requirements were checked at build time."""

    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)
        check_order(self.stages)
        self.seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}  # time per stage

    @classmethod
    def from_names(cls, names: Iterable[str], **options) -> Pipeline:
        """Build a pipeline from registered stage names; options go to stages that take them."""
        available = registered()
        stages = []
        for name in names:
            if name not in available:
                known = ", ".join(sorted(available))
                raise PipelineError(f"unknown stage {name!r}; registered stages: {known}")
            stages.append(available[name].create(**options) if hasattr(available[name], "create")
                          else available[name]())
        return cls(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Process documents in batches, yielding each one when all stages have run."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> list[Document]:
        for doc in batch:
            doc.provided.update(INITIAL_FEATURES)
        for stage in self.stages:
            began = time.perf_counter()
            stage.process_batch(batch)
            self.seconds[stage.name] += time.perf_counter() - began
        for doc in batch:
            doc.nlp = None  # release the spaCy Doc: records are all we keep
        return batch

    def __call__(self, doc: Document) -> Document:
        return self._run_batch([doc])[0]


def check_order(stages: Sequence[Stage]) -> None:
    """Fail at build time when a stage needs something no earlier stage provides."""
    have = set(INITIAL_FEATURES)
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage "
                f"provides (pipeline: {', '.join(s.name for s in stages)})"
            )
        have.update(stage.provides)
