"""Facts of issue #12 for the UK, Euronews, Ireland, Australia, the Netherlands, Sweden and Germany.

Each test pins a corrected fact through the public API on the shipped data:
the BBC World Service's names and who paid for it when, the UK state's
relations to the BBC, Euronews's owners and their shares over time, the
funding of ARD and ZDF, the governance of NOS, and the dated X labels of the
BBC.
"""

from __future__ import annotations

import pytest

from provenance.dates import ONGOING, PartialDate, parse_iso
from tests.facts_support import assert_reaches_state, host_claim_tests, monitor_codes, subjects, top_owner_tests


def day(text: str) -> PartialDate:
    return parse_iso(text)


# -- BBC World Service: names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "name"),
    [
        ("1933-06-01", "BBC Empire Service"),
        ("1941-06-01", "BBC Overseas Service"),
        ("1950-06-01", "BBC General Overseas Service"),
        ("1965-04-30", "BBC General Overseas Service"),
        ("1965-05-01", "BBC World Service"),
        ("1990-06-01", "BBC World Service"),
    ],
)
def test_world_service_names_are_dated(curated_registry, when, name):
    assert curated_registry.lookup("bbc-world-service").name_at(day(when)) == name


def test_empire_service_name_ends(curated_registry):
    names = {n.name: n for n in curated_registry.lookup("bbc-world-service").names}
    empire = names["BBC Empire Service"]
    assert str(empire.interval.start) == "1932-12-19"
    assert str(empire.interval.end) == "1939-11"
    # review: the 1988 "External Services" page was read only through a proxy, so the alias is not kept
    assert "External Services of the BBC" not in names


# -- BBC World Service: who paid -------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "funders"),
    [
        ("2010", {"uk-foreign-office"}),
        ("2014-03-31", {"uk-foreign-office"}),
        ("2014-04-01", {"bbc-corporation"}),
        ("2015", {"bbc-corporation"}),
        ("2017", {"bbc-corporation", "uk-foreign-office"}),
        ("2022", {"bbc-corporation", "uk-foreign-office"}),
    ],
)
def test_world_service_funders_over_time(curated_registry, at, funders):
    assert subjects(curated_registry, "bbc-world-service", "funds", at) == funders


def test_world_service_funding_intervals(curated_registry):
    spans = {
        (r.interval.start, r.interval.end)
        for r in curated_registry.relations(subject="uk-foreign-office", object="bbc-world-service")
        if r.kind == "funds"
    }
    assert spans == {(None, day("2014-03-31")), (day("2016"), ONGOING)}


def test_world_service_reaches_the_state_except_in_the_licence_fee_years(curated_registry):
    for at in ("2010", "2020"):
        assert_reaches_state(curated_registry, "bbc-world-service", "state-gb", at)
    assert subjects(curated_registry, "bbc-world-service", "funds", "2015") == {"bbc-corporation"}


def test_the_uk_state_does_not_fund_the_bbc_corporation(curated_registry):
    assert "state-gb" not in subjects(curated_registry, "bbc-corporation", "funds")
    for relation in curated_registry.relations(object="bbc-corporation"):
        assert all("americanthinker" not in source.url for source in relation.sources)


def test_foreign_office_names(curated_registry):
    names = {n.name for n in curated_registry.lookup("uk-foreign-office").all_names()}
    assert {"Foreign Office", "FCO", "FCDO"} <= names


# -- BBC: X labels ----------------------------------------------------------------------------------


def test_bbc_x_labels_are_dated_within_april_2023(curated_registry):
    labels = {a.value: a for a in curated_registry.assessments("bbc", kind="platform-label") if a.assessor == "x"}
    assert set(labels) == {"government-funded media", "publicly funded"}
    for label in labels.values():
        assert str(label.interval.start) == "2023-04"
    assert str(labels["publicly funded"].interval.end) == "2023-04-20"
    assert str(labels["government-funded media"].interval.end) == "2023-04"


# -- other UK facts -------------------------------------------------------------------------------


def test_ft_com_has_no_start_date(curated_registry):
    claim = curated_registry.claim_for_url("https://www.ft.com/content/x")
    assert claim is not None and claim.outlet == "financial-times"
    assert claim.interval.start is None


def test_financial_times_changed_hands_on_30_november_2015(curated_registry):
    assert subjects(curated_registry, "financial-times", "owns", "2015-11-29") == {"pearson"}
    assert subjects(curated_registry, "financial-times", "owns", "2015-11-30") == {"nikkei-inc"}


def test_reuters_group_ends_the_day_before_thomson_reuters_begins(curated_registry):
    assert str(curated_registry.lookup("reuters-group").lifetime.end) == "2008-04-16"
    assert subjects(curated_registry, "reuters", "owns", "2008-04-16") == {"reuters-group"}
    assert subjects(curated_registry, "reuters", "owns", "2008-04-17") == {"thomson-reuters"}
    [succession] = curated_registry.successors("reuters-group")
    assert (succession.successor, str(succession.date)) == ("thomson-reuters", "2008-04-17")


# -- Euronews ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "owner", "share"),
    [
        # review: 53% is only the 2015 deal; 63% (Politico) or 66% (Variety) before April 2020
        ("2016", "mgn-sawiris", None),
        ("2019", "mgn-sawiris", None),
        ("2020-04-14", "mgn-sawiris", None),
        ("2020-04-15", "mgn-sawiris", 0.88),
        ("2021", "mgn-sawiris", 0.88),
        ("2023", "alpac-capital", 0.88),
    ],
)
def test_euronews_owners_and_shares(curated_registry, at, owner, share):
    owners = [r for r in curated_registry.relations(object="euronews", at=at) if r.kind == "owns"]
    assert [(r.subject, r.share) for r in owners] == [(owner, share)]


def test_mgn_did_not_hold_88_percent_before_april_2020(curated_registry):
    for relation in curated_registry.relations(subject="mgn-sawiris", object="euronews"):
        if relation.share == 0.88:
            assert str(relation.interval.start) == "2020-04-15"


# -- Germany ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("outlet", ["ard", "zdf"])
def test_the_federal_state_does_not_fund_ard_or_zdf(curated_registry, outlet):
    assert "state-de" not in subjects(curated_registry, outlet, "funds")
    assert set(monitor_codes(curated_registry, outlet)) == {"IP"}


def test_the_federal_state_funds_deutsche_welle(curated_registry):
    assert "state-de" in subjects(curated_registry, "deutsche-welle", "funds", "2020")


# -- the Netherlands --------------------------------------------------------------------------------


def test_nos_governance_passes_from_the_npo_board_to_the_minister(curated_registry):
    assert subjects(curated_registry, "nos", "governs", "2010") == {"npo-foundation"}
    assert subjects(curated_registry, "nos", "governs", "2012") == {"state-nl"}


# -- Sweden, Australia, Ireland ----------------------------------------------------------------


def test_swedish_foundation_owns_svt_and_the_government_appoints_its_board(curated_registry):
    assert subjects(curated_registry, "svt", "owns", "2020") == {"forvaltningsstiftelsen"}
    assert subjects(curated_registry, "forvaltningsstiftelsen", "governs") == {"state-se"}


def test_sbs_governance_is_not_claimed(curated_registry):
    assert subjects(curated_registry, "sbs", "governs") == set()
    assert subjects(curated_registry, "sbs", "funds") == {"state-au"}


def test_rte_is_funded_by_the_irish_state(curated_registry):
    assert subjects(curated_registry, "rte", "funds") == {"state-ie"}


# -- sources ----------------------------------------------------------------------------------------

FILES = ("gb", "international", "ie", "au", "nl", "se", "de")


def test_no_fact_of_these_files_rests_on_a_mirror_or_blog(curated_registry):
    refused = (
        "wikimili",
        "thefullwiki",
        "liquisearch",
        "academic",
        "owiki",
        "dweb.link",
        "americanthinker",
        "independentsentinel",
        "cloudfront",
        "vuink",
        "wikizero",
        "wikirank",
        "cinxe",
        "comeconmedia",
        "richxsearch",
        "absoluteastronomy",
        "lesering",
        "iv-dev1",
        "analib",
        "geschichtspuls",
        "newslettercollector",
    )
    ids = {
        body.id
        for body in (*curated_registry.outlets(), *curated_registry.organizations())
        if body.country in {"GB", "IE", "AU", "NL", "SE", "DE"} or body.id in {"euronews", "mgn-sawiris"}
    }
    for record in curated_registry.records:
        for source in getattr(record, "sources", ()):
            if any(getattr(record, field, None) in ids for field in ("id", "subject", "object", "outlet")):
                assert not any(host in source.url for host in refused), (record, source.url)


# -- review (issue #12) ------------------------------------------------------------------------


def test_review_channel_four_ownership_and_operator_not_asserted(curated_registry):
    # City A.M. and the Ofcom release do not state who owns the corporation or that it operates the channel
    rels = curated_registry.relations(object="channel-four-television-corporation")
    assert not [r for r in rels if r.kind == "owns"]
    assert not [r for r in curated_registry.relations(object="channel-4") if r.kind == "operates"]


def test_review_nos_minister_governs_from_2011(curated_registry):
    rels = [r for r in curated_registry.relations(object="nos") if r.kind == "governs" and r.subject == "state-nl"]
    assert [str(r.interval.start) for r in rels] == ["2011"]


# -- second review (issue #12) -----------------------------------------------------------------


def test_review2_zdf_and_dpa_start_on_their_own_or_news_sources(curated_registry):
    # geschichtspuls.de (kind other) replaced by stern.de; the NDR page for dpa was not found, dpa's own history cited
    zdf = curated_registry.lookup("zdf")
    assert str(zdf.lifetime.start) == "1963-04-01"
    assert not any("geschichtspuls" in s.url for s in zdf.sources)
    assert any("stern.de" in s.url for s in zdf.sources)
    dpa = curated_registry.lookup("dpa")
    assert str(dpa.lifetime.start) == "1949-08-18"
    assert any(s.url.startswith("https://dpa.com/") and s.kind == "self" for s in dpa.sources)


def test_review2_eu_funding_of_euronews_rests_on_no_newsletter_copy(curated_registry):
    funding = [r for r in curated_registry.relations(subject="european-union", object="euronews") if r.kind == "funds"]
    assert {str(r.interval.start) for r in funding} == {"1993", "2014"}
    for relation in funding:
        assert not any("newslettercollector" in s.url for s in relation.sources)


def test_review2_foreign_office_carries_its_2020_name(curated_registry):
    names = {n.name for n in curated_registry.lookup("uk-foreign-office").all_names()}
    assert "Foreign, Commonwealth and Development Office" in names
    assert "UK government" in {n.name for n in curated_registry.lookup("state-gb").all_names()}


# -- S3: Daily Mail, The Sun, The Times, The Daily Telegraph, The Independent --------------------


S3_MAIN_DOMAINS = [
    # (host, outlet claiming it on 2024-01-01)
    ("www.dailymail.co.uk", "daily-mail"),
    ("www.thetimes.co.uk", "the-times"),
    ("www.telegraph.co.uk", "the-daily-telegraph"),
    ("www.independent.co.uk", "the-independent"),
]

test_s3_main_domains_resolve = host_claim_tests(S3_MAIN_DOMAINS, at="2024-01-01")


def test_review_s3_dailymail_claim_has_no_start(curated_registry):
    # review: 2003 is MailOnline's launch year, not a first day of the domain; no bound is claimed
    claim = curated_registry.claim_for_host("dailymail.co.uk", parse_iso("2024-01-01"))
    assert claim is not None and claim.interval.start is None


S3_TOP_OWNERS = [
    ("daily-mail", "2021-11-03", "jonathan-harmsworth"),
    ("the-times", "2020", "news-corp"),
    ("the-daily-telegraph", "2010", "barclay-family"),
    ("the-independent", "2018", "evgeny-lebedev"),
    ("the-independent", "2018", "sultan-abuljadayel"),
]

test_s3_top_owners = top_owner_tests(S3_TOP_OWNERS)


def test_s3_news_corp_holds_news_uk_only_from_the_2013_split(curated_registry):
    assert subjects(curated_registry, "news-uk", "owns", "2013-06-28") == {"news-corp"}
    assert subjects(curated_registry, "news-uk", "owns", "2012") == set()
    names = {n.name: n for n in curated_registry.lookup("news-uk").names}
    assert str(names["News International"].interval.end) == "2013-06-25"
    assert str(names["News UK"].interval.start) == "2013-06-26"


def test_s3_dmgt_chain(curated_registry):
    assert subjects(curated_registry, "daily-mail", "owns") == {"associated-newspapers"}
    assert subjects(curated_registry, "associated-newspapers", "owns") == {"dmgt"}
    assert subjects(curated_registry, "dmgt", "owns") == {"rothermere-continuation"}


def test_s3_telegraph_sale_is_not_turned_into_invented_owners(curated_registry):
    (barclays,) = [r for r in curated_registry.relations(object="telegraph-media-group") if r.kind == "owns"]
    assert barclays.subject == "barclay-family"
    assert str(barclays.interval.start) == "2004"
    # the Barclays' ownership ended at a date no source establishes; neither RedBird IMI nor DMGT
    # (whose 2025 deal awaited approval) is recorded as an owner
    assert barclays.interval.end != ONGOING
    owners = {r.subject for r in curated_registry.relations(object="telegraph-media-group")}
    assert owners == {"barclay-family"}


def test_s3_independent_shares_after_2017(curated_registry):
    shares = {r.subject: r.share for r in curated_registry.relations(object="the-independent") if r.kind == "owns"}
    assert shares == {"evgeny-lebedev": 0.41, "sultan-abuljadayel": 0.3}


# -- review of S3 (issue #13 item 2) ----------------------------------------------------------


def test_review_s3_the_sun_is_not_shipped_without_a_sourced_domain(curated_registry):
    # review: no acceptable source seen states thesun.co.uk; the outlet and its records were removed
    assert curated_registry.claim_for_host("thesun.co.uk", parse_iso("2024-01-01")) is None
    assert "the-sun" not in {o.id for o in curated_registry.outlets()}


def test_review_s3_telegraph_domain_rests_on_a_news_source(curated_registry):
    claim = curated_registry.claim_for_host("www.telegraph.co.uk", parse_iso("2024-01-01"))
    assert claim is not None and claim.outlet == "the-daily-telegraph"
    assert {s.kind for s in claim.sources} == {"news"}
    assert not any("onlinenewspaper" in s.url for s in claim.sources)


def test_review_s3_news_uk_holds_times_newspapers_from_1981(curated_registry):
    assert subjects(curated_registry, "times-newspapers", "owns", "1981") == {"news-uk"}
    assert subjects(curated_registry, "times-newspapers", "owns", "1980") == set()
