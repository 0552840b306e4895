"""Facts of the s4-w7 data batch, on the shipped data.

Myanmar, New Zealand, Taiwan, Brunei and more outlets in East and South-East Asia and Australia.
Each test pins a sourced fact through the public API: the outlet's domain resolves to it, its
control reaches its state (state outlets), the owner relations and their dates (commercial ones).
"""

from __future__ import annotations

import pytest

from tests.facts_support import domain_tests, relation, relation_tests, span, state_tests

RESOLVES = [
    # (outlet, url on its domain, country)
    ("mrtv", "https://www.mrtv.gov.mm/news/1", "MM"),
    ("global-new-light-of-myanmar", "https://www.globalnewlightofmyanmar.com/x/", "MM"),
    ("myawaddy-tv", "https://www.myawady.net.mm/node/1", "MM"),
    ("rnz", "https://www.radionz.co.nz/news/1", "NZ"),
    ("rnz", "https://www.rnz.co.nz/news/political/1/x", "NZ"),
    ("tvnz", "https://www.tvnz.co.nz/one-news/x", "NZ"),
    ("stuff-nz", "https://www.stuff.co.nz/national/1", "NZ"),
    ("nz-herald", "https://www.nzherald.co.nz/nz/x/", "NZ"),
    ("sydney-morning-herald", "https://www.smh.com.au/politics/x.html", "AU"),
    ("cna-taiwan", "https://www.cna.com.tw/news/aipl/1.aspx", "TW"),
    ("cna-taiwan", "https://focustaiwan.tw/politics/1", "TW"),
    ("pts-taiwan", "https://www.pts.org.tw/x", "TW"),
    ("rti-taiwan", "https://en.rti.org.tw/news/view/id/1", "TW"),
    ("rtb-brunei", "http://www.rtb.gov.bn/x", "BN"),
    ("south-china-morning-post", "https://www.scmp.com/news/hong-kong/x", "HK"),
    ("ta-kung-pao", "http://www.takungpao.com/news/1.html", "HK"),
    ("wen-wei-po", "https://www.wenweipo.com/a/1.html", "HK"),
    ("straits-times", "https://www.straitstimes.com/singapore/x", "SG"),
    ("tvri", "https://tvri.go.id/detail/1", "ID"),
    ("rri", "https://www.rri.co.id/nasional/1", "ID"),
    ("fbc-fiji", "https://www.fbcnews.com.fj/news/x/", "FJ"),
    ("vtv-vietnam", "https://vtv.vn/chinh-tri/x.htm", "VN"),
    ("rtm-malaysia", "https://www.rtm.gov.my/x", "MY"),
    ("the-paper", "https://www.thepaper.cn/newsDetail_forward_1", "CN"),
    ("phoenix-tv", "https://news.ifeng.com/c/1", "HK"),
    ("abs-cbn", "https://news.abs-cbn.com/news/1/x", "PH"),
    ("the-star-malaysia", "https://www.thestar.com.my/news/nation/x", "MY"),
    ("hankyoreh", "https://english.hani.co.kr/arti/english_edition/1.html", "KR"),
    ("the-west-australian", "https://thewest.com.au/news/x", "AU"),
    ("yomiuri-shimbun", "https://www.yomiuri.co.jp/national/1/", "JP"),
    ("asahi-shimbun", "https://www.asahi.com/ajw/articles/1", "JP"),
]


test_domain_resolves_to_the_outlet = domain_tests(RESOLVES)


STATE = [
    # (outlet, the state or state body at the top, a date the control is sourced for)
    ("mrtv", "state-mm", "2022"),
    ("global-new-light-of-myanmar", "state-mm", "2019"),
    ("myawaddy-tv", "tatmadaw", "2024-05"),
    ("rnz", "state-nz", "2022"),
    ("tvnz", "state-nz", "2024"),
    ("cna-taiwan", "state-tw", "2023"),
    ("pts-taiwan", "state-tw", "2023"),
    ("rti-taiwan", "state-tw", "2023"),
    ("rtb-brunei", "state-bn", "2024"),
    ("ta-kung-pao", "liaison-office-hk", "2024"),
    ("wen-wei-po", "liaison-office-hk", "2024"),
    ("tvri", "state-id", "2024"),
    ("tvri", "state-id", "2004"),
    ("rri", "state-id", "2022"),
    ("fbc-fiji", "state-fj", "2024"),
    ("vtv-vietnam", "state-vn", "2023"),
    ("rtm-malaysia", "state-my", "2022"),
    ("the-paper", "shanghai-municipal-government", "2023"),
    ("phoenix-tv", "state-cn", "2022"),
]


test_control_reaches_the_state = state_tests(STATE)


RELATIONS = [
    # (subject, kind, object)
    ("ministry-of-information-mm", "owns", "mrtv"),
    ("ministry-of-information-mm", "governs", "mrtv"),
    ("state-mm", "parent-of", "ministry-of-information-mm"),
    ("tatmadaw", "owns", "myawaddy-tv"),
    ("state-nz", "governs", "rnz"),
    ("state-nz", "governs", "tvnz"),
    ("nzme", "owns", "nz-herald"),
    ("state-tw", "governs", "cna-taiwan"),
    ("taiwan-broadcasting-system", "parent-of", "pts-taiwan"),
    ("state-tw", "governs", "rti-taiwan"),
    ("prime-ministers-office-bn", "governs", "rtb-brunei"),
    ("prime-ministers-office-bn", "controls-editorially", "rtb-brunei"),
    ("liaison-office-hk", "owns", "guangdong-xin-wenhua"),
    ("guangdong-xin-wenhua", "operates", "ta-kung-pao"),
    ("liaison-office-hk", "controls-editorially", "wen-wei-po"),
    ("state-vn", "governs", "vtv-vietnam"),
    ("ministry-of-communications-my", "operates", "rtm-malaysia"),
    ("ministry-of-communications-my", "governs", "rtm-malaysia"),
    ("shanghai-united-media-group", "owns", "the-paper"),
    ("ccp-shanghai-committee", "governs", "shanghai-united-media-group"),
    ("state-cn", "owns", "bauhinia-culture"),
]

test_relation_is_recorded = relation_tests(RELATIONS)


def test_rnz_owned_by_the_crown_since_its_act(curated_registry):
    assert span(relation(curated_registry, "state-nz", "owns", "rnz")) == ("1995-12-01", "ongoing")


def test_stuff_passed_from_nine_to_its_chief_executive_in_may_2020(curated_registry):
    assert span(relation(curated_registry, "nine-entertainment", "owns", "stuff-nz")) == ("2018", "2020-05")
    boucher = relation(curated_registry, "sinead-boucher", "owns", "stuff-nz")
    assert span(boucher) == ("2020-05", "ongoing")
    assert boucher.share == pytest.approx(1.0)


def test_sydney_morning_herald_passed_from_fairfax_to_nine_in_2018(curated_registry):
    assert span(relation(curated_registry, "fairfax-media", "owns", "sydney-morning-herald")) == (None, "2018-12")
    assert span(relation(curated_registry, "nine-entertainment", "owns", "sydney-morning-herald")) == (
        "2018-12",
        "ongoing",
    )


def test_tbs_state_owned_since_2006(curated_registry):
    assert span(relation(curated_registry, "state-tw", "owns", "taiwan-broadcasting-system")) == ("2006", "ongoing")


def test_rtb_wholly_state_owned(curated_registry):
    assert relation(curated_registry, "state-bn", "owns", "rtb-brunei").share == pytest.approx(1.0)


def test_cna_taiwan_typology_is_the_matrix_code_with_the_profile_code_noted(curated_registry):
    found = [a for a in curated_registry.assessments(subject="cna-taiwan") if a.kind == "typology"]
    assert [a.value for a in found] == ["ISFM"]
    assert "ISM" in found[0].note


@pytest.mark.parametrize("outlet", ["tvri", "rri"])
def test_indonesian_public_broadcasters_sc_with_the_later_isfm_profile_noted(curated_registry, outlet):
    found = [a for a in curated_registry.assessments(subject=outlet) if a.kind == "typology"]
    assert [a.value for a in found] == ["SC"]
    assert "ISFM" in found[0].note


def test_scmp_owners_over_time(curated_registry):
    assert span(relation(curated_registry, "news-corporation", "owns", "south-china-morning-post")) == ("1986", "1993")
    assert span(relation(curated_registry, "robert-kuok", "owns", "south-china-morning-post")) == ("1993", "2016-04-05")
    assert span(relation(curated_registry, "alibaba-group", "owns", "south-china-morning-post")) == (
        "2016-04-05",
        "ongoing",
    )


def test_straits_times_passed_from_sph_to_sph_media_trust(curated_registry):
    sph = relation(curated_registry, "singapore-press-holdings", "owns", "straits-times")
    assert span(sph) == ("1984-08-04", "2021-12-01")
    assert span(relation(curated_registry, "sph-media-trust", "owns", "straits-times")) == ("2021-12-01", "ongoing")


def test_tvri_state_corporation_until_2005(curated_registry):
    assert span(relation(curated_registry, "state-id", "owns", "tvri")) == (None, "2005")
    assert span(relation(curated_registry, "state-id", "governs", "tvri")) == (None, "ongoing")


def test_fbc_wholly_state_owned(curated_registry):
    owns = relation(curated_registry, "state-fj", "owns", "fbc-fiji")
    assert owns.share == pytest.approx(1.0)
    assert span(owns) == (None, "ongoing")


def test_phoenix_passed_from_its_founder_to_bauhinia_culture_in_april_2021(curated_registry):
    liu = relation(curated_registry, "liu-changle", "owns", "phoenix-tv")
    assert span(liu) == (None, "2021-04")
    assert liu.share == pytest.approx(0.3808)
    bauhinia = relation(curated_registry, "bauhinia-culture", "owns", "phoenix-tv")
    assert span(bauhinia) == ("2021-04", "ongoing")
    assert bauhinia.share == pytest.approx(0.21)


def test_abs_cbn_lopez_family_seized_under_martial_law_and_returned(curated_registry):
    spans = sorted(
        span(r) for r in curated_registry.relations(subject="lopez-family", object="abs-cbn") if r.kind == "owns"
    )
    assert spans == [("1957-02-24", "1972"), ("1986", "ongoing")]
    assert span(relation(curated_registry, "state-ph", "governs", "abs-cbn")) == ("1972", "1986")
    assert span(relation(curated_registry, "lopez-holdings", "owns", "abs-cbn")) == (None, "ongoing")


def test_the_star_controlled_by_the_mca_through_star_media_group(curated_registry):
    relation(curated_registry, "star-media-group", "owns", "the-star-malaysia")
    mca = relation(curated_registry, "malaysian-chinese-association", "owns", "star-media-group")
    assert mca.share == pytest.approx(0.454)
    assert span(mca) == (None, "ongoing")


@pytest.mark.parametrize(
    ("subject", "object"),
    [("tatmadaw", "myawaddy-tv"), ("state-nz", "rnz"), ("state-tw", "cna-taiwan"), ("state-tw", "rti-taiwan")],
)
def test_funding_attested_by_a_dated_figure_is_left_undated(curated_registry, subject, object):
    assert span(relation(curated_registry, subject, "funds", object)) == (None, "ongoing")


def test_hankyoreh_owned_by_citizen_shareholders_since_1988(curated_registry):
    assert span(relation(curated_registry, "hankyoreh-shareholders", "owns", "hankyoreh")) == ("1988-05", "ongoing")


def test_the_west_australian_up_to_kerry_stokes(curated_registry):
    # Attested in an August 2021 report that does not date the holdings: no start is recorded.
    assert span(relation(curated_registry, "seven-west-media", "owns", "the-west-australian")) == (None, "ongoing")
    sgh = relation(curated_registry, "seven-group-holdings", "owns", "seven-west-media")
    assert sgh.share == pytest.approx(0.402)
    assert span(sgh) == (None, "ongoing")
    assert span(relation(curated_registry, "kerry-stokes", "owns", "seven-group-holdings")) == (None, "ongoing")


def test_yomiuri_held_by_its_holding_company_since_2002_largest_owner_the_shoriki_family(curated_registry):
    assert span(relation(curated_registry, "yomiuri-shimbun-holdings", "owns", "yomiuri-shimbun")) == (
        "2002-07-01",
        "ongoing",
    )
    assert relation(curated_registry, "shoriki-family", "owns", "yomiuri-shimbun-holdings").share == pytest.approx(
        0.4526
    )


def test_asahi_held_jointly_by_the_murayama_and_ueno_families_since_1881(curated_registry):
    assert span(relation(curated_registry, "murayama-family", "owns", "asahi-shimbun")) == ("1881", "ongoing")
    assert span(relation(curated_registry, "ueno-family", "owns", "asahi-shimbun")) == ("1881", "ongoing")
