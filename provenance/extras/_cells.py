"""Data-frame cells and columns as the integrations read and write them."""

from __future__ import annotations


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
