"""What batch labelling yields and raises: results, bad rows, batch errors, and their output fields."""

from __future__ import annotations

import json
from typing import ClassVar

import attrs

from provenance.errors import DateParseError, InvalidURLError, ProvenanceError
from provenance.labels import POSSIBLE, LabelSet
from provenance.model import DomainClaim, Outlet

EMPTY = LabelSet()
"""The empty label set every result without labels shares."""

ADDED_COLUMNS = ("outlet_id", "outlet_name", "labels", "labels_json", "error")
"""The columns (keys) file and data-frame output adds to each input row."""
COMPACT_COLUMNS = ("outlet_id", "outlet_name", "labels", "error")
"""The columns compact file output adds (no ``labels_json``), and the keys JSON Lines output adds."""
MESSAGE_LIMIT = 240
"""The most characters of a batch message quoting input (see :func:`clip`)."""


class BatchInputError(ProvenanceError, ValueError):
    """A batch input file cannot be processed at all (a missing column, an unknown format...)."""


class MissingExtraError(ProvenanceError, ImportError):
    """An optional dependency (such as Dask) is needed and not installed."""


@attrs.frozen(slots=True, eq=False)
class Labelled:
    """The result for a row whose URL and date could be read.

    Results are shared: rows with the same host whose dates fall in the same
    segment of constant facts get one :class:`Labelled` object, and so do
    all rows whose host no outlet claims and nobody rates. So a result does
    not carry the row's host (use :func:`~provenance.domains.normalize_host`
    on the URL when you need it), and results compare by identity: compare
    their ``labels`` for equality.
    """

    outlet: Outlet | None
    """The outlet that claims the host at the date, or ``None``."""
    outlet_name: str | None
    """The outlet's name at the date (its current name when the date is unknown)."""
    claim: DomainClaim | None
    """The domain claim that matched."""
    labels: LabelSet
    """Exactly what :func:`~provenance.labelling.label_url` gives for the row."""
    date_error: DateParseError | None = attrs.field(default=None, kw_only=True)
    """Why the row's date could not be read, when it was labelled as undated instead
    (``bad_dates="unknown"``); ``None`` for every other row."""

    ok: ClassVar[bool] = True
    """Always ``True``: the row could be read."""
    error: ClassVar[None] = None
    """Always ``None``."""

    @property
    def outlet_id(self) -> str | None:
        """The outlet's id, or ``None``."""
        return None if self.outlet is None else self.outlet.id


@attrs.frozen(slots=True, eq=False)
class BadRow:
    """The result for a row whose URL or date could not be read."""

    row: int
    """Its position in the input, counting from 1."""
    url: object
    """The URL as given."""
    at: object
    """The date as given."""
    error: InvalidURLError | DateParseError
    """What is wrong, as :func:`~provenance.labelling.label_url` would raise it."""

    ok: ClassVar[bool] = False
    """Always ``False``."""
    host: ClassVar[None] = None
    """Always ``None``."""
    outlet: ClassVar[None] = None
    """Always ``None``."""
    outlet_id: ClassVar[None] = None
    """Always ``None``."""
    outlet_name: ClassVar[None] = None
    """Always ``None``."""
    claim: ClassVar[None] = None
    """Always ``None``."""
    labels: ClassVar[LabelSet] = EMPTY
    """Always empty."""
    date_error: ClassVar[None] = None
    """Always ``None`` (a bad date is in ``error``)."""


BatchResult = Labelled | BadRow
"""What :func:`~provenance.batch.label_many` yields for each row."""


def compact_labels(labels: LabelSet) -> str:
    """Labels as one short string: ``kind=value`` joined by ``;``, ``?`` marking possible ones.

    >>> from provenance.labels import Label
    >>> compact_labels(LabelSet([Label("state-media", "SC", "rt", "..."),
    ...                          Label("sanctioned", "EU", "rt", "...", certainty="possible")]))
    'state-media=SC;sanctioned=EU?'
    """
    return ";".join(
        f"{label.kind}={label.value}{'?' if label.certainty == POSSIBLE else ''}" for label in labels.labels
    )


def clip(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """Text cut in the middle to at most about ``limit`` characters, saying how much was cut.

    Messages quote the input they refuse; a binary file or a long cell must
    not make them screenfuls.

    >>> clip("not a usable URL or host '" + "x" * 5000 + "': white space in host", 100)
    "not a usable URL or host 'xxxxxxxxxxx [... 4,978 characters ...] xxxxxxxxxxx': white space in host"
    """
    if len(text) <= limit:
        return text
    tail = min(limit // 3, 80)
    head = limit - tail - 30
    return f"{text[:head]} [... {len(text) - head - tail:,} characters ...] {text[-tail:]}"


class OutputFields:
    """The added output fields of each result, computed once per shared result object.

    >>> fields = OutputFields()
    >>> fields.of(Labelled(None, None, None, EMPTY))
    ('', '', '', '[]')
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[BatchResult, tuple[str, str, str, str]]] = {}

    def of(self, result: BatchResult) -> tuple[str, str, str, str]:
        """``(outlet_id, outlet_name, compact labels, labels JSON)``, empty text for what is missing.

        Args:
            result: A result of :func:`~provenance.batch.label_many`.

        Returns:
            The four fields as text.
        """
        if not result.labels:
            return result.outlet_id or "", result.outlet_name or "", "", "[]"
        kept = self._cache.get(id(result))
        if kept is not None and kept[0] is result:
            return kept[1]
        fields = (
            result.outlet_id or "",
            result.outlet_name or "",
            compact_labels(result.labels),
            json.dumps(result.labels.to_json(), ensure_ascii=False),
        )
        if len(self._cache) >= 1 << 16:
            self._cache.clear()
        self._cache[id(result)] = (result, fields)  # keeps the object alive: its id stays unique
        return fields
