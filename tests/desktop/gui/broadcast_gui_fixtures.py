"""Broadcasts for the GUI tests: a signed-in CSO, the demo's four kinds of notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hai_desktop.core import broadcasts
from tests.desktop.core.broadcast_fixtures import Signer, iso, sign_in_as_cso


def apply(*items) -> int:
    with broadcasts.database_proxy.obj.atomic():
        return broadcasts.apply_feed(list(items))


def signed_in() -> Signer:
    signer = Signer()
    sign_in_as_cso(signer)
    return signer


def demo_set(signer: Signer) -> dict[str, dict]:
    """An urgent outage, an info notice, a service change and a data request (as the demo)."""
    now = datetime.now(UTC)
    items = {
        "info": signer.item(
            title="Jadwal akhir tahun anggaran", published=now - timedelta(hours=5)
        ),
        "change": signer.item(
            kind="service_change",
            title="Layanan konsultasi tatap muka pindah ke lantai 2",
            published=now - timedelta(hours=4),
        ),
        "request": signer.item(
            kind="data_request",
            title="Permintaan data: rekap pertanyaan SPAN November",
            reply_requested=True,
            reply_due=iso(now + timedelta(days=7)),
            published=now - timedelta(hours=3),
        ),
        "outage": signer.outage(
            title="Gangguan SPAN dan SAKTI",
            urgency="urgent",
            affected_applications=["SPAN", "SAKTI"],
            body="SPAN dan SAKTI tidak dapat diakses sejak 08.00 WIB. Tim teknis menangani.",
            valid_until=iso(now + timedelta(hours=6)),
            published=now - timedelta(minutes=30),
        ),
    }
    apply(*items.values())
    return items
