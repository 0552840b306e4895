"""Facts of issue #12 for China, Hong Kong, North Korea, Vietnam and Singapore, on the shipped data.

Each test pins a corrected fact through the public API: who controls the
Chinese state broadcasters before and after China Media Group was formed,
how the party stands to China Media Group, which state funding is recorded,
and the dated platform labels.
"""

from __future__ import annotations

import pytest

from provenance.dates import OpenEnd, PartialDate
from provenance.ownership import control_chain
from provenance.registry import Registry
from tests.facts_support import assert_reaches_state, relation_set

# -- the state chain of the broadcasters before and after 2018-03-21 --------------------------------


@pytest.mark.parametrize(
    ("outlet", "at"),
    [
        ("cctv", "2010"),
        ("cctv", "2017"),
        ("cri", "2010"),
        ("cri", "2017"),
        ("cnr", "2010"),
        ("cgtn", "2017"),
        ("cgtn", "2020"),
        ("cctv-news", "2005"),
        ("cctv-news", "2012"),
        ("china-media-group", "2020"),
    ],
)
def test_chinese_broadcasters_reach_the_state(curated_registry, outlet, at):
    assert_reaches_state(curated_registry, outlet, "state-cn", at)


def test_radio_and_television_administration_under_the_state_council(curated_registry):
    nrta = curated_registry.lookup("nrta")
    assert nrta.kind == "government-body"
    assert str(nrta.lifetime.start) == "1998"
    assert ("state-cn", "parent-of") in relation_set(curated_registry, "nrta", "2010")
    for outlet in ("cctv", "cnr", "cri"):
        assert ("nrta", "governs") in relation_set(curated_registry, outlet, "2010")
    names = {name.name for name in nrta.all_names()}
    assert {"SARFT", "SAPPRFT", "State Administration of Radio, Film and Television"} <= names


def test_cctv_operates_its_international_channels(curated_registry):
    assert ("cctv", "operates") in relation_set(curated_registry, "cctv-news", "2012")
    assert ("cctv", "operates") in relation_set(curated_registry, "cgtn", "2017")
    assert ("cctv", "operates") not in relation_set(curated_registry, "cgtn", "2016-06")


def test_cctv_news_renamed_cgtn(curated_registry):
    succession = [(s.successor, s.kind, str(s.date)) for s in curated_registry.successors("cctv-news")]
    assert succession == [("cgtn", "renamed", "2016-12-31")]
    news = curated_registry.lookup("cctv-news")
    assert str(news.lifetime.end) == "2016-12-30"
    assert news.name_at(PartialDate(2005)) == "CCTV-9"
    assert news.name_at(PartialDate(2012)) == "CCTV News"


# -- China Media Group: the state owns and governs it, the party department leads it editorially ----


def test_china_media_group_is_a_state_body_not_party_property(curated_registry):
    above = relation_set(curated_registry, "china-media-group", "2020")
    assert {("state-cn", "owns"), ("state-cn", "governs"), ("state-cn", "parent-of")} <= above
    assert ("ccp-publicity-department", "controls-editorially") in above
    assert not any(subject in {"ccp", "ccp-publicity-department"} and kind == "owns" for subject, kind in above)
    assert curated_registry.relations(object="china-media-group", at="2017") == ()


def test_the_party_is_its_own_organisation(curated_registry):
    party = curated_registry.lookup("ccp")
    assert party.kind == "other"
    assert curated_registry.relations(object="ccp") == ()
    assert {r.object for r in curated_registry.relations(subject="ccp", kinds=("parent-of",))} == {
        "ccp-publicity-department",
        "ccp-shanghai-committee",
    }


# -- state funding on the record -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "outlet"),
    [
        ("state-cn", "xinhua"),
        ("state-cn", "peoples-daily"),
        ("state-cn", "china-daily"),
        ("hksar-government", "rthk"),
    ],
)
def test_state_funding_recorded(curated_registry, subject, outlet):
    assert (subject, "funds") in relation_set(curated_registry, outlet)


def test_xinhua_governed_by_the_state_council(curated_registry):
    above = relation_set(curated_registry, "xinhua", "2020")
    assert {("state-cn", "governs"), ("state-cn", "parent-of"), ("state-cn", "funds")} <= above
    assert ("ccp-publicity-department", "controls-editorially") not in above


def test_vietnamese_state_agencies(curated_registry):
    assert ("state-vn", "parent-of") in relation_set(curated_registry, "vov")
    assert {("state-vn", "parent-of"), ("state-vn", "governs")} <= relation_set(curated_registry, "vna")


def test_kcna_owned_by_the_state(curated_registry):
    assert ("state-kp", "owns") in relation_set(curated_registry, "kcna")
    assert "state-kp" in {s.id for s in control_chain(curated_registry, "kcna", at="2020").states(curated_registry)}


# -- platform labels -------------------------------------------------------------------------------------


def _bound(value: object) -> str:
    return value.value if isinstance(value, OpenEnd) else str(value)


def labels(registry: Registry, outlet: str, assessor: str) -> list[tuple[str, str]]:
    return sorted(
        (_bound(a.interval.start), _bound(a.interval.end))
        for a in registry.assessments(outlet, kind="platform-label")
        if a.assessor == assessor
    )


def test_x_labels(curated_registry):
    assert labels(curated_registry, "xinhua", "x") == [("2020-08-06", "2023-04-21")]
    for outlet in ("peoples-daily", "global-times", "china-daily"):
        assert labels(curated_registry, outlet, "x") == [("2020-08-06", "2023-04-21")]
    assert labels(curated_registry, "cgtn", "x") == [("2020-08", "2023-04-21")]
    assert labels(curated_registry, "cctv", "x") == []


def test_meta_labels(curated_registry):
    assert labels(curated_registry, "xinhua", "meta") == [("2020-06", "ongoing")]
    assert labels(curated_registry, "global-times", "meta") == [("2020-06", "ongoing")]
    assert labels(curated_registry, "cctv", "meta") == []
    assert labels(curated_registry, "peoples-daily", "meta") == []


def test_youtube_labels(curated_registry):
    assert labels(curated_registry, "xinhua", "youtube") == [("2018-02", "ongoing")]
    assert labels(curated_registry, "cgtn", "youtube") == [("2019-08", "ongoing")]
    assert labels(curated_registry, "cctv", "youtube") == [("2019-08", "ongoing")]


# -- sources ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "outlet", ["cctv", "cgtn", "cnr", "cri", "xinhua", "peoples-daily", "kcna", "vov", "vna", "rthk", "cna"]
)
def test_typology_cites_a_quoted_reference(curated_registry, outlet):
    (typology,) = [
        a for a in curated_registry.assessments(outlet, kind="typology") if a.assessor == "state-media-monitor"
    ]
    assert typology.value == "SC"
    assert all(source.kind == "reference" and source.quote for source in typology.sources)


def test_no_refused_hosts_in_these_files(curated_registry):
    refused = ("academic.ru", "onenewspage.com", "seekingalpha.com", "wikimili.com", "liquisearch.com")
    for outlet in ("cctv", "cgtn", "xinhua", "peoples-daily", "global-times", "china-daily"):
        for assessment in curated_registry.assessments(outlet):
            assert not any(host in source.url for source in assessment.sources for host in refused)
        for relation in curated_registry.relations(object=outlet):
            assert not any(host in source.url for source in relation.sources for host in refused)


# -- the fact review (issue #12, second pair of eyes) ----------------------------------------------------


def test_review_removed_the_unverified_vov_ownership(curated_registry):
    # Wikipedia's "Owner Government of Vietnam" was found only on mirrors, not at en.wikipedia.org.
    assert ("state-vn", "owns") not in relation_set(curated_registry, "vov")
    for outlet in ("vov", "vna"):
        for relation in curated_registry.relations(object=outlet):
            assert not any("wikipedia.org" in source.url for source in relation.sources)


def test_review_cctv_runs_cgtn_from_cgtn_launch_only(curated_registry):
    # No cited report gives 31 December 2016 as the day CCTV began running CGTN: the relation
    # carries no start of its own and is bounded by CGTN's lifetime.
    (relation,) = curated_registry.relations(subject="cctv", object="cgtn")
    assert relation.interval.start is None
    assert ("cctv", "operates") in relation_set(curated_registry, "cgtn", "2016-12-31")


def test_review_hkfp_youtube_quote_read_from_its_archived_copy(curated_registry):
    (label,) = [a for a in curated_registry.assessments("xinhua", kind="platform-label") if a.assessor == "youtube"]
    (hkfp,) = [s for s in label.sources if "hongkongfp.com" in s.url]
    assert hkfp.archived is not None and hkfp.archived.startswith("https://megalodon.jp/")
