"""The CSO profile of this desk: name, official e-mail, office, and the one device id."""

from __future__ import annotations

import uuid

from hai_desktop.core import reference
from hai_desktop.core.db.models import Profile, database_proxy
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.timeutil import utc_now

MAX_NAME = 200


def get_profile() -> Profile | None:
    """The profile, or None before the first-run dialog has been completed."""
    return Profile.get_or_none(Profile.id == 1)


def validate_profile(name: str, email: str, office_code: str) -> dict[str, str]:
    """Field -> message code (``name``, ``email``, ``office_code``)."""
    from hai_desktop.core.inquiries_form import valid_email

    errors: dict[str, str] = {}
    name, email, office_code = name.strip(), email.strip().lower(), office_code.strip()
    if not name:
        errors["name"] = "required"
    elif len(name) > MAX_NAME:
        errors["name"] = "too_long"
    if not email:
        errors["email"] = "required"
    elif not valid_email(email):
        errors["email"] = "email_invalid"
    else:
        domain = email.rsplit("@", 1)[1]
        allowed = reference.email_domains()
        # A sub-domain of an allowed domain counts (e.g. djpb.kemenkeu.go.id).
        if allowed and not any(domain == d or domain.endswith("." + d) for d in allowed):
            errors["email"] = "email_not_official"
    if not office_code:
        errors["office_code"] = "required"
    elif office_code not in reference.codes("offices"):
        errors["office_code"] = "unknown_office"
    return errors


def set_profile(name: str, email: str, office_code: str) -> Profile:
    """Create or update the profile (validated; raises ``ValidationError``).

    The device id is made once, with the first profile, and never changes.
    """
    errors = validate_profile(name, email, office_code)
    if errors:
        raise ValidationError(errors)
    now = utc_now()
    with database_proxy.obj.atomic():
        profile = get_profile()
        if profile is None:
            profile = Profile(id=1, device_id=device_id(), created_at=now)
            force_insert = True
        else:
            force_insert = False
        profile.name = name.strip()
        profile.email = email.strip().lower()
        profile.office_code = office_code.strip()
        profile.updated_at = now
        profile.save(force_insert=force_insert)
    return profile


def device_id() -> str:
    """This installation's device UUID: made once, the same before and after the profile.

    A desk may sign in before its profile exists (``hai-desktop login`` on a fresh PC): the
    id is then kept in ``sync_state`` and the profile adopts it when it is created, so the
    hub never sees one desk under two ids.
    """
    from hai_desktop.core.sync import state

    profile = get_profile()
    if profile is not None:
        return profile.device_id
    stored = state.get_value("device_id")
    if stored:
        return str(stored)
    made = str(uuid.uuid4())
    state.set_value("device_id", made)
    return made
