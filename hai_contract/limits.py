"""The limits of the contract: text lengths, patterns, batch and page sizes, size caps.

Both programs read them from here: the desk checks early (its user hears about a problem
before anything is queued), the hub enforces them (it is the authority: an older desk or a
script must not get past it). ``as_reference()`` is what ``GET /reference`` shows under
``limits``.
"""

from __future__ import annotations

from typing import Any

# --- people and places
PERSON_NAME_MAX = 200  # a visitor's, a requester's, a contact's, a user's name
INSTITUTION_MAX = 300
EMAIL_MAX = 254
PHONE_MAX = 32  # characters, separators included
PHONE_DIGITS_MIN, PHONE_DIGITS_MAX = 6, 15
# Digits with an optional leading +, spaces, dashes, dots, brackets and slashes; 6 to 15 digits.
PHONE_PATTERN = r"^\+?[ ().\-/]*([0-9][ ().\-/]*){6,15}$"
SATKER_DIGITS = 6
SATKER_PATTERN = r"^[0-9]{6}$"
OFFICE_CODE_MAX = 32
OFFICE_CODE_PATTERN = r"^[A-Za-z0-9_.-]+$"
OFFICE_NAME_MAX = 300
DEPARTMENT_CODE_MAX = 16
APPLICATION_CODE_MAX = 64
PASSWORD_MIN, PASSWORD_MAX = 8, 1024
DEVICE_NAME_MAX = 200
APP_VERSION_MAX = 64

# --- inquiries
INQUIRY_TEXT_MAX = 200_000  # question and answer; a 100,000-character answer must just work
BASIS_ITEMS_MAX = 50  # regulations, and KB entries named as the basis
BASIS_TEXT_MAX = 500  # one regulation
VERSION_MAX = 2**62

# --- knowledge base (every path into the KB: the API, a review, an import)
KB_TITLE_MAX = 500
KB_QUESTION_MAX = 20_000
KB_ANSWER_MAX = 50_000
KB_LIST_ITEMS_MAX = 50  # regulations, tags, source inquiries
KB_LIST_TEXT_MAX = 500
NOTE_MAX = 2_000  # feedback, review and closing notes

# --- tickets and broadcasts
SUBJECT_MAX = 500  # ticket subject, broadcast title
MESSAGE_MAX = 50_000  # ticket message, broadcast body, reply
FILENAME_MAX = 255
ATTACHMENTS_MAX = 20  # per record
TICKET_LEVEL_MIN, TICKET_LEVEL_MAX = 1, 3

# --- batches, pages, sizes
BATCH_ITEMS_MAX = 500
FEED_LIMIT_DEFAULT = 500
FEED_LIMIT_MAX = 2000
# An item's JSON may be this much bigger than what its text fields (each under its own limit)
# take: the ids, codes, times and the unknown fields a payload "may carry more than listed".
ITEM_EXTRA_BYTES_MAX = 256 * 1024
# Fields the contract does not name, together (JSON, UTF-8), and how deep they may nest.
UNKNOWN_FIELDS_BYTES_MAX = 64 * 1024
JSON_DEPTH_MAX = 32
# A feed page stops at FEED_LIMIT items or at this many bytes of items, whichever comes first
# (a page always has at least one item, so a cursor always moves).
FEED_PAGE_BYTES_MAX = 4 * 1024 * 1024

# --- shared patterns
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# RFC 3339 with an offset (the hub stores and answers UTC with a "Z"). Years 0002-9998: a time
# of year 1 or 9999 may leave the calendar once turned into UTC. Seconds 00-59 (no leap second).
YEAR_PATTERN = (
    r"(000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])"
)
TIME_PATTERN = (
    rf"^{YEAR_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]"
    r":[0-5][0-9](\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
# A report month: years 1900-9998 (hai_contract.reports.MIN_YEAR/MAX_YEAR).
MONTH_PATTERN = r"^(19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(0[1-9]|1[0-2])$"
# A calendar day the hub's working-time calendar holds (years 1900-2200).
DAY_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
# Free text: no NUL (PostgreSQL cannot store it); required text: also not only spaces.
TEXT_PATTERN = "^[^\\u0000]*$"
REQUIRED_TEXT_PATTERN = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"


def as_reference() -> dict[str, Any]:
    """The limits as ``GET /reference`` (and the bundled reference file) name them."""
    return {
        "person_name_max": PERSON_NAME_MAX,
        "institution_max": INSTITUTION_MAX,
        "email_max": EMAIL_MAX,
        "phone_max": PHONE_MAX,
        "phone_digits_min": PHONE_DIGITS_MIN,
        "phone_digits_max": PHONE_DIGITS_MAX,
        "satker_digits": SATKER_DIGITS,
        "inquiry_text_max": INQUIRY_TEXT_MAX,
        "basis_items_max": BASIS_ITEMS_MAX,
        "basis_text_max": BASIS_TEXT_MAX,
        "kb_title_max": KB_TITLE_MAX,
        "kb_question_max": KB_QUESTION_MAX,
        "kb_answer_max": KB_ANSWER_MAX,
        "kb_list_items_max": KB_LIST_ITEMS_MAX,
        "kb_list_text_max": KB_LIST_TEXT_MAX,
        "note_max": NOTE_MAX,
        "subject_max": SUBJECT_MAX,
        "message_max": MESSAGE_MAX,
        "filename_max": FILENAME_MAX,
        "attachments_max": ATTACHMENTS_MAX,
        "batch_items_max": BATCH_ITEMS_MAX,
        "feed_limit_default": FEED_LIMIT_DEFAULT,
        "feed_limit_max": FEED_LIMIT_MAX,
        "item_extra_bytes_max": ITEM_EXTRA_BYTES_MAX,
        "unknown_fields_bytes_max": UNKNOWN_FIELDS_BYTES_MAX,
        "json_depth_max": JSON_DEPTH_MAX,
        "feed_page_bytes_max": FEED_PAGE_BYTES_MAX,
    }
