"""Facts of the s5-w9 data batch, on the shipped data (issue #13 item 2).

The Sun: its domain resolves to it from the earliest day the sources attest the address, and its
owner chain (News UK, then News Corp from the 2013 split) reaches News Corp. Redfish and RT Balkan
stay out: no acceptable source read shows their domains (docs/fact-checks/facts-s5-w9.md).
"""

from __future__ import annotations

import pytest

from provenance import default_registry
from provenance.dates import parse_iso
from provenance.ownership import control_chain
from provenance.registry import Registry
from tests.facts_support import assert_resolves, relation, span


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry(layers=())  # the curated data


RESOLVES = [
    # (outlet, url on its domain, country)
    ("the-sun", "https://www.thesun.co.uk/news/1/x/", "GB"),
    ("the-sun", "https://thesun.co.uk/sport/1/x/", "GB"),
]


@pytest.mark.parametrize(("outlet", "url", "country"), RESOLVES, ids=[o[1] for o in RESOLVES])
def test_domain_resolves_to_the_outlet(registry, outlet, url, country):
    assert_resolves(registry, outlet, url, country)


def test_the_sun_domain_starts_at_its_earliest_attested_day(registry):
    # The Sun's reader-fund terms: entries through a form on www.thesun.co.uk from 18 November 2019
    assert registry.claim_for_host("thesun.co.uk", parse_iso("2019-11-17")) is None
    claim = registry.claim_for_host("www.thesun.co.uk", parse_iso("2019-11-18"))
    assert claim is not None and claim.outlet == "the-sun" and claim.role == "primary"


@pytest.mark.parametrize(
    ("outlet", "at", "top"),
    [
        ("the-sun", "2024", "news-corp"),
        ("the-sun", "2013-06-28", "news-corp"),
        ("the-sun", "2013-06-27", "news-uk"),  # before the split, News UK is the top owner recorded
    ],
)
def test_control_reaches_the_top_owner(registry, outlet, at, top):
    assert control_chain(registry, outlet, at=at).ultimate() == (top,)


@pytest.mark.parametrize(
    ("subject", "kind", "object", "dates"),
    [
        ("news-uk", "owns", "the-sun", ("2013-06-26", "ongoing")),
        ("news-uk", "operates", "the-sun", ("2013-06-26", "ongoing")),
        ("news-corp", "owns", "news-uk", ("2013-06-28", "ongoing")),
    ],
)
def test_relation_is_recorded_with_its_dates(registry, subject, kind, object, dates):
    assert span(relation(registry, subject, kind, object)) == dates


def test_the_sun_has_no_owner_before_the_attested_start(registry):
    assert control_chain(registry, "the-sun", at="2012").ultimate() == ()
