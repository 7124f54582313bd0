"""The self-check's program checks: resources, reference, CA bundle, and Qt headless
(platform plugin, translation, icons, stylesheet). A missing or broken file fails its check."""

from __future__ import annotations

import shutil

import pytest

from hai_desktop.core import resources
from hai_desktop.core.selfcheck_bundle import run_bundle_checks
from hai_desktop.gui.selfcheck_qt import run_qt_checks


@pytest.fixture
def resource_copy(tmp_path, monkeypatch, qapp):
    root = tmp_path / "res"
    shutil.copytree(resources.resources_root(), root)
    monkeypatch.setenv(resources.ENV_VAR, str(root))
    resources.clear_cache()
    yield root
    resources.clear_cache()
    qapp.setStyleSheet("")


def _by_name(results):
    return {name: (ok, detail) for name, ok, detail in results}


def test_all_program_checks_pass_here(qapp):
    results = _by_name(run_bundle_checks() + run_qt_checks())
    assert set(results) == {
        "program",
        "resources",
        "contract_reference",
        "ca_certificates",
        "qt_platform",
        "qt_translations",
        "qt_icons",
        "qt_stylesheet",
    }
    assert all(ok for ok, _ in results.values()), results
    qapp.setStyleSheet("")


def test_missing_icon_fails_the_resources_check(resource_copy):
    (resource_copy / "icons" / "hai-desk-256.png").unlink()
    ok, detail = _by_name(run_bundle_checks())["resources"]
    assert not ok and "hai-desk-256.png" in detail


def test_unparsable_stylesheet_fails(resource_copy):
    (resource_copy / "styles" / "desk.qss").write_text("QWidget { color: red; {{ ", "utf-8")
    ok, _ = _by_name(run_qt_checks())["qt_stylesheet"]
    assert not ok


def test_broken_translation_fails(resource_copy):
    (resource_copy / "translations" / "hai_desktop_en.qm").write_bytes(b"not a qm file")
    ok, _ = _by_name(run_qt_checks())["qt_translations"]
    assert not ok


def test_icon_that_does_not_render_fails(resource_copy):
    (resource_copy / "icons" / "broken.svg").write_text("<svg", "utf-8")
    ok, detail = _by_name(run_qt_checks())["qt_icons"]
    assert not ok and "broken.svg" in detail
