"""Several processes on one machine: each worker loads the pipeline once and analyses
batches; the parent keeps the order and stays the only writer to the store.

Scheduling (see docs/benchmarks.md, "Several processes on one machine"):

* Tasks are ``batch_size`` documents (one ``nlp.pipe`` batch each) while the input lasts.
  The input is read ``workers * batch_size`` documents ahead, so when it ends the last
  documents are cut into shrinking tasks (down to one document): no worker sits idle at
  the end waiting for another to finish a full batch. With few tasks (160 documents in
  16-document tasks is 10 tasks on 2 workers) that tail was the largest loss.
* The input is read in the calling thread, between results (not in a pool thread), so an
  input generator may use the same objects as the consumer (the ingest command checks the
  store for duplicates while it writes to it).
* At most ``4 * workers * batch_size`` documents are in flight (sent, or analysed but not
  yet yielded), so a long input never piles up in memory.
"""
from __future__ import annotations

import collections
import contextlib
import itertools
import math
import multiprocessing
from collections.abc import Iterable, Iterator
from multiprocessing.pool import Pool

from ..model import Document

_PIPELINE = None  # one per worker process, built by _init
IN_FLIGHT_BATCHES_PER_WORKER = 4  # documents in flight: this many batches per worker
TAIL_SHARES_PER_WORKER = 2  # at the end, each task is at most 1/(2 * workers) of what is left


def _init(kb_paths: tuple[str, ...]) -> None:
    global _PIPELINE
    from .build import build

    _PIPELINE = build(kb_paths=kb_paths)


def _analyse_batch(batch: list[Document]) -> list[Document]:
    # Pipeline.run drops each Document's spaCy Doc (``doc.nlp``), so only the records
    # travel back to the parent.
    return list(_PIPELINE.run(batch, batch_size=len(batch)))


def plan_tasks(docs: Iterable[Document], workers: int, batch_size: int) -> Iterator[list[Document]]:
    """Cut ``docs`` into tasks, in order: ``batch_size`` documents each while the input
    lasts, then, over the last ``workers * batch_size`` documents (up to one batch more),
    tasks of ``ceil(left / (2 * workers))`` documents, which shrink to one at the very end.
    The input is read ``workers * batch_size`` documents ahead of the task being cut."""
    if batch_size < 1 or workers < 1:
        raise ValueError("workers and batch_size must be at least 1")
    iterator = iter(docs)
    lookahead = workers * batch_size
    buffer: collections.deque[Document] = collections.deque()
    exhausted = False
    while True:
        if not exhausted:
            wanted = batch_size + lookahead - len(buffer)
            before = len(buffer)
            buffer.extend(itertools.islice(iterator, wanted))
            exhausted = len(buffer) - before < wanted
        if not buffer:
            return
        if exhausted:
            size = min(batch_size, math.ceil(len(buffer) / (TAIL_SHARES_PER_WORKER * workers)))
        else:
            size = batch_size
        yield [buffer.popleft() for _ in range(size)]


def analyze_in_pool(pool: Pool, docs: Iterable[Document], workers: int,
                    batch_size: int) -> Iterator[Document]:
    """Analyse ``docs`` in an open pool whose workers ran ``_init``; yield them in input
    order. The input is read in this thread, as results are taken."""
    limit = IN_FLIGHT_BATCHES_PER_WORKER * workers * batch_size
    tasks = plan_tasks(docs, workers, batch_size)
    pending: collections.deque = collections.deque()  # (AsyncResult, size), input order
    in_flight = 0
    task = next(tasks, None)
    while task is not None or pending:
        while task is not None and (not pending or in_flight + len(task) <= limit):
            pending.append((pool.apply_async(_analyse_batch, (task,)), len(task)))
            in_flight += len(task)
            task = next(tasks, None)
        result, size = pending.popleft()
        in_flight -= size
        yield from result.get()


@contextlib.contextmanager
def worker_pool(workers: int, kb_paths: tuple[str, ...] = ()) -> Iterator[Pool]:
    """A pool of ``workers`` spawned processes, each with the pipeline loaded once."""
    context = multiprocessing.get_context("spawn")  # no inherited locks or half-loaded models
    with context.Pool(workers, initializer=_init, initargs=(tuple(kb_paths),)) as pool:
        yield pool


def analyze_parallel(docs: Iterable[Document], workers: int, batch_size: int,
                     kb_paths: tuple[str, ...] = ()) -> Iterator[Document]:
    """Analyse ``docs`` in ``workers`` processes, yielding them in input order, equal to
    what one process gives. No process is started when ``docs`` is empty."""
    iterator = iter(docs)
    first = next(iterator, None)
    if first is None:
        return
    with worker_pool(workers, kb_paths) as pool:
        yield from analyze_in_pool(pool, itertools.chain([first], iterator), workers, batch_size)
