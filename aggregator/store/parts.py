"""Store stage: what the table mixins of :class:`~aggregator.store.Store` (records, runs,
ledger) use of the store itself, declared once for type checkers. Nothing here at run time:
:class:`~aggregator.store.Store` provides every name.

Example::

    class RunLog(StoreParts):
        def last_runs(self, limit: int = 10) -> list[dict[str, Any]]:
            with self._guard():
                return [...self.conn.execute(...)]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

__all__ = ["StoreParts"]


class StoreParts:
    """The connection, path, error guard, transactions, write lock and clock of a Store."""

    if TYPE_CHECKING:
        @property
        def conn(self) -> sqlite3.Connection: ...

        path: str
        _guard: Callable[[], AbstractContextManager[None]]
        transaction: Callable[[], AbstractContextManager[None]]
        writer: Callable[[str], AbstractContextManager[None]]
        _ts: Callable[[], str]
