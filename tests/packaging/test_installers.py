"""The platform installers, checked on Linux: the per-user Linux install script really runs
(against a stand-in bundle), and the Windows Inno Setup script and CI workflow are checked
for the rules they must keep (building them needs Windows: .github/workflows/windows-bundle.yml).
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
INSTALL_SH = REPO_ROOT / "installer" / "linux" / "install.sh"
ISS = REPO_ROOT / "installer" / "windows" / "hai-desk.iss"
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "windows-bundle.yml"


def _fake_bundle(root: Path, marker: str) -> Path:
    bundle = root / "hai-desktop"
    icons = bundle / "_internal" / "hai_desktop" / "resources" / "icons"
    shutil.copytree(REPO_ROOT / "hai_desktop" / "resources" / "icons", icons)
    exe = bundle / "hai-desktop"
    exe.write_text(f"#!/bin/sh\necho {marker}\n", encoding="utf-8")
    exe.chmod(0o755)
    return bundle


def _run_install(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(
        ["bash", str(INSTALL_SH), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_linux_per_user_install_upgrade_uninstall_keeps_data(tmp_path):
    home = tmp_path / "home"
    share = home / ".local" / "share"
    result = _run_install(home, str(_fake_bundle(tmp_path / "v1", "one")))
    assert result.returncode == 0, result.stderr
    launcher = home / ".local" / "bin" / "hai-desktop"
    assert subprocess.run([str(launcher)], capture_output=True, text=True).stdout.strip() == "one"
    desktop = share / "applications" / "hai-desk.desktop"
    entry = desktop.read_text("utf-8")
    assert f'Exec="{home}/.local/opt/hai-desk/hai-desktop"' in entry and "Icon=hai-desk" in entry
    for size in (16, 48, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hai-desk.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert check.returncode == 0, check.stdout + check.stderr

    # The user's data lives elsewhere; an upgrade and an uninstall leave it alone.
    data = share / "HAI Desk"
    data.mkdir(parents=True)
    (data / "hai-desk.sqlite3").write_bytes(b"user data")
    result = _run_install(home, str(_fake_bundle(tmp_path / "v2", "two")))
    assert result.returncode == 0, result.stderr
    assert subprocess.run([str(launcher)], capture_output=True, text=True).stdout.strip() == "two"
    assert not list((home / ".local" / "opt").glob("hai-desk.*"))  # no staging leftovers

    result = _run_install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not (home / ".local" / "opt" / "hai-desk").exists()
    assert not launcher.exists() and not launcher.is_symlink() and not desktop.exists()
    assert (data / "hai-desk.sqlite3").read_bytes() == b"user data"


def test_linux_install_without_a_bundle_says_how_to_build(tmp_path):
    result = _run_install(tmp_path / "home", str(tmp_path / "nothing"))
    assert result.returncode == 2 and "scripts/bundle" in result.stderr


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in ISS.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def test_inno_setup_script_keeps_the_rules():
    sections = _iss_sections()
    setup = configparser.ConfigParser(interpolation=None)
    setup.optionxform = str
    setup.read_string("[Setup]\n" + "\n".join(sections["Setup"]))
    s = setup["Setup"]
    assert s["PrivilegesRequired"] == "lowest"  # per user, no administrator rights
    assert "dialog" in s["PrivilegesRequiredOverridesAllowed"]  # the all-users option
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", s["AppId"])  # fixed: upgrades in place
    assert s["DefaultDirName"].startswith("{autopf}")
    assert s["CloseApplications"] == "yes"
    icon = s["SetupIconFile"].replace("{#Root}", "../..").replace("\\", "/")
    assert (ISS.parent / icon).resolve().is_file()
    assert "UninstallDelete" not in sections  # the uninstaller keeps the user's data
    assert any("{app}\\_internal" in line for line in sections["InstallDelete"])
    assert any("dist\\hai-desktop\\*" in line for line in sections["Files"])
    assert any(line.startswith('Name: "{autoprograms}') for line in sections["Icons"])
    for language in sections["Languages"]:
        assert "MessagesFile" in language


def test_windows_workflow_builds_checks_installs_and_uninstalls():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    job = workflow["jobs"]["bundle"]
    assert job["runs-on"].startswith("windows")
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "installer\\windows\\build.ps1" in script
    assert "self-check" in script and "/CURRENTUSER" in script and "unins000.exe" in script
    build = (REPO_ROOT / "installer" / "windows" / "build.ps1").read_text("utf-8")
    assert "installer\\build.py --check" in build and "hai-desk.iss" in build
