"""The command line, run as a user would (subprocess): profile set / show, self-check."""

from __future__ import annotations

import subprocess
import sys

from hai_desktop import cli


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hai_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_self_check_creates_profile_database(tmp_path):
    data = tmp_path / "desk"
    out = run("self-check", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "[OK] quick_check" in out.stdout
    assert "[OK] reference_data" in out.stdout
    assert "GAGAL" not in out.stdout
    assert (data / "hai-desk.sqlite3").exists()


def test_profile_set_and_show(tmp_path):
    data = str(tmp_path / "desk")
    out = run(
        "profile",
        "set",
        "--data-dir",
        data,
        "--name",
        "Budi Santoso",
        "--email",
        "Budi@Kemenkeu.go.id",
        "--office",
        "KPPN-BANDA-ACEH",
    )
    assert out.returncode == 0, out.stderr
    out = run("--data-dir", data, "profile", "show")
    assert out.returncode == 0
    assert "budi@kemenkeu.go.id" in out.stdout and "KPPN-BANDA-ACEH" in out.stdout


def test_profile_set_rejects_bad_values(tmp_path):
    out = run(
        "profile",
        "set",
        "--data-dir",
        str(tmp_path),
        "--name",
        "Budi",
        "--email",
        "budi@gmail.com",
        "--office",
        "NOWHERE",
    )
    assert out.returncode == 2
    from hai_desktop.cli_texts import VALIDATION_TEXTS

    # Each invalid field, named, with the CLI's words for its code.
    assert f"email: {VALIDATION_TEXTS['email_not_official']}" in out.stderr
    assert f"office_code: {VALIDATION_TEXTS['unknown_office']}" in out.stderr


def test_self_check_fails_on_damaged_database(tmp_path):
    (tmp_path / "hai-desk.sqlite3").write_bytes(b"not a database" * 500)
    out = run("self-check", "--data-dir", str(tmp_path))
    assert out.returncode == 1
    assert "GAGAL" in out.stdout


def test_cli_never_imports_qt():
    code = (
        "import sys; from hai_desktop import cli; cli.build_parser();"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_every_command_takes_data_dir():
    parser = cli.build_parser()
    for argv in (
        ["self-check"],
        ["profile", "show"],
        ["profile", "set", "--name", "a", "--email", "b", "--office", "c"],
    ):
        args = parser.parse_args([*argv, "--data-dir", "/x"])
        assert args.data_dir == "/x"
        args = parser.parse_args(["--data-dir", "/y", *argv])
        assert args.data_dir == "/y"


def test_no_subcommand_opens_gui(monkeypatch, tmp_path):
    import types

    called = {}
    fake = types.ModuleType("hai_desktop.gui.app")

    def run_gui(paths, demo=False):
        called["paths"], called["demo"] = paths, demo
        return 0

    fake.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "hai_desktop.gui.app", fake)
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert called["paths"].data_dir == tmp_path and called["demo"] is False


def test_help_and_errors_speak_indonesian(capsys):
    """argparse's own words are translated (issue 12): no "usage:" / "required" in English."""
    import pytest

    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("pemakaian: hai-desktop")
    assert "argumen posisi" in out and "pilihan:" in out
    for english in ("usage:", "positional arguments", "show this help", "show program"):
        assert english not in out
    with pytest.raises(SystemExit):
        cli.main(["export"])
    err = capsys.readouterr().err
    assert "kesalahan: argumen berikut wajib diisi: --month" in err
