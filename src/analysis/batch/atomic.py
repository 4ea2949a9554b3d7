"""Writes that are all or nothing: a file or a folder appears complete, or not at all.

Everything is first written under a temporary name in the same file system, then renamed. A run
killed at any moment leaves either the previous version or the new one, plus leftovers under
reports/.staging that the next run removes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING = ".staging"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp and mkdtemp make private files (0600, 0700); reports are for sharing, like any file we write.
FILE_MODE = 0o666 & ~_umask()
DIR_MODE = 0o777 & ~_umask()


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def staging_dir(reports: Path, name: str) -> Path:
    """A new empty folder under reports/.staging for one brief to be built in."""
    root = reports / STAGING
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=root))
    folder.chmod(DIR_MODE)
    return folder


def swap_in(staged: Path, final: Path) -> None:
    """Replace the folder `final` by `staged`: two renames, the old folder deleted last.

    Killed between the renames, `final` is missing (never half-written) and the manifest still
    describes the old brief, whose outputs are then missing: the next run builds it again.
    """
    retired = None
    if final.exists():
        retired = Path(tempfile.mkdtemp(prefix=f"{final.name}-old-", dir=staged.parent))
        os.rmdir(retired)
        os.replace(final, retired)
    os.replace(staged, final)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def clear_staging(reports: Path) -> None:
    """Remove what killed runs left in reports/.staging (call with the lock held)."""
    shutil.rmtree(reports / STAGING, ignore_errors=True)
