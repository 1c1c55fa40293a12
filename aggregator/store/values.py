"""Store stage, values: how Python values become the store's columns and back (PMIDs,
timestamps, the compact JSON of records and tags, run parameters).

Example::

    from aggregator.store.values import record_json, tags_json

    text = record_json(record)          # the record's JSON (compressed in records.data)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, fields, is_dataclass
from datetime import UTC, date, datetime
from itertools import islice
from operator import attrgetter
from typing import Any, TypeVar

import orjson

from ..errors import StoreError
from ..models import Record, Tags, compress_raw, decompress_raw

_T = TypeVar("_T")


_FIELD_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _dataclass_fields(obj: Any) -> dict[str, Any]:
    """``json`` hook: a dataclass instance as its fields, in declaration order (not
    recursive: the C encoder recurses, which is what makes this fast)."""
    cls = type(obj)
    entry = _FIELD_GETTERS.get(cls)
    if entry is None:
        if not is_dataclass(cls):
            raise TypeError(f"{cls.__name__} is not JSON serialisable")
        names = tuple(f.name for f in fields(cls))
        getter: Callable[[Any], Any] = attrgetter(*names)
        if len(names) == 1:  # attrgetter of one name returns the value, not a tuple
            single = getter

            def getter(o: Any) -> tuple[Any]:
                return (single(o),)

        entry = _FIELD_GETTERS[cls] = (names, getter)
    names, getter = entry
    return dict(zip(names, getter(obj)))


#: Same text as ``json.dumps(x.to_dict(), ensure_ascii=False, separators=(",", ":"))`` for
#: Record and Tags (``to_dict`` is ``dataclasses.asdict``), about 4x faster: ``asdict``
#: deep-copies every value and took ~200 us of the ~210 us a 5 KB record cost in
#: :meth:`Store.upsert`; this encoder takes ~45 us (plain ``json.dumps`` of the dict ~32 us).
#: ``tests/test_store.py`` checks the two stay identical.
_COMPACT = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), default=_dataclass_fields, check_circular=False
)


def _compact_utf8(obj: Record | Tags) -> tuple[str, bytes | None]:
    """``obj``'s compact JSON, and its UTF-8 bytes when orjson wrote them: orjson writes the
    same text as :data:`_COMPACT` (dataclass fields in order, no spaces, non-ASCII kept, the
    same escapes) in half the time (~20 us for a 5 KB record). What orjson refuses (a lone
    surrogate, an integer beyond 64 bits) goes through :data:`_COMPACT`, which writes it as
    ``json`` always did (bytes None)."""
    try:
        raw = orjson.dumps(obj)
    except orjson.JSONEncodeError:
        return _COMPACT.encode(obj), None
    return raw.decode("utf-8"), raw


def _compact(obj: Record | Tags) -> str:
    """``obj``'s compact JSON (see :func:`_compact_utf8`)."""
    return _compact_utf8(obj)[0]


def load_json(text: str | bytes) -> Any:
    """The value of stored JSON (a record's ``data``, its ``tags``): orjson reads it in half
    the time of ``json.loads`` (a 5 KB record: 9-14 instead of 18-19 us; re-tagging decodes
    every record). What orjson refuses (an integer beyond 64 bits, which :func:`_compact`
    lets ``json`` write) goes through ``json.loads``."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def record_json(record: Record) -> str:
    """The compact JSON of :meth:`Record.to_dict`, as stored in ``records.data``."""
    return _compact(record)


def record_data(record: Record) -> tuple[bytes, bytes]:
    """What ``records.data`` stores for ``record``: its compact JSON (:func:`record_json`) as
    UTF-8, compressed with zstd (:func:`aggregator.models.compress_raw`); and that UTF-8,
    whose SHA-1 is the row's content hash.

    Compressed, a bench record's 4.6 KB of JSON take 2 KB: the store is ~50% smaller, and the
    import's one writing process inserts, logs (WAL) and checkpoints half the bytes, for
    ~13 us of a parser worker's time per record; reading one back costs ~7 us (zstd level
    1, measured on the bench corpus: 20,000 records import 2-6% faster)."""
    text, raw = _compact_utf8(record)
    utf8 = raw if raw is not None else text.encode("utf-8")
    return compress_raw(utf8), utf8


def load_record_data(value: str | bytes) -> Any:
    """The dict of a stored ``records.data`` (``Record.from_dict`` takes it): zstd-compressed
    JSON (:func:`record_data`), or JSON text, as rows written before migration 5 hold it."""
    if isinstance(value, bytes):
        return load_json(decompress_raw(value))
    return load_json(value)


def tags_json(tags: Tags) -> str:
    """The compact JSON of :meth:`Tags.to_dict`, as stored in ``records.tags``."""
    return _compact(tags)


def _format_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _normalise_ts(ts: str | datetime | date) -> str:
    """A timestamp comparable as text with the stored ones (dates stay ``YYYY-MM-DD``, which
    sorts before every time of that day)."""
    if isinstance(ts, datetime):
        return _format_ts(ts)
    if isinstance(ts, date):
        return ts.isoformat()
    text = str(ts).strip()
    if len(text) > 10:
        try:
            return _format_ts(datetime.fromisoformat(text))  # 3.11 reads "Z"
        except ValueError as exc:
            raise StoreError(f"cannot read timestamp {text!r}") from exc
    return text


def _pmid(value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number <= 0:
        raise StoreError(f"invalid PMID {value!r}")
    return number


def _pmid_list(values: Iterable[str]) -> list[int]:
    """PMIDs as ints, duplicates dropped, order kept."""
    return list(dict.fromkeys(_pmid(v) for v in values))


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _json_default(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if hasattr(obj, "_asdict"):
        return obj._asdict()
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    return str(obj)


def _dumps(obj: Any) -> str:
    if hasattr(obj, "_asdict"):  # a NamedTuple such as UpsertCounts: keep its field names
        obj = obj._asdict()
    return json.dumps(obj, default=_json_default, separators=(",", ":"), sort_keys=True)


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _address(address: str) -> str:
    return address.strip().lower()
