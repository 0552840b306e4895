"""The columns :func:`~provenance.extras.frames.label_frame` adds, computed once per distinct (URL, date) pair.

Library-neutral: the adapters (``_pandas``, ``_polars``, ``_arrow``) encode
their URL and date columns into distinct pairs and a code per row, this
module labels each pair with :func:`~provenance.batch.label_many` and gives
one output row per distinct result (and registered domain), and the adapters
gather the columns back by code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from provenance.batch import BatchResult, OutputFields, label_many
from provenance.domains import normalize_host, registrable_domain
from provenance.errors import InvalidURLError
from provenance.labels import LabelSet
from provenance.policies import Policy
from provenance.registry import Registry, default_registry

STRING = "string"
"""A column of text, null where missing."""
FLOAT = "float"
"""A column of numbers, null where missing."""
LIST = "list"
"""A column of lists of text, null on error rows."""

BASE_COLUMNS = (
    ("outlet_id", STRING),
    ("outlet_name", STRING),
    ("outlet_name_at", STRING),
    ("registered_domain", STRING),
    ("state_media", STRING),
    ("state_media_certainty", STRING),
    ("sanctioned", LIST),
)
"""The added columns before the rating columns, with their kinds."""
TAIL_COLUMNS = (("labels", STRING), ("labels_json", STRING), ("error", STRING))
"""The added columns after the rating columns."""

_SIMPLE_PREFIX = re.compile(r"https?://[a-z0-9.-]+")
_UNSET = object()


@attrs.frozen(slots=True)
class Column:
    """One added column: its name, its kind, and its value on each output row."""

    name: str
    """The column's name."""
    kind: str
    """:data:`STRING`, :data:`FLOAT` or :data:`LIST`."""
    values: list[Any]
    """One value per output row (``None`` where null)."""


@attrs.frozen(slots=True)
class Added:
    """The added columns for distinct pairs: the output row of each pair, and the columns by output row."""

    row_of_pair: list[int]
    """For each distinct pair, in order, the output row it takes its values from."""
    columns: tuple[Column, ...]
    """The added columns, in order."""


def rating_columns(registry: Registry) -> list[tuple[tuple[str, str], str]]:
    """The rating columns of a registry: ``((rater id, axis), column name)``, in rater order.

    A rater rating on one axis gets ``rating_<rater id>``; one rating on several
    gets ``rating_<rater id>_<axis>`` per axis.
    """
    columns: list[tuple[tuple[str, str], str]] = []
    for rater in registry.raters():
        axes = sorted({scale.axis for scale in rater.scales})
        for axis in axes:
            name = f"rating_{rater.id}" if len(axes) == 1 else f"rating_{rater.id}_{axis}"
            columns.append(((rater.id, axis), name))
    return columns


def column_kinds(registry: Registry | None, bad_dates: str = "error") -> list[tuple[str, str]]:
    """Every added column's name and kind, in order, for a registry."""
    chosen = registry if registry is not None else default_registry()
    ratings = [(name, FLOAT) for _, name in rating_columns(chosen)]
    extra = [("date_error", STRING)] if bad_dates == "unknown" else []
    return [*BASE_COLUMNS, *ratings, *TAIL_COLUMNS, *extra]


def missing_url_text(url_column: str) -> str:
    """The error text of a row whose URL cell is empty (``None``, NaN, null, blank text)."""
    return f"no URL: the {url_column!r} cell is empty"


def is_blank(url: object) -> bool:
    """Whether a URL cell (``None`` when null) means "no URL"."""
    return url is None or (isinstance(url, str) and not url.strip())


class _Domains:
    """Registered domains of URLs, read once per plain ``http(s)://`` network location and once per host."""

    def __init__(self) -> None:
        self._by_netloc: dict[str, str | None] = {}
        self._by_host: dict[str, str | None] = {}

    def of(self, url: str) -> str | None:
        end = url.find("/", 8)
        prefix = url[:end] if end >= 0 else url
        netloc = prefix[prefix.find("//") + 2 :]
        domain = self._by_netloc.get(netloc, _UNSET)
        if domain is not _UNSET and prefix.startswith(("http://", "https://")):
            return domain  # type: ignore[return-value]
        # A plain http(s)://host prefix followed by "/" (or nothing) holds the whole authority: the host is its.
        simple = _SIMPLE_PREFIX.fullmatch(prefix) is not None
        try:
            host = normalize_host(prefix if simple else url)
        except InvalidURLError:  # cannot happen for a URL label_many read; no domain rather than a crash
            return None
        domain = self._by_host.get(host, _UNSET)
        if domain is _UNSET:
            domain = self._by_host[host] = registrable_domain(host)
        if simple:
            self._by_netloc[netloc] = domain
        return domain  # type: ignore[return-value]


class _Rows:
    """The output rows: one per distinct result and registered domain, or per distinct error text."""

    def __init__(self, registry: Registry, url_column: str) -> None:
        self.url_column = url_column
        self.ratings = rating_columns(registry)
        self.domains = _Domains()
        self.fields = OutputFields()
        self.index: dict[tuple[object, ...], int] = {}
        self.rows: list[tuple[Any, ...]] = []
        self.kept: list[BatchResult] = []  # keeps every result alive: the ids in the keys stay unique

    def add(self, url: object, result: BatchResult) -> int:
        """The output row of a pair's result, made on first use."""
        if not result.ok:
            text = missing_url_text(self.url_column) if is_blank(url) else str(result.error)
            key: tuple[object, ...] = ("error", text)
        else:
            domain = self.domains.of(url) if isinstance(url, str) else None
            key = (id(result), domain)
        row = self.index.get(key)
        if row is None:
            self.kept.append(result)
            row = self.index[key] = len(self.rows)
            self.rows.append(self._error_row(key[1]) if not result.ok else self._row(result, key[1]))
        return row

    def _error_row(self, text: object) -> tuple[Any, ...]:
        return (*[None] * (len(BASE_COLUMNS) + len(self.ratings) + 2), text, None)

    def _row(self, result: BatchResult, domain: object) -> tuple[Any, ...]:
        _, name_at, compact, labels_json = self.fields.of(result)
        labels = result.labels
        state = labels.get("state-media")
        return (
            result.outlet_id,
            None if result.outlet is None else result.outlet.name,
            name_at or None,
            domain,
            None if state is None else state.value,
            None if state is None else state.certainty,
            list(dict.fromkeys(label.value for label in labels if label.kind == "sanctioned")),
            *self._ratings(labels),
            compact,
            labels_json,
            None,
            None if result.date_error is None else str(result.date_error),
        )

    def _ratings(self, labels: LabelSet) -> list[float | None]:
        if not self.ratings:
            return []
        found: dict[tuple[object, object], float] = {}
        for label in labels:
            if label.kind == "rating":
                found.setdefault((label.detail("rater"), label.detail("axis")), float(label.value))
        return [found.get(key) for key, _ in self.ratings]


@attrs.frozen(slots=True)
class Request:
    """What a caller of :func:`~provenance.extras.frames.label_frame` asked for."""

    url_column: str
    """The column of URLs."""
    date_column: str | None
    """The column of dates, or ``None`` when the rows are undated."""
    policy: str | Policy
    """A policy name or :class:`~provenance.policies.Policy`."""
    registry: Registry
    """Where the facts come from."""
    dayfirst: bool | None = None
    """How to read numeric dates in text (see :func:`~provenance.batch.label_many`)."""
    bad_dates: str = "error"
    """``"error"`` or ``"unknown"`` (see :func:`~provenance.batch.label_many`)."""

    def kinds(self) -> list[tuple[str, str]]:
        """Every added column's name and kind, in order."""
        return column_kinds(self.registry, self.bad_dates)

    def label_pairs(self, pairs: Sequence[tuple[object, object]]) -> Added:
        """Label distinct ``(url, date)`` pairs (``None`` where a cell is null) and lay out the added columns.

        Args:
            pairs: The distinct pairs.

        Returns:
            The output row of each pair and the columns by output row.
        """
        rows = _Rows(self.registry, self.url_column)
        results = label_many(pairs, self.policy, self.registry, dayfirst=self.dayfirst, bad_dates=self.bad_dates)
        row_of_pair = [rows.add(pair[0], result) for pair, result in zip(pairs, results, strict=True)]
        return Added(row_of_pair, tuple(_columns(rows.rows, self.kinds())))


def _columns(rows: list[tuple[Any, ...]], kinds: list[tuple[str, str]]) -> list[Column]:
    return [Column(name, kind, [row[number] for row in rows]) for number, (name, kind) in enumerate(kinds)]
