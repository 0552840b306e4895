"""Who stands behind an outlet at a date: control chains through the ownership graph.

From an outlet, every relation pointing at it (owns, funds, governs,
controls-editorially, operates, parent-of) is followed upward to the bodies
nobody else controls: the ultimate owners and controllers. Each path is kept
with the relations it used, so a report can show it and cite every edge.

Two rules say what a path to a state means:

- **What passes along a path** (:meth:`ControlPath.carries`). Control passes
  only through the control relations (:data:`CONTROL_KINDS`: owns, governs,
  operates, parent-of); money passes through ``funds``, and from a funded
  body down to what it owns, operates or is the parent of. So a state that
  funds a foundation which governs a broadcaster funds the foundation, but
  neither governs nor funds the broadcaster through it: a foundation's
  governance is the state's only when a fact says the state owns, governs,
  operates or is the parent of the foundation.
- **Who stands for a state** (:func:`stands_for_state`). An organisation of
  kind ``state``, and a ``government-body`` with a country that nothing
  above it controls: a ministry, a city or regional government is part of
  the state of its country. A ``public-body`` (an independent statutory
  body) is not.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"},
...                    {"id": "agency", "name": "Rossiya Segodnya", "start": "2013-12-09"}],
...     outlets=[{"id": "radio-sputnik", "name": "Radio Sputnik", "country": "RU", "start": "2014-11-10"}],
...     relations=[{"subject": "state-ru", "kind": "owns", "object": "agency", "share": 1.0},
...                {"subject": "agency", "kind": "operates", "object": "radio-sputnik"}])
>>> chain = control_chain(reg, "radio-sputnik", at="2016")
>>> chain.paths[0].describe(reg)
'Radio Sputnik <-operates- Rossiya Segodnya <-owns (100%)- Russian Federation'
>>> [s.id for s in chain.states(reg)]
['state-ru']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

import attrs

from provenance.dates import Interval, PartialDate, Truth, When, as_window
from provenance.model import Organization, Outlet, Relation, Source
from provenance.registry import Registry

__all__ = ["CONTROL_KINDS", "ControlChain", "ControlPath", "control_chain", "covers", "stands_for_state"]

CONTROL_KINDS = frozenset({"owns", "governs", "operates", "parent-of"})
"""Relations through which control passes: the subject can direct the object and what the object does."""

# What the relation below a deed may be, for the deed to reach the outlet through it. Above the deed,
# only control relations count (the state must control the body that does it).
_PASSES = {
    "funds": frozenset({"funds", "owns", "operates", "parent-of"}),  # money flows on to what a body runs
    "owns": CONTROL_KINDS,
    "governs": CONTROL_KINDS,
    "operates": CONTROL_KINDS,
    "parent-of": CONTROL_KINDS,
    "controls-editorially": CONTROL_KINDS | {"controls-editorially"},
}

_MAX_DEPTH = 12
_FIRST_DAY = datetime.date.min.toordinal()
_LAST_DAY = datetime.date.max.toordinal()


@attrs.frozen(slots=True)
class ControlPath:
    """One path from an outlet up to an ultimate owner or controller.

    ``relations[0]`` points at the outlet; ``relations[-1]`` starts at the
    top of the path.
    """

    outlet: str
    """Id of the outlet the path starts from."""
    relations: tuple[Relation, ...]
    """The relations followed, from the outlet upward."""
    certainty: Truth
    """``YES`` if every relation holds over the whole window, else ``MAYBE``."""
    span: tuple[int, int] = (0, -1)
    """Ordinal days ``(first, last)`` on which every relation of the path certainly holds (empty if first > last)."""

    @property
    def top(self) -> str:
        """Id of the body at the top of the path."""
        return self.relations[-1].subject if self.relations else self.outlet

    @property
    def kinds(self) -> frozenset[str]:
        """The relation kinds along the path."""
        return frozenset(relation.kind for relation in self.relations)

    def carries(self, kinds: frozenset[str]) -> bool:
        """Whether the body at the top does one of ``kinds`` to the outlet through this path.

        It does when some relation of one of those kinds lies on the path,
        every relation above it is a control relation (:data:`CONTROL_KINDS`:
        the top controls the body that acts), and every relation below it
        passes the deed on: control passes through control relations, money
        through ``funds``, ``owns``, ``operates`` and ``parent-of``, editorial
        control through control relations.

        >>> from provenance.model import Relation
        >>> path = ControlPath("nos", (Relation("foundation", "governs", "nos"),
        ...                            Relation("state-nl", "funds", "foundation")), Truth.YES)
        >>> path.carries(frozenset({"owns", "governs"})), path.carries(frozenset({"funds"}))
        (False, False)
        """
        relations = self.relations
        for index, relation in enumerate(relations):
            if relation.kind not in kinds:
                continue
            passes = _PASSES[relation.kind]
            if all(r.kind in CONTROL_KINDS for r in relations[index + 1 :]) and all(
                r.kind in passes for r in relations[:index]
            ):
                return True
        return False

    def sources(self) -> tuple[Source, ...]:
        """Every source of every relation on the path, without repeats."""
        return tuple(dict.fromkeys(s for relation in self.relations for s in relation.sources))

    def describe(self, registry: Registry) -> str:
        """The path in words: ``Outlet <-operates- Operator <-owns (100%)- State``."""
        parts = [_name(registry, self.outlet)]
        for relation in self.relations:
            share = f" ({relation.share:.0%})" if relation.share is not None else ""
            parts.append(f"<-{relation.kind}{share}- {_name(registry, relation.subject)}")
        return " ".join(parts)


@attrs.frozen(slots=True)
class ControlChain:
    """Every control path of an outlet at a date or over a window."""

    outlet: str
    """Id of the outlet."""
    window: PartialDate | Interval | None
    """The date or window asked about; ``None`` for any time."""
    paths: tuple[ControlPath, ...]
    """The paths found, certain ones first, then by length."""

    def __iter__(self) -> Iterator[ControlPath]:
        return iter(self.paths)

    def ultimate(self) -> tuple[str, ...]:
        """Ids of the ultimate owners and controllers, without repeats."""
        return tuple(dict.fromkeys(path.top for path in self.paths))

    def states(self, registry: Registry) -> tuple[Organization, ...]:
        """The ultimate controllers that stand for a state (see :func:`stands_for_state`).

        A government body at the top of a path stands for the state of its
        country: the Moscow city government is returned for TV Centre.
        """
        found = []
        for id in self.ultimate():
            body = registry.get(id)
            if isinstance(body, Organization) and stands_for_state(body):
                found.append(body)
        return tuple(found)

    def to_state(self, registry: Registry) -> tuple[ControlPath, ...]:
        """The paths that end at a state or at a body that stands for one."""
        states = {state.id for state in self.states(registry)}
        return tuple(path for path in self.paths if path.top in states)


def stands_for_state(body: Organization) -> bool:
    """Whether an organisation at the top of a control path counts as a state.

    A ``state`` does; so does a ``government-body`` with a country (a
    ministry, a regional or city government): sub-national and executive
    bodies are part of the state of their country. A ``public-body``, a
    ``nonprofit`` or a foundation does not, however public its money.

    >>> moscow = Organization("moscow-city-government", "Government of Moscow", "government-body", "RU")
    >>> stands_for_state(moscow), stands_for_state(Organization("npo", "NPO", "public-body", "NL"))
    (True, False)
    """
    return body.kind == "state" or (body.kind == "government-body" and body.country is not None)


def control_chain(registry: Registry, outlet: str, at: When = None) -> ControlChain:
    """Follow ownership and control upward from an outlet.

    Args:
        registry: Where the facts come from.
        outlet: Id of the outlet (or organisation) to start from.
        at: A date, a partial date, a window, or ``None`` for any time.

    Returns:
        The chain: one path per way up to an ultimate owner or controller.
        An outlet nobody controls has a chain with no paths.

    Raises:
        UnknownIdError: If ``outlet`` is not in the registry.
        DateParseError: If ``at`` is text that cannot be read.
    """
    registry.lookup(outlet)
    window = as_window(at)
    paths: list[ControlPath] = []

    def walk(node: str, trail: tuple[Relation, ...], truth: Truth, span: tuple[int, int], seen: frozenset[str]) -> None:
        above = [r for r in registry.relations(object=node, at=window) if r.subject not in seen]
        body = registry.get(node)
        is_state = isinstance(body, Organization) and body.kind == "state"
        if trail and (not above or is_state or len(trail) >= _MAX_DEPTH):
            paths.append(ControlPath(outlet, trail, truth, span))
            return
        for relation in above:
            edge = _edge_truth(registry, relation, window)
            first, last = _certain_span(registry, relation)
            walk(
                relation.subject,
                (*trail, relation),
                Truth.combine_all((truth, edge)),
                (max(span[0], first), min(span[1], last)),
                seen | {relation.subject},
            )

    walk(outlet, (), Truth.YES, (_FIRST_DAY, _LAST_DAY), frozenset({outlet}))
    paths.sort(key=lambda p: (p.certainty is not Truth.YES, len(p.relations), p.describe(registry)))
    return ControlChain(outlet, window, tuple(paths))


def _certain_span(registry: Registry, relation: Relation) -> tuple[int, int]:
    """The days on which a relation, and both its ends, certainly hold."""
    first, last = _FIRST_DAY, _LAST_DAY
    for interval in _edge_intervals(registry, relation):
        _, start_late, end_early, _ = interval.bounds()
        first, last = max(first, start_late), min(last, end_early)
    return first, last


def covers(paths: Iterable[ControlPath], window: PartialDate | Interval) -> bool:
    """Whether, on every day of the window, at least one of the paths certainly holds.

    Paths that hand over to each other (an owner until 2013, an operator from
    2013) together cover a window that neither covers alone.
    """
    lo, hi = (Interval.of(window) if isinstance(window, PartialDate) else window).bounds()[0::3]
    reached = lo - 1
    for first, last in sorted(path.span for path in paths if path.span[0] <= path.span[1]):
        if first > reached + 1:
            break
        reached = max(reached, last)
        if reached >= hi:
            return True
    return False


def _edge_truth(registry: Registry, relation: Relation, window: PartialDate | Interval | None) -> Truth:
    if window is None:
        return Truth.YES
    return Truth.combine_all(interval.contains(window) for interval in _edge_intervals(registry, relation))


def _edge_intervals(registry: Registry, relation: Relation) -> tuple[Interval, Interval, Interval]:
    """What bounds when a relation holds: its own interval and the lifetimes of both its ends."""
    return (relation.interval, registry.lookup(relation.subject).lifetime, registry.lookup(relation.object).lifetime)


def _name(registry: Registry, id: str) -> str:
    body = registry.get(id)
    return body.name if isinstance(body, Outlet | Organization) else id
