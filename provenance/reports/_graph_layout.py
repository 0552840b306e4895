"""Lay out a directed graph in columns, deterministically: boxes for nodes, polylines for edges.

A layered ("Sugiyama") layout, kept small: every node goes in a column by
the longest path from it to a node with no outgoing edge (the outlet ends up
in the last column, its ultimate controllers in the first); an edge that
spans several columns passes through a placeholder in each column between;
the order in each column follows the neighbours' (barycentre sweeps, ties by
input order); vertical places pull each node towards its neighbours without
overlap. Every edge leaves its subject on the right from a port of its own
and enters its object on the left at a port of its own, so parallel edges
(two relations between the same bodies) stay apart. No randomness, no set
iteration: the same input gives the same coordinates.

>>> layout = layout_graph(("state", "agency", "outlet"), (("state", "agency"), ("agency", "outlet")), {})
>>> [(box.id, box.column) for box in layout.boxes]
[('state', 0), ('agency', 1), ('outlet', 2)]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

__all__ = ["BOX_WIDTH", "COLUMN_GAP", "LABEL_STUB", "Box", "GraphLayout", "Route", "layout_graph"]

BOX_WIDTH = 180
"""Width of a node's box."""
COLUMN_GAP = 180
"""Horizontal room between two columns of boxes (edge labels sit there)."""
LABEL_STUB = 140
"""Length of the straight first stretch of an edge, above and below which its label is written."""
MARGIN = 10
_OUT_GAP, _IN_GAP, _V_GAP, _PASS_HEIGHT, _MIN_HEIGHT, _LEAD, _BEND = 34, 14, 26, 18, 44, 14, 12
_SWEEPS = 4

_Slot = tuple[str, int, int]  # ("n", node, 0) for a node, ("d", edge, column) for an edge's placeholder


@attrs.frozen(slots=True)
class Box:
    """Where a node is drawn."""

    id: str
    """The node."""
    column: int
    """Its column, from 0 at the left."""
    x: float
    """Left edge."""
    y: float
    """Top edge."""
    width: float
    """Width."""
    height: float
    """Height."""

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area."""
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


@attrs.frozen(slots=True)
class Route:
    """Where an edge is drawn: a polyline from its subject's right side to its object's left side."""

    index: int
    """Position of the edge in the input."""
    subject: str
    """The node it leaves."""
    object: str
    """The node it enters."""
    points: tuple[tuple[float, float], ...]
    """The polyline; the first ``LABEL_STUB`` of it is straight, for the label."""


@attrs.frozen(slots=True)
class GraphLayout:
    """The boxes and routes of a laid-out graph, and the size of the picture."""

    boxes: tuple[Box, ...]
    """One per node, in input order."""
    routes: tuple[Route, ...]
    """One per edge kept (self-loops and edges to unknown nodes are dropped), in input order."""
    width: float
    """Width of the picture."""
    height: float
    """Height of the picture."""


def _layers(count: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """Longest path from each node to a node without outgoing edges; back edges of cycles are ignored."""
    out: list[list[int]] = [[] for _ in range(count)]
    for subject, object in edges:
        out[subject].append(object)
    layer = [-1] * count
    visiting = [False] * count
    for root in range(count):
        stack = [(root, 0)]
        while stack:
            node, step = stack.pop()
            if step == 0:
                if layer[node] >= 0 or visiting[node]:
                    continue
                visiting[node] = True
            if step < len(out[node]):
                stack.append((node, step + 1))
                stack.append((out[node][step], 0))
                continue
            visiting[node] = False
            layer[node] = max((layer[w] + 1 for w in out[node] if layer[w] >= 0), default=0)
    return layer


def _chains(edges: Sequence[tuple[int, int]], column: list[int]) -> list[list[_Slot]]:
    """For each edge, the slots it passes through, from its subject to its object."""
    chains = []
    for index, (subject, object) in enumerate(edges):
        between = range(column[subject] + 1, column[object])
        chains.append([("n", subject, 0), *(("d", index, c) for c in between), ("n", object, 0)])
    return chains


def _order(columns: list[list[_Slot]], chains: list[list[_Slot]]) -> None:
    """Order each column by the mean position of its neighbours in the column before (then after)."""
    neighbours: dict[_Slot, list[_Slot]] = {}
    for chain in chains:
        for a, b in itertools.pairwise(chain):
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
    for sweep in range(_SWEEPS):
        sequence = range(1, len(columns)) if sweep % 2 == 0 else range(len(columns) - 2, -1, -1)
        for c in sequence:
            side = columns[c - 1] if sweep % 2 == 0 else columns[c + 1]
            place = {slot: i for i, slot in enumerate(side)}

            def key(item: tuple[int, _Slot], place: dict[_Slot, int] = place) -> float:
                near = [place[n] for n in neighbours.get(item[1], ()) if n in place]
                return sum(near) / len(near) if near else float(item[0])

            columns[c] = [slot for _, slot in sorted(enumerate(columns[c]), key=key)]


def _place(columns: list[list[_Slot]], heights: dict[_Slot, float], chains: list[list[_Slot]]) -> dict[_Slot, float]:
    """Top of every slot: stacked in order, then pulled towards the neighbours' centres without overlap."""
    top: dict[_Slot, float] = {}
    for column in columns:
        y = 0.0
        for slot in column:
            top[slot] = y
            y += heights[slot] + _V_GAP
    neighbours: dict[_Slot, list[_Slot]] = {}
    for chain in chains:
        for a, b in itertools.pairwise(chain):
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
    for _ in range(_SWEEPS):
        for column in columns:
            wanted = []
            for slot in column:
                near = [top[n] + heights[n] / 2 for n in neighbours.get(slot, ())]
                centre = sum(near) / len(near) if near else top[slot] + heights[slot] / 2
                wanted.append(centre - heights[slot] / 2)
            floor = float("-inf")
            placed = []
            for slot, want in zip(column, wanted, strict=True):
                placed.append(max(want, floor))
                floor = placed[-1] + heights[slot] + _V_GAP
            shift = min(0.0, sum(w - p for w, p in zip(wanted, placed, strict=True)) / max(len(column), 1))
            for slot, y in zip(column, placed, strict=True):
                top[slot] = y + shift
    lowest = min(top.values(), default=0.0)
    return {slot: y - lowest + MARGIN for slot, y in top.items()}


def _ports(
    chains: list[list[_Slot]], top: dict[_Slot, float], heights: dict[_Slot, float]
) -> dict[tuple[int, int], float]:
    """The y of every edge's port at each slot of its chain: ``(edge, position in chain) -> y``."""
    centre = {slot: top[slot] + heights[slot] / 2 for slot in top}
    leaving: dict[_Slot, list[tuple[float, int, int]]] = {}
    entering: dict[_Slot, list[tuple[float, int, int]]] = {}
    for index, chain in enumerate(chains):
        leaving.setdefault(chain[0], []).append((centre[chain[1]], index, 0))
        entering.setdefault(chain[-1], []).append((centre[chain[-2]], index, len(chain) - 1))
    ports: dict[tuple[int, int], float] = {}
    for side, gap in ((leaving, _OUT_GAP), (entering, _IN_GAP)):
        for slot, items in side.items():
            items.sort()
            first = centre[slot] - gap * (len(items) - 1) / 2
            for rank, (_, index, position) in enumerate(items):
                ports[index, position] = first + rank * gap
    for index, chain in enumerate(chains):
        for position in range(1, len(chain) - 1):
            ports[index, position] = centre[chain[position]]
    return ports


def layout_graph(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], text_heights: Mapping[str, float]
) -> GraphLayout:
    """Lay out nodes (unique ids) and directed edges ``(subject, object)``.

    Args:
        nodes: The node ids, in the order ties are broken.
        edges: ``(subject, object)`` pairs; parallel edges are kept apart, self-loops and edges to ids not
            in ``nodes`` are dropped.
        text_heights: Height each node's text needs (default: the minimum box height).

    Returns:
        The layout: boxes that never overlap, and a route from each kept edge's subject to its object.
    """
    index = {id: i for i, id in enumerate(nodes)}
    kept = [(i, index[s], index[o]) for i, (s, o) in enumerate(edges) if s in index and o in index and s != o]
    pairs = [(s, o) for _, s, o in kept]
    layer = _layers(len(nodes), pairs)
    top_layer = max(layer, default=0)
    column = [top_layer - value for value in layer]
    chains = _chains(pairs, column)
    columns: list[list[_Slot]] = [[] for _ in range(top_layer + 1)]
    for i in range(len(nodes)):
        columns[column[i]].append(("n", i, 0))
    heights: dict[_Slot, float] = {}
    for chain in chains:
        for slot in chain[1:-1]:
            columns[column[chain[0][1]] + chain.index(slot)].append(slot)
            heights[slot] = _PASS_HEIGHT
    outs = [sum(1 for s, _ in pairs if s == i) for i in range(len(nodes))]
    ins = [sum(1 for _, o in pairs if o == i) for i in range(len(nodes))]
    for i, id in enumerate(nodes):
        need = max(_MIN_HEIGHT, text_heights.get(id, 0.0), outs[i] * _OUT_GAP, ins[i] * _IN_GAP + 8)
        heights["n", i, 0] = need
    _order(columns, chains)
    top = _place(columns, heights, chains)
    ports = _ports(chains, top, heights)

    def left(c: int) -> float:
        return MARGIN + c * (BOX_WIDTH + COLUMN_GAP)

    boxes = tuple(
        Box(id, column[i], left(column[i]), top["n", i, 0], BOX_WIDTH, heights["n", i, 0]) for i, id in enumerate(nodes)
    )
    routes: list[Route] = []
    for (position, subject, object), chain in zip(kept, chains, strict=True):
        points: list[tuple[float, float]] = []
        for step, slot in enumerate(chain):
            c = column[subject] + step if slot[0] == "d" or step == 0 else column[object]
            y = ports[len(routes), step]
            if step:
                x = left(c)
                stub = LABEL_STUB if step == 1 else _BEND
                points += [(points[-1][0] + stub, points[-1][1]), (x - _LEAD, y), (x, y)]
            if step < len(chain) - 1:
                points.append((left(c) + BOX_WIDTH, y))
        routes.append(Route(position, nodes[subject], nodes[object], tuple(points)))
    width = 2 * MARGIN + len(columns) * BOX_WIDTH + (len(columns) - 1) * COLUMN_GAP
    height = max((top[slot] + heights[slot] for slot in top), default=0.0) + MARGIN
    return GraphLayout(boxes, tuple(routes), width, height)
