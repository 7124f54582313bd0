"""What can go wrong talking to the hub, classified once, with the words shown to the user.

Every failure of a hub call becomes a :class:`HubError` with a :class:`ErrorKind`; the sync
engine decides retry and backoff from the kind alone, the GUI shows ``user_message``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class ErrorKind(enum.Enum):
    """The failure classes of ARCHITECTURE.md ("The outbox and the sync engine")."""

    OFFLINE = "offline"  # no route, DNS, refused, reset, timeout: retry quietly
    HUB_FAULT = "hub_fault"  # 5xx, or a body that is not the JSON the contract promises
    REJECTED = "rejected"  # 4xx about the request/item itself: the user must fix something
    AUTH = "auth"  # 401: sign in again, everything stays queued
    THROTTLED = "throttled"  # 429: wait Retry-After seconds


# Finer reasons, for logs, tests and the exact words shown.
REASON_CONNECTION = "connection"
REASON_TIMEOUT = "timeout"
REASON_TLS = "tls"
REASON_HTTP = "http_status"
REASON_NOT_JSON = "not_json"
REASON_BAD_SHAPE = "bad_shape"
REASON_NOT_CONFIGURED = "not_configured"
REASON_INVALID_URL = "invalid_url"
REASON_NO_TOKEN = "no_token"


@dataclass(eq=False)
class HubError(Exception):
    """A classified failure of one hub request.

    Attributes:
        kind: the failure class, which drives retry and backoff.
        reason: a finer reason (``REASON_*``).
        status: the HTTP status when there was a response.
        code: the hub's ``error.code`` when the body carried one.
        hub_message: the hub's ``error.message`` (shown for rejected items).
        retry_after: seconds to wait (429, or a 503 with ``Retry-After``).
        details: the hub's ``error.details``.
    """

    kind: ErrorKind
    reason: str = REASON_HTTP
    status: int | None = None
    code: str | None = None
    hub_message: str | None = None
    retry_after: float | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.describe())

    def describe(self) -> str:
        """A log-safe one-line description (no personal data, no token)."""
        parts = [self.kind.value, self.reason]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.code:
            parts.append(self.code)
        return " / ".join(parts)

    @property
    def user_message(self) -> str:
        """What the user reads, in Indonesian."""
        return user_message(self)

    def item_error(self) -> str:
        """What to keep on an item the hub refused because of this error (its own words)."""
        return self.hub_message or self.user_message

    def __str__(self) -> str:  # dataclass would otherwise print every field
        return self.describe()


def user_message(err: HubError) -> str:
    """Indonesian words for a classified failure (one place, used by GUI and CLI)."""
    if err.kind is ErrorKind.OFFLINE:
        if err.reason == REASON_TIMEOUT:
            return (
                "HAI Hub tidak menjawab tepat waktu. Data tetap tersimpan di komputer ini "
                "dan akan dikirim otomatis."
            )
        if err.reason == REASON_TLS:
            return (
                "Sambungan aman ke HAI Hub gagal (sertifikat tidak dikenali). Periksa "
                "alamat hub dan berkas CA di Pengaturan."
            )
        return (
            "Tidak tersambung ke HAI Hub (jaringan terputus?). Data tetap tersimpan di "
            "komputer ini dan akan dikirim otomatis saat jaringan kembali."
        )
    if err.kind is ErrorKind.HUB_FAULT:
        if err.reason in (REASON_NOT_JSON, REASON_BAD_SHAPE):
            return (
                "Jawaban yang diterima bukan dari HAI Hub (mungkin halaman login Wi-Fi atau "
                "proxy kantor). Akan dicoba lagi otomatis."
            )
        status = f" (kode {err.status})" if err.status else ""
        return f"HAI Hub sedang mengalami gangguan{status}. Akan dicoba lagi otomatis."
    if err.kind is ErrorKind.AUTH and err.reason == REASON_NO_TOKEN:
        return (
            "Belum masuk ke HAI Hub. Klik status sinkronisasi untuk masuk; catatan tetap "
            "tersimpan di komputer ini."
        )
    if err.kind is ErrorKind.AUTH:
        return (
            "Sesi masuk ke HAI Hub sudah berakhir. Silakan masuk lagi; data yang belum "
            "terkirim tetap dalam antrean."
        )
    if err.kind is ErrorKind.THROTTLED:
        wait = int(err.retry_after or 0)
        if wait:
            return f"HAI Hub sedang sibuk. Dicoba lagi dalam {wait} detik."
        return "HAI Hub sedang sibuk. Dicoba lagi sebentar lagi."
    if err.reason == REASON_NOT_CONFIGURED:
        return "Alamat HAI Hub belum diatur. Klik status sinkronisasi untuk masuk ke hub."
    if err.reason == REASON_INVALID_URL:
        return "Alamat HAI Hub tidak sah. Periksa alamat hub di Pengaturan."
    if err.hub_message:
        return f"HAI Hub menolak data: {err.hub_message}"
    status = f" (kode {err.status})" if err.status else ""
    return f"HAI Hub menolak permintaan{status}."
