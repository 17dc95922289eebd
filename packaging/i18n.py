"""Keep photodedup's translations up to date and compiled.

    python packaging/i18n.py            compile each resources/translations/*.ts whose .qm is
                                        missing or older (the build step; quick when current)
    python packaging/i18n.py update     collect the GUI's strings into the .ts files (lupdate)
    python packaging/i18n.py check      list unfinished entries; exit 1 if there are any

Uses Qt's lupdate and lrelease, which PySide6 ships inside its package. Standard
library only, so the build backend can import it before the app's dependencies exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = ROOT / "photodedup" / "gui"
LANGUAGES = ("zh_CN",)


class ToolMissing(RuntimeError):
    pass


def find_tool(name: str) -> str:
    """Path of Qt's ``lrelease`` or ``lupdate``: PySide6's own first, then PATH."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / exe
        if bundled.is_file():
            return str(bundled)
    except ImportError:
        pass
    for candidate in (f"pyside6-{name}", name, f"{name}-qt6", f"{name}6"):
        found = shutil.which(candidate)
        if found:
            return found
    raise ToolMissing(
        f"Qt's {name} was not found: install PySide6-Essentials (pip) or Qt's linguist tools"
    )


def stale() -> list[Path]:
    """The .ts files whose .qm is missing or older than the .ts."""
    out = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            out.append(ts)
    return out


def compile_all(force: bool = False) -> list[Path]:
    """Compile stale (or, with ``force``, all) .ts files to .qm; returns the .qm written."""
    todo = sorted(TS_DIR.glob("*.ts")) if force else stale()
    if not todo:
        return []
    lrelease = find_tool("lrelease")
    written = []
    for ts in todo:
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def update() -> None:
    """Re-scan the GUI sources and merge new strings into every language's .ts file."""
    lupdate = find_tool("lupdate")
    TS_DIR.mkdir(parents=True, exist_ok=True)
    sources = [os.path.relpath(p, ROOT) for p in sorted(SOURCES.rglob("*.py"))]
    for language in LANGUAGES:
        ts = os.path.relpath(TS_DIR / f"photodedup_{language}.ts", ROOT)
        cmd = [lupdate, *sources, "-ts", ts, "-target-language", language]
        subprocess.run([*cmd, "-no-obsolete", "-locations", "absolute"], check=True, cwd=ROOT)


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` that still lack a finished translation."""
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = [f.text for f in forms] if forms else [getattr(translation, "text", None)]
        if translation is None or translation.get("type") == "unfinished" or not all(texts):
            out.append(message.findtext("source") or "")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    try:
        if command == "compile":
            for qm in compile_all(force="--force" in argv):
                print(f"compiled {qm.relative_to(ROOT)}")
        elif command == "update":
            update()
        elif command == "check":
            missing = {ts.name: unfinished(ts) for ts in sorted(TS_DIR.glob("*.ts"))}
            for name, texts in missing.items():
                for text in texts:
                    print(f"{name}: unfinished: {text!r}")
            return 1 if any(missing.values()) else 0
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except ToolMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
