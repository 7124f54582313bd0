"""The reference data's feed: the whole set, fetched again only when its ETag changed."""

from __future__ import annotations

from hai_desktop.core import reference
from hai_desktop.core.sync import registry

FEED = "reference"


def pull(client) -> int:
    """``GET /reference`` with the stored ETag; 1 when a new set was stored, else 0."""
    payload, etag = client.reference(reference.reference_etag())
    if payload is None:
        return 0
    reference.replace_reference(payload, etag)
    return 1


def heartbeat_fields() -> dict[str, str | None]:
    """What the heartbeat sends so that the hub can say the stored set is current."""
    return {"reference_etag": reference.reference_etag()}


registry.register_feed(registry.Feed(name=FEED, pull=pull, order=10, heartbeat=heartbeat_fields))
