"""The command line end to end, in subprocesses as a user runs it (texts written by us)."""
import gzip
import json
import subprocess
import sys

import pytest

EDITORIAL = """Editor in Chief: Pat Example Monday, March 2nd, 2020

The Road Back to the Table

The two delegations met in Geneva earlier this week for the first time in more than a month.
The ceasefire signed in February last year promised that about 4,000 foreign troops would leave
by June this year. Some 1,200 soldiers have already gone home. Both sides have to return to the
talks, and the mediators must keep up the pressure. Neighbours need to stop arming the factions.
"""


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], input=stdin, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def editorial(tmp_path):
    path = tmp_path / "editorial.txt"
    path.write_text(EDITORIAL, encoding="utf-8")
    return path


def test_analyze_json_record(editorial):
    result = run("analyze", str(editorial), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    doc = record["document"]
    assert doc["published"] == "2020-03-02"
    assert doc["title"] == "The Road Back to the Table"
    assert doc["genre"] == "editorial"
    assert doc["people"] == [{"name": "Pat Example", "role": "editor in chief"}]
    values = {t["text"]: t["value"] for t in record["timexes"]}
    assert values.get("earlier this week") == "2020-W10"
    assert values.get("June this year") == "2020-06"
    assert values.get("February last year") == "2019-02"
    quantities = {q["value"]: q for q in record["quantities"]}
    assert quantities[4000]["approximate"] is True
    assert quantities[1200]["approximate"] is True
    assert record["relations"] == []  # no tie between actors is stated
    # "The ceasefire ... promised that about 4,000 foreign troops would leave by June this year"
    assert [(c["action"], c["deadline"]) for c in record["commitments"]] == [("withdraw", "2020-06")]
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert EDITORIAL[mention["start"]:mention["end"]] == mention["text"]


def test_analyze_stdin_with_published_override():
    result = run("analyze", "-", "--format", "jsonl", "--published", "2020-01-15",
                 stdin="Officials said the talks would resume next month.\n")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.splitlines()[0])
    assert record["document"]["published"] == "2020-01-15"
    assert [t["value"] for t in record["timexes"]] == ["2020-02"]


def test_ingest_bad_inputs_keeps_store_and_valid_items(tmp_path, editorial):
    db = tmp_path / "store.duckdb"
    first = run("ingest", str(editorial), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 new document" in first.stdout

    (tmp_path / "bad").mkdir()
    empty = tmp_path / "bad" / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bad" / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "bad" / "broken.html"
    broken.write_text("<html><body><table><tr><td>", encoding="utf-8")
    batch = tmp_path / "bad" / "batch.jsonl.gz"
    with gzip.open(batch, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "ok-1", "published": "2020-05-01",
                                 "text": "The council voted on Friday to extend the mission."}) + "\n")
        handle.write("{broken\n")
    result = run("ingest", str(tmp_path / "bad"), str(editorial), "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problem_lines = [l for l in result.stderr.splitlines() if l.startswith("newsgraph: skipped")]
    assert len(problem_lines) == 4
    for path in (empty, binary, broken, f"{batch}:2"):
        assert any(str(path) in line for line in problem_lines), path
    assert "1 new document(s), 1 already stored, 4 problem(s); 2 document(s)" in result.stdout

    stats = json.loads(run("stats", "--db", str(db), "--json").stdout)
    assert stats["documents"] == 2
    shown = run("show", "ok-1", "--db", str(db), "--format", "json")
    assert json.loads(shown.stdout)["document"]["external_id"] == "ok-1"


def test_errors_are_one_line_not_tracebacks(tmp_path):
    result = run("show", "abc", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such database" in result.stderr
    result = run("analyze", "x.txt", "--published", "yesterday")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_analyze_names_a_document_over_its_budget_and_prints_the_others(tmp_path):
    import os
    import subprocess
    import sys

    hostile, fine = tmp_path / "hostile.txt", tmp_path / "fine.txt"
    hostile.write_text('Iran said "' * 600, encoding="utf-8")  # nested reports: over 100,000 units
    fine.write_text("The envoy met the minister in Geneva on Monday, officials said.", encoding="utf-8")
    env = {**os.environ, "NEWSGRAPH_DOC_UNITS_PER_CHAR": "0.001"}
    out = subprocess.run([sys.executable, "-m", "newsgraph", "analyze", str(hostile), str(fine),
                          "--format", "jsonl"], capture_output=True, text=True, env=env)
    assert out.returncode == 1
    lines = [line for line in out.stderr.splitlines() if line.startswith("newsgraph:")]
    assert len(lines) == 1 and "hostile.txt: not analysed, stage quotes.v1" in lines[0]
    assert lines[0].startswith("newsgraph: skipped ") and "over the per-document budget" in lines[0]
    assert len(out.stdout.splitlines()) == 1  # only the other document's record
