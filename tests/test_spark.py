"""label_spark: exactly what label_many gives, on a local Spark session (``make test-spark``).

The tests marked ``spark`` start a JVM (about 20 s) and are left out of the
default run; ``pytest -m spark`` runs them. The others check the task side
(the code each executor runs) with pandas alone, and run by default.
"""

import datetime
import decimal
import json
import os
import shutil
import socket
import subprocess
import sys

import pytest

from provenance.batch import BatchInputError, MissingExtraError, compact_labels, label_many
from provenance.errors import UnknownPolicyError
from provenance.extras.spark import SPARK_COLUMNS, _label_batches, _registry, _Task, label_spark
from provenance.registry import default_registry, load_registry
from tests.test_batch import OVERLAY

# PySpark 4 warns that it is not yet tested with pandas 3; the results are checked here all the same.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

SPARK_REASON = "PySpark is an optional extra: pip install 'source-provenance[spark]' (make test-spark)"
LOOPBACK = ("127.0.0.1", "::1", "localhost")

URLS = [
    "https://de.rt.com/a",
    "https://ruvr.ru/b",
    "https://example.com/c",
    "https://www.bbc.co.uk/news/d",
    "https://sputniknews.com/e",
    "https://radiosputnik.ria.ru/f",
    "not a url",
    "",
    None,
]
DATES = ["2012-08-16", "2016", "2023-03", None, "2014-11-10", "someday", "10.11.2014", "2022-03-02"]


def sample(count=120):
    """``(n, url, date text, day)`` rows mixing known and unknown hosts, bad URLs, bad and missing dates."""
    rows = []
    for n in range(count):
        url, text = URLS[n % len(URLS)], DATES[n % len(DATES)]
        day = None if n % 7 == 0 else datetime.date(2000 + n % 25, 1 + n % 12, 1 + n % 28)
        rows.append((n, url, text, day))
    return rows


def assert_rows_match(records, pairs, registry=None, policy="typology", **options):
    """Each record's added columns are what label_many gives for its ``(url, date)`` pair."""
    results = list(label_many(pairs, policy, registry, **options))
    assert len(records) == len(results)
    for record, result, pair in zip(records, results, pairs, strict=True):
        assert record["outlet_id"] == result.outlet_id, pair
        assert record["outlet_name"] == result.outlet_name, pair
        assert record["claim_host"] == (None if result.claim is None else result.claim.host), pair
        assert json.loads(record["labels_json"]) == result.labels.to_json(), pair
        assert record["labels"] == compact_labels(result.labels), pair
        assert record["error"] == (None if result.ok else str(result.error)), pair
        assert record["date_error"] == (None if result.date_error is None else str(result.date_error)), pair


# -- the task side, with pandas alone ----------------------------------------------------------


def test_batches_equal_label_many():
    pandas = pytest.importorskip("pandas", reason="the Spark task side runs on pandas series")
    rows = sample()
    urls = pandas.Series([url for _, url, _, _ in rows], dtype=object)
    dates = pandas.Series([text for _, _, text, _ in rows], dtype=object)
    task = _Task("typology", None, None, "error")
    frames = list(_label_batches([(urls[:50], dates[:50]), (urls[50:], dates[50:])], task))
    assert [len(frame) for frame in frames] == [50, len(rows) - 50]
    assert all(list(frame.columns) == list(SPARK_COLUMNS) for frame in frames)
    records = [record for frame in frames for record in frame.to_dict("records")]
    assert_rows_match(records, [(url, text) for _, url, text, _ in rows])


def test_missing_cells_are_none_before_labelling():
    pandas = pytest.importorskip("pandas", reason="the Spark task side runs on pandas series")
    task = _Task("typology", None, None, "error")
    urls = pandas.Series(["https://rt.com/a", None, float("nan")], dtype=object)
    dates = pandas.Series(pandas.to_datetime(["2023-05-01", None, "2016-01-01"]))
    (frame,) = _label_batches([(urls, dates)], task)
    records = frame.to_dict("records")
    assert records[0]["outlet_id"] == "rt"
    missing = "not a usable URL or host None: expected a string, got NoneType"
    assert records[1]["error"] == records[2]["error"] == missing


def test_the_registry_is_rebuilt_once_per_worker(tmp_path):
    import pickle

    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "extra.toml").write_text(OVERLAY, encoding="utf-8")
    pickled = pickle.dumps(load_registry(overlay))
    assert len(pickled) < 500  # the data version and the overlay's path, not the records
    first = _registry(pickled)
    assert first is _registry(bytes(pickled)) and first.outlet_for_url("https://example.com/").id == "example-news"
    assert _registry(None) is None


def test_importing_the_adapter_imports_no_data_frame_library():
    code = "import sys, provenance.extras.spark; print(sorted({'pyspark', 'pandas', 'pyarrow'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_without_pyspark_a_missing_extra_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(MissingExtraError, match=r"source-provenance\[spark\]"):
        label_spark(object())


# -- on a local Spark session --------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """As tests/conftest.py's, but Python may talk to its own JVM on the loopback interface."""
    connect, connect_ex, getaddrinfo, create_connection = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    )

    def loopback_only(address):
        if not (isinstance(address, tuple) and address[0] in LOOPBACK):
            raise AssertionError(f"the library tried to open a network connection to {address!r}")

    def checked_connect(self, address):
        loopback_only(address)
        return connect(self, address)

    def checked_connect_ex(self, address):
        loopback_only(address)
        return connect_ex(self, address)

    def checked_getaddrinfo(host, *args, **kwargs):
        loopback_only((host,))
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", checked_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", checked_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", checked_getaddrinfo)

    def checked_create_connection(address, *args, **kwargs):
        loopback_only(address)
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", checked_create_connection)


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    """One local Spark session (two cores, no UI, small batches so partitions have several) for the module."""
    pytest.importorskip("pyspark", reason=SPARK_REASON)
    pytest.importorskip("pandas", reason=SPARK_REASON)
    pytest.importorskip("pyarrow", reason=SPARK_REASON)
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("Spark needs Java (17 or later) on the PATH or in JAVA_HOME")
    from pyspark.sql import SparkSession

    scratch = tmp_path_factory.mktemp("spark")
    settings = {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.local.dir": str(scratch / "local"),
        "spark.sql.warehouse.dir": str(scratch / "warehouse"),
        "spark.sql.execution.arrow.maxRecordsPerBatch": "16",
        "spark.sql.session.timeZone": "UTC",
    }
    builder = SparkSession.builder.master("local[2]").appName("provenance-tests")
    for key, value in settings.items():
        builder = builder.config(key, value)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)  # the executors' Python: this one, with its packages
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


SCHEMA = "n long, url string, date string, day date, price decimal(10,2), tags map<string,int>"


@pytest.fixture(scope="module")
def frame(spark):
    rows = [(n, url, text, day, decimal.Decimal(n) / 4, {"n": n} if n % 3 else None) for n, url, text, day in sample()]
    return spark.createDataFrame(rows, SCHEMA).repartition(3, "n")


def collected(dataframe):
    return sorted((row.asDict() for row in dataframe.collect()), key=lambda record: record["n"])


@pytest.mark.spark
def test_label_spark_equals_label_many_on_the_same_rows(frame):
    out = label_spark(frame)
    assert out.columns == [*frame.columns, *SPARK_COLUMNS]
    assert out.schema.fields[: len(frame.columns)] == frame.schema.fields
    assert {field.dataType.simpleString() for field in out.schema.fields[len(frame.columns) :]} == {"string"}
    plan = out._jdf.queryExecution().executedPlan().toString()
    assert plan.count("ArrowEvalPython") == 1  # one pass over the rows, not one per added column
    records = collected(out)
    inputs = collected(frame)
    assert [{k: r[k] for k in frame.columns} for r in records] == inputs  # every input column untouched
    assert_rows_match(records, [(r["url"], r["date"]) for r in inputs])
    errors = {r["error"] for r in records} - {None}
    assert any(e.startswith("not a usable URL") for e in errors) and any("someday" in e for e in errors)


@pytest.mark.spark
def test_date_columns_of_dates_and_none_and_the_date_options(frame):
    inputs = collected(frame)
    assert_rows_match(collected(label_spark(frame, date_column="day")), [(r["url"], r["day"]) for r in inputs])
    undated = collected(label_spark(frame.select("n", "url"), date_column=None, policy="x-2020"))
    assert_rows_match(undated, [(r["url"], None) for r in inputs], policy="x-2020")
    lenient = collected(label_spark(frame, bad_dates="unknown", dayfirst=True))
    assert_rows_match(lenient, [(r["url"], r["date"]) for r in inputs], bad_dates="unknown", dayfirst=True)
    assert any(r["date_error"] for r in lenient)


@pytest.mark.spark
def test_an_overlay_registry_reaches_the_executors(spark, frame, tmp_path):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "extra.toml").write_text(OVERLAY, encoding="utf-8")
    registry = load_registry(overlay)
    records = collected(label_spark(frame, registry=registry))
    assert_rows_match(records, [(r["url"], r["date"]) for r in collected(frame)], registry=registry)
    matched = {r["outlet_id"] for r in records if r["url"] == "https://example.com/c" and not r["error"]}
    assert matched == {"example-news"}
    assert "example-news" not in default_registry()


@pytest.mark.spark
def test_an_empty_frame_and_a_replaced_column(spark):
    empty = spark.createDataFrame([], "url string, date string")
    out = label_spark(empty)
    assert out.columns == ["url", "date", *SPARK_COLUMNS] and out.collect() == []
    labelled = spark.createDataFrame([("https://rt.com/x", "2023", "old")], "url string, date string, error string")
    again = label_spark(labelled)
    assert again.columns == ["url", "date", "error", *(c for c in SPARK_COLUMNS if c != "error")]
    assert again.collect()[0]["error"] is None


@pytest.mark.spark
def test_what_is_refused_before_any_work(spark):
    frame = spark.createDataFrame([("https://rt.com/x",)], "link string")
    with pytest.raises(BatchInputError, match="no column 'url'"):
        label_spark(frame)
    with pytest.raises(BatchInputError, match="no column 'date'"):
        label_spark(frame, url_column="link")
    with pytest.raises(UnknownPolicyError):
        label_spark(frame, url_column="link", date_column=None, policy="nope")
    with pytest.raises(ValueError, match="bad_dates"):
        label_spark(frame, url_column="link", date_column=None, bad_dates="skip")
    with pytest.raises(TypeError, match="Spark DataFrame"):
        label_spark([], url_column="link", date_column=None)
