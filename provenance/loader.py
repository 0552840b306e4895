"""Read registry folders of TOML files into records, collecting every problem.

The file format is documented in ``docs/data-format.md``. Reading never stops
at the first fault: every problem is collected with the file, the record and
what is wrong, and reported together in one :class:`RegistryError`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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

__all__ = [
    "LazyLocations",
    "Records",
    "digest_folder",
    "paused_gc",
    "read_document",
    "read_file",
    "read_folder",
    "read_text",
]

Record = Organization | Outlet | DomainClaim | Relation | Succession | Assessment | Rater | Rating


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
    document = _read_flat_toml(text)
    if document is None:  # not the flat subset: the general parser decides (and names any error)
        import tomllib  # lazy: only needed when files are read

        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return Records(problems=(f"{name}: not valid TOML: {error}",))
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
    memo = _Memo()
    records: list[Record] = []
    places: list[int] = []  # the index of each record in its table, for its location
    for table in _TABLES:
        entries = document.get(table, [])
        if not isinstance(entries, list):
            problems.append(f"{name}: {table} must be an array of tables ([[{table}]])")
            continue
        builder = _BUILDERS[table]
        for index, entry in enumerate(entries):
            try:
                if not isinstance(entry, dict):
                    raise _Problem("must be a table")
                record = _fast_build(table, entry, sources, memo) or builder(_Fields(entry, sources, memo))
            except _Problem as problem:
                problems.append(f"{_where(name, table, index, entry)}: {problem}")
                continue
            records.append(record)
            places.append(index)

    def locations() -> dict[Record, str]:
        # A record's table follows from its type; only bodies and raters have ids.
        found: dict[Record, str] = {}
        for record, index in zip(records, places, strict=True):
            if record not in found:
                where = f"{name}: {_TABLE_OF[type(record)]}[{index}]"
                if isinstance(record, Outlet | Organization | Rater):
                    where += f" (id {record.id!r})"
                found[record] = where
        return found

    return Records(tuple(records), LazyLocations(locations), tuple(problems))


# -- building common records without per-field bookkeeping ------------------------------
#
# For the commonest tables, a record whose fields are all plainly valid is
# built directly, with the very arguments its builder below would pass; at the
# first doubt (an unexpected key or type, an undeclared source, a record that
# refuses its values) None is returned and the builder runs, naming the problem.


@attrs.frozen(slots=True)
class _Fast:
    make: type
    texts: tuple[str, ...]  # required text keys, passed as keywords of the same name
    optional: tuple[str, ...]  # optional text keys
    interval: str  # the keyword taking the start/end interval
    defaults: tuple[tuple[str, object], ...] = ()  # keywords the builder passes when keys are absent
    share: bool = False
    keys: frozenset[str] = frozenset()


def _fast(make: type, texts: tuple[str, ...], optional: tuple[str, ...], interval: str, **more: Any) -> _Fast:
    keys = frozenset({*texts, *optional, "start", "end", "sources", *(("share",) if more.get("share") else ())})
    return _Fast(make, texts, optional, interval, keys=keys, **more)


_FAST = {
    "organizations": _fast(Organization, ("id", "name", "kind"), ("country", "description"), "lifetime"),
    "outlets": _fast(
        Outlet,
        ("id", "name", "kind", "country"),
        ("description",),
        "lifetime",
        defaults=(("names", ()), ("public_service", False)),
    ),
    "domains": _fast(DomainClaim, ("host", "outlet", "role"), (), "interval"),
    "relations": _fast(Relation, ("subject", "kind", "object"), (), "interval", share=True),
    "assessments": _fast(Assessment, ("subject", "assessor", "kind", "value"), ("instrument", "note"), "interval"),
}


def _fast_build(table: str, entry: dict[str, Any], sources: Mapping[str, Source], memo: _Memo) -> Record | None:
    spec = _FAST.get(table)
    if spec is None or not entry.keys() <= spec.keys:
        return None
    values: dict[str, Any] = dict(spec.defaults)
    for key in spec.texts:
        value = entry.get(key)
        if value.__class__ is not str:
            return None
        values[key] = value
    for key in spec.optional:
        value = entry.get(key)
        if value is not None and value.__class__ is not str:
            return None
        values[key] = value
    start, end = entry.get("start"), entry.get("end")
    if (start is not None and start.__class__ is not str) or (end is not None and end.__class__ is not str):
        return None
    interval = memo.intervals.get((start, end))
    if interval is None:
        try:
            interval = memo.intervals[start, end] = Interval.parse(start, end)
        except (DateParseError, IntervalError):
            return None
    values[spec.interval] = interval
    keys = entry.get("sources")
    if keys.__class__ is not list or not keys or not all(key.__class__ is str for key in keys):
        return None
    cited = memo.sources.get(tuple(keys))
    if cited is None:
        if not all(key in sources for key in keys):
            return None
        cited = memo.sources[tuple(keys)] = tuple(sources[key] for key in keys)
    values["sources"] = cited
    if spec.share:
        share = entry.get("share")
        if share is not None and (isinstance(share, bool) or not isinstance(share, int | float)):
            return None
        values["share"] = None if share is None else float(share)
    try:
        return spec.make(**values)  # type: ignore[no-any-return]
    except (RecordError, IntervalError, DateParseError):
        return None


def _where(name: str, table: str, index: int, entry: object) -> str:
    where = f"{name}: {table}[{index}]"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        where += f" (id {entry['id']!r})"
    return where


_TABLE_OF: dict[type, str] = {
    Organization: "organizations",
    Outlet: "outlets",
    DomainClaim: "domains",
    Relation: "relations",
    Succession: "successions",
    Assessment: "assessments",
    Rater: "raters",
    Rating: "ratings",
}


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many records are made (none of them form cycles).

    Loading 100,000 outlets allocates millions of containers; the collector
    would walk them again and again for nothing, a third of the load time.
    It is switched back on afterwards only if it was on before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


class _Memo:
    """Values many records of one file share: dates, intervals, source lists (all immutable)."""

    __slots__ = ("dates", "intervals", "sources")

    def __init__(self) -> None:
        self.dates: dict[str, PartialDate] = {}
        self.intervals: dict[tuple[str | None, str | None], Interval] = {}
        self.sources: dict[tuple[str, ...], tuple[Source, ...]] = {}


# -- a fast reader for flat TOML ------------------------------------------------------
#
# Registry files are flat: [sources.KEY] tables, [[table]] arrays of tables,
# and `key = value` lines whose values are strings, booleans, plain numbers
# or one-line arrays of strings. tomllib is exact but slow (some 8 us a
# line), which dominates loading a registry of 100,000 outlets. This reader
# handles that subset only, and gives up (returns None) at the first thing
# outside it, leaving the document to tomllib: so it accepts nothing tomllib
# rejects, and returns what tomllib returns.

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\]|\\.)*"'
_LITERAL = r"'[^']*'"
_STRING = f"(?:{_BASIC}|{_LITERAL})"
_INLINE = rf"\{{[ \t]*(?:{_BARE}[ \t]*=[ \t]*{_STRING}[ \t]*(?:,[ \t]*{_BARE}[ \t]*=[ \t]*{_STRING}[ \t]*)*)?\}}"
_ITEM = f"(?:{_STRING}|{_INLINE})"
_COMMENT = r"(?:[ \t]*#.*)?"
_LINE = re.compile(
    rf"(?:\[\[[ \t]*({_BARE})[ \t]*\]\]"  # [[table]]
    rf"|\[[ \t]*({_BARE})[ \t]*\.[ \t]*({_BARE})[ \t]*\]"  # [table.key]
    rf"|({_BARE})[ \t]*=[ \t]*"  # key = value
    rf"(?:\"([^\"\\]*)\""  # a string without escapes
    rf"|({_STRING})"  # any one-line string
    r"|(true|false)"
    r"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"  # a plain integer or decimal
    rf"|(\[[ \t]*(?:{_ITEM}[ \t]*(?:,[ \t]*{_ITEM}[ \t]*)*(?:,[ \t]*)?)?\])"  # a one-line array
    r"|(\[)"  # an array continued on the next lines
    rf")){_COMMENT}"
)
_ARRAY_LINE = re.compile(rf"(?:({_ITEM})[ \t]*(,)?|(\]))[ \t]*{_COMMENT}")
_ITEMS = re.compile(f"({_STRING})|({_INLINE})")
_PAIRS = re.compile(rf"({_BARE})[ \t]*=[ \t]*({_STRING})")
_ESCAPE = re.compile(r"\\(?:([btnfr\"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
# Control characters TOML forbids anywhere (after CRLF line ends became LF).
_FORBIDDEN_ANYWHERE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _is_bare(key: str) -> bool:
    """Whether ``key`` is a bare TOML key starting with a letter, ``_`` or ``-`` (a quick test)."""
    return key.isascii() and key.replace("-", "_").isidentifier()


class _NotFlat(Exception):
    """The text leaves the flat subset: let tomllib read it."""


def _string(token: str) -> str:
    if token[0] == "'":
        return token[1:-1]
    body = token[1:-1]
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _unescape(match: re.Match[str]) -> str:
    simple, short, long, other = match.groups()
    if simple is not None:
        return _ESCAPES[simple]
    if other is not None:
        raise _NotFlat
    code = int(short or long, 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _NotFlat
    return chr(code)


def _item(token: str) -> str | dict[str, str]:
    if token[0] != "{":
        return _string(token)
    pairs = _PAIRS.findall(token)
    table = {key: _string(value) for key, value in pairs}
    if len(table) != len(pairs):
        raise _NotFlat  # a key twice in an inline table
    return table


def _read_flat_toml(text: str) -> dict[str, Any] | None:
    """The document tomllib would read from ``text``, when it is flat; else ``None``."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    if _FORBIDDEN_ANYWHERE.search(text):
        return None
    root: dict[str, Any] = {}
    arrays: set[str] = set()  # names defined by [[name]]
    parents: set[str] = set()  # names defined implicitly by [name.key]
    table = root
    bare: set[str] = set()  # keys already found bare
    items: list[Any] | None = None  # the array being read over several lines
    comma = True  # whether the last item of that array was followed by a comma
    match_line, match_item = _LINE.fullmatch, _ARRAY_LINE.fullmatch
    try:
        for raw in text.split("\n"):
            line = raw.strip(" \t")
            if not line or line[0] == "#":
                continue
            if items is None:
                # The commonest lines, with string operations: key = "text", key = ["text"], [[table]].
                key, equals, value = line.partition(" = ")
                if equals and key not in bare and _is_bare(key):
                    bare.add(key)
                if equals and key in bare and key not in table:
                    if len(value) > 1 and value[0] == value[-1] == '"':
                        inner = value[1:-1]
                        if '"' not in inner and "\\" not in inner:
                            table[key] = inner
                            continue
                    elif value[:2] == '["' and value[-2:] == '"]' and len(value) > 3:
                        inner = value[2:-2]
                        if '"' not in inner and "\\" not in inner:
                            table[key] = [inner]
                            continue
                elif line[:2] == "[[" and line[-2:] == "]]" and _is_bare(name := line[2:-2]):
                    if name in root and name not in arrays:
                        return None
                    arrays.add(name)
                    table = {}
                    root.setdefault(name, []).append(table)
                    continue
            if items is not None:
                found = match_item(line)
                if found is None:
                    return None
                item, follows, close = found.groups()
                if close is not None:
                    items = None
                elif not comma:
                    return None  # two items without a comma between them
                else:
                    items.append(_item(item))
                    comma = follows is not None
                continue
            found = match_line(line)
            if found is None:
                return None
            array, parent, child, key, plain, string, boolean, number, inline, _opened = found.groups()
            if key is not None:
                if key in table:
                    return None  # a key defined twice: tomllib names the error
                if plain is not None:
                    table[key] = plain
                elif string is not None:
                    table[key] = _string(string)
                elif boolean is not None:
                    table[key] = boolean == "true"
                elif number is not None:
                    table[key] = float(number) if "." in number else int(number)
                elif inline is not None:
                    table[key] = [_item(a or b) for a, b in _ITEMS.findall(inline)]
                else:
                    items = table[key] = []
                    comma = True
            elif array is not None:
                if array in root and array not in arrays:
                    return None
                arrays.add(array)
                table = {}
                root.setdefault(array, []).append(table)
            else:
                if parent in root and parent not in parents:
                    return None
                parents.add(parent)
                tables = root.setdefault(parent, {})
                if child in tables:
                    return None
                table = tables[child] = {}
    except _NotFlat:
        return None
    if items is not None:
        return None  # an array left open
    return root


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
                kind=fields.optional_text("kind"),
                archived=fields.optional_text("archived"),
            )
            fields.finish()
        except _Problem as problem:
            problems.append(f"{where}: {problem}")
        except RecordError as error:
            problems.append(f"{where}: {error}")
    return sources


class _Fields:
    """Typed access to one TOML table, remembering which keys were used."""

    def __init__(self, entry: dict[str, Any], sources: Mapping[str, Source], memo: _Memo | None = None) -> None:
        self.entry = entry
        self.sources_by_key = sources
        self.used: set[str] = set()
        self.memo = memo if memo is not None else _Memo()

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
        found = self.memo.dates.get(value)
        if found is not None:
            return found
        try:
            found = parse_iso(value)
        except DateParseError as error:
            raise _Problem(f"{key}: {error}") from None
        self.memo.dates[value] = found
        return found

    def interval(self) -> Interval:
        start, end = self.optional_text("start"), self.optional_text("end")
        found = self.memo.intervals.get((start, end))
        if found is not None:
            return found
        try:
            found = Interval.parse(start, end)
        except (DateParseError, IntervalError) as error:
            raise _Problem(str(error)) from None
        self.memo.intervals[start, end] = found
        return found

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
        found = self.memo.sources.get(tuple(keys))
        if found is not None:
            return found
        unknown = [key for key in keys if key not in self.sources_by_key]
        if unknown:
            raise _Problem(f"cites undeclared source(s) {', '.join(map(repr, unknown))}")
        found = tuple(self.sources_by_key[key] for key in keys)
        self.memo.sources[tuple(keys)] = found
        return found

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
            names=f.names(),
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
