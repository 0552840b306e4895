"""Raters, their scales, and the ratings they gave, kept apart and side by side.

Reliability, bias (a left-right position) and impartiality (how little bias,
in either direction) are different axes and never mix. Conflicting ratings
are all kept; :func:`summarize` describes how far raters agree, and never
averages them into one verdict.

>>> scale = Scale("rsp-status", axis="reliability", kind="ordinal", categories=(
...     "deprecated", "generally unreliable", "no consensus", "generally reliable"))
>>> scale.normalize("no consensus")
0.6667
>>> Scale("pc1", axis="reliability", kind="numeric", minimum=0, maximum=1).normalize("0.25")
0.25
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import attrs

from provenance import _checks as check
from provenance.dates import PartialDate
from provenance.errors import RecordError
from provenance.model import Source

__all__ = ["AXES", "Rater", "Rating", "RatingSummary", "Scale", "summarize"]

AXES = frozenset({"reliability", "bias", "impartiality"})
"""Rating axes, each normalised to 0..1 and never mixed with another.

- ``reliability``: 1 is most reliable.
- ``bias``: a left-right position; 0 is far left, 1 far right.
- ``impartiality``: how little bias a source shows; 1 is least biased. It
  says nothing about direction: far-left and far-right sources both score low.
"""

_SCALE_KINDS = frozenset({"ordinal", "numeric"})


@attrs.frozen(slots=True)
class Scale:
    """How a rater expresses a rating, and how it maps onto 0 to 1.

    Ordinal scales list their categories from the low end to the high end of
    the axis (least reliable first; for bias, leftmost first; for impartiality,
    most biased first). Numeric scales
    give their range, and ``reversed`` when a higher number means less
    reliable (or further left).
    """

    id: str = attrs.field(validator=check.identifier)
    """Id, unique within its rater."""
    axis: str = attrs.field(validator=check.one_of(AXES))
    """``reliability`` or ``bias``."""
    kind: str = attrs.field(validator=check.one_of(_SCALE_KINDS))
    """``ordinal`` or ``numeric``."""
    categories: tuple[str, ...] = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(str))
    """For ordinal scales: the categories, low end of the axis first."""
    minimum: float | None = None
    """For numeric scales: the lowest value."""
    maximum: float | None = None
    """For numeric scales: the highest value."""
    reversed: bool = False
    """For numeric scales: a higher number means the low end of the axis."""

    def __attrs_post_init__(self) -> None:
        if self.kind == "ordinal" and len(self.categories) < 2:
            raise RecordError(f"Scale {self.id!r}: an ordinal scale needs two or more categories")
        if self.kind == "numeric" and (self.minimum is None or self.maximum is None or not self.minimum < self.maximum):
            raise RecordError(f"Scale {self.id!r}: a numeric scale needs minimum < maximum")

    def normalize(self, raw: str) -> float:
        """Map a raw value onto 0 to 1 along the axis (rounded to 4 places).

        Args:
            raw: The value as the rater gave it.

        Returns:
            The normalised value.

        Raises:
            RecordError: If the value is not on the scale.
        """
        if self.kind == "ordinal":
            if raw not in self.categories:
                raise RecordError(f"{raw!r} is not a category of scale {self.id!r}")
            return round(self.categories.index(raw) / (len(self.categories) - 1), 4)
        assert self.minimum is not None and self.maximum is not None
        try:
            number = float(raw)
        except ValueError:
            raise RecordError(f"{raw!r} is not a number (scale {self.id!r})") from None
        if not math.isfinite(number) or not self.minimum <= number <= self.maximum:
            raise RecordError(f"{raw!r} is outside {self.minimum}..{self.maximum} (scale {self.id!r})")
        position = (number - self.minimum) / (self.maximum - self.minimum)
        return round(1 - position if self.reversed else position, 4)


@attrs.frozen(slots=True)
class Rater:
    """Someone who rates sources: a fact-checking service, an encyclopedia's editors, a study."""

    id: str = attrs.field(validator=check.identifier)
    """Stable id."""
    name: str = attrs.field(validator=check.text)
    """Display name."""
    scales: tuple[Scale, ...] = attrs.field(converter=check.as_tuple, validator=check.tuple_of(Scale))
    """The scales it uses."""
    methodology_url: str | None = attrs.field(default=None, validator=check.optional_text)
    """Where its method is explained."""
    licence: str | None = attrs.field(default=None, validator=check.optional_text)
    """Under what terms its ratings may be reused."""
    sources: tuple[Source, ...] = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Source))
    """What backs the record."""

    def scale(self, id: str) -> Scale | None:
        """The scale with this id, or ``None``."""
        return next((scale for scale in self.scales if scale.id == id), None)


def _normalised(_instance: Rating, _attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RecordError(f"Rating.normalized = {value!r}: must be a number from 0 to 1")


@attrs.frozen(slots=True)
class Rating:
    """One rater's rating of one outlet or host, on one axis, as of a date.

    A rating names the outlet it rates by id, or, when the registry does not
    know the outlet, the host (domain) it was given for.
    """

    rater: str = attrs.field(validator=check.identifier)
    """Id of the rater."""
    scale: str = attrs.field(validator=check.identifier)
    """Id of the rater's scale."""
    axis: str = attrs.field(validator=check.one_of(AXES))
    """``reliability`` or ``bias`` (the scale's axis)."""
    raw: str = attrs.field(validator=check.text, metadata={"key": "value"})
    """The value as the rater gave it."""
    normalized: float = attrs.field(validator=_normalised)
    """The value mapped onto 0 to 1 by the scale."""
    outlet: str | None = attrs.field(default=None, validator=attrs.validators.optional(check.identifier))
    """Id of the outlet rated."""
    host: str | None = attrs.field(default=None, validator=check.optional_text)
    """Host rated, when the outlet is not in the registry."""
    name: str | None = attrs.field(default=None, validator=check.optional_text)
    """What the rater called the rated source."""
    as_of: PartialDate | None = None
    """When the rating was given or last reviewed."""
    via: str | None = attrs.field(default=None, validator=check.optional_text)
    """The data set that carried the rating when it is not the rater's own (Lin et al. 2023)."""
    sources: tuple[Source, ...] = attrs.field(factory=tuple, converter=check.as_tuple, validator=check.tuple_of(Source))
    """What backs it."""

    def __attrs_post_init__(self) -> None:
        if (self.outlet is None) == (self.host is None):
            raise RecordError(f"Rating by {self.rater!r}: give exactly one of outlet and host")


@attrs.frozen(slots=True)
class RatingSummary:
    """How far raters agree on one axis. Never an average verdict."""

    axis: str
    """The axis summarised."""
    raters: tuple[str, ...]
    """The raters, by id."""
    lowest: float
    """The lowest normalised value."""
    highest: float
    """The highest normalised value."""

    @property
    def spread(self) -> float:
        """``highest - lowest``: 0 when all agree, 1 when they are at opposite ends."""
        return round(self.highest - self.lowest, 4)


def summarize(ratings: Iterable[Rating]) -> dict[str, RatingSummary]:
    """Agreement per axis: which raters, the lowest and highest normalised value.

    Args:
        ratings: Ratings of one outlet or host.

    Returns:
        One summary per axis present.

    >>> r = [Rating("a", "s", "reliability", "x", 0.2, host="e.com"),
    ...      Rating("b", "s", "reliability", "y", 0.9, host="e.com")]
    >>> summarize(r)["reliability"].spread
    0.7
    """
    by_axis: dict[str, list[Rating]] = {}
    for rating in ratings:
        by_axis.setdefault(rating.axis, []).append(rating)
    return {
        axis: RatingSummary(
            axis,
            tuple(sorted({r.rater for r in group})),
            min(r.normalized for r in group),
            max(r.normalized for r in group),
        )
        for axis, group in sorted(by_axis.items())
    }
