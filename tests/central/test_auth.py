"""Sign-in, tokens, throttling, bootstrap admin, logging without personal data."""

from __future__ import annotations

import logging
import time

import pytest

from hai_central.store import db as store
from hai_central.store.models import AuthToken
from tests.central.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD, inquiry


def test_login_returns_token_and_user(hub):
    r = hub.client.post(
        "/api/v1/auth/token",
        json={
            "email": ADMIN_EMAIL,
            "password": ADMIN_PASSWORD,
            "device_id": "d1",
            "device_name": "PC",
        },
    )
    body = r.json()
    assert r.status_code == 200 and body["token_type"] == "bearer"
    assert body["user"]["role"] == "admin" and body["user"]["office"]["code"] == "PUSAT"
    assert body["expires_at"].endswith("Z")
    with store.session():
        hashes = [t.token_hash for t in AuthToken.select()]
    assert body["access_token"] not in hashes and len(hashes[0]) == 64  # stored hashed


def test_all_login_failures_look_the_same(hub):
    hub.user("cso", "KPPN-A", email="budi@kemenkeu.go.id")
    c = hub.client
    answers = [
        c.post(
            "/api/v1/auth/token", json={"email": "budi@kemenkeu.go.id", "password": "wrong-one"}
        ),
        c.post("/api/v1/auth/token", json={"email": "nobody@kemenkeu.go.id", "password": PASSWORD}),
        c.post("/api/v1/auth/token", json={"email": "budi@gmail.com", "password": PASSWORD}),
    ]
    assert {r.status_code for r in answers} == {401}
    assert len({r.json()["error"]["message"] for r in answers}) == 1


def test_login_throttled_after_ten_failures(hub):
    c = hub.client
    for _ in range(10):
        assert (
            c.post(
                "/api/v1/auth/token", json={"email": ADMIN_EMAIL, "password": "bad-pass"}
            ).status_code
            == 401
        )
    r = c.post("/api/v1/auth/token", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert r.json()["error"]["code"] == "too_many_requests"


def test_logout_revokes_token(hub):
    h = hub.user("cso", "KPPN-A")
    assert hub.client.get("/api/v1/kb/changes", headers=h).status_code == 200
    assert hub.client.post("/api/v1/auth/logout", headers=h).status_code == 200
    assert hub.client.get("/api/v1/kb/changes", headers=h).status_code == 401


def test_expired_token_is_refused(hub):
    h = hub.user("cso", "KPPN-A")
    with store.transaction():
        AuthToken.update(expires_at=1).execute()
    assert hub.client.get("/api/v1/kb/changes", headers=h).status_code == 401


def test_deactivated_user_loses_access(hub):
    h = hub.user("cso", "KPPN-A", email="ani@kemenkeu.go.id")
    users = hub.client.get("/api/v1/admin/users", headers=hub.admin).json()["items"]
    uid = next(u["id"] for u in users if u["email"] == "ani@kemenkeu.go.id")
    r = hub.client.patch(f"/api/v1/admin/users/{uid}", headers=hub.admin, json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    assert hub.client.get("/api/v1/kb/changes", headers=h).status_code == 401


def test_admin_users_and_offices(hub):
    c = hub.client
    hub.office("KPPN-X")
    r = c.post(
        "/api/v1/admin/offices",
        headers=hub.admin,
        json={"code": "KPPN-X", "name": "X", "kind": "KPPN"},
    )
    assert r.status_code == 409
    r = c.post(
        "/api/v1/admin/users",
        headers=hub.admin,
        json={
            "email": "x@gmail.com",
            "name": "X",
            "password": PASSWORD,
            "role": "cso",
            "office_code": "KPPN-X",
        },
    )
    assert r.status_code == 422 and r.json()["error"]["details"]["field"] == "email"
    body = {
        "email": "x@kemenkeu.go.id",
        "name": "X",
        "password": PASSWORD,
        "role": "cso",
        "office_code": "KPPN-X",
    }
    assert c.post("/api/v1/admin/users", headers=hub.admin, json=body).status_code == 201
    assert c.post("/api/v1/admin/users", headers=hub.admin, json=body).status_code == 409
    cso = hub.login("x@kemenkeu.go.id")
    assert (
        c.post(
            "/api/v1/admin/offices", headers=cso, json={"code": "Y", "name": "Y", "kind": "KPPN"}
        ).status_code
        == 403
    )


@pytest.mark.parametrize("backend_url", ["sqlite"], indirect=True)
def test_bootstrap_admin_only_once(hub):
    from hai_central.services import auth

    assert auth.ensure_bootstrap_admin("second@kemenkeu.go.id", "another-pass") is False


def test_logs_carry_no_personal_data_or_tokens(hub, caplog):
    caplog.set_level(logging.DEBUG)
    h = hub.user("cso", "KPPN-A", email="rahasia@kemenkeu.go.id")
    token = h["Authorization"].split()[1]
    hub.client.post("/api/v1/inquiries/batch", headers=h, json={"items": [inquiry("KPPN-A")]})
    hub.client.post(
        "/api/v1/auth/token", json={"email": "rahasia@kemenkeu.go.id", "password": "wrong-pass"}
    )
    text = caplog.text
    assert "request_id=" in text  # the access log ran
    for secret in ("rahasia", token, "Siti Rahayu", "08123456789", PASSWORD):
        assert secret not in text


def test_parallel_wrong_passwords_check_at_most_the_limit(hub, monkeypatch):
    """Issue 7.9: 40 parallel wrong passwords used to get 28 checked (150 → 29). The attempt
    is counted in the database before the check, so at most 10 are ever checked."""
    import threading

    from hai_central import security
    from hai_central.errors import ApiError
    from hai_central.services import auth as auth_service

    checked: list[int] = []
    original = security.verify_password

    def slow_verify(password_hash, password):
        checked.append(1)
        time.sleep(0.05)  # widen the race: many requests inside the check at once
        return original(password_hash, password)

    monkeypatch.setattr(security, "verify_password", slow_verify)
    answers: list[int] = []
    start = threading.Barrier(40)

    def attempt(i: int) -> None:
        start.wait()
        try:
            auth_service.login(
                ADMIN_EMAIL, "bad-pass", None, None, f"10.0.0.{i}",
                ttl_hours=1, max_failures=10, window=900,
            )  # fmt: skip
        except ApiError as err:
            answers.append(err.status)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(answers) == 40
    assert len(checked) <= 10, f"{len(checked)} passwords checked"
    assert answers.count(401) == len(checked) and answers.count(429) == 40 - len(checked)
    # The right password is refused too until the window passes.
    r = hub.client.post(
        "/api/v1/auth/token", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
    )
    assert r.status_code == 429
