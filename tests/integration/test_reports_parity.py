"""Desk and hub agree on the monthly report, and a wrong desk clock moves no record into
another month (issue 11 "Desk and hub agree", issue 7.10), with the real hub on loopback."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hai_contract import reports as rules
from hai_desktop.core import clock, reports
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from tests import report_data
from tests.integration.hub_harness import Hub, close_bound, make_desk

REPO = Path(__file__).resolve().parents[2]


def hub_report(hub: Hub, account, month: str) -> dict:
    client = HubClient(hub.url, timeout=30)
    client.token(account.email, account.password, str(uuid.uuid4()), "uji-laporan")
    try:
        return client.monthly_report(month)
    finally:
        client.close()


def this_month() -> str:
    return rules.month_of(datetime.now(UTC), rules.DEFAULT_ZONE)


def test_desk_figures_equal_the_hubs(hub, tmp_path):
    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    clock.forget()
    month = rules.shift_month(this_month(), -1)
    rng = random.Random(5)
    db = database_proxy.obj
    report_data.insert(db, account.office_code, report_data.month_times(month, 400, rng), 5, True)
    before = rules.shift_month(month, -1)
    report_data.insert(db, account.office_code, report_data.month_times(before, 90, rng), 6, True)
    # The edges of the month in the office's zone (WIB): 30 s inside and outside each end.
    start, end = rules.month_bounds_utc(month, rules.DEFAULT_ZONE)
    edges = [start + timedelta(seconds=30), end - timedelta(seconds=30)]
    edges += [start - timedelta(seconds=30), end + timedelta(seconds=30)]
    stamps = [t.strftime("%Y-%m-%dT%H:%M:%S.000Z") for t in edges]
    report_data.insert(db, account.office_code, stamps, 7, True)
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.error
    desk = reports.monthly(month, account.office_code)
    hub_figures = hub_report(hub, account, month)
    assert desk["inquiries"] == 402 and desk["previous_inquiries"] == 91
    for key, value in desk.items():
        if key in rules.TICKET_KEYS and value is None:
            continue  # the desk has no ticket data yet; the hub's are its own
        assert hub_figures[key] == value, key
    close_bound()


FAKED_DESK = textwrap.dedent(
    """
    import sys
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.core.sync.engine import SyncEngine
    from hai_desktop.core.profile_store import get_profile
    from tests.integration.test_sync_reliability import save_many

    def reports_office():
        return get_profile().office_code

    paths = ProfilePaths.for_dir(sys.argv[1])
    open_database(paths.database)
    save_many(3, "Sebelum sinkron")  # no offset measured yet: filled before the push
    assert SyncEngine(paths).run_once(force=True).ok
    save_many(2, "Sesudah sinkron")  # stamped with the measured offset at save
    assert SyncEngine(paths).run_once(force=True).ok
    # The desk's own report, under the same wrong clock: its month is the hub's.
    from hai_desktop.core import reports
    month = reports.current_month("Asia/Jakarta")
    print(month, reports.monthly(month, reports_office())["inquiries"])
    """
)


@pytest.mark.parametrize(
    "fake", ["2031-06-15 10:00:00", "2019-03-10 09:00:00", "1970-01-02 10:00:00"]
)
def test_a_wrong_desk_clock_moves_no_record_into_another_month(hub, tmp_path, fake):
    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    close_bound()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        ["faketime", fake, sys.executable, "-c", FAKED_DESK, str(paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    faked_month = fake[:7]
    month = this_month()
    assert hub_report(hub, account, month)["inquiries"] == 5
    assert hub_report(hub, account, faked_month)["inquiries"] == 0
    assert done.stdout.split()[-2:] == [month, "5"], done.stdout


def test_a_supervisors_desk_reports_any_office_and_a_kanwil_rolled_up(hub, tmp_path, qtbot):
    """Hub roles pick an office, or a Kanwil with its KPPNs, on the Laporan screen: the
    figures come from the hub and equal the office's own desk's."""
    from hai_desktop.core import reports_hub
    from hai_desktop.gui.tasks import TaskManager
    from hai_desktop.gui.views.report_view import SCOPE_COMBO, ReportView
    from tests.integration.hub_harness import API, CsoAccount

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    clock.forget()
    month = rules.shift_month(this_month(), -1)
    db = database_proxy.obj
    report_data.insert(
        db, account.office_code, report_data.month_times(month, 120, random.Random(9)), 9, True
    )
    assert SyncEngine(paths).run_once(force=True).ok
    desk = reports.monthly(month, account.office_code)
    close_bound()

    email = f"sup.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    r = hub.admin().post(
        hub.url + API + "/admin/users",
        json={"email": email, "name": "Supervisor Uji", "password": "Supervisi#2026",
              "role": "supervisor", "office_code": "PUSAT"},
        timeout=30,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    sup = make_desk(tmp_path / "sup", hub.url, CsoAccount(email, "Supervisi#2026", "PUSAT"))
    assert reports_hub.can_choose_office()
    scopes = {s.code: s for s in reports_hub.scopes()}
    office = scopes[account.office_code]
    kanwil = next(s for s in reports_hub.scopes() if s.rollup and s.code == _kanwil_of(office))
    assert reports_hub.monthly(sup, month, office)["inquiries"] == desk["inquiries"] == 120
    rolled = reports_hub.monthly(sup, month, kanwil)
    assert account.office_code in rolled["office_codes"] and rolled["inquiries"] >= 120

    tasks = TaskManager()
    try:
        view = ReportView(tasks, "PUSAT", paths=sup, hub_scopes=reports_hub.scopes())
        qtbot.addWidget(view)
        combo = view.findChild(type(view.month), SCOPE_COMBO)
        assert not combo.isHidden()
        view.month.setCurrentIndex(view.month.findData(month))
        with qtbot.waitSignal(view.loaded, timeout=20_000) as sig:
            combo.setCurrentIndex(combo.findData(office.code))
        shown = sig.args[0]
        for key, value in desk.items():
            if key in rules.TICKET_KEYS and value is None:
                continue
            assert shown[key] == value, key
        assert not view.buttons["csv"].isEnabled() and view.buttons["xlsx"].isEnabled()
    finally:
        tasks.shutdown()
        close_bound()


def _kanwil_of(scope) -> str:
    from hai_desktop.core import reference

    return next(o for o in reference.items("offices") if o["code"] == scope.code)["parent_code"]
