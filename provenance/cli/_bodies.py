"""What ``provenance outlet`` shows: an outlet or organisation found by id, name or URL, and an organisation's record.

An id is taken first, then a URL or host (for an outlet), then names: an
exact name (or alias) before a part of one, an outlet before an
organisation. A name that fits several is refused with the candidates
listed, so the user can give an id.
"""

from __future__ import annotations

from typing import Any, TextIO

from provenance.errors import InvalidURLError, ProvenanceError, UnknownIdError
from provenance.model import Organization, Outlet, Relation, Source, Succession
from provenance.registry import Registry

__all__ = ["name_of", "organisation_json", "resolve_body", "write_organisation"]

_SHOWN_CANDIDATES = 12

_ACTIVE = {"controls-editorially": "controls the editorial line of", "parent-of": "is the parent of"}
"""How a relation reads from its subject, where its kind is not a verb already."""

_PASSIVE = {
    "owns": "owned by",
    "funds": "funded by",
    "governs": "governed by",
    "controls-editorially": "editorially controlled by",
    "operates": "operated by",
    "parent-of": "a subsidiary of",
}
"""How a relation reads from its object: ``Sputnik`` is *operated by* Rossiya Segodnya."""


def name_of(registry: Registry, id: str) -> str:
    """``Name (id)`` of an outlet or organisation, or the bare id if the registry has none."""
    body = registry.get(id)
    return f"{body.name} ({id})" if body is not None else id


def _outlet_at(registry: Registry, query: str, at: str | None) -> Outlet | None:
    if "." not in query and "/" not in query:
        return None
    try:
        return registry.outlet_for_url(query, at)
    except InvalidURLError:  # not a URL after all: maybe a name with a dot ("R.T.")
        return None


def resolve_body(registry: Registry, query: str, at: str | None) -> Outlet | Organization:
    """The outlet or organisation a user means by an id, a URL or host, or a name.

    Args:
        registry: Where to look.
        query: An id, a URL or host, or a name, alias or part of one.
        at: When, for a URL (any readable date), or ``None``.

    Returns:
        The outlet or organisation.

    Raises:
        UnknownIdError: If nothing fits.
        ProvenanceError: If a name fits several (the message lists them, with their ids).
    """
    found = registry.get(query) or _outlet_at(registry, query, at)
    if found is not None:
        return found
    key = query.casefold().strip()
    matches = registry.search(query)
    exact = [body for body in matches if key in {entry.name.casefold() for entry in body.all_names()}]
    for group in (
        [body for body in exact if isinstance(body, Outlet)],
        [body for body in exact if isinstance(body, Organization)],
        [body for body in matches if isinstance(body, Outlet)],
        [body for body in matches if isinstance(body, Organization)],
    ):
        if len(group) == 1:
            return group[0]
        if group:
            raise ProvenanceError(_ambiguous(query, group))
    raise UnknownIdError(query)


def _ambiguous(query: str, candidates: list[Outlet] | list[Organization]) -> str:
    kind = "outlets" if isinstance(candidates[0], Outlet) else "organisations"
    shown = ", ".join(f"{body.id} ({body.name})" for body in candidates[:_SHOWN_CANDIDATES])
    more = len(candidates) - _SHOWN_CANDIDATES
    rest = f" and {more} more" if more > 0 else ""
    return f"{query!r} is ambiguous: {len(candidates)} {kind} match: {shown}{rest}; give an id"


class _Citations:
    """Numbers sources in the order they are first cited."""

    def __init__(self) -> None:
        self.sources: dict[Source, int] = {}

    def refs(self, sources: tuple[Source, ...]) -> str:
        """`` [1][2]`` for these sources (numbering new ones), or nothing when there are none."""
        numbers = [self.sources.setdefault(source, len(self.sources) + 1) for source in sources]
        return (" " + "".join(f"[{number}]" for number in numbers)) if numbers else ""


def _share(relation: Relation) -> str:
    return f", {relation.share:.0%}" if relation.share is not None else ""


def _succession_lines(registry: Registry, id: str, cite: _Citations) -> list[str]:
    def line(role: str, other: str, succession: Succession) -> str:
        when = f"{succession.kind} {succession.date}"
        return f"  {role} {name_of(registry, other)}: {when}{cite.refs(succession.sources)}"

    return [
        *(line("predecessor", s.predecessor, s) for s in registry.predecessors(id)),
        *(line("successor", s.successor, s) for s in registry.successors(id)),
    ]


def write_organisation(out: TextIO, registry: Registry, body: Organization, at: str | None) -> None:
    """An organisation in text: its record, what it owns, operates or funds and who does so to it, its chain.

    Every relation and succession carries its dates and numbered sources, listed at the end.

    Args:
        out: Where to write.
        registry: Where the facts come from.
        body: The organisation.
        at: Keep only relations that may hold then (any readable date), or ``None`` for all.
    """
    from provenance.ownership import control_chain

    cite = _Citations()
    country = body.country or "no country recorded"
    out.write(f"{body.name} ({body.id}): {body.kind}, {country}, {body.lifetime.describe()}{cite.refs(body.sources)}\n")
    if body.description:
        out.write(f"  {body.description}\n")
    for relation in registry.relations(subject=body.id, at=at):
        target = name_of(registry, relation.object)
        dates = f"{_share(relation)}, {relation.interval.describe()}"
        out.write(f"  {_ACTIVE.get(relation.kind, relation.kind)} {target}{dates}{cite.refs(relation.sources)}\n")
    for relation in registry.relations(object=body.id, at=at):
        owner = name_of(registry, relation.subject)
        dates = f"{_share(relation)}, {relation.interval.describe()}"
        out.write(f"  {_PASSIVE.get(relation.kind, relation.kind)} {owner}{dates}{cite.refs(relation.sources)}\n")
    out.writelines(f"{line}\n" for line in _succession_lines(registry, body.id, cite))
    chain = control_chain(registry, body.id, at)
    out.write(f"\nControl chain {f'at {at}' if at else 'over its lifetime'}:\n")
    out.writelines(f"  {path.describe(registry)}\n" for path in chain)
    if not chain.paths:
        out.write("  none recorded\n")
    if cite.sources:
        out.write("\nSources:\n")
        out.writelines(f"  [{number}] {source.cite()}\n" for source, number in cite.sources.items())


def organisation_json(registry: Registry, body: Organization, at: str | None) -> dict[str, Any]:
    """An organisation as JSON: its record, its relations both ways, successions and control chain.

    Args:
        registry: Where the facts come from.
        body: The organisation.
        at: Keep only relations that may hold then (any readable date), or ``None`` for all.

    Returns:
        ``organization``, ``relations`` (those it is the subject of, then the
        object of, each with its sources), ``predecessors``, ``successors`` and
        ``chain`` (each path in words).
    """
    from provenance.codec import to_dict
    from provenance.ownership import control_chain

    relations = [*registry.relations(subject=body.id, at=at), *registry.relations(object=body.id, at=at)]
    return {
        "organization": to_dict(body),
        "relations": [to_dict(relation) for relation in relations],
        "predecessors": [to_dict(s) for s in registry.predecessors(body.id)],
        "successors": [to_dict(s) for s in registry.successors(body.id)],
        "chain": [path.describe(registry) for path in control_chain(registry, body.id, at)],
    }
