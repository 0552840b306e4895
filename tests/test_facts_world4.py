"""Facts of the world4 data batch, on the shipped data.

Seven countries the registry did not cover: Armenia, Uzbekistan, Mongolia, Sri
Lanka, Nepal, Cambodia and Laos. Each test pins a sourced fact through the public API: the
outlet's domain resolves to it, its control reaches its state, the relations
recorded, and the State Media Monitor code recorded for it.
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
    ("public-television-of-armenia", "https://www.1tv.am/en/news/x", "AM", "state-am", "2024"),
    ("mtrk-uzbekistan", "http://www.mtrk.uz/uz/news/1", "UZ", "state-uz", "2024"),
    ("mnb-mongolia", "https://mnb.mn/i/1", "MN", "state-mn", "2024"),
    ("rupavahini", "https://www.rupavahini.lk/x", "LK", "state-lk", "2023"),
    ("rss-nepal", "https://rssnepal.org.np/news/1", "NP", "state-np", "2025"),
    ("akp-cambodia", "https://www.akp.gov.kh/post/detail/1", "KH", "state-kh", "2019"),
    ("kpl-laos", "https://kpl.gov.la/EN/Detail.aspx?id=1", "LA", "state-la", "2024"),
]


test_domain_resolves_to_the_outlet = domain_tests(OUTLETS)


test_control_reaches_the_state = state_tests(OUTLETS)


RELATIONS = [
    # (subject, kind, object)
    ("state-am", "owns", "public-television-of-armenia"),
    ("state-uz", "owns", "mtrk-uzbekistan"),
    ("state-uz", "governs", "mtrk-uzbekistan"),
    ("state-uz", "funds", "mtrk-uzbekistan"),
    ("state-mn", "governs", "mnb-mongolia"),
    ("state-mn", "funds", "mnb-mongolia"),
    ("state-lk", "owns", "rupavahini"),
    ("state-lk", "governs", "rupavahini"),
    ("state-np", "owns", "rss-nepal"),
    ("state-np", "governs", "rss-nepal"),
    ("state-kh", "operates", "akp-cambodia"),
    ("state-la", "governs", "kpl-laos"),
    ("lprp-propaganda-and-training-board", "governs", "kpl-laos"),
]

test_relation_is_recorded = relation_tests(RELATIONS)


def test_armenia_owns_all_of_public_tv_since_2001(curated_registry):
    owns = relation(curated_registry, "state-am", "owns", "public-television-of-armenia")
    assert owns.share == pytest.approx(1.0)
    assert span(owns) == ("2001-07-30", "ongoing")


def test_uzbekistan_owns_mtrk_since_the_2005_decree(curated_registry):
    assert span(relation(curated_registry, "state-uz", "owns", "mtrk-uzbekistan")) == ("2005", "ongoing")
    assert curated_registry.lookup("mtrk-uzbekistan").lifetime.start == PartialDate(2005)


def test_rss_wholly_state_owned(curated_registry):
    assert relation(curated_registry, "state-np", "owns", "rss-nepal").share == pytest.approx(1.0)


def test_kpl_oversight_passed_to_the_party_board_in_june_2025(curated_registry):
    assert span(relation(curated_registry, "state-la", "governs", "kpl-laos")) == (None, "2025-06")
    board = relation(curated_registry, "lprp-propaganda-and-training-board", "governs", "kpl-laos")
    assert span(board) == ("2025-06", "ongoing")


STARTS = [
    # (outlet, its sourced start)
    ("public-television-of-armenia", PartialDate(1956, 11, 29)),
    ("rupavahini", PartialDate(1982, 2, 14)),
    ("kpl-laos", PartialDate(1968, 1, 6)),
]

test_sourced_start = start_tests(STARTS)


CODES = [
    # (outlet, State Media Monitor code)
    ("public-television-of-armenia", "SC"),
    ("mtrk-uzbekistan", "SC"),
    ("mnb-mongolia", "SC"),
    ("rupavahini", "CaPu"),
    ("rss-nepal", "SC"),
    ("akp-cambodia", "SC"),
    ("kpl-laos", "SC"),
]

test_state_media_monitor_code = monitor_code_tests(CODES, as_set=True)
