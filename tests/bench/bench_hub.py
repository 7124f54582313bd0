"""Hub benchmark (run by hand, not collected by pytest): prints a table.

    .venv/bin/python tests/bench/bench_hub.py [--workers 2] [--desks 200] [--rounds 3]
                                              [--kb-entries 100000] [--postgres URL]

For SQLite and (when ``--postgres`` or ``HAI_TEST_POSTGRES_URL`` answers) PostgreSQL, it
starts a real ``hai-central serve`` subprocess on loopback and measures:

1. ``POST /inquiries/batch`` with 500 new items: median and p95 of ``--batches`` runs;
2. ``--desks`` simulated desks at once (threads), each doing ``--rounds`` syncs of: push 20
   inquiries, pull the inquiry, KB, ticket and broadcast feeds, heartbeat → errors,
   requests/s, p95 latency (with the hub's worker count);
3. a KB feed page of 500 entries out of ``--kb-entries``: median of 30 pulls at random
   cursors (entries bulk-loaded into the hub's database first).

PostgreSQL runs in a schema of its own, dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ADMIN = ("bench.admin@kemenkeu.go.id", "bench-admin-password")
PASSWORD = "bench-password-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def inquiry(office: str) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "office_code": office,
        "created_at": "2026-11-26T08:15:00Z",
        "updated_at": "2026-11-26T08:20:00Z",
        "channel": "tatap_muka",
        "department": "PA",
        "application": "SAKTI",
        "visitor": {"name": "Pengunjung", "satker_code": "123456"},
        "question": "Bagaimana cara revisi DIPA pada aplikasi SAKTI? " * 3,
        "answer": "Ajukan revisi melalui modul penganggaran SAKTI. " * 4,
        "basis": {"regulations": ["PMK 62 Tahun 2023"], "kb_entry_ids": []},
        "outcome": "answered",
        "version": 1,
    }


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Server:
    """A ``hai-central serve`` subprocess with its own data dir."""

    def __init__(self, database_url: str | None, workers: int) -> None:
        self.dir = tempfile.mkdtemp(prefix="hai-bench-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        self.workers = workers
        env = dict(
            os.environ,
            HAI_DATA_DIR=self.dir,
            HAI_BOOTSTRAP_ADMIN_EMAIL=ADMIN[0],
            HAI_BOOTSTRAP_ADMIN_PASSWORD=ADMIN[1],
            HAI_ENV="production",
        )
        env.pop("HAI_ARGON2_FAST", None)
        if database_url:
            env["HAI_DATABASE_URL"] = database_url
        else:
            env.pop("HAI_DATABASE_URL", None)
        self.database_url = database_url or f"sqlite:///{self.dir}/hub.sqlite3"
        self.log = open(Path(self.dir) / "server.log", "wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hai_central",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(f"{self.base}/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the hub did not start; see " + str(Path(self.dir) / "server.log"))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)  # the 100,000-entry KB is ~150 MB


def login(base: str, email: str, password: str) -> dict:
    r = requests.post(
        f"{base}/auth/token",
        json={"email": email, "password": password, "device_id": str(uuid.uuid4())},
        timeout=30,
    )
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def setup_offices(base: str, admin: dict, offices: int) -> dict[str, dict]:
    tokens = {}
    for n in range(offices):
        code = f"KPPN-BENCH-{n:03d}"
        requests.post(
            f"{base}/admin/offices",
            headers=admin,
            timeout=30,
            json={"code": code, "name": f"KPPN Bench {n}", "kind": "KPPN", "parent_code": "PUSAT"},
        )
        email = f"cso.bench{n:03d}@kemenkeu.go.id"
        requests.post(
            f"{base}/admin/users",
            headers=admin,
            timeout=30,
            json={
                "email": email,
                "name": f"CSO {n}",
                "password": PASSWORD,
                "role": "cso",
                "office_code": code,
            },
        )
        tokens[code] = login(base, email, PASSWORD)
    return tokens


def bench_batch(base: str, headers: dict, office: str, runs: int) -> list[float]:
    s = requests.Session()
    times = []
    for _ in range(runs):
        items = [inquiry(office) for _ in range(500)]
        t0 = time.perf_counter()
        r = s.post(f"{base}/inquiries/batch", headers=headers, json={"items": items}, timeout=120)
        times.append(time.perf_counter() - t0)
        assert r.status_code == 200 and all(
            x["status"] == "created" for x in r.json()["results"]
        ), r.text[:300]
    return times


def bench_desks(base: str, tokens: dict[str, dict], desks: int, rounds: int) -> dict:
    offices = list(tokens)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def desk(n: int) -> None:
        office = offices[n % len(offices)]
        headers = dict(tokens[office], **{"Accept-Encoding": "gzip"})
        s = requests.Session()
        cursors = {"inquiries": 0, "kb": 0, "tickets": 0, "broadcasts": 0}
        device = str(uuid.uuid4())

        def call(method: str, path: str, **kw) -> dict | None:
            t0 = time.perf_counter()
            try:
                r = s.request(method, base + path, headers=headers, timeout=120, **kw)
                ok = r.status_code == 200
                body = r.json() if ok else None
            except requests.RequestException as exc:
                ok, body, r = False, None, exc
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if not ok:
                    errors.append(f"{method} {path}: {getattr(r, 'status_code', r)}")
            return body

        for _ in range(rounds):
            call("POST", "/inquiries/batch", json={"items": [inquiry(office) for _ in range(20)]})
            for feed in cursors:
                while True:
                    page = call(
                        "GET", f"/{feed}/changes", params={"cursor": cursors[feed], "limit": 500}
                    )
                    if page is None:
                        break
                    cursors[feed] = page["next_cursor"]
                    if not page["has_more"]:
                        break
            call(
                "POST",
                "/desks/heartbeat",
                json={
                    "device_id": device,
                    "app_version": "0.1.0",
                    "outbox_depth": 0,
                    "client_time": "2026-11-26T08:00:00Z",
                },
            )

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=desks) as pool:
        list(pool.map(desk, range(desks)))
    wall = time.perf_counter() - t0
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "wall": wall,
        "rps": len(latencies) / wall,
        "p50": pct(latencies, 50),
        "p95": pct(latencies, 95),
        "sample_errors": errors[:3],
    }


def load_kb(database_url: str, count: int) -> None:
    """Bulk-load KB entries straight into the hub's database (fast path for the benchmark)."""
    from hai_central.services.common import now_iso
    from hai_central.store import db as store
    from hai_central.store.models import KbEntry

    db = store.make_database(database_url)
    store.bind(db)
    now = now_iso()
    with store.transaction():
        row = db.execute_sql(
            f"UPDATE counter SET value = value + {db.param} WHERE name = 'rev' RETURNING value",
            (count,),
        ).fetchone()
        first = int(row[0]) - count + 1
        chunk = []
        for i in range(count):
            chunk.append(
                {
                    "id": str(uuid.uuid4()),
                    "rev": first + i,
                    "title": f"Entri pengetahuan {i}",
                    "question": f"Pertanyaan nomor {i} tentang pelaksanaan anggaran?",
                    "answer": "Jawaban yang divalidasi oleh agen HAI-DJPBN. " * 6,
                    "department": "PA",
                    "application": "SAKTI",
                    "regulations": ["PMK 62 Tahun 2023"],
                    "tags": ["anggaran"],
                    "source_inquiry_ids": [],
                    "valid_until": None,
                    "updated_at": now,
                    "deleted": False,
                }
            )
            if len(chunk) == 1000:
                KbEntry.insert_many(chunk).execute()
                chunk = []
        if chunk:
            KbEntry.insert_many(chunk).execute()
    db.close_all()


def bench_kb_page(base: str, headers: dict, count: int, runs: int = 30) -> tuple[list[float], int]:
    s = requests.Session()
    first = s.get(
        f"{base}/kb/changes", headers=headers, params={"cursor": 0, "limit": 1}, timeout=60
    ).json()
    start = first["next_cursor"] - 1
    times, size = [], 0
    for _ in range(runs):
        cursor = start + random.randint(0, max(0, count - 500))
        t0 = time.perf_counter()
        r = s.get(
            f"{base}/kb/changes",
            headers={**headers, "Accept-Encoding": "gzip"},
            params={"cursor": cursor, "limit": 500},
            timeout=60,
        )
        times.append(time.perf_counter() - t0)
        assert r.status_code == 200 and len(r.json()["items"]) == 500
        size = len(r.content)
    return times, size


def run_backend(name: str, url: str | None, args) -> dict:
    server = Server(url, args.workers)
    try:
        admin = login(server.base, *ADMIN)
        tokens = setup_offices(server.base, admin, args.offices)
        office0 = next(iter(tokens))
        batch = bench_batch(server.base, tokens[office0], office0, args.batches)
        desks = bench_desks(server.base, tokens, args.desks, args.rounds)
        load_kb(server.database_url, args.kb_entries)
        kb_times, kb_bytes = bench_kb_page(server.base, tokens[office0], args.kb_entries)
        return {
            "backend": name,
            "workers": args.workers,
            "batch": batch,
            "desks": desks,
            "kb": kb_times,
            "kb_bytes": kb_bytes,
        }
    finally:
        server.stop()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--desks", type=int, default=200)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--offices", type=int, default=20)
    p.add_argument("--batches", type=int, default=10)
    p.add_argument("--kb-entries", type=int, default=100_000)
    p.add_argument("--postgres", default=os.environ.get("HAI_TEST_POSTGRES_URL", ""))
    p.add_argument("--only", choices=["sqlite", "postgres"])
    p.add_argument(
        "--rhythm-desks",
        type=int,
        default=0,
        help="national scale (issue 13): this many desks at their sync rhythm, then a burst",
    )
    p.add_argument("--rhythm-seconds", type=float, default=300)
    p.add_argument("--interval", type=float, default=60)
    p.add_argument("--burst", type=int, default=200)
    p.add_argument(
        "--legacy-too",
        action="store_true",
        help="also run the rhythm and burst with the six-request idle sync (the baseline)",
    )
    args = p.parse_args()
    if args.rhythm_desks:
        return national(args)

    results = []
    if args.only != "postgres":
        results.append(run_backend("SQLite", None, args))
    if args.postgres and args.only != "sqlite":
        import psycopg

        schema = f"hai_bench_{uuid.uuid4().hex[:10]}"
        try:
            with psycopg.connect(args.postgres, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')
        except psycopg.OperationalError as exc:
            print(f"PostgreSQL skipped: {exc}")
        else:
            sep = "&" if "?" in args.postgres else "?"
            url = f"{args.postgres}{sep}options={quote('-csearch_path=' + schema)}"
            try:
                results.append(run_backend("PostgreSQL", url, args))
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    print()
    print(
        f"HAI Hub benchmark — loopback, {os.cpu_count()} CPUs, uvicorn workers={args.workers}, "
        f"{args.desks} desks x {args.rounds} rounds over {args.offices} offices"
    )
    print(
        f"{'backend':<11} {'batch500 median':>16} {'batch500 p95':>13} {'desk reqs':>10} {'errors':>7} "
        f"{'req/s':>8} {'p50':>8} {'p95':>8} {'kb page median':>15} {'kb page p95':>12}"
    )
    for r in results:
        d = r["desks"]
        print(
            f"{r['backend']:<11} {statistics.median(r['batch']) * 1000:>13.0f} ms {pct(r['batch'], 95) * 1000:>10.0f} ms "
            f"{d['requests']:>10} {d['errors']:>7} {d['rps']:>8.0f} {d['p50'] * 1000:>5.0f} ms {d['p95'] * 1000:>5.0f} ms "
            f"{statistics.median(r['kb']) * 1000:>12.1f} ms {pct(r['kb'], 95) * 1000:>9.1f} ms"
        )
        if d["sample_errors"]:
            print("   errors:", d["sample_errors"])
    if results:
        print(
            f"(KB page: 500 of {args.kb_entries} entries, {results[-1]['kb_bytes']} bytes gzip-decoded JSON)"
        )


def national(args) -> None:
    """``--rhythm-desks N``: N idle desks every ``--interval`` s for ``--rhythm-seconds``, then
    ``--burst`` of them at once; SQLite and/or PostgreSQL as for the default run."""
    from tests.bench import hub_rhythm

    backends = []
    if args.only != "postgres":
        backends.append(("SQLite", None))
    schema = None
    if args.postgres and args.only != "sqlite":
        import psycopg

        schema = f"hai_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(args.postgres, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        sep = "&" if "?" in args.postgres else "?"
        backends.append(
            ("PostgreSQL", f"{args.postgres}{sep}options={quote('-csearch_path=' + schema)}")
        )
    try:
        _national(args, backends, hub_rhythm)
    finally:
        if schema:
            import psycopg

            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _national(args, backends, hub_rhythm) -> None:
    for name, url in backends:
        server = Server(url, args.workers)
        try:
            admin = login(server.base, *ADMIN)
            tokens = setup_offices(server.base, admin, args.offices)
            t0 = time.perf_counter()
            fleet = hub_rhythm.make_desks(server.base + "", tokens, args.rhythm_desks)
            print(f"{name}: {len(fleet)} desks caught up in {time.perf_counter() - t0:.1f} s")
            runs = []
            for legacy in [True, False] if args.legacy_too else [False]:
                hub_rhythm.Desk.legacy = legacy
                label = "six-request idle sync (before)" if legacy else "one-request idle sync"
                r = hub_rhythm.rhythm(fleet, args.rhythm_seconds, args.interval)
                b = hub_rhythm.burst(fleet, min(args.burst, len(fleet)))
                runs.append((label, r, b))
        finally:
            server.stop()
        for label, r, b in runs:
            _print_national(name, args, label, r, b)


def _print_national(name: str, args, label: str, r: dict, b: dict) -> None:
    print(
        f"{name} workers={args.workers} pool={os.environ.get('HAI_DB_POOL_SIZE', 20)}, {label}:"
        f" rhythm {args.rhythm_desks} desks / {args.interval:.0f} s"
        f" for {r['wall']:.0f} s: {r['syncs']} idle syncs ({r['late']} late), {r['requests']}"
        f" requests, {r['errors']} errors, sync p50 {r['sync_p50'] * 1000:.0f} ms"
        f" p95 {r['sync_p95'] * 1000:.0f} ms, request p95 {r['req_p95'] * 1000:.0f} ms"
    )
    print(
        f"{name} burst {b['syncs']} at once: {b['errors']} errors, sync p50"
        f" {b['sync_p50'] * 1000:.0f} ms p95 {b['sync_p95'] * 1000:.0f} ms,"
        f" request p95 {b['req_p95'] * 1000:.0f} ms, all done in {b['wall']:.1f} s"
    )
    for res in (r, b):
        if res["sample_errors"]:
            print("   errors:", res["sample_errors"])


if __name__ == "__main__":
    main()
