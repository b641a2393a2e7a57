"""Payload sizes and their labels (`64B`, `4KiB`, `64MiB`), the keys used in the JSON."""

from __future__ import annotations

import re

KiB = 1024
MiB = 1024 * KiB

PAYLOAD_SIZES = [64, 4 * KiB, 256 * KiB, 4 * MiB, 64 * MiB]
# Around glibc's largest mmap threshold (32 MiB on 64-bit): a fresh buffer above
# it is always a new mapping whose pages fault in on first touch.
ALLOCATION_SIZES = [16 * MiB, 31 * MiB, 33 * MiB]
CACHED_MEMCPY_SIZE = 256 * KiB


def size_label(size: int) -> str:
    for unit, factor in (("MiB", MiB), ("KiB", KiB)):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{unit}"
    return f"{size}B"


def parse_size(label: str) -> int:
    match = re.fullmatch(r"(\d+)(B|KiB|MiB)", label)
    if not match:
        raise ValueError(f"not a size label: {label!r} (examples: 64B, 4KiB, 64MiB)")
    return int(match.group(1)) * {"B": 1, "KiB": KiB, "MiB": MiB}[match.group(2)]
