"""Label the rows of a pandas or polars data frame or an Arrow table: :func:`label_frame`.

Each library is imported only when a frame of its kind is given (the kind is
read from the module of the frame's type first), so none is needed for the
others.
"""

from __future__ import annotations

from typing import Any

from provenance.batch import BatchInputError
from provenance.extras import _arrow, _pandas, _polars
from provenance.extras._columns import Request
from provenance.policies import Policy, get_policy
from provenance.registry import Registry, default_registry

__all__ = ["label_frame"]

DEFAULT_DATE_COLUMN = "date"
"""The date column :func:`label_frame` reads by default, when the frame has one."""

_ADAPTERS = {
    "pandas": (_pandas.column_names, _pandas.label_pandas),
    "polars": (_polars.column_names, _polars.label_polars),
    "pyarrow": (_arrow.column_names, _arrow.label_arrow),
}


def label_frame(
    frame: Any,
    url_column: str = "url",
    date_column: str | None = DEFAULT_DATE_COLUMN,
    policy: str | Policy = "typology",
    registry: Registry | None = None,
    *,
    dayfirst: bool | None = None,
    bad_dates: str = "error",
) -> Any:
    """Label the rows of a pandas or polars data frame or an Arrow table: the same kind, with typed columns added.

    Each distinct (URL, date) pair is labelled once by :func:`~provenance.batch.label_many`
    and the columns are mapped back to the rows, so every row gets exactly what
    ``label_many`` gives it. The added columns (null where there is nothing):

    - ``outlet_id``, ``outlet_name`` (the outlet's one stable name),
      ``outlet_name_at`` (its name at the row's date), ``registered_domain``
      (the URL's registrable domain, from the public-suffix list);
    - ``state_media`` (the first ``state-media`` label's code) and
      ``state_media_certainty`` (``certain`` or ``possible``);
    - ``sanctioned``: the jurisdictions of the ``sanctioned`` labels, a list
      (empty when none);
    - one ``rating_<rater id>`` column of numbers (0 to 1) per rater in the
      registry (``rating_<rater id>_<axis>`` for a rater rating several axes);
    - ``labels`` (compact, see :func:`~provenance.batch.compact_labels`),
      ``labels_json`` (every label in JSON form) and ``error`` (why the row could
      not be labelled; null for good rows; a row without a URL says so);
    - with ``bad_dates="unknown"``, ``date_error``: why a row labelled as
      undated had a date that could not be read.

    Text columns are pandas ``string``, polars ``String`` or Arrow
    ``dictionary<int32, string>``; ratings ``Float64`` / ``float64``;
    ``sanctioned`` a tuple per cell in pandas, ``List(String)`` in polars,
    ``list<string>`` in Arrow. Null dates (``None``,
    NaN, ``NaT``) mean the date is unknown.

    Args:
        frame: A :class:`pandas.DataFrame`, a :class:`polars.DataFrame` or a :class:`pyarrow.Table`.
        url_column: The column of URLs.
        date_column: The column of dates (text, dates or timestamps), or ``None``
            when there is none. The default, ``"date"``, is read when the frame has
            such a column and otherwise means undated rows.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).
        dayfirst: ``True`` to read numeric dates day-first, ``False`` month-first,
            ``None`` to refuse those that could be either.
        bad_dates: ``"error"`` (a row whose date cannot be read is an error row)
            or ``"unknown"`` (it is labelled as undated).

    Returns:
        A new frame or table of the kind given, with the added columns (replacing
        any of the same name).

    Raises:
        TypeError: If ``frame`` is not a pandas or polars data frame or an Arrow table.
        BatchInputError: If the URL column, or a date column other than the default, is missing.
        UnknownPolicyError: If the policy name is unknown.
        ValueError: If ``bad_dates`` is neither ``"error"`` nor ``"unknown"``.
    """
    kind = type(frame).__module__.partition(".")[0]
    adapter = _ADAPTERS.get(kind)
    if adapter is None or (kind == "pyarrow" and type(frame).__name__ != "Table"):
        raise TypeError(f"expected a pandas or polars DataFrame or a pyarrow Table, got {type(frame).__name__}")
    names, label = adapter
    if bad_dates not in ("error", "unknown"):
        raise ValueError(f"bad_dates must be 'error' or 'unknown', not {bad_dates!r}")
    chosen = registry if registry is not None else default_registry()
    date_column = _date_column(names(frame), url_column, date_column)
    return label(frame, Request(url_column, date_column, get_policy(policy), chosen, dayfirst, bad_dates))


def _date_column(columns: list[str], url_column: str, date_column: str | None) -> str | None:
    """The date column to read, after checking the columns named exist."""
    if url_column not in columns:
        raise BatchInputError(f"no URL column {url_column!r} in the frame (columns: {', '.join(columns) or 'none'})")
    if date_column is None or date_column in columns:
        return date_column
    if date_column == DEFAULT_DATE_COLUMN:
        return None
    raise BatchInputError(
        f"no date column {date_column!r} in the frame (columns: {', '.join(columns)}); "
        "pass date_column=None to label undated rows"
    )
