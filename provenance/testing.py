"""Tools for tests, ours and downstream projects': tiny registries in a few lines.

>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russia", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "rt", "name": "RT", "country": "RU", "kind": "broadcaster"}],
...     relations=[{"subject": "state-ru", "kind": "funds", "object": "rt"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}],
... )
>>> len(reg), reg.relations(object="rt")[0].kind
(1, 'funds')
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from provenance.dates import ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate
from provenance.errors import RegistryError
from provenance.loader import read_document
from provenance.model import Source
from provenance.registry import Registry

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["FIXTURE_SOURCE", "intervals", "make_registry", "partial_dates", "sources"]

FIXTURE_SOURCE: Mapping[str, str] = {
    "url": "https://example.org/provenance-test-fixture",
    "title": "Test fixture",
    "publisher": "provenance.testing",
    "accessed": "2026-01-01",
}
"""The source cited by :func:`make_registry` records that name none."""

_DEFAULTS: Mapping[str, Mapping[str, Any]] = {
    "organizations": {"kind": "company"},
    "outlets": {"kind": "website"},
    "domains": {"role": "primary"},
    "relations": {},
    "successions": {},
    "assessments": {},
}


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

    dates = partial_dates(min_year, max_year)
    ends: SearchStrategy[PartialDate | OpenEnd] = st.one_of(dates, st.just(ONGOING), st.just(UNKNOWN))

    def valid(pair: tuple[PartialDate | None, PartialDate | OpenEnd]) -> bool:
        start, end = pair
        return start is None or not isinstance(end, PartialDate) or end.latest() >= start.earliest()

    pairs = st.tuples(st.none() | dates, ends).filter(valid)
    return pairs.map(lambda pair: Interval(pair[0], pair[1]))


def sources() -> SearchStrategy[Source]:
    """Plausible :class:`~provenance.model.Source` records.

    Returns:
        A strategy of sources with http(s) URLs, titles, publishers and access dates.
    """
    from hypothesis import strategies as st

    words = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12)
    paths = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/", max_size=30)
    return st.builds(
        Source,
        url=st.builds(
            lambda host, path: f"https://{host}.example/{path}",
            st.from_regex(r"[a-z]{1,10}", fullmatch=True),
            paths,
        ),
        title=words,
        publisher=st.none() | words,
        accessed=st.none() | partial_dates(2000, 2026).filter(lambda d: d.precision == "day"),
        quote=st.none() | words,
    )
