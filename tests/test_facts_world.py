"""Facts of issue #13 item 2 for countries the registry did not cover yet.

South Africa (SABC), Nigeria (NTA), Kenya (KBC), Pakistan (PTV), Indonesia
(Antara), Malaysia (Bernama), Serbia (RTS) and Ukraine (Suspilne): each outlet's
main domain resolves to it, and its ownership reaches its state at a date the
sources support (and not before, where a source dates the start).
"""

from __future__ import annotations

import pytest

from tests.facts_support import assert_resolves, bound, monitor_code_tests, relation, span

OUTLETS = [
    # outlet, url on its main domain, country, state
    ("sabc", "https://www.sabc.co.za/sabc/", "ZA", "state-za"),
    ("nta", "https://www.nta.ng/news/", "NG", "state-ng"),
    ("kbc", "https://www.kbc.co.ke/", "KE", "state-ke"),
    ("ptv", "https://www.ptv.com.pk/", "PK", "state-pk"),
    ("antara", "https://en.antaranews.com/news/1", "ID", "state-id"),
    ("bernama", "https://www.bernama.com/en/", "MY", "state-my"),
    ("rts", "https://www.rts.rs/lat/vesti.html", "RS", "state-rs"),
    ("suspilne", "https://suspilne.media/news/", "UA", "state-ua"),
]


@pytest.mark.parametrize(("outlet", "url", "country", "state"), OUTLETS, ids=[o[0] for o in OUTLETS])
def test_main_domain_resolves_to_the_outlet(curated_registry, outlet, url, country, state):
    assert_resolves(curated_registry, outlet, url, country)
    body = curated_registry.lookup(state)
    assert body.kind == "state" and body.country == country


@pytest.mark.parametrize(("outlet", "url", "country", "state"), OUTLETS, ids=[o[0] for o in OUTLETS])
def test_the_state_owns_the_outlet(curated_registry, outlet, url, country, state):
    assert relation(curated_registry, state, "owns", outlet)


CODES = [
    # (outlet, State Media Monitor code)
    ("sabc", "CaPu"),
    ("nta", "SC"),
    ("kbc", "SC"),
    ("ptv", "CaPu"),
    ("antara", "CaPu"),
    ("bernama", "SC"),
    ("rts", "CaPu"),
    ("suspilne", "ISFM"),
]

test_state_media_monitor_code = monitor_code_tests(CODES)


def test_sabc_news_site_is_sabcs(curated_registry):
    assert curated_registry.outlet_for_url("https://www.sabcnews.com/sabcnews/").id == "sabc"


def test_sabc_state_ownership_dates_from_the_1999_act(curated_registry):
    owns = relation(curated_registry, "state-za", "owns", "sabc")
    assert span(owns) == ("1999", "ongoing")
    assert owns.share == 1.0
    assert relation(curated_registry, "state-za", "governs", "sabc")


def test_nta_is_state_owned_since_its_1976_act_and_state_governed(curated_registry):
    assert span(relation(curated_registry, "state-ng", "owns", "nta")) == ("1976", "ongoing")
    assert relation(curated_registry, "state-ng", "governs", "nta")


def test_kbc_is_state_owned_since_its_act_commenced(curated_registry):
    assert span(relation(curated_registry, "state-ke", "owns", "kbc")) == ("1989-02-01", "ongoing")
    assert span(relation(curated_registry, "state-ke", "funds", "kbc")) == ("2019", "ongoing")
    assert relation(curated_registry, "state-ke", "governs", "kbc")


def test_kbc_was_voice_of_kenya_before_1989(curated_registry):
    kbc = curated_registry.lookup("kbc")
    assert str(kbc.lifetime.start) == "1928"
    names = {name.name: (bound(name.interval.start), bound(name.interval.end)) for name in kbc.names}
    assert names["Voice of Kenya"] == ("1964", "1989")
    assert names["Kenya Broadcasting Corporation"] == ("1989", "ongoing")


def test_ptv_started_on_26_november_1964_and_is_state_governed(curated_registry):
    assert str(curated_registry.lookup("ptv").lifetime.start) == "1964-11-26"
    assert relation(curated_registry, "state-pk", "governs", "ptv")


def test_antara_is_a_state_owned_enterprise_since_2007(curated_registry):
    assert str(curated_registry.lookup("antara").lifetime.start) == "1937-12-13"
    assert span(relation(curated_registry, "state-id", "owns", "antara")) == ("2007", "ongoing")


def test_antara_typology_note_names_the_matrix_code(curated_registry):
    (assessment,) = [
        a for a in curated_registry.assessments("antara", kind="typology") if a.assessor == "state-media-monitor"
    ]
    assert "ISM" in assessment.note


def test_bernama_started_on_20_may_1968_and_is_state_funded(curated_registry):
    assert str(curated_registry.lookup("bernama").lifetime.start) == "1968-05-20"
    assert span(relation(curated_registry, "state-my", "funds", "bernama")) == ("2022", "ongoing")
    assert relation(curated_registry, "state-my", "governs", "bernama")


def test_rts_was_radio_television_belgrade_until_1992(curated_registry):
    names = {
        name.name: (bound(name.interval.start), bound(name.interval.end))
        for name in curated_registry.lookup("rts").names
    }
    assert names["Radio Television Belgrade"] == ("1958", "1992")
    assert span(relation(curated_registry, "state-rs", "funds", "rts")) == ("2023-10", "ongoing")


def test_suspilne_is_wholly_state_owned_from_its_registration(curated_registry):
    assert str(curated_registry.lookup("suspilne").lifetime.start) == "2017-01-19"
    owns = relation(curated_registry, "state-ua", "owns", "suspilne")
    assert span(owns) == ("2017-01-19", "ongoing")
    assert owns.share == 1.0


def test_suspilne_domain_starts_at_its_earliest_attested_month(curated_registry):
    assert curated_registry.outlet_for_url("https://suspilne.media/", at="2024-06-01").id == "suspilne"
    assert curated_registry.outlet_for_url("https://suspilne.media/", at="2020-06-01") is None
