"""Label millions of URLs fast: :func:`label_many`, the :class:`Labeller`, and CSV / JSON Lines files.

:func:`label_many` takes an iterable of ``(url, date)`` pairs and yields one
result per row, in order, giving exactly what :func:`~provenance.labelling.label_url`
gives for each row. It streams: it reads one row, yields its result, then
reads the next, so memory stays flat whatever the input's length. A row whose
URL or date cannot be read yields a :class:`BadRow` carrying the typed error
and the row number, and the rest goes on.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "rt", "name": "RT", "country": "RU", "kind": "broadcaster", "start": "2005-12-10"}],
...     relations=[{"subject": "state-ru", "kind": kind, "object": "rt"} for kind in ("funds", "owns")],
...     assessments=[{"subject": "rt", "assessor": "eu", "kind": "sanction", "value": "EU",
...                   "instrument": "Council Regulation (EU) 2022/350", "start": "2022-03-01"}],
...     domains=[{"host": "rt.com", "outlet": "rt"}])
>>> rows = [("https://de.rt.com/a", "2023-05-01"), ("https://example.org/", None), ("not a url", "2020")]
>>> for result in label_many(rows, registry=reg):
...     print(result.ok, result.outlet_id, compact_labels(result.labels))
True rt state-media=SC?;state-media=ISFM?;sanctioned=EU
True None
False None
>>> bad = list(label_many([("rt.com", "someday")], registry=reg))[0]
>>> bad.row, type(bad.error).__name__
(1, 'DateParseError')

The caches live on the registry (one labeller per policy whose
:attr:`~provenance.policies.Policy.segment_shareable` is set), are bounded,
and only ever hold values computed from the immutable registry, so threads
may share them.

The pandas and Dask integrations live in :mod:`provenance.extras`
(:func:`provenance.extras.pandas.label_frame`,
:func:`provenance.extras.dask.label_dask`). ``provenance.batch.label_frame``
and ``provenance.batch.label_dask`` still work: they are looked up there on
first use (so ``import provenance.batch`` imports neither pandas nor Dask,
nor :mod:`provenance.extras`).

Inside: ``_labeller`` (the labeller and its hot loop), ``_urls`` (reading
hosts fast), ``_segments`` (date keys and segments of constant facts),
``_results`` (results and errors), ``_csv_rows`` and ``_json_rows`` (reading
input rows), ``_files`` (the file front ends).
"""

from __future__ import annotations

import importlib
from typing import Any

from provenance.batch._files import BatchSummary, label_file
from provenance.batch._labeller import Labeller, label_many
from provenance.batch._results import (
    ADDED_COLUMNS,
    BadRow,
    BatchInputError,
    BatchResult,
    Labelled,
    MissingExtraError,
    OutputFields,
    compact_labels,
)

__all__ = [
    "ADDED_COLUMNS",
    "BadRow",
    "BatchInputError",
    "BatchResult",
    "BatchSummary",
    "Labelled",
    "Labeller",
    "MissingExtraError",
    "OutputFields",
    "compact_labels",
    "label_dask",
    "label_file",
    "label_frame",
    "label_many",
]

# The data-frame integrations, by the module that defines them (imported on first use only).
_EXTRAS = {"label_frame": "provenance.extras.pandas", "label_dask": "provenance.extras.dask"}


def __getattr__(name: str) -> Any:
    """``label_frame`` and ``label_dask``, from :mod:`provenance.extras`, on first use."""
    module = _EXTRAS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
