"""Draw who stood behind an outlet as one graph in inline SVG: each party once, each relation once.

The parties and relations are those of the report's control chain (every
path from the outlet up to its ultimate owners and controllers), merged: a
body on several paths is one box, a relation on several paths one arrow.
Each arrow carries its kind and share above it and its dates below it; one
that did not hold for the whole period in question is dashed. Boxes say
the body's kind in words (a state is not shown by colour alone); every box
and arrow has a ``<title>``, and the picture a ``<title>`` and a ``<desc>``
that says all of it in sentences.

>>> from provenance.testing import make_registry
>>> from provenance.ownership import control_chain
>>> reg = make_registry(
...     organizations=[{"id": "state", "name": "State", "kind": "state", "country": "RU"},
...                    {"id": "agency", "name": "Agency"}],
...     outlets=[{"id": "radio", "name": "Radio", "country": "RU"}],
...     relations=[{"subject": "state", "kind": "owns", "object": "agency", "share": 1.0},
...                {"subject": "state", "kind": "funds", "object": "agency"},
...                {"subject": "agency", "kind": "operates", "object": "radio", "start": "2013"}])
>>> svg = ownership_svg(control_chain(reg, "radio"), reg)
>>> svg.count('class="node"'), svg.count('class="edge"'), "since 2013" in svg
(3, 3, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.dates import Interval, PartialDate, Truth
from provenance.model import Organization, Outlet, Relation
from provenance.ownership import stands_for_state
from provenance.policies import describe_relation
from provenance.reports._graph_layout import Box, GraphLayout, Route, layout_graph
from provenance.reports._svg import esc, num, wrap

if TYPE_CHECKING:
    from provenance.ownership import ControlChain
    from provenance.registry import Registry

__all__ = ["chain_relations", "ownership_svg"]

_NAME_SIZE, _NOTE_SIZE, _LINE, _WRAP = 12, 10, 15, 22
_FILLS = {"state": "#fde2e2", "outlet": "#e4f2e4", "body": "#e8eef8"}


def chain_relations(chain: ControlChain) -> tuple[Relation, ...]:
    """Every relation on the chain's paths, once, in the paths' order."""
    return tuple(dict.fromkeys(relation for path in chain for relation in path.relations))


def _name(registry: Registry, id: str) -> str:
    body = registry.get(id)
    return body.name if body is not None else id


def _dates(relation: Relation) -> str:
    text = relation.interval.describe()
    return "dates not recorded" if text == "no dates recorded" else text


def _whole_period(relation: Relation, registry: Registry, window: PartialDate | Interval | None) -> bool:
    """Whether the relation, and both its ends, certainly held over the whole window."""
    if window is None:
        return True
    spans = [relation.interval]
    for id in (relation.subject, relation.object):
        body = registry.get(id)
        if body is not None:
            spans.append(body.lifetime)
    return Truth.combine_all(span.contains(window) for span in spans) is Truth.YES


def _note(body: Outlet | Organization | None, is_outlet: bool) -> tuple[str, str]:
    """The small line under a box's name, and the box's fill key."""
    if body is None:
        return "not in the registry", "body"
    country = f", {body.country}" if body.country else ""
    if isinstance(body, Organization) and stands_for_state(body):
        return f"state ({body.kind}{country})", "state"
    if is_outlet:
        return f"the outlet ({body.kind}{country})", "outlet"
    return f"{body.kind}{country}", "body"


def _box_svg(box: Box, lines: tuple[str, ...], note: str, fill: str, title: str) -> str:
    top = box.y + (box.height - _LINE * (len(lines) + 1)) / 2 + _NAME_SIZE
    centre = num(box.x + box.width / 2)
    stroke = ' stroke-width="2"' if fill == "outlet" else ""
    texts = "".join(
        f'<text x="{centre}" y="{num(top + i * _LINE)}" font-weight="600">{esc(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g class="node"><title>{esc(title)}</title>'
        f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.width)}" height="{num(box.height)}" rx="6" '
        f'fill="{_FILLS[fill]}" stroke="#555"{stroke}/>'
        f'{texts}<text x="{centre}" y="{num(top + len(lines) * _LINE)}" font-size="{_NOTE_SIZE}" fill="#444">'
        f"{esc(note)}</text></g>"
    )


def _edge_svg(route: Route, relation: Relation, registry: Registry, dashed: bool) -> str:
    points = " ".join(f"{num(x)},{num(y)}" for x, y in route.points)
    x, y = route.points[0]
    share = f" {relation.share:.0%}" if relation.share is not None else ""
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    label = f'<text x="{num(x + 6)}" y="{num(y - 4)}" class="label">{esc(relation.kind + share)}</text>'
    dates = f'<text x="{num(x + 6)}" y="{num(y + 11)}" class="label dates">{esc(_dates(relation))}</text>'
    return (
        f'<g class="edge"><title>{esc(describe_relation(registry, relation))}</title>'
        f'<polyline points="{points}" fill="none" stroke="#444"{dash} marker-end="url(#pv-arrow)"/>'
        f"{label}{dates}</g>"
    )


def _layout(chain: ControlChain, registry: Registry, relations: tuple[Relation, ...]) -> GraphLayout:
    ids = tuple(dict.fromkeys([chain.outlet, *(id for r in relations for id in (r.object, r.subject))]))
    heights = {id: _LINE * (len(wrap(_name(registry, id), _WRAP)) + 1) + 12 for id in ids}
    return layout_graph(ids, [(r.subject, r.object) for r in relations], heights)


def ownership_svg(chain: ControlChain, registry: Registry) -> str:
    """The chain as one graph in SVG, or ``""`` when nobody is recorded above the outlet."""
    relations = chain_relations(chain)
    if not relations:
        return ""
    layout = _layout(chain, registry, relations)
    outlet = _name(registry, chain.outlet)
    dashed = [not _whole_period(relation, registry, chain.window) for relation in relations]
    legend = 22 if any(dashed) else 0
    width, height = num(layout.width), num(layout.height + legend)
    desc = ". ".join(describe_relation(registry, relation) for relation in relations) + "."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="pv-graph-title pv-graph-desc" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-size="{_NAME_SIZE}" '
        'font-family="system-ui, sans-serif" text-anchor="middle">',
        f'<title id="pv-graph-title">Who stood behind {esc(outlet)}</title><desc id="pv-graph-desc">{esc(desc)}</desc>',
        "<style>.label{font-size:10px;text-anchor:start;paint-order:stroke;stroke:#fff;stroke-width:3px}"
        ".dates{fill:#333}</style>",
        '<defs><marker id="pv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>',
    ]
    for route in layout.routes:
        parts.append(_edge_svg(route, relations[route.index], registry, dashed[route.index]))
    for box in layout.boxes:
        body = registry.get(box.id)
        name = _name(registry, box.id)
        note, fill = _note(body, box.id == chain.outlet)
        parts.append(_box_svg(box, wrap(name, _WRAP), note, fill, f"{name}: {note}"))
    if legend:
        window = chain.window
        period = f"for all of {window.describe()}" if isinstance(window, Interval) else f"on {window}"
        if isinstance(window, PartialDate) and window.precision != "day":
            period = f"for all of {window}"
        parts.append(
            f'<text x="10" y="{num(layout.height + 14)}" text-anchor="start" font-size="11" fill="#333">'
            f"Dashed arrows may not have held {esc(period)}.</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
