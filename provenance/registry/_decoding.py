"""Reading a snapshot's payload back into records: how each field is stored, and every column checked.

The payload (see :mod:`provenance.registry._snapshot`, which writes it) holds
the records as columns of plain JSON values by class, indexes into shared
tables of sources and intervals, and the runs of classes that put the records
back in order. :func:`decode` checks every container and value the record
classes do not check and builds the records without running their
validators; the ratings' columns, JSON text of their own, are read, checked
and built on first use (:class:`Decoded`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import attrs

from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate, parse_iso
from provenance.errors import ProvenanceError, SnapshotError
from provenance.layout import LAYOUTS, Record, RecordsByKind
from provenance.model import Name, Source
from provenance.ratings import Rating, Scale
from provenance.registry._columns import as_list, check_indexes, expand, index_of, maker, row_of

__all__ = ["CLASSES", "CODES", "DEFERRED", "FIELDS", "PAYLOAD", "TYPES", "Decoded", "cut", "decode", "short"]


# How each field of each record class is stored (see provenance.layout). "text", "text?", "bool", "number",
# "number?" are JSON values checked by type; "interval" and "sources" index shared tables; "date" and "date?"
# are ISO strings; "names" and "scales" are small nested lists, and sources rows of a table of their own.
FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    cls: tuple((field.name, field.store) for field in layout.fields) for cls, layout in LAYOUTS.items()
}
CODES = {cls: cls.__name__.lower() for cls in FIELDS}
CLASSES = {code: cls for cls, code in CODES.items()}
PAYLOAD = frozenset({"sources", "source_lists", "intervals", "runs", "records", "deferred"})
DEFERRED = CODES[Rating]
"""The class whose columns the payload holds as JSON text of their own, read on first use: the ratings."""
TYPES: dict[str, frozenset[type]] = {
    "text": frozenset({str}),
    "text?": frozenset({str, type(None)}),
    "bool": frozenset({bool}),
    "number": frozenset({int, float}),
    "number?": frozenset({int, float, type(None)}),
}


def short(value: object, limit: int = 120) -> str:
    """A value for a one-line message: its repr, cut to ``limit`` characters."""
    return cut(repr(value), limit)


def cut(text: str, limit: int = 120) -> str:
    """Text for a one-line message: its first line, cut to ``limit`` characters."""
    text = text.splitlines()[0] if text else ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def decode(payload: dict[str, Any], limit: int, where: Path) -> Decoded:
    """Records from a payload, checking every container and value the record classes do not check.

    Every column is read and checked now but the ratings': they are most of
    the records and needed only to answer for ratings, so their columns (JSON
    text of their own) are read, checked and made into records on first use
    (:class:`Decoded`), where a damaged one raises :class:`SnapshotError`.

    Raises:
        ValueError, TypeError, KeyError, IndexError, ProvenanceError: If the
            payload is not one :func:`provenance.registry._snapshot._encode` writes (the caller makes those a
            :class:`SnapshotError`).
    """
    if type(payload) is not dict or set(payload) != PAYLOAD:
        raise ValueError("the payload is not the tables and columns of records")
    deferred, records = payload["deferred"], payload["records"]
    if type(deferred) is not dict or not set(deferred) <= {DEFERRED} or (type(records) is dict and DEFERRED in records):
        raise ValueError("the payload's deferred columns are not the ratings'")
    text = deferred.get(DEFERRED)
    if text is not None and type(text) is not str:
        raise TypeError("the ratings' columns are not JSON text")
    decoder = _Decoder(payload["sources"], payload["source_lists"], payload["intervals"], limit)
    built, sizes = decoder.records(records)
    counted = _counted(sizes, payload["runs"], deferred=DEFERRED if text is not None else None)
    expected = sum(count for code, count in counted if code == DEFERRED)
    ratings = None if text is None else _deferred_ratings(decoder, text, expected, where)
    return Decoded({code: list(records) for code, records in built.items()}, ratings, counted)


def _deferred_ratings(decoder: _Decoder, text: str, expected: int, where: Path) -> Callable[[], Iterator[Any]]:
    """What makes the ratings from their columns' text when first asked: read, checked, then built."""

    def ratings() -> Iterator[Any]:
        try:
            built, sizes = decoder.records({DEFERRED: json.loads(text)})
        except (ProvenanceError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
            reason = cut(str(error)) or type(error).__name__
            raise SnapshotError(f"{where}: the snapshot's ratings cannot be read: {reason}") from None
        if sizes[DEFERRED] != expected:
            raise SnapshotError(f"{where}: the snapshot holds {sizes[DEFERRED]} ratings, its runs say {expected}")
        return built[DEFERRED]

    return ratings


def _counted(sizes: dict[str, int], runs: object, deferred: str | None = None) -> list[tuple[str, int]]:
    """The runs of one class each that put the records back in order, checked against each class's count.

    The runs of the ``deferred`` class (whose columns are read later) are checked against them then.
    """
    counted = [(code, index_of(count)) for code, count in map(row_of(2), as_list(runs))]
    taken = dict.fromkeys(sizes, 0)
    if deferred is not None:
        sizes = {**sizes, deferred: sum(count for code, count in counted if code == deferred)}
        taken[deferred] = 0
    for code, count in counted:
        if code not in taken:
            raise KeyError(f"runs name {short(code)}, which has no records")
        taken[code] += count
    if taken != sizes:
        raise ValueError("the runs do not count the records there are")
    return counted


class Decoded:
    """A snapshot's records: by kind at once, in load order (and the ratings built) on first use.

    Rating objects are most of a registry with the bundled layers and are only
    needed to answer for ratings, so their columns are read and checked and
    the records made when first asked for, once (thread-safe).
    """

    __slots__ = ("_counted", "_groups", "_lock", "_pending", "_ratings", "_records", "count", "kinds")

    def __init__(
        self,
        groups: dict[str, list[Any]],
        ratings: Callable[[], Iterator[Any]] | None,
        counted: list[tuple[str, int]],
    ) -> None:
        self._ratings: list[Rating] = []
        self._groups = {**groups, CODES[Rating]: self._ratings}
        self._pending = ratings
        self._counted = counted
        self.count = sum(count for _, count in counted)
        """How many records there are."""
        self._records: tuple[Record, ...] | None = None
        self._lock = threading.Lock()
        self.kinds = RecordsByKind.of({CLASSES[code]: group for code, group in self._groups.items()})
        """The records by kind; ``kinds.ratings`` is filled by :meth:`complete`."""

    def complete(self) -> tuple[Record, ...]:
        """Every record, in load order, building the ratings first if they are not built yet."""
        with self._lock:
            if self._records is None:
                if self._pending is not None:
                    self._ratings.extend(self._pending())  # SnapshotError if their columns are damaged
                    self._pending = None
                records: list[Record] = []
                taken = dict.fromkeys(self._groups, 0)
                for code, count in self._counted:
                    start = taken[code]
                    taken[code] = start + count
                    records.extend(self._groups[code][start : taken[code]])
                self._records = tuple(records)
            return self._records


class _Decoder:
    """Decodes the records' columns, given the payload's shared tables (read first, and checked)."""

    def __init__(self, sources: object, source_lists: object, intervals: object, limit: int) -> None:
        self.limit = limit  # the records the header counts: no column is longer
        self.memo: dict[str, PartialDate] = {}  # the dates that many values share, read once
        self.source_lists = self._source_lists(sources, source_lists)
        # Interval.parse, with the dates read through the memo.
        self.intervals = [
            Interval(self.date(start), ONGOING if end is None else UNKNOWN if end == "unknown" else self.day(end))
            for start, end in map(row_of(2), as_list(intervals))
        ]

    def _source_lists(self, sources: object, source_lists: object) -> list[tuple[Source, ...]]:
        """The lists of sources, from the table of sources and the lists of their indexes."""
        lists = list(map(as_list, as_list(source_lists)))
        flat = [index for indexes in lists for index in indexes]
        check_indexes(flat, "source")
        rows = list(map(row_of(7), as_list(sources)))
        columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in _SOURCE_KINDS]
        for kind, column in zip(_SOURCE_KINDS, columns, strict=True):
            if kind != "date?" and not set(map(type, column)) <= TYPES[kind]:
                raise TypeError(f"a source's {kind} field holds {sorted({type(v).__name__ for v in column})}")
        columns[3] = [self.date(accessed) for accessed in columns[3]]
        table = list(_maker_of(Source)(columns))
        pick = table.__getitem__
        return [tuple(map(pick, indexes)) for indexes in lists]

    def day(self, value: str) -> PartialDate:
        """The date of an ISO string."""
        found = self.memo.get(value)
        if found is None:
            if type(value) is not str:
                raise TypeError(f"a date is a {type(value).__name__}")
            found = self.memo[value] = parse_iso(value)
        return found

    def date(self, value: str | None) -> PartialDate | None:
        """The date of an ISO string, or ``None``."""
        return None if value is None else self.day(value)

    def records(self, tables: object) -> tuple[dict[str, Iterator[Any]], dict[str, int]]:
        """For each class code in the tables, an iterator building its records from their (checked) columns.

        Also returns how many records of each class there are: all its columns have that length.
        """
        if type(tables) is not dict:
            raise TypeError("the records are not tables")
        built: dict[str, Iterator[Any]] = {}
        sizes: dict[str, int] = {}
        for code, columns in tables.items():
            cls = CLASSES[code]
            fields = FIELDS[cls]
            if type(columns) is not dict or set(columns) != {name for name, _ in fields}:
                raise KeyError(f"{short(code)} columns")
            values = [self.column(kind, columns[name]) for name, kind in fields]
            lengths = {len(column) for column in values}
            if len(lengths) != 1:
                raise ValueError(f"the columns of {short(code)} differ in length")
            sizes[code] = lengths.pop()
            built[code] = _maker_of(cls)(values)
        return built, sizes

    def column(self, kind: str, stored: object) -> list[Any]:
        """The values of a column of a field stored as ``kind`` (see :data:`FIELDS`)."""
        values = expand(stored, self.limit) if kind not in ("names", "scales") else as_list(stored)
        if kind in TYPES:
            if not set(map(type, values)) <= TYPES[kind]:
                raise TypeError(f"a {kind} column holds {sorted({type(v).__name__ for v in values})}")
            return values
        if kind in ("interval", "sources"):
            check_indexes(values, kind)
            table: list[Any] = self.intervals if kind == "interval" else self.source_lists
            return list(map(table.__getitem__, values))
        if kind == "date?" or kind == "date":
            read = {value: self.date(value) for value in set(values)}  # each distinct date once (a column repeats)
            dates = list(map(read.__getitem__, values))
            if kind == "date" and None in dates:
                raise ValueError("a date is missing")
            return dates
        if kind == "names":
            return self.names(values)
        return [tuple(map(_scale, as_list(entries))) for entries in values]  # scales

    def names(self, column: list[Any]) -> list[tuple[Name, ...]]:
        """Each record's names, from its rows of name, interval index and kind (all built at once)."""
        per_record = [list(map(row_of(3), as_list(entries))) for entries in column]
        rows = [row for entries in per_record for row in entries]
        if not rows:
            return [() for _ in per_record]
        names, intervals, kinds = (list(values) for values in zip(*rows, strict=True))
        if not set(map(type, names)) | set(map(type, kinds)) <= {str}:
            raise TypeError("a name or its kind is not text")
        check_indexes(intervals, "interval")
        built = iter(_maker_of(Name)([names, list(map(self.intervals.__getitem__, intervals)), kinds]))
        return [tuple(islice(built, len(entries))) for entries in per_record]


def _scale(value: object) -> Scale:
    """A scale from its row."""
    id, axis, kind, categories, minimum, maximum, reverse = row_of(7)(value)
    numbers = TYPES["number?"]
    if type(minimum) not in numbers or type(maximum) not in numbers or type(reverse) is not bool:
        raise TypeError("a scale's range or direction is not a number or a bool")
    return Scale(id, axis, kind, tuple(as_list(categories)), minimum, maximum, reverse)


_MAKERS: dict[type, Callable[..., Iterator[Any]]] = {}


def _maker_of(cls: type) -> Callable[..., Iterator[Any]]:
    """The :func:`_maker` of a record class (or of ``Source`` or ``Name``, by their fields), made once."""
    make = _MAKERS.get(cls)
    if make is None:
        names = [f.name for f in attrs.fields(cls)] if cls in (Source, Name) else [name for name, _ in FIELDS[cls]]
        make = _MAKERS[cls] = maker(cls, names)
    return make


# How a source row's seven values are stored: url, title, publisher, accessed, quote, kind, archived.
_SOURCE_KINDS = ("text", "text", "text?", "date?", "text?", "text?", "text?")
