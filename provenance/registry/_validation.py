"""Cross-record checks of a registry: every problem, each naming its record.

Single records validate their own fields when they are built (see
:mod:`provenance.model`); this module checks what only the whole set can
show: unknown references, duplicate ids, facts without sources, hosts claimed
twice at overlapping times, claims on public suffixes, hosts taken under another
outlet's claim without saying so (``under``), and ownership cycles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set

from provenance.dates import Interval, Truth
from provenance.domains import candidate_hosts, is_normal_host, is_public_suffix, normalize_host
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
from provenance.registry._platforms import normalize_path, platform_host

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
    records: Sequence[Record],
    kinds: RecordsByKind,
    locations: Mapping[Record, str] | None,
    vetted_hosts: Set[str] = frozenset(),
) -> list[str]:
    """:func:`find_problems` with the records already sorted by kind (the registry sorts them once for both).

    Args:
        records: All records of a registry.
        kinds: ``by_kind(records)``.
        locations: Where each record came from, for the messages.
        vetted_hosts: Hosts known not to be public suffixes (the shipped data's, which its tests
            check), not looked up again: loading the shipped data alone needs no public-suffix list.

    Returns:
        One message per problem, sorted.
    """
    checks = _Checks(kinds, locations)
    checks.sources(records)
    checks.bodies(records)
    checks.references()
    checks.hosts()
    checks.public_suffixes(vetted_hosts)
    checks.nested_claims()
    checks.assessments()
    checks.ratings()
    checks.overlapping_claims()
    checks.cycles()
    return sorted(checks.problems)


class _Checks:
    """The cross-record checks of one set of records, sorted by kind; each method adds one check's problems.

    Each check runs over a list in record order (the messages are sorted at
    the end, so the order of the checks changes nothing). The common case of
    each check is a comprehension; the records it picks out are worded one by one.
    """

    def __init__(self, kinds: RecordsByKind, locations: Mapping[Record, str] | None) -> None:
        self.kinds = kinds
        self.where: Mapping[Record, str] = locations if locations is not None else {}
        self.problems: list[str] = []
        self.by_id: dict[str, Outlet | Organization | Rater] = {}  # the first body or rater of each id
        self.outlets: set[str] = set()  # ids that pass every reference to an outlet
        self.known: set[str] = set()  # ids that pass every reference to an outlet or organisation

    def at(self, record: Record) -> str:
        """Where a record came from, or a description of it, to begin its problem messages."""
        return self.where.get(record) or describe_record(record)

    def sources(self, records: Sequence[Record]) -> None:
        """Every record cites a source."""
        self.problems.extend(f"{self.at(record)}: cites no source" for record in records if not record.sources)

    def bodies(self, records: Sequence[Record]) -> None:
        """Outlets, organisations and raters have distinct ids; index them by id for the reference checks."""
        kinds = self.kinds
        bodies: dict[str, Outlet | Organization | Rater] = {}
        body_records = kinds.outlets + kinds.organizations + kinds.raters
        for body in body_records:
            bodies.setdefault(body.id, body)
        if len(bodies) != len(body_records):  # a duplicate id: which one is "also" depends on record order
            bodies = self._first_of_each_id(records)
        self.by_id = bodies
        self.outlets = {id for id, body in bodies.items() if type(body) is Outlet}
        self.known = self.outlets | {id for id, body in bodies.items() if type(body) is Organization}

    def _first_of_each_id(self, records: Sequence[Record]) -> dict[str, Outlet | Organization | Rater]:
        """The first body or rater of each id in record order; a problem for each later one."""
        bodies: dict[str, Outlet | Organization | Rater] = {}
        for record in records:
            if isinstance(record, Outlet | Organization | Rater):
                if record.id in bodies:
                    self.problems.append(
                        f"{self.at(record)}: duplicate id {record.id!r} (also {self.at(bodies[record.id])})"
                    )
                else:
                    bodies[record.id] = record
        return bodies

    def references(self) -> None:
        """Every id a record refers to names a body of the right kind (after :meth:`bodies`)."""
        kinds, outlets, known, need = self.kinds, self.outlets, self.known, self._need
        for claim in [claim for claim in kinds.claims if claim.outlet not in outlets]:
            need(claim, "outlet", claim.outlet, outlet_only=True)
        for relation in [r for r in kinds.relations if r.subject not in known or r.object not in known]:
            need(relation, "subject", relation.subject)
            need(relation, "object", relation.object)
        for succession in [s for s in kinds.successions if s.predecessor not in known or s.successor not in known]:
            need(succession, "predecessor", succession.predecessor)
            need(succession, "successor", succession.successor)
        for assessment in [a for a in kinds.assessments if a.subject not in known]:
            need(assessment, "subject", assessment.subject)
        for rating in kinds.ratings:
            if rating.outlet is not None and rating.outlet not in outlets:
                need(rating, "outlet", rating.outlet, outlet_only=True)

    def _need(self, record: Record, role: str, id: str, outlet_only: bool = False) -> None:
        """Word what is wrong with a reference that failed the quick check."""
        body = self.by_id.get(id)
        if body is None:
            self.problems.append(f"{self.at(record)}: {role} {id!r} is not a known outlet or organisation")
        elif isinstance(body, Rater):
            self.problems.append(f"{self.at(record)}: {role} {id!r} is a rater, not an outlet or organisation")
        elif outlet_only and not isinstance(body, Outlet):
            self.problems.append(f"{self.at(record)}: {role} {id!r} is an organisation, not an outlet")

    def hosts(self) -> None:
        """Every claimed host is written in its normal form, and every path claim's path and platform host too."""
        for claim in [claim for claim in self.kinds.claims if not is_normal_host(claim.host)]:
            _check_host(claim, self.at, self.problems)
        for claim in [claim for claim in self.kinds.claims if claim.path is not None]:
            self.problems.extend(_path_problems(claim, self.at))

    def public_suffixes(self, vetted: Set[str]) -> None:
        """No claim is on a public suffix (``co.uk``, ``github.io``): nobody owns every site below one."""
        for claim in self.kinds.claims:
            if claim.host not in vetted and is_normal_host(claim.host) and is_public_suffix(claim.host):
                self.problems.append(
                    f"{self.at(claim)}: host {claim.host!r} is a public suffix: "
                    "a claim on it would take every site registered under it"
                )

    def nested_claims(self) -> None:
        """A claim below another outlet's claim (at overlapping times) says so with ``under``, and ``under`` is true."""
        claims = [claim for claim in self.kinds.claims if claim.path is None]  # a path claim sits on a host's part
        by_host = _group_by_host(claims)
        for claim in claims:
            if claim.under is None and not any(key in by_host for key in candidate_hosts(claim.host)[1:]):
                continue  # the common case: nothing claimed above
            self.problems.extend(_nesting_problems(claim, by_host, self.at))

    def assessments(self) -> None:
        """Typologies use the known codes and sanctions name their legal instrument."""
        for assessment in self.kinds.assessments:
            if assessment.kind == "typology" and assessment.value not in TYPOLOGY_CODES:
                self.problems.append(
                    f"{self.at(assessment)}: typology {assessment.value!r} is not one of " + ", ".join(TYPOLOGY_CODES)
                )
            if assessment.kind == "sanction" and assessment.instrument is None:
                self.problems.append(f"{self.at(assessment)}: a sanction needs its legal instrument")

    def ratings(self) -> None:
        """Every rating names a declared rater and one of its scales, for the scale's axis, and a normal host."""
        raters = {rater.id: rater for rater in self.kinds.raters}
        for rating in self.kinds.ratings:
            _check_rating(rating, raters, self.at, self.problems)

    def overlapping_claims(self) -> None:
        """No host (or host and path prefix) is claimed by two claims that may hold on the same day."""
        claims = self.kinds.claims
        hosts = Counter((claim.host, claim.path) for claim in claims)
        shared = {host for host, count in hosts.items() if count > 1}
        if not shared:
            return
        by_host: dict[tuple[str, str | None], list[DomainClaim]] = defaultdict(list)
        for claim in claims:
            if (claim.host, claim.path) in shared:
                by_host[claim.host, claim.path].append(claim)
        for host_claims in by_host.values():
            self.problems.extend(_overlapping_claims(host_claims, self.at))

    def cycles(self) -> None:
        """No cycle of control whose relations may all hold on one day."""
        self.problems.extend(_cycles(_maybe_cyclic(self.kinds.relations), self.at))


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
        return f"domain {record.host + (record.path or '')!r} of {record.outlet!r}"
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


def _path_problems(claim: DomainClaim, describe: Describe) -> list[str]:
    """A path claim's path is written as platform rules read it (``/rtnews``), on the platform's one host."""
    path = claim.path or ""
    problems = []
    if platform_host(claim.host) != claim.host:
        problems.append(f"{describe(claim)}: host {claim.host!r} should be written {platform_host(claim.host)!r}")
    normal = normalize_path(claim.host, path)
    if not normal:
        problems.append(f"{describe(claim)}: path {path!r} is empty (leave it out for a claim on the whole host)")
    elif normal != path:
        problems.append(f"{describe(claim)}: path {path!r} should be written {normal!r}")
    return problems


def _group_by_host(claims: Iterable[DomainClaim]) -> dict[str, list[DomainClaim]]:
    """Claims by their host, each list in record order."""
    by_host: dict[str, list[DomainClaim]] = defaultdict(list)
    for claim in claims:
        by_host[claim.host].append(claim)
    return by_host


def _claims_above(claim: DomainClaim, by_host: Mapping[str, list[DomainClaim]]) -> tuple[str, list[DomainClaim]]:
    """The nearest domain above a claim's host with claims that may hold on a day it does, and those claims."""
    for key in candidate_hosts(claim.host)[1:]:
        above = [
            other
            for other in by_host.get(key, ())
            if other.interval.overlaps(claim.interval) is not Truth.NO and not _touching(other.interval, claim.interval)
        ]
        if above:
            return key, above
    return "", []


def _nesting_problems(claim: DomainClaim, by_host: Mapping[str, list[DomainClaim]], describe: Describe) -> list[str]:
    """What is wrong with a claim's place below other claims: an ``under`` missing, wrong or untrue."""
    problems = []
    key, above = _claims_above(claim, by_host)
    for other in dict.fromkeys(other.outlet for other in above if other.outlet != claim.outlet):
        if other != claim.under:
            problems.append(
                f"{describe(claim)}: host {claim.host!r} of {claim.outlet!r} lies under {key!r}, claimed by "
                f"{other!r} at overlapping times: take it explicitly with under = {other!r}"
            )
    if claim.under is not None and not any(
        other.outlet == claim.under for host in candidate_hosts(claim.host)[1:] for other in by_host.get(host, ())
    ):
        problems.append(
            f"{describe(claim)}: under {claim.under!r}, but {claim.under!r} claims no domain above {claim.host!r}"
        )
    return problems


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
    return _Tarjan(edges).components()


class _Tarjan:
    """Tarjan's strongly connected components of a graph, with an explicit stack of work instead of recursion."""

    def __init__(self, edges: Mapping[str, list[str]]) -> None:
        self.edges = edges
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.found: list[set[str]] = []

    def components(self) -> list[set[str]]:
        """The components with more than one node, visiting the nodes in sorted order."""
        for root in sorted(self.edges):
            if root not in self.index:
                self._visit(root)
        return self.found

    def _visit(self, root: str) -> None:
        """Find the components reachable from ``root`` (depth first)."""
        index, low, on_stack = self.index, self.low, self.on_stack
        work = [(root, self._enter(root))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    work.append((child, self._enter(child)))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:  # every child seen: the node is done
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    self._pop_component(node)

    def _enter(self, node: str) -> Iterator[str]:
        """Number a node, push it, and return an iterator over its children."""
        self.index[node] = self.low[node] = len(self.index)
        self.stack.append(node)
        self.on_stack.add(node)
        return iter(self.edges.get(node, ()))

    def _pop_component(self, node: str) -> None:
        """Pop the component whose root is ``node`` off the stack, keeping it if it has more than one node."""
        component = set()
        while True:
            member = self.stack.pop()
            self.on_stack.discard(member)
            component.add(member)
            if member == node:
                break
        if len(component) > 1:  # a relation never points at its own subject
            self.found.append(component)
