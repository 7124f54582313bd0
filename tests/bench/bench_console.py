"""Benchmark: the console's agent screens on a big hub (issue 14).

Run by hand (not collected by pytest):

    .venv/bin/python tests/bench/bench_console.py [--tickets 10000] [--inquiries 100000]
        [--kb 2000] [--rounds 30] [--postgres URL]

An in-process hub (SQLite in a temporary folder, or the PostgreSQL database given) filled
with ``--tickets`` tickets over 200 offices (70 % open), ``--inquiries`` inquiries (a fifth
of them answered and waiting for review) and ``--kb`` KB entries; an agent signed into the
console. Each page is requested ``--rounds`` times through the app (TestClient: the
server's time plus a negligible in-process transport) → p50 / p95 ms.

Targets (issue 14): the queue page and the review queue ≤ 200 ms p95.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from hai_central.main import create_app  # noqa: E402
from hai_central.settings import Settings  # noqa: E402
from hai_central.store import db as store  # noqa: E402
from hai_central.store.models import Inquiry, KbEntry, Office, Ticket  # noqa: E402
from tests.central.test_console import csrf_of  # noqa: E402

ADMIN, PASSWORD = "admin@kemenkeu.go.id", "admin-password-1"
WORDS = (
    "sp2d tertahan rekening satker revisi dipa sakti span token login gagal pagu spm "
    "pencairan tunjangan gaji lpj bendahara akun operator kedaluwarsa rekonsiliasi"
).split()
STATUSES = ["new", "in_progress", "waiting", "escalated", "answered", "closed"]


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def fill(tickets: int, inquiries: int, kb_entries: int) -> float:
    rng = random.Random(14)
    started = time.perf_counter()
    now = datetime.now(UTC)
    offices = [f"KPPN-B{i:03d}" for i in range(200)]
    rev = 10_000_000
    with store.transaction() as db:
        Office.insert_many(
            [{"code": c, "name": f"KPPN Uji {c}", "kind": "KPPN", "extra": {}} for c in offices]
        ).execute()
        rows = []
        for i in range(tickets):
            received = now - timedelta(minutes=rng.randint(0, 60 * 24 * 30))
            status = rng.choice(STATUSES[:4] * 7 + STATUSES[4:] * 6)
            rev += 1
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "number": f"HAI-2026-{i + 1:06d}",
                    "rev": rev,
                    "office_code": rng.choice(offices),
                    "department": rng.choice(["PA", "PKN", "SMI"]),
                    "subject": _sentence(rng, 5),
                    "message": _sentence(rng, 25),
                    "priority": rng.choice(["low", "normal", "high", "urgent"]),
                    "requester": {"name": "Uji", "email": "uji@kemenkeu.go.id"},
                    "attachments": [],
                    "status": status,
                    "level": rng.choice([1, 1, 1, 2, 3]),
                    "response_due": _iso(received + timedelta(hours=rng.randint(1, 48))),
                    "resolve_due": _iso(received + timedelta(hours=rng.randint(24, 200))),
                    "created_at": _iso(received),
                    "received_at": _iso(received),
                    "updated_at": _iso(received),
                }
            )
        for chunk in range(0, len(rows), 500):
            Ticket.insert_many(rows[chunk : chunk + 500]).execute()
        rows = []
        for _ in range(inquiries):
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
            answered = rng.random() < 0.2
            rev += 1
            data = {
                "question": _sentence(rng, 12),
                "answer": _sentence(rng, 30) if answered else "",
                "basis": {"regulations": ["PMK 62 Tahun 2023"], "kb_entry_ids": []},
                "channel": "tatap_muka",
            }
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "office_code": rng.choice(offices),
                    "version": 1,
                    "rev": rev,
                    "outcome": "answered" if answered else "referred",
                    "department": "PA",
                    "channel": "tatap_muka",
                    "application": "SAKTI",
                    "created_at": _iso(created),
                    "review_status": "pending" if answered else None,
                    "data": data,
                    "received_at": _iso(created),
                }
            )
            if len(rows) == 1000:
                Inquiry.insert_many(rows).execute()
                rows = []
        if rows:
            Inquiry.insert_many(rows).execute()
        rows = []
        for _ in range(kb_entries):
            rev += 1
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "rev": rev,
                    "title": _sentence(rng, 5),
                    "question": _sentence(rng, 12),
                    "answer": _sentence(rng, 40),
                    "department": "PA",
                    "updated_at": _iso(now),
                }
            )
        for chunk in range(0, len(rows), 500):
            KbEntry.insert_many(rows[chunk : chunk + 500]).execute()
        db.execute_sql(f"UPDATE counter SET value = {rev} WHERE name = 'rev'")
    return time.perf_counter() - started


def timed(client: TestClient, path: str, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        r = client.get(path)
        out.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (path, r.status_code)
    return out


def hub_client(prefix: str, postgres: str | None) -> tuple[TestClient, Path]:
    """An in-process hub (SQLite in a new temporary folder, or ``postgres``) and its client."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    settings = Settings(
        data_dir=tmp,
        database_url=postgres,
        bootstrap_admin_email=ADMIN,
        bootstrap_admin_password=PASSWORD,
        argon2_fast=True,
        environment="test",
    )
    return TestClient(create_app(settings)), tmp


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", type=int, default=10_000)
    ap.add_argument("--inquiries", type=int, default=100_000)
    ap.add_argument("--kb", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--postgres", default=os.environ.get("HAI_BENCH_POSTGRES_URL"))
    args = ap.parse_args()
    client, tmp = hub_client("bench-console-", args.postgres)
    filled = fill(args.tickets, args.inquiries, args.kb)
    api = client.post("/api/v1/auth/token", json={"email": ADMIN, "password": PASSWORD})
    admin = {"Authorization": f"Bearer {api.json()['access_token']}"}
    email = f"agen.{uuid.uuid4().hex[:6]}@kemenkeu.go.id"
    client.post(
        "/api/v1/admin/users",
        headers=admin,
        json={
            "email": email,
            "name": "Agen",
            "password": PASSWORD,
            "role": "agent",
            "office_code": "PUSAT",
        },
    )
    page = client.get("/console/login")
    client.post(
        "/console/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(page.text)},
    )
    print(
        f"backend {'postgresql' if args.postgres else 'sqlite'}: {args.tickets} tickets, "
        f"{args.inquiries} inquiries, {args.kb} KB entries (filled in {filled:.1f} s)"
    )
    pages = {
        "queue (open, page 1)": "/console/tickets",
        "queue (overdue, PA)": "/console/tickets?due=overdue&department=PA",
        "queue (page 50, all)": "/console/tickets?status=all&page=50",
        "review queue": "/console/review",
        "similar tickets": "/console/tickets/similar",
        "KB list (search)": "/console/kb?q=sp2d",
    }
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8}")
    for name, path in pages.items():
        ms = timed(client, path, args.rounds)
        p95 = statistics.quantiles(ms, n=20)[-1]
        print(f"{name:<24} {statistics.median(ms):>8.1f} {p95:>8.1f}")
    print(json.dumps({"tmp": str(tmp)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
