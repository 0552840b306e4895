"""A generic ratings CSV: ``domain, rater, value[, date]``, for any data set not covered otherwise.

A header row is required (columns in any order, names in any case). Raters
are declared on the fly: each gets one scale, given by the caller, or 0..1
when every value the rater gives is a number from 0 to 1. Any other range
(1..5 stars, 0..100 points) and any words need the caller's scale: the
importer never guesses a range or which category is the more reliable. See
``docs/importers.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import attrs

from provenance.dates import PartialDate, parse_date
from provenance.errors import DateParseError, RecordError
from provenance.model import Source
from provenance.ratings import AXES, Rater, Rating, Scale
from provenance.registry import Registry

from ._common import (
    ImportFileError,
    ImportResult,
    Input,
    Row,
    RowSkip,
    Tally,
    csv_table,
    finish,
    rated_host,
    raters_to_emit,
    rating_target,
    slug,
)

__all__ = ["SCALE_ID", "import_csv", "parse_scale"]

FORMAT = "csv"
SCALE_ID = "value"
"""The id of the one scale each rater of a generic CSV gets."""


def parse_scale(spec: str, axis: str = "reliability") -> tuple[str, Scale]:
    """Read a scale given on the command line: ``RATER=low,mid,high`` or ``RATER=MIN..MAX``.

    Categories are listed from the low end of the axis (least reliable, or
    leftmost) to the high end. A numeric range written high to low
    (``RATER=5..1``) means a higher number is less reliable.

    Args:
        spec: ``rater=categories`` or ``rater=min..max``.
        axis: ``reliability``, ``bias`` or ``impartiality``.

    Returns:
        The rater id and the scale.

    Raises:
        ImportFileError: If the text is not of either form.

    >>> parse_scale("my-rater=low,mixed,high")[1].categories
    ('low', 'mixed', 'high')
    >>> scale = parse_scale("Stars=5..1")[1]
    >>> (scale.minimum, scale.maximum, scale.reversed)
    (1.0, 5.0, True)
    """
    rater, sep, body = spec.partition("=")
    rater_id = slug(rater)
    if not sep or not rater_id or not body.strip():
        raise ImportFileError("--scale", f"expected RATER=a,b,c or RATER=MIN..MAX, got {spec!r}")
    if axis not in AXES:
        raise ImportFileError("--scale", f"axis must be one of {', '.join(sorted(AXES))}")
    numbers = re.fullmatch(r"\s*(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)\s*", body)
    try:
        if numbers:
            low, high = float(numbers.group(1)), float(numbers.group(2))
            return rater_id, Scale(
                SCALE_ID,
                axis=axis,
                kind="numeric",
                minimum=min(low, high),
                maximum=max(low, high),
                reversed=low > high,
            )
        categories = tuple(part.strip() for part in body.split(",") if part.strip())
        return rater_id, Scale(SCALE_ID, axis=axis, kind="ordinal", categories=categories)
    except (RecordError, ValueError) as error:
        raise ImportFileError("--scale", f"{spec!r}: {error}") from None


@attrs.frozen(slots=True)
class _Value:
    """One value of the file: who rates which host how, and when."""

    domain: str
    host: str
    rater: str
    rater_name: str
    value: str
    date: PartialDate | None


def _date(cell: str) -> PartialDate | None:
    if not cell:
        return None
    try:
        return parse_date(cell)
    except DateParseError as error:
        raise RowSkip(str(error)) from None


@attrs.frozen(slots=True)
class _RowReader:
    """Reads one row, given the position of each column."""

    at: dict[str, int]

    def read(self, cells: list[str]) -> _Value:
        """The row's value.

        Raises:
            RowSkip: If the domain, the rater, the value or the date is unusable.
        """
        domain = cells[self.at["domain"]].strip()
        rater_name = " ".join(cells[self.at["rater"]].split())
        value = cells[self.at["value"]].strip()
        host = rated_host(domain)
        rater = slug(rater_name)
        if not rater:
            raise RowSkip("no rater (letters or digits)")
        if not value:
            raise RowSkip("no value")
        date = _date(cells[self.at["date"]].strip()) if "date" in self.at else None
        return _Value(domain, host.host, rater, rater_name, value, date)


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _infer(name: str, rater: str, values: list[str], axis: str) -> Scale:
    numbers = [_number(value) for value in values]
    words = sorted({v for v, n in zip(values, numbers, strict=True) if n is None})
    if words:
        shown = ", ".join(map(repr, words[:5])) + (", ..." if len(words) > 5 else "")
        raise ImportFileError(
            name,
            f"rater {rater!r} gives non-numeric values ({shown}); give their order, lowest "
            f"first: scales={{{rater!r}: Scale(...)}} or --scale {rater}=low,...,high",
        )
    if all(n is not None and 0 <= n <= 1 for n in numbers):
        return Scale(SCALE_ID, axis=axis, kind="numeric", minimum=0.0, maximum=1.0)
    raise ImportFileError(
        name,
        f"rater {rater!r} gives numbers outside 0..1; give its range (1..5, 0..100...): "
        f"scales={{{rater!r}: Scale(...)}} or --scale {rater}=MIN..MAX",
    )


def import_csv(
    source: Input,
    base: Registry | None = None,
    *,
    cite: Source,
    axis: str = "reliability",
    scales: Mapping[str, Scale] | None = None,
) -> ImportResult:
    """Import a ``domain, rater, value[, date]`` CSV as ratings.

    Args:
        source: The CSV file, or its lines.
        base: Registry whose outlets claim the rated hosts; ``None`` to rate hosts only.
        cite: Where the data comes from, with the date it was obtained
            (``accessed`` is required): every rater and rating cites it.
        axis: The axis of inferred numeric scales.
        scales: A scale per rater (by name or by its kebab-case id); values
            off the scale are skipped. A rater without one gets 0..1 when all
            its values are numbers in that range.

    Returns:
        The raters and ratings, the extended registry, and the report.

    Raises:
        ImportFileError: If the header is wrong, ``cite`` has no date, or a
            rater needs a scale the importer cannot infer.

    >>> cite = Source("https://example.org/my-ratings", "My ratings",
    ...               accessed=PartialDate(2025, 6, 1))
    >>> result = import_csv(["domain,rater,value", "example.com,My Panel,0.8"], cite=cite)
    >>> [(r.rater, r.host, r.normalized) for r in result.records if isinstance(r, Rating)]
    [('my-panel', 'example.com', 0.8)]
    """
    tally = Tally(FORMAT, "<lines>")
    _check_arguments(cite, axis)
    given = {slug(key) or key: scale for key, scale in (scales or {}).items()}
    with csv_table(source, tally, ("domain", "rater", "value"), ("domain", "rater", "value", "date")) as table:
        rows = list(table.accepted(tally, _RowReader(table.at).read))
    values: dict[str, list[str]] = {}
    rater_names: dict[str, str] = {}
    for _, value in rows:
        values.setdefault(value.rater, []).append(value.value)
        rater_names.setdefault(value.rater, value.rater_name)
    rater_scales = {
        rater: given[rater] if rater in given else _infer(table.name, rater, found, axis)
        for rater, found in values.items()
    }
    ratings = _ratings(rows, rater_scales, base, cite, tally)
    used = dict.fromkeys(rating.rater for rating in ratings)
    raters = [Rater(rater, rater_names[rater], (rater_scales[rater],), sources=(cite,)) for rater in used]
    return finish(tally, [*raters_to_emit(base, raters, table.name), *ratings], base, FORMAT)


def _check_arguments(cite: Source, axis: str) -> None:
    if cite.accessed is None:
        raise ImportFileError("csv", "the citation needs the date the data was obtained (accessed)")
    if axis not in AXES:
        raise ImportFileError("csv", f"axis must be one of {', '.join(sorted(AXES))}")


def _ratings(
    rows: list[tuple[Row[list[str]], _Value]],
    rater_scales: Mapping[str, Scale],
    base: Registry | None,
    cite: Source,
    tally: Tally,
) -> list[Rating]:
    """A rating per row whose value is on its rater's scale; the other rows are skipped."""
    ratings = []
    for row, value in rows:
        scale = rater_scales[value.rater]
        try:
            normalized = scale.normalize(value.value)
        except RecordError as error:
            tally.skip(row.line, str(error), row.text)
            continue
        target = rating_target(base, value.host)
        ratings.append(
            Rating(
                rater=value.rater,
                scale=scale.id,
                axis=scale.axis,
                raw=value.value,
                normalized=normalized,
                outlet=target.outlet,
                host=target.host,
                name=value.domain if target.outlet or value.domain.lower() != value.host else None,
                as_of=value.date,
                sources=(cite,),
            )
        )
        tally.imported += 1
    return ratings
