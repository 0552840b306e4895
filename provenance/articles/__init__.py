r"""Article ingestion: plain text or an HTML page in, an :class:`~provenance.model.Article` out.

:func:`parse_article` reads what an article says about itself: its title (and
a genre marker such as "– OpEd"), byline, date, body, a disclosure footer,
and the registry outlets it names. A mention is an *attribution* (the piece
came from that outlet) only when an attribution statement says so: the
disclosure footer, a "Source: X" line, or a sentence such as "This article was
originally published by X". A mere mention in the body ("Lavrov told RT",
"according to TASS") never is.

>>> from provenance.testing import make_registry
>>> reg = make_registry(outlets=[{"id": "rt", "name": "RT", "country": "RU"}])
>>> article = parse_article(
...     "Sanctions Bite – OpEd\n\nBy Ann Lee\n\nThe ministry told RT it would respond.\n\n"
...     "This article was originally published by RT.",
...     registry=reg,
... )
>>> article.title, article.authors, article.genre, article.genre_evidence
('Sanctions Bite', ('Ann Lee',), 'opinion', 'OpEd')
>>> [(m.name, m.attribution, m.cue) for m in article.mentions]
[('RT', False, None), ('RT', True, 'originally-published')]
>>> article.footer
'This article was originally published by RT.'

Genre vocabularies (see :func:`genre_vocabulary`). Only terms checked against
these sources are used; where a vocabulary has no verified term the field is
``None``:

- schema.org ``NewsArticle`` subtypes (``OpinionNewsArticle``,
  ``AnalysisNewsArticle``, ``BackgroundNewsArticle``, ``ReportageNewsArticle``,
  ``ReviewNewsArticle``, ``AskPublicNewsArticle``) and ``SatiricalArticle``:
  https://schema.org/NewsArticle, https://schema.org/OpinionNewsArticle,
  https://schema.org/SatiricalArticle.
- IPTC Genre NewsCodes (scheme http://cv.iptc.org/newscodes/genre/):
  ``Analysis``, ``Background`` and ``Current`` ("Current Events") as listed at
  https://www.iptc.org/std-dev/NewsCodes/treeview/genre-en-GB.html; ``Opinion``
  as listed in the scheme at http://cv.iptc.org/newscodes/genre/ (and in
  NewsQ's genre reference, https://newsq.net/reference-news-genre/). No IPTC
  genre was verified for reviews, satire or calls for input, so those are ``None``.
- The Trust Project's "Type of Work" labels (https://thetrustproject.org/, as
  published by participating newsrooms, e.g.
  https://highlandscurrent.org/editorial-standards/type-of-work-trust-factor/ and
  https://www.theexaminernews.com/best-practices/types-of-work-the-trust-project/):
  News, Opinion (which "includes editorials and columns"), Analysis, Review,
  Satire, Explainer, Help Us Report.

Pairing ``news`` with IPTC ``Current`` and ``background`` with the Trust
Project's Explainer is this module's judgement of the closest term.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urljoin, urlsplit

from provenance.articles._attribution import mark_footer, statement_cues
from provenance.articles._genres import (
    GENRES,
    GenreTerms,
    choose_genre,
    genre_vocabulary,
    split_title_marker,
)
from provenance.articles._header import find_header, loose_date, url_date
from provenance.articles._html import Page, looks_like_html, read_page
from provenance.articles._mentions import find_mentions, matcher_for
from provenance.articles._structured import Structured, read_structured
from provenance.articles._text import Line, Spans, collapse, norm
from provenance.dates import DateLike, as_partial_date
from provenance.domains import normalize_host
from provenance.errors import InvalidURLError, ProvenanceError
from provenance.model import Article, Mention
from provenance.registry import Registry, default_registry

__all__ = ["GENRES", "ArticleInputError", "GenreTerms", "genre_vocabulary", "parse_article"]


class ArticleInputError(ProvenanceError, TypeError):
    """:func:`parse_article` was given something that is not text (or not a registry).

    Attributes:
        value: The offending input.
    """

    def __init__(self, value: object, what: str) -> None:
        self.value = value
        super().__init__(
            f"{what} must be {'a Registry' if what == 'registry' else 'a str'}, got {type(value).__name__}"
        )


_MAX_TITLE = 300


# -- header, boilerplate, attribution cues --------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment|\d+\s+comments?|comments?"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
    r"|share\s+this(?:\s+(?:article|story|post|page))?|click\s+to\s+(?:share|print|email)|like\s+this"
    r"|related(?:\s+(?:posts?|articles?|stories|content|news|coverage))?|you\s+(?:may|might)\s+also\s+like"
    r"|recommended(?:\s+for\s+you)?|read\s+next|more\s+stories|notify\s+me\s+of|save\s+my\s+name|tags?"
    r"|filed\s+under|subscribe\s+to\s+(?:our|the)\s+newsletter|sign\s+up\s+for\s+(?:our|the)\s+newsletter)"
    r"(?:\s*[:.!…(*]|\s*$)"
    r"|(?:©|\(c\)\s|copyright\s+(?:©\s*)?(?:\d{4}|\(c\)|the\b)|all\s+rights\s+reserved)",
    re.IGNORECASE,
)
_MAX_BOILERPLATE_LINE = 120


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    try:
        full = urljoin(base, link) if base else link
        scheme = urlsplit(full).scheme
    except ValueError:
        return None
    return full if scheme in ("http", "https") else None


def _strip_site(title: str, site: str | None) -> str:
    if not site:
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", ": "):
        suffix = separator + site
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def parse_article(
    text_or_html: str,
    url: str | None = None,
    published: DateLike | None = None,
    registry: Registry | None = None,
) -> Article:
    """Read an article (plain text or an HTML page) into an :class:`~provenance.model.Article`.

    Plain text keeps its characters: :attr:`Article.text` is the input
    unchanged. For HTML it is the visible text (no scripts, styles,
    navigation or asides; paragraphs separated by blank lines), and metadata
    comes from ``<title>``, ``<meta>`` (OpenGraph, ``article:*``, ``author``),
    ``<link rel=canonical>`` and schema.org JSON-LD. Nothing is fetched.

    Mentions name registry outlets: every name and alias (title-cased and
    all-capitals forms included, a leading "the" left out of the span), and
    acronyms only where the text defines them ("VOR, or the Voice of Russia")
    or where they are unambiguous (one outlet, three letters or more, written
    in capitals on a line that is not all capitals). Where spans overlap the
    longest wins.

    An attribution is a mention in an attribution statement: a "Source: X"
    line, a sentence about this piece saying it was originally published by,
    first appeared in, is provided by, was republished from or comes courtesy
    of X, an outlet credited in the byline, or the disclosure footer. The
    footer is the run of last paragraphs (before site boilerplate such as
    "Leave a Reply") that make such a statement or that open by describing an
    outlet the article has not named before ("VOR, or the Voice of Russia, was
    ..."); in a describing footer only the described outlet is an
    attribution, so "... reorganised as Radio Sputnik" does not make Radio
    Sputnik the origin.

    Args:
        text_or_html: The article's text, or an HTML page.
        url: Where it was found (validated as a URL; relative links in the
            page are resolved against it).
        published: When it was published (a date, a partial date, or text such
            as ``"16 August 2012"``); it overrides dates found in the page.
        registry: The outlets to look for; the shipped registry by default.

    Returns:
        The article.

    Raises:
        ArticleInputError: If ``text_or_html`` is not a string or ``registry`` not a registry.
        InvalidURLError: If ``url`` is not a usable URL.
        DateParseError: If ``published`` cannot be read as a date.
    """
    if not isinstance(text_or_html, str):
        raise ArticleInputError(text_or_html, "text_or_html")
    if url is not None:
        if not isinstance(url, str):
            raise InvalidURLError(url, f"expected a string, got {type(url).__name__}")
        url = url.strip()
        normalize_host(url)
    stated = as_partial_date(published) if published is not None else None
    if registry is None:
        registry = default_registry()
    elif not isinstance(registry, Registry):
        raise ArticleInputError(registry, "registry")
    matcher = matcher_for(registry)

    page: Page | None = read_page(text_or_html) if looks_like_html(text_or_html) else None
    structured = read_structured(page.jsonld) if page is not None else Structured()
    meta: Mapping[str, str] = page.meta if page is not None else {}
    text = page.text if page is not None else text_or_html
    site_name = collapse(meta.get("og:site_name", "")) or None
    spans = Spans(text)
    lines = spans.lines

    # Title: structured data first for pages, the first line for plain text.
    title_index = -1
    raw_title: str | None = None
    if page is not None:
        candidates = [
            structured.headline,
            collapse(meta.get("og:title", "")) or None,
            _strip_site(page.title, site_name) if page.title else None,
            page.h1,
        ]
        raw_title = next((candidate for candidate in candidates if candidate), None)
        wanted = {norm(candidate) for candidate in (*candidates, page.title) if candidate}
        if raw_title is not None:
            wanted.add(norm(split_title_marker(raw_title)[0]))
        title_index = next((n for n in range(min(40, len(lines))) if norm(spans.line_text(n)) in wanted), -1)
    elif lines and lines[0].end - lines[0].start <= _MAX_TITLE:
        title_index = 0
        raw_title = spans.line_text(0)
    title, marker = split_title_marker(raw_title) if raw_title else (None, None)

    # Byline and dateline just below the title.
    header = find_header(spans, title_index, matcher.outlet_names)
    byline, byline_index, line_date, header_lines = header.byline, header.byline_index, header.date, header.lines

    # Site boilerplate: everything from the first comment-form / share / related / copyright line on.
    cut_index = next(
        (
            number
            for number in range(title_index + 1, len(lines))
            if lines[number].end - lines[number].start <= _MAX_BOILERPLATE_LINE
            and _BOILERPLATE.match(text, lines[number].start, lines[number].end)
        ),
        len(lines),
    )
    region = (
        lines[title_index].end if title_index >= 0 else 0,
        lines[cut_index].start if cut_index < len(lines) else len(text),
    )

    when = stated or (loose_date(structured.published) if structured.published else None)
    for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date.issued", "dcterms.created"):
        if when is None and meta.get(key):
            when = loose_date(meta[key])
    when = when or line_date or (byline.date if byline else None) or url_date(url)

    # Mentions, attribution statements, and the footer (a run of the last body paragraphs).
    raws = find_mentions(spans, matcher, when)
    cues = statement_cues(spans, raws, region, byline_index, header_lines)
    paragraphs: list[list[Line]] = []
    for number in range(title_index + 1, cut_index):
        if number in header_lines:
            continue
        line = lines[number]
        if paragraphs and paragraphs[-1][-1].para == line.para:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    footer_count = mark_footer(spans, paragraphs, raws, cues, byline_index)
    body_paragraphs = paragraphs[: len(paragraphs) - footer_count]
    footer_paragraphs = paragraphs[len(paragraphs) - footer_count :]

    def join(blocks: Sequence[Sequence[Line]]) -> str:
        return "\n\n".join("\n".join(text[line.start : line.end] for line in block) for block in blocks)

    mentions = []
    sentence_texts: dict[tuple[int, int], str] = {}  # one string per sentence, however many mentions it holds
    for number, raw in enumerate(raws):
        span = spans.sentence_of(raw.start, raw.end)
        if span not in sentence_texts:
            sentence_texts[span] = text[span[0] : span[1]]
        cue = cues.get(number)
        mentions.append(
            Mention(
                outlet=raw.entry.outlet,
                name=text[raw.start : raw.end],
                start=raw.start,
                end=raw.end,
                sentence=sentence_texts[span],
                sentence_start=span[0],
                attribution=cue is not None,
                cue=cue,
            )
        )

    # Authors: structured data, then <meta name=author>, then the byline.
    authors = structured.authors
    if not authors and meta.get("author") and not _absolute(meta["author"], None):
        authors = tuple(
            part for part in (collapse(piece) for piece in re.split(r"\s*,\s*|\s+and\s+", meta["author"])) if part
        )
    if not authors and byline is not None:
        authors = byline.authors

    base = url
    canonical = None
    if page is not None:
        canonical = _absolute(page.canonical, base) or _absolute(meta.get("og:url"), base)
        canonical = canonical or _absolute(structured.url, base)
    based_on = tuple(
        dict.fromkeys(link for link in (_absolute(item, canonical or base) for item in structured.is_based_on) if link)
    )
    genre = choose_genre(
        marker, structured.types, structured.sections, collapse(meta.get("article:section", "")) or None
    )
    return Article(
        text=text,
        url=url,
        canonical_url=canonical,
        title=title or None,
        authors=authors,
        published=when,
        genre=genre.genre,
        genre_evidence=genre.evidence,
        body=join(body_paragraphs),
        footer=join(footer_paragraphs) or None,
        site_name=site_name,
        publisher=structured.publisher,
        is_based_on=based_on,
        mentions=mentions,
    )
