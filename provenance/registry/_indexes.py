"""The indexes a registry builds from its records: by name, by a field, and the distinctness test."""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import TypeVar

from provenance.dates import Interval, PartialDate, Truth
from provenance.layout import RecordsByKind
from provenance.model import Organization, Outlet

__all__ = ["distinct", "group", "holds", "names_of"]

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
