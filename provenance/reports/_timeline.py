"""What the report's timeline of an outlet shows: its lineage's names, who ran it, its labels, the article's date.

The lineage is the outlet with everything it continued and everything that
continued it (successions followed both ways: Radio Moscow, renamed Voice of
Russia in 1993, replaced by Radio Sputnik and Sputnik in 2014). Three
sections of lanes, each lane a row of dated bars:

- **names**: one lane per outlet of the lineage, a bar per dated name;
- **run, owned or controlled by**: one lane per body with a relation to an
  outlet of the lineage, its relations merged into bars where they touch;
- **labels**: one lane per assessor and kind of assessment of an outlet of
  the lineage, and one per label this report gives the outlet over the window.

Every bar is clipped to the lifetimes of the records it joins. Days are
ordinal days; ``None`` stands for an open end. :mod:`._timeline_svg` draws it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from provenance.dates import Interval, PartialDate
from provenance.model import Outlet, Relation
from provenance.policies import ASSESSOR_NAMES, describe_relation

if TYPE_CHECKING:
    from provenance.registry import Registry
    from provenance.reports._contents import ReportContents

__all__ = ["NAMES", "OWNERS", "LABELS", "Bar", "Lane", "Link", "Marker", "Timeline", "lineage", "outlet_timeline"]

NAMES, OWNERS, LABELS = "Names", "Run, owned or controlled by", "Labels"
_MAX_LINEAGE = 12
_REPORT_KINDS = ("state-media", "sanctioned", "platform-label")

_Days = tuple[int | None, int | None]


@attrs.frozen(slots=True)
class Bar:
    """A dated bar in a lane."""

    first: int | None
    """First ordinal day; ``None`` when the start is open."""
    last: int | None
    """Last ordinal day; ``None`` when ongoing or the end is unknown."""
    text: str
    """Written on or beside the bar."""
    title: str
    """The bar in words, with its dates (its tooltip and part of the picture's description)."""


@attrs.frozen(slots=True)
class Lane:
    """A row of bars under a name."""

    section: str
    """:data:`NAMES`, :data:`OWNERS` or :data:`LABELS`."""
    label: str
    """What the row is about."""
    bars: tuple[Bar, ...]
    """Its bars, by start."""


@attrs.frozen(slots=True)
class Link:
    """A succession: an arrow at its date from the predecessor's lane to the successor's."""

    day: int
    """The ordinal day of the succession."""
    source: int
    """Index of the predecessor's lane."""
    target: int
    """Index of the successor's lane."""
    text: str
    """The kind of succession in words."""


@attrs.frozen(slots=True)
class Marker:
    """When the article was published: one day, or the window it may date from."""

    first: int | None
    """First ordinal day it may be."""
    last: int | None
    """Last ordinal day it may be."""
    text: str
    """What the marker says."""


@attrs.frozen(slots=True)
class Timeline:
    """Lanes, succession links and the article's marker."""

    title: str
    """What the picture shows."""
    lanes: tuple[Lane, ...]
    """The lanes, section by section."""
    links: tuple[Link, ...]
    """Successions between name lanes."""
    marker: Marker | None
    """The article's date, if anything bounds it."""

    def span(self) -> tuple[int, int]:
        """The days the axis covers: every finite date shown, with a margin; open ends reach the edges."""
        days = [d for lane in self.lanes for bar in lane.bars for d in (bar.first, bar.last) if d is not None]
        days += [link.day for link in self.links]
        if self.marker is not None:
            days += [d for d in (self.marker.first, self.marker.last) if d is not None]
        if not days:
            today = PartialDate(2000, 1, 1).earliest().toordinal()
            return today - 3650, today + 3650
        lo, hi = min(days), max(days)
        pad = max((hi - lo) // 25, 365)
        return lo - pad, hi + pad


def _days(interval: Interval) -> _Days:
    first = None if interval.start is None else interval.start.earliest().toordinal()
    last = interval.end.latest().toordinal() if isinstance(interval.end, PartialDate) else None
    return first, last


def _clip(*spans: _Days) -> _Days | None:
    """The days all spans share, or ``None`` if they share none."""
    firsts = [first for first, _ in spans if first is not None]
    lasts = [last for _, last in spans if last is not None]
    first, last = (max(firsts) if firsts else None), (min(lasts) if lasts else None)
    if first is not None and last is not None and last < first:
        return None
    return first, last


def _sort_key(days: _Days) -> tuple[int, int]:
    first, last = days
    return (-(10**9) if first is None else first, 10**9 if last is None else last)


def lineage(registry: Registry, outlet: str) -> tuple[Outlet, ...]:
    """The outlet and the outlets it continued or that continued it, at any remove, by start date."""
    seen = {outlet}
    queue = [outlet]
    while queue and len(seen) < _MAX_LINEAGE:
        node = queue.pop(0)
        linked = [s.predecessor for s in registry.predecessors(node)] + [s.successor for s in registry.successors(node)]
        for id in linked:
            if id not in seen and isinstance(registry.get(id), Outlet):
                seen.add(id)
                queue.append(id)
    outlets = [body for body in map(registry.get, seen) if isinstance(body, Outlet)]
    return tuple(sorted(outlets, key=lambda o: (_sort_key(_days(o.lifetime)), o.id)))


def _name_lane(outlet: Outlet) -> Lane:
    life = _days(outlet.lifetime)
    bars = []
    for entry in outlet.all_names():
        days = _clip(_days(entry.interval), life) if entry.kind == "name" else None
        if days is not None:
            bars.append(Bar(*days, entry.name, f"{entry.name}: {_describe(entry.interval, outlet.lifetime)}"))
    return Lane(NAMES, outlet.name, tuple(sorted(bars, key=lambda b: _sort_key((b.first, b.last)))))


def _describe(interval: Interval, lifetime: Interval) -> str:
    days = _clip(_days(interval), _days(lifetime))
    if days is None:
        return interval.describe()
    first, last = days
    start = None if first is None else PartialDate.from_date(datetime.date.fromordinal(first))
    end = interval.end if last is None else PartialDate.from_date(datetime.date.fromordinal(last))
    return Interval(start, end).describe()


def _merge(items: Iterable[tuple[_Days, str, str]]) -> tuple[Bar, ...]:
    """Bars from dated items, merged where they overlap or touch; texts joined without repeats."""
    bars: list[tuple[_Days, list[str], list[str]]] = []
    for days, text, title in sorted(items, key=lambda item: (_sort_key(item[0]), item[1], item[2])):
        if bars:
            (first, last), texts, titles = bars[-1]
            if last is None or (days[0] is not None and days[0] <= last + 1):
                end = None if last is None or days[1] is None else max(last, days[1])
                bars[-1] = ((first, end), texts, titles)
                texts.append(text)
                titles.append(title)
                continue
        bars.append((days, [text], [title]))
    return tuple(
        Bar(first, last, ", ".join(dict.fromkeys(texts)), "; ".join(dict.fromkeys(titles)))
        for (first, last), texts, titles in bars
    )


def _owner_lanes(registry: Registry, outlets: tuple[Outlet, ...]) -> list[Lane]:
    by_body: dict[str, list[tuple[_Days, str, str]]] = {}
    for outlet in outlets:
        for relation in registry.relations(object=outlet.id):
            days = _relation_days(registry, relation)
            if days is not None:
                text = relation.kind
                by_body.setdefault(relation.subject, []).append((days, text, describe_relation(registry, relation)))
    lanes = [Lane(OWNERS, _name(registry, body), _merge(items)) for body, items in by_body.items()]
    return sorted(lanes, key=lambda lane: (_sort_key((lane.bars[0].first, lane.bars[0].last)), lane.label))


def _relation_days(registry: Registry, relation: Relation) -> _Days | None:
    spans = [_days(relation.interval)]
    for id in (relation.subject, relation.object):
        body = registry.get(id)
        if body is not None:
            spans.append(_days(body.lifetime))
    return _clip(*spans)


def _name(registry: Registry, id: str) -> str:
    body = registry.get(id)
    return body.name if body is not None else id


def _label_lanes(report: ReportContents, outlets: tuple[Outlet, ...]) -> list[Lane]:
    registry = report.registry
    lanes = []
    for outlet in outlets:
        groups: dict[tuple[str, str], list[tuple[_Days, str, str]]] = {}
        for assessment in registry.assessments(outlet.id):
            days = _clip(_days(assessment.interval), _days(outlet.lifetime))
            if days is not None:
                who = ASSESSOR_NAMES.get(assessment.assessor, assessment.assessor)
                title = f"{who} {assessment.kind}: {assessment.value}, "
                title += _describe(assessment.interval, outlet.lifetime)
                groups.setdefault((who, assessment.kind), []).append((days, assessment.value, title))
        for (who, kind), items in sorted(groups.items()):
            lanes.append(Lane(LABELS, f"{outlet.name}: {who} {kind}", _merge(items)))
    if report.origin is not None and report.window is not None:
        days = _days(report.window)
        for label in report.origin_labels:
            if label.kind in _REPORT_KINDS:
                title = f"This report labels {report.origin.name} {label.kind} {label.value} ({label.certainty})"
                bar = Bar(*days, f"{label.kind} {label.value}", title)
                lanes.append(Lane(LABELS, f"{report.origin.name}: this report's labels", (bar,)))
    return lanes


def _links(registry: Registry, outlets: tuple[Outlet, ...]) -> tuple[Link, ...]:
    index = {outlet.id: i for i, outlet in enumerate(outlets)}
    links = []
    for outlet in outlets:
        for succession in registry.successors(outlet.id):
            if succession.successor in index:
                day = succession.date.earliest().toordinal()
                text = succession.kind.replace("-", " ")
                links.append(Link(day, index[outlet.id], index[succession.successor], text))
    return tuple(links)


def _marker(report: ReportContents) -> Marker | None:
    if report.window is None:
        return None
    first, last = _days(report.window)
    if report.window_basis == "stated":
        return Marker(first, last, f"the article: {report.article.published}")
    return Marker(first, last, f"the article (date not stated): {report.window.describe()}")


def outlet_timeline(report: ReportContents) -> Timeline | None:
    """The timeline of the report's origin outlet, or ``None`` when the report names no origin."""
    if report.origin is None:
        return None
    outlets = lineage(report.registry, report.origin.id)
    lanes = [_name_lane(outlet) for outlet in outlets]
    links = _links(report.registry, outlets)
    lanes += _owner_lanes(report.registry, outlets) + _label_lanes(report, outlets)
    return Timeline(f"Timeline of {report.origin.name}", tuple(lanes), links, _marker(report))
