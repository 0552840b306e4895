"""Data-frame cells and columns as the integrations read and write them."""

from __future__ import annotations

import importlib
from typing import Any


def is_missing(value: object) -> bool:
    """Whether a data-frame cell means "no value" (``None``, NaN, NaT, ``pandas.NA``).

    >>> is_missing(None), is_missing(float("nan")), is_missing("2016")
    (True, True, False)
    """
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return value.__class__.__name__ == "NAType"


def object_series(values: list[str | None], index: Any) -> Any:
    """A pandas series of object dtype (pandas is imported here, on first use)."""
    pandas: Any = importlib.import_module("pandas")
    return pandas.Series(values, index=index, dtype=object)
