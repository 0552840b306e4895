"""Read registry folders of TOML files into records, collecting every problem.

The file format is documented in ``docs/data-format.md``. Reading never stops
at the first fault: every problem is collected with the file, the record and
what is wrong, and reported together in one :class:`RegistryError`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from provenance.dates import Interval, PartialDate, parse_iso
from provenance.errors import DateParseError, IntervalError, RecordError
from provenance.layout import LAYOUTS, NESTED, TABLES, Record, RecordLayout
from provenance.model import Name, Organization, Outlet, Source
from provenance.ratings import Rater, Scale

__all__ = [
    "LazyLocations",
    "Records",
    "digest_folder",
    "read_document",
    "read_file",
    "read_folder",
    "read_text",
]


@attrs.frozen(slots=True)
class Records:
    """Records read from files, with where each came from, and the problems met.

    Attributes:
        records: Every record read successfully, in file order.
        locations: For each record, ``"file: table[index] (id ...)"``.
        problems: Every problem met while reading.
        digest: For :func:`read_folder`, a digest of the very bytes it read
            (see :func:`digest_folder`); ``None`` otherwise.
    """

    records: tuple[Record, ...] = ()
    locations: Mapping[Record, str] = attrs.field(factory=dict)
    problems: tuple[str, ...] = ()
    digest: str | None = None


class _Problem(Exception):
    """One problem with one record; collected, never escapes this module."""


_TOP_LEVEL = frozenset({"meta", "sources", *TABLES})


def read_folder(folder: str | Path, *, digest_also: Sequence[str] = ()) -> Records:
    """Read every ``*.toml`` file of a folder, in name order.

    Args:
        folder: A registry folder.
        digest_also: Names of more files of the folder that the digest covers
            (after the TOML files) but that hold no records.

    Returns:
        The records and the problems met, with a digest of the bytes read
        (the same as :func:`digest_folder` gives while the files are unchanged).
    """
    path = Path(folder)
    if not path.is_dir():
        return Records(problems=(f"{path}: not a folder",))
    files = sorted(path.glob("*.toml"))
    if not files:
        return Records(problems=(f"{path}: no .toml files",))
    digest = hashlib.sha256()
    parts: list[Records] = []
    for file in files:
        try:
            content = file.read_bytes()
        except OSError as error:
            parts.append(Records(problems=(f"{file.name}: cannot read: {error}",)))
            continue
        _digest_file(digest, file.name, content)
        parts.append(_read_bytes(content, file.name))
    for name in digest_also:
        try:
            _digest_file(digest, name, (path / name).read_bytes())
        except OSError as error:
            parts.append(Records(problems=(f"{name}: cannot read: {error}",)))
    return attrs.evolve(_concat(parts), digest="sha256:" + digest.hexdigest())


def digest_folder(folder: str | Path, *, digest_also: Sequence[str] = ()) -> str:
    """A digest of a registry folder's files as :func:`read_folder` reads them, without reading records.

    Args:
        folder: A registry folder.
        digest_also: As for :func:`read_folder`.

    Returns:
        ``sha256:`` and the hex digest over each ``*.toml`` file's name, size
        and bytes, in name order, then each of ``digest_also``.

    Raises:
        OSError: If the folder or a file cannot be read.
    """
    path = Path(folder)
    if not path.is_dir():
        raise NotADirectoryError(f"{path} is not a folder")
    digest = hashlib.sha256()
    for file in [*sorted(path.glob("*.toml")), *(path / name for name in digest_also)]:
        _digest_file(digest, file.name, file.read_bytes())
    return "sha256:" + digest.hexdigest()


def _digest_file(digest: Any, name: str, content: bytes) -> None:
    digest.update(name.encode("utf-8", "surrogatepass") + b"\0" + str(len(content)).encode() + b"\0")
    digest.update(content)


def read_file(file: str | Path) -> Records:
    """Read one registry file.

    Args:
        file: Path of a TOML file.

    Returns:
        The records and the problems met.
    """
    path = Path(file)
    try:
        content = path.read_bytes()
    except OSError as error:
        return Records(problems=(f"{path.name}: cannot read: {error}",))
    return _read_bytes(content, path.name)


def _read_bytes(content: bytes, name: str) -> Records:
    """Read a file's bytes as ``Path.read_text(encoding="utf-8")`` would (with universal newlines)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        return Records(problems=(f"{name}: cannot read: {error}",))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return read_text(text, name)


def read_text(text: str, name: str = "<text>") -> Records:
    """Read registry records from TOML text.

    Args:
        text: The TOML document.
        name: What to call it in problem messages.

    Returns:
        The records and the problems met.
    """
    from provenance.registry._toml import read_flat_toml  # lazy: a registry loaded from its snapshot reads no TOML

    document = read_flat_toml(text)
    if document is None:  # not the flat subset: the general parser decides (and names any error)
        import tomllib  # lazy: only needed when files are read

        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return Records(problems=(f"{name}: not valid TOML: {error}",))
        except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
            return Records(problems=(f"{name}: not valid TOML: arrays or tables nested too deep to read",))
    return read_document(document, name)


def _concat(parts: Iterable[Records]) -> Records:
    records: list[Record] = []
    problems: list[str] = []
    kept = list(parts)
    for part in kept:
        records.extend(part.records)
        problems.extend(part.problems)

    def locations() -> dict[Record, str]:
        merged: dict[Record, str] = {}
        for part in kept:
            for record, location in part.locations.items():
                merged.setdefault(record, location)
        return merged

    return Records(tuple(records), LazyLocations(locations), tuple(problems))


def read_document(document: dict[str, Any], name: str) -> Records:
    """Read registry records from an already parsed TOML document (a dict).

    Args:
        document: The document, as ``tomllib`` returns it.
        name: What to call it in problem messages.

    Returns:
        The records and the problems met.
    """
    problems: list[str] = []
    for key in sorted(set(document) - _TOP_LEVEL):
        problems.append(f"{name}: unknown top-level key {key!r} (expected {', '.join(sorted(_TOP_LEVEL))})")
    sources = _read_sources(document.get("sources", {}), name, problems)
    reader = _Reader(sources)
    records: list[Record] = []
    places: list[int] = []  # the index of each record in its table, for its location
    for table, layout in TABLES.items():
        entries = document.get(table, [])
        if not isinstance(entries, list):
            problems.append(f"{name}: {table} must be an array of tables ([[{table}]])")
            continue
        for index, entry in enumerate(entries):
            try:
                if not isinstance(entry, dict):
                    raise _Problem("must be a table")
                record = reader.build(layout, entry)
            except _Problem as problem:
                problems.append(f"{_where(name, table, index, entry)}: {problem}")
                continue
            records.append(record)
            places.append(index)
    return Records(tuple(records), LazyLocations(lambda: _locations(name, records, places)), tuple(problems))


def _locations(name: str, records: list[Record], places: list[int]) -> dict[Record, str]:
    """Where each record of a document came from, given its index in its table: ``name: table[index] (id ...)``."""
    # A record's table follows from its type; only bodies and raters have ids.
    found: dict[Record, str] = {}
    for record, index in zip(records, places, strict=True):
        if record not in found:
            where = f"{name}: {LAYOUTS[type(record)].table}[{index}]"
            if isinstance(record, Outlet | Organization | Rater):
                where += f" (id {record.id!r})"
            found[record] = where
    return found


def _where(name: str, table: str, index: int, entry: object) -> str:
    where = f"{name}: {table}[{index}]"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        where += f" (id {entry['id']!r})"
    return where


class LazyLocations(Mapping[Record, str]):
    """Where each record came from, worked out only when a problem message needs it.

    Loading a large registry makes hundreds of thousands of records and
    usually reports no problem: building every location string (and hashing
    every record to index them) up front would cost more than the records.
    """

    def __init__(self, build: Callable[[], dict[Record, str]]) -> None:
        self._build: Callable[[], dict[Record, str]] | None = build
        self._found: dict[Record, str] = {}

    def _mapping(self) -> dict[Record, str]:
        build = self._build
        if build is not None:
            self._found = build()
            self._build = None
        return self._found

    def __getitem__(self, record: Record) -> str:
        return self._mapping()[record]

    def __iter__(self) -> Iterator[Record]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


class _Reader:
    """Reads the values of one file's tables by kind of storage.

    It keeps the dates, intervals and source lists many records share (all immutable), to build each once.
    """

    __slots__ = ("dates", "intervals", "source_lists", "sources")

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.dates: dict[str, PartialDate] = {}
        self.intervals: dict[tuple[object, object], Interval] = {}
        self.source_lists: dict[tuple[str, ...], tuple[Source, ...]] = {}

    def build(self, layout: RecordLayout, entry: dict[str, Any]) -> Any:
        """The record a table describes, its fields read as :mod:`provenance.layout` says.

        Raises:
            _Problem: Naming the first thing wrong: a missing, mistyped or unknown key, or a value
                the record refuses.
        """
        values: dict[str, object] = {}
        for name, key, store, required, read in _plan(layout):
            if read is None:  # an interval, from two keys
                values[name] = self.interval(entry.get("start"), entry.get("end"))
                continue
            value = entry.get(key)
            if value is None or (value == [] and store in _LISTS):
                if required:
                    raise _Problem(_MISSING.get(store, "missing required key {key!r}").format(key=key))
            elif value.__class__ is str and read is _Reader.text:
                values[name] = value  # the commonest case, read in line
            else:
                values[name] = read(self, key, value)
        try:
            record = layout.cls(**values)
        except (RecordError, IntervalError, DateParseError) as error:
            raise _Problem(str(error)) from None
        if not entry.keys() <= layout.keys:
            unknown = sorted(entry.keys() - layout.keys)
            raise _Problem(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")
        return record

    def text(self, key: str, value: object) -> str:
        if not isinstance(value, str):
            raise _Problem(f"{key} must be a string, got {type(value).__name__} {value!r}")
        return value

    def texts(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _Problem(f"{key} must be a list of strings")
        return tuple(value)

    def boolean(self, key: str, value: object) -> bool:
        if not isinstance(value, bool):
            raise _Problem(f"{key} must be true or false, got {value!r}")
        return value

    def number(self, key: str, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Problem(f"{key} must be a number, got {value!r}")
        return float(value)

    def date(self, key: str, value: object) -> PartialDate:
        text = self.text(key, value)
        found = self.dates.get(text)
        if found is None:
            try:
                found = self.dates[text] = parse_iso(text)
            except DateParseError as error:
                raise _Problem(f"{key}: {error}") from None
        return found

    def interval(self, start: object, end: object) -> Interval:
        for key, value in (("start", start), ("end", end)):
            if value is not None and value.__class__ is not str:
                self.text(key, value)  # words the problem
        found = self.intervals.get((start, end))
        if found is None:
            try:
                found = self.intervals[start, end] = Interval.parse(start, end)  # type: ignore[arg-type]
            except (DateParseError, IntervalError) as error:
                raise _Problem(str(error)) from None
        return found

    def cited(self, key: str, value: object) -> tuple[Source, ...]:
        if isinstance(value, list):
            try:
                found = self.source_lists.get(tuple(value))
            except TypeError:  # unhashable items, worded below
                found = None
            if found is not None:
                return found
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _Problem(f"{key} must be a list of source keys")
        found = self.source_lists.get(tuple(value))
        if found is None:
            unknown = [item for item in value if item not in self.sources]
            if unknown:
                raise _Problem(f"cites undeclared source(s) {', '.join(map(repr, unknown))}")
            found = self.source_lists[tuple(value)] = tuple(self.sources[item] for item in value)
        return found

    def nested(self, key: str, value: object, cls: type, what: str) -> tuple[Any, ...]:
        if not isinstance(value, list) or (cls is Scale and not value):
            raise _Problem(f"{key} must be a {'non-empty ' if cls is Scale else ''}array of inline tables")
        built = []
        for entry in value:
            if not isinstance(entry, dict):
                raise _Problem(f"{key} entry must be {what}, got {entry!r}")
            built.append(self.build(NESTED[cls], entry))
        return tuple(built)


_Plan = tuple[tuple[str, str, str, bool, Callable[["_Reader", str, object], object] | None], ...]
_PLANS: dict[type, _Plan] = {}


def _plan(layout: RecordLayout) -> _Plan:
    """Each field of a layout as (name, key, store, required, reader), made once per record class."""
    plan = _PLANS.get(layout.cls)
    if plan is None:
        plan = _PLANS[layout.cls] = tuple(
            (field.name, field.key, field.store, field.required, _READ.get(field.store)) for field in layout.fields
        )
    return plan


_LISTS = frozenset({"sources", "names", "scales", "texts"})
"""Kinds of storage for which an empty array is the same as leaving the key out."""

_MISSING = {
    "sources": "cites no source (every fact needs 'sources = [...]')",
    "scales": "scales must be a non-empty array of inline tables",
}

_READ: dict[str, Callable[[_Reader, str, object], object]] = {
    "text": _Reader.text,
    "text?": _Reader.text,
    "texts": _Reader.texts,
    "bool": _Reader.boolean,
    "number": _Reader.number,
    "number?": _Reader.number,
    "date": _Reader.date,
    "date?": _Reader.date,
    "sources": _Reader.cited,
    "names": lambda reader, key, value: reader.nested(key, value, Name, "an inline table"),
    "scales": lambda reader, key, value: reader.nested(key, value, Scale, "a table"),
}


def _read_sources(table: object, name: str, problems: list[str]) -> dict[str, Source]:
    if not isinstance(table, dict):
        problems.append(f"{name}: sources must be a table of [sources.KEY] tables")
        return {}
    reader = _Reader({})
    sources: dict[str, Source] = {}
    for key, entry in table.items():
        try:
            if not isinstance(entry, dict):
                raise _Problem("must be a table")
            sources[key] = reader.build(NESTED[Source], entry)
        except _Problem as problem:
            problems.append(f"{name}: sources.{key}: {problem}")
    return sources
