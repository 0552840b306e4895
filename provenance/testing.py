"""Tools for tests, ours and downstream projects': registries, strategies and assertions.

Three kinds of tools, all public and documented in ``docs/testing.md``:

- :func:`make_registry`: a tiny registry from plain dicts in a few lines;
- Hypothesis strategies: :func:`partial_dates`, :func:`intervals`,
  :func:`sources`, :func:`organizations`, :func:`outlets`, whole consistent
  :func:`registries`, :func:`urls` for a registry's hosts, and plain-text
  :func:`articles`;
- assertion helpers, :func:`assert_labelled` and :func:`assert_not_labelled`,
  whose failures show every label found and why it was given.

Hypothesis is imported inside the strategy functions only: importing this
module (or using :func:`make_registry` and the assertions) does not need it.

>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "rt", "name": "RT", "country": "RU", "kind": "broadcaster"}],
...     relations=[{"subject": "state-ru", "kind": "funds", "object": "rt"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}],
... )
>>> len(reg), reg.relations(object="rt")[0].kind
(1, 'funds')
>>> assert_labelled("https://de.rt.com/x", "state-media", "ISF", registry=reg).certainty
'possible'
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate, as_partial_date
from provenance.errors import RegistryError
from provenance.model import (
    DOMAIN_ROLES,
    NAME_KINDS,
    ORGANIZATION_KINDS,
    OUTLET_KINDS,
    RELATION_KINDS,
    SUCCESSION_KINDS,
    Article,
    Assessment,
    DomainClaim,
    Name,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.registry import Registry, read_document

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from provenance.dates import When
    from provenance.labels import Label, LabelSet
    from provenance.policies import Policy

__all__ = [
    "ATTRIBUTION_TEMPLATES",
    "FIXTURE_SOURCE",
    "ArticleSample",
    "articles",
    "assert_labelled",
    "assert_not_labelled",
    "intervals",
    "make_registry",
    "organizations",
    "outlets",
    "partial_dates",
    "registries",
    "sources",
    "urls",
]

FIXTURE_SOURCE: Mapping[str, str] = MappingProxyType(
    {
        "url": "https://example.org/provenance-test-fixture",
        "title": "Test fixture",
        "publisher": "provenance.testing",
        "accessed": "2026-01-01",
    }
)
"""The source cited by :func:`make_registry` records that name none."""

_DEFAULTS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "organizations": {"kind": "company"},
        "outlets": {"kind": "website"},
        "domains": {"role": "primary"},
        "relations": {},
        "successions": {},
        "assessments": {},
    }
)


def make_registry(
    *,
    outlets: Sequence[Mapping[str, Any]] = (),
    organizations: Sequence[Mapping[str, Any]] = (),
    domains: Sequence[Mapping[str, Any]] = (),
    relations: Sequence[Mapping[str, Any]] = (),
    successions: Sequence[Mapping[str, Any]] = (),
    assessments: Sequence[Mapping[str, Any]] = (),
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> Registry:
    """A small registry from plain dicts, in the registry file format.

    Each dict takes the keys of its table in ``docs/data-format.md``. Handy
    defaults fill what tests rarely care about: outlets are ``website``s,
    organisations ``company``s, domain claims ``primary``, and a record that
    cites no source cites :data:`FIXTURE_SOURCE` (key ``"fixture"``).

    Args:
        outlets: Outlet tables.
        organizations: Organisation tables.
        domains: Domain-claim tables.
        relations: Relation tables.
        successions: Succession tables.
        assessments: Assessment tables.
        sources: Extra ``[sources.KEY]`` tables, cited by key.

    Returns:
        The validated registry.

    Raises:
        RegistryError: Listing every problem, as for a data folder.
    """
    tables = {
        "organizations": organizations,
        "outlets": outlets,
        "domains": domains,
        "relations": relations,
        "successions": successions,
        "assessments": assessments,
    }
    document: dict[str, Any] = {"sources": {"fixture": dict(FIXTURE_SOURCE), **(sources or {})}}
    for table, entries in tables.items():
        document[table] = [{**_DEFAULTS[table], "sources": ["fixture"], **entry} for entry in entries]
    read = read_document(document, "make_registry")
    if read.problems:
        raise RegistryError(read.problems)
    return Registry(read.records, locations=read.locations)


# -- assertion helpers ----------------------------------------------------------


def _labels_of(
    url_or_article: str | Article,
    at: When,
    policy: str | Policy,
    registry: Registry | None,
) -> tuple[LabelSet, Callable[[], str]]:
    """The labels of a URL or an article, and how to name what was labelled (worked out on failure only)."""
    from provenance.labelling import label_url

    when = "" if at is None else f" at {at}"
    if isinstance(url_or_article, Article):
        from provenance.reports import build_report

        article = url_or_article
        if at is not None and not isinstance(at, Interval):
            article = attrs.evolve(article, published=as_partial_date(at))
        report = build_report(article, policy, registry)
        what = f"article {(article.title or article.url or 'untitled')!r}{when}"
        return report.all_labels(), lambda: what
    if isinstance(url_or_article, str):
        url = url_or_article
        labels = label_url(url, at, policy, registry)

        def describe() -> str:
            chosen = registry if registry is not None else _default_registry()
            outlet = chosen.outlet_for_url(url, at)
            owner = "no outlet in the registry claims its host" if outlet is None else f"outlet {outlet.id!r}"
            return f"{url!r}{when} ({owner})"

        return labels, describe
    raise TypeError(f"expected a URL or an Article, got {type(url_or_article).__name__}")


def _default_registry() -> Registry:
    from provenance.registry import default_registry

    return default_registry()


def _matches(label: Label, kind: str, value: str | None, certainty: str | None) -> bool:
    return (
        label.kind == kind
        and (value is None or label.value == value)
        and (certainty is None or label.certainty == certainty)
    )


def _wanted(kind: str, value: str | None, certainty: str | None) -> str:
    text = f"{kind!r}" + ("" if value is None else f" = {value!r}")
    return text + ("" if certainty is None else f" ({certainty})")


def _failure(headline: str, labels: Sequence[Label], shown: Sequence[Label]) -> str:
    from provenance.labelling import explain

    lines = [headline]
    if not labels:
        lines.append("No labels were found.")
    else:
        lines.append(f"Labels found ({len(labels)}):")
        lines.extend(
            f"  - {label.kind} = {label.value!r} ({label.certainty}) on {label.subject!r}"
            + (f", policy {label.policy!r}" if label.policy else "")
            for label in labels
        )
    if shown:
        lines.append("")
        lines.append("Explanations:")
        for label in shown:
            lines.extend("  " + line for line in explain(label).splitlines())
            lines.append("")
    return "\n".join(lines).rstrip()


def assert_labelled(
    url_or_article: str | Article,
    kind: str,
    value: str | None = None,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    certainty: str | None = None,
) -> Label:
    """Assert that a URL or article gets a label of a kind (and value), and return it.

    A URL is labelled with :func:`provenance.label_url`; an
    :class:`~provenance.model.Article` with
    :func:`provenance.reports.build_report` (article, origin and site labels
    together).

    >>> from provenance.testing import make_registry
    >>> reg = make_registry(outlets=[{"id": "vor", "name": "Voice of Russia", "country": "RU",
    ...                               "end": "2014-11-10"}],
    ...                     domains=[{"host": "ruvr.ru", "outlet": "vor"}])
    >>> assert_labelled("http://ruvr.ru/x", "defunct", "2014-11-10", registry=reg).text
    'Voice of Russia ceased to exist on 2014-11-10.'
    >>> assert_labelled("http://ruvr.ru/x", "state-media", registry=reg)
    Traceback (most recent call last):
    ...
    AssertionError: expected a 'state-media' label for 'http://ruvr.ru/x' (outlet 'vor') under policy 'typology'
    Labels found (1):
      - defunct = '2014-11-10' (certain) on 'vor'
    <BLANKLINE>
    Explanations:
      vor: defunct = 2014-11-10 (certain)
    ...

    Args:
        url_or_article: A URL (or host), or an article.
        kind: The label kind, e.g. ``"state-media"``.
        value: The value it must have, if it matters (``"SC"``).
        at: When the URL was seen; for an article, a date that replaces its
            published date (a window is not applied to articles).
        policy: The policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        certainty: ``"certain"`` or ``"possible"``, if it matters.

    Returns:
        The first matching label.

    Raises:
        AssertionError: If no label matches; the message lists every label
            found, with the explanation of each.
    """
    labels, describe = _labels_of(url_or_article, at, policy, registry)
    found = list(labels)
    for label in found:
        if _matches(label, kind, value, certainty):
            return label
    policy_name = policy if isinstance(policy, str) else policy.name
    headline = f"expected a {_wanted(kind, value, certainty)} label for {describe()} under policy {policy_name!r}"
    raise AssertionError(_failure(headline, found, found))


def assert_not_labelled(
    url_or_article: str | Article,
    kind: str,
    value: str | None = None,
    at: When = None,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    certainty: str | None = None,
) -> LabelSet:
    """Assert that a URL or article gets no label of a kind (and value), and return its labels.

    >>> from provenance.testing import make_registry
    >>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
    ...                     domains=[{"host": "rt.com", "outlet": "rt"}])
    >>> len(assert_not_labelled("https://rt.com.evil.example/", "state-media", registry=reg))
    0

    Args:
        url_or_article: A URL (or host), or an article.
        kind: The label kind that must be absent.
        value: Only a label with this value counts, if given.
        at: As for :func:`assert_labelled`.
        policy: The policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        certainty: Only a label with this certainty counts, if given.

    Returns:
        Every label found (none of them matching).

    Raises:
        AssertionError: If a label matches; the message lists every label
            found and explains the matching ones.
    """
    labels, describe = _labels_of(url_or_article, at, policy, registry)
    found = list(labels)
    offending = [label for label in found if _matches(label, kind, value, certainty)]
    if not offending:
        return labels
    policy_name = policy if isinstance(policy, str) else policy.name
    headline = f"expected no {_wanted(kind, value, certainty)} label for {describe()} under policy {policy_name!r}"
    raise AssertionError(_failure(headline, found, offending))


# -- Hypothesis strategies ------------------------------------------------------
# Hypothesis is imported inside each function, so importing this module does
# not require it.


def partial_dates(min_year: int = 1900, max_year: int = 2030) -> SearchStrategy[PartialDate]:
    """Partial dates of every precision between two years.

    Args:
        min_year: The first year drawn.
        max_year: The last year drawn.

    Returns:
        A strategy of :class:`~provenance.dates.PartialDate`.
    """
    from hypothesis import strategies as st

    def build(day: datetime.date, precision: str) -> PartialDate:
        if precision == "year":
            return PartialDate(day.year)
        if precision == "month":
            return PartialDate(day.year, day.month)
        return PartialDate.from_date(day)

    days = st.dates(datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31))
    return st.builds(build, days, st.sampled_from(["year", "month", "day"]))


def intervals(min_year: int = 1900, max_year: int = 2030) -> SearchStrategy[Interval]:
    """Valid intervals: open or dated starts; dated, ongoing or unknown ends.

    Args:
        min_year: The first year drawn.
        max_year: The last year drawn.

    Returns:
        A strategy of :class:`~provenance.dates.Interval`.
    """
    from hypothesis import strategies as st

    last_day = datetime.date(max_year, 12, 31)

    @st.composite
    def build(draw: DrawFn) -> Interval:
        start = draw(st.none() | partial_dates(min_year, max_year))
        end_kind = draw(st.sampled_from(["date", "ongoing", "unknown"]))
        if end_kind == "ongoing":
            return Interval(start, ONGOING)
        if end_kind == "unknown":
            return Interval(start, UNKNOWN)
        first = datetime.date(min_year, 1, 1) if start is None else start.earliest()
        day = draw(st.dates(first, last_day))
        precision = draw(st.sampled_from(["year", "month", "day"]))
        end = PartialDate(day.year, None if precision == "year" else day.month, day.day if precision == "day" else None)
        return Interval(start, end)

    return build()


def sources() -> SearchStrategy[Source]:
    """Plausible :class:`~provenance.model.Source` records.

    Returns:
        A strategy of sources with http(s) URLs, titles, publishers and access dates.
    """
    from hypothesis import strategies as st

    words = st.text(_NAME_ALPHABET, min_size=1, max_size=12)
    paths = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/", max_size=30)
    return st.builds(
        Source,
        url=st.builds(
            lambda host, path: f"https://{host}.example/{path}",
            st.text(_LOWER, min_size=1, max_size=10),
            paths,
        ),
        title=words,
        publisher=st.none() | words,
        accessed=st.none()
        | st.dates(datetime.date(2000, 1, 1), datetime.date(2026, 12, 31)).map(PartialDate.from_date),
        quote=st.none() | words,
    )


# Countries drawn for generated records: a handful is enough to exercise
# wording, and every one has an adjective ("Russian", "British"...).
_COUNTRIES = ("RU", "CN", "GB", "US", "DE", "FR", "IR", "QA", "TR", "VE", "BY", "JP")
_TYPOLOGY = ("SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP")
_TLDS = ("example", "test", "com", "org", "ru", "co.uk", "com.au", "news")


_LOWER = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"


def _ids() -> SearchStrategy[str]:
    from hypothesis import strategies as st

    part = st.text(_LOWER + _DIGITS, min_size=1, max_size=6)
    return st.builds(
        lambda first, rest, parts: "-".join([first + rest, *parts]),
        st.sampled_from(_LOWER),
        st.text(_LOWER + _DIGITS, max_size=7),
        st.lists(part, max_size=2),
    )


# Letters and digits of several scripts (Latin with diacritics, Cyrillic, Greek,
# Arabic, Hebrew, CJK, Devanagari, an astral-plane letter): a fixed alphabet
# draws far faster than every Unicode letter and still exercises each path.
_NAME_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "éèçñøåäöüßłőřžÉÖ" "абвгдежзийклмнопрстуфхцчшщъыьэюяРТВ" "αβγδεζηθΣΩ" "عربيةهـ" "עברית" "新闻社电视台中日本"
    "हिन्दी" "𝒜"
)  # fmt: skip


def _names() -> SearchStrategy[str]:
    """Names of one to four words, letters and digits of several scripts."""
    from hypothesis import strategies as st

    word = st.text(_NAME_ALPHABET, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def _host_labels() -> SearchStrategy[str]:
    """DNS labels that normalisation keeps as they are (never ``www``, ``m`` or ``amp``)."""
    from hypothesis import strategies as st

    inner = st.text(_LOWER + _DIGITS + "-", max_size=8)
    end = st.sampled_from(_LOWER + _DIGITS)
    labels = st.builds(lambda first, middle, last: first + middle + last, st.sampled_from(_LOWER), inner, end)
    return (st.sampled_from(_LOWER) | labels).filter(
        lambda label: label not in {"www", "m", "amp"} and not label.startswith("xn--")
    )


def _hosts() -> SearchStrategy[str]:
    """Normalised hosts: one or two labels and a (possibly two-label) suffix."""
    from hypothesis import strategies as st

    labels = st.lists(_host_labels(), min_size=1, max_size=2)
    return st.builds(lambda parts, tld: ".".join([*parts, tld]), labels, st.sampled_from(_TLDS))


def organizations(ids: SearchStrategy[str] | None = None) -> SearchStrategy[Organization]:
    """Valid :class:`~provenance.model.Organization` records of every kind.

    A ``state`` always has a country, as the model requires.

    Args:
        ids: Where ids come from (default: random kebab-case ids).

    Returns:
        A strategy of organisations, each citing one or two sources.
    """
    from hypothesis import strategies as st

    kinds = st.sampled_from(sorted(ORGANIZATION_KINDS))
    countries = st.sampled_from(_COUNTRIES)
    return _organization_strategy(
        ids if ids is not None else _ids(),
        kinds,
        countries,
        st.lists(sources(), min_size=1, max_size=2).map(tuple),
        intervals(),
    )


def _organization_strategy(
    ids: SearchStrategy[str],
    kinds: SearchStrategy[str],
    countries: SearchStrategy[str],
    cite: SearchStrategy[tuple[Source, ...]],
    lifetimes: SearchStrategy[Interval],
) -> SearchStrategy[Organization]:
    from hypothesis import strategies as st

    names = _names()
    descriptions = st.none() | names
    maybe_country = st.none() | countries

    @st.composite
    def build(draw: DrawFn) -> Organization:
        kind = draw(kinds)
        return Organization(
            id=draw(ids),
            name=draw(names),
            kind=kind,
            country=draw(countries) if kind == "state" else draw(maybe_country),
            lifetime=draw(lifetimes),
            description=draw(descriptions),
            sources=draw(cite),
        )

    return build()


def outlets(ids: SearchStrategy[str] | None = None) -> SearchStrategy[Outlet]:
    """Valid :class:`~provenance.model.Outlet` records, with names over time and acronyms.

    Args:
        ids: Where ids come from (default: random kebab-case ids).

    Returns:
        A strategy of outlets, each citing one or two sources.
    """
    from hypothesis import strategies as st

    cite = st.lists(sources(), min_size=1, max_size=2).map(tuple)
    return _outlet_strategy(ids if ids is not None else _ids(), cite, intervals())


def _outlet_strategy(
    ids: SearchStrategy[str],
    cite: SearchStrategy[tuple[Source, ...]],
    lifetimes: SearchStrategy[Interval],
) -> SearchStrategy[Outlet]:
    from hypothesis import strategies as st

    names = _names()
    aliases = st.builds(Name, names, lifetimes, st.sampled_from(sorted(NAME_KINDS)))
    return st.builds(
        Outlet,
        id=ids,
        name=names,
        kind=st.sampled_from(sorted(OUTLET_KINDS)),
        country=st.sampled_from(_COUNTRIES),
        names=st.lists(aliases, max_size=3).map(tuple),
        lifetime=lifetimes,
        public_service=st.booleans(),
        description=st.none() | names,
        sources=cite,
    )


def registries(
    *,
    min_outlets: int = 1,
    max_outlets: int = 4,
    max_organizations: int = 3,
) -> SearchStrategy[Registry]:
    """Whole consistent registries, validated like any other.

    Every reference resolves, every interval is valid, every record cites a
    source, each host is claimed by exactly one outlet (some hosts lie below
    others, so the longest claim has to win), and control relations never
    form a cycle. About half the registries have a state that owns, funds or
    controls some outlets, so state-media labels occur.

    Args:
        min_outlets: The fewest outlets (at least 1).
        max_outlets: The most outlets.
        max_organizations: The most organisations.

    Returns:
        A strategy of :class:`~provenance.registry.Registry`.

    Raises:
        ValueError: If the bounds are inconsistent.
    """
    from hypothesis import strategies as st

    if min_outlets < 1 or max_outlets < min_outlets or max_organizations < 0:
        raise ValueError("need 1 <= min_outlets <= max_outlets and max_organizations >= 0")

    source_pools = st.lists(sources(), min_size=1, max_size=3, unique=True)
    placeholder = st.just("placeholder")
    state_kinds = st.sampled_from(["owns", "funds", "controls-editorially"])
    relation_kinds = st.sampled_from(sorted(RELATION_KINDS))
    succession_kinds = st.sampled_from(sorted(SUCCESSION_KINDS))
    roles = st.sampled_from(sorted(DOMAIN_ROLES))
    shares = st.none() | st.floats(0, 1)
    # Most facts in real data hold "always" (no dates): half the intervals drawn are that.
    lifetimes = st.just(Interval()) | intervals()
    dates, labels, hosts_s, names = partial_dates(), _host_labels(), _hosts(), _names()
    values = {
        "typology": st.sampled_from(_TYPOLOGY),
        "sanction": st.sampled_from(["EU", "US", "UK", "CA"]),
        "platform-label": names,
    }
    assessment_kinds = st.sampled_from(sorted(values))
    assessors = st.sampled_from(["state-media-monitor", "eu", "us", "x", "meta"])
    countries = st.sampled_from(_COUNTRIES)
    no_cite: SearchStrategy[tuple[Source, ...]] = st.just(())
    organization_s = _organization_strategy(
        placeholder, st.sampled_from(sorted(ORGANIZATION_KINDS)), countries, no_cite, lifetimes
    )
    outlet_s = _outlet_strategy(placeholder, no_cite, lifetimes)
    ids_s = _ids()

    @st.composite
    def build(draw: DrawFn) -> Registry:
        n_outlets = draw(st.integers(min_outlets, max_outlets))
        n_orgs = draw(st.integers(0, max_organizations))
        ids = draw(st.lists(ids_s, min_size=n_outlets + n_orgs, max_size=n_outlets + n_orgs, unique=True))
        pool = draw(source_pools)
        cite = st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True).map(tuple)

        records: list[Any] = []
        with_state = n_orgs > 0 and draw(st.booleans())
        for index, id in enumerate(ids[:n_orgs]):
            organization = attrs.evolve(draw(organization_s), id=id, sources=draw(cite))
            if index == 0 and with_state:
                organization = attrs.evolve(organization, kind="state", country=organization.country or "RU")
            records.append(organization)
        outlet_ids = ids[n_orgs:]
        records.extend(attrs.evolve(draw(outlet_s), id=id, sources=draw(cite)) for id in outlet_ids)

        # Hosts: unique; some lie below another claimed host (``radio.x.example`` under ``x.example``).
        hosts: list[str] = []
        for _ in range(draw(st.integers(n_outlets, 2 * n_outlets))):
            below = len(hosts) > 0 and draw(st.booleans())
            host = f"{draw(labels)}.{draw(st.sampled_from(hosts))}" if below else draw(hosts_s)
            if host not in hosts and len(host) <= 253:
                hosts.append(host)
        owners = st.sampled_from(outlet_ids)
        for number, host in enumerate(hosts):
            owner = outlet_ids[number] if number < len(outlet_ids) else draw(owners)
            records.append(DomainClaim(host, owner, draw(roles), draw(lifetimes), draw(cite)))

        # Relations only point "down" the list of bodies, so they never form a cycle.
        if len(ids) > 1:
            for _ in range(draw(st.integers(0, 2 * len(ids)))):
                low = draw(st.integers(0, len(ids) - 2))
                high = draw(st.integers(low + 1, len(ids) - 1))
                kind = draw(relation_kinds)
                share = draw(shares) if kind in {"owns", "funds"} else None
                records.append(Relation(ids[low], kind, ids[high], share, draw(lifetimes), draw(cite)))
        if with_state:
            for id in draw(st.lists(owners, max_size=n_outlets, unique=True)):
                for kind in draw(st.lists(state_kinds, unique=True)):
                    records.append(Relation(ids[0], kind, id, sources=draw(cite)))
        if len(outlet_ids) > 1:
            for _ in range(draw(st.integers(0, 2))):
                before, after = draw(st.lists(owners, min_size=2, max_size=2, unique=True))
                records.append(Succession(before, after, draw(succession_kinds), draw(dates), draw(cite)))
        for id in draw(st.lists(owners, max_size=n_outlets)):
            kind = draw(assessment_kinds)
            instrument = draw(names) if kind == "sanction" else None
            records.append(
                Assessment(id, draw(assessors), kind, draw(values[kind]), draw(lifetimes), instrument, None, draw(cite))
            )
        return Registry.from_records(records)

    return build()


def urls(registry: Registry, hosts: Sequence[str] | None = None) -> SearchStrategy[str]:
    """URLs (and bare hosts) on the hosts a registry claims, in every shape people write them.

    Each URL's host is a claimed host or lies below one, so
    ``registry.outlet_for_url(url)`` never returns ``None``. Drawn variations:
    scheme (``https``, ``http``, upper case, ``//`` or none), user info,
    subdomains (``www``, ``m``, ``amp``, others), letter case, a trailing dot,
    a port, the Unicode form of a punycode host, paths, queries and fragments.

    Args:
        registry: The registry whose claimed hosts to use.
        hosts: Only these claimed hosts (default: all of them).

    Returns:
        A strategy of URL strings.

    Raises:
        ValueError: If the registry claims no host (or none of ``hosts``).
    """
    from hypothesis import strategies as st

    from provenance.domains import normalize_host
    from provenance.errors import InvalidURLError

    claimed = sorted({record.host for record in registry.records if isinstance(record, DomainClaim)})
    if hosts is not None:
        wanted = set(hosts)
        claimed = [host for host in claimed if host in wanted]
    if not claimed:
        raise ValueError("the registry claims no host to build URLs on")
    spellings: list[str] = []
    for host in claimed:
        spellings.append(host)
        if "xn--" in host:
            try:
                unicode = host.encode("ascii").decode("idna")
                if normalize_host(unicode) == host:
                    spellings.append(unicode)
            except (UnicodeError, InvalidURLError):
                continue

    path_chars = _NAME_ALPHABET + "-._~%!$&'()*+,;=:@/"
    query_chars = path_chars + "?"
    subdomains = st.lists(
        st.sampled_from(["www", "m", "amp", "news", "de", "en", "static"]) | _host_labels(), max_size=2
    )
    flips = st.lists(st.booleans(), max_size=16)
    schemes = st.sampled_from(["https://", "http://", "HTTPS://", "Http://", "//", ""])
    userinfos = st.sampled_from(["", "", "user@", "user:secret@"])
    ports = st.just("") | st.integers(0, 65535).map(lambda port: f":{port}")
    paths = st.sampled_from(["", "/"]) | st.text(path_chars, max_size=30).map(lambda text: "/" + text)
    queries = st.just("") | st.text(query_chars, max_size=20).map(lambda text: "?" + text)
    fragments = st.just("") | st.text(query_chars, max_size=10).map(lambda text: "#" + text)
    dots = st.sampled_from(["", "", "."])

    @st.composite
    def build(draw: DrawFn) -> str:
        full = ".".join([*draw(subdomains), draw(st.sampled_from(spellings))])
        flipped = draw(flips)
        if flipped:
            full = "".join(
                char.upper() if flipped[index % len(flipped)] and char.isascii() else char
                for index, char in enumerate(full)
            )
        host = full + draw(dots)
        return f"{draw(schemes)}{draw(userinfos)}{host}{draw(ports)}{draw(paths)}{draw(queries)}{draw(fragments)}"

    return build()


ATTRIBUTION_TEMPLATES: tuple[str, ...] = (
    "This article was originally published by {name}.",
    "This article first appeared in {name}.",
    "Source: {name}",
    "This article is provided by {name}.",
    "This article was republished from {name}.",
    "This article comes courtesy of {name}.",
)
"""Footer lines :func:`articles` uses to attribute a piece to an outlet; ``{name}`` is its name."""


@attrs.frozen(slots=True)
class ArticleSample:
    """A generated plain-text article and what it was built from, to check a parser against."""

    text: str
    """The whole article, as :func:`provenance.articles.parse_article` takes it."""
    title: str
    """The title line."""
    author: str
    """The name in the byline (``By <author>``)."""
    body: str
    """The paragraphs between byline and footer."""
    footer: str | None
    """The attribution footer, if any."""
    origin: str | None
    """Id of the outlet the footer names, if any."""
    origin_name: str | None
    """The name the footer uses for it."""


_WORDS = (
    "minister", "talks", "report", "election", "border", "trade", "energy", "summit", "council", "budget",
    "ceasefire", "vote", "court", "ruling", "harvest", "pipeline", "shipping", "observers", "reforms", "crisis",
    "agreement", "market", "protest", "capital", "region", "delegation", "statement", "sanctions", "treaty",
    "inflation", "climate", "festival", "opposition", "coalition", "river", "café", "Zürich", "Kraków", "São",
    "Paulo", "Seoul", "Nairobi", "Москве", "北京", "ministers", "weekly", "officials", "analysts",
)  # fmt: skip
_FIRST = ("Polina", "Anna", "John", "Maria", "Li", "Ahmed", "Olga", "José", "Zoë", "Kwame", "Søren", "Иван")
_LAST = ("Chernitsa", "Smith", "García", "Okafor", "Nguyen", "Müller", "O'Brien", "Kowalski", "Петров", "Tanaka")


def articles(registry: Registry | None = None, *, attribution: bool | None = None) -> SearchStrategy[ArticleSample]:
    """Plain-text articles: a title, a byline, a body and, sometimes, an attribution footer.

    The layout is that of ``seeds/000_ef366a290e0a1be4.txt``: title, blank
    lines, ``By <name>``, paragraphs, and a footer line naming the outlet the
    piece came from (see :data:`ATTRIBUTION_TEMPLATES`). Body words come from
    a fixed, neutral vocabulary (several scripts), so no outlet is named
    except by the footer.

    Args:
        registry: Outlets the footer may name (default: the shipped data).
        attribution: ``True`` for always a footer, ``False`` for never,
            ``None`` for either.

    Returns:
        A strategy of :class:`ArticleSample`; feed ``sample.text`` to
        :func:`provenance.articles.parse_article`.
    """
    from hypothesis import strategies as st

    chosen = registry if registry is not None else _default_registry()
    named = list(chosen.outlets())
    if attribution and not named:
        raise ValueError("the registry has no outlet for a footer to name")
    # Leave out any word that is also an outlet's name, so only the footer names one.
    taken = {entry.name.casefold() for outlet in named for entry in outlet.all_names()}
    words = st.sampled_from([word for word in _WORDS if word.casefold() not in taken])
    first_names, last_names = st.sampled_from(_FIRST), st.sampled_from(_LAST)
    footers = st.sampled_from(ATTRIBUTION_TEMPLATES)
    origins = st.sampled_from(named) if named else st.nothing()

    def sentence(parts: list[str]) -> str:
        return " ".join(parts)[:1].upper() + " ".join(parts)[1:] + "."

    sentences = st.lists(words, min_size=3, max_size=14).map(sentence)
    paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)

    @st.composite
    def build(draw: DrawFn) -> ArticleSample:
        title = " ".join(word[:1].upper() + word[1:] for word in draw(st.lists(words, min_size=2, max_size=9)))
        author = f"{draw(first_names)} {draw(last_names)}"
        body = "\n\n".join(draw(st.lists(paragraphs, min_size=1, max_size=5)))
        with_footer = draw(st.booleans()) if attribution is None else attribution
        footer = origin = origin_name = None
        if with_footer and named:
            outlet = draw(origins)
            origin, origin_name = outlet.id, outlet.name
            footer = draw(footers).format(name=origin_name)
        text = f"{title}\n\n\nBy {author}\n\n{body}\n"
        if footer is not None:
            text += f"\n\n{footer}\n"
        return ArticleSample(text, title, author, body, footer, origin, origin_name)

    return build()
