#!/bin/sh
# Makes sure the Debian/Ubuntu packages NomadCM needs are there: Qt's runtime libraries, a font, venv.
# Installs what is missing when run as root with apt-get; otherwise prints the command to run.
# Usage: tools/system-deps.sh venv|test|gui|screenshots|postgres
set -eu
mode=${1:-gui}

venv_pkgs="python3-venv"
# What Qt's widgets need even on the offscreen platform (tests): GL/EGL stubs, fonts, xkb, dbus, glib;
# desktop-file-validate checks the launcher `nomadcm desktop install` writes.
test_pkgs="libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
desktop-file-utils"
# What the xcb platform plugin (a real X11 window) needs on top.
gui_pkgs="$test_pkgs libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
libxcb-util1"
# Looking at the app as a person would: a virtual screen, a robot to click, a screenshot tool, and the emoji
# font a desktop has (posts use emoji; without it they show as empty boxes in the screenshots).
shot_pkgs="$gui_pkgs xvfb xdotool x11-utils imagemagick fonts-noto-color-emoji"
# The PostgreSQL pass of the tests (make test-pg, .ci/run): the distribution's server, run by
# tools/postgres-cluster.sh as a throwaway cluster under a temporary folder — no system cluster is created.
postgres_pkgs="postgresql"

case "$mode" in
  venv) pkgs=$venv_pkgs ;;
  test) pkgs=$test_pkgs ;;
  gui) pkgs=$gui_pkgs ;;
  screenshots) pkgs=$shot_pkgs ;;
  postgres) pkgs=$postgres_pkgs ;;
  *) echo "usage: $0 venv|test|gui|screenshots|postgres" >&2; exit 2 ;;
esac

if [ "$mode" = venv ]; then
  # pyenv/python.org builds carry venv and ensurepip; Debian's python3 needs python3-venv for them.
  python=${PYTHON:-python3}
  if "$python" -c "import venv, ensurepip" >/dev/null 2>&1; then exit 0; fi
  pkgs="python3-venv python3-pip"
fi

if [ "$mode" = postgres ]; then
  # Any server binary will do (Debian keeps them in /usr/lib/postgresql/VERSION/bin, off the PATH).
  for server in /usr/lib/postgresql/*/bin/postgres; do [ -x "$server" ] && exit 0; done
  command -v postgres >/dev/null 2>&1 && exit 0
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing we can check here
missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$mode" = postgres ] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    # The package would create and start a system cluster on port 5432; the tests start their own.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  fi
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "NomadCM needs these system packages:$missing" >&2
  echo "  sudo apt-get install$missing" >&2
fi
