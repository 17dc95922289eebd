"""The plain data that flows through the engine: files → records → groups.

Every stage takes the previous stage's values and returns new ones; nothing here
does I/O. Paths are ``str`` made with ``os.fsdecode`` so that a non-UTF-8 name on
Linux keeps its bytes through surrogate escapes (``os.fsencode`` gives them back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

HASH_ALGORITHMS: tuple[str, ...] = ("dhash", "phash", "ahash", "whash")
HASH_SIZES: tuple[int, ...] = (8, 16)
DEFAULT_MIN_SIZE = 8 * 1024


@dataclass(frozen=True)
class HashSettings:
    """Which perceptual hash to compute; part of every cache key."""

    algorithm: str = "dhash"
    hash_size: int = 8

    def __post_init__(self) -> None:
        if self.algorithm not in HASH_ALGORITHMS:
            raise ValueError(f"unknown hash algorithm {self.algorithm!r}")
        if self.hash_size not in HASH_SIZES:
            raise ValueError(f"hash size must be one of {HASH_SIZES}, not {self.hash_size}")

    @property
    def bits(self) -> int:
        return self.hash_size * self.hash_size

    @property
    def key(self) -> str:
        return f"{self.algorithm}-{self.hash_size}"


@dataclass(frozen=True)
class FileRef:
    """A file discovery found and recognised as an image by its first bytes."""

    path: str
    size: int
    mtime_ns: int
    dev: int
    ino: int
    format: str  # from the magic bytes: JPEG, PNG, GIF, BMP, TIFF, WEBP, HEIF, AVIF


@dataclass(frozen=True)
class ImageRecord:
    """What the engine knows about one image: its facts and its fingerprints.

    ``hash`` packs the perceptual hash bits most significant first, in the order
    of ``imagehash.ImageHash.hash.flatten()``. ``variants`` holds the hashes of the
    image turned 90, 180 and 270 degrees and mirrored left-right, in that order.
    ``digest`` is the quick content digest (size plus sampled blocks) that lets the
    cache recognise a moved file without decoding it again.
    """

    path: str
    size: int
    mtime_ns: int
    format: str
    width: int  # as displayed, after the EXIF orientation
    height: int
    hash: int
    variants: tuple[int, ...]
    digest: str
    taken: str | None = None  # EXIF DateTimeOriginal as ISO 8601, no zone
    camera: str | None = None

    @property
    def mtime(self) -> float:
        return self.mtime_ns / 1e9

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True)
class ScanError:
    """A file or folder the scan could not use, with a one-line reason."""

    path: str
    error: str


@dataclass(frozen=True)
class Member:
    """One image of a group and its Hamming distance to the group's reference."""

    image: ImageRecord
    distance: int
    in_reference_folder: bool = False


@dataclass(frozen=True)
class Group:
    """Look-alike images. ``members[0]`` is the reference, at distance 0."""

    members: tuple[Member, ...]

    @property
    def reference(self) -> ImageRecord:
        return self.members[0].image

    @property
    def paths(self) -> list[str]:
        return [m.image.path for m in self.members]


@dataclass(frozen=True)
class Progress:
    """A progress report: what phase, how far, and what is being read now."""

    phase: str  # "discover", "hash", "group"
    done: int
    total: int
    bytes_done: int = 0
    bytes_total: int = 0
    current: str = ""
    rate: float = 0.0  # files per second in this phase
    eta: float | None = None  # seconds left, when it can be estimated


ProgressCallback = Callable[[Progress], None]


@dataclass
class ScanStats:
    files_seen: int = 0
    images: int = 0
    decoded: int = 0
    cache_hits: int = 0
    seconds: float = 0.0


@dataclass
class ScanResult:
    images: list[ImageRecord] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    identical: list[list[str]] = field(default_factory=list)  # byte-identical path sets
    stats: ScanStats = field(default_factory=ScanStats)


class Cancelled(Exception):
    """Raised by engine functions when their cancel event is set."""
