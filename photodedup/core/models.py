"""The plain data a scan starts from: its options, in parts, and the records of
the files and images it reads. What it finds is in ``core.results``.

Every stage takes the previous stage's values and returns new ones; nothing here
does I/O. Paths are ``str`` made with ``os.fsdecode`` so that a non-UTF-8 name on
Linux keeps its bytes through surrogate escapes (``os.fsencode`` gives them back).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photodedup.core.presets import DEFAULT_PRESET, preset_distance

# "pdq" is the default: Meta's PDQ (256 bits) confirms pairs that a 64-bit pHash or
# dHash proposes, with a colour thumbnail as a last check (bench/README.md). The
# others are single ImageHash hashes, with classic dHash one choice away.
HASH_ALGORITHMS: tuple[str, ...] = ("pdq", "dhash", "phash", "ahash", "whash")
HASH_SIZES: tuple[int, ...] = (8, 16)
DEFAULT_ALGORITHM = "pdq"
# Smaller files are icons and thumbnails. In SI units (8 kB), as every size shown.
DEFAULT_MIN_SIZE = 8_000
# Second-check bytes (``ImageRecord.thumb``): 8 x 8 RGB thumbnail, PDQ's quality, then the
# halves' hashes (``core.halves``); another length is an older version's, decoded again.
THUMB_BYTES = 8 * 8 * 3 + 1
CHECK_BYTES = THUMB_BYTES + 4 * 40


@dataclass(frozen=True)
class HashSettings:
    """Which perceptual hash to compute; part of every cache key."""

    algorithm: str = DEFAULT_ALGORITHM
    hash_size: int = 0  # 0: the algorithm's own (16 for pdq, 8 for the others)

    def __post_init__(self) -> None:
        if self.algorithm not in HASH_ALGORITHMS:
            raise ValueError(f"unknown hash algorithm {self.algorithm!r}")
        if self.hash_size == 0:
            object.__setattr__(self, "hash_size", 16 if self.algorithm == "pdq" else 8)
        if self.hash_size not in HASH_SIZES:
            raise ValueError(f"hash size must be one of {HASH_SIZES}, not {self.hash_size}")
        if self.algorithm == "pdq" and self.hash_size != 16:
            raise ValueError("PDQ hashes are 256 bits (hash size 16)")

    @property
    def checked(self) -> bool:
        """Whether pairs are proposed by ``probes`` and confirmed by hash and thumbnail."""
        return self.algorithm == "pdq"

    @property
    def bits(self) -> int:
        return self.hash_size * self.hash_size

    @property
    def key(self) -> str:
        return f"{self.algorithm}-{self.hash_size}"


@dataclass(frozen=True)
class WalkOptions:
    """Which files a scan looks at."""

    roots: tuple[str, ...] = ()
    recursive: bool = True
    exclude: tuple[str, ...] = ()  # shell globs, matched on the path and on the name
    min_size: int = DEFAULT_MIN_SIZE
    follow_symlinks: bool = False


@dataclass(frozen=True)
class GroupOptions:
    """How fingerprints become groups: all that a regroup, without decoding, can change."""

    distance: int | None = None  # None: the default preset for the hash size
    rotations: bool = False
    # Cropped copies (pdq only): needs the records' crop windows, which a scan
    # computes only when asked (``core.crops``).
    crops: bool = False
    reference_dirs: tuple[str, ...] = ()
    ignore_blank: bool = True

    def distance_for(self, bits: int, algorithm: str = "dhash") -> int:
        """The distance in bits for hashes of ``bits`` bits made by ``algorithm``."""
        if self.distance is not None:
            return self.distance
        return preset_distance(DEFAULT_PRESET, bits, algorithm)


@dataclass(frozen=True)
class ScanOptions:
    """Everything a scan needs to know, in parts: which files, which hash, which groups.

    The front ends build one from their settings; a regroup replaces only ``group``.
    ``cache_path`` None is the user's cache folder; ``workers`` None is every core.
    """

    walk: WalkOptions
    hash: HashSettings = field(default_factory=HashSettings)
    group: GroupOptions = field(default_factory=GroupOptions)
    cache_path: str | None = None
    use_cache: bool = True
    workers: int | None = None

    @property
    def effective_distance(self) -> int:
        return self.group.distance_for(self.hash.bits, self.hash.algorithm)


@dataclass(frozen=True)
class FileRef:
    """A file discovery found and recognised as an image by its first bytes."""

    path: str
    size: int
    mtime_ns: int
    dev: int
    ino: int
    format: str  # from the content: formats.SNIFFED_FORMATS or formats.RAW_FORMATS


@dataclass(frozen=True, slots=True)
class ImageRecord:
    """What the engine knows about one image: its facts and its fingerprints.

    ``hash`` packs the perceptual hash bits most significant first, in the order
    of ``imagehash.ImageHash.hash.flatten()``. ``variants`` holds the hashes of the
    image turned 90, 180 and 270 degrees and mirrored left-right, in that order.
    ``digest`` is the quick content digest (size plus sampled blocks) that lets the
    cache recognise a moved file without decoding it again.

    The hashes and probes are kept packed (``hash_bytes``, ``probe_bytes``) and
    ``hash``, ``variants`` and ``probes`` are worked out when read: as Python ints
    they took 800 of the 1 550 bytes a record of the default fingerprint held, and
    a warm rescan spent most of its time making them (bench/README.md).
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
    gps: bool | None = None  # whether EXIF holds a location; None: not known (older cache)
    # With the checked (pdq) fingerprint: the 64-bit pHash and dHash that propose
    # pairs, as (pHash, dHash) of the image and then of each variant in order; the
    # second check's bytes (CHECK_BYTES: colour thumbnail and PDQ quality); and
    # the hashes of the picture and of its sub-windows for matching cropped copies
    # (``core.crops``; packed bytes, empty unless a scan asked for them).
    probes: tuple[int, ...] = ()
    thumb: bytes = b""
    windows: bytes = b""
    # ``hash`` then each variant, ``hash_width`` bytes each, big-endian; the probes
    # as 8 bytes each, big-endian. What is stored; the three fields above are not.
    hash_bytes: bytes = field(init=False, repr=False, compare=False)
    hash_width: int = field(init=False, repr=False, compare=False)
    probe_bytes: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        values = (self.hash, *self.variants)
        width = 8 * max(1, -(-max(v.bit_length() for v in values) // 64))
        try:
            packed = b"".join([v.to_bytes(width, "big") for v in values])
            probes = b"".join([v.to_bytes(8, "big") for v in self.probes])
        except OverflowError:
            raise ValueError("hashes and probes are unsigned, probes 64 bits") from None
        _set(self, "hash_bytes", packed)
        _set(self, "hash_width", width)
        _set(self, "probe_bytes", probes)
        for name in _UNPACKED:
            object.__delattr__(self, name)

    @classmethod
    def packed(
        cls,
        path: str,
        size: int,
        mtime_ns: int,
        format: str,
        width: int,
        height: int,
        hash_bytes: bytes,
        hash_width: int,
        digest: str,
        taken: str | None = None,
        camera: str | None = None,
        gps: bool | None = None,
        probe_bytes: bytes = b"",
        thumb: bytes = b"",
        windows: bytes = b"",
    ) -> ImageRecord:
        """A record from its packed form, as the cache stores it (no ints made)."""
        r = object.__new__(cls)
        _set(r, "path", path)
        _set(r, "size", size)
        _set(r, "mtime_ns", mtime_ns)
        _set(r, "format", format)
        _set(r, "width", width)
        _set(r, "height", height)
        _set(r, "hash_bytes", hash_bytes)
        _set(r, "hash_width", hash_width)
        _set(r, "digest", digest)
        _set(r, "taken", taken)
        _set(r, "camera", camera)
        _set(r, "gps", gps)
        _set(r, "probe_bytes", probe_bytes)
        _set(r, "thumb", thumb)
        _set(r, "windows", windows)
        return r

    def __getattr__(self, name: str):
        # Only the three unpacked fields come here (their slots are never set).
        if name == "hash":
            return int.from_bytes(self.hash_bytes[: self.hash_width], "big")
        if name == "variants":
            raw, w = self.hash_bytes, self.hash_width
            return tuple([int.from_bytes(raw[i : i + w], "big") for i in range(w, len(raw), w)])
        if name == "probes":
            raw = self.probe_bytes
            return tuple([int.from_bytes(raw[i : i + 8], "big") for i in range(0, len(raw), 8)])
        raise AttributeError(name)

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, name) for name in _STORED)

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(_STORED, state, strict=True):
            _set(self, name, value)

    @property
    def mtime(self) -> float:
        return self.mtime_ns / 1e9

    @property
    def pixels(self) -> int:
        return self.width * self.height


_set = object.__setattr__
_UNPACKED = ("hash", "variants", "probes")
_STORED = (
    "path",
    "size",
    "mtime_ns",
    "format",
    "width",
    "height",
    "digest",
    "taken",
    "camera",
    "gps",
    "thumb",
    "windows",
    "hash_bytes",
    "hash_width",
    "probe_bytes",
)
