"""The columns :func:`~provenance.extras.frames.label_frame` adds, made once per output row.

An output row is one distinct result of :func:`~provenance.batch.label_many`
with its registered domain, or one distinct error text; every row of the
frame takes its cells from one (see ``_plan``), and the adapters gather the
columns back by output row. Library-neutral: no frame library here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import attrs

from provenance.batch import BatchResult, compact_labels, label_many
from provenance.domains import (
    STRIPPED_PREFIXES,
    candidate_hosts,
    is_normal_host,
    normalize_host,
    registrable_domain,
)
from provenance.errors import InvalidURLError
from provenance.labels import Label, LabelSet
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

_PLAIN_PREFIX = re.compile(r"https?://[a-z0-9.-]+")
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


def _columns(rows: list[tuple[Any, ...]], kinds: list[tuple[str, str]]) -> list[Column]:
    return [Column(name, kind, [row[number] for row in rows]) for number, (name, kind) in enumerate(kinds)]


def _plain_host(netloc: str) -> str | None:
    """The host ``normalize_host`` reads from a plain network location, when a quick test can tell; else ``None``."""
    if is_normal_host(netloc):
        return netloc
    if netloc.startswith(STRIPPED_PREFIXES):  # www.rt.com is rt.com when rt.com is a normal host
        rest = netloc.partition(".")[2]
        if is_normal_host(rest):
            return rest
    return None


class _LabelTexts:
    """Labels as compact and JSON text, each label written once (result label sets share label objects)."""

    def __init__(self) -> None:
        self._by_label: dict[int, tuple[Label, str, str]] = {}

    def of(self, labels: LabelSet) -> tuple[str, str]:
        """``compact_labels(labels)`` and ``json.dumps(labels.to_json(), ensure_ascii=False)``."""
        pieces = [self._texts(label) for label in labels]
        return ";".join(piece[1] for piece in pieces), "[" + ", ".join(piece[2] for piece in pieces) + "]"

    def _texts(self, label: Label) -> tuple[Label, str, str]:
        known = self._by_label.get(id(label))
        if known is None or known[0] is not label:
            known = (label, compact_labels(LabelSet((label,))), json.dumps(label.to_json(), ensure_ascii=False))
            self._by_label[id(label)] = known  # keeps the label alive: its id stays unique
        return known


Host = tuple[str, str | None, bool]
"""What is known of a host: the host, its registered domain, whether an outlet claims it or a domain above it."""
_HOSTS_LIMIT = 1 << 18


class _Hosts:
    """Hosts of URLs, read once per plain ``http(s)://`` network location, and what is known of each, once.

    Kept on the registry (which hosts are claimed is the registry's), bounded.
    """

    def __init__(self, registry: Registry) -> None:
        self._claimed = registry.claimed_hosts()
        self._by_netloc: dict[str, Host] = {}
        self._by_host: dict[str, Host] = {}

    def of(self, url: str, prefix: str, plain: bool) -> Host | None:
        """What is known of a URL's host (``plain`` if its prefix is plain); ``None`` if it cannot be read."""
        netloc = prefix[prefix.find("//") + 2 :]
        if plain:
            known = self._by_netloc.get(netloc)
            if known is not None:
                return known
        try:
            host = _plain_host(netloc) if plain else None
            host = host if host is not None else normalize_host(prefix if plain else url)
        except InvalidURLError:
            return None
        found = self._by_host.get(host)
        if found is None:
            claimed = any(candidate in self._claimed for candidate in candidate_hosts(host))
            found = _keep(self._by_host, host, (host, registrable_domain(host), claimed))
        if plain:
            _keep(self._by_netloc, netloc, found)
        return found


def _keep(cache: dict[str, Host], key: str, value: Host) -> Host:
    if len(cache) >= _HOSTS_LIMIT:
        cache.clear()
    cache[key] = value
    return value


class Rows:
    """The output rows: one per distinct result and registered domain, or per distinct error text."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.ratings = rating_columns(request.registry)
        self.hosts = request.registry.derived(("provenance.extras", "hosts"), _Hosts)
        self.plain: dict[str | None, bool] = {}
        self.texts = _LabelTexts()
        self.index: dict[tuple[object, ...], int] = {}
        self.rows: list[tuple[Any, ...]] = []
        self.kept: list[BatchResult] = []  # keeps every result alive: the ids in the keys stay unique

    def label(self, pairs: Sequence[tuple[object, object]]) -> list[BatchResult]:
        """``label_many``'s results for ``(url, date)`` pairs (``None`` where a cell is null)."""
        request = self.request
        return list(
            label_many(pairs, request.policy, request.registry, dayfirst=request.dayfirst, bad_dates=request.bad_dates)
        )

    def is_plain(self, prefix: str | None) -> bool:
        """Whether a URL prefix is ``http(s)://`` and a plain host name: the whole authority of its URLs."""
        known = self.plain.get(prefix)
        if known is None:
            known = self.plain[prefix] = prefix is not None and _PLAIN_PREFIX.fullmatch(prefix) is not None
        return known

    def host(self, url: object) -> Host | None:
        """What is known of a URL's host; ``None`` if it cannot be read."""
        if not isinstance(url, str):
            return None
        end = url.find("/", 8)
        prefix = url[:end] if end >= 0 else url
        return self.hosts.of(url, prefix, self.is_plain(prefix))

    def add(self, url: object, result: BatchResult, domain: str | None) -> int:
        """The output row of a URL's result (and its registered domain), made on first use."""
        if not result.ok:
            text = missing_url_text(self.request.url_column) if is_blank(url) else str(result.error)
            key: tuple[object, ...] = ("error", text)
        else:
            key = (id(result), domain)
        row = self.index.get(key)
        if row is None:
            self.kept.append(result)
            row = self.index[key] = len(self.rows)
            self.rows.append(self._row(result, key[1]) if result.ok else self._error_row(key[1]))
        return row

    def columns(self) -> tuple[Column, ...]:
        """The added columns, by output row."""
        return tuple(_columns(self.rows, self.request.kinds()))

    def _error_row(self, text: object) -> tuple[Any, ...]:
        return (*[None] * (len(BASE_COLUMNS) + len(self.ratings) + 2), text, None)

    def _row(self, result: BatchResult, domain: object) -> tuple[Any, ...]:
        labels = result.labels
        compact, labels_json = self.texts.of(labels)
        state = labels.get("state-media")
        return (
            result.outlet_id,
            None if result.outlet is None else result.outlet.name,
            result.outlet_name,
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
