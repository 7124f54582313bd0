"""The hub's HTTP client (API.md, version 1) on one ``requests.Session``.

Explicit timeouts, gzip responses, TLS verification always on. Trust: the CA bundle named in
the settings when there is one, else the operating system's trust store (``truststore``: the
Windows/macOS store, OpenSSL's system paths on Linux), never certifi's list, so an office's
own CA installed by IT just works. Proxy: the one named in the settings, else the system's
(environment variables, the OS proxy settings, ``NO_PROXY``). The settings always win:
requests would otherwise let ``HTTPS_PROXY`` / ``REQUESTS_CA_BUNDLE`` override a session's
values, so the session ignores the environment and each request gets both explicitly.

A response counts as success only when it is the JSON the contract promises: a captive portal
or a proxy answering 200 with an HTML page is a :class:`HubError` of kind ``HUB_FAULT``, never
success.
"""

from __future__ import annotations

import email.utils
import errno
import json
import socket
import ssl
import time
from collections.abc import Iterable
from datetime import UTC
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies

from hai_desktop import __version__
from hai_desktop.core.sync.protocol import (
    REASON_BAD_SHAPE,
    REASON_CONNECTION,
    REASON_INVALID_URL,
    REASON_NO_NETWORK,
    REASON_NOT_JSON,
    REASON_REFUSED,
    REASON_TIMEOUT,
    REASON_TLS,
    ErrorKind,
    HubError,
)
from hai_desktop.core.timeutil import utc_now

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
PUSH_BATCH_MAX = 500
FEED_PAGE_LIMIT = 2000

FEED_KEYS = ("items", "next_cursor", "has_more")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EADDRNOTAVAIL}


def connection_reason(exc: BaseException) -> str:
    """Why a connection failed: no network (no route, name not resolved), the hub's host
    refused it (the network works, the hub is not running), or it broke on the way.

    requests wraps urllib3's error, which wraps the socket's: walk the chain.
    """
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        err = stack.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, socket.gaierror):
            return REASON_NO_NETWORK
        if isinstance(err, ConnectionRefusedError):
            return REASON_REFUSED
        if isinstance(err, OSError) and err.errno in _NO_ROUTE:
            return REASON_NO_NETWORK
        stack.extend((getattr(err, "reason", None), err.__cause__, err.__context__))
        stack.extend(a for a in err.args if isinstance(a, BaseException))
    return REASON_CONNECTION


class TrustStoreAdapter(HTTPAdapter):
    """An adapter whose TLS connections verify against the OS trust store.

    The context is handed to urllib3's pool managers (direct and through a proxy) instead of
    patching ``ssl`` for the whole process (``truststore.inject_into_ssl``).
    """

    def __init__(self, **kwargs: Any) -> None:
        self.ssl_context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self.ssl_context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs["ssl_context"] = self.ssl_context
        return super().proxy_manager_for(proxy, **proxy_kwargs)


class HubClient:
    """One hub, one token, one session. Not thread-safe: one sync worker owns it.

    Args:
        base_url: the hub's address, e.g. ``https://hai.djpb.kemenkeu.go.id``.
        token: the bearer token from :meth:`token` (None before sign-in).
        ca_bundle: path of a PEM bundle to trust instead of the OS trust store.
        proxy: ``http://host:port`` for every request, whatever the environment says; None
            uses the system proxies.
        timeout: seconds to wait for the hub's answer (connect is capped shorter).
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        ca_bundle: str | None = None,
        proxy: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.access_token = token
        self.timeout = (min(CONNECT_TIMEOUT, timeout), timeout)
        self.request_count = 0
        self.proxy = proxy or None
        # A CA bundle is a path for requests to load; without one, the OS trust store.
        self.verify: str | bool = ca_bundle or True
        self.session = requests.Session()
        # With trust_env, requests merges HTTPS_PROXY / REQUESTS_CA_BUNDLE over what the
        # session or even the request says about the CA bundle: the settings would lose.
        # The environment's proxies are looked up in _proxies_for instead.
        self.session.trust_env = False
        if not ca_bundle:
            self.session.mount("https://", TrustStoreAdapter())
        self.session.headers.update(
            {
                "Accept": "application/json",
                "Accept-Encoding": "gzip",
                "User-Agent": f"HAI-Desk/{__version__}",
            }
        )

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    def _proxies_for(self, url: str) -> dict[str, str]:
        """The configured proxy, else the system's for ``url`` (env, OS settings, NO_PROXY)."""
        if self.proxy:
            return {"http": self.proxy, "https": self.proxy}
        return get_environ_proxies(url)

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        allow_not_modified: bool = False,
        stream: bool = False,
    ) -> requests.Response:
        url = f"{self.base_url}{API_PREFIX}{path}"
        hdrs = dict(headers or {})
        if auth and self.access_token:
            hdrs["Authorization"] = f"Bearer {self.access_token}"
        data = body
        if json_body is not None:
            # Compact separators: a 500-item batch is noticeably smaller on slow office lines.
            data = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode()
            hdrs["Content-Type"] = "application/json"
        self.request_count += 1
        try:
            resp = self.session.request(
                method,
                url,
                data=data,
                params=params,
                headers=hdrs,
                timeout=self.timeout,
                proxies=self._proxies_for(url),
                verify=self.verify,
                stream=stream,
            )
        except requests.exceptions.SSLError as exc:
            raise HubError(ErrorKind.OFFLINE, REASON_TLS) from exc
        except requests.exceptions.Timeout as exc:
            raise HubError(ErrorKind.OFFLINE, REASON_TIMEOUT) from exc
        except (
            requests.exceptions.ConnectionError,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
            requests.exceptions.TooManyRedirects,
        ) as exc:
            raise HubError(ErrorKind.OFFLINE, connection_reason(exc)) from exc
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as exc:
            raise HubError(ErrorKind.REJECTED, REASON_INVALID_URL) from exc
        if allow_not_modified and resp.status_code == 304:
            return resp
        if resp.status_code >= 400:
            raise self._error_for(resp)
        if not 200 <= resp.status_code < 300:
            # A 3xx we did not follow, 1xx…: not what the contract promises.
            raise HubError(ErrorKind.HUB_FAULT, REASON_NOT_JSON, status=resp.status_code)
        return resp

    @staticmethod
    def _error_for(resp: requests.Response) -> HubError:
        status = resp.status_code
        code = message = None
        details: dict[str, Any] = {}
        body = _json_or_none(resp)
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            err = body["error"]
            code = err.get("code") if isinstance(err.get("code"), str) else None
            message = err.get("message") if isinstance(err.get("message"), str) else None
            details = err.get("details") if isinstance(err.get("details"), dict) else {}
        elif isinstance(body, dict) and "detail" in body:
            # FastAPI's own validation shape, should the hub let one through.
            message = str(body["detail"])[:500]
        retry_after = parse_retry_after(resp.headers.get("Retry-After"))
        if status == 401:
            kind = ErrorKind.AUTH
        elif status == 429:
            kind = ErrorKind.THROTTLED
        elif status >= 500:
            kind = ErrorKind.HUB_FAULT
        else:
            kind = ErrorKind.REJECTED
        # A 4xx/5xx that is an HTML page came from something in between, not the hub.
        # (A 5xx page is a hub fault whoever wrote it: nginx in front of the hub, say.)
        reason = "http_status" if body is not None or status >= 500 else REASON_NOT_JSON
        if body is None and kind is ErrorKind.REJECTED and status not in (404, 405):
            kind = ErrorKind.HUB_FAULT
        return HubError(
            kind,
            reason,
            status=status,
            code=code,
            hub_message=message,
            retry_after=retry_after,
            details=details,
        )

    @staticmethod
    def _json(resp: requests.Response, keys: Iterable[str] = ()) -> dict[str, Any]:
        body = _json_or_none(resp)
        if body is None:
            raise HubError(ErrorKind.HUB_FAULT, REASON_NOT_JSON, status=resp.status_code)
        if not isinstance(body, dict) or any(k not in body for k in keys):
            raise HubError(ErrorKind.HUB_FAULT, REASON_BAD_SHAPE, status=resp.status_code)
        return body

    def _feed(self, path: str, cursor: int, limit: int, **params: Any) -> dict[str, Any]:
        query = {"cursor": cursor, "limit": limit}
        query.update({k: v for k, v in params.items() if v is not None})
        body = self._json(self._request("GET", path, params=query), FEED_KEYS)
        if not isinstance(body["items"], list):
            raise HubError(ErrorKind.HUB_FAULT, REASON_BAD_SHAPE, status=200)
        return body

    # -- generic calls (a record type's module uses these for its own endpoints) ---------

    def post_json(self, path: str, body: Any, keys: Iterable[str] = ()) -> dict[str, Any]:
        """``POST`` JSON to ``path`` (under ``/api/v1``); the answer must be a JSON object
        holding ``keys``."""
        return self._json(self._request("POST", path, json_body=body), keys)

    def put_bytes(
        self,
        path: str,
        data: bytes,
        headers: dict[str, str] | None = None,
        keys: Iterable[str] = (),
    ) -> dict[str, Any]:
        """``PUT`` raw bytes (an attachment) to ``path``; the answer must be JSON."""
        return self._json(self._request("PUT", path, body=data, headers=headers), keys)

    def head(self, path: str) -> dict[str, str]:
        """``HEAD`` ``path``: the response headers (a 4xx raises :class:`HubError`)."""
        return dict(self._request("HEAD", path).headers)

    def patch_bytes(
        self, path: str, data: bytes, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], dict[str, Any] | None]:
        """``PATCH`` raw bytes (a chunk of a resumable upload): (status, headers, JSON body
        or None for a 204)."""
        resp = self._request("PATCH", path, body=data, headers=headers)
        body = None if resp.status_code == 204 else self._json(resp)
        return resp.status_code, dict(resp.headers), body

    def get_bytes(self, path: str) -> requests.Response:
        """``GET`` a file, streamed (the caller reads ``iter_content`` and closes it)."""
        return self._request("GET", path, stream=True)

    def get_json(
        self, path: str, params: dict[str, Any] | None = None, keys: Iterable[str] = ()
    ) -> dict[str, Any]:
        """``GET`` a JSON object from ``path``."""
        return self._json(self._request("GET", path, params=params), keys)

    def feed(
        self, path: str, cursor: int, limit: int = FEED_PAGE_LIMIT, **params: Any
    ) -> dict[str, Any]:
        """One page of a changes feed: ``{"items", "next_cursor", "has_more"}``."""
        return self._feed(path, cursor, limit, **params)

    # -- endpoints ------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """``GET /health`` (no auth): ``{"status", "version", "time"}``."""
        return self._json(self._request("GET", "/health", auth=False), ("status",))

    def reference(self, etag: str | None = None) -> tuple[dict[str, Any] | None, str | None]:
        """``GET /reference``; ``(None, etag)`` when unchanged (304)."""
        headers = {"If-None-Match": etag} if etag else None
        resp = self._request("GET", "/reference", headers=headers, allow_not_modified=True)
        if resp.status_code == 304:
            return None, etag
        body = self._json(resp, ("departments", "channels", "offices", "version"))
        return body, resp.headers.get("ETag")

    def token(self, email: str, password: str, device_id: str, device_name: str) -> dict[str, Any]:
        """``POST /auth/token``; keeps the new token for the following calls."""
        body = self._json(
            self._request(
                "POST",
                "/auth/token",
                json_body={
                    "email": email,
                    "password": password,
                    "device_id": device_id,
                    "device_name": device_name,
                },
                auth=False,
            ),
            ("access_token", "user"),
        )
        self.access_token = body["access_token"]
        return body

    def logout(self) -> None:
        """``POST /auth/logout``: revokes the token at the hub."""
        self._request("POST", "/auth/logout", json_body={})
        self.access_token = None

    def push_inquiries(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``POST /inquiries/batch`` (≤ 500 items) → one result per item."""
        if len(items) > PUSH_BATCH_MAX:
            raise ValueError(f"at most {PUSH_BATCH_MAX} items per batch")
        body = self._json(
            self._request("POST", "/inquiries/batch", json_body={"items": items}),
            ("results",),
        )
        results = body["results"]
        if not isinstance(results, list) or not all(
            isinstance(r, dict) and "id" in r and "status" in r for r in results
        ):
            raise HubError(ErrorKind.HUB_FAULT, REASON_BAD_SHAPE, status=200)
        return results

    def inquiries_changes(
        self, cursor: int, limit: int = FEED_PAGE_LIMIT, office_code: str | None = None
    ) -> dict[str, Any]:
        """``GET /inquiries/changes`` → ``{"items", "next_cursor", "has_more"}``."""
        return self._feed("/inquiries/changes", cursor, limit, office_code=office_code)

    def kb_changes(self, cursor: int, limit: int = FEED_PAGE_LIMIT) -> dict[str, Any]:
        """``GET /kb/changes`` → ``{"items", "next_cursor", "has_more"}``."""
        return self._feed("/kb/changes", cursor, limit)

    def tickets_changes(
        self, cursor: int, limit: int = FEED_PAGE_LIMIT, office_code: str | None = None
    ) -> dict[str, Any]:
        """``GET /tickets/changes``."""
        return self._feed("/tickets/changes", cursor, limit, office_code=office_code)

    def broadcasts_changes(self, cursor: int, limit: int = FEED_PAGE_LIMIT) -> dict[str, Any]:
        """``GET /broadcasts/changes``."""
        return self._feed("/broadcasts/changes", cursor, limit)

    def kb_feedback(
        self, entry_id: str, feedback_id: str, helpful: bool, note: str | None = None
    ) -> dict[str, Any]:
        """``POST /kb/{id}/feedback`` (idempotent by ``feedback_id``)."""
        payload: dict[str, Any] = {"id": feedback_id, "helpful": helpful}
        if note:
            payload["note"] = note
        resp = self._request("POST", f"/kb/{entry_id}/feedback", json_body=payload)
        return self._json(resp)

    def monthly_report(
        self, month: str, office_code: str | None = None, rollup: bool = False
    ) -> dict[str, Any]:
        """``GET /reports/monthly`` (hub roles: any office, a Kanwil with ``rollup``)."""
        params: dict[str, Any] = {"month": month}
        if office_code:
            params["office_code"] = office_code
        if rollup:
            params["rollup"] = "true"
        return self._json(self._request("GET", "/reports/monthly", params=params), ("inquiries",))

    def heartbeat(
        self,
        device_id: str,
        outbox_depth: int,
        oldest_unsent_at: str | None = None,
        last_pull_at: str | None = None,
        client_time: str | None = None,
        app_version: str = __version__,
        cursors: dict[str, int] | None = None,
        reference_etag: str | None = None,
    ) -> dict[str, Any]:
        """``POST /desks/heartbeat`` → ``{"server_time", "unchanged"?}``.

        With ``cursors`` (and ``reference_etag``) the hub names, in ``unchanged``, the feeds
        with nothing new beyond them: an idle sync is then this one request.
        """
        payload = {
            "device_id": device_id,
            "app_version": app_version,
            "outbox_depth": outbox_depth,
            "client_time": client_time or utc_now(),
        }
        if oldest_unsent_at:
            payload["oldest_unsent_at"] = oldest_unsent_at
        if last_pull_at:
            payload["last_pull_at"] = last_pull_at
        if cursors is not None:
            payload["cursors"] = cursors
        if reference_etag:
            payload["reference_etag"] = reference_etag
        return self._json(
            self._request("POST", "/desks/heartbeat", json_body=payload), ("server_time",)
        )


def _json_or_none(resp: requests.Response) -> Any:
    """The parsed body if it is declared and parses as JSON, else None."""
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not (ctype == "application/json" or ctype.endswith("+json")):
        return None
    try:
        return resp.json()
    except ValueError:
        return None
