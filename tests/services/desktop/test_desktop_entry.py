"""The desktop launcher: freedesktop entry + hicolor icons, Windows Start-menu shortcut, macOS app bundle."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from nomadcm.cli import main
from nomadcm.errors import UserError
from nomadcm.services.desktop import desktop_entry as de


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_shipped_icons_are_real_images() -> None:
    for size in de.PNG_SIZES:
        data = de.icon_file(f"nomadcm-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
    ico = de.icon_file("nomadcm.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6])[:2] == (0, 1) and struct.unpack("<H", ico[4:6])[0] >= 5
    icns = de.icon_file("nomadcm.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert "<svg" in de.icon_file("nomadcm.svg").read_text(encoding="utf-8")


def test_freedesktop_install_writes_entry_and_icons(env: dict[str, str], tmp_path: Path) -> None:
    exe = tmp_path / "venv dir" / "bin" / "nomadcm-gui"
    report = de.install("linux", env, executable=exe)
    desktop = tmp_path / "data" / "applications" / "nomadcm.desktop"
    assert desktop in report.written
    entry = read_entry(desktop)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "NomadCM"
    assert entry["Icon"] == "nomadcm"
    # A path with a space is quoted, and the quoting survives the string-value escaping.
    assert entry["Exec"] == f'"{exe}"'
    assert entry["TryExec"] == str(exe)
    hicolor = tmp_path / "data" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "nomadcm.svg").read_bytes() == de.icon_file(
        "nomadcm.svg"
    ).read_bytes()
    for size in de.PNG_SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / "nomadcm.png").is_file()
    assert any("applications menu" in line for line in report.lines())
    assert not list(desktop.parent.glob("*.tmp"))


def test_relative_xdg_data_home_is_ignored(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": "relative/dir"}
    assert de.desktop_file_path(env) == tmp_path / ".local/share/applications/nomadcm.desktop"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
@pytest.mark.parametrize("exe_name", ["nomadcm-gui", "dir with space/nomadcm-gui", "50% $odd 'name'/gui"])
def test_desktop_file_validates(env: dict[str, str], tmp_path: Path, exe_name: str) -> None:
    de.install("linux", env, executable=tmp_path / exe_name)
    desktop = tmp_path / "data" / "applications" / "nomadcm.desktop"
    done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "", done.stdout  # not even a hint


def test_exec_quote_follows_the_spec() -> None:
    assert de.exec_quote("/usr/bin/nomadcm-gui") == "/usr/bin/nomadcm-gui"
    assert de.exec_quote("/a b/x") == '"/a b/x"'
    # $ is escaped inside quotes, and that backslash is itself doubled by the string-value rules.
    assert de.exec_quote("/a$b/x") == '"/a\\\\$b/x"'
    assert de.exec_quote("/100%/x") == "/100%%/x"


def test_freedesktop_uninstall_removes_both(env: dict[str, str], tmp_path: Path) -> None:
    de.install("linux", env, executable=tmp_path / "nomadcm-gui")
    other = tmp_path / "data" / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n")
    report = de.uninstall("linux", env)
    assert tmp_path / "data" / "applications" / "nomadcm.desktop" in report.removed
    assert not list((tmp_path / "data").rglob("nomadcm.*"))
    assert other.is_file()  # only ours
    again = de.uninstall("linux", env)
    assert again.removed == [] and "nothing to remove" in again.lines()[0]


def test_cli_install_and_uninstall_use_the_venv_script(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The autouse fixture points XDG_DATA_HOME at a temporary home.
    assert main(["desktop", "install"]) == 0
    out = capsys.readouterr().out
    desktop = de.desktop_file_path()
    assert f"wrote {desktop}" in out
    exe = Path(sys.executable).parent / "nomadcm-gui"
    if exe.is_file():
        assert read_entry(desktop)["TryExec"] == str(exe.absolute())
    assert main(["desktop", "uninstall"]) == 0
    assert f"removed {desktop}" in capsys.readouterr().out
    assert not desktop.exists()


def test_missing_gui_script_is_a_user_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(UserError, match="nomadcm-gui"):
        de.gui_executable("linux")


def test_frozen_bundle_launches_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "NomadCM" / "NomadCM"))
    assert de.gui_executable("linux") == tmp_path / "NomadCM" / "NomadCM"


# -------------------------------------------------------------------------------------------- Windows


def test_windows_shortcut_through_powershell(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming"), "USERPROFILE": str(tmp_path)}
    calls: list[list[str]] = []

    def fake_powershell(command: list[str]) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        link = tmp_path / "Roaming/Microsoft/Windows/Start Menu/Programs/NomadCM.lnk"
        link.write_bytes(b"L\x00\x00\x00")  # what WScript.Shell would have saved
        return subprocess.CompletedProcess(command, 0, "", "")

    exe = tmp_path / "O'Brien" / "Scripts" / "nomadcm-gui.exe"
    report = de.install("win32", env, executable=exe, runner=fake_powershell)
    programs = tmp_path / "Roaming/Microsoft/Windows/Start Menu/Programs"
    assert report.written == [programs / "NomadCM.lnk"]
    assert calls[0][0] == "powershell"
    script = calls[0][-1]
    assert "WScript.Shell" in script and "O''Brien" in script  # PowerShell quoting doubles the quote
    assert "nomadcm.ico,0" in script
    assert "Start menu" in " ".join(report.lines())
    removed = de.uninstall("win32", env)
    assert removed.removed == [programs / "NomadCM.lnk"]


def test_windows_falls_back_to_url_shortcut(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming"), "USERPROFILE": str(tmp_path)}

    def no_powershell(command: list[str]) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError("powershell")

    exe = tmp_path / "Scripts" / "nomadcm-gui.exe"
    report = de.install("win32", env, executable=exe, runner=no_powershell)
    url = tmp_path / "Roaming/Microsoft/Windows/Start Menu/Programs/NomadCM.url"
    assert report.written == [url]
    text = url.read_bytes().decode("utf-8")
    assert text.startswith("[InternetShortcut]\r\n")
    assert f"URL={exe.as_uri()}\r\n" in text
    assert ".url shortcut instead" in " ".join(report.lines())
    assert de.uninstall("win32", env).removed == [url]


# ---------------------------------------------------------------------------------------------- macOS


def test_macos_app_bundle(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    exe = tmp_path / "my venv" / "bin" / "nomadcm-gui"
    report = de.install("darwin", env, executable=exe)
    bundle = tmp_path / "Applications" / "NomadCM.app"
    assert report.written == [bundle]
    info = plistlib.loads((bundle / "Contents" / "Info.plist").read_bytes())
    assert info["CFBundleExecutable"] == "NomadCM"
    assert info["CFBundleIdentifier"] == de.BUNDLE_ID
    launcher = bundle / "Contents" / "MacOS" / "NomadCM"
    assert launcher.stat().st_mode & 0o111
    assert f"exec '{exe}' \"$@\"" in launcher.read_text()
    assert (bundle / "Contents" / "Resources" / info["CFBundleIconFile"]).read_bytes()[:4] == b"icns"
    # Running the launcher really runs the target with the arguments.
    exe.parent.mkdir(parents=True)
    exe.write_text(f"#!/bin/sh\necho started \"$@\" > '{tmp_path / 'ran.txt'}'\n")
    exe.chmod(0o755)
    subprocess.run([str(launcher), "--exit-after-startup"], check=True)
    assert (tmp_path / "ran.txt").read_text().strip() == "started --exit-after-startup"
    de.install("darwin", env, executable=exe)  # reinstalling over our own bundle is fine
    assert de.uninstall("darwin", env).removed == [bundle]
    assert not bundle.exists()


def test_macos_never_touches_a_foreign_bundle(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    foreign = tmp_path / "Applications" / "NomadCM.app" / "Contents"
    foreign.mkdir(parents=True)
    (foreign / "Info.plist").write_bytes(plistlib.dumps({"CFBundleIdentifier": "com.example.other"}))
    with pytest.raises(UserError, match="not made by NomadCM"):
        de.install("darwin", env, executable=tmp_path / "gui")
    with pytest.raises(UserError, match="left alone"):
        de.uninstall("darwin", env)
    assert (foreign / "Info.plist").is_file()
