"""Facts of the s4-w2 data batch, on the shipped data.

Public broadcasters and leading commercial news outlets of Austria, Belgium,
Denmark, Finland, Norway, Greece, Iceland, Cyprus and Luxembourg, and more
outlets for the Netherlands, Ireland, Sweden, Switzerland and Portugal.
Each test pins a sourced fact through the public API: the outlet's domain
resolves to it, a public broadcaster's control reaches its state, a commercial
outlet's owner and the dates of the ownership, and State Media Monitor codes.
"""

from __future__ import annotations

import pytest

from provenance.dates import PartialDate
from provenance.registry import Registry
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
    # (outlet, url on its main domain, country)
    ("orf", "https://orf.at/stories/1/", "AT"),
    ("der-standard", "https://www.derstandard.at/story/1", "AT"),
    ("kronen-zeitung", "https://www.krone.at/3814732", "AT"),
    ("vrt", "https://www.vrt.be/nl/", "BE"),
    ("rtbf", "https://www.rtbf.be/article/x", "BE"),
    ("het-laatste-nieuws", "https://www.hln.be/binnenland/x", "BE"),
    ("dr", "https://www.dr.dk/nyheder/x", "DK"),
    ("tv2-denmark", "https://nyheder.tv2.dk/x", "DK"),
    ("yle", "https://yle.fi/a/1", "FI"),
    ("helsingin-sanomat", "https://www.hs.fi/politiikka/art-1.html", "FI"),
    ("nrk", "https://www.nrk.no/norge/x", "NO"),
    ("vg", "https://www.vg.no/nyheter/i/x", "NO"),
    ("aftenposten", "https://www.aftenposten.no/norge/i/x", "NO"),
    ("ert", "https://www.ert.gr/x", "GR"),
    ("kathimerini", "https://www.kathimerini.gr/politics/1/x/", "GR"),
    ("irish-times", "https://www.irishtimes.com/news/x", "IE"),
    ("irish-independent", "https://www.independent.ie/irish-news/x", "IE"),
    ("aftonbladet", "https://www.aftonbladet.se/nyheter/a/x", "SE"),
    ("ruv", "https://www.ruv.is/frettir/x", "IS"),
    ("cybc", "https://www.cybc.com.cy/x", "CY"),
    ("nzz", "https://www.nzz.ch/schweiz/x", "CH"),
    ("expresso", "https://expresso.pt/politica/x", "PT"),
    ("luxemburger-wort", "https://www.wort.lu/de/politik/x", "LU"),
    ("de-telegraaf", "https://www.telegraaf.nl/nieuws/1/x", "NL"),
    ("le-soir", "https://www.lesoir.be/1/article/x", "BE"),
    ("ilta-sanomat", "https://www.is.fi/kotimaa/art-1.html", "FI"),
    ("politiken", "https://politiken.dk/indland/art1.ece", "DK"),
    ("nrc", "https://www.nrc.nl/nieuws/2024/01/01/x", "NL"),
    ("kurier", "https://kurier.at/politik/inland/x/1", "AT"),
]


test_domain_resolves_to_the_outlet = domain_tests(OUTLETS)


STATE_OUTLETS = [
    # (outlet, the state or government body at the top, a date the control is sourced for)
    ("orf", "state-at", "2024"),
    ("vrt", "flemish-government", "2023"),
    ("rtbf", "wallonia-brussels-federation", "2023"),
    ("dr", "state-dk", "2024"),
    ("tv2-denmark", "state-dk", "2023"),
    ("yle", "state-fi", "2023"),
    ("nrk", "state-no", "2025"),
    ("ert", "state-gr", "2025"),
    ("ruv", "state-is", "2022"),
    ("cybc", "state-cy", "2024"),
]


test_public_broadcaster_reaches_its_state = state_tests(STATE_OUTLETS)


RELATIONS = [
    # (subject, kind, object)
    ("state-at", "governs", "orf"),
    ("flemish-government", "governs", "vrt"),
    ("flemish-government", "funds", "vrt"),
    ("wallonia-brussels-federation", "governs", "rtbf"),
    ("wallonia-brussels-federation", "funds", "rtbf"),
    ("state-dk", "governs", "dr"),
    ("state-dk", "owns", "tv2-denmark"),
    ("state-fi", "governs", "yle"),
    ("state-no", "governs", "nrk"),
    ("state-gr", "owns", "ert"),
    ("state-gr", "governs", "ert"),
    ("bronner-family", "owns", "der-standard"),
    ("dpg-media", "owns", "het-laatste-nieuws"),
    ("van-thillo-family", "owns", "dpg-media"),
    ("sanoma", "owns", "helsingin-sanomat"),
    ("schibsted", "owns", "aftenposten"),
    ("blommenholm-industrier", "owns", "schibsted"),
    ("irish-times-dac", "operates", "irish-times"),
    ("irish-times-trust", "owns", "irish-times-dac"),
    ("independent-news-and-media", "owns", "irish-independent"),
    ("lo-sweden", "controls-editorially", "aftonbladet"),
    ("state-is", "owns", "ruv"),
    ("state-is", "governs", "ruv"),
    ("state-cy", "governs", "cybc"),
    ("impresa", "owns", "expresso"),
    ("saint-paul-luxembourg", "owns", "luxemburger-wort"),
    ("telegraaf-media-groep", "owns", "de-telegraaf"),
    ("groupe-rossel", "owns", "le-soir"),
    ("sanoma", "owns", "ilta-sanomat"),
    ("politiken-fonden", "owns", "politiken-holding"),
    ("mediahuis", "owns", "nrc"),
    ("raiffeisenlandesbank-noe-wien", "owns", "kurier"),
]

test_relation_is_recorded = relation_tests(RELATIONS)


def _owns(registry: Registry, subject: str, object: str) -> list:
    return sorted(
        (r for r in registry.relations(subject=subject, object=object) if r.kind == "owns"),
        key=lambda r: span(r)[0] or "",
    )


def test_state_funding_dates(curated_registry):
    assert span(relation(curated_registry, "state-dk", "funds", "dr")) == ("2019", "ongoing")
    assert span(relation(curated_registry, "state-fi", "funds", "yle")) == ("2013-01-01", "ongoing")
    assert span(relation(curated_registry, "state-no", "funds", "nrk")) == ("2020", "ongoing")


def test_yle_and_nrk_state_shares(curated_registry):
    assert relation(curated_registry, "state-fi", "owns", "yle").share == pytest.approx(0.999)
    assert relation(curated_registry, "state-no", "owns", "nrk").share == pytest.approx(1.0)


def test_funke_held_half_of_the_krone_from_1987_to_2025(curated_registry):
    funke = relation(curated_registry, "funke-mediengruppe", "owns", "kronen-zeitung")
    assert funke.share == pytest.approx(0.5)
    assert span(funke) == ("1987", "2025-11-25")


def test_funke_holds_49_44_per_cent_of_the_kurier(curated_registry):
    assert relation(curated_registry, "funke-mediengruppe", "owns", "kurier").share == pytest.approx(0.4944)


def test_dichand_family_owns_all_of_the_krone_since_november_2025(curated_registry):
    half, whole = _owns(curated_registry, "dichand-family", "kronen-zeitung")
    assert half.share == pytest.approx(0.5) and span(half) == (None, "2025-11-25")
    assert whole.share == pytest.approx(1.0) and span(whole) == ("2025-11-25", "ongoing")


def test_mediahuis_bought_the_wort_from_the_archdiocese_in_april_2020(curated_registry):
    church = relation(curated_registry, "archdiocese-of-luxembourg", "owns", "saint-paul-luxembourg")
    assert span(church) == (None, "2020-04")
    assert span(relation(curated_registry, "mediahuis", "owns", "saint-paul-luxembourg")) == ("2020-04", "ongoing")


def test_mediahuis_owns_the_telegraaf_group_since_2017(curated_registry):
    assert span(relation(curated_registry, "mediahuis", "owns", "telegraaf-media-groep")) == ("2017", "ongoing")


def test_politiken_chain_up_to_its_foundation(curated_registry):
    assert span(relation(curated_registry, "jp-politikens-hus", "owns", "politiken")) == ("2003-01-01", "ongoing")
    assert relation(curated_registry, "politiken-holding", "owns", "jp-politikens-hus").share == pytest.approx(0.5)
    assert relation(curated_registry, "jyllands-posten-holding", "owns", "jp-politikens-hus").share == pytest.approx(
        0.5
    )
    from provenance.ownership import control_chain

    assert "politiken-fonden" in control_chain(curated_registry, "politiken", at="2024").ultimate()


def test_de_persgroep_held_nrc_until_march_2010(curated_registry):
    assert span(relation(curated_registry, "dpg-media", "owns", "nrc")) == ("2009", "2010-03")


def test_mediahuis_owns_nrc_since_2015(curated_registry):
    assert span(relation(curated_registry, "mediahuis", "owns", "nrc")) == ("2015", "ongoing")


def test_cybc_state_subsidy_since_2000(curated_registry):
    assert span(relation(curated_registry, "state-cy", "funds", "cybc")) == ("2000", "ongoing")


def test_nzz_company_owns_the_paper_since_1868(curated_registry):
    assert span(relation(curated_registry, "ag-nzz", "owns", "nzz")) == ("1868", "ongoing")


def test_schibsted_owns_vg_since_1966(curated_registry):
    assert span(relation(curated_registry, "schibsted", "owns", "vg")) == ("1966", "ongoing")


def test_tinius_trust_controls_blommenholm_since_may_2006(curated_registry):
    assert span(relation(curated_registry, "tinius-trust", "owns", "blommenholm-industrier")) == (
        "2006-05-05",
        "ongoing",
    )


def test_mediahuis_bought_inm_in_2019_from_owners_led_by_denis_obrien(curated_registry):
    mediahuis = relation(curated_registry, "mediahuis", "owns", "independent-news-and-media")
    assert mediahuis.share == pytest.approx(1.0)
    assert span(mediahuis) == ("2019", "ongoing")
    obrien = relation(curated_registry, "denis-obrien", "owns", "independent-news-and-media")
    assert obrien.share == pytest.approx(0.299)
    assert span(obrien) == (None, "2019")


def test_alafouzos_owned_kathimerini_from_1988_until_his_death(curated_registry):
    assert span(relation(curated_registry, "aristeidis-alafouzos", "owns", "kathimerini")) == ("1988", "2017-05-17")


def test_ekathimerini_is_the_english_edition(curated_registry):
    claim = curated_registry.claim_for_url("https://www.ekathimerini.com/news/1/x/", at="2024")
    assert claim is not None and claim.outlet == "kathimerini" and claim.role == "edition"


def test_aftonbladet_owners_over_time(curated_registry):
    lo = _owns(curated_registry, "lo-sweden", "aftonbladet")
    assert [(span(r), r.share) for r in lo] == [
        (("1956", "1996"), None),
        (("1996", "2009"), pytest.approx(0.501)),
        (("2009", "ongoing"), pytest.approx(0.09)),
    ]
    schibsted = _owns(curated_registry, "schibsted", "aftonbladet")
    assert [(span(r), r.share) for r in schibsted] == [
        (("1996", "2009"), pytest.approx(0.499)),
        (("2009", "ongoing"), pytest.approx(0.91)),
    ]


def test_aftonbladet_reaches_the_tinius_trust(curated_registry):
    from provenance.ownership import control_chain

    assert "tinius-trust" in control_chain(curated_registry, "aftonbladet", at="2020").ultimate()


STARTS = [
    # (outlet, its sourced start)
    ("dr", PartialDate(1925, 4, 1)),
    ("vg", PartialDate(1945, 6, 23)),
    ("aftenposten", PartialDate(1860, 5, 14)),
    ("der-standard", PartialDate(1988, 10)),
    ("irish-times", PartialDate(1859)),
    ("helsingin-sanomat", PartialDate(1889)),
    ("ruv", PartialDate(1930)),
    ("cybc", PartialDate(1953)),
    ("nzz", PartialDate(1780)),
    ("expresso", PartialDate(1973, 1, 6)),
    ("luxemburger-wort", PartialDate(1848)),
    ("de-telegraaf", PartialDate(1893, 1, 1)),
    ("le-soir", PartialDate(1887)),
    ("politiken", PartialDate(1884)),
    ("nrc", PartialDate(1970, 10, 1)),
    ("kathimerini", PartialDate(1919, 9, 15)),
]

test_sourced_start = start_tests(STARTS)


CODES = [
    # (outlet, State Media Monitor code)
    ("orf", "IP"),
    ("vrt", "ISFM"),
    ("rtbf", "ISFM"),
    ("dr", "ISFM"),
    ("tv2-denmark", "ISM"),
    ("yle", "ISM"),
    ("nrk", "ISM"),
    ("ert", "CaPu"),
    ("ruv", "ISFM"),
    ("cybc", "SC"),
]

test_state_media_monitor_code = monitor_code_tests(CODES, as_set=True)
