"""photodedup: find near-duplicate photos and move the chosen copies to the trash."""

__version__ = "0.1.0"
