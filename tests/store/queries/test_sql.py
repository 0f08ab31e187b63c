"""``newsgraph sql``: the engine's own parser decides what one statement is, the PostgreSQL
escape attempts of issue 16 are each refused with nothing left behind, and every query is
bounded in time, memory and rows."""
import os
import uuid

import pytest
from click.testing import CliRunner

from helpers import POSTGRES_ENV, build_corpus, new_store
from newsgraph.errors import NewsgraphError
from newsgraph.interfaces.cli.main import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory, backend_kind):
    return build_corpus(new_store(backend_kind, tmp_path_factory.mktemp("sql"), "corpus"))


def sql(db, query, *options):
    return CliRunner().invoke(cli, ["sql", query, "--db", db, "--format", "json", *options])


def refused(result) -> str:
    assert result.exit_code != 0, result.output
    assert isinstance(result.exception, NewsgraphError), result.exception
    return str(result.exception)


@pytest.mark.parametrize("query, expected", [
    ("SELECT 1 /* ; */ AS n", '"n": 1'),
    ("SELECT $$;$$ AS s", '"s": ";"'),
    ("SELECT 'a;b' AS s -- ; trailing comment", '"s": "a;b"'),
    ("SELECT count(*) AS n FROM documents WHERE lower(title) LIKE '%doha%' OR title = 'x'", '"n": '),
    ("WITH t AS (SELECT CAST(published AS VARCHAR) AS day FROM documents) SELECT max(day) AS d FROM t",
     '"d": "2021-04-15"'),
])
def test_valid_comment_and_dollar_quote_queries_pass(db, query, expected):
    result = sql(db, query)
    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize("query, words", [
    ("SELECT 1; DELETE FROM events", "exactly one"),
    ("", "got 0"),
    ("DELETE FROM events", "SELECT"),
    ("WITH d AS (DELETE FROM events RETURNING doc_id) SELECT * FROM d", "SELECT"),
])
def test_anything_but_one_select_is_refused(db, query, words):
    assert words in refused(sql(db, query))
    result = sql(db, "SELECT count(*) AS n FROM events")
    assert result.exit_code == 0 and '"n": 5' in result.output


def test_a_query_past_the_time_limit_is_stopped_with_one_line(db):
    slow = ("SELECT count(*) FROM range(10000000000000)" if not db.startswith("postgres")
            else "SELECT count(*) FROM generate_series(1, 10000000000000)")
    message = refused(sql(db, slow, "--timeout", "1"))
    assert "time limit (1 s; --timeout)" in message


def test_results_past_max_rows_are_refused(db):
    many = "SELECT a.doc_id FROM events a, events b, events c"  # 125 rows
    assert "more than 100 rows (--max-rows)" in refused(sql(db, many, "--max-rows", "100"))
    assert sql(db, many, "--max-rows", "125").exit_code == 0


def test_bad_limits_are_one_line(db):
    for seconds in ("0", "-1", "nan", "inf", "1e20"):
        assert "--timeout" in refused(sql(db, "SELECT 1", "--timeout", seconds))
    assert "--max-memory" in refused(sql(db, "SELECT 1", "--max-memory", "1GB'; SELECT 2 --"))


# --- DuckDB: memory bound -------------------------------------------------------------------

def test_duckdb_query_past_the_memory_limit_is_one_line(tmp_path):
    db = build_corpus(new_store("duckdb", tmp_path, "m"))
    message = refused(sql(db, "SELECT list(range) AS l FROM range(100000000)", "--max-memory", "100MB"))
    assert "memory than the limit (100MB; --max-memory)" in message
    result = sql(db, "SELECT current_setting('memory_limit') AS m", "--max-memory", "200MB")
    assert result.exit_code == 0 and "MiB" in result.output


# --- PostgreSQL: the escape attempts of issue 16, each refused, nothing persisted ------------

needs_postgres = pytest.mark.skipif(not os.environ.get(POSTGRES_ENV),
                                    reason=f"needs ${POSTGRES_ENV} (eval \"$(bash .ci/postgres)\")")


@pytest.fixture(scope="module")
def pg_db(tmp_path_factory):
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"needs ${POSTGRES_ENV}")
    return build_corpus(new_store("postgres", tmp_path_factory.mktemp("pg"), "corpus"))


def server():
    import psycopg

    return psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True)


def large_objects() -> int:
    with server() as con:
        return con.execute("SELECT count(*) FROM pg_largeobject_metadata").fetchone()[0]


def escapes(victim_pid: int, target: str) -> list[str]:
    return [
        "SELECT lo_from_bytea(0, 'persisted')",
        "SELECT lo_import('/etc/hostname')",
        f"SELECT lo_export(lo_from_bytea(0, 'written'), '{target}')",
        "SELECT pg_read_file('PG_VERSION')",
        "SELECT pg_ls_dir('.')",
        f"SELECT pg_terminate_backend({victim_pid})",
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        # the same, spelled so that a text check would miss them
        "SELECT \"lo_from_bytea\"(0, 'x')",
        "SELECT * FROM pg_catalog.lo_import('/etc/hostname') AS x",
        "SELECT (SELECT lo_from_bytea(0, 'x')) AS nested",
        "WITH x AS (SELECT lo_from_bytea(0, 'x') AS o) SELECT o FROM x",
        "SELECT 1 FROM documents ORDER BY lo_from_bytea(0, 'x')",
        "SELECT query_to_xml('SELECT lo_from_bytea(0, ''x'')', true, true, '')",
        "SELECT set_config('role', current_user, false)",
        "SELECT pg_sleep(3)",
        "SELECT rolpassword FROM pg_authid",
    ]


@needs_postgres
def test_every_postgres_escape_is_refused_and_nothing_persists(pg_db, tmp_path):
    target = f"/tmp/newsgraph-sql-escape-{uuid.uuid4().hex}"
    before = large_objects()
    with server() as victim:
        pid = victim.info.backend_pid
        for query in escapes(pid, target):
            message = refused(sql(pg_db, query))
            assert "does not allow" in message or "only SELECT" in message, (query, message)
        assert victim.execute("SELECT 1").fetchone() == (1,)  # not terminated
    assert large_objects() == before
    assert not os.path.exists(target)


@needs_postgres
def test_postgres_queries_run_as_the_read_only_role_in_a_read_only_transaction(pg_db):
    result = sql(pg_db, "SELECT current_user AS u, current_setting('transaction_read_only') AS r")
    assert "current_setting" in refused(result)  # settings are not readable either
    result = sql(pg_db, "SELECT current_user AS u")
    assert result.exit_code == 0 and '"u": "newsgraph_reader"' in result.output
    result = sql(pg_db, "SELECT max(n_sources) AS m FROM event_clusters")  # temporary views too
    assert result.exit_code == 0 and '"m": 2' in result.output


@needs_postgres
def test_without_rights_to_the_role_the_query_is_still_guarded_and_says_so(pg_db):
    """A plain login role that may not create roles: one warning line, same refusals."""
    name = f"ng_plain_{uuid.uuid4().hex[:8]}"
    schema = pg_db.rsplit("%3D", 1)[1]
    with server() as con:
        con.execute(f"CREATE ROLE {name} LOGIN")
        con.execute(f"GRANT USAGE ON SCHEMA {schema} TO {name}")
        con.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {name}")
    try:
        url = pg_db.replace("://newsgraph@", f"://{name}@")
        before = large_objects()
        result = CliRunner().invoke(cli, ["sql", "SELECT count(*) AS n FROM documents",
                                             "--db", url, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert '"n": 3' in result.stdout
        assert "cannot use the read-only role newsgraph_reader" in result.stderr
        assert "does not allow" in refused(sql(url, "SELECT lo_from_bytea(0, 'x')"))
        assert large_objects() == before
    finally:
        with server() as con:
            con.execute(f"DROP OWNED BY {name}")
            con.execute(f"DROP ROLE {name}")
