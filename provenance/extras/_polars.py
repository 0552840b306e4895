""":func:`~provenance.extras.frames.label_frame` on a polars data frame: rank, label distinct pairs, gather back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, STRING, Column, Request


def column_names(frame: Any) -> list[str]:
    """The frame's column names."""
    return list(frame.columns)


def label_polars(frame: Any, request: Request) -> Any:
    """The polars data frame with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    polars: Any = importlib.import_module("polars")
    url = polars.col(request.url_column).alias("url")
    date = polars.lit(None) if request.date_column is None else polars.col(request.date_column)
    pair = polars.struct(url, date.alias("date"))
    coded = frame.select(pair.rank("dense").cast(polars.Int64).alias("code") - 1, url, date.alias("date"))
    distinct = coded.unique(subset="code", keep="first").sort("code")
    pairs = list(zip(distinct["url"].to_list(), distinct["date"].to_list(), strict=True))
    added = request.label_pairs(pairs)
    rows = polars.Series(added.row_of_pair, dtype=polars.Int64).gather(coded["code"])
    return frame.with_columns([_values(polars, column).gather(rows) for column in added.columns])


def _values(polars: Any, column: Column) -> Any:
    """A column's values on the output rows: ``String``, ``Float64`` or ``List(String)``."""
    if column.kind == STRING:
        kind = polars.String
    elif column.kind == FLOAT:
        kind = polars.Float64
    else:
        kind = polars.List(polars.String)
    return polars.Series(column.name, column.values, dtype=kind)
