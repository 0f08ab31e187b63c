"""Batch files line by line: gzip damage, rows over --max-bytes, lines bounded before they are held,
and inputs that are not regular files."""
import gzip
import json
import os
import resource

import pytest

from helpers import read_inputs
from newsgraph.errors import InputError
from newsgraph.ingest import lines
from newsgraph.ingest.lines import numbered_lines


def row(i: int) -> str:
    return json.dumps({"id": f"r{i}", "text": f"The council met on Friday for talks number {i}."}) + "\n"


def test_jsonl_gz_that_is_not_gzip_is_one_clear_line(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_text(row(1), encoding="utf-8")
    docs, errors, _ = read_inputs([path])
    assert docs == [] and errors == [f"{path}: is not gzip-compressed data (the name ends in .gz)"]


def test_gzip_content_is_read_whatever_the_name(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(gzip.compress(row(1).encode()))
    docs, errors, _ = read_inputs([path])
    assert errors == [] and [d.external_id for d in docs] == ["r1"]


def test_truncated_gzip_keeps_the_rows_before_the_damage(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    whole = gzip.compress("".join(row(i) for i in range(200)).encode(), mtime=0)
    path.write_bytes(whole[: len(whole) * 2 // 3])
    docs, errors, _ = read_inputs([path])
    assert len(errors) == 1 and errors[0].startswith(f"{path}: compressed data is truncated after line")
    assert 10 < len(docs) < 200
    assert [d.external_id for d in docs] == [f"r{i}" for i in range(len(docs))]  # in order, none lost


def test_corrupt_gzip_is_one_clear_line(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    whole = bytearray(gzip.compress("".join(row(i) for i in range(50)).encode()))
    whole[40:60] = b"\xff" * 20
    path.write_bytes(bytes(whole))
    _docs, errors, _ = read_inputs([path])
    assert len(errors) == 1 and str(path) in errors[0] and "damaged" in errors[0]


def test_max_bytes_applies_to_every_jsonl_and_csv_row(tmp_path):
    big = json.dumps({"id": "big", "text": "word " * 400}) + "\n"
    batch = tmp_path / "rows.jsonl"
    batch.write_text(row(1) + big + row(3), encoding="utf-8")
    docs, errors, _ = read_inputs([batch], max_bytes=1000)
    assert [d.external_id for d in docs] == ["r1", "r3"]  # the rows after the long one are read
    assert errors == [f"{batch}:2: line is longer than the 1,000-byte limit for one row "
                      "(raise it with --max-bytes)"]
    table = tmp_path / "rows.csv"
    table.write_text("id,text\nc1,The envoy arrived.\nc2," + "x" * 2000 + "\n", encoding="utf-8")
    docs, errors, _ = read_inputs([table], max_bytes=1000)
    assert [d.external_id for d in docs] == ["c1"]
    assert len(errors) == 1 and errors[0].startswith(f"{table}:3: line is longer than the 1,000-byte")


def test_a_long_line_is_never_held_in_memory(tmp_path, monkeypatch):
    # A gzip bomb: 64 MB of one line in about 64 KB on disk. With 64 KB chunks and a 1 MB limit,
    # the reader holds at most about 1 MB; reading the line whole would take 64 MB.
    monkeypatch.setattr(lines, "CHUNK", 1 << 16)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b'{"text": "')
        for _ in range(64):
            handle.write(b"a" * (1 << 20))
        handle.write(b'"}\n' + row(2).encode())
    assert path.stat().st_size < 1 << 20
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(numbered_lines(path, 1 << 20))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert [n for n, _ in items] == [1, 2]
    assert isinstance(items[0][1], InputError) and "line is longer" in str(items[0][1])
    assert json.loads(items[1][1])["id"] == "r2"
    assert grown_kb < 32 * 1024  # far below the 64 MB line


def test_last_line_without_newline_and_utf8_replacement(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(row(1).encode() + b'{"id": "r2", "text": "caf\xe9 talks"}')
    items = list(numbered_lines(path, 10_000))
    assert [n for n, _ in items] == [1, 2] and items[1][1].endswith("caf\ufffd talks\"}")


def test_fifo_and_symlink_loop_say_what_they_are(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    docs, errors, _ = read_inputs([fifo, loop, dangling, tmp_path / "absent.txt"])
    assert docs == []
    assert errors[0].startswith(f"{fifo}: is a named pipe (FIFO), not a file")
    assert errors[1] == f"{loop}: is a symbolic link loop (it points, in the end, to itself)"
    assert errors[2] == f"{dangling}: is a broken symbolic link (its target does not exist)"
    assert errors[3] == f"{tmp_path / 'absent.txt'}: no such file or directory"


def test_overlong_path_is_one_problem_not_a_crash():
    docs, errors, _ = read_inputs(["x" * 5000])
    assert docs == [] and len(errors) == 1 and "File name too long" in errors[0]


def test_a_row_from_any_reader_meets_the_limit():
    # Ray partitions and API bodies build Documents from rows without the line reader.
    from newsgraph.ingest.readers import IngestOptions, from_record

    with pytest.raises(InputError, match="row 7: text is larger than the 1,000-byte limit"):
        from_record({"text": "é" * 600}, "row 7", IngestOptions(max_bytes=1000))  # 1,200 bytes
    assert from_record({"text": "é" * 400}, "row 8", IngestOptions(max_bytes=1000)).text == "é" * 400


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_batch_files_with_a_bom_or_in_utf16_are_read(tmp_path, encoding):
    batch = tmp_path / "rows.jsonl"
    batch.write_bytes((row(1) + json.dumps({"id": "r2", "text": "São Paulo’s mayor met the envoy."},
                                           ensure_ascii=False) + "\n").encode(encoding))
    table = tmp_path / "rows.csv"
    table.write_bytes("id,text\nc1,The envoy arrived in São Paulo.\n".encode(encoding))
    docs, errors, _ = read_inputs([batch, table])
    assert errors == []
    assert [d.external_id for d in docs] == ["r1", "r2", "c1"]
    assert docs[1].text == "São Paulo’s mayor met the envoy." and "São Paulo" in docs[2].text
