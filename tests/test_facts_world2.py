"""Facts of the world2 data batch, on the shipped data.

Ten countries the registry did not cover: Mexico, Colombia, Chile, Peru, the
Philippines, Thailand, Bangladesh, Ethiopia, Ghana and Georgia. Each test pins
a sourced fact through the public API: the outlet's domain resolves to it, its
control reaches its state, and the State Media Monitor code recorded for it.
"""

from __future__ import annotations

import pytest

from provenance.dates import PartialDate
from tests.facts_support import domain_tests, monitor_code_tests, relation_tests, start_tests, state_tests

OUTLETS = [
    # (outlet, url on its domain, country, state, a date the control is sourced for)
    ("canal-once", "https://www.canalonce.mx/noticias/x", "MX", "state-mx", "2023"),
    ("senal-colombia", "https://www.senalcolombia.tv/x", "CO", "state-co", "2021"),
    ("radio-nacional-de-colombia", "https://www.radionacional.co/x", "CO", "state-co", "2021"),
    ("tvn", "https://www.tvn.cl/noticias/x", "CL", "state-cl", "2023"),
    ("tv-peru", "https://www.tvperu.gob.pe/noticias/x", "PE", "state-pe", "2022"),
    ("radio-nacional-del-peru", "https://www.radionacional.com.pe/x", "PE", "state-pe", "2022"),
    ("philippine-news-agency", "https://www.pna.gov.ph/articles/1", "PH", "state-ph", "2023"),
    ("ptv-philippines", "https://ptvnews.ph/x", "PH", "state-ph", "2023"),
    ("thai-pbs", "https://www.thaipbs.or.th/news/content/1", "TH", "state-th", "2024"),
    ("thai-news-agency", "https://tna.mcot.net/politics-1", "TH", "state-th", "2024"),
    ("bss", "https://www.bssnews.net/news/1", "BD", "state-bd", "2015"),
    ("ethiopian-news-agency", "https://www.ena.et/web/eng/w/1", "ET", "state-et", "2024"),
    ("gbc", "https://www.gbcghanaonline.com/general/x/2019/", "GH", "state-gh", "2022"),
    ("georgian-public-broadcaster", "https://1tv.ge/lang/en/news/x/", "GE", "state-ge", "2023"),
]


test_domain_resolves_to_the_outlet = domain_tests(OUTLETS)


test_control_reaches_the_state = state_tests(OUTLETS)


def test_a_radio_host_of_mcot_other_than_tna_is_not_claimed(curated_registry):
    assert curated_registry.outlet_for_url("https://radio.mcot.net/") is None


def test_gbc_has_both_hosts(curated_registry):
    assert curated_registry.outlet_for_url("http://www.gbcghana.com/").id == "gbc"


RELATIONS = [
    # (subject, kind, object)
    ("ipn", "owns", "canal-once"),
    ("state-mx", "parent-of", "ipn"),
    ("state-mx", "governs", "canal-once"),
    ("state-co", "owns", "rtvc"),
    ("rtvc", "operates", "senal-colombia"),
    ("rtvc", "operates", "radio-nacional-de-colombia"),
    ("state-cl", "owns", "tvn"),
    ("state-cl", "governs", "tvn"),
    ("state-pe", "owns", "irtp"),
    ("irtp", "operates", "tv-peru"),
    ("state-ph", "controls-editorially", "philippine-news-agency"),
    ("ptni", "operates", "ptv-philippines"),
    ("state-th", "funds", "thai-pbs"),
    ("state-th", "owns", "mcot"),
    ("mcot", "operates", "thai-news-agency"),
    ("state-bd", "governs", "bss"),
    ("state-et", "owns", "ethiopian-news-agency"),
    ("state-gh", "owns", "gbc"),
    ("state-ge", "governs", "georgian-public-broadcaster"),
]

test_relation_is_recorded = relation_tests(RELATIONS, unique=False)


def test_mcot_majority_held_by_the_state(curated_registry):
    (stake,) = [r for r in curated_registry.relations(object="mcot") if r.subject == "state-th" and r.kind == "owns"]
    assert stake.share == pytest.approx(0.658)
    assert curated_registry.lookup("mcot").lifetime.start == PartialDate(2004, 8, 17)


STARTS = [
    # (outlet, its sourced start)
    ("canal-once", PartialDate(1959, 3, 2)),
    ("tvn", PartialDate(1969, 1, 31)),
    ("ptv-philippines", PartialDate(1974, 2, 2)),
    ("thai-pbs", PartialDate(2008, 1, 15)),
    ("ethiopian-news-agency", PartialDate(1942)),
    ("georgian-public-broadcaster", PartialDate(2004)),
]

test_sourced_start = start_tests(STARTS)


def test_ptv_former_names(curated_registry):
    ptv = curated_registry.lookup("ptv-philippines")
    assert "Government Television" in ptv.names_at(PartialDate(1975))
    assert "National Broadcasting Network" in ptv.names_at(PartialDate(2005))
    assert "National Broadcasting Network" not in ptv.names_at(PartialDate(2015))


def test_rtvc_began_in_2004(curated_registry):
    assert curated_registry.lookup("rtvc").lifetime.start == PartialDate(2004, 10, 28)


CODES = [
    # (outlet, State Media Monitor code)
    ("canal-once", "SC"),
    ("senal-colombia", "SC"),
    ("radio-nacional-de-colombia", "SC"),
    ("tvn", "CaPu"),
    ("tv-peru", "SC"),
    ("radio-nacional-del-peru", "SC"),
    ("philippine-news-agency", "SC"),
    ("ptv-philippines", "SC"),
    ("thai-pbs", "CaPu"),
    ("thai-news-agency", "CaPu"),
    ("bss", "SC"),
    ("ethiopian-news-agency", "SC"),
    ("gbc", "SC"),
    ("georgian-public-broadcaster", "SC"),
]

test_state_media_monitor_code = monitor_code_tests(CODES, as_set=True)


@pytest.mark.parametrize(("outlet", "matrix_code"), [("canal-once", "ISFM"), ("thai-pbs", "IP")])
def test_disagreement_with_the_matrix_is_explained(curated_registry, outlet, matrix_code):
    (typology,) = curated_registry.assessments(outlet, kind="typology")
    assert typology.note and matrix_code in typology.note


def test_gbc_names_over_time(curated_registry):
    gbc = curated_registry.lookup("gbc")
    assert gbc.lifetime.start == PartialDate(1935, 7, 31)
    assert gbc.name_at(PartialDate(1955)) == "Gold Coast Broadcasting Service"
    assert gbc.name_at(PartialDate(1962)) == "Ghana Broadcasting Service"
    assert gbc.name_at(PartialDate(2020)) == "Ghana Broadcasting Corporation"


def test_inravision_replaced_by_rtvc(curated_registry):
    (succession,) = curated_registry.successors("inravision")
    expected = ("rtvc", "replaced-by", PartialDate(2004, 10, 28))
    assert (succession.successor, succession.kind, succession.date) == expected
    assert curated_registry.lookup("inravision").lifetime.end == PartialDate(2004, 10, 27)
