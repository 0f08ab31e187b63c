"""Export outputs: never over the store, whole or not at all, and every problem one line."""
import os
import subprocess
import sys

import pytest

from helpers import build_corpus
from newsgraph.errors import NewsgraphError
from newsgraph.export import export
from newsgraph.store import queries


@pytest.fixture
def store(tmp_path):
    return build_corpus(str(tmp_path / "store.duckdb"))


def newsgraph(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True,
                          timeout=120)


def documents(db) -> int:
    con = queries.connect(db)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_export_over_the_store_is_refused_and_the_store_kept(store, tmp_path):
    before = documents(store)
    size = os.path.getsize(store)
    link = tmp_path / "link.jsonl"
    link.symlink_to(store)
    for out in (store, str(link), f"{store}.wal", str(tmp_path / "." / "store.duckdb")):
        result = newsgraph("export", "--format", "plover", "--out", out, "--db", store)
        assert result.returncode == 2, (out, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "the store itself" in result.stderr and out in result.stderr
    assert os.path.getsize(store) == size and documents(store) == before == 3
    assert not os.path.exists(f"{store}.wal") or os.path.getsize(f"{store}.wal") == 0


def errors_of(con, fmt, out) -> str:
    with pytest.raises(NewsgraphError) as caught:
        export(con, fmt, out)
    message = str(caught.value)
    assert "\n" not in message and str(out) in message
    return message


def test_output_errors_are_one_line(store, tmp_path):
    con = queries.connect(store)
    assert "does not exist" in errors_of(con, "plover", tmp_path / "missing" / "events.jsonl")
    assert "is a directory" in errors_of(con, "plover", tmp_path)
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("kept\n", encoding="utf-8")
    assert "is a file, not a directory" in errors_of(con, "csv", a_file)
    assert a_file.read_text(encoding="utf-8") == "kept\n"
    assert "does not exist" in errors_of(con, "csv", tmp_path / "missing" / "tables")
    if os.path.exists("/dev/full"):
        assert "No space left" in errors_of(con, "plover", "/dev/full")
    con.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only directories")
def test_read_only_directory_is_one_line_and_leaves_nothing(store, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "tables").mkdir()
    locked.chmod(0o555)
    (locked / "tables").chmod(0o555)
    con = queries.connect(store)
    try:
        assert "Permission denied" in errors_of(con, "plover", locked / "events.jsonl")
        assert "Permission denied" in errors_of(con, "csv", locked / "tables")
    finally:
        (locked / "tables").chmod(0o755)
        locked.chmod(0o755)
        con.close()
    assert list(locked.rglob("*")) == [locked / "tables"]


def test_export_replaces_a_file_whole_and_keeps_its_mode(store, tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    con = queries.connect(store)
    assert "wrote 5 plover record(s)" in export(con, "plover", out)
    assert out.read_text(encoding="utf-8").count("\n") == 5
    assert (out.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
    fresh = tmp_path / "fresh.jsonl"
    export(con, "plover", fresh)
    umask = os.umask(0o022)
    os.umask(umask)
    assert (fresh.stat().st_mode & 0o777) == 0o666 & ~umask  # as any new file, not mkstemp's 0600
    folder = tmp_path / "tables"
    export(con, "csv", folder)
    assert (folder / "documents.csv").exists()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    con.close()


def test_failed_export_leaves_the_old_file(store, tmp_path, monkeypatch):
    from newsgraph.export import plover

    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def records_then_a_full_disk(con):
        yield {"id": "first"}
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plover, "plover_records", records_then_a_full_disk)
    con = queries.connect(store)
    assert "No space left" in errors_of(con, "plover", out)
    con.close()
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_directory_refusing_writes_is_one_line(store, tmp_path, monkeypatch):
    # The same path as a read-only directory, for runs as root (which may write anywhere).
    from newsgraph.export import output

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.os, "open", refused)
    monkeypatch.setattr(output.tempfile, "mkdtemp", refused)
    con = queries.connect(store)
    assert "cannot write (Permission denied)" in errors_of(con, "plover", tmp_path / "events.jsonl")
    assert "cannot write (Permission denied)" in errors_of(con, "csv", tmp_path / "tables")
    con.close()
    assert not (tmp_path / "events.jsonl").exists()


def test_ray_staging_over_the_store_is_refused(store):
    result = newsgraph("ingest", "x.jsonl", "--engine", "ray", "--staging", store, "--db", store)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--staging" in result.stderr and "the store itself" in result.stderr
    assert documents(store) == 3


def test_a_symlinked_output_replaces_its_target(store, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    con = queries.connect(store)
    export(con, "plover", link)
    con.close()
    assert link.is_symlink() and target.read_text(encoding="utf-8").count("\n") == 5
