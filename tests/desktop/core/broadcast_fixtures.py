"""Signed broadcast feed items for desk tests: a real Ed25519 key, signature v2 as the hub
makes it (hai_contract.broadcasts), and an account at a KPPN pinned to that key."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hai_contract.broadcasts import SIGNATURE_VERSION, signed_bytes
from hai_desktop.core import broadcasts_verify
from hai_desktop.core.sync import state

HUB_URL = "http://127.0.0.1:9"
OFFICE = {"code": "KPPN-BANDA-ACEH", "name": "KPPN Banda Aceh", "kind": "KPPN"}


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Signer:
    """A hub's signing key, numbering and rev counter."""

    def __init__(self) -> None:
        self.key = Ed25519PrivateKey.generate()
        self.rev = 0

    @property
    def public_b64(self) -> str:
        raw = self.key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode()

    def item(self, **kw: Any) -> dict[str, Any]:
        self.rev += 1
        published = kw.pop("published", None) or datetime.now(UTC) - timedelta(minutes=5)
        item: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "number": f"BC-2026-{self.rev:06d}",
            "rev": self.rev,
            "kind": "info",
            "title": "Jadwal akhir tahun anggaran",
            "body": "Yth. Kepala KPPN,\n\nJadwal batas pengajuan SPM telah ditetapkan.",
            "urgency": "normal",
            "audience": {"roles": [], "office_kinds": ["KPPN"], "office_codes": []},
            "contact": {"name": "Kasi LP", "phone": "021-1", "email": "lp@kemenkeu.go.id"},
            "attachments": [],
            "valid_until": None,
            "updates": None,
            "outage_status": None,
            "affected_applications": None,
            "ack_required": False,
            "reply_requested": False,
            "reply_due": None,
            "published_at": iso(published),
            "signature_version": SIGNATURE_VERSION,
        }
        item.update(kw)
        if item["urgency"] == "urgent":
            item["ack_required"] = True
        self.sign(item)
        return item

    def sign(self, item: dict[str, Any]) -> dict[str, Any]:
        sig = self.key.sign(signed_bytes(item, item.get("signature_version") or 1))
        item["signature"] = base64.b64encode(sig).decode()
        return item

    def outage(self, **kw: Any) -> dict[str, Any]:
        base = {
            "kind": "outage",
            "title": "Gangguan SPAN",
            "body": "SPAN tidak dapat diakses. Tim teknis sedang menangani.",
            "outage_status": "investigating",
            "affected_applications": ["SPAN"],
        }
        return self.item(**{**base, **kw})


def sign_in_as_cso(signer: Signer, office: dict[str, str] | None = None) -> None:
    """What sign-in leaves in the database: the account and the pinned hub key."""
    state.set_value(
        "account",
        {
            "email": "budi@kemenkeu.go.id",
            "role": "cso",
            "office": office or OFFICE,
            "hub_url": HUB_URL,
        },
    )
    broadcasts_verify.pin(signer.public_b64, HUB_URL)
