"""`newsgraph ingest` over damaged and hostile inputs, as a user runs it: each is one line naming
the input, the rows before the damage are stored, the summary is printed, the store is kept."""
import gzip
import json
import os
import subprocess
import sys

from helpers import build_corpus
from newsgraph.store.database import Store


def row(i: int) -> str:
    return json.dumps({"id": f"t{i}", "text": f"The council met on Friday for talks number {i}."}) + "\n"


def test_damaged_batches_keep_rows_and_print_the_summary(tmp_path):
    db = build_corpus(str(tmp_path / "store.duckdb"))  # three documents stored earlier
    truncated = tmp_path / "truncated.jsonl.gz"
    whole = gzip.compress("".join(row(i) for i in range(400)).encode(), mtime=0)
    truncated.write_bytes(whole[: len(whole) // 2])
    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text(row(1000), encoding="utf-8")
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "huge", "text": "word " * 4_000_000}) + "\n")  # 20 MB
        handle.write(row(2000))
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(truncated), str(not_gzip),
                             str(big), str(fifo), "--db", db], capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "interrupted" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped")]
    assert len(skipped) == 4, result.stderr
    assert f"{truncated}: compressed data is truncated after line" in skipped[0]
    assert f"{not_gzip}: is not gzip-compressed data" in skipped[1]
    assert f"{big}:1: line is longer than the 5,000,000-byte limit" in skipped[2]
    assert f"{fifo}: is a named pipe (FIFO)" in skipped[3]
    with Store(db, read_only=True) as store:
        total = store.stats()["documents"]
        assert store.record("t0") is not None and store.record("t2000") is not None
    stored = total - 3 - 1  # minus the earlier three and t2000
    assert 5 < stored < 400
    assert (f"ingested {stored + 1} new document(s), 0 already stored, 4 problem(s); "
            f"{total} document(s)") in result.stdout
