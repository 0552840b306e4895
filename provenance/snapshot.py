"""Registry snapshots: the validated records of a registry in one file, reloaded without re-reading TOML.

Reading a registry's TOML files, building its records and running every check
takes seconds for a hundred thousand outlets. A snapshot stores what came out
of that (the records, already validated) in a file the caller names, with a
header that ties it to what it was built from: the snapshot format, the
package version, the layout of the record classes, the data version of the
shipped data, the folders (layers) and a digest of every TOML file in them.
Loading one checks all of that first, and refuses a stale or foreign file
with :class:`~provenance.errors.SnapshotError`: it is never used silently.

The file is a first line naming the format, a JSON header line, then a JSON
payload (the records as plain columns of strings, numbers and indexes into
shared tables of sources and intervals). Nothing in it is code, and reading it
runs none. Loading skips the per-record and cross-record checks (they ran when
the snapshot was written), so a snapshot is trusted input: load only files
you built. See ``docs/data-format.md`` and ``docs/security.md``.

>>> import tempfile, pathlib
>>> from provenance.registry import Registry, default_registry
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder, "shipped.snapshot")
...     default_registry().save_snapshot(path)
...     loaded = Registry.from_snapshot(path)
>>> loaded.records == default_registry().records
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from provenance._version import __version__
from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate, parse_iso
from provenance.errors import ProvenanceError, SnapshotError
from provenance.model import Assessment, DomainClaim, Name, Organization, Outlet, Relation, Source, Succession
from provenance.ratings import Rater, Rating, Scale

if TYPE_CHECKING:
    from provenance.loader import Record
    from provenance.registry import Registry

__all__ = ["FORMAT", "layer_digest", "load_records", "save"]

FORMAT = 1
"""The version of the snapshot format; a file of another version is refused."""

_MAGIC = b"provenance-registry-snapshot\n"

# How each field of each record class is stored. "text", "text?", "bool", "number", "number?" are
# JSON values checked by type; "interval" and "sources" index shared tables; "date" and "date?"
# are ISO strings; "names" and "scales" are small nested lists.
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    Organization: (
        ("id", "text"),
        ("name", "text"),
        ("kind", "text"),
        ("country", "text?"),
        ("lifetime", "interval"),
        ("description", "text?"),
        ("sources", "sources"),
    ),
    Outlet: (
        ("id", "text"),
        ("name", "text"),
        ("kind", "text"),
        ("country", "text"),
        ("names", "names"),
        ("lifetime", "interval"),
        ("public_service", "bool"),
        ("description", "text?"),
        ("sources", "sources"),
    ),
    DomainClaim: (
        ("host", "text"),
        ("outlet", "text"),
        ("role", "text"),
        ("interval", "interval"),
        ("sources", "sources"),
    ),
    Relation: (
        ("subject", "text"),
        ("kind", "text"),
        ("object", "text"),
        ("share", "number?"),
        ("interval", "interval"),
        ("sources", "sources"),
    ),
    Succession: (
        ("predecessor", "text"),
        ("successor", "text"),
        ("kind", "text"),
        ("date", "date"),
        ("sources", "sources"),
    ),
    Assessment: (
        ("subject", "text"),
        ("assessor", "text"),
        ("kind", "text"),
        ("value", "text"),
        ("interval", "interval"),
        ("instrument", "text?"),
        ("note", "text?"),
        ("sources", "sources"),
    ),
    Rater: (
        ("id", "text"),
        ("name", "text"),
        ("scales", "scales"),
        ("methodology_url", "text?"),
        ("licence", "text?"),
        ("sources", "sources"),
    ),
    Rating: (
        ("rater", "text"),
        ("scale", "text"),
        ("axis", "text"),
        ("raw", "text"),
        ("normalized", "number"),
        ("outlet", "text?"),
        ("host", "text?"),
        ("name", "text?"),
        ("as_of", "date?"),
        ("via", "text?"),
        ("sources", "sources"),
    ),
}
_CODES = {cls: cls.__name__.lower() for cls in _FIELDS}
_CLASSES = {code: cls for cls, code in _CODES.items()}
_TYPES: dict[str, frozenset[type]] = {
    "text": frozenset({str}),
    "text?": frozenset({str, type(None)}),
    "bool": frozenset({bool}),
    "number": frozenset({int, float}),
    "number?": frozenset({int, float, type(None)}),
}


def schema() -> str:
    """A fingerprint of the record classes' fields: a snapshot made with other classes is refused."""
    layout = [[cls.__name__, [field.name for field in attrs.fields(cls)]] for cls in (*_FIELDS, Source, Name, Scale)]
    return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:16]


def _check_layout() -> None:
    for cls, fields in _FIELDS.items():
        if [name for name, _ in fields] != [field.name for field in attrs.fields(cls)]:
            raise SnapshotError(f"snapshots do not know the fields of {cls.__name__} (update provenance/snapshot.py)")


def layer_digest(layers: Sequence[str]) -> str:
    """A digest of every TOML file of the layers a registry was loaded from.

    Args:
        layers: Folder paths, or ``"default"`` for the shipped data (whose
            ``DATA_VERSION`` counts as well).

    Returns:
        ``sha256:`` and the hex digest over each layer's name, and each file's
        name, size and bytes, in the order the loader reads them.

    Raises:
        SnapshotError: If a layer is not a folder or a file cannot be read.
    """
    from provenance.registry import _data_folder

    digest = hashlib.sha256()
    for layer in layers:
        folder = _data_folder() if layer == "default" else Path(layer)
        if not folder.is_dir():
            raise SnapshotError(f"snapshot layer {layer!r} is not a folder (any more)")
        files = sorted(folder.glob("*.toml"))
        if layer == "default":
            files.append(folder / "DATA_VERSION")
        digest.update(b"layer\0" + layer.encode("utf-8", "surrogatepass") + b"\0")
        for file in files:
            try:
                content = file.read_bytes()
            except OSError as error:
                raise SnapshotError(f"cannot read {file}: {error}") from None
            digest.update(file.name.encode("utf-8", "surrogatepass") + b"\0" + str(len(content)).encode() + b"\0")
            digest.update(content)
    return "sha256:" + digest.hexdigest()


# -- writing ---------------------------------------------------------------------------------


def _encode(records: Sequence[Record]) -> dict[str, Any]:
    sources: dict[Source, int] = {}
    source_lists: dict[tuple[Source, ...], int] = {}
    intervals: dict[Interval, int] = {}

    def source_list(value: tuple[Source, ...]) -> int:
        found = source_lists.get(value)
        if found is None:
            found = source_lists[value] = len(source_lists)
            for source in value:
                sources.setdefault(source, len(sources))
        return found

    def interval(value: Interval) -> int:
        return intervals.setdefault(value, len(intervals))

    def date(value: PartialDate | None) -> str | None:
        return None if value is None else value.isoformat()

    def names(value: tuple[Name, ...]) -> list[list[object]]:
        return [[name.name, interval(name.interval), name.kind] for name in value]

    def scales(value: tuple[Scale, ...]) -> list[list[object]]:
        return [[s.id, s.axis, s.kind, list(s.categories), s.minimum, s.maximum, s.reversed] for s in value]

    encoders: dict[str, Callable[[Any], Any]] = {
        "interval": interval,
        "sources": source_list,
        "date": date,
        "date?": date,
        "names": names,
        "scales": scales,
    }
    groups: dict[type, list[Record]] = {cls: [] for cls in _FIELDS}
    runs: list[list[object]] = []
    for record in records:
        cls = type(record)
        if cls not in groups:
            raise SnapshotError(f"cannot store a {cls.__name__} in a snapshot (only the record classes themselves)")
        groups[cls].append(record)
        if runs and runs[-1][0] == _CODES[cls]:
            runs[-1][1] += 1  # type: ignore[operator]
        else:
            runs.append([_CODES[cls], 1])
    tables: dict[str, dict[str, list[Any]]] = {}
    for cls, group in groups.items():
        if not group:
            continue
        columns: dict[str, list[Any]] = {}
        for name, kind in _FIELDS[cls]:
            values = [getattr(record, name) for record in group]
            encode = encoders.get(kind)
            columns[name] = values if encode is None else [encode(value) for value in values]
        tables[_CODES[cls]] = columns
    return {
        "sources": [[s.url, s.title, s.publisher, date(s.accessed), s.quote] for s in sources],
        "source_lists": [[sources[source] for source in value] for value in source_lists],
        "intervals": [list(value.to_strings()) for value in intervals],
        "runs": runs,
        "records": tables,
    }


def save(registry: Registry, path: str | Path) -> None:
    """Write a snapshot of a registry loaded from folders (see :meth:`Registry.save_snapshot`)."""
    from provenance.registry import data_version

    _check_layout()
    layers = registry.layers
    if layers is None:
        raise SnapshotError(
            "only a registry loaded from folders (from_folder, load_registry, default_registry) can be "
            "snapshotted: a snapshot is checked against the files it was built from"
        )
    payload = json.dumps(_encode(registry.records), separators=(",", ":")).encode("ascii")
    header = {
        "format": FORMAT,
        "package": __version__,
        "schema": schema(),
        "data_version": data_version() if "default" in layers else None,
        "layers": list(layers),
        "sources_digest": layer_digest(layers),
        "payload_digest": "sha256:" + hashlib.sha256(payload).hexdigest(),
        "records": len(registry.records),
    }
    Path(path).write_bytes(_MAGIC + json.dumps(header).encode("ascii") + b"\n" + payload)


# -- reading ---------------------------------------------------------------------------------


def _header(data: bytes, path: Path) -> tuple[dict[str, Any], bytes]:
    if not data.startswith(_MAGIC):
        raise SnapshotError(f"{path}: not a provenance registry snapshot")
    end = data.find(b"\n", len(_MAGIC))
    try:
        header = json.loads(data[len(_MAGIC) : end])
    except ValueError:
        header = None
    if end == -1 or not isinstance(header, dict):
        raise SnapshotError(f"{path}: the snapshot header is damaged")
    return header, data[end + 1 :]


def _check_header(header: dict[str, Any], path: Path) -> tuple[str, ...]:
    from provenance.registry import data_version

    expected = {"format": FORMAT, "package": __version__, "schema": schema()}
    for key, value in expected.items():
        if header.get(key) != value:
            raise SnapshotError(
                f"{path}: snapshot {key} is {header.get(key)!r}, this library needs {value!r}; rebuild the snapshot"
            )
    layers = header.get("layers")
    if not isinstance(layers, list) or not layers or not all(isinstance(layer, str) for layer in layers):
        raise SnapshotError(f"{path}: the snapshot header names no layers")
    if "default" in layers and header.get("data_version") != data_version():
        raise SnapshotError(
            f"{path}: snapshot of data version {header.get('data_version')!r}, the shipped data is "
            f"{data_version()!r}; rebuild the snapshot"
        )
    if header.get("sources_digest") != layer_digest(layers):
        raise SnapshotError(
            f"{path}: the registry files changed since the snapshot was built (or moved); rebuild the snapshot"
        )
    return tuple(layers)


def load_records(path: str | Path) -> tuple[tuple[Record, ...], tuple[str, ...]]:
    """Read and check a snapshot: its records, in load order, and the layers they came from.

    Args:
        path: The snapshot file.

    Returns:
        The records and the layers.

    Raises:
        SnapshotError: If the file is not a snapshot, was written by another
            format, package version or record layout, does not match the data
            version or the current content of its folders, or is damaged.
    """
    _check_layout()
    where = Path(path)
    try:
        data = where.read_bytes()
    except OSError as error:
        raise SnapshotError(f"cannot read snapshot {where}: {error.strerror or error}") from None
    header, payload = _header(data, where)
    layers = _check_header(header, where)
    if header.get("payload_digest") != "sha256:" + hashlib.sha256(payload).hexdigest():
        raise SnapshotError(f"{where}: the snapshot is damaged (its records do not match their digest)")
    try:
        records = _decode(json.loads(payload))
    except (ProvenanceError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        raise SnapshotError(f"{where}: the snapshot's records cannot be read: {error}") from None
    if len(records) != header.get("records"):
        raise SnapshotError(f"{where}: the snapshot holds {len(records)} records, its header says {header['records']}")
    return records, layers


def _maker(cls: type, names: Sequence[str]) -> Callable[..., Iterator[Any]]:
    """A function building instances of ``cls`` from columns, field by field, without ``__init__``.

    The values were checked when the snapshot's registry was built, and by
    type when it was read; attrs' validators are not run again.
    """
    arguments = ", ".join(f"v{number}" for number in range(len(names)))
    sets = "; ".join(f"s{number}(o, v{number})" for number in range(len(names)))
    source = f"def make(columns):\n    for {arguments}, in zip(*columns, strict=True):\n        o = new(cls); {sets}\n"
    source += "        yield o\n"
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    for number, name in enumerate(names):
        namespace[f"s{number}"] = cls.__dict__[name].__set__  # the slot's descriptor
    exec(source, namespace)
    make: Callable[..., Iterator[Any]] = namespace["make"]
    return make


_MAKERS: dict[type, Callable[..., Iterator[Any]]] = {}


def _decode(payload: dict[str, Any]) -> tuple[Record, ...]:
    memo: dict[str, PartialDate] = {}

    def day(value: str) -> PartialDate:
        found = memo.get(value)
        if found is None:
            found = memo[value] = parse_iso(value)
        return found

    def date(value: str | None) -> PartialDate | None:
        return None if value is None else day(value)

    for indexes in payload["source_lists"]:
        if not all(isinstance(index, int) and index >= 0 for index in indexes):
            raise ValueError("bad source index")  # a negative index would pick from the end of the table
    sources = [
        Source(url, title, publisher, date(accessed), quote)
        for url, title, publisher, accessed, quote in payload["sources"]
    ]
    source_lists = [tuple(sources[index] for index in indexes) for indexes in payload["source_lists"]]
    # Interval.parse, with the dates that many intervals share read once.
    intervals = [
        Interval(date(start), ONGOING if end is None else UNKNOWN if end == "unknown" else day(end))
        for start, end in payload["intervals"]
    ]

    def column(kind: str, values: list[Any]) -> list[Any]:
        if kind in _TYPES:
            if not set(map(type, values)) <= _TYPES[kind]:
                raise TypeError(f"a {kind} column holds {sorted({type(v).__name__ for v in values})}")
            return values
        if kind in ("interval", "sources"):
            if values and (set(map(type, values)) != {int} or min(values) < 0):
                raise ValueError(f"bad {kind} index")
            table: list[Any] = intervals if kind == "interval" else source_lists
            return list(map(table.__getitem__, values))
        if kind == "date?" or kind == "date":
            dates = [date(value) for value in values]
            if kind == "date" and None in dates:
                raise ValueError("a date is missing")
            return dates
        if kind == "names":
            return [
                tuple(Name(name, intervals[_index(interval)], name_kind) for name, interval, name_kind in entries)
                for entries in values
            ]
        return [tuple(Scale(*scale) for scale in entries) for entries in values]  # scales

    built: dict[str, Iterator[Any]] = {}
    for code, columns in payload["records"].items():
        cls = _CLASSES[code]
        fields = _FIELDS[cls]
        if set(columns) != {name for name, _ in fields}:
            raise KeyError(f"{code} columns {sorted(columns)}")
        make = _MAKERS.get(cls)
        if make is None:
            make = _MAKERS[cls] = _maker(cls, [name for name, _ in fields])
        built[code] = make([column(kind, columns[name]) for name, kind in fields])
    records: list[Record] = []
    for code, count in payload["runs"]:
        records.extend(islice(built[code], _index(count)))
    if len(records) != sum(count for _, count in payload["runs"]):
        raise ValueError("fewer records than the runs say")
    if any(next(group, None) is not None for group in built.values()):
        raise ValueError("more records than the runs say")
    return tuple(records)


def _index(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"bad index {value!r}")
    return value
