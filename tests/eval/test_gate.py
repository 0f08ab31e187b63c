"""The quality gate: floors fail on drops, --update only raises them."""
from newsgraph.eval import gate


def baseline():
    return {"tolerance": 0.01, "suites": {"timex": {"floors": {"value_f1": 0.80, "span_f1": 0.90}}}}


def test_scores_at_or_above_floor_pass():
    verdicts = gate.check("timex", {"value_f1": 0.795, "span_f1": 0.95}, baseline())
    assert all(v.passed for v in verdicts)


def test_a_drop_beyond_tolerance_fails():
    verdicts = {v.metric: v for v in gate.check("timex", {"value_f1": 0.70, "span_f1": 0.95}, baseline())}
    assert not verdicts["value_f1"].passed
    assert verdicts["span_f1"].passed


def test_a_missing_metric_fails():
    verdicts = gate.check("timex", {"span_f1": 0.95}, baseline())
    assert [v.passed for v in verdicts if v.metric == "value_f1"] == [False]


def test_update_raises_but_never_lowers():
    data = baseline()
    changed = gate.raise_floors("timex", {"value_f1": 0.85, "span_f1": 0.5}, data, ["value_f1", "span_f1"])
    assert changed == {"value_f1": (0.80, 0.85)}
    assert data["suites"]["timex"]["floors"] == {"value_f1": 0.85, "span_f1": 0.90}


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "eval" / "baseline.json"
    gate.save_baseline(path, baseline())
    assert gate.load_baseline(path) == baseline()


def test_disabling_the_timex_stage_fails_the_check(tmp_path):
    """Acceptance: lowering a stage's quality on purpose makes `eval --check` fail."""
    import os
    import subprocess
    import sys

    from helpers import shared_path

    shared_path("corpus", "tempeval3-platinum", "te3-platinum")
    baseline_file = tmp_path / "baseline.json"
    gate.save_baseline(baseline_file, {"tolerance": 0.005,
                                       "suites": {"timex": {"floors": {"value_f1": 0.5}}}})
    env = dict(os.environ, NEWSGRAPH_STAGES="parse.v1,entities.v1,genre.v1")
    result = subprocess.run([sys.executable, "-m", "newsgraph", "eval", "--check", "--baseline",
                             str(baseline_file)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL timex" in result.stdout and "value_f1" in result.stdout
