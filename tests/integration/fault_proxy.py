"""A real HTTP proxy on loopback that forwards to an upstream (the hub) and can misbehave.

Used instead of mocks so the desk's client meets faults the way it would in an office: a
connection reset, a 502 from a reverse proxy, a captive portal's 200 HTML page, an answer
slower than the timeout, a 429 with ``Retry-After``, a 401 for an expired token.

    proxy = FaultProxy("http://127.0.0.1:8750").start()
    proxy.set_fault("html", times=1)       # the next request gets a captive-portal page
    ...
    proxy.stop()

It can also be a slow office link: ``throttle_bps`` limits how fast request bodies are read
(the desk's upload speed), ``cut`` drops the connection after part of a body arrived, and
``body_bytes`` counts the request-body bytes that reached the proxy (resume efficiency).
"""

from __future__ import annotations

import http.client
import json
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = (
    "pass",
    "reset",  # RST before anything reaches the hub
    "reset_after_forward",  # the hub got and stored it; the answer is lost with a RST
    "502",  # a reverse proxy's HTML error page
    "html",  # a captive portal: 200 text/html
    "slow",  # forwarded, but the answer comes after the client's timeout
    "429",  # too many requests, with Retry-After
    "401",  # the token expired
    "404",  # a JSON 404, as the hub answers for what it does not hold
    "cut",  # the link drops after ``cut_after`` bytes of the body arrived (RST)
)

HOP_HEADERS = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
}

CAPTIVE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Login Wi-Fi Kantor</title></head>"
    b"<body><form>Masukkan kode voucher</form></body></html>"
)
BAD_GATEWAY_PAGE = b"<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"


class FaultProxy:
    """Forwards every request to ``upstream``; ``set_fault`` makes it misbehave.

    Attributes:
        log: ``(method, path, outcome)`` per request received, for assertions.
    """

    def __init__(self, upstream: str, host: str = "127.0.0.1") -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.host = host
        self.fault = "pass"
        self.times: int | None = None
        self.path_contains: str | None = None
        self.retry_after = 2
        self.slow_s = 3.0
        self.method: str | None = None
        self.cut_after = 0
        # A slow link: request bodies are read at most this fast (bytes per second).
        self.throttle_bps: float | None = None
        self.body_bytes = 0
        self.body_bytes_by_method: dict[str, int] = {}
        self.log: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://{self.host}:{self._server.server_address[1]}"

    def set_fault(
        self,
        fault: str,
        *,
        times: int | None = None,
        path_contains: str | None = None,
        retry_after: int = 2,
        slow_s: float = 3.0,
        method: str | None = None,
        cut_after: int = 0,
    ) -> None:
        """Misbehave for the next ``times`` matching requests (None: until cleared); a
        request matches when its path contains ``path_contains`` and its method is
        ``method`` (when given)."""
        if fault not in FAULTS:
            raise ValueError(fault)
        with self._lock:
            self.fault = fault
            self.times = times
            self.path_contains = path_contains
            self.retry_after = retry_after
            self.slow_s = slow_s
            self.method = method
            self.cut_after = cut_after

    def clear(self) -> None:
        self.set_fault("pass")

    def _count(self, method: str, n: int) -> None:
        with self._lock:
            self.body_bytes += n
            self.body_bytes_by_method[method] = self.body_bytes_by_method.get(method, 0) + n

    def _take_fault(self, method: str, path: str) -> str:
        with self._lock:
            if self.fault == "pass":
                return "pass"
            if self.path_contains and self.path_contains not in path:
                return "pass"
            if self.method and self.method != method:
                return "pass"
            fault = self.fault
            if self.times is not None:
                self.times -= 1
                if self.times <= 0:
                    self.fault = "pass"
                    self.times = None
            return fault

    def start(self) -> FaultProxy:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                fault = proxy._take_fault(self.command, self.path)
                proxy.log.append((self.command, self.path, fault))
                if fault == "cut":
                    self._read_body(min(length, proxy.cut_after))
                    self._reset()
                    return
                body = self._read_body(length)
                if len(body) < length:
                    return  # the client went away mid-body: nothing reaches the hub
                if fault == "reset":
                    self._reset()
                    return
                if fault == "502":
                    self._reply(502, "text/html", BAD_GATEWAY_PAGE)
                    return
                if fault == "html":
                    self._reply(200, "text/html; charset=utf-8", CAPTIVE_PAGE)
                    return
                if fault == "429":
                    self._reply(
                        429,
                        "application/json",
                        _error_body("too_many_requests", "Terlalu banyak permintaan."),
                        {"Retry-After": str(proxy.retry_after)},
                    )
                    return
                if fault == "404":
                    self._reply(
                        404, "application/json", _error_body("not_found", "Tidak ditemukan.")
                    )
                    return
                if fault == "401":
                    self._reply(
                        401,
                        "application/json",
                        _error_body("token_expired", "Token kedaluwarsa."),
                        {"WWW-Authenticate": "Bearer"},
                    )
                    return
                try:
                    status, headers, payload = self._forward(body)
                except OSError:
                    self._reply(502, "text/html", BAD_GATEWAY_PAGE)
                    return
                if fault == "reset_after_forward":
                    self._reset()
                    return
                if fault == "slow":
                    time.sleep(proxy.slow_s)
                try:
                    self._reply(status, None, payload, headers)
                except OSError:
                    pass  # the client gave up (timeout): that is the point of "slow"

            def _read_body(self, length: int) -> bytes:
                """Up to ``length`` bytes, no faster than the throttle; short if the client
                went away."""
                parts: list[bytes] = []
                got = 0
                start = time.monotonic()
                while got < length:
                    block = 16 * 1024 if proxy.throttle_bps else length - got
                    try:
                        data = self.rfile.read1(min(block, length - got))
                    except OSError:
                        break
                    if not data:
                        break
                    parts.append(data)
                    got += len(data)
                    proxy._count(self.command, len(data))
                    rate = proxy.throttle_bps
                    if rate:
                        ahead = got / rate - (time.monotonic() - start)
                        if ahead > 0:
                            time.sleep(ahead)
                return b"".join(parts)

            def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
                conn = http.client.HTTPConnection(
                    proxy.upstream_host, proxy.upstream_port, timeout=60
                )
                try:
                    headers = {
                        k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS
                    }
                    headers["Content-Length"] = str(len(body))
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    resp = conn.getresponse()
                    payload = resp.read()
                    out = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP_HEADERS]
                    return resp.status, out, payload
                finally:
                    conn.close()

            def _reply(
                self,
                status: int,
                content_type: str | None,
                payload: bytes,
                headers: list[tuple[str, str]] | dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                items = headers.items() if isinstance(headers, dict) else headers or []
                for key, value in items:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            def _reset(self) -> None:
                # SO_LINGER 0: close() sends a RST instead of a clean FIN.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                self.connection.close()

            def finish(self) -> None:
                try:
                    super().finish()
                except OSError:
                    pass

            do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address) -> None:
                pass  # resets and timeouts are deliberate here

        self._server = Server((self.host, 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def _error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message, "details": {}}}).encode()
