"""Several processes on one machine: each worker loads the pipeline once and analyses
batches; the parent keeps the order and stays the only writer to the store."""
from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from .model import Document

_PIPELINE = None  # one per worker process, built by _init


def _init(kb_paths: tuple[str, ...]) -> None:
    global _PIPELINE
    from .analysis import default_pipeline

    _PIPELINE = default_pipeline(kb_paths=kb_paths)


def _analyse_batch(batch: list[Document]) -> list[Document]:
    return list(_PIPELINE.run(batch, batch_size=len(batch)))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(docs)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_parallel(docs: Iterable[Document], workers: int, batch_size: int,
                     kb_paths: tuple[str, ...] = ()) -> Iterator[Document]:
    """Analyse ``docs`` in ``workers`` processes, yielding them in input order."""
    context = multiprocessing.get_context("spawn")  # no inherited locks or half-loaded models
    with context.Pool(workers, initializer=_init, initargs=(tuple(kb_paths),)) as pool:
        for batch in pool.imap(_analyse_batch, _batches(docs, batch_size)):
            yield from batch
