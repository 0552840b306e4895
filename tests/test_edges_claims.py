"""Domain claims at the edges: public suffixes, hosts under another outlet's claim, shares after a
domain's end, and partial dates that span a change of a host's claim (issue #14 items 7, 8 and 9)."""

from __future__ import annotations

import datetime
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.batch import Labelled, label_many
from provenance.cli import main
from provenance.errors import RegistryError
from provenance.labelling import explain, label_url
from provenance.labels import POSSIBLE
from provenance.registry import default_registry, load_registry
from provenance.testing import make_registry


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out) == 0
    return out.getvalue()


# -- item 9: public suffixes and hosts under another outlet's claim ------------------------


def _two_outlets(**news: object) -> dict[str, object]:
    return {
        "outlets": [
            {"id": "bbc", "name": "BBC", "country": "GB"},
            {"id": "news-site", "name": "News Site", "country": "GB"},
        ],
        "domains": [{"host": "bbc.co.uk", "outlet": "bbc"}, {"host": "news.bbc.co.uk", "outlet": "news-site", **news}],
    }


@pytest.mark.parametrize("host", ["co.uk", "com.au", "foo.ck", "github.io", "blogspot.com"])
def test_a_claim_on_a_public_suffix_is_refused(host):
    """issue #14 item 9: a claim on a public suffix would take every site below it."""
    with pytest.raises(RegistryError, match="public suffix"):
        make_registry(outlets=[{"id": "x", "name": "X", "country": "GB"}], domains=[{"host": host, "outlet": "x"}])


def test_an_overlay_claiming_a_public_suffix_is_refused(tmp_path):
    """issue #14 item 9: an overlay folder is refused alike."""
    (tmp_path / "evil.toml").write_text(
        '[sources.s]\nurl = "https://example.org/"\ntitle = "t"\naccessed = "2026-01-01"\n\n'
        '[[outlets]]\nid = "evil"\nname = "Evil"\nkind = "website"\ncountry = "GB"\nsources = ["s"]\n\n'
        '[[domains]]\nhost = "co.uk"\noutlet = "evil"\nrole = "primary"\nsources = ["s"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match=r"'co\.uk' is a public suffix"):
        load_registry(tmp_path)


def test_a_claim_under_another_outlets_claim_must_say_so():
    """issue #14 item 9: news.bbc.co.uk under the BBC's bbc.co.uk is a problem naming both outlets."""
    with pytest.raises(RegistryError) as raised:
        make_registry(**_two_outlets())
    message = str(raised.value)
    assert "news.bbc.co.uk" in message and "'news-site'" in message and "'bbc'" in message
    assert "under" in message


def test_a_claim_under_another_outlets_claim_is_allowed_when_it_says_so():
    """issue #14 item 9: the ``under`` key makes it explicit, and the longer claim wins as before."""
    registry = make_registry(**_two_outlets(under="bbc"))
    assert registry.outlet_for_url("https://news.bbc.co.uk/x").id == "news-site"
    assert registry.outlet_for_url("https://sport.bbc.co.uk/x").id == "bbc"


@pytest.mark.parametrize("under", ["news-site", "nobody", "other"])
def test_an_under_key_that_names_no_outlet_above_is_a_problem(under):
    """issue #14 item 9: ``under`` must name the outlet whose claim the host sits under."""
    data = _two_outlets(under=under)
    data["outlets"].append({"id": "other", "name": "Other", "country": "GB"})  # type: ignore[attr-defined]
    with pytest.raises(RegistryError, match="under"):
        make_registry(**data)


def test_under_is_needed_only_while_both_claims_may_hold():
    """issue #14 item 9: a host taken over after the other outlet's claim ended needs no ``under``."""
    make_registry(
        outlets=[{"id": "a", "name": "A", "country": "GB"}, {"id": "b", "name": "B", "country": "GB"}],
        domains=[
            {"host": "a.example", "outlet": "a", "end": "2010"},
            {"host": "x.a.example", "outlet": "b", "start": "2012"},
        ],
    )


def test_the_shipped_nested_claims_say_so_and_validate():
    """issue #14 item 9: the shipped data's nested claims carry ``under``; validate --report stays clean."""
    nested = {(c.host, c.under) for c in default_registry().records if getattr(c, "under", None)}
    assert ("radiosputnik.ria.ru", "ria-novosti") in nested
    out = io.StringIO()
    assert main(["validate", "--report"], out) == 0


# -- item 8: shares after a domain's end ----------------------------------------------------


def test_a_share_after_the_domains_end_is_labelled_as_of_its_last_claim():
    """issue #14 item 8: ruvr.ru shared in 2016 is Voice of Russia's, published by 2014-11-09."""
    labels = label_url("http://ruvr.ru/2012_07_11/x.html", at="2016-03-01")
    state = labels.get("state-media")
    assert state is not None and state.subject == "voice-of-russia"
    text = explain(state)
    assert "ruvr.ru" in text and "2016-03-01" in text and "2012-07-11" in text


def test_a_share_after_the_domains_end_without_a_date_in_the_path():
    """issue #14 item 8: with no date in the path, the window is cut to the last claim."""
    labels = label_url("ruvr.ru", at="2016")
    state = labels.get("state-media")
    assert state is not None and state.subject == "voice-of-russia"
    assert "2014-11-09" in explain(state)


def test_lookup_after_the_domains_end_names_the_last_outlet():
    """issue #14 item 8: the README's ``lookup ruvr.ru --at 2016``."""
    assert "Voice of Russia" in run("lookup", "ruvr.ru", "--at", "2016")
    assert "no outlet" not in run("label", "http://ruvr.ru/2012_07_11/x.html", "--at", "2016-03-01")


def _successive():
    return make_registry(
        outlets=[
            {"id": "first", "name": "First", "country": "GB", "start": "2000-01-01", "end": "2005-12-31"},
            {"id": "second", "name": "Second", "country": "GB", "start": "2006-01-01", "end": "2010-12-31"},
        ],
        domains=[
            {"host": "site.example", "outlet": "first", "end": "2005-12-31"},
            {"host": "site.example", "outlet": "second", "start": "2006-01-01", "end": "2010-12-31"},
        ],
    )


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        ("/2003_05_01/x.html", "first"),
        ("/20030501/x.html", "first"),
        ("/2003/05/01/x.html", "first"),
        ("/2003-05-01/x.html", "first"),
        ("/news/2003/05/01", "first"),
        ("/2008/05/01/x.html", "second"),
        ("/x.html", "second"),  # no date: the latest claim that ended before
        ("/2020/05/01/x.html", "second"),  # after the share: not a publication date
        ("/1990/05/01/x.html", "second"),  # before any claim: not evidence of one
        ("/2003/13/01/x.html", "second"),  # not a date
        ("/x.html?d=2003/05/01", "second"),  # the query is not the path
    ],
)
def test_a_date_in_the_path_picks_the_claim_then(path, outlet):
    """issue #14 item 8: a date in the URL's path is evidence of the publication date."""
    registry = _successive()
    url = "https://site.example" + path
    assert registry.claim_for_url(url, "2016-03-01").outlet == outlet
    labels = label_url(url, "2016-03-01", registry=registry)
    assert labels.get("defunct").subject == outlet
    [result] = label_many([(url, "2016-03-01")], registry=registry)
    assert isinstance(result, Labelled) and result.labels == labels and result.outlet.id == outlet


def test_a_share_before_any_claim_still_has_no_outlet():
    """issue #14 item 8: only claims that ended before the date are used, never later ones."""
    registry = _successive()
    assert registry.claim_for_url("https://site.example/2003/05/01/x", "1995") is None
    assert label_url("https://site.example/x", "1995", registry=registry) == label_url("nobody.example", "1995")


def test_a_claim_that_holds_is_used_as_before_whatever_the_path_says():
    """issue #14 item 8: the path is read only when no claim holds at the date."""
    registry = _successive()
    assert registry.claim_for_url("https://site.example/2003/05/01/x", "2008-01-01").outlet == "second"


# -- item 7: a partial date that spans a change of the host's claim -------------------------


def test_a_month_that_spans_a_change_of_claim_gives_both_outlets_as_possible():
    """issue #14 item 7: radiosputnik.ria.ru in 2014-11 was RIA Novosti until the 9th, Radio Sputnik from the 10th."""
    labels = label_url("https://radiosputnik.ria.ru/x", "2014-11")
    subjects = {label.subject for label in labels}
    assert {"radio-sputnik", "ria-novosti"} <= subjects
    assert all(label.certainty == POSSIBLE for label in labels)
    assert "2014-11" in explain(labels.labels[0])
    [result] = label_many([("https://radiosputnik.ria.ru/x", "2014-11")])
    assert result.labels == labels


@pytest.mark.parametrize("at", ["2014-11-10", "2014-12", "2015", None])
def test_a_date_within_one_claim_gives_one_outlet(at):
    """issue #14 item 7: when the window falls within one claim, nothing changes."""
    labels = label_url("https://radiosputnik.ria.ru/x", at)
    assert {label.subject for label in labels} == {"radio-sputnik"}


def test_a_day_before_the_change_gives_the_outer_claim():
    """issue #14 item 7: on 2014-11-09, the host was RIA Novosti's."""
    labels = label_url("https://radiosputnik.ria.ru/x", "2014-11-09")
    assert {label.subject for label in labels} == {"ria-novosti"}


# -- label_many keeps giving label_url's answers ---------------------------------------------

_DAYS = st.dates(datetime.date(1995, 1, 1), datetime.date(2020, 12, 31))
_WHEN = st.one_of(
    _DAYS.map(lambda d: d.isoformat()),
    _DAYS.map(lambda d: d.isoformat()[:7]),
    _DAYS.map(lambda d: d.isoformat()[:4]),
    st.none(),
)
_PATHS = st.one_of(
    st.just("/x.html"),
    _DAYS.map(lambda d: d.strftime("/%Y/%m/%d/x.html")),
    _DAYS.map(lambda d: d.strftime("/%Y%m%d/x")),
    _DAYS.map(lambda d: d.strftime("/%Y_%m_%d/")),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["site.example", "a.site.example", "other.example"]), _PATHS, _WHEN),
                     min_size=1, max_size=10))  # fmt: skip
def test_label_many_equals_label_url_on_successive_and_nested_claims(rows):
    """issue #14 items 7 and 8: batch results are label_url's, row by row, for any date and path."""
    registry = _nested_and_successive()
    pairs = [(f"https://{host}{path}", at) for host, path, at in rows]
    for (url, at), result in zip(pairs, label_many(pairs, registry=registry), strict=True):
        assert result.labels == label_url(url, at, registry=registry)
        claim = registry.claim_for_url(url, at)
        assert result.claim == claim


def _nested_and_successive():
    return make_registry(
        outlets=[
            {"id": "first", "name": "First", "country": "GB", "start": "2000-01-01", "end": "2005-12-31"},
            {"id": "second", "name": "Second", "country": "GB", "start": "2006-01-01", "end": "2010-12-31"},
            {"id": "inner", "name": "Inner", "country": "GB", "start": "2008-06-15"},
        ],
        domains=[
            {"host": "site.example", "outlet": "first", "end": "2005-12-31"},
            {"host": "site.example", "outlet": "second", "start": "2006-01-01", "end": "2010-12-31"},
            {"host": "a.site.example", "outlet": "inner", "start": "2008-06-15", "under": "second"},
        ],
    )
