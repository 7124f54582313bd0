"""Tickets forwarded from desks to HAI-DJPBN."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hai_central.api.common import ERRORS, Cursor, Limit, OfficeCode, RecordId
from hai_central.api.deps import Agent, User
from hai_central.schemas.tickets import (
    TicketClose,
    TicketIn,
    TicketMessageIn,
    TicketOut,
    TicketPage,
    TicketPatch,
)
from hai_central.services import tickets

router = APIRouter(prefix="/tickets", tags=["tickets"], responses=ERRORS)


@router.post(
    "",
    response_model=TicketOut,
    status_code=201,
    responses={200: {"model": TicketOut, "description": "Already existed"}},
)
def create_ticket(body: TicketIn, user: User, response: Response) -> dict:
    """Create a ticket (idempotent by id); numbered HAI-YYYY-NNNNNN."""
    ticket, created = tickets.create(user, body)
    if not created:
        response.status_code = 200
    return ticket


@router.get("/changes", response_model=TicketPage)
def ticket_changes(
    user: User, cursor: Cursor = 0, limit: Limit = 500, office_code: OfficeCode = None
) -> dict:
    """Tickets changed after ``cursor`` with their messages (scoped like inquiries)."""
    return tickets.changes(user, cursor, limit, office_code)


@router.get("/{ticket_id}", response_model=TicketOut)
def get_ticket(user: User, ticket_id: RecordId) -> dict:
    """One ticket with its messages."""
    return tickets.get(user, ticket_id.lower())


@router.post(
    "/{ticket_id}/messages",
    response_model=TicketOut,
    status_code=201,
    responses={200: {"model": TicketOut, "description": "Already recorded"}},
)
def add_message(body: TicketMessageIn, user: User, response: Response, ticket_id: RecordId) -> dict:
    """A desk follow-up or an agent reply (idempotent by message id)."""
    ticket, created = tickets.add_message(user, ticket_id.lower(), body)
    if not created:
        response.status_code = 200
    return ticket


@router.patch("/{ticket_id}", response_model=TicketOut)
def patch_ticket(body: TicketPatch, user: Agent, ticket_id: RecordId) -> dict:
    """Agent: status, level, assigned department."""
    return tickets.patch(user, ticket_id.lower(), body)


@router.post("/{ticket_id}/close", response_model=TicketOut)
def close_ticket(body: TicketClose, user: User, ticket_id: RecordId) -> dict:
    """Desk: the answer reached the user."""
    return tickets.close(user, ticket_id.lower(), body)
