"""The desk's one exception root, and the codes of the expected (non-bug) errors.

Every error the desk core raises on purpose derives from :class:`HaiError`: validation,
not found, the hub's (``core/sync/protocol.HubError``), storage (``core/db/errors``), the
demo's. Core speaks in codes: ``ValidationError`` maps field -> message code; the words are
the GUI's (``gui/error_texts.py``, translatable) and the CLI's (``cli_texts.py``). Codes are
stable identifiers (tests assert them).
"""

from __future__ import annotations

# The validation message codes (a test checks that the GUI and the CLI word each one).
CODES: tuple[str, ...] = (
    "required",
    "too_long",
    "satker_invalid",
    "phone_invalid",
    "email_invalid",
    "email_not_official",
    "unknown_code",
    "unknown_office",
    "answer_required",
    "reason_required",
    "time_invalid",
    "time_order",
    "not_found",
    "invalid",
)


class HaiError(Exception):
    """Base of the expected (non-bug) errors raised by the desk core."""


class ValidationError(HaiError):
    """Input that cannot be saved: ``errors`` maps field name -> message code."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {code}" for field, code in self.errors.items()))


class NotFoundError(HaiError):
    """A record asked for by id does not exist."""
