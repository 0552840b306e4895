"""Facts of the s5-w9 data batch, on the shipped data (issue #13 item 2).

The batch added The Sun with its domain thesun.co.uk, sourced to IPSO rulings. The third reading
removed it again: the rulings name the address as a publication but not The Sun or its publisher,
so no source read ties thesun.co.uk to The Sun, and an outlet without its domain is not recorded.
The reader-fund terms on thesun.ie, tried next, were removed for the same reason: the page text read
names www.thesun.co.uk/50 as the entry form's address but not The Sun, its publisher or a promoter.
Redfish and RT Balkan stay out: no acceptable source read shows their domains
(docs/fact-checks/facts-s5-w9.md).
"""

from __future__ import annotations

import pytest

from provenance import default_registry
from provenance.dates import parse_iso
from provenance.registry import Registry
from tests.facts_support import relation, span


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry(layers=())  # the curated data


@pytest.mark.parametrize("host", ["thesun.co.uk", "www.thesun.co.uk", "redfish.media", "rt.rs"])
def test_unsourced_domains_are_not_claimed(registry, host):
    assert registry.claim_for_host(host, parse_iso("2024-01-01")) is None


def test_news_corp_holds_news_uk_from_the_split(registry):
    assert span(relation(registry, "news-corp", "owns", "news-uk")) == ("2013-06-28", "ongoing")
