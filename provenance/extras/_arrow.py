""":func:`~provenance.extras.frames.label_frame` on an Arrow table: dictionary-encode, label distinct pairs, take back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, STRING, Column, Request


def column_names(table: Any) -> list[str]:
    """The table's column names."""
    return list(table.column_names)


def label_arrow(table: Any, request: Request) -> Any:
    """The Arrow table with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    arrow: Any = importlib.import_module("pyarrow")
    compute: Any = importlib.import_module("pyarrow.compute")
    url_codes, urls = _encode(arrow, compute, table.column(request.url_column))
    if request.date_column is None:
        date_codes, dates = arrow.nulls(len(url_codes), arrow.int64()), []
    else:
        date_codes, dates = _encode(arrow, compute, table.column(request.date_column))
    width = len(dates) + 1
    # One number per (url, date) pair; null (-1) becomes 0, so the division below reads it back.
    combined = compute.add(
        compute.multiply(compute.add(compute.fill_null(url_codes, -1), 1), width),
        compute.add(compute.fill_null(date_codes, -1), 1),
    )
    pairs_encoded = compute.dictionary_encode(combined)
    url_values, date_values = [None, *urls], [None, *dates]
    pairs = [
        (url_values[number // width], date_values[number % width]) for number in pairs_encoded.dictionary.to_pylist()
    ]
    added = request.label_pairs(pairs)
    rows = arrow.array(added.row_of_pair, arrow.int64()).take(pairs_encoded.indices)
    for column in added.columns:
        values = _values(arrow, column).take(rows)
        if column.name in table.column_names:
            table = table.set_column(table.column_names.index(column.name), column.name, values)
        else:
            table = table.append_column(column.name, values)
    return table


def _encode(arrow: Any, compute: Any, column: Any) -> tuple[Any, list[Any]]:
    """A column's codes (``int64``, null where the cell is null) and its distinct values."""
    array = column.combine_chunks() if isinstance(column, arrow.ChunkedArray) else column
    if not arrow.types.is_dictionary(array.type):
        array = compute.dictionary_encode(array)
    return array.indices.cast(arrow.int64()), array.dictionary.to_pylist()


def _values(arrow: Any, column: Column) -> Any:
    """A column's values on the output rows: ``string``, ``float64`` or ``list<string>``."""
    if column.kind == STRING:
        kind = arrow.string()
    elif column.kind == FLOAT:
        kind = arrow.float64()
    else:
        kind = arrow.list_(arrow.string())
    return arrow.array(column.values, type=kind)
