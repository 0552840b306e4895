"""Facts of the s4-w1 data batch, on the shipped data.

Russian outlets beyond the state's own (Rambler's Gazeta.Ru, National Media
Group's REN TV and Channel 5, Argumenty i Fakty, Moskovsky Komsomolets, OTR,
RIA FAN, Baltnews, Maffick, Vedomosti, Komsomolskaya Pravda, Pravda.ru, Mir,
Katehon, Ukraina.ru) and more state media of Kazakhstan, Azerbaijan, Belarus and
Uzbekistan. Each test pins a sourced fact through the public API: the outlet's
domain resolves to it, its control reaches its state where it has one, and the
owners recorded, with their dates.
"""

from __future__ import annotations

import pytest

from provenance.dates import PartialDate
from tests.facts_support import domain_tests, relation, relation_tests, span, state_tests

OUTLETS = [
    # (outlet, url on its domain, country)
    ("gazeta-ru", "https://www.gazeta.ru/politics/news/2024/x.shtml", "RU"),
    ("lenta-ru", "https://lenta.ru/news/2024/01/01/x/", "RU"),
    ("ren-tv", "https://ren.tv/news/x", "RU"),
    ("channel-5-petersburg", "https://www.5-tv.ru/news/1/", "RU"),
    ("argumenty-i-fakty", "https://aif.ru/politics/x", "RU"),
    ("moskovsky-komsomolets", "https://www.mk.ru/politics/2024/x.html", "RU"),
    ("otr", "https://otr-online.ru/news/x.html", "RU"),
    ("ria-fan", "https://riafan.ru/x", "RU"),
    ("baltnews", "https://baltnews.com/x", "RU"),
    ("maffick", "https://wearemaffick.com/", "US"),
    ("vedomosti", "https://www.vedomosti.ru/politics/news/2024/x", "RU"),
    ("komsomolskaya-pravda", "https://www.kp.ru/daily/x/", "RU"),
    ("pravda-ru", "https://www.pravda.ru/news/x/", "RU"),
    ("mir", "https://mirtv.ru/video/1/", "RU"),
    ("katehon", "https://katehon.com/en/article/x", "RU"),
    ("ukraina-ru", "https://ukraina.ru/20240101/x.html", "RU"),
    ("bakinskiy-rabochiy", "https://br.az/politics/x", "AZ"),
    ("kazinform", "https://www.inform.kz/en/x", "KZ"),
    ("kazakhstanskaya-pravda", "https://kazpravda.kz/n/x/", "KZ"),
    ("egemen-qazaqstan", "https://egemen.kz/article/x", "KZ"),
    ("khabar-24", "https://24.kz/ru/news/x", "KZ"),
    ("liter-kz", "https://liter.kz/x/", "KZ"),
    ("aztv", "https://www.aztv.az/az/news/1", "AZ"),
    ("ictimai-tv", "https://itv.az/news/1", "AZ"),
    ("zvyazda", "https://zviazda.by/be/news/x", "BY"),
    ("xalq-sozi", "https://xs.uz/uz/post/x", "UZ"),
    ("narodnoye-slovo", "http://www.narodnoeslovo.uz/x", "UZ"),
    ("pravda-vostoka", "https://pv.uz/ru/news/x", "UZ"),
]


test_domain_resolves_to_the_outlet = domain_tests(OUTLETS)


STATE_CHAINS = [
    # (outlet, state, a date the control is sourced for)
    ("gazeta-ru", "state-ru", "2024"),
    ("lenta-ru", "state-ru", "2024"),
    ("otr", "state-ru", "2024"),
    ("baltnews", "state-ru", "2024"),
    ("mir", "state-ru", "2024"),
    ("ukraina-ru", "state-ru", "2024"),
    ("bakinskiy-rabochiy", "state-az", "2024"),
    ("maffick", "state-ru", "2021"),
    ("kazinform", "state-kz", "2024"),
    ("kazakhstanskaya-pravda", "state-kz", "2024"),
    ("egemen-qazaqstan", "state-kz", "2024"),
    ("liter-kz", "state-kz", "2024"),
    ("khabar-24", "state-kz", "2024"),
    ("aztv", "state-az", "2024"),
    ("ictimai-tv", "state-az", "2024"),
    ("zvyazda", "state-by", "2024"),
    ("xalq-sozi", "state-uz", "2024"),
    ("narodnoye-slovo", "state-uz", "2024"),
    ("pravda-vostoka", "state-uz", "2024"),
]


test_control_reaches_the_state = state_tests(STATE_CHAINS)


def test_baltnews_latvian_site_is_an_edition(curated_registry):
    found = curated_registry.outlet_for_url("https://baltnews.lv/x")
    assert found is not None and found.id == "baltnews"


RELATIONS = [
    # (subject, kind, object)
    ("state-ru", "owns", "sberbank"),
    ("sberbank", "funds", "rambler-media-group"),
    ("rambler-media-group", "owns", "gazeta-ru"),
    ("rambler-media-group", "owns", "lenta-ru"),
    ("national-media-group", "owns", "ren-tv"),
    ("national-media-group", "owns", "channel-5-petersburg"),
    ("pavel-gusev", "owns", "moskovsky-komsomolets"),
    ("state-ru", "owns", "otr"),
    ("state-ru", "governs", "otr"),
    ("state-ru", "funds", "otr"),
    ("rossiya-segodnya", "owns", "baltnews"),
    ("anissa-naouai", "owns", "maffick"),
    ("state-kz", "owns", "kazinform"),
    ("ministry-of-culture-and-information-kz", "owns", "kazakhstanskaya-pravda"),
    ("ministry-of-culture-and-information-kz", "owns", "egemen-qazaqstan"),
    ("state-kz", "controls-editorially", "egemen-qazaqstan"),
    ("khabar-agency", "operates", "khabar-24"),
    ("ministry-of-culture-and-information-kz", "owns", "liter-kz"),
    ("state-az", "governs", "aztv"),
    ("state-az", "funds", "aztv"),
    ("state-az", "governs", "ictimai-tv"),
    ("state-az", "funds", "ictimai-tv"),
    ("state-by", "owns", "zvyazda"),
    ("pravda-ru-holding", "owns", "pravda-ru"),
    ("vadim-gorshenin", "owns", "pravda-ru"),
    ("state-ru", "owns", "mir"),
    ("state-ru", "funds", "mir"),
    ("tsargrad-tv", "owns", "katehon"),
    ("rossiya-segodnya", "owns", "ukraina-ru"),
    ("presidential-administration-az", "operates", "bakinskiy-rabochiy"),
    ("state-az", "owns", "bakinskiy-rabochiy"),
    ("cabinet-of-ministers-uz", "owns", "xalq-sozi"),
    ("cabinet-of-ministers-uz", "owns", "pravda-vostoka"),
    ("state-uz", "controls-editorially", "narodnoye-slovo"),
]

test_relation_is_recorded = relation_tests(RELATIONS)


def test_sberbank_owns_all_of_rambler_since_2020(curated_registry):
    owns = relation(curated_registry, "sberbank", "owns", "rambler-media-group")
    assert owns.share == pytest.approx(1.0)
    assert span(owns) == ("2020", "ongoing")


def test_mamut_lost_rambler_in_2020(curated_registry):
    assert span(relation(curated_registry, "alexander-mamut", "owns", "rambler-media-group")) == (None, "2020")
    assert span(relation(curated_registry, "alexander-mamut", "owns", "gazeta-ru")) == ("2012", "2020")


def test_gazeta_owned_by_usmanov_2006_to_2012(curated_registry):
    assert span(relation(curated_registry, "alisher-usmanov", "owns", "gazeta-ru")) == ("2006", "2012")


def test_moscow_bought_aif_in_2014_from_promsvyazcapital(curated_registry):
    assert span(relation(curated_registry, "moscow-city-government", "owns", "argumenty-i-fakty")) == (
        "2014",
        "ongoing",
    )
    assert span(relation(curated_registry, "promsvyazcapital", "owns", "argumenty-i-fakty")) == (None, "2014")
    assert curated_registry.lookup("argumenty-i-fakty").lifetime.start == PartialDate(1978)


def test_ria_fan_under_prigozhin_patriot_until_2023(curated_registry):
    assert span(relation(curated_registry, "patriot-media-group", "owns", "ria-fan")) == (None, "2023")
    assert span(relation(curated_registry, "yevgeny-prigozhin", "owns", "patriot-media-group")) == ("2019", "2023")
    assert curated_registry.lookup("ria-fan").lifetime.end == PartialDate(2023)


def test_maffick_rt_funding_ended_28_february_2022(curated_registry):
    assert span(relation(curated_registry, "tv-novosti", "funds", "maffick")) == (None, "2022-02-28")
    assert span(relation(curated_registry, "ruptly", "owns", "maffick")) == (None, "unknown")


def test_otr_on_air_since_19_may_2013(curated_registry):
    assert curated_registry.lookup("otr").lifetime.start == PartialDate(2013, 5, 19)


def test_aztv_wholly_state_owned(curated_registry):
    assert relation(curated_registry, "state-az", "owns", "aztv").share == pytest.approx(1.0)


def test_kazinform_dates_from_13_august_1920(curated_registry):
    assert curated_registry.lookup("kazinform").lifetime.start == PartialDate(1920, 8, 13)


def test_vedomosti_owners_over_time(curated_registry):
    assert span(relation(curated_registry, "dow-jones", "owns", "vedomosti")) == ("1999", "2015")
    assert span(relation(curated_registry, "pearson", "owns", "vedomosti")) == ("1999", "2015")
    assert span(relation(curated_registry, "independent-media", "owns", "vedomosti")) == ("1999", "2005")
    assert span(relation(curated_registry, "sanoma", "owns", "vedomosti")) == ("2005", "2015-04")
    assert span(relation(curated_registry, "demyan-kudryavtsev", "owns", "vedomosti")) == ("2015", "2020")
    yeremin = relation(curated_registry, "ivan-yeremin", "owns", "vedomosti")
    assert span(yeremin) == ("2020", "ongoing")
    assert yeremin.share == pytest.approx(1.0)


def test_komsomolskaya_pravda_sold_to_esn_in_2007(curated_registry):
    assert span(relation(curated_registry, "esn-group", "owns", "komsomolskaya-pravda")) == ("2007", "ongoing")
    assert span(relation(curated_registry, "prof-media", "owns", "komsomolskaya-pravda")) == (None, "2007")


def test_katehon_control_reaches_malofeev(curated_registry):
    from provenance.ownership import control_chain

    assert "konstantin-malofeev" in control_chain(curated_registry, "katehon", at="2024").ultimate()


def test_national_media_group_shareholders_reported_in_2014(curated_registry):
    bank = relation(curated_registry, "bank-rossiya", "owns", "national-media-group")
    assert bank.share == pytest.approx(0.355)
    # The report attests the stakes; it does not date their beginning.
    assert span(bank) == (None, "unknown")
    timchenko = relation(curated_registry, "gennady-timchenko", "owns", "national-media-group")
    assert timchenko.share == pytest.approx(0.075)
    assert span(timchenko) == (None, "unknown")
