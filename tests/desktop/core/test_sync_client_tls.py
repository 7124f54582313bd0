"""HubClient trust and proxy choice against a real HTTPS server and a real proxy on loopback.

The CA, the server certificate and the proxy are made here; nothing leaves 127.0.0.1.
Order under test: the CA bundle setting, else the OS trust store (never certifi); the proxy
setting, else the system/env proxies. Environment variables never beat a setting.
"""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import json
import select
import socket
import ssl
import threading
from pathlib import Path

import certifi
import pytest
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from hai_desktop.core.sync.client import HubClient, TrustStoreAdapter
from hai_desktop.core.sync.protocol import ErrorKind, HubError

HEALTH = json.dumps({"status": "ok", "version": "test", "time": "2026-11-26T00:00:00Z"})


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _make_ca_and_server(folder: Path) -> tuple[Path, Path, Path]:
    """A self-signed CA and a server certificate for 127.0.0.1 it signed (PEM files)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("HAI Uji CA"))
        .issuer_name(_name("HAI Uji CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem, cert_pem, key_pem = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_pem, cert_pem, key_pem


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = HEALTH.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(server: http.server.HTTPServer):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    """An HTTPS hub stand-in on 127.0.0.1 whose certificate only our CA vouches for."""
    ca, cert, key = _make_ca_and_server(tmp_path_factory.mktemp("pki"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    _serve(server)
    yield f"https://127.0.0.1:{server.server_port}", ca
    server.shutdown()
    server.server_close()


class _CountingProxy(http.server.BaseHTTPRequestHandler):
    """A tiny forward proxy: tunnels CONNECT and relays plain-HTTP GETs, counting both."""

    counts: dict[str, int]

    def do_CONNECT(self) -> None:  # noqa: N802
        self.counts["connect"] += 1
        host, port = self.path.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)), timeout=10)
        self.send_response(200, "Connection established")
        self.end_headers()
        conns = [self.connection, upstream]
        try:
            while True:
                ready, _, _ = select.select(conns, [], [], 10)
                if not ready:
                    break
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is self.connection else self.connection).sendall(data)
        finally:
            upstream.close()

    def do_GET(self) -> None:  # noqa: N802
        self.counts["get"] += 1
        body = HEALTH.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy():
    """A counting proxy on loopback: ``(url, counts)``."""
    counts = {"connect": 0, "get": 0}
    handler = type("Handler", (_CountingProxy,), {"counts": counts})
    server = _serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler))
    yield f"http://127.0.0.1:{server.server_port}", counts
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    """No proxy or CA variables from the machine running the tests."""
    for name in (
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "REQUESTS_CA_BUNDLE",
        "CURL_CA_BUNDLE",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ):
        monkeypatch.delenv(name, raising=False)


def test_unknown_ca_fails_without_the_bundle_setting(tls):
    url, _ca = tls
    with HubClient(url) as client, pytest.raises(HubError) as err:
        client.health()
    assert err.value.kind is ErrorKind.OFFLINE and err.value.reason == "tls"


def test_ca_bundle_setting_is_trusted(tls):
    url, ca = tls
    with HubClient(url, ca_bundle=str(ca)) as client:
        assert client.health()["status"] == "ok"


def test_ca_bundle_setting_wins_over_requests_ca_bundle_env(tls, monkeypatch):
    url, ca = tls
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    monkeypatch.setenv("CURL_CA_BUNDLE", certifi.where())
    with HubClient(url, ca_bundle=str(ca)) as client:
        assert client.health()["status"] == "ok"


def test_without_a_setting_the_os_trust_store_is_used(tls, monkeypatch):
    url, ca = tls
    with HubClient(url) as client:
        adapter = client.session.get_adapter(url)
        assert isinstance(adapter, TrustStoreAdapter)
        assert isinstance(adapter.ssl_context, truststore.SSLContext)
    # On Linux the OS store is OpenSSL's system paths, which SSL_CERT_FILE names: our CA in
    # the "OS store" is trusted, which certifi's fixed list would never do.
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    with HubClient(url) as client:
        assert client.health()["status"] == "ok"
    # And REQUESTS_CA_BUNDLE (a requests-only variable) does not replace the OS store.
    monkeypatch.delenv("SSL_CERT_FILE")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
    with HubClient(url) as client, pytest.raises(HubError):
        client.health()


def test_proxy_setting_wins_over_https_proxy_env(tls, proxy, monkeypatch):
    url, ca = tls
    proxy_url, counts = proxy
    # The environment names a proxy that does not exist: using it would fail to connect.
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with HubClient(url, ca_bundle=str(ca), proxy=proxy_url) as client:
        assert client.health()["status"] == "ok"
    assert counts["connect"] == 1
    # The OS trust store through a proxy too (the CONNECT tunnel carries our context).
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    with HubClient(url, proxy=proxy_url) as client:
        assert client.health()["status"] == "ok"
    assert counts["connect"] == 2


def test_plain_http_proxy_setting_wins_over_http_proxy_env(proxy, monkeypatch):
    proxy_url, counts = proxy
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    # Nothing listens at the hub address: only the proxy can have answered.
    with HubClient("http://hub.invalid:8000", proxy=proxy_url) as client:
        assert client.health()["status"] == "ok"
    assert counts["get"] == 1


def test_without_a_proxy_setting_the_env_proxy_applies(proxy, monkeypatch):
    proxy_url, counts = proxy
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    with HubClient("http://hub.invalid:8000") as client:
        assert client.health()["status"] == "ok"
    assert counts["get"] == 1
    # NO_PROXY is honoured as a system setting too.
    monkeypatch.setenv("NO_PROXY", "hub.invalid")
    with HubClient("http://hub.invalid:8000") as client, pytest.raises(HubError) as err:
        client.health()
    assert err.value.kind is ErrorKind.OFFLINE and counts["get"] == 1
