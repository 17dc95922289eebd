"""The bundle's ``photodedup-cli`` program."""

import multiprocessing
import sys

if __name__ == "__main__":
    # See entry_gui.py: scan workers re-run this program.
    multiprocessing.freeze_support()
    from photodedup.cli import main

    sys.exit(main())
