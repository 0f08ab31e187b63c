"""The benchmark: the worker mode runs the ingest code path and reports CPU, memory and load."""
import os
from pathlib import Path

import pytest

from newsgraph import bench

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HAS_PROC = Path("/proc/self/stat").exists()


@pytest.mark.skipif(not HAS_PROC, reason="reads /proc")
def test_process_and_machine_counters():
    busy = bench.machine_busy_seconds()
    sum(i * i for i in range(300_000))
    assert bench.machine_busy_seconds() >= busy > 0
    assert bench._process_cpu_seconds(os.getpid()) > 0
    assert 10 < bench._peak_rss_mb(os.getpid()) < 10_000
    assert bench._process_cpu_seconds(2**22 + 1) is None  # no such process
    assert bench._other_load(None, 1.0, 0.5, 1.0) is None
    assert bench._other_load(10.0, 12.0, 0.5, 1.0) == pytest.approx(1.5)


def test_bench_with_two_workers_on_the_bundled_examples():
    report = bench.run_bench(EXAMPLES, docs=6, batch_size=2, workers=2)
    par = report["parallel"]
    assert par["workers"] == 2 and report["worker_speedup"] > 0
    assert len(par["peak_rss_of_workers_mb"]) == (2 if HAS_PROC else 1)
    assert 0 < par["peak_rss_per_worker_mb"] < 800  # the memory budget per worker
    if HAS_PROC:
        assert len(par["worker_cpu_seconds"]) == 2 and report["worker_cpu_speedup"] > 0
        assert par["other_load_cores"] >= 0 and report["pipeline"]["other_load_cores"] >= 0
    text = bench.format_report(report)
    assert "2 workers:" in text and "peak RSS per worker" in text


def test_report_flags_a_busy_machine():
    mode = {"docs_per_second": 1.0, "tokens_per_second": 10.0, "peak_rss_mb": 300.0, "seconds": 2.0,
            "cpu_seconds": 2.0}
    report = {"documents": 2, "tokens": 20, "batch_size": 2, "spacy": dict(mode),
              "pipeline": {**mode, "other_load_cores": 0.02}, "throughput_ratio": 1.0,
              "cpu_throughput_ratio": 1.0, "rss_ratio": 1.0, "stage_share": {"parse.v1": 1.0},
              "parallel": {"workers": 2, "docs_per_second": 1.5, "seconds": 1.3, "peak_rss_per_worker_mb": 310.0,
                           "peak_rss_of_workers_mb": [300.0, 310.0], "worker_cpu_seconds": [1.0, 1.1],
                           "parent_cpu_seconds": 0.01, "other_load_cores": 0.9},
              "worker_speedup": 1.5, "worker_cpu_speedup": 1.8}
    text = bench.format_report(report)
    assert "peak RSS per worker 300, 310 MB" in text
    assert "1.80x one process" in text
    assert "the machine was busy" in text
    report["parallel"]["other_load_cores"] = 0.01
    assert "the machine was busy" not in bench.format_report(report)
