"""How a registry puts its records together: layering parts, the distinctness test, and its indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from operator import attrgetter
from typing import TypeVar

from provenance.dates import Interval, PartialDate, Truth
from provenance.errors import RegistryError
from provenance.layout import Record, RecordsByKind
from provenance.model import Organization, Outlet
from provenance.registry._loader import LazyLocations, Records

__all__ = ["distinct", "group", "holds", "layered", "names_of"]

_T = TypeVar("_T")


def names_of(kinds: RecordsByKind) -> dict[str, list[str]]:
    """Outlet and organisation ids by each of their names, case folded."""
    names: defaultdict[str, list[str]] = defaultdict(list)
    bodies: list[Organization | Outlet] = [*kinds.organizations, *kinds.outlets]
    for body in bodies:
        if body.names:
            for name in {body.name.casefold(), *(n.name.casefold() for n in body.names)}:
                names[name].append(body.id)
        else:
            names[body.name.casefold()].append(body.id)
    return names


def group(records: list[_T], field: str) -> defaultdict[str, list[_T]]:
    """Records by the value of one of their fields, each list in record order."""
    groups: defaultdict[str, list[_T]] = defaultdict(list)
    for key, record in zip(map(attrgetter(field), records), records, strict=True):
        groups[key].append(record)
    return groups


def distinct(kinds: RecordsByKind) -> bool:
    """Whether no two records are equal, found without hashing whole records (and their intervals and sources).

    Equal records are of one type and share the fields compared here; when no
    two records of a kind share them, no two are equal. ``False`` means "maybe not".
    """
    return all(
        len(set(map(attrgetter(*fields), group))) == len(group)
        for group, fields in (
            (kinds.outlets, ("id",)),
            (kinds.organizations, ("id",)),
            (kinds.raters, ("id",)),
            (kinds.claims, ("host", "outlet", "role")),
            (kinds.relations, ("subject", "kind", "object")),
            (kinds.successions, ("predecessor", "successor", "kind")),
            (kinds.assessments, ("subject", "assessor", "kind", "value")),
            (kinds.ratings, ("rater", "scale", "outlet", "host", "raw")),
        )
    )


def holds(interval: Interval, window: PartialDate | Interval | None) -> bool:
    """Whether a fact over ``interval`` may hold in ``window`` (any time when ``None``)."""
    return window is None or interval.contains(window) is not Truth.NO


def layered(parts: Sequence[Records]) -> tuple[list[Record], LazyLocations]:
    """The records of parts read from files (or made), later layers over earlier ones, and where each came from.

    A later layer's outlet or organisation replaces an earlier one with the same id; other facts add up.

    Raises:
        RegistryError: Listing every problem the parts met while being read.
    """
    problems = [problem for part in parts for problem in part.problems]
    if problems:
        raise RegistryError(problems)
    # A later layer's outlet or organisation replaces an earlier one with the same id.
    final_layer: dict[str, int] = {}
    for number, part in enumerate(parts):
        for record in part.records:
            if isinstance(record, Outlet | Organization):
                final_layer[record.id] = number
    ordered: list[Record] = []
    for number, part in enumerate(parts):
        for record in part.records:
            if isinstance(record, Outlet | Organization) and final_layer[record.id] != number:
                continue
            ordered.append(record)

    def locations() -> dict[Record, str]:  # only problem messages need them
        merged: dict[Record, str] = {}
        for part in parts:
            merged.update(part.locations)
        return merged

    return ordered, LazyLocations(locations)
