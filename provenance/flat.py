"""A flat table of the registry for people who merge tables: one row per claimed host (or account) and rated host.

Each row says who is behind a host (the outlet, its country), what the
labels say of that outlet (its state-media code with its certainty, the
authorities sanctioning it), the ratings given to the host or its outlet with
their raters, and the data version, so a researcher can join it to a table of
links by host without calling the library per row::

    provenance export --format csv --at 2024-06-01 -o hosts.csv

>>> from provenance.examples import example_registry
>>> rows = list(flat_rows(example_registry(), at="2012-08-16"))
>>> [(row["host"], row["outlet_id"], row["state_media"]) for row in rows if row["host"] == "ruvr.ru"]
[('ruvr.ru', 'voice-of-russia', 'SC')]
"""

from __future__ import annotations

from collections.abc import Iterator

from provenance.dates import Interval, PartialDate, When, as_window
from provenance.labelling import label_outlet
from provenance.labels import LabelSet
from provenance.model import DomainClaim, Outlet
from provenance.rating_labels import rates_host
from provenance.ratings import Rating
from provenance.registry import Registry, data_version

__all__ = ["FLAT_COLUMNS", "flat_rows"]

FLAT_COLUMNS = (
    "host",
    "path",
    "outlet_id",
    "outlet_name",
    "country",
    "role",
    "claim_start",
    "claim_end",
    "state_media",
    "state_media_certainty",
    "sanctioned",
    "ratings",
    "data_version",
)
"""The columns of :func:`flat_rows`, in order."""

Row = dict[str, str]


def flat_rows(registry: Registry, at: When = None, policy: str = "typology") -> Iterator[Row]:
    """One row per domain claim (holding at ``at``) and per rated host no claim covers, sorted by host.

    Args:
        registry: The registry to flatten.
        at: Keep the claims that may hold at this date, and label their outlets
            at it; ``None`` for every claim, labelled over the outlet's life.
        policy: The labelling policy for the state-media code and sanctions.

    Yields:
        Rows with the keys of :data:`FLAT_COLUMNS`, every value a string (empty
        when there is nothing to say): ``sanctioned`` joins the authorities
        with ``;``, ``ratings`` joins ``rater=value`` pairs with ``;``.

    Raises:
        DateParseError: If ``at`` cannot be read.
    """
    window = as_window(at)
    version = data_version()
    labels_by_outlet: dict[str, LabelSet] = {}
    claimed = registry.claimed_hosts()
    accounts = {claim.host for claim in registry.path_claims()}
    for host in sorted(claimed | registry.rated_hosts() | accounts):
        found = (*registry.host_claims(host), *registry.path_claims(host))
        claims = [claim for claim in found if _holds(registry, claim, window)]
        if not claims and host not in claimed:
            yield _rated_row(host, registry.ratings(host=host), version)
        for claim in claims:
            outlet = registry.get(claim.outlet)
            assert isinstance(outlet, Outlet)
            if outlet.id not in labels_by_outlet:
                labels_by_outlet[outlet.id] = label_outlet(outlet, window, policy, registry)
            yield _claim_row(claim, outlet, labels_by_outlet[outlet.id], registry, version)


def _holds(registry: Registry, claim: DomainClaim, window: PartialDate | Interval | None) -> bool:
    return claim in registry.claims(claim.outlet, window)


def _claim_row(claim: DomainClaim, outlet: Outlet, labels: LabelSet, registry: Registry, version: str) -> Row:
    state = labels.get("state-media")
    start, end = claim.interval.to_strings()
    here = None if claim.path else claim.host  # an account: not the platform's ratings, nor any site's
    ratings = tuple(r for r in registry.ratings(outlet=outlet.id, host=here) if rates_host(r.name, here))
    return {
        "host": claim.host,
        "path": claim.path or "",
        "outlet_id": outlet.id,
        "outlet_name": outlet.name,
        "country": outlet.country or "",
        "role": claim.role,
        "claim_start": start or "",
        "claim_end": end or "",
        "state_media": "" if state is None else state.value,
        "state_media_certainty": "" if state is None else state.certainty,
        "sanctioned": ";".join(sorted({label.value for label in labels.filter("sanctioned")})),
        "ratings": _ratings(ratings),
        "data_version": version,
    }


def _rated_row(host: str, ratings: tuple[Rating, ...], version: str) -> Row:
    row = dict.fromkeys(FLAT_COLUMNS, "")
    row.update(host=host, ratings=_ratings(ratings), data_version=version)
    return row


def _ratings(ratings: tuple[Rating, ...]) -> str:
    return ";".join(sorted({f"{rating.rater}={rating.raw}" for rating in ratings}))
