"""Opening a DuckDB file another process holds: the open waits (bounded) and says so once."""
import subprocess
import sys
import time

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.store import backend

HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(float(sys.argv[2]))"


def hold(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def said():
    lines = []
    backend.on_busy(lines.append)
    yield lines
    backend.on_busy(None)


def test_a_reader_waits_for_the_writer_and_says_so_once(tmp_path, said):
    db = tmp_path / "s.duckdb"
    backend.connect(db).close()
    writer = hold(db, 1.5)
    started = time.monotonic()
    con = backend.connect(db, read_only=True)
    waited = time.monotonic() - started
    con.close()
    writer.wait()
    assert waited > 0.5
    assert said == ["store is busy (an ingest is writing); retrying for up to 30 s"]


def test_the_wait_is_bounded(tmp_path, said, monkeypatch):
    db = tmp_path / "s.duckdb"
    backend.connect(db).close()
    monkeypatch.setattr(backend, "READ_WAIT_SECONDS", 0.5)
    writer = hold(db, 10)
    try:
        started = time.monotonic()
        with pytest.raises(NewsgraphError, match="still busy after waiting"):
            backend.connect(db, read_only=True)
        assert time.monotonic() - started < 5
    finally:
        writer.kill()
        writer.wait()
    assert len(said) == 1


def test_a_block_can_bound_the_waits_more_tightly(tmp_path, said):
    db = tmp_path / "s.duckdb"
    backend.connect(db).close()
    writer = hold(db, 10)
    try:
        with backend.waits(0.2, 0.3):
            with pytest.raises(NewsgraphError, match="still busy after waiting"):
                backend.connect(db, read_only=True)
            with pytest.raises(NewsgraphError, match="still busy after waiting"):
                backend.connect(db)
    finally:
        writer.kill()
        writer.wait()
    assert said == ["store is busy (an ingest is writing); retrying for up to 0.2 s",
                    "store is busy (another process has it open); retrying for up to 0.3 s"]
    assert backend.READ_WAIT_SECONDS == 30.0  # outside the block, the usual waits
