"""Hypothesis strategies for values and records: partial dates, intervals, sources, organisations, outlets."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from provenance.dates import ONGOING, UNKNOWN, Interval, PartialDate
from provenance.model import NAME_KINDS, ORGANIZATION_KINDS, OUTLET_KINDS, Name, Organization, Outlet, Source

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

__all__ = [
    "COUNTRIES",
    "LOWER",
    "NAME_ALPHABET",
    "display_names",
    "host_labels",
    "intervals",
    "kebab_ids",
    "normal_hosts",
    "organization_strategy",
    "organizations",
    "outlet_strategy",
    "outlets",
    "partial_dates",
    "sources",
]

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

    words = st.text(NAME_ALPHABET, min_size=1, max_size=12)
    paths = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_/", max_size=30)
    return st.builds(
        Source,
        url=st.builds(
            lambda host, path: f"https://{host}.example/{path}",
            st.text(LOWER, min_size=1, max_size=10),
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
COUNTRIES = ("RU", "CN", "GB", "US", "DE", "FR", "IR", "QA", "TR", "VE", "BY", "JP")
_TLDS = ("example", "test", "com", "org", "ru", "co.uk", "com.au", "news")


LOWER = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"


def kebab_ids() -> SearchStrategy[str]:
    """Kebab-case ids: a letter, then letters and digits, in one to three parts."""
    from hypothesis import strategies as st

    part = st.text(LOWER + _DIGITS, min_size=1, max_size=6)
    return st.builds(
        lambda first, rest, parts: "-".join([first + rest, *parts]),
        st.sampled_from(LOWER),
        st.text(LOWER + _DIGITS, max_size=7),
        st.lists(part, max_size=2),
    )


# Letters and digits of several scripts (Latin with diacritics, Cyrillic, Greek,
# Arabic, Hebrew, CJK, Devanagari, an astral-plane letter): a fixed alphabet
# draws far faster than every Unicode letter and still exercises each path.
NAME_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "éèçñøåäöüßłőřžÉÖ" "абвгдежзийклмнопрстуфхцчшщъыьэюяРТВ" "αβγδεζηθΣΩ" "عربيةهـ" "עברית" "新闻社电视台中日本"
    "हिन्दी" "𝒜"
)  # fmt: skip


def display_names() -> SearchStrategy[str]:
    """Names of one to four words, letters and digits of several scripts."""
    from hypothesis import strategies as st

    word = st.text(NAME_ALPHABET, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def host_labels() -> SearchStrategy[str]:
    """DNS labels that normalisation keeps as they are (never ``www``, ``m`` or ``amp``)."""
    from hypothesis import strategies as st

    inner = st.text(LOWER + _DIGITS + "-", max_size=8)
    end = st.sampled_from(LOWER + _DIGITS)
    labels = st.builds(lambda first, middle, last: first + middle + last, st.sampled_from(LOWER), inner, end)
    return (st.sampled_from(LOWER) | labels).filter(
        lambda label: label not in {"www", "m", "amp"} and not label.startswith("xn--")
    )


def normal_hosts() -> SearchStrategy[str]:
    """Normalised hosts: one or two labels and a (possibly two-label) suffix."""
    from hypothesis import strategies as st

    labels = st.lists(host_labels(), min_size=1, max_size=2)
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
    countries = st.sampled_from(COUNTRIES)
    return organization_strategy(
        ids if ids is not None else kebab_ids(),
        kinds,
        countries,
        st.lists(sources(), min_size=1, max_size=2).map(tuple),
        intervals(),
    )


def organization_strategy(
    ids: SearchStrategy[str],
    kinds: SearchStrategy[str],
    countries: SearchStrategy[str],
    cite: SearchStrategy[tuple[Source, ...]],
    lifetimes: SearchStrategy[Interval],
) -> SearchStrategy[Organization]:
    """Organisations whose parts come from the given strategies; a ``state`` always has a country."""
    from hypothesis import strategies as st

    names = display_names()
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
    return outlet_strategy(ids if ids is not None else kebab_ids(), cite, intervals())


def outlet_strategy(
    ids: SearchStrategy[str],
    cite: SearchStrategy[tuple[Source, ...]],
    lifetimes: SearchStrategy[Interval],
) -> SearchStrategy[Outlet]:
    """Outlets whose id, sources and lifetimes (of the outlet and its other names) come from the given strategies."""
    from hypothesis import strategies as st

    names = display_names()
    aliases = st.builds(Name, names, lifetimes, st.sampled_from(sorted(NAME_KINDS)))
    return st.builds(
        Outlet,
        id=ids,
        name=names,
        kind=st.sampled_from(sorted(OUTLET_KINDS)),
        country=st.sampled_from(COUNTRIES),
        names=st.lists(aliases, max_size=3).map(tuple),
        lifetime=lifetimes,
        public_service=st.booleans(),
        description=st.none() | names,
        sources=cite,
    )
