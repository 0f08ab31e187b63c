"""The per-document budget: time, and the size of the candidate structures the stages build.

Every document gets a ``Meter`` when its batch starts (``Pipeline.run_batch``): a number of
seconds of stage time, and a number of work units that grows with the text's length. Stages
charge the units at the places where work can grow with what they build (``spend(n)``:
tokens of a quote's content, of a clause walked, of a sentence scanned); the time is
checked there and before each stage. A document over either bound raises ``BudgetExceeded``
inside the stage: the stage is recorded as failed on that document (a ``StageError`` whose
message starts with ``OVER_BUDGET``), the later stages are skipped for it, and the rest of
the batch goes on. The ingest reports such a document as a problem, one line naming it and
the stage, and does not store it, so a later run tries it again.

Normal news text uses a small fraction of both bounds (docs/reliability.md, "Time and size
budgets"); they are there for hostile or broken input that the bounds in ``nlp.segments``
and the interval indexes do not already keep linear. ``NEWSGRAPH_DOC_SECONDS`` and
``NEWSGRAPH_DOC_UNITS_PER_CHAR`` override the defaults.
"""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from ..errors import NewsgraphError

OVER_BUDGET = "over the per-document budget"  # how every budget StageError message starts
DEFAULT_SECONDS = 300.0  # stage time per document
DEFAULT_UNITS_PER_CHAR = 50  # work units per character of text (news text: under 1)
BASE_UNITS = 100_000  # plus this many, so a short text is never starved


class BudgetExceeded(NewsgraphError):
    """A document used more time or built larger candidate structures than its budget."""


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise NewsgraphError(f"{name} must be a number, not {raw!r}") from None
    if value <= 0:
        raise NewsgraphError(f"{name} must be positive, not {raw!r}")
    return value


@dataclass(frozen=True)
class Budget:
    """The bounds for one document: ``seconds`` of stage time, and ``base_units`` plus
    ``units_per_char`` work units per character."""

    seconds: float = DEFAULT_SECONDS
    units_per_char: float = DEFAULT_UNITS_PER_CHAR
    base_units: int = BASE_UNITS

    @classmethod
    def from_env(cls) -> Budget:
        """The default budget, with NEWSGRAPH_DOC_SECONDS / NEWSGRAPH_DOC_UNITS_PER_CHAR."""
        return cls(seconds=_env_number("NEWSGRAPH_DOC_SECONDS", DEFAULT_SECONDS),
                   units_per_char=_env_number("NEWSGRAPH_DOC_UNITS_PER_CHAR", DEFAULT_UNITS_PER_CHAR))

    def meter(self, length: int) -> Meter:
        """A fresh meter for a text of ``length`` characters."""
        return Meter(self.seconds, int(self.base_units + self.units_per_char * length))


class Meter:
    """What one document has used of its budget."""

    __slots__ = ("seconds", "units", "spent", "used_seconds", "since", "exceeded")

    def __init__(self, seconds: float, units: int):
        self.seconds, self.units = seconds, units
        self.spent = 0
        self.used_seconds = 0.0  # stage time of finished stage calls
        self.since: float | None = None  # when the running stage call began
        self.exceeded: str | None = None  # the message, once over budget

    def elapsed(self) -> float:
        """Stage time used so far, the running stage included."""
        running = time.perf_counter() - self.since if self.since is not None else 0.0
        return self.used_seconds + running

    def spend(self, units: int) -> None:
        """Charge ``units``; raise ``BudgetExceeded`` when over either bound."""
        self.spent += units
        if self.spent > self.units:
            self.fail(f"{OVER_BUDGET}: candidate structures of more than {self.units:,} "
                      f"units for its length")
        self.check_time()

    def check_time(self) -> None:
        """Raise ``BudgetExceeded`` when the document has used more than its seconds."""
        if self.elapsed() > self.seconds:
            self.fail(f"{OVER_BUDGET}: more than {self.seconds:g} s of analysis")

    def fail(self, message: str) -> None:
        """Mark the document over budget and raise."""
        self.exceeded = self.exceeded or message
        raise BudgetExceeded(message)


_meters: ContextVar[dict[int, Meter] | None] = ContextVar("newsgraph_batch_meters", default=None)
_current: ContextVar[Meter | None] = ContextVar("newsgraph_document_meter", default=None)


@contextlib.contextmanager
def batch_meters(docs: Iterable, budget: Budget) -> Iterator[dict[int, Meter]]:
    """A meter for each document of a batch (by ``id``), for the stages run inside."""
    meters = {id(doc): budget.meter(len(doc.text)) for doc in docs}
    token = _meters.set(meters)
    try:
        yield meters
    finally:
        _meters.reset(token)


def meter_of(doc) -> Meter | None:
    """The meter of ``doc`` in the running batch, or None outside a pipeline run."""
    meters = _meters.get()
    return meters.get(id(doc)) if meters is not None else None


@contextlib.contextmanager
def charging(meter: Meter | None) -> Iterator[None]:
    """Charge what runs inside to ``meter`` (time, and every ``spend``)."""
    if meter is None:
        yield
        return
    token = _current.set(meter)
    meter.since = time.perf_counter()
    try:
        yield
    finally:
        meter.used_seconds += time.perf_counter() - meter.since
        meter.since = None
        _current.reset(token)


def spend(units: int = 1) -> None:
    """Charge ``units`` of work to the document being analysed (nothing outside a run)."""
    meter = _current.get()
    if meter is not None:
        meter.spend(units)


def over_budget(doc) -> object | None:
    """The StageError that put ``doc`` over its budget, or None."""
    return next((e for e in doc.errors if e.message.startswith(OVER_BUDGET)), None)
