"""Every export format, read back by its own library."""
import csv
import json

import click
import duckdb
import networkx as nx
import pytest
from click.testing import CliRunner

from newsgraph.errors import NewsgraphError
from newsgraph.export import export, formats
from newsgraph.interfaces.cli.query import register
from newsgraph.store import queries
from newsgraph.store.schema import ALL_TABLES
from helpers import new_store
from helpers import build_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory, backend_kind):
    return build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("x"), "corpus"))


@pytest.fixture(scope="module")
def con(db):
    return queries.connect(db)


@pytest.fixture(scope="module")
def exported(db, tmp_path_factory):
    """Each format written once through the CLI command."""
    @click.group()
    def cli():
        pass

    register(cli)
    out_dir = tmp_path_factory.mktemp("out")
    paths = {}
    for fmt in formats():
        path = out_dir / (fmt if fmt in ("csv", "parquet") else f"export.{fmt}")
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(path), "--db", str(db)])
        assert result.exit_code == 0, (fmt, result.output, result.exception)
        assert "wrote" in result.output
        paths[fmt] = path
    return paths


def test_plover_jsonl(exported):
    lines = exported["plover"].read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    for rec in records:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text",
                "factuality", "attributed_to", "evidence", "source"} <= set(rec)
    meet = next(r for r in records if r["event_text"] == "held talks")
    assert meet["actor"][0]["identifier_id"] == "person:zalmay-khalilzad"
    assert meet["recipient"][0]["code"] == "TAL" and meet["recipient"][0]["sector"] == "REB"
    assert meet["cluster_sources"] == 2 and meet["quad_code"] == 1
    reject = next(r for r in records if r["event"] == "REJECT")
    assert reject["attributed_to"] == "Officials" and reject["mode"] == "yield"


def test_plover_to_stdout(db):
    @click.group()
    def cli():
        pass

    register(cli)
    result = CliRunner().invoke(cli, ["export", "--format", "plover", "--db", str(db)])
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 5


def test_csv_tables_read_back(exported):
    folder = exported["csv"]
    for table in ALL_TABLES:
        assert (folder / f"{table}.csv").exists()
    with (folder / "events.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5 and {r["event"] for r in rows} == {"CONSULT", "ASSAULT", "REJECT"}
    with (folder / "event_clusters.csv").open(newline="", encoding="utf-8") as handle:
        clusters = list(csv.DictReader(handle))
    assert sorted(int(c["n_sources"]) for c in clusters) == [1, 1, 1, 2]


def test_parquet_tables_read_back(exported):
    folder = exported["parquet"]
    con = duckdb.connect()
    for table in ALL_TABLES:
        con.execute(f"SELECT * FROM read_parquet('{folder / (table + '.parquet')}')").fetchall()
    ids = con.execute(f"SELECT actor_ids FROM read_parquet('{folder / 'events.parquet'}')"
                      " WHERE event = 'ASSAULT'").fetchone()[0]
    assert ids == ["TAL"]
    quotes = con.execute(f"SELECT count(*) FROM read_parquet('{folder / 'quotes.parquet'}')").fetchone()[0]
    assert quotes == 2


def _check_graph(graph):
    assert graph.nodes["TAL"]["label"] == "Taliban" and graph.nodes["TAL"]["code"] == "TAL REB"
    edges = list(graph.edges(data=True))
    relation = [d for u, v, d in edges if d["kind"] == "relation"]
    assert len(relation) == 1 and relation[0]["predicate"] == "allied_with"
    assert relation[0]["factuality"] == "asserted" and relation[0]["attributed_to"] == "org:united-nations"
    events = [(u, v, d) for u, v, d in edges if d["kind"] == "event"]
    assert len(events) == 3  # two CONSULT clusters and one ASSAULT (REJECT has no recipient)
    doha = next(d for u, v, d in events if int(d["n_sources"]) == 2)
    assert doha["event_type"] == "CONSULT" and len(doha["doc_id"].split("; ")) == 2


def test_gexf_reads_back(exported):
    _check_graph(nx.read_gexf(exported["gexf"]))


def test_graphml_reads_back(exported):
    _check_graph(nx.read_graphml(exported["graphml"]))


def test_cytoscape_json_reads_back(exported):
    data = json.loads(exported["cytoscape"].read_text(encoding="utf-8"))
    graph = nx.cytoscape_graph(data)
    assert graph.is_directed() and graph.is_multigraph()
    _check_graph(graph)


def test_ftm_entities_parse_and_validate(exported):
    from followthemoney import model

    entities = [model.get_proxy(json.loads(line)) for line in
                exported["ftm"].read_text(encoding="utf-8").splitlines()]
    for proxy in entities:
        proxy.schema.validate(proxy.to_dict())
    by_schema = {}
    for proxy in entities:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert len(by_schema["Article"]) == 3
    assert [p.first("name") for p in by_schema["Person"]] == ["Zalmay Khalilzad"]
    orgs = {p.first("name") for p in by_schema["Organization"]}
    assert {"Taliban", "al-Qaeda"} <= orgs
    assert "United Nations" in {p.first("name") for p in by_schema["PublicBody"]}
    link = by_schema["UnknownLink"][0]
    assert link.first("role") == "allied_with"
    article_ids = {a.id for a in by_schema["Article"]}
    assert set(link.get("proof")) <= article_ids
    doha = next(e for e in by_schema["Event"] if len(e.get("proof")) == 2)
    assert doha.first("date") == "2021-04-12" and doha.first("location") == "Doha"
    ids = {p.id for p in entities}
    assert all(i in ids for e in by_schema["Event"] for i in e.get("involved"))


def test_ftm_membership_and_representation(store_target, tmp_path):
    from followthemoney import model
    from newsgraph.model import Relation
    from newsgraph.store.database import Store
    from helpers import doc_doha_1

    doc = doc_doha_1()
    doc.relations = [
        Relation("person:zalmay-khalilzad", "member_of", "org:united-nations", 0, 10),
        Relation("person:zalmay-khalilzad", "represents", "org:taliban", 0, 10),
    ]
    path = store_target("m")
    with Store(path) as store:
        store.add(doc)
    out = tmp_path / "m.ftm"
    export(queries.connect(path), "ftm", out)
    schemata = [model.get_proxy(json.loads(line)).schema.name for line in out.read_text().splitlines()]
    assert "Membership" in schemata and "Representation" in schemata


def test_stix_bundle_parses(exported):
    import stix2

    bundle = stix2.parse(exported["stix"].read_text(encoding="utf-8"), allow_custom=True)
    kinds = {}
    for obj in bundle.objects:
        kinds.setdefault(obj.type, []).append(obj)
    assert {o.name for o in kinds["threat-actor"]} == {"Taliban", "al-Qaeda"}
    assert "Zalmay Khalilzad" in {o.name for o in kinds["identity"]}
    types = sorted(r.relationship_type for r in kinds["relationship"])
    assert types == ["allied-with", "assault", "consult", "consult"]
    refs = {o.id for o in bundle.objects}
    assert all(r.source_ref in refs and r.target_ref in refs for r in kinds["relationship"])
    assert len(kinds["report"]) == 3
    assert all(ref in refs for rep in kinds["report"] for ref in rep.object_refs)


def test_stix_ids_are_stable(con, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    export(con, "stix", first)
    export(con, "stix", second)
    assert first.read_text() == second.read_text()


def test_table_formats_need_a_directory(con):
    import io

    with pytest.raises(NewsgraphError, match="directory"):
        export(con, "csv", io.StringIO())
