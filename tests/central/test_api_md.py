"""API.md and the OpenAPI document agree: every endpoint API.md names is in the document
with the query parameters, headers and request-body fields API.md gives it.

API.md is read from ``docs/API.md`` (a copy of the design's API.md kept in the repository,
since CI has only the repository). Its endpoint lines look like

    - `POST /api/v1/tickets` `{"id" (UUID), "inquiry_id"?, "office_code", …}` → …
    - `GET /api/v1/inquiries/changes?cursor=N&limit=M&office_code=X` → …

so an endpoint is a code span holding a verb and a path (its query names the parameters),
and a code span right after it opening ``{`` is the request body, up to its balanced ``}``
(a long body may close and reopen code spans on the way: broadcasts); its keys are the quoted
words that do not follow ``:`` or ``|`` (those are values: ``"priority": "low"|"normal"``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

API_MD = Path(__file__).resolve().parents[2] / "docs" / "API.md"
VERBS = "GET|POST|PUT|PATCH|DELETE|HEAD"
ENDPOINT = re.compile(rf"`(?P<verb>{VERBS}) (?P<path>/api/v1/[^`?\s]*)(?:\?(?P<query>[^`\s]*))?`")
BODY_START = re.compile(r"\s*`\{")
KEY = re.compile(r'(?<![:|]\s)(?<![:|])"(\w+)"')
# The Inquiry's fields are listed in prose ("An Inquiry: `id` (UUID), `office_code`, …").
INQUIRY_FIELDS = re.compile(r"An Inquiry: (?P<list>.*?)The hub keeps", re.S)


@pytest.fixture(scope="module")
def doc(tmp_path_factory) -> dict[str, Any]:
    from tests.central.conftest import _make_hub

    hub = _make_hub(tmp_path_factory.mktemp("api-md"), None, "sqlite")
    try:
        return hub.client.get("/api/v1/openapi.json").json()
    finally:
        hub.client.close()
        from hai_central.store import db as store

        store.current_db().close_all()


def api_md_text() -> str:
    # One line per sentence does not hold: code spans wrap over lines.
    return re.sub(r"\s*\n\s*", " ", API_MD.read_text(encoding="utf-8"))


def _body_after(text: str, pos: int) -> str:
    start = BODY_START.match(text, pos)
    if start is None:
        return ""
    depth = 0
    for i in range(start.end() - 1, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start.end() - 1 : i + 1]
    raise AssertionError(f"unbalanced body at {pos}")


def endpoints() -> list[dict[str, Any]]:
    found = []
    text = api_md_text()
    for m in ENDPOINT.finditer(text):
        query = [p.split("=", 1)[0] for p in (m["query"] or "").split("&") if p]
        body = KEY.findall(_body_after(text, m.end()))
        found.append({"verb": m["verb"].lower(), "path": m["path"], "query": query, "body": body})
    return found


def _template(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _operation(doc: dict[str, Any], verb: str, path: str) -> dict[str, Any] | None:
    for template, ops in doc["paths"].items():
        if _template(template) == _template(path) and verb in ops:
            return ops[verb]
    return None


def _resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def property_names(doc: dict[str, Any], node: Any, seen: set[str] | None = None) -> set[str]:
    """Every property name anywhere in a schema (nested objects and array items too)."""
    seen = set() if seen is None else seen
    names: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            if ref in seen:
                return names
            seen.add(ref)
            return property_names(doc, _resolve(doc, node), seen)
        names |= set(node.get("properties") or {})
        for value in node.values():
            names |= property_names(doc, value, seen)
    elif isinstance(node, list):
        for value in node:
            names |= property_names(doc, value, seen)
    return names


def body_schema(doc: dict[str, Any], op: dict[str, Any]) -> Any:
    content = (op.get("requestBody") or {}).get("content") or {}
    return (content.get("application/json") or {}).get("schema")


def test_the_parser_finds_api_md_endpoints():
    found = {(e["verb"], e["path"]) for e in endpoints()}
    # Spot checks of the format's variants: a body on the next line, a query, an "Agent:".
    assert ("post", "/api/v1/tickets") in found
    assert ("get", "/api/v1/review/inquiries") in found
    assert ("patch", "/api/v1/attachments/{sha256}") in found
    assert len(found) >= 30
    tickets = next(e for e in endpoints() if (e["verb"], e["path"]) == ("post", "/api/v1/tickets"))
    assert {"requester", "satker_code", "created_at", "sha256"} <= set(tickets["body"])
    assert "low" not in tickets["body"] and "normal" not in tickets["body"]
    bc = next(e for e in endpoints() if (e["verb"], e["path"]) == ("post", "/api/v1/broadcasts"))
    assert {"contact", "office_kinds", "affected_applications", "reply_due"} <= set(bc["body"])
    assert "outage" not in bc["body"] and "resolved" not in bc["body"]


def test_every_endpoint_of_api_md_is_in_the_document(doc):
    missing = [
        f"{e['verb'].upper()} {e['path']}"
        for e in endpoints()
        if _operation(doc, e["verb"], e["path"]) is None
    ]
    assert missing == []


def test_query_parameters_of_api_md_are_in_the_document(doc):
    missing = []
    for e in endpoints():
        op = _operation(doc, e["verb"], e["path"]) or {}
        params = {p["name"] for p in op.get("parameters", []) if p.get("in") == "query"}
        missing += [f"{e['path']}?{q}" for q in e["query"] if q not in params]
    assert missing == []


def test_request_body_fields_of_api_md_are_in_the_document(doc):
    missing = []
    for e in endpoints():
        if not e["body"]:
            continue
        op = _operation(doc, e["verb"], e["path"]) or {}
        schema = body_schema(doc, op)
        assert schema is not None, f"{e['verb'].upper()} {e['path']} has no JSON body"
        names = property_names(doc, schema)
        missing += [f"{e['verb'].upper()} {e['path']}: {k}" for k in e["body"] if k not in names]
    assert missing == []


def test_the_inquiry_fields_of_api_md_are_in_inquiry_in(doc):
    listed = INQUIRY_FIELDS.search(api_md_text())
    assert listed is not None
    fields = set(re.findall(r"`(\w+)`", listed["list"]))
    # Values named in the list, not fields.
    fields -= {"answered", "escalated", "out_of_scope", "interpretation", "unregulated"}
    fields -= {"official_authority", "ppid"}
    assert {"id", "visitor", "satker_code", "kb_entry_ids", "version"} <= fields
    names = property_names(doc, {"$ref": "#/components/schemas/InquiryIn"})
    assert sorted(fields - names) == []
    batch = body_schema(doc, _operation(doc, "post", "/api/v1/inquiries/batch"))
    assert "#/components/schemas/InquiryIn" in str(_resolve(doc, batch))


def test_the_headers_api_md_names_are_declared(doc):
    def headers(verb: str) -> set[str]:
        op = _operation(doc, verb, "/api/v1/attachments/{sha256}") or {}
        return {p["name"].lower() for p in op.get("parameters", []) if p.get("in") == "header"}

    assert "x-filename" in headers("put")
    assert {"upload-offset", "upload-length", "x-filename"} <= headers("patch")


def test_every_ref_in_the_document_resolves(doc):
    refs = set(re.findall(r'"\$ref": "([^"]+)"', __import__("json").dumps(doc)))
    schemas = doc["components"]["schemas"]
    assert sorted(r for r in refs if r.rsplit("/", 1)[1] not in schemas) == []
