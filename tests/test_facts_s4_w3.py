"""Facts of the s4-w3 data batch, on the shipped data.

Public broadcasters and news agencies of Central and Eastern Europe (Croatia, Montenegro,
North Macedonia, Albania, Estonia, Lithuania, Romania, Bulgaria, Czechia, Latvia, Armenia) and
private news outlets of Hungary, Poland, Czechia and Serbia with their owners over time, and the
owners of companies behind Georgian and Croatian broadcasters. Each test pins a sourced fact
through the public API: the outlet's domain resolves to it, the control of a state outlet reaches
its state, and the owners of private outlets are recorded with their dates.
"""

from __future__ import annotations

import pytest

from provenance.dates import PartialDate
from tests.facts_support import domain_tests, monitor_code_tests, relation, relation_span_tests, span, state_tests

STATE_OUTLETS = [
    # (outlet, url on its domain, country, state, a date the control is sourced for)
    ("hrt", "https://www.hrt.hr/x", "HR", "state-hr", "2024"),
    ("hina", "https://www.hina.hr/vijest/1", "HR", "state-hr", "2024"),
    ("rtcg", "https://rtcg.me/vijesti/x", "ME", "state-me", "2024"),
    ("mrt", "https://www.mrt.com.mk/node/1", "MK", "state-mk", "2023"),
    ("rtsh", "https://www.rtsh.al/lajme/x", "AL", "state-al", "2024"),
    ("err", "https://news.err.ee/1/x", "EE", "state-ee", "2007-06-01"),
    ("lrt", "https://www.lrt.lt/en/news-in-english/1", "LT", "state-lt", "1996-10-08"),
    ("tvr", "https://www.tvr.ro/x", "RO", "state-ro", "1994"),
    ("agerpres", "https://www.agerpres.ro/politica/x", "RO", "state-ro", "2003"),
    ("bnt", "https://bnt.bg/news/x", "BG", "state-bg", "1998"),
    ("czech-television", "https://ct24.ceskatelevize.cz/clanek/x", "CZ", "state-cz", "2023"),
    ("ctk", "https://www.ctk.eu/news/x", "CZ", "state-cz", "2023"),
    ("ltv", "https://www.ltv.lv/x", "LV", "state-lv", "2022"),
    ("bnr", "https://bnr.bg/en/post/1", "BG", "state-bg", "2022"),
    ("armenpress", "https://armenpress.am/eng/news/1", "AM", "state-am", "2024"),
    ("radio-romania", "https://www.srr.ro/x", "RO", "state-ro", "2021"),
    ("czech-radio", "https://www.rozhlas.cz/x", "CZ", "state-cz", "2023"),
]

PRIVATE_OUTLETS = [
    # (outlet, url on its domain, country)
    ("hirtv", "https://hirtv.hu/x", "HU"),
    ("magyar-nemzet", "https://magyarnemzet.hu/belfold/x", "HU"),
    ("origo", "https://www.origo.hu/itthon/x", "HU"),
    ("index-hu", "https://index.hu/belfold/x", "HU"),
    ("tv2-hungary", "https://tv2.hu/x", "HU"),
    ("onet", "https://www.onet.pl/x", "PL"),
    ("informer", "https://informer.rs/politika/x", "RS"),
    ("politika", "https://www.politika.rs/scc/clanak/1", "RS"),
    ("vecernje-novosti", "https://www.novosti.rs/vesti/1", "RS"),
    ("tv-nova", "https://tn.nova.cz/zpravodajstvi/clanek/1", "CZ"),
    ("tv-pink", "https://www.pink.rs/politika/1", "RS"),
    ("prva", "https://www.prva.rs/vesti/1", "RS"),
]


test_state_outlet_domain_resolves = domain_tests(STATE_OUTLETS)


test_control_reaches_the_state = state_tests(STATE_OUTLETS)


test_private_outlet_domain_resolves = domain_tests(PRIVATE_OUTLETS)


RELATIONS = [
    # (subject, kind, object, start, end)
    ("state-hr", "owns", "hrt", None, "ongoing"),
    ("state-mk", "owns", "mrt", "1993", "ongoing"),
    ("state-ee", "owns", "err", "2007-06-01", "ongoing"),
    ("state-lt", "owns", "lrt", None, "ongoing"),
    ("state-ro", "governs", "tvr", "1994", "ongoing"),
    ("state-ro", "funds", "tvr", "2016", "ongoing"),
    ("state-ro", "owns", "agerpres", "2003", "ongoing"),
    ("state-bg", "owns", "bnt", "1998", "ongoing"),
    ("kesma", "owns", "hirtv", None, "ongoing"),
    ("kesma", "owns", "origo", None, "ongoing"),
    ("magyar-telekom", "owns", "origo", None, "2015"),
    ("new-wave-media", "owns", "origo", "2015", "2017-06"),
    ("magyar-strategia", "owns", "origo", "2017-06", "unknown"),
    ("foundation-for-hungarian-development", "owns", "index-hu", "2017-04-20", "2020-11"),
    ("indamedia", "owns", "index-hu", "2020-11", "ongoing"),
    ("miklos-vaszily", "owns", "indamedia", "2020-03", "ongoing"),
    ("prosiebensat1", "owns", "tv2-hungary", None, "2013"),
    ("magyar-broadcasting-co", "owns", "tv2-hungary", "2015", "2019"),
    ("abraham-goldmann", "owns", "tv2-hungary", "2019", "ongoing"),
    ("discovery-inc", "owns", "tvn-group", "2018", "unknown"),
    ("warner-bros-discovery", "owns", "tvn-group", None, "ongoing"),
    ("rheinisch-bergische-verlagsgesellschaft", "owns", "mafra", None, "2013"),
    ("agrofert", "owns", "mafra", "2013", "2023"),
    ("kaprain", "owns", "mafra", "2023", "ongoing"),
    ("ab-private-trusts", "owns", "agrofert", "2017", "2025-10-15"),
    ("ina-gudavadze", "owns", "georgian-media-production-group", None, "2021-01"),
    ("media-finance-group", "owns", "georgian-media-production-group", "2021-01", "ongoing"),
    ("insajder-tim", "owns", "informer", None, "ongoing"),
    ("state-lv", "owns", "ltv", None, "ongoing"),
    ("seplp", "governs", "ltv", "2020", "ongoing"),
    ("funke-mediengruppe", "owns", "politika-novine-i-magazini", None, "2012"),
    ("miroslav-bogicevic", "owns", "politika-novine-i-magazini", "2012", "2021"),
    ("media-026", "owns", "politika-novine-i-magazini", "2021", "ongoing"),
    ("stamparija-borba", "owns", "novosti-ad", None, "2019"),
    ("media-026", "owns", "novosti-ad", "2019", "ongoing"),
    ("state-ro", "governs", "radio-romania", "1994", "ongoing"),
    ("att-inc", "owns", "central-european-media-enterprises", None, "2020-10-13"),
    ("ppf-group", "owns", "central-european-media-enterprises", "2020-10-13", "ongoing"),
    ("kopernikus-corporation", "owns", "prva", "2018", "ongoing"),
]

test_relation_and_its_dates = relation_span_tests(RELATIONS)


def test_index_foundation_held_all_shares(curated_registry):
    assert relation(
        curated_registry, "foundation-for-hungarian-development", "owns", "index-hu"
    ).share == pytest.approx(1.0)
    assert relation(curated_registry, "miklos-vaszily", "owns", "indamedia").share == pytest.approx(0.5)


def test_onet_majority_then_whole_of_ringier_axel_springer(curated_registry):
    stakes = sorted(
        (
            (span(r), r.share)
            for r in curated_registry.relations(subject="ringier-axel-springer-media", object="onet")
            if r.kind == "owns"
        ),
        key=lambda stake: stake[1],
    )
    assert stakes == [((None, "2017"), pytest.approx(0.75)), (("2017", "ongoing"), pytest.approx(1.0))]
    owners = {r.subject for r in curated_registry.relations(object="ringier-axel-springer-media") if r.kind == "owns"}
    assert owners == {"axel-springer", "ringier"}


def test_prime_media_global_wholly_owned_by_mikelaishvili(curated_registry):
    assert relation(curated_registry, "ilia-mikelaishvili", "owns", "prime-media-global").share == pytest.approx(1.0)


def test_politika_publisher_split_between_state_company_and_rajic(curated_registry):
    assert relation(curated_registry, "politika-ad", "owns", "politika-novine-i-magazini").share == pytest.approx(0.5)
    assert relation(curated_registry, "media-026", "owns", "politika-novine-i-magazini").share == pytest.approx(0.5)
    assert relation(curated_registry, "boban-rajic", "owns", "media-026")


def test_cme_stations_reach_ppf(curated_registry):
    assert relation(curated_registry, "central-european-media-enterprises", "owns", "tv-nova")
    assert relation(curated_registry, "ppf-group", "owns", "central-european-media-enterprises").share == pytest.approx(
        1.0
    )


def test_tv_pink_wholly_owned_by_mitrovic(curated_registry):
    assert relation(curated_registry, "pink-media-group", "owns", "tv-pink")
    assert relation(curated_registry, "zeljko-mitrovic", "owns", "pink-media-group").share == pytest.approx(1.0)


def test_babis_owns_agrofert_again_after_the_trusts(curated_registry):
    spans = sorted(
        (span(r) for r in curated_registry.relations(subject="andrej-babis", object="agrofert") if r.kind == "owns"),
        key=lambda s: s[0] or "",
    )
    assert spans == [(None, "2017"), ("2024", "ongoing")]


def test_err_founded_by_the_2007_act(curated_registry):
    assert curated_registry.lookup("err").lifetime.start == PartialDate(2007, 6, 1)


CODES = [
    # (outlet, State Media Monitor code)
    ("hrt", "CaPu"),
    ("hina", "SC"),
    ("rtcg", "ISFM"),
    ("mrt", "SC"),
    ("rtsh", "ISM"),
    ("err", "ISF"),
    ("lrt", "IP"),
    ("tvr", "CaPu"),
    ("agerpres", "SC"),
    ("bnt", "SC"),
    ("hirtv", "CaPr"),
    ("index-hu", "CaPr"),
    ("informer", "CaPr"),
    ("czech-television", "IP"),
    ("ctk", "ISM"),
    ("ltv", "ISFM"),
    ("bnr", "SC"),
    ("armenpress", "SC"),
    ("politika", "SC"),
    ("vecernje-novosti", "CaPr"),
    ("radio-romania", "SC"),
    ("czech-radio", "IP"),
    ("tv-pink", "CaPr"),
    ("prva", "CaPr"),
]

test_state_media_monitor_code = monitor_code_tests(CODES)
