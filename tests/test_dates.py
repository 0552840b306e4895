import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.dates import (
    ONGOING,
    UNKNOWN,
    Interval,
    PartialDate,
    Truth,
    as_partial_date,
    parse_date,
    parse_iso,
)
from provenance.errors import DateParseError, IntervalError
from provenance.testing import intervals, partial_dates

SMALL = dict(min_year=2000, max_year=2002)


def test_partial_date_bounds_and_precision():
    assert PartialDate(2012).earliest() == datetime.date(2012, 1, 1)
    assert PartialDate(2012).latest() == datetime.date(2012, 12, 31)
    assert PartialDate(2012, 2).latest() == datetime.date(2012, 2, 29)
    assert PartialDate(2013, 2).latest() == datetime.date(2013, 2, 28)
    assert PartialDate(1900, 2).latest() == datetime.date(1900, 2, 28)
    assert PartialDate(2000, 2).latest() == datetime.date(2000, 2, 29)
    assert [
        PartialDate(2012).precision,
        PartialDate(2012, 7).precision,
        PartialDate(2012, 7, 4).precision,
    ] == [
        "year",
        "month",
        "day",
    ]


@pytest.mark.parametrize("args", [(2012, 13), (2012, 0), (2012, None, 4), (2013, 2, 29), (0,), (10000,), (2012, 4, 31)])
def test_partial_date_rejects_impossible_dates(args):
    with pytest.raises(DateParseError):
        PartialDate(*args)


@pytest.mark.parametrize("text", ["2012", "2012-07", "2012-07-04", "0999-01-01"])
def test_parse_iso_accepts_three_forms(text):
    assert parse_iso(text).isoformat() == text


@pytest.mark.parametrize(
    "text",
    ["12", "2012-7", "2012/07/04", "2012-07-04T00:00", " 2012", "July 2012", "2012-02-30", ""],
)
def test_parse_iso_is_strict(text):
    with pytest.raises(DateParseError) as caught:
        parse_iso(text)
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 2012", "2012-07"),
        ("2012", "2012"),
        ("4 July 2012", "2012-07-04"),
        ("July 4, 2012", "2012-07-04"),
        ("2012-07-04", "2012-07-04"),
        ("Wed, 04 Jul 2012 10:00:00 +0000", "2012-07-04"),
        ("2012-07-04T10:00:00Z", "2012-07-04"),
        ("Jul 2012", "2012-07"),
    ],
)
def test_parse_date_keeps_precision(text, expected):
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize(
    "text",
    ["July", "July 4", "tomorrow", "not a date", "", "   ", "4", "x" * 500, "31 February 2012"],
)
def test_parse_date_rejects_what_it_cannot_read(text):
    with pytest.raises(DateParseError):
        parse_date(text)


def test_parse_date_never_uses_today():
    # dateutil's own default fills the day from today; ours must not.
    today = datetime.date.today()
    parsed = parse_date(f"{today:%B} 2012")
    assert parsed.day is None


def test_as_partial_date_accepts_dates_and_datetimes():
    assert as_partial_date(datetime.datetime(2012, 7, 4, 10, 0)) == PartialDate(2012, 7, 4)
    assert as_partial_date(datetime.date(2012, 7, 4)) == PartialDate(2012, 7, 4)
    with pytest.raises(DateParseError):
        as_partial_date(2012)  # type: ignore[arg-type]


@given(partial_dates())
def test_iso_form_round_trips(date):
    assert parse_iso(date.isoformat()) == date
    assert parse_date(date.isoformat()) == date


def test_interval_kinds_are_distinct():
    open_start = Interval(end=PartialDate(2000))
    ongoing = Interval(PartialDate(2000))
    unknown = Interval(PartialDate(2000), UNKNOWN)
    assert open_start.contains(PartialDate(1950)) is Truth.YES
    assert ongoing.contains(PartialDate(2050)) is Truth.YES
    assert unknown.contains(PartialDate(2050)) is Truth.MAYBE
    assert unknown.contains(PartialDate(1999)) is Truth.NO
    assert len({open_start, ongoing, unknown, Interval(PartialDate(2000), ONGOING)}) == 3


def test_interval_rejects_end_before_start():
    with pytest.raises(IntervalError):
        Interval.parse("2014", "2013-12")
    assert Interval.parse("2014-05", "2014").contains(PartialDate(2014, 5)) is Truth.MAYBE


def test_truth_refuses_truthiness():
    with pytest.raises(TypeError):
        bool(Truth.MAYBE)


def test_interval_string_round_trip():
    for start, end in [
        (None, None),
        ("2012", None),
        (None, "unknown"),
        ("1993-12-22", "2014-11-10"),
    ]:
        assert Interval.parse(start, end).to_strings() == (start, end)


# -- brute force: three-valued containment agrees with day-by-day reasoning ----


def _days(date: PartialDate) -> range:
    return range(date.earliest().toordinal(), date.latest().toordinal() + 1)


def _brute_day(interval: Interval, day: int) -> Truth:
    """Whether the interval holds on `day`, over every way its fuzzy ends may resolve.

    Each possible start day is tried; for it, the possible ends are every end
    day not before it (a range, so its first and last are enough).
    """
    lo, hi = datetime.date.min.toordinal(), datetime.date.max.toordinal()
    starts = [lo] if interval.start is None else _days(interval.start)
    if isinstance(interval.end, PartialDate):
        end_first, end_last = interval.end.earliest().toordinal(), interval.end.latest().toordinal()
    elif interval.end is ONGOING:
        end_first = end_last = hi
    else:
        end_first, end_last = lo, hi  # unknown: any day not before the start
    outcomes = set()
    for start in starts:
        first, last = max(start, end_first), end_last
        if first > last:
            continue  # no end possible for this start
        outcomes.add(start <= day <= first)  # the earliest end
        outcomes.add(start <= day <= last)  # the latest end
    if outcomes == {True}:
        return Truth.YES
    if outcomes == {False}:
        return Truth.NO
    return Truth.MAYBE


@given(intervals(**SMALL), partial_dates(1999, 2003))
def test_containment_agrees_with_day_by_day_check(interval, when):
    per_day = [_brute_day(interval, day) for day in _days(when)]
    if all(t is Truth.YES for t in per_day):
        expected = Truth.YES
    elif all(t is Truth.NO for t in per_day):
        expected = Truth.NO
    else:
        expected = Truth.MAYBE
    assert interval.contains(when) is expected


@given(intervals(**SMALL), st.dates(datetime.date(1999, 1, 1), datetime.date(2003, 12, 31)))
def test_containment_of_a_day_matches_its_partial_date(interval, day):
    assert interval.contains(day) is interval.contains(PartialDate.from_date(day))


@given(intervals(**SMALL), intervals(**SMALL))
def test_overlap_is_symmetric_and_consistent_with_containment(a, b):
    assert a.overlaps(b) is b.overlaps(a)
    if a.contains(b) is Truth.YES:
        assert a.overlaps(b) is not Truth.NO
    if a.overlaps(b) is Truth.NO:
        assert a.contains(b) is Truth.NO
