"""Wikidata entity JSON: outlets and organisations, ownership, succession, websites.

Reads the format of ``Special:EntityData/Q….json`` (``{"entities": {"Q…":
{...}}}``, compact or pretty-printed) and of the JSON dumps (one entity per
line, the lines of a JSON array: ``[``, ``{...},``, ``]``). Maps

- instance of (P31) to an outlet or organisation kind (:data:`WD_INSTANCE_KINDS`),
- country (P17, else country of origin P495) to an ISO code (P297 on the
  country's item when it is in the input, else :data:`WD_COUNTRIES`),
- inception (P571) and dissolved (P576) to the lifetime,
- official website (P856) to domain claims,
- owned by (P127) to ``owns`` relations and parent organisation (P749) to
  ``parent-of`` relations, dated by their start/end time qualifiers (P580/P582),
- replaces / replaced by (P1365/P1366) to ``replaced-by`` successions,

each backed by the statement's references (reference URL P854, stated in
P248) or, when it has none, by the entity's own Wikidata page. See
``docs/importers.md``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from provenance.countries import COUNTRY_NAMES
from provenance.dates import ALWAYS, ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate
from provenance.errors import IntervalError, RecordError
from provenance.layout import Record
from provenance.model import (
    ORGANIZATION_KINDS,
    OUTLET_KINDS,
    DomainClaim,
    Name,
    Organization,
    Outlet,
    Relation,
    Source,
    Succession,
)
from provenance.registry import Registry

from ._common import (
    ImportFileError,
    ImportResult,
    Input,
    RowSkip,
    Tally,
    finish,
    open_lines,
    read_host,
)

__all__ = ["WD_COUNTRIES", "WD_INSTANCE_KINDS", "import_wikidata", "wikidata_date"]

FORMAT = "wikidata"
_ENTITY = "https://www.wikidata.org/wiki/"
_JULIAN = "http://www.wikidata.org/entity/Q1985786"

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

_QID = re.compile(r"Q[1-9]\d*")
_TIME = re.compile(r"([+-])(\d{1,16})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}Z")


class _Drop(Exception):
    """One statement or value that cannot be used; becomes a note."""


def wikidata_date(value: Mapping[str, Any]) -> PartialDate:
    """A Wikidata time value as a partial date at its precision (9 year, 10 month, 11 day).

    >>> wikidata_date({"time": "+2005-12-10T00:00:00Z", "precision": 11})
    PartialDate('2005-12-10')
    >>> wikidata_date({"time": "+2005-00-00T00:00:00Z", "precision": 9})
    PartialDate('2005')

    Raises:
        ValueError: If the value is malformed, before year 1, coarser than a
            year, or a Julian-calendar date finer than a year.
    """
    if not isinstance(value, Mapping):
        raise ValueError(f"not a time value: {value!r}")
    time, precision = value.get("time"), value.get("precision")
    match = _TIME.fullmatch(time) if isinstance(time, str) else None
    if match is None or not isinstance(precision, int) or isinstance(precision, bool):
        raise ValueError(f"malformed time value {dict(value)!r}")
    sign, year, month, day = match.group(1), int(match.group(2)), *map(int, match.group(3, 4))
    if sign == "-" or not 1 <= year <= 9999:
        raise ValueError(f"year {sign}{year} is outside 1..9999")
    if precision < 9:
        raise ValueError(f"{time} is known only to precision {precision} (coarser than a year)")
    if precision > 9 and value.get("calendarmodel") == _JULIAN:
        raise ValueError(f"{time} is a Julian-calendar date")
    try:
        if precision == 9:
            return PartialDate(year)
        if precision == 10:
            return PartialDate(year, month)
        return PartialDate(year, month, day)
    except (RecordError, ValueError) as error:
        raise ValueError(f"{time}: {error}") from None


@attrs.define
class _Entity:
    qid: str
    line: int
    text: str
    data: dict[str, Any]
    label: str | None = None
    used: bool = False
    kind: tuple[str, str] | None = None
    country: str | None = None
    id: str | None = None
    in_base: bool = False
    accessed: PartialDate | None = None
    lifetime: Interval = ALWAYS
    sites: list[tuple[str, dict[str, Any]]] = attrs.field(factory=list)

    def statements(self, prop: str, best: bool = False) -> list[dict[str, Any]]:
        claims = self.data.get("claims")
        found = claims.get(prop) if isinstance(claims, dict) else None
        if not isinstance(found, list):
            return []
        usable = [s for s in found if isinstance(s, dict) and s.get("rank") != "deprecated"]
        if best and any(s.get("rank") == "preferred" for s in usable):
            usable = [s for s in usable if s.get("rank") == "preferred"]
        return usable


def _snak(snak: Any) -> tuple[str, Any]:
    """``("value", datavalue value)``, ``("somevalue", None)`` or ``("novalue", None)``."""
    if not isinstance(snak, dict):
        raise _Drop("malformed snak")
    kind = snak.get("snaktype")
    if kind in ("somevalue", "novalue"):
        return kind, None
    datavalue = snak.get("datavalue")
    if kind != "value" or not isinstance(datavalue, dict) or "value" not in datavalue:
        raise _Drop("malformed snak")
    return "value", datavalue["value"]


def _item(value: Any) -> str:
    if isinstance(value, dict):
        qid = value.get("id")
        if not isinstance(qid, str) and isinstance(value.get("numeric-id"), int):
            qid = f"Q{value['numeric-id']}"
        if isinstance(qid, str) and _QID.fullmatch(qid):
            return qid
    raise _Drop(f"not an item value: {value!r}")


def _main(statement: dict[str, Any]) -> tuple[str, Any]:
    return _snak(statement.get("mainsnak"))


def _qualifier(statement: dict[str, Any], prop: str) -> tuple[str, Any] | None:
    qualifiers = statement.get("qualifiers")
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    if not isinstance(snaks, list) or not snaks:
        return None
    return _snak(snaks[0])


def _qualifier_date(statement: dict[str, Any], prop: str) -> PartialDate | OpenEnd | None:
    found = _qualifier(statement, prop)
    if found is None or found[0] == "novalue":
        return None
    if found[0] == "somevalue":
        return UNKNOWN
    try:
        return wikidata_date(found[1])
    except ValueError as error:
        raise _Drop(f"qualifier {prop}: {error}") from None


def _interval(statement: dict[str, Any]) -> Interval:
    start = _qualifier_date(statement, "P580")
    end = _qualifier_date(statement, "P582")
    try:
        return Interval(
            start if isinstance(start, PartialDate) else None,
            end if end is not None else ONGOING,
        )
    except IntervalError as error:
        raise _Drop(str(error)) from None


def _text_of(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"].strip():
        return " ".join(str(value["text"]).split())
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _label(data: dict[str, Any]) -> str | None:
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return None
    for language in ("en", *sorted(labels)):
        text = _text_of(_value_of(labels.get(language)))
        if text:
            return text
    return None


def _value_of(entry: Any) -> Any:
    return entry.get("value") if isinstance(entry, dict) else None


def _entries(name: str, lines: Iterator[str]) -> Iterator[tuple[int, str, Any]]:
    """``(line, text, parsed)`` for each entity of the input; ``parsed`` is an error text on failure."""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line in ("", "[", "]", "],"):
            continue
        try:
            parsed = json.loads(line.removesuffix(","))
        except (json.JSONDecodeError, RecursionError) as error:
            if number == 1 or line == "{":
                yield from _whole_document(name, [raw, *lines])
                return
            yield number, line, f"not valid JSON ({error})"
            continue
        if isinstance(parsed, dict) and isinstance(parsed.get("entities"), dict):
            for entity in parsed["entities"].values():
                yield number, line, entity
        else:
            yield number, line, parsed


def _whole_document(name: str, lines: list[str]) -> Iterator[tuple[int, str, Any]]:
    text = "".join(lines)
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        raise ImportFileError(name, f"not Wikidata entity JSON: {error}", line) from None
    entities = document.get("entities") if isinstance(document, dict) else None
    if isinstance(document, list):
        items = document
    elif isinstance(entities, dict):
        items = list(entities.values())
    else:
        items = [document]
    for entity in items:
        qid = entity.get("id") if isinstance(entity, dict) else None
        at = text.find(f'"{qid}"') if isinstance(qid, str) else -1
        number = text.count("\n", 0, at) + 1 if at >= 0 else 1
        shown = json.dumps(entity, ensure_ascii=False)
        try:
            shown.encode("utf-8")
        except UnicodeEncodeError:
            yield number, json.dumps(entity)[:200], "text holds an unpaired surrogate"
            continue
        yield number, shown[:200], entity


class _Importer:
    def __init__(
        self,
        base: Registry | None,
        accessed: PartialDate | None,
        kinds: Mapping[str, tuple[str, str]],
        tally: Tally,
    ) -> None:
        self.base = base
        self.accessed = accessed
        self.kinds = kinds
        self.tally = tally
        self.entities: dict[str, _Entity] = {}
        self.records: list[Record] = []
        self.extra_states: dict[str, Organization] = {}

    # -- reading ------------------------------------------------------------

    def read(self, source: Input) -> None:
        with open_lines(source) as (name, lines):
            self.tally.file = name
            for line, text, parsed in _entries(name, lines):
                self.tally.read += 1
                try:
                    entity = self._entity(line, text, parsed)
                except RowSkip as skip:
                    self.tally.skip(line, str(skip), text)
                    continue
                self.entities[entity.qid] = entity

    def _entity(self, line: int, text: str, parsed: Any) -> _Entity:
        if isinstance(parsed, str):
            raise RowSkip(parsed)
        if not isinstance(parsed, dict):
            raise RowSkip(f"expected a JSON object, got {type(parsed).__name__}")
        if "\\ud" in text.lower():
            try:
                json.dumps(parsed, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:
                raise RowSkip("text holds an unpaired surrogate") from None
        qid = parsed.get("id")
        if not isinstance(qid, str) or not _QID.fullmatch(qid):
            raise RowSkip(f"not a Wikidata item (id {qid!r})")
        if parsed.get("type", "item") != "item":
            raise RowSkip(f"{qid} is a {parsed.get('type')}, not an item")
        if "missing" in parsed:
            raise RowSkip(f"{qid} is marked missing")
        if not isinstance(parsed.get("claims", {}), dict):
            raise RowSkip(f"{qid}: claims must be an object")
        if qid in self.entities:
            raise RowSkip(f"duplicate entity {qid} (first on line {self.entities[qid].line})")
        entity = _Entity(qid, line, text, parsed, label=_label(parsed))
        modified = parsed.get("modified")
        entity.accessed = self.accessed
        if entity.accessed is None and isinstance(modified, str):
            match = re.match(r"(\d{4})-(\d{2})-(\d{2})", modified)
            if match:
                try:
                    entity.accessed = PartialDate(*map(int, match.groups()))
                except ValueError:
                    entity.accessed = None
        return entity

    # -- helpers ------------------------------------------------------------

    def note(self, entity: _Entity, reason: str) -> None:
        self.tally.note(entity.line, f"{entity.qid}: {reason}", entity.text)

    def page(self, qid: str, accessed: PartialDate | None) -> Source:
        entity = self.entities.get(qid)
        label = entity.label if entity and entity.label else None
        title = f"{label} (Wikidata {qid})" if label else f"Wikidata item {qid}"
        return Source(_ENTITY + qid, title, publisher="Wikidata", accessed=accessed, kind="reference")

    def sources(self, entity: _Entity, statement: dict[str, Any]) -> tuple[Source, ...]:
        found: list[Source] = []
        references = statement.get("references")
        for reference in references if isinstance(references, list) else ():
            snaks = reference.get("snaks") if isinstance(reference, dict) else None
            if not isinstance(snaks, dict):
                continue
            try:
                source = self._reference(entity, snaks)
            except (_Drop, RecordError) as error:
                self.note(entity, f"a reference dropped: {error}")
                source = None
            if source is not None:
                found.append(source)
        if not found:
            found.append(self.page(entity.qid, entity.accessed))
        return tuple(dict.fromkeys(found))

    def _reference(self, entity: _Entity, snaks: dict[str, Any]) -> Source | None:
        def value(prop: str) -> Any:
            values = snaks.get(prop)
            if not isinstance(values, list) or not values:
                return None
            kind, data = _snak(values[0])
            return data if kind == "value" else None

        url, stated, title = value("P854"), value("P248"), _text_of(value("P1476"))
        stated_qid = _item(stated) if stated is not None else None
        stated_label = self.label(stated_qid) if stated_qid else None
        if stated_qid:
            self.use(stated_qid)
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
                _ENTITY + stated_qid,
                title or stated_label or f"Wikidata item {stated_qid}",
                publisher="Wikidata",
                accessed=accessed,
                kind="reference",
            )
        return None

    def label(self, qid: str) -> str | None:
        entity = self.entities.get(qid)
        return entity.label if entity else None

    def use(self, qid: str) -> None:
        entity = self.entities.get(qid)
        if entity is not None:
            entity.used = True

    def country_of(self, qid: str) -> str | None:
        entity = self.entities.get(qid)
        if entity is not None:
            for statement in entity.statements("P297", best=True):
                try:
                    kind, value = _main(statement)
                except _Drop:
                    continue
                if kind == "value" and isinstance(value, str) and value.upper() in COUNTRY_NAMES:
                    entity.used = True
                    return value.upper()
        return WD_COUNTRIES.get(qid)

    # -- classification -----------------------------------------------------

    def classify(self) -> None:
        for entity in self.entities.values():
            kinds: list[tuple[str, str]] = []
            for statement in entity.statements("P31"):
                try:
                    kind, value = _main(statement)
                    if kind == "value":
                        mapped = self.kinds.get(_item(value))
                        if mapped:
                            kinds.append(mapped)
                except _Drop:
                    continue
            for wanted in (("organization", "state"), ("organization", "person")):
                if wanted in kinds:
                    entity.kind = wanted
                    break
            else:
                entity.kind = next((k for k in kinds if k[0] == "outlet"), None) or next(iter(kinds), None)
            if entity.kind == ("organization", "state"):
                entity.country = self.country_of(entity.qid)
            else:
                for prop in ("P17", "P495"):
                    for statement in entity.statements(prop, best=True):
                        try:
                            kind, value = _main(statement)
                            code = self.country_of(_item(value)) if kind == "value" else None
                        except _Drop:
                            continue
                        if code:
                            entity.country = code
                            break
                    if entity.country:
                        break
            entity.lifetime = self.lifetime(entity)

    def lifetime(self, entity: _Entity) -> Interval:
        start: PartialDate | None = None
        end: PartialDate | OpenEnd = ONGOING
        for prop in ("P571", "P576"):
            for statement in entity.statements(prop, best=True)[:1]:
                try:
                    kind, value = _main(statement)
                    if kind == "somevalue" and prop == "P576":
                        end = UNKNOWN
                    elif kind == "value":
                        date = wikidata_date(value)
                        if prop == "P571":
                            start = date
                        else:
                            end = date
                except (_Drop, ValueError) as error:
                    self.note(entity, f"{prop} dropped: {error}")
        try:
            return Interval(start, end)
        except IntervalError as error:
            self.note(entity, f"lifetime dropped: {error}")
            return ALWAYS

    def websites(self, entity: _Entity) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for statement in entity.statements("P856"):
            try:
                kind, value = _main(statement)
                if kind != "value" or not isinstance(value, str):
                    continue
                host = read_host(value)
            except (_Drop, RowSkip) as error:
                self.note(entity, f"official website dropped: {error}")
                continue
            if host.path_matters:
                self.note(
                    entity,
                    f"official website {value} dropped: it is part of {host.host}, "
                    "and a domain claim covers the whole host",
                )
                continue
            found.append((host.host, statement))
        return found

    def targets(self) -> set[str]:
        wanted: set[str] = set()
        for entity in self.entities.values():
            for prop in ("P127", "P749", "P1365", "P1366"):
                for statement in entity.statements(prop):
                    try:
                        kind, value = _main(statement)
                        if kind == "value":
                            wanted.add(_item(value))
                    except _Drop:
                        continue
        return wanted

    def assign_ids(self) -> None:
        referenced = self.targets()
        for entity in self.entities.values():
            relevant = any(entity.statements(p) for p in ("P127", "P749", "P856", "P1365", "P1366"))
            if entity.kind is None:
                if not relevant and entity.qid not in referenced:
                    continue
                entity.kind = ("organization", "other")
                self.note(entity, "instance of (P31) not in the kind table; imported as 'other'")
            if entity.accessed is None:
                continue
            if entity.kind == ("organization", "state"):
                if entity.country:
                    entity.id = f"state-{entity.country.lower()}"
                    entity.in_base = self.base is not None and entity.id in self.base
                continue
            if entity.kind[0] == "outlet":
                entity.sites = self.websites(entity)
            elif entity.statements("P856"):
                self.note(entity, "official website dropped: only outlets claim domains")
            if entity.kind[0] == "outlet" and self.base is not None:
                for host, _ in entity.sites:
                    claim = self.base.claim_for_url(host)
                    if claim is not None and claim.host == host:
                        entity.id, entity.in_base = claim.outlet, True
                        break
            if entity.id is None:
                if entity.kind[0] == "outlet" and entity.country is None:
                    continue
                entity.id = f"wd-{entity.qid.lower()}"

    def target_id(self, qid: str, accessed: PartialDate | None) -> str | None:
        entity = self.entities.get(qid)
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
                sources=(self.page(qid, accessed),),
            )
        return id

    def missing(self, prop: str, target: str) -> str:
        if target in self.entities:
            return f"{prop} {target} is in the input but was not imported"
        return f"{prop} {target} is not in the input (nor a country of the country table)"

    # -- records ------------------------------------------------------------

    def build(self) -> None:
        bodies: list[Record] = []
        claims: list[Record] = []
        relations: list[Record] = []
        successions: dict[tuple[str, str], Succession] = {}
        claimed: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.id is None:
                self._skip_unimported(entity)
                continue
            self.tally.imported += 1
            assert entity.kind is not None and entity.accessed is not None
            page = self.page(entity.qid, entity.accessed)
            if not entity.in_base:
                bodies.append(self._body(entity, page))
            if entity.kind[0] == "outlet":
                for host, statement in entity.sites:
                    claim = self._claim(entity, host, statement, claimed)
                    if claim is not None:
                        claims.append(claim)
            for prop, kind in (("P127", "owns"), ("P749", "parent-of")):
                for statement in entity.statements(prop):
                    relation = self._relation(entity, prop, kind, statement)
                    if relation is not None:
                        relations.append(relation)
            for prop in ("P1365", "P1366"):
                for statement in entity.statements(prop):
                    succession = self._succession(entity, prop, statement)
                    if succession is None:
                        continue
                    key = (succession.predecessor, succession.successor)
                    if key in successions:
                        merged = tuple(dict.fromkeys(successions[key].sources + succession.sources))
                        successions[key] = attrs.evolve(successions[key], sources=merged)
                    else:
                        successions[key] = succession
        self.records = [
            *self.extra_states.values(),
            *bodies,
            *claims,
            *relations,
            *successions.values(),
        ]

    def _skip_unimported(self, entity: _Entity) -> None:
        if entity.used:
            self.tally.imported += 1
            return
        if entity.kind is None:
            reason = "not an outlet or organisation we can map (instance of: {}), and nothing refers to it".format(
                ", ".join(self._p31(entity)) or "none"
            )
        elif entity.accessed is None:
            reason = "no date for its sources: the entity has no 'modified' date; pass accessed"
        elif entity.kind == ("organization", "state"):
            reason = "a country whose ISO code is unknown (no P297, not in the country table)"
        else:
            reason = "an outlet needs a country: P17/P495 name none with a known ISO code"
        self.tally.skip(entity.line, f"{entity.qid}: {reason}", entity.text)

    def _p31(self, entity: _Entity) -> list[str]:
        values = []
        for statement in entity.statements("P31"):
            try:
                kind, value = _main(statement)
                if kind == "value":
                    values.append(_item(value))
            except _Drop:
                continue
        return values

    def _body(self, entity: _Entity, page: Source) -> Record:
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
            raise ImportFileError(self.tally.file, str(error), entity.line) from None

    def _aliases(self, entity: _Entity, name: str) -> tuple[Name, ...]:
        aliases = entity.data.get("aliases")
        values = aliases.get("en") if isinstance(aliases, dict) else None
        found = []
        for value in values if isinstance(values, list) else ():
            text = _text_of(_value_of(value))
            if text and text != name:
                found.append(Name(text, kind="alias"))
        return tuple(dict.fromkeys(found))

    def _claim(
        self, entity: _Entity, host: str, statement: dict[str, Any], claimed: dict[str, str]
    ) -> DomainClaim | None:
        assert entity.id is not None
        if self.base is not None:
            existing = self.base.claim_for_url(host)
            if existing is not None and existing.host == host:
                if existing.outlet != entity.id:
                    self.note(entity, f"{host} is claimed by {existing.outlet!r} in the base registry")
                return None
        if host in claimed:
            if claimed[host] != entity.id:
                self.note(entity, f"{host} is also the official website of {claimed[host]!r}; kept there")
            return None
        try:
            interval = _interval(statement)
        except _Drop as error:
            self.note(entity, f"official website {host}: {error}")
            return None
        claimed[host] = entity.id
        role = "former" if isinstance(interval.end, PartialDate) or interval.end is UNKNOWN else "primary"
        return DomainClaim(host, entity.id, role, interval, self.sources(entity, statement))

    def _relation(self, entity: _Entity, prop: str, kind: str, statement: dict[str, Any]) -> Relation | None:
        assert entity.id is not None
        try:
            _, subject = self._other(entity, prop, statement)
            share = None
            found = _qualifier(statement, "P1107")
            if found is not None and found[0] == "value" and isinstance(found[1], dict):
                try:
                    share = float(found[1].get("amount", ""))
                except ValueError:
                    share = None
                if share is not None and not 0 <= share <= 1:
                    share = None
            return Relation(subject, kind, entity.id, share, _interval(statement), self.sources(entity, statement))
        except (_Drop, RecordError) as error:
            self.note(entity, f"{prop} dropped: {error}")
            return None

    def _other(self, entity: _Entity, prop: str, statement: dict[str, Any]) -> tuple[str, str]:
        """The item a statement points at and its id in the registry; ``_Drop`` when there is none usable."""
        snak, value = _main(statement)
        if snak != "value":
            raise _Drop(f"{prop} has {snak}")
        target = _item(value)
        other = self.target_id(target, entity.accessed)
        if other is None:
            raise _Drop(self.missing(prop, target))
        if other == entity.id:
            raise _Drop(f"{prop} {target} is the entity itself")
        return target, other

    def _succession(self, entity: _Entity, prop: str, statement: dict[str, Any]) -> Succession | None:
        assert entity.id is not None
        try:
            target, other = self._other(entity, prop, statement)
            other_entity = self.entities.get(target)
            date = _qualifier_date(statement, "P585")
            if prop == "P1365":  # this entity replaces the target
                predecessor, successor = other, entity.id
                date = date or _qualifier_date(statement, "P580") or entity.lifetime.start
                if not isinstance(date, PartialDate) and other_entity is not None:
                    date = other_entity.lifetime.end
            else:  # this entity was replaced by the target
                predecessor, successor = entity.id, other
                date = date or _qualifier_date(statement, "P582") or entity.lifetime.end
                if not isinstance(date, PartialDate) and other_entity is not None:
                    date = other_entity.lifetime.start
            if not isinstance(date, PartialDate):
                raise _Drop(f"{prop} {target}: no date (no P585/P580/P582, inception or dissolution)")
            return Succession(predecessor, successor, "replaced-by", date, self.sources(entity, statement))
        except (_Drop, RecordError) as error:
            self.note(entity, f"{prop} dropped: {error}")
            return None


def import_wikidata(
    source: Input,
    base: Registry | None = None,
    *,
    accessed: PartialDate | None = None,
    instance_kinds: Mapping[str, tuple[str, str]] | None = None,
) -> ImportResult:
    """Import Wikidata entities as outlets, organisations, domain claims, relations and successions.

    Args:
        source: An entity-data JSON file (``Special:EntityData/Q….json``),
            a dump (one entity per line), or their lines.
        base: The registry the records join; an outlet whose official
            website the base already claims keeps the base's id.
        accessed: When the data was retrieved; by default each entity's
            ``modified`` date. References with a retrieved date (P813) use it.
        instance_kinds: Extra P31 values: ``{"Q1110794": ("outlet", "newspaper")}``.

    Returns:
        The records, the extended registry, and the report (one row per entity).

    Raises:
        ImportFileError: If the file is neither entity JSON nor a dump, or
            ``instance_kinds`` names an unknown kind.
        RegistryError: If the records do not validate with the base (for
            example an ownership cycle in the input).

    >>> entity = {"type": "item", "id": "Q42", "labels": {"en": {"language": "en", "value": "Q"}},
    ...     "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31",
    ...         "datavalue": {"value": {"entity-type": "item", "numeric-id": 5, "id": "Q5"},
    ...         "type": "wikibase-entityid"}, "datatype": "wikibase-item"},
    ...         "type": "statement", "rank": "normal"}]}}
    >>> result = import_wikidata([json.dumps({"entities": {"Q42": entity}})],
    ...                          accessed=PartialDate(2025, 1, 1))
    >>> [(r.id, r.kind) for r in result.records]
    [('wd-q42', 'person')]
    """
    tally = Tally(FORMAT, "<lines>")
    for qid, (record, kind) in (instance_kinds or {}).items():
        kinds = OUTLET_KINDS if record == "outlet" else ORGANIZATION_KINDS
        if record not in ("outlet", "organization") or kind not in kinds:
            raise ImportFileError(
                "instance_kinds", f"{qid}: ({record!r}, {kind!r}) is not an outlet or organisation kind"
            )
    importer = _Importer(base, accessed, {**WD_INSTANCE_KINDS, **(instance_kinds or {})}, tally)
    importer.read(source)
    importer.classify()
    importer.assign_ids()
    importer.build()
    return finish(tally, importer.records, base, FORMAT)
