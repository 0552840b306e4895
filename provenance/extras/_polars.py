""":func:`~provenance.extras.frames.label_frame` on a polars data frame: rank, label, gather back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, STRING, Column, Request
from provenance.extras._plan import Encoded, plan


def column_names(frame: Any) -> list[str]:
    """The frame's column names."""
    return list(frame.columns)


def label_polars(frame: Any, request: Request) -> Any:
    """The polars data frame with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    polars: Any = importlib.import_module("polars")
    url = _encode(polars, frame[request.url_column])
    date = None if request.date_column is None else _encode(polars, frame[request.date_column])
    rows, columns = plan(url, date, request)
    picks = polars.Series(rows)
    return frame.with_columns([_values(polars, column).gather(picks) for column in columns])


def _encode(polars: Any, series: Any) -> Encoded:
    """A column's codes (-1 for null) and distinct values."""
    coded = polars.DataFrame({"value": series}).with_columns(
        (polars.col("value").rank("dense").cast(polars.Int64) - 1).alias("code")
    )
    distinct = coded.drop_nulls("code").unique("code").sort("code")["value"].to_list()
    return Encoded(coded["code"].fill_null(-1).to_numpy(), distinct)


def _values(polars: Any, column: Column) -> Any:
    """A column's values on the output rows: ``String``, ``Float64`` or ``List(String)``."""
    if column.kind == STRING:
        kind = polars.String
    elif column.kind == FLOAT:
        kind = polars.Float64
    else:
        kind = polars.List(polars.String)
    return polars.Series(column.name, column.values, dtype=kind)
