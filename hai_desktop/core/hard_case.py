"""The hard-case report of decree Lampiran III.3.1.2 (DOMAIN.md "Reporting") from an inquiry:
the problem and the information given, the related regulation, the conclusion and/or
recommendation. Data only (no Qt): ``gui.views.hard_case_pdf`` prints it.

The visitor's contact data is not part of it (a report goes to department coordinators);
the visitor's institution and satker are, as the case's context.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hai_contract import reports as rules
from hai_desktop.core import reference
from hai_desktop.core.db.models import Inquiry
from hai_desktop.core.exports import numbers


@dataclass
class HardCase:
    """What the printed report shows (Indonesian document text, reference names)."""

    inquiry_id: str
    office: str
    date: str
    channel: str
    department: str
    application: str
    institution: str
    problem: str
    information: str
    regulations: list[str] = field(default_factory=list)
    outcome: str = ""
    conclusion: str = ""


def from_inquiry(inquiry_id: str, conclusion: str = "") -> HardCase | None:
    """The hard case of a stored inquiry (None when there is none with this id).
    ``conclusion``: the conclusion/recommendation the CSO writes for the report."""
    row = Inquiry.get_or_none(Inquiry.id == inquiry_id)
    if row is None:
        return None
    zone = rules.zone(_zone(row.office_code))
    moment = rules.parse_time(row.counted_at or row.created_at)
    local = moment.astimezone(zone) if moment else None
    institution = " · ".join(x for x in (row.institution, row.satker_code) if x)
    return HardCase(
        inquiry_id=row.id,
        office=reference.name_of("offices", row.office_code) or row.office_code,
        date=numbers.local_time(local.replace(tzinfo=None)) if local else "",
        channel=reference.name_of("channels", row.channel),
        department=reference.name_of("departments", row.department),
        application=reference.name_of("applications", row.application) if row.application else "",
        institution=institution,
        problem=row.question or "",
        information=row.answer or "",
        regulations=[str(x) for x in row.basis_regulations or []],
        outcome=reference.name_of("outcomes", row.outcome),
        conclusion=conclusion.strip(),
    )


def _zone(office_code: str) -> str:
    from hai_desktop.core.reports import office_zone

    return office_zone(office_code)
