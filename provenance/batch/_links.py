"""Rows whose answer depends on the whole URL, not its host: accounts on platforms, wrapped and shortened links.

The labeller shares one result per host (and segment of constant facts). Two
kinds of host break that: a host with claims on a path prefix (``t.me``, whose
``t.me/rtnews`` is RT's account and ``t.me/other`` nobody's), and a host whose
links may wrap another page or be shortened (redirect wrappers, AMP caches,
archives, shorteners: :func:`~provenance.links.may_wrap`). Rows on those hosts
are labelled here one by one, as :func:`~provenance.labelling.label_url` labels
them, sharing only the outlets' labels the labeller keeps.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from provenance.batch._results import Labelled
from provenance.dates import Interval, PartialDate
from provenance.domains import normalize_host
from provenance.labelling import claimed_labels, host_labels, no_later_than
from provenance.labels import LabelSet
from provenance.links import may_wrap, unwrap_link
from provenance.model import Outlet
from provenance.registry import Registry, path_keys, platform_host

__all__ = ["BY_URL", "ByURL", "PathClaims", "url_labelled"]

Window = PartialDate | Interval | None
OutletLabels = Callable[[Outlet, Window], LabelSet]


class ByURL:
    """The entry of a host whose rows are labelled one by one (see :func:`url_labelled`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BY_URL"


BY_URL = ByURL()
"""The one :class:`ByURL` entry."""


@attrs.frozen(slots=True)
class PathClaims:
    """The registry's path claims as the labeller asks about them: which hosts have some, which URLs match one."""

    hosts: frozenset[str]
    """The hosts with path claims (each a platform's one host)."""
    keys: frozenset[str]
    """Their ``host/prefix`` keys."""
    depth: int
    """The most segments a prefix has."""

    @classmethod
    def of(cls, registry: Registry) -> PathClaims:
        """The path claims of a registry."""
        claims = registry.path_claims()
        keys = frozenset(claim.host + (claim.path or "") for claim in claims)
        depth = max((key.count("/") for key in keys), default=0)
        return cls(frozenset(claim.host for claim in claims), keys, depth)

    def by_url(self, host: str) -> bool:
        """Whether rows on a normalised host are labelled by their whole URL: it has path claims or may wrap links."""
        return platform_host(host) in self.hosts or may_wrap(host)

    def matches(self, host: str, url: str) -> bool:
        """Whether a URL on a host may match a path claim (else its host's claims answer for it)."""
        return platform_host(host) in self.hosts and any(key in self.keys for key in path_keys(host, url, self.depth))


def url_labelled(registry: Registry, url: str, window: Window, outlet_labels: OutletLabels) -> Labelled:
    """The result for one URL at a window, exactly as :func:`~provenance.labelling.label_url` labels it.

    Args:
        registry: The registry.
        url: The URL as shared.
        window: The row's window.
        outlet_labels: An outlet's labels at a window (the labeller's cache of ``label_outlet``).

    Raises:
        InvalidURLError: If ``url``, or a link inside it, has no valid host.
    """
    link = unwrap_link(url)
    host = normalize_host(link.url)
    window = no_later_than(window, link.archived_on)
    shared = link if link.unwrapped or link.shortener else None
    matches = registry.claims_for_host(host, window, link.url)
    if not matches:
        labels = host_labels(registry, host, None, LabelSet(), window)
        return Labelled(None, None, None, attrs.evolve(labels, host=host, link=shared))
    claim, when = matches[0]
    outlet = registry.lookup(claim.outlet)
    assert isinstance(outlet, Outlet)
    found = host_labels(
        registry, host, claim, claimed_labels(registry, host, matches, window, outlet_labels), when, matches
    )
    labels = attrs.evolve(found, host=host, claim=claim, outlet=outlet, link=shared)
    return Labelled(outlet, outlet.name_at(when), claim, labels)
