"""Where the GUI thread is when it stops answering: stacks taken during a stall.

A watcher thread wakes every 5 ms and looks at the GUI's heartbeat (the time of
the stall meter's last tick). Once the heartbeat is older than the threshold, it
takes the stack of every thread, once per stall, and again at each further
threshold of the same stall. Taking a stack needs the GIL: when the GUI thread
waits with the GIL let go (a lock, a join, a system call), the stack shows that
wait; when a thread holds the GIL, the watcher only runs after it let go, and the
stacks show where the holder went on from.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

# Stack lines name files from here, so that they read as the repository's paths.
ROOT = str(Path(__file__).resolve().parent.parent)


class StallTracer:
    def __init__(self, heartbeat: Callable[[], float], phase: Callable[[], str], ms: float):
        self._heartbeat, self._phase, self._limit = heartbeat, phase, ms / 1000
        self.samples: list[dict] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-tracer", daemon=True)
        self._gui = threading.main_thread().ident

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        seen_beat, taken = 0.0, 0
        while not self._stop.wait(0.005):
            beat = self._heartbeat()
            if beat != seen_beat:
                seen_beat, taken = beat, 0
            age = time.perf_counter() - beat
            if age < self._limit * (taken + 1):
                continue
            taken += 1
            # Every thread running Python, Qt's own too (a QThread or a pool thread
            # that never asked for threading.current_thread() is not enumerated).
            names = {t.ident: t.name for t in threading.enumerate()}
            stacks = {}
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                name = "GUI" if ident == self._gui else names.get(ident, f"thread {ident}")
                stacks[name] = _short(frame)
            self.samples.append(
                {"phase": self._phase(), "age_ms": round(age * 1000), "stacks": stacks}
            )

    def report(self, top: int = 12) -> list[dict]:
        """The ``top`` samples taken furthest into a stall."""
        ordered = sorted(self.samples, key=lambda s: s["age_ms"], reverse=True)
        return ordered[:top]


def _short(frame, depth: int = 8) -> list[str]:
    stack = traceback.extract_stack(frame)[-depth:]
    return [
        f"{s.filename.replace(ROOT, '').lstrip('/')}:{s.lineno} {s.name}" for s in reversed(stack)
    ]
