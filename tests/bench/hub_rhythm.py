"""The national-scale part of ``bench_hub.py`` (issue 13): many desks at their sync rhythm.

- ``rhythm``: ``desks`` desks, each starting an *idle* sync every ``interval`` seconds
  (staggered evenly over the interval, as desks started through a morning would be) for
  ``seconds``. An idle sync is what a desk with nothing new does: the heartbeat with its
  cursors and reference ETag, answered ``unchanged`` for all (one request). ``Desk.legacy``:
  the desk before that (heartbeat, reference with ``If-None-Match`` → 304, and the four feeds
  from their cursors: six requests).
  Reported: syncs done and late, errors, p50/p95 of one sync (all its requests) and of one
  request.
- ``burst``: ``desks`` idle syncs started at the same moment.

Each sync runs in a bounded thread pool, one HTTP keep-alive session per desk.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

FEEDS = ("inquiries", "kb", "tickets", "broadcasts")


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Desk:
    """One desk's idle sync as HAI Desk does it: the heartbeat carries the feeds' cursors and
    the reference ETag, and only the feeds it does not name ``unchanged`` are asked for. With
    ``legacy`` the desk before that change: heartbeat, reference (304) and all four feeds."""

    legacy = False

    def __init__(self, base: str, headers: dict) -> None:
        self.base = base
        self.headers = dict(headers, **{"Accept-Encoding": "gzip"})
        self.session = requests.Session()
        self.cursors = dict.fromkeys(FEEDS, 0)
        self.etag: str | None = None
        self.device = str(uuid.uuid4())

    def sync(self, errors: list[str], request_times: list[float], lock: threading.Lock) -> float:
        """One sync pass; returns its duration."""
        t_sync = time.perf_counter()
        # A desk opens a new connection for each pass (its client lives for one pass), long
        # after the hub closed the last one (keep-alive 5 s against a 60 s rhythm).
        self.session.close()
        self.session = requests.Session()

        def call(method: str, path: str, ok=(200,), **kw):
            t0 = time.perf_counter()
            try:
                r = self.session.request(
                    method, self.base + path, headers=kw.pop("headers", self.headers),
                    timeout=60, **kw,
                )  # fmt: skip
                good = r.status_code in ok
            except requests.RequestException as exc:
                r, good = exc, False
            with lock:
                request_times.append(time.perf_counter() - t0)
                if not good:
                    errors.append(f"{method} {path}: {getattr(r, 'status_code', r)}")
            return r if good else None

        beat = {
            "device_id": self.device,
            "app_version": "0.1.0",
            "outbox_depth": 0,
            "client_time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        if not self.legacy:
            beat["cursors"] = dict(self.cursors)
            if self.etag:
                beat["reference_etag"] = self.etag
        r = call("POST", "/desks/heartbeat", json=beat)
        quiet = set((r.json().get("unchanged") or []) if r is not None else [])
        if "reference" not in quiet:
            headers = dict(self.headers)
            if self.etag:
                headers["If-None-Match"] = self.etag
            r = call("GET", "/reference", ok=(200, 304), headers=headers)
            if r is not None and r.headers.get("ETag"):
                self.etag = r.headers["ETag"]
        for feed in FEEDS:
            if feed in quiet:
                continue
            while True:
                r = call("GET", f"/{feed}/changes", params={"cursor": self.cursors[feed]})
                if r is None:
                    break
                page = r.json()
                self.cursors[feed] = page["next_cursor"]
                if not page["has_more"]:
                    break
        return time.perf_counter() - t_sync


def _summary(durations, request_times, errors, wall, late=0) -> dict:
    return {
        "syncs": len(durations),
        "late": late,
        "requests": len(request_times),
        "errors": len(errors),
        "sample_errors": errors[:3],
        "wall": wall,
        "sync_p50": pct(durations, 50),
        "sync_p95": pct(durations, 95),
        "req_p95": pct(request_times, 95),
    }


def make_desks(base: str, tokens: dict[str, dict], desks: int) -> list[Desk]:
    offices = list(tokens)
    fleet = [Desk(base, tokens[offices[n % len(offices)]]) for n in range(desks)]
    with ThreadPoolExecutor(max_workers=32) as pool:  # a first (catch-up) sync for each
        lock, errors, times = threading.Lock(), [], []
        list(pool.map(lambda d: d.sync(errors, times, lock), fleet))
    return fleet


def rhythm(fleet: list[Desk], seconds: float, interval: float, pool_size: int = 64) -> dict:
    lock = threading.Lock()
    durations: list[float] = []
    request_times: list[float] = []
    errors: list[str] = []
    late = 0
    busy: set[int] = set()
    step = interval / len(fleet)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=pool_size) as pool:

        def run(i: int) -> None:
            try:
                d = fleet[i].sync(errors, request_times, lock)
                with lock:
                    durations.append(d)
            finally:
                with lock:
                    busy.discard(i)

        k = 0
        while True:
            due = start + k * step
            if due - start >= seconds:
                break
            now = time.perf_counter()
            if due > now:
                time.sleep(due - now)
            i = k % len(fleet)
            with lock:
                if i in busy:
                    late += 1  # its previous sync still runs: a desk never overlaps itself
                    k += 1
                    continue
                busy.add(i)
            pool.submit(run, i)
            k += 1
    return _summary(durations, request_times, errors, time.perf_counter() - start, late)


def burst(fleet: list[Desk], count: int) -> dict:
    lock = threading.Lock()
    durations: list[float] = []
    request_times: list[float] = []
    errors: list[str] = []
    gate = threading.Barrier(count)

    def run(desk: Desk) -> None:
        gate.wait()
        d = desk.sync(errors, request_times, lock)
        with lock:
            durations.append(d)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(run, fleet[:count]))
    return _summary(durations, request_times, errors, time.perf_counter() - start)
