"""schemathesis against a live hub, once per role, with every check (issue 15).

A hub is started on a free loopback port (uvicorn in a thread of this process) on SQLite or
PostgreSQL; a user of each role signs in; then ``st run`` runs against
``/api/v1/openapi.json`` once per role with that role's token (every check, the stateful
phase on, the settings of ``schemathesis.toml`` beside this file), and once for
``/auth/logout`` alone with a token of its own (logging out revokes the token a run signs
in with). The runs share one schemathesis process (``st_batch.py``); the failures of each
come from its JSON report.

    .venv/bin/python tests/bench/run_schemathesis.py                 # every operation per role, -n 40
    .venv/bin/python tests/bench/run_schemathesis.py --quick         # CI's: each operation once, -n 2, no coverage
    .venv/bin/python tests/bench/run_schemathesis.py --db postgres   # HAI_TEST_POSTGRES_URL
    .venv/bin/python tests/bench/run_schemathesis.py --roles admin -n 100 --keep DIR

``--quick`` gives each operation to one role its ``x-roles`` allows (balanced), so every
operation is exercised by a role that may use it. ``tests/central/test_fuzz.py`` calls
:func:`run_all` in the quick mode (``HAI_FUZZ=full`` gives it the full run's settings).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ROLES = ("cso", "agent", "broadcaster", "supervisor", "admin")
ADMIN_EMAIL = "admin@kemenkeu.go.id"
ADMIN_PASSWORD = "admin-password-1"
PASSWORD = "password-123"
LOGOUT = "/api/v1/auth/logout"
CONFIG = Path(__file__).with_name("schemathesis.toml")
ALL_PHASES = "examples,coverage,fuzzing,stateful"


@dataclass(frozen=True)
class Mode:
    """How hard each run tries."""

    max_examples: int
    phases: str = ALL_PHASES
    max_time: int | None = None  # seconds per role run (fuzzing/stateful repeat until spent)
    seed: int = 1
    workers: int = 1
    # True: every role runs every operation (a forbidden one answers 403). False: each
    # operation runs once, with one of the roles the document lets use it (x-roles).
    every_operation: bool = True


FULL = Mode(max_examples=40)
# CI's: each operation once, no coverage phase (its boundary cases of the long texts cost
# minutes per database; the full run has it).
QUICK = Mode(max_examples=2, phases="examples,fuzzing,stateful", every_operation=False)


@dataclass
class RoleResult:
    role: str
    failures: int  # distinct failures (check x operation x status) the report lists
    operations: int  # operations the run reached
    cases: int  # requests sent
    seconds: float
    exit_code: int
    details: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.role:12s} failures={self.failures:3d} operations={self.operations:3d} "
            f"cases={self.cases:5d} {self.seconds:6.1f}s exit={self.exit_code}"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_hub(database_url: str | None, data_dir: Path) -> Iterator[str]:
    """A hub serving on loopback for the ``with`` block; yields its base URL."""
    import uvicorn

    from hai_central.main import create_app
    from hai_central.settings import Settings
    from hai_central.store import db as store

    settings = Settings(
        data_dir=data_dir,
        database_url=database_url,
        bootstrap_admin_email=ADMIN_EMAIL,
        bootstrap_admin_password=ADMIN_PASSWORD,
        argon2_fast=True,
        environment="test",
        # The fuzzer signs in wrongly on purpose: no throttling of the run's own sign-ins.
        login_max_failures=10**9,
    )
    app = create_app(settings)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fuzz-hub", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fuzz hub did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        store.current_db().close_all()


def _call(base: str, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
    import httpx

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    r = httpx.request(method, base + path, json=body, headers=headers, timeout=30)
    if r.status_code >= 300:
        raise RuntimeError(f"{method} {path}: {r.status_code} {r.text[:300]}")
    return r.json()


def login(base: str, email: str, password: str) -> str:
    body = {"email": email, "password": password, "device_id": str(uuid.uuid4())}
    return _call(base, "POST", "/api/v1/auth/token", body=body)["access_token"]


def seed(base: str) -> dict[str, str]:
    """Offices, a user per role, a token per role (and one for logout), some records."""
    admin = login(base, ADMIN_EMAIL, ADMIN_PASSWORD)
    _call(
        base,
        "POST",
        "/api/v1/admin/offices",
        admin,
        {"code": "KPPN-A", "name": "KPPN A", "kind": "KPPN", "parent_code": "PUSAT"},
    )
    tokens = {"admin": admin}
    for role in ROLES:
        if role == "admin":
            continue
        email = f"fuzz.{role}@kemenkeu.go.id"
        _call(
            base,
            "POST",
            "/api/v1/admin/users",
            admin,
            {
                "email": email,
                "name": f"Fuzz {role}",
                "password": PASSWORD,
                "role": role,
                "office_code": "KPPN-A" if role == "cso" else "PUSAT",
            },
        )
        tokens[role] = login(base, email, PASSWORD)
    tokens["logout"] = login(base, "fuzz.cso@kemenkeu.go.id", PASSWORD)
    return tokens


def assign_operations(doc: dict[str, Any], roles: tuple[str, ...]) -> dict[str, list[str]]:
    """Operation ids per role, each operation once, with a role the document's ``x-roles``
    allows (no sign-in: any role); the operations with the fewest allowed roles go first,
    each to the allowed role with the fewest so far (balanced runs)."""
    ops = [
        (op.get("x-roles") or list(roles), op["operationId"])
        for path, item in doc["paths"].items()
        if path != LOGOUT
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]
    assigned: dict[str, list[str]] = {role: [] for role in roles}
    for allowed, op_id in sorted(ops, key=lambda o: (len(o[0]), o[1])):
        candidates = [r for r in roles if r in allowed] or list(roles)
        role = min(candidates, key=lambda r: (len(assigned[r]), roles.index(r)))
        assigned[role].append(op_id)
    return assigned


def st_args(
    base: str, role: str, token: str, mode: Mode, report: Path, operation_ids: list[str] | None
) -> list[str]:
    """The arguments of one ``st`` run with ``token`` (on ``operation_ids`` only, when
    given; the logout run on ``/auth/logout`` alone)."""
    args = [
        "--config-file",
        str(CONFIG),
        "run",
        f"{base}/api/v1/openapi.json",
        "-H",
        f"Authorization: Bearer {token}",
        "--checks",
        "all",
        "-n",
        str(mode.max_examples),
        "--phases",
        mode.phases,
        "--seed",
        str(mode.seed),
        "-w",
        str(mode.workers),
        "--suppress-health-check",
        "all",
        "--report",
        "json",
        "--report-json-path",
        str(report),
        "--warnings",
        "off",
    ]
    if mode.max_time:
        args += ["--max-time", str(mode.max_time)]
    if role == "logout":
        args += ["--include-path", LOGOUT]
    elif operation_ids is not None:
        for op_id in operation_ids:
            args += ["--include-operation-id", op_id]
    else:
        args += ["--exclude-path", LOGOUT]
    return args


def run_roles(jobs: list[tuple[str, list[str]]], report_dir: Path) -> list[RoleResult]:
    """The runs of ``jobs`` ((role, st arguments)) in order, in one process of their own
    (tests/bench/st_batch.py: schemathesis starts once)."""
    batch = [
        {"name": role, "args": args, "out": str(report_dir / f"{role}.out")} for role, args in jobs
    ]
    jobs_file = report_dir / "jobs.json"
    jobs_file.write_text(json.dumps(batch))
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("st_batch.py")), str(jobs_file)],
        cwd=report_dir,
        check=False,
    )
    results = []
    for role, _ in jobs:
        done = report_dir / f"{role}.exit"
        code, seconds = done.read_text().split() if done.exists() else ("-1", "0")
        results.append(summarize(role, report_dir / f"{role}.json", int(code), float(seconds)))
    return results


def summarize(role: str, report: Path, exit_code: int, seconds: float) -> RoleResult:
    if not report.exists():
        return RoleResult(role, -1, 0, 0, seconds, exit_code, [{"error": "no report"}])
    data = json.loads(report.read_text())
    cases = data.get("test_cases") or {}
    return RoleResult(
        role,
        failures=int(cases.get("unique_failures") or 0) + len(data.get("errors") or []),
        operations=int((data.get("operations") or {}).get("tested") or 0),
        cases=int(cases.get("generated") or 0),
        seconds=seconds,
        exit_code=exit_code,
        details=[
            {"code": f.get("code"), "title": f.get("title"), "operations": f.get("operations")}
            for f in data.get("failures") or []
        ]
        + [{"error": e} for e in data.get("errors") or []],
    )


def run_all(
    database_url: str | None,
    mode: Mode,
    roles: tuple[str, ...] = ROLES + ("logout",),
    keep: Path | None = None,
) -> list[RoleResult]:
    """A fresh hub on ``database_url`` (None: SQLite), one run per role."""
    work = keep or Path(tempfile.mkdtemp(prefix="hai-st-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        with live_hub(database_url, work / "hub") as base:
            tokens = seed(base)
            ops: dict[str, list[str]] = {}
            if not mode.every_operation:
                doc = _call(base, "GET", "/api/v1/openapi.json")
                ops = assign_operations(doc, tuple(r for r in roles if r != "logout"))
            jobs = [
                (
                    role,
                    st_args(base, role, tokens[role], mode, work / f"{role}.json", ops.get(role)),
                )
                for role in roles
            ]
            return run_roles(jobs, work)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--quick", action="store_true", help="CI's settings")
    p.add_argument("-n", "--max-examples", type=int)
    p.add_argument("--max-time", type=int)
    p.add_argument("--phases")
    p.add_argument("--seed", type=int)
    p.add_argument("--roles", default=",".join(ROLES + ("logout",)))
    p.add_argument("--keep", type=Path, help="keep the reports (and the hub's data) here")
    args = p.parse_args(argv)
    mode = QUICK if args.quick else FULL
    mode = Mode(
        max_examples=args.max_examples or mode.max_examples,
        phases=args.phases or mode.phases,
        max_time=args.max_time or mode.max_time,
        seed=args.seed if args.seed is not None else mode.seed,
        every_operation=mode.every_operation,
    )
    url = None
    if args.db == "postgres":
        url = postgres_url()
    start = time.monotonic()
    results = run_all(url, mode, tuple(args.roles.split(",")), args.keep)
    for r in results:
        print(r.line())
        for d in r.details:
            print("   ", json.dumps(d, ensure_ascii=False)[:600])
    print(
        f"{args.db}: total failures {sum(max(r.failures, 0) for r in results)} "
        f"in {time.monotonic() - start:.0f}s ({mode})"
    )
    return 0 if all(r.failures == 0 for r in results) else 1


def postgres_url() -> str:
    """A fresh schema on HAI_TEST_POSTGRES_URL (dropped at exit)."""
    import atexit
    from urllib.parse import quote

    import psycopg

    base = os.environ.get("HAI_TEST_POSTGRES_URL") or "postgresql://postgres@127.0.0.1:5432/test"
    name = f"hai_fuzz_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    atexit.register(drop)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote('-csearch_path=' + name)}"


if __name__ == "__main__":
    sys.exit(main())
