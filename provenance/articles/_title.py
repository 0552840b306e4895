"""A page's title: its visible headline checked against its metadata, without site name, section label or kicker.

Pages say their title several times: the ``<h1>`` a reader sees, the
JSON-LD ``headline``, ``og:title``, ``twitter:title`` and ``<title>``. The
metadata are often rewritten for search engines and social media, or carry
the site's name ("... - Los Angeles Times", "... | Ciencia | EL PAÍS"), so
the visible headline is preferred when it agrees with them; a label before
it ("Local News | ...") or a kicker ("Interne Unterlagen im Netz ...") that
the metadata do not have is dropped. A heading that shares no words with the
metadata (a logo such as "POLITICO") is not the title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from provenance.articles._genres import is_marker_segment
from provenance.articles._text import collapse

_SEPARATOR = re.compile(r"\s+[|\-–—·:]{1,2}\s+|\s*\|\s*|\s+::\s+|(?<=[^\x00-\x7f])\s*[-|_]\s*(?=[^\x00-\x7f])")
_TRAILING_PUNCTUATION = re.compile(r"\s+[|\-–—·:]+\s*$")
_DATE_SEGMENT = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_HOST_SEGMENT = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_SITE = re.compile(r"[\u3400-\u9fff]{1,8}(?:网|频道|新闻)")
_SITE_SEPARATOR = re.compile(r"\s[|\-–—·]\s|\|")
_MAX_SECTION_WORDS = 3
_MAX_TITLE = 2000
_MIN_OVERLAP = 0.5


def squash(text: str) -> str:
    """Letters and digits only, case-folded: ``"Daily News"`` is ``"dailynews"``."""
    return "".join(_WORD.findall(text.casefold()))


def _key(text: str) -> str:
    """A title as compared: letters and digits, case-folded, single spaces."""
    return " ".join(_WORD.findall(text.casefold()))


def _tokens(text: str) -> set[str]:
    tokens: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        tokens.update(word if _CJK.search(word) else (word,))
    return tokens


def _site_like(segment: str, sites: Sequence[str]) -> bool:
    """Whether a title segment names the site: its name, its host, a date, or a Chinese site's name ("新华网")."""
    key = squash(segment)
    stripped = segment.strip()
    if (
        not key
        or _DATE_SEGMENT.fullmatch(stripped)
        or _HOST_SEGMENT.fullmatch(stripped)
        or _CJK_SITE.fullmatch(stripped)
    ):
        return True
    return any(site and (site in key or key in site) for site in sites if len(site) >= 3)


def strip_site(title: str, sites: Sequence[str]) -> str:
    """A title without the site's name, host, date and section after it ("Rise | Ciencia | EL PAÍS" is "Rise").

    Args:
        title: A title from the page's metadata.
        sites: The site's names and host labels, squashed (see :func:`squash`).

    Returns:
        The title, or the title unchanged when nothing after it names the site.
    """
    if len(title) > _MAX_TITLE:
        return title
    title = _TRAILING_PUNCTUATION.sub("", collapse(title))
    cuts = [match for match in _SEPARATOR.finditer(title) if match.start() > 0]
    if not cuts:
        return title
    segments = [title[: cuts[0].start()]] + [
        title[cut.end() : (cuts[number + 1].start() if number + 1 < len(cuts) else len(title))]
        for number, cut in enumerate(cuts)
    ]
    keep = len(segments)
    while keep > 1 and _site_like(segments[keep - 1], sites):
        if is_marker_segment(segments[keep - 1]) and squash(segments[keep - 1]) not in sites:
            break  # "Eurasia Review OpEd": the site's name and a genre marker, kept for the marker
        keep -= 1
    last = segments[keep - 1]
    if 1 < keep < len(segments) and len(last.split()) <= _MAX_SECTION_WORDS and not is_marker_segment(last):
        keep -= 1  # a section name before the site's name ("| Ciencia | EL PAÍS") goes with it
    return title[: cuts[keep - 1].start()].strip() if keep < len(segments) else title


def _segments(candidates: Iterable[str]) -> set[str]:
    """The candidates and the parts of each between separators, as keys."""
    keys: set[str] = set()
    for candidate in candidates:
        keys.add(_key(candidate))
        keys.update(_key(part) for part in _SEPARATOR.split(candidate) if len(part.split()) >= 2)
    keys.discard("")
    return keys


def _overlap(heading: str, candidates: Sequence[str]) -> float:
    """The largest share of words a heading has in common with a candidate (of the smaller of the two)."""
    words = _tokens(heading)
    best = 0.0
    for candidate in candidates:
        other = _tokens(candidate)
        if words and other:
            best = max(best, len(words & other) / min(len(words), len(other)))
    return best


def _trimmed(heading: str, candidates: Sequence[str]) -> str:
    """A heading without a label or kicker before the title the metadata give ("Local News | Title" is "Title")."""
    if _key(heading) in {_key(candidate) for candidate in candidates}:
        return heading
    keys = _segments(candidates)
    words = heading.split()
    for start in range(1, len(words) - 1):
        tail = " ".join(words[start:])
        if _key(tail) in keys:
            return tail.lstrip("|:-–—· ")
    return heading


def choose_title(headings: Sequence[str], metadata: Sequence[str | None], sites: Sequence[str]) -> str | None:
    """The title of a page from its ``<h1>`` texts and its metadata titles.

    >>> choose_title(["POLITICO", "Local News | Rates rise"], ["Rates rise - POLITICO"], ["politico"])
    'Rates rise'
    >>> choose_title([], ["Rates rise | Economy | The Daily", None], ["thedaily"])
    'Rates rise'

    Args:
        headings: The page's ``<h1>`` texts, in order.
        metadata: The metadata titles, strongest first (JSON-LD headline, ``og:title``, ``twitter:title``,
            ``<title>``); ``None`` where the page has none.
        sites: The site's names and host labels, squashed (see :func:`squash`).

    Returns:
        The title, or ``None`` when the page has none.
    """
    candidates = [strip_site(collapse(html.unescape(text)), sites) for text in metadata if text and text.strip()]
    candidates = [candidate for candidate in candidates if candidate]
    site_parts = {_key(_SITE_SEPARATOR.split(text)[-1]) for text in metadata if text and _SITE_SEPARATOR.search(text)}
    for heading in headings[:8]:
        heading = collapse(heading).lstrip("|:-–—· ")
        if not heading or squash(heading) in sites or _key(heading) in site_parts:
            continue  # the site's name or logo, as the metadata titles end with it
        if not candidates or _overlap(heading, candidates) >= _MIN_OVERLAP:
            return _trimmed(heading, candidates)
    return candidates[0] if candidates else None
