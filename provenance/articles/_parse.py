"""Parsing an article: :func:`parse_article` and its steps, from text or HTML to an :class:`~provenance.model.Article`.

The steps: read the source (plain text, or an HTML page's text, metadata and
structured data), find the title and the header below it, cut the site's
boilerplate, settle the date, find the mentions and which of them are
attributions, split the body from the disclosure footer.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from urllib.parse import urljoin, urlsplit

import attrs

from provenance.articles._attribution import mark_footer, statement_cues
from provenance.articles._genres import choose_genre, split_title_marker
from provenance.articles._header import (
    Byline,
    Header,
    byline_names,
    find_header,
    is_by_word,
    text_authors,
)
from provenance.articles._html import Page, looks_like_html, read_page
from provenance.articles._mentions import NameMatch, find_mentions, matcher_for
from provenance.articles._pagedates import byline_date, data_date, path_date, shown_date
from provenance.articles._structured import Structured, read_structured
from provenance.articles._text import Line, Spans, collapse, norm
from provenance.articles._title import choose_title, squash, strip_site
from provenance.articles._wire import find_wire
from provenance.dates import DateLike, PartialDate, as_partial_date
from provenance.domains import normalize_host, registrable_domain
from provenance.errors import InvalidURLError, ProvenanceError
from provenance.model import Article, Mention
from provenance.registry import Registry, default_registry


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
_TITLE_SCAN_LINES = 250
_MAX_KICKER = 80
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


def _site_names(source: _Source, url: str | None) -> tuple[str, ...]:
    """The site's names and host labels, squashed: what a title suffix or an own byline credit may say."""
    names = [source.site_name, source.structured.publisher]
    names += [source.meta.get(key) for key in ("publisher", "application-name", "dc.publisher", "twitter:site")]
    for link in (url, source.page.canonical if source.page else None, source.meta.get("og:url")):
        try:
            host = normalize_host(link) if link else None
        except ProvenanceError:
            host = None
        if host:
            domain = registrable_domain(host) or host
            names += [domain, domain.split(".")[0]]
    return tuple(dict.fromkeys(key for name in names if name and len(key := squash(name)) >= 3))


@attrs.frozen(slots=True)
class _Source:
    """The article's text and what its page says about it (nothing, for plain text)."""

    text: str
    page: Page | None = None
    structured: Structured = attrs.field(factory=Structured)
    meta: Mapping[str, str] = attrs.field(factory=dict)
    site_name: str | None = None
    sites: tuple[str, ...] = ()


def _read_source(text_or_html: str, url: str | None) -> _Source:
    """Plain text as it is, or an HTML page read into its visible text, metadata and structured data."""
    if not looks_like_html(text_or_html):
        return _Source(text_or_html)
    page = read_page(text_or_html)
    site_name = collapse(page.meta.get("og:site_name", "")) or None
    source = _Source(page.text, page, read_structured(page.jsonld), page.meta, site_name)
    return attrs.evolve(source, sites=_site_names(source, url))


def _checked_url(url: object) -> str | None:
    if url is None:
        return None
    if not isinstance(url, str):
        raise InvalidURLError(url, f"expected a string, got {type(url).__name__}")
    url = url.strip()
    normalize_host(url)
    return url


def _checked_registry(registry: object) -> Registry:
    if registry is None:
        return default_registry()
    if not isinstance(registry, Registry):
        raise ArticleInputError(registry, "registry")
    return registry


def _find_title(source: _Source, spans: Spans) -> tuple[int, str | None]:
    """The title as written and its line number (-1 if it is not a line of the text).

    A page's title comes from its structured data, OpenGraph, ``<title>`` or
    ``<h1>``; plain text's is its first line, if short enough.
    """
    if source.page is not None:
        return _page_title(source, spans)
    lines = spans.lines
    if lines and lines[0].end - lines[0].start <= _MAX_TITLE:
        return 0, spans.line_text(0)
    return -1, None


def _page_title(source: _Source, spans: Spans) -> tuple[int, str | None]:
    page = source.page
    if page is None:
        return -1, None
    candidates = [
        source.structured.headline,
        collapse(page.meta.get("og:title", "")) or None,
        collapse(page.meta.get("twitter:title", "")) or None,
        page.title,
    ]
    raw_title = choose_title(page.headings, candidates, source.sites)
    scan = range(min(_TITLE_SCAN_LINES, len(spans.lines)))
    if raw_title is not None:  # the line of the title chosen, or of the headline holding it after a kicker
        title = norm(raw_title)
        forms = {title, norm(split_title_marker(raw_title)[0])}
        index = next((n for n in scan if _is_title_line(norm(spans.line_text(n)), title, forms)), -1)
        if index >= 0:
            return index, raw_title
    wanted = {norm(candidate) for candidate in candidates if candidate}
    return next((n for n in scan if norm(spans.line_text(n)) in wanted), -1), raw_title


def _is_title_line(line: str, title: str, forms: Container[str]) -> bool:
    return line in forms or (line.endswith(title) and len(line) <= len(title) + _MAX_KICKER)


def _metadata_marker(source: _Source) -> str | None:
    """A genre marker in a metadata title ("... — RT Op-ed") when the title chosen has none."""
    if source.page is None:
        return None
    titles = (
        source.structured.headline,
        source.meta.get("og:title"),
        source.meta.get("twitter:title"),
        source.page.title,
    )
    return next(
        (marker for text in titles if text and (marker := split_title_marker(strip_site(text, source.sites))[1])), None
    )


def _boilerplate_start(spans: Spans, title_index: int) -> int:
    """The first line of site boilerplate (comment form, share, related, copyright) after the title, else the end."""
    lines = spans.lines
    return next(
        (
            number
            for number in range(title_index + 1, len(lines))
            if lines[number].end - lines[number].start <= _MAX_BOILERPLATE_LINE
            and _BOILERPLATE.match(spans.text, lines[number].start, lines[number].end)
        ),
        len(lines),
    )


def _region(spans: Spans, title_index: int, cut_index: int) -> tuple[int, int]:
    """The span of the article proper: after the title line, before the boilerplate."""
    lines = spans.lines
    return (
        lines[title_index].end if title_index >= 0 else 0,
        lines[cut_index].start if cut_index < len(lines) else len(spans.text),
    )


def _published(source: _Source, header: Header, url: str | None, spans: Spans, title_index: int) -> PartialDate | None:
    """The date the page's data state, else the dateline, the byline, a date shown near the title, the URL.

    For plain text: the dateline, the byline, the URL.
    """
    strong, weak = (None, None)
    if source.page is not None:
        strong, weak = data_date(source.structured.published, source.meta, source.page.times)
    text_date = header.date or (header.byline.date if header.byline else None)
    if source.page is not None:
        text_date = text_date or shown_date(spans, title_index) or byline_date(source.page.bylines)
    return strong or text_date or weak or path_date(url)


def _paragraphs(lines: Sequence[Line], numbers: range, header_lines: Container[int]) -> list[list[Line]]:
    """The body's lines (header lines left out) grouped by paragraph."""
    paragraphs: list[list[Line]] = []
    for number in numbers:
        if number in header_lines:
            continue
        line = lines[number]
        if paragraphs and paragraphs[-1][-1].para == line.para:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _join(text: str, blocks: Sequence[Sequence[Line]]) -> str:
    return "\n\n".join("\n".join(text[line.start : line.end] for line in block) for block in blocks)


def _mention_records(spans: Spans, raws: Sequence[NameMatch], cues: Mapping[int, str]) -> list[Mention]:
    """The mentions as records, each with its sentence and, for an attribution, its cue."""
    text = spans.text
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
    return mentions


_META_AUTHORS = (
    "author",
    "article:author_name",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "cxenseparse:author",
    "dc.creator",
    "dcterms.creator",
)
"""``<meta>`` keys that name the authors, strongest first."""


def _element_authors(source: _Source, outlet_names: Container[str]) -> tuple[str, ...]:
    """The authors the page's byline elements name: the first element that names someone."""
    if source.page is None:
        return ()
    for kinds in (("rel", "itemprop", "class"), ("href",)):  # a link to an author's page only when nothing else
        pending = ""
        for kind, text in source.page.bylines:
            if kind not in kinds:
                continue
            text = f"{pending} {text}".strip()
            pending = text if is_by_word(text) else ""
            names = () if pending else byline_names(text, outlet_names, source.sites)
            if names:
                return names
    return ()


def _authors(source: _Source, byline: Byline | None, outlet_names: Container[str]) -> tuple[str, ...]:
    """The authors named by structured data, else byline elements, else ``<meta>``, else the text's byline.

    Each is read as a byline: "By", role words and the site's own name are
    left out, so a page credited only to its newsroom has no authors.
    """
    from_structured = [
        name for text in source.structured.authors for name in byline_names(text, outlet_names, source.sites)
    ]
    if from_structured:
        return tuple(dict.fromkeys(from_structured))
    from_elements = _element_authors(source, outlet_names)
    if from_elements:
        return from_elements
    for key in _META_AUTHORS:
        value = source.meta.get(key)
        if value and not _absolute(value, None):
            names = byline_names(value, outlet_names, source.sites)
            if names:
                return names
    return byline.authors if byline is not None else ()


def _canonical(source: _Source, url: str | None) -> str | None:
    """The page's canonical address: ``<link rel=canonical>``, else ``og:url``, else the structured data's."""
    if source.page is None:
        return None
    return (
        _absolute(source.page.canonical, url)
        or _absolute(source.meta.get("og:url"), url)
        or _absolute(source.structured.url, url)
    )


def _based_on(source: _Source, base: str | None) -> tuple[str, ...]:
    """The addresses of the works the structured data says the article is based on, made absolute."""
    links = (_absolute(item, base) for item in source.structured.is_based_on)
    return tuple(dict.fromkeys(link for link in links if link))


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
    Sputnik the origin. Wire copy is one too: an agency's dateline opening the
    body (``LONDON (Reuters) -``) or credit ending it (``dpa/AFP``, ``© AFP``),
    with the dateline or credit as the mention's sentence (docs/labels.md).

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
    url = _checked_url(url)
    stated = as_partial_date(published) if published is not None else None
    checked = _checked_registry(registry)
    matcher = matcher_for(checked)
    source = _read_source(text_or_html, url)
    spans = Spans(source.text)
    title_index, raw_title = _find_title(source, spans)
    title, marker = split_title_marker(raw_title) if raw_title else (None, None)
    marker = marker or _metadata_marker(source)
    header = find_header(spans, title_index, matcher.outlet_names)
    cut_index = _boilerplate_start(spans, title_index)
    when = stated or _published(source, header, url, spans, title_index)

    # Mentions, attribution statements, and the footer (a run of the last body paragraphs).
    paragraphs = _paragraphs(spans.lines, range(title_index + 1, cut_index), header.lines)
    authors = _authors(source, header.byline, matcher.outlet_names) or text_authors(
        spans, title_index, len(spans.lines), matcher.outlet_names, source.sites
    )
    wire = find_wire(
        checked,
        spans,
        paragraphs,
        when,
        openings=[title_index] if source.page is None else [],
        byline_index=header.byline_index,
        cut_index=cut_index,
        staff=bool(authors),
    )  # datelines and agency credits (see _wire)
    raws = wire.merged(find_mentions(spans, matcher, when))
    cues = statement_cues(spans, raws, _region(spans, title_index, cut_index), header.byline_index, header.lines)
    cues.update(wire.cues(raws))
    body_count = len(paragraphs) - mark_footer(spans, paragraphs, raws, cues, header.byline_index)

    canonical = _canonical(source, url)
    structured = source.structured
    genre = choose_genre(
        marker, structured.types, structured.sections, collapse(source.meta.get("article:section", "")) or None
    )
    return Article(
        text=source.text,
        url=url,
        canonical_url=canonical,
        title=title or None,
        authors=authors,
        published=when,
        genre=genre.genre,
        genre_evidence=genre.evidence,
        body=_join(source.text, paragraphs[:body_count]),
        footer=_join(source.text, paragraphs[body_count:]) or None,
        site_name=source.site_name,
        publisher=structured.publisher,
        is_based_on=_based_on(source, canonical or url),
        mentions=wire.records(_mention_records(spans, raws, cues)),
    )
