"""Ownership and control as Beneficial Ownership Data Standard (BODS) 0.4 statements.

:func:`to_bods` turns the registry's bodies and relations into the JSON
statements BODS 0.4 defines: an entity statement for each outlet and
organisation (a state as ``state``, a government body as ``stateBody``), a
person statement for each organisation of kind ``person``, and a
relationship statement for each relation, its interest dated by the
relation's interval. The output is deterministic: records in a fixed order,
statement ids derived (uuid5) from the record, its content and the data
version. ``docs/data-model.md`` ("Ownership as BODS") gives the mapping
field by field.

>>> from provenance.testing import make_registry
>>> reg = make_registry(
...     organizations=[{"id": "state-ru", "name": "Russian Federation", "kind": "state", "country": "RU"}],
...     outlets=[{"id": "vor", "name": "Voice of Russia", "country": "RU", "kind": "radio"}],
...     relations=[{"subject": "state-ru", "kind": "owns", "object": "vor", "share": 1.0, "start": "1993-12-22"}])
>>> [s["recordType"] for s in to_bods(reg)]
['entity', 'entity', 'relationship']
>>> to_bods(reg)[2]["recordDetails"]["interests"][0]["startDate"]
'1993-12-22'
"""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from provenance.countries import country_name
from provenance.dates import UNKNOWN, Interval, PartialDate
from provenance.model import Organization, Outlet, Relation, Source
from provenance.ownership import control_chain
from provenance.registry import Registry, data_version

__all__ = ["BODS_VERSION", "ENTITY_TYPES", "INTEREST_TYPES", "SOURCE_TYPES", "to_bods"]

BODS_VERSION = "0.4"
"""The version of the standard the statements follow (``publicationDetails.bodsVersion``)."""

ENTITY_TYPES: Mapping[str, str] = {
    "state": "state",
    "government-body": "stateBody",
    "public-body": "legalEntity",
    "company": "registeredEntity",
    "nonprofit": "registeredEntity",
    "other": "legalEntity",
    "outlet": "legalEntity",
}
"""BODS ``entityType.type`` of each organisation kind (and of outlets); a ``person`` is a person statement."""

INTEREST_TYPES: Mapping[str, str] = {
    "owns": "shareholding",
    "governs": "appointmentOfBoard",
    "funds": "otherInfluenceOrControl",
    "controls-editorially": "otherInfluenceOrControl",
    "operates": "otherInfluenceOrControl",
    "parent-of": "otherInfluenceOrControl",
}
"""BODS interest type of each relation kind (``operates`` and ``parent-of`` by a state: see :func:`to_bods`)."""

SOURCE_TYPES: Mapping[str, str] = {
    "official": "primaryResearch",
    "self": "selfDeclaration",
    "reference": "thirdParty",
    "news": "thirdParty",
    "other": "thirdParty",
}
"""BODS ``source.type`` of each source kind (a source with no kind gets no type)."""

_STATE_KINDS = frozenset({"state", "government-body"})
_BY_THE_STATE = frozenset({"operates", "parent-of"})
_MEANINGS = {
    "owns": "owns shares in it",
    "governs": "appoints or oversees its board or governing body",
    "funds": "funds it",
    "controls-editorially": "controls what it publishes",
    "operates": "operates (runs) it",
    "parent-of": "is its parent body",
}
_PUBLISHER = "provenance"
_ID_SCHEME = "provenance registry id"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "provenance:bods")
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"

Body = Outlet | Organization
Statement = dict[str, Any]


def to_bods(registry: Registry, outlet: str | None = None) -> list[Statement]:
    """The ownership and control graph as BODS 0.4 statements.

    Interests: ``owns`` is a ``shareholding`` (``share.exact`` in percent
    when the share is known), ``governs`` an ``appointmentOfBoard``,
    ``operates`` and ``parent-of`` by a state or government body a
    ``controlByLegalFramework``, and every other relation an
    ``otherInfluenceOrControl``; each interest's ``details`` names the
    relation and its interval as the registry records it. A date is given
    only when the registry knows its day (an annotation says when one is
    left out). A relation whose object is a person, which BODS cannot
    state, is an annotation on that person's statement.

    Args:
        registry: Where the facts come from.
        outlet: An outlet id: only its control chain (the outlet, every body
            above it and every relation on the way); ``None`` for the whole
            registry.

    Returns:
        Entity and person statements (by record id), then relationship
        statements (by record id), as JSON-ready dicts.

    Raises:
        UnknownIdError: If ``outlet`` is not in the registry.
    """
    if outlet is None:
        relations = list(registry.relations())
        bodies: Iterable[Body] = (*registry.outlets(), *registry.organizations())
    else:
        chain = control_chain(registry, outlet)
        relations = list(dict.fromkeys(r for path in chain for r in path.relations))
        ids = {outlet} | {r.subject for r in relations}
        bodies = (registry.lookup(id) for id in ids)
    date = _statement_date()
    record_ids = registry.derived(("provenance.bods", "relation record ids"), _relation_record_ids)
    to_person = [r for r in relations if _is_person(registry.lookup(r.object))]
    parties = [(body.id, _party_statement(body, to_person, registry)) for body in sorted(bodies, key=lambda b: b.id)]
    links = sorted(
        (
            (r.object, _relationship_statement(r, record_ids[r], registry))
            for r in relations
            if not _is_person(registry.lookup(r.object))
        ),
        key=lambda pair: pair[1]["recordId"],
    )
    return [_finish(statement, outlet or subject, date) for subject, statement in parties + links]


def _statement_date() -> str:
    """The data version (``YYYY.MM.DD``) as a BODS date."""
    return datetime.date.fromisoformat(data_version().replace(".", "-")).isoformat()


def _is_person(body: Body) -> bool:
    return isinstance(body, Organization) and body.kind == "person"


def _relation_record_ids(registry: Registry) -> dict[Relation, str]:
    """A readable record id for each relation: ``subject/kind/object``, with its interval and share when needed."""
    relations = registry.relations()
    triples = Counter((r.subject, r.kind, r.object) for r in relations)
    ids: dict[Relation, str] = {}
    used: Counter[str] = Counter()
    for relation in relations:
        base = f"{relation.subject}/{relation.kind}/{relation.object}"
        if triples[(relation.subject, relation.kind, relation.object)] > 1:
            share = "" if relation.share is None else f"/{relation.share:g}"
            base += f"/{_interval_text(relation.interval)}{share}"
        used[base] += 1
        ids[relation] = base if used[base] == 1 else f"{base}#{used[base]}"
    return ids


def _interval_text(interval: Interval) -> str:
    """``2013-12-09..2014``, ``..`` for no dates, ``..unknown`` for an end nobody knows."""
    start, end = interval.to_strings()
    return f"{start or ''}..{end or ''}"


# -- entities and persons --------------------------------------------------------------


def _party_statement(body: Body, to_person: list[Relation], registry: Registry) -> Statement:
    """The entity or person statement of a body."""
    notes: list[dict[str, str]] = []
    if _is_person(body):
        details = _person_details(body, notes)
        for relation in to_person:
            if relation.object == body.id:
                notes.append(_note("", _unsayable(relation, registry)))
        record_type = "person"
    else:
        details = _entity_details(body, notes)
        record_type = "entity"
    if body.description:
        notes.insert(0, _note("", body.description))
    return _statement(body.id, record_type, details, body.sources, notes)


def _entity_details(body: Body, notes: list[dict[str, str]]) -> dict[str, Any]:
    if isinstance(body, Outlet):
        kind = "outlet"
        form = f"news outlet ({body.kind}{', public service' if body.public_service else ''}); legal form not recorded"
    else:
        kind = body.kind
        form = f"{body.kind.replace('-', ' ')}"
    details: dict[str, Any] = {
        "isComponent": False,
        "entityType": {"type": ENTITY_TYPES[kind], "details": form},
        "name": body.name,
    }
    others = _other_names(body)
    if others:
        details["alternateNames"] = others
    if body.country is not None:
        details["jurisdiction"] = {"name": country_name(body.country), "code": body.country}
    details["identifiers"] = [{"id": body.id, "schemeName": _ID_SCHEME}]
    _lifetime_dates(body.lifetime, details, notes, ("foundingDate", "dissolutionDate"), person=False)
    return details


def _person_details(body: Body, notes: list[dict[str, str]]) -> dict[str, Any]:
    names = [{"fullName": body.name}, *({"fullName": name, "type": "alternative"} for name in _other_names(body))]
    details: dict[str, Any] = {"isComponent": False, "personType": "knownPerson", "names": names}
    _lifetime_dates(body.lifetime, details, notes, ("birthDate", "deathDate"), person=True)
    if body.country is not None:
        notes.append(
            _note(
                "/recordDetails",
                f"The registry gives the country {body.country} ({country_name(body.country)}) for this person, "
                "without saying whether it is a nationality or a residence; it is not given as either.",
            )
        )
    return details


def _other_names(body: Body) -> list[str]:
    return list(dict.fromkeys(n.name for n in body.all_names() if n.name != body.name))


def _lifetime_dates(
    lifetime: Interval, details: dict[str, Any], notes: list[dict[str, str]], fields: tuple[str, str], *, person: bool
) -> None:
    """A lifetime as the record's first and last date: a person's birth and death, an entity's founding and dissolution.

    A person's dates may be partial; an entity's are given only to the day, and its dissolution is the day after
    the last day it existed.
    """
    found, missing = _dates(lifetime, fields, partial=person, exclusive_end=not person, what="its lifetime")
    details.update(found)
    notes.extend(_note("/recordDetails", text) for text in missing)


def _dates(
    interval: Interval, fields: tuple[str, str], *, partial: bool, exclusive_end: bool, what: str
) -> tuple[dict[str, str], list[str]]:
    """An interval's start and end as two date fields, and why any date the registry has is left out.

    Args:
        interval: The registry's interval (both ends inclusive).
        fields: The names of the start and end fields.
        partial: Whether the fields take a year or a month alone (BODS birth and death dates do).
        exclusive_end: Give the day after the end: the first day it no longer held.
        what: What the interval is of, for the notes.
    """
    found: dict[str, str] = {}
    missing: list[str] = []
    for field, date, end in ((fields[0], interval.start, False), (fields[1], interval.end, True)):
        side = "end" if end else "start"
        if date is UNKNOWN:
            missing.append(f"The {side} of {what} is a date the registry does not know; no {field}.")
        elif not isinstance(date, PartialDate):
            continue
        elif date.precision != "day" and not partial:
            missing.append(
                f"The registry gives the {side} of {what} as {date} ({date.precision} only); "
                f"BODS needs a full day, so {field} is left out."
            )
        elif end and exclusive_end:
            last = date.earliest()
            if last == datetime.date.max:
                missing.append(f"The {side} of {what} is the last day of the calendar; no {field}.")
            else:
                found[field] = (last + datetime.timedelta(days=1)).isoformat()
        else:
            found[field] = date.isoformat()
    return found, missing


# -- relationships ------------------------------------------------------------------------


def _interest_type(relation: Relation, registry: Registry) -> str:
    party = registry.lookup(relation.subject)
    if relation.kind in _BY_THE_STATE and isinstance(party, Organization) and party.kind in _STATE_KINDS:
        return "controlByLegalFramework"
    return INTEREST_TYPES[relation.kind]


def _percent(share: float) -> float:
    """A share (0 to 1) in percent, without binary noise (0.3077 -> 30.77)."""
    return float(Decimal(repr(share)).scaleb(2))


def _describe(relation: Relation) -> str:
    share = ""
    if relation.share is not None:
        share = f" ({_percent(relation.share):g}%{' of its funding' if relation.kind == 'funds' else ''})"
    return f"{relation.kind}{share}: {_MEANINGS[relation.kind]}; registry interval {_interval_text(relation.interval)}"


def _relationship_statement(relation: Relation, record_id: str, registry: Registry) -> Statement:
    interest: dict[str, Any] = {"type": _interest_type(relation, registry), "details": _describe(relation)}
    if relation.kind == "owns" and relation.share is not None:
        interest["share"] = {"exact": _percent(relation.share)}
    found, missing = _dates(
        relation.interval, ("startDate", "endDate"), partial=False, exclusive_end=True, what="the interest"
    )
    interest.update(found)
    notes = [_note("/recordDetails/interests/0", text) for text in missing]
    details = {
        "isComponent": False,
        "subject": relation.object,
        "interestedParty": relation.subject,
        "interests": [interest],
    }
    return _statement(record_id, "relationship", details, relation.sources, notes)


def _unsayable(relation: Relation, registry: Registry) -> str:
    """What a relation whose object is a person says, in words (BODS subjects are entities only)."""
    party = registry.lookup(relation.subject)
    return (
        f"The registry records that {party.name} ({party.id}) {_describe(relation)}. "
        "BODS relationships have entities as subjects only, so this is not a relationship statement."
    )


# -- statements, sources, ids -----------------------------------------------------------


def _note(pointer: str, description: str) -> dict[str, str]:
    return {"statementPointerTarget": pointer, "motivation": "commenting", "description": description}


def _statement(
    record_id: str,
    record_type: str,
    details: dict[str, Any],
    sources: tuple[Source, ...],
    notes: list[dict[str, str]],
) -> Statement:
    statement: Statement = {"recordId": record_id, "recordType": record_type, "recordDetails": details}
    if sources:
        statement["source"] = _source(sources[0])
        notes.extend(
            {
                "statementPointerTarget": "/source",
                "motivation": "linking",
                "description": f"A further source: {source.cite()}",
                "url": _uri(source.url),
            }
            for source in sources[1:]
        )
    if notes:
        statement["annotations"] = notes
    return statement


def _source(source: Source) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if source.kind is not None:
        found["type"] = [SOURCE_TYPES[source.kind]]
    found["description"] = source.cite()
    found["url"] = _uri(source.url)
    if source.accessed is not None and source.accessed.precision == "day":
        found["retrievedAt"] = source.accessed.isoformat()
    if source.publisher:
        found["assertedBy"] = [{"name": source.publisher}]
    return found


def _uri(url: str) -> str:
    """A URL as an RFC 3986 URI: characters outside ASCII percent-encoded as UTF-8, nothing else changed."""
    return quote(url, safe=_URL_SAFE)


def _finish(statement: Statement, subject: str, date: str) -> Statement:
    """The whole statement: its declaration subject, dates, publication details and the id derived from them all."""
    statement = {
        "declarationSubject": subject,
        "statementDate": date,
        **statement,
        "publicationDetails": {"publicationDate": date, "bodsVersion": BODS_VERSION, "publisher": {"name": _PUBLISHER}},
    }
    content = json.dumps(statement, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return {"statementId": str(uuid.uuid5(_NAMESPACE, f"{date}/{statement['recordId']}/{digest}")), **statement}
