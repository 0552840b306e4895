"""Registry snapshots: the validated records of a registry in one file, reloaded without re-reading TOML.

Reading a registry's TOML files, building its records and running every check
takes seconds for a hundred thousand outlets. A snapshot stores what came out
of that (the records, already validated) in a file the caller names, with a
header that ties it to what it was built from: the snapshot format, the
package version, the layout of the record classes, the data version of the
shipped data, the folders (layers) and, for each, a digest of the bytes of
every TOML file the records were read from (taken when they were read).
Loading one checks all of that first, and refuses a stale or foreign file
with :class:`~provenance.errors.SnapshotError`: it is never used silently.

The file is a first line naming the format, a JSON header line, then a JSON
payload (the records as plain columns of strings, numbers and indexes into
shared tables of sources and intervals; the ratings' columns as JSON text of
their own, read on first use). Nothing in it is code, and reading it
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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from provenance._outputs import replacing_bytes
from provenance._version import __version__
from provenance.dates import Interval, PartialDate
from provenance.errors import ProvenanceError, SnapshotError, UnknownLayerError
from provenance.layout import Record
from provenance.model import Name, Source
from provenance.ratings import Scale
from provenance.registry._columns import index_of, runs
from provenance.registry._decoding import CODES, DEFERRED, FIELDS, Decoded, cut, decode, short
from provenance.registry._shipped import data_version, digest_layer

if TYPE_CHECKING:
    from provenance.registry._registry import Registry

__all__ = ["FORMAT", "layer_digests", "load_records", "save"]

FORMAT = 4
"""The version of the snapshot format; a file of another version is refused."""

_MAGIC = b"provenance-registry-snapshot\n"

_NESTED_WIDTH = {Source: 7, Name: 3, Scale: 7}
"""How many fields the rows of sources, names and scales hold."""
_NONE = type(None)
_HEADER: dict[str, tuple[type, ...]] = {
    "format": (int,),
    "package": (str,),
    "schema": (str,),
    "data_version": (str, _NONE),
    "layers": (list,),
    "layer_digests": (list,),
    "payload_digest": (str,),
    "records": (int,),
}
"""The header's keys and the types of their values (exactly: ``True`` is not an ``int`` here)."""


def schema() -> str:
    """A fingerprint of the record classes' fields: a snapshot made with other classes is refused."""
    layout = [[cls.__name__, [field.name for field in attrs.fields(cls)]] for cls in (*FIELDS, Source, Name, Scale)]
    return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:16]


def _check_layout() -> None:
    for cls, width in _NESTED_WIDTH.items():
        if len(attrs.fields(cls)) != width:
            raise SnapshotError(f"snapshots do not know the fields of {cls.__name__} (update their rows in {__name__})")


def layer_digests(layers: Sequence[str]) -> tuple[str, ...]:
    """The current digest of every layer's files, as the loader digests them when it reads them.

    Args:
        layers: Folder paths, ``"default"`` for the shipped data (whose
            ``DATA_VERSION`` counts as well), or ``"layer:NAME"`` for a bundled
            layer (whose ``VERSION`` counts as well).

    Returns:
        For each layer, ``sha256:`` and the hex digest over each TOML file's
        name, size and bytes, in the order the loader reads them
        (:func:`provenance.registry.digest_folder`).

    Raises:
        SnapshotError: If a layer is not a folder or a file cannot be read.
    """
    digests = []
    for layer in layers:
        try:
            digests.append(digest_layer(layer))
        except NotADirectoryError:
            raise SnapshotError(f"snapshot layer {short(layer)} is not a folder (any more)") from None
        except UnknownLayerError as error:
            raise SnapshotError(f"snapshot layer {short(layer)}: {error}") from None
        except (OSError, ValueError) as error:  # a name too long, a NUL byte, no permission...
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            raise SnapshotError(f"cannot read snapshot layer {short(layer)}: {cut(reason)}") from None
    return tuple(digests)


# -- writing ---------------------------------------------------------------------------------


def _encode(records: Sequence[Record]) -> dict[str, Any]:
    """The payload of a snapshot: the records' columns by class, their order, and the tables they share.

    Raises:
        SnapshotError: If a record is not of one of the record classes themselves.
    """
    groups, runs = _group(records)
    encoder = _Encoder()
    tables = {CODES[cls]: encoder.columns(cls, group) for cls, group in groups.items() if group}
    deferred = {DEFERRED: _compact(tables.pop(DEFERRED))} if DEFERRED in tables else {}
    return {**encoder.shared_tables(), "runs": runs, "records": tables, "deferred": deferred}


def _compact(value: object) -> str:
    """JSON text without spaces."""
    return json.dumps(value, separators=(",", ":"))


def _group(records: Sequence[Record]) -> tuple[dict[type, list[Record]], list[list[object]]]:
    """The records of each class, and the runs of one class that put them back in order: ``[code, count]``."""
    groups: dict[type, list[Record]] = {cls: [] for cls in FIELDS}
    runs: list[list[object]] = []
    for record in records:
        cls = type(record)
        if cls not in groups:
            raise SnapshotError(f"cannot store a {cls.__name__} in a snapshot (only the record classes themselves)")
        groups[cls].append(record)
        if runs and runs[-1][0] == CODES[cls]:
            runs[-1][1] += 1  # type: ignore[operator]
        else:
            runs.append([CODES[cls], 1])
    return groups, runs


class _Encoder:
    """Encodes the records' columns, collecting the sources, lists of sources and intervals they share."""

    def __init__(self) -> None:
        self.sources: dict[Source, int] = {}
        self.source_lists: dict[tuple[Source, ...], int] = {}
        self.intervals: dict[Interval, int] = {}
        self.encoders: dict[str, Callable[[Any], Any]] = {
            "interval": self.interval,
            "sources": self.source_list,
            "date": _iso,
            "date?": _iso,
            "names": self.names,
            "scales": _scales,
        }

    def columns(self, cls: type, group: list[Record]) -> dict[str, Any]:
        """The columns of a group of records of class ``cls``, one per field (a repetitive one as its runs)."""
        columns: dict[str, Any] = {}
        for name, kind in FIELDS[cls]:
            values = [getattr(record, name) for record in group]
            encode = self.encoders.get(kind)
            encoded = values if encode is None else [encode(value) for value in values]
            columns[name] = runs(encoded) if kind not in ("names", "scales") else encoded
        return columns

    def source_list(self, value: tuple[Source, ...]) -> int:
        """The index of a list of sources in the shared table (its sources join theirs)."""
        found = self.source_lists.get(value)
        if found is None:
            found = self.source_lists[value] = len(self.source_lists)
            for source in value:
                self.sources.setdefault(source, len(self.sources))
        return found

    def interval(self, value: Interval) -> int:
        """The index of an interval in the shared table."""
        return self.intervals.setdefault(value, len(self.intervals))

    def names(self, value: tuple[Name, ...]) -> list[list[object]]:
        """Names as rows of name, interval index and kind."""
        return [[name.name, self.interval(name.interval), name.kind] for name in value]

    def shared_tables(self) -> dict[str, list[list[Any]]]:
        """The tables of sources, lists of sources (as indexes of sources) and intervals."""
        sources = self.sources
        return {
            "sources": [[s.url, s.title, s.publisher, _iso(s.accessed), s.quote, s.kind, s.archived] for s in sources],
            "source_lists": [[sources[source] for source in value] for value in self.source_lists],
            "intervals": [list(value.to_strings()) for value in self.intervals],
        }


def _iso(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def _scales(value: tuple[Scale, ...]) -> list[list[object]]:
    return [[s.id, s.axis, s.kind, list(s.categories), s.minimum, s.maximum, s.reversed] for s in value]


def save(registry: Registry, path: str | Path) -> None:
    """Write a snapshot of a registry loaded from folders (see :meth:`Registry.save_snapshot`)."""
    _check_layout()
    layers = registry.layers
    if layers is None:
        raise SnapshotError(
            "only a registry loaded from folders (from_folder, load_registry, default_registry) can be "
            "snapshotted: a snapshot is checked against the files it was built from"
        )
    digests = registry.layer_digests
    if digests is None or len(digests) != len(layers):
        raise SnapshotError(
            "the digest of the files this registry was read from is not known, so a snapshot of it could not be "
            "checked; load it with from_folder, load_registry or default_registry"
        )
    payload = _compact(_encode(registry.records)).encode("ascii")
    header = {
        "format": FORMAT,
        "package": __version__,
        "schema": schema(),
        "data_version": data_version() if "default" in layers else None,
        "layers": list(layers),
        "layer_digests": list(digests),
        "payload_digest": "sha256:" + hashlib.sha256(payload).hexdigest(),
        "records": len(registry.records),
    }
    with replacing_bytes(path) as stream:  # an old snapshot stays whole until the new one is
        stream.write(_MAGIC + json.dumps(header).encode("ascii") + b"\n" + payload)


# -- reading ---------------------------------------------------------------------------------


def _header(data: bytes, path: Path) -> tuple[dict[str, Any], bytes]:
    if not data.startswith(_MAGIC):
        raise SnapshotError(f"{path}: not a provenance registry snapshot")
    end = data.find(b"\n", len(_MAGIC))
    try:
        header = json.loads(data[len(_MAGIC) : end])
    except (ValueError, RecursionError):
        header = None
    if end == -1 or not isinstance(header, dict):
        raise SnapshotError(f"{path}: the snapshot header is damaged")
    return header, data[end + 1 :]


def _check_header(header: dict[str, Any], path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The layers and digests of a snapshot's header, once the header matches this library and the files.

    Raises:
        SnapshotError: At the first thing that does not match, in the order of the steps.
    """
    _check_header_shape(header, path)
    _check_library(header, path)
    layers, digests = _header_layers(header, path)
    _check_data_version(header["data_version"], layers, path)
    _check_layer_digests(layers, digests, path)
    return layers, digests


def _check_header_shape(header: dict[str, Any], path: Path) -> None:
    """The header is of this format, with exactly the expected keys, each holding a value of its type."""
    if header.get("format") != FORMAT:
        raise SnapshotError(
            f"{path}: snapshot format is {short(header.get('format'))}, this library needs {FORMAT}; "
            "rebuild the snapshot"
        )
    if set(header) != set(_HEADER):
        unknown = ", ".join(short(key, 40) for key in sorted(set(header) - set(_HEADER)))
        missing = ", ".join(sorted(set(_HEADER) - set(header)))
        raise SnapshotError(
            f"{path}: the snapshot header is damaged (missing: {missing or '-'}; unknown: {unknown or '-'})"
        )
    for key, types in _HEADER.items():
        if type(header[key]) not in types:
            raise SnapshotError(f"{path}: the snapshot header is damaged ({key} is a {type(header[key]).__name__})")


def _check_library(header: dict[str, Any], path: Path) -> None:
    """The snapshot was written by this package version, with these record classes."""
    for key, value in {"package": __version__, "schema": schema()}.items():
        if header[key] != value:
            raise SnapshotError(
                f"{path}: snapshot {key} is {short(header[key])}, this library needs {value!r}; rebuild the snapshot"
            )


def _header_layers(header: dict[str, Any], path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The layers the header names (at least one) and a digest for each."""
    layers, digests = header["layers"], header["layer_digests"]
    if not layers or not all(type(layer) is str for layer in layers):
        raise SnapshotError(f"{path}: the snapshot header names no layers")
    if len(digests) != len(layers) or not all(type(digest) is str for digest in digests):
        raise SnapshotError(f"{path}: the snapshot header is damaged (a digest for each layer)")
    return tuple(layers), tuple(digests)


def _check_data_version(saved: str | None, layers: Sequence[str], path: Path) -> None:
    """The snapshot's data version is that of the shipped data, if it holds the shipped data (else none)."""
    expected_version = data_version() if "default" in layers else None
    if saved != expected_version:
        raise SnapshotError(
            f"{path}: snapshot of data version {short(saved)}, the shipped data is "
            f"{expected_version!r}; rebuild the snapshot"
        )


def _check_layer_digests(layers: Sequence[str], digests: Sequence[str], path: Path) -> None:
    """The files of every layer are still those the snapshot's records were read from."""
    for layer, saved, current in zip(layers, digests, layer_digests(layers), strict=True):
        if saved != current:
            raise SnapshotError(
                f"{path}: the registry files changed since the snapshot's records were read "
                f"(layer {short(layer)}, or it moved); rebuild the snapshot"
            )


def load_records(path: str | Path) -> tuple[Decoded, tuple[str, ...], tuple[str, ...]]:
    """Read and check a snapshot: its records (:class:`Decoded`), the layers they came from, and their digests.

    Args:
        path: The snapshot file.

    Returns:
        The records, the layers, and for each layer the digest of its files
        (which the files still match).

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
    layers, digests = _check_header(header, where)
    if header.get("payload_digest") != "sha256:" + hashlib.sha256(payload).hexdigest():
        raise SnapshotError(f"{where}: the snapshot is damaged (its records do not match their digest)")
    try:
        decoded = decode(json.loads(payload), index_of(header["records"]), where)
    except (ProvenanceError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        reason = cut(str(error)) or type(error).__name__
        raise SnapshotError(f"{where}: the snapshot's records cannot be read: {reason}") from None
    if decoded.count != header["records"]:
        raise SnapshotError(f"{where}: the snapshot holds {decoded.count} records, its header says {header['records']}")
    return decoded, layers, digests
