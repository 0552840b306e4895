"""Write records as a registry overlay: TOML in the format of ``docs/data-format.md``.

The file written loads back to equal records, in table order (organisations,
outlets, domains, relations, successions, assessments, raters, ratings), with
:func:`~provenance.registry.load_registry` (when the records refer to shipped
ids) or :meth:`~provenance.registry.Registry.from_folder`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from provenance.dates import Interval
from provenance.layout import Record
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

from ._common import ImportFileError, slug

__all__ = ["write_overlay"]

_TABLE_OF: tuple[tuple[type, str], ...] = (
    (Organization, "organizations"),
    (Outlet, "outlets"),
    (DomainClaim, "domains"),
    (Relation, "relations"),
    (Succession, "successions"),
    (Assessment, "assessments"),
    (Rater, "raters"),
    (Rating, "ratings"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _string(text: str) -> str:
    """A TOML basic string: JSON escapes, plus DEL (JSON leaves it raw, TOML does not)."""
    if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
        raise ImportFileError("overlay", f"text holds an unpaired surrogate: {text[:60]!r}")
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _number(value: float) -> str:
    text = repr(float(value))
    return text if text not in ("inf", "-inf", "nan") else "nan"


def _inline(pairs: Sequence[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{key} = {value}" for key, value in pairs) + "}"


class _Writer:
    def __init__(self) -> None:
        self.keys: dict[Source, str] = {}
        self.used_keys: set[str] = set()
        self.body: list[str] = []

    def key(self, source: Source) -> str:
        if source in self.keys:
            return self.keys[source]
        stem = slug(source.title)[:40].strip("-") or "source"
        key, number = stem, 1
        while key in self.used_keys:
            number += 1
            key = f"{stem}-{number}"
        self.used_keys.add(key)
        self.keys[source] = key
        return key

    def sources(self, sources: Iterable[Source]) -> str:
        return "[" + ", ".join(_string(self.key(source)) for source in sources) + "]"

    def table(self, name: str, pairs: list[tuple[str, str | None]]) -> None:
        self.body.append(f"\n[[{name}]]")
        self.body.extend(f"{key} = {value}" for key, value in pairs if value is not None)

    def record(self, table: str, record: Record) -> None:
        self.table(table, _pairs(record, self))

    def text(self, header: Sequence[str]) -> str:
        lines = [f"# {_CONTROL.sub(' ', line)}".rstrip() for line in header]
        for source, key in self.keys.items():
            lines.append(f"\n[sources.{key}]")
            lines.append(f"url = {_string(source.url)}")
            lines.append(f"title = {_string(source.title)}")
            if source.publisher is not None:
                lines.append(f"publisher = {_string(source.publisher)}")
            if source.accessed is not None:
                lines.append(f"accessed = {_string(source.accessed.isoformat())}")
            if source.quote is not None:
                lines.append(f"quote = {_string(source.quote)}")
            if source.kind is not None:
                lines.append(f"kind = {_string(source.kind)}")
            if source.archived is not None:
                lines.append(f"archived = {_string(source.archived)}")
        return "\n".join([*lines, *self.body]) + "\n"


def _optional(value: str | None) -> str | None:
    return None if value is None else _string(value)


def _interval(interval: Interval) -> list[tuple[str, str | None]]:
    start, end = interval.to_strings()
    return [("start", _optional(start)), ("end", _optional(end))]


def _name(name: Name) -> str:
    pairs = [("name", _string(name.name))]
    pairs += [(k, v) for k, v in _interval(name.interval) if v is not None]
    if name.kind != "name":
        pairs.append(("kind", _string(name.kind)))
    return _inline(pairs)


def _names(names: tuple[Name, ...]) -> str | None:
    if not names:
        return None
    return "[\n" + "".join(f"  {_name(n)},\n" for n in names) + "]"


def _scale(scale: Scale) -> str:
    pairs = [("id", _string(scale.id)), ("axis", _string(scale.axis)), ("kind", _string(scale.kind))]
    if scale.categories:
        pairs.append(("categories", "[" + ", ".join(map(_string, scale.categories)) + "]"))
    if scale.minimum is not None:
        pairs.append(("minimum", _number(scale.minimum)))
    if scale.maximum is not None:
        pairs.append(("maximum", _number(scale.maximum)))
    if scale.reversed:
        pairs.append(("reversed", "true"))
    return _inline(pairs)


def _pairs(record: Record, writer: _Writer) -> list[tuple[str, str | None]]:
    sources = ("sources", writer.sources(record.sources))
    if isinstance(record, Organization):
        return [
            ("id", _string(record.id)),
            ("name", _string(record.name)),
            ("names", _names(record.names)),
            ("kind", _string(record.kind)),
            ("country", _optional(record.country)),
            *_interval(record.lifetime),
            ("description", _optional(record.description)),
            sources,
        ]
    if isinstance(record, Outlet):
        return [
            ("id", _string(record.id)),
            ("name", _string(record.name)),
            ("names", _names(record.names)),
            ("kind", _string(record.kind)),
            ("country", _string(record.country)),
            *_interval(record.lifetime),
            ("public_service", "true" if record.public_service else None),
            ("description", _optional(record.description)),
            sources,
        ]
    if isinstance(record, DomainClaim):
        return [
            ("host", _string(record.host)),
            ("outlet", _string(record.outlet)),
            ("role", _string(record.role)),
            *_interval(record.interval),
            sources,
        ]
    if isinstance(record, Relation):
        return [
            ("subject", _string(record.subject)),
            ("kind", _string(record.kind)),
            ("object", _string(record.object)),
            ("share", None if record.share is None else _number(record.share)),
            *_interval(record.interval),
            sources,
        ]
    if isinstance(record, Succession):
        return [
            ("predecessor", _string(record.predecessor)),
            ("successor", _string(record.successor)),
            ("kind", _string(record.kind)),
            ("date", _string(record.date.isoformat())),
            sources,
        ]
    if isinstance(record, Assessment):
        return [
            ("subject", _string(record.subject)),
            ("assessor", _string(record.assessor)),
            ("kind", _string(record.kind)),
            ("value", _string(record.value)),
            ("instrument", _optional(record.instrument)),
            ("note", _optional(record.note)),
            *_interval(record.interval),
            sources,
        ]
    if isinstance(record, Rater):
        return [
            ("id", _string(record.id)),
            ("name", _string(record.name)),
            ("scales", "[\n" + "".join(f"  {_scale(s)},\n" for s in record.scales) + "]"),
            ("methodology_url", _optional(record.methodology_url)),
            ("licence", _optional(record.licence)),
            sources,
        ]
    return [
        ("rater", _string(record.rater)),
        ("scale", _string(record.scale)),
        ("axis", _string(record.axis)),
        ("value", _string(record.raw)),
        ("normalized", _number(record.normalized)),
        ("outlet", _optional(record.outlet)),
        ("host", _optional(record.host)),
        ("name", _optional(record.name)),
        ("as_of", None if record.as_of is None else _string(record.as_of.isoformat())),
        ("via", _optional(record.via)),
        sources,
    ]


def write_overlay(
    records: Iterable[Record],
    folder: str | os.PathLike[str],
    *,
    name: str = "overlay",
    header: Sequence[str] = (),
) -> Path:
    """Write records to ``FOLDER/NAME.toml`` as a registry overlay, creating the folder if needed.

    The file opens with a header comment (``header``, then a note that it
    was machine-written and not reviewed), then one ``[sources.KEY]`` table
    per distinct source, then the records by table. Only that one file is
    written (through a temporary file in the same folder, renamed into
    place); other files in the folder are left alone.

    Args:
        records: Records to write; every one must cite a source.
        folder: The overlay folder.
        name: The file name without ``.toml`` (kebab-case).
        header: Lines for the header comment (what the overlay covers).

    Returns:
        The path of the file written.

    Raises:
        ImportFileError: If a record cites no source, a source has no access
            date, or ``name`` is not kebab-case.
        OSError: If the folder or file cannot be written.
    """
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", name):
        raise ImportFileError(name, "an overlay file name is lower-case kebab-case")
    writer = _Writer()
    grouped: dict[str, list[Record]] = {table: [] for _, table in _TABLE_OF}
    for record in records:
        table = next(t for kind, t in _TABLE_OF if isinstance(record, kind))
        if not record.sources:
            raise ImportFileError(name, f"a record cites no source: {record!r}"[:200])
        for source in record.sources:
            if source.accessed is None:
                raise ImportFileError(name, f"source {source.url} has no access date")
        grouped[table].append(record)
    for table, entries in grouped.items():
        for record in entries:
            writer.record(table, record)
    lines = [
        *header,
        "Machine-written by provenance's importers; not reviewed by a person.",
    ]
    text = writer.text(lines)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.toml"
    temporary = target / f".{name}.toml.{os.getpid()}.tmp"
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
