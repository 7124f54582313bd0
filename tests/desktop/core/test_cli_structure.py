"""The CLI's command modules: one set of helpers, logging for headless sync, --demo apart."""

from __future__ import annotations

import logging

import pytest

from hai_desktop import cli, cli_demo, cli_kb, cli_sync


@pytest.fixture
def restore_root_logging():
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _log_text(paths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (paths.logs / "hai-desk.log").read_text(encoding="utf-8")


def test_headless_sync_writes_the_profile_log(paths, db, profile, restore_root_logging):
    db.close()
    cli.main(["sync", "--data-dir", str(paths.data_dir)])
    logging.getLogger("hai_desktop.test").info("after sync for budi@example.com")
    text = _log_text(paths)
    assert "after sync for <email>" in text
    assert "budi@example.com" not in text


def test_headless_login_writes_the_profile_log(
    paths, db, monkeypatch, restore_root_logging, capsys
):
    db.close()
    monkeypatch.setattr(cli_sync, "_read_password", lambda: "")  # ends before the hub
    code = cli.main(
        ["login", "--data-dir", str(paths.data_dir), "--hub", "http://x", "--email", "a@b.id"]
    )
    assert code == cli.EXIT_USAGE
    logging.getLogger("hai_desktop.test").info("login marker")
    assert "login marker" in _log_text(paths)


def test_command_modules_share_the_cli_helpers():
    assert cli_sync.paths_from_args is cli.paths_from_args
    assert cli_kb.paths_from_args is cli.paths_from_args
    assert cli_sync.profile_db is cli.profile_db
    assert cli_kb.profile_db is cli.profile_db
    assert cli_sync.EXIT_FAILED == cli.EXIT_FAILED
    assert not hasattr(cli_kb, "run_demo")  # the demo lives in cli_demo


def test_demo_options_come_from_cli_demo(monkeypatch):
    called = {}

    def fake_run_demo(args):
        called["no_gui"] = args.no_gui
        return 0

    monkeypatch.setattr(cli_demo, "run_demo", fake_run_demo)
    assert cli.main(["--demo", "--no-gui"]) == 0
    assert called == {"no_gui": True}


def test_every_registered_command_takes_data_dir():
    parser = cli.build_parser()
    for argv in (
        ["login", "--hub", "h", "--email", "e"],
        ["logout"],
        ["sync"],
        ["kb", "search", "x"],
        ["tickets"],
        ["ticket", "show", "x"],
        ["ticket", "new", "--inquiry", "x"],
    ):
        assert parser.parse_args([*argv, "--data-dir", "/x"]).data_dir == "/x"
        assert parser.parse_args(["--data-dir", "/y", *argv]).data_dir == "/y"
