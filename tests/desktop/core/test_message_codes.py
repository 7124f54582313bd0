"""Core speaks in codes; the GUI and the CLI each have a table with words for every code."""

from __future__ import annotations

import ast
from pathlib import Path

from hai_desktop import cli_texts
from hai_desktop.core import errors
from hai_desktop.core.sync import codes
from hai_desktop.core.sync.protocol import ErrorKind, HubError
from hai_desktop.core.sync.status import SyncStatus

CORE_SYNC = Path(__file__).resolve().parents[3] / "hai_desktop" / "core" / "sync"


def test_the_cli_words_every_code():
    assert set(codes.ALL) <= set(cli_texts.SYNC_TEXTS)
    assert set(errors.CODES) <= set(cli_texts.VALIDATION_TEXTS)
    # Placeholders are exactly the code's parameters.
    for code, names in codes.PARAMS.items():
        text = cli_texts.SYNC_TEXTS[code]
        assert all("{" + n + "}" in text for n in names), code


def test_the_gui_words_every_code(qapp):
    from hai_desktop.gui import error_texts, sync_texts

    assert set(errors.CODES) <= error_texts.codes()
    for code, names in codes.PARAMS.items():
        words = sync_texts.text(code, {n: 42 for n in names})
        assert words != code and "{" not in words, code
    assert sync_texts.text("Kode satker tidak dikenal.") == "Kode satker tidak dikenal."


def test_every_failure_has_a_code():
    for kind in ErrorKind:
        for reason in ("connection", "no_network", "refused", "timeout", "tls", "not_json"):
            code, params = HubError(kind, reason, status=500).message_code()
            assert code in codes.ALL
            assert set(params) == set(codes.PARAMS[code])


def test_status_carries_a_code_not_words():
    status = SyncStatus.from_dict({"message": "Kalimat lama dari versi sebelumnya."})
    assert status.code == codes.NEVER_SYNCED  # an old stored status still loads
    status.say(codes.WAITING, count=3)
    again = SyncStatus.from_dict(status.to_dict())
    assert (again.code, again.params) == (codes.WAITING, {"count": 3})


def test_core_sync_holds_no_indonesian_sentences():
    """No user-facing sentence in core/sync: string constants are codes or API words."""
    sentence_words = {"tidak", "sudah", "belum", "catatan", "silakan", "sedang", "gagal"}
    for path in CORE_SYNC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docstrings:
                    continue
                words = set(node.value.lower().split())
                assert not words & sentence_words, f"{path.name}: {node.value!r}"
