"""Facts of the world3 data batch, on the shipped data.

Eight countries the registry did not cover: Tanzania, Uganda, Zimbabwe,
Morocco, Algeria, Tunisia, Jordan and Lebanon, each with its main state
broadcaster or news agency. Each test pins a sourced fact through the public
API: the outlet's domain resolves to it, its control reaches its state, the
relations and dates recorded, and the State Media Monitor code.
"""

from __future__ import annotations

import pytest

from provenance.dates import PartialDate
from tests.facts_support import (
    domain_tests,
    monitor_code_tests,
    relation,
    relation_tests,
    span,
    start_tests,
    state_tests,
)

OUTLETS = [
    # (outlet, url on its domain, country, state, a date the control is sourced for)
    ("tbc-tanzania", "https://www.tbc.go.tz/news/x", "TZ", "state-tz", "2024"),
    ("ubc-uganda", "https://www.ubc.ug/news/x", "UG", "state-ug", "2022"),
    ("zbc-zimbabwe", "https://www.zbc.co.zw/news/x", "ZW", "state-zw", "2024"),
    ("maghreb-arabe-presse", "https://www.map.ma/en/latest-news/x", "MA", "state-ma", "2024"),
    ("algerie-presse-service", "https://www.aps.dz/en/algeria/x", "DZ", "state-dz", "2024"),
    ("tunis-afrique-presse", "https://www.tap.info.tn/en/x", "TN", "state-tn", "2025"),
    ("jordan-news-agency", "https://www.petra.gov.jo/Include/InnerPage.jsp?ID=1", "JO", "state-jo", "2023"),
    ("nna-lebanon", "https://www.nna-leb.gov.lb/en/politics/1", "LB", "state-lb", "2024"),
]


test_domain_resolves_to_the_outlet = domain_tests(OUTLETS)


test_control_reaches_the_state = state_tests(OUTLETS)


@pytest.mark.parametrize("url", ["https://www.mapnews.ma/fr/x", "http://www.mapexpress.ma/x"])
def test_map_news_portals_resolve_to_map(curated_registry, url):
    assert curated_registry.outlet_for_url(url).id == "maghreb-arabe-presse"


RELATIONS = [
    # (subject, kind, object)
    ("state-tz", "owns", "tbc-tanzania"),
    ("state-tz", "governs", "tbc-tanzania"),
    ("state-tz", "funds", "tbc-tanzania"),
    ("state-ug", "owns", "ubc-uganda"),
    ("state-ug", "governs", "ubc-uganda"),
    ("state-ug", "funds", "ubc-uganda"),
    ("state-zw", "owns", "zbc-zimbabwe"),
    ("state-zw", "governs", "zbc-zimbabwe"),
    ("state-ma", "owns", "maghreb-arabe-presse"),
    ("state-ma", "governs", "maghreb-arabe-presse"),
    ("state-ma", "funds", "maghreb-arabe-presse"),
    ("state-dz", "governs", "algerie-presse-service"),
    ("state-dz", "funds", "algerie-presse-service"),
    ("state-tn", "governs", "tunis-afrique-presse"),
    ("state-tn", "funds", "tunis-afrique-presse"),
    ("state-jo", "governs", "jordan-news-agency"),
    ("state-jo", "funds", "jordan-news-agency"),
    ("state-lb", "owns", "nna-lebanon"),
    ("state-lb", "governs", "nna-lebanon"),
    ("state-lb", "funds", "nna-lebanon"),
]

test_relation_is_recorded = relation_tests(RELATIONS)


def test_tbc_wholly_held_by_the_state(curated_registry):
    assert relation(curated_registry, "state-tz", "owns", "tbc-tanzania").share == pytest.approx(1.0)


def test_map_state_ownership_starts_with_nationalisation(curated_registry):
    assert span(relation(curated_registry, "state-ma", "owns", "maghreb-arabe-presse")) == ("1973", "ongoing")


STARTS = [
    # (outlet, its sourced start)
    ("tbc-tanzania", PartialDate(2007)),
    ("ubc-uganda", PartialDate(2005, 11, 16)),
    ("maghreb-arabe-presse", PartialDate(1959, 5, 31)),
    ("algerie-presse-service", PartialDate(1961, 12)),
    ("tunis-afrique-presse", PartialDate(1961)),
    ("jordan-news-agency", PartialDate(1969)),
    ("nna-lebanon", PartialDate(1961)),
]

test_sourced_start = start_tests(STARTS)


def test_zbc_start_is_left_open(curated_registry):
    assert curated_registry.lookup("zbc-zimbabwe").lifetime.start is None


test_state_media_monitor_code = monitor_code_tests([(outlet, "SC") for outlet, *_ in OUTLETS], as_set=True)
