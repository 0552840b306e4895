"""Cross-record checks of a registry: every problem, each naming its record.

Single records validate their own fields when they are built (see
:mod:`provenance.model`); this module checks what only the whole set can
show: unknown references, duplicate ids, facts without sources, hosts claimed
twice at overlapping times, and ownership cycles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from provenance.dates import Interval, Truth
from provenance.domains import is_normal_host, normalize_host
from provenance.errors import InvalidURLError
from provenance.layout import Record, RecordsByKind, by_kind
from provenance.model import (
    TYPOLOGY_CODES,
    DomainClaim,
    Organization,
    Outlet,
    Relation,
    Succession,
)
from provenance.ratings import Rater, Rating

__all__ = ["describe_record", "find_problems", "problems_by_kind"]


Describe = Callable[[Record], str]


def find_problems(records: Sequence[Record], locations: Mapping[Record, str] | None = None) -> list[str]:
    """Every cross-record problem in a set of records.

    Args:
        records: All records of a registry.
        locations: Where each record came from, for the messages.

    Returns:
        One message per problem, sorted; empty when the records are consistent.
    """
    return problems_by_kind(records, by_kind(records), locations)


def problems_by_kind(
    records: Sequence[Record], kinds: RecordsByKind, locations: Mapping[Record, str] | None
) -> list[str]:
    """:func:`find_problems` with the records already sorted by kind (the registry sorts them once for both).

    Args:
        records: All records of a registry.
        kinds: ``by_kind(records)``.
        locations: Where each record came from, for the messages.

    Returns:
        One message per problem, sorted.
    """
    where = locations if locations is not None else {}

    def at(record: Record) -> str:
        return where.get(record) or describe_record(record)

    # The checks run kind by kind, each over a list in record order (the messages are sorted at
    # the end, so the order of the checks changes nothing). The common case of each check is a
    # comprehension; the records it picks out are worded one by one.
    problems: list[str] = [f"{at(record)}: cites no source" for record in records if not record.sources]
    bodies: dict[str, Outlet | Organization | Rater] = {}
    body_records = kinds.outlets + kinds.organizations + kinds.raters
    for body in body_records:
        bodies.setdefault(body.id, body)
    if len(bodies) != len(body_records):  # a duplicate id: which one is "also" depends on record order
        bodies = {}
        for record in records:
            if isinstance(record, Outlet | Organization | Rater):
                if record.id in bodies:
                    problems.append(f"{at(record)}: duplicate id {record.id!r} (also {at(bodies[record.id])})")
                else:
                    bodies[record.id] = record
    raters = {rater.id: rater for rater in kinds.raters}

    def need(record: Record, role: str, id: str, outlet_only: bool = False) -> None:
        body = bodies.get(id)
        if body is None:
            problems.append(f"{at(record)}: {role} {id!r} is not a known outlet or organisation")
        elif isinstance(body, Rater):
            problems.append(f"{at(record)}: {role} {id!r} is a rater, not an outlet or organisation")
        elif outlet_only and not isinstance(body, Outlet):
            problems.append(f"{at(record)}: {role} {id!r} is an organisation, not an outlet")

    # Ids that pass every reference check; `need` words what fails.
    outlets = {id for id, body in bodies.items() if type(body) is Outlet}
    known = outlets | {id for id, body in bodies.items() if type(body) is Organization}
    claims = kinds.claims
    for claim in [claim for claim in claims if claim.outlet not in outlets]:
        need(claim, "outlet", claim.outlet, outlet_only=True)
    for claim in [claim for claim in claims if not is_normal_host(claim.host)]:
        _check_host(claim, at, problems)
    for relation in [r for r in kinds.relations if r.subject not in known or r.object not in known]:
        need(relation, "subject", relation.subject)
        need(relation, "object", relation.object)
    for succession in [s for s in kinds.successions if s.predecessor not in known or s.successor not in known]:
        need(succession, "predecessor", succession.predecessor)
        need(succession, "successor", succession.successor)
    for assessment in kinds.assessments:
        if assessment.subject not in known:
            need(assessment, "subject", assessment.subject)
        if assessment.kind == "typology" and assessment.value not in TYPOLOGY_CODES:
            problems.append(
                f"{at(assessment)}: typology {assessment.value!r} is not one of " + ", ".join(TYPOLOGY_CODES)
            )
        if assessment.kind == "sanction" and assessment.instrument is None:
            problems.append(f"{at(assessment)}: a sanction needs its legal instrument")
    for rating in kinds.ratings:
        _check_rating(rating, raters, at, problems)
        if rating.outlet is not None:
            need(rating, "outlet", rating.outlet, outlet_only=True)
    hosts = Counter(claim.host for claim in claims)
    shared = {host for host, count in hosts.items() if count > 1}
    if shared:
        by_host: dict[str, list[DomainClaim]] = defaultdict(list)
        for claim in claims:
            if claim.host in shared:
                by_host[claim.host].append(claim)
        for host_claims in by_host.values():
            problems.extend(_overlapping_claims(host_claims, at))
    problems.extend(_cycles(_maybe_cyclic(kinds.relations), at))
    return sorted(problems)


_PEELING_ROUNDS = 8


def _maybe_cyclic(relations: list[Relation]) -> list[Relation]:
    """The relations that may lie on a cycle, in their order.

    A relation to a body that controls nothing, or from one that nothing
    controls, lies on no cycle. Peeling those off leaves the strongly
    connected components (all :func:`_cycles` looks at) as they were, and in
    real data next to nothing else. The rounds are bounded, so a long chain
    costs no more than :func:`_cycles` itself would.
    """
    for _ in range(_PEELING_ROUNDS):
        subjects = {relation.subject for relation in relations}
        objects = {relation.object for relation in relations}
        kept = [r for r in relations if r.object in subjects and r.subject in objects]
        if len(kept) == len(relations):
            break
        relations = kept
    return relations


def _check_rating(rating: Rating, raters: Mapping[str, Rater], describe: Describe, problems: list[str]) -> None:
    rater = raters.get(rating.rater)
    if rater is None:
        problems.append(f"{describe(rating)}: rater {rating.rater!r} is not declared")
        return
    scale = rater.scale(rating.scale)
    if scale is None:
        problems.append(f"{describe(rating)}: rater {rating.rater!r} has no scale {rating.scale!r}")
    elif scale.axis != rating.axis:
        problems.append(f"{describe(rating)}: scale {scale.id!r} rates {scale.axis}, not {rating.axis}")
    if rating.host is not None and not is_normal_host(rating.host):
        try:
            normalized = normalize_host(rating.host)
        except InvalidURLError as error:
            problems.append(f"{describe(rating)}: {error}")
        else:
            if normalized != rating.host:
                problems.append(f"{describe(rating)}: host {rating.host!r} should be written {normalized!r}")


def describe_record(record: Record) -> str:
    """A short description of a record for problem messages: ``relation 'a' owns 'b'``."""
    if isinstance(record, Outlet | Organization):
        return f"{type(record).__name__.lower()} {record.id!r}"
    if isinstance(record, DomainClaim):
        return f"domain {record.host!r} of {record.outlet!r}"
    if isinstance(record, Relation):
        return f"relation {record.subject!r} {record.kind} {record.object!r}"
    if isinstance(record, Succession):
        return f"succession {record.predecessor!r} {record.kind} {record.successor!r}"
    if isinstance(record, Rater):
        return f"rater {record.id!r}"
    if isinstance(record, Rating):
        return f"rating of {record.outlet or record.host!r} by {record.rater!r}"
    return f"{record.kind} of {record.subject!r} by {record.assessor!r}"


def _check_host(claim: DomainClaim, describe: Describe, problems: list[str]) -> None:
    if is_normal_host(claim.host):
        return
    try:
        normalized = normalize_host(claim.host)
    except InvalidURLError as error:
        problems.append(f"{describe(claim)}: {error}")
        return
    if normalized != claim.host:
        problems.append(f"{describe(claim)}: host {claim.host!r} should be written {normalized!r}")


def _touching(a: Interval, b: Interval) -> bool:
    """Whether one interval ends on the very day the other starts (a hand-over)."""
    return (a.end == b.start and b.start is not None) or (b.end == a.start and a.start is not None)


def _overlapping_claims(claims: list[DomainClaim], describe: Describe) -> Iterable[str]:
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if first.interval.overlaps(second.interval) is Truth.NO or _touching(first.interval, second.interval):
                continue
            yield (
                f"{describe(second)}: host {second.host!r} is also claimed by {first.outlet!r} "
                f"({describe(first)}) at overlapping times"
            )


def _cycles(relations: list[Relation], describe: Describe) -> Iterable[str]:
    """Cycles of control whose relations may all hold on one day: one problem per cycle of bodies.

    Only strongly connected components of the timeless graph can hold a
    cycle. Within each, time is cut at every day a relation may start or
    stop holding; in each slice the relations that may hold then form a
    graph whose own components are the cycles reported. Linear for acyclic
    data, and polynomial however dense a poisoned overlay is.
    """
    reported: set[frozenset[str]] = set()
    problems: list[str] = []
    for component in _components(relations):
        inside = [r for r in relations if r.subject in component and r.object in component]
        windows = {id(r): (r.interval.bounds()[0], r.interval.bounds()[3]) for r in inside}
        cuts = sorted({day for first, last in windows.values() for day in (first, last + 1)})
        for day in cuts:
            active = [r for r in inside if windows[id(r)][0] <= day <= windows[id(r)][1]]
            for members in _components(active):
                key = frozenset(members)
                if key in reported:
                    continue
                reported.add(key)
                cycle = _one_cycle([r for r in active if r.subject in members and r.object in members])
                chain = " -> ".join([r.subject for r in cycle] + [cycle[-1].object])
                problems.append(f"{describe(cycle[-1])}: control cycle {chain}")
    return problems


def _one_cycle(relations: list[Relation]) -> list[Relation]:
    """A shortest cycle through the first relation's subject, within strongly connected relations."""
    start = relations[0].subject
    edges: dict[str, list[Relation]] = defaultdict(list)
    for relation in relations:
        edges[relation.subject].append(relation)
    came_by: dict[str, Relation] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for edge in edges.get(node, ()):
                if edge.object == start:
                    path = [edge]
                    while path[0].subject != start:
                        path.insert(0, came_by[path[0].subject])
                    return path
                if edge.object not in came_by:
                    came_by[edge.object] = edge
                    following.append(edge.object)
        frontier = following
    raise AssertionError("relations in one strongly connected component always hold a cycle")


def _components(relations: list[Relation]) -> list[set[str]]:
    """The strongly connected components with more than one body (Tarjan's algorithm, iteratively)."""
    edges: dict[str, list[str]] = defaultdict(list)
    for relation in relations:
        edges[relation.subject].append(relation.object)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges.get(root, ())))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:  # a relation never points at its own subject
                        found.append(component)
    return found
