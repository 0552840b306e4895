"""Label millions of URLs fast: :func:`label_many`, file front ends, and Dask.

:func:`label_many` takes an iterable of ``(url, date)`` pairs and yields one
result per row, in order, giving exactly what :func:`~provenance.labelling.label_url`
gives for each row. It streams: it reads one row, yields its result, then
reads the next, so memory stays flat whatever the input's length. A row whose
URL or date cannot be read yields a :class:`BadRow` carrying the typed error
and the row number, and the rest goes on.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "rt", "name": "RT", "country": "RU", "kind": "broadcaster", "start": "2005-12-10"}],
...     relations=[{"subject": "state-ru", "kind": kind, "object": "rt"} for kind in ("funds", "owns")],
...     assessments=[{"subject": "rt", "assessor": "eu", "kind": "sanction", "value": "EU",
...                   "instrument": "Council Regulation (EU) 2022/350", "start": "2022-03-01"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}])
>>> rows = [("https://de.rt.com/a", "2023-05-01"), ("https://example.org/", None), ("not a url", "2020")]
>>> for result in label_many(rows, registry=reg):
...     print(result.ok, result.outlet_id, compact_labels(result.labels))
True rt state-media=SC?;state-media=ISFM?;sanctioned=EU
True None
False None
>>> bad = list(label_many([("rt.com", "someday")], registry=reg))[0]
>>> bad.row, type(bad.error).__name__
(1, 'DateParseError')

How it is fast: hosts of plain ``http(s)://host/...`` URLs are cut out with
string operations (anything unusual goes through
:func:`~provenance.domains.normalize_host`); a plain host whose last two
and last three labels are not those of a claimed or rated host gets one
shared empty result without being resolved; ISO days are read without a
cache; each distinct claimed host is resolved once; and a label set is
computed once per outlet and *segment*: the days between two consecutive
changes of any fact that can affect the outlet's labels (its lifetime and
names, its assessments, every relation above it and the lifetimes of both
ends, the assessments of the bodies above it, and the policy's roll-out
phases). Two dates in the same segment get the very same immutable result
object. Dates given as a year or a month are windows, as
for :func:`~provenance.labelling.label_url`. The caches live on the registry
(one set per policy), are bounded, and only ever hold values computed from
the immutable registry, so threads may share them.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import importlib
import io
import json
import os
import re
import sys
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO, TypeGuard, cast

import attrs

from provenance.dates import Interval, PartialDate, When, as_window
from provenance.domains import HOST_LABEL, STRIPPED_PREFIXES, candidate_hosts, is_normal_host, normalize_host
from provenance.errors import DateParseError, InvalidURLError, ProvenanceError
from provenance.labelling import host_rating_labels, label_outlet, mirror_label, publication_window
from provenance.labels import POSSIBLE, LabelSet
from provenance.model import DomainClaim, Outlet
from provenance.policies import POLICIES, Policy, get_policy
from provenance.registry import Registry, default_registry

if TYPE_CHECKING:
    from provenance.model import Organization

__all__ = [
    "BadRow",
    "BatchInputError",
    "BatchResult",
    "BatchSummary",
    "Labelled",
    "Labeller",
    "MissingExtraError",
    "compact_labels",
    "label_dask",
    "label_file",
    "label_frame",
    "label_many",
]

_EMPTY = LabelSet()
_MAX_INPUT = 8192  # as provenance.domains: longer inputs are refused
_BITS = 22  # day ordinals (at most 3,652,059) fit in 22 bits
_MASK = (1 << _BITS) - 1
_NO_DATE = 0  # the date key of "no date given"; no real window has key 0
_CLEAN_NETLOC = re.compile(r"[A-Za-z0-9._:@-]+")
# "http(s)://NETLOC" where NETLOC is a host normalize_host leaves as it is (up to www./m./amp. labels it
# strips), of at most 63 characters; group 1 is its last three labels (two if it has two), group 2 its
# last two.
_LABEL = HOST_LABEL.pattern
_PLAIN_KEY = re.compile(rf"https?://(?=.{{1,63}}\Z)(?:{_LABEL}\.)*?((?:{_LABEL}\.)?({_LABEL}\.(?![0-9]+\Z){_LABEL}))")
_day_of_iso = datetime.date.fromisoformat


def _is_iso_day_shape(at: object) -> TypeGuard[str]:
    """Ten characters with ``-`` at index 7: for such text, ``date.fromisoformat`` reads only ``YYYY-MM-DD``."""
    return isinstance(at, str) and len(at) == 10 and at[7] == "-"


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")  # as provenance.domains
_PREFIX_LIMIT = 1 << 18
_HOST_LIMIT = 1 << 18
_DATE_LIMIT = 1 << 16
_OUTLET_LIMIT = 1 << 16


class BatchInputError(ProvenanceError, ValueError):
    """A batch input file cannot be processed at all (a missing column, an unknown format...)."""


class MissingExtraError(ProvenanceError, ImportError):
    """An optional dependency (such as Dask) is needed and not installed."""


@attrs.frozen(slots=True, eq=False)
class Labelled:
    """The result for a row whose URL and date could be read.

    Results are shared: rows with the same host whose dates fall in the same
    segment of constant facts get one :class:`Labelled` object, and so do
    all rows whose host no outlet claims and nobody rates. So a result does
    not carry the row's host (use :func:`~provenance.domains.normalize_host`
    on the URL when you need it), and results compare by identity: compare
    their ``labels`` for equality.
    """

    outlet: Outlet | None
    """The outlet that claims the host at the date, or ``None``."""
    outlet_name: str | None
    """The outlet's name at the date (its current name when the date is unknown)."""
    claim: DomainClaim | None
    """The domain claim that matched."""
    labels: LabelSet
    """Exactly what :func:`~provenance.labelling.label_url` gives for the row."""

    ok: ClassVar[bool] = True
    """Always ``True``: the row could be read."""
    error: ClassVar[None] = None
    """Always ``None``."""

    @property
    def outlet_id(self) -> str | None:
        """The outlet's id, or ``None``."""
        return None if self.outlet is None else self.outlet.id


@attrs.frozen(slots=True, eq=False)
class BadRow:
    """The result for a row whose URL or date could not be read."""

    row: int
    """Its position in the input, counting from 1."""
    url: object
    """The URL as given."""
    at: object
    """The date as given."""
    error: InvalidURLError | DateParseError
    """What is wrong, as :func:`~provenance.labelling.label_url` would raise it."""

    ok: ClassVar[bool] = False
    """Always ``False``."""
    host: ClassVar[None] = None
    """Always ``None``."""
    outlet: ClassVar[None] = None
    """Always ``None``."""
    outlet_id: ClassVar[None] = None
    """Always ``None``."""
    outlet_name: ClassVar[None] = None
    """Always ``None``."""
    claim: ClassVar[None] = None
    """Always ``None``."""
    labels: ClassVar[LabelSet] = _EMPTY
    """Always empty."""


BatchResult = Labelled | BadRow
"""What :func:`label_many` yields for each row."""


_Match = tuple[DomainClaim, Outlet, str, LabelSet] | None
"""The claim that matched, its outlet, the outlet's name and labels at the window; ``None`` for no claim."""


class _Claims:
    """What hosts with the same candidate claims share: segments and, per segment, what matched."""

    __slots__ = ("by_segment", "points", "width")

    def __init__(self, points: list[int]) -> None:
        self.points = points  # sorted first days of segments
        self.width = len(points) + 1  # segment numbers run from 0 to len(points)
        self.by_segment: dict[int, _Match] = {}


class _Host:
    """A host some outlet claims: its segments and results (hosts nobody claims have one result)."""

    __slots__ = ("by_segment", "claims", "host", "points", "width")

    def __init__(self, host: str, claims: _Claims) -> None:
        self.host = host
        self.claims = claims
        self.points = claims.points
        self.width = claims.width
        # Results by window: first segment * width + last segment; -1 for no date.
        self.by_segment: dict[int, Labelled] = {}


def _points_of(interval: Interval, points: set[int]) -> None:
    """The days on which ``interval.contains(window)`` may change, for windows ``(lo, hi)``.

    ``contains`` compares ``lo`` with the latest start and the latest end,
    and ``hi`` with the earliest start and the earliest end (see
    :meth:`Interval.bounds`); each comparison flips on one of these days.
    """
    start_early, start_late, end_early, end_late = interval.bounds()
    points.update((start_early, start_late, end_early + 1, end_late + 1))


class Labeller:
    """Labels URLs at dates against one registry under one policy, sharing work across rows.

    :func:`label_many` uses a labeller kept on the registry for each shipped
    policy; make your own to label under a custom :class:`~provenance.policies.Policy`
    or to keep its caches to yourself.

    >>> from provenance.labelling import label_url
    >>> labeller = Labeller(policy="typology")
    >>> labeller.label("https://de.rt.com/x", "2023-01-01") == label_url("https://de.rt.com/x", "2023-01-01")
    True

    Args:
        registry: Where the facts come from (default: the shipped data).
        policy: A policy name or :class:`~provenance.policies.Policy`.

    Raises:
        UnknownPolicyError: If the policy name is unknown.
    """

    def __init__(self, registry: Registry | None = None, policy: str | Policy = "typology") -> None:
        self.registry = registry if registry is not None else default_registry()
        """The registry."""
        self.policy = get_policy(policy)
        """The policy."""
        # Shipped policies read facts only through interval tests, so results
        # can be shared per segment; a custom policy might read the window itself.
        self._segmented = POLICIES.get(self.policy.name) is self.policy
        self._prefixes: dict[str, _Host | Labelled] = {}
        self._bare: dict[str, _Host | Labelled] = {}
        self._bad_dates: dict[str, tuple[object, str]] = {}  # text -> what DateParseError was raised with
        self._bad_urls: dict[str, tuple[object, str]] = {}  # the same for InvalidURLError
        self._hosts: dict[str, _Host | Labelled] = {}
        self._claims: dict[tuple[str, ...], _Claims] = {}
        self._dates: dict[object, int] = {None: _NO_DATE}
        self._outlet_points: dict[str, list[int]] = {}
        self._outlet_labels: dict[tuple[str, int, int], LabelSet] = {}
        # The one result of every host that no outlet claims and nobody rates.
        self._unclaimed = Labelled(None, None, None, _EMPTY)
        # The last three labels of every claimed or rated host (all of a two-label one). A host has a
        # claimed or rated suffix only if its last two or its last three labels are among them.
        named = [*self.registry.claimed_hosts(), *self.registry.rated_hosts()]
        self._tails: frozenset[str] | None = frozenset(".".join(host.split(".")[-3:]) for host in named)
        if not all("." in host for host in named):
            self._tails = None  # a one-label host would be a suffix of hosts of any tail

    # -- one row ------------------------------------------------------------

    def result(self, url: str, at: When = None) -> Labelled:
        """The result for one URL at a date.

        Args:
            url: A URL or host name.
            at: When it was published or shared; ``None`` when unknown.

        Returns:
            The outlet, claim and labels.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` cannot be read.
        """
        entry = self._host_entry(normalize_host(url))
        key = self._date_key(at)
        return entry if isinstance(entry, Labelled) else self._resolve(entry, key)

    def label(self, url: str, at: When = None) -> LabelSet:
        """The labels of one URL at a date: the same as :func:`~provenance.labelling.label_url`.

        Args:
            url: A URL or host name.
            at: When it was published or shared; ``None`` when unknown.

        Returns:
            The labels.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` cannot be read.
        """
        return self.result(url, at).labels

    # -- many rows ----------------------------------------------------------

    def label_many(self, rows: Iterable[tuple[object, object]]) -> Iterator[BatchResult]:
        """One result per ``(url, date)`` row, in order; see :func:`label_many`.

        Args:
            rows: ``(url, date)`` pairs; the date may be ``None``, text, a
                :class:`datetime.date` or a :class:`~provenance.dates.PartialDate`.

        Yields:
            A :class:`Labelled` or a :class:`BadRow` per row, before the next row is read.

        Raises:
            TypeError: If a row is not a pair.
        """
        prefix_of = self._prefixes.get
        date_key_of = self._dates.get
        day_of = _day_of_iso
        host_class, find_segment, longest, bits, mask = _Host, bisect_right, _MAX_INPUT, _BITS, _MASK
        url: Any
        at: Any
        entry: Any
        result: Any
        date_key: int | None
        number = 0
        for row in rows:
            number += 1
            try:
                url, at = row
                # Hosts: the cache is keyed by "scheme://netloc" (the URL up to its first "/" after "scheme://").
                end = url.find("/", 8)
                key = url[:end] if end >= 0 else url
                entry = prefix_of(key)
                if entry is None or len(url) > longest:
                    entry = self._entry(url)
                # Dates: an ISO day without a cache (_is_iso_day_shape, inlined; ValueError: the careful path).
                if at.__class__ is str and len(at) == 10 and at[7] == "-":
                    day = day_of(at).toordinal()
                    date_key = day << bits | day
                elif at is None:
                    date_key = 0
                else:
                    date_key = date_key_of(at)
                    if date_key is None:
                        date_key = self._date_key(at)
                if entry.__class__ is host_class:
                    if date_key:
                        points = entry.points
                        lo = date_key >> bits
                        hi = date_key & mask
                        first = find_segment(points, lo)
                        segment = first * entry.width + (first if lo == hi else find_segment(points, hi))
                    else:
                        segment = -1
                    result = entry.by_segment.get(segment)
                    if result is None:
                        result = self._resolve(entry, date_key)
                else:
                    result = entry
            except Exception:  # a bad row, or an input the fast path does not take: do it carefully
                yield self._careful(number, row)
                continue
            yield result

    def _careful(self, number: int, row: object) -> BatchResult:
        pair: Any = row
        url: Any
        at: Any
        try:
            url, at = pair
        except (TypeError, ValueError):
            raise TypeError(f"row {number} is not a (url, date) pair: {row!r:.80}") from None
        try:
            if url.__class__ is not str:
                normalize_host(url)  # raises InvalidURLError
            found = self._prefixes.get(_prefix(url))
            entry = found if found is not None and len(url) <= _MAX_INPUT else self._entry(url)
        except InvalidURLError as error:
            return BadRow(number, url, at, error)
        try:
            key = self._date_key(at)
        except DateParseError as error:
            return BadRow(number, url, at, error)
        return entry if isinstance(entry, Labelled) else self._resolve(entry, key)

    # -- hosts --------------------------------------------------------------

    def _entry(self, url: str) -> _Host | Labelled:
        """The host entry of a URL whose prefix is not cached yet (or that needs the general path)."""
        if len(url) > _MAX_INPUT:
            return self._host_entry(normalize_host(url))  # raises InvalidURLError
        bad = self._bad_urls.get(url)
        if bad is not None:
            raise InvalidURLError(*bad)
        prefix = _prefix(url)
        plain = _PLAIN_KEY.fullmatch(prefix)
        tails = self._tails
        if plain is not None and tails is not None and plain[1] not in tails and plain[2] not in tails:
            # A valid host with no claimed or rated suffix, so label_url gives empty labels: the shared
            # result, without resolving the host.
            if len(self._prefixes) >= _PREFIX_LIMIT:
                self._prefixes.clear()
            self._prefixes[prefix] = self._unclaimed
            return self._unclaimed
        host = _host_of_prefix(prefix)
        if host is not None:
            entry = self._host_entry(host)
            if len(self._prefixes) >= _PREFIX_LIMIT:
                self._prefixes.clear()
            self._prefixes[prefix] = entry
            return entry
        # No http(s) scheme: a bare host (rt.com/x) is cached by its netloc, anything else is read in full.
        netloc = url.partition("/")[0]
        known = self._bare.get(netloc)
        if known is not None and url[:2] != "//" and not _SCHEME.match(url):
            return known
        host = _host_of_bare(url)
        if host is None:
            try:
                host = normalize_host(url)
            except InvalidURLError as error:  # remember it: the same junk often comes again
                reason = _reason(error, "not a usable URL or host")
                if reason is not None and len(url) <= 200:
                    if len(self._bad_urls) >= _DATE_LIMIT:
                        self._bad_urls.clear()
                    self._bad_urls[url] = (error.value, reason)
                raise
            return self._host_entry(host)
        entry = self._host_entry(host)
        if len(self._bare) >= _PREFIX_LIMIT:
            self._bare.clear()
        self._bare[netloc] = entry
        if len(netloc) >= 8 and ":" not in netloc and netloc[0] != "/" and not _SCHEME.match(url):
            # The hot loop's key for "netloc/..." (and for "netloc" alone) is exactly this netloc: a scheme
            # URL's key always holds "://", so the two kinds of key never collide.
            if len(self._prefixes) >= _PREFIX_LIMIT:
                self._prefixes.clear()
            self._prefixes[netloc] = entry
        return entry

    def _host_entry(self, host: str) -> _Host | Labelled:
        """What is known about a host: its result when no outlet claims it, else its segments."""
        known = self._hosts.get(host)
        if known is not None:
            return known
        entry: _Host | Labelled
        registry = self.registry
        keys = tuple(key for key in candidate_hosts(host) if registry.host_claims(key))
        if not keys:
            # label_url: no claim, so only the ratings of the host, whatever the date.
            entry = self._unrated_or_rated(host)
        else:
            # Hosts with the same claimed suffixes (de.rt.com, www2.rt.com...) match alike at every date.
            shared = self._claims.get(keys)
            if shared is None:
                points: set[int] = set()
                for key in keys:
                    for claim in registry.host_claims(key):
                        _points_of(claim.interval, points)
                        outlet = registry.lookup(claim.outlet)
                        _points_of(outlet.lifetime, points)
                        points.update(self._points(outlet))
                shared = _Claims(sorted(points))
                if len(self._claims) >= _HOST_LIMIT:
                    self._claims.clear()
                self._claims[keys] = shared
            entry = _Host(host, shared)
        if len(self._hosts) >= _HOST_LIMIT:
            self._hosts.clear()
        self._hosts[host] = entry
        return entry

    def _points(self, outlet: Outlet | Organization) -> list[int]:
        """First days of the segments over which an outlet's labels cannot change.

        Everything :func:`~provenance.labelling.label_outlet` reads that
        depends on the date is an interval test: the outlet's lifetime and
        names, its assessments, the policy's roll-out phases, and, all the
        way up its control chain, every relation, the lifetimes of both its
        ends and the assessments of the bodies above.
        """
        found = self._outlet_points.get(outlet.id)
        if found is not None:
            return found
        registry = self.registry
        points: set[int] = set()
        _points_of(outlet.lifetime, points)
        if isinstance(outlet, Outlet):
            for name in outlet.names:
                _points_of(name.interval, points)
        for assessment in registry.assessments(outlet.id):
            _points_of(assessment.interval, points)
        for rollout in self.policy.rollouts:  # a platform policy holds only within its roll-out phases
            _points_of(rollout.interval, points)
        seen = {outlet.id}
        stack = [outlet.id]
        while stack:
            for relation in registry.relations(object=stack.pop()):
                _points_of(relation.interval, points)
                _points_of(registry.lookup(relation.subject).lifetime, points)
                _points_of(registry.lookup(relation.object).lifetime, points)
                if relation.subject not in seen:
                    seen.add(relation.subject)
                    stack.append(relation.subject)
                    # A code assessed for an owner or operator applies to the outlet while both hold.
                    for assessment in registry.assessments(relation.subject):
                        _points_of(assessment.interval, points)
        found = sorted(points)
        if len(self._outlet_points) >= _OUTLET_LIMIT:
            self._outlet_points.clear()
        self._outlet_points[outlet.id] = found
        return found

    # -- dates --------------------------------------------------------------

    def _date_key(self, at: object) -> int:
        """``lo << 22 | hi`` for the window ``(lo, hi)`` of ordinal days, 0 for no date."""
        if isinstance(at, datetime.date):  # dates and datetimes: the day, as as_partial_date reads it
            day = at.toordinal()
            return day << _BITS | day
        if at is None:
            return _NO_DATE
        if _is_iso_day_shape(at):
            # The hot loop's rule: what date.fromisoformat reads in this shape, parse_date reads alike.
            try:
                day = _day_of_iso(at).toordinal()
            except ValueError:
                pass
            else:
                return day << _BITS | day
        if at.__class__ is str:
            bad = self._bad_dates.get(at)
            if bad is not None:
                raise DateParseError(*bad)
        try:
            window = as_window(at)  # type: ignore[arg-type]
        except DateParseError as error:
            reason = _reason(error, "cannot read date")
            if at.__class__ is str and reason is not None:  # dateutil is slow: remember what it could not read
                if len(self._bad_dates) >= _DATE_LIMIT:
                    self._bad_dates.clear()
                self._bad_dates[at] = (error.value, reason)
            raise
        assert window is not None
        lo, _, _, hi = (Interval.of(window) if isinstance(window, PartialDate) else window).bounds()
        key = lo << _BITS | hi
        if isinstance(at, str | PartialDate | Interval):
            self._remember(at, key)
        return key

    def _remember(self, at: object, key: int) -> None:
        if len(self._dates) >= _DATE_LIMIT:
            self._dates.clear()
            self._dates[None] = _NO_DATE
        self._dates[at] = key

    # -- results ------------------------------------------------------------

    def _resolve(self, entry: _Host, key: int) -> Labelled:
        """The result for a claimed host at a date key, from its segment's result or computed."""
        if key == _NO_DATE:
            segment = -1
        else:
            lo, hi = key >> _BITS, key & _MASK
            first = bisect_right(entry.points, lo)
            segment = first * entry.width + (first if lo == hi else bisect_right(entry.points, hi))
        if not self._segmented:  # a custom policy may read the window itself: no sharing across dates
            return self._labelled(entry.host, self._match(entry.host, key), key)
        result = entry.by_segment.get(segment)
        if result is None:
            shared = entry.claims.by_segment
            if segment in shared:
                match = shared[segment]
            else:
                match = shared[segment] = self._match(entry.host, key)
            result = entry.by_segment[segment] = self._labelled(entry.host, match, key)
        return result

    def _match(self, host: str, key: int) -> _Match:
        """The claim label_url finds for a host at a date key, its outlet, name and outlet labels."""
        window = _window_of_key(key)
        claim = self.registry.claim_for_host(host, window)
        if claim is None:
            return None
        outlet = self.registry.lookup(claim.outlet)
        assert isinstance(outlet, Outlet)
        return claim, outlet, outlet.name_at(window), self._outlet_labels_at(outlet, window)

    def _labelled(self, host: str, match: _Match, key: int) -> Labelled:
        """The result for a host, adding what is the host's own: label_url's mirror label and host ratings."""
        registry = self.registry
        if match is None:
            return self._unrated_or_rated(host)
        claim, outlet, name, labels = match
        extra = host_rating_labels(registry, host, skip_outlet=outlet.id)
        if claim.role == "mirror":
            extra.insert(0, mirror_label(host, outlet, claim, _window_of_key(key)))
        if extra:
            labels = LabelSet((*labels.labels, *extra))
        return Labelled(outlet, name, claim, labels)

    def _unrated_or_rated(self, host: str) -> Labelled:
        """The result for a host no outlet claims: the shared empty one, or its host ratings."""
        ratings = host_rating_labels(self.registry, host)
        return Labelled(None, None, None, LabelSet(ratings)) if ratings else self._unclaimed

    def _outlet_labels_at(self, outlet: Outlet, window: PartialDate | Interval | None) -> LabelSet:
        lo, _, _, hi = publication_window(outlet, window).bounds()
        if self._segmented:
            points = self._points(outlet)
            key = (outlet.id, bisect_right(points, lo), bisect_right(points, hi))
        else:
            key = (outlet.id, lo, hi)
        labels = self._outlet_labels.get(key)
        if labels is None:
            labels = label_outlet(outlet, window, self.policy, self.registry)
            if len(self._outlet_labels) >= _OUTLET_LIMIT:
                self._outlet_labels.clear()
            self._outlet_labels[key] = labels
        return labels


def _reason(error: InvalidURLError | DateParseError, lead: str) -> str | None:
    """The reason an error was raised with, to raise it again alike; ``None`` if its message is not the usual."""
    head = f"{lead} {error.value!r}: "
    message = str(error)
    return message[len(head) :] if message.startswith(head) else None


def _window_of_key(key: int) -> PartialDate | Interval | None:
    """A window with the same days as the date key (all label_url reads of a window)."""
    if key == _NO_DATE:
        return None
    lo, hi = key >> _BITS, key & _MASK
    first = PartialDate.from_date(datetime.date.fromordinal(lo))
    if lo == hi:
        return first
    return Interval(first, PartialDate.from_date(datetime.date.fromordinal(hi)))


def _prefix(url: str) -> str:
    """What the fast path keys its cache by: the URL up to its first ``/`` from the ninth character on."""
    end = url.find("/", 8)
    return url[:end] if end >= 0 else url


def _host_of_prefix(prefix: str) -> str | None:
    r"""The host for the ``scheme://netloc`` prefix the fast path cuts out, or ``None`` to use the general path.

    The fast path cuts a URL at its first ``/`` from the ninth character on.
    When the part before it is ``http://`` or ``https://`` (in any case)
    followed by a NETLOC of plain ASCII without white space, brackets, ``%``,
    ``/``, ``?``, ``#`` or ``\``, the URL is ``http(s)://NETLOC`` followed by
    nothing or by ``/...``, and :func:`normalize_host` reads exactly NETLOC
    as its network location: the host depends on the prefix alone.
    """
    scheme = prefix[:8].lower()
    if scheme == "https://":
        return _host_of_netloc(prefix[8:])
    if scheme[:7] == "http://":
        return _host_of_netloc(prefix[7:])
    return None


def _host_of_netloc(netloc: str) -> str | None:
    """What :func:`normalize_host` makes of a plain ASCII network location, or ``None`` to ask it."""
    if not _CLEAN_NETLOC.fullmatch(netloc):
        return None
    # normalize_host's steps for such a netloc (no IDNA, no white space, no brackets)...
    host = netloc.rpartition("@")[2].partition(":")[0].rstrip(".").lower()
    while host.startswith(STRIPPED_PREFIXES):
        rest = host.split(".", 1)[1]
        if "." not in rest:
            break
        host = rest
    # ...and its checks, through a test that only passes hosts it leaves unchanged.
    return host if is_normal_host(host) else None


def _host_of_bare(url: str) -> str | None:
    r"""The host of a URL without a scheme (``rt.com/news/1``), or ``None`` to ask :func:`normalize_host`.

    With no ``scheme://`` and no leading ``//``, normalize_host reads the
    network location up to the first ``/``, ``?``, ``#`` or ``\``.
    """
    if url[:2] == "//" or _SCHEME.match(url):
        return None
    return _host_of_netloc(url.partition("/")[0])


def _fast_host(url: str) -> str | None:
    """The host the fast path reads from a URL, or ``None`` when it defers to :func:`normalize_host`.

    >>> _fast_host("https://www.RT.com/news/1"), _fast_host("rt.com/x"), _fast_host("ftp://rt.com/")
    ('rt.com', 'rt.com', None)
    """
    if len(url) > _MAX_INPUT:
        return None
    host = _host_of_prefix(_prefix(url))
    return host if host is not None else _host_of_bare(url)


def _labeller(registry: Registry | None, policy: str | Policy) -> Labeller:
    """The labeller kept on the registry for a shipped policy, or a new one for a custom policy."""
    registry = registry if registry is not None else default_registry()
    chosen = get_policy(policy)
    if POLICIES.get(chosen.name) is not chosen:
        return Labeller(registry, chosen)
    return registry.derived(("provenance.batch", chosen.name), lambda kept: Labeller(kept, chosen))


def label_many(
    rows: Iterable[tuple[object, object]],
    policy: str | Policy = "typology",
    registry: Registry | None = None,
) -> Iterator[BatchResult]:
    """Label ``(url, date)`` rows, one result per row, in order, streaming.

    Each :class:`Labelled` result's ``labels`` equal
    ``label_url(url, date, policy, registry)``. A row whose URL or date
    cannot be read gives a :class:`BadRow` with the error
    :func:`~provenance.labelling.label_url` would raise, and the rest goes
    on. The n-th result is yielded before row n + 1 is read, so a caller may
    pair results with rows it keeps aside.

    Args:
        rows: ``(url, date)`` pairs; the date may be ``None`` (unknown), text,
            a :class:`datetime.date` or a :class:`~provenance.dates.PartialDate`.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        An iterator of :class:`Labelled` and :class:`BadRow` results.

    Raises:
        UnknownPolicyError: If the policy name is unknown (at once, before any row is read).
    """
    return _labeller(registry, policy).label_many(rows)


def compact_labels(labels: LabelSet) -> str:
    """Labels as one short string: ``kind=value`` joined by ``;``, ``?`` marking possible ones.

    >>> from provenance.labels import Label
    >>> compact_labels(LabelSet([Label("state-media", "SC", "rt", "..."),
    ...                          Label("sanctioned", "EU", "rt", "...", certainty="possible")]))
    'state-media=SC;sanctioned=EU?'
    """
    return ";".join(
        f"{label.kind}={label.value}{'?' if label.certainty == POSSIBLE else ''}" for label in labels.labels
    )


# -- summaries and file front ends -----------------------------------------------


@attrs.define(slots=True)
class BatchSummary:
    """What a batch run met.

    ``rows == labelled + unknown + bad``.
    """

    rows: int = 0
    """Rows read."""
    labelled: int = 0
    """Rows whose host an outlet claims at the date."""
    unknown: int = 0
    """Readable rows whose host no outlet claims (it may still carry host ratings)."""
    bad: int = 0
    """Rows whose URL or date could not be read."""
    seconds: float = 0.0
    """Wall-clock time."""
    problems: list[str] = attrs.field(factory=list)
    """The first bad rows, ``"line N: message"``."""

    def describe(self) -> str:
        """One line: ``1,000 rows, 250 labelled, 740 unknown hosts, 10 bad rows in 1.2 s``."""
        rate = f" ({self.rows / self.seconds:,.0f} rows/s)" if self.seconds > 0 else ""
        return (
            f"{self.rows:,} rows, {self.labelled:,} labelled, {self.unknown:,} unknown hosts, "
            f"{self.bad:,} bad rows in {self.seconds:.1f} s{rate}"
        )


_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_DIALECTS: dict[str, type[csv.Dialect]] = {".tsv": csv.excel_tab}
_ADDED = ("outlet_id", "outlet_name", "labels", "labels_json", "error")
_COMPACT_ADDED = ("outlet_id", "outlet_name", "labels", "error")


def _infer_format(path: str, format: str | None) -> str:
    if format is not None:
        if format not in ("csv", "jsonl"):
            raise BatchInputError(f"unknown format {format!r}: expected csv or jsonl")
        return format
    found = _FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise BatchInputError(f"cannot tell the format of {path!r} from its extension: pass --format csv or jsonl")
    return found


class _Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO | None, size: int | None) -> None:
        self.stream = stream
        self.size = size
        self.started = self.shown = time.monotonic()

    def update(self, rows: int, position: int | None) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.shown < 0.25:
            return
        self.shown = now
        rate = rows / max(now - self.started, 1e-9)
        share = f"{100 * position / self.size:5.1f}%  " if self.size and position is not None else ""
        self.stream.write(f"\r{share}{rows:,} rows  {rate:,.0f} rows/s")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextlib.contextmanager
def _open_text(path: str, mode: str) -> Iterator[TextIO]:
    """A file as UTF-8 text (``-``: standard input or output, left open afterwards)."""
    encoding = "utf-8-sig" if mode == "r" else "utf-8"
    if path != "-":
        with open(path, mode, encoding=encoding, errors="surrogateescape", newline="") as handle:
            yield cast(TextIO, handle)
        return
    stream = sys.stdin if mode == "r" else sys.stdout
    wrapper = io.TextIOWrapper(stream.buffer, encoding=encoding, errors="surrogateescape", newline="")
    try:
        yield cast(TextIO, wrapper)
        wrapper.flush()
    finally:
        with contextlib.suppress(OSError, ValueError):
            wrapper.detach()  # never close the process's own standard streams


def _raw_position(handle: TextIO) -> int | None:
    try:
        return handle.buffer.raw.tell()  # type: ignore[attr-defined, no-any-return]
    except (AttributeError, OSError, ValueError):
        return None


class _Fields:
    """The added output fields of each result, computed once per shared result object."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[BatchResult, tuple[str, str, str, str]]] = {}

    def of(self, result: BatchResult) -> tuple[str, str, str, str]:
        """``(outlet_id, outlet_name, compact labels, labels JSON)``."""
        if not result.labels:
            return result.outlet_id or "", result.outlet_name or "", "", "[]"
        kept = self._cache.get(id(result))
        if kept is not None and kept[0] is result:
            return kept[1]
        fields = (
            result.outlet_id or "",
            result.outlet_name or "",
            compact_labels(result.labels),
            json.dumps(result.labels.to_json(), ensure_ascii=False),
        )
        if len(self._cache) >= 1 << 16:
            self._cache.clear()
        self._cache[id(result)] = (result, fields)  # keeps the object alive: its id stays unique
        return fields


def label_file(
    source: str,
    target: str,
    *,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    format: str | None = None,
    progress: TextIO | None = None,
    max_problems: int = 20,
    compact: bool = False,
) -> BatchSummary:
    """Label every row of a CSV or JSON Lines file into a new file, streaming.

    Output rows keep the input's columns (or keys) and add ``outlet_id``,
    ``outlet_name``, ``labels`` and ``error``; CSV output also has
    ``labels_json``. In CSV ``labels`` is compact (``state-media=SC;sanctioned=EU``,
    see :func:`compact_labels`); in JSON Lines it is the full list of labels
    in JSON form. An empty (or missing, or ``null``) date means the date is
    unknown. Bad rows are written with empty labels and their ``error``, and
    the first ``max_problems`` are listed in the summary with their line
    numbers. With ``compact``, the labels are only written compact (CSV
    loses ``labels_json``; JSON Lines gets the compact text as ``labels``):
    files several times smaller, written several times faster, without the
    explanations and sources.

    Args:
        source: Input path, or ``-`` for standard input.
        target: Output path, or ``-`` for standard output.
        url_column: The column (key) holding URLs.
        date_column: The column holding dates, or ``None`` to label without dates.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        format: ``csv`` or ``jsonl``; default: from the input's extension.
        progress: Where to show progress (a terminal), or ``None``.
        max_problems: How many bad rows to list in the summary.
        compact: Write only the compact labels.

    Returns:
        The counts.

    Raises:
        BatchInputError: If the format is unknown, a column is missing, or
            the input already has a column the output adds.
        UnknownPolicyError: If the policy name is unknown.
        OSError: If a file cannot be read or written.
    """
    chosen = _infer_format(source if source != "-" else target, format)
    labeller = _labeller(registry, policy)
    started = time.monotonic()
    summary = BatchSummary()
    with _open_text(source, "r") as reader:
        size = None
        if progress is not None and source != "-":
            try:
                size = os.path.getsize(source)
            except OSError:
                size = None
        meter = _Progress(progress, size)
        try:
            with _open_text(target, "w") as writer:
                common = (reader, writer, labeller, url_column, date_column, summary, max_problems, meter, compact)
                if chosen == "csv":
                    _csv_rows(*common, _DIALECTS.get(Path(source).suffix.lower(), csv.excel))
                else:
                    _jsonl_rows(*common)
        finally:
            meter.close()
    summary.seconds = time.monotonic() - started
    return summary


def _count(summary: BatchSummary, result: BatchResult, line: int, max_problems: int) -> None:
    if result.ok:
        if result.outlet is None:
            summary.unknown += 1
        else:
            summary.labelled += 1
    else:
        summary.bad += 1
        if len(summary.problems) < max_problems:
            summary.problems.append(f"line {line}: {result.error}")


def _csv_rows(
    reader: TextIO,
    writer: TextIO,
    labeller: Labeller,
    url_column: str,
    date_column: str | None,
    summary: BatchSummary,
    max_problems: int,
    meter: _Progress,
    compact: bool,
    dialect: type[csv.Dialect],
) -> None:
    rows = csv.reader(reader, dialect)
    try:
        header = next(rows)
    except StopIteration:
        raise BatchInputError("the input is empty: expected a header row") from None
    except csv.Error as error:
        raise BatchInputError(f"line 1: {error}") from None
    url_index = _column(header, url_column, "URL")
    date_index = None if date_column is None else _column(header, date_column, "date")
    clash = [name for name in _ADDED if name in header]
    if clash:
        raise BatchInputError(f"the input already has column(s) {', '.join(map(repr, clash))}, which the output adds")
    out = csv.writer(writer, dialect)
    out.writerow([*header, *(_COMPACT_ADDED if compact else _ADDED)])
    current: list[str] = []
    line = 1

    def pairs() -> Iterator[tuple[object, object]]:
        nonlocal current, line
        while True:
            line = rows.line_num + 1
            try:
                current = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                raise BatchInputError(f"line {line}: {error}") from None
            url = current[url_index] if url_index < len(current) else ""
            at: object = None
            if date_index is not None and date_index < len(current):
                at = current[date_index].strip() or None
            yield url, at

    fields = _Fields()
    for result in labeller.label_many(pairs()):
        summary.rows += 1
        _count(summary, result, line, max_problems)
        added = fields.of(result)
        out.writerow([*current, *(added[:3] if compact else added), "" if result.ok else str(result.error)])
        if not summary.rows & 4095:
            meter.update(summary.rows, _raw_position(reader))


def _column(header: Sequence[str], name: str, what: str) -> int:
    try:
        return list(header).index(name)
    except ValueError:
        known = ", ".join(repr(column) for column in header[:12])
        raise BatchInputError(f"no {what} column {name!r} in the header (columns: {known})") from None


def _jsonl_rows(
    reader: TextIO,
    writer: TextIO,
    labeller: Labeller,
    url_column: str,
    date_column: str | None,
    summary: BatchSummary,
    max_problems: int,
    meter: _Progress,
    compact: bool,
) -> None:
    decode = json.JSONDecoder().decode
    current: dict[str, Any] | None = None
    problem: str | None = None
    line = 0
    checked = False

    def pairs() -> Iterator[tuple[object, object]]:
        nonlocal current, problem, line, checked
        for text in reader:
            line += 1
            if not text.strip():
                continue
            current, problem = None, None
            try:
                value = decode(text)
            except ValueError as error:
                problem = f"not JSON ({error})"
            else:
                if isinstance(value, dict):
                    current = value
                else:
                    problem = f"not a JSON object but {type(value).__name__}"
            if current is None:
                yield None, None  # reported as a bad row below
                continue
            if not checked:
                checked = True
                if url_column not in current:
                    raise BatchInputError(f"line {line}: no URL key {url_column!r} (keys: {', '.join(current)[:200]})")
            at = None if date_column is None else current.get(date_column)
            if isinstance(at, str):
                at = at.strip() or None
            yield current.get(url_column), at

    fields = _Fields()
    for result in labeller.label_many(pairs()):
        summary.rows += 1
        if current is None:
            summary.bad += 1
            message = f"line {line}: {problem}"
            if len(summary.problems) < max_problems:
                summary.problems.append(message)
            writer.write(json.dumps({"line": line, "error": problem}, ensure_ascii=False) + "\n")
            continue
        _count(summary, result, line, max_problems)
        outlet_id, outlet_name, compact_text, labels_json = fields.of(result)
        if compact:
            labels_json = json.dumps(compact_text, ensure_ascii=False)
        added: dict[str, object] = {
            "outlet_id": outlet_id or None,
            "outlet_name": outlet_name or None,
            "labels": None,  # set below
            "error": None if result.ok else str(result.error),
        }
        if result.ok and not any(name in current for name in _ADDED):
            body = json.dumps(current, ensure_ascii=False)
            extra = (
                f'"outlet_id": {json.dumps(added["outlet_id"])}, '
                f'"outlet_name": {json.dumps(added["outlet_name"], ensure_ascii=False)}, '
                f'"labels": {labels_json}, "error": null'
            )
            writer.write(body[:-1] + (", " if len(body) > 2 else "") + extra + "}\n")
        else:
            if result.ok:
                added["labels"] = json.loads(labels_json)
            else:
                added["labels"] = "" if compact else []
            current.update(added)
            writer.write(json.dumps(current, ensure_ascii=False) + "\n")
        if not summary.rows & 4095:
            meter.update(summary.rows, _raw_position(reader))


# -- data frames and Dask ----------------------------------------------------------


def _missing(value: object) -> bool:
    """Whether a data-frame cell means "no value" (None, NaN, NaT, pandas.NA)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return value.__class__.__name__ == "NAType"


def label_frame(
    frame: Any,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
) -> Any:
    """Label the rows of a pandas data frame: a copy with the added columns.

    The added columns are ``outlet_id``, ``outlet_name``, ``labels``
    (compact, see :func:`compact_labels`), ``labels_json`` and ``error``
    (``None`` for good rows), all of object dtype. Missing dates (``None``,
    ``NaN``, ``NaT``) mean the date is unknown.

    Args:
        frame: A :class:`pandas.DataFrame`.
        url_column: The column of URLs.
        date_column: The column of dates, or ``None``.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        The labelled copy.
    """
    urls = frame[url_column].tolist()
    if date_column is None:
        dates: list[object] = [None] * len(urls)
    else:
        dates = [None if _missing(value) else value for value in frame[date_column].tolist()]
    columns: dict[str, list[str | None]] = {name: [] for name in _ADDED}
    fields = _Fields()
    for result in label_many(zip(urls, dates, strict=True), policy, registry):
        outlet_id, outlet_name, compact, labels_json = fields.of(result)
        columns["outlet_id"].append(outlet_id or None)
        columns["outlet_name"].append(outlet_name or None)
        columns["labels"].append(compact)
        columns["labels_json"].append(labels_json)
        columns["error"].append(None if result.ok else str(result.error))
    out = frame.copy()
    for name, values in columns.items():
        out[name] = _object_series(values, frame.index)
    return out


def _object_series(values: list[str | None], index: Any) -> Any:
    pandas: Any = importlib.import_module("pandas")
    return pandas.Series(values, index=index, dtype=object)


def _label_record(record: object, url_column: str, date_column: str | None, result: BatchResult) -> dict[str, Any]:
    base = dict(record) if isinstance(record, dict) else {"url": record[0], "date": record[1]}  # type: ignore[index]
    base.update(
        outlet_id=result.outlet_id,
        outlet_name=result.outlet_name,
        labels=result.labels.to_json(),
        error=None if result.ok else str(result.error),
    )
    return base


def _label_records(
    records: Iterable[object],
    url_column: str,
    date_column: str | None,
    policy: str | Policy,
    registry: Registry | None,
) -> list[dict[str, Any]]:
    kept: list[object] = []

    def pairs() -> Iterator[tuple[object, object]]:
        for record in records:
            kept.append(record)
            if isinstance(record, dict):
                at = None if date_column is None else record.get(date_column)
                yield record.get(url_column), None if _missing(at) else at
            else:
                pair: Any = record
                url, at = pair
                yield url, None if _missing(at) else at

    return [
        _label_record(kept[number], url_column, date_column, result)
        for number, result in enumerate(label_many(pairs(), policy, registry))
    ]


def _dask() -> Any:
    try:
        return importlib.import_module("dask")
    except ImportError:
        raise MissingExtraError(
            "label_dask needs Dask: pip install 'source-provenance[dask]' (or dask[dataframe] and pandas)"
        ) from None


def label_dask(
    data: Any,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
) -> Any:
    """Label a Dask data frame or bag, partition by partition, with :func:`label_many`.

    A data frame gets the columns :func:`label_frame` adds. A bag of dicts
    gets the keys ``outlet_id``, ``outlet_name``, ``labels`` (the labels in
    JSON form) and ``error``; a bag of ``(url, date)`` pairs becomes a bag
    of such dicts with ``url`` and ``date`` keys. Nothing is computed until
    you ask (``.compute()``, ``.to_parquet()``...).

    The registry travels to the workers small: a registry loaded from files
    pickles as the data version plus the overlay paths and is rebuilt there
    (the paths must exist on the workers); ``None`` means the shipped data.

    Args:
        data: A :class:`dask.dataframe.DataFrame` or :class:`dask.bag.Bag`.
        url_column: The column (key) of URLs.
        date_column: The column (key) of dates, or ``None``.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        The lazy labelled data frame or bag.

    Raises:
        MissingExtraError: If Dask is not installed.
        TypeError: If ``data`` is neither a Dask data frame nor a bag.
        UnknownPolicyError: If the policy name is unknown.
    """
    _dask()
    get_policy(policy)
    bag: Any = importlib.import_module("dask.bag")
    if isinstance(data, bag.Bag):
        return data.map_partitions(_label_records, url_column, date_column, policy, registry)
    frames: Any = importlib.import_module("dask.dataframe")
    if isinstance(data, frames.DataFrame):
        meta = data._meta.copy()
        for name in _ADDED:
            meta[name] = _object_series([], meta.index)
        return data.map_partitions(label_frame, url_column, date_column, policy, registry, meta=meta)
    raise TypeError(f"expected a Dask DataFrame or Bag, got {type(data).__name__}")
