"""Label the rows of a pandas data frame with :func:`~provenance.batch.label_many`: :func:`label_frame`."""

from __future__ import annotations

from typing import Any

from provenance.batch import ADDED_COLUMNS, OutputFields, label_many
from provenance.extras._cells import is_missing, object_series
from provenance.policies import Policy
from provenance.registry import Registry

__all__ = ["label_frame"]


def label_frame(
    frame: Any,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
) -> Any:
    """Label the rows of a pandas data frame: a copy with the added columns.

    The added columns are ``outlet_id``, ``outlet_name``, ``labels``
    (compact, see :func:`~provenance.batch.compact_labels`), ``labels_json`` and ``error``
    (``None`` for good rows), all of object dtype. Missing dates (``None``,
    ``NaN``, ``NaT``) mean the date is unknown.

    Args:
        frame: A :class:`pandas.DataFrame`.
        url_column: The column of URLs.
        date_column: The column of dates, or ``None``.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        The labelled copy.
    """
    urls = frame[url_column].tolist()
    if date_column is None:
        dates: list[object] = [None] * len(urls)
    else:
        dates = [None if is_missing(value) else value for value in frame[date_column].tolist()]
    columns: dict[str, list[str | None]] = {name: [] for name in ADDED_COLUMNS}
    fields = OutputFields()
    for result in label_many(zip(urls, dates, strict=True), policy, registry):
        outlet_id, outlet_name, compact, labels_json = fields.of(result)
        columns["outlet_id"].append(outlet_id or None)
        columns["outlet_name"].append(outlet_name or None)
        columns["labels"].append(compact)
        columns["labels_json"].append(labels_json)
        columns["error"].append(None if result.ok else str(result.error))
    out = frame.copy()
    for name, values in columns.items():
        out[name] = object_series(values, frame.index)
    return out
