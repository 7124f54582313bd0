"""The OpenAPI document covers API.md; the error format holds for every kind of failure."""

from __future__ import annotations

API_PATHS = {
    ("get", "/api/v1/health"),
    ("get", "/api/v1/reference"),
    ("post", "/api/v1/auth/token"),
    ("post", "/api/v1/auth/logout"),
    ("post", "/api/v1/inquiries/batch"),
    ("get", "/api/v1/inquiries/changes"),
    ("get", "/api/v1/review/inquiries"),
    ("post", "/api/v1/review/inquiries/{inquiry_id}"),
    ("get", "/api/v1/kb/changes"),
    ("post", "/api/v1/kb/{entry_id}/feedback"),
    ("post", "/api/v1/kb"),
    ("put", "/api/v1/kb/{entry_id}"),
    ("delete", "/api/v1/kb/{entry_id}"),
    ("put", "/api/v1/attachments/{sha256}"),
    ("get", "/api/v1/attachments/{sha256}"),
    ("post", "/api/v1/tickets"),
    ("post", "/api/v1/tickets/{ticket_id}/messages"),
    ("get", "/api/v1/tickets/changes"),
    ("patch", "/api/v1/tickets/{ticket_id}"),
    ("post", "/api/v1/tickets/{ticket_id}/close"),
    ("post", "/api/v1/broadcasts"),
    ("get", "/api/v1/broadcasts/changes"),
    ("get", "/api/v1/broadcasts/public-key"),
    ("post", "/api/v1/broadcasts/receipts"),
    ("get", "/api/v1/broadcasts/{broadcast_id}/receipts"),
    ("post", "/api/v1/desks/heartbeat"),
    ("get", "/api/v1/desks"),
    ("post", "/api/v1/admin/offices"),
    ("post", "/api/v1/admin/users"),
    ("patch", "/api/v1/admin/users/{user_id}"),
    ("get", "/api/v1/reports/monthly"),
}


def test_every_api_md_path_is_in_openapi(sqlite_hub):
    doc = sqlite_hub.client.get("/api/v1/openapi.json").json()
    present = {(verb, path) for path, ops in doc["paths"].items() for verb in ops}
    assert API_PATHS - present == set()


def _is_error(r, status, code=None):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and {"code", "message", "details"} <= set(body["error"])
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_error_format_404_405_400_422_401(hub):
    c = hub.client
    _is_error(c.get("/api/v1/no-such-path"), 404, "not_found")
    _is_error(c.delete("/api/v1/health"), 405, "method_not_allowed")
    _is_error(
        c.post(
            "/api/v1/auth/token",
            content=b'{"email": ',
            headers={"Content-Type": "application/json"},
        ),
        400,
        "malformed_json",
    )
    err = _is_error(c.post("/api/v1/auth/token", json={"password": "x"}), 422, "invalid_field")
    assert err["details"]["field"] == "email"
    _is_error(c.get("/api/v1/kb/changes"), 401, "unauthorized")
    _is_error(c.get("/api/v1/kb/changes", headers={"Authorization": "Bearer nope"}), 401)
    err = _is_error(c.get("/api/v1/kb/changes?cursor=-1", headers=hub.admin), 422)
    assert err["details"]["field"] == "cursor"


def test_request_size_limit_413(hub):
    big = b'{"items": [' + b" " * (hub.settings.max_request_bytes + 10) + b"]}"
    _is_error(
        hub.client.post(
            "/api/v1/inquiries/batch",
            content=big,
            headers={**hub.admin, "Content-Type": "application/json"},
        ),
        413,
        "too_large",
    )


def test_request_size_limit_without_content_length(hub):
    limit = hub.settings.max_request_bytes

    def chunks():
        yield b'{"items": ['
        for _ in range(limit // 65536 + 2):
            yield b" " * 65536
        yield b"]}"

    r = hub.client.post(
        "/api/v1/inquiries/batch",
        content=chunks(),
        headers={**hub.admin, "Content-Type": "application/json"},
    )
    _is_error(r, 413, "too_large")


def test_kb_update_with_null_required_field_keeps_value(hub):
    import uuid

    agent = hub.user("agent")
    e = {"id": str(uuid.uuid4()), "title": "T", "question": "Q", "answer": "A", "department": "PA"}
    hub.client.post("/api/v1/kb", headers=agent, json=e)
    r = hub.client.put(f"/api/v1/kb/{e['id']}", headers=agent, json={"title": None, "answer": "B"})
    assert r.status_code == 200 and (r.json()["title"], r.json()["answer"]) == ("T", "B")


def test_health_needs_no_auth(hub):
    r = hub.client.get("/api/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_responses_gzip_when_allowed(hub):
    r = hub.client.get("/api/v1/reference", headers={**hub.admin, "Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"


def test_reference_etag_and_304(hub):
    c = hub.client
    r = c.get("/api/v1/reference", headers=hub.admin)
    assert r.status_code == 200
    doc, etag = r.json(), r.headers["etag"]
    for key in (
        "departments",
        "channels",
        "applications",
        "offices",
        "priorities",
        "sla",
        "broadcast_kinds",
        "attachment_rules",
        "email_domains",
        "desk_version",
        "version",
    ):
        assert key in doc
    assert [o["code"] for o in doc["offices"]] == ["PUSAT"]  # only PUSAT is seeded
    assert {d["code"] for d in doc["departments"]} >= {
        "PA",
        "PKN",
        "SMI",
        "PPKBLU",
        "APK",
        "SP",
        "SITP",
    }
    assert doc["attachment_rules"]["max_bytes"] == 15728640
    assert (
        c.get("/api/v1/reference", headers={**hub.admin, "If-None-Match": etag}).status_code == 304
    )
    hub.office("KPPN-TEST")
    r2 = c.get("/api/v1/reference", headers={**hub.admin, "If-None-Match": etag})
    assert r2.status_code == 200 and r2.headers["etag"] != etag
    assert r2.json()["version"] != doc["version"]
