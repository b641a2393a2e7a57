"""Zips the site serves, the same bytes for the same files: the pages' program
zips (`hooks/downloads.py`), the check kit (`hooks/check_kit.py`) and the
offline copy (`hooks/offline_copy.py`), and where the kit is.

Not a hook: MkDocs loads each hook file under a module name of its own, so a
hook that imported another hook's module would get a second copy of it, with
state of its own.  What hooks share lives in modules like this one, imported
by package name only.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

KIT_PATH = "downloads/check-kit.zip"
"""Where the check kit is in the site, relative to its root."""

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's timestamp (the earliest zip allows): the same files give the same zip."""


def reproducible_zip(entries: Mapping[str, bytes]) -> bytes:
    """A zip of `entries` (name in the archive -> content): sorted, with one fixed
    timestamp and plain file permissions, so that the same files give the same
    bytes on every build."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, whatever builds it
            archive.writestr(info, entries[name])
    return buffer.getvalue()
