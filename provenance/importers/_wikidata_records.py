"""The records the classified Wikidata entities make: outlets, organisations, domain claims, relations, successions.

Each fact is backed by the statement's references (reference URL P854,
stated in P248, title P1476, retrieved P813) or, when it has none, by the
entity's own Wikidata page. A statement that cannot be used is dropped with
a note; an entity that is not imported is a skipped row.
"""

from __future__ import annotations

import contextlib
from typing import Any

import attrs

from provenance.countries import COUNTRY_NAMES
from provenance.dates import UNKNOWN, PartialDate
from provenance.errors import RecordError
from provenance.layout import Record
from provenance.model import DomainClaim, Name, Organization, Outlet, Relation, Source, Succession
from provenance.registry import Registry

from ._common import ImportFileError
from ._wikidata_entities import (
    ENTITY_URL,
    Drop,
    Entity,
    EntitySet,
    interval,
    item,
    main_snak,
    qualifier,
    qualifier_date,
    snak,
    text_of,
    value_of,
    wikidata_date,
)
from ._wikidata_kinds import WD_COUNTRIES

__all__ = ["build_records"]


@attrs.define
class _Builder:
    """Builds the records of the entities of one input, in the order the overlay lists them."""

    found: EntitySet
    base: Registry | None
    extra_states: dict[str, Organization] = attrs.field(factory=dict)
    """States the input points at (by a QID of :data:`WD_COUNTRIES`) without holding their item."""
    bodies: list[Record] = attrs.field(factory=list)
    claims: list[Record] = attrs.field(factory=list)
    relations: list[Record] = attrs.field(factory=list)
    successions: dict[tuple[str, str], Succession] = attrs.field(factory=dict)
    claimed: dict[str, str] = attrs.field(factory=dict)
    """The outlet id each host is claimed for, so far."""

    def build(self) -> list[Record]:
        """The records of every imported entity; each other entity is a skipped row (or counted as used)."""
        for entity in self.found.entities.values():
            if entity.id is None:
                self._skip_unimported(entity)
                continue
            self.found.tally.imported += 1
            self._add(entity)
        return [
            *self.extra_states.values(),
            *self.bodies,
            *self.claims,
            *self.relations,
            *self.successions.values(),
        ]

    def _add(self, entity: Entity) -> None:
        """Add the records of an imported entity: its body (unless the base has it), claims, relations, successions."""
        assert entity.kind is not None and entity.accessed is not None
        page = self.found.page(entity.qid, entity.accessed)
        if not entity.in_base:
            self.bodies.append(self._body(entity, page))
        if entity.kind[0] == "outlet":
            self._add_claims(entity)
        self._add_relations(entity)
        for prop in ("P1365", "P1366"):
            for statement in entity.statements(prop):
                succession = self._succession(entity, prop, statement)
                if succession is not None:
                    self._add_succession(succession)

    def _add_claims(self, outlet: Entity) -> None:
        for host, statement in outlet.sites:
            claim = self._claim(outlet, host, statement)
            if claim is not None:
                self.claims.append(claim)

    def _add_relations(self, entity: Entity) -> None:
        for prop, kind in (("P127", "owns"), ("P749", "parent-of")):
            for statement in entity.statements(prop):
                relation = self._relation(entity, prop, kind, statement)
                if relation is not None:
                    self.relations.append(relation)

    def _add_succession(self, succession: Succession) -> None:
        """Add a succession; one both entities state is one record citing the sources of both."""
        key = (succession.predecessor, succession.successor)
        if key in self.successions:
            merged = tuple(dict.fromkeys(self.successions[key].sources + succession.sources))
            self.successions[key] = attrs.evolve(self.successions[key], sources=merged)
        else:
            self.successions[key] = succession

    def _skip_unimported(self, entity: Entity) -> None:
        if entity.used:
            self.found.tally.imported += 1
            return
        if entity.kind is None:
            reason = "not an outlet or organisation we can map (instance of: {}), and nothing refers to it".format(
                ", ".join(entity.items("P31")) or "none"
            )
        elif entity.accessed is None:
            reason = "no date for its sources: the entity has no 'modified' date; pass accessed"
        elif entity.kind == ("organization", "state"):
            reason = "a country whose ISO code is unknown (no P297, not in the country table)"
        else:
            reason = "an outlet needs a country: P17/P495 name none with a known ISO code"
        self.found.tally.skip(entity.line, f"{entity.qid}: {reason}", entity.text)

    def sources(self, entity: Entity, statement: dict[str, Any]) -> tuple[Source, ...]:
        """The sources of a statement: its usable references, else the entity's page."""
        found: list[Source] = []
        references = statement.get("references")
        for reference in references if isinstance(references, list) else ():
            snaks = reference.get("snaks") if isinstance(reference, dict) else None
            if not isinstance(snaks, dict):
                continue
            try:
                source = self._reference(entity, snaks)
            except (Drop, RecordError) as error:
                self.found.note(entity, f"a reference dropped: {error}")
                source = None
            if source is not None:
                found.append(source)
        if not found:
            found.append(self.found.page(entity.qid, entity.accessed))
        return tuple(dict.fromkeys(found))

    def _reference(self, entity: Entity, snaks: dict[str, Any]) -> Source | None:
        def value(prop: str) -> Any:
            values = snaks.get(prop)
            if not isinstance(values, list) or not values:
                return None
            kind, data = snak(values[0])
            return data if kind == "value" else None

        url, stated, title = value("P854"), value("P248"), text_of(value("P1476"))
        stated_qid = item(stated) if stated is not None else None
        stated_label = self.found.label(stated_qid) if stated_qid else None
        if stated_qid:
            self.found.use(stated_qid)
        retrieved = value("P813")
        accessed = entity.accessed
        if isinstance(retrieved, dict):
            with contextlib.suppress(ValueError):
                accessed = wikidata_date(retrieved)
        if isinstance(url, str) and url.strip():
            return Source(
                url.strip(),
                title or stated_label or f"Reference cited on Wikidata for {entity.qid}",
                publisher=stated_label,
                accessed=accessed,
            )
        if stated_qid:
            return Source(
                ENTITY_URL + stated_qid,
                title or stated_label or f"Wikidata item {stated_qid}",
                publisher="Wikidata",
                accessed=accessed,
                kind="reference",
            )
        return None

    def target_id(self, qid: str, accessed: PartialDate | None) -> str | None:
        """The registry id of an item a statement points at: an entity's, or a state's of the country table."""
        entity = self.found.entities.get(qid)
        if entity is not None:
            return entity.id
        code = WD_COUNTRIES.get(qid)
        if code is None:
            return None
        id = f"state-{code.lower()}"
        if (self.base is None or id not in self.base) and id not in self.extra_states:
            self.extra_states[id] = Organization(
                id,
                COUNTRY_NAMES[code],
                kind="state",
                country=code,
                sources=(self.found.page(qid, accessed),),
            )
        return id

    def missing(self, prop: str, target: str) -> str:
        """Why a statement's target has no registry id."""
        if target in self.found.entities:
            return f"{prop} {target} is in the input but was not imported"
        return f"{prop} {target} is not in the input (nor a country of the country table)"

    def _body(self, entity: Entity, page: Source) -> Record:
        assert entity.kind is not None and entity.id is not None
        name = entity.label or entity.qid
        try:
            if entity.kind[0] == "outlet":
                assert entity.country is not None
                return Outlet(
                    id=entity.id,
                    name=name,
                    kind=entity.kind[1],
                    country=entity.country,
                    names=self._aliases(entity, name),
                    lifetime=entity.lifetime,
                    sources=(page,),
                )
            return Organization(
                id=entity.id,
                name=name,
                kind=entity.kind[1],
                country=entity.country,
                lifetime=entity.lifetime,
                sources=(page,),
            )
        except RecordError as error:
            raise ImportFileError(self.found.tally.file, str(error), entity.line) from None

    def _aliases(self, entity: Entity, name: str) -> tuple[Name, ...]:
        aliases = entity.data.get("aliases")
        values = aliases.get("en") if isinstance(aliases, dict) else None
        found = []
        for value in values if isinstance(values, list) else ():
            text = text_of(value_of(value))
            if text and text != name:
                found.append(Name(text, kind="alias"))
        return tuple(dict.fromkeys(found))

    def _claim(self, entity: Entity, host: str, statement: dict[str, Any]) -> DomainClaim | None:
        assert entity.id is not None
        if self.base is not None:
            existing = self.base.claim_for_url(host)
            if existing is not None and existing.host == host:
                if existing.outlet != entity.id:
                    self.found.note(entity, f"{host} is claimed by {existing.outlet!r} in the base registry")
                return None
        if host in self.claimed:
            if self.claimed[host] != entity.id:
                self.found.note(entity, f"{host} is also the official website of {self.claimed[host]!r}; kept there")
            return None
        try:
            when = interval(statement)
        except Drop as error:
            self.found.note(entity, f"official website {host}: {error}")
            return None
        self.claimed[host] = entity.id
        role = "former" if isinstance(when.end, PartialDate) or when.end is UNKNOWN else "primary"
        return DomainClaim(host, entity.id, role, when, self.sources(entity, statement))

    def _relation(self, entity: Entity, prop: str, kind: str, statement: dict[str, Any]) -> Relation | None:
        assert entity.id is not None
        try:
            _, subject = self._other(entity, prop, statement)
            share = None
            found = qualifier(statement, "P1107")
            if found is not None and found[0] == "value" and isinstance(found[1], dict):
                try:
                    share = float(found[1].get("amount", ""))
                except ValueError:
                    share = None
                if share is not None and not 0 <= share <= 1:
                    share = None
            return Relation(subject, kind, entity.id, share, interval(statement), self.sources(entity, statement))
        except (Drop, RecordError) as error:
            self.found.note(entity, f"{prop} dropped: {error}")
            return None

    def _other(self, entity: Entity, prop: str, statement: dict[str, Any]) -> tuple[str, str]:
        """The item a statement points at and its id in the registry; :class:`Drop` when there is none usable."""
        kind, value = main_snak(statement)
        if kind != "value":
            raise Drop(f"{prop} has {kind}")
        target = item(value)
        other = self.target_id(target, entity.accessed)
        if other is None:
            raise Drop(self.missing(prop, target))
        if other == entity.id:
            raise Drop(f"{prop} {target} is the entity itself")
        return target, other

    def _succession(self, entity: Entity, prop: str, statement: dict[str, Any]) -> Succession | None:
        assert entity.id is not None
        try:
            target, other = self._other(entity, prop, statement)
            other_entity = self.found.entities.get(target)
            date = qualifier_date(statement, "P585")
            if prop == "P1365":  # this entity replaces the target
                predecessor, successor = other, entity.id
                date = date or qualifier_date(statement, "P580") or entity.lifetime.start
                if not isinstance(date, PartialDate) and other_entity is not None:
                    date = other_entity.lifetime.end
            else:  # this entity was replaced by the target
                predecessor, successor = entity.id, other
                date = date or qualifier_date(statement, "P582") or entity.lifetime.end
                if not isinstance(date, PartialDate) and other_entity is not None:
                    date = other_entity.lifetime.start
            if not isinstance(date, PartialDate):
                raise Drop(f"{prop} {target}: no date (no P585/P580/P582, inception or dissolution)")
            return Succession(predecessor, successor, "replaced-by", date, self.sources(entity, statement))
        except (Drop, RecordError) as error:
            self.found.note(entity, f"{prop} dropped: {error}")
            return None


def build_records(found: EntitySet, base: Registry | None) -> list[Record]:
    """The records of the classified entities: states pointed at, bodies, domain claims, relations, successions.

    Args:
        found: The entities, classified (:func:`classify`); what is dropped is
            noted, and what is not imported skipped, in its tally.
        base: The registry the records join.

    Raises:
        ImportFileError: If an entity makes an invalid outlet or organisation.
    """
    return _Builder(found, base).build()
