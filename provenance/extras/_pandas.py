""":func:`~provenance.extras.frames.label_frame` on a pandas data frame: factorize, label, take back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, LIST, STRING, Column, Request
from provenance.extras._plan import Encoded, plan


def column_names(frame: Any) -> list[str]:
    """The frame's column names."""
    return [str(name) for name in frame.columns]


def label_pandas(frame: Any, request: Request) -> Any:
    """A copy of a pandas data frame with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    pandas: Any = importlib.import_module("pandas")
    numpy: Any = importlib.import_module("numpy")
    url = _encode(pandas, frame[request.url_column])
    date = None if request.date_column is None else _encode(pandas, frame[request.date_column])
    rows, columns = plan(url, date, request)
    out = frame.copy()
    for column in columns:
        out[column.name] = pandas.Series(_values(pandas, numpy, column, rows), index=frame.index, name=column.name)
    return out


def _encode(pandas: Any, series: Any) -> Encoded:
    """A column's codes (-1 for ``None``, NaN, ``NaT``, ``NA``) and distinct values."""
    codes, distinct = pandas.factorize(series)
    return Encoded(codes, distinct.tolist())


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
