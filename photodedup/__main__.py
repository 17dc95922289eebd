"""``python -m photodedup`` starts the desktop app."""

# The guard matters: scan workers start by re-importing the main module, and
# they must not open a window.
if __name__ == "__main__":
    from photodedup.gui.app import main

    raise SystemExit(main())
