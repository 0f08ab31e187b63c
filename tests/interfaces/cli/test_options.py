"""Option values the commands refuse with one clear error (never a traceback, never silently),
and error lines of bounded length. Run in-process through ``main`` as the console script does."""
import json

import pytest

from helpers import build_corpus
from newsgraph.interfaces.cli import main
from newsgraph.interfaces.cli.messages import MAX_ARGUMENT, MAX_MESSAGE, bounded


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_corpus(str(tmp_path_factory.mktemp("cli") / "store.duckdb"))


@pytest.fixture
def newsgraph(monkeypatch, capsys):
    """``newsgraph(*args)`` -> (exit status, stdout, stderr) of the command line."""

    def run(*args):
        monkeypatch.setattr("sys.argv", ["newsgraph", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith(("Error:", "newsgraph: error"))]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("command", [["search", "talks"], ["actors"]])
@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999", "ten"])
def test_limit_out_of_range_is_a_usage_error(newsgraph, store, command, value):
    code, out, err = newsgraph(*command, "--limit", value, "--db", store)
    assert code == 2 and out == ""
    assert "Invalid value for '--limit'" in error_line(err) and value in err


def test_a_good_limit_still_works(newsgraph, store):
    code, out, _ = newsgraph("actors", "--limit", "2", "--db", store, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


@pytest.mark.parametrize("args", [["--window", "-5"], ["--window", "99999999999999999999"]])
def test_negative_or_huge_window_is_refused(newsgraph, store, args):
    code, _, err = newsgraph("events", *args, "--db", store)
    assert code == 2 and "Invalid value for '--window'" in error_line(err)


@pytest.mark.parametrize("args", [["events", "--actor", ""], ["events", "--recipient", "  "],
                                  ["quotes", "--speaker", ""], ["claims", "--about", ""],
                                  ["commitments", "--party", ""], ["timeline", ""],
                                  ["dyad", "", "Taliban"]])
def test_empty_filter_is_refused_not_read_as_no_filter(newsgraph, store, args):
    code, out, err = newsgraph(*args, "--db", store)
    assert code == 2 and out == "" and "is empty" in error_line(err)


def test_unknown_type_names_the_valid_types(newsgraph, store):
    code, _, err = newsgraph("events", "--type", "MEET", "--db", store)
    assert code == 2
    line = error_line(err)
    assert "'MEET' is not a PLOVER event type" in line and "CONSULT" in line and "REJECT" in line
    code, _, err = newsgraph("actors", "--type", "people", "--db", store)
    assert code == 2 and "PERSON" in error_line(err) and "ORG" in err


def test_known_type_any_case_still_filters(newsgraph, store):
    code, out, _ = newsgraph("events", "--type", "consult", "--db", store, "--format", "json")
    assert code == 0 and {e["event"] for e in json.loads(out)} == {"CONSULT"}


def test_overlong_argument_is_shortened_in_errors(newsgraph, store):
    huge = "x" * 131_000
    for args in (["show", huge, "--db", store], ["timeline", huge, "--db", store],
                 ["events", "--type", huge, "--db", store]):
        code, _, err = newsgraph(*args)
        assert code == 2, args
        assert len(err) < 1000 and "131,000 characters" in err, args


def test_bounded_messages():
    arg = "y" * 5000
    short = bounded(f"{arg}: no such document; also {arg!r}", ["newsgraph", arg])
    assert len(short) < 2 * MAX_ARGUMENT + 60 and short.count("5,000 characters") == 2
    assert bounded("plain message", ["x" * 300]) == "plain message"
    assert len(bounded("z" * 10_000, [])) <= MAX_MESSAGE
