"""The guards: the token for POST (and for everything off loopback), --read-only, the body
size limit, hostile bodies, errors as JSON without tracebacks, CORS off unless configured,
and the start-up rules of `newsgraph serve`."""
import asyncio
import json
import subprocess
import sys

import pytest
from helpers import API_AUTH as AUTH, API_TOKEN as TOKEN
from helpers import make_document

from newsgraph.errors import NewsgraphError
from newsgraph.interfaces.api import server
from newsgraph.interfaces.api.access import prepare
from newsgraph.interfaces.api.security import BodyLimit, is_loopback
from newsgraph.store import queries
from newsgraph.store.database import Store

VALID = {"text": "Khalilzad met Taliban representatives in Kabul."}


def error(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] and "Traceback" not in response.text
    return body


# --- the token ---------------------------------------------------------------------------------

def test_post_without_the_token_is_401(client):
    body = error(client.post("/api/analyze", json=VALID), 401)
    assert "Authorization: Bearer" in body["error"]
    assert client.post("/api/analyze", json=VALID).headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", TOKEN,
                                    "Bearer", ""])
def test_a_wrong_token_is_401(client, header):
    error(client.post("/api/analyze", json=VALID, headers={"Authorization": header}), 401)


def test_reads_need_no_token_on_loopback(client):
    assert client.get("/api/stats").status_code == 200


def test_without_a_configured_token_post_is_refused(corpus_db, make_client):
    client = make_client(corpus_db, token=None)
    assert "--token" in error(client.post("/api/analyze", json=VALID, headers=AUTH), 401)["error"]
    assert client.get("/api/stats").status_code == 200


def test_off_loopback_every_request_needs_the_token(corpus_db, make_client):
    client = make_client(corpus_db, token_for_reads=True)
    for path in ("/api/stats", "/api/documents", "/openapi.json", "/docs", "/api/nothing"):
        error(client.get(path), 401)
        assert client.get(path, headers=AUTH).status_code in (200, 404)
    assert client.get("/api", headers=AUTH).json()["token_required_for_reads"] is True


def test_off_loopback_a_browser_signs_in_once_and_reads_by_cookie(corpus_db, make_client):
    client = make_client(corpus_db, token_for_reads=True)
    page = client.get("/", headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    form = client.get("/login")
    assert form.status_code == 200 and 'name="token"' in form.text
    wrong = client.post("/login", data={"token": "not-it"}, follow_redirects=False)
    assert wrong.status_code == 401 and "Wrong token" in wrong.text
    assert "set-cookie" not in wrong.headers
    signed = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    cookie = signed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/api/stats").status_code == 200  # the client keeps the cookie
    # a cookie never authorises a write: a cross-site form could send it
    error(client.post("/api/analyze", json=VALID), 401)


def test_a_wrong_cookie_reads_nothing(corpus_db, make_client):
    client = make_client(corpus_db, token_for_reads=True)
    client.cookies.set("newsgraph_token", "not-it")
    error(client.get("/api/stats"), 401)


def test_reads_for_everyone_need_a_token_to_exist(corpus_db, make_client):
    with pytest.raises(ValueError):
        make_client(corpus_db, token=None, token_for_reads=True)


# --- read-only ---------------------------------------------------------------------------------

def test_read_only_refuses_to_store(corpus_db, make_client):
    client = make_client(corpus_db, read_only=True)
    body = error(client.post("/api/analyze", params={"store": "true"}, json=VALID, headers=AUTH), 403)
    assert "read-only" in body["error"]
    assert client.get("/api").json()["read_only"] is True


def test_a_store_another_process_writes_is_503(fresh_db, make_client):
    client = make_client(fresh_db)
    holder = subprocess.Popen(  # an ingest, as far as the file lock goes
        [sys.executable, "-c", "import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
                               " sys.stdin.read()", fresh_db],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert "cannot be read now" in error(client.get("/api/stats"), 503)["error"]
        assert "cannot be written now" in error(client.post("/api/analyze", params={"store": "true"},
                                                            json=VALID, headers=AUTH), 503)["error"]
    finally:
        holder.communicate("", timeout=30)
    assert client.get("/api/stats").status_code == 200


# --- bodies ------------------------------------------------------------------------------------

def test_a_body_over_the_limit_is_413(corpus_db, make_client):
    client = make_client(corpus_db, max_body_bytes=1000)
    big = {"text": "word " * 400}
    assert "1,000 bytes" in error(client.post("/api/analyze", json=big, headers=AUTH), 413)["error"]


def test_a_streamed_body_over_the_limit_is_413(corpus_db, make_client):
    client = make_client(corpus_db, max_body_bytes=1000)

    def chunks():
        for _ in range(50):
            yield b"x" * 100

    error(client.post("/api/analyze", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}), 413)


def test_the_default_limit_is_two_megabytes(client):
    huge = b'{"text": "' + b"a" * 2_100_000 + b'"}'
    error(client.post("/api/analyze", content=huge, headers={**AUTH, "Content-Type": "application/json"}), 413)


@pytest.mark.parametrize("content, content_type", [
    (b'{"text": "unterminated', "application/json"),
    (b"\x00\xff\xfe\x89PNG\r\n\x1a\n" * 20, "application/json"),
    (b"\x00\xff\xfe\x89PNG\r\n\x1a\n" * 20, "application/octet-stream"),
    (b"text=hello", "application/x-www-form-urlencoded"),
    (b"", "application/json"),
    (b"[1, 2, 3]", "application/json"),
    (b'"just a string"', "application/json"),
    (b"null", "application/json"),
])
def test_hostile_bodies_are_422(client, content, content_type):
    body = error(client.post("/api/analyze", content=content, headers={**AUTH, "Content-Type": content_type}), 422)
    assert "PNG" not in json.dumps(body)  # the input is never echoed


@pytest.mark.parametrize("payload", [
    {},
    {"text": ""},
    {"text": 42},
    {"text": "x", "documents": [{"text": "y"}]},
    {"text": "x", "colour": "red"},
    {"documents": []},
    {"documents": [{"text": "x"}] * 101},
    {"documents": [{"title": "no text"}]},
    {"documents": [{"text": "x"}], "title": "outside"},
    {"text": "x", "published": "last Tuesday"},
    {"text": "x" * 500_001},
])
def test_invalid_bodies_are_422_with_where(client, payload):
    body = error(client.post("/api/analyze", json=payload, headers=AUTH), 422)
    assert body["error"].startswith("invalid request body") and body["details"]
    assert all(set(d) == {"where", "message", "type"} for d in body["details"])


def test_a_bad_content_length_is_400():
    sent = []

    async def app(scope, receive, send):  # pragma: no cover - never reached
        raise AssertionError("the app must not run")

    async def receive():
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/analyze", "headers": [(b"content-length", b"12x")]}
    asyncio.run(BodyLimit(app, 100)(scope, receive, send))
    assert sent[0]["status"] == 400


# --- errors ------------------------------------------------------------------------------------

def test_a_newsgraph_error_is_400_with_its_message(client, monkeypatch):
    def broken(_con):
        raise NewsgraphError("the store says no")

    monkeypatch.setattr(queries, "stats", broken)
    assert error(client.get("/api/stats"), 400)["error"] == "the store says no"


def test_a_bug_is_500_without_a_traceback(client, monkeypatch):
    def broken(_con):
        raise ZeroDivisionError("secret detail")

    monkeypatch.setattr(queries, "stats", broken)
    body = error(client.get("/api/stats"), 500)
    assert "secret detail" not in json.dumps(body) and "ZeroDivisionError" not in json.dumps(body)


def test_an_ambiguous_document_id_is_400(fresh_db, make_client):
    with Store(fresh_db) as store:
        for text in ("One report of the talks.", "Another report of the talks."):
            assert store.add(make_document(text, "2021-04-20", external_id="wire-1"))
    client = make_client(fresh_db)
    assert "several" in error(client.get("/api/documents/wire-1"), 400)["error"]
    assert error(client.get("/api/documents/%25"), 404)  # no LIKE patterns: a literal prefix


def test_export_names_come_from_the_registry_only(client):
    for name in ("..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "csv.zip", "%00"):
        assert client.get(f"/api/exports/{name}").status_code == 404


# --- CORS ----------------------------------------------------------------------------------------

def test_cors_is_off_by_default(client):
    response = client.get("/api/stats", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_for_configured_origins(corpus_db, make_client):
    client = make_client(corpus_db, cors_origins=["https://dash.example.org"])
    allowed = client.get("/api/stats", headers={"Origin": "https://dash.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example.org"
    other = client.get("/api/stats", headers={"Origin": "https://evil.example.org"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options("/api/analyze", headers={
        "Origin": "https://dash.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200


# --- starting the server ------------------------------------------------------------------------

@pytest.mark.parametrize("host, expected", [("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True),
                                            ("::1", True), ("[::1]", True), ("0.0.0.0", False),
                                            ("192.168.1.20", False), ("::", False), ("example.org", False)])
def test_loopback_addresses(host, expected):
    assert is_loopback(host) is expected


def test_off_loopback_the_server_needs_a_long_token(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    with pytest.raises(NewsgraphError, match="--token"):
        server.settings("0.0.0.0", None)
    with pytest.raises(NewsgraphError, match="at least 16"):
        server.settings("0.0.0.0", "short")
    assert server.settings("0.0.0.0", TOKEN) == (TOKEN, False, True)
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", TOKEN)
    assert server.settings("192.168.1.20", None) == (TOKEN, False, True)


def test_on_loopback_a_token_is_made_up_when_none_is_given(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    token, made_up, for_reads = server.settings("127.0.0.1", None)
    assert made_up and not for_reads and len(token) >= 24
    assert server.settings("127.0.0.1", None)[0] != token
    assert server.settings("localhost", "mine") == ("mine", False, False)


def test_prepare_creates_a_missing_store_unless_read_only(tmp_path):
    with pytest.raises(NewsgraphError, match="no such database"):
        prepare(str(tmp_path / "missing.duckdb"), read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()
    prepare(str(tmp_path / "new.duckdb"))
    con = queries.connect(str(tmp_path / "new.duckdb"))
    assert queries.stats(con)["documents"] == 0
    con.close()


# --- reads and writes at once ------------------------------------------------------------------

def test_reads_and_a_write_at_once(fresh_db):
    """Readers and the writer of one DuckDB file in one process take turns (DuckDB refuses a
    read-only and a read-write connection to one file at the same time)."""
    import threading

    from newsgraph.interfaces.api.access import StoreAccess

    access, failures, counts = StoreAccess(fresh_db), [], []

    def read():
        try:
            for _ in range(5):
                with access.read() as con:
                    counts.append(queries.stats(con)["documents"])
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    def write():
        try:
            for n in range(3):
                with access.write() as store:
                    store.add(make_document(f"Report number {n} of the talks in Doha.", "2021-04-2" + str(n)))
        except Exception as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == [] and len(counts) == 15 and set(counts) <= {3, 4, 5, 6}
    with access.read() as con:
        assert queries.stats(con)["documents"] == 6
