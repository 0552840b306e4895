"""Genres: the vocabulary (schema.org, IPTC, The Trust Project) and how a page's markers name a genre.

A genre comes from the first of: a marker in the title ("– OpEd",
"Analysis: ..."), a specific schema.org type, a section name ("Opinion",
"Reviews"), or a plain ``NewsArticle`` (a weak "news").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs


@attrs.frozen(slots=True)
class GenreTerms:
    """How one genre is named in schema.org, the IPTC genre NewsCodes and The Trust Project's labels.

    >>> genre_vocabulary("opinion").iptc_code
    'http://cv.iptc.org/newscodes/genre/Opinion'
    """

    genre: str
    """The library's genre id (``opinion``, ``analysis``...)."""
    schema_type: str
    """The schema.org type, e.g. ``OpinionNewsArticle``."""
    iptc_code: str | None = None
    """The IPTC genre NewsCode URI (``http://cv.iptc.org/newscodes/genre/Opinion``); ``None`` if none was verified."""
    iptc_name: str | None = None
    """The IPTC concept's English name, e.g. ``Opinion``."""
    trust_project: str | None = None
    """The Trust Project "type of work" label, e.g. ``Opinion``."""


_IPTC = "http://cv.iptc.org/newscodes/genre/"
_GENRE_TERMS: Mapping[str, GenreTerms] = {
    terms.genre: terms
    for terms in (
        GenreTerms("news", "ReportageNewsArticle", _IPTC + "Current", "Current Events", "News"),
        GenreTerms("opinion", "OpinionNewsArticle", _IPTC + "Opinion", "Opinion", "Opinion"),
        GenreTerms("editorial", "OpinionNewsArticle", _IPTC + "Opinion", "Opinion", "Opinion"),
        GenreTerms("analysis", "AnalysisNewsArticle", _IPTC + "Analysis", "Analysis", "Analysis"),
        GenreTerms("background", "BackgroundNewsArticle", _IPTC + "Background", "Background", "Explainer"),
        GenreTerms("review", "ReviewNewsArticle", None, None, "Review"),
        GenreTerms("satire", "SatiricalArticle", None, None, "Satire"),
        GenreTerms("ask-public", "AskPublicNewsArticle", None, None, "Help Us Report"),
    )
}

GENRES: tuple[str, ...] = tuple(_GENRE_TERMS)
"""The genre ids :func:`parse_article` may return in :attr:`Article.genre <provenance.model.Article.genre>`."""


def genre_vocabulary(genre: str | None) -> GenreTerms | None:
    """The schema.org type, IPTC genre and Trust Project label of a genre.

    >>> terms = genre_vocabulary("opinion")
    >>> terms.schema_type, terms.iptc_name, terms.trust_project
    ('OpinionNewsArticle', 'Opinion', 'Opinion')
    >>> genre_vocabulary("satire").iptc_code is None
    True
    >>> genre_vocabulary("horoscope") is None
    True

    Args:
        genre: A genre id from :data:`GENRES` (case is ignored).

    Returns:
        The terms, or ``None`` for an unknown genre (or ``None``).
    """
    if not isinstance(genre, str):
        return None
    return _GENRE_TERMS.get(genre.strip().lower())


SCHEMA_GENRES: Mapping[str, str] = {
    "OpinionNewsArticle": "opinion",
    "AnalysisNewsArticle": "analysis",
    "BackgroundNewsArticle": "background",
    "ReviewNewsArticle": "review",
    "SatiricalArticle": "satire",
    "AskPublicNewsArticle": "ask-public",
    "ReportageNewsArticle": "news",
}
"""schema.org types that name a genre; all are specific but ``ReportageNewsArticle`` (``NewsArticle`` is weaker)."""

ARTICLE_TYPES = frozenset(
    {
        *SCHEMA_GENRES,
        "Article",
        "NewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SocialMediaPosting",
        "AdvertiserContentArticle",
    }
)
"""schema.org types of an article node in a page's structured data."""

_MARKER_WORDS = r"news\s+analysis|op[-\s]?ed|opinion|commentary|analysis|editorial|review|satire|explainer"
_SITE_MARKER_WORDS = r"news\s+analysis|op[-\s]?ed|opinion|commentary|editorial"
"""Markers that a site's name may stand before ("— RT Op-ed"); not "Review", which ends many a site's name."""
_SITE_WORDS = r"(?:[A-Z][\w.&'’-]*\s+){1,3}?"
_TITLE_SUFFIX = re.compile(
    rf"\s*(?:[-–—|:]|\s[-–—]\s)\s*(?:(?P<m>(?i:{_MARKER_WORDS}))|{_SITE_WORDS}(?P<s>(?i:{_SITE_MARKER_WORDS})))\s*$"
)
_MARKER_SEGMENT = re.compile(rf"\s*(?:(?i:{_MARKER_WORDS})|{_SITE_WORDS}(?i:{_SITE_MARKER_WORDS}))\s*")
_TITLE_PAREN_END = re.compile(rf"\s*[(\[](?P<m>{_MARKER_WORDS})[)\]]\s*$", re.IGNORECASE)
_TITLE_PAREN_START = re.compile(rf"^[(\[](?P<m>{_MARKER_WORDS})[)\]]\s*", re.IGNORECASE)
_TITLE_PREFIX = re.compile(rf"^(?P<m>{_MARKER_WORDS})\s*(?:[:|]|\s[-–—])\s*(?=\S)", re.IGNORECASE)
_SECTION_WORD = re.compile(
    r"\b(op-?eds?|opinions?|commentary|comments?|columns?|editorials?|analysis|reviews?|satire)\b", re.IGNORECASE
)
_MAX_MARKED_TITLE = 2000


def _marker_genre(word: str) -> str:
    key = re.sub(r"[\s-]+", "", word.lower())
    if key in ("oped", "opinion", "opinions", "commentary", "comment", "comments", "column", "columns", "opeds"):
        return "opinion"
    if key in ("analysis", "newsanalysis"):
        return "analysis"
    if key in ("editorial", "editorials"):
        return "editorial"
    if key in ("review", "reviews"):
        return "review"
    if key == "explainer":
        return "background"
    return "satire"


def split_title_marker(title: str) -> tuple[str, str | None]:
    """Strip one genre marker from a title.

    Args:
        title: The title as the page gives it.

    Returns:
        The title without the marker, and the marker as written (``None`` when there is none).
    """
    if len(title) > _MAX_MARKED_TITLE:
        return title, None
    for pattern in (_TITLE_SUFFIX, _TITLE_PAREN_END):
        match = pattern.search(title)
        if match and match.start() > 0:
            return title[: match.start()].strip(), match.group("m") or match.group("s")
    for pattern in (_TITLE_PAREN_START, _TITLE_PREFIX):
        match = pattern.search(title)
        if match and match.end() < len(title):
            return title[match.end() :].strip(), match.group("m")
    return title, None


def is_marker_segment(segment: str) -> bool:
    """Whether a part of a title is a genre marker, perhaps after the site's name ("OpEd", "RT Op-ed")."""
    return _MARKER_SEGMENT.fullmatch(segment) is not None


@attrs.frozen(slots=True)
class Genre:
    """A genre id and the evidence it was read from (both ``None`` when nothing names one)."""

    genre: str | None
    evidence: str | None


def choose_genre(marker: str | None, types: Sequence[str], sections: Sequence[str], section: str | None) -> Genre:
    """The genre of an article from the strongest evidence there is.

    Args:
        marker: The genre marker stripped from the title, if any.
        types: The schema.org types of the page's article node.
        sections: The article node's ``genre`` and ``articleSection`` values.
        section: The page's ``article:section`` metadata, if any.

    Returns:
        The genre and its evidence.
    """
    if marker is not None:
        return Genre(_marker_genre(marker), marker)
    for kind in types:
        if kind in SCHEMA_GENRES:
            return Genre(SCHEMA_GENRES[kind], kind)
    candidates = [(f"articleSection: {value}", value) for value in sections]
    if section:
        candidates.append((f"article:section: {section}", section))
    for evidence, value in candidates:
        match = _SECTION_WORD.search(value[:60])
        if match:
            return Genre(_marker_genre(match.group(1)), evidence)
    if "NewsArticle" in types:
        return Genre("news", "NewsArticle")
    return Genre(None, None)
