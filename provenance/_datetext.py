"""Reading the dates people write: time-zone suffixes, the order of numeric dates, signs and ranges.

The lenient half of :func:`provenance.dates.parse_date`. A time zone or
offset written after a date is dropped: the date is the calendar date
written (``2014-11-10 UTC``, ``2014-11-10T23:30:00-05:00``: 10 November). A
numeric date such as ``10.11.2014`` is read by the rules below, never by a
guess; everything else goes through python-dateutil, asked once month-first
and once day-first so that any text the two read differently is caught.

- Year first (``2014/11/10``, ``2014.11.10``): year, month, day, whatever the order asked.
- Day and month first: the year must have four digits (``1/1/1`` and
  ``10/11/14`` are refused). With ``dayfirst=True`` the first number is the
  day, with ``False`` the month, and a date that does not fit the order
  given is refused (``13.11.2014`` month-first), so one file cannot mix both
  orders. With ``None`` a date is read only when one order alone gives a real
  day, or both give the same (``13.11.2014``, ``10.10.2014``); otherwise
  (``10.11.2014``) it is ambiguous and refused.
- A sign or a dash before or after (``-2014``, ``2014-``) and ranges
  (``2014-2015``, ``2014/2015``, ``10-11 November 2014``, ``2014 to 2015``)
  are intervals, not dates, and are refused.
"""

from __future__ import annotations

import calendar
import datetime
import re

from provenance.errors import DateParseError

__all__ = ["read_date_text", "without_zone"]

_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORDER_HINT = "say the order with dayfirst=True or False (--dayfirst or --monthfirst on the command line)"

# A zone name (with an offset after it), or an offset after a time, or an offset with a colon after a date.
_ZONE_NAME = re.compile(r"\s*(?:\b(?:UTC|GMT)|(?<=\d)Z|\bZ)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?\s*$", re.IGNORECASE)
_TIME_OFFSET = re.compile(r"(?<=\d:\d\d)(?::\d\d(?:[.,]\d+)?)?\s*[+-]\d\d(?::?\d\d)?\s*$")
_DATE_OFFSET = re.compile(r"(?<=\d)\s+[+-]\d\d:\d\d\s*$")

_SIGNED = re.compile(r"^[-+–—]|[-–—/]$")
_RANGES = (
    re.compile(r"(?<!\d)\d{4}\s*(?:[-/–—]|\.\.|\bto\b)\s*\d{4}(?!\d)", re.IGNORECASE),  # 2014-2015, 2014/2015
    re.compile(r"(?<![\d./:-])\d{1,2}\s*(?:[-–—]|\.\.)\s*\d{1,2}(?![\d./:-])"),  # 10-11 November 2014
    re.compile(r"\d\s*(?:–|—|\.\.)|\b(?:to|until|till|through)\b|\d\s+and\s+\d", re.IGNORECASE),
)

# Three numbers with the same separator (. / - or spaces), then the end, a space, a time (T) or punctuation.
_NUMERIC = re.compile(
    r"(?<![\w.:/-])(\d{1,4})(\s*[./-]\s*|\s+)(\d{1,4})(\s*[./-]\s*|\s+)(\d{1,4})(?![\d:/-]|\.\d|[^\W\dT])(T(?=\d))?"
)

# ISO 8601's basic form: 20141110, 20141110T1400.
_COMPACT = re.compile(r"^(\d{4})(\d\d)(\d\d)(T(?=\d))?(?!\d)")

# Two defaults that differ in every field: a field that comes out different
# in the two parses was not in the text.
_DEFAULT_A = datetime.datetime(1, 1, 1)
_DEFAULT_B = datetime.datetime(2, 2, 2)

Parts = tuple[int, int | None, int | None]
"""Year, month (or ``None``) and day (or ``None``)."""


def without_zone(text: str) -> str:
    """The text without a time zone or offset written at its end (``2014-11-10 UTC``: ``2014-11-10``).

    >>> without_zone("2014-11-10 UTC"), without_zone("2014-11-10T23:30:00-05:00"), without_zone("2014-2015")
    ('2014-11-10', '2014-11-10T23:30', '2014-2015')
    """
    for pattern in (_ZONE_NAME, _TIME_OFFSET, _DATE_OFFSET):
        stripped = pattern.sub("", text, count=1)
        if stripped != text:
            return stripped.strip()
    return text


def read_date_text(text: str, body: str, dayfirst: bool | None) -> Parts:
    """The year, month and day written in ``body`` (``text`` without its zone), as the module's rules read them.

    Args:
        text: The text as given, for error messages.
        body: The text stripped, without a zone (see :func:`without_zone`).
        dayfirst: ``True`` day-first, ``False`` month-first, ``None`` refuse numeric dates that could be either.

    Returns:
        The parts written; the caller checks they name a real partial date.

    Raises:
        DateParseError: If the text is not one date (see the module's rules).
    """
    if _SIGNED.search(body) or any(pattern.search(body) for pattern in _RANGES):
        raise DateParseError(text, "a range or an open interval (a dash, sign or 'to'), not one date")
    compact = _COMPACT.match(body)
    if compact is not None:
        year, month, day = _checked(text, int(compact[1]), int(compact[2]), int(compact[3]), "")
        return _with_month_name(text, body, compact, (year, month, day))
    match = _NUMERIC.search(body)
    if match is not None and match[2].strip() == match[4].strip():
        return _with_month_name(text, body, match, _numeric(text, match[1], match[3], match[5], dayfirst))
    return _dateutil(text, body, dayfirst)


def _with_month_name(text: str, body: str, match: re.Match[str], parts: tuple[int, int, int]) -> Parts:
    """The parts of a text whose numeric date (``match``) reads as ``parts``: at once, or with what follows it."""
    if match.span() == (0, len(body)):
        return parts
    year, month, day = parts
    rest = body[match.end() :]
    # The month as a name leaves dateutil no order to guess; a "T" before a time becomes a space.
    named = f"{body[: match.start()]}{day} {_MONTHS[month]} {year}{' ' if match[match.re.groups] else ''}{rest}"
    try:
        same = _dateutil(text, named, False) == parts
    except DateParseError:
        same = False
    if not same:  # what comes with the date is not a time or a weekday dateutil reads
        raise DateParseError(text, "not a date")
    return parts


def _numeric(text: str, first: str, second: str, third: str, dayfirst: bool | None) -> tuple[int, int, int]:
    """Year, month and day of a date written as three numbers."""
    if len(first) == 4 and len(second) <= 2 and len(third) <= 2:
        return _checked(text, int(first), int(second), int(third), "")
    if len(first) > 2 or len(second) > 2 or len(third) == 3 or len(third) > 4:
        raise DateParseError(text, "not a date")
    if len(third) != 4:
        raise DateParseError(text, "write the year of a numeric date with four digits")
    year, a, b = int(third), int(first), int(second)
    if dayfirst is not None:
        month, day = (b, a) if dayfirst else (a, b)
        return _checked(text, year, month, day, " (read day-first)" if dayfirst else " (read month-first)")
    readings = {(month, day) for month, day in ((b, a), (a, b)) if _problem(year, month, day) is None}
    if len(readings) > 1:
        raise DateParseError(
            text, f"ambiguous: {a} {calendar.month_name[b]} or {calendar.month_name[a]} {b} {year}? {_ORDER_HINT}"
        )
    if not readings:
        raise DateParseError(text, "no real day, whichever number is the day and which the month")
    month, day = readings.pop()
    return year, month, day


def _problem(year: int, month: int, day: int) -> str | None:
    """Why a year, month and day name no real day, or ``None``."""
    if not 1 <= year <= 9999:
        return "year must be between 1 and 9999"
    if not 1 <= month <= 12:
        return f"month {month} is not between 1 and 12"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"day {day} is not in that month"
    return None


def _checked(text: str, year: int, month: int, day: int, how: str) -> tuple[int, int, int]:
    problem = _problem(year, month, day)
    if problem is not None:
        raise DateParseError(text, problem + how)
    return year, month, day


def _dateutil(text: str, body: str, dayfirst: bool | None) -> Parts:
    """What python-dateutil reads, without filling any part from a default; ambiguous texts refused."""
    from dateutil import parser  # lazy: keeps `import provenance` light

    try:
        first = parser.parse(body, default=_DEFAULT_A, dayfirst=bool(dayfirst))
        second = parser.parse(body, default=_DEFAULT_B, dayfirst=bool(dayfirst))
        other = parser.parse(body, default=_DEFAULT_A, dayfirst=True) if dayfirst is None else first
    except (ValueError, OverflowError, TypeError) as error:
        raise DateParseError(text, f"not a date ({error})") from None
    if first.year != second.year:
        raise DateParseError(text, "no year given")
    if other.date() != first.date():
        day_first, month_first = other.date().isoformat(), first.date().isoformat()
        raise DateParseError(text, f"ambiguous: {day_first} day-first, {month_first} month-first; {_ORDER_HINT}")
    has_month = first.month == second.month
    has_day = first.day == second.day
    if has_day and not has_month:
        raise DateParseError(text, "a day without a month")
    return first.year, first.month if has_month else None, first.day if has_day else None
