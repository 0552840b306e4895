"""Draw a :class:`~provenance.reports._timeline.Timeline` as inline SVG: a year axis, lanes of bars, the article marked.

Lane names on the left, bars on a shared year axis on the right, a section
heading above each group of lanes. Bars still running at the end of the axis
end in an arrowhead; the article's date is a red line (or, for a window, a
shaded band between two dashed lines) labelled in words under the lanes, so
nothing is told by colour alone. Every bar has a ``<title>``; the picture's
``<desc>`` says it all in sentences. The same timeline gives the same bytes.

>>> from provenance.reports._timeline import Bar, Lane, Timeline
>>> day = lambda year: PartialDate(year).earliest().toordinal()
>>> timeline = Timeline("t", (Lane("Names", "Radio", (Bar(day(1993), None, "Radio", "Radio, since 1993"),)),), (), None)
>>> svg = timeline_svg(timeline)
>>> svg.count('class="bar"'), ">1993<" in svg
(1, True)
"""

from __future__ import annotations

import datetime

from provenance.dates import PartialDate
from provenance.reports._svg import esc, num, text_width
from provenance.reports._timeline import Bar, Lane, Marker, Timeline

__all__ = ["PLOT_WIDTH", "PLOT_X", "timeline_svg", "x_of"]

PLOT_X = 290
"""Left edge of the plot (lane names are written before it)."""
PLOT_WIDTH = 620
"""Width of the plot."""
_WIDTH, _AXIS, _LANE, _BAR, _HEAD, _FOOT, _SIZE = PLOT_X + PLOT_WIDTH + 20, 26, 22, 14, 24, 34, 10
_FILLS = {"Names": "#cfe3f7", "Run, owned or controlled by": "#e3d7f2", "Labels": "#fde2c8"}
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


def x_of(timeline: Timeline, day: int | None, open_side: int = 0) -> float:
    """Where a day falls on the plot; an open day (``None``) is the left (``open_side`` 0) or right edge."""
    lo, hi = timeline.span()
    if day is None:
        return float(PLOT_X + (PLOT_WIDTH if open_side else 0))
    day = min(max(day, lo), hi)
    return PLOT_X + (day - lo) * PLOT_WIDTH / (hi - lo)


def _axis(timeline: Timeline, bottom: float) -> list[str]:
    lo, hi = timeline.span()
    first, last = datetime.date.fromordinal(lo).year + 1, datetime.date.fromordinal(hi).year
    step = next((s for s in _STEPS if (last - first) // s <= 10), _STEPS[-1])
    parts = []
    for year in range(-(-first // step) * step, last + 1, step):
        x = num(x_of(timeline, PartialDate(year).earliest().toordinal()))
        parts.append(
            f'<line x1="{x}" y1="{_AXIS - 6}" x2="{x}" y2="{num(bottom)}" stroke="#ddd"/>'
            f'<text x="{x}" y="{_AXIS - 10}" text-anchor="middle" fill="#444">{year}</text>'
        )
    return parts


def _bar(timeline: Timeline, bar: Bar, lane: Lane, y: float, room: tuple[float, float]) -> str:
    """A bar with its text inside, else after it, else before it (within ``room``), else only in its title."""
    x1, x2 = x_of(timeline, bar.first, 0), x_of(timeline, bar.last, 1)
    x2 = max(x2, x1 + 2)
    fill = _FILLS.get(lane.section, "#e8eef8")
    top = y + (_LANE - _BAR) / 2
    shape = (
        f'<rect class="bar" x="{num(x1)}" y="{num(top)}" width="{num(x2 - x1)}" height="{_BAR}" '
        f'fill="{fill}" stroke="#666"/>'
    )
    if bar.last is None:
        tip = f"{num(x2)},{num(top - 2)} {num(x2 + 7)},{num(top + _BAR / 2)} {num(x2)},{num(top + _BAR + 2)}"
        shape += f'<polygon points="{tip}" fill="#666"><title>still so</title></polygon>'
    width = text_width(bar.text, _SIZE)
    text = ""
    if width + 6 <= x2 - x1:
        text = f'<text x="{num(x1 + 4)}" y="{num(top + _BAR - 3)}">{esc(bar.text)}</text>'
    elif width + 12 <= room[1] - x2:
        text = f'<text x="{num(x2 + 10)}" y="{num(top + _BAR - 3)}">{esc(bar.text)}</text>'
    elif width + 8 <= x1 - room[0]:
        text = f'<text x="{num(x1 - 4)}" y="{num(top + _BAR - 3)}" text-anchor="end">{esc(bar.text)}</text>'
    return f'<g class="span"><title>{esc(bar.title)}</title>{shape}{text}</g>'


def _lane(timeline: Timeline, lane: Lane, y: float) -> list[str]:
    label = lane.label if text_width(lane.label, 11) <= PLOT_X - 16 else lane.label[: int((PLOT_X - 16) / 6.6)] + "…"
    parts = [
        f'<text x="{PLOT_X - 8}" y="{num(y + _LANE / 2 + 4)}" text-anchor="end" font-size="11">'
        f"<title>{esc(lane.label)}</title>{esc(label)}</text>"
    ]
    for i, bar in enumerate(lane.bars):
        start = x_of(timeline, lane.bars[i - 1].last, 1) if i else float(PLOT_X)
        end = x_of(timeline, lane.bars[i + 1].first, 0) if i + 1 < len(lane.bars) else float(PLOT_X + PLOT_WIDTH + 20)
        parts.append(_bar(timeline, bar, lane, y, (start, end)))
    return parts


def _marker(timeline: Timeline, marker: Marker, top: float, bottom: float) -> list[str]:
    x1, x2 = x_of(timeline, marker.first, 0), x_of(timeline, marker.last, 1)
    label_x = min(max((x1 + x2) / 2, PLOT_X + 100), _WIDTH - 110)
    if x2 - x1 < 3:
        x = num((x1 + x2) / 2)
        shape = (
            f'<line class="marker" x1="{x}" y1="{num(top)}" x2="{x}" y2="{num(bottom)}" '
            'stroke="#c00" stroke-width="2"/>'
        )
    else:
        shape = (
            f'<rect class="marker" x="{num(x1)}" y="{num(top)}" width="{num(x2 - x1)}" height="{num(bottom - top)}" '
            'fill="#c00" fill-opacity="0.07"/>'
            + "".join(
                f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" stroke="#c00" '
                'stroke-dasharray="4 3"/>'
                for x in (x1, x2)
            )
        )
    text = (
        f'<text x="{num(label_x)}" y="{num(bottom + 16)}" text-anchor="middle" fill="#900" font-size="11">'
        f"▲ {esc(marker.text)}</text>"
    )
    return [f'<g class="article"><title>{esc(marker.text)}</title>{shape}{text}</g>']


def _links(timeline: Timeline, centres: list[float]) -> list[str]:
    parts = []
    for link in timeline.links:
        x = num(x_of(timeline, link.day))
        y1, y2 = centres[link.source], centres[link.target]
        direction = 1 if y2 > y1 else -1
        parts.append(
            f'<g class="link"><title>{esc(link.text)}</title>'
            f'<line x1="{x}" y1="{num(y1 + direction * _BAR / 2)}" x2="{x}" y2="{num(y2 - direction * _BAR / 2)}" '
            'stroke="#333" stroke-width="1.5" marker-end="url(#pv-tl-arrow)"/></g>'
        )
    return parts


def _description(timeline: Timeline) -> str:
    sentences = [f"{lane.label}: {'; '.join(bar.title for bar in lane.bars)}" for lane in timeline.lanes]
    if timeline.marker is not None:
        sentences.append(f"Marked: {timeline.marker.text}")
    return ". ".join(sentences) + "."


def timeline_svg(timeline: Timeline) -> str:
    """The timeline as an SVG element."""
    body: list[str] = []
    centres: list[float] = []
    y = float(_AXIS)
    section = None
    for lane in timeline.lanes:
        if lane.section != section:
            section = lane.section
            body.append(f'<text x="10" y="{num(y + 16)}" font-weight="600" font-size="12">{esc(section)}</text>')
            y += _HEAD
        centres.append(y + _LANE / 2)
        body.extend(_lane(timeline, lane, y))
        y += _LANE
    height = y + _FOOT
    marker = _marker(timeline, timeline.marker, _AXIS - 4, y) if timeline.marker is not None else []
    width, tall = num(_WIDTH), num(height)
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="pv-tl-title pv-tl-desc" '
            f'width="{width}" height="{tall}" viewBox="0 0 {width} {tall}" font-size="{_SIZE}" '
            'font-family="system-ui, sans-serif">',
            f'<title id="pv-tl-title">{esc(timeline.title)}</title>'
            f'<desc id="pv-tl-desc">{esc(_description(timeline))}</desc>',
            '<defs><marker id="pv-tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
            'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>',
            *_axis(timeline, y),
            *marker,
            *body,
            *_links(timeline, centres),
            "</svg>",
        ]
    )
