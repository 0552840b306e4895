"""How a registry puts its records together: layering parts, the distinctness test, and its indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from provenance.dates import Interval, PartialDate, Truth
from provenance.errors import RegistryError
from provenance.layout import Record, RecordsByKind
from provenance.model import Assessment, DomainClaim, Organization, Outlet, Relation, Succession
from provenance.ratings import Rater, Rating
from provenance.registry._loader import LazyLocations, Records

__all__ = ["LazyIndexes", "distinct", "group", "holds", "layered", "names_of"]

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
            (kinds.claims, ("host", "path", "outlet", "role")),
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


_V = TypeVar("_V")


class LazyIndexes:
    """The indexes a registry builds from its records on first use, then keeps.

    Two threads asking first may both build one; they build equal indexes and
    either is kept, so no lock is needed.
    """

    __slots__ = ("_built", "_complete", "_kinds")

    def __init__(self, kinds: RecordsByKind, complete: Callable[[], object] | None = None) -> None:
        self._kinds = kinds
        self._complete = complete  # fills kinds.ratings (a snapshot's, built on first use)
        self._built: dict[str, Any] = {}

    @property
    def relations(self) -> list[Relation]:
        """Every relation, in load order (without making a snapshot's ratings)."""
        return self._kinds.relations

    def _ratings(self) -> list[Rating]:
        if self._complete is not None:
            self._complete()
        return self._kinds.ratings

    def _get(self, name: str, build: Callable[[RecordsByKind], _V]) -> _V:
        try:
            return self._built[name]  # type: ignore[no-any-return]
        except KeyError:
            found = self._built[name] = build(self._kinds)
            return found

    @property
    def names(self) -> dict[str, list[str]]:
        """Outlet and organisation ids by each of their names, case folded."""
        return self._get("names", names_of)

    @property
    def claims_by_outlet(self) -> defaultdict[str, list[DomainClaim]]:
        """Domain claims by outlet id."""
        return self._get("claims_by_outlet", lambda kinds: group(kinds.claims, "outlet"))

    @property
    def relations_out(self) -> defaultdict[str, list[Relation]]:
        """Relations by subject id."""
        return self._get("relations_out", lambda kinds: group(kinds.relations, "subject"))

    @property
    def relations_in(self) -> defaultdict[str, list[Relation]]:
        """Relations by object id."""
        return self._get("relations_in", lambda kinds: group(kinds.relations, "object"))

    @property
    def successions_out(self) -> defaultdict[str, list[Succession]]:
        """Successions by predecessor id."""
        return self._get("successions_out", lambda kinds: group(kinds.successions, "predecessor"))

    @property
    def successions_in(self) -> defaultdict[str, list[Succession]]:
        """Successions by successor id."""
        return self._get("successions_in", lambda kinds: group(kinds.successions, "successor"))

    @property
    def assessments(self) -> defaultdict[str, list[Assessment]]:
        """Assessments by subject id."""
        return self._get("assessments", lambda kinds: group(kinds.assessments, "subject"))

    @property
    def ratings_by_outlet(self) -> defaultdict[str, list[Rating]]:
        """Ratings that name an outlet, by outlet id."""
        return self._get("ratings_by_outlet", lambda _: group([r for r in self._ratings() if r.outlet], "outlet"))

    @property
    def ratings_by_host(self) -> defaultdict[str, list[Rating]]:
        """Ratings given to a host without naming an outlet, by host."""
        return self._get("ratings_by_host", lambda _: group([r for r in self._ratings() if not r.outlet], "host"))

    @property
    def raters(self) -> dict[str, Rater]:
        """Raters by id."""
        return self._get("raters", lambda kinds: {rater.id: rater for rater in kinds.raters})
