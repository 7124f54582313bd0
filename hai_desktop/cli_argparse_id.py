"""argparse's own words in Indonesian, so that ``hai-desktop --help`` and its error lines do
not mix English ("usage:", "positional arguments", "the following arguments are required")
into the Indonesian help (issue 12). argparse looks its words up through the module-level
``_``/``ngettext`` (gettext) at call time; :func:`install` puts a lookup of these in front.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

WORDS: dict[str, str] = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "optional arguments": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu setidaknya satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan ambigu: %(option)s bisa berarti %(matches)s"
    ),
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}
# ngettext(singular, plural, n): Indonesian has one form.
PLURALS: dict[str, str] = {"expected %s argument": "perlu %s nilai"}


def _gettext(message: str) -> str:
    return WORDS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular]
    return singular if n == 1 else plural


def install(module=argparse) -> Callable[[str], str]:
    """Make argparse speak Indonesian for this process (idempotent)."""
    module._ = _gettext
    if hasattr(module, "ngettext"):
        module.ngettext = _ngettext
    return _gettext
