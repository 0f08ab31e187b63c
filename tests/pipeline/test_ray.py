"""The Ray Data path on a local two-node Ray cluster (head + worker on loopback) gives the
same records as the single-process path."""
import gzip
import json

import pytest

from helpers import shared_path

ray = pytest.importorskip("ray", reason="the Ray engine is optional: pip install -e '.[ray]'")

ARTICLES = 8


@pytest.fixture(scope="module")
def cluster():
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    cluster.add_node(num_cpus=2)  # a second raylet: the worker node
    ray.init(address=cluster.address, include_dashboard=False, log_to_driver=False)
    yield cluster
    ray.shutdown()
    cluster.shutdown()


def test_ray_records_equal_single_process_records(cluster, tmp_path):
    from newsgraph.analysis import analyze_many
    from newsgraph.pipeline.ray import run_ray
    from newsgraph.store.parquet import read_records
    from newsgraph.ingest.readers import IngestOptions, iter_inputs
    from newsgraph.record import to_record

    sample = shared_path("corpus", "wikinews-sample-2019-2020", "wikinews_2019_2020.jsonl.gz")
    subset = tmp_path / "subset.jsonl"
    with gzip.open(sample, "rt", encoding="utf-8") as src:
        subset.write_text("".join(next(src) for _ in range(ARTICLES)), encoding="utf-8")

    local = {}
    for doc in analyze_many(d for d in iter_inputs([str(subset)], IngestOptions()) if not isinstance(d, Exception)):
        record = to_record(doc)
        local[record["document"]["id"]] = record

    out = run_ray([str(subset)], tmp_path / "records", address=cluster.address, workers=2, batch_size=3)
    rows = list(read_records(out))
    assert all(row["error"] is None for row in rows)
    remote = {row["id"]: json.loads(row["record"]) for row in rows}
    assert len(remote) == ARTICLES
    assert remote.keys() == local.keys()
    for doc_id, record in local.items():
        assert remote[doc_id] == record
