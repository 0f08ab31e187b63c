"""Multi-process analysis gives the same records, in the same order, as one process."""
from pathlib import Path

from newsgraph.analysis import analyze_many
from newsgraph.ingest.readers import IngestOptions, iter_inputs
from newsgraph.model import Document, to_record
from newsgraph.parallel import analyze_parallel

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def documents():
    return [d for d in iter_inputs([str(EXAMPLES)], IngestOptions()) if isinstance(d, Document)]


def test_two_workers_match_one_process():
    serial = [to_record(d) for d in analyze_many(documents(), batch_size=2)]
    parallel = [to_record(d) for d in analyze_parallel(documents(), workers=2, batch_size=2)]
    assert len(serial) >= 5
    assert [r["document"]["id"] for r in parallel] == [r["document"]["id"] for r in serial]
    assert parallel == serial
