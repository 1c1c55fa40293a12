"""Store stage, lock file: the private files the store creates and the ``<db>.lock`` file whose
``flock`` is the inter-process write lock (:meth:`aggregator.store.Store.writer`).

Example::

    fd = open_private(Path("data/aggregator.sqlite.lock"))
    ...
    release_lock(fd)
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import StoreLockedError

#: mode of the database and lock files the store creates, whatever the umask
FILE_MODE = 0o600


def create_private(path: Path) -> bool:
    """Create ``path`` empty with :data:`FILE_MODE` if absent (an empty file is a valid empty
    SQLite database; SQLite gives its -wal and -shm files the database file's mode)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)  # the umask may have removed bits we need (or left others)
    finally:
        os.close(fd)
    return True


def open_private(path: Path) -> int:
    """Open (creating with :data:`FILE_MODE`) the lock file for reading and writing."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return os.open(path, os.O_RDWR)
    os.fchmod(fd, FILE_MODE)
    return fd


def read_holder(fd: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def locked_error(lock_path: Path, holder: Mapping[str, Any]) -> StoreLockedError:
    who = []
    if holder.get("pid"):
        who.append(f"pid {holder['pid']}")
    if holder.get("host"):
        who.append(f"on {holder['host']}")
    if holder.get("owner"):
        who.append(f"running {holder['owner']!r}")
    if holder.get("started_at"):
        who.append(f"since {holder['started_at']}")
    detail = f" ({', '.join(who)})" if who else ""
    exc = StoreLockedError(
        f"another aggregator process holds the store lock {lock_path}{detail}; "
        "try again when it has finished (the lock is released when that process exits)"
    )
    exc.lock_path = lock_path  # type: ignore[attr-defined]
    exc.holder = dict(holder)  # type: ignore[attr-defined]
    return exc


def release_lock(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)  # forget the holder; the file itself stays (deleting races)
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
