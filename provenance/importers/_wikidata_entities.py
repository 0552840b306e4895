"""Reading Wikidata entity JSON and dumps: the entities, their statements, snaks, qualifiers and time values.

An input is ``Special:EntityData/Q….json`` (``{"entities": {"Q…": {...}}}``,
compact or pretty-printed) or a JSON dump (one entity per line, the lines of a
JSON array: ``[``, ``{...},``, ``]``). :func:`read_entities` reads it into
:class:`Entity` objects, one report row per entity; the other modules of the
Wikidata importer decide what the entities become.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from provenance.dates import ALWAYS, ONGOING, UNKNOWN, Interval, OpenEnd, PartialDate
from provenance.errors import IntervalError, RecordError
from provenance.model import Source

from ._common import ImportFileError, Input, Row, RowSkip, Tally, accepted, has_lone_surrogate, open_lines

__all__ = [
    "ENTITY_URL",
    "Drop",
    "Entity",
    "EntitySet",
    "interval",
    "item",
    "main_snak",
    "qualifier",
    "qualifier_date",
    "read_entities",
    "snak",
    "text_of",
    "value_of",
    "wikidata_date",
]

ENTITY_URL = "https://www.wikidata.org/wiki/"
"""The address of an entity's page, without its QID."""
_JULIAN = "http://www.wikidata.org/entity/Q1985786"
_QID = re.compile(r"Q[1-9]\d*")
_TIME = re.compile(r"([+-])(\d{1,16})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}Z")


class Drop(Exception):
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
class Entity:
    """One entity of the input, and what the importer decides about it."""

    qid: str
    line: int
    """The line the entity starts on."""
    text: str
    """The entity as read, for skip entries and notes."""
    data: dict[str, Any]
    """The entity's JSON object."""
    label: str | None = None
    used: bool = False
    """Whether another entity's statement uses it (as a country, or as a reference's "stated in")."""
    kind: tuple[str, str] | None = None
    """``(record type, kind)``, once classified."""
    country: str | None = None
    id: str | None = None
    """Its id in the registry, when it is imported."""
    in_base: bool = False
    """Whether the base registry holds it already (its id is the base's)."""
    accessed: PartialDate | None = None
    """When its data was retrieved: the caller's date, else the entity's ``modified`` date."""
    lifetime: Interval = ALWAYS
    sites: list[tuple[str, dict[str, Any]]] = attrs.field(factory=list)
    """The hosts of its official websites, each with its statement."""

    def statements(self, prop: str, best: bool = False) -> list[dict[str, Any]]:
        """The statements of a property that are not deprecated; with ``best``, the preferred ones if any."""
        claims = self.data.get("claims")
        found = claims.get(prop) if isinstance(claims, dict) else None
        if not isinstance(found, list):
            return []
        usable = [s for s in found if isinstance(s, dict) and s.get("rank") != "deprecated"]
        if best and any(s.get("rank") == "preferred" for s in usable):
            usable = [s for s in usable if s.get("rank") == "preferred"]
        return usable

    def items(self, prop: str, best: bool = False) -> list[str]:
        """The QIDs the statements of a property point at (statements without an item value are left out)."""
        found = []
        for statement in self.statements(prop, best):
            try:
                kind, value = main_snak(statement)
                if kind == "value":
                    found.append(item(value))
            except Drop:
                continue
        return found


def snak(data: Any) -> tuple[str, Any]:
    """``("value", datavalue value)``, ``("somevalue", None)`` or ``("novalue", None)``; :class:`Drop` if malformed."""
    if not isinstance(data, dict):
        raise Drop("malformed snak")
    kind = data.get("snaktype")
    if kind in ("somevalue", "novalue"):
        return kind, None
    datavalue = data.get("datavalue")
    if kind != "value" or not isinstance(datavalue, dict) or "value" not in datavalue:
        raise Drop("malformed snak")
    return "value", datavalue["value"]


def item(value: Any) -> str:
    """The QID of an item value; :class:`Drop` if it is not one."""
    if isinstance(value, dict):
        qid = value.get("id")
        if not isinstance(qid, str) and isinstance(value.get("numeric-id"), int):
            qid = f"Q{value['numeric-id']}"
        if isinstance(qid, str) and _QID.fullmatch(qid):
            return qid
    raise Drop(f"not an item value: {value!r}")


def main_snak(statement: dict[str, Any]) -> tuple[str, Any]:
    """A statement's main snak (see :func:`snak`)."""
    return snak(statement.get("mainsnak"))


def qualifier(statement: dict[str, Any], prop: str) -> tuple[str, Any] | None:
    """A statement's first qualifier of a property (see :func:`snak`), or ``None``."""
    qualifiers = statement.get("qualifiers")
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    if not isinstance(snaks, list) or not snaks:
        return None
    return snak(snaks[0])


def qualifier_date(statement: dict[str, Any], prop: str) -> PartialDate | OpenEnd | None:
    """A date qualifier: the date, ``UNKNOWN`` for "some value", ``None`` for none; :class:`Drop` if unreadable."""
    found = qualifier(statement, prop)
    if found is None or found[0] == "novalue":
        return None
    if found[0] == "somevalue":
        return UNKNOWN
    try:
        return wikidata_date(found[1])
    except ValueError as error:
        raise Drop(f"qualifier {prop}: {error}") from None


def interval(statement: dict[str, Any]) -> Interval:
    """When a statement holds, from its start time (P580) and end time (P582) qualifiers."""
    start = qualifier_date(statement, "P580")
    end = qualifier_date(statement, "P582")
    try:
        return Interval(
            start if isinstance(start, PartialDate) else None,
            end if end is not None else ONGOING,
        )
    except IntervalError as error:
        raise Drop(str(error)) from None


def text_of(value: Any) -> str | None:
    """The text of a monolingual text or string value, on one line, or ``None``."""
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"].strip():
        return " ".join(str(value["text"]).split())
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def label_of(data: dict[str, Any]) -> str | None:
    """An entity's English label, else its label in the first language in alphabetical order."""
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return None
    for language in ("en", *sorted(labels)):
        text = text_of(value_of(labels.get(language)))
        if text:
            return text
    return None


def value_of(entry: Any) -> Any:
    """The ``value`` of a label or alias entry, or ``None``."""
    return entry.get("value") if isinstance(entry, dict) else None


def entries(name: str, lines: Iterator[str]) -> Iterator[tuple[int, str, Any]]:
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


def _checked_qid(text: str, parsed: Any) -> str:
    """The QID of a parsed entity, which must be an item.

    Raises:
        RowSkip: If the entity is a failure text, not an object, holds an
            unpaired surrogate, or is not an item.
    """
    if isinstance(parsed, str):
        raise RowSkip(parsed)
    if not isinstance(parsed, dict):
        raise RowSkip(f"expected a JSON object, got {type(parsed).__name__}")
    if has_lone_surrogate(text, parsed):
        raise RowSkip("text holds an unpaired surrogate")
    qid = parsed.get("id")
    if not isinstance(qid, str) or not _QID.fullmatch(qid):
        raise RowSkip(f"not a Wikidata item (id {qid!r})")
    if parsed.get("type", "item") != "item":
        raise RowSkip(f"{qid} is a {parsed.get('type')}, not an item")
    if "missing" in parsed:
        raise RowSkip(f"{qid} is marked missing")
    if not isinstance(parsed.get("claims", {}), dict):
        raise RowSkip(f"{qid}: claims must be an object")
    return qid


def _modified(parsed: dict[str, Any]) -> PartialDate | None:
    """The day of an entity's ``modified`` timestamp, or ``None``."""
    modified = parsed.get("modified")
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", modified) if isinstance(modified, str) else None
    if match is None:
        return None
    try:
        return PartialDate(*map(int, match.groups()))
    except ValueError:
        return None


def read_entities(source: Input, tally: Tally, accessed: PartialDate | None) -> dict[str, Entity]:
    """The items of an input by QID; every other entry, and every repeated QID, is a skipped row.

    Args:
        source: Entity JSON, a dump, or their lines.
        tally: Counts the entities read and records the skips.
        accessed: The retrieval date of every entity; ``None`` for each entity's ``modified`` date.

    Raises:
        ImportFileError: If the input is neither entity JSON nor a dump.
    """
    entities: dict[str, Entity] = {}

    def read(row: Row[Any]) -> Entity:
        qid = _checked_qid(row.text, row.item)
        if qid in entities:
            raise RowSkip(f"duplicate entity {qid} (first on line {entities[qid].line})")
        entity = Entity(qid, row.line, row.text, row.item, label=label_of(row.item))
        entity.accessed = accessed if accessed is not None else _modified(row.item)
        return entity

    with open_lines(source) as (name, lines):
        tally.file = name
        rows = (Row(line, text, parsed) for line, text, parsed in entries(name, lines))
        for _, entity in accepted(tally, rows, read):
            entities[entity.qid] = entity
    return entities


@attrs.frozen
class EntitySet:
    """The entities of one input by QID, and the tally their notes go to."""

    entities: dict[str, Entity]
    tally: Tally

    def note(self, entity: Entity, reason: str) -> None:
        """Note something dropped from an entity (on its line)."""
        self.tally.note(entity.line, f"{entity.qid}: {reason}", entity.text)

    def label(self, qid: str) -> str | None:
        """The label of an entity of the input, or ``None``."""
        entity = self.entities.get(qid)
        return entity.label if entity else None

    def use(self, qid: str) -> None:
        """Mark an entity of the input as used by another's statement."""
        entity = self.entities.get(qid)
        if entity is not None:
            entity.used = True

    def page(self, qid: str, accessed: PartialDate | None) -> Source:
        """An entity's Wikidata page as a source."""
        label = self.label(qid)
        title = f"{label} (Wikidata {qid})" if label else f"Wikidata item {qid}"
        return Source(ENTITY_URL + qid, title, publisher="Wikidata", accessed=accessed, kind="reference")
