"""E-mail addresses: the plausibility check, and the official-domain rule (decree: the
kedinasan domains; a sub-domain of an allowed domain counts, e.g. djpb.kemenkeu.go.id)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hai_contract.limits import EMAIL_MAX

# The seed list; the hub's reference data (admins may add to it) is what is enforced.
OFFICIAL_DOMAINS = ("kemenkeu.go.id", "depkeu.go.id", "customs.go.id", "pajak.go.id")
EMAIL_PATTERN = r"^[^@\s\x00]+@[^@\s.\x00]+(\.[^@\s.\x00]+)+$"
EMAIL_RE = re.compile(EMAIL_PATTERN[1:-1])


def valid_email(text: str) -> bool:
    """A plausible e-mail address (one @, a dotted domain, no spaces)."""
    return len(text) <= EMAIL_MAX and EMAIL_RE.fullmatch(text) is not None


def domain_allowed(email: str, domains: Iterable[str] = OFFICIAL_DOMAINS) -> bool:
    """Is ``email`` on one of ``domains`` or a sub-domain of one?"""
    if "@" not in email:
        return False
    domain = email.rsplit("@", 1)[1].strip().lower()
    return any(domain == d or domain.endswith("." + d) for d in (x.lower() for x in domains))


def official_pattern(domains: Iterable[str] = OFFICIAL_DOMAINS) -> str:
    """A regular expression (for the OpenAPI document) matching addresses on ``domains``."""

    # Either case matches: the hub compares lower-cased (JSON Schema has no "ignore case").
    def either_case(domain: str) -> str:
        return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in domain.lower())

    alternatives = "|".join(either_case(d) for d in domains)
    return rf"^[^@\s\x00]+@([^@\s.\x00]+\.)*({alternatives})$"
