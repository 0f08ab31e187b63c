"""Multi-process analysis gives the same records, in the same order, as one process."""
import dataclasses
import threading
from pathlib import Path

import pytest

from newsgraph.pipeline import local as parallel
from newsgraph.analysis import analyze_many
from newsgraph.ingest.readers import IngestOptions, iter_inputs
from newsgraph.model import Document
from newsgraph.record import to_record
from newsgraph.pipeline.local import analyze_in_pool, analyze_parallel, plan_tasks

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def documents():
    return [d for d in iter_inputs([str(EXAMPLES)], IngestOptions()) if isinstance(d, Document)]


@pytest.fixture(scope="module")
def both_ways():
    """(serial, parallel, ids of the threads that read the parallel input)."""
    serial = list(analyze_many(documents(), batch_size=2))
    readers = set()

    def source():
        for doc in documents():
            readers.add(threading.get_ident())
            yield doc

    return serial, list(analyze_parallel(source(), workers=2, batch_size=2)), readers


def test_two_workers_match_one_process(both_ways):
    serial, par, _ = both_ways
    serial, par = [to_record(d) for d in serial], [to_record(d) for d in par]
    assert len(serial) >= 5
    assert [r["document"]["id"] for r in par] == [r["document"]["id"] for r in serial]
    assert par == serial


def test_documents_equal_field_by_field_without_spacy_doc(both_ways):
    serial, par, _ = both_ways
    assert len(par) == len(serial)
    for one, other in zip(serial, par):
        assert other.nlp is None  # the spaCy Doc stays in the worker
        for f in dataclasses.fields(Document):
            assert getattr(other, f.name) == getattr(one, f.name), f.name


def test_input_is_read_in_the_calling_thread(both_ways):
    # ingest's input generator checks the store that the same thread writes to
    assert both_ways[2] == {threading.get_ident()}


@pytest.mark.parametrize("n,workers,batch", [(160, 2, 16), (64, 2, 16), (64, 2, 8), (7, 2, 2), (5, 3, 16),
                                             (1, 2, 16), (0, 2, 16), (33, 1, 4)])
def test_tasks_keep_order_and_shrink_at_the_end(n, workers, batch):
    tasks = list(plan_tasks(iter(range(n)), workers, batch))
    assert [x for task in tasks for x in task] == list(range(n))
    sizes = [len(t) for t in tasks]
    assert all(1 <= s <= batch for s in sizes)
    if n > 2 * workers * batch:
        # full batches while the input lasts; only the look-ahead (workers * batch docs, and
        # less than one batch more) is cut finer
        tail = sizes.index(next(s for s in sizes if s < batch))
        assert sum(sizes[tail:]) < workers * batch + batch
        assert sizes[tail:] == sorted(sizes[tail:], reverse=True)
    if n:
        assert sizes[-1] == 1


def test_planning_reads_the_input_lazily():
    read = []

    def source():
        for i in range(1000):
            read.append(i)
            yield i

    tasks = plan_tasks(source(), 2, 16)
    assert len(next(tasks)) == 16
    assert len(read) <= 16 + 2 * 16 + 1  # one batch and the look-ahead


class _Result:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


class FakePool:
    """Runs tasks when they are sent; records what was sent."""

    def __init__(self):
        self.sent = []

    def apply_async(self, func, args):
        assert func is parallel._analyse_batch
        self.sent.append(list(args[0]))
        return _Result([f"done {x}" for x in args[0]])


def test_results_in_input_order_with_bounded_read_ahead():
    read = []

    def source():
        for i in range(10_000):
            read.append(i)
            yield i

    pool = FakePool()
    out = analyze_in_pool(pool, source(), workers=2, batch_size=4)
    first = [next(out) for _ in range(10)]
    assert first == [f"done {i}" for i in range(10)]
    limit = parallel.IN_FLIGHT_BATCHES_PER_WORKER * 2 * 4
    assert len(read) - len(first) <= limit + 4 + 2 * 4  # in flight, the next task, the look-ahead
    rest = list(out)
    assert first + rest == [f"done {i}" for i in range(10_000)]
    assert [x for task in pool.sent for x in task] == list(range(10_000))


def test_no_workers_are_started_for_empty_input(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "worker_pool", no_pool)
    assert list(analyze_parallel(iter([]), workers=2, batch_size=4)) == []
