""":func:`~provenance.extras.frames.label_frame` on an Arrow table: dictionary-encode, label, take back."""

from __future__ import annotations

import importlib
from typing import Any

from provenance.extras._columns import FLOAT, STRING, Column, Request
from provenance.extras._plan import Encoded, plan


def column_names(table: Any) -> list[str]:
    """The table's column names."""
    return list(table.column_names)


def label_arrow(table: Any, request: Request) -> Any:
    """The Arrow table with the added columns (see :func:`~provenance.extras.frames.label_frame`)."""
    arrow: Any = importlib.import_module("pyarrow")
    compute: Any = importlib.import_module("pyarrow.compute")
    url = _encode(arrow, compute, table.column(request.url_column))
    date = None if request.date_column is None else _encode(arrow, compute, table.column(request.date_column))
    rows, columns = plan(url, date, request)
    picks = arrow.array(rows, arrow.int64())
    for column in columns:
        values = _values(arrow, column, picks)
        if column.name in table.column_names:
            table = table.set_column(table.column_names.index(column.name), column.name, values)
        else:
            table = table.append_column(column.name, values)
    return table


def _encode(arrow: Any, compute: Any, column: Any) -> Encoded:
    """A column's codes (-1 for null) and distinct values."""
    array = column.combine_chunks() if isinstance(column, arrow.ChunkedArray) else column
    if not arrow.types.is_dictionary(array.type):
        array = compute.dictionary_encode(array)
    codes = compute.fill_null(array.indices.cast(arrow.int64()), -1)
    return Encoded(codes.to_numpy(zero_copy_only=False), array.dictionary.to_pylist())


def _values(arrow: Any, column: Column, picks: Any) -> Any:
    """A column's values on every row: dictionary-encoded ``string``, ``float64`` or ``list<string>``.

    Text is dictionary-encoded: rows repeat few distinct values, and a plain
    ``string`` column would copy every cell's text (a label set's JSON on each row).
    """
    if column.kind == STRING:
        encoded = arrow.array(column.values, type=arrow.string()).dictionary_encode()
        return arrow.DictionaryArray.from_arrays(encoded.indices.take(picks), encoded.dictionary)
    kind = arrow.float64() if column.kind == FLOAT else arrow.list_(arrow.string())
    return arrow.array(column.values, type=kind).take(picks)
