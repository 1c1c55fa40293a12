"""Store stage, lock file: the private files the store creates and the ``<db>.lock`` file whose
``flock`` is the inter-process write lock, taken by :meth:`WriteLock.writer` (a mixin of
:class:`aggregator.store.Store`).

Example::

    fd = open_private(Path("data/aggregator.sqlite.lock"))
    ...
    release_lock(fd)
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError, StoreLockedError
from .parts import StoreParts

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


class WriteLock(StoreParts):
    """The inter-process write lock of a :class:`~aggregator.store.Store` (a mixin)."""

    if TYPE_CHECKING:
        lock_path: Path | None
        _lock_fd: int | None
        _lock_depth: int
        _reap_interrupted: Callable[[], int]

    @contextmanager
    def writer(self, owner: str) -> Iterator[None]:
        """Hold the store's exclusive write lock (``<db>.lock``) for a run.

        ``fcntl.flock``, non-blocking: the OS drops it when the process ends, even on
        ``kill -9``, so a stale lock cannot outlive its holder. The holder's pid, owner, host
        and start time are written into the lock file for the message of the next comer. On
        taking the lock, runs left ``running`` by a dead process become ``interrupted``.
        Re-entrant within one Store; ``:memory:`` stores take no file lock.

        :param owner: what is writing (``fetch``, ``import``...), shown to the second process.
        :raises StoreLockedError: another process (or another Store) holds the lock.
        """
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        fd = None if self.lock_path is None else self._acquire_lock(owner)
        self._lock_fd, self._lock_depth = fd, 1
        try:
            self._reap_interrupted()
            yield
        finally:
            self._lock_fd, self._lock_depth = None, 0
            if fd is not None:
                release_lock(fd)

    def _acquire_lock(self, owner: str) -> int:
        assert self.lock_path is not None
        try:
            fd = open_private(self.lock_path)
        except OSError as exc:
            raise StoreError(f"cannot open lock file {self.lock_path}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = read_holder(fd)
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StoreError(f"cannot lock {self.lock_path}: {exc.strerror}") from exc
            raise locked_error(self.lock_path, holder) from None
        info = {
            "pid": os.getpid(),
            "owner": owner,
            "host": socket.gethostname(),
            "started_at": self._ts(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        return fd

    def _lock_is_free(self) -> bool:
        """True when no process holds the write lock (probed, not kept)."""
        try:
            return self._lock_holder() is None
        except OSError:
            return False

    def ensure_unlocked(self) -> None:
        """Raise :class:`StoreLockedError` now if another process holds the write lock (a
        probe: nothing is kept). A command calls this before its slow set-up, such as
        loading the vocabulary (~2 s, ~10 s when it must be compiled), so that a second
        run exits at once; :meth:`writer` still decides when the run starts (and reports a
        lock file it cannot open).

        :raises StoreLockedError: another process (or another Store) holds the lock.
        """
        try:
            holder = self._lock_holder()
        except OSError:
            return
        if holder is not None:
            assert self.lock_path is not None
            raise locked_error(self.lock_path, holder)

    def _lock_holder(self) -> dict[str, Any] | None:
        """None when no process holds the write lock, else what the holder wrote (perhaps
        ``{}``). Raises OSError when the lock file cannot be opened or locked for another
        reason than another holder."""
        if self.lock_path is None or self._lock_depth:
            return None
        fd = open_private(self.lock_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            return read_holder(fd)
        finally:
            os.close(fd)  # closing releases the probe's lock
        return None
