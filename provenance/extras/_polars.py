""":func:`~provenance.extras.frames.label_frame` on a polars data frame: encode, label, gather back."""

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
    """A column's codes (-1 for null) and distinct values, by hashing (a join on the distinct values)."""
    cells = polars.DataFrame({"value": series})
    distinct = cells.drop_nulls().unique(maintain_order=True).with_row_index("code")
    coded = cells.with_row_index("row").join(distinct, on="value", how="left").sort("row")
    codes = coded["code"].cast(polars.Int64).fill_null(-1).to_numpy()
    return Encoded(codes, distinct["value"].to_list())


def _values(polars: Any, column: Column) -> Any:
    """A column's values on the output rows: ``String``, ``Float64`` or ``List(String)``."""
    if column.kind == STRING:
        kind = polars.String
    elif column.kind == FLOAT:
        kind = polars.Float64
    else:
        kind = polars.List(polars.String)
    return polars.Series(column.name, column.values, dtype=kind)
