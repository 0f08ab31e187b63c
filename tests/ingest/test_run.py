"""Ingest killed with SIGKILL mid-run, again and again, then rerun: on both engines the final
store equals a clean run's, every table row by row (``ingested_at`` aside).

A few kill cycles by default; ``NEWSGRAPH_KILL_CYCLES=20`` (or more) for the long mode. The
batch grows with the cycles so that the last kills still land in the middle of an ingest.
"""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import new_store
from newsgraph.store import backend

PLACES = ["the capital", "the border town", "the port", "the northern province", "the valley"]
CYCLES = int(os.environ.get("NEWSGRAPH_KILL_CYCLES", "3"))
# Delays before each kill, in seconds: spread over startup (spaCy loading), analysis and batch
# writes, so kills land in different phases (the model loads in about 2-3 s).
DELAYS = (3.0, 4.0, 5.0, 3.5, 4.5, 2.5, 3.2, 4.2, 2.8, 3.8)
UNCOMPARED = {"ingested_at"}  # the time of the write differs between the two stores


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
    # Output to a file, not a pipe: a pipe nobody reads would fill and stall the run.
    log = (batch.parent / "ingest.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(batch), "--db", str(db),
                             "--batch-size", "4"], stdout=log, stderr=log)


def stats(db):
    out = subprocess.run([sys.executable, "-m", "newsgraph", "stats", "--db", str(db), "--json"],
                         capture_output=True, text=True, check=True).stdout
    counts = json.loads(out)
    counts.pop("genres", None)
    return counts


def table_rows(target):
    """{table: sorted rows} for every table of the store, JSON columns parsed (DuckDB gives
    their text, psycopg the value) and ``ingested_at`` left out."""
    con = backend.connect(target, read_only=True)
    try:
        names = [name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
        tables = {}
        for name in names:
            cursor = con.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cursor.description]
            rows = []
            for row in cursor.fetchall():
                kept = {c: v for c, v in zip(columns, row) if c not in UNCOMPARED}
                if "record" in kept and isinstance(kept["record"], str):
                    kept["record"] = json.loads(kept["record"])
                if "status_claims" in kept and isinstance(kept["status_claims"], str):
                    kept["status_claims"] = json.loads(kept["status_claims"])
                rows.append(json.dumps(kept, sort_keys=True, default=str))
            tables[name] = sorted(rows)
        return tables
    finally:
        con.close()


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_killed_ingest_resumes_without_duplicates_or_losses(engine, tmp_path):
    if engine == "postgres" and not os.environ.get("NEWSGRAPH_TEST_POSTGRES"):
        pytest.skip("the PostgreSQL kill loop needs $NEWSGRAPH_TEST_POSTGRES: run "
                    "eval \"$(bash .ci/postgres)\" first")
    # A run stores some 15 documents a second on DuckDB and twice as many on PostgreSQL: enough
    # of them that the last cycle's run is still killed mid-ingest.
    count = (50 if engine == "duckdb" else 100) * (CYCLES + 1)
    batch = tmp_path / "batch.jsonl"
    write_batch(batch, count)
    killed_db, clean_db = new_store(engine, tmp_path, "killed"), new_store(engine, tmp_path, "clean")
    kills = 0
    for cycle in range(CYCLES):
        proc = ingest(batch, killed_db)
        time.sleep(DELAYS[cycle % len(DELAYS)])
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= (CYCLES + 1) // 2  # most runs really died mid-ingest
    final = ingest(batch, killed_db)
    assert final.wait(timeout=1200) == 0, (tmp_path / "ingest.log").read_text()[-2000:]
    clean = ingest(batch, clean_db)
    assert clean.wait(timeout=1200) == 0, (tmp_path / "ingest.log").read_text()[-2000:]
    assert stats(killed_db) == stats(clean_db)
    assert stats(clean_db)["documents"] == count
    killed, clean_tables = table_rows(killed_db), table_rows(clean_db)
    assert sorted(killed) == sorted(clean_tables) and "documents" in killed
    for name in clean_tables:
        assert killed[name] == clean_tables[name], f"table {name} differs after {kills} kills"
    print(f"{engine}: {kills} kills in {CYCLES} cycles, {count} documents, "
          f"{sum(len(r) for r in clean_tables.values())} rows identical")
