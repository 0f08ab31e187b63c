"""The endpoint reference of docs/api.md, written from the OpenAPI schema so that it cannot
drift from the code: ``python -m newsgraph.interfaces.api.reference docs/api.md`` rewrites the
part between the markers (tests/interfaces/api checks that it is current)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

START = "<!-- endpoints: generated from the OpenAPI schema; do not edit by hand -->"
END = "<!-- endpoints: end -->"
METHODS = ("get", "post", "put", "patch", "delete")


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "anyOf" in schema:
        kinds = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds) or "null"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "any")
    if schema.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return str(kind)


def _range(schema: dict[str, Any]) -> str:
    schemas = [schema, *schema.get("anyOf", [])]
    bounds = []
    for s in schemas:
        if "minimum" in s:
            bounds.append(f">= {s['minimum']}")
        if "maximum" in s:
            bounds.append(f"<= {s['maximum']}")
        if "maxLength" in s:
            bounds.append(f"{s.get('minLength', 0)} to {s['maxLength']} characters")
    return ", ".join(bounds)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _response_model(operation: dict[str, Any]) -> str:
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    for media, body in content.items():
        if body.get("schema"):
            return f"{_type(body['schema'])} (`{media}`)"
    return ", ".join(f"`{media}`" for media in content) or "-"


def endpoints(schema: dict[str, Any]) -> str:
    """Markdown: every operation with its parameters, body, response and error statuses."""
    out: list[str] = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            out.append(f"### `{method.upper()} {path}`: {op.get('summary', '')}\n")
            if op.get("description"):
                out.append(" ".join(op["description"].split()) + "\n")
            params = op.get("parameters", [])
            if params:
                out.append("| parameter | in | type | default | meaning |")
                out.append("|---|---|---|---|---|")
                for p in params:
                    s = p.get("schema", {})
                    kind = _type(s) + (f" ({_range(s)})" if _range(s) else "")
                    default = "required" if p.get("required") else "-"
                    if "default" in s:
                        default = f"`{json.dumps(s['default'])}`"
                    out.append(f"| `{p['name']}` | {p['in']} | {_cell(kind)} | {default} |"
                               f" {_cell(p.get('description') or s.get('description') or '')} |")
                out.append("")
            if "requestBody" in op:
                body = op["requestBody"]["content"]
                kinds = ", ".join(f"{_type(b['schema'])} (`{m}`)" for m, b in body.items())
                out.append(f"Body: {kinds}.\n")
            if op.get("security"):
                out.append("Needs the token (`Authorization: Bearer <token>`).\n")
            errors = sorted(code for code in op.get("responses", {}) if code != "200")
            out.append(f"Returns: {_response_model(op)}. Errors: {', '.join(errors) or '-'}.\n")
    return "\n".join(out).rstrip() + "\n"


def models(schema: dict[str, Any]) -> str:
    """Markdown: every model of the schema with its fields (* = always present)."""
    out = []
    for name, model in sorted(schema.get("components", {}).get("schemas", {}).items()):
        if name.startswith(("HTTPValidationError", "ValidationError")):
            continue
        required = set(model.get("required", []))
        fields = ", ".join(f"`{field}`{'*' if field in required else ''} ({_type(s)})"
                           for field, s in model.get("properties", {}).items())
        extra = "; may hold more fields" if model.get("additionalProperties") is True else ""
        out.append(f"- **{name}**: {fields or 'no fields'}{extra}.")
    return "\n".join(out) + "\n"


def rewrite(page: str, schema: dict[str, Any]) -> str:
    """PAGE with the part between the markers replaced by the endpoints and the models."""
    head, _, rest = page.partition(START)
    _, _, tail = rest.partition(END)
    return (f"{head}{START}\n\n## Endpoints\n\n{endpoints(schema)}\n## Models\n\n"
            f"Fields marked * are always present.\n\n{models(schema)}\n{END}{tail}")


def current_schema() -> dict[str, Any]:
    from .app import create_app

    return create_app(":memory:", token="x").openapi()


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/api.md")
    target.write_text(rewrite(target.read_text(encoding="utf-8"), current_schema()), encoding="utf-8")
