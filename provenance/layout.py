"""How each registry record is stored: its TOML table, each field's key and kind, read off the record classes.

A record's layout is declared once, on its attrs class in :mod:`provenance.model`
and :mod:`provenance.ratings`: a field's kind of storage follows from its type
annotation, a field with a default may be left out of a file, and the TOML key is
the field's name unless the field's metadata names another (``Rating.raw`` is
written ``value``); metadata ``required`` makes a file give a field the class
may leave out (a source's ``accessed``), and a record's ``sources`` are always
required. The loader, the snapshot format, the overlay writer and
validation all read their tables from here, so a new field is one line in
the record class.

>>> [(f.name, f.key, f.store) for f in LAYOUTS[DomainClaim].fields]  # doctest: +NORMALIZE_WHITESPACE
[('host', 'host', 'text'), ('outlet', 'outlet', 'text'), ('role', 'role', 'text'),
 ('interval', 'start/end', 'interval'), ('sources', 'sources', 'sources'), ('under', 'under', 'text?'),
 ('path', 'path', 'text?')]
>>> LAYOUTS[Rating].keys >= {"value", "normalized"}
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from provenance.model import Assessment, DomainClaim, Name, Organization, Outlet, Relation, Source, Succession
from provenance.ratings import Rater, Rating, Scale

__all__ = [
    "LAYOUTS",
    "NESTED",
    "STORES",
    "TABLES",
    "FieldLayout",
    "Record",
    "RecordLayout",
    "RecordsByKind",
    "by_kind",
]

Record = Organization | Outlet | DomainClaim | Relation | Succession | Assessment | Rater | Rating
"""Any record a registry holds."""

STORES: dict[str, str] = {
    "str": "text",
    "str | None": "text?",
    "bool": "bool",
    "float": "number",
    "float | None": "number?",
    "PartialDate": "date",
    "PartialDate | None": "date?",
    "Interval": "interval",
    "tuple[str, ...]": "texts",
    "tuple[Source, ...]": "sources",
    "tuple[Name, ...]": "names",
    "tuple[Scale, ...]": "scales",
}
"""Each field type annotation a stored record may use, and its kind of storage."""


@attrs.frozen(slots=True)
class FieldLayout:
    """How one field of a record class is stored.

    Attributes:
        name: The attribute's name.
        key: Its TOML key (``"start/end"`` for an interval, stored as two keys).
        store: Its kind of storage, one of the values of :data:`STORES`.
        required: Whether a file must give it (it has no default).
        default: The value the class gives it when it is left out (writers leave such values out).
    """

    name: str
    key: str
    store: str
    required: bool
    default: object = None


@attrs.frozen(slots=True)
class RecordLayout:
    """How one record class is stored: its TOML table and fields.

    Attributes:
        cls: The record class.
        table: The TOML array of tables its records are written in (``""`` for nested records).
        fields: Its fields, in class order.
        keys: Every TOML key a table of it may have.
    """

    cls: type
    table: str
    fields: tuple[FieldLayout, ...]
    keys: frozenset[str]


def _field_layout(field: attrs.Attribute[Any]) -> FieldLayout:
    annotation = str(field.type)
    try:
        store = STORES[annotation]
    except KeyError:
        raise TypeError(f"{field.name}: no storage for a field of type {annotation!r}") from None
    key = field.metadata.get("key", "start/end" if store == "interval" else field.name)
    # Every fact cites its sources; a field may also be required in files although code may leave it out.
    required = field.default is attrs.NOTHING or store == "sources" or field.metadata.get("required", False)
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    return FieldLayout(field.name, key, store, required, None if default is attrs.NOTHING else default)


def _layout(cls: type, table: str = "") -> RecordLayout:
    fields = tuple(_field_layout(field) for field in attrs.fields(cls))
    keys = frozenset(key for field in fields for key in field.key.split("/"))
    return RecordLayout(cls, table, fields, keys)


TABLES: dict[str, RecordLayout] = {
    table: _layout(cls, table)
    for table, cls in (
        ("organizations", Organization),
        ("outlets", Outlet),
        ("domains", DomainClaim),
        ("relations", Relation),
        ("successions", Succession),
        ("assessments", Assessment),
        ("raters", Rater),
        ("ratings", Rating),
    )
}
"""Each TOML table of a registry file and the layout of its records, in file order."""

LAYOUTS: dict[type, RecordLayout] = {layout.cls: layout for layout in TABLES.values()}
"""The layout of each record class a registry holds."""

NESTED: dict[type, RecordLayout] = {cls: _layout(cls) for cls in (Source, Name, Scale)}
"""The layout of the records stored inside others (sources, names, scales)."""


@attrs.frozen(slots=True)
class RecordsByKind:
    """The records of each kind, each list in record order (see :func:`by_kind`)."""

    outlets: list[Outlet]
    organizations: list[Organization]
    raters: list[Rater]
    claims: list[DomainClaim]
    relations: list[Relation]
    successions: list[Succession]
    assessments: list[Assessment]
    ratings: list[Rating]

    @classmethod
    def of(cls, groups: Mapping[type, list[Any]]) -> RecordsByKind:
        """The records of each kind from lists already made by exact class (each in record order)."""
        return cls(*(groups.get(kind, []) for kind in _KINDS))


_KINDS = (Outlet, Organization, Rater, DomainClaim, Relation, Succession, Assessment, Rating)


def by_kind(records: Iterable[Record]) -> RecordsByKind:
    """The records sorted by kind, in one pass, keeping their order within each kind.

    An instance of a subclass of a record type counts as that type.

    Raises:
        TypeError: If an item is not a record.
    """
    groups: dict[type, list[Record]] = {kind: [] for kind in _KINDS}
    for record in records:
        group = groups.get(type(record))
        if group is None:  # an instance of a subclass of a record type, or not a record
            kind = next((kind for kind in _KINDS if isinstance(record, kind)), None)
            if kind is None:
                shown = repr(record)
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                raise TypeError(f"not a registry record: {shown} (a {type(record).__name__})")
            group = groups[kind]
        group.append(record)
    return RecordsByKind(*groups.values())  # type: ignore[arg-type]
