"""Facts of the S5 RT batch (issue #13), on the shipped data.

RT's own X account names RT (a look-alike does not); the Russian state's funding of
RT is undated (no source read dates it from 2005); RT is labelled SC at 2015 and 2020. RT's Telegram channel and
YouTube handle from the issue are left unclaimed: no source read names them (see
docs/fact-checks/facts-s5-rt.md), so they are pinned as unknown here.
"""

from __future__ import annotations

import pytest

from provenance import label_url
from tests.facts_support import relation, span


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/RT_com/status/1",
        "https://twitter.com/RT_com",
        "https://mobile.twitter.com/rt_com/status/5",
        "https://x.com/rt_com",
    ],
)
def test_rt_x_account_names_rt(curated_registry, url):
    found = curated_registry.outlet_for_url(url)
    assert found is not None and found.id == "rt"


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/RT_comfake",
        "https://x.com/rt_com_fake/status/1",
        "https://x.com/notrt_com",
        "https://t.me/rtnewsfake",
    ],
)
def test_look_alike_accounts_do_not_name_rt(curated_registry, url):
    found = curated_registry.outlet_for_url(url)
    assert found is None or found.id != "rt"


def test_rt_x_account_is_an_account_claim_with_a_self_source(curated_registry):
    [claim] = [c for c in curated_registry.claims("rt") if c.host == "x.com" and c.path == "/rt_com"]
    assert claim.role == "account"
    assert {s.kind for s in claim.sources} == {"self"}


@pytest.mark.parametrize("url", ["https://t.me/rtnews/1", "https://www.youtube.com/@RT"])
def test_unsourced_accounts_stay_unclaimed_in_the_curated_data(curated_registry, url):
    assert curated_registry.outlet_for_url(url) is None


def test_state_funding_of_rt_is_undated(curated_registry):
    # No source read says the state funded RT from 2005 (a June 2005 plan to
    # invest is not funding), so the relation carries no start.
    funds = relation(curated_registry, "state-ru", "funds", "rt")
    assert span(funds)[0] is None
    assert "news" in {s.kind for s in funds.sources}
    assert all("bloomberg.com" not in s.url for s in funds.sources)


def test_rt_relations_cite_a_news_source_beside_the_weak_ones(curated_registry):
    for subject, kind, obj in [
        ("tv-novosti", "operates", "rt"),
        ("state-ru", "funds", "tv-novosti"),
        ("state-ru", "controls-editorially", "rt"),
    ]:
        found = relation(curated_registry, subject, kind, obj)
        hosts = {s.url.split("/")[2] for s in found.sources}
        weak = {"sharecast.com", "www.latestly.com", "www.debunkeu.org", "sofiaglobe.com", "statemediamonitor.com"}
        assert hosts - weak


@pytest.mark.parametrize("at", ["2015-01-01", "2020-01-01"])
def test_rt_is_state_controlled_media_at_2015_and_2020(curated_registry, at):
    labels = label_url("https://www.rt.com/x", at=at, registry=curated_registry)
    label = labels.get("state-media")
    assert label is not None and label.value == "SC"
