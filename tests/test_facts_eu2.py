"""S3 outlets of the 'eu2' group: Der Spiegel, Bild, El País, Corriere della Sera, Le Figaro, The Economist.

Each test pins an added fact through the public API on the shipped data: the
outlet's main domain resolves to it, and its owners up to the top are reached
at dates the sources give.
"""

from __future__ import annotations

import pytest

from provenance.dates import parse_iso
from provenance.ownership import control_chain
from tests.facts_support import host_claim_tests, subjects, top_owner_tests

# -- domains -----------------------------------------------------------------------------------


MAIN_DOMAINS = [
    # (host, outlet claiming it on 2024-01-01)
    ("www.spiegel.de", "der-spiegel"),
    ("www.bild.de", "bild"),
    ("elpais.com", "el-pais"),
    ("www.corriere.it", "corriere-della-sera"),
    ("www.lefigaro.fr", "le-figaro"),
    ("www.economist.com", "the-economist"),
]

test_eu2_main_domains_resolve = host_claim_tests(MAIN_DOMAINS, at="2024-01-01")


def test_eu2_outlet_for_url(curated_registry):
    assert curated_registry.outlet_for_url("https://www.spiegel.de/politik/").id == "der-spiegel"
    assert curated_registry.outlet_for_url("https://www.economist.com/leaders/").id == "the-economist"


def test_eu2_domains_start_where_sources_say(curated_registry):
    # Spiegel's own history: www.spiegel.de from 25 October 1994; BILD.de from 2001
    assert curated_registry.claim_for_host("spiegel.de", parse_iso("1994-10-24")) is None
    assert curated_registry.claim_for_host("spiegel.de", parse_iso("1994-10-25")) is not None
    assert curated_registry.claim_for_host("bild.de", parse_iso("2000")) is None


# -- lifetimes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outlet", "start"),
    [
        ("der-spiegel", "1947"),
        ("bild", "1952-06-24"),
        ("el-pais", "1976-05-04"),
        ("corriere-della-sera", "1876-03-05"),
        ("le-figaro", "1826-01-15"),
        ("the-economist", "1843-09"),
    ],
)
def test_eu2_outlet_starts(curated_registry, outlet, start):
    assert str(curated_registry.lookup(outlet).lifetime.start) == start


# -- owners up to the top ----------------------------------------------------------------------


TOP_OWNERS = [
    # (outlet, date, an id at the top of its control chain)
    ("der-spiegel", "2010", "spiegel-mitarbeiter-kg"),
    ("der-spiegel", "2010", "bertelsmann"),
    ("der-spiegel", "2023", "bertelsmann"),
    ("bild", "2024-10", "kkr"),
    ("bild", "2025-06", "mathias-doepfner"),
    ("el-pais", "2020", "prisa"),
    ("corriere-della-sera", "2020", "cairo-communication"),
    ("le-figaro", "2010", "gimd"),
    ("the-economist", "2010", "pearson"),
    ("the-economist", "2020", "exor"),
]

test_eu2_top_owners = top_owner_tests(TOP_OWNERS)


def test_spiegel_staff_kg_owns_the_publisher_from_november_1974(curated_registry):
    assert "spiegel-mitarbeiter-kg" in subjects(curated_registry, "spiegel-verlag", "owns", "1974-11-08")
    assert "spiegel-mitarbeiter-kg" not in subjects(curated_registry, "spiegel-verlag", "owns", "1974-11-07")


def test_bertelsmann_owns_gruner_jahr_from_1969_to_2021(curated_registry):
    assert "bertelsmann" in subjects(curated_registry, "gruner-jahr", "owns", "1969")
    assert "bertelsmann" not in subjects(curated_registry, "gruner-jahr", "owns", "1968")
    assert "bertelsmann" not in subjects(curated_registry, "gruner-jahr", "owns", "2022")


def test_spiegel_stake_moves_from_gruner_jahr_to_bertelsmann_in_2022(curated_registry):
    assert subjects(curated_registry, "spiegel-verlag", "owns", "2021") >= {"gruner-jahr"}
    assert "bertelsmann" not in subjects(curated_registry, "spiegel-verlag", "owns", "2021")
    owners_2022 = subjects(curated_registry, "spiegel-verlag", "owns", "2022")
    assert "bertelsmann" in owners_2022 and "gruner-jahr" not in owners_2022


def test_cairo_controls_rcs_only_from_july_2016(curated_registry):
    # RCS's earlier shareholders are not modelled: only Cairo Communication's arrival is pinned.
    assert "cairo-communication" in subjects(curated_registry, "rcs-mediagroup", "owns", "2016-07")
    assert "cairo-communication" not in subjects(curated_registry, "rcs-mediagroup", "owns", "2016-06")


def test_economist_group_shareholders_change_in_2015(curated_registry):
    pearson = [r for r in curated_registry.relations(subject="pearson", object="economist-group") if r.kind == "owns"]
    assert [(r.share, str(r.interval.start), str(r.interval.end)) for r in pearson] == [(0.5, "1957", "2015")]
    # Exor's 4.7 percent before 2015 and the families' stakes are not modelled.
    assert "pearson" in subjects(curated_registry, "economist-group", "owns", "2014")
    owners_2016 = subjects(curated_registry, "economist-group", "owns", "2016")
    assert "exor" in owners_2016 and "pearson" not in owners_2016
    exor = [r for r in curated_registry.relations(subject="exor", object="economist-group") if r.kind == "owns"]
    assert [(r.share, str(r.interval.start)) for r in exor] == [(0.434, "2015")]


def test_dassault_holding_controls_le_figaro_from_2004(curated_registry):
    # GIMD's 30 percent of Socpresse from 2002 is not modelled: only the control from 2004 is pinned.
    assert subjects(curated_registry, "groupe-figaro", "owns", "2004") == {"gimd"}
    assert "gimd" not in subjects(curated_registry, "groupe-figaro", "owns", "2003")


def test_axel_springer_owners_before_and_after_the_2025_split(curated_registry):
    assert subjects(curated_registry, "axel-springer", "owns", "2024-10") == {
        "kkr",
        "friede-springer",
        "mathias-doepfner",
    }
    assert subjects(curated_registry, "axel-springer", "owns", "2025-06") == {"friede-springer", "mathias-doepfner"}
    assert "friede-springer" in control_chain(curated_registry, "bild", at="2025-06").ultimate()
