"""The ingest loop: read inputs, analyse the new ones, store them; and loading staged records.

The CLI, the API and the Ray path call these functions; each returns an ``IngestReport``. What
the caller shows while it runs (warnings, skipped inputs, progress) goes through callbacks,
so nothing here prints. A problem with one input never stops the others, and every document
is stored in its own transaction, so an interruption keeps what was already stored. Analysed
documents are stored in batches (``batch_size`` documents, or what is ready after
``FLUSH_SECONDS``), the store held for writing only meanwhile.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import InputError
from ..model import Document
from .readers import IngestOptions, iter_inputs


FLUSH_SECONDS = 2.0  # an analysed document waits at most about this long to be stored


def _quiet(_message: str) -> None:
    """The default callback: say nothing."""


@dataclass
class IngestReport:
    """What an ingest or a load did."""

    added: int = 0
    skipped: int = 0  # already stored (or a repeat within this run)
    problems: list[str] = field(default_factory=list)  # inputs that could not be read
    total: int = 0  # documents in the store afterwards
    where: str = ""  # the store, as shown to users (no password)

    def summary(self, verb: str = "ingested") -> str:
        """One line for people: what was added, skipped, refused, and what the store holds."""
        return (f"{verb} {self.added} new document(s), {self.skipped} already stored, "
                f"{len(self.problems)} problem(s); {self.total} document(s) in {self.where}")


def document_name(doc: Document) -> str:
    """How a document is named in a report line: its input (file, file:line), and its id
    when the input gave one."""
    where = doc.source or doc.id or "<text>"
    return f"{where} (id {doc.external_id})" if doc.external_id else where


def analysis_failure(doc: Document) -> str | None:
    """One line for a document that was not analysed: over its budget in a stage, or not
    parsed at all; None when it was analysed (other stage errors are ``stage_warnings``)."""
    from ..pipeline import over_budget

    failed = over_budget(doc) or next((e for e in doc.errors if e.stage.startswith("parse.")), None)
    if failed is None:
        return None
    return f"{document_name(doc)}: not analysed, stage {failed.stage}: {failed.message}"


def stage_warnings(doc: Document) -> list[str]:
    """One line per stage that failed on an analysed document (it is stored without it)."""
    return [f"{document_name(doc)}: stage {e.stage} failed ({e.message}); stored without it"
            for e in doc.errors if not e.message.startswith("skipped:")]


def read_documents(paths: Iterable[str], options: IngestOptions, problems: list[str],
                   on_warning: Callable[[str], None] = _quiet,
                   on_problem: Callable[[str], None] = _quiet) -> Iterator[Document]:
    """The Documents among the inputs; each unreadable input is added to PROBLEMS."""
    for item in iter_inputs(tuple(paths), options):
        while options.warnings:
            on_warning(options.warnings.pop(0))
        if isinstance(item, InputError):
            problems.append(str(item))
            on_problem(str(item))
        else:
            yield item


def ingest(paths: Iterable[str], db: str, options: IngestOptions | None = None, *,
           batch_size: int = config.DEFAULT_BATCH_SIZE, workers: int = 1, kb_paths: tuple[str, ...] = (),
           on_warning: Callable[[str], None] = _quiet, on_problem: Callable[[str], None] = _quiet,
           on_stored: Callable[[Document], None] | None = None) -> IngestReport:
    """Analyse the inputs not yet in the store DB and store them, one transaction each.

    The store is held for writing only while a batch of analysed documents is written (see
    ``store/batches.py``), so readers keep working during an ingest."""
    from ..analysis import analyze_many
    from ..pipeline.local import analyze_parallel
    from ..store.batches import BatchWriter

    options = options or IngestOptions()
    report = IngestReport()
    chunk = max(1, batch_size)
    with BatchWriter(db) as store:
        seen: set[str] = set()

        def new_documents() -> Iterator[Document]:
            pending: list[Document] = []
            for doc in read_documents(paths, options, report.problems, on_warning, on_problem):
                pending.append(doc)
                if len(pending) >= chunk:
                    yield from fresh(pending)
                    pending = []
            yield from fresh(pending)

        def fresh(pending: list[Document]) -> Iterator[Document]:
            stored = store.stored(d.content_hash for d in pending)
            for doc in pending:
                if doc.content_hash in seen or doc.content_hash in stored:
                    report.skipped += 1
                    continue
                seen.add(doc.content_hash)
                yield doc

        def flush(batch: list[Document]) -> None:
            for doc, added in zip(batch, store.add(batch)):
                report.added += added
                report.skipped += not added  # stored meanwhile by another ingest
                if on_stored is not None:
                    on_stored(doc)
            batch.clear()

        if workers > 1:
            analysed = analyze_parallel(new_documents(), workers, batch_size, kb_paths)
        else:
            analysed = analyze_many(new_documents(), batch_size=batch_size, kb_paths=kb_paths)
        batch: list[Document] = []
        started = time.monotonic()
        try:
            for doc in analysed:
                failure = analysis_failure(doc)
                if failure is not None:  # not stored: a later run tries it again
                    report.problems.append(failure)
                    on_problem(failure)
                    continue
                for warning in stage_warnings(doc):
                    on_warning(warning)
                if not batch:
                    started = time.monotonic()
                batch.append(doc)
                if len(batch) >= chunk or time.monotonic() - started >= FLUSH_SECONDS:
                    flush(batch)
        except KeyboardInterrupt:  # what is analysed is kept, as when each was stored at once
            flush(batch)
            raise
        flush(batch)
        report.total, report.where = store.count(), store.where
    return report


def load(folder: Path, db: str, on_problem: Callable[[str], None] = _quiet) -> IngestReport:
    """Store the analysis records staged in FOLDER (Parquet, from the Ray engine)."""
    from ..pipeline.ray import records_as_documents
    from ..store.database import Store

    report = IngestReport()
    with Store(db) as store:
        for doc in records_as_documents(folder, report.problems):
            if store.add(doc):
                report.added += 1
            else:
                report.skipped += 1
        report.total, report.where = store.stats()["documents"], store.path
    for problem in report.problems:
        on_problem(problem)
    return report


def ingest_with_ray(paths: Iterable[str], db: str, staging: Path | None = None, *,
                    address: str | None = None, workers: int = 2,
                    batch_size: int = config.DEFAULT_BATCH_SIZE,
                    published=None, kb_paths: tuple[str, ...] = (),
                    on_problem: Callable[[str], None] = _quiet) -> IngestReport:
    """Analyse JSONL/Parquet partitions on a Ray cluster, stage the records, then load them."""
    from ..pipeline.ray import run_ray
    from ..store.backend import is_server

    staging = staging or Path("newsgraph.records" if is_server(db) else f"{db}.records")
    run_ray(list(paths), staging, address=address, workers=workers, batch_size=batch_size,
            published=published, kb_paths=kb_paths)
    return load(staging, db, on_problem)
