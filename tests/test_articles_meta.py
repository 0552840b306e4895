"""The metadata parse_article reads from pages as published: title, bylines, date, charset; one rule per test."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import decode_html
from provenance.articles import parse_article
from provenance.articles._pagedates import text_date
from provenance.dates import PartialDate
from provenance.model import Article
from provenance.testing import make_registry

REGISTRY = make_registry(
    outlets=[
        {"id": "rt", "name": "RT", "country": "RU"},
        {"id": "cnn", "name": "CNN", "country": "US"},
        {"id": "efe", "name": "EFE", "country": "ES"},
    ]
)
BODY = "<p>" + "The council met on Tuesday and agreed the budget after a long debate. " * 3 + "</p>"


def page(head: str = "", body: str = "", url: str | None = None) -> Article:
    html = f"<!doctype html><html><head>{head}</head><body>{body}{BODY}</body></html>"
    return parse_article(html, url=url, registry=REGISTRY)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(key: str, value: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{key}" content="{value}">'


# Charset.


def test_decode_html_follows_the_declared_charset() -> None:
    text = '<meta charset="gb2312"><title>新华网</title>'
    assert decode_html(text.encode("gb2312")) == text
    latin = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>f\xfcr \x93x\x94</p>'
    assert decode_html(latin).endswith("<p>für “x”</p>")  # latin-1 read as windows-1252, as browsers do


def test_decode_html_byte_order_mark_and_fallbacks() -> None:
    assert decode_html("<p>é</p>".encode("utf-8-sig")) == "<p>é</p>"
    assert decode_html(b"<p>caf\xe9</p>") == "<p>café</p>"  # not UTF-8 and undeclared: windows-1252
    assert decode_html(b'<meta charset="no-such-codec"><p>\xc3\xa9</p>').endswith("<p>é</p>")
    assert decode_html(b'<meta charset="base64"><p>x</p>').endswith("<p>x</p>")  # not a text encoding


@given(st.text(st.characters(exclude_categories=("Cs",))), st.sampled_from(["utf-8", "gb18030", "cp1252"]))
def test_decode_html_round_trips_a_declared_charset(text: str, charset: str) -> None:
    source = f'<meta charset="{charset}">' + text
    try:
        data = source.encode(charset)
    except UnicodeEncodeError:
        return  # the text is not in that charset: nothing to round-trip
    assert decode_html(data) == source


# Title.


def test_title_is_the_visible_headline_when_it_agrees_with_the_metadata() -> None:
    article = page(
        meta("og:title", "Rates rise again", "property") + "<title>Rates rise again - The Daily</title>",
        "<h1>Coronavirus: rates rise again as banks worry</h1>",
    )
    assert article.title == "Coronavirus: rates rise again as banks worry"


def test_title_skips_a_logo_heading_and_strips_the_site_and_section() -> None:
    article = page(
        "<title>Two more gunned down | Crime | The Tribune</title>" + meta("og:site_name", "The Tribune", "property"),
        "<h1>The Tribune</h1>",
    )
    assert article.title == "Two more gunned down"


def test_title_drops_a_section_label_before_the_headline() -> None:
    article = page(
        meta("og:title", "Brothel busted in Boston", "property"), "<h1>Local News | Brothel busted in Boston</h1>"
    )
    assert article.title == "Brothel busted in Boston"


def test_title_drops_a_kicker_element_inside_the_headline() -> None:
    heading = '<span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten gehackt</span>'
    article = page(meta("og:title", "Daten gehackt - Interne Unterlagen im Netz", "property"), f"<h1>{heading}</h1>")
    assert article.title == "Daten gehackt"


def test_title_drops_a_chinese_site_suffix() -> None:
    assert page("<title>武汉的声音：有英勇的你-新华网</title>").title == "武汉的声音：有英勇的你"


def test_title_and_genre_marker_after_the_site_name() -> None:
    article = page("<title>The West has lost the plot — RT Op-ed</title>")
    assert (article.title, article.genre, article.genre_evidence) == ("The West has lost the plot", "opinion", "Op-ed")


def test_genre_marker_in_the_metadata_when_the_headline_has_none() -> None:
    article = page("<title>The West has lost the plot — RT Op-ed</title>", "<h1>The West has lost the plot</h1>")
    assert (article.title, article.genre) == ("The West has lost the plot", "opinion")


def test_a_site_name_ending_in_review_is_no_genre_marker() -> None:
    article = page(
        "<title>Sanctions bite - Eurasia Review</title>" + meta("og:site_name", "Eurasia Review", "property")
    )
    assert (article.title, article.genre) == ("Sanctions bite", None)


def test_title_unescapes_entities_in_structured_data() -> None:
    article = page(jsonld({"@type": "NewsArticle", "headline": "Arrest &#8211; Governor&#8217;s call"}))
    assert article.title == "Arrest – Governor’s call"


# Authors from structured data.


@pytest.mark.parametrize(
    "author",
    [
        "Ann Lee",
        {"@type": "Person", "name": "Ann Lee"},
        [{"@type": "Person", "name": "Ann Lee"}],
        {"@type": "Person", "name": ["Ann Lee", "A. Lee"]},
        "By Ann Lee",
    ],
)
def test_jsonld_author_shapes(author: object) -> None:
    assert page(jsonld({"@type": "NewsArticle", "headline": "H", "author": author})).authors == ("Ann Lee",)


def test_jsonld_author_in_a_graph_by_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "H", "author": [{"@id": "#ann"}, {"@id": "#bo"}]},
            {"@type": "Person", "@id": "#ann", "name": "Ann Lee"},
            {"@type": "Person", "@id": "#bo", "name": "Bo Ma"},
        ],
    }
    assert page(jsonld(graph)).authors == ("Ann Lee", "Bo Ma")


def test_jsonld_author_cleaned_as_a_byline() -> None:
    data = {"@type": "NewsArticle", "author": {"name": "By Glen Owen And Brendan Carlin For The Mail On Sunday"}}
    assert page(jsonld(data)).authors == ("Glen Owen", "Brendan Carlin")
    data = {"@type": "NewsArticle", "author": {"name": "Von FOCUS-Online-Experte Robin Tschöpe"}}
    assert page(jsonld(data)).authors == ("Robin Tschöpe",)


def test_the_site_itself_as_author_is_no_author() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "CBS News"}}
    assert page(jsonld(data), url="https://www.cbsnews.com/news/x/").authors == ()
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Daily Planet"}}
    assert page(jsonld(data) + meta("og:site_name", "Daily Planet", "property")).authors == ()


def test_an_agency_credited_alone_is_the_byline() -> None:
    assert page(jsonld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "EFE"}})).authors == (
        "EFE",
    )


@pytest.mark.parametrize("credit", ["Redacción", "Redacción Confidencial", "HLNF Staff Report", "By Editorial Staff"])
def test_a_newsroom_credit_is_no_author(credit: str) -> None:
    assert page(jsonld({"@type": "NewsArticle", "author": credit})).authors == ()


# Authors from the page.


def test_meta_author_and_other_author_keys() -> None:
    assert page(meta("author", "Ann Lee")).authors == ("Ann Lee",)
    site = meta("og:site_name", "Daily Planet", "property")
    other = meta("cxenseparse:author", "Lisa Petrich", "property")
    assert page(site + meta("author", "Daily Planet") + other).authors == ("Lisa Petrich",)  # the site is no author
    assert page(meta("article:author", "https://facebook.com/planet", "property")).authors == ()


def test_rel_author_link() -> None:
    assert page(body='<a rel="author" href="/staff/ann">Ann Lee</a>').authors == ("Ann Lee",)


def test_byline_element_with_by_word_role_and_outlet() -> None:
    body = '<p class="byline">By <a href="/p/evan">Evan Halper</a><span>Staff Writer</span>, CNN</p>'
    assert page(body=body).authors == ("Evan Halper",)


def test_byline_word_in_its_own_element() -> None:
    body = '<span class="article_author">Article by</span><span class="author_single">Barry Alleyne</span>'
    assert page(body=body).authors == ("Barry Alleyne",)


def test_credit_element_and_test_id() -> None:
    assert page(body='<p class="credit">JIJI</p>').authors == ("JIJI",)
    assert page(body='<div data-testid="prism-byline">By J.R. Stone</div>').authors == ("J.R. Stone",)


def test_photo_and_comment_author_elements_are_not_bylines() -> None:
    body = '<span class="photo-credit">Ann Lee</span><p class="comment-author">Bo Ma</p>'
    assert page(body=body).authors == ()


def test_names_in_capitals_are_written_in_normal_case() -> None:
    assert page(body='<p class="byline">By ALLY MUTNICK</p>').authors == ("Ally Mutnick",)


def test_an_acronym_after_the_people_is_a_credit() -> None:
    body = '<p class="byline">Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>'
    assert page(body=body).authors == ("Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz")


def test_link_to_an_authors_page_only_when_nothing_else_names_one() -> None:
    assert page(body='<a href="https://x.example/authors/stevelevine/" title="Steve LeVine"><img></a>').authors == (
        "Steve LeVine",
    )
    body = '<a href="/authors/bo-ma/">Bo Ma</a><p class="byline">By Ann Lee</p>'
    assert page(body=body).authors == ("Ann Lee",)


def test_byline_with_a_description_after_the_name() -> None:
    text = "Sanctions Bite\n\nBy Ann Lee, a political commentator\n\nThe ministry said it would respond."
    assert parse_article(text, registry=REGISTRY).authors == ("Ann Lee",)
    assert page(body='<p class="byline">By Ann Lee, a political commentator</p>').authors == ("Ann Lee",)


def test_labelled_author_line() -> None:
    article = page(body="<h1>Elephants</h1><p>Auteur : Kossivi Tiassou</p><p>Edition : M-A. Pioerron</p>")
    assert article.authors == ("Kossivi Tiassou",)
    article = page(body="<h1>话剧巡演结束</h1><p>作者： 记者王敬照 编辑： 王华军</p>")
    assert article.authors == ("王敬照",)


def test_paragraph_opening_with_its_byline() -> None:
    article = page(body="<h1>Covid wave</h1><p>By Aaron Humes: The Americas cannot ignore the risk of surges.</p>")
    assert article.authors == ("Aaron Humes",)


def test_name_signed_above_an_email_address() -> None:
    article = page(body="<h1>Stores stalled</h1><p>PE\u00adTER CHRISTO\u00adPHER</p><p>peter@guardian.example</p>")
    assert article.authors == ("Peter Christopher",)


def test_closing_signature_in_brackets() -> None:
    assert page(body="<h1>Wahl</h1><p>Die Politik bleibt spannend. (Christian P. Stadtfeld) +++</p>").authors == (
        "Christian P. Stadtfeld",
    )
    signed = "<h1>武汉</h1><p>正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）</p>"
    assert page(body=signed).authors == ("罗博", "萧海川")
    assert page(body="<h1>Schools</h1><p>The schools stay open, officials said. (NM)</p>").authors == ()


# Dates.


def test_jsonld_date_published() -> None:
    assert page(jsonld({"@type": "NewsArticle", "datePublished": "2020-02-19T18:37:32+01:00"})).published == (
        PartialDate(2020, 2, 19)
    )


@pytest.mark.parametrize(
    ("key", "attribute"),
    [
        ("article:published_time", "property"),
        ("dc.date.issued", "name"),
        ("parsely-pub-date", "name"),
        ("datePublished", "itemprop"),
    ],
)
def test_meta_publication_dates(key: str, attribute: str) -> None:
    assert page(meta(key, "2022-04-21T14:00:18-06:00", attribute)).published == PartialDate(2022, 4, 21)


def test_the_outlets_local_day_beats_utc() -> None:
    head = meta("article:published_time", "2022-04-22T04:11:44+00:00", "property")
    body = '<time class="entry-date" itemprop="datePublished" datetime="2022-04-21T22:11:44-06:00">April 21</time>'
    assert page(head, body).published == PartialDate(2022, 4, 21)


def test_time_element_marked_published_not_updated() -> None:
    body = '<time class="updated" datetime="2020-01-14T09:00:00+01:00"></time>'
    body += '<time class="entry-date published" datetime="2020-01-13T18:54:00+01:00"></time>'
    assert page(body=body).published == PartialDate(2020, 1, 13)


def test_date_shown_below_the_title_beats_a_bare_date_meta() -> None:
    article = page(meta("date", "2020-04-29T11:52:23"), "<h1>Daten gehackt</h1><p>Stand: 28.04.2020 18:00 Uhr</p>")
    assert article.published == PartialDate(2020, 4, 28)


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("26, Abril, 2022", PartialDate(2022, 4, 26)),
        ("Jan 18, 2019", PartialDate(2019, 1, 18)),
        ("06. November 2023", PartialDate(2023, 11, 6)),
        ("10 mayo, 2022", PartialDate(2022, 5, 10)),
        ("Publié le 18 février 2020", PartialDate(2020, 2, 18)),
        ("20220428", PartialDate(2022, 4, 28)),
        ("2020-02-19 20:29:58 来源：半月谈", PartialDate(2020, 2, 19)),
    ],
)
def test_date_shown_near_the_title(shown: str, day: PartialDate) -> None:
    assert page(body=f"<p>{shown}</p><h1>Rates rise</h1>").published == day
    assert page(body=f"<h1>Rates rise</h1><p>{shown}</p>").published == day


def test_date_in_a_byline_element() -> None:
    body = '<div class="byline">By Emily Burack 8 January 2020, 3:51 pm</div>'
    assert page(body=body).published == PartialDate(2020, 1, 8)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://x.example/2023/11/08/story/", PartialDate(2023, 11, 8)),
        ("http://www.tribune242.com/news/2022/apr/22/two-more-gunned-down/", PartialDate(2022, 4, 22)),
        ("http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm", PartialDate(2012, 6, 4)),
    ],
)
def test_date_in_the_url_path(url: str, day: PartialDate) -> None:
    assert page(url=url).published == day


def test_a_stated_date_overrides_the_page() -> None:
    head = meta("article:published_time", "2022-04-22T04:11:44+00:00", "property")
    html = f"<html><head>{head}</head><body>{BODY}</body></html>"
    assert parse_article(html, published="2001-02-03", registry=REGISTRY).published == PartialDate(2001, 2, 3)


_FORMATS = ("{d} {month} {y}", "{month} {d}, {y}", "{d:02}.{m:02}.{y}", "{y}-{m:02}-{d:02}", "{d}, {month}, {y}")


@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2039, 12, 31)), st.sampled_from(_FORMATS))
def test_text_date_reads_every_form_it_names(day: datetime.date, form: str) -> None:
    line = form.format(d=day.day, m=day.month, y=day.year, month=day.strftime("%B"))
    assert text_date(f"Published: {line}") == PartialDate(day.year, day.month, day.day)


@given(st.text(max_size=300))
def test_text_date_never_raises(line: str) -> None:
    found = text_date(line)
    assert found is None or found.day is not None
