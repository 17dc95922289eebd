#!/usr/bin/env bash
# Build the one-folder app bundle with PyInstaller (see packaging/README.md).
#
#   packaging/build_bundle.sh [PYINSTALLER ARGS...]    e.g. --distpath DIR --workpath DIR
#
# Uses .venv (run packaging/bootstrap.sh setup first) or the Python in $PYTHON.
# Output: dist/photodedup/ with photodedup and photodedup-cli (Photodedup.app on macOS);
# on Linux, install-linux.sh is copied into the folder to install it for the user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        --distpath) DIST="${args[i + 1]}" ;;
        --distpath=*) DIST="${args[i]#--distpath=}" ;;
    esac
done

"$PY" "$ROOT/packaging/i18n.py" compile
cd "$ROOT"
"$PY" -m PyInstaller --noconfirm --log-level WARN "$@" packaging/photodedup.spec
if [ "$(uname -s)" = Linux ]; then
    cp packaging/install-linux.sh "$DIST/photodedup/install-linux.sh"
fi
echo "built $DIST/photodedup"
