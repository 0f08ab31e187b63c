"""``newsgraph sql`` on PostgreSQL: the server's own parser decides what the query is, and the
query runs read-only, bounded, without server functions that touch the world.

Four gates, each enough for some attacks and together meant to be enough for all:

1. **One statement, by the server's parser.** The text goes to the server as an unnamed
   prepared statement (the extended protocol's Parse message accepts exactly one command), so
   comments and dollar quotes (``SELECT 1 /* ; */``, ``SELECT $$;$$``) are read as the server
   reads them.
2. **A SELECT, analysed by the server.** ``CREATE TEMP VIEW ... AS <query>`` is run in a
   transaction that is rolled back: PostgreSQL accepts only a plain query there (no INSERT,
   SELECT INTO, data-modifying WITH...). The view's stored rule (``pg_rewrite.ev_action``) is
   the server's analysed query tree: every function, aggregate, window function, operator and
   relation it will use appears there by OID, whatever the spelling (quoted names, schema
   prefixes, casts, operators, nested subqueries and CTEs). Functions must be built-in
   (``pg_catalog``) and on the allow-list below or be a cast; operators built-in and not
   volatile; relations newsgraph's tables, the session's temporary views, or
   ``information_schema``. This is why a text parser (sqlglot or a GPL one) is not used: a
   second parser can disagree with the server, the analysed tree cannot.
3. **A read-only transaction with a statement timeout** (``BEGIN READ ONLY``, ``SET LOCAL
   statement_timeout``), always rolled back.
4. **A read-only role**: ``SET LOCAL ROLE newsgraph_reader``, a NOLOGIN role with USAGE on the
   store's schema and SELECT on its tables, created and granted on first use when the user
   may (see docs/store.md for a DBA's setup). When that is not permitted the query still runs
   through gates 1-3 and the caller is told so in one line.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...errors import NewsgraphError
from .. import schema

READER_ROLE = "newsgraph_reader"
CHECK_VIEW = "newsgraph_sql_query"
TEMP_VIEWS = ("event_rows", "event_members", "event_clusters", "dyad_weekly")
STORE_TABLES = ("schema_version", *schema.ALL_TABLES, *schema.DUPLICATE_TABLES)

# Built-in functions a query may call: they compute values from their arguments. Not here, on
# purpose: large objects (lo_*), server files (pg_read_file, pg_ls_dir, pg_stat_file), sessions
# and settings (pg_terminate_backend, pg_cancel_backend, set_config, current_setting), SQL run
# from a string (query_to_xml, ts_stat), sequences, advisory locks, pg_sleep, notifications.
ALLOWED_FUNCTIONS = frozenset("""
count sum avg min max string_agg array_agg json_agg jsonb_agg json_object_agg jsonb_object_agg
bool_and bool_or every bit_and bit_or stddev stddev_pop stddev_samp variance var_pop var_samp
corr covar_pop covar_samp regr_slope regr_intercept regr_count regr_r2 percentile_cont
percentile_disc mode
row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
abs ceil ceiling floor round trunc sign sqrt cbrt power pow exp ln log log10 mod div greatest
least width_bucket random
lower upper initcap length char_length character_length octet_length bit_length substr
substring left right lpad rpad btrim ltrim rtrim trim replace split_part strpos position concat
concat_ws format md5 reverse repeat translate starts_with regexp_replace regexp_match
regexp_matches regexp_split_to_array regexp_split_to_table regexp_count regexp_like quote_ident
quote_literal to_hex ascii chr like_escape similar_to_escape overlay normalize unistr
string_to_array string_to_table array_to_string array_length array_upper array_lower array_dims
array_ndims cardinality array_position array_positions array_remove array_replace array_append
array_prepend array_cat unnest generate_series generate_subscripts
now statement_timestamp transaction_timestamp clock_timestamp date_trunc date_part extract
date_bin age make_date make_time make_timestamp make_timestamptz make_interval justify_days
justify_hours justify_interval isfinite timezone to_char to_date to_timestamp to_number overlaps
json_array_length jsonb_array_length json_array_elements jsonb_array_elements
json_array_elements_text jsonb_array_elements_text json_each jsonb_each json_each_text
jsonb_each_text json_object_keys jsonb_object_keys json_extract_path json_extract_path_text
jsonb_extract_path jsonb_extract_path_text json_typeof jsonb_typeof to_json to_jsonb
row_to_json array_to_json json_build_object jsonb_build_object json_build_array
jsonb_build_array jsonb_path_query jsonb_path_query_array jsonb_path_query_first
jsonb_path_exists jsonb_path_match jsonb_strip_nulls jsonb_pretty json_strip_nulls
num_nulls num_nonnulls pg_typeof
""".split())

# Fields of a serialised query tree that hold the OID of a function, of an operator, of a table.
_FUNCTION_FIELDS = re.compile(r":(\w*(?:funcid|fnoid|Func|handler)) (\d+)")
# An operator's own function (and its hash and negator support): judged with the operator.
_OPERATOR_FUNCTIONS = frozenset({"opfuncid", "hashfuncid", "negfuncid"})
_OPERATOR_FIELDS = re.compile(r":(?:opno|eqop|sortop) (\d+)")
_OPERATOR_LISTS = re.compile(r":opnos \(o ([\d ]+)\)")
_RELATION_FIELDS = re.compile(r":relid (\d+)")
# Leading blanks and comments (nested /* */ too), for naming the statement in a message only.
_LEADING = re.compile(r"\s+|--[^\n]*|\(")


def first_word(sql: str) -> str:
    """The statement's first keyword (for messages; the server decides what it is)."""
    i = 0
    while i < len(sql):
        match = _LEADING.match(sql, i)
        if match:
            i = match.end()
        elif sql.startswith("/*", i):
            depth, i = 1, i + 2
            while i < len(sql) and depth:
                depth += sql.startswith("/*", i) - sql.startswith("*/", i)
                i += 2 if sql.startswith(("/*", "*/"), i) else 1
        else:
            word = re.match(r"\w+", sql[i:])
            return word.group().upper() if word else sql[i]
    return "nothing"


def _server_message(exc: Exception) -> str:
    diag = getattr(exc, "diag", None)
    return (getattr(diag, "message_primary", None) or str(exc)).strip().splitlines()[0]


def _parse(con, sql: str) -> int:
    """Gate 1: the server parses SQL as one prepared statement; returns its column count."""
    from psycopg import pq

    if "\x00" in sql:
        raise NewsgraphError("the query holds a NUL character")
    pgconn = con.raw.pgconn
    parsed = pgconn.prepare(b"", sql.encode(con.raw.info.encoding))
    if parsed.status != pq.ExecStatus.COMMAND_OK:
        message = (parsed.error_field(pq.DiagnosticField.MESSAGE_PRIMARY) or b"").decode("utf-8", "replace")
        if "multiple commands" in message:
            raise NewsgraphError("give exactly one SELECT statement (got more than one)")
        raise NewsgraphError(f"cannot parse the query as one SELECT statement: {message}")
    described = pgconn.describe_prepared(b"")
    if described.nparams:
        raise NewsgraphError("the query has parameters ($1...): write the values into it")
    return described.nfields


def search_path(con) -> str:
    """The session's effective schema list, spelled out (so ``$user`` cannot resolve to
    another schema once the role changes)."""
    return con.raw.execute("SELECT array_to_string(ARRAY(SELECT quote_ident(s) FROM"
                           " unnest(current_schemas(false)) AS u(s)), ',')").fetchone()[0] or "pg_catalog"


def _query_tree(con, sql: str, columns: int, path: str) -> tuple[str, int]:
    """Gate 2: the analysed tree of SQL as a temporary view's rule, and that view's OID."""
    import psycopg

    raw = con.raw
    names = f" ({', '.join(f'c{i + 1}' for i in range(columns))})" if columns else ""
    raw.execute("BEGIN READ WRITE")  # a temporary view is a write; rolled back below
    try:
        raw.execute("SELECT set_config('search_path', %s, true)", [path])
        try:
            raw.execute(f"CREATE TEMP VIEW {CHECK_VIEW}{names} AS {sql}", prepare=True)
        except psycopg.Error as exc:
            kind = first_word(sql)
            if kind == "nothing":
                raise NewsgraphError("give exactly one SELECT statement (got 0)") from None
            why = "" if getattr(exc, "sqlstate", None) == "42601" else f": {_server_message(exc)}"
            raise NewsgraphError(f"only SELECT or WITH ... SELECT queries are allowed here (got {kind}){why}"
                                 ) from None
        return raw.execute(f"SELECT ev_action::text, ev_class::oid FROM pg_rewrite"
                           f" WHERE ev_class = 'pg_temp.{CHECK_VIEW}'::regclass").fetchone()
    finally:
        raw.execute("ROLLBACK")


def _refusals(con, tree: str, view: int) -> list[str]:
    """What the analysed tree uses that is not allowed, as message fragments."""
    fields = _FUNCTION_FIELDS.findall(tree)
    functions = {int(n) for field, n in fields if field not in _OPERATOR_FUNCTIONS} - {0}
    support = {int(n) for field, n in fields if field in _OPERATOR_FUNCTIONS} - {0}
    operators = {int(n) for n in _OPERATOR_FIELDS.findall(tree)} - {0}
    for group in _OPERATOR_LISTS.findall(tree):
        operators.update(int(n) for n in group.split())
    relations = {int(n) for n in _RELATION_FIELDS.findall(tree)} - {0, view}
    found = []
    for name, proname, in_catalog, is_cast in con.raw.execute(
            "SELECT p.oid::regprocedure::text, p.proname, p.pronamespace = 'pg_catalog'::regnamespace,"
            " EXISTS (SELECT 1 FROM pg_cast c WHERE c.castfunc = p.oid) AND p.provolatile <> 'v'"
            " FROM pg_proc p WHERE p.oid = ANY(%s)", [sorted(functions)]).fetchall():
        if not (in_catalog and (is_cast or proname in ALLOWED_FUNCTIONS)):
            found.append(f"the function {name}")
    for name, ok in con.raw.execute(
            "SELECT o.oid::regoperator::text, o.oprnamespace = 'pg_catalog'::regnamespace"
            " AND p.pronamespace = 'pg_catalog'::regnamespace AND p.provolatile <> 'v'"
            " FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode WHERE o.oid = ANY(%s)",
            [sorted(operators)]).fetchall():
        if not ok:
            found.append(f"the operator {name}")
    for name, ok in con.raw.execute(
            "SELECT p.oid::regprocedure::text, p.pronamespace = 'pg_catalog'::regnamespace"
            " AND p.provolatile <> 'v' FROM pg_proc p WHERE p.oid = ANY(%s)", [sorted(support)]).fetchall():
        if not ok:
            found.append(f"the function {name}")
    for name, ok in con.raw.execute(
            "SELECT c.oid::regclass::text, c.relnamespace = pg_my_temp_schema()"
            " OR c.relnamespace = 'information_schema'::regnamespace"
            " OR (c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s))"
            " FROM pg_class c WHERE c.oid = ANY(%s)", [list(STORE_TABLES), sorted(relations)]).fetchall():
        if not ok:
            found.append(f"the relation {name}")
    return found


def check(con, sql: str) -> str:
    """Refuse SQL unless the server reads it as one SELECT that calls only allowed functions
    and reads only the store's relations; returns the search path to run it with."""
    columns = _parse(con, sql)
    path = search_path(con)
    tree, view = _query_tree(con, sql, columns, path)
    refused = _refusals(con, tree, view)
    if refused:
        raise NewsgraphError(f"the query uses {', '.join(sorted(refused))}, which `newsgraph sql`"
                             " does not allow (built-in functions that compute values, and the"
                             " store's tables and views, are allowed)")
    return path


def reader_role(con, on_warning: Callable[[str], None]) -> str | None:
    """The read-only role to run queries as, set up when missing and permitted; None (after
    one warning line) when it cannot be used."""
    import psycopg

    raw = con.raw
    raw.execute("BEGIN READ WRITE")  # creating the role and granting are writes of ours
    try:
        role = raw.execute("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls"
                           " OR rolreplication FROM pg_roles WHERE rolname = %s", [READER_ROLE]).fetchone()
        if role is None:
            raw.execute(f"CREATE ROLE {READER_ROLE} NOLOGIN")
        elif role[0]:
            raise NewsgraphError(f"the role {READER_ROLE} has more than read rights (superuser,"
                                 " createrole, ...)")
        if not raw.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')", [READER_ROLE]).fetchone()[0]:
            raw.execute(f"GRANT {READER_ROLE} TO CURRENT_USER")
        if not raw.execute("SELECT has_schema_privilege(%s, current_schema(), 'USAGE')",
                           [READER_ROLE]).fetchone()[0]:
            quoted = raw.execute("SELECT quote_ident(current_schema())").fetchone()[0]
            raw.execute(f"GRANT USAGE ON SCHEMA {quoted} TO {READER_ROLE}")
        missing = [name for (name,) in raw.execute(
            "SELECT quote_ident(c.relname) FROM pg_class c WHERE c.relname = ANY(%s)"
            " AND (c.relnamespace = current_schema()::regnamespace OR"
            "      (c.relnamespace = pg_my_temp_schema() AND c.relname = ANY(%s)))"
            " AND NOT has_table_privilege(%s, c.oid, 'SELECT')",
            [[*STORE_TABLES, *TEMP_VIEWS], list(TEMP_VIEWS), READER_ROLE]).fetchall()]
        if missing:
            raw.execute(f"GRANT SELECT ON {', '.join(missing)} TO {READER_ROLE}")
        raw.execute("COMMIT")
    except (psycopg.Error, NewsgraphError) as exc:
        raw.execute("ROLLBACK")
        user = raw.execute("SELECT current_user").fetchone()[0]
        on_warning(f"cannot use the read-only role {READER_ROLE} ({_server_message(exc)}); the query"
                   f" runs as {user}, still checked and in a read-only transaction"
                   " (docs/store.md: 'newsgraph sql on PostgreSQL')")
        return None
    return READER_ROLE


def run(con, sql: str, timeout: float, max_rows: int, on_warning: Callable[[str], None],
        fetch: Callable[[Any, int], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Check SQL, then run it as the reader role in a read-only transaction with a statement
    timeout, always rolled back; FETCH(cursor, max_rows) reads the rows."""
    import psycopg

    path = check(con, sql)
    role = reader_role(con, on_warning)
    raw = con.raw
    raw.execute("BEGIN READ ONLY")
    try:
        raw.execute(f"SET LOCAL statement_timeout = {max(1, int(timeout * 1000))}")
        raw.execute("SELECT set_config('search_path', %s, true)", [path])
        if role:
            raw.execute(f"SET LOCAL ROLE {role}")
        # A server-side cursor, so that only the rows fetched reach this process. Gate 1 read
        # SQL as one statement, so "DECLARE ... FOR " + SQL is one statement too.
        with raw.cursor(name="newsgraph_sql") as cursor:
            cursor.execute(sql)
            return fetch(cursor, max_rows)
    except psycopg.errors.QueryCanceled:
        raise NewsgraphError(f"the query ran past the time limit ({timeout:g} s; --timeout)") from None
    except psycopg.Error as exc:
        raise NewsgraphError(f"query failed: {_server_message(exc)}") from None
    finally:
        raw.execute("ROLLBACK")
