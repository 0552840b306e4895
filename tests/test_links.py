"""Shared links: wrappers undone offline, archive days kept, shorteners named (issue #13 item 4)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.dates import PartialDate
from provenance.errors import InvalidURLError
from provenance.links import MAX_STEPS, SHORTENERS, unwrap_link

PAGE = "https://www.rt.com/news/537000-some-story/?utm=1"

WRAPPERS = {
    "google": "https://www.google.com/url?sa=t&q={quoted}&usg=AOv",
    "google-country": "https://www.google.co.uk/url?url={quoted}",
    "facebook": "https://l.facebook.com/l.php?u={quoted}&h=AT3",
    "facebook-mobile": "https://lm.facebook.com/l.php?u={quoted}",
    "reddit": "https://out.reddit.com/t3_abc?url={quoted}&token=x",
    "tumblr": "https://t.umblr.com/redirect?z={quoted}&t=Y",
    "youtube": "https://www.youtube.com/redirect?event=video&q={quoted}",
    "vk": "https://vk.com/away.php?to={quoted}",
    "outlook": "https://eur01.safelinks.protection.outlook.com/?url={quoted}&data=05",
}


@pytest.mark.parametrize("name", sorted(WRAPPERS))
def test_each_redirect_wrapper_is_undone_and_named(name: str) -> None:
    link = unwrap_link(WRAPPERS[name].format(quoted=quote(PAGE, safe="")))
    assert link.url == PAGE
    assert len(link.steps) == 1 and link.steps[0].startswith("redirect wrapper ")
    assert link.shortener is None and link.archived_on is None


def test_amp_cache_https_and_http_forms() -> None:
    assert unwrap_link("https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/news/1/amp/").url == (
        "https://www.rt.com/news/1/amp/"
    )
    assert unwrap_link("https://example-com.cdn.ampproject.org/c/example.com/a?b=1").url == "http://example.com/a?b=1"
    assert unwrap_link("https://www.google.com/amp/s/sputniknews.com/x/amp").url == "https://sputniknews.com/x/amp"


def test_archive_copy_gives_the_page_and_the_day() -> None:
    link = unwrap_link("https://web.archive.org/web/20140315000000/http://voiceofrussia.com/news/2014_03_14/x/")
    assert link.url == "http://voiceofrussia.com/news/2014_03_14/x/"
    assert link.archived_on == PartialDate(2014, 3, 15)
    assert link.steps == ("archive copy web.archive.org",)
    assert "archived on 2014-03-15" in (link.describe() or "")


def test_archive_copy_variants() -> None:
    assert unwrap_link("https://web.archive.org/web/2012id_/voiceofrussia.com/a").url == "http://voiceofrussia.com/a"
    assert unwrap_link("https://web.archive.org/web/2012id_/voiceofrussia.com/a").archived_on == PartialDate(2012)
    today = unwrap_link("https://archive.ph/2019.05.01-101010/https://www.rt.com/news/1")
    assert today.url == "https://www.rt.com/news/1" and today.archived_on == PartialDate(2019, 5, 1)
    # an archive.today short id cannot be undone offline: the link stays as it is
    assert unwrap_link("https://archive.ph/AbCd1").steps == ()


def test_nested_wrappers_are_undone_outermost_first() -> None:
    archived = "https://web.archive.org/web/20140315000000/http://voiceofrussia.com/x"
    link = unwrap_link("https://www.google.com/url?q=" + quote(archived, safe=""))
    assert link.url == "http://voiceofrussia.com/x"
    assert link.steps == ("redirect wrapper www.google.com", "archive copy web.archive.org")


@pytest.mark.parametrize("host", sorted(["t.co", "bit.ly", "ow.ly", "tinyurl.com", "goo.gl"]))
def test_shorteners_are_named_not_unknown(host: str) -> None:
    link = unwrap_link(f"https://{host}/AbC123")
    assert link.shortener == host
    assert link.describe() == f"shortened link ({host}), target unknown"


@pytest.mark.parametrize("lookalike", ["https://bit.ly.example.com/x", "https://notbit.ly/x", "https://t.com/x"])
def test_lookalikes_of_shorteners_are_not_shorteners(lookalike: str) -> None:
    assert unwrap_link(lookalike).shortener is None


@pytest.mark.parametrize(
    "link",
    [
        "https://www.google.com/search?q=https://www.rt.com/",  # a search, not a redirect
        "https://www.facebook.com/l.php?u=https://www.rt.com/",  # www.facebook.com is not the wrapper host
        "https://l.facebook.com/l.php",  # no target
        "https://web.archive.org/web/*/rt.com*",  # an archive search page
    ],
)
def test_what_is_not_a_wrapper_stays_as_it_is(link: str) -> None:
    assert unwrap_link(link).url == link
    assert unwrap_link(link).steps == ()


def test_a_wrapper_around_nothing_usable_is_a_typed_error() -> None:
    with pytest.raises(InvalidURLError):
        unwrap_link("https://www.google.com/url?q=javascript:alert(1)")


def test_depth_is_bounded() -> None:
    link = PAGE
    for _ in range(MAX_STEPS + 3):
        link = "https://www.google.com/url?q=" + quote(link, safe="")
    assert len(unwrap_link(link).steps) == MAX_STEPS


_hosts = st.from_regex(r"[a-z][a-z0-9]{1,10}\.(com|org|ru|co\.uk)", fullmatch=True)
_paths = st.from_regex(r"(/[A-Za-z0-9_\-]{1,8}){0,3}/?", fullmatch=True)


@given(host=_hosts, path=_paths, wrapper=st.sampled_from(sorted(WRAPPERS)))
def test_wrapping_any_page_then_unwrapping_gives_it_back(host: str, path: str, wrapper: str) -> None:
    page = f"https://{host}{path}"
    assert unwrap_link(WRAPPERS[wrapper].format(quoted=quote(page, safe=""))).url == page


@given(host=_hosts, path=_paths)
def test_a_plain_link_is_its_own_page(host: str, path: str) -> None:
    link = unwrap_link(f"https://{host}{path}")
    assert link.url == f"https://{host}{path}" and not link.unwrapped
    assert link.shortener == (host if host in SHORTENERS else None)


def test_label_url_labels_the_page_inside_an_archive_copy_at_the_copy_day() -> None:
    """web.archive.org/web/2014.../voiceofrussia.com is Voice of Russia; the copy's day bounds the date."""
    from provenance import label_url

    labels = label_url("https://web.archive.org/web/20140315000000/http://voiceofrussia.com/news/2014_03_14/x/")
    assert labels.outlet is not None and labels.outlet.id == "voice-of-russia"
    assert labels.host == "voiceofrussia.com" and labels.has("state-media", "SC")
    assert labels.link is not None and labels.link.archived_on == PartialDate(2014, 3, 15)
    # shared years later, the page is still the one archived in 2014
    later = label_url("https://web.archive.org/web/20140315000000/http://voiceofrussia.com/x/", "2024-01-01")
    assert later.outlet is not None and later.outlet.id == "voice-of-russia"
    assert later.has("state-media", "SC") and not later.filter("state-media", certainty="possible")


def test_label_url_through_a_redirect_wrapper_equals_the_page() -> None:
    from provenance import label_url

    wrapped = label_url("https://l.facebook.com/l.php?u=" + quote(PAGE, safe=""), "2023-05-01")
    assert wrapped == label_url(PAGE, "2023-05-01")
    assert wrapped.link is not None and wrapped.link.steps == ("redirect wrapper l.facebook.com",)
    assert label_url(PAGE).link is None


def test_label_url_names_a_shortener_rather_than_an_unknown_host() -> None:
    from provenance import label_url

    labels = label_url("https://bit.ly/3abc")
    assert labels.outlet is None and labels.link is not None and labels.link.shortener == "bit.ly"
    assert label_url("https://example.com/x").link is None


def test_cli_says_what_was_unwrapped_and_names_shorteners(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from provenance.cli import main

    archived = "https://web.archive.org/web/20140315000000/http://voiceofrussia.com/news/x/"
    assert main(["label", archived, "https://t.co/xyz"]) == 0
    text = capsys.readouterr().out
    assert "Voice of Russia (voice-of-russia, RU)" in text
    assert "unwrapped from archive copy web.archive.org; archived on 2014-03-15" in text
    assert "shortened link (t.co): its target is unknown offline" in text and "unknown host" not in text
    assert main(["label", archived, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["link"] == {
        "url": "http://voiceofrussia.com/news/x/",
        "unwrapped": ["archive copy web.archive.org"],
        "archived_on": "2014-03-15",
        "shortener": None,
    }


@given(host=_hosts, path=_paths, wrapper=st.sampled_from(sorted(WRAPPERS)))
def test_every_wrapper_host_is_one_that_may_wrap(host: str, path: str, wrapper: str) -> None:
    from provenance.domains import normalize_host
    from provenance.links import may_wrap

    wrapped = WRAPPERS[wrapper].format(quoted=quote(f"https://{host}{path}", safe=""))
    assert may_wrap(normalize_host(wrapped))
    assert may_wrap(normalize_host(f"https://{host}{path}")) == (host in SHORTENERS)
