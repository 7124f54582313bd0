"""schemathesis against the hub's own OpenAPI document (SQLite, bounded examples).

Every operation gets up to 20 generated requests, signed in with a role allowed to use it; the checks are:
no 5xx, a documented status code, the documented content type, a body that fits the schema.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hai_central.store import db as store
from tests.central.conftest import _make_hub

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# The schema must exist when pytest collects the tests, so the fuzz hub is made at import
# time in a temporary folder (removed at the end of the module).
_DATA_DIR = Path(tempfile.mkdtemp(prefix="hai-fuzz-"))
_HUB = _make_hub(_DATA_DIR, None, "sqlite")
_DB = store.current_db()
atexit.register(shutil.rmtree, _DATA_DIR, True)  # also when this module's tests are deselected
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _HUB.app).exclude(
    path="/api/v1/auth/logout"
)  # logging out would revoke the token the run signs in with


@pytest.fixture(scope="module")
def fuzz_hub():
    store.bind(_DB)  # other tests rebound the models meanwhile
    _HUB.tokens = {
        "admin": _HUB.admin,
        "agent": _HUB.user("agent"),
        "broadcaster": _HUB.user("broadcaster"),
        "cso": _HUB.user("cso", "KPPN-A"),
    }
    yield _HUB
    _HUB.client.close()
    _DB.close_all()
    shutil.rmtree(_DATA_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, fuzz_hub):
    case.call_and_validate(headers=fuzz_hub.tokens[role_for(case.method, case.path)], checks=CHECKS)


def role_for(method: str, path: str) -> str:
    """Sign in with the role that may use the operation, so requests get past the 403."""
    method = method.upper()
    if path.startswith("/api/v1/review") or (
        path.startswith("/api/v1/kb")
        and method in ("POST", "PUT", "DELETE")
        and not path.endswith("/feedback")
    ):
        return "agent"
    if path.startswith("/api/v1/tickets/{ticket_id}") and method == "PATCH":
        return "agent"
    if (
        path.startswith("/api/v1/broadcasts")
        and method == "POST"
        and not path.endswith("/receipts")
        or path.endswith("}/receipts")
    ):
        return "broadcaster"
    if path.startswith(
        (
            "/api/v1/inquiries",
            "/api/v1/tickets",
            "/api/v1/attachments",
            "/api/v1/desks/heartbeat",
            "/api/v1/kb",
            "/api/v1/broadcasts",
        )
    ):
        return "cso"
    return "admin"
