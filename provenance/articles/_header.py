"""The article's header and its dates: byline and dateline below the title, dates in metadata and URLs.

Dates read from a page never raise: what cannot be read is ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container
from urllib.parse import urlsplit

import attrs

from provenance.articles._text import Spans, words
from provenance.articles._title import squash
from provenance.dates import PartialDate, parse_date, parse_iso
from provenance.errors import ProvenanceError

_MAX_HEADER_LINE = 200

_BYLINE = re.compile(r"(?:written\s+|posted\s+|words\s+)?by\s*:?\s+(?P<rest>\S.*)", re.IGNORECASE)
_BY_WORD = re.compile(
    r"(?:(?:written|posted|published|reported|words|text|story|article|reporting|compiled)\s+)?"
    r"(?:by|von|por|par|door|av|af|di|от|автор)\s*:?(?:\s+|$)",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/)\s*|\s+(?:and|und|y|et|e|и)\s+", re.IGNORECASE)
_FOR_OUTLET = re.compile(r"\s+(?i:for|für|para|pour|per|in)\s+(?i:the\s+)?(?=[A-Z]).*$")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
_CJK_ROLE = re.compile(r"^(?:本报|新华社)?(?:特约)?(?:记者|通讯员|实习生|评论员)\s*")
_NEXT_LABEL = re.compile(r"\s+\w{1,12}\s*[:：]")
_LABELLED_AUTHOR = re.compile(
    r"(?:author|authors|auteur|auteurs|autor|autorin|autoren|autore|autores|автор|作者|撰文|文)\s*[:：]\s*(?P<names>\S.{1,100})",
    re.IGNORECASE,
)
_INLINE_BYLINE = re.compile(r"(?:by|von|por|par)\s+(?P<names>[^:–—]{3,80}?)\s*(?:[:–—]|\s-)\s+\S", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SENTENCE_ENDS = frozenset('.!?。！？”"')
_MIN_SIGNED_TEXT = 15
_MAX_SIGNATURE = 62
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AUTHOR_SCAN_LINES = 40
_INLINE_SCAN_LINES = 15
_NEWSROOM_WORDS = frozenset(
    words(
        "redacción redaccion redaktion rédaction redazione newsroom staff desk wire wires agencies newsdesk "
        "admin administrator webmaster editorial"
    )
)
_NAME_PARTICLES = frozenset(words("de da del della der di du la le van von bin al el ibn dos das ter y"))
_ROLE_WORDS = frozenset(
    words(
        "staff writer writers reporter reporters correspondent editor editors contributor contributing special "
        "senior our columnist chief political foreign guest expert experte expertin redakteur redakteurin "
        "korrespondent korrespondentin autor autorin periodista corresponsal journaliste envoyé spécial"
    )
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    r"(?:(?:published|posted)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:\s*(?:[,|@-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\s*",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"/(?P<y1>(?:19|20)\d\d)/(?P<m1>0[1-9]|1[0-2])/(?P<d1>0[1-9]|[12]\d|3[01])(?=/|$)"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)


def _looks_like_name(part: str) -> bool:
    if _CJK_NAME.fullmatch(part):
        return True
    words = part.split()
    if not 1 <= len(words) <= 5 or len(part) > 60:
        return False
    if any(char.isdigit() or char in ':;!?()[]{}<>"@#/\\=' for char in part):
        return False
    return all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words)


@attrs.frozen(slots=True)
class Byline:
    """What a byline says: the authors (people, not outlets) and a date."""

    authors: tuple[str, ...]
    date: PartialDate | None


def parse_byline(line: str, outlet_names: Container[str]) -> Byline | None:
    """Read a byline ("By Ann Lee and Bo Ma | 16 August 2012"); ``None`` if the line is not one.

    Args:
        line: One line of the article.
        outlet_names: Case-folded outlet names: an outlet credited in the byline is not an author.

    Returns:
        The authors and the date the byline gives.
    """
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    pieces = _BYLINE_SPLIT.split(match.group("rest"))
    found = _names(pieces[0], outlet_names)
    if found is None:
        return None
    authors = found[0]
    date = None
    for piece in pieces[1:]:
        date = date or dateline(piece)
    return Byline(tuple(dict.fromkeys(authors)), date)


def _without_roles(part: str) -> str:
    """A name without the role words around it ("FOCUS-Online-Experte Ann Lee", "Ann Lee Staff Writer")."""
    tokens = _CJK_ROLE.sub("", part).split()
    while tokens and tokens[0].lower().rsplit("-", 1)[-1].strip(".,:") in _ROLE_WORDS:
        tokens.pop(0)
    while tokens and tokens[-1].lower().strip(".,:") in _ROLE_WORDS:
        tokens.pop()
    return " ".join(tokens)


def _capitalised(name: str) -> str:
    """A name written in capitals as a style ("Chokri GHARBI") in normal case; a one-word name is kept."""
    tokens = name.split()
    if len(tokens) < 2:
        return name
    return " ".join(token.capitalize() if token.isalpha() and token.isupper() else token for token in tokens)


def _is_newsroom(part: str) -> bool:
    """Whether a credit names a newsroom rather than a person ("Redacción", "HLNF Staff Report", "BBNTEAM")."""
    tokens = [token.strip(".,:()").casefold() for token in part.split()]
    if squash(part) in ("noauthor", "unknown", "none"):
        return True
    return any(token in _NEWSROOM_WORDS or token.endswith(("team", "staff")) for token in tokens)


def _names(text: str, outlet_names: Container[str]) -> tuple[list[str], list[str]] | None:
    """The people and the outlets a byline's names part credits; ``None`` if a part is neither.

    Role words ("Staff Writer") and newsrooms ("Redacción") are left out; a
    part in lower case after a name describes it ("Ann Lee, a political
    commentator") and ends the names.
    """
    people: list[str] = []
    outlets: list[str] = []
    for raw in _NAME_SPLIT.split(_FOR_OUTLET.sub("", text)):
        part = raw.strip(" ,:")
        key = part.casefold()
        if not part:
            continue
        if key in outlet_names or key.removeprefix("the ") in outlet_names:
            outlets.append(part)  # an outlet credited in the byline, not a person
            continue
        if part[0].islower() and people:
            break  # a description of the author before it
        part = _without_roles(part)
        if not part or _is_newsroom(part):
            continue
        if people and _ACRONYM.fullmatch(part):
            outlets.append(part)  # an organisation credited after the people ("..., NDR")
            continue
        if not _looks_like_name(part):
            return None
        people.append(_capitalised(part))
    return list(dict.fromkeys(people)), outlets


def is_by_word(text: str) -> bool:
    """Whether a text is only the word before a byline's names ("By", "Von", "Article by")."""
    by_word = _BY_WORD.match(text.strip())
    return by_word is not None and by_word.end() == len(text.strip())


def byline_names(text: str, outlet_names: Container[str], own: Collection[str] = ()) -> tuple[str, ...]:
    """The people a byline names, read from an element's text or from metadata ("By Ann Lee | Staff").

    The first line that names someone counts; a line holding only "By" (or
    "Von", "Por", "Par"...) belongs to the next one. A byline that credits
    only an outlet other than the site's own ("EFE") names that outlet, as
    agency copy does; one that credits only the site or its newsroom names
    nobody. Nothing is raised.

    >>> byline_names("By Glen Owen And Brendan Carlin For The Mail On Sunday", frozenset())
    ('Glen Owen', 'Brendan Carlin')
    >>> byline_names("Von FOCUS-Online-Experte Robin Tschöpe", frozenset())
    ('Robin Tschöpe',)
    >>> byline_names("By Rob Picheta, CNN", frozenset({"cnn"}))
    ('Rob Picheta',)
    >>> byline_names("Redacción Confidencial", frozenset()), byline_names("CBS News", frozenset(), own=["cbsnews"])
    ((), ())

    Args:
        text: The byline's text, lines separated by newlines.
        outlet_names: Case-folded outlet names, which a byline may credit.
        own: The site's names and host labels, squashed (``"cbsnews"``): the site credited is no author.

    Returns:
        The names, or none.
    """
    pending = ""
    for raw in text.split("\n")[:12]:
        line = f"{pending} {raw}".strip()
        by_word = _BY_WORD.match(line)
        if by_word is not None and by_word.end() == len(line):
            pending = line
            continue
        pending = ""
        if by_word is not None:
            line = line[by_word.end() :]
        if len(line) > _MAX_HEADER_LINE:
            continue
        found = _names(_BYLINE_SPLIT.split(line)[0], outlet_names)
        if found is None:
            continue
        people, outlets = found
        if not people:
            people = outlets  # agency copy: the outlet is the byline
        kept = [name for name in people if squash(name) not in own]
        if kept:
            return tuple(kept)
    return ()


def dateline(line: str) -> PartialDate | None:
    """The date of a line that is only a date ("Published on 16 August 2012, 10:30"), or ``None``."""
    if len(line) > 80:
        return None
    match = _DATELINE.fullmatch(line.strip())
    return loose_date(match.group("date")) if match else None


def loose_date(value: str) -> PartialDate | None:
    """A date read from page metadata or text, or ``None``: page content never raises."""
    text = value.strip()[:100]
    if not text:
        return None
    iso = re.match(r"\d{4}-\d{2}(?:-\d{2})?", text)
    try:
        return parse_iso(iso.group()) if iso else parse_date(text)
    except (ProvenanceError, ValueError, OverflowError, TypeError):
        return None


def url_date(url: str | None) -> PartialDate | None:
    """The date written in a URL's path (``/2012/08/16/``, ``/20120816-``), or ``None``."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _URL_DATE.search(path)
    if match is None:
        return None
    year, month, day = (match.group("y1"), match.group("m1"), match.group("d1"))
    if year is None:
        year, month, day = (match.group("y2"), match.group("m2"), match.group("d2"))
    return loose_date(f"{year}-{month}-{day}")


@attrs.frozen(slots=True)
class Header:
    """The byline and dateline found below the title, and their line numbers (-1 where there is none)."""

    byline: Byline | None = None
    byline_index: int = -1
    date: PartialDate | None = None
    date_index: int = -1

    @property
    def lines(self) -> frozenset[int]:
        """The numbers of the header's lines."""
        return frozenset(index for index in (self.byline_index, self.date_index) if index >= 0)


def find_header(spans: Spans, title_index: int, outlet_names: Container[str]) -> Header:
    """The byline and dateline in the six lines below the title, before the first long line.

    Args:
        spans: The article's lines.
        title_index: The title's line number (-1 if the title is not in the text).
        outlet_names: Case-folded outlet names, which a byline may credit.

    Returns:
        The header.
    """
    byline_index = date_index = -1
    byline: Byline | None = None
    line_date: PartialDate | None = None
    for number in range(title_index + 1, min(len(spans.lines), title_index + 7)):
        line_text = spans.line_text(number)
        if len(line_text) > _MAX_HEADER_LINE:
            break
        if byline is None and (found := parse_byline(line_text, outlet_names)) is not None:
            byline, byline_index = found, number
        elif line_date is None and (day := dateline(line_text)) is not None:
            line_date, date_index = day, number
        elif byline is not None or line_date is not None:
            break
    return Header(byline, byline_index, line_date, date_index)


def text_authors(
    spans: Spans, title_index: int, end: int, outlet_names: Container[str], own: Collection[str]
) -> tuple[str, ...]:
    """The authors a line of the text names when the header has no byline.

    Three forms, in the lines after the title (before ``end``): a labelled
    line ("Auteur : Ann Lee", "作者：记者王敬照"), a paragraph that opens with its
    byline ("By Ann Lee: The Americas ...") and a name on the line above an
    e-mail address, as some newspapers sign their reports.

    Args:
        spans: The article's lines.
        title_index: The title's line number (-1 if the title is not in the text).
        end: The line number where the article ends (its boilerplate starts).
        outlet_names: Case-folded outlet names, which a byline may credit.
        own: The site's names and host labels, squashed.

    Returns:
        The names, or none.
    """
    last = min(end, len(spans.lines), title_index + 1 + _AUTHOR_SCAN_LINES)
    for number in range(title_index + 1, last):
        early = number <= title_index + _INLINE_SCAN_LINES
        following = spans.line_text(number + 1) if number + 1 < last else ""
        names = _line_authors(
            _unhyphenated(spans.line_text(number)), _unhyphenated(following), early, outlet_names, own
        )
        if names:
            return names
    return _signature(spans, title_index, end, outlet_names, own)


def _unhyphenated(line: str) -> str:
    return line.replace("\u00ad", "")


def _line_authors(
    line: str, following: str, early: bool, outlet_names: Container[str], own: Collection[str]
) -> tuple[str, ...]:
    """The authors one line names: a labelled line anywhere; near the title, a byline line or a signed name."""
    if len(line) > _MAX_HEADER_LINE and not early:
        return ()
    match = _LABELLED_AUTHOR.fullmatch(line) if len(line) <= _MAX_HEADER_LINE else None
    if match is not None:
        return byline_names(_NEXT_LABEL.split(match.group("names"))[0], outlet_names, own)
    if not early:
        return ()
    match = _INLINE_BYLINE.match(line)
    if match is not None:
        return byline_names(match.group("names"), outlet_names, own)
    if len(line) <= _MAX_HEADER_LINE and (_BY_WORD.match(line) or _EMAIL.fullmatch(following)):
        return byline_names(line, outlet_names, own)
    return ()


def _signature(
    spans: Spans, title_index: int, end: int, outlet_names: Container[str], own: Collection[str]
) -> tuple[str, ...]:
    """The names a paragraph of the article ends with in brackets ("... (Ann Lee)", "（评论员 罗博）")."""
    found: tuple[str, ...] = ()
    for number in range(title_index + 1, min(end, len(spans.lines))):
        line = spans.line_text(number).rstrip(" +")
        opening = max(line.rfind("("), line.rfind("（"))
        if not line.endswith((")", "）")) or opening < _MIN_SIGNED_TEXT or len(line) - opening > _MAX_SIGNATURE:
            continue
        if line[:opening].rstrip()[-1:] not in _SENTENCE_ENDS:
            continue  # brackets inside a sentence, not a signature after it
        text = _CJK_ROLE.sub("", line[opening + 1 : -1].strip())
        tokens = text.split()
        parts = tokens if tokens and all(_CJK_NAME.fullmatch(token) for token in tokens) else [text]
        names = [name for part in parts for name in byline_names(part, outlet_names, own)]
        if names and all(len(name.split()) >= 2 or _CJK_NAME.fullmatch(name) for name in names):
            found = tuple(names)
    return found
