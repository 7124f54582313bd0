"""The centre's web console under ``/console/`` (issue 14): server-rendered pages for the
HAI-DJPBN staff (agent, broadcaster, supervisor, admin), calling the same services as the
API. ``install(app)`` mounts it on the hub.

Adding a screen: a ``routes_*.py`` module with ``router = APIRouter(route_class=ConsoleRoute)``
listed in :data:`ROUTERS`, its templates under ``templates/`` (extending ``base.html``) and
its menu entry in :mod:`hai_central.console.nav`.
"""

from __future__ import annotations

import importlib

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

# Console forms that carry files (a ticket reply, a broadcast): the body limit is raised.
UPLOAD_PREFIX = ("/console/tickets/", "/console/broadcasts/")
ROUTERS = (
    "routes_auth",
    "routes_tickets",
    "routes_review",
    "routes_kb",
    "routes_broadcasts",
    "routes_national",
    "routes_admin",
)


def install(app: FastAPI) -> None:
    """Mount the console's pages, its static files and its security headers."""
    from hai_central.console.app import HERE, PREFIX, SecurityHeadersMiddleware

    # The files first: the pages' last route answers every other console path (404 page).
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="console-static")
    for name in ROUTERS:
        module = importlib.import_module(f"{__name__}.{name}")
        app.include_router(module.router)
    app.include_router(importlib.import_module(f"{__name__}.routes_auth").fallback)
    app.add_middleware(SecurityHeadersMiddleware)
