"""The codes of the contract (API.md): what a field may say, in the order lists show them.

Codes are the language between the desk and the hub; the words for them (Indonesian and
English names) are reference data (``hai_contract/reference/reference.json``) or the GUI's.
Applications and offices are data, not codes: admins change them on the hub.
"""

from __future__ import annotations

DEPARTMENTS = ("PA", "PKN", "SMI", "PPKBLU", "APK", "SP", "SITP")
CHANNELS = ("tatap_muka", "telepon", "email", "whatsapp", "surat")
OUTCOMES = ("answered", "escalated", "out_of_scope")
OUT_OF_SCOPE_REASONS = ("interpretation", "unregulated", "official_authority", "ppid")

# The result of one pushed item (API.md, inquiries batch).
ITEM_STATUSES = ("created", "updated", "unchanged", "conflict", "rejected")
REVIEW_STATUSES = ("pending", "accepted", "rejected")
REVIEW_DECISIONS = ("accept", "reject")

# Tickets. ``waiting``: waiting for the user, the SLA clock paused.
TICKET_STATUSES = ("new", "in_progress", "waiting", "escalated", "answered", "closed")
OPEN_TICKET_STATUSES = ("new", "in_progress", "waiting", "escalated")
PRIORITIES = ("low", "normal", "high", "urgent")
TICKET_LEVELS = (1, 2, 3)

# Broadcasts.
BROADCAST_KINDS = ("info", "outage", "data_request", "service_change", "other")
URGENCIES = ("normal", "urgent")
OUTAGE_STATUSES = ("investigating", "identified", "monitoring", "resolved")

# People and places.
ROLES = ("cso", "agent", "broadcaster", "supervisor", "admin")
OFFICE_KINDS = ("KPPN", "KANWIL", "PUSAT")
TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")

ALL: dict[str, tuple] = {
    "departments": DEPARTMENTS,
    "channels": CHANNELS,
    "outcomes": OUTCOMES,
    "out_of_scope_reasons": OUT_OF_SCOPE_REASONS,
    "item_statuses": ITEM_STATUSES,
    "review_statuses": REVIEW_STATUSES,
    "review_decisions": REVIEW_DECISIONS,
    "ticket_statuses": TICKET_STATUSES,
    "priorities": PRIORITIES,
    "ticket_levels": TICKET_LEVELS,
    "broadcast_kinds": BROADCAST_KINDS,
    "urgencies": URGENCIES,
    "outage_statuses": OUTAGE_STATUSES,
    "roles": ROLES,
    "office_kinds": OFFICE_KINDS,
    "timezones": TIMEZONES,
}
