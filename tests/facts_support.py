"""Helpers the shipped-data fact tests share: a record's dates as text, the one relation of a kind."""

from __future__ import annotations

from provenance.dates import OpenEnd
from provenance.model import Assessment, Relation
from provenance.registry import Registry


def bound(value: object) -> str | None:
    """An interval end as text: ``None`` when open, ``"ongoing"``/``"unknown"`` for an open end, else the date."""
    if value is None:
        return None
    return value.value if isinstance(value, OpenEnd) else str(value)


def span(record: Relation | Assessment) -> tuple[str | None, str | None]:
    """A record's start and end as text."""
    return bound(record.interval.start), bound(record.interval.end)


def relation(registry: Registry, subject: str, kind: str, object: str) -> Relation:
    """The one relation of this kind between the two, failing the test when there is none or several."""
    found = [r for r in registry.relations(subject=subject, object=object) if r.kind == kind]
    assert len(found) == 1, f"expected one {subject} {kind} {object}, got {found}"
    return found[0]


def assert_resolves(registry: Registry, outlet: str, url: str, country: str) -> None:
    """A URL on the outlet's main domain names the outlet, of its country."""
    found = registry.outlet_for_url(url)
    assert found is not None and found.id == outlet
    assert found.country == country


def assert_reaches_state(registry: Registry, outlet: str, state: str, at: str) -> None:
    """The outlet's control chain at a sourced date reaches exactly this state."""
    from provenance.ownership import control_chain

    assert [body.id for body in control_chain(registry, outlet, at=at).states(registry)] == [state]
