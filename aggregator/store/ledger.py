"""Store stage, digest ledger: the digests written, their delivery to each subscriber (never
twice), and the PMIDs readers have already been shown. Mixed into
:class:`~aggregator.store.Store`.

Example::

    store.save_digest("2026-W48", period_start=start, period_end=end, pmids=pmids)
    if store.claim_delivery("2026-W48", "reader@example.org"):
        ...  # send, then
        store.record_delivery("2026-W48", "reader@example.org", "sent")
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .parts import StoreParts
from .values import _address, _opt_str, _pmid_list

DELIVERY_STATUSES = ("pending", "sending", "sent", "failed")


class DigestLedger(StoreParts):
    """Digests, deliveries and reported PMIDs (methods of :class:`~aggregator.store.Store`)."""

    # -- digests -------------------------------------------------------------------------------
    def save_digest(
        self,
        key: str,
        *,
        period_start: str | date | None,
        period_end: str | date | None,
        pmids: Sequence[str],
        html_path: str | Path | None = None,
        txt_path: str | Path | None = None,
        eml_path: str | Path | None = None,
    ) -> int:
        """Create or update (same ``key``) a digest; returns its id. ``created_at`` is kept
        from the first save; deliveries already recorded are untouched."""
        params = (
            key,
            _opt_str(period_start),
            _opt_str(period_end),
            self._ts(),
            json.dumps([str(p) for p in pmids]),
            _opt_str(html_path),
            _opt_str(txt_path),
            _opt_str(eml_path),
        )
        with self._guard(), self.transaction():
            self.conn.execute(
                "INSERT INTO digests (key, period_start, period_end, created_at, pmids,"
                " html_path, txt_path, eml_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET period_start = excluded.period_start,"
                " period_end = excluded.period_end, pmids = excluded.pmids,"
                " html_path = excluded.html_path, txt_path = excluded.txt_path,"
                " eml_path = excluded.eml_path",
                params,
            )
            row = self.conn.execute("SELECT id FROM digests WHERE key = ?", (key,)).fetchone()
        return int(row[0])

    def get_digest(self, key: str) -> dict[str, Any] | None:
        """A digest as a dict (``pmids`` decoded), or None."""
        with self._guard():
            cur = self.conn.execute(
                "SELECT id, key, period_start, period_end, created_at, pmids, html_path,"
                " txt_path, eml_path FROM digests WHERE key = ?",
                (key,),
            )
            row = cur.fetchone()
            names = [d[0] for d in cur.description]
        if not row:
            return None
        d = dict(zip(names, row))
        d["pmids"] = json.loads(d["pmids"])
        return d

    def _require_digest(self, key: str) -> None:
        if not self.conn.execute("SELECT 1 FROM digests WHERE key = ?", (key,)).fetchone():
            raise StoreError(f"{self.path}: no digest {key!r} (save_digest first)")

    def delivery_status(self, key: str, address: str) -> str | None:
        """``pending``, ``sending``, ``sent``, ``failed``, or None when never recorded."""
        with self._guard():
            row = self.conn.execute(
                "SELECT status FROM deliveries WHERE digest_key = ? AND address = ?",
                (key, _address(address)),
            ).fetchone()
        return row[0] if row else None

    def deliveries(self, key: str) -> list[dict[str, Any]]:
        """Every delivery row of a digest, by address."""
        with self._guard():
            cur = self.conn.execute(
                "SELECT address, status, attempts, last_error, sent_at, updated_at"
                " FROM deliveries WHERE digest_key = ? ORDER BY address",
                (key,),
            )
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def claim_delivery(self, key: str, address: str) -> bool:
        """Mark a delivery ``sending`` before handing the message to SMTP; False (send nothing)
        when it is already ``sent`` or ``sending``.

        A process killed between SMTP and :meth:`record_delivery` leaves ``sending``: whether
        the mail left is unknown, and the rule is never to send twice, so it is not retried
        automatically (:meth:`deliveries_in_doubt` lists them, :meth:`release_in_doubt` lets
        the next send retry them).
        """
        address = _address(address)
        with self._guard(), self.transaction():
            self._require_digest(key)
            row = self.conn.execute(
                "SELECT status FROM deliveries WHERE digest_key = ? AND address = ?",
                (key, address),
            ).fetchone()
            if row and row[0] in ("sent", "sending"):
                return False
            self._upsert_delivery(key, address, "sending", None)
        return True

    def deliveries_in_doubt(self) -> list[dict[str, Any]]:
        """Deliveries left ``sending`` by a run that died between handing the mail to SMTP and
        recording the outcome: whether it left is unknown, so none is re-sent automatically.
        Each: ``digest_key``, ``address``, ``updated_at`` (when the send began); oldest first."""
        with self._guard():
            cur = self.conn.execute(
                "SELECT digest_key, address, updated_at FROM deliveries"
                " WHERE status = 'sending' ORDER BY updated_at, digest_key, address"
            )
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def release_in_doubt(self, key: str | None = None) -> int:
        """Turn the deliveries in doubt (of digest ``key``, or all) into ``failed``, so that the
        next send retries them: for once someone has checked that those mails did not arrive.
        Takes the store's write lock, so no run can be sending them right now.

        :returns: how many were released.
        :raises StoreLockedError: another process holds the store (a run may be sending).
        """
        sql = ("UPDATE deliveries SET status = 'failed', updated_at = ?,"
               " last_error = 'in doubt after an interrupted send; released for retry by hand'"
               " WHERE status = 'sending'")
        args: list[Any] = [self._ts()]
        if key is not None:
            sql += " AND digest_key = ?"
            args.append(key)
        with self.writer("release deliveries in doubt"), self._guard(), self.transaction():
            return self.conn.execute(sql, args).rowcount

    def record_delivery(
        self, key: str, address: str, status: str, error: str | None = None
    ) -> None:
        """Record a delivery outcome for (digest ``key``, ``address``): one row per pair.

        ``sent`` and ``failed`` count an attempt. ``sent`` is final: later calls for the same
        pair change nothing (so a digest is never shown as unsent, hence never re-sent).
        Addresses are compared stripped and lower-cased.

        :raises StoreError: unknown digest or status.
        """
        if status not in DELIVERY_STATUSES:
            raise StoreError(f"invalid delivery status {status!r}")
        with self._guard(), self.transaction():
            self._require_digest(key)
            self._upsert_delivery(key, _address(address), status, error)

    def _upsert_delivery(self, key: str, address: str, status: str, error: str | None) -> None:
        now = self._ts()
        self.conn.execute(
            "INSERT INTO deliveries (digest_key, address, status, attempts, last_error,"
            " sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (digest_key, address) DO UPDATE SET status = excluded.status,"
            " attempts = deliveries.attempts + excluded.attempts,"
            " last_error = excluded.last_error, sent_at = excluded.sent_at,"
            " updated_at = excluded.updated_at WHERE deliveries.status != 'sent'",
            (
                key,
                address,
                status,
                1 if status in ("sent", "failed") else 0,
                error,
                now if status == "sent" else None,
                now,
            ),
        )

    def reported_pmids(self) -> set[str]:
        """Every PMID some digest has already shown."""
        with self._guard():
            return {
                str(r[0]) for r in self.conn.execute("SELECT DISTINCT pmid FROM reported_pmids")
            }

    def mark_reported(self, key: str, pmids: Iterable[str]) -> None:
        """Record that digest ``key`` showed ``pmids``, with their retraction state now."""
        now = self._ts()
        rows = [(p, key, now, p) for p in _pmid_list(pmids)]
        with self._guard(), self.transaction():
            self._require_digest(key)
            self.conn.executemany(
                "INSERT OR IGNORE INTO reported_pmids (pmid, digest_key, reported_at,"
                " was_retracted) SELECT ?, ?, ?,"
                " COALESCE((SELECT retracted FROM records WHERE pmid = ?), 0)",
                rows,
            )

    def retracted_since_reported(self) -> list[str]:
        """Records now retracted that a digest showed while not retracted, and whose
        retraction no digest has shown yet (mark them reported again once called out)."""
        with self._guard():
            rows = self.conn.execute(
                "SELECT r.pmid FROM records r WHERE r.retracted = 1 AND r.deleted = 0"
                " AND EXISTS (SELECT 1 FROM reported_pmids p"
                "             WHERE p.pmid = r.pmid AND p.was_retracted = 0)"
                " AND NOT EXISTS (SELECT 1 FROM reported_pmids p"
                "                 WHERE p.pmid = r.pmid AND p.was_retracted = 1)"
                " ORDER BY r.pmid"
            ).fetchall()
        return [str(r[0]) for r in rows]
