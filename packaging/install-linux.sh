#!/usr/bin/env bash
# Install the photodedup bundle for the current user (no root needed), or remove it.
#
#   ./install-linux.sh [BUNDLE_DIR]     install (default: the bundle folder this script is in,
#                                       else dist/photodedup of the checkout it is in)
#   ./install-linux.sh --uninstall      remove everything the install put in place
#
# Puts the bundle in ~/.local/share/photodedup, links photodedup and photodedup-cli
# into ~/.local/bin, and adds the menu entry, icons and AppStream metadata under
# ~/.local/share (or $XDG_DATA_HOME). Running it again replaces the installed copy.
set -euo pipefail

APP_ID="io.github.photodedup.Photodedup"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
TARGET="$DATA/photodedup"
PROGRAMS=(photodedup photodedup-cli)
ICON_SIZES=(16 24 32 48 64 128 256 512)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf 'install-linux: %s\n' "$*"; }
die() { printf 'install-linux: error: %s\n' "$*" >&2; exit 1; }

refresh_caches() {
    # Menus and icon themes pick up changes by themselves on most desktops; these
    # tools only make it immediate, so their absence or failure does not matter.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    local program
    for program in "${PROGRAMS[@]}"; do
        # Only our own links: never a program of the same name installed otherwise.
        if [ -L "$BIN/$program" ] && [ "$(readlink "$BIN/$program")" = "$TARGET/$program" ]; then
            rm -f "$BIN/$program"
        fi
    done
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    rm -f "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    local size
    for size in "${ICON_SIZES[@]}"; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    rm -rf "$TARGET"
    refresh_caches
    say "removed photodedup (your settings, cache and trash log are kept)"
}

find_bundle() {
    if [ $# -gt 0 ]; then
        echo "$1"
    elif [ -x "$HERE/photodedup" ]; then
        echo "$HERE"
    else
        echo "$HERE/../dist/photodedup"
    fi
}

install_bundle() {
    local src
    src="$(cd "$(find_bundle "$@")" 2>/dev/null && pwd)" ||
        die "no bundle found: build it with packaging/build_bundle.sh, or name its folder"
    local program
    for program in "${PROGRAMS[@]}"; do
        [ -x "$src/$program" ] || die "$src is not a photodedup bundle (no $program in it)"
    done
    [ "$src" = "$TARGET" ] && die "$src is already the installed copy"
    local res="$src/_internal/photodedup/resources"
    [ -f "$res/photodedup.svg" ] || die "the bundle in $src has no resources folder"

    # Copy beside the old install, then swap, so a failed copy leaves the old one working.
    mkdir -p "$DATA" "$BIN"
    rm -rf "$TARGET.new"
    cp -a "$src" "$TARGET.new"
    rm -f "$TARGET.new/install-linux.sh"
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
    res="$TARGET/_internal/photodedup/resources"

    for program in "${PROGRAMS[@]}"; do
        ln -sfn "$TARGET/$program" "$BIN/$program"
    done

    mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
    # The menu must start this copy whatever PATH the desktop session has.
    sed -e "s|^Exec=photodedup|Exec=\"$TARGET/photodedup\"|" \
        -e "/^TryExec=/d" -e "/^Exec=/a TryExec=$TARGET/photodedup" \
        "$res/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$res/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
    cp "$res/photodedup.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    local size
    for size in "${ICON_SIZES[@]}"; do
        mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
        cp "$res/icons/photodedup-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh_caches

    say "installed in $TARGET"
    case ":$PATH:" in
        *":$BIN:"*) say "start it from the menu, or run: photodedup" ;;
        *) say "start it from the menu; add $BIN to PATH to run 'photodedup' in a terminal" ;;
    esac
}

case "${1:-}" in
    --uninstall | uninstall) uninstall ;;
    -h | --help) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" ;;
    *) install_bundle "$@" ;;
esac
