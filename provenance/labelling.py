"""Label URLs and outlets at a date, and explain every label.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "vor", "name": "Voice of Russia", "country": "RU", "kind": "radio",
...               "start": "1993-12-22", "end": "2014-11-10"},
...              {"id": "radio-sputnik", "name": "Radio Sputnik", "country": "RU", "kind": "radio",
...               "start": "2014-11-10"}],
...     relations=[{"subject": "state-ru", "kind": kind, "object": "vor"}
...                for kind in ("owns", "funds", "controls-editorially")],
...     successions=[{"predecessor": "vor", "successor": "radio-sputnik", "kind": "replaced-by",
...                   "date": "2014-11-10"}],
...     domains=[{"host": "ruvr.ru", "outlet": "vor"}])
>>> labels = label_url("http://ruvr.ru/2012/x.html", at="2012-08-16", registry=reg)
>>> [(label.kind, label.value, label.certainty) for label in labels]
[('state-media', 'SC', 'certain'), ('defunct', '2014-11-10', 'certain'), ('succeeded-by', 'radio-sputnik', 'certain')]
>>> print(disclosure(labels, registry=reg))
Voice of Russia was a Russian state-controlled radio broadcaster (1993-2014); it was replaced by Radio Sputnik in 2014.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

import attrs

from provenance.countries import country_adjective, country_name
from provenance.dates import ONGOING, Interval, PartialDate, Truth, When, as_window
from provenance.domains import normalize_host
from provenance.labels import CERTAIN, POSSIBLE, Evidence, Label, LabelSet
from provenance.links import unwrap_link
from provenance.model import DomainClaim, Outlet
from provenance.policies import TYPOLOGY_NAMES, OutletFacts, Policy, certainty_of, get_policy, with_article
from provenance.rating_labels import host_rating_labels, outlet_rating_labels, rates_this_host
from provenance.registry import Registry, default_registry

__all__ = [
    "after_claims",
    "claimed_labels",
    "disclosure",
    "explain",
    "host_labels",
    "label_outlet",
    "label_url",
    "mirror_label",
    "publication_window",
]

_SUCCESSION_VERBS = {"renamed": "renamed", "merged-into": "merged into", "replaced-by": "replaced by"}

_KIND_WORDS = {
    "broadcaster": "broadcaster",
    "tv-channel": "television channel",
    "radio": "radio broadcaster",
    "news-agency": "news agency",
    "newspaper": "newspaper",
    "magazine": "magazine",
    "website": "news site",
    "aggregator": "aggregator",
}


def publication_window(outlet: Outlet, at: When) -> Interval:
    """The days something from ``outlet`` dated ``at`` could date from.

    The date asked (or, with none, all time) narrowed to the outlet's
    lifetime, as exact days.

    >>> vor = Outlet("vor", "Voice of Russia", kind="radio", country="RU",
    ...              lifetime=Interval.parse("1993-12-22", "2014-11-10"))
    >>> publication_window(vor, "2014")
    Interval('2014-01-01..2014-11-10')
    """
    asked = as_window(at)
    window = Interval() if asked is None else Interval.of(asked) if isinstance(asked, PartialDate) else asked
    lo, _, _, hi = window.bounds()
    life_lo, _, _, life_hi = outlet.lifetime.bounds()
    start, end = max(lo, life_lo), min(hi, life_hi)
    if start > end:  # the outlet did not exist then: keep the date asked
        start, end = lo, hi
    return Interval.from_days(start, end)


def label_outlet(
    outlet: Outlet | str,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    dayfirst: bool | None = None,
) -> LabelSet:
    """Every label of an outlet at a date, under a policy.

    Args:
        outlet: The outlet or its id.
        at: When (a date, partial date, text, or window); ``None`` when unknown:
            the outlet's whole lifetime is the window.
        policy: A policy name (``typology``, ``x-2020``, ``meta-2020``,
            ``youtube-2018``) or a :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        dayfirst: How to read a numeric date in text: ``True`` day-first,
            ``False`` month-first, ``None`` refuse one that could be either
            (see :func:`~provenance.dates.parse_date`).

    Returns:
        The policy's state-media labels, then sanctions, ``defunct`` and
        ``succeeded-by`` context, and ratings.

    Raises:
        UnknownIdError: If the id is not in the registry.
        UnknownPolicyError: If the policy name is unknown.
        DateParseError: If ``at`` cannot be read.
    """
    registry = registry if registry is not None else default_registry()
    chosen = get_policy(policy)
    record = registry.lookup(outlet) if isinstance(outlet, str) else outlet
    if not isinstance(record, Outlet):
        raise TypeError(f"{record.id!r} is an organisation, not an outlet")
    facts = OutletFacts.gather(registry, record, publication_window(record, as_window(at, dayfirst=dayfirst)))
    labels = [
        *chosen.label(facts),
        *_sanctions(facts),
        *_context(facts),
        *outlet_rating_labels(registry, record.id),
    ]
    return LabelSet(labels, outlet=record)


def label_url(
    url: str,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    dayfirst: bool | None = None,
) -> LabelSet:
    """Every label of the outlet behind a URL at a date, plus host-level labels.

    Args:
        url: A URL or host name.
        at: When the URL was published or shared; ``None`` when unknown.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        dayfirst: How to read a numeric date in text (see :func:`label_outlet`).

    The outlet is the one whose claim on the host (or a domain above it) may
    hold at ``at`` (see :meth:`~provenance.registry.Registry.claims_for_host`).
    When the date spans a change of the host's claim, every outlet it allows
    is labelled, each label ``possible``. When no claim holds at ``at`` (a
    link shared after its domain's end), the outlet of the latest claim that
    ended before it is labelled over the days that claim held, or at the
    date in the URL's path; each of its labels says so in its basis.

    A shared link wrapped by a redirect, an AMP cache or an archive copy is
    unwrapped first (:func:`~provenance.links.unwrap_link`) and the page
    inside is labelled; an archive copy's day bounds the date (the page
    existed by then: see :func:`no_later_than`).

    Returns:
        The labels; empty when no outlet claims the host and nobody rated it.
        The set's ``link`` says what was unwrapped, or that the link is a
        shortened one whose target is unknown offline (``None`` when neither).
        The set also says what was matched: its ``host`` (normalised), its
        ``claim`` (the one :meth:`~provenance.registry.Registry.claim_for_url`
        gives) and that claim's ``outlet``; both ``None`` for a host no outlet
        claims. When the date spans a change of claim, they are the first
        claim's, and the labels are ``possible``.

    Raises:
        InvalidURLError: If ``url`` has no valid host.
        UnknownPolicyError: If the policy name is unknown.
        DateParseError: If ``at`` cannot be read.
    """
    registry = registry if registry is not None else default_registry()
    link = unwrap_link(url)
    url, host = link.url, normalize_host(link.url)
    window = no_later_than(as_window(at, dayfirst=dayfirst), link.archived_on)
    chosen = get_policy(policy)
    matches = registry.claims_for_host(host, window, url)
    shared = link if link.unwrapped or link.shortener else None
    if not matches:
        return attrs.evolve(host_labels(registry, host, None, LabelSet(), window), host=host, link=shared)
    labels = claimed_labels(
        registry, host, matches, window, lambda outlet, when: label_outlet(outlet, when, chosen, registry)
    )
    claim = matches[0][0]
    found = host_labels(registry, host, claim, labels, matches[0][1], matches)
    return attrs.evolve(found, host=host, claim=claim, outlet=_outlet(registry, claim), link=shared)


def no_later_than(window: Window, day: PartialDate | None) -> Window:
    """The window cut at an archive copy's day (the page existed by then); unchanged without one.

    A date asked that lies wholly after the copy (when the archived link was
    shared, say) gives way to "on or before the copy's day".

    >>> no_later_than(None, PartialDate(2014, 3, 15))
    Interval('..2014-03-15')
    >>> no_later_than(PartialDate(2020), PartialDate(2014, 3, 15)), no_later_than(PartialDate(2012), PartialDate(2014))
    (Interval('..2014-03-15'), PartialDate('2012'))
    """
    if day is None:
        return window
    if window is None:
        return Interval(end=day)
    first, _, _, last = (window if isinstance(window, Interval) else Interval.of(window)).bounds()
    copied = day.latest().toordinal()
    if last <= copied:
        return window
    return Interval.from_days(first if first <= copied else datetime.date.min.toordinal(), copied)


Window = PartialDate | Interval | None
Matches = Sequence[tuple[DomainClaim, Window]]


def after_claims(registry: Registry, matches: Matches, window: Window) -> bool:
    """Whether the claims found are one that ended before the window (a share after its domain's end).

    Args:
        registry: Where the claims are.
        matches: What :meth:`~provenance.registry.Registry.claims_for_host` gave.
        window: The window asked.

    Returns:
        ``True`` when no claim found may hold at the window.
    """
    if window is None or len(matches) != 1:
        return False
    claim = matches[0][0]
    lifetime = registry.lookup(claim.outlet).lifetime
    return Truth.NO in (claim.interval.contains(window), lifetime.contains(window))


def claimed_labels(
    registry: Registry,
    host: str,
    matches: Matches,
    window: Window,
    outlet_labels: Callable[[Outlet, Window], LabelSet],
) -> LabelSet:
    """The labels of the outlets behind a host's claims, as :func:`label_url` gives them (before host labels).

    Args:
        registry: Where the facts come from.
        host: The normalised host.
        matches: What :meth:`~provenance.registry.Registry.claims_for_host` gave (not empty).
        window: The window asked.
        outlet_labels: An outlet's labels at a window (:func:`label_outlet` under a policy).

    Returns:
        One outlet's labels; noted when its claim ended before the window; or,
        when the window spans a change of claim, every outlet's, each ``possible``.
    """
    outlets = [_outlet(registry, claim) for claim, _ in matches]
    if len(matches) == 1:
        labels = outlet_labels(outlets[0], matches[0][1])
        if not after_claims(registry, matches, window):
            return labels
        note = _after_claims_note(host, matches[0], outlets[0], window)
        return LabelSet(attrs.evolve(label, basis=(*label.basis, note)) for label in labels)
    # Shared by every window of the same segments in batches: the note names no day of the window.
    spans = "; ".join(
        f"{outlet.name} on {claim.host} ({Interval.from_days(*_held_days(claim, outlet)).describe()})"
        for (claim, _), outlet in zip(matches, outlets, strict=True)
    )
    found: list[Label] = []
    for (claim, when), outlet in zip(matches, outlets, strict=True):
        note = Evidence(
            f"The date given spans a change of the outlet behind {host}: {spans}. The longest claimed host "
            f"wins, so this label holds only if the page dates from while {outlet.name} held it.",
            claim.sources,
        )
        found.extend(
            attrs.evolve(label, certainty=POSSIBLE, basis=(*label.basis, note)) for label in outlet_labels(outlet, when)
        )
    return LabelSet(found)


def _held_days(claim: DomainClaim, outlet: Outlet) -> tuple[int, int]:
    """The first and last day a claim may hold, within its outlet's lifetime."""
    start, _, _, end = claim.interval.bounds()
    first, _, _, last = outlet.lifetime.bounds()
    return max(start, first), max(min(end, last), max(start, first))


def _outlet(registry: Registry, claim: DomainClaim) -> Outlet:
    outlet = registry.lookup(claim.outlet)
    assert isinstance(outlet, Outlet)
    return outlet


def _describe(window: Window) -> str:
    """A window by its days (the batch reads a month as its days: the words must not differ)."""
    if window is None:
        return "any time"
    lo, _, _, hi = (Interval.of(window) if isinstance(window, PartialDate) else window).bounds()
    return (
        str(PartialDate.from_date(datetime.date.fromordinal(lo))) if lo == hi else Interval.from_days(lo, hi).describe()
    )


def _after_claims_note(host: str, match: tuple[DomainClaim, Window], outlet: Outlet, window: Window) -> Evidence:
    claim, when = match
    if isinstance(when, PartialDate):
        statement = (
            f"No outlet held {host} on {_describe(window)}; the URL's path dates the page {when}, "
            f"when {outlet.name} held {claim.host}: labelled as of then."
        )
    else:
        statement = (
            f"No outlet held {host} on {_describe(window)}; a page on it was published while "
            f"{outlet.name} held {claim.host} ({_describe(when)}): labelled over that time."
        )
    return Evidence(statement, claim.sources)


def host_labels(
    registry: Registry,
    host: str,
    claim: DomainClaim | None,
    outlet_labels: LabelSet,
    window: PartialDate | Interval | None,
    matches: Matches = (),
) -> LabelSet:
    """What :func:`label_url` gives for a host once its claim and the claiming outlet's labels are known.

    The outlet's labels (but its ratings of its other domains: a rater's
    score of ``rt.com`` is not one of ``de.rt.com``'s or of an account's),
    then the ``mirror-domain`` label when the claim is
    a mirror, then the ratings given to the host or a domain above it (but
    the outlet's own, shown already; and none for an account, a claim with a
    path: the platform's ratings are not the outlet's). With no claim, only
    those ratings.

    Args:
        registry: Where the facts come from.
        host: The normalised host.
        claim: The claim :meth:`~provenance.registry.Registry.claim_for_host` found, or ``None``.
        outlet_labels: The claiming outlet's labels at the window (ignored without a claim).
        window: When the URL dates from; ``None`` for any time.
        matches: Every claim :meth:`~provenance.registry.Registry.claims_for_host` gave, when
            there are several (a window spanning a change of claim): a mirror label for each
            mirror among them, ``possible``, and no rating of any of their outlets.

    Returns:
        The labels.
    """
    if claim is None:
        return LabelSet(host_rating_labels(registry, host))
    # not the outlet's ratings of its other domains (rt.com's score is not de.rt.com's, nor its account's)
    kept = tuple(label for label in outlet_labels if rates_this_host(label, None if claim.path else host))
    if len(kept) != len(outlet_labels):
        outlet_labels = attrs.evolve(outlet_labels, labels=kept)
    if claim.path is not None:
        return outlet_labels  # an account (it is never a mirror): the platform's ratings are not the outlet's
    if len(matches) > 1:
        outlets = {match[0].outlet for match in matches}
        mirrors = [
            attrs.evolve(mirror_label(host, _outlet(registry, other), other, when), certainty=POSSIBLE)
            for other, when in matches
            if other.role == "mirror"
        ]
        ratings = [label for label in host_rating_labels(registry, host) if label.subject not in outlets]
        return LabelSet((*outlet_labels.labels, *mirrors, *ratings))
    extra = host_rating_labels(registry, host, skip_outlet=claim.outlet)
    if claim.role == "mirror":
        outlet = registry.lookup(claim.outlet)
        assert isinstance(outlet, Outlet)
        extra.insert(0, mirror_label(host, outlet, claim, window))
    return LabelSet((*outlet_labels.labels, *extra)) if extra else outlet_labels


def mirror_label(host: str, outlet: Outlet, claim: DomainClaim, window: PartialDate | Interval | None) -> Label:
    """The ``mirror-domain`` label of a host the registry records as a mirror of an outlet.

    Args:
        host: The normalised host the URL had.
        outlet: The outlet it mirrors.
        claim: The mirror claim that matched.
        window: When the URL dates from; ``None`` for any time.

    Returns:
        The label, ``certain`` when the claim holds over the whole window.
    """
    return Label(
        kind="mirror-domain",
        value=outlet.id,
        subject=host,
        text=f"{host} is a mirror of {outlet.name}, set up to copy its content.",
        certainty=certainty_of(claim.interval.contains(window or Interval())) or CERTAIN,
        rule="the registry records the host as a mirror of the outlet",
        basis=(Evidence(f"{claim.host} is a mirror domain of {outlet.name}", claim.sources),),
        details={"outlet_name": outlet.name},
    )


def _sanctions(facts: OutletFacts) -> list[Label]:
    labels = []
    for assessment, truth in facts.assessments("sanction"):
        start = assessment.interval.start
        since = f" since {start}" if start is not None else ""
        labels.append(
            facts.make_label(
                "sanctioned",
                assessment.value,
                f"{facts.name()} is subject to {assessment.value} sanctions ({assessment.instrument}{since}).",
                truth,
                rule="a sanction is in force at the date asked (with no date: at some time in the outlet's life)",
                basis=[
                    Evidence(
                        f"{assessment.instrument}: {assessment.value} sanction of {facts.outlet.name}"
                        f"{since}." + (f" {assessment.note}" if assessment.note else ""),
                        assessment.sources,
                    )
                ],
                details={
                    "instrument": assessment.instrument,
                    "since": None if start is None else str(start),
                },
            )
        )
    return labels


def _context(facts: OutletFacts) -> list[Label]:
    """``defunct`` and ``succeeded-by``: shown whatever the date asked, as context."""
    outlet, registry = facts.outlet, facts.registry
    labels = []
    end = outlet.lifetime.end
    if end is not ONGOING:
        value = str(end) if isinstance(end, PartialDate) else "unknown"
        when = (
            f"on {value}"
            if isinstance(end, PartialDate) and end.precision == "day"
            else (f"in {value}" if isinstance(end, PartialDate) else "at an unknown date")
        )
        labels.append(
            facts.make_label(
                "defunct",
                value,
                f"{outlet.name} ceased to exist {when}.",
                Truth.YES,
                rule="context: the outlet's lifetime has ended",
                basis=[Evidence(f"{outlet.name} existed {outlet.lifetime.describe()}.", outlet.sources)],
            )
        )
    for succession in registry.successors(outlet.id):
        successor = registry.lookup(succession.successor)
        verb = "was " + _SUCCESSION_VERBS[succession.kind]
        labels.append(
            facts.make_label(
                "succeeded-by",
                successor.id,
                f"{outlet.name} {verb} {successor.name} on {succession.date}."
                if succession.date.precision == "day"
                else f"{outlet.name} {verb} {successor.name} in {succession.date}.",
                Truth.YES,
                rule="context: the outlet has a successor",
                basis=[
                    Evidence(
                        f"{outlet.name} {verb} {successor.name} ({succession.date}).",
                        succession.sources,
                    )
                ],
                details={
                    "successor_name": successor.name,
                    "date": str(succession.date),
                    "succession": succession.kind,
                },
            )
        )
    return labels


def explain(label: Label) -> str:
    """The chain of facts behind a label, in words, with numbered sources.

    Args:
        label: Any label.

    Returns:
        Several lines: the label, the rule, each fact with its source
        numbers, and the source list.
    """
    sources = list(label.sources)
    lines = [
        f"{label.subject}: {label.kind} = {label.value} ({label.certainty})"
        + (f" under policy {label.policy!r}" if label.policy else "")
    ]
    lines.append(f"  {label.text}")
    if label.rule:
        lines.append(f"Rule: {label.rule}")
    if label.basis:
        lines.append("Because:")
        for evidence in label.basis:
            refs = "".join(f"[{sources.index(s) + 1}]" for s in evidence.sources)
            lines.append(f"  - {evidence.statement} {refs}".rstrip())
    if sources:
        lines.append("Sources:")
        lines.extend(f"  [{number}] {source.cite()}" for number, source in enumerate(sources, 1))
    return "\n".join(lines)


def disclosure(labels: LabelSet, registry: Registry | None = None) -> str | None:
    """One sentence a platform could show beside content, from an outlet's labels.

    Args:
        labels: Labels of one outlet (from :func:`label_outlet` or :func:`label_url`).
        registry: Where the outlet is described (default: the shipped data).

    Returns:
        The sentence, or ``None`` when there is nothing to disclose.
    """
    # Only a certain label is stated as fact: a possible one (a derived platform label, or a typology
    # code the facts allow but do not establish) is no disclosure.
    state = next(
        (label for kind in ("state-media", "platform-label") for label in labels.filter(kind, certainty=CERTAIN)),
        None,
    )
    if state is None:
        return None
    registry = registry if registry is not None else default_registry()
    outlet = registry.get(state.subject)
    if not isinstance(outlet, Outlet):
        return state.text
    defunct = labels.get("defunct")
    successor = labels.get("succeeded-by")
    kind = _KIND_WORDS.get(outlet.kind, "outlet")
    if state.kind != "state-media":
        return state.text
    country = str(state.detail("country") or outlet.country)
    adjective = country_adjective(country) or country_name(country)
    nature = TYPOLOGY_NAMES[state.value].removesuffix(" media")
    if defunct is None:
        sentence = f"{outlet.name} is {with_article(adjective)} {nature} {kind}"
    else:
        start = outlet.lifetime.start
        span = f" ({start.year}-{defunct.value[:4]})" if start is not None else f" (until {defunct.value[:4]})"
        sentence = f"{outlet.name} was {with_article(adjective)} {nature} {kind}{span}"
    if successor is not None:
        date = str(successor.detail("date") or "")[:4]
        verb = _SUCCESSION_VERBS[str(successor.detail("succession"))]
        sentence += f"; it was {verb} {successor.detail('successor_name')} in {date}"
    return sentence + "."
