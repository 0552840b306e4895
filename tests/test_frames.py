"""label_frame on pandas and polars data frames and Arrow tables: typed columns, exactly label_many's answers."""

import datetime
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.batch import BatchInputError, label_many
from provenance.domains import registrable_domain
from provenance.errors import UnknownPolicyError
from provenance.extras import _columns
from provenance.extras.frames import label_frame
from provenance.model import Source
from provenance.ratings import Rater, Rating, Scale

PANDAS = "pandas is an optional extra: pip install 'source-provenance[dask]'"
POLARS = "polars is an optional extra: pip install 'source-provenance[polars]'"
ARROW = "pyarrow is an optional extra: pip install 'source-provenance[arrow]'"

URLS = (
    "https://de.rt.com/inland/1",
    "https://rt.com/news/2",
    "http://ruvr.ru/2012_07_11/x.html",
    "http://ruvr.ru/2016_01_02/y.html",
    "https://radiosputnik.ria.ru/20141110/z.html",
    "https://ria.ru/a",
    "https://sputniknews.com/x",
    "https://www.bbc.co.uk/news/1",
    "https://news.bbc.co.uk/2",
    "https://rtde.world/a",
    "HTTPS://RT.COM/UPPER",
    "rt.com/bare/path",
    "https://example.org/a",
    "https://example.org/b",
    "https://news.example.co.uk/c",
    "https://example.org",
    "https://example.org?q=1",
    "https://example.org/a b",
    "https://example.org/" + "x" * 9000,
    "https://rt.com/" + "x" * 9000,
    "https://user@example.org/d",
    "not a url",
    "http://a..b/x",
    "mailto:editor@rt.com",
    "",
    "   ",
    None,
)
DATES = (
    None,
    "2012-08-16",
    "2014-11-10",
    "2016",
    "2023-03",
    "2023-05-01",
    "1990-01-01",
    "someday",
    "10.11.2014",
    "2019-02-30",
)
COLUMNS = {
    "outlet_id",
    "outlet_name",
    "outlet_name_at",
    "registered_domain",
    "state_media",
    "state_media_certainty",
    "sanctioned",
    "labels",
    "labels_json",
    "error",
}


def expected_records(rows, registry, policy="typology", bad_dates="error"):
    """What each row's added cells must be, from label_many on the same rows."""
    records = []
    for (url, _), result in zip(rows, label_many(rows, policy, registry, bad_dates=bad_dates), strict=True):
        if not result.ok:
            blank = url is None or (isinstance(url, str) and not url.strip())
            error = "no URL: the 'url' cell is empty" if blank else str(result.error)
            records.append({"outlet_id": None, "labels_json": None, "error": error, "sanctioned": None})
            continue
        state = result.labels.get("state-media")
        records.append(
            {
                "outlet_id": result.outlet_id,
                "outlet_name": None if result.outlet is None else result.outlet.name,
                "outlet_name_at": result.outlet_name,
                "registered_domain": registrable_domain(url),
                "state_media": None if state is None else state.value,
                "state_media_certainty": None if state is None else state.certainty,
                "sanctioned": list(dict.fromkeys(label.value for label in result.labels if label.kind == "sanctioned")),
                "labels_json": result.labels.to_json(),
                "error": None,
            }
        )
    return records


def null(value):
    return None if value is None or value != value or value.__class__.__name__ == "NAType" else value


def check_records(records, rows, registry, **options):
    for number, (got, want) in enumerate(zip(records, expected_records(rows, registry, **options), strict=True)):
        assert null(got["error"]) == want["error"], (number, rows[number])
        assert null(got["outlet_id"]) == want["outlet_id"], (number, rows[number])
        if want["error"] is not None:
            assert null(got["labels_json"]) is None and got["sanctioned"] is None
            continue
        assert json.loads(got["labels_json"]) == want["labels_json"], (number, rows[number])
        for name in ("outlet_name", "outlet_name_at", "registered_domain", "state_media", "state_media_certainty"):
            assert null(got[name]) == want[name], (number, name, rows[number])
        assert list(got["sanctioned"]) == want["sanctioned"]


rows_strategy = st.lists(st.tuples(st.sampled_from(URLS), st.sampled_from(DATES)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows_strategy)
def test_pandas_frames_equal_label_many_row_by_row(fixture_registry, rows):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    frame = pandas.DataFrame(rows, columns=["url", "date"], dtype=object)
    out = label_frame(frame, registry=fixture_registry)
    check_records(out.to_dict("records"), rows, fixture_registry)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows_strategy)
def test_polars_frames_equal_label_many_row_by_row(fixture_registry, rows):
    polars = pytest.importorskip("polars", reason=POLARS)
    frame = polars.DataFrame(rows, schema={"url": polars.String, "date": polars.String}, orient="row")
    out = label_frame(frame, registry=fixture_registry)
    assert isinstance(out, polars.DataFrame)
    check_records(out.to_dicts(), rows, fixture_registry)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows_strategy)
def test_arrow_tables_equal_label_many_row_by_row(fixture_registry, rows):
    arrow = pytest.importorskip("pyarrow", reason=ARROW)
    table = arrow.table({"url": [u for u, _ in rows], "date": [d for _, d in rows]})
    out = label_frame(table, registry=fixture_registry)
    assert isinstance(out, arrow.Table)
    check_records(out.to_pylist(), rows, fixture_registry)


def sample_rows(count):
    return [(URLS[n % len(URLS)], DATES[n % len(DATES)]) for n in range(count)]


def counting_label_many(monkeypatch):
    seen = []

    def counting(pairs, *args, **kwargs):
        seen.append(list(pairs))
        return label_many(pairs, *args, **kwargs)

    monkeypatch.setattr(_columns, "label_many", counting)
    return seen


def test_each_distinct_value_is_labelled_once(fixture_registry, monkeypatch):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    seen = counting_label_many(monkeypatch)
    rows = sample_rows(len(URLS) * len(DATES)) * 5
    out = label_frame(pandas.DataFrame(rows, columns=["url", "date"]), registry=fixture_registry)
    assert len(out) == len(rows)
    assert all(len(set(pairs)) == len(pairs) for pairs in seen)
    assert sum(map(len, seen)) <= len(URLS) + len(DATES) + len(set(rows))
    check_records(out.to_dict("records"), rows, fixture_registry)


def test_unclaimed_hosts_are_labelled_once_whatever_the_date(fixture_registry, monkeypatch):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    seen = counting_label_many(monkeypatch)
    days = [datetime.date(2000, 1, 1) + datetime.timedelta(days=n) for n in range(50)]
    rows = [(f"https://www.example.org/a/{n % 7}", days[n % 50].isoformat()) for n in range(1000)]
    out = label_frame(pandas.DataFrame(rows, columns=["url", "date"]), registry=fixture_registry)
    # One key (every URL has the plain prefix https://www.example.org), then each date read once; no pair.
    assert [len(pairs) for pairs in seen] == [1, 50]
    check_records(out.to_dict("records"), rows, fixture_registry)


def test_pandas_types_index_and_input_kept(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    rows = sample_rows(50)
    frame = pandas.DataFrame(rows, columns=["url", "date"], index=range(100, 150))
    before = frame.copy()
    out = label_frame(frame, registry=fixture_registry)
    pandas.testing.assert_frame_equal(frame, before)
    assert list(out.index) == list(range(100, 150))
    assert list(out.columns[:2]) == ["url", "date"] and set(out.columns) >= COLUMNS
    for name in COLUMNS - {"sanctioned"}:
        assert out[name].dtype == "string", name
    assert out["sanctioned"].dtype == object
    rt = out[out["outlet_id"] == "rt"]
    assert len(rt) and rt["registered_domain"].isin(["rt.com", "rtde.world"]).all()
    sanctioned = out[out["sanctioned"].map(lambda cell: cell is not None and "EU" in cell)]
    assert set(sanctioned["outlet_id"]) <= {"rt", "sputnik"} and len(sanctioned)
    assert out["sanctioned"].map(lambda cell: cell is None or isinstance(cell, tuple)).all()


def test_undated_frames_and_missing_columns(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    frame = pandas.DataFrame({"url": ["https://rt.com/x", None, float("nan"), ""]})
    for out in (label_frame(frame, registry=fixture_registry), label_frame(frame, date_column=None)):
        assert out["outlet_id"].tolist()[0] == "rt"
        assert out["error"].tolist()[1:] == ["no URL: the 'url' cell is empty"] * 3
    with pytest.raises(BatchInputError, match=r"no date column .shared_at.*date_column=None"):
        label_frame(frame, date_column="shared_at")
    with pytest.raises(BatchInputError, match="no URL column 'link'"):
        label_frame(frame, url_column="link")
    with pytest.raises(UnknownPolicyError):
        label_frame(frame, policy="nope")
    with pytest.raises(ValueError, match="bad_dates"):
        label_frame(frame, bad_dates="skip")
    with pytest.raises(TypeError, match="pandas or polars DataFrame or a pyarrow Table"):
        label_frame([("https://rt.com/x", None)])


def test_date_columns_of_every_type(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    stamps = pandas.to_datetime(["2023-05-01", None, "2012-08-16"])
    frame = pandas.DataFrame({"url": ["https://rt.com/x", "https://rt.com/x", "http://ruvr.ru/y"], "when": stamps})
    out = label_frame(frame, date_column="when", registry=fixture_registry)
    rows = [
        ("https://rt.com/x", datetime.date(2023, 5, 1)),
        ("https://rt.com/x", None),
        ("http://ruvr.ru/y", "2012-08-16"),
    ]
    check_records(out.to_dict("records"), rows, fixture_registry)
    assert "EU" in out["sanctioned"].tolist()[0]


def test_bad_dates_unknown_and_dayfirst(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    frame = pandas.DataFrame({"url": ["https://rt.com/x"] * 3, "date": ["someday", "10.11.2014", "2023-05-01"]})
    out = label_frame(frame, registry=fixture_registry, bad_dates="unknown")
    assert out["error"].isna().all()
    assert out["date_error"].tolist()[0].startswith("cannot read date 'someday'")
    assert out["date_error"].isna().tolist() == [False, False, True]
    check_records(out.to_dict("records"), list(frame.itertuples(index=False)), fixture_registry, bad_dates="unknown")
    strict = label_frame(frame, registry=fixture_registry)
    assert "date_error" not in strict.columns and strict["error"].notna().tolist() == [True, True, False]
    dayfirst = label_frame(frame, registry=fixture_registry, dayfirst=True)
    assert dayfirst["error"].notna().tolist() == [True, False, False]


def rated(registry):
    cite = (Source("https://example.org/ratings", "Ratings"),)
    scales = (Scale("stars", "reliability", "ordinal", ("low", "high")),)
    two = (*scales, Scale("lean", "bias", "numeric", minimum=0, maximum=10))
    return registry.extended(
        [
            Rater("stars-inc", "Stars Inc.", scales, sources=cite),
            Rater("two-axes", "Two Axes", two, sources=cite),
            Rating("stars-inc", "stars", "reliability", "high", 1.0, outlet="bbc", sources=cite),
            Rating("stars-inc", "stars", "reliability", "low", 0.0, host="example.org", sources=cite),
            Rating("two-axes", "lean", "bias", "5", 0.5, outlet="rt", sources=cite),
        ]
    )


def test_one_rating_column_per_rater_and_axis(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    registry = rated(fixture_registry)
    urls = ["https://www.bbc.co.uk/a", "https://example.org/b", "https://rt.com/c", "https://nobody.example/d", "x y"]
    out = label_frame(pandas.DataFrame({"url": urls}), registry=registry)
    names = ["rating_stars-inc", "rating_two-axes_bias", "rating_two-axes_reliability"]
    assert [name for name in out.columns if name.startswith("rating_")] == names
    assert out[names[0]].dtype == "Float64"
    assert out[names[0]].tolist()[:4] == [1.0, 0.0, pandas.NA, pandas.NA]
    assert out[names[1]].tolist()[:3] == [pandas.NA, pandas.NA, 0.5]
    assert out[names[2]].isna().all()


def test_polars_and_arrow_types(fixture_registry):
    polars = pytest.importorskip("polars", reason=POLARS)
    arrow = pytest.importorskip("pyarrow", reason=ARROW)
    registry = rated(fixture_registry)
    days = [datetime.date(2023, 5, 1), None, datetime.date(2012, 8, 16)]
    urls = ["https://rt.com/x", "https://www.bbc.co.uk/y", "http://ruvr.ru/z"]
    out = label_frame(polars.DataFrame({"url": urls, "day": days}), date_column="day", registry=registry)
    assert out.schema["outlet_id"] == polars.String and out.schema["rating_stars-inc"] == polars.Float64
    assert out.schema["sanctioned"] == polars.List(polars.String)
    assert out.filter(polars.col("sanctioned").list.contains("EU"))["outlet_id"].to_list() == ["rt"]
    check_records(out.to_dicts(), list(zip(urls, days, strict=True)), registry)
    chunks = arrow.chunked_array([urls[:1], urls[1:]])
    table = arrow.table({"url": chunks, "day": arrow.array(days, arrow.date32())})
    got = label_frame(table, date_column="day", registry=registry)
    assert got.schema.field("sanctioned").type == arrow.list_(arrow.string())
    assert got.schema.field("rating_stars-inc").type == arrow.float64()
    assert got.schema.field("outlet_id").type == arrow.dictionary(arrow.int32(), arrow.string())
    compute = pytest.importorskip("pyarrow.compute", reason=ARROW)
    assert got.filter(compute.field("outlet_id") == "rt").column("url").to_pylist() == ["https://rt.com/x"]
    assert got.to_pylist() == out.to_dicts()
    encoded = table.set_column(0, "url", arrow.chunked_array([chunk.dictionary_encode() for chunk in chunks.chunks]))
    assert (
        label_frame(encoded, date_column="day", registry=registry)
        .drop_columns(["url"])
        .equals(got.drop_columns(["url"]))
    )


def test_empty_frames_of_every_kind(fixture_registry):
    pandas = pytest.importorskip("pandas", reason=PANDAS)
    polars = pytest.importorskip("polars", reason=POLARS)
    arrow = pytest.importorskip("pyarrow", reason=ARROW)
    empty = label_frame(pandas.DataFrame({"url": [], "date": []}, dtype=object), registry=fixture_registry)
    assert len(empty) == 0 and set(empty.columns) >= COLUMNS
    assert len(label_frame(polars.DataFrame({"url": []}, schema={"url": polars.String}))) == 0
    assert label_frame(arrow.table({"url": arrow.array([], arrow.string())})).num_rows == 0


def test_added_columns_replace_columns_of_the_same_name(fixture_registry):
    polars = pytest.importorskip("polars", reason=POLARS)
    arrow = pytest.importorskip("pyarrow", reason=ARROW)
    rows = {"url": ["https://rt.com/x"], "outlet_id": ["old"]}
    assert label_frame(polars.DataFrame(rows), registry=fixture_registry)["outlet_id"].to_list() == ["rt"]
    table = label_frame(arrow.table(rows), registry=fixture_registry)
    assert table.column_names.count("outlet_id") == 1 and table.column("outlet_id").to_pylist() == ["rt"]


def test_importing_frames_imports_no_frame_library():
    code = (
        "import sys, provenance.extras.frames, provenance.extras.pandas; "
        "print([m for m in ('pandas', 'polars', 'pyarrow', 'numpy') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_old_entry_is_the_same_function():
    import provenance.batch
    import provenance.extras.pandas

    assert provenance.extras.pandas.label_frame is label_frame
    assert provenance.batch.label_frame is label_frame
