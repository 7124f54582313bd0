"""The ``hai-desktop`` command line (placeholder until the foundation lands)."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    print("HAI Desk: under construction")
    return 0
