"""Date keys and segments: the days on which anything a URL's labels read can change.

A *date key* packs the window of a date as ``lo << 22 | hi`` (its first and
last ordinal days; 0 for no date). A *segment* is a run of days between two
consecutive changes of any fact that can affect an outlet's labels: its
lifetime and names, its assessments, every relation above it and the
lifetimes of both ends, the assessments of the bodies above it, and the
policy's roll-out phases. Every interval test
:func:`~provenance.labelling.label_url` makes gives the same answer on every
day of a segment, so two dates in one segment get one shared result.

>>> key = day_key(datetime.date(2014, 11, 10).toordinal())
>>> window_of_key(key), window_of_key(NO_DATE)
(PartialDate('2014-11-10'), None)
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Callable

from provenance.batch._results import Labelled
from provenance.dates import Interval, PartialDate
from provenance.labels import LabelSet
from provenance.model import Assessment, DomainClaim, Organization, Outlet
from provenance.policies import Policy, listed_as_of
from provenance.registry import Registry

NO_DATE = 0
"""The date key of "no date given"; no real window has key 0."""
Match = tuple[DomainClaim, Outlet, str, LabelSet, tuple[tuple[DomainClaim, PartialDate | Interval | None], ...]]
"""The claim that matched a host at a window, its outlet, the outlet's name, the labels of the outlets behind
the claims (:func:`~provenance.labelling.claimed_labels`), and every claim found with its window."""
_BITS = 22  # day ordinals (at most 3,652,059) fit in 22 bits
_MASK = (1 << _BITS) - 1


def day_key(day: int) -> int:
    """The date key of one ordinal day."""
    return day << _BITS | day


def key_of_window(window: PartialDate | Interval) -> int:
    """The date key of a window: the same days, as :func:`~provenance.labelling.label_url` reads them."""
    lo, _, _, hi = (Interval.of(window) if isinstance(window, PartialDate) else window).bounds()
    return lo << _BITS | hi


def window_of_key(key: int) -> PartialDate | Interval | None:
    """A window with the same days as a date key (all that label_url reads of a window)."""
    if key == NO_DATE:
        return None
    lo, hi = key >> _BITS, key & _MASK
    first = PartialDate.from_date(datetime.date.fromordinal(lo))
    if lo == hi:
        return first
    return Interval(first, PartialDate.from_date(datetime.date.fromordinal(hi)))


def add_points(interval: Interval, points: set[int]) -> None:
    """Add the days on which ``interval.contains(window)`` may change, for windows ``(lo, hi)``.

    ``contains`` compares ``lo`` with the latest start and the latest end,
    and ``hi`` with the earliest start and the earliest end (see
    :meth:`~provenance.dates.Interval.bounds`); each comparison flips on one of these days.
    """
    start_early, start_late, end_early, end_late = interval.bounds()
    points.update((start_early, start_late, end_early + 1, end_late + 1))


def _add_assessment_points(assessment: Assessment, points: set[int]) -> None:
    """Add the days an assessment's truth may change: its interval's, and for an undated one its list's date."""
    add_points(assessment.interval, points)
    since = listed_as_of(assessment)  # an undated code is certain only from its list's date (policies.typology)
    if since is not None:
        add_points(Interval(since), points)


def outlet_points(registry: Registry, outlet: Outlet | Organization, policy: Policy) -> list[int]:
    """First days of the segments over which an outlet's labels cannot change, sorted.

    Everything :func:`~provenance.labelling.label_outlet` reads that
    depends on the date is an interval test: the outlet's lifetime and
    names, its assessments, the policy's roll-out phases, and, all the
    way up its control chain, every relation, the lifetimes of both its
    ends and the assessments of the bodies above.
    """
    points: set[int] = set()
    add_points(outlet.lifetime, points)
    if isinstance(outlet, Outlet):
        for name in outlet.names:
            add_points(name.interval, points)
    for assessment in registry.assessments(outlet.id):
        _add_assessment_points(assessment, points)
    for rollout in policy.rollouts:  # a platform policy holds only within its roll-out phases
        add_points(rollout.interval, points)
    _add_control_chain_points(registry, outlet.id, points)
    return sorted(points)


def _add_control_chain_points(registry: Registry, id: str, points: set[int]) -> None:
    """Add the points of every relation above a body, both ends' lifetimes and the assessments of those above."""
    seen = {id}
    stack = [id]
    while stack:
        for relation in registry.relations(object=stack.pop()):
            add_points(relation.interval, points)
            add_points(registry.lookup(relation.subject).lifetime, points)
            add_points(registry.lookup(relation.object).lifetime, points)
            if relation.subject not in seen:
                seen.add(relation.subject)
                stack.append(relation.subject)
                # A code assessed for an owner or operator applies to the outlet while both hold.
                for assessment in registry.assessments(relation.subject):
                    _add_assessment_points(assessment, points)


def claims_points(
    registry: Registry, keys: tuple[str, ...], points_of_outlet: Callable[[Outlet | Organization], list[int]]
) -> list[int]:
    """First days of the segments over which the claims on some hosts, and their outlets' labels, cannot change.

    Args:
        registry: Where the claims are.
        keys: The claimed suffixes of a host (see :func:`~provenance.domains.candidate_hosts`).
        points_of_outlet: The (cached) :func:`outlet_points` of an outlet.

    Returns:
        The sorted points.
    """
    points: set[int] = set()
    for key in keys:
        for claim in registry.host_claims(key):
            add_points(claim.interval, points)
            outlet = registry.lookup(claim.outlet)
            add_points(outlet.lifetime, points)
            points.update(points_of_outlet(outlet))
    return sorted(points)


def segment_span(points: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The segments (numbered from 0) that the days ``lo`` and ``hi`` fall in, given their sorted first days."""
    first = bisect_right(points, lo)
    return first, first if lo == hi else bisect_right(points, hi)


class SharedClaims:
    """What hosts with the same claimed suffixes share: segments and, per segment, what matched."""

    __slots__ = ("by_segment", "points", "width")

    def __init__(self, points: list[int]) -> None:
        self.points = points
        """Sorted first days of segments."""
        self.width = len(points) + 1
        """Segment numbers run from 0 to ``len(points)``."""
        self.by_segment: dict[int, Match | str | None] = {}
        """What matched in each segment (see :meth:`ClaimedHost.segment`); ``None`` for no claim, a text
        where no claim holds but one ended before (each row is then read with its URL's path)."""


class ClaimedHost:
    """A host some outlet claims: its segments and results (hosts nobody claims have one result)."""

    __slots__ = ("by_segment", "claims", "host", "points", "width")

    def __init__(self, host: str, claims: SharedClaims) -> None:
        self.host = host
        """The normalised host."""
        self.claims = claims
        """What it shares with hosts of the same claimed suffixes."""
        self.points = claims.points
        """Sorted first days of segments."""
        self.width = claims.width
        """Segment numbers run from 0 to ``width - 1``."""
        self.by_segment: dict[int, Labelled] = {}
        """Results by window: see :meth:`segment`."""

    def segment(self, key: int) -> int:
        """The number of a date key's window: ``first segment * width + last segment``; -1 for no date."""
        if key == NO_DATE:
            return -1
        lo, hi = key >> _BITS, key & _MASK  # segment_span, without a second call: this runs for every such row
        first = bisect_right(self.points, lo)
        return first * self.width + (first if lo == hi else bisect_right(self.points, hi))
