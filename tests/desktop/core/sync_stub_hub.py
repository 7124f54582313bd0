"""A small in-memory hub speaking the parts of API.md the sync engine uses, on loopback.

For fast engine unit tests; the reliability tests in tests/integration run the real hub.
Idempotent batch upserts by id keeping the highest version, one ``rev`` counter, feeds
paged by cursor, reference with ETag, heartbeat, KB feedback.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class StubHubState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rev = 0
        self.inquiries: dict[str, dict] = {}
        self.kb: dict[str, dict] = {}
        self.feedback: dict[str, dict] = {}
        self.broadcasts: dict[str, dict] = {}
        self.tickets: dict[str, dict] = {}  # the tickets feed (items with a rev)
        # A fixed Ed25519 public key (32 bytes, base64): the stub signs nothing itself.
        self.broadcast_key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
        self.reference = {
            "departments": [{"code": "PA", "name": "Pelaksanaan Anggaran"}],
            "channels": [{"code": "tatap_muka", "name": "Tatap muka"}],
            "offices": [],
            "version": 1,
        }
        self.reference_etag = '"ref-1"'
        self.server_time: str | None = None  # None = now
        self.requests: list[str] = []
        self.batch_sizes: list[int] = []
        self.token = "tok"
        self.reject_marker = "TOLAK"  # an item whose question contains it is rejected
        self.invalid_marker = "RUSAK"  # an item with it makes the whole batch a 422

    def next_rev(self) -> int:
        self.rev += 1
        return self.rev

    def add_kb(self, entry: dict) -> None:
        with self.lock:
            entry = dict(entry, rev=self.next_rev())
            self.kb[entry["id"]] = entry


class StubHub:
    def __init__(self) -> None:
        self.state = StubHubState()
        state = self.state

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: dict | None, headers: dict | None = None):
                raw = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                if body is not None:
                    self.send_header("Content-Type", "application/json")
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _authorized(self) -> bool:
                if self.headers.get("Authorization") != f"Bearer {state.token}":
                    self._send(401, {"error": {"code": "unauthorized", "message": "x"}})
                    return False
                return True

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                state.requests.append(f"GET {url.path}")
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/api/v1/health":
                    self._send(200, {"status": "ok", "version": "stub", "time": "x"})
                    return
                if not self._authorized():
                    return
                if url.path == "/api/v1/reference":
                    if self.headers.get("If-None-Match") == state.reference_etag:
                        self._send(304, None, {"ETag": state.reference_etag})
                    else:
                        self._send(200, state.reference, {"ETag": state.reference_etag})
                    return
                feeds = {
                    "/api/v1/kb/changes": state.kb,
                    "/api/v1/inquiries/changes": state.inquiries,
                    "/api/v1/broadcasts/changes": state.broadcasts,
                    "/api/v1/tickets/changes": state.tickets,
                }
                if url.path == "/api/v1/broadcasts/public-key":
                    self._send(200, {"algorithm": "Ed25519", "public_key": state.broadcast_key})
                    return
                if url.path in feeds:
                    cursor = int(query.get("cursor", 0))
                    limit = int(query.get("limit", 500))
                    with state.lock:
                        items = sorted(
                            (i for i in feeds[url.path].values() if i["rev"] > cursor),
                            key=lambda i: i["rev"],
                        )
                    page = items[:limit]
                    self._send(
                        200,
                        {
                            "items": page,
                            "next_cursor": page[-1]["rev"] if page else cursor,
                            "has_more": len(items) > limit,
                        },
                    )
                    return
                self._send(404, {"error": {"code": "not_found", "message": "x"}})

            def do_POST(self) -> None:
                url = urlsplit(self.path)
                state.requests.append(f"POST {url.path}")
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if url.path == "/api/v1/auth/token":
                    if body.get("password") != "benar":
                        self._send(401, {"error": {"code": "bad_credentials", "message": "x"}})
                        return
                    office = {"code": "KPPN-BANDA-ACEH", "name": "KPPN Banda Aceh", "kind": "KPPN"}
                    user = {
                        "id": "u1",
                        "email": body["email"],
                        "name": "CSO Stub",
                        "role": "cso",
                        "office": office,
                    }
                    self._send(
                        200,
                        {
                            "access_token": state.token,
                            "token_type": "bearer",
                            "expires_at": "2026-12-31T00:00:00Z",
                            "user": user,
                        },
                    )
                    return
                if not self._authorized():
                    return
                if url.path == "/api/v1/desks/heartbeat":
                    from hai_desktop.core.timeutil import utc_now

                    self._send(200, {"server_time": state.server_time or utc_now()})
                    return
                if url.path == "/api/v1/inquiries/batch":
                    items = body["items"]
                    state.batch_sizes.append(len(items))
                    if any(state.invalid_marker in (i.get("question") or "") for i in items):
                        self._send(
                            422,
                            {
                                "error": {
                                    "code": "invalid",
                                    "message": "Pertanyaan rusak.",
                                    "details": {"field": "question"},
                                }
                            },
                        )
                        return
                    results = []
                    with state.lock:
                        for item in items:
                            if state.reject_marker in (item.get("question") or ""):
                                results.append(
                                    {
                                        "id": item["id"],
                                        "status": "rejected",
                                        "error": "Kode satker tidak dikenal.",
                                    }
                                )
                                continue
                            old = state.inquiries.get(item["id"])
                            if old and old["version"] >= item["version"]:
                                results.append(
                                    {"id": item["id"], "status": "unchanged", "rev": old["rev"]}
                                )
                                continue
                            stored = dict(item, rev=state.next_rev(), review_status="pending")
                            state.inquiries[item["id"]] = stored
                            results.append(
                                {
                                    "id": item["id"],
                                    "status": "updated" if old else "created",
                                    "rev": stored["rev"],
                                }
                            )
                    self._send(200, {"results": results})
                    return
                if url.path.startswith("/api/v1/kb/") and url.path.endswith("/feedback"):
                    state.feedback[body["id"]] = body
                    self._send(200, {"id": body["id"], "status": "created"})
                    return
                self._send(404, {"error": {"code": "not_found", "message": "x"}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> StubHub:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
