"""Store stage, runs: the ``runs`` table (one row per fetch, import, weekly... run, with a
crashed process's ``running`` row turned ``interrupted``), the resumable fetch plan
(``fetch_progress``) and the watermarks. Mixed into :class:`~aggregator.store.Store`.

Example::

    run = store.start_run("fetch", {"full": False})
    store.plan_fetch(run, pmids)
    ...
    store.finish_run(run, "ok", counts={"new": 12})
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..errors import StoreError
from .parts import StoreParts
from .values import _dumps, _pmid_list

logger = logging.getLogger(__name__)

RUN_STATUSES = ("running", "ok", "failed", "offline", "interrupted")


class RunLog(StoreParts):
    """Runs, resumable fetches and watermarks (methods of :class:`~aggregator.store.Store`)."""

    # provided by :class:`~aggregator.store.Store`, besides :class:`StoreParts`
    _active_runs: set[int]
    _lock_is_free: Callable[[], bool]

    # -- runs ----------------------------------------------------------------------------------
    def _reap_interrupted(self) -> int:
        """Mark ``running`` runs of dead processes ``interrupted``. Call only when no other
        process can be running one: with the lock held by us, or free."""
        now = self._ts()
        active = sorted(self._active_runs)
        marks = ",".join("?" * len(active))
        sql = (
            "UPDATE runs SET status = 'interrupted', error = COALESCE(error, ?)"
            " WHERE status = 'running'"
        )
        if active:
            sql += f" AND id NOT IN ({marks})"
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                sql, (f"the process ended without finishing the run (noticed {now})", *active)
            )
        if cur.rowcount:
            logger.warning("store %s: %d interrupted run(s) found", self.path, cur.rowcount)
        return cur.rowcount

    def _reap_if_safe(self) -> None:
        if self._lock_is_free():
            self._reap_interrupted()

    def start_run(self, kind: str, params: Mapping[str, Any] | None = None) -> int:
        """Record a run as ``running`` and return its id.

        Runs left ``running`` by a killed process are first marked ``interrupted`` (unless
        another process holds the write lock: then they may be alive).
        """
        self._reap_if_safe()
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (kind, started_at, status, params, pid, host)"
                " VALUES (?, ?, 'running', ?, ?, ?)",
                (kind, self._ts(), _dumps(params or {}), os.getpid(), socket.gethostname()),
            )
        run_id = int(cur.lastrowid or 0)
        self._active_runs.add(run_id)
        return run_id

    def finish_run(
        self,
        run_id: int,
        status: str,
        counts: Mapping[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        """Close a run with ``ok``, ``failed``, ``offline`` or ``interrupted``.

        An ``ok`` run's fetch plan is dropped (nothing is left to resume). ``error`` is stored
        as given: redact secrets before passing it.

        :raises StoreError: unknown run or status.
        """
        if status not in RUN_STATUSES or status == "running":
            raise StoreError(f"invalid run status {status!r} (expected ok, failed, offline...)")
        with self._guard(), self.transaction():
            cur = self.conn.execute(
                "UPDATE runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?",
                (status, self._ts(), _dumps(counts) if counts is not None else None, error, run_id),
            )
            if cur.rowcount == 0:
                raise StoreError(f"{self.path}: no run with id {run_id}")
            if status == "ok":
                self.conn.execute("DELETE FROM fetch_progress WHERE run_id = ?", (run_id,))
        self._active_runs.discard(run_id)

    _RUN_COLUMNS = "id, kind, started_at, finished_at, status, params, counts, error, pid, host"

    def _run_dict(self, row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
        keys = [c.strip() for c in self._RUN_COLUMNS.split(",")]
        d = dict(zip(keys, row))
        for key in ("params", "counts"):
            d[key] = json.loads(d[key]) if d[key] else None
        return d

    def last_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The latest runs, newest first, as dicts (``params``/``counts`` decoded)."""
        with self._guard():
            rows = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [self._run_dict(r) for r in rows]

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """One run as a dict, or None."""
        with self._guard():
            row = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        return self._run_dict(row) if row else None

    def last_successful_run(self, kind: str) -> dict[str, Any] | None:
        """The latest ``ok`` run of ``kind``, or None."""
        with self._guard():
            row = self.conn.execute(
                f"SELECT {self._RUN_COLUMNS} FROM runs WHERE kind = ? AND status = 'ok'"
                " ORDER BY id DESC LIMIT 1",
                (kind,),
            ).fetchone()
        return self._run_dict(row) if row else None

    # -- resumable fetches -------------------------------------------------------------------
    def plan_fetch(self, run_id: int, pmids: Iterable[str]) -> int:
        """Record the ids ``run_id`` means to efetch; returns how many were new to the plan."""
        rows = [(run_id, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO fetch_progress (run_id, pmid, fetched) VALUES (?, ?, 0)",
                rows,
            )
            return self.conn.total_changes - before

    def pending_fetch(self, run_id: int) -> list[str]:
        """Planned ids of ``run_id`` not yet committed, in PMID order."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM fetch_progress WHERE run_id = ? AND fetched = 0 ORDER BY pmid",
                (run_id,),
            ).fetchall()
        return [str(r[0]) for r in rows]

    def committed_fetch(self, run_id: int) -> set[str]:
        """Planned ids of ``run_id`` already committed (e.g. by a run that was killed later)."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT pmid FROM fetch_progress WHERE run_id = ? AND fetched = 1", (run_id,)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def mark_fetched(self, run_id: int, pmids: Iterable[str]) -> None:
        """Mark planned ids committed. Call inside the batch's :meth:`transaction`, with the
        :meth:`upsert`, so both are committed or neither (ids efetch did not return, e.g.
        deleted in PubMed, are marked too: they were asked)."""
        rows = [(run_id, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            self.conn.executemany(
                "UPDATE fetch_progress SET fetched = 1 WHERE run_id = ? AND pmid = ?", rows
            )

    def resumable_run(self, kind: str, statuses: Sequence[str] = ("interrupted",)) -> int | None:
        """The latest run of ``kind`` that ended in ``statuses`` with planned ids not fetched,
        and no ``ok`` run of the same kind after it; else None.

        Pass ``statuses=("interrupted", "offline")`` to resume after PubMed went away too.
        """
        self._reap_if_safe()
        marks = ",".join("?" * len(statuses))
        with self._guard():
            row = self.conn.execute(
                f"SELECT r.id FROM runs r WHERE r.kind = ? AND r.status IN ({marks})"
                " AND r.id > COALESCE((SELECT MAX(id) FROM runs"
                "                      WHERE kind = ? AND status = 'ok'), 0)"
                " AND EXISTS (SELECT 1 FROM fetch_progress f"
                "             WHERE f.run_id = r.id AND f.fetched = 0)"
                " ORDER BY r.id DESC LIMIT 1",
                (kind, *statuses, kind),
            ).fetchone()
        return int(row[0]) if row else None

    def resume_fetch(self, from_run: int, to_run: int) -> list[str]:
        """Move ``from_run``'s pending ids into ``to_run``'s plan and return them, so the old
        run is no longer resumable and the new one records its own progress."""
        with self._guard(), self.transaction():
            pending = self.pending_fetch(from_run)
            self.conn.execute(
                "INSERT OR IGNORE INTO fetch_progress (run_id, pmid, fetched)"
                " SELECT ?, pmid, 0 FROM fetch_progress WHERE run_id = ? AND fetched = 0",
                (to_run, from_run),
            )
            self.conn.execute(
                "DELETE FROM fetch_progress WHERE run_id = ? AND fetched = 0", (from_run,)
            )
        return pending

    # -- watermarks ----------------------------------------------------------------------------
    def get_watermark(self, key: str) -> str | None:
        with self._guard():
            row = self.conn.execute("SELECT value FROM watermarks WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_watermark(self, key: str, value: str) -> None:
        """Set a watermark (joins the current transaction: commit it with the batch it covers)."""
        with self._guard(), self.transaction():
            self.conn.execute(
                "INSERT INTO watermarks (key, value, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                " updated_at = excluded.updated_at",
                (key, str(value), self._ts()),
            )

    def watermarks(self) -> dict[str, str]:
        with self._guard():
            return dict(self.conn.execute("SELECT key, value FROM watermarks ORDER BY key"))
