"""Structured families of demo KB entries (hand-written rows, one entry per row).

Written for the HAI Desk demo; not official guidance. Each family returns plain dicts with the
keys ``title``, ``question``, ``answer``, ``department``, ``application``, ``regulations``,
``tags``; ``make_demo_data.py`` adds ids and dates.

One module per family (``glossary``, ``spm_ls``, ``accounts``, ``errors``, ``services``,
``signers``, ``scope``); ``entry`` holds the shape they share.
"""

from __future__ import annotations

from .accounts import accounts
from .errors import errors
from .glossary import glossary
from .scope import scope
from .services import services
from .signers import signers
from .spm_ls import spm_ls


def all_families() -> list[dict]:
    """Every family entry, in a stable order."""
    return glossary() + spm_ls() + accounts() + errors() + services() + signers() + scope()
