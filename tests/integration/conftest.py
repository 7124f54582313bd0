"""Fixtures of the desk ↔ real hub tests: a hub per module (a subprocess on loopback), a
fresh office with its CSO per test, and the fault proxy in front of the hub.

A module that needs another hub (another scope or settings) defines its own ``hub``.
"""

from __future__ import annotations

import pytest

from tests.integration.fault_proxy import FaultProxy
from tests.integration.hub_harness import Hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    h = Hub(tmp_path_factory.mktemp("hub")).start()
    yield h
    h.stop()


@pytest.fixture()
def account(hub):
    return hub.create_office_with_cso()


@pytest.fixture()
def proxy(hub):
    p = FaultProxy(hub.url).start()
    yield p
    p.stop()
