"""Ingest killed with SIGKILL mid-run, then rerun: the final store equals a clean run's."""
import json
import os
import signal
import subprocess
import sys
import time

PLACES = ["the capital", "the border town", "the port", "the northern province", "the valley"]


def write_batch(path, count):
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            place = PLACES[i % len(PLACES)]
            text = (f"Officials said on Monday that talks number {i} were held in {place} last week. "
                    f"About {100 + i} soldiers were moved, and the delegation of envoy Alex Morgan "
                    f"will return next month, according to a statement.")
            handle.write(json.dumps({"id": f"a{i}", "published": "2020-06-0%d" % (1 + i % 9),
                                     "text": text}) + "\n")


def ingest(batch, db):
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(batch), "--db", str(db),
                             "--batch-size", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stats(db):
    out = subprocess.run([sys.executable, "-m", "newsgraph", "stats", "--db", str(db), "--json"],
                         capture_output=True, text=True, check=True).stdout
    counts = json.loads(out)
    counts.pop("genres", None)
    return counts


def test_killed_ingest_resumes_without_duplicates_or_losses(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, 150)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    kills = 0
    for delay in (3.0, 4.0, 5.0):
        proc = ingest(batch, killed_db)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 1  # at least one run really died mid-ingest
    final = ingest(batch, killed_db)
    assert final.wait(timeout=600) == 0, final.stderr.read()
    clean = ingest(batch, clean_db)
    assert clean.wait(timeout=600) == 0, clean.stderr.read()
    assert stats(killed_db) == stats(clean_db)
    assert stats(clean_db)["documents"] == 150
