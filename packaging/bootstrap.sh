#!/usr/bin/env bash
# Set up a photodedup checkout and run the app or the whole test suite.
#
#   packaging/bootstrap.sh app  [APP ARGS...]     set up the app, then start it
#   packaging/bootstrap.sh test [PYTEST ARGS...]  set up with the test and bundle tools, then ruff + pytest
#   packaging/bootstrap.sh setup                  set up for development (test and bundle tools)
#
# Set-up is idempotent and quick when nothing changed: it makes .venv in the
# checkout (an existing one is reused, never removed), installs the package with
# what the command needs (the app alone; the test and bundle tools for test
# and setup), again only when pyproject.toml is newer than the
# last install, installs the system libraries Qt needs when they are missing
# (with apt-get, as root or through passwordless sudo; otherwise it names them),
# and compiles the translations.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
STAMP="$VENV/.photodedup-installed"  # suffixed with what was installed: -app, -test, -dev
MIN_PYTHON="3.11"

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    sed -n '2,6s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# --- system packages -------------------------------------------------------

SUDO=()
can_apt() {
    command -v apt-get >/dev/null 2>&1 || return 1
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        return 1
    fi
}

APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        say "updating the package lists (apt-get update)"
        "${SUDO[@]}" apt-get update -qq >&2 ||
            say "warning: apt-get update failed; trying with the package lists at hand"
        APT_UPDATED=1
    fi
    say "installing: $*"
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq \
        --no-install-recommends "$@" >&2
}

# --- Python and the virtual environment -------------------------------------

python_ok() {  # python_ok CMD: is CMD a Python >= MIN_PYTHON?
    "$1" -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON/./, }))" 2>/dev/null
}

find_python() {
    local candidate
    for candidate in ${PHOTODEDUP_PYTHON:-} python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

make_venv() {
    local python
    if ! python="$(find_python)"; then
        if can_apt; then
            apt_install python3 python3-venv
            python="$(find_python)" || die "this system's python3 is older than $MIN_PYTHON;" \
                "install Python $MIN_PYTHON or newer and run again" \
                "(or point PHOTODEDUP_PYTHON at one)"
        else
            die "Python $MIN_PYTHON or newer is needed: install it (e.g. 'sudo apt-get install" \
                "python3 python3-venv') or point PHOTODEDUP_PYTHON at one, then run again"
        fi
    fi
    say "creating .venv with $python ($("$python" -c 'import platform; print(platform.python_version())'))"
    if "$python" -m venv "$VENV" >/dev/null 2>&1; then
        return 0
    fi
    # Debian and Ubuntu ship venv's pip bootstrap separately (python3.X-venv).
    # The failed attempt left a half-made .venv of our own making: clear it.
    rm -rf "$VENV"
    local venv_pkg
    venv_pkg="python$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
    if can_apt; then
        apt_install "$venv_pkg"
        "$python" -m venv "$VENV" || die "could not create .venv with $python"
    else
        die "$python cannot create a virtual environment: install $venv_pkg" \
            "(sudo apt-get install $venv_pkg) and run again"
    fi
}

ensure_venv() {
    if [ -x "$PY" ]; then
        python_ok "$PY" && return 0
        die ".venv exists but its Python is broken or older than $MIN_PYTHON;" \
            "move it aside and run again"
    fi
    [ -e "$VENV" ] && die ".venv exists but has no bin/python; move it aside and run again"
    make_venv
}

installed() {  # installed LEVEL: is LEVEL (or more) installed and newer than pyproject.toml?
    local level
    # A stamp without a suffix is from before levels, when everything was installed.
    [ -f "$STAMP" ] && [ "$STAMP" -nt "$ROOT/pyproject.toml" ] && return 0
    for level in "$@"; do
        [ -f "$STAMP-$level" ] && [ "$STAMP-$level" -nt "$ROOT/pyproject.toml" ] && return 0
    done
    return 1
}

ensure_package() {  # ensure_package app|test|dev
    local target
    case "$1" in
        app) installed app test dev && return 0; target="$ROOT" ;;
        # The whole suite builds the bundle too, so the test tools include PyInstaller.
        test) installed test dev && return 0; target="${ROOT}[test,bundle]" ;;
        dev) installed dev && return 0; target="${ROOT}[test,bundle]" ;;
    esac
    if ! ls "$STAMP"* >/dev/null 2>&1; then
        say "installing photodedup and its dependencies into .venv;" \
            "the first time this downloads about 200 MB and takes a few minutes"
    else
        say "updating photodedup's dependencies in .venv"
    fi
    # pip's own progress (no --quiet): a first install is long enough to look hung.
    "$PY" -m pip install --disable-pip-version-check -e "$target" >&2
    touch "$STAMP-$1"
}

# --- Qt's system libraries ---------------------------------------------------

# Debian/Ubuntu package for each library Qt's xcb, GL and font code loads.
package_for() {
    case "$1" in
        libEGL.so.*) echo libegl1 ;;
        libGL.so.* | libGLX.so.*) echo libgl1 ;;
        libOpenGL.so.*) echo libopengl0 ;;
        libxkbcommon.so.*) echo libxkbcommon0 ;;
        libxkbcommon-x11.so.*) echo libxkbcommon-x11-0 ;;
        libfontconfig.so.*) echo libfontconfig1 ;;
        libfreetype.so.*) echo libfreetype6 ;;
        libdbus-1.so.*) echo libdbus-1-3 ;;
        libglib-2.0.so.* | libgthread-2.0.so.* | libgobject-2.0.so.*) echo libglib2.0-0 ;;
        libX11.so.*) echo libx11-6 ;;
        libX11-xcb.so.*) echo libx11-xcb1 ;;
        libSM.so.*) echo libsm6 ;;
        libICE.so.*) echo libice6 ;;
        libxcb.so.*) echo libxcb1 ;;
        libxcb-cursor.so.*) echo libxcb-cursor0 ;;
        libxcb-icccm.so.*) echo libxcb-icccm4 ;;
        libxcb-keysyms.so.*) echo libxcb-keysyms1 ;;
        libxcb-shape.so.*) echo libxcb-shape0 ;;
        libxcb-render-util.so.*) echo libxcb-render-util0 ;;
        libxcb-image.so.*) echo libxcb-image0 ;;
        libxcb-util.so.*) echo libxcb-util1 ;;
        libxcb-randr.so.*) echo libxcb-randr0 ;;
        libxcb-render.so.*) echo libxcb-render0 ;;
        libxcb-shm.so.*) echo libxcb-shm0 ;;
        libxcb-sync.so.*) echo libxcb-sync1 ;;
        libxcb-xfixes.so.*) echo libxcb-xfixes0 ;;
        libxcb-xkb.so.*) echo libxcb-xkb1 ;;
        libxcb-xinput.so.*) echo libxcb-xinput0 ;;
        libxcb-glx.so.*) echo libxcb-glx0 ;;
        libgssapi_krb5.so.*) echo libgssapi-krb5-2 ;;
        *) echo "?$1" ;;  # unknown: reported by name
    esac
}

missing_qt_libs() {  # prints the sonames Qt's libraries and the xcb plugin cannot find
    local qt
    qt="$("$PY" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')"
    local files=()
    local name
    for name in Core Gui Widgets Svg DBus XcbQpa; do
        [ -e "$qt/lib/libQt6$name.so.6" ] && files+=("$qt/lib/libQt6$name.so.6")
    done
    [ -e "$qt/plugins/platforms/libqxcb.so" ] && files+=("$qt/plugins/platforms/libqxcb.so")
    [ "${#files[@]}" -eq 0 ] && return 0
    # Qt's own libraries resolve through their rpath at run time; only system ones count.
    LD_LIBRARY_PATH="$qt/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ldd "${files[@]}" 2>/dev/null |
        awk '/not found/ && $1 !~ /^libQt6/ {print $1}' | sort -u
}

ensure_qt_libs() {  # ensure_qt_libs MODE
    [ "$(uname -s)" = Linux ] && command -v ldd >/dev/null 2>&1 || return 0
    local missing
    missing="$(missing_qt_libs)"
    [ -z "$missing" ] && return 0
    local packages=() unknown=() lib pkg
    for lib in $missing; do
        pkg="$(package_for "$lib")"
        if [ "${pkg#\?}" != "$pkg" ]; then unknown+=("$lib"); else packages+=("$pkg"); fi
    done
    if [ "${#packages[@]}" -gt 0 ] && can_apt; then
        # shellcheck disable=SC2207  # package names have no spaces
        packages=($(printf '%s\n' "${packages[@]}" | sort -u))
        apt_install "${packages[@]}" || say "warning: apt-get could not install them"
        missing="$(missing_qt_libs)"
        [ -z "$missing" ] && return 0
    fi
    local message
    message="Qt cannot find these system libraries: $(echo "$missing" | tr '\n' ' ')"
    if [ "${#packages[@]}" -gt 0 ]; then
        message+=". Install them with: sudo apt-get install $(printf '%s\n' "${packages[@]}" | sort -u | tr '\n' ' ')"
    fi
    [ "${#unknown[@]}" -gt 0 ] && message+=" (no package known for: ${unknown[*]})"
    if [ "$1" = app ]; then
        die "$message"
    fi
    # Offscreen tests do not load the xcb plugin, so they may still pass.
    say "warning: $message"
}

setup() {  # setup app|test|dev
    ensure_venv
    ensure_package "$1"
    ensure_qt_libs "$1"
    "$PY" "$ROOT/packaging/i18n.py" compile >&2
}

# --- commands ----------------------------------------------------------------

[ $# -ge 1 ] || usage
command="$1"
shift
case "$command" in
    app)
        setup app
        exec "$PY" -m photodedup "$@"
        ;;
    test)
        setup test
        cd "$ROOT"
        export QT_QPA_PLATFORM=offscreen
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        exec "$PY" -m pytest "$@"
        ;;
    setup)
        setup dev
        ;;
    -h | --help | help) usage ;;
    *) usage ;;
esac
