"""Every registered export format downloads (directory formats as a zip); the OpenAPI schema
lists every endpoint; /docs is served from this machine; `newsgraph serve` starts and answers."""
import io
import json
import os
import socket
import subprocess
import sys
import time
import zipfile

import httpx
import pytest

from newsgraph.export import formats
from newsgraph.interfaces.cli.main import cli

ENDPOINTS = ["/api", "/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/analyze",
             "/api/actors", "/api/actors/{actor}", "/api/timeline/{actor}", "/api/dyad", "/api/quotes",
             "/api/claims", "/api/commitments", "/api/events", "/api/graph", "/api/feeds", "/api/stats", "/api/exports",
             "/api/exports/{name}"]


def test_the_list_names_every_registered_format(client):
    listed = {f["name"]: f for f in client.get("/api/exports").json()}
    assert sorted(listed) == sorted(formats())
    assert listed["csv"]["filename"] == "newsgraph-csv.zip" and listed["csv"]["kind"] == "dir"
    assert listed["plover"]["url"] == "/api/exports/plover"


@pytest.mark.parametrize("name", sorted(formats()))
def test_every_format_downloads(client, name):
    response = client.get(f"/api/exports/{name}")
    assert response.status_code == 200, response.text
    spec = formats()[name]
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment") and name in client.get("/api/exports").text
    assert response.content
    if spec.kind == "dir":
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = archive.namelist()
        assert f"{spec.default_out}/documents.{name}" in names
        if name == "csv":
            assert archive.read(f"{spec.default_out}/documents.csv").decode().startswith("id,")
    elif name == "plover":
        lines = response.text.splitlines()
        assert len(lines) == 5 and all(json.loads(line)["event"] for line in lines)  # one per report


def test_an_unknown_format_is_404(client):
    response = client.get("/api/exports/pdf")
    assert response.status_code == 404 and "plover" in response.json()["error"]


def test_the_schema_lists_every_endpoint_and_the_token(client):
    schema = client.get("/openapi.json").json()
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)
    analyze = schema["paths"]["/api/analyze"]["post"]
    assert analyze["security"] and "413" in analyze["responses"] and "422" in analyze["responses"]
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()
    events = schema["paths"]["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {"actor", "recipient", "type", "since", "until",
                                                          "raw", "limit", "offset"}
    assert schema["components"]["schemas"]["ErrorBody"]["required"] == ["error"]


def test_docs_are_served_from_this_machine(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200
    assert client.get("/docs/assets/index.html").status_code == 404


def test_serve_is_a_command():
    options = {p.name for p in cli.commands["serve"].params}
    assert {"db", "host", "port", "read_only", "token", "max_body", "cors_origins"} <= options


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_newsgraph_serve_answers_on_loopback(corpus_db, tmp_path):
    port = _free_port()
    env = {**os.environ, "NEWSGRAPH_API_TOKEN": "a-token-for-this-test"}
    process = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", corpus_db, "--port", str(port),
                                "--read-only"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None and answer.status_code == 200, process.poll()
        assert answer.json()["documents"] == 3
        refused = httpx.post(f"http://127.0.0.1:{port}/api/analyze", json={"text": "x"}, timeout=5)
        assert refused.status_code == 401
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert f"http://127.0.0.1:{port}/docs" in output and "a-token-for-this-test" not in output


def test_newsgraph_serve_refuses_another_address_without_a_token(corpus_db):
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_API_TOKEN"}
    done = subprocess.run([sys.executable, "-m", "newsgraph", "serve", "--db", corpus_db, "--host", "0.0.0.0",
                           "--port", str(_free_port())], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--token" in done.stderr


def test_the_reference_page_is_current():
    from pathlib import Path

    from newsgraph.interfaces.api import reference

    page = (Path(__file__).resolve().parents[3] / "docs" / "api.md").read_text(encoding="utf-8")
    assert reference.START in page and reference.END in page
    assert reference.rewrite(page, reference.current_schema()) == page, (
        "docs/api.md is out of date: run python -m newsgraph.interfaces.api.reference docs/api.md")
