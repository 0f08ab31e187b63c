"""Ingests and readers side by side, in subprocesses as users run them: on DuckDB the readers
(stats, events, search, sql) succeed while an ingest writes; on PostgreSQL two ingests of one
file at once leave the store a single clean run leaves."""
import json
import os
import subprocess
import sys
import time

import pytest

from helpers import POSTGRES_ENV, new_store

PLACES = ["the capital", "the border town", "the port", "the northern province", "the valley"]
BUSY = "newsgraph: store is busy (an ingest is writing); retrying for up to 30 s"


def write_batch(path, count):
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            text = (f"Officials said on Monday that talks number {i} were held in {PLACES[i % 5]} last "
                    f"week. About {100 + i} soldiers were moved, and the delegation of envoy Alex "
                    f"Morgan will return next month, according to a statement.")
            handle.write(json.dumps({"id": f"a{i}", "published": "2020-06-0%d" % (1 + i % 9),
                                     "text": text}) + "\n")
    return path


def newsgraph(*args):
    return [sys.executable, "-m", "newsgraph", *args]


def ingest(batch, db):
    return subprocess.Popen(newsgraph("ingest", str(batch), "--db", str(db), "--batch-size", "4"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read(*args):
    return subprocess.run(newsgraph(*args), capture_output=True, text=True, timeout=120)


def stats(db):
    counts = json.loads(read("stats", "--db", str(db), "--json").stdout)
    counts.pop("genres", None)
    return counts


def test_readers_succeed_while_an_ingest_writes(tmp_path):
    batch = write_batch(tmp_path / "batch.jsonl", 250)
    db = tmp_path / "store.duckdb"
    writer = ingest(batch, db)
    readers, during, seen = [], 0, []
    deadline = time.monotonic() + 600
    while writer.poll() is None and time.monotonic() < deadline:
        if not db.exists():
            time.sleep(0.2)
            continue
        for args in (("stats", "--json"), ("events", "--format", "json"),
                     ("search", "talks", "--format", "json"),
                     ("sql", "SELECT count(*) AS n FROM documents", "--format", "json")):
            result = read(*args, "--db", str(db))
            readers.append((args[0], result.returncode, result.stderr))
            if writer.poll() is None:
                during += 1
            if args[0] == "stats" and result.returncode == 0:
                seen.append(json.loads(result.stdout)["documents"])
    assert writer.wait(timeout=600) == 0, writer.stderr.read()
    assert during >= 8  # the readers really ran while the ingest wrote
    failed = [r for r in readers if r[1] != 0]
    assert failed == []
    # A reader that had to wait said so in the one promised line, and nothing else.
    assert all(line == BUSY for _, _, err in readers for line in err.splitlines())
    assert seen and seen == sorted(seen) and seen[0] < 250  # stored as it went, never less
    assert stats(db)["documents"] == 250


@pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason=f"needs ${POSTGRES_ENV}")
def test_two_postgres_ingests_of_one_file_at_once_equal_a_clean_run(tmp_path):
    batch = write_batch(tmp_path / "batch.jsonl", 40)
    shared, clean = new_store("postgres", tmp_path, "shared"), new_store("postgres", tmp_path, "clean")
    first, second = ingest(batch, shared), ingest(batch, shared)
    outs = [(p.wait(timeout=600), *p.communicate()) for p in (first, second)]
    assert [code for code, _, _ in outs] == [0, 0], outs
    assert all("Error" not in err for _, _, err in outs), outs
    added = sorted(int(out.split("ingested ", 1)[1].split(" ", 1)[0]) for _, out, _ in outs)
    assert sum(added) == 40  # each document stored by exactly one of them
    assert ingest(batch, clean).wait(timeout=600) == 0
    assert stats(shared) == stats(clean)
    query = ("SELECT actor_id, name, doc_count, mention_count, first_seen, last_seen, aliases"
             " FROM actors ORDER BY actor_id")
    rows = [json.loads(read("sql", query, "--db", db, "--format", "json").stdout) for db in (shared, clean)]
    assert rows[0] == rows[1] and rows[0]
