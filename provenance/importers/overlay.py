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
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from provenance._outputs import replacing_text
from provenance.layout import LAYOUTS, NESTED, TABLES, Record, RecordLayout
from provenance.model import Source

from ._common import ImportFileError, slug

__all__ = ["write_overlay"]

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
        self.body.append(f"\n[[{table}]]")
        self.body.extend(f"{key} = {value}" for key, value in _pairs(record, LAYOUTS[type(record)], self))

    def text(self, header: Sequence[str]) -> str:
        lines = [f"# {_CONTROL.sub(' ', line)}".rstrip() for line in header]
        for source, key in self.keys.items():
            lines.append(f"\n[sources.{key}]")
            lines.extend(f"{name} = {value}" for name, value in _pairs(source, NESTED[Source], self))
        return "\n".join([*lines, *self.body]) + "\n"


def _pairs(record: object, layout: RecordLayout, writer: _Writer) -> list[tuple[str, str]]:
    """A record's TOML keys and values, by its layout; values a reader would default are left out."""
    pairs: list[tuple[str, str]] = []
    for field in layout.fields:
        value = getattr(record, field.name)
        if field.store == "interval":
            start, end = value.to_strings()
            pairs.extend((key, _string(text)) for key, text in (("start", start), ("end", end)) if text is not None)
        elif value is not None and (field.required or value != field.default):
            pairs.append((field.key, _VALUE[field.store](value, writer)))
    return pairs


def _nested(items: Sequence[Any], writer: _Writer) -> str:
    """Names or scales: one inline table a line."""
    tables = (_inline(_pairs(item, NESTED[type(item)], writer)) for item in items)
    return "[\n" + "".join(f"  {table},\n" for table in tables) + "]"


_VALUE: dict[str, Callable[[Any, _Writer], str]] = {
    "text": lambda value, _: _string(value),
    "text?": lambda value, _: _string(value),
    "texts": lambda value, _: "[" + ", ".join(map(_string, value)) + "]",
    "bool": lambda value, _: "true" if value else "false",
    "number": lambda value, _: _number(value),
    "number?": lambda value, _: _number(value),
    "date": lambda value, _: _string(value.isoformat()),
    "date?": lambda value, _: _string(value.isoformat()),
    "sources": lambda value, writer: writer.sources(value),
    "names": _nested,
    "scales": _nested,
}


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
    grouped: dict[str, list[Record]] = {table: [] for table in TABLES}
    for record in records:
        table = next(layout.table for layout in TABLES.values() if isinstance(record, layout.cls))
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
    with replacing_text(path, encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    return path
