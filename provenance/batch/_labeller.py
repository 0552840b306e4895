"""The :class:`Labeller`: labels URLs at dates against one registry, sharing work across rows.

How it is fast: most rows need two dictionary lookups, one for the URL's
prefix and one for its date text. A prefix seen for the first time is read
through its network location (see ``_urls``; anything unusual goes through
:func:`~provenance.domains.normalize_host`): a plain host whose last two
and last three labels are not those of a claimed or rated host gets one
shared empty result without being resolved; each distinct network location,
host and date text is read once; and, under a policy
whose :attr:`~provenance.policies.Policy.segment_shareable` is set, a label
set is computed once per outlet and *segment* of constant facts (see
``_segments``). Two dates in the same segment get the very same immutable
result object. Dates given as a year or a month are windows, as for
:func:`~provenance.labelling.label_url`. The caches are bounded and only
ever hold values computed from the immutable registry, so threads may share
a labeller.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs

from provenance.batch._links import BY_URL, ByURL, PathClaims, url_labelled
from provenance.batch._results import EMPTY, BadRow, BatchResult, Labelled
from provenance.batch._segments import (
    NO_DATE,
    ClaimedHost,
    Match,
    SharedClaims,
    claims_points,
    day_key,
    key_of_window,
    outlet_points,
    segment_span,
    window_of_key,
)
from provenance.batch._urls import (
    has_no_named_suffix,
    host_of_netloc,
    is_bare,
    netloc_of_prefix,
    prefix_of,
    tails_of,
)
from provenance.dates import Interval, PartialDate, When, as_window
from provenance.domains import MAX_INPUT, candidate_hosts, normalize_host
from provenance.errors import DateParseError, InvalidURLError
from provenance.labelling import (
    after_claims,
    claimed_labels,
    host_labels,
    label_outlet,
    publication_window,
)
from provenance.labels import LabelSet
from provenance.links import may_wrap
from provenance.model import DomainClaim, Organization, Outlet
from provenance.policies import Policy, get_policy
from provenance.rating_labels import host_rating_labels
from provenance.registry import Registry, default_registry

_K = TypeVar("_K")
_V = TypeVar("_V")

_PREFIX_LIMIT = 1 << 18
_HOST_LIMIT = 1 << 18
_DATE_LIMIT = 1 << 16
_OUTLET_LIMIT = 1 << 16

_Entry = ClaimedHost | Labelled | ByURL
"""What is known about a host: its one result when no outlet claims it, its segments, or ``BY_URL``."""
BAD_DATES = ("error", "unknown")
"""What ``bad_dates`` may say about a row whose date cannot be read: a bad row, or labelled as undated."""


def check_bad_dates(bad_dates: str) -> None:
    """Refuse a ``bad_dates`` value other than ``"error"`` and ``"unknown"``.

    Raises:
        ValueError: If it is another value.
    """
    if bad_dates not in BAD_DATES:
        raise ValueError(f"bad_dates must be 'error' or 'unknown', not {bad_dates!r}")


_AFTER_CLAIMS = "after claims"
"""What matched in a segment where no claim holds but one ended before: read per row (the URL's path may date it)."""


def _keep(cache: dict[_K, _V], key: _K, value: _V, limit: int) -> _V:
    """Put a value in a bounded cache (emptied when full) and return it."""
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value
    return value


def _reason(error: InvalidURLError | DateParseError, lead: str) -> str | None:
    """The reason an error was raised with, to raise it again alike; ``None`` if its message is not the usual."""
    head = f"{lead} {error.value!r}: "
    message = str(error)
    return message[len(head) :] if message.startswith(head) else None


class Labeller:
    """Labels URLs at dates against one registry under one policy, sharing work across rows.

    :func:`~provenance.batch.label_many` uses a labeller kept on the registry
    for each shipped policy; make your own to label under a custom
    :class:`~provenance.policies.Policy` or to keep its caches to yourself.

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
        # Results are shared per segment only when the policy says its labels depend on nothing else.
        self._segmented = self.policy.segment_shareable
        self._prefixes: dict[str, _Entry] = {}  # by prefix_of(url); for bare hosts of 8+ characters, the netloc
        self._netlocs: dict[str, _Entry] = {}  # by the network location of http(s) and bare URLs
        self._bad_dates: dict[str, tuple[object, str]] = {}  # text -> what DateParseError was raised with
        self._bad_urls: dict[str, tuple[object, str]] = {}  # the same for InvalidURLError
        self._hosts: dict[str, _Entry] = {}
        self._claims: dict[tuple[str, ...], SharedClaims] = {}
        self._days: dict[str, int] = {}  # ISO day texts (YYYY-MM-DD), read by date.fromisoformat, in any order
        self._dates: dict[object, int] = {None: NO_DATE}  # other date texts, partial dates and intervals
        # The same two caches for texts read day-first (True) and month-first (False); the above: dayfirst=None.
        self._ordered: dict[bool, tuple[dict[object, int], dict[str, tuple[object, str]]]] = {
            True: ({None: NO_DATE}, {}),
            False: ({None: NO_DATE}, {}),
        }
        self._windows: dict[int, PartialDate | Interval | None] = {}  # by date key
        self._outlet_points: dict[str, list[int]] = {}
        self._outlet_labels: dict[tuple[str, int, int], LabelSet] = {}
        self._after: dict[tuple[str, int, object], Labelled] = {}  # see _after_claims
        # The one result of every host that no outlet claims and nobody rates.
        self._unclaimed = Labelled(None, None, None, EMPTY)
        self._claimed = self.registry.claimed_hosts()
        self._paths = PathClaims.of(self.registry)  # rows on their hosts, and on hosts that may wrap links: _by_url
        self._plain: dict[str, ClaimedHost | Labelled] = {}  # such hosts' own entries, for rows no path claim matches
        self._tails = tails_of([*self._claimed, *self.registry.rated_hosts()])

    # -- one row ------------------------------------------------------------

    def result(self, url: str, at: When = None, *, dayfirst: bool | None = None) -> Labelled:
        """The result for one URL at a date.

        Args:
            url: A URL or host name.
            at: When it was published or shared; ``None`` when unknown.
            dayfirst: How to read a numeric date in text (see :func:`~provenance.dates.parse_date`).

        Returns:
            The outlet, claim and labels.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` cannot be read.
        """
        entry = self._host_entry(normalize_host(url))
        key = self._date_key(at, dayfirst)
        if isinstance(entry, ByURL):
            return self._by_url(url, key)
        return entry if isinstance(entry, Labelled) else self._claimed_result(entry, key, url)

    def label(self, url: str, at: When = None, *, dayfirst: bool | None = None) -> LabelSet:
        """The labels of one URL at a date: the same as :func:`~provenance.labelling.label_url`.

        Args:
            url: A URL or host name.
            at: When it was published or shared; ``None`` when unknown.
            dayfirst: How to read a numeric date in text (see :func:`~provenance.dates.parse_date`).

        Returns:
            The labels.

        Raises:
            InvalidURLError: If ``url`` has no valid host.
            DateParseError: If ``at`` cannot be read.
        """
        return self.result(url, at, dayfirst=dayfirst).labels

    # -- many rows ----------------------------------------------------------

    def label_many(
        self, rows: Iterable[tuple[object, object]], *, dayfirst: bool | None = None, bad_dates: str = "error"
    ) -> Iterator[BatchResult]:
        """One result per ``(url, date)`` row, in order; see :func:`~provenance.batch.label_many`.

        Args:
            rows: ``(url, date)`` pairs; the date may be ``None``, text, a
                :class:`datetime.date` or a :class:`~provenance.dates.PartialDate`.
            dayfirst: How to read a numeric date in text (see :func:`~provenance.dates.parse_date`).
            bad_dates: ``"error"``: a row whose date cannot be read is a bad row;
                ``"unknown"``: it is labelled as undated, its ``date_error`` saying why.

        Returns:
            An iterator of a :class:`~provenance.batch.Labelled` or a :class:`~provenance.batch.BadRow`
            per row, each yielded before the next row is read; it raises ``TypeError`` if a row is not a pair.

        Raises:
            ValueError: If ``bad_dates`` is neither ``"error"`` nor ``"unknown"`` (at once).
        """
        check_bad_dates(bad_dates)
        return self._label_rows(rows, dayfirst, bad_dates == "unknown")

    def _label_rows(
        self, rows: Iterable[tuple[object, object]], dayfirst: bool | None, undated: bool
    ) -> Iterator[BatchResult]:
        """The hot loop of :meth:`label_many`."""
        by_prefix, known_day, date_key = self._prefixes.get, self._days.get, self._date_key  # bound once
        for number, row in enumerate(rows, 1):
            try:
                url, at = row
            except (TypeError, ValueError):
                raise TypeError(f"row {number} is not a (url, date) pair: {row!r:.80}") from None
            try:
                entry = None
                if isinstance(url, str) and len(url) <= MAX_INPUT:
                    end = url.find("/", 8)  # prefix_of(url), inlined
                    entry = by_prefix(url[:end] if end >= 0 else url)
                if entry is None:
                    entry = self._entry(url)
                key = known_day(at) if at.__class__ is str else NO_DATE if at is None else None
                if key is None:
                    key = date_key(at, dayfirst)
                if entry is BY_URL:  # the answer depends on the whole URL (an account, a wrapped link)
                    entry = self._by_url(url, key)  # type: ignore[arg-type]
            except (InvalidURLError, DateParseError) as error:
                yield self._bad_row(number, url, at, error, entry if undated else None)
                continue
            if isinstance(entry, Labelled):
                yield entry
            else:
                result = entry.by_segment.get(entry.segment(key))  # type: ignore[union-attr]  # BY_URL went above
                yield result if result is not None else self._claimed_result(entry, key, url)  # type: ignore[arg-type]

    def _bad_row(
        self, number: int, url: object, at: object, error: InvalidURLError | DateParseError, entry: _Entry | None
    ) -> BatchResult:
        """A bad row; or, given the entry of a row whose URL was read but not its date, the row labelled undated."""
        if entry is None or not isinstance(error, DateParseError):
            return BadRow(number, url, at, error)
        if isinstance(entry, ByURL):
            try:
                return attrs.evolve(self._by_url(url, NO_DATE), date_error=error)  # type: ignore[arg-type]
            except InvalidURLError as bad:
                return BadRow(number, url, at, bad)
        result = entry if isinstance(entry, Labelled) else self._claimed_result(entry, NO_DATE, url)  # type: ignore[arg-type]
        return attrs.evolve(result, date_error=error)

    # -- hosts --------------------------------------------------------------

    def _entry(self, url: object) -> _Entry:
        """The entry of a URL whose prefix is not cached yet (or that needs the general path).

        Raises:
            InvalidURLError: If ``url`` has no valid host.
        """
        if not isinstance(url, str) or len(url) > MAX_INPUT:
            return self._host_entry(normalize_host(url))  # type: ignore[arg-type]  # raises InvalidURLError
        bad = self._bad_urls.get(url)
        if bad is not None:
            raise InvalidURLError(*bad)
        prefix = prefix_of(url)
        netloc = netloc_of_prefix(prefix)
        if netloc is not None:  # http(s)://netloc: the host depends on the netloc alone
            entry = self._netloc_entry(netloc)
            if entry is not None:
                return _keep(self._prefixes, prefix, entry, _PREFIX_LIMIT)
        elif is_bare(url):  # netloc/path: likewise
            entry = self._bare_entry(url)
            if entry is not None:
                return entry
        return self._general_entry(url)

    def _netloc_entry(self, netloc: str) -> _Entry | None:
        """The entry of a network location, cached; ``None`` when it needs the general path."""
        known = self._netlocs.get(netloc)
        if known is not None:
            return known
        host = host_of_netloc(netloc)
        if host is None:
            return None
        if has_no_named_suffix(netloc, self._tails) and not self._paths.by_url(host):
            entry: _Entry = self._unclaimed  # label_url gives empty labels: no need to look further
        else:
            entry = self._host_entry(host)
        return _keep(self._netlocs, netloc, entry, _PREFIX_LIMIT)

    def _bare_entry(self, url: str) -> _Entry | None:
        """The entry of a URL without a scheme (``rt.com/x``); ``None`` when it needs the general path."""
        netloc = url.partition("/")[0]
        entry = self._netloc_entry(netloc)
        if entry is not None and len(netloc) >= 8 and ":" not in netloc:
            # The hot loop's key for "netloc/..." (and for "netloc" alone) is exactly this netloc: a scheme
            # URL's key always holds "://", so the two kinds of key never collide.
            _keep(self._prefixes, netloc, entry, _PREFIX_LIMIT)
        return entry

    def _general_entry(self, url: str) -> _Entry:
        """The entry of a URL read by ``normalize_host``, remembering what it refused (junk often comes again)."""
        try:
            host = normalize_host(url)
        except InvalidURLError as error:
            reason = _reason(error, "not a usable URL or host")
            if reason is not None and len(url) <= 200:
                _keep(self._bad_urls, url, (error.value, reason), _DATE_LIMIT)
            raise
        return self._host_entry(host)

    def _host_entry(self, host: str) -> _Entry:
        """What is known about a host: its result when no outlet claims it, else its segments."""
        known = self._hosts.get(host)
        if known is not None:
            return known
        if self._paths.by_url(host):
            return _keep(self._hosts, host, BY_URL, _HOST_LIMIT)
        return _keep(self._hosts, host, self._claims_entry(host), _HOST_LIMIT)

    def _claims_entry(self, host: str) -> ClaimedHost | Labelled:
        """What a host's own claims say (its result when no outlet claims it, else its segments)."""
        keys = tuple(key for key in candidate_hosts(host) if key in self._claimed)
        # No claim: label_url gives only the host's ratings, whatever the date.
        return ClaimedHost(host, self._shared_claims(keys)) if keys else self._unclaimed_result(host)

    def _shared_claims(self, keys: tuple[str, ...]) -> SharedClaims:
        """Hosts with the same claimed suffixes (de.rt.com, www2.rt.com...) match alike at every date."""
        shared = self._claims.get(keys)
        if shared is None:
            shared = _keep(
                self._claims, keys, SharedClaims(claims_points(self.registry, keys, self._points)), _HOST_LIMIT
            )
        return shared

    def _points(self, outlet: Outlet | Organization) -> list[int]:
        """First days of the segments over which an outlet's labels cannot change (cached)."""
        found = self._outlet_points.get(outlet.id)
        if found is None:
            found = outlet_points(self.registry, outlet, self.policy)
            _keep(self._outlet_points, outlet.id, found, _OUTLET_LIMIT)
        return found

    # -- dates --------------------------------------------------------------

    def _date_key(self, at: object, dayfirst: bool | None = None) -> int:
        """The date key of a date (see ``_segments``), each text and partial date read once per ``dayfirst``.

        Raises:
            DateParseError: If ``at`` cannot be read.
        """
        if isinstance(at, str):
            known = self._days.get(at) if len(at) == 10 and at[7] == "-" else None
            if known is None:
                known = (self._dates if dayfirst is None else self._ordered[dayfirst][0]).get(at)
            return known if known is not None else self._read_text(at, dayfirst)
        if isinstance(at, datetime.date):  # dates and datetimes: the day, as as_partial_date reads it
            return day_key(at.toordinal())
        if at is None:
            return NO_DATE
        known = self._dates.get(at) if isinstance(at, PartialDate | Interval) else None  # read alike in any order
        return known if known is not None else self._read_date(at, dayfirst)

    def _read_text(self, at: str, dayfirst: bool | None) -> int:
        """The date key of a text read for the first time: an ISO day at once, anything else by ``as_window``."""
        if len(at) == 10 and at[7] == "-":
            # In this shape date.fromisoformat reads only YYYY-MM-DD, and parse_date reads it alike whatever
            # dayfirst says (ISO is never ambiguous); what it refuses (2019-02-30) goes the general way.
            try:
                day = datetime.date.fromisoformat(at).toordinal()
            except ValueError:
                pass
            else:
                return _keep(self._days, at, day_key(day), _DATE_LIMIT)
        return self._read_date(at, dayfirst)

    def _read_date(self, at: object, dayfirst: bool | None) -> int:
        """The date key of a date read by ``as_window``, remembering text it could not read (dateutil is slow)."""
        dates, bad_dates = (self._dates, self._bad_dates) if dayfirst is None else self._ordered[dayfirst]
        bad = bad_dates.get(at) if isinstance(at, str) else None
        if bad is not None:
            raise DateParseError(*bad)
        try:
            window = as_window(at, dayfirst=dayfirst)  # type: ignore[arg-type]
        except DateParseError as error:
            reason = _reason(error, "cannot read date")
            if isinstance(at, str) and reason is not None:
                _keep(bad_dates, at, (error.value, reason), _DATE_LIMIT)
            raise
        assert window is not None
        key = key_of_window(window)
        if isinstance(at, str | PartialDate | Interval):
            dates = dates if isinstance(at, str) else self._dates
            if len(dates) >= _DATE_LIMIT:
                dates.clear()
                dates[None] = NO_DATE
            dates[at] = key
        return key

    # -- results ------------------------------------------------------------

    def _claimed_result(self, entry: ClaimedHost, key: int, url: str) -> Labelled:
        """The result for a claimed host at a date key: its segment's result, computed on first use.

        Where no claim holds but one ended before, the result is the row's own
        (the URL's path may date the page) and is not kept.
        """
        if not self._segmented:  # the policy may read the window itself: no sharing across dates
            match = self._match(entry.host, key)
            return (
                self._after_claims(entry.host, url, key)
                if isinstance(match, str)
                else self._labelled(entry.host, match)
            )
        segment = entry.segment(key)
        result = entry.by_segment.get(segment)
        if result is None:
            shared = entry.claims.by_segment
            if segment not in shared:
                shared[segment] = self._match(entry.host, key)
            match = shared[segment]
            if isinstance(match, str):  # _AFTER_CLAIMS
                return self._after_claims(entry.host, url, key)
            result = entry.by_segment[segment] = self._labelled(entry.host, match)
        return result

    def _by_url(self, url: str, key: int) -> Labelled:
        """The result for a row on a host whose answer may depend on the whole URL (see ``_links``).

        A link no wrapper wraps and no path claim matches is its host's (kept per host); any other is
        labelled by its whole URL (not kept).
        """
        host = normalize_host(url)
        if not may_wrap(host) and not self._paths.matches(host, url):
            entry = self._plain.get(host)
            if entry is None:
                entry = _keep(self._plain, host, self._claims_entry(host), _HOST_LIMIT)
            return entry if isinstance(entry, Labelled) else self._claimed_result(entry, key, url)
        return url_labelled(self.registry, url, self._window(key), self._outlet_labels_at)

    def _window(self, key: int) -> PartialDate | Interval | None:
        """The window of a date key, made once per key."""
        window = self._windows.get(key)
        if window is None and key != NO_DATE:
            window = _keep(self._windows, key, window_of_key(key), _DATE_LIMIT)
        return window

    def _match(self, host: str, key: int) -> Match | str | None:
        """The claims label_url finds for a host at a date key, the first one's outlet and name, the outlets' labels.

        ``_AFTER_CLAIMS`` when none holds but one ended before (see :meth:`_after_claims`).
        """
        window = self._window(key)
        matches = self.registry.claims_for_host(host, window)
        if not matches:
            return None
        if after_claims(self.registry, matches, window):
            return _AFTER_CLAIMS
        return self._matched(host, matches, window)

    def _matched(
        self,
        host: str,
        matches: tuple[tuple[DomainClaim, PartialDate | Interval | None], ...],
        window: PartialDate | Interval | None,
    ) -> Match:
        """The match of claims found for a host at a window."""
        claim, when = matches[0]
        outlet = self.registry.lookup(claim.outlet)
        assert isinstance(outlet, Outlet)
        labels = claimed_labels(self.registry, host, matches, window, self._outlet_labels_at)
        return claim, outlet, outlet.name_at(when), labels, matches

    def _after_claims(self, host: str, url: str, key: int) -> Labelled:
        """The result of a row whose host no claim holds at its date, but one held before (read with its URL's path).

        Kept by host, date and the window the claims found apply over (the
        claim's days, or the day the path gives), which decide the result.
        """
        window = self._window(key)
        matches = self.registry.claims_for_host(host, window, url)
        kept = (host, key, matches[0][1])
        result = self._after.get(kept)
        if result is None:
            result = _keep(self._after, kept, self._labelled(host, self._matched(host, matches, window)), _HOST_LIMIT)
        return result

    def _labelled(self, host: str, match: Match | None) -> Labelled:
        """The result for a host, adding what is the host's own: label_url's mirror label and host ratings."""
        if match is None:
            return self._unclaimed_result(host)
        claim, outlet, name, labels, matches = match
        when = matches[0][1]
        return Labelled(outlet, name, claim, host_labels(self.registry, host, claim, labels, when, matches))

    def _unclaimed_result(self, host: str) -> Labelled:
        """The result for a host no outlet claims: the shared empty one, or its host ratings."""
        ratings = host_rating_labels(self.registry, host)
        return Labelled(None, None, None, LabelSet(ratings)) if ratings else self._unclaimed

    def _outlet_labels_at(self, outlet: Outlet, window: PartialDate | Interval | None) -> LabelSet:
        """An outlet's labels at a window, computed once per pair of segments (or per window, unsegmented)."""
        lo, _, _, hi = publication_window(outlet, window).bounds()
        key = (outlet.id, *segment_span(self._points(outlet), lo, hi)) if self._segmented else (outlet.id, lo, hi)
        labels = self._outlet_labels.get(key)
        if labels is None:
            labels = _keep(
                self._outlet_labels, key, label_outlet(outlet, window, self.policy, self.registry), _OUTLET_LIMIT
            )
        return labels


def labeller_for(registry: Registry | None, policy: str | Policy) -> Labeller:
    """The labeller kept on the registry for a segment-shareable policy, or a new one for any other.

    Raises:
        UnknownPolicyError: If the policy name is unknown.
    """
    registry = registry if registry is not None else default_registry()
    chosen = get_policy(policy)
    if not chosen.segment_shareable:
        return Labeller(registry, chosen)
    kept = registry.derived(("provenance.batch", chosen.name), lambda owner: Labeller(owner, chosen))
    return kept if kept.policy == chosen else Labeller(registry, chosen)  # another policy of that name came first


def label_many(
    rows: Iterable[tuple[object, object]],
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    dayfirst: bool | None = None,
    bad_dates: str = "error",
) -> Iterator[BatchResult]:
    """Label ``(url, date)`` rows, one result per row, in order, streaming.

    Each :class:`~provenance.batch.Labelled` result's ``labels`` equal
    ``label_url(url, date, policy, registry)``. A row whose URL or date
    cannot be read gives a :class:`~provenance.batch.BadRow` with the error
    :func:`~provenance.labelling.label_url` would raise, and the rest goes
    on. The n-th result is yielded before row n + 1 is read, so a caller may
    pair results with rows it keeps aside.

    Dates in text are read as :func:`~provenance.dates.parse_date` reads
    them: a numeric date that could be day-first or month-first
    (``10.11.2014``) is a bad row unless ``dayfirst`` gives the order. With
    ``bad_dates="unknown"``, a row whose URL can be read but not its date is
    labelled as if it had no date (as ``label_url(url, None)``), and its
    result's ``date_error`` says why; with ``"error"`` (the default) it is a
    :class:`~provenance.batch.BadRow`.

    Args:
        rows: ``(url, date)`` pairs; the date may be ``None`` (unknown), text,
            a :class:`datetime.date` or a :class:`~provenance.dates.PartialDate`.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        dayfirst: ``True`` to read numeric dates day-first, ``False`` month-first,
            ``None`` to refuse those that could be either.
        bad_dates: ``"error"`` or ``"unknown"``: what a row whose date cannot be read becomes.

    Returns:
        An iterator of :class:`~provenance.batch.Labelled` and :class:`~provenance.batch.BadRow` results.

    Raises:
        UnknownPolicyError: If the policy name is unknown (at once, before any row is read).
        ValueError: If ``bad_dates`` is neither ``"error"`` nor ``"unknown"`` (at once).
    """
    return labeller_for(registry, policy).label_many(rows, dayfirst=dayfirst, bad_dates=bad_dates)
