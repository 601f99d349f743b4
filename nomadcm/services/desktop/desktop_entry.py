"""A launcher for the GUI in the desktop's own menu: `nomadcm desktop install | uninstall`.

- Linux and other freedesktop systems: `$XDG_DATA_HOME/applications/nomadcm.desktop` (default
  `~/.local/share/applications/`) running the absolute path of `nomadcm-gui`, and the app icon in the
  user's hicolor theme (an SVG and PNG sizes). Menus pick both up without a log-out.
- Windows: a Start-menu shortcut (`NomadCM.lnk`) made by PowerShell's WScript.Shell object, which every
  Windows since 7 has; when PowerShell is missing or refuses, an Internet shortcut (`NomadCM.url`) to the
  program, which Windows also shows in the Start menu.
- macOS: `~/Applications/NomadCM.app`, a minimal application bundle whose executable is a two-line shell
  script starting `nomadcm-gui`, with the app icon; Launchpad and Spotlight list it.

No extra dependency: plain files, and PowerShell where it exists. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nomadcm import APP_NAME, __version__, paths
from nomadcm.errors import UserError

APP_ID = "nomadcm"  # the desktop file's name, the icon's name and Qt's desktopFileName
GUI_SCRIPT = "nomadcm-gui"
BUNDLE_ID = "org.nomadcm.NomadCM"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
POWERSHELL_TIMEOUT_S = 30

Runner = Callable[[list[str]], "subprocess.CompletedProcess[str]"]


@dataclass
class LauncherReport:
    """What install/uninstall did, for the CLI to print (a person should know which files changed)."""

    system: str
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"wrote {p}" for p in self.written] + [f"removed {p}" for p in self.removed]
        return out + self.notes


def platform_kind(platform: str | None = None) -> str:
    """'windows', 'macos' or 'freedesktop' (Linux, the BSDs...)."""
    name = platform or sys.platform
    if name.startswith("win"):
        return "windows"
    if name == "darwin":
        return "macos"
    return "freedesktop"


def icon_file(name: str) -> Path:
    return paths.resource_path("icons", "app", name)


def gui_executable(platform: str | None = None) -> Path:
    """The absolute path of the program that opens the GUI.

    In a PyInstaller bundle, the bundle's own executable; else the `nomadcm-gui` script installed beside
    this Python (a venv's bin/ or Scripts/), else the one on PATH.
    """
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve()
    windows = platform_kind(platform) == "windows"
    name = GUI_SCRIPT + (".exe" if windows else "")
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside.absolute()
    found = shutil.which(GUI_SCRIPT)
    if found:
        return Path(found).absolute()
    raise UserError(
        f"cannot find the {GUI_SCRIPT} program beside {sys.executable} or on PATH; "
        "reinstall NomadCM (pip install nomadcm) and run this command again"
    )


# ---------------------------------------------------------------------------------------------- freedesktop


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec says to ignore a relative one), else the default."""
    env = os.environ if env is None else env
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


def desktop_file_path(env: Mapping[str, str] | None = None) -> Path:
    return data_home(env) / "applications" / f"{APP_ID}.desktop"


def icon_targets(env: Mapping[str, str] | None = None) -> dict[Path, Path]:
    """Installed icon path -> shipped source file."""
    hicolor = data_home(env) / "icons" / "hicolor"
    targets = {hicolor / "scalable" / "apps" / f"{APP_ID}.svg": icon_file("nomadcm.svg")}
    for size in PNG_SIZES:
        targets[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_file(f"nomadcm-{size}.png")
    return targets


def exec_quote(arg: str) -> str:
    """One argument of an Exec key, quoted as the Desktop Entry spec asks (then escaped as a string value)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    text = arg.replace("%", "%%")
    if any(ch in reserved for ch in text):
        text = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in text) + '"'
    return text.replace("\\", "\\\\")


def _string_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def desktop_entry(executable: Path) -> str:
    """The text of nomadcm.desktop (validated by desktop-file-validate in the tests)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            f"Name={APP_NAME}",
            "GenericName=Social media planner",
            "GenericName[fr]=Planning de publications",
            "Comment=Plan your clients' posts across time zones while you travel",
            "Comment[fr]=Planifiez les publications de vos clients dans leur fuseau horaire, où que vous soyez",
            f"Exec={exec_quote(str(executable))}",
            f"TryExec={_string_value(str(executable))}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "StartupNotify=true",
            f"StartupWMClass={APP_NAME}",
            "Categories=Office;ProjectManagement;",
            "Keywords=social media;community manager;posts;schedule;time zone;travel;wifi;screen time;",
            "Keywords[fr]=réseaux sociaux;community manager;publication;planning;fuseau horaire;voyage;"
            "wifi;temps d'écran;",
            "",
        ]
    )


def _install_freedesktop(executable: Path, env: Mapping[str, str] | None) -> LauncherReport:
    report = LauncherReport("freedesktop")
    for target, source in icon_targets(env).items():
        if not source.is_file():
            raise UserError(f"the icon {source} is missing from this installation of NomadCM")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        report.written.append(target)
    hicolor = data_home(env) / "icons" / "hicolor"
    os.utime(hicolor)  # a newer folder time tells icon caches to look again
    desktop = desktop_file_path(env)
    desktop.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(desktop, desktop_entry(executable).encode("utf-8"))
    report.written.append(desktop)
    report.notes.append(f"NomadCM is in your applications menu; it runs {executable}")
    return report


def _uninstall_freedesktop(env: Mapping[str, str] | None) -> LauncherReport:
    report = LauncherReport("freedesktop")
    for target in [desktop_file_path(env), *icon_targets(env)]:
        if target.is_file() or target.is_symlink():
            target.unlink()
            report.removed.append(target)
    return report


# ------------------------------------------------------------------------------------------------- Windows


def start_menu_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    appdata = env.get("APPDATA") or str(Path(env.get("USERPROFILE") or Path.home()) / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs"


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def powershell_shortcut_command(link: Path, executable: Path, icon: Path, workdir: Path) -> list[str]:
    script = (
        f"$s = (New-Object -ComObject WScript.Shell).CreateShortcut({_ps_quote(str(link))}); "
        f"$s.TargetPath = {_ps_quote(str(executable))}; "
        f"$s.WorkingDirectory = {_ps_quote(str(workdir))}; "
        f"$s.IconLocation = {_ps_quote(str(icon) + ',0')}; "
        f"$s.Description = {_ps_quote('Plan posts across time zones while you travel')}; "
        "$s.Save()"
    )
    return ["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", script]


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=POWERSHELL_TIMEOUT_S, check=False)


def _install_windows(executable: Path, env: Mapping[str, str] | None, runner: Runner) -> LauncherReport:
    report = LauncherReport("windows")
    folder = start_menu_dir(env)
    folder.mkdir(parents=True, exist_ok=True)
    link, url = folder / f"{APP_NAME}.lnk", folder / f"{APP_NAME}.url"
    icon = icon_file("nomadcm.ico")
    home = Path((env or os.environ).get("USERPROFILE") or Path.home())
    reason = ""
    try:
        done = runner(powershell_shortcut_command(link, executable, icon, home))
        if done.returncode != 0:
            reason = (done.stderr or done.stdout or f"exit code {done.returncode}").strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError) as err:
        reason = str(err) or type(err).__name__
    if not reason and link.is_file():
        url.unlink(missing_ok=True)  # an older fallback would show NomadCM twice
        report.written.append(link)
        report.notes.append(f"NomadCM is in the Start menu; it runs {executable}")
        return report
    # No PowerShell (or it refused): an Internet shortcut to the program is plain text and still a launcher.
    text = f"[InternetShortcut]\r\nURL={executable.as_uri()}\r\nIconFile={icon}\r\nIconIndex=0\r\n"
    _write_atomic(url, text.encode("utf-8"))
    report.written.append(url)
    report.notes.append(
        f"PowerShell could not make a .lnk shortcut ({reason or 'no shortcut was written'}); "
        f"wrote a .url shortcut instead. NomadCM is in the Start menu; it runs {executable}"
    )
    return report


def _uninstall_windows(env: Mapping[str, str] | None) -> LauncherReport:
    report = LauncherReport("windows")
    folder = start_menu_dir(env)
    for target in (folder / f"{APP_NAME}.lnk", folder / f"{APP_NAME}.url"):
        if target.is_file():
            target.unlink()
            report.removed.append(target)
    return report


# --------------------------------------------------------------------------------------------------- macOS


def app_bundle_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get("HOME") or Path.home()) / "Applications" / f"{APP_NAME}.app"


def info_plist() -> dict[str, object]:
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleExecutable": APP_NAME,
        "CFBundleIconFile": "nomadcm.icns",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": __version__,
        "CFBundleVersion": __version__,
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "fr"],
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
    }


def _is_our_bundle(bundle: Path) -> bool:
    try:
        with (bundle / "Contents" / "Info.plist").open("rb") as fh:
            return plistlib.load(fh).get("CFBundleIdentifier") == BUNDLE_ID
    except (OSError, plistlib.InvalidFileException, ValueError):
        return False


def _install_macos(executable: Path, env: Mapping[str, str] | None) -> LauncherReport:
    report = LauncherReport("macos")
    bundle = app_bundle_path(env)
    if bundle.exists() and not _is_our_bundle(bundle):
        raise UserError(f"{bundle} already exists and was not made by NomadCM; move it away and try again")
    contents = bundle / "Contents"
    (contents / "MacOS").mkdir(parents=True, exist_ok=True)
    (contents / "Resources").mkdir(parents=True, exist_ok=True)
    _write_atomic(contents / "Info.plist", plistlib.dumps(info_plist()))
    launcher = contents / "MacOS" / APP_NAME
    _write_atomic(launcher, f'#!/bin/sh\nexec {shlex.quote(str(executable))} "$@"\n'.encode())
    launcher.chmod(0o755)
    shutil.copyfile(icon_file("nomadcm.icns"), contents / "Resources" / "nomadcm.icns")
    report.written.append(bundle)
    report.notes.append(
        f"NomadCM is in your Applications folder (Launchpad, Spotlight); it runs {executable}"
    )
    return report


def _uninstall_macos(env: Mapping[str, str] | None) -> LauncherReport:
    report = LauncherReport("macos")
    bundle = app_bundle_path(env)
    if bundle.exists():
        if not _is_our_bundle(bundle):
            raise UserError(f"{bundle} was not made by NomadCM; it was left alone")
        shutil.rmtree(bundle)
        report.removed.append(bundle)
    return report


# ------------------------------------------------------------------------------------------------- entry


def install(
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    executable: Path | None = None,
    runner: Runner = _run,
) -> LauncherReport:
    kind = platform_kind(platform)
    exe = executable or gui_executable(platform)
    if kind == "windows":
        return _install_windows(exe, env, runner)
    if kind == "macos":
        return _install_macos(exe, env)
    return _install_freedesktop(exe, env)


def uninstall(platform: str | None = None, env: Mapping[str, str] | None = None) -> LauncherReport:
    kind = platform_kind(platform)
    if kind == "windows":
        report = _uninstall_windows(env)
    elif kind == "macos":
        report = _uninstall_macos(env)
    else:
        report = _uninstall_freedesktop(env)
    if not report.removed:
        report.notes.append("no NomadCM launcher was installed for this user: nothing to remove")
    return report


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
