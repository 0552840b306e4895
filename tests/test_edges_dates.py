"""Edges of reading people's dates: ambiguous numeric dates, odd forms, and rows whose date cannot be read.

Issue #14 items 6 and 18.
"""

import csv
import datetime
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.batch import Labeller, label_file, label_many
from provenance.batch._segments import key_of_window
from provenance.cli import main
from provenance.dates import PartialDate, as_partial_date, as_window, parse_date
from provenance.errors import DateParseError
from provenance.labelling import label_outlet, label_url

RT = "https://rt.com/news/x"
# The EU sanctioned RT on 2 March 2022: written day-first that is 02.03.2022, month-first 3 February.
EU_DAY = "02.03.2022"


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


# -- item 6: ambiguous numeric dates ------------------------------------------------------------


@pytest.mark.parametrize("text", ["10.11.2014", "02.03.2022", "10/11/2014", "10-11-2014", "10. 11. 2014", "1 2 2014"])
def test_ambiguous_numeric_dates_are_refused_without_an_order(text):
    """Issue #14 item 6: 10.11.2014 is 10 November or 11 October; without an order it is refused, clearly."""
    with pytest.raises(DateParseError, match="ambiguous") as caught:
        parse_date(text)
    assert "dayfirst" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("10.11.2014", True, "2014-11-10"),
        ("10.11.2014", False, "2014-10-11"),
        ("02.03.2022", True, "2022-03-02"),
        ("10/11/2014 14:00", True, "2014-11-10"),
        ("10/11/2014 14:00", False, "2014-10-11"),
        ("Monday, 10.11.2014, 14:00 UTC", True, "2014-11-10"),
        ("1 2 2014", True, "2014-02-01"),
        ("10.10.2014", None, "2014-10-10"),  # both orders give the same day
    ],
)
def test_the_caller_gives_the_order(text, dayfirst, expected):
    """Issue #14 item 6: dayfirst=True or False reads a numeric date in that order."""
    assert parse_date(text, dayfirst=dayfirst).isoformat() == expected
    assert as_partial_date(text, dayfirst=dayfirst).isoformat() == expected
    assert as_window(text, dayfirst=dayfirst) == parse_date(expected)


@pytest.mark.parametrize(("text", "dayfirst"), [("13.11.2014", False), ("11.13.2014", True), ("11/13/2014", True)])
def test_a_date_against_the_declared_order_is_refused(text, dayfirst):
    """Issue #14 item 6: a declared order is kept, so one file cannot mix both orders."""
    with pytest.raises(DateParseError, match="month 13"):
        parse_date(text, dayfirst=dayfirst)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-11-10", "2014-11-10"),
        ("10 November 2014", "2014-11-10"),
        ("Nov 10, 2014", "2014-11-10"),
        ("2014-11", "2014-11"),
        ("2014", "2014"),
        ("2014/11/10", "2014-11-10"),
        ("2014.11.10 14:00", "2014-11-10"),
        ("2014-11-10T14:00:00", "2014-11-10"),
        ("July 2012", "2012-07"),
        ("Wednesday, 4 July 2012 14:00 UTC", "2012-07-04"),
        ("10. November 2014", "2014-11-10"),
        ("11/2014", "2014-11"),
        ("20141110", "2014-11-10"),
    ],
)
@pytest.mark.parametrize("dayfirst", [None, True, False])
def test_unambiguous_forms_stay_accepted_whatever_the_order(text, expected, dayfirst):
    """Issue #14 item 6: ISO, month names, year-first numbers read alike under every setting."""
    assert parse_date(text, dayfirst=dayfirst).isoformat() == expected


@pytest.mark.parametrize(("text", "expected"), [("13.11.2014", "2014-11-13"), ("11/13/2014", "2014-11-13")])
def test_a_number_over_12_settles_the_order_when_none_is_given(text, expected):
    """Issue #14 item 6: 13 cannot be a month, so 13.11.2014 needs no order."""
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-2014", "interval"),
        ("2014-", "interval"),
        ("1/1/1", "four digits"),
        ("10/11/14", "four digits"),
        ("2014-2015", "interval"),
        ("2014/2015", "interval"),
        ("2014 – 2015", "interval"),
        ("10-11 November 2014", "interval"),
        ("November 10-11, 2014", "interval"),
        ("2014..2015", "interval"),
    ],
)
def test_signs_short_years_and_intervals_are_refused(text, reason):
    """Issue #14 item 6: -2014, 1/1/1 and intervals are not one date, and the error says why."""
    for dayfirst in (None, True, False):
        with pytest.raises(DateParseError, match=reason):
            parse_date(text, dayfirst=dayfirst)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-11-10 UTC", "2014-11-10"),
        ("2014-11-10 utc", "2014-11-10"),
        ("2014-11-10 GMT", "2014-11-10"),
        ("2014-11-10Z", "2014-11-10"),
        ("2014-11-10 +03:00", "2014-11-10"),
        ("2014-11-10T23:30:00-05:00", "2014-11-10"),
        ("2014-11-10T23:30:00.000Z", "2014-11-10"),
        ("2014-11 UTC", "2014-11"),
        ("2014 UTC", "2014"),
        ("10 November 2014 UTC", "2014-11-10"),
        ("Nov 10, 2014 GMT", "2014-11-10"),
        ("2014-11-10 14:00:00 UTC+3", "2014-11-10"),
    ],
)
def test_explicit_utc_and_offsets_read_as_the_calendar_date_written(text, expected):
    """Issue #14 item 6: 2014-11-10 UTC is 10 November 2014 (the date written, never shifted)."""
    assert parse_date(text).isoformat() == expected


def test_label_url_and_label_outlet_take_the_order():
    """Issue #14 item 6: 02.03.2022 no longer loses RT's EU sanction silently."""
    with pytest.raises(DateParseError, match="ambiguous"):
        label_url(RT, EU_DAY)
    assert label_url(RT, EU_DAY, dayfirst=True).get("sanctioned") is not None
    assert label_url(RT, EU_DAY, dayfirst=False).get("sanctioned") is None
    assert label_outlet("rt", EU_DAY, dayfirst=True).get("sanctioned") is not None
    assert label_outlet("rt", EU_DAY, dayfirst=False).get("sanctioned") is None
    with pytest.raises(DateParseError, match="ambiguous"):
        label_outlet("rt", EU_DAY)


def test_batch_takes_the_order():
    """Issue #14 item 6: label_many and the Labeller read dates as label_url does, in the order given."""
    rows = [(RT, EU_DAY), (RT, "13.11.2014"), (RT, "2022-03-02")]
    plain = list(label_many(rows))
    assert [result.ok for result in plain] == [False, True, True]
    assert "ambiguous" in str(plain[0].error)
    for dayfirst in (True, False):
        results = list(label_many(rows, dayfirst=dayfirst))
        for (url, at), result in zip(rows, results, strict=True):
            try:
                expected = label_url(url, at, dayfirst=dayfirst)
            except DateParseError as error:
                assert not result.ok and str(result.error) == str(error)
            else:
                assert result.ok and result.labels == expected
        assert Labeller().label(RT, EU_DAY, dayfirst=dayfirst) == label_url(RT, EU_DAY, dayfirst=dayfirst)
    assert next(iter(label_many(rows, dayfirst=True))).labels.get("sanctioned") is not None


def _write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "date"])
        writer.writerows(rows)


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_label_file_takes_the_order(tmp_path):
    """Issue #14 item 6: label_file(dayfirst=...) reads the date column in that order."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [(RT, EU_DAY)])
    assert label_file(str(source), str(target)).bad == 1
    assert "ambiguous" in _read_csv(target)[0]["error"]
    assert label_file(str(source), str(target), dayfirst=True).bad == 0
    assert "sanctioned=EU" in _read_csv(target)[0]["labels"]
    label_file(str(source), str(target), dayfirst=False)
    assert "sanctioned" not in _read_csv(target)[0]["labels"]


@pytest.mark.parametrize(
    "command",
    [
        ["label", RT, "--at", EU_DAY, "--format", "json"],
        ["lookup", RT, "--at", EU_DAY],
        ["outlet", "rt", "--at", EU_DAY],
        ["report", "-", "--url", RT, "--published", EU_DAY],
    ],
)
def test_cli_refuses_an_ambiguous_date_in_one_line(command, capsys, monkeypatch):
    """Issue #14 item 6: every command that takes a date refuses an ambiguous one: one line, exit 2."""
    monkeypatch.setattr("sys.stdin", io.StringIO("Some text."))
    code, _ = run(*command)
    err = capsys.readouterr().err
    assert code == 2
    assert "ambiguous" in err and "--dayfirst" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_dayfirst_and_monthfirst(capsys, monkeypatch):
    """Issue #14 item 6: --dayfirst / --monthfirst on label, lookup, outlet and report."""
    code, out = run("label", RT, "--at", EU_DAY, "--dayfirst", "--format", "json")
    assert code == 0 and json.loads(out)["at"] == "2022-03-02"
    assert any(label["kind"] == "sanctioned" for label in json.loads(out)["labels"])
    code, out = run("label", RT, "--monthfirst", "--at", EU_DAY, "--format", "json")
    assert code == 0 and json.loads(out)["at"] == "2022-02-03"
    assert not any(label["kind"] == "sanctioned" for label in json.loads(out)["labels"])
    assert run("lookup", RT, "--at", EU_DAY, "--dayfirst")[0] == 0
    code, out = run("outlet", "rt", "--at", EU_DAY, "--dayfirst", "--format", "json")
    assert code == 0 and any(label["kind"] == "sanctioned" for label in json.loads(out)["labels"])
    monkeypatch.setattr("sys.stdin", io.StringIO("Some text."))
    code, out = run("report", "-", "--url", RT, "--published", EU_DAY, "--dayfirst", "--format", "json")
    assert code == 0 and "2022-03-02" in out
    with pytest.raises(SystemExit) as caught:
        run("label", RT, "--at", EU_DAY, "--dayfirst", "--monthfirst")
    assert caught.value.code == 2
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:  # a date against the order given: refused as the options are read
        run("label", RT, "--at", "13.11.2014", "--monthfirst")
    err = capsys.readouterr().err
    assert caught.value.code == 2 and "month 13" in err and len(err.strip().splitlines()) == 1


def test_cli_batch_dayfirst(tmp_path, capsys):
    """Issue #14 item 6: provenance batch --dayfirst / --monthfirst."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [(RT, EU_DAY)])
    assert run("batch", str(source), "-o", str(target), "--dayfirst")[0] == 0
    assert "sanctioned=EU" in _read_csv(target)[0]["labels"]
    assert run("batch", str(source), "-o", str(target), "--monthfirst")[0] == 0
    assert "sanctioned" not in _read_csv(target)[0]["labels"]
    run("batch", str(source), "-o", str(target))
    assert "ambiguous" in _read_csv(target)[0]["error"]


# A date text in one of the forms people write, from a day (valid or not) and a form.
_FORMS = [
    "{y:04d}-{m:02d}-{d:02d}",
    "{d}.{m}.{y}",
    "{d:02d}.{m:02d}.{y}",
    "{m}/{d}/{y}",
    "{d}-{m}-{y}",
    "{y}/{m}/{d}",
    "{d} {m} {y}",
    "{y:04d}-{m:02d}-{d:02d} UTC",
    "{y:04d}-{m:02d}",
    "{y}",
    "{d}.{m}.{y} 14:00",
]


@st.composite
def _date_texts(draw):
    form = draw(st.sampled_from(_FORMS))
    return form.format(
        y=draw(st.integers(1, 9999)),
        m=draw(st.integers(0, 14)),
        d=draw(st.integers(0, 32)),
    )


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(_date_texts(), st.text(max_size=12)), dayfirst=st.sampled_from([None, True, False]))
def test_batch_fast_path_agrees_with_parse_date(text, dayfirst):
    """Issue #14 item 6: the batch's date reading (ISO days at once, the rest cached) is parse_date's."""
    labeller = Labeller()
    for _ in range(2):  # the second time through the caches
        try:
            expected = key_of_window(parse_date(text, dayfirst=dayfirst))
        except DateParseError as error:
            with pytest.raises(DateParseError) as caught:
                labeller._date_key(text, dayfirst)
            assert str(caught.value) == str(error)
        else:
            assert labeller._date_key(text, dayfirst) == expected


def test_a_text_read_in_one_order_is_not_cached_for_another():
    """Issue #14 item 6: one labeller serves every order; a text read day-first is read again month-first."""
    labeller = Labeller()
    first = labeller._date_key("10.11.2014", True)
    assert first == key_of_window(PartialDate(2014, 11, 10))
    assert labeller._date_key("10.11.2014", False) == key_of_window(PartialDate(2014, 10, 11))
    with pytest.raises(DateParseError, match="ambiguous"):
        labeller._date_key("10.11.2014", None)
    assert labeller._date_key(datetime.date(2014, 11, 10), None) == first


# -- item 18: rows whose date cannot be read ----------------------------------------------------


def test_label_many_can_label_a_row_with_a_bad_date_as_undated():
    """Issue #14 item 18: bad_dates="unknown" labels the row as undated instead of throwing it away."""
    rows = [(RT, "someday"), (RT, "2022-03-02"), ("not a url", "someday"), (RT, EU_DAY)]
    default = list(label_many(rows))
    assert [result.ok for result in default] == [False, True, False, False]
    results = list(label_many(rows, bad_dates="unknown"))
    assert [result.ok for result in results] == [True, True, False, True]
    assert results[0].labels == label_url(RT, None)
    assert isinstance(results[0].date_error, DateParseError)
    assert results[1].date_error is None
    assert results[2].error.__class__.__name__ == "InvalidURLError"  # a bad URL stays a bad row
    assert "ambiguous" in str(results[3].date_error)
    assert results[3].labels == label_url(RT, None)
    with pytest.raises(ValueError, match="bad_dates"):
        list(label_many(rows, bad_dates="ignore"))


def test_label_file_counts_rows_labelled_without_their_bad_date(tmp_path):
    """Issue #14 item 18: label_file(bad_dates="unknown") keeps the rows and counts them in the summary."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [(RT, "someday"), (RT, "2022-03-02"), ("https://example.org/", "31.02.2020"), ("x y", "")])
    summary = label_file(str(source), str(target))
    assert (summary.rows, summary.bad, summary.undated) == (4, 3, 0)
    summary = label_file(str(source), str(target), bad_dates="unknown")
    assert (summary.rows, summary.labelled, summary.unknown, summary.bad, summary.undated) == (4, 2, 1, 1, 2)
    assert "2 labelled without their unreadable date" in summary.describe()
    assert any("line 2" in problem and "someday" in problem for problem in summary.problems)
    out = _read_csv(target)
    assert out[0]["outlet_id"] == "rt" and out[0]["error"] == ""
    assert out[2]["error"] == ""
    assert out[3]["error"] != ""


def test_label_file_jsonl_bad_dates_unknown(tmp_path):
    """Issue #14 item 18: the same for JSON Lines."""
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"url": RT, "date": "someday"}) + "\n", encoding="utf-8")
    summary = label_file(str(source), str(target), bad_dates="unknown")
    assert (summary.labelled, summary.bad, summary.undated) == (1, 0, 1)
    line = json.loads(target.read_text(encoding="utf-8"))
    assert line["outlet_id"] == "rt" and line["error"] is None


def test_cli_batch_bad_dates_unknown(tmp_path, capsys):
    """Issue #14 item 18: provenance batch --bad-dates unknown|error."""
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, [(RT, "someday"), (RT, "2022-03-02")])
    assert run("batch", str(source), "-o", str(target))[0] == 0
    assert _read_csv(target)[0]["outlet_id"] == ""
    assert "1 bad rows" in capsys.readouterr().err
    assert run("batch", str(source), "-o", str(target), "--bad-dates", "unknown")[0] == 0
    assert _read_csv(target)[0]["outlet_id"] == "rt"
    err = capsys.readouterr().err
    assert "0 bad rows" in err and "1 labelled without their unreadable date" in err
    assert run("batch", str(source), "-o", str(target), "--bad-dates", "error")[0] == 0
    with pytest.raises(SystemExit) as caught:
        run("batch", str(source), "-o", str(target), "--bad-dates", "maybe")
    assert caught.value.code == 2
