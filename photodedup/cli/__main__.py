"""``python -m photodedup.cli``: the same program as ``photodedup-cli``."""

import sys

# The guard matters: scan workers start by re-importing the main module, and
# they must not start a second scan.
if __name__ == "__main__":
    from photodedup.cli import main

    sys.exit(main())
