"""The bundle's ``photodedup`` program: the desktop app."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen program has no interpreter to start scan workers with: this lets the
    # program itself act as one when multiprocessing re-runs it.
    multiprocessing.freeze_support()
    from photodedup.gui.app import main

    sys.exit(main())
