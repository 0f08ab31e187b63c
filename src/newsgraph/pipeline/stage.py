"""The stage contract: a class with a versioned ``name`` and the features it ``requires``,
``provides`` and ``reads``, and a ``__call__(doc)`` that extends the Document in place.

Batch-capable stages (the spaCy parse) also implement ``process_batch(docs)``. A stage that
raises on one document is recorded in ``doc.errors``; stages that need what it would have
provided are skipped for that document, and the rest of the batch goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from ..errors import PipelineError
from ..model import Document, StageError
from .budget import OVER_BUDGET, BudgetExceeded, charging, meter_of
from .features import FEATURES


class Stage:
    """Base class for pipeline stages. Subclasses set ``name`` and their features."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()  # must be provided by an earlier stage
    provides: ClassVar[tuple[str, ...]] = ()
    reads: ClassVar[tuple[str, ...]] = ()  # used when an earlier stage provided them

    @classmethod
    def create(cls, **_options) -> Stage:
        """The stage built from pipeline options (``kb_paths``...); most stages take none."""
        return cls()

    def __call__(self, doc: Document) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_batch(self, docs: Sequence[Document]) -> None:
        """Run over several documents; the default is one at a time."""
        for doc in docs:
            run_guarded(self, doc, self)


def check_declaration(cls: type) -> None:
    """Fail unless ``cls`` is a Stage with a versioned name and only known feature names."""
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise PipelineError(f"{cls!r} is not a newsgraph Stage")
    if not cls.name or "." not in cls.name:
        raise PipelineError(f"stage {cls.__name__} needs a versioned name like 'timex.v1'")
    for kind in ("requires", "provides", "reads"):
        unknown = [f for f in getattr(cls, kind) if f not in FEATURES]
        if unknown:
            raise PipelineError(
                f"stage {cls.name} {kind} unknown feature(s) {', '.join(map(repr, unknown))}; "
                f"known features: {', '.join(FEATURES)}")


def run_guarded(stage: Stage, doc: Document, func: Callable[[Document], None]) -> None:
    """Run ``func`` on ``doc`` unless a requirement is missing or the document is over its
    budget (``budget.py``), charging the time to the document; record failures on the doc."""
    missing = [r for r in stage.requires if r not in doc.provided]
    if missing:
        doc.errors.append(StageError(stage.name, f"skipped: needs {', '.join(missing)}"))
        return
    meter = meter_of(doc)
    if meter is not None and meter.exceeded:
        doc.errors.append(StageError(stage.name, f"skipped: the document is {OVER_BUDGET}"))
        return
    try:
        with charging(meter):
            if meter is not None:
                meter.check_time()
            func(doc)
    except BudgetExceeded as exc:
        doc.errors.append(StageError(stage.name, str(exc)))
        return
    except Exception as exc:  # one stage failing must not sink the document or the batch
        doc.errors.append(StageError(stage.name, f"{type(exc).__name__}: {exc}"))
        return
    doc.provided.update(stage.provides)
