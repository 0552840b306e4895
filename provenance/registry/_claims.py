"""Which domain claims a host falls under at a window, and over which days each applies.

Three cases (see ``docs/data-model.md``, "Claims at the edges of time"):

- the longest claimed suffix whose claim may hold wins, as it always has; when
  the window spans a change of claim (``radiosputnik.ria.ru`` in ``2014-11``:
  RIA Novosti's ``ria.ru`` until the 9th, Radio Sputnik's own claim from the
  10th), every outlet the window allows is given, each with the days it may apply;
- when no claim holds at all (a link shared after the domain's end), the latest
  claim that ended before the window, over the days it may have held: a page
  can only have been published while some outlet held its host;
- in that case a date in the URL's path (``/2012_07_11/``, ``/20120711/``,
  ``/2012/07/11/``, ``/2012-07-11/``) no later than the window is taken as the
  publication day when a claim holds on it.

Claims on a host plus a path prefix (an account, ``t.me/rtnews``) are indexed
by ``host/prefix`` keys (see ``_platforms``): for a URL on such a host, its
path's keys come before the host's own, as longer keys do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from provenance.dates import Interval, PartialDate, Truth
from provenance.domains import URL_SCHEME, candidate_hosts
from provenance.errors import DateParseError
from provenance.model import DomainClaim, Organization, Outlet
from provenance.registry._platforms import path_keys, platform_host

__all__ = ["ClaimIndex", "Match", "claims_for_host", "path_date"]

Match = tuple[DomainClaim, PartialDate | Interval | None]
"""A claim a host falls under and the window it applies over."""
Bodies = Mapping[str, Outlet | Organization]


def _latest_first(claims: Iterable[DomainClaim]) -> dict[str, list[DomainClaim]]:
    """Claims by host or ``host/prefix``, most recent first (with no date asked, the latest claim wins)."""
    groups: defaultdict[str, list[DomainClaim]] = defaultdict(list)
    for claim in claims:
        groups[claim.host if claim.path is None else claim.host + claim.path].append(claim)
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=lambda c: c.interval.bounds()[0], reverse=True)
    return dict(groups)


@attrs.frozen(slots=True)
class ClaimIndex:
    """Domain claims by host, and path claims by ``host/prefix`` key, each list most recent first."""

    by_host: dict[str, list[DomainClaim]]
    """Claims on a whole host, by host."""
    by_key: dict[str, list[DomainClaim]]
    """Those and path claims, by host or ``host/prefix``."""
    path_hosts: frozenset[str]
    """Hosts with path claims."""
    depth: int
    """The most segments a path claim's prefix has."""

    @classmethod
    def of(cls, claims: Sequence[DomainClaim]) -> ClaimIndex:
        """The index of claims (validated)."""
        by_host = _latest_first(c for c in claims if c.path is None)
        paths = [c for c in claims if c.path is not None]
        if not paths:
            return cls(by_host, by_host, frozenset(), 0)
        depth = max((claim.path.count("/") for claim in paths if claim.path), default=0)
        by_key = {**by_host, **_latest_first(paths)}
        return cls(by_host, by_key, frozenset(claim.host for claim in paths), depth)

    def keys(self, host: str, url: str | None) -> Sequence[str]:
        """The keys to probe for a URL on a host, longest first: its path's (on a host with path claims), the host's."""
        if url is None or platform_host(host) not in self.path_hosts:
            return candidate_hosts(host)
        return [*path_keys(host, url, self.depth), *candidate_hosts(host)]

    def path_claims(self, host: str) -> tuple[DomainClaim, ...]:
        """The path claims on exactly this host (a platform's one host), by key."""
        if host not in self.path_hosts:
            return ()
        prefix = host + "/"
        return tuple(claim for key, claims in sorted(self.by_key.items()) if key.startswith(prefix) for claim in claims)


_PATH_DATE = re.compile(r"/((?:19|20)\d\d)([-_/]?)(\d\d)\2(\d\d)(?=/|$)")


def path_date(url: str) -> PartialDate | None:
    """The first whole date in a URL's path (``/2012_07_11/``, ``/20120711/``, ``/2012/07/11/``, ``/2012-07-11/``).

    >>> path_date("http://ruvr.ru/2012_07_11/x.html"), path_date("ria.ru/20160101/1.html")
    (PartialDate('2012-07-11'), PartialDate('2016-01-01'))
    >>> path_date("https://x.example/2012/13/01/"), path_date("https://x.example/a?d=2012/07/11")
    (None, None)
    """
    text = url.strip()
    scheme = URL_SCHEME.match(text)
    rest = text[scheme.end() :] if scheme else text.removeprefix("//")
    start = next((index for index, char in enumerate(rest) if char in "/?#"), -1)
    if start < 0 or rest[start] != "/":
        return None
    path = re.split(r"[?#]", rest[start:], maxsplit=1)[0]
    for found in _PATH_DATE.finditer(path):
        try:
            return PartialDate(int(found[1]), int(found[3]), int(found[4]))
        except DateParseError:
            continue
    return None


def _spans(claim: DomainClaim, bodies: Bodies) -> tuple[int, int, int, int]:
    """The claim's bounds within its outlet's lifetime (an open start holds from the outlet's first day)."""
    c0, c1, c2, c3 = claim.interval.bounds()
    l0, l1, l2, l3 = bodies[claim.outlet].lifetime.bounds()
    return max(c0, l0), max(c1, l1), min(c2, l2), min(c3, l3)


def _truth(spans: tuple[int, int, int, int], lo: int, hi: int) -> Truth:
    """``Interval.contains`` of the claim within its outlet's lifetime, for the window ``lo..hi``."""
    start_early, start_late, end_early, end_late = spans
    if lo >= start_late and hi <= end_early:
        return Truth.YES
    if hi < start_early or lo > end_late:
        return Truth.NO
    return Truth.MAYBE


def _window_days(window: PartialDate | Interval) -> tuple[int, int]:
    lo, _, _, hi = (Interval.of(window) if isinstance(window, PartialDate) else window).bounds()
    return lo, hi


def _cut(ranges: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The day ranges without the days ``lo..hi``."""
    kept = []
    for first, last in ranges:
        if last < lo or first > hi:
            kept.append((first, last))
            continue
        if first < lo:
            kept.append((first, lo - 1))
        if last > hi:
            kept.append((hi + 1, last))
    return kept


def _overlap(ranges: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int] | None:
    """The first and last day of ``lo..hi`` within the ranges, or ``None``."""
    inside = [(max(first, lo), min(last, hi)) for first, last in ranges if first <= hi and last >= lo]
    return (inside[0][0], inside[-1][1]) if inside else None


Found = list[tuple[DomainClaim, tuple[int, int]]]


def _held(
    claims_by_host: Mapping[str, Sequence[DomainClaim]], bodies: Bodies, keys: Sequence[str], lo: int, hi: int
) -> Found:
    """Each claim that may apply on some day of ``lo..hi`` and the first and last such day, longest host first.

    On each host, claims that hold over the whole window come first (then the
    others, most recent first); a claim counts only for the days no claim
    before it certainly covers.
    """
    remaining = [(lo, hi)]
    found: Found = []
    for key in keys:
        claims = claims_by_host.get(key)
        if not claims:
            continue
        spans = [(claim, _spans(claim, bodies)) for claim in claims]
        truths = [(claim, span, _truth(span, lo, hi)) for claim, span in spans]
        ordered = [t for t in truths if t[2] is Truth.YES] + [t for t in truths if t[2] is Truth.MAYBE]
        for claim, span, _ in ordered:
            days = _overlap(remaining, span[0], span[3])
            if days is None:
                continue
            found.append((claim, days))
            if span[1] <= span[2]:
                remaining = _cut(remaining, span[1], span[2])
        if not remaining:
            break
    return found


def _by_outlet(found: Found, window: PartialDate | Interval) -> list[Match]:
    """One match per outlet: its first claim, over the days of all of its claims (or the window, for one outlet)."""
    days: dict[str, tuple[DomainClaim, int, int]] = {}
    for claim, (first, last) in found:
        kept = days.get(claim.outlet)
        days[claim.outlet] = (
            (claim, first, last) if kept is None else (kept[0], min(kept[1], first), max(kept[2], last))
        )
    if len(days) == 1:
        return [(found[0][0], window)]
    return [(claim, Interval.from_days(first, last)) for claim, first, last in days.values()]


def _ended_before(
    claims_by_host: Mapping[str, Sequence[DomainClaim]], bodies: Bodies, keys: Sequence[str], lo: int
) -> list[Match]:
    """The latest claim that ended before day ``lo`` (longest key first), over the days it may have held."""
    for key in keys:
        ended = []
        for claim in claims_by_host.get(key, ()):
            start, _, _, end = _spans(claim, bodies)
            if start <= end < lo:
                ended.append((end, start, claim))
        if ended:
            end, start, claim = max(ended, key=lambda item: item[0])
            return [(claim, Interval.from_days(start, end))]
    return []


def claims_for_host(
    index: ClaimIndex,
    bodies: Bodies,
    host: str,
    window: PartialDate | Interval | None,
    url: str | None = None,
) -> list[Match]:
    """The claims a normalised host falls under at a window, each with the window it applies over.

    Args:
        index: The registry's claims.
        bodies: Outlets and organisations by id.
        host: The normalised host.
        window: When; ``None`` for any time (the most recent claim).
        url: The URL the host came from: its path may match a path claim
            (before the host's claims), and may date the page (read only
            when no claim holds at the window).

    Returns:
        Nothing when no claim applies; one match (with the window as given
        when a claim may hold at it); one per outlet when the window spans a
        change of claim; or the latest claim that ended before the window,
        over the days it held (or the day the URL's path gives).
    """
    claims_by_key = index.by_key
    keys = index.keys(host, url)
    if window is None:
        return next(([(claims[0], None)] for key in keys if (claims := claims_by_key.get(key))), [])
    lo, hi = _window_days(window)
    found = _held(claims_by_key, bodies, keys, lo, hi)
    if found:
        return _by_outlet(found, window)
    published = path_date(url) if url is not None else None
    if published is not None and published.latest().toordinal() <= hi:
        day = published.earliest().toordinal()
        then = _held(claims_by_key, bodies, keys, day, day)
        if then:
            return [(claim, published) for claim, _ in _by_outlet(then, published)]
    return _ended_before(claims_by_key, bodies, keys, lo)
