"""The hub enforces the contract (hai_contract) itself: per-item rejections naming field and
code, the KB's limits on every path, NUL and over-deep JSON refused at the edge, ``Allow``
on 405, strict types, a truthful OpenAPI document, and logs without personal data."""

from __future__ import annotations

import logging
import uuid

import pytest

from hai_central.services import kb as kb_service
from hai_central.store import db as store
from tests.central.conftest import inquiry

BATCH = "/api/v1/inquiries/batch"


def _push(hub, headers, *items):
    r = hub.client.post(BATCH, headers=headers, json={"items": list(items)})
    assert r.status_code == 200, r.text
    return r.json()["results"]


@pytest.fixture
def cso(hub):
    return hub.user("cso", "KPPN-A")


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (
            {"visitor": {"name": "Siti", "satker_code": "1234567"}},
            "visitor.satker_code",
            "too_long",
        ),
        (
            {"visitor": {"name": "Siti", "satker_code": "12345a"}},
            "visitor.satker_code",
            "satker_invalid",
        ),
        ({"outcome": "answered", "answer": None}, "answer", "answer_required"),
        ({"outcome": "out_of_scope"}, "out_of_scope_reason", "reason_required"),
        ({"question": "a\x00b"}, "question", "contains_nul"),
        ({"created_at": "9999-12-31T23:59:59-01:00"}, "created_at", "time_invalid"),
        ({"updated_at": 1764000000}, "updated_at", "wrong_type"),
        ({"served_started_at": "2026-11-26T08:15:00"}, "served_started_at", "time_invalid"),
        ({"visitor": {"name": "x" * 201}}, "visitor.name", "too_long"),
        ({"visitor": {"name": "Siti", "phone": "12"}}, "visitor.phone", "phone_invalid"),
        ({"channel": "fax"}, "channel", "unknown_code"),
        (
            {"extra": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},
            "extra",
            "too_deep",
        ),
        ({"extra": {"note": "b\x00"}}, "extra.note", "contains_nul"),
    ],
)
def test_a_bad_item_is_rejected_naming_field_and_code_the_rest_stored(
    hub, cso, change, field, reason
):
    bad = inquiry("KPPN-A", **change)
    good = inquiry("KPPN-A")
    results = _push(hub, cso, bad, good)
    assert results[0]["status"] == "rejected", results
    assert results[0]["id"] == bad["id"]
    details = results[0]["error"]["details"]
    assert (details["field"], details["reason"]) == (field, reason), details
    assert results[1]["status"] == "created"


def test_items_that_are_not_objects_are_rejected_not_500(hub, cso):
    results = _push(hub, cso, 7, "x", None, [], inquiry("KPPN-A"))
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["created"]


def test_an_answer_over_the_kb_limit_never_enters_the_kb_by_review(hub, cso):
    agent = hub.user("agent")
    item = inquiry("KPPN-A", answer="j" * 200_000)
    assert _push(hub, cso, item)[0]["status"] == "created"  # an inquiry may be that long
    r = hub.client.post(
        f"/api/v1/review/inquiries/{item['id']}", headers=agent, json={"decision": "accept"}
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["details"] == {"field": "kb_entry.answer", "reason": "too_long"}
    assert hub.client.get("/api/v1/kb/changes", headers=agent).json()["items"] == []


def test_an_answer_over_the_kb_limit_never_enters_the_kb_by_import(hub):
    entry = {"title": "T", "question": "Q", "answer": "j" * 200_000, "department": "PA"}
    with pytest.raises(ValueError, match="answer"):
        kb_service.import_entries([entry])
    with pytest.raises(Exception, match="answer"):
        with store.transaction() as db:
            kb_service.upsert_entry(db, str(uuid.uuid4()), entry, None)


def test_kb_api_refuses_too_long_and_nul(hub):
    agent = hub.user("agent")
    base = {"id": str(uuid.uuid4()), "title": "T", "question": "Q", "department": "PA"}
    r = hub.client.post("/api/v1/kb", headers=agent, json={**base, "answer": "a" * 50_001})
    assert r.status_code == 422
    r = hub.client.post("/api/v1/kb", headers=agent, json={**base, "answer": "a\x00"})
    assert r.status_code == 422 and r.json()["error"]["details"]["code"] == "contains_nul"


def test_nul_in_a_query_parameter_is_a_422_on_every_backend(hub):
    supervisor = hub.user("supervisor")
    r = hub.client.get("/api/v1/desks", params={"office_code": "KP\x00PN"}, headers=supervisor)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["details"] == {"field": "office_code", "code": "contains_nul"}
    # A NUL in the parameter's name: the answer names it without carrying the NUL.
    r = hub.client.get("/api/v1/kb/changes?a%00b=1", headers=supervisor)
    assert r.status_code == 422 and "\x00" not in r.text
    assert r.json()["error"]["details"]["field"] == "a\\u0000b"


def test_nul_in_a_json_field_is_a_422(hub):
    r = hub.client.post(
        "/api/v1/desks/heartbeat",
        headers=hub.admin,
        json={
            "device_id": "d\x00",
            "app_version": "1",
            "outbox_depth": 0,
            "client_time": "2026-11-26T08:15:00Z",
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["details"] == {"field": "device_id", "code": "contains_nul"}


def test_over_deep_json_is_a_422_not_a_500(hub):
    body = "[" * 100_000 + "]" * 100_000
    r = hub.client.post(
        "/api/v1/desks/heartbeat",
        headers={**hub.admin, "Content-Type": "application/json"},
        content=body,
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["details"]["code"] == "too_deep"
    r = hub.client.post(
        BATCH,
        headers={**hub.admin, "Content-Type": "application/json"},
        content='{"items": ' + body + "}",
    )
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/api/v1/admin/offices", "GET, POST"),
        ("/api/v1/admin/users", "GET, POST"),
        (f"/api/v1/kb/{uuid.uuid4()}", "DELETE, GET, PUT"),
        (f"/api/v1/tickets/{uuid.uuid4()}", "GET, PATCH"),
        ("/api/v1/admin/calendar/2026-12-25", "DELETE, PUT"),
    ],
)
def test_405_allow_lists_every_method_of_the_path(hub, path, allow):
    r = hub.client.options(path, headers=hub.admin)
    assert r.status_code == 405
    assert r.headers["allow"] == allow


def test_an_undeclared_method_on_a_fixed_path_is_405_not_a_422_of_the_id_route(hub):
    r = hub.client.patch("/api/v1/tickets/changes", headers=hub.admin, json={})
    assert r.status_code == 405 and r.headers["allow"] == "GET"
    r = hub.client.put("/api/v1/kb/changes", headers=hub.admin, json={})
    assert r.status_code == 405 and r.headers["allow"] == "GET"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/api/v1/desks/heartbeat",
            {"device_id": "d", "app_version": "1", "outbox_depth": 0, "client_time": 0},
        ),
        (
            "/api/v1/broadcasts/receipts",
            {
                "items": [
                    {
                        "broadcast_id": str(uuid.uuid4()),
                        "read_at": "2026-11-26T08:15:00Z",
                        "acknowledged_at": 0,
                    }
                ]
            },
        ),
        (
            "/api/v1/desks/heartbeat",
            {
                "device_id": "d",
                "app_version": "1",
                "outbox_depth": "3",
                "client_time": "2026-11-26T08:15:00Z",
            },
        ),
    ],
)
def test_no_coercion_of_wrong_types(hub, path, body):
    r = hub.client.post(path, headers=hub.admin, json=body)
    assert r.status_code == 422, r.text


def test_feedback_helpful_must_be_a_boolean(hub):
    agent = hub.user("agent")
    entry = {
        "id": str(uuid.uuid4()),
        "title": "T",
        "question": "Q",
        "answer": "A",
        "department": "PA",
    }
    assert hub.client.post("/api/v1/kb", headers=agent, json=entry).status_code == 201
    r = hub.client.post(
        f"/api/v1/kb/{entry['id']}/feedback",
        headers=hub.admin,
        json={"id": str(uuid.uuid4()), "helpful": 0},
    )
    assert r.status_code == 422


def _refs(node, out):
    if isinstance(node, dict):
        if "$ref" in node:
            out.add(node["$ref"])
        for v in node.values():
            _refs(v, out)
    elif isinstance(node, list):
        for v in node:
            _refs(v, out)
    return out


def test_openapi_every_ref_resolves_and_states_the_contract(sqlite_hub):
    doc = sqlite_hub.client.get("/api/v1/openapi.json").json()
    components = doc["components"]["schemas"]
    for ref in _refs(doc, set()):
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in components, ref
    inquiry_schema = components["InquiryIn"]
    assert inquiry_schema["properties"]["channel"]["enum"][0] == "tatap_muka"
    visitor = components[inquiry_schema["properties"]["visitor"]["$ref"].rsplit("/", 1)[1]]
    satker = visitor["properties"]["satker_code"]["anyOf"][0]
    assert satker["pattern"] == "^[0-9]{6}$"
    assert inquiry_schema["allOf"], "answered needs an answer, out_of_scope a reason"
    put = doc["paths"]["/api/v1/attachments/{sha256}"]["put"]
    header = next(p for p in put["parameters"] if p["name"] == "X-Filename")
    assert header["required"] is True
    user_email = components["UserIn"]["properties"]["email"]
    assert "[kK][eE][mM][eE][nN][kK][eE][uU]" in user_email["pattern"]
    heartbeat = components["HeartbeatIn"]["properties"]["client_time"]
    assert heartbeat["format"] == "date-time" and "pattern" in heartbeat


def test_openapi_states_uuids_extra_fields_headers_and_roles(sqlite_hub):
    doc = sqlite_hub.client.get("/api/v1/openapi.json").json()
    components = doc["components"]["schemas"]
    # A UUID keeps its pattern (pydantic drops it when it follows a validator).
    assert components["TicketMessageIn"]["properties"]["id"]["pattern"].startswith("^[0-9a-f")
    # Open models: extra fields are ExtraValue (no NUL), their names without NUL.
    kb = components["KbFields"]
    assert kb["additionalProperties"] == {"$ref": "#/components/schemas/ExtraValue"}
    assert kb["propertyNames"]["pattern"] == "^[^\\u0000]*$"
    assert components["InquiryIn"]["additionalProperties"]["$ref"].endswith("/ExtraValue")
    patch = doc["paths"]["/api/v1/attachments/{sha256}"]["patch"]
    headers = {p["name"]: p for p in patch["parameters"] if p["in"] == "header"}
    assert {"Upload-Offset", "Upload-Length", "X-Filename"} <= set(headers)
    assert all(h["required"] for h in headers.values())
    assert headers["Upload-Offset"]["schema"]["pattern"] == "^[0-9]{1,19}$"
    ops = doc["paths"]
    assert ops["/api/v1/kb"]["post"]["x-roles"] == ["agent"]
    assert ops["/api/v1/health"]["get"]["x-roles"] == []
    assert ops["/api/v1/desks"]["get"]["x-roles"] == ["admin", "supervisor"]
    assert "Roles: agent (others: 403)." in ops["/api/v1/kb"]["post"]["description"]


def test_a_whole_number_float_is_an_integer_a_fraction_or_a_string_is_not(hub):
    body = {"device_id": "d", "app_version": "1", "client_time": "2026-11-26T08:15:00Z"}
    for depth, status in ((3.0, 200), (3.5, 422), ("3", 422), (True, 422)):
        r = hub.client.post(
            "/api/v1/desks/heartbeat", headers=hub.admin, json={**body, "outbox_depth": depth}
        )
        assert r.status_code == status, (depth, r.text)


def test_extra_fields_with_nul_in_a_name_are_refused(hub):
    r = hub.client.post(
        "/api/v1/admin/offices",
        headers=hub.admin,
        json={"code": "X1", "name": "X", "kind": "KPPN", "extra": {"a\u0000b": 1}},
    )
    assert r.status_code == 422 and r.json()["error"]["details"]["code"] == "contains_nul"


@pytest.mark.parametrize("offset", ["+5", "1_000", "5 5", "-1", ""])
def test_upload_offset_is_ascii_digits_only(hub, offset):
    cso = hub.user("cso", "KPPN-A")
    r = hub.client.patch(
        "/api/v1/attachments/" + "0" * 64,
        content=b"%PDF-1.4",
        headers={
            **cso,
            "Upload-Offset": offset,
            "Upload-Length": "8",
            "X-Filename": "a.pdf",
            "Content-Type": "application/pdf",
        },
    )
    assert r.status_code in (400, 422), r.text


def test_console_pages_stay_out_of_the_document(sqlite_hub):
    doc = sqlite_hub.client.get("/api/v1/openapi.json").json()
    assert all(path.startswith("/api/v1/") for path in doc["paths"])
    assert not [p for p in doc["paths"] if "console" in p]


def test_logs_carry_no_query_strings_bodies_or_exception_messages(hub, caplog):
    supervisor = hub.user("supervisor")
    with caplog.at_level(logging.DEBUG):
        hub.client.get("/api/v1/desks", params={"office_code": "SITI-RAHAYU"}, headers=supervisor)
        _push(
            hub,
            hub.user("cso", "KPPN-A"),
            inquiry("KPPN-A", visitor={"name": "Siti Rahayu", "phone": "08123456789"}),
        )
        # uvicorn's own records: its access line and an application error with a message.
        logging.getLogger("uvicorn.access").info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:1",
            "GET",
            "/api/v1/desks?q=SITI-RAHAYU",
            "1.1",
            200,
        )
        stored = {"email": "siti@example.go.id", "phone": "08123456789"}
        try:
            raise ValueError(f"duplicate key: {stored['email']}, {stored['phone']}")
        except ValueError:
            logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    text = "\n".join(
        caplog.handler.format(r) for r in caplog.records if not r.name.startswith("httpx")
    )  # (httpx logs the test client's own requests)
    assert "/api/v1/desks" in text  # the lines are there...
    text = text.replace('{"email": "siti@example.go.id", "phone": "08123456789"}', "")
    for secret in ("SITI-RAHAYU", "Siti Rahayu", "08123456789", "siti@example.go.id"):
        assert secret not in text, secret  # ...without what they could have carried
    assert "ValueError" in text
