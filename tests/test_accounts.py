"""Claims on a host plus a path prefix: social accounts name their outlet, look-alikes do not (issue #13 item 3)."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.batch import Labeller, label_many
from provenance.cli import main
from provenance.codec import from_dict, to_dict
from provenance.errors import InvalidURLError, RegistryError
from provenance.importers.state_media import import_state_media_matrix
from provenance.labelling import label_url
from provenance.model import DomainClaim
from provenance.registry import default_registry, normalize_path, platform_host
from provenance.testing import make_registry

ACCOUNTS = [
    {"host": "t.me", "path": "/rtnews", "outlet": "rt", "role": "account"},
    {"host": "youtube.com", "path": "/@rt", "outlet": "rt", "role": "account"},
    {"host": "youtube.com", "path": "/channel/UCpwvZwUam-URkxB7g4USKpg", "outlet": "rt", "role": "account"},
    {"host": "x.com", "path": "/rt_com", "outlet": "rt", "role": "account"},
    {"host": "facebook.com", "path": "/rtnews", "outlet": "rt", "role": "account"},
    {"host": "vk.com", "path": "/rt_international", "outlet": "rt", "role": "account"},
    {"host": "rt.com", "path": "/Radio", "outlet": "rt-radio", "role": "primary"},
]


@pytest.fixture(scope="module")
def registry():
    return make_registry(
        outlets=[
            {"id": "rt", "name": "RT", "country": "RU"},
            {"id": "rt-radio", "name": "RT Radio", "country": "RU"},
            {"id": "x-corp", "name": "X", "country": "US"},
        ],
        domains=[
            {"host": "rt.com", "outlet": "rt"},
            {"host": "x.com", "outlet": "x-corp"},
            *ACCOUNTS,
        ],
        assessments=[{"subject": "rt", "assessor": "state-media-monitor", "kind": "typology", "value": "SC"}],
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/rtnews/1",
        "https://t.me/s/RTnews",
        "https://telegram.me/rtnews?single",
        "https://www.youtube.com/@RT",
        "https://m.youtube.com/@rt/videos",
        "https://www.youtube.com/channel/UCpwvZwUam-URkxB7g4USKpg",
        "https://x.com/RT_com/status/1",
        "https://twitter.com/rt_com",
        "https://mobile.twitter.com/RT_com/",
        "https://m.facebook.com/RTnews",
        "https://fb.com/rtnews/posts/1#comments",
        "https://vk.com/RT_International",
    ],
)
def test_the_issues_account_links_name_the_outlet(registry, url):
    claim = registry.claim_for_url(url, "2024-05-01")
    assert claim is not None and claim.outlet == "rt" and claim.path is not None
    labels = label_url(url, "2024-05-01", registry=registry)
    assert labels.outlet is not None and labels.outlet.id == "rt"
    assert [(label.kind, label.value) for label in labels] == [("state-media", "SC")]


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/rtnewsfake",
        "https://t.me/rtnews_fake/1",
        "https://t.me/other/rtnews",
        "https://youtube.com/@RTx",
        "https://www.youtube.com/channel/UCPWVZWUAM-URKXB7G4USKPG",  # channel ids are case-sensitive
        "https://www.youtube.com/watch?v=rtnews",
        "https://facebook.com/RTnewsfake",
        "https://t.me",
    ],
)
def test_look_alikes_do_not_match(registry, url):
    assert registry.claim_for_url(url, "2024-05-01") is None
    assert label_url(url, "2024-05-01", registry=registry).outlet is None


def test_a_host_claim_on_the_platform_still_answers_for_other_paths(registry):
    assert registry.claim_for_url("https://x.com/RT_com_fake", "2024").outlet == "x-corp"
    assert registry.claim_for_url("https://twitter.com/RT_com/status/9", "2024").outlet == "rt"
    assert registry.claim_for_url("x.com", "2024").outlet == "x-corp"


def test_twitter_and_x_are_alike(registry):
    for handle in ("RT_com", "rt_com", "RT_COM"):
        found = {registry.claim_for_url(f"https://{host}/{handle}/status/1") for host in ("x.com", "twitter.com")}
        assert len(found) == 1 and next(iter(found)).outlet == "rt"


def test_paths_on_other_hosts_are_case_sensitive_and_win_over_the_host(registry):
    assert registry.claim_for_url("https://www.rt.com/Radio/live").outlet == "rt-radio"
    assert registry.claim_for_url("https://rt.com/radio/live").outlet == "rt"
    assert registry.claim_for_url("https://de.rt.com/Radio/live").outlet == "rt"  # exactly the host, not below it


def test_path_claims_are_listed_apart_from_hosts(registry):
    assert "t.me" not in registry.claimed_hosts()
    assert [c.path for c in registry.path_claims("t.me")] == ["/rtnews"]
    assert {c.host for c in registry.path_claims()} == {
        "t.me",
        "youtube.com",
        "x.com",
        "facebook.com",
        "vk.com",
        "rt.com",
    }


@pytest.mark.parametrize(
    ("claim", "problem"),
    [
        ({"host": "twitter.com", "path": "/rt_com"}, "should be written 'x.com'"),
        ({"host": "t.me", "path": "/RTnews/"}, "should be written '/rtnews'"),
        ({"host": "t.me", "path": "/"}, "is empty"),
    ],
)
def test_path_claims_must_be_written_as_the_rules_read_them(claim, problem):
    with pytest.raises(RegistryError, match=problem):
        make_registry(
            outlets=[{"id": "rt", "name": "RT", "country": "RU"}],
            domains=[{**claim, "outlet": "rt", "role": "account"}],
        )


def test_two_outlets_cannot_claim_one_account_at_once():
    with pytest.raises(RegistryError, match="also claimed"):
        make_registry(
            outlets=[{"id": "a", "name": "A", "country": "RU"}, {"id": "b", "name": "B", "country": "RU"}],
            domains=[
                {"host": "t.me", "path": "/news", "outlet": "a", "role": "account"},
                {"host": "t.me", "path": "/news", "outlet": "b", "role": "account"},
            ],
        )


def test_path_claims_round_trip_through_the_codec():
    claim = DomainClaim("t.me", "rt", "account", path="/rtnews")
    assert from_dict(DomainClaim, to_dict(claim)) == claim


# -- the property: a prefix at a segment boundary, with each platform's case rules ----------------------------------

_SEGMENT = st.text("abcAB_-1", min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    host=st.sampled_from(["t.me", "x.com", "twitter.com", "youtube.com", "vk.com", "rt.com"]),
    claimed=st.lists(_SEGMENT, min_size=1, max_size=2),
    asked=st.lists(_SEGMENT, min_size=0, max_size=4),
    slash=st.booleans(),
    query=st.booleans(),
)
def test_a_path_claim_matches_exactly_the_urls_with_its_prefix_at_a_segment_boundary(
    host, claimed, asked, slash, query
):
    canonical = platform_host(host)
    path = normalize_path(canonical, "/" + "/".join(claimed))
    if canonical == "t.me" and len(claimed) > 1 and claimed[0].lower() == "s":
        return  # t.me/s/... is the channel itself
    registry = make_registry(
        outlets=[{"id": "acct", "name": "Account", "country": "RU"}],
        domains=[{"host": canonical, "path": path, "outlet": "acct", "role": "account"}],
    )
    url = f"https://{host}/" + "/".join(asked) + ("/" if slash else "") + ("?ref=" + path if query else "")
    asked_path = normalize_path(canonical, "/" + "/".join(asked))
    expected = asked_path == path or asked_path.startswith(path + "/")
    assert (registry.claim_for_url(url) is not None) is expected


# -- the shipped data: accounts the State Media Monitor lists -------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://m.facebook.com/RTnews",
        "https://x.com/RT/status/1",
        "https://t.me/rt_russian/1",
        "https://www.youtube.com/channel/UCpwvZwUam-URkxB7g4USKpg",
        "https://www.tiktok.com/@russian_rt/video/1",
    ],
)
def test_the_matrixs_accounts_name_rt_out_of_the_box(url):
    labels = label_url(url, "2024-05-01")
    assert labels.outlet is not None and labels.outlet.id == "rt"
    assert ("state-media", "SC") in [(label.kind, label.value) for label in labels]
    assert not [label for label in labels if label.kind == "rating" and label.subject != "rt"]  # not the platform's


def test_shipped_look_alikes_do_not_match():
    registry = default_registry()
    for url in ("https://t.me/rt_russianfake", "https://x.com/RTx", "https://www.facebook.com/RTnewsfake"):
        claim = registry.claim_for_url(url, "2024-05-01")
        assert claim is None or claim.path is None


def test_the_cli_names_the_outlet_of_an_account():
    out = io.StringIO()
    assert main(["label", "https://t.me/rt_russian/5", "--at", "2024-05-01", "--format", "json"], out) == 0
    assert json.loads(out.getvalue())["outlet"]["id"] == "rt"


# -- the importer --------------------------------------------------------------------------------------------------

_HEADER = "Region,Country,Media company,Main assets,URL,Typology,Status,Notes,Telegram Link,Twitter Link"


def test_the_importer_turns_social_columns_into_account_claims():
    result = import_state_media_matrix(
        [
            _HEADER,
            "Europe,Russia,RT,RT,https://www.rt.com/,SC,,,https://t.me/RTnews,https://www.twitter.com/RT_com",
            "Europe,Russia,RT,RT Live,https://rt.com/,SC,,,https://t.me/s/rtnews/,",
            "Europe,Russia,Other,Other,https://other.example/,SC,,,https://t.me/shared,https://twitter.com/",
            "Europe,Russia,Third,Third,https://third.example/,SC,,,https://t.me/shared/,",
        ]
    )
    accounts = sorted((c.host, c.path, c.outlet) for c in result.records if isinstance(c, DomainClaim) and c.path)
    assert accounts == [("t.me", "/rtnews", "smm-rt-com"), ("x.com", "/rt_com", "smm-rt-com")]
    assert {c.role for c in result.records if isinstance(c, DomainClaim) and c.path} == {"account"}
    notes = [note.reason for note in result.report.notes]
    assert any("t.me/shared is listed for several outlets" in note for note in notes)
    assert any("names no account on x.com" in note for note in notes)
    assert result.registry.claim_for_url("https://t.me/rtnews/1").outlet == "smm-rt-com"
    lines = [_HEADER, "Europe,Russia,RT,RT,https://www.rt.com/,SC,,,https://t.me/RTnews,https://x.com/a"]
    assert import_state_media_matrix(lines).records == import_state_media_matrix(lines).records  # deterministic


# -- bulk labelling: rows whose answer depends on the whole URL ----------------------------------------------------


def test_label_many_does_not_give_one_accounts_answer_for_every_link_on_its_host(registry):
    urls = ["https://t.me/rtnews/1", "https://t.me/other/2", "https://t.me/rtnews/3", "https://x.com/nobody"]
    results = list(label_many([(url, "2024-05-01") for url in urls], registry=registry))
    assert [result.outlet_id for result in results] == ["rt", None, "rt", "x-corp"]
    labeller = Labeller(registry)
    assert [labeller.result(url, "2024-05-01").outlet_id for url in reversed(urls)] == ["x-corp", "rt", None, "rt"]


_WRAPPERS = [
    "{}",
    "https://www.google.com/url?q={}&sa=D",
    "https://l.facebook.com/l.php?u={}&h=AT0",
    "https://web.archive.org/web/20140315000000/{}",
    "https://www-rt-com.cdn.ampproject.org/c/s/{}",
]
_INNER = [
    "https://t.me/rtnews/1",
    "https://t.me/rtnewsfake/1",
    "https://twitter.com/RT_com/status/2",
    "https://x.com/someone",
    "https://www.youtube.com/@RT",
    "https://www.rt.com/Radio/1",
    "https://rt.com/news/1",
    "https://example.org/x",
    "https://t.co/abc",
    "https://bit.ly/x",
]


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(_WRAPPERS),
            st.sampled_from(_INNER),
            st.sampled_from([None, "2010", "2014-03", "2024-05-01", "2024-05-01T10:00:00", "not a date"]),
        ),
        min_size=1,
        max_size=12,
    ),
    undated=st.booleans(),
)
def test_label_many_gives_label_urls_labels_for_wrapped_and_account_links(registry, rows, undated):
    shared = [
        (wrapper.format(inner.split("://", 1)[1] if "ampproject" in wrapper else inner), at)
        for wrapper, inner, at in rows
    ]
    results = list(label_many(shared, registry=registry, bad_dates="unknown" if undated else "error"))
    for (url, at), result in zip(shared, results, strict=True):
        if at == "not a date" and not undated:
            assert not result.ok
            continue
        try:
            expected = label_url(url, None if at == "not a date" else at, registry=registry)
        except InvalidURLError:
            assert not result.ok
            continue
        assert result.ok and result.labels == expected, url
        assert result.outlet_id == (expected.outlet.id if expected.outlet else None)


def test_the_importer_claims_an_outlet_under_its_parents_site_on_host_plus_path():
    result = import_state_media_matrix(
        [
            _HEADER,
            "Europe,Turkey,Demiroren,CNN Turk,http://www.cnnturk.com/,CaPr,,,,",
            "Europe,Turkey,Demiroren,CNN Turk Radyo,http://www.cnnturk.com/radyo,CaPr,,,,",
            "Asia,Bhutan,BBS,BBS news,http://www.bbs.bt/news/,ISF,,,,",
        ]
    )
    registry = result.registry
    assert registry.claim_for_url("https://cnnturk.com/radyo/canli").outlet == "smm-cnnturk-com-radyo"
    assert registry.claim_for_url("https://cnnturk.com/radyox").outlet == "smm-cnnturk-com"
    assert registry.lookup("smm-cnnturk-com-radyo").name == "CNN Turk Radyo"
    assert [a.value for a in registry.assessments("smm-cnnturk-com-radyo")] == ["CaPr"]
    assert registry.claim_for_url("https://bbs.bt/other").outlet == "smm-bbs-bt"  # listed only with a path: the host


def test_the_flat_export_has_a_row_per_account():
    from provenance.flat import flat_rows

    rows = [row for row in flat_rows(default_registry()) if row["host"] == "t.me" and row["outlet_id"] == "rt"]
    assert "/rt_russian" in {row["path"] for row in rows}
    assert {row["role"] for row in rows} == {"account"}
