"""A page's publication date: structured data, ``<meta>``, ``<time>``, date lines near the title, the URL.

Pages state the moment of publication in several places, often once in
UTC (``article:published_time``) and once in the outlet's own time zone
(JSON-LD, ``<time datetime>``); the day a reader sees is the local one, so
when the strongest statement is in UTC and another gives the same moment
with the outlet's offset, that offset's day is taken. Visible date lines
("Stand: 28.04.2020 18:00 Uhr", "26, Abril, 2022", "Jan 18, 2019") are read
in the languages of the corpus and of the registry's outlets. Nothing here raises.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from provenance.articles._header import loose_date, url_date
from provenance.articles._text import Spans
from provenance.dates import PartialDate

_STRONG_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "og:pubdate",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.issued",
    "dc.date.issued",
    "dcsext.articlefirstpublished",
    "datecreated",
    "dcterms.created",
    "pdate",
)
"""``<meta>`` keys (or itemprops) that name the publication, strongest first."""
_WEAK_META = ("date", "dc.date", "dcterms.date", "cxenseparse:publishtime")
"""``<meta>`` keys that give a date that may be an edit's: weaker than a date shown below the title."""
_PUBLISHED_HINT = re.compile(r"publish|pubdate|datepublished|created|entry-date", re.IGNORECASE)
_UPDATED_HINT = re.compile(r"updated|modified|datemodified", re.IGNORECASE)

_MONTHS: Mapping[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan enero ene janeiro janvier janv januar jän gennaio",
            "february feb febrero febr fevereiro fev février févr februar febbraio",
            "march mar marzo março marco mars märz mär",
            "april apr abril abr avril avr aprile",
            "may mayo maio mai maggio mag",
            "june jun junio junho juin juni giugno giu",
            "july jul julio julho juillet juil juli luglio lug",
            "august aug agosto ago août aout",
            "september sep sept septiembre setiembre set setembro septembre settembre",
            "october oct octubre outubro out octobre oktober okt ottobre ott",
            "november nov noviembre novembro novembre",
            "december dec diciembre dic dezembro dez décembre déc dezember dicembre",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAME = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s*,\s*|\s+)(?:de\s+)?(?P<m>{_MONTH_NAME})\.?"
    rf"(?:\s*,\s*|\s+)(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w.])(?P<m>{_MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"
    r"|(?<![\d.])(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y2>(?:19|20)\d\d)(?!\d)"
    r"|(?P<y3>(?:19|20)\d\d)年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日"
)
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{6})?")
_URL_MONTH_NAME = re.compile(
    rf"/(?P<y>(?:19|20)\d\d)/(?P<m>{_MONTH_NAME})/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$)", re.IGNORECASE
)
_URL_DASHED = re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])(?=/|$)")
_MAX_DATE_LINE = 120
_LINES_BELOW = 12
_LINES_ABOVE = 8


def _day(year: str, month: str | int, day: str) -> PartialDate | None:
    number = month if isinstance(month, int) else _MONTHS.get(month.lower().rstrip("."), 0) or int(month or 0)
    try:
        datetime.date(int(year), number, int(day))
    except (ValueError, OverflowError):
        return None
    return PartialDate(int(year), number, int(day))


def text_date(line: str) -> PartialDate | None:
    """The first date written in a short line, in numbers or with a month's name, or ``None``.

    >>> text_date("Stand: 28.04.2020 18:00 Uhr"), text_date("26, Abril, 2022"), text_date("Jan 18, 2019")
    (PartialDate('2020-04-28'), PartialDate('2022-04-26'), PartialDate('2019-01-18'))
    >>> text_date("20220428") is None, text_date("2020年02月19日 20:29")
    (True, PartialDate('2020-02-19'))
    """
    if len(line) > _MAX_DATE_LINE:
        return None
    found: list[tuple[int, PartialDate]] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(line)
        if match and (day := _day(match["y"], match["m"], match["d"])):
            found.append((match.start(), day))
    match = _NUMERIC.search(line)
    if match:
        groups = (match["y"], match["m"], match["d"]) if match["y"] else (match["y2"], match["m2"], match["d2"])
        if match["y3"]:
            groups = (match["y3"], match["m3"], match["d3"])
        if day := _day(groups[0], int(groups[1]), groups[2]):
            found.append((match.start(), day))
    return min(found, key=lambda item: item[0])[1] if found else None


def compact_date(line: str) -> PartialDate | None:
    """A line that is only a date (and time) in digits, ``20220428`` or ``20220428223328``; else ``None``."""
    match = _COMPACT.fullmatch(line.strip())
    return _day(match["y"], int(match["m"]), match["d"]) if match else None


def path_date(url: str | None) -> PartialDate | None:
    """The date in a URL's path, or ``None``.

    Numeric (``/2012/08/16/``, ``/20120816-``), with the month named (``/2022/apr/22/``) or dashed (``/2012-06/04/``).
    """
    day = url_date(url)
    if day is not None or not url:
        return day
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in (_URL_MONTH_NAME, _URL_DASHED):
        match = pattern.search(path)
        if match:
            month = match["m"]
            return _day(match["y"], int(month) if month.isdigit() else month, match["d"])
    return None


def _moment(value: str) -> datetime.datetime | None:
    """An ISO date and time with an offset, or ``None``."""
    text = value.strip()
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def local_day(chosen: str, others: Iterable[str]) -> PartialDate | None:
    """The day of a UTC publication moment in the outlet's own offset, when another statement gives it.

    >>> local_day("2022-04-22T04:11:44+00:00", ["2022-04-21T22:11:44-06:00"])
    PartialDate('2022-04-21')
    >>> local_day("2022-04-22T04:11:44+00:00", ["2022-04-25T10:00:00-06:00"]) is None
    True
    """
    moment = _moment(chosen)
    if moment is None or moment.utcoffset() != datetime.timedelta(0):
        return None
    for other in others:
        local = _moment(other)
        if local is not None and local.utcoffset() and abs((local - moment).total_seconds()) <= 60:
            return PartialDate(local.year, local.month, local.day)
    return None


def _statements(structured: str | None, meta: Mapping[str, str], times: Sequence[tuple[str, str]]) -> Iterator[str]:
    """The publication statements of the page's data, strongest first."""
    if structured:
        yield structured
    for key in _STRONG_META:
        if meta.get(key):
            yield meta[key]
    for hint, value in times:
        if _PUBLISHED_HINT.search(hint) and not (_UPDATED_HINT.search(hint) and "publish" not in hint):
            yield value


def data_date(
    structured: str | None, meta: Mapping[str, str], times: Sequence[tuple[str, str]]
) -> tuple[PartialDate | None, PartialDate | None]:
    """The publication day the page's data state, and a weaker one (a bare ``date`` meta or the first ``<time>``).

    Args:
        structured: The JSON-LD ``datePublished``.
        meta: The page's ``<meta>`` content by key.
        times: The page's ``<time>`` elements (hints, datetime).

    Returns:
        The strong day (``None`` when the data state none) and the weak one.
    """
    statements = list(_statements(structured, meta, times))
    every = statements + [value for key in _WEAK_META if (value := meta.get(key))] + [value for _, value in times]
    for statement in statements:
        day = loose_date(statement)
        if day is not None and day.day is not None:
            return local_day(statement, every) or day, None
    weak = next((day for value in every if (day := loose_date(value)) is not None and day.day is not None), None)
    return None, weak


def shown_date(spans: Spans, title_index: int) -> PartialDate | None:
    """The date on a short line near the title: below it first, then above it (nearest first)."""
    if title_index < 0:
        return None
    lines = len(spans.lines)
    below = range(title_index + 1, min(lines, title_index + 1 + _LINES_BELOW))
    above = range(title_index - 1, max(-1, title_index - 1 - _LINES_ABOVE), -1)
    for number in (*below, *above):
        line = spans.line_text(number)
        day = text_date(line) or compact_date(line)
        if day is not None:
            return day
    return None


def byline_date(bylines: Sequence[tuple[str, str]]) -> PartialDate | None:
    """The first date written in the page's byline elements ("By Ann Lee 8 January 2020, 3:51 pm")."""
    return next((day for _kind, text in bylines for line in text.split("\n") if (day := text_date(line))), None)
