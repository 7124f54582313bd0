"""``hai-desktop kb search`` (registered by ``hai_desktop.cli``): the local knowledge base
from the command line, offline. Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from hai_desktop.cli import EXIT_OK, paths_from_args, profile_db


def register(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """Add the ``kb`` command (``kb search``) to the CLI's subparsers.

    ``parents`` are the CLI's common option parsers (``--data-dir``).
    """
    kb_parser = subparsers.add_parser(
        "kb", parents=parents, help="basis pengetahuan lokal (knowledge base)"
    )
    kb_sub = kb_parser.add_subparsers(dest="kb_command", required=True)
    search = kb_sub.add_parser(
        "search", parents=parents, help="cari di basis pengetahuan lokal (offline)"
    )
    search.add_argument("text", nargs="+", help="kata yang dicari")
    search.add_argument("--department", help="kode departemen, mis. PKN")
    search.add_argument("--application", help="kode aplikasi, mis. SAKTI")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="keluaran JSON")
    search.add_argument("--full", action="store_true", help="tampilkan jawaban lengkap")
    search.set_defaults(func=cmd_kb_search)


def cmd_kb_search(args: argparse.Namespace) -> int:
    """Search the profile's local KB and print the hits (best first)."""
    from hai_desktop.core import kb, kb_search

    with profile_db(paths_from_args(args), must_exist=True):
        text = " ".join(args.text)
        hits = kb_search.search(
            text, args.department, args.application, limit=args.limit, prefix_last=False
        )
        today = date.today()
        if args.json:
            out = [
                {
                    "id": h.id,
                    "title": h.title,
                    "department": h.department,
                    "application": h.application,
                    "regulations": h.regulations,
                    "valid_until": h.valid_until,
                    "possibly_outdated": kb.is_possibly_outdated(h, today),
                    "score": round(-h.score, 4),
                    "answer": h.answer,
                }
                for h in hits
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not hits:
            print("Tidak ada entri yang cocok.")
            return EXIT_OK
        for n, h in enumerate(hits, start=1):
            mark = "  [mungkin sudah tidak berlaku]" if kb.is_possibly_outdated(h, today) else ""
            where = "/".join(x for x in (h.department, h.application) if x)
            print(f"{n:>2}. {h.title}  ({where}){mark}")
            print(f"    {h.answer if args.full else h.answer_preview}")
            if h.regulations:
                print(f"    Dasar: {'; '.join(h.regulations)}")
        return EXIT_OK
