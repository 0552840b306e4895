"""Outlets added to us.toml by the "us3" data group (issue #13 item 2), pinned on the shipped data."""

from __future__ import annotations

from provenance.dates import PartialDate
from provenance.ownership import control_chain
from tests.facts_support import assert_chain_sources_quoted, chain_top_tests, tops, url_tests

OUTLETS = ("cbs-news", "epoch-times", "newsweek", "bloomberg-news", "abc-news", "daily-wire")


URLS = [
    # (url, outlet it resolves to on 2024-06-01)
    ("https://www.cbsnews.com/news/x/", "cbs-news"),
    ("https://www.theepochtimes.com/us/x-5000000", "epoch-times"),
    ("https://www.newsweek.com/x-2000000", "newsweek"),
    ("https://www.bloomberg.com/news/articles/2024-06-01/x", "bloomberg-news"),
    ("https://abcnews.go.com/Politics/x/story?id=1", "abc-news"),
    ("https://www.dailywire.com/news/x", "daily-wire"),
]

test_us3_outlets_own_their_domains = url_tests(URLS, at="2024-06-01")


def test_us3_cbsnews_com_claim_starts_when_first_attested(curated_registry):
    (claim,) = curated_registry.claims("cbs-news")
    assert claim.host == "cbsnews.com" and claim.interval.start == PartialDate(2006, 11)


CBS_NEWS_TOPS = [
    # (date, the id heading every path of the chain, or the set of ids at the tops)
    ("2020", "national-amusements"),
    ("2025-08-06", "national-amusements"),
    ("2025-08-07", "paramount-skydance"),
    ("2026", "paramount-skydance"),
]

test_us3_cbs_news_from_national_amusements_to_paramount_skydance = chain_top_tests("cbs-news", CBS_NEWS_TOPS)


def test_us3_paramount_global_merged_into_paramount_skydance_on_7_august_2025(curated_registry):
    (succession,) = curated_registry.successors("paramount-global")
    assert succession.successor == "paramount-skydance" and succession.kind == "merged-into"
    assert succession.date == PartialDate(2025, 8, 7)
    assert curated_registry.lookup("paramount-global").lifetime.end == PartialDate(2025, 8, 6)


def test_us3_theepochtimes_com_claim_starts_when_first_attested(curated_registry):
    (claim,) = curated_registry.claims("epoch-times")
    assert claim.host == "theepochtimes.com" and claim.interval.start == PartialDate(2020, 9)


def test_us3_bloomberg_com_rests_on_a_reference_naming_the_site(curated_registry):
    (claim,) = curated_registry.claims("bloomberg-news")
    assert claim.host == "bloomberg.com"
    assert all(s.kind == "reference" and "bloomberg.com" in s.quote for s in claim.sources)


def test_us3_epoch_times_is_an_epoch_media_group_brand(curated_registry):
    assert tops(curated_registry, "epoch-times", "2020") == {"epoch-media-group"}
    assert curated_registry.lookup("epoch-times").lifetime.start == PartialDate(2000)


NEWSWEEK_TOPS = [
    # (date, the id heading every path of the chain, or the set of ids at the tops)
    ("2015", {"ibt-media"}),
    ("2020", {"dev-pragad", "johnathan-davis"}),
]

test_us3_newsweek_from_ibt_media_to_nw_media_holdings = chain_top_tests("newsweek", NEWSWEEK_TOPS)


def test_us3_pragad_holds_half_of_nw_media_holdings(curated_registry):
    (relation,) = curated_registry.relations(subject="dev-pragad", object="nw-media-holdings")
    assert relation.kind == "owns" and relation.share == 0.5


def test_us3_bloomberg_news_reaches_michael_bloomberg_through_bloomberg_lp(curated_registry):
    assert tops(curated_registry, "bloomberg-news", "2020") == {"michael-bloomberg"}
    assert tops(curated_registry, "bloomberg-news", "2000") == {"bloomberg-lp"}


ABC_NEWS_TOPS = [("1996-02-08", set()), ("1996-02-09", {"walt-disney-company"})]

test_us3_abc_news_is_disney_s_from_9_february_1996 = chain_top_tests("abc-news", ABC_NEWS_TOPS)


def test_us3_daily_wire_through_dailywire_ventures_to_farris_wilks(curated_registry):
    assert tops(curated_registry, "daily-wire", "2020") == {"farris-wilks"}


def test_us3_facts_rest_on_quoted_non_other_sources(curated_registry):
    for outlet in OUTLETS:
        paths = control_chain(curated_registry, outlet, at="2024")
        assert paths
        assert_chain_sources_quoted(paths)
