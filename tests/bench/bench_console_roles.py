"""Benchmark: the supervisor's national view and the broadcaster's receipts on a big hub
(issue 14).

Run by hand (not collected by pytest):

    .venv/bin/python tests/bench/bench_console_roles.py [--desks 1000] [--offices 223]
        [--inquiries 100000] [--rounds 30] [--postgres URL]

An in-process hub (SQLite in a temporary folder, or the PostgreSQL database given) with
``--offices`` offices (34 Kanwil, the rest KPPN under them), ``--desks`` desks with their
heartbeats (a tenth silent for days, some with an outbox or a wrong clock or an old
version), ``--inquiries`` inquiries of this month and the last, and admin days off; the
pages are requested ``--rounds`` times through the app (TestClient: the server's time plus
a negligible in-process transport) → p50 / p95 ms of wall time, and of the process's CPU
time (the request's own cost when other work shares the machine's CPUs).

Target (issue 14): the national view with 1,000 desks ≤ 300 ms p95.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from hai_central.store import db as store  # noqa: E402
from hai_central.store.models import AppUser, CalendarDay, Desk, Inquiry, Office  # noqa: E402
from tests.bench.bench_console import ADMIN, PASSWORD, hub_client  # noqa: E402
from tests.central.test_console import csrf_of  # noqa: E402


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def fill(desks: int, offices: int, inquiries: int) -> tuple[float, list[str]]:
    rng = random.Random(14)
    started = time.perf_counter()
    now = datetime.now(UTC)
    kanwils = [f"KANWIL-B{i:02d}" for i in range(34)]
    kppns = [f"KPPN-B{i:03d}" for i in range(max(1, offices - len(kanwils)))]
    zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
    with store.transaction():
        Office.insert_many(
            [
                {"code": c, "name": f"Kanwil Uji {c}", "kind": "KANWIL", "parent_code": "PUSAT"}
                | {"extra": {"timezone": rng.choice(zones)}}
                for c in kanwils
            ]
        ).execute()
        Office.insert_many(
            [
                {
                    "code": c,
                    "name": f"KPPN Uji {c}",
                    "kind": "KPPN",
                    "parent_code": kanwils[i % len(kanwils)],
                    "extra": {"timezone": rng.choice(zones)},
                }
                for i, c in enumerate(kppns)
            ]
        ).execute()
        users, rows = [], []
        for i in range(desks):
            office = kppns[i % len(kppns)]
            uid = str(uuid.uuid4())
            users.append(
                {
                    "id": uid,
                    "email": f"cso.bench{i}@kemenkeu.go.id",
                    "name": f"CSO {i}",
                    "password_hash": "x",
                    "role": "cso",
                    "office_code": office,
                    "created_at": _iso(now),
                }
            )
            silent = rng.random() < 0.1
            seen = now - timedelta(
                days=rng.randint(2, 40) if silent else 0, minutes=rng.randint(0, 300)
            )
            skew = timedelta(minutes=rng.choice([0] * 19 + [45]))
            rows.append(
                {
                    "device_id": str(uuid.uuid4()),
                    "user_id": uid,
                    "office_code": office,
                    "device_name": f"PC-{i}",
                    "app_version": rng.choice(["0.1.0"] * 9 + ["0.0.9"]),
                    "outbox_depth": rng.choice([0] * 8 + [3, 40]),
                    "client_time": _iso(seen + skew),
                    "last_seen": _iso(seen),
                }
            )
        for chunk in range(0, desks, 500):
            AppUser.insert_many(users[chunk : chunk + 500]).execute()
            Desk.insert_many(rows[chunk : chunk + 500]).execute()
        CalendarDay.insert_many(
            [
                {
                    "day": f"{now.year}-12-{d:02d}",
                    "kind": "off",
                    "name": "Cuti",
                    "created_at": _iso(now),
                }
                for d in (24, 26)
            ]
        ).execute()
        rows = []
        for i in range(inquiries):
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 60))
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "office_code": rng.choice(kppns),
                    "version": 1,
                    "rev": 20_000_000 + i,
                    "outcome": rng.choice(["answered"] * 6 + ["referred", "escalated"]),
                    "department": rng.choice(["PA", "PKN", "SMI"]),
                    "channel": rng.choice(["tatap_muka", "telepon", "whatsapp"]),
                    "application": "SAKTI",
                    "created_at": _iso(created),
                    "counted_at": _iso(created),
                    "data": {"question": "Revisi DIPA", "channel": "tatap_muka"},
                    "received_at": _iso(created),
                }
            )
            if len(rows) == 1000:
                Inquiry.insert_many(rows).execute()
                rows = []
        if rows:
            Inquiry.insert_many(rows).execute()
    return time.perf_counter() - started, kanwils


def timed(client: TestClient, path: str, rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per request. The CPU time (of this process: the app runs
    in the TestClient's thread) is what the request costs the server, whatever else the
    machine is doing; the wall time adds the waits for a shared CPU."""
    wall, cpu = [], []
    for _ in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        r = client.get(path)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (path, r.status_code)
    return wall, cpu


def staff(client: TestClient, admin: dict, role: str) -> None:
    email = f"{role}.{uuid.uuid4().hex[:6]}@kemenkeu.go.id"
    r = client.post(
        "/api/v1/admin/users",
        headers=admin,
        json={
            "email": email,
            "name": role,
            "password": PASSWORD,
            "role": role,
            "office_code": "PUSAT",
        },
    )
    assert r.status_code == 201, r.text
    client.cookies.clear()
    page = client.get("/console/login")
    client.post(
        "/console/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(page.text)},
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--desks", type=int, default=1000)
    ap.add_argument("--offices", type=int, default=223)
    ap.add_argument("--inquiries", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--postgres", default=os.environ.get("HAI_BENCH_POSTGRES_URL"))
    args = ap.parse_args()
    client, tmp = hub_client("bench-console-roles-", args.postgres)
    filled, kanwils = fill(args.desks, args.offices, args.inquiries)
    api = client.post("/api/v1/auth/token", json={"email": ADMIN, "password": PASSWORD})
    admin = {"Authorization": f"Bearer {api.json()['access_token']}"}
    print(
        f"backend {'postgresql' if args.postgres else 'sqlite'}: {args.desks} desks, "
        f"{args.offices} offices, {args.inquiries} inquiries (filled in {filled:.1f} s)"
    )
    staff(client, admin, "supervisor")
    month = datetime.now(UTC).strftime("%Y-%m")
    pages = {
        "national view (all)": "/console/national",
        "national view (silent)": "/console/national?show=silent",
        "national view (page 5)": "/console/national?page=5",
        "monthly (one Kanwil)": f"/console/national/monthly?month={month}&kanwil={kanwils[0]}",
        "monthly (national)": f"/console/national/monthly?month={month}",
    }
    print(f"{'page':<26} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8}")
    for name, path in pages.items():
        rounds = args.rounds if "national view" in name else max(5, args.rounds // 6)
        wall, cpu = timed(client, path, rounds)
        figures = [
            f(ms)
            for ms in (wall, cpu)
            for f in (statistics.median, lambda v: statistics.quantiles(v, n=20)[-1])
        ]
        print(f"{name:<26} " + " ".join(f"{v:>8.1f}" for v in figures))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
