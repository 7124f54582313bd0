"""The centre's web console (/console/) through the app: sign-in, roles, CSRF, session
expiry and cookies, the 404 page, the demo's console address, the similarity helper.
(The agent screens: test_console_agent.py.)"""

from __future__ import annotations

import re
import uuid

import pytest

from hai_central.store import db as store
from hai_central.store.models import ConsoleSession
from tests.central.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD

TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_user(hub, role: str, office: str = "PUSAT") -> str:
    """A user of ``role`` (office created if needed); returns the e-mail."""
    email = f"{role}.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    hub.user(role, office, email=email)
    return email


def csrf_of(html: str) -> str:
    match = TOKEN_RE.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def console_login(client, email: str, password: str = PASSWORD, next_path: str = "/console/"):
    page = client.get("/console/login")
    return client.post(
        "/console/login",
        data={
            "email": email,
            "password": password,
            "csrf_token": csrf_of(page.text),
            "next": next_path,
        },
        follow_redirects=False,
    )


def signed_in(hub, role: str = "agent"):
    """The hub's client signed into the console as a new user of ``role``."""
    return signed_in_as(hub, make_user(hub, role))


def signed_in_as(hub, email: str):
    r = console_login(hub.client, email)
    assert r.status_code == 303, r.text
    return hub.client


def test_sign_in_sets_a_strict_cookie_and_shows_the_role_menu(sqlite_hub):
    c = sqlite_hub.client
    r = c.get("/console/?x=1", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login?next=")
    page = c.get("/console/login")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert '<label for="email">' in page.text and '<label for="password">' in page.text
    r = console_login(c, ADMIN_EMAIL, ADMIN_PASSWORD, "/console/")
    assert r.status_code == 303 and r.headers["location"] == "/console/"
    cookie = r.headers["set-cookie"]
    assert "hai_console=" in cookie and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower() and "Secure" not in cookie
    home = c.get("/console/")
    assert home.status_code == 200 and "Selamat datang" in home.text
    assert "no-store" in home.headers["cache-control"]


def test_wrong_password_same_page_and_throttled_like_the_api(sqlite_hub):
    c = sqlite_hub.client
    r = console_login(c, ADMIN_EMAIL, "salah-sekali")
    assert r.status_code == 401 and "E-mail atau kata sandi salah" in r.text
    for _ in range(10):
        console_login(c, ADMIN_EMAIL, "salah-sekali")
    r = console_login(c, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert r.status_code == 429 and "Terlalu banyak percobaan" in r.text
    # The API shares the throttle: the same account is refused there too.
    api = c.post("/api/v1/auth/token", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert api.status_code == 429


def test_cso_is_refused_with_a_clear_page(sqlite_hub):
    email = make_user(sqlite_hub, "cso", "KPPN-CONSOLE")
    r = console_login(sqlite_hub.client, email)
    assert r.status_code == 403
    assert "Akun CSO tidak dapat memakai konsol" in r.text
    assert "hai_console=" not in r.headers.get("set-cookie", "")
    with store.session():
        assert ConsoleSession.select().count() == 0


def test_each_page_checks_the_role(sqlite_hub):
    c = signed_in(sqlite_hub, "broadcaster")
    r = c.get("/console/review")
    assert r.status_code == 403 and "Halaman ini hanya untuk peran" in r.text
    assert c.get("/console/").status_code == 200


def test_post_without_csrf_token_is_refused(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    r = c.post("/console/logout", data={})
    assert r.status_code == 403 and "Formulir ini tidak dapat diterima" in r.text
    r = c.post("/console/logout", data={"csrf_token": "palsu"})
    assert r.status_code == 403
    # The right token from another site's page is still refused (Origin check).
    token = csrf_of(c.get("/console/").text)
    r = c.post(
        "/console/logout", data={"csrf_token": token}, headers={"Origin": "http://evil.example"}
    )
    assert r.status_code == 403
    assert c.get("/console/").status_code == 200  # still signed in
    # A login form without its token is refused as well.
    r = c.post("/console/login", data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert r.status_code == 403


def test_sign_out_ends_the_session(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    cookie = c.cookies.get("hai_console")
    token = csrf_of(c.get("/console/").text)
    r = c.post("/console/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    c.cookies.set("hai_console", cookie, path="/console")  # a copied cookie is dead too
    assert c.get("/console/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("limit", ["idle", "absolute"])
def test_session_expires_idle_and_absolute(hub, limit):
    c = signed_in(hub, "agent")
    assert c.get("/console/").status_code == 200
    with store.transaction():
        row = ConsoleSession.select().first()
        if limit == "idle":
            idle = int(hub.settings.console_idle_minutes * 60)
            row.last_seen_at -= idle + 1
        else:
            row.expires_at = row.created_at
        row.save()
    r = c.get("/console/", follow_redirects=False)
    assert r.status_code == 303 and "/console/login" in r.headers["location"]


def test_api_token_is_no_console_session(sqlite_hub):
    headers = sqlite_hub.login(ADMIN_EMAIL, ADMIN_PASSWORD)
    token = headers["Authorization"].split()[1]
    sqlite_hub.client.cookies.set("hai_console", token, path="/console")
    assert sqlite_hub.client.get("/console/", follow_redirects=False).status_code == 303


def test_console_cookie_is_no_api_token(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    secret = c.cookies.get("hai_console")
    r = c.get("/api/v1/kb/changes", headers={"Authorization": f"Bearer {secret}"})
    assert r.status_code == 401


def test_changed_account_loses_its_console_session(sqlite_hub):
    email = make_user(sqlite_hub, "agent")
    c = signed_in_as(sqlite_hub, email)
    user_id = next(
        u["id"]
        for u in sqlite_hub.client.get("/api/v1/admin/users", headers=sqlite_hub.admin).json()[
            "items"
        ]
        if u["email"] == email
    )
    r = sqlite_hub.client.patch(
        f"/api/v1/admin/users/{user_id}", headers=sqlite_hub.admin, json={"role": "cso"}
    )
    assert r.status_code == 200, r.text
    assert c.get("/console/", follow_redirects=False).status_code == 303


def test_secure_cookie_behind_tls_proxy(sqlite_hub):
    sqlite_hub.settings.console_trust_forwarded_proto = True
    c = sqlite_hub.client
    page = c.get("/console/login")
    r = c.post(
        "/console/login",
        data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD, "csrf_token": csrf_of(page.text)},
        headers={"X-Forwarded-Proto": "https"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]


def test_unknown_console_page_is_a_404_page_and_static_files_load(sqlite_hub):
    r = sqlite_hub.client.get("/console/tidak-ada")
    assert r.status_code == 404 and "Halaman tidak ditemukan" in r.text
    css = sqlite_hub.client.get("/console/static/console.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert css.headers["x-content-type-options"] == "nosniff"


def test_open_redirect_after_sign_in_is_refused(sqlite_hub):
    r = console_login(sqlite_hub.client, ADMIN_EMAIL, ADMIN_PASSWORD, "//evil.example/x")
    assert r.headers["location"] == "/console/"


def test_demo_prints_the_console_address(capsys):
    from hai_desktop.cli_demo import _print_demo_accounts

    _print_demo_accounts("http://127.0.0.1:8765")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8765/console/" in out and "agent" in out


def test_similarity_of_texts():
    from hai_central.services.similarity import Vocabulary, jaccard, tokens

    vocabulary = Vocabulary()
    a = vocabulary.mask(tokens("Token SPAN kedaluwarsa, tidak bisa login"))
    b = vocabulary.mask(tokens("token span KEDALUWARSA sejak kemarin"))
    c = vocabulary.mask(tokens("Cara revisi DIPA"), grow=False)
    assert jaccard(a, b) == 0.75  # 3 shared of 4: stopwords and case do not count
    assert jaccard(a, c) == 0.0 and c[1] == 3  # unknown words still count in the union
