"""The hostile-input benchmark: sizes double, the report gives the 4x/1x ratios."""
from newsgraph import bench_hostile


def test_hostile_inputs_double_in_size():
    for name in bench_hostile.HOSTILE:
        sizes = [len(bench_hostile.hostile_text(name, s)) for s in bench_hostile.SCALES]
        assert sizes[1] == 2 * sizes[0] and sizes[2] == 4 * sizes[0]
    # at 4x, the sizes issue 16 reported as hanging
    assert len(bench_hostile.hostile_text("quote_marks", 4)) == 200_000
    assert bench_hostile.hostile_text("nested_reports", 4) == 'Iran said "' * 20_000


def test_a_quick_run_reports_linear_ratios_for_one_input():
    report = bench_hostile.run_hostile(["one_word_sentences"], shrink=100)
    entry = report["inputs"]["one_word_sentences"]
    assert [r["chars"] for r in entry["runs"].values()] == [1_500, 3_000, 6_000]
    assert all(r["over_budget"] is None and r["sentences"] > 0 for r in entry["runs"].values())
    assert entry["ratio_4x_1x"]["cpu_seconds"] > 0
    assert "4x/1x" in bench_hostile.format_hostile(report)
