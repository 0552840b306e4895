"""Label a Spark data frame on its executors with :func:`~provenance.batch.label_many`: :func:`label_spark`."""

from __future__ import annotations

import functools
import importlib
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from provenance.batch import BatchInputError, BatchResult, MissingExtraError, OutputFields, label_many
from provenance.extras._cells import is_missing
from provenance.policies import Policy, get_policy
from provenance.registry import Registry

__all__ = ["SPARK_COLUMNS", "label_spark"]

SPARK_COLUMNS = ("outlet_id", "outlet_name", "claim_host", "labels", "labels_json", "error", "date_error")
"""The columns :func:`label_spark` adds, all strings (``NULL`` for what is missing), in this order."""

_RESULT = "__provenance_result__"
"""The temporary struct column the added columns are read from (dropped before the frame is returned)."""


def label_spark(
    dataframe: Any,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    dayfirst: bool | None = None,
    bad_dates: str = "error",
) -> Any:
    """Label the rows of a Spark data frame: the frame with the :data:`SPARK_COLUMNS` added, lazily.

    Each row gets what :func:`~provenance.batch.label_many` gives for its
    ``(url, date)``, as nullable string columns: ``outlet_id``,
    ``outlet_name``, ``claim_host`` (the host of the domain claim that
    matched), ``labels`` (compact, see :func:`~provenance.batch.compact_labels`),
    ``labels_json`` (the labels in JSON form, ``[]`` for none), ``error`` (why the
    row's URL or date could not be read; ``NULL`` for good rows) and
    ``date_error`` (with ``bad_dates="unknown"``: why the date was ignored).
    A column of one of these names in the input is replaced in place; the
    other columns pass through untouched, whatever their types, since only
    the URL and date columns are sent to Python (a pandas UDF over each
    partition's Arrow batches). ``NULL`` dates (and ``NaN``) mean the date is
    unknown; ``DateType`` and ``TimestampType`` columns work as well as text.

    The registry travels to the executors small: one loaded from files
    pickles as the data version plus its overlay paths (which must exist on
    every executor) and is rebuilt once per Python worker; one made in code
    pickles by value. Nothing is computed until an action (``.collect()``,
    ``.write``...).

    Args:
        dataframe: A :class:`pyspark.sql.DataFrame`.
        url_column: The column of URLs.
        date_column: The column of dates, or ``None`` (every date unknown).
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        dayfirst: How to read a numeric date in text (see :func:`~provenance.dates.parse_date`).
        bad_dates: ``"error"``: a row whose date cannot be read gets an ``error``;
            ``"unknown"``: it is labelled as undated and ``date_error`` says why.

    Returns:
        The labelled :class:`pyspark.sql.DataFrame`.

    Raises:
        MissingExtraError: If PySpark, pandas or PyArrow is not installed.
        TypeError: If ``dataframe`` is not a Spark data frame.
        BatchInputError: If the URL or date column is missing.
        UnknownPolicyError: If the policy name is unknown.
        ValueError: If ``bad_dates`` is neither ``"error"`` nor ``"unknown"``.
    """
    sql = _require_spark()
    if not isinstance(dataframe, sql.DataFrame):
        raise TypeError(f"expected a Spark DataFrame, got {type(dataframe).__name__}")
    get_policy(policy)
    if bad_dates not in ("error", "unknown"):
        raise ValueError(f"bad_dates must be 'error' or 'unknown', not {bad_dates!r}")
    missing = [name for name in (url_column, date_column) if name is not None and name not in dataframe.columns]
    if missing:
        raise BatchInputError(f"no column {missing[0]!r}; the data frame has {', '.join(dataframe.columns)}")
    task = _Task(policy, None if registry is None else pickle.dumps(registry), dayfirst, bad_dates)
    functions: Any = importlib.import_module("pyspark.sql.functions")
    dates = functions.lit(None).cast("string") if date_column is None else dataframe[date_column]
    tagged = dataframe.withColumn(_RESULT, _udf(task)(dataframe[url_column], dates))
    return tagged.withColumns({name: tagged[_RESULT][name] for name in SPARK_COLUMNS}).drop(_RESULT)


def _require_spark() -> Any:
    try:
        for name in ("pandas", "pyarrow"):
            importlib.import_module(name)
        return importlib.import_module("pyspark.sql")
    except ImportError:
        raise MissingExtraError(
            "label_spark needs PySpark, pandas and PyArrow: pip install 'source-provenance[spark]'"
        ) from None


@attrs.frozen
class _Task:
    """What every Spark task needs to label its batches; pickled into the task."""

    policy: str | Policy
    registry: bytes | None  # the pickled registry: a few bytes for one loaded from files
    dayfirst: bool | None
    bad_dates: str


def _udf(task: _Task) -> Any:
    """The pandas UDF (an iterator of ``(urls, dates)`` series to an iterator of frames) for ``task``."""
    pandas: Any = importlib.import_module("pandas")
    functions: Any = importlib.import_module("pyspark.sql.functions")
    types: Any = importlib.import_module("pyspark.sql.types")

    def label_batches(batches: Any) -> Any:
        return _label_batches(batches, task)

    # PySpark reads the kind of UDF from these hints; pandas is only imported now, so they are set here.
    label_batches.__annotations__ = {
        "batches": Iterator[tuple[pandas.Series, pandas.Series]],
        "return": Iterator[pandas.DataFrame],
    }
    schema = types.StructType([types.StructField(name, types.StringType(), True) for name in SPARK_COLUMNS])
    return functions.pandas_udf(label_batches, schema)


def _label_batches(batches: Iterable[tuple[Any, Any]], task: _Task) -> Iterator[Any]:
    """Label a partition's batches of ``(urls, dates)`` series (on an executor): a frame of added columns each."""
    pandas: Any = importlib.import_module("pandas")
    registry = _registry(task.registry)
    fields = OutputFields()
    for urls, dates in batches:
        rows = zip(_cells(urls), _cells(dates), strict=True)
        results = label_many(rows, task.policy, registry, dayfirst=task.dayfirst, bad_dates=task.bad_dates)
        columns = _columns(results, fields)
        yield pandas.DataFrame({name: pandas.Series(columns[name], dtype=object) for name in SPARK_COLUMNS})


@functools.lru_cache(maxsize=4)
def _registry(pickled: bytes | None) -> Registry | None:
    """The registry a task carries, rebuilt once per Python worker (its labeller then serves every task)."""
    return None if pickled is None else pickle.loads(pickled)  # bytes the driver pickled


def _cells(series: Any) -> list[object]:
    """A series' values, every missing one (``None``, ``NaN``, ``NaT``) as ``None``."""
    return [None if is_missing(value) else value for value in series.tolist()]


def _columns(results: Iterable[BatchResult], fields: OutputFields) -> dict[str, list[str | None]]:
    columns: dict[str, list[str | None]] = {name: [] for name in SPARK_COLUMNS}
    for result in results:
        outlet_id, outlet_name, compact, labels_json = fields.of(result)
        columns["outlet_id"].append(outlet_id or None)
        columns["outlet_name"].append(outlet_name or None)
        columns["claim_host"].append(None if result.claim is None else result.claim.host)
        columns["labels"].append(compact)
        columns["labels_json"].append(labels_json)
        columns["error"].append(None if result.ok else str(result.error))
        columns["date_error"].append(None if result.date_error is None else str(result.date_error))
    return columns
