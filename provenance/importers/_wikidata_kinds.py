"""What each Wikidata entity becomes: its record type and kind, country, lifetime, websites and registry id.

Kinds come from instance of (P31) through :data:`WD_INSTANCE_KINDS`;
countries from country (P17), else country of origin (P495), through the
country's ISO code (P297) or :data:`WD_COUNTRIES`; lifetimes from inception
(P571) and dissolved (P576); websites from official website (P856).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from provenance.countries import COUNTRY_NAMES
from provenance.dates import ALWAYS, ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate
from provenance.errors import IntervalError
from provenance.registry import Registry

from ._common import RowSkip, read_host
from ._wikidata_entities import Drop, Entity, EntitySet, main_snak, wikidata_date

__all__ = ["RELATED", "WD_COUNTRIES", "WD_INSTANCE_KINDS", "classify"]

WD_INSTANCE_KINDS: dict[str, tuple[str, str]] = {
    "Q192283": ("outlet", "news-agency"),  # news agency
    "Q11032": ("outlet", "newspaper"),  # newspaper
    "Q1153191": ("outlet", "website"),  # online newspaper
    "Q35127": ("outlet", "website"),  # website
    "Q41298": ("outlet", "magazine"),  # magazine
    "Q2001305": ("outlet", "tv-channel"),  # television channel
    "Q1616075": ("outlet", "tv-channel"),  # television station
    "Q14350": ("outlet", "radio"),  # radio station
    "Q15265344": ("outlet", "broadcaster"),  # broadcaster
    "Q5": ("organization", "person"),  # human
    "Q6256": ("organization", "state"),  # country
    "Q3624078": ("organization", "state"),  # sovereign state
    "Q4830453": ("organization", "company"),  # business
    "Q783794": ("organization", "company"),  # company
    "Q327333": ("organization", "government-body"),  # government agency
    "Q163740": ("organization", "nonprofit"),  # nonprofit organization
    "Q43229": ("organization", "other"),  # organization
}
"""P31 (instance of) values the importer understands: ``(record type, kind)``.

Only direct P31 values are read; subclasses are not followed (the input
holds no class hierarchy). Pass ``instance_kinds`` to extend the table.
"""

WD_COUNTRIES: dict[str, str] = {
    "Q30": "US", "Q145": "GB", "Q159": "RU", "Q183": "DE", "Q142": "FR", "Q148": "CN",
    "Q17": "JP", "Q16": "CA", "Q408": "AU", "Q29": "ES", "Q38": "IT", "Q39": "CH",
    "Q55": "NL", "Q34": "SE", "Q36": "PL", "Q28": "HU", "Q27": "IE", "Q45": "PT",
    "Q211": "LV", "Q184": "BY", "Q794": "IR", "Q846": "QA", "Q851": "SA", "Q878": "AE",
    "Q43": "TR", "Q717": "VE", "Q241": "CU", "Q423": "KP", "Q884": "KR", "Q881": "VN",
    "Q334": "SG", "Q8646": "HK", "Q668": "IN", "Q801": "IL", "Q79": "EG", "Q858": "SY",
    "Q227": "AZ", "Q232": "KZ", "Q414": "AR", "Q155": "BR", "Q212": "UA",
}  # fmt: skip
"""Country items (P17 values) to ISO 3166-1 alpha-2, for the countries of the shipped registry.

A country item in the input with an ISO code (P297) is used first; other
countries need their item in the input.
"""

RELATED = ("P127", "P749", "P1365", "P1366")
"""The properties that point at other entities: owned by, parent organisation, replaces, replaced by."""
_STATE = ("organization", "state")
_PERSON = ("organization", "person")


@attrs.frozen
class _Classifier:
    """Classifies the entities of one input, against the base registry."""

    found: EntitySet
    base: Registry | None
    kinds: Mapping[str, tuple[str, str]]

    def classify(self) -> None:
        """Give each entity its kind, country and lifetime."""
        for entity in self.found.entities.values():
            entity.kind = self._kind(entity)
            entity.country = self.country_of(entity.qid) if entity.kind == _STATE else self._country(entity)
            entity.lifetime = self.lifetime(entity)

    def _kind(self, entity: Entity) -> tuple[str, str] | None:
        """The kind of the first P31 value the table maps; a state or a person wins, then an outlet."""
        kinds = [self.kinds[qid] for qid in entity.items("P31") if qid in self.kinds]
        for wanted in (_STATE, _PERSON):
            if wanted in kinds:
                return wanted
        return next((k for k in kinds if k[0] == "outlet"), None) or next(iter(kinds), None)

    def _country(self, entity: Entity) -> str | None:
        for prop in ("P17", "P495"):
            for qid in entity.items(prop, best=True):
                code = self.country_of(qid)
                if code:
                    return code
        return None

    def country_of(self, qid: str) -> str | None:
        """The ISO code of a country item: its P297 when it is in the input, else :data:`WD_COUNTRIES`."""
        entity = self.found.entities.get(qid)
        if entity is not None:
            for statement in entity.statements("P297", best=True):
                try:
                    kind, value = main_snak(statement)
                except Drop:
                    continue
                if kind == "value" and isinstance(value, str) and value.upper() in COUNTRY_NAMES:
                    entity.used = True
                    return value.upper()
        return WD_COUNTRIES.get(qid)

    def lifetime(self, entity: Entity) -> Interval:
        start: PartialDate | None = None
        end: PartialDate | OpenEnd = ONGOING
        for prop in ("P571", "P576"):
            for statement in entity.statements(prop, best=True)[:1]:
                try:
                    kind, value = main_snak(statement)
                    if kind == "somevalue" and prop == "P576":
                        end = UNKNOWN
                    elif kind == "value":
                        date = wikidata_date(value)
                        if prop == "P571":
                            start = date
                        else:
                            end = date
                except (Drop, ValueError) as error:
                    self.found.note(entity, f"{prop} dropped: {error}")
        try:
            return Interval(start, end)
        except IntervalError as error:
            self.found.note(entity, f"lifetime dropped: {error}")
            return ALWAYS

    def websites(self, entity: Entity) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for statement in entity.statements("P856"):
            try:
                kind, value = main_snak(statement)
                if kind != "value" or not isinstance(value, str):
                    continue
                host = read_host(value)
            except (Drop, RowSkip) as error:
                self.found.note(entity, f"official website dropped: {error}")
                continue
            if host.path_matters:
                self.found.note(
                    entity,
                    f"official website {value} dropped: it is part of {host.host}, "
                    "and a domain claim covers the whole host",
                )
                continue
            found.append((host.host, statement))
        return found

    def assign_ids(self) -> None:
        """Give an id to each entity to import: every one with a kind, or that matters to another."""
        referenced = {qid for entity in self.found.entities.values() for prop in RELATED for qid in entity.items(prop)}
        for entity in self.found.entities.values():
            if self._has_kind(entity, referenced) and entity.accessed is not None:
                self._assign_id(entity)

    def _has_kind(self, entity: Entity, referenced: set[str]) -> bool:
        """Whether an entity has a kind, once an entity that matters gets ``other``.

        An entity without a kind matters when it has statements to import or
        another entity points at it.
        """
        if entity.kind is not None:
            return True
        relevant = any(entity.statements(p) for p in ("P127", "P749", "P856", "P1365", "P1366"))
        if not relevant and entity.qid not in referenced:
            return False
        entity.kind = ("organization", "other")
        self.found.note(entity, "instance of (P31) not in the kind table; imported as 'other'")
        return True

    def _assign_id(self, entity: Entity) -> None:
        assert entity.kind is not None
        if entity.kind == _STATE:
            if entity.country:
                entity.id = f"state-{entity.country.lower()}"
                entity.in_base = self.base is not None and entity.id in self.base
            return
        if entity.kind[0] == "outlet":
            entity.sites = self.websites(entity)
            self._match_base(entity)
        elif entity.statements("P856"):
            self.found.note(entity, "official website dropped: only outlets claim domains")
        if entity.id is None and (entity.kind[0] != "outlet" or entity.country is not None):
            entity.id = f"wd-{entity.qid.lower()}"

    def _match_base(self, outlet: Entity) -> None:
        """Give an outlet the id of the base's outlet that claims one of its websites exactly."""
        if self.base is None:
            return
        for host, _ in outlet.sites:
            claim = self.base.claim_for_url(host)
            if claim is not None and claim.host == host:
                outlet.id, outlet.in_base = claim.outlet, True
                return


def classify(found: EntitySet, base: Registry | None, kinds: Mapping[str, tuple[str, str]]) -> None:
    """Decide what each entity becomes: its kind, country and lifetime, and, for those imported, an id and websites.

    Args:
        found: The entities of the input; what is dropped is noted in its tally.
        base: The registry the records join: a state or outlet it holds keeps its id.
        kinds: The P31 table (:data:`WD_INSTANCE_KINDS` and the caller's additions).
    """
    classifier = _Classifier(found, base, kinds)
    classifier.classify()
    classifier.assign_ids()
