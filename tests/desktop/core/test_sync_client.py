"""HubClient against a real HTTP server on loopback (a tiny contract stub), through the
fault-injecting proxy: every failure is classified, a 200 that is not the promised JSON is a
failure, and Retry-After is read."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hai_desktop.core.sync import codes
from hai_desktop.core.sync.client import HubClient, parse_retry_after
from hai_desktop.core.sync.protocol import ErrorKind, HubError
from tests.integration.fault_proxy import FaultProxy


class StubHub(BaseHTTPRequestHandler):
    """Just enough of API.md to exercise the client."""

    protocol_version = "HTTP/1.1"
    seen: list[dict] = []

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: dict | None, headers: dict | None = None) -> None:
        raw = json.dumps(body).encode() if body is not None else b""
        gz = "gzip" in (self.headers.get("Accept-Encoding") or "") and body is not None
        if gz:
            raw = gzip.compress(raw)
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        if gz:
            self.send_header("Content-Encoding", "gzip")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:
        StubHub.seen.append({"path": self.path, "auth": self.headers.get("Authorization")})
        if self.path.startswith("/api/v1/health"):
            self._send(200, {"status": "ok", "version": "t", "time": "2026-11-26T08:00:00Z"})
        elif self.path.startswith("/api/v1/reference"):
            if self.headers.get("If-None-Match") == '"r1"':
                self._send(304, None, {"ETag": '"r1"'})
            else:
                self._send(
                    200,
                    {"departments": [], "channels": [], "offices": [], "version": 1},
                    {"ETag": '"r1"'},
                )
        elif self.path.startswith("/api/v1/kb/changes"):
            self._send(200, {"items": [{"id": "a", "rev": 3}], "next_cursor": 3, "has_more": False})
        elif self.path.startswith("/api/v1/bad-shape"):
            self._send(200, {"unexpected": True})
        else:
            self._send(404, {"error": {"code": "not_found", "message": "Tidak ada."}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        StubHub.seen.append({"path": self.path, "auth": self.headers.get("Authorization")})
        if self.path == "/api/v1/auth/token":
            if body.get("password") == "benar":
                self._send(200, {"access_token": "tok", "token_type": "bearer", "user": {}})
            else:
                self._send(401, {"error": {"code": "bad_credentials", "message": "Salah."}})
        elif self.path == "/api/v1/inquiries/batch":
            results = [
                {"id": it["id"], "status": "created", "rev": i + 1}
                for i, it in enumerate(body["items"])
            ]
            self._send(200, {"results": results})
        elif self.path == "/api/v1/desks/heartbeat":
            self._send(200, {"server_time": "2026-11-26T08:00:00Z"})
        else:
            self._send(
                422,
                {
                    "error": {
                        "code": "invalid",
                        "message": "Kolom salah.",
                        "details": {"field": "x"},
                    }
                },
            )


@pytest.fixture(scope="module")
def stub_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubHub)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def proxy(stub_url):
    p = FaultProxy(stub_url).start()
    yield p
    p.stop()


@pytest.fixture()
def client(proxy):
    c = HubClient(proxy.url, token="tok", timeout=1.0)
    yield c
    c.close()


def test_health_and_gzip_json(client):
    assert client.health()["status"] == "ok"
    assert client.request_count == 1


def test_token_keeps_bearer_and_sends_it(proxy):
    c = HubClient(proxy.url)
    assert c.token("cso@kemenkeu.go.id", "benar", "dev", "pc")["access_token"] == "tok"
    c.kb_changes(0)
    assert StubHub.seen[-1]["auth"] == "Bearer tok"


def test_wrong_password_is_auth(proxy):
    c = HubClient(proxy.url)
    with pytest.raises(HubError) as info:
        c.token("cso@kemenkeu.go.id", "salah", "dev", "pc")
    assert info.value.kind is ErrorKind.AUTH


def test_reference_etag_304(client):
    payload, etag = client.reference()
    assert payload is not None and etag == '"r1"'
    payload, etag2 = client.reference(etag)
    assert payload is None and etag2 == '"r1"'


def test_push_and_feed_shapes(client):
    results = client.push_inquiries([{"id": "x"}, {"id": "y"}])
    assert [r["status"] for r in results] == ["created", "created"]
    page = client.kb_changes(0)
    assert page["next_cursor"] == 3 and page["has_more"] is False
    with pytest.raises(ValueError):
        client.push_inquiries([{"id": str(i)} for i in range(501)])


def test_bad_shape_is_hub_fault(client):
    with pytest.raises(HubError) as info:
        client._json(client._request("GET", "/bad-shape"), ("items",))
    assert info.value.kind is ErrorKind.HUB_FAULT and info.value.reason == "bad_shape"


def test_item_level_422_is_rejected_with_hub_message(client):
    with pytest.raises(HubError) as info:
        client._json(client._request("POST", "/unknown", json_body={}))
    err = info.value
    assert err.kind is ErrorKind.REJECTED and err.status == 422
    assert err.hub_message == "Kolom salah." and err.details == {"field": "x"}
    assert err.message_code() == (codes.HUB_REFUSED, {"hub_message": "Kolom salah."})


@pytest.mark.parametrize(
    ("fault", "kind", "reason"),
    [
        ("reset", ErrorKind.OFFLINE, "connection"),
        ("reset_after_forward", ErrorKind.OFFLINE, "connection"),
        ("502", ErrorKind.HUB_FAULT, "http_status"),
        ("html", ErrorKind.HUB_FAULT, "not_json"),
        ("slow", ErrorKind.OFFLINE, "timeout"),
        ("429", ErrorKind.THROTTLED, "http_status"),
        ("401", ErrorKind.AUTH, "http_status"),
    ],
)
def test_faults_are_classified(proxy, client, fault, kind, reason):
    proxy.set_fault(fault, times=1, retry_after=7, slow_s=2.0)
    with pytest.raises(HubError) as info:
        client.heartbeat("dev", 0)
    err = info.value
    assert err.kind is kind and err.reason == reason
    assert err.message_code()[0] in codes.ALL  # always a code the GUI and CLI can word
    if fault == "429":
        assert err.retry_after == 7
        assert err.message_code() == (codes.THROTTLED, {"seconds": 7})
    # The fault is gone: the same client works again.
    assert "server_time" in client.heartbeat("dev", 0)


def test_connection_refused_is_offline():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    c = HubClient(f"http://127.0.0.1:{port}", timeout=1.0)
    with pytest.raises(HubError) as info:
        c.health()
    assert info.value.kind is ErrorKind.OFFLINE
    assert info.value.reason == "refused"
    assert info.value.message_code() == (codes.HUB_NOT_ANSWERING, {})


def test_invalid_url_is_rejected_not_crash():
    with pytest.raises(HubError) as info:
        HubClient("hub-tanpa-skema").health()
    assert info.value.kind is ErrorKind.REJECTED


def test_retry_after_parsing():
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None
    http_date = "Thu, 26 Nov 2026 08:00:30 GMT"
    assert parse_retry_after(http_date, now=1795680000.0) == pytest.approx(30)
    assert parse_retry_after("bukan tanggal") is None
