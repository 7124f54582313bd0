"""The demo data: read from ``hai_desktop/resources/demo`` and loaded into the demo hub.

The demo office, the CSO / agent / broadcaster / supervisor accounts (admin API), the KB
entries (agent ``POST /kb``), the office's desk logs (CSO ``POST /inquiries/batch``), the
broadcasts and the ticket with its reply — the last two only as far as the hub offers them.
Demo data is fictional (see hai_desktop/resources/demo/README.md).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from hai_desktop.core.demo_hub import API, DemoError


def _demo_file(name: str) -> Path:
    from hai_desktop.core.resources import resource_path

    return resource_path("demo", name)


def load_demo_data() -> dict[str, Any]:
    """The demo data files: ``demo`` (demo.json), ``kb`` and ``inquiries`` lists."""

    def read(name: str) -> Any:
        path = _demo_file(name)
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    demo = read("demo.json")
    if not demo:
        raise DemoError("resources/demo/demo.json is missing")
    kb = read("kb_entries.json") or []
    if isinstance(kb, dict):
        kb = kb.get("items") or []
    inquiries = read("inquiries.json") or []
    if isinstance(inquiries, dict):
        inquiries = inquiries.get("items") or []
    # The full month of the Laporan screen (issue 11; resources/demo/demo_month.py).
    inquiries = [*inquiries, *(read("month_inquiries.json") or [])]
    return {"demo": demo, "kb": kb, "inquiries": inquiries}


class _Api:
    """A small JSON client for seeding the demo hub (one session per role)."""

    def __init__(self, base_url: str):
        self.base = base_url + API
        self.session = requests.Session()

    def login(self, email: str, password: str) -> dict[str, Any]:
        resp = self.session.post(
            self.base + "/auth/token",
            json={
                "email": email,
                "password": password,
                "device_id": str(uuid.uuid4()),
                "device_name": "hai-demo-setup",
            },
            timeout=30,
        )
        if resp.status_code != 200:
            raise DemoError(f"demo sign-in failed ({resp.status_code}): {resp.text[:200]}")
        body = resp.json()
        self.session.headers["Authorization"] = f"Bearer {body['access_token']}"
        return body

    def call(
        self, method: str, path: str, body: Any = None, ok: tuple[int, ...] = (200, 201)
    ) -> requests.Response:
        resp = self.session.request(method, self.base + path, json=body, timeout=30)
        if resp.status_code not in ok:
            raise DemoError(f"{method} {path} → {resp.status_code}: {resp.text[:300]}")
        return resp

    def close(self) -> None:
        self.session.close()


@dataclass
class SeedReport:
    """What the demo hub was loaded with (counts), and what it could not take."""

    kb_entries: int = 0
    inquiries: int = 0
    broadcasts: int = 0
    tickets: int = 0
    skipped: list[str] = field(default_factory=list)


def _office_payloads(office: dict[str, Any]) -> list[dict[str, Any]]:
    """The demo office, preceded by its parent chain from the bundled reference data."""
    chain = [office]
    try:
        from hai_contract.reference import load_reference

        ref = load_reference()
        by_code = {o["code"]: o for o in ref.get("offices", [])}
        parent = office.get("parent_code")
        while parent and parent in by_code and parent != "PUSAT":
            chain.insert(0, by_code[parent])
            parent = by_code[parent].get("parent_code")
    except (OSError, ValueError, KeyError):
        pass
    keys = ("code", "name", "kind", "parent_code")
    return [{k: o.get(k) for k in keys if o.get(k) is not None} for o in chain]


def seed_hub(url: str, data: dict[str, Any]) -> SeedReport:
    """Load the demo data into a fresh hub through its API. Idempotent (fixed ids)."""
    demo = data["demo"]
    report = SeedReport()
    admin = _Api(url)
    admin.login(demo["bootstrap_admin"]["email"], demo["bootstrap_admin"]["password"])
    for office in _office_payloads(demo["office"]):
        admin.call("POST", "/admin/offices", office, ok=(200, 201, 409))
    for role in ("cso", "agent", "broadcaster", "supervisor"):
        account = demo.get(role)
        if account:
            body = {k: account[k] for k in ("email", "name", "password", "role", "office_code")}
            admin.call("POST", "/admin/users", body, ok=(200, 201, 409))
    admin.close()

    agent = _Api(url)
    agent.login(demo["agent"]["email"], demo["agent"]["password"])
    for entry in data["kb"]:
        body = {k: v for k, v in entry.items() if k not in ("rev", "deleted")}
        agent.call("POST", "/kb", body, ok=(200, 201))
        report.kb_entries += 1

    cso = _Api(url)
    cso.login(demo["cso"]["email"], demo["cso"]["password"])
    items = data["inquiries"]
    for start in range(0, len(items), 500):
        resp = cso.call("POST", "/inquiries/batch", {"items": items[start : start + 500]})
        report.inquiries += sum(
            1 for r in resp.json().get("results", []) if r.get("status") != "rejected"
        )

    if demo.get("broadcaster") and demo.get("broadcasts"):
        caster = _Api(url)
        try:
            caster.login(demo["broadcaster"]["email"], demo["broadcaster"]["password"])
            for broadcast in demo["broadcasts"]:
                try:
                    caster.call("POST", "/broadcasts", _dated(broadcast), ok=(200, 201))
                    report.broadcasts += 1
                except DemoError as exc:
                    # One refused notice must not hide the others from the demo.
                    report.skipped.append(f"broadcast {broadcast.get('kind')}: {exc}")
        except DemoError as exc:
            report.skipped.append(f"broadcasts: {exc}")
        finally:
            caster.close()

    for bundle in demo.get("tickets") or []:
        try:
            ticket = bundle["ticket"]
            cso.call("POST", "/tickets", ticket, ok=(200, 201))
            for message in bundle.get("agent_messages") or []:
                agent.call("POST", f"/tickets/{ticket['id']}/messages", message, ok=(200, 201))
            if bundle.get("agent_patch"):
                agent.call("PATCH", f"/tickets/{ticket['id']}", bundle["agent_patch"])
            report.tickets += 1
        except DemoError as exc:
            report.skipped.append(f"ticket: {exc}")
    agent.close()
    cso.close()
    return report


# --------------------------------------------------------------------------- the session


def _dated(broadcast: dict) -> dict:
    """The broadcast with ``reply_due_in_days`` turned into a ``reply_due`` that lies ahead:
    the hub refuses a due date in the past, and the demo data is read on any later day."""
    item = dict(broadcast)
    days = item.pop("reply_due_in_days", None)
    if days is not None:
        from datetime import UTC, datetime, timedelta

        item["reply_due"] = (datetime.now(UTC) + timedelta(days=days)).isoformat()
    return item
