""":func:`~provenance.extras.frames.label_frame` on a pandas data frame: factorize, label distinct pairs, take back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, LIST, STRING, Column, Request


def column_names(frame: Any) -> list[str]:
    """The frame's column names."""
    return [str(name) for name in frame.columns]


def label_pandas(frame: Any, request: Request) -> Any:
    """A copy of a pandas data frame with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    pandas: Any = importlib.import_module("pandas")
    numpy: Any = importlib.import_module("numpy")
    url_codes, urls = pandas.factorize(frame[request.url_column])  # null cells: -1
    if request.date_column is None:
        date_codes, dates = numpy.full(len(url_codes), -1, dtype="int64"), []
    else:
        date_codes, dates = pandas.factorize(frame[request.date_column])
    width = len(dates) + 1
    # One number per (url, date) pair; -1 (null) becomes 0, so the division below reads it back.
    combined = (url_codes.astype("int64") + 1) * width + (date_codes + 1)
    pair_codes, distinct = pandas.factorize(combined)
    distinct = numpy.asarray(distinct, dtype="int64")
    url_values = numpy.asarray([None, *list(urls)], dtype=object)[distinct // width]
    date_values = numpy.asarray([None, *list(dates)], dtype=object)[distinct % width]
    added = request.label_pairs(list(zip(url_values.tolist(), date_values.tolist(), strict=True)))
    rows = numpy.asarray(added.row_of_pair, dtype="int64")[pair_codes]
    out = frame.copy()
    for column in added.columns:
        out[column.name] = pandas.Series(_values(pandas, numpy, column, rows), index=frame.index, name=column.name)
    return out


def _values(pandas: Any, numpy: Any, column: Column, rows: Any) -> Any:
    """A column's values on every row: nullable ``string`` (Python storage) and ``Float64`` arrays, tuples of text."""
    if column.kind == STRING:
        # Python storage: rows share the text objects of their output row (Arrow storage would copy every cell).
        return pandas.array(column.values, dtype=pandas.StringDtype("python")).take(rows)
    if column.kind == FLOAT:
        return pandas.array(column.values, dtype="Float64").take(rows)
    assert column.kind == LIST
    cells = numpy.empty(len(column.values), dtype=object)
    cells[:] = [None if value is None else tuple(value) for value in column.values]  # tuples: rows share them
    return cells[rows]
