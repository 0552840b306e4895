"""Read registry folders of TOML files into records, collecting every problem.

The file format is documented in ``docs/data-format.md``. Reading never stops
at the first fault: every problem is collected with the file, the record and
what is wrong, and reported together in one :class:`RegistryError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from provenance.dates import Interval, PartialDate, parse_iso
from provenance.errors import DateParseError, IntervalError, RecordError
from provenance.model import (
    Assessment,
    DomainClaim,
    Name,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.ratings import Rater, Rating, Scale

__all__ = ["Records", "read_document", "read_file", "read_folder", "read_text"]

Record = Organization | Outlet | DomainClaim | Relation | Succession | Assessment | Rater | Rating


@attrs.frozen(slots=True)
class Records:
    """Records read from files, with where each came from, and the problems met.

    Attributes:
        records: Every record read successfully, in file order.
        locations: For each record, ``"file: table[index] (id ...)"``.
        problems: Every problem met while reading.
    """

    records: tuple[Record, ...] = ()
    locations: Mapping[Record, str] = attrs.field(factory=dict)
    problems: tuple[str, ...] = ()


class _Problem(Exception):
    """One problem with one record; collected, never escapes this module."""


_TABLES = (
    "organizations",
    "outlets",
    "domains",
    "relations",
    "successions",
    "assessments",
    "raters",
    "ratings",
)
_TOP_LEVEL = frozenset({"meta", "sources", *_TABLES})


def read_folder(folder: str | Path) -> Records:
    """Read every ``*.toml`` file of a folder, in name order.

    Args:
        folder: A registry folder.

    Returns:
        The records and the problems met.
    """
    path = Path(folder)
    if not path.is_dir():
        return Records(problems=(f"{path}: not a folder",))
    files = sorted(path.glob("*.toml"))
    if not files:
        return Records(problems=(f"{path}: no .toml files",))
    parts = [read_file(file) for file in files]
    return _concat(parts)


def read_file(file: str | Path) -> Records:
    """Read one registry file.

    Args:
        file: Path of a TOML file.

    Returns:
        The records and the problems met.
    """
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Records(problems=(f"{path.name}: cannot read: {error}",))
    return read_text(text, path.name)


def read_text(text: str, name: str = "<text>") -> Records:
    """Read registry records from TOML text.

    Args:
        text: The TOML document.
        name: What to call it in problem messages.

    Returns:
        The records and the problems met.
    """
    import tomllib  # lazy: only needed when files are read

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Records(problems=(f"{name}: not valid TOML: {error}",))
    return read_document(document, name)


def _concat(parts: Iterable[Records]) -> Records:
    records: list[Record] = []
    locations: dict[Record, str] = {}
    problems: list[str] = []
    for part in parts:
        records.extend(part.records)
        for record, location in part.locations.items():
            locations.setdefault(record, location)
        problems.extend(part.problems)
    return Records(tuple(records), locations, tuple(problems))


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
    records: list[Record] = []
    locations: dict[Record, str] = {}
    for table in _TABLES:
        entries = document.get(table, [])
        if not isinstance(entries, list):
            problems.append(f"{name}: {table} must be an array of tables ([[{table}]])")
            continue
        builder = _BUILDERS[table]
        for index, entry in enumerate(entries):
            where = f"{name}: {table}[{index}]"
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                where += f" (id {entry['id']!r})"
            try:
                if not isinstance(entry, dict):
                    raise _Problem("must be a table")
                record = builder(_Fields(entry, sources))
            except _Problem as problem:
                problems.append(f"{where}: {problem}")
                continue
            records.append(record)
            locations.setdefault(record, where)
    return Records(tuple(records), locations, tuple(problems))


def _read_sources(table: object, name: str, problems: list[str]) -> dict[str, Source]:
    if not isinstance(table, dict):
        problems.append(f"{name}: sources must be a table of [sources.KEY] tables")
        return {}
    sources: dict[str, Source] = {}
    for key, entry in table.items():
        where = f"{name}: sources.{key}"
        try:
            if not isinstance(entry, dict):
                raise _Problem("must be a table")
            fields = _Fields(entry, {})
            sources[key] = Source(
                url=fields.text("url"),
                title=fields.text("title"),
                publisher=fields.optional_text("publisher"),
                accessed=fields.date("accessed"),
                quote=fields.optional_text("quote"),
            )
            fields.finish()
        except _Problem as problem:
            problems.append(f"{where}: {problem}")
        except RecordError as error:
            problems.append(f"{where}: {error}")
    return sources


class _Fields:
    """Typed access to one TOML table, remembering which keys were used."""

    def __init__(self, entry: dict[str, Any], sources: Mapping[str, Source]) -> None:
        self.entry = entry
        self.sources_by_key = sources
        self.used: set[str] = set()

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.entry.get(key)

    def text(self, key: str) -> str:
        value = self._get(key)
        if value is None:
            raise _Problem(f"missing required key {key!r}")
        if not isinstance(value, str):
            raise _Problem(f"{key} must be a string, got {type(value).__name__} {value!r}")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.entry.get(key) is None else self.text(key)

    def date(self, key: str) -> PartialDate:
        value = self.text(key)
        try:
            return parse_iso(value)
        except DateParseError as error:
            raise _Problem(f"{key}: {error}") from None

    def interval(self) -> Interval:
        start, end = self.optional_text("start"), self.optional_text("end")
        try:
            return Interval.parse(start, end)
        except (DateParseError, IntervalError) as error:
            raise _Problem(str(error)) from None

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise _Problem(f"{key} must be true or false, got {value!r}")
        return value

    def share(self) -> float | None:
        value = self._get("share")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Problem(f"share must be a number from 0 to 1, got {value!r}")
        return float(value)

    def sources(self) -> tuple[Source, ...]:
        keys = self._get("sources")
        if keys is None or keys == []:
            raise _Problem("cites no source (every fact needs 'sources = [...]')")
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise _Problem("sources must be a list of source keys")
        unknown = [key for key in keys if key not in self.sources_by_key]
        if unknown:
            raise _Problem(f"cites undeclared source(s) {', '.join(map(repr, unknown))}")
        return tuple(self.sources_by_key[key] for key in keys)

    def names(self) -> tuple[Name, ...]:
        entries = self._get("names")
        if entries is None:
            return ()
        if not isinstance(entries, list):
            raise _Problem("names must be an array of inline tables")
        names = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise _Problem(f"names entry must be an inline table, got {entry!r}")
            fields = _Fields(entry, {})
            names.append(Name(fields.text("name"), fields.interval(), fields.optional_text("kind") or "name"))
            fields.finish()
        return tuple(names)

    def number(self, key: str) -> float | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Problem(f"{key} must be a number, got {value!r}")
        return float(value)

    def optional_date(self, key: str) -> PartialDate | None:
        return None if self.entry.get(key) is None else self.date(key)

    def scales(self) -> tuple[Scale, ...]:
        entries = self._get("scales")
        if not isinstance(entries, list) or not entries:
            raise _Problem("scales must be a non-empty array of inline tables")
        scales = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise _Problem(f"scales entry must be a table, got {entry!r}")
            fields = _Fields(entry, {})
            categories = fields._get("categories") or []
            if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
                raise _Problem("categories must be a list of strings")
            scales.append(
                Scale(
                    id=fields.text("id"),
                    axis=fields.text("axis"),
                    kind=fields.text("kind"),
                    categories=tuple(categories),
                    minimum=fields.number("minimum"),
                    maximum=fields.number("maximum"),
                    reversed=fields.boolean("reversed"),
                )
            )
            fields.finish()
        return tuple(scales)

    def finish(self) -> None:
        unknown = sorted(set(self.entry) - self.used)
        if unknown:
            raise _Problem(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")


def _build(make: Callable[[_Fields], Record]) -> Callable[[_Fields], Record]:
    def build(fields: _Fields) -> Record:
        try:
            record = make(fields)
        except (RecordError, IntervalError, DateParseError) as error:
            raise _Problem(str(error)) from None
        fields.finish()
        return record

    return build


_BUILDERS: dict[str, Callable[[_Fields], Record]] = {
    "organizations": _build(
        lambda f: Organization(
            id=f.text("id"),
            name=f.text("name"),
            kind=f.text("kind"),
            country=f.optional_text("country"),
            lifetime=f.interval(),
            description=f.optional_text("description"),
            sources=f.sources(),
        )
    ),
    "outlets": _build(
        lambda f: Outlet(
            id=f.text("id"),
            name=f.text("name"),
            kind=f.text("kind"),
            country=f.text("country"),
            names=f.names(),
            lifetime=f.interval(),
            public_service=f.boolean("public_service"),
            description=f.optional_text("description"),
            sources=f.sources(),
        )
    ),
    "domains": _build(
        lambda f: DomainClaim(
            host=f.text("host"),
            outlet=f.text("outlet"),
            role=f.text("role"),
            interval=f.interval(),
            sources=f.sources(),
        )
    ),
    "relations": _build(
        lambda f: Relation(
            subject=f.text("subject"),
            kind=f.text("kind"),
            object=f.text("object"),
            share=f.share(),
            interval=f.interval(),
            sources=f.sources(),
        )
    ),
    "successions": _build(
        lambda f: Succession(
            predecessor=f.text("predecessor"),
            successor=f.text("successor"),
            kind=f.text("kind"),
            date=f.date("date"),
            sources=f.sources(),
        )
    ),
    "assessments": _build(
        lambda f: Assessment(
            subject=f.text("subject"),
            assessor=f.text("assessor"),
            kind=f.text("kind"),
            value=f.text("value"),
            interval=f.interval(),
            instrument=f.optional_text("instrument"),
            note=f.optional_text("note"),
            sources=f.sources(),
        )
    ),
    "raters": _build(
        lambda f: Rater(
            id=f.text("id"),
            name=f.text("name"),
            scales=f.scales(),
            methodology_url=f.optional_text("methodology_url"),
            licence=f.optional_text("licence"),
            sources=f.sources(),
        )
    ),
    "ratings": _build(
        lambda f: Rating(
            rater=f.text("rater"),
            scale=f.text("scale"),
            axis=f.text("axis"),
            raw=f.text("value"),
            normalized=f.number("normalized"),  # type: ignore[arg-type]
            outlet=f.optional_text("outlet"),
            host=f.optional_text("host"),
            name=f.optional_text("name"),
            as_of=f.optional_date("as_of"),
            via=f.optional_text("via"),
            sources=f.sources(),
        )
    ),
}
