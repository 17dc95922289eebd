"""Made-up groups at library size: records only, no files, no decoding."""

from __future__ import annotations

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member

SIZES = (2, 3, 4, 3, 2, 3, 3, 4, 2, 3)  # files per group, in turn


def synthetic_groups(root: str, records: int) -> list[Group]:
    """Groups of 2-4 files under ``root`` until there are ``records`` files: a photo
    in ``photos/`` and smaller copies in ``copies/``, 500 groups to a folder."""
    groups, made, g = [], 0, 0
    while made < records:
        members = []
        for j in range(SIZES[g % len(SIZES)]):
            folder = f"{root}/{'copies' if j else 'photos'}/{g // 500:03d}"
            rec = ImageRecord(
                f"{folder}/p{g:06d}_{j}.jpg", 20_000 - j * 1000, j, "JPEG",
                320 - j * 40, 240 - j * 30, g, (), f"{g:x}-{j}",
            )  # fmt: skip
            members.append(Member(rec, j))
        groups.append(Group(tuple(members)))
        made += len(members)
        g += 1
    return groups
