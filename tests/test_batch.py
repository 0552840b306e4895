import csv
import datetime
import io
import json
import pickle
import subprocess
import sys
import threading
import tracemalloc

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from provenance.batch import (
    BadRow,
    Labelled,
    Labeller,
    compact_labels,
    label_file,
    label_many,
)
from provenance.batch._urls import fast_host
from provenance.cli import main
from provenance.dates import Interval, PartialDate, Truth
from provenance.domains import normalize_host
from provenance.errors import DateParseError, InvalidURLError, UnknownPolicyError
from provenance.extras.pandas import label_frame
from provenance.labelling import label_url
from provenance.model import DomainClaim
from provenance.policies import POLICIES, Policy
from provenance.ratings import Rating
from provenance.registry import Registry, default_registry, load_registry
from provenance.testing import make_registry, partial_dates, urls
from tests.conftest import FIXTURES

FIXTURE_HOSTS = ("example.com", "news.example.org", "rt.com.evil.example", "com", "ria.ru.example.net")


def expected(url, at, policy, registry):
    """What label_url gives, or the error it raises."""
    try:
        return label_url(url, at, policy, registry), registry.outlet_for_url(url, at)
    except (InvalidURLError, DateParseError) as error:
        return error, None


def assert_same(result, url, at, policy, registry):
    labels, outlet = expected(url, at, policy, registry)
    if isinstance(labels, Exception):
        assert isinstance(result, BadRow), (url, at, result)
        assert type(result.error) is type(labels) and str(result.error) == str(labels)
        assert not result.ok and result.labels.to_json() == []
        return
    assert isinstance(result, Labelled), (url, at, result)
    assert result.labels.to_json() == labels.to_json(), (url, at, policy)
    assert result.outlet_id == (None if outlet is None else outlet.id)


def dates_strategy():
    return st.one_of(
        st.none(),
        partial_dates(1980, 2030),
        partial_dates(1980, 2030).map(str),
        st.dates(datetime.date(1980, 1, 1), datetime.date(2030, 12, 31)),
        st.sampled_from(["2014-11-10", "2014-11-09", "2014-11", "2022", "July 2012", "someday", "", "2014-02-30"]),
        st.builds(lambda a, b: Interval(min(a, b, key=PartialDate.sort_key), max(a, b, key=PartialDate.sort_key)),
                  partial_dates(1990, 2025), partial_dates(1990, 2025)).filter(
            lambda i: i.start.earliest() <= i.end.latest()
        ),
    )  # fmt: skip


def url_strategy(registry):
    return st.one_of(
        urls(registry),
        st.sampled_from(FIXTURE_HOSTS).map(lambda host: f"https://{host}/x"),
        st.text(max_size=30),
        st.sampled_from(["https://", "http:///x", "https://[::1]/", "https://rt.com:80:80/", "ftp://rt.com/"]),
    )


# -- equality with label_url ---------------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_batch_equals_label_url(fixture_registry, data):
    policy = data.draw(st.sampled_from(sorted(POLICIES)))
    rows = data.draw(st.lists(st.tuples(url_strategy(fixture_registry), dates_strategy()), min_size=1, max_size=12))
    results = list(label_many(rows, policy, fixture_registry))
    assert len(results) == len(rows)
    for number, ((url, at), result) in enumerate(zip(rows, results, strict=True), 1):
        assert_same(result, url, at, policy, fixture_registry)
        if isinstance(result, BadRow):
            assert result.row == number and result.url == url and result.at == at


def claimed_points(registry):
    labeller = Labeller(registry)
    hosts = sorted({r.host for r in registry.records if isinstance(r, DomainClaim)})
    for host in hosts:
        entry = labeller._host_entry(host)
        yield host, entry.points


def test_every_segment_boundary_matches_label_url(fixture_registry):
    # The days just before, on and after every change of facts, for every claimed host.
    for host, points in claimed_points(fixture_registry):
        days = sorted({d for p in points for d in (p - 1, p, p + 1) if 1 <= d <= datetime.date.max.toordinal()})
        rows = [(f"https://www.{host}/a", datetime.date.fromordinal(day)) for day in days]
        for (url, at), result in zip(rows, label_many(rows, registry=fixture_registry), strict=True):
            assert_same(result, url, at, "typology", fixture_registry)


@settings(max_examples=200)
@given(
    st.one_of(
        urls(Registry.from_folder(FIXTURES / "registry")),
        st.text(max_size=40),
        st.builds(
            lambda scheme, text, rest: scheme + text + rest,
            st.sampled_from(["https://", "http://", "HTTPS://", "hTTp://", "https:/", "http:", "//", "", "x-y://"]),
            st.text(st.characters(codec="utf-8"), max_size=25) | st.text("abAB09.-_:@[]%/?#\\ \t\u00e9", max_size=25),
            st.sampled_from(["", "/", "/x", "?q", "#f", " ", "\t/x", "/x\n", "://x", "/" + "y" * 8200]),
        ),
    )
)
def test_fast_path_equals_normalize_host_or_defers(url):
    fast = fast_host(url)
    if fast is not None:
        assert fast == normalize_host(url)


def test_fast_path_handles_the_common_shapes():
    assert fast_host("https://www.rt.com/news/1") == "rt.com"
    assert fast_host("http://DE.RT.COM:8080/x?y#z") == "de.rt.com"
    assert fast_host("https://user@rt.com") == "rt.com"
    assert fast_host("HTTPS://WWW.RT.COM/x") == "rt.com"
    assert fast_host("www.rt.com/news/1") == "rt.com"
    for deferred in (
        "//rt.com/x",
        "rt.com://x",
        "ftp://rt.com/",
        "https://rt.com?x=1",
        "https://пример.рф/",
        "https://rt.com /",
        " https://rt.com/",
        "https://1.2.3.4/",
    ):
        assert fast_host(deferred) is None
    assert fast_host("https://rt.com/" + "x" * 9000) is None


FIXTURE_REGISTRY = Registry.from_folder(FIXTURES / "registry")
CLAIMED_OR_RATED = sorted(
    {r.host for r in FIXTURE_REGISTRY.records if isinstance(r, DomainClaim) or (isinstance(r, Rating) and r.host)}
)
GOOD_LABELS = st.sampled_from(["x", "ab", "a-b", "a_b", "9x", "www", "m", "amp"])
BAD_LABELS = st.sampled_from(["", "-x", "x-", "A", "9", "a" * 64, "a" * 63, "x:1", "x@y", "é"])
NEAR_HOSTS = st.builds(
    lambda lead, labels, trail: lead + ".".join(labels) + trail,
    st.sampled_from(["", "", "", ".", "-"]),
    st.lists(GOOD_LABELS | GOOD_LABELS | BAD_LABELS, min_size=1, max_size=4),
    st.sampled_from(["", "", "", ".", "-", "9"]),
)
HOST_TEXT = NEAR_HOSTS | st.text("ab09.-_A", min_size=1, max_size=70)


@settings(max_examples=500)
@example("https://", ".x.com", "/", None)
@example("https://", "-x.com", "/", None)
@example("https://", "x..com", "/", None)
@example("https://", "x-.com", "/", None)
@example("https://", "x.-com", "/", None)
@example("https://", "a" * 64 + ".com", "/", None)
@example("https://", "x.com.", "/", None)
@example("https://", "1.2.3.4", "/", None)
@example("https://", "x.c-", "/", None)
@example("ftp://", "x.com", "/", None)
@example("https://", "x.com", "/" + "y" * 8200, None)
@example("https://", "news.rt.com", "", None)
@example("http://", "www.rt.com", "/a", "2016-01-01")
@example("https://", "X.com", "/", None)
@example("https://", "com", "/", None)
@example("https://", "a:1.com", "/", None)
@example("https://", "a b.com", "/", None)
@example("ttps://", "x.com", "/", None)
@given(
    scheme=st.sampled_from(["https://", "http://"]) | st.sampled_from(["HTTP://", "ftp://", "https:/", "", "//"]),
    netloc=st.one_of(
        HOST_TEXT,
        st.builds(lambda label, host: f"{label}.{host}", HOST_TEXT, st.sampled_from(CLAIMED_OR_RATED)),
        st.sampled_from(CLAIMED_OR_RATED).map(lambda host: host.rpartition(".")[0] + "x." + host.rpartition(".")[2]),
    ),
    rest=st.sampled_from(["", "/", "/x/y.html"])
    | st.sampled_from(["?q=1", "#f", ":80/x", "./x", "\\x", " ", "/" + "y" * 8200]),
    at=st.sampled_from([None, "2016-01-01"]),
)
def test_hot_path_host_test_equals_label_url(scheme, netloc, rest, at):
    # The hot loop decides "no outlet claims or rates this host" from the text of the URL alone:
    # it must agree with label_url on every input, near misses included.
    url = scheme + netloc + rest
    [result] = Labeller(FIXTURE_REGISTRY).label_many([(url, at)])
    assert_same(result, url, at, "typology", FIXTURE_REGISTRY)


@settings(max_examples=300)
@example("2020-W01-1")  # an ISO week date: date.fromisoformat reads it, label_url does not
@example("2019-02-29")
@given(
    at=st.text("0123456789-W +\uff11", min_size=10, max_size=10).map(lambda text: text[:7] + "-" + text[8:])
    | st.text("0123456789-W", min_size=10, max_size=10)
)
def test_hot_path_iso_days_equal_label_url(at):
    rows = [("https://rt.com/a", at), ("https://unknown.example.net/a", at)]
    for (url, _), result in zip(rows, Labeller(FIXTURE_REGISTRY).label_many(rows), strict=True):
        assert_same(result, url, at, "typology", FIXTURE_REGISTRY)


def test_plain_unclaimed_hosts_share_one_result_without_being_resolved(fixture_registry):
    labeller = Labeller(fixture_registry)
    rows = [(f"https://{prefix}unknown-{n}.example.net/a", "2020-01-01") for n in range(50) for prefix in ("", "www.")]
    results = list(labeller.label_many(rows))
    assert all(result is results[0] for result in results) and not results[0].labels
    assert results[0].outlet is None and not labeller._hosts and len(labeller._dates) == 1
    [uk] = labeller.label_many([("https://www.unknown.co.uk/a", None)])  # bbc.co.uk is claimed, not co.uk
    assert uk is results[0] and not labeller._hosts
    [rt] = labeller.label_many([("https://news.rt.com/a", "2016-01-01")])
    assert rt.outlet_id == "rt" and list(labeller._hosts) == ["news.rt.com"]


def test_custom_policy_reading_the_window_is_not_shared_across_dates(fixture_registry):
    def windowed(facts):
        yield facts.make_label("platform-label", "seen", f"window {facts.window!r}", Truth.YES, rule="test")

    policy = Policy("windowed", "Labels with the window in the text.", windowed)
    rows = [("https://rt.com/x", "2016-01-01"), ("https://rt.com/x", "2016-01-02"), ("https://rt.com/x", None)]
    results = list(label_many(rows, policy, fixture_registry))
    for (url, at), result in zip(rows, results, strict=True):
        assert_same(result, url, at, policy, fixture_registry)
    assert results[0].labels.labels[0].text != results[1].labels.labels[0].text


def test_custom_policy_may_opt_in_to_sharing_per_segment(fixture_registry):
    shipped = POLICIES["typology"]
    policy = Policy("my-typology", "The typology, under another name.", shipped.rule, segment_shareable=True)
    rows = [("https://rt.com/a", "2016-05-01"), ("https://rt.com/b", "2016-06-01"), ("https://rt.com/c", "2023-06-01")]
    first, second, third = label_many(rows, policy, fixture_registry)
    assert first is second and third is not first  # one segment, as for the shipped policies
    for (url, at), result in zip(rows, (first, second, third), strict=True):
        assert_same(result, url, at, policy, fixture_registry)
    assert all(policy.segment_shareable for policy in POLICIES.values())
    assert not Policy("plain", "A custom policy.", shipped.rule).segment_shareable


def test_data_frame_entry_points_are_still_reachable_from_batch():
    import provenance.batch
    import provenance.extras.dask
    import provenance.extras.pandas

    assert provenance.batch.label_frame is provenance.extras.pandas.label_frame
    assert provenance.batch.label_dask is provenance.extras.dask.label_dask
    with pytest.raises(AttributeError):
        provenance.batch.not_a_thing  # noqa: B018


def test_batch_imports_no_data_frame_library():
    # `import provenance.batch` loads neither pandas, Dask nor provenance.extras: they load on first use.
    code = (
        "import sys, provenance.batch; print([m for m in ('pandas', 'dask', 'provenance.extras') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- sharing, streaming, caches ------------------------------------------------------------


def test_dates_in_one_segment_share_one_result(fixture_registry):
    rows = [("https://rt.com/a", "2016-05-01"), ("https://rt.com/b", "2016-06-01"), ("https://rt.com/c", "2023-06-01")]
    first, second, third = label_many(rows, registry=fixture_registry)
    assert first is second  # nothing about RT changed between those days
    assert third is not first and third.labels.has("sanctioned")
    unknown = list(label_many([("https://example.com/1", "2016"), ("https://example.com/2", None)]))
    assert unknown[0] is unknown[1] and unknown[0].outlet is None


def test_label_many_streams_one_row_at_a_time(fixture_registry):
    read = []

    def rows():
        for number in range(50):
            read.append(number)
            yield (f"https://rt.com/{number}", "2016-01-01")

    results = label_many(rows(), registry=fixture_registry)
    for number, _ in enumerate(results):
        assert len(read) == number + 1


def test_memory_stays_flat_over_many_rows(fixture_registry):
    hosts = ["rt.com", "ruvr.ru", "example.com", "bbc.co.uk", "sputniknews.com"]

    def rows(count):
        for number in range(count):
            yield (
                f"https://{hosts[number % 5]}/{number}",
                f"20{10 + number % 12}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            )

    for _ in label_many(rows(2000), registry=fixture_registry):
        pass  # warm the caches
    tracemalloc.start()
    try:
        for _ in label_many(rows(40_000), registry=fixture_registry):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_bad_rows_are_reported_with_row_numbers_and_the_rest_goes_on(fixture_registry):
    rows = [
        ("https://rt.com/x", "2016"),
        ("not a url", "2016"),
        ("https://rt.com/x", "someday"),
        (None, None),
        ("ftp://rt.com/x", None),
        ("https://rt.com/x", 2016),
        ("https://ruvr.ru/x", "2012-08-16"),
    ]
    results = list(label_many(rows, registry=fixture_registry))
    bad = [(r.row, type(r.error).__name__) for r in results if not r.ok]
    assert bad == [
        (2, "InvalidURLError"),
        (3, "DateParseError"),
        (4, "InvalidURLError"),
        (5, "InvalidURLError"),
        (6, "DateParseError"),
    ]
    assert results[0].outlet_id == "rt" and results[-1].outlet_id == "voice-of-russia"
    with pytest.raises(TypeError, match="row 2 is not a"):
        list(label_many([("https://rt.com", None), "https://rt.com"], registry=fixture_registry))


def test_unknown_policy_raises_at_once(fixture_registry):
    with pytest.raises(UnknownPolicyError):
        label_many([], "nope", fixture_registry)


def test_caches_belong_to_their_registry(fixture_registry):
    other = make_registry(
        outlets=[{"id": "rt", "name": "Other RT", "country": "RU"}], domains=[{"host": "rt.com", "outlet": "rt"}]
    )
    rows = [("https://rt.com/x", "2016")]
    mine = next(label_many(rows, registry=fixture_registry))
    theirs = next(label_many(rows, registry=other))
    assert mine.outlet_name == "RT" and theirs.outlet_name == "Other RT"
    assert other.derived(("provenance.batch", "typology"), lambda registry: None) is not None


def test_threads_share_a_registry_safely(fixture_registry):
    registry = Registry.from_folder(FIXTURES / "registry")
    hosts = ["rt.com", "ruvr.ru", "example.com", "radiosputnik.ria.ru", "ria.ru", "rtde.world"]
    rows = [(f"https://{hosts[n % 6]}/{n}", f"{1995 + n % 30}-{1 + n % 12:02d}") for n in range(3000)]
    outputs = []

    def work():
        outputs.append([r.labels.to_json() for r in label_many(rows, registry=registry)])

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outputs[0] == outputs[1] == outputs[2]
    sample = rows[::97]
    for (url, at), result in zip(sample, [outputs[0][n] for n in range(0, 3000, 97)], strict=True):
        assert result == label_url(url, at, registry=fixture_registry).to_json()


def test_registry_pickles_small_and_labels_the_same(tmp_path):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "extra.toml").write_text(OVERLAY, encoding="utf-8")
    for registry in (default_registry(), load_registry(overlay), Registry.from_folder(FIXTURES / "registry")):
        data = pickle.dumps(registry)
        assert len(data) < 500
        copy = pickle.loads(data)
        rows = [("https://de.rt.com/x", "2023-03"), ("https://example.com/a", None), ("https://ruvr.ru/", "2012")]
        assert [r.labels.to_json() for r in label_many(rows, registry=copy)] == [
            r.labels.to_json() for r in label_many(rows, registry=registry)
        ]


OVERLAY = """
[sources.x]
url = "https://example.org/overlay"
title = "Overlay"
accessed = "2026-11-28"

[[outlets]]
id = "example-news"
name = "Example News"
kind = "website"
country = "US"
start = "2001"
sources = ["x"]

[[domains]]
host = "example.com"
outlet = "example-news"
role = "primary"
sources = ["x"]
"""


# -- files and the command line --------------------------------------------------------------

CSV_INPUT = (
    "id,url,date,note\n"
    '1,https://de.rt.com/a/1,2023-05-01,"hello, world"\n'
    "2,http://ruvr.ru/2012/x.html,2012-08-16,\n"
    "3,not a url,2020,bad\n"
    '4,https://example.org/x,,"two\nlines"\n'
    "5,https://sputniknews.com/x,someday,bad date\n"
    "6,https://rt.com,2016-03,\n"
)


def run_cli(*args):
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


def test_cli_csv_keeps_columns_and_adds_labels(tmp_path, capsys):
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(CSV_INPUT, encoding="utf-8")
    code, _ = run_cli("batch", str(source), "-o", str(target))
    assert code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [row["id"] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[3]["note"] == "two\nlines" and rows[0]["note"] == "hello, world"
    assert list(rows[0])[-5:] == ["outlet_id", "outlet_name", "labels", "labels_json", "error"]
    assert rows[1]["outlet_id"] == "voice-of-russia" and rows[1]["labels"].startswith("state-media=SC;defunct=")
    assert json.loads(rows[0]["labels_json"])[0]["kind"] == "state-media"
    assert rows[2]["error"].startswith("not a usable URL") and rows[2]["labels"] == ""
    err = capsys.readouterr().err
    assert "line 4: not a usable URL or host 'not a url'" in err
    assert "line 7: cannot read date 'someday'" in err  # row 5 starts on line 7: row 4 spans two lines
    assert "6 rows, 3 labelled, 1 unknown hosts, 2 bad rows" in err


def test_cli_compact_output_drops_only_the_json(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(CSV_INPUT, encoding="utf-8")
    full, compact = tmp_path / "full.csv", tmp_path / "compact.csv"
    assert run_cli("batch", str(source), "-o", str(full))[0] == 0
    assert run_cli("batch", str(source), "-o", str(compact), "--compact")[0] == 0
    full_rows = list(csv.DictReader(full.open(encoding="utf-8", newline="")))
    compact_rows = list(csv.DictReader(compact.open(encoding="utf-8", newline="")))
    assert list(compact_rows[0])[-4:] == ["outlet_id", "outlet_name", "labels", "error"]
    assert [{k: v for k, v in row.items() if k != "labels_json"} for row in full_rows] == compact_rows
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"url": "https://de.rt.com/a", "date": "2023-01-01"}\n{"url": "bad url"}\n', encoding="utf-8")
    assert run_cli("batch", str(lines), "-o", str(tmp_path / "out.jsonl"), "--compact")[0] == 0
    first, bad = (json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    expected = compact_labels(label_url("https://de.rt.com/a", "2023-01-01"))
    assert first["labels"] == expected and expected.startswith("state-media=") and bad["labels"] == ""


def test_file_front_end_equals_label_many(tmp_path, fixture_registry):
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(CSV_INPUT, encoding="utf-8")
    summary = label_file(str(source), str(target), registry=fixture_registry)
    assert (summary.rows, summary.labelled, summary.unknown, summary.bad) == (6, 3, 1, 2)
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    for row in rows:
        at = row["date"] or None
        labels, _ = expected(row["url"], at, "typology", fixture_registry)
        if isinstance(labels, Exception):
            assert row["error"] == str(labels)
        else:
            assert json.loads(row["labels_json"]) == labels.to_json()
            assert row["labels"] == compact_labels(labels)


def test_cli_jsonl(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        '{"url": "https://de.rt.com/a", "date": "2023-01-01", "x": 1}\n'
        '{"url": "bad url"}\n'
        "not json\n"
        "\n"
        '{"url": "https://example.com/", "date": null}\n'
        '{"url": "https://rt.com/", "date": "2016", "labels": "mine"}\n',
        encoding="utf-8",
    )
    code, _ = run_cli("batch", str(source), "-o", str(target))
    assert code == 0
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    assert lines[0]["x"] == 1 and lines[0]["outlet_id"] == "rt" and lines[0]["labels"][0]["kind"] == "state-media"
    assert lines[0]["labels"] == label_url("https://de.rt.com/a", "2023-01-01").to_json()
    assert lines[1]["error"].startswith("not a usable URL") and lines[1]["labels"] == []
    assert lines[2] == {"line": 3, "error": "not JSON (Expecting value: line 1 column 1 (char 0))"}
    assert lines[3]["outlet_id"] is None and lines[3]["error"] is None
    # An input key the output adds is never overwritten (issue #14 item 16): the object is a bad row.
    assert lines[4] == {"line": 6, "error": "the object already has key(s) 'labels', which the output adds"}
    err = capsys.readouterr().err
    assert "line 2: not a usable URL" in err and "line 3: not JSON" in err
    assert "5 rows, 1 labelled, 1 unknown hosts, 3 bad rows" in err


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("link,date\nhttps://rt.com,2016\n", [], "no URL column 'url'"),
        ("url,when\nhttps://rt.com,2016\n", [], "no date column 'date'"),
        ("url,labels\nhttps://rt.com,x\n", ["--no-date"], "already has column(s) 'labels'"),
        ("", [], "the input is empty"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(tmp_path, capsys, content, args, message):
    source = tmp_path / "in.csv"
    source.write_text(content, encoding="utf-8")
    code, _ = run_cli("batch", str(source), "-o", str(tmp_path / "out.csv"), *args)
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_cli_format_and_missing_file(tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text("url\nhttps://rt.com\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", str(tmp_path / "o.txt"))[0] == 2
    assert "--format" in capsys.readouterr().err
    assert run_cli("batch", str(source), "-o", str(tmp_path / "o.txt"), "--format", "csv", "--no-date")[0] == 0
    assert "rt.com" in (tmp_path / "o.txt").read_text(encoding="utf-8")
    assert run_cli("batch", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv"))[0] == 2
    first_jsonl = tmp_path / "in.jsonl"
    first_jsonl.write_text('{"link": "https://rt.com"}\n', encoding="utf-8")
    assert run_cli("batch", str(first_jsonl), "-o", str(tmp_path / "o.jsonl"))[0] == 2
    assert "no URL key 'url'" in capsys.readouterr().err


def test_cli_lists_only_the_first_bad_rows(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("url,date\n" + "bad url,2016\n" * 30 + "https://rt.com,2016\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", str(tmp_path / "out.csv"), "--max-errors", "3")[0] == 0
    err = capsys.readouterr().err
    assert err.count("white space in host") == 3 and "and 27 more bad rows" in err
    assert "31 rows, 1 labelled, 0 unknown hosts, 30 bad rows" in err


# -- data frames and Dask --------------------------------------------------------------------

ADDED = ["outlet_id", "outlet_name", "labels", "labels_json", "error"]


def sample_rows(count):
    hosts = ["de.rt.com", "ruvr.ru", "example.com", "www.bbc.co.uk", "sputniknews.com", "radiosputnik.ria.ru"]
    dates = ["2012-08-16", "2016", "2023-03", None, "2014-11-10", "someday"]
    return [(f"https://{hosts[n % 6]}/{n}", dates[n % 5]) for n in range(count - 1)] + [("not a url", None)]


def test_label_frame_equals_label_many():
    pandas = pytest.importorskip("pandas")
    rows = sample_rows(300)
    frame = pandas.DataFrame(rows, columns=["url", "date"])
    out = label_frame(frame)
    assert list(out.columns)[:2] == ["url", "date"]
    assert set(ADDED) <= set(out.columns)
    for (url, at), record in zip(rows, out.to_dict("records"), strict=True):
        labels, outlet = expected(url, at, "typology", default_registry())
        if isinstance(labels, Exception):
            assert record["error"] == str(labels)
        else:
            assert json.loads(record["labels_json"]) == labels.to_json()
            assert record["outlet_id"] == (outlet.id if outlet else None)


def test_dask_dataframe_and_bag_equal_the_local_path(tmp_path):
    pytest.importorskip("dask", reason="Dask is an optional extra: pip install 'source-provenance[dask]'")
    pandas = pytest.importorskip("pandas")
    import dask
    import dask.bag
    import dask.dataframe

    from provenance.extras.dask import label_dask

    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "extra.toml").write_text(OVERLAY, encoding="utf-8")
    registry = load_registry(overlay)
    rows = sample_rows(3000)
    frame = pandas.DataFrame(rows, columns=["url", "date"])
    local = label_frame(frame, registry=registry)
    for scheduler in ("sync", "threads"):
        with dask.config.set(scheduler=scheduler):
            distributed = label_dask(dask.dataframe.from_pandas(frame, npartitions=4), registry=registry).compute()
        assert distributed[ADDED].to_dict("records") == local[ADDED].to_dict("records")
        assert distributed["url"].tolist() == frame["url"].tolist()
    bag = dask.bag.from_sequence([{"url": u, "date": d, "n": i} for i, (u, d) in enumerate(rows)], npartitions=5)
    records = label_dask(bag, registry=registry).compute(scheduler="sync")
    results = list(label_many(rows, registry=registry))
    assert [r["n"] for r in records] == list(range(len(rows)))
    assert [r["labels"] for r in records] == [r.labels.to_json() for r in results]
    assert [r["outlet_id"] for r in records] == [r.outlet_id for r in results]
    assert records[-1]["error"].startswith("not a usable URL")
    pairs = label_dask(dask.bag.from_sequence(rows[:50], npartitions=2), registry=registry).compute(scheduler="sync")
    assert [r["url"] for r in pairs] == [u for u, _ in rows[:50]]
    with pytest.raises(TypeError):
        label_dask(frame)


def test_repeated_bad_rows_raise_alike(fixture_registry):
    rows = [("", "2016"), ("https://rt.com/x", "n/a"), ("not a url", None)] * 3
    results = list(label_many(rows, registry=fixture_registry))
    for (url, at), result in zip(rows, results, strict=True):
        assert_same(result, url, at, "typology", fixture_registry)
        assert result.error.value == expected(url, at, "typology", fixture_registry)[0].value


def test_cli_standard_output_stays_open(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("url,date\nhttps://rt.com/x,2016\n", encoding="utf-8")
    assert run_cli("batch", str(source), "-o", "-")[0] == 0
    print("still open")
    out = capsys.readouterr().out
    assert out.startswith("url,date,outlet_id,outlet_name,labels,labels_json,error\r\nhttps://rt.com/x,2016,rt,RT,")
    assert out.endswith("still open\n")
