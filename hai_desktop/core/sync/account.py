"""Where the hub is and who this desk is signed in as: settings, sign-in, sign-out.

The password is never stored; the token goes to the OS keyring or a private file
(:mod:`hai_desktop.core.credentials`), the account as the hub described it (e-mail, name,
role, office) to ``sync_state``.
"""

from __future__ import annotations

import contextlib
import platform
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hai_desktop.core import credentials, profile_store
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.settings import Settings
from hai_desktop.core.sync import codes, state
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.protocol import (
    REASON_NO_TOKEN,
    REASON_NOT_CONFIGURED,
    ErrorKind,
    HubError,
)
from hai_desktop.core.sync.status import STATE_OFFLINE, load_status, save_status


@dataclass
class HubConfig:
    """Where the hub is and how to reach it (from the settings file)."""

    hub_url: str | None = None
    ca_bundle: str | None = None
    proxy: str | None = None
    timeout_s: float = 30.0
    sync_interval_s: int = 60


def hub_config(paths: ProfilePaths) -> HubConfig:
    """The hub settings of a profile."""
    settings = Settings.load(paths.settings)
    return HubConfig(
        hub_url=settings.hub_url or None,
        ca_bundle=settings.ca_bundle or None,
        proxy=settings.proxy or None,
        timeout_s=float(settings.hub_timeout_s or 30.0),
        sync_interval_s=int(settings.sync_interval_s or 60),
    )


def set_hub_url(paths: ProfilePaths, hub_url: str) -> None:
    """Store the hub address in the profile's settings."""
    settings = Settings.load(paths.settings)
    settings.hub_url = hub_url.rstrip("/")
    settings.save(paths.settings)


def device_name() -> str:
    """A human name for this desk at the centre (the PC's host name)."""
    return (platform.node() or "desk")[:100]


def default_client_factory(paths: ProfilePaths) -> Callable[[], HubClient]:
    """A factory building the client from the profile's settings and stored token."""

    def make() -> HubClient:
        config = hub_config(paths)
        if not config.hub_url:
            raise HubError(ErrorKind.REJECTED, REASON_NOT_CONFIGURED)
        token = credentials.load_token(paths)
        if not token:
            raise HubError(ErrorKind.AUTH, REASON_NO_TOKEN)
        return HubClient(
            config.hub_url,
            token=token,
            ca_bundle=config.ca_bundle,
            proxy=config.proxy,
            timeout=config.timeout_s,
        )

    return make


def sign_in(
    paths: ProfilePaths,
    hub_url: str,
    email: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    client: HubClient | None = None,
) -> dict[str, Any]:
    """Sign in at the hub: store its address and the token (never the password).

    Returns the hub's ``user`` object. Raises :class:`HubError` (AUTH for wrong credentials,
    THROTTLED after too many attempts, OFFLINE…). Needs the desk database bound.
    """
    hub_url = hub_url.strip().rstrip("/")
    config = hub_config(paths)
    own_client = client is None
    if client is None:
        client = HubClient(
            hub_url,
            ca_bundle=ca_bundle or config.ca_bundle,
            proxy=proxy or config.proxy,
            timeout=config.timeout_s,
        )
    try:
        body = client.token(email.strip(), password, profile_store.device_id(), device_name())
        # Pin the hub's broadcast key now (a changed key is refused and recorded, issue 10).
        with contextlib.suppress(HubError, ValueError):
            from hai_desktop.core import broadcasts_sync

            client.access_token = body["access_token"]
            broadcasts_sync.pin_at_sign_in(client, hub_url)
    finally:
        if own_client:
            client.close()
    previous_hub = (config.hub_url or "").rstrip("/")
    credentials.store_token(paths, body["access_token"])
    if previous_hub != hub_url:
        set_hub_url(paths, hub_url)
    user = body.get("user") or {}
    with database_proxy.obj.atomic():
        old = state.get_value("account") or {}
        old_office = (old.get("office") or {}).get("code")
        new_office = (user.get("office") or {}).get("code")
        if (previous_hub and previous_hub != hub_url) or (
            old_office and new_office and old_office != new_office
        ):
            # Another hub or office: the cursors describe someone else's feeds.
            state.reset_cursors()
        state.set_value(
            "account",
            {
                "email": user.get("email"),
                "name": user.get("name"),
                "role": user.get("role"),
                "office": user.get("office"),
                "expires_at": body.get("expires_at"),
                "hub_url": hub_url,
            },
        )
        status = load_status()
        status.needs_signin = False
        if status.error_kind == ErrorKind.AUTH.value:
            status.error_kind = None
            status.state = STATE_OFFLINE
            status.say(codes.SIGNED_IN)
        status.next_retry_at = None
        save_status(status)
        state.delete_value("backoff")
    return user


def sign_out(paths: ProfilePaths, client: HubClient | None = None) -> None:
    """Revoke the token at the hub when reachable, and forget it locally in any case."""
    if client is not None:
        with contextlib.suppress(HubError):
            client.logout()
    credentials.clear_token(paths)


def account() -> dict[str, Any] | None:
    """The account last signed in on this desk (None when never signed in)."""
    return state.get_value("account") or None
