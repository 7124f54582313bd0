"""The demo's full month for the Laporan screen (issue 11): the committed file is the
generator's output, every working day of November 2026 has visitors, October is there for
the month-on-month change, and the demo loads it."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

from hai_contract.reference import reference_path
from hai_desktop.core import demo_seed

DEMO_DIR = Path(__file__).resolve().parents[3] / "hai_desktop" / "resources" / "demo"


def _module():
    spec = importlib.util.spec_from_file_location("make_demo_data", DEMO_DIR / "make_demo_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_month_file_is_the_generators_output():
    module = _module()
    kb = module.demo_kb.build_kb(json.loads(reference_path().read_text("utf-8")))
    month = module.demo_inquiries.build_month(kb)
    assert month == json.loads((DEMO_DIR / "month_inquiries.json").read_text("utf-8"))
    days = {i["created_at"][:10] for i in month}
    nov_working = {
        date(2026, 11, d).isoformat() for d in range(1, 31) if date(2026, 11, d).weekday() < 5
    }
    # created_at is UTC: a 07:xx WIB visit is the same UTC day (WIB is UTC+7, hours from 8)
    assert nov_working <= days
    assert any(d.startswith("2026-10") for d in days)
    assert all(i["visitor"]["email"].endswith("@example.com") for i in month)
    assert len({i["id"] for i in month}) == len(month)
    assert {i["outcome"] for i in month} <= {"answered", "out_of_scope"}


def test_demo_loads_the_month():
    data = demo_seed.load_demo_data()
    month = json.loads((DEMO_DIR / "month_inquiries.json").read_text("utf-8"))
    assert len(data["inquiries"]) == 20 + len(month)
    assert sum(1 for i in data["inquiries"] if i["created_at"].startswith("2026-11")) > 200
