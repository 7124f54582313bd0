"""KB suggestions use what the log form already knows (issue 12): the chosen application
and service department re-rank the hits of ``kb_search.search``.

An entry for another application than the one chosen moves down (two steps), one for
another department one step; entries without an application or department are not
penalised (general answers stay where the words put them). The order within a score keeps
the text ranking; outdated entries still come after every valid one.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

APPLICATION_MISMATCH = 2
DEPARTMENT_MISMATCH = 1


class _Hit(Protocol):
    id: str
    application: str | None
    department: str | None
    valid_until: str | None


def context_penalty(hit: _Hit, application: str | None, department: str | None) -> int:
    """How far ``hit`` moves down for the form's application and department."""
    penalty = 0
    if application and hit.application and hit.application != application:
        penalty += APPLICATION_MISMATCH
    if department and hit.department and hit.department != department:
        penalty += DEPARTMENT_MISMATCH
    return penalty


def rerank(hits: list, application: str | None, department: str | None) -> list:
    """``hits`` (best first, no duplicates) ordered by context, then by their rank."""
    if not application and not department:
        return list(hits)
    from hai_desktop.core.kb import is_possibly_outdated

    today = date.today()
    ranked = sorted(
        enumerate(hits),
        key=lambda pair: (
            is_possibly_outdated(pair[1], today),
            context_penalty(pair[1], application, department),
            pair[0],
        ),
    )
    return [hit for _position, hit in ranked]
