"""Label a Dask data frame or bag, partition by partition: :func:`label_dask`."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from provenance.batch import BatchResult, MissingExtraError, label_many
from provenance.extras._cells import is_missing
from provenance.extras.frames import label_frame
from provenance.policies import Policy, get_policy
from provenance.registry import Registry

__all__ = ["label_dask"]


def label_dask(
    data: Any,
    url_column: str = "url",
    date_column: str | None = "date",
    policy: str | Policy = "typology",
    registry: Registry | None = None,
) -> Any:
    """Label a Dask data frame or bag, partition by partition, with :func:`~provenance.batch.label_many`.

    A data frame gets the columns :func:`~provenance.extras.frames.label_frame` adds. A bag of dicts
    gets the keys ``outlet_id``, ``outlet_name``, ``labels`` (the labels in
    JSON form) and ``error``; a bag of ``(url, date)`` pairs becomes a bag
    of such dicts with ``url`` and ``date`` keys. Nothing is computed until
    you ask (``.compute()``, ``.to_parquet()``...).

    The registry travels to the workers small: a registry loaded from files
    pickles as the data version plus the overlay paths and is rebuilt there
    (the paths must exist on the workers); ``None`` means the shipped data.

    Args:
        data: A :class:`dask.dataframe.DataFrame` or :class:`dask.bag.Bag`.
        url_column: The column (key) of URLs.
        date_column: The column (key) of dates, or ``None``.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        The lazy labelled data frame or bag.

    Raises:
        MissingExtraError: If Dask is not installed.
        TypeError: If ``data`` is neither a Dask data frame nor a bag.
        UnknownPolicyError: If the policy name is unknown.
    """
    _require_dask()
    get_policy(policy)
    bag: Any = importlib.import_module("dask.bag")
    if isinstance(data, bag.Bag):
        return data.map_partitions(label_records, url_column, date_column, policy, registry)
    frames: Any = importlib.import_module("dask.dataframe")
    if isinstance(data, frames.DataFrame):
        utils: Any = importlib.import_module("dask.dataframe.utils")
        # The empty frame labelled: the added columns with their types (label_frame returns a copy).
        meta = label_frame(utils.make_meta(data), url_column, date_column, policy, registry)
        return data.map_partitions(label_frame, url_column, date_column, policy, registry, meta=meta)
    raise TypeError(f"expected a Dask DataFrame or Bag, got {type(data).__name__}")


def _require_dask() -> None:
    try:
        importlib.import_module("dask")
    except ImportError:
        raise MissingExtraError(
            "label_dask needs Dask: pip install 'source-provenance[dask]' (or dask[dataframe] and pandas)"
        ) from None


def label_records(
    records: Iterable[object],
    url_column: str,
    date_column: str | None,
    policy: str | Policy,
    registry: Registry | None,
) -> list[dict[str, Any]]:
    """Label one partition of a bag: dicts keep their keys and get the added ones; pairs become dicts.

    Args:
        records: Dicts with a URL key (and a date key), or ``(url, date)`` pairs.
        url_column: The key of URLs.
        date_column: The key of dates, or ``None``.
        policy: A policy name or :class:`~provenance.policies.Policy`.
        registry: Where the facts come from (default: the shipped data).

    Returns:
        One dict per record, in order.
    """
    kept: list[object] = []

    def pairs() -> Iterator[tuple[object, object]]:
        for record in records:
            kept.append(record)
            url, at = _pair(record, url_column, date_column)
            yield url, None if is_missing(at) else at

    return [
        _labelled_record(kept[number], result) for number, result in enumerate(label_many(pairs(), policy, registry))
    ]


def _pair(record: object, url_column: str, date_column: str | None) -> tuple[object, object]:
    if isinstance(record, dict):
        return record.get(url_column), None if date_column is None else record.get(date_column)
    pair: Any = record
    url, at = pair
    return url, at


def _labelled_record(record: object, result: BatchResult) -> dict[str, Any]:
    base = dict(record) if isinstance(record, dict) else {"url": record[0], "date": record[1]}  # type: ignore[index]
    base.update(
        outlet_id=result.outlet_id,
        outlet_name=result.outlet_name,
        labels=result.labels.to_json(),
        error=None if result.ok else str(result.error),
    )
    return base
