"""Partial dates, validity intervals and three-valued truth.

Facts about outlets are dated with the precision their sources give: a year,
a month or a day. A :class:`PartialDate` keeps exactly that precision and
never fills the missing parts. An :class:`Interval` says when a fact held;
its start may be open (as far back as the subject existed) and its end may be
ongoing or unknown, three cases kept apart. Asking whether an interval holds
on a day that is itself only partly known gives a :class:`Truth`: ``YES``,
``NO`` or ``MAYBE``.

>>> vor = Interval(PartialDate(1993, 12, 22), PartialDate(2014, 11, 10))
>>> vor.contains(PartialDate(2012))
<Truth.YES: 'yes'>
>>> vor.contains(PartialDate(2014))
<Truth.MAYBE: 'maybe'>
>>> vor.contains(datetime.date(2016, 5, 1))
<Truth.NO: 'no'>
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

from provenance._datetext import read_date_text, without_zone
from provenance.errors import DateParseError, IntervalError

__all__ = [
    "ONGOING",
    "UNKNOWN",
    "DateLike",
    "Interval",
    "OpenEnd",
    "PartialDate",
    "Truth",
    "When",
    "as_partial_date",
    "as_window",
    "parse_date",
    "parse_iso",
]

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MIN_DAY = datetime.date.min.toordinal()
_MAX_DAY = datetime.date.max.toordinal()
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Truth(enum.Enum):
    """A three-valued answer: certainly yes, certainly no, or it depends."""

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"

    def __bool__(self) -> bool:
        """Refuse implicit truthiness: ``MAYBE`` must be handled on purpose."""
        raise TypeError("Truth has three values; compare with Truth.YES / NO / MAYBE")

    @classmethod
    def combine_all(cls, values: Iterable[Truth]) -> Truth:
        """Conjunction: ``YES`` if all are ``YES``, ``NO`` if any is ``NO``.

        >>> Truth.combine_all([Truth.YES, Truth.MAYBE])
        <Truth.MAYBE: 'maybe'>
        """
        result = cls.YES
        for value in values:
            if value is cls.NO:
                return cls.NO
            if value is cls.MAYBE:
                result = cls.MAYBE
        return result

    @classmethod
    def combine_any(cls, values: Iterable[Truth]) -> Truth:
        """Disjunction: ``YES`` if any is ``YES``, ``NO`` if all are ``NO``.

        >>> Truth.combine_any([Truth.NO, Truth.MAYBE])
        <Truth.MAYBE: 'maybe'>
        """
        result = cls.NO
        for value in values:
            if value is cls.YES:
                return cls.YES
            if value is cls.MAYBE:
                result = cls.MAYBE
        return result


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _check_month(instance: PartialDate, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise DateParseError(instance.year, f"month {value} is not between 1 and 12")


def _check_day(instance: PartialDate, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise DateParseError(instance.year, "a day needs a month")
    last = _days_in_month(instance.year, instance.month)
    if not 1 <= value <= last:
        raise DateParseError(
            f"{instance.year:04d}-{instance.month:02d}-{value:02d}",
            f"day {value} is not in that month",
        )


def _check_year(_instance: PartialDate, _attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise DateParseError(value, "year must be between 1 and 9999")


@attrs.frozen(slots=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    >>> PartialDate(2014, 11)
    PartialDate('2014-11')
    >>> PartialDate(2014, 11).earliest(), PartialDate(2014, 11).latest()
    (datetime.date(2014, 11, 1), datetime.date(2014, 11, 30))
    """

    year: int = attrs.field(validator=_check_year)
    """The year, 1 to 9999."""
    month: int | None = attrs.field(default=None, validator=_check_month)
    """The month, 1 to 12, or ``None`` when only the year is known."""
    day: int | None = attrs.field(default=None, validator=_check_day)
    """The day of the month, or ``None`` when it is not known."""

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def earliest(self) -> datetime.date:
        """The first day this partial date may stand for."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day this partial date may stand for."""
        month = self.month or 12
        day = self.day or _days_in_month(self.year, month)
        return datetime.date(self.year, month, day)

    def isoformat(self) -> str:
        """The ISO 8601 form at this precision: ``2014``, ``2014-11`` or ``2014-11-10``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders partial dates by their earliest day, coarser first."""
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """The day of a :class:`datetime.date` (or the date of a datetime)."""
        return cls(value.year, value.month, value.day)


DateLike = PartialDate | datetime.date | str
"""What the API accepts as a date: a partial date, a date, or text to parse."""


def parse_iso(text: str) -> PartialDate:
    """Parse the strict ISO form used in data files.

    Args:
        text: ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``.

    Returns:
        The partial date at the precision written.

    Raises:
        DateParseError: If the text is not one of the three forms or names no
            real day.

    >>> parse_iso("2012-07")
    PartialDate('2012-07')
    >>> parse_iso("July 2012")
    Traceback (most recent call last):
    ...
    provenance.errors.DateParseError: cannot read date 'July 2012': expected YYYY, ...
    """
    if not isinstance(text, str):
        raise DateParseError(text, "expected a string")
    match = _ISO.fullmatch(text)
    if match is None:
        raise DateParseError(text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        return PartialDate(year, month, day)
    except DateParseError as error:
        raise DateParseError(text, str(error).split(": ", 1)[-1]) from None


def parse_date(text: str, *, dayfirst: bool | None = None) -> PartialDate:
    """Parse a date a person wrote, keeping the precision they gave.

    ISO forms are read strictly; a time zone or offset written after the date
    is dropped (the date is the calendar date written); numeric dates follow
    the order asked; anything else goes through python-dateutil, but no
    missing part is ever taken from today's date: ``"July 2012"`` is the
    month 2012-07, not 2012-07-28.

    A numeric date that could be read day-first or month-first
    (``10.11.2014``: 10 November or 11 October) is refused unless ``dayfirst``
    says the order; one that only one order can read (``13.11.2014``) is read
    so. Given an order, a date that does not fit it is refused. A year-first
    numeric date (``2014/11/10``) is always year, month, day. The year of a
    numeric date must have four digits (``1/1/1`` is refused), and a range
    or open interval (``2014-2015``, ``-2014``) is not a date.

    Args:
        text: For example ``"2012-07-04"``, ``"July 2012"``, ``"4 July 2012"``,
            ``"2012"`` or ``"04.07.2012"`` (with an order).
        dayfirst: ``True`` to read numeric dates day-first (``04.07.2012``
            is 4 July), ``False`` month-first (``07/04/2012`` is 4 July),
            ``None`` to refuse those that could be either.

    Returns:
        The partial date.

    Raises:
        DateParseError: If the text has no year, gives a day without a month,
            is ambiguous, is a range, or cannot be read at all.

    >>> parse_date("July 2012")
    PartialDate('2012-07')
    >>> parse_date("Wednesday, 4 July 2012 14:00 UTC")
    PartialDate('2012-07-04')
    >>> parse_date("2014-11-10 UTC")
    PartialDate('2014-11-10')
    >>> parse_date("10.11.2014", dayfirst=True), parse_date("13.11.2014")
    (PartialDate('2014-11-10'), PartialDate('2014-11-13'))
    >>> parse_date("10.11.2014")
    Traceback (most recent call last):
    ...
    provenance.errors.DateParseError: cannot read date '10.11.2014': ambiguous: 10 November or October 11 2014? ...
    >>> parse_date("July 4")
    Traceback (most recent call last):
    ...
    provenance.errors.DateParseError: cannot read date 'July 4': no year given
    """
    if not isinstance(text, str):
        raise DateParseError(text, "expected a string")
    stripped = text.strip()
    if not stripped:
        raise DateParseError(text, "empty")
    if len(stripped) > 100:
        raise DateParseError(text[:100] + "...", "too long to be a date")
    if _ISO.fullmatch(stripped):
        return parse_iso(stripped)
    body = without_zone(stripped)
    if _ISO.fullmatch(body):
        try:
            return parse_iso(body)
        except DateParseError as error:
            raise DateParseError(text, str(error).split(": ", 1)[-1]) from None
    year, month, day = read_date_text(text, body, dayfirst)
    try:
        return PartialDate(year, month, day)
    except DateParseError as error:
        raise DateParseError(text, str(error).split(": ", 1)[-1]) from None


def as_partial_date(value: DateLike, *, dayfirst: bool | None = None) -> PartialDate:
    """Turn any accepted date value into a :class:`PartialDate`.

    Args:
        value: A partial date, a date or datetime, or text for :func:`parse_date`.
        dayfirst: How to read a numeric date in text (see :func:`parse_date`).

    Returns:
        The partial date.

    Raises:
        DateParseError: If text cannot be read or the type is not accepted.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.date):  # datetime is a subclass of date
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return parse_date(value, dayfirst=dayfirst)
    raise DateParseError(value, f"expected a date, got {type(value).__name__}")


class OpenEnd(enum.Enum):
    """How an interval ends when it has no end date."""

    ONGOING = "ongoing"
    """The fact still holds."""
    UNKNOWN = "unknown"
    """The fact ended, at a date nobody has established."""


ONGOING = OpenEnd.ONGOING
UNKNOWN = OpenEnd.UNKNOWN


def _check_order(instance: Interval, _attribute: attrs.Attribute[Any], _value: object) -> None:
    if instance.start is None or not isinstance(instance.end, PartialDate):
        return
    if instance.end.latest() < instance.start.earliest():
        raise IntervalError(f"interval ends ({instance.end}) before it starts ({instance.start})")


@attrs.frozen(slots=True)
class Interval:
    """When a fact held. Both ends are inclusive.

    >>> Interval(PartialDate(2014, 11, 10))          # from a day, ongoing
    Interval('2014-11-10..')
    >>> Interval(end=UNKNOWN)                         # open start, ended at an unknown date
    Interval('..unknown')
    >>> Interval.parse("2013-12-09", "2014")
    Interval('2013-12-09..2014')
    """

    start: PartialDate | None = None
    """The first day it held; ``None`` for an open start."""
    end: PartialDate | OpenEnd = attrs.field(default=ONGOING, validator=_check_order)
    """The last day it held, or :data:`ONGOING`, or :data:`UNKNOWN`."""

    @classmethod
    def parse(cls, start: str | None = None, end: str | None = None) -> Interval:
        """Build from the strings of a data file.

        Args:
            start: ISO date, or ``None`` for an open start.
            end: ISO date, ``"unknown"``, or ``None`` for ongoing.

        Returns:
            The interval.

        Raises:
            DateParseError: If a date is malformed.
            IntervalError: If the end comes before the start.
        """
        end_value: PartialDate | OpenEnd
        if end is None:
            end_value = ONGOING
        elif end == "unknown":
            end_value = UNKNOWN
        else:
            end_value = parse_iso(end)
        return cls(None if start is None else parse_iso(start), end_value)

    @classmethod
    def of(cls, when: PartialDate) -> Interval:
        """The interval of the days a partial date may stand for."""
        return cls(when, when)

    @classmethod
    def from_days(cls, first: int, last: int) -> Interval:
        """The interval from one ordinal day to another; the calendar's limits stand for open ends.

        The inverse of ``bounds()[0::3]`` for intervals of whole days.

        >>> Interval.from_days(datetime.date(2014, 1, 1).toordinal(), datetime.date.max.toordinal())
        Interval('2014-01-01..')
        """
        start = None if first == _MIN_DAY else PartialDate.from_date(datetime.date.fromordinal(first))
        end = ONGOING if last == _MAX_DAY else PartialDate.from_date(datetime.date.fromordinal(last))
        return cls(start, end)

    def bounds(self) -> tuple[int, int, int, int]:
        """Ordinal days ``(start_earliest, start_latest, end_earliest, end_latest)``.

        Open ends are pushed to the limits of the calendar. An unknown end may
        fall on any day from the start on, so its earliest day is the start's
        earliest. Since no interval ends before it starts, a fuzzy start
        cannot be later than the latest end, nor a fuzzy end earlier than the
        earliest start.
        """
        if self.start is None:
            start_early = start_late = _MIN_DAY
        else:
            start_early = self.start.earliest().toordinal()
            start_late = self.start.latest().toordinal()
        if isinstance(self.end, PartialDate):
            end_early, end_late = self.end.earliest().toordinal(), self.end.latest().toordinal()
        elif self.end is ONGOING:
            end_early = end_late = _MAX_DAY
        else:
            end_early, end_late = start_early, _MAX_DAY
        # An interval cannot end before it starts: that narrows fuzzy ends.
        return start_early, min(start_late, end_late), max(end_early, start_early), end_late

    def contains(self, when: datetime.date | PartialDate | Interval) -> Truth:
        """Whether the interval holds on a day known to lie within ``when``.

        Args:
            when: A day, a partial date (any of its days), or an interval
                (any of the days it may cover).

        Returns:
            ``YES`` if it holds whichever day it is, ``NO`` if it holds on
            none of them, ``MAYBE`` otherwise.
        """
        lo, hi = _window(when)
        start_early, start_late, end_early, end_late = self.bounds()
        if lo >= start_late and hi <= end_early:
            return Truth.YES
        if hi < start_early or lo > end_late:
            return Truth.NO
        return Truth.MAYBE

    def overlaps(self, other: Interval) -> Truth:
        """Whether the two intervals share at least one day.

        >>> a = Interval.parse("2000", "2005")
        >>> a.overlaps(Interval.parse("2004-06")), a.overlaps(Interval.parse("2006"))
        (<Truth.YES: 'yes'>, <Truth.NO: 'no'>)
        """
        a_start_early, a_start_late, a_end_early, a_end_late = self.bounds()
        b_start_early, b_start_late, b_end_early, b_end_late = other.bounds()
        if a_end_late < b_start_early or b_end_late < a_start_early:
            return Truth.NO
        if max(a_start_late, b_start_late) <= min(a_end_early, b_end_early):
            return Truth.YES
        return Truth.MAYBE

    def window(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day this interval may cover."""
        lo, hi = _window(self)
        return datetime.date.fromordinal(lo), datetime.date.fromordinal(hi)

    def describe(self) -> str:
        """Human wording: ``1993-12-22 to 2014-11-10``, ``since 2014``, ``until an unknown date``...

        >>> Interval.parse("2014").describe()
        'since 2014'
        """
        start = None if self.start is None else self.start.isoformat()
        if isinstance(self.end, PartialDate):
            return f"{start} to {self.end}" if start else f"until {self.end}"
        if self.end is ONGOING:
            return f"since {start}" if start else "no dates recorded"
        return f"from {start} until an unknown date" if start else "until an unknown date"

    def __repr__(self) -> str:
        start = "" if self.start is None else self.start.isoformat()
        end = self.end.isoformat() if isinstance(self.end, PartialDate) else ("" if self.end is ONGOING else "unknown")
        return f"Interval({start + '..' + end!r})"

    def to_strings(self) -> tuple[str | None, str | None]:
        """The ``(start, end)`` strings a data file uses (inverse of :meth:`parse`)."""
        start = None if self.start is None else self.start.isoformat()
        if isinstance(self.end, PartialDate):
            return start, self.end.isoformat()
        return start, None if self.end is ONGOING else "unknown"


ALWAYS = Interval()
"""The interval with an open start that is ongoing."""


def _window(when: datetime.date | PartialDate | Interval) -> tuple[int, int]:
    if isinstance(when, Interval):
        start_early, _, _, end_late = when.bounds()
        return start_early, end_late
    if isinstance(when, PartialDate):
        return when.earliest().toordinal(), when.latest().toordinal()
    if isinstance(when, datetime.date):
        day = when.toordinal()
        return day, day
    raise TypeError(f"expected a date, PartialDate or Interval, got {type(when).__name__}")


When = DateLike | Interval | None
"""A day, a partial date, text to parse, an interval (a window), or ``None`` for any time."""


def as_window(at: When, *, dayfirst: bool | None = None) -> PartialDate | Interval | None:
    """A date argument as the library asks questions with: a partial date, an interval, or ``None``.

    >>> as_window("2014-11"), as_window(None), as_window("10.11.2014", dayfirst=True)
    (PartialDate('2014-11'), None, PartialDate('2014-11-10'))

    Args:
        at: A date, partial date, text, interval, or ``None``.
        dayfirst: How to read a numeric date in text (see :func:`parse_date`).

    Returns:
        The partial date or interval, or ``None``.

    Raises:
        DateParseError: If text cannot be read as a date.
    """
    if at is None or isinstance(at, Interval):
        return at
    return as_partial_date(at, dayfirst=dayfirst)
