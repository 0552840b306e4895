"""Hypothesis strategies for whole consistent registries and for URLs on a registry's hosts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from provenance.dates import Interval, PartialDate, Truth
from provenance.domains import candidate_hosts, is_public_suffix
from provenance.model import (
    DOMAIN_ROLES,
    ORGANIZATION_KINDS,
    RELATION_KINDS,
    SUCCESSION_KINDS,
    TYPOLOGY_CODES,
    Assessment,
    DomainClaim,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.registry import Registry
from provenance.testing._records import (
    COUNTRIES,
    NAME_ALPHABET,
    display_names,
    host_labels,
    intervals,
    kebab_ids,
    normal_hosts,
    organization_strategy,
    outlet_strategy,
    partial_dates,
    sources,
)

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

__all__ = ["registries", "urls"]


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
    parts = _RegistryParts.make()

    @st.composite
    def build(draw: DrawFn) -> Registry:
        n_outlets = draw(st.integers(min_outlets, max_outlets))
        n_orgs = draw(st.integers(0, max_organizations))
        ids = draw(st.lists(parts.ids, min_size=n_outlets + n_orgs, max_size=n_outlets + n_orgs, unique=True))
        pool = draw(parts.source_pools)
        cite = st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True).map(tuple)
        return Registry.from_records(_RegistryDraw(draw, parts, cite, ids, n_orgs).records())

    return build()


@attrs.frozen(slots=True)
class _RegistryParts:
    """The strategies :func:`registries` draws the parts of its records from."""

    ids: SearchStrategy[str]
    source_pools: SearchStrategy[list[Source]]
    organizations: SearchStrategy[Organization]
    outlets: SearchStrategy[Outlet]
    labels: SearchStrategy[str]
    hosts: SearchStrategy[str]
    roles: SearchStrategy[str]
    lifetimes: SearchStrategy[Interval]
    relation_kinds: SearchStrategy[str]
    shares: SearchStrategy[float | None]
    state_kinds: SearchStrategy[str]
    succession_kinds: SearchStrategy[str]
    dates: SearchStrategy[PartialDate]
    assessment_kinds: SearchStrategy[str]
    assessors: SearchStrategy[str]
    values: Mapping[str, SearchStrategy[str]]
    names: SearchStrategy[str]

    @classmethod
    def make(cls) -> _RegistryParts:
        """The strategies; records are drawn without ids or sources, which each registry sets."""
        from hypothesis import strategies as st

        placeholder = st.just("placeholder")
        no_cite: SearchStrategy[tuple[Source, ...]] = st.just(())
        # Most facts in real data hold "always" (no dates): half the intervals drawn are that.
        lifetimes = st.just(Interval()) | intervals()
        names = display_names()
        countries = st.sampled_from(COUNTRIES)
        values = {
            "typology": st.sampled_from(TYPOLOGY_CODES),
            "sanction": st.sampled_from(["EU", "US", "UK", "CA"]),
            "platform-label": names,
        }
        return cls(
            ids=kebab_ids(),
            source_pools=st.lists(sources(), min_size=1, max_size=3, unique=True),
            organizations=organization_strategy(
                placeholder, st.sampled_from(sorted(ORGANIZATION_KINDS)), countries, no_cite, lifetimes
            ),
            outlets=outlet_strategy(placeholder, no_cite, lifetimes),
            labels=host_labels(),
            hosts=normal_hosts(),
            roles=st.sampled_from(sorted(DOMAIN_ROLES)),
            lifetimes=lifetimes,
            relation_kinds=st.sampled_from(sorted(RELATION_KINDS)),
            shares=st.none() | st.floats(0, 1),
            state_kinds=st.sampled_from(["owns", "funds", "controls-editorially"]),
            succession_kinds=st.sampled_from(sorted(SUCCESSION_KINDS)),
            dates=partial_dates(),
            assessment_kinds=st.sampled_from(sorted(values)),
            assessors=st.sampled_from(["state-media-monitor", "eu", "us", "x", "meta"]),
            values=values,
            names=names,
        )


@attrs.frozen(slots=True)
class _RegistryDraw:
    """One registry being drawn: its bodies' ids (organisations first), and the sources its records cite."""

    draw: DrawFn
    parts: _RegistryParts
    cite: SearchStrategy[tuple[Source, ...]]
    ids: list[str]
    n_orgs: int

    @property
    def outlet_ids(self) -> list[str]:
        """The outlets' ids."""
        return self.ids[self.n_orgs :]

    def owners(self) -> SearchStrategy[str]:
        """One of the outlets' ids."""
        from hypothesis import strategies as st

        return st.sampled_from(self.outlet_ids)

    def records(self) -> list[Any]:
        """Every record of the registry, in the order they are drawn."""
        from hypothesis import strategies as st

        with_state = self.n_orgs > 0 and self.draw(st.booleans())
        records: list[Any] = [*self.organizations(with_state), *self.outlets()]
        records += self.domain_claims(self.hosts())
        records += self.relations()
        if with_state:
            records += self.state_relations()
        records += self.successions()
        records += self.assessments()
        return records

    def organizations(self, with_state: bool) -> list[Organization]:
        """The organisations; with ``with_state`` the first is a state."""
        found = []
        for index, id in enumerate(self.ids[: self.n_orgs]):
            organization = attrs.evolve(self.draw(self.parts.organizations), id=id, sources=self.draw(self.cite))
            if index == 0 and with_state:
                organization = attrs.evolve(organization, kind="state", country=organization.country or "RU")
            found.append(organization)
        return found

    def outlets(self) -> list[Outlet]:
        """The outlets."""
        return [
            attrs.evolve(self.draw(self.parts.outlets), id=id, sources=self.draw(self.cite)) for id in self.outlet_ids
        ]

    def hosts(self) -> list[str]:
        """Unique hosts, some lying below another (``radio.x.example`` under ``x.example``)."""
        from hypothesis import strategies as st

        n_outlets = len(self.outlet_ids)
        hosts: list[str] = []
        for _ in range(self.draw(st.integers(n_outlets, 2 * n_outlets))):
            below = len(hosts) > 0 and self.draw(st.booleans())
            if below:
                host = f"{self.draw(self.parts.labels)}.{self.draw(st.sampled_from(hosts))}"
            else:
                host = self.draw(self.parts.hosts)
            if host not in hosts and len(host) <= 253 and not is_public_suffix(host):
                hosts.append(host)
        return hosts

    def domain_claims(self, hosts: list[str]) -> list[DomainClaim]:
        """One claim a host: the first hosts go to each outlet in turn, the rest to any outlet."""
        outlet_ids, owners, parts = self.outlet_ids, self.owners(), self.parts
        claims = []
        for number, host in enumerate(hosts):
            owner = outlet_ids[number] if number < len(outlet_ids) else self.draw(owners)
            role, interval = self.draw(parts.roles), self.draw(parts.lifetimes)
            claims.append(DomainClaim(host, owner, role, interval, self.draw(self.cite)))
        return _with_under(claims)

    def relations(self) -> list[Relation]:
        """Relations between bodies; they only point "down" the list of ids, so they never form a cycle."""
        from hypothesis import strategies as st

        ids, parts, found = self.ids, self.parts, []
        if len(ids) < 2:
            return []
        for _ in range(self.draw(st.integers(0, 2 * len(ids)))):
            low = self.draw(st.integers(0, len(ids) - 2))
            high = self.draw(st.integers(low + 1, len(ids) - 1))
            kind = self.draw(parts.relation_kinds)
            share = self.draw(parts.shares) if kind in {"owns", "funds"} else None
            found.append(Relation(ids[low], kind, ids[high], share, self.draw(parts.lifetimes), self.draw(self.cite)))
        return found

    def state_relations(self) -> list[Relation]:
        """The state (the first body) owning, funding or controlling some outlets."""
        from hypothesis import strategies as st

        found = []
        for id in self.draw(st.lists(self.owners(), max_size=len(self.outlet_ids), unique=True)):
            for kind in self.draw(st.lists(self.parts.state_kinds, unique=True)):
                found.append(Relation(self.ids[0], kind, id, sources=self.draw(self.cite)))
        return found

    def successions(self) -> list[Succession]:
        """Up to two successions between outlets, when there are two or more."""
        from hypothesis import strategies as st

        if len(self.outlet_ids) < 2:
            return []
        found = []
        for _ in range(self.draw(st.integers(0, 2))):
            before, after = self.draw(st.lists(self.owners(), min_size=2, max_size=2, unique=True))
            kind = self.draw(self.parts.succession_kinds)
            found.append(Succession(before, after, kind, self.draw(self.parts.dates), self.draw(self.cite)))
        return found

    def assessments(self) -> list[Assessment]:
        """Typology, sanction and platform-label assessments of some outlets."""
        from hypothesis import strategies as st

        parts, found = self.parts, []
        for id in self.draw(st.lists(self.owners(), max_size=len(self.outlet_ids))):
            kind = self.draw(parts.assessment_kinds)
            instrument = self.draw(parts.names) if kind == "sanction" else None
            assessor = self.draw(parts.assessors)
            value, interval = self.draw(parts.values[kind]), self.draw(parts.lifetimes)
            found.append(Assessment(id, assessor, kind, value, interval, instrument, None, self.draw(self.cite)))
        return found


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

    path_chars = NAME_ALPHABET + "-._~%!$&'()*+,;=:@/"
    query_chars = path_chars + "?"
    subdomains = st.lists(
        st.sampled_from(["www", "m", "amp", "news", "de", "en", "static"]) | host_labels(), max_size=2
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
        scheme, userinfo = draw(schemes), draw(userinfos)
        if ":" in userinfo and not scheme:  # a bare "user:secret@host" is a "user:" URL, which names no host
            userinfo = "user@"
        return f"{scheme}{userinfo}{host}{draw(ports)}{draw(paths)}{draw(queries)}{draw(fragments)}"

    return build()


def _with_under(claims: list[DomainClaim]) -> list[DomainClaim]:
    """The claims, each below another outlet's claim (at times both may hold) saying so with ``under``.

    One claim a host: the nearest claim above that may hold with it is the one
    the registry's check looks at.
    """
    by_host = {claim.host: claim for claim in claims}
    found = []
    for claim in claims:
        above = next(
            (
                other
                for key in candidate_hosts(claim.host)[1:]
                if (other := by_host.get(key)) is not None and _together(other.interval, claim.interval)
            ),
            None,
        )
        if above is not None and above.outlet != claim.outlet:
            claim = attrs.evolve(claim, under=above.outlet)
        found.append(claim)
    return found


def _together(a: Interval, b: Interval) -> bool:
    """Whether two claims may hold on one day other than a hand-over day (as the registry's check reads it)."""
    touching = (a.end == b.start and b.start is not None) or (b.end == a.start and a.start is not None)
    return a.overlaps(b) is not Truth.NO and not touching
